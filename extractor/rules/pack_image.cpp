#include "extractor/rules/pack_image.h"

#include <array>
#include <bit>
#include <deque>
#include <iterator>
#include <unordered_map>

#include "extractor/match/gazetteer.h"
#include "extractor/match/pattern_matcher.h"
#include "extractor/match/regex.h"
#include "extractor/match/rule_index.h"
#include "extractor/rules/rule_set.h"

namespace kgex {

void ImageWriter::f64(double v) {
  const auto bits = std::bit_cast<std::uint64_t>(v);
  u32(static_cast<std::uint32_t>(bits));
  u32(static_cast<std::uint32_t>(bits >> 32));
}

void ImageWriter::str(std::string_view s) {
  u32(static_cast<std::uint32_t>(chars_.size()));
  u32(static_cast<std::uint32_t>(s.size()));
  chars_.append(s);
}

void ImageWriter::u32s(std::span<const std::uint32_t> v) {
  u32(static_cast<std::uint32_t>(v.size()));
  words_.insert(words_.end(), v.begin(), v.end());
}

void ImageWriter::index(const StringIndex& index) {
  const StringIndex::Tables t = index.tables();
  str(t.chars);
  u32s(t.ends);
  u32(static_cast<std::uint32_t>(slots_.size()));
  u32(static_cast<std::uint32_t>(t.slots.size()));
  slots_.insert(slots_.end(), t.slots.begin(), t.slots.end());
}

void ImageWriter::bits(const HashBits& bits) {
  u32(static_cast<std::uint32_t>(bits_.size()));
  bits_.insert(bits_.end(), bits.words().begin(), bits.words().end());
}

double ImageReader::f64() {
  const std::uint64_t low = u32();
  const std::uint64_t high = u32();
  return std::bit_cast<double>(low | high << 32);
}

std::string_view ImageReader::str() {
  const std::uint32_t offset = u32();
  const std::uint32_t size = u32();
  return image_.chars.substr(offset, size);
}

std::span<const std::uint32_t> ImageReader::u32s() {
  const std::uint32_t size = u32();
  const std::span<const std::uint32_t> v = image_.words.subspan(at_, size);
  at_ += size;
  return v;
}

StringIndex::Tables ImageReader::index() {
  StringIndex::Tables t;
  t.chars = str();
  t.ends = u32s();
  const std::uint32_t offset = u32();
  const std::uint32_t size = u32();
  t.slots = image_.slots.subspan(offset, size);
  return t;
}

std::span<const std::uint64_t> ImageReader::bits() {
  return image_.bits.subspan(u32(), HashBits::kWords);
}

namespace {

// The first word of an image, and the one after its RuleSet: an image of another layout
// (another version of this file) is not read.
constexpr std::uint32_t kMagic = 0x6B677833;  // "kgx3"
constexpr std::uint32_t kRulesEnd = 0x52554C45;

constexpr std::uint32_t kNone = UINT32_MAX;

// The layout's and name endings' word sets, in the order the image holds them: one list for the
// writer and the reader (`R` is RuleSet or const RuleSet).
template <class R>
auto word_sets(R& r) {
  return std::array{
      &r.layout.boilerplate_markers,  &r.layout.byline_markers,   &r.layout.report_verbs,
      &r.layout.tell_verbs,           &r.layout.receive_words,    &r.layout.respectively_words,
      &r.layout.staff_words,          &r.layout.writer_words,     &r.layout.we_words,
      &r.layout.interview_markers,    &r.layout.posting_markers,  &r.layout.skipped_sections,
      &r.layout.writer_markers,       &r.name_endings.endings,    &r.name_endings.initials,
      &r.name_endings.titles,         &r.name_endings.honorifics, &r.name_endings.units,
      &r.name_endings.heads,          &r.name_endings.given,      &r.layout.clause_endings,
      &r.layout.clause_openers,       &r.layout.unit_suffixes,    &r.layout.alias_suffixes,
      &r.layout.lettered_words,       &r.layout.blog_words,       &r.layout.address_fields,
      &r.layout.listicle_words,       &r.layout.number_words,     &r.layout.record_fields,
      &r.layout.variant_words,        &r.layout.recipient_fields, &r.layout.table_name_words,
      &r.layout.possessed_noun_breaks};
}

// Writes a RuleSet. Word sets that rules share are written once, and referred to by number.
class RulesWriter {
 public:
  explicit RulesWriter(ImageWriter& out) : out_(out) {}

