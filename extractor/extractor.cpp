#include "extractor/extractor.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <vector>

#include "core/utf8.h"
#include "extractor/layout.h"
#include "extractor/stages.h"
#include "extractor/text/name_endings.h"
#include "extractor/text/tokenizer.h"

namespace kgex {

struct Extractor::Impl {
  std::shared_ptr<const RuleSet> rules;
  // The build's tables of the gazetteer index, the rule filter and the rule order, for the
  // built-in pack: read by the members below in the order they are declared.
  std::optional<ImageReader> tables;
  Gazetteer gazetteer;
  PatternMatcher matcher;
  RuleFilter filter;
  RuleOrder order;
  BoilerplateMarkers boilerplate_markers;
  // A number of its own, for the thread's TokenCache: the words the gazetteer knows whole are
  // this extractor's.
  std::uint64_t id = next_id();

  static std::uint64_t next_id() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
  }

  explicit Impl(std::shared_ptr<const RuleSet> r)
      : rules(std::move(r)),
        tables(rules->prebuilt.tables()),
        gazetteer(tables ? Gazetteer(*rules, *tables) : Gazetteer(*rules)),
        matcher(gazetteer, &rules->name_endings.titles),
        filter(tables ? RuleFilter(*tables) : RuleFilter(*rules)),
        order(tables ? RuleOrder(*rules, filter, *tables) : RuleOrder(*rules, filter)),
        boilerplate_markers(rules->layout.boilerplate_markers) {}
};

namespace {

// Code point offset of normalised byte `at`, counted from a known anchor.
struct CharCounter {
  const DocumentAnalysis& doc;
  std::uint32_t byte = 0;  // original byte offset already counted up to
  std::size_t chars = 0;

  std::size_t at(std::uint32_t original_byte) {
    if (original_byte < byte) {
      byte = 0;
      chars = 0;
    }
    chars += count_code_points_utf8(
        std::string_view(doc.decoded.text).substr(byte, original_byte - byte));
    byte = original_byte;
    return chars;
  }
};

// The rule filter's buffers of a sentence (SentenceAnalysis::filter), kept by a thread from
// document to document: they were five allocations a sentence, each freed with its document. Up
// to kMax sentences' worth, so that one huge document leaves no large pool behind.
class SentenceBuffers {
 public:
  // Gives `s` empty buffers with the capacity of an earlier sentence's, if any are kept.
  void lend(SentenceAnalysis& s) {
    if (pool_.empty()) {
      return;
    }
    s.filter = std::move(pool_.back());
    pool_.pop_back();
  }
  // Takes back the buffers of `sentences`, emptied.
  void take_back(std::vector<SentenceAnalysis>& sentences) {
    for (SentenceAnalysis& s : sentences) {
      if (pool_.size() >= kMax) {
        return;
      }
      pool_.push_back(std::move(s.filter));
      pool_.back().clear();
    }
  }

 private:
  static constexpr std::size_t kMax = 1024;
  std::vector<FilterBuffers> pool_;
};

// Hands a document's sentence buffers back to the thread's pool when the document is done,
// whichever way extract() returns. Declared after the document, so it runs before the
// document is destroyed.
class GiveBackBuffers {
 public:
  GiveBackBuffers(SentenceBuffers& pool, DocumentAnalysis& doc) : pool_(pool), doc_(doc) {}
  GiveBackBuffers(const GiveBackBuffers&) = delete;
  GiveBackBuffers& operator=(const GiveBackBuffers&) = delete;
  ~GiveBackBuffers() { pool_.take_back(doc_.sentences); }

