#include <pugixml.hpp>

#include "exporters/detail/json.h"
#include "exporters/detail/naming.h"
#include "exporters/detail/text.h"
#include "exporters/graphml.h"

namespace kgex::exporters {
namespace {

struct KeySpec {
  const char* id;
  const char* for_what;
  const char* name;
  const char* type;
};

constexpr KeySpec kKeys[] = {
    {"label", "node", "label", "string"},
    {"type", "node", "type", "string"},
    {"aliases", "node", "aliases", "string"},
    {"mentions", "node", "mentions", "int"},
    {"mention_spans", "node", "mention_spans", "string"},
    {"r", "node", "r", "int"},
    {"g", "node", "g", "int"},
    {"b", "node", "b", "int"},
    {"size", "node", "size", "double"},
    {"edge_label", "edge", "label", "string"},
    {"weight", "edge", "weight", "double"},
    {"confidence", "edge", "confidence", "double"},
    {"support", "edge", "support", "int"},
    {"evidence", "edge", "evidence", "string"},
    {"documents", "edge", "documents", "string"},
    {"provenance", "edge", "provenance", "string"},
};

// Appends <data key="key">value</data>; empty values are left out.
void add_data(pugi::xml_node parent, const char* key, const std::string& value) {
  if (value.empty()) {
    return;
  }
  pugi::xml_node data = parent.append_child("data");
  data.append_attribute("key").set_value(key);
  data.text().set(clean_text(value).c_str());
}

void add_node(pugi::xml_node graph_node, const Entity& entity, const std::string& id, double size) {
  pugi::xml_node node = graph_node.append_child("node");
  node.append_attribute("id").set_value(id.c_str());
  add_data(node, "label", entity.name);
  add_data(node, "type", std::string(to_string(entity.type)));
  if (!entity.aliases.empty()) {
    add_data(node, "aliases", string_list_json(entity.aliases));
  }
  add_data(node, "mentions", std::to_string(entity.mention_count));
  if (!entity.mentions.empty()) {
    add_data(node, "mention_spans", mentions_json(entity.mentions));
  }
  const Rgb color = type_color(entity.type);
  add_data(node, "r", std::to_string(color.r));
  add_data(node, "g", std::to_string(color.g));
  add_data(node, "b", std::to_string(color.b));
  add_data(node, "size", format_decimal(size));
}

void add_edge(pugi::xml_node graph_node, const RelationView& view, const GraphIds& ids) {
  const Relation& relation = *view.relation;
  pugi::xml_node edge = graph_node.append_child("edge");
  edge.append_attribute("id").set_value(ids.relation(view).c_str());
  edge.append_attribute("source").set_value(ids.entity(view.source).c_str());
  edge.append_attribute("target").set_value(ids.entity(view.target).c_str());
  add_data(edge, "edge_label", std::string(to_string(relation.type)));
  add_data(edge, "weight", format_decimal(relation.confidence));
  add_data(edge, "confidence", format_decimal(relation.confidence));
  add_data(edge, "support", std::to_string(relation.support));
  add_data(edge, "evidence", join(display_sentences(relation), "\n"));
  if (!relation.evidence.empty()) {
    add_data(edge, "documents", string_list_json(evidence_documents(relation)));
    add_data(edge, "provenance", evidence_json(relation.evidence));
  }
}

}  // namespace

Status write_graphml(const KnowledgeGraph& graph, std::ostream& out) {
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node root = doc.append_child("graphml");
  root.append_attribute("xmlns").set_value(std::string(kGraphMLNamespace).c_str());
  root.append_attribute("xmlns:xsi").set_value("http://www.w3.org/2001/XMLSchema-instance");
  root.append_attribute("xsi:schemaLocation")
      .set_value(
          "http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const KeySpec& spec : kKeys) {
    pugi::xml_node key = root.append_child("key");
    key.append_attribute("id").set_value(spec.id);
    key.append_attribute("for").set_value(spec.for_what);
    key.append_attribute("attr.name").set_value(spec.name);
    key.append_attribute("attr.type").set_value(spec.type);
  }
  pugi::xml_node graph_node = root.append_child("graph");
  graph_node.append_attribute("id").set_value("kgex");
  graph_node.append_attribute("edgedefault").set_value("directed");

  const GraphIds ids(graph);
  const std::vector<double> sizes = node_sizes(graph);
  for (const EntityId id : graph.sorted_entities()) {
    add_node(graph_node, graph.entity(id), ids.entity(id), sizes[id]);
  }
  for (const RelationView& view : graph.relations()) {
    add_edge(graph_node, view, ids);
  }
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write GraphML to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
