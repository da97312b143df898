#include "exporters/detail/text.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include "exporters/detail/word_scan.h"

namespace kgex::exporters {

namespace {

// The end of the run of printable ASCII other than '"' and '\\' that starts at `pos`: bytes
// that every writer copies as they are. Tested sixteen or eight at a time, since most text is
// such runs.
inline std::size_t plain_run_end(std::string_view text, std::size_t pos) {
  using namespace word_scan;
  struct Marks {
    std::uint64_t operator()(std::uint64_t w) const {
      return (w & kHigh) | below_space(w) | bytes_equal(w, '"') | bytes_equal(w, '\\');
    }
#if defined(__SSE2__)
    __m128i operator()(__m128i v) const {
      return _mm_or_si128(below_space_or_high(v),
                          _mm_or_si128(bytes_equal(v, '"'), bytes_equal(v, '\\')));
    }
#endif
  };
  return find_marked(text, pos, Marks{});
}

// The length of the UTF-8 sequence at `pos` when it is one that every writer keeps without
// a closer look: two bytes, or three with a lead byte that rules out overlong forms,
// surrogates and U+FFFE/U+FFFF (Hangul syllables among them). 0 for anything else, which
// next_code_point() decides.
std::size_t common_sequence(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (pos + 1 >= text.size() || (byte(pos + 1) & 0xC0) != 0x80) {
    return 0;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return 2;
  }
  if (pos + 2 >= text.size() || (byte(pos + 2) & 0xC0) != 0x80) {
    return 0;
  }
  const bool three =
      (lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || (lead == 0xED && byte(pos + 1) < 0xA0);
  return three ? 3 : 0;
}

}  // namespace

std::optional<char32_t> next_code_point(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  // Sequence length, payload bits of the lead byte, smallest code point it may encode.
  struct Shape {
    std::size_t length;
    char32_t cp;
    char32_t min;
  };
  Shape shape{};
  if ((lead & 0xE0) == 0xC0) {
    shape = {2, static_cast<char32_t>(lead & 0x1F), 0x80};
  } else if ((lead & 0xF0) == 0xE0) {
    shape = {3, static_cast<char32_t>(lead & 0x0F), 0x800};
  } else if ((lead & 0xF8) == 0xF0) {
    shape = {4, static_cast<char32_t>(lead & 0x07), 0x10000};
  } else {
    ++pos;
    return std::nullopt;
  }
  const std::size_t length = shape.length;
  char32_t cp = shape.cp;
  if (pos + length > text.size()) {
    ++pos;
    return std::nullopt;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return std::nullopt;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  if (cp < shape.min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return std::nullopt;
  }
  pos += length;
  return cp;
}

namespace {

// The scan behind clean_text() and append_backslash_quoted(): appends `text` to `out`, copying
// runs of printable ASCII and valid UTF-8 whole, dropping invalid UTF-8 and U+FFFE/U+FFFF, and
// handing each other ASCII byte ('"', '\\' and the controls) to `ascii(out, byte, next)`, where
// `next` is the position after it.
template <typename Ascii>
void append_scanned(std::string& out, std::string_view text, Ascii ascii) {
  std::size_t pos = 0;
  std::size_t run = 0;
  while (pos < text.size()) {
    pos = plain_run_end(text, pos);
    if (pos >= text.size()) {
      break;
    }
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
      if (std::size_t length = common_sequence(text, pos); length > 0) {
        // A run of such sequences (a Korean sentence's words) is passed over here, without
        // going back to the search for printable ASCII at each character.
        do {
          pos += length;
        } while (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80 &&
                 (length = common_sequence(text, pos)) > 0);
        continue;
      }
      const std::size_t start = pos;
      const std::optional<char32_t> cp = next_code_point(text, pos);
      if (!cp || *cp == 0xFFFE || *cp == 0xFFFF) {
        out.append(text.substr(run, start - run));
        run = pos;
      }
      continue;
    }
    out.append(text.substr(run, pos - run));
    ++pos;
    ascii(out, byte, pos);
    run = pos;
  }
  out.append(text.substr(run));
}

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_scanned(out, text, [&](std::string& o, unsigned char byte, std::size_t next) {
    if (byte == '"' || byte == '\\' || byte == '\t' || byte == '\n') {
      o.push_back(static_cast<char>(byte));
    } else if (byte == '\r' && (next >= text.size() || text[next] != '\n')) {
      o.push_back('\n');  // a lone CR is a line feed; CR LF is its LF
    }                     // other control characters are dropped
  });
  return out;
}

void append_backslash_quoted(std::string& out, std::string_view text, std::string_view tab) {
  // clean_text() and the escaping in one pass, without a cleaned copy of the text in between.
  out.push_back('"');
  append_scanned(out, text, [&](std::string& o, unsigned char byte, std::size_t next) {
    switch (byte) {
      case '"':
        o += "\\\"";
        break;
      case '\\':
        o += "\\\\";
        break;
      case '\t':
        o += tab;
        break;
      case '\n':
        o += "\\n";
        break;
      case '\r':
        if (next >= text.size() || text[next] != '\n') {
          o += "\\n";  // a lone CR is a line feed; CR LF is written as its LF
        }
        break;
      default:
        break;  // other control characters are dropped
    }
  });
  out.push_back('"');
}

std::string backslash_quoted(std::string_view text, std::string_view tab) {
  std::string out;
  out.reserve(text.size() + 2);
  append_backslash_quoted(out, text, tab);
  return out;
}

bool is_xml_char(char32_t c) {
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::optional<ForbiddenText> find_forbidden_text(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const std::optional<char32_t> cp = next_code_point(text, pos);
    if (!cp) {
      return ForbiddenText{start, "invalid UTF-8"};
    }
    if (!is_xml_char(*cp)) {
      char name[16];
      std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(*cp));
      return ForbiddenText{start, std::string("character ") + name};
    }
  }
  return std::nullopt;
}

std::string format_decimal(double value) {
  if (!std::isfinite(value)) {
    value = 0.0;
  }
  // Confidences and sizes take few distinct values: each one's text is worked out once per
  // thread (std::to_chars with a precision was about 450 instructions a call).
  constexpr std::size_t kMaxKnown = 4096;
  thread_local std::unordered_map<std::uint64_t, std::string> known;
  const auto bits = std::bit_cast<std::uint64_t>(value);
  if (const auto it = known.find(bits); it != known.end()) {
    return it->second;
  }
  // Room for any finite double: up to 309 digits before the point, the point and four after.
  char buffer[std::numeric_limits<double>::max_exponent10 + 8];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4);
  std::string out(buffer, ec == std::errc() ? end : buffer);
  if (out == "-0.0000") {
    out.erase(0, 1);
  }
  if (known.size() >= kMaxKnown) {
    known.clear();
  }
  known.emplace(bits, out);
  return out;
}

