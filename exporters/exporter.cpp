#include "exporters/exporter.h"

#include <array>
#include <mutex>
#include <optional>
#include <utility>

#include "exporters/csv.h"
#include "exporters/detail/naming.h"
#include "exporters/detail/rdf_vocab.h"
#include "exporters/detail/text.h"
#include "exporters/dot.h"
#include "exporters/gexf.h"
#include "exporters/graphml.h"
#include "exporters/jsonld.h"
#include "exporters/ntriples.h"

namespace kgex {
namespace {

constexpr std::array<std::pair<GraphFormat, std::string_view>, 6> kNames = {{
    {GraphFormat::kGraphML, "graphml"},
    {GraphFormat::kGexf, "gexf"},
    {GraphFormat::kJsonLd, "jsonld"},
    {GraphFormat::kDot, "dot"},
    {GraphFormat::kNTriples, "nt"},
    {GraphFormat::kCsv, "csv"},
}};

constexpr std::array<std::pair<std::string_view, GraphFormat>, 9> kExtensions = {{
    {".graphml", GraphFormat::kGraphML},
    {".gexf", GraphFormat::kGexf},
    {".jsonld", GraphFormat::kJsonLd},
    {".json-ld", GraphFormat::kJsonLd},
    {".json", GraphFormat::kJsonLd},
    {".dot", GraphFormat::kDot},
    {".gv", GraphFormat::kDot},
    {".nt", GraphFormat::kNTriples},
    {".csv", GraphFormat::kCsv},
}};

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string format_list() {
  std::string out;
  for (const auto& [format, name] : kNames) {
    out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out;
}

Status check_base_iri(const WriteOptions& options) {
  if (!exporters::is_base_iri(options.base_iri)) {
    return Status(
        ErrorCode::kInvalidArgument,
        "base IRI \"" + options.base_iri +
            "\" must be an absolute IRI ending in '/', '#' or ':', without spaces or quotes");
  }
  return {};
}

}  // namespace

std::string_view to_string(GraphFormat format) {
  for (const auto& [f, name] : kNames) {
    if (f == format) {
      return name;
    }
  }
  return "unknown";
}

Result<GraphFormat> parse_format(std::string_view name) {
  const std::string lower = ascii_lower(name);
  for (const auto& [format, format_name] : kNames) {
    if (format_name == lower) {
      return format;
    }
  }
  for (const auto& [extension, format] : kExtensions) {
    if (extension.substr(1) == lower) {
      return format;
    }
  }
  return Status(ErrorCode::kInvalidArgument,
                "unknown format \"" + std::string(name) + "\" (known: " + format_list() + ")");
}

Result<GraphFormat> format_from_path(std::string_view path) {
  const std::string lower = ascii_lower(path);
  for (const auto& [extension, format] : kExtensions) {
    if (lower.size() > extension.size() && lower.ends_with(extension)) {
      return format;
    }
  }
  return Status(ErrorCode::kInvalidArgument,
                "unknown format: use the extension .graphml, .gexf, .jsonld (.json-ld, .json), "
                ".dot (.gv), .nt or .csv",
                {.file = std::string(path)});
}

bool is_readable(GraphFormat format) {
  return format == GraphFormat::kGraphML || format == GraphFormat::kJsonLd;
}

struct GraphNames::Parts {
  std::once_flag ids_once;
  std::optional<exporters::GraphIds> ids;
  std::once_flag iris_once;
  std::optional<exporters::RdfIris> iris;
};

GraphNames::GraphNames(const KnowledgeGraph& graph, WriteOptions options)
    : graph_(graph), options_(std::move(options)), parts_(std::make_unique<Parts>()) {}

GraphNames::~GraphNames() = default;

const exporters::GraphIds& GraphNames::ids() const {
  std::call_once(parts_->ids_once, [&] { parts_->ids.emplace(graph_); });
  return *parts_->ids;
}

const exporters::RdfIris& GraphNames::iris() const {
  std::call_once(parts_->iris_once,
                 [&] { parts_->iris.emplace(graph_, ids(), options_.base_iri); });
  return *parts_->iris;
}

Status write_graph(const KnowledgeGraph& graph, GraphFormat format, std::ostream& out,
                   const WriteOptions& options) {
  return write_graph(GraphNames(graph, options), format, out);
}

Status write_graph(const GraphNames& names, GraphFormat format, std::ostream& out) {
  const KnowledgeGraph& graph = names.graph();
  switch (format) {
    case GraphFormat::kGraphML:
      return exporters::write_graphml(graph, names.ids(), out);
    case GraphFormat::kGexf:
      return exporters::write_gexf(graph, names.ids(), out);
    case GraphFormat::kJsonLd:
      if (Status s = check_base_iri(names.options()); !s.ok()) {
        return s;
      }
      return exporters::write_jsonld(graph, names.iris(), out);
    case GraphFormat::kDot:
      return exporters::write_dot(graph, names.ids(), out);
    case GraphFormat::kNTriples:
      if (Status s = check_base_iri(names.options()); !s.ok()) {
        return s;
      }
      return exporters::write_ntriples(graph, names.iris(), out);
    case GraphFormat::kCsv:
      return exporters::write_csv_nodes(graph, names.ids(), out);
  }
  return Status(ErrorCode::kInvalidArgument, "unknown graph format");
}

Status write_csv(const KnowledgeGraph& graph, std::ostream& nodes, std::ostream& relationships) {
  return write_csv(GraphNames(graph), nodes, relationships);
}

Status write_csv(const GraphNames& names, std::ostream& nodes, std::ostream& relationships) {
  if (Status s = exporters::write_csv_nodes(names.graph(), names.ids(), nodes); !s.ok()) {
    return s;
  }
  return exporters::write_csv_relationships(names.graph(), names.ids(), relationships);
}

CsvFileNames csv_file_names(std::string_view path) {
  std::string stem(path);
  const std::size_t slash = stem.find_last_of('/');
  const std::size_t dot = stem.find_last_of('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1)) {
    stem.erase(dot);
  }
  return {stem + ".nodes.csv", stem + ".relationships.csv"};
}

Result<KnowledgeGraph> read_graph(std::string_view text, GraphFormat format,
                                  std::string_view source_name) {
  switch (format) {
    case GraphFormat::kGraphML:
      return exporters::read_graphml(text, source_name);
    case GraphFormat::kJsonLd:
      return exporters::read_jsonld(text, source_name);
    default:
      return Status(ErrorCode::kInvalidArgument,
                    "kgex cannot read " + std::string(to_string(format)) +
                        " files; it reads GraphML and JSON-LD",
                    {.file = std::string(source_name)});
  }
}

}  // namespace kgex
