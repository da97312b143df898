#include "extractor/match/gazetteer.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <span>

#include "core/group_by_key.h"
#include "extractor/match/name_form.h"

namespace kgex {
namespace {

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
  std::size_t names = 0;
  std::size_t chars = 0;
  for (const GazetteerEntry e : rules.gazetteer) {
    const GazetteerAliases aliases = e.aliases();
    names += 1 + aliases.size();
    chars += e.name().size();
    for (std::size_t a = 0; a < aliases.size(); ++a) {
      chars += aliases[a].size();
    }
  }
  keys_.reserve(names + names / 4, 2 * chars);
  name_words_.reserve(names + rules.stoplist.size(), chars);
  known_words_.reserve(names + rules.stoplist.size(), chars);
  // The variants of each key, in the order they are found; grouped by key at the end.
  struct Variant {
    std::uint32_t entry;
    std::uint32_t exact;  // offset and size in `exact`
    std::uint32_t exact_size;
    std::uint32_t needs_context;
  };
  std::vector<std::pair<std::uint32_t, Variant>> found;
  found.reserve(names + names / 4);
  std::string exact;
  std::vector<bool> prefix;
  const auto key_id = [this, &prefix](std::string_view key) {
    const std::uint32_t id = keys_.insert(key);
    if (id == prefix.size()) {
      prefix.push_back(false);
    }
    return id;
  };
  // The built-in pack comes first and its names' forms were worked out by the build; a name
  // that is not the next of those (another pack's, or any name with --no-default-rules) is
  // tokenized here.
  const std::size_t builtin = builtin_name_form_count();
  std::size_t next_builtin = 0;
  NameForm computed;
  std::vector<std::string_view> tokens;
  std::string key;
  for (std::uint32_t i = 0; i < rules.gazetteer.size(); ++i) {
    const GazetteerEntry e = rules.gazetteer[i];
    const GazetteerAliases aliases = e.aliases();
    for (std::size_t n = 0; n <= aliases.size(); ++n) {
      const std::string_view name = n < aliases.size() ? aliases[n] : e.name();
      std::string_view folded;
      bool all_hangul = false;
      tokens.clear();
      BuiltinNameForm form;
      if (next_builtin < builtin && (form = builtin_name_form(next_builtin)).name == name) {
        ++next_builtin;
        folded = form.folded;
        all_hangul = form.all_hangul;
        for (std::size_t from = 0; from < form.key.size();) {
          const std::size_t to = std::min(form.key.find(kNameKeySeparator, from), form.key.size());
          tokens.push_back(form.key.substr(from, to - from));
          from = to + 1;
        }
      } else {
        computed = name_form(name);
        folded = computed.folded;
        all_hangul = computed.all_hangul;
        tokens.assign(computed.tokens.begin(), computed.tokens.end());
      }
      if (rules.stoplist.contains(folded) || tokens.empty()) {
        continue;
      }
      key.clear();
      for (const std::string_view token : tokens) {
        if (!key.empty()) {
          prefix[key_id(key)] = true;
          key.push_back(kNameKeySeparator);
        }
        key += token;
      }
      const bool needs_context =
          !e.context().empty() && (e.context_forms().empty() || e.context_forms().contains(folded));
      Variant v{i, 0, 0, needs_context ? 1U : 0U};
      if (e.exact_case()) {
        v.exact = static_cast<std::uint32_t>(exact.size());
        exact += without_spaces(name);
        v.exact_size = static_cast<std::uint32_t>(exact.size()) - v.exact;
      }
      found.emplace_back(key_id(key), v);
      if (tokens.size() > 1 && all_hangul) {
        found.emplace_back(key_id(without_spaces(folded)), v);  // 샘올트먼 for 샘 올트먼
        for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
          known_words_.insert(tokens[k]);
        }
        // The last word too, when it is longer than a syllable: bare, "알트만" in "샘 알트만
        // CEO" is not "알트" with 만 ("only"); with a particle it is still split. A one-syllable
        // last word may be a particle of its own (이, 도).
        if (tokens.back().size() > 3) {
          known_words_.insert(tokens.back());
        }
      }
      if (tokens.size() == 1) {
        name_words_.insert(folded);
        if (all_hangul) {
          known_words_.insert(folded);
        }
      }
      max_tokens_ = std::max<std::uint32_t>(max_tokens_, static_cast<std::uint32_t>(tokens.size()));
    }
  }
  // A Hangul stop word is whole too: "일본법인" is not "일본법" with the copula 인.
  for (const std::string_view w : rules.stoplist) {
    name_words_.insert(w);
    const NameForm form = name_form(w);
    if (form.all_hangul && form.tokens.size() == 1) {
      known_words_.insert(w);
    }
  }
  // Grouped by key; each key keeps its variants in the order they were found.
  std::vector<std::uint32_t>& variants = variants_.own();
  variants.resize(kVariantSize * found.size());
  group_by_key(found, keys_.size(), first_variant_.own(),
               [&variants](std::uint32_t at, const Variant& v) {
                 const std::size_t i = kVariantSize * std::size_t{at};
                 variants[i] = v.entry;
                 variants[i + 1] = v.exact;
                 variants[i + 2] = v.exact_size;
                 variants[i + 3] = v.needs_context;
               });
  std::vector<std::uint32_t>& prefix_bits = prefix_.own();
  prefix_bits.assign((prefix.size() + 31) / 32, 0);
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (prefix[k]) {
      prefix_bits[k / 32] |= std::uint32_t{1} << (k % 32);
    }
  }
  exact_.own().assign(exact.begin(), exact.end());
  for (std::uint32_t k = 0; k < keys_.size(); ++k) {
    keys_bits_.add(keys_.key(k));
  }
  std::vector<std::uint32_t>& by_bytes = by_bytes_.own();
  by_bytes.resize(keys_.size());
  std::iota(by_bytes.begin(), by_bytes.end(), 0);
  std::ranges::sort(by_bytes, std::less<>{}, [this](std::uint32_t k) { return keys_.key(k); });
  for (std::uint32_t k = 0; k < known_words_.size(); ++k) {
    known_bits_.add(known_words_.key(k));
  }
  for (std::uint32_t k = 0; k < name_words_.size(); ++k) {
    name_bits_.add(name_words_.key(k));
  }
}

