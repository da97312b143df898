#include "cli/commands.h"

#include <iostream>

namespace kgex::cli {

int exit_code(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kOk:
      return kExitOk;
    case ErrorCode::kIo:
      return kExitIo;
    default:
      return kExitUsage;
  }
}

int report(const Status& status) {
  std::cerr << "kgex: " << status.to_string() << "\n";
  return exit_code(status);
}

void CommandRegistry::add(CLI::App* subcommand, std::function<int()> run) {
  commands_.emplace_back(subcommand, std::move(run));
}

int CommandRegistry::run_selected() const {
  for (const auto& [subcommand, run] : commands_) {
    if (subcommand->parsed()) {
      return run();
    }
  }
  return kExitUsage;
}

void register_commands(CLI::App& app, CommandRegistry& registry) {
  setup_extract(app, registry);
  setup_eval(app, registry);
  setup_rules(app, registry);
  setup_query(app, registry);
  setup_path(app, registry);
  setup_neighbors(app, registry);
  setup_stats(app, registry);
  setup_merge(app, registry);
  setup_convert(app, registry);
}

}  // namespace kgex::cli
