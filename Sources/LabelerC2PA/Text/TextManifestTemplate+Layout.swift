import Crypto

extension TextManifestTemplate {
    /// One unsigned store as ``ManifestBuilder`` lays it out for an exclusion `start` whose CBOR
    /// head has one width (RFC 8949 §3.1: 1, 2, 3 or 5 bytes; every other field has a fixed size),
    /// and where in it each field that changes from text to text sits:
    ///
    /// ```
    /// jumb c2pa
    ///   jumb urn:c2pa:<manifest ID>                                   ← manifestIDs[0]
    ///     jumb c2pa.assertions
    ///       jumb c2pa.actions.v2     (fixed)
    ///       jumb cawg.metadata       json <metadata>                  ← metadata, hashed over metadataBox
    ///       jumb c2pa.hash.data      cbor {exclusions: [{start ←, length}], …, hash ←}   hashed over hashBox
    ///     jumb c2pa.claim.v2         cbor {instanceID ←, signature: "…/urn:c2pa:<ID> ←/…",
    ///                                      created_assertions: [{…, hash ← hashReference}, …],
    ///                                      gathered_assertions: [{…, hash ← metadataReference}]}   = claim
    ///     jumb c2pa.signature        cbor 18([protected, {}, nil, signature ←])
    /// ```
    /// Found by building the store once with random stand-ins for every such field and locating
    /// each stand-in, which must occur exactly as often as the layout says (else the template is
    /// refused and the caller signs through the builder).
    struct Layout: Sendable {
        /// The unsigned store with the stand-ins (overwritten for every text).
        var store: [UInt8]
        var exclusionLength: Int
        /// The exclusion's `start` CBOR head: offset and width.
        var start: Int
        var startWidth: Int
        var dataHash: Int
        /// The `c2pa.hash.data` superbox less its 8-byte header: what its hashed URI covers (c2pa.md §1.4).
        var hashBox: Range<Int>
        var hashReference: Int
        var metadata: Range<Int>?
        var metadataBox: Range<Int>?
        var metadataReference: Int?
        var instanceID: Range<Int>
        var manifestIDs: [Range<Int>]
        var claim: Range<Int>
        /// `["Signature1", protected, h'', bstr head of the claim]` (RFC 9052 §4.4): the claim follows.
        var toBeSignedPrefix: [UInt8]
        var signature: Range<Int>

        /// Lays out `builder`'s store for a text of `start` bytes.
        /// - Throws: ``ManifestError`` when a field cannot be located exactly.
        init(builder: ManifestBuilder, start: Int) throws {
            var generator = SystemRandomNumberGenerator()
            func standIn(_ count: Int) -> [UInt8] {
                (0 ..< count).map { _ in UInt8(ascii: "a") + UInt8(generator.next(upperBound: UInt8(26))) }
            }
            let idStandIn = standIn(builder.content.instanceID.utf8.count)
            let labelStandIn = standIn(builder.manifestLabel.utf8.count - TextManifestTemplate.labelPrefix.count)
            let metadataStandIn = builder.content.metadata.map { standIn($0.count) }
            let hashStandIn = (0 ..< 32).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            var content = builder.content
            content.instanceID = String(decoding: idStandIn, as: UTF8.self)
            content.metadata = metadataStandIn
            var probe = ManifestBuilder(
                content: content, signer: builder.signer, manifestID: String(decoding: labelStandIn, as: UTF8.self))
            probe.generatorName = builder.generatorName
            probe.generatorVersion = builder.generatorVersion

            let sizes = try probe.layout(start: start) { TextManifestWrapper.paddedLength(storeSize: $0) }
            let exclusion = start ..< start + sizes.exclusionLength
            store = try probe.store(exclusion: exclusion, dataHash: hashStandIn, signed: false)
            exclusionLength = sizes.exclusionLength
            guard store.count == sizes.storeSize else { throw ManifestError("template: the store misses its layout") }

            let assertions = try probe.assertions(exclusion: exclusion, dataHash: hashStandIn)
            let hashAssertion = try Self.only(assertions.last.map(\.box) ?? [], in: store)
            hashBox = hashAssertion.lowerBound + 8 ..< hashAssertion.upperBound
            hashReference = try Self.only(Array(SHA256.hash(data: store[hashBox])), in: store).lowerBound
            dataHash = try Self.only(hashStandIn, in: store).lowerBound
            let startKey = try Self.only([0x65] + Array("start".utf8), in: Array(store[hashBox]))
            self.start = hashBox.lowerBound + startKey.upperBound
            startWidth = CBOR.headSize(UInt64(start))
            var head: [UInt8] = []
            CBOR.writeHead(0, UInt64(start), into: &head)
            guard Array(store[self.start ..< self.start + startWidth]) == head else {
                throw ManifestError("template: the exclusion's start is not where it was expected")
            }
            if let metadataStandIn, let box = assertions.first(where: { $0.label == "cawg.metadata" })?.box {
                metadata = try Self.only(metadataStandIn, in: store)
                let whole = try Self.only(box, in: store)
                metadataBox = whole.lowerBound + 8 ..< whole.upperBound
                metadataReference = try Self.only(Array(SHA256.hash(data: box.dropFirst(8))), in: store).lowerBound
            }
            instanceID = try Self.only(idStandIn, in: store)
            manifestIDs = Self.occurrences(of: labelStandIn, in: store)
            guard manifestIDs.count == 2 else {
                throw ManifestError("template: the manifest label occurs \(manifestIDs.count) times, not twice")
            }
            let claimBytes = probe.claimBytes(referencing: assertions)
            claim = try Self.only(claimBytes, in: store)
            toBeSignedPrefix = Array(
                COSE.Sign1.toBeSigned(protectedBytes: probe.protectedHeader, payload: claimBytes)
                    .dropLast(claimBytes.count))
            let size = builder.signer.signatureSize
            signature = store.count - size ..< store.count
            var signatureHead: [UInt8] = []
            CBOR.writeHead(2, UInt64(size), into: &signatureHead)
            guard store[signature].allSatisfy({ $0 == 0 }),
                Array(store[signature.lowerBound - signatureHead.count ..< signature.lowerBound]) == signatureHead
            else { throw ManifestError("template: the signature is not the store's last field") }
        }

