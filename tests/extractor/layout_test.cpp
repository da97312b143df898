// Page layout: boilerplate (comment sections, headline lists) yields nothing;
// Markdown tables whose header names an entity type yield typed cells.
#include "extractor/layout.h"

#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/match/gazetteer.h"
#include "extractor/match/pattern_matcher.h"
#include "extractor/stages.h"
#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

using test::graph_of;
using test::has_entity;
using test::has_relation;
using test::rule_file;
using ET = EntityType;
using RT = RelationType;

// `text` normalised and cut into lines and sentences.
DocumentAnalysis segmented(std::string_view text) {
  DocumentAnalysis doc;
  doc.decoded.text = std::string(text);
  doc.norm = normalize_text(doc.decoded.text);
  const Segmenter segmenter;
  doc.segmentation = segmenter.segment(doc.norm.text);
  doc.headings = line_headings(doc);
  return doc;
}

// The lines of `text` that find_boilerplate marks, by index.
std::vector<std::size_t> boilerplate_lines(std::string_view text, const Layout& layout) {
  const DocumentAnalysis doc = segmented(text);
  const std::vector<bool> marked = find_boilerplate(doc, layout);
  REQUIRE(marked.size() == doc.segmentation.lines.size());
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked[i]) {
      out.push_back(i);
    }
  }
  return out;
}

Layout comment_layout() {
  Layout layout;
  layout.boilerplate_markers = {"댓글", "comments"};
  return layout;
}

using Lines = std::vector<std::size_t>;

const char* kArticleWithComments =
    "에이크미, 새 메신저 공개\n"
    "에이크미는 오늘 새 메신저 앱을 공개했다.\n"
    "이 앱은 Kafka 위에서 돈다고 회사는 설명했다.\n"
    "댓글 3\n"
    "글로벡스 앱이 더 낫다 2025.04.04 10:00\n"
    "이니텍도 Rust 쓴다던데\n";

TEST_CASE("boilerplate: a marker line opens a comment section that runs to the end") {
  CHECK(boilerplate_lines(kArticleWithComments, comment_layout()) == Lines{3, 4, 5, 6});
  const KnowledgeGraph g =
      graph_of(rule_file(R"("layout": {"boilerplate_markers": ["댓글", "Comments"]})"),
               kArticleWithComments);
  CHECK(has_entity(g, "Acme", ET::kOrganization));
  CHECK(has_entity(g, "Kafka", ET::kTool));
  CHECK_FALSE(g.find("Globex", ET::kOrganization).has_value());
  CHECK_FALSE(g.find("Initech", ET::kOrganization).has_value());
  CHECK_FALSE(g.find("Rust", ET::kTool).has_value());
  CHECK(g.entity_count() == 2);
}

TEST_CASE("boilerplate: English markers are matched case-insensitively") {
  const std::string text =
      "Acme ships a messenger\nAcme launched a messenger today.\nIt runs on Kafka, the company "
      "said.\n3 Comments\nGlobex is better, says one reader.\n";
  CHECK(boilerplate_lines(text, comment_layout()) == Lines{3, 4, 5});
}

TEST_CASE("boilerplate: a marker before the article starts is navigation, not a section") {
  const std::string text =
      "에이크미 새 소식\n댓글 보기\n에이크미는 오늘 새 앱을 공개했다.\n글로벡스는 Rust를 쓴다.\n";
  CHECK(boilerplate_lines(text, comment_layout()).empty());
  const KnowledgeGraph g =
      graph_of(rule_file(R"("layout": {"boilerplate_markers": ["댓글"]})"), text);
  CHECK(has_entity(g, "Globex", ET::kOrganization));
}

TEST_CASE("boilerplate: a line that is only a marker heads a box after a one-line body") {
  const std::string text =
      "에이크미 새 칩 공개\n\n에이크미가 새 칩을 공개했다. 회사는 내년에 양산한다.\n\n"
      "김하나 기자\n\n댓글\n글로벡스가 더 낫다\n";
  CHECK(boilerplate_lines(text, comment_layout()) == Lines{6, 7, 8});
  // A line that holds a marker among other words needs more of the article before it.
  const std::string bar =
      "에이크미 새 칩 공개\n\n에이크미가 새 칩을 공개했다.\n댓글 보기 공유\n"
      "글로벡스는 Rust를 쓴다.\n";
  CHECK(boilerplate_lines(bar, comment_layout()).empty());
}

TEST_CASE("boilerplate: a marker and a colon open a line of headlines of any length") {
  Layout layout = comment_layout();
  layout.boilerplate_markers.insert("related");
  const std::string text =
      "Acme raises money\nAcme raised money from Initech on Tuesday, the company said.\n"
      "Related: Globex partners with Initech on chips | Globex buys a small maker of sensors\n"
      "Acme competes with Globex in Europe, its chief executive said on Tuesday.\n";
  CHECK(boilerplate_lines(text, layout) == Lines{2});
  // Without the colon a long line that holds the word is prose.
  const std::string prose =
      "Acme raises money\nAcme raised money from Initech on Tuesday, the company said.\n"
      "Related deals by Globex and Initech on chips have drawn the regulators' attention.\n";
  CHECK(boilerplate_lines(prose, layout).empty());
}

TEST_CASE("boilerplate: the bar under a headline, above the body, is not a section") {
  const std::string text =
      "본문 바로가기\n메인 메뉴로 바로가기\n\n뉴스\n홈  정치  경제  사회  문화  IT/과학  세계  "
      "랭킹  오피니언  스포츠  연예  날씨\n\nIT/과학 > 모바일\n\n테크신문 | 입력 2025.03.11. 오전 "
      "9:42 | 수정 2025.03.11. 오전 10:15\n댓글 12  공감  공유하기\n\n에이크미, 새 메신저 "
      "공개\n김하늘 대표 \"업무 메신저 1위 되겠다\"\n\n"
      "에이크미가 기업용 메신저 앱을 새로 공개하고 다음 달부터 판매에 나선다고 11일 "
      "밝혔다.\n이 앱은 Kafka 위에서 돈다.\n\n댓글 3\n글로벡스 앱이 더 낫다\n";
  CHECK(boilerplate_lines(text, comment_layout()) == Lines{17, 18, 19});
}

TEST_CASE("boilerplate: a line of hashtags tags the post and says nothing") {
  const std::string text =
      "에이크미 개발 블로그\n에이크미는 오늘 새 앱을 공개했다.\n#Rust #글로벡스 #회고\n# 소개\n"
      "이 앱은 Kafka #1 버전이다.\n";
  CHECK(boilerplate_lines(text, Layout{}) == Lines{2});
  const KnowledgeGraph g = graph_of(rule_file(""), text);
  CHECK(has_entity(g, "Kafka", ET::kTool));
  CHECK_FALSE(g.find("Rust", ET::kTool).has_value());
  CHECK_FALSE(g.find("Globex", ET::kOrganization).has_value());
}

TEST_CASE("boilerplate: a long line holding a marker word is prose") {
  const std::string text =
      "에이크미 새 소식\n에이크미는 오늘 새 앱을 공개했다.\n글로벡스는 Rust를 쓴다.\n"
      "이 앱에 달린 댓글 가운데 상당수는 새 기능을 반기면서도 가격이 너무 높다는 의견을 "
      "남겼다고 회사는 밝혔다.\n";
  CHECK(boilerplate_lines(text, comment_layout()).empty());
}

TEST_CASE("boilerplate: a list of headlines with dates yields nothing") {
  const std::string text =
      "에이크미는 오늘 새 앱을 공개했다고 밝혔다.\n"
      "101 글로벡스 주가 급등 2025.04.04 12:15 7406\n"
      "102 이니텍 신제품 발표 2025.04.04 12:13 6790\n"
      "에이크미는 Kafka를 쓴다.\n";
  CHECK(boilerplate_lines(text, Layout{}) == Lines{1, 2});
  const KnowledgeGraph g = graph_of(rule_file(""), text);
  CHECK(has_entity(g, "Acme", ET::kOrganization));
  CHECK(has_entity(g, "Kafka", ET::kTool));
  CHECK_FALSE(g.find("Globex", ET::kOrganization).has_value());
  CHECK_FALSE(g.find("Initech", ET::kOrganization).has_value());
  SUBCASE("one dated line alone is not a list") {
    CHECK(boilerplate_lines("에이크미 소식\n글로벡스 발표 2025-04-04 7406\n끝.", Layout{}).empty());
  }
  SUBCASE("dated lines must start or end with a number") {
    CHECK(
        boilerplate_lines("글로벡스 발표 2025/04/04 오후\n이니텍 발표 2025/04/05 오전\n", Layout{})
            .empty());
  }
}

