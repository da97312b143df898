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

// Case folding as used for matching (full Unicode case folding).
std::string fold_case(std::string_view text);

// The letters, digits and combining marks of `text`, case folded, without spaces, punctuation
// or symbols: how headings are compared ("■ 자격 요건:" and "[자격요건]" are "자격요건",
// "Nice-to-have" is "nicetohave").
std::string fold_letters(std::string_view text);

}  // namespace kgex
