// cli/ordered_map.h: results in input order whatever the number of threads,
// every item once, one take at a time, and no more than 2 * jobs items read ahead.
#include "cli/ordered_map.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <thread>
#include <vector>

namespace kgex::cli {
namespace {

TEST_CASE("ordered_map hands results over in input order for any number of jobs") {
  for (std::size_t jobs : {0, 1, 2, 3, 8}) {
    CAPTURE(jobs);
    std::size_t next = 0;
    std::vector<int> got;
    ordered_map(
        jobs,
        [&]() -> std::optional<int> {
          return next < 200 ? std::optional(static_cast<int>(next++)) : std::nullopt;
        },
        [](int i) {
          // Later items finish first now and then, so order is not an accident.
          if (i % 7 == 0) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
          }
          return i * i;
        },
        [&](int r) { got.push_back(r); });
    REQUIRE(got.size() == 200);
    for (int i = 0; i < 200; ++i) {
      CHECK(got[static_cast<std::size_t>(i)] == i * i);
    }
  }
}

TEST_CASE("ordered_map reads at most 2 * jobs items ahead of the one being taken") {
  constexpr std::size_t kJobs = 3;
  std::atomic<std::size_t> read{0};
  std::size_t taken = 0;
  std::size_t most_ahead = 0;
  ordered_map(
      kJobs,
      [&]() -> std::optional<std::size_t> {
        return read < 100 ? std::optional(read++) : std::nullopt;
      },
      [](std::size_t i) { return i; },
      [&](std::size_t i) {
        CHECK(i == taken);
        most_ahead = std::max(most_ahead, read.load() - taken);
        ++taken;
        std::this_thread::sleep_for(std::chrono::microseconds(100));  // a slow consumer
      });
  CHECK(taken == 100);
  CHECK(most_ahead <= 2 * kJobs + 1);
  CHECK(most_ahead >= 2);  // workers did read ahead
}

TEST_CASE("ordered_map never runs take on two threads at once") {
  for (std::size_t jobs : {2, 3, 8}) {
    CAPTURE(jobs);
    std::size_t next = 0;
    std::atomic<int> taking{0};
    int most_at_once = 0;
    std::size_t taken = 0;
    ordered_map(
        jobs,
        [&]() -> std::optional<std::size_t> {
          return next < 300 ? std::optional(next++) : std::nullopt;
        },
        [](std::size_t i) { return i; },
        [&](std::size_t i) {
          most_at_once = std::max(most_at_once, ++taking);
          CHECK(i == taken);
          ++taken;
          if (i % 5 == 0) {
            std::this_thread::sleep_for(std::chrono::microseconds(50));  // others finish meanwhile
          }
          --taking;
        });
    CHECK(taken == 300);
    CHECK(most_at_once == 1);
  }
}

TEST_CASE("ordered_map with no items calls nothing") {
  int calls = 0;
  for (std::size_t jobs : {1, 4}) {
    ordered_map(
        jobs, []() -> std::optional<int> { return std::nullopt; },
        [&](int i) {
          ++calls;
          return i;
        },
        [&](int) { ++calls; });
  }
  CHECK(calls == 0);
}

}  // namespace
}  // namespace kgex::cli
