// Entity stages: entity rules, the overlap policy, entity resolution, topic.
#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>

#include "core/name_key.h"
#include "core/string_hash.h"
#include "core/utf8.h"
#include "extractor/layout.h"
#include "extractor/stages.h"
#include "extractor/text/particles.h"
#include "extractor/text/tokenizer.h"

namespace kgex {
namespace {

std::string sentence_text(const DocumentAnalysis& doc, std::uint32_t si) {
  const Sentence& s = doc.sentences[si].span;
  return std::string(doc.original(s.begin, s.end));
}

// Whether units `held` are all a quotation holds: a quote right before them and right after them
// or after a parenthetical gloss ('루나: 잊힌 왕관', '루나(Luna)').
bool quoted_whole(const SentenceAnalysis& s, const std::vector<std::uint32_t>& held) {
  if (held.empty()) {
    return false;
  }
  const std::uint32_t begin = s.units[held.front()].begin;
  const std::uint32_t end = s.units[held.back()].end;
  return begin > 0 && s.tokens[begin - 1].quote_mark() && end < s.tokens.size() &&
         (s.tokens[end].quote_mark() || s.tokens[end].text == "(");
}

// The normalised text of token range [b, e) of a sentence, particle excluded.
std::string span_text(const DocumentAnalysis& doc, const SentenceAnalysis& s, std::uint32_t b,
                      std::uint32_t e) {
  return std::string(doc.normalized(s.tokens[b].begin, s.tokens[e - 1].base_end));
}

// Whether two of the tokens [b, e) stand two spaces or more apart (normalisation made every
// space, tab included, one kind): the items of a menu ("회사소개   연혁   팀   제품") or the cells
// of a table aligned with spaces, never one name.
bool wide_gap(const DocumentAnalysis& doc, const SentenceAnalysis& s, std::uint32_t b,
              std::uint32_t e) {
  for (std::uint32_t t = b + 1; t < e; ++t) {
    const std::string_view gap = doc.normalized(s.tokens[t - 1].end, s.tokens[t].begin);
    if (gap.size() >= 2) {
      return true;
    }
  }
  return false;
}

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  void unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) {
      parent[std::max(a, b)] = std::min(a, b);
    }
  }
};

// The type a cue word gives, else the type of the longest cue of two syllables or more that a
// Hangul word ends in: Korean writes a compound as one word (보안기업 is a 기업, 쇼핑앱 an 앱).
std::optional<EntityType> cue_type(const RuleSet& rules, const Token& cue) {
  const std::string_view word = cue.folded;
  if (auto it = rules.type_cues.find(std::string(word)); it != rules.type_cues.end()) {
    return it->second;
  }
  if (cue.script != Script::kHangul) {
    return std::nullopt;
  }
  constexpr std::size_t kMinCueBytes = 6;  // two Hangul syllables
  std::size_t pos = 0;
  next_code_point(word, pos);
  for (; pos + kMinCueBytes <= word.size(); next_code_point(word, pos)) {
    if (auto it = rules.type_cues.find(std::string(word.substr(pos)));
        it != rules.type_cues.end()) {
      return it->second;
    }
  }
  return std::nullopt;
}

}  // namespace

MentionsBySentence mentions_by_sentence(const DocumentAnalysis& doc) {
  MentionsBySentence out;
  out.first.assign(doc.sentences.size() + 1, 0);
  for (const MentionCandidate& c : doc.mentions) {
    ++out.first[c.sentence + 1];
  }
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    out.first[si + 1] += out.first[si];
  }
  std::vector<std::uint32_t> next(out.first.begin(), out.first.end() - 1);
  out.order.resize(doc.mentions.size());
  for (int m = 0; m < static_cast<int>(doc.mentions.size()); ++m) {
    out.order[next[doc.mentions[m].sentence]++] = m;
  }
  return out;
}

Result<std::vector<AliasLink>> run_entity_rules(const StageContext& ctx, DocumentAnalysis& doc,
                                                std::vector<MentionCandidate>& candidates,
                                                const std::vector<bool>& run) {
  std::vector<AliasLink> links;
  const MentionsBySentence by_sentence = mentions_by_sentence(doc);
  // Scratch of the calling thread, reused from document to document.
  thread_local RuleFilter::Facts facts;
  thread_local std::vector<std::uint32_t> starts;
  thread_local std::vector<PatternMatch> matches;
  thread_local std::vector<std::uint64_t> bits;
  thread_local std::vector<std::uint32_t> candidates_here;
  thread_local UnitAnswers answers;
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    SentenceAnalysis& s = doc.sentences[si];
    if (s.boilerplate || (!run.empty() && !run[si])) {
      continue;
    }
    build_units(s, doc.mentions, by_sentence[si], false);
    answers.start(ctx.order.entity_shared, static_cast<std::uint32_t>(s.units.size()));
    ctx.filter.find_word_sets(s, doc.words);
    RuleFilter::find_token_classes(s, ctx.gazetteer, doc.words);
    ctx.filter.facts(s, doc, facts);
    // The rules by priority that the sentence may run. A second pass (over the sentences `run`
    // marks) can only add what a rule matching a mention finds: a rule of words alone found
    // everything it could in the first.
    const RuleIndex& index = ctx.order.entity[static_cast<std::size_t>(s.lang)];
    index.candidates(facts.held(), bits, candidates_here);
    for (const std::uint32_t at : candidates_here) {
      const std::uint32_t r = index.rules()[at];
      const EntityRule* rule = &ctx.rules.entity_rules[r];
      const PatternNeeds& needs = ctx.filter.entity_rule(r);
      if ((!run.empty() && !ctx.order.entity_uses_mentions[r]) || !facts.may_match(needs)) {
        continue;
      }
      facts.starts(needs, starts);
      if (starts.empty()) {
        continue;  // no unit the first element can be
      }
      matches.clear();
      if (Status found =
              ctx.matcher.match_each(rule->pattern, rule->captures.size(), s, doc, starts, matches,
                                     &answers, ctx.order.entity_first[r]);
          !found.ok()) {
        return Status(found.code(), "rule \"" + rule->id + "\": " + found.message(),
                      {.file = rule->file, .pointer = rule->pointer});
      }
      for (const PatternMatch& m : matches) {
        bool created = false;
        if (rule->entity_capture >= 0) {
          std::vector<std::uint32_t> held = m.captures[rule->entity_capture];
          if (rule->through >= 0 && !held.empty() && !m.captures[rule->through].empty()) {
            for (std::uint32_t u = held.back() + 1; u <= m.captures[rule->through].back(); ++u) {
              held.push_back(u);
            }
          }
          std::optional<EntityType> type = rule->type;
          if (rule->type_from >= 0 && !m.captures[rule->type_from].empty()) {
            const Token& cue = s.tokens[s.units[m.captures[rule->type_from].front()].begin];
            if (const std::optional<EntityType> t = cue_type(ctx.rules, cue)) {
              type = t;
            }
          }
          // A name has no particle inside it ("DAP GenAI에 EXAONE" is two things), unless quotes
          // hold it whole: a title's word may end like one ('루나: 잊힌 왕관', '사랑과 전쟁').
          const bool inner_particle =
              !quoted_whole(s, held) &&
              std::any_of(held.begin(), held.empty() ? held.end() : held.end() - 1,
                          [&](std::uint32_t u) { return !s.units[u].particle.empty(); });
          if (!held.empty() && type && !inner_particle &&
              !wide_gap(doc, s, s.units[held.front()].begin, s.units[held.back()].end)) {
            MentionCandidate c;
            c.sentence = si;
            c.begin = s.units[held.front()].begin;
            c.end = s.units[held.back()].end;
            while (c.end > c.begin && s.tokens[c.end - 1].particle_only()) {
              --c.end;
            }
            c.surface = span_text(doc, s, c.begin, c.end);
            c.canonical = c.surface;
            // A rule that retypes one known name keeps that name (페이스북 is still Facebook).
            if (held.size() == 1 && s.units[held.front()].mention >= 0) {
              const MentionCandidate& known = doc.mentions[s.units[held.front()].mention];
              c.canonical = known.canonical;
              c.entry = known.entry;
              c.retyped = known.entry >= 0 && known.type != *type;
            }
            c.type = *type;
            c.priority = rule->priority;
            c.rule = rule->id;
            c.refers = rule->refers;
            // Neither a stop word nor a bare type noun ("회사", "model") is a name.
            const std::string folded = fold_case(c.surface);
            if (c.refers != Refers::kNone ||
                (!ctx.rules.stoplist.contains(folded) && !ctx.rules.type_cues.contains(folded) &&
                 !name_key(c.surface).empty())) {
              candidates.push_back(std::move(c));
              created = true;
            }
          }
        }
        if (rule->alias_entity >= 0) {
          const auto& ent = m.captures[rule->alias_entity];
          const auto& name = m.captures[rule->alias_name];
          // The entity is a mention, or the name this same rule has just made.
          const bool made_here = rule->entity_capture == rule->alias_entity && created;
          if (name.empty() || ent.empty() ||
              (!made_here && (ent.size() != 1 || s.units[ent.front()].mention < 0))) {
            continue;
          }
          const std::vector<std::uint32_t>* through =
              rule->alias_through >= 0 && !m.captures[rule->alias_through].empty()
                  ? &m.captures[rule->alias_through]
                  : nullptr;
          AliasLink link{si, s.units[ent.front()].begin, -1, {}};
          if (through == nullptr && name.size() == 1 && s.units[name.front()].mention >= 0) {
            link.other_begin = static_cast<int>(s.units[name.front()].begin);
          } else {
            const std::uint32_t last = through != nullptr ? through->back() : name.back();
            link.name = span_text(doc, s, s.units[name.front()].begin, s.units[last].end);
            // A type noun ("제품(ChatGPT)") is a description, not another name.
            const std::string folded = fold_case(link.name);
            if (ctx.rules.stoplist.contains(folded) || ctx.rules.type_cues.contains(folded) ||
                name_key(link.name).empty()) {
              continue;
            }
          }
          links.push_back(std::move(link));
        }
      }
    }
  }
  return links;
}

bool is_subject(const SentenceAnalysis& s, const MentionCandidate& m);

