#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace otklik {

unsigned WorkerCount(unsigned threads) {
  return threads != 0 ? threads : std::max(1u, std::thread::hardware_concurrency());
}

void ParallelFor(size_t count, const std::function<void(size_t, unsigned)>& work, unsigned threads) {
  const unsigned workers = static_cast<unsigned>(std::min<size_t>(WorkerCount(threads), count));
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) work(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  auto drain = [&](unsigned worker) {
    for (size_t i = next++; i < count; i = next++) work(i, worker);
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(drain, w);
  drain(0);
  for (std::thread& thread : pool) thread.join();
}

}  // namespace otklik
