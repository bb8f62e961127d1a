import Foundation
import Synchronization

/// Path-validation results by chain, for a batch where thousands of files carry the same signer's
/// chain: the path (signatures, names, CA flags, key usages) is checked once, and the only
/// time-dependent part — validity — is covered by the window the result is kept for.
///
/// A result computed at a time inside `window` (the intersection of the validity periods of the
/// chain and of every anchor) holds for any other time inside it: nothing else in
/// ``CertificatePath`` depends on the time. Results computed outside the window are not kept.
/// Bounded: at ``capacity`` entries the cache starts over.
final class PathCache: Sendable {
    struct Entry: Sendable {
        var window: ClosedRange<Date>
        var problem: String?
    }

    static let capacity = 1_024
    private let entries = Mutex<[[[UInt8]]: Entry]>([:])

    func problem(
        for chain: [X509Certificate], anchors: [X509Certificate], at time: Date, compute: () -> String?
    ) -> String? {
        let key = chain.map(\.der)
        if let entry = entries.withLock({ $0[key] }), entry.window.contains(time) { return entry.problem }
        let problem = compute()
        let everything = chain + anchors
        let start = everything.map(\.notBefore).max() ?? time
        let end = everything.map(\.notAfter).min() ?? time
        if start <= end, (start ... end).contains(time) {
            entries.withLock { entries in
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = Entry(window: start ... end, problem: problem)
            }
        }
        return problem
    }
}
