#include "graph/knowledge_graph.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <set>
#include <tuple>
#include <utility>

#include "core/name_key.h"
#include "graph/detail/boost_graph.h"

namespace kgex {
namespace {

// The name keys of `e`'s name and aliases, sorted and unique; `name_has_key`, if given, tells
// whether the name has one.
std::vector<std::string> keys_of(const Entity& e, bool* name_has_key = nullptr) {
  std::vector<std::string> keys;
  if (std::string k = name_key(e.name); !k.empty()) {
    keys.push_back(std::move(k));
  }
  if (name_has_key != nullptr) {
    *name_has_key = !keys.empty();
  }
  for (const std::string& alias : e.aliases) {
    if (std::string k = name_key(alias); !k.empty()) {
      keys.push_back(std::move(k));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// Sorts `items`, drops repeats and keeps the `cap` smallest: what merge_capped keeps, so that
// an item list ends up the same whether it was added whole or merged in parts.
template <typename T>
void sort_capped(std::vector<T>& items, std::size_t cap) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  if (items.size() > cap) {
    items.resize(cap);
  }
}

// `into` and `from` are sorted and unique; keeps the `cap` smallest of both.
template <typename T>
void merge_capped(std::vector<T>& into, std::vector<T>&& from, std::size_t cap) {
  if (into.size() >= cap) {
    std::erase_if(from, [&](const T& x) { return !(x < into.back()); });
  }
  if (from.empty()) {
    return;  // the usual case once a corpus has filled the cap
  }
  if (into.empty() || into.back() < from.front()) {
    // Also usual: a later document's items come after those kept.
    const std::size_t take = std::min(from.size(), cap - std::min(cap, into.size()));
    into.insert(into.end(), std::make_move_iterator(from.begin()),
                std::make_move_iterator(from.begin() + static_cast<std::ptrdiff_t>(take)));
    return;
  }
  std::vector<T> both;
  both.reserve(into.size() + from.size());
  std::merge(std::make_move_iterator(into.begin()), std::make_move_iterator(into.end()),
             std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()),
             std::back_inserter(both));
  both.erase(std::unique(both.begin(), both.end()), both.end());
  if (both.size() > cap) {
    both.resize(cap);
  }
  into = std::move(both);
}

void tidy_aliases(Entity& e) {
  std::sort(e.aliases.begin(), e.aliases.end());
  e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
  std::erase(e.aliases, e.name);
  std::erase(e.aliases, std::string());
}

// Folds `from` into `into`. The canonical name is the smallest of the two (bytewise): a
// minimum is associative and commutative, so graphs merged in any order and grouping name
// an entity alike. (Preferring the name with more mentions was not: three documents naming
// one thing Alpha, Beta and Gamma, linked by aliases, gave Alpha in one order and Beta in
// another.) Within a document the extractor has already chosen the name. Returns whether
// `into` took the name of `from`.
bool merge_entity(Entity& into, Entity&& from) {
  into.aliases.insert(into.aliases.end(), from.aliases.begin(), from.aliases.end());
  const bool take_name = from.name < into.name;
  if (take_name) {
    into.aliases.push_back(std::move(into.name));
    into.name = std::move(from.name);
  } else {
    into.aliases.push_back(std::move(from.name));
  }
  tidy_aliases(into);
  into.mention_count += from.mention_count;
  merge_capped(into.mentions, std::move(from.mentions), kMaxKeptMentions);
  return take_name;
}

// Gives a relation that comes without a weight the weight of one reading of its confidence, and
// the confidence of that weight (see Relation::weight).
void weigh(Relation& relation) {
  if (!relation.weight) {
    relation.weight = confidence_weight(relation.confidence);
    relation.confidence = weight_confidence(*relation.weight);
  }
}

// The weights add up (see kWeightBits), so the confidence is the same whatever order and grouping
// relations and graphs are merged in.
void merge_relation(Relation& into, Relation&& from) {
  into.support += from.support;
  into.weight = add_weights(weight_of(into), weight_of(from));
  into.confidence = weight_confidence(*into.weight);
  sort_capped(from.evidence, kMaxKeptEvidence);
  merge_capped(into.evidence, std::move(from.evidence), kMaxKeptEvidence);
}

// Total order on entities used for symmetric edges and canonical output.
auto order_key(const Entity& e) { return std::make_tuple(e.type, name_key(e.name), e.name); }

// Takes out the symmetric relations of `v` that no longer run in the canonical direction
// (its name changed), turned around, for add_relation to put back.
std::vector<std::tuple<EntityId, EntityId, Relation>> take_misdirected(BoostGraph& g, EntityId v) {
  const auto key = order_key(g[v]);
  std::vector<BoostGraph::edge_descriptor> misdirected;
  std::vector<std::tuple<EntityId, EntityId, Relation>> turned;
  for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
    const EntityId t = boost::target(*e, g);
    if (is_symmetric(g[*e].type) && t != v && order_key(g[t]) < key) {
      misdirected.push_back(*e);
      turned.emplace_back(t, v, std::move(g[*e]));
    }
  }
  for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
    const EntityId s = boost::source(*e, g);
    if (is_symmetric(g[*e].type) && s != v && key < order_key(g[s])) {
      misdirected.push_back(*e);
      turned.emplace_back(v, s, std::move(g[*e]));
    }
  }
  for (const BoostGraph::edge_descriptor& e : misdirected) {
    boost::remove_edge(e, g);
  }
  return turned;
}

}  // namespace

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : impl_(std::make_unique<Impl>(*other.impl_)) {}
KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) {
    impl_ = std::make_unique<Impl>(*other.impl_);
  }
  return *this;
}
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

