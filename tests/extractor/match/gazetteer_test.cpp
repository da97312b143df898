// Dictionary matching over tokens: longest match first, case, exact case,
// context words, Korean names written without spaces, particles and stop words.
#include "extractor/match/gazetteer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

const char* kEntries = R"(
  "gazetteer": [
    {"name": "Acme", "type": "Organization", "aliases": ["에이크미"]},
    {"name": "Acme Cloud", "type": "Product", "aliases": ["에이크미 클라우드"]},
    {"name": "Go", "type": "Tool", "exact_case": true,
     "context": {"words": ["언어", "language"], "window": 2}},
    {"name": "Kafka", "type": "Tool"},
    {"name": "Lyft", "type": "Organization", "aliases": ["리프트"], "exact_case": true,
     "context": {"words": ["승차공유"], "window": 3, "forms": ["리프트"]}},
    {"name": "Jane Roe", "type": "Person", "aliases": ["제인 로"]},
    {"name": "John Doe", "type": "Person", "aliases": ["존 도"]},
    {"name": "Sam Altman", "type": "Person", "aliases": ["샘 알트만"]},
    {"name": "라인", "type": "Organization"},
    {"name": "Acme Brain", "type": "Organization", "aliases": ["에이크미브레인", "에이크미AI"]},
    {"name": "Open Intelligence", "type": "Organization", "aliases": ["AI"]},
    {"name": "Hanmoa", "type": "Organization", "aliases": ["한모아"]}
  ],
  "stoplist": ["AI", "일본법인", "회사 소개"])";

// A gazetteer over kEntries and the tokens of texts matched against it.
class Dictionary {
 public:
  Dictionary() {
    auto set = load_rules({test::memory_pack({{"g.json", test::rule_file(kEntries)}})});
    REQUIRE_MESSAGE(set.ok(), set.status().to_string());
    rules_ = set.value();
    gazetteer_ = std::make_unique<Gazetteer>(*rules_);
  }

  // Each match of `text` as "written text=canonical name"; entries named `confirmed` need no
  // context words, and `held_back` is set as match_all sets it. The tokens come from a
  // TokenCache, and the matches with each word's key_of (as the extractor passes them) must be
  // those without.
  std::vector<std::string> matches(std::string_view text,
                                   const std::vector<std::string>& confirmed = {},
                                   bool* held_back = nullptr) const {
    TokenCache cache;
    cache.use_for(1);
    std::vector<Token> tokens;
    cache.tokenize(
        text, 0, static_cast<std::uint32_t>(text.size()),
        [this](std::string_view w) { return gazetteer_->is_known_word(w); }, tokens);
    std::vector<std::uint32_t> keys;
    for (std::uint32_t w = 0; w < cache.words(); ++w) {
      keys.push_back(gazetteer_->key_of(cache.word(w)));
    }
    std::vector<std::uint32_t> entries;
    for (std::uint32_t e = 0; e < rules_->gazetteer.size(); ++e) {
      if (std::find(confirmed.begin(), confirmed.end(), rules_->gazetteer[e].name()) !=
          confirmed.end()) {
        entries.push_back(e);
      }
    }
    bool held_without_keys = false;
    const std::vector<GazetteerMatch> without_keys =
        gazetteer_->match_all(tokens, text, entries, &held_without_keys);
    const std::vector<GazetteerMatch> found =
        gazetteer_->match_all(tokens, text, entries, held_back, keys);
    CHECK(found.size() == without_keys.size());
    for (std::size_t k = 0; k < std::min(found.size(), without_keys.size()); ++k) {
      CHECK(found[k].begin == without_keys[k].begin);
      CHECK(found[k].end == without_keys[k].end);
      CHECK(found[k].entry == without_keys[k].entry);
    }
    if (held_back != nullptr) {
      CHECK(*held_back == held_without_keys);
    }
    std::vector<std::string> out;
    for (const GazetteerMatch& m : found) {
      const std::string_view written =
          text.substr(tokens[m.begin].begin, tokens[m.end - 1].base_end - tokens[m.begin].begin);
      out.push_back(std::string(written) + "=" + std::string(rules_->gazetteer[m.entry].name()));
    }
    return out;
  }

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  std::shared_ptr<const RuleSet> rules_;
  std::unique_ptr<Gazetteer> gazetteer_;
};

using Matches = std::vector<std::string>;

TEST_CASE("gazetteer: the longest name at a position wins") {
  const Dictionary d;
  CHECK(d.matches("Acme Cloud runs on Acme") == Matches{"Acme Cloud=Acme Cloud", "Acme=Acme"});
  CHECK(d.matches("에이크미 클라우드를 에이크미가 판다") ==
        Matches{"에이크미 클라우드=Acme Cloud", "에이크미=Acme"});
}

