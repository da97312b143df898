#include "extractor/match/pattern_matcher.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <functional>
#include <numeric>
#include <optional>

#include "core/group_by_key.h"
#include "extractor/match/regex.h"
#include "extractor/match/regex_affixes.h"
#include "extractor/text/tokenizer.h"

namespace kgex {
namespace {

// Sets the bit of each set of `ids` in `bits`.
void set_bits(std::span<const std::uint32_t> ids, std::vector<std::uint64_t>& bits) {
  for (const std::uint32_t id : ids) {
    bits[id / 64] |= std::uint64_t{1} << (id % 64);
  }
}

// ORs `masks` into `bits`.
void or_masks(std::span<const SetMask> masks, std::vector<std::uint64_t>& bits) {
  for (const SetMask& m : masks) {
    bits[m.chunk] |= m.bits;
  }
}

constexpr std::uint32_t kMaxParenthetical = 8;
constexpr std::size_t kScripts = static_cast<std::size_t>(Script::kPunct) + 1;
constexpr std::size_t kMaxRegexToken = 256;

bool is_clause_break(const Token& t) {
  const std::string_view w = t.text;  // compared inline, without a call per literal
  return t.script == Script::kPunct && (w == ";" || w == ":" || w == "|");
}

// Whether token `t` is the one character `c`, compared inline.
bool is_char(const Token& t, char c) { return t.text.size() == 1 && t.text[0] == c; }

// Particles that join the members of a coordinated list (A와 B, A나 B).
bool is_coordinating_particle(std::string_view p) {
  return p == "와" || p == "과" || p == "나" || p == "이나" || p == "랑" || p == "이랑" ||
         p == "하고" || p == "및";
}

// Separators between members; the triangles mark the items of a list in Korean news
// (▲A ▲B ▲C 등으로부터).
bool is_list_separator(const Token& t) {
  const std::string_view w = t.folded;  // compared inline, without a call per literal
  return w == "," || w == "/" || w == "\xC2\xB7" || w == "&" || w == "+" || w == "및" ||
         w == "and" || w == "or" || w == "그리고" || w == "\xE2\x96\xB2" || w == "\xE2\x96\xB3";
}

// Whether unit `u` is a quotation mark.
bool is_quote(const SentenceAnalysis& s, const Unit& u) {
  if (u.mention >= 0) {
    return false;
  }
  return s.tokens[u.begin].quote_mark();
}

// Whether unit `u` sets off a field of a header line: a middle dot or a bar.
bool is_field_separator(const SentenceAnalysis& s, const Unit& u) {
  if (u.mention >= 0) {
    return false;
  }
  const std::string_view w = s.tokens[u.begin].folded;
  return w == "\xC2\xB7" || w == "|";
}

// The unit after member `i`: past its closing quote when the member is quoted ('A', 'B'를),
// for the quote carries the member's particle.
std::uint32_t member_end(const SentenceAnalysis& s, std::uint32_t i) {
  const std::vector<Unit>& units = s.units;
  const bool quoted = units[i].particle.empty() && i > 0 && is_quote(s, units[i - 1]) &&
                      i + 1 < units.size() && is_quote(s, units[i + 1]);
  return quoted ? i + 2 : i + 1;
}

// The unit after a parenthetical written onto the mention before it ("SK스퀘어(대표 박정호)와"),
// whose particle that mention took (build_units); `at` itself when none starts there. One set
// apart ("Loki, Tempo (관측팀 운영)") says something of its own.
std::uint32_t past_parenthetical(const SentenceAnalysis& s, std::uint32_t at) {
  const std::vector<Unit>& units = s.units;
  if (at >= units.size() || units[at].mention >= 0 || s.tokens[units[at].begin].text != "(" ||
      s.tokens[units[at].begin].space_before || units[at - 1].mention < 0) {
    return at;
  }
  for (std::uint32_t j = at + 1; j < units.size() && j <= at + kMaxParenthetical; ++j) {
    const std::string_view w = s.tokens[units[j].begin].text;
    if (units[j].mention < 0 && w == "(") {
      break;
    }
    if (units[j].mention < 0 && w == ")") {
      return units[j].particle == units[at - 1].particle ? j + 1 : at;
    }
  }
  return at;
}

// Coordinated lists of an element at one position: their members are the first
// `lengths` units of `members`, longest list first; member k ends before unit `ends[k]`.
struct Lists {
  std::vector<std::uint32_t> members;
  std::vector<std::uint32_t> ends;
  std::vector<std::uint32_t> lengths;
};

struct Context {
  const std::vector<Element>& pattern;
  std::size_t elements;  // pattern.size()
  const SentenceAnalysis& s;
  std::uint32_t units;  // s.units.size()
  const DocumentAnalysis& doc;
  const Gazetteer& gazetteer;
  const WordSet* member_titles;  // see PatternMatcher
  // Scratch of the calling thread, reused from attempt to attempt so that failed
  // attempts allocate nothing; copied into the PatternMatch when one succeeds.
  std::vector<std::vector<std::uint32_t>>& captures;
  std::vector<Lists>& lists;  // per pattern element, scratch as well
  // unit_passes of element e on unit u, at [e * units + u]: 0 not tested yet, 1 fails,
  // 2 passes. The starts of one rule test the same elements on the same units again and again.
  std::vector<std::uint8_t>& passes;
  // Those of the first element: in `passes`, or kept for the rules that share it (UnitAnswers).
  std::uint8_t* first_passes;
  std::optional<Status> error;  // the first error, if any: a Status is costly to construct
};

// The tests of `t` that compare a field of the token: the cheapest, and they reject most
// tokens. Inline, as kind_fields_pass: GCC takes the hint, and they run for every unit a rule
// tests.
inline bool token_fields_pass(const TokenTest& t, const Token& tok) {
  if (t.script && *t.script != tok.script) {
    return false;
  }
  if (t.space_before && *t.space_before != tok.space_before) {
    return false;
  }
  if (t.shape) {
    switch (*t.shape) {
      case Shape::kCapitalized:
        return tok.capitalized;
      case Shape::kUpper:
        return tok.all_upper;
      case Shape::kLower:
        return !tok.capitalized && !tok.all_upper;
      case Shape::kHasDigit:
        return tok.has_digit;
    }
  }
  return true;
}

// The tests of `t` that read the token's folded form alone (whose StringHash is `hash`): word
// lists and the gazetteer.
bool word_lookups_pass(const Context& ctx, const TokenTest& t, const Token& tok, std::size_t hash) {
  if (t.text && !t.text->contains(tok.folded, hash)) {
    return false;
  }
  if (!t.starts.empty() && !t.starts.starts(tok.folded)) {
    return false;
  }
  if (!t.ends.empty() && !t.ends.ends(tok.folded)) {
    return false;
  }
  return !t.known || *t.known == ctx.gazetteer.is_name_word(tok.folded, hash);
}

// The other tests of `t`: word lists, the gazetteer and the regex. Every test must hold, and
// the regex, the only one that can fail with an error, stays last, so the order of the tests
// changes no answer. The word tests of a numbered token are answered once per word
// (WordAnswers).
bool token_lookups_pass(Context& ctx, const TokenTest& t, std::uint32_t token) {
  const Token& tok = ctx.s.tokens[token];
  if (t.text || !t.starts.empty() || !t.ends.empty() || t.known) {
    const std::size_t hash = ctx.s.filter.folded_hashes[token];
    const auto answer = [&] { return word_lookups_pass(ctx, t, tok, hash); };
    WordAnswers* answers = ctx.doc.word_answers;
    const bool numbered =
        answers != nullptr && ctx.doc.words != nullptr && tok.word < ctx.doc.words->size();
    if (!(numbered ? answers->of(&t, tok.word, answer) : answer())) {
      return false;
    }
  }
  if (t.regex) {
    // No name is this long; a huge token (a pasted blob) never matches a regex test.
    if (tok.text.size() > kMaxRegexToken) {
      return false;
    }
    Result<bool> m = t.regex->full_match(tok.text);
    if (!m.ok()) {
      if (!ctx.error) {
        ctx.error = m.status();
      }
      return false;
    }
    if (!m.value()) {
      return false;
    }
  }
  return true;
}

// The tests of `el`'s kind on `u` that compare fields: the mention's type, or the token's.
inline bool kind_fields_pass(const Context& ctx, const Element& el, const Unit& u) {
  switch (el.kind) {
    case ElementKind::kAny:
      return true;
    case ElementKind::kEntity:
      return u.mention >= 0 && (el.types & type_bit(ctx.doc.mentions[u.mention].type)) &&
             (!el.listed || *el.listed == (ctx.doc.mentions[u.mention].entry >= 0)) &&
             (!el.names || el.names->contains(fold_case(ctx.doc.mentions[u.mention].name())));
    case ElementKind::kToken:
      return u.mention < 0 && token_fields_pass(el.test, ctx.s.tokens[u.begin]);
  }
  return true;
}

// The tests of `el` on `u` other than its particle and negations.
bool unit_kind_passes(Context& ctx, const Element& el, const Unit& u) {
  return kind_fields_pass(ctx, el, u) &&
         (el.kind != ElementKind::kToken || token_lookups_pass(ctx, el.test, u.begin));
}

bool unit_passes(Context& ctx, const Element& el, const Unit& u) {
  // The fields first, then the particle (a set lookup that rejects most units before a
  // regex runs), then the token's lookups.
  if (!kind_fields_pass(ctx, el, u) || (el.particle && !el.particle->contains(u.particle)) ||
      (el.kind == ElementKind::kToken && !token_lookups_pass(ctx, el.test, u.begin))) {
    return false;
  }
  return std::none_of(el.negated.begin(), el.negated.end(),
                      [&](const auto& neg) { return unit_passes(ctx, *neg, u); });
}

// unit_passes of pattern element `ei` on unit `u`, tested once per match_each call (or per
// sentence, with UnitAnswers).
bool element_passes(Context& ctx, std::size_t ei, std::uint32_t u) {
  std::uint8_t& known = (ei == 0 ? ctx.first_passes : ctx.passes.data() + ei * ctx.units)[u];
  if (known == 0) {
    known = unit_passes(ctx, ctx.pattern[ei], ctx.s.units[u]) ? 2 : 1;
  }
  return known == 2;
}

// Past the title that follows person unit `at - 1` ("김하늘 대표와"), with a gloss of it in
// parentheses ("최고운영책임자(COO·부사장)와"), which then carries the particle, or past a title
// alone in parentheses ("Ada Obi (CEO) and Tom Park (CTO)"); `at` itself when no title follows.
std::uint32_t past_member_title(const Context& ctx, std::uint32_t at) {
  const std::vector<Unit>& units = ctx.s.units;
  const auto n = static_cast<std::uint32_t>(units.size());
  const Unit& name = units[at - 1];
  if (ctx.member_titles == nullptr || at >= n || name.mention < 0 ||
      ctx.doc.mentions[name.mention].type != EntityType::kPerson || !name.particle.empty() ||
      units[at].mention >= 0) {
    return at;
  }
  const auto is_title = [&](std::uint32_t u) {
    return units[u].mention < 0 && ctx.member_titles->contains(ctx.s.tokens[units[u].begin].folded);
  };
  if (ctx.s.tokens[units[at].begin].text == "(") {
    const bool closed = at + 2 < n && is_title(at + 1) && units[at + 1].particle.empty() &&
                        units[at + 2].mention < 0 && ctx.s.tokens[units[at + 2].begin].text == ")";
    return closed ? at + 3 : at;
  }
  if (!is_title(at)) {
    return at;
  }
  const std::uint32_t after = at + 1;
  if (!units[at].particle.empty() || after >= n || units[after].mention >= 0 ||
      ctx.s.tokens[units[after].begin].text != "(") {
    return after;
  }
  for (std::uint32_t j = after + 1; j < n && j <= after + kMaxParenthetical; ++j) {
    if (units[j].mention < 0 && ctx.s.tokens[units[j].begin].text == ")") {
      return j + 1;
    }
  }
  return after;
}

// The coordinated lists of `el` that start at `at`. Members may be quoted ('A', 'B'를), and
// people may carry titles (past_member_title) before the word that joins the next member.
void lists_at(Context& ctx, const Element& el, std::uint32_t at, Lists& out) {
  const std::vector<Unit>& units = ctx.s.units;
  out.members.clear();
  out.ends.clear();
  out.lengths.clear();
  std::uint32_t i = at;
  // Each member passes the element's own tests; its particle and negations
  // apply to the list's last member only (below).
  while (i < units.size() && unit_kind_passes(ctx, el, units[i])) {
    // A parenthetical after the member ("A(대표 X)와 B(대표 Y)는") is part of it.
    const std::uint32_t end = past_parenthetical(ctx.s, member_end(ctx.s, i));
    out.members.push_back(i);
    out.ends.push_back(end);
    out.lengths.push_back(static_cast<std::uint32_t>(out.members.size()));
    // Where the word joining the next member is: after the member, or after its title. A list
    // that stops at this member ends before the title, which a later element may match.
    const std::uint32_t joint = past_member_title(ctx, end);
    const std::string_view particle = units[joint - 1].particle;
    std::uint32_t next = joint;
    if (!is_coordinating_particle(particle)) {
      if (!particle.empty()) {
        break;
      }
      // separators: "," "/" "·" "및" "and" ", and"
      while (next < units.size() && units[next].mention < 0 &&
             is_list_separator(ctx.s.tokens[units[next].begin]) && next - joint < 2) {
        ++next;
      }
      if (next == joint) {
        break;
      }
      // In Korean a description may open the next member after a comma ("가온클라우드, AI 비전
      // 검사 스타트업 누리아이와"): up to four words with no particle, then the member.
      constexpr std::uint32_t kDescription = 4;
      std::uint32_t named = next;
      while (ctx.s.lang == Lang::kKo && named < units.size() && named - next < kDescription &&
             units[named].mention < 0 && units[named].particle.empty() &&
             (ctx.s.tokens[units[named].begin].script == Script::kHangul ||
              ctx.s.tokens[units[named].begin].script == Script::kLatin)) {
        ++named;
      }
      if (named > next && named < units.size() && ctx.s.tokens[units[next - 1].begin].text == "," &&
          unit_kind_passes(ctx, el, units[named])) {
        next = named;
      }
      // In English an article or a possessive may open the next member ("the Claims team and the
      // Search squad", "Acme and its Ledger team").
      static constexpr std::array<std::string_view, 6> kDeterminers = {"the",   "its", "our",
                                                                       "their", "his", "her"};
      if (ctx.s.lang == Lang::kEn && next + 1 < units.size() && units[next].mention < 0 &&
          std::find(kDeterminers.begin(), kDeterminers.end(),
                    std::string_view(ctx.s.tokens[units[next].begin].folded)) !=
              kDeterminers.end() &&
          unit_kind_passes(ctx, el, units[next + 1])) {
        ++next;
      }
    }
    // In Korean a description with the copula may open the next member after 와/과 ("한빛캐피탈과
    // 기존 투자사인 누리벤처스가"): up to two words, the last with 인, then the member.
    if (ctx.s.lang == Lang::kKo && is_coordinating_particle(particle)) {
      std::uint32_t described = next;
      while (described < units.size() && described - next < 2 && units[described].mention < 0 &&
             units[described].particle.empty() &&
             ctx.s.tokens[units[described].begin].script == Script::kHangul) {
        ++described;
      }
      if (described + 1 < units.size() && units[described].mention < 0 &&
          units[described].particle == "\xEC\x9D\xB8" &&  // 인
          ctx.s.tokens[units[described].begin].script == Script::kHangul &&
          unit_kind_passes(ctx, el, units[described + 1])) {
        next = described + 1;
      }
    }
    // The next member's opening quote.
    if (next + 1 < units.size() && is_quote(ctx.s, units[next]) && units[next].particle.empty()) {
      ++next;
    }
    i = next;
  }
  std::reverse(out.lengths.begin(), out.lengths.end());
  // An English member set off by a bare comma and followed by a verb in lower case opens a clause
  // of its own, not the list: in "a former engineer at Apple, Vela builds software" Vela is the
  // sentence's subject. So does a second member set off by a comma and "and": the comma before
  // "and" closes a list of three or more, so with two names it joins clauses ("Kivu tried it
  // when it bought Orbo, and Vela tried it too": Kivu did not buy Vela).
  const auto opens_clause = [&](std::uint32_t length) {
    if (ctx.s.lang != Lang::kEn || length < 2) {
      return false;
    }
    const std::uint32_t member = out.members[length - 1];
    for (std::uint32_t j = out.ends[length - 2]; j < member; ++j) {
      const std::string_view word = ctx.s.tokens[units[j].begin].folded;
      const bool joined = length == 2 && j > out.ends[length - 2] && word == "and";
      if (units[j].mention >= 0 || (word != "," && !joined)) {
        return false;
      }
    }
    const std::uint32_t after = out.ends[length - 1];
    if (after >= units.size() || units[after].mention >= 0) {
      return false;
    }
    const Token& next = ctx.s.tokens[units[after].begin];
    static constexpr std::array<std::string_view, 14> kJoining = {
        "and", "or",   "in", "on", "at", "for", "with",
        "to",  "from", "as", "by", "of", "via", "plus"};
    return next.script == Script::kLatin && !next.capitalized && !next.all_upper &&
           std::find(kJoining.begin(), kJoining.end(), std::string_view(next.folded)) ==
               kJoining.end();
  };
  // The list's own tests (particle, negation) apply to its last member.
  std::erase_if(out.lengths, [&](std::uint32_t length) {
    if (opens_clause(length)) {
      return true;
    }
    const Unit& last = units[out.members[length - 1]];
    const std::string_view particle = units[out.ends[length - 1] - 1].particle;
    return (el.particle && !el.particle->contains(particle)) ||
           std::any_of(el.negated.begin(), el.negated.end(),
                       [&](const auto& neg) { return unit_passes(ctx, *neg, last); });
  });
}

bool match_from(Context& ctx, std::size_t ei, std::uint32_t ui, std::uint32_t& end) {
  if (ei == ctx.elements) {
    end = ui;
    return true;
  }
  const Element& el = ctx.pattern[ei];
  const std::uint32_t n = ctx.units;
  if (el.anchor == Anchor::kStart && ui != 0) {
    return false;
  }
  // The next element when it must match the unit this one ends before: a required element, not
  // a list, not anchored at the start. match_from(ei + 1, after) fails at once unless it passes
  // unit `after`, which is tested first (and kept) instead of after holding a capture and
  // recursing, for each length the element tries.
  const Element* required_next = nullptr;
  if (ei + 1 < ctx.elements) {
    const Element& next = ctx.pattern[ei + 1];
    if (next.min >= 1 && !(next.kind == ElementKind::kEntity && next.list) &&
        next.anchor != Anchor::kStart) {
      required_next = &next;
    }
  }
  // `hold` fills the element's capture with the units it matched.
  auto finish = [&](std::uint32_t after, auto&& hold) {
    if (el.anchor == Anchor::kEnd && after != n) {
      return false;
    }
    if (el.anchor == Anchor::kFieldEnd && after != n &&
        !is_field_separator(ctx.s, ctx.s.units[after])) {
      return false;
    }
    if (required_next != nullptr && (after >= n || !element_passes(ctx, ei + 1, after))) {
      return false;
    }
    if (el.capture >= 0) {
      hold(ctx.captures[el.capture]);
    }
    if (match_from(ctx, ei + 1, after, end)) {
      return true;
    }
    if (el.capture >= 0) {
      ctx.captures[el.capture].clear();
    }
    return false;
  };
  if (el.kind == ElementKind::kEntity && el.list) {
    Lists& lists = ctx.lists[ei];
    lists_at(ctx, el, ui, lists);
    for (const std::uint32_t length : lists.lengths) {
      const auto members = lists.members.begin();
      const std::uint32_t after = lists.ends[length - 1];
      if (finish(after, [&](std::vector<std::uint32_t>& held) {
            held.assign(members, members + length);
          })) {
        return true;
      }
      if (ctx.error) {
        return false;
      }
    }
    return el.min == 0 && finish(ui, [](std::vector<std::uint32_t>& held) { held.clear(); });
  }
  std::uint32_t run = 0;
  while (run < static_cast<std::uint32_t>(el.max) && ui + run < n &&
         element_passes(ctx, ei, ui + run)) {
    ++run;
  }
  if (ctx.error) {
    return false;
  }
  // A gap before a list gives up the list's earlier members: in "A는 B와 C를 인수했다" the
  // list is "B와 C", not "C" after a gap that took "B와".
  const Element* list_next = ei + 1 < ctx.elements &&
                                     ctx.pattern[ei + 1].kind == ElementKind::kEntity &&
                                     ctx.pattern[ei + 1].list
                                 ? &ctx.pattern[ei + 1]
                                 : nullptr;
  // Whether the list's member would end at unit `end` (before a separator or a coordinating
  // particle), quoted or not.
  const auto member_before = [&](std::uint32_t end) {
    const std::vector<Unit>& units = ctx.s.units;
    if (end > ui && unit_kind_passes(ctx, *list_next, units[end - 1])) {
      return true;
    }
    return end > ui + 1 && is_quote(ctx.s, units[end - 1]) &&
           unit_kind_passes(ctx, *list_next, units[end - 2]) && member_end(ctx.s, end - 2) == end;
  };
  const auto joins_list = [&](std::uint32_t at) {
    const std::vector<Unit>& units = ctx.s.units;
    if (is_quote(ctx.s, units[at - 1]) && units[at - 1].particle.empty() && at > ui + 1) {
      --at;  // the member's opening quote
    }
    const Unit& before = units[at - 1];
    if (is_coordinating_particle(before.particle)) {
      return member_before(at);
    }
    return at >= ui + 2 && before.mention < 0 && before.particle.empty() &&
           is_list_separator(ctx.s.tokens[before.begin]) && units[at - 2].particle.empty() &&
           member_before(at - 1);
  };
  for (std::uint32_t c = run + 1; c-- > static_cast<std::uint32_t>(el.min);) {
    if (list_next != nullptr && c > 0 && ui + c < n && joins_list(ui + c)) {
      continue;
    }
    const auto hold = [&](std::vector<std::uint32_t>& held) {
      held.resize(c);
      std::iota(held.begin(), held.end(), ui);
    };
    if (finish(ui + c, hold)) {
      return true;
    }
    if (ctx.error) {
      return false;
    }
  }
  return false;
}

// The particle written after token `close` (a closing parenthesis): its own, or a
// particle-only token right after it.
std::string_view particle_after(const std::vector<Token>& tokens, std::uint32_t close) {
  if (!tokens[close].particle.empty()) {
    return tokens[close].particle;
  }
  const std::uint32_t next = close + 1;
  if (next < tokens.size() && tokens[next].particle_only() && !tokens[next].space_before) {
    return tokens[next].particle;
  }
  return {};
}

}  // namespace

void build_units(SentenceAnalysis& sentence, const std::vector<MentionCandidate>& mentions,
                 std::span<const int> mentions_in_sentence, bool fold_parentheticals) {
  std::vector<Unit>& units = sentence.units;
  units.clear();
  units.reserve(sentence.tokens.size());
  std::uint32_t clause = 0;
  std::size_t next_mention = 0;
  const auto& tokens = sentence.tokens;
  const auto n = static_cast<std::uint32_t>(tokens.size());
  for (std::uint32_t i = 0; i < n;) {
    const Token& t = tokens[i];
    while (next_mention < mentions_in_sentence.size() &&
           mentions[mentions_in_sentence[next_mention]].begin < i) {
      ++next_mention;  // folded into a parenthetical
    }
    if (t.particle_only() && !t.space_before && !units.empty() && units.back().particle.empty()) {
      units.back().particle = t.particle;
      units.back().end = i + 1;
      ++i;
      continue;
    }
    Unit u;
    u.clause = clause;
    if (next_mention < mentions_in_sentence.size() &&
        mentions[mentions_in_sentence[next_mention]].begin == i) {
      const MentionCandidate& m = mentions[mentions_in_sentence[next_mention]];
      u.mention = mentions_in_sentence[next_mention];
      u.begin = m.begin;
      u.end = m.end;
      u.particle = tokens[m.end - 1].particle;
      ++next_mention;
      // "앤스로픽(Anthropic)의" reads as "앤스로픽의": the parenthetical joins the mention.
      // Not one that names a person after something else: "가온셈(대표 한지우)" says who
      // leads it, while "샘 올트먼(Sam Altman)" is one person's two names; nor one that names
      // a person's organization or team: "하세린(플로우온 검색팀 리드)" says where she works.
      // The mention still takes the particle after it ("가온셈(대표 한지우)와 제휴" is a
      // partnership with 가온셈).
      // A handle in parentheses after a name joins it however it is spaced ("Ana Obi (@aobi),
      // Staff Engineer at Vela").
      // A company's legal form written with a full stop ("Vantor Inc.") and a stock ticker
      // after it ("Vantor Inc. (NASDAQ: VNTR) has agreed to buy …") are part of its mention: the
      // verb acts on the company.
      if (fold_parentheticals && u.particle.empty() && m.type == EntityType::kOrganization) {
        static constexpr std::array<std::string_view, 4> kAbbreviated = {"inc", "corp", "ltd",
                                                                         "co"};
        const auto abbreviated = [&](const Token& t) {
          return std::ranges::find(kAbbreviated, t.folded) != kAbbreviated.end();
        };
        // The legal form outside a mention of the name alone ("Datadog" + "Inc.") joins it too.
        if (u.end + 2 < n && abbreviated(tokens[u.end]) && tokens[u.end].particle.empty() &&
            is_char(tokens[u.end + 1], '.') && !tokens[u.end + 1].space_before) {
          ++u.end;
        }
        if (u.end + 1 < n && is_char(tokens[u.end], '.') && !tokens[u.end].space_before &&
            abbreviated(tokens[u.end - 1])) {
          ++u.end;
        }
        if (u.end + 4 < n && is_char(tokens[u.end], '(') && is_char(tokens[u.end + 2], ':') &&
            tokens[u.end + 1].all_upper && is_char(tokens[u.end + 4], ')')) {
          u.end += 5;
        }
      }
      const bool handle = u.end + 1 < n && tokens[u.end + 1].text.starts_with('@');
      if (fold_parentheticals && u.particle.empty() && u.end < n && is_char(tokens[u.end], '(') &&
          (!tokens[u.end].space_before || handle)) {
        for (std::uint32_t j = u.end + 1; j < n && j <= u.end + kMaxParenthetical; ++j) {
          if (is_char(tokens[j], '(')) {
            break;
          }
          if (is_char(tokens[j], ')')) {
            const bool person = m.type == EntityType::kPerson;
            const bool says_more = std::any_of(
                mentions_in_sentence.begin() + static_cast<std::ptrdiff_t>(next_mention),
                mentions_in_sentence.end(), [&](int k) {
                  const EntityType type = mentions[k].type;
                  return mentions[k].begin > u.end && mentions[k].end <= j &&
                         (person ? type == EntityType::kOrganization || type == EntityType::kTeam
                                 : type == EntityType::kPerson);
                });
            if (!says_more) {
              u.end = j + 1;
            } else {
              u.particle = particle_after(tokens, j);
            }
            break;
          }
        }
      }
      // Markdown's bold around a name ("**검색팀**은"): the name takes the particle written
      // after the closing marks.
      std::uint32_t marks = u.end;
      while (marks < n && is_char(tokens[marks], '*') && !tokens[marks].space_before) {
        ++marks;
      }
      if (u.particle.empty() && marks >= u.end + 2 && marks < n && tokens[marks].particle_only() &&
          !tokens[marks].space_before) {
        u.end = marks + 1;
        u.particle = tokens[marks].particle;
      }
    } else {
      u.begin = i;
      u.end = i + 1;
      u.particle = t.particle;
      if (is_clause_break(t)) {
        ++clause;
      }
      // "전(前)", "신임(新任)": a word glossed in Chinese characters is the word.
      if (t.script == Script::kHangul && t.particle.empty() && i + 3 < n &&
          is_char(tokens[i + 1], '(') && !tokens[i + 1].space_before &&
          tokens[i + 2].script == Script::kHan && is_char(tokens[i + 3], ')')) {
        u.end = i + 4;
        u.particle = tokens[i + 3].particle;
      }
      // Where relations are read, so is a word glossed in Latin letters with a particle after the
      // gloss ("최고정보보호책임자(CISO)가", "거대언어모델(LLM)을"): the word, with that particle.
      // Without one ("최고기술책임자(CTO) 등이") the parentheses stay for the rules to read.
      constexpr std::uint32_t kMaxGlossWords = 3;
      if (fold_parentheticals && t.script == Script::kHangul && t.particle.empty() &&
          u.end == i + 1 && i + 2 < n && is_char(tokens[i + 1], '(') &&
          !tokens[i + 1].space_before) {
        std::uint32_t close = i + 2;
        while (close < n && close <= i + 1 + kMaxGlossWords &&
               tokens[close].script == Script::kLatin && tokens[close].particle.empty()) {
          ++close;
        }
        const std::string_view after = close > i + 2 && close < n && is_char(tokens[close], ')')
                                           ? particle_after(tokens, close)
                                           : std::string_view();
        if (!after.empty()) {
          // The particle is the closing parenthesis's own or a particle-only token after it.
          u.particle = after;
          u.end = close + (tokens[close].particle.empty() ? 2 : 1);
        }
      }
      // "'레드 로버 인터랙티브'(이하 레드 로버)에": a parenthetical after a quoted mention joins
      // its closing quote, which takes the particle after it.
      const bool closing_quote = t.quote_mark() && t.particle.empty() && !units.empty() &&
                                 units.back().mention >= 0 && units.back().end == i;
      if (fold_parentheticals && closing_quote && i + 1 < n && is_char(tokens[i + 1], '(') &&
          !tokens[i + 1].space_before) {
        for (std::uint32_t j = i + 2; j < n && j <= i + 1 + kMaxParenthetical; ++j) {
          if (is_char(tokens[j], '(')) {
            break;
          }
          if (is_char(tokens[j], ')')) {
            u.end = j + 1;
            break;
          }
        }
      }
    }
    i = u.end;
    units.push_back(u);
  }
}

RuleFilter::RuleFilter(const RuleSet& rules) {
  SetNumbering word_sets{words_, {}, {}};
  SetNumbering particle_sets{particles_, {}, {}};
  AffixNumbering affix_sets{prefixes_, suffixes_, infixes_, {}, {}, {}, {}};
  entity_.reserve(rules.entity_rules.size());
  for (const EntityRule& rule : rules.entity_rules) {
    entity_.push_back(needs_of(rule.pattern, word_sets, particle_sets, affix_sets));
  }
  relation_.reserve(rules.relation_rules.size());
  for (const RelationRule& rule : rules.relation_rules) {
    relation_.push_back(needs_of(rule.pattern, word_sets, particle_sets, affix_sets));
  }
  word_sets_ = word_sets.ids.size();
  particle_sets_ = particle_sets.ids.size();
  affix_sets_ = affix_sets.ids.size();
  // Grouped by word; each word keeps its sets in the order they were found.
  const auto group = [](const SetNumbering& numbering, OwnedOrFixed<std::uint32_t>& first,
                        OwnedOrFixed<std::uint32_t>& sets_of) {
    std::vector<std::uint32_t>& sets = sets_of.own();
    sets.resize(numbering.found.size());
    group_by_key(numbering.found, numbering.words.size(), first.own(),
                 [&sets](std::uint32_t at, std::uint32_t set) { sets[at] = set; });
  };
  group(word_sets, first_set_, sets_);
  group(particle_sets, first_particle_set_, particle_sets_of_);
  const auto group_affixes = [](const std::vector<std::pair<std::uint32_t, std::uint32_t>>& found,
                                const StringIndex& words, OwnedOrFixed<std::uint32_t>& first,
                                OwnedOrFixed<std::uint32_t>& sets_of) {
    std::vector<std::uint32_t>& sets = sets_of.own();
    sets.resize(found.size());
    group_by_key(found, words.size(), first.own(),
                 [&sets](std::uint32_t at, std::uint32_t set) { sets[at] = set; });
  };
  group_affixes(affix_sets.prefixes_found, prefixes_, first_prefix_set_, affix_sets_of_prefix_);
  group_affixes(affix_sets.suffixes_found, suffixes_, first_suffix_set_, affix_sets_of_suffix_);
  group_affixes(affix_sets.infixes_found, infixes_, first_infix_set_, affix_sets_of_infix_);
  for (std::uint32_t w = 0; w < words_.size(); ++w) {
    word_bits_.add(words_.key(w));
  }
  find_first_sets();
  find_word_subsets();
}

void RuleFilter::AffixShape::add(std::string_view word, bool suffix) {
  const std::size_t length = word.size();
  lengths |= std::uint64_t{1} << length;
  const auto byte = static_cast<unsigned char>(word[telling(length, length, suffix)]);
  edge[length][byte / 64] |= std::uint64_t{1} << (byte % 64);
}

void RuleFilter::find_first_sets() {
  prefix_shape_ = {};
  suffix_shape_ = {};
  for (std::uint32_t w = 0; w < prefixes_.size(); ++w) {
    prefix_shape_.add(prefixes_.key(w), false);
  }
  for (std::uint32_t w = 0; w < suffixes_.size(); ++w) {
    suffix_shape_.add(suffixes_.key(w), true);
  }
  const std::span<const std::uint32_t> first = first_particle_set_.view();
  const std::span<const std::uint32_t> sets = particle_sets_of_.view();
  particle_masks_.clear();
  particle_mask_ends_.clear();
  for (std::uint32_t p = 0; p < particles_.size(); ++p) {
    append_set_masks(sets.subspan(first[p], first[p + 1] - first[p]), particle_masks_);
    particle_mask_ends_.push_back(static_cast<std::uint32_t>(particle_masks_.size()));
  }
}

void RuleFilter::find_word_subsets() {
  std::vector<std::uint8_t> first_sets(word_sets_, 0);
  for (const auto* needs : {&entity_, &relation_}) {
    for (const PatternNeeds& n : *needs) {
      if (n.first.word_set) {
        first_sets[*n.first.word_set] = 1;
      }
      if (n.second && n.second->word_set) {
        first_sets[*n.second->word_set] = 1;
      }
    }
  }
  const std::span<const std::uint32_t> first = first_set_.view();
  const std::span<const std::uint32_t> sets = sets_.view();
  std::vector<std::uint32_t>& of = first_of_.own();
  std::vector<std::uint32_t>& sets_of = first_sets_of_.own();
  of.assign(1, 0);
  sets_of.clear();
  for (std::uint32_t w = 0; w < words_.size(); ++w) {
    for (std::uint32_t k = first[w]; k < first[w + 1]; ++k) {
      if (first_sets[sets[k]]) {
        sets_of.push_back(sets[k]);
      }
    }
    of.push_back(static_cast<std::uint32_t>(sets_of.size()));
  }
}

namespace {

// Token classes as four 32-bit halves, low first, appended to `out`.
void append_classes(const TokenClasses& classes, std::vector<std::uint32_t>& out) {
  for (const std::uint64_t bits : classes) {
    out.push_back(static_cast<std::uint32_t>(bits));
    out.push_back(static_cast<std::uint32_t>(bits >> 32));
  }
}

void write_unit_needs(ImageWriter& out, const UnitNeeds& needs) {
  out.u32(needs.mention ? *needs.mention : UINT32_MAX);
  out.u32(needs.word_set ? *needs.word_set : UINT32_MAX);
  out.u32(needs.particles ? *needs.particles : UINT32_MAX);
  std::vector<std::uint32_t> classes;
  if (needs.classes) {
    append_classes(*needs.classes, classes);
  }
  out.u32s(classes);
}

UnitNeeds read_unit_needs(ImageReader& tables) {
  UnitNeeds needs;
  if (const std::uint32_t m = tables.u32(); m != UINT32_MAX) {
    needs.mention = static_cast<TypeMask>(m);
  }
  if (const std::uint32_t w = tables.u32(); w != UINT32_MAX) {
    needs.word_set = w;
  }
  if (const std::uint32_t p = tables.u32(); p != UINT32_MAX) {
    needs.particles = p;
  }
  if (const std::span<const std::uint32_t> c = tables.u32s(); c.size() == 4) {
    needs.classes = TokenClasses{std::uint64_t{c[0]} | std::uint64_t{c[1]} << 32,
                                 std::uint64_t{c[2]} | std::uint64_t{c[3]} << 32};
  }
  return needs;
}

}  // namespace

RuleFilter::RuleFilter(ImageReader& tables)
    : word_sets_(tables.u32()),
      words_(tables.index()),
      first_set_(tables.u32s()),
      sets_(tables.u32s()),
      word_bits_(tables.bits()),
      particle_sets_(tables.u32()),
      particles_(tables.index()),
      first_particle_set_(tables.u32s()),
      particle_sets_of_(tables.u32s()),
      affix_sets_(tables.u32()),
      prefixes_(tables.index()),
      suffixes_(tables.index()),
      first_prefix_set_(tables.u32s()),
      affix_sets_of_prefix_(tables.u32s()),
      first_suffix_set_(tables.u32s()),
      affix_sets_of_suffix_(tables.u32s()),
      infixes_(tables.index()),
      first_infix_set_(tables.u32s()),
      affix_sets_of_infix_(tables.u32s()) {
  for (auto* needs : {&entity_, &relation_}) {
    needs->resize(tables.u32());
    for (PatternNeeds& n : *needs) {
      const std::span<const std::uint32_t> word_sets = tables.u32s();
      n.word_sets.assign(word_sets.begin(), word_sets.end());
      const std::span<const std::uint32_t> mentions = tables.u32s();
      n.mentions.assign(mentions.begin(), mentions.end());
      const std::span<const std::uint32_t> bare = tables.u32s();
      n.bare_mentions.assign(bare.begin(), bare.end());
      const std::span<const std::uint32_t> particle_sets = tables.u32s();
      n.particle_sets.assign(particle_sets.begin(), particle_sets.end());
      const std::span<const std::uint32_t> affix_sets = tables.u32s();
      n.affix_sets.assign(affix_sets.begin(), affix_sets.end());
      const std::span<const std::uint32_t> one_of = tables.u32s();
      n.one_of.assign(one_of.begin(), one_of.end());
      n.first = read_unit_needs(tables);
      if (tables.u32() != 0) {
        n.second = read_unit_needs(tables);
      }
      const std::span<const std::uint32_t> classes = tables.u32s();
      for (std::size_t k = 0; k + 4 <= classes.size(); k += 4) {
        n.token_classes.push_back(
            {std::uint64_t{classes[k]} | std::uint64_t{classes[k + 1]} << 32,
             std::uint64_t{classes[k + 2]} | std::uint64_t{classes[k + 3]} << 32});
      }
      n.anchored = tables.u32() != 0;
    }
  }
  for (OwnedOrFixed<std::uint32_t>* table : {&first_of_, &first_sets_of_}) {
    *table = OwnedOrFixed<std::uint32_t>(tables.u32s());
  }
  find_first_sets();
}

void RuleFilter::write_tables(ImageWriter& out) const {
  out.u32(static_cast<std::uint32_t>(word_sets_));
  out.index(words_);
  out.u32s(first_set_.view());
  out.u32s(sets_.view());
  out.bits(word_bits_);
  out.u32(static_cast<std::uint32_t>(particle_sets_));
  out.index(particles_);
  out.u32s(first_particle_set_.view());
  out.u32s(particle_sets_of_.view());
  out.u32(static_cast<std::uint32_t>(affix_sets_));
  out.index(prefixes_);
  out.index(suffixes_);
  out.u32s(first_prefix_set_.view());
  out.u32s(affix_sets_of_prefix_.view());
  out.u32s(first_suffix_set_.view());
  out.u32s(affix_sets_of_suffix_.view());
  out.index(infixes_);
  out.u32s(first_infix_set_.view());
  out.u32s(affix_sets_of_infix_.view());
  for (const auto* needs : {&entity_, &relation_}) {
    out.u32(static_cast<std::uint32_t>(needs->size()));
    for (const PatternNeeds& n : *needs) {
      out.u32s(n.word_sets);
      const std::vector<std::uint32_t> mentions(n.mentions.begin(), n.mentions.end());
      out.u32s(mentions);
      const std::vector<std::uint32_t> bare(n.bare_mentions.begin(), n.bare_mentions.end());
      out.u32s(bare);
      out.u32s(n.particle_sets);
      out.u32s(n.affix_sets);
      out.u32s(n.one_of);
      write_unit_needs(out, n.first);
      out.u32(n.second ? 1 : 0);
      if (n.second) {
        write_unit_needs(out, *n.second);
      }
      std::vector<std::uint32_t> classes;
      for (const TokenClasses& c : n.token_classes) {
        append_classes(c, classes);
      }
      out.u32s(classes);
      out.u32(n.anchored ? 1 : 0);
    }
  }
  for (const OwnedOrFixed<std::uint32_t>* table : {&first_of_, &first_sets_of_}) {
    out.u32s(table->view());
  }
}

std::uint32_t RuleFilter::SetNumbering::id_of(const WordSet& set) {
  // Rules that share a word set share its number (see SharedWordSet).
  const auto [known, fresh] = ids.try_emplace(&set, static_cast<std::uint32_t>(ids.size()));
  if (fresh) {
    for (const std::string_view w : set) {
      found.emplace_back(words.insert(w), known->second);
    }
  }
  return known->second;
}

std::uint32_t RuleFilter::AffixNumbering::id_of(std::vector<std::string> words, AffixPlace place) {
  constexpr std::size_t kMaxLength = 63;  // the bits of a length mask
  if (words.empty() || std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return w.empty() || w.size() > kMaxLength;
      })) {
    return UINT32_MAX;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  const auto [known, fresh] =
      ids.try_emplace({place, words}, static_cast<std::uint32_t>(ids.size()));
  if (fresh) {
    StringIndex& index = place == AffixPlace::kPrefix   ? prefixes
                         : place == AffixPlace::kSuffix ? suffixes
                                                        : infixes;
    auto& found = place == AffixPlace::kPrefix   ? prefixes_found
                  : place == AffixPlace::kSuffix ? suffixes_found
                                                 : infixes_found;
    for (const std::string& w : words) {
      found.emplace_back(index.insert(w), known->second);
    }
  }
  return known->second;
}

