// The extractor end to end through small in-memory packs: entity and alias
// actions, relation actions (captures, $topic, find, relation_by, unless),
// document rules, the overlap policy, time limits, input problems, options and
// the offsets of mentions and evidence.
#include "extractor/extractor.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/utf8.h"
#include "extractor/stages.h"
#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

using test::extract_with;
using test::graph_of;
using test::has_entity;
using test::has_relation;
using test::rule_file;
using ET = EntityType;
using RT = RelationType;

// 글로벡스 typed as conjoining jamo (NFD): ten code points.
const std::string kGlobexNfd =
    "\xE1\x84\x80\xE1\x85\xB3\xE1\x86\xAF\xE1\x84\x85\xE1\x85\xA9\xE1\x84\x87\xE1\x85\xA6\xE1\x86"
    "\xA8\xE1\x84\x89\xE1\x85\xB3";

// "the tool X" names the Tool X.
const char* kToolNamed = R"({"id": "tool-named", "pattern": [{"text": "tool"},
    {"shape": "capitalized", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}})";

// Korean "<Tools>를 사용" with the organization found by `source`.
std::string uses_ko(const std::string& source, const std::string& extra = "") {
  return rule_file(R"("relation_rules": [{"id": "use", "pattern": [
      {"ent": ["Tool", "Product"], "list": true, "particle": ["을", "를"], "capture": "t"}, {"starts": "사용"}],
      "relation": "uses", "source": )" +
                   source + R"(, "target": "t")" + extra + "}]");
}

TEST_CASE("gazetteer names become entities with their canonical names and aliases") {
  const KnowledgeGraph g =
      graph_of(rule_file(""), "글로벡스는 Kafka를 쓰고 Globex 사람들은 만족한다.");
  const auto globex = g.find("Globex", ET::kOrganization);
  REQUIRE(globex);
  CHECK(g.entity(*globex).name == "Globex");
  CHECK(g.entity(*globex).aliases == std::vector<std::string>{"글로벡스"});
  CHECK(g.entity(*globex).mention_count == 2);
  CHECK(has_entity(g, "Kafka", ET::kTool));
  CHECK(g.entity_count() == 2);
}

TEST_CASE("a variant written onto a known product's or tool's name is a name of its own") {
  const std::string rules = rule_file(R"("layout": {"variant_words": ["mini", "instruct"]})");
  const KnowledgeGraph g =
      graph_of(rules, "Rocket-mini ships today. Kafka-3.7-Instruct runs there. Rocket is older.");
  CHECK(has_entity(g, "Rocket-mini", ET::kProduct));
  CHECK(has_entity(g, "Kafka-3.7-Instruct", ET::kTool));
  CHECK(has_entity(g, "Rocket", ET::kProduct));
  // Every part after the known name must be a variant word or hold a digit; an organization's
  // name takes no variant.
  const KnowledgeGraph none =
      graph_of(rules, "Kafka-based queues and Rocket-mini-style tools came from Acme-2.");
  CHECK_FALSE(has_entity(none, "Kafka-based", ET::kTool));
  CHECK_FALSE(has_entity(none, "Rocket-mini-style", ET::kProduct));
  CHECK_FALSE(has_entity(none, "Acme-2", ET::kOrganization));
  CHECK(none.entity_count() == 0);
}

TEST_CASE(
    "one sense per document: a name held back for want of context words is taken once "
    "the document names its entry elsewhere") {
  const std::string rules = rule_file(R"json("gazetteer": [
      {"name": "Carrot Market", "type": "Organization", "aliases": ["당근", "Carrot"],
       "context": {"words": ["중고거래"], "window": 3, "forms": ["당근"]}}])json");
  const auto mentions = [](const KnowledgeGraph& g) {
    const auto e = g.find("Carrot Market", ET::kOrganization);
    return e ? g.entity(*e).mention_count : 0;
  };
  CHECK(mentions(graph_of(rules, "당근 광고팀이 바쁘다. 당근 주스를 마셨다.")) == 0);
  CHECK(mentions(graph_of(rules, "당근 광고팀이 바쁘다. 이 회사는 Carrot이라 불린다.")) == 2);
  CHECK(mentions(graph_of(rules, "Carrot은 크다. 당근 광고팀이 바쁘다.")) == 2);
}

TEST_CASE("entity action: a name of the given type") {
  const std::string rules = rule_file(std::string(R"("entity_rules": [)") + kToolNamed + "]");
  const KnowledgeGraph g = graph_of(rules, "We wrote the tool Zephyr last year.");
  CHECK(has_entity(g, "Zephyr", ET::kTool));
  CHECK(g.entity_count() == 1);
}

TEST_CASE("entity action: a name found once is a mention wherever the document writes it") {
  const std::string rules = rule_file(std::string(R"("entity_rules": [)") + kToolNamed + "]");
  const KnowledgeGraph g = graph_of(rules, "We wrote the tool Zephyr. Later Zephyr crashed twice.");
  const auto id = g.find("Zephyr", ET::kTool);
  REQUIRE(id);
  CHECK(g.entity(*id).mention_count == 2);
}

TEST_CASE(
    "entity action: a Korean name found once keeps an ending the tokenizer took for a particle") {
  // 리턴제로는 reads as 리턴제 + 로는 and 리턴제로의 as 리턴제 + 로의 until the document names
  // 리턴제로; the particle that is left is the one relation rules then see.
  const std::string rules = rule_file(R"("entity_rules": [{"id": "quoted",
      "pattern": [{"text": "스타트업"}, {"text": "'"}, {"script": "hangul", "capture": "n"},
      {"text": "'"}], "entity": {"capture": "n", "type": "Organization"}}],
      "relation_rules": [{"id": "use", "pattern": [{"ent": "Organization", "particle": ["는"],
      "capture": "o"}, {"ent": "Tool", "particle": ["를"], "capture": "t"}, {"starts": "사용"}],
      "relation": "uses", "source": "o", "target": "t"}])");
  const KnowledgeGraph g = graph_of(
      rules,
      "음성 스타트업 '리턴제로' 대표를 만났다. 리턴제로의 도전. 리턴제로는 Kafka를 사용한다.");
  const auto id = g.find("리턴제로", ET::kOrganization);
  REQUIRE(id);
  CHECK(g.entity(*id).mention_count == 3);
  CHECK(has_relation(g, "리턴제로", RT::kUses, "Kafka"));
  CHECK(g.find("리턴제").empty());
}

TEST_CASE(
    "entity action: a word split again onto a name's last word is that word to the relation "
    "rules, also in a sentence no later entity pass reads") {
  // The document names '보라 리턴제로'; 리턴제로는 elsewhere reads as 리턴제 + 로는 until it is
  // split again onto 리턴제로 + 는. That sentence names no one, so no later entity pass looks at it
  // again, and the relation rule's word test must still see 리턴제로, not 리턴제.
  const std::string quoted = R"("entity_rules": [{"id": "quoted",
      "pattern": [{"text": "스타트업"}, {"text": "'"}, {"script": "hangul", "capture": "n"},
      {"script": "hangul", "capture": "s"}, {"text": "'"}],
      "entity": {"capture": "n", "through": "s", "type": "Organization"}}])";
  const std::string first = rule_file(quoted + R"(, "relation_rules": [{"id": "use", "pattern": [
      {"text": "리턴제로", "particle": ["는"]}, {"ent": "Tool", "particle": ["를"], "capture": "t"},
      {"starts": "사용"}], "relation": "uses", "source": "$topic", "target": "t"}])");
  const KnowledgeGraph g =
      graph_of(first, "음성 스타트업 '보라 리턴제로' 대표를 만났다. 리턴제로는 Kafka를 사용한다.");
  REQUIRE(g.find("보라 리턴제로", ET::kOrganization));
  CHECK(has_relation(g, "보라 리턴제로", RT::kUses, "Kafka"));
  // The same where the word test is not the rule's first and another word of its list (소식)
  // lets the rule past the filter: the test looks the word up by the hash of its folded form.
  const std::string later = rule_file(quoted + R"(, "relation_rules": [{"id": "use", "pattern": [
      {"ent": "Tool", "particle": ["를"], "capture": "t"},
      {"text": ["리턴제로", "소식"], "particle": ["는"]}, {"starts": "사용"}],
      "relation": "uses", "source": "$topic", "target": "t"}])");
  const KnowledgeGraph h = graph_of(
      later, "음성 스타트업 '보라 리턴제로' 대표를 만났다. 소식: Kafka를 리턴제로는 사용한다.");
  REQUIRE(h.find("보라 리턴제로", ET::kOrganization));
  CHECK(has_relation(h, "보라 리턴제로", RT::kUses, "Kafka"));
}

TEST_CASE("entity action: a company's short form is the company, also where a rule finds it") {
  const std::string rules = rule_file(R"("entity_rules": [
      {"id": "labs", "pattern": [{"shape": "capitalized", "capture": "n"}, {"text": "labs", "capture": "s"}],
       "entity": {"capture": "n", "through": "s", "type": "Organization"}},
      {"id": "founder-of", "pattern": [{"shape": "capitalized", "particle": ["'s"], "capture": "n"},
       {"text": "founder"}], "entity": {"capture": "n", "type": "Organization"}}])");
  const KnowledgeGraph g =
      graph_of(rules, "We bought Clearpath Labs last year. Clearpath's founder joined us.");
  const auto id = g.find("Clearpath Labs", ET::kOrganization);
  REQUIRE(id);
  CHECK(g.entity(*id).mention_count == 2);
  CHECK_FALSE(g.find("Clearpath", ET::kOrganization));
}

TEST_CASE("entity action: a short form is its own company again where its full name is a team") {
  const std::string rules = rule_file(R"("entity_rules": [
      {"id": "labs", "pattern": [{"shape": "capitalized", "capture": "n"}, {"text": "labs", "capture": "s"}],
       "entity": {"capture": "n", "through": "s", "type": "Organization"}},
      {"id": "our-group", "priority": 110, "pattern": [{"ent": "Organization", "capture": "n"}, {"text": ","},
       {"text": "our"}, {"text": "group"}], "entity": {"capture": "n", "type": "Team"}},
      {"id": "closed", "pattern": [{"shape": "capitalized", "anchor": "start", "capture": "n"},
       {"text": "closed"}], "entity": {"capture": "n", "type": "Organization"}}])");
  const KnowledgeGraph g =
      graph_of(rules, "Clearpath closed the year well. Ada Obi runs Clearpath Labs, our group.");
  CHECK(g.find("Clearpath Labs", ET::kTeam));
  CHECK_FALSE(g.find("Clearpath Labs", ET::kOrganization));
  const auto id = g.find("Clearpath", ET::kOrganization);
  REQUIRE(id);
  CHECK(g.entity(*id).mention_count == 1);
}

TEST_CASE("entity action: a company written with its legal form or in capitals is one company") {
  const std::string rules = rule_file(R"("entity_rules": [
      {"id": "caps", "pattern": [{"regex": "[A-Z]{3,}", "anchor": "start", "capture": "n"},
       {"regex": "[A-Z]{3,}", "anchor": "end", "capture": "m"}],
       "entity": {"capture": "n", "through": "m", "type": "Organization"}},
      {"id": "joined", "pattern": [{"text": "joined"},
       {"regex": "[A-Z][a-z]+", "min": 2, "max": 3, "capture": "n"}, {"text": "in"}],
       "entity": {"capture": "n", "type": "Organization"}}])");
  // The first word stands for the company too, however its full name was written.
  const KnowledgeGraph g = graph_of(rules,
                                    "ZORBLAT WORKS\n\nAna Ruiz joined Zorblat Works Ltd in May. "
                                    "Zorblat ships games.");
  const auto id = g.find("ZORBLAT WORKS", ET::kOrganization);
  REQUIRE(id);
  CHECK(g.entity(*id).mention_count == 3);
  CHECK_FALSE(g.find("Zorblat", ET::kOrganization));
  CHECK(g.entity_count() == 1);  // "Zorblat Works Ltd" is a name of it
}

TEST_CASE("pattern anchor field_end: the sentence's last unit or the last of a header's field") {
  const std::string rules = rule_file(R"("entity_rules": [
      {"id": "labs", "pattern": [{"shape": "capitalized", "capture": "n"},
       {"text": "Labs", "anchor": "field_end", "capture": "s"}],
       "entity": {"capture": "n", "through": "s", "type": "Organization"}}])");
  const KnowledgeGraph g = graph_of(
      rules,
      "Ana Ruiz · Vexa Labs · 12 replies\n\nZed Kim | Quor Labs\n\nMira · Tobe Labs team\n\n");
  CHECK(has_entity(g, "Vexa Labs", ET::kOrganization));  // before a middle dot
  CHECK(has_entity(g, "Quor Labs", ET::kOrganization));  // at the line's end
  CHECK(g.find("Tobe Labs").empty());                    // more words follow in its field
}

TEST_CASE("entity action: type_from a cue word") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "cue",
      "pattern": [{"particle": ["인", "이라는"], "capture": "cue"}, {"script": "latin", "capture": "n"}],
      "entity": {"capture": "n", "type_from": "cue"}}])");
  const KnowledgeGraph g = graph_of(
      rules,
      "메신저 앱인 Chirp이 나왔다. 새 언어인 Zig도 있다. 스타트업이라는 Quill도. 동네인 Qux도. "
      "핀테크스타트업인 Vexa도. 코딩언어인 Tobe도. 쇼핑앱인 Brim도.");
  CHECK(has_entity(g, "Chirp", ET::kProduct));
  CHECK(has_entity(g, "Zig", ET::kTool));
  CHECK(has_entity(g, "Quill", ET::kOrganization));
  CHECK(g.find("Qux").empty());  // 동네 is not a type cue
  // A Hangul compound ends in a cue of two syllables or more (스타트업, 언어), not of one (앱).
  CHECK(has_entity(g, "Vexa", ET::kOrganization));
  CHECK(has_entity(g, "Tobe", ET::kTool));
  CHECK(g.find("Brim").empty());
}

TEST_CASE("entity action: through extends the name to another capture") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "team",
      "pattern": [{"script": "latin", "min": 1, "max": 2, "capture": "n"}, {"text": "팀", "capture": "t"}],
      "entity": {"capture": "n", "through": "t", "type": "Team"}}])");
  const KnowledgeGraph g = graph_of(rules, "Search Infra 팀이 맡는다. Zeta를 Nova 팀에 넘겼다.");
  CHECK(has_entity(g, "Search Infra 팀", ET::kTeam));
  // A name has no particle inside it: not "Zeta를 Nova 팀".
  CHECK(has_entity(g, "Nova 팀", ET::kTeam));
  CHECK(g.entity_count() == 2);
}

TEST_CASE("entity action: words two spaces apart are never one name") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "team",
      "pattern": [{"script": "hangul", "min": 1, "max": 3, "capture": "n"}, {"text": "팀", "capture": "t"}],
      "entity": {"capture": "n", "through": "t", "type": "Team"}}])");
  // A site's menu, then a sentence: the menu's items are set apart by wide gaps.
  const KnowledgeGraph g = graph_of(
      rules, "가온 | 회사소개   연혁   팀   제품\n\n결제 플랫폼 팀이 맡는다.\n안내  결제 팀");
  CHECK(has_entity(g, "결제 플랫폼 팀", ET::kTeam));
  CHECK(g.find("회사소개   연혁   팀").empty());
  CHECK(g.find("연혁   팀").empty());
  CHECK(g.find("안내  결제 팀").empty());
  CHECK(has_entity(g, "결제 팀", ET::kTeam));
}

TEST_CASE("entity action: quotes that hold a name whole let its words end like particles") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "quoted",
      "pattern": [{"text": "게임"}, {"text": "'"}, {"any": true, "min": 1, "max": 4,
        "not": [{"text": "'"}], "capture": "n"}, {"text": "'"}],
      "entity": {"capture": "n", "type": "Product"}},
      {"id": "before-ships", "pattern": [{"any": true, "min": 1, "max": 3, "capture": "n"},
        {"text": "출시"}], "entity": {"capture": "n", "type": "Product"}}])");
  const KnowledgeGraph g = graph_of(
      rules, "신작 게임 '루나: 잊힌 별'을 낸다. 게임 '사랑과 전쟁'도 있다. 모아나 누리 출시.");
  CHECK(has_entity(g, "루나: 잊힌 별", ET::kProduct));
  CHECK(has_entity(g, "사랑과 전쟁", ET::kProduct));
  // Without quotes, a word with a particle still ends a name: "모아나 누리" is two things.
  CHECK(g.find("모아나 누리").empty());
  CHECK(has_entity(g, "누리", ET::kProduct));
}

TEST_CASE("entity action: stop words and bare type nouns are never names") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "before-ships",
      "pattern": [{"any": true, "capture": "n"}, {"text": "ships"}],
      "entity": {"capture": "n", "type": "Product"}}])");
  const KnowledgeGraph g = graph_of(rules, "AI ships. app ships. Quill ships.");
  CHECK(has_entity(g, "Quill", ET::kProduct));
  CHECK(g.entity_count() == 1);
}

TEST_CASE("alias action: a parenthetical makes one entity with both names") {
  const std::string rules = rule_file(R"j("entity_rules": [{"id": "paren",
      "pattern": [{"script": "hangul", "particle": [""], "known": false, "capture": "n"},
                  {"text": "(", "space_before": false}, {"ent": "any", "capture": "e"}, {"text": ")"}],
      "alias": {"entity": "e", "name": "n"}}])j");
  const KnowledgeGraph g = graph_of(rules, "글로빅스(Globex)는 크다. 앱(Comet)도 있다.");
  const auto globex = g.find("글로빅스", ET::kOrganization);
  REQUIRE(globex);
  CHECK(g.entity(*globex).name == "Globex");
  const std::vector<std::string>& aliases = g.entity(*globex).aliases;
  CHECK(std::find(aliases.begin(), aliases.end(), "글로빅스") != aliases.end());
  // A type cue word is a description, not another name.
  const auto comet = g.find("Comet", ET::kProduct);
  REQUIRE(comet);
  CHECK(g.entity(*comet).aliases.empty());
  CHECK(g.entity_count() == 2);
}

TEST_CASE("alias action: the alias goes with the type the name's span ends with") {
  // A type noun makes a product of the name and its alias; a stronger rule makes the name a
  // company, which wins the span: the alias is the company's too, not a product of its own.
  const std::string rules = rule_file(R"j("entity_rules": [
      {"id": "cue", "pattern": [{"text": "플랫폼"},
        {"script": "hangul", "particle": [""], "known": false, "capture": "n"},
        {"text": "(", "space_before": false}, {"script": "latin", "capture": "l"}, {"text": ")"}],
       "entity": {"capture": "n", "type": "Product"}, "alias": {"entity": "n", "name": "l"}},
      {"id": "side", "priority": 4, "pattern": [
        {"script": "hangul", "particle": [""], "known": false, "capture": "n"}, {"text": "측"}],
       "entity": {"capture": "n", "type": "Organization"}}])j");
  const KnowledgeGraph g =
      graph_of(rules, "여행 플랫폼 누리트리(Nuritree)가 문을 열었다. 누리트리 측은 기뻐했다.");
  CHECK(has_entity(g, "누리트리", ET::kOrganization));
  CHECK_FALSE(has_entity(g, "Nuritree", ET::kProduct));
  CHECK(g.find("Nuritree") == g.find("누리트리"));
}

TEST_CASE("alias action: through runs the alias on to the end of another capture") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "version", "pattern": [
      {"ent": "Product", "capture": "p"}, {"regex": "[0-9]{1,2}", "capture": "v"},
      {"not": {"text": ["million"]}}],
      "alias": {"entity": "p", "name": "p", "through": "v"}}])");
  const KnowledgeGraph g = graph_of(rules, "Acme shipped Rocket 2 today.");
  REQUIRE(g.find("Rocket 2").size() == 1);
  CHECK(g.find("Rocket 2") == g.find("Rocket"));
  CHECK(g.entity_count() == 2);
  const KnowledgeGraph units = graph_of(rules, "Rocket 2 million users.");
  CHECK(units.find("Rocket 2").empty());
  CHECK(units.find("Rocket").size() == 1);
}

TEST_CASE("alias action: two known names of one thing become one entity") {
  const std::string rules = rule_file(R"j(
    "gazetteer": [{"name": "Nimbus", "type": "Product"}, {"name": "님버스 클라우드", "type": "Product"},
                  {"name": "Comet", "type": "Product"}],
    "entity_rules": [{"id": "paren-mention",
      "pattern": [{"ent": "any", "particle": [""], "capture": "e"}, {"text": "("},
                  {"ent": "any", "particle": [""], "capture": "n"}, {"text": ")"}],
      "alias": {"entity": "e", "name": "n"}}])j");
  const KnowledgeGraph g =
      graph_of(rules, "님버스 클라우드(Nimbus)는 빠르다. Acme(Comet)는 다르다.");
  const auto a = g.find("Nimbus", ET::kProduct);
  const auto b = g.find("님버스 클라우드", ET::kProduct);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
  // Mentions of different types are not united: Comet is nobody's known product.
  CHECK(g.find("Acme", ET::kOrganization) != g.find("Comet", ET::kProduct));
  CHECK(g.entity_count() == 3);

  SUBCASE("a company written with its own product's name is called by it") {
    // Rocket's gazetteer entry says Acme makes it: "Acme(Rocket)" is the company.
    const KnowledgeGraph own = graph_of(rules, "Acme(Rocket)는 다르다.");
    CHECK(own.find("Acme", ET::kOrganization));
    CHECK_FALSE(own.find("Rocket", ET::kProduct));
    CHECK(own.entity_count() == 1);
  }
}

TEST_CASE("relation action: source and target from captures, one relation per list member") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "use",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "uses"},
                  {"ent": ["Tool", "Product"], "list": true, "capture": "t"}],
      "relation": "uses", "source": "o", "target": "t", "confidence": 0.8}])");
  const KnowledgeGraph g = graph_of(rules,
                                    "Acme uses Rust, Kafka, and Python. Globex uses Rust/Comet. "
                                    "Initech uses Kafka and Python.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(g, "Acme", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "Acme", RT::kUses, "Python"));
  CHECK(has_relation(g, "Globex", RT::kUses, "Rust"));
  CHECK(has_relation(g, "Globex", RT::kUses, "Comet"));
  CHECK(has_relation(g, "Initech", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "Initech", RT::kUses, "Python"));
  CHECK(g.relation_count() == 7);
  const Relation& r = test::relation(g, "Acme", RT::kUses, "Rust");
  CHECK(r.confidence == doctest::Approx(0.8));
  REQUIRE(r.evidence.size() == 1);
  CHECK(r.evidence[0].rule == "use");
  CHECK(r.evidence[0].sentence == "Acme uses Rust, Kafka, and Python.");
}

TEST_CASE("relation action: an end the topic stands in for makes a weaker relation") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "use",
      "pattern": [{"text": "uses"}, {"ent": "Tool", "capture": "t"}], "relation": "uses",
      "source": {"find": ["Organization"], "else": "$topic"}, "target": "t", "confidence": 0.8}])");
  const KnowledgeGraph g = graph_of(
      rules, "Acme news\n\nAcme is big. Acme is old. Globex uses Rust. The team uses Kafka.");
  CHECK(test::relation(g, "Globex", RT::kUses, "Rust").confidence == doctest::Approx(0.8));
  CHECK(test::relation(g, "Acme", RT::kUses, "Kafka").confidence == doctest::Approx(0.64));
}

