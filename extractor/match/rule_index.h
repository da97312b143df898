// Which rules a sentence can run, found from the sentence rather than by asking every rule.
//
// A stage runs its rules in a fixed order. Each rule needs something of a sentence to match
// anywhere in it (PatternNeeds: words of some word sets, mentions of some types, tokens that
// start or end with a word of some affix sets); the index keys each rule by one of those needs,
// a word set if it has one, else its last affix set (later elements hold the cue words, such as
// 인수 or 투자했, where a first element tends to be a broad name test), else the narrowest
// mention type mask, and lists the rules under their key. A sentence then meets only the rules
// whose key it holds, plus those with no need at all, in the stage's order; RuleFilter::Facts::
// may_match still checks all the needs of each. With several hundred rules, most of which need
// a word most sentences lack, this replaces a loop over every rule by one over the sentence's
// words and mention types.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "extractor/analysis.h"
#include "extractor/match/pattern_matcher.h"

namespace kgex {

class RuleIndex {
 public:
  RuleIndex() = default;
  // `rules`: the stage's rules (any numbering of the caller's) in the order they run;
  // `needs_of` gives the needs of one of them.
  RuleIndex(std::vector<std::uint32_t> rules,
            const std::function<const PatternNeeds&(std::uint32_t)>& needs_of);

  // The rules in the order they run.
  const std::vector<std::uint32_t>& rules() const { return rules_; }

  // The positions in rules(), ascending, of the rules whose key `sentence` holds (its tokens'
  // filter.key_word_sets and its filter.affix_set_bits, RuleFilter::find_word_sets, and
  // `mention_types`) or that have none. `bits` is scratch kept by the caller from sentence to
  // sentence.
  void candidates(const SentenceAnalysis& sentence, TypeMask mention_types,
                  std::vector<std::uint64_t>& bits, std::vector<std::uint32_t>& out) const;

 private:
  std::vector<std::uint32_t> rules_;
  // Positions keyed by word set w: by_word_[first_word_[w] .. first_word_[w + 1]).
  std::vector<std::uint32_t> first_word_;
  std::vector<std::uint32_t> by_word_;
  // The affix sets that key some rule, ascending, and the positions keyed by affix_sets_[k]:
  // by_affix_[first_affix_[k] .. first_affix_[k + 1]).
  std::vector<std::uint32_t> affix_sets_;
  std::vector<std::uint32_t> first_affix_;
  std::vector<std::uint32_t> by_affix_;
  // For each entity type, the bit set of positions keyed by a mask holding it; and the bit
  // set of positions with no key.
  std::vector<std::vector<std::uint64_t>> by_type_;
  std::vector<std::uint64_t> always_;
};

// The rule indexes of a rule set's two sentence stages, for each sentence language.
struct RuleOrder {
  // Entity rules by priority (higher first, then as written); relation rules as written.
  std::array<RuleIndex, 3> entity;
  std::array<RuleIndex, 3> relation;
  // Whether an entity rule (by its number in the rule set) has an element that is a mention:
  // only those can find more in a later pass.
  std::vector<bool> entity_uses_mentions;
  // For each entity and relation rule, the number of its first element among the first
  // elements that begin more than one rule of the stage (ElementNumbering), else
  // UnitAnswers::kUnshared; and how many such elements each stage has. The rules of a sentence
  // that begin with the same element share its answers.
  std::vector<std::uint32_t> entity_first;
  std::vector<std::uint32_t> relation_first;
  std::uint32_t entity_shared = 0;
  std::uint32_t relation_shared = 0;

  RuleOrder() = default;
  RuleOrder(const RuleSet& rules, const RuleFilter& filter);
  // The same, with the first elements' numbers as write_tables() wrote them, read from `tables`
  // (the built-in pack's image), which moves past them.
  RuleOrder(const RuleSet& rules, const RuleFilter& filter, ImageReader& tables);

  // Writes the first elements' numbers of `rules`' two stages, for the built-in pack's image.
  static void write_tables(ImageWriter& out, const RuleSet& rules);

 private:
  void build_indexes(const RuleSet& rules, const RuleFilter& filter);
};

}  // namespace kgex
