// Parallel map with ordered results: `jobs` worker threads take items from
// `next` (called under a lock, so in order) and run `work` on them; `take`
// receives the results in input order, one at a time. There is no collecting
// thread: the worker that finishes the result due next hands it, and every
// following one that is ready, to `take`, while the other workers go on
// working; so `take` may run on any worker but never on two at once. At most
// 2 * jobs items are read ahead of the one being taken, so memory holds only
// the items in flight. With jobs <= 1 everything runs on the caller.
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
  std::map<std::size_t, Out> done;   // results waiting for their turn
  std::size_t read = 0;              // items read so far
  std::size_t taken = 0;             // results `take` is done with
  bool exhausted = false;            // `next` returned nothing
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
        return;
      }
      const std::size_t seq = read++;
      lock.unlock();
      Out out = work(std::move(*item));
      lock.lock();
      done.emplace(seq, std::move(out));
      // An earlier result is still due or being taken: whoever takes it looks
      // for this one, under the lock, before it stops.
      if (seq != taken) {
        continue;
      }
      for (auto due = done.find(taken); due != done.end(); due = done.find(taken)) {
        Out ready = std::move(due->second);
        done.erase(due);
        lock.unlock();
        take(std::move(ready));
        lock.lock();
        ++taken;
        can_read.notify_all();
      }
    }
  };
  std::vector<std::jthread> workers;
  for (std::size_t i = 0; i < jobs; ++i) {
    workers.emplace_back(worker);
  }
}

}  // namespace kgex::cli