TEST_CASE("relation action: Korean coordination with 와/과, 및 and the middle dot") {
  const KnowledgeGraph g =
      graph_of(uses_ko(R"({"find": ["Organization"]})"),
               "에이크미는 러스트, 파이썬과 Kafka를 사용한다. 글로벡스는 Rust·Python을 "
               "사용한다. 이니텍은 Kafka 및 Comet을 사용한다.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(g, "Acme", RT::kUses, "Python"));
  CHECK(has_relation(g, "Acme", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "Globex", RT::kUses, "Rust"));
  CHECK(has_relation(g, "Globex", RT::kUses, "Python"));
  CHECK(has_relation(g, "Initech", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "Initech", RT::kUses, "Comet"));
  CHECK(g.relation_count() == 7);
}

TEST_CASE("relation action: $topic is the organization the document is about") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])");
  const KnowledgeGraph g =
      graph_of(rules, "Acme hires again\nAcme is growing fast. Jane Roe joined last week.");
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  // Named once, below the header, Acme is no topic: nothing to point at.
  const KnowledgeGraph none =
      graph_of(rules, "Jane Roe joined last week.\n\nShe likes Acme a lot.");
  CHECK(has_entity(none, "Acme", ET::kOrganization));
  CHECK(none.relation_count() == 0);
  // Named once as the subject of a lead sentence, it is: a history page's dated lines below.
  const KnowledgeGraph once = graph_of(
      rules, "Our history\n\n에이크미는 센서를 만드는 회사입니다.\n\n2020 Jane Roe joined.");
  CHECK(has_relation(once, "Jane Roe", RT::kWorksAt, "Acme"));
  SUBCASE("on a tie, the one first the subject of a sentence") {
    const KnowledgeGraph en = graph_of(rules,
                                       "Jane Roe left Globex for Acme. Acme grew fast. Globex "
                                       "declined to comment. Jane Roe joined last week.");
    CHECK(has_relation(en, "Jane Roe", RT::kWorksAt, "Acme"));
    CHECK_FALSE(has_relation(en, "Jane Roe", RT::kWorksAt, "Globex"));
    const KnowledgeGraph ko =
        graph_of(rules,
                 "김하늘 씨가 글로벡스를 떠나 에이크미로 갔다. 에이크미는 "
                 "빠르게 컸다. 글로벡스에는 남은 이가 없다. Jane Roe joined last "
                 "week.");
    CHECK(has_relation(ko, "Jane Roe", RT::kWorksAt, "Acme"));
  }
  SUBCASE("a name quoted in the headline counts as one in the body") {
    const KnowledgeGraph g = graph_of(rules,
                                      "Acme ships a phone: \"lighter than Globex, and Globex "
                                      "knows it\"\n\nAcme is growing fast. Globex sells more. "
                                      "Jane Roe joined.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
    CHECK_FALSE(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
  }
  SUBCASE("a scraped page's headline below its menus leads") {
    const KnowledgeGraph g = graph_of(
        rules,
        "본문 바로가기\n메인 메뉴로 바로가기\n\n홈  정치  경제  사회  문화  IT/과학  세계  랭킹  "
        "오피니언  스포츠  연예  날씨\n\nIT > 모바일\n\n에이크미, 새 "
        "메신저 공개\n지난달 서울에서 열린 행사에서 여러 회사가 새 메신저와 협업 도구를 "
        "잇달아 공개하며 경쟁에 나섰다. 가격도 내렸다.\n에이크미는 빠르게 컸다. Jane Roe "
        "joined last week.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  }
  SUBCASE("a scraped page's lead is the first sentences below its time stamps") {
    const KnowledgeGraph g = graph_of(
        rules,
        "홈 | 정치 | 경제 | 사회 | IT/과학 | 세계 | 랭킹\nIT/과학 > 모바일\n\n새 메신저 "
        "출시…글로벡스와 제휴\n\n입력 2026.01.05. 오전 9:10  수정 2026.01.05. 오전 9:40\n"
        "하루뉴스 박하늘 기자\n\n[하루뉴스=박하늘 기자] 메신저 스타트업 에이크미가 새 "
        "메신저를 5일 출시했다고 밝혔다. 출시 두 달 만에 가입자가 크게 늘었다는 설명이다.\n\n"
        "에이크미는 글로벡스와 손잡고 해외에 나선다. 에이크미는 연내 흑자를 낸다. 에이크미는 곧 "
        "상장한다. Jane Roe "
        "joined last week.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
    CHECK_FALSE(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
  }
  SUBCASE("on a tie, the one more often the subject") {
    const KnowledgeGraph g = graph_of(rules,
                                      "Globex praised Acme. Acme grew fast. Acme hired from "
                                      "Globex. Jane Roe joined, Globex said.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  }
}

TEST_CASE("relation action: a section's opening line names the organization it is about") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "runs",
      "pattern": [{"text": "runs"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": "$topic", "target": "t"}])");
  const KnowledgeGraph g =
      graph_of(rules,
               "Meetup notes\n\nAcme hosted us again. Acme is great.\n\n"
               "1) \"Fast builds\" — Jane Roe (Globex)\n\nHer team runs "
               "Rust.\n\n2) Comet — Initech\n\nThe app runs Kafka.\n\n3) "
               "Tooling — Initech\n\nThe service runs Python.\n\n"
               "Lightning talk: John Doe, Globex\n\nHis demo runs Go language.");
  // A quoted title and a speaker come before the speaker's organization.
  CHECK(has_relation(g, "Globex", RT::kUses, "Rust"));
  // A product, or a word set off with a dash, is what the item is about: the document's topic
  // stands.
  CHECK_FALSE(has_relation(g, "Initech", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "Acme", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(g, "Initech", RT::kUses, "Python"));
  // A heading line that names someone ends the section before it.
  CHECK(has_relation(g, "Acme", RT::kUses, "Python"));
  CHECK_FALSE(has_relation(g, "Initech", RT::kUses, "Python"));
  SUBCASE("an item that names a speaker and no organization is about no known one") {
    const KnowledgeGraph talk =
        graph_of(rules,
                 "Meetup notes\n\nAcme hosted us again. Acme is great.\n\n1) \"Fast builds\" — "
                 "Jane Roe\n\nHer team runs Rust.");
    CHECK_FALSE(has_relation(talk, "Acme", RT::kUses, "Rust"));
  }
  SUBCASE("a line that lists names heads no one organization's section") {
    const KnowledgeGraph list =
        graph_of(rules,
                 "Meetup notes\n\nAcme hosted us again. Acme is great.\n\n2) New partners: "
                 "Globex, Initech and Comet\n\nThe connector runs Kafka.\n\n3) Globex & "
                 "Python\n\nThe bridge runs Rust.");
    CHECK(has_relation(list, "Acme", RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(list, "Globex", RT::kUses, "Kafka"));
    CHECK(has_relation(list, "Acme", RT::kUses, "Rust"));
    CHECK_FALSE(has_relation(list, "Globex", RT::kUses, "Rust"));
  }
  SUBCASE("a line that repeats its bullet is a list, not a heading") {
    // "▷ Jane Roe" alone heads an item whose organization is unknown; "▷ … ▷ …" lists items.
    const KnowledgeGraph heading = graph_of(
        rules,
        "Meetup notes\n\nAcme hosted us again. Acme is great.\n\n▷ Jane Roe\nHer team runs Rust.");
    CHECK_FALSE(has_relation(heading, "Acme", RT::kUses, "Rust"));
    const KnowledgeGraph list = graph_of(rules,
                                         "Meetup notes\n\nAcme hosted us again. Acme is great.\n\n"
                                         "▷ Jane Roe ▷ John Doe\nHer team runs Rust.");
    CHECK(has_relation(list, "Acme", RT::kUses, "Rust"));
  }
  SUBCASE("a line in bold heads a résumé's entry, across its dates and bullets") {
    const KnowledgeGraph cv = graph_of(rules,
                                       "Jane Roe\n\nI build backends. Acme is my home. Acme "
                                       "rocks.\n\n**Globex** — engineer\n2019 – 2022\n- Our "
                                       "service runs Rust.\n\n## Hobbies\n\nMy blog runs Python.");
    CHECK(has_relation(cv, "Globex", RT::kUses, "Rust"));
    CHECK(has_relation(cv, "Acme", RT::kUses, "Python"));
    CHECK_FALSE(has_relation(cv, "Globex", RT::kUses, "Python"));
  }
  SUBCASE("an About heading makes the organization it names the topic of its paragraph") {
    const KnowledgeGraph release =
        graph_of(rules,
                 "Acme and Globex team up\n\nAcme said today it works with Globex. Acme is "
                 "glad.\n\nAbout Acme\nThe platform runs Rust.\n\nAbout Globex\nIts "
                 "engine runs Kafka.\n\nAbout the show\nThe site runs Python.");
    CHECK(has_relation(release, "Acme", RT::kUses, "Rust"));
    CHECK(has_relation(release, "Globex", RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(release, "Acme", RT::kUses, "Kafka"));
    // An About heading that names no organization gives the document's topic back.
    CHECK(has_relation(release, "Acme", RT::kUses, "Python"));
    CHECK_FALSE(has_relation(release, "Globex", RT::kUses, "Python"));
  }
  SUBCASE("a line that is only an organization's name heads the paragraph below it") {
    const KnowledgeGraph roundup =
        graph_of(rules,
                 "Demo day\n\nAcme hosted four teams. Acme is proud.\n\nGlobex\nGlobex sells "
                 "kits. The app runs Rust.\n\nInitech\nThe bot runs Kafka.\n\nThanks\nThe "
                 "site runs Python.\n\nMore talks, Globex\nThe board runs Go language.");
    CHECK(has_relation(roundup, "Globex", RT::kUses, "Rust"));
    CHECK(has_relation(roundup, "Initech", RT::kUses, "Kafka"));
    // The next heading line ends the section, whether it names anyone or not.
    CHECK(has_relation(roundup, "Acme", RT::kUses, "Python"));
    CHECK_FALSE(has_relation(roundup, "Initech", RT::kUses, "Python"));
    // A line that names an organization among other words heads nothing.
    CHECK(has_relation(roundup, "Acme", RT::kUses, "Go"));
  }
  SUBCASE("a numbered label and a dash may come before the organization's name") {
    const KnowledgeGraph booths =
        graph_of(rules,
                 "Fair guide\n\nAcme hosts the fair. Acme is glad.\n\nBooth 12 - Globex\nThe "
                 "app runs Rust.\n\nStand B4 - Initech\nThe bot runs Kafka.\n\nLunch - "
                 "Globex\nThe site runs Python.");
    CHECK(has_relation(booths, "Globex", RT::kUses, "Rust"));
    CHECK(has_relation(booths, "Initech", RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(booths, "Acme", RT::kUses, "Rust"));
    // A label with no number is a word of the line: the line heads nothing.
    CHECK_FALSE(has_relation(booths, "Globex", RT::kUses, "Python"));
  }
  SUBCASE("a reply in a thread is its writer's: the company the header or its opening names") {
    const std::string thread_rules = rule_file(R"("layout": {"writer_words": ["i"],
        "we_words": ["we"]}, "relation_rules": [{"id": "runs",
        "pattern": [{"text": "runs"}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": "$topic", "target": "t"}])");
    const KnowledgeGraph thread =
        graph_of(thread_rules,
                 "Forum > Ask\n\nWhich queue? Acme asks. Acme is curious.\n\n"
                 "▲ 12 kestrel · 3h\nAt Globex we are happy. The app runs Kafka.\n\n"
                 "▲ 9 wren · 2h\nHot take: tables are queues. Our worker runs Rust.\n\n"
                 "dana · Initech · ▲ 4\nThe bot runs Python.\n\n"
                 "▲ 3 heron · 1h\nGlobex is fine. The job runs Go language.");
    CHECK(has_relation(thread, "Globex", RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(thread, "Acme", RT::kUses, "Kafka"));
    // A reply whose writer names no company of their own is no one's known company's.
    CHECK_FALSE(has_relation(thread, "Globex", RT::kUses, "Rust"));
    CHECK_FALSE(has_relation(thread, "Acme", RT::kUses, "Rust"));
    CHECK(has_relation(thread, "Initech", RT::kUses, "Python"));
    // An organization named, but not in the first person, is not the writer's.
    CHECK_FALSE(has_relation(thread, "Globex", RT::kUses, "Go"));
    CHECK_FALSE(has_relation(thread, "Acme", RT::kUses, "Go"));
    // A reply opens by saying where its writer is: an organization set off by a comma, a team
    // at an organization, or the first person further on in the opening sentences.
    const std::string intro_rules = rule_file(R"("layout": {"writer_words": ["i"],
        "we_words": ["we"]}, "entity_rules": [{"id": "team", "pattern": [
        {"text": "core", "capture": "n"}, {"text": "team", "capture": "t"}],
        "entity": {"capture": "n", "through": "t", "type": "Team"}}],
        "relation_rules": [{"id": "runs",
        "pattern": [{"text": "runs"}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": "$topic", "target": "t"}])");
    const KnowledgeGraph intro =
        graph_of(intro_rules,
                 "Forum > Ask\n\nWhich queue? Acme asks. Acme is curious.\n\n"
                 "▲ 12 kestrel · 3h\nGlobex, a tiny agency. The app runs Kafka.\n\n"
                 "▲ 9 wren · 2h\nCore team at Initech. The bot runs Rust.\n\n"
                 "▲ 4 heron · 1h\nTired of this. Tell me yours. I work at Initech. The job runs "
                 "Python.");
    CHECK(has_relation(intro, "Globex", RT::kUses, "Kafka"));
    CHECK(has_relation(intro, "Core team", RT::kUses, "Rust"));
    CHECK_FALSE(has_relation(intro, "Initech", RT::kUses, "Rust"));
    CHECK(has_relation(intro, "Initech", RT::kUses, "Python"));
  }
  SUBCASE("a reply's writer who introduces themselves by name speaks in the first person") {
    const std::string thread_rules = rule_file(R"(
        "entity_rules": [{"id": "person", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"}],
          "entity": {"capture": "n", "type": "Person"}}],
        "relation_rules": [{"id": "runs", "pattern": [{"ent": "Tool", "capture": "t",
          "particle": ["을", "를"]}, {"starts": "쓴"}], "relation": "uses", "source": "$topic",
          "target": "t"}])");
    const KnowledgeGraph thread =
        graph_of(thread_rules,
                 "포럼 > 질문\n\n어떤 큐가 좋을까요? 에이크미가 묻는다. 에이크미는 궁금하다.\n\n"
                 "▲ 12 곰 · 3시간\n글로벡스에서 일하는 김하늘입니다. 앱은 Kafka를 쓴다.\n\n"
                 "▲ 9 새 · 2시간\n큐는 테이블이다. 워커는 Rust를 쓴다.\n\n"
                 "▲ 3 물 · 1시간\n이니텍은 괜찮다. 잡은 Python을 쓴다.");
    CHECK(has_relation(thread, "Globex", RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(thread, "Acme", RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(thread, "Initech", RT::kUses, "Python"));
    // So does one who closes the opening sentence with a role and the copula, naming no one.
    const KnowledgeGraph role =
        graph_of(thread_rules,
                 "포럼 > 질문\n\n어떤 큐가 좋을까요? 에이크미가 묻는다. 에이크미는 궁금하다.\n\n"
                 "▲ 12 곰 · 3시간\n글로벡스 인프라 담당입니다. 앱은 Kafka를 쓴다.\n\n"
                 "▲ 9 새 · 2시간\n큐는 테이블이다. 워커는 Rust를 쓴다.\n\n"
                 "▲ 3 물 · 1시간\n이니텍은 괜찮다. 잡은 Python을 쓴다.");
    CHECK(has_relation(role, "Globex", RT::kUses, "Kafka"));
  }
}

TEST_CASE("relation action: the outlet named in a byline is not the topic") {
  const std::string rules = rule_file(R"("layout": {"byline_markers": ["기자", "=", "reporter"]},
      "relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])");
  // Globex, the outlet, is in the header three times; Acme in the first two sentences.
  const std::string story =
      "Globex | Globex = Globex reporter\n\nAcme is growing fast. Acme hires. Jane Roe joined.";
  CHECK(has_relation(graph_of(rules, story), "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(graph_of(rules, story), "Jane Roe", RT::kWorksAt, "Globex"));
  SUBCASE("a short line that opens with a bar names the site") {
    const KnowledgeGraph g =
        graph_of(rules, "Big week\n| Globex\n\nAcme is growing fast. Acme hires. Jane Roe joined.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  }
  SUBCASE("a line that is only an organization's name names the site") {
    const KnowledgeGraph g =
        graph_of(rules, "Big week\nGlobex\n\nAcme is growing fast. Acme hires. Jane Roe joined.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
    CHECK_FALSE(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
  }
  SUBCASE("a page's title that the next sentences are about is no site") {
    const KnowledgeGraph g = graph_of(rules, "Globex\nGlobex is growing fast. Jane Roe joined.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
    const KnowledgeGraph site =
        graph_of(rules, "Globex\nAcme is growing fast. Acme hires. Jane Roe joined.");
    CHECK(has_relation(site, "Jane Roe", RT::kWorksAt, "Acme"));
  }
  SUBCASE("the subject of a verb of reporting is the outlet") {
    const std::string reporting = rule_file(R"("layout": {"report_verbs": ["보도했다"]},
        "relation_rules": [{"id": "joined",
        "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
        "relation": "works_at", "source": "p", "target": "$topic"}])");
    const KnowledgeGraph g = graph_of(reporting,
                                      "글로벡스는 에이크미가 커졌다고 보도했다. 글로벡스에 따르면 "
                                      "에이크미는 바쁘다. Jane Roe joined.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  }
  SUBCASE("a byline word with a particle is a word of the sentence") {
    const std::string photo = rule_file(R"("layout": {"byline_markers": ["사진"]},
        "relation_rules": [{"id": "joined",
        "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
        "relation": "works_at", "source": "p", "target": "$topic"}])");
    const KnowledgeGraph g = graph_of(
        photo, "에이크미는 사진을 고치는 앱을 만든다. 에이크미는 사진을 모은다. Jane Roe joined.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
    // The name itself with a particle is the sentence's too, whatever bare word follows it.
    const KnowledgeGraph bare = graph_of(
        photo, "에이크미는 사진 편집 앱을 만든다. 에이크미는 사진 보정을 한다. Jane Roe joined.");
    CHECK(has_relation(bare, "Jane Roe", RT::kWorksAt, "Acme"));
    const KnowledgeGraph caption =
        graph_of(photo, "에이크미 사진 제공. 에이크미 사진. 글로벡스가 크다. Jane Roe joined.");
    CHECK_FALSE(has_relation(caption, "Jane Roe", RT::kWorksAt, "Acme"));
  }
  SUBCASE("without byline words the header counts") {
    const KnowledgeGraph g = graph_of(
        rules, "Globex news\nGlobex\n\nAcme is growing fast. Acme hires. Jane Roe joined.");
    CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
  }
}

TEST_CASE("relation action: a list item that opens on an organization and a colon is about it") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])");
  const KnowledgeGraph g =
      graph_of(rules,
               "Acme is growing fast. Acme hires.\n\n"
               "- Initech (Initech Labs): a startup that, as we hear, Jane Roe "
               "joined in a year when nobody else did.\n"
               "- John Doe joined.\n");
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Initech"));
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  // The item after it, with no such label, is the document's again.
  CHECK(has_relation(g, "John Doe", RT::kWorksAt, "Acme"));
  // A name that only opens the item is no label.
  const KnowledgeGraph bare =
      graph_of(rules, "Acme is growing fast. Acme hires.\n\n- Initech and Jane Roe joined.\n");
  CHECK(has_relation(bare, "Jane Roe", RT::kWorksAt, "Acme"));
}

TEST_CASE("relation action: list items below an opening paragraph are no header") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])");
  // Were the list items header lines, Globex (named twice there) would outweigh Acme.
  const KnowledgeGraph g = graph_of(
      rules, "Acme is growing fast.\n\n- Globex partnered\n- Globex invested\n\nJane Roe joined.");
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
}

TEST_CASE("relation action: the topic counts the mentions of the organization's products") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])");
  // Rocket's gazetteer entry says Acme makes it: Acme (1 + 2) outweighs Globex (2).
  const KnowledgeGraph g = graph_of(
      rules,
      "Notes on Rocket\n\nRocket got faster. Acme shipped it. Globex and Globex Labs watched. "
      "Jane Roe joined last week.");
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
}

TEST_CASE("relation action: a headline below the header leads with the two sentences after it") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])");
  // "Profiles" heads the page and the headline below it ends with no full stop: Acme, named in
  // the second sentence after the headline, is in the lead and the topic.
  const std::string body =
      "\n\nJane Roe likes bread. Now her company, Acme, bakes it.\n\nAcme grew.\n\nJohn Doe "
      "joined.";
  CHECK(has_relation(graph_of(rules, "Profiles\n\nThe baker who wants every town fed" + body),
                     "John Doe", RT::kWorksAt, "Acme"));
  // A sentence with a full stop is no headline: Acme is named too late to lead.
  CHECK_FALSE(has_relation(graph_of(rules, "Profiles\n\nThe baker wants every town fed." + body),
                           "John Doe", RT::kWorksAt, "Acme"));
  // Nor is a list item, such as a line of a meeting's attendees: a guest's company named far
  // down the list does not lead.
  const std::string attendees = "Minutes\n\nAttendees\n\n- Jane Roe\n- Ann Poe\n- Bo Lee\n";
  CHECK_FALSE(has_relation(graph_of(rules, attendees + "- Tom Tee, guest from Acme\n\nAcme grew. "
                                                       "John Doe joined."),
                           "John Doe", RT::kWorksAt, "Acme"));
}

TEST_CASE("relation action: a pull quote above the lead counts as none of its sentences") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])");
  // The quotation's two sentences are what someone says: Acme, named in the first sentence
  // after it, leads and is the topic.
  const std::string body = "\n\nJane Roe runs Acme. She bakes.\n\nAcme grew.\n\nJohn Doe joined.";
  CHECK(has_relation(graph_of(rules, "Profiles\n\n\"We bake. We sell.\"" + body), "John Doe",
                     RT::kWorksAt, "Acme"));
  // Two sentences of prose in its place are the lead: Acme comes too late.
  CHECK_FALSE(has_relation(graph_of(rules, "Profiles\n\nWe bake. We sell." + body), "John Doe",
                           RT::kWorksAt, "Acme"));
}

TEST_CASE("relation action: a memo's address field names its organization for the topic") {
  const std::string joined = R"("relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])";
  const std::string rules = rule_file(R"("layout": {"address_fields": ["to"]},)" + joined);
  // Acme is named once in the body, Globex, where the newcomer was, twice: the address of the
  // header makes the memo Acme's.
  const std::string memo =
      "To: staff@acme.example.com\nSubject: news\n\nJane Roe joins Acme. She was at Globex. "
      "Before Globex she studied.\n\nJane Roe joined.";
  CHECK(has_relation(graph_of(rules, memo), "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(graph_of(rules, memo), "Jane Roe", RT::kWorksAt, "Globex"));
  // Without the field word, the address names no one.
  CHECK(has_relation(graph_of(rule_file(joined), memo), "Jane Roe", RT::kWorksAt, "Globex"));
}

TEST_CASE("relation action: a mail's address fields under a long subject line name its topic") {
  const std::string joined = R"("relation_rules": [{"id": "joined",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"}],
      "relation": "works_at", "source": "p", "target": "$topic"}])";
  const std::string rules =
      rule_file(R"("layout": {"address_fields": ["from", "to", "subject"]},)" + joined);
  // Globex is named in the subject line and once more; Acme once in the body, and by the
  // domain of the sender's and the recipients' addresses below the subject, which are the
  // mail's header too.
  const std::string mail =
      "Subject: Leaving Globex for good: the switch from Globex to our own tools starts May\n"
      "From: Help Desk <help@acme.example.com>\nTo: staff@acme.example.com\n\nHi all,\n\n"
      "Acme is moving. Globex stays until May.\n\nJane Roe joined.";
  CHECK(has_relation(graph_of(rules, mail), "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(graph_of(rules, mail), "Jane Roe", RT::kWorksAt, "Globex"));
}

TEST_CASE("relation action: a document in the first person speaks for its byline's organization") {
  const std::string our = R"("relation_rules": [{"id": "our",
      "pattern": [{"text": "our"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": "$topic", "target": "t"}])";
  const std::string layout =
      R"("layout": {"writer_markers": ["prepared by"], "we_words": ["we", "our"]},)";
  // A battlecard names Globex, the rival, four times; Acme, whose sales team wrote it, on its
  // byline only.
  const std::string card =
      "Battlecard: Globex\nPrepared by Acme Sales\n\nGlobex sells to banks. Globex is cheap. We "
      "win on support. We ship weekly. Globex ships monthly. Our Kafka pipeline is faster.";
  CHECK(has_relation(graph_of(rule_file(layout + our), card), "Acme", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(graph_of(rule_file(layout + our), card), "Globex", RT::kUses, "Kafka"));
  // Without the marker the byline is none: the rival named most is the topic.
  const std::string no_marker = R"("layout": {"we_words": ["we", "our"]},)";
  CHECK(has_relation(graph_of(rule_file(no_marker + our), card), "Globex", RT::kUses, "Kafka"));
  // Nor does a byline decide in a report that says "we" twice only, nor one naming two
  // organizations.
  const std::string report =
      "Globex cuts prices\nPrepared by Acme Sales\n\nGlobex sells to banks. Globex is cheap. We "
      "asked Globex. Our Kafka note follows.";
  CHECK(has_relation(graph_of(rule_file(layout + our), report), "Globex", RT::kUses, "Kafka"));
  const std::string two =
      "Battlecard: Globex\nPrepared by Acme and Initech\n\nGlobex sells to "
      "banks. Globex is cheap. We win on support. We ship weekly. Globex "
      "ships monthly. Our Kafka pipeline is faster.";
  CHECK(has_relation(graph_of(rule_file(layout + our), two), "Globex", RT::kUses, "Kafka"));
}

TEST_CASE("relation action: \"we\" is not the client a record's recipient field names") {
  const std::string rules = R"("relation_rules": [
      {"id": "we-use", "pattern": [{"text": "we"}, {"text": "use"}, {"ent": "Tool", "capture": "t"}],
       "relation": "uses", "source": "$self", "target": "t"},
      {"id": "it-uses", "pattern": [{"text": "it"}, {"text": "uses"}, {"ent": "Tool", "capture": "t"}],
       "relation": "uses", "source": "$topic", "target": "t"}])";
  const std::string fields =
      R"("layout": {"recipient_fields": ["account name"], "we_words": ["we"]},)";
  // A seller's record of an account: the account is the topic, its "we" is the seller's.
  const std::string record =
      "Opportunity: Globex pilot\nAccount Name: Globex\n\nGlobex ships "
      "parts. It uses Python. We use Kafka for the pilot.";
  const KnowledgeGraph g = graph_of(rule_file(fields + rules), record);
  CHECK_FALSE(has_relation(g, "Globex", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "Globex", RT::kUses, "Python"));
  // Without the field the account is "we" too.
  const std::string we = R"("layout": {"we_words": ["we"]},)";
  CHECK(has_relation(graph_of(rule_file(we + rules), record), "Globex", RT::kUses, "Kafka"));
}

TEST_CASE("relation action: a memo speaks for the organization its address lines name") {
  const std::string we = R"("relation_rules": [{"id": "our",
      "pattern": [{"text": "our"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": "$topic", "target": "t"}])";
  const std::string rules = rule_file(R"("layout": {"address_fields": ["from", "to"]},)" + we);
  // Globex, the vendor weighed, is named three times; Acme once, on the recipient's line.
  const std::string memo =
      "MEMO\n\nTo: Jane Roe, CFO, Acme\nFrom: John Doe\n\nGlobex is the vendor we picked. Globex "
      "replaces our Kafka cluster. Globex quoted less.";
  CHECK(has_relation(graph_of(rules, memo), "Acme", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(graph_of(rules, memo), "Globex", RT::kUses, "Kafka"));
  // A field line that names no person (as a subject line does not) gives no address: the
  // organization it names is weighed like any other.
  const std::string no_person =
      "MEMO\n\nTo: Acme\nFrom: John Doe\n\nGlobex is the vendor we picked. Globex replaces our "
      "Kafka cluster. Globex quoted less.";
  CHECK(has_relation(graph_of(rules, no_person), "Globex", RT::kUses, "Kafka"));
  // Without the field words the lines address no one.
  CHECK(has_relation(graph_of(rule_file(we), memo), "Globex", RT::kUses, "Kafka"));
}

TEST_CASE("relation action: a Korean name followed by 역시 or 또한 is a subject, as with 도") {
  const std::string rules = uses_ko(R"({"find": ["Organization"], "particle": ["도"]})");
  CHECK(has_relation(graph_of(rules, "에이크미 역시 Rust를 사용한다."), "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(graph_of(rules, "에이크미 또한 Rust를 사용한다."), "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(
      has_relation(graph_of(rules, "에이크미 직원은 Rust를 사용한다."), "Acme", RT::kUses, "Rust"));
}

TEST_CASE("relation action: a Korean verb that modifies a noun has its subject before it") {
  const std::string rules = uses_ko(R"({"find": ["Organization"]})");
  // The relative clause "Rust를 사용하던 봇" is no one's here: 이니텍 made the bot.
  CHECK(graph_of(rules, "Rust를 사용하던 봇은 이니텍이 새로 만들었다.").relation_count() == 0);
  CHECK(has_relation(graph_of(rules, "이니텍이 Rust를 사용하던 봇을 고쳤다."), "Initech", RT::kUses,
                     "Rust"));
  // The noun it modifies acts in it.
  CHECK(has_relation(graph_of(rules, "Rust를 사용하는 스타트업 이니텍이 컸다."), "Initech",
                     RT::kUses, "Rust"));
  // A verb that ends the clause still finds a subject after it.
  CHECK(has_relation(graph_of(rules, "Rust를 사용한다고 이니텍이 밝혔다."), "Initech", RT::kUses,
                     "Rust"));
}

TEST_CASE("relation action: find prefers a subject to a nearer entity") {
  const KnowledgeGraph g = graph_of(uses_ko(R"({"find": ["Organization"]})"),
                                    "에이크미는 어제 이니텍과 만나 Rust를 사용한다고 밝혔다.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Initech", RT::kUses, "Rust"));
  SUBCASE("without a subject, the nearest before the match") {
    const KnowledgeGraph n = graph_of(uses_ko(R"({"find": ["Organization"]})"),
                                      "에이크미와 이니텍과 함께 Rust를 사용한다.");
    CHECK(has_relation(n, "Initech", RT::kUses, "Rust"));
    CHECK_FALSE(has_relation(n, "Acme", RT::kUses, "Rust"));
  }
  SUBCASE("a possessor is never the one acting") {
    const KnowledgeGraph p =
        graph_of(uses_ko(R"({"find": ["Organization"]})"), "글로벡스의 팀이 Rust를 사용한다.");
    CHECK(p.relation_count() == 0);
  }
  SUBCASE("nor a quoted possessor") {
    const KnowledgeGraph q =
        graph_of(uses_ko(R"({"find": ["Organization"]})"), "'글로벡스'의 팀이 Rust를 사용한다.");
    CHECK(q.relation_count() == 0);
  }
  SUBCASE("nor what something is compared with, quoted or not") {
    for (const char* text :
         {"글로벡스보다 빠르게 Rust를 사용한다.", "'글로벡스'처럼 Rust를 사용한다."}) {
      CAPTURE(text);
      const KnowledgeGraph c = graph_of(uses_ko(R"({"find": ["Organization"]})"), text);
      CHECK_FALSE(has_relation(c, "Globex", RT::kUses, "Rust"));
    }
  }
  SUBCASE("only entities with the particles asked for") {
    const KnowledgeGraph q =
        graph_of(uses_ko(R"({"find": ["Organization"], "particle": ["은", "는"]})"),
                 "이니텍과 Rust를 사용한다.");
    CHECK(q.relation_count() == 0);
  }
}

TEST_CASE("relation action: find searches the clause, or the whole sentence") {
  const std::string text = "에이크미는 바쁘다; Rust를 사용한다.";
  const KnowledgeGraph clause = graph_of(uses_ko(R"({"find": ["Organization"]})"), text);
  CHECK(clause.relation_count() == 0);
  const KnowledgeGraph sentence =
      graph_of(uses_ko(R"({"find": ["Organization"], "scope": "sentence"})"), text);
  CHECK(has_relation(sentence, "Acme", RT::kUses, "Rust"));
  // A name that labels the sentence before a colon is searched in every clause after it, an
  // organization's, a team's or a product's; a person's speaker label is not.
  const KnowledgeGraph label =
      graph_of(uses_ko(R"({"find": ["Organization"]})"),
               "소식\n\n- 에이크미: 서비스를 모두 Rust를 사용해 다시 짰다.");
  CHECK(has_relation(label, "Acme", RT::kUses, "Rust"));
  const KnowledgeGraph inside = graph_of(uses_ko(R"({"find": ["Organization"]})"),
                                         "소식\n\n이번 달에는 에이크미: 바쁨; Rust를 사용한다.");
  CHECK(inside.relation_count() == 0);
}

TEST_CASE("relation action: find with side before looks only before the matched words") {
  const auto led = [](const std::string& side) {
    return rule_file(R"("relation_rules": [{"id": "led", "pattern": [{"text": "round"},
        {"text": "led"}, {"text": "by"}, {"ent": "Organization", "capture": "a"}],
        "relation": "invests_in", "source": "a", "target": {"find": ["Organization"],
        "scope": "sentence")" +
                     side + R"(, "else": "$topic"}}])");
  };
  const std::string text = "Acme said its round led by Globex closed, and Initech cheered.";
  CHECK(
      has_relation(graph_of(led(R"(, "side": "before")"), text), "Globex", RT::kInvestsIn, "Acme"));
  // (Not past a comma and a conjunction, which opens a clause of its own: see below.)
  const std::string after = "The round led by Globex closed for Initech in May.";
  CHECK_FALSE(has_relation(graph_of(led(R"(, "side": "before")"), after), "Globex", RT::kInvestsIn,
                           "Initech"));
  CHECK(has_relation(graph_of(led(""), after), "Globex", RT::kInvestsIn, "Initech"));
  CHECK_FALSE(
      has_relation(graph_of(led(""), "The round led by Globex closed, and Initech cheered."),
                   "Globex", RT::kInvestsIn, "Initech"));
  // Not an organization in an apposition to an earlier one.
  const std::string apposition =
      "Acme, a startup that competes with Initech, said its round led by Globex closed.";
  const KnowledgeGraph g = graph_of(led(R"(, "side": "before")"), apposition);
  CHECK(has_relation(g, "Globex", RT::kInvestsIn, "Acme"));
  // Nor the agent of a passive: the investor before ("led by Initech") is not the company.
  const std::string agent = "Acme raised a round led by Initech, joining round led by Globex.";
  const KnowledgeGraph a = graph_of(led(R"(, "side": "before")"), agent);
  CHECK(has_relation(a, "Globex", RT::kInvestsIn, "Acme"));
  CHECK_FALSE(has_relation(a, "Globex", RT::kInvestsIn, "Initech"));
  // Nor a later member of a list of agents ("led by Rocket and Initech").
  const KnowledgeGraph list =
      graph_of(led(R"(, "side": "before")"),
               "Acme raised a round led by Rocket and Initech, joining round "
               "led by Globex.");
  CHECK(has_relation(list, "Globex", RT::kInvestsIn, "Acme"));
  CHECK_FALSE(has_relation(list, "Globex", RT::kInvestsIn, "Initech"));
  // Unless a relative clause, where the match stands, then describes the agent.
  const std::string years = rule_file(R"(
    "gazetteer": [{"name": "Ada Obi", "type": "Person"}, {"name": "Initech", "type": "Organization"}],
    "relation_rules": [{"id": "years", "pattern": [{"text": "years"}, {"text": "at"},
      {"ent": "Organization", "capture": "o"}], "relation": "works_at",
      "source": {"find": ["Person"], "scope": "sentence", "side": "before"}, "target": "o"}])");
  CHECK(
      has_relation(graph_of(years, "The unit is led by Ada Obi, who came after years at Initech."),
                   "Ada Obi", RT::kWorksAt, "Initech"));
  CHECK_FALSE(has_relation(
      graph_of(years, "The unit is led by Ada Obi, and it came after years at Initech."), "Ada Obi",
      RT::kWorksAt, "Initech"));
}

TEST_CASE("relation action: the topic never stands for an entity the match names") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "led", "pattern": [
      {"text": "led"}, {"text": "by"}, {"ent": "Organization"}, {"text": "with"},
      {"ent": "Organization", "capture": "a"}],
      "relation": "invests_in", "source": "a", "target": "$topic"}])");
  // Globex is the topic (named in the header twice), but the match names it as an investor.
  const KnowledgeGraph g =
      graph_of(rules, "Globex and Globex news\n\nThe round was led by Globex with Initech.");
  CHECK_FALSE(has_relation(g, "Initech", RT::kInvestsIn, "Globex"));
  CHECK(g.relation_count() == 0);
}

TEST_CASE("relation action: a symmetric relation keeps the topic listed in a capture") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "members", "pattern": [
      {"text": "members"}, {"ent": "Organization", "list": true, "capture": "m"}],
      "relation": "partners_with", "source": "$topic", "target": "m"}])");
  // Globex, the topic, is one of the alliance's members: it partners with the others.
  const KnowledgeGraph g = graph_of(
      rules, "Globex and Globex news\n\nThe alliance members Globex, Initech and Acme met.");
  const auto partners = [&](std::string_view a, std::string_view b) {
    return has_relation(g, a, RT::kPartnersWith, b) || has_relation(g, b, RT::kPartnersWith, a);
  };
  CHECK(partners("Globex", "Initech"));
  CHECK(partners("Globex", "Acme"));
  CHECK(g.relation_count() == 2);
  // Named by the matched words outside a capture, the topic still stands for nobody.
  const std::string gap = rule_file(R"("relation_rules": [{"id": "rivals", "pattern": [
      {"ent": "Organization", "capture": "o"}, {"any": true, "max": 3}, {"text": "compete"}],
      "relation": "competes_with", "source": "$topic", "target": "o"}])");
  CHECK(graph_of(gap, "Globex and Globex news\n\nInitech and Globex compete.").relation_count() ==
        0);
}

TEST_CASE("relation action: find falls back to the topic with else") {
  const std::string text = "에이크미 소식\n에이크미는 좋다.\nRust를 사용한다.";
  const KnowledgeGraph with_else =
      graph_of(uses_ko(R"({"find": ["Organization"], "else": "$topic"})"), text);
  CHECK(has_relation(with_else, "Acme", RT::kUses, "Rust"));
  const KnowledgeGraph without = graph_of(uses_ko(R"({"find": ["Organization"]})"), text);
  CHECK(without.relation_count() == 0);
}

TEST_CASE("relation action: else $previous takes the previous sentence's subject") {
  const std::string rules = uses_ko(R"({"find": ["Organization"], "else": "$previous"})");
  // Each text opens with a title line, so that its first sentence is no header (a company
  // named there would be the topic).
  const auto g = [&](const std::string& body) { return graph_of(rules, "소식\n\n" + body); };
  // The sentence names no organization; the one before has one as its subject.
  CHECK(has_relation(g("글로벡스가 새 서비스를 만들었다. Rust를 사용한다."), "Globex", RT::kUses,
                     "Rust"));
  // A subject (은/는) ranks above an earlier organization with another particle.
  CHECK(has_relation(g("이니텍과 함께 글로벡스는 일한다. Rust를 사용한다."), "Globex", RT::kUses,
                     "Rust"));
  // Not a subject inside a quotation: that is what the speaker said.
  CHECK(g("Jane Roe는 “글로벡스가 최고다”라고 말했다. Rust를 사용한다.").relation_count() == 0);
  // Only the sentence right before counts, and only a subject.
  CHECK(g("글로벡스가 일한다. 오늘은 맑다. Rust를 사용한다.").relation_count() == 0);
  // Not the subject of a relative clause: the sentence's own subject is left unsaid.
  CHECK(g("글로벡스가 개발한 앱을 샀다. Rust를 사용한다.").relation_count() == 0);
  CHECK(has_relation(g("글로벡스가 앱을 개발한다. Rust를 사용한다."), "Globex", RT::kUses, "Rust"));
  CHECK(g("이니텍의 서비스다. Rust를 사용한다.").relation_count() == 0);
  // A topic that names no one leaves the subject to the name the copula closes the sentence on.
  CHECK(has_relation(g("첫 번째로 발표한 곳은 이니텍이다. Rust를 사용한다."), "Initech", RT::kUses,
                     "Rust"));
  // A sentence about a product keeps the paragraph's topic, the product its subject with 은/는
  // or with 이/가, also after a closing quote.
  CHECK(has_relation(g("글로벡스는 새 앱을 만든다. 코멧은 잘 팔린다. Rust를 사용한다."), "Globex",
                     RT::kUses, "Rust"));
  CHECK(has_relation(g("글로벡스는 새 앱을 만든다. '코멧'이 잘 팔린다. Rust를 사용한다."), "Globex",
                     RT::kUses, "Rust"));
  // With none, the topic.
  CHECK(has_relation(
      graph_of(rules, "에이크미 소식\n에이크미는 좋다.\n날씨가 맑다. Rust를 사용한다."), "Acme",
      RT::kUses, "Rust"));
  // But not for a search that takes no organizations.
  const std::string teams = uses_ko(R"({"find": ["Team"], "else": "$previous"})");
  CHECK(graph_of(teams, "에이크미 소식\n에이크미는 좋다.\n날씨가 맑다. Rust를 사용한다.")
            .relation_count() == 0);
  // A person whose title carries the subject's particle ("마 교수는") is the subject too.
  // `found` is the entity type the search takes.
  const auto professor = [](const std::string& found) {
    return rule_file(R"(
      "name_endings": {"endings": ["씨"], "initials": ["마"], "titles": ["교수"]},
      "entity_rules": [{"id": "p", "pattern": [{"text": "마하늘", "capture": "n"}],
        "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "particle": ["을", "를"],
        "capture": "t"}, {"starts": "사용"}], "relation": "uses",
       "source": {"find": [")" +
                     found + R"("], "else": "$previous"}, "target": "t"}])");
  };
  const std::string people = professor("Person");
  CHECK(has_relation(graph_of(people, "소식\n\n마하늘 교수는 연구실을 옮겼다. Rust를 사용한다."),
                     "마하늘", RT::kUses, "Rust"));
  // A company with 에서 where the subject is left unsaid is the subject, but not where this
  // sentence's topic is a person: the sentence before told where that person worked.
  const std::string orgs = professor("Organization");
  CHECK(has_relation(graph_of(orgs, "소식\n\n이후 글로벡스에서 일했다. 요즘은 Rust를 사용한다."),
                     "Globex", RT::kUses, "Rust"));
  CHECK(graph_of(orgs, "소식\n\n이후 글로벡스에서 일했다. 마하늘 교수는 Rust를 사용한다.")
            .relation_count() == 0);
}

TEST_CASE(
    "relation action: in English, $previous takes the entity that opens the sentence before") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "owns", "pattern": [
      {"text": "owns", "anchor": "start"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": {"find": ["Organization"], "else": "$previous"}, "target": "t"}])");
  const auto g = [&](const std::string& body) { return graph_of(rules, "News\n\n" + body); };
  CHECK(has_relation(g("- Globex, our new vendor. Owns Rust."), "Globex", RT::kUses, "Rust"));
  // Not an organization later in the sentence, which English marks no more than the first.
  CHECK(g("We met Globex at lunch. Owns Rust.").relation_count() == 0);
  // A person who opens it acts on the organization the clause names next.
  CHECK(has_relation(g("Jane Roe started Globex with John Doe. Owns Rust."), "Globex", RT::kUses,
                     "Rust"));
  // Not past a comma, nor a possessor.
  CHECK(g("Jane Roe, a friend of Globex, left. Owns Rust.").relation_count() == 0);
  CHECK(g("Jane Roe liked Globex's office. Owns Rust.").relation_count() == 0);
}

TEST_CASE("relation action: find takes a possessor only where it opens the sentence") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "written", "pattern": [
      {"text": "written"}, {"text": "in"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": {"find": ["Organization"], "else": "$topic"}, "target": "t"}])");
  // "Acme's app is written in Rust": the subject's owner uses Rust.
  const KnowledgeGraph opens =
      graph_of(rules, "Globex news\n\nGlobex is big. Acme's app is written in Rust.");
  CHECK(has_relation(opens, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(opens, "Globex", RT::kUses, "Rust"));
  // Elsewhere a possessor only modifies a noun.
  const KnowledgeGraph inside = graph_of(
      rules, "Globex news\n\nGlobex is big. We like Acme's app, which is written in Rust.");
  CHECK(has_relation(inside, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(inside, "Acme", RT::kUses, "Rust"));
  // The opening owner acts as a subject would: before a name the search prefers by its type
  // that a later clause names.
  const std::string typed = rule_file(R"("relation_rules": [{"id": "written", "pattern": [
      {"text": "written"}, {"text": "in"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": {"find": ["Organization", "Product"], "else": "$topic"},
      "target": "t"}])");
  const KnowledgeGraph owner = graph_of(
      typed, "Globex news\n\nGlobex is big. Comet's engine is written in Rust, and Acme sells it.");
  CHECK(has_relation(owner, "Comet", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(owner, "Acme", RT::kUses, "Rust"));
}

TEST_CASE("relation action: an English possessor owns the noun a match opens on") {
  const std::string deal = R"("relation_rules": [{"id": "deal", "pattern": [
      {"text": ["partnership", "deal"]}, {"text": "with"}, {"ent": "Organization", "capture": "b"}],
      "relation": "partners_with", "source": {"find": ["Organization"], "else": "$topic"},
      "target": "b"}])";
  const std::string rules = rule_file(deal);
  // The possessor, words between included, is the one acting in the noun, not the topic.
  const KnowledgeGraph owned =
      graph_of(rules,
               "Globex news\n\nGlobex is big. Analysts cited Acme's long-rumoured partnership with "
               "Initech.");
  CHECK(has_relation(owned, "Acme", RT::kPartnersWith, "Initech"));
  CHECK_FALSE(has_relation(owned, "Globex", RT::kPartnersWith, "Initech"));
  // A word of possessed_noun_breaks between them says that Acme owns another noun.
  const std::string breaks =
      rule_file(R"("layout": {"possessed_noun_breaks": ["on", "the"]}, )" + deal);
  const KnowledgeGraph apart =
      graph_of(breaks,
               "Globex news\n\nGlobex is big. Analysts cited Acme's report on the partnership "
               "with Initech.");
  CHECK_FALSE(has_relation(apart, "Acme", RT::kPartnersWith, "Initech"));
}

