// Not public: N-Triples writing. Use exporters/exporter.h.
//
// The same triples as the JSON-LD document gives (same IRIs and vocabulary,
// see detail/rdf_vocab.h), literals in the lexical forms JSON-LD's RDF
// conversion produces: strings plain, counts xsd:integer, confidences
// xsd:double in canonical form ("9.0E-1").
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "exporters/detail/rdf_vocab.h"
#include "exporters/exporter.h"
#include "graph/knowledge_graph.h"

namespace kgex::exporters {

// `iris` are the graph's (GraphNames::iris), under a base IRI for which is_base_iri holds.
Status write_ntriples(const KnowledgeGraph& graph, const RdfIris& iris, std::ostream& out);

// `text` cleaned (clean_text) as an N-Triples string literal with quotes:
// `"` `\` LF CR and tab escaped, other characters as UTF-8.
std::string ntriples_literal(std::string_view text);

}  // namespace kgex::exporters
