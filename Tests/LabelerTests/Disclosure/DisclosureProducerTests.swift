import Foundation
import Testing
@testable import Labeler

/// A provider without a TC260 code is labelled by name, not refused (GB 45438 §6.1 b "name or code").
@Suite struct DisclosureProducerTests {
    static let names = [
        "Acme Corp", "ТОО Алма", "阿里巴巴", String(repeating: "Алма Ata Group ", count: 20), #"Say "Hi" \ 100%"#,
    ]

    @Test("a name the Annex E charset cannot carry validates and round-trips through the label", arguments: names)
    func roundTrip(name: String) throws {
        let disclosure = Disclosure(aiSystem: "X", producerName: name, contentID: "f3a97551")
        try disclosure.validate()
        #expect(disclosure.contentProducer == ProducerName.annexESafe(name))
        #expect(disclosure.producerDisplayName == ProducerName.trimmed(name))
        let label = TC260Label(parsing: AnnexE.innerJSON(for: disclosure))
        #expect(label.problems.isEmpty, "\(label.problems)")
        #expect(label.value("ContentProducer") == disclosure.contentProducer)
        #expect(label.warnings.count == 1 && label.warnings[0].contains("is a name"), "\(label.warnings)")
        let wrapped = TC260Label(parsing: #"{"AIGC":"# + AnnexE.innerJSON(for: disclosure) + "}")
        #expect(wrapped.isValid)
    }

    @Test("the label warning shows the decoded name")
    func decodedWarning() {
        let label = TC260Label(
            parsing: AnnexE.innerJSON(for: Disclosure(aiSystem: "X", producerName: "ТОО Алма", contentID: "1")))
        #expect(label.warnings.contains { $0.contains(#"("ТОО Алма", percent-encoded)"#) }, "\(label.warnings)")
        let plain = TC260Label(parsing: #"{"Label":"1","ContentProducer":"doubao","ProduceID":"1"}"#)
        #expect(plain.warnings == ["ContentProducer 'doubao' is a name, not a 27-character TC260 code"])
    }

    @Test("one note line when the name was encoded, none otherwise")
    func note() throws {
        let note = try #require(Disclosure(aiSystem: "X", producerName: "Acme Corp").contentProducerNote)
        #expect(
            note == #"producer "Acme Corp" written as TC260 ContentProducer "Acme%20Corp" (no --producer-code given)"#)
        #expect(!note.contains("\n"))
        #expect(Disclosure(aiSystem: "X", producerName: "Acme_Corp").contentProducerNote == nil)
        #expect(Disclosure(aiSystem: "X", producerName: " Acme ").contentProducerNote == nil)
        let code = try ProducerCode(validating: "001191110000EXAMPLE00X1AB01")
        let both = Disclosure(aiSystem: "X", producerName: "Acme Corp", producerCode: code)
        #expect(both.contentProducerNote == nil)
        #expect(both.contentProducer == code.rawValue)
        #expect(both.producerDisplayName == "Acme Corp")
    }

    @Test(
        "still refuses an empty producer and control characters",
        arguments: [
            "", "   ", "\u{3000}", "Acme\nCorp", "Acme\tCorp", "Acme\u{7F}", "Acme\u{85}Corp", "Acme\u{2028}Corp",
            "\u{1}",
        ])
    func refusals(name: String) {
        #expect(throws: LabelerError.self) { try Disclosure(aiSystem: "X", producerName: name).validate() }
    }

    @Test("control characters are refused in the name even when a code is given (the name goes to XMP)")
    func controlWithCode() throws {
        let code = try ProducerCode(validating: "001191110000EXAMPLE00X1AB01")
        #expect(throws: LabelerError.self) {
            try Disclosure(aiSystem: "X", producerName: "A\rB", producerCode: code).validate()
        }
        #expect(throws: Never.self) { try Disclosure(aiSystem: "X", producerName: "", producerCode: code).validate() }
    }

    @Test(
        "AnnexE.looksLikeLabel spots JSON objects naming AIGC or Label, and nothing else",
        arguments: [
            (#"{"AIGC":{}}"#, true), (#"  {"Label":"1"}"#, true), ("Label", false), (#"["Label"]"#, false),
            ("{}", false),
            ("", false), (#"{"label":"1"}"#, false),
        ])
    func looksLikeLabel(text: String, expected: Bool) {
        #expect(AnnexE.looksLikeLabel(text) == expected)
    }
}

@Suite struct ContentIDTests {
    @Test("content IDs are random version-4 UUIDs in lower case, different every time")
    func randomUUIDs() {
        let ids = (0 ..< 1000).map { _ in Disclosure.randomUUID() }
        #expect(Set(ids).count == 1000)
        for id in ids.prefix(50) {
            let parts = id.split(separator: "-")
            #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
            #expect(id == id.lowercased() && id.allSatisfy { $0.isHexDigit || $0 == "-" })
            #expect(parts[2].first == "4" && "89ab".contains(parts[3].first ?? "x"))
            #expect(UUID(uuidString: id) != nil)
        }
    }
}
