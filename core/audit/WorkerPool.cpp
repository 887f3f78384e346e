#include "audit/WorkerPool.h"

namespace sessionlens {

WorkerPool::WorkerPool(int threads, std::function<void(int)> work)
    : m_work(std::move(work)), m_start(threads), m_done(threads)
{
    for (int t = 1; t < threads; ++t)
        m_threads.emplace_back([this, t] {
            while (true) {
                m_start.arrive_and_wait();
                if (m_stop)
                    return;
                m_work(t);
                m_done.arrive_and_wait();
            }
        });
}

WorkerPool::~WorkerPool()
{
    m_stop = true;
    m_start.arrive_and_wait();
    for (std::thread &thread : m_threads)
        thread.join();
}

void WorkerPool::runRound()
{
    m_start.arrive_and_wait();
    m_work(0);
    m_done.arrive_and_wait();
}

} // namespace sessionlens
