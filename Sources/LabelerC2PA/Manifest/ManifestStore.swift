/// A C2PA manifest store read from its JUMBF bytes (C2PA 2.x §11): the manifests in order, the
/// active one last, each with its claim, assertions and signature located by byte range.
public struct ManifestStore: Sendable {
    /// The store's bytes (as found in the asset, reassembled from its carriers).
    public let bytes: [UInt8]
    public let root: JUMBF.Superbox
    public let manifests: [Manifest]

    /// The manifest the asset's provenance starts from (C2PA 2.x §11.1.4: the last one).
    public var active: Manifest? { manifests.last }

    /// Parses a store.
    /// - Throws: ``JUMBF/Error`` for a bad box tree, ``CBOR/Error`` for a bad claim, ``ManifestError``
    ///   for a store that is not C2PA-shaped.
    public init(parsing bytes: [UInt8]) throws {
        self.bytes = bytes
        root = try JUMBF.Reader.parse(bytes)
        guard root.description.contentType == .manifestStore else {
            throw ManifestError(
                "the top superbox is not a C2PA manifest store (content type \(root.description.contentType))")
        }
        manifests = try root.superboxes
            .filter { [.standardManifest, .updateManifest].contains($0.description.contentType) }
            .map { try Manifest(box: $0, in: bytes) }
    }
}

/// One manifest: claim, assertion store, claim signature.
public struct Manifest: Sendable {
    public let box: JUMBF.Superbox
    public var label: String { box.label ?? "" }
    /// The claim's CBOR bytes, exactly as signed.
    public let claimBytes: [UInt8]
    public let claim: CBOR
    /// 1 (`c2pa.claim`, `assertions`) or 2 (`c2pa.claim.v2`, `created_assertions`).
    public let claimVersion: Int
    public let assertionStore: JUMBF.Superbox?
    /// The `COSE_Sign1` bytes of the claim signature, if there is one.
    public let signatureBytes: [UInt8]?

    init(box: JUMBF.Superbox, in bytes: [UInt8]) throws {
        self.box = box
        let claims = box.superboxes.filter { $0.description.contentType == .claim }
        guard claims.count == 1, let claimBox = claims[0].contentBoxes.first(where: { $0.type == .cbor }) else {
            throw ManifestError(
                claims.isEmpty
                    ? "claim.missing: no claim in \(box.label ?? "a manifest")"
                    : "claim.multiple: \(claims.count) claims")
        }
        claimBytes = Array(bytes[claimBox.payloadRange])
        claim = try CBOR.Decoder.decode(claimBytes)
        guard case .map = claim else { throw ManifestError("claim.malformed: the claim is not a CBOR map") }
        let hasV1 = claim["assertions"] != nil
        let hasV2 = claim["created_assertions"] != nil
        guard hasV1 != hasV2 else { throw ManifestError("claim.malformed: neither a v1 nor a v2 claim") }
        claimVersion = hasV2 ? 2 : 1
        assertionStore = box.superboxes.first { $0.description.contentType == .assertionStore }
        signatureBytes = box.superboxes.first { $0.description.contentType == .signature }?
            .contentBoxes.first { $0.type == .cbor }.map { Array(bytes[$0.payloadRange]) }
    }

    /// The claim's references to its assertions: `assertions` (v1) or `created_assertions` and
    /// `gathered_assertions` (v2).
    public var assertionReferences: [HashedURI] {
        let keys = claimVersion == 1 ? ["assertions"] : ["created_assertions", "gathered_assertions"]
        return keys.flatMap { claim[$0]?.arrayValue ?? [] }.compactMap(HashedURI.init)
    }

    /// The claim's default hash algorithm (`alg`, else SHA-256).
    public var hashAlgorithm: String { claim["alg"]?.textValue ?? "sha256" }

    /// The assertion superbox labelled `label` (labels may carry an `__N` instance suffix).
    public func assertion(_ label: String) -> JUMBF.Superbox? { assertionStore?.child(label) }

    /// The assertions whose label starts with `prefix` (`c2pa.hash.data`, `c2pa.actions`).
    public func assertions(prefixed prefix: String) -> [JUMBF.Superbox] {
        assertionStore?.superboxes.filter {
            $0.label.map { $0 == prefix || $0.hasPrefix(prefix + ".") || $0.hasPrefix(prefix + "__") } ?? false
        } ?? []
    }
}

/// A hashed URI (C2PA 2.x §8.3): `{url, alg?, hash}`.
public struct HashedURI: Sendable, Hashable {
    public var url: String
    public var algorithm: String?
    public var hash: [UInt8]

    init?(_ item: CBOR) {
        guard let url = item["url"]?.textValue, let hash = item["hash"]?.bytesValue else { return nil }
        self.url = url
        self.hash = hash
        algorithm = item["alg"]?.textValue
    }

    /// The last path component of a `self#jumbf=` URL: the assertion label.
    public var label: String { String(url.split(separator: "/").last ?? "") }
}

/// A store that parses as JUMBF but is not a usable C2PA manifest store.
public struct ManifestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = "c2pa: " + description }
}
