#include "extractor/text/document_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <utility>

#include "core/utf8.h"

namespace kgex {
namespace {

// The per-character replacements of normalize_text(); -1 drops the character.
UChar32 fold_variant(UChar32 c) {
  if (c >= 0xFF01 && c <= 0xFF5E) {
    return c - 0xFEE0;  // full-width ASCII
  }
  switch (c) {
    case '\t':
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return ' ';
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x00AD:
      return -1;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x0060:
    case 0x00B4:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
      return '-';
    case 0x318D:  // ㆍ
    case 0x30FB:  // ・
    case 0xFF65:  // ･
    case 0x2027:  // ‧
    case 0x2219:  // ∙
      return 0x00B7;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) {
    return ' ';
  }
  // Emoji are spaces: a newsletter's "🇪🇺 Upvest, a ... provider, has raised" opens its
  // sentence with the name. Only those of the emoji blocks and the dingbats, so that ©, ® and ™
  // stay; the emoji variation selector goes with them.
  if (c == 0xFE0F) {
    return -1;
  }
  if (((c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF)) &&
      (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
       u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR) ||
       u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER))) {
    return ' ';
  }
  return c;
}

// Whether the eight bytes at `p` are all printable ASCII (0x20 to 0x7F).
bool plain_ascii_word(const uint8_t* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101U;
  constexpr std::uint64_t kHigh = 0x8080808080808080U;
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return ((w & kHigh) | below_space) == 0;
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
  DecodedText out;
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF &&
                             static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                             static_cast<unsigned char>(bytes[1]) == 0xFF))) {
    const bool little = static_cast<unsigned char>(bytes[0]) == 0xFF;
    icu::UnicodeString u;
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
      auto lo = static_cast<unsigned char>(bytes[little ? i : i + 1]);
      auto hi = static_cast<unsigned char>(bytes[little ? i + 1 : i]);
      u.append(static_cast<char16_t>((hi << 8) | lo));
    }
    // Unpaired surrogates become U+FFFD on the way to UTF-8.
    std::string utf8;
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      if (U_IS_SURROGATE(c)) {
        c = 0xFFFD;
        ++out.invalid_sequences;
        if (out.first_invalid_offset < 0) {
          out.first_invalid_offset = 2 + 2 * i;  // after the BOM, two bytes a unit
        }
      }
      append_code_point(utf8, static_cast<char32_t>(c));
      i += U16_LENGTH(c);
    }
    out.was_utf16 = true;
    out.had_bom = true;
    bytes = std::string_view();
    out.text = std::move(utf8);
  } else if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out.had_bom = true;
    bytes.remove_prefix(3);
  }
  std::size_t controls = 0;
  std::size_t nuls = 0;
  out.text.reserve(out.text.size() + bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t copied = 0;  // the valid bytes before it are in out.text
  auto copy_to = [&](int32_t end) {
    out.text.append(
        bytes.substr(static_cast<std::size_t>(copied), static_cast<std::size_t>(end - copied)));
  };
  for (int32_t i = 0; i < length;) {
    // Printable ASCII eight bytes at a time, and a Hangul syllable or another three-byte
    // character whose lead byte rules out overlong forms and surrogates, are valid and neither
    // NUL nor a control: most of the text, passed over without decoding.
    if (i + 8 <= length && plain_ascii_word(s + i)) {
      i += 8;
      continue;
    }
    if (i + 3 <= length && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
        ((s[i] >= 0xE1 && s[i] <= 0xEC) || (s[i] == 0xED && s[i + 1] < 0xA0))) {
      i += 3;
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (out.first_invalid_offset < 0) {
        out.first_invalid_offset = start + (out.had_bom ? 3 : 0);
      }
      ++out.invalid_sequences;
      copy_to(start);
      append_code_point(out.text, U'\uFFFD');
      copied = i;
      continue;
    }
    if (c == 0) {
      ++nuls;
    } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
      ++controls;
    }
  }
  copy_to(length);
  out.looks_binary = nuls > 0 || (bytes.size() >= 32 && controls * 10 > bytes.size());
  return out;
}