  void rule_set(const RuleSet& r) {
    each(r.packs, [&](const std::string& p) { out_.str(p); });
    const GazetteerEntries::Tables g = r.gazetteer.tables();
    out_.str(g.chars);
    out_.u32s(g.rows);
    out_.u32s(g.aliases);
    out_.u32s(g.files);
    each(r.gazetteer.contexts(), [&](const WordSet& context) { out_.index(context.index()); });
    for (const WordSet& forms : r.gazetteer.context_forms()) {
      out_.index(forms.index());
    }
    out_.index(r.stoplist.index());
    // Lexicons by name, so that the image does not depend on the order of a hash map.
    std::vector<const std::string*> names;
    for (const auto& [name, set] : r.lexicons) {
      names.push_back(&name);
    }
    std::sort(names.begin(), names.end(), [](auto* a, auto* b) { return *a < *b; });
    out_.u32(static_cast<std::uint32_t>(names.size()));
    for (const std::string* name : names) {
      out_.str(*name);
      shared(r.lexicons.at(*name));
    }
    std::vector<std::pair<std::string_view, EntityType>> cues(r.type_cues.begin(),
                                                              r.type_cues.end());
    std::sort(cues.begin(), cues.end());
    out_.u32(static_cast<std::uint32_t>(cues.size()));
    for (const auto& [word, type] : cues) {
      out_.str(word);
      out_.u32(static_cast<std::uint32_t>(type));
    }
    for (const WordSet* set : word_sets(r)) {
      out_.index(set->index());
    }
    out_.u32(static_cast<std::uint32_t>(r.layout.table_columns.size()));
    for (const auto& [word, type] : r.layout.table_columns) {
      out_.str(word);
      out_.u32(static_cast<std::uint32_t>(type));
    }
    out_.u32(static_cast<std::uint32_t>(r.layout.table_relations.size()));
    for (const TableRelation& t : r.layout.table_relations) {
      for (const std::vector<std::string>* words : {&t.source, &t.target, &t.heads}) {
        out_.u32(static_cast<std::uint32_t>(words->size()));
        for (const std::string& w : *words) {
          out_.str(w);
        }
      }
      out_.u32(static_cast<std::uint32_t>(t.relation));
      out_.f64(t.confidence);
    }
    out_.u32(static_cast<std::uint32_t>(r.layout.list_sections.size()));
    for (const ListSection& l : r.layout.list_sections) {
      out_.u32(static_cast<std::uint32_t>(l.headings.size()));
      for (const std::string& w : l.headings) {
        out_.str(w);
      }
      out_.u32(static_cast<std::uint32_t>(l.type));
      out_.flag(l.relation.has_value());
      out_.u32(static_cast<std::uint32_t>(l.relation.value_or(RelationType::kDevelops)));
      out_.f64(l.confidence);
    }
    out_.u32(static_cast<std::uint32_t>(r.layout.outline_relations.size()));
    for (const OutlineRelation& o : r.layout.outline_relations) {
      for (const std::vector<EntityType>* types : {&o.child, &o.parent}) {
        out_.u32(static_cast<std::uint32_t>(types->size()));
        for (const EntityType t : *types) {
          out_.u32(static_cast<std::uint32_t>(t));
        }
      }
      out_.u32(static_cast<std::uint32_t>(o.relation));
      out_.f64(o.confidence);
    }
    each(r.entity_rules, [&](const EntityRule& rule) { entity_rule(rule); });
    each(r.relation_rules, [&](const RelationRule& rule) { relation_rule(rule); });
    each(r.document_rules, [&](const DocumentRule& rule) { document_rule(rule); });
    // The examples last, after the number of words they take, so that a reader may skip them.
    const std::size_t length_at = out_.size();
    out_.u32(0);
    each(r.examples, [&](const RuleExample& ex) { example(ex); });
    out_.set(length_at, static_cast<std::uint32_t>(out_.size() - length_at - 1));
  }

