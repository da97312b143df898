// Distinct strings numbered 0, 1, 2... in the order they were first added, kept in one buffer
// and found through an open-addressing table: a few allocations in all where a hash set of
// std::string makes two or three per key. Built once, then looked up by string_view:
//   StringIndex words;
//   const std::uint32_t id = words.insert("openai");   // 0; the same id if added again
//   words.find("openai") == id;  words.find("x") == StringIndex::kAbsent;
// An index can also be a view of tables that outlive it (static arrays the build wrote for the
// built-in pack): nothing is built or copied until something is added to it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_hash.h"

namespace kgex {

class StringIndex {
 public:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  struct Slot {
    std::uint32_t hash = 0;  // the low bits of the key's StringHash (core/string_hash.h)
    std::uint32_t id = kAbsent;
  };
  // Key i is chars[ends[i - 1], ends[i]) (from 0 for the first); `slots` is a power of two in
  // size, at most half full, each key in the first free slot from its hash on.
  struct Tables {
    std::string_view chars;
    std::span<const std::uint32_t> ends;
    std::span<const Slot> slots;
  };

  StringIndex() = default;
  // A view of `fixed`, which must outlive the index and every copy of it.
  explicit StringIndex(const Tables& fixed) : fixed_(fixed), is_fixed_(true) {}

  // Room for `keys` keys of `chars` bytes in all without growing.
  void reserve(std::size_t keys, std::size_t chars);

  // The number of `s`, added if it is new.
  std::uint32_t insert(std::string_view s);

  // The number of `s`, or kAbsent. Inline, with the hash: word sets are looked up for every
  // token a rule tests.
  std::uint32_t find(std::string_view s) const { return find(s, hash_string(s)); }
  // The same, for a string whose StringHash (core/string_hash.h) is `hash`.
  std::uint32_t find(std::string_view s, std::size_t hash) const {
    const Tables t = tables();
    if (t.slots.empty()) {
      return kAbsent;
    }
    return t.slots[slot_of(t, s, static_cast<std::uint32_t>(hash))].id;
  }
  bool contains(std::string_view s) const { return find(s) != kAbsent; }

  std::size_t size() const { return is_fixed_ ? fixed_.ends.size() : ends_.size(); }
  std::string_view key(std::uint32_t id) const { return key_in(tables(), id); }

  // The index's tables, views of its own storage or of the fixed tables.
  Tables tables() const { return is_fixed_ ? fixed_ : Tables{chars_, ends_, slots_}; }

 private:
  static std::string_view key_in(const Tables& t, std::uint32_t id) {
    const std::uint32_t begin = id == 0 ? 0 : t.ends[id - 1];
    return {t.chars.data() + begin, t.ends[id] - begin};  // within chars by construction
  }
  // The slot holding `s`, or the empty slot where it would go.
  static std::size_t slot_of(const Tables& t, std::string_view s, std::uint32_t h) {
    const std::size_t mask = t.slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = t.slots[i];
      if (slot.id == kAbsent || (slot.hash == h && same_string(key_in(t, slot.id), s))) {
        return i;
      }
    }
  }
  void grow(std::size_t slots);
  // Copies fixed tables into the index's own storage, before a change.
  void own();

  std::string chars_;                // every key, one after another
  std::vector<std::uint32_t> ends_;  // key i ends at chars_[ends_[i]]
  std::vector<Slot> slots_;          // a power of two, at most half full
  Tables fixed_;
  bool is_fixed_ = false;
};

}  // namespace kgex
