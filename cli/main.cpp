// kgex: the command line. Registers the subcommands of cli/cmd_*.cpp and maps
// their Status to an exit code; all work happens in the library.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // The library returns errors as values; what can still throw here is CLI11's setup and
  // std::bad_alloc, reported rather than left to std::terminate.
  try {
    CLI::App app{"kgex: build knowledge graphs from articles with rules", "kgex"};
    app.set_version_flag("--version", std::string("kgex ") + KGEX_VERSION);
    app.require_subcommand(1);
    kgex::cli::CommandRegistry registry;
    kgex::cli::register_commands(app, registry);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      return app.exit(e) == 0 ? 0 : kgex::cli::kExitUsage;
    }
    return registry.run_selected();
  } catch (const std::exception& e) {
    std::cerr << "kgex: " << e.what() << "\n";
    return kgex::cli::kExitUsage;
  }
}
