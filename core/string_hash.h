// Hashing for unordered containers keyed by std::string that are looked up by
// std::string_view without building a string (C++20 heterogeneous lookup):
//   std::unordered_set<std::string, StringHash, std::equal_to<>> words;
//   words.contains(some_view);
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace kgex {

// Deliberately not noexcept: libstdc++ then keeps each key's hash in its node,
// so a lookup compares stored hashes before strings and walking a bucket never
// hashes the keys stored in it again.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace kgex