namespace {

// Whether the words stand for an entity named before them (`refers` "previous" or "subject").
bool refers_before(Refers r) { return r == Refers::kPrevious || r == Refers::kSubject; }

bool ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

std::vector<std::uint32_t> overlap_winners(const DocumentAnalysis& doc, const Layout& layout,
                                           const std::vector<MentionCandidate>& candidates);

// Korean names are a one-syllable surname and a one- or two-syllable given name.
bool korean_full_name(std::string_view name) {
  const std::size_t n = count_code_points_utf8(name);
  return n >= 2 && n <= 4 && name.size() == n * 3 && name.find(' ') == std::string_view::npos;
}

// A company's name key without a legal form at its end: "Vela Works Ltd", "Vela Works, Inc." and
// "VELA WORKS" are one company.
std::string company_key(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kLegalForms = {
      "inc",     "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "gmbh", "plc",
      "limited", "ag",   "oy",  "oyj",  "oü",  "k.k.", "s.a.",  "n.v.", "b.v."};
  const std::size_t space = name.rfind(' ');
  if (space != std::string_view::npos &&
      std::ranges::find(kLegalForms, fold_case(name.substr(space + 1))) != kLegalForms.end()) {
    name = name.substr(0, space);
  }
  return name_key(name);
}

// Short references to people and companies named in full elsewhere in the document. A
// person is called by surname after the first mention: "최윤서 부사장 ... 최 부사장은" (a
// surname-only candidate, from a rule on surname + title), "Dev Malhotra ... Malhotra
// wrote", or by given name in interviews ("Abby Lindqvist ... Abby runs engineering"); a
// company a rule found as "Ostwind AI" or "Clearpath Labs" is "Ostwind" and "Clearpath"
// after that, also where a rule finds the short form as a company of its own. A Korean product
// name with its maker first is named by the rest after that ("한컴 도큐봇 ... 도큐봇은", with 한컴
// an organization of the document). A short form stands for the one entity it fits; one that fits
// no one or several is dropped. Returns the Latin short forms and the products' short forms to
// look for in the text, each with the candidate of the full name. A short form that fits no one
// yet waits in `pending` for a later pass, which may find the full name.
std::vector<std::pair<std::string, MentionCandidate>> short_names(
    const DocumentAnalysis& doc, const Layout& layout, std::vector<MentionCandidate>& candidates,
    std::vector<MentionCandidate>& pending, const KnownWord& known) {
  for (MentionCandidate& p : pending) {
    const bool again = std::ranges::any_of(candidates, [&](const MentionCandidate& c) {
      return c.sentence == p.sentence && c.begin == p.begin && c.end == p.end && c.type == p.type &&
             c.rule == p.rule;
    });
    if (!again) {
      candidates.push_back(std::move(p));
    }
  }
  pending.clear();
  // short -> full
  std::map<std::string, std::set<std::pair<EntityType, std::string>>, std::less<>> fits;
  std::map<std::pair<EntityType, std::string>, MentionCandidate> full;  // its first mention
  auto add_full = [&](const MentionCandidate& c, const std::string& name) {
    auto [it, fresh] = full.emplace(std::make_pair(c.type, name), c);
    if (!fresh && std::tie(c.sentence, c.begin) < std::tie(it->second.sentence, it->second.begin)) {
      it->second = c;
    }
  };
  // Where each person is named in full (sentence, token), to tell which of several people a
  // shared surname stands for.
  std::map<std::pair<EntityType, std::string>, std::set<std::pair<std::uint32_t, std::uint32_t>>>
      named_at;
  // A person's part of two letters (Su, Li, Wu) stands for the person only after a title a rule
  // found it with ("Dr. Su", person_fit): as a word of its own, too many are ordinary words.
  std::map<std::string, std::set<std::pair<EntityType, std::string>>, std::less<>> two_letter;
  auto fit = [&](const std::string& part, const MentionCandidate& c, const std::string& name) {
    const std::string form = fold_case(part);
    if (part.empty() || part.front() < 'A' || part.front() > 'Z' || known(form)) {
      return;
    }
    if (part.size() >= 3) {
      fits[form].emplace(c.type, name);
      add_full(c, name);
    } else if (part.size() == 2 && c.type == EntityType::kPerson && part[1] >= 'a' &&
               part[1] <= 'z') {
      two_letter[form].emplace(c.type, name);
      add_full(c, name);
    }
  };
  std::set<std::string> organizations;  // folded names the document gives organizations
  for (const MentionCandidate& c : candidates) {
    if (c.type == EntityType::kOrganization && c.refers == Refers::kNone) {
      organizations.insert(fold_case(c.surface));
    }
  }
  // Which short forms the document may hold: words standing for an entity named before, Korean
  // surnames, companies named by their first word. What follows is only built where needed.
  const bool any_previous = std::ranges::any_of(
      candidates, [](const MentionCandidate& c) { return refers_before(c.refers); });
  const bool any_surname = std::ranges::any_of(candidates, [](const MentionCandidate& c) {
    return c.type == EntityType::kPerson && c.surface.size() == 3 &&
           count_code_points_utf8(c.surface) == 1;
  });
  const bool any_company = std::ranges::any_of(candidates, [](const MentionCandidate& c) {
    return c.type == EntityType::kOrganization && c.entry < 0;
  });
  // Only names that win their overlaps: "김앤장 변호사" is no person named 김앤장, and a company
  // is named again by its first word only where its full name wins (the "Acme Security" of "the
  // Acme Security Engineering team" is no company, the team is).
  std::vector<bool> wins(candidates.size(), false);
  if (any_previous || any_surname || any_company) {
    for (const std::uint32_t i : overlap_winners(doc, layout, candidates)) {
      wins[i] = true;
    }
  }
  std::map<std::string, std::set<std::pair<EntityType, std::string>>> products;  // short -> full
  for (const MentionCandidate& c : candidates) {
    const std::string& name = c.canonical.empty() ? c.surface : c.canonical;
    const std::size_t first_space = name.find(' ');
    const std::size_t last_space = name.rfind(' ');
    const bool two_or_three_words =
        first_space != std::string::npos && std::count(name.begin(), name.end(), ' ') <= 2;
    if (c.refers != Refers::kNone) {
      continue;
    }
    // The Korean form as written: "이재용 회장 ... 이 회장은" also for a person whose
    // gazetteer name is Latin (Lee Jae-yong).
    if (c.type == EntityType::kPerson && korean_full_name(c.surface)) {
      fits[c.surface.substr(0, 3)].emplace(c.type, name);
      add_full(c, name);
    } else if (c.type == EntityType::kPerson && two_or_three_words) {
      fit(name.substr(0, first_space), c, name);
      fit(name.substr(last_space + 1), c, name);
      named_at[std::make_pair(c.type, name)].emplace(c.sentence, c.begin);
    } else if (c.type == EntityType::kOrganization && c.entry < 0 && two_or_three_words &&
               first_space >= 4 && !c.short_form && wins[&c - candidates.data()]) {
      // One company however the document writes its full name: with its legal form, in capitals.
      // Not a short form an earlier pass gave the full name, which is no full name of its own.
      fit(name.substr(0, first_space), c, company_key(name));
    } else if ((c.type == EntityType::kProduct || c.type == EntityType::kTool) && c.entry < 0 &&
               first_space != std::string::npos && first_space == last_space &&
               organizations.contains(fold_case(c.surface.substr(0, c.surface.find(' '))))) {
      const std::string form = fold_case(c.surface.substr(c.surface.find(' ') + 1));
      // Korean only: an English rest is often an ordinary word ("Google Search": search).
      if (count_code_points_utf8(form) >= 2 && !ascii_letter(form.front()) && !known(form)) {
        products[form].emplace(c.type, name);
        add_full(c, name);
      }
    }
  }
  auto unique_fit = [&](std::string_view form) -> const MentionCandidate* {
    auto it = fits.find(form);
    return it != fits.end() && it->second.size() == 1 ? &full.at(*it->second.begin()) : nullptr;
  };
  // A surname several people named in full share ("Desmond Achterberg ... his daughter, Anneke
  // Achterberg ... Mr. Achterberg") stands for the one the document names in full most often, twice
  // or more and more often than any other: an obituary's or a profile's subject, whose relatives
  // and colleagues are named once. With a tie, for no one.
  auto person_fit = [&](std::string_view form) -> const MentionCandidate* {
    if (const MentionCandidate* one = unique_fit(form)) {
      return one;
    }
    const auto& parts = form.size() == 2 ? two_letter : fits;
    const auto it = parts.find(form);
    if (it == parts.end()) {
      return nullptr;
    }
    if (it->second.size() == 1) {
      return &full.at(*it->second.begin());
    }
    const std::pair<EntityType, std::string>* best = nullptr;
    std::size_t most = 0;
    bool tie = false;
    for (const auto& key : it->second) {
      if (key.first != EntityType::kPerson) {
        return nullptr;
      }
      const auto at = named_at.find(key);
      const std::size_t times = at == named_at.end() ? 0 : at->second.size();
      if (times > most) {
        best = &key;
        most = times;
        tie = false;
      } else if (times == most) {
        tie = true;
      }
    }
    return best != nullptr && !tie && most >= 2 ? &full.at(*best) : nullptr;
  };
  // A company the document writes both with and without its legal form is one company: the name
  // it writes first.
  std::map<std::string, std::tuple<std::uint32_t, std::uint32_t, std::string>> companies;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const MentionCandidate& c = candidates[i];
    if (any_company && wins[i] && c.type == EntityType::kOrganization && c.entry < 0 &&
        c.refers == Refers::kNone && c.canonical == c.surface) {
      auto [it, fresh] =
          companies.emplace(company_key(c.surface), std::tuple(c.sentence, c.begin, c.surface));
      if (!fresh && std::tie(c.sentence, c.begin) <
                        std::tie(std::get<0>(it->second), std::get<1>(it->second))) {
        it->second = std::tuple(c.sentence, c.begin, c.surface);
      }
    }
  }
  // The document's own entity of a type: the first one it names, in its first sentences, but
  // not on a line that says whom the document is addressed to ("수신: 가람대학교 입학처").
  std::map<EntityType, const MentionCandidate*> own;
  for (const MentionCandidate& c : candidates) {
    if (c.refers != Refers::kNone || c.sentence >= kOwnEntityLead ||
        sentence_opens_with_field(doc, c.sentence, layout.recipient_fields)) {
      continue;
    }
    const MentionCandidate*& first = own[c.type];
    if (first == nullptr ||
        std::tie(c.sentence, c.begin) < std::tie(first->sentence, first->begin)) {
      first = &c;
    }
  }
  // A page's path of units ("공간: 데이터본부 > 추천개발팀 > 운영 문서") places it in the last
  // one it names, in any of the path's later parts ("› OKR › 2026 Q1 정산시스템팀 OKR"): a wiki
  // page of the team, not of the division above it.
  const auto path_separator = [](const Token& t) {
    return t.text == ">" || t.text == "\xE2\x80\xBA";
  };
  for (auto& [type, first] : own) {
    const SentenceAnalysis& s = doc.sentences[first->sentence];
    std::uint32_t at = first->end;
    while (at + 1 < s.tokens.size() && path_separator(s.tokens[at])) {
      std::uint32_t part_end = at + 1;
      while (part_end < s.tokens.size() && !path_separator(s.tokens[part_end])) {
        ++part_end;
      }
      for (const MentionCandidate& c : candidates) {
        if (c.refers == Refers::kNone && c.type == type && c.sentence == first->sentence &&
            c.begin > at && c.end <= part_end && (first->begin <= at || c.begin > first->begin)) {
          first = &c;
        }
      }
      at = part_end;
    }
  }
  std::map<EntityType, std::string> own_name;
  for (const auto& [type, c] : own) {
    own_name[type] = c->canonical.empty() ? c->surface : c->canonical;
  }
  // Each type's names in reading order, for the one named last before a `refers` mention, with
  // where each stands and whether it is the subject of its sentence.
  std::map<EntityType, std::vector<std::tuple<std::uint32_t, std::uint32_t, std::string, bool>>>
      named;
  // Where each of those names ends, by sentence and first token.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> name_end;
  // Where a name is an English possessor ("Tesla's battery team"), by sentence and first token.
  std::set<std::pair<std::uint32_t, std::uint32_t>> possessors;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const MentionCandidate& c = candidates[i];
    if (any_previous && wins[i] && c.refers == Refers::kNone) {
      named[c.type].emplace_back(c.sentence, c.begin, c.canonical.empty() ? c.surface : c.canonical,
                                 is_subject(doc.sentences[c.sentence], c));
      name_end[{c.sentence, c.begin}] = c.end;
      const std::vector<Token>& words = doc.sentences[c.sentence].tokens;
      if (c.end > c.begin && c.end <= words.size() && words[c.end - 1].particle == "'s") {
        possessors.emplace(c.sentence, c.begin);
      }
    }
  }
  // Whether the Korean name at token `t` of sentence `si` modifies the noun after it, bare or
  // with 의 ("숨결헬스 부스에서는", "숨결헬스의 부스에서는"): it does not act in its clause. Names
  // do not overlap, so a word after it that is in a name starts one.
  const auto modifies_noun = [&](std::uint32_t si, std::uint32_t t) {
    const SentenceAnalysis& s = doc.sentences[si];
    const auto end = name_end.find({si, t});
    if (s.lang != Lang::kKo || end == name_end.end() || end->second >= s.tokens.size()) {
      return false;
    }
    const std::string_view particle = s.tokens[end->second - 1].particle;
    const Token& next = s.tokens[end->second];
    return (particle.empty() || particle == "의") && next.script == Script::kHangul &&
           next.space_before && !name_end.contains({si, end->second});
  };
  // A person named again by one part of the name counts where it is written ("Arvind Krishna
  // ... Krishna graduated in 1985. He joined IBM in 1990": He is Krishna), though short forms
  // are only looked for later. So does a company named again by its first word where that word
  // opens an English sentence, as its subject ("Tarnwick Labs ... Tarnwick competes with Orbo
  // Systems. It raised …": It is Tarnwick Labs, not Orbo Systems); elsewhere the word is as
  // often a modifier ("a Tarnwick partner") that names no company for the words after it.
  if (any_previous) {
    for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const std::vector<Token>& tokens = doc.sentences[si].tokens;
      for (std::uint32_t t = 0; t < tokens.size(); ++t) {
        const MentionCandidate* whole = unique_fit(tokens[t].folded);
        if (whole == nullptr || !is_upper_ascii(tokens[t].text.front())) {
          continue;
        }
        const std::string& name = whole->canonical.empty() ? whole->surface : whole->canonical;
        if (whole->type == EntityType::kPerson) {
          named[EntityType::kPerson].emplace_back(si, t, name, false);
        } else if (whole->type == EntityType::kOrganization && t == 0 &&
                   doc.sentences[si].lang != Lang::kKo) {
          named[EntityType::kOrganization].emplace_back(si, t, name, true);
        }
      }
    }
  }
  for (auto& [type, names] : named) {
    std::ranges::sort(names);
  }
  // Whether a name in sentence `named` is within reach of words in sentence `at`: the sentence
  // or the two before, where a sentence that opens with a quotation mark, someone's words set
  // into the story, does not count ("Tarnby, which makes radar units, raised a round. … \"We
  // ship weekly,\" Obi said. \"It works.\" The startup hired …": the startup is Tarnby).
  const auto within_reach = [&](std::uint32_t named, std::uint32_t at) {
    std::uint32_t steps = 0;
    for (std::uint32_t k = named + 1; k <= at && steps <= kPreviousReach; ++k) {
      const std::vector<Token>& words = doc.sentences[k].tokens;
      if (k == at || words.empty() || words.front().text != "\"") {
        ++steps;
      }
    }
    return named <= at && steps <= kPreviousReach;
  };
  auto named_before = [&](const MentionCandidate& c) -> const std::string* {
    auto it = named.find(c.type);
    if (it == named.end()) {
      return nullptr;
    }
    const auto& names = it->second;
    auto after = std::lower_bound(names.begin(), names.end(), std::make_tuple(c.sentence, c.begin),
                                  [](const auto& n, const auto& at) {
                                    return std::tie(std::get<0>(n), std::get<1>(n)) <
                                           std::tie(std::get<0>(at), std::get<1>(at));
                                  });
    // Not one of its own clause, which acts beside it ("아마존과 구글이 모두 이 회사에
    // 투자했다": the company is one named before the comma), unless it only modifies a noun
    // ("숨결헬스 부스에서는 이 회사가 만든 반지가": 숨결헬스).
    const std::vector<Token>& tokens = doc.sentences[c.sentence].tokens;
    const auto same_clause = [&](const auto& n) {
      if (std::get<0>(n) != c.sentence || modifies_noun(std::get<0>(n), std::get<1>(n))) {
        return false;
      }
      for (std::uint32_t t = std::get<1>(n); t < c.begin; ++t) {
        if (tokens[t].text == "," || tokens[t].text == ";") {
          return false;
        }
      }
      return true;
    };
    while (after != names.begin() && same_clause(*std::prev(after))) {
      --after;
    }
    if (after == names.begin() || !within_reach(std::get<0>(*std::prev(after)), c.sentence)) {
      return nullptr;
    }
    // A unit noun stands for a unit of its own kind first: in "배차엔진팀은 모빌리티플랫폼실
    // 소속으로 … 팀은" the team, not the office named last.
    for (auto earlier = after; earlier != names.begin();) {
      --earlier;
      if (!within_reach(std::get<0>(*earlier), c.sentence)) {
        break;
      }
      const std::string& name = std::get<2>(*earlier);
      if (name.size() > c.surface.size() && name.ends_with(c.surface) && !same_clause(*earlier)) {
        return &name;
      }
    }
    // Nor, in an earlier sentence, one in a relative clause about a person, where the sentence
    // names one of the type before it: in "Vela was started by Ada Obi, who worked at Kivu. The
    // startup raised …" the startup is Vela, and Kivu is where its founder was.
    auto last = std::prev(after);
    const auto after_who = [&](const auto& n) {
      const std::vector<Token>& words = doc.sentences[std::get<0>(n)].tokens;
      for (std::uint32_t t = 1; t < std::get<1>(n) && t < words.size(); ++t) {
        if (words[t - 1].text == "," && (words[t].folded == "who" || words[t].folded == "whose")) {
          return true;
        }
      }
      return false;
    };
    while (std::get<0>(*last) != c.sentence && last != names.begin() &&
           std::get<0>(*std::prev(last)) == std::get<0>(*last) && after_who(*last)) {
      --last;
    }
    // Nor, where that sentence names none of the type before it, the owner of something in such
    // a clause ("Kavya, who spent years on Tesla's battery team, runs engineering. The company
    // raised …"): the one named in a sentence before it, within reach.
    while (std::get<0>(*last) != c.sentence && last != names.begin() && after_who(*last) &&
           possessors.contains({std::get<0>(*last), std::get<1>(*last)}) &&
           std::get<0>(*std::prev(last)) != std::get<0>(*last) &&
           within_reach(std::get<0>(*std::prev(last)), c.sentence)) {
      --last;
    }
    // A bare noun named in an earlier sentence is that sentence's subject where one of the
    // type is: in "다솜일기는 일기를 GPT-4o로 분석한다. 앱은 …" the app is 다솜일기, not GPT-4o.
    for (auto earlier = last; c.refers == Refers::kSubject && std::get<0>(*last) != c.sentence;) {
      if (std::get<3>(*earlier)) {
        return &std::get<2>(*earlier);
      }
      if (earlier == names.begin() || std::get<0>(*std::prev(earlier)) != std::get<0>(*last)) {
        break;
      }
      --earlier;
    }
    return &std::get<2>(*last);
  };
  // People named in full in Korean, in reading order: where a surname fits several, "정 전
  // CTO" is the one named last before it, in its sentence or the two before, unless another
  // with that surname is named in the same sentence as that one ("한지민 부사장과 한도윤
  // 상무를 ... 한 부사장은" stays unresolved).
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::string, std::string>> full_names;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const MentionCandidate& c = candidates[i];
    if (any_surname && wins[i] && c.type == EntityType::kPerson && c.refers == Refers::kNone &&
        korean_full_name(c.surface)) {
      full_names.emplace_back(c.sentence, c.begin, c.surface.substr(0, 3),
                              c.canonical.empty() ? c.surface : c.canonical);
    }
  }
  std::ranges::sort(full_names);
  auto named_last = [&](const MentionCandidate& c) -> const std::string* {
    const std::string* found = nullptr;
    std::uint32_t found_in = 0;
    bool ambiguous = false;
    for (const auto& [sentence, begin, surname, name] : full_names) {
      if (std::tie(sentence, begin) >= std::tie(c.sentence, c.begin)) {
        break;
      }
      if (surname != c.surface) {
        continue;
      }
      ambiguous = found != nullptr && found_in == sentence && *found != name;
      found = &name;
      found_in = sentence;
    }
    return found != nullptr && !ambiguous && found_in + kPreviousReach >= c.sentence ? found
                                                                                     : nullptr;
  };
  // Words that stand for the entity named before, in reading order: one found so stands for it
  // in turn ("광고추천팀 ... 팀이 만든 X ... 그래서 팀은 Kafka로": the second 팀 too).
  std::vector<std::size_t> referring;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (refers_before(candidates[i].refers)) {
      referring.push_back(i);
    }
  }
  std::ranges::sort(referring, [&](std::size_t a, std::size_t b) {
    return std::tie(candidates[a].sentence, candidates[a].begin) <
           std::tie(candidates[b].sentence, candidates[b].begin);
  });
  std::map<std::size_t, std::string> referred;
  for (const std::size_t i : referring) {
    const MentionCandidate& c = candidates[i];
    const std::string* name = named_before(c);
    if (name == nullptr) {
      continue;
    }
    referred[i] = *name;
    auto& names = named[c.type];
    const auto at =
        std::make_tuple(c.sentence, c.begin, *name, is_subject(doc.sentences[c.sentence], c));
    names.insert(std::ranges::upper_bound(names, at), at);
  }
  std::vector<MentionCandidate> kept;
  kept.reserve(candidates.size());
  for (MentionCandidate& c : candidates) {
    if (c.refers == Refers::kOwn) {
      auto it = own_name.find(c.type);
      if (it == own_name.end()) {
        pending.push_back(std::move(c));
        continue;
      }
      c.canonical = it->second;
      c.short_form = true;
    } else if (refers_before(c.refers)) {
      const auto name = referred.find(static_cast<std::size_t>(&c - candidates.data()));
      if (name == referred.end()) {
        pending.push_back(std::move(c));
        continue;
      }
      c.canonical = name->second;
      c.short_form = true;
    } else if (c.type == EntityType::kPerson && count_code_points_utf8(c.surface) == 1 &&
               c.surface.size() == 3) {
      // Not a reporter named later in a byline ("신혜권 기자" at the end is not the "신 사장" of
      // the article); a lede may use the surname before the full name ("백 대표가 ... 백준호
      // 대표는").
      const MentionCandidate* person = unique_fit(c.surface);
      const std::string* last = named_last(c);
      const bool byline_after =
          person != nullptr &&
          std::tie(person->sentence, person->begin) > std::tie(c.sentence, c.begin) &&
          in_byline(layout, doc, *person);
      if (person != nullptr && person->type == EntityType::kPerson && !byline_after) {
        c.canonical = person->canonical.empty() ? person->surface : person->canonical;
      } else if (last != nullptr) {
        c.canonical = *last;
      } else {
        pending.push_back(std::move(c));
        continue;
      }
      c.short_form = true;
    } else if (c.type == EntityType::kPerson && c.entry < 0 && c.canonical == c.surface &&
               !c.surface.empty() && ascii_letter(c.surface.front()) &&
               c.surface.find(' ') == std::string::npos) {
      // A surname a rule found on its own ("Mr. Arkwright", "Ms. Okafor-Hale") is the person
      // the document names in full with it, where it fits one (person_fit).
      const MentionCandidate* person = person_fit(fold_case(c.surface));
      if (person != nullptr && person->type == EntityType::kPerson &&
          fold_case(person->canonical.empty() ? person->surface : person->canonical) !=
              fold_case(c.surface)) {
        c.canonical = person->canonical.empty() ? person->surface : person->canonical;
        c.short_form = true;
      }
    } else if (const auto written = c.type == EntityType::kOrganization && c.entry < 0 &&
                                            c.canonical == c.surface && !companies.empty()
                                        ? companies.find(company_key(c.surface))
                                        : companies.end();
               written != companies.end() &&
               name_key(std::get<2>(written->second)) != name_key(c.surface)) {
      c.canonical = std::get<2>(written->second);
    } else if (c.type == EntityType::kOrganization && c.entry < 0 &&
               c.surface.find(' ') == std::string::npos) {
      // A rule may find the short form itself ("Clearpath's co-founder"): it is still the
      // company named in full.
      const MentionCandidate* company = unique_fit(fold_case(c.surface));
      if (company != nullptr && company->type == EntityType::kOrganization) {
        c.canonical = company->canonical.empty() ? company->surface : company->canonical;
        c.short_form = true;
      } else if (c.short_form) {
        // The full name an earlier pass took it for has lost its words to another reading
        // since: in "Tallow Labs, our research group" Tallow Labs is a team, and "Tallow, Inc."
        // is the company, named by its own word again.
        c.canonical = c.surface;
        c.short_form = false;
      }
    }
    kept.push_back(std::move(c));
  }
  candidates = std::move(kept);
  std::vector<std::pair<std::string, MentionCandidate>> forms;
  for (const auto& [form, names] : fits) {
    if (ascii_letter(form.front()) && names.size() == 1) {
      forms.emplace_back(form, full.at(*names.begin()));
    }
  }
  for (const auto& [form, names] : products) {
    if (names.size() == 1 && !fits.contains(form)) {
      forms.emplace_back(form, full.at(*names.begin()));
    }
  }
  return forms;
}

