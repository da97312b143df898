// The program's operator new and delete (small_alloc.h). Extraction makes and drops about one
// small object per byte of text (tokens' strings, vectors of units and mentions, map nodes), and
// glibc's malloc and free with their wrappers cost about 190 instructions a pair for them, 13% of
// a run; a pop or a push on a per-thread list costs about twenty.
//
// Small blocks live in one region of address space reserved at the first allocation, cut into
// pages of kPage bytes, each page holding blocks of one size class (multiples of 16 bytes, of 128
// above 1,024), so that delete finds a block's class from its address alone. A thread takes blocks
// from its own list of each class and puts freed blocks there, whichever thread made them; a list
// that grows past two batches gives a batch to the shared lists, which a thread whose list is empty
// draws from before it cuts blocks from a new page, so that memory one thread frees for another
// (a document extracted by one worker and merged by the other) comes back into use. A thread
// that ends gives its lists back. Pages are never returned to the system. When the region
// cannot be reserved, or is used up, or KGEX_SYSTEM_MALLOC is set, blocks come from malloc.
//
// The region is aligned to 2 MiB and asked for transparent huge pages, which kernels set to give
// them on request (Debian's) then back it with: touched 4 KiB at a time, it took 1,500 page
// faults to read the built-in pack, half of the CPU time of a run over two short articles.
#include "cli/small_alloc.h"

#include <sys/mman.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>