PatternNeeds RuleFilter::needs_of(const std::vector<Element>& pattern, SetNumbering& word_sets,
                                  SetNumbering& particle_sets, AffixNumbering& affix_sets) {
  PatternNeeds needs;
  needs.anchored = !pattern.empty() && pattern.front().anchor == Anchor::kStart;
  const auto add_affixes = [&](std::vector<std::string> words, AffixPlace place) {
    if (const std::uint32_t id = affix_sets.id_of(std::move(words), place); id != UINT32_MAX) {
      needs.affix_sets.push_back(id);
    }
  };
  // The second element's unit follows the first's when the first is exactly one unit.
  const bool second_follows = pattern.size() >= 2 && pattern[0].min == 1 && pattern[0].max == 1 &&
                              !pattern[0].list && pattern[1].min >= 1 && !pattern[1].list &&
                              pattern[1].anchor != Anchor::kStart;
  if (second_follows) {
    needs.second.emplace();
  }
  for (const Element& el : pattern) {
    if (el.min < 1) {
      continue;
    }
    // The needs of the unit the element is at, for the first element and the second above.
    UnitNeeds* unit = &el == &pattern.front()                ? &needs.first
                      : second_follows && &el == &pattern[1] ? &*needs.second
                                                             : nullptr;
    // A set with "" lets most units through: only sets of particles proper narrow the starts.
    if (el.particle && !el.particle->contains("")) {
      const std::uint32_t id = particle_sets.id_of(*el.particle);
      needs.particle_sets.push_back(id);
      if (unit != nullptr && !el.list) {
        unit->particles = id;
      }
    }
    // Whether the token's regex needs a digit.
    bool digit = false;
    if (el.kind == ElementKind::kToken) {
      add_affixes(el.test.starts.words(), AffixPlace::kPrefix);
      add_affixes(el.test.ends.words(), AffixPlace::kSuffix);
      if (el.test.regex) {
        RegexAffixes affixes = regex_affixes(el.test.regex_source);
        // A literal inside the regex, only when neither end has one: an end narrows more.
        if (affixes.prefixes.empty() && affixes.suffixes.empty()) {
          add_affixes(std::move(affixes.infixes), AffixPlace::kInfix);
        }
        add_affixes(std::move(affixes.prefixes), AffixPlace::kPrefix);
        add_affixes(std::move(affixes.suffixes), AffixPlace::kSuffix);
        digit = affixes.digit;
      }
    }
    if (el.kind == ElementKind::kEntity) {
      needs.mentions.push_back(el.types);
      if (!el.list && el.particle && el.particle->size() == 1 && el.particle->contains("")) {
        needs.bare_mentions.push_back(el.types);
      }
      if (unit != nullptr) {
        unit->mention = el.types;
      }
    } else if (el.kind == ElementKind::kToken && el.test.text) {
      const std::uint32_t id = word_sets.id_of(*el.test.text);
      needs.word_sets.push_back(id);
      if (unit != nullptr) {
        unit->word_set = id;
      }
    }
    if (el.kind == ElementKind::kToken &&
        (el.test.script || el.test.shape || el.test.known || digit)) {
      const TokenClasses classes = classes_of(el.test, digit);
      needs.token_classes.push_back(classes);
      if (unit != nullptr) {
        unit->classes = classes;
      }
    }
    if (el.kind == ElementKind::kToken) {
      one_of_needs(el, word_sets, affix_sets, needs.one_of);
    }
  }
  return needs;
}

