// Not public: GraphML writing and reading. Use exporters/exporter.h.
//
// Keys (descriptive ids, attr.name = id unless noted):
//   node: label (canonical name), type, aliases (JSON array of strings),
//         mentions (int count), mention_spans (JSON array of mention objects),
//         r, g, b (int, colour of the type), size (double)
//   edge: edge_label (attr.name "label": the relation type), weight (= confidence),
//         confidence, support (int), evidence (first sentences, one per line),
//         documents (JSON array), provenance (JSON array of evidence objects)
// Node ids and edge ids come from GraphIds; docs/formats.md has an example.
#pragma once

#include <ostream>
#include <string_view>

#include "core/status.h"
#include "exporters/detail/naming.h"
#include "graph/knowledge_graph.h"

namespace kgex::exporters {

inline constexpr std::string_view kGraphMLNamespace = "http://graphml.graphdrawing.org/xmlns";

// `ids` are the graph's (GraphNames::ids).
Status write_graphml(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out);

// Reads what write_graphml() writes; see read_graph() for the errors.
Result<KnowledgeGraph> read_graphml(std::string_view text, std::string_view source_name);

}  // namespace kgex::exporters
