#include <algorithm>

#include "exporters/csv.h"
#include "exporters/detail/naming.h"
#include "exporters/detail/text.h"

namespace kgex::exporters {
namespace {

void write_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out << (i > 0 ? "," : "") << csv_field(fields[i]);
  }
  out << '\n';
}

// A string[] value: the items joined with ';', neo4j-admin's array delimiter,
// which has no escape, so a ';' inside an item becomes ','.
template <typename Strings>
std::string array_field(const Strings& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string item(items[i]);
    std::replace(item.begin(), item.end(), ';', ',');
    out += (i > 0 ? ";" : "") + item;
  }
  return out;
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string clean = clean_text(text);
  if (clean.find_first_of(",\"\r\n") == std::string::npos) {
    return clean;
  }
  std::string out = "\"";
  for (const char c : clean) {
    out += c == '"' ? "\"\"" : std::string(1, c);
  }
  return out + "\"";
}

Status write_csv_nodes(const KnowledgeGraph& graph, const GraphIds& ids, std::ostream& out) {
  write_row(out, {"id:ID", "name", ":LABEL", "aliases:string[]", "mentions:int"});
  for (const EntityId id : graph.sorted_entities()) {
    const Entity& entity = graph.entity(id);
    write_row(out, {ids.entity(id), entity.name, std::string(to_string(entity.type)),
                    array_field(entity.aliases), std::to_string(entity.mention_count)});
  }
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write the CSV nodes file");
  }
  return {};
}

Status write_csv_relationships(const KnowledgeGraph& graph, const GraphIds& ids,
                               std::ostream& out) {
  write_row(out, {":START_ID", ":END_ID", ":TYPE", "confidence:float", "support:int", "evidence",
                  "documents:string[]"});
  for (const RelationView& view : graph.relations()) {
    const Relation& relation = *view.relation;
    write_row(out, {ids.entity(view.source), ids.entity(view.target),
                    std::string(to_string(relation.type)), format_decimal(relation.confidence),
                    std::to_string(relation.support), join(display_sentences(relation), "\n"),
                    array_field(evidence_documents(relation))});
  }
  if (!out) {
    return Status(ErrorCode::kIo, "cannot write the CSV relationships file");
  }
  return {};
}

}  // namespace kgex::exporters
