// The words of a rule's `unless` or `lead_in` list, folded: a word with a byte outside ASCII is
// a stem that takes endings ("않" in "않는다"), an ASCII word only ever the whole word ("no" is
// not "now"). Held as two AffixWords, so that a token is tested by a few binary searches
// instead of a comparison with every word of the list.
//   StopWords stop({"않", "no"});
//   stop.matches("않는다");   // true
//   stop.matches("now");      // false
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/affix_words.h"

namespace kgex {

class StopWords {
 public:
  StopWords() = default;
  explicit StopWords(const std::vector<std::string>& words);
  // As stems() and whole() give them (the built-in pack's image holds them so).
  StopWords(AffixWords stems, AffixWords whole)
      : stems_(std::move(stems)), whole_(std::move(whole)) {}

  bool empty() const { return stems_.empty() && whole_.empty(); }
  // Whether folded word `w` starts with a stem or is a whole word of the list.
  bool matches(std::string_view w) const { return stems_.starts(w) || whole_.contains(w); }
  const AffixWords& stems() const { return stems_; }
  const AffixWords& whole() const { return whole_; }

 private:
  AffixWords stems_;
  AffixWords whole_;
};

}  // namespace kgex
