/// Builds a signed C2PA manifest store for one asset (C2PA 2.x §10–§14), laid out as c2pa-rs
/// writes it:
///
/// ```
/// jumb c2pa
///   jumb <a parent's manifests, verbatim>   (only with a ``ParentIngredient``)
///   jumb urn:c2pa:<uuid>               (c2ma)
///     jumb c2pa.assertions            (c2as)
///       jumb c2pa.ingredient.v3       cbor {relationship: parentOf, …}       (only with a parent)
///       jumb c2pa.actions.v2          cbor {actions: [{action: c2pa.created | c2pa.opened, digitalSourceType, …}]}
///       jumb cawg.metadata            json {@context, Iptc4xmpExt:DigitalSourceType, TC260:AIGC, …}  (optional)
///       jumb c2pa.hash.data           cbor {exclusions: [{start, length}], name, alg, hash, pad}
///     jumb c2pa.claim.v2              cbor {instanceID, claim_generator_info, signature,
///                                           created_assertions, gathered_assertions?, alg}
///     jumb c2pa.signature             cbor 18([protected {1: alg, 33: x5chain}, {}, nil, signature])
/// ```
/// Every field has a fixed size once the exclusion is known (SHA-256 hashes, a UUID, a signature
/// of ``Signer/signatureSize``), so the store's size is known before the asset is hashed: the
/// caller reserves it, hashes everything else, and fills it in (one read, one write per file).
public struct ManifestBuilder: Sendable {
    /// What the manifest says about the asset.
    public struct Content: Sendable, Hashable {
        public var digitalSourceType: String
        public var softwareAgent: String
        public var softwareAgentVersion: String?
        public var instanceID: String
        /// The asset this one was made from, when it carried a manifest store: its manifests are
        /// kept, and the new manifest's first action is `c2pa.opened` of it.
        public var parent: ParentIngredient?
        /// A `cawg.metadata` assertion (a JSON-LD object, UTF-8): the disclosure as metadata.
        public var metadata: [UInt8]?
        /// A `c2pa.soft-binding` assertion for an invisible watermark in the pixels, so a copy
        /// whose metadata was stripped can be matched back to this manifest.
        public var softBinding: SoftBinding?

        public init(
            digitalSourceType: String, softwareAgent: String, softwareAgentVersion: String?, instanceID: String,
            parent: ParentIngredient? = nil, metadata: [UInt8]? = nil
        ) {
            self.digitalSourceType = digitalSourceType
            self.softwareAgent = softwareAgent
            self.softwareAgentVersion = softwareAgentVersion
            self.instanceID = instanceID
            self.parent = parent
            self.metadata = metadata
        }
    }

    /// A watermark (or fingerprint) value and the algorithm that reads it (C2PA 2.x §18.9
    /// soft binding; c2pa.md §4.3).
    public struct SoftBinding: Sendable, Hashable {
        /// The algorithm name (`org.labeler.spread-spectrum.1`: not in the C2PA registry).
        public var algorithm: String
        /// The value the algorithm extracts from the whole image (`scope` empty).
        public var value: [UInt8]

        public init(algorithm: String, value: [UInt8]) {
            self.algorithm = algorithm
            self.value = value
        }
    }

    /// What the manifest says; the assertions that depend only on it are built once, here
    /// (``prepared``), not again for the layout and for the signed store.
    public var content: Content {
        didSet { prepared = try? fixedAssertions() }
    }
    public let signer: any Signer
    /// The assertions built from ``content`` alone (`nil`: building them failed; the error is
    /// thrown when the store is built).
    private(set) var prepared: [AssertionBox]?
    /// The COSE protected header (alg, x5chain): it depends only on the signer.
    let protectedHeader: [UInt8]
    /// `urn:c2pa:<uuid>`.
    public let manifestLabel: String
    /// `claim_generator_info.name` / `.version`.
    public var generatorName = "labelctl"
    public var generatorVersion = "0.2.0"
    /// Time-stamps each signature (`sigTst2`); `nil`: none (offline signing).
    public var timeStampAuthority: (any TimeStampAuthority)?
    /// Bytes reserved for the time-stamp token when ``timeStampAuthority`` is set.
    public var timeStampBudget = SignatureTimeStamp.defaultBudget

    public init(content: Content, signer: any Signer, manifestID: String) {
        self.content = content
        self.signer = signer
        manifestLabel = "urn:c2pa:" + manifestID
        let chain = signer.certificateChain
        let x5chain: CBOR = chain.count == 1 ? .bytes(chain[0]) : .array(chain.map { .bytes($0) })
        protectedHeader =
            CBOR.map([
                .init(.int(COSE.HeaderLabel.algorithm), .int(signer.algorithm.rawValue)),
                .init(.int(COSE.HeaderLabel.x5chain), x5chain),
            ]).encoded
        prepared = try? fixedAssertions()
    }

    /// The store's size and the exclusion's length for a store whose carrier starts at `start` in
    /// the asset and takes `carrierSize(storeSize)` bytes there (APP11 headers, a PNG chunk frame).
    ///
    /// The store is built once, unsigned, with an exclusion of length 0: the exclusion's `length`
    /// is the only field whose size moves with the layout, by the width of its CBOR head
    /// (RFC 8949 §3.1: 1, 2, 3, 5 or 9 bytes), so the fixed point is found by arithmetic.
    /// ``store(exclusion:dataHash:)`` is checked to come out at exactly this size by its caller.
    /// - Throws: when the sizes do not settle (they do within two rounds).
    public func layout(start: Int, carrierSize: (Int) -> Int) throws -> (storeSize: Int, exclusionLength: Int) {
        let unsigned = try store(exclusion: start ..< start, dataHash: [UInt8](repeating: 0, count: 32), signed: false)
        let base = unsigned.count - CBOR.headSize(0)
        var length = 0
        for _ in 0 ..< 4 {
            let size = base + CBOR.headSize(UInt64(length))
            let needed = carrierSize(size)
            if needed == length { return (size, length) }
            length = needed
        }
        throw ManifestError("the store's size does not settle")
    }

    /// The signed store for an asset whose bytes outside `exclusion` hash (SHA-256) to `dataHash`.
    public func store(exclusion: Range<Int>, dataHash: [UInt8]) throws -> [UInt8] {
        try store(exclusion: exclusion, dataHash: dataHash, signed: true)
    }

    func store(exclusion: Range<Int>, dataHash: [UInt8], signed: Bool) throws -> [UInt8] {
        let assertionBoxes = try assertions(exclusion: exclusion, dataHash: dataHash)
        let claim = claimBytes(referencing: assertionBoxes)
        let signature = try signatureBox(claim: claim, signed: signed)
        return try JUMBF.Writer.superbox(
            .manifestStore, label: "c2pa",
            children: (content.parent?.manifests ?? []) + [
                try JUMBF.Writer.superbox(
                    .standardManifest, label: manifestLabel,
                    children: [
                        try JUMBF.Writer.superbox(
                            .assertionStore, label: "c2pa.assertions", children: assertionBoxes.map(\.box)),
                        try JUMBF.Writer.superbox(
                            .claim, label: "c2pa.claim.v2", children: [try JUMBF.Writer.contentBox(.cbor, claim)]),
                        signature,
                    ])
            ])
    }
}
