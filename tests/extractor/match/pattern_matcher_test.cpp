// Token patterns matched directly on one sentence's units: every element test,
// quantifiers, gaps, anchors, captures, entity elements and coordinated lists;
// and how build_units forms the units.
#include "extractor/match/pattern_matcher.h"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/stages.h"
#include "extractor/text/document_text.h"
#include "tests/extractor/test_pack.h"

namespace kgex {
namespace {

// The units each capture holds, each unit as its written text (particle included).
using Captures = std::map<std::string, std::vector<std::string>>;

struct Found {
  std::uint32_t begin = 0;  // unit range
  std::uint32_t end = 0;
  Captures captures;
};

// One sentence analysed as the extractor does it, with the fixture gazetteer's
// matches as its mentions, and the pattern of one rule to match on it.
class Probe {
 public:
  // `extra`: more members of the rule file ("name_endings": {...},).
  Probe(const std::string& pattern, std::string_view text, bool with_mentions = true,
        bool fold_parentheticals = false, const std::string& extra = "") {
    auto set = test::load_fixture(
        test::rule_file(extra + R"("relation_rules": [{"id": "p", "pattern": [)" + pattern +
                        R"(], "relation": "uses", "source": "$topic", "target": "$topic"}])"));
    REQUIRE_MESSAGE(set.ok(), set.status().to_string());
    rules_ = set.value();
    gazetteer_ = std::make_unique<Gazetteer>(*rules_);
    doc_.decoded.text = std::string(text);
    doc_.norm = normalize_text(doc_.decoded.text);
    cache_.use_for(1);
    cache_.tokenize(
        doc_.norm.text, 0, static_cast<std::uint32_t>(doc_.norm.text.size()),
        [this](std::string_view w) { return gazetteer_->is_known_word(w); }, s_.tokens);
    std::vector<int> in_sentence;
    if (with_mentions) {
      for (const GazetteerMatch& g : gazetteer_->match_all(s_.tokens, doc_.norm.text)) {
        MentionCandidate c;
        c.begin = g.begin;
        c.end = g.end;
        c.entry = static_cast<int>(g.entry);
        c.type = rules_->gazetteer[g.entry].type();
        in_sentence.push_back(static_cast<int>(doc_.mentions.size()));
        doc_.mentions.push_back(c);
      }
    }
    build_units(s_, doc_.mentions, in_sentence, fold_parentheticals);
    const RuleFilter filter(*rules_);
    filter.find_word_sets(s_);
    RuleFilter::find_token_classes(s_, *gazetteer_);
    // The same from the facts of the words, by word number, as the extractor finds them.
    add_word_facts(words_, cache_, *gazetteer_, rules_->layout, filter);
    SentenceAnalysis numbered = s_;
    filter.find_word_sets(numbered, &words_);
    RuleFilter::find_token_classes(numbered, *gazetteer_, &words_);
    CHECK(numbered.filter.word_set_bits == s_.filter.word_set_bits);
    CHECK(numbered.filter.affix_set_bits == s_.filter.affix_set_bits);
    CHECK(numbered.filter.folded_hashes == s_.filter.folded_hashes);
    CHECK(numbered.filter.token_classes == s_.filter.token_classes);
    for (std::size_t k = 0; k < s_.tokens.size(); ++k) {
      CHECK(numbered.filter.first_word_sets[k].data() == s_.filter.first_word_sets[k].data());
      CHECK(numbered.filter.first_word_sets[k].size() == s_.filter.first_word_sets[k].size());
    }
  }

  // The written text of a unit.
  std::string unit_text(std::uint32_t u) const {
    const Unit& unit = s_.units[u];
    return std::string(doc_.normalized(s_.tokens[unit.begin].begin, s_.tokens[unit.end - 1].end));
  }
  std::vector<std::string> units() const {
    std::vector<std::string> out;
    for (std::uint32_t u = 0; u < s_.units.size(); ++u) {
      out.push_back(unit_text(u));
    }
    return out;
  }
  const std::vector<Unit>& raw_units() const { return s_.units; }

  // Whether the rule filter lets the rule be tried on the sentence at all.
  bool may_match() const {
    const RuleFilter filter(*rules_);
    SentenceAnalysis s = s_;
    filter.find_word_sets(s);
    return filter.facts(s, doc_).may_match(filter.relation_rule(0));
  }

  // The units the rule filter lets a match start at, from `facts` reused as an earlier
  // sentence left them; empty when it skips the rule.
  std::vector<std::uint32_t> starts(RuleFilter::Facts& facts) const {
    const RuleFilter filter(*rules_);
    SentenceAnalysis s = s_;
    filter.find_word_sets(s);
    filter.facts(s, doc_, facts);
    std::vector<std::uint32_t> out;
    if (facts.may_match(filter.relation_rule(0))) {
      facts.starts(filter.relation_rule(0), out);
    }
    return out;
  }

  // The first match from the left; the matcher must not fail.
  std::optional<Found> first() const {
    Result<std::optional<Found>> r = try_first();
    REQUIRE_MESSAGE(r.ok(), r.status().to_string());
    return r.value();
  }
  bool matches() const { return first().has_value(); }

  Result<std::optional<Found>> try_first() const {
    const RelationRule& rule = rules_->relation_rules.front();
    const PatternMatcher matcher(*gazetteer_, &rules_->name_endings.titles);
    // The same with the word tests answered by word number: worked out, then read again.
    DocumentAnalysis numbered = doc_;
    numbered.words = &words_;
    WordAnswers answers;
    numbered.word_answers = &answers;
    for (std::uint32_t start = 0; start < s_.units.size(); ++start) {
      std::vector<PatternMatch> m;
      if (Status status =
              matcher.match_each(rule.pattern, rule.captures.size(), s_, doc_, {start}, m);
          !status.ok()) {
        return status;
      }
      for (int round = 0; round < 2; ++round) {
        std::vector<PatternMatch> by_word;
        REQUIRE(
            matcher.match_each(rule.pattern, rule.captures.size(), s_, numbered, {start}, by_word)
                .ok());
        REQUIRE(by_word.size() == m.size());
        for (std::size_t k = 0; k < m.size(); ++k) {
          CHECK(by_word[k].begin == m[k].begin);
          CHECK(by_word[k].end == m[k].end);
          CHECK(by_word[k].captures == m[k].captures);
        }
      }
      if (!m.empty()) {
        Found f{m.front().begin, m.front().end, {}};
        for (std::size_t c = 0; c < rule.captures.size(); ++c) {
          auto& held = f.captures[rule.captures[c]];
          for (std::uint32_t u : m.front().captures[c]) {
            held.push_back(unit_text(u));
          }
        }
        return std::optional<Found>(std::move(f));
      }
    }
    return std::optional<Found>();
  }