// A Hangul name the document taught ends in a syllable that also starts a particle: the
// tokenizer read "리턴제로는" as 리턴제 + 로는 and "리턴제로의" as 리턴제 + 로의. Where the surface
// is the name and then a particle (or nothing), the token is split again after the name. The
// indices of the tokens split again are added to `resplit`.
void resplit_onto_name(const DocumentAnalysis& doc, SentenceAnalysis& s, std::string_view name,
                       std::vector<std::uint32_t>& resplit) {
  if (name.empty() || static_cast<unsigned char>(name.front()) < 0x80) {
    return;
  }
  for (std::uint32_t k = 0; k < s.tokens.size(); ++k) {
    Token& t = s.tokens[k];
    if (t.particle.empty() || t.folded.size() >= name.size() || !name.starts_with(t.folded)) {
      continue;
    }
    const std::string_view surface = doc.normalized(t.begin, t.end);
    if (!surface.starts_with(name)) {
      continue;
    }
    const std::string_view rest = surface.substr(name.size());
    const ParticleSplit split = split_particle(rest);
    if (!rest.empty() && (!split.base.empty() || split.particle.size() != rest.size())) {
      continue;
    }
    t.base_end = t.begin + static_cast<std::uint32_t>(name.size());
    t.text = doc.normalized(t.begin, t.base_end);
    t.folded = t.text;
    t.word = kNoWord;
    t.particle = rest.empty() ? std::string_view() : split.particle;
    resplit.push_back(k);
  }
}

