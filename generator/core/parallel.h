#pragma once

#include <cstddef>
#include <functional>

namespace otklik {

/// How many workers ParallelFor uses for `threads` (0 = one per core).
unsigned WorkerCount(unsigned threads = 0);

/// Calls work(i, worker) for every i in [0, count) on up to WorkerCount(threads)
/// threads; `worker` is in [0, WorkerCount(threads)) and lets callers keep
/// per-thread state. Items are handed out one at a time, so uneven work
/// balances itself. Returns when all calls have finished.
void ParallelFor(size_t count, const std::function<void(size_t index, unsigned worker)>& work,
                 unsigned threads = 0);

}  // namespace otklik
