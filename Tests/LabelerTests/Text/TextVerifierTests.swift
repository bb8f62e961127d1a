import Foundation
import LabelerC2PA
import Testing
@testable import Labeler

@Suite struct TextVerifierTests {
    func verify(_ text: String, _ name: String) -> VerificationReport {
        TextVerifier().verify(Array(text.utf8), fileName: name)
    }

    @Test("stamped Markdown: notice (languages), front matter and tc260 present, CN met with zh")
    func markdown() throws {
        let stamped = try TextFixtures.stamp("Body\n", fileName: "a.md", languages: [.en, .zh])
        let report = verify(stamped, "a.md")
        #expect(report.verdict == .labelled && report.format?.rawValue == "markdown" && report.detectedBy == .extension)
        #expect(report.layer(.notice)?.fields["Languages"] == "en,zh")
        #expect(report.layer(.frontMatter)?.status == .present)
        #expect(report.layer(.tc260)?.fields["ProduceID"] == "id-1")
        #expect(report.layer(.c2pa)?.status == .absent)
        #expect(report.layer(.notice)?.warnings.map(\.kind) == [.invisibleLayerMissing])
        #expect(report.regimes.first { $0.regime == .cn }?.status == .met)
        #expect(report.regimes.first { $0.regime == .kz }?.status == .met)
    }

    @Test("unstamped text is unlabelled; a notice alone is labelled for KZ but not CN implicit")
    func plain() throws {
        #expect(verify("Hello\n", "a.txt").verdict == .unlabelled)
        let report = verify(try TextFixtures.stamp("Hello\n", fileName: "a.txt"), "a.txt")
        #expect(report.verdict == .labelled && report.layer(.notice)?.fields["Position"] == "start")
        #expect(report.regimes.first { $0.regime == .cn }?.status == .notMet)
    }

    @Test("a tampered front matter label is invalid (Label 7, unquoted values warned)")
    func tampered() {
        let text = "---\nAIGC:\n  Label: 7\n  ContentProducer: x\n  ProduceID: y\n---\nBody\n"
        let report = verify(text, "a.md")
        #expect(report.verdict == .invalid)
        #expect(report.layer(.tc260)?.problems.contains { $0.message.contains("Label '7'") } == true)
        #expect(report.layer(.tc260)?.warnings.contains { $0.message.contains("unquoted YAML int") } == true)
    }

    @Test("JSON: the disclosure, its AIGC and the notice in content are found; a JSONL record without it is invalid")
    func json() throws {
        let options = TextStampOptions(noticeIn: try JSONKeyPath(parsing: "text"))
        let stamped = try TextFixtures.stamp(#"{"text": "Hi"}"#, fileName: "r.json", options)
        let report = verify(stamped, "r.json")
        #expect(report.verdict == .labelled)
        #expect(report.layer(.jsonDisclosure)?.declaresAI == true && report.layer(.notice)?.status == .present)
        let partial = try TextFixtures.stamp(#"{"a":1}"#, fileName: "r.json") + "\n{\"b\":2}\n"
        let lines = verify(partial, "r.jsonl")
        #expect(lines.verdict == .invalid && lines.layer(.jsonDisclosure)?.fields["Records"] == "1/2")
    }

    @Test("plain text signed: its Annex E label is read from the signed manifest, so CN and KZ are met")
    func plainSigned() throws {
        let credentials = try DevelopmentCredentials.generate(algorithm: .es256, subject: "Test Org")
        var options = TextStampOptions()
        options.signer = try LocalSigner(keyPEM: credentials.keyPEM, chainPEM: credentials.chainPEM)
        let stamped = try TextFixtures.stamp("An answer.\n", fileName: "a.txt", options, languages: [.kk, .ru, .zh])
        let report = verify(stamped, "a.txt")
        let tc260 = try #require(report.layer(.tc260))
        #expect(tc260.status == .present && tc260.declaresAI == true, "\(tc260)")
        #expect(tc260.locations == ["C2PA text manifest cawg.metadata: TC260:AIGC"])
        #expect(tc260.fields["ProduceID"] == "id-1")
        for regime in report.regimes where regime.regime != .eu {
            #expect(regime.status == .met, "\(regime.notes)")
        }
        // Without a time-stamp the EU regime is partial, and says what is missing.
        let eu = try #require(report.regimes.first { $0.regime == .eu })
        #expect(eu.status == .partial && eu.unmet.map(\.duty) == [.timeStamp])
        // Tampered text: the manifest is invalid, so its label no longer counts.
        let tampered = stamped.replacingOccurrences(of: "An answer.", with: "An answen.")
        #expect(verify(tampered, "a.txt").layer(.tc260)?.status == .absent)
    }

    @Test("unreadable text is an error report with the offset, not a throw")
    func errors() {
        let report = TextVerifier().verify([0x61, 0xFF], fileName: "a.txt")
        #expect(report.verdict == .error && report.errorOffset == 1 && RunStatus(report) == .dataError)
    }
}
