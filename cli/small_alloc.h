// The kgex program's operator new and delete (cli/small_alloc.cpp): blocks of up to
// kSmallAllocLargest bytes come from per-thread free lists of fixed-size blocks, larger ones from
// malloc. Linked into the program and its tests only, never into the library, and left out of
// sanitizer builds (KGEX_SMALL_ALLOC). KGEX_SYSTEM_MALLOC=1 in the environment sends every block
// to malloc, as valgrind's memcheck wants (scripts/valgrind.sh).
#pragma once

#include <cstddef>

namespace kgex::cli {

inline constexpr std::size_t kSmallAllocLargest = 4096;

// What the allocator has done so far, for tests.
struct SmallAllocStats {
  bool active = false;       // small blocks come from the pool (not KGEX_SYSTEM_MALLOC)
  std::size_t carved = 0;    // bytes of the pool's region handed to a size class so far
  std::size_t returned = 0;  // batches of blocks a thread gave back to the shared lists
};
SmallAllocStats small_alloc_stats();

}  // namespace kgex::cli
