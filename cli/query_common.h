// What the query commands share: loading the graph, resolving names, formatting.
#pragma once

#include <string>
#include <vector>

#include "cli/table.h"
#include "graph/knowledge_graph.h"
#include "graph/query.h"

namespace kgex::cli {

// A graph file and the chosen --format, as every query command needs them.
struct QueryInput {
  KnowledgeGraph graph;
  OutputFormat format = OutputFormat::kTsv;
};
Result<QueryInput> open_query_input(const std::string& path, const std::string& format);

// Entities named `name`; when there is none, prints the closest names to stderr.
std::vector<EntityId> resolve_name(const KnowledgeGraph& graph, const std::string& name);

EntityCard card_of(const Entity& e);

// "0.85"
std::string confidence_text(double confidence);

// The first evidence sentence of a relation, or "".
std::string first_evidence(const Relation& r);

}  // namespace kgex::cli
