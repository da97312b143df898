// Not public: JSON-LD writing and reading. Use exporters/exporter.h.
//
// One document: an inline "@context" (schema.org and kgex vocabulary terms,
// no remote context) and a flat "@graph" of entity nodes, then relation nodes:
//   {"@id": "<base>entity/person-sam-altman", "@type": "Person", "name": "Sam Altman",
//    "alternateName": ["샘 올트먼"], "mentionCount": 3, "mention": [{"@id": ..., "@type":
//    "Mention", "document": ..., "byteStart": ..., ...}], "leads": ["<base>entity/..."]}
//   {"@id": "<base>relation/<id>", "@type": "Relation", "relationType": "leads",
//    "source": ..., "target": ..., "confidence": 0.9000, "support": 2,
//    "evidence": [{"@id": ..., "@type": "Evidence", "document": ..., "sentence": ...,
//                  "byteStart": ..., ..., "rule": ..., "confidence": ...}]}
// Every relation is both a direct triple entity -> <vocab>/<type> -> entity
// (what plain RDF consumers and the evaluation scorer read) and a
// Relation node with its details.
#pragma once

#include <ostream>
#include <string_view>

#include "core/status.h"
#include "exporters/detail/rdf_vocab.h"
#include "exporters/exporter.h"
#include "graph/knowledge_graph.h"

namespace kgex::exporters {

// `iris` are the graph's (GraphNames::iris), under a base IRI for which is_base_iri holds.
Status write_jsonld(const KnowledgeGraph& graph, const RdfIris& iris, std::ostream& out);

// Reads what write_jsonld() writes; see read_graph() for the errors.
Result<KnowledgeGraph> read_jsonld(std::string_view text, std::string_view source_name);

}  // namespace kgex::exporters