EntityId KnowledgeGraph::add_entity(Entity entity) {
  tidy_aliases(entity);
  sort_capped(entity.mentions, kMaxKeptMentions);
  const std::vector<std::string> keys = keys_of(entity);
  return add_entity(std::move(entity), keys);
}

EntityId KnowledgeGraph::add_entity(Entity entity, const std::vector<std::string>& keys) {
  BoostGraph& g = impl_->graph;
  impl_->order_valid = false;
  impl_->undirected.reset();
  std::set<EntityId> hits;
  for (const std::string& key : keys) {
    auto it = impl_->alias_index.find(key);
    if (it == impl_->alias_index.end()) {
      continue;
    }
    for (EntityId id : it->second) {
      if (g[id].type == entity.type) {
        hits.insert(id);
      }
    }
  }
  if (hits.empty()) {
    // add_vertex/add_edge copy a property they are given; moving it in afterwards does not.
    const EntityId id = boost::add_vertex(g);
    g[id] = std::move(entity);
    for (const std::string& key : keys) {
      impl_->alias_index[key].push_back(id);
    }
    return id;
  }
  const EntityId target = *hits.begin();
  // A new name may turn the canonical direction of the target's symmetric relations.
  bool renamed = merge_entity(g[target], std::move(entity));
  auto redirect = [&] {
    if (renamed) {
      for (auto& [s, t, rel] : take_misdirected(g, target)) {
        add_relation(s, t, std::move(rel));
      }
    }
  };
  if (hits.size() == 1) {
    for (const std::string& key : keys) {
      std::vector<EntityId>& ids = impl_->alias_index[key];
      if (std::find(ids.begin(), ids.end(), target) == ids.end()) {
        ids.push_back(target);
      }
    }
    redirect();
    return target;
  }
  // Entities that the new one links together become one; remove from the back
  // so that `target`, the smallest id, keeps its number.
  for (auto it = hits.rbegin(); it != hits.rend() && *it != target; ++it) {
    const EntityId victim = *it;
    std::vector<std::tuple<EntityId, EntityId, Relation>> moved;
    for (auto [e, end] = boost::out_edges(victim, g); e != end; ++e) {
      EntityId t = boost::target(*e, g);
      moved.emplace_back(target, t == victim ? target : t, g[*e]);
    }
    for (auto [e, end] = boost::in_edges(victim, g); e != end; ++e) {
      EntityId s = boost::source(*e, g);
      if (s != victim) {
        moved.emplace_back(s, target, g[*e]);
      }
    }
    renamed = merge_entity(g[target], std::move(g[victim])) || renamed;
    boost::clear_vertex(victim, g);
    boost::remove_vertex(victim, g);
    for (auto& [s, t, rel] : moved) {
      add_relation(s > victim ? s - 1 : s, t > victim ? t - 1 : t, std::move(rel));
    }
  }
  impl_->alias_index.clear();
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    for (const std::string& key : keys_of(g[*v])) {
      impl_->alias_index[key].push_back(*v);
    }
  }
  redirect();
  return target;
}

void KnowledgeGraph::add_relation(EntityId source, EntityId target, Relation relation) {
  BoostGraph& g = impl_->graph;
  impl_->undirected.reset();
  if (is_symmetric(relation.type) && order_key(g[target]) < order_key(g[source])) {
    std::swap(source, target);
  }
  for (auto [e, end] = boost::out_edges(source, g); e != end; ++e) {
    if (boost::target(*e, g) == target && g[*e].type == relation.type) {
      merge_relation(g[*e], std::move(relation));
      return;
    }
  }
  weigh(relation);
  sort_capped(relation.evidence, kMaxKeptEvidence);
  g[boost::add_edge(source, target, g).first] = std::move(relation);
}

