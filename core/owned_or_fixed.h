// An array that is either built at run time (a vector of its own) or a view of fixed storage
// that outlives it, such as the static arrays the build writes for the built-in rule pack: the
// tables of StringIndex, HashBits, the gazetteer and the rule filter are read the same way
// whichever they are. Copies of a view are views; a change first copies the fixed storage.
//   OwnedOrFixed<std::uint32_t> ids;
//   ids.own().push_back(7);            // built here
//   OwnedOrFixed<std::uint32_t> same(kStaticIds);   // a view of a static array
//   for (std::uint32_t id : ids.view()) ...
#pragma once

#include <span>
#include <vector>

namespace kgex {

template <class T>
class OwnedOrFixed {
 public:
  OwnedOrFixed() = default;
  explicit OwnedOrFixed(std::vector<T> owned) : owned_(std::move(owned)) {}
  // A view of `fixed`, which must outlive this array and its copies.
  explicit OwnedOrFixed(std::span<const T> fixed) : fixed_(fixed), is_fixed_(true) {}

  std::span<const T> view() const { return is_fixed_ ? fixed_ : std::span<const T>(owned_); }
  // The array's own vector, to change; fixed storage is copied into it first.
  std::vector<T>& own() {
    if (is_fixed_) {
      owned_.assign(fixed_.begin(), fixed_.end());
      fixed_ = {};
      is_fixed_ = false;
    }
    return owned_;
  }

 private:
  std::vector<T> owned_;
  std::span<const T> fixed_;
  bool is_fixed_ = false;
};

}  // namespace kgex
