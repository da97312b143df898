#include "cli/rules_options.h"

#include "cli/file_io.h"

namespace kgex::cli {

void add_rules_options(CLI::App& app, RulesOptions& options) {
  app.add_option("--rules", options.packs, "Add a rule pack (a folder with manifest.json)")
      ->type_name("DIR")
      ->allow_extra_args(false);
  app.add_flag("--no-default-rules", options.no_default, "Do not load the built-in rule pack");
}

Result<std::shared_ptr<const RuleSet>> load_rules_for(const RulesOptions& options,
                                                      bool check_schema, bool examples) {
  std::vector<PackSource> packs;
  if (!options.no_default) {
    packs.push_back(builtin_pack(check_schema));
    packs.back().examples = examples;
  }
  for (const std::string& folder : options.packs) {
    packs.push_back(folder_pack(folder));
  }
  if (packs.empty()) {
    return Status(ErrorCode::kInvalidArgument,
                  "no rule pack: --no-default-rules needs --rules DIR");
  }
  return load_rules(packs);
}

}  // namespace kgex::cli

namespace kgex::cli {

Result<Extractor> extractor_for(const RulesOptions& options, bool examples) {
  auto rules = load_rules_for(options, false, examples);
  if (!rules.ok()) {
    return rules.status();
  }
  return Extractor::create(rules.value());
}

}  // namespace kgex::cli
