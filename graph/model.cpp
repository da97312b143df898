#include "graph/model.h"

#include <algorithm>

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

double combine_confidence(double a, double b) {
  a = std::clamp(a, 0.0, 1.0);
  b = std::clamp(b, 0.0, 1.0);
  return std::clamp(1.0 - (1.0 - a) * (1.0 - b), 0.0, 1.0);
}

double combine_confidences(const std::vector<ConfidenceCount>& counts) {
  if (counts.empty()) {
    return 0.0;
  }
  double combined = counts.front().confidence;
  std::size_t skip = 1;  // the first confidence is where combining starts
  for (const auto& [confidence, count] : counts) {
    for (std::size_t i = skip; i < count; ++i) {
      const double next = combine_confidence(combined, confidence);
      if (next == combined) {
        break;  // a fixed point (1.0, say): the rest of this count changes nothing
      }
      combined = next;
    }
    skip = 0;
  }
  return combined;
}

}  // namespace kgex
