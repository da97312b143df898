// The data model of a kgex knowledge graph: typed entities, typed relations,
// and the evidence that ties each to the text it came from.
//
// Offsets are into the original input document: `bytes` in UTF-8 bytes, `chars`
// in Unicode code points. Both are half-open [begin, end).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
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

// Noisy-or in an integer domain. A reading of confidence c has the weight
// round(-ln(1 - c) * 2^kWeightBits), capped at kMaxWeight (c near 1); independent readings combine
// by adding their weights (saturating at kMaxWeight), and a relation's confidence is
// weight_confidence() of its total weight, 1 - exp(-weight / 2^kWeightBits). Integer addition is
// associative and commutative, so a relation's weight, and with it its confidence, is the same
// whatever order and grouping its readings were combined in: in one run, across -j workers, or
// across files combined by `kgex merge`, which carry the weight.
inline constexpr int kWeightBits = 40;
// The weight of a confidence of 1: exp(-64) is far below a double's precision next to 1, so every
// weight from here up has the confidence 1. Below 2^53, so JSON readers keep it exactly.
inline constexpr std::uint64_t kMaxWeight = std::uint64_t{64} << kWeightBits;

struct Relation {
  RelationType type = RelationType::kUses;
  // In [0, 1]: weight_confidence(*weight) once in a graph (in a graph read from a file, as the
  // file printed it until the relation merges with another).
  double confidence = 0.0;
  std::size_t support = 0;  // how many times the relation was read
  // The readings' weights summed (see kWeightBits). Left empty, the graph takes the relation as
  // one reading of `confidence`: weight = confidence_weight(confidence), and `confidence` becomes
  // weight_confidence(weight). Given, it is the graph's and `confidence` is kept as it is (a file's
  // reader gives both, the confidence rounded as the file prints it).
  std::optional<std::uint64_t> weight;
  std::vector<Evidence> evidence;  // the first kMaxKeptEvidence, sorted
};

// Caps that keep memory bounded on large corpora; counts keep counting past them.
inline constexpr std::size_t kMaxKeptMentions = 32;
inline constexpr std::size_t kMaxKeptEvidence = 8;

// The weight of one reading of `confidence` (clamped to [0, 1]; NaN is 0), at most kMaxWeight.
std::uint64_t confidence_weight(double confidence);
// 1 - exp(-weight / 2^kWeightBits): the confidence of readings whose weights sum to `weight`.
double weight_confidence(std::uint64_t weight);
// The relation's weight, or that of one reading of its confidence when it has none.
std::uint64_t weight_of(const Relation& relation);
// a + b, each and the sum capped at kMaxWeight: associative and commutative.
std::uint64_t add_weights(std::uint64_t a, std::uint64_t b);

}  // namespace kgex
