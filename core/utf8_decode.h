// The UTF-8 decoder behind next_code_point, inline for the tokenizer's inner loop, which
// decodes each character several times. Includes ICU's macros; core/utf8.h stays free of ICU.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kgex {

// Decodes the code point at `pos` and advances `pos`; U+FFFD for invalid bytes.
inline char32_t decode_code_point(std::string_view text, std::size_t& pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
  pos = static_cast<std::size_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

}  // namespace kgex
