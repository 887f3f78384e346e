#pragma once

#include <atomic>
#include <barrier>
#include <functional>
#include <thread>
#include <vector>

namespace sessionlens {

/**
 * Threads that live for one audit and run one task each per round: the size audit and the
 * secret audit share it. Starting threads per block made glibc hand out malloc arenas anew
 * and the peak memory crept up with the input; the same threads for the whole run do not.
 *
 * The calling thread is worker 0, so `threads` workers cost `threads - 1` extra threads.
 * Stops (and joins) when it goes out of scope, whichever way the run ends.
 */
class WorkerPool
{
public:
    /// `work(worker)` runs once per round on each worker, 0 on the calling thread.
    WorkerPool(int threads, std::function<void(int worker)> work);
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    [[nodiscard]] int size() const { return int(m_threads.size()) + 1; }
    /// Runs one round and returns when every worker has finished it.
    void runRound();

private:
    std::function<void(int)> m_work;
    std::barrier<> m_start, m_done;
    std::atomic<bool> m_stop = false;
    std::vector<std::thread> m_threads;
};

} // namespace sessionlens
