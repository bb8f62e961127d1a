import Testing
@testable import LabelerC2PA

/// Bytes from hex, for vectors written as in RFC 8949 Appendix A.
func hex(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var pending: UInt8?
    for character in text where character.isHexDigit {
        guard let digit = character.hexDigitValue.map(UInt8.init) else { continue }
        if let high = pending {
            bytes.append(high << 4 | digit)
            pending = nil
        } else {
            pending = digit
        }
    }
    return bytes
}

@Suite struct CBORVectorTests {
    /// RFC 8949 Appendix A: value and its preferred (here also deterministic) encoding.
    static let vectors: [(CBOR, String)] = [
        (.unsigned(0), "00"), (.unsigned(23), "17"), (.unsigned(24), "1818"), (.unsigned(100), "1864"),
        (.unsigned(1000), "1903e8"), (.unsigned(1_000_000), "1a000f4240"),
        (.unsigned(1_000_000_000_000), "1b000000e8d4a51000"), (.unsigned(UInt64.max), "1bffffffffffffffff"),
        (.negative(UInt64.max), "3bffffffffffffffff"), (.int(-1), "20"), (.int(-10), "29"), (.int(-100), "3863"),
        (.int(-1000), "3903e7"), (.float(0.0), "f90000"), (.float(-0.0), "f98000"), (.float(1.0), "f93c00"),
        (.float(1.1), "fb3ff199999999999a"), (.float(1.5), "f93e00"), (.float(65504.0), "f97bff"),
        (.float(100000.0), "fa47c35000"), (.float(3.4028234663852886e+38), "fa7f7fffff"),
        (.float(1.0e+300), "fb7e37e43c8800759c"), (.float(5.960464477539063e-8), "f90001"),
        (.float(0.00006103515625), "f90400"), (.float(-4.0), "f9c400"), (.float(-4.1), "fbc010666666666666"),
        (.float(.infinity), "f97c00"), (.float(-.infinity), "f9fc00"),
        (.bool(false), "f4"), (.bool(true), "f5"), (.null, "f6"), (.undefined, "f7"), (.simple(16), "f0"),
        (.simple(255), "f8ff"), (.tagged(1, .unsigned(1_363_896_240)), "c11a514b67b0"),
        (.bytes([]), "40"), (.bytes([1, 2, 3, 4]), "4401020304"), (.text(""), "60"), (.text("a"), "6161"),
        (.text("IETF"), "6449455446"), (.text("\"\\"), "62225c"), (.text("\u{00fc}"), "62c3bc"),
        (.text("\u{6c34}"), "63e6b0b4"), (.text("\u{10151}"), "64f0908591"), (.array([]), "80"),
        (.array([.unsigned(1), .unsigned(2), .unsigned(3)]), "83010203"),
        (
            .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])]),
            "8301820203820405"
        ),
        (.map([]), "a0"), (.map([.init(.unsigned(1), .unsigned(2)), .init(.unsigned(3), .unsigned(4))]), "a201020304"),
        (.map(["a": .unsigned(1), "b": .array([.unsigned(2), .unsigned(3)])]), "a26161016162820203"),
    ]

    @Test("every RFC 8949 Appendix A value encodes to its preferred bytes and decodes back", arguments: vectors.indices)
    func vector(index: Int) throws {
        let (value, expected) = Self.vectors[index]
        #expect(value.encoded == hex(expected))
        let decoded = try CBOR.Decoder.decode(hex(expected), limits: .init(deterministic: true))
        if case .float(let number) = value, number.isNaN == false, case .float(let back) = decoded {
            #expect(back == number && back.sign == number.sign)
        } else {
            #expect(decoded == value)
        }
    }

    @Test("NaN encodes as the canonical half-precision 7E00")
    func nan() throws {
        #expect(CBOR.float(.nan).encoded == hex("f97e00"))
        guard case .float(let value) = try CBOR.Decoder.decode(hex("f97e00")) else {
            Issue.record("not a float"); return
        }
        #expect(value.isNaN)
    }

    @Test(
        "indefinite lengths decode in the lenient mode and are refused in the deterministic one",
        arguments: [
            ("5f42010243030405ff", CBOR.bytes([1, 2, 3, 4, 5])), ("7f657374726561646d696e67ff", .text("streaming")),
            ("9fff", .array([])),
            (
                "9f018202039f0405ffff",
                .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])])
            ),
            ("bf61610161629f0203ffff", .map(["a": .unsigned(1), "b": .array([.unsigned(2), .unsigned(3)])])),
        ])
    func indefinite(encoded: String, value: CBOR) throws {
        #expect(try CBOR.Decoder.decode(hex(encoded)) == value)
        #expect(throws: CBOR.Error.self) { try CBOR.Decoder.decode(hex(encoded), limits: .init(deterministic: true)) }
    }
}

@Suite struct CBORDeterminismTests {
    @Test("map keys are written in bytewise order of their encodings, whatever order they were given in")
    func sortedKeys() {
        let pairs: [CBOR.Pair] = [
            .init(.text("aa"), .null), .init(.unsigned(10), .null), .init(.int(-1), .null),
            .init(.text("b"), .null), .init(.unsigned(100), .null), .init(.bool(false), .null),
        ]
        let forward = CBOR.map(pairs).encoded
        let backward = CBOR.map(pairs.reversed()).encoded
        #expect(forward == backward)
        // RFC 8949 §4.2.1 example order: 10, 100, -1, "b", "aa", false.
        #expect(forward == hex("a6 0a f6 1864 f6 20 f6 6162 f6 626161 f6 f4 f6"))
    }