 private:
  // The number of items, then each item as `write` writes it.
  template <class Range, class Write>
  void each(const Range& items, Write&& write) {
    out_.u32(static_cast<std::uint32_t>(std::size(items)));
    for (const auto& item : items) {
      write(item);
    }
  }
  // A shared word set: kNone for none, its number if written before, else a new number and
  // the set.
  void shared(const SharedWordSet& set) {
    if (!set) {
      out_.u32(kNone);
      return;
    }
    const auto [it, fresh] =
        numbers_.try_emplace(set.get(), static_cast<std::uint32_t>(numbers_.size()));
    out_.u32(it->second);
    if (fresh) {
      out_.index(set->index());
    }
  }
  void strings(const std::vector<std::string>& v) {
    each(v, [&](const std::string& s) { out_.str(s); });
  }
  void strings(const StopWords& w) {
    strings(w.stems().words());
    strings(w.whole().words());
  }
  template <class T>
  void optional(const std::optional<T>& v) {
    out_.u32(v ? static_cast<std::uint32_t>(*v) : kNone);
  }

  void element(const Element& el) {
    out_.u32(static_cast<std::uint32_t>(el.kind));
    out_.u32(el.types);
    out_.flag(el.list);
    optional(el.listed);
    shared(el.names);
    const TokenTest& t = el.test;
    shared(t.text);
    strings(t.starts.words());
    strings(t.ends.words());
    out_.flag(t.regex != nullptr);
    if (t.regex) {
      out_.str(t.regex->source());
    }
    out_.str(t.regex_source);
    optional(t.script);
    optional(t.shape);
    optional(t.space_before);
    optional(t.known);
    shared(el.particle);
    each(el.negated, [&](const auto& negated) { element(*negated); });
    out_.i32(el.min);
    out_.i32(el.max);
    out_.i32(el.capture);
    out_.u32(static_cast<std::uint32_t>(el.anchor));
  }

  void header(const RuleHeader& h) {
    out_.str(h.id);
    out_.str(h.file);
    out_.str(h.pointer);
    out_.u32(static_cast<std::uint32_t>(h.lang));
    out_.i32(h.priority);
    each(h.pattern, [&](const Element& el) { element(el); });
    strings(h.captures);
  }

  void entity_rule(const EntityRule& r) {
    header(r);
    out_.i32(r.entity_capture);
    out_.i32(r.through);
    optional(r.type);
    out_.i32(r.type_from);
    out_.i32(static_cast<std::int32_t>(r.refers));
    out_.i32(r.alias_entity);
    out_.i32(r.alias_name);
    out_.i32(r.alias_through);
  }

  void ref(const Ref& r) {
    out_.u32(static_cast<std::uint32_t>(r.kind));
    out_.i32(r.capture);
    out_.u32(r.types);
    each(r.preference, [&](const EntityType t) { out_.u32(static_cast<std::uint32_t>(t)); });
    out_.flag(r.sentence_scope);
    out_.flag(r.before_only);
    shared(r.particle);
    out_.flag(r.else_topic);
    out_.flag(r.all_topics);
    out_.flag(r.else_previous);
    out_.flag(r.self);
    out_.flag(r.about);
    out_.i32(r.head_of);
    out_.i32(r.ends_in);
  }

  void relation_rule(const RelationRule& r) {
    header(r);
    out_.f64(r.confidence);
    optional(r.relation);
    out_.i32(r.relation_by_capture);
    out_.u32(static_cast<std::uint32_t>(r.relation_by.size()));
    for (const auto& [set, type] : r.relation_by) {
      shared(set);
      out_.u32(static_cast<std::uint32_t>(type));
    }
    ref(r.source);
    ref(r.target);
    strings(r.unless);
    out_.flag(r.yields);
    out_.flag(r.former);
    out_.flag(r.writer_team);
    shared(r.voice_words);
    strings(r.voice_endings);
    out_.i32(r.voice_min);
  }

