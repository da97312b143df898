// The rule engine through small in-memory packs: loading and its errors,
// pattern features, actions, overlaps, layout, time limits and evidence.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "extractor/extractor.h"
#include "extractor/self_test.h"

namespace kgex {
namespace {

PackSource memory_pack(std::map<std::string, std::string> files) {
  std::string list;
  for (const auto& [name, text] : files) {
    list += (list.empty() ? "\"" : ", \"") + name + "\"";
  }
  files["manifest.json"] = R"j({"name": "t", "version": "1", "files": [)j" + list + "]}";
  return {"mem", [files](const std::string& path) -> Result<std::string> {
            auto it = files.find(path);
            if (it == files.end()) {
              return Status(ErrorCode::kNotFound, "missing");
            }
            return it->second;
          }};
}

const char* kGazetteer = R"j({"source": "test",
  "gazetteer": [
    {"name": "Acme", "type": "Organization", "aliases": ["에이크미"]},
    {"name": "Globex", "type": "Organization", "aliases": ["글로벡스"]},
    {"name": "Rocket", "type": "Product", "by": "Acme"},
    {"name": "Python", "type": "Tool", "aliases": ["파이썬"]},
    {"name": "Rust", "type": "Tool"},
    {"name": "Go", "type": "Tool", "exact_case": true, "context": {"words": ["rust", "언어"], "window": 3}},
    {"name": "Jane Roe", "type": "Person", "aliases": ["제인 로"]}
  ],
  "stoplist": ["AI"],
  "lexicons": {"roles": ["CEO", "대표"]},
  "type_cues": {"Product": ["앱"], "Tool": ["언어"]}})j";

Result<std::shared_ptr<const RuleSet>> load(const std::string& rules) {
  return load_rules({memory_pack({{"g.json", kGazetteer}, {"r.json", rules}})});
}

KnowledgeGraph run(const std::string& rules, const std::string& text) {
  auto set = load(rules);
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  auto ex = Extractor::create(set.value());
  auto got = ex.value().extract({"doc", text});
  REQUIRE_MESSAGE(got.ok(), got.status().to_string());
  return std::move(got.value().graph);
}

bool has(const KnowledgeGraph& g, const std::string& s, RelationType type, const std::string& t) {
  const std::vector<EntityId> targets = g.find(t);
  for (EntityId id : g.find(s)) {
    for (const RelationView& r : g.out_relations(id)) {
      if (r.relation->type == type &&
          std::find(targets.begin(), targets.end(), r.target) != targets.end()) {
        return true;
      }
    }
  }
  return false;
}

std::string rule_file(const std::string& body) { return R"j({"source": "test", )j" + body + "}"; }

