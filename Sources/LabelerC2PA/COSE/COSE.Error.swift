extension COSE {
    /// Why a signature structure or key is not usable.
    public enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// The bytes are not a `COSE_Sign1` (wrong tag, not a 4-element array, wrong field types).
        case malformed(String)
        case unsupportedAlgorithm(Int64)
        /// The public key could not be read for the algorithm.
        case badKey(String)

        public var description: String {
            switch self {
            case .malformed(let reason): return "cose: not a COSE_Sign1: \(reason)"
            case .unsupportedAlgorithm(let value): return "cose: algorithm \(value) is not one C2PA allows"
            case .badKey(let reason): return "cose: public key unusable: \(reason)"
            }
        }
    }
}
