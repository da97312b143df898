// Rule-pack self-tests: the built-in pack's examples, and how failures of a
// pack's examples are reported.
#include "extractor/self_test.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

using test::rule_file;

TEST_CASE("the built-in pack's examples all pass") {
  auto set = load_rules({builtin_pack()});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  auto ex = Extractor::create(set.value());
  REQUIRE(ex.ok());
  std::size_t checked = 0;
  const std::vector<ExampleFailure> failures = run_rule_examples(ex.value(), &checked);
  for (const ExampleFailure& f : failures) {
    INFO(f.where << ": " << f.problem << " in \"" << f.text << "\"");
    CHECK(false);
  }
  CHECK(checked == set.value()->examples.size());
  CHECK(checked >= 30);
}

const std::string kExampleRules = rule_file(R"(
  "relation_rules": [{"id": "use", "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "uses"},
    {"ent": "Tool", "list": true, "capture": "t"}], "relation": "uses", "source": "o", "target": "t"},
    {"id": "rivals", "pattern": [{"ent": "Organization", "capture": "a"}, {"text": "rivals"},
    {"ent": "Organization", "capture": "b"}], "relation": "competes_with", "source": "a", "target": "b"}],
  "examples": [
    {"text": "Acme uses Rust and Kafka.", "entities": [["Acme", "Organization"], ["Rust", "Tool"]],
     "relations": [["Acme", "uses", "Kafka"]], "absent": [["Acme", "develops", "*"]]},
    {"text": "Globex rivals Initech.", "relations": [["Initech", "competes_with", "Globex"]]},
    {"text": "Acme uses Rust.", "entities": [["Rust", "Product"]],
     "relations": [["Acme", "uses", "Python"]], "absent": [["*", "uses", "Rust"]],
     "absent_entities": [["Rust", "Tool"], ["Rust", "Person"]]}])");

TEST_CASE("run_rule_examples reports each missing entity, missing relation and unexpected one") {
  const Extractor ex = test::make_extractor(kExampleRules);
  std::size_t checked = 0;
  const std::vector<ExampleFailure> failures = run_rule_examples(ex, &checked);
  CHECK(checked == 3);
  // The first two examples pass (competes_with is symmetric); the third fails four ways.
  REQUIRE(failures.size() == 4);
  for (const ExampleFailure& f : failures) {
    CHECK(f.where == "mem/r.json: /examples/2");
    CHECK(f.text == "Acme uses Rust.");
  }
  CHECK(failures[0].problem == "no Product \"Rust\"");
  CHECK(failures[1].problem == "no relation Acme uses Python");
  CHECK(failures[2].problem == "unexpected Tool \"Rust\"");
  CHECK(failures[3].problem == "unexpected relation * uses Rust");
}

TEST_CASE("run_rule_examples reports an extraction error as a failure") {
  const Extractor ex = test::make_extractor(rule_file(R"(
    "entity_rules": [{"id": "slow", "pattern": [{"regex": "(a+)+b", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}],
    "examples": [{"text": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac"}])"));
  const std::vector<ExampleFailure> failures = run_rule_examples(ex);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].problem.find("slow") != std::string::npos);
}

}  // namespace
}  // namespace kgex
