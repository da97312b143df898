// Not public: the Boost.Graph representation behind KnowledgeGraph, for the
// algorithms in graph/ (paths, PageRank). Use graph/knowledge_graph.h.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.h"

namespace kgex {

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity, Relation>;

struct KnowledgeGraph::Impl {
  BoostGraph graph;
  // name_key of every name and alias -> the entities carrying it.
  std::unordered_map<std::string, std::vector<EntityId>> alias_index;
};

}  // namespace kgex
