// Loading rule packs: what a valid pack compiles to, every kind of error with
// the file and JSON Pointer it names, and packs stacked on one another.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractor/rules/rule_set.h"
#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

// Whether one of `findings` holds `needle`.
bool found_in(const std::vector<std::string>& findings, const std::string& needle) {
  return std::ranges::any_of(
      findings, [&](const std::string& f) { return f.find(needle) != std::string::npos; });
}

using test::kFixtureGazetteer;
using test::load_fixture;
using test::memory_pack;
using test::rule_file;

// Loading `rules` (as mem/r.json, after the fixture gazetteer) must fail with
// `code` at `pointer` of that file.
void expect_error(const std::string& rules, ErrorCode code, const std::string& pointer) {
  auto set = load_fixture(rules);
  REQUIRE_FALSE(set.ok());
  INFO(set.status().to_string());
  CHECK(set.status().code() == code);
  CHECK(set.status().where().file == "mem/r.json");
  CHECK(set.status().where().pointer == pointer);
}

const char* kEntityRule =
    R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n"}],
                         "entity": {"capture": "n", "type": "Tool"}}])";

TEST_CASE("a valid pack compiles every section") {
  const std::string rules = rule_file(R"(
    "lexicons": {"verbs": ["builds", "Ships"]},
    "layout": {"boilerplate_markers": ["Comments"], "table_columns": {"Team": ["부서", "team"]}},
    "entity_rules": [{"id": "e.one", "lang": "en", "priority": 3,
      "pattern": [{"text": ["@verbs", "makes"]}, {"shape": "capitalized", "min": 1, "max": 2, "capture": "n"}],
      "entity": {"capture": "n", "type": "Product"}}],
    "relation_rules": [{"id": "r.one", "confidence": 0.9,
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "@verbs"}, {"ent": "Product", "list": true, "capture": "p"}],
      "relation": "develops", "source": "o", "target": "p", "unless": "never"}],
    "document_rules": [{"id": "d.one", "kind": "orphan", "types": ["Team"], "relation": "part_of",
      "direction": "to_topic", "unlisted_only": true, "confidence": 0.4}],
    "examples": [{"text": "Acme builds Rocket.", "relations": [["Acme", "develops", "Rocket"]],
                  "absent": [["Acme", "uses", "Rocket"]]}])");
  auto loaded = load_fixture(rules);
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().to_string());
  const RuleSet& set = *loaded.value();
  CHECK(set.packs == std::vector<std::string>{"mem"});
  CHECK(set.gazetteer.size() == 12);
  CHECK(set.gazetteer[3].name() == "Rocket");
  CHECK(set.gazetteer[3].by() == "Acme");
  CHECK(set.gazetteer[3].file() == "mem/base.json");
  CHECK(set.gazetteer[8].exact_case());
  CHECK(set.gazetteer[8].window() == 3);
  CHECK(set.gazetteer[8].context().contains("rust"));
  CHECK(set.stoplist.contains("ai"));
  REQUIRE(set.lexicons.contains("verbs"));
  CHECK(*set.lexicons.at("verbs") == WordSet{"builds", "ships"});  // case folded
  CHECK(set.type_cues.at("app") == EntityType::kProduct);
  CHECK(set.layout.boilerplate_markers.contains("comments"));
  CHECK(set.layout.table_columns.size() == 2);

  REQUIRE(set.entity_rules.size() == 1);
  const EntityRule& e = set.entity_rules[0];
  CHECK(e.id == "e.one");
  CHECK(e.file == "mem/r.json");
  CHECK(e.pointer == "/entity_rules/0");
  CHECK(e.lang == Lang::kEn);
  CHECK(e.priority == 3);
  REQUIRE(e.pattern.size() == 2);
  CHECK(*e.pattern[0].test.text == WordSet{"builds", "ships", "makes"});
  CHECK(e.pattern[1].min == 1);
  CHECK(e.pattern[1].max == 2);
  CHECK(e.captures == std::vector<std::string>{"n"});
  CHECK(e.type == EntityType::kProduct);

  REQUIRE(set.relation_rules.size() == 1);
  const RelationRule& r = set.relation_rules[0];
  CHECK(r.confidence == doctest::Approx(0.9));
  CHECK(r.relation == RelationType::kDevelops);
  CHECK(r.pattern[2].list);
  CHECK(r.source.kind == Ref::Kind::kCapture);
  CHECK(r.target.capture == 1);
  CHECK(r.unless.matches("never"));
  CHECK_FALSE(r.unless.matches("nevermore"));

  REQUIRE(set.document_rules.size() == 1);
  CHECK(set.document_rules[0].kind == DocumentRuleKind::kOrphan);
  CHECK_FALSE(set.document_rules[0].from_topic);
  CHECK(set.document_rules[0].unlisted_only);

  REQUIRE(set.examples.size() == 1);
  CHECK(set.examples[0].pointer == "/examples/0");
  CHECK(set.examples[0].file == "mem/r.json");
}