// "Billing Core" for the team "Billing Core team": the name without its last word when that
// word is one of the layout's unit_suffixes, follows a space and leaves a name that begins with
// a capital letter or a Hangul syllable ("the data team" stays whole); else empty.
std::string unit_stem(const std::string& name, const WordSet& suffixes) {
  // A capitalised Latin name, or a Hangul one (a lead byte EA..ED: "별똥별 팀").
  const auto lead = static_cast<unsigned char>(name.empty() ? 0 : name[0]);
  const bool named = (lead >= 'A' && lead <= 'Z') || (lead >= 0xEA && lead <= 0xED);
  const std::size_t space = name.rfind(' ');
  if (suffixes.empty() || space == std::string::npos || space == 0 || !named ||
      !suffixes.contains(fold_case(std::string_view(name).substr(space + 1)))) {
    return {};
  }
  return name.substr(0, space);
}

// The team's name without its unit word, one of unit_suffixes or alias_suffixes ("Payments
// Platform" for "the Payments Platform team"); else empty.
std::string team_stem(const std::string& name, const Layout& layout) {
  std::string stem = unit_stem(name, layout.unit_suffixes);
  return stem.empty() ? unit_stem(name, layout.alias_suffixes) : stem;
}

}  // namespace

void propagate_names(const StageContext& ctx, DocumentAnalysis& doc,
                     std::vector<MentionCandidate>& candidates,
                     std::vector<MentionCandidate>& pending, const KnownWord& known,
                     const std::vector<AliasLink>& links) {
  const Layout& layout = ctx.rules.layout;
  struct Learned {
    std::vector<std::string> tokens;  // folded surface forms
    MentionCandidate from;
  };
  const KnownWord keep_whole = [](std::string_view) { return true; };
  std::vector<Learned> learned;
  for (const auto& [form, person] : short_names(doc, layout, candidates, pending, known)) {
    Learned l{{form}, person};
    l.from.surface = form;
    l.from.canonical = person.canonical.empty() ? person.surface : person.canonical;
    l.from.short_form = true;
    l.from.priority = 0;  // any other reading of the word wins
    learned.push_back(std::move(l));
  }
  std::set<std::pair<EntityType, std::string>> seen;
  for (const MentionCandidate& c : candidates) {
    if ((c.entry >= 0 && !c.retyped) || c.short_form ||
        count_code_points_utf8(name_key(c.surface)) < 2 ||
        !seen.emplace(c.type, c.surface).second) {
      continue;
    }
    Learned l{{}, c};
    FoldedForms folded;
    for (const Token& t :
         tokenize(c.surface, 0, static_cast<std::uint32_t>(c.surface.size()), keep_whole, folded)) {
      l.tokens.push_back(fold_case(std::string_view(c.surface).substr(t.begin, t.end - t.begin)));
    }
    learned.push_back(std::move(l));
  }
  // A team named with its unit word is named again without it ("the Billing Core team ... Billing
  // Core moved to ..."), where that leaves two words or more and no other kind of name (the other
  // kinds' name keys, worked out at the first such team).
  std::optional<std::set<std::string>> other_keys;
  const std::size_t named = learned.size();
  for (std::size_t i = 0; i < named; ++i) {
    const MentionCandidate& c = learned[i].from;
    const std::string stem =
        c.type == EntityType::kTeam && !c.short_form && learned[i].tokens.size() >= 3
            ? unit_stem(c.surface, layout.unit_suffixes)
            : std::string();
    if (stem.empty()) {
      continue;
    }
    if (!other_keys) {
      other_keys.emplace();
      for (const MentionCandidate& other : candidates) {
        if (other.type != EntityType::kTeam) {
          other_keys->insert(name_key(other.surface));
        }
      }
    }
    if (other_keys->contains(name_key(stem)) || !seen.emplace(c.type, stem).second) {
      continue;
    }
    Learned l{{learned[i].tokens.begin(), learned[i].tokens.end() - 1}, c};
    l.from.surface = stem;
    if (l.from.canonical.empty()) {
      l.from.canonical = c.surface;
    }
    learned.push_back(std::move(l));
  }
  for (const AliasLink& link : links) {
    if (link.name.empty() || count_code_points_utf8(name_key(link.name)) < 2) {
      continue;
    }
    // The longest candidate that starts where the linked mention does.
    const MentionCandidate* of = nullptr;
    for (const MentionCandidate& c : candidates) {
      if (c.sentence == link.sentence && c.begin == link.begin &&
          (of == nullptr || c.end > of->end)) {
        of = &c;
      }
    }
    if (of == nullptr) {
      continue;
    }
    Learned l{{}, *of};
    l.from.surface = link.name;
    if (l.from.canonical.empty()) {
      l.from.canonical = of->surface;
    }
    FoldedForms folded;
    for (const Token& t :
         tokenize(link.name, 0, static_cast<std::uint32_t>(link.name.size()), keep_whole, folded)) {
      l.tokens.push_back(fold_case(std::string_view(link.name).substr(t.begin, t.end - t.begin)));
    }
    learned.push_back(std::move(l));
  }
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    SentenceAnalysis& s = doc.sentences[si];
    if (s.boilerplate) {
      continue;
    }
    std::vector<std::uint32_t> resplit;
    for (const Learned& l : learned) {
      resplit_onto_name(doc, s, l.tokens.back(), resplit);
    }
    // A gazetteer name read in the shorter word is gone with it: once the document has taught
    // 리벨로, the 리벨 of "리벨로는" is no longer the product 리벨.
    if (!resplit.empty()) {  // rare: a scan of every candidate for each sentence would be quadratic
      std::erase_if(candidates, [&](const MentionCandidate& c) {
        return c.sentence == si && c.entry >= 0 &&
               std::ranges::find(resplit, c.end - 1) != resplit.end();
      });
      // The rule filter's data of the sentence was found for the old words, and the relation
      // stage reads it too, where no later entity pass finds it again: the word and affix sets,
      // the hashes the matcher's word tests look the new words up by, the token classes.
      ctx.filter.find_word_sets(s, doc.words);
      RuleFilter::find_token_classes(s, ctx.gazetteer, doc.words);
    }
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    for (const Learned& l : learned) {
      const auto len = static_cast<std::uint32_t>(l.tokens.size());
      for (std::uint32_t i = 0; i + len <= n; ++i) {
        bool match = true;
        for (std::uint32_t k = 0; k < len && match; ++k) {
          // The last word may take a particle; the others may not, and without one a
          // token's folded base form is its folded surface.
          const Token& t = s.tokens[i + k];
          match = t.folded == l.tokens[k] && (k + 1 == len || t.particle.empty());
        }
        // A capitalised name is not the lower-case word: "Media" (of Causeway Media Partners)
        // is not the "media" of "social media".
        const std::string& name = l.from.canonical.empty() ? l.from.surface : l.from.canonical;
        if (match && !(is_upper_ascii(name.front()) && is_lower_ascii(s.tokens[i].text.front()))) {
          MentionCandidate c = l.from;
          c.sentence = si;
          c.begin = i;
          c.end = i + len;
          c.surface = span_text(doc, s, i, i + len);
          c.priority = l.from.priority - 1;
          candidates.push_back(std::move(c));
        }
      }
    }
  }
}

