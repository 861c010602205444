#include "core/parallel.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace otklik::parallel_test {
namespace {

// Runs ParallelFor and records, per index, how often it was visited and by
// which worker, and which thread each worker id ran on.
struct Run {
  explicit Run(size_t count) : visits(count), workers(count) {}

  void Go(unsigned threads) {
    ParallelFor(
        visits.size(),
        [&](size_t index, unsigned worker) {
          ++visits[index];
          workers[index] = worker;
          std::lock_guard lock(mutex);
          threads_of_worker[worker].insert(std::this_thread::get_id());
        },
        threads);
  }

  std::vector<std::atomic<int>> visits;
  std::vector<unsigned> workers;
  std::mutex mutex;
  std::map<unsigned, std::set<std::thread::id>> threads_of_worker;
};

TEST_CASE("WorkerCount uses the requested number of threads") {
  CHECK(WorkerCount(1) == 1);
  CHECK(WorkerCount(3) == 3);
  CHECK(WorkerCount(64) == 64);
}

TEST_CASE("WorkerCount(0) uses one worker per core and at least one") {
  const unsigned cores = std::thread::hardware_concurrency();
  CHECK(WorkerCount(0) == (cores == 0 ? 1 : cores));
  CHECK(WorkerCount() == WorkerCount(0));
}

TEST_CASE("ParallelFor with nothing to do never calls the work") {
  for (unsigned threads : {0u, 1u, 4u}) {
    int calls = 0;
    ParallelFor(
        0, [&](size_t, unsigned) { ++calls; }, threads);
    CHECK(calls == 0);
  }
}

TEST_CASE("ParallelFor with one item calls it once, as worker 0") {
  for (unsigned threads : {0u, 1u, 4u}) {
    INFO("threads " << threads);
    Run run(1);
    run.Go(threads);
    CHECK(run.visits[0] == 1);
    CHECK(run.workers[0] == 0);
  }
}

TEST_CASE("ParallelFor visits every index exactly once") {
  for (size_t count : {2u, 3u, 17u, 1000u}) {
    for (unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
      INFO("count " << count << ", threads " << threads);
      Run run(count);
      run.Go(threads);
      for (size_t i = 0; i < count; ++i) {
        INFO("index " << i);
        REQUIRE(run.visits[i] == 1);
        REQUIRE(run.workers[i] < WorkerCount(threads));
      }
    }
  }
}

TEST_CASE("ParallelFor gives each worker id its own thread, so per-worker state needs no lock") {
  Run run(2000);
  run.Go(4);
  REQUIRE_FALSE(run.threads_of_worker.empty());
  std::set<std::thread::id> all;
  for (const auto& [worker, threads] : run.threads_of_worker) {
    INFO("worker " << worker);
    CHECK(worker < 4);
    CHECK(threads.size() == 1);
    all.insert(threads.begin(), threads.end());
  }
  CHECK(all.size() == run.threads_of_worker.size());
}

TEST_CASE("ParallelFor with one thread runs everything in order as worker 0") {
  std::vector<size_t> order;
  std::vector<unsigned> workers;
  ParallelFor(
      5,
      [&](size_t index, unsigned worker) {
        order.push_back(index);
        workers.push_back(worker);
      },
      1);
  CHECK(order == std::vector<size_t>{0, 1, 2, 3, 4});
  CHECK(workers == std::vector<unsigned>{0, 0, 0, 0, 0});
}

}  // namespace
}  // namespace otklik::parallel_test
