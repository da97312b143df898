// Random words and word lists made of given pieces, for tests that compare a word-list
// structure with a plain scan of its list.
#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace kgex {

class RandomWords {
 public:
  RandomWords(std::vector<std::string> pieces, unsigned seed)
      : pieces_(std::move(pieces)), random_(seed) {}

  // A word of up to `most` pieces (an empty piece makes shorter words likelier).
  std::string word(std::size_t most) {
    std::string w;
    for (std::size_t n = random_() % (most + 1); n > 0; --n) {
      w += pieces_[random_() % pieces_.size()];
    }
    return w;
  }

  // Fewer than `most` words of up to `longest` pieces each.
  std::vector<std::string> list(std::size_t most, std::size_t longest) {
    std::vector<std::string> out;
    for (std::size_t n = random_() % most; n > 0; --n) {
      out.push_back(word(longest));
    }
    return out;
  }

 private:
  std::vector<std::string> pieces_;
  std::mt19937 random_;
};

}  // namespace kgex
