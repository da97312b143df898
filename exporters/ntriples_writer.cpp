#include "exporters/detail/rdf_vocab.h"
#include "exporters/detail/text.h"
#include "exporters/ntriples.h"

namespace kgex::exporters {
namespace {

// Writes triples whose subject is fixed, one line each.
class TripleWriter {
 public:
  explicit TripleWriter(std::ostream& out) : out_(out) {}

  void subject(const std::string& iri) { subject_ = "<" + iri + ">"; }
  void type(std::string_view class_term) {
    line("<" + std::string(kRdfTypeIri) + ">", "<" + term_iri(class_term) + ">");
  }
  void iri(std::string_view term, const std::string& object) {
    line(predicate(term), "<" + object + ">");
  }
  void text(std::string_view term, std::string_view value) {
    line(predicate(term), ntriples_literal(value));
  }
  void count(std::string_view term, std::size_t value) {
    line(predicate(term),
         "\"" + std::to_string(value) + "\"^^<" + std::string(kXsdIri) + "integer>");
  }
  void decimal(std::string_view term, double value) {
    line(predicate(term),
         "\"" + canonical_double(rounded(value)) + "\"^^<" + std::string(kXsdIri) + "double>");
  }

 private:
  static std::string predicate(std::string_view term) { return "<" + term_iri(term) + ">"; }
  void line(const std::string& predicate, const std::string& object) {
    out_ << subject_ << ' ' << predicate << ' ' << object << " .\n";
  }

  std::ostream& out_;
  std::string subject_;
};

void write_spans(TripleWriter& w, const Span& bytes, const Span& chars) {
  w.count("byteStart", bytes.begin);
  w.count("byteEnd", bytes.end);
  w.count("charStart", chars.begin);
  w.count("charEnd", chars.end);
}

void write_entity(TripleWriter& w, const KnowledgeGraph& graph, EntityId id, const RdfIris& iris,
                  const std::vector<RelationView>& out_relations) {
  const Entity& entity = graph.entity(id);
  const std::string iri = iris.entity(id);
  w.subject(iri);
  w.type(class_term(entity.type));
  w.text("name", entity.name);
  for (const std::string& alias : entity.aliases) {
    w.text("alternateName", alias);
  }
  w.count("mentionCount", entity.mention_count);
  for (std::size_t i = 0; i < entity.mentions.size(); ++i) {
    w.iri("mention", RdfIris::mention(iri, i + 1));
  }
  for (const RelationView& view : out_relations) {
    w.iri(to_string(view.relation->type), iris.entity(view.target));
  }
  for (std::size_t i = 0; i < entity.mentions.size(); ++i) {
    const Mention& mention = entity.mentions[i];
    w.subject(RdfIris::mention(iri, i + 1));
    w.type("Mention");
    w.text("document", mention.document);
    write_spans(w, mention.bytes, mention.chars);
  }
}

void write_relation(TripleWriter& w, const RelationView& view, const RdfIris& iris) {
  const Relation& relation = *view.relation;
  const std::string iri = iris.relation(view);
  w.subject(iri);
  w.type("Relation");
  w.iri("relationType", term_iri(to_string(relation.type)));
  w.iri("source", iris.entity(view.source));
  w.iri("target", iris.entity(view.target));
  w.decimal("confidence", relation.confidence);
  w.count("support", relation.support);
  for (std::size_t i = 0; i < relation.evidence.size(); ++i) {
    w.iri("evidence", RdfIris::evidence(iri, i + 1));
  }
  for (std::size_t i = 0; i < relation.evidence.size(); ++i) {
    const Evidence& evidence = relation.evidence[i];
    w.subject(RdfIris::evidence(iri, i + 1));
    w.type("Evidence");
    w.text("document", evidence.document);
    w.text("sentence", evidence.sentence);
    write_spans(w, evidence.bytes, evidence.chars);
    if (!evidence.rule.empty()) {
      w.text("rule", evidence.rule);
    }
    w.decimal("confidence", evidence.confidence);
  }
}

}  // namespace

std::string ntriples_literal(std::string_view text) { return backslash_quoted(text, "\\t"); }

Status write_ntriples(const KnowledgeGraph& graph, const WriteOptions& options, std::ostream& out) {
  const RdfIris iris(graph, options.base_iri);
  const std::vector<RelationView> relations = graph.relations();
  std::vector<std::vector<RelationView>> by_source(graph.entity_count());
  for (const RelationView& view : relations) {
    by_source[view.source].push_back(view);
  }
  TripleWriter w(out);
  for (const EntityId id : graph.sorted_entities()) {
    write_entity(w, graph, id, iris, by_source[id]);
  }
  for (const RelationView& view : relations) {
    write_relation(w, view, iris);
  }
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write N-Triples to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
