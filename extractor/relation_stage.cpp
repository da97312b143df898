// Relation stages: relation rules per sentence, then document rules.
#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "core/name_key.h"
#include "core/utf8.h"
#include "extractor/layout.h"
#include "extractor/stages.h"
#include "extractor/text/particles.h"

namespace kgex {
namespace {

using ET = EntityType;
using RT = RelationType;

// A relation whose end the sentence does not name, but the topic, a section or the sentence
// before stands in for, has this share of its rule's confidence (issue #4: weaker than one with
// an explicit subject); --min-confidence can then keep such relations out.
constexpr double kFromContextConfidence = 0.8;

// How likely a unit with this particle is the clause's subject: the topic
// particles 은/는 mark the main subject, 이/가 often one of a relative clause, and 에서
// the organization that acts in one ("오픈AI에서 개발한 챗GPT").
int subject_rank(std::string_view p) {
  if (p == "은" || p == "는" || p == "께서는" || p == "에서는") {
    return 0;
  }
  if (p == "이" || p == "가" || p == "께서" || p == "도" || p == "에서") {
    return 1;
  }
  // Whom one acts with ("미스트랄 AI와 손잡고 '도큐봇' 출시"): the actor only when no one else is.
  if (p == "와" || p == "과") {
    return 3;
  }
  return 2;
}

struct SentenceScope {
  const DocumentAnalysis& doc;
  const SentenceAnalysis& s;
  std::uint32_t index;  // of s in doc.sentences
  const std::vector<LocalEntity>& entities;
  const SentenceAnalysis*
      previous;  // the sentence before, unless there is none or it is boilerplate
  // The sources of the relations the sentence before gave, with their types.
  const std::set<std::pair<int, RelationType>>& previous_sources;
  // The organizations the sentence before said were invested in.
  const std::set<int>& previous_invested;
  // In a post one person writes, the team a rule with writer_team made the writer a member of in
  // an earlier sentence ("I joined in 2019 as … on the Billing team"), or -1: the post's "we"
  // is that team.
  int writer_team;
  const Layout& layout;   // the pack's
  const WordSet& titles;  // the pack's name_endings titles ("대표", "CTO")
  const WordSet& heads;   // the pack's name_endings heads, written onto a unit's name ("장")
};

// The organization a sentence is about: its section's (section_topics), else the document's.
std::vector<int> topic_only(const DocumentAnalysis& doc, const SentenceAnalysis& s) {
  const int section = doc.section_topic.empty() ? -1 : doc.section_topic[s.span.line];
  if (section == kUnknownSection) {
    return {};
  }
  const int topic = section >= 0 ? section : doc.topic;
  return topic >= 0 ? std::vector<int>{topic} : std::vector<int>{};
}

// Whether units a < b are neighbours in one list written with separators ("AWS, Google
// Cloud, Microsoft가"): such a neighbour is a member of the list, not the one acting on it.
// "X와 Y가" is not counted: in Korean it is also how a pair partners or competes; English
// "A and B" of one type is ("Lightspeed and Tusk Ventures also participated": neither invests in
// the other), not "CEO Raj Shanmugaraj and Acacia employees".
bool listed_together(const DocumentAnalysis& doc, const SentenceAnalysis& s, std::uint32_t a,
                     std::uint32_t b) {
  if (b != a + 2 || s.units[a].particle != "" || s.units[a + 1].mention >= 0) {
    return false;
  }
  const std::string_view w = s.tokens[s.units[a + 1].begin].folded;
  if (w == "and" || w == "or" || w == "&") {
    return s.units[a].mention >= 0 && s.units[b].mention >= 0 &&
           doc.mentions[s.units[a].mention].type == doc.mentions[s.units[b].mention].type;
  }
  return w == "," || w == "·" || w == "/" || w == "및";
}

// The interview marker a sentence opens with, followed by a full stop or a colon ("Q.", "A:"),
// else null.
const std::string_view* interview_marker(const Layout& layout, const SentenceAnalysis& s) {
  return s.tokens.size() >= 2 && layout.interview_markers.contains(s.tokens[0].folded) &&
                 (s.tokens[1].text == "." || s.tokens[1].text == ":")
             ? &s.tokens[0].folded
             : nullptr;
}

// In an interview, the person whose turn a sentence is in: the line opens with the person's name
// and goes on in their words ("신유진 안녕하세요, … 신유진입니다. 오늘장터에는 2021년에
// 합류했고"), or with an answer's marker (the interviewee, doc.interviewee); -1 elsewhere. A
// "$self" that searches only people is that person: the speaker says where they joined, not the
// team the interview is about.
int turn_speaker(const SentenceScope& sc) {
  if (!sc.doc.kind.interview) {
    return -1;
  }
  std::uint32_t first = sc.index;
  while (first > 0 && sc.doc.sentences[first - 1].span.line == sc.s.span.line) {
    --first;
  }
  const SentenceAnalysis& opening = sc.doc.sentences[first];
  // An answer's line (a marker other than the first line's question) is the interviewee's.
  if (const std::string_view* marker = interview_marker(sc.layout, opening)) {
    return *marker == sc.doc.kind.question_marker ? -1 : sc.doc.interviewee;
  }
  if (opening.units.size() < 2 || opening.units[0].mention < 0 ||
      !opening.units[0].particle.empty() ||
      opening.tokens[opening.units[1].begin].script == Script::kPunct) {
    return -1;
  }
  const int e = sc.doc.entity_of_mention[opening.units[0].mention];
  return sc.entities[e].type == EntityType::kPerson ? e : -1;
}

// Whether unit `v` is a Korean word that ends in one of the layout's clause_endings of `least`
// bytes or more ("주는데", "있어서"), its particle read with it.
bool ends_clause(const SentenceScope& sc, std::uint32_t v, std::size_t least = 0) {
  const Unit& unit = sc.s.units[v];
  const Token& verb = sc.s.tokens[unit.begin];
  if (unit.mention >= 0 || verb.script != Script::kHangul) {
    return false;
  }
  const std::string word = std::string(verb.folded) + std::string(verb.particle);
  return std::ranges::any_of(sc.layout.clause_endings, [&](std::string_view e) {
    return e.size() >= least && word.ends_with(e);
  });
}

// Whether unit `u` is a semicolon, an ellipsis (a headline's "새 앱 출시…X와 제휴": two
// statements), or a comma after a verb that ends in one of the layout's
// clause_endings ("붙여 주는데,", "만들었고,"), which closes a clause: in "I was the CEO; Ada ran
// sales as our CTO" the first clause says "I" and not "we".
bool closes_clause(const SentenceScope& sc, std::uint32_t u) {
  if (u == 0 || sc.s.units[u].mention >= 0) {
    return false;
  }
  const std::string_view text = sc.s.tokens[sc.s.units[u].begin].text;
  return text == ";" || text == "\xE2\x80\xA6" || (text == "," && ends_clause(sc, u - 1));
}

// The units [lo, hi) of the clause around a match: between the nearest commas that close a clause
// (closes_clause), up to a word that opens one (the layout's clause_openers).
std::pair<std::uint32_t, std::uint32_t> clause_around(const SentenceScope& sc,
                                                      const PatternMatch& m) {
  const std::vector<Unit>& units = sc.s.units;
  std::uint32_t lo = m.begin;
  while (lo > 0 && !closes_clause(sc, lo)) {
    --lo;
  }
  std::uint32_t hi = m.end;
  while (hi < units.size() && !closes_clause(sc, hi) &&
         (units[hi].mention >= 0 || !in_layout_set(sc.s.tokens[units[hi].begin], sc.doc.words,
                                                   kClauseOpener, sc.layout.clause_openers))) {
    ++hi;
  }
  return {lo, hi};
}

// Whether the clause around a match says "I" and not "we": one of the layout's writer_words and
// none of its we_words outside quotations ("나는 Flutter로 앱을 짰다"; not the clause before the
// comma in "도겸은 Figma로 시안을 그리고, 나는 …", nor "내가 본 우리 팀은 …").
bool says_i(const SentenceScope& sc, const PatternMatch& m) {
  if (sc.s.writer_words == 0) {
    return false;
  }
  const auto [lo, hi] = clause_around(sc, m);
  bool i = false;
  std::string written;
  for (std::uint32_t u = lo; u < hi; ++u) {
    const Unit& unit = sc.s.units[u];
    if (unit.mention >= 0 || (!sc.s.quoted.empty() && sc.s.quoted[unit.begin])) {
      continue;
    }
    const Token& t = sc.s.tokens[unit.begin];
    if (in_layout_set(t, sc.doc.words, kWeWord, sc.layout.we_words)) {
      return false;
    }
    if (t.particle.empty()) {
      i = i || in_layout_set(t, sc.doc.words, kWriterWord, sc.layout.writer_words);
    } else {
      written.assign(t.folded).append(t.particle);
      i = i || sc.layout.writer_words.contains(written);
    }
  }
  return i;
}

// Whether the matched words say "we" (one of the layout's we_words outside quotations): in a post
// one person writes, "our platform, Brae" is the company's, not the writer's.
bool says_we(const SentenceScope& sc, const PatternMatch& m) {
  for (std::uint32_t u = m.begin; u < m.end; ++u) {
    const Unit& unit = sc.s.units[u];
    if (unit.mention < 0 && (sc.s.quoted.empty() || !sc.s.quoted[unit.begin]) &&
        in_layout_set(sc.s.tokens[unit.begin], sc.doc.words, kWeWord, sc.layout.we_words)) {
      return true;
    }
  }
  return false;
}

// The topic entities, less those the matched words name themselves: in "the round was led by
// A, along with B", A is an investor, not the company B invested in, even when A is the topic.
// A symmetric relation keeps a topic that a capture holds: the topic listed among an alliance's
// members is the partner of the others. "$self" is the team first-person words stand for (not in
// a clause that says "I" when the post names its writer: that clause is the writer's), else
// the person a post in the first person singular is by (find_writer), or in a clause that says "I"
// where the rest says "we" (a founder's "나는 … 일했다" among "우리는 …"), else the topic; not the
// team a document names first, which only a document in the first person (first_person_side) makes
// the writer: taken everywhere, it gave the topic's uses and products to whatever team an article
// opens with (dev relation F1 0.71 -> 0.65).
// "$about" is the topic product, outside a section with a topic of its own: the thing a release
// note, a review or a launch is about, whose parts ("the backend is written in Go") are its own
// rather than its maker's.
std::vector<int> topics_outside(const SentenceScope& sc, const Ref& ref, const PatternMatch& m,
                                bool symmetric) {
  std::vector<int> out;
  const int speaker =
      ref.self && ref.types == type_bit(EntityType::kPerson) ? turn_speaker(sc) : -1;
  const bool writer_says_i =
      sc.doc.writer.named >= 0 && sc.s.span.line <= sc.doc.writer.last_line && says_i(sc, m);
  if (speaker >= 0) {
    out = {speaker};
  } else if (ref.all_topics) {
    out = sc.doc.topics;
  } else if (ref.about && sc.doc.topic_product >= 0 &&
             (sc.doc.section_topic.empty() || sc.doc.section_topic[sc.s.span.line] == -1)) {
    out = {sc.doc.topic_product};
  } else if ((ref.about || (ref.self && !sc.doc.company_blog && !writer_says_i)) &&
             sc.doc.own_team >= 0) {
    // "$about" with no topic product: a team's own page or report speaks of its own things. A
    // company's blog speaks for the company, whichever team its writer is in. A clause that says
    // "I" is the writer's, not the team's ("둘 다 제가 Python으로 짰고" in a farewell mail).
    out = {sc.doc.own_team};
  } else if (ref.self && sc.writer_team >= 0 && sc.s.span.line <= sc.doc.writer.last_line &&
             says_we(sc, m) && (ref.types == 0 || (ref.types & type_bit(EntityType::kTeam)) != 0)) {
    // "we" in a post one person writes is the team the writer said they are on ("I joined the
    // Billing team … the tool we wrote"), not the whole company.
    out = {sc.writer_team};
  } else if (ref.self && sc.s.span.line <= sc.doc.writer.last_line &&
             ((sc.doc.writer.post >= 0 && !says_we(sc, m)) ||
              (sc.doc.writer.named >= 0 && says_i(sc, m)))) {
    out = {sc.doc.writer.named};
    // In a section an organization heads (a résumé's employer), a sentence that does not speak
    // in the first person is that organization's too: "- 인프라: AWS EKS, Terraform" under
    // "**모아페이스**".
    const int section = sc.doc.section_topic.empty() ? -1 : sc.doc.section_topic[sc.s.span.line];
    if (section >= 0 && sc.s.writer_words == 0) {
      out.push_back(section);
    }
  } else {
    out = topic_only(sc.doc, sc.s);
    // "We" in a record or a proposal written to a client is not that client.
    if (ref.self && sc.doc.topic_addressed && says_we(sc, m)) {
      std::erase(out, sc.doc.topic);
    }
    // A team whose section it is (a programme's "발표: 여다온 · 누리마켓 검색팀") stands in for
    // no search that takes no teams (a company's own product).
    std::erase_if(out, [&](int e) {
      return ref.types != 0 && sc.entities[e].type == EntityType::kTeam &&
             (ref.types & type_bit(EntityType::kTeam)) == 0;
    });
    // The release notes of a product with no organization of its own (an open-source
    // project's): "we" and a subjectless clause ("NATS를 브로커로 쓸 수 있습니다") are the
    // product's.
    // So is a subjectless clause of a post one person writes about a product the dictionary does
    // not know (a side project's devlog: its "- 앱: Flutter" is the app's stack), for any search.
    const bool own_product = sc.doc.writer.post >= 0 && sc.doc.topic_product >= 0 &&
                             sc.entities[sc.doc.topic_product].entry < 0;
    if (out.empty() && sc.doc.topic < 0 && (ref.types & type_bit(EntityType::kProduct)) != 0 &&
        ((ref.self && sc.doc.product_release) || own_product)) {
      out = {sc.doc.topic_product};
    }
  }
  const auto names = [&](std::uint32_t u, int e) {
    const int mention = sc.s.units[u].mention;
    return mention >= 0 && sc.doc.entity_of_mention[mention] == e;
  };
  std::erase_if(out, [&](int e) {
    if (symmetric && std::ranges::any_of(m.captures, [&](const auto& held) {
          return std::ranges::any_of(held, [&](std::uint32_t u) { return names(u, e); });
        })) {
      return false;
    }
    for (std::uint32_t u = m.begin; u < m.end; ++u) {
      if (names(u, e)) {
        return true;
      }
    }
    return false;
  });
  return out;
}

// Whether `unit` names an entity of the types `ref` searches for.
bool of_types(const SentenceScope& sc, const Ref& ref, const Unit& unit) {
  return unit.mention >= 0 &&
         (ref.types & type_bit(sc.entities[sc.doc.entity_of_mention[unit.mention]].type)) != 0;
}

// Whether `name` ends in one of `endings`.
bool ends_in_any(std::string_view name, const std::vector<std::string>& endings) {
  return std::ranges::any_of(endings, [&](std::string_view e) { return name.ends_with(e); });
}

// Whether a word of sentence `s` begins with one of the layout's receive_words ("마감했다").
bool tells_receiving(const Layout& layout, const SentenceAnalysis& s) {
  return std::ranges::any_of(s.tokens, [&](const Token& t) {
    return std::ranges::any_of(layout.receive_words,
                               [&](std::string_view w) { return t.folded.starts_with(w); });
  });
}

// Whether sentence `s` holds one of the layout's respectively_words.
bool pairs_in_order(const Layout& layout, const DocumentAnalysis& doc, const SentenceAnalysis& s) {
  return std::ranges::any_of(s.tokens, [&](const Token& t) {
    return in_layout_set(t, doc.words, kRespectively, layout.respectively_words);
  });
}

// Whether Korean unit `u`, bare, is followed by 역시 or 또한 ("also"), which mark a subject as 도
// does: "업스테이지 역시 자체 모델을 준비 중이다" is 업스테이지도.
bool also_marked(const SentenceAnalysis& s, std::uint32_t u) {
  if (s.lang != Lang::kKo || !s.units[u].particle.empty() || u + 1 >= s.units.size()) {
    return false;
  }
  const Unit& next = s.units[u + 1];
  const std::string_view w = s.tokens[next.begin].folded;
  return next.mention < 0 && next.particle.empty() && (w == "역시" || w == "또한");
}

// The particle of mention unit `u`, or, for a quoted mention, that of its closing quote
// ("'딥시크'보다", "'누리랩스'는"): the quote carries what follows the name; 도 for one
// followed by 역시 or 또한 (also_marked).
std::string_view particle_of(const SentenceAnalysis& s, std::uint32_t u) {
  if (s.units[u].particle.empty() && u + 1 < s.units.size() && s.units[u + 1].mention < 0) {
    const Token& next = s.tokens[s.units[u + 1].begin];
    if (next.quote_mark() && !next.space_before) {
      return s.units[u + 1].particle;
    }
  }
  return also_marked(s, u) ? "도" : s.units[u].particle;
}

// The particle on the title after unit `u` of `s`, a person's name with no particle of its
// own, where the title is one of the pack's name_endings titles ("편하윤 대표는", "강 CTO는");
// empty for any other unit.
std::string_view particle_after_name(const SentenceScope& sc, const SentenceAnalysis& s,
                                     std::size_t u) {
  const Unit& unit = s.units[u];
  if (unit.mention < 0 || sc.doc.mentions[unit.mention].type != EntityType::kPerson ||
      !unit.particle.empty() || u + 1 >= s.units.size() || s.units[u + 1].mention >= 0 ||
      !sc.titles.contains(s.tokens[s.units[u + 1].begin].folded)) {
    return {};
  }
  return s.units[u + 1].particle;
}

// The particle a Korean person's name carries on the title after it (particle_after_name:
// "탁서율 님은", "편하윤 대표는" are subjects), or the topic's for a person who opens a list item;
// empty for any other unit.
std::string_view title_particle(const SentenceScope& sc, std::uint32_t u) {
  const SentenceAnalysis& s = sc.s;
  const Unit& unit = s.units[u];
  if (s.lang != Lang::kKo || unit.mention < 0 ||
      sc.doc.mentions[unit.mention].type != EntityType::kPerson || !unit.particle.empty()) {
    return {};
  }
  // A person who opens a list item after its bullet is what the item is about ("• 탁서율 님
  // (결제팀) — 솔마루소프트에서 여섯 해 동안 … 맡았어요"), its topic.
  const bool opens_line = sc.index == 0 || sc.doc.sentences[sc.index - 1].span.line != s.span.line;
  if (opens_line && u > 0 && std::all_of(s.units.begin(), s.units.begin() + u, [&](const Unit& b) {
        return b.mention < 0 && s.tokens[b.begin].script == Script::kPunct;
      })) {
    return "\xEC\x9D\x80";  // 은
  }
  return particle_after_name(sc, s, u);
}

// Whether the units before `lo`, outside quotations, hold a person who is their topic (은/는 on
// the name or on the title after it: "한도윤 대표는").
bool person_topic_before(const SentenceScope& sc, std::uint32_t lo) {
  const SentenceAnalysis& s = sc.s;
  for (std::uint32_t v = 0; v < lo; ++v) {
    const Unit& unit = s.units[v];
    if (unit.mention >= 0 && sc.doc.mentions[unit.mention].type == EntityType::kPerson &&
        (s.quoted.empty() || !s.quoted[unit.begin]) &&
        (subject_rank(particle_of(s, v)) == 0 || subject_rank(title_particle(sc, v)) == 0)) {
      return true;
    }
  }
  return false;
}

// Whether a unit of [lo, hi), outside quotations, is a subject (은/는/이/가 on it or on a
// person's title after it).
bool has_subject(const SentenceScope& sc, std::uint32_t lo, std::uint32_t hi) {
  const SentenceAnalysis& s = sc.s;
  for (std::uint32_t v = lo; v < hi && v < s.units.size(); ++v) {
    if ((s.quoted.empty() || !s.quoted[s.units[v].begin]) &&
        (is_subject_particle(particle_of(s, v)) || is_subject_particle(title_particle(sc, v)))) {
      return true;
    }
  }
  return false;
}

// What a Korean walk back through a paragraph's topics does at each topic it meets.
enum class AtTopic : std::uint8_t { kPass, kTake, kEnd };

// Walks back through the topics of a Korean paragraph, newest first: in the sentences `first`
// to `last` before this one (0: this one, from unit `from` back) that share its line, each unit
// outside quotations that is the topic of its clause (은/는, on a quoted name's closing quote
// too, or a product with 에는: the topic of what is put into it, "잔고노트에는 GPT-4o가
// 쓰인다"). `at(s, u)` says whether to pass the topic at unit `u` of sentence `s`, take its
// entity or end the walk. The entity taken, or -1.
template <typename At>
int walk_topics(const SentenceScope& sc, std::uint32_t first, std::uint32_t last,
                std::uint32_t from, At at) {
  if (sc.s.lang != Lang::kKo) {
    return -1;
  }
  for (std::uint32_t back = first; back <= last && back <= sc.index; ++back) {
    const SentenceAnalysis& s = sc.doc.sentences[sc.index - back];
    if (back > 0 && (s.boilerplate || s.span.line != sc.s.span.line)) {
      return -1;
    }
    for (std::uint32_t u = back == 0 ? from : s.units.size(); u-- > 0;) {
      const Unit& unit = s.units[u];
      const bool host = unit.mention >= 0 && particle_of(s, u) == "에는" &&
                        sc.doc.mentions[unit.mention].type == EntityType::kProduct;
      if ((subject_rank(particle_of(s, u)) != 0 && !host) ||
          (!s.quoted.empty() && s.quoted[unit.begin])) {
        continue;
      }
      switch (at(s, u)) {
        case AtTopic::kPass:
          continue;
        case AtTopic::kTake:
          return sc.doc.entity_of_mention[unit.mention];
        case AtTopic::kEnd:
          return -1;
      }
    }
  }
  return -1;
}

bool is_comma(const SentenceAnalysis& s, const Unit& unit) {
  return unit.mention < 0 && s.tokens[unit.begin].folded == ",";
}

// Whether unit `u` of `s` is a word, no name, that ends like a verb modifying the noun after it
// (던, 는, 한, 된: 쓰던, 사용하는, 도입한, 적용된), and a Hangul word follows it after a space.
bool modifies_next(const SentenceAnalysis& s, std::size_t u) {
  if (u + 1 >= s.units.size() || s.units[u].mention >= 0) {
    return false;
  }
  const Token& last = s.tokens[s.units[u].end - 1];
  const Token& next = s.tokens[s.units[u + 1].begin];
  const std::string_view tail = last.particle.empty() ? last.text : last.particle;
  return (tail.ends_with("던") || tail.ends_with("는") || tail.ends_with("한") ||
          tail.ends_with("된")) &&
         next.script == Script::kHangul && next.space_before;
}

// Whether unit `k` of Korean sentence `s`, with 이/가, is the subject of a relative clause: a
// verb after it modifies a noun that is no name ("카카오벤처스가 리드한 시리즈B를 마감했다",
// where the sentence's own subject is left unsaid).
bool relative_subject(const SentenceAnalysis& s, std::size_t k) {
  return s.lang == Lang::kKo && k + 2 < s.units.size() &&
         (s.units[k].particle == "이" || s.units[k].particle == "가") &&
         s.units[k + 2].mention < 0 && modifies_next(s, k + 1);
}

// "$previous": the subject of the sentence before, of the searched types ("누리랩스가 투자를
// 유치했다. 이번 투자에는 A와 B가 참여했다"): the earliest of the best subject rank, whatever
// particles the search itself asks for; with none, the topic, if organizations are searched.
// Looking for the other end of relations of `types`, a subject that was the source of one of
// them in the sentence before is passed over: in "A와 B가 투자했다. C도 투자에 참여했다" the
// company C invests in is not the investor B. So is a subject marked with 도 ("too"), one more
// of those acting ("A와 B도 200억원을 투자했다"), unless that sentence tells of receiving: in
// "X도 시리즈B 라운드를 마감했다. A, B 등이 투자했다" A and B invest in X. Looking for where a
// person holds a post, an investor in the sentence before is passed over too, for the one company
// it invested in there: after "Kivu raised a Series A. Orrin led.", "CEO Ana Ruiz says …" is
// Kivu's chief, not Orrin's.
std::vector<int> previous_subject(const SentenceScope& sc, const Ref& ref, const PatternMatch& m,
                                  bool symmetric, std::span<const RelationType> types) {
  constexpr int kNoSubject = 2;
  const bool post = std::ranges::any_of(types, [](RelationType t) {
    return t == RelationType::kLeads || t == RelationType::kWorksAt || t == RelationType::kFounded;
  });
  const auto was_source = [&](const Unit& unit) {
    const int e = sc.doc.entity_of_mention[unit.mention];
    return std::ranges::any_of(types,
                               [&](RelationType t) {
                                 return sc.previous_sources.contains({e, t});
                               }) ||
           (post && sc.previous_sources.contains({e, RelationType::kInvestsIn}));
  };
  if (sc.previous != nullptr) {
    const bool too_counts = types.empty() || tells_receiving(sc.layout, *sc.previous);
    // A subject inside a quotation is the speaker's, not the sentence's: after "그는 “엔비디아가
    // 1위지만 경쟁할 수 있다”고 말했다", the next sentence is not about Nvidia.
    const std::vector<bool>& quoted = sc.previous->quoted;
    // A person as the subject, the particle maybe on a title after the name, makes a company
    // with 에서 where the person acted, not who acted: after "정다은 최고기술책임자(CTO)는
    // 네이버에서 추천 시스템을 개발했다" the next sentence is not about Naver.
    constexpr std::size_t kTitleUnits = 4;
    const std::vector<Unit>& before = sc.previous->units;
    const auto is_person = [&](const Unit& unit) {
      return unit.mention >= 0 && sc.doc.mentions[unit.mention].type == EntityType::kPerson;
    };
    // So does a sentence that says "I": after "저는 쿠팡에서 물류 기획을 했어요", the next sentence
    // is the speaker's, not Coupang's. So does one whose subject is left unsaid where this
    // sentence's topic, before the match, is a person: the story is that person's ("이후 구글에서
    // 8년간 연구를 이끌었다. 유 CAIO는 앞으로 … 자체 모델 '카나나'를 책임진다": not Google's
    // model).
    bool person_subject = sc.previous->writer_words > 0 ||
                          (sc.s.lang == Lang::kKo && person_topic_before(sc, m.begin));
    for (std::size_t k = 0; k < before.size() && !person_subject; ++k) {
      person_subject =
          is_subject_particle(before[k].particle) && (quoted.empty() || !quoted[before[k].begin]) &&
          std::any_of(
              before.begin() + static_cast<std::ptrdiff_t>(k >= kTitleUnits ? k - kTitleUnits : 0),
              before.begin() + static_cast<std::ptrdiff_t>(k + 1), is_person);
    }
    const Unit* best = nullptr;
    std::string_view best_particle;
    for (std::size_t k = 0; k < before.size(); ++k) {
      const Unit& unit = before[k];
      // A person's particle may be on the title after the name ("강 CTO는").
      const std::string_view particle = unit.particle.empty()
                                            ? particle_after_name(sc, *sc.previous, k)
                                            : std::string_view(unit.particle);
      if (of_types(sc, ref, unit) && subject_rank(particle) < kNoSubject &&
          !relative_subject(*sc.previous, k) && !(person_subject && particle == "에서") &&
          (quoted.empty() || !quoted[unit.begin]) && !was_source(unit) &&
          (too_counts || particle != "도") &&
          (best == nullptr || subject_rank(particle) < subject_rank(best_particle))) {
        best = &unit;
        best_particle = particle;
      }
    }
    // English marks no subject: the entity that opens the sentence, after a bullet, is it
    // ("- Core Infrastructure, led by Hana Obi. Owns our AWS accounts.").
    // A person who opens it acts on the organization the clause names next, which the
    // sentence is about: after "Ada Obi started Kivu in 2021 with Tom Park", "Their product,
    // Brae" is Kivu's.
    if (best == nullptr && sc.previous->lang == Lang::kEn) {
      for (std::size_t k = 0; k < before.size(); ++k) {
        const Unit& unit = before[k];
        if (unit.mention < 0 && sc.previous->tokens[unit.begin].script == Script::kPunct) {
          continue;
        }
        if (of_types(sc, ref, unit) && !was_source(unit)) {
          best = &unit;
        } else if (is_person(unit) && (ref.types & type_bit(EntityType::kOrganization)) != 0) {
          for (std::size_t v = k + 1; v < before.size() && !is_comma(*sc.previous, before[v]);
               ++v) {
            if (before[v].mention >= 0) {
              if (of_types(sc, ref, before[v]) && before[v].particle.empty() &&
                  !was_source(before[v])) {
                best = &before[v];
              }
              break;
            }
          }
        }
        break;
      }
    }
    // A sentence whose topic names no one says who it is about with the copula at its end
    // ("첫 번째로 발표한 곳은 핀테크 스타트업 돈길이다. A 대표와 B CTO가 함께 세웠다": 돈길).
    if (best == nullptr && sc.previous->lang == Lang::kKo) {
      std::size_t last = before.size();
      while (last > 0 && before[last - 1].mention < 0 &&
             sc.previous->tokens[before[last - 1].begin].script == Script::kPunct) {
        --last;
      }
      const bool copula = last > 0 && (before[last - 1].particle == "이다" ||
                                       is_copula_ending(before[last - 1].particle));
      if (copula && before[last - 1].mention >= 0 && of_types(sc, ref, before[last - 1]) &&
          !was_source(before[last - 1]) && (quoted.empty() || !quoted[before[last - 1].begin])) {
        best = &before[last - 1];
      }
    }
    if (best != nullptr) {
      return {sc.doc.entity_of_mention[best->mention]};
    }
    if (post && sc.previous_invested.size() == 1 &&
        (ref.types & type_bit(EntityType::kOrganization)) != 0) {
      return {*sc.previous_invested.begin()};
    }
    // A Korean paragraph keeps its topic (은/는) across a sentence about what it makes, the
    // product its subject ("누리봇은", "'누리봇'이"):
    // "2019년 설립된 누리랩은 상담 챗봇 누리봇을 만든다. 누리봇은 은행 60곳에서 쓰인다. 나윤슬
    // 대표와 변도하 CTO가 함께 창업했다" (they founded 누리랩): the nearest topic of the searched
    // types two or three sentences back, within the paragraph (the line).
    bool about_product = false;
    for (std::uint32_t u = 0; u < before.size() && !about_product; ++u) {
      const int mention = before[u].mention;
      about_product = mention >= 0 && subject_rank(particle_of(*sc.previous, u)) < kNoSubject &&
                      (sc.doc.mentions[mention].type == EntityType::kProduct ||
                       sc.doc.mentions[mention].type == EntityType::kTool);
    }
    constexpr std::uint32_t kParagraphBack = 3;
    const int kept =
        about_product
            ? walk_topics(sc, 2, kParagraphBack, m.begin,
                          [&](const SentenceAnalysis& s, std::uint32_t u) {
                            return of_types(sc, ref, s.units[u]) ? AtTopic::kTake : AtTopic::kPass;
                          })
            : -1;
    if (kept >= 0) {
      return {kept};
    }
  }
  // The topic organization only where the search takes organizations: "부문장은 X가 맡는다"
  // after a sentence about no unit names no head of the company.
  if ((ref.types & type_bit(EntityType::kOrganization)) == 0) {
    return {};
  }
  // A search that takes teams, in a document a team speaks for (a team's report): that team.
  if ((ref.types & type_bit(EntityType::kTeam)) != 0 && sc.doc.own_team >= 0) {
    return {sc.doc.own_team};
  }
  return topics_outside(sc, ref, m, symmetric);
}

// Whether unit `u` lies in an apposition to a name before the matched words: "Cohere, a company
// that competes with OpenAI, said it raised … from investors including A" (OpenAI, between a
// comma after another name and a comma before the match, is not the one that raised).
bool in_apposition(const SentenceAnalysis& s, std::uint32_t u, std::uint32_t match_begin) {
  std::uint32_t open = u;
  while (open > 0 && !is_comma(s, s.units[open - 1])) {
    --open;
  }
  if (open < 2 || s.units[open - 2].mention < 0) {
    return false;
  }
  for (std::uint32_t v = u + 1; v < match_begin; ++v) {
    if (is_comma(s, s.units[v])) {
      return true;
    }
  }
  return false;
}

// Whether unit `u` is whom something is told: right after a verb of layout.tell_verbs.
bool told_to(const SentenceScope& sc, std::uint32_t u) {
  return u > 0 && sc.s.units[u - 1].mention < 0 &&
         in_layout_set(sc.s.tokens[sc.s.units[u - 1].begin], sc.doc.words, kTellVerb,
                       sc.layout.tell_verbs);
}

// The particle of unit `u` as a member of a list written with commas or middle dots: the
// particle of the list's last member ("인텔·스페이스X를 거쳐": Intel is passed through too).
std::string_view list_particle(const SentenceAnalysis& s, std::uint32_t u) {
  const auto separator = [&](std::uint32_t v) {
    if (s.units[v].mention >= 0) {
      return false;
    }
    const std::string_view w = s.tokens[s.units[v].begin].folded;
    return w == "," || w == "·";
  };
  while (s.units[u].particle.empty() && u + 2 < s.units.size() && separator(u + 1) &&
         s.units[u + 2].mention >= 0) {
    u += 2;
  }
  // A Korean name that modifies an instrument is part of the instrument: in "카카오맵 API로"
  // the name takes the noun's 로. (Only that case: a subject's noun, "카카오뱅크 개발자들은",
  // says too little about the name.)
  if (s.lang == Lang::kKo && s.units[u].particle.empty() && u + 1 < s.units.size() &&
      s.units[u + 1].mention < 0) {
    const Token& head = s.tokens[s.units[u + 1].begin];
    const std::string_view p = s.units[u + 1].particle;
    if ((head.script == Script::kHangul || head.script == Script::kLatin) &&
        is_instrument_particle(p)) {
      return p;
    }
  }
  return also_marked(s, u) ? "도" : s.units[u].particle;
}

// Whether unit `u`, an English possessor ("Nvidia's", "the founders'"), owns the noun the match
// opens on, with at most four words between them and no name, punctuation or word of the
// layout's possessed_noun_breaks ("Nvidia's long-rumoured partnership with MediaTek",
// "Microsoft's $10 billion investment in"; not "Acme's report on the partnership"): the owner of
// such a noun is the one acting in it.
bool owns_matched_noun(const SentenceScope& sc, std::uint32_t u, const PatternMatch& m) {
  constexpr std::uint32_t kMaxModifiers = 4;
  const std::vector<Unit>& units = sc.s.units;
  if (sc.s.lang != Lang::kEn || u >= m.begin || units[m.begin].mention >= 0 ||
      m.begin - u - 1 > kMaxModifiers) {
    return false;
  }
  for (std::uint32_t v = u + 1; v < m.begin; ++v) {
    const Token& t = sc.s.tokens[units[v].begin];
    if (units[v].mention >= 0 || !units[v].particle.empty() ||
        (t.script == Script::kPunct && t.text != "$" && t.text != "-") ||
        sc.layout.possessed_noun_breaks.contains(t.folded)) {
      return false;
    }
  }
  return true;
}

// Whether a particle marks what something is compared with: 보다, 처럼, 만큼.
bool comparing(std::string_view p) {
  return p == "보다" || p == "처럼" || p == "만큼" || p == "들보다" || p == "들처럼";
}

// Whether unit `u` is where a person came from: followed by 출신 ("카카오 추천팀 출신"), or by a
// description that ends in it later in its clause, with no subject between ("우아한형제들에서 앱을
// 만든 프로덕트 매니저 출신이다").
bool came_from(const SentenceAnalysis& s, std::uint32_t u) {
  constexpr std::uint32_t kDescription = 8;
  const auto is_origin_word = [&](std::uint32_t v) {
    return s.units[v].mention < 0 &&
           s.tokens[s.units[v].begin].folded == "\xEC\xB6\x9C\xEC\x8B\xA0";  // 출신
  };
  if (s.units[u].particle.empty() && u + 1 < s.units.size() && is_origin_word(u + 1)) {
    return true;
  }
  if (s.lang != Lang::kKo || is_subject_particle(s.units[u].particle)) {
    return false;
  }
  for (std::uint32_t v = u + 1; v < s.units.size() && v <= u + kDescription; ++v) {
    if (s.units[v].clause != s.units[u].clause || is_subject_particle(s.units[v].particle) ||
        (s.units[v].mention < 0 && s.tokens[s.units[v].begin].script == Script::kPunct)) {
      return false;
    }
    if (is_origin_word(v)) {
      return true;
    }
  }
  return false;
}

// Whether unit `u` labels the sentence: the name of an organization, a team or a product that
// opens it, after a bullet at most, and a colon ("- 인프라팀: 모든 서비스를 EKS로 옮겼다", "• Vela:
// moved to Rust"). What the sentence says after the colon is the label's, whatever clause a
// search looks in. Not a person: a transcript's speaker line ("윤세라: 앱은 …") is a turn, whose
// words speak for the speaker's organization (layout's turn topics).
bool item_label(const SentenceScope& sc, std::uint32_t u) {
  const SentenceAnalysis& s = sc.s;
  if (s.units[u].mention < 0 || u + 1 >= s.units.size() || s.units[u + 1].mention >= 0 ||
      s.tokens[s.units[u + 1].begin].text != ":" ||
      sc.doc.mentions[s.units[u].mention].type == EntityType::kPerson) {
    return false;
  }
  return std::all_of(s.units.begin(), s.units.begin() + u, [&](const Unit& b) {
    return b.mention < 0 && s.tokens[b.begin].script == Script::kPunct;
  });
}

// Whether Korean unit `u` is what something moves off: 에서 or 로부터 and a verb of moving right
// after it ("Oracle에서 옮겨 오는 고객", "Jira에서 넘어온 팀"), an origin as English "off" is.
bool moved_from(const SentenceAnalysis& s, std::uint32_t u) {
  static constexpr std::array<std::string_view, 10> kMoving = {
      "옮기", "옮겨", "옮긴", "옮겼", "넘어", "넘어온", "갈아타", "갈아탄", "이관", "이전해"};
  const std::string_view p = s.units[u].particle;
  if (s.lang != Lang::kKo || u + 1 >= s.units.size() || s.units[u + 1].mention >= 0 ||
      (p != "에서" && p != "로부터" && p != "으로부터" && p != "에서부터")) {
    return false;
  }
  const std::string_view next = s.tokens[s.units[u + 1].begin].folded;
  return std::ranges::any_of(kMoving, [&](std::string_view w) { return next.starts_with(w); });
}

// Whether the sentence's first unit, a possessor, owns the sentence's topic: one to three units
// after it, no name among them and all before `limit`, the last with 은/는 ("콩알림의 교사용
// 웹은").
bool opens_on_owned_topic(const SentenceAnalysis& s, std::uint32_t limit) {
  constexpr std::uint32_t kOwned = 3;
  for (std::uint32_t v = 1; v <= kOwned && v < limit && v < s.units.size(); ++v) {
    if (s.units[v].mention >= 0 || s.tokens[s.units[v].begin].script == Script::kPunct) {
      return false;
    }
    if (s.units[v].particle == "은" || s.units[v].particle == "는") {
      return true;
    }
  }
  return false;
}

// Whether unit `u` is where something comes from ("runs on models from Anthropic and is built
// with Rust", "spun out of Carnegie Mellon", "after leaving Kivu, she raised a round", "moved
// our reports off Teradata and onto Postgres, deployed with Terraform"): an origin, never the one
// a search looks for.
// So is a later member of a list that opens after "from" ("four engineers from Nvidia and
// Google: CTO Raj Mehta, ..."), and, in Korean, a unit that came_from.
bool origin(const SentenceAnalysis& s, std::uint32_t u) {
  const auto word = [&](std::uint32_t v) -> std::string_view {
    return s.units[v].mention < 0 ? std::string_view(s.tokens[s.units[v].begin].folded)
                                  : std::string_view();
  };
  if (came_from(s, u) || moved_from(s, u)) {
    return true;
  }
  while (u >= 2 && s.units[u - 2].mention >= 0 &&
         (word(u - 1) == "," || word(u - 1) == "and" || word(u - 1) == "or")) {
    u -= 2;
  }
  if (u == 0) {
    return false;
  }
  const std::string_view before = word(u - 1);
  return before == "from" || before == "off" || before == "leaving" || before == "left" ||
         before == "quitting" || (u > 1 && before == "of" && word(u - 2) == "out");
}

// Whether English unit `u` opens a relative clause about a person: "who" or "whose".
bool opens_who(const SentenceAnalysis& s, std::uint32_t u) {
  if (s.lang != Lang::kEn || s.units[u].mention >= 0) {
    return false;
  }
  const std::string_view word = s.tokens[s.units[u].begin].folded;
  return word == "who" || word == "whose";
}

// Whether English unit `u` is a comma that a coordinating conjunction follows (", and", ", but"),
// which opens a clause with a subject of its own: in "It is built with Flutter, and the Robotics
// Lab gave the team a desk" the lab built nothing with Flutter.
bool opens_coordinated_clause(const SentenceAnalysis& s, std::uint32_t u) {
  if (s.lang != Lang::kEn || u + 1 >= s.units.size() || s.units[u].mention >= 0 ||
      s.units[u + 1].mention >= 0 || s.tokens[s.units[u].begin].text != ",") {
    return false;
  }
  const std::string_view word = s.tokens[s.units[u + 1].begin].folded;
  return word == "and" || word == "but" || word == "while" || word == "whereas" || word == "yet";
}

// Whether English unit `u` is whom one acts with, as a Korean name with 와/과 is: right after
// "with" or "alongside" ("Vela announced a partnership with Kivu to make its app, Brae, …": Brae
// is Vela's). The actor only when no one else is.
bool accompanying(const SentenceAnalysis& s, std::uint32_t u) {
  if (s.lang != Lang::kEn || u == 0 || s.units[u - 1].mention >= 0) {
    return false;
  }
  const std::string_view word = s.tokens[s.units[u - 1].begin].folded;
  return word == "with" || word == "alongside";
}

// Whether unit `u` is the agent of a passive ("led by A", "backed by A"): in a search for what
// was named before the match, "Vela raised a round led by A, joining investors B and C" puts B
// and C into Vela, not into A.
// Not one a relative clause then describes ("led by A, who joined Vela after years at Kivu"): the
// clause, where the match stands, is about A. A later member of a list of agents is one too
// ("backed by A and B, and we were founded by P (CEO)": B is no company of P's).
bool agent_of_passive(const SentenceScope& sc, std::uint32_t u) {
  const auto word = [&](std::uint32_t v) -> std::string_view {
    return v < sc.s.units.size() && sc.s.units[v].mention < 0
               ? std::string_view(sc.s.tokens[sc.s.units[v].begin].folded)
               : std::string_view();
  };
  std::uint32_t first = u;
  while (first >= 2 && sc.s.units[first - 2].mention >= 0 &&
         (word(first - 1) == "," || word(first - 1) == "and" || word(first - 1) == "&")) {
    first -= 2;
  }
  return first > 0 && word(first - 1) == "by" && !(word(u + 1) == "," && word(u + 2) == "who");
}

// Whether organization unit `u`, before the match, holds a title of someone else: followed by
// a title and then by more words before the match ("넥슨네트웍스 대표를 거쳐 지난해 강대현
// 공동대표가 취임하며", "이진수 가온엔터 대표, 정의정 CTO"), the title is another's or a post the
// subject held, and the company is not the one of the match's person. Not where the match
// comes right after the title ("가온엔터 대표인 이진수 대표는"), nor where the title is the
// sentence's subject ("한새봄 씨는 지금 다온박스에서 …").
bool titled_other(const SentenceScope& sc, std::uint32_t u, const PatternMatch& m) {
  const auto title = [&](std::uint32_t v) {
    const Unit& unit = sc.s.units[v];
    return unit.mention < 0 && sc.titles.contains(sc.s.tokens[unit.begin].folded);
  };
  return u + 2 < m.begin && title(u + 1) && !is_subject_particle(sc.s.units[u + 1].particle);
}

// Whether a product the search does not take is the subject of the match's clause, before the
// match: in "토스는 하나은행과 업무협약을 맺었다" the product (or the company the pack knows by
// its product's name) acted, and the topic organization of the article did not.
bool product_subject(const SentenceScope& sc, const Ref& ref, const PatternMatch& m,
                     const std::vector<bool>& captured) {
  if ((ref.types & type_bit(EntityType::kProduct)) != 0) {
    return false;
  }
  const std::uint32_t clause = sc.s.units[m.begin].clause;
  for (std::uint32_t u = 0; u < m.begin; ++u) {
    const Unit& unit = sc.s.units[u];
    if (unit.mention >= 0 && !captured[u] && unit.clause == clause &&
        is_subject_particle(particle_of(sc.s, u)) &&
        sc.entities[sc.doc.entity_of_mention[unit.mention]].type == EntityType::kProduct) {
      return true;
    }
  }
  return false;
}

// Whether the unnamed topic at unit `u` of `s` is something an entity owns ("가온의 신규
// 서비스는"): a topic of its own, not a part of the one carried.
bool owned_topic(const SentenceAnalysis& s, std::uint32_t u) {
  constexpr std::uint32_t kModifiers = 2;
  for (std::uint32_t k = u; k-- > 0 && u - k <= kModifiers + 1;) {
    if (s.units[k].mention >= 0) {
      return particle_of(s, k) == "의";
    }
  }
  return false;
}

// What a Korean paragraph is about, carried into a clause that names no one acting: "솔방울은
// Go로 작성됐다. 메시지 큐로는 NATS를 쓰고, 저장소는 SQLite 기반이다" (솔방울 uses NATS and SQLite,
// not its maker). Going back from the match through the sentence and up to three before it, the
// first named topic decides: a product, team or organization of the searched types is carried,
// anything else (a person, or a person's title: "한 의장은 … 경쟁하겠다고 말했다") ends the search.
// A name that is the subject with 이/가 acts in its own clause only, and a topic that is no name
// ("저장소는") is a part of the one carried, unless an entity owns it. Only for searches that take
// products, those for who uses a tool: carried into searches for makers, employers or investors, it
// took the wrong company in three documents. -1 when none is carried.
int carried_topic(const SentenceScope& sc, const Ref& ref, const PatternMatch& m) {
  constexpr std::uint32_t kSentencesBack = 3;
  if ((ref.types & type_bit(EntityType::kProduct)) == 0) {
    return -1;
  }
  // A sentence that names an organization or team of its own before the match, whatever its
  // particle ("다온랩스에 와서는 Go로 만든다"), is not about an earlier sentence's topic; the
  // maker of a product it names ("OpenAI의 GPT-4o를 쓰고") is no such name.
  // Nor is one whose subject is "we" ("저희도 작년부터 vLLM을 씁니다" after a sentence about
  // another company's team): the writers act in it.
  for (std::uint32_t u = 0; u < m.begin; ++u) {
    const Unit& unit = sc.s.units[u];
    if (!sc.s.quoted.empty() && sc.s.quoted[unit.begin]) {
      continue;
    }
    if (unit.mention < 0) {
      const std::string_view particle = particle_of(sc.s, u);
      if ((is_subject_particle(particle) || particle == "도") &&
          in_layout_set(sc.s.tokens[unit.begin], sc.doc.words, kWeWord, sc.layout.we_words)) {
        return -1;
      }
      continue;
    }
    if (particle_of(sc.s, u) == "의" && u + 1 < sc.s.units.size() &&
        sc.s.units[u + 1].mention >= 0) {
      const EntityType owned =
          sc.entities[sc.doc.entity_of_mention[sc.s.units[u + 1].mention]].type;
      if (owned == EntityType::kProduct || owned == EntityType::kTool) {
        continue;
      }
    }
    const EntityType type = sc.entities[sc.doc.entity_of_mention[unit.mention]].type;
    if ((type == EntityType::kOrganization || type == EntityType::kTeam) &&
        of_types(sc, ref, unit) && subject_rank(particle_of(sc.s, u)) != 0) {
      return -1;
    }
  }
  return walk_topics(
      sc, 0, kSentencesBack, m.begin, [&](const SentenceAnalysis& s, std::uint32_t u) {
        const Unit& unit = s.units[u];
        if (unit.mention < 0) {
          // A person's title as the topic ("한 의장은", "CEO는") is a person, as a name is.
          return owned_topic(s, u) || sc.titles.contains(s.tokens[unit.begin].folded)
                     ? AtTopic::kEnd
                     : AtTopic::kPass;
        }
        // A tool as the topic ("다리목은 NestJS로 작성돼 있다") uses nothing itself: its stack is
        // the one of whoever the paragraph is about.
        const EntityType type = sc.entities[sc.doc.entity_of_mention[unit.mention]].type;
        if (type == EntityType::kTool && !of_types(sc, ref, unit)) {
          return AtTopic::kPass;
        }
        return type != EntityType::kPerson && of_types(sc, ref, unit) ? AtTopic::kTake
                                                                      : AtTopic::kEnd;
      });
}

// The unit a head's title captured by `ref.head_of` heads: the title without the pack's head
// word written onto it (본부장: 본부, 실장: 실, with the name_endings head 장); empty, narrowing
// nothing, when the ref has no such capture or the title ends in no head word (리드). A bare
// unit noun captured by `ref.ends_in` (연구소) is the ending itself.
std::string_view headed_unit(const SentenceScope& sc, const Ref& ref, const PatternMatch& m) {
  if (ref.ends_in >= 0 && !m.captures[ref.ends_in].empty()) {
    return sc.s.tokens[sc.s.units[m.captures[ref.ends_in].front()].begin].text;
  }
  if (ref.head_of < 0 || m.captures[ref.head_of].empty()) {
    return {};
  }
  const std::string_view title =
      sc.s.tokens[sc.s.units[m.captures[ref.head_of].front()].begin].text;
  // Each code point boundary but the first, from the end: the longest unit before a head.
  for (std::size_t at = title.size(); at-- > 1;) {
    if ((static_cast<unsigned char>(title[at]) & 0xC0) != 0x80 &&
        sc.heads.contains(title.substr(at))) {
      return title.substr(0, at);
    }
  }
  return {};
}

// Whether a product at unit `u`, the topic of a Korean clause, is what an agent after it acts
// on: an organization, team or person with 이/가 stands right before the match at `end`. In
// "이 앱은 모바일팀이 Flutter로 만들었다" the team made the app; in "코멧은 에이크미가 개발한
// 엔진과 Rust를 쓴다" the agent acts in a relative clause and the product stays the topic.
bool object_topic(const SentenceScope& sc, std::uint32_t u, std::uint32_t end) {
  const Unit& topic = sc.s.units[u];
  if (sc.s.lang != Lang::kKo || end < u + 2 || subject_rank(topic.particle) != 0 ||
      sc.entities[sc.doc.entity_of_mention[topic.mention]].type != EntityType::kProduct) {
    return false;
  }
  const Unit& agent = sc.s.units[end - 1];
  if (agent.mention < 0 || agent.clause != topic.clause) {
    return false;
  }
  const EntityType type = sc.entities[sc.doc.entity_of_mention[agent.mention]].type;
  return (agent.particle == "이" || agent.particle == "가" || agent.particle == "께서") &&
         (type == EntityType::kOrganization || type == EntityType::kTeam ||
          type == EntityType::kPerson);
}

// The members listed before a subject that a search found, who act with it: in "카카오, 네이버,
// 토스가 Kubernetes를 쓴다" and "가람핀과 한빛은행이 Snowflake를 도입했다" each uses it. A member
// joined by 와/과 counts only when it is of the subject's type ("김 대표와 가람핀이" is a person
// acting with a company, not a list), and only for relations that are not symmetric, since "A와
// B가" is also how a pair partners or competes.
void coordinated_subjects(const SentenceScope& sc, const Ref& ref, std::uint32_t subject,
                          const std::vector<bool>& captured, std::vector<int>& out) {
  if (subject_rank(sc.s.units[subject].particle) > 1) {
    return;
  }
  const EntityType type = sc.entities[sc.doc.entity_of_mention[sc.s.units[subject].mention]].type;
  std::uint32_t u = subject;
  while (u > 0) {
    std::uint32_t before = u;
    if (u >= 2 && listed_together(sc.doc, sc.s, u - 2, u)) {
      before = u - 2;
    } else {
      const Unit& joined = sc.s.units[u - 1];
      if ((joined.particle == "와" || joined.particle == "과") && joined.mention >= 0 &&
          sc.entities[sc.doc.entity_of_mention[joined.mention]].type == type) {
        before = u - 1;
      }
    }
    if (before == u || captured[before] || !of_types(sc, ref, sc.s.units[before])) {
      return;
    }
    const int e = sc.doc.entity_of_mention[sc.s.units[before].mention];
    if (std::ranges::find(out, e) == out.end()) {
      out.push_back(e);
    }
    u = before;
  }
}

// Whether Korean match `m` ends on a verb that modifies the noun after it (쓰던, 사용하는,
// 도입한, 적용된): a relative clause, whose subject is in it, before the verb, or is the noun
// it modifies. A name past that noun is the subject of the sentence's own verb: in "잔디에서
// 쓰던 봇 '달봇'은 IT팀 P 매니저가 새로 만들었다" P made the bot and did not use JANDI.
bool adnominal_match(const SentenceAnalysis& s, const PatternMatch& m) {
  return s.lang == Lang::kKo && m.end < s.units.size() && modifies_next(s, m.end - 1);
}

// `from_context` is set when the entities come from outside the sentence (the topic or the
// previous sentence's subject); `symmetric` when every relation the match gives is symmetric.
// `agent_of` holds the relation types when `ref` is their target (see previous_subject).
std::vector<int> resolve(const SentenceScope& sc, const Ref& ref, const PatternMatch& m,
                         bool symmetric, bool& from_context,
                         std::span<const RelationType> agent_of = {}) {
  std::vector<int> out;
  switch (ref.kind) {
    case Ref::Kind::kCapture:
      for (std::uint32_t u : m.captures[ref.capture]) {
        if (sc.s.units[u].mention >= 0) {
          out.push_back(sc.doc.entity_of_mention[sc.s.units[u].mention]);
        }
      }
      return out;
    case Ref::Kind::kTopic:
      from_context = true;
      return topics_outside(sc, ref, m, symmetric);
    case Ref::Kind::kFind:
      break;
  }
  // Whether each unit is held by a capture; two past the end so that u + 2 can be asked.
  std::vector<bool> captured(sc.s.units.size() + 2, false);
  for (const auto& held : m.captures) {
    for (const std::uint32_t u : held) {
      captured[u] = true;
    }
  }
  const std::uint32_t clause = sc.s.units[m.begin].clause;
  // A clause closed after the match is another's: in "… 로그를 채널에 붙여 주는데, 변서진 님
  // 말로는" the person after the comma did not do what the match says. So is one after a verb
  // whose ending of two syllables or more joins clauses, comma or not ("Kafka를 쓰고 있어서 변서진
  // 님 발표가": not 변서진 who uses Kafka). `closed`: the first unit that closes one.
  // So is an English relative clause about a person that opens after the match ("who",
  // "whose"): in "Ada Obi, its CTO, who worked at Kivu" Kivu is a past employer; and an English
  // clause joined by a comma and a conjunction (", and", ", but"), which has its own subject.
  constexpr std::size_t kTwoSyllables = 6;
  std::uint32_t closed = m.end - 1;
  while (
      closed < sc.s.units.size() && !closes_clause(sc, closed) &&
      !ends_clause(sc, closed, kTwoSyllables) &&
      !(closed >= m.end && (opens_who(sc.s, closed) || opens_coordinated_clause(sc.s, closed)))) {
    ++closed;
  }
  const std::string_view headed = headed_unit(sc, ref, m);
  const auto heads = [&](int e) { return headed.empty() || sc.entities[e].name.ends_with(headed); };
  // A Korean clause a comma closes before the match ("A가 첫 투자를 했고,") has its own subject
  // (이/가); where the match's clause has one too ("B가 이끈 라운드를 마쳤다", a matched word's
  // too), the earlier clause's subject is not searched. A topic (은/는) is the whole sentence's
  // ("X팀은 Spark를 썼지만, 데이터가 불어나자 Flink로 옮겼다"), and what else the earlier clause
  // names may be meant ("X 사업부를 만들고, P 님이 사업부장을 맡습니다"). `own_clause` is where
  // the match's clause opens.
  // A sentence that opens with a topic no name stands for ("연구실은 2019년 P 교수가 세웠으며,
  // 학습에는 PyTorch를 씁니다") holds it for every clause: the earlier clause's subject is not
  // the match's either.
  std::uint32_t own_clause = 0;
  // An earlier clause whose topic is a person tells that person's story ("한도윤 대표는 LG전자
  // 생활가전 부문에서 센서를 설계했고, 공동창업자인 서지아 CTO는 …": LG전자 is not 서지아's):
  // where the match's clause has a subject of its own, nothing before `other_story` is searched.
  std::uint32_t other_story = 0;
  if (sc.s.lang == Lang::kKo) {
    const auto [lo, hi] = clause_around(sc, m);
    const Unit& first = sc.s.units.front();
    if (lo > 0 && first.mention < 0 && (first.particle == "은" || first.particle == "는") &&
        sc.s.tokens[first.begin].script == Script::kHangul) {
      own_clause = lo;
    }
    // "we" as the topic before the match ("인프라팀이 파드를 늘리는 동안 저희는 Argo Rollouts로
    // 되돌렸습니다") is the match's subject: names before it with 이/가 act in their own clause.
    for (std::uint32_t v = m.begin; v-- > 0 && own_clause == 0;) {
      const Unit& unit = sc.s.units[v];
      if (unit.mention < 0 && (unit.particle == "은" || unit.particle == "는") &&
          (sc.s.quoted.empty() || !sc.s.quoted[unit.begin]) &&
          in_layout_set(sc.s.tokens[unit.begin], sc.doc.words, kWeWord, sc.layout.we_words)) {
        own_clause = v;
      }
    }
    for (std::uint32_t v = lo; v < m.end && lo > 0 && own_clause == 0; ++v) {
      if (is_subject_particle(particle_of(sc.s, v)) &&
          (sc.s.quoted.empty() || !sc.s.quoted[sc.s.units[v].begin])) {
        own_clause = lo;
        break;
      }
    }
    if (lo > 0 && person_topic_before(sc, lo) && has_subject(sc, lo, hi)) {
      other_story = lo;
    }
  }
  // After a relative clause, only its head noun phrase, up to the first particle, may be what
  // acts in it ("Rust를 사용하는 스타트업 에이크미는": 에이크미).
  auto head_end = static_cast<std::uint32_t>(sc.s.units.size());
  if (adnominal_match(sc.s, m)) {
    head_end = m.end;
    while (head_end < sc.s.units.size() && particle_of(sc.s, head_end).empty()) {
      ++head_end;
    }
    ++head_end;
  }
  int best = -1;
  // The unit of `best` when this sentence names it; none when the sentence before does.
  std::optional<std::uint32_t> best_unit;
  int best_rank = 1 << 30;
  for (std::uint32_t u = 0; u < sc.s.units.size(); ++u) {
    const Unit& unit = sc.s.units[u];
    if (!of_types(sc, ref, unit) || captured[u] || u >= head_end ||
        (ref.before_only && (u >= m.begin || in_apposition(sc.s, u, m.begin) ||
                             agent_of_passive(sc, u) || titled_other(sc, u, m))) ||
        (!ref.sentence_scope && unit.clause != clause && !item_label(sc, u)) || u < other_story ||
        (u < own_clause &&
         (subject_rank(particle_of(sc.s, u)) == 1 || subject_rank(title_particle(sc, u)) == 1)) ||
        (u >= 2 && captured[u - 2] && listed_together(sc.doc, sc.s, u - 2, u)) ||
        (captured[u + 2] && listed_together(sc.doc, sc.s, u, u + 2))) {
      continue;
    }
    // A possessor ("구글의", "'구글'의") modifies a noun; it is never the one acting, except an
    // English one that opens the sentence, the owner of its subject ("Sentrion's software is
    // written in Rust": Sentrion uses Rust). Nor is what something is compared with ("딥시크보다
    // 가벼운 모델을 공개했다", "구글처럼"), nor the outlet a company tells its news to ("the
    // startup tells TechCrunch that it closed a round"). The particles a search asks for and the
    // subject rank read the mention's own particle, as the pack's rules were written: reading the
    // quote's there too lost "'아스테로모프'를 창업한 이민형 대표" on probe22.
    const std::string_view particle = particle_of(sc.s, u);
    // A speaker's title makes no subject of what the speaker's quotation says ("KT 권시온
    // 본부장은 “… 원팀에 합류하는 세 기관을 환영한다”고 말했다": he joins nothing).
    const bool same_side =
        sc.s.quoted.empty() || sc.s.quoted[unit.begin] == sc.s.quoted[sc.s.units[m.begin].begin];
    const std::string_view honored = same_side ? title_particle(sc, u) : "";
    // A Korean possessor that opens the sentence, of a noun that is its topic, owns the topic
    // and acts for it: "콩알림의 교사용 웹은 Next.js로 만들었다" is 콩알림's Next.js. Only as the
    // one acting: "가온게임즈의 새 스튜디오는 P 프로듀서가 맡는다" is not P's post at 가온게임즈.
    const bool owns_topic = sc.s.lang == Lang::kKo && agent_of.empty() && u == 0 &&
                            particle == "의" && opens_on_owned_topic(sc.s, m.begin);
    const bool owns_noun = (particle == "'s" || particle == "'") && owns_matched_noun(sc, u, m);
    if ((particle == "의" && !owns_topic) || (particle == "'s" && u > 0 && !owns_noun) ||
        comparing(particle) ||
        (ref.particle && !owns_topic &&
         !ref.particle->contains(honored.empty() ? list_particle(sc.s, u) : honored)) ||
        told_to(sc, u) || origin(sc.s, u) || sc.doc.byline_mention[unit.mention]) {
      continue;
    }
    // A Korean maker's name written before its product or tool with no particle ("NVIDIA
    // Isaac Sim을") says whose the thing is, as 의 would: it is not the one acting.
    if (sc.s.lang == Lang::kKo && particle.empty() && u + 1 < sc.s.units.size() &&
        sc.s.units[u + 1].mention >= 0 &&
        sc.entities[sc.doc.entity_of_mention[unit.mention]].type == EntityType::kOrganization) {
      const EntityType next = sc.entities[sc.doc.entity_of_mention[sc.s.units[u + 1].mention]].type;
      if (next == EntityType::kProduct || next == EntityType::kTool) {
        continue;
      }
    }
    const int e = sc.doc.entity_of_mention[unit.mention];
    if (!heads(e) || (u >= m.end && u > closed)) {
      continue;
    }
    // Subjects first, then the type the rule prefers, then the nearest before the
    // match, then the nearest after.
    const int distance =
        u < m.begin ? static_cast<int>(m.begin - u) : 1000 + static_cast<int>(u - m.begin);
    const auto preferred = static_cast<int>(
        std::find(ref.preference.begin(), ref.preference.end(), sc.entities[e].type) -
        ref.preference.begin());
    // An English possessor that opens the sentence owns its subject and acts for it, as a
    // subject does: "Vela's engine is written in Rust, and Kivu ships SDKs" is Vela's Rust.
    const bool opening_owner =
        (sc.s.lang == Lang::kEn && u == 0 && particle == "'s") || owns_topic || owns_noun;
    const int subject = u < m.begin && object_topic(sc, u, m.begin) ? subject_rank("이") + 1
                        : opening_owner                             ? subject_rank("이")
                        : accompanying(sc.s, u)
                            ? subject_rank("와")
                            : subject_rank(honored.empty() ? unit.particle : honored);
    const int rank = subject * 1000000 + preferred * 10000 + distance;
    if (rank < best_rank) {
      best_rank = rank;
      best = e;
      best_unit = u;
    }
  }
  // A head's title names its unit: with none in the sentence, the last unit the sentence
  // before names that the title heads, whatever its particle ("'음성랩'으로 옮긴다. 랩장은 …").
  if (best < 0 && !headed.empty() && ref.else_previous && sc.previous != nullptr) {
    for (const Unit& unit : sc.previous->units) {
      if (of_types(sc, ref, unit) && heads(sc.doc.entity_of_mention[unit.mention])) {
        best = sc.doc.entity_of_mention[unit.mention];
      }
    }
  }
  const int carried =
      best < 0 && (ref.else_previous || ref.else_topic) ? carried_topic(sc, ref, m) : -1;
  if (best >= 0) {
    out.push_back(best);
    if (!symmetric && best_unit) {
      coordinated_subjects(sc, ref, *best_unit, captured, out);
    }
  } else if (carried >= 0) {
    from_context = true;
    out.push_back(carried);
  } else if (product_subject(sc, ref, m, captured)) {
    return out;
  } else if (ref.else_previous) {
    from_context = true;
    out = previous_subject(sc, ref, m, symmetric, agent_of);
  } else if (ref.else_topic) {
    out = topics_outside(sc, ref, m, symmetric);
    // An interviewee answering is who the sentence is by, as a named subject would be: their
    // roles elsewhere are not read against the topic (drop_context_affiliations).
    const bool answering = ref.self && ref.types == type_bit(EntityType::kPerson) &&
                           out.size() == 1 && sc.doc.kind.interview &&
                           out.front() == turn_speaker(sc);
    from_context = !answering;
  }
  std::erase_if(out, [&](int e) { return !heads(e); });
  return out;
}

// Whether a document is written in the voice a rule asks for: it uses the rule's first-person
// words, or words with its endings as written, at least `min` times in all (any document, for a
// rule that asks for none).
bool in_voice_of(const DocumentAnalysis& doc, const SharedWordSet& words,
                 const std::vector<std::string>& endings, int min) {
  if (words == nullptr) {
    return true;
  }
  int count = 0;
  for (const SentenceAnalysis& s : doc.sentences) {
    for (const Token& t : s.tokens) {
      const std::string_view written = doc.normalized(t.begin, t.end);
      count += words->contains(t.folded) ||
                       std::ranges::any_of(
                           endings, [&](const std::string& e) { return written.ends_with(e); })
                   ? 1
                   : 0;
      if (count >= min) {
        return true;
      }
    }
  }
  return false;
}

// Who "we" are in a document written in the first person: the company whose blog it is
// (company_blog), else the team its first-person words stand for, else the writer of a post in the
// first person singular, else the team it names first (a byline's or a self-introduction's), else
// the topic organization, unless the document is written to it (topic_addressed). The team named
// first is not "we" where the relations found so far make it a unit of another organization than
// the topic: a profile's "after six years at Kivu, where she ran the Search group" names where the
// interviewee was, and the answers' "we" is the company she now speaks for.
int first_person_side(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities,
                      const std::vector<RelationCandidate>& found) {
  if (doc.company_blog) {
    return doc.topic;
  }
  if (doc.own_team >= 0) {
    return doc.own_team;
  }
  if (doc.writer.post >= 0) {
    return doc.writer.post;
  }
  if (doc.lead_team < 0 || std::ranges::any_of(found, [&](const RelationCandidate& c) {
        return c.type == RT::kPartOf && c.source == doc.lead_team && c.target != doc.topic &&
               entities[c.target].type == ET::kOrganization;
      })) {
    return doc.topic_addressed ? -1 : doc.topic;
  }
  return doc.lead_team;
}

// Whether a match relates a speaker to what the speaker says: one end a capture outside a
// quotation, the other inside it. In `표해림 전무는 "도토리로보틱스 창업 멤버 중 두 명이 …"이라며`
// 표해림 founded nothing.
bool across_quotation(const SentenceScope& sc, const RelationRule& rule, const PatternMatch& m) {
  if (sc.s.quoted.empty() || rule.source.kind != Ref::Kind::kCapture ||
      rule.target.kind != Ref::Kind::kCapture || m.captures[rule.source.capture].empty() ||
      m.captures[rule.target.capture].empty()) {
    return false;
  }
  const auto inside = [&](int capture) {
    return sc.s.quoted[sc.s.units[m.captures[capture].front()].begin];
  };
  return inside(rule.source.capture) != inside(rule.target.capture);
}

// The units an English contrast that opens at unit `u` negates, where it negates only what
// follows it: "rather than" ("infra with Pulumi rather than Terraform": Terraform is not used,
// Pulumi is) and "instead of". They run to a comma, a semicolon, a colon or a full stop, at most
// six units; none (an empty range) where `u` opens no such contrast.
std::pair<std::uint32_t, std::uint32_t> contrast_scope(const SentenceScope& sc, std::uint32_t u) {
  constexpr std::uint32_t kReach = 6;
  const std::vector<Unit>& units = sc.s.units;
  const auto word = [&](std::uint32_t v) -> std::string_view {
    return v < units.size() && units[v].mention < 0
               ? std::string_view(sc.s.tokens[units[v].begin].folded)
               : std::string_view();
  };
  if (sc.s.lang != Lang::kEn || !((word(u) == "rather" && word(u + 1) == "than") ||
                                  (word(u) == "instead" && word(u + 1) == "of"))) {
    return {0, 0};
  }
  std::uint32_t end = u + 2;
  while (end < units.size() && end < u + 2 + kReach && word(end) != "," && word(end) != ";" &&
         word(end) != ":" && word(end) != ".") {
    ++end;
  }
  return {u + 2, end};
}

// Whether the label a sentence opens with, a few words before its first colon ("- 교재: …",
// "• 필수: Go 5년 이상", "True or false: …"), holds one of the rule's unless words while the match
// lies after the colon: the label says what the line is, as the match's own clause does.
bool label_blocks(const SentenceScope& sc, const RelationRule& rule, const PatternMatch& m) {
  constexpr int kMaxLabelWords = 4;
  const std::vector<Unit>& units = sc.s.units;
  int words = 0;
  for (std::uint32_t u = 0; u < m.begin; ++u) {
    const Token& t = sc.s.tokens[units[u].begin];
    if (units[u].mention < 0 && t.text == ":") {
      for (std::uint32_t v = 0; v < u; ++v) {
        if (units[v].mention < 0 && stop_word(sc.doc, rule.unless, sc.s.tokens[units[v].begin])) {
          return true;
        }
      }
      return false;
    }
    if (t.script != Script::kPunct && ++words > kMaxLabelWords) {
      return false;
    }
  }
  return false;
}

bool blocked(const SentenceScope& sc, const RelationRule& rule, const PatternMatch& m) {
  if (across_quotation(sc, rule, m)) {
    return true;
  }
  if (rule.unless.empty()) {
    return false;
  }
  if (label_blocks(sc, rule, m)) {
    return true;
  }
  const std::vector<Unit>& units = sc.s.units;
  const std::uint32_t first = units[m.begin].clause;
  const std::uint32_t last = units[m.end - 1].clause;
  // The unless words are looked for in the match's clause. A contrast that negates only what
  // follows it ("rather than X") blocks a match that captures X, and no other.
  const auto [lo, hi] = clause_around(sc, m);
  for (std::uint32_t u = lo; u < hi; ++u) {
    if (units[u].mention < 0 && units[u].clause >= first && units[u].clause <= last &&
        stop_word(sc.doc, rule.unless, sc.s.tokens[units[u].begin])) {
      const std::pair<std::uint32_t, std::uint32_t> scope = contrast_scope(sc, u);
      if (scope.first == scope.second || std::ranges::any_of(m.captures, [&](const auto& held) {
            return std::ranges::any_of(
                held, [&](std::uint32_t v) { return v >= scope.first && v < scope.second; });
          })) {
        return true;
      }
    }
  }
  return false;
}

// The relation types a match states: the rule's own, or one per captured word
// found in a relation_by lexicon ("CTO이자 공동 창업자" -> leads and founded).
std::vector<RT> relations_of(const SentenceScope& sc, const RelationRule& rule,
                             const PatternMatch& m) {
  if (rule.relation) {
    return {*rule.relation};
  }
  std::vector<RT> types;
  for (std::uint32_t u : m.captures[rule.relation_by_capture]) {
    const Unit& unit = sc.s.units[u];
    if (unit.mention >= 0) {
      continue;
    }
    const std::string_view w = sc.s.tokens[unit.begin].folded;
    for (const auto& [words, type] : rule.relation_by) {
      if (words->contains(w) && std::find(types.begin(), types.end(), type) == types.end()) {
        types.push_back(type);
      }
    }
  }
  // A title that joins a word of leading to a word of a post ("chief architect", "vice
  // president") names the post: the person works at the organization. Leading stays for what
  // one cannot work at ("senior vice president of Chrome" leads the product), so works_at goes
  // first and wins where both fit.
  const auto works = std::ranges::find(types, RT::kWorksAt);
  const auto leads = std::ranges::find(types, RT::kLeads);
  if (works != types.end() && leads != types.end() && leads < works) {
    std::iter_swap(works, leads);
  }
  return types;
}

// Relations that exclude one another for one pair read from one sentence: the
// rule with the higher priority (then confidence) wins within a group.
int conflict_group(RT type) {
  switch (type) {
    case RT::kDevelops:
    case RT::kUses:
      return 0;
    case RT::kLeads:
    case RT::kWorksAt:
    case RT::kMemberOf:
      return 1;
    case RT::kCompetesWith:
    case RT::kPartnersWith:
      return 2;
    default:
      return 3 + static_cast<int>(type);
  }
}

std::string matched_text(const SentenceScope& sc, const PatternMatch& m) {
  const std::uint32_t b = sc.s.tokens[sc.s.units[m.begin].begin].begin;
  const std::uint32_t e = sc.s.tokens[sc.s.units[m.end - 1].end - 1].end;
  return std::string(sc.doc.original(b, e));
}

// A person's role read against the topic or the previous sentence yields to the same role
// (or, for a lead, a founding) that a sentence states with its own organization: after "장성현
// 대한항공 정보시스템실장(CIO)은", "장성현 CIO가 답했다" in an article about AWS is not a lead of
// AWS. A unit the person heads is no such organization: after "신임 CTO로는 이상호
// 커머스사업부장이", the CTO is still the previous sentence's company's. Nor is a head's bare
// title a lead of the company where a sentence states the person works there and heads a unit of
// it: after "연서진 세움제약 AI신약연구소장", "연 소장은" heads the institute, not 세움제약.
void drop_context_affiliations(const std::vector<LocalEntity>& entities,
                               std::vector<RelationCandidate>& out) {
  auto affiliation = [](RT type) {
    return type == RT::kLeads || type == RT::kWorksAt || type == RT::kFounded;
  };
  std::set<std::tuple<int, RT, int>> stated;  // (person, type, organization)
  std::set<int> unit_heads;
  for (const RelationCandidate& c : out) {
    if (!c.from_context && !c.former && affiliation(c.type) &&
        entities[c.target].type == EntityType::kOrganization) {
      stated.emplace(c.source, c.type, c.target);
    }
    if (!c.from_context && c.type == RT::kLeads && entities[c.target].type == EntityType::kTeam) {
      unit_heads.insert(c.source);
    }
  }
  auto states_other = [&stated](int person, RT type, int target) {
    for (auto it = stated.lower_bound({person, type, std::numeric_limits<int>::min()});
         it != stated.end() && std::get<0>(*it) == person && std::get<1>(*it) == type; ++it) {
      if (std::get<2>(*it) != target) {
        return true;
      }
    }
    return false;
  };
  std::erase_if(out, [&](const RelationCandidate& c) {
    return c.yields && c.from_context && affiliation(c.type) &&
           (states_other(c.source, c.type, c.target) ||
            (c.type == RT::kLeads && states_other(c.source, RT::kFounded, c.target)) ||
            (c.type == RT::kLeads && unit_heads.contains(c.source) &&
             stated.contains({c.source, RT::kWorksAt, c.target})));
  });
}

void apply_document_rules(const StageContext& ctx, const DocumentAnalysis& doc,
                          const std::vector<LocalEntity>& entities,
                          std::vector<RelationCandidate>& out) {
  // What the sentence rules found, indexed, so large documents stay linear.
  std::set<std::tuple<int, int, RT>> found;
  std::set<std::tuple<int, RT, bool>> related_ends;  // (entity, type, as source)
  for (const RelationCandidate& c : out) {
    found.emplace(c.source, c.target, c.type);
    related_ends.emplace(c.source, c.type, true);
    related_ends.emplace(c.target, c.type, false);
  }
  // Pairs the sentences relate otherwise, and what the document says was acquired: a
  // product's known maker is not said to develop what the text says it bought.
  std::set<std::pair<int, int>> linked;
  std::set<int> acquired;
  for (const RelationCandidate& c : out) {
    if (c.type != RT::kUses) {  // what the maker is said to use, it develops
      linked.emplace(std::min(c.source, c.target), std::max(c.source, c.target));
    }
    if (c.type == RT::kAcquires) {
      acquired.insert(c.target);
    }
  }
  // The entities each sentence and each line (a paragraph) names, as sorted (sentence or line,
  // entity) pairs without repeats: one vector each instead of a vector per sentence and line.
  using Named = std::vector<std::pair<std::uint32_t, int>>;
  Named in_sentence;
  Named in_line;
  in_sentence.reserve(doc.mentions.size());
  in_line.reserve(doc.mentions.size());
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const std::uint32_t sentence = doc.mentions[m].sentence;
    in_sentence.emplace_back(sentence, doc.entity_of_mention[m]);
    in_line.emplace_back(doc.sentences[sentence].span.line, doc.entity_of_mention[m]);
  }
  for (Named* named : {&in_sentence, &in_line}) {
    std::sort(named->begin(), named->end());
    named->erase(std::unique(named->begin(), named->end()), named->end());
  }
  // The organizations each sentence names other than as where someone came from (카카오뱅크
  // 출신인 문태성 님, "led by A, who came to us from Kivu"): a team named beside only those has no
  // other candidate owner. In sentence order.
  Named orgs_in_sentence;
  for (std::uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const SentenceAnalysis& s = doc.sentences[i];
    for (std::uint32_t u = 0; u < s.units.size(); ++u) {
      if (s.units[u].mention >= 0 && !origin(s, u)) {
        const int o = doc.entity_of_mention[s.units[u].mention];
        if (entities[o].type == ET::kOrganization) {
          orgs_in_sentence.emplace_back(i, o);
        }
      }
    }
  }
  auto holds = [](const Named& named, std::uint32_t where, int e) {
    return std::binary_search(named.begin(), named.end(), std::pair{where, e});
  };
  // Whether a sentence naming `e` also names an organization other than the topic: then
  // the topic is not the only candidate owner of `e` ("leads the UCLA vision lab").
  auto near_other_org = [&](int e, int topic) {
    return std::any_of(entities[e].mentions.begin(), entities[e].mentions.end(), [&](int m) {
      const auto [first, last] = std::equal_range(
          orgs_in_sentence.begin(), orgs_in_sentence.end(), std::pair{doc.mentions[m].sentence, 0},
          [](const auto& a, const auto& b) { return a.first < b.first; });
      return std::any_of(first, last, [&](const auto& o) { return o.second != topic; });
    });
  };
  // Whether a mention of `e` follows a possessor written as a common noun, in lower case ("the
  // city's Office of Open Data"): the unit is that owner's, whom the words leave unnamed, not the
  // topic's. A capitalised possessor may be a name no rule read ("Harrowgate's Department of
  // Oceanography"), and one a rule reads as an organization ("the company's" where the company
  // was just named) is a mention: neither counts.
  auto owned_by_noun = [&](int e) {
    return std::ranges::any_of(entities[e].mentions, [&](int m) {
      const SentenceAnalysis& s = doc.sentences[doc.mentions[m].sentence];
      for (std::uint32_t u = 1; u < s.units.size(); ++u) {
        if (s.units[u].mention == m) {
          const Unit& before = s.units[u - 1];
          const Token& word = s.tokens[before.begin];
          return before.mention < 0 && before.particle == "'s" && word.script == Script::kLatin &&
                 !word.capitalized && !word.all_upper;
        }
      }
      return false;
    });
  };
  auto has = [&found](int s, int t, RT type) { return found.contains({s, t, type}); };
  // Whether a sentence naming `e` has one of the rule's `unless` words ("We also looked at
  // Typesense": a tool the writers weighed is not one they use).
  // So does the heading over a list that names it, a list item or a short line under it, past
  // the other items ("Infrastructure subprocessors" over "- Amazon Web Services — hosting"; "##
  // Gold sponsors" over "- Sentry"): in a rule of the writers' voice, the heading says what the
  // items are to the writers.
  const auto& lines = doc.segmentation.lines;
  auto list_heading = [&](std::uint32_t line) -> std::optional<std::uint32_t> {
    if (lines[line].kind != LineKind::kListItem && lines[line].kind != LineKind::kHeading) {
      return std::nullopt;
    }
    for (std::uint32_t l = line; l > 0; --l) {
      const LineKind kind = lines[l - 1].kind;
      if (kind == LineKind::kHeading) {
        return l - 1;
      }
      if (kind != LineKind::kBlank && kind != LineKind::kListItem) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  };
  auto unless_in = [](const DocumentRule& rule, const SentenceAnalysis& s) {
    return std::ranges::any_of(s.tokens,
                               [&](const Token& t) { return rule.unless.matches(t.folded); });
  };
  auto near_unless = [&](const DocumentRule& rule, int e) {
    return !rule.unless.empty() && std::ranges::any_of(entities[e].mentions, [&](int m) {
      const SentenceAnalysis& s = doc.sentences[doc.mentions[m].sentence];
      if (unless_in(rule, s)) {
        return true;
      }
      if (rule.voice_words == nullptr) {  // a heading speaks only of the writers' own lists
        return false;
      }
      const std::optional<std::uint32_t> heading = list_heading(s.span.line);
      return heading && std::ranges::any_of(doc.sentences, [&](const SentenceAnalysis& h) {
               return h.span.line == *heading && unless_in(rule, h);
             });
    });
  };
  // The organizations by the keys of their names and aliases (the document's and their
  // gazetteer entries'), for names that open with one
  // ("Google Docs"); built when a named_after rule first needs it.
  std::optional<std::map<std::string, int>> org_by_key;
  auto named_after = [&](const DocumentRule& rule, const LocalEntity& ent) {
    if (!org_by_key) {
      org_by_key.emplace();
      for (int o = 0; o < static_cast<int>(entities.size()); ++o) {
        if (entities[o].type == ET::kOrganization && !entities[o].mentions.empty()) {
          org_by_key->emplace(name_key(entities[o].name), o);
          for (const std::string& alias : entities[o].aliases) {
            org_by_key->emplace(name_key(alias), o);
          }
          if (entities[o].entry >= 0) {
            const GazetteerAliases known = ctx.rules.gazetteer[entities[o].entry].aliases();
            for (std::size_t a = 0; a < known.size(); ++a) {
              org_by_key->emplace(name_key(known[a]), o);
            }
          }
          // And the short form the document calls it by ("Kelso" of "Kelso Systems"), which
          // names "Kelso Pulse" after it as well.
          for (int m : entities[o].mentions) {
            if (doc.mentions[m].short_form && doc.mentions[m].refers == Refers::kNone) {
              org_by_key->emplace(name_key(doc.mentions[m].surface), o);
            }
          }
        }
      }
    }
    auto opened_by = [&](std::string_view form) {
      for (std::size_t space = form.find(' '); space != std::string_view::npos;
           space = form.find(' ', space + 1)) {
        if (auto it = org_by_key->find(name_key(form.substr(0, space))); it != org_by_key->end()) {
          return it->second;
        }
      }
      return -1;
    };
    int o = opened_by(ent.name);
    for (auto alias = ent.aliases.begin(); o < 0 && alias != ent.aliases.end(); ++alias) {
      o = opened_by(*alias);
    }
    // The organization's name without its company word, written onto the product's or before a
    // space ("해솔소프트": "해솔드라이브", "해솔 미트"); a stem that opens several names says
    // none, nor does one that opens the names of other organizations too (한서 of 한서시스템즈
    // in a group's 한서전자 and 한서클라우드).
    constexpr std::size_t kMinStem = 2;
    const auto shared_stem = [&](std::string_view stem, int owner) {
      for (int e = 0; e < static_cast<int>(entities.size()); ++e) {
        if (e != owner && entities[e].type == ET::kOrganization && !entities[e].mentions.empty() &&
            entities[e].name.starts_with(stem)) {
          return true;
        }
      }
      return false;
    };
    for (int other = 0; o < 0 && other < static_cast<int>(entities.size()); ++other) {
      const LocalEntity& org = entities[other];
      if (org.type != ET::kOrganization || org.mentions.empty()) {
        continue;
      }
      for (const std::string& ending : rule.org_endings) {
        if (org.name.size() <= ending.size() || !org.name.ends_with(ending)) {
          continue;
        }
        const std::string_view stem =
            std::string_view(org.name).substr(0, org.name.size() - ending.size());
        if (count_code_points_utf8(stem) >= kMinStem && ent.name.size() > stem.size() &&
            ent.name.starts_with(stem) && !ent.name.starts_with(org.name) &&
            !shared_stem(stem, other)) {
          o = other;
          break;
        }
      }
    }
    return o;
  };
  // The first and the last sentence of each line, built when an outline rule first needs them.
  std::optional<std::vector<std::pair<int, int>>> line_sentences;
  auto sentences_of = [&](std::size_t l) {
    if (!line_sentences) {
      line_sentences.emplace(doc.segmentation.lines.size(), std::pair<int, int>{-1, -1});
      for (std::size_t si = doc.sentences.size(); si-- > 0;) {
        std::pair<int, int>& range = (*line_sentences)[doc.sentences[si].span.line];
        range.first = static_cast<int>(si);
        if (range.second < 0) {
          range.second = static_cast<int>(si);
        }
      }
    }
    return (*line_sentences)[l];
  };
  // The entity that opens line `l`: the first mention of its first sentence, with nothing but
  // punctuation (a bullet) before it; -1 for none.
  auto opens_line = [&](std::size_t l) {
    const int first = sentences_of(l).first;
    if (first < 0) {
      return -1;
    }
    const SentenceAnalysis& s = doc.sentences[first];
    for (const Unit& unit : s.units) {
      if (unit.mention >= 0) {
        return doc.entity_of_mention[unit.mention];
      }
      if (s.tokens[unit.begin].script != Script::kPunct) {
        return -1;
      }
    }
    return -1;
  };
  // The team or organization that a line's last sentence introduces the list after it with,
  // when that sentence ends in a colon or holds one of the rule's lead-in words ("AI본부
  // 아래에는 다음 세 팀을 둡니다.", "The platform group gets the following teams."): the first
  // one it names; -1 for none.
  auto leads_into_list = [&](const DocumentRule& rule, std::size_t l, int e) {
    const int last = sentences_of(l).second;
    if (last < 0 || rule.lead_in.empty()) {
      return -1;
    }
    const SentenceAnalysis& s = doc.sentences[last];
    const bool colon = !s.tokens.empty() && s.tokens.back().text == ":";
    if (!colon && std::none_of(s.tokens.begin(), s.tokens.end(),
                               [&](const Token& t) { return rule.lead_in.matches(t.folded); })) {
      return -1;
    }
    for (const Unit& unit : s.units) {
      if (unit.mention < 0) {
        continue;
      }
      const int h = doc.entity_of_mention[unit.mention];
      if (h != e && (entities[h].type == ET::kTeam || entities[h].type == ET::kOrganization)) {
        return h;
      }
    }
    return -1;
  };
  // A heading, or a longer line that reads as one: no full stop at its end, or a colon
  // ("Product Engineering Group (led by Rachel Kim)", "플랫폼실:").
  auto heading_like = [&doc](const Line& line) {
    constexpr std::size_t kLongest = 80;
    if (line.kind == LineKind::kHeading) {
      return true;
    }
    const std::string_view text = doc.normalized(line.begin, line.end);
    return line.kind == LineKind::kProse && !text.empty() &&
           count_code_points_utf8(text) <= kLongest &&
           (text.back() == ':' || (text.back() != '.' && text.back() != '!' && text.back() != '?' &&
                                   !text.ends_with("\xE3\x80\x82")));
  };
  // For an entity that opens a list item, the entity that opens the heading above the list
  // ("Platform Group (led by Ada Obi)" over "- Core Infrastructure, led by ..."), or that the
  // sentence leading into the list introduces it with; -1 for none.
  // A list item's mark, any number standing for all: a list runs up over items with the same
  // kind of mark, so a numbered section's line ("6. 후속 조치") over bulleted items is their
  // heading, not one more item of theirs.
  auto mark = [&doc](const Line& line) {
    const std::string_view text = doc.normalized(line.begin, line.end);
    const std::size_t first = text.find_first_not_of(" \t\r");
    const char c = first == std::string_view::npos ? '\0' : text[first];
    return c >= '0' && c <= '9' ? '0' : c;
  };
  auto heading_over = [&](const DocumentRule& rule, int e) {
    const std::vector<Line>& lines = doc.segmentation.lines;
    for (int m : entities[e].mentions) {
      const std::size_t l = doc.sentences[doc.mentions[m].sentence].span.line;
      if (lines[l].kind != LineKind::kListItem || opens_line(l) != e) {
        continue;
      }
      std::size_t k = l;
      while (k > 0 &&
             (lines[k - 1].kind == LineKind::kBlank ||
              (lines[k - 1].kind == LineKind::kListItem && mark(lines[k - 1]) == mark(lines[l])))) {
        --k;
      }
      if (k == 0) {
        continue;
      }
      int h = heading_like(lines[k - 1]) ? opens_line(k - 1) : -1;
      if (h < 0) {
        h = leads_into_list(rule, k - 1, e);
      }
      if (h >= 0 && h != e) {
        return h;
      }
    }
    return -1;
  };
  // The topic an entity's mentions stand under: the one section topic (section_topics) all of
  // them share, else the document's. In a roundup of items "◆가온보안, 신임 CTO에 …" a team
  // named only under that item is 가온보안's, and a digest has no topic of its own.
  auto section_topic_of = [&doc](const LocalEntity& ent) {
    if (doc.section_topic.empty()) {
      return doc.topic;
    }
    constexpr int kNone = -1;  // a line in no section
    int shared = kNone;
    for (const int m : ent.mentions) {
      const int t = doc.section_topic[doc.sentences[doc.mentions[m].sentence].span.line];
      if (t == kNone || (shared != kNone && t != shared)) {
        return doc.topic;
      }
      shared = t;
    }
    return shared == kUnknownSection ? -1 : shared;
  };
  auto in_voice = [&doc](const DocumentRule& rule) {
    return in_voice_of(doc, rule.voice_words, rule.voice_endings, rule.voice_min);
  };
  const int voice_side = first_person_side(doc, entities, out);
  for (const DocumentRule& rule : ctx.rules.document_rules) {
    // Counted once per rule, and only when an entity gets that far: most documents have no
    // orphan of the rule's types, and then their words are never scanned.
    std::optional<bool> voice;
    // unit_member: the teams each entity leads or belongs to, and the parents of each team, as
    // the relations found so far (earlier document rules' included) state them.
    std::multimap<int, int> units_of;
    std::multimap<int, int> parents_of;
    if (rule.kind == DocumentRuleKind::kUnitMember) {
      // A team placed in the topic only because nothing else claims it (an orphan rule's part_of,
      // in no sentence that names the organization too) says nothing of where its people work:
      // the text left that unsaid. A line that names both ("Department of Robotics, University
      // of Kivu") still does.
      std::set<std::string_view> orphan_rules;
      for (const DocumentRule& other : ctx.rules.document_rules) {
        if (other.kind == DocumentRuleKind::kOrphan) {
          orphan_rules.insert(other.id);
        }
      }
      for (const RelationCandidate& c : out) {
        // A list of a team's members says who is on it, not who employs them (a lab's
        // students): only a stated membership or lead counts.
        if ((c.type == RT::kLeads || c.type == RT::kMemberOf) &&
            entities[c.target].type == ET::kTeam && c.rule != "section") {
          units_of.emplace(c.source, c.target);
        }
        if (c.type == RT::kPartOf && entities[c.source].type == ET::kTeam &&
            (!orphan_rules.contains(c.rule) || holds(in_sentence, c.sentence, c.target))) {
          parents_of.emplace(c.source, c.target);
        }
      }
    }
    // The first organization reached from entity `e`'s teams through their parents; -1 for none.
    auto organization_over = [&](int e) {
      constexpr int kMaxDepth = 4;  // team, group, division, organization
      std::vector<int> level;
      for (auto [it, last] = units_of.equal_range(e); it != last; ++it) {
        level.push_back(it->second);
      }
      for (int depth = 0; depth < kMaxDepth && !level.empty(); ++depth) {
        std::vector<int> next;
        for (const int unit : level) {
          for (auto [it, last] = parents_of.equal_range(unit); it != last; ++it) {
            if (entities[it->second].type == ET::kOrganization) {
              return it->second;
            }
            next.push_back(it->second);
          }
        }
        level = std::move(next);
      }
      return -1;
    };
    for (int e = 0; e < static_cast<int>(entities.size()); ++e) {
      const LocalEntity& ent = entities[e];
      if (!(rule.types & type_bit(ent.type)) || ent.mentions.empty()) {
        continue;
      }
      const std::string_view owner =
          ent.entry >= 0 ? ctx.rules.gazetteer[ent.entry].by() : std::string_view();
      int source = -1;
      int target = -1;
      if (rule.kind == DocumentRuleKind::kOwner) {
        if (owner.empty()) {
          continue;
        }
        const std::string key = name_key(owner);
        for (int o = 0; o < static_cast<int>(entities.size()); ++o) {
          if (entities[o].type == ET::kOrganization && name_key(entities[o].name) == key) {
            source = o;
          }
        }
        target = e;
        if (source >= 0 && (acquired.contains(e) || linked.contains({std::min(source, target),
                                                                     std::max(source, target)}))) {
          continue;
        }
        if (source >= 0 && std::none_of(ent.mentions.begin(), ent.mentions.end(), [&](int m) {
              return holds(in_line, doc.sentences[doc.mentions[m].sentence].span.line, source);
            })) {
          continue;
        }
      } else if (rule.kind == DocumentRuleKind::kUnitMember) {
        source = e;
        target = organization_over(e);
        if (target < 0) {
          continue;
        }
      } else if (rule.kind == DocumentRuleKind::kOutline) {
        source = e;
        target = heading_over(rule, e);
        if (target < 0) {
          continue;
        }
      } else if (rule.kind == DocumentRuleKind::kNamedAfter) {
        if (rule.unlisted_only && ent.entry >= 0) {
          continue;
        }
        source = named_after(rule, ent);
        // A listed entry's maker is the one it names ("Amazon S3" is AWS's, not Amazon's).
        if (source >= 0 && ent.entry >= 0 && name_key(entities[source].name) != name_key(owner)) {
          continue;
        }
        // An unlisted name the article writes before it ever writes an unlisted organization's
        // alone is that organization's own full name, shortened later ("Tarnby Compute is …;
        // Tarnby's backers …"), not a product named after it ("Tarnby launched Tarnby Track").
        // A known company's product is often named first ("Google Docs adds …; Google said").
        if (source >= 0 && ent.entry < 0 && entities[source].entry < 0 &&
            *std::ranges::min_element(entities[source].mentions) >
                *std::ranges::min_element(ent.mentions)) {
          continue;
        }
        target = e;
        if (source >= 0 && (acquired.contains(e) || linked.contains({std::min(source, target),
                                                                     std::max(source, target)}))) {
          continue;
        }
      } else {
        const int topic = rule.voice_words == nullptr ? section_topic_of(ent) : voice_side;
        if (topic < 0 || topic == e || (rule.unlisted_only && ent.entry >= 0) ||
            (rule.not_names && rule.not_names->contains(fold_case(ent.name))) ||
            ends_in_any(fold_case(ent.name), rule.not_endings) ||
            related_ends.contains({e, rule.relation, !rule.from_topic}) ||
            near_other_org(e, rule.voice_words == nullptr ? topic : doc.topic) ||
            near_unless(rule, e) || (!rule.from_topic && owned_by_noun(e))) {
          continue;
        }
        if (!voice) {
          // A job posting speaks for the team it hires for, in whatever voice.
          voice = doc.kind.posting || in_voice(rule);
        }
        if (!*voice) {
          break;
        }
        source = rule.from_topic ? topic : e;
        target = rule.from_topic ? e : topic;
      }
      if (source < 0 || source == target || has(source, target, rule.relation) ||
          !relation_allowed(rule.relation, entities[source].type, entities[target].type)) {
        continue;
      }
      // Evidence: the first sentence naming both, else the first naming the entity.
      const int other = source == e ? target : source;
      std::uint32_t sentence = doc.mentions[ent.mentions.front()].sentence;
      for (int m : ent.mentions) {
        if (holds(in_sentence, doc.mentions[m].sentence, other)) {
          sentence = doc.mentions[m].sentence;
          break;
        }
      }
      out.push_back({source, target, rule.relation, rule.confidence, -100, sentence, rule.id,
                     doc.mentions[ent.mentions.front()].surface});
      found.emplace(source, target, rule.relation);
      related_ends.emplace(source, rule.relation, true);
      related_ends.emplace(target, rule.relation, false);
    }
  }
}

// The entities named within token range [begin, end) of sentence `si`, in order.
std::vector<int> named_within(const DocumentAnalysis& doc, std::uint32_t si, std::uint32_t begin,
                              std::uint32_t end) {
  std::vector<int> named;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const MentionCandidate& c = doc.mentions[m];
    if (c.sentence == si && c.begin >= begin && c.end <= end) {
      named.push_back(doc.entity_of_mention[m]);
    }
  }
  return named;
}

// A relation the document's layout states (a table row, a list section, an outline).
struct LayoutRelation {
  int source = -1;
  int target = -1;
  RelationType type = RelationType::kUses;
  double confidence = 0.0;
  std::uint32_t sentence = 0;
  const char* rule = "";
  bool from_context = false;  // an end is the topic
};

// Adds `r` unless its ends are one entity, the relation does not allow their types, or it is
// there already.
void add_layout_relation(const std::vector<LocalEntity>& entities, const LayoutRelation& r,
                         std::vector<RelationCandidate>& out) {
  if (r.source == r.target ||
      !relation_allowed(r.type, entities[r.source].type, entities[r.target].type) ||
      std::ranges::any_of(out, [&](const RelationCandidate& c) {
        return c.source == r.source && c.target == r.target && c.type == r.type;
      })) {
    return;
  }
  RelationCandidate c;
  c.source = r.source;
  c.target = r.target;
  c.type = r.type;
  c.confidence = r.confidence;
  c.sentence = r.sentence;
  c.rule = r.rule;
  c.from_context = r.from_context;
  out.push_back(std::move(c));
}

// Whether a team's mention `c` in a role cell ending at token `cell_end` is followed by one of
// `heads`: written onto the team's name ("결제팀장" for 결제팀) or as the next word ("결제팀
// 리드").
bool team_headed_in_cell(const DocumentAnalysis& doc, const SentenceAnalysis& s,
                         const MentionCandidate& c, std::uint32_t cell_end,
                         const std::vector<std::string>& heads) {
  const auto head = [&](std::string_view word) {
    return std::find(heads.begin(), heads.end(), word) != heads.end();
  };
  const Token& last = s.tokens[c.end - 1];
  const std::uint32_t name_end = s.tokens[c.begin].begin + c.surface.size();
  if (name_end < last.base_end) {
    return head(fold_case(doc.normalized(name_end, last.base_end)));
  }
  return c.end < cell_end && head(s.tokens[c.end].folded);
}

// The relations table rows state between their cells (doc.table_links), for each pair of entities
// the two cells name that the relation allows; a team a role cell names with one of the
// relation's heads after it is led rather than joined.
void add_table_relations(const StageContext& ctx, const DocumentAnalysis& doc,
                         const std::vector<LocalEntity>& entities,
                         std::vector<RelationCandidate>& out) {
  for (const TableLink& link : doc.table_links) {
    const TableRelation& relation = ctx.rules.layout.table_relations[link.relation];
    const SentenceAnalysis& s = doc.sentences[link.sentence];
    for (const int source :
         named_within(doc, link.sentence, link.source.first, link.source.second)) {
      for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
        const MentionCandidate& c = doc.mentions[m];
        if (c.sentence != link.sentence || c.begin < link.target.first ||
            c.end > link.target.second) {
          continue;
        }
        const int target = doc.entity_of_mention[m];
        const bool headed = !relation.heads.empty() && entities[target].type == EntityType::kTeam &&
                            team_headed_in_cell(doc, s, c, link.target.second, relation.heads);
        add_layout_relation(entities,
                            {.source = source,
                             .target = target,
                             .type = headed ? RelationType::kLeads : relation.relation,
                             .confidence = relation.confidence,
                             .sentence = link.sentence,
                             .rule = "table"},
                            out);
      }
    }
  }
}

