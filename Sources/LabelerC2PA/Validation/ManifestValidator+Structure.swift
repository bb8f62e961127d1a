extension ManifestValidator {
    /// Most certificates an `x5chain` may hold (leaf and intermediates; real chains have 2–4).
    public static let maxChainLength = 10
    /// Largest certificate accepted in an `x5chain`, in bytes (real ones are 0.5–2 KB).
    public static let maxCertificateSize = 64 * 1024

    /// The shape of the active manifest's assertion store against its claim (C2PA 2.x §15.10.1,
    /// §11.1.2): every assertion box is declared by the claim (`assertion.undeclared`), a label
    /// names one box (a hashed URI must resolve to exactly one), and a claim names an assertion
    /// once (`claim.malformed`).
    func checkStructure(_ manifest: Manifest, base: String, into result: inout ManifestValidation) {
        let labels = manifest.assertionStore?.superboxes.map { $0.label ?? "" } ?? []
        var seen: Set<String> = []
        for label in labels where !seen.insert(label).inserted {
            result.statuses.append(
                ValidationStatus(
                    "claim.malformed", .failure, url: base + "/c2pa.assertions/" + label,
                    "two assertions are labelled '\(label)': a hashed URI cannot tell them apart"))
        }
        let referenced = manifest.assertionReferences.map(\.label)
        var named: Set<String> = []
        for label in referenced where !named.insert(label).inserted {
            result.statuses.append(
                ValidationStatus(
                    "claim.malformed", .failure, url: base + "/c2pa.assertions/" + label,
                    "the claim names assertion '\(label)' more than once"))
        }
        for label in Set(labels).subtracting(named).sorted() {
            result.statuses.append(
                ValidationStatus(
                    "assertion.undeclared", .failure, url: base + "/c2pa.assertions/" + label,
                    "assertion '\(label)' is in the store but not in the claim"))
        }
    }

    /// Why an `x5chain` is refused before any certificate is parsed, or `nil`.
    static func chainLimitProblem(_ chain: [[UInt8]]) -> String? {
        if chain.count > maxChainLength {
            return "the x5chain holds \(chain.count) certificates (limit \(maxChainLength))"
        }
        if let index = chain.firstIndex(where: { $0.count > maxCertificateSize }) {
            return "x5chain certificate \(index) is \(chain[index].count) bytes (limit \(maxCertificateSize))"
        }
        return nil
    }
}