 private:
  std::shared_ptr<const RuleSet> rules_;
  std::unique_ptr<Gazetteer> gazetteer_;
  // Holds the folded forms the tokens of s_ view (those that folding changed), so it lives as
  // long as they do.
  TokenCache cache_;
  DocumentAnalysis doc_;
  SentenceAnalysis s_;
  WordFacts words_;  // of the words of s_, by number
};

using Units = std::vector<std::string>;

// The units `capture` holds in the first match of `pattern` in `text`, or
// {"<no match>"}.
Units captured(const std::string& pattern, std::string_view text,
               const std::string& capture = "n") {
  const std::optional<Found> f = Probe(pattern, text).first();
  return f ? f->captures.at(capture) : Units{"<no match>"};
}

bool matches(const std::string& pattern, std::string_view text) {
  return Probe(pattern, text).matches();
}

TEST_CASE("units: a mention is one unit, a particle-only token joins the unit before it") {
  const Probe s(R"({"any": true})", "에이크미의 Rocket(로켓)을 Jane Roe가 쓴다");
  CHECK(s.units() == Units{"에이크미의", "Rocket", "(", "로켓", ")을", "Jane Roe가", "쓴다"});
  CHECK(s.raw_units()[0].mention == 0);
  CHECK(s.raw_units()[0].particle == "의");
  CHECK(s.raw_units()[4].particle == "을");
  CHECK(s.raw_units()[5].mention == 2);
  CHECK(s.raw_units()[6].mention == -1);
}

TEST_CASE("units: with folded parentheticals, X(Y)의 reads as X의") {
  const Probe s(R"({"any": true})", "에이크미(Acme)의 Rocket", true, true);
  CHECK(s.units() == Units{"에이크미(Acme)의", "Rocket"});
  CHECK(s.raw_units()[0].particle == "의");
  CHECK(s.raw_units()[0].mention == 0);
  CHECK(s.raw_units()[1].mention == 2);  // the folded Acme mention is skipped
  SUBCASE("a parenthetical after a space is not folded") {
    const Probe apart(R"({"any": true})", "에이크미 (Acme)의 Rocket", true, true);
    CHECK(apart.units().size() == 5);
  }
  SUBCASE("a parenthetical naming a person stays apart, its particle also the mention's") {
    const Probe leader(R"({"any": true})", "에이크미(대표 Jane Roe)와 글로벡스", true, true);
    CHECK(leader.units() == Units{"에이크미", "(", "대표", "Jane Roe", ")와", "글로벡스"});
    CHECK(leader.raw_units()[0].particle == "와");
    CHECK(leader.raw_units()[4].particle == "와");
  }
}

TEST_CASE("units: a parenthetical after a quoted mention joins its closing quote") {
  const Probe s(R"({"any": true})", "'에이크미'(이하 에이크미)에 투자", true, true);
  CHECK(s.units() == Units{"'", "에이크미", "'(이하 에이크미)에", "투자"});
  CHECK(s.raw_units()[2].particle == "에");
  SUBCASE("not without folding, nor after a quote that ends no mention") {
    CHECK(
        Probe(R"({"any": true})", "'에이크미'(이하 에이크미)에 투자", true, false).units().size() ==
        8);
    CHECK(Probe(R"({"any": true})", "'우주'(이하 별)에 투자", true, true).units().size() == 8);
  }
}

TEST_CASE("units: a word glossed in Chinese characters is one unit") {
  const Probe s(R"({"text": "전"}, {"ent": "Organization"})", "김하늘 전(前) 에이크미 부사장");
  CHECK(s.units() == Units{"김하늘", "전(前)", "에이크미", "부사장"});
  CHECK(s.matches());
  CHECK(Probe(R"({"any": true})", "신임(新任)을 뽑았다").raw_units()[0].particle == "을");
  // Not a parenthetical in other letters, nor one after a space.
  CHECK(Probe(R"({"any": true})", "전(전임) 에이크미").units().size() == 5);
  CHECK(Probe(R"({"any": true})", "전 (前) 에이크미").units().size() == 5);
}

TEST_CASE("lists: a member's parenthetical naming a person is part of the member") {
  const std::string list =
      R"({"ent": "Organization", "list": true, "capture": "n"}, {"any": true})";
  const Probe s(list, "에이크미(대표 Jane Roe)와 글로벡스(대표 John Doe)는 협력한다", true, true);
  const std::optional<Found> f = s.first();
  REQUIRE(f);
  CHECK(f->captures.at("n") == std::vector<std::string>{"에이크미", "글로벡스"});
  CHECK(s.unit_text(f->end - 1) == "협력한다");  // the element after the list
  SUBCASE("one set apart by a space says something of its own") {
    const std::string apart = R"({"ent": "Organization", "list": true, "capture": "n"},
                                 {"text": "("}, {"ent": "Organization", "capture": "m"})";
    const Probe p(apart, "에이크미, 글로벡스 (이니텍 운영)", true, true);
    const std::optional<Found> g = p.first();
    REQUIRE(g);
    CHECK(g->captures.at("n") == std::vector<std::string>{"에이크미", "글로벡스"});
  }
}

TEST_CASE("lists: people may carry titles before the word that joins the next member") {
  const std::string titles =
      R"("name_endings": {"endings": ["수"], "initials": ["김"], "titles": ["@roles", "CTO"]},)";
  const std::string list =
      R"({"ent": "Person", "list": true, "capture": "n"}, {"text": "@roles", "capture": "r"})";
  const Probe s(list, "Jane Roe 대표와 John Doe CTO, 제인 로 대표가 말했다", true, false, titles);
  const std::optional<Found> f = s.first();
  REQUIRE(f);
  CHECK(f->captures.at("n") == std::vector<std::string>{"Jane Roe", "John Doe", "제인 로"});
  // The last member's title is left to the element after the list.
  CHECK(f->captures.at("r") == std::vector<std::string>{"대표가"});
  SUBCASE("a title glossed in parentheses, which carry the particle") {
    const Probe p(list, "Jane Roe 대표(CEO)와 John Doe 대표가 말했다", true, false, titles);
    REQUIRE(p.first());
    CHECK(p.first()->captures.at("n") == std::vector<std::string>{"Jane Roe", "John Doe"});
  }
  SUBCASE("a title alone in parentheses after each name") {
    const std::string people = R"({"text": "by"}, {"ent": "Person", "list": true, "capture": "n"})";
    const Probe p(people, "founded by Jane Roe (CEO) and John Doe (CTO) in 2020", true, false,
                  titles);
    REQUIRE(p.first());
    CHECK(p.first()->captures.at("n") == std::vector<std::string>{"Jane Roe", "John Doe"});
    const Probe words(people, "founded by Jane Roe (the CEO) and John Doe", true, false, titles);
    REQUIRE(words.first());
    CHECK(words.first()->captures.at("n") == std::vector<std::string>{"Jane Roe"});
  }
  SUBCASE("not without the titles, nor after a title that takes another particle") {
    const Probe none(list, "Jane Roe 대표와 John Doe 대표가 말했다");
    REQUIRE(none.first());
    CHECK(none.first()->captures.at("n") == std::vector<std::string>{"Jane Roe"});
    const Probe other(list, "Jane Roe 대표가 John Doe 대표를 만났다", true, false, titles);
    REQUIRE(other.first());
    CHECK(other.first()->captures.at("n") == std::vector<std::string>{"Jane Roe"});
  }
}

TEST_CASE("units: ';', ':' and '|' end a clause") {
  const Probe s(R"({"any": true})", "Acme uses Rust; Globex: Kafka | Go");
  const std::vector<Unit>& u = s.raw_units();
  REQUIRE(u.size() == 9);
  CHECK(u[0].clause == 0);
  CHECK(u[3].clause == 0);  // the ';' itself
  CHECK(u[4].clause == 1);
  CHECK(u[6].clause == 2);
  CHECK(u[8].clause == 3);
}

TEST_CASE("element test: text compares the case-folded base form with a word list") {
  CHECK(captured(R"({"text": ["zeta", "nova"], "capture": "n"})", "we chose ZETA") ==
        Units{"ZETA"});
  CHECK(captured(R"({"text": "zeta", "capture": "n"})", "Zeta를 골랐다") == Units{"Zeta를"});
  CHECK(captured(R"({"text": "@roles", "capture": "n"})", "그 회사 대표가 말했다") ==
        Units{"대표가"});
  CHECK_FALSE(matches(R"({"text": "zeta"})", "zetas and zet"));
  // A token element never matches a mention.
  CHECK_FALSE(matches(R"({"text": "kafka"})", "we run Kafka"));
}

TEST_CASE("element test: starts and ends") {
  CHECK(captured(R"({"starts": ["개발", "출시"], "capture": "n"})", "새 앱을 출시했다") ==
        Units{"출시했다"});
  CHECK(captured(R"({"ends": "팀", "capture": "n"})", "검색팀은 바쁘다") == Units{"검색팀은"});
  // The particle is not part of the base form.
  CHECK_FALSE(matches(R"({"ends": "은"})", "검색팀은 바쁘다"));
  CHECK(captured(R"({"starts": "ze", "ends": "ta", "capture": "n"})", "zebra zeta") ==
        Units{"zeta"});
}

TEST_CASE("element test: regex fully matches the base form as written") {
  CHECK(captured(R"({"regex": "[가-힣]{2,4}팀", "capture": "n"})", "우리 검색품질팀이 맡는다") ==
        Units{"검색품질팀이"});
  CHECK(captured(R"({"regex": "Z[a-z]+", "capture": "n"})", "zeta Zeta") == Units{"Zeta"});
  CHECK_FALSE(matches(R"({"regex": "Z[a-z]"})", "Zeta"));  // a full match, not a search
  CHECK_FALSE(matches(R"({"regex": "[a-z]+팀"})", "검색팀"));
}

TEST_CASE("element test: script") {
  const std::string text = "가나 Zeta 42 東京 !";
  CHECK(captured(R"({"script": "hangul", "capture": "n"})", text) == Units{"가나"});
  CHECK(captured(R"({"script": "latin", "capture": "n"})", text) == Units{"Zeta"});
  CHECK(captured(R"({"script": "digit", "capture": "n"})", text) == Units{"42"});
  CHECK(captured(R"({"script": "han", "capture": "n"})", text) == Units{"東京"});
  CHECK(captured(R"({"script": "punct", "capture": "n"})", text) == Units{"!"});
}

TEST_CASE("element test: shape") {
  const std::string text = "zeta Nova NASA x86 tool";
  CHECK(captured(R"({"shape": "capitalized", "capture": "n"})", text) == Units{"Nova"});
  CHECK(captured(R"({"shape": "upper", "capture": "n"})", text) == Units{"NASA"});
  CHECK(captured(R"({"shape": "has_digit", "capture": "n"})", text) == Units{"x86"});
  CHECK(captured(R"({"shape": "lower", "not": {"text": "zeta"}, "capture": "n"})", text) ==
        Units{"x86"});
}

TEST_CASE("element test: particle, with \"\" for none") {
  const std::string text = "Zeta는 Nova를 Beam 엔진에 쓴다";
  CHECK(captured(R"({"script": "latin", "particle": ["를", "을"], "capture": "n"})", text) ==
        Units{"Nova를"});
  CHECK(captured(R"({"script": "latin", "particle": [""], "capture": "n"})", text) ==
        Units{"Beam"});
  CHECK(captured(R"({"ent": "Organization", "particle": "'s", "capture": "n"})",
                 "Acme and Globex's team") == Units{"Globex's"});
  CHECK_FALSE(matches(R"({"script": "hangul", "particle": "의"})", text));
}

TEST_CASE("element test: space_before") {
  const std::string text = "Zeta(Nova) (Beam)";
  CHECK(captured(R"({"text": "(", "space_before": false}, {"any": true, "capture": "n"})", text) ==
        Units{"Nova"});
  CHECK(captured(R"({"text": "(", "space_before": true}, {"any": true, "capture": "n"})", text) ==
        Units{"Beam"});
}

TEST_CASE("element test: known, a one-word gazetteer name or a stop-list word") {
  // Without mentions, gazetteer names stay tokens.
  const std::string text = "Zeta Kafka AI";
  CHECK(Probe(R"({"script": "latin", "known": false, "capture": "n"})", text, false)
            .first()
            ->captures.at("n") == Units{"Zeta"});
  const std::optional<Found> known =
      Probe(R"({"script": "latin", "known": true, "min": 1, "max": 3, "capture": "n"})", text,
            false)
          .first();
  REQUIRE(known);
  CHECK(known->captures.at("n") == Units{"Kafka", "AI"});
  // A word of a multi-word name alone is not known.
  CHECK(Probe(R"({"text": "jane", "known": false})", "Jane said", false).matches());
}

TEST_CASE("element test: not, one element or a list") {
  const std::string text = "Zeta Nova Beam";
  CHECK(captured(R"({"script": "latin", "not": {"text": "zeta"}, "capture": "n"})", text) ==
        Units{"Nova"});
  CHECK(captured(
            R"({"script": "latin", "not": [{"text": "zeta"}, {"starts": "no"}], "capture": "n"})",
            text) == Units{"Beam"});
  CHECK_FALSE(matches(R"({"script": "latin", "not": [{"shape": "capitalized"}]})", text));
  // A negated entity element keeps mentions of that type out.
  CHECK(captured(R"({"ent": "any", "not": {"ent": "Organization"}, "capture": "n"})",
                 "Acme uses Kafka") == Units{"Kafka"});
}

TEST_CASE("quantifiers: min and max, greedy with backtracking") {
  const std::string text = "we like Zeta Nova Beam engine";
  CHECK(captured(R"({"shape": "capitalized", "min": 1, "max": 2, "capture": "n"})", text) ==
        Units{"Zeta", "Nova"});
  CHECK(captured(R"({"shape": "capitalized", "min": 1, "max": 5, "capture": "n"})", text) ==
        Units{"Zeta", "Nova", "Beam"});
  // Backtracks so that the next element can match.
  CHECK(
      captured(R"({"shape": "capitalized", "min": 1, "max": 5, "capture": "n"}, {"text": "beam"})",
               text) == Units{"Zeta", "Nova"});
  CHECK_FALSE(matches(R"({"shape": "capitalized", "min": 4})", text));
  CHECK(matches(R"({"shape": "capitalized", "min": 3})", text));
  // min 0: the element may hold nothing.
  CHECK(captured(R"({"text": "like"}, {"text": "the", "min": 0, "capture": "n"}, {"text": "zeta"})",
                 text) == Units{});
  CHECK(captured(R"({"text": "like"}, {"text": "the", "min": 0, "capture": "n"}, {"text": "zeta"})",
                 "we like the Zeta") == Units{"the"});
}

TEST_CASE("gaps: any unit, tokens or mentions, within bounds") {
  const std::string gap =
      R"({"text": "zeta"}, {"any": true, "min": 0, "max": 2, "capture": "g"}, {"text": "beam"})";
  CHECK(captured(gap, "zeta beam", "g") == Units{});
  CHECK(captured(gap, "zeta with Acme beam", "g") == Units{"with", "Acme"});
  CHECK_FALSE(matches(gap, "zeta a b c beam"));
}

TEST_CASE("anchors: the sentence's first and last unit") {
  CHECK(matches(R"({"text": "zeta", "anchor": "start"})", "Zeta runs"));
  CHECK_FALSE(matches(R"({"text": "zeta", "anchor": "start"})", "now Zeta runs"));
  CHECK(matches(R"({"text": "runs", "anchor": "end"})", "Zeta runs"));
  CHECK_FALSE(matches(R"({"text": "runs", "anchor": "end"})", "Zeta runs ."));
  CHECK(matches(
      R"({"text": "zeta", "anchor": "start"}, {"any": true, "min": 0, "max": 9}, {"text": ".", "anchor": "end"})",
      "Zeta runs fast ."));
}

TEST_CASE("captures: each holds the units its element matched") {
  const std::optional<Found> f =
      Probe(R"({"ent": "Organization", "capture": "o"}, {"text": ["uses", "runs"], "capture": "v"},
                  {"any": true, "min": 0, "max": 2}, {"ent": "Tool", "capture": "t"})",
            "Yesterday Acme runs only Kafka now")
          .first();
  REQUIRE(f);
  CHECK(f->begin == 1);
  CHECK(f->end == 5);
  CHECK(f->captures.at("o") == Units{"Acme"});
  CHECK(f->captures.at("v") == Units{"runs"});
  CHECK(f->captures.at("t") == Units{"Kafka"});
}

TEST_CASE("entity elements: one type, a list of types, any") {
  const std::string text = "Acme의 Rocket과 Kafka를 Jane Roe가 쓴다";
  CHECK(captured(R"({"ent": "Person", "capture": "n"})", text) == Units{"Jane Roe가"});
  CHECK(captured(R"({"ent": ["Product", "Tool"], "min": 1, "max": 3, "capture": "n"})", text) ==
        Units{"Rocket과", "Kafka를"});
  CHECK(captured(R"({"ent": "any", "capture": "n"})", text) == Units{"Acme의"});
  CHECK_FALSE(matches(R"({"ent": "Team"})", text));
}

TEST_CASE("lists: coordinated mentions in one capture") {
  const std::string list = R"({"ent": "Tool", "list": true, "capture": "n"})";
  CHECK(captured(list, "Rust, Python과 Kafka를 쓴다") == Units{"Rust", "Python과", "Kafka를"});
  CHECK(captured(list, "Rust·Python") == Units{"Rust", "Python"});
  CHECK(captured(list, "Rust/Python") == Units{"Rust", "Python"});
  CHECK(captured(list, "Rust and Python") == Units{"Rust", "Python"});
  CHECK(captured(list, "Rust, Python, and Kafka") == Units{"Rust", "Python", "Kafka"});
  CHECK(captured(list, "Rust 및 Python") == Units{"Rust", "Python"});
  CHECK(captured(list, "Rust나 Python") == Units{"Rust나", "Python"});
  CHECK(captured(list, "Rust or Python") == Units{"Rust", "Python"});
  CHECK(captured(list, "▲Rust ▲Python △Kafka") == Units{"Rust", "Python", "Kafka"});
  SUBCASE("a list ends at a particle that does not coordinate") {
    CHECK(captured(list, "Rust는 Python과 쓴다") == Units{"Rust는"});
  }
  SUBCASE("a list ends at a member of another type") {
    CHECK(captured(list, "Rust, Rocket, Kafka") == Units{"Rust"});
  }
  SUBCASE("an English member after a bare comma and before a verb opens a clause") {
    CHECK(captured(list, "written in Rust, Kafka handles the queue") == Units{"Rust"});
    CHECK(captured(list, "written in Rust, Python and Kafka today") ==
          Units{"Rust", "Python", "Kafka"});
    CHECK(captured(list, "written in Rust, Python in places") == Units{"Rust", "Python"});
  }
  SUBCASE("a second English member after a comma and 'and' before a verb opens a clause") {
    CHECK(captured(list, "written in Rust, and Kafka handles the queue") == Units{"Rust"});
    // The comma before "and" closes a list of three.
    CHECK(captured(list, "written in Rust, Python, and Kafka handles it") ==
          Units{"Rust", "Python", "Kafka"});
    CHECK(captured(list, "written in Rust and Kafka handles it") == Units{"Rust", "Kafka"});
  }
  SUBCASE("an English article or possessive may open the next member") {
    CHECK(captured(list, "Rust and the Kafka") == Units{"Rust", "Kafka"});
    CHECK(captured(list, "Rust, Python and their Kafka") == Units{"Rust", "Python", "Kafka"});
    // Not before a word that is no member.
    CHECK(captured(list, "Rust and the rest") == Units{"Rust"});
  }
  SUBCASE("the list's particle test applies to its last member") {
    CHECK(captured(R"({"ent": "Tool", "list": true, "particle": ["를"], "capture": "n"})",
                   "Rust, Python과 Kafka를 쓴다") == Units{"Rust", "Python과", "Kafka를"});
    CHECK(
        captured(
            R"({"ent": "Tool", "list": true, "particle": [""], "capture": "n"}, {"text": "쓴다"})",
            "이제 Rust와 Python 쓴다") == Units{"Rust와", "Python"});
  }
  SUBCASE("a shorter list when the rest of the pattern needs it") {
    CHECK(captured(
              R"({"ent": "Tool", "list": true, "capture": "n"}, {"text": "and"}, {"ent": "Tool"})",
              "Rust, Python and Kafka") == Units{"Rust", "Python"});
  }
  SUBCASE("quoted members, the closing quote carrying the particle") {
    const std::string quoted =
        R"({"ent": "Tool", "list": true, "particle": ["를"], "capture": "n"}, {"text": "쓴다"})";
    CHECK(captured(quoted, "'Rust', 'Python', 그리고 'Kafka'를 쓴다") ==
          Units{"Rust", "Python", "Kafka"});
    CHECK(captured(quoted, "'Rust'와 'Kafka'를 쓴다") == Units{"Rust", "Kafka"});
    CHECK(captured(quoted, "'Rust', 'Kafka'는 쓴다") == Units{"<no match>"});
  }
  SUBCASE("a gap before a quoted list leaves it its earlier members") {
    CHECK(captured(R"({"any": true, "max": 6}, {"ent": "Tool", "list": true, "capture": "n"})",
                   "이제 'Rust', 'Kafka'") == Units{"Rust", "Kafka"});
  }
}

TEST_CASE("rule filter: a rule is skipped where a required word or mention is missing") {
  const std::string uses = R"({"ent": "Organization"}, {"text": ["uses", "adopted"]}, )"
                           R"({"ent": ["Tool", "Product"]})";
  CHECK(Probe(uses, "Acme uses Rust").may_match());
  CHECK(Probe(uses, "Rust, Acme adopted").may_match());           // the filter ignores order
  CHECK_FALSE(Probe(uses, "Acme likes Rust").may_match());        // no required word
  CHECK_FALSE(Probe(uses, "Acme uses Globex").may_match());       // no Tool or Product
  CHECK_FALSE(Probe(uses, "Acme uses it").may_match());           // one mention for two elements
  CHECK_FALSE(Probe(uses, "Acme uses Rust", false).may_match());  // words alone are not mentions
  // Optional elements and tests inside `not` need nothing.
  CHECK(Probe(R"({"ent": "Tool"}, {"text": ["uses"], "min": 0})", "Rust").may_match());
  CHECK(Probe(R"({"ent": "Tool"}, {"not": {"text": ["uses"]}})", "Rust is").may_match());
}

TEST_CASE("rule filter: a rule is skipped where no unit has a required particle") {
  const std::string text = "에이크미는 오늘 러스트를 쓴다";
  CHECK(Probe(R"({"min": 0, "max": 3}, {"particle": ["를"]}, {"any": true})", text).may_match());
  CHECK_FALSE(Probe(R"({"any": true}, {"particle": ["가", "이"]})", text).may_match());
  // A set with "" needs nothing, nor does an optional element.
  CHECK(Probe(R"({"any": true}, {"particle": ["가", ""]})", text).may_match());
  CHECK(Probe(R"({"any": true}, {"particle": ["가"], "min": 0})", text).may_match());
  // A list's particle is its last member's, which some unit carries.
  CHECK(Probe(R"({"ent": "Tool", "list": true, "particle": ["를"]})", text).may_match());
  CHECK_FALSE(Probe(R"({"ent": "Tool", "list": true, "particle": ["가"]})", text).may_match());
}

TEST_CASE("rule filter: a mention that must carry no particle needs one without") {
  const std::string bare = R"({"ent": "Tool", "particle": [""]}, {"any": true})";
  CHECK(Probe(bare, "러스트 도입").may_match());
  CHECK(Probe(bare, "러스트 도입").matches());
  CHECK_FALSE(Probe(bare, "러스트를 도입").may_match());
  CHECK_FALSE(Probe(bare, "러스트를 도입").matches());
  // Another type's mention without a particle does not do.
  CHECK_FALSE(Probe(bare, "에이크미 러스트를 도입").may_match());
  // A set with more than "", and a list (whose particle is its last member's), need only the
  // mention.
  CHECK(Probe(R"({"ent": "Tool", "particle": ["", "를"]})", "러스트를 도입").may_match());
  CHECK(Probe(R"({"ent": "Tool", "list": true, "particle": [""]})", "러스트를 도입").may_match());
}

TEST_CASE("rule filter: a rule is skipped where no token starts or ends as a required one") {
  const std::string text = "에이크미는 지분을 인수했다";
  CHECK(Probe(R"({"starts": ["지분"]}, {"starts": ["인수", "매입"]})", text).may_match());
  CHECK_FALSE(Probe(R"({"starts": ["지분"]}, {"starts": ["매입", "취득"]})", text).may_match());
  CHECK(Probe(R"({"ends": ["했다"]})", text).may_match());
  CHECK_FALSE(Probe(R"({"ends": ["한다"]})", text).may_match());
  // A literal inside a regex, when neither end has one, is looked for anywhere in a token.
  CHECK(Probe(R"({"regex": "(최대|대)?주주(사)?"})", "에이크미는 최대주주다").may_match());
  CHECK_FALSE(Probe(R"({"regex": "(최대|대)?주주(사)?"})", text).may_match());
  CHECK(Probe(R"({"regex": "[A-Z][a-z]+-[A-Z][a-z]+"})", "Ana Lopez-Diaz", false).may_match());
  CHECK_FALSE(Probe(R"({"regex": "[A-Z][a-z]+-[A-Z][a-z]+"})", "Ana Lopez", false).may_match());
  // The literal words a regex starts or ends with count as well, case folded as tokens are.
  CHECK(Probe(R"({"regex": "(인수|매각)[가-힣]*"})", text).may_match());
  CHECK_FALSE(Probe(R"({"regex": "(합병|매각)[가-힣]*"})", text).may_match());
  CHECK_FALSE(Probe(R"j({"regex": "[가-힣]+(합병|매각)"})j", text).may_match());
  CHECK(Probe(R"({"regex": "Acme"})", "ACME Rocket", false).may_match());
  // A list with "" needs nothing, nor does a test inside `not`.
  CHECK(Probe(R"({"starts": ["매입", ""]})", text).may_match());
  CHECK(Probe(R"({"any": true, "not": {"starts": ["매입"]}})", text).may_match());
}

TEST_CASE("rule filter: a token that must pass one of a negation's alternatives needs one") {
  // {"not": [{"not": [A, B]}]}: the unit is a token that passes A or B.
  const std::string title = R"({"text": ["jane"]}, )"
                            R"({"not": [{"not": [{"text": ["ceo", "cto"]}, {"ends": ["lead"]}]}]})";
  for (const std::string_view text : {"Jane CEO", "Jane techlead", "Jane cto and techlead"}) {
    CHECK(Probe(title, text, false).may_match());
    CHECK(Probe(title, text, false).matches());
  }
  for (const std::string_view text : {"Jane engineer", "Jane leads", "the lead Jane"}) {
    CHECK(Probe(title, text, false).may_match() == (text == "the lead Jane"));
    CHECK_FALSE(Probe(title, text, false).matches());
  }
  // An alternative the filter cannot see (a regex) leaves the group needing nothing, and so do
  // a negation with tests of its own and an element that may be a mention.
  CHECK(
      Probe(R"({"not": [{"not": [{"text": ["ceo"]}, {"regex": "x.*"}]}]})", "Jane engineer", false)
          .may_match());
  CHECK(
      Probe(R"({"not": [{"shape": "lower", "not": [{"text": ["ceo"]}]}]})", "Jane engineer", false)
          .may_match());
  CHECK(Probe(R"({"any": true, "not": [{"not": [{"text": ["ceo"]}]}]})", "Jane engineer", false)
            .may_match());
}

TEST_CASE("rule filter: what a word gives is remembered for one filter, not the next") {
  // Each Probe builds a filter over its own rule (at an address that may be reused); the words
  // of the sentence are the same, and each filter answers for its own words and affixes.
  const std::string text = "에이크미는 지분을 인수했다";
  for (int round = 0; round < 2; ++round) {
    CHECK(Probe(R"({"starts": ["지분"]}, {"starts": ["인수"]})", text).may_match());
    CHECK_FALSE(Probe(R"({"starts": ["지분"]}, {"starts": ["매입"]})", text).may_match());
    CHECK(Probe(R"({"ends": ["했다"]})", text).may_match());
    CHECK_FALSE(Probe(R"({"ends": ["한다"]})", text).may_match());
    CHECK(Probe(R"({"text": ["지분"]}, {"text": ["인수했다"]})", text).may_match());
    CHECK_FALSE(Probe(R"({"text": ["지분"]}, {"text": ["인수한다"]})", text).may_match());
  }
}

TEST_CASE("rule filter: a rule starts only where its first word is, in order") {
  // The second element is optional: it places no start (see the test of the second element).
  const std::string uses = R"({"text": ["uses", "adopts"]}, {"ent": "Tool", "min": 0})";
  RuleFilter::Facts facts;
  // Units: Acme uses Rust and Globex adopts Go, and uses it
  CHECK(Probe(uses, "Acme uses Rust and Globex adopts Go, and uses it").starts(facts) ==
        std::vector<std::uint32_t>{1, 5, 9});
  // Facts reused for the next sentences keep nothing of the one before.
  CHECK(Probe(uses, "Acme likes Rust").starts(facts).empty());
  CHECK(Probe(uses, "Rust adopts uses").starts(facts) == std::vector<std::uint32_t>{1, 2});
  // A first element without words may start anywhere.
  CHECK(
      Probe(R"({"min": 0}, {"text": ["uses"]}, {"ent": "Tool"})", "Acme uses Rust").starts(facts) ==
      std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE("rule filter: a rule whose first element has particles starts only at those") {
  RuleFilter::Facts facts;
  const std::string text = "에이크미는 오늘 러스트를 쓰고 우리는 고를 쓴다";
  REQUIRE(Probe("{}", text).units() == std::vector<std::string>{"에이크미는", "오늘", "러스트를",
                                                                "쓰고", "우리는", "고를", "쓴다"});
  // The second element is optional here: it places no start (see the test below).
  CHECK(Probe(R"({"particle": ["은", "는"]}, {"ent": "Tool", "min": 0})", text).starts(facts) ==
        std::vector<std::uint32_t>{0, 4});
  CHECK(Probe(R"({"ent": "Organization", "particle": ["는"]})", text).starts(facts) ==
        std::vector<std::uint32_t>{0});
  // A set that takes no particle ("") lets most units through: every unit is a start.
  CHECK(Probe(R"({"particle": ["를", ""]}, {"ent": "Tool", "min": 0})", text).starts(facts) ==
        std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6});
  // A list's particle is its last member's: the list may start at a unit without it.
  CHECK(Probe(R"({"ent": "Tool", "list": true, "particle": ["는"]})", text).starts(facts) ==
        std::vector<std::uint32_t>{2});
}

TEST_CASE("rule filter: a rule starts only where its second element can follow its first") {
  RuleFilter::Facts facts;
  const std::string text = "에이크미는 오늘 러스트를 쓰고 우리는 고를 쓴다";
  using Units = std::vector<std::uint32_t>;
  // A first element of one unit: the unit after a start must pass the second element's word,
  // particle or mention type.
  CHECK(Probe(R"({"text": ["오늘", "쓰고"]}, {"particle": ["를"]})", text).starts(facts) ==
        Units{1});
  CHECK(Probe(R"({"ent": "Organization"}, {"text": ["오늘"]})", text).starts(facts) == Units{0});
  CHECK(Probe(R"({"ent": "Organization"}, {"text": ["쓰고"]})", text).starts(facts).empty());
  CHECK(Probe(R"({"text": ["쓰고"]}, {"text": ["우리", "오늘"]})", text).starts(facts) == Units{3});
  // A required second element needs a unit after the start, whatever it asks.
  CHECK(Probe(R"({"text": ["오늘", "쓴다"]}, {"any": true})", text).starts(facts) == Units{1});
  // An optional second element, or a first element that may take more than one unit, places
  // nothing.
  CHECK(
      Probe(R"({"text": ["오늘", "쓰고"]}, {"particle": ["를"], "min": 0})", text).starts(facts) ==
      Units{1, 3});
  CHECK(
      Probe(R"({"text": ["오늘", "쓰고"], "max": 2}, {"particle": ["를"]})", text).starts(facts) ==
      Units{1, 3});
}

TEST_CASE("rule filter: a rule whose first element is a token of a script starts only at those") {
  RuleFilter::Facts facts;
  const std::string text = "에이크미는 Zeta 42 쓴다";
  REQUIRE(Probe("{}", text, false).units() ==
          std::vector<std::string>{"에이크미는", "Zeta", "42", "쓴다"});
  CHECK(Probe(R"({"script": "hangul"})", text, false).starts(facts) ==
        std::vector<std::uint32_t>{0, 3});
  CHECK(Probe(R"({"script": "latin"}, {"script": "digit"})", text, false).starts(facts) ==
        std::vector<std::uint32_t>{1});
  CHECK(Probe(R"({"script": "han"})", text, false).starts(facts).empty());
  // A mention is no token, whatever its script: Acme and Rust are mentions.
  CHECK(Probe(R"({"script": "latin"})", "Acme uses Rust").starts(facts) ==
        std::vector<std::uint32_t>{1});
  // An optional first element may start anywhere.
  CHECK(Probe(R"({"script": "digit", "min": 0})", text, false).starts(facts) ==
        std::vector<std::uint32_t>{0, 1, 2, 3});
}

TEST_CASE("rule filter: a rule is skipped where no token is of the script, shape and kind needed") {
  // An unknown capitalized Latin word: Kafka and AI are name words, kafka is lower case.
  const std::string unknown = R"({"script": "latin", "shape": "capitalized", "known": false})";
  CHECK(Probe(unknown, "Zeta uses Kafka", false).may_match());
  CHECK_FALSE(Probe(unknown, "AI uses Kafka", false).may_match());
  CHECK_FALSE(Probe(unknown, "zeta uses kafka", false).may_match());
  CHECK(Probe(R"({"text": ["uses"]}, )" + unknown, "Kafka uses Zeta", false).may_match());
  CHECK_FALSE(Probe(R"({"text": ["uses"]}, )" + unknown, "Kafka uses AI", false).may_match());
  // A word a mention holds is no token: Acme and Rust are mentions and name words.
  CHECK_FALSE(Probe(R"({"script": "latin", "known": true})", "Acme uses Rust").may_match());
  CHECK(Probe(R"({"script": "latin", "known": true})", "Acme uses Rust", false).may_match());
  // A shape alone: a token with a digit, in upper case, in lower case.
  CHECK(Probe(R"({"shape": "has_digit"})", "Zeta 2 ships", false).may_match());
  CHECK_FALSE(Probe(R"({"shape": "has_digit"})", "Zeta two ships", false).may_match());
  CHECK(Probe(R"({"shape": "upper"})", "Zeta AI ships", false).may_match());
  CHECK_FALSE(Probe(R"({"shape": "upper"})", "Zeta Ai ships", false).may_match());
  CHECK_FALSE(Probe(R"({"shape": "lower"})", "Zeta AI", false).may_match());
  // A regex every match of which has a digit needs a token with one.
  const std::string version = R"({"regex": "v?[0-9]+([.][0-9])?"})";
  CHECK(Probe(version, "Zeta 2.1 ships", false).may_match());
  CHECK(Probe(version, "Zeta v2 ships", false).may_match());
  CHECK_FALSE(Probe(version, "Zeta ships", false).may_match());
  CHECK(Probe(R"({"regex": "[0-9]+|Pro"})", "Zeta ships", false).may_match());
  // An optional element, or one inside `not`, needs nothing.
  CHECK(Probe(R"({"any": true}, )" + unknown.substr(0, unknown.size() - 1) + R"(, "min": 0})",
              "AI uses Kafka", false)
            .may_match());
  CHECK(Probe(R"({"any": true, "not": )" + unknown + "}", "AI uses Kafka", false).may_match());
}

TEST_CASE("rule filter: a rule whose first token element tests shape or kind starts only there") {
  RuleFilter::Facts facts;
  const std::string text = "Zeta uses Kafka AI with Omega 7";
  CHECK(Probe(R"({"script": "latin", "shape": "capitalized", "known": false})", text, false)
            .starts(facts) == std::vector<std::uint32_t>{0, 5});
  CHECK(Probe(R"({"known": true})", text, false).starts(facts) == std::vector<std::uint32_t>{2, 3});
  CHECK(Probe(R"({"shape": "has_digit"})", text, false).starts(facts) ==
        std::vector<std::uint32_t>{6});
  // A pattern anchored at the sentence's start starts at unit 0, if its first element can.
  CHECK(Probe(R"({"script": "latin", "anchor": "start"})", text, false).starts(facts) ==
        std::vector<std::uint32_t>{0});
  CHECK(Probe(R"({"known": true, "anchor": "start"})", text, false).starts(facts).empty());
  CHECK(Probe(R"({"known": true, "anchor": "start", "min": 0}, {"any": true})", text, false)
            .starts(facts) == std::vector<std::uint32_t>{0});
}

TEST_CASE("rule filter: never skips a rule that matches") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"ent": "Organization", "list": true, "capture": "n"}, {"text": ["use"]})",
       "Acme, Globex and Initech use Rust"},
      {R"({"any": true, "min": 0, "max": 3}, {"text": ["uses"]}, {"ent": "Tool"})",
       "Acme uses Rust"},
      {R"({"ent": "Organization", "particle": ["의"]}, {"ent": "Product"})", "에이크미의 Rocket"},
      {R"({"text": ["by"]}, {"ent": "Person"})", "built by Jane Roe"},
      {R"({"script": "latin", "capture": "v"}, {"ent": "Tool"})", "Acme uses Rust"},
      {R"({"ent": "Organization", "particle": ["는"]}, {"regex": "(운영|서비스)하[가-힣]*"})",
       "에이크미는 운영하는"},
      {R"({"ent": "Organization", "list": true, "capture": "n"}, {"ends": ["se"]})",
       "Acme, Globex and Initech use Rust"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.first);
    const Probe p(c.first, c.second);
    REQUIRE(p.matches());
    CHECK(p.may_match());
  }
}

