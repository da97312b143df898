// Grouping pairs by key: offsets per key, and values in their original order within a key.
#include "core/group_by_key.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace kgex {
namespace {

TEST_CASE("values are grouped by key, each key keeping the order its pairs came in") {
  const std::vector<std::pair<std::uint32_t, std::string>> pairs{
      {2, "c1"}, {0, "a1"}, {2, "c2"}, {0, "a2"}, {3, "d1"}};
  std::vector<std::uint32_t> first;
  std::vector<std::string> values(pairs.size());
  group_by_key(pairs, 4, first, [&](std::uint32_t at, const std::string& v) { values[at] = v; });
  CHECK(first == std::vector<std::uint32_t>{0, 2, 2, 4, 5});
  CHECK(values == std::vector<std::string>{"a1", "a2", "c1", "c2", "d1"});
}

TEST_CASE("no pairs give an empty group for every key") {
  const std::vector<std::pair<std::uint32_t, int>> none;
  std::vector<std::uint32_t> first{9, 9};
  group_by_key(none, 3, first, [](std::uint32_t, int) { FAIL("nothing to place"); });
  CHECK(first == std::vector<std::uint32_t>{0, 0, 0, 0});
}

}  // namespace
}  // namespace kgex