namespace {

// The indices of the candidates resolve_overlaps keeps, sorted by position.
std::vector<std::uint32_t> overlap_winners(const DocumentAnalysis& doc, const Layout& layout,
                                           const std::vector<MentionCandidate>& candidates) {
  // The candidates' indices, longest first, then by priority, then by position, then by index
  // (as a stable sort keeps them), sorted by a key of each worked out once: moving whole
  // candidates, or comparing their fields at each step of the sort, costs more.
  struct Order {
    std::uint64_t length_priority;  // the bytes' complement, then the priority's
    std::uint64_t position;         // sentence, then first token
    std::uint32_t index;
    bool operator<(const Order& o) const {
      return std::tie(length_priority, position, index) <
             std::tie(o.length_priority, o.position, o.index);
    }
  };
  std::vector<Order> keys(candidates.size());
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const MentionCandidate& c = candidates[i];
    const SentenceAnalysis& s = doc.sentences[c.sentence];
    const std::uint32_t length = s.tokens[c.end - 1].base_end - s.tokens[c.begin].begin;
    const auto priority = static_cast<std::uint32_t>(std::int64_t{INT32_MAX} - c.priority);
    keys[i] = {std::uint64_t{UINT32_MAX - length} << 32 | priority,
               std::uint64_t{c.sentence} << 32 | c.begin, i};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::uint32_t> order(candidates.size());
  std::transform(keys.begin(), keys.end(), order.begin(), [](const Order& k) { return k.index; });
  // Where a person's name is found, a unit of three words or more that a rule read as starting
  // with it, or with its last words, is none: in "강국현 커스토머 부문장" the unit is 커스토머
  // 부문, and 강국현 heads it; in "케빈 양 머신러닝 부문 이사" it is not "양 머신러닝 부문". (A
  // two-word unit such as "모바일 팀" keeps its place against a weak reading of its first word.)
  // (sentence, token), sorted.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> person_words;
  for (const MentionCandidate& c : candidates) {
    if (c.type == EntityType::kPerson) {
      for (std::uint32_t t = c.begin; t < c.end; ++t) {
        person_words.emplace_back(c.sentence, t);
      }
    }
  }
  std::sort(person_words.begin(), person_words.end());
  // Likewise a unit read as starting with an organization's name, where the words after the name
  // are a unit of their own: "그림마루 IP사업본부" is 그림마루's IP사업본부. And a company's name
  // and a staff word ("the Xero team", "토스팀") name its people, not a unit. Both only where the
  // document names that company: one a rule read only inside a longer team's name ("Quota
  // Analytics" of "the Quota Analytics team", by its company word) is no company it names.
  // Only gathered where a team found by a rule may need them: this runs once per entity pass.
  // (sentence, begin, end), sorted.
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> org_spans;
  std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> team_spans;
  std::set<std::string> companies;
  if (std::ranges::any_of(candidates, [](const MentionCandidate& c) {
        return c.type == EntityType::kTeam && c.entry < 0;
      })) {
    for (const MentionCandidate& c : candidates) {
      if (c.type == EntityType::kTeam) {
        team_spans.emplace_back(c.sentence, c.begin, c.end);
      }
    }
    std::ranges::sort(team_spans);
    const auto inside_team = [&](const MentionCandidate& c) {
      for (auto t = std::ranges::lower_bound(team_spans, std::tuple(c.sentence, 0u, 0u));
           t != team_spans.end() && std::get<0>(*t) == c.sentence; ++t) {
        if (std::get<1>(*t) <= c.begin && c.end <= std::get<2>(*t) &&
            std::get<2>(*t) - std::get<1>(*t) > c.end - c.begin) {
          return true;
        }
      }
      return false;
    };
    for (const MentionCandidate& c : candidates) {
      if (c.type == EntityType::kOrganization && (c.entry >= 0 || !inside_team(c))) {
        companies.insert(name_key(c.surface));
        companies.insert(name_key(c.canonical));
        // Its first word too, for a name of several words ("Gloamwright" of "Gloamwright
        // Interactive"): "the Gloamwright team" is the company's people as well.
        if (const std::size_t space = c.canonical.find(' '); space != std::string::npos) {
          companies.insert(name_key(std::string_view(c.canonical).substr(0, space)));
        }
      }
    }
    for (const MentionCandidate& c : candidates) {
      if (c.type == EntityType::kOrganization && companies.contains(name_key(c.surface))) {
        org_spans.emplace_back(c.sentence, c.begin, c.end);
      }
    }
    std::ranges::sort(org_spans);
  }
  const auto opens_with_company = [&](const MentionCandidate& c) {
    const auto from = std::ranges::lower_bound(org_spans, std::tuple(c.sentence, c.begin, 0u));
    for (auto o = from; o != org_spans.end() && std::get<0>(*o) == c.sentence &&
                        std::get<1>(*o) == c.begin && std::get<2>(*o) < c.end;
         ++o) {
      if (std::ranges::binary_search(team_spans, std::tuple(c.sentence, std::get<2>(*o), c.end))) {
        return true;
      }
    }
    return false;
  };
  const auto staff_of_company = [&](const MentionCandidate& c) {
    const std::string key = name_key(c.surface);
    return std::ranges::any_of(layout.staff_words, [&](std::string_view w) {
      const std::string staff = name_key(w);
      return key.size() > staff.size() && key.ends_with(staff) &&
             companies.contains(key.substr(0, key.size() - staff.size()));
    });
  };
  // Tokens already taken: those of sentence s from first_token[s] on, in one vector.
  std::vector<std::uint32_t> first_token(doc.sentences.size() + 1, 0);
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    first_token[si + 1] =
        first_token[si] + static_cast<std::uint32_t>(doc.sentences[si].tokens.size());
  }
  std::vector<std::uint8_t> taken(first_token.back(), 0);
  std::vector<std::uint32_t> accepted;
  for (const std::uint32_t i : order) {
    const MentionCandidate& c = candidates[i];
    if (c.type == EntityType::kTeam && c.entry < 0 &&
        ((c.end - c.begin > 2 && std::binary_search(person_words.begin(), person_words.end(),
                                                    std::make_pair(c.sentence, c.begin))) ||
         staff_of_company(c) || opens_with_company(c))) {
      continue;
    }
    const auto first = taken.begin() + first_token[c.sentence] + c.begin;
    const auto last = taken.begin() + first_token[c.sentence] + c.end;
    if (std::find(first, last, 1) == last) {
      std::fill(first, last, 1);
      accepted.push_back(i);
    }
  }
  std::sort(accepted.begin(), accepted.end(), [&](std::uint32_t x, std::uint32_t y) {
    return std::tie(candidates[x].sentence, candidates[x].begin) <
           std::tie(candidates[y].sentence, candidates[y].begin);
  });
  return accepted;
}

}  // namespace

void resolve_overlaps(DocumentAnalysis& doc, const Layout& layout,
                      const std::vector<MentionCandidate>& candidates) {
  const std::vector<std::uint32_t> accepted = overlap_winners(doc, layout, candidates);
  // Copied over the mentions of the pass before, most of them the same: their strings keep
  // their storage instead of each being allocated again.
  doc.mentions.resize(accepted.size());
  for (std::size_t k = 0; k < accepted.size(); ++k) {
    doc.mentions[k] = candidates[accepted[k]];
  }
}

void resolve_overlaps(DocumentAnalysis& doc, const Layout& layout,
                      std::vector<MentionCandidate>&& candidates) {
  const std::vector<std::uint32_t> accepted = overlap_winners(doc, layout, candidates);
  std::vector<MentionCandidate> mentions;
  mentions.reserve(accepted.size());
  for (const std::uint32_t i : accepted) {
    mentions.push_back(std::move(candidates[i]));
  }
  doc.mentions = std::move(mentions);
}

