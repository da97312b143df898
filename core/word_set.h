// A set of words, flat: the words in one buffer of a StringIndex, so that a set of any size is
// a few allocations (or none, for a view of tables the build wrote), where a hash set of
// std::string makes two per word. Words come back in the order they were first added.
//   WordSet verbs = {"builds", "ships"};
//   verbs.insert("makes");
//   verbs.contains("ships");   // true
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>

#include "core/string_index.h"

namespace kgex {

class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<std::string_view> words);
  // The set of the keys of `index`.
  explicit WordSet(StringIndex index) : index_(std::move(index)) {}

  // Adds `word`; false if it was there.
  bool insert(std::string_view word);
  template <class Iterator>
  void insert(Iterator first, Iterator last) {
    for (; first != last; ++first) {
      insert(*first);
    }
  }

  bool contains(std::string_view word) const { return index_.contains(word); }
  // The same, for a word whose StringHash (core/string_hash.h) is `hash`.
  bool contains(std::string_view word, std::size_t hash) const {
    return index_.find(word, hash) != StringIndex::kAbsent;
  }
  std::size_t size() const { return index_.size(); }
  bool empty() const { return size() == 0; }
  const StringIndex& index() const { return index_; }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;

    const_iterator() = default;
    const_iterator(const StringIndex* index, std::uint32_t id) : index_(index), id_(id) {}
    std::string_view operator*() const { return index_->key(id_); }
    const_iterator& operator++() {
      ++id_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++id_;
      return before;
    }
    bool operator==(const const_iterator& other) const { return id_ == other.id_; }

   private:
    const StringIndex* index_ = nullptr;
    std::uint32_t id_ = 0;
  };
  const_iterator begin() const { return {&index_, 0}; }
  const_iterator end() const { return {&index_, static_cast<std::uint32_t>(size())}; }

  // The same words, in any order.
  friend bool operator==(const WordSet& a, const WordSet& b);

 private:
  StringIndex index_;
};

}  // namespace kgex