namespace {

bool ascii_space(char c) { return c == ' ' || c == '\t'; }

// The length of an HTML line-break tag at `at` (<br>, <br/>, <br />, <p>, </p>, <p ...>, any
// case), or 0.
std::size_t html_break_at(const std::string& text, std::size_t at) {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '/') {
    ++i;
  }
  const auto lower = [&](std::size_t k) {
    return k < text.size() ? static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])))
                           : '\0';
  };
  if (lower(i) == 'b' && lower(i + 1) == 'r') {
    i += 2;
  } else if (lower(i) == 'p') {
    i += 1;
  } else {
    return 0;
  }
  const std::size_t name_end = i;
  while (i < text.size() && i - at < 64 && text[i] != '>' && text[i] != '<' && text[i] != '\n') {
    ++i;
  }
  if (i >= text.size() || text[i] != '>' ||
      (i > name_end && !ascii_space(text[name_end]) && text[name_end] != '/')) {
    return 0;
  }
  return i + 1 - at;
}

}  // namespace

// Scraped pages often keep their HTML line breaks as text: "...했다.<br /><br />지난달에는". Each
// such tag becomes a line break and spaces of the same length, so offsets stay as they are.
void break_html_lines(std::string& text) {
  for (std::size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
    const std::size_t n = html_break_at(text, at);
    if (n > 0) {
      text[at] = '\n';
      std::fill(text.begin() + static_cast<std::ptrdiff_t>(at) + 1,
                text.begin() + static_cast<std::ptrdiff_t>(at + n), ' ');
    }
  }
}

namespace {

struct TextLine {
  std::size_t begin = 0;  // first byte
  std::size_t end = 0;    // the '\n' after it, or the text's end
  std::size_t body = 0;   // first byte that is not a space
  std::size_t last = 0;   // one past the last byte that is not a space
};

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// A line that opens with a list's bullet or number, a table's bar, a heading's or a quotation's
// mark, a rule of dashes or a field's label ("Date:", "Posted:"): never the rest of the line
// before it.
bool opens_own_line(std::string_view body) {
  const char c = body.front();
  if (c == '-' || c == '*' || c == '|' || c == '#' || c == '>' || c == '+' || c == '=' ||
      body.starts_with("\xE2\x80\xA2") || body.starts_with("\xC2\xB7")) {  // bullet, middle dot
    return true;
  }
  std::size_t i = 0;
  while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i])) != 0) {
    ++i;
  }
  // Not a time of day or a decimal that a sentence goes on with ("at\n13:12 UTC", "to\n1.5
  // million").
  const bool digit_after =
      i + 1 < body.size() && std::isdigit(static_cast<unsigned char>(body[i + 1])) != 0;
  if (i > 0 && i < body.size() && (body[i] == '.' || body[i] == ')' || body[i] == ':') &&
      !(body[i] != ')' && digit_after)) {
    return true;
  }
  i = 0;
  while (i < body.size() && std::isalpha(static_cast<unsigned char>(body[i])) != 0) {
    ++i;
  }
  return i > 0 && i < body.size() && body[i] == ':';
}

// A line whose words a run of spaces sets apart in columns (`API      Operational`) or that a
// bar divides into fields (`Docs | Support`): a layout's line, not a paragraph's.
bool in_columns(std::string_view body) {
  return body.find("   ") != std::string_view::npos || body.find(" | ") != std::string_view::npos;
}

}  // namespace

