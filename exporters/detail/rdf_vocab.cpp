#include "exporters/detail/rdf_vocab.h"

#include <algorithm>
#include <charconv>

#include "exporters/detail/text.h"

namespace kgex::exporters {

const std::vector<Term>& vocabulary_terms() {
  static const std::vector<Term> kTerms = [] {
    std::vector<Term> terms = {
        {"Person", TermKind::kClass},
        {"Organization", TermKind::kClass},
        {"Team", TermKind::kClass},
        {"Product", TermKind::kClass},
        {"Tool", TermKind::kClass},
        {"Relation", TermKind::kClass},
        {"Evidence", TermKind::kClass},
        {"Mention", TermKind::kClass},
        {"name", TermKind::kLiteral},
        {"alternateName", TermKind::kLiteral},
        {"mentionCount", TermKind::kLiteral},
        {"mention", TermKind::kNode},
        {"relationType", TermKind::kVocabIri},
        {"source", TermKind::kIri},
        {"target", TermKind::kIri},
        {"confidence", TermKind::kDouble},
        {"confidenceWeight", TermKind::kLiteral},
        {"support", TermKind::kLiteral},
        {"evidence", TermKind::kNode},
        {"document", TermKind::kLiteral},
        {"sentence", TermKind::kLiteral},
        {"rule", TermKind::kLiteral},
        {"byteStart", TermKind::kLiteral},
        {"byteEnd", TermKind::kLiteral},
        {"charStart", TermKind::kLiteral},
        {"charEnd", TermKind::kLiteral},
    };
    for (const RelationType type : kRelationTypes) {
      terms.push_back({to_string(type), TermKind::kIri});
    }
    return terms;
  }();
  return kTerms;
}

bool is_schema_org_term(std::string_view term) {
  static constexpr std::string_view kSchemaTerms[] = {"Person", "Organization", "Product", "name",
                                                      "alternateName"};
  return std::find(std::begin(kSchemaTerms), std::end(kSchemaTerms), term) !=
         std::end(kSchemaTerms);
}

std::string term_iri(std::string_view term) {
  return std::string(is_schema_org_term(term) ? kSchemaOrgIri : kVocabularyIri) + std::string(term);
}

std::string_view class_term(EntityType type) { return to_string(type); }

RdfIris::RdfIris(const KnowledgeGraph& graph, const GraphIds& ids, std::string base)
    : base_(std::move(base)), entities_(graph.entity_count()) {
  for (EntityId id = 0; id < entities_.size(); ++id) {
    entities_[id] = base_ + std::string(kEntity) + percent_encode(ids.entity(id));
  }
}

std::string RdfIris::relation(const RelationView& view) const {
  // The relation id (GraphIds::relation) percent-encoded: percent_encode works byte by byte, so
  // that is its parts encoded, and the entity ids' encodings end their IRIs.
  const std::size_t skip = base_.size() + kEntity.size();
  const std::string_view source = std::string_view(entities_[view.source]).substr(skip);
  const std::string_view target = std::string_view(entities_[view.target]).substr(skip);
  const std::string type = percent_encode(to_string(view.relation->type));
  constexpr std::string_view kRelation = "relation/";
  constexpr std::string_view kJoin = "--";
  std::string iri;
  iri.reserve(base_.size() + kRelation.size() + source.size() + type.size() + target.size() +
              2 * kJoin.size());
  iri.append(base_).append(kRelation).append(source).append(kJoin).append(type).append(kJoin);
  iri.append(target);
  return iri;
}

namespace {

const std::string& numbered(std::string& out, std::string_view iri, std::string_view part,
                            std::size_t index) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, index).ptr;
  out.assign(iri).append(part).append(digits, end);
  return out;
}

}  // namespace

const std::string& RdfIris::mention(std::string& out, std::string_view entity_iri,
                                    std::size_t index) {
  return numbered(out, entity_iri, "/mention/", index);
}

const std::string& RdfIris::evidence(std::string& out, std::string_view relation_iri,
                                     std::size_t index) {
  return numbered(out, relation_iri, "/evidence/", index);
}

}  // namespace kgex::exporters
