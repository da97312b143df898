// Tokens by script runs, with Korean particles split off.
//
//   "앤스로픽(Anthropic)의 Claude와 Rust·Go"
//   -> 앤스로픽 | ( | Anthropic | ) | [의] | Claude+와 | Rust | · | Go
//
// A Latin word keeps its internal '.', '-', '_' ("Creati.ai", "DALL-E",
// "sa-server", "Node.js"), trailing '+' or '#' ("C++", "C#") and a leading '.'
// (".NET"); '/' and '·' always split. Hangul right after a Latin word is its
// particle when the whole run is one ("ChatGPT를"); otherwise it is a token of
// its own ("AI팀" -> AI | 팀). A Hangul word loses its longest particle suffix
// unless the full word is known (a gazetteer name such as "라인"), or is one syllable,
// all particle, standing apart (the 이 of "이 회사").
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_index.h"

namespace kgex {

enum class Script : std::uint8_t { kHangul, kLatin, kDigit, kHan, kPunct };

// A token's word number when it has none (Token::word).
inline constexpr std::uint32_t kNoWord = UINT32_MAX;

struct Token {
  std::uint32_t begin = 0;  // surface, in normalised bytes, particle included
  std::uint32_t end = 0;
  std::uint32_t base_end = 0;  // the base form is [begin, base_end)
  Script script = Script::kPunct;
  bool space_before = false;  // whitespace (or the sentence start) precedes it
  bool capitalized = false;   // first letter upper case
  bool all_upper = false;     // at least two letters, all upper case
  bool has_digit = false;
  // The base form as written: the text's bytes [begin, base_end), viewed in the text the
  // tokens were made from, which must outlive them (as the particle's view does).
  std::string_view text;
  // The base form, case folded: `text` itself where folding changes no byte (nearly every
  // token), else a view of the folded copy kept by the FoldedForms of whoever made the token.
  std::string_view folded;
  std::string_view particle;  // Korean particle or English "'s"; empty if none
  // The number of `folded` among the words of the TokenCache that made the token
  // (TokenCache::word), or kNoWord. Whatever rewrites `folded` sets it to kNoWord.
  std::uint32_t word = kNoWord;

  bool particle_only() const { return begin == base_end; }
  // A quotation mark, as normalisation leaves them all: ' or ".
  bool quote_mark() const { return folded.size() == 1 && (folded[0] == '\'' || folded[0] == '"'); }
};

// True when a case-folded word is a known name whose ending must not be cut.
using KnownWord = std::function<bool(std::string_view folded)>;

// The folded forms of tokens whose folding changes their text ("Claude": "claude"), kept where
// the tokens' views of them stay valid: a form stays where it is until the store is cleared or
// destroyed.
class FoldedForms {
 public:
  std::string_view keep(std::string folded) { return forms_.emplace_back(std::move(folded)); }
  void clear() { forms_.clear(); }

 private:
  std::deque<std::string> forms_;
};

// Tokens of normalised `text` within [begin, end). Both `text` and `folded`, which keeps the
// folded forms that are not views of the text, must outlive the tokens.
std::vector<Token> tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                            const KnownWord& known, FoldedForms& folded);

// The tokens of each distinct run of non-space characters (a word with its particle and
// punctuation: "카카오는", "발표했다.", "(Anthropic)의"), worked out once and copied wherever the
// run recurs. Text repeats its words: tokenizing, folding and splitting particles was done
// again at every occurrence. A run's tokens depend on the run alone (tokenize() looks no further
// than the space that ends it, and a run's first token always follows a space or the start), so
// the copies are what tokenize() gives in place. Runs longer than kMaxRun bytes are tokenized
// each time. Each token's folded form is numbered (Token::word), so that later stages can keep
// what they ask of a word by its number instead of looking the word up at every token.
class TokenCache {
 public:
  static constexpr std::uint32_t kMaxRun = 64;
  static constexpr std::size_t kMaxRuns = std::size_t{1} << 16;

  // Called before each document: forgets every run unless the cache is already `owner`'s and
  // holds fewer than kMaxRuns (it grows past them within a document, whose word numbers stay
  // valid until the next call). `known` must give the same answers for as long as the owner
  // stays the same. The tokens it gave before are then no longer valid: their folded forms may
  // be gone.
  void use_for(std::uint64_t owner);
  // Replaces `out` with tokenize(text, begin, end, known), whose folded forms the cache keeps.
  void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                const KnownWord& known, std::vector<Token>& out);
  // How many distinct runs it holds.
  std::size_t runs() const { return runs_.size(); }
  // The folded form of word number `w` (Token::word), and how many words it has numbered. The
  // numbers start again from 0 whenever generation() changes (when use_for() forgets the runs):
  // what a caller keeps by word number is valid for one generation.
  std::string_view word(std::uint32_t w) const { return words_.key(w); }
  std::size_t words() const { return words_.size(); }
  std::uint64_t generation() const { return generation_; }

 private:
  void clear();

  std::uint64_t owner_ = 0;
  std::uint64_t generation_ = 0;
  StringIndex runs_;
  StringIndex words_;  // the folded forms of the tokens of runs_
  // The tokens of run r are tokens_[r == 0 ? 0 : ends_[r - 1], ends_[r]), their offsets counted
  // from the run's first byte; a particle in the text (a Korean one) is at particle_at_[k] from
  // there, and kStatic marks one that is not ("'s").
  static constexpr std::uint32_t kStatic = UINT32_MAX;
  std::vector<std::uint32_t> ends_;
  std::vector<Token> tokens_;
  std::vector<std::uint32_t> particle_at_;
  // Whether cached token k's folded form is its text (to be viewed again in the text at hand),
  // or a view of folded_.
  std::vector<bool> folded_is_text_;
  // The folded forms of the cached runs' tokens, kept as long as the runs; and those of the
  // tokens of runs too long to cache, kept until the next use_for().
  FoldedForms folded_;
  FoldedForms long_folded_;
};

// Case folding as used for matching (full Unicode case folding).
std::string fold_case(std::string_view text);

// The letters, digits and combining marks of `text`, case folded, without spaces, punctuation
// or symbols: how headings are compared ("■ 자격 요건:" and "[자격요건]" are "자격요건",
// "Nice-to-have" is "nicetohave").
std::string fold_letters(std::string_view text);
// The same, appended to `out`: fold_letters(a + b) is fold_letters(a) + fold_letters(b) where `a`
// ends at a code point's end.
void append_folded_letters(std::string& out, std::string_view text);

}  // namespace kgex