TEST_CASE("relation action: find passes over where something comes from") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "built", "pattern": [
      {"text": "built"}, {"text": "with"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": {"find": ["Organization"], "else": "$topic"}, "target": "t"}])");
  const KnowledgeGraph g =
      graph_of(rules,
               "Globex news\n\nGlobex is growing. Its app runs on models from Acme and is built "
               "with Rust.");
  CHECK(has_relation(g, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kUses, "Rust"));
  // The later members of a list after "from" come from there too.
  const KnowledgeGraph listed =
      graph_of(rules,
               "Globex news\n\nGlobex is growing. Its app runs on models from Initech and Acme, "
               "and is built with Rust.");
  CHECK(has_relation(listed, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(listed, "Acme", RT::kUses, "Rust"));
  // So does what something was spun out of.
  const KnowledgeGraph spun = graph_of(
      rules,
      "Globex news\n\nGlobex is growing. Its app was spun out of Acme and is built with Rust.");
  CHECK(has_relation(spun, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(spun, "Acme", RT::kUses, "Rust"));
  // And what someone left: a former employer.
  const KnowledgeGraph left = graph_of(rules,
                                       "Globex news\n\nGlobex is growing. After leaving Acme, its "
                                       "founders made an app built with Rust.");
  CHECK(has_relation(left, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(left, "Acme", RT::kUses, "Rust"));
  // And what something moved off: the system left behind.
  const KnowledgeGraph off = graph_of(
      rules, "Globex news\n\nGlobex is growing. Its app moved off Acme and is built with Rust.");
  CHECK(has_relation(off, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(off, "Acme", RT::kUses, "Rust"));
  // In Korean, a name with 에서 or 로부터 before a verb of moving is what was moved off.
  const std::string ko = rule_file(R"("relation_rules": [{"id": "built", "pattern": [
      {"ent": "Tool", "particle": ["으로", "로"], "capture": "t"}, {"starts": "만든"}],
      "relation": "uses", "source": {"find": ["Organization"], "else": "$topic"}, "target": "t"}])");
  const KnowledgeGraph moved = graph_of(
      ko, "글로벡스 소식\n\n글로벡스는 바쁘다. 에이크미에서 옮겨 온 앱은 Rust로 만든 것이다.");
  CHECK(has_relation(moved, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(moved, "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(
      graph_of(ko, "글로벡스 소식\n\n글로벡스는 바쁘다. 에이크미에서 Rust로 만든 앱이다."), "Acme",
      RT::kUses, "Rust"));
}

TEST_CASE("relation action: find takes whom one acts with only when no one else is there") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "its-app", "pattern": [
      {"text": "its"}, {"text": "app"}, {"text": ","}, {"ent": "Product", "capture": "p"}],
      "relation": "develops", "source": {"find": ["Organization"], "side": "before",
      "else": "$topic"}, "target": "p"}])");
  // "with Acme", the nearer, is the partner; Initech, which opens the sentence, owns the app.
  const KnowledgeGraph g = graph_of(
      rules,
      "Globex news\n\nGlobex is big. Initech signed a deal with Acme to sell its app, Comet.");
  CHECK(has_relation(g, "Initech", RT::kDevelops, "Comet"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kDevelops, "Comet"));
  // Alone before the match, the one after "with" is still found.
  CHECK(has_relation(graph_of(rules,
                              "Globex news\n\nGlobex is big. Together with Acme, its app, "
                              "Comet, grew."),
                     "Acme", RT::kDevelops, "Comet"));
}

TEST_CASE("relation action: find looks into no relative clause about a person after the match") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "cto", "pattern": [
      {"ent": "Person", "capture": "p"}, {"text": ","}, {"text": "its"}, {"text": "cto"}],
      "relation": "works_at", "source": "p", "target": {"find": ["Organization"],
      "else": "$topic"}}])");
  // Acme is where the CTO worked before; the company of the article is Globex.
  const KnowledgeGraph g = graph_of(
      rules, "Globex news\n\nGlobex is big. Jane Roe, its CTO, who once worked at Acme, spoke.");
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  // Without the relative clause the organization after the match is taken.
  CHECK(has_relation(graph_of(rules,
                              "Globex news\n\nGlobex is big. Jane Roe, its CTO at Acme, "
                              "spoke."),
                     "Jane Roe", RT::kWorksAt, "Acme"));
}

TEST_CASE(
    "relation action: find looks into no English clause joined by a comma and a conjunction") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "built", "pattern": [
      {"text": "built"}, {"text": "with"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": {"find": ["Organization", "Team"], "scope": "sentence"},
      "target": "t"}])");
  // Initech opens a clause of its own: it gave a desk, it built nothing with Kafka.
  const KnowledgeGraph g =
      graph_of(rules, "It is built with Kafka, and Initech gave the team its first desk.");
  CHECK_FALSE(has_relation(g, "Initech", RT::kUses, "Kafka"));
  // Without the conjunction the organization after the match is taken.
  CHECK(has_relation(graph_of(rules, "It is built with Kafka by Initech."), "Initech", RT::kUses,
                     "Kafka"));
}

TEST_CASE("relation action: a list member takes the particle of the list's last member") {
  const std::string rules = uses_ko(R"({"find": ["Organization"], "particle": ["는", ""]})");
  // 이니텍 is left too, with 글로벡스: neither is the one that uses Rust.
  CHECK(graph_of(rules, "이니텍·글로벡스를 떠난 뒤 Rust를 사용한다.").relation_count() == 0);
  CHECK(graph_of(rules, "이니텍, 글로벡스를 떠난 뒤 Rust를 사용한다.").relation_count() == 0);
  CHECK(has_relation(graph_of(rules, "이니텍 직원들은 Rust를 사용한다."), "Initech", RT::kUses,
                     "Rust"));
}

TEST_CASE("relation action: find passes over the one a sentence's news is told to") {
  const std::string rules = rule_file(R"("layout": {"tell_verbs": ["tells"]},
      "relation_rules": [{"id": "led", "pattern": [
      {"text": "led"}, {"text": "by"}, {"ent": "Organization", "capture": "a"}],
      "relation": "invests_in", "source": "a",
      "target": {"find": ["Organization"], "side": "before", "else": "$topic"}}])");
  const KnowledgeGraph g = graph_of(rules,
                                    "Globex news\n\nGlobex is growing. The startup tells Initech "
                                    "that it closed a round led by Acme.");
  CHECK(has_relation(g, "Acme", RT::kInvestsIn, "Globex"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kInvestsIn, "Initech"));
}

TEST_CASE("relation search: a Korean possessor that opens the sentence owns its topic") {
  const std::string rules = uses_ko(
      R"({"find": ["Organization"], "scope": "sentence", "particle": ["은", "는", "이", "가"]})");
  const auto g = [&](const std::string& body) { return graph_of(rules, "소식\n\n" + body); };
  CHECK(has_relation(g("글로벡스의 새 서버는 Rust를 사용한다."), "Globex", RT::kUses, "Rust"));
  // Not a possessor inside the sentence, nor one of a noun that is no topic.
  CHECK(g("오늘 글로벡스의 새 서버는 Rust를 사용한다.").relation_count() == 0);
  CHECK(g("글로벡스의 새 서버를 Rust를 사용한다.").relation_count() == 0);
}

TEST_CASE("relation action: $previous passes over a subject that was a source of the same kind") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "invested", "pattern": [
      {"ent": "Organization", "particle": ["이", "가", "도"], "capture": "a"}, {"starts": "투자했"}],
      "relation": "invests_in", "source": "a",
      "target": {"find": ["Organization"], "particle": ["에"], "else": "$previous"}}])");
  const KnowledgeGraph g =
      graph_of(rules, "소식\n\n글로벡스가 투자를 받았다. 이니텍이 투자했다. 에이크미도 투자했다.");
  CHECK(has_relation(g, "Initech", RT::kInvestsIn, "Globex"));
  // The investor of the sentence before is no company invested in; the topic is.
  CHECK_FALSE(has_relation(g, "Acme", RT::kInvestsIn, "Initech"));
  // Nor is a subject marked with 도, one more of those acting.
  const KnowledgeGraph too = graph_of(
      rules, "소식\n\n글로벡스가 투자를 받았다. 이니텍도 200억원을 냈다. 에이크미도 투자했다.");
  CHECK_FALSE(has_relation(too, "Acme", RT::kInvestsIn, "Initech"));
  // Unless the layout says its sentence tells of receiving: then it is one more that raised.
  const std::string receiving = rule_file(R"("layout": {"receive_words": ["마감"]},
      "relation_rules": [{"id": "invested", "pattern": [
      {"ent": "Organization", "particle": ["이", "가", "도"], "capture": "a"}, {"starts": "투자했"}],
      "relation": "invests_in", "source": "a",
      "target": {"find": ["Organization"], "particle": ["에"], "else": "$previous"}}])");
  const std::string closed =
      "소식\n\n글로벡스가 투자를 받았다. 이니텍도 라운드를 마감했다. 에이크미도 투자했다.";
  CHECK(has_relation(graph_of(receiving, closed), "Acme", RT::kInvestsIn, "Initech"));
  CHECK_FALSE(has_relation(graph_of(rules, closed), "Acme", RT::kInvestsIn, "Initech"));
}

TEST_CASE("relation action: respectively_words pair two lists member by member") {
  const std::string body = R"("relation_rules": [{"id": "bought", "pattern": [
      {"ent": "Organization", "list": true, "capture": "a"}, {"text": "bought"},
      {"ent": "Organization", "list": true, "capture": "b"}],
      "relation": "acquires", "source": "a", "target": "b"}])";
  const std::string pairing =
      rule_file(R"("layout": {"respectively_words": ["respectively"]},)" + body);
  const KnowledgeGraph g =
      graph_of(pairing, "Acme and Globex bought Initech and 라인, respectively.");
  CHECK(has_relation(g, "Acme", RT::kAcquires, "Initech"));
  CHECK(has_relation(g, "Globex", RT::kAcquires, "라인"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kAcquires, "라인"));
  CHECK_FALSE(has_relation(g, "Globex", RT::kAcquires, "Initech"));
  // Without the word each bought both.
  const KnowledgeGraph both = graph_of(pairing, "Acme and Globex bought Initech and 라인.");
  CHECK(has_relation(both, "Globex", RT::kAcquires, "Initech"));
  CHECK(has_relation(both, "Acme", RT::kAcquires, "라인"));
  // Lists of different lengths are no pairing: both bought the one company.
  const KnowledgeGraph one = graph_of(pairing, "Acme and Globex bought Initech, respectively.");
  CHECK(has_relation(one, "Acme", RT::kAcquires, "Initech"));
  CHECK(has_relation(one, "Globex", RT::kAcquires, "Initech"));
  // Two lists of different lengths do not say who bought what: nothing.
  const KnowledgeGraph uneven =
      graph_of(pairing, "Globex, Initech and 라인 bought Acme and 글로벡스, respectively.");
  CHECK(uneven.relation_count() == 0);
  CHECK(graph_of(pairing, "Globex, Initech and 라인 bought Acme and 글로벡스.").relation_count() >
        0);
}

TEST_CASE("entity rule: refers true is not the organization a letter is addressed to") {
  const std::string body = R"(
      "entity_rules": [{"id": "our-company", "pattern": [{"text": ["당사"], "capture": "n"}],
        "entity": {"capture": "n", "type": "Organization", "refers": true}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Organization", "particle": ["은", "는"], "capture": "o"},
        {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "사용"}],
        "relation": "uses", "source": "o", "target": "t"}])";
  const std::string letter = "수신: 글로벡스 구매팀\n발신: 에이크미\n\n당사는 Rust를 사용한다.";
  const KnowledgeGraph g =
      graph_of(rule_file(R"("layout": {"recipient_fields": ["수신"]},)" + body), letter);
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Globex", RT::kUses, "Rust"));
  // Without the field, the first organization the letter names is its own.
  const KnowledgeGraph plain = graph_of(rule_file(body), letter);
  CHECK(has_relation(plain, "Globex", RT::kUses, "Rust"));
}

