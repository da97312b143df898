#include <algorithm>
#include <array>

#include "exporters/detail/naming.h"
#include "exporters/detail/text.h"
#include "exporters/dot.h"

namespace kgex::exporters {
namespace {

struct TypeStyle {
  const char* shape;
  const char* style;
};

TypeStyle type_style(EntityType type) {
  static constexpr std::array<TypeStyle, kEntityTypes.size()> kStyles = {{
      {"ellipse", "filled"},      // Person
      {"box", "filled"},          // Organization
      {"box", "rounded,filled"},  // Team
      {"hexagon", "filled"},      // Product
      {"component", "filled"},    // Tool
  }};
  return kStyles[static_cast<std::size_t>(type)];
}

// ` key="value"` pairs inside [ ]; pairs with an empty value are left out.
std::string attributes(std::initializer_list<std::pair<std::string_view, std::string>> pairs) {
  std::string out = "[";
  for (const auto& [key, value] : pairs) {
    if (value.empty()) {
      continue;
    }
    out += (out.size() > 1 ? ", " : "") + std::string(key) + "=" + dot_quote(value);
  }
  return out + "]";
}

void write_node_style(std::ostream& out, const std::string& id, const std::string& label,
                      EntityType type, const std::string& tooltip) {
  const TypeStyle style = type_style(type);
  out << "  " << dot_quote(id) << " "
      << attributes({{"label", label},
                     {"shape", style.shape},
                     {"style", style.style},
                     {"fillcolor", hex_color(type_color(type))},
                     {"tooltip", tooltip}})
      << ";\n";
}

}  // namespace

std::string dot_quote(std::string_view text) { return backslash_quoted(text, " "); }

Status write_dot(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out) {
  const std::string font = dot_quote(kDotFont);
  out << "digraph \"kgex\" {\n"
      << "  graph [charset=\"UTF-8\", fontname=" << font << ", rankdir=\"LR\"];\n"
      << "  node [fontname=" << font << ", fontcolor=\"white\", penwidth=\"0\"];\n"
      << "  edge [fontname=" << font << ", fontsize=\"10\"];\n"
      << "  subgraph \"cluster_legend\" {\n"
      << "    graph [label=\"Legend\", style=\"dashed\"];\n";
  for (const EntityType type : kEntityTypes) {
    out << "  ";
    write_node_style(out, "legend-" + std::string(type_slug(type)), std::string(to_string(type)),
                     type, "entity type " + std::string(to_string(type)));
  }
  out << "  }\n";

  for (const EntityId id : graph.sorted_entities()) {
    const Entity& entity = graph.entity(id);
    write_node_style(out, ids.entity(id), entity.name, entity.type,
                     std::string(to_string(entity.type)) + ": " + entity.name);
  }
  for (const RelationView& view : graph.relations()) {
    const Relation& relation = *view.relation;
    const std::vector<std::string> sentences = display_sentences(relation);
    out << "  " << dot_quote(ids.entity(view.source)) << " -> "
        << dot_quote(ids.entity(view.target)) << " "
        << attributes(
               {{"label",
                 std::string(to_string(relation.type)) + " " + format_decimal(relation.confidence)},
                {"penwidth", format_decimal(1.0 + 3.0 * std::clamp(relation.confidence, 0.0, 1.0))},
                {"dir", is_symmetric(relation.type) ? "none" : ""},
                {"tooltip", sentences.empty() ? std::string() : sentences.front()}})
        << ";\n";
  }
  out << "}\n";
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write DOT to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
