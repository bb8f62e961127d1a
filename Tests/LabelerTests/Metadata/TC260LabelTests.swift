import Foundation
import Testing
@testable import Labeler

@Suite struct TC260LabelTests {
    let valid =
        #"{"Label":"1","ContentProducer":"001191110102MAD55U9H0F10002","ProduceID":"f3a97551","ReservedCode1":"","ContentPropagator":"","PropagateID":"","ReservedCode2":""}"#

    @Test("accepts the bare and the wrapped Annex E forms")
    func forms() {
        let bare = TC260Label(parsing: valid)
        #expect(bare.isValid && !bare.isWrapped && bare.warnings.isEmpty)
        let wrapped = TC260Label(parsing: #"{"AIGC":"# + valid + "}")
        #expect(wrapped.isValid && wrapped.isWrapped)
        #expect(wrapped.value("ProduceID") == "f3a97551")
    }

    @Test(
        "flags each Annex E violation",
        arguments: [
            (#"{"Label":"AIGC","ContentProducer":"x","ProduceID":"1"}"#, "Label 'AIGC'"),
            (#"{"Label":"1","ContentProducer":"Minimax Agent AI","ProduceID":"1"}"#, "outside the Annex E set"),
            (#"{"Label":"1","ProduceID":"1"}"#, "ContentProducer is missing"),
            (#"{"Label":"1","ContentProducer":"x","ProduceID":"1","Label":"2"}"#, "appears twice"),
            (#"{"Label":1,"ContentProducer":"x","ProduceID":"1"}"#, "not a string"),
            (#"{"Label":"1","#, "not valid JSON"),
            (#"["Label"]"#, "not a JSON object"),
        ])
    func violations(json: String, expected: String) {
        let label = TC260Label(parsing: json)
        #expect(!label.isValid)
        #expect(label.problems.contains { $0.contains(expected) }, "problems: \(label.problems)")
    }

    @Test("warns about names instead of codes, unknown keys and all-zero IDs without invalidating")
    func warnings() {
        let label = TC260Label(parsing: #"{"Label":"1","ContentProducer":"doubao","ProduceID":"0000","Extra":"x"}"#)
        #expect(label.isValid)
        #expect(label.warnings.count == 3)
    }

    @Test("validates producer codes")
    func producerCodes() throws {
        #expect(try ProducerCode(validating: "001191110000EXAMPLE00X1AB01").rawValue.count == 27)
        #expect(ProducerCode.problem(with: "001191440300708461136T1XGW3") == nil)
        #expect(ProducerCode.problem(with: "short") != nil)
        #expect(ProducerCode.problem(with: "011191110000EXAMPLE00X1AB01") != nil)
        #expect(ProducerCode.problem(with: "001191110000example00X1AB01") != nil)
        #expect(ProducerCode.problem(with: "001191110000EXAMPLE00X3AB01") != nil)
        #expect(throws: LabelerError.self) { try ProducerCode(validating: "0011") }
    }

    @Test("refuses disclosures that cannot be written; a name with a space is not one of them")
    func disclosureValidation() {
        #expect(throws: Never.self) { try Disclosure(aiSystem: "X", producerName: "Acme Corp").validate() }
        #expect(throws: LabelerError.self) { try Disclosure(aiSystem: " ", producerName: "Acme").validate() }
        #expect(throws: LabelerError.self) {
            try Disclosure(aiSystem: "X", producerName: "Acme", contentID: "a b").validate()
        }
        #expect(throws: LabelerError.self) { try Disclosure(aiSystem: "X").validate() }
        #expect(throws: Never.self) { try Disclosure(aiSystem: "X", producerName: "Acme").validate() }
    }

    @Test("formats RFC 3339 UTC timestamps")
    func timestamps() {
        #expect(RFC3339.string(from: .init(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RFC3339.string(from: .init(timeIntervalSince1970: 1_795_608_000)) == "2026-11-25T12:00:00Z")
        #expect(RFC3339.string(from: .init(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }
}
