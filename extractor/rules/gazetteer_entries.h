// The gazetteer entries of a rule set, in flat tables: their strings in one buffer, their
// fields in rows of integers. A few allocations for the thousands of entries of the built-in
// pack (none when the tables are the ones the build wrote), where a vector of structs of
// strings made several per entry. Read through GazetteerEntry, a view of one row:
//   for (const GazetteerEntry e : rules.gazetteer) { e.name(); e.aliases()[0]; e.type(); }
// Not public: use extractor/rules/rule_set.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/word_set.h"
#include "graph/model.h"

namespace kgex {

class GazetteerEntry;

// The aliases of an entry, as string_views into the table.
class GazetteerAliases {
 public:
  GazetteerAliases(std::string_view chars, std::span<const std::uint32_t> ranges)
      : chars_(chars), ranges_(ranges) {}
  std::size_t size() const { return ranges_.size() / 2; }
  bool empty() const { return ranges_.empty(); }
  std::string_view operator[](std::size_t i) const {
    return chars_.substr(ranges_[2 * i], ranges_[2 * i + 1]);
  }

 private:
  std::string_view chars_;
  std::span<const std::uint32_t> ranges_;  // (offset, size) of each alias in chars_
};

class GazetteerEntries {
 public:
  // What add() takes: an entry with strings of its own, which the table copies.
  struct NewEntry {
    std::string_view name;
    EntityType type = EntityType::kOrganization;
    std::vector<std::string_view> aliases;
    bool exact_case = false;
    WordSet context;
    // The written forms (folded) that need the context; empty: all of them.
    WordSet context_forms;
    int window = 8;
    std::string_view by;
    std::string_view file;
    std::uint32_t index = 0;
  };

  // The fields of a row, in order (kRowSize integers per entry).
  enum RowField : std::uint8_t {
    kName,  // offset and size in chars
    kNameSize,
    kBy,
    kBySize,
    kFirstAlias,  // into aliases, two integers per alias
    kAliasCount,
    kContext,  // index into the contexts, or kNoContext
    kWindow,
    kType,
    kExactCase,
    kFile,  // index into files, two integers (offset and size in chars) per file
    kIndex,
    kRowSize
  };
  static constexpr std::uint32_t kNoContext = UINT32_MAX;

  struct Tables {
    std::string_view chars;
    std::span<const std::uint32_t> rows;
    std::span<const std::uint32_t> aliases;
    std::span<const std::uint32_t> files;
  };

  GazetteerEntries() = default;
  // A view of `fixed`, which must outlive the table and its copies, with the context sets its
  // rows number and the forms each context is for.
  GazetteerEntries(const Tables& fixed, std::vector<WordSet> contexts,
                   std::vector<WordSet> context_forms)
      : contexts_(std::move(contexts)),
        context_forms_(std::move(context_forms)),
        fixed_(fixed),
        is_fixed_(true) {}

  void reserve(std::size_t entries);
  void add(const NewEntry& entry);

  std::size_t size() const { return tables().rows.size() / kRowSize; }
  bool empty() const { return size() == 0; }
  GazetteerEntry operator[](std::size_t i) const;
  GazetteerEntry back() const;

  class const_iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = GazetteerEntry;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = GazetteerEntry;

    const_iterator() = default;
    const_iterator(const GazetteerEntries* table, std::size_t i) : table_(table), i_(i) {}
    GazetteerEntry operator*() const;
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const const_iterator& other) const { return i_ == other.i_; }

   private:
    const GazetteerEntries* table_ = nullptr;
    std::size_t i_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  Tables tables() const { return is_fixed_ ? fixed_ : Tables{chars_, rows_, aliases_, files_}; }
  const std::vector<WordSet>& contexts() const { return contexts_; }
  const std::vector<WordSet>& context_forms() const { return context_forms_; }
  // Context set `i` of the rows, or an empty set for kNoContext.
  const WordSet& context(std::uint32_t i) const {
    return i == kNoContext ? kNoWords : contexts_[i];
  }
  // The forms context set `i` is for, or an empty set (all forms).
  const WordSet& context_forms(std::uint32_t i) const {
    return i == kNoContext ? kNoWords : context_forms_[i];
  }

 private:
  // Copies fixed tables into the table's own storage, before a change.
  void own();
  std::uint32_t add_chars(std::string_view s);

  std::string chars_;
  std::vector<std::uint32_t> rows_;
  std::vector<std::uint32_t> aliases_;
  std::vector<std::uint32_t> files_;
  std::vector<WordSet> contexts_;
  std::vector<WordSet> context_forms_;
  static const WordSet kNoWords;
  Tables fixed_;
  bool is_fixed_ = false;
};

// One entry of a table, read field by field; its views stay valid as long as the table.
class GazetteerEntry {
 public:
  GazetteerEntry(const GazetteerEntries& table, std::size_t i)
      : table_(&table), t_(table.tables()), row_(t_.rows.data() + i * GazetteerEntries::kRowSize) {}

  std::string_view name() const { return text(GazetteerEntries::kName); }
  EntityType type() const { return static_cast<EntityType>(row_[GazetteerEntries::kType]); }
  GazetteerAliases aliases() const {
    return {t_.chars, t_.aliases.subspan(2 * std::size_t{row_[GazetteerEntries::kFirstAlias]},
                                         2 * std::size_t{row_[GazetteerEntries::kAliasCount]})};
  }
  bool exact_case() const { return row_[GazetteerEntries::kExactCase] != 0; }
  // Words one of which must be near the name; empty: no condition.
  const WordSet& context() const { return table_->context(row_[GazetteerEntries::kContext]); }
  // The written forms (folded) the context is asked of; empty: every form.
  const WordSet& context_forms() const {
    return table_->context_forms(row_[GazetteerEntries::kContext]);
  }
  int window() const { return static_cast<int>(row_[GazetteerEntries::kWindow]); }
  std::string_view by() const { return text(GazetteerEntries::kBy); }  // the owner, or empty
  std::string_view file() const {
    const std::uint32_t f = 2 * row_[GazetteerEntries::kFile];
    return t_.chars.substr(t_.files[f], t_.files[f + 1]);
  }
  std::uint32_t index() const { return row_[GazetteerEntries::kIndex]; }  // in its file
  // JSON Pointer of the entry in its file.
  std::string pointer() const { return "/gazetteer/" + std::to_string(index()); }

 private:
  std::string_view text(GazetteerEntries::RowField offset) const {
    return t_.chars.substr(row_[offset], row_[offset + 1]);
  }

  const GazetteerEntries* table_;
  GazetteerEntries::Tables t_;
  const std::uint32_t* row_;
};

inline GazetteerEntry GazetteerEntries::operator[](std::size_t i) const { return {*this, i}; }
inline GazetteerEntry GazetteerEntries::back() const { return {*this, size() - 1}; }
inline GazetteerEntry GazetteerEntries::const_iterator::operator*() const { return {*table_, i_}; }

}  // namespace kgex
