// kgex path GRAPH A B: the shortest connections between two entities.
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_files.h"
#include "cli/query_common.h"

namespace kgex::cli {
namespace {

struct PathCommand {
  std::string graph;
  std::string from;
  std::string to;
  bool all_shortest = false;
  std::size_t max_hops = 6;
  std::string format;
};

int run_path(const PathCommand& opt) {
  Result<QueryInput> input = open_query_input(opt.graph, opt.format);
  if (!input.ok()) {
    return report(input.status());
  }
  const KnowledgeGraph& g = input.value().graph;
  const OutputFormat format = input.value().format;
  const std::vector<EntityId> a = resolve_name(g, opt.from);
  const std::vector<EntityId> b = resolve_name(g, opt.to);
  if (a.empty() || b.empty()) {
    return kExitNothing;
  }
  Table table;
  table.command = "path";
  table.columns = {"path", "hop", "from", "relation", "to"};
  const PathOptions options{.max_hops = opt.max_hops, .all_shortest = opt.all_shortest};
  std::size_t number = 0;
  for (EntityId s : a) {
    for (EntityId t : b) {
      for (const Path& path : shortest_paths(g, s, t, options)) {
        ++number;
        for (std::size_t h = 0; h < path.size(); ++h) {
          const Hop& hop = path[h];
          const std::string type(to_string(hop.relation->type));
          table.rows.push_back(
              {std::to_string(number), std::to_string(h + 1), g.entity(hop.from).name,
               hop.forward ? "-[" + type + "]->" : "<-[" + type + "]-", g.entity(hop.to).name});
        }
      }
    }
  }
  if (number == 0) {
    std::cerr << "kgex: no connection within " << opt.max_hops << " hops\n";
    return kExitNothing;
  }
  table.print(std::cout, format);
  return kExitOk;
}

}  // namespace

void setup_path(CLI::App& app, CommandRegistry& registry) {
  auto opt = std::make_shared<PathCommand>();
  CLI::App* sub = app.add_subcommand("path", "The shortest connection between two entities");
  sub->add_option("graph", opt->graph, "A graph file written by kgex (.graphml or .jsonld)")
      ->required();
  sub->add_option("from", opt->from, "First entity")->required();
  sub->add_option("to", opt->to, "Second entity")->required();
  sub->add_flag("--all-shortest", opt->all_shortest, "Every shortest path, not only the first");
  sub->add_option("--max-hops", opt->max_hops, "Longest path to look for")
      ->check(CLI::PositiveNumber);
  sub->add_option("--format", opt->format, "table, tsv or json");
  registry.add(sub, [opt] { return run_path(*opt); });
}

}  // namespace kgex::cli