TEST_CASE("the built-in pack loads and has nothing for check_rules or check_rule_words to report") {
  // Extraction skips the schema check for the built-in pack; this test is what makes that safe.
  auto checked = load_rules({builtin_pack(true)});
  REQUIRE_MESSAGE(checked.ok(), checked.status().to_string());
  auto set = load_rules({builtin_pack()});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  CHECK(set.value()->gazetteer.size() == checked.value()->gazetteer.size());
  CHECK(set.value()->relation_rules.size() == checked.value()->relation_rules.size());
  CHECK(set.value()->packs == std::vector<std::string>{"tech"});
  CHECK(set.value()->gazetteer.size() > 100);
  CHECK_FALSE(set.value()->entity_rules.empty());
  CHECK_FALSE(set.value()->relation_rules.empty());
  CHECK_FALSE(set.value()->document_rules.empty());
  const std::vector<std::string> findings = check_rules(*set.value());
  for (const std::string& f : findings) {
    INFO(f);
    CHECK(false);
  }
  // Nor a word of a text test that the tokenizer reads as a shorter base and a particle.
  for (const std::string& f : check_rule_words(*set.value())) {
    INFO(f);
    CHECK(false);
  }
}

TEST_CASE(
    "check_rule_words: a word the tokenizer splits into a base and a particle never matches") {
  const std::string rules = rule_file(R"(
    "relation_rules": [{"id": "r.runs", "pattern": [{"ent": "Organization", "capture": "o"},
      {"text": ["운영하는", "운영하"]}, {"text": ["'", "맡은"], "min": 0},
      {"ent": "Product", "capture": "p", "not": [{"text": ["하는"]}]}, {"starts": ["만들"]}],
      "relation": "develops", "source": "o", "target": "p"}])");
  auto loaded = load_fixture(rules);
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().to_string());
  const std::vector<std::string> findings = check_rule_words(*loaded.value());
  const auto reported = [&](std::string_view word) {
    return found_in(findings, "tests \"" + std::string(word) + "\"");
  };
  CHECK(reported("운영하는"));
  CHECK(reported("맡은"));
  CHECK(reported("하는"));  // in a `not` element too
  CHECK_FALSE(reported("운영하"));
  CHECK_FALSE(reported("'"));
  CHECK_FALSE(reported("만들"));  // a beginning of longer words: 만들었다
  CHECK(findings.size() == 3);
  CHECK(findings.front().find("mem/r.json: /relation_rules/0: rule \"r.runs\"") == 0);
}

TEST_CASE("check_rules: a regex outside SimpleRegex's subset is reported") {
  const std::string rules = rule_file(R"(
    "entity_rules": [{"id": "e.name", "pattern": [{"regex": "\\p{Lu}\\p{Ll}+", "capture": "n",
      "not": [{"regex": "#.+"}, {"regex": "[A-Z][a-z]+"}]}],
      "entity": {"capture": "n", "type": "Organization"}},
      {"id": "e.plain", "pattern": [{"regex": "[가-힣]{2,4}팀", "capture": "n"}],
      "entity": {"capture": "n", "type": "Team"}}])");
  auto loaded = load_fixture(rules);
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().to_string());
  const std::vector<std::string> findings = check_rules(*loaded.value());
  const auto reported = [&](std::string_view regex) {
    return found_in(findings, "tests the regex \"" + std::string(regex) + "\"");
  };
  CHECK(reported("\\p{Lu}\\p{Ll}+"));
  CHECK(reported("#.+"));  // in a `not` element too
  CHECK_FALSE(reported("[A-Z][a-z]+"));
  CHECK_FALSE(reported("[가-힣]{2,4}팀"));
  CHECK(findings.size() == 2);
}

