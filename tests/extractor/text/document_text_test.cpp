// decode_text (BOMs, UTF-16, invalid UTF-8, binary input) and normalize_text
// (each normalisation and the map back to original offsets).
#include "extractor/text/document_text.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kgex {
namespace {

// "한" and "글" typed as conjoining jamo (NFD): three code points of three bytes each.
const std::string kHanNfd = "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB";
const std::string kGeulNfd = "\xE1\x84\x80\xE1\x85\xB3\xE1\x86\xAF";

TEST_CASE("decode_text: plain UTF-8 passes through unchanged") {
  const std::string text = "Acme는 새 앱을 공개했다.\n둘째 줄";
  const DecodedText d = decode_text(text);
  CHECK(d.text == text);
  CHECK_FALSE(d.had_bom);
  CHECK_FALSE(d.was_utf16);
  CHECK_FALSE(d.looks_binary);
  CHECK(d.invalid_sequences == 0);
  CHECK(d.first_invalid_offset == -1);
}

TEST_CASE("decode_text: a UTF-8 BOM is dropped") {
  const DecodedText d = decode_text("\xEF\xBB\xBF에이크미 소식");
  CHECK(d.text == "에이크미 소식");
  CHECK(d.had_bom);
  CHECK_FALSE(d.was_utf16);
}

TEST_CASE("decode_text: UTF-16 with a BOM, little and big endian") {
  // "A가" then U+1F600 as a surrogate pair.
  const std::string le("\xFF\xFE\x41\x00\x00\xAC\x3D\xD8\x00\xDE", 10);
  const DecodedText l = decode_text(le);
  CHECK(l.was_utf16);
  CHECK(l.had_bom);
  CHECK(l.text == "A\xEA\xB0\x80\xF0\x9F\x98\x80");
  CHECK(l.invalid_sequences == 0);

  const std::string be("\xFE\xFF\x00\x41\xAC\x00\xD8\x3D\xDE\x00", 10);
  const DecodedText b = decode_text(be);
  CHECK(b.was_utf16);
  CHECK(b.text == "A\xEA\xB0\x80\xF0\x9F\x98\x80");
}

TEST_CASE("decode_text: an unpaired UTF-16 surrogate becomes U+FFFD") {
  const std::string le("\xFF\xFE\x41\x00\x3D\xD8\x42\x00", 8);  // A, lone high surrogate, B
  const DecodedText d = decode_text(le);
  CHECK(d.text ==
        "A\xEF\xBF\xBD"
        "B");
  CHECK(d.invalid_sequences == 1);
}

// first_invalid_offset is the input byte offset of the first replaced unit.
TEST_CASE("decode_text: an unpaired UTF-16 surrogate is located") {
  const std::string le("\xFF\xFE\x41\x00\x3D\xD8\x42\x00", 8);
  CHECK(decode_text(le).first_invalid_offset == 4);
  const std::string be("\xFE\xFF\x00\x41\x00\x42\xDC\x00", 8);
  CHECK(decode_text(be).first_invalid_offset == 6);
}

TEST_CASE("decode_text: invalid UTF-8 is replaced and the first fault located") {
  const DecodedText d = decode_text(
      "ab\xFF"
      "cd\xFE"
      "e");
  CHECK(d.text ==
        "ab\xEF\xBF\xBD"
        "cd\xEF\xBF\xBD"
        "e");
  CHECK(d.invalid_sequences == 2);
  CHECK(d.first_invalid_offset == 2);

  SUBCASE("a truncated sequence is one replacement") {
    const DecodedText t = decode_text("ok\xE2\x82z");
    CHECK(t.text == "ok\xEF\xBF\xBDz");
    CHECK(t.invalid_sequences == 1);
    CHECK(t.first_invalid_offset == 2);
  }
  SUBCASE("the offset counts the input bytes, BOM included") {
    const DecodedText b = decode_text(
        "\xEF\xBB\xBF"
        "가\xC3!");
    CHECK(b.had_bom);
    CHECK(b.first_invalid_offset == 6);
    CHECK(b.text == "가\xEF\xBF\xBD!");
  }
}

TEST_CASE("decode_text: NUL bytes or many control characters look binary") {
  CHECK(decode_text(std::string("PK\0\0rest", 8)).looks_binary);
  std::string controls(40, 'x');
  for (std::size_t i = 0; i < 5; ++i) {
    controls[i * 8] = '\x01';
  }
  CHECK(decode_text(controls).looks_binary);
  std::string one_control(40, 'x');
  one_control[3] = '\x02';
  CHECK_FALSE(decode_text(one_control).looks_binary);
  CHECK_FALSE(decode_text("line\r\nnext\tcell\fpage\n").looks_binary);
}

TEST_CASE("normalize_text: Hangul typed as jamo is composed (NFC)") {
  const NormalizedText n = normalize_text(kHanNfd + kGeulNfd);
  CHECK(n.text == "한글");
  CHECK(n.text == normalize_text("한글").text);
  // Each composed syllable maps to the start of its jamo.
  CHECK(n.original_offset(0) == 0);
  CHECK(n.original_offset(3) == 9);
  CHECK(n.original_offset(6) == 18);
  SUBCASE("a Latin letter with a combining accent") {
    CHECK(normalize_text("Cafe\xCC\x81").text == "Caf\xC3\xA9");
  }
}

TEST_CASE("plainly_nfc takes NFC starters alone, and normalize_text still composes after them") {
  const auto starter = [](UChar32 c) {
    return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
           u_getCombiningClass(c) == 0;
  };
  std::size_t taken = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      continue;
    }
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    if (plainly_nfc(utf8)) {
      ++taken;
      if (!starter(c)) {
        FAIL_CHECK("U+" << std::hex << c << " is taken but is no NFC starter");
      }
    }
  }
  CHECK(taken > 12000);
  CHECK(plainly_nfc("Caf\xC3\xA9 \xE2\x80\x94 \xED\x95\x9C\xEA\xB8\x80"));  // Café — 한글
  CHECK_FALSE(plainly_nfc("e\xCC\x81"));                                    // e and U+0301
  CHECK_FALSE(plainly_nfc("\xE2\x80"));                                     // truncated
  CHECK_FALSE(plainly_nfc("\xF0\x9F\x91\x8D"));                             // an emoji: ICU decides
  // What follows such characters is still composed: Latin-1 and Hangul before combining marks.
  CHECK(normalize_text("caf\xC3\xA9 e\xCC\x81").text == "caf\xC3\xA9 \xC3\xA9");
  CHECK(normalize_text("\xEA\xB0\x80\xE1\x86\xA8").text == "\xEA\xB0\x81");  // 가 + ᆨ = 각
}

