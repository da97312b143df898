// Not public: the Boost.Graph representation behind KnowledgeGraph, for the
// algorithms in graph/ (paths, PageRank). Use graph/knowledge_graph.h.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgex {

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity, Relation>;

// Relations as undirected edges, for paths and components; edge property i is
// the relation `relations[i]`.
using UndirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_index_t, std::size_t>>;

struct UndirectedView {
  UndirectedGraph graph;
  std::vector<RelationView> relations;
};

struct KnowledgeGraph::Impl {
  BoostGraph graph;
  // name_key of every name and alias -> the entities carrying it.
  std::unordered_map<std::string, std::vector<EntityId>> alias_index;
  // The canonical order of entities and each one's rank in it, computed on
  // demand and dropped when entities change; guarded for concurrent readers.
  mutable std::mutex order_mutex;
  mutable std::vector<EntityId> order;
  mutable std::vector<std::size_t> rank;
  mutable bool order_valid = false;
  // The undirected view of the relations, built on first use by graph/query.cpp.
  mutable std::shared_ptr<const UndirectedView> undirected;

  Impl() = default;
  Impl(const Impl& other) : graph(other.graph), alias_index(other.alias_index) {}
};

}  // namespace kgex
