// Literal words that every full match of a token regex starts or ends with, or holds, and
// whether it holds a digit, for the rule filter: a sentence where no token starts (ends with,
// holds) one of them, or has a digit, cannot match a rule that requires a token of that regex. Not
// public; used by RuleFilter.
//   regex_affixes("(운영|서비스)(하|하고)?")  // prefixes {운영, 서비스}, no suffixes
//   regex_affixes("[가-힣]{1,6}(팀|센터)")    // no prefixes, suffixes {팀, 센터}
//   regex_affixes("v?[0-9]+([.][0-9])?")      // no words, a digit
//   regex_affixes("(최대|대)?주주(사)?")        // no prefixes or suffixes, infixes {주주}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kgex {

// Each list is empty when the regex guarantees no literal there. The words are case folded as
// tokens are (ASCII letters lower case); a regex with other letters outside Hangul syllables,
// with an inline flag or with syntax this reading does not know gives no words.
struct RegexAffixes {
  std::vector<std::string> prefixes;
  std::vector<std::string> suffixes;
  // Words one of which every full match holds somewhere: the longest run of literal characters
  // that no quantifier makes optional of each alternative (none when one has no such run).
  std::vector<std::string> infixes;
  // Whether every full match holds a digit: each alternative has a class of ASCII digits
  // ([0-9], [1-9]) or \d (any decimal digit, as Token::has_digit counts them) that no
  // quantifier makes optional.
  bool digit = false;
};

RegexAffixes regex_affixes(std::string_view source);

}  // namespace kgex
