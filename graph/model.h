// The data model of a kgex knowledge graph: typed entities, typed relations,
// and the evidence that ties each to the text it came from.
//
// Offsets are into the original input document: `bytes` in UTF-8 bytes, `chars`
// in Unicode code points. Both are half-open [begin, end).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kgex {

enum class EntityType { kPerson, kOrganization, kTeam, kProduct, kTool };
inline constexpr std::array<EntityType, 5> kEntityTypes = {
    EntityType::kPerson, EntityType::kOrganization, EntityType::kTeam, EntityType::kProduct,
    EntityType::kTool};

// The closed list of FORMAT.md. Symmetric types: competes_with, partners_with.
enum class RelationType {
  kWorksAt,
  kMemberOf,
  kLeads,
  kFounded,
  kPartOf,
  kDevelops,
  kUses,
  kCompetesWith,
  kPartnersWith,
  kInvestsIn,
  kAcquires,
};
inline constexpr std::array<RelationType, 11> kRelationTypes = {
    RelationType::kWorksAt,   RelationType::kMemberOf,     RelationType::kLeads,
    RelationType::kFounded,   RelationType::kPartOf,       RelationType::kDevelops,
    RelationType::kUses,      RelationType::kCompetesWith, RelationType::kPartnersWith,
    RelationType::kInvestsIn, RelationType::kAcquires};

// "Person", "Organization", ...; parse_* is exact and returns nullopt for unknown names.
std::string_view to_string(EntityType type);
std::optional<EntityType> parse_entity_type(std::string_view name);
// "works_at", "member_of", ...
std::string_view to_string(RelationType type);
std::optional<RelationType> parse_relation_type(std::string_view name);
bool is_symmetric(RelationType type);

// NOLINT(modernize-use-nullptr) below: clang-tidy 14 reports the 0 that a defaulted <=> compares
// with, a false positive.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
  auto operator<=>(const Span&) const = default;  // NOLINT(modernize-use-nullptr)
};

// One occurrence of an entity in a document.
struct Mention {
  std::string document;
  Span bytes;
  Span chars;
  bool operator==(const Mention&) const = default;
  auto operator<=>(const Mention&) const = default;  // NOLINT(modernize-use-nullptr)
};

// Why a relation is believed: the sentence that states it and the rule that read it.
struct Evidence {
  std::string document;
  std::string sentence;  // the sentence text as it stands in the original document
  Span bytes;            // the sentence's offsets in the document
  Span chars;
  std::string rule;  // id of the rule that produced the relation; may be empty
  double confidence = 0.0;
  bool operator==(const Evidence&) const = default;
  auto operator<=>(const Evidence&) const = default;  // NOLINT(modernize-use-nullptr)
};

struct Entity {
  std::string name;  // canonical name, as displayed
  EntityType type = EntityType::kOrganization;
  std::vector<std::string> aliases;  // other surface forms; never contains `name`
  std::size_t mention_count = 0;     // all mentions seen, even those not kept below
  std::vector<Mention> mentions;     // the first kMaxKeptMentions, sorted
};

// A confidence a relation was read with, and how many times.
struct ConfidenceCount {
  double confidence = 0.0;
  std::size_t count = 0;
};

struct Relation {
  RelationType type = RelationType::kUses;
  double confidence = 0.0;         // in [0, 1]; independent evidence combines by noisy-or
  std::size_t support = 0;         // how many times the relation was read
  std::vector<Evidence> evidence;  // the first kMaxKeptEvidence, sorted
  // The confidences combined into `confidence`, each once with its count, ascending; empty
  // while the relation holds a single one (`confidence`). Floating-point noisy-or is not
  // associative, so the graph keeps these and combines them in this order: `confidence` is
  // then the same whatever order relations and graphs are merged in.
  std::vector<ConfidenceCount> combined;
};

// Caps that keep memory bounded on large corpora; counts keep counting past them.
inline constexpr std::size_t kMaxKeptMentions = 32;
inline constexpr std::size_t kMaxKeptEvidence = 8;

// 1 - (1 - a)(1 - b), clamped to [0, 1].
double combine_confidence(double a, double b);
// The confidences of `counts` combined one at a time by combine_confidence, from the smallest
// up; a single confidence is returned as it is, and none gives 0.
double combine_confidences(const std::vector<ConfidenceCount>& counts);

}  // namespace kgex
