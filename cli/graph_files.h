// Reading and writing graph files by path, for every command that does.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "exporters/exporter.h"
#include "graph/knowledge_graph.h"

namespace kgex::cli {

// The --format option: nullopt when empty, else the named format.
Result<std::optional<GraphFormat>> forced_format(const std::string& name);

// The format of `path`: `forced` when given, else by extension. "-" needs `forced`.
Result<GraphFormat> output_format(const std::string& path,
                                  const std::optional<GraphFormat>& forced);

// Writes `graph` to `path` atomically in its format. CSV writes two files,
// STEM.nodes.csv and STEM.relationships.csv, next to `path` (Neo4j bulk import).
Status write_graph_file(const KnowledgeGraph& graph, const std::string& path,
                        const std::optional<GraphFormat>& forced = std::nullopt);
// The same for names.graph(), whose names are worked out once for every file written with them.
Status write_graph_file(const GraphNames& names, const std::string& path,
                        const std::optional<GraphFormat>& forced = std::nullopt);

// Reads a graph file written by kgex (GraphML or JSON-LD; "-" is stdin and needs `forced`).
Result<KnowledgeGraph> read_graph_file(const std::string& path,
                                       const std::optional<GraphFormat>& forced = std::nullopt);

}  // namespace kgex::cli