TEST_CASE("normalize_text: full-width Latin letters, digits and signs become ASCII") {
  CHECK(normalize_text("ＡｃｍｅＡＰＩ　２０２５！").text == "AcmeAPI 2025!");
  CHECK(normalize_text("Ｃ＋＋").text == "C++");
}

TEST_CASE("normalize_text: emoji become spaces, and the signs ©, ® and ™ stay") {
  CHECK(normalize_text("\U0001F1EA\U0001F1FA Upvest raised").text == "   Upvest raised");
  CHECK(normalize_text("Funding \U0001F4B8\n\U0001F64C\U0001F3FB Tink").text ==
        "Funding  \n   Tink");
  CHECK(normalize_text("\u2764\uFE0F Acme").text == "  Acme");
  CHECK(normalize_text("\u00A9 2025 Acme\u2122 \u00AE").text == "\u00A9 2025 Acme\u2122 \u00AE");
  const NormalizedText n = normalize_text("\U0001F4B8Acme");
  CHECK(n.text == " Acme");
  CHECK(n.original_offset(1) == 4);
}

TEST_CASE("normalize_text: every kind of space becomes ' ', line breaks stay") {
  CHECK(normalize_text("a\xC2\xA0"
                       "b")
            .text == "a b");                                  // NBSP
  CHECK(normalize_text("가\xE3\x80\x80나").text == "가 나");  // ideographic space
  CHECK(normalize_text("a\tb").text == "a b");
  CHECK(normalize_text("a\xE2\x80\x82"
                       "b\xE2\x80\xAF"
                       "c")
            .text == "a b c");  // en space, narrow NBSP
  CHECK(normalize_text("첫 줄\n둘째 줄").text == "첫 줄\n둘째 줄");
}

TEST_CASE("normalize_text: HTML line breaks written in the text become line breaks") {
  const std::string original = "첫 문장이다.<br /><br />둘째 문장<BR>셋째</p><p class=\"x\">넷째";
  const NormalizedText n = normalize_text(original);
  CHECK(n.text == "첫 문장이다.\n     \n     둘째 문장\n   셋째\n   \n            넷째");
  CHECK(n.text.size() == original.size());
  CHECK(n.original_offset(n.text.find("둘째")) == original.find("둘째"));
  CHECK(normalize_text("a <brand> and <pre>x</pre> and 1<2>0").text ==
        "a <brand> and <pre>x</pre> and 1<2>0");
}

