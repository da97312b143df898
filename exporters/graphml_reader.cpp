#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>

#include "exporters/detail/json.h"
#include "exporters/detail/text.h"
#include "exporters/graphml.h"

namespace kgex::exporters {
namespace {

// The offset of the first character reference (&#N; or &#xN;) to a character
// XML 1.0 forbids, such as &#0;: pugixml would decode it (a NUL cuts the text
// short). References in comments count too; kgex never writes any there.
std::optional<std::size_t> forbidden_reference(std::string_view text) {
  for (std::size_t at = text.find("&#"); at != std::string_view::npos;
       at = text.find("&#", at + 2)) {
    std::size_t pos = at + 2;
    const bool hex = pos < text.size() && text[pos] == 'x';
    pos += hex ? 1 : 0;
    const std::size_t digits = pos;
    char32_t value = 0;
    for (; pos < text.size() && pos - digits < 9; ++pos) {
      const char c = text[pos];
      const int digit = c >= '0' && c <= '9'          ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                      : -1;
      if (digit < 0) {
        break;
      }
      value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    if (pos > digits && pos < text.size() && text[pos] == ';' && !is_xml_char(value)) {
      return at;
    }
  }
  return std::nullopt;
}

// cppcheck reports both members unused: it misses the reads through keys_' iterators.
struct Key {
  // cppcheck-suppress unusedStructMember
  std::string for_what;
  // cppcheck-suppress unusedStructMember
  std::string name;
};

// Reads one file; every error names the file and the line of the element at fault.
class GraphMLReader {
 public:
  GraphMLReader(std::string_view text, std::string_view source_name)
      : text_(text), source_(source_name) {}

  Result<KnowledgeGraph> read() {
    // parse_doctype only to find and refuse a DOCTYPE: pugixml never expands
    // entities it declares, and kgex files have none.
    constexpr unsigned kFlags =
        pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
    // Well-formed XML 1.0 is valid UTF-8 of allowed characters; pugixml checks neither.
    if (const std::optional<ForbiddenText> bad = find_forbidden_text(text_)) {
      return Status(ErrorCode::kParse, "malformed XML: " + bad->what,
                    {.file = source_,
                     .line = line_of(text_, bad->offset),
                     .offset = static_cast<long>(bad->offset)});
    }
    if (const std::optional<std::size_t> at = forbidden_reference(text_)) {
      return Status(
          ErrorCode::kParse, "malformed XML: a character reference to a character XML 1.0 forbids",
          {.file = source_, .line = line_of(text_, *at), .offset = static_cast<long>(*at)});
    }
    const pugi::xml_parse_result parsed =
        doc_.load_buffer(text_.data(), text_.size(), kFlags, pugi::encoding_utf8);
    if (!parsed) {
      return Status(ErrorCode::kParse, std::string("malformed XML: ") + parsed.description(),
                    {.file = source_, .line = line_of(text_, parsed.offset)});
    }
    for (pugi::xml_node child : doc_.children()) {
      if (child.type() == pugi::node_doctype) {
        return error(child, ErrorCode::kParse, "a DOCTYPE declaration is not allowed");
      }
    }
    const pugi::xml_node root = doc_.document_element();
    if (std::string_view(root.name()) != "graphml") {
      return error(root, "root element is <" + std::string(root.name()) + ">, expected <graphml>");
    }
    if (root.attribute("xmlns").value() != kGraphMLNamespace) {
      return error(root,
                   "<graphml> is not in the GraphML namespace " + std::string(kGraphMLNamespace));
    }
    if (Status s = read_keys(root); !s.ok()) {
      return s;
    }
    const pugi::xml_node graph_node = root.child("graph");
    if (!graph_node) {
      return error(root, "<graphml> has no <graph>");
    }
    if (std::string_view(graph_node.attribute("edgedefault").value()) != "directed") {
      return error(graph_node, "edgedefault must be \"directed\"");
    }
    for (pugi::xml_node node : graph_node.children("node")) {
      if (Status s = read_node(node); !s.ok()) {
        return s;
      }
    }
    for (pugi::xml_node edge : graph_node.children("edge")) {
      if (Status s = read_edge(edge); !s.ok()) {
        return s;
      }
    }
    return std::move(graph_);
  }

 private:
  Status error(pugi::xml_node at, ErrorCode code, const std::string& message,
               const std::string& pointer = {}) const {
    const long line = at ? line_of(text_, static_cast<std::size_t>(at.offset_debug())) : -1;
    return Status(code, message, {.file = source_, .pointer = pointer, .line = line});
  }
  Status error(pugi::xml_node at, const std::string& message) const {
    return error(at, ErrorCode::kSchema, message);
  }
  // A Status from a JSON-valued <data>, placed at that element's line.
  Status json_error(pugi::xml_node data, const std::string& what, const Status& status) const {
    return error(data, status.code(), what + ": " + status.message(), status.where().pointer);
  }

  Status read_keys(pugi::xml_node root) {
    for (pugi::xml_node key : root.children("key")) {
      const std::string id = key.attribute("id").value();
      if (id.empty()) {
        return error(key, "<key> without an id");
      }
      keys_[id] = {key.attribute("for").value(), key.attribute("attr.name").value()};
    }
    return {};
  }

  // The <data> children of `element` by attr.name; undeclared keys are errors.
  Result<std::map<std::string, pugi::xml_node>> data_of(pugi::xml_node element) const {
    std::map<std::string, pugi::xml_node> out;
    for (pugi::xml_node data : element.children("data")) {
      const std::string key = data.attribute("key").value();
      const auto it = keys_.find(key);
      if (it == keys_.end()) {
        return error(data, "<data key=\"" + key + "\"> uses an undeclared key");
      }
      if (it->second.for_what != element.name() && it->second.for_what != "all") {
        return error(data, "key \"" + key + "\" is declared for " + it->second.for_what +
                               ", not for " + element.name());
      }
      out[it->second.name] = data;
    }
    return out;
  }

  static std::string text_of(const std::map<std::string, pugi::xml_node>& data,
                             const std::string& name) {
    const auto it = data.find(name);
    return it == data.end() ? std::string() : std::string(it->second.text().get());
  }

  Status read_count(const std::map<std::string, pugi::xml_node>& data, const std::string& name,
                    std::size_t& into) const {
    const auto it = data.find(name);
    if (it == data.end()) {
      return {};
    }
    const std::optional<std::size_t> value = parse_count(it->second.text().get());
    if (!value) {
      return error(it->second, name + " is not a non-negative integer: \"" +
                                   std::string(it->second.text().get()) + "\"");
    }
    into = *value;
    return {};
  }

  template <typename T, typename Parse>
  Status read_json(const std::map<std::string, pugi::xml_node>& data, const std::string& name,
                   Parse parse, T& into) const {
    const auto it = data.find(name);
    if (it == data.end()) {
      return {};
    }
    auto value = parse(it->second.text().get());
    if (!value.ok()) {
      return json_error(it->second, name, value.status());
    }
    into = std::move(value).value();
    return {};
  }

  Status read_node(pugi::xml_node node) {
    const std::string id = node.attribute("id").value();
    if (id.empty()) {
      return error(node, "<node> without an id");
    }
    if (node_ids_.count(id) > 0) {
      return error(node, "duplicate node id \"" + id + "\"");
    }
    Result<std::map<std::string, pugi::xml_node>> data = data_of(node);
    if (!data.ok()) {
      return data.status();
    }
    const std::map<std::string, pugi::xml_node>& d = data.value();
    Entity entity;
    entity.name = text_of(d, "label");
    const std::string type = text_of(d, "type");
    const std::optional<EntityType> parsed_type = parse_entity_type(type);
    if (!parsed_type) {
      return error(node, type.empty() ? "node \"" + id + "\" has no type"
                                      : "node \"" + id + "\" has unknown type \"" + type + "\"");
    }
    entity.type = *parsed_type;
    for (Status s : {read_count(d, "mentions", entity.mention_count),
                     read_json(d, "aliases", parse_string_list, entity.aliases),
                     read_json(d, "mention_spans", parse_mentions, entity.mentions)}) {
      if (!s.ok()) {
        return s;
      }
    }
    const std::size_t before = graph_.entity_count();
    const EntityId entity_id = graph_.add_entity(std::move(entity));
    if (graph_.entity_count() != before + 1) {
      return error(node, "node \"" + id + "\" names the same entity as an earlier node");
    }
    node_ids_[id] = entity_id;
    return {};
  }

  Status read_edge(pugi::xml_node edge) {
    EntityId ends[2] = {0, 0};
    const char* const kEnds[2] = {"source", "target"};
    for (int i = 0; i < 2; ++i) {
      const std::string ref = edge.attribute(kEnds[i]).value();
      const auto it = node_ids_.find(ref);
      if (it == node_ids_.end()) {
        return error(edge, std::string("edge ") + kEnds[i] + " \"" + ref + "\" is not a node");
      }
      ends[i] = it->second;
    }
    Result<std::map<std::string, pugi::xml_node>> data = data_of(edge);
    if (!data.ok()) {
      return data.status();
    }
    const std::map<std::string, pugi::xml_node>& d = data.value();
    Relation relation;
    const std::string label = text_of(d, "label");
    const std::optional<RelationType> type = parse_relation_type(label);
    if (!type) {
      return error(edge, label.empty() ? "edge has no label (relation type)"
                                       : "edge label \"" + label + "\" is not a relation type");
    }
    relation.type = *type;
    if (const auto it = d.find("confidence"); it != d.end()) {
      const std::optional<double> confidence = parse_double(it->second.text().get());
      if (!confidence) {
        return error(it->second, "confidence is not a number: \"" +
                                     std::string(it->second.text().get()) + "\"");
      }
      if (Status s = checked_confidence(*confidence); !s.ok()) {
        return error(it->second, s.message());
      }
      relation.confidence = *confidence;
    }
    for (Status s : {read_count(d, "support", relation.support),
                     read_json(d, "provenance", parse_evidence, relation.evidence)}) {
      if (!s.ok()) {
        return s;
      }
    }
    std::optional<std::uint64_t> weight;
    const auto weight_data = d.find("confidence_weight");
    if (weight_data != d.end()) {
      std::size_t value = 0;
      if (Status s = read_count(d, "confidence_weight", value); !s.ok()) {
        return s;
      }
      weight = value;
    }
    Result<std::uint64_t> checked = checked_weight(weight, relation.confidence);
    if (!checked.ok()) {
      return error(weight_data == d.end() ? edge : weight_data->second, checked.status().message());
    }
    relation.weight = checked.value();
    const std::size_t before = graph_.relation_count();
    graph_.add_relation(ends[0], ends[1], std::move(relation));
    if (graph_.relation_count() != before + 1) {
      return error(edge, "edge repeats an earlier edge's source, type and target");
    }
    return {};
  }

  std::string_view text_;
  std::string source_;
  pugi::xml_document doc_;
  std::map<std::string, Key> keys_;
  std::map<std::string, EntityId> node_ids_;
  KnowledgeGraph graph_;
};

}  // namespace

Result<KnowledgeGraph> read_graphml(std::string_view text, std::string_view source_name) {
  return GraphMLReader(text, source_name).read();
}

}  // namespace kgex::exporters
