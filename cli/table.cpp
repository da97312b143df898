#include "cli/table.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include <cstdlib>

#include "core/utf8.h"

namespace kgex::cli {
namespace {

bool colour() { return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr; }

std::string tsv_field(const std::string& s) {
  std::string out;
  for (char c : s) {
    out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  }
  return out;
}

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return s + std::string(width > w ? width - w : 0, ' ');
}

}  // namespace

Result<OutputFormat> output_format_for(const std::string& name) {
  if (name.empty()) {
    return isatty(STDOUT_FILENO) ? OutputFormat::kTable : OutputFormat::kTsv;
  }
  if (name == "table") return OutputFormat::kTable;
  if (name == "tsv") return OutputFormat::kTsv;
  if (name == "json") return OutputFormat::kJson;
  return Status(ErrorCode::kInvalidArgument,
                "unknown output format \"" + name + "\" (table, tsv, json)");
}

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t p = 0; p < text.size();) {
    const auto c = static_cast<UChar32>(next_code_point(text, p));
    const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) {
      continue;
    }
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

void Table::print(std::ostream& out, OutputFormat format) const {
  if (format == OutputFormat::kJson) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    auto str = [&w](const std::string& s) {
      w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    };
    w.StartObject();
    w.Key("command");
    str(command);
    w.Key("entities");
    w.StartArray();
    for (const EntityCard& e : entities) {
      w.StartObject();
      w.Key("name");
      str(e.name);
      w.Key("type");
      str(e.type);
      w.Key("aliases");
      w.StartArray();
      for (const std::string& a : e.aliases) {
        str(a);
      }
      w.EndArray();
      w.Key("mentions");
      w.Uint64(e.mentions);
      w.EndObject();
    }
    w.EndArray();
    w.Key("columns");
    w.StartArray();
    for (const std::string& c : columns) {
      str(c);
    }
    w.EndArray();
    w.Key("rows");
    w.StartArray();
    for (const auto& row : rows) {
      w.StartArray();
      for (const std::string& cell : row) {
        str(cell);
      }
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
    out << buffer.GetString() << "\n";
    return;
  }
  const bool bold = format == OutputFormat::kTable && colour();
  for (const EntityCard& e : entities) {
    if (format == OutputFormat::kTsv) {
      out << "# " << tsv_field(e.name) << "\t" << e.type << "\tmentions=" << e.mentions;
      for (const std::string& a : e.aliases) {
        out << "\t" << tsv_field(a);
      }
      out << "\n";
      continue;
    }
    out << (bold ? "\x1b[1m" : "") << e.name << (bold ? "\x1b[0m" : "") << " (" << e.type << ", "
        << e.mentions << " mentions)";
    if (!e.aliases.empty()) {
      out << "\n  aliases:";
      for (const std::string& a : e.aliases) {
        out << " " << a;
      }
    }
    out << "\n";
  }
  if (columns.empty()) {
    return;
  }
  if (format == OutputFormat::kTsv) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      out << (i ? "\t" : "") << columns[i];
    }
    out << "\n";
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        out << (i ? "\t" : "") << tsv_field(row[i]);
      }
      out << "\n";
    }
    return;
  }
  std::vector<std::size_t> widths(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    widths[i] = display_width(columns[i]);
    for (const auto& row : rows) {
      widths[i] = std::max(widths[i], i < row.size() ? display_width(row[i]) : 0);
    }
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    out << (bold ? "\x1b[1m" : "") << pad(columns[i], i + 1 < columns.size() ? widths[i] : 0)
        << (bold ? "\x1b[0m" : "") << (i + 1 < columns.size() ? "  " : "\n");
  }
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out << pad(row[i], i + 1 < row.size() ? widths[i] : 0) << (i + 1 < row.size() ? "  " : "\n");
    }
  }
}

}  // namespace kgex::cli
