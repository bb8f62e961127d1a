import Testing
@testable import Labeler

/// Provider names that GB 45438 Annex E cannot carry as they are become deterministic,
/// reversible `ContentProducer` values (``ProducerName/annexESafe(_:)``).
@Suite struct ProducerNameTests {
    static let long = String(repeating: "Алма Ata Group ", count: 20)  // 300 characters
    static let names = ["Acme Corp", "ТОО Алма", "阿里巴巴", long, #"Say "Hi" \ 100%"#, "Acme_Corp", "a~b"]

    @Test("gives the documented forms")
    func examples() {
        #expect(ProducerName.annexESafe("Acme") == "Acme")
        #expect(ProducerName.annexESafe("Acme_Corp") == "Acme_Corp")
        #expect(ProducerName.annexESafe("Acme Corp") == "Acme%20Corp")
        #expect(ProducerName.annexESafe("  Acme Corp\t") == "Acme%20Corp")
        #expect(ProducerName.annexESafe("ТОО Алма") == "%D0%A2%D0%9E%D0%9E%20%D0%90%D0%BB%D0%BC%D0%B0")
        #expect(ProducerName.annexESafe("阿里巴巴") == "%E9%98%BF%E9%87%8C%E5%B7%B4%E5%B7%B4")
        #expect(ProducerName.annexESafe(#"Say "Hi" \ 100%"#) == "Say%20%22Hi%22%20%5C%20100%25")
        #expect(ProducerName.annexESafe("a~b") == "a%7Eb")
        #expect(ProducerName.annexESafe(" \u{3000} ") == "")
    }

    @Test("every form is a valid Annex E value of at most 128 bytes, and stable", arguments: names)
    func valid(name: String) {
        let safe = ProducerName.annexESafe(name)
        #expect(AnnexE.isValidValue(safe) && !safe.isEmpty)
        #expect(safe.utf8.count <= ProducerName.maxBytes)
        #expect(ProducerName.annexESafe(name) == safe)
        #expect(ProducerName.annexESafe(String(decoding: Array(name.utf8), as: UTF8.self)) == safe)
    }

    @Test("different names give different forms")
    func distinct() {
        let variants =
            Self.names + ["Acme corp", "Acme  Corp", "Acme%20Corp", "ТОО Алма.", Self.long + "x", "x" + Self.long]
        let forms = variants.map(ProducerName.annexESafe)
        #expect(Set(forms).count == variants.count, "\(forms)")
    }

    @Test("untruncated forms decode back to the trimmed name", arguments: names.filter { $0 != long })
    func roundTrip(name: String) {
        #expect(ProducerName.decoded(ProducerName.annexESafe(name)) == ProducerName.trimmed(name))
    }

    @Test("long names are cut at a character boundary and end in ~ and the FNV-1a-64 of the whole name")
    func truncation() throws {
        let safe = ProducerName.annexESafe(Self.long)
        #expect(safe.utf8.count <= 128)
        let parts = safe.split(separator: "~")
        try #require(parts.count == 2)
        #expect(parts[1].count == 16 && parts[1].allSatisfy(\.isHexDigit))
        #expect(UInt64(parts[1], radix: 16) == ProducerName.fnv1a64(Array(ProducerName.trimmed(Self.long).utf8)))
        // The kept prefix is whole %XX triples of whole UTF-8 sequences: it decodes.
        let prefix = try #require(ProducerName.decoded(String(parts[0])))
        #expect(ProducerName.trimmed(Self.long).hasPrefix(prefix) && !prefix.isEmpty)
        #expect(ProducerName.decoded(safe) == nil)
        // 128 encoded bytes fit as they are; 129 do not.
        #expect(ProducerName.annexESafe(String(repeating: "a", count: 128)) == String(repeating: "a", count: 128))
        #expect(ProducerName.annexESafe(String(repeating: "a", count: 129)).utf8.count == 128)
    }

    @Test("FNV-1a-64 matches the published test vectors")
    func fnv() {
        #expect(ProducerName.fnv1a64([]) == 0xcbf2_9ce4_8422_2325)
        #expect(ProducerName.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(ProducerName.fnv1a64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test("malformed percent-encodings do not decode")
    func malformed() {
        #expect(ProducerName.decoded("%4") == nil)
        #expect(ProducerName.decoded("%ZZ") == nil)
        #expect(ProducerName.decoded("%FF") == nil)
        #expect(ProducerName.decoded("%41cme") == "Acme")
    }
}