TEST_CASE("schema errors: unknown property") {
  expect_error(
      rule_file(
          R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Organization", "capture": "o"}],
      "relation": "uses", "source": "o", "target": "o", "confidense": 0.5}])"),
      ErrorCode::kSchema, "/relation_rules/0/confidense");
  expect_error(rule_file(R"("gazetteer": [{"name": "X", "type": "Tool", "colour": "red"}])"),
               ErrorCode::kSchema, "/gazetteer/0/colour");
  expect_error(rule_file(R"("entity_rule": [])"), ErrorCode::kSchema, "/entity_rule");
  auto set = load_fixture(rule_file(R"("colour": 1)"));
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().find("unknown property") != std::string::npos);
  CHECK(set.status().to_string().find("mem/r.json") != std::string::npos);
  CHECK(set.status().to_string().find("/colour") != std::string::npos);
}

TEST_CASE("schema errors: missing required field") {
  expect_error(R"({"entity_rules": []})", ErrorCode::kSchema, "/");
  expect_error(rule_file(R"("gazetteer": [{"name": "X"}])"), ErrorCode::kSchema, "/gazetteer/0");
  expect_error(rule_file(R"("entity_rules": [{"pattern": [{"text": "x", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"),
               ErrorCode::kSchema, "/entity_rules/0");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"}],
      "relation": "leads", "source": "p"}])"),
      ErrorCode::kSchema, "/relation_rules/0");
  auto set = load_fixture(R"({"entity_rules": []})");
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().find("required") != std::string::npos);
}

TEST_CASE("schema errors: wrong type") {
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "priority": "high",
      "pattern": [{"text": "x", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])"),
               ErrorCode::kSchema, "/entity_rules/0/priority");
  expect_error(rule_file(R"("gazetteer": [{"name": 5, "type": "Tool"}])"), ErrorCode::kSchema,
               "/gazetteer/0/name");
  expect_error(rule_file(R"("stoplist": "AI")"), ErrorCode::kSchema, "/stoplist");
  auto set = load_fixture(rule_file(R"("stoplist": "AI")"));
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().find("wrong JSON type") != std::string::npos);
}

TEST_CASE("schema errors: bad enum value") {
  expect_error(
      rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"script": "greek", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"),
      ErrorCode::kSchema, "/entity_rules/0/pattern/0/script");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n"}],
      "entity": {"capture": "n", "type": "Gadget"}}])"),
               ErrorCode::kSchema, "/entity_rules/0/entity/type");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"}],
      "relation": "likes", "source": "p", "target": "p"}])"),
      ErrorCode::kSchema, "/relation_rules/0/relation");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "lang": "fr",
      "pattern": [{"text": "x", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])"),
               ErrorCode::kSchema, "/entity_rules/0/lang");
}

TEST_CASE("schema errors: other constraints point at the value") {
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"}],
      "relation": "leads", "source": "p", "target": "p", "confidence": 1.5}])"),
      ErrorCode::kSchema, "/relation_rules/0/confidence");
  expect_error(rule_file(R"("relation_rules": [{"id": "r", "pattern": [],
      "relation": "leads", "source": "p", "target": "p"}])"),
               ErrorCode::kSchema, "/relation_rules/0/pattern");
  expect_error(
      rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "Name"}],
      "entity": {"capture": "Name", "type": "Tool"}}])"),
      ErrorCode::kSchema, "/entity_rules/0/pattern/0/capture");
  expect_error(
      rule_file(R"("entity_rules": [{"id": "Bad Id", "pattern": [{"text": "x", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"),
      ErrorCode::kSchema, "/entity_rules/0/id");
}

TEST_CASE("rule errors: names tests an entity's name and needs ent") {
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"},
      {"names": ["kafka"]}], "relation": "leads", "source": "p", "target": "p"}])"),
      ErrorCode::kRule, "/relation_rules/0/pattern/1/names");
}

