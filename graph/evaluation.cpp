#include "graph/evaluation.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/name_key.h"

namespace kgex {
namespace {

using rapidjson::Value;

std::set<std::string> keys_of(const std::string& name, const std::vector<std::string>& aliases) {
  std::set<std::string> keys = {name_key(name)};
  for (const std::string& a : aliases) {
    keys.insert(name_key(a));
  }
  keys.erase(std::string());
  return keys;
}

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&b](const std::string& k) { return b.contains(k); });
}

Status error(const std::string& source, const std::string& pointer, const std::string& message) {
  return Status(ErrorCode::kSchema, message, {.file = source, .pointer = pointer});
}

std::string str(const Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

}  // namespace

EvalCounts& EvalCounts::operator+=(const EvalCounts& o) {
  entity_tp += o.entity_tp;
  entity_fp += o.entity_fp;
  entity_fn += o.entity_fn;
  splits += o.splits;
  relation_tp += o.relation_tp;
  relation_fp += o.relation_fp;
  relation_fn += o.relation_fn;
  return *this;
}

Prf prf(int tp, int fp, int fn) {
  Prf out;
  out.precision = tp + fp > 0 ? static_cast<double>(tp) / (tp + fp) : 0.0;
  out.recall = tp + fn > 0 ? static_cast<double>(tp) / (tp + fn) : 0.0;
  const double sum = out.precision + out.recall;
  out.f1 = sum > 0 ? 2 * out.precision * out.recall / sum : 0.0;
  return out;
}

Result<GoldAnnotation> parse_gold(std::string_view json, const std::string& source) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (doc.HasParseError()) {
    return Status(ErrorCode::kParse,
                  std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()),
                  {.file = source, .offset = static_cast<long>(doc.GetErrorOffset())});
  }
  if (!doc.IsObject()) {
    return error(source, "/", "a gold file is a JSON object");
  }
  GoldAnnotation gold;
  if (!doc.HasMember("document") || !doc["document"].IsString()) {
    return error(source, "/document", "missing or not a string");
  }
  gold.document = str(doc["document"]);
  if (doc.HasMember("language") && doc["language"].IsString()) {
    gold.language = str(doc["language"]);
  }
  if (!doc.HasMember("entities") || !doc["entities"].IsArray()) {
    return error(source, "/entities", "missing or not an array");
  }
  const auto& ents = doc["entities"].GetArray();
  for (rapidjson::SizeType i = 0; i < ents.Size(); ++i) {
    const std::string at = "/entities/" + std::to_string(i);
    const Value& e = ents[i];
    if (!e.IsObject() || !e.HasMember("name") || !e["name"].IsString() || !e.HasMember("type") ||
        !e["type"].IsString()) {
      return error(source, at, "an entity needs a string name and type");
    }
    GoldEntity g;
    g.name = str(e["name"]);
    auto type = parse_entity_type(str(e["type"]));
    if (!type) {
      return error(source, at + "/type", "unknown entity type \"" + str(e["type"]) + "\"");
    }
    g.type = *type;
    if (e.HasMember("aliases") && e["aliases"].IsArray()) {
      for (const auto& a : e["aliases"].GetArray()) {
        if (a.IsString()) {
          g.aliases.push_back(str(a));
        }
      }
    }
    g.optional = e.HasMember("optional") && e["optional"].IsBool() && e["optional"].GetBool();
    gold.entities.push_back(std::move(g));
  }
  if (doc.HasMember("relations") && doc["relations"].IsArray()) {
    const auto& rels = doc["relations"].GetArray();
    for (rapidjson::SizeType i = 0; i < rels.Size(); ++i) {
      const std::string at = "/relations/" + std::to_string(i);
      const Value& r = rels[i];
      if (!r.IsObject() || !r.HasMember("source") || !r["source"].IsString() ||
          !r.HasMember("target") || !r["target"].IsString() || !r.HasMember("type") ||
          !r["type"].IsString()) {
        return error(source, at, "a relation needs string source, type and target");
      }
      GoldRelation g;
      g.source = str(r["source"]);
      g.target = str(r["target"]);
      auto type = parse_relation_type(str(r["type"]));
      if (!type) {
        return error(source, at + "/type", "unknown relation type \"" + str(r["type"]) + "\"");
      }
      g.type = *type;
      if (r.HasMember("alt_types") && r["alt_types"].IsArray()) {
        for (const auto& a : r["alt_types"].GetArray()) {
          if (a.IsString()) {
            if (auto alt = parse_relation_type(str(a))) {
              g.alt_types.push_back(*alt);
            }
          }
        }
      }
      g.optional = r.HasMember("optional") && r["optional"].IsBool() && r["optional"].GetBool();
      const bool known_ends =
          std::any_of(gold.entities.begin(), gold.entities.end(),
                      [&](const GoldEntity& e) { return e.name == g.source; }) &&
          std::any_of(gold.entities.begin(), gold.entities.end(),
                      [&](const GoldEntity& e) { return e.name == g.target; });
      if (!known_ends) {
        return error(source, at, "source and target must be names of entities of this file");
      }
      gold.relations.push_back(std::move(g));
    }
  }
  return gold;
}

