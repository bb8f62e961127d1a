/// Why a time-stamp token was not accepted, by the C2PA status it becomes (C2PA 2.x §15.10;
/// c2pa-rs `timeStamp.*` codes).
public enum TimeStampError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The token (or the `sigTst2` container holding it) cannot be read: `timeStamp.malformed`.
    case malformed(String)
    /// The token reads but does not cover this signature, or its CMS signature does not verify:
    /// `timeStamp.mismatch`.
    case mismatch(String)
    /// `genTime` lies outside the TSA certificate's validity: `timeStamp.outsideValidity`.
    case outsideValidity(String)

    /// The C2PA validation status code of the failure.
    public var statusCode: String {
        switch self {
        case .malformed: return "timeStamp.malformed"
        case .mismatch: return "timeStamp.mismatch"
        case .outsideValidity: return "timeStamp.outsideValidity"
        }
    }

    public var description: String {
        switch self {
        case .malformed(let why), .mismatch(let why), .outsideValidity(let why): return why
        }
    }
}
