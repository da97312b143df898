// kgex query GRAPH [NAME] [filters] [--match PATTERN]: entity cards, relation
// listings and pattern matches.
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_files.h"
#include "cli/query_common.h"

namespace kgex::cli {
namespace {

struct QueryCommand {
  std::string graph;
  std::string name;
  std::string match;
  std::string relation;
  std::string type;
  std::string from;
  std::string to;
  std::string document;
  double min_confidence = 0.0;
  std::string format;
};

std::vector<std::string> relation_row(const KnowledgeGraph& g, const RelationView& r) {
  return {g.entity(r.source).name,
          std::string(to_string(r.relation->type)),
          g.entity(r.target).name,
          confidence_text(r.relation->confidence),
          std::to_string(r.relation->support),
          first_evidence(*r.relation)};
}

int run_query(const QueryCommand& opt) {
  Result<QueryInput> input = open_query_input(opt.graph, opt.format);
  if (!input.ok()) {
    return report(input.status());
  }
  const KnowledgeGraph& g = input.value().graph;
  const OutputFormat format = input.value().format;
  RelationFilter filter;
  filter.min_confidence = opt.min_confidence;
  filter.document = opt.document;
  if (!opt.relation.empty()) {
    filter.relation = parse_relation_type(opt.relation);
    if (!filter.relation) {
      return report(
          Status(ErrorCode::kInvalidArgument, "unknown relation type \"" + opt.relation + "\""));
    }
  }
  if (!opt.type.empty()) {
    filter.entity_type = parse_entity_type(opt.type);
    if (!filter.entity_type) {
      return report(
          Status(ErrorCode::kInvalidArgument, "unknown entity type \"" + opt.type + "\""));
    }
  }
  for (auto [name, ids] : {std::pair{&opt.from, &filter.from}, std::pair{&opt.to, &filter.to}}) {
    if (!name->empty()) {
      *ids = resolve_name(g, *name);
      if (ids->empty()) {
        return kExitNothing;
      }
    }
  }
  Table table;
  if (!opt.match.empty()) {
    auto rows = match_pattern(g, opt.match);
    if (!rows.ok()) {
      std::cerr << "kgex: " << rows.status().message() << "\n  " << opt.match << "\n  "
                << std::string(static_cast<std::size_t>(std::max(0L, rows.status().where().offset)),
                               ' ')
                << "^\n";
      return kExitUsage;
    }
    table.command = "match";
    table.columns = rows.value().variables;
    for (const PatternRow& row : rows.value().rows) {
      std::vector<std::string> cells;
      for (const std::string& var : table.columns) {
        auto node = row.nodes.find(var);
        cells.push_back(node != row.nodes.end()
                            ? g.entity(node->second).name
                            : std::string(to_string(row.edges.at(var).relation->type)));
      }
      table.rows.push_back(std::move(cells));
    }
    table.print(std::cout, format);
    return table.rows.empty() ? kExitNothing : kExitOk;
  }
  table.columns = {"source", "relation", "target", "confidence", "support", "evidence"};
  if (!opt.name.empty()) {
    const std::vector<EntityId> ids = resolve_name(g, opt.name);
    if (ids.empty()) {
      return kExitNothing;
    }
    table.command = "card";
    for (EntityId id : ids) {
      table.entities.push_back(card_of(g.entity(id)));
      for (const RelationView& r : g.out_relations(id)) {
        if (passes(g, r, filter)) {
          table.rows.push_back(relation_row(g, r));
        }
      }
      for (const RelationView& r : g.in_relations(id)) {
        if (r.source != id && passes(g, r, filter)) {  // a self-loop is listed once
          table.rows.push_back(relation_row(g, r));
        }
      }
    }
    table.print(std::cout, format);
    return kExitOk;
  }
  table.command = "relations";
  for (const RelationView& r : filter_relations(g, filter)) {
    table.rows.push_back(relation_row(g, r));
  }
  table.print(std::cout, format);
  return table.rows.empty() ? kExitNothing : kExitOk;
}

}  // namespace

void setup_query(CLI::App& app, CommandRegistry& registry) {
  auto opt = std::make_shared<QueryCommand>();
  CLI::App* sub =
      app.add_subcommand("query", "Show an entity's card, list relations, or match a pattern");
  sub->add_option("graph", opt->graph, "A graph file written by kgex (.graphml or .jsonld)")
      ->required();
  sub->add_option("name", opt->name, "An entity's name or any alias (case, width, spaces ignored)");
  sub->add_option("--match", opt->match,
                  "A pattern, e.g. \"(p:Person)-[:leads]->(o:Organization)\"");
  sub->add_option("--relation", opt->relation, "Only relations of this type");
  sub->add_option("--type", opt->type, "Only relations with an entity of this type at either end");
  sub->add_option("--from", opt->from, "Only relations from this entity");
  sub->add_option("--to", opt->to, "Only relations to this entity");
  sub->add_option("--min-confidence", opt->min_confidence,
                  "Only relations at least this confident");
  sub->add_option("--document", opt->document, "Only relations with evidence from this document");
  sub->add_option("--format", opt->format,
                  "table, tsv or json (default: table on a terminal, else tsv)");
  registry.add(sub, [opt] { return run_query(*opt); });
}

}  // namespace kgex::cli