// A plain-text mail or a scraped page often keeps its paragraphs wrapped at a fixed width, each
// line ending where the next word would not fit: "... the new cluster is run by\nthe Platform
// team". Where three lines or more of 40 bytes or more run on into a next line that opens in
// lower case, the text is so wrapped, and its width is the longest of them. Each line break
// inside a paragraph of such a text then becomes a space: before a line that opens in lower case
// after a word or a comma, and before any other line after one that reaches four fifths of the
// width and ends in a word or a comma (the name of "... leads with Dr\nLina Sato", the sum of
// "closed a\n$4 million round"). A line that opens with a bullet, a bar, a heading's mark or a
// field's label keeps its own line, and so does one after a colon, after a full stop (a sentence
// ends there anyway), around a line of columns, or after a line a tenth longer than the width (a
// mail's subject).
void join_wrapped_lines(std::string& text) {
  constexpr std::size_t kMinWrapped = 40;
  constexpr std::size_t kMinEvidence = 3;
  std::vector<TextLine> lines;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) {
      end = text.size();
    }
    TextLine line{at, end, at, end};
    while (line.body < end && (text[line.body] == ' ' || text[line.body] == '\r')) {
      ++line.body;
    }
    while (line.last > line.body && (text[line.last - 1] == ' ' || text[line.last - 1] == '\r')) {
      --line.last;
    }
    lines.push_back(line);
    at = end + 1;
  }
  const auto body = [&](const TextLine& l) {
    return std::string_view(text).substr(l.body, l.last - l.body);
  };
  const auto runs_on = [&](std::string_view a) {
    const char c = a.back();
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ',' || c == ';';
  };
  // A pair of lines a paragraph's wrapping may have split, by their own marks.
  const auto may_join = [&](std::size_t i) {
    const std::string_view a = body(lines[i]);
    const std::string_view b = body(lines[i + 1]);
    return !a.empty() && !b.empty() && runs_on(a) && !opens_own_line(b) && a.front() != '|' &&
           !in_columns(a) && !in_columns(b);
  };
  std::size_t evidence = 0;
  std::size_t width = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::size_t length = lines[i].last - lines[i].begin;
    if (length >= kMinWrapped && may_join(i) && is_lower_ascii(body(lines[i + 1]).front())) {
      ++evidence;
      width = std::max(width, length);
    }
  }
  if (evidence < kMinEvidence) {
    return;
  }
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!may_join(i)) {
      continue;
    }
    const std::size_t length = lines[i].last - lines[i].begin;
    const char next = body(lines[i + 1]).front();
    const bool full = length * 5 >= width * 4 && length * 10 <= width * 11;
    if ((is_lower_ascii(next) && length <= width) || full) {
      text[lines[i].end] = ' ';
    }
  }
}

namespace {

// The three-byte characters plainly_nfc() takes besides Hangul syllables: general punctuation
// from U+2010, super- and subscripts and currency signs; arrows, mathematical and technical signs,
// enclosed letters, box drawing, shapes, symbols and dingbats (without U+2329 and U+232A, which
// NFC replaces); CJK punctuation up to U+3029; Hangul compatibility jamo.
constexpr std::array<std::pair<std::uint32_t, std::uint32_t>, 5> kNfcStarters = {{
    {0x2010, 0x20CF},
    {0x2190, 0x2328},
    {0x232B, 0x27FF},
    {0x3001, 0x3029},
    {0x3131, 0x318E},
}};

}  // namespace

