#include "extractor/rules/gazetteer_entries.h"

namespace kgex {

const WordSet GazetteerEntries::kNoWords;

void GazetteerEntries::own() {
  if (is_fixed_) {
    chars_.assign(fixed_.chars);
    rows_.assign(fixed_.rows.begin(), fixed_.rows.end());
    aliases_.assign(fixed_.aliases.begin(), fixed_.aliases.end());
    files_.assign(fixed_.files.begin(), fixed_.files.end());
    fixed_ = {};
    is_fixed_ = false;
  }
}

void GazetteerEntries::reserve(std::size_t entries) {
  own();
  rows_.reserve(entries * kRowSize);
}

std::uint32_t GazetteerEntries::add_chars(std::string_view s) {
  const auto at = static_cast<std::uint32_t>(chars_.size());
  chars_.append(s);
  return at;
}

void GazetteerEntries::add(const NewEntry& entry) {
  own();
  // Entries come file by file: a file is the last one, or new.
  const std::size_t files = files_.size() / 2;
  if (files == 0 ||
      std::string_view(chars_).substr(files_[2 * files - 2], files_[2 * files - 1]) != entry.file) {
    files_.push_back(add_chars(entry.file));
    files_.push_back(static_cast<std::uint32_t>(entry.file.size()));
  }
  const auto first_alias = static_cast<std::uint32_t>(aliases_.size() / 2);
  for (const std::string_view alias : entry.aliases) {
    aliases_.push_back(add_chars(alias));
    aliases_.push_back(static_cast<std::uint32_t>(alias.size()));
  }
  std::uint32_t context = kNoContext;
  if (!entry.context.empty()) {
    context = static_cast<std::uint32_t>(contexts_.size());
    contexts_.push_back(entry.context);
    context_forms_.push_back(entry.context_forms);
  }
  rows_.insert(rows_.end(), {add_chars(entry.name), static_cast<std::uint32_t>(entry.name.size()),
                             add_chars(entry.by), static_cast<std::uint32_t>(entry.by.size()),
                             first_alias, static_cast<std::uint32_t>(entry.aliases.size()), context,
                             static_cast<std::uint32_t>(entry.window),
                             static_cast<std::uint32_t>(entry.type), entry.exact_case ? 1U : 0U,
                             static_cast<std::uint32_t>(files_.size() / 2 - 1), entry.index});
}

}  // namespace kgex