TEST_CASE("boilerplate: lines that open with a time of day are a timeline, not a list") {
  const std::string text =
      "We lost the queue for an hour on Monday, and this is what happened.\n"
      "09:02  A migration is applied by Tidemark\n"
      "09:05  Grafana alerts fire and the on-call engineer is paged\n"
      "09:40  Error rates are back to normal\n";
  CHECK(boilerplate_lines(text, Layout{}).empty());
  SUBCASE("so do a programme's slots, a span of two times each") {
    CHECK(boilerplate_lines("Offsite agenda for the platform group, day one.\n"
                            "09:00–09:30  Breakfast\n10:00–10:30  Welcome by Ana Ruiz, CTO\n"
                            "10:30 - 11:15  Roadmap by Tom Park\n11:15~12:00 Lunch\n",
                            Layout{})
              .empty());
  }
  SUBCASE("a time stamp after a date still makes a headline list") {
    CHECK(boilerplate_lines("에이크미 소식\n2025.04.04 12:15 글로벡스 주가 급등\n"
                            "2025.04.04 12:13 이니텍 신제품 발표\n에이크미는 Kafka를 쓴다.\n",
                            Layout{}) == Lines{1, 2});
  }
}

TEST_CASE("boilerplate: lines that open with a year and a month are a chronology, not a list") {
  const std::string text =
      "에이크미 연혁\n"
      "2017.03  서울에서 설립 (공동창업자 김하나, 이두리)\n"
      "2019-11 시리즈 A 투자 유치\n"
      "2021/6\t글로벡스 인수\n";
  CHECK(boilerplate_lines(text, Layout{}).empty());
  SUBCASE("a full date still makes a headline list") {
    CHECK(boilerplate_lines("에이크미 소식\n2017.03.02 글로벡스 주가 급등\n"
                            "2017.03.01 이니텍 신제품 발표\n에이크미는 Kafka를 쓴다.\n",
                            Layout{}) == Lines{1, 2});
  }
}

TEST_CASE("boilerplate: a comment's text under its header of fields stays in the comments") {
  const std::string text =
      "Ana Obi · 1st\n"
      "Some news: after four years at Globex I have joined Acme as a staff engineer.\n"
      "Acme runs on Kafka today, and my first job is the move to Buildkite.\n"
      "👍 120 · 31 comments\n"
      "Ana Ruiz · Principal Engineer at Initech\n"
      "Great move. Acme is lucky to have you and I hope the migration goes smoothly.\n"
      "Like · Reply · 3d\n";
  CHECK(boilerplate_lines(text, comment_layout()) == Lines{3, 4, 5, 6, 7});
  // Without the header line above it, a long line of prose is the article again.
  CHECK(boilerplate_lines(
            "Ana Obi · 1st\n"
            "Some news: after four years at Globex I have joined Acme as an engineer.\n"
            "Acme runs on Kafka today, and my first job is the move to Buildkite.\n"
            "31 comments\n"
            "Acme also said that it will open a second office in Oslo later this year.\n",
            comment_layout()) == Lines{3});
}

TEST_CASE("boilerplate: a related-links box inside an article ends where the article resumes") {
  const std::string text =
      "에이크미 소식\n에이크미는 오늘 새 제품을 공개했다고 밝혔다.\n양사는 협력을 이어간다.\n"
      "관련기사\n글로벡스 주가 급등\n"
      "에이크미 관계자는 \"이번 제품이 시장의 흐름을 크게 바꿀 것\"이라며 \"앞으로도 Rocket을 "
      "꾸준히 키우고 고객과 함께 성장하겠다\"고 말했다.\n";
  Layout layout;
  layout.boilerplate_markers = {"관련기사"};
  CHECK(boilerplate_lines(text, layout) == Lines{3, 4});
  const KnowledgeGraph g =
      graph_of(rule_file(R"("layout": {"boilerplate_markers": ["관련기사"]})"), text);
  CHECK(has_entity(g, "Rocket", ET::kProduct));
  CHECK_FALSE(g.find("Globex", ET::kOrganization).has_value());
}

TEST_CASE("boilerplate: brackets and marks around a box's heading are no part of it") {
  Layout layout;
  layout.boilerplate_markers = {"관련기사"};
  for (const std::string heading :
       {"[관련 기사]", "<관련기사>", "**관련기사**", "== 관련 기사 =="}) {
    CAPTURE(heading);
    CHECK(boilerplate_lines("에이크미 소식\n에이크미는 오늘 새 제품을 공개했다고 밝혔다.\n양사는 "
                            "협력을 이어간다.\n" +
                                heading + "\n- 글로벡스 주가 급등\n",
                            layout) == Lines{3, 4, 5});
  }
  // A line of marks alone is no heading.
  CHECK(boilerplate_lines("에이크미 소식\n에이크미는 오늘 새 제품을 공개했다고 밝혔다.\n양사는 "
                          "협력을 이어간다.\n[]\n- 글로벡스 주가 급등\n",
                          layout)
            .empty());
}

TEST_CASE("boilerplate: a marker written with spaces is the whole line or its end") {
  const std::string text =
      "에이크미 소식\n에이크미는 오늘 새 제품을 공개했다고 밝혔다.\n양사는 협력을 이어간다.\n"
      "관련 글\n- 글로벡스 주가 급등\n";
  Layout layout;
  layout.boilerplate_markers = {"관련글"};
  CHECK(boilerplate_lines(text, layout) == Lines{3, 4, 5});
  // Only the whole line: a line that holds the words among others is not a marker.
  CHECK(boilerplate_lines("에이크미 소식\n에이크미는 오늘 새 제품을 공개했다.\n양사는 협력한다.\n"
                          "관련 글 목록\n글로벡스 주가 급등\n",
                          layout)
            .empty());
  // A box's heading that names its section first.
  layout.boilerplate_markers = {"많이본뉴스"};
  CHECK(boilerplate_lines("에이크미 소식\n에이크미는 오늘 새 제품을 공개했다고 밝혔다.\n양사는 "
                          "협력을 이어간다.\nIT/과학 많이 본 뉴스\n1  글로벡스, 신작 출시\n",
                          layout) == Lines{3, 4, 5});
  // Or opens it, when the marker is a phrase of five letters or more.
  CHECK(boilerplate_lines("에이크미 소식\n에이크미는 오늘 새 제품을 공개했다고 밝혔다.\n양사는 "
                          "협력을 이어간다.\n많이 본 뉴스 더 보기\n1  글로벡스, 신작 출시\n",
                          layout) == Lines{3, 4, 5});
  layout.boilerplate_markers = {"관련글"};
  CHECK(boilerplate_lines("에이크미 소식\n에이크미는 오늘 새 제품을 공개했다.\n양사는 협력한다.\n"
                          "관련 글 목록\n글로벡스 주가 급등\n",
                          layout)
            .empty());
}

TEST_CASE("boilerplate: replies of a comment thread do not resume the article") {
  const std::string article =
      "에이크미 소식\n에이크미는 오늘 새 제품을 공개했다고 밝혔다.\n양사는 협력을 이어간다.\n"
      "댓글 3\n";
  const std::string replies =
      "ㄴ 새벽러너: 저도 한 달 써봤는데 배터리가 오래가고 화면이 밝아서 한낮에 밖에서도 잘 "
      "보이더라고요. 추천합니다\n"
      "pace_kim: 가온랩스 개발팀장이 예전 직장 동료인데 그래서 앱 디자인이 이렇게 깔끔한가 "
      "봅니다. 다음 버전도 기대돼요\n";
  Layout layout;
  layout.boilerplate_markers = {"댓글"};
  CHECK(boilerplate_lines(article + replies, layout) == Lines{3, 4, 5, 6});
  // A long line of prose without a reply's opening is the article again.
  CHECK(boilerplate_lines(article + "에이크미는 내년에 두 번째 제품을 내놓고 북미와 유럽에서 "
                                    "판매도 시작할 계획이라고 덧붙였다. 가격은 아직 정하지 "
                                    "않았다.\n",
                          layout) == Lines{3});
}

TEST_CASE("boilerplate: a skipped section runs from its heading to the next heading") {
  const std::string text =
      "에이크미 채용\n에이크미는 메신저를 만든다.\n\n"
      "■ 자격 요건\n- Rust 경험\n\n■ 우대 사항\n- Kafka 경험\n\n"
      "■ 기술 스택\n- Go\n\n■ 팀 리드 한마디\n좋은 팀입니다.\n";
  Layout layout;
  layout.skipped_sections = {"자격요건", "우대사항"};
  layout.posting_markers = {"기술스택"};
  // Lines 3 to 8 (both skipped sections and the blank lines in them); the stack section and
  // the section after a heading's mark are kept.
  CHECK(boilerplate_lines(text, layout) == Lines{3, 4, 5, 6, 7, 8});
  layout.posting_markers = {};
  CHECK(boilerplate_lines(text, layout) == Lines{3, 4, 5, 6, 7, 8});
  CHECK(boilerplate_lines(text, Layout{}).empty());
}

