#include "graph/query.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/property_map/property_map.hpp>
#include <functional>
#include <limits>
#include <set>

#include "core/name_key.h"
#include "core/utf8.h"
#include "graph/detail/boost_graph.h"

namespace kgex {
namespace {

// The graph's undirected view, built once per graph state and shared by queries
// (in the graph's own edge order, deterministic for a given graph).
std::shared_ptr<const UndirectedView> undirected(const KnowledgeGraph& kg) {
  const KnowledgeGraph::Impl& impl = kg.impl();
  std::lock_guard<std::mutex> lock(impl.order_mutex);
  if (!impl.undirected) {
    auto view = std::make_shared<UndirectedView>();
    view->graph = UndirectedGraph(kg.entity_count());
    const BoostGraph& g = impl.graph;
    view->relations.reserve(boost::num_edges(g));
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
      view->relations.push_back({boost::source(*e, g), boost::target(*e, g), &g[*e]});
    }
    for (std::size_t i = 0; i < view->relations.size(); ++i) {
      boost::add_edge(view->relations[i].source, view->relations[i].target, i, view->graph);
    }
    impl.undirected = std::move(view);
  }
  return impl.undirected;
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t p = 0; p < s.size();) {
    out.push_back(next_code_point(s, p));
  }
  return out;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::vector<EntityId> lookup(const KnowledgeGraph& graph, std::string_view name) {
  return graph.find(name);
}

std::vector<std::string> suggest_names(const KnowledgeGraph& graph, std::string_view name,
                                       std::size_t limit) {
  const std::u32string wanted = code_points(name_key(name));
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (EntityId id : graph.sorted_entities()) {
    const Entity& e = graph.entity(id);
    std::size_t best = std::numeric_limits<std::size_t>::max();
    best = std::min(best, edit_distance(wanted, code_points(name_key(e.name))));
    for (const std::string& alias : e.aliases) {
      best = std::min(best, edit_distance(wanted, code_points(name_key(alias))));
    }
    scored.emplace_back(best, e.name);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [distance, n] : scored) {
    if (out.size() == limit || distance > std::max<std::size_t>(3, wanted.size() / 2)) {
      break;
    }
    if (std::find(out.begin(), out.end(), n) == out.end()) {
      out.push_back(n);
    }
  }
  return out;
}

bool passes(const KnowledgeGraph& graph, const RelationView& r, const RelationFilter& f) {
  if (f.relation && r.relation->type != *f.relation) {
    return false;
  }
  if (f.entity_type && graph.entity(r.source).type != *f.entity_type &&
      graph.entity(r.target).type != *f.entity_type) {
    return false;
  }
  auto in = [](const std::vector<EntityId>& ids, EntityId id) {
    return ids.empty() || std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  if (!in(f.from, r.source) || !in(f.to, r.target) || r.relation->confidence < f.min_confidence) {
    return false;
  }
  if (!f.document.empty()) {
    return std::any_of(r.relation->evidence.begin(), r.relation->evidence.end(),
                       [&](const Evidence& e) { return e.document == f.document; });
  }
  return true;
}

std::vector<RelationView> filter_relations(const KnowledgeGraph& graph,
                                           const RelationFilter& filter) {
  std::vector<RelationView> out;
  for (const RelationView& r : graph.relations()) {
    if (passes(graph, r, filter)) {
      out.push_back(r);
    }
  }
  return out;
}

std::vector<Path> shortest_paths(const KnowledgeGraph& graph, EntityId from, EntityId to,
                                 const PathOptions& options) {
  if (from == to) {
    return {Path{}};
  }
  const auto view = undirected(graph);
  const UndirectedView& u = *view;
  std::vector<std::size_t> distance(graph.entity_count(), std::numeric_limits<std::size_t>::max());
  distance[from] = 0;
  boost::breadth_first_search(u.graph, boost::vertex(from, u.graph),
                              boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                  distance.data(), boost::on_tree_edge()))));
  if (distance[to] == std::numeric_limits<std::size_t>::max() || distance[to] > options.max_hops) {
    return {};
  }
  // Walk back from `to` along edges that come one step closer to `from`.
  std::vector<Path> paths;
  Path reversed;
  std::function<void(EntityId)> walk = [&](EntityId at) {
    if (paths.size() >= options.max_paths || (!options.all_shortest && !paths.empty())) {
      return;
    }
    if (at == from) {
      paths.emplace_back(reversed.rbegin(), reversed.rend());
      return;
    }
    std::vector<std::pair<EntityId, std::size_t>> steps;
    for (auto [e, end] = boost::out_edges(at, u.graph); e != end; ++e) {
      const EntityId other = boost::target(*e, u.graph);
      if (distance[other] + 1 == distance[at]) {
        steps.emplace_back(other, boost::get(boost::edge_index, u.graph, *e));
      }
    }
    std::sort(steps.begin(), steps.end(),
              [&](const auto& a, const auto& b) { return a.second < b.second; });
    for (const auto& [other, index] : steps) {
      const RelationView& r = u.relations[index];
      reversed.push_back({other, at, r.relation, r.source == other});
      walk(other);
      reversed.pop_back();
    }
  };
  walk(to);
  return paths;
}

