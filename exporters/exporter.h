// Writing and reading graph files. One function per direction; the format is
// chosen by name or file extension.
//
//   Result<GraphFormat> f = format_from_path("out/graph.graphml");
//   Status s = write_graph(graph, f.value(), std::cout);
//   Result<KnowledgeGraph> g = read_graph(text, GraphFormat::kJsonLd, "in.jsonld");
//
// Writers are deterministic: the same graph gives byte-identical output.
// Nothing here opens files: callers pass streams and strings (cli/ does the I/O).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kgex {

enum class GraphFormat { kGraphML, kGexf, kJsonLd, kDot, kNTriples, kCsv };

// "graphml", "gexf", "jsonld", "dot", "nt", "csv"; kInvalidArgument for others.
std::string_view to_string(GraphFormat format);
Result<GraphFormat> parse_format(std::string_view name);
// By extension: .graphml .gexf .jsonld/.json-ld/.json .dot/.gv .nt .csv.
Result<GraphFormat> format_from_path(std::string_view path);
// Formats that read_graph() accepts.
bool is_readable(GraphFormat format);

// Writes `graph` in `format` to `out`. kCsv writes the Neo4j bulk-import nodes
// file only; use write_csv() for both files. kIo if the stream fails.
Status write_graph(const KnowledgeGraph& graph, GraphFormat format, std::ostream& out);

// Neo4j bulk-import CSV: a nodes file and a relationships file.
Status write_csv(const KnowledgeGraph& graph, std::ostream& nodes, std::ostream& relationships);

// Parses a graph written by kgex. `source_name` names the input in errors,
// which carry a line (XML) or JSON Pointer (JSON-LD).
Result<KnowledgeGraph> read_graph(std::string_view text, GraphFormat format,
                                  std::string_view source_name);

}  // namespace kgex
