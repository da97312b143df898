#include "core/string_index.h"

namespace kgex {

void StringIndex::own() {
  if (is_fixed_) {
    chars_.assign(fixed_.chars);
    ends_.assign(fixed_.ends.begin(), fixed_.ends.end());
    slots_.assign(fixed_.slots.begin(), fixed_.slots.end());
    fixed_ = {};
    is_fixed_ = false;
  }
}

void StringIndex::reserve(std::size_t keys, std::size_t chars) {
  own();
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
  own();
  if (2 * (size() + 1) > slots_.size()) {
    grow(slots_.empty() ? 16 : 2 * slots_.size());
  }
  const auto h = static_cast<std::uint32_t>(hash_string(s));
  Slot& slot = slots_[slot_of(tables(), s, h)];
  if (slot.id == kAbsent) {
    chars_.append(s);
    slot = {h, static_cast<std::uint32_t>(ends_.size())};
    ends_.push_back(static_cast<std::uint32_t>(chars_.size()));
  }
  return slot.id;
}

}  // namespace kgex