TEST_CASE("a regex over its time limit is kTimeout, not a hang") {
  const Probe s(R"({"regex": "(a+)+b"})", std::string(64, 'a') + "c");
  Result<std::optional<Found>> r = s.try_first();
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kTimeout);
  CHECK(r.status().message().find("(a+)+b") != std::string::npos);
}

TEST_CASE("append_set_masks: one mask per chunk of 64 sets, which sets the bits of the sets") {
  std::vector<SetMask> masks{{7, 1}};  // an earlier word's, left as it is
  const std::vector<std::uint32_t> ids{3, 130, 64, 3, 127, 0, 200};
  append_set_masks(ids, masks);
  REQUIRE(masks.size() == 5);  // chunks 0, 2, 1 and 3 after the earlier word's
  CHECK(masks[0].chunk == 7);
  CHECK(masks[0].bits == 1);
  std::vector<std::uint64_t> from_masks(4, 0);
  for (std::size_t m = 1; m < masks.size(); ++m) {
    CHECK((from_masks[masks[m].chunk] & masks[m].bits) == 0);  // each chunk once
    from_masks[masks[m].chunk] |= masks[m].bits;
  }
  std::vector<std::uint64_t> from_ids(4, 0);
  for (const std::uint32_t id : ids) {
    from_ids[id / 64] |= std::uint64_t{1} << (id % 64);
  }
  CHECK(from_masks == from_ids);
}

