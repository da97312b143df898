#include "core/string_index.h"

#include "core/string_hash.h"

namespace kgex {

std::uint32_t StringIndex::hash(std::string_view s) {
  return static_cast<std::uint32_t>(StringHash{}(s));
}

void StringIndex::reserve(std::size_t keys, std::size_t chars) {
  chars_.reserve(chars);
  ends_.reserve(keys);
  std::size_t slots = 16;
  while (slots < 2 * keys) {
    slots *= 2;
  }
  if (slots > slots_.size()) {
    grow(slots);
  }
}

std::size_t StringIndex::slot_of(std::string_view s, std::uint32_t h) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kAbsent || (slot.hash == h && key(slot.id) == s)) {
      return i;
    }
  }
}

void StringIndex::grow(std::size_t slots) {
  std::vector<Slot> previous(slots, Slot{});
  previous.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : previous) {
    if (slot.id != kAbsent) {
      std::size_t i = slot.hash & mask;
      while (slots_[i].id != kAbsent) {
        i = (i + 1) & mask;
      }
      slots_[i] = slot;
    }
  }
}

std::uint32_t StringIndex::insert(std::string_view s) {
  if (2 * (size() + 1) > slots_.size()) {
    grow(slots_.empty() ? 16 : 2 * slots_.size());
  }
  const std::uint32_t h = hash(s);
  Slot& slot = slots_[slot_of(s, h)];
  if (slot.id == kAbsent) {
    chars_.append(s);
    slot = {h, static_cast<std::uint32_t>(ends_.size())};
    ends_.push_back(static_cast<std::uint32_t>(chars_.size()));
  }
  return slot.id;
}

std::uint32_t StringIndex::find(std::string_view s) const { return find(s, StringHash{}(s)); }

std::uint32_t StringIndex::find(std::string_view s, std::size_t hash) const {
  if (slots_.empty()) {
    return kAbsent;
  }
  return slots_[slot_of(s, static_cast<std::uint32_t>(hash))].id;
}

}  // namespace kgex
