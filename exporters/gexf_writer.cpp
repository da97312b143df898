#include <pugixml.hpp>

#include "exporters/detail/json.h"
#include "exporters/detail/naming.h"
#include "exporters/detail/text.h"
#include "exporters/detail/xml_stream.h"
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
void declare(XmlStream& xml, const char* class_name, const AttributeSpec (&specs)[N]) {
  pugi::xml_node attributes = xml.scratch().append_child("attributes");
  attributes.append_attribute("class").set_value(class_name);
  for (std::size_t i = 0; i < N; ++i) {
    pugi::xml_node attribute = attributes.append_child("attribute");
    attribute.append_attribute("id").set_value(std::to_string(i).c_str());
    attribute.append_attribute("title").set_value(specs[i].title);
    attribute.append_attribute("type").set_value(specs[i].type);
  }
  xml.print();
}

// Appends <attvalue for="id" value="..."/> unless `value` is empty, for a value that is
// already what clean_text() makes of it: a number, a name of the model, or JSON, whose strings
// write_string() cleaned and whose escapes are printable ASCII.
void add_clean_value(pugi::xml_node attvalues, int id, const std::string& value) {
  if (value.empty()) {
    return;
  }
  pugi::xml_node attvalue = attvalues.append_child("attvalue");
  attvalue.append_attribute("for").set_value(std::to_string(id).c_str());
  attvalue.append_attribute("value").set_value(value.c_str());
}

// The same for text from the documents, which is cleaned first.
void add_value(pugi::xml_node attvalues, int id, const std::string& value) {
  add_clean_value(attvalues, id, clean_text(value));
}

void add_node(pugi::xml_node nodes, const Entity& entity, const std::string& id, double size) {
  pugi::xml_node node = nodes.append_child("node");
  node.append_attribute("id").set_value(id.c_str());
  node.append_attribute("label").set_value(clean_text(entity.name).c_str());
  pugi::xml_node attvalues = node.append_child("attvalues");
  add_clean_value(attvalues, 0, std::string(to_string(entity.type)));
  if (!entity.aliases.empty()) {
    add_clean_value(attvalues, 1, string_list_json(entity.aliases));
  }
  add_clean_value(attvalues, 2, std::to_string(entity.mention_count));
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
  add_clean_value(attvalues, 0, format_decimal(relation.confidence));
  add_clean_value(attvalues, 1, std::to_string(relation.support));
  add_value(attvalues, 2, join(display_sentences(relation), "\n"));
  if (!relation.evidence.empty()) {
    add_clean_value(attvalues, 3, string_list_json(evidence_documents(relation)));
  }
}

}  // namespace

Status write_gexf(const KnowledgeGraph& graph, std::ostream& out) {
  XmlStream xml(out);
  xml.open("gexf", R"(xmlns=")" + std::string(kGexfNamespace) + R"(" xmlns:viz=")" +
                       std::string(kGexfVizNamespace) + R"(" version="1.3")");
  xml.scratch().append_child("meta").append_child("creator").text().set("kgex");
  xml.print();
  xml.open("graph", R"(mode="static" defaultedgetype="directed")");
  declare(xml, "node", kNodeAttributes);
  declare(xml, "edge", kEdgeAttributes);

  const GraphIds ids(graph);
  const std::vector<double> sizes = node_sizes(graph);
  xml.open("nodes");
  for (const EntityId id : graph.sorted_entities()) {
    add_node(xml.scratch(), graph.entity(id), ids.entity(id), sizes[id]);
    xml.print();
  }
  xml.close();
  xml.open("edges");
  for (const RelationView& view : graph.relations()) {
    add_edge(xml.scratch(), view, ids);
    xml.print();
  }
  xml.close();
  xml.close();
  xml.close();
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write GEXF to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
