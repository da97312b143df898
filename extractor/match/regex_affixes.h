// Literal words that every full match of a token regex starts or ends with, for the rule
// filter: a sentence where no token starts (or ends) with one of them cannot match a rule
// that requires a token of that regex. Not public; used by RuleFilter.
//   regex_affixes("(운영|서비스)(하|하고)?")  // prefixes {운영, 서비스}, no suffixes
//   regex_affixes("[가-힣]{1,6}(팀|센터)")    // no prefixes, suffixes {팀, 센터}
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
};

RegexAffixes regex_affixes(std::string_view source);

}  // namespace kgex