namespace {

// Adds the entities, then the relations, of `og` to `self`; `pass` hands over
// an entity or relation of `og` (a copy, or the value moved out).
template <typename Graph, typename Pass>
void merge_graph(KnowledgeGraph& self, Graph& og, Pass pass) {
  // Where each of the other's entities went; valid while no add_entity joined
  // two entities of this graph (which renumbers them: the count then drops).
  std::vector<EntityId> placed;
  std::vector<std::pair<std::string, EntityType>> names;
  bool renumbered = false;
  for (auto [v, end] = boost::vertices(og); v != end; ++v) {
    names.emplace_back(og[*v].name, og[*v].type);
    const std::size_t before = self.entity_count();
    placed.push_back(self.add_entity(pass(og[*v])));
    renumbered = renumbered || self.entity_count() < before;
  }
  for (auto [e, end] = boost::edges(og); e != end; ++e) {
    const EntityId os = boost::source(*e, og);
    const EntityId ot = boost::target(*e, og);
    if (!renumbered) {
      self.add_relation(placed[os], placed[ot], pass(og[*e]));
      continue;
    }
    std::optional<EntityId> sid = self.find(names[os].first, names[os].second);
    std::optional<EntityId> tid = self.find(names[ot].first, names[ot].second);
    if (sid && tid) {
      self.add_relation(*sid, *tid, pass(og[*e]));
    }
  }
}

}  // namespace

void KnowledgeGraph::merge(const KnowledgeGraph& other) {
  merge_graph(*this, std::as_const(other.impl_->graph), [](const auto& x) { return x; });
}

void KnowledgeGraph::merge(KnowledgeGraph&& other) {
  merge_graph(*this, other.impl_->graph, [](auto& x) { return std::move(x); });
  other = KnowledgeGraph();
}

