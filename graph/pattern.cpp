// match_pattern(): a small Cypher-shaped pattern language over a KnowledgeGraph.
#include <algorithm>
#include <cctype>
#include <functional>

#include "core/name_key.h"
#include "graph/query.h"

namespace kgex {
namespace {

struct NodePattern {
  std::string var;
  std::optional<EntityType> type;
  std::optional<std::string> name;
};

enum class Direction { kForward, kBackward, kEither };

struct EdgePattern {
  std::string var;
  std::vector<RelationType> types;  // empty: any
  Direction direction = Direction::kEither;
};

struct Parsed {
  std::vector<NodePattern> nodes;
  std::vector<EdgePattern> edges;  // edges[i] joins nodes[i] and nodes[i + 1]
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Parsed> parse() {
    Parsed out;
    if (!node(out)) {
      return error_;
    }
    skip();
    while (pos_ < text_.size()) {
      EdgePattern e;
      if (!edge(e) || !node(out)) {
        return error_;
      }
      out.edges.push_back(std::move(e));
      skip();
    }
    return out;
  }

 private:
  bool fail(const std::string& message) {
    error_ = Status(ErrorCode::kInvalidArgument, message + " at column " + std::to_string(pos_ + 1),
                    {.offset = static_cast<long>(pos_)});
    return false;
  }
  void skip() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
      ++pos_;
    }
  }
  bool eat(char c) {
    skip();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  std::string ident() {
    skip();
    const std::size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }
  bool node(Parsed& out) {
    NodePattern n;
    if (!eat('(')) {
      return fail("expected '(' to start a node");
    }
    n.var = ident();
    if (eat(':')) {
      const std::size_t at = pos_;
      const std::string type = ident();
      n.type = parse_entity_type(type);
      if (!n.type) {
        pos_ = at;
        skip();
        return fail("unknown entity type \"" + type +
                    "\" (Person, Organization, Team, Product, Tool)");
      }
    }
    if (eat('{')) {
      const std::size_t at = pos_;
      if (ident() != "name") {
        pos_ = at;
        skip();
        return fail("only the property name is supported");
      }
      if (!eat(':')) {
        return fail("expected ':' after name");
      }
      skip();
      const char quote = pos_ < text_.size() ? text_[pos_] : '\0';
      if (quote != '"' && quote != '\'') {
        return fail("expected a quoted name");
      }
      const std::size_t end = text_.find(quote, pos_ + 1);
      if (end == std::string_view::npos) {
        return fail("unterminated string");
      }
      n.name = std::string(text_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      if (!eat('}')) {
        return fail("expected '}'");
      }
    }
    if (!eat(')')) {
      return fail("expected ')' to end the node");
    }
    out.nodes.push_back(std::move(n));
    return true;
  }
  bool edge(EdgePattern& e) {
    const bool left = eat('<');
    if (!eat('-')) {
      return fail("expected '-', '<-' or a node");
    }
    if (eat('[')) {
      e.var = ident();
      if (eat(':')) {
        do {
          const std::size_t at = pos_;
          const std::string type = ident();
          auto t = parse_relation_type(type);
          if (!t) {
            pos_ = at;
            skip();
            return fail("unknown relation type \"" + type + "\"");
          }
          e.types.push_back(*t);
        } while (eat('|'));
      }
      if (!eat(']')) {
        return fail("expected ']'");
      }
    }
    if (!eat('-')) {
      return fail("expected '-' after the relation");
    }
    const bool right = eat('>');
    if (left && right) {
      return fail("a relation cannot point both ways");
    }
    e.direction = left ? Direction::kBackward : right ? Direction::kForward : Direction::kEither;
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  Status error_;
};

}  // namespace

Result<PatternMatches> match_pattern(const KnowledgeGraph& graph, std::string_view pattern) {
  Parser parser(pattern);
  Result<Parsed> parsed = parser.parse();
  if (!parsed.ok()) {
    return parsed.status();
  }
  const Parsed& p = parsed.value();
  // Candidates of each node; the search starts from the smallest set.
  const std::vector<EntityId> all = graph.sorted_entities();
  std::vector<std::vector<EntityId>> candidates;
  for (const NodePattern& n : p.nodes) {
    std::vector<EntityId> c;
    const std::vector<EntityId> named = n.name ? graph.find(*n.name) : std::vector<EntityId>{};
    for (EntityId id : all) {
      if ((!n.type || graph.entity(id).type == *n.type) &&
          (!n.name || std::find(named.begin(), named.end(), id) != named.end())) {
        c.push_back(id);
      }
    }
    candidates.push_back(std::move(c));
  }
  std::size_t start = 0;
  for (std::size_t i = 1; i < candidates.size(); ++i) {
    if (candidates[i].size() < candidates[start].size()) {
      start = i;
    }
  }
  std::vector<std::size_t> order = {start};
  for (std::size_t i = start + 1; i < p.nodes.size(); ++i) {
    order.push_back(i);
  }
  for (std::size_t i = start; i-- > 0;) {
    order.push_back(i);
  }
  std::vector<PatternRow> rows;
  std::vector<std::optional<EntityId>> bound(p.nodes.size());
  std::vector<std::optional<RelationView>> edges(p.edges.size());
  auto consistent = [&](std::size_t node, EntityId id) {
    const NodePattern& n = p.nodes[node];
    if (std::find(candidates[node].begin(), candidates[node].end(), id) == candidates[node].end()) {
      return false;
    }
    // The same variable twice must be the same entity.
    for (std::size_t k = 0; k < p.nodes.size(); ++k) {
      if (bound[k] && !n.var.empty() && p.nodes[k].var == n.var && *bound[k] != id) {
        return false;
      }
    }
    return true;
  };
  std::function<void(std::size_t)> extend = [&](std::size_t step) {
    if (step == order.size()) {
      PatternRow row;
      for (std::size_t k = 0; k < p.nodes.size(); ++k) {
        if (!p.nodes[k].var.empty()) {
          row.nodes[p.nodes[k].var] = *bound[k];
        }
      }
      for (std::size_t k = 0; k < p.edges.size(); ++k) {
        if (!p.edges[k].var.empty()) {
          row.edges.emplace(p.edges[k].var, *edges[k]);
        }
      }
      rows.push_back(std::move(row));
      return;
    }
    const std::size_t node = order[step];
    if (step == 0) {
      for (EntityId id : candidates[node]) {
        bound[node] = id;
        extend(step + 1);
      }
      bound[node] = std::nullopt;
      return;
    }
    // Reached from its neighbour on the side already bound.
    const bool from_left = node > start;
    const std::size_t other = from_left ? node - 1 : node + 1;
    const std::size_t edge_index = from_left ? node - 1 : node;
    const EdgePattern& e = p.edges[edge_index];
    const EntityId at = *bound[other];
    // Direction as written, seen from the bound node.
    const bool want_out =
        from_left ? e.direction != Direction::kBackward : e.direction != Direction::kForward;
    const bool want_in =
        from_left ? e.direction != Direction::kForward : e.direction != Direction::kBackward;
    auto try_relation = [&](const RelationView& r, EntityId next) {
      if (!e.types.empty() &&
          std::find(e.types.begin(), e.types.end(), r.relation->type) == e.types.end()) {
        return;
      }
      if (!consistent(node, next)) {
        return;
      }
      bound[node] = next;
      edges[edge_index] = r;
      extend(step + 1);
      bound[node] = std::nullopt;
      edges[edge_index] = std::nullopt;
    };
    if (want_out) {
      for (const RelationView& r : graph.out_relations(at)) {
        try_relation(r, r.target);
      }
    }
    if (want_in) {
      for (const RelationView& r : graph.in_relations(at)) {
        if (!(want_out && r.source == r.target)) {
          try_relation(r, r.source);
        }
      }
    }
  };
  extend(0);
  PatternMatches out;
  auto note = [&out](const std::string& var) {
    if (!var.empty() &&
        std::find(out.variables.begin(), out.variables.end(), var) == out.variables.end()) {
      out.variables.push_back(var);
    }
  };
  for (std::size_t k = 0; k < p.nodes.size(); ++k) {
    note(p.nodes[k].var);
    if (k < p.edges.size()) {
      note(p.edges[k].var);
    }
  }
  out.rows = std::move(rows);
  return out;
}

}  // namespace kgex
