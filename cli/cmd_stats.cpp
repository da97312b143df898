// kgex stats GRAPH: counts, rankings (degree, PageRank) and components.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_files.h"
#include "cli/query_common.h"

namespace kgex::cli {
namespace {

struct StatsCommand {
  std::string graph;
  std::size_t top = 10;
  std::string format;
};

int run_stats(const StatsCommand& opt) {
  Result<QueryInput> input = open_query_input(opt.graph, opt.format);
  if (!input.ok()) {
    return report(input.status());
  }
  const KnowledgeGraph& g = input.value().graph;
  const OutputFormat format = input.value().format;
  const GraphStats stats = graph_stats(g, opt.top);
  Table table;
  table.command = "stats";
  table.columns = {"section", "key", "value"};
  table.rows.push_back({"total", "entities", std::to_string(g.entity_count())});
  table.rows.push_back({"total", "relations", std::to_string(g.relation_count())});
  table.rows.push_back({"total", "documents", std::to_string(stats.documents.size())});
  for (const auto& [type, n] : stats.entities_by_type) {
    table.rows.push_back({"entities", type, std::to_string(n)});
  }
  for (const auto& [type, n] : stats.relations_by_type) {
    table.rows.push_back({"relations", type, std::to_string(n)});
  }
  for (const RankedEntity& r : stats.top_degree) {
    table.rows.push_back(
        {"degree", g.entity(r.id).name, std::to_string(static_cast<long>(r.score))});
  }
  for (const RankedEntity& r : stats.top_pagerank) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", r.score);
    table.rows.push_back({"pagerank", g.entity(r.id).name, buf});
  }
  for (std::size_t i = 0; i < stats.component_sizes.size(); ++i) {
    table.rows.push_back(
        {"component", std::to_string(i + 1), std::to_string(stats.component_sizes[i])});
  }
  table.print(std::cout, format);
  return kExitOk;
}

}  // namespace

void setup_stats(CLI::App& app, CommandRegistry& registry) {
  auto opt = std::make_shared<StatsCommand>();
  CLI::App* sub =
      app.add_subcommand("stats", "Entities and relations by type, top entities, components");
  sub->add_option("graph", opt->graph, "A graph file written by kgex (.graphml or .jsonld)")
      ->required();
  sub->add_option("--top", opt->top, "How many top entities to list (default 10)");
  sub->add_option("--format", opt->format, "table, tsv or json");
  registry.add(sub, [opt] { return run_stats(*opt); });
}

}  // namespace kgex::cli
