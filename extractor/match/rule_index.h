// Which rules a sentence can run, found from the sentence rather than by asking every rule.
//
// A stage runs its rules in a fixed order. Each rule needs something of a sentence to match
// anywhere in it (PatternNeeds: words of some word sets, tokens that start or end with a word of
// some affix sets, units with a particle of some particle sets, mentions of some types); the
// index keys each rule by the rarest of its word, affix and particle sets, as counted in the
// rule set's own examples (NeedCounts), else by its narrowest mention type mask, and lists the
// rules under their key. A sentence then meets only the rules whose key it holds (and their
// second rarest set, when they have one), plus those with no need at all, in the stage's order;
// RuleFilter::Facts::may_match still checks all the needs of each. With several hundred rules, most
// of which need a word most sentences lack, this replaces a loop over every rule by one over what
// the sentence holds.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include "extractor/analysis.h"
#include "extractor/match/pattern_matcher.h"

namespace kgex {

// How often each word, affix and particle set of a RuleFilter occurs: in how many of
// `examples` example texts. The index keys a rule by its least frequent set.
struct NeedCounts {
  std::uint32_t examples = 0;
  std::vector<std::uint32_t> word_sets;  // by RuleFilter's numbering of each kind
  std::vector<std::uint32_t> affix_sets;
  std::vector<std::uint32_t> particle_sets;

  // The counts in `rules`' examples, each text read as `filter` reads a sentence (tokenized
  // whole); all zero when the rule set has no examples. At most `most` examples are read,
  // spread evenly over the rule set's.
  static NeedCounts of_examples(const RuleSet& rules, const RuleFilter& filter,
                                std::size_t most = SIZE_MAX);
};

class RuleIndex {
 public:
  RuleIndex() = default;
  // `rules`: the stage's rules (any numbering of the caller's) in the order they run;
  // `needs_of` gives the needs of one of them. A rule is keyed by the set of its needs with
  // the smallest count in `counts` (a set it does not count counts 0); among equal counts by
  // its first word set, else its last affix set (later elements hold the cue words, such as 인수
  // or 투자했, where a first element tends to be a broad name test), else its first particle
  // set; a rule with none of those by its narrowest mention type mask.
  RuleIndex(std::vector<std::uint32_t> rules,
            const std::function<const PatternNeeds&(std::uint32_t)>& needs_of,
            const NeedCounts& counts = {});

  // The rules in the order they run.
  const std::vector<std::uint32_t>& rules() const { return rules_; }

  // The positions in rules(), ascending, of the rules whose key `held` holds (a sentence's
  // RuleFilter::Facts::held) or that have none, and that hold their second key too. `bits` is
  // scratch kept by the caller from sentence to sentence.
  void candidates(const HeldNeeds& held, std::vector<std::uint64_t>& bits,
                  std::vector<std::uint32_t>& out) const;

 private:
  // The positions keyed by the sets of one kind: those of set s are at_[first_[s] ..
  // first_[s + 1]); keys_ has the bit of each set that keys some position.
  class Keyed {
   public:
    // From (set, position) pairs in position order.
    explicit Keyed(std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed = {});
    // Sets the bits of the positions keyed by the sets of `held` (one bit per set).
    void add(std::span<const std::uint64_t> held, std::vector<std::uint64_t>& bits) const;

   private:
    void add_set(std::uint32_t set, std::vector<std::uint64_t>& bits) const;
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> first_;
    std::vector<std::uint32_t> at_;
  };

  std::vector<std::uint32_t> rules_;
  // Each position's second rarest word, affix or particle set (after its key), as kind (0 word,
  // 1 affix, 2 particle) << 30 | set, or kNoSecond: a candidate whose sentence lacks it is not
  // listed, which spares the caller's look at most of the rule's needs.
  static constexpr std::uint32_t kNoSecond = UINT32_MAX;
  std::vector<std::uint32_t> second_;
  Keyed by_word_;
  Keyed by_affix_;
  Keyed by_particle_;
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
  // The rules are keyed by the counts of their needs in up to kCountedExamples of `rules`'
  // examples (NeedCounts): reading them is a cost at start, which the built-in pack's image,
  // counted from all its examples by the build, does not pay.
  static constexpr std::size_t kCountedExamples = 256;
  RuleOrder(const RuleSet& rules, const RuleFilter& filter);
  // The same, with the first elements' numbers and the counts as write_tables() wrote them,
  // read from `tables` (the built-in pack's image), which moves past them.
  RuleOrder(const RuleSet& rules, const RuleFilter& filter, ImageReader& tables);

  // Writes the first elements' numbers of `rules`' two stages and the counts of `filter`'s sets
  // in their examples (NeedCounts), for the built-in pack's image.
  static void write_tables(ImageWriter& out, const RuleSet& rules, const RuleFilter& filter);

 private:
  void build_indexes(const RuleSet& rules, const RuleFilter& filter, const NeedCounts& counts);
};

}  // namespace kgex