TEST_CASE("rule loading: errors name the file and the JSON Pointer") {
  auto expect = [](const std::string& rules, ErrorCode code, const std::string& pointer) {
    auto set = load(rules);
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().code() == code);
    CHECK(set.status().where().file == "mem/r.json");
    CHECK(set.status().where().pointer == pointer);
  };
  expect(rule_file(R"j("relation_rules": [{"id": "a", "pattern": [{"ent": "Organization"}],
      "relation": "uses", "source": "x", "target": "x", "confidense": 1}])j"),
         ErrorCode::kSchema, "/relation_rules/0/confidense");
  expect(rule_file(R"j("entity_rules": [{"id": "a", "pattern": [{"text": "x"}]}])j"),
         ErrorCode::kRule, "/entity_rules/0");
  expect(
      rule_file(
          R"j("entity_rules": [{"pattern": [{"text": "x"}], "entity": {"capture": "n", "type": "Tool"}}])j"),
      ErrorCode::kSchema, "/entity_rules/0");
  expect(
      rule_file(
          R"j("entity_rules": [{"id": "a", "pattern": [{"script": "greek"}], "entity": {"capture": "n", "type": "Tool"}}])j"),
      ErrorCode::kSchema, "/entity_rules/0/pattern/0/script");
  expect(
      rule_file(
          R"j("entity_rules": [{"id": "a", "pattern": [{"regex": "(unclosed", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])j"),
      ErrorCode::kRule, "/entity_rules/0/pattern/0/regex");
  expect(
      rule_file(
          R"j("entity_rules": [{"id": "a", "pattern": [{"text": "@nolist", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])j"),
      ErrorCode::kRule, "/entity_rules/0/pattern/0/text");
  expect(
      rule_file(
          R"j("entity_rules": [{"id": "a", "pattern": [{"text": "x", "capture": "n"}], "entity": {"capture": "m", "type": "Tool"}}])j"),
      ErrorCode::kRule, "/entity_rules/0/entity/capture");
  expect(
      rule_file(
          R"j("relation_rules": [{"id": "roles", "pattern": [{"ent": "Person", "capture": "p"}], "relation": "leads", "source": "p", "target": "q"}])j"),
      ErrorCode::kRule, "/relation_rules/0/target");
  expect(
      rule_file(
          R"j("entity_rules": [{"id": "a", "pattern": [{"text": "x", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}},
      {"id": "a", "pattern": [{"text": "y", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])j"),
      ErrorCode::kRule, "/entity_rules/1/id");
}

TEST_CASE("rule loading: bad JSON gives a line, a bad owner and a missing file are named") {
  auto bad = load("{\n  \"source\": \"x\",\n  oops\n}");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == ErrorCode::kParse);
  CHECK(bad.status().where().line == 3);
  auto owner =
      load(rule_file(R"j("gazetteer": [{"name": "Thing", "type": "Product", "by": "Nobody"}])j"));
  REQUIRE_FALSE(owner.ok());
  CHECK(owner.status().message().find("Nobody") != std::string::npos);
  PackSource broken = memory_pack({{"g.json", kGazetteer}});
  PackSource missing{
      "mem", [broken](const std::string& path) -> Result<std::string> {
        if (path == "manifest.json") {
          return std::string(R"j({"name": "t", "version": "1", "files": ["nope.json"]})j");
        }
        return broken.read(path);
      }};
  auto m = load_rules({missing});
  REQUIRE_FALSE(m.ok());
  CHECK(m.status().where().file == "mem/nope.json");
}

TEST_CASE("packs stack: a later pack uses an earlier pack's lexicons and names") {
  PackSource base = memory_pack({{"g.json", kGazetteer}});
  PackSource extra{
      "extra", [](const std::string& path) -> Result<std::string> {
        if (path == "manifest.json") {
          return std::string(R"j({"name": "extra", "version": "1", "files": ["x.json"]})j");
        }
        return std::string(
            R"j({"source": "t", "gazetteer": [{"name": "Initech", "type": "Organization"}],
                       "relation_rules": [{"id": "x.role", "pattern": [{"ent": "Organization", "capture": "o"},
                         {"text": "@roles"}, {"ent": "Person", "capture": "p"}], "relation": "leads", "source": "p", "target": "o"}]})j");
      }};
  auto set = load_rules({base, extra});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  CHECK(set.value()->packs == std::vector<std::string>{"t", "extra"});
  auto ex = Extractor::create(set.value());
  auto got = ex.value().extract({"d", "Initech CEO Jane Roe spoke."});
  REQUIRE(got.ok());
  CHECK(has(got.value().graph, "Jane Roe", RelationType::kLeads, "Initech"));
}

TEST_CASE("gazetteer: longest match, exact case, context, Korean without spaces") {
  const std::string none = rule_file(R"j("lexicons": {})j");
  KnowledgeGraph g = run(none, "제인로와 에이크미. 우리는 go home. Rust와 Go 언어를 쓴다.");
  CHECK(g.find("Jane Roe", EntityType::kPerson).has_value());
  CHECK(g.find("Acme", EntityType::kOrganization).has_value());
  const auto go = g.find("Go", EntityType::kTool);
  REQUIRE(go.has_value());
  CHECK(g.entity(*go).mention_count == 1);
  KnowledgeGraph no_context = run(none, "We Go home now.");
  CHECK_FALSE(no_context.find("Go", EntityType::kTool).has_value());
}

