#include "core/affix_words.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/core/random_words.h"

namespace kgex {

TEST_CASE("AffixWords: a word starts or ends with one of the list") {
  const AffixWords surnames({"이", "김", "남궁", "이"});
  CHECK(surnames.words() == std::vector<std::string>{"김", "남궁", "이"});
  CHECK(surnames.starts("김하늘"));
  CHECK(surnames.starts("남궁민"));
  CHECK(surnames.starts("김"));
  CHECK_FALSE(surnames.starts("남기"));
  CHECK_FALSE(surnames.starts("하늘김"));
  CHECK(surnames.ends("하늘김"));
  CHECK_FALSE(surnames.ends(""));
  CHECK(surnames.contains("남궁"));
  CHECK_FALSE(surnames.contains("남"));
  CHECK_FALSE(AffixWords().starts("김"));
  CHECK(AffixWords({""}).starts(""));
  CHECK(AffixWords({""}).ends("x"));
  CHECK(AffixWords::from_sorted(surnames.words()) == surnames);
  const std::string long_word(70, 'a');
  const AffixWords long_list({long_word, "b"});
  CHECK(long_list.starts(long_word + "x"));
  CHECK(long_list.ends("x" + long_word));
  CHECK_FALSE(long_list.starts(long_word.substr(1)));
}

TEST_CASE("AffixWords answers as a scan of every word does") {
  RandomWords random({"a", "b", "ab", "김", "장", "실장", "", "é"}, 7);
  for (int round = 0; round < 300; ++round) {
    const std::vector<std::string> list = random.list(6, 3);
    const AffixWords affixes(list);
    for (int probe = 0; probe < 30; ++probe) {
      const std::string w = random.word(5);
      CHECK(affixes.starts(w) ==
            std::any_of(list.begin(), list.end(), [&](const auto& x) { return w.starts_with(x); }));
      CHECK(affixes.ends(w) ==
            std::any_of(list.begin(), list.end(), [&](const auto& x) { return w.ends_with(x); }));
    }
  }
}

}  // namespace kgex