TEST_CASE("WordAnswers: one answer per test and word, kept as it grows, forgotten past its bound") {
  std::vector<TokenTest> tests(8);
  WordAnswers answers;
  std::size_t asked = 0;
  const auto truth = [](std::size_t test, std::uint32_t word) { return (test + word) % 3 == 0; };
  const auto ask = [&](std::size_t test, std::uint32_t word) {
    return answers.of(&tests[test], word, [&] {
      ++asked;
      return truth(test, word);
    });
  };
  constexpr std::size_t kWords = 4'000;  // 32,000 answers: the table doubles four times
  for (int round = 0; round < 2; ++round) {
    for (std::uint32_t w = 0; w < kWords; ++w) {
      for (std::size_t t = 0; t < tests.size(); ++t) {
        REQUIRE(ask(t, w) == truth(t, w));
      }
    }
    CHECK(asked == kWords * tests.size());  // the second round asks nothing
  }
  // Past 2^18 slots (131,072 answers) the table starts again, and answers are worked out again.
  asked = 0;
  for (auto w = static_cast<std::uint32_t>(kWords); w < 8 * kWords; ++w) {
    for (std::size_t t = 0; t < tests.size(); ++t) {
      REQUIRE(ask(t, w) == truth(t, w));
    }
  }
  CHECK(asked == 7 * kWords * tests.size());
  for (std::size_t t = 0; t < tests.size(); ++t) {
    REQUIRE(ask(t, 0) == truth(t, 0));
  }
  CHECK(asked == 7 * kWords * tests.size() + tests.size());
  answers.clear();
  REQUIRE(ask(1, 2) == truth(1, 2));
  CHECK(asked == 7 * kWords * tests.size() + tests.size() + 1);
}

}  // namespace
}  // namespace kgex
