#include "extractor/match/gazetteer.h"

#include <algorithm>

namespace kgex {
namespace {

constexpr char kSep = '\x1f';

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

Gazetteer::Gazetteer(const RuleSet& rules) : rules_(rules) {
  const KnownWord keep_whole = [](std::string_view) { return true; };
  // Folding was a fifth of the start-up, so nothing is folded twice: a name's tokens keep the
  // folded form the tokenizer made (that of the whole token when it has no particle), and the
  // folded name is put together from them and the folded text between them (case folding
  // works code point by code point).
  const auto folded_surface = [](const std::string& name, const Token& t) {
    return t.particle.empty() ? t.folded : fold_case(name.substr(t.begin, t.end - t.begin));
  };
  std::size_t names = 0;
  for (const GazetteerEntry& e : rules.gazetteer) {
    names += 1 + e.aliases.size();
  }
  index_.reserve(names + names / 4);
  name_words_.reserve(names + rules.stoplist.size());
  known_words_.reserve(names);
  std::string folded_name;
  std::string key;
  std::vector<std::string> folded_tokens;
  for (std::uint32_t i = 0; i < rules.gazetteer.size(); ++i) {
    const GazetteerEntry& e = rules.gazetteer[i];
    for (std::size_t n = 0; n <= e.aliases.size(); ++n) {
      const std::string& name = n < e.aliases.size() ? e.aliases[n] : e.name;
      std::vector<Token> tokens =
          tokenize(name, 0, static_cast<std::uint32_t>(name.size()), keep_whole);
      folded_name.clear();
      folded_tokens.clear();
      std::uint32_t folded_to = 0;
      for (const Token& t : tokens) {
        folded_name += fold_case(std::string_view(name).substr(folded_to, t.begin - folded_to));
        folded_tokens.push_back(folded_surface(name, t));
        folded_name += folded_tokens.back();
        folded_to = t.end;
      }
      folded_name += fold_case(std::string_view(name).substr(folded_to));
      if (rules.stoplist.contains(folded_name) || tokens.empty()) {
        continue;
      }
      key.clear();
      bool all_hangul = true;
      for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (!key.empty()) {
          index_[key].prefix = true;
          key.push_back(kSep);
        }
        key += folded_tokens[k];
        all_hangul = all_hangul && tokens[k].script == Script::kHangul;
      }
      const Variant v{i, e.exact_case ? without_spaces(name) : std::string()};
      index_[key].variants.push_back(v);
      if (tokens.size() > 1 && all_hangul) {
        index_[without_spaces(folded_name)].variants.push_back(v);  // 샘올트먼 for 샘 올트먼
        for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
          known_words_.insert(folded_tokens[k]);
        }
      }
      if (tokens.size() == 1) {
        name_words_.insert(folded_name);
        if (tokens[0].script == Script::kHangul) {
          known_words_.insert(folded_name);
        }
      }
      max_tokens_ = std::max<std::uint32_t>(max_tokens_, static_cast<std::uint32_t>(tokens.size()));
    }
  }
  for (const std::string& w : rules.stoplist) {
    name_words_.insert(w);
  }
  for (const auto& entry : index_) {
    index_bits_.add(entry.first);
  }
  for (const std::string& w : known_words_) {
    known_bits_.add(w);
  }
  for (const std::string& w : name_words_) {
    name_bits_.add(w);
  }
}

bool Gazetteer::accept(const Variant& v, const std::vector<Token>& tokens, std::uint32_t begin,
                       std::uint32_t end, std::string_view text) const {
  const GazetteerEntry& e = rules_.gazetteer[v.entry];
  if (!v.exact.empty()) {
    std::string written;
    for (std::uint32_t k = begin; k < end; ++k) {
      written += tokens[k].text;
      if (k + 1 < end) {
        written += text.substr(tokens[k].base_end, tokens[k + 1].begin - tokens[k].base_end);
      }
    }
    if (without_spaces(written) != v.exact) {
      return false;
    }
  }
  if (!e.context.empty()) {
    const std::uint32_t lo = begin > static_cast<std::uint32_t>(e.window) ? begin - e.window : 0;
    const std::uint32_t hi =
        std::min<std::uint32_t>(static_cast<std::uint32_t>(tokens.size()), end + e.window);
    for (std::uint32_t k = lo; k < hi; ++k) {
      if ((k < begin || k >= end) && e.context.contains(tokens[k].folded)) {
        return true;
      }
    }
    return false;
  }
  return true;
}

std::optional<GazetteerMatch> Gazetteer::match_at(const std::vector<Token>& tokens,
                                                  std::uint32_t at, std::string_view text) const {
  // Walk forward while the tokens so far begin some name, noting each length
  // that is a whole name; then take the longest that an entry accepts. A token
  // with a particle ends the walk and is looked up both by its base form and by
  // its whole surface.
  struct Hit {
    std::uint32_t len;
    const std::vector<Variant>* variants;
  };
  thread_local std::vector<Hit> hits;
  thread_local std::string key;
  hits.clear();
  key.clear();
  const auto n = static_cast<std::uint32_t>(tokens.size());
  for (std::uint32_t len = 1; len <= max_tokens_ && at + len <= n; ++len) {
    const Token& last = tokens[at + len - 1];
    if (last.particle_only()) {
      break;
    }
    const std::size_t mark = key.size();
    key += last.folded;
    const auto found = index_bits_.may_contain(key) ? index_.find(key) : index_.end();
    if (found != index_.end() && !found->second.variants.empty()) {
      hits.push_back({len, &found->second.variants});
    }
    if (!last.particle.empty()) {
      key.resize(mark);
      key += fold_case(text.substr(last.begin, last.end - last.begin));
      if (auto it = index_bits_.may_contain(key) ? index_.find(key) : index_.end();
          it != index_.end() && !it->second.variants.empty()) {
        hits.push_back({len, &it->second.variants});  // tried before the base form
      }
      break;
    }
    if (found == index_.end() || !found->second.prefix) {
      break;
    }
    key.push_back(kSep);
  }
  for (std::size_t i = hits.size(); i-- > 0;) {  // longest first
    const std::uint32_t end = at + hits[i].len;
    for (const Variant& v : *hits[i].variants) {
      if (accept(v, tokens, at, end, text)) {
        return GazetteerMatch{at, end, v.entry};
      }
    }
  }
  return std::nullopt;
}

std::vector<GazetteerMatch> Gazetteer::match_all(const std::vector<Token>& tokens,
                                                 std::string_view text) const {
  std::vector<GazetteerMatch> out;
  for (std::uint32_t i = 0; i < tokens.size();) {
    if (auto m = match_at(tokens, i, text)) {
      out.push_back(*m);
      i = m->end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace kgex