void RuleFilter::one_of_needs(const Element& el, SetNumbering& word_sets,
                              AffixNumbering& affix_sets, std::vector<std::uint32_t>& out) {
  for (const auto& neg : el.negated) {
    const TokenTest& t = neg->test;
    // Only a token element without tests, particle or list of its own passes every token unit
    // that none of its negations passes.
    if (neg->kind != ElementKind::kToken || neg->negated.empty() || neg->particle || t.text ||
        !t.starts.empty() || !t.ends.empty() || t.regex || t.script || t.shape || t.space_before ||
        t.known) {
      continue;
    }
    std::vector<std::uint32_t> group;
    for (const auto& alt : neg->negated) {
      const TokenTest& a = alt->test;
      std::uint32_t member = UINT32_MAX;
      if (alt->kind != ElementKind::kToken) {
        break;
      }
      if (a.text) {
        member = 2 * word_sets.id_of(*a.text);
      } else if (!a.starts.empty()) {
        const std::uint32_t id = affix_sets.id_of(a.starts.words(), AffixPlace::kPrefix);
        member = id == UINT32_MAX ? id : 2 * id + 1;
      } else if (!a.ends.empty()) {
        const std::uint32_t id = affix_sets.id_of(a.ends.words(), AffixPlace::kSuffix);
        member = id == UINT32_MAX ? id : 2 * id + 1;
      }
      if (member == UINT32_MAX) {
        break;
      }
      group.push_back(member);
    }
    if (group.size() == neg->negated.size()) {
      out.push_back(static_cast<std::uint32_t>(group.size()));
      out.insert(out.end(), group.begin(), group.end());
    }
  }
}