std::vector<LocalEntity> resolve_entities(const StageContext& ctx, DocumentAnalysis& doc,
                                          const std::vector<AliasLink>& links) {
  const int n = static_cast<int>(doc.mentions.size());
  // The mention at (sentence, first token): the last one there, as sorted (sentence, begin,
  // mention) triples, found by binary search instead of a tree node per mention.
  std::vector<std::tuple<std::uint32_t, std::uint32_t, int>> starts;
  starts.reserve(doc.mentions.size());
  for (int m = 0; m < n; ++m) {
    starts.emplace_back(doc.mentions[m].sentence, doc.mentions[m].begin, m);
  }
  std::sort(starts.begin(), starts.end());
  const auto mention_at = [&](std::uint32_t sentence, std::uint32_t begin) {
    const auto after =
        std::upper_bound(starts.begin(), starts.end(), std::make_tuple(sentence, begin, INT_MAX));
    return after != starts.begin() && std::get<0>(after[-1]) == sentence &&
                   std::get<1>(after[-1]) == begin
               ? std::get<2>(after[-1])
               : -1;
  };
  // "비바리퍼블리카(토스)": a company written with the name of its own product in
  // parentheses is called by it; that mention is the company, not the product.
  for (const AliasLink& link : links) {
    const int it = mention_at(link.sentence, link.begin);
    const int ot = link.other_begin >= 0
                       ? mention_at(link.sentence, static_cast<std::uint32_t>(link.other_begin))
                       : -1;
    if (it < 0 || ot < 0) {
      continue;
    }
    const MentionCandidate& org = doc.mentions[it];
    MentionCandidate& named = doc.mentions[ot];
    if (org.type == EntityType::kOrganization && named.type != EntityType::kOrganization &&
        named.entry >= 0 && !ctx.rules.gazetteer[named.entry].by().empty() &&
        name_key(ctx.rules.gazetteer[named.entry].by()) == name_key(org.canonical)) {
      named.type = EntityType::kOrganization;
      named.canonical = org.canonical;
      named.entry = org.entry;
    }
  }
  UnionFind uf(static_cast<std::size_t>(n));
  // Each mention's names as (type, name key) pairs, listed in key order by their numbers: the
  // mentions of one pair are one entity. The entities are numbered by their first mention,
  // whatever the order of the unions.
  struct Named {
    EntityType type;
    std::string key;
    int mention;
  };
  std::vector<Named> named;
  named.reserve(2 * doc.mentions.size());
  for (int m = 0; m < n; ++m) {
    const MentionCandidate& c = doc.mentions[m];
    named.push_back({c.type, name_key(c.canonical), m});
    // A surface that is the canonical name (every name a rule found) has its key already. Words
    // that refer to an entity ("이 회사", "the company") are no name of it: two of them that
    // stand for different companies name no one entity.
    if (c.surface != c.canonical && c.refers == Refers::kNone) {
      named.push_back({c.type, name_key(c.surface), m});
    }
    // "the Billing Core team" and "Billing Core" name one team.
    if (c.type == EntityType::kTeam) {
      const std::string stem = team_stem(c.surface, ctx.rules.layout);
      if (!stem.empty()) {
        named.push_back({c.type, name_key(stem), m});
      }
    }
  }
  const auto key_less = [](EntityType at, const std::string& a, EntityType bt,
                           const std::string& b) { return at != bt ? at < bt : a < b; };
  std::vector<std::uint32_t> by_key(named.size());
  std::iota(by_key.begin(), by_key.end(), 0U);
  std::sort(by_key.begin(), by_key.end(), [&](std::uint32_t a, std::uint32_t b) {
    return key_less(named[a].type, named[a].key, named[b].type, named[b].key);
  });
  for (std::size_t k = 1; k < by_key.size(); ++k) {
    const Named& a = named[by_key[k - 1]];
    const Named& b = named[by_key[k]];
    if (a.type == b.type && a.key == b.key) {
      uf.unite(a.mention, b.mention);
    }
  }
  std::map<int, std::vector<std::string>> extra_names;
  for (const AliasLink& link : links) {
    const int m = mention_at(link.sentence, link.begin);
    if (m < 0) {
      continue;
    }
    if (link.other_begin >= 0) {
      const int ot = mention_at(link.sentence, static_cast<std::uint32_t>(link.other_begin));
      if (ot >= 0 && doc.mentions[ot].type == doc.mentions[m].type) {
        uf.unite(m, ot);
      }
      continue;
    }
    extra_names[m].push_back(link.name);
    const EntityType type = doc.mentions[m].type;
    const std::string key = name_key(link.name);
    const auto same = std::lower_bound(by_key.begin(), by_key.end(), key,
                                       [&](std::uint32_t i, const std::string& k) {
                                         return key_less(named[i].type, named[i].key, type, k);
                                       });
    if (same != by_key.end() && named[*same].type == type && named[*same].key == key) {
      uf.unite(m, named[*same].mention);
    }
    // The alias is the same entity whatever type a rule gave its other mentions: in "여행 예약
    // 플랫폼 X(Latin)" the type noun made a product of the name and its alias, and the company
    // X stands for won the name's span; the alias goes with it.
    for (const EntityType other : {EntityType::kPerson, EntityType::kOrganization,
                                   EntityType::kTeam, EntityType::kProduct, EntityType::kTool}) {
      if (other == type) {
        continue;
      }
      auto it = std::lower_bound(by_key.begin(), by_key.end(), key,
                                 [&](std::uint32_t i, const std::string& k) {
                                   return key_less(named[i].type, named[i].key, other, k);
                                 });
      for (; it != by_key.end() && named[*it].type == other && named[*it].key == key; ++it) {
        MentionCandidate& alias = doc.mentions[named[*it].mention];
        if (alias.entry < 0) {
          alias.type = type;
          uf.unite(m, named[*it].mention);
        }
      }
    }
  }
  std::vector<int> entity_of_root(static_cast<std::size_t>(n), -1);
  std::vector<LocalEntity> entities;
  entities.reserve(doc.mentions.size());
  doc.entity_of_mention.assign(static_cast<std::size_t>(n), -1);
  for (int m = 0; m < n; ++m) {
    int& entity = entity_of_root[static_cast<std::size_t>(uf.find(m))];
    if (entity < 0) {
      entity = static_cast<int>(entities.size());
      entities.emplace_back().type = doc.mentions[m].type;
    }
    doc.entity_of_mention[m] = entity;
    entities[entity].mentions.push_back(m);
  }
  // Votes for an entity's gazetteer entries and written forms: few of either, counted in a
  // list each.
  std::vector<std::pair<int, int>> entry_votes;
  std::vector<std::pair<std::string_view, int>> surface_votes;
  for (LocalEntity& e : entities) {
    entry_votes.clear();
    surface_votes.clear();
    std::vector<std::string> names;
    for (int m : e.mentions) {
      const MentionCandidate& c = doc.mentions[m];
      if (c.entry >= 0) {
        const auto entry_vote =
            std::ranges::find(entry_votes, c.entry, &std::pair<int, int>::first);
        if (entry_vote == entry_votes.end()) {
          entry_votes.emplace_back(c.entry, 1);
        } else {
          ++entry_vote->second;
        }
      }
      if (c.short_form) {
        continue;
      }
      // Each written form once: the names are sorted and made unique below.
      const auto surface_vote = std::ranges::find(surface_votes, std::string_view(c.surface),
                                                  &std::pair<std::string_view, int>::first);
      if (surface_vote == surface_votes.end()) {
        surface_votes.emplace_back(c.surface, 1);
        names.push_back(c.surface);
      } else {
        ++surface_vote->second;
      }
      auto extra = extra_names.find(m);
      if (extra != extra_names.end()) {
        names.insert(names.end(), extra->second.begin(), extra->second.end());
      }
    }
    if (!entry_votes.empty()) {
      // The entry most mentions have; on a tie, the lowest.
      std::pair<int, int> winner = entry_votes.front();
      for (const auto& [entry, votes] : entry_votes) {
        if (votes > winner.second || (votes == winner.second && entry < winner.first)) {
          winner = {entry, votes};
        }
      }
      e.entry = winner.first;
      e.name = ctx.rules.gazetteer[e.entry].name();
    } else {
      // The most frequent written form; on a tie, the first one written.
      int best = 0;
      for (const auto& [surface, votes] : surface_votes) {
        if (votes > best) {
          best = votes;
          e.name = surface;
        }
      }
    }
    if (e.name.empty()) {
      e.name = doc.mentions[e.mentions.front()].canonical;
    }
    if (e.type == EntityType::kTeam) {
      const std::size_t written = names.size();
      for (std::size_t i = 0; i <= written; ++i) {
        std::string stem = team_stem(i < written ? names[i] : e.name, ctx.rules.layout);
        if (!stem.empty()) {
          names.push_back(std::move(stem));
        }
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::erase(names, e.name);
    e.aliases = std::move(names);
  }
  if (ctx.trace) {
    for (int m = 0; m < n; ++m) {
      const MentionCandidate& c = doc.mentions[m];
      const LocalEntity& e = entities[doc.entity_of_mention[m]];
      ctx.trace->push_back({"entity " + std::string(to_string(e.type)) + " \"" + e.name + "\"",
                            c.rule, c.surface, sentence_text(doc, c.sentence)});
    }
  }
  return entities;
}

// Whether token `t` carries a subject particle (은/는/이/가).
bool subject_particle(const Token& t) { return is_subject_particle(t.particle); }

// Whether mention `m` bears a subject particle, on its last word or on the noun after it
// ("블룸버그 통신은").
bool marked_subject(const std::vector<Token>& tokens, const MentionCandidate& m) {
  return subject_particle(tokens[m.end - 1]) ||
         (tokens[m.end - 1].particle.empty() && m.end < tokens.size() &&
          subject_particle(tokens[m.end]));
}

// Which tokens of a sentence stand inside a quotation in double quotes (“…”, "…"); empty when
// the sentence has none.
std::vector<bool> quoted_tokens(const SentenceAnalysis& s) {
  std::vector<bool> quoted;
  bool open = false;
  for (std::size_t t = 0; t < s.tokens.size(); ++t) {
    const std::string_view w = s.tokens[t].text;  // compared inline, without a call per literal
    if (w == "“" || w == "”" || w == "\"") {
      open = w == "“" || (w == "\"" && !open);
      quoted.resize(s.tokens.size(), false);
      continue;
    }
    if (open) {
      quoted[t] = true;
    }
  }
  return quoted;
}

std::uint8_t layout_word(const Layout& layout, std::string_view folded) {
  const std::size_t hash = StringHash{}(folded);
  const auto bit = [&](const WordSet& set, std::uint8_t b) {
    return set.contains(folded, hash) ? b : std::uint8_t{0};
  };
  const bool stem = std::ranges::any_of(layout.writer_words, [&](std::string_view w) {
    return w.size() > folded.size() && w.starts_with(folded);
  });
  return bit(layout.writer_words, kWriterWord) | bit(layout.we_words, kWeWord) |
         bit(layout.byline_markers, kBylineMarker) | bit(layout.report_verbs, kReportVerb) |
         bit(layout.clause_openers, kClauseOpener) | bit(layout.respectively_words, kRespectively) |
         bit(layout.tell_verbs, kTellVerb) | (stem ? kWriterStem : std::uint8_t{0});
}

void add_word_facts(WordFacts& facts, const TokenCache& cache, const Gazetteer& gazetteer,
                    const Layout& layout, const RuleFilter& filter) {
  std::vector<std::uint32_t> affix_sets;
  for (auto w = static_cast<std::uint32_t>(facts.size()); w < cache.words(); ++w) {
    const std::string folded(cache.word(w));
    const std::size_t hash = StringHash{}(folded);
    facts.gazetteer_keys.push_back(gazetteer.key_of(folded));
    facts.layout.push_back(layout_word(layout, folded));
    facts.name_word.push_back(gazetteer.is_name_word(folded, hash) ? 1 : 0);
    facts.hashes.push_back(hash);
    affix_sets.clear();
    const std::uint32_t filter_word = filter.word_sets_of(folded, hash, affix_sets);
    facts.filter_words.push_back(filter_word);
    if (filter_word != StringIndex::kAbsent) {
      append_set_masks(filter.sets_of_word(filter_word), facts.word_masks);
    }
    facts.word_mask_ends.push_back(static_cast<std::uint32_t>(facts.word_masks.size()));
    append_set_masks(affix_sets, facts.affix_masks);
    facts.affix_mask_ends.push_back(static_cast<std::uint32_t>(facts.affix_masks.size()));
  }
}

void count_person_words(const Layout& layout, SentenceAnalysis& s,
                        std::span<const std::uint8_t> person) {
  std::string written;  // the folded word with its particle, which folding leaves as it is
  for (std::size_t k = 0; k < s.tokens.size(); ++k) {
    if (!s.quoted.empty() && s.quoted[k]) {
      continue;
    }
    const Token& t = s.tokens[k];
    if (t.word < person.size()) {
      const std::uint8_t p = person[t.word];
      if (t.particle.empty()) {
        s.writer_words += (p & kWriterWord) != 0 ? 1 : 0;
      } else if ((p & kWriterStem) != 0) {
        written.assign(t.folded).append(t.particle);
        s.writer_words += layout.writer_words.contains(written) ? 1 : 0;
      }
      s.we_words += (p & kWeWord) != 0 ? 1 : 0;
      continue;
    }
    // Without a particle the written word is the folded one: hashed once for both sets.
    const std::size_t hash = StringHash{}(t.folded);
    if (t.particle.empty()) {
      s.writer_words += layout.writer_words.contains(t.folded, hash) ? 1 : 0;
    } else {
      written.assign(t.folded).append(t.particle);
      s.writer_words += layout.writer_words.contains(written) ? 1 : 0;
    }
    s.we_words += layout.we_words.contains(t.folded, hash) ? 1 : 0;
  }
}

// Whether mention `m` is the subject of sentence `s`: it bears a subject particle, or it opens
// a sentence in a language that marks no subject, alone or after a determiner ("The startup
// signed a deal with Siemens. Its firmware …": its is the startup's).
bool is_subject(const SentenceAnalysis& s, const MentionCandidate& m) {
  if (s.lang == Lang::kKo) {
    return marked_subject(s.tokens, m);
  }
  return m.begin == 0 ||
         (m.begin == 1 && (s.tokens[0].folded == "the" || s.tokens[0].folded == "this" ||
                           s.tokens[0].folded == "that"));
}

// "(서울=연합뉴스) 김민수 기자", "[뉴스핌=심지혜 기자]", "ZDNet Korea 김민수 기자", a line "|
// 연합뉴스": the mention is the outlet that publishes the article. A byline word right before the
// name or within three words after it marks it, and so does a short line that opens with a bar.
// A byline word is written bare: with a particle it is a word of the sentence ("X는 사진을
// 찍으면", not the caption "[사진=X]"). So is the outlet before it: a name with a particle is
// the sentence's ("픽셀두루는 사진 편집 서비스를 운영한다", not "연합뉴스 김민수 기자").
bool in_byline(const Layout& layout, const DocumentAnalysis& doc, const MentionCandidate& m) {
  constexpr std::uint32_t kAfter = 3;
  constexpr std::size_t kShortLine = 4;
  const std::vector<Token>& tokens = doc.sentences[m.sentence].tokens;
  const auto marks = [&](std::uint32_t k) {
    return tokens[k].particle.empty() &&
           in_layout_set(tokens[k], doc.words, kBylineMarker, layout.byline_markers);
  };
  if (m.begin > 0 && marks(m.begin - 1)) {
    return true;
  }
  const bool bare = tokens[m.end - 1].particle.empty();
  for (std::uint32_t k = m.end; bare && k < tokens.size() && k < m.end + kAfter; ++k) {
    if (marks(k)) {
      return true;
    }
  }
  if (tokens.size() <= kShortLine && tokens.front().text == "|") {
    return true;
  }
  // A line that is nothing but an organization's name, as a scraped page prints its outlet
  // under the headline ("중앙일보"); not a page's title, the name the next sentences are about
  // ("베리모션" over "베리모션은 로봇 기업이다").
  if (m.type == EntityType::kOrganization && m.begin == 0 && m.end == tokens.size()) {
    const std::uint32_t si = m.sentence;
    const std::uint32_t line = doc.sentences[si].span.line;
    if ((si == 0 || doc.sentences[si - 1].span.line != line) &&
        (si + 1 == doc.sentences.size() || doc.sentences[si + 1].span.line != line)) {
      return !(si == 0 && std::ranges::any_of(doc.mentions, [&](const MentionCandidate& o) {
                 return o.sentence > si && o.sentence <= si + 2 && o.canonical == m.canonical &&
                        is_subject(doc.sentences[o.sentence], o);
               }));
    }
  }
  // "블룸버그는 지푸가 ... 조달했다고 보도했다": the first subject of a sentence with a verb of
  // reporting (not 지푸, the subject of what is reported).
  return marked_subject(tokens, m) &&
         std::none_of(tokens.begin(), tokens.begin() + m.begin, subject_particle) &&
         std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
           return in_layout_set(t, doc.words, kReportVerb, layout.report_verbs);
         });
}