TEST_CASE("relation action: $self is the team first-person words stand for, else the topic") {
  const std::string body = R"(
      "entity_rules": [
        {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
         "entity": {"capture": "n", "type": "Team"}},
        {"id": "our-team", "pattern": [{"text": ["저희"]}, {"text": ["팀"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Team", "refers": true}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "사용"}],
        "relation": "uses", "source": {"find": ["Team"], "else": "$self"}, "target": "t"}])";
  const std::string rules = rule_file(body);
  // 저희 팀 stands for 검색팀, named first: the sentence with no team is about it.
  const KnowledgeGraph own = graph_of(
      rules,
      "에이크미 소식\n에이크미 검색팀 김하늘입니다. 저희 팀은 바쁩니다. 이제 Rust를 사용한다.");
  CHECK(has_relation(own, "검색팀", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(own, "Acme", RT::kUses, "Rust"));
  // A page's path of units names first the one above it: the page is the last one's.
  const KnowledgeGraph path = graph_of(
      rules, "위치: 플랫폼팀 > 검색팀 > 운영 문서\n저희 팀은 바쁩니다. 이제 Rust를 사용한다.");
  CHECK(has_relation(path, "검색팀", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(path, "플랫폼팀", RT::kUses, "Rust"));
  // Also where the last one stands in a later part, among other words, past a part with none.
  const KnowledgeGraph deep = graph_of(rules,
                                       "위치: 플랫폼팀 › 문서 › 2026 검색팀 계획\n저희 팀은 "
                                       "바쁩니다. 이제 Rust를 사용한다.");
  CHECK(has_relation(deep, "검색팀", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(deep, "플랫폼팀", RT::kUses, "Rust"));
  // Without first-person words the topic organization stands in.
  const KnowledgeGraph topic =
      graph_of(rules, "에이크미 소식\n에이크미 검색팀이 바쁩니다. 이제 Rust를 사용한다.");
  CHECK(has_relation(topic, "Acme", RT::kUses, "Rust"));
  SUBCASE("on a company's blog $self is the company, not the writer's team") {
    const std::string blog_rules = rule_file(R"("layout": {"blog_words": ["기술블로그"]},)" + body);
    const std::string post =
        "에이크미 기술블로그\n\n에이크미 검색팀 김하늘입니다. 저희 팀은 바쁩니다. 이제 Rust를 "
        "사용한다. 검색팀이 Python을 사용한다.";
    const KnowledgeGraph blog = graph_of(blog_rules, post);
    CHECK(has_relation(blog, "Acme", RT::kUses, "Rust"));
    CHECK_FALSE(has_relation(blog, "검색팀", RT::kUses, "Rust"));
    // What a sentence gives the team stays the team's.
    CHECK(has_relation(blog, "검색팀", RT::kUses, "Python"));
    // Without the blog word the header is no blog's: "we" is the writer's team.
    const KnowledgeGraph plain = graph_of(rules, post);
    CHECK(has_relation(plain, "검색팀", RT::kUses, "Rust"));
    CHECK(has_relation(plain, "검색팀", RT::kUses, "Python"));
    CHECK_FALSE(has_relation(plain, "Acme", RT::kUses, "Rust"));
    // Nor is a blog of no organization the document is about.
    const KnowledgeGraph personal =
        graph_of(blog_rules,
                 "개인 기술블로그\n\n에이크미 검색팀 김하늘입니다. 저희 팀은 바쁩니다. 이제 Rust를 "
                 "사용한다.");
    CHECK(has_relation(personal, "검색팀", RT::kUses, "Rust"));
    // Nor is a body sentence that names the company's blog a header.
    const KnowledgeGraph body =
        graph_of(blog_rules,
                 "에이크미 소식\n\n에이크미 검색팀 김하늘입니다.\n저희 팀은 바쁩니다.\n저희는 늘 "
                 "바쁩니다.\n지난주 에이크미 기술블로그에 글을 올렸습니다.\n이제 Rust를 사용한다.");
    CHECK(has_relation(body, "검색팀", RT::kUses, "Rust"));
    CHECK_FALSE(has_relation(body, "Acme", RT::kUses, "Rust"));
  }
}

TEST_CASE("relation action: in a programme, a talk's section is its speaker's team or company") {
  const std::string rules = rule_file(R"(
      "entity_rules": [{"id": "team", "pattern": [{"text": ["Search"], "capture": "n"}],
                        "entity": {"capture": "n", "type": "Team"}}],
      "relation_rules": [{"id": "written", "pattern": [
        {"text": "written"}, {"text": "in"}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": {"find": ["Organization", "Team"], "else": "$self"},
        "target": "t"}])");
  const std::string programme =
      "Acme Dev Day\n\nAcme hosts the day. Acme runs the venue and the stream.\n\n"
      "[A-1] Queues at scale\nSpeaker: Jane Roe (Globex Search)\nThe consumer is written in "
      "Rust.\n\n[A-2] Faster builds\nSpeaker: John Doe (Initech)\nThe cache is written in "
      "Python.\n";
  const KnowledgeGraph g = graph_of(rules, programme);
  CHECK(has_relation(g, "Search", RT::kUses, "Rust"));
  CHECK(has_relation(g, "Initech", RT::kUses, "Python"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kUses, "Python"));
  // A time stamp in brackets opens no section: the host's tools stay the host's.
  const KnowledgeGraph stamped =
      graph_of(rules,
               "Acme Dev Day\n\nAcme hosts the day. Acme runs the venue and the stream.\n\n"
               "[00:01:05] Queues at scale\nSpeaker: Jane Roe (Globex Search)\nThe stream is "
               "written in Rust.\n");
  CHECK(has_relation(stamped, "Acme", RT::kUses, "Rust"));
  // A slot's line in capitals with a time range opens the section too, and the talk's title on
  // the line between it and the speaker's is the speaker's.
  const KnowledgeGraph slots = graph_of(
      rules,
      "Acme Dev Day\n\nAcme hosts the day. Acme runs the venue and the stream.\n\n"
      "KEYNOTE  10:00\xE2\x80\x93"
      "10:40\nQueues at scale\nSpeaker: Jane Roe (Globex Search)\nThe "
      "consumer is written in Rust.\n\nTRACK B 13:00-13:40\nA cache written in Python\nSpeaker: "
      "John Doe (Initech)\n");
  CHECK(has_relation(slots, "Search", RT::kUses, "Rust"));
  CHECK(has_relation(slots, "Initech", RT::kUses, "Python"));
  CHECK_FALSE(has_relation(slots, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(slots, "Acme", RT::kUses, "Python"));
  // A search that takes no teams takes no team for its section's company.
  const std::string companies = rule_file(R"(
      "entity_rules": [{"id": "team", "pattern": [{"text": ["Search"], "capture": "n"}],
                        "entity": {"capture": "n", "type": "Team"}}],
      "relation_rules": [{"id": "written", "pattern": [
        {"text": "written"}, {"text": "in"}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": {"find": ["Organization"], "else": "$topic"},
        "target": "t"}])");
  const KnowledgeGraph team_section =
      graph_of(companies,
               "Acme Dev Day\n\nAcme hosts the day. Acme runs the venue and the stream.\n\n"
               "[A-1] Queues at scale\nSpeaker: Jane Roe (Globex Search)\nThe consumer is "
               "written in Rust.\n");
  CHECK_FALSE(has_relation(team_section, "Search", RT::kUses, "Rust"));
}

TEST_CASE("relation action: on a page whose header opens with a team, $self is that team") {
  const std::string rules = rule_file(R"(
      "layout": {"we_words": ["we", "our", "us"]},
      "entity_rules": [
        {"id": "lab", "pattern": [{"shape": "capitalized", "capture": "n"},
          {"text": "Lab", "capture": "l"}], "entity": {"capture": "n", "through": "l", "type": "Team"}},
        {"id": "team", "pattern": [{"shape": "capitalized", "capture": "n"},
          {"text": "team", "capture": "l"}], "entity": {"capture": "n", "through": "l", "type": "Team"}}],
      "relation_rules": [{"id": "use", "pattern": [{"text": "we"}, {"text": "use"},
        {"ent": "Tool", "capture": "t"}], "relation": "uses", "source": "$self", "target": "t"}])");
  const std::string body = "We study touch. Our robots are slow. We use Rust on our arms.\n";
  const KnowledgeGraph lab = graph_of(rules, "Home | People | Contact\n\nReef Lab\n\n" + body);
  CHECK(has_relation(lab, "Reef Lab", RT::kUses, "Rust"));
  // A header that names an organization first: the topic organization stands in.
  const KnowledgeGraph org =
      graph_of(rules, "Globex news\n\nReef Lab\n\nGlobex is big. Globex is old. " + body);
  CHECK(has_relation(org, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(org, "Reef Lab", RT::kUses, "Rust"));
  // Fewer than three first-person words: no team speaks.
  const KnowledgeGraph quiet = graph_of(rules, "Reef Lab\n\nReef Lab is small. We use Rust.\n");
  CHECK_FALSE(has_relation(quiet, "Reef Lab", RT::kUses, "Rust"));
}

TEST_CASE("relation action: $about is the topic product, else the topic organization") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "written", "pattern": [
      {"text": "written"}, {"text": "in"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": {"find": ["Organization"], "else": "$about"}, "target": "t"}])");
  // A release note of Acme's Rocket: the backend is Rocket's, not its maker's.
  const KnowledgeGraph product = graph_of(
      rules, "Rocket 2.0 release notes\n\nRocket comes from Acme. The backend is written in Rust.");
  CHECK(has_relation(product, "Rocket", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(product, "Acme", RT::kUses, "Rust"));
  // With no product topic, the topic organization.
  const KnowledgeGraph org =
      graph_of(rules, "Acme news\n\nAcme is hiring. The backend is written in Rust.");
  CHECK(has_relation(org, "Acme", RT::kUses, "Rust"));
  // An organization the sentence names comes first.
  const KnowledgeGraph named = graph_of(
      rules, "Rocket 2.0 release notes\n\nRocket is fast. Globex's app is written in Rust.");
  CHECK(has_relation(named, "Globex", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(named, "Rocket", RT::kUses, "Rust"));
  // With no product topic, a team's own page speaks of its own things.
  const std::string team_rules = rule_file(R"(
      "layout": {"we_words": ["we", "our"]},
      "entity_rules": [{"id": "lab", "pattern": [{"shape": "capitalized", "capture": "n"},
        {"text": "Lab", "capture": "l"}], "entity": {"capture": "n", "through": "l", "type": "Team"}}],
      "relation_rules": [{"id": "written", "pattern": [
        {"text": "written"}, {"text": "in"}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": {"find": ["Organization"], "else": "$about"}, "target": "t"}])");
  const KnowledgeGraph team = graph_of(
      team_rules,
      "Reef Lab\n\nWe study reefs. Our robots swim. We like them. The code is written in Rust.");
  CHECK(has_relation(team, "Reef Lab", RT::kUses, "Rust"));
  // So is "$previous" that takes teams, where the sentence before has no subject of its own.
  const std::string previous_rules = rule_file(R"(
      "layout": {"we_words": ["we", "our"]},
      "entity_rules": [{"id": "lab", "pattern": [{"shape": "capitalized", "capture": "n"},
        {"text": "Lab", "capture": "l"}], "entity": {"capture": "n", "through": "l", "type": "Team"}}],
      "relation_rules": [{"id": "written", "pattern": [
        {"text": "written"}, {"text": "in"}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": {"find": ["Organization", "Team"], "else": "$previous"},
        "target": "t"}])");
  const KnowledgeGraph previous = graph_of(previous_rules,
                                           "Reef Lab\n\nWe study reefs. Our robots swim. We like "
                                           "them. Mostly the code is written in Rust.");
  CHECK(has_relation(previous, "Reef Lab", RT::kUses, "Rust"));
}

TEST_CASE("relation search: an organization the sentence names stops an earlier topic") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "built", "pattern": [
      {"ent": "Tool", "particle": ["으로", "로"], "capture": "t"}, {"starts": "만든"}],
      "relation": "uses", "source": {"find": ["Organization", "Product"],
      "particle": ["은", "는", "이", "가"], "else": "$self"}, "target": "t"}])");
  // 글로벡스에서는 is the paragraph's topic, carried to a sentence with no organization.
  const KnowledgeGraph carried = graph_of(
      rules, "이니텍 소식\n\n이니텍은 바쁘다. 글로벡스에서는 앱을 판다. 이제 Python으로 만든다.");
  CHECK(has_relation(carried, "Globex", RT::kUses, "Python"));
  // A sentence naming another company first, with whatever particle, is not about it.
  const KnowledgeGraph stopped = graph_of(rules,
                                          "이니텍 소식\n\n이니텍은 바쁘다. 글로벡스에서는 앱을 "
                                          "판다. 에이크미에 와서는 Python으로 만든다.");
  CHECK_FALSE(has_relation(stopped, "Globex", RT::kUses, "Python"));
  // The maker of a product the sentence names is no company of its own.
  const KnowledgeGraph owner = graph_of(rules,
                                        "이니텍 소식\n\n이니텍은 바쁘다. 글로벡스에서는 앱을 "
                                        "판다. 에이크미의 코멧을 붙여 Python으로 만든다.");
  CHECK(has_relation(owner, "Globex", RT::kUses, "Python"));
  CHECK_FALSE(has_relation(owner, "Acme", RT::kUses, "Python"));
  // A topic in Markdown's bold takes the particle after the closing marks.
  const KnowledgeGraph bold = graph_of(
      rules,
      "이니텍 소식\n\n이니텍은 바쁘다.\n\n- **글로벡스**는 앱을 판다. 이제 Python으로 만든다.");
  CHECK(has_relation(bold, "Globex", RT::kUses, "Python"));
  // A tool as a later sentence's topic passes it on: its stack is the company's.
  const KnowledgeGraph tool = graph_of(
      rules,
      "이니텍 소식\n\n이니텍은 바쁘다.\n\n- 글로벡스는 큐를 운영한다. Kafka는 Python으로 만든다.");
  CHECK(has_relation(tool, "Globex", RT::kUses, "Python"));
  CHECK_FALSE(has_relation(tool, "Initech", RT::kUses, "Python"));
}

TEST_CASE("relation search: $previous does not reach into another bulleted item") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "invested", "pattern": [
      {"ent": "Organization", "particle": ["이", "가"], "capture": "i"}, {"starts": "투자했"}],
      "relation": "invests_in", "source": "i",
      "target": {"find": ["Organization"], "particle": ["에"], "else": "$previous"}}])");
  // Within one item the sentence before is the item's own.
  const KnowledgeGraph one =
      graph_of(rules, "주간 소식\n\n- 글로벡스는 앱을 냈다. 이니텍이 투자했다.\n");
  CHECK(has_relation(one, "Initech", RT::kInvestsIn, "Globex"));
  // The next item is another story.
  const KnowledgeGraph two = graph_of(
      rules,
      "에이크미 소식\n\n에이크미가 고른 소식이다. 에이크미는 매주 쓴다.\n\n- 글로벡스는 앱을 "
      "냈다.\n- 이번에는 이니텍이 투자했다.\n");
  CHECK_FALSE(has_relation(two, "Initech", RT::kInvestsIn, "Globex"));
}

TEST_CASE("relation action: in an interview the answers are the interviewee's") {
  const std::string rules = rule_file(R"(
      "layout": {"interview_markers": ["Q", "A"]},
      "relation_rules": [{"id": "worked", "pattern": [
        {"ent": "Organization", "particle": ["에서"], "capture": "o"}, {"starts": "일했"}],
        "relation": "works_at", "source": {"find": ["Person"], "else": "$self"}, "target": "o"}])");
  const std::string lines =
      "Q. 이력은요?\nA. 저는 글로벡스에서 일했어요.\nQ. 그다음은요?\n"
      "A. 이니텍에서 일했습니다.\n";
  const KnowledgeGraph g =
      graph_of(rules, "에이크미 제인 로 인터뷰\n\n에이크미의 Jane Roe를 만났다.\n\n" + lines);
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Initech"));
  // The questions are the interviewer's, who is no one the article names.
  const KnowledgeGraph asked =
      graph_of(rules,
               "에이크미 제인 로 인터뷰\n\n에이크미의 Jane Roe를 만났다.\n\nQ. 글로벡스에서 "
               "일했죠?\nA. 네.\nQ. 이니텍에서도 일했죠?\nA. 맞아요.\n");
  CHECK_FALSE(has_relation(asked, "Jane Roe", RT::kWorksAt, "Globex"));
}

TEST_CASE("relation action: in an interview $self is the team the article opens with") {
  const std::string rules = rule_file(R"(
      "layout": {"interview_markers": ["Q", "A"]},
      "entity_rules": [
        {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
         "entity": {"capture": "n", "type": "Team"}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "썼"}],
        "relation": "uses", "source": {"find": ["Team"], "else": "$self"}, "target": "t"}])");
  const std::string lines =
      "Q. 무엇을 하나요?\nA. 모델을 만듭니다.\nQ. 어떻게요?\nA. Rust를 썼어요.\n";
  const KnowledgeGraph interview =
      graph_of(rules, "에이크미 검색팀장 인터뷰\n\n에이크미 검색팀을 만났다.\n\n" + lines);
  CHECK(has_relation(interview, "검색팀", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(interview, "Acme", RT::kUses, "Rust"));
  // Three marked lines are no interview: the topic organization stands in.
  const KnowledgeGraph short_one = graph_of(rules,
                                            "에이크미 검색팀장 인터뷰\n\n에이크미 검색팀을 "
                                            "만났다.\n\nQ. 무엇을?\nA. 모델.\nA. Rust를 썼어요.\n");
  CHECK(has_relation(short_one, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(short_one, "검색팀", RT::kUses, "Rust"));
}

TEST_CASE(
    "relation action: a thread's opening post is its header's writer's, up to the first reply") {
  const std::string rules = rule_file(R"(
      "layout": {"writer_words": ["i"], "we_words": ["we", "our"]},
      "relation_rules": [
        {"id": "joined", "pattern": [{"text": "i"}, {"text": "joined"},
                                     {"ent": "Organization", "capture": "o"}],
         "relation": "works_at", "source": "$self", "target": "o"},
        {"id": "our", "pattern": [{"text": "our"}, {"text": "stack"}, {"text": "is"},
                                  {"ent": "Tool", "capture": "t"}],
         "relation": "uses", "source": "$self", "target": "t"}])");
  const std::string post =
      "Careers\n\nA new job, six months in\njroe · Jane Roe · posted 2 days ago\n\n"
      "I joined Acme in May. Our stack is Rust.\n\n";
  const std::string replies =
      "---\n\noak · 1 day ago\nI joined Globex instead.\n\n---\n\nmoss · 1 day ago\nNice.\n";
  const KnowledgeGraph g = graph_of(rules, post + replies);
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  // Another writer's reply, and a sentence that says "we" rather than "I", are not hers.
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kWorksAt, "Globex"));
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kUses, "Rust"));
  // A post without replies is its writer's all the same.
  CHECK(has_relation(graph_of(rules, post), "Jane Roe", RT::kWorksAt, "Acme"));
  SUBCASE("a line of fields right under the header, before the post's body, is the header's") {
    const std::string social =
        "jroe · Jane Roe · 1st\n2d · Edited\n\nSome news!\n\n"
        "I joined Acme in May. Our stack is Rust.\n\n";
    const KnowledgeGraph h = graph_of(rules, social + replies);
    CHECK(has_relation(h, "Jane Roe", RT::kWorksAt, "Acme"));
    CHECK_FALSE(has_relation(h, "Jane Roe", RT::kWorksAt, "Globex"));
  }
  SUBCASE(
      "an opening post that says \"I\" twice or more, and more than \"we\", is hers throughout") {
    const std::string bare = rule_file(R"(
        "layout": {"writer_words": ["i"], "we_words": ["we", "our"]},
        "relation_rules": [
          {"id": "joined", "pattern": [{"text": "joined"}, {"ent": "Organization", "capture": "o"}],
           "relation": "works_at", "source": "$self", "target": "o"}])");
    const std::string head = "jroe · Jane Roe · 1st\n2d · Edited\n\n";
    const std::string others =
        "---\n\noak · 1 day ago\nJoined Globex instead.\n\n---\n\nmoss · 1 day ago\nNice.\n";
    const KnowledgeGraph twice =
        graph_of(bare, head + "Joined Acme in May. I love it and I am staying.\n\n" + others);
    CHECK(has_relation(twice, "Jane Roe", RT::kWorksAt, "Acme"));
    CHECK_FALSE(has_relation(twice, "Jane Roe", RT::kWorksAt, "Globex"));
    const KnowledgeGraph once =
        graph_of(bare, head + "Joined Acme in May. I love it.\n\n" + others);
    CHECK_FALSE(has_relation(once, "Jane Roe", RT::kWorksAt, "Acme"));
    const KnowledgeGraph we = graph_of(
        bare,
        head + "Joined Acme in May. I love it, I stay. We ship and we grow, our way.\n\n" + others);
    CHECK_FALSE(has_relation(we, "Jane Roe", RT::kWorksAt, "Acme"));
  }
}

TEST_CASE("relation action: a one-person post about a product of its own gives it its stack") {
  const std::string rules = rule_file(R"(
      "layout": {"writer_words": ["나는", "내가"]},
      "entity_rules": [
        {"id": "byline", "pattern": [{"regex": "[가-힣]{3}", "anchor": "start", "capture": "n"},
          {"text": "·"}], "entity": {"capture": "n", "type": "Person"}},
        {"id": "app", "pattern": [{"text": "앱"}, {"text": "'"}, {"any": true, "not": {"text": "'"},
          "min": 1, "max": 3, "capture": "n"}, {"text": "'"}],
          "entity": {"capture": "n", "type": "Product"}}],
      "relation_rules": [{"id": "label", "pattern": [{"text": "스택"}, {"text": ":"},
        {"ent": "Tool", "capture": "t"}], "relation": "uses",
        "source": {"find": ["Organization", "Team", "Product"], "else": "$previous"},
        "target": "t"}])");
  const std::string head = "개발 회고\n채도윤 · 2024년 3월\n\n";
  const KnowledgeGraph own = graph_of(rules, head +
                                                 "나는 앱 '잔돈콕'을 만들었다. 잔돈콕은 내가 혼자 "
                                                 "만든 앱이다. 요즘은 바쁘다.\n스택: Rust\n");
  CHECK(has_relation(own, "잔돈콕", RT::kUses, "Rust"));
  // Not in a post that says "I" only once, nor where an organization is the topic.
  const KnowledgeGraph once = graph_of(
      rules,
      head +
          "나는 앱 '잔돈콕'을 만들었다. 잔돈콕은 혼자 만든 앱이다. 요즘은 바쁘다.\n스택: Rust\n");
  CHECK_FALSE(has_relation(once, "잔돈콕", RT::kUses, "Rust"));
  const KnowledgeGraph company = graph_of(
      rules,
      head +
          "에이크미는 앱 '잔돈콕'을 만들었다. 나는 에이크미에 있다. 잔돈콕은 내가 만든 앱이다. "
          "요즘은 바쁘다.\n스택: Rust\n");
  CHECK_FALSE(has_relation(company, "잔돈콕", RT::kUses, "Rust"));
}

TEST_CASE("relation action: in a post in the first person singular $self is its writer") {
  const std::string rules = rule_file(R"(
      "layout": {"writer_words": ["나는", "내가", "i", "my"], "we_words": ["우리", "we"],
        "clause_endings": ["고"]},
      "entity_rules": [
        {"id": "byline", "pattern": [{"regex": "[가-힣]{3}", "anchor": "start", "capture": "n"},
          {"text": "·"}], "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "썼"}],
        "relation": "uses", "source": {"find": ["Team", "Person"], "else": "$self"},
        "target": "t"}])");
  const std::string head = "개발 회고\n채도윤 · 2024년 3월\n\n";
  const KnowledgeGraph post =
      graph_of(rules, head + "에이크미에서 나는 많이 배웠다. 내가 맡은 일에는 Rust를 썼다.\n");
  CHECK(has_relation(post, "채도윤", RT::kUses, "Rust"));
  // Once: not a post in the first person singular, and the topic organization stands in; but a
  // clause that says "I" is still the writer's, and one that a comma closes before it is not.
  const KnowledgeGraph once = graph_of(
      rules, head + "에이크미는 커졌다. 에이크미에서 나는 Rust를 썼다. 에이크미는 Kafka를 썼다.\n");
  CHECK(has_relation(once, "채도윤", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(once, "채도윤", RT::kUses, "Kafka"));
  CHECK(has_relation(once, "Acme", RT::kUses, "Kafka"));
  const KnowledgeGraph comma =
      graph_of(rules, head + "에이크미는 커졌다. 에이크미는 Kafka를 썼고, 나는 Rust를 썼다.\n");
  CHECK(has_relation(comma, "채도윤", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(comma, "채도윤", RT::kUses, "Kafka"));
  // A semicolon closes a clause too: the one after it says "we", the one before it "I".
  const KnowledgeGraph semicolon =
      graph_of(rules, head + "우리는 커졌다. 우리는 바빴다. 나는 Rust를 썼다; 우리는 지쳤다.\n");
  CHECK(has_relation(semicolon, "채도윤", RT::kUses, "Rust"));
  // Written for a team: "우리" as often as "나".
  const KnowledgeGraph team = graph_of(
      rules, head + "나는 우리 팀을 믿는다. 내가 본 우리 팀은 Rust를 썼다. 우리는 빠르다.\n");
  CHECK_FALSE(has_relation(team, "채도윤", RT::kUses, "Rust"));
  // Words inside a quotation are someone else's.
  const KnowledgeGraph quoted = graph_of(
      rules, head + "\"나는 좋다\"고 했다. \"내가 한다\"고 했다. 에이크미는 Rust를 썼다.\n");
  CHECK_FALSE(has_relation(quoted, "채도윤", RT::kUses, "Rust"));
  // The team the post speaks for stands in for "we", and a clause that says "I" is still the
  // writer's.
  const std::string own = rule_file(R"(
      "layout": {"writer_words": ["나는", "내가"], "we_words": ["우리"]},
      "entity_rules": [
        {"id": "byline", "pattern": [{"regex": "[가-힣]{3}", "anchor": "start", "capture": "n"},
          {"text": "·"}], "entity": {"capture": "n", "type": "Person"}},
        {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
          "entity": {"capture": "n", "type": "Team"}},
        {"id": "our-team", "pattern": [{"text": "우리"}, {"text": "팀", "capture": "n"}],
          "entity": {"capture": "n", "type": "Team", "refers": true}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "썼"}],
        "relation": "uses", "source": {"find": ["Team", "Person"], "else": "$self"},
        "target": "t"}])");
  const KnowledgeGraph mine = graph_of(
      own, head +
               "결제팀 이야기다. 우리 팀은 바빴다. 그래서 Kafka를 썼다. 둘 다 내가 Rust로 짜고 "
               "Rust를 썼다.\n");
  CHECK(has_relation(mine, "결제팀", RT::kUses, "Kafka"));
  CHECK(has_relation(mine, "채도윤", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(mine, "결제팀", RT::kUses, "Rust"));
  SUBCASE("matched words that say \"we\" are the company's, not the writer's") {
    const std::string our = rule_file(R"(
        "layout": {"writer_words": ["i", "my"], "we_words": ["we", "our"]},
        "entity_rules": [{"id": "byline", "pattern": [{"shape": "capitalized", "anchor": "start",
          "min": 2, "max": 2, "capture": "n"}, {"text": "·"}],
          "entity": {"capture": "n", "type": "Person"}}],
        "relation_rules": [{"id": "make", "pattern": [{"text": ["our", "my"]}, {"text": "app"},
          {"text": ","}, {"ent": "Product", "capture": "p"}],
          "relation": "develops", "source": "$self", "target": "p"}])");
    const std::string byline = "Jane Roe · March\n\nI joined Acme. I like Acme. ";
    const KnowledgeGraph g = graph_of(our, byline + "I now build our app, Rocket.\n");
    CHECK(has_relation(g, "Acme", RT::kDevelops, "Rocket"));
    CHECK_FALSE(has_relation(g, "Jane Roe", RT::kDevelops, "Rocket"));
    const KnowledgeGraph mine = graph_of(our, byline + "I now build my app, Rocket.\n");
    CHECK(has_relation(mine, "Jane Roe", RT::kDevelops, "Rocket"));
  }
  SUBCASE("\"we\" is the team a writer_team rule says the writer joined") {
    auto team_rules = [](const std::string& writer_team) {
      return rule_file(R"(
          "layout": {"writer_words": ["i", "my"], "we_words": ["we", "our"],
            "address_fields": ["from", "to", "cc"]},
          "entity_rules": [
            {"id": "person", "pattern": [{"text": ":"}, {"shape": "capitalized", "min": 2,
              "max": 2, "capture": "n"}], "entity": {"capture": "n", "type": "Person"}},
            {"id": "team", "pattern": [{"text": "Ledger", "capture": "n"}],
              "entity": {"capture": "n", "type": "Team"}}],
          "relation_rules": [
            {"id": "on-team", "pattern": [{"text": "i"}, {"text": "joined"},
              {"any": true, "min": 0, "max": 3}, {"text": "on"}, {"ent": "Team", "capture": "t"}],
              "relation": "member_of", "source": "$self", "target": "t")" +
                       writer_team + R"(},
            {"id": "joined", "pattern": [{"text": "i"}, {"text": "joined"},
              {"ent": "Organization", "capture": "o"}],
              "relation": "works_at", "source": "$self", "target": "o"},
            {"id": "make", "pattern": [{"text": "our"}, {"text": "app"}, {"text": ","},
              {"ent": "Product", "capture": "p"}],
              "relation": "develops", "source": "$self", "target": "p"}])");
    };
    // A mail's address lines are no transcript's turns: the sender writes the post.
    const std::string mail = "From: Jane Roe\nTo: Ann Lee\nCc: Bob Day\nSubject: News\n\n";
    const std::string joined = "I joined in May on Ledger. I like Acme. ";
    const KnowledgeGraph g = graph_of(team_rules(R"(, "writer_team": true)"),
                                      mail + joined + "I build our app, Rocket.\n");
    CHECK(has_relation(g, "Jane Roe", RT::kMemberOf, "Ledger"));
    CHECK(has_relation(g, "Ledger", RT::kDevelops, "Rocket"));
    const KnowledgeGraph plain =
        graph_of(team_rules(""), mail + joined + "I build our app, Rocket.\n");
    CHECK(has_relation(plain, "Jane Roe", RT::kMemberOf, "Ledger"));
    CHECK_FALSE(has_relation(plain, "Ledger", RT::kDevelops, "Rocket"));
    // Once the writer joins an organization, "we" is no longer that team.
    const KnowledgeGraph moved =
        graph_of(team_rules(R"(, "writer_team": true)"),
                 mail + joined + "I joined Acme. I build our app, Rocket.\n");
    CHECK_FALSE(has_relation(moved, "Ledger", RT::kDevelops, "Rocket"));
  }
  SUBCASE("a writer who introduces themselves, and the sections of a résumé") {
    const std::string intro = rule_file(R"(
        "layout": {"writer_words": ["나는", "내가"]},
        "entity_rules": [{"id": "intro", "pattern": [{"regex": "[가-힣]{3}",
          "particle": ["입니다"], "capture": "n"}], "entity": {"capture": "n", "type": "Person"}}],
        "relation_rules": [{"id": "use", "pattern": [
          {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "썼"}],
          "relation": "uses", "source": {"find": ["Team", "Person"], "else": "$self"},
          "target": "t"}])");
    // The introduction speaks in the first person: with one 나는, a writer.
    const std::string hello = "개발 회고\n\n안녕하세요, 채도윤입니다.\n\n";
    const KnowledgeGraph g = graph_of(intro, hello + "에이크미에서 \"좋다\"고 나는 Rust를 썼다.\n");
    CHECK(has_relation(g, "채도윤", RT::kUses, "Rust"));
    // Under an employer's line, a sentence without first-person words is the employer's too.
    const KnowledgeGraph cv =
        graph_of(intro, hello + "나는 개발자다.\n\n**에이크미** — 엔지니어\n- Kafka를 썼다.\n");
    CHECK(has_relation(cv, "채도윤", RT::kUses, "Kafka"));
    CHECK(has_relation(cv, "Acme", RT::kUses, "Kafka"));
    // First-person words inside a quotation do not make the sentence the writer's alone.
    const KnowledgeGraph said = graph_of(
        intro,
        hello + "나는 개발자다.\n\n**에이크미** — 엔지니어\n- \"내가 고른다\"며 Kafka를 썼다.\n");
    CHECK(has_relation(said, "Acme", RT::kUses, "Kafka"));
    const KnowledgeGraph mine = graph_of(
        intro, hello + "나는 개발자다.\n\n**에이크미** — 엔지니어\n- 내가 Kafka를 썼다.\n");
    CHECK(has_relation(mine, "채도윤", RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(mine, "Acme", RT::kUses, "Kafka"));
  }
  SUBCASE("a byline under a page's menus names the writer") {
    const std::string by = rule_file(R"(
        "layout": {"writer_words": ["나는", "내가"], "writer_markers": ["by", "글쓴이"]},
        "entity_rules": [{"id": "person", "pattern": [{"regex": "[가-힣]{3}", "capture": "n"},
          {"text": "·"}], "entity": {"capture": "n", "type": "Person"}}],
        "relation_rules": [{"id": "use", "pattern": [
          {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "썼"}],
          "relation": "uses", "source": {"find": ["Team", "Person"], "else": "$self"},
          "target": "t"}])");
    const std::string menus = "블로그\n홈 · 글 목록 · 검색\n\n개발 회고\n일 년을 돌아보며\n\n";
    const std::string body = "나는 많이 배웠다. 내가 맡은 일에는 Rust를 썼다.\n";
    CHECK(has_relation(graph_of(by, menus + "by 채도윤 · 에이크미 개발자\n\n" + body), "채도윤",
                       RT::kUses, "Rust"));
    CHECK(has_relation(graph_of(by, menus + "글쓴이: 채도윤 · 3월\n\n" + body), "채도윤", RT::kUses,
                       "Rust"));
    // The marker is a whole word, and the name comes right after it.
    CHECK_FALSE(has_relation(graph_of(by, menus + "bye 채도윤 · 에이크미 개발자\n\n" + body),
                             "채도윤", RT::kUses, "Rust"));
    CHECK_FALSE(has_relation(graph_of(by, menus + "by 이번 주 채도윤 · 개발자\n\n" + body),
                             "채도윤", RT::kUses, "Rust"));
  }
  SUBCASE("a record's name field makes the document its person's own, with no I in it") {
    const std::string record = rule_file(R"(
        "layout": {"writer_words": ["나는", "내가"], "record_fields": ["이름", "성명"]},
        "entity_rules": [{"id": "person", "pattern": [{"text": ":"},
          {"regex": "[가-힣]{3}", "capture": "n"}], "entity": {"capture": "n", "type": "Person"}}],
        "relation_rules": [{"id": "use", "pattern": [
          {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "썼"}],
          "relation": "uses", "source": {"find": ["Team", "Person"], "else": "$self"},
          "target": "t"}])");
    const std::string body = "\n\n■ 경력\n- 결제 서버에 Rust를 썼다.\n";
    CHECK(has_relation(graph_of(record, "경력기술서\n이름: 채도윤" + body), "채도윤", RT::kUses,
                       "Rust"));
    CHECK(has_relation(graph_of(record, "경력기술서\n성명 : 채도윤" + body), "채도윤", RT::kUses,
                       "Rust"));
    // Another field names no one whose record it is.
    CHECK_FALSE(has_relation(graph_of(record, "경력기술서\n추천: 채도윤" + body), "채도윤",
                             RT::kUses, "Rust"));
  }
  SUBCASE("a transcript's speakers each say I") {
    const KnowledgeGraph transcript = graph_of(
        rules,
        head + "HOST: 나는 묻는다.\nGUEST: 내가 답한다.\nHOST: 좋다.\nGUEST: Rust를 썼다.\n");
    CHECK_FALSE(has_relation(transcript, "채도윤", RT::kUses, "Rust"));
  }
}

TEST_CASE("relation action: in a job posting $self is the team the posting names first") {
  const std::string rules = rule_file(R"(
      "layout": {"posting_markers": ["주요업무", "기술스택", "자격요건"]},
      "entity_rules": [
        {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
         "entity": {"capture": "n", "type": "Team"}}],
      "relation_rules": [{"id": "stack", "pattern": [
        {"text": "-"}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": {"find": ["Team"], "else": "$self"}, "target": "t"}])");
  const std::string body =
      "에이크미는 메신저 회사입니다.\n\n■ 주요 업무\n- 서버 개발\n\n■ 기술 스택\n- Rust\n\n";
  const KnowledgeGraph posting =
      graph_of(rules, "에이크미 채용 | 검색팀 백엔드 엔지니어\n\n" + body + "■ 자격 요건\n- 5년\n");
  CHECK(has_relation(posting, "검색팀", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(posting, "Acme", RT::kUses, "Rust"));
  // Two headings are no posting: the topic organization stands in.
  const KnowledgeGraph short_one =
      graph_of(rules, "에이크미 채용 | 검색팀 백엔드 엔지니어\n\n" + body);
  CHECK(has_relation(short_one, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(short_one, "검색팀", RT::kUses, "Rust"));
}

TEST_CASE("document rules: a posting speaks for the team it names, even further down") {
  const std::string rules = rule_file(R"(
      "layout": {"posting_markers": ["회사소개", "팀소개", "기술스택", "자격요건"]},
      "entity_rules": [
        {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
         "entity": {"capture": "n", "type": "Team"}}],
      "document_rules": [{"id": "voice", "kind": "orphan", "types": ["Tool"], "relation": "uses",
        "direction": "from_topic", "confidence": 0.45,
        "first_person": {"words": ["저희", "우리"], "min": 3}}])");
  const std::string posting =
      "에이크미 채용\n\n[회사 소개]\n에이크미는 메신저를 만든다. 에이크미는 크다. 에이크미는 "
      "빠르다. "
      "에이크미는 친절하다.\n\n[팀 소개]\n검색팀은 검색을 맡는다.\n\n[기술 스택]\nRust, "
      "Kafka\n\n[자격 요건]\n- 5년\n";
  const KnowledgeGraph g = graph_of(rules, posting);
  CHECK(has_relation(g, "검색팀", RT::kUses, "Rust"));
  CHECK(has_relation(g, "검색팀", RT::kUses, "Kafka"));
  // Not a posting: the voice rule needs its first-person words.
  const KnowledgeGraph news = graph_of(
      rules, "에이크미 소식\n\n에이크미는 메신저를 만든다. 검색팀은 Rust와 Kafka를 쓴다고 한다.\n");
  CHECK_FALSE(has_relation(news, "검색팀", RT::kUses, "Rust"));
}

TEST_CASE("entity: a company named again by its first word only where its full name stands") {
  const std::string rules = rule_file(R"("entity_rules": [
      {"id": "company", "pattern": [{"shape": "capitalized", "known": false, "capture": "n"},
        {"text": ["Security"], "capture": "s"}],
       "entity": {"capture": "n", "through": "s", "type": "Organization"}},
      {"id": "team", "pattern": [{"shape": "capitalized", "min": 1, "max": 2, "capture": "n"},
        {"text": ["team"], "capture": "c"}],
       "entity": {"capture": "n", "through": "c", "type": "Team"}}])");
  // The longer team wins "Security": Velmora Security is no company, nor is Velmora one.
  const KnowledgeGraph team =
      graph_of(rules, "Thanks to the Velmora Security Engineering team. Velmora ships apps.");
  CHECK(has_entity(team, "Security Engineering team", ET::kTeam));
  CHECK_FALSE(team.find("Velmora Security", ET::kOrganization).has_value());
  // Where it stands, the first word names it again.
  const KnowledgeGraph company = graph_of(rules, "Velmora Security ships apps. Velmora grew.");
  const auto velmora = company.find("Velmora Security", ET::kOrganization);
  REQUIRE(velmora);
  CHECK(company.entity(*velmora).mention_count == 2);
}

TEST_CASE("entity rule: a company named again by its first word is the subject it opens") {
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "company", "pattern": [{"shape": "capitalized", "known": false, "capture": "n"},
          {"text": ["Security"], "capture": "s"}],
         "entity": {"capture": "n", "through": "s", "type": "Organization"}},
        {"id": "it", "pattern": [{"text": ["it"], "anchor": "start", "capture": "n"},
          {"text": ["raised"]}],
         "entity": {"capture": "n", "type": "Organization", "refers": "subject"}}],
      "relation_rules": [{"id": "led", "pattern": [{"text": "led"}, {"text": "by"},
        {"ent": "Organization", "capture": "a"}], "relation": "invests_in", "source": "a",
        "target": {"find": ["Organization"], "scope": "sentence", "side": "before"}}])");
  // Velmora, the first word of Velmora Security, opens the sentence before: It is Velmora
  // Security, not Kelvane Security, named last.
  const std::string text =
      "Velmora Security sells locks. Velmora competes with Kelvane Security. It raised money in a "
      "round led by Acme.";
  const KnowledgeGraph g = graph_of(rules, text);
  CHECK(has_relation(g, "Acme", RT::kInvestsIn, "Velmora Security"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kInvestsIn, "Kelvane Security"));
}

TEST_CASE("entity rule: in English a subject opens its sentence, alone or after a determiner") {
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "the-startup", "pattern": [{"text": ["the"], "anchor": "start"},
          {"text": ["startup"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "previous"}},
        {"id": "its", "pattern": [{"text": ["its"], "anchor": "start", "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "subject"}}],
      "relation_rules": [{"id": "written", "pattern": [{"text": "written"}, {"text": "in"},
        {"ent": "Tool", "capture": "t"}], "relation": "uses",
        "source": {"find": ["Organization"], "scope": "sentence", "side": "before"},
        "target": "t"}])");
  // The startup, Acme, is the subject of the sentence before: its firmware is Acme's, not that
  // of Globex, named last.
  const KnowledgeGraph g =
      graph_of(rules,
               "Acme raised money. The startup signed a deal with Globex. Its firmware is written "
               "in Rust.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Globex", RT::kUses, "Rust"));
}

TEST_CASE("entity rule: refers \"previous\" and \"subject\" stand for an entity named before") {
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "that-company", "pattern": [{"text": ["해당"]}, {"text": ["회사"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "previous"}},
        {"id": "bare-company", "pattern": [{"text": ["회사"], "anchor": "start", "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "subject"}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Organization", "particle": ["은", "는"], "capture": "o"},
        {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "사용"}],
        "relation": "uses", "source": "o", "target": "t"}])");
  // "previous": the company named last, not the first one or the subject.
  const KnowledgeGraph g =
      graph_of(rules, "에이크미가 이니텍을 인수했다. 해당 회사는 Rust를 사용한다.");
  CHECK(has_relation(g, "Initech", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kUses, "Rust"));
  // A name three sentences back is too far; the words are then no name at all.
  const KnowledgeGraph far = graph_of(
      rules, "에이크미가 이니텍을 인수했다. 날씨가 좋다. 비가 온다. 해당 회사는 Rust를 사용한다.");
  CHECK(far.relation_count() == 0);
  CHECK(far.entity_count() == 3);
  // "subject": the subject of the sentence before, not the company named last in it.
  const KnowledgeGraph bare =
      graph_of(rules, "에이크미가 이니텍을 인수했다. 회사는 Rust를 사용한다.");
  CHECK(has_relation(bare, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(bare, "Initech", RT::kUses, "Rust"));
  // With no subject of the type there, the company named last.
  const KnowledgeGraph object =
      graph_of(rules, "어제 에이크미와 이니텍을 만났다. 회사는 Rust를 사용한다.");
  CHECK(has_relation(object, "Initech", RT::kUses, "Rust"));
  // The same words standing for two companies make no one entity of them.
  const KnowledgeGraph two =
      graph_of(rules,
               "에이크미가 Rust를 쓴다. 해당 회사는 Rust를 사용한다. 날씨가 좋다. 비가 온다. "
               "이니텍이 Kafka를 쓴다. 해당 회사는 Kafka를 사용한다.");
  CHECK(has_relation(two, "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(two, "Initech", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(two, "Acme", RT::kUses, "Kafka"));
  CHECK(two.find("Acme", ET::kOrganization) != two.find("Initech", ET::kOrganization));
  // A name of the same clause acts beside the words, unless it only modifies a noun.
  const std::string made = rule_file(R"(
      "entity_rules": [
        {"id": "that-company", "pattern": [{"text": ["해당"]}, {"text": ["회사"], "particle": ["가"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "previous"}}],
      "relation_rules": [{"id": "made", "pattern": [
        {"ent": "Organization", "particle": ["가"], "capture": "o"}, {"text": ["만든"]},
        {"ent": "Tool", "capture": "t"}], "relation": "develops", "source": "o", "target": "t"}])");
  const KnowledgeGraph booth =
      graph_of(made, "에이크미가 크다. 옆 이니텍 부스에서는 해당 회사가 만든 Rust를 보여 줬다.");
  CHECK(has_relation(booth, "Initech", RT::kDevelops, "Rust"));
  CHECK_FALSE(has_relation(booth, "Acme", RT::kDevelops, "Rust"));
  const KnowledgeGraph beside =
      graph_of(made, "에이크미가 크다. 이니텍과 글로벡스가 해당 회사가 만든 Rust를 쓴다.");
  CHECK(has_relation(beside, "Acme", RT::kDevelops, "Rust"));
  CHECK_FALSE(has_relation(beside, "Initech", RT::kDevelops, "Rust"));
}

TEST_CASE("entity rule: refers \"previous\" finds a name the last pass wrote out") {
  // Zorblat is a company only by the rule in the first sentence; the third names it again only
  // once the first pass is over, after the words standing for it looked for a company.
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "bought", "pattern": [{"text": ["acquired"]},
          {"shape": "capitalized", "capture": "n"}], "entity": {"capture": "n", "type": "Organization"}},
        {"id": "that-company", "pattern": [{"text": ["that"]}, {"text": ["company"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "previous"}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Organization", "capture": "o"}, {"text": ["uses"]}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": "o", "target": "t"}])");
  const KnowledgeGraph g = graph_of(rules,
                                    "Acme acquired Zorblat. It rained. For Zorblat the deal is "
                                    "good. Later that company uses Rust.");
  CHECK(has_relation(g, "Zorblat", RT::kUses, "Rust"));
}

TEST_CASE("entity rule: refers \"subject\" sees a subject the last pass wrote out") {
  // Zorblat is a company only by the rule in the first sentence; the second names it again as
  // its subject, a mention the passes write out only after the words standing for it first
  // looked for a company, when Initech was the last one named.
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "startup", "pattern": [{"text": ["startup"]},
          {"shape": "capitalized", "capture": "n"}], "entity": {"capture": "n", "type": "Organization"}},
        {"id": "the-firm", "pattern": [{"text": ["the"]}, {"text": ["firm"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "subject"}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Organization", "capture": "o"}, {"text": ["uses"]}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": "o", "target": "t"}])");
  const KnowledgeGraph g = graph_of(rules,
                                    "The startup Zorblat raised money. Zorblat signed deals with "
                                    "Acme and Initech. The firm uses Rust.");
  CHECK(has_relation(g, "Zorblat", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Initech", RT::kUses, "Rust"));
}

TEST_CASE("entity rule: refers \"previous\" reaches past sentences that are quotations") {
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "that-company", "pattern": [{"text": ["that"]}, {"text": ["company"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "previous"}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Organization", "capture": "o"}, {"text": ["uses"]}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": "o", "target": "t"}])");
  // Two quoted sentences between: someone's words set into the story, which goes on.
  const KnowledgeGraph quoted = graph_of(rules,
                                         "Globex is growing. \"We ship weekly,\" Ada said. "
                                         "\"It works.\" Now that company uses Rust.");
  CHECK(has_relation(quoted, "Globex", RT::kUses, "Rust"));
  // Two sentences of the story's own are as far as the words reach.
  const KnowledgeGraph far =
      graph_of(rules, "Globex is growing. It rained. It snowed. Now that company uses Rust.");
  CHECK_FALSE(has_relation(far, "Globex", RT::kUses, "Rust"));
}

TEST_CASE("entity rule: refers \"previous\" passes over a person's relative clause before") {
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "that-company", "pattern": [{"text": ["that"]}, {"text": ["company"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "previous"}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Organization", "capture": "o"}, {"text": ["uses"]}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": "o", "target": "t"}])");
  // Initech is where the founder worked, not the company the words stand for.
  const KnowledgeGraph g = graph_of(
      rules, "Acme was started by Jane Roe, who worked at Initech. Now that company uses Rust.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Initech", RT::kUses, "Rust"));
  // Without the clause, the company named last.
  const KnowledgeGraph last =
      graph_of(rules, "Acme was started by Jane Roe at Initech. Now that company uses Rust.");
  CHECK(has_relation(last, "Initech", RT::kUses, "Rust"));
}

TEST_CASE("entity rule: refers \"previous\" passes over an owner in a person's relative clause") {
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "that-company", "pattern": [{"text": ["that"]}, {"text": ["company"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization", "refers": "previous"}}],
      "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Organization", "capture": "o"}, {"text": ["uses"]}, {"ent": "Tool", "capture": "t"}],
        "relation": "uses", "source": "o", "target": "t"}])");
  // The sentence before names no company but the one whose team the person was on: the words
  // stand for the company named before that.
  const KnowledgeGraph g =
      graph_of(rules,
               "Jane Roe started Acme in May. Jane Roe, who spent years on "
               "Initech's search team, writes code. Now that company uses Rust.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Initech", RT::kUses, "Rust"));
  // Named there as a place of work rather than an owner, it is still the company named last.
  const KnowledgeGraph at = graph_of(rules,
                                     "Jane Roe started Acme in May. Jane Roe, who spent years at "
                                     "Initech, writes code. Now that company uses Rust.");
  CHECK(has_relation(at, "Initech", RT::kUses, "Rust"));
  // With no company named before within reach, the owner stays.
  const KnowledgeGraph alone = graph_of(rules,
                                        "Jane Roe, who spent years on Initech's search team, "
                                        "writes code. Now that company uses Rust.");
  CHECK(has_relation(alone, "Initech", RT::kUses, "Rust"));
}

TEST_CASE("relation action: relation_by picks the type from the captured word's lexicon") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "role",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": ["@roles", "@founders", "@staff", "advisor"], "capture": "r"},
                  {"ent": "Person", "capture": "p"}],
      "relation_by": {"capture": "r", "lexicons": {"roles": "leads", "founders": "founded", "staff": "works_at"}},
      "source": "p", "target": "o"}])");
  const KnowledgeGraph g =
      graph_of(rules,
               "Acme CEO Jane Roe spoke. Globex founder John Doe listened. "
               "Initech engineer Jane Roe left. Acme advisor John Doe stayed.");
  CHECK(has_relation(g, "Jane Roe", RT::kLeads, "Acme"));
  CHECK(has_relation(g, "John Doe", RT::kFounded, "Globex"));
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Initech"));
  CHECK(g.relation_count() == 3);  // "advisor" is in no lexicon
}

TEST_CASE("relation action: a title joining a leading word to a post's word names the post") {
  const std::string rules = rule_file(R"("lexicons": {"roles": ["chief", "president"],
      "staff": ["architect", "vice"]},
      "relation_rules": [{"id": "role",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": ","},
                  {"text": ["@roles", "@staff"], "min": 1, "max": 2, "capture": "r"},
                  {"text": ["at", "of"]}, {"ent": ["Organization", "Product"], "capture": "o"}],
      "relation_by": {"capture": "r", "lexicons": {"roles": "leads", "staff": "works_at"}},
      "source": "p", "target": "o"}])");
  const KnowledgeGraph g = graph_of(rules,
                                    "Jane Roe, chief architect at Acme, spoke. John Doe, vice "
                                    "president of Rocket, listened. Jane Roe, president of Globex, "
                                    "left.");
  // One cannot work at a product: the vice president leads it.
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kLeads, "Acme"));
  CHECK(has_relation(g, "John Doe", RT::kLeads, "Rocket"));
  CHECK(has_relation(g, "Jane Roe", RT::kLeads, "Globex"));
}