namespace {

constexpr std::uint32_t kCapitalized = 1;
constexpr std::uint32_t kAllUpper = 2;
constexpr std::uint32_t kHasDigit = 4;
constexpr std::uint32_t kNameWord = 8;
constexpr std::uint32_t kClassesPerScript = 16;
static_assert(kScripts * kClassesPerScript == kTokenClasses);

}  // namespace

TokenClasses RuleFilter::classes_of(const TokenTest& test, bool digit) {
  TokenClasses out{};
  for (std::uint32_t c = 0; c < kTokenClasses; ++c) {
    const bool capitalized = (c & kCapitalized) != 0;
    const bool all_upper = (c & kAllUpper) != 0;
    bool passes =
        (!test.script || static_cast<std::uint32_t>(*test.script) == c / kClassesPerScript) &&
        (!test.known || *test.known == ((c & kNameWord) != 0)) && (!digit || (c & kHasDigit) != 0);
    if (test.shape) {
      switch (*test.shape) {
        case Shape::kCapitalized:
          passes = passes && capitalized;
          break;
        case Shape::kUpper:
          passes = passes && all_upper;
          break;
        case Shape::kLower:
          passes = passes && !capitalized && !all_upper;
          break;
        case Shape::kHasDigit:
          passes = passes && (c & kHasDigit) != 0;
          break;
      }
    }
    if (passes) {
      out[c / 64] |= std::uint64_t{1} << (c % 64);
    }
  }
  return out;
}

