// Text as the extractor sees it: decoded input, its normalised form for
// matching, and the map between the two.
//
// Offsets everywhere in kgex are UTF-8 bytes of the *original* text (the input
// after decoding: a UTF-8 BOM dropped, UTF-16 converted, invalid bytes replaced
// by U+FFFD — for valid UTF-8 input without BOM, exactly the input bytes).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kgex {

struct DecodedText {
  std::string text;                   // valid UTF-8
  std::size_t invalid_sequences = 0;  // replaced by U+FFFD
  long first_invalid_offset = -1;     // byte offset in the input of the first one
  bool had_bom = false;
  bool was_utf16 = false;
  bool looks_binary = false;  // NUL bytes or many control characters: not text
};

// Decodes raw input bytes. UTF-16 with a BOM is converted with ICU; a UTF-8 BOM
// is dropped; invalid UTF-8 becomes U+FFFD. Never fails.
DecodedText decode_text(std::string_view bytes);

// The normalised text used for matching and its offset map.
//   NFC (so Hangul saved as jamo matches); full-width ASCII to ASCII; every kind
//   of space (NBSP, ideographic space, tabs) to ' '; zero-width characters
//   removed; curly quotes to ' and "; dash variants to '-'; middle dots (·, ㆍ, ・)
//   to U+00B7. Line breaks are kept, and HTML line-break tags written in the
//   text (<br>, <br />, <p>, </p>) become line breaks (see break_html_lines).
struct NormalizedText {
  std::string text;
  // to_original[i] is the original byte offset of normalised byte i; it has
  // text.size() + 1 entries, the last one the original's size.
  std::vector<std::uint32_t> to_original;

  // Original byte offsets of the characters normalisation removed (zero-width
  // characters, soft hyphens), in order.
  std::vector<std::uint32_t> dropped;

  std::uint32_t original_offset(std::size_t normalized_offset) const {
    return to_original[normalized_offset];
  }
  // The original end of a normalised range ending at `normalized_end`: where
  // its last character ends, before any removed character that follows it.
  std::uint32_t original_end(std::size_t normalized_end) const {
    const std::uint32_t end = to_original[normalized_end];
    if (normalized_end == 0) {
      return end;
    }
    auto it = std::upper_bound(dropped.begin(), dropped.end(), to_original[normalized_end - 1]);
    return it != dropped.end() && *it < end ? *it : end;
  }
};

// Precondition: `original` is valid UTF-8 (decode_text's output).
NormalizedText normalize_text(std::string_view original);

// True when `text` is valid UTF-8 of characters that are NFC starters (their NFC quick check is
// yes and their combining class 0) of the ranges most text is written in: ASCII, Latin-1 and
// Latin extensions, punctuation and symbols, CJK punctuation, Hangul. Such text is in NFC, and
// normalize_text() then does not ask ICU; false says nothing.
bool plainly_nfc(std::string_view text);

// Replaces each HTML line-break tag in `text` (<br>, <br/>, <br />, <p>, <p class=..>, </p>, any
// case) with '\n' and spaces, keeping every byte where it was.
void break_html_lines(std::string& text);

// Turns the line breaks inside the paragraphs of a text wrapped at a fixed width (a plain-text
// mail's, a scraped page's) into spaces, keeping every byte where it was; a text that shows no
// such wrapping is left as it is.
void join_wrapped_lines(std::string& text);

}  // namespace kgex
