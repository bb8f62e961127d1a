import LabelerTestSupport
import Testing
@testable import LabelerC2PA

/// The JUMBF manifest store of a JPEG: APP11 segments with common identifier `JP`, each payload
/// `CI(2) En(2) Z(4)` then the box bytes; continuation segments repeat the box's `LBox TBox` (8 bytes).
/// (Test-only: the container side lives in the Labeler target.)
func manifestStore(ofJPEG bytes: [UInt8]) -> [UInt8] {
    var store: [UInt8] = []
    var index = 2
    var first = true
    while index + 4 <= bytes.count, bytes[index] == 0xFF, bytes[index + 1] != 0xDA {
        let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
        let payload = Array(bytes[index + 4 ..< index + 2 + length])
        if bytes[index + 1] == 0xEB, payload.starts(with: [0x4A, 0x50]) {
            store += payload.dropFirst(first ? 8 : 16)
            first = false
        }
        index += 2 + length
    }
    return store
}

@Suite struct JUMBFReaderTests {
    @Test(
        "the c2pa-rs fixtures parse into the C2PA tree: store, manifests, assertions, claim, signature",
        arguments: [
            "C.jpg", "CA.jpg", "CACA.jpg", "XCA.jpg", "E-sig-CA.jpg",
        ])
    func fixtures(name: String) throws {
        let store = manifestStore(ofJPEG: try TestFiles.read(TestFiles.c2paRS(name)))
        let root = try JUMBF.Reader.parse(store)
        #expect(root.label == "c2pa" && root.description.contentType == .manifestStore)
        let manifests = root.superboxes
        #expect(!manifests.isEmpty)
        for manifest in manifests {
            #expect(manifest.description.contentType == .standardManifest)
            // `urn:c2pa:…`, or `contentauth:urn:uuid:…` in older files
            #expect(manifest.label?.contains("urn:") == true)
            let assertions = try #require(manifest.child("c2pa.assertions"))
            #expect(assertions.description.contentType == .assertionStore)
            #expect(assertions.superboxes.contains { $0.label?.hasPrefix("c2pa.hash.data") == true })
            let claim = try #require(manifest.superboxes.first { $0.description.contentType == .claim })
            let signature = try #require(manifest.child("c2pa.signature"))
            #expect(claim.contentBoxes.first?.type == .cbor && signature.contentBoxes.first?.type == .cbor)
            // The claim is strict, well-formed CBOR with the fields a C2PA claim carries.
            let claimBox = try #require(claim.contentBoxes.first)
            let decoded = try CBOR.Decoder.decode(Array(store[claimBox.payloadRange]))
            #expect(decoded["signature"]?.textValue?.contains("c2pa.signature") == true)
        }
    }

    @Test("written boxes read back byte-exact, with and without salt")
    func roundTrip() throws {
        let claim = CBOR.map(["alg": .text("sha256")]).encoded
        let assertion = try JUMBF.Writer.superbox(
            .cborAssertion, label: "c2pa.actions.v2", salt: [UInt8](repeating: 7, count: 16),
            children: [try JUMBF.Writer.contentBox(.cbor, CBOR.map(["actions": .array([])]).encoded)])
        let store = try JUMBF.Writer.superbox(
            .manifestStore, label: "c2pa",
            children: [
                try JUMBF.Writer.superbox(
                    .standardManifest, label: "urn:c2pa:1234",
                    children: [
                        try JUMBF.Writer.superbox(.assertionStore, label: "c2pa.assertions", children: [assertion]),
                        try JUMBF.Writer.superbox(
                            .claim, label: "c2pa.claim.v2", children: [try JUMBF.Writer.contentBox(.cbor, claim)]),
                    ])
            ])
        let root = try JUMBF.Reader.parse(store)
        let manifest = try #require(root.child("urn:c2pa:1234"))
        let stored = try #require(manifest.child("c2pa.assertions")?.child("c2pa.actions.v2"))
        #expect(stored.description.toggles == 0x13 && stored.description.salt == [UInt8](repeating: 7, count: 16))
        // The superbox's payload is the assertion as written, less its 8-byte header: what a hashed URI hashes.
        #expect(Array(store[stored.payloadRange]) == Array(assertion.dropFirst(8)))
        let claimBox = try #require(manifest.child("c2pa.claim.v2")?.contentBoxes.first)
        #expect(Array(store[claimBox.payloadRange]) == claim)
    }
}

@Suite struct JUMBFStrictnessTests {
    static func nested(_ depth: Int) throws -> [UInt8] {
        var box = try JUMBF.Writer.superbox(.cborAssertion, label: "leaf", children: [])
        for level in 1 ..< depth {
            box = try JUMBF.Writer.superbox(.cborAssertion, label: "l\(level)", children: [box])
        }
        return box
    }

    @Test("depth limit: 32 nested superboxes parse, 33 are refused")
    func depth() throws {
        _ = try JUMBF.Reader.parse(try Self.nested(32))
        #expect(throws: JUMBF.Error.self) { try JUMBF.Reader.parse(try Self.nested(33)) }
    }

    @Test("box-count limit: N boxes parse, N+1 are refused")
    func boxCount() throws {
        let children = try (0 ..< 9).map { _ in try JUMBF.Writer.contentBox(.cbor, [0xF6]) }
        // 1 + jumd + 9 = 11 boxes
        let store = try JUMBF.Writer.superbox(.manifestStore, label: "c2pa", children: children)
        _ = try JUMBF.Reader.parse(store, limits: .init(maxBoxes: 11))
        #expect(throws: JUMBF.Error.tooManyBoxes(offset: store.count - 9, limit: 10)) {
            try JUMBF.Reader.parse(store, limits: .init(maxBoxes: 10))
        }
    }

    @Test(
        "malformed trees are refused with the offset of the box",
        arguments: [
            ("truncated", 0), ("length past end", 0), ("child past parent", 38), ("no jumd", 0), ("toggles 0x01", 8),
            ("label without NUL", 8), ("label with slash", 8), ("bad private box", 38), ("not jumb", 0),
            ("leftover in jumd", 8),
        ])
    func malformed(name: String, offset: Int) throws {
        let good = try JUMBF.Writer.superbox(
            .manifestStore, label: "c2pa", children: [try JUMBF.Writer.contentBox(.cbor, [0xF6])])
        var bytes = good
        let jumd = 8  // the description box starts right after the superbox header
        switch name {
        case "truncated": bytes = Array(good.prefix(5))
        case "length past end": bytes[3] = bytes[3] &+ 1
        case "child past parent": bytes[good.count - 9 + 3] = 0x20
        case "no jumd": bytes[jumd + 4 ..< jumd + 8] = [0x6A, 0x75, 0x6D, 0x78]
        case "toggles 0x01": bytes[jumd + 8 + 16] = 0x01
        case "label without NUL": bytes[jumd + 8 + 17 + 4] = 0x41
        case "label with slash": bytes[jumd + 8 + 17] = UInt8(ascii: "/")
        case "bad private box": bytes[jumd + 8 + 16] = 0x13
        case "not jumb": bytes[4 ..< 8] = [0x66, 0x72, 0x65, 0x65]
        case "leftover in jumd": bytes[jumd + 8 + 16] = 0x07  // ID flag, but the 4 bytes are the next box's
        default: Issue.record("unknown case")
        }
        #expect {
            try JUMBF.Reader.parse(bytes)
        } throws: { error in
            (error as? JUMBF.Error)?.offset == offset
        }
    }
}
