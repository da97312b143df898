// Not public: the eight-bytes-at-a-time search for the next byte a writer must look at, shared
// by the text cleaning of exporters/detail/text.cpp and the XML escaping of xml_stream.cpp.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kgex::exporters::word_scan {

static_assert(std::endian::native == std::endian::little, "the scan reads text as little-endian");

inline constexpr std::uint64_t kOnes = 0x0101010101010101u;
inline constexpr std::uint64_t kHigh = 0x8080808080808080u;
// The byte that fills a word past the end of the text: no writer looks at it.
inline constexpr std::uint64_t kFiller = kOnes * 'a';

// The high bit of each zero byte of `v` set, and perhaps that of a byte above one (a borrow):
// the lowest set bit is exact.
constexpr std::uint64_t zero_bytes(std::uint64_t v) { return (v - kOnes) & ~v & kHigh; }
// The same for the bytes of `w` below 0x20.
constexpr std::uint64_t below_space(std::uint64_t w) { return (w - kOnes * 0x20) & ~w & kHigh; }
// The same for the bytes of `w` equal to `c`.
constexpr std::uint64_t bytes_equal(std::uint64_t w, unsigned char c) {
  return zero_bytes(w ^ (kOnes * c));
}

inline std::uint64_t load(const char* at) {
  std::uint64_t w = 0;
  std::memcpy(&w, at, sizeof w);
  return w;
}

// The position of the first byte at or after `pos` that `marks` marks, or text.size(). `marks`
// takes eight bytes of text as a little-endian word and returns a word with the high bit of each
// byte to look at set, whose lowest set bit is exact (the masks above, or'ed, are), and marks no
// kFiller byte. The last bytes are tested as one word: the text's last eight shifted down (a
// byte before `pos` cannot mark one after it) or, in a text of fewer than eight, a copy.
template <typename Marks>
inline std::size_t find_marked(std::string_view text, std::size_t pos, Marks marks) {
  const char* data = text.data();
  const std::size_t size = text.size();
  for (; pos + 8 <= size; pos += 8) {
    if (const std::uint64_t found = marks(load(data + pos)); found != 0) {
      return pos + static_cast<std::size_t>(std::countr_zero(found)) / 8;
    }
  }
  if (pos == size) {
    return pos;
  }
  std::uint64_t w = kFiller;
  if (size >= 8) {
    const auto shift = static_cast<unsigned>(pos - (size - 8)) * 8;  // 8 to 56
    w = (load(data + size - 8) >> shift) | (kFiller << (64 - shift));
  } else {
    std::memcpy(&w, data + pos, size - pos);
  }
  const std::uint64_t found = marks(w);
  return found == 0 ? size : pos + static_cast<std::size_t>(std::countr_zero(found)) / 8;
}

}  // namespace kgex::exporters::word_scan