 private:
  SentenceBuffers& pool_;
  DocumentAnalysis& doc_;
};

// The WordFacts and WordAnswers (analysis.h) of the words of a thread's TokenCache, for one
// generation of it.
class ThreadWords {
 public:
  // Adds the facts of the words `cache` numbered since the last call, after forgetting all of
  // them, and every answer, if the cache's numbers started again.
  void update(const TokenCache& cache, const Gazetteer& gazetteer, const Layout& layout,
              const RuleFilter& filter) {
    if (generation_ != cache.generation()) {
      generation_ = cache.generation();
      facts_ = WordFacts();
      answers_.clear();
    }
    add_word_facts(facts_, cache, gazetteer, layout, filter);
  }
  const WordFacts& facts() const { return facts_; }
  WordAnswers& answers() { return answers_; }

 private:
  std::uint64_t generation_ = 0;
  WordFacts facts_;
  WordAnswers answers_;
};

// A model's or a product's variant written as one word with a name the gazetteer knows as one
// word ("GPT-4o-mini", "Llama-3.1-8B-Instruct"): a name of its own, of the known name's type (a
// product or a tool), where every part after a hyphen is a variant word (layout.variant_words) or
// holds a digit ("Kafka-based" is none). The longest known name wins. Words a gazetteer match
// covers are left alone.
void add_variant_candidates(const DocumentAnalysis& doc, const RuleSet& rules,
                            const Gazetteer& gazetteer,
                            const std::vector<std::vector<GazetteerMatch>>& matches,
                            std::vector<MentionCandidate>& candidates) {
  const auto variant_part = [&](std::string_view part) {
    return std::ranges::any_of(part, [](char ch) { return ch >= '0' && ch <= '9'; }) ||
           rules.layout.variant_words.contains(part);
  };
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    if (s.boilerplate) {
      continue;
    }
    auto match = matches[si].begin();
    for (std::uint32_t k = 0; k < s.tokens.size(); ++k) {
      while (match != matches[si].end() && match->end <= k) {
        ++match;
      }
      const Token& t = s.tokens[k];
      if ((match != matches[si].end() && match->begin <= k) || t.script != Script::kLatin) {
        continue;
      }
      const std::string_view word = t.folded;
      std::size_t after = word.size();
      for (std::size_t cut = word.rfind('-'); cut != std::string_view::npos && cut > 0;
           cut = word.rfind('-', cut - 1)) {
        if (!variant_part(word.substr(cut + 1, after - cut - 1))) {
          break;
        }
        after = cut;
        const std::optional<std::uint32_t> entry = gazetteer.one_word_entry(word.substr(0, cut));
        if (!entry) {
          continue;
        }
        const EntityType type = rules.gazetteer[*entry].type();
        if (type == EntityType::kProduct || type == EntityType::kTool) {
          MentionCandidate c;
          c.sentence = static_cast<std::uint32_t>(si);
          c.begin = k;
          c.end = k + 1;
          c.type = type;
          c.priority = 100;
          c.rule = "gazetteer.variant";
          c.surface = std::string(doc.normalized(t.begin, t.base_end));
          c.canonical = c.surface;
          candidates.push_back(std::move(c));
        }
        break;
      }
    }
  }
}

Lang sentence_lang(const std::vector<Token>& tokens) {
  return std::any_of(
             tokens.begin(), tokens.end(),
             [](const Token& t) { return t.script == Script::kHangul && !t.particle_only(); })
             ? Lang::kKo
             : Lang::kEn;
}

}  // namespace

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Result<Extractor> Extractor::create(std::shared_ptr<const RuleSet> rules) {
  if (!rules) {
    return Status(ErrorCode::kInvalidArgument, "no rule set");
  }
  return Extractor(std::make_unique<Impl>(std::move(rules)));
}

const RuleSet& Extractor::rules() const { return *impl_->rules; }