TEST_CASE("relation action: a Korean name before an instrument's noun takes its particle") {
  const std::string rules = uses_ko(R"({"find": ["Organization"], "particle": ["은", "는", ""]})");
  // "에이크미 API로": the name is part of the instrument, not the one using Rust.
  CHECK(graph_of(rules, "에이크미 API로 주문을 받고 Rust를 사용한다.").relation_count() == 0);
  // Other nouns leave the name its own particle, none.
  CHECK(has_relation(graph_of(rules, "에이크미 개발자들도 Rust를 사용한다."), "Acme", RT::kUses,
                     "Rust"));
}

TEST_CASE("relation action: a Korean product topic before an agent is what the agent acts on") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "built", "pattern": [
      {"ent": "Tool", "particle": ["로", "으로"], "capture": "t"}, {"starts": "만들"}],
      "relation": "uses", "target": "t",
      "source": {"find": ["Organization", "Team", "Person", "Product"]}}])");
  // 코멧은 에이크미가 Rust로 만들었다: Acme made Comet with Rust.
  const KnowledgeGraph g = graph_of(rules, "코멧은 에이크미가 Rust로 만들었다.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Comet", RT::kUses, "Rust"));
  // An agent in a clause of its own leaves the product the topic.
  const KnowledgeGraph own = graph_of(rules, "코멧은 에이크미가 고친 뒤 다시 Rust로 만들었다.");
  CHECK(has_relation(own, "Comet", RT::kUses, "Rust"));
}

TEST_CASE("relation action: a Korean paragraph's topic is carried to a subjectless clause") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "use", "pattern": [
      {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "쓴"}],
      "relation": "uses", "target": "t",
      "source": {"find": ["Organization", "Team", "Person", "Product"], "else": "$topic"}}])");
  const std::string lead = "에이크미, 코멧 공개\n에이크미가 새 앱 코멧을 공개했다. ";
  struct Case {
    const char* why;
    const char* text;
    const char* user;   // of Kafka
    const char* other;  // not its user
  };
  const Case cases[] = {
      {"the product stays the topic across a clause and a sentence with no name acting",
       "코멧은 Rust로 작성됐다. 저장소로는 Kafka를 쓴다.", "Comet", "Acme"},
      {"a person as the topic ends it: the sentence falls back to the organization",
       "코멧은 Rust로 작성됐다. 존 도는 웃었다. 저장소로는 Kafka를 쓴다.", "Acme", "Comet"},
      {"so does a new paragraph", "코멧은 Rust로 작성됐다.\n저장소로는 Kafka를 쓴다.", "Acme",
       "Comet"},
      {"and a topic some entity owns, which its owner, opening the sentence, acts for",
       "코멧은 Rust로 작성됐다. 이니텍의 새 서버는 Kafka를 쓴다.", "Initech", "Comet"},
      {"a product with 에는, the topic of what is put into it, is carried too",
       "코멧에는 Rust가 들어갔다. 저장소로는 Kafka를 쓴다.", "Comet", "Acme"},
      {"an organization other than the document's is carried as a product is",
       "글로벡스는 Rust로 서버를 만든다. 저장소로는 Kafka를 쓴다.", "Globex", "Acme"},
      {"a quoted topic, its particle on the closing quote, is carried too",
       "'코멧'은 Rust로 작성됐다. 저장소로는 Kafka를 쓴다.", "Comet", "Acme"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    const KnowledgeGraph g = graph_of(rules, lead + c.text);
    CHECK(has_relation(g, c.user, RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(g, c.other, RT::kUses, "Kafka"));
  }
  // "We" as the subject ends it, with 도 or 이/가 as with 은/는: the writers act, not the
  // paragraph's company.
  const std::string we = rule_file(R"("layout": {"we_words": ["저희"]}, "relation_rules": [
      {"id": "use", "pattern": [{"ent": "Tool", "particle": ["을", "를"], "capture": "t"},
      {"starts": "쓴"}], "relation": "uses", "target": "t",
      "source": {"find": ["Organization", "Team", "Person", "Product"], "else": "$topic"}}])");
  for (const char* text : {"글로벡스는 Rust로 서버를 만든다. 저희도 Kafka를 쓴다.",
                           "글로벡스는 Rust로 서버를 만든다. 저희가 Kafka를 쓴다."}) {
    CAPTURE(text);
    const KnowledgeGraph g = graph_of(we, lead + text);
    CHECK(has_relation(g, "Acme", RT::kUses, "Kafka"));
    CHECK_FALSE(has_relation(g, "Globex", RT::kUses, "Kafka"));
  }
  // A person's title as the topic ends it as a name does: the one who speaks is no earlier
  // sentence's company.
  const std::string titled = rule_file(
      R"("name_endings": {"endings": ["씨"], "initials": ["박"], "titles": ["대표"], "heads": ["장"]},
      "relation_rules": [{"id": "use", "pattern": [
      {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "쓴"}],
      "relation": "uses", "target": "t",
      "source": {"find": ["Organization", "Team", "Person", "Product"], "else": "$topic"}}])");
  const KnowledgeGraph speaker = graph_of(
      titled, lead + "글로벡스는 Rust로 서버를 만든다. 대표는 저장소로 Kafka를 쓴다고 말했다.");
  CHECK(has_relation(speaker, "Acme", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(speaker, "Globex", RT::kUses, "Kafka"));
  CHECK(has_relation(
      graph_of(rules,
               lead + "글로벡스는 Rust로 서버를 만든다. 대표는 저장소로 Kafka를 쓴다고 말했다."),
      "Globex", RT::kUses, "Kafka"));
}

TEST_CASE("relation action: a Korean name after a comma that closes a clause did not act in it") {
  const std::string body = R"("relation_rules": [{"id": "use", "pattern": [
      {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "사용"}],
      "relation": "uses", "target": "t", "source": {"find": ["Organization"]}}])";
  const std::string rules =
      rule_file(R"("layout": {"clause_endings": ["는데", "어서", "고"]}, )" + body);
  CHECK(has_relation(graph_of(rules, "Rust를 사용하는 에이크미는 빠르다."), "Acme", RT::kUses,
                     "Rust"));
  const std::string closed = "팀이 Rust를 사용하는데, 에이크미 말로는 빠르다.";
  CHECK(graph_of(rules, closed).relation_count() == 0);
  // An ending of two syllables or more joins clauses without a comma; one of one syllable, which
  // ends nouns too, only before one.
  CHECK(graph_of(rules, "팀이 Rust를 사용하고 있어서 에이크미 발표가 기대된다.").relation_count() ==
        0);
  CHECK(has_relation(graph_of(rules, "팀이 Rust를 사용하고 에이크미 발표가 기대된다."), "Acme",
                     RT::kUses, "Rust"));
  // Without the ending in the layout, the comma closes nothing.
  CHECK(has_relation(graph_of(rule_file(body), closed), "Acme", RT::kUses, "Rust"));
  // An ellipsis joins a headline's two statements: the name after it is the second's.
  CHECK(
      graph_of(rule_file(body), "새 앱 Rust를 사용\xE2\x80\xA6에이크미와 제휴").relation_count() ==
      0);
  CHECK(has_relation(graph_of(rule_file(body), "에이크미는 Rust를 사용\xE2\x80\xA6글로벡스와 제휴"),
                     "Acme", RT::kUses, "Rust"));
}

TEST_CASE("relation action: unless blocks a match whose clause has a word starting so") {
  const std::string extra = R"(, "unless": ["않", "대신"])";
  const std::string src = R"({"find": ["Organization"]})";
  CHECK(has_relation(graph_of(uses_ko(src, extra), "에이크미는 Rust를 사용한다."), "Acme",
                     RT::kUses, "Rust"));
  CHECK(graph_of(uses_ko(src, extra), "에이크미는 Rust를 사용하지 않는다.").relation_count() == 0);
  CHECK(graph_of(uses_ko(src, extra), "에이크미는 Rust 대신 Kafka를 사용한다.").relation_count() ==
        0);
  // Another clause's words do not count.
  CHECK(has_relation(graph_of(uses_ko(src, extra), "에이크미는 Rust를 사용한다; 대신 느리다."),
                     "Acme", RT::kUses, "Rust"));
  SUBCASE("a comma after a verb with one of the layout's clause_endings closes a clause") {
    const std::string text = "에이크미는 Kafka를 쓰지 않았고, Rust를 사용한다.";
    CHECK(graph_of(uses_ko(src, extra), text).relation_count() == 0);
    const std::string rules = rule_file(R"("layout": {"clause_endings": ["고"]},
        "relation_rules": [{"id": "use", "pattern": [
        {"ent": "Tool", "particle": ["을", "를"], "capture": "t"}, {"starts": "사용"}],
        "relation": "uses", "source": {"find": ["Organization"]}, "target": "t",
        "unless": ["않", "대신"]}])");
    CHECK(has_relation(graph_of(rules, text), "Acme", RT::kUses, "Rust"));
    CHECK_FALSE(has_relation(graph_of(rules, text), "Acme", RT::kUses, "Kafka"));
  }
}

TEST_CASE("relation action: unless words in the label a line opens with count for what follows") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "uses",
      "pattern": [{"ent": "Tool", "capture": "t"}, {"text": "with"}],
      "relation": "uses", "source": {"find": ["Organization"]}, "target": "t",
      "unless": ["homework", "side"]}])");
  CHECK(has_relation(graph_of(rules, "Acme: Rust with care."), "Acme", RT::kUses, "Rust"));
  CHECK(graph_of(rules, "- Side project: Acme Rust with care.").relation_count() == 0);
  CHECK(graph_of(rules, "2. Homework: Acme Rust with care.").relation_count() == 0);
  // A label is a few words; a longer clause before a colon is a sentence of its own.
  CHECK(has_relation(graph_of(rules, "Our side of the story is plain: Acme Rust with care."),
                     "Acme", RT::kUses, "Rust"));
  // After the match, the label's colon is no label of it.
  CHECK(has_relation(graph_of(rules, "Acme Rust with care; homework: none."), "Acme", RT::kUses,
                     "Rust"));
}

TEST_CASE("relation action: unless words after one of the layout's clause_openers count no more") {
  const std::string body = R"("relation_rules": [{"id": "launch",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "launched"},
      {"ent": "Product", "capture": "p"}],
      "relation": "develops", "source": "o", "target": "p", "unless": ["never"]}])";
  const std::string text = "Acme launched Comet, an app that never crashes.";
  CHECK(graph_of(rule_file(body), text).relation_count() == 0);
  const std::string rules = rule_file(R"("layout": {"clause_openers": ["that"]}, )" + body);
  CHECK(has_relation(graph_of(rules, text), "Acme", RT::kDevelops, "Comet"));
  // Before the match the word still counts.
  CHECK(graph_of(rules, "Never, Acme launched Comet.").relation_count() == 0);
}

TEST_CASE("relation action: 'rather than' and 'instead of' block only a match on what follows") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "uses",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "uses"},
      {"ent": "Tool", "list": true, "capture": "t"}],
      "relation": "uses", "source": "o", "target": "t", "unless": ["rather", "instead"]}])");
  // What follows the contrast is not used; what comes before it is.
  const KnowledgeGraph rather = graph_of(rules, "Acme uses Rust rather than Kafka.");
  CHECK(has_relation(rather, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(rather, "Acme", RT::kUses, "Kafka"));
  CHECK(has_relation(graph_of(rules, "Rather than Kafka, Acme uses Rust."), "Acme", RT::kUses,
                     "Rust"));
  CHECK(
      has_relation(graph_of(rules, "Acme uses Rust instead of Kafka."), "Acme", RT::kUses, "Rust"));
  // A match on the words after it stays blocked, and so does the word alone.
  CHECK(graph_of(rules, "Initech chose Kafka rather than Acme uses Rust.").relation_count() == 0);
  CHECK(graph_of(rules, "Acme uses Rust instead.").relation_count() == 0);
}

TEST_CASE("relation action: an unless word in Latin script matches whole words only") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "uses",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "uses"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": "o", "target": "t", "unless": ["no", "not"]}])");
  CHECK(has_relation(graph_of(rules, "Now Acme uses Rust."), "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(graph_of(rules, "Acme uses Rust, notably."), "Acme", RT::kUses, "Rust"));
  CHECK(graph_of(rules, "No, Acme uses Rust.").relation_count() == 0);
  CHECK(graph_of(rules, "Acme uses Rust? Not really.").relation_count() == 1);  // another sentence
}

TEST_CASE("relations must fit the type table; develops beats uses for one pair") {
  const std::string rules = rule_file(R"("relation_rules": [
    {"id": "bad", "pattern": [{"ent": "Tool", "capture": "t"}, {"text": "leads"}, {"ent": "Tool", "capture": "u"}],
     "relation": "leads", "source": "t", "target": "u"},
    {"id": "uses", "pattern": [{"ent": "Organization", "capture": "o"}, {"text": ["uses", "builds"]}, {"ent": "Tool", "capture": "t"}],
     "relation": "uses", "source": "o", "target": "t"},
    {"id": "builds", "priority": 5, "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "builds"}, {"ent": "Tool", "capture": "t"}],
     "relation": "develops", "source": "o", "target": "t"}])");
  const KnowledgeGraph g =
      graph_of(rules, "Rust leads Kafka. Acme builds Kafka. Acme uses Python.");
  CHECK_FALSE(has_relation(g, "Rust", RT::kLeads, "Kafka"));
  CHECK(has_relation(g, "Acme", RT::kDevelops, "Kafka"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "Acme", RT::kUses, "Python"));
  CHECK(g.relation_count() == 2);
}

TEST_CASE("entity rules see the names that other entity rules found") {
  // "Zephyr Labs" is found by the suffix rule; the person rule needs it as a mention.
  const std::string rules = rule_file(R"("entity_rules": [
      {"id": "suffix", "pattern": [{"shape": "capitalized", "capture": "n"}, {"text": "labs", "capture": "s"}],
       "entity": {"capture": "n", "through": "s", "type": "Organization"}},
      {"id": "person", "pattern": [{"shape": "capitalized", "min": 2, "max": 2, "capture": "n"},
       {"text": ","}, {"text": "CEO"}, {"text": "of"}, {"ent": "Organization"}],
       "entity": {"capture": "n", "type": "Person"}}])");
  const KnowledgeGraph g = graph_of(rules, "Mara Voss, CEO of Zephyr Labs, spoke. Mara Voss left.");
  CHECK(has_entity(g, "Zephyr Labs", ET::kOrganization));
  CHECK(has_entity(g, "Mara Voss", ET::kPerson));
  CHECK(g.find("Mara Voss", ET::kPerson).has_value());
  CHECK(g.entity(*g.find("Mara Voss", ET::kPerson)).mention_count == 2);
}

TEST_CASE("a rule's lang limits it to Korean or English sentences") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "ko-only", "lang": "ko",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"ent": "Tool", "capture": "t"}],
      "relation": "uses", "source": "o", "target": "t"}])");
  const KnowledgeGraph g = graph_of(rules, "Acme Rust. 글로벡스 Kafka 이야기.");
  CHECK_FALSE(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(g, "Globex", RT::kUses, "Kafka"));
}

TEST_CASE("entity elements with listed tell gazetteer names from names found by rules") {
  const std::string rules = rule_file(std::string(R"("entity_rules": [)") + kToolNamed +
                                      R"(], "relation_rules": [{"id": "new-only",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "adopts"}, {"ent": "Tool", "listed": false, "capture": "t"}],
      "relation": "uses", "source": "o", "target": "t"}])");
  const KnowledgeGraph g =
      graph_of(rules, "Our tool Zephyr is new. Acme adopts Zephyr. Globex adopts Kafka.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Zephyr"));
  CHECK_FALSE(has_relation(g, "Globex", RT::kUses, "Kafka"));
}

TEST_CASE("entity elements with names test the entity's name, whatever its case") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "but-kafka",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "adopts"},
                  {"ent": "Tool", "not": [{"ent": "Tool", "names": ["KAFKA"]}], "capture": "t"}],
      "relation": "uses", "source": "o", "target": "t"}])");
  const KnowledgeGraph g = graph_of(rules, "Acme adopts Rust. Globex adopts Kafka.");
  CHECK(has_relation(g, "Acme", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Globex", RT::kUses, "Kafka"));
  const std::string only = rule_file(R"("relation_rules": [{"id": "only-kafka",
      "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "adopts"},
                  {"ent": "Tool", "names": ["kafka"], "capture": "t"}],
      "relation": "uses", "source": "o", "target": "t"}])");
  const KnowledgeGraph k = graph_of(only, "Acme adopts Rust. Globex adopts Kafka.");
  CHECK_FALSE(has_relation(k, "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(k, "Globex", RT::kUses, "Kafka"));
}

TEST_CASE("document rules: an orphan rule leaves out the names it lists") {
  const std::string rules = rule_file(R"(
    "entity_rules": [
      {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}}],
    "document_rules": [
      {"id": "team-orphan", "kind": "orphan", "types": ["Team"], "relation": "part_of", "direction": "to_topic",
       "not_names": ["안전팀"], "confidence": 0.5}])");
  const KnowledgeGraph g =
      graph_of(rules, "에이크미 소식\n에이크미는 바쁘다. 안전팀도 바쁘다. 보안팀도 바쁘다.");
  CHECK(has_relation(g, "보안팀", RT::kPartOf, "Acme"));
  CHECK_FALSE(has_relation(g, "안전팀", RT::kPartOf, "Acme"));
}

TEST_CASE("document rules: an orphan rule leaves out the names that end in its not_endings") {
  const std::string rules = rule_file(R"(
    "entity_rules": [
      {"id": "unit", "pattern": [{"regex": "[가-힣]+팀|[가-힣]+학부", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}}],
    "document_rules": [
      {"id": "team-orphan", "kind": "orphan", "types": ["Team"], "relation": "part_of", "direction": "to_topic",
       "not_endings": ["학부"], "confidence": 0.5}])");
  const KnowledgeGraph g = graph_of(
      rules, "에이크미 소식\n에이크미는 바쁘다. 정보통신공학부도 바쁘다. 보안팀도 바쁘다.");
  CHECK(has_relation(g, "보안팀", RT::kPartOf, "Acme"));
  CHECK(has_entity(g, "정보통신공학부", EntityType::kTeam));
  CHECK_FALSE(has_relation(g, "정보통신공학부", RT::kPartOf, "Acme"));
}

TEST_CASE("document rules: an owner named by the gazetteer, when the document names it") {
  const std::string rules = rule_file(R"("document_rules": [
      {"id": "own", "kind": "owner", "types": ["Product"], "relation": "develops", "confidence": 0.6}])");
  const KnowledgeGraph g = graph_of(rules, "Rocket이 나왔다. 에이크미는 바쁘다.");
  CHECK(has_relation(g, "Acme", RT::kDevelops, "Rocket"));
  const Relation& r = test::relation(g, "Acme", RT::kDevelops, "Rocket");
  CHECK(r.confidence == doctest::Approx(0.6));
  CHECK(r.evidence.front().rule == "own");
  CHECK(graph_of(rules, "Rocket이 나왔다.").relation_count() == 0);
  CHECK(graph_of(rules, "Comet과 에이크미.").relation_count() == 0);  // Comet has no owner
}