TEST_CASE("gazetteer: Latin names match in any case unless exact_case") {
  const Dictionary d;
  CHECK(d.matches("ACME and acme") == Matches{"ACME=Acme", "acme=Acme"});
  CHECK(d.matches("KAFKA") == Matches{"KAFKA=Kafka"});
  CHECK(d.matches("Go 언어") == Matches{"Go=Go"});
  CHECK(d.matches("go 언어") == Matches{});
  CHECK(d.matches("GO 언어") == Matches{});
}

TEST_CASE("gazetteer: a context condition needs a context word within the window") {
  const Dictionary d;
  CHECK(d.matches("the Go language") == Matches{"Go=Go"});
  CHECK(d.matches("언어 하나 Go") == Matches{"Go=Go"});
  CHECK(d.matches("Go is a fine language") == Matches{});  // beyond the window
  CHECK(d.matches("let us Go") == Matches{});
  // A Korean context word is read with the ending written onto it; a Latin one is not.
  CHECK(d.matches("승차공유하는 리프트가") == Matches{"리프트=Lyft"});
  CHECK(d.matches("승차 리프트가") == Matches{});
  CHECK(d.matches("Go languages") == Matches{});
}

TEST_CASE("gazetteer: a context condition asked only of some forms") {
  const Dictionary d;
  CHECK(d.matches("Lyft hired her") == Matches{"Lyft=Lyft"});
  CHECK(d.matches("승차공유 업체 리프트가") == Matches{"리프트=Lyft"});
  CHECK(d.matches("헬스장 리프트 기구") == Matches{});
}

TEST_CASE("gazetteer: a confirmed entry needs no context words, and a refusal is reported") {
  const Dictionary d;
  bool held = false;
  CHECK(d.matches("헬스장 리프트 기구", {}, &held) == Matches{});
  CHECK(held);
  CHECK(d.matches("헬스장 리프트 기구", {"Lyft"}) == Matches{"리프트=Lyft"});
  // Exact case still holds, and other entries still ask for their words.
  CHECK(d.matches("let us go", {"Go"}) == Matches{});
  CHECK(d.matches("let us Go", {"Lyft"}) == Matches{});
  held = false;
  CHECK(d.matches("Acme runs Kafka", {}, &held) == Matches{"Acme=Acme", "Kafka=Kafka"});
  CHECK_FALSE(held);
}