  void document_rule(const DocumentRule& r) {
    out_.str(r.id);
    out_.u32(static_cast<std::uint32_t>(r.kind));
    out_.u32(r.types);
    out_.u32(static_cast<std::uint32_t>(r.relation));
    out_.flag(r.from_topic);
    out_.flag(r.unlisted_only);
    shared(r.not_names);
    shared(r.voice_words);
    strings(r.voice_endings);
    out_.i32(r.voice_min);
    strings(r.unless);
    strings(r.lead_in);
    strings(r.org_endings);
    strings(r.not_endings);
    out_.f64(r.confidence);
  }

  void example(const RuleExample& ex) {
    out_.str(ex.text);
    out_.u32(static_cast<std::uint32_t>(ex.entities.size()));
    for (const auto& [name, type] : ex.entities) {
      out_.str(name);
      out_.u32(static_cast<std::uint32_t>(type));
    }
    out_.u32(static_cast<std::uint32_t>(ex.relations.size()));
    for (const auto& [source, type, target] : ex.relations) {
      out_.str(source);
      out_.u32(static_cast<std::uint32_t>(type));
      out_.str(target);
    }
    out_.u32(static_cast<std::uint32_t>(ex.absent.size()));
    for (const auto& [source, type, target] : ex.absent) {
      out_.str(source);
      out_.str(type);
      out_.str(target);
    }
    out_.u32(static_cast<std::uint32_t>(ex.absent_entities.size()));
    for (const auto& [name, type] : ex.absent_entities) {
      out_.str(name);
      out_.u32(static_cast<std::uint32_t>(type));
    }
    out_.str(ex.file);
    out_.str(ex.pointer);
  }

  ImageWriter& out_;
  std::unordered_map<const WordSet*, std::uint32_t> numbers_;
};

// Reads what RulesWriter wrote. The word sets are views of the image, kept in one deque that
// the shared pointers to them share.
class RulesReader {
 public:
  RulesReader(ImageReader& in, bool examples)
      : in_(in), examples_(examples), sets_(std::make_shared<std::deque<WordSet>>()) {}

  void rule_set(RuleSet& r) {
    each(r.packs, [&](std::string& p) { p = in_.str(); });
    GazetteerEntries::Tables g;
    g.chars = in_.str();
    g.rows = in_.u32s();
    g.aliases = in_.u32s();
    g.files = in_.u32s();
    std::vector<WordSet> contexts(in_.u32());
    for (WordSet& context : contexts) {
      context = words();
    }
    std::vector<WordSet> context_forms(contexts.size());
    for (WordSet& forms : context_forms) {
      forms = words();
    }
    r.gazetteer = GazetteerEntries(g, std::move(contexts), std::move(context_forms));
    r.stoplist = words();
    const std::uint32_t lexicons = in_.u32();
    r.lexicons.reserve(lexicons);
    for (std::uint32_t i = 0; i < lexicons; ++i) {
      const std::string_view name = in_.str();
      r.lexicons.emplace(name, shared());
    }
    const std::uint32_t cues = in_.u32();
    r.type_cues.reserve(cues);
    for (std::uint32_t i = 0; i < cues; ++i) {
      const std::string_view word = in_.str();
      r.type_cues.emplace(word, static_cast<EntityType>(in_.u32()));
    }
    for (WordSet* set : word_sets(r)) {
      *set = words();
    }
    r.layout.table_columns.resize(in_.u32());
    for (auto& [word, type] : r.layout.table_columns) {
      word = in_.str();
      type = static_cast<EntityType>(in_.u32());
    }
    r.layout.table_relations.resize(in_.u32());
    for (TableRelation& t : r.layout.table_relations) {
      for (std::vector<std::string>* words : {&t.source, &t.target, &t.heads}) {
        words->resize(in_.u32());
        for (std::string& w : *words) {
          w = in_.str();
        }
      }
      t.relation = static_cast<RelationType>(in_.u32());
      t.confidence = in_.f64();
    }
    r.layout.list_sections.resize(in_.u32());
    for (ListSection& l : r.layout.list_sections) {
      l.headings.resize(in_.u32());
      for (std::string& w : l.headings) {
        w = in_.str();
      }
      l.type = static_cast<EntityType>(in_.u32());
      const bool related = in_.flag();
      const auto relation = static_cast<RelationType>(in_.u32());
      if (related) {
        l.relation = relation;
      }
      l.confidence = in_.f64();
    }
    r.layout.outline_relations.resize(in_.u32());
    for (OutlineRelation& o : r.layout.outline_relations) {
      for (std::vector<EntityType>* types : {&o.child, &o.parent}) {
        types->resize(in_.u32());
        for (EntityType& t : *types) {
          t = static_cast<EntityType>(in_.u32());
        }
      }
      o.relation = static_cast<RelationType>(in_.u32());
      o.confidence = in_.f64();
    }
    each(r.entity_rules, [&](EntityRule& rule) { entity_rule(rule); });
    each(r.relation_rules, [&](RelationRule& rule) { relation_rule(rule); });
    each(r.document_rules, [&](DocumentRule& rule) { document_rule(rule); });
    const std::uint32_t length = in_.u32();
    if (examples_) {
      each(r.examples, [&](RuleExample& ex) { example(ex); });
    } else {
      in_.skip(length);
    }
  }