namespace {

// Whether the sentences on lines [first, last) other than boilerplate speak in the first person
// singular: the layout's writer_words twice or more, `extra` counted with them (a writer who
// introduces themselves), and more often than its we_words.
bool speaks_as_one(const DocumentAnalysis& doc, std::uint32_t first, std::uint32_t last,
                   int extra) {
  constexpr int kWords = 2;
  int words = extra;
  int we = 0;
  for (const SentenceAnalysis& s : doc.sentences) {
    if (s.span.line >= first && s.span.line < last && !s.boilerplate) {
      words += s.writer_words;
      we += s.we_words;
    }
  }
  return words >= kWords && words > we;
}

// A thread's opening post, whose reply header names its writer ("dana_k · Dana Kerr · posted 3
// days ago") above any paragraph, with two replies or more under headers of their own below it:
// the clauses of the post that say "I" are that person's, up to the next reply's header, where
// another writer speaks. The post's "we" is not the writer's: a career post's "our stack" is the
// company's; nor are its sentences without "I" (post stays -1), unless the post says "I" more
// often than "we". None where the document is no thread.
Writer thread_writer(const DocumentAnalysis& doc, const std::vector<LocalEntity>& entities) {
  const std::vector<Line>& lines = doc.segmentation.lines;
  // A header's fields, however long a name makes the line, end in no full stop.
  constexpr std::size_t kFieldsLine = 100;
  const auto fields = [&](std::size_t l) {
    const std::string_view text = doc.normalized(lines[l].begin, lines[l].end);
    return reply_header(lines[l], text) ||
           (lines[l].kind == LineKind::kProse &&
            text.find(" \xC2\xB7 ") != std::string_view::npos && !text.ends_with('.') &&
            count_code_points_utf8(text) <= kFieldsLine);
  };
  std::size_t header = lines.size();
  for (std::size_t l = 0; l < lines.size() && header == lines.size(); ++l) {
    const std::string_view text = doc.normalized(lines[l].begin, lines[l].end);
    if (fields(l)) {
      header = l;
    } else if (lines[l].kind == LineKind::kProse && text.ends_with('.')) {
      return {};  // a paragraph before any reply header: no thread's opening post
    }
  }
  int writer = -1;
  for (std::size_t m = 0; m < doc.mentions.size() && writer < 0 && header < lines.size(); ++m) {
    const int e = doc.entity_of_mention[m];
    if (e >= 0 && entities[e].type == EntityType::kPerson &&
        doc.sentences[doc.mentions[m].sentence].span.line == header) {
      writer = e;
    }
  }
  if (writer < 0) {
    return {};
  }
  // The first reply's header follows the opening post's body: a line of fields before any
  // sentence of it still belongs to the post's header ("2d · Edited" under a social post's name).
  std::size_t next = header + 1;
  bool body = false;
  while (next < lines.size() && !(body && fields(next))) {
    const std::string_view text = doc.normalized(lines[next].begin, lines[next].end);
    const std::size_t last = text.find_last_not_of(" \r");
    body = body || (lines[next].kind == LineKind::kProse && !fields(next) &&
                    last != std::string_view::npos &&
                    (text[last] == '.' || text[last] == '!' || text[last] == '?'));
    ++next;
  }
  // A thread: two replies at least under headers of their own after the opening post's.
  constexpr int kReplies = 2;
  int replies = 0;
  for (std::size_t l = next; l < lines.size(); ++l) {
    replies += fields(l) ? 1 : 0;
  }
  if (replies < kReplies) {
    return {};
  }
  // An opening post that speaks in the first person singular (a social post over its comments:
  // "저는 배차팀에 합류합니다 … 제가 …") is its writer's as a post one person writes is, up to
  // the first reply: its subjectless clauses too ("누리랩을 떠나 가온에서 일하게 됐습니다").
  const auto body_line = static_cast<std::uint32_t>(header + 1);
  return {.named = writer,
          .post = speaks_as_one(doc, body_line, static_cast<std::uint32_t>(next), 0) ? writer : -1,
          .last_line = static_cast<std::uint32_t>(next - 1)};
}

}  // namespace

Writer find_writer(const Layout& layout, const DocumentAnalysis& doc,
                   const std::vector<Byline>& found, const std::vector<LocalEntity>& entities) {
  if (layout.writer_words.empty() || doc.kind.interview) {
    return {};
  }
  if (const Writer opening = thread_writer(doc, entities); opening.named >= 0) {
    return opening;
  }
  // The person the header names, else the one the first sentence below it introduces
  // ("안녕하세요, 백엔드 엔지니어 편도윤입니다"); without one, no writer, and nothing more to read.
  std::uint32_t first_body = 0;
  while (first_body < doc.sentences.size() &&
         (doc.header_line[doc.sentences[first_body].span.line] ||
          doc.sentences[first_body].boilerplate)) {
    ++first_body;
  }
  int writer = -1;
  // Whether the writer introduces themselves (a copula closes the name), which speaks in the
  // first person itself.
  bool introduced = false;
  for (std::size_t m = 0; m < doc.mentions.size() && writer < 0; ++m) {
    const MentionCandidate& c = doc.mentions[m];
    const int e = doc.entity_of_mention[m];
    if (doc.header_line[doc.sentences[c.sentence].span.line] && e >= 0 &&
        entities[e].type == EntityType::kPerson) {
      writer = e;
      introduced = is_copula_ending(doc.sentences[c.sentence].tokens[c.end - 1].particle);
      // A record's header field holds the person ("이름: 탁하윤"): the document is their own,
      // a résumé that never says "I".
      const SentenceAnalysis& s = doc.sentences[c.sentence];
      if (c.begin >= 2 && s.tokens[c.begin - 1].text == ":" &&
          layout.record_fields.contains(
              fold_letters(doc.normalized(s.span.begin, s.tokens[c.begin - 1].begin)))) {
        return {.named = writer, .post = writer};
      }
    }
  }
  // Else a byline's: the person right after its marker, below a scraped page's menus ("by 한결 ·
  // 솔빛랩 대표").
  for (const Byline& b : found) {
    const std::vector<Token>& tokens = doc.sentences[b.sentence].tokens;
    for (std::size_t m = 0; m < doc.mentions.size() && writer < 0; ++m) {
      const MentionCandidate& c = doc.mentions[m];
      const int e = doc.entity_of_mention[m];
      if (c.sentence == b.sentence && e >= 0 && entities[e].type == EntityType::kPerson &&
          std::all_of(tokens.begin() + b.marker_end, tokens.begin() + c.begin,
                      [](const Token& t) { return t.script == Script::kPunct; })) {
        writer = e;
      }
    }
  }
  for (std::size_t m = 0; m < doc.mentions.size() && writer < 0; ++m) {
    const MentionCandidate& c = doc.mentions[m];
    const int e = doc.entity_of_mention[m];
    if (c.sentence == first_body && e >= 0 && entities[e].type == EntityType::kPerson &&
        is_copula_ending(doc.sentences[c.sentence].tokens[c.end - 1].particle)) {
      writer = e;
      introduced = true;
    }
  }
  if (writer < 0) {
    return {};
  }
  // A transcript, whose speakers each say "I": three turns or more open with a speaker's name
  // in capitalised Latin words and a colon ("THEO: …", "[00:01:05] Carla Jiménez: …"), not one
  // of the layout's address_fields (a mail's "From:", "To:", "Cc:").
  constexpr int kTurns = 3;
  constexpr std::size_t kSpeakerWords = 3;
  int turns = 0;
  for (const SentenceAnalysis& s : doc.sentences) {
    std::size_t k = 0;
    if (!s.tokens.empty() && s.tokens[0].text == "[") {
      while (k < s.tokens.size() && s.tokens[k].text != "]") {
        ++k;
      }
      ++k;
    }
    const std::size_t first = k;
    while (k < s.tokens.size() && k - first < kSpeakerWords &&
           s.tokens[k].script == Script::kLatin &&
           (s.tokens[k].capitalized || s.tokens[k].all_upper)) {
      ++k;
    }
    // A mail's address lines ("From: …", "Cc: …") are no speaker's turns.
    const bool address =
        k == first + 1 && layout.address_fields.contains(fold_letters(s.tokens[first].text));
    turns += k > first && k < s.tokens.size() && s.tokens[k].text == ":" && !address ? 1 : 0;
  }
  if (turns >= kTurns) {
    return {};
  }
  return {.named = writer,
          .post = speaks_as_one(doc, 0, UINT32_MAX, introduced ? 1 : 0) ? writer : -1};
}

