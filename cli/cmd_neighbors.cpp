// kgex neighbors GRAPH NAME --depth N [-o FILE]: an entity's neighbourhood.
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_files.h"
#include "cli/query_common.h"

namespace kgex::cli {
namespace {

struct NeighborsCommand {
  std::string graph;
  std::string name;
  std::size_t depth = 1;
  std::string output;
  std::string format;
};

int run_neighbors(const NeighborsCommand& opt) {
  Result<KnowledgeGraph> loaded = read_graph_file(opt.graph);
  if (!loaded.ok()) {
    return report(loaded.status());
  }
  const KnowledgeGraph& g = loaded.value();
  const std::vector<EntityId> ids = resolve_name(g, opt.name);
  if (ids.empty()) {
    return kExitNothing;
  }
  KnowledgeGraph sub;
  for (EntityId id : ids) {
    sub.merge(neighborhood(g, id, opt.depth));
  }
  if (!opt.output.empty()) {
    Status s = write_graph_file(sub, opt.output);
    return s.ok() ? kExitOk : report(s);
  }
  Result<OutputFormat> format = output_format_for(opt.format);
  if (!format.ok()) {
    return report(format.status());
  }
  Table table;
  table.command = "neighbors";
  table.columns = {"source", "relation", "target", "confidence"};
  for (const RelationView& r : sub.relations()) {
    table.rows.push_back({sub.entity(r.source).name, std::string(to_string(r.relation->type)),
                          sub.entity(r.target).name, confidence_text(r.relation->confidence)});
  }
  for (EntityId id : ids) {
    table.entities.push_back(card_of(g.entity(id)));
  }
  table.print(std::cout, format.value());
  return kExitOk;
}

}  // namespace

void setup_neighbors(CLI::App& app, CommandRegistry& registry) {
  auto opt = std::make_shared<NeighborsCommand>();
  CLI::App* sub = app.add_subcommand("neighbors", "The entities and relations around an entity");
  sub->add_option("graph", opt->graph, "A graph file written by kgex (.graphml or .jsonld)")
      ->required();
  sub->add_option("name", opt->name, "The entity at the centre")->required();
  sub->add_option("--depth", opt->depth, "How many relations away (default 1)");
  sub->add_option("-o,--output", opt->output,
                  "Write the neighbourhood as a graph file (any export format)");
  sub->add_option("--format", opt->format, "table, tsv or json (when not writing a file)");
  registry.add(sub, [opt] { return run_neighbors(*opt); });
}

}  // namespace kgex::cli
