import Crypto

extension ManifestBuilder {
    /// One assertion superbox and its label in the assertion store.
    struct AssertionBox {
        var label: String
        var box: [UInt8]
    }

    /// The assertions of the new manifest, in store order (C2PA 2.x §10):
    /// `c2pa.actions.v2` (`c2pa.created`, the record's digitalSourceType, softwareAgent = the AI
    /// system) and `c2pa.hash.data` (the hard binding, §18.5) with its one exclusion.
    func assertions(exclusion: Range<Int>, dataHash: [UInt8]) throws -> [AssertionBox] {
        var agent: [CBOR.Pair] = [.init(.text("name"), .text(content.softwareAgent))]
        if let version = content.softwareAgentVersion { agent.append(.init(.text("version"), .text(version))) }
        let actions = CBOR.map([
            "actions": .array([
                .map([
                    "action": .text("c2pa.created"), "digitalSourceType": .text(content.digitalSourceType),
                    "softwareAgent": .map(agent),
                ])
            ])
        ])
        let hash = CBOR.map([
            "exclusions": .array([
                .map(["start": .int(Int64(exclusion.lowerBound)), "length": .int(Int64(exclusion.count))])
            ]),
            "name": .text("jumbf manifest"), "alg": .text("sha256"), "hash": .bytes(dataHash), "pad": .bytes([]),
        ])
        return try [("c2pa.actions.v2", actions), ("c2pa.hash.data", hash)].map { label, value in
            AssertionBox(
                label: label,
                box: try JUMBF.Writer.superbox(
                    .cborAssertion, label: label, children: [try JUMBF.Writer.contentBox(.cbor, value.encoded)]))
        }
    }

    /// The claim v2 (C2PA 2.x §10.2; c2pa.md §3.2) referencing `assertions` by hashed URI (SHA-256
    /// of each superbox's payload, §1.4), CBOR-encoded exactly as it will be signed.
    func claimBytes(referencing assertions: [AssertionBox]) -> [UInt8] {
        let references: [CBOR] = assertions.map { assertion in
            .map([
                "url": .text("self#jumbf=c2pa.assertions/" + assertion.label),
                "hash": .bytes(Array(SHA256.hash(data: assertion.box.dropFirst(8)))),
            ])
        }
        return CBOR.map([
            "instanceID": .text(content.instanceID),
            "claim_generator_info": .map(["name": .text(generatorName), "version": .text(generatorVersion)]),
            "signature": .text("self#jumbf=/c2pa/\(manifestLabel)/c2pa.signature"),
            "created_assertions": .array(references), "alg": .text("sha256"),
        ]).encoded
    }
}
