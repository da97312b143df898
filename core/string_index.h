// Distinct strings numbered 0, 1, 2... in the order they were first added, kept in one buffer
// and found through an open-addressing table: a few allocations in all where a hash set of
// std::string makes two or three per key. Built once, then looked up by string_view:
//   StringIndex words;
//   const std::uint32_t id = words.insert("openai");   // 0; the same id if added again
//   words.find("openai") == id;  words.find("x") == StringIndex::kAbsent;
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgex {

class StringIndex {
 public:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  // Room for `keys` keys of `chars` bytes in all without growing.
  void reserve(std::size_t keys, std::size_t chars);

  // The number of `s`, added if it is new.
  std::uint32_t insert(std::string_view s);

  // The number of `s`, or kAbsent.
  std::uint32_t find(std::string_view s) const;
  // The same, for a string whose StringHash (core/string_hash.h) is `hash`.
  std::uint32_t find(std::string_view s, std::size_t hash) const;
  bool contains(std::string_view s) const { return find(s) != kAbsent; }

  std::size_t size() const { return ends_.size(); }
  std::string_view key(std::uint32_t id) const {
    const std::uint32_t begin = id == 0 ? 0 : ends_[id - 1];
    return std::string_view(chars_).substr(begin, ends_[id] - begin);
  }

 private:
  struct Slot {
    std::uint32_t hash = 0;  // the low bits of the key's hash
    std::uint32_t id = kAbsent;
  };
  static std::uint32_t hash(std::string_view s);
  // The slot holding `s`, or the empty slot where it would go.
  std::size_t slot_of(std::string_view s, std::uint32_t h) const;
  void grow(std::size_t slots);

  std::string chars_;                // every key, one after another
  std::vector<std::uint32_t> ends_;  // key i ends at chars_[ends_[i]]
  std::vector<Slot> slots_;          // a power of two, at most half full
};

}  // namespace kgex