TEST_CASE("rule errors: a bad regex names the regex and ICU's complaint") {
  expect_error(
      rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"regex": "(unclosed", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"),
      ErrorCode::kRule, "/entity_rules/0/pattern/0/regex");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"},
      {"regex": "[a-", "min": 0}], "relation": "leads", "source": "p", "target": "p"}])"),
      ErrorCode::kRule, "/relation_rules/0/pattern/1/regex");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n",
      "not": {"regex": "*oops"}}], "entity": {"capture": "n", "type": "Tool"}}])"),
               ErrorCode::kRule, "/entity_rules/0/pattern/0/not/regex");
  auto set = load_fixture(
      rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"regex": "(unclosed", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"));
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().find("(unclosed") != std::string::npos);
  CHECK(set.status().message().find("U_REGEX") != std::string::npos);
}

TEST_CASE("name endings compile with their lexicons") {
  auto loaded = load_fixture(rule_file(R"(
    "lexicons": {"name_titles": ["대표", "CTO"]},
    "name_endings": {"endings": ["인"], "initials": ["김", "박"], "titles": ["@name_titles", "박사"]})"));
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().to_string());
  const NameEndings& n = loaded.value()->name_endings;
  CHECK(n.endings == WordSet{"인"});
  CHECK(n.initials == WordSet{"김", "박"});
  CHECK(n.titles == WordSet{"대표", "cto", "박사"});
  CHECK(n.honorifics.empty());
  expect_error(rule_file(R"("name_endings": {"endings": ["인"], "initials": ["김"],
      "titles": ["@nolist"]})"),
               ErrorCode::kRule, "/name_endings/titles");
}

TEST_CASE("rule errors: an unknown lexicon") {
  expect_error(
      rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "@nolist", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"),
      ErrorCode::kRule, "/entity_rules/0/pattern/0/text");
  expect_error(
      rule_file(
          R"("entity_rules": [{"id": "e", "pattern": [{"starts": ["x", "@nolist"], "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"),
      ErrorCode::kRule, "/entity_rules/0/pattern/0/starts");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n",
      "not": [{"text": "y"}, {"ends": "@nolist"}]}], "entity": {"capture": "n", "type": "Tool"}}])"),
               ErrorCode::kRule, "/entity_rules/0/pattern/0/not/1/ends");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"}],
      "relation": "leads", "source": {"find": ["Team"], "particle": "@nolist"}, "target": "p"}])"),
      ErrorCode::kRule, "/relation_rules/0/source/particle");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"},
      {"text": "@roles", "capture": "w"}], "relation_by": {"capture": "w", "lexicons": {"nolist": "leads"}},
      "source": "p", "target": "p"}])"),
      ErrorCode::kRule, "/relation_rules/0/relation_by/lexicons/nolist");
  auto set = load_fixture(
      rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "@nolist", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"));
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().find("@nolist") != std::string::npos);
}

TEST_CASE("rule errors: a reference to a capture the pattern does not have") {
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n"}],
      "entity": {"capture": "m", "type": "Tool"}}])"),
               ErrorCode::kRule, "/entity_rules/0/entity/capture");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool", "through": "t"}}])"),
               ErrorCode::kRule, "/entity_rules/0/entity/through");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n"}],
      "entity": {"capture": "n", "type_from": "cue"}}])"),
               ErrorCode::kRule, "/entity_rules/0/entity/type_from");
  expect_error(
      rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"ent": "any", "capture": "e"}],
      "alias": {"entity": "e", "name": "n"}}])"),
      ErrorCode::kRule, "/entity_rules/0/alias/name");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"}],
      "relation": "leads", "source": "q", "target": "p"}])"),
      ErrorCode::kRule, "/relation_rules/0/source");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"}],
      "relation": "leads", "source": "p", "target": "q"}])"),
      ErrorCode::kRule, "/relation_rules/0/target");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"}],
      "relation_by": {"capture": "w", "lexicons": {"roles": "leads"}}, "source": "p", "target": "$topic"}])"),
      ErrorCode::kRule, "/relation_rules/0/relation_by/capture");
}