// The relations an outline states between an item and the item it is indented under
// (doc.outline_items): each entity of a child type among the item's names to the first entity
// of a parent type the item above names.
void add_outline_relations(const StageContext& ctx, const DocumentAnalysis& doc,
                           const std::vector<LocalEntity>& entities,
                           std::vector<RelationCandidate>& out) {
  const auto of = [&](const std::vector<EntityType>& types, int e) {
    return std::find(types.begin(), types.end(), entities[e].type) != types.end();
  };
  for (const OutlineItem& item : doc.outline_items) {
    if (item.parent < 0) {
      continue;
    }
    const OutlineItem& above = doc.outline_items[item.parent];
    const std::vector<int> children = named_within(doc, item.sentence, item.begin, item.end);
    const std::vector<int> parents = named_within(doc, above.sentence, above.begin, above.end);
    for (const OutlineRelation& relation : ctx.rules.layout.outline_relations) {
      const auto parent = std::find_if(parents.begin(), parents.end(),
                                       [&](int e) { return of(relation.parent, e); });
      if (parent == parents.end()) {
        continue;
      }
      for (const int child : children) {
        if (!of(relation.child, child)) {
          continue;
        }
        add_layout_relation(entities,
                            {.source = child,
                             .target = *parent,
                             .type = relation.relation,
                             .confidence = relation.confidence,
                             .sentence = item.sentence,
                             .rule = "outline"},
                            out);
      }
    }
  }
}