Gazetteer::Gazetteer(const RuleSet& rules, ImageReader& tables)
    : rules_(rules),
      keys_(tables.index()),
      keys_bits_(tables.bits()),
      prefix_(tables.u32s()),
      first_variant_(tables.u32s()),
      variants_(tables.u32s()),
      exact_(std::span<const char>(tables.str())),
      known_words_(tables.index()),
      known_bits_(tables.bits()),
      name_words_(tables.index()),
      name_bits_(tables.bits()),
      max_tokens_(tables.u32()),
      by_bytes_(tables.u32s()) {}

void Gazetteer::write_tables(ImageWriter& out) const {
  out.index(keys_);
  out.bits(keys_bits_);
  out.u32s(prefix_.view());
  out.u32s(first_variant_.view());
  out.u32s(variants_.view());
  out.str(std::string_view(exact_.view().data(), exact_.view().size()));
  out.index(known_words_);
  out.bits(known_bits_);
  out.index(name_words_);
  out.bits(name_bits_);
  out.u32(max_tokens_);
  out.u32s(by_bytes_.view());
}

std::uint32_t Gazetteer::key_of(std::string_view folded) const {
  if (const std::uint32_t key = find_key(folded); key != StringIndex::kAbsent) {
    return key;
  }
  const std::span<const std::uint32_t> by_bytes = by_bytes_.view();
  const auto first = std::ranges::lower_bound(by_bytes, folded, std::less<>{},
                                              [this](std::uint32_t k) { return keys_.key(k); });
  return first != by_bytes.end() && keys_.key(*first).starts_with(folded) ? StringIndex::kAbsent
                                                                          : kNoKeyStarts;
}

