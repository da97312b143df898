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
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_index.h"

namespace kgex {

enum class Script : std::uint8_t { kHangul, kLatin, kDigit, kHan, kPunct };

struct Token {
  std::uint32_t begin = 0;  // surface, in normalised bytes, particle included
  std::uint32_t end = 0;
  std::uint32_t base_end = 0;  // the base form is [begin, base_end)
  Script script = Script::kPunct;
  bool space_before = false;  // whitespace (or the sentence start) precedes it
  bool capitalized = false;   // first letter upper case
  bool all_upper = false;     // at least two letters, all upper case
  bool has_digit = false;
  std::string text;           // base form as written
  std::string folded;         // base form, case folded
  std::string_view particle;  // Korean particle or English "'s"; empty if none

  bool particle_only() const { return begin == base_end; }
  // A quotation mark, as normalisation leaves them all: ' or ".
  bool quote_mark() const { return folded.size() == 1 && (folded[0] == '\'' || folded[0] == '"'); }
};

// True when a case-folded word is a known name whose ending must not be cut.
using KnownWord = std::function<bool(std::string_view folded)>;

// Tokens of normalised `text` within [begin, end).
std::vector<Token> tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                            const KnownWord& known);

// The tokens of each distinct run of non-space characters (a word with its particle and
// punctuation: "카카오는", "발표했다.", "(Anthropic)의"), worked out once and copied wherever the
// run recurs. Text repeats its words: tokenizing, folding and splitting particles was done
// again at every occurrence. A run's tokens depend on the run alone (tokenize() looks no further
// than the space that ends it, and a run's first token always follows a space or the start), so
// the copies are what tokenize() gives in place. Runs longer than kMaxRun bytes are tokenized
// each time; after kMaxRuns distinct runs, all are forgotten at once.
class TokenCache {
 public:
  static constexpr std::uint32_t kMaxRun = 64;
  static constexpr std::size_t kMaxRuns = std::size_t{1} << 16;

  // Forgets every run unless the cache is already `owner`'s: `known` must give the same
  // answers for as long as the owner stays the same.
  void use_for(std::uint64_t owner);
  // Replaces `out` with tokenize(text, begin, end, known).
  void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                const KnownWord& known, std::vector<Token>& out);
  // How many distinct runs it holds.
  std::size_t runs() const { return runs_.size(); }

 private:
  void clear();

  std::uint64_t owner_ = 0;
  StringIndex runs_;
  // The tokens of run r are tokens_[r == 0 ? 0 : ends_[r - 1], ends_[r]), their offsets counted
  // from the run's first byte; a particle in the text (a Korean one) is at particle_at_[k] from
  // there, and kStatic marks one that is not ("'s").
  static constexpr std::uint32_t kStatic = UINT32_MAX;
  std::vector<std::uint32_t> ends_;
  std::vector<Token> tokens_;
  std::vector<std::uint32_t> particle_at_;
};

// Case folding as used for matching (full Unicode case folding).
std::string fold_case(std::string_view text);

// The letters, digits and combining marks of `text`, case folded, without spaces, punctuation
// or symbols: how headings are compared ("■ 자격 요건:" and "[자격요건]" are "자격요건",
// "Nice-to-have" is "nicetohave").
std::string fold_letters(std::string_view text);

}  // namespace kgex
