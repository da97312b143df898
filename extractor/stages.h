// Not public: the stages of Extractor::extract, in pipeline order. Each reads
// and extends the DocumentAnalysis. Use extractor/extractor.h.
#pragma once

#include <span>
#include <vector>

#include "core/status.h"
#include "core/stop_words.h"
#include "extractor/analysis.h"
#include "extractor/extractor.h"
#include "extractor/match/gazetteer.h"
#include "extractor/match/pattern_matcher.h"
#include "extractor/match/rule_index.h"

namespace kgex {

// An entity of one document: mentions united by name and alias.
struct LocalEntity {
  std::string name;
  EntityType type = EntityType::kOrganization;
  int entry = -1;  // gazetteer entry, if any mention had one
  std::vector<std::string> aliases;
  std::vector<int> mentions;
};

// A relation read from one sentence (or the document, for document rules).
struct RelationCandidate {
  int source = -1;  // local entities
  int target = -1;
  RelationType type = RelationType::kUses;
  double confidence = 0.0;
  int priority = 0;
  std::uint32_t sentence = 0;
  std::string rule;
  std::string matched;
  // Whether the source or target was searched for (a find or the topic) rather than
  // matched by the rule's own words.
  bool searched_source = false;
  bool searched_target = false;
  // Whether an end is the topic or the previous sentence's subject, found outside the
  // sentence because the sentence names no candidate.
  bool from_context = false;
  // Whether it gives way to a relation stated with another organization (the rule's yields).
  bool yields = true;
  // Whether the rule states a former post, which makes no other relation give way.
  bool former = false;
  // The matched units of the sentence, [match_begin, match_end).
  std::uint32_t match_begin = 0;
  std::uint32_t match_end = 0;
};

struct StageContext {
  const RuleSet& rules;
  const Gazetteer& gazetteer;
  const PatternMatcher& matcher;
  const RuleFilter& filter;
  const RuleOrder& order;
  const ExtractOptions& options;
  std::vector<TraceLine>* trace;  // null unless explaining
};

// An alias found by an entity rule: the mention at (sentence, begin) is also
// called `name`, or is the same entity as the mention at (sentence, other_begin).
struct AliasLink {
  std::uint32_t sentence = 0;
  std::uint32_t begin = 0;
  int other_begin = -1;
  std::string name;
};

// doc.mentions grouped by sentence: the indices of the mentions of sentence `si`, in
// position order, are (*this)[si]. Three vectors for the document instead of one per
// sentence.
struct MentionsBySentence {
  std::vector<int> order;
  std::vector<std::uint32_t> first;  // sentence -> its first place in `order`; one more at the end