std::optional<std::uint32_t> Gazetteer::one_word_entry(std::string_view folded) const {
  const std::uint32_t k = find_key(folded);
  if (k == StringIndex::kAbsent) {
    return std::nullopt;
  }
  const std::span<const std::uint32_t> first = first_variant_.view();
  const std::span<const std::uint32_t> variants = variants_.view();
  std::optional<std::uint32_t> entry;
  for (std::uint32_t v = first[k]; v < first[k + 1]; ++v) {
    const std::span<const std::uint32_t> variant = variants.subspan(kVariantSize * v, kVariantSize);
    if (variant[2] > 0 || variant[3] != 0 || (entry && *entry != variant[0])) {
      return std::nullopt;
    }
    entry = variant[0];
  }
  return entry;
}

bool Gazetteer::accept(std::uint32_t v, const std::vector<Token>& tokens, std::uint32_t begin,
                       std::uint32_t end, std::string_view text,
                       std::span<const std::uint32_t> confirmed, bool* held_back) const {
  const std::span<const std::uint32_t> variant = variants_.view().subspan(kVariantSize * v);
  const GazetteerEntry e = rules_.gazetteer[variant[0]];
  if (variant[2] > 0) {
    const std::span<const char> exact = exact_.view().subspan(variant[1], variant[2]);
    std::string written;
    for (std::uint32_t k = begin; k < end; ++k) {
      written += tokens[k].text;
      if (k + 1 < end) {
        written += text.substr(tokens[k].base_end, tokens[k + 1].begin - tokens[k].base_end);
      }
    }
    if (without_spaces(written) != std::string_view(exact.data(), exact.size())) {
      return false;
    }
  }
  if (variant[3] != 0 && !std::binary_search(confirmed.begin(), confirmed.end(), variant[0])) {
    const WordSet& context = e.context();
    const auto window = static_cast<std::uint32_t>(e.window());
    const std::uint32_t lo = begin > window ? begin - window : 0;
    const std::uint32_t hi =
        std::min<std::uint32_t>(static_cast<std::uint32_t>(tokens.size()), end + window);
    // A Korean word is read with its ending: "작성" is in "작성했고", "개발" in "개발팀". Hangul
    // syllables are three bytes each.
    constexpr std::size_t kSyllable = 3;
    const auto in_context = [&](const Token& t) {
      if (context.contains(t.folded)) {
        return true;
      }
      if (t.script != Script::kHangul) {
        return false;
      }
      for (std::size_t n = kSyllable; n < t.folded.size(); n += kSyllable) {
        if (context.contains(std::string_view(t.folded).substr(0, n))) {
          return true;
        }
      }
      return false;
    };
    for (std::uint32_t k = lo; k < hi; ++k) {
      if ((k < begin || k >= end) && in_context(tokens[k])) {
        return true;
      }
    }
    if (held_back != nullptr) {
      *held_back = true;
    }
    return false;
  }
  return true;
}

