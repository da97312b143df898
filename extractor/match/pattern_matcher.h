// Token patterns over the units of a sentence (tokens and entity mentions),
// with quantifiers, coordinated lists, anchors and captures. Not public.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/owned_or_fixed.h"
#include "core/status.h"
#include "core/string_hash.h"
#include "core/string_index.h"
#include "extractor/analysis.h"
#include "extractor/match/gazetteer.h"
#include "extractor/rules/rule_set.h"

namespace kgex {

struct PatternMatch {
  std::uint32_t begin = 0;  // unit range [begin, end)
  std::uint32_t end = 0;
  // capture index -> the units it holds: the members of a list, or the run of
  // units an element matched.
  std::vector<std::vector<std::uint32_t>> captures;
};

// Builds the units of a sentence (sentence.units, whose storage it reuses) from its tokens and the
// document's accepted mentions in it (sorted, non-overlapping): a trailing particle-only token
// joins the unit before it; ';', ':' and '|' end a clause. With
// `fold_parentheticals`, a parenthetical right after a mention ("X(Y)의") joins
// that mention's unit, which takes the particle after it.
void build_units(SentenceAnalysis& sentence, const std::vector<MentionCandidate>& mentions,
                 std::span<const int> mentions_in_sentence, bool fold_parentheticals);

// A token's class for the rule filter, a number below kTokenClasses: its script, whether it is
// capitalized, all upper case or has a digit, and whether it is a name word
// (Gazetteer::is_name_word); and a set of classes, one bit each.
inline constexpr std::uint32_t kTokenClasses = 80;
using TokenClasses = std::array<std::uint64_t, 2>;

// What one unit must be to pass a pattern element, as far as the rule filter sees it: a mention
// of one of these types, a token of this word set, a unit with a particle of this particle set
// (RuleFilter's numberings), a token unit of these classes; each that is set must hold.
struct UnitNeeds {
  std::optional<TypeMask> mention;
  std::optional<std::uint32_t> word_set;
  std::optional<std::uint32_t> particles;  // only a set without "", of an element not a list
  std::optional<TokenClasses> classes;     // of a token with a script, shape or `known` test
};

// What a pattern needs of a sentence to match anywhere in it, so that a rule
// can be skipped for a sentence without trying every start position: a word of
// each of its required word sets among the sentence's tokens, and a mention of
// one of the types of each mask (one mention per element), a unit with a particle of each
// particle set, a token that starts (or ends) with a word of each affix set, and a token unit
// of the classes each script, shape or `known` test (or a regex that needs a digit) lets through.
// Only elements with min >= 1 count; tests inside `not` need nothing, but for a token element that
// must not be a unit none of whose alternatives holds ({"not": [{"not": [A, B]}]}): one of them
// must.
struct PatternNeeds {
  std::vector<std::uint32_t> word_sets;  // RuleFilter's numbering
  std::vector<TypeMask> mentions;
  // The types of each mention element, not a list, that must carry no particle (its particle
  // set is [""]): a mention of one of them without a particle.
  std::vector<TypeMask> bare_mentions;
  // The particle sets without "" of the elements (RuleFilter's numbering of particle sets).
  std::vector<std::uint32_t> particle_sets;
  // The `starts` and `ends` lists of the token elements and the literal words their regexes
  // start or end with (regex_affixes), as RuleFilter numbers them.
  std::vector<std::uint32_t> affix_sets;
  // Groups of which the sentence must hold one member each: a word set (2 * its number) or an
  // affix set (2 * its number + 1), each group written as its size, then its members.
  std::vector<std::uint32_t> one_of;
  // The token classes that the script, shape and `known` tests of each token element, and its
  // regex when every match has a digit, let through; for the elements with such a test.
  std::vector<TokenClasses> token_classes;
  // What the unit a match starts at must be, when the first element is required.
  UnitNeeds first;
  // And the unit after it, when the first element is exactly one unit (required, at most one,
  // not a list) and the second is required, not a list and not anchored at the start: the unit
  // after the start must then pass the second element (PatternMatcher tests it there first).
  std::optional<UnitNeeds> second;
  // Whether the first element is anchored at the sentence's start: a match starts at unit 0.
  bool anchored = false;
};

// What a sentence holds of the needs that RuleIndex keys rules by (RuleFilter::Facts::held):
// views of the facts, valid while they are.
struct HeldNeeds {
  std::span<const std::uint64_t> word_sets;      // one bit per word set (RuleFilter's numbering)
  std::span<const std::uint64_t> affix_sets;     // one bit per affix set
  std::span<const std::uint64_t> particle_sets;  // one bit per particle set
  TypeMask mention_types = 0;
};

// The needs of every entity and relation rule of a rule set, and an index from
// each required word to the word sets holding it. `rules` must outlive it.
class RuleFilter {
 public:
  explicit RuleFilter(const RuleSet& rules);
  // A filter as write_tables() wrote it, read from `tables` (views of its arrays, which must
  // outlive the filter); `tables` moves past it.
  explicit RuleFilter(ImageReader& tables);

