// Small UTF-8 helpers shared by the layers (no ICU types).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kgex {

// Code points in valid UTF-8 text.
std::size_t count_code_points_utf8(std::string_view text);

// Decodes the code point at `pos` and advances `pos`; U+FFFD for invalid bytes.
char32_t next_code_point(std::string_view text, std::size_t& pos);

void append_code_point(std::string& out, char32_t c);

// Whether the bytes at `pos` encode a Hangul syllable, U+AC00..U+D7A3 (EA B0 80 .. ED 9E A3 in
// UTF-8, three bytes).
bool hangul_syllable_at(std::string_view text, std::size_t pos);

}  // namespace kgex