        /// The range of the one occurrence of `needle` in `haystack`.
        static func only(_ needle: [UInt8], in haystack: [UInt8]) throws -> Range<Int> {
            let found = occurrences(of: needle, in: haystack)
            guard found.count == 1, !needle.isEmpty else {
                throw ManifestError("template: a field occurs \(found.count) times in the store, not once")
            }
            return found[0]
        }

        /// Every range where `needle` occurs in `haystack` (a plain scan: this runs over a few KB
        /// once per layout, and `firstRange(of:)` went through generic searching ten times slower).
        static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Range<Int>] {
            guard let first = needle.first, haystack.count >= needle.count else { return [] }
            var found: [Range<Int>] = []
            haystack.withUnsafeBufferPointer { hay in
                needle.withUnsafeBufferPointer { needle in
                    for start in 0 ... hay.count - needle.count where hay[start] == first {
                        var index = 1
                        while index < needle.count, hay[start + index] == needle[index] { index += 1 }
                        if index == needle.count { found.append(start ..< start + needle.count) }
                    }
                }
            }
            return found
        }

        /// The unsigned store for one text, every changing field written (``TextManifestTemplate``'s checks done).
        func store(
            digest: [UInt8], start: Int, instanceID: [UInt8], manifestID: [UInt8], metadata: [UInt8]?
        )
            -> [UInt8]
        {
            var out = store
            out.withUnsafeMutableBufferPointer { bytes in
                func put(_ value: some Collection<UInt8>, at offset: Int) {
                    _ = UnsafeMutableBufferPointer(rebasing: bytes[offset ..< offset + value.count]).initialize(
                        from: value)
                }
                var head: [UInt8] = []
                CBOR.writeHead(0, UInt64(start), into: &head)
                put(head, at: self.start)
                put(digest, at: dataHash)
                put(instanceID, at: self.instanceID.lowerBound)
                for range in manifestIDs { put(manifestID, at: range.lowerBound) }
                put(Self.sha256(bytes, hashBox), at: hashReference)
                if let metadata, let range = self.metadata, let box = metadataBox, let reference = metadataReference {
                    put(metadata, at: range.lowerBound)
                    put(Self.sha256(bytes, box), at: reference)
                }
            }
            return out
        }

        private static func sha256(_ bytes: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: bytes[range])))
            return Array(hasher.finalize())
        }
    }
}
