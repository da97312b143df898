#include "core/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace kgex {
namespace {

// Code points counted one byte at a time: every byte but a continuation byte starts one.
std::size_t count_by_byte(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

TEST_CASE("count_code_points_utf8 counts the code points of every length and mix") {
  CHECK(count_code_points_utf8("") == 0);
  CHECK(count_code_points_utf8("abc") == 3);
  CHECK(count_code_points_utf8("오픈AI의 GPT") == 9);
  // Eight bytes are counted at a time, in runs of 31 words: lengths around both bounds, of
  // ASCII, Hangul, four-byte emoji, bare continuation bytes and invalid lead bytes.
  const std::string pieces[] = {"a", "한", "\xF0\x9F\x98\x80", "\x80", "\xFF", "\xC3\xA9"};
  std::string text;
  for (std::size_t i = 0; text.size() < 600; ++i) {
    text += pieces[(i * 7 + i / 5) % std::size(pieces)];
  }
  for (std::size_t n = 0; n <= text.size(); ++n) {
    CAPTURE(n);
    CHECK(count_code_points_utf8(std::string_view(text).substr(0, n)) ==
          count_by_byte(std::string_view(text).substr(0, n)));
    CHECK(count_code_points_utf8(std::string_view(text).substr(n)) ==
          count_by_byte(std::string_view(text).substr(n)));
  }
  const std::string ascii(1000, 'x');
  CHECK(count_code_points_utf8(ascii) == 1000);
  std::string hangul;
  for (int i = 0; i < 400; ++i) {
    hangul += "가";
  }
  CHECK(count_code_points_utf8(hangul) == 400);
  // With SSE2, sixteen bytes are counted at a time, in runs of 255: lengths around the end of
  // the first run (4,080 bytes) and past the second.
  std::string longer;
  for (std::size_t i = 0; longer.size() < 10000; ++i) {
    longer += pieces[(i * 5 + i / 3) % std::size(pieces)];
  }
  for (std::size_t n = 4040; n <= 4120; ++n) {
    CAPTURE(n);
    CHECK(count_code_points_utf8(std::string_view(longer).substr(0, n)) ==
          count_by_byte(std::string_view(longer).substr(0, n)));
  }
  CHECK(count_code_points_utf8(longer) == count_by_byte(longer));
}

}  // namespace
}  // namespace kgex
