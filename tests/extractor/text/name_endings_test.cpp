// Korean given names that end in a syllable the tokenizer takes for a particle are joined
// back when a title follows; other words keep their particles.
#include "extractor/text/name_endings.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extractor/text/tokenizer.h"

namespace kgex {
namespace {

NameEndings names() {
  NameEndings n;
  n.endings = {"인", "나", "만", "이든"};
  n.initials = {"김", "이", "박", "정", "주", "노", "한"};
  n.titles = {"대표", "사장", "이사", "cto", "이사장"};
  n.honorifics = {"씨", "님"};
  n.units = {"본부", "사업본부", "팀", "협회"};
  n.heads = {"장"};
  return n;
}

using Step = void (*)(std::vector<Token>&, std::string_view, const NameEndings&, const KnownWord&);

// The tokens of `text` from a TokenCache after `step`. A token the step rewrote has lost its
// word number; each other token's names its folded form still.
std::vector<Token> cached_after_step(Step step, std::string_view text, const KnownWord& known) {
  TokenCache cache;
  cache.use_for(1);
  std::vector<Token> tokens;
  cache.tokenize(text, 0, static_cast<std::uint32_t>(text.size()), known, tokens);
  step(tokens, text, names(), known);
  for (const Token& t : tokens) {
    if (t.word != kNoWord) {
      CHECK(cache.word(t.word) == t.folded);
    }
  }
  return tokens;
}

// The tokens of `text` after `step`, with the default configuration and nothing known.
std::vector<Token> after_step(Step step, std::string_view text) {
  return cached_after_step(step, text, nullptr);
}

// The base forms of `text`'s tokens after `step` (by default the join), with "+particle" when
// one is left. Every token's text views the text where its offsets say.
std::vector<std::string> forms(std::string_view text, const KnownWord& known = nullptr,
                               Step step = join_name_endings) {
  const std::vector<Token> tokens = cached_after_step(step, text, known);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.push_back(std::string(t.text) + (t.particle.empty() ? "" : "+" + std::string(t.particle)));
    CHECK(t.text.data() == text.data() + t.begin);
    CHECK(t.text.size() == t.base_end - t.begin);
  }
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("join_name_endings: a name before a title keeps its last syllable") {
  CHECK(forms("김수인 대표는") == V{"김수인", "대표+는"});
  CHECK(forms("박유나 CTO가") == V{"박유나", "CTO+가"});
  CHECK(forms("김영만 사장") == V{"김영만", "사장"});
  // An ending of two syllables after a surname alone (김 + 이든).
  CHECK(forms("김이든 대표는") == V{"김이든", "대표+는"});
  CHECK(forms("김이든 발표") == V{"김+이든", "발표"});
}

TEST_CASE("join_name_endings: one word may come between the name and the title") {
  CHECK(forms("김수인 누리소프트 대표") == V{"김수인", "누리소프트", "대표"});
  CHECK(forms("김영만 전 사장") == V{"김영만", "전", "사장"});
}

TEST_CASE("join_name_endings: a title may stand before the name in parentheses") {
  CHECK(forms("한빛(대표 박유나)은") == V{"한빛", "(", "대표", "박유나", ")", "+은"});
  // The first of two names; the second has no title before it.
  CHECK(forms("(대표 박유나·김수인)") == V{"(", "대표", "박유나", "·", "김수+인", ")"});
  // Not outside parentheses, nor with words after the name.
  CHECK(forms("대표 박유나 씨") == V{"대표", "박유+나", "씨"});
  CHECK(forms("(대표 주자인 기업)") == V{"(", "대표", "주자+인", "기업", ")"});
}

TEST_CASE("join_name_endings: a title before a name that ends the sentence, as signed") {
  CHECK(forms("한빛 대표 박유나") == V{"한빛", "대표", "박유나"});
  // Not with anything after the name.
  CHECK(forms("한빛 대표 박유나 씨") == V{"한빛", "대표", "박유+나", "씨"});
}

TEST_CASE(
    "join_name_endings: a handle, a unit or a title in parentheses after the name, as credits "
    "and attendee lists write it") {
  CHECK(forms("김수인(@suin, 가온)") == V{"김수인", "(", "@", "suin", ",", "가온", ")"});
  CHECK(forms("김수인(보안팀)") == V{"김수인", "(", "보안팀", ")"});
  CHECK(forms("김수인(가온 데이터본부)") == V{"김수인", "(", "가온", "데이터본부", ")"});
  CHECK(forms("김수인(CTO), 박유나(가온 대표)") ==
        V{"김수인", "(", "CTO", ")", ",", "박유나", "(", "가온", "대표", ")"});
  // Not a parenthesis that holds none of them, or only past its first three words, nor a unit
  // word alone, nor one set apart by a space.
  CHECK(forms("김수인(가온)") == V{"김수+인", "(", "가온", ")"});
  CHECK(forms("김수인(가온 누리 모아 보안팀)") ==
        V{"김수+인", "(", "가온", "누리", "모아", "보안팀", ")"});
  CHECK(forms("김수인(팀)") == V{"김수+인", "(", "팀", ")"});
  CHECK(forms("김수인 (보안팀)") == V{"김수+인", "(", "보안팀", ")"});
}

TEST_CASE("join_name_endings: without a title the particle stays") {
  CHECK(forms("김수인 발표") == V{"김수+인", "발표"});
  CHECK(forms("김수인") == V{"김수+인"});
  // The title must follow as the next word or the one after, not later.
  CHECK(forms("김수인 오늘 아침 대표") == V{"김수+인", "오늘", "아침", "대표"});
}

// The base forms of `text`'s tokens, as forms() gives them, after join_name_endings with the
// default configuration changed by `change`.
template <typename Change>
V joined_with(std::string_view text, Change change) {
  FoldedForms folded;
  std::vector<Token> tokens =
      tokenize(text, 0, static_cast<std::uint32_t>(text.size()), nullptr, folded);
  NameEndings n = names();
  change(n);
  join_name_endings(tokens, text, n, nullptr);
  V out;
  for (const Token& t : tokens) {
    out.push_back(std::string(t.text) + (t.particle.empty() ? "" : "+" + std::string(t.particle)));
  }
  return out;
}

TEST_CASE("join_name_endings: a listed foreign given name is whole wherever it stands") {
  const auto with_given = [](std::string_view text) {
    return joined_with(text, [](NameEndings& n) { n.given = {"페드로", "엘레나"}; });
  };
  CHECK(forms("페드로 도밍고스와 엘레나") == V{"페드+로", "도밍고스+와", "엘레+나"});
  CHECK(with_given("페드로 도밍고스와 엘레나") == V{"페드로", "도밍고스+와", "엘레나"});
  // Only the name as a whole: a word the list does not hold keeps its particle.
  CHECK(with_given("페드에게 서울로") == V{"페드+에게", "서울+로"});
}

TEST_CASE("join_name_endings: a unit whose last syllable ends like a particle is whole") {
  const auto with_units = [](std::string_view text) {
    return joined_with(text, [](NameEndings& n) { n.units = {"팀", "학과"}; });
  };
  CHECK(forms("해양학과 학생") == V{"해양학+과", "학생"});
  CHECK(with_units("해양학과 학생") == V{"해양학과", "학생"});
  CHECK(with_units("로봇공학과에서") == V{"로봇공학과+에서"});
  // Three syllables are as often a noun and 과 ("and"): they stay as written.
  CHECK(with_units("수학과 과학") == V{"수학+과", "과학"});
}

TEST_CASE("join_name_endings: an apposition before a name is no name") {
  // 인 is the copula of "대주주인": the word between is a name, so 이사 is its title.
  CHECK(forms("주주인 노상범 이사") == V{"주주+인", "노상범", "이사"});
}

TEST_CASE("join_name_endings: titles, known words and other shapes keep their particles") {
  // A title itself ("이사인 대표" is a role, not a person).
  CHECK(forms("이사인 대표") == V{"이사+인", "대표"});
  // A word the stop list or gazetteer knows; with the ending, the tokenizer keeps it whole.
  const KnownWord known = [](std::string_view w) { return w == "정부" || w == "한국인"; };
  CHECK(forms("정부만 대표", known) == V{"정부+만", "대표"});
  CHECK(forms("한국인 대표", known) == V{"한국인", "대표"});
  // Not an initial; an ending not listed; a base of three syllables.
  CHECK(forms("코로나 대표") == V{"코로+나", "대표"});
  CHECK(forms("김수도 대표") == V{"김수+도", "대표"});
  CHECK(forms("김수진인 대표") == V{"김수진+인", "대표"});
}

std::vector<std::string> split(std::string_view text, const KnownWord& known = nullptr) {
  return forms(text, known, split_honorifics);
}

TEST_CASE("split_honorifics: an honorific written onto a name becomes a word of its own") {
  CHECK(split("김민수씨는 말했다") == V{"김민수", "씨+는", "말했다"});
  CHECK(split("이서연님") == V{"이서연", "님"});
  const std::vector<Token> tokens = after_step(split_honorifics, "박지호씨가");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].end == 9);
  CHECK(tokens[1].begin == 9);
  CHECK_FALSE(tokens[1].space_before);
}

