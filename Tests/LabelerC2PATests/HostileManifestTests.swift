import Crypto
import Foundation
import LabelerTestSupport
import Testing
@testable import LabelerC2PA

/// Stores a hostile writer could make, each signed properly so only the planted defect is wrong:
/// the validator names it as a failure status (C2PA 2.x §15), never crashes, never reads `valid`.
@Suite struct HostileManifestTests {
    static let asset: [UInt8] = Array("an asset the store is not inside".utf8)

    static func signer() throws -> LocalSigner {
        let folder = TestFiles.fixtures.appendingPathComponent("c2pa-rs/certs")
        return try LocalSigner(
            keyPEM: String(contentsOf: folder.appendingPathComponent("es256.pem"), encoding: .utf8),
            chainPEM: String(contentsOf: folder.appendingPathComponent("es256.pub"), encoding: .utf8))
    }

    /// A signed store holding `assertions` (label, CBOR) in its assertion store and a claim naming
    /// `references` (labels), signed with `chain` in the x5chain (default: the signer's).
    static func store(
        assertions: [(String, CBOR)], references: [String]? = nil, chain: [[UInt8]]? = nil
    ) throws -> ManifestStore {
        let signer = try signer()
        let label = "urn:c2pa:00000000-0000-4000-8000-000000000001"
        let boxes = try assertions.map { name, value in
            (
                name,
                try JUMBF.Writer.superbox(
                    .cborAssertion, label: name, children: [try JUMBF.Writer.contentBox(.cbor, value.encoded)])
            )
        }
        let named = references ?? assertions.map(\.0)
        let claim = CBOR.map([
            "instanceID": .text("xmp.iid:hostile"), "claim_generator_info": .map(["name": .text("hostile")]),
            "signature": .text("self#jumbf=/c2pa/\(label)/c2pa.signature"),
            "created_assertions": .array(
                named.map { name in
                    let box = boxes.first { $0.0 == name }?.1 ?? []
                    return .map([
                        "url": .text("self#jumbf=c2pa.assertions/" + name),
                        "hash": .bytes(Array(SHA256.hash(data: box.dropFirst(8)))),
                    ])
                }),
            "alg": .text("sha256"),
        ]).encoded
        let certificates = chain ?? signer.certificateChain
        let protected = CBOR.map([
            .init(.int(1), .int(signer.algorithm.rawValue)), .init(.int(33), .array(certificates.map { .bytes($0) })),
        ]).encoded
        let signature = try signer.sign(COSE.Sign1.toBeSigned(protectedBytes: protected, payload: claim))
        let sign1 = CBOR.tagged(18, .array([.bytes(protected), .map([]), .null, .bytes(signature)])).encoded
        let bytes = try JUMBF.Writer.superbox(
            .manifestStore, label: "c2pa",
            children: [
                try JUMBF.Writer.superbox(
                    .standardManifest, label: label,
                    children: [
                        try JUMBF.Writer.superbox(.assertionStore, label: "c2pa.assertions", children: boxes.map(\.1)),
                        try JUMBF.Writer.superbox(
                            .claim, label: "c2pa.claim.v2", children: [try JUMBF.Writer.contentBox(.cbor, claim)]),
                        try JUMBF.Writer.superbox(
                            .signature, label: "c2pa.signature", children: [try JUMBF.Writer.contentBox(.cbor, sign1)]),
                    ])
            ])
        return try ManifestStore(parsing: bytes)
    }

    static let dataHash = CBOR.map([
        "exclusions": .array([]), "name": .text("jumbf manifest"), "alg": .text("sha256"),
        "hash": .bytes(Array(SHA256.hash(data: asset))),
    ])
    static let actions = CBOR.map([
        "actions": .array([
            .map([
                "action": .text("c2pa.created"),
                "digitalSourceType": .text("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"),
            ])
        ])
    ])

    static func failures(_ store: ManifestStore) -> [String] {
        ManifestValidator().validate(store, asset: asset).failures.map(\.code).filter {
            $0 != "signingCredential.untrusted"
        }
    }

    @Test("the well-formed store these tests start from validates")
    func baseline() throws {
        let store = try Self.store(assertions: [("c2pa.actions.v2", Self.actions), ("c2pa.hash.data", Self.dataHash)])
        let result = ManifestValidator().validate(store, asset: Self.asset)
        #expect(result.state == .valid && Self.failures(store).isEmpty, "\(result.failures)")
    }

