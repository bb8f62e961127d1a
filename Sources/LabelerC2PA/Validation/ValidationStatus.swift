/// One C2PA validation status (C2PA 2.x §15.2; codes as c2pa-rs `validation_codes`).
public struct ValidationStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case success, informational, failure
    }

    public var code: String
    public var kind: Kind
    /// The JUMBF URL the status is about, where it has one.
    public var url: String?
    public var explanation: String

    public init(_ code: String, _ kind: Kind, url: String? = nil, _ explanation: String) {
        self.code = code
        self.kind = kind
        self.url = url
        self.explanation = explanation
    }

    public var description: String { "\(code)" + (url.map { " (\($0))" } ?? "") + ": \(explanation)" }
}

/// What validating a manifest store found, for its active manifest.
public struct ManifestValidation: Sendable, Hashable {
    /// As c2pa-rs reports it: `invalid` if any failure other than an untrusted credential; else
    /// `trusted` when the chain ends at a trust anchor; else `valid`.
    public enum State: String, Sendable, Hashable, Codable {
        case valid, invalid, trusted
    }

    public var state: State
    public var statuses: [ValidationStatus]
    public var activeManifest: String?
    public var claimVersion: Int?
    public var algorithm: COSE.Algorithm?
    /// `digitalSourceType` of the active manifest's `c2pa.created` (or first) action, if any.
    public var digitalSourceType: String?
    public var softwareAgent: String?
    /// The JSON-LD of the active manifest's `cawg.metadata` assertion, verbatim (it is covered by
    /// the claim's hashed URIs, so as trustworthy as the signature).
    public var metadataJSON: [UInt8]?
    /// The signing certificate's subject and issuer (RFC 4514 text), when the x5chain was read.
    public var signer: String?
    public var signerIssuer: String?
    /// The active manifest's ingredients (a parent whose manifests were kept, C2PA 2.x §10.3.2.3).
    public var ingredients: [IngredientSummary] = []
    /// The claim signature's time-stamp, if it carries one (see ``TimeStamp``).
    public var timeStamp: TimeStamp?

    public var failures: [ValidationStatus] { statuses.filter { $0.kind == .failure } }
}