TEST_CASE("split_honorifics: titles, known words, other lengths and initials stay whole") {
  // A title with an honorific is no name: it reads as the title.
  CHECK(split("이사장님") == V{"이사장"});
  CHECK(split("대표님과") == V{"대표+과"});
  // On a Latin title the honorific goes with the title, and its particle too.
  CHECK(split("CTO님이") == V{"CTO+이"});
  CHECK(split("CTO님") == V{"CTO"});
  CHECK(split("Acme님이") == V{"Acme", "님+이"});
  CHECK(split("아가씨") == V{"아가씨"});
  CHECK(split("마음씨") == V{"마음씨"});
  CHECK(split("코로나씨") == V{"코로나씨"});
  const KnownWord known = [](std::string_view w) { return w == "한빛랩"; };
  CHECK(split("한빛랩님", known) == V{"한빛랩님"});
}

std::vector<std::string> split_heads(std::string_view text, const KnownWord& known = nullptr) {
  return forms(text, known, split_unit_heads);
}

TEST_CASE("split_unit_heads: a head written onto a named unit becomes a word of its own") {
  CHECK(split_heads("정해린 기획본부장은 말했다") == V{"정해린", "기획본부", "장+은", "말했다"});
  CHECK(split_heads("한빛가상현실협회장") == V{"한빛가상현실협회", "장"});
  CHECK(split_heads("클라우드사업본부장을") == V{"클라우드사업본부", "장+을"});
  const std::vector<Token> tokens = after_step(split_unit_heads, "홍보팀장이");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].end == 9);
  CHECK(tokens[0].particle.empty());
  CHECK(tokens[1].particle == "이");
  CHECK(tokens[1].begin == 9);
  CHECK_FALSE(tokens[1].space_before);
}

