// kgex merge A B ... -o OUT: combine graphs kgex wrote (the reduce step of a
// sharded run; see docs/scale.md).
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_files.h"

namespace kgex::cli {
namespace {

struct MergeCommand {
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  std::string format;
};

int run_merge(const MergeCommand& opt) {
  const Result<std::optional<GraphFormat>> chosen = forced_format(opt.format);
  if (!chosen.ok()) {
    return report(chosen.status());
  }
  const std::optional<GraphFormat> forced = chosen.value();
  KnowledgeGraph merged;
  for (const std::string& path : opt.inputs) {
    Result<KnowledgeGraph> part = read_graph_file(path);
    if (!part.ok()) {
      return report(part.status());
    }
    merged.merge(part.value());
  }
  const GraphNames names(merged);
  for (const std::string& out : opt.outputs) {
    Status s = write_graph_file(names, out, forced);
    if (!s.ok()) {
      return report(s);
    }
  }
  std::cerr << "kgex: merged " << opt.inputs.size() << " graphs: " << merged.entity_count()
            << " entities, " << merged.relation_count() << " relations\n";
  return kExitOk;
}

}  // namespace

void setup_merge(CLI::App& app, CommandRegistry& registry) {
  auto opt = std::make_shared<MergeCommand>();
  CLI::App* sub = app.add_subcommand("merge", "Combine graph files written by kgex into one");
  sub->add_option("inputs", opt->inputs, "Graph files (.graphml or .jsonld)")->required();
  sub->add_option("-o,--output", opt->outputs, "Output file; format by extension; repeatable")
      ->required()
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--format", opt->format, "Force the output format");
  registry.add(sub, [opt] { return run_merge(*opt); });
}

}  // namespace kgex::cli
