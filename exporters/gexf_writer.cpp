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
  xml.element("attributes");
  xml.attribute("class", class_name);
  for (std::size_t i = 0; i < N; ++i) {
    xml.element("attribute");
    xml.attribute("id", std::to_string(i));
    xml.attribute("title", specs[i].title);
    xml.attribute("type", specs[i].type);
    xml.end();
  }
  xml.end();
}

// Writes <attvalue for="id" value="..."/> unless `value` is empty, for a value that is
// already what clean_text() makes of it: a number or a name of the model.
void add_clean_value(XmlStream& xml, int id, std::string_view value) {
  if (value.empty()) {
    return;
  }
  xml.element("attvalue");
  xml.plain_attribute("for", std::to_string(id));
  xml.attribute("value", value);
  xml.end();
}

// The same for a JSON list of strings, never empty, whose strings are cleaned as they are
// written: appended in place.
template <typename Strings>
void add_list_value(XmlStream& xml, int id, const Strings& items) {
  xml.element("attvalue");
  xml.plain_attribute("for", std::to_string(id));
  xml.attribute_appended("value", [&](std::string& out) { append_string_list_json(out, items); });
  xml.end();
}

// The same for text from the documents, which is cleaned first.
void add_value(XmlStream& xml, int id, std::string_view value) {
  add_clean_value(xml, id, clean_text(value));
}

void add_node(XmlStream& xml, const Entity& entity, const std::string& id, double size) {
  xml.element("node");
  xml.attribute("id", id);
  xml.attribute("label", clean_text(entity.name));
  xml.element("attvalues");
  add_clean_value(xml, 0, to_string(entity.type));
  if (!entity.aliases.empty()) {
    add_list_value(xml, 1, entity.aliases);
  }
  add_clean_value(xml, 2, std::to_string(entity.mention_count));
  xml.end();
  const Rgb rgb = type_color(entity.type);
  xml.element("viz:color");
  xml.plain_attribute("r", std::to_string(rgb.r));
  xml.plain_attribute("g", std::to_string(rgb.g));
  xml.plain_attribute("b", std::to_string(rgb.b));
  xml.end();
  xml.element("viz:size");
  xml.plain_attribute("value", format_decimal(size));
  xml.end();
  xml.end();
}

void add_edge(XmlStream& xml, const RelationView& view, const GraphIds& ids) {
  const Relation& relation = *view.relation;
  const std::string_view type = to_string(relation.type);
  xml.element("edge");
  xml.attribute("id", ids.relation(view));
  xml.attribute("source", ids.entity(view.source));
  xml.attribute("target", ids.entity(view.target));
  xml.plain_attribute("label", type);
  xml.plain_attribute("kind", type);
  xml.plain_attribute("weight", format_decimal(relation.confidence));
  xml.element("attvalues");
  add_clean_value(xml, 0, format_decimal(relation.confidence));
  add_clean_value(xml, 1, std::to_string(relation.support));
  add_value(xml, 2, join(display_sentences(relation), "\n"));
  if (!relation.evidence.empty()) {
    add_list_value(xml, 3, evidence_documents(relation));
  }
  xml.end();
  xml.end();
}

}  // namespace

Status write_gexf(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out) {
  XmlStream xml(out);
  xml.open("gexf", R"(xmlns=")" + std::string(kGexfNamespace) + R"(" xmlns:viz=")" +
                       std::string(kGexfVizNamespace) + R"(" version="1.3")");
  xml.element("meta");
  xml.element("creator");
  xml.text("kgex");
  xml.end();
  xml.end();
  xml.open("graph", R"(mode="static" defaultedgetype="directed")");
  declare(xml, "node", kNodeAttributes);
  declare(xml, "edge", kEdgeAttributes);

  const std::vector<double> sizes = node_sizes(graph);
  xml.open("nodes");
  for (const EntityId id : graph.sorted_entities()) {
    add_node(xml, graph.entity(id), ids.entity(id), sizes[id]);
  }
  xml.close();
  xml.open("edges");
  for (const RelationView& view : graph.relations()) {
    add_edge(xml, view, ids);
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
