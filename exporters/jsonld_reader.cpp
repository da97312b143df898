#include <map>
#include <set>
#include <tuple>

#include "exporters/detail/json.h"
#include "exporters/detail/rdf_vocab.h"
#include "exporters/jsonld.h"

namespace kgex::exporters {
namespace {

using rapidjson::Value;

// A direct triple entity -> relation type -> entity, as found on an entity node.
struct DirectTriple {
  std::string source;
  RelationType type;
  std::string target;
  std::string pointer;
};

// Reads one document; every error names the file and a JSON Pointer.
class JsonLdReader {
 public:
  explicit JsonLdReader(std::string_view source_name) : source_(source_name) {}

  Result<KnowledgeGraph> read(std::string_view text) {
    rapidjson::Document doc;
    if (Status s = parse_json(text, doc); !s.ok()) {
      return s.in_file(source_);
    }
    if (!doc.IsObject()) {
      return error("", "the document is not a JSON object");
    }
    if (Status s = check_context(doc); !s.ok()) {
      return s;
    }
    // Const iterators on both sides: C++20 finds RapidJSON's mixed == ambiguous.
    const Value& root = doc;
    const auto graph_it = root.FindMember("@graph");
    if (graph_it == root.MemberEnd() || !graph_it->value.IsArray()) {
      return error("/@graph", "missing @graph array");
    }
    const Value& nodes = graph_it->value;
    std::vector<rapidjson::SizeType> relation_nodes;
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
      const std::string pointer = "/@graph" + pointer_index(i);
      const Value& node = nodes[i];
      if (!node.IsObject()) {
        return error(pointer, "expected a node object");
      }
      Result<std::string> type = string_member(node, "@type", pointer, true);
      if (!type.ok()) {
        return type.status().in_file(source_);
      }
      if (type.value() == "Relation") {
        relation_nodes.push_back(i);
        continue;
      }
      const std::optional<EntityType> entity_type = parse_entity_type(type.value());
      if (!entity_type) {
        return error(pointer + "/@type", "unknown node type \"" + type.value() + "\"");
      }
      if (Status s = read_entity(node, *entity_type, pointer); !s.ok()) {
        return s.in_file(source_);
      }
    }
    for (const rapidjson::SizeType i : relation_nodes) {
      if (Status s = read_relation(nodes[i], "/@graph" + pointer_index(i)); !s.ok()) {
        return s.in_file(source_);
      }
    }
    for (const DirectTriple& triple : direct_) {
      if (relation_keys_.count(std::make_tuple(triple.source, triple.type, triple.target)) == 0) {
        return error(triple.pointer, "the triple " + std::string(to_string(triple.type)) +
                                         " has no Relation node with the same source and target");
      }
    }
    return std::move(graph_);
  }

 private:
  Status error(const std::string& pointer, const std::string& message) const {
    return Status(ErrorCode::kSchema, message, {.file = source_, .pointer = pointer});
  }

  Status check_context(const Value& doc) const {
    const auto it = doc.FindMember("@context");
    if (it == doc.MemberEnd()) {
      return error("/@context", "missing @context");
    }
    if (!it->value.IsObject()) {
      return error("/@context",
                   "@context must be an inline object (kgex writes no remote context)");
    }
    Result<std::string> vocab = string_member(it->value, "kg", "/@context", true);
    if (!vocab.ok() || vocab.value() != kVocabularyIri) {
      return error("/@context/kg",
                   "not a kgex graph: \"kg\" must be " + std::string(kVocabularyIri));
    }
    return {};
  }

