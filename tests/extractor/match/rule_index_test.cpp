// The rule index: which rules a sentence meets, from the word, affix and particle sets and the
// mention types it holds, in the stage's order, each rule keyed by its rarest need; the counts
// of the needs in a rule set's examples; and the rule orders of a whole rule set.
#include "extractor/match/rule_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <utility>
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

// What a sentence holds, as RuleIndex reads it (RuleFilter::Facts::held).
struct Held {
  std::vector<std::uint64_t> word_bits;
  std::vector<std::uint64_t> affix_bits;
  std::vector<std::uint64_t> particle_bits;
  TypeMask types = 0;

  explicit Held(const std::vector<std::uint32_t>& word_sets,
                const std::vector<std::uint32_t>& affix_sets = {},
                const std::vector<std::uint32_t>& particle_sets = {}, TypeMask mention_types = 0)
      : types(mention_types) {
    for (const auto& [ids, bits] : {std::pair{&word_sets, &word_bits},
                                    {&affix_sets, &affix_bits},
                                    {&particle_sets, &particle_bits}}) {
      for (const std::uint32_t id : *ids) {
        bits->resize(std::max<std::size_t>(bits->size(), id / 64 + 1), 0);
        (*bits)[id / 64] |= std::uint64_t{1} << (id % 64);
      }
    }
  }
  HeldNeeds needs() const { return {word_bits, affix_bits, particle_bits, types}; }
};

TEST_CASE("rule index: a sentence meets the rules whose key it holds, in the stage's order") {
  const TypeMask person = type_bit(EntityType::kPerson);
  const TypeMask org = type_bit(EntityType::kOrganization);
  const TypeMask tool = type_bit(EntityType::kTool);
  const auto person_or_org = static_cast<TypeMask>(person | org);
  // Rules 10..14 in the order they run: keyed by word set 3; by a person or an organization;
  // by nothing; by word set 1 (its first: no counts tell them apart); by a tool (its narrowest
  // mask).
  const std::vector<PatternNeeds> needs = {words({3}), mentions({person_or_org}), PatternNeeds{},
                                           words({1, 3}), mentions({kAllTypes, tool})};
  const RuleIndex index({10, 11, 12, 13, 14},
                        [&](std::uint32_t r) -> const PatternNeeds& { return needs[r - 10]; });
  CHECK(index.rules() == Positions{10, 11, 12, 13, 14});
  std::vector<std::uint64_t> bits;
  Positions out;

  index.candidates(Held({1, 3}, {}, {}, person).needs(), bits, out);
  CHECK(out == Positions{0, 1, 2, 3});
  // Rule 13 also needs word set 3, its second key (see below).
  index.candidates(Held({1}, {}, {}, person).needs(), bits, out);
  CHECK(out == Positions{1, 2});

  index.candidates(Held({7, 3, 5}, {}, {}, tool).needs(), bits, out);
  CHECK(out == Positions{0, 2, 4});

  // Nothing held: only the rule that needs nothing.
  index.candidates(Held({99}).needs(), bits, out);
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
  index.candidates(Held({}, {2, 5}, {}, org).needs(), bits, out);
  CHECK(out == Positions{0, 2});
  // The organization alone no longer makes the first rule a candidate, nor its first affix set.
  index.candidates(Held({}, {2}, {}, org).needs(), bits, out);
  CHECK(out == Positions{2});
  // A sentence whose affixes were never looked up meets none of them: not the second rule either,
  // whose affix set is its second key.
  index.candidates(Held({1}, {}, {}, org).needs(), bits, out);
  CHECK(out == Positions{2});
  index.candidates(Held({1}, {5}, {}, org).needs(), bits, out);
  CHECK(out == Positions{1, 2});
}

