// The rule index: which rules a sentence meets, from the word sets of its tokens and the
// types of its mentions, in the stage's order; and the rule orders of a whole rule set.
#include "extractor/match/rule_index.h"

#include <doctest/doctest.h>

#include <memory>
#include <span>
#include <vector>

#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

using Positions = std::vector<std::uint32_t>;

PatternNeeds words(std::vector<std::uint32_t> sets) {
  PatternNeeds n;
  n.word_sets = std::move(sets);
  return n;
}

PatternNeeds mentions(std::vector<TypeMask> masks) {
  PatternNeeds n;
  n.mentions = std::move(masks);
  return n;
}

// A sentence whose tokens hold these word sets, as the keys RuleIndex reads.
struct Sentence {
  std::vector<std::vector<std::uint32_t>> sets;
  SentenceAnalysis analysis;

  explicit Sentence(std::vector<std::vector<std::uint32_t>> token_sets)
      : sets(std::move(token_sets)) {
    for (const auto& s : sets) {
      analysis.filter.key_word_sets.emplace_back(s);
    }
  }
};

TEST_CASE("rule index: a sentence meets the rules whose key it holds, in the stage's order") {
  const TypeMask person = type_bit(EntityType::kPerson);
  const TypeMask org = type_bit(EntityType::kOrganization);
  const TypeMask tool = type_bit(EntityType::kTool);
  const auto person_or_org = static_cast<TypeMask>(person | org);
  // Rules 10..14 in the order they run: keyed by word set 3; by a person or an organization;
  // by nothing; by word set 1 (its first); by a tool (its narrowest mask).
  const std::vector<PatternNeeds> needs = {words({3}), mentions({person_or_org}), PatternNeeds{},
                                           words({1, 3}), mentions({kAllTypes, tool})};
  const RuleIndex index({10, 11, 12, 13, 14},
                        [&](std::uint32_t r) -> const PatternNeeds& { return needs[r - 10]; });
  CHECK(index.rules() == Positions{10, 11, 12, 13, 14});
  std::vector<std::uint64_t> bits;
  Positions out;

  const Sentence first({{1}, {}});
  index.candidates(first.analysis, person, bits, out);
  CHECK(out == Positions{1, 2, 3});

  const Sentence second({{7}, {3, 5}});
  index.candidates(second.analysis, tool, bits, out);
  CHECK(out == Positions{0, 2, 4});

  // Nothing held: only the rule that needs nothing.
  const Sentence none(std::vector<std::vector<std::uint32_t>>{{99}});
  index.candidates(none.analysis, 0, bits, out);
  CHECK(out == Positions{2});
}

TEST_CASE("rule index: a rule with no word set is keyed by its last affix set") {
  const TypeMask org = type_bit(EntityType::kOrganization);
  PatternNeeds acquires = mentions({org});  // an organization, then a word starting with 인수
  acquires.affix_sets = {2, 5};
  PatternNeeds worded = words({1});  // a word set keys the rule, whatever its affixes
  worded.affix_sets = {5};
  const std::vector<PatternNeeds> needs = {acquires, worded, mentions({org})};
  const RuleIndex index({0, 1, 2},
                        [&](std::uint32_t r) -> const PatternNeeds& { return needs[r]; });
  std::vector<std::uint64_t> bits;
  Positions out;
  Sentence with(std::vector<std::vector<std::uint32_t>>{{}});
  with.analysis.filter.affix_set_bits = {std::uint64_t{1} << 5};
  index.candidates(with.analysis, org, bits, out);
  CHECK(out == Positions{0, 2});
  // The organization alone no longer makes the first rule a candidate, nor its first affix set.
  Sentence without(std::vector<std::vector<std::uint32_t>>{{}});
  without.analysis.filter.affix_set_bits = {std::uint64_t{1} << 2};
  index.candidates(without.analysis, org, bits, out);
  CHECK(out == Positions{2});
  // A sentence whose affixes were never looked up meets none of them.
  const Sentence unlooked(std::vector<std::vector<std::uint32_t>>{{1}});
  index.candidates(unlooked.analysis, org, bits, out);
  CHECK(out == Positions{1, 2});
}

