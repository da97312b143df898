#include "core/word_set.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/string_hash.h"

namespace kgex {

TEST_CASE("WordSet holds each word once, in the order first added") {
  WordSet set = {"builds", "ships"};
  CHECK(set.size() == 2);
  CHECK(set.insert("makes"));
  CHECK_FALSE(set.insert("ships"));
  CHECK(set.contains("ships"));
  CHECK_FALSE(set.contains("ship"));
  CHECK_FALSE(set.contains(""));
  CHECK(std::vector<std::string>(set.begin(), set.end()) ==
        std::vector<std::string>{"builds", "ships", "makes"});
  const std::vector<std::string> more = {"대표", "makes", ""};
  set.insert(more.begin(), more.end());
  CHECK(set.size() == 5);
  CHECK(set.contains(""));
  CHECK(set.contains("대표"));
  CHECK_FALSE(WordSet().contains(""));
  CHECK(WordSet().empty());
}

TEST_CASE("A WordSet is looked up with a hash computed once") {
  const WordSet set = {"builds", "ships", "대표"};
  for (const std::string word : {"builds", "ships", "대표", "ship", "", "makes"}) {
    CAPTURE(word);
    CHECK(set.contains(word, StringHash{}(word)) == set.contains(word));
  }
}

TEST_CASE("WordSets are equal when they hold the same words in any order") {
  CHECK(WordSet{"a", "b"} == WordSet{"b", "a"});
  CHECK(WordSet{"a", "b"} == WordSet{"a", "b", "a"});
  CHECK_FALSE(WordSet{"a", "b"} == WordSet{"a"});
  CHECK_FALSE(WordSet{"a", "b"} == WordSet{"a", "c"});
  CHECK(WordSet() == WordSet{});
}

TEST_CASE("A WordSet can be a view of an index's tables") {
  const WordSet built = {"씨", "님"};
  const WordSet view(StringIndex(built.index().tables()));
  CHECK(view == built);
  CHECK(view.contains("님"));
  CHECK(view.index().tables().chars.data() == built.index().tables().chars.data());
  WordSet changed = view;
  CHECK(changed.insert("군"));
  CHECK(changed.size() == 3);
  CHECK(view.size() == 2);
  CHECK_FALSE(built.contains("군"));
}

}  // namespace kgex
