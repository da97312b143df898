// The literal words a token regex's full matches start or end with
// (extractor/match/regex_affixes.h).
#include "extractor/match/regex_affixes.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace kgex {
namespace {

using Words = std::vector<std::string>;

TEST_CASE("regex affixes: literal characters and groups of literal alternatives at either end") {
  const RegexAffixes a = regex_affixes("(운영|서비스)(하|하고|중인)?");
  CHECK(a.prefixes == Words{"서비스", "운영"});
  CHECK(a.suffixes.empty());
  const RegexAffixes b = regex_affixes("[가-힣]{1,6}(팀|센터)");
  CHECK(b.prefixes.empty());
  CHECK(b.suffixes == Words{"센터", "팀"});
  const RegexAffixes c = regex_affixes("(전무|상무)다");
  CHECK(c.prefixes == Words{"상무다", "전무다"});
  CHECK(c.suffixes == Words{"상무다", "전무다"});
  CHECK(regex_affixes("(19|20)[0-9]{2}.*").prefixes == Words{"19", "20"});
  CHECK(regex_affixes("지분").prefixes == Words{"지분"});
}

TEST_CASE("regex affixes: top-level alternatives give the words of all of them, or none") {
  const RegexAffixes a = regex_affixes("협력|제휴하는|손잡고");
  CHECK(a.prefixes == Words{"손잡고", "제휴하는", "협력"});
  const RegexAffixes b = regex_affixes("[가-힣]{0,4}장|리드");
  CHECK(b.prefixes.empty());
  CHECK(b.suffixes == Words{"리드", "장"});
}

TEST_CASE("regex affixes: ASCII is case folded; escapes are literal; other letters give none") {
  CHECK(regex_affixes("SaaS[0-9]*").prefixes == Words{"saas"});
  CHECK(regex_affixes("[A-Z][a-z]*\\.(ai|com)").suffixes == Words{".ai", ".com"});
  CHECK(regex_affixes("Ωmega").prefixes.empty());
  CHECK(regex_affixes("Ωmega").suffixes == Words{"mega"});
}

TEST_CASE("regex affixes: optional or repeated ends, classes, flags and bad syntax give none") {
  for (const char* source : {"(운영|서비스)?하", "[김이박][가-힣]{2}", "\\p{Lu}.*", "(?i)acme",
                             "팀+", "(a|b", "a)", "*a", ".*", "(a|)"}) {
    CAPTURE(source);
    CHECK(regex_affixes(source).prefixes.empty());
  }
  CHECK(regex_affixes("(a|)b").prefixes == Words{"ab", "b"});
  CHECK(regex_affixes("팀+").suffixes.empty());
}

TEST_CASE("regex affixes: the longest inner literal of each alternative") {
  CHECK(regex_affixes("(최대|2대|주요|대)?주주(사)?(다|이다)?").infixes == Words{"주주"});
  CHECK(regex_affixes("\\p{Lu}[\\p{L}]+-\\p{Lu}[\\p{L}]+").infixes == Words{"-"});
  CHECK(regex_affixes("[a-z]+Lab[0-9]|x*Hub").infixes == Words{"hub", "lab"});
  // An alternative without one, an optional or repeated literal, a group of alternatives: none.
  CHECK(regex_affixes("[a-z]+Lab|[0-9]+").infixes.empty());
  CHECK(regex_affixes("[a-z]+(ab)?[a-z]").infixes.empty());
  CHECK(regex_affixes("[a-z]+a+[a-z]").infixes.empty());
  CHECK(regex_affixes("[a-z]+(x|y)[a-z]").infixes.empty());
}

TEST_CASE("regex affixes: a digit that every alternative needs") {
  CHECK(regex_affixes("v?[0-9]+([.][0-9])?").digit);
  CHECK(regex_affixes("[0-9]{2,4}년|\\d+월").digit);
  CHECK(regex_affixes("(19|20)[0-9]{2}").digit);
  CHECK(regex_affixes("[1-9][0-9]|[0-35-9]").digit);
  // Optional digits, digits in one alternative only, or inside a group, need none.
  CHECK_FALSE(regex_affixes("SaaS[0-9]*").digit);
  CHECK_FALSE(regex_affixes("v[0-9]?").digit);
  CHECK_FALSE(regex_affixes("[0-9]{0,2}x").digit);
  CHECK_FALSE(regex_affixes("[0-9]{1,2}|Pro|Max").digit);
  CHECK_FALSE(regex_affixes("([0-9]+)").digit);
  CHECK_FALSE(regex_affixes("[0-9a-f]+").digit);
  CHECK_FALSE(regex_affixes("[^0-9]").digit);
  // Nor one that can backtrack past its time limit, which must run (see below).
  CHECK_FALSE(regex_affixes("v?[0-9]+(\\.[0-9]+){1,2}").digit);
}

TEST_CASE("regex affixes: none for a regex that can backtrack past its time limit") {
  // A quantifier inside a repeated group: the regex must run, so that its error is reported.
  const RegexAffixes a = regex_affixes("(a+)+b");
  CHECK(a.prefixes.empty());
  CHECK(a.suffixes.empty());
  CHECK(regex_affixes("x([a-z]*y)*z").suffixes.empty());
  CHECK(regex_affixes("x((a+)+)z").suffixes.empty());
  CHECK(regex_affixes("x([a-z]y)*z").suffixes == Words{"z"});
}

}  // namespace
}  // namespace kgex
