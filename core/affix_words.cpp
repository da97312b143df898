#include "core/affix_words.h"

#include <algorithm>
#include <bit>

namespace kgex {

AffixWords::AffixWords(std::vector<std::string> words) : words_(std::move(words)) {
  std::sort(words_.begin(), words_.end());
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  measure();
}

AffixWords AffixWords::from_sorted(std::vector<std::string> words) {
  AffixWords a;
  a.words_ = std::move(words);
  a.measure();
  return a;
}

void AffixWords::measure() {
  for (const std::string& word : words_) {
    lengths_ |= std::uint64_t{1} << std::min<std::size_t>(word.size(), kLong);
  }
}

bool AffixWords::contains(std::string_view part) const {
  const auto at = std::lower_bound(words_.begin(), words_.end(), part,
                                   [](const std::string& a, std::string_view b) { return a < b; });
  return at != words_.end() && *at == part;
}

bool AffixWords::has_affix(std::string_view w, bool suffix) const {
  std::uint64_t lengths = lengths_ & ~(std::uint64_t{1} << kLong);
  if (w.size() < kLong) {
    lengths &= (std::uint64_t{2} << w.size()) - 1;
  }
  for (; lengths != 0; lengths &= lengths - 1) {
    const auto length = static_cast<std::size_t>(std::countr_zero(lengths));
    if (contains(suffix ? w.substr(w.size() - length) : w.substr(0, length))) {
      return true;
    }
  }
  if ((lengths_ >> kLong) == 0) {
    return false;
  }
  return std::any_of(words_.begin(), words_.end(), [&](const std::string& x) {
    return x.size() >= kLong && (suffix ? w.ends_with(x) : w.starts_with(x));
  });
}

}  // namespace kgex