// The team a page is about: the last name of the first header line that names anything, if
// a team ("한빛대학교 기계공학과 촉감지능연구실": the lab, of its university), else -1.
int page_team(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities) {
  int line = -1;
  int last = -1;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const auto l = static_cast<int>(doc.sentences[doc.mentions[m].sentence].span.line);
    if (doc.entity_of_mention[m] < 0 || !doc.header_line[static_cast<std::size_t>(l)] ||
        (line >= 0 && l != line)) {
      continue;
    }
    line = l;
    last = doc.entity_of_mention[m];
  }
  return last >= 0 && entities[last].type == EntityType::kTeam ? last : -1;
}

// The topic organization's relation to each item of a list section that has one (doc.section_items:
// the products a company page lists under "주요 제품" are the company's, the people a lab page
// lists under "구성원" work there). A member_of section relates each item to the team the
// document speaks for instead (a team's report's "Who's on the team", a lab page's "PhD
// students"), and only in a document that has one. On a page about a team (its own, or the one
// its header names last), people listed as working at the topic are the team's members.
void add_section_relations(const StageContext& ctx, const DocumentAnalysis& doc,
                           const std::vector<LocalEntity>& entities,
                           std::vector<RelationCandidate>& out) {
  const int page = doc.own_team >= 0 ? doc.own_team : page_team(doc, entities);
  for (const SectionItem& item : doc.section_items) {
    const ListSection& section = ctx.rules.layout.list_sections[item.section];
    if (!section.relation) {
      continue;
    }
    const bool works = *section.relation == RT::kWorksAt;
    const RT type = works && page >= 0 ? RT::kMemberOf : *section.relation;
    // A use runs to the product the page is about: the companies a project's README lists
    // under "Used by" use the project. So does a rivalry of products: the apps a review lists
    // under "How it compares" compete with the one reviewed.
    const bool product_side =
        type == RT::kUses || (type == RT::kCompetesWith && section.type == EntityType::kProduct);
    const int topic = product_side ? doc.topic_product : doc.topic;
    const int side = type != RT::kMemberOf ? topic : works ? page : doc.own_team;
    if (side < 0) {
      continue;
    }
    for (const int e : named_within(doc, item.sentence, item.begin, item.end)) {
      // The relation runs from the item where only that way round fits its types: a member
      // listed under "구성원" works at the topic.
      const bool from_item = !relation_allowed(type, entities[side].type, entities[e].type) &&
                             relation_allowed(type, entities[e].type, entities[side].type);
      add_layout_relation(entities,
                          {.source = from_item ? e : side,
                           .target = from_item ? side : e,
                           .type = type,
                           .confidence = section.confidence,
                           .sentence = item.sentence,
                           .rule = "section",
                           .from_context = true},
                          out);
    }
  }
}

}  // namespace

