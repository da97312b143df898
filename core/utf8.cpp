#include "core/utf8.h"

#include <unicode/utf8.h>

#include "core/utf8_decode.h"

namespace kgex {

std::size_t count_code_points_utf8(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
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