  std::span<const int> operator[](std::uint32_t si) const {
    return {order.data() + first[si], order.data() + first[si + 1]};
  }
};
MentionsBySentence mentions_by_sentence(const DocumentAnalysis& doc);

// Entity rules over the units of the sentences `run` marks (all when it is empty; then only
// the rules with an entity element): new name candidates are added to `candidates`; alias
// links are returned.
Result<std::vector<AliasLink>> run_entity_rules(const StageContext& ctx, DocumentAnalysis& doc,
                                                std::vector<MentionCandidate>& candidates,
                                                const std::vector<bool>& run = {});

// A name found by a rule or a table in one place of a document, or a known name a rule
// gave another type, is a mention wherever else the document writes it: adds those
// occurrences to `candidates`.
// People named in full are also found by surname or given name alone ("최 부사장",
// "Malhotra"), unless `name_word` says the word is a name or stop word of its own, and
// `refers` mentions (저희 팀) take the name of the document's own entity. Short forms that fit
// no one yet move to `pending`, and are tried again on the next call (a later pass may find
// the full name); see short_names in entity_stage.cpp.
// A short name an alias rule gave in words ("넥슨코리아(이하 넥슨)") stands for its entity
// wherever it recurs. A Hangul word the tokenizer cut short of such a name ("리턴제 + 로는") is
// split again onto it, and its sentence's rule filter data (s.filter) found again.
void propagate_names(const StageContext& ctx, DocumentAnalysis& doc,
                     std::vector<MentionCandidate>& candidates,
                     std::vector<MentionCandidate>& pending, const KnownWord& name_word,
                     const std::vector<AliasLink>& links);

// Whether mention `m` is the outlet or the reporter of a byline, dateline or caption ("(서울=
// 연합뉴스) 김민수 기자", "ZDNet Korea 김민수 기자"), or the first subject of a sentence with a
// verb of reporting ("블룸버그는 ... 보도했다"): no party to what the sentence reports.
bool in_byline(const Layout& layout, const DocumentAnalysis& doc, const MentionCandidate& m);

// Keeps the winners of overlapping candidates (longest, then priority, then
// earliest) and records them in doc.mentions, sorted by position.
void resolve_overlaps(DocumentAnalysis& doc, const Layout& layout,
                      const std::vector<MentionCandidate>& candidates);
// The same, moving the winners out of `candidates` instead of copying them.
void resolve_overlaps(DocumentAnalysis& doc, const Layout& layout,
                      std::vector<MentionCandidate>&& candidates);

// Groups mentions into entities (same type and name key, or linked by an alias).
std::vector<LocalEntity> resolve_entities(const StageContext& ctx, DocumentAnalysis& doc,
                                          const std::vector<AliasLink>& links);

// Which tokens of a sentence stand inside a quotation in double quotes (“…”, "…"); empty when
// the sentence has none.
std::vector<bool> quoted_tokens(const SentenceAnalysis& s);

// The layout's word sets that the stages test a token's folded form against, one bit each: what
// layout_word() finds of a word once, and WordFacts::layout keeps by word number.
inline constexpr std::uint8_t kWriterWord = 1;     // writer_words (a word written bare)
inline constexpr std::uint8_t kWeWord = 2;         // we_words
inline constexpr std::uint8_t kBylineMarker = 4;   // byline_markers
inline constexpr std::uint8_t kReportVerb = 8;     // report_verbs
inline constexpr std::uint8_t kClauseOpener = 16;  // clause_openers
inline constexpr std::uint8_t kRespectively = 32;  // respectively_words
inline constexpr std::uint8_t kTellVerb = 64;      // tell_verbs
// A word some writer word starts with and goes on past: with a particle, it may be one.
inline constexpr std::uint8_t kWriterStem = 128;
std::uint8_t layout_word(const Layout& layout, std::string_view folded);

// Whether token `t`'s folded form is in `set`, the layout's set of bit `bit`: by its word number
// when `words` has it, else looked up.
inline bool in_layout_set(const Token& t, const WordFacts* words, std::uint8_t bit,
                          const WordSet& set) {
  return words != nullptr && t.word < words->size() ? (words->layout[t.word] & bit) != 0
                                                    : set.contains(t.folded);
}

// Whether folded token `t` starts with a stem or is a whole word of `stop`: answered once per
// word (doc.word_answers) for a token with a word number.
inline bool stop_word(const DocumentAnalysis& doc, const StopWords& stop, const Token& t) {
  if (doc.word_answers != nullptr && doc.words != nullptr && t.word < doc.words->size()) {
    return doc.word_answers->of(&stop, t.word, [&] { return stop.matches(t.folded); });
  }
  return stop.matches(t.folded);
}

// Adds to `facts` those of the words `cache` numbered after the ones it has (Token::word).
void add_word_facts(WordFacts& facts, const TokenCache& cache, const Gazetteer& gazetteer,
                    const Layout& layout, const RuleFilter& filter);

// Sets s.writer_words and s.we_words from its tokens outside quotations (after s.quoted).
// `person`, if given, holds layout_word() of each word number (Token::word) below its size.
void count_person_words(const Layout& layout, SentenceAnalysis& s,
                        std::span<const std::uint8_t> person = {});

// The entity of `type` the document is about, or -1: the most mentions, where
// a mention in the header lines (outside a quotation) counts three times and an organization also
// counts the mentions of the products its gazetteer entries say it makes; at
// least two.
int find_topic(const RuleSet& rules, const DocumentAnalysis& doc,
               const std::vector<LocalEntity>& entities, EntityType type);

// Whether the document's first sentence is a title (twelve tokens at most, no first-person
// words) that names `product` and a version number taking no particle ("솔방울큐(Solbangul) v2.3.0
// 릴리스 노트", "Brisklet 4.1 Release Notes"; not "… Claude Code 2.0으로 옮겼습니다"): release
// notes or a launch of that version, a document about the product whatever organization it names.
bool versioned_title(const DocumentAnalysis& doc, int product);

// The person a post is by: the first person its header lines name (a byline "현도경 · 2025년 1월
// 2일"), else the one right after the marker of one of `found` (bylines in layout.h: "by 한결 ·
// 솔빛랩 대표" below a scraped page's menus), else the one its first sentence introduces with a
// copula ("편도윤입니다", which counts as a first-person word); none in an interview or a
// transcript (three turns or more that open with a person and a colon). `post` is that person
// only where the layout's writer_words occur twice or more outside quotations, more often than
// its we_words: a founder's post that mostly says "we" is the writer's only in a clause that says
// "I".
Writer find_writer(const Layout& layout, const DocumentAnalysis& doc,
                   const std::vector<Byline>& found, const std::vector<LocalEntity>& entities);

// Relation rules, then document rules; one candidate per pair and sentence.
Result<std::vector<RelationCandidate>> extract_relations(const StageContext& ctx,
                                                         const DocumentAnalysis& doc,
                                                         const std::vector<LocalEntity>& entities);

// Whether FORMAT.md allows `type` from `source` to `target`.
bool relation_allowed(RelationType type, EntityType source, EntityType target);

}  // namespace kgex
