#include "exporters/detail/rdf_vocab.h"

#include <algorithm>

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
    : ids_(&ids), base_(std::move(base)), entities_(graph.entity_count()) {
  for (EntityId id = 0; id < entities_.size(); ++id) {
    entities_[id] = base_ + "entity/" + percent_encode(ids_->entity(id));
  }
}

std::string RdfIris::relation(const RelationView& view) const {
  return base_ + "relation/" + percent_encode(ids_->relation(view));
}

std::string RdfIris::mention(const std::string& entity_iri, std::size_t index) {
  return entity_iri + "/mention/" + std::to_string(index);
}

std::string RdfIris::evidence(const std::string& relation_iri, std::size_t index) {
  return relation_iri + "/evidence/" + std::to_string(index);
}

}  // namespace kgex::exporters
