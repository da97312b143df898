// Hashing for unordered containers keyed by std::string that are looked up by
// std::string_view without building a string (C++20 heterogeneous lookup),
// and a compact filter in front of such a container:
//   std::unordered_set<std::string, StringHash, std::equal_to<>> words;
//   words.contains(some_view);
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace kgex {

// Deliberately not noexcept: libstdc++ then keeps each key's hash in its node,
// so a lookup compares stored hashes before strings and walking a bucket never
// hashes the keys stored in it again.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Case-folded words; looked up by std::string_view without a copy.
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// One bit per hash value (modulo 2^16) of the strings added: a string whose bit
// is clear was never added. Eight kilobytes stay in cache where a large hash
// set does not, so most lookups of absent words end here.
class HashBits {
 public:
  void add(std::string_view s) { bits_[index(s)] = true; }
  bool may_contain(std::string_view s) const { return bits_[index(s)]; }
  // The same for a string whose StringHash is `hash`.
  bool may_contain_hash(std::size_t hash) const { return bits_[hash & (kBits - 1)]; }

 private:
  static constexpr std::size_t kBits = std::size_t{1} << 16;
  static std::size_t index(std::string_view s) { return StringHash{}(s) & (kBits - 1); }
  std::vector<bool> bits_ = std::vector<bool>(kBits, false);
};

}  // namespace kgex