double rounded(double value) { return parse_double(format_decimal(value)).value_or(0.0); }

std::string canonical_double(double value) {
  char buffer[64];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, 15);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  const std::size_t e = text.find('e');
  if (e == std::string::npos) {
    return text;
  }
  std::string mantissa = text.substr(0, e);
  while (mantissa.size() > 1 && mantissa.back() == '0' && mantissa[mantissa.size() - 2] != '.') {
    mantissa.pop_back();
  }
  std::string exponent = text.substr(e + 1);
  std::string sign;
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) {
    if (exponent[0] == '-') {
      sign = "-";
    }
    exponent.erase(0, 1);
  }
  while (exponent.size() > 1 && exponent[0] == '0') {
    exponent.erase(0, 1);
  }
  return mantissa + "E" + sign + exponent;
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  // cppcheck-suppress danglingTemporaryLifetime ; false positive: `text` is a view, not a temporary
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::size_t> parse_count(std::string_view text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(value);
}

long line_of(std::string_view text, std::size_t offset) {
  long line = 1;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
    }
  }
  return line;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

bool is_base_iri(std::string_view iri) {
  const auto is_alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  const auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  };
  const std::size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(iri[0])) {
    return false;
  }
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = iri[i];
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  if (colon + 1 >= iri.size() || (iri.back() != '/' && iri.back() != '#' && iri.back() != ':')) {
    return false;
  }
  static constexpr std::string_view kForbidden = " \"<>{}|\\^`";
  for (std::size_t i = colon + 1; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (c < 0x21 || c >= 0x7F || kForbidden.find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
    if (c == '%' && (i + 2 >= iri.size() || !is_hex(iri[i + 1]) || !is_hex(iri[i + 2]))) {
      return false;
    }
  }
  return true;
}

}  // namespace kgex::exporters