    @Test(
        "the deterministic decoder refuses long heads, unsorted keys and long floats; the lenient one reads them",
        arguments: [
            "1817", "190017", "1a00000017", "1b0000000000000017", "5801ff", "a2616201616101", "fa3f800000",
            "fb3ff0000000000000",
        ])
    func refusesNonDeterministic(encoded: String) throws {
        #expect(throws: CBOR.Error.self) { try CBOR.Decoder.decode(hex(encoded), limits: .init(deterministic: true)) }
        _ = try CBOR.Decoder.decode(hex(encoded))
    }
}

@Suite struct CBORStrictnessTests {
    @Test(
        "malformed input is refused with the offset of the item",
        arguments: [
            ("", 0), ("18", 0), ("1c", 0), ("ff", 0), ("62c3", 0), ("6261", 0), ("62c328", 0), ("f800", 0), ("f81f", 0),
            ("8201", 0), ("a20102", 3), ("830102", 0), ("a2010201ff", 3), ("0001", 1), ("5f01ff", 1), ("5f6161ff", 1),
            ("9f01", 2),
            ("c0", 1), ("fc", 0), ("3c", 0), ("5c", 0),
        ])
    func malformed(encoded: String, offset: Int) {
        #expect {
            try CBOR.Decoder.decode(hex(encoded))
        } throws: { error in
            (error as? CBOR.Error)?.offset == offset
        }
    }

    @Test("duplicate map keys are refused")
    func duplicateKeys() {
        #expect(throws: CBOR.Error.duplicateKey(offset: 4)) { try CBOR.Decoder.decode(hex("a2 6161 01 6161 02")) }
    }

    @Test("depth limit: exactly N levels decode, N+1 are refused")
    func depth() throws {
        let limit = CBOR.Decoder.Limits.standard.maxDepth
        let atLimit = [UInt8](repeating: 0x81, count: limit - 1) + [0x00]
        let overLimit = [UInt8](repeating: 0x81, count: limit) + [0x00]
        _ = try CBOR.Decoder.decode(atLimit)
        #expect(throws: CBOR.Error.tooDeep(offset: limit, limit: limit)) { try CBOR.Decoder.decode(overLimit) }
        // Tags nest too.
        #expect(throws: CBOR.Error.self) { try CBOR.Decoder.decode([UInt8](repeating: 0xC1, count: limit) + [0x00]) }
    }

    @Test("length limit: N elements or bytes decode, N+1 are refused before anything is allocated")
    func length() throws {
        let limits = CBOR.Decoder.Limits(maxLength: 300)
        _ = try CBOR.Decoder.decode(CBOR.bytes([UInt8](repeating: 7, count: 300)).encoded, limits: limits)
        #expect(throws: CBOR.Error.self) {
            try CBOR.Decoder.decode(CBOR.bytes([UInt8](repeating: 7, count: 301)).encoded, limits: limits)
        }
        _ = try CBOR.Decoder.decode(CBOR.array(Array(repeating: .null, count: 300)).encoded, limits: limits)
        #expect(throws: CBOR.Error.self) {
            try CBOR.Decoder.decode(CBOR.array(Array(repeating: .null, count: 301)).encoded, limits: limits)
        }
        // A header claiming 2^32 elements with nothing after it: refused at once, no allocation.
        #expect(throws: CBOR.Error.tooLong(offset: 0, length: 0xFFFF_FFFF, limit: 0)) {
            try CBOR.Decoder.decode(hex("9affffffff"))
        }
        #expect(throws: CBOR.Error.self) { try CBOR.Decoder.decode(hex("5bffffffffffffffff")) }
    }

    @Test("item-count limit: N items decode, N+1 are refused")
    func itemCount() throws {
        let limits = CBOR.Decoder.Limits(maxItems: 11)
        _ = try CBOR.Decoder.decode(CBOR.array(Array(repeating: .unsigned(1), count: 10)).encoded, limits: limits)
        #expect(throws: CBOR.Error.tooManyItems(offset: 11, limit: 11)) {
            try CBOR.Decoder.decode(CBOR.array(Array(repeating: .unsigned(1), count: 11)).encoded, limits: limits)
        }
    }

    @Test("a C2PA-like claim round-trips and reads by key")
    func claimShape() throws {
        let claim = CBOR.map([
            "instanceID": .text("xmp:iid:1"), "claim_generator_info": .map(["name": .text("labelctl")]),
            "signature": .text("self#jumbf=/c2pa/urn:c2pa:x/c2pa.signature"),
            "created_assertions": .array([
                .map(["url": .text("self#jumbf=c2pa.assertions/c2pa.actions.v2"), "hash": .bytes([1, 2])])
            ]),
            "alg": .text("sha256"),
        ])
        let decoded = try CBOR.Decoder.decode(claim.encoded, limits: .init(deterministic: true))
        #expect(decoded["alg"]?.textValue == "sha256")
        #expect(decoded["created_assertions"]?.arrayValue?.first?["hash"]?.bytesValue == [1, 2])
        #expect(decoded["claim_generator_info"]?["name"]?.textValue == "labelctl")
        #expect(decoded.encoded == claim.encoded)
        let header = CBOR.map([.init(.int(1), .int(-7))])
        #expect(header[integer: 1]?.integerValue == -7)
    }
}
