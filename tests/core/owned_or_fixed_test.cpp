#include "core/owned_or_fixed.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <vector>

#include "core/string_hash.h"

namespace kgex {
namespace {

TEST_CASE("OwnedOrFixed is a vector of its own or a view of fixed storage until changed") {
  OwnedOrFixed<std::uint32_t> owned;
  CHECK(owned.view().empty());
  owned.own().push_back(7);
  owned.own().push_back(8);
  CHECK(std::vector<std::uint32_t>(owned.view().begin(), owned.view().end()) ==
        std::vector<std::uint32_t>{7, 8});
  const OwnedOrFixed<std::uint32_t> owned_copy = owned;
  CHECK(owned_copy.view().data() != owned.view().data());
  CHECK(owned_copy.view().size() == 2);

  static constexpr std::array<std::uint32_t, 3> kFixed = {1, 2, 3};
  OwnedOrFixed<std::uint32_t> fixed{std::span<const std::uint32_t>(kFixed)};
  CHECK(fixed.view().data() == kFixed.data());
  const OwnedOrFixed<std::uint32_t> fixed_copy = fixed;
  CHECK(fixed_copy.view().data() == kFixed.data());
  fixed.own().push_back(4);
  CHECK(fixed.view().size() == 4);
  CHECK(fixed.view()[0] == 1);
  CHECK(fixed_copy.view().size() == 3);
}

TEST_CASE("HashBits over fixed words answers as the bits they were copied from") {
  HashBits bits;
  bits.add("openai");
  bits.add("오픈ai");
  const std::vector<std::uint64_t> words(bits.words().begin(), bits.words().end());
  REQUIRE(words.size() == HashBits::kWords);
  const HashBits fixed{std::span<const std::uint64_t>(words)};
  for (const char* w : {"openai", "오픈ai"}) {
    CHECK(fixed.may_contain(w));
    CHECK(fixed.may_contain_hash(StringHash{}(w)));
  }
  int absent = 0;
  for (int i = 0; i < 100; ++i) {
    absent += fixed.may_contain("w" + std::to_string(i)) ? 0 : 1;
  }
  CHECK(absent >= 98);
}

}  // namespace
}  // namespace kgex
