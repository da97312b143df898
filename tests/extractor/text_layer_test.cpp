// The text layer: decoding, normalisation with its offset map, lines and
// sentences, tokens and Korean particles.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractor/text/document_text.h"
#include "extractor/text/particles.h"
#include "extractor/text/segmenter.h"
#include "extractor/text/tokenizer.h"

namespace kgex {
namespace {

std::vector<std::string> words(std::string_view text, const KnownWord& known = nullptr) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text, 0, static_cast<std::uint32_t>(text.size()), known)) {
    out.push_back(t.text + (t.particle.empty() ? "" : "+" + std::string(t.particle)));
  }
  return out;
}

TEST_CASE("decode_text drops a UTF-8 BOM and converts UTF-16 with a BOM") {
  CHECK(decode_text("\xEF\xBB\xBFOpenAI").text == "OpenAI");
  const std::string le("\xFF\xFE\x41\x00\x00\xAC", 6);  // "A가" little endian
  const DecodedText d = decode_text(le);
  CHECK(d.was_utf16);
  CHECK(d.text == "A\xEA\xB0\x80");
  const std::string be("\xFE\xFF\x00\x41\xAC\x00", 6);
  CHECK(decode_text(be).text == "A\xEA\xB0\x80");
}

TEST_CASE("decode_text replaces invalid UTF-8 and reports where") {
  const DecodedText d = decode_text(
      "ab\xFF"
      "cd");
  CHECK(d.invalid_sequences == 1);
  CHECK(d.first_invalid_offset == 2);
  CHECK(d.text ==
        "ab\xEF\xBF\xBD"
        "cd");
  CHECK_FALSE(d.looks_binary);
  CHECK(decode_text(std::string("a\0b", 3)).looks_binary);
}

TEST_CASE("normalize_text composes jamo, folds widths, spaces, quotes, dashes and dots") {
  // 한 written as conjoining jamo (NFD).
  const NormalizedText jamo = normalize_text("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xEA\xB8\x80");
  CHECK(jamo.text == "한글");
  CHECK(jamo.original_offset(3) == 9);  // 글 starts after the three jamo
  CHECK(normalize_text("ＯｐｅｎＡＩ１２").text == "OpenAI12");
  CHECK(normalize_text("a\xC2\xA0"
                       "b\xE3\x80\x80"
                       "c")
            .text == "a b c");
  CHECK(normalize_text("“quoted” ‘single’").text == "\"quoted\" 'single'");
  CHECK(normalize_text("a–b—c").text == "a-b-c");
  CHECK(normalize_text("Rustㆍ Go・Java").text ==
        "Rust\xC2\xB7 Go\xC2\xB7"
        "Java");
  CHECK(normalize_text("zero\xE2\x80\x8Bwidth").text == "zerowidth");
}

TEST_CASE("the offset map leads every normalised byte back to its original") {
  const std::string original = "Ａ구글의 “Gemini”";
  const NormalizedText n = normalize_text(original);
  REQUIRE(n.to_original.size() == n.text.size() + 1);
  const std::size_t g = n.text.find("Gemini");
  const std::uint32_t b = n.original_offset(g);
  const std::uint32_t e = n.original_offset(g + 6);
  CHECK(original.substr(b, e - b) == "Gemini");
  CHECK(n.original_offset(n.text.size()) == original.size());
}

TEST_CASE("lines never share a sentence; kinds are recognised") {
  Segmenter seg;
  const std::string text =
      "제목 줄\n첫 문장입니다. 둘째 문장입니다.\n- 목록 항목\n| 부서 | 역할 |\n|---|---|\n";
  const Segmentation s = seg.segment(text);
  REQUIRE(s.sentences.size() == 6);
  CHECK(text.substr(s.sentences[1].begin, s.sentences[1].end - s.sentences[1].begin) ==
        "첫 문장입니다.");
  CHECK(s.sentences[1].line == s.sentences[2].line);
  CHECK(s.sentences[0].line != s.sentences[1].line);
  CHECK(classify_line("제목 줄") == LineKind::kHeading);
  CHECK(classify_line("- 목록 항목") == LineKind::kListItem);
  CHECK(classify_line("1. 첫째") == LineKind::kListItem);
  CHECK(classify_line("| 부서 | 역할 |") == LineKind::kTableRow);
  CHECK(classify_line("|---|:--|") == LineKind::kTableRule);
  CHECK(classify_line("   ") == LineKind::kBlank);
}

TEST_CASE("a sentence break needs whitespace: C++ .NET stays one sentence") {
  Segmenter seg;
  const Segmentation s = seg.segment("We use C++ .NET and Go. Then we ship.");
  CHECK(s.sentences.size() == 2);
}

TEST_CASE("tokens split by script while names stay whole") {
  CHECK(words("ChatGPT를") == std::vector<std::string>{"ChatGPT+를"});
  CHECK(words("앤스로픽(Anthropic)의") ==
        std::vector<std::string>{"앤스로픽", "(", "Anthropic", ")", "+의"});
  CHECK(words("Rust·Go") == std::vector<std::string>{"Rust", "\xC2\xB7", "Go"});
  CHECK(words("FastAPI/Pydantic") == std::vector<std::string>{"FastAPI", "/", "Pydantic"});
  CHECK(words("Creati.ai의 DALL-E와") == std::vector<std::string>{"Creati.ai+의", "DALL-E+와"});
  CHECK(words("sa-server C++ C# .NET Node.js") ==
        std::vector<std::string>{"sa-server", "C++", "C#", ".NET", "Node.js"});
  CHECK(words("Google's engineers'") == std::vector<std::string>{"Google+'s", "engineers+'"});
  CHECK(words("오픈AI 2025년") == std::vector<std::string>{"오픈", "AI", "2025", "년"});
}

TEST_CASE("token offsets point at the written text") {
  const std::string text = "구글의 Gemini";
  const auto tokens = tokenize(text, 0, static_cast<std::uint32_t>(text.size()), nullptr);
  REQUIRE(tokens.size() == 2);
  CHECK(text.substr(tokens[0].begin, tokens[0].base_end - tokens[0].begin) == "구글");
  CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "구글의");
  CHECK(tokens[1].capitalized);
  CHECK(tokens[1].folded == "gemini");
  CHECK(tokens[1].space_before);
}

TEST_CASE("particles: the longest ending goes, known names keep theirs") {
  CHECK(split_particle("구글의").base == "구글");
  CHECK(split_particle("삼성전자가").particle == "가");
  CHECK(split_particle("서울에서는").particle == "에서는");
  CHECK(split_particle("팀은").base == "팀");
  CHECK(words("exec들이") == std::vector<std::string>{"exec+들이"});
  CHECK(is_particle("로의"));
  CHECK_FALSE(is_particle("구글"));
  const KnownWord known = [](std::string_view w) { return w == "라인" || w == "솔라"; };
  CHECK(words("라인", known) == std::vector<std::string>{"라인"});
  CHECK(words("라인은", known) == std::vector<std::string>{"라인+은"});
  CHECK(words("솔라는", known) == std::vector<std::string>{"솔라+는"});
  CHECK(words("솔라는") == std::vector<std::string>{"솔+라는"});
}

}  // namespace
}  // namespace kgex
