import Crypto

extension ManifestBuilder {
    /// One assertion superbox, its label in the assertion store, and which claim list names it.
    struct AssertionBox {
        var label: String
        var box: [UInt8]
        /// `created_assertions` (attributed to the signer) or `gathered_assertions` (C2PA 2.x §10.2.2).
        var created: Bool

        /// The hashed URI of the box (c2pa.md §1.4: SHA-256 of the superbox payload).
        var reference: CBOR {
            .map([
                "url": .text("self#jumbf=c2pa.assertions/" + label),
                "hash": .bytes(Array(SHA256.hash(data: box.dropFirst(8)))),
            ])
        }
    }

    /// The assertions of the new manifest, in store order (C2PA 2.x §10; placement as c2pa-rs'
    /// Create/Edit intents make it, c2pa.md §3.2):
    /// - `c2pa.ingredient.v3` for a parent (gathered);
    /// - `c2pa.actions.v2` (created): `c2pa.created` with the record's digitalSourceType and
    ///   softwareAgent = the AI system; with a parent, `c2pa.opened` of it instead (§18.14: only one
    ///   created/opened per manifest, and `opened` names its ingredient by hashed URI);
    /// - `cawg.metadata` (gathered), the disclosure as JSON-LD, when given;
    /// - `c2pa.soft-binding` (gathered), `{alg, blocks: [{scope: {}, value}]}`, for a watermark;
    /// - `c2pa.hash.data` (created), the hard binding (§18.5) with its one exclusion.
    func assertions(exclusion: Range<Int>, dataHash: [UInt8]) throws -> [AssertionBox] {
        var boxes = try prepared ?? fixedAssertions()
        let hash = CBOR.map([
            "exclusions": .array([
                .map(["start": .int(Int64(exclusion.lowerBound)), "length": .int(Int64(exclusion.count))])
            ]),
            "name": .text("jumbf manifest"), "alg": .text("sha256"), "hash": .bytes(dataHash), "pad": .bytes([]),
        ])
        boxes.append(try Self.cborAssertion("c2pa.hash.data", hash, created: true))
        return boxes
    }

    /// The assertions that depend only on ``content``: ingredient, actions, metadata.
    func fixedAssertions() throws -> [AssertionBox] {
        var boxes: [AssertionBox] = []
        var agent: [CBOR.Pair] = [.init(.text("name"), .text(content.softwareAgent))]
        if let version = content.softwareAgentVersion { agent.append(.init(.text("version"), .text(version))) }
        var action: [CBOR.Pair] = [
            .init(.text("action"), .text(content.parent == nil ? "c2pa.created" : "c2pa.opened")),
            .init(.text("digitalSourceType"), .text(content.digitalSourceType)),
            .init(.text("softwareAgent"), .map(agent)),
        ]
        if let parent = content.parent {
            let ingredient = try Self.cborAssertion("c2pa.ingredient.v3", parent.assertion, created: false)
            boxes.append(ingredient)
            action.append(.init(.text("parameters"), .map(["ingredients": .array([ingredient.reference])])))
        }
        boxes.append(
            try Self.cborAssertion("c2pa.actions.v2", .map(["actions": .array([.map(action)])]), created: true))
        if let metadata = content.metadata {
            boxes.append(
                AssertionBox(
                    label: "cawg.metadata",
                    box: try JUMBF.Writer.superbox(
                        .jsonAssertion, label: "cawg.metadata", children: [try JUMBF.Writer.contentBox(.json, metadata)]
                    ),
                    created: false))
        }
        if let binding = content.softBinding {
            let block = CBOR.map(["scope": .map([]), "value": .bytes(binding.value)])
            boxes.append(
                try Self.cborAssertion(
                    "c2pa.soft-binding", .map(["alg": .text(binding.algorithm), "blocks": .array([block])]),
                    created: false))
        }
        return boxes
    }

    private static func cborAssertion(_ label: String, _ value: CBOR, created: Bool) throws -> AssertionBox {
        AssertionBox(
            label: label,
            box: try JUMBF.Writer.superbox(
                .cborAssertion, label: label, children: [try JUMBF.Writer.contentBox(.cbor, value.encoded)]),
            created: created)
    }

    /// The claim v2 (C2PA 2.x §10.2; c2pa.md §3.2) referencing `assertions` by hashed URI,
    /// CBOR-encoded exactly as it will be signed.
    func claimBytes(referencing assertions: [AssertionBox]) -> [UInt8] {
        let gathered = assertions.filter { !$0.created }.map(\.reference)
        var pairs: [CBOR.Pair] = [
            .init(.text("instanceID"), .text(content.instanceID)),
            .init(
                .text("claim_generator_info"),
                .map(["name": .text(generatorName), "version": .text(generatorVersion)])),
            .init(.text("signature"), .text("self#jumbf=/c2pa/\(manifestLabel)/c2pa.signature")),
            .init(.text("created_assertions"), .array(assertions.filter(\.created).map(\.reference))),
        ]
        if !gathered.isEmpty { pairs.append(.init(.text("gathered_assertions"), .array(gathered))) }
        pairs.append(.init(.text("alg"), .text("sha256")))
        return CBOR.map(pairs).encoded
    }
}
