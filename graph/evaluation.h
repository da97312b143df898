// Scoring a graph against a gold annotation (the format and matching rules of
// docs/evaluation.md, identical to the shared score.py):
//  - a predicted entity matches a gold entity of the same type when one of its
//    names shares a name_key() with the gold name or an alias;
//  - a predicted relation matches a gold relation of the same type (or one of
//    its alt_types) whose ends match by name (either way for symmetric types);
//  - optional gold items neither count as missed nor make a prediction wrong.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/knowledge_graph.h"

namespace kgex {

struct GoldEntity {
  std::string name;
  EntityType type = EntityType::kOrganization;
  std::vector<std::string> aliases;
  bool optional = false;
};

struct GoldRelation {
  std::string source;
  RelationType type = RelationType::kUses;
  std::vector<RelationType> alt_types;
  std::string target;
  bool optional = false;
};

struct GoldAnnotation {
  std::string document;  // the text file's name, relative to the gold file
  std::string language;
  std::vector<GoldEntity> entities;
  std::vector<GoldRelation> relations;
};

// Parses a gold file; errors carry the JSON Pointer of the fault.
Result<GoldAnnotation> parse_gold(std::string_view json, const std::string& source_name);

struct EvalCounts {
  int entity_tp = 0;
  int entity_fp = 0;
  int entity_fn = 0;
  int splits = 0;  // gold entities matched by more than one predicted entity
  int relation_tp = 0;
  int relation_fp = 0;
  int relation_fn = 0;

  EvalCounts& operator+=(const EvalCounts& o);
};

struct Prf {
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
};
Prf prf(int tp, int fp, int fn);

struct EvalReport {
  EvalCounts counts;
  std::vector<std::string> wrong_entities;
  std::vector<std::string> missed_entities;
  std::vector<std::string> wrong_relations;
  std::vector<std::string> missed_relations;
};

EvalReport evaluate(const KnowledgeGraph& predicted, const GoldAnnotation& gold);

}  // namespace kgex
