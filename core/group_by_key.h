// Groups (key, value) pairs by key with a counting sort, the layout of the gazetteer's variants
// and the rule filter's word sets: the values of key k end up at positions [first[k],
// first[k + 1]), and the pairs of one key keep the order they came in.
//   std::vector<std::uint32_t> first;
//   std::vector<int> values(pairs.size());
//   group_by_key(pairs, keys, first, [&](std::uint32_t at, int v) { values[at] = v; });
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kgex {

// `pairs` hold keys below `keys`; `place(position, value)` is called once per pair.
template <class Pairs, class Place>
void group_by_key(const Pairs& pairs, std::size_t keys, std::vector<std::uint32_t>& first,
                  Place&& place) {
  first.assign(keys + 1, 0);
  for (const auto& [key, value] : pairs) {
    ++first[key + 1];
  }
  for (std::size_t k = 0; k < keys; ++k) {
    first[k + 1] += first[k];
  }
  std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
  for (const auto& [key, value] : pairs) {
    place(next[key]++, value);
  }
}

}  // namespace kgex
