import Crypto

/// Signs many texts with one manifest content (C2PA 2.4 §A.8) without building a store per text:
/// the store a ``ManifestBuilder`` makes is the same from text to text except for
///
/// - the `c2pa.hash.data` assertion's `hash` and its exclusion's `start` (C2PA 2.x §18.5),
/// - the claim's `instanceID` and the `urn:c2pa:` manifest label (C2PA 2.x §10.2.2, §11.1),
/// - the `cawg.metadata` JSON when it carries a per-text content ID (same length),
/// - the two hashed URIs that cover those assertions (C2PA 2.x §8.3), and the signature (§14).
///
/// So it is laid out once per width of `start`'s CBOR head (``Layout``), and each text patches
/// those bytes into a copy, hashes the two changed assertions, and signs the claim afresh: every
/// text still gets its own IDs, hard binding and signature. The output is byte for byte what
/// ``TextManifestSigner/wrapper(forTextDigest:at:builder:)`` writes for the same builder and IDs
/// (with a deterministic algorithm such as Ed25519 the signature too).
///
/// A text the template cannot take — other content than the template's, IDs or metadata of
/// another length, a parent ingredient, a time-stamp authority, a text past 4 GiB — is signed
/// through the builder instead, so the result never depends on which path was taken.
public struct TextManifestTemplate: Sendable {
    static let labelPrefix = Array("urn:c2pa:".utf8)

    /// The builder every text's store stands for (its IDs and metadata are replaced per text).
    public let builder: ManifestBuilder
    /// Layouts for a `start` whose CBOR head is 1, 2, 3 or 5 bytes.
    private let layouts: [Layout]

    /// Lays out `builder`'s store (four builds, one per width of the exclusion's start).
    /// - Throws: ``ManifestError`` when the builder has a parent ingredient or a time-stamp
    ///   authority (their bytes change per signature), or a field cannot be located.
    public init(builder: ManifestBuilder) throws {
        guard builder.timeStampAuthority == nil else {
            throw ManifestError("template: a time-stamp token is requested per signature; sign through the builder")
        }
        guard builder.content.parent == nil else {
            throw ManifestError("template: a parent ingredient is per text; sign through the builder")
        }
        self.builder = builder
        layouts = try [0, 24, 0x100, 0x1_0000].map { try Layout(builder: builder, start: $0) }
    }

    /// The signed padded wrapper for a text whose NFC UTF-8 bytes, `offset` of them, hash to
    /// `digest`, with `content` (normally the template's with another instance ID and metadata)
    /// and manifest ID `manifestID`: what ``TextManifestSigner/wrapper(forTextDigest:at:builder:)``
    /// returns for a builder of that content and ID.
    /// - Throws: ``ManifestError`` for a digest that is not 32 bytes, a negative offset, a
    ///   signer that fails or returns a signature of another size.
    public func wrapper(
        forTextDigest digest: [UInt8], at offset: Int, content: ManifestBuilder.Content, manifestID: String
    ) throws -> [UInt8] {
        guard digest.count == 32 else { throw ManifestError("a SHA-256 digest is 32 bytes, got \(digest.count)") }
        guard offset >= 0 else { throw ManifestError("the wrapper cannot start at byte \(offset)") }
        let layout: Layout
        switch CBOR.headSize(UInt64(offset)) {
        case 1: layout = layouts[0]
        case 2: layout = layouts[1]
        case 3: layout = layouts[2]
        case 5: layout = layouts[3]
        default: return try slowWrapper(digest, offset, content, manifestID)
        }
        let instanceID = Array(content.instanceID.utf8)
        let label = Array(manifestID.utf8)
        guard fits(content, instanceID: instanceID, manifestID: label) else {
            return try slowWrapper(digest, offset, content, manifestID)
        }
        var store = layout.store(
            digest: digest, start: offset, instanceID: instanceID, manifestID: label, metadata: content.metadata)
        let signature = try builder.signer.sign(layout.toBeSignedPrefix + store[layout.claim])
        guard signature.count == layout.signature.count else {
            throw ManifestError("the signer returned \(signature.count) bytes, \(layout.signature.count) were reserved")
        }
        store.replaceSubrange(layout.signature, with: signature)
        return try TextManifestWrapper.encodePadded(store: store, length: layout.exclusionLength)
    }

    /// `text` (UTF-8, without a wrapper) NFC-normalized with a signed padded wrapper appended, with
    /// the template's content under `instanceID` and `manifestID`: ``TextManifestSigner/sign(_:builder:existing:)``.
    /// A text that already carries a wrapper is signed through the builder, its store kept as the parent.
    /// - Throws: ``ManifestError`` for text that is not UTF-8, ``TextManifestWrapperError`` for a
    ///   wrapper that cannot be kept.
    public func sign(_ text: [UInt8], instanceID: String, manifestID: String) throws -> [UInt8] {
        var content = builder.content
        content.instanceID = instanceID
        if try TextManifestWrapper.find(in: text) != nil {
            return try TextManifestSigner.sign(text, builder: slowBuilder(content, manifestID))
        }
        guard let normalized = TextBinding.nfc(text) else {
            let offset = TextBinding.firstInvalidUTF8Offset(text) ?? 0
            throw ManifestError("the text is not valid UTF-8 (byte \(offset))")
        }
        let digest = Array(SHA256.hash(data: normalized))
        return try normalized
            + wrapper(forTextDigest: digest, at: normalized.count, content: content, manifestID: manifestID)
    }

    /// Whether `content` differs from the template's only where the layout patches it.
    private func fits(_ content: ManifestBuilder.Content, instanceID: [UInt8], manifestID: [UInt8]) -> Bool {
        let model = builder.content
        return content.parent == nil && instanceID.count == model.instanceID.utf8.count
            && manifestID.count + Self.labelPrefix.count == builder.manifestLabel.utf8.count
            && content.metadata?.count == model.metadata?.count && content.digitalSourceType == model.digitalSourceType
            && content.softwareAgent == model.softwareAgent
            && content.softwareAgentVersion == model.softwareAgentVersion
            && content.softBinding == model.softBinding
    }

    private func slowBuilder(_ content: ManifestBuilder.Content, _ manifestID: String) -> ManifestBuilder {
        var slow = ManifestBuilder(content: content, signer: builder.signer, manifestID: manifestID)
        slow.generatorName = builder.generatorName
        slow.generatorVersion = builder.generatorVersion
        return slow
    }

    private func slowWrapper(
        _ digest: [UInt8], _ offset: Int, _ content: ManifestBuilder.Content, _ manifestID: String
    ) throws -> [UInt8] {
        try TextManifestSigner.wrapper(forTextDigest: digest, at: offset, builder: slowBuilder(content, manifestID))
    }
}
