#include "core/string_index.h"

#include <doctest/doctest.h>

#include <string>
#include <unordered_map>

#include "core/string_hash.h"

namespace kgex {
namespace {

TEST_CASE("StringIndex numbers distinct strings in the order they were first added") {
  StringIndex index;
  CHECK(index.size() == 0);
  CHECK(index.find("openai") == StringIndex::kAbsent);
  CHECK(index.insert("openai") == 0);
  CHECK(index.insert("오픈ai") == 1);
  CHECK(index.insert("") == 2);
  CHECK(index.insert("openai") == 0);
  CHECK(index.size() == 3);
  CHECK(index.find("openai") == 0);
  CHECK(index.find("오픈ai") == 1);
  CHECK(index.find("") == 2);
  CHECK(index.contains(""));
  CHECK_FALSE(index.contains("open"));
  CHECK_FALSE(index.contains("openai "));
  CHECK(index.key(0) == "openai");
  CHECK(index.key(1) == "오픈ai");
  CHECK(index.key(2).empty());
  // With the hash worked out by the caller (for a HashBits filter in front).
  CHECK(index.find("오픈ai", StringHash{}("오픈ai")) == 1);
  CHECK(index.find("open", StringHash{}("open")) == StringIndex::kAbsent);
}

TEST_CASE("StringIndex keeps every key through growth, with or without reserve()") {
  for (const bool reserve : {false, true}) {
    StringIndex index;
    if (reserve) {
      index.reserve(5000, 40000);
    }
    std::unordered_map<std::string, std::uint32_t> expected;
    for (int i = 0; i < 5000; ++i) {
      // Keys that share prefixes, and repeats of earlier ones.
      const std::string key = "w" + std::to_string(i % 3700) + (i % 2 ? "\x1f" : "");
      const auto it = expected.emplace(key, static_cast<std::uint32_t>(expected.size())).first;
      CHECK(index.insert(key) == it->second);
    }
    CHECK(index.size() == expected.size());
    for (const auto& [key, id] : expected) {
      CHECK(index.find(key) == id);
      CHECK(index.key(id) == key);
    }
    CHECK(index.find("w3700") == StringIndex::kAbsent);
  }
}

TEST_CASE("StringIndex over fixed tables finds their keys, and copies them before a change") {
  StringIndex built;
  for (const char* key : {"openai", "오픈ai", "gemini", ""}) {
    built.insert(key);
  }
  // Tables as the build writes them for the built-in pack: static arrays of the same content.
  const StringIndex::Tables t = built.tables();
  const std::string chars(t.chars);
  const std::vector<std::uint32_t> ends(t.ends.begin(), t.ends.end());
  const std::vector<StringIndex::Slot> slots(t.slots.begin(), t.slots.end());
  StringIndex fixed(StringIndex::Tables{chars, ends, slots});
  CHECK(fixed.size() == 4);
  CHECK(fixed.tables().chars.data() == chars.data());  // a view, not a copy
  CHECK(fixed.find("gemini") == 2);
  CHECK(fixed.find("오픈ai", StringHash{}("오픈ai")) == 1);
  CHECK(fixed.find("") == 3);
  CHECK(fixed.find("gem") == StringIndex::kAbsent);
  CHECK(fixed.key(1) == "오픈ai");
  const StringIndex copy = fixed;
  CHECK(copy.tables().slots.data() == slots.data());
  CHECK(fixed.insert("gemini") == 2);
  CHECK(fixed.insert("claude") == 4);
  CHECK(fixed.tables().chars.data() != chars.data());
  CHECK(chars == std::string(t.chars));  // the fixed tables are untouched
  CHECK(fixed.find("openai") == 0);
  CHECK(fixed.find("claude") == 4);
  CHECK(copy.find("claude") == StringIndex::kAbsent);
  CHECK(copy.size() == 4);
}

}  // namespace
}  // namespace kgex
