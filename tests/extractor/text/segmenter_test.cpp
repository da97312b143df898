// Lines and sentences of a normalised text; line kinds.
#include "extractor/text/segmenter.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

std::vector<std::string> sentences_of(std::string_view text) {
  Segmenter seg;
  std::vector<std::string> out;
  for (const Sentence& s : seg.segment(text).sentences) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST_CASE("sentences within one line") {
  CHECK(sentences_of("에이크미는 새 앱을 냈다. 글로벡스도 곧 따라 낸다고 했다.") ==
        std::vector<std::string>{"에이크미는 새 앱을 냈다.", "글로벡스도 곧 따라 낸다고 했다."});
  CHECK(sentences_of("We shipped it! Did they? Yes.") ==
        std::vector<std::string>{"We shipped it!", "Did they?", "Yes."});
}

TEST_CASE("sentence offsets are trimmed of surrounding spaces") {
  const std::string text = "   첫 문장이다.   둘째 문장이다.  ";
  Segmenter seg;
  const Segmentation s = seg.segment(text);
  REQUIRE(s.sentences.size() == 2);
  CHECK(s.sentences[0].begin == 3);
  CHECK(text.substr(s.sentences[0].begin, s.sentences[0].end - s.sentences[0].begin) ==
        "첫 문장이다.");
  CHECK(text.substr(s.sentences[1].begin, s.sentences[1].end - s.sentences[1].begin) ==
        "둘째 문장이다.");
}

TEST_CASE("lines never share a sentence") {
  // The first two lines have no final period; ICU alone would run them together.
  const std::string text =
      "에이크미 새 소식\n이 줄은 마침표 없이 끝나는 문장이지만 충분히 길어서 본문으로 읽히는 "
      "설명이고\n다음 줄은 따로 시작한다.\n\n끝.";
  Segmenter seg;
  const Segmentation s = seg.segment(text);
  REQUIRE(s.lines.size() == 5);
  CHECK(s.lines[3].kind == LineKind::kBlank);
  REQUIRE(s.sentences.size() == 4);
  for (std::size_t i = 0; i < s.sentences.size(); ++i) {
    const Sentence& sent = s.sentences[i];
    const Line& line = s.lines[sent.line];
    CHECK(sent.begin >= line.begin);
    CHECK(sent.end <= line.end);
  }
  CHECK(s.sentences[0].line == 0);
  CHECK(s.sentences[1].line == 1);
  CHECK(s.sentences[2].line == 2);
  CHECK(s.sentences[3].line == 4);
}

TEST_CASE("line offsets exclude the line break") {
  const std::string text = "a b\r\nc d.";
  Segmenter seg;
  const Segmentation s = seg.segment(text);
  REQUIRE(s.lines.size() == 2);
  CHECK(s.lines[0].begin == 0);
  CHECK(s.lines[0].end == 4);  // "a b\r": the '\r' stays in the line, trimmed from its sentence
  CHECK(s.lines[1].begin == 5);
  REQUIRE(s.sentences.size() == 2);
  CHECK(s.sentences[0].end == 3);
}

TEST_CASE("a sentence break needs whitespace after it") {
  CHECK(sentences_of("We use C++ .NET and Go. Then we ship.") ==
        std::vector<std::string>{"We use C++ .NET and Go.", "Then we ship."});
  CHECK(sentences_of("Node.js와 GPT-3.5를 쓴다. 끝.") ==
        std::vector<std::string>{"Node.js와 GPT-3.5를 쓴다.", "끝."});
}

TEST_CASE("a wiki's reference marks after a full stop end the sentence") {
  CHECK(sentences_of(
            "Orbo was started by Ada Obi, who had worked at Kivu.[2] Its first app was Tern.") ==
        std::vector<std::string>{"Orbo was started by Ada Obi, who had worked at Kivu.[2]",
                                 "Its first app was Tern."});
  CHECK(sentences_of("It sells boats.[4][5] Vela bought it in 2020.") ==
        std::vector<std::string>{"It sells boats.[4][5]", "Vela bought it in 2020."});
  // Not a bracket that holds no number, nor one before a word in lower case.
  CHECK(sentences_of("See the note.[a] More follows. It ends.[3] and so on.").size() == 2);
}

TEST_CASE("a version in lower case after a full stop opens a sentence") {
  CHECK(sentences_of("The old API ran on a single server. v3 runs on Kubernetes.") ==
        std::vector<std::string>{"The old API ran on a single server.", "v3 runs on Kubernetes."});
  CHECK(sentences_of("Is it stable? v2.1 says yes.").size() == 2);
  // Not after an abbreviation, nor before a word that only starts with v.
  CHECK(sentences_of("Some clients, e.g. v2 users, must wait.").size() == 1);
  CHECK(sentences_of("Tools are fine vs. v1 tools.").size() == 1);
  CHECK(sentences_of("It ends here. very well then.").size() == 1);
}

TEST_CASE("a legal form's full stop before a stock ticker ends no sentence") {
  CHECK(sentences_of("Vantor Inc. (NASDAQ: VNTR) will buy Kelso. It pays cash.") ==
        std::vector<std::string>{"Vantor Inc. (NASDAQ: VNTR) will buy Kelso.", "It pays cash."});
  CHECK(sentences_of("We sold to Vantor Inc. Kelso did too.").size() == 2);
}

TEST_CASE("a Korean sentence ending glued to the next sentence still ends it") {
  CHECK(sentences_of("에이크미는 앱을 냈다.글로벡스도 곧 낸다.") ==
        std::vector<std::string>{"에이크미는 앱을 냈다.", "글로벡스도 곧 낸다."});
  CHECK(sentences_of("에이크미는 앱을 냈다.Globex도 낸다.") ==
        std::vector<std::string>{"에이크미는 앱을 냈다.", "Globex도 낸다."});
  // Only after 다: a version or a domain is no sentence end.
  CHECK(sentences_of("주소는 acme.com이다. 버전 3.5를 냈다.") ==
        std::vector<std::string>{"주소는 acme.com이다.", "버전 3.5를 냈다."});
}

TEST_CASE("a middle initial does not end a sentence") {
  CHECK(sentences_of("Acme hired Dana K. Whitfield as CTO. She starts in May.") ==
        std::vector<std::string>{"Acme hired Dana K. Whitfield as CTO.", "She starts in May."});
  CHECK(sentences_of("We chose plan B. Then we shipped.") ==
        std::vector<std::string>{"We chose plan B.", "Then we shipped."});
}

TEST_CASE("a letter after one of the lettered words may end a sentence") {
  const std::string text = "Tarnby raised a Series A. Orrin led. Dana K. Whitfield spoke.";
  const WordSet lettered{"series", "plan"};
  Segmenter seg;
  std::vector<std::string> got;
  for (const Sentence& s : seg.segment(text, &lettered).sentences) {
    got.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  CHECK(got == std::vector<std::string>{"Tarnby raised a Series A.", "Orrin led.",
                                        "Dana K. Whitfield spoke."});
  // Without the word list the letter reads as a middle initial.
  CHECK(sentences_of(text).size() == 2);
}

TEST_CASE("a title written with a period does not end a sentence") {
  CHECK(sentences_of("The lab is led by Dr. Wenna Ostrakova. She joined in May.") ==
        std::vector<std::string>{"The lab is led by Dr. Wenna Ostrakova.", "She joined in May."});
  CHECK(sentences_of("Mr. Park agreed (Prof. Lee did not).") ==
        std::vector<std::string>{"Mr. Park agreed (Prof. Lee did not)."});
  CHECK(sentences_of("Notion vs. Coda vs. Tallnote: a month with each. Coda won.") ==
        std::vector<std::string>{"Notion vs. Coda vs. Tallnote: a month with each.", "Coda won."});
}

TEST_CASE("a label after a mark and before a wide gap is a sentence of its own") {
  // A transcript's speaker, as minutes print them, and a notice's field.
  CHECK(sentences_of("○ 위원 한도겸  누리셈 대표님, 답해 주십시오. 언제 알았습니까?") ==
        std::vector<std::string>{"○ 위원 한도겸", "누리셈 대표님, 답해 주십시오.",
                                 "언제 알았습니까?"});
  CHECK(sentences_of("■ 장소  본사 3층 회의실") ==
        std::vector<std::string>{"■ 장소", "본사 3층 회의실"});
  // Not without a mark, after one space only, or after a label of five words or more.
  CHECK(sentences_of("위원 한도겸  누리셈 대표님, 답해 주십시오.").size() == 1);
  CHECK(sentences_of("○ 위원 한도겸 누리셈 대표님, 답해 주십시오.").size() == 1);
  CHECK(sentences_of("○ 이 일은 처음부터 누리셈 대표가  맡았다.").size() == 1);
}

TEST_CASE("table rows, headings and list items are one sentence each") {
  CHECK(sentences_of("| 부서 | 역할. 설명. |") ==
        std::vector<std::string>{"| 부서 | 역할. 설명. |"});
  CHECK(sentences_of("- 첫 항목. 같은 항목의 둘째 문장.") ==
        std::vector<std::string>{"- 첫 항목.", "같은 항목의 둘째 문장."});
}

TEST_CASE("classify_line recognises each kind of line") {
  CHECK(classify_line("") == LineKind::kBlank);
  CHECK(classify_line("  \r") == LineKind::kBlank);
  CHECK(classify_line("| 부서 | 역할 |") == LineKind::kTableRow);
  CHECK(classify_line("|---|:---:|") == LineKind::kTableRule);
  CHECK(classify_line("| --- | --- |") == LineKind::kTableRule);
  CHECK(classify_line("- 목록 항목") == LineKind::kListItem);
  CHECK(classify_line("* item") == LineKind::kListItem);
  CHECK(classify_line("• 글머리 기호") == LineKind::kListItem);
  CHECK(classify_line("\xC2\xB7 가운뎃점 항목") == LineKind::kListItem);
  CHECK(classify_line("\xE2\x80\xBA A linked headline in a box of related posts") ==
        LineKind::kListItem);
  CHECK(classify_line("\xE2\x96\xB8 Assets 6") == LineKind::kListItem);
  CHECK(classify_line("1. 첫째") == LineKind::kListItem);
  CHECK(classify_line("12) 열둘째") == LineKind::kListItem);
  CHECK(classify_line("# 제목") == LineKind::kHeading);
  CHECK(classify_line("에이크미, 새 앱 공개") == LineKind::kHeading);
  CHECK(classify_line("짧지만 마침표로 끝난다.") == LineKind::kProse);
  CHECK(classify_line("그는 \"곧 낸다\"") == LineKind::kProse);
  CHECK(classify_line(
            "이 줄은 마침표 없이 끝나지만 마흔 글자가 넘도록 길게 이어지는 본문의 한 줄이다") ==
        LineKind::kProse);
  SUBCASE("what is not a list item") {
    CHECK(classify_line("-5도까지 내려간다.") == LineKind::kProse);
    CHECK(classify_line("2025. 새해 계획을 세웠다.") != LineKind::kListItem);
    CHECK(classify_line("3.5 버전이 나왔다.") == LineKind::kProse);
  }
}

}  // namespace
}  // namespace kgex
