import Dispatch
public import Foundation
import SwiftASN1
import X509

extension TrustAnchors {
    /// `nil` when a TSA's chain (leaf first, DER) validates to one of the anchors at `time` (the
    /// token's genTime) and its leaf may time-stamp (RFC 3161 §2.3: extended key usage
    /// `timeStamping`, critical — which RFC 5280 path validation alone would reject as an
    /// unhandled critical extension); else why not.
    ///
    /// Bridged to swift-certificates' `async` verifier as ``problem(with:)`` is: a detached task,
    /// awaited by the calling Dispatch worker on a semaphore (never call this from a thread of
    /// Swift's cooperative pool).
    public func timeStampProblem(with chain: [[UInt8]], at time: Date) -> String? {
        guard let leafBytes = chain.first else { return "no TSA certificate" }
        let leaf: Certificate
        let intermediates: [Certificate]
        do {
            leaf = try Certificate(derEncoded: leafBytes)
            intermediates = try chain.dropFirst().map { try Certificate(derEncoded: $0) }
        } catch {
            return "the TSA chain cannot be read for path validation (\(error))"
        }
        let roots = self.roots
        let outcome = TimeStampTrustOutcome()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
                RFC5280Policy(validationTime: time)
                TimeStampingPolicy()
            }
            switch await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates)) {
            case .validCertificate: outcome.set(nil)
            case .couldNotValidate(let failures):
                outcome.set(
                    failures.isEmpty
                        ? "no path to a trust anchor"
                        : failures.map { "\($0.policyFailureReason)" }.joined(separator: "; "))
            }
            done.signal()
        }
        done.wait()
        return outcome.value
    }
}

/// The leaf of a TSA chain must carry the `timeStamping` extended key usage (RFC 3161 §2.3);
/// handling the extension lets it be critical, as RFC 3161 requires.
struct TimeStampingPolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [.X509ExtensionID.extendedKeyUsage]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let usage = try? chain.leaf.extensions.extendedKeyUsage, usage.contains(.timeStamping) else {
            return .failsToMeetPolicy(reason: "the TSA certificate lacks the timeStamping extended key usage")
        }
        return .meetsPolicy
    }
}

private final class TimeStampTrustOutcome: @unchecked Sendable {
    // Written once by the task before it signals, read after the wait: the semaphore orders them.
    private(set) var value: String?
    func set(_ value: String?) { self.value = value }
}