Result<Extraction> Extractor::extract(const Document& input, const ExtractOptions& options) const {
  Extraction result;
  DocumentAnalysis doc;
  thread_local SentenceBuffers buffers;
  const GiveBackBuffers give_back(buffers, doc);
  doc.id = input.id;
  doc.decoded = decode_text(input.text);
  if (doc.decoded.looks_binary) {
    result.skipped = true;
    result.warnings.push_back(
        input.id + ": looks like a binary file (NUL bytes or control characters); skipped");
    return result;
  }
  if (doc.decoded.invalid_sequences > 0) {
    Status bad(ErrorCode::kParse,
               "invalid UTF-8 (" + std::to_string(doc.decoded.invalid_sequences) +
                   " sequences; replaced by U+FFFD)",
               {.file = input.id, .offset = doc.decoded.first_invalid_offset});
    if (options.strict) {
      return bad;
    }
    result.warnings.push_back(bad.to_string());
  }
  doc.norm = normalize_text(doc.decoded.text);
  thread_local Segmenter segmenter;
  doc.segmentation = segmenter.segment(doc.norm.text, &impl_->rules->layout.lettered_words);

  const RuleSet& rules = *impl_->rules;
  const StageContext ctx{rules,
                         impl_->gazetteer,
                         impl_->matcher,
                         impl_->filter,
                         impl_->order,
                         options,
                         options.explain ? &result.trace : nullptr};
  doc.headings = line_headings(doc);
  doc.header_line = find_header(doc, rules.layout);
  doc.boilerplate_line = find_boilerplate(doc, rules.layout, impl_->boilerplate_markers);
  const KnownWord known = [this](std::string_view w) { return impl_->gazetteer.is_known_word(w); };
  std::vector<MentionCandidate> candidates;
  // Each sentence's gazetteer matches, and whether it held back a name for want of context.
  std::vector<std::vector<GazetteerMatch>> matches;
  std::vector<bool> held_back;
  thread_local TokenCache token_cache;
  thread_local ThreadWords words;
  token_cache.use_for(impl_->id);
  doc.sentences.reserve(doc.segmentation.sentences.size());
  matches.reserve(doc.segmentation.sentences.size());
  held_back.reserve(doc.segmentation.sentences.size());
  for (const Sentence& span : doc.segmentation.sentences) {
    SentenceAnalysis s;
    buffers.lend(s);
    s.span = span;
    s.boilerplate = doc.boilerplate_line[span.line];
    const LineKind kind = doc.segmentation.lines[span.line].kind;
    s.table_row = kind == LineKind::kTableRow || kind == LineKind::kTableRule;
    token_cache.tokenize(doc.norm.text, span.begin, span.end, known, s.tokens);
    join_name_endings(s.tokens, doc.norm.text, rules.name_endings, known);
    split_honorifics(s.tokens, doc.norm.text, rules.name_endings, known);
    split_unit_heads(s.tokens, doc.norm.text, rules.name_endings, known);
    s.lang = sentence_lang(s.tokens);
    s.quoted = quoted_tokens(s);
    words.update(token_cache, impl_->gazetteer, rules.layout, impl_->filter);
    count_person_words(rules.layout, s, words.facts().layout);
    bool held = false;
    matches.push_back(s.boilerplate ? std::vector<GazetteerMatch>()
                                    : impl_->gazetteer.match_all(s.tokens, doc.norm.text, {}, &held,
                                                                 words.facts().gazetteer_keys));
    held_back.push_back(held);
    doc.sentences.push_back(std::move(s));
  }
  // One sense per document: a name the gazetteer holds only near context words stands for its
  // entry without them once the document has named that entry anywhere (당근 after 당근(Daangn)).
  if (std::find(held_back.begin(), held_back.end(), true) != held_back.end()) {
    std::vector<std::uint32_t> named;
    for (const std::vector<GazetteerMatch>& found : matches) {
      for (const GazetteerMatch& g : found) {
        named.push_back(g.entry);
      }
    }
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    for (std::size_t si = 0; si < matches.size(); ++si) {
      if (held_back[si] && !named.empty()) {
        matches[si] = impl_->gazetteer.match_all(doc.sentences[si].tokens, doc.norm.text, named,
                                                 nullptr, words.facts().gazetteer_keys);
      }
    }
  }
  for (std::size_t si = 0; si < matches.size(); ++si) {
    const SentenceAnalysis& s = doc.sentences[si];
    for (const GazetteerMatch& g : matches[si]) {
      MentionCandidate c;
      c.sentence = static_cast<std::uint32_t>(si);
      c.begin = g.begin;
      c.end = g.end;
      c.entry = static_cast<int>(g.entry);
      c.type = rules.gazetteer[g.entry].type();
      c.priority = 100;
      c.rule = "gazetteer";
      c.surface =
          std::string(doc.normalized(s.tokens[g.begin].begin, s.tokens[g.end - 1].base_end));
      c.canonical = rules.gazetteer[g.entry].name();
      candidates.push_back(std::move(c));
    }
  }
  add_variant_candidates(doc, rules, impl_->gazetteer, matches, candidates);
  // A table cell or a list item holds a name; a person's or an organization's is no stop word
  // ("공석": vacant; an affiliation "independent"), while a team's or a tool's may be one
  // ("Mobile", "SRE", "YAML"). A name the gazetteer knows as the same type keeps its entry (a
  // partner list's "현대자동차" is Hyundai Motor Company).
  const std::size_t gazetteer_names = candidates.size();
  for (MentionCandidate& c :
       read_tables_and_sections(doc, rules.layout, rules.name_endings.titles)) {
    // The gazetteer's candidates come in sentence order.
    const auto [first, last] = std::equal_range(
        candidates.begin(), candidates.begin() + static_cast<long>(gazetteer_names), c,
        [](const MentionCandidate& x, const MentionCandidate& y) {
          return x.sentence < y.sentence;
        });
    const bool gazetteer_named = std::any_of(first, last, [&](const MentionCandidate& g) {
      return g.begin == c.begin && g.end == c.end && g.type == c.type;
    });
    if (!gazetteer_named &&
        ((c.type != EntityType::kPerson && c.type != EntityType::kOrganization) ||
         !rules.stoplist.contains(fold_case(c.surface)))) {
      candidates.push_back(std::move(c));
    }
  }
  const KnownWord name_word = [this](std::string_view w) {
    return impl_->gazetteer.is_name_word(w);
  };
  doc.words = &words.facts();
  doc.word_answers = &words.answers();
  resolve_overlaps(doc, rules.layout, candidates);
  Result<std::vector<AliasLink>> links = run_entity_rules(ctx, doc, candidates);
  if (!links.ok()) {
    return links.status();
  }
  std::vector<MentionCandidate> pending;  // short forms that fit no one yet
  propagate_names(ctx, doc, candidates, pending, name_word, links.value());
  // More passes, each over the sentences where the one before found a new name, so that a
  // rule can build on it: "박도윤 한빛소프트 부사장" needs 한빛소프트, which a rule on company
  // words found, as a mention before a rule on name, company and title can see it; in a list
  // "카카오·A·B" a rule on coordination types A in one pass and B in the next.
  constexpr int kMaxExtraPasses = 16;
  std::vector<std::uint32_t> found_by_rules(doc.sentences.size(), 0);  // mentions, by sentence
  for (int pass = 0; pass < kMaxExtraPasses; ++pass) {
    resolve_overlaps(doc, rules.layout, candidates);
    std::vector<std::uint32_t> now(doc.sentences.size(), 0);
    for (const MentionCandidate& m : doc.mentions) {
      now[m.sentence] += m.entry < 0 || m.retyped ? 1 : 0;
    }
    std::vector<bool> run(doc.sentences.size(), false);
    bool any = false;
    for (std::size_t si = 0; si < now.size(); ++si) {
      run[si] = now[si] > found_by_rules[si];
      any = any || run[si];
    }
    if (!any) {
      break;
    }
    found_by_rules = std::move(now);
    const std::size_t before = candidates.size();
    Result<std::vector<AliasLink>> more = run_entity_rules(ctx, doc, candidates, run);
    if (!more.ok()) {
      return more.status();
    }
    if (candidates.size() == before && more.value().empty()) {
      break;
    }
    links.value().insert(links.value().end(), more.value().begin(), more.value().end());
    propagate_names(ctx, doc, candidates, pending, name_word, links.value());
  }
  // Words standing for an entity named before still wait where that name came with the last
  // pass's names (a company a rule found once, named again in the sentence before "The Oslo
  // company, run by ..."): they look once more, now that every name is there. So do those that
  // found one: the subject of the sentence before may be such a name ("모아픽셀(대표 김철수)이 …
  // 모아픽셀은 현대자동차, 카카오와 협약을 맺었다. 같은 회사 최민호 CTO는": 모아픽셀, not 카카오).
  const bool referring = std::ranges::any_of(candidates, [](const MentionCandidate& c) {
    return c.refers == Refers::kPrevious || c.refers == Refers::kSubject;
  });
  if (!pending.empty() || referring) {
    propagate_names(ctx, doc, candidates, pending, name_word, links.value());
  }
  resolve_overlaps(doc, rules.layout, std::move(candidates));
  std::vector<LocalEntity> entities = resolve_entities(ctx, doc, links.value());
  const MentionsBySentence by_sentence = mentions_by_sentence(doc);
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si) {
    build_units(doc.sentences[si], doc.mentions, by_sentence[si], true);
  }
  doc.byline_mention.assign(doc.mentions.size(), false);
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    doc.byline_mention[m] = in_byline(rules.layout, doc, doc.mentions[m]);
  }
  std::vector<int> first_org(doc.segmentation.lines.size(), -1);
  for (std::size_t m = doc.mentions.size(); m-- > 0;) {
    const int e = doc.entity_of_mention[m];
    if (e >= 0 && entities[e].type == EntityType::kOrganization) {
      first_org[doc.sentences[doc.mentions[m].sentence].span.line] = e;
    }
  }
  doc.kind = document_kind(doc, rules.layout, first_org);
  // The interviewee, whose the answers are: the first person named outside bylines (the
  // headline's "바로물류 정해솔 CTO").
  std::pair<std::uint32_t, std::uint32_t> first_person{UINT32_MAX, UINT32_MAX};
  for (std::size_t m = 0; m < doc.mentions.size() && doc.kind.interview; ++m) {
    const MentionCandidate& c = doc.mentions[m];
    const int e = doc.entity_of_mention[m];
    if (e >= 0 && entities[e].type == EntityType::kPerson && !doc.byline_mention[m] &&
        !doc.sentences[c.sentence].boilerplate && std::pair(c.sentence, c.begin) < first_person) {
      first_person = {c.sentence, c.begin};
      doc.interviewee = e;
    }
  }
  const std::vector<Byline> found_bylines = bylines(doc, rules.layout);
  doc.topic = find_topic(rules, doc, entities, EntityType::kOrganization);
  if (const int signed_for = byline_organization(doc, found_bylines, entities); signed_for >= 0) {
    doc.topic = signed_for;
  }
  doc.section_topic = section_topics(doc, entities);
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const MentionCandidate& c = doc.mentions[m];
    if (c.type != EntityType::kTeam) {
      continue;
    }
    if (c.refers == Refers::kOwn && doc.own_team < 0) {
      doc.own_team = doc.entity_of_mention[m];
    }
    if (c.refers == Refers::kNone && c.sentence < kOwnEntityLead && doc.lead_team < 0) {
      doc.lead_team = doc.entity_of_mention[m];
    }
  }
  // In an interview the answers speak for the interviewee's team, the one the article opens
  // with ("메디노트 정하린 음성AI팀장"), unless first-person words name another.
  if (doc.own_team < 0 && doc.lead_team >= 0 && (doc.kind.interview || doc.kind.posting)) {
    doc.own_team = doc.lead_team;
  }
  // A posting that opens with the company introduces the team it hires for further down
  // ("[회사 소개] … [팀 소개] 데이터엔지니어링팀은 …"): the first team it names.
  for (std::size_t m = 0; m < doc.mentions.size() && doc.own_team < 0 && doc.kind.posting; ++m) {
    const int e = doc.entity_of_mention[m];
    if (e >= 0 && entities[e].type == EntityType::kTeam &&
        doc.mentions[m].refers == Refers::kNone &&
        !doc.sentences[doc.mentions[m].sentence].boilerplate) {
      doc.own_team = e;
    }
  }
  if (doc.own_team < 0) {
    doc.own_team = byline_team(doc, found_bylines, entities);
  }
  doc.writer = find_writer(rules.layout, doc, found_bylines, entities);
  if (doc.own_team < 0 && doc.writer.named < 0) {
    doc.own_team = header_team(doc, entities);
  }
  doc.company_blog = company_blog(doc, rules.layout, doc.topic);
  doc.topic_addressed = topic_addressed(doc, rules.layout, doc.topic);
  doc.topic_product = find_topic(rules, doc, entities, EntityType::kProduct);
  doc.product_release = versioned_title(doc, doc.topic_product);
  for (int t : {doc.topic, doc.topic_product}) {
    if (t >= 0) {
      doc.topics.push_back(t);
    }
  }
  Result<std::vector<RelationCandidate>> relations = extract_relations(ctx, doc, entities);
  if (!relations.ok()) {
    return relations.status();
  }

  // Into the graph: entities with their mentions, then relations with evidence.
  CharCounter chars{doc};
  std::vector<Entity> built(entities.size());
  for (std::size_t e = 0; e < entities.size(); ++e) {
    built[e].name = std::move(entities[e].name);
    built[e].type = entities[e].type;
    built[e].aliases = std::move(entities[e].aliases);
    built[e].mention_count = entities[e].mentions.size();
  }
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const MentionCandidate& c = doc.mentions[m];
    const SentenceAnalysis& s = doc.sentences[c.sentence];
    const std::uint32_t b = doc.norm.original_offset(s.tokens[c.begin].begin);
    const std::uint32_t e = doc.norm.original_end(s.tokens[c.end - 1].base_end);
    Entity& target = built[static_cast<std::size_t>(doc.entity_of_mention[m])];
    if (target.mentions.size() < kMaxKeptMentions) {
      const std::size_t cb = chars.at(b);
      target.mentions.push_back(
          {doc.id,
           {b, e},
           {cb, cb + count_code_points_utf8(std::string_view(doc.decoded.text).substr(b, e - b))}});
    }
  }
  result.document.entities = std::move(built);
  for (const RelationCandidate& c : relations.value()) {
    const Sentence& span = doc.sentences[c.sentence].span;
    const std::uint32_t b = doc.norm.original_offset(span.begin);
    const std::uint32_t e = doc.norm.original_end(span.end);
    const std::string_view sentence = std::string_view(doc.decoded.text).substr(b, e - b);
    const std::size_t cb = chars.at(b);
    Relation r;
    r.type = c.type;
    r.confidence = c.confidence;
    r.support = 1;
    r.evidence.push_back({doc.id,
                          std::string(sentence),
                          {b, e},
                          {cb, cb + count_code_points_utf8(sentence)},
                          c.rule,
                          c.confidence});
    result.document.relations.push_back(
        {static_cast<std::size_t>(c.source), static_cast<std::size_t>(c.target), std::move(r)});
    if (options.explain) {
      const std::vector<Entity>& named = result.document.entities;
      result.trace.push_back({"relation " + named[c.source].name + " " +
                                  std::string(to_string(c.type)) + " " + named[c.target].name,
                              c.rule, c.matched, std::string(sentence)});
    }
  }
  if (!options.document_only) {
    result.graph.add(std::move(result.document));
  }
  return result;
}

}  // namespace kgex
