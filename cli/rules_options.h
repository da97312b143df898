// Rule-pack options shared by the commands that extract: --rules and --no-default-rules.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "extractor/extractor.h"
#include "extractor/rules/rule_set.h"

namespace kgex::cli {

struct RulesOptions {
  std::vector<std::string> packs;  // folders added after the built-in pack
  bool no_default = false;
};

void add_rules_options(CLI::App& app, RulesOptions& options);

// The built-in pack unless dropped, then each --rules folder, compiled. The built-in pack's
// files are checked against the schemas only with `check_schema` (`kgex rules check`); the
// test suite runs that check, and skipping it saves a sixth of a short run's start-up. The
// rules' examples are left out where that saves time unless `examples` (PackSource::examples).
Result<std::shared_ptr<const RuleSet>> load_rules_for(const RulesOptions& options,
                                                      bool check_schema = false,
                                                      bool examples = false);

// An extractor over load_rules_for(options), with the rules' examples if `examples`.
Result<Extractor> extractor_for(const RulesOptions& options, bool examples = false);

}  // namespace kgex::cli
