// Not public: the search for the next byte a writer must look at, sixteen bytes at a time with
// SSE2 and eight at a time in a word, shared by the text cleaning of exporters/detail/text.cpp
// and the XML escaping of xml_stream.cpp.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

#if defined(__SSE2__)
// The SSE2 forms of the masks: 0xFF in each byte of `v` below 0x20 (unsigned), or below 0x20 or
// from 0x80 on (a signed comparison), or equal to `c`.
inline __m128i below_space(__m128i v) {
  return _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
}
inline __m128i below_space_or_high(__m128i v) { return _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)); }
inline __m128i bytes_equal(__m128i v, unsigned char c) {
  return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c)));
}
#endif

// The position of the first byte at or after `pos` that `marks` marks, or text.size(). `marks`
// takes eight bytes of text as a little-endian word and returns a word with the high bit of each
// byte to look at set, whose lowest set bit is exact (the masks above, or'ed, are), and marks no
// kFiller byte; with SSE2 it also takes sixteen bytes as an __m128i and returns 0xFF in each byte
// to look at, the same bytes, and the last bytes of a text of sixteen or more are tested in its
// last sixteen. Otherwise the last bytes are tested as one word: the text's last eight shifted
// down (a byte before `pos` cannot mark one after it) or, in a text of fewer than eight, a copy.
template <typename Marks>
inline std::size_t find_marked(std::string_view text, std::size_t pos, Marks marks) {
  const char* data = text.data();
  const std::size_t size = text.size();
#if defined(__SSE2__)
  for (; pos + 16 <= size; pos += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    if (const auto found = static_cast<unsigned>(_mm_movemask_epi8(marks(v))); found != 0) {
      return pos + static_cast<std::size_t>(std::countr_zero(found));
    }
  }
  if (pos < size && size >= 16) {
    // The last bytes of a text of sixteen or more: its last sixteen, without the marks of the
    // bytes before `pos`.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + size - 16));
    const unsigned found = static_cast<unsigned>(_mm_movemask_epi8(marks(v))) &
                           (~0U << static_cast<unsigned>(16 - (size - pos)));
    return found == 0 ? size : size - 16 + static_cast<std::size_t>(std::countr_zero(found));
  }
#endif
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