void RuleFilter::find_token_classes(SentenceAnalysis& sentence, const Gazetteer& names,
                                    const WordFacts* words) {
  std::vector<std::uint8_t>& classes = sentence.filter.token_classes;
  classes.resize(sentence.tokens.size());
  const std::size_t known = words != nullptr ? words->size() : 0;
  for (std::size_t k = 0; k < sentence.tokens.size(); ++k) {
    const Token& t = sentence.tokens[k];
    const bool name_word = t.word < known
                               ? words->name_word[t.word] != 0
                               : names.is_name_word(t.folded, sentence.filter.folded_hashes[k]);
    std::uint32_t c = static_cast<std::uint32_t>(t.script) * kClassesPerScript;
    c |= (t.capitalized ? kCapitalized : 0) | (t.all_upper ? kAllUpper : 0) |
         (t.has_digit ? kHasDigit : 0) | (name_word ? kNameWord : 0);
    classes[k] = static_cast<std::uint8_t>(c);
  }
}

bool RuleFilter::Facts::one_of(const PatternNeeds& needs) const {
  const std::vector<std::uint32_t>& groups = needs.one_of;
  for (std::size_t at = 0; at < groups.size(); at += groups[at] + 1) {
    bool held = false;
    for (std::size_t k = at + 1; k <= at + groups[at] && !held; ++k) {
      const std::uint32_t id = groups[k] / 2;
      held = (((groups[k] % 2 == 0 ? word_bits_ : affix_bits_)[id / 64] >> (id % 64)) & 1) != 0;
    }
    if (!held) {
      return false;
    }
  }
  return true;
}

