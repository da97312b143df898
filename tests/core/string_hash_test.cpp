#include "core/string_hash.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace kgex {
namespace {

// The values are fixed: the build writes hashes into tables of the built-in pack, which must
// hold on any machine the binary runs on. Computing them at compile time takes the byte-by-byte
// path, at run time whole words at a time; both agree.
static_assert(hash_string("") == 0);
static_assert(hash_string("a") == 0x7f736569bbf3e119ULL);
static_assert(hash_string("openai") == 0xbde83421084b6678ULL);
static_assert(hash_string("0123456789abcdef") == 0xe13f6d8140e16a8fULL);

TEST_CASE("hash_string gives the same values at run time as at compile time") {
  for (const std::string s : {"a", "openai", "0123456789abcdef"}) {
    CAPTURE(s);
    CHECK(StringHash{}(s) == static_cast<std::size_t>(hash_string(s)));
  }
  CHECK(hash_string("오픈ai") == 0x96b4ab47fe3ccf89ULL);
  CHECK(hash_string("샘 올트먼") == 0x9a98f82bb4a4b276ULL);
  // Every byte counts, at every position and length.
  const std::string text = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::set<std::uint64_t> seen;
  for (std::size_t n = 0; n <= text.size(); ++n) {
    std::string s = text.substr(0, n);
    CHECK(seen.insert(hash_string(s)).second);
    for (std::size_t i = 0; i < n; ++i) {
      s[i] ^= 1;
      CHECK(seen.insert(hash_string(s)).second);
      s[i] ^= 1;
    }
  }
}

TEST_CASE("hash_string spreads similar words over the low bits HashBits and StringIndex use") {
  // 4,096 words that differ in a digit or two fill most of 2^16 buckets without piling up.
  std::set<std::uint64_t> buckets;
  for (int i = 0; i < 4096; ++i) {
    buckets.insert(hash_string("word" + std::to_string(i)) & 0xFFFF);
  }
  CHECK(buckets.size() > 3900);
}

TEST_CASE("same_string tells apart strings that differ in any one byte, of any length") {
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string a;
    for (std::size_t i = 0; i < n; ++i) {
      a += static_cast<char>('a' + i % 26);
    }
    CAPTURE(n);
    CHECK(same_string(a, std::string(a)));
    CHECK_FALSE(same_string(a, a + "x"));
    CHECK_FALSE(same_string(a + "x", a));
    for (std::size_t i = 0; i < n; ++i) {
      std::string b = a;
      b[i] = '\xEA';  // a byte of a Hangul syllable
      CAPTURE(i);
      CHECK_FALSE(same_string(a, b));
      CHECK(same_string(b, std::string(b)));
    }
  }
  // Views into longer strings compare only their own bytes.
  const std::string text = "openai openai!";
  CHECK(same_string(std::string_view(text).substr(0, 6), std::string_view(text).substr(7, 6)));
  CHECK_FALSE(
      same_string(std::string_view(text).substr(0, 7), std::string_view(text).substr(7, 7)));
}

}  // namespace
}  // namespace kgex