bool relation_allowed(RT type, ET s, ET t) {
  auto in = [](ET x, std::initializer_list<ET> set) {
    return std::find(set.begin(), set.end(), x) != set.end();
  };
  switch (type) {
    case RT::kWorksAt:
      return s == ET::kPerson && t == ET::kOrganization;
    case RT::kMemberOf:
      return s == ET::kPerson && t == ET::kTeam;
    case RT::kLeads:
      return s == ET::kPerson && in(t, {ET::kOrganization, ET::kTeam, ET::kProduct});
    case RT::kFounded:
      return s == ET::kPerson && t == ET::kOrganization;
    case RT::kPartOf:
      return (s == ET::kTeam && in(t, {ET::kOrganization, ET::kTeam})) ||
             (s == ET::kProduct && t == ET::kProduct);
    case RT::kDevelops:
      return in(s, {ET::kOrganization, ET::kTeam, ET::kPerson}) && in(t, {ET::kProduct, ET::kTool});
    case RT::kUses:
      return in(s, {ET::kOrganization, ET::kTeam, ET::kPerson, ET::kProduct}) &&
             in(t, {ET::kTool, ET::kProduct});
    case RT::kCompetesWith:
      // Tools compete too: cloud platforms, databases (Azure and AWS).
      return (s == ET::kOrganization && t == ET::kOrganization) ||
             (s == ET::kProduct && t == ET::kProduct) || (s == ET::kTool && t == ET::kTool);
    case RT::kPartnersWith:
      return s == ET::kOrganization && t == ET::kOrganization;
    case RT::kInvestsIn:
      return in(s, {ET::kOrganization, ET::kPerson}) && t == ET::kOrganization;
    case RT::kAcquires:
      return s == ET::kOrganization && in(t, {ET::kOrganization, ET::kProduct});
  }
  return false;
}

