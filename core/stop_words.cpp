#include "core/stop_words.h"

#include <algorithm>

namespace kgex {

StopWords::StopWords(const std::vector<std::string>& words) {
  std::vector<std::string> stems;
  std::vector<std::string> whole;
  for (const std::string& w : words) {
    const bool ascii = std::none_of(w.begin(), w.end(),
                                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    (ascii ? whole : stems).push_back(w);
  }
  stems_ = AffixWords(std::move(stems));
  whole_ = AffixWords(std::move(whole));
}

}  // namespace kgex