RuleFilter::Facts RuleFilter::facts(const SentenceAnalysis& sentence,
                                    const DocumentAnalysis& doc) const {
  Facts f;
  facts(sentence, doc, f);
  return f;
}

void RuleFilter::particle_sets_of(std::string_view particle,
                                  std::vector<std::uint32_t>& out) const {
  if (const std::uint32_t p = particle.empty() ? StringIndex::kAbsent : particles_.find(particle);
      p != StringIndex::kAbsent) {
    const std::span<const std::uint32_t> first = first_particle_set_.view();
    const std::span<const std::uint32_t> sets = particle_sets_of_.view();
    out.insert(out.end(), sets.begin() + first[p], sets.begin() + first[p + 1]);
  }
}

void RuleFilter::find_affixes(std::string_view folded, bool suffix,
                              std::vector<std::uint32_t>& sets_found) const {
  const StringIndex& words = suffix ? suffixes_ : prefixes_;
  const std::span<const std::uint32_t> first =
      (suffix ? first_suffix_set_ : first_prefix_set_).view();
  const std::span<const std::uint32_t> sets =
      (suffix ? affix_sets_of_suffix_ : affix_sets_of_prefix_).view();
  const AffixShape& shape = suffix ? suffix_shape_ : prefix_shape_;
  const std::size_t size = folded.size();
  // The lengths of the words no longer than the token, shortest first.
  std::uint64_t lengths = shape.lengths;
  if (size < 63) {
    lengths &= (std::uint64_t{2} << size) - 1;
  }
  for (; lengths != 0; lengths &= lengths - 1) {
    const auto length = static_cast<std::size_t>(std::countr_zero(lengths));
    // Only a part that begins and ends with a whole character, and has a byte some word of its
    // length has at the telling position, is looked up.
    const std::size_t inner = suffix ? size - length : length;
    const auto byte = static_cast<unsigned char>(folded[telling(length, size, suffix)]);
    if ((inner < size && (static_cast<unsigned char>(folded[inner]) & 0xC0) == 0x80) ||
        ((shape.edge[length][byte / 64] >> (byte % 64)) & 1) == 0) {
      continue;
    }
    const std::string_view part = suffix ? folded.substr(size - length) : folded.substr(0, length);
    if (const std::uint32_t w = words.find(part); w != StringIndex::kAbsent) {
      sets_found.insert(sets_found.end(), sets.begin() + first[w], sets.begin() + first[w + 1]);
    }
  }
}

