public import Foundation

extension ManifestValidation {
    /// What the claim signature's RFC 3161 time-stamp says (C2PA 2.x §10.3.2.5). With
    /// `validated`, `time` is the moment the signature provably existed: the signing
    /// certificate's validity may be judged then rather than now (C2PA 2.x §14.5).
    public struct TimeStamp: Sendable, Hashable {
        /// The token's `genTime` (also set, unvalidated, when the token reads but does not verify).
        public var time: Date
        /// The token verifies for this signature (`timeStamp.validated`).
        public var validated: Bool
        /// The TSA's subject, when validated.
        public var authority: String?
        /// The TSA chains to a trust anchor (`timeStamp.trusted`).
        public var trusted = false

        public init(time: Date, validated: Bool, authority: String? = nil) {
            self.time = time
            self.validated = validated
            self.authority = authority
        }
    }
}
