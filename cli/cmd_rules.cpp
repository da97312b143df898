// kgex rules check|test [DIR...]: validate rule packs and run their examples.
#include <iostream>

#include "cli/commands.h"
#include "cli/rules_options.h"
#include "extractor/self_test.h"

namespace kgex::cli {
namespace {

struct RulesCommand {
  RulesOptions rules;
  bool strict = false;
  bool words = false;
};

int run_check(const RulesCommand& opt) {
  auto rules = load_rules_for(opt.rules, true);
  if (!rules.ok()) {
    return report(rules.status());
  }
  const RuleSet& r = *rules.value();
  std::vector<std::string> findings = check_rules(r);
  if (opt.words) {
    for (std::string& f : check_rule_words(r)) {
      findings.push_back(std::move(f));
    }
  }
  for (const std::string& f : findings) {
    std::cout << "warning: " << f << "\n";
  }
  std::cout << "ok: " << r.packs.size() << " packs, " << r.gazetteer.size()
            << " gazetteer entries, " << r.entity_rules.size() << " entity rules, "
            << r.relation_rules.size() << " relation rules, " << r.document_rules.size()
            << " document rules, " << r.examples.size() << " examples; " << findings.size()
            << " warnings\n";
  return opt.strict && !findings.empty() ? kExitNothing : kExitOk;
}

int run_test(const RulesCommand& opt) {
  Result<Extractor> extractor = extractor_for(opt.rules, true);
  if (!extractor.ok()) {
    return report(extractor.status());
  }
  std::size_t checked = 0;
  const std::vector<ExampleFailure> failures = run_rule_examples(extractor.value(), &checked);
  for (const ExampleFailure& f : failures) {
    std::cout << "FAIL " << f.where << ": " << f.problem << "\n  text: " << f.text << "\n";
  }
  std::cout << checked - failures.size() << " passed, " << failures.size() << " failed\n";
  return failures.empty() ? kExitOk : kExitNothing;
}

}  // namespace

void setup_rules(CLI::App& app, CommandRegistry& registry) {
  CLI::App* rules = app.add_subcommand("rules", "Check rule packs and run their examples");
  rules->require_subcommand(1);
  auto check_opt = std::make_shared<RulesCommand>();
  CLI::App* check = rules->add_subcommand(
      "check",
      "Validate rule packs against the schema and report duplicate or unreachable entries");
  check->add_option("packs", check_opt->rules.packs,
                    "Rule pack folders to check with the built-in pack");
  check->add_flag("--no-default-rules", check_opt->rules.no_default, "Check only the given packs");
  check->add_flag("--strict", check_opt->strict, "Exit 1 when there are warnings");
  check->add_flag("--words", check_opt->words,
                  "Also report words of text tests that never match: the tokenizer reads them "
                  "as a base form and a particle (운영하는: 운영하 + 는)");
  registry.add(check, [check_opt] { return run_check(*check_opt); });

  auto test_opt = std::make_shared<RulesCommand>();
  CLI::App* test = rules->add_subcommand("test", "Run the examples embedded in rule packs");
  test->add_option("packs", test_opt->rules.packs,
                   "Rule pack folders to test with the built-in pack");
  test->add_flag("--no-default-rules", test_opt->rules.no_default, "Test only the given packs");
  registry.add(test, [test_opt] { return run_test(*test_opt); });
}

}  // namespace kgex::cli
