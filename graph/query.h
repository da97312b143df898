// Asking a KnowledgeGraph questions: names, relation filters, Cypher-shaped
// patterns, shortest paths, neighbourhoods and rankings. Everything returns
// data; printing is the CLI's business.
//
//   auto ids = lookup(graph, "오픈AI");                       // any alias, normalised
//   auto rows = match_pattern(graph, "(p:Person)-[:leads]->(o:Organization)");
//   auto path = shortest_paths(graph, a, b, {.max_hops = 4});
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kgex {

// Entities carrying `name` as name or alias, compared by name_key().
std::vector<EntityId> lookup(const KnowledgeGraph& graph, std::string_view name);

// Up to `limit` entity names closest to `name` (edit distance on name keys), closest first.
std::vector<std::string> suggest_names(const KnowledgeGraph& graph, std::string_view name,
                                       std::size_t limit = 5);

struct RelationFilter {
  std::optional<RelationType> relation;
  std::optional<EntityType> entity_type;  // either end
  std::vector<EntityId> from;             // empty: any source
  std::vector<EntityId> to;               // empty: any target
  double min_confidence = 0.0;
  std::string document;  // evidence from this document; empty: any
};

bool passes(const KnowledgeGraph& graph, const RelationView& r, const RelationFilter& filter);
std::vector<RelationView> filter_relations(const KnowledgeGraph& graph,
                                           const RelationFilter& filter);

// One result of a pattern: variable name -> entity, and relation variable -> relation.
struct PatternRow {
  std::map<std::string, EntityId> nodes;
  std::map<std::string, RelationView> edges;
};

struct PatternMatches {
  std::vector<std::string> variables;  // node and relation variables, in the order written
  std::vector<PatternRow> rows;
};

// Matches a pattern such as
//   (t:Team)-[:part_of]->(o)<-[:leads]-(p:Person {name: "Sam Altman"})
// Nodes: (var?:Type? {name: "..."}?); edges: -[var?:type|type?]-> , <-[...]- or -[...]- (either
// way). Rows come in a deterministic order. A malformed pattern is kInvalidArgument with
// SourceLocation::offset set to the 0-based column of the fault.
Result<PatternMatches> match_pattern(const KnowledgeGraph& graph, std::string_view pattern);

struct Hop {
  EntityId from;
  EntityId to;
  const Relation* relation;
  bool forward;  // the relation points from `from` to `to`
};
using Path = std::vector<Hop>;

struct PathOptions {
  std::size_t max_hops = 6;
  bool all_shortest = false;
  std::size_t max_paths = 100;
};

// Shortest connections between two entities over relations in either direction
// (breadth-first search). Empty when none within max_hops.
std::vector<Path> shortest_paths(const KnowledgeGraph& graph, EntityId from, EntityId to,
                                 const PathOptions& options = {});

// The entities within `depth` relations of `center` (either direction) and the
// relations among them, as a graph of their own.
KnowledgeGraph neighborhood(const KnowledgeGraph& graph, EntityId center, std::size_t depth);

struct RankedEntity {
  EntityId id;
  double score;
};

struct GraphStats {
  std::map<std::string, std::size_t> entities_by_type;
  std::map<std::string, std::size_t> relations_by_type;
  std::vector<std::string> documents;  // sorted, from evidence and mentions
  std::vector<RankedEntity> top_degree;
  std::vector<RankedEntity> top_pagerank;
  std::vector<std::size_t> component_sizes;  // largest first
};

// Counts, the `top` entities by degree and by PageRank (Boost's page_rank), and
// the sizes of connected components (relations taken as undirected).
GraphStats graph_stats(const KnowledgeGraph& graph, std::size_t top = 10);

}  // namespace kgex
