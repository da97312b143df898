// Not public: Graphviz DOT writing. Use exporters/exporter.h.
//
// A digraph with fontname "NanumGothic" (Hangul-capable; fontconfig falls back
// when it is missing) on graph, nodes and edges; one shape and colour per
// entity type; a legend in the cluster subgraph "cluster_legend"; edges
// labelled with the relation type and confidence, penwidth 1 + 3 * confidence,
// undirected-looking (dir=none) for symmetric types, and the first evidence
// sentence as tooltip. Every ID and attribute value is a quoted string.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "exporters/detail/naming.h"
#include "graph/knowledge_graph.h"

namespace kgex::exporters {

inline constexpr std::string_view kDotFont = "NanumGothic";

// `ids` are the graph's (GraphNames::ids).
Status write_dot(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out);

// `text` cleaned (clean_text) as a DOT quoted string: `"` and `\` escaped with
// a backslash, a line feed as \n (a centred line break), tab as a space.
std::string dot_quote(std::string_view text);

}  // namespace kgex::exporters