std::optional<GazetteerMatch> Gazetteer::match_from(
    const std::vector<Token>& tokens, std::uint32_t at, std::string_view text,
    std::span<const std::uint32_t> confirmed, bool* held_back,
    std::span<const std::uint32_t> word_keys) const {
  // Walk forward while the tokens so far begin some name, noting each length
  // that is a whole name; then take the longest that an entry accepts. A token
  // with a particle ends the walk and is looked up both by its base form and by
  // its whole surface.
  const auto n = static_cast<std::uint32_t>(tokens.size());
  struct Hit {
    std::uint32_t len;
    std::uint32_t key;
  };
  thread_local std::vector<Hit> hits;
  thread_local std::string key;
  hits.clear();
  key.clear();
  const auto find = [this](std::string_view k) { return find_key(k); };
  const std::span<const std::uint32_t> first = first_variant_.view();
  const std::span<const std::uint32_t> prefix = prefix_.view();
  const auto has_variants = [first](std::uint32_t k) {
    return k != StringIndex::kAbsent && first[k] < first[k + 1];
  };
  for (std::uint32_t len = 1; len <= max_tokens_ && at + len <= n; ++len) {
    const Token& last = tokens[at + len - 1];
    if (last.particle_only()) {
      break;
    }
    // The first token's number gives its key's number: the key is built only where a particle
    // or a next token needs it.
    const bool numbered = len == 1 && last.word < word_keys.size();
    if (!numbered) {
      key += last.folded;
    }
    const std::uint32_t found = numbered ? word_keys[last.word] : find(key);
    if (has_variants(found)) {
      hits.push_back({len, found});
    }
    if (!last.particle.empty()) {
      // The folded surface: folding goes code point by code point, and the particle is
      // Hangul or the possessive "'s" or "'", already folded.
      if (numbered) {
        key += last.folded;
      }
      key += last.particle;
      if (const std::uint32_t whole = find(key); has_variants(whole)) {
        hits.push_back({len, whole});  // tried before the base form
      }
      break;
    }
    if (found == StringIndex::kAbsent || ((prefix[found / 32] >> (found % 32)) & 1) == 0) {
      break;
    }
    if (numbered) {
      key += last.folded;
    }
    key.push_back(kNameKeySeparator);
  }
  if (written_apart(tokens, at)) {
    key.assign(tokens[at].folded).append(tokens[at + 1].folded);
    const std::uint32_t joined = find(key);
    std::optional<Hit> hit;
    if (has_variants(joined)) {
      hit = Hit{2, joined};
    }
    if (!tokens[at + 1].particle.empty()) {
      key += tokens[at + 1].particle;
      if (const std::uint32_t whole = find(key); has_variants(whole)) {
        hit = Hit{2, whole};
      }
    }
    if (hit) {
      // Longest first below: before any longer hit.
      const auto longer = std::ranges::find_if(hits, [](const Hit& h) { return h.len > 2; });
      hits.insert(longer, *hit);
    }
  }
  for (std::size_t i = hits.size(); i-- > 0;) {  // longest first
    const std::uint32_t end = at + hits[i].len;
    const std::uint32_t k = hits[i].key;
    for (std::uint32_t v = first[k]; v < first[k + 1]; ++v) {
      if (accept(v, tokens, at, end, text, confirmed, held_back)) {
        return GazetteerMatch{at, end, variants_.view()[kVariantSize * v]};
      }
    }
  }
  return std::nullopt;
}

bool Gazetteer::written_apart(const std::vector<Token>& tokens, std::uint32_t at) {
  const auto one_syllable = [](const Token& t) {
    return t.script == Script::kHangul && t.folded.size() == 3;
  };
  return at + 1 < tokens.size() && tokens[at].particle.empty() && !tokens[at].particle_only() &&
         !one_syllable(tokens[at]) && !one_syllable(tokens[at + 1]) &&
         tokens[at + 1].space_before && !tokens[at + 1].particle_only() &&
         (tokens[at].script == Script::kHangul || tokens[at + 1].script == Script::kHangul) &&
         tokens[at].script != Script::kPunct && tokens[at + 1].script != Script::kPunct;
}

std::vector<GazetteerMatch> Gazetteer::match_all(const std::vector<Token>& tokens,
                                                 std::string_view text,
                                                 std::span<const std::uint32_t> confirmed,
                                                 bool* held_back,
                                                 std::span<const std::uint32_t> word_keys) const {
  std::vector<GazetteerMatch> out;
  for (std::uint32_t i = 0; i < tokens.size();) {
    // Latin letters written onto a Hangul word are the end of another name: "누리GPT" is not
    // GPT. Names the gazetteer knows whole (오픈AI, 삼성SDS) match from their first token.
    const bool glued = i > 0 && !tokens[i].space_before && tokens[i].script == Script::kLatin &&
                       tokens[i - 1].script == Script::kHangul && tokens[i - 1].particle.empty();
    if (auto m =
            glued ? std::nullopt : match_at(tokens, i, text, confirmed, held_back, word_keys)) {
      out.push_back(*m);
      i = m->end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace kgex
