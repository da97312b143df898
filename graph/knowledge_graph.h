// KnowledgeGraph: entities as vertices, relations as edges, with an alias index.
//
//   KnowledgeGraph g;
//   EntityId openai = g.add_entity({.name = "OpenAI", .type = EntityType::kOrganization});
//   EntityId chatgpt = g.add_entity({.name = "ChatGPT", .type = EntityType::kProduct});
//   g.add_relation(openai, chatgpt, {.type = RelationType::kDevelops, .confidence = 0.8});
//   auto hits = g.find("오픈AI");   // any alias, compared by name_key()
//
// Merging is the heart of it: an entity whose name or any alias shares a
// name_key() with an entity of the same type becomes that entity (aliases are
// united, mentions appended); when one entity links two existing ones, they
// become one. The same (source, type, target) relation seen twice is one edge:
// support is summed, evidence appended and confidence combined by noisy-or (as
// integer weights summed; see Relation::weight).
// Symmetric relation types are stored once, in a canonical direction. Merging
// graphs gives the same graph in any order and grouping (see merge()).
//
// EntityIds are dense (0 .. entity_count()-1) and stay valid until the next
// add_entity() or merge(), which may merge vertices and renumber them.
// Not thread-safe for writers; const methods may run concurrently.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace kgex {

using EntityId = std::size_t;

// One document's entities and relations before they join a graph: what the extractor read, for
// KnowledgeGraph::add. A relation's ends are indices into `entities`.
struct DocumentGraph {
  struct Link {
    std::size_t source = 0;
    std::size_t target = 0;
    Relation relation;
  };
  std::vector<Entity> entities;
  std::vector<Link> relations;
};

struct RelationView {
  EntityId source;
  EntityId target;
  const Relation* relation;  // owned by the graph; valid until the next mutation
};

class KnowledgeGraph {
 public:
  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  // Adds `entity` or merges it into the entity it names; returns the id it ends
  // up with. An entity with no name (empty name_key) is still added, unmerged.
  EntityId add_entity(Entity entity);

  // Adds `relation` from `source` to `target` or merges it into the existing
  // edge of the same type. Precondition: both ids are valid.
  void add_relation(EntityId source, EntityId target, Relation relation);

  // Adds every entity and relation of `other`, as add_entity/add_relation would.
  // Associative and commutative up to EntityIds: canonical names are the smallest,
  // kept mentions and evidence the smallest, and relations' weights are summed
  // (Relation::weight), so graphs extracted in parallel and merged in any grouping
  // write the same bytes as one merged in input order.
  void merge(const KnowledgeGraph& other);
  // The same, taking the other graph's entities and relations instead of
  // copying them; `other` is left empty.
  void merge(KnowledgeGraph&& other);
  // Adds a document's entities, then its relations, as merging the graph they make alone would
  // (that graph being what add() makes of them in an empty one), without building it: entities
  // of one type that share a name_key() are one entity of the document; a relation is dropped
  // when its ends are one entity of the document, or when the name of either has no key.
  void add(DocumentGraph&& document);

  std::size_t entity_count() const;
  std::size_t relation_count() const;
  // Precondition: id < entity_count().
  const Entity& entity(EntityId id) const;

  // Entities having `name` as name or alias (by name_key), of any type, sorted by id.
  std::vector<EntityId> find(std::string_view name) const;
  std::optional<EntityId> find(std::string_view name, EntityType type) const;

  // All entity ids in canonical order: by type, then name_key, then name.
  std::vector<EntityId> sorted_entities() const;
  // All relations in canonical order: by source, type, target (in sorted_entities order).
  std::vector<RelationView> relations() const;
  std::vector<RelationView> out_relations(EntityId id) const;
  std::vector<RelationView> in_relations(EntityId id) const;

  // The Boost.Graph behind the facade, for graph algorithms in graph/. Not public.
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  // add_entity of an entity whose aliases and mentions are tidy already (sorted, unique, the
  // mentions capped), its keys worked out (sorted, unique, none empty).
  EntityId add_entity(Entity entity, const std::vector<std::string>& keys);

  std::unique_ptr<Impl> impl_;
};

}  // namespace kgex
