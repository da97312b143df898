#include "graph/model.h"

#include <algorithm>
#include <cmath>

namespace kgex {
namespace {

constexpr std::array<std::string_view, kEntityTypes.size()> kEntityNames = {
    "Person", "Organization", "Team", "Product", "Tool"};
constexpr std::array<std::string_view, kRelationTypes.size()> kRelationNames = {
    "works_at", "member_of",     "leads",         "founded",    "part_of", "develops",
    "uses",     "competes_with", "partners_with", "invests_in", "acquires"};

}  // namespace

std::string_view to_string(EntityType type) { return kEntityNames[static_cast<int>(type)]; }

std::optional<EntityType> parse_entity_type(std::string_view name) {
  for (std::size_t i = 0; i < kEntityNames.size(); ++i) {
    if (kEntityNames[i] == name) {
      return kEntityTypes[i];
    }
  }
  return std::nullopt;
}

std::string_view to_string(RelationType type) { return kRelationNames[static_cast<int>(type)]; }

std::optional<RelationType> parse_relation_type(std::string_view name) {
  for (std::size_t i = 0; i < kRelationNames.size(); ++i) {
    if (kRelationNames[i] == name) {
      return kRelationTypes[i];
    }
  }
  return std::nullopt;
}

bool is_symmetric(RelationType type) {
  return type == RelationType::kCompetesWith || type == RelationType::kPartnersWith;
}

std::uint64_t confidence_weight(double confidence) {
  if (!(confidence > 0.0)) {
    return 0;  // and NaN
  }
  const double weight = std::ldexp(-std::log1p(-std::min(confidence, 1.0)), kWeightBits);
  if (!(weight < static_cast<double>(kMaxWeight))) {
    return kMaxWeight;
  }
  return static_cast<std::uint64_t>(std::llround(weight));
}

double weight_confidence(std::uint64_t weight) {
  if (weight >= kMaxWeight) {
    return 1.0;
  }
  // Exact: the weight is below 2^53 and the scaling a power of two.
  const double x = std::ldexp(static_cast<double>(weight), -kWeightBits);
  return std::clamp(-std::expm1(-x), 0.0, 1.0);
}

std::uint64_t weight_of(const Relation& relation) {
  return relation.weight ? *relation.weight : confidence_weight(relation.confidence);
}

std::uint64_t add_weights(std::uint64_t a, std::uint64_t b) {
  return std::min(std::min(a, kMaxWeight) + std::min(b, kMaxWeight), kMaxWeight);
}

}  // namespace kgex