TEST_CASE("boilerplate: a section heading may say whose section it is") {
  // "검색팀 기술 스택" heads the team's stack and ends the skipped section before it; a line
  // that only holds the heading's words inside ("기술 스택 소개 자료") heads nothing.
  const std::string text =
      "에이크미 채용\n에이크미는 메신저를 만든다.\n\n"
      "우대 사항\n- Kafka 경험\n\n검색팀 기술 스택\n- Go\n";
  Layout layout;
  layout.skipped_sections = {"우대사항"};
  layout.posting_markers = {"기술스택"};
  CHECK(boilerplate_lines(text, layout) == Lines{3, 4, 5});
  const std::string inside =
      "에이크미 채용\n에이크미는 메신저를 만든다.\n\n"
      "우대 사항\n- Kafka 경험\n\n기술 스택 소개 자료\n- Go\n";
  CHECK(boilerplate_lines(inside, layout) == Lines{3, 4, 5, 6, 7, 8});
}

// The kind document_kind reads from `text`, whose line l names organization first_org[l].
DocumentKind kind_of(std::string_view text, const Layout& layout,
                     const std::vector<int>& first_org = {}) {
  DocumentAnalysis doc = segmented(text);
  FoldedForms folded;
  for (const Sentence& span : doc.segmentation.sentences) {
    SentenceAnalysis& s = doc.sentences.emplace_back();
    s.span = span;
    s.tokens = tokenize(doc.norm.text, span.begin, span.end, nullptr, folded);
  }
  std::vector<int> orgs = first_org;
  orgs.resize(doc.segmentation.lines.size(), -1);
  return document_kind(doc, layout, orgs);
}

TEST_CASE("headings: a short line is read by its letters and digits, without its numbering") {
  CHECK(heading_key("3. 주요 제품") == "주요제품");
  CHECK(heading_key("  ■ 자격 요건:") == "자격요건");
  CHECK(heading_key("[자격 요건]") == "자격요건");
  CHECK(heading_key("## Nice-to-have") == "nicetohave");
  CHECK(heading_key("2) Main Products") == "mainproducts");
  CHECK(heading_key("Web 3.0") == "web30");
  // A line longer than a heading is none.
  CHECK(heading_key("자격 요건은 따로 없고 누구나 지원할 수 있습니다").empty());
}

TEST_CASE("headings: a pack's section headings are compared as the lines are read") {
  // The pack writes a heading with spaces, the page with a hyphen and brackets.
  const std::string rules = rule_file(R"("layout": {"skipped_sections": ["Nice to have"]},
      "entity_rules": [{"id": "tool", "pattern": [{"regex": "Kafka|Go", "capture": "n"}],
        "entity": {"capture": "n", "type": "Tool"}}])");
  const std::string text =
      "에이크미 채용\n에이크미는 메신저를 만든다.\n\n[Nice-to-have]\n- Kafka 경험\n\n"
      "## Tech stack\n- Go\n";
  const KnowledgeGraph g = graph_of(rules, text);
  CHECK(has_entity(g, "Go", ET::kTool));
  CHECK(g.find("Kafka").empty());
  CHECK(graph_of(rule_file(R"("entity_rules": [{"id": "tool", "pattern": [{"regex": "Kafka",
      "capture": "n"}], "entity": {"capture": "n", "type": "Tool"}}])"),
                 text)
            .find("Kafka")
            .size() == 1);
}

TEST_CASE("header: a byline's fields set apart by middle dots continue the header") {
  // The header's lines: the title, the line below it, and the byline; then the body.
  const auto header_of = [](std::string_view byline) {
    const std::string text =
        "Closing the shop\n\n" + std::string(byline) +
        "\n\nAfter four years we are done. Thanks to all of you who came by.\n";
    const std::vector<bool> header = find_header(segmented(text), Layout{});
    REQUIRE(header.size() >= 5);
    return std::vector<bool>(header.begin(), header.begin() + 5);
  };
  // Longer than a heading line because of the name, yet no paragraph.
  CHECK(header_of("Ottilie Brasch-Adeyemi-Lund \xC2\xB7 March 3 \xC2\xB7 8 min read") ==
        std::vector<bool>{true, false, true, false, false});
  // A sentence that ends in a full stop opens the body, middle dots or not; so does one
  // without them.
  CHECK(header_of("We met at a bank \xC2\xB7 that was the start of it all, and of more.") ==
        std::vector<bool>{true, false, false, false, false});
  CHECK(header_of("We met at a bank, and that was the start of it all for both of us") ==
        std::vector<bool>{true, false, false, false, false});
}

TEST_CASE("header: a dated byline below a blog's name, menu and title is still the header's") {
  const auto header_of = [](std::string_view byline) {
    const std::string text =
        "Dana's night shifts\nHome \xC2\xB7 Code \xC2\xB7 Books\n# Shipping "
        "a bus alarm in three months\n" +
        std::string(byline) + "\nI work at a bank by day. I code at night.\n";
    const std::vector<bool> header = find_header(segmented(text), Layout{});
    REQUIRE(header.size() >= 5);
    return std::vector<bool>(header.begin(), header.begin() + 5);
  };
  CHECK(header_of("2025\xEB\x85\x84 4\xEC\x9B\x94 3\xEC\x9D\xBC \xC2\xB7 Dana Obi \xC2\xB7 "
                  "5 comments") == std::vector<bool>{true, true, true, true, false});
  CHECK(header_of("March 3, 2025 \xC2\xB7 Dana Obi") ==
        std::vector<bool>{true, true, true, true, false});
  // A thread's first reply header, with no year, is no byline of the page.
  CHECK(header_of("u/dana_obi \xC2\xB7 5h") == std::vector<bool>{true, true, true, false, false});
  // Nor is a year among other digits (a version, a count).
  CHECK(header_of("v12025 \xC2\xB7 Dana Obi") == std::vector<bool>{true, true, true, false, false});
}

TEST_CASE("opens_with_field: a field of the set before a colon, compared folded") {
  const WordSet fields = {"from", "수신", "수신처"};
  CHECK(opens_with_field("From: Help Desk <help@orbo.example>", fields));
  CHECK(opens_with_field("수신 : 가람대학교 입학처", fields));
  CHECK(opens_with_field("수신처: 가람대학교", fields));
  // Another field, a field later on the line, or a line with no colon.
  CHECK_FALSE(opens_with_field("발신: 에이크미", fields));
  CHECK_FALSE(opens_with_field("Note from: Help Desk", fields));
  CHECK_FALSE(opens_with_field("From the desk of Ada Obi", fields));
  CHECK_FALSE(opens_with_field(": from", fields));
  CHECK_FALSE(opens_with_field("From: Ada", WordSet{}));
}

TEST_CASE("header: a mail's header fields are its header, however long") {
  Layout layout;
  layout.address_fields = {"from", "to", "subject"};
  const std::string text =
      "Subject: [Please read] Ticket tool change: Trellid -> Quorra, from the first of May "
      "onwards\n"
      "From: Help Desk <help@orbo.example>\nTo: everyone@orbo.example\n\nHello all,\n\n"
      "Orbo moves its tickets to Quorra next month.\n";
  const std::vector<bool> header = find_header(segmented(text), layout);
  REQUIRE(header.size() >= 7);
  // The three fields; not the greeting nor the paragraph under them.
  CHECK(std::vector<bool>(header.begin(), header.begin() + 7) ==
        std::vector<bool>{true, true, true, false, false, false, false});
  // Without the field words the long first line is an opening paragraph that ends the header.
  const std::vector<bool> plain = find_header(segmented(text), Layout{});
  CHECK(std::vector<bool>(plain.begin(), plain.begin() + 3) ==
        std::vector<bool>{true, false, false});
}

TEST_CASE("document kind: four lines opening with an interview marker make an interview") {
  Layout layout;
  layout.interview_markers = {"q", "a"};
  const std::string three = "에이크미 인터뷰\nQ. 팀 소개를?\nA: 검색팀입니다.\nQ. 스택은?\n";
  CHECK_FALSE(kind_of(three, layout).interview);
  CHECK(kind_of(three + "A. Rust입니다.\n", layout).interview);
  CHECK_FALSE(kind_of(three + "A Rust입니다.\n", layout).interview);
  CHECK_FALSE(kind_of(three + "A. Rust입니다.\n", Layout{}).interview);
}

