// Dictionary matching over tokens: longest match first, case-insensitive for
// Latin unless an entry asks for exact case, with optional context conditions.
// Built once from a RuleSet; matching is const and thread-safe. Not public.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/owned_or_fixed.h"
#include "core/string_hash.h"
#include "core/string_index.h"
#include "extractor/rules/pack_image.h"
#include "extractor/rules/rule_set.h"
#include "extractor/text/tokenizer.h"

namespace kgex {

struct GazetteerMatch {
  std::uint32_t begin = 0;  // token range [begin, end)
  std::uint32_t end = 0;
  std::uint32_t entry = 0;  // index into RuleSet::gazetteer
};

class Gazetteer {
 public:
  explicit Gazetteer(const RuleSet& rules);
  // The index of `rules` as write_tables() wrote it, read from `tables` (views of its arrays,
  // which must outlive the gazetteer); `tables` moves past it.
  Gazetteer(const RuleSet& rules, ImageReader& tables);

  // Writes the index's tables, for the built-in pack's image (extractor/rules/pack_image.h).
  void write_tables(ImageWriter& out) const;

  // Whether a case-folded Hangul word is a whole name, or a word of a name of
  // several Hangul words, whose ending must not be cut ("제인" in "제인 로가"; the last
  // word only when it is longer than one syllable).
  bool is_known_word(std::string_view folded) const {
    const std::size_t hash = StringHash{}(folded);
    return known_bits_.may_contain_hash(hash) &&
           known_words_.find(folded, hash) != StringIndex::kAbsent;
  }
  // Whether a folded word is a one-token name or a stop-list word.
  bool is_name_word(std::string_view folded) const {
    return is_name_word(folded, StringHash{}(folded));
  }
  // The same, for a word whose StringHash is `hash`.
  bool is_name_word(std::string_view folded, std::size_t hash) const {
    return name_bits_.may_contain_hash(hash) &&
           name_words_.find(folded, hash) != StringIndex::kAbsent;
  }

  // The entry of the one name the gazetteer holds as the folded word `folded` alone, in any case
  // and with no context words; none where it holds none or several such.
  std::optional<std::uint32_t> one_word_entry(std::string_view folded) const;

  // What key_of() gives for a word that no key starts with: no name starts at a token of it.
  static constexpr std::uint32_t kNoKeyStarts = StringIndex::kAbsent - 1;
  // The index's key that is the folded word `folded` alone; else StringIndex::kAbsent, or
  // kNoKeyStarts where no key even starts with its bytes (a name's first word, the word with its
  // particle and a Korean name written apart all do). What match_at looks up first at each
  // token, kept by the caller per word number (word_keys): a token of a word no key starts with
  // costs match_at no look-up at all.
  std::uint32_t key_of(std::string_view folded) const;

  // The longest match starting at token `at`, if any; `text` is the sentence's
  // normalised text the tokens point into. Entries in `confirmed` (sorted) need no context
  // words; `held_back`, if given, is set when a name was refused for want of them.
  // `word_keys`, if given, holds key_of() of each word number (Token::word) below its size.
  std::optional<GazetteerMatch> match_at(const std::vector<Token>& tokens, std::uint32_t at,
                                         std::string_view text,
                                         std::span<const std::uint32_t> confirmed = {},
                                         bool* held_back = nullptr,
                                         std::span<const std::uint32_t> word_keys = {}) const {
    return at >= tokens.size() || no_name_at(tokens, at, word_keys)
               ? std::nullopt
               : match_from(tokens, at, text, confirmed, held_back, word_keys);
  }

  // Every match of `tokens`, left to right, longest first, non-overlapping; none that starts
  // with Latin letters written onto a Hangul word. `confirmed`, `held_back` and `word_keys` as
  // for match_at.
  std::vector<GazetteerMatch> match_all(const std::vector<Token>& tokens, std::string_view text,
                                        std::span<const std::uint32_t> confirmed = {},
                                        bool* held_back = nullptr,
                                        std::span<const std::uint32_t> word_keys = {}) const;

 private:
  std::uint32_t find_key(std::string_view key) const {
    const std::size_t hash = StringHash{}(key);
    return keys_bits_.may_contain_hash(hash) ? keys_.find(key, hash) : StringIndex::kAbsent;
  }
  // Two words written apart at `at` that the gazetteer may know as one ("카카오 브레인", "스케일
  // AI"), where one of them is Hangul: Korean spacing of a name varies. A Hangul word of one
  // syllable is a word of its own ("한 게임" is a game, not 한게임; "새 로봇").
  static bool written_apart(const std::vector<Token>& tokens, std::uint32_t at);
  // Whether the key of token `at`'s word (by its number, in `word_keys`) rules out every name
  // starting there without a look-up: no key starts with the word, or it is no key, bears no
  // particle and is not the first of two words written apart. `at` < tokens.size().
  static bool no_name_at(const std::vector<Token>& tokens, std::uint32_t at,
                         std::span<const std::uint32_t> word_keys) {
    const Token& t = tokens[at];
    if (t.word >= word_keys.size()) {
      return false;
    }
    const std::uint32_t key = word_keys[t.word];
    return key == kNoKeyStarts ||
           (key == StringIndex::kAbsent && t.particle.empty() && !written_apart(tokens, at));
  }
  // match_at() at a token where no_name_at() does not rule a name out.
  std::optional<GazetteerMatch> match_from(const std::vector<Token>& tokens, std::uint32_t at,
                                           std::string_view text,
                                           std::span<const std::uint32_t> confirmed,
                                           bool* held_back,
                                           std::span<const std::uint32_t> word_keys) const;
  // Whether variant `v` (see variants_) accepts tokens [begin, end); `confirmed` and
  // `held_back` as for match_at.
  bool accept(std::uint32_t v, const std::vector<Token>& tokens, std::uint32_t begin,
              std::uint32_t end, std::string_view text, std::span<const std::uint32_t> confirmed,
              bool* held_back) const;

  const RuleSet& rules_;
  // Keys: the folded tokens of a name joined by U+001F, in flat tables (about 6,000 keys for
  // the built-in pack, which in hash maps of strings and vectors took 15,000 allocations).
  StringIndex keys_;
  HashBits keys_bits_;
  // Bit k (of word k / 32): key k is the first 1..n-1 tokens of a name of n > 1 tokens.
  OwnedOrFixed<std::uint32_t> prefix_;
  // The names with key k are variants [first_variant_[k], first_variant_[k + 1]); none for a
  // mere prefix. Variant v is kVariantSize integers from variants_[kVariantSize * v]: its
  // entry, then the offset and size in exact_ of the written form without spaces, for
  // exact-case entries (size 0 for the others), then 1 if the entry's context words must be
  // near this form.
  OwnedOrFixed<std::uint32_t> first_variant_;
  static constexpr std::size_t kVariantSize = 4;
  OwnedOrFixed<std::uint32_t> variants_;
  OwnedOrFixed<char> exact_;
  StringIndex known_words_;
  HashBits known_bits_;
  StringIndex name_words_;
  HashBits name_bits_;
  std::uint32_t max_tokens_ = 1;
  // The keys' numbers in the byte order of the keys, for key_of's look-up of the keys that start
  // with a word.
  OwnedOrFixed<std::uint32_t> by_bytes_;
};

}  // namespace kgex
