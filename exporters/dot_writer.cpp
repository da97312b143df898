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

// A DOT statement's ` [key="value", ...]` list, appended to `out` from its construction to end();
// pairs with an empty value are left out.
class DotAttributes {
 public:
  explicit DotAttributes(std::string& out) : out_(out) { out_ += " ["; }
  void end() { out_ += ']'; }
  void add(std::string_view key, std::string_view value) {
    if (value.empty()) {
      return;
    }
    if (any_) {
      out_ += ", ";
    }
    out_ += key;
    out_ += '=';
    append_backslash_quoted(out_, value, " ");
    any_ = true;
  }

 private:
  std::string& out_;
  bool any_ = false;
};

// A node statement, `indent` and `  "id" [...];` and a line feed, appended to `line`.
void append_node(std::string& line, std::string_view indent, std::string_view id,
                 std::string_view label, EntityType type, std::string_view tooltip) {
  const TypeStyle style = type_style(type);
  line += indent;
  line += "  ";
  append_backslash_quoted(line, id, " ");
  DotAttributes attributes(line);
  attributes.add("label", label);
  attributes.add("shape", style.shape);
  attributes.add("style", style.style);
  attributes.add("fillcolor", hex_color(type_color(type)));
  attributes.add("tooltip", tooltip);
  attributes.end();
  line += ";\n";
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
  // Each statement is put together in `line` and written whole.
  std::string line;
  std::string text;
  const auto write_line = [&] {
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    line.clear();
  };
  for (const EntityType type : kEntityTypes) {
    append_node(line, "  ", "legend-" + std::string(type_slug(type)), to_string(type), type,
                "entity type " + std::string(to_string(type)));
    write_line();
  }
  out << "  }\n";

  for (const EntityId id : graph.sorted_entities()) {
    const Entity& entity = graph.entity(id);
    text.assign(to_string(entity.type)).append(": ").append(entity.name);
    append_node(line, "", ids.entity(id), entity.name, entity.type, text);
    write_line();
  }
  for (const RelationView& view : graph.relations()) {
    const Relation& relation = *view.relation;
    line += "  ";
    append_backslash_quoted(line, ids.entity(view.source), " ");
    line += " -> ";
    append_backslash_quoted(line, ids.entity(view.target), " ");
    DotAttributes attributes(line);
    text.assign(to_string(relation.type)).append(" ").append(format_decimal(relation.confidence));
    attributes.add("label", text);
    attributes.add("penwidth",
                   format_decimal(1.0 + 3.0 * std::clamp(relation.confidence, 0.0, 1.0)));
    attributes.add("dir", is_symmetric(relation.type) ? "none" : "");
    // The first of display_sentences(relation).
    const auto first = std::find_if(relation.evidence.begin(), relation.evidence.end(),
                                    [](const Evidence& e) { return !e.sentence.empty(); });
    attributes.add("tooltip", first != relation.evidence.end() ? std::string_view(first->sentence)
                                                               : std::string_view());
    attributes.end();
    line += ";\n";
    write_line();
  }
  out << "}\n";
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write DOT to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
