// Shared by the graph-reader fuzz targets: a graph that a reader accepts must
// survive every writer, and what the writer of `format` produces must read
// back into a graph that writes the same bytes again.
#pragma once

#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "exporters/exporter.h"

namespace kgex::fuzz {

inline void check_graph_file(std::string_view bytes, GraphFormat format) {
  const Result<KnowledgeGraph> graph = read_graph(bytes, format, "fuzz-input");
  if (!graph.ok()) {
    if (graph.status().where().file != "fuzz-input") {
      std::abort();
    }
    return;
  }
  for (GraphFormat other : {GraphFormat::kGraphML, GraphFormat::kGexf, GraphFormat::kJsonLd,
                            GraphFormat::kDot, GraphFormat::kNTriples, GraphFormat::kCsv}) {
    std::ostringstream sink;
    if (!write_graph(graph.value(), other, sink).ok()) {
      std::abort();
    }
  }
  std::ostringstream first;
  if (!write_graph(graph.value(), format, first).ok()) {
    std::abort();
  }
  const Result<KnowledgeGraph> again = read_graph(first.str(), format, "fuzz-rewritten");
  if (!again.ok()) {
    std::abort();
  }
  std::ostringstream second;
  if (!write_graph(again.value(), format, second).ok() || second.str() != first.str()) {
    std::abort();
  }
}

}  // namespace kgex::fuzz