bool versioned_title(const DocumentAnalysis& doc, int product) {
  if (product < 0 || doc.sentences.empty()) {
    return false;
  }
  bool names = false;
  for (std::size_t m = 0; m < doc.mentions.size() && !names; ++m) {
    names = doc.mentions[m].sentence == 0 && doc.entity_of_mention[m] == product;
  }
  constexpr std::size_t kTitleTokens = 12;
  const SentenceAnalysis& title = doc.sentences.front();
  if (!names || title.tokens.size() > kTitleTokens || title.writer_words + title.we_words > 0) {
    return false;
  }
  return std::ranges::any_of(title.tokens, [](const Token& t) {
    std::string_view w = t.folded;
    if (w.starts_with('v')) {
      w.remove_prefix(1);
    }
    const std::size_t dot = w.find('.');
    return t.particle.empty() && dot != std::string_view::npos && dot > 0 && dot + 1 < w.size() &&
           std::ranges::all_of(w, [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  });
}

int find_topic(const RuleSet& rules, const DocumentAnalysis& doc,
               const std::vector<LocalEntity>& entities, EntityType type) {
  if (doc.kind.digest) {  // about none of its items' organizations
    return -1;
  }
  const std::vector<bool>& header = doc.header_line;
  // The lead: the header and the first two sentences after it. An article names what it
  // is about there; a company met only further down is not its topic, however often the
  // text comes back to it. So does a scraped page's headline, however many lines of menus
  // stand above it: the lines above the body all lead.
  std::vector<bool> in_lead(doc.sentences.size(), false);
  const std::size_t body = first_body_line(doc);
  const bool page_head = body < doc.segmentation.lines.size();
  for (std::size_t si = 0;
       si < doc.sentences.size() && doc.sentences[si].span.line < body && page_head; ++si) {
    in_lead[si] = !doc.sentences[si].boilerplate;
  }
  // A headline below the header (a line of its own that ends with no full stop, question or
  // exclamation mark: "The baker who wants every town fed" under a section's name) leads too,
  // and the two sentences counted come after it. On a scraped page they come after its head: a
  // time stamp's or a byline's line above the body ("입력 2025.11.02. 오후 3:15") is none of them.
  const auto headline = [&](std::size_t si) {
    const SentenceAnalysis& s = doc.sentences[si];
    const auto same_line = [&](std::size_t k) {
      return k < doc.sentences.size() && doc.sentences[k].span.line == s.span.line;
    };
    if (s.tokens.empty() || (si > 0 && same_line(si - 1)) || same_line(si + 1) ||
        doc.segmentation.lines[s.span.line].kind == LineKind::kListItem) {
      return false;
    }
    const std::string_view last = s.tokens.back().text;
    return last != "." && last != "?" && last != "!" && last != "\"";
  };
  // So does a pull quote, a line that is one quotation only ("We want to be the patient
  // one.") set above an interview or a profile: what someone says, not the article's lead.
  const auto pull_quote = [&](std::size_t si) {
    const std::uint32_t line = doc.sentences[si].span.line;
    std::size_t first = si;
    std::size_t last = si;
    while (first > 0 && doc.sentences[first - 1].span.line == line) {
      --first;
    }
    while (last + 1 < doc.sentences.size() && doc.sentences[last + 1].span.line == line) {
      ++last;
    }
    const std::vector<Token>& open = doc.sentences[first].tokens;
    const std::vector<Token>& close = doc.sentences[last].tokens;
    return !open.empty() && !close.empty() && open.front().text == "\"" &&
           close.back().text == "\"";
  };
  int body_sentences = 0;
  for (std::size_t si = 0; si < doc.sentences.size() && body_sentences < 2; ++si) {
    const bool head = header[doc.sentences[si].span.line];
    if ((doc.sentences[si].boilerplate && !head) ||
        (page_head && !head && doc.sentences[si].span.line < body)) {
      continue;
    }
    in_lead[si] = true;
    body_sentences += head || (body_sentences == 0 && (headline(si) || pull_quote(si))) ? 0 : 1;
  }
  std::vector<int> score(entities.size(), 0);
  std::vector<int> subject(entities.size(), 0);
  std::vector<std::uint32_t> first_subject(entities.size(), UINT32_MAX);
  std::vector<bool> led(entities.size(), false);
  for (std::size_t e = 0; e < entities.size(); ++e) {
    for (int m : entities[e].mentions) {
      if (doc.byline_mention[m]) {
        continue;
      }
      const std::uint32_t si = doc.mentions[m].sentence;
      // A quotation in a headline ("해윰테크, AI 안경 출시… "메타보다 가볍다"") is what someone
      // said, often measuring the subject against a rival: a name inside it counts as one in
      // the body.
      const std::vector<bool>& q = doc.sentences[si].quoted;
      score[e] +=
          header[doc.sentences[si].span.line] && (q.empty() || !q[doc.mentions[m].begin]) ? 3 : 1;
      if (is_subject(doc.sentences[si], doc.mentions[m])) {
        ++subject[e];
        first_subject[e] = std::min(first_subject[e], si);
      }
      led[e] = led[e] || in_lead[si];
    }
  }
  // A memo's header addresses its company ("To: all@vela.com"): an organization whose name is a
  // label of the domain of an address on a header line that opens with an address field counts
  // as named in the header.
  for (const SentenceAnalysis& s : doc.sentences) {
    if (!header[s.span.line] || s.tokens.size() < 3 || s.tokens[1].text != ":" ||
        !rules.layout.address_fields.contains(fold_letters(s.tokens[0].text))) {
      continue;
    }
    for (const Token& t : s.tokens) {
      const std::size_t at = t.text.find('@');
      if (at == std::string::npos) {
        continue;
      }
      std::string_view domain = std::string_view(t.text).substr(at + 1);
      for (std::size_t dot = domain.find('.'); dot != std::string_view::npos;
           domain.remove_prefix(dot + 1), dot = domain.find('.')) {
        const std::string label = name_key(domain.substr(0, dot));
        for (std::size_t e = 0; e < entities.size(); ++e) {
          if (entities[e].type == EntityType::kOrganization &&
              name_key(entities[e].name) == label) {
            score[e] += 3;
            led[e] = true;
          }
        }
      }
    }
  }
  // A memo or a mail speaks for the organization its address lines give a person of ("To: Dana
  // Obi, CFO, Vela Health", "From: Ana Ruiz (Kivu Labs)"): its "we" and "our" are that
  // organization's, however often the body names a vendor it weighs. An address line is one of
  // the first lines that opens with an address field and a colon and names a person, which a
  // subject line does not.
  constexpr int kAddressLines = 8;  // a memo's title, its date and its fields come first
  std::vector<bool> top(doc.segmentation.lines.size(), false);
  for (std::size_t i = 0, n = 0; i < top.size() && n < kAddressLines; ++i) {
    if (doc.segmentation.lines[i].kind != LineKind::kBlank) {
      top[i] = true;
      ++n;
    }
  }
  std::vector<bool> addressed(entities.size(), false);
  bool any_addressed = false;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const int e = doc.entity_of_mention[m];
    const SentenceAnalysis& s = doc.sentences[doc.mentions[m].sentence];
    if (e < 0 || entities[e].type != EntityType::kOrganization || !top[s.span.line] ||
        s.tokens.size() < 3 || s.tokens[1].text != ":" ||
        !rules.layout.address_fields.contains(fold_letters(s.tokens[0].text))) {
      continue;
    }
    const bool person = std::ranges::any_of(entities, [&](const LocalEntity& p) {
      return p.type == EntityType::kPerson && std::ranges::any_of(p.mentions, [&](int pm) {
               return doc.mentions[pm].sentence == doc.mentions[m].sentence;
             });
    });
    addressed[e] = addressed[e] || person;
    any_addressed = any_addressed || person;
  }
  // An article about a product is about its maker too: a product whose
  // gazetteer entry names its organization lends that organization its score.
  std::vector<int> lent(entities.size(), 0);
  for (const LocalEntity& product : entities) {
    if (product.type != EntityType::kProduct || product.entry < 0) {
      continue;
    }
    const std::string owner = name_key(rules.gazetteer[product.entry].by());
    for (std::size_t e = 0; e < entities.size() && !owner.empty(); ++e) {
      if (entities[e].type == EntityType::kOrganization &&
          (name_key(entities[e].name) == owner ||
           std::any_of(entities[e].aliases.begin(), entities[e].aliases.end(),
                       [&](const std::string& a) { return name_key(a) == owner; }))) {
        lent[e] += score[&product - entities.data()];
      }
    }
  }
  for (std::size_t e = 0; e < entities.size(); ++e) {
    score[e] += lent[e];
  }
  // On a tie, the one more often the subject of its sentence, then the one first a subject: in
  // "The former Databricks AI chief raised $475 million for Unconventional AI. Unconventional AI
  // closed the round ... Databricks acquired his startup" the article is about the startup.
  int best = -1;
  int best_score = 0;
  for (int e = 0; e < static_cast<int>(entities.size()); ++e) {
    if (entities[e].type == type && led[e] &&
        (type != EntityType::kOrganization || !any_addressed || addressed[e]) &&
        (score[e] > best_score || (best >= 0 && score[e] == best_score &&
                                   std::pair(-subject[e], first_subject[e]) <
                                       std::pair(-subject[best], first_subject[best])))) {
      best = e;
      best_score = score[e];
    }
  }
  // Named once, the organization is the topic only as the topic (은/는, not quoted) of a lead
  // sentence ("누리팜랩스는 스마트팜 센서를 만드는 회사입니다" over a history page's dated lines).
  const auto lead_topic = [&](int e) {
    return std::ranges::any_of(entities[e].mentions, [&](int m) {
      const MentionCandidate& c = doc.mentions[m];
      const SentenceAnalysis& s = doc.sentences[c.sentence];
      const std::string_view particle = s.tokens[c.end - 1].particle;
      return in_lead[c.sentence] && (particle == "은" || particle == "는") &&
             (s.quoted.empty() || !s.quoted[c.begin]);
    });
  };
  return best_score >= 2 || (best >= 0 && (lead_topic(best) || addressed[best])) ? best : -1;
}

}  // namespace kgex
