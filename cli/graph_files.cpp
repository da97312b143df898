#include "cli/graph_files.h"

#include <filesystem>
#include <sstream>

#include "cli/file_io.h"

namespace kgex::cli {

Result<std::optional<GraphFormat>> forced_format(const std::string& name) {
  if (name.empty()) {
    return std::optional<GraphFormat>();
  }
  Result<GraphFormat> f = parse_format(name);
  if (!f.ok()) {
    return f.status();
  }
  return std::optional<GraphFormat>(f.value());
}

Result<GraphFormat> output_format(const std::string& path,
                                  const std::optional<GraphFormat>& forced) {
  if (forced) {
    return *forced;
  }
  if (path == "-") {
    return Status(ErrorCode::kInvalidArgument, "writing to standard output needs --format");
  }
  return format_from_path(path);
}

Status write_graph_file(const KnowledgeGraph& graph, const std::string& path,
                        const std::optional<GraphFormat>& forced) {
  return write_graph_file(GraphNames(graph), path, forced);
}

Status write_graph_file(const GraphNames& names, const std::string& path,
                        const std::optional<GraphFormat>& forced) {
  Result<GraphFormat> format = output_format(path, forced);
  if (!format.ok()) {
    return format.status().in_file(path);
  }
  if (format.value() == GraphFormat::kCsv && path != "-") {
    std::filesystem::path p(path);
    const std::string stem = (p.parent_path() / p.stem()).string();
    std::string relationships_csv;
    Status s = write_file_atomic(stem + ".nodes.csv", [&](std::ostream& nodes) {
      std::ostringstream relationships;
      Status w = write_csv(names, nodes, relationships);
      relationships_csv = relationships.str();
      return w;
    });
    if (!s.ok()) {
      return s;
    }
    return write_file_atomic(stem + ".relationships.csv", [&](std::ostream& out) {
      out << relationships_csv;
      return Status();
    });
  }
  return write_file_atomic(
      path, [&](std::ostream& out) { return write_graph(names, format.value(), out); });
}

Result<KnowledgeGraph> read_graph_file(const std::string& path,
                                       const std::optional<GraphFormat>& forced) {
  Result<GraphFormat> format = output_format(path, forced);
  if (!format.ok()) {
    return format.status().in_file(path);
  }
  if (!is_readable(format.value())) {
    return Status(ErrorCode::kInvalidArgument,
                  "kgex cannot read " + std::string(to_string(format.value())) +
                      " files; use GraphML or JSON-LD",
                  {.file = path});
  }
  Result<std::string> text = read_file(path);
  if (!text.ok()) {
    return text.status();
  }
  return read_graph(text.value(), format.value(), path);
}

}  // namespace kgex::cli
