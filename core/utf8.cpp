#include "core/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

#include "core/utf8_decode.h"

namespace kgex {

std::size_t count_code_points_utf8(std::string_view text) {
  // Every byte but a continuation byte (10xxxxxx) starts a code point: one whose top bit is
  // clear or whose next bit is set. Without SSE2 (and after it, for the last bytes), eight bytes
  // are tested at a time, their counts summed in the bytes of `counts` and then added up by one
  // multiplication, which holds while the sum fits in a byte: 31 rounds of at most eight.
  constexpr std::uint64_t kHigh = 0x8080808080808080U;
  constexpr std::uint64_t kOnes = 0x0101010101010101U;
  constexpr std::size_t kRounds = 31;
  std::size_t n = 0;
  std::size_t i = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  // With SSE2, sixteen bytes at a time: a continuation byte is one below 0xC0 as a signed byte,
  // and each round subtracts the comparison's 0xFF (-1) from sixteen byte counters, which hold
  // 255 rounds before _mm_sad_epu8 adds them up. The last bytes of a text of sixteen or more
  // are counted in its last sixteen, those counted before masked out; a shorter text goes on
  // below.
  const auto continuations = [](__m128i v) {
    return _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)));
  };
  const auto sum = [](__m128i counts) {
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    return static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) +
           static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  };
  const auto load = [](const char* at) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  };
  std::size_t counted = 0;  // continuation bytes among the first i
  while (i + 16 <= text.size()) {
    __m128i counts = _mm_setzero_si128();
    for (std::size_t r = 0; r < 255 && i + 16 <= text.size(); ++r, i += 16) {
      counts = _mm_sub_epi8(counts, continuations(load(text.data() + i)));
    }
    counted += sum(counts);
  }
  if (i < text.size() && text.size() >= 16) {
    // 0xFF in the last `left` of sixteen lanes: kLanes from `left` on.
    static constexpr char kLanes[32] = {0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
                                        0,  0,  0,  0,  0,  -1, -1, -1, -1, -1, -1,
                                        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
    const std::size_t left = text.size() - i;
    const __m128i last = continuations(load(text.data() + text.size() - 16));
    counted += sum(_mm_sub_epi8(_mm_setzero_si128(), _mm_and_si128(last, load(kLanes + left))));
    i = text.size();
  }
  n = i - counted;
#endif
  while (i + 8 <= text.size()) {
    std::uint64_t counts = 0;
    for (std::size_t r = 0; r < kRounds && i + 8 <= text.size(); ++r, i += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, text.data() + i, sizeof w);
      counts += ((~w | (w << 1)) & kHigh) >> 7;
    }
    n += static_cast<std::size_t>((counts * kOnes) >> 56);
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  return decode_code_point(text, pos);
}

void append_code_point(std::string& out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
  if (!error) {
    out.append(buf, static_cast<std::size_t>(len));
  }
}

bool hangul_syllable_at(std::string_view text, std::size_t pos) {
  constexpr char32_t kFirst = 0xAC00;
  constexpr char32_t kLast = 0xD7A3;
  if (text.size() < pos + 3) {
    return false;
  }
  const auto b0 = static_cast<unsigned char>(text[pos]);
  const auto b1 = static_cast<unsigned char>(text[pos + 1]);
  const auto b2 = static_cast<unsigned char>(text[pos + 2]);
  if (b0 < 0xEA || b0 > 0xED || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) {
    return false;
  }
  const char32_t c = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  return c >= kFirst && c <= kLast;
}

}  // namespace kgex