TEST_CASE("rule errors: duplicate rule ids, within a file and across files") {
  expect_error(rule_file(R"("entity_rules": [
      {"id": "same", "pattern": [{"text": "x", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}},
      {"id": "same", "pattern": [{"text": "y", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])"),
               ErrorCode::kRule, "/entity_rules/1/id");
  expect_error(rule_file(R"("entity_rules": [
      {"id": "same", "pattern": [{"text": "x", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}],
    "document_rules": [{"id": "same", "kind": "owner", "types": ["Product"], "relation": "develops", "confidence": 0.5}])"),
               ErrorCode::kRule, "/document_rules/0/id");
  auto set = load_rules(
      {memory_pack({{"a.json", rule_file(kEntityRule)}, {"r.json", rule_file(kEntityRule)}})});
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().where().file == "mem/r.json");
  CHECK(set.status().where().pointer == "/entity_rules/0/id");
  CHECK(set.status().message().find("mem/a.json") != std::string::npos);
}

TEST_CASE("rule errors: elements that cannot work") {
  expect_error(
      rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n"}]}])"),
      ErrorCode::kRule, "/entity_rules/0");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n"}],
      "entity": {"capture": "n"}}])"),
               ErrorCode::kRule, "/entity_rules/0/entity");
  expect_error(
      rule_file(R"("relation_rules": [{"id": "r", "pattern": [{"ent": "Person", "capture": "p"}],
      "source": "p", "target": "p"}])"),
      ErrorCode::kRule, "/relation_rules/0");
  expect_error(
      rule_file(
          R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "min": 3, "max": 2, "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"),
      ErrorCode::kRule, "/entity_rules/0/pattern/0");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n",
      "not": {"text": "y", "capture": "z"}}], "entity": {"capture": "n", "type": "Tool"}}])"),
               ErrorCode::kRule, "/entity_rules/0/pattern/0/not");
  expect_error(
      rule_file(
          R"("entity_rules": [{"id": "e", "pattern": [{"ent": "Tool", "text": "x", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])"),
      ErrorCode::kRule, "/entity_rules/0/pattern/0");
  expect_error(rule_file(R"("entity_rules": [{"id": "e", "pattern": [{"text": "x", "capture": "n"},
      {"text": "y", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])"),
               ErrorCode::kRule, "/entity_rules/0/pattern/1/capture");
}

TEST_CASE("invalid JSON names its line") {
  auto set = load_fixture("{\n  \"source\": \"x\",\n  \"stoplist\": [\"AI\",]\n}");
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().code() == ErrorCode::kParse);
  CHECK(set.status().where().file == "mem/r.json");
  CHECK(set.status().where().line == 3);
  CHECK(set.status().to_string().find("mem/r.json:3") != std::string::npos);
  auto empty = load_fixture("");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().code() == ErrorCode::kParse);
}

TEST_CASE("manifest errors: a missing file, a missing manifest, a bad manifest") {
  SUBCASE("a file the manifest lists is missing") {
    auto set = load_rules({memory_pack(
        {{"manifest.json", R"({"name": "p", "version": "1", "files": ["a.json", "nope.json"]})"},
         {"a.json", rule_file("")}},
        "p")});
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().code() == ErrorCode::kNotFound);
    CHECK(set.status().where().file == "p/nope.json");
  }
  SUBCASE("no manifest") {
    PackSource none{"empty", [](const std::string&) -> Result<std::string> {
                      return Status(ErrorCode::kNotFound, "nothing here");
                    }};
    auto set = load_rules({none});
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().where().file == "empty/manifest.json");
  }
  SUBCASE("a manifest without files") {
    auto set =
        load_rules({memory_pack({{"manifest.json", R"({"name": "p", "version": "1"})"}}, "p")});
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().code() == ErrorCode::kSchema);
    CHECK(set.status().where().file == "p/manifest.json");
    CHECK(set.status().where().pointer == "/");
  }
  SUBCASE("a manifest that is not JSON") {
    auto set = load_rules({memory_pack({{"manifest.json", "name: p"}}, "p")});
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().code() == ErrorCode::kParse);
    CHECK(set.status().where().file == "p/manifest.json");
  }
}

