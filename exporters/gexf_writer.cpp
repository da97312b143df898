#include <pugixml.hpp>

#include "exporters/detail/json.h"
#include "exporters/detail/naming.h"
#include "exporters/detail/text.h"
#include "exporters/gexf.h"

namespace kgex::exporters {
namespace {

struct AttributeSpec {
  const char* title;
  const char* type;
};

// Attribute ids are the positions in these lists.
constexpr AttributeSpec kNodeAttributes[] = {
    {"type", "string"}, {"aliases", "string"}, {"mentions", "integer"}};
constexpr AttributeSpec kEdgeAttributes[] = {{"confidence", "double"},
                                             {"support", "integer"},
                                             {"evidence", "string"},
                                             {"documents", "string"}};

template <std::size_t N>
void declare(pugi::xml_node graph_node, const char* class_name, const AttributeSpec (&specs)[N]) {
  pugi::xml_node attributes = graph_node.append_child("attributes");
  attributes.append_attribute("class").set_value(class_name);
  for (std::size_t i = 0; i < N; ++i) {
    pugi::xml_node attribute = attributes.append_child("attribute");
    attribute.append_attribute("id").set_value(std::to_string(i).c_str());
    attribute.append_attribute("title").set_value(specs[i].title);
    attribute.append_attribute("type").set_value(specs[i].type);
  }
}

// Appends <attvalue for="id" value="..."/> unless `value` is empty.
void add_value(pugi::xml_node attvalues, int id, const std::string& value) {
  if (value.empty()) {
    return;
  }
  pugi::xml_node attvalue = attvalues.append_child("attvalue");
  attvalue.append_attribute("for").set_value(std::to_string(id).c_str());
  attvalue.append_attribute("value").set_value(clean_text(value).c_str());
}

void add_node(pugi::xml_node nodes, const Entity& entity, const std::string& id, double size) {
  pugi::xml_node node = nodes.append_child("node");
  node.append_attribute("id").set_value(id.c_str());
  node.append_attribute("label").set_value(clean_text(entity.name).c_str());
  pugi::xml_node attvalues = node.append_child("attvalues");
  add_value(attvalues, 0, std::string(to_string(entity.type)));
  if (!entity.aliases.empty()) {
    add_value(attvalues, 1, string_list_json(entity.aliases));
  }
  add_value(attvalues, 2, std::to_string(entity.mention_count));
  const Rgb rgb = type_color(entity.type);
  pugi::xml_node color = node.append_child("viz:color");
  color.append_attribute("r").set_value(rgb.r);
  color.append_attribute("g").set_value(rgb.g);
  color.append_attribute("b").set_value(rgb.b);
  node.append_child("viz:size").append_attribute("value").set_value(format_decimal(size).c_str());
}

void add_edge(pugi::xml_node edges, const RelationView& view, const GraphIds& ids) {
  const Relation& relation = *view.relation;
  const std::string type(to_string(relation.type));
  pugi::xml_node edge = edges.append_child("edge");
  edge.append_attribute("id").set_value(ids.relation(view).c_str());
  edge.append_attribute("source").set_value(ids.entity(view.source).c_str());
  edge.append_attribute("target").set_value(ids.entity(view.target).c_str());
  edge.append_attribute("label").set_value(type.c_str());
  edge.append_attribute("kind").set_value(type.c_str());
  edge.append_attribute("weight").set_value(format_decimal(relation.confidence).c_str());
  pugi::xml_node attvalues = edge.append_child("attvalues");
  add_value(attvalues, 0, format_decimal(relation.confidence));
  add_value(attvalues, 1, std::to_string(relation.support));
  add_value(attvalues, 2, join(display_sentences(relation), "\n"));
  if (!relation.evidence.empty()) {
    add_value(attvalues, 3, string_list_json(evidence_documents(relation)));
  }
}

}  // namespace

Status write_gexf(const KnowledgeGraph& graph, std::ostream& out) {
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");
  pugi::xml_node root = doc.append_child("gexf");
  root.append_attribute("xmlns").set_value(std::string(kGexfNamespace).c_str());
  root.append_attribute("xmlns:viz").set_value(std::string(kGexfVizNamespace).c_str());
  root.append_attribute("version").set_value("1.3");
  root.append_child("meta").append_child("creator").text().set("kgex");
  pugi::xml_node graph_node = root.append_child("graph");
  graph_node.append_attribute("mode").set_value("static");
  graph_node.append_attribute("defaultedgetype").set_value("directed");
  declare(graph_node, "node", kNodeAttributes);
  declare(graph_node, "edge", kEdgeAttributes);

  const GraphIds ids(graph);
  const std::vector<double> sizes = node_sizes(graph);
  pugi::xml_node nodes = graph_node.append_child("nodes");
  for (const EntityId id : graph.sorted_entities()) {
    add_node(nodes, graph.entity(id), ids.entity(id), sizes[id]);
  }
  pugi::xml_node edges = graph_node.append_child("edges");
  for (const RelationView& view : graph.relations()) {
    add_edge(edges, view, ids);
  }
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write GEXF to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
