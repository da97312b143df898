#include <pugixml.hpp>

#include "exporters/detail/json.h"
#include "exporters/detail/naming.h"
#include "exporters/detail/text.h"
#include "exporters/detail/xml_stream.h"
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

// Appends <data key="key">value</data> for a value that is already what clean_text() makes
// of it: a number, a name of the model, or JSON, whose strings write_string() cleaned and
// whose escapes are printable ASCII. Empty values are left out.
void add_clean_data(pugi::xml_node parent, const char* key, const std::string& value) {
  if (value.empty()) {
    return;
  }
  pugi::xml_node data = parent.append_child("data");
  data.append_attribute("key").set_value(key);
  data.text().set(value.c_str());
}

// The same for text from the documents, which is cleaned first.
void add_data(pugi::xml_node parent, const char* key, const std::string& value) {
  add_clean_data(parent, key, clean_text(value));
}

void add_node(pugi::xml_node graph_node, const Entity& entity, const std::string& id, double size) {
  pugi::xml_node node = graph_node.append_child("node");
  node.append_attribute("id").set_value(id.c_str());
  add_data(node, "label", entity.name);
  add_clean_data(node, "type", std::string(to_string(entity.type)));
  if (!entity.aliases.empty()) {
    add_clean_data(node, "aliases", string_list_json(entity.aliases));
  }
  add_clean_data(node, "mentions", std::to_string(entity.mention_count));
  if (!entity.mentions.empty()) {
    add_clean_data(node, "mention_spans", mentions_json(entity.mentions));
  }
  const Rgb color = type_color(entity.type);
  add_clean_data(node, "r", std::to_string(color.r));
  add_clean_data(node, "g", std::to_string(color.g));
  add_clean_data(node, "b", std::to_string(color.b));
  add_clean_data(node, "size", format_decimal(size));
}

void add_edge(pugi::xml_node graph_node, const RelationView& view, const GraphIds& ids) {
  const Relation& relation = *view.relation;
  pugi::xml_node edge = graph_node.append_child("edge");
  edge.append_attribute("id").set_value(ids.relation(view).c_str());
  edge.append_attribute("source").set_value(ids.entity(view.source).c_str());
  edge.append_attribute("target").set_value(ids.entity(view.target).c_str());
  add_clean_data(edge, "edge_label", std::string(to_string(relation.type)));
  add_clean_data(edge, "weight", format_decimal(relation.confidence));
  add_clean_data(edge, "confidence", format_decimal(relation.confidence));
  add_clean_data(edge, "support", std::to_string(relation.support));
  add_data(edge, "evidence", join(display_sentences(relation), "\n"));
  if (!relation.evidence.empty()) {
    add_clean_data(edge, "documents", string_list_json(evidence_documents(relation)));
    add_clean_data(edge, "provenance", evidence_json(relation.evidence));
  }
}

}  // namespace

Status write_graphml(const KnowledgeGraph& graph, std::ostream& out) {
  XmlStream xml(out);
  xml.open("graphml", "xmlns=\"" + std::string(kGraphMLNamespace) +
                          "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                          "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\"");
  for (const KeySpec& spec : kKeys) {
    pugi::xml_node key = xml.scratch().append_child("key");
    key.append_attribute("id").set_value(spec.id);
    key.append_attribute("for").set_value(spec.for_what);
    key.append_attribute("attr.name").set_value(spec.name);
    key.append_attribute("attr.type").set_value(spec.type);
    xml.print();
  }
  xml.open("graph", R"(id="kgex" edgedefault="directed")");
  const GraphIds ids(graph);
  const std::vector<double> sizes = node_sizes(graph);
  for (const EntityId id : graph.sorted_entities()) {
    add_node(xml.scratch(), graph.entity(id), ids.entity(id), sizes[id]);
    xml.print();
  }
  for (const RelationView& view : graph.relations()) {
    add_edge(xml.scratch(), view, ids);
    xml.print();
  }
  xml.close();
  xml.close();
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write GraphML to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