  // Writes the filter's tables, for the built-in pack's image (extractor/rules/pack_image.h).
  void write_tables(ImageWriter& out) const;

  // What one sentence offers (its tokens and the mentions among its units).
  class Facts {
   public:
    // False when the pattern cannot match the sentence anywhere. Inline: it runs for every
    // rule and sentence.
    bool may_match(const PatternNeeds& needs) const {
      if (needs.mentions.size() > mentions_.size()) {
        return false;
      }
      for (TypeMask mask : needs.mentions) {
        if ((mask & mention_types_) == 0) {
          return false;
        }
      }
      for (TypeMask mask : needs.bare_mentions) {
        if ((mask & bare_mention_types_) == 0) {
          return false;
        }
      }
      for (const TokenClasses& classes : needs.token_classes) {
        if (((classes[0] & classes_[0]) | (classes[1] & classes_[1])) == 0) {
          return false;
        }
      }
      return all_set(needs.word_sets, word_bits_) && all_set(needs.particle_sets, particle_bits_) &&
             all_set(needs.affix_sets, affix_bits_) && (needs.one_of.empty() || one_of(needs));
    }
    // The types of the sentence's mentions, as one mask.
    TypeMask mention_types() const { return mention_types_; }
    // What the sentence holds of the needs rules are keyed by.
    HeldNeeds held() const { return {word_bits_, affix_bits_, particle_bits_, mention_types_}; }
    // The units a match of the pattern can start at, ascending: those its first element can
    // be and whose next unit its second element can be (PatternNeeds::first and second); of an
    // anchored pattern, unit 0 alone.
    void starts(const PatternNeeds& needs, std::vector<std::uint32_t>& out) const;

