#include <array>
#include <charconv>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <vector>

#include "exporters/detail/rdf_vocab.h"
#include "exporters/detail/text.h"
#include "exporters/ntriples.h"

namespace kgex::exporters {
namespace {

std::string bracketed(std::string_view term) { return "<" + term_iri(term) + ">"; }

// The bracketed IRIs of the terms, which every line repeats, worked out once per file.
struct Terms {
  const std::string rdf_type = "<" + std::string(kRdfTypeIri) + ">";
  const std::string name = bracketed("name");
  const std::string alternate_name = bracketed("alternateName");
  const std::string mention_count = bracketed("mentionCount");
  const std::string mention = bracketed("mention");
  const std::string relation_type = bracketed("relationType");
  const std::string source = bracketed("source");
  const std::string target = bracketed("target");
  const std::string confidence = bracketed("confidence");
  const std::string confidence_weight = bracketed("confidenceWeight");
  const std::string support = bracketed("support");
  const std::string evidence = bracketed("evidence");
  const std::string document = bracketed("document");
  const std::string sentence = bracketed("sentence");
  const std::string rule = bracketed("rule");
  const std::string byte_start = bracketed("byteStart");
  const std::string byte_end = bracketed("byteEnd");
  const std::string char_start = bracketed("charStart");
  const std::string char_end = bracketed("charEnd");
  const std::string mention_class = bracketed("Mention");
  const std::string relation_class = bracketed("Relation");
  const std::string evidence_class = bracketed("Evidence");
  std::array<std::string, kEntityTypes.size()> entity_classes;
  std::array<std::string, kRelationTypes.size()> relation_types;

  Terms() {
    for (const EntityType type : kEntityTypes) {
      entity_classes[static_cast<std::size_t>(type)] = bracketed(class_term(type));
    }
    for (const RelationType type : kRelationTypes) {
      relation_types[static_cast<std::size_t>(type)] = bracketed(to_string(type));
    }
  }
  const std::string& entity_class(EntityType type) const {
    return entity_classes[static_cast<std::size_t>(type)];
  }
  const std::string& relation(RelationType type) const {
    return relation_types[static_cast<std::size_t>(type)];
  }
};

// Writes triples whose subject is fixed, one line each. N-Triples is by far the largest output,
// so lines are put together in a buffer handed to the stream in large blocks, from terms
// bracketed once: building strings per triple and inserting each piece into the stream used
// to cost half of all the writing. Each line's pieces are copied into the buffer after one
// check that the line fits, instead of appended to a string one by one.
class TripleWriter {
 public:
  explicit TripleWriter(std::ostream& out) : out_(out), buffer_(kBlock + kBlock / 4) {}

  const Terms& terms() const { return terms_; }

  void subject(std::string_view iri) { subject_.assign("<").append(iri).append("> "); }
  // `object` is a bracketed term.
  void term(const std::string& predicate, std::string_view object) {
    end(put(start(predicate, object.size()), object));
  }
  void iri(const std::string& predicate, std::string_view object) {
    char* at = start(predicate, object.size() + 2);
    *at++ = '<';
    at = put(at, object);
    *at++ = '>';
    end(at);
  }
  void text(const std::string& predicate, std::string_view value) {
    quoted_.clear();
    append_backslash_quoted(quoted_, value, "\\t");
    term(predicate, quoted_);
  }
  // The digits go straight into the line, after room for the most there can be is made.
  void count(const std::string& predicate, std::size_t value) {
    constexpr std::size_t kMaxDigits = std::numeric_limits<std::size_t>::digits10 + 1;
    char* at = start(predicate, 1 + kMaxDigits + kIntegerSuffix.size());
    *at++ = '"';
    at = std::to_chars(at, at + kMaxDigits, value).ptr;
    end(put(at, kIntegerSuffix));
  }
  void decimal(const std::string& predicate, double value) {
    // Confidences take few distinct values; their canonical form is worked out once each.
    auto [it, fresh] = doubles_.try_emplace(value);
    if (fresh) {
      it->second =
          "\"" + canonical_double(rounded(value)) + "\"^^<" + std::string(kXsdIri) + "double>";
    }
    term(predicate, it->second);
  }

  // Hands what is left to the stream; call once at the end.
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(used_));
    used_ = 0;
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  static constexpr std::string_view kLineEnd = " .\n";
  // Of a constant size, so that copying it is no call to memcpy.
  static constexpr std::string_view kIntegerSuffix =
      "\"^^<http://www.w3.org/2001/XMLSchema#integer>";
  static_assert(kIntegerSuffix.substr(4, kXsdIri.size()) == kXsdIri);