void RuleFilter::find_infixes(std::string_view folded,
                              std::vector<std::uint32_t>& sets_found) const {
  const std::span<const std::uint32_t> first = first_infix_set_.view();
  const std::span<const std::uint32_t> sets = affix_sets_of_infix_.view();
  for (std::uint32_t w = 0; w < infixes_.size(); ++w) {
    if (folded.find(infixes_.key(w)) != std::string_view::npos) {
      sets_found.insert(sets_found.end(), sets.begin() + first[w], sets.begin() + first[w + 1]);
    }
  }
}

std::uint64_t RuleFilter::next_id() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

namespace {

// What find_word_sets found for each word it has seen, per thread and filter: a word's affix
// sets and its number among the filter's words. Text repeats its words, and each was looked up
// again at every occurrence, its every affix length. Up to a bound, then forgotten at once.
struct WordMemory {
  static constexpr std::size_t kWords = 1 << 16;
  std::uint64_t filter = 0;  // RuleFilter::id_
  StringIndex words;
  std::vector<std::uint32_t> word;       // by word: its number in the filter's words, or kAbsent
  std::vector<std::uint32_t> affix_end;  // by word: the end of its affix sets in `affix_sets`
  std::vector<std::uint32_t> affix_sets;

  void reset(std::uint64_t id) {
    filter = id;
    words = StringIndex();
    word.clear();
    affix_end.clear();
    affix_sets.clear();
  }
  std::span<const std::uint32_t> affixes(std::uint32_t m) const {
    const std::uint32_t begin = m == 0 ? 0 : affix_end[m - 1];
    return std::span<const std::uint32_t>(affix_sets).subspan(begin, affix_end[m] - begin);
  }
};

}  // namespace

std::uint32_t RuleFilter::word_sets_of(std::string_view folded, std::size_t hash,
                                       std::vector<std::uint32_t>& affix_sets) const {
  find_affixes(folded, false, affix_sets);
  find_affixes(folded, true, affix_sets);
  find_infixes(folded, affix_sets);
  return word_bits_.may_contain_hash(hash) ? words_.find(folded, hash) : StringIndex::kAbsent;
}

void RuleFilter::find_word_sets(SentenceAnalysis& sentence, const WordFacts* words) const {
  sentence.filter.word_set_bits.assign((word_sets_ + 63) / 64, 0);
  sentence.filter.first_word_sets.assign(sentence.tokens.size(), {});
  sentence.filter.folded_hashes.resize(sentence.tokens.size());
  sentence.filter.affix_set_bits.assign((affix_sets_ + 63) / 64, 0);
  const std::span<const std::uint32_t> first_of = first_of_.view();
  const std::span<const std::uint32_t> first_sets_of = first_sets_of_.view();
  thread_local WordMemory memory;
  if (memory.filter != id_ || memory.words.size() >= WordMemory::kWords) {
    memory.reset(id_);
  }
  const std::size_t known = words != nullptr ? words->size() : 0;
  for (std::size_t k = 0; k < sentence.tokens.size(); ++k) {
    const Token& t = sentence.tokens[k];
    std::uint32_t w = StringIndex::kAbsent;
    if (t.word < known) {
      sentence.filter.folded_hashes[k] = words->hashes[t.word];
      or_masks(words->affixes(t.word), sentence.filter.affix_set_bits);
      or_masks(words->word_sets(t.word), sentence.filter.word_set_bits);
      w = words->filter_words[t.word];
    } else {
      const std::size_t hash = StringHash{}(t.folded);
      sentence.filter.folded_hashes[k] = hash;
      std::uint32_t m = memory.words.find(t.folded, hash);
      if (m == StringIndex::kAbsent) {
        m = memory.words.insert(t.folded);
        memory.word.push_back(word_sets_of(t.folded, hash, memory.affix_sets));
        memory.affix_end.push_back(static_cast<std::uint32_t>(memory.affix_sets.size()));
      }
      set_bits(memory.affixes(m), sentence.filter.affix_set_bits);
      w = memory.word[m];
      if (w != StringIndex::kAbsent) {
        set_bits(sets_of_word(w), sentence.filter.word_set_bits);
      }
    }
    if (w != StringIndex::kAbsent) {
      sentence.filter.first_word_sets[k] =
          first_sets_of.subspan(first_of[w], first_of[w + 1] - first_of[w]);
    }
  }
}

void RuleFilter::facts(const SentenceAnalysis& sentence, const DocumentAnalysis& doc,
                       Facts& f) const {
  if (f.particle_stamp_.size() != particles_.size() || f.sentence_ == UINT32_MAX) {
    f.sentence_ = 0;
    f.particle_stamp_.assign(particles_.size(), 0);
  }
  const std::uint32_t now = ++f.sentence_;
  f.word_bits_ = sentence.filter.word_set_bits;
  f.affix_bits_ = sentence.filter.affix_set_bits;
  f.particle_bits_.assign((particle_sets_ + 63) / 64, 0);
  f.units_ = static_cast<std::uint32_t>(sentence.units.size());
  f.mentions_.clear();
  f.mention_types_ = 0;
  f.bare_mention_types_ = 0;
  f.mention_units_.clear();
  f.unit_classes_.resize(f.units_);
  f.unit_particles_.resize(f.units_);
  f.unit_types_.resize(f.units_);
  f.classes_ = {};
  f.units_view_ = sentence.units;
  f.first_word_sets_ = sentence.filter.first_word_sets;
  f.first_particle_set_ = first_particle_set_.view();
  f.particle_sets_of_ = particle_sets_of_.view();
  for (std::uint32_t i = 0; i < f.units_; ++i) {
    const Unit& u = sentence.units[i];
    const std::uint32_t p = u.particle.empty() ? StringIndex::kAbsent : particles_.find(u.particle);
    f.unit_particles_[i] = p;
    if (p != StringIndex::kAbsent && f.particle_stamp_[p] != now) {
      f.particle_stamp_[p] = now;
      const std::uint32_t begin = p == 0 ? 0 : particle_mask_ends_[p - 1];
      or_masks(
          std::span<const SetMask>(particle_masks_).subspan(begin, particle_mask_ends_[p] - begin),
          f.particle_bits_);
    }
    f.unit_types_[i] = u.mention >= 0 ? type_bit(doc.mentions[u.mention].type) : 0;
    if (u.mention >= 0) {
      f.mentions_.push_back(f.unit_types_[i]);
      f.mention_types_ |= f.mentions_.back();
      if (u.particle.empty()) {
        f.bare_mention_types_ |= f.mentions_.back();
      }
      f.mention_units_.push_back(i);
      f.unit_classes_[i] = Facts::kNoClass;
    } else {
      const std::uint8_t c = sentence.filter.token_classes[u.begin];
      f.unit_classes_[i] = c;
      f.classes_[c / 64] |= std::uint64_t{1} << (c % 64);
    }
  }
}