TEST_CASE("rule index: more rules than one word of bits, each met once") {
  std::vector<PatternNeeds> needs;
  std::vector<std::uint32_t> rules;
  for (std::uint32_t i = 0; i < 150; ++i) {
    needs.push_back(words({i % 3}));
    rules.push_back(i);
  }
  const RuleIndex index(rules, [&](std::uint32_t r) -> const PatternNeeds& { return needs[r]; });
  std::vector<std::uint64_t> bits;
  Positions out;
  const Sentence sentence({{2}, {2}, {0}});
  index.candidates(sentence.analysis, 0, bits, out);
  Positions expected;
  for (std::uint32_t i = 0; i < 150; ++i) {
    if (i % 3 != 1) {
      expected.push_back(i);
    }
  }
  CHECK(out == expected);
}

TEST_CASE("element numbering: elements that test a unit alike share a number") {
  Element hangul;
  hangul.test.script = Script::kHangul;
  Element optional_capture = hangul;  // quantifiers and captures test nothing on a unit
  optional_capture.min = 0;
  optional_capture.capture = 2;
  Element with_particle = hangul;
  with_particle.particle = std::make_shared<const WordSet>(WordSet{"는"});
  Element negating = hangul;
  negating.negated.push_back(std::make_shared<const Element>(with_particle));
  Element negating_too = hangul;
  negating_too.negated.push_back(std::make_shared<const Element>(with_particle));
  Element mention;
  mention.kind = ElementKind::kEntity;
  ElementNumbering numbering;
  CHECK(numbering.number(hangul) == 0);
  CHECK(numbering.number(optional_capture) == 0);
  CHECK(numbering.number(with_particle) == 1);
  CHECK(numbering.number(negating) == 2);
  CHECK(numbering.number(negating_too) == 2);
  CHECK(numbering.number(mention) == 3);
  CHECK(numbering.size() == 4);
}

TEST_CASE("rule order: entity rules by priority, then as written; relation rules as written") {
  const auto set = load_rules({test::memory_pack({{"r.json", test::rule_file(R"(
      "entity_rules": [
        {"id": "low", "lang": "ko", "pattern": [{"text": ["팀"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Team"}},
        {"id": "high", "priority": 5, "pattern": [{"text": ["랩"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Team"}},
        {"id": "mention", "lang": "en", "pattern": [{"ent": "Person"}, {"text": ["team"], "capture": "n"}],
         "entity": {"capture": "n", "type": "Team"}}],
      "relation_rules": [
        {"id": "a", "lang": "en", "pattern": [{"ent": "Person", "capture": "p"}, {"ent": "Team", "capture": "t"}],
         "relation": "member_of", "source": "p", "target": "t"},
        {"id": "b", "pattern": [{"ent": "Person", "capture": "p"}, {"text": ["of"]}, {"ent": "Team", "capture": "t"}],
         "relation": "member_of", "source": "p", "target": "t"}])")}})});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  const RuleSet& rules = *set.value();
  const RuleFilter filter(rules);
  const RuleOrder order(rules, filter);
  const auto ids = [](const auto& list, const auto& index) {
    std::vector<std::string> out;
    for (const std::uint32_t r : index.rules()) {
      out.push_back(list[r].id);
    }
    return out;
  };
  using Ids = std::vector<std::string>;
  CHECK(ids(rules.entity_rules, order.entity[static_cast<std::size_t>(Lang::kKo)]) ==
        Ids{"high", "low"});
  CHECK(ids(rules.entity_rules, order.entity[static_cast<std::size_t>(Lang::kEn)]) ==
        Ids{"high", "mention"});
  CHECK(ids(rules.relation_rules, order.relation[static_cast<std::size_t>(Lang::kEn)]) ==
        Ids{"a", "b"});
  CHECK(ids(rules.relation_rules, order.relation[static_cast<std::size_t>(Lang::kKo)]) == Ids{"b"});
  CHECK(order.entity_uses_mentions == std::vector<bool>{false, false, true});
  // Both relation rules begin with a person (their captures aside): they share its answers.
  // No two entity rules begin alike.
  const std::uint32_t unshared = UnitAnswers::kUnshared;
  CHECK(order.relation_first == std::vector<std::uint32_t>{0, 0});
  CHECK(order.relation_shared == 1);
  CHECK(order.entity_first == std::vector<std::uint32_t>{unshared, unshared, unshared});
  CHECK(order.entity_shared == 0);
}

}  // namespace
}  // namespace kgex
