// The words of a `starts` or `ends` token test, sorted, with the byte lengths they come in, so
// that a word is tested by looking up its own prefixes (or suffixes) of those lengths, a binary
// search each, instead of being compared with every word of the list: a rule's list of a
// hundred surnames or fifty endings was scanned for every token the rule tested.
//   AffixWords surnames({"김", "이", "박"});
//   surnames.starts("김하늘");   // true
//   surnames.ends("하늘이");     // true
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgex {

class AffixWords {
 public:
  AffixWords() = default;
  // The words in any order; repeated words are kept once.
  explicit AffixWords(std::vector<std::string> words);
  // Words already sorted and distinct, as words() gives them (the built-in pack's image holds
  // them so): not sorted again.
  static AffixWords from_sorted(std::vector<std::string> words);

  // Sorted (bytewise) and distinct.
  const std::vector<std::string>& words() const { return words_; }
  bool empty() const { return words_.empty(); }
  // Whether `w` starts (ends) with one of the words; with "" among them, every `w` does.
  bool starts(std::string_view w) const { return has_affix(w, false); }
  bool ends(std::string_view w) const { return has_affix(w, true); }
  // Whether `w` is one of the words.
  bool contains(std::string_view w) const;

  bool operator==(const AffixWords& other) const { return words_ == other.words_; }

 private:
  static constexpr unsigned kLong = 63;  // bit kLong of lengths_: a word of kLong bytes or more
  void measure();
  bool has_affix(std::string_view w, bool suffix) const;

  std::vector<std::string> words_;
  std::uint64_t lengths_ = 0;  // bit n: a word of n bytes
};

}  // namespace kgex