namespace kgex::cli {
namespace {

// Class c holds blocks of c * kGrain bytes up to kFine bytes, of kFine + (c - kFine / kGrain) *
// kCoarse above (few blocks are that large: strings and vectors of a sentence, a document's lists).
constexpr std::size_t kGrain = 16;  // the alignment operator new promises
constexpr std::size_t kFine = 1024;
constexpr std::size_t kCoarse = 128;
constexpr std::size_t kFineClasses = kFine / kGrain + 1;
constexpr std::size_t kClasses = kFineClasses + (kSmallAllocLargest - kFine) / kCoarse;
constexpr std::size_t kPage = std::size_t{64} << 10;
constexpr std::size_t kRegion = std::size_t{16} << 30;  // address space only: pages are touched
                                                        // as blocks are cut from them
constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kBatchBytes = std::size_t{32} << 10;

constexpr std::size_t size_class(std::size_t size) {
  if (size <= kFine) {
    return size == 0 ? 1 : (size + kGrain - 1) / kGrain;
  }
  return kFineClasses - 1 + (size - kFine + kCoarse - 1) / kCoarse;
}

constexpr std::array<std::uint32_t, kClasses> kBlockSize = [] {
  std::array<std::uint32_t, kClasses> size{};
  for (std::size_t c = 1; c < kClasses; ++c) {
    size[c] = static_cast<std::uint32_t>(
        c < kFineClasses ? c * kGrain : kFine + (c - kFineClasses + 1) * kCoarse);
  }
  return size;
}();
static_assert(size_class(kFine + 1) == kFineClasses &&
              size_class(kSmallAllocLargest) == kClasses - 1);
static_assert(kBlockSize[size_class(kFine + 1)] == kFine + kCoarse &&
              kBlockSize[kClasses - 1] == kSmallAllocLargest && kClasses <= UINT8_MAX);

// The blocks of a class that move between a thread and the shared lists at a time.
constexpr std::array<std::uint32_t, kClasses> kBatch = [] {
  std::array<std::uint32_t, kClasses> batch{};
  for (std::size_t c = 1; c < kClasses; ++c) {
    batch[c] = static_cast<std::uint32_t>(kBatchBytes / kBlockSize[c]);
  }
  return batch;
}();

// A free block: the next in its list, and in the first block of a shared batch, the next batch.
struct Block {
  Block* next;
  Block* next_batch;
};

// Shared by all threads; constant-initialised, as operator new runs before any constructor.
struct Pool {
  std::atomic<char*> base{nullptr};    // the region, null until reserved (or when not used)
  std::atomic<std::size_t> carved{0};  // bytes of the region given to classes
  std::atomic<std::size_t> returned{0};
  std::once_flag reserve_once;
  bool active = false;                     // written once under reserve_once
  std::mutex mutex;                        // guards the lists below
  std::array<Block*, kClasses> batches{};  // full batches of kBatch[c] blocks
  std::array<Block*, kClasses> loose{};    // and fewer, as threads that ended left them
  std::array<std::uint32_t, kClasses> loose_count{};
  std::array<std::uint8_t, kRegion / kPage> page_class{};
};
constinit Pool pool;

// A thread's lists, zero-initialised: `room[c]` is how many more blocks list c takes before it
// gives a batch back (0 until the thread starts, so that its first free takes the slow path).
// A list with no room holds at least two batches: room is 2 * kBatch[c] less the blocks it
// holds, or 0 when it took more than that from the loose blocks.
struct Cache {
  std::array<Block*, kClasses> head;
  std::array<std::uint32_t, kClasses> room;
  std::array<char*, kClasses> cut;  // the unused rest of the page of each class: [cut, cut_end)
  std::array<char*, kClasses> cut_end;
  bool started;
};
constinit thread_local Cache cache{};

void reserve() {
  pool.active = std::getenv("KGEX_SYSTEM_MALLOC") == nullptr;
  if (!pool.active) {
    return;
  }
  void* region = mmap(nullptr, kRegion + kHugePage, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (region == MAP_FAILED) {
    pool.active = false;
    return;
  }
  const auto at = reinterpret_cast<std::uintptr_t>(region);
  char* base = static_cast<char*>(region) + ((kHugePage - at % kHugePage) % kHugePage);
  madvise(base, kRegion, MADV_HUGEPAGE);
  pool.base.store(base, std::memory_order_release);
}

// Moves `n` blocks of class c from the front of the thread's list to the shared lists: as a
// batch when n is a full batch, else onto the loose list.
void give_back(std::size_t c, std::uint32_t n) {
  Block* first = cache.head[c];
  Block* last = first;
  for (std::uint32_t i = 1; i < n; ++i) {
    last = last->next;
  }
  cache.head[c] = last->next;
  const std::lock_guard lock(pool.mutex);
  if (n == kBatch[c]) {
    last->next = nullptr;
    first->next_batch = pool.batches[c];
    pool.batches[c] = first;
  } else {
    last->next = pool.loose[c];
    pool.loose[c] = first;
    pool.loose_count[c] += n;
  }
  pool.returned.fetch_add(1, std::memory_order_relaxed);
}

// Gives every list of the thread back when it ends; the blocks it frees after that (few: this
// object is made at the thread's first allocation, so it is destroyed after the thread's other
// objects) stay on its lists, which give nothing back any more.
struct ThreadEnd {
  ThreadEnd() = default;
  ThreadEnd(const ThreadEnd&) = delete;
  ThreadEnd& operator=(const ThreadEnd&) = delete;
  ~ThreadEnd() {
    for (std::size_t c = 1; c < kClasses; ++c) {
      std::uint32_t n = 0;
      for (const Block* b = cache.head[c]; b != nullptr; b = b->next) {
        ++n;
      }
      for (; n >= kBatch[c]; n -= kBatch[c]) {
        give_back(c, kBatch[c]);
      }
      if (n != 0) {
        give_back(c, n);
      }
      cache.room[c] = UINT32_MAX / 2;
    }
  }
};

void start_thread() {
  std::call_once(pool.reserve_once, reserve);
  cache.started = true;
  if (!pool.active) {
    return;
  }
  thread_local ThreadEnd end;
  for (std::size_t c = 1; c < kClasses; ++c) {
    cache.room[c] = 2 * kBatch[c];
  }
}

// A block of class c when the thread's list is empty: a shared batch, else the loose blocks, else
// one cut from the class's page (a new page when it is used up). Null when the pool is not used
// or its region is used up.
void* refill(std::size_t c) {
  if (!cache.started) {
    start_thread();
  }
  if (!pool.active) {
    return nullptr;
  }
  Block* taken = nullptr;
  std::uint32_t n = 0;
  {
    const std::lock_guard lock(pool.mutex);
    if (pool.batches[c] != nullptr) {
      taken = pool.batches[c];
      pool.batches[c] = taken->next_batch;
      n = kBatch[c];
    } else if (pool.loose[c] != nullptr) {
      taken = pool.loose[c];
      n = pool.loose_count[c];
      pool.loose[c] = nullptr;
      pool.loose_count[c] = 0;
    }
  }
  if (taken != nullptr) {
    cache.head[c] = taken->next;
    cache.room[c] = n - 1 < 2 * kBatch[c] ? 2 * kBatch[c] - (n - 1) : 0;
    return taken;
  }
  const std::size_t size = kBlockSize[c];
  if (cache.cut_end[c] - cache.cut[c] < static_cast<std::ptrdiff_t>(size)) {
    const std::size_t at = pool.carved.fetch_add(kPage, std::memory_order_relaxed);
    if (at + kPage > kRegion) {
      return nullptr;
    }
    pool.page_class[at / kPage] = static_cast<std::uint8_t>(c);
    char* page = pool.base.load(std::memory_order_acquire) + at;
    cache.cut[c] = page;
    cache.cut_end[c] = page + kPage;
  }
  void* block = cache.cut[c];
  cache.cut[c] += size;
  return block;
}

[[gnu::noinline]] void* allocate_large(std::size_t size) {
  for (;;) {
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
      return p;
    }
    const std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) {
      throw std::bad_alloc();
    }
    handler();
  }
}

inline void* allocate(std::size_t size) {
  if (size <= kSmallAllocLargest) {
    const std::size_t c = size_class(size);
    if (Block* block = cache.head[c]) {
      cache.head[c] = block->next;
      ++cache.room[c];
      return block;
    }
    if (void* block = refill(c)) {
      return block;
    }
  }
  return allocate_large(size);
}

// A freed block of class c when its list has no room: the thread starts, or the list gives a
// batch back.
[[gnu::noinline]] void release(std::size_t c, Block* block) {
  if (!cache.started) {
    start_thread();
  }
  block->next = cache.head[c];
  cache.head[c] = block;
  if (cache.room[c] != 0) {
    --cache.room[c];
    return;
  }
  give_back(c, kBatch[c]);
  cache.room[c] += kBatch[c] - 1;
}

inline void deallocate(void* p) {
  if (p == nullptr) {
    return;
  }
  const char* base = pool.base.load(std::memory_order_relaxed);
  const std::uintptr_t offset =
      reinterpret_cast<std::uintptr_t>(p) - reinterpret_cast<std::uintptr_t>(base);
  if (base == nullptr || offset >= kRegion) {
    std::free(p);
    return;
  }
  const std::size_t c = pool.page_class[offset / kPage];
  auto* block = static_cast<Block*>(p);
  if (cache.room[c] == 0) {
    release(c, block);
    return;
  }
  --cache.room[c];
  block->next = cache.head[c];
  cache.head[c] = block;
}

void* allocate_nothrow(std::size_t size) noexcept {
  try {
    return allocate(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

}  // namespace

SmallAllocStats small_alloc_stats() {
  std::call_once(pool.reserve_once, reserve);
  return {.active = pool.active,
          .carved = pool.carved.load(std::memory_order_relaxed),
          .returned = pool.returned.load(std::memory_order_relaxed)};
}

}  // namespace kgex::cli

void* operator new(std::size_t size) { return kgex::cli::allocate(size); }
void* operator new[](std::size_t size) { return kgex::cli::allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t& /*unused*/) noexcept {
  return kgex::cli::allocate_nothrow(size);
}
void* operator new[](std::size_t size, const std::nothrow_t& /*unused*/) noexcept {
  return kgex::cli::allocate_nothrow(size);
}
void operator delete(void* p) noexcept { kgex::cli::deallocate(p); }
void operator delete[](void* p) noexcept { kgex::cli::deallocate(p); }
void operator delete(void* p, std::size_t /*size*/) noexcept { kgex::cli::deallocate(p); }
void operator delete[](void* p, std::size_t /*size*/) noexcept { kgex::cli::deallocate(p); }
void operator delete(void* p, const std::nothrow_t& /*unused*/) noexcept {
  kgex::cli::deallocate(p);
}
void operator delete[](void* p, const std::nothrow_t& /*unused*/) noexcept {
  kgex::cli::deallocate(p);
}
