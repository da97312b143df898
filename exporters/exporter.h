// Writing and reading graph files. One function per direction; the format is
// chosen by name or file extension.
//
//   Result<GraphFormat> f = format_from_path("out/graph.graphml");
//   Status s = write_graph(graph, f.value(), std::cout);
//   Result<KnowledgeGraph> g = read_graph(text, GraphFormat::kJsonLd, "in.jsonld");
//
// Writers are deterministic: the same graph gives byte-identical output.
// Numbers are written with 4 decimals, so a graph read back from a file has its
// confidences rounded to 4 decimals; writing it again gives the same bytes.
// Text is written as valid UTF-8 without the control characters XML forbids
// (invalid bytes and U+0000-U+001F other than tab and line feed are dropped;
// CR LF and CR become LF), the same in every format. docs/formats.md lists
// the fields of each format. Nothing here opens files: callers pass streams
// and strings (cli/ does the I/O).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kgex {
namespace exporters {
class GraphIds;
class RdfIris;
}  // namespace exporters

enum class GraphFormat { kGraphML, kGexf, kJsonLd, kDot, kNTriples, kCsv };

// "graphml", "gexf", "jsonld", "dot", "nt", "csv"; kInvalidArgument for others.
std::string_view to_string(GraphFormat format);
Result<GraphFormat> parse_format(std::string_view name);
// By extension: .graphml .gexf .jsonld/.json-ld/.json .dot/.gv .nt .csv;
// kInvalidArgument naming `path` as the file for others.
Result<GraphFormat> format_from_path(std::string_view path);
// Formats that read_graph() accepts: GraphML and JSON-LD.
bool is_readable(GraphFormat format);

// The namespace of kgex's RDF vocabulary (types Team, Tool, Relation, ...;
// properties develops, confidence, ...), used by JSON-LD and N-Triples.
inline constexpr std::string_view kVocabularyIri = "https://w3id.org/kgex/vocab/";
// The default prefix of entity and relation IRIs: <base>entity/<id>, <base>relation/<id>.
inline constexpr std::string_view kDefaultBaseIri = "https://w3id.org/kgex/";

struct WriteOptions {
  // JSON-LD and N-Triples: prefix of entity and relation IRIs. Must be an
  // absolute ASCII IRI (a scheme, then no spaces, quotes, <>{}|\^` or control
  // characters) ending in '/', '#' or ':'; kInvalidArgument otherwise.
  std::string base_iri = std::string(kDefaultBaseIri);
};

// The names the writers give a graph's entities: node ids (GraphML, GEXF, DOT, CSV) and IRIs
// under options.base_iri (JSON-LD, N-Triples), each kind worked out at its first use. A graph
// written in several formats shares one, so that its names are worked out once, not once per
// file. Writers in several threads may share it; the graph must outlive it, unchanged.
class GraphNames {
 public:
  explicit GraphNames(const KnowledgeGraph& graph, WriteOptions options = {});
  ~GraphNames();
  GraphNames(const GraphNames&) = delete;
  GraphNames& operator=(const GraphNames&) = delete;

  const KnowledgeGraph& graph() const { return graph_; }
  const WriteOptions& options() const { return options_; }
  const exporters::GraphIds& ids() const;
  // Precondition: options().base_iri is valid (write_graph checks it).
  const exporters::RdfIris& iris() const;

 private:
  struct Parts;
  const KnowledgeGraph& graph_;
  WriteOptions options_;
  std::unique_ptr<Parts> parts_;
};

// Writes `graph` in `format` to `out`. kCsv writes the Neo4j bulk-import nodes
// file only; use write_csv() for both files. kIo if the stream fails.
Status write_graph(const KnowledgeGraph& graph, GraphFormat format, std::ostream& out,
                   const WriteOptions& options = {});
// The same for names.graph(), with names.options().
Status write_graph(const GraphNames& names, GraphFormat format, std::ostream& out);

// Neo4j bulk-import CSV: a nodes file and a relationships file.
Status write_csv(const KnowledgeGraph& graph, std::ostream& nodes, std::ostream& relationships);
Status write_csv(const GraphNames& names, std::ostream& nodes, std::ostream& relationships);

// The two file names write_csv() output goes to for an output path:
// "out/g.csv" -> "out/g.nodes.csv" and "out/g.relationships.csv".
struct CsvFileNames {
  std::string nodes;
  std::string relationships;
};
CsvFileNames csv_file_names(std::string_view path);

// Parses a graph written by kgex (GraphML or JSON-LD). Errors are kParse for
// text that is not well-formed XML or JSON and kSchema for a well-formed file
// that is not a kgex graph (wrong root, unknown type, edge to an unknown
// node, ...); they name `source_name` and carry a line (XML) or a JSON
// Pointer (JSON-LD), or a byte offset and line for JSON syntax errors.
// kInvalidArgument for formats that are not readable.
Result<KnowledgeGraph> read_graph(std::string_view text, GraphFormat format,
                                  std::string_view source_name);

}  // namespace kgex