// ASCII, U+0080-U+02FF, Hangul syllables and the characters of kNfcStarters (a test asks ICU
// about each code point it takes).
bool plainly_nfc(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const std::uint8_t b = s[i];
    if (b < 0x80) {
      ++i;
    } else if (b >= 0xC2 && b <= 0xCB) {  // U+0080-U+02FF
      if (i + 1 >= size || (s[i + 1] & 0xC0) != 0x80) {
        return false;
      }
      i += 2;
    } else if ((b & 0xF0) == 0xE0) {
      if (i + 2 >= size || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) {
        return false;
      }
      const std::uint32_t c = ((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      if ((c < 0xAC00 || c > 0xD7A3) &&
          std::none_of(kNfcStarters.begin(), kNfcStarters.end(),
                       [c](const auto& range) { return c >= range.first && c <= range.second; })) {
        return false;
      }
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

NormalizedText normalize_text(std::string_view original) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  NormalizedText out;
  out.text.reserve(original.size());
  out.to_original.reserve(original.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const auto length = static_cast<int32_t>(original.size());

  // Walk the text in NFC segments (a boundary before each starter), so every
  // output byte maps to the start of the segment it came from.
  auto emit = [&out](UChar32 c, std::uint32_t origin) {
    c = fold_variant(c);
    if (c < 0) {
      if (out.dropped.empty() || out.dropped.back() != origin) {
        out.dropped.push_back(origin);
      }
      return;
    }
    if (c < 0x80) {
      out.text.push_back(static_cast<char>(c));
      out.to_original.push_back(origin);
      return;
    }
    const std::size_t before = out.text.size();
    append_code_point(out.text, static_cast<char32_t>(c));
    out.to_original.insert(out.to_original.end(), out.text.size() - before, origin);
  };
  // Text that is already in NFC (nearly all text) keeps every segment as it is.
  UErrorCode check = U_ZERO_ERROR;
  const bool already_nfc =
      U_SUCCESS(status) &&
      (plainly_nfc(original) ||
       (nfc->isNormalizedUTF8(icu::StringPiece(original.data(), length), check) &&
        U_SUCCESS(check)));
  int32_t i = 0;
  while (i < length) {
    if (already_nfc) {
      // A run of characters that fold_variant keeps, as nearly all of a text is (ASCII but
      // tab and '`', and Hangul syllables), is copied at once; each byte maps to the
      // start of its character, as emit() would map it.
      const int32_t run_start = i;
      while (i < length) {
        const std::uint8_t b = s[i];
        if (b < 0x80) {
          if (b == '\t' || b == '`') {
            break;
          }
          out.to_original.push_back(static_cast<std::uint32_t>(i));
          ++i;
          continue;
        }
        // Hangul syllables (U+AC00..U+D7A3) are three bytes with a lead byte EA..ED.
        if (b < 0xEA || b > 0xED || i + 2 >= length) {
          break;
        }
        const UChar32 c = ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        if (c < 0xAC00 || c > 0xD7A3) {
          break;
        }
        out.to_original.insert(out.to_original.end(), 3, static_cast<std::uint32_t>(i));
        i += 3;
      }
      out.text.append(original.substr(static_cast<std::size_t>(run_start),
                                      static_cast<std::size_t>(i - run_start)));
      if (i >= length) {
        break;
      }
    }
    const int32_t seg_start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      c = 0xFFFD;
    }
    const bool ascii_run = c < 0x80 && (i >= length || s[i] < 0x80);
    // A character that ends an NFC run above (a tab, a symbol) reaches here with already_nfc
    // true; cppcheck's flow analysis misses that the run loop can stop before the text's end.
    // cppcheck-suppress knownConditionTrueFalse
    if (ascii_run || already_nfc || U_FAILURE(status)) {
      emit(c, static_cast<std::uint32_t>(seg_start));
      continue;
    }
    icu::UnicodeString segment(c);
    while (i < length) {
      int32_t next = i;
      UChar32 d = 0;
      U8_NEXT(s, next, length, d);
      if (d < 0 || nfc->hasBoundaryBefore(d)) {
        break;
      }
      segment.append(d);
      i = next;
    }
    UErrorCode seg_status = U_ZERO_ERROR;
    icu::UnicodeString composed = nfc->normalize(segment, seg_status);
    if (U_FAILURE(seg_status)) {
      composed = segment;
    }
    for (int32_t k = 0; k < composed.length();) {
      UChar32 d = composed.char32At(k);
      emit(d, static_cast<std::uint32_t>(seg_start));
      k += U16_LENGTH(d);
    }
  }
  out.to_original.push_back(static_cast<std::uint32_t>(original.size()));
  break_html_lines(out.text);
  join_wrapped_lines(out.text);
  return out;
}

}  // namespace kgex