TEST_CASE("document kind: three section headings make a job posting") {
  Layout layout;
  layout.posting_markers = {"주요업무", "기술스택"};
  layout.skipped_sections = {"자격요건"};
  const std::string two = "에이크미 채용\n■ 주요 업무\n- 검색\n## 기술스택:\n- Go\n";
  CHECK_FALSE(kind_of(two, layout).posting);
  CHECK(kind_of(two + "[자격 요건]\n- Rust\n", layout).posting);
  // A heading is a short line, not a sentence that holds the words.
  CHECK_FALSE(kind_of(two + "자격 요건은 따로 없고 누구나 지원할 수 있습니다.\n", layout).posting);
}

TEST_CASE("document kind: three item headings naming different organizations make a digest") {
  const std::string text =
      "이번 주 소식\n① 에이크미, 인수\n② 글로벡스, 투자 유치\n3. 이니텍, 신제품\n4) 에이크미, "
      "채용\n";
  CHECK(kind_of(text, Layout{}, {-1, 0, 1, 2, 0}).digest);
  CHECK_FALSE(kind_of(text, Layout{}, {-1, 0, 1, 1, 0}).digest);
  const std::string bullets = "소식\n▶ 에이크미\n■ 글로벡스\n▷ 이니텍\n";
  CHECK(kind_of(bullets, Layout{}, {-1, 0, 1, 2}).digest);
  // Korean letters of an outline too; a syllable that is no such letter, or one with no mark
  // after it, opens no item.
  const std::string lettered = "미팅 결과\n가. 에이크미\n나) 글로벡스\n다. 이니텍\n";
  CHECK(kind_of(lettered, Layout{}, {-1, 0, 1, 2}).digest);
  CHECK_FALSE(
      kind_of("미팅 결과\n가. 에이크미\n나) 글로벡스\n각. 이니텍\n", Layout{}, {-1, 0, 1, 2})
          .digest);
  CHECK_FALSE(
      kind_of("미팅 결과\n가 에이크미\n나 글로벡스\n다 이니텍\n", Layout{}, {-1, 0, 1, 2}).digest);
  // Bracketed time stamps of a transcript and Markdown headings are no items.
  const std::string transcript = "팟캐스트\n[00:01] 에이크미\n[00:02] 글로벡스\n## 이니텍\n";
  CHECK_FALSE(kind_of(transcript, Layout{}, {-1, 0, 1, 2}).digest);
}

const std::string kTableRules =
    rule_file(R"("layout": {"table_columns": {"Team": ["부서", "team"], "Product": ["제품"]}})");

TEST_CASE("tables: a header with a team word makes the column's cells Teams") {
  const std::string text =
      "에이크미 조직 소개\n"
      "| 부서 | 담당 제품 | 비고 |\n"
      "|---|---|---|\n"
      "| 검색 품질 (Search Quality) | Zephyr | 좋음 |\n"
      "| 추천 플랫폼 | Quill Notes | 보통 |\n";
  const KnowledgeGraph g = graph_of(kTableRules, text);
  CHECK(has_entity(g, "검색 품질", ET::kTeam));
  CHECK(has_entity(g, "추천 플랫폼", ET::kTeam));
  CHECK(has_entity(g, "Zephyr", ET::kProduct));
  CHECK(has_entity(g, "Quill Notes", ET::kProduct));
  // The parenthetical is left out of the name, and the header and notes are no entities.
  CHECK(g.find("Search Quality").empty());
  CHECK(g.find("검색 품질 (Search Quality)").empty());
  CHECK(g.find("부서").empty());
  CHECK(g.find("좋음").empty());
  CHECK(g.entity_count() == 5);  // with Acme from the title
}

TEST_CASE("tables: a header without a column word yields nothing") {
  const std::string text = "| 이름 | 값 |\n|---|---|\n| Quill Notes | 1 |\n";
  const KnowledgeGraph g = graph_of(kTableRules, text);
  CHECK(g.entity_count() == 0);
}

TEST_CASE("tables: a cell that lists several names each, and no description or dash") {
  const std::string rules = rule_file(
      R"("layout": {"table_columns": {"Organization": ["투자사", "투자자", "investors"]}})");
  const KnowledgeGraph g = graph_of(rules,
                                    "| 스타트업 | 투자사 |\n|---|---|\n"
                                    "| 가 | 누리벤처스, 단비파트너스 · 모아캐피탈 |\n"
                                    "| 나 | 개인 투자자 |\n| 다 | — |\n");
  CHECK(has_entity(g, "누리벤처스", ET::kOrganization));
  CHECK(has_entity(g, "단비파트너스", ET::kOrganization));
  CHECK(has_entity(g, "모아캐피탈", ET::kOrganization));
  CHECK(g.entity_count() == 3);
}

TEST_CASE("tables: a header's last column word gives the column's type") {
  const std::string rules = rule_file(R"("layout": {
      "table_columns": {"Organization": ["investor"], "Person": ["lead"], "Team": ["team"]}})");
  const KnowledgeGraph g = graph_of(rules,
                                    "| Team | Team lead | Lead investor |\n|---|---|---|\n"
                                    "| Ledger | Ada Obi | Orbo Ventures |\n");
  CHECK(has_entity(g, "Ledger", ET::kTeam));
  CHECK(has_entity(g, "Ada Obi", ET::kPerson));
  CHECK(has_entity(g, "Orbo Ventures", ET::kOrganization));
  CHECK_FALSE(has_entity(g, "Orbo Ventures", ET::kPerson));
}

TEST_CASE("tables: a name word says of what through the column word before it") {
  const std::string rules = rule_file(R"("layout": {
      "table_columns": {"Person": ["name", "이름"], "Product": ["product"], "Team": ["팀"]},
      "table_name_words": ["name", "이름"]})");
  const KnowledgeGraph g =
      graph_of(rules,
               "| Name | Product name | Code name | 팀 이름 |\n|---|---|---|---|\n"
               "| Ada Obi | Quill Notes | Falcon | 결제플랫폼 |\n");
  CHECK(has_entity(g, "Ada Obi", ET::kPerson));
  CHECK(has_entity(g, "Quill Notes", ET::kProduct));
  CHECK(has_entity(g, "결제플랫폼", ET::kTeam));
  CHECK(g.find("Falcon").empty());
  CHECK(g.entity_count() == 3);
}

TEST_CASE("tables: a row relates the cells of the columns a table relation names") {
  const std::string rules = rule_file(R"("layout": {
      "table_columns": {"Organization": ["스타트업", "투자사", "startup", "investor"]},
      "table_relations": [{"source": ["투자사", "investor"], "relation": "invests_in",
                           "target": ["스타트업", "startup"]}]})");
  const KnowledgeGraph g = graph_of(rules,
                                    "| 스타트업 | 라운드 | 리드 투자사 | 참여 투자사 |\n"
                                    "|---|---|---|---|\n"
                                    "| 모아랩 | 시리즈A | 누리벤처스 | 단비파트너스, 가온캐피탈 |\n"
                                    "| 다온소프트 | 시드 | 단비파트너스 | — |\n");
  CHECK(has_relation(g, "누리벤처스", RT::kInvestsIn, "모아랩"));
  CHECK(has_relation(g, "단비파트너스", RT::kInvestsIn, "모아랩"));
  CHECK(has_relation(g, "가온캐피탈", RT::kInvestsIn, "모아랩"));
  CHECK(has_relation(g, "단비파트너스", RT::kInvestsIn, "다온소프트"));
  // Only within a row, and only from an investor column.
  CHECK_FALSE(has_relation(g, "누리벤처스", RT::kInvestsIn, "다온소프트"));
  CHECK_FALSE(has_relation(g, "모아랩", RT::kInvestsIn, "누리벤처스"));
  CHECK(g.relation_count() == 4);
  // Without the relation, the same table names the companies and relates nothing.
  const KnowledgeGraph plain = graph_of(
      rule_file(R"("layout": {"table_columns": {"Organization": ["스타트업", "투자사"]}})"),
      "| 스타트업 | 투자사 |\n|---|---|\n| 모아랩 | 누리벤처스 |\n");
  CHECK(has_entity(plain, "모아랩", ET::kOrganization));
  CHECK(plain.relation_count() == 0);
}