TEST_CASE("a gazetteer 'by' must name an organization of the loaded packs") {
  auto set = load_fixture(
      rule_file(R"("gazetteer": [{"name": "Widget", "type": "Product", "by": "Nobody Inc"}])"));
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().code() == ErrorCode::kRule);
  CHECK(set.status().where().file == "mem/r.json");
  CHECK(set.status().message().find("Nobody Inc") != std::string::npos);
  CHECK(set.status().message().find("Widget") != std::string::npos);
  // A product is not an owner.
  auto product = load_fixture(
      rule_file(R"("gazetteer": [{"name": "Widget", "type": "Product", "by": "Rocket"}])"));
  CHECK_FALSE(product.ok());
  // Any loaded file may hold the owner, before or after the product.
  auto later = load_rules({memory_pack(
      {{"a.json",
        rule_file(R"("gazetteer": [{"name": "Widget", "type": "Product", "by": "Umbrella"}])")},
       {"b.json", rule_file(R"("gazetteer": [{"name": "Umbrella", "type": "Organization"}])")}})});
  CHECK_MESSAGE(later.ok(), later.status().to_string());
}

// Every error names the JSON Pointer of the fault, the cross-file "by" check too.
TEST_CASE("a gazetteer 'by' error points at the entry's \"by\"") {
  auto set = load_fixture(rule_file(R"("gazetteer": [{"name": "Gizmo", "type": "Tool"},
      {"name": "Widget", "type": "Product", "by": "Nobody Inc"}])"));
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().where().pointer == "/gazetteer/1/by");
}

TEST_CASE("rules may use a lexicon defined in a later file of the pack") {
  auto set = load_rules({memory_pack(
      {{"a.json",
        rule_file(
            R"("entity_rules": [{"id": "e", "pattern": [{"text": "@later"}, {"shape": "capitalized", "capture": "n"}],
          "entity": {"capture": "n", "type": "Tool"}}])")},
       {"b.json", rule_file(R"("lexicons": {"later": ["runs"]})")}})});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  CHECK(*set.value()->entity_rules[0].pattern[0].test.text == WordSet{"runs"});
}

TEST_CASE("packs stack: a later pack adds names, lexicon words and rules") {
  PackSource base = memory_pack({{"base.json", kFixtureGazetteer}}, "base");
  PackSource extra = memory_pack({{"x.json", rule_file(R"(
         "gazetteer": [{"name": "Umbrella", "type": "Organization"},
                       {"name": "Hive", "type": "Product", "by": "Acme"}],
         "lexicons": {"roles": ["boss"]},
         "relation_rules": [{"id": "x.role", "pattern": [{"ent": "Organization", "capture": "o"},
           {"text": "@roles"}, {"ent": "Person", "capture": "p"}], "relation": "leads", "source": "p", "target": "o"}])")}},
                                 "extra");
  auto set = load_rules({base, extra});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  const RuleSet& rules = *set.value();
  CHECK(rules.packs == std::vector<std::string>{"base", "extra"});
  CHECK(rules.gazetteer.size() == 14);
  CHECK(rules.gazetteer.back().file() == "extra/x.json");
  // The second pack's words join the first pack's lexicon of the same name.
  CHECK(*rules.lexicons.at("roles") == WordSet{"ceo", "대표", "boss"});

  auto ex = Extractor::create(set.value());
  REQUIRE(ex.ok());
  auto got = ex.value().extract({"d", "Umbrella CEO Jane Roe met Initech boss John Doe."});
  REQUIRE(got.ok());
  CHECK(test::has_relation(got.value().graph, "Jane Roe", RelationType::kLeads, "Umbrella"));
  CHECK(test::has_relation(got.value().graph, "John Doe", RelationType::kLeads, "Initech"));

  SUBCASE("the first pack alone knows neither the names nor the rule") {
    auto alone = load_rules({base});
    REQUIRE(alone.ok());
    auto ex1 = Extractor::create(alone.value());
    auto got1 = ex1.value().extract({"d", "Umbrella CEO Jane Roe met Initech boss John Doe."});
    REQUIRE(got1.ok());
    CHECK_FALSE(got1.value().graph.find("Umbrella", EntityType::kOrganization).has_value());
    CHECK(got1.value().graph.relation_count() == 0);
  }
}

}  // namespace
}  // namespace kgex