 private:
  // A count, then that many items, each read by `read`.
  template <class T, class Read>
  void each(std::vector<T>& items, Read&& read) {
    items.resize(in_.u32());
    for (T& item : items) {
      read(item);
    }
  }
  WordSet words() { return WordSet(StringIndex(in_.index())); }
  SharedWordSet shared() {
    const std::uint32_t number = in_.u32();
    if (number == kNone) {
      return nullptr;
    }
    if (number == shared_.size()) {
      sets_->push_back(words());
      shared_.emplace_back(sets_, &sets_->back());
    }
    return shared_[number];
  }
  // Strings made from their views, not assigned to default ones (17,000 strings, most of
  // them short).
  void strings(std::vector<std::string>& v) {
    const std::uint32_t n = in_.u32();
    v.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      v.emplace_back(in_.str());
    }
  }
  // A `starts` or `ends` list, written sorted from AffixWords::words().
  AffixWords affixes() {
    std::vector<std::string> words;
    strings(words);
    return AffixWords::from_sorted(std::move(words));
  }
  // An `unless` or `lead_in` list: its stems, then its whole words.
  void strings(StopWords& w) {
    AffixWords stems = affixes();
    AffixWords whole = affixes();
    w = StopWords(std::move(stems), std::move(whole));
  }
  template <class T>
  void optional(std::optional<T>& v) {
    if (const std::uint32_t u = in_.u32(); u != kNone) {
      v = static_cast<T>(u);
    }
  }
  std::shared_ptr<const CompiledRegex> regex(std::string_view pattern) {
    std::shared_ptr<const CompiledRegex>& known = regexes_[std::string(pattern)];
    if (!known) {
      known = CompiledRegex::deferred(std::string(pattern));
    }
    return known;
  }

  void element(Element& el) {
    el.kind = static_cast<ElementKind>(in_.u32());
    el.types = static_cast<TypeMask>(in_.u32());
    el.list = in_.flag();
    optional(el.listed);
    el.names = shared();
    TokenTest& t = el.test;
    t.text = shared();
    t.starts = affixes();
    t.ends = affixes();
    if (in_.flag()) {
      t.regex = regex(in_.str());
    }
    if (const std::string_view source = in_.str(); !source.empty()) {
      t.regex_source = source;
    }
    optional(t.script);
    optional(t.shape);
    optional(t.space_before);
    optional(t.known);
    el.particle = shared();
    el.negated.resize(in_.u32());
    for (auto& negated : el.negated) {
      auto one = std::make_shared<Element>();
      element(*one);
      negated = std::move(one);
    }
    el.min = in_.i32();
    el.max = in_.i32();
    el.capture = in_.i32();
    el.anchor = static_cast<Anchor>(in_.u32());
  }

  void header(RuleHeader& h) {
    h.id = in_.str();
    h.file = in_.str();
    h.pointer = in_.str();
    h.lang = static_cast<Lang>(in_.u32());
    h.priority = in_.i32();
    each(h.pattern, [&](Element& el) { element(el); });
    strings(h.captures);
  }

  void entity_rule(EntityRule& r) {
    header(r);
    r.entity_capture = in_.i32();
    r.through = in_.i32();
    optional(r.type);
    r.type_from = in_.i32();
    r.refers = static_cast<Refers>(in_.i32());
    r.alias_entity = in_.i32();
    r.alias_name = in_.i32();
    r.alias_through = in_.i32();
  }