TEST_CASE("document rules: a product named after an organization the document names") {
  const std::string rules = rule_file(R"(
    "gazetteer": [
      {"name": "Acme Notes", "type": "Product", "by": "Acme"},
      {"name": "ACME Pad", "type": "Product", "by": "Acme"},
      {"name": "에이크미 노트", "type": "Product", "by": "Acme"},
      {"name": "Acmely Notes", "type": "Product", "by": "Acme"},
      {"name": "Acme Cloud", "type": "Product", "by": "Globex"}],
    "relation_rules": [{"id": "bought", "pattern": [{"ent": "Organization", "capture": "o"},
      {"text": "bought"}, {"ent": "Product", "capture": "p"}],
      "relation": "acquires", "source": "o", "target": "p"}],
    "document_rules": [
      {"id": "named", "kind": "named_after", "types": ["Product"], "relation": "develops", "confidence": 0.6}])");
  const KnowledgeGraph g = graph_of(rules, "We tried the app Acme Notes. Acme is busy.");
  CHECK(has_relation(g, "Acme", RT::kDevelops, "Acme Notes"));
  CHECK(test::relation(g, "Acme", RT::kDevelops, "Acme Notes").evidence.front().rule == "named");
  // Also an alias of the organization, and whatever its case.
  CHECK(has_relation(graph_of(rules, "에이크미 노트를 썼다. Acme is busy."), "Acme", RT::kDevelops,
                     "에이크미 노트"));
  CHECK(has_relation(graph_of(rules, "We tried ACME Pad. Acme is busy."), "Acme", RT::kDevelops,
                     "ACME Pad"));
  // Only a whole name followed by a space, of an organization the document names, and not an
  // organization that bought it.
  CHECK(graph_of(rules, "We tried the app Acmely Notes. Acme is busy.").relation_count() == 0);
  CHECK(graph_of(rules, "We tried the app Acme Notes. Globex is busy.").relation_count() == 0);
  // A listed product only by the maker its entry names.
  CHECK(graph_of(rules, "We tried Acme Cloud. Acme is busy.").relation_count() == 0);
  // An unlisted product, found by a rule, by any organization the document names.
  const std::string found = rule_file(R"(
    "entity_rules": [{"id": "app", "pattern": [{"text": "app"},
      {"any": true, "min": 2, "max": 2, "capture": "n"}], "entity": {"capture": "n", "type": "Product"}}],
    "document_rules": [
      {"id": "named", "kind": "named_after", "types": ["Product"], "relation": "develops", "confidence": 0.6}])");
  CHECK(has_relation(graph_of(found, "We tried the app Globex Maps today. Globex is busy."),
                     "Globex", RT::kDevelops, "Globex Maps"));
  // An unlisted organization's full name, written before its short one, is no product of it.
  const std::string unlisted = rule_file(R"(
    "entity_rules": [{"id": "app", "pattern": [{"text": "app"},
      {"any": true, "min": 2, "max": 2, "capture": "n"}], "entity": {"capture": "n", "type": "Product"}},
      {"id": "firm", "pattern": [{"shape": "capitalized", "capture": "n"}, {"text": "hires"}],
      "entity": {"capture": "n", "type": "Organization"}}],
    "document_rules": [
      {"id": "named", "kind": "named_after", "types": ["Product"], "relation": "develops", "confidence": 0.6}])");
  CHECK_FALSE(has_relation(graph_of(unlisted, "We saw the app Tarnby Compute. Tarnby hires."),
                           "Tarnby", RT::kDevelops, "Tarnby Compute"));
  CHECK(has_relation(graph_of(unlisted, "Tarnby hires. We saw the app Tarnby Compute."), "Tarnby",
                     RT::kDevelops, "Tarnby Compute"));
  CHECK_FALSE(has_relation(graph_of(rules, "Acme bought Acme Notes."), "Acme", RT::kDevelops,
                           "Acme Notes"));
}

TEST_CASE("relation units: a legal form's full stop and a stock ticker join the company") {
  const std::string rules = rule_file(R"(
    "gazetteer": [{"name": "Vantor", "type": "Organization"}, {"name": "Kelso", "type": "Organization"}],
    "relation_rules": [{"id": "buys", "pattern": [{"ent": "Organization", "capture": "a"},
      {"script": "latin", "shape": "lower", "min": 0, "max": 3}, {"text": "buy"},
      {"ent": "Organization", "capture": "b"}], "relation": "acquires", "source": "a", "target": "b"}])");
  CHECK(has_relation(graph_of(rules, "Vantor Inc. (NASDAQ: VNTR) has agreed to buy Kelso."),
                     "Vantor", RT::kAcquires, "Kelso"));
  CHECK(has_relation(graph_of(rules, "Vantor Inc. has agreed to buy Kelso."), "Vantor",
                     RT::kAcquires, "Kelso"));
}

TEST_CASE("document rules: a product named after the short form a company is called by") {
  const std::string rules = rule_file(R"(
    "entity_rules": [
      {"id": "firm", "pattern": [{"shape": "capitalized", "capture": "n"}, {"text": "Systems", "capture": "s"}],
       "entity": {"capture": "n", "through": "s", "type": "Organization"}},
      {"id": "app", "pattern": [{"text": "app"}, {"any": true, "min": 2, "max": 2, "capture": "n"}],
       "entity": {"capture": "n", "type": "Product"}}],
    "document_rules": [
      {"id": "named", "kind": "named_after", "types": ["Product"], "relation": "develops", "confidence": 0.6}])");
  // "Kelso" of "Kelso Systems" names "Kelso Pulse" after the company.
  CHECK(
      has_relation(graph_of(rules, "Kelso Systems hires. Kelso grows. We saw the app Kelso Pulse."),
                   "Kelso Systems", RT::kDevelops, "Kelso Pulse"));
  CHECK_FALSE(has_relation(graph_of(rules, "Kelso Systems hires. We saw the app Kelso Pulse."),
                           "Kelso Systems", RT::kDevelops, "Kelso Pulse"));
}

TEST_CASE("document rules: a product named after a company's name without its company word") {
  const std::string rules = rule_file(R"json(
    "entity_rules": [
      {"id": "company", "pattern": [{"regex": "[가-힣]+(소프트|전자)", "capture": "n"}], "entity": {"capture": "n", "type": "Organization"}},
      {"id": "app", "pattern": [{"text": "앱"}, {"any": true, "capture": "n"}], "entity": {"capture": "n", "type": "Product"}}],
    "document_rules": [
      {"id": "named", "kind": "named_after", "types": ["Product"], "relation": "develops", "confidence": 0.6,
       "org_endings": ["소프트"]}])json");
  CHECK(has_relation(graph_of(rules, "해솔소프트가 컸다. 앱 해솔드라이브가 나왔다."), "해솔소프트",
                     RT::kDevelops, "해솔드라이브"));
  // Not where the stem opens another organization's name too: a group's companies share it.
  const KnowledgeGraph group =
      graph_of(rules, "해솔소프트와 해솔전자가 컸다. 앱 해솔드라이브가 나왔다.");
  CHECK_FALSE(has_relation(group, "해솔소프트", RT::kDevelops, "해솔드라이브"));
  CHECK(group.relation_count() == 0);
}

TEST_CASE("document rules: a product named after a company is not another's found outside") {
  const std::string rules = rule_file(R"(
    "gazetteer": [{"name": "Acme", "type": "Organization"}, {"name": "Globex", "type": "Organization"}],
    "entity_rules": [{"id": "app", "pattern": [{"text": "includes"},
      {"any": true, "min": 2, "max": 2, "capture": "n"}], "entity": {"capture": "n", "type": "Product"}}],
    "relation_rules": [{"id": "includes", "pattern": [{"text": "includes"},
      {"ent": "Product", "capture": "p"}], "relation": "develops", "source": "$topic", "target": "p"}],
    "document_rules": [
      {"id": "named", "kind": "named_after", "types": ["Product"], "relation": "develops", "confidence": 0.6}])");
  const KnowledgeGraph g = graph_of(
      rules, "Acme sells phones. Acme is busy. Globex is small. Its kit includes Globex Maps.");
  CHECK(has_relation(g, "Globex", RT::kDevelops, "Globex Maps"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kDevelops, "Globex Maps"));
  // Nor where the document's own words give it to the company it is named after.
  const std::string stated = rule_file(R"(
    "gazetteer": [{"name": "Acme", "type": "Organization"}, {"name": "Globex", "type": "Organization"}],
    "entity_rules": [{"id": "app", "pattern": [{"text": ["includes", "makes"]},
      {"any": true, "min": 2, "max": 2, "capture": "n"}], "entity": {"capture": "n", "type": "Product"}}],
    "relation_rules": [{"id": "includes", "pattern": [{"text": "includes"},
      {"ent": "Product", "capture": "p"}], "relation": "develops", "source": "$topic", "target": "p"},
      {"id": "makes", "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "makes"},
      {"ent": "Product", "capture": "p"}], "relation": "develops", "source": "o", "target": "p"}])");
  const KnowledgeGraph s = graph_of(
      stated,
      "Acme sells phones. Acme is busy. Globex makes Globex Maps. Its kit includes Globex Maps.");
  CHECK(has_relation(s, "Globex", RT::kDevelops, "Globex Maps"));
  CHECK_FALSE(has_relation(s, "Acme", RT::kDevelops, "Globex Maps"));
  // A product named after no other company stays the topic's.
  CHECK(has_relation(
      graph_of(rules,
               "Acme sells phones. Acme is busy. Globex is small. Its kit includes Tiny Maps."),
      "Acme", RT::kDevelops, "Tiny Maps"));
}

TEST_CASE("document rules: a team listed under a heading belongs to the heading's team") {
  const std::string rules = rule_file(R"json(
    "entity_rules": [
      {"id": "team", "pattern": [{"regex": "[가-힣]+(팀|실)", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}}],
    "document_rules": [
      {"id": "outline", "kind": "outline", "types": ["Team"], "relation": "part_of", "confidence": 0.6}])json");
  const KnowledgeGraph g = graph_of(rules,
                                    "조직 개편 안내\n\n플랫폼실\n- 인프라팀: 클러스터 운영\n\n- "
                                    "데이터팀\n\n제품실 (실장 김하늘)\n- 앱팀\n");
  CHECK(has_relation(g, "인프라팀", RT::kPartOf, "플랫폼실"));
  CHECK(has_relation(g, "데이터팀", RT::kPartOf, "플랫폼실"));
  CHECK(has_relation(g, "앱팀", RT::kPartOf, "제품실"));
  CHECK(test::relation(g, "앱팀", RT::kPartOf, "제품실").evidence.front().rule == "outline");
  CHECK_FALSE(has_relation(g, "앱팀", RT::kPartOf, "플랫폼실"));
  // Not under a sentence of prose, nor a team that does not open its item.
  CHECK(graph_of(rules, "플랫폼실은 바쁘다.\n- 인프라팀: 운영\n").relation_count() == 0);
  CHECK(graph_of(rules, "플랫폼실\n- 운영은 인프라팀이 맡는다\n").relation_count() == 0);
}

TEST_CASE("document rules: a sentence that leads into a list stands for its heading") {
  const std::string rules = rule_file(R"json(
    "entity_rules": [
      {"id": "team", "pattern": [{"regex": "[가-힣]+(팀|실)", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}}],
    "document_rules": [
      {"id": "outline", "kind": "outline", "types": ["Team"], "relation": "part_of",
       "lead_in": ["다음", "following"], "confidence": 0.6}])json");
  // The last sentence of the line above the list, with a lead-in word or a colon: the first
  // team it names, wherever it stands in the sentence.
  const KnowledgeGraph g = graph_of(
      rules, "올해 제품실을 만든다. 새 제품실 아래에 다음 두 팀을 둔다.\n- 앱팀: 모바일\n- 웹팀\n");
  CHECK(has_relation(g, "앱팀", RT::kPartOf, "제품실"));
  CHECK(has_relation(g, "웹팀", RT::kPartOf, "제품실"));
  CHECK(has_relation(graph_of(rules, "올해 바쁘다. 제품실이 맡는 팀은 이렇다:\n- 앱팀\n"), "앱팀",
                     RT::kPartOf, "제품실"));
  // Not a sentence without either, nor an earlier sentence of the line.
  CHECK(graph_of(rules, "제품실을 만든다. 두 팀을 둔다.\n- 앱팀\n").relation_count() == 0);
  CHECK(graph_of(rules, "다음 달 제품실을 만든다. 두 팀을 둔다.\n- 앱팀\n").relation_count() == 0);
  // A numbered section's line over bulleted items is their heading, not one more item: the
  // sentence above it leads into no list of theirs.
  CHECK(
      graph_of(rules, "새 제품실 아래에 다음 두 팀을 둔다.\n1. 일정\n- 앱팀\n").relation_count() ==
      0);
  // Without lead-in words only a heading counts, as before.
  const std::string plain = rule_file(R"json(
    "entity_rules": [
      {"id": "team", "pattern": [{"regex": "[가-힣]+(팀|실)", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}}],
    "document_rules": [
      {"id": "outline", "kind": "outline", "types": ["Team"], "relation": "part_of", "confidence": 0.6}])json");
  CHECK(graph_of(plain, "새 제품실 아래에 다음 두 팀을 둔다.\n- 앱팀\n").relation_count() == 0);
}

TEST_CASE("document rules: who leads or belongs to a team works where the team belongs") {
  const std::string rules = rule_file(R"json(
    "gazetteer": [{"name": "Ada Obi", "type": "Person"}, {"name": "Tom Park", "type": "Person"},
                  {"name": "Ledger", "type": "Team"}, {"name": "Payments", "type": "Team"},
                  {"name": "Search", "type": "Team"}, {"name": "Initech", "type": "Organization"}],
    "relation_rules": [
      {"id": "leads", "pattern": [{"ent": "Person", "capture": "p"}, {"text": "leads"},
                                  {"ent": "Team", "capture": "t"}],
       "relation": "leads", "source": "p", "target": "t"},
      {"id": "member", "pattern": [{"ent": "Person", "capture": "p"}, {"text": "joined"},
                                   {"ent": "Team", "capture": "t"}],
       "relation": "member_of", "source": "p", "target": "t"},
      {"id": "part", "pattern": [{"ent": "Team", "capture": "t"}, {"text": "is"}, {"text": "in"},
                                 {"ent": ["Team", "Organization"], "capture": "o"}],
       "relation": "part_of", "source": "t", "target": "o"}],
    "document_rules": [
      {"id": "unit", "kind": "unit_member", "types": ["Person"], "relation": "works_at",
       "confidence": 0.5}])json");
  // Through the team's parent team, for a lead and for a member.
  const KnowledgeGraph g = graph_of(rules,
                                    "Ada Obi leads Ledger. Tom Park joined Ledger. Ledger is in "
                                    "Payments. Payments is in Initech.");
  CHECK(has_relation(g, "Ada Obi", RT::kWorksAt, "Initech"));
  CHECK(has_relation(g, "Tom Park", RT::kWorksAt, "Initech"));
  CHECK(test::relation(g, "Ada Obi", RT::kWorksAt, "Initech").evidence.front().rule == "unit");
  // Not through a team that belongs to no organization the document states.
  CHECK_FALSE(
      has_relation(graph_of(rules, "Ada Obi leads Search. Initech is big. Search is in Payments."),
                   "Ada Obi", RT::kWorksAt, "Initech"));
}

TEST_CASE("relation rules: a search for the unit a head's title heads") {
  // The head word written onto a unit's name comes from the pack's name_endings.
  const std::string rules = rule_file(R"json(
    "name_endings": {"endings": ["씨"], "initials": ["박"], "titles": ["대표"], "heads": ["장"]},
    "entity_rules": [
      {"id": "unit", "pattern": [{"regex": "[가-힣]+(팀|실|본부)", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}},
      {"id": "person", "pattern": [{"regex": "[김하][가-힣]{2}", "capture": "n"}], "entity": {"capture": "n", "type": "Person"}}],
    "relation_rules": [{"id": "head", "pattern": [
      {"text": ["실장", "본부장", "팀장", "리드"], "particle": ["은", "는", "에"], "capture": "h"},
      {"ent": "Person", "capture": "p"}, {"starts": ["맡", "선임"]}],
      "relation": "leads", "source": "p",
      "target": {"find": ["Team"], "scope": "sentence", "head_of": "h", "else": "$previous"}}])json");
  // The unit whose name ends in the titled unit, not the subject nearer to the title.
  const KnowledgeGraph g = graph_of(rules, "결제팀은 결제실로 바뀌고, 실장은 하도겸이 맡는다.");
  CHECK(has_relation(g, "하도겸", RT::kLeads, "결제실"));
  CHECK_FALSE(has_relation(g, "하도겸", RT::kLeads, "결제팀"));
  // Through the previous sentence's subject too, and only when it is such a unit.
  CHECK(has_relation(graph_of(rules, "보안본부가 생긴다. 본부장에 김노을이 선임된다."), "김노을",
                     RT::kLeads, "보안본부"));
  CHECK(graph_of(rules, "보안팀이 생긴다. 본부장에 김노을이 선임된다.").relation_count() == 0);
  // The unit the title heads in the sentence before, whatever its particle.
  CHECK(has_relation(graph_of(rules, "사람들은 결제실로 옮긴다. 실장은 하도겸이 맡는다."), "하도겸",
                     RT::kLeads, "결제실"));
  // A title without 장 narrows nothing.
  CHECK(has_relation(graph_of(rules, "보안팀이 생긴다. 리드는 김노을이 맡는다."), "김노을",
                     RT::kLeads, "보안팀"));
}

TEST_CASE("document rules: orphans to and from the topic organization") {
  const std::string rules = rule_file(R"(
    "entity_rules": [
      {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}},
      {"id": "app", "pattern": [{"text": "앱"}, {"shape": "capitalized", "capture": "n"}],
       "entity": {"capture": "n", "type": "Product"}}],
    "relation_rules": [{"id": "team-of", "pattern": [{"ent": "Organization", "particle": "의", "capture": "o"}, {"ent": "Team", "capture": "t"}],
      "relation": "part_of", "source": "t", "target": "o"}],
    "document_rules": [
      {"id": "team-orphan", "kind": "orphan", "types": ["Team"], "relation": "part_of", "direction": "to_topic", "confidence": 0.5},
      {"id": "new-product", "kind": "orphan", "types": ["Product"], "relation": "develops", "direction": "from_topic",
       "unlisted_only": true, "confidence": 0.4}])");
  const KnowledgeGraph g = graph_of(rules,
                                    "에이크미 소식\n에이크미는 바쁘다. 안전팀도 바쁘다. 글로벡스의 "
                                    "검색팀도 있다. 앱 Chirp도 나왔다. 코멧도 있다.");
  CHECK(has_relation(g, "안전팀", RT::kPartOf, "Acme"));
  const Relation& team = test::relation(g, "안전팀", RT::kPartOf, "Acme");
  CHECK(team.confidence == doctest::Approx(0.5));
  CHECK(team.evidence.front().rule == "team-orphan");
  // A team with an organization of its own is no orphan.
  CHECK(has_relation(g, "검색팀", RT::kPartOf, "Globex"));
  CHECK_FALSE(has_relation(g, "검색팀", RT::kPartOf, "Acme"));
  // An unlisted product goes to the topic; a gazetteer product does not.
  CHECK(has_relation(g, "Acme", RT::kDevelops, "Chirp"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kDevelops, "Comet"));
  CHECK(g.relation_count() == 3);
  SUBCASE("an organization named as where someone came from is no other owner") {
    const KnowledgeGraph from =
        graph_of(rules,
                 "에이크미 소식\n에이크미는 바쁘다. 보안팀은 글로벡스 출신 직원이 이끈다. "
                 "운영팀은 글로벡스 직원과 일한다.");
    CHECK(has_relation(from, "보안팀", RT::kPartOf, "Acme"));
    CHECK_FALSE(has_relation(from, "운영팀", RT::kPartOf, "Acme"));
    // Nor one after "from", also a later member of the list it opens.
    const KnowledgeGraph english = graph_of(
        rules,
        "Acme news\nAcme is busy. 보안팀 is led by Ada, who came to us from Globex and Initech. "
        "운영팀 works with Globex.");
    CHECK(has_relation(english, "보안팀", RT::kPartOf, "Acme"));
    CHECK_FALSE(has_relation(english, "운영팀", RT::kPartOf, "Acme"));
  }
  SUBCASE("a team after a possessor in lower case is that unnamed owner's") {
    const KnowledgeGraph owned = graph_of(
        rules,
        "Acme news\nAcme is busy. The city's 보안팀 is busy. Harrowgate's 운영팀 is too. Our "
        "안전팀 helps.");
    CHECK_FALSE(has_relation(owned, "보안팀", RT::kPartOf, "Acme"));
    CHECK(has_relation(owned, "운영팀", RT::kPartOf, "Acme"));
    CHECK(has_relation(owned, "안전팀", RT::kPartOf, "Acme"));
  }
  SUBCASE("no topic, no orphan relations") {
    const KnowledgeGraph none = graph_of(rules, "안전팀이 바쁘다.\n\n에이크미도 있다.");
    CHECK(none.relation_count() == 0);
  }
  SUBCASE("an orphan named under one item of a roundup is that item's organization's") {
    const KnowledgeGraph digest =
        graph_of(rules,
                 "이번 주 인사\n\n임원 이동이 잦다. 주요 인사를 모았다.\n\n◆에이크미, 새 CTO "
                 "선임\n에이크미는 CTO를 뽑고 안전팀을 "
                 "만들었다.\n\n◆글로벡스, 새 CFO 선임\n글로벡스는 CFO를 뽑았다.\n\n◆이니텍, 새 "
                 "COO 선임\n이니텍은 COO를 뽑았다.\n");
    CHECK(has_relation(digest, "안전팀", RT::kPartOf, "Acme"));
    CHECK_FALSE(has_relation(digest, "안전팀", RT::kPartOf, "Globex"));
  }
}

TEST_CASE("document rules: an orphan in a first-person document, with unless words") {
  const std::string rules = rule_file(R"(
    "entity_rules": [
      {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}},
      {"id": "our-team", "pattern": [{"text": "저희"}, {"text": "팀", "capture": "n"}],
       "entity": {"capture": "n", "type": "Team", "refers": true}}],
    "document_rules": [
      {"id": "voice", "kind": "orphan", "types": ["Tool"], "relation": "uses", "direction": "from_topic",
       "first_person": {"words": ["저희", "우리"], "min": 3}, "unless": ["검토"], "confidence": 0.4}])");
  const std::string own =
      "에이크미 블로그\n에이크미 검색팀입니다. 저희 팀은 바쁩니다. 저희는 일합니다. ";
  // Three first-person words: the team they stand for uses the tools no rule gave a user,
  // but not one the writers only weighed.
  const KnowledgeGraph g = graph_of(rules, own + "우리는 Kafka로 옮겼습니다. Rust도 검토했습니다.");
  CHECK(has_relation(g, "검색팀", RT::kUses, "Kafka"));
  CHECK(test::relation(g, "검색팀", RT::kUses, "Kafka").evidence.front().rule == "voice");
  CHECK_FALSE(has_relation(g, "검색팀", RT::kUses, "Rust"));
  CHECK_FALSE(has_relation(g, "Acme", RT::kUses, "Kafka"));
  // Without 저희 팀, the team the document names first is the one writing.
  const KnowledgeGraph lead =
      graph_of(rules,
               "에이크미 블로그\n에이크미 검색팀 김하늘입니다. 저희는 바쁩니다. 우리는 일합니다. "
               "저희는 Kafka로 옮겼습니다.");
  CHECK(has_relation(lead, "검색팀", RT::kUses, "Kafka"));
  // Two are too few: not a first-person document.
  CHECK(graph_of(rules,
                 "에이크미 블로그\n에이크미 검색팀입니다. 저희 팀은 바쁩니다. Kafka로 옮겼습니다.")
            .relation_count() == 0);
}

TEST_CASE("relation action: $previous for a person's post takes the company an investor backed") {
  const std::string rules = rule_file(R"(
    "relation_rules": [
      {"id": "led", "pattern": [{"ent": "Organization", "capture": "a", "anchor": "start"},
                                {"text": "led"}],
       "relation": "invests_in", "source": "a",
       "target": {"find": ["Organization"], "scope": "sentence", "side": "before", "else": "$previous"}},
      {"id": "ceo", "pattern": [{"text": "ceo", "anchor": "start"}, {"ent": "Person", "capture": "p"}],
       "relation": "leads", "source": "p",
       "target": {"find": ["Organization"], "scope": "sentence", "else": "$previous"}}])");
  const KnowledgeGraph g =
      graph_of(rules, "Acme raised money. Globex led. CEO Jane Roe says hiring starts now.");
  CHECK(has_relation(g, "Globex", RT::kInvestsIn, "Acme"));
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kLeads, "Globex"));
  // The one company that sentence says the investor backed is the chief's.
  CHECK(has_relation(g, "Jane Roe", RT::kLeads, "Acme"));
  // An opener that invested in nothing is the chief's company.
  CHECK(has_relation(graph_of(rules, "Globex hired. CEO Jane Roe says so."), "Jane Roe", RT::kLeads,
                     "Globex"));
}

TEST_CASE("document rules: a first-named team of another organization is not the writers") {
  const std::string rules = rule_file(R"(
    "gazetteer": [{"name": "Search group", "type": "Team"}],
    "relation_rules": [
      {"id": "at", "pattern": [{"ent": "Team", "capture": "t"}, {"text": "at"},
                               {"ent": "Organization", "capture": "o"}],
       "relation": "part_of", "source": "t", "target": "o"}],
    "document_rules": [
      {"id": "voice", "kind": "orphan", "types": ["Tool"], "relation": "uses", "direction": "from_topic",
       "first_person": {"words": ["we"], "min": 3}, "confidence": 0.4}])");
  const std::string rest = " Acme grew. We ship. We test. We moved to Kafka.";
  // The team the article names first speaks for "we"...
  const KnowledgeGraph own =
      graph_of(rules, "Acme profile\nAcme hired Jane Roe, who ran the Search group." + rest);
  CHECK(has_relation(own, "Search group", RT::kUses, "Kafka"));
  // ... unless a sentence makes it a unit of another organization: where she was before.
  const KnowledgeGraph before = graph_of(
      rules, "Acme profile\nAcme hired Jane Roe, who ran the Search group at Globex." + rest);
  CHECK(has_relation(before, "Acme", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(before, "Search group", RT::kUses, "Kafka"));
}

TEST_CASE("document rules: a voice rule's unless words count in the heading over a list") {
  const std::string voice = R"(
    "document_rules": [
      {"id": "voice", "kind": "orphan", "types": ["Tool"], "relation": "uses", "direction": "from_topic",
       "first_person": {"words": ["we"], "min": 3}, "confidence": 0.4, "unless": ["sponsors"]}])";
  const std::string head = "Acme news\nAcme grew. Acme is glad. We ship. We test. We write.\n\n";
  // The items under a heading of sponsors are not the writers' stack ...
  const KnowledgeGraph listed =
      graph_of(rule_file(voice), head + "Our sponsors\n\n- Kafka\n- Rust\n\nOur stack\n- Python");
  CHECK_FALSE(has_relation(listed, "Acme", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(listed, "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(listed, "Acme", RT::kUses, "Python"));
  // ... nor is the heading read over a paragraph between them, which ends the list.
  const KnowledgeGraph prose =
      graph_of(rule_file(voice), head + "Our sponsors\nThey fund us every month.\n- Kafka");
  CHECK(has_relation(prose, "Acme", RT::kUses, "Kafka"));
  // A rule of no voice reads only the sentence.
  const std::string plain = R"(
    "document_rules": [
      {"id": "orphan", "kind": "orphan", "types": ["Tool"], "relation": "uses", "direction": "from_topic",
       "confidence": 0.4, "unless": ["sponsors"]}])";
  CHECK(has_relation(graph_of(rule_file(plain), head + "Our sponsors\n\n- Kafka"), "Acme",
                     RT::kUses, "Kafka"));
}

TEST_CASE("document rules: a team the topic holds as an orphan places no one") {
  const std::string rules = rule_file(R"json(
    "gazetteer": [{"name": "Ada Obi", "type": "Person"}, {"name": "Search", "type": "Team"}],
    "relation_rules": [
      {"id": "leads", "pattern": [{"ent": "Person", "capture": "p"}, {"text": "leads"},
                                  {"ent": "Team", "capture": "t"}],
       "relation": "leads", "source": "p", "target": "t"}],
    "document_rules": [
      {"id": "orphan", "kind": "orphan", "types": ["Team"], "relation": "part_of",
       "direction": "to_topic", "confidence": 0.5},
      {"id": "unit", "kind": "unit_member", "types": ["Person"], "relation": "works_at",
       "confidence": 0.5}])json");
  // The team is the topic's for want of another owner; where its lead works is left unsaid.
  const KnowledgeGraph g = graph_of(rules, "Initech is big. Initech grows. Ada Obi leads Search.");
  CHECK(has_relation(g, "Search", RT::kPartOf, "Initech"));
  CHECK_FALSE(has_relation(g, "Ada Obi", RT::kWorksAt, "Initech"));
  // A sentence that names the team with the organization still places its people.
  const KnowledgeGraph both =
      graph_of(rules, "Initech is big. Initech grows. Ada Obi leads Search. Search, Initech.");
  CHECK(has_relation(both, "Ada Obi", RT::kWorksAt, "Initech"));
}

TEST_CASE("overlaps: the longest span wins over a higher priority") {
  const std::string rules = rule_file(R"("entity_rules": [
    {"id": "short", "priority": 50, "pattern": [{"text": "zeta", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}},
    {"id": "long", "pattern": [{"text": "zeta", "capture": "n"}, {"text": "beam", "capture": "m"}],
     "entity": {"capture": "n", "through": "m", "type": "Product"}},
    {"id": "labs", "pattern": [{"ent": "Organization", "capture": "n"}, {"text": "labs", "capture": "m"}],
     "entity": {"capture": "n", "through": "m", "type": "Organization"}}])");
  const KnowledgeGraph g = graph_of(rules, "Zeta Beam ships. Acme Labs builds it.");
  CHECK(has_entity(g, "Zeta Beam", ET::kProduct));
  CHECK_FALSE(g.find("Zeta", ET::kTool).has_value());
  // A rule's longer name beats the gazetteer's (priority 100) shorter one.
  CHECK(has_entity(g, "Acme Labs", ET::kOrganization));
  CHECK_FALSE(g.find("Acme", ET::kOrganization).has_value());
}

TEST_CASE("overlaps: for equal spans the higher priority wins, then the earliest") {
  const std::string rules = rule_file(R"("entity_rules": [
    {"id": "low", "priority": 1, "pattern": [{"text": "omega", "capture": "n"}], "entity": {"capture": "n", "type": "Product"}},
    {"id": "high", "priority": 5, "pattern": [{"text": "omega", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}},
    {"id": "first", "pattern": [{"text": "zeta", "capture": "n"}, {"text": "nova", "capture": "m"}],
     "entity": {"capture": "n", "through": "m", "type": "Tool"}},
    {"id": "second", "pattern": [{"text": "nova", "capture": "n"}, {"text": "beam", "capture": "m"}],
     "entity": {"capture": "n", "through": "m", "type": "Product"}}])");
  const KnowledgeGraph g = graph_of(rules, "Omega runs. Zeta Nova Beam runs.");
  CHECK(has_entity(g, "Omega", ET::kTool));
  CHECK_FALSE(g.find("Omega", ET::kProduct).has_value());
  CHECK(has_entity(g, "Zeta Nova", ET::kTool));
  CHECK_FALSE(g.find("Nova Beam", ET::kProduct).has_value());
}

TEST_CASE("overlaps: no mention lies inside or across another") {
  const std::string rules = rule_file(R"("entity_rules": [
    {"id": "pair", "pattern": [{"shape": "capitalized", "min": 2, "max": 2, "capture": "n"}], "entity": {"capture": "n", "type": "Product"}},
    {"id": "one", "priority": 9, "pattern": [{"shape": "capitalized", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])");
  const std::string text = "we saw Zeta Nova Beam Kite and Jane Roe today";
  const KnowledgeGraph g = graph_of(rules, text);
  std::vector<Span> spans;
  for (EntityId id = 0; id < g.entity_count(); ++id) {
    for (const Mention& m : g.entity(id).mentions) {
      spans.push_back(m.bytes);
    }
  }
  REQUIRE(spans.size() >= 3);
  std::sort(spans.begin(), spans.end());
  for (std::size_t i = 1; i < spans.size(); ++i) {
    CHECK(spans[i - 1].end <= spans[i].begin);
  }
  CHECK(has_entity(g, "Jane Roe", ET::kPerson));
  CHECK(has_entity(g, "Zeta Nova", ET::kProduct));
  CHECK(has_entity(g, "Beam Kite", ET::kProduct));
}

TEST_CASE("overlaps: a unit of three words or more does not start with a person's name") {
  const std::string rules = rule_file(R"("entity_rules": [
    {"id": "unit", "pattern": [{"script": "hangul", "min": 1, "max": 3, "capture": "n"},
     {"text": "부문", "capture": "cue"}], "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "person", "pattern": [{"regex": "강[가-힣]{2}", "capture": "n"}, {"script": "hangul"},
     {"text": "부문장"}], "entity": {"capture": "n", "type": "Person"}}])");
  const KnowledgeGraph g =
      graph_of(rules, "강서준 커스토머 부문 소속이다. 강서준 커스토머 부문장이 말했다.");
  CHECK(has_entity(g, "강서준", ET::kPerson));
  CHECK(has_entity(g, "커스토머 부문", ET::kTeam));
  CHECK_FALSE(has_entity(g, "강서준 커스토머 부문", ET::kTeam));
}

TEST_CASE("overlaps: a unit of three words or more does not start inside a person's name") {
  const std::string rules = rule_file(R"("entity_rules": [
    {"id": "unit", "pattern": [{"script": "hangul", "min": 2, "max": 2, "capture": "n"},
     {"text": "부문", "capture": "cue"}], "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "given", "pattern": [{"text": ["케빈"], "capture": "n"}, {"script": "hangul", "capture": "s"}],
     "entity": {"capture": "n", "through": "s", "type": "Person"}}])");
  const KnowledgeGraph g = graph_of(rules, "케빈 양 머신러닝 부문 이사가 말했다.");
  CHECK(has_entity(g, "케빈 양", ET::kPerson));
  CHECK_FALSE(has_entity(g, "양 머신러닝 부문", ET::kTeam));
}

TEST_CASE("overlaps: a unit that starts with an organization's name is the unit after it") {
  const std::string rules = rule_file(R"("entity_rules": [
    {"id": "unit", "pattern": [{"script": "hangul", "min": 1, "max": 2, "capture": "n"},
     {"text": "본부", "capture": "cue"}], "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "platform", "pattern": [{"text": "플랫폼"}, {"text": "그림마루", "capture": "n"}],
     "entity": {"capture": "n", "type": "Organization"}}])");
  const KnowledgeGraph g = graph_of(
      rules, "웹툰 플랫폼 그림마루가 왔다. 그림마루 사업 본부는 작고, 기획 전략 본부는 크다.");
  CHECK(has_entity(g, "그림마루", ET::kOrganization));
  CHECK(has_entity(g, "사업 본부", ET::kTeam));
  CHECK_FALSE(has_entity(g, "그림마루 사업 본부", ET::kTeam));
  CHECK(has_entity(g, "기획 전략 본부", ET::kTeam));
}