bool RuleFilter::Facts::holds(const UnitNeeds& needs, std::uint32_t u) const {
  if (needs.mention && (unit_types_[u] & *needs.mention) == 0) {
    return false;
  }
  const std::uint8_t c = unit_classes_[u];
  if (needs.word_set) {
    if (c == kNoClass) {
      return false;
    }
    const std::span<const std::uint32_t> sets = first_word_sets_[units_view_[u].begin];
    if (std::find(sets.begin(), sets.end(), *needs.word_set) == sets.end()) {
      return false;
    }
  }
  if (needs.particles) {
    const std::uint32_t p = unit_particles_[u];
    if (p == StringIndex::kAbsent) {
      return false;
    }
    const auto begin = particle_sets_of_.begin() + first_particle_set_[p];
    const auto end = particle_sets_of_.begin() + first_particle_set_[p + 1];
    if (std::find(begin, end, *needs.particles) == end) {
      return false;
    }
  }
  return !needs.classes || (c != kNoClass && (((*needs.classes)[c / 64] >> (c % 64)) & 1) != 0);
}

void RuleFilter::Facts::starts(const PatternNeeds& needs, std::vector<std::uint32_t>& out) const {
  out.clear();
  // Of an anchored pattern, unit 0 alone is looked at: a match can only start there.
  const std::uint32_t units = needs.anchored ? std::min<std::uint32_t>(units_, 1) : units_;
  const UnitNeeds& first = needs.first;
  const bool any_first = !first.mention && !first.word_set && !first.particles && !first.classes;
  const auto can_start = [&](std::uint32_t u) {
    return (any_first || holds(first, u)) &&
           (!needs.second || (u + 1 < units_ && holds(*needs.second, u + 1)));
  };
  if (first.mention) {
    for (std::size_t k = 0; k < mention_units_.size() && mention_units_[k] < units; ++k) {
      if (can_start(mention_units_[k])) {
        out.push_back(mention_units_[k]);
      }
    }
  } else if (any_first && !needs.second) {
    out.resize(units);
    std::iota(out.begin(), out.end(), 0U);
  } else {
    for (std::uint32_t u = 0; u < units; ++u) {
      if (can_start(u)) {
        out.push_back(u);
      }
    }
  }
}

namespace {

bool same_unit_tests(const Element& a, const Element& b) {
  const TokenTest& x = a.test;
  const TokenTest& y = b.test;
  return a.kind == b.kind && a.types == b.types && a.list == b.list && a.listed == b.listed &&
         a.names == b.names && a.particle == b.particle && x.text == y.text &&
         x.starts == y.starts && x.ends == y.ends && x.regex == y.regex && x.script == y.script &&
         x.shape == y.shape && x.space_before == y.space_before && x.known == y.known &&
         std::equal(a.negated.begin(), a.negated.end(), b.negated.begin(), b.negated.end(),
                    [](const auto& p, const auto& q) { return p == q || same_unit_tests(*p, *q); });
}

// A hash of the fields same_unit_tests compares first: elements it tells apart mostly differ
// in one of them.
std::size_t unit_tests_hash(const Element& el) {
  const auto mix = [](std::size_t h, std::size_t v) {
    return h ^ (v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2));
  };
  std::size_t h = static_cast<std::size_t>(el.kind) | static_cast<std::size_t>(el.types) << 8;
  h = mix(h, std::hash<const void*>{}(el.particle.get()));
  h = mix(h, std::hash<const void*>{}(el.test.text.get()));
  h = mix(h, std::hash<const void*>{}(el.test.regex.get()));
  h = mix(h, el.test.starts.words().size() << 16 | el.test.ends.words().size() << 8 |
                 el.negated.size());
  h = mix(h, el.test.script ? static_cast<std::size_t>(*el.test.script) + 1 : 0);
  return mix(h, el.test.shape ? static_cast<std::size_t>(*el.test.shape) + 1 : 0);
}

}  // namespace

std::uint32_t ElementNumbering::number(const Element& el) {
  const std::size_t h = unit_tests_hash(el);
  for (auto [it, end] = by_hash_.equal_range(h); it != end; ++it) {
    if (same_unit_tests(*elements_[it->second], el)) {
      return it->second;
    }
  }
  const std::uint32_t id = size();
  elements_.push_back(&el);
  by_hash_.emplace(h, id);
  return id;
}

void UnitAnswers::start(std::uint32_t elements, std::uint32_t units) {
  ++sentence_;
  units_ = units;
  if (stamp_.size() < elements) {
    stamp_.resize(elements, 0);
  }
  if (units <= kMaxUnits && answers_.size() < static_cast<std::size_t>(elements) * units) {
    answers_.resize(static_cast<std::size_t>(elements) * units);
  }
}

Status PatternMatcher::match_each(const std::vector<Element>& pattern, std::size_t captures,
                                  const SentenceAnalysis& sentence, const DocumentAnalysis& doc,
                                  const std::vector<std::uint32_t>& starts,
                                  std::vector<PatternMatch>& found, UnitAnswers* shared,
                                  std::uint32_t first) const {
  thread_local std::vector<std::vector<std::uint32_t>> scratch;
  thread_local std::vector<Lists> lists;
  thread_local std::vector<std::uint8_t> passes;
  if (scratch.size() < captures) {
    scratch.resize(captures);
  }
  if (lists.size() < pattern.size()) {
    lists.resize(pattern.size());
  }
  const auto units = static_cast<std::uint32_t>(sentence.units.size());
  passes.assign(pattern.size() * units, 0);
  std::uint8_t* first_passes = shared != nullptr ? shared->row(first) : nullptr;
  Context ctx{.pattern = pattern,
              .elements = pattern.size(),
              .s = sentence,
              .units = units,
              .doc = doc,
              .gazetteer = gazetteer_,
              .member_titles = member_titles_,
              .captures = scratch,
              .lists = lists,
              .passes = passes,
              .first_passes = first_passes != nullptr ? first_passes : passes.data(),
              .error = {}};
  const bool first_required = !pattern.empty() && pattern.front().min >= 1;
  // A pattern anchored at the sentence's start can only match from unit 0 (match_from).
  const bool anchored = !pattern.empty() && pattern.front().anchor == Anchor::kStart;
  for (const std::uint32_t start : starts) {
    if (anchored && start != 0) {
      continue;
    }
    // Most rules fail on their first element: test it before setting up captures.
    if (first_required && start < units) {
      const Element& head = pattern.front();
      const Unit& u = sentence.units[start];
      const bool could =
          head.kind == ElementKind::kEntity && head.list
              ? u.mention >= 0 && (head.types & type_bit(doc.mentions[u.mention].type))
              : element_passes(ctx, 0, start);
      if (ctx.error) {
        return *ctx.error;
      }
      if (!could) {
        continue;
      }
    }
    for (std::size_t c = 0; c < captures; ++c) {
      scratch[c].clear();
    }
    std::uint32_t end = start;
    const bool ok = match_from(ctx, 0, start, end);
    if (ctx.error) {
      return *ctx.error;
    }
    if (ok) {
      found.push_back(PatternMatch{
          start, end,
          std::vector<std::vector<std::uint32_t>>(
              scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(captures))});
    }
  }
  return Status();
}

}  // namespace kgex