  // A string or an array of strings at `key`, as a list.
  static Result<std::vector<std::string>> string_list(const Value& node, std::string_view key,
                                                      const std::string& pointer) {
    const std::string at = pointer + pointer_token(key);
    const Value& value = node[Value(key.data(), static_cast<rapidjson::SizeType>(key.size()))];
    if (value.IsString()) {
      return std::vector<std::string>{std::string(value.GetString(), value.GetStringLength())};
    }
    if (!value.IsArray()) {
      return Status(ErrorCode::kSchema, "expected a string or an array of strings",
                    {.pointer = at});
    }
    std::vector<std::string> out;
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      if (!value[i].IsString()) {
        return Status(ErrorCode::kSchema, "expected a string", {.pointer = at + pointer_index(i)});
      }
      out.emplace_back(value[i].GetString(), value[i].GetStringLength());
    }
    return out;
  }

  // The array at `key` (absent: empty), each element read by `read_item`.
  template <typename T, typename Read>
  static Status object_list(const Value& node, std::string_view key, const std::string& pointer,
                            Read read_item, std::vector<T>& into) {
    const auto it =
        node.FindMember(Value(key.data(), static_cast<rapidjson::SizeType>(key.size())));
    if (it == node.MemberEnd()) {
      return {};
    }
    const std::string at = pointer + pointer_token(key);
    if (!it->value.IsArray()) {
      return Status(ErrorCode::kSchema, "expected an array", {.pointer = at});
    }
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      Result<T> item = read_item(it->value[i], at + pointer_index(i));
      if (!item.ok()) {
        return item.status();
      }
      into.push_back(std::move(item).value());
    }
    return {};
  }

  Status read_entity(const Value& node, EntityType type, const std::string& pointer) {
    Result<std::string> id = string_member(node, "@id", pointer, true);
    Result<std::string> name = string_member(node, "name", pointer, true);
    Result<std::size_t> count = count_member(node, "mentionCount", pointer, false);
    for (const Status* s : {&id.status(), &name.status(), &count.status()}) {
      if (!s->ok()) {
        return *s;
      }
    }
    if (entity_ids_.count(id.value()) > 0) {
      return Status(ErrorCode::kSchema, "duplicate entity @id \"" + id.value() + "\"",
                    {.pointer = pointer + "/@id"});
    }
    Entity entity;
    entity.type = type;
    entity.name = std::move(name).value();
    entity.mention_count = count.value();
    for (auto member = node.MemberBegin(); member != node.MemberEnd(); ++member) {
      const std::string key(member->name.GetString(), member->name.GetStringLength());
      Status s;
      if (key == "alternateName") {
        Result<std::vector<std::string>> aliases = string_list(node, key, pointer);
        s = aliases.status();
        if (aliases.ok()) {
          entity.aliases = std::move(aliases).value();
        }
      } else if (key == "mention") {
        s = object_list(node, key, pointer, read_mention_fields, entity.mentions);
      } else if (const std::optional<RelationType> relation = parse_relation_type(key)) {
        s = read_direct_triples(node, key, *relation, id.value(), pointer);
      } else if (key != "@id" && key != "@type" && key != "name" && key != "mentionCount") {
        s = Status(ErrorCode::kSchema, "unknown member \"" + key + "\" on an entity",
                   {.pointer = pointer + pointer_token(key)});
      }
      if (!s.ok()) {
        return s;
      }
    }
    const std::size_t before = graph_.entity_count();
    const EntityId entity_id = graph_.add_entity(std::move(entity));
    if (graph_.entity_count() != before + 1) {
      return Status(ErrorCode::kSchema, "this entity is the same as an earlier one",
                    {.pointer = pointer});
    }
    entity_ids_[id.value()] = entity_id;
    return {};
  }

  Status read_direct_triples(const Value& node, const std::string& key, RelationType type,
                             const std::string& source, const std::string& pointer) {
    Result<std::vector<std::string>> targets = string_list(node, key, pointer);
    if (!targets.ok()) {
      return targets.status();
    }
    for (std::size_t i = 0; i < targets.value().size(); ++i) {
      direct_.push_back(
          {source, type, targets.value()[i], pointer + pointer_token(key) + pointer_index(i)});
    }
    return {};
  }

  Result<EntityId> entity_ref(const Value& node, std::string_view key,
                              const std::string& pointer) const {
    Result<std::string> iri = string_member(node, key, pointer, true);
    if (!iri.ok()) {
      return iri.status();
    }
    const auto it = entity_ids_.find(iri.value());
    if (it == entity_ids_.end()) {
      return Status(ErrorCode::kSchema, "\"" + iri.value() + "\" is not an entity @id",
                    {.pointer = pointer + pointer_token(key)});
    }
    return it->second;
  }

  Status read_relation(const Value& node, const std::string& pointer) {
    static const std::set<std::string> kKnown = {"@id",     "@type",    "relationType",
                                                 "source",  "target",   "confidence",
                                                 "support", "evidence", "confidenceWeight"};
    for (auto member = node.MemberBegin(); member != node.MemberEnd(); ++member) {
      const std::string key(member->name.GetString(), member->name.GetStringLength());
      if (kKnown.count(key) == 0) {
        return Status(ErrorCode::kSchema, "unknown member \"" + key + "\" on a relation",
                      {.pointer = pointer + pointer_token(key)});
      }
    }
    Result<std::string> id = string_member(node, "@id", pointer, true);
    Result<std::string> type_name = string_member(node, "relationType", pointer, true);
    Result<EntityId> source = entity_ref(node, "source", pointer);
    Result<EntityId> target = entity_ref(node, "target", pointer);
    Result<double> confidence = number_member(node, "confidence", pointer, true);
    Result<std::size_t> support = count_member(node, "support", pointer, false);
    const bool weighed = node.HasMember("confidenceWeight");
    Result<std::size_t> weight = count_member(node, "confidenceWeight", pointer, false);
    for (const Status* s : {&id.status(), &type_name.status(), &source.status(), &target.status(),
                            &confidence.status(), &support.status(), &weight.status()}) {
      if (!s->ok()) {
        return *s;
      }
    }
    const std::optional<RelationType> type = parse_relation_type(type_name.value());
    if (!type) {
      return Status(ErrorCode::kSchema, "\"" + type_name.value() + "\" is not a relation type",
                    {.pointer = pointer + "/relationType"});
    }
    if (Status s = checked_confidence(confidence.value()); !s.ok()) {
      return Status(ErrorCode::kSchema, s.message(), {.pointer = pointer + "/confidence"});
    }
    Relation relation;
    relation.type = *type;
    relation.confidence = confidence.value();
    relation.support = support.value();
    Result<std::uint64_t> checked = checked_weight(
        weighed ? std::optional<std::uint64_t>(weight.value()) : std::nullopt, relation.confidence);
    if (!checked.ok()) {
      return Status(ErrorCode::kSchema, checked.status().message(),
                    {.pointer = pointer + "/confidenceWeight"});
    }
    relation.weight = checked.value();
    if (Status s = object_list(node, "evidence", pointer, read_evidence_fields, relation.evidence);
        !s.ok()) {
      return s;
    }
    relation_keys_.emplace(node["source"].GetString(), *type, node["target"].GetString());
    const std::size_t before = graph_.relation_count();
    graph_.add_relation(source.value(), target.value(), std::move(relation));
    if (graph_.relation_count() != before + 1) {
      return Status(ErrorCode::kSchema,
                    "this relation repeats an earlier one's source, type and target",
                    {.pointer = pointer});
    }
    return {};
  }

  std::string source_;
  KnowledgeGraph graph_;
  std::map<std::string, EntityId> entity_ids_;
  std::vector<DirectTriple> direct_;
  std::set<std::tuple<std::string, RelationType, std::string>> relation_keys_;
};

}  // namespace

Result<KnowledgeGraph> read_jsonld(std::string_view text, std::string_view source_name) {
  return JsonLdReader(source_name).read(text);
}

}  // namespace kgex::exporters