TEST_CASE("token tests: text, starts, ends, regex, script, shape, particle, space_before, not") {
  auto one = [](const std::string& element, const std::string& text) {
    const std::string rules = rule_file(R"j("entity_rules": [{"id": "e", "pattern": [)j" + element +
                                        R"j(], "entity": {"capture": "n", "type": "Tool"}}])j");
    return run(rules, text).find("zeta", EntityType::kTool).has_value();
  };
  CHECK(one(R"j({"text": ["zeta"], "capture": "n"})j", "we use Zeta"));
  CHECK(one(R"j({"starts": ["ze"], "capture": "n"})j", "we use Zeta"));
  CHECK(one(R"j({"ends": ["ta"], "capture": "n"})j", "we use Zeta"));
  CHECK(one(R"j({"regex": "Z[a-z]+", "capture": "n"})j", "we use Zeta"));
  CHECK_FALSE(one(R"j({"regex": "z[a-z]+", "capture": "n"})j", "we use Zeta"));
  CHECK(one(R"j({"script": "latin", "shape": "capitalized", "text": "zeta", "capture": "n"})j",
            "we use Zeta"));
  CHECK_FALSE(one(R"j({"shape": "upper", "text": "zeta", "capture": "n"})j", "we use Zeta"));
  CHECK(one(R"j({"text": "zeta", "particle": ["를"], "capture": "n"})j", "Zeta를 쓴다"));
  CHECK_FALSE(one(R"j({"text": "zeta", "particle": [""], "capture": "n"})j", "Zeta를 쓴다"));
  CHECK(one(R"j({"text": "zeta", "particle": [""], "capture": "n"})j", "Zeta 쓴다"));
  CHECK_FALSE(one(R"j({"text": "zeta", "space_before": false, "capture": "n"})j", "we use Zeta"));
  CHECK_FALSE(one(R"j({"text": "zeta", "not": [{"shape": "capitalized"}], "capture": "n"})j",
                  "we use Zeta"));
  CHECK(one(R"j({"text": "zeta", "not": {"shape": "upper"}, "capture": "n"})j", "we use Zeta"));
}

TEST_CASE("quantifiers, gaps and anchors") {
  const std::string rules = rule_file(R"j("entity_rules": [
    {"id": "q", "pattern": [{"text": "tool", "anchor": "start"}, {"text": ["is", "was"], "min": 0, "max": 1},
      {"shape": "capitalized", "min": 1, "max": 2, "capture": "n"}, {"text": ".", "anchor": "end"}],
     "entity": {"capture": "n", "type": "Tool"}}])j");
  CHECK(run(rules, "tool is Zeta Beam.").find("Zeta Beam", EntityType::kTool).has_value());
  CHECK(run(rules, "tool Zeta.").find("Zeta", EntityType::kTool).has_value());
  CHECK_FALSE(run(rules, "the tool is Zeta.").find("Zeta", EntityType::kTool).has_value());
  CHECK_FALSE(run(rules, "tool is big Zeta.").find("Zeta", EntityType::kTool).has_value());
  CHECK_FALSE(run(rules, "tool is Zeta and more.").find("Zeta", EntityType::kTool).has_value());
}

TEST_CASE("type_from a cue word, and through another capture") {
  const std::string rules = rule_file(R"j("entity_rules": [
    {"id": "cue", "pattern": [{"particle": ["인"], "capture": "cue"}, {"script": "latin", "capture": "n"}],
     "entity": {"capture": "n", "type_from": "cue"}},
    {"id": "team", "pattern": [{"script": "latin", "particle": [""], "known": false, "capture": "n"}, {"text": "팀", "capture": "t"}],
     "entity": {"capture": "n", "through": "t", "type": "Team"}}])j");
  KnowledgeGraph g = run(rules, "메신저 앱인 Chirp이 나왔다. 언어인 Zig도. Infra 팀이 맡는다.");
  CHECK(g.find("Chirp", EntityType::kProduct).has_value());
  CHECK(g.find("Zig", EntityType::kTool).has_value());
  CHECK(g.find("Infra 팀", EntityType::kTeam).has_value());
}

TEST_CASE("an alias rule makes one entity of a name and its parenthetical") {
  const std::string rules = rule_file(R"j("entity_rules": [
    {"id": "paren", "pattern": [{"script": "hangul", "particle": [""], "known": false, "capture": "n"},
      {"text": "(", "space_before": false}, {"ent": "any", "capture": "e"}, {"text": ")"}],
     "alias": {"entity": "e", "name": "n"}}])j");
  KnowledgeGraph g = run(rules, "글로빅스(Globex)는 크다. 글로빅스는 작다.");
  const auto id = g.find("글로빅스", EntityType::kOrganization);
  REQUIRE(id.has_value());
  CHECK(g.entity(*id).name == "Globex");
  CHECK(g.entity_count() == 1);
}