TEST_CASE("tables: a role cell makes the person in the row a member or the head of a team") {
  const std::string rules = rule_file(R"j("layout": {
      "table_columns": {"Person": ["성명"]},
      "table_relations": [{"source": ["성명"], "relation": "member_of", "target": ["직책"],
                           "heads": ["장", "리드"]}]},
      "name_endings": {"endings": ["씨"], "initials": ["박"], "titles": ["대표"], "units": ["팀"],
                       "heads": ["장"]},
      "entity_rules": [{"id": "unit", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
                        "entity": {"capture": "n", "type": "Team"}}])j");
  const KnowledgeGraph g = graph_of(rules,
                                    "| 성명 | 현 직책 | 새 직책 |\n|---|---|---|\n"
                                    "| 탁가온 | 검색팀 엔지니어 | 추천팀장 |\n"
                                    "| 모수인 | 결제팀 리드 | 결제팀 |\n");
  CHECK(has_relation(g, "탁가온", RT::kMemberOf, "검색팀"));
  CHECK(has_relation(g, "탁가온", RT::kLeads, "추천팀"));
  CHECK_FALSE(has_relation(g, "탁가온", RT::kMemberOf, "추천팀"));
  // A cell holds a name whole, even one that ends like a particle (모수인, not 모수).
  CHECK(has_relation(g, "모수인", RT::kLeads, "결제팀"));
  CHECK(has_relation(g, "모수인", RT::kMemberOf, "결제팀"));
  CHECK(g.find("모수").empty());
  // Without heads, every team of a role cell is joined.
  const KnowledgeGraph plain =
      graph_of(rule_file(R"j("layout": {"table_columns": {"Person": ["성명"]}, "table_relations": [
          {"source": ["성명"], "relation": "member_of", "target": ["직책"]}]},
          "name_endings": {"endings": ["씨"], "initials": ["박"], "titles": ["대표"],
                           "units": ["팀"], "heads": ["장"]},
          "entity_rules": [{"id": "unit", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
                            "entity": {"capture": "n", "type": "Team"}}])j"),
               "| 성명 | 직책 |\n|---|---|\n| 탁가온 | 추천팀장 |\n");
  CHECK(has_relation(plain, "탁가온", RT::kMemberOf, "추천팀"));
  CHECK_FALSE(has_relation(plain, "탁가온", RT::kLeads, "추천팀"));
  // A stop word in a person's cell names no one ("공석": vacant); a team's cell may hold one.
  const KnowledgeGraph vacant = graph_of(rule_file(R"j("stoplist": ["공석", "Mobile"], "layout": {
          "table_columns": {"Person": ["성명"], "Team": ["팀"]}})j"),
                                         "| 팀 | 성명 |\n|---|---|\n| Mobile | 공석 |\n");
  CHECK(vacant.find("공석").empty());
  CHECK_FALSE(vacant.find("Mobile").empty());
  // Nor does one in an organization's cell: a maintainer with no employer.
  const KnowledgeGraph alone =
      graph_of(rule_file(R"j("stoplist": ["independent"], "layout": {
          "table_columns": {"Person": ["name"], "Organization": ["affiliation"]}})j"),
               "| Name | Affiliation |\n|---|---|\n| Ana Ruiz | independent |\n");
  CHECK(alone.find("independent").empty());
  CHECK_FALSE(alone.find("Ana Ruiz").empty());
}

TEST_CASE("tables: an org chart's rows give each team its group, owner and tools") {
  const std::string rules = rule_file(R"("layout": {
      "table_columns": {"Team": ["team", "group"], "Person": ["owner"], "Tool": ["tools"],
                        "Organization": ["investors"]},
      "table_relations": [
        {"source": ["team"], "relation": "uses", "target": ["tools"]},
        {"source": ["team"], "relation": "part_of", "target": ["group"]},
        {"source": ["owner"], "relation": "leads", "target": ["team"]}]})");
  const KnowledgeGraph g = graph_of(rules,
                                    "| Team | Group | Owner | Main tools | Investors |\n"
                                    "|---|---|---|---|---|\n"
                                    "| Maps & Places | Consumer | Ilse Varga | Rust, Redis | — |\n"
                                    "| Ledger | Payments | Teodor Lind | Go | Arden & Pike |\n");
  CHECK(has_relation(g, "Maps & Places", RT::kUses, "Rust"));
  CHECK(has_relation(g, "Maps & Places", RT::kUses, "Redis"));
  CHECK(has_relation(g, "Maps & Places", RT::kPartOf, "Consumer"));
  CHECK(has_relation(g, "Ilse Varga", RT::kLeads, "Maps & Places"));
  CHECK(has_relation(g, "Ledger", RT::kUses, "Go"));
  CHECK(has_relation(g, "Teodor Lind", RT::kLeads, "Ledger"));
  // "&" is part of a team's name; it lists organizations.
  CHECK(g.find("Maps").empty());
  CHECK(has_entity(g, "Arden", ET::kOrganization));
  CHECK(has_entity(g, "Pike", ET::kOrganization));
  CHECK_FALSE(has_relation(g, "Ilse Varga", RT::kLeads, "Ledger"));
}

TEST_CASE("outlines: a team listed under another item is part of the unit that item names") {
  const std::string units = R"j("entity_rules": [{"id": "unit", "pattern": [{"regex":
      "[가-힣]+(본부|실|팀)", "capture": "n"}], "entity": {"capture": "n", "type": "Team"}}])j";
  const std::string rules = rule_file(R"("layout": {"outline_relations": [
      {"child": ["Team"], "relation": "part_of", "parent": ["Team", "Organization"]}]},)" +
                                      units);
  const std::string page =
      "조직도\n"
      "- 기술본부 (본부장: 한도윤)\n"
      "  - 검색실 — 실장 유가람\n"
      "    - 색인팀\n"
      "    - 랭킹팀, 품질팀\n"
      "  - 결제실\n"
      "- 사업본부\n"
      "    - 영업팀\n"
      "기타 문의는 운영팀으로.\n"
      "  - 지원팀\n";
  const KnowledgeGraph g = graph_of(rules, page);
  CHECK(has_relation(g, "검색실", RT::kPartOf, "기술본부"));
  CHECK(has_relation(g, "색인팀", RT::kPartOf, "검색실"));
  CHECK(has_relation(g, "랭킹팀", RT::kPartOf, "검색실"));
  CHECK(has_relation(g, "품질팀", RT::kPartOf, "검색실"));
  CHECK(has_relation(g, "결제실", RT::kPartOf, "기술본부"));
  CHECK(has_relation(g, "영업팀", RT::kPartOf, "사업본부"));
  // An item is under the nearest item above that is less indented, not under a sibling; a line
  // that is no item ends the list.
  CHECK_FALSE(has_relation(g, "결제실", RT::kPartOf, "검색실"));
  CHECK_FALSE(has_relation(g, "색인팀", RT::kPartOf, "기술본부"));
  CHECK_FALSE(has_relation(g, "지원팀", RT::kPartOf, "운영팀"));
  CHECK_FALSE(has_relation(g, "지원팀", RT::kPartOf, "사업본부"));
  CHECK(g.relation_count() == 6);
  // Without outline_relations, the same list relates nothing.
  CHECK(graph_of(rule_file(units), page).relation_count() == 0);
}

TEST_CASE("bylines: a team the byline names with the writer is the post's first-person side") {
  const std::string units = R"j("entity_rules": [
      {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
       "entity": {"capture": "n", "type": "Team"}},
      {"id": "person", "pattern": [{"regex": "[가-힣]{3}", "capture": "n"}, {"text": "("}],
       "entity": {"capture": "n", "type": "Person"}},
      {"id": "tool", "pattern": [{"regex": "Redis|Kafka", "capture": "n"}],
       "entity": {"capture": "n", "type": "Tool"}}],
    "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "capture": "t"},
      {"text": "도입"}], "relation": "uses", "source": "$self", "target": "t"}])j";
  const std::string rules =
      rule_file(R"("layout": {"writer_markers": ["글쓴이", "written by"]},)" + units);
  const std::string post =
      "누리 기술 블로그\n\n올해 돌아보기\n\n글쓴이: 육하람 (검색팀 매니저) · 12월 27일\n\n"
      "올해도 연말이 왔습니다. 3월에는 Redis 도입. 5월에는 Kafka 도입.\n";
  const KnowledgeGraph g = graph_of(rules, post);
  CHECK(has_relation(g, "검색팀", RT::kUses, "Redis"));
  CHECK(has_relation(g, "검색팀", RT::kUses, "Kafka"));
  // Without the marker the line is no byline; a byline with two teams names no one side.
  CHECK(graph_of(rule_file(units), post).relation_count() == 0);
  const std::string two = "누리 기술 블로그\n\n글쓴이: 육하람 (검색팀, 추천팀)\n\nRedis 도입.\n";
  CHECK(graph_of(rules, two).relation_count() == 0);
  // The marker is read after any run of spaces and punctuation, and in any case.
  const std::string behind =
      "누리 기술 블로그\n\n~~ ** ~~ -- ** ~~ -- Written  By: 육하람 (검색팀)\n\n"
      "Redis 도입.\n";
  CHECK(has_relation(graph_of(rules, behind), "검색팀", RT::kUses, "Redis"));
  // A byline with a team and no writer signs a notice: the team's only where the post says "we".
  const std::string we = rule_file(
      R"("layout": {"writer_markers": ["작성자"], "we_words": ["저희", "우리"]},)" + units);
  const std::string notice = "공지사항\n\n작성자 운영팀 | 5월 9일\n\n당사는 Redis 도입.\n";
  CHECK_FALSE(has_relation(graph_of(we, notice), "운영팀", RT::kUses, "Redis"));
  const std::string team_post =
      "공지사항\n\n작성자 운영팀 | 5월 9일\n\n저희는 바쁩니다. 우리 손으로 Redis 도입.\n";
  CHECK(has_relation(graph_of(we, team_post), "운영팀", RT::kUses, "Redis"));
}