   private:
    friend class RuleFilter;
    // Whether the sentence holds a member of each group of needs.one_of.
    bool one_of(const PatternNeeds& needs) const;
    // Whether unit `u` can be what `needs` asks.
    bool holds(const UnitNeeds& needs, std::uint32_t u) const;
    // Whether `bits` has the bit of each set of `ids`.
    static bool all_set(const std::vector<std::uint32_t>& ids,
                        std::span<const std::uint64_t> bits) {
      for (const std::uint32_t id : ids) {
        if (((bits[id / 64] >> (id % 64)) & 1) == 0) {
          return false;
        }
      }
      return true;
    }
    // The number of the sentence (counted from 1 per Facts); particle_stamp_[p] is that of the
    // last sentence with a unit with particle p (of the filter's particles).
    std::uint32_t sentence_ = 0;
    std::vector<std::uint32_t> particle_stamp_;
    // The particle sets the sentence holds, one bit per set: the sets of each particle ORed in
    // once per sentence (RuleFilter::particle_masks_).
    std::vector<std::uint64_t> particle_bits_;
    // The sentence's word_set_bits and affix_set_bits (SentenceAnalysis::filter), which must
    // outlive the facts' use.
    std::span<const std::uint64_t> word_bits_;
    std::span<const std::uint64_t> affix_bits_;
    // For starts(): the sentence's units and each token's first word sets (SentenceAnalysis),
    // each unit's particle among the filter's particles (or StringIndex::kAbsent), and the
    // filter's particle sets of each particle (RuleFilter::first_particle_set_,
    // particle_sets_of_). Units are listed by a first word or particle set only when a rule
    // that starts with one is tried: most sets name units that no rule asks for.
    std::span<const Unit> units_view_;
    std::span<const std::span<const std::uint32_t>> first_word_sets_;
    std::vector<std::uint32_t> unit_particles_;
    std::span<const std::uint32_t> first_particle_set_;
    std::span<const std::uint32_t> particle_sets_of_;
    // The class of each unit's token (kNoClass for a mention unit), and the classes held.
    static constexpr std::uint8_t kNoClass = UINT8_MAX;
    std::vector<std::uint8_t> unit_classes_;
    TokenClasses classes_{};
    std::vector<TypeMask> unit_types_;          // the type bit of each unit's mention, or 0
    std::vector<TypeMask> mentions_;            // the type bit of each mention unit
    TypeMask mention_types_ = 0;                // all of them
    TypeMask bare_mention_types_ = 0;           // those of the mention units without a particle
    std::vector<std::uint32_t> mention_units_;  // and its index, in order
    std::uint32_t units_ = 0;
  };
  // Fills sentence.filter (FilterBuffers): its word_set_bits and affix_set_bits, which facts()
  // reads, the token spans first_word_sets, and folded_hashes, which PatternMatcher reads. A
  // token with a word number below words->size() takes its hash and sets from `words`.
  void find_word_sets(SentenceAnalysis& sentence, const WordFacts* words = nullptr) const;
  // What find_word_sets needs of a folded word whose StringHash is `hash`: its number among the
  // filter's words (or StringIndex::kAbsent), returned, and the affix sets it starts with, ends
  // with or holds, appended to `affix_sets`.
  std::uint32_t word_sets_of(std::string_view folded, std::size_t hash,
                             std::vector<std::uint32_t>& affix_sets) const;
  // The word sets of the filter's word `w` (a number word_sets_of returned).
  std::span<const std::uint32_t> sets_of_word(std::uint32_t w) const {
    const std::span<const std::uint32_t> first = first_set_.view();
    return sets_.view().subspan(first[w], first[w + 1] - first[w]);
  }
  // Fills sentence.filter.token_classes, which facts() reads, with the name words of `names`
  // (of `words`, for a token with a word number below its size).
  // Precondition: find_word_sets(sentence) was called.
  static void find_token_classes(SentenceAnalysis& sentence, const Gazetteer& names,
                                 const WordFacts* words = nullptr);
  // The classes a token element's script, shape and `known` tests let through; with `digit`
  // (a regex that needs a digit, regex_affixes), only those of tokens with a digit.
  static TokenClasses classes_of(const TokenTest& test, bool digit);
  // Precondition: find_word_sets(sentence) and find_token_classes(sentence) were called. The
  // facts read `sentence` until the next call: it must outlive their use.
  Facts facts(const SentenceAnalysis& sentence, const DocumentAnalysis& doc) const;
  // The same into `out`, reusing its storage from an earlier sentence.
  void facts(const SentenceAnalysis& sentence, const DocumentAnalysis& doc, Facts& out) const;

  const PatternNeeds& entity_rule(std::size_t i) const { return entity_[i]; }
  // How many word, affix and particle sets the filter numbers.
  std::size_t word_sets() const { return word_sets_; }
  std::size_t affix_sets() const { return affix_sets_; }
  std::size_t particle_sets() const { return particle_sets_; }
  // Appends the particle sets that hold `particle` to `out`.
  void particle_sets_of(std::string_view particle, std::vector<std::uint32_t>& out) const;
  const PatternNeeds& relation_rule(std::size_t i) const { return relation_[i]; }