void KnowledgeGraph::add(DocumentGraph&& document) {
  std::vector<Entity>& entities = document.entities;
  const std::size_t n = entities.size();
  // Each entity's keys, and the entities of one type sharing a key united: the document's graph
  // would have merged them, into the vertex of the first.
  std::vector<std::vector<std::string>> keys(n);
  std::vector<bool> placeable(n, false);  // the name has a key: the graph finds it by its name
  std::vector<std::tuple<EntityType, std::string_view, std::size_t>> keyed;
  for (std::size_t i = 0; i < n; ++i) {
    bool name_has_key = false;
    keys[i] = keys_of(entities[i], &name_has_key);
    placeable[i] = name_has_key;
    for (const std::string& key : keys[i]) {
      keyed.emplace_back(entities[i].type, key, i);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  const auto root = [&](std::size_t i) {
    while (parent[i] != i) {
      i = parent[i] = parent[parent[i]];
    }
    return i;
  };
  for (std::size_t k = 1; k < keyed.size(); ++k) {
    const auto& [at, ak, ai] = keyed[k - 1];
    const auto& [bt, bk, bi] = keyed[k];
    if (at == bt && ak == bk) {
      const std::size_t a = root(ai);
      const std::size_t b = root(bi);
      parent[std::max(a, b)] = std::min(a, b);  // a root is its group's first entity
    }
  }
  // The groups in the order of their first entities, each merged as the document's graph would
  // have merged it, then added here as merge() adds a vertex of another graph.
  std::vector<bool> joined(n, false);  // a group's first entity, when others share its group
  for (std::size_t i = 0; i < n; ++i) {
    if (const std::size_t first = root(i); first != i) {
      joined[first] = true;
    }
  }
  std::vector<std::size_t> group(n);
  std::vector<EntityId> placed;
  std::vector<std::pair<std::string, EntityType>> names;
  bool renumbered = false;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t first = root(i);
    if (first != i) {
      group[i] = group[first];
      continue;
    }
    group[i] = placed.size();
    Entity& e = entities[i];
    tidy_aliases(e);
    sort_capped(e.mentions, kMaxKeptMentions);
    std::vector<std::string> group_keys;
    if (joined[i]) {
      group_keys = keys[i];
      for (std::size_t j = i + 1; j < n; ++j) {
        if (root(j) == i) {
          group_keys.insert(group_keys.end(), keys[j].begin(), keys[j].end());
          tidy_aliases(entities[j]);
          sort_capped(entities[j].mentions, kMaxKeptMentions);
          merge_entity(e, std::move(entities[j]));
        }
      }
      std::sort(group_keys.begin(), group_keys.end());
      group_keys.erase(std::unique(group_keys.begin(), group_keys.end()), group_keys.end());
    }
    names.emplace_back(e.name, e.type);
    const std::size_t before = entity_count();
    placed.push_back(add_entity(std::move(e), joined[i] ? group_keys : keys[i]));
    renumbered = renumbered || entity_count() < before;
  }
  for (DocumentGraph::Link& link : document.relations) {
    if (!placeable[link.source] || !placeable[link.target] ||
        group[link.source] == group[link.target]) {
      continue;
    }
    const std::size_t gs = group[link.source];
    const std::size_t gt = group[link.target];
    if (!renumbered) {
      add_relation(placed[gs], placed[gt], std::move(link.relation));
      continue;
    }
    std::optional<EntityId> sid = find(names[gs].first, names[gs].second);
    std::optional<EntityId> tid = find(names[gt].first, names[gt].second);
    if (sid && tid) {
      add_relation(*sid, *tid, std::move(link.relation));
    }
  }
  document = DocumentGraph();
}

std::size_t KnowledgeGraph::entity_count() const { return boost::num_vertices(impl_->graph); }
std::size_t KnowledgeGraph::relation_count() const { return boost::num_edges(impl_->graph); }
const Entity& KnowledgeGraph::entity(EntityId id) const { return impl_->graph[id]; }

std::vector<EntityId> KnowledgeGraph::find(std::string_view name) const {
  auto it = impl_->alias_index.find(name_key(name));
  if (it == impl_->alias_index.end()) {
    return {};
  }
  std::vector<EntityId> ids = it->second;
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<EntityId> KnowledgeGraph::find(std::string_view name, EntityType type) const {
  for (EntityId id : find(name)) {
    if (impl_->graph[id].type == type) {
      return id;
    }
  }
  return std::nullopt;
}

namespace {

// Fills impl.order and impl.rank if they are stale. Caller holds order_mutex.
void refresh_order(const KnowledgeGraph::Impl& impl) {
  if (impl.order_valid) {
    return;
  }
  const BoostGraph& g = impl.graph;
  std::vector<std::tuple<EntityType, std::string, std::string, EntityId>> keyed;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    auto [type, key, name] = order_key(g[*v]);
    keyed.emplace_back(type, std::move(key), std::move(name), *v);
  }
  std::sort(keyed.begin(), keyed.end());
  impl.order.clear();
  impl.rank.assign(keyed.size(), 0);
  for (const auto& k : keyed) {
    impl.rank[std::get<3>(k)] = impl.order.size();
    impl.order.push_back(std::get<3>(k));
  }
  impl.order_valid = true;
}

}  // namespace

std::vector<EntityId> KnowledgeGraph::sorted_entities() const {
  std::lock_guard<std::mutex> lock(impl_->order_mutex);
  refresh_order(*impl_);
  return impl_->order;
}

namespace {

std::vector<RelationView> sort_views(const KnowledgeGraph::Impl& impl,
                                     std::vector<RelationView> views) {
  std::lock_guard<std::mutex> lock(impl.order_mutex);
  refresh_order(impl);
  const std::vector<std::size_t>& rank = impl.rank;
  std::sort(views.begin(), views.end(), [&](const RelationView& a, const RelationView& b) {
    return std::make_tuple(rank[a.source], a.relation->type, rank[a.target]) <
           std::make_tuple(rank[b.source], b.relation->type, rank[b.target]);
  });
  return views;
}

}  // namespace

std::vector<RelationView> KnowledgeGraph::relations() const {
  const BoostGraph& g = impl_->graph;
  std::vector<RelationView> views;
  views.reserve(boost::num_edges(g));
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    views.push_back({boost::source(*e, g), boost::target(*e, g), &g[*e]});
  }
  return sort_views(*impl_, std::move(views));
}

std::vector<RelationView> KnowledgeGraph::out_relations(EntityId id) const {
  const BoostGraph& g = impl_->graph;
  std::vector<RelationView> views;
  for (auto [e, end] = boost::out_edges(id, g); e != end; ++e) {
    views.push_back({id, boost::target(*e, g), &g[*e]});
  }
  return sort_views(*impl_, std::move(views));
}

std::vector<RelationView> KnowledgeGraph::in_relations(EntityId id) const {
  const BoostGraph& g = impl_->graph;
  std::vector<RelationView> views;
  for (auto [e, end] = boost::in_edges(id, g); e != end; ++e) {
    views.push_back({boost::source(*e, g), id, &g[*e]});
  }
  return sort_views(*impl_, std::move(views));
}

}  // namespace kgex
