// Whole-text matching for the plain subset of ICU regular expressions that token tests use
// ("[가-힣]{2,8}(팀|본부)", "\p{Lu}.*"), without ICU's regex engine: its one-time set-up and
// its cost per match (about 4,500 instructions on a short token) were most of the extraction
// of a short document. CompiledRegex tries it first and falls back to ICU for the rest.
// Not public.
//
// The subset: literal characters (ASCII letters and digits, Hangul syllables, '-', '\'',
// and \. and \-); '.'; classes of such characters and ranges, \p{L} and \p{Lu}, with a
// trailing '-' taken literally; groups (...) with alternatives; the quantifiers ?, *, +,
// {n} and {n,m}, greedy. Anything else (anchors, negated classes, lazy or possessive
// quantifiers, other escapes and properties) makes parse() decline the pattern.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kgex {

class SimpleRegex {
 public:
  // The pattern, or nullopt when it is not in the subset.
  static std::optional<SimpleRegex> parse(std::string_view pattern);

  // Whether the whole of `text` matches; nullopt when the search takes more than
  // kStepBudget steps (the caller then asks ICU, with its time limit).
  std::optional<bool> full_match(std::string_view text) const;

  static constexpr std::uint32_t kStepBudget = 4096;

  struct Node;
  using Sequence = std::vector<Node>;

  // A set of code points: ranges, and general categories.
  struct CharSet {
    std::vector<std::pair<char32_t, char32_t>> ranges;  // sorted, disjoint
    bool letter = false;                                // \p{L}
    bool upper = false;                                 // \p{Lu}
    bool any_but_eol = false;                           // '.': anything but a line terminator
    bool contains(char32_t c) const;
  };

  struct Node {
    bool group = false;
    CharSet set;                         // !group
    std::vector<Sequence> alternatives;  // group
    // group: what every alternative starts with, when each starts with a required literal
    // or class of literals ("(팀|본부|실)"); empty otherwise.
    CharSet first;
    std::uint32_t min = 1;
    std::uint32_t max = 1;  // kUnbounded for * and +
  };
  static constexpr std::uint32_t kUnbounded = UINT32_MAX;

 private:
  Node root_;  // a group of the pattern's alternatives, once
};

}  // namespace kgex