TEST_CASE("split_unit_heads: Latin letters written onto a unit name it") {
  CHECK(split_heads("황현식 PS본부장(부사장)") ==
        V{"황현식", "PS", "본부", "장", "(", "부사장", ")"});
  CHECK(split_heads("QA팀장이") == V{"QA", "팀", "장+이"});
  CHECK(split_heads("PS 본부장") == V{"PS", "본부장"});             // a space: a title after a word
  CHECK(split_heads("한국AI본부장") == V{"한국", "AI", "본부장"});  // letters inside a word
}

TEST_CASE("split_unit_heads: titles without a name before the unit, and known words, stay whole") {
  CHECK(split_heads("본부장은") == V{"본부장+은"});
  CHECK(split_heads("사업본부장") == V{"사업본부장"});
  CHECK(split_heads("팀장") == V{"팀장"});
  CHECK(split_heads("시장") == V{"시장"});
  const KnownWord known = [](std::string_view w) { return w == "한빛팀장"; };
  CHECK(split_heads("한빛팀장", known) == V{"한빛팀장"});
  const std::string text = "기획본부장";
  FoldedForms folded;
  std::vector<Token> tokens =
      tokenize(text, 0, static_cast<std::uint32_t>(text.size()), nullptr, folded);
  split_unit_heads(tokens, text, NameEndings{}, nullptr);
  CHECK(tokens.size() == 1);
}

TEST_CASE("join_name_endings: an empty configuration changes nothing") {
  const std::string text = "김수인 대표";
  FoldedForms folded;
  std::vector<Token> tokens =
      tokenize(text, 0, static_cast<std::uint32_t>(text.size()), nullptr, folded);
  join_name_endings(tokens, text, NameEndings{}, nullptr);
  CHECK(tokens[0].text == "김수");
}

}  // namespace
}  // namespace kgex