  void ref(Ref& r) {
    r.kind = static_cast<Ref::Kind>(in_.u32());
    r.capture = in_.i32();
    r.types = static_cast<TypeMask>(in_.u32());
    each(r.preference, [&](EntityType& t) { t = static_cast<EntityType>(in_.u32()); });
    r.sentence_scope = in_.flag();
    r.before_only = in_.flag();
    r.particle = shared();
    r.else_topic = in_.flag();
    r.all_topics = in_.flag();
    r.else_previous = in_.flag();
    r.self = in_.flag();
    r.about = in_.flag();
    r.head_of = in_.i32();
    r.ends_in = in_.i32();
  }

  void relation_rule(RelationRule& r) {
    header(r);
    r.confidence = in_.f64();
    optional(r.relation);
    r.relation_by_capture = in_.i32();
    r.relation_by.resize(in_.u32());
    for (auto& [set, type] : r.relation_by) {
      set = shared();
      type = static_cast<RelationType>(in_.u32());
    }
    ref(r.source);
    ref(r.target);
    strings(r.unless);
    r.yields = in_.flag();
    r.former = in_.flag();
    r.writer_team = in_.flag();
    r.voice_words = shared();
    strings(r.voice_endings);
    r.voice_min = in_.i32();
  }

  void document_rule(DocumentRule& r) {
    r.id = in_.str();
    r.kind = static_cast<DocumentRuleKind>(in_.u32());
    r.types = static_cast<TypeMask>(in_.u32());
    r.relation = static_cast<RelationType>(in_.u32());
    r.from_topic = in_.flag();
    r.unlisted_only = in_.flag();
    r.not_names = shared();
    r.voice_words = shared();
    strings(r.voice_endings);
    r.voice_min = in_.i32();
    strings(r.unless);
    strings(r.lead_in);
    strings(r.org_endings);
    strings(r.not_endings);
    r.confidence = in_.f64();
  }

  void example(RuleExample& ex) {
    ex.text = in_.str();
    ex.entities.resize(in_.u32());
    for (auto& [name, type] : ex.entities) {
      name = in_.str();
      type = static_cast<EntityType>(in_.u32());
    }
    ex.relations.resize(in_.u32());
    for (auto& [source, type, target] : ex.relations) {
      source = in_.str();
      type = static_cast<RelationType>(in_.u32());
      target = in_.str();
    }
    ex.absent.resize(in_.u32());
    for (auto& [source, type, target] : ex.absent) {
      source = in_.str();
      type = in_.str();
      target = in_.str();
    }
    ex.absent_entities.resize(in_.u32());
    for (auto& [name, type] : ex.absent_entities) {
      name = in_.str();
      type = static_cast<EntityType>(in_.u32());
    }
    ex.file = in_.str();
    ex.pointer = in_.str();
  }

  ImageReader& in_;
  bool examples_;
  std::shared_ptr<std::deque<WordSet>> sets_;
  std::vector<SharedWordSet> shared_;  // by number: the sets of `sets_`
  std::unordered_map<std::string, std::shared_ptr<const CompiledRegex>> regexes_;
};

}  // namespace

void write_pack_image(ImageWriter& out, const RuleSet& rules, const Gazetteer& gazetteer,
                      const RuleFilter& filter) {
  out.u32(kMagic);
  RulesWriter(out).rule_set(rules);
  out.u32(kRulesEnd);
  gazetteer.write_tables(out);
  filter.write_tables(out);
  RuleOrder::write_tables(out, rules, filter);
}

std::shared_ptr<const RuleSet> read_pack_image(const PackImage& image, bool examples) {
  ImageReader in(image);
  if (in.remaining() < 2 || in.u32() != kMagic) {
    return nullptr;
  }
  auto rules = std::make_shared<RuleSet>();
  RulesReader(in, examples).rule_set(*rules);
  if (in.u32() != kRulesEnd) {
    return nullptr;
  }
  rules->prebuilt = PrebuiltIndexes(in);
  return rules;
}

}  // namespace kgex