KnowledgeGraph neighborhood(const KnowledgeGraph& graph, EntityId center, std::size_t depth) {
  const auto view = undirected(graph);
  const UndirectedView& u = *view;
  std::vector<std::size_t> distance(graph.entity_count(), std::numeric_limits<std::size_t>::max());
  distance[center] = 0;
  boost::breadth_first_search(u.graph, boost::vertex(center, u.graph),
                              boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                  distance.data(), boost::on_tree_edge()))));
  KnowledgeGraph out;
  for (EntityId id : graph.sorted_entities()) {
    if (distance[id] <= depth) {
      out.add_entity(graph.entity(id));
    }
  }
  for (const RelationView& r : u.relations) {
    if (distance[r.source] <= depth && distance[r.target] <= depth) {
      const Entity& s = graph.entity(r.source);
      const Entity& t = graph.entity(r.target);
      out.add_relation(*out.find(s.name, s.type), *out.find(t.name, t.type), *r.relation);
    }
  }
  return out;
}

GraphStats graph_stats(const KnowledgeGraph& graph, std::size_t top) {
  GraphStats stats;
  std::set<std::string> documents;
  const std::size_t n = graph.entity_count();
  std::vector<double> degree(n, 0.0);
  for (EntityId id = 0; id < n; ++id) {
    const Entity& e = graph.entity(id);
    ++stats.entities_by_type[std::string(to_string(e.type))];
    for (const Mention& m : e.mentions) {
      documents.insert(m.document);
    }
  }
  for (const RelationView& r : graph.relations()) {
    ++stats.relations_by_type[std::string(to_string(r.relation->type))];
    ++degree[r.source];
    ++degree[r.target];
    for (const Evidence& ev : r.relation->evidence) {
      documents.insert(ev.document);
    }
  }
  stats.documents.assign(documents.begin(), documents.end());
  auto ranked = [&](const std::vector<double>& score) {
    std::vector<RankedEntity> all;
    for (EntityId id : graph.sorted_entities()) {
      all.push_back({id, score[id]});
    }
    std::stable_sort(all.begin(), all.end(), [](const RankedEntity& a, const RankedEntity& b) {
      return a.score > b.score;
    });
    if (all.size() > top) {
      all.resize(top);
    }
    return all;
  };
  stats.top_degree = ranked(degree);
  std::vector<double> rank(n, 0.0);
  if (n > 0) {
    const BoostGraph& g = graph.impl().graph;
    boost::graph::page_rank(
        g, boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, g)),
        boost::graph::n_iterations(50));
  }
  stats.top_pagerank = ranked(rank);
  const auto view = undirected(graph);
  const UndirectedView& u = *view;
  std::vector<std::size_t> component(n, 0);
  const std::size_t count = n == 0 ? 0 : boost::connected_components(u.graph, component.data());
  stats.component_sizes.assign(count, 0);
  for (std::size_t c : component) {
    if (n > 0) {
      ++stats.component_sizes[c];
    }
  }
  std::sort(stats.component_sizes.rbegin(), stats.component_sizes.rend());
  return stats;
}

}  // namespace kgex
