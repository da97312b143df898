// Not public: Neo4j bulk-import CSV writing. Use exporters/exporter.h.
//
// nodes:         id:ID,name,:LABEL,aliases:string[],mentions:int
// relationships: :START_ID,:END_ID,:TYPE,confidence:float,support:int,evidence,documents:string[]
// Ids from GraphIds, :LABEL the entity type, :TYPE the relation type, arrays
// joined with ';' (neo4j-admin's default --array-delimiter, which cannot be
// escaped: a ';' inside an alias or document name is written as ','), evidence = the
// first sentences, one per line. RFC 4180 quoting; lines end in LF.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "exporters/detail/naming.h"
#include "graph/knowledge_graph.h"

namespace kgex::exporters {

// `ids` are the graph's (GraphNames::ids).
Status write_csv_nodes(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out);
Status write_csv_relationships(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out);

// `text` cleaned (clean_text) as an RFC 4180 field: quoted, with quotes
// doubled, when it holds a comma, quote, CR or LF; as is otherwise.
std::string csv_field(std::string_view text);

}  // namespace kgex::exporters