TEST_CASE("transcripts: a turn is about its speaker's organization") {
  const std::string rules = rule_file(R"j("entity_rules": [
      {"id": "speaker", "pattern": [{"regex": "[가-힣]{3}", "anchor": "start", "capture": "n"},
        {"text": ":"}], "entity": {"capture": "n", "type": "Person"}},
      {"id": "intro", "pattern": [{"text": ["대표", "진행자"]}, {"regex": "[가-힣]{3}",
        "particle": ["입니다"], "capture": "n"}], "entity": {"capture": "n", "type": "Person"}},
      {"id": "org", "pattern": [{"regex": "[가-힣]+랩스", "capture": "n"}],
       "entity": {"capture": "n", "type": "Organization"}}],
    "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "particle": ["을", "를"], "capture": "t"},
      {"starts": "써"}], "relation": "uses", "source": {"find": ["Organization"], "else": "$self"},
      "target": "t"}])j");
  const std::string head = "가람랩스 특집 대담\n\n";
  const std::string turns =
      "한다온: 안녕하세요, 진행자 한다온입니다.\n\n"
      "여채윤: 가람랩스 대표 여채윤입니다. 저희는 Python을 써요.\n\n"
      "탁규빈: 솔빛랩스 대표 탁규빈입니다.\n\n"
      "탁규빈: 저희는 Kafka를 써요.\n\n"
      "한다온: 다들 Rust를 써요?\n";
  const KnowledgeGraph g = graph_of(rules, head + turns);
  CHECK(has_relation(g, "가람랩스", RT::kUses, "Python"));
  CHECK(has_relation(g, "솔빛랩스", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(g, "가람랩스", RT::kUses, "Kafka"));
  // The host names no organization of their own: their words are no one's.
  CHECK_FALSE(has_relation(g, "가람랩스", RT::kUses, "Rust"));
  // One guest's organization alone: an interview about the guest's, every turn.
  const std::string one =
      "한다온: 안녕하세요, 진행자 한다온입니다.\n\n"
      "여채윤: 가람랩스 대표 여채윤입니다.\n\n"
      "한다온: 다들 Rust를 써요?\n";
  CHECK(has_relation(graph_of(rules, head + one), "가람랩스", RT::kUses, "Rust"));
}

// Turns with a speaker found by `speaker` (entity rules), companies in 랩스, and "<Tool>를 써"
// used by the organization of the clause, else by the speaker's side.
std::string turn_rules(const std::string& speaker) {
  return rule_file(R"j("entity_rules": [)j" + speaker + R"j(,
      {"id": "org", "pattern": [{"regex": "[가-힣]+랩스", "capture": "n"}],
       "entity": {"capture": "n", "type": "Organization"}}],
    "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "particle": ["을", "를"], "capture": "t"},
      {"starts": "써"}], "relation": "uses", "source": {"find": ["Organization"], "else": "$self"},
      "target": "t"}])j");
}

TEST_CASE("transcripts: a chat's nickname in brackets opens its speaker's turn") {
  const std::string rules = turn_rules(R"j(
      {"id": "nick", "pattern": [{"text": "[", "anchor": "start"},
        {"regex": "[가-힣]{3}", "capture": "n"}, {"text": "/"}],
        "entity": {"capture": "n", "type": "Person"}})j");
  const std::string chat =
      "오픈채팅 대화\n\n"
      "[여채윤/가람랩스/CTO] [오후 9:02] 요즘 뭐 쓰세요?\n"
      "[탁규빈/솔빛랩스/CTO] [오후 9:04] 저희는 Kafka를 써요\n"
      "[탁규빈/솔빛랩스/CTO] [오후 9:05] 만족해요\n"
      "[여채윤/가람랩스/CTO] [오후 9:06] 저희는 Python을 써요\n";
  const KnowledgeGraph g = graph_of(rules, chat);
  CHECK(has_relation(g, "솔빛랩스", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "가람랩스", RT::kUses, "Python"));
  CHECK_FALSE(has_relation(g, "가람랩스", RT::kUses, "Kafka"));
}

TEST_CASE("transcripts: a ticket's header with the speaker's affiliation opens a turn") {
  const std::string rules = turn_rules(R"j(
      {"id": "person", "pattern": [{"regex": "[가-힣]{3}", "capture": "n"}, {"text": "("}],
        "entity": {"capture": "n", "type": "Person"}},
      {"id": "team", "pattern": [{"regex": "[가-힣]+팀", "capture": "n"}],
       "entity": {"capture": "n", "type": "Team"}})j");
  const std::string ticket =
      "문의 티켓\n\n"
      "가람랩스 인프라팀 여채윤 (11/20 09:12)\n저희는 Kafka를 써요.\n\n"
      "솔빛랩스 지원팀 탁규빈 (11/20 10:05)\n저희는 Python을 써요.\n\n"
      "가람랩스 인프라팀 여채윤 (11/20 10:40)\n감사합니다.\n";
  const KnowledgeGraph g = graph_of(rules, ticket);
  CHECK(has_relation(g, "가람랩스", RT::kUses, "Kafka"));
  CHECK(has_relation(g, "솔빛랩스", RT::kUses, "Python"));
  CHECK_FALSE(has_relation(g, "솔빛랩스", RT::kUses, "Kafka"));
  CHECK_FALSE(has_relation(g, "가람랩스", RT::kUses, "Python"));
}

TEST_CASE("listicles: a title that counts organizations makes its numbered items' names theirs") {
  const std::string rules =
      rule_file(R"("layout": {"listicle_words": ["스타트업", "곳", "startups"],
      "number_words": ["seven"]},
      "relation_rules": [{"id": "founded", "pattern": [{"ent": "Person", "capture": "p"},
        {"text": "대표", "particle": "가"}, {"text": "창업했다"}], "relation": "founded", "source": "p", "target": "$topic"}],
      "entity_rules": [{"id": "ceo", "pattern": [{"regex": "[가-힣]{3}", "capture": "n"}, {"text": "대표"}],
        "entity": {"capture": "n", "type": "Person"}}])");
  const std::string page =
      "눈여겨볼 스타트업 3곳\n\n심사역들에게 물어 세 곳을 골랐다. 순서는 무작위다.\n\n"
      "1) 누리셈 — 말로 묻는 회계 분석\n서지아 대표가 창업했다.\n\n"
      "2) 다온옵스(DaonOps) — 보안 게이트웨이\n한도겸 대표가 창업했다.\n\n"
      "3. 모아포지\n오세린 대표가 창업했다.\n";
  const KnowledgeGraph g = graph_of(rules, page);
  // Each item's section is about its organization.
  for (const auto& [founder, company] :
       {std::pair{"서지아", "누리셈"}, std::pair{"한도겸", "다온옵스"},
        std::pair{"오세린", "모아포지"}}) {
    CHECK(has_entity(g, company, ET::kOrganization));
    CHECK(has_relation(g, founder, RT::kFounded, company));
  }
  // English: a number in words; the name fills its line.
  const KnowledgeGraph english =
      graph_of(rules,
               "Seven startups to watch\n\n1. Saltgrass Robotics\nIt mows.\n\n2. Kilnstone\nIt "
               "bakes.\n\n3. Tansyfield\nIt drafts.\n");
  for (const char* company : {"Kilnstone", "Tansyfield"}) {
    CHECK(has_entity(english, company, ET::kOrganization));
  }
  // No title that counts organizations (a number but no word of the list), or fewer than three
  // items: no names.
  CHECK(graph_of(rules,
                 "Five talks we liked in 2026\n\n1. Kilnstone\nIt bakes.\n\n2. "
                 "Tansyfield\nIt drafts.\n\n3. Saltgrass\nIt mows.\n")
            .find("Kilnstone")
            .empty());
  CHECK(graph_of(rules, "스타트업 2곳\n\n1) 누리셈 — 회계\n\n2) 모아포지 — 3D\n")
            .find("누리셈")
            .empty());
}