TEST_CASE("relations: captures, coordinated lists, relation_by, unless") {
  const std::string rules = rule_file(R"j("relation_rules": [
    {"id": "own", "pattern": [{"ent": "Organization", "particle": ["의"], "capture": "o"},
      {"ent": ["Product", "Tool"], "list": true, "capture": "p"}], "relation": "develops", "source": "o", "target": "p"},
    {"id": "role", "pattern": [{"ent": "Organization", "capture": "o"}, {"text": ["@roles", "founder"], "capture": "r"},
      {"ent": "Person", "capture": "p"}],
     "relation_by": {"capture": "r", "lexicons": {"roles": "leads"}}, "source": "p", "target": "o"},
    {"id": "use", "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "uses"}, {"text": "not", "min": 0, "max": 1}, {"ent": ["Tool", "Product"], "list": true, "capture": "t"}],
     "relation": "uses", "source": "o", "target": "t", "unless": ["not"]}])j");
  KnowledgeGraph g = run(rules,
                         "글로벡스의 Rocket, Python과 Rust. Acme CEO Jane Roe. Acme uses Rust and "
                         "Python. Acme uses not Rocket.");
  CHECK(has(g, "Globex", RelationType::kDevelops, "Rocket"));
  CHECK(has(g, "Globex", RelationType::kDevelops, "Python"));
  CHECK(has(g, "Globex", RelationType::kDevelops, "Rust"));
  CHECK(has(g, "Jane Roe", RelationType::kLeads, "Acme"));
  CHECK(has(g, "Acme", RelationType::kUses, "Python"));
  CHECK(has(g, "Acme", RelationType::kUses, "Rust"));
  CHECK_FALSE(has(g, "Acme", RelationType::kUses, "Rocket"));
}

TEST_CASE("relations: find prefers subjects, falls back to the topic; types are checked") {
  const std::string rules = rule_file(R"j("relation_rules": [
    {"id": "use", "pattern": [{"ent": "Tool", "list": true, "capture": "t"}, {"starts": ["사용"]}],
     "relation": "uses", "source": {"find": ["Organization"], "else": "$topic"}, "target": "t"},
    {"id": "bad", "pattern": [{"ent": "Tool", "capture": "t"}, {"text": "x"}],
     "relation": "leads", "source": "t", "target": "t"}])j");
  KnowledgeGraph g = run(rules,
                         "에이크미 소식\n에이크미는 좋다. 에이크미는 크다.\n글로벡스의 제품과 달리 "
                         "글로벡스는 Rust를 사용한다.\nPython을 사용한다.");
  CHECK(has(g, "Globex", RelationType::kUses, "Rust"));
  CHECK(has(g, "Acme", RelationType::kUses, "Python"));
  CHECK_FALSE(has(g, "Acme", RelationType::kUses, "Rust"));
  CHECK(g.relation_count() == 2);
}

TEST_CASE("document rules: owners named by the gazetteer, orphans to the topic") {
  const std::string rules = rule_file(
      R"j("entity_rules": [{"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
      "entity": {"capture": "n", "type": "Team"}}],
    "document_rules": [
      {"id": "own", "kind": "owner", "types": ["Product"], "relation": "develops", "confidence": 0.6},
      {"id": "team-orphan", "kind": "orphan", "types": ["Team"], "relation": "part_of", "direction": "to_topic", "confidence": 0.5}])j");
  KnowledgeGraph g =
      run(rules, "에이크미 소식\nRocket이 나왔다. 에이크미는 바쁘다. 안전팀도 바쁘다.");
  CHECK(has(g, "Acme", RelationType::kDevelops, "Rocket"));
  CHECK(has(g, "안전팀", RelationType::kPartOf, "Acme"));
  KnowledgeGraph no_owner = run(rules, "Rocket이 나왔다.");
  CHECK(no_owner.relation_count() == 0);
}