EvalReport evaluate(const KnowledgeGraph& predicted, const GoldAnnotation& gold) {
  EvalReport report;
  EvalCounts& c = report.counts;
  std::vector<std::set<std::string>> gold_keys;
  std::map<std::string, std::size_t> gold_by_name;
  for (std::size_t i = 0; i < gold.entities.size(); ++i) {
    gold_keys.push_back(keys_of(gold.entities[i].name, gold.entities[i].aliases));
    gold_by_name.emplace(gold.entities[i].name, i);
  }
  std::vector<int> hits(gold.entities.size(), 0);
  std::vector<std::set<std::string>> pred_keys(predicted.entity_count());
  for (EntityId id : predicted.sorted_entities()) {
    const Entity& e = predicted.entity(id);
    pred_keys[id] = keys_of(e.name, e.aliases);
    bool any = false;
    bool required = false;
    for (std::size_t g = 0; g < gold.entities.size(); ++g) {
      if (gold.entities[g].type == e.type && intersects(pred_keys[id], gold_keys[g])) {
        any = true;
        required = required || !gold.entities[g].optional;
        ++hits[g];
      }
    }
    if (!any) {
      ++c.entity_fp;
      report.wrong_entities.push_back(std::string(to_string(e.type)) + ":" + e.name);
    } else if (required) {
      ++c.entity_tp;
    }
  }
  for (std::size_t g = 0; g < gold.entities.size(); ++g) {
    if (gold.entities[g].optional) {
      continue;
    }
    if (hits[g] == 0) {
      ++c.entity_fn;
      report.missed_entities.push_back(std::string(to_string(gold.entities[g].type)) + ":" +
                                       gold.entities[g].name);
    } else if (hits[g] > 1) {
      ++c.splits;
    }
  }
  auto matches = [&](EntityId id, const std::string& gold_name) {
    auto it = gold_by_name.find(gold_name);
    return it != gold_by_name.end() && intersects(pred_keys[id], gold_keys[it->second]);
  };
  std::set<std::size_t> found;
  for (const RelationView& r : predicted.relations()) {
    const RelationType type = r.relation->type;
    bool any = false;
    for (std::size_t i = 0; i < gold.relations.size(); ++i) {
      const GoldRelation& gr = gold.relations[i];
      const bool type_ok = gr.type == type || std::find(gr.alt_types.begin(), gr.alt_types.end(),
                                                        type) != gr.alt_types.end();
      if (!type_ok) {
        continue;
      }
      const bool forward = matches(r.source, gr.source) && matches(r.target, gr.target);
      const bool backward =
          is_symmetric(type) && matches(r.source, gr.target) && matches(r.target, gr.source);
      if (forward || backward) {
        any = true;
        found.insert(i);
      }
    }
    if (!any) {
      ++c.relation_fp;
      report.wrong_relations.push_back(predicted.entity(r.source).name + " " +
                                       std::string(to_string(type)) + " " +
                                       predicted.entity(r.target).name);
    }
  }
  for (std::size_t i = 0; i < gold.relations.size(); ++i) {
    const GoldRelation& gr = gold.relations[i];
    if (gr.optional) {
      continue;
    }
    if (found.contains(i)) {
      ++c.relation_tp;
    } else {
      ++c.relation_fn;
      report.missed_relations.push_back(gr.source + " " + std::string(to_string(gr.type)) + " " +
                                        gr.target);
    }
  }
  return report;
}

}  // namespace kgex