TEST_CASE("list sections: the names a bulleted list opens its items with, under a heading") {
  const std::string rules = rule_file(R"("layout": {"list_sections": [
      {"headings": ["주요 제품", "products"], "type": "Product", "relation": "develops"},
      {"headings": ["자회사"], "type": "Organization"}]},
      "entity_rules": [{"id": "org", "pattern": [{"regex": "[가-힣]+로보", "capture": "n"}],
        "entity": {"capture": "n", "type": "Organization"}}])");
  const std::string page =
      "가온로보\n가온로보는 로봇 회사다. 가온로보는 판교에 있다.\n\n"
      "목차\n1. 주요 제품\n2. 자회사\n\n"
      "3. 주요 제품\n- 나르미(Narumi): 배송 로봇.\n- 두리 V2 – 협동 로봇\n"
      "- 관제 소프트웨어를 함께 판다는 점이 강점이다\n\n"
      "4. 자회사\n- 가온로보 재팬 (지분 100%)\n- 글로벡스\n\n"
      "5. 같이 보기\n- 협동로봇\n";
  const KnowledgeGraph g = graph_of(rules, page);
  CHECK(has_entity(g, "나르미", ET::kProduct));
  CHECK(has_entity(g, "두리 V2", ET::kProduct));
  CHECK(has_relation(g, "가온로보", RT::kDevelops, "나르미"));
  CHECK(has_relation(g, "가온로보", RT::kDevelops, "두리 V2"));
  CHECK(has_entity(g, "가온로보 재팬", ET::kOrganization));
  CHECK_FALSE(has_relation(g, "가온로보", RT::kDevelops, "가온로보 재팬"));
  // A name the gazetteer knows keeps its entry there.
  CHECK(has_entity(g, "Globex", ET::kOrganization));
  CHECK_FALSE(has_entity(g, "글로벡스", ET::kOrganization));
  // An item that is a sentence names nothing; a list under another heading, and the numbered
  // contents list, are no section's items.
  CHECK(g.find("관제 소프트웨어를 함께 판다는 점이 강점이다").empty());
  CHECK(g.find("협동로봇").empty());
  CHECK(g.find("자회사").empty());
}

TEST_CASE("list sections: a relation runs from the item where only that way fits its types") {
  const std::string rules = rule_file(R"("layout": {"list_sections": [
      {"headings": ["구성원"], "type": "Person", "relation": "works_at"}]},
      "entity_rules": [{"id": "org", "pattern": [{"regex": "[가-힣]+로보", "capture": "n"}],
        "entity": {"capture": "n", "type": "Organization"}}])");
  const KnowledgeGraph g =
      graph_of(rules,
               "가온로보\n가온로보는 로봇을 연구한다. 가온로보는 판교에 있다.\n\n"
               "■ 구성원\n- 마하늘 (박사과정): 보행 제어\n- 표가을: 촉각 센서\n");
  CHECK(has_relation(g, "마하늘", RT::kWorksAt, "가온로보"));
  CHECK(has_relation(g, "표가을", RT::kWorksAt, "가온로보"));
  CHECK(g.relation_count() == 2);
  // A person's name ends before a title of the pack's name_endings.
  const std::string titled = rule_file(R"("layout": {"list_sections": [
      {"headings": ["구성원"], "type": "Person", "relation": "works_at"}]},
      "name_endings": {"endings": ["씨"], "initials": ["마"], "titles": ["교수", "박사과정"]},
      "entity_rules": [{"id": "org", "pattern": [{"regex": "[가-힣]+로보", "capture": "n"}],
        "entity": {"capture": "n", "type": "Organization"}}])");
  const KnowledgeGraph t =
      graph_of(titled,
               "가온로보\n가온로보는 로봇을 연구한다. 가온로보는 판교에 있다.\n\n"
               "■ 구성원\n- 마하늘 교수 (연구실장)\n- 표가을 박사과정\n");
  CHECK(has_relation(t, "마하늘", RT::kWorksAt, "가온로보"));
  CHECK(has_relation(t, "표가을", RT::kWorksAt, "가온로보"));
  CHECK(t.find("마하늘 교수").empty());
  // It starts after the titles the item opens with, and a count of people names no one.
  const KnowledgeGraph opened =
      graph_of(titled,
               "가온로보\n가온로보는 로봇을 연구한다. 가온로보는 판교에 있다.\n\n"
               "■ 구성원\n- 박사과정 마하늘: 보행 제어\n- 박사과정 외 3명, 석사과정 6명\n");
  CHECK(has_relation(opened, "마하늘", RT::kWorksAt, "가온로보"));
  CHECK(opened.find("박사과정 마하늘").empty());
  CHECK(opened.relation_count() == 1);
  // On a page whose header names a team last, the people listed are the team's members.
  const std::string lab = rule_file(R"("layout": {"list_sections": [
      {"headings": ["구성원"], "type": "Person", "relation": "works_at"}]},
      "entity_rules": [{"id": "org", "pattern": [{"regex": "[가-힣]+대학교", "capture": "n"}],
        "entity": {"capture": "n", "type": "Organization"}},
        {"id": "lab", "pattern": [{"regex": "[가-힣]+연구실", "capture": "n"}],
        "entity": {"capture": "n", "type": "Team"}}])");
  const KnowledgeGraph page = graph_of(
      lab,
      "가온대학교 보행제어연구실\n\n가온대학교는 크다. 보행제어연구실은 로봇을 연구한다.\n\n"
      "■ 구성원\n- 마하늘\n- 표가을\n");
  CHECK(has_relation(page, "마하늘", RT::kMemberOf, "보행제어연구실"));
  CHECK(has_relation(page, "표가을", RT::kMemberOf, "보행제어연구실"));
  CHECK_FALSE(has_relation(page, "마하늘", RT::kWorksAt, "가온대학교"));
}

TEST_CASE("page team: a page whose header and body open on one team as subject speaks for it") {
  const std::string rules = rule_file(R"("entity_rules": [
      {"id": "org", "pattern": [{"regex": "[가-힣]+대학교", "capture": "n"}],
        "entity": {"capture": "n", "type": "Organization"}},
      {"id": "lab", "pattern": [{"regex": "[가-힣]+연구실", "capture": "n"}],
        "entity": {"capture": "n", "type": "Team"}},
      {"id": "tool", "pattern": [{"script": "latin", "shape": "capitalized", "capture": "n"}],
        "entity": {"capture": "n", "type": "Tool"}}],
      "relation_rules": [{"id": "use", "pattern": [{"ent": "Tool", "particle": ["로"], "capture": "t"},
        {"text": "작성한다"}], "relation": "uses",
        "source": {"find": ["Organization", "Team"], "else": "$self"}, "target": "t"}])");
  const std::string head = "보행제어연구실 | 로봇 다리 연구\n가온대학교 기계공학부\n\n";
  const std::string code = "\n\n코드는 Pytorch로 작성한다.\n";
  const KnowledgeGraph lab =
      graph_of(rules, head + "보행제어연구실(Gait Lab)은 로봇 다리를 연구한다." + code);
  CHECK(has_relation(lab, "보행제어연구실", RT::kUses, "Pytorch"));
  // A body that names the team only to sign a notice leaves the page to its organization.
  const KnowledgeGraph notice =
      graph_of(rules, head + "안녕하세요, 보행제어연구실입니다. 공지를 드립니다." + code);
  CHECK_FALSE(has_relation(notice, "보행제어연구실", RT::kUses, "Pytorch"));
}

TEST_CASE("list sections: a use section relates its items to the product the page is about") {
  const std::string rules = rule_file(R"("layout": {"list_sections": [
      {"headings": ["used by"], "type": "Organization", "relation": "uses"}]})");
  const KnowledgeGraph g = graph_of(rules,
                                    "Comet\n\nComet is a queue. Comet is fast. Comet is "
                                    "small.\n\nUsed by\n- Globex\n- Initech\n");
  CHECK(has_relation(g, "Globex", RT::kUses, "Comet"));
  CHECK(has_relation(g, "Initech", RT::kUses, "Comet"));
  // With no product the page is about, the items relate to nothing.
  const KnowledgeGraph none =
      graph_of(rules, "Acme news\n\nAcme is big. Acme is old.\n\nUsed by\n- Globex\n");
  CHECK_FALSE(has_relation(none, "Globex", RT::kUses, "Acme"));
}

