// Not public: GEXF 1.3 writing. Use exporters/exporter.h.
//
// Nodes: id (GraphIds), label (canonical name), attvalues type, aliases (JSON
// array), mentions; viz:color (integer r, g, b of the type), viz:size (see
// node_sizes). Edges: id, source, target, label and kind (the relation type,
// so Gephi keeps parallel edges of different types apart), weight
// (confidence), attvalues confidence, support, evidence (first sentences),
// documents (JSON array). Attribute ids are numeric with a title.
#pragma once

#include <ostream>
#include <string_view>

#include "core/status.h"
#include "exporters/detail/naming.h"
#include "graph/knowledge_graph.h"

namespace kgex::exporters {

inline constexpr std::string_view kGexfNamespace = "http://gexf.net/1.3";
inline constexpr std::string_view kGexfVizNamespace = "http://gexf.net/1.3/viz";

// `ids` are the graph's (GraphNames::ids).
Status write_gexf(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out);

}  // namespace kgex::exporters