  static char* put(char* at, std::string_view piece) {
    std::memcpy(at, piece.data(), piece.size());
    return at + piece.size();
  }
  // Makes room for a line whose object takes `object_size` bytes, puts its subject and
  // predicate, and returns where the object goes.
  char* start(const std::string& predicate, std::size_t object_size) {
    const std::size_t line = subject_.size() + predicate.size() + 1 + object_size + kLineEnd.size();
    if (buffer_.size() - used_ < line) {
      flush();
      if (buffer_.size() < line) {
        buffer_.resize(line);
      }
    }
    char* at = put(buffer_.data() + used_, subject_);
    at = put(at, predicate);
    *at++ = ' ';
    return at;
  }
  // Ends the line whose object ends at `at`.
  void end(char* at) {
    at = put(at, kLineEnd);
    used_ = static_cast<std::size_t>(at - buffer_.data());
    if (used_ >= kBlock) {
      flush();
    }
  }

  std::ostream& out_;
  const Terms terms_;
  std::vector<char> buffer_;
  std::size_t used_ = 0;
  std::string subject_;  // bracketed, and the space after it
  std::string quoted_;
  std::unordered_map<double, std::string> doubles_;
};

void write_spans(TripleWriter& w, const Span& bytes, const Span& chars) {
  const Terms& t = w.terms();
  w.count(t.byte_start, bytes.begin);
  w.count(t.byte_end, bytes.end);
  w.count(t.char_start, chars.begin);
  w.count(t.char_end, chars.end);
}

void write_entity(TripleWriter& w, const KnowledgeGraph& graph, EntityId id, const RdfIris& iris,
                  const std::vector<RelationView>& out_relations, std::string& scratch) {
  const Terms& t = w.terms();
  const Entity& entity = graph.entity(id);
  const std::string& iri = iris.entity(id);
  w.subject(iri);
  w.term(t.rdf_type, t.entity_class(entity.type));
  w.text(t.name, entity.name);
  for (const std::string& alias : entity.aliases) {
    w.text(t.alternate_name, alias);
  }
  w.count(t.mention_count, entity.mention_count);
  for (std::size_t i = 0; i < entity.mentions.size(); ++i) {
    w.iri(t.mention, RdfIris::mention(scratch, iri, i + 1));
  }
  for (const RelationView& view : out_relations) {
    w.iri(t.relation(view.relation->type), iris.entity(view.target));
  }
  for (std::size_t i = 0; i < entity.mentions.size(); ++i) {
    const Mention& mention = entity.mentions[i];
    w.subject(RdfIris::mention(scratch, iri, i + 1));
    w.term(t.rdf_type, t.mention_class);
    w.text(t.document, mention.document);
    write_spans(w, mention.bytes, mention.chars);
  }
}

void write_relation(TripleWriter& w, const RelationView& view, const RdfIris& iris,
                    std::string& scratch) {
  const Terms& t = w.terms();
  const Relation& relation = *view.relation;
  const std::string iri = iris.relation(view);
  w.subject(iri);
  w.term(t.rdf_type, t.relation_class);
  w.term(t.relation_type, t.relation(relation.type));
  w.iri(t.source, iris.entity(view.source));
  w.iri(t.target, iris.entity(view.target));
  w.decimal(t.confidence, relation.confidence);
  w.count(t.confidence_weight, weight_of(relation));
  w.count(t.support, relation.support);
  for (std::size_t i = 0; i < relation.evidence.size(); ++i) {
    w.iri(t.evidence, RdfIris::evidence(scratch, iri, i + 1));
  }
  for (std::size_t i = 0; i < relation.evidence.size(); ++i) {
    const Evidence& evidence = relation.evidence[i];
    w.subject(RdfIris::evidence(scratch, iri, i + 1));
    w.term(t.rdf_type, t.evidence_class);
    w.text(t.document, evidence.document);
    w.text(t.sentence, evidence.sentence);
    write_spans(w, evidence.bytes, evidence.chars);
    if (!evidence.rule.empty()) {
      w.text(t.rule, evidence.rule);
    }
    w.decimal(t.confidence, evidence.confidence);
  }
}

}  // namespace

std::string ntriples_literal(std::string_view text) { return backslash_quoted(text, "\\t"); }

Status write_ntriples(const KnowledgeGraph& graph, const RdfIris& iris, std::ostream& out) {
  const std::vector<RelationView> relations = graph.relations();
  std::vector<std::vector<RelationView>> by_source(graph.entity_count());
  for (const RelationView& view : relations) {
    by_source[view.source].push_back(view);
  }
  TripleWriter w(out);
  std::string scratch;
  for (const EntityId id : graph.sorted_entities()) {
    write_entity(w, graph, id, iris, by_source[id], scratch);
  }
  for (const RelationView& view : relations) {
    write_relation(w, view, iris, scratch);
  }
  w.flush();
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write N-Triples to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