TEST_CASE("gazetteer: context forms must be the entry's own") {
  const auto set = load_rules({test::memory_pack({{"g.json", test::rule_file(R"(
  "gazetteer": [{"name": "Lyft", "type": "Organization", "aliases": ["리프트"],
                 "context": {"words": ["우버"], "forms": ["라이프트"]}}])")}})});
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().to_string().find("/gazetteer/0/context/forms/0") != std::string::npos);
  CHECK(set.status().message().find("not the entry's name") != std::string::npos);
}

TEST_CASE("gazetteer: a Korean multi-word name also matches without spaces") {
  const Dictionary d;
  CHECK(d.matches("존 도가 말했다") == Matches{"존 도=John Doe"});
  CHECK(d.matches("존도가 말했다") == Matches{"존도=John Doe"});
  CHECK(d.matches("제인로가 말했다") == Matches{"제인로=Jane Roe"});
  CHECK(d.matches("Jane Roe said") == Matches{"Jane Roe=Jane Roe"});
  CHECK(d.matches("JaneRoe said") == Matches{});
}

TEST_CASE("gazetteer: a name the gazetteer writes as one word also matches in two") {
  const Dictionary d;
  CHECK(d.matches("에이크미 브레인은 크다") == Matches{"에이크미 브레인=Acme Brain"});
  CHECK(d.matches("에이크미 AI가 크다") == Matches{"에이크미 AI=Acme Brain"});
  CHECK(d.matches("에이크미브레인은 크다") == Matches{"에이크미브레인=Acme Brain"});
  // Not past a particle.
  CHECK(d.matches("에이크미의 브레인") == Matches{"에이크미=Acme"});
  // Nor from a word of one syllable, a word of its own ("한 모아" is one collection).
  CHECK(d.matches("한모아가 크다") == Matches{"한모아=Hanmoa"});
  CHECK(d.matches("한 모아가 크다") == Matches{});
}

// The first word of "제인 로" ends in the copula 인; as a word of a known name it
// keeps its ending, so the spaced form matches.
TEST_CASE("gazetteer: a Korean multi-word name whose first word ends like a particle") {
  const Dictionary d;
  CHECK(d.matches("제인 로가 말했다") == Matches{"제인 로=Jane Roe"});
}

// The last word of "샘 알트만" ends in 만 ("only"); bare, it keeps it, and with a particle
// the particle is cut.
TEST_CASE("gazetteer: a Korean multi-word name whose last word ends like a particle") {
  const Dictionary d;
  CHECK(d.matches("샘 알트만 CEO가 말했다") == Matches{"샘 알트만=Sam Altman"});
  CHECK(d.matches("샘 알트만은 말했다") == Matches{"샘 알트만=Sam Altman"});
}

TEST_CASE("gazetteer: a particle ends a name") {
  const Dictionary d;
  CHECK(d.matches("Kafka를 쓴다") == Matches{"Kafka=Kafka"});
  CHECK(d.matches("Acme의 Cloud") == Matches{"Acme=Acme"});
  CHECK(d.matches("Acme's Cloud") == Matches{"Acme=Acme"});
}

TEST_CASE("gazetteer: Latin letters written onto a Hangul word are not a name of their own") {
  const Dictionary d;
  CHECK(d.matches("누리Kafka를 쓴다") == Matches{});
  CHECK(d.matches("누리 Kafka를 쓴다") == Matches{"Kafka=Kafka"});
  CHECK(d.matches("'Kafka'를 쓴다") == Matches{"Kafka=Kafka"});
  CHECK(d.matches("팀은Kafka를") == Matches{"Kafka=Kafka"});  // after a particle
}

TEST_CASE("gazetteer: a stop-list word never matches, even as an alias") {
  const Dictionary d;
  CHECK(d.matches("AI and Open Intelligence") == Matches{"Open Intelligence=Open Intelligence"});
}

TEST_CASE("gazetteer: known words and name words") {
  const Dictionary d;
  const Gazetteer& g = d.gazetteer();
  CHECK(g.is_known_word("라인"));
  CHECK(g.is_known_word("에이크미"));
  CHECK_FALSE(g.is_known_word("kafka"));  // only Hangul names need protection
  CHECK(g.is_known_word("제인"));         // first word of "제인 로"
  CHECK_FALSE(g.is_known_word("로"));     // its last word, one syllable, may be a particle
  CHECK(g.is_known_word("알트만"));       // a longer last word is whole when bare
  CHECK(g.is_name_word("kafka"));
  CHECK(g.is_name_word("라인"));
  CHECK(g.is_name_word("ai"));                // stop list
  CHECK(g.is_known_word("일본법인"));         // a Hangul stop word keeps its 인
  CHECK_FALSE(g.is_known_word("회사 소개"));  // a phrase is no word
  CHECK_FALSE(g.is_known_word("ai"));
  CHECK_FALSE(g.is_name_word("jane"));
  CHECK_FALSE(g.is_name_word("cloud"));
  // 라인 keeps its ending in the tokens, so it matches; with a particle too.
  CHECK(d.matches("라인 라인이") == Matches{"라인=라인", "라인=라인"});
}

TEST_CASE("gazetteer: key_of tells a word no key starts with") {
  const Dictionary d;
  const Gazetteer& g = d.gazetteer();
  const auto some_key = [&](std::string_view w) {
    const std::uint32_t k = g.key_of(w);
    return k != StringIndex::kAbsent && k != Gazetteer::kNoKeyStarts;
  };
  CHECK(some_key("kafka"));
  CHECK(some_key("acme"));  // a name's first word, and a name
  CHECK(some_key("jane"));  // a name's first word only
  // Keys start with these: a name's first letters, the first word of a Korean name written
  // apart (에이크미브레인) and a word with its particle (라인이 starts with 라인).
  CHECK(g.key_of("ac") == StringIndex::kAbsent);
  CHECK(g.key_of("에이크") == StringIndex::kAbsent);
  CHECK(g.key_of("") == StringIndex::kAbsent);
  // No key starts with these: no name starts at a token of them.
  CHECK(g.key_of("zebra") == Gazetteer::kNoKeyStarts);
  CHECK(g.key_of("cloud") == Gazetteer::kNoKeyStarts);  // a name's last word
  CHECK(g.key_of("클라우드") == Gazetteer::kNoKeyStarts);
  CHECK(g.key_of("kafkas") == Gazetteer::kNoKeyStarts);
  // Matching skips their tokens, and those of a word that is no key and has no particle (ac),
  // and finds what it finds without the keys.
  CHECK(d.matches("zebra cloud ac Kafka 에이크미 클라우드") ==
        Matches{"Kafka=Kafka", "에이크미 클라우드=Acme Cloud"});
}

TEST_CASE("gazetteer: match_at looks at one position only") {
  const Dictionary d;
  const std::string text = "we use Kafka";
  FoldedForms folded;
  const std::vector<Token> tokens =
      tokenize(text, 0, static_cast<std::uint32_t>(text.size()), nullptr, folded);
  CHECK_FALSE(d.gazetteer().match_at(tokens, 0, text).has_value());
  const std::optional<GazetteerMatch> m = d.gazetteer().match_at(tokens, 2, text);
  REQUIRE(m.has_value());
  CHECK(m->begin == 2);
  CHECK(m->end == 3);
}

}  // namespace
}  // namespace kgex
