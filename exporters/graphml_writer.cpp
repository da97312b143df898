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
    {"confidence_weight", "edge", "confidence_weight", "long"},
    {"support", "edge", "support", "int"},
    {"evidence", "edge", "evidence", "string"},
    {"documents", "edge", "documents", "string"},
    {"provenance", "edge", "provenance", "string"},
};

// Writes <data key="key">value</data> for a value that is already what clean_text() makes
// of it: a number or a name of the model. Empty values are left out. (The JSON lists, never
// empty, are appended in place by XmlStream::text_element_appended.)
void add_clean_data(XmlStream& xml, const char* key, std::string_view value) {
  if (value.empty()) {
    return;
  }
  xml.text_element("data", "key", key, value);
}

// The same for text from the documents, which is cleaned first.
void add_data(XmlStream& xml, const char* key, std::string_view value) {
  add_clean_data(xml, key, clean_text(value));
}

void add_node(XmlStream& xml, const Entity& entity, const std::string& id, double size) {
  xml.element("node");
  xml.attribute("id", id);
  add_data(xml, "label", entity.name);
  add_clean_data(xml, "type", to_string(entity.type));
  if (!entity.aliases.empty()) {
    xml.text_element_appended("data", "key", "aliases", [&](std::string& out) {
      append_string_list_json(out, entity.aliases);
    });
  }
  add_clean_data(xml, "mentions", std::to_string(entity.mention_count));
  if (!entity.mentions.empty()) {
    xml.text_element_appended("data", "key", "mention_spans", [&](std::string& out) {
      append_mentions_json(out, entity.mentions);
    });
  }
  const Rgb color = type_color(entity.type);
  add_clean_data(xml, "r", std::to_string(color.r));
  add_clean_data(xml, "g", std::to_string(color.g));
  add_clean_data(xml, "b", std::to_string(color.b));
  add_clean_data(xml, "size", format_decimal(size));
  xml.end();
}

void add_edge(XmlStream& xml, const RelationView& view, const GraphIds& ids) {
  const Relation& relation = *view.relation;
  xml.element("edge");
  xml.attribute("id", ids.relation(view));
  xml.attribute("source", ids.entity(view.source));
  xml.attribute("target", ids.entity(view.target));
  add_clean_data(xml, "edge_label", to_string(relation.type));
  add_clean_data(xml, "weight", format_decimal(relation.confidence));
  add_clean_data(xml, "confidence", format_decimal(relation.confidence));
  add_clean_data(xml, "confidence_weight", std::to_string(weight_of(relation)));
  add_clean_data(xml, "support", std::to_string(relation.support));
  add_data(xml, "evidence", join(display_sentences(relation), "\n"));
  if (!relation.evidence.empty()) {
    xml.text_element_appended("data", "key", "documents", [&](std::string& out) {
      append_string_list_json(out, evidence_documents(relation));
    });
    xml.text_element_appended("data", "key", "provenance", [&](std::string& out) {
      append_evidence_json(out, relation.evidence);
    });
  }
  xml.end();
}

}  // namespace

Status write_graphml(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out) {
  XmlStream xml(out);
  xml.open("graphml", "xmlns=\"" + std::string(kGraphMLNamespace) +
                          "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                          "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\"");
  for (const KeySpec& spec : kKeys) {
    xml.element("key");
    xml.attribute("id", spec.id);
    xml.attribute("for", spec.for_what);
    xml.attribute("attr.name", spec.name);
    xml.attribute("attr.type", spec.type);
    xml.end();
  }
  xml.open("graph", R"(id="kgex" edgedefault="directed")");
  const std::vector<double> sizes = node_sizes(graph);
  for (const EntityId id : graph.sorted_entities()) {
    add_node(xml, graph.entity(id), ids.entity(id), sizes[id]);
  }
  for (const RelationView& view : graph.relations()) {
    add_edge(xml, view, ids);
  }
  xml.close();
  xml.close();
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write GraphML to the output stream");
  }
  return {};
}

}  // namespace kgex::exporters