Result<std::vector<RelationCandidate>> extract_relations(const StageContext& ctx,
                                                         const DocumentAnalysis& doc,
                                                         const std::vector<LocalEntity>& entities) {
  // (pair, sentence, conflict group) -> the best candidate there.
  std::map<std::tuple<int, int, std::uint32_t, int>, RelationCandidate> best;
  // Scratch of the calling thread, reused from document to document.
  thread_local RuleFilter::Facts facts;
  thread_local std::vector<std::uint64_t> bits;
  thread_local std::vector<std::uint32_t> candidates_here;
  thread_local std::vector<std::uint32_t> starts;
  thread_local std::vector<PatternMatch> matches;
  thread_local UnitAnswers answers;
  // The sources of the relations found in the sentence before and in this one.
  std::set<std::pair<int, RT>> previous_sources;
  std::set<std::pair<int, RT>> sources_here;
  std::set<int> previous_invested;
  std::set<int> invested_here;
  int writer_team = -1;  // SentenceScope::writer_team
  std::uint32_t writer_team_sentence = UINT32_MAX;
  // The investors and buyers a rule's own words name, by sentence, whichever candidate wins
  // for the pair.
  std::set<std::tuple<std::uint32_t, int, RT>> dealers;  // (sentence, entity, type)
  std::map<std::uint32_t, bool> voice;  // rule -> whether the document is in its voice
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    previous_sources.clear();
    std::swap(previous_sources, sources_here);
    previous_invested.clear();
    std::swap(previous_invested, invested_here);
    if (s.boilerplate) {
      continue;
    }
    // A bulleted item starts afresh: the sentence before it, on another line, is another item's
    // (or the heading's) and its subject is not this one's ("- 가온헬스는 … 영입했다." over "-
    // 한빛페이의 모하람 대표가 물러나고 표가을 부사장이 새 대표를 맡는다.").
    const bool new_item = si > 0 && doc.sentences[si - 1].span.line != s.span.line &&
                          doc.segmentation.lines[s.span.line].kind == LineKind::kListItem;
    const SentenceAnalysis* previous = si > 0 && !doc.sentences[si - 1].boilerplate && !new_item
                                           ? &doc.sentences[si - 1]
                                           : nullptr;
    const SentenceScope sc{doc,
                           s,
                           si,
                           entities,
                           previous,
                           previous_sources,
                           previous_invested,
                           writer_team,
                           ctx.rules.layout,
                           ctx.rules.name_endings.titles,
                           ctx.rules.name_endings.heads};
    ctx.filter.facts(s, doc, facts);
    answers.start(ctx.order.relation_shared, static_cast<std::uint32_t>(s.units.size()));
    const bool respectively = pairs_in_order(ctx.rules.layout, doc, s);
    // The rules, as written, that the sentence may run.
    const RuleIndex& index = ctx.order.relation[static_cast<std::size_t>(s.lang)];
    index.candidates(facts.held(), bits, candidates_here);
    for (const std::uint32_t at : candidates_here) {
      const std::uint32_t r = index.rules()[at];
      const RelationRule& rule = ctx.rules.relation_rules[r];
      const PatternNeeds& needs = ctx.filter.relation_rule(r);
      if (!facts.may_match(needs)) {
        continue;
      }
      if (rule.voice_words != nullptr) {
        auto [known, fresh] = voice.try_emplace(r, false);
        if (fresh) {
          known->second = in_voice_of(doc, rule.voice_words, rule.voice_endings, rule.voice_min);
        }
        if (!known->second) {
          continue;
        }
      }
      facts.starts(needs, starts);
      if (starts.empty()) {
        continue;  // no unit the first element can be
      }
      matches.clear();
      if (Status found = ctx.matcher.match_each(rule.pattern, rule.captures.size(), s, doc, starts,
                                                matches, &answers, ctx.order.relation_first[r]);
          !found.ok()) {
        return Status(found.code(), "rule \"" + rule.id + "\": " + found.message(),
                      {.file = rule.file, .pointer = rule.pointer});
      }
      // Where lists pair member by member, a match that starts inside the source list
      // ("누리게임즈는 … 모아랩스와 한빛미디어를") would pair its part of the list with all
      // targets: only the earliest match ending at a unit counts.
      std::map<std::uint32_t, std::uint32_t> earliest;  // match end -> earliest begin
      if (respectively) {
        for (const PatternMatch& m : matches) {
          const auto slot = earliest.try_emplace(m.end, m.begin).first;
          slot->second = std::min(slot->second, m.begin);
        }
      }
      for (const PatternMatch& m : matches) {
        if (m.end == m.begin || (respectively && earliest[m.end] < m.begin)) {
          continue;
        }
        const std::vector<RT> types = relations_of(sc, rule, m);
        if (types.empty() || blocked(sc, rule, m)) {
          continue;
        }
        bool from_context = false;
        const bool symmetric = std::ranges::all_of(types, is_symmetric);
        const std::vector<int> sources = resolve(sc, rule.source, m, symmetric, from_context);
        const std::vector<int> targets =
            resolve(sc, rule.target, m, symmetric, from_context, types);
        // "A와 B는 각각 X와 Y를 인수했다": A bought X and B bought Y. With two lists of different
        // lengths the sentence does not say who goes with whom: nothing. One side alone is
        // each one's ("A와 B가 각각 X에 투자했다").
        const bool respective = rule.source.kind == Ref::Kind::kCapture &&
                                rule.target.kind == Ref::Kind::kCapture && respectively;
        if (respective && sources.size() != targets.size() &&
            std::min(sources.size(), targets.size()) > 1) {
          continue;
        }
        const bool in_order = respective && sources.size() > 1 && sources.size() == targets.size();
        // An end the sentence does not name (the topic, a section's, the sentence before's)
        // makes a weaker relation than one the sentence states.
        const double confidence =
            from_context ? rule.confidence * kFromContextConfidence : rule.confidence;
        for (std::size_t i = 0; i < sources.size(); ++i) {
          const int src = sources[i];
          for (std::size_t j = 0; j < targets.size(); ++j) {
            const int dst = targets[j];
            if (in_order && i != j) {
              continue;
            }
            for (const RT type : types) {
              if (src == dst || !relation_allowed(type, entities[src].type, entities[dst].type)) {
                continue;
              }
              if (rule.source.kind == Ref::Kind::kCapture &&
                  (type == RT::kInvestsIn || type == RT::kAcquires)) {
                dealers.emplace(si, src, type);
              }
              auto key =
                  std::make_tuple(std::min(src, dst), std::max(src, dst), si, conflict_group(type));
              auto it = best.find(key);
              if (it == best.end() || std::tie(rule.priority, confidence) >
                                          std::tie(it->second.priority, it->second.confidence)) {
                sources_here.emplace(src, type);
                if (type == RT::kInvestsIn) {
                  invested_here.insert(dst);
                }
                // The writer's team, until a later sentence has the writer join an
                // organization ("I was on the Billing team. In May I joined Vela."), whose
                // "we" that team is not.
                if (src == doc.writer.post && !rule.former) {
                  if (writer_team < 0 && rule.writer_team &&
                      entities[dst].type == EntityType::kTeam) {
                    writer_team = dst;
                    writer_team_sentence = si;
                  } else if (type == RT::kWorksAt && si != writer_team_sentence) {
                    writer_team = -1;
                  }
                }
                best.insert_or_assign(
                    key,
                    RelationCandidate{src, dst, type, confidence, rule.priority, si, rule.id,
                                      matched_text(sc, m), rule.source.kind != Ref::Kind::kCapture,
                                      rule.target.kind != Ref::Kind::kCapture, from_context,
                                      rule.yields, rule.former, m.begin, m.end});
              }
            }
          }
        }
      }
    }
  }
  // Where a rule's own words name both ends, a relation of that kind whose other end
  // was only searched for in the same sentence yields to it: "HyperCLOVA X 기반 비서
  // '클로바 데스크' 출시…삼성SDS와 손잡고" says the assistant uses HyperCLOVA X, not Samsung
  // SDS; "소프트뱅크벤처스의 박서윤 수석심사역" works at SoftBank Ventures, not at the
  // company the sentence is about.
  // A source stated with a team does not make a searched organization yield ("신임 CTO로는
  // 이상호 커머스사업부장이": he heads the unit and is the previous sentence's company's CTO).
  // Making and using yield to each other only where the same words say both (the matches share
  // more than the product): "'모아톡'을 운영 중인 누리소프트와 가온네트웍스가" says who runs
  // 모아톡, but in "누리랩스는 오픈AI의 챗GPT를 활용한다" OpenAI makes ChatGPT and 누리랩스 uses
  // it.
  // Nor is the company invested in or bought one that the sentence names as an investor or a
  // buyer: in "A and B co-led the round, with backing from C and D", C backs the company the
  // round is for, not B, and D is no company A invests in.
  using Stated = std::map<std::pair<std::uint32_t, int>, std::vector<const RelationCandidate*>>;
  Stated by_target;  // (sentence, entity)
  Stated by_source;
  for (const auto& [key, c] : best) {
    if (!c.searched_source && !c.searched_target && !c.former) {
      by_target[{c.sentence, c.target}].push_back(&c);
      by_source[{c.sentence, c.source}].push_back(&c);
    }
  }
  const auto same_claim = [&](const RelationCandidate& c, const RelationCandidate& s) {
    return conflict_group(s.type) == conflict_group(c.type) &&
           (s.type == c.type || conflict_group(c.type) != conflict_group(RT::kUses) ||
            std::min(s.match_end, c.match_end) >= std::max(s.match_begin, c.match_begin) + 2);
  };
  const auto gives_way = [&](const RelationCandidate& c) {
    if (c.searched_source) {
      if (auto it = by_target.find({c.sentence, c.target});
          it != by_target.end() &&
          std::ranges::any_of(it->second, [&](auto* s) { return same_claim(c, *s); })) {
        return true;
      }
    }
    if (c.searched_target && dealers.contains({c.sentence, c.target, c.type})) {
      return true;
    }
    if (c.searched_target) {
      if (auto it = by_source.find({c.sentence, c.source});
          it != by_source.end() && std::ranges::any_of(it->second, [&](auto* s) {
            return same_claim(c, *s) && entities[s->target].type == entities[c.target].type;
          })) {
        return true;
      }
    }
    return false;
  };
  std::vector<RelationCandidate> out;
  for (auto& [key, c] : best) {
    const bool yields = c.yields && gives_way(c);
    if (c.confidence >= ctx.options.min_confidence && !yields) {
      out.push_back(std::move(c));
    }
  }
  drop_context_affiliations(entities, out);
  add_table_relations(ctx, doc, entities, out);
  add_section_relations(ctx, doc, entities, out);
  add_outline_relations(ctx, doc, entities, out);
  apply_document_rules(ctx, doc, entities, out);
  // A product named after one company ("Vela Edge", by a named_after rule or by a rule that
  // names both) is not made by another that a rule found outside the sentence: "Its platform
  // includes Vela Edge" after a sentence that opens with someone else, or in an article
  // about someone else.
  std::map<int, int> maker_by_name;  // target -> source
  for (const RelationCandidate& c : out) {
    if (c.type == RT::kDevelops &&
        (std::ranges::any_of(ctx.rules.document_rules,
                             [&](const DocumentRule& r) {
                               return r.kind == DocumentRuleKind::kNamedAfter && r.id == c.rule;
                             }) ||
         (!c.searched_source &&
          entities[c.target].name.starts_with(entities[c.source].name + " ")))) {
      maker_by_name.emplace(c.target, c.source);
    }
  }
  std::erase_if(out, [&](const RelationCandidate& c) {
    const auto it = maker_by_name.find(c.target);
    return c.type == RT::kDevelops && c.searched_source && c.from_context &&
           it != maker_by_name.end() && it->second != c.source;
  });
  // What an organization makes, it does not merely use.
  std::set<std::pair<int, int>> developed;
  for (const RelationCandidate& c : out) {
    if (c.type == RT::kDevelops) {
      developed.emplace(c.source, c.target);
    }
  }
  // Nor does it "use" what the gazetteer says it makes: in "아마존은 아마존 베드록을 통해
  // 모델을 제공한다" Amazon offers Bedrock.
  auto maker_of = [&](int source, int target) {
    const int entry = entities[target].entry;
    return entry >= 0 && entities[source].type == ET::kOrganization &&
           !ctx.rules.gazetteer[entry].by().empty() &&
           name_key(ctx.rules.gazetteer[entry].by()) == name_key(entities[source].name);
  };
  // Nor is one name said to use a longer name that holds it ("Copilot" and "GitHub
  // Copilot" are one product written two ways; "Amazon" and "Amazon Bedrock", its maker).
  auto nested = [&](int a, int b) {
    const std::string ka = name_key(entities[a].name);
    const std::string kb = name_key(entities[b].name);
    return !ka.empty() && !kb.empty() &&
           (ka.find(kb) != std::string::npos || kb.find(ka) != std::string::npos);
  };
  std::erase_if(out, [&](const RelationCandidate& c) {
    return c.type == RT::kUses && (developed.contains({c.source, c.target}) ||
                                   maker_of(c.source, c.target) || nested(c.source, c.target));
  });
  // In reading order, so evidence offsets are counted in one pass.
  std::stable_sort(out.begin(), out.end(),
                   [](const RelationCandidate& a, const RelationCandidate& b) {
                     return a.sentence < b.sentence;
                   });
  std::erase_if(
      out, [&](const RelationCandidate& c) { return c.confidence < ctx.options.min_confidence; });
  return out;
}

}  // namespace kgex