TEST_CASE("join_wrapped_lines: a paragraph wrapped at a fixed width is one line again") {
  const std::string original =
      "From: Ada Obi <ada@vela.example>\n"
      "Subject: Brae release and the new team that will look after its tooling\n"
      "\n"
      "Updates\n"
      "Our build farm moved to a new region last month, and the old machines\n"
      "were retired. Kivu donated the racks, and the new cluster is run by\n"
      "the Platform team, which Tom Park, who joined from Orbo, leads with Dr\n"
      "Lina Sato. Questions go to the list, or come to the call on Tuesday,\n"
      "where the release plan goes out, as it does every quarter, at about\n"
      "14:30 UTC, and the next milestone will be discussed too.\n"
      "Components\n"
      "API        Operational\n"
      "- Short item\n";
  std::string text = original;
  join_wrapped_lines(text);
  CHECK(text.size() == original.size());
  CHECK(text.find("machines were retired") != std::string::npos);
  CHECK(text.find("run by the Platform") != std::string::npos);
  CHECK(text.find("Dr Lina Sato") != std::string::npos);  // a full line, a capital
  CHECK(text.find("Tuesday, where") != std::string::npos);
  CHECK(text.find("tooling\n\nUpdates\nOur build") != std::string::npos);  // a heading stays
  CHECK(text.find("about 14:30 UTC") != std::string::npos);                // a time goes on
  CHECK(text.find("too.\nComponents\nAPI") != std::string::npos);          // after a full stop
  CHECK(text.find("Operational\n- Short") != std::string::npos);
  CHECK(text.find(">\nSubject:") != std::string::npos);  // a field's label keeps its line

  // Two lines that run on are no wrapped text: a review's title over its writer stays apart.
  const std::string review = "Great for two people who share a budget\nann_and_lee, 02/03/2026\n";
  std::string kept = review;
  join_wrapped_lines(kept);
  CHECK(kept == review);
}

TEST_CASE("normalize_text: curly quotes, dashes and middle dots are folded") {
  CHECK(normalize_text("“인용” ‘작은’ «guillemets»").text == "\"인용\" '작은' \"guillemets\"");
  CHECK(normalize_text("Jane’s").text == "Jane's");
  CHECK(normalize_text("a\xE2\x80\x90"
                       "b–c—d−e")
            .text == "a-b-c-d-e");  // hyphen, en dash, em dash, minus
  const std::string dot = "\xC2\xB7";
  CHECK(normalize_text("Rust·Go").text == "Rust" + dot + "Go");
  CHECK(normalize_text("Rustㆍ Go").text == "Rust" + dot + " Go");  // U+318D
  CHECK(normalize_text("Rust・Go").text == "Rust" + dot + "Go");    // U+30FB
  CHECK(normalize_text("Rust･Go").text == "Rust" + dot + "Go");     // U+FF65
}

TEST_CASE("normalize_text: zero-width characters and soft hyphens are removed") {
  CHECK(normalize_text("Ac\xE2\x80\x8B"
                       "me")
            .text == "Acme");                                        // zero-width space
  CHECK(normalize_text("에이\xE2\x80\x8D크미").text == "에이크미");  // zero-width joiner
  CHECK(normalize_text("a\xEF\xBB\xBF"
                       "b\xC2\xAD"
                       "c")
            .text == "abc");  // BOM inside the text, soft hyphen
}

TEST_CASE("normalize_text: to_original leads every normalised byte to its original offset") {
  // Ａ(3 bytes) 한 as jamo(9) NBSP(2) b ZWSP(3) “(3) c -> "A한 b\"c"
  const std::string original = "Ａ" + kHanNfd +
                               "\xC2\xA0"
                               "b\xE2\x80\x8B"
                               "“c";
  REQUIRE(original.size() == 22);
  const NormalizedText n = normalize_text(original);
  CHECK(n.text == "A한 b\"c");
  const std::vector<std::uint32_t> expected = {0, 3, 3, 3, 12, 14, 18, 21, 22};
  CHECK(n.to_original == expected);

  SUBCASE("slices of the original match the normalised pieces") {
    const std::string composed = normalize_text("한").text;
    const std::size_t h = n.text.find(composed);
    const std::uint32_t b = n.original_offset(h);
    const std::uint32_t e = n.original_offset(h + composed.size());
    CHECK(original.substr(b, e - b) == kHanNfd);
    const std::size_t q = n.text.find('"');
    CHECK(original.substr(n.original_offset(q), n.original_offset(q + 1) - n.original_offset(q)) ==
          "“");
  }
}

TEST_CASE("normalize_text: the offset map is complete and never goes back") {
  const std::string original = "ＡＩ팀의 “Rocket” — 파이썬ㆍ" + kGeulNfd + "\tend";
  const NormalizedText n = normalize_text(original);
  REQUIRE(n.to_original.size() == n.text.size() + 1);
  CHECK(n.to_original.back() == original.size());
  CHECK(std::is_sorted(n.to_original.begin(), n.to_original.end()));
  const std::size_t r = n.text.find("Rocket");
  REQUIRE(r != std::string::npos);
  CHECK(original.substr(n.original_offset(r), 6) == "Rocket");
}

}  // namespace
}  // namespace kgex
