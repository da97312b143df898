#include "core/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

#include "core/utf8_decode.h"

namespace kgex {

std::size_t count_code_points_utf8(std::string_view text) {
  // Every byte but a continuation byte (10xxxxxx) starts a code point: one whose top bit is
  // clear or whose next bit is set. Eight bytes are tested at a time, their counts summed in
  // the bytes of `counts` and then added up by one multiplication, which holds while the sum
  // fits in a byte: 31 rounds of at most eight.
  constexpr std::uint64_t kHigh = 0x8080808080808080U;
  constexpr std::uint64_t kOnes = 0x0101010101010101U;
  constexpr std::size_t kRounds = 31;
  std::size_t n = 0;
  std::size_t i = 0;
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

}  // namespace kgex
