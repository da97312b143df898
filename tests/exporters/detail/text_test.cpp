#include "exporters/detail/text.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace kgex::exporters {
namespace {

TEST_CASE("clean_text drops what XML 1.0 forbids and keeps the rest") {
  CHECK(clean_text("a\x01"
                   "b\x1f"
                   "c\td\ne") == "abc\td\ne");
  CHECK(clean_text(std::string("nul\0byte", 8)) == "nulbyte");
  CHECK(clean_text("crlf\r\nand cr\rend") == "crlf\nand cr\nend");
  CHECK(clean_text("샘 올트먼 🚀 <&\">") == "샘 올트먼 🚀 <&\">");
  CHECK(clean_text("bad \xff\xfe utf8 \xc3") == "bad  utf8 ");
  CHECK(clean_text("overlong \xc0\xaf slash") == "overlong  slash");
  CHECK(clean_text("surrogate \xed\xa0\x80 gone") == "surrogate  gone");
  CHECK(clean_text("nonchar \xef\xbf\xbe\xef\xbf\xbf gone") == "nonchar  gone");
  CHECK(clean_text("del \x7f kept") == "del \x7f kept");
}

TEST_CASE("next_code_point decodes UTF-8 and steps over bad bytes") {
  const std::string text = "a한🚀\x80";
  std::size_t pos = 0;
  CHECK(next_code_point(text, pos) == U'a');
  CHECK(next_code_point(text, pos) == U'한');
  CHECK(next_code_point(text, pos) == U'🚀');
  CHECK_FALSE(next_code_point(text, pos).has_value());
  CHECK(pos == text.size());
}

TEST_CASE("numbers are written with 4 decimals and read back exactly") {
  CHECK(format_decimal(0.9) == "0.9000");
  CHECK(format_decimal(0.123456) == "0.1235");
  CHECK(format_decimal(1.0) == "1.0000");
  CHECK(format_decimal(-0.00001) == "0.0000");
  CHECK(format_decimal(std::numeric_limits<double>::quiet_NaN()) == "0.0000");
  CHECK(rounded(0.123456) == 0.1235);
  CHECK(format_decimal(rounded(0.123456)) == "0.1235");
}

TEST_CASE("canonical_double matches JSON-LD's xsd:double form") {
  CHECK(canonical_double(0.9) == "9.0E-1");
  CHECK(canonical_double(1.0) == "1.0E0");
  CHECK(canonical_double(0.0) == "0.0E0");
  CHECK(canonical_double(0.1235) == "1.235E-1");
  CHECK(canonical_double(12.5) == "1.25E1");
}

TEST_CASE("parse_double and parse_count take whole strings only") {
  CHECK(parse_double("0.9000") == 0.9);
  CHECK_FALSE(parse_double("").has_value());
  CHECK_FALSE(parse_double("0.9x").has_value());
  CHECK_FALSE(parse_double("nan").has_value());
  CHECK(parse_count("42") == 42u);
  CHECK_FALSE(parse_count("-1").has_value());
  CHECK_FALSE(parse_count("4 ").has_value());
}

TEST_CASE("line_of counts line feeds before an offset") {
  CHECK(line_of("a\nb\nc", 0) == 1);
  CHECK(line_of("a\nb\nc", 2) == 2);
  CHECK(line_of("a\nb\nc", 100) == 3);
}

TEST_CASE("percent_encode leaves only unreserved ASCII") {
  CHECK(percent_encode("person-sam_altman.x~") == "person-sam_altman.x~");
  CHECK(percent_encode("샘 a/b") == "%EC%83%98%20a%2Fb");
}

TEST_CASE("is_base_iri wants an absolute, clean IRI ending in / or #") {
  CHECK(is_base_iri("https://w3id.org/kgex/"));
  CHECK(is_base_iri("urn:x:kg#"));
  CHECK(is_base_iri("urn:example:kg:"));
  CHECK_FALSE(is_base_iri("urn:"));
  CHECK(is_base_iri("https://ex.org/a%20b/"));
  CHECK_FALSE(is_base_iri("https://ex.org/kg"));
  CHECK_FALSE(is_base_iri("relative/path/"));
  CHECK_FALSE(is_base_iri("https://ex.org/a b/"));
  CHECK_FALSE(is_base_iri("https://ex.org/샘/"));
  CHECK_FALSE(is_base_iri("https://ex.org/%zz/"));
  CHECK_FALSE(is_base_iri("1http://ex.org/"));
}

TEST_CASE("backslash_quoted escapes quotes, backslashes and line feeds, and writes tabs as asked") {
  CHECK(backslash_quoted("a \"b\" c\\d", " ") == "\"a \\\"b\\\" c\\\\d\"");
  CHECK(backslash_quoted("line\r\nnext\ttab\x01", " ") == "\"line\\nnext tab\"");
  CHECK(backslash_quoted("tab\there", "\\t") == "\"tab\\there\"");
  CHECK(backslash_quoted("", " ") == "\"\"");
}

// Strings made of pieces that exercise every branch of the writers' text handling: escapes,
// CR before and away from LF, controls, valid and invalid UTF-8 of every length,
// non-characters, truncated sequences, runs of ASCII long enough for the sixteen- and eight-byte
// scans, and the bytes one above '"' and '\\' and a space, which a borrow in that scan may mark.
std::vector<std::string> tricky_texts() {
  const std::vector<std::string> pieces = {"a",
                                           " ",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "\r",
                                           "\t",
                                           "\x01",
                                           "\x7f",
                                           "샘",
                                           "\xf0\x9f\x9a\x80",
                                           "\xef\xbf\xbe",
                                           "\xed\xa0\x80",
                                           "\xc0\xaf",
                                           "\xff",
                                           "\xe2\x82",
                                           "é",
                                           "€",
                                           "！",
                                           "\xc3",
                                           "abcdefghij",
                                           "#",
                                           "]"};
  std::vector<std::string> texts;
  std::uint32_t state = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = round % 13;
    for (int i = 0; i < length; ++i) {
      state = state * 1103515245u + 12345u;
      text += pieces[(state >> 16) % pieces.size()];
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

TEST_CASE("clean_text keeps exactly the code points XML allows, CR as LF") {
  // Code point by code point, as clean_text did before it copied runs.
  const auto reference = [](std::string_view text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t start = pos;
      const std::optional<char32_t> cp = next_code_point(text, pos);
      if (cp == U'\r') {
        if (pos >= text.size() || text[pos] != '\n') {
          out.push_back('\n');
        }
      } else if (cp &&
                 (*cp == '\t' || *cp == '\n' || (*cp >= 0x20 && *cp != 0xFFFE && *cp != 0xFFFF))) {
        out.append(text.substr(start, pos - start));
      }
    }
    return out;
  };
  for (const std::string& text : tricky_texts()) {
    CHECK(clean_text(text) == reference(text));
  }
}

TEST_CASE("backslash_quoted is clean_text, then the escapes, in one pass") {
  // The escapes applied to the cleaned text, as the writers did before the single pass.
  const auto reference = [](std::string_view text, std::string_view tab) {
    std::string out = "\"";
    for (const char c : clean_text(text)) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += tab;
          break;
        default:
          out.push_back(c);
      }
    }
    return out + "\"";
  };
  for (const std::string& text : tricky_texts()) {
    CHECK(backslash_quoted(text, "\\t") == reference(text, "\\t"));
    CHECK(backslash_quoted(text, " ") == reference(text, " "));
  }
}

}  // namespace
}  // namespace kgex::exporters