 private:
  // Numbered word or particle sets: `found` collects (word of `words`, set) pairs, in the
  // order found.
  struct SetNumbering {
    StringIndex& words;
    std::unordered_map<const WordSet*, std::uint32_t> ids;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
    std::uint32_t id_of(const WordSet& set);
  };
  // Where the words of an affix list stand in a token: at its start, at its end, anywhere.
  enum class AffixPlace : std::uint8_t { kPrefix, kSuffix, kInfix };
  // Numbered affix lists (`starts`, `ends`, a regex's literal ends and inner literals), by their
  // place and words: the `*_found` lists collect (word of that place's index, set) pairs.
  struct AffixNumbering {
    StringIndex& prefixes;
    StringIndex& suffixes;
    StringIndex& infixes;
    std::map<std::pair<AffixPlace, std::vector<std::string>>, std::uint32_t> ids;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> prefixes_found;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> suffixes_found;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> infixes_found;
    // UINT32_MAX for a list that filters nothing: one with "" or a word of 64 bytes or more.
    std::uint32_t id_of(std::vector<std::string> words, AffixPlace place);
  };
  static PatternNeeds needs_of(const std::vector<Element>& pattern, SetNumbering& word_sets,
                               SetNumbering& particle_sets, AffixNumbering& affix_sets);
  // The group of PatternNeeds::one_of that token element `el` needs, appended to `out`, when
  // `el` must not be a unit that an element of `el.negated` with no tests of its own rejects
  // (that element passes a token unit unless one of its own negations does), and each of those
  // negations needs a word set, a `starts` or an `ends` list that the filter can see.
  static void one_of_needs(const Element& el, SetNumbering& word_sets, AffixNumbering& affix_sets,
                           std::vector<std::uint32_t>& out);
  // Appends the affix sets of the words `folded` starts with (or ends with) to `sets`.
  void find_affixes(std::string_view folded, bool suffix, std::vector<std::uint32_t>& sets) const;
  // Appends the affix sets of the infixes `folded` holds to `sets`.
  void find_infixes(std::string_view folded, std::vector<std::uint32_t>& sets) const;
  // A number unique to this filter's tables, which find_word_sets' per-thread memory of words
  // is for (an address may be reused by the next filter).
  // cppcheck-suppress unusedPrivateFunction ; it initialises id_
  static std::uint64_t next_id();
  std::uint64_t id_ = next_id();

  std::size_t word_sets_ = 0;  // distinct required word sets
  StringIndex words_;          // every word of a required word set
  // The sets of word w are sets_[first_set_[w], first_set_[w + 1]).
  OwnedOrFixed<std::uint32_t> first_set_;
  OwnedOrFixed<std::uint32_t> sets_;
  HashBits word_bits_;             // the words
  std::size_t particle_sets_ = 0;  // distinct particle sets of first elements
  StringIndex particles_;          // every particle of those
  // The sets of particle p are particle_sets_of_[first_particle_set_[p], ...[p + 1]).
  OwnedOrFixed<std::uint32_t> first_particle_set_;
  OwnedOrFixed<std::uint32_t> particle_sets_of_;
  // The same as masks (SetMask): those of particle p are particle_masks_[p == 0 ? 0 :
  // particle_mask_ends_[p - 1], particle_mask_ends_[p]).
  std::vector<SetMask> particle_masks_;
  std::vector<std::uint32_t> particle_mask_ends_;
  // Affix sets, the same way: the sets of prefix p are affix_sets_of_prefix_[first_prefix_set_[p],
  // ...[p + 1]), of suffix s affix_sets_of_suffix_[first_suffix_set_[s], ...[s + 1]).
  std::size_t affix_sets_ = 0;
  StringIndex prefixes_;
  StringIndex suffixes_;
  OwnedOrFixed<std::uint32_t> first_prefix_set_;
  OwnedOrFixed<std::uint32_t> affix_sets_of_prefix_;
  OwnedOrFixed<std::uint32_t> first_suffix_set_;
  OwnedOrFixed<std::uint32_t> affix_sets_of_suffix_;
  // And of the infixes (literals inside a regex, which a token holds anywhere), few: each is
  // looked for in each new word.
  StringIndex infixes_;
  OwnedOrFixed<std::uint32_t> first_infix_set_;
  OwnedOrFixed<std::uint32_t> affix_sets_of_infix_;
  // What the prefixes (or suffixes) look like, so that most parts of a token are not looked up:
  // their byte lengths (no word is longer than 63 bytes), and for each length the bytes the
  // words have at one telling position: a prefix's last byte, a suffix's third (a Hangul
  // syllable's last) or last.
  struct AffixShape {
    std::uint64_t lengths = 0;
    std::array<std::array<std::uint64_t, 4>, 64> edge{};
    void add(std::string_view word, bool suffix);
  };
  // The telling position of a part of `length` bytes of a token of `size` bytes.
  static std::size_t telling(std::size_t length, std::size_t size, bool suffix) {
    return suffix ? size - length + std::min<std::size_t>(2, length - 1) : length - 1;
  }
  AffixShape prefix_shape_;
  AffixShape suffix_shape_;
  std::vector<PatternNeeds> entity_;
  std::vector<PatternNeeds> relation_;
  // The sets of word w that are the word set of some rule's first or second element
  // (PatternNeeds::first, second: Facts::starts looks for the units of those only) are
  // first_sets_of_[first_of_[w], first_of_[w + 1]).
  OwnedOrFixed<std::uint32_t> first_of_;
  OwnedOrFixed<std::uint32_t> first_sets_of_;
  // Fills the affix shapes and the particles' masks from the tables.
  void find_first_sets();
  // Fills the subset above from the needs and the word sets (for the image, once by the build).
  void find_word_subsets();
};

// Numbers pattern elements so that elements whose tests on a unit are the same (kind, types,
// token tests, particle set and negations; quantifiers, captures and anchors aside) share a
// number: rules that share an element can then share its answers on a sentence (UnitAnswers).
// Word sets, particle sets and regexes count as the same when they are the same object, as
// the rules that repeat them share them.
class ElementNumbering {
 public:
  std::uint32_t number(const Element& el);
  std::uint32_t size() const { return static_cast<std::uint32_t>(elements_.size()); }