TEST_CASE("overlaps: the longest span wins, then priority, then the earliest") {
  const std::string rules = rule_file(R"j("entity_rules": [
    {"id": "short", "priority": 50, "pattern": [{"text": "zeta", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}},
    {"id": "long", "pattern": [{"text": "zeta", "capture": "n"}, {"text": "beam", "capture": "m"}],
     "entity": {"capture": "n", "through": "m", "type": "Product"}},
    {"id": "low", "priority": 1, "pattern": [{"text": "omega", "capture": "n"}], "entity": {"capture": "n", "type": "Product"}},
    {"id": "high", "priority": 5, "pattern": [{"text": "omega", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])j");
  KnowledgeGraph g = run(rules, "Zeta Beam and Omega.");
  CHECK(g.find("Zeta Beam", EntityType::kProduct).has_value());
  CHECK_FALSE(g.find("Zeta", EntityType::kTool).has_value());
  CHECK(g.find("Omega", EntityType::kTool).has_value());
  CHECK_FALSE(g.find("Omega", EntityType::kProduct).has_value());
}

TEST_CASE("layout: boilerplate yields nothing, table columns yield typed cells") {
  const std::string rules = rule_file(
      R"j("layout": {"boilerplate_markers": ["댓글"], "table_columns": {"Team": ["부서"]}})j");
  KnowledgeGraph g = run(rules,
                         "에이크미 소식\n에이크미는 좋다.\n에이크미는 크다.\n| 부서 | 비고 "
                         "|\n|---|---|\n| 검색 품질 (Rocket) | 좋음 |\n"
                         "댓글 2\nGlobex 최고 2025.01.01 10:00\n");
  CHECK(g.find("검색 품질", EntityType::kTeam).has_value());
  CHECK(g.find("Rocket", EntityType::kProduct).has_value());
  CHECK_FALSE(g.find("Globex", EntityType::kOrganization).has_value());
  const std::string none = rule_file(R"j("lexicons": {})j");
  KnowledgeGraph headlines = run(none,
                                 "에이크미는 좋다.\n101 Globex 주가 급등 2025.04.04 12:15 "
                                 "7406\n102 글로벡스 신제품 2025.04.04 12:13 6790\n");
  CHECK(headlines.find("Acme", EntityType::kOrganization).has_value());
  CHECK_FALSE(headlines.find("Globex", EntityType::kOrganization).has_value());
}

TEST_CASE("a catastrophically backtracking regex stops at its time limit with the rule's name") {
  const std::string rules = rule_file(
      R"j("entity_rules": [{"id": "slow", "pattern": [{"regex": "(a+)+b", "capture": "n"}],
      "entity": {"capture": "n", "type": "Tool"}}])j");
  auto set = load(rules);
  REQUIRE(set.ok());
  auto ex = Extractor::create(set.value());
  auto got = ex.value().extract({"d", std::string(40, 'a') + "c"});
  REQUIRE_FALSE(got.ok());
  CHECK(got.status().code() == ErrorCode::kTimeout);
  CHECK(got.status().message().find("slow") != std::string::npos);
  CHECK(got.status().where().pointer == "/entity_rules/0");
}

TEST_CASE("evidence and mentions quote the original text exactly") {
  const std::string rules = rule_file(
      R"j("relation_rules": [{"id": "own", "pattern": [{"ent": "Organization", "particle": ["의"], "capture": "o"},
      {"ent": "Product", "capture": "p"}], "relation": "develops", "source": "o", "target": "p"}])j");
  // Full-width letters and decomposed jamo before the sentence shift every offset.
  const std::string text =
      "ＡＢ \xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB줄.\n오늘 글로벡스의 Rocket이 나왔다.";
  KnowledgeGraph g = run(rules, text);
  auto rels = g.relations();
  REQUIRE(rels.size() == 1);
  const Evidence& ev = rels[0].relation->evidence.front();
  CHECK(text.substr(ev.bytes.begin, ev.bytes.end - ev.bytes.begin) == ev.sentence);
  CHECK(ev.sentence == "오늘 글로벡스의 Rocket이 나왔다.");
  CHECK(ev.rule == "own");
  const Entity& globex = g.entity(*g.find("Globex", EntityType::kOrganization));
  REQUIRE(globex.mentions.size() == 1);
  const Mention& m = globex.mentions.front();
  CHECK(text.substr(m.bytes.begin, m.bytes.end - m.bytes.begin) == "글로벡스");
  CHECK(m.chars.end - m.chars.begin == 4);
}

TEST_CASE("the built-in pack's own examples all pass") {
  auto set = load_rules({builtin_pack()});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  auto ex = Extractor::create(set.value());
  std::size_t checked = 0;
  const std::vector<ExampleFailure> failures = run_rule_examples(ex.value(), &checked);
  for (const ExampleFailure& f : failures) {
    INFO(f.where << ": " << f.problem << " in " << f.text);
    CHECK(false);
  }
  CHECK(checked > 20);
}

}  // namespace
}  // namespace kgex

namespace kgex {
namespace {

TEST_CASE("layout: a related-links box inside an article ends where the article resumes") {
  const std::string rules = rule_file(R"j("layout": {"boilerplate_markers": ["관련기사"]})j");
  KnowledgeGraph g =
      run(rules,
          "에이크미 소식\n에이크미는 오늘 새 제품을 공개했다고 밝혔다.\n양사는 "
          "협력을 이어간다.\n관련기사\n"
          "글로벡스 주가 급등\n에이크미 관계자는 \"이번 제품이 시장의 흐름을 크게 "
          "바꿀 것\"이라며 \"앞으로도 Rocket을 꾸준히 키우고 고객과 함께 성장하겠다\"고 "
          "말했다.\n");
  CHECK(g.find("Rocket", EntityType::kProduct).has_value());
  CHECK_FALSE(g.find("Globex", EntityType::kOrganization).has_value());
}

}  // namespace
}  // namespace kgex
