import Dispatch
import Synchronization

/// Runs work over `count` items on `jobs` Dispatch workers and hands results back in item order.
///
/// Workers claim indices in increasing order, so at most about `jobs × batch` results wait in the
/// reorder buffer: memory is bounded by the work in flight, not by the number of items.
/// `deliver` is called under a lock, one result at a time, in order.
struct OrderedParallelRunner<Result: Sendable>: Sendable {
    let count: Int
    let jobs: Int

    private struct State {
        var nextIndex = 0
        var nextToDeliver = 0
        var pending: [Int: Result] = [:]
        var stopped = false
    }

    /// - Parameters:
    ///   - work: processes a run of claimed indices for one worker (`worker` is 0..<jobs) and returns
    ///     their results; called repeatedly until the items run out.
    ///   - claimSize: indices a worker claims at once (its batch).
    ///   - deliver: receives each result in index order; return `false` to stop claiming new work.
    func run(claimSize: Int = 1, work: @Sendable (_ worker: Int, _ indices: Range<Int>) -> [Result],
             deliver: @Sendable (_ index: Int, _ result: Result) -> Bool) {
        let state = Mutex(State())
        let workers = max(1, min(jobs, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let claimed: Range<Int>? = state.withLock { state in
                    guard !state.stopped, state.nextIndex < count else { return nil }
                    let start = state.nextIndex
                    state.nextIndex = min(count, start + max(1, claimSize))
                    return start ..< state.nextIndex
                }
                guard let claimed else { return }
                let results = work(worker, claimed)
                state.withLock { state in
                    for (offset, result) in results.enumerated() { state.pending[claimed.lowerBound + offset] = result }
                    while let result = state.pending.removeValue(forKey: state.nextToDeliver) {
                        if !deliver(state.nextToDeliver, result) { state.stopped = true }
                        state.nextToDeliver += 1
                    }
                }
            }
        }
    }
}
