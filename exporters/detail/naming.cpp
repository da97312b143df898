#include "exporters/detail/naming.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <unordered_set>

#include "exporters/detail/text.h"

namespace kgex::exporters {
namespace {

bool kept_in_slug(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
         (cp >= 0xAC00 && cp <= 0xD7A3) ||  // Hangul syllables
         (cp >= 0x4E00 && cp <= 0x9FA5) ||  // CJK unified ideographs
         (cp >= 0x3041 && cp <= 0x3094) ||  // Hiragana
         (cp >= 0x30A1 && cp <= 0x30FA);    // Katakana
}

std::string slug(std::string_view name) {
  std::string out;
  bool pending_dash = false;
  std::size_t pos = 0;
  while (pos < name.size()) {
    const std::size_t start = pos;
    std::optional<char32_t> cp = next_code_point(name, pos);
    if (cp && *cp >= 'A' && *cp <= 'Z') {
      cp = *cp - 'A' + 'a';
    }
    if (!cp || !kept_in_slug(*cp)) {
      pending_dash = true;
      continue;
    }
    if (pending_dash && !out.empty()) {
      out.push_back('-');
    }
    pending_dash = false;
    if (*cp < 0x80) {
      out.push_back(static_cast<char>(*cp));
    } else {
      out.append(name.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace

GraphIds::GraphIds(const KnowledgeGraph& graph) : ids_(graph.entity_count()) {
  // The ids given so far, as views of ids_, whose strings stay where they are: a hash set of
  // views instead of a tree of copies, looked up once for an id that is free.
  std::unordered_set<std::string_view> used;
  used.reserve(ids_.size());
  for (const EntityId id : graph.sorted_entities()) {
    const Entity& entity = graph.entity(id);
    std::string base(type_slug(entity.type));
    // From the name as written (clean_text), so a file read back gets the same ids.
    if (const std::string s = slug(clean_text(entity.name)); !s.empty()) {
      base += "-" + s;
    }
    std::string candidate = base;
    for (int n = 2; used.contains(candidate); ++n) {
      candidate = base + "-" + std::to_string(n);
    }
    ids_[id] = std::move(candidate);
    used.insert(ids_[id]);
  }
}

std::string GraphIds::relation(const RelationView& view) const {
  const std::string& source = ids_[view.source];
  const std::string& target = ids_[view.target];
  const std::string_view type = to_string(view.relation->type);
  constexpr std::string_view kJoin = "--";
  // One allocation, where the chain of operator+ made a string at each step.
  std::string id;
  id.reserve(source.size() + type.size() + target.size() + 2 * kJoin.size());
  id.append(source).append(kJoin).append(type).append(kJoin).append(target);
  return id;
}

std::string_view type_slug(EntityType type) {
  static constexpr std::array<std::string_view, kEntityTypes.size()> kSlugs = {
      "person", "organization", "team", "product", "tool"};
  return kSlugs[static_cast<std::size_t>(type)];
}

Rgb type_color(EntityType type) {
  static constexpr std::array<Rgb, kEntityTypes.size()> kColors = {{
      {66, 133, 244},  // Person: blue
      {219, 68, 55},   // Organization: red
      {244, 160, 0},   // Team: amber
      {15, 157, 88},   // Product: green
      {142, 36, 170},  // Tool: purple
  }};
  return kColors[static_cast<std::size_t>(type)];
}

std::string hex_color(Rgb color) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", color.r & 0xFF, color.g & 0xFF,
                color.b & 0xFF);
  return buffer;
}

std::vector<double> node_sizes(const KnowledgeGraph& graph) {
  std::vector<std::size_t> degree(graph.entity_count());
  for (const RelationView& view : graph.relations()) {
    ++degree[view.source];
    ++degree[view.target];
  }
  std::vector<double> sizes(graph.entity_count());
  for (EntityId id = 0; id < sizes.size(); ++id) {
    const std::size_t mentions = graph.entity(id).mention_count;
    const std::size_t n = mentions > 0 ? mentions : degree[id];
    sizes[id] = 10.0 + 4.0 * std::sqrt(static_cast<double>(n));
  }
  return sizes;
}

std::vector<std::string_view> display_sentences(const Relation& relation) {
  std::vector<std::string_view> out;
  for (const Evidence& evidence : relation.evidence) {
    if (out.size() == kDisplayedEvidence) {
      break;
    }
    if (!evidence.sentence.empty() &&
        std::find(out.begin(), out.end(), evidence.sentence) == out.end()) {
      out.emplace_back(evidence.sentence);
    }
  }
  return out;
}

std::vector<std::string_view> evidence_documents(const Relation& relation) {
  std::vector<std::string_view> documents;
  documents.reserve(relation.evidence.size());
  for (const Evidence& evidence : relation.evidence) {
    if (!evidence.document.empty()) {
      documents.emplace_back(evidence.document);
    }
  }
  std::sort(documents.begin(), documents.end());
  documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
  return documents;
}

std::string join(const std::vector<std::string_view>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out.append(separator);
    }
    out.append(parts[i]);
  }
  return out;
}

}  // namespace kgex::exporters
