// Not public: how every format names and draws the parts of a graph, so that
// GraphML, GEXF, DOT, CSV, JSON-LD and N-Triples agree. Use exporters/exporter.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgex::exporters {

// Stable ids for one graph. An entity id is "<type>-<slug of its cleaned name>"
// ("person-sam-altman", "team-안전팀"): lower-case ASCII letters and digits,
// Hangul syllables, CJK ideographs and kana kept, every other run of
// characters one '-'. Ids that would repeat get "-2", "-3", ... in canonical
// order. The result is an XML NMTOKEN and needs no quoting in CSV. A relation
// id is "<source id>--<relation type>--<target id>", unique because a graph
// holds one relation per (source, type, target).
class GraphIds {
 public:
  explicit GraphIds(const KnowledgeGraph& graph);
  // Precondition: id < graph.entity_count().
  const std::string& entity(EntityId id) const { return ids_[id]; }
  std::string relation(const RelationView& view) const;

 private:
  std::vector<std::string> ids_;
};

// "person", "organization", "team", "product", "tool".
std::string_view type_slug(EntityType type);

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;
};
// One colour per entity type, 0-255 per channel.
Rgb type_color(EntityType type);
// "#4285f4".
std::string hex_color(Rgb color);

// Node sizes for viewers, indexed by EntityId: 10 + 4 * sqrt(n), n the
// mention count, or the number of relations touching the entity when it has
// no mentions.
std::vector<double> node_sizes(const KnowledgeGraph& graph);

// At most kDisplayedEvidence distinct evidence sentences, in evidence order:
// the short "evidence" text of GraphML, GEXF and DOT.
inline constexpr std::size_t kDisplayedEvidence = 3;
// Views of the relation's strings, as are those of evidence_documents().
std::vector<std::string_view> display_sentences(const Relation& relation);
// The distinct documents of a relation's evidence, sorted.
std::vector<std::string_view> evidence_documents(const Relation& relation);
// `parts` joined by `separator`.
std::string join(const std::vector<std::string_view>& parts, std::string_view separator);

}  // namespace kgex::exporters
