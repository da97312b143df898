// Korean particles: the longest ending is split off, a known name keeps its
// ending, and the particle table answers is_particle.
#include "extractor/text/particles.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extractor/text/tokenizer.h"
#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

void check_split(std::string_view word, std::string_view base, std::string_view particle) {
  INFO(word);
  const ParticleSplit s = split_particle(word);
  CHECK(s.base == base);
  CHECK(s.particle == particle);
}

TEST_CASE("split_particle: case particles") {
  check_split("구글의", "구글", "의");
  check_split("삼성전자가", "삼성전자", "가");
  check_split("팀은", "팀", "은");
  check_split("코멧을", "코멧", "을");
  check_split("파이썬과", "파이썬", "과");
}

TEST_CASE("split_particle: the longest ending wins") {
  check_split("서울에서는", "서울", "에서는");
  check_split("연구소에서", "연구소", "에서");
  check_split("에이크미로부터", "에이크미", "로부터");
  check_split("파이썬으로부터", "파이썬", "으로부터");
  check_split("개발자들이", "개발자", "들이");
  check_split("스타트업이라는", "스타트업", "이라는");
  check_split("크래프톤뿐이었다", "크래프톤", "뿐이었다");
  check_split("에이크미뿐", "에이크미", "뿐");
  check_split("플레이에만", "플레이", "에만");
  check_split("네이버로서는", "네이버", "로서는");
  // The spoken copula of interviews: "코멧이에요", "에이크미예요".
  check_split("코멧이에요", "코멧", "이에요");
  check_split("에이크미예요", "에이크미", "예요");
  // The honorific dative and subject with 도 or 는, as thanks write them: "교수님께서도".
  check_split("교수님께도", "교수님", "께도");
  check_split("교수님께서도", "교수님", "께서도");
  check_split("대표님께서는", "대표님", "께서는");
}

TEST_CASE("split_particle: a word without a particle is left whole") {
  check_split("구글", "구글", "");
  check_split("오늘", "오늘", "");
  check_split("", "", "");
}

TEST_CASE("split_particle: a verb ending in 든 keeps it") {
  CHECK(split_particle("만든").base == "만든");
  CHECK(split_particle("무엇이든").base == "무엇");
}

TEST_CASE("split_particle: a word that is only a particle leaves an empty base") {
  check_split("의", "", "의");
  check_split("에서는", "", "에서는");
}

TEST_CASE("split_particle: a split that leaves a known name beats a longer one") {
  const auto is_name = [](std::string_view w) { return w == "솔라" || w == "코멧"; };
  const ParticleSplit s = split_particle("솔라는", is_name);
  CHECK(s.base == "솔라");
  CHECK(s.particle == "는");
  // Without the name, "라는" is the longest ending, but it cannot follow 솔's final ㄹ.
  CHECK(split_particle("솔라는").base == "솔라");
  CHECK(split_particle("소라는").base == "소");
  CHECK(split_particle("소라는").particle == "라는");
  // A name callback that knows nothing changes nothing.
  const auto nothing = [](std::string_view) { return false; };
  CHECK(split_particle("서울에서는", nothing).particle == "에서는");
}

TEST_CASE("split_particle: an ending of the wrong form for the syllable before it stays") {
  // After a vowel the topic is 는, the subject 가, the object 를, "with" 와, "to" 로.
  check_split("정다은", "정다은", "");
  check_split("정다은은", "정다은", "은");
  check_split("김하은이", "김하은", "이");
  check_split("한가을", "한가을", "");
  check_split("사이", "사이", "");
  check_split("하나로는", "하나", "로는");
  check_split("파이썬으로", "파이썬", "으로");
  // After a final consonant: 은, 이, 을, 과, 으로 (로 only after ㄹ), 이나, 이라는.
  check_split("평가", "평가", "");
  check_split("전문가", "전문가", "");
  check_split("국가", "국가", "");
  check_split("경로", "경로", "");
  check_split("서울로", "서울", "로");
  check_split("한나", "한나", "");
  check_split("팀이라는", "팀", "이라는");
  // 는 after a consonant ends verbs, which rules match by their stem.
  check_split("있는", "있", "는");
  // Endings with one form, and Latin bases, are not affected.
  check_split("구글의", "구글", "의");
  check_split("카카오에서", "카카오", "에서");
}

TEST_CASE("is_particle: whole particles and compounds from the table") {
  for (std::string_view p : {"의", "은", "는", "이", "가", "을", "를", "와", "과", "에서는", "로의",
                             "들이", "으로부터", "이라는", "이자"}) {
    INFO(p);
    CHECK(is_particle(p));
  }
  CHECK_FALSE(is_particle(""));
  CHECK_FALSE(is_particle("구글"));
  CHECK_FALSE(is_particle("이가"));
  CHECK_FALSE(is_particle("의의"));
}

TEST_CASE("is_subject_particle: the subject and topic particles only") {
  for (std::string_view p : {"은", "는", "이", "가"}) {
    INFO(p);
    CHECK(is_subject_particle(p));
  }
  for (std::string_view p : {"", "의", "을", "에서는", "도", "이라는"}) {
    INFO(p);
    CHECK_FALSE(is_subject_particle(p));
  }
}

TEST_CASE("is_instrument_particle: 로 and 으로, bare or with 는 or 써") {
  for (std::string_view p : {"로", "으로", "로는", "으로는", "로써", "으로써"}) {
    INFO(p);
    CHECK(is_instrument_particle(p));
  }
  for (std::string_view p : {"", "로부터", "으로서", "에", "를", "은"}) {
    INFO(p);
    CHECK_FALSE(is_instrument_particle(p));
  }
}

// Stripping as the tokenizer applies it, with a gazetteer's names as known words.
std::vector<std::string> words(std::string_view text, const KnownWord& known) {
  std::vector<std::string> out;
  FoldedForms folded;
  for (const Token& t : tokenize(text, 0, static_cast<std::uint32_t>(text.size()), known, folded)) {
    out.push_back(std::string(t.text) + (t.particle.empty() ? "" : "+" + std::string(t.particle)));
  }
  return out;
}

TEST_CASE("tokens: particles are stripped from Hangul words") {
  const KnownWord none = nullptr;
  CHECK(words("구글의 삼성전자가 팀은 연구소에서는", none) ==
        std::vector<std::string>{"구글+의", "삼성전자+가", "팀+은", "연구소+에서는"});
  CHECK(words("exec들이", none) == std::vector<std::string>{"exec+들이"});
}

TEST_CASE("tokens: must not strip a known name's ending") {
  const KnownWord known = [](std::string_view w) { return w == "라인" || w == "이가"; };
  // 라인 ends in the copula 인 and 이가 in the subject particle 가: both are names here.
  CHECK(words("라인 이가", known) == std::vector<std::string>{"라인", "이가"});
  CHECK(words("라인 이가", nullptr) == std::vector<std::string>{"라+인", "이+가"});
  // The known name still loses a particle after it.
  CHECK(words("라인의 이가를", known) == std::vector<std::string>{"라인+의", "이가+를"});
  // A word that is not known is stripped as usual.
  CHECK(words("구글인", known) == std::vector<std::string>{"구글+인"});
}

}  // namespace
}  // namespace kgex