    @Test("two assertions with one label: claim.malformed (a hashed URI cannot tell them apart)")
    func duplicateLabels() throws {
        let store = try Self.store(
            assertions: [
                ("c2pa.actions.v2", Self.actions), ("c2pa.actions.v2", Self.actions), ("c2pa.hash.data", Self.dataHash),
            ],
            references: ["c2pa.actions.v2", "c2pa.hash.data"])
        #expect(Self.failures(store).contains("claim.malformed"))
    }

    @Test("a claim naming one assertion twice: claim.malformed")
    func duplicateReferences() throws {
        let store = try Self.store(
            assertions: [("c2pa.actions.v2", Self.actions), ("c2pa.hash.data", Self.dataHash)],
            references: ["c2pa.actions.v2", "c2pa.actions.v2", "c2pa.hash.data"])
        #expect(Self.failures(store) == ["claim.malformed"])
    }

    @Test("an assertion the claim does not declare: assertion.undeclared; one it names but lacks: assertion.missing")
    func undeclaredAndMissing() throws {
        let undeclared = try Self.store(
            assertions: [("c2pa.actions.v2", Self.actions), ("c2pa.hash.data", Self.dataHash)],
            references: ["c2pa.hash.data"])
        #expect(Self.failures(undeclared) == ["assertion.undeclared"])
        let missing = try Self.store(
            assertions: [("c2pa.hash.data", Self.dataHash)], references: ["c2pa.actions.v2", "c2pa.hash.data"])
        #expect(Self.failures(missing).contains("assertion.missing"))
    }

    @Test("two hard bindings: assertion.multipleHardBindings")
    func twoHardBindings() throws {
        let store = try Self.store(assertions: [
            ("c2pa.actions.v2", Self.actions), ("c2pa.hash.data", Self.dataHash), ("c2pa.hash.data__1", Self.dataHash),
        ])
        #expect(Self.failures(store) == ["assertion.multipleHardBindings"])
    }

    @Test("a data hash of the wrong CBOR types: assertion.dataHash.malformed, not a crash")
    func wrongTypes() throws {
        for value in [
            CBOR.map(["exclusions": .text("all"), "hash": .bytes([1])]), .map(["hash": .int(7)]), .array([]),
            .map(["exclusions": .array([.map(["start": .int(-1), "length": .int(5)])]), "hash": .bytes([0])]),
            .map(["exclusions": .array([.map(["start": .int(0), "length": .int(Int64.max)])]), "hash": .bytes([0])]),
        ] {
            let store = try Self.store(assertions: [("c2pa.actions.v2", Self.actions), ("c2pa.hash.data", value)])
            #expect(Self.failures(store).contains("assertion.dataHash.malformed"), "\(value)")
        }
    }

    @Test("x5chain limits: the limit of certificates is read, one more is refused by count, an oversized one by size")
    func hugeChains() throws {
        let leaf = try Self.signer().certificateChain
        let atLimit =
            leaf + Array(repeating: leaf[leaf.count - 1], count: ManifestValidator.maxChainLength - leaf.count)
        let base: [(String, CBOR)] = [("c2pa.actions.v2", Self.actions), ("c2pa.hash.data", Self.dataHash)]
        let ok = ManifestValidator().validate(try Self.store(assertions: base, chain: atLimit), asset: Self.asset)
        #expect(ok.statuses.contains { $0.code == "claimSignature.validated" })
        let over = ManifestValidator().validate(
            try Self.store(assertions: base, chain: atLimit + [leaf[0]]), asset: Self.asset)
        let invalid = try #require(over.failures.first { $0.code == "signingCredential.invalid" })
        #expect(invalid.explanation.contains("limit \(ManifestValidator.maxChainLength)") && over.state == .invalid)
        let oversized = [leaf[0] + [UInt8](repeating: 0, count: ManifestValidator.maxCertificateSize)]
        let big = ManifestValidator().validate(try Self.store(assertions: base, chain: oversized), asset: Self.asset)
        #expect(big.failures.contains { $0.code == "signingCredential.invalid" && $0.explanation.contains("bytes") })
    }
}
