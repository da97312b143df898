// Hashing for unordered containers keyed by std::string that are looked up by
// std::string_view without building a string (C++20 heterogeneous lookup),
// and a compact filter in front of such a container:
//   std::unordered_set<std::string, StringHash, std::equal_to<>> words;
//   words.contains(some_view);
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/owned_or_fixed.h"

namespace kgex {

// kgex's own string hash: the same value on every platform, compiler and standard library, so
// that tables the build writes (hash tables of the built-in pack) hold valid hashes wherever
// the binary runs. The bytes are read as little-endian words of eight (the last one overlapping
// the one before), or two overlapping words of four for 4-7 bytes, or three bytes for 1-3;
// murmur3's finaliser makes the low bits, which StringIndex and HashBits use, depend on all.
constexpr std::uint64_t hash_string(std::string_view s) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  const auto load = [&s](std::size_t at, std::size_t bytes) {  // 4 or 8 bytes from `at`
    std::uint64_t w = 0;
    if (!std::is_constant_evaluated() && std::endian::native == std::endian::little) {
      std::memcpy(&w, s.data() + at, bytes);
      return w;
    }
    for (std::size_t i = 0; i < bytes; ++i) {
      w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
    }
    return w;
  };
  const std::size_t n = s.size();
  std::uint64_t h = n * kMultiplier;
  if (n >= 8) {
    for (std::size_t at = 0; at + 8 < n; at += 8) {
      h = (h ^ load(at, 8)) * kMultiplier;
      h ^= h >> 29;
    }
    h = (h ^ load(n - 8, 8)) * kMultiplier;
  } else if (n >= 4) {
    h = (h ^ (load(0, 4) | load(n - 4, 4) << 32)) * kMultiplier;
  } else if (n > 0) {
    const auto byte = [&s](std::size_t i) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(s[i]));
    };
    h = (h ^ (byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16)) * kMultiplier;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

// Whether `a` and `b` hold the same bytes. Up to 16 bytes (most words) they are compared as
// overlapping words, as hash_string reads them, without a call to memcmp: StringIndex compares
// the key of every slot whose hash matches.
inline bool same_string(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) {
    return false;
  }
  const auto word = [](const char* p, auto w) {
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  if (n >= 8 && n <= 16) {
    return word(a.data(), std::uint64_t{}) == word(b.data(), std::uint64_t{}) &&
           word(a.data() + n - 8, std::uint64_t{}) == word(b.data() + n - 8, std::uint64_t{});
  }
  if (n >= 4 && n < 8) {
    return word(a.data(), std::uint32_t{}) == word(b.data(), std::uint32_t{}) &&
           word(a.data() + n - 4, std::uint32_t{}) == word(b.data() + n - 4, std::uint32_t{});
  }
  if (n < 4) {
    return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
  }
  return a == b;
}

// Deliberately not noexcept: libstdc++ then keeps each key's hash in its node,
// so a lookup compares stored hashes before strings and walking a bucket never
// hashes the keys stored in it again.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return static_cast<std::size_t>(hash_string(s));
  }
};

// One bit per hash value (modulo 2^16) of the strings added: a string whose bit
// is clear was never added. Eight kilobytes stay in cache where a large hash
// set does not, so most lookups of absent words end here. The bits can be a view of a fixed
// array of kWords words (see OwnedOrFixed).
class HashBits {
 public:
  static constexpr std::size_t kBits = std::size_t{1} << 16;
  static constexpr std::size_t kWords = kBits / 64;

  HashBits() : words_(std::vector<std::uint64_t>(kWords, 0)) {}
  explicit HashBits(std::span<const std::uint64_t> fixed) : words_(fixed) {}

  void add(std::string_view s) {
    const std::size_t i = index(s);
    words_.own()[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  bool may_contain(std::string_view s) const { return may_contain_hash(StringHash{}(s)); }
  // The same for a string whose StringHash is `hash`.
  bool may_contain_hash(std::size_t hash) const {
    const std::size_t i = hash & (kBits - 1);
    return ((words_.view()[i / 64] >> (i % 64)) & 1) != 0;
  }
  std::span<const std::uint64_t> words() const { return words_.view(); }

 private:
  static std::size_t index(std::string_view s) { return StringHash{}(s) & (kBits - 1); }
  OwnedOrFixed<std::uint64_t> words_;
};

}  // namespace kgex
