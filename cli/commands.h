// The subcommands of the kgex program, one file each (cli/cmd_*.cpp): an
// options struct, a setup_* that declares them to CLI11, and a run_* that
// reads files, calls the library and writes results. Not part of the library API.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"

namespace kgex::cli {

// Exit codes: 0 success, 1 ran but found nothing (or some inputs failed),
// 2 usage or input error, 3 an output could not be written.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNothing = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitIo = 3;

int exit_code(const Status& status);
// Prints "kgex: <status>" to stderr and returns exit_code(status).
int report(const Status& status);

// Remembers which function runs each subcommand.
class CommandRegistry {
 public:
  void add(CLI::App* subcommand, std::function<int()> run);
  // Runs the subcommand that CLI11 parsed; kExitUsage if none.
  int run_selected() const;

 private:
  std::vector<std::pair<CLI::App*, std::function<int()>>> commands_;
};

// Declares every subcommand on `app`.
void register_commands(CLI::App& app, CommandRegistry& registry);

void setup_extract(CLI::App& app, CommandRegistry& registry);
void setup_eval(CLI::App& app, CommandRegistry& registry);
void setup_rules(CLI::App& app, CommandRegistry& registry);
void setup_query(CLI::App& app, CommandRegistry& registry);
void setup_path(CLI::App& app, CommandRegistry& registry);
void setup_neighbors(CLI::App& app, CommandRegistry& registry);
void setup_stats(CLI::App& app, CommandRegistry& registry);
void setup_merge(CLI::App& app, CommandRegistry& registry);
void setup_convert(CLI::App& app, CommandRegistry& registry);

}  // namespace kgex::cli
