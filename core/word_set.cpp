#include "core/word_set.h"

#include <algorithm>

namespace kgex {

WordSet::WordSet(std::initializer_list<std::string_view> words) {
  insert(words.begin(), words.end());
}

bool WordSet::insert(std::string_view word) {
  const std::size_t before = index_.size();
  index_.insert(word);
  return index_.size() > before;
}

bool operator==(const WordSet& a, const WordSet& b) {
  return a.size() == b.size() &&
         std::all_of(a.begin(), a.end(), [&b](std::string_view w) { return b.contains(w); });
}

}  // namespace kgex
