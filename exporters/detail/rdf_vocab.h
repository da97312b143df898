// Not public: the RDF vocabulary and IRIs shared by the JSON-LD and N-Triples
// writers, so both give the same triples. Use exporters/exporter.h.
//
// Terms from schema.org where it has them (Person, Organization, Product,
// name, alternateName); everything else in kVocabularyIri (Team, Tool,
// Relation, Evidence, Mention, the relation types, confidence, ...).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/detail/naming.h"
#include "exporters/exporter.h"

namespace kgex::exporters {

inline constexpr std::string_view kSchemaOrgIri = "https://schema.org/";
inline constexpr std::string_view kXsdIri = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kRdfTypeIri = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// Every term kgex uses, in the order the JSON-LD context lists them.
enum class TermKind {
  kClass,     // a value of @type
  kLiteral,   // a property with a string or integer value
  kDouble,    // a property whose numbers are xsd:double
  kNode,      // a property whose value is a nested node object
  kIri,       // a property whose value is an IRI (@type @id)
  kVocabIri,  // a property whose value is a term (@type @vocab)
};
struct Term {
  std::string_view name;
  TermKind kind;
};
const std::vector<Term>& vocabulary_terms();

// True when `term` is taken from schema.org rather than kgex's vocabulary.
bool is_schema_org_term(std::string_view term);
// The full IRI of a term: "https://schema.org/name", ".../vocab/develops".
std::string term_iri(std::string_view term);

// Class term of an entity type: its to_string() name ("Person", "Team").
std::string_view class_term(EntityType type);

// The IRIs of one graph's nodes under a base IRI (see WriteOptions):
//   <base>entity/<entity id>, <entity IRI>/mention/<n>,
//   <base>relation/<relation id>, <relation IRI>/evidence/<n>   (n from 1),
// ids from GraphIds, percent-encoded so the IRI is plain ASCII.
class RdfIris {
 public:
  // `ids` are the graph's.
  RdfIris(const KnowledgeGraph& graph, const GraphIds& ids, std::string base);
  const std::string& entity(EntityId id) const { return entities_[id]; }
  std::string relation(const RelationView& view) const;
  // The IRI of the `index`th mention or evidence record, put together in `out` (a string the
  // writer reuses, instead of a new one per record) and returned.
  static const std::string& mention(std::string& out, std::string_view entity_iri,
                                    std::size_t index);
  static const std::string& evidence(std::string& out, std::string_view relation_iri,
                                     std::size_t index);

 private:
  static constexpr std::string_view kEntity = "entity/";
  std::string base_;
  // Worked out once: an entity's IRI is written for it and for every relation that names it.
  std::vector<std::string> entities_;
};

}  // namespace kgex::exporters