TEST_CASE("overlaps: a company's name and a staff word name its people, not a unit") {
  const std::string entity_rules = R"("entity_rules": [
    {"id": "bought", "pattern": [{"text": "bought"}, {"shape": "capitalized", "capture": "n"}],
     "entity": {"capture": "n", "type": "Organization"}},
    {"id": "company-ko", "pattern": [{"text": "누리페이", "capture": "n"}],
     "entity": {"capture": "n", "type": "Organization"}},
    {"id": "team", "pattern": [{"shape": "capitalized", "capture": "n"},
     {"text": "team", "capture": "cue"}], "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "team-ko", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
     "entity": {"capture": "n", "type": "Team"}}])";
  const std::string text =
      "Acme bought Brindle. The Brindle team moved and the Payments team stayed. 누리페이는 작다. "
      "누리페이팀은 작다. 결제팀은 크다.";
  const KnowledgeGraph g =
      graph_of(rule_file(R"("layout": {"staff_words": ["team", "팀"]}, )" + entity_rules), text);
  CHECK(has_entity(g, "Brindle", ET::kOrganization));
  CHECK_FALSE(has_entity(g, "Brindle team", ET::kTeam));
  CHECK_FALSE(has_entity(g, "누리페이팀", ET::kTeam));
  CHECK(has_entity(g, "Payments team", ET::kTeam));
  CHECK(has_entity(g, "결제팀", ET::kTeam));
  // A company's first word is its name too: "the Gloam team" of "Gloam Works".
  const std::string full = rule_file(R"("layout": {"staff_words": ["team"]}, "entity_rules": [
    {"id": "works", "pattern": [{"shape": "capitalized", "capture": "n"}, {"text": "Works",
     "capture": "s"}], "entity": {"capture": "n", "through": "s", "type": "Organization"}},
    {"id": "team", "pattern": [{"shape": "capitalized", "capture": "n"},
     {"text": "team", "capture": "cue"}], "entity": {"capture": "n", "through": "cue", "type": "Team"}}])");
  const KnowledgeGraph first = graph_of(full, "Gloam Works makes games. Posted by the Gloam team.");
  CHECK(has_entity(first, "Gloam Works", ET::kOrganization));
  CHECK_FALSE(has_entity(first, "Gloam team", ET::kTeam));
  CHECK(has_entity(graph_of(full, "Gloam Works makes games. The Audio team hired."), "Audio team",
                   ET::kTeam));
  // Without the layout's words, they are teams.
  const KnowledgeGraph plain = graph_of(rule_file(entity_rules), text);
  CHECK(has_entity(plain, "Brindle team", ET::kTeam));
  CHECK(has_entity(plain, "누리페이팀", ET::kTeam));
}

TEST_CASE("entities: a team named with its unit word is also called without it") {
  const std::string entity_rules = R"("entity_rules": [
    {"id": "team", "pattern": [{"shape": "capitalized", "min": 1, "max": 2, "capture": "n"},
     {"text": ["team", "group"], "capture": "cue"}],
     "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "lower", "pattern": [{"text": "data", "capture": "n"}, {"text": "team", "capture": "cue"}],
     "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "bare", "pattern": [{"text": "joined"}, {"shape": "capitalized", "min": 1, "max": 2,
     "capture": "n"}, {"text": "."}], "entity": {"capture": "n", "type": "Team"}}])";
  const std::string text =
      "The Billing Core team hired. Ada joined Billing Core. Later, Maps group and the data team "
      "met.";
  const KnowledgeGraph g = graph_of(
      rule_file(R"("layout": {"unit_suffixes": ["team", "group"]}, )" + entity_rules), text);
  const auto core = g.find("Billing Core team", ET::kTeam);
  REQUIRE(core);
  CHECK(g.entity(*core).aliases == std::vector<std::string>{"Billing Core"});
  CHECK(g.entity(*core).mention_count == 2);
  const auto maps = g.find("Maps group", ET::kTeam);
  REQUIRE(maps);
  CHECK(g.entity(*maps).aliases == std::vector<std::string>{"Maps"});
  CHECK(has_entity(g, "data team", ET::kTeam));
  CHECK_FALSE(has_entity(g, "data", ET::kTeam));
  // Without the layout's words, the two forms are two teams.
  const KnowledgeGraph plain = graph_of(rule_file(entity_rules), text);
  CHECK(has_entity(plain, "Billing Core team", ET::kTeam));
  CHECK(has_entity(plain, "Billing Core", ET::kTeam));
}

TEST_CASE("entities: a team named with an alias suffix is called without it, not found by it") {
  const std::string rules = rule_file(R"("layout": {"alias_suffixes": ["team"]},
    "entity_rules": [
    {"id": "team", "pattern": [{"shape": "capitalized", "min": 2, "max": 2, "capture": "n"},
     {"text": "team", "capture": "cue"}],
     "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "unit", "pattern": [{"text": "unit"}, {"shape": "capitalized", "min": 2, "max": 2,
     "capture": "n"}], "entity": {"capture": "n", "type": "Team"}}])");
  const KnowledgeGraph g = graph_of(rules, "The Ledger Core team hired. Ledger Core shipped.");
  const auto core = g.find("Ledger Core team", ET::kTeam);
  REQUIRE(core);
  CHECK(g.entity(*core).aliases == std::vector<std::string>{"Ledger Core"});
  // The bare words name nothing.
  CHECK(g.entity(*core).mention_count == 1);
  CHECK(g.entity_count() == 1);
  // A team a rule found by the short form is the same team.
  const KnowledgeGraph moved =
      graph_of(rules, "The Ledger Core team hired. Ada moved to unit Ledger Core.");
  CHECK(moved.entity_count() == 1);
}

TEST_CASE("entities: a Hangul team name with an alias suffix is one team with the bare name") {
  const std::string rules = rule_file(R"("layout": {"alias_suffixes": ["팀"]},
    "entity_rules": [
    {"id": "spaced", "pattern": [{"regex": "[가-힣]{2,6}", "capture": "n"},
     {"text": "팀", "particle": ["이"], "capture": "cue"}],
     "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "quoted", "pattern": [{"text": "팀"}, {"text": "'"}, {"any": true, "capture": "n"},
     {"text": "'"}], "entity": {"capture": "n", "type": "Team"}}])");
  const KnowledgeGraph g = graph_of(rules, "대상은 팀 '별똥별'이다. 별똥별 팀이 상을 받았다.");
  const auto team = g.find("별똥별", ET::kTeam);
  REQUIRE(team);
  CHECK(g.entity_count() == 1);
  // Without the suffix the two forms are two teams.
  const KnowledgeGraph plain = graph_of(rule_file(R"("entity_rules": [
    {"id": "spaced", "pattern": [{"regex": "[가-힣]{2,6}", "capture": "n"},
     {"text": "팀", "particle": ["이"], "capture": "cue"}],
     "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "quoted", "pattern": [{"text": "팀"}, {"text": "'"}, {"any": true, "capture": "n"},
     {"text": "'"}], "entity": {"capture": "n", "type": "Team"}}])"),
                                        "대상은 팀 '별똥별'이다. 별똥별 팀이 상을 받았다.");
  CHECK(has_entity(plain, "별똥별 팀", ET::kTeam));
  CHECK(plain.entity_count() == 2);
}

TEST_CASE("entities: a team named with its unit word is named again without it") {
  const std::string rules = rule_file(R"("layout": {"unit_suffixes": ["team"]},
    "entity_rules": [
    {"id": "team", "pattern": [{"shape": "capitalized", "min": 2, "max": 2, "capture": "n"},
     {"text": "team", "capture": "cue"}],
     "entity": {"capture": "n", "through": "cue", "type": "Team"}},
    {"id": "one", "pattern": [{"text": "our"}, {"shape": "capitalized", "capture": "n"},
     {"text": "team", "capture": "cue"}],
     "entity": {"capture": "n", "through": "cue", "type": "Team"}}],
    "relation_rules": [{"id": "led", "pattern": [{"ent": "Team", "capture": "t"},
     {"text": "is"}, {"text": "led"}, {"text": "by"}, {"shape": "capitalized", "capture": "p"}],
     "relation": "leads", "source": "p", "target": "t"}])");
  const KnowledgeGraph g =
      graph_of(rules,
               "Meet the Billing Core team. Billing Core is led by Ada. In our Growth team, Growth "
               "is led by Bo.");
  const auto core = g.find("Billing Core team", ET::kTeam);
  REQUIRE(core);
  CHECK(g.entity(*core).mention_count == 2);
  // One word alone is too common a word to be the team's name wherever it is written.
  CHECK(g.entity_count() == 2);
}

TEST_CASE("overlaps: a company word inside a team's name names no company of the document") {
  const std::string rules = rule_file(R"("layout": {"staff_words": ["team"]},
    "entity_rules": [
    {"id": "company", "pattern": [{"shape": "capitalized", "capture": "n"},
     {"text": "Analytics", "capture": "w"}], "entity": {"capture": "n", "through": "w",
     "type": "Organization"}},
    {"id": "team", "pattern": [{"shape": "capitalized", "min": 1, "max": 2, "capture": "n"},
     {"text": "team", "capture": "cue"}],
     "entity": {"capture": "n", "through": "cue", "type": "Team"}}])");
  CHECK(has_entity(graph_of(rules, "The Quota Analytics team moved."), "Quota Analytics team",
                   ET::kTeam));
  // Named elsewhere, the company's team is its staff.
  const KnowledgeGraph g =
      graph_of(rules, "We bought Quota Analytics. The Quota Analytics team moved.");
  CHECK_FALSE(has_entity(g, "Quota Analytics team", ET::kTeam));
  CHECK(has_entity(g, "Quota Analytics", ET::kOrganization));
}

TEST_CASE("short names: words for the one named last count a part of a name as naming") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "pronoun",
      "pattern": [{"text": ["he", "she"], "anchor": "start", "capture": "n"}],
      "entity": {"capture": "n", "type": "Person", "refers": "previous"}}],
      "relation_rules": [{"id": "joined", "pattern": [{"ent": "Person", "capture": "p"},
        {"text": "joined"}, {"ent": "Organization", "capture": "o"}],
       "relation": "works_at", "source": "p", "target": "o"}])");
  const KnowledgeGraph g =
      graph_of(rules, "Jane Roe met John Doe. Roe spoke first. She joined Acme in May.");
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(g, "John Doe", RT::kWorksAt, "Acme"));
}

TEST_CASE("short names: a surname several people share is the one named last, if alone there") {
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "full", "pattern": [{"regex": "정[가-힣]{2}", "capture": "n"}, {"text": ["대표", "이사"]}],
         "entity": {"capture": "n", "type": "Person"}},
        {"id": "short", "pattern": [{"text": ["정"], "capture": "n"}, {"text": ["대표", "이사"]}],
         "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "join", "pattern": [
        {"ent": "Person", "capture": "p"}, {"text": ["이사"], "particle": ["은", "는"]},
        {"ent": "Organization", "particle": ["에"], "capture": "o"}, {"starts": "합류"}],
        "relation": "works_at", "source": "p", "target": "o"}])");
  const KnowledgeGraph last =
      graph_of(rules, "정하늘 대표가 왔다. 정도윤 이사가 왔다. 정 이사는 에이크미에 합류했다.");
  CHECK(has_relation(last, "정도윤", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(last, "정하늘", RT::kWorksAt, "Acme"));
  // Two of them in one sentence: the surname stands for neither.
  const KnowledgeGraph both =
      graph_of(rules, "정하늘 대표와 정도윤 이사가 왔다. 정 이사는 에이크미에 합류했다.");
  CHECK(both.relation_count() == 0);
  // Nor for one named more than two sentences before.
  const KnowledgeGraph far = graph_of(rules,
                                      "정하늘 대표가 왔다. 정도윤 이사가 왔다. 비가 왔다. 눈이 "
                                      "왔다. 정 이사는 에이크미에 합류했다.");
  CHECK(far.relation_count() == 0);
}

TEST_CASE(
    "short names: an English surname a rule finds after a title is the person named in full") {
  const std::string rules = rule_file(R"(
      "gazetteer": [{"name": "Ada Roe", "type": "Person"}, {"name": "Lin Su", "type": "Person"}],
      "entity_rules": [{"id": "honorific", "pattern": [{"text": ["mr", "ms"]}, {"text": "."},
        {"shape": "capitalized", "capture": "n"}], "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "joined", "pattern": [{"ent": "Person", "capture": "p"},
        {"text": "joined"}, {"ent": "Organization", "capture": "o"}],
       "relation": "works_at", "source": "p", "target": "o"}])");
  const KnowledgeGraph one = graph_of(rules, "Jane Roe spoke. Ms. Roe joined Acme in May.");
  CHECK(has_relation(one, "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_entity(one, "Roe", ET::kPerson));
  // So is a surname of two letters.
  const KnowledgeGraph two = graph_of(rules, "Lin Su spoke. Ms. Su joined Acme in May.");
  CHECK(has_relation(two, "Lin Su", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_entity(two, "Su", ET::kPerson));
  // A surname two people share is the one named in full most often, twice or more.
  const KnowledgeGraph most = graph_of(
      rules, "Jane Roe spoke. Jane Roe is 40. Her sister, Ada Roe, came. Ms. Roe joined Acme.");
  CHECK(has_relation(most, "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(most, "Ada Roe", RT::kWorksAt, "Acme"));
  // Named as often, it is neither.
  const KnowledgeGraph tie =
      graph_of(rules, "Jane Roe spoke. Ada Roe came. Ms. Roe joined Acme in May.");
  CHECK_FALSE(has_relation(tie, "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(tie, "Ada Roe", RT::kWorksAt, "Acme"));
}

TEST_CASE("short names: a surname waits for a full name that a later pass finds") {
  // The full name needs the company, which the first pass finds; the surname, in the next
  // sentence, is found in the first pass and fits no one until then.
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "company", "pattern": [{"regex": "[가-힣]+소프트", "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization"}},
        {"id": "full", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"},
          {"ent": "Organization"}, {"text": ["대표"]}], "entity": {"capture": "n", "type": "Person"}},
        {"id": "short", "pattern": [{"text": ["김"], "capture": "n"}, {"text": ["대표"]}],
         "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "join", "pattern": [
        {"ent": "Person", "capture": "p"}, {"text": ["대표"], "particle": ["은", "는"]},
        {"ent": "Organization", "particle": ["에"], "capture": "o"}, {"starts": "합류"}],
        "relation": "works_at", "source": "p", "target": "o"}])");
  const KnowledgeGraph g =
      graph_of(rules, "김하람 가온소프트 대표가 말했다. 김 대표는 누리소프트에 합류했다.");
  CHECK(has_entity(g, "김하람", ET::kPerson));
  CHECK(has_relation(g, "김하람", RT::kWorksAt, "누리소프트"));
  CHECK_FALSE(has_entity(g, "김", ET::kPerson));
}

TEST_CASE("short names: only a name that wins its overlaps is named before a short form") {
  // 김앤장 is read as a person and as a company; the company wins, so "그는" has no person to
  // stand for.
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "firm", "priority": 90, "pattern": [{"regex": "[가-힣]+앤장", "capture": "n"}],
         "entity": {"capture": "n", "type": "Organization"}},
        {"id": "person", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"}, {"text": ["변호사"]}],
         "entity": {"capture": "n", "type": "Person"}},
        {"id": "he", "pattern": [{"text": ["그"], "particle": ["는"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Person", "refers": "previous"}}],
      "relation_rules": [{"id": "join", "pattern": [
        {"ent": "Person", "capture": "p"}, {"ent": "Organization", "particle": ["에"], "capture": "o"},
        {"starts": "합류"}], "relation": "works_at", "source": "p", "target": "o"}])");
  const KnowledgeGraph g = graph_of(rules, "김앤장 변호사가 왔다. 그는 에이크미에 합류했다.");
  CHECK(has_entity(g, "김앤장", ET::kOrganization));
  CHECK_FALSE(has_entity(g, "김앤장", ET::kPerson));
  CHECK(g.relation_count() == 0);
  // A person who wins the place is.
  const KnowledgeGraph named = graph_of(rules, "김하람 변호사가 왔다. 그는 에이크미에 합류했다.");
  CHECK(has_relation(named, "김하람", RT::kWorksAt, "Acme"));
}

TEST_CASE("short names: a surname is not the reporter of a byline after it") {
  const std::string rules = rule_file(R"("layout": {"byline_markers": ["기자"]},
      "entity_rules": [
        {"id": "full", "pattern": [{"regex": "정[가-힣]{2}", "capture": "n"}, {"text": ["기자", "대표"]}],
         "entity": {"capture": "n", "type": "Person"}},
        {"id": "short", "pattern": [{"text": ["정"], "capture": "n"}, {"text": ["대표"]}],
         "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "join", "pattern": [
        {"ent": "Person", "capture": "p"}, {"text": ["대표"], "particle": ["는"]},
        {"ent": "Organization", "particle": ["에"], "capture": "o"}, {"starts": "합류"}],
        "relation": "works_at", "source": "p", "target": "o"}])");
  const KnowledgeGraph byline = graph_of(rules, "정 대표는 에이크미에 합류했다.\n정하늘 기자");
  CHECK_FALSE(has_relation(byline, "정하늘", RT::kWorksAt, "Acme"));
  // Someone named after the surname elsewhere, as in a lede, still is.
  const KnowledgeGraph lede =
      graph_of(rules, "정 대표는 에이크미에 합류했다. 정하늘 대표가 말했다.");
  CHECK(has_relation(lede, "정하늘", RT::kWorksAt, "Acme"));
}

TEST_CASE("relation rule: first_person runs a rule only in a document in the writer's voice") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "stack",
      "pattern": [{"ent": "Tool", "capture": "t", "particle": ["를"]}, {"starts": "써"}],
      "relation": "uses", "source": "$topic", "target": "t",
      "first_person": {"words": ["저희"], "endings": ["니다"], "min": 3}}])");
  // News, in the plain form: no one's stack.
  const KnowledgeGraph news =
      graph_of(rules, "에이크미는 신제품을 냈다. 행사에서는 Kafka를 써 시연했다.");
  CHECK(news.relation_count() == 0);
  // A post in the polite form: the words and the endings count together.
  const KnowledgeGraph post =
      graph_of(rules, "에이크미 블로그입니다. 저희는 Kafka를 써 왔습니다. 오늘 소개합니다.");
  CHECK(has_relation(post, "Acme", RT::kUses, "Kafka"));
  // Two are not enough.
  const KnowledgeGraph short_post =
      graph_of(rules, "에이크미 블로그입니다. 에이크미는 Kafka를 써 왔습니다.");
  CHECK(short_post.relation_count() == 0);
}

TEST_CASE("relation action: a unit head's bare title leads no company the person works at") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "lab",
      "pattern": [{"text": "Vision", "capture": "n"}, {"text": "Lab", "capture": "c"}],
      "entity": {"capture": "n", "through": "c", "type": "Team"}}],
      "relation_rules": [
      {"id": "heads", "pattern": [{"ent": "Person", "capture": "p"}, {"text": ","},
       {"text": "head"}, {"text": "of"}, {"ent": "Team", "capture": "t"}],
       "relation": "leads", "source": "p", "target": "t"},
      {"id": "at", "pattern": [{"ent": "Person", "capture": "p"}, {"any": true, "min": 0, "max": 5},
       {"text": "at"}, {"ent": "Organization", "capture": "o"}],
       "relation": "works_at", "source": "p", "target": "o"},
      {"id": "bare", "pattern": [{"text": "Director"}, {"ent": "Person", "capture": "p"}],
       "relation": "leads", "source": "p", "target": "$topic"}])");
  const KnowledgeGraph g = graph_of(rules,
                                    "Acme grows. Acme hires.\n\nJane Roe, head of Vision Lab at "
                                    "Acme, spoke. Director Jane Roe smiled.");
  CHECK(has_relation(g, "Jane Roe", RT::kLeads, "Vision Lab"));
  CHECK(has_relation(g, "Jane Roe", RT::kWorksAt, "Acme"));
  CHECK_FALSE(has_relation(g, "Jane Roe", RT::kLeads, "Acme"));
  // Without a unit the person heads, the title is read against the topic.
  const KnowledgeGraph plain = graph_of(
      rules, "Acme grows. Acme hires.\n\nJane Roe at Acme spoke. Director Jane Roe smiled.");
  CHECK(has_relation(plain, "Jane Roe", RT::kLeads, "Acme"));
}

TEST_CASE("relation rule: yields false keeps a searched end beside one stated with another") {
  auto rules = [](const std::string& yields) {
    return rule_file(
        R"("entity_rules": [{"id": "person", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"}],
         "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [
        {"id": "former", "pattern": [{"ent": "Person", "capture": "p"}, {"text": ["전"]},
          {"ent": "Organization", "capture": "o"}, {"text": ["부사장"]}],
         "relation": "works_at", "source": "p", "target": "o"},
        {"id": "hired", "pattern": [{"ent": "Person", "capture": "p"}, {"any": true, "min": 0, "max": 4},
          {"starts": "영입"}], "relation": "works_at", "source": "p",
         "target": {"find": ["Organization"], "scope": "sentence", "particle": ["는"]})" +
        yields + "}]");
  };
  const std::string text = "에이크미는 김하람 전 글로벡스 부사장을 CTO로 영입했다.";
  const KnowledgeGraph yielding = graph_of(rules(""), text);
  CHECK(has_relation(yielding, "김하람", RT::kWorksAt, "Globex"));
  CHECK_FALSE(has_relation(yielding, "김하람", RT::kWorksAt, "Acme"));
  const KnowledgeGraph kept = graph_of(rules(R"(, "yields": false)"), text);
  CHECK(has_relation(kept, "김하람", RT::kWorksAt, "Globex"));
  CHECK(has_relation(kept, "김하람", RT::kWorksAt, "Acme"));
}

TEST_CASE("relation rule: a former post makes no other relation give way") {
  auto rules = [](const std::string& former) {
    return rule_file(
        R"("entity_rules": [{"id": "person", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"}],
         "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [
        {"id": "worked", "pattern": [{"ent": "Person", "capture": "p"},
          {"any": true, "min": 0, "max": 1}, {"ent": "Organization", "particle": ["에서"],
          "capture": "o"}, {"starts": "일했"}],
         "relation": "works_at", "source": "p", "target": "o")" +
        former + R"(},
        {"id": "officer", "pattern": [{"ent": "Person", "capture": "p"}, {"text": ["이사"]}],
         "relation": "works_at", "source": "p",
         "target": {"find": ["Organization"], "scope": "sentence",
                    "particle": ["은", "는", "이", "가"], "else": "$topic"}}])");
  };
  // In the same sentence, and read against the topic in another.
  const std::string same =
      "에이크미는 커졌다. 에이크미는 뽑았다. 김하람 이사는 글로벡스에서 일했다.";
  const std::string later =
      "에이크미는 커졌다. 에이크미는 뽑았다. 김하람은 글로벡스에서 일했다. 김하람 이사가 왔다.";
  for (const std::string& text : {same, later}) {
    CAPTURE(text);
    const KnowledgeGraph current = graph_of(rules(""), text);
    CHECK(has_relation(current, "김하람", RT::kWorksAt, "Globex"));
    CHECK_FALSE(has_relation(current, "김하람", RT::kWorksAt, "Acme"));
    const KnowledgeGraph past = graph_of(rules(R"(, "former": true)"), text);
    CHECK(has_relation(past, "김하람", RT::kWorksAt, "Globex"));
    CHECK(has_relation(past, "김하람", RT::kWorksAt, "Acme"));
  }
}

TEST_CASE("relation action: making and using yield to each other only in the same words") {
  const std::string rules = rule_file(R"("relation_rules": [
      {"id": "own", "pattern": [{"ent": "Organization", "particle": ["의"], "capture": "o"},
        {"ent": "Tool", "capture": "t"}], "relation": "develops", "source": "o", "target": "t"},
      {"id": "runs", "pattern": [{"ent": "Tool", "particle": ["을", "를"], "capture": "t"},
        {"starts": "운영하"}, {"ent": "Organization", "capture": "o"}],
       "relation": "develops", "source": "o", "target": "t"},
      {"id": "use", "pattern": [{"ent": "Tool", "particle": ["을", "를"], "capture": "t"},
        {"starts": ["활용", "운영"]}], "relation": "uses", "target": "t",
       "source": {"find": ["Organization"], "scope": "sentence"}}])");
  const KnowledgeGraph other = graph_of(rules, "에이크미는 글로벡스의 Kafka를 활용한다.");
  CHECK(has_relation(other, "Globex", RT::kDevelops, "Kafka"));
  CHECK(has_relation(other, "Acme", RT::kUses, "Kafka"));
  const KnowledgeGraph same = graph_of(rules, "Kafka를 운영하는 글로벡스와 에이크미가 만났다.");
  CHECK(has_relation(same, "Globex", RT::kDevelops, "Kafka"));
  CHECK_FALSE(has_relation(same, "Acme", RT::kUses, "Kafka"));
}

TEST_CASE("relation action: a search before the match passes over a company with another's title") {
  const std::string rules = rule_file(R"("name_endings": {"endings": ["인"], "initials": ["김"],
      "titles": ["대표", "CTO"]},
      "relation_rules": [{"id": "role",
      "pattern": [{"ent": "Person", "capture": "p"}, {"text": ["대표", "CTO"]}],
      "relation": "works_at", "source": "p",
      "target": {"find": ["Organization"], "scope": "sentence", "side": "before"}}])");
  // A post someone held, then more words: not the company of the person after them.
  CHECK(graph_of(rules, "글로벡스 대표를 거쳐 지난해 Jane Roe 대표가 취임했다.").relation_count() ==
        0);
  CHECK_FALSE(has_relation(graph_of(rules, "회의에는 글로벡스 대표, Jane Roe CTO가 왔다."),
                           "Jane Roe", RT::kWorksAt, "Globex"));
  // The title right before the person is the person's own.
  CHECK(has_relation(graph_of(rules, "글로벡스 대표인 Jane Roe 대표가 말했다."), "Jane Roe",
                     RT::kWorksAt, "Globex"));
  // Without the title, the company before is the one searched for.
  CHECK(has_relation(graph_of(rules, "글로벡스에서 지난해 Jane Roe 대표가 취임했다."), "Jane Roe",
                     RT::kWorksAt, "Globex"));
}

TEST_CASE("relation action: a search before the match takes a subject with its title") {
  const std::string rules = rule_file(R"("name_endings": {"endings": ["인"], "initials": ["김"],
      "titles": ["대표", "CTO"]},
      "relation_rules": [{"id": "works", "pattern": [
        {"ent": "Organization", "particle": ["에서"], "capture": "o"}, {"starts": "일한"}],
      "relation": "works_at", "source": {"find": ["Person"], "side": "before"}, "target": "o"}])");
  // The title bears the subject's particle: the person is the one the sentence is about.
  CHECK(has_relation(graph_of(rules, "Jane Roe 대표는 지금 새 회사인 글로벡스에서 일한다."),
                     "Jane Roe", RT::kWorksAt, "Globex"));
  // A post someone held, then more words, still names another.
  CHECK(graph_of(rules, "Jane Roe 대표를 만난 뒤 나는 글로벡스에서 일한다.").relation_count() == 0);
}