TEST_CASE("rule index: a rule is keyed by its rarest need in the counts, and skipped without it") {
  // Rule 0 needs word sets 0 and 1 and particle set 2; rule 1 word set 0 and particle set 2.
  // In the examples word set 0 is everywhere, word set 1 in one text, particle set 2 in five:
  // rule 0 is keyed by word set 1, rule 1 by particle set 2.
  PatternNeeds rare_word = words({0, 1});
  rare_word.particle_sets = {2};
  PatternNeeds particle = words({0});
  particle.particle_sets = {2};
  const std::vector<PatternNeeds> needs = {rare_word, particle};
  NeedCounts counts;
  counts.examples = 10;
  counts.word_sets = {10, 1};
  counts.particle_sets = {0, 0, 5};
  const RuleIndex index(
      {0, 1}, [&](std::uint32_t r) -> const PatternNeeds& { return needs[r]; }, counts);
  std::vector<std::uint64_t> bits;
  Positions out;
  // The common word and the particle, without the rare word: rule 0 is skipped, rule 1 tried.
  index.candidates(Held({0}, {}, {2}).needs(), bits, out);
  CHECK(out == Positions{1});
  // Every need present: both are tried.
  index.candidates(Held({0, 1}, {}, {2}).needs(), bits, out);
  CHECK(out == Positions{0, 1});
  // The common word alone: neither.
  index.candidates(Held({0}).needs(), bits, out);
  CHECK(out.empty());
  // Without counts the first word set keys both, and the next need found is the second key:
  // word set 1 of rule 0, particle set 2 of rule 1. With counts rule 0's second key is particle
  // set 2 (rarer than word set 0).
  const RuleIndex uncounted({0, 1},
                            [&](std::uint32_t r) -> const PatternNeeds& { return needs[r]; });
  uncounted.candidates(Held({0, 1}).needs(), bits, out);
  CHECK(out == Positions{0});
  index.candidates(Held({0, 1}).needs(), bits, out);
  CHECK(out.empty());
}

TEST_CASE("rule index: a candidate holds its second rarest need as well as its key") {
  // Rule 0 needs word sets 0, 1 and 2, affix set 3 and particle set 4; counts make word set 1 its
  // key and affix set 3 its second key. Rule 1 needs word set 1 alone: no second key.
  PatternNeeds three = words({0, 1, 2});
  three.affix_sets = {3};
  three.particle_sets = {4};
  const std::vector<PatternNeeds> needs = {three, words({1})};
  NeedCounts counts;
  counts.examples = 10;
  counts.word_sets = {9, 1, 8};
  counts.affix_sets = {0, 0, 0, 2};
  counts.particle_sets = {0, 0, 0, 0, 7};
  const RuleIndex index(
      {0, 1}, [&](std::uint32_t r) -> const PatternNeeds& { return needs[r]; }, counts);
  std::vector<std::uint64_t> bits;
  Positions out;
  index.candidates(Held({1}).needs(), bits, out);
  CHECK(out == Positions{1});
  index.candidates(Held({1}, {3}).needs(), bits, out);
  CHECK(out == Positions{0, 1});
  index.candidates(Held({0, 2}, {3}, {4}).needs(), bits, out);
  CHECK(out.empty());
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
  index.candidates(Held({2, 2, 0}).needs(), bits, out);
  Positions expected;
  for (std::uint32_t i = 0; i < 150; ++i) {
    if (i % 3 != 1) {
      expected.push_back(i);
    }
  }
  CHECK(out == expected);
}

TEST_CASE("need counts: how many of a rule set's example texts hold each set") {
  const auto set = load_rules({test::memory_pack({{"r.json", test::rule_file(R"(
      "relation_rules": [
        {"id": "uses", "pattern": [{"ent": "Organization", "capture": "o"}, {"text": ["the"]},
           {"text": ["uses"]}, {"ent": "Tool", "capture": "t"}],
         "relation": "uses", "source": "o", "target": "t"},
        {"id": "ko", "pattern": [{"ent": "Organization", "capture": "o", "particle": ["는", "은"]},
           {"ent": "Tool", "capture": "t"}, {"starts": ["도입"]}],
         "relation": "uses", "source": "o", "target": "t"}],
      "examples": [{"text": "The team at Acme the uses Rust."}, {"text": "The Acme uses Kafka."},
        {"text": "가온은 Kafka를 도입했다."}])")}})});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  const RuleSet& rules = *set.value();
  const RuleFilter filter(rules);
  const NeedCounts counts = NeedCounts::of_examples(rules, filter);
  CHECK(counts.examples == 3);
  const PatternNeeds& uses = filter.relation_rule(0);
  REQUIRE(uses.word_sets.size() == 2);
  CHECK(counts.word_sets[uses.word_sets[0]] == 2);  // "the", folded
  CHECK(counts.word_sets[uses.word_sets[1]] == 2);
  const PatternNeeds& ko = filter.relation_rule(1);
  REQUIRE(ko.particle_sets.size() == 1);
  REQUIRE(ko.affix_sets.size() == 1);
  CHECK(counts.particle_sets[ko.particle_sets[0]] == 1);
  CHECK(counts.affix_sets[ko.affix_sets[0]] == 1);
  // At most two examples, spread over the three: the first and the second.
  const NeedCounts two = NeedCounts::of_examples(rules, filter, 2);
  CHECK(two.examples == 2);
  CHECK(two.word_sets[uses.word_sets[0]] == 2);
  CHECK(two.particle_sets[ko.particle_sets[0]] == 0);
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
