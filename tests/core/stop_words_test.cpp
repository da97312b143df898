#include "core/stop_words.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/core/random_words.h"

namespace kgex {

TEST_CASE("StopWords: stems outside ASCII take endings, ASCII words are whole words") {
  const StopWords stop({"않", "no", "아직"});
  CHECK(stop.matches("않는다"));
  CHECK(stop.matches("않"));
  CHECK(stop.matches("아직은"));
  CHECK(stop.matches("no"));
  CHECK_FALSE(stop.matches("now"));
  CHECK_FALSE(stop.matches("notion"));
  CHECK_FALSE(stop.matches("하지않"));
  CHECK_FALSE(StopWords().matches("no"));
  CHECK(StopWords().empty());
  CHECK_FALSE(stop.empty());
  const StopWords again(stop.stems(), stop.whole());
  CHECK(again.matches("않는다"));
  CHECK_FALSE(again.matches("now"));
}

TEST_CASE("StopWords answers as the rule's word-by-word test does") {
  // A word matches a stop word it starts with, if that is all of it or has a byte outside ASCII.
  const auto scan = [](const std::vector<std::string>& list, const std::string& w) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& stop) {
      return w.starts_with(stop) &&
             (w.size() == stop.size() || std::any_of(stop.begin(), stop.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80;
              }));
    });
  };
  RandomWords random({"n", "o", "w", "않", "는", "", "é"}, 11);
  for (int round = 0; round < 300; ++round) {
    const std::vector<std::string> list = random.list(5, 2);
    const StopWords stop(list);
    for (int probe = 0; probe < 30; ++probe) {
      const std::string w = random.word(4);
      CHECK(stop.matches(w) == scan(list, w));
    }
  }
}

}  // namespace kgex
