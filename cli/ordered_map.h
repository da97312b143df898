// Parallel map with ordered results: `jobs` worker threads take items from
// `next` (called under a lock, so in order) and run `work` on them; `take`
// receives the results on the calling thread in input order. At most
// 2 * jobs items are read ahead of the one `take` waits for, so memory holds
// only the items in flight. With jobs <= 1 everything runs on the caller.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace kgex::cli {

template <typename Next, typename Work, typename Take>
void ordered_map(std::size_t jobs, Next next, Work work, Take take) {
  using In = typename decltype(next())::value_type;
  using Out = decltype(work(std::declval<In>()));
  if (jobs <= 1) {
    while (std::optional<In> item = next()) {
      take(work(std::move(*item)));
    }
    return;
  }
  std::mutex m;
  std::condition_variable can_read;  // a worker may read another item
  std::condition_variable has_done;  // a result arrived
  std::map<std::size_t, Out> done;
  std::size_t read = 0;    // items read so far
  std::size_t taken = 0;   // results handed to `take`
  bool exhausted = false;  // `next` returned nothing
  auto worker = [&] {
    std::unique_lock lock(m);
    while (true) {
      can_read.wait(lock, [&] { return exhausted || read < taken + 2 * jobs; });
      if (exhausted) {
        return;
      }
      std::optional<In> item = next();
      if (!item) {
        exhausted = true;
        can_read.notify_all();
        has_done.notify_one();
        return;
      }
      const std::size_t seq = read++;
      lock.unlock();
      Out out = work(std::move(*item));
      lock.lock();
      done.emplace(seq, std::move(out));
      has_done.notify_one();
    }
  };
  std::vector<std::jthread> workers;
  for (std::size_t i = 0; i < jobs; ++i) {
    workers.emplace_back(worker);
  }
  std::unique_lock lock(m);
  while (true) {
    has_done.wait(lock, [&] { return done.contains(taken) || (exhausted && taken == read); });
    if (!done.contains(taken)) {
      break;  // everything read has been taken
    }
    Out out = std::move(done.at(taken));
    done.erase(taken);
    ++taken;
    can_read.notify_all();
    lock.unlock();
    take(std::move(out));
    lock.lock();
  }
}

}  // namespace kgex::cli
