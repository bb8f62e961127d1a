import Dispatch
import Synchronization

/// Runs work over a stream of inputs on `jobs` Dispatch workers and hands results back in input order.
///
/// Workers pull runs of inputs from `source` under one lock (the source is never shared otherwise),
/// so the stream is never materialised. Results wait in a reorder buffer until every earlier one
/// is delivered; a worker that finds the buffer full (``maxPending``) waits instead of claiming
/// more, so memory is bounded by the work in flight even when one file is slow, never by the
/// number of inputs. `deliver` is called under the lock, one result at a time, in order.
struct OrderedParallelRunner<Source: IteratorProtocol & Sendable, Result: Sendable>: Sendable
where Source.Element: Sendable {
    typealias Input = Source.Element

    let jobs: Int
    /// Results allowed to wait for an earlier one before workers pause.
    var maxPending = 8192

    private enum Claim {
        case run(Int, [Input])
        case wait
        case done
    }

    private struct State {
        var source: Source
        var nextSequence = 0
        var nextToDeliver = 0
        var pending: [Int: (Input, Result)] = [:]
        var stopped = false
        var exhausted = false
    }

    /// - Parameters:
    ///   - source: the inputs, pulled lazily.
    ///   - claimSize: inputs a worker claims next (its group); asked once per claim.
    ///   - work: processes one claimed run and returns one result per input, in order.
    ///   - deliver: receives each result in input order; return `false` to stop claiming new work.
    /// - Returns: the source as the run left it (to read counters it kept).
    @discardableResult
    func run(
        _ source: Source, claimSize: @Sendable () -> Int = { 1 }, work: @Sendable (_ inputs: [Input]) -> [Result],
        deliver: @Sendable (_ input: Input, _ result: Result) -> Bool
    ) -> Source {
        let state = Mutex(State(source: source))
        let limit = maxPending
        DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { _ in
            while true {
                let claim: Claim = state.withLock { state in
                    if state.stopped || state.exhausted { return .done }
                    if state.pending.count >= limit { return .wait }
                    var inputs: [Input] = []
                    let size = max(1, claimSize())
                    while inputs.count < size, let input = state.source.next() { inputs.append(input) }
                    if inputs.isEmpty { state.exhausted = true; return .done }
                    let start = state.nextSequence
                    state.nextSequence += inputs.count
                    return .run(start, inputs)
                }
                switch claim {
                case .done: return
                case .wait: System.pause(microseconds: 500); continue
                case .run(let start, let inputs):
                    let results = work(inputs)
                    state.withLock { state in
                        for (offset, result) in results.enumerated() {
                            state.pending[start + offset] = (inputs[offset], result)
                        }
                        while let (input, result) = state.pending.removeValue(forKey: state.nextToDeliver) {
                            if !deliver(input, result) { state.stopped = true }
                            state.nextToDeliver += 1
                        }
                    }
                }
            }
        }
        return state.withLock { $0.source }
    }
}
