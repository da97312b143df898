// cli/small_alloc.h: blocks of every size aligned and distinct, sized and unsized delete alike,
// blocks one thread frees for another, or leaves when it ends, used again rather than cut anew,
// and the region backed by huge pages where the kernel gives them on request. Built only with the
// allocator (KGEX_SMALL_ALLOC), which this whole binary then runs on.
#include "cli/small_alloc.h"

#include <doctest/doctest.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <mutex>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace kgex::cli {
namespace {

// Sizes of the largest class, which the rest of the test binary hardly uses.
constexpr std::size_t kSize = kSmallAllocLargest - 8;

TEST_CASE("small_alloc hands out aligned, distinct, writable blocks of every size") {
  const SmallAllocStats stats = small_alloc_stats();
  if (!stats.active) {
    MESSAGE("KGEX_SYSTEM_MALLOC is set: blocks come from malloc");
  }
  std::vector<unsigned char*> blocks;
  for (std::size_t size = 0; size <= 2 * kSmallAllocLargest; ++size) {
    auto* p = static_cast<unsigned char*>(::operator new(size));
    CHECK(reinterpret_cast<std::uintptr_t>(p) % __STDCPP_DEFAULT_NEW_ALIGNMENT__ == 0);
    std::memset(p, static_cast<int>(size % 251), size);
    blocks.push_back(p);
  }
  for (std::size_t size = 0; size < blocks.size(); ++size) {
    bool intact = true;
    for (std::size_t i = 0; i < size; ++i) {
      intact = intact && blocks[size][i] == size % 251;
    }
    CHECK(intact);
    // Sized and unsized delete, and new[] with delete[], all take any block back.
#if defined(__cpp_sized_deallocation)
    if (size % 2 == 0) {
      ::operator delete(blocks[size], size);
      continue;
    }
#endif
    ::operator delete(blocks[size]);
  }
  for (int round = 0; round < 3; ++round) {
    auto* array = new char[kSize];
    array[kSize - 1] = 'x';
    CHECK(array[kSize - 1] == 'x');
    delete[] array;
  }
}

TEST_CASE("small_alloc uses again the blocks one thread frees for another") {
  if (!small_alloc_stats().active) {
    return;
  }
  // A worker that frees what this thread makes, round after round, as one worker merges the
  // documents the other extracted: without the shared lists, every round would cut new pages.
  constexpr int kRounds = 40;
  constexpr std::size_t kBlocks = 2000;
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<void*> handed;
  bool done = false;
  std::thread freer([&] {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return !handed.empty() || done; });
      if (handed.empty()) {
        return;
      }
      for (void* p : handed) {
        ::operator delete(p);
      }
      handed.clear();
      changed.notify_all();
    }
  });
  const std::size_t before = small_alloc_stats().carved;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<void*> made;
    made.reserve(kBlocks);
    for (std::size_t i = 0; i < kBlocks; ++i) {
      made.push_back(::operator new(kSize));
    }
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return handed.empty(); });
    handed = std::move(made);
    changed.notify_all();
  }
  {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return handed.empty(); });
    done = true;
    changed.notify_all();
  }
  freer.join();
  const std::size_t carved = small_alloc_stats().carved - before;
  // This thread makes a round while the other frees the one before: three rounds' worth at
  // most, where all rounds' would be 80 MB.
  CHECK(carved <= 3 * kBlocks * kSmallAllocLargest);
  CHECK(small_alloc_stats().returned > 0);
}

// The THPeligible line of /proc/self/smaps for the mapping that holds `p`; -1 when there is none.
int huge_page_eligible(const void* p) {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t low = 0;
    std::uintptr_t high = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> low >> dash >> high && dash == '-') {
      inside = low <= at && at < high;
    } else if (inside && line.starts_with("THPeligible:")) {
      return std::stoi(line.substr(line.find(':') + 1));
    }
  }
  return -1;
}

TEST_CASE("small_alloc asks for transparent huge pages where the kernel gives them on request") {
  // A page fault for each 4 KiB of the region cost start-up 1,500 faults and half its time.
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(mode, modes);
  if (!small_alloc_stats().active || modes.find("[madvise]") == std::string::npos) {
    MESSAGE("no pool, or the kernel's huge pages are not given on request: ", modes);
    return;
  }
  void* p = ::operator new(64);
  CHECK(huge_page_eligible(p) == 1);
  ::operator delete(p);
}

TEST_CASE("small_alloc takes back the lists of a thread that ends") {
  if (!small_alloc_stats().active) {
    return;
  }
  constexpr std::size_t kBlocks = 2003;  // not a whole number of batches
  const auto churn = [] {
    std::vector<void*> made;
    made.reserve(kBlocks);
    for (std::size_t i = 0; i < kBlocks; ++i) {
      made.push_back(::operator new(kSize));
    }
    for (void* p : made) {
      ::operator delete(p);
    }
  };
  std::thread(churn).join();
  const std::size_t before = small_alloc_stats().carved;
  std::thread(churn).join();
  CHECK(small_alloc_stats().carved == before);
}

}  // namespace
}  // namespace kgex::cli
