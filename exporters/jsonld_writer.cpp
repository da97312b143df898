#include <rapidjson/stringbuffer.h>

#include <vector>

#include "exporters/detail/json.h"
#include "exporters/detail/rdf_vocab.h"
#include "exporters/jsonld.h"

namespace kgex::exporters {
namespace {

// IRIs (RdfIris: a base for which is_base_iri() holds, then percent-encoded ids) and the names of
// types and terms are printable ASCII without '"' and '\\': written as they are (PlainString),
// without the scan of write_string().
using Writer = PrettyJson;

std::string compact_iri(std::string_view term) {
  return std::string(is_schema_org_term(term) ? "schema:" : "kg:") + std::string(term);
}

void write_context(Writer& w) {
  write_key(w, "@context");
  w.StartObject();
  write_key(w, "schema");
  write_string(w, kSchemaOrgIri);
  write_key(w, "kg");
  write_string(w, kVocabularyIri);
  write_key(w, "xsd");
  write_string(w, kXsdIri);
  for (const Term& term : vocabulary_terms()) {
    write_key(w, term.name);
    const std::string iri = compact_iri(term.name);
    const char* coerce = nullptr;
    switch (term.kind) {
      case TermKind::kClass:
      case TermKind::kLiteral:
      case TermKind::kNode:
        break;
      case TermKind::kDouble:
        coerce = "xsd:double";
        break;
      case TermKind::kIri:
        coerce = "@id";
        break;
      case TermKind::kVocabIri:
        coerce = "@vocab";
        break;
    }
    if (coerce == nullptr) {
      write_string(w, iri);
      continue;
    }
    w.StartObject();
    write_key(w, "@id");
    write_string(w, iri);
    write_key(w, "@type");
    write_string(w, coerce);
    w.EndObject();
  }
  w.EndObject();
}

// `scratch` holds each mention's IRI in turn, as it does each evidence record's in
// write_relation().
void write_entity(Writer& w, const KnowledgeGraph& graph, EntityId id, const RdfIris& iris,
                  const std::vector<RelationView>& out_relations, std::string& scratch) {
  const Entity& entity = graph.entity(id);
  const std::string& iri = iris.entity(id);
  w.StartObject();
  write_key(w, "@id");
  w.PlainString(iri);
  write_key(w, "@type");
  w.PlainString(class_term(entity.type));
  write_key(w, "name");
  write_string(w, entity.name);
  if (!entity.aliases.empty()) {
    write_key(w, "alternateName");
    w.StartArray();
    for (const std::string& alias : entity.aliases) {
      write_string(w, alias);
    }
    w.EndArray();
  }
  write_key(w, "mentionCount");
  write_count(w, entity.mention_count);
  if (!entity.mentions.empty()) {
    write_key(w, "mention");
    w.StartArray();
    for (std::size_t i = 0; i < entity.mentions.size(); ++i) {
      w.StartObject();
      write_key(w, "@id");
      w.PlainString(RdfIris::mention(scratch, iri, i + 1));
      write_key(w, "@type");
      w.PlainString("Mention");
      write_mention_fields(w, entity.mentions[i]);
      w.EndObject();
    }
    w.EndArray();
  }
  // `out_relations` is sorted by type, then target: one array per type.
  for (std::size_t i = 0; i < out_relations.size();) {
    const RelationType type = out_relations[i].relation->type;
    write_key(w, to_string(type));
    w.StartArray();
    for (; i < out_relations.size() && out_relations[i].relation->type == type; ++i) {
      w.PlainString(iris.entity(out_relations[i].target));
    }
    w.EndArray();
  }
  w.EndObject();
}

void write_relation(Writer& w, const RelationView& view, const RdfIris& iris,
                    std::string& scratch) {
  const Relation& relation = *view.relation;
  const std::string iri = iris.relation(view);
  w.StartObject();
  write_key(w, "@id");
  w.PlainString(iri);
  write_key(w, "@type");
  w.PlainString("Relation");
  write_key(w, "relationType");
  w.PlainString(to_string(relation.type));
  write_key(w, "source");
  w.PlainString(iris.entity(view.source));
  write_key(w, "target");
  w.PlainString(iris.entity(view.target));
  write_key(w, "confidence");
  write_decimal(w, relation.confidence);
  write_key(w, "confidenceWeight");
  write_count(w, weight_of(relation));
  write_key(w, "support");
  write_count(w, relation.support);
  if (!relation.evidence.empty()) {
    write_key(w, "evidence");
    w.StartArray();
    for (std::size_t i = 0; i < relation.evidence.size(); ++i) {
      w.StartObject();
      write_key(w, "@id");
      w.PlainString(RdfIris::evidence(scratch, iri, i + 1));
      write_key(w, "@type");
      w.PlainString("Evidence");
      write_evidence_fields(w, relation.evidence[i]);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

Status write_jsonld(const KnowledgeGraph& graph, const RdfIris& iris, std::ostream& out) {
  const std::vector<RelationView> relations = graph.relations();
  std::vector<std::vector<RelationView>> by_source(graph.entity_count());
  for (const RelationView& view : relations) {
    by_source[view.source].push_back(view);
  }
  // The writer fills `buffer`, which goes to `out` whenever it holds enough, so
  // memory holds a chunk of the document, never all of it.
  rapidjson::StringBuffer buffer;
  auto drain = [&](std::size_t at_least) {
    if (buffer.GetSize() >= at_least) {
      out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
      buffer.Clear();
    }
  };
  constexpr std::size_t kChunk = 1 << 16;
  Writer w(buffer, 2);
  w.StartObject();
  write_context(w);
  write_key(w, "@graph");
  w.StartArray();
  std::string scratch;
  for (const EntityId id : graph.sorted_entities()) {
    write_entity(w, graph, id, iris, by_source[id], scratch);
    drain(kChunk);
  }
  for (const RelationView& view : relations) {
    write_relation(w, view, iris, scratch);
    drain(kChunk);
  }
  w.EndArray();
  w.EndObject();
  drain(0);
  out.put('\n');
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write JSON-LD to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