 private:
  std::unordered_multimap<std::size_t, std::uint32_t> by_hash_;
  std::vector<const Element*> elements_;  // by number; must outlive the numbering
};

// The answers of elements numbered 0 .. n-1 on the units of one sentence, shared by the rules
// of a stage that begin with the same element (RuleOrder): scratch of a stage, kept from
// sentence to sentence.
class UnitAnswers {
 public:
  static constexpr std::uint32_t kUnshared = UINT32_MAX;
  // Forgets every answer: the next rules run on a sentence of `units` units, with elements
  // numbered below `elements`.
  void start(std::uint32_t elements, std::uint32_t units);
  // The answers of element `id` on the sentence's units (0 not tested yet, 1 fails, 2 passes).
  // Null for kUnshared, and in a sentence too long to keep the answers of all elements.
  std::uint8_t* row(std::uint32_t id) {
    if (id == kUnshared || units_ > kMaxUnits) {
      return nullptr;
    }
    std::uint8_t* answers = answers_.data() + static_cast<std::size_t>(id) * units_;
    if (stamp_[id] != sentence_) {
      stamp_[id] = sentence_;
      std::fill_n(answers, units_, 0);
    }
    return answers;
  }

 private:
  static constexpr std::uint32_t kMaxUnits = 1024;
  std::uint32_t sentence_ = 0;  // counted from 1 per UnitAnswers
  std::uint32_t units_ = 0;
  std::vector<std::uint32_t> stamp_;   // element i's row holds answers when stamp_[i] == sentence_
  std::vector<std::uint8_t> answers_;  // element i's at [i * units_, (i + 1) * units_)
};

class PatternMatcher {
 public:
  // `member_titles`, if given, are the titles a person in a list may carry before the word
  // that joins the next member ("김하늘 대표와 박서연 CTO가": the list is 김하늘 and 박서연).
  explicit PatternMatcher(const Gazetteer& gazetteer, const WordSet* member_titles = nullptr)
      : gazetteer_(gazetteer), member_titles_(member_titles) {}

  // The first match of `pattern` starting at each unit of `starts` (greedy quantifiers,
  // longest list first), appended to `found` in the order of `starts`; a start where the
  // pattern does not match adds nothing. One call per rule and sentence sets up the
  // matching once for all its starts. kTimeout when a regex exceeds its limit.
  // With `shared`, the answers of the pattern's first element, numbered `first` (or
  // UnitAnswers::kUnshared), are taken from and kept in it for the other rules of the
  // sentence. Precondition: RuleFilter::find_word_sets(sentence) was called; with `shared`,
  // shared->start() was called for the sentence's units as they are now.
  Status match_each(const std::vector<Element>& pattern, std::size_t captures,
                    const SentenceAnalysis& sentence, const DocumentAnalysis& doc,
                    const std::vector<std::uint32_t>& starts, std::vector<PatternMatch>& found,
                    UnitAnswers* shared = nullptr,
                    std::uint32_t first = UnitAnswers::kUnshared) const;

 private:
  const Gazetteer& gazetteer_;
  const WordSet* member_titles_;
};

}  // namespace kgex