TEST_CASE("list sections: a product rival section relates its items to the page's product") {
  const std::string rules = rule_file(R"("layout": {"list_sections": [
      {"headings": ["how it compares"], "type": "Product", "relation": "competes_with"}]})");
  const KnowledgeGraph g = graph_of(rules,
                                    "Comet review\n\nComet is a queue. Comet is fast. Comet is "
                                    "small.\n\nHow it compares\n- Rocket: older, slower\n");
  CHECK(has_relation(g, "Comet", RT::kCompetesWith, "Rocket"));
}

TEST_CASE("list sections: a member list relates its people to the team the page speaks for") {
  const std::string rules = rule_file(R"("layout": {"we_words": ["we", "our"], "list_sections": [
      {"headings": ["meet the team"], "type": "Person", "relation": "member_of"}]},
      "entity_rules": [{"id": "lab", "pattern": [{"shape": "capitalized", "capture": "n"},
        {"text": "Lab", "capture": "l"}], "entity": {"capture": "n", "through": "l", "type": "Team"}}],
      "document_rules": [{"id": "unit", "kind": "unit_member", "types": ["Person"],
        "relation": "works_at", "confidence": 0.5}])");
  const std::string list = "\n\nMeet the team\n- Ana Ruiz - robots\n- Tom Park (2nd year): fish\n";
  const KnowledgeGraph lab =
      graph_of(rules, "Reef Lab\n\nWe study reefs. Our robots swim. We like them." + list);
  CHECK(has_relation(lab, "Ana Ruiz", RT::kMemberOf, "Reef Lab"));
  CHECK(has_relation(lab, "Tom Park", RT::kMemberOf, "Reef Lab"));
  // A page that speaks for no team relates them to nothing.
  const KnowledgeGraph news =
      graph_of(rules, "Reef Lab\n\nThe Reef Lab studies reefs. It is small." + list);
  CHECK_FALSE(has_relation(news, "Ana Ruiz", RT::kMemberOf, "Reef Lab"));
}

TEST_CASE("tables: a new table reads its own header") {
  const std::string text =
      "| Team | Note |\n|---|---|\n| Growth Lab | new |\n\n"
      "| 이름 | 값 |\n|---|---|\n| Quill Notes | 1 |\n";
  const KnowledgeGraph g = graph_of(kTableRules, text);
  CHECK(has_entity(g, "Growth Lab", ET::kTeam));
  CHECK(g.find("Quill Notes").empty());
}

TEST_CASE("tables: a pipe table without outer bars reads as one with them") {
  const std::string rules = rule_file(R"("layout": {
      "table_columns": {"Person": ["name"], "Team": ["team"], "Product": ["product"]}})");
  const std::string text =
      "Roster\n"
      "Name | Team | Product\n"
      "--- | :---: | ---\n"
      "Dana Holt | Search Quality | Quill Notes\n"
      "| Omar Reyes | Payments Core\n";
  const KnowledgeGraph g = graph_of(rules, text);
  CHECK(has_entity(g, "Dana Holt", ET::kPerson));
  CHECK(has_entity(g, "Search Quality", ET::kTeam));
  CHECK(has_entity(g, "Quill Notes", ET::kProduct));
  // A row may open with a bar and leave off the one that closes it; its last cell counts.
  CHECK(has_entity(g, "Omar Reyes", ET::kPerson));
  CHECK(has_entity(g, "Payments Core", ET::kTeam));
  SUBCASE("without the rule under the header, bars are a menu's or a byline's") {
    const KnowledgeGraph menu = graph_of(rules, "Name | Team\nDana Holt | Search Quality\n");
    CHECK_FALSE(has_entity(menu, "Search Quality", ET::kTeam));
  }
}

TEST_CASE("tables: a table aligned with spaces or tabs reads its columns") {
  const std::string rules = rule_file(R"("layout": {
      "table_columns": {"Person": ["name", "성명"], "Team": ["team", "부서"]}})");
  SUBCASE("under a rule of dashes, one row is a table") {
    const KnowledgeGraph g = graph_of(rules,
                                      "Name          Team\n"
                                      "------------  -------------\n"
                                      "Dana Holt     Search Quality\n");
    CHECK(has_entity(g, "Dana Holt", ET::kPerson));
    CHECK(has_entity(g, "Search Quality", ET::kTeam));
    CHECK(g.entity_count() == 2);
  }
  SUBCASE("without a rule it takes two rows of as many cells") {
    const std::string text =
        "성명     부서\n"
        "도가온   결제 플랫폼\n"
        "탁서윤   검색 품질\n";
    const KnowledgeGraph g = graph_of(rules, text);
    CHECK(has_entity(g, "도가온", ET::kPerson));
    CHECK(has_entity(g, "결제 플랫폼", ET::kTeam));
    CHECK(has_entity(g, "검색 품질", ET::kTeam));
    const KnowledgeGraph one = graph_of(rules, "성명     부서\n도가온   결제 플랫폼\n");
    CHECK_FALSE(has_entity(one, "결제 플랫폼", ET::kTeam));
  }
  SUBCASE("a tab sets cells apart, though normalisation makes it one space") {
    const KnowledgeGraph g =
        graph_of(rules, "Name\tTeam\nDana Holt\tSearch Quality\nOmar Reyes\tPayments Core\n");
    CHECK(has_entity(g, "Search Quality", ET::kTeam));
    CHECK(has_entity(g, "Payments Core", ET::kTeam));
  }
  SUBCASE("a chronology's lines are no table, though one of them holds a column word") {
    const KnowledgeGraph g = graph_of(rules,
                                      "2017.03  결제 부서 신설\n"
                                      "2018.09  검색 부서 신설\n"
                                      "2019.11  광고 부서 신설\n");
    CHECK_FALSE(has_entity(g, "검색 부서 신설", ET::kTeam));
    CHECK_FALSE(has_entity(g, "광고 부서 신설", ET::kTeam));
  }
}

TEST_CASE("tables: rows in boilerplate are skipped") {
  const std::string text =
      "에이크미 소식\n에이크미는 오늘 새 앱을 공개했다.\n글로벡스는 Rust를 쓴다.\n댓글\n"
      "| 부서 | 비고 |\n|---|---|\n| 성장 조직 | 좋음 |\n";
  const KnowledgeGraph g = graph_of(
      rule_file(
          R"("layout": {"boilerplate_markers": ["댓글"], "table_columns": {"Team": ["부서"]}})"),
      text);
  CHECK(g.find("성장 조직").empty());
}

TEST_CASE("layout_word: one bit per layout set, and by word number the same as looked up") {
  auto set = load_rules({builtin_pack()});
  REQUIRE_MESSAGE(set.ok(), set.status().to_string());
  const Layout& layout = set.value()->layout;
  const std::array<std::pair<std::uint8_t, const WordSet*>, 7> sets{{
      {kWriterWord, &layout.writer_words},
      {kWeWord, &layout.we_words},
      {kBylineMarker, &layout.byline_markers},
      {kReportVerb, &layout.report_verbs},
      {kClauseOpener, &layout.clause_openers},
      {kRespectively, &layout.respectively_words},
      {kTellVerb, &layout.tell_verbs},
  }};
  std::string text = "낱말 word";
  for (const auto& [bit, words] : sets) {
    REQUIRE(!words->empty());
    for (const std::string_view w : *words) {
      const std::uint8_t bits = layout_word(layout, w);
      for (const auto& [other, in] : sets) {
        CHECK_MESSAGE(((bits & other) != 0) == in->contains(w), w);
      }
      text.append(" ").append(w);
    }
  }
  // The words as the extractor numbers them, with their particles split off.
  TokenCache cache;
  cache.use_for(1);
  std::vector<Token> tokens;
  cache.tokenize(
      text, 0, static_cast<std::uint32_t>(text.size()), [](std::string_view) { return false; },
      tokens);
  const Gazetteer gazetteer(*set.value());
  WordFacts facts;
  add_word_facts(facts, cache, gazetteer, layout, RuleFilter(*set.value()));
  std::size_t numbered = 0;
  for (const Token& t : tokens) {
    if (t.word >= facts.size()) {
      continue;
    }
    ++numbered;
    CHECK(facts.layout[t.word] == layout_word(layout, t.folded));
    for (const auto& [bit, words] : sets) {
      CHECK_MESSAGE(in_layout_set(t, &facts, bit, *words) == words->contains(t.folded), t.folded);
    }
  }
  CHECK(numbered == tokens.size());
}

}  // namespace
}  // namespace kgex
