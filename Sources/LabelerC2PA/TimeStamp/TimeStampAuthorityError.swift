/// Why signing with a time-stamp failed: the authority could not be reached or refused, or its
/// token does not fit the bytes reserved for it. Nothing is written for the file.
public struct TimeStampAuthorityError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// No usable answer (connection refused, timeout, HTTP error, a reply that is not a token for the request).
        case unavailable
        /// The token is larger than ``SignatureTimeStamp/defaultBudget`` (or the budget configured).
        case tooLarge
    }

    public var reason: Reason
    public var description: String

    public init(_ reason: Reason, _ description: String) {
        self.reason = reason
        self.description = "c2pa: " + description
    }
}