TEST_CASE("relation action: an investor the sentence names is not the company invested in") {
  const std::string rules =
      rule_file(R"("gazetteer": [{"name": "Umbrella", "type": "Organization"}],
      "relation_rules": [
      {"id": "led", "pattern": [{"ent": "Organization", "list": true, "capture": "i"},
        {"text": "led"}], "relation": "invests_in", "source": "i",
       "target": {"find": ["Organization"], "scope": "sentence", "else": "$topic"}},
      {"id": "backing", "pattern": [{"text": "backing"}, {"text": "from"},
        {"ent": "Organization", "list": true, "capture": "i"}], "relation": "invests_in",
       "source": "i", "target": {"find": ["Organization"], "scope": "sentence", "else": "$topic"}},
      {"id": "bought", "pattern": [{"ent": "Organization", "capture": "b"}, {"text": "bought"},
        {"ent": "Organization", "capture": "t"}], "relation": "acquires", "source": "b",
       "target": "t"},
      {"id": "deal", "pattern": [{"ent": "Organization", "capture": "b"}, {"text": "closed"},
        {"text": "the"}, {"text": "deal"}], "relation": "acquires", "source": "b",
       "target": {"find": ["Organization"], "scope": "sentence"}}])");
  const KnowledgeGraph g =
      graph_of(rules,
               "Acme news\n\nAcme raised money. Globex led the round, with backing from "
               "Initech.");
  CHECK_FALSE(has_relation(g, "Initech", RT::kInvestsIn, "Globex"));
  // Where two readings of one pair compete, the one that loses still names an investor: in
  // the backing, Initech invests in Globex, which its search found; in the lead, Globex invests
  // in Initech, the nearest after it.
  const KnowledgeGraph both =
      graph_of(rules,
               "Acme news\n\nAcme raised money. Globex led the round, with backing from Umbrella "
               "and Initech.");
  CHECK_FALSE(has_relation(both, "Globex", RT::kInvestsIn, "Initech"));
  CHECK_FALSE(has_relation(both, "Initech", RT::kInvestsIn, "Globex"));
  // A buyer the same words name is no company bought either.
  const KnowledgeGraph bought =
      graph_of(rules, "Initech closed the deal after Globex bought Acme.");
  CHECK(has_relation(bought, "Globex", RT::kAcquires, "Acme"));
  CHECK_FALSE(has_relation(bought, "Initech", RT::kAcquires, "Globex"));
}

TEST_CASE("relation action: a unit a person heads does not make the searched company yield") {
  const std::string rules = rule_file(R"(
      "entity_rules": [
        {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
         "entity": {"capture": "n", "type": "Team"}},
        {"id": "person", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"}],
         "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [
        {"id": "head", "pattern": [{"ent": "Person", "capture": "p"}, {"ent": "Team", "capture": "t"},
          {"text": ["팀장"]}], "relation": "leads", "source": "p", "target": "t"},
        {"id": "new", "pattern": [{"text": ["신임"]}, {"text": ["CTO"], "particle": ["로는"]},
          {"ent": "Person", "capture": "p"}], "relation": "leads", "source": "p",
         "target": {"find": ["Organization"], "scope": "sentence", "side": "before",
                    "else": "$previous"}}])");
  const KnowledgeGraph g =
      graph_of(rules, "에이크미는 CTO를 교체했다. 신임 CTO로는 김하늘 검색팀 팀장이 임명됐다.");
  CHECK(has_relation(g, "김하늘", RT::kLeads, "검색팀"));
  CHECK(has_relation(g, "김하늘", RT::kLeads, "Acme"));
}

TEST_CASE("relation action: a product as the subject keeps the topic out of a search") {
  const std::string rules = rule_file(R"("gazetteer": [{"name": "Zapp", "type": "Product",
      "aliases": ["재프"]}],
      "relation_rules": [{"id": "pact", "pattern": [{"ent": "Organization", "capture": "o",
        "particle": ["와", "과"]}, {"text": ["협약"]}], "relation": "partners_with",
       "source": {"find": ["Organization"], "scope": "sentence", "else": "$topic"},
       "target": "o"}])");
  const std::string topic = "에이크미 소식\n\n에이크미는 성장했다. ";
  CHECK_FALSE(has_relation(graph_of(rules, topic + "재프는 글로벡스와 협약을 맺었다."), "Acme",
                           RT::kPartnersWith, "Globex"));
  // A subject that names no entity leaves the topic as the one acting.
  CHECK(has_relation(graph_of(rules, topic + "이 회사는 글로벡스와 협약을 맺었다."), "Acme",
                     RT::kPartnersWith, "Globex"));
  // Nor does a product that is not the subject.
  CHECK(has_relation(graph_of(rules, topic + "재프를 두고 글로벡스와 협약을 맺었다."), "Acme",
                     RT::kPartnersWith, "Globex"));
}

TEST_CASE("relation action: a search's subject brings the members listed before it") {
  const std::string rules = rule_file(R"(
      "entity_rules": [{"id": "person", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"}],
        "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "capture": "t",
        "particle": ["를"]}, {"starts": ["도입"]}], "relation": "uses",
       "source": {"find": ["Organization", "Person"], "scope": "sentence"}, "target": "t"},
       {"id": "pact", "pattern": [{"ent": "Tool", "particle": ["를"]}, {"text": ["두고"]},
        {"ent": "Organization", "capture": "o", "particle": ["와", "과"]}, {"starts": ["협력"]}],
        "relation": "partners_with",
        "source": {"find": ["Organization"], "scope": "sentence"}, "target": "o"}])");
  const KnowledgeGraph listed = graph_of(rules, "에이크미, 이니텍, 글로벡스가 Kafka를 도입했다.");
  CHECK(has_relation(listed, "Acme", RT::kUses, "Kafka"));
  CHECK(has_relation(listed, "Initech", RT::kUses, "Kafka"));
  CHECK(has_relation(listed, "Globex", RT::kUses, "Kafka"));
  const KnowledgeGraph paired = graph_of(rules, "에이크미와 글로벡스가 Kafka를 도입했다.");
  CHECK(has_relation(paired, "Acme", RT::kUses, "Kafka"));
  CHECK(has_relation(paired, "Globex", RT::kUses, "Kafka"));
  // A person joined by 와 acts with the company; only the subject is searched for.
  const KnowledgeGraph mixed = graph_of(rules, "김하늘과 에이크미가 Kafka를 도입했다.");
  CHECK_FALSE(has_relation(mixed, "김하늘", RT::kUses, "Kafka"));
  CHECK(has_relation(mixed, "Acme", RT::kUses, "Kafka"));
  // A symmetric relation keeps its one subject: the pair before it is how partners are named.
  const KnowledgeGraph pact =
      graph_of(rules, "이니텍, 에이크미는 Kafka를 두고 글로벡스와 협력한다.");
  CHECK(has_relation(pact, "Acme", RT::kPartnersWith, "Globex"));
  CHECK_FALSE(has_relation(pact, "Initech", RT::kPartnersWith, "Globex"));
}

TEST_CASE("relation action: a search reads the particle on the title after a person's name") {
  const std::string rules = rule_file(R"("name_endings": {"endings": ["인"], "initials": ["김"],
        "titles": ["님", "씨", "대표"], "heads": ["장"]},
      "entity_rules": [{"id": "person", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"}],
        "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "years", "pattern": [{"ent": "Organization", "capture": "o",
        "particle": ["에서"]}, {"starts": ["일했"]}], "relation": "works_at",
       "source": {"find": ["Person"], "scope": "clause", "particle": ["은", "는"]},
       "target": "o"}])");
  CHECK(has_relation(graph_of(rules, "김하늘 님은 에이크미에서 일했다."), "김하늘", RT::kWorksAt,
                     "Acme"));
  CHECK(has_relation(graph_of(rules, "김하늘 씨는 에이크미에서 일했다."), "김하늘", RT::kWorksAt,
                     "Acme"));
  CHECK(has_relation(graph_of(rules, "김하늘 대표는 에이크미에서 일했다."), "김하늘", RT::kWorksAt,
                     "Acme"));
  // A person who opens a list item is its topic.
  CHECK(has_relation(graph_of(rules, "소개\n\n• 김하늘 (검색팀) — 에이크미에서 일했다."), "김하늘",
                     RT::kWorksAt, "Acme"));
  CHECK(graph_of(rules, "소개\n\n• 어제 김하늘 (검색팀) — 에이크미에서 일했다.").relation_count() ==
        0);
  // Not across a quotation: the speaker is not the subject of what is quoted.
  CHECK(graph_of(rules, "김하늘 대표는 “친구는 에이크미에서 일했다”고 말했다.").relation_count() ==
        0);
  // Only a title: another word after the name carries its own particle.
  CHECK(graph_of(rules, "김하늘 책은 에이크미에서 일했다.").relation_count() == 0);
  // A word after any other name carries its own particle.
  CHECK(graph_of(rules, "이니텍 책은 에이크미에서 일했다.").relation_count() == 0);
}

TEST_CASE("relation action: a search passes over where a person came from") {
  const std::string rules = rule_file(R"(
      "entity_rules": [{"id": "person", "pattern": [{"regex": "김[가-힣]{2}", "capture": "n"}],
        "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "founder", "pattern": [{"text": ["공동창업자"]},
        {"ent": "Person", "capture": "p"}], "relation": "founded", "source": "p",
       "target": {"find": ["Organization"], "scope": "sentence", "particle": ["", "은", "는"],
                  "else": "$topic"}}])");
  const auto g = [&](const std::string& body) {
    return graph_of(rules, "에이크미 소식\n에이크미는 바쁘다. " + body);
  };
  const KnowledgeGraph described = g("공동창업자 김하늘은 글로벡스 앱을 만든 개발자 출신이다.");
  CHECK(has_relation(described, "김하늘", RT::kFounded, "Acme"));
  CHECK_FALSE(has_relation(described, "김하늘", RT::kFounded, "Globex"));
  CHECK_FALSE(
      has_relation(g("공동창업자 김하늘은 글로벡스 출신이다."), "김하늘", RT::kFounded, "Globex"));
  // 출신 in another sentence says nothing of this one's company.
  CHECK(has_relation(g("공동창업자 김하늘은 글로벡스 앱을 만든다. 이니텍은 창업자 출신이다."),
                     "김하늘", RT::kFounded, "Globex"));
}

TEST_CASE("relation action: in a product's release notes, $self is the product") {
  const std::string rules =
      uses_ko(R"({"find": ["Organization", "Product"], "scope": "sentence", "else": "$self"})");
  CHECK(has_relation(graph_of(rules, "코멧 v2.1.0 릴리스 노트\n\nRust를 사용한다."), "Comet",
                     RT::kUses, "Rust"));
  // Not without a version in the title: a review or a story about the product.
  CHECK(graph_of(rules, "코멧 릴리스 노트\n\nRust를 사용한다.").relation_count() == 0);
  // Nor where the notes are an organization's: its topic stands for it.
  CHECK(has_relation(
      graph_of(rules,
               "에이크미 코멧 v2.1 릴리스 노트\n\n에이크미는 코멧을 만든다. Rust를 사용한다."),
      "Acme", RT::kUses, "Rust"));
}

TEST_CASE("relation action: the subject of a clause a comma closed is not another clause's") {
  const std::string rules = rule_file(R"("layout": {"clause_endings": ["고"]},
      "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "particle": ["를"],
        "capture": "t"}, {"starts": "사용"}], "relation": "uses",
       "source": {"find": ["Organization"], "scope": "sentence"}, "target": "t"}])");
  // The match's clause has a subject of its own (no entity here): the earlier one is not it.
  CHECK(graph_of(rules, "소식\n\n이니텍이 행사를 후원하고 있고, 동호회는 Kafka를 사용한다.")
            .relation_count() == 0);
  // With none, the earlier subject stands for it.
  CHECK(has_relation(graph_of(rules, "소식\n\n이니텍이 행사를 후원하고 있고, Kafka를 사용한다."),
                     "Initech", RT::kUses, "Kafka"));
  // A topic (은/는) is the whole sentence's.
  CHECK(has_relation(
      graph_of(rules, "소식\n\n이니텍은 행사를 후원하고 있고, 동호회가 커지자 Kafka를 사용한다."),
      "Initech", RT::kUses, "Kafka"));
  // A topic no name stands for opens the sentence: it holds the later clause too.
  CHECK(graph_of(rules, "소식\n\n동호회는 이니텍이 후원하고 있고, Kafka를 사용한다.")
            .relation_count() == 0);
  // So with a person whose title carries the subject's particle.
  const std::string people = rule_file(R"("layout": {"clause_endings": ["고"]},
      "name_endings": {"endings": ["씨"], "initials": ["마"], "titles": ["교수"]},
      "entity_rules": [{"id": "p", "pattern": [{"text": "마하늘", "capture": "n"}],
        "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "particle": ["를"],
        "capture": "t"}, {"starts": "사용"}], "relation": "uses",
       "source": {"find": ["Person"], "scope": "sentence"}, "target": "t"}])");
  CHECK(graph_of(people, "소식\n\n연구실은 마하늘 교수가 세웠고, Kafka를 사용한다.")
            .relation_count() == 0);
  CHECK(has_relation(graph_of(people, "소식\n\n마하늘 교수가 연구실을 세웠고, Kafka를 사용한다."),
                     "마하늘", RT::kUses, "Kafka"));
  // An earlier clause whose topic is a person is that person's story: where the match's clause
  // has a subject of its own, nothing it names is searched.
  const std::string roles = rule_file(R"("layout": {"clause_endings": ["고"]},
      "name_endings": {"endings": ["씨"], "initials": ["마", "여"], "titles": ["교수", "이사"]},
      "entity_rules": [{"id": "p", "pattern": [{"text": ["마하늘", "여다온"], "capture": "n"}],
        "entity": {"capture": "n", "type": "Person"}}],
      "relation_rules": [{"id": "work", "pattern": [{"ent": "Person", "capture": "p"},
        {"text": "이사"}], "relation": "works_at", "source": "p",
       "target": {"find": ["Organization"], "scope": "sentence", "side": "before"}}])");
  CHECK(!has_relation(
      graph_of(roles, "소식\n\n마하늘 교수는 이니텍 연구소에서 일했고, 여다온 이사는 앱을 만든다."),
      "여다온", RT::kWorksAt, "Initech"));
  CHECK(has_relation(
      graph_of(roles, "소식\n\n이니텍은 연구소를 새로 열었고, 여다온 이사는 앱을 만든다."),
      "여다온", RT::kWorksAt, "Initech"));
  CHECK(has_relation(graph_of(roles,
                              "소식\n\n마하늘 교수는 이니텍 연구소에서 일했고, 여다온 이사"
                              "와 함께 앱을 만든다."),
                     "여다온", RT::kWorksAt, "Initech"));
}

TEST_CASE("relation rules: a Korean word glossed in Latin letters is the word, with its particle") {
  const std::string rules = rule_file(R"("entity_rules": [
      {"id": "p", "pattern": [{"text": "마하늘", "capture": "n"}], "entity": {"capture": "n", "type": "Person"}},
      {"id": "t", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}}],
      "relation_rules": [{"id": "lead", "pattern": [{"ent": "Person", "capture": "p"},
        {"text": "책임자", "particle": ["가"]}, {"starts": "이끄"}, {"ent": "Team", "capture": "t"}],
        "relation": "leads", "source": "p", "target": "t"}])");
  CHECK(has_relation(graph_of(rules, "소식\n\n마하늘 책임자(CISO)가 이끄는 보안팀이 바쁘다."),
                     "마하늘", RT::kLeads, "보안팀"));
  CHECK(has_relation(
      graph_of(rules, "소식\n\n마하늘 책임자(Chief Officer)가 이끄는 보안팀이 바쁘다."), "마하늘",
      RT::kLeads, "보안팀"));
}

TEST_CASE("relation search: \"we\" as the topic before the match keeps earlier subjects out") {
  const std::string rules = rule_file(R"("layout": {"we_words": ["우리", "저희"]},
      "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "particle": ["를"],
        "capture": "t"}, {"starts": "사용"}], "relation": "uses",
       "source": {"find": ["Organization"], "scope": "sentence"}, "target": "t"}])");
  CHECK(graph_of(rules, "소식\n\n이니텍이 행사를 여는 동안 저희는 Kafka를 사용했다.")
            .relation_count() == 0);
  CHECK(has_relation(graph_of(rules, "소식\n\n이니텍이 행사를 여는 동안 Kafka를 사용했다."),
                     "Initech", RT::kUses, "Kafka"));
}

TEST_CASE("relation units: a handle in parentheses joins the name before it") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "at", "pattern": [
      {"ent": "Person", "capture": "p"}, {"text": ","}, {"text": "engineer"}, {"text": "at"},
      {"ent": "Organization", "capture": "o"}], "relation": "works_at", "source": "p", "target": "o"}])");
  CHECK(has_relation(graph_of(rules, "Team\n\n- Jane Roe (@jroe), engineer at Globex\n"),
                     "Jane Roe", RT::kWorksAt, "Globex"));
  // Another parenthetical, spaced as English writes it, stays apart.
  CHECK_FALSE(has_relation(graph_of(rules, "Team\n\n- Jane Roe (Berlin), engineer at Globex\n"),
                           "Jane Roe", RT::kWorksAt, "Globex"));
}

TEST_CASE("relation search: a Korean maker written before its product is not the one acting") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "use", "pattern": [
      {"ent": "Tool", "particle": ["를"], "capture": "t"}, {"starts": "사용"}],
      "relation": "uses", "source": {"find": ["Organization"], "scope": "sentence"},
      "target": "t"}])");
  const KnowledgeGraph g =
      graph_of(rules, "소식\n\n시뮬레이션에는 에이크미 Python을, 학습에는 Kafka를 사용한다.");
  CHECK_FALSE(has_relation(g, "Acme", RT::kUses, "Kafka"));
  CHECK(has_relation(graph_of(rules, "소식\n\n에이크미가 Kafka를 사용한다."), "Acme", RT::kUses,
                     "Kafka"));
}

TEST_CASE("relation action: a Korean list member may open with a description") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "pact", "pattern": [
      {"ent": "Organization", "list": true, "particle": ["와", "과"], "capture": "o"},
      {"starts": ["협약"]}], "relation": "partners_with",
      "source": {"find": ["Organization"], "scope": "sentence", "particle": ["은", "는"]},
      "target": "o"}])");
  const KnowledgeGraph g =
      graph_of(rules, "소식\n\n에이크미는 글로벡스, 보안 스타트업 이니텍과 협약했다.");
  CHECK(has_relation(g, "Acme", RT::kPartnersWith, "Globex"));
  CHECK(has_relation(g, "Acme", RT::kPartnersWith, "Initech"));
  // Not a clause: a word with a particle ends the list.
  const KnowledgeGraph clause =
      graph_of(rules, "소식\n\n에이크미는 글로벡스, 보안에 강한 이니텍과 협약했다.");
  CHECK_FALSE(has_relation(clause, "Acme", RT::kPartnersWith, "Globex"));
  CHECK(has_relation(clause, "Acme", RT::kPartnersWith, "Initech"));
  // After 와/과, up to two words ending in the copula 인 may describe the next member.
  const KnowledgeGraph copula =
      graph_of(rules, "소식\n\n에이크미는 글로벡스와 오랜 고객사인 이니텍과 협약했다.");
  CHECK(has_relation(copula, "Acme", RT::kPartnersWith, "Globex"));
  CHECK(has_relation(copula, "Acme", RT::kPartnersWith, "Initech"));
  // Without 인 the words are no description of the member: the list ends.
  const KnowledgeGraph verb =
      graph_of(rules, "소식\n\n에이크미는 글로벡스와 오래 일한 이니텍과 협약했다.");
  CHECK_FALSE(has_relation(verb, "Acme", RT::kPartnersWith, "Globex"));
}

TEST_CASE("a catastrophically backtracking regex stops at its time limit, naming the rule") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "slow.regex",
      "pattern": [{"regex": "(a+)+b", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])");
  const Extractor ex = test::make_extractor(rules);
  const auto start = std::chrono::steady_clock::now();
  auto got = ex.extract({"d", "Zeta runs " + std::string(48, 'a') + "c now."});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(got.ok());
  CHECK(got.status().code() == ErrorCode::kTimeout);
  CHECK(got.status().message().find("slow.regex") != std::string::npos);
  CHECK(got.status().message().find("time limit") != std::string::npos);
  CHECK(got.status().where().file == "mem/r.json");
  CHECK(got.status().where().pointer == "/entity_rules/0");
  CHECK(elapsed < std::chrono::seconds(5));
  SUBCASE("in a relation rule too") {
    const Extractor rel =
        test::make_extractor(rule_file(R"("relation_rules": [{"id": "slow.relation",
        "pattern": [{"ent": "Tool", "capture": "t"}, {"regex": "(x+x+)+y"}],
        "relation": "uses", "source": "$topic", "target": "t"}])"));
    auto r = rel.extract({"d", "Kafka " + std::string(48, 'x')});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == ErrorCode::kTimeout);
    CHECK(r.status().where().pointer == "/relation_rules/0");
  }
}

TEST_CASE("a token longer than any name never reaches a regex") {
  const std::string rules = rule_file(R"("entity_rules": [{"id": "slow.regex",
      "pattern": [{"regex": "(a+)+b", "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])");
  auto got = test::make_extractor(rules).extract({"d", std::string(300, 'a') + "c"});
  CHECK(got.ok());
}

TEST_CASE("evidence and mention offsets quote the original text exactly") {
  const std::string rules = rule_file(R"("relation_rules": [{"id": "own",
      "pattern": [{"ent": "Organization", "particle": ["의"], "capture": "o"}, {"ent": "Product", "capture": "p"}],
      "relation": "develops", "source": "o", "target": "p"}])");
  // Jamo, full-width letters and a no-break space before and inside the sentence
  // make every normalised offset differ from the original one.
  const std::string sentence = "오늘\xC2\xA0" + kGlobexNfd + "의 Ｒｏｃｋｅｔ이 나왔다.";
  const std::string text = "ＡＢ 소식 " + kGlobexNfd + "\n" + sentence + "\n끝.";
  const KnowledgeGraph g = graph_of(rules, text);
  const Relation& r = test::relation(g, "Globex", RT::kDevelops, "Rocket");
  REQUIRE(r.evidence.size() == 1);
  const Evidence& ev = r.evidence.front();
  CHECK(ev.sentence == sentence);
  CHECK(text.substr(ev.bytes.begin, ev.bytes.end - ev.bytes.begin) == ev.sentence);
  CHECK(ev.chars.begin == count_code_points_utf8(text.substr(0, ev.bytes.begin)));
  CHECK(ev.chars.end - ev.chars.begin == count_code_points_utf8(sentence));
  CHECK(ev.document == "doc");

  const Entity& globex = g.entity(*g.find("Globex", ET::kOrganization));
  REQUIRE(globex.mentions.size() == 2);
  for (const Mention& m : globex.mentions) {
    CHECK(text.substr(m.bytes.begin, m.bytes.end - m.bytes.begin) == kGlobexNfd);
    CHECK(m.chars.end - m.chars.begin == 10);
    CHECK(m.chars.begin == count_code_points_utf8(text.substr(0, m.bytes.begin)));
  }
  const Entity& rocket = g.entity(*g.find("Rocket", ET::kProduct));
  REQUIRE(rocket.mentions.size() == 1);
  const Mention& m = rocket.mentions.front();
  CHECK(text.substr(m.bytes.begin, m.bytes.end - m.bytes.begin) == "Ｒｏｃｋｅｔ");
  CHECK(m.chars.end - m.chars.begin == 6);
}

// A character that normalisation removed (here a zero-width space between a
// name and its particle) stays outside the mention's bytes.
TEST_CASE("mention offsets leave out characters that normalisation removed") {
  const std::string text = "Acme는 Kafka\xE2\x80\x8B를 쓴다.";
  const KnowledgeGraph g = graph_of(rule_file(""), text);
  const auto kafka = g.find("Kafka", ET::kTool);
  REQUIRE(kafka);
  REQUIRE(g.entity(*kafka).mentions.size() == 1);
  const Mention& m = g.entity(*kafka).mentions.front();
  CHECK(text.substr(m.bytes.begin, m.bytes.end - m.bytes.begin) == "Kafka");
  CHECK(m.chars.end - m.chars.begin == 5);
}

TEST_CASE("offsets after a UTF-8 BOM count from the decoded text") {
  const std::string text =
      "\xEF\xBB\xBF"
      "Acme uses Kafka.";
  const KnowledgeGraph g = graph_of(rule_file(""), text);
  const Entity& kafka = g.entity(*g.find("Kafka", ET::kTool));
  REQUIRE(kafka.mentions.size() == 1);
  CHECK(kafka.mentions.front().bytes.begin == 10);
  CHECK(kafka.mentions.front().bytes.end == 15);
}

TEST_CASE("invalid UTF-8: a warning, or an error with strict") {
  const std::string text = "Acme uses Kafka.\xFF\n";
  const Extraction out = extract_with(rule_file(""), text);
  REQUIRE(out.warnings.size() == 1);
  CHECK(out.warnings[0].find("invalid UTF-8") != std::string::npos);
  CHECK(out.warnings[0].find("doc") != std::string::npos);
  CHECK(has_entity(out.graph, "Kafka", ET::kTool));
  ExtractOptions strict;
  strict.strict = true;
  auto failed = test::make_extractor(rule_file("")).extract({"doc", text}, strict);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().code() == ErrorCode::kParse);
  CHECK(failed.status().where().offset == 16);
  CHECK(failed.status().where().file == "doc");
}

TEST_CASE("binary input is skipped with a warning") {
  const Extraction out = extract_with(rule_file(""), std::string("Acme\0Kafka\0", 11));
  CHECK(out.skipped);
  CHECK(out.graph.entity_count() == 0);
  REQUIRE(out.warnings.size() == 1);
  CHECK(out.warnings[0].find("binary") != std::string::npos);
}

TEST_CASE("UTF-16 input is read like UTF-8") {
  const std::string utf8 = "Acme uses Kafka.";
  std::string utf16 = "\xFF\xFE";
  for (char c : utf8) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  const KnowledgeGraph g = graph_of(rule_file(""), utf16);
  CHECK(has_entity(g, "Acme", ET::kOrganization));
  CHECK(has_entity(g, "Kafka", ET::kTool));
}

TEST_CASE("options: explain fills the trace; min_confidence drops weak relations") {
  const std::string rules = rule_file(R"("relation_rules": [
    {"id": "weak", "confidence": 0.3, "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "tries"}, {"ent": "Tool", "capture": "t"}],
     "relation": "uses", "source": "o", "target": "t"},
    {"id": "strong", "confidence": 0.9, "pattern": [{"ent": "Organization", "capture": "o"}, {"text": "runs"}, {"ent": "Tool", "capture": "t"}],
     "relation": "uses", "source": "o", "target": "t"}])");
  const std::string text = "Acme tries Rust. Globex runs Kafka.";
  ExtractOptions explain;
  explain.explain = true;
  const Extraction traced = extract_with(rules, text, explain);
  bool entity_line = false;
  bool relation_line = false;
  for (const TraceLine& t : traced.trace) {
    entity_line = entity_line || (t.what == "entity Tool \"Kafka\"" && t.rule == "gazetteer" &&
                                  t.sentence == "Globex runs Kafka.");
    relation_line = relation_line || (t.what == "relation Globex uses Kafka" &&
                                      t.rule == "strong" && t.matched == "Globex runs Kafka");
  }
  CHECK(entity_line);
  CHECK(relation_line);
  CHECK(extract_with(rules, text).trace.empty());

  ExtractOptions strict_confidence;
  strict_confidence.min_confidence = 0.5;
  const Extraction filtered = extract_with(rules, text, strict_confidence);
  CHECK_FALSE(has_relation(filtered.graph, "Acme", RT::kUses, "Rust"));
  CHECK(has_relation(filtered.graph, "Globex", RT::kUses, "Kafka"));
  CHECK(has_relation(extract_with(rules, text).graph, "Acme", RT::kUses, "Rust"));
}

TEST_CASE("one extractor serves several threads at once") {
  const Extractor ex = test::make_extractor(uses_ko(R"({"find": ["Organization"]})"));
  const std::string text =
      "에이크미는 러스트, 파이썬과 Kafka를 사용한다. 글로벡스는 Comet을 사용한다.";
  std::vector<std::size_t> relations(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < relations.size(); ++t) {
    threads.emplace_back([&ex, &text, &relations, t] {
      for (int round = 0; round < 20; ++round) {
        auto got = ex.extract({"doc", text});
        relations[t] += got.ok() ? got.value().graph.relation_count() : 0;
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  for (std::size_t count : relations) {
    CHECK(count == 20 * 4);
  }
}

TEST_CASE("relation type table: tools compete with tools, not with companies") {
  CHECK(relation_allowed(RT::kCompetesWith, ET::kTool, ET::kTool));
  CHECK(relation_allowed(RT::kCompetesWith, ET::kOrganization, ET::kOrganization));
  CHECK_FALSE(relation_allowed(RT::kCompetesWith, ET::kTool, ET::kOrganization));
  CHECK_FALSE(relation_allowed(RT::kPartnersWith, ET::kTool, ET::kTool));
}

TEST_CASE("documents extracted one after another on a thread give what each gives alone") {
  // A thread keeps the rule filter's sentence buffers from one document for the next.
  const Extractor ex = test::make_extractor(uses_ko(R"({"find": ["Organization"]})"));
  const std::string many =
      "에이크미는 러스트, 파이썬과 Kafka를 사용한다. 글로벡스는 Rust·Python을 사용한다. "
      "이니텍은 Kafka 및 Comet을 사용한다.\n에이크미는 Comet을 사용한다.";
  const std::string few = "이니텍은 Rust를 사용한다.";
  const auto relations = [&](std::string_view text) {
    auto got = ex.extract({"doc", text});
    REQUIRE(got.ok());
    std::vector<std::string> out;
    const KnowledgeGraph& g = got.value().graph;
    for (const RelationView& r : g.relations()) {
      out.push_back(g.entity(r.source).name + " " + std::string(to_string(r.relation->type)) + " " +
                    g.entity(r.target).name + " " + r.relation->evidence.front().sentence);
    }
    return out;
  };
  // Alone: each on a thread of its own, whose buffers start empty.
  std::vector<std::string> many_alone;
  std::vector<std::string> few_alone;
  std::thread([&] { many_alone = relations(many); }).join();
  std::thread([&] { few_alone = relations(few); }).join();
  REQUIRE(many_alone.size() == 8);
  REQUIRE(few_alone.size() == 1);
  std::thread([&] {
    CHECK(relations(few) == few_alone);
    CHECK(relations(many) == many_alone);
    CHECK(relations(few) == few_alone);
    CHECK(relations(many) == many_alone);
  }).join();
}

TEST_CASE("Extractor::create needs a rule set") {
  auto ex = Extractor::create(nullptr);
  REQUIRE_FALSE(ex.ok());
  CHECK(ex.status().code() == ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace kgex
