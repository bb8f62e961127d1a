import Crypto

/// The asset a new manifest was made from, when that asset already carried a manifest store (an
/// OpenAI or Adobe output, a camera's capture): C2PA 2.x §10.3.2.3 / §18.11 "parentOf" ingredient.
///
/// The parent's manifests are copied into the new store verbatim, before the new one, which
/// references the parent's active manifest through a `c2pa.ingredient.v3` assertion
/// (c2pa.md §4.4):
///
/// ```
/// jumb c2pa
///   jumb <parent's manifests, verbatim, in their order>   ← copied
///   jumb urn:c2pa:<new>                                    ← active
///     jumb c2pa.assertions
///       jumb c2pa.ingredient.v3  {relationship: parentOf, dc:format, validationResults,
///                                 activeManifest: {url: self#jumbf=/c2pa/<parent>, alg, hash},
///                                 claimSignature: {url: …/c2pa.signature, alg, hash}}
///       jumb c2pa.actions.v2     {actions: [{action: c2pa.opened, parameters: {ingredients: [hashed URI]}, …}]}
/// ```
/// The two hashes are SHA-256 of the parent's `c2ma` and `c2cs` superbox payloads (c2pa.md §1.4).
public struct ParentIngredient: Sendable, Hashable {
    /// The parent store's manifest superboxes, verbatim and in store order (the active one last).
    public let manifests: [[UInt8]]
    /// The label of the parent's active manifest.
    public let activeManifest: String
    let activeManifestHash: [UInt8]
    let claimSignatureHash: [UInt8]
    /// The parent's media type (`image/jpeg`), its `dc:title`, and its validation when it was opened.
    public var format: String
    public var title: String?
    public var validation: ManifestValidation

    /// The ingredient for an asset carrying `store`, validated as `validation` when it was read.
    /// - Throws: ``ManifestError`` when the store has no manifest or its active manifest no signature.
    public init(store: ManifestStore, validation: ManifestValidation, format: String, title: String? = nil) throws {
        guard let active = store.active else { throw ManifestError("the parent's store holds no manifest") }
        guard let signature = active.box.superboxes.first(where: { $0.description.contentType == .signature }) else {
            throw ManifestError("the parent's active manifest has no signature box")
        }
        let bytes = store.bytes
        manifests = store.root.superboxes
            .filter { [.standardManifest, .updateManifest].contains($0.description.contentType) }
            .map { Array(bytes[$0.range]) }
        activeManifest = active.label
        activeManifestHash = Array(SHA256.hash(data: bytes[active.box.payloadRange]))
        claimSignatureHash = Array(SHA256.hash(data: bytes[signature.payloadRange]))
        self.format = format
        self.title = title
        self.validation = validation
    }

    /// The `c2pa.ingredient.v3` assertion (keys in the order c2pa-rs serializes them).
    var assertion: CBOR {
        var pairs: [CBOR.Pair] = [.init(.text("relationship"), .text("parentOf"))]
        if let title { pairs.append(.init(.text("dc:title"), .text(title))) }
        pairs.append(.init(.text("dc:format"), .text(format)))
        func statuses(_ kind: ValidationStatus.Kind) -> CBOR {
            .array(
                validation.statuses.filter { $0.kind == kind }.map { status in
                    var entry: [CBOR.Pair] = [.init(.text("code"), .text(status.code))]
                    if let url = status.url { entry.append(.init(.text("url"), .text(url))) }
                    entry.append(.init(.text("explanation"), .text(status.explanation)))
                    return .map(entry)
                })
        }
        pairs.append(
            .init(
                .text("validationResults"),
                .map([
                    "activeManifest": .map([
                        "success": statuses(.success), "informational": statuses(.informational),
                        "failure": statuses(.failure),
                    ])
                ])))
        let base = "self#jumbf=/c2pa/" + activeManifest
        pairs.append(
            .init(
                .text("activeManifest"),
                .map(["url": .text(base), "alg": .text("sha256"), "hash": .bytes(activeManifestHash)])))
        pairs.append(
            .init(
                .text("claimSignature"),
                .map([
                    "url": .text(base + "/c2pa.signature"), "alg": .text("sha256"), "hash": .bytes(claimSignatureHash),
                ])))
        return .map(pairs)
    }
}
