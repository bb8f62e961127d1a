import Foundation
import LabelerC2PA
import LabelerTestSupport
import Testing
@testable import Labeler

/// `--tsa`: signed stamps carrying an RFC 3161 time-stamp from a real responder on loopback.
@Suite struct TimeStampedStampTests {
    struct OversizedAuthority: TimeStampAuthority {
        var name: String { "oversized" }
        func timeStampToken(sha256Imprint: [UInt8]) throws -> [UInt8] { [UInt8](repeating: 0x30, count: 12_000) }
    }

    @Test(
        "stamp with a TSA (JPEG and PNG): verify reports the time-stamp's time and that it validates",
        arguments: ["photos/astronaut.jpg", "photos/coffee.png"])
    func timeStamped(sample: String) throws {
        let tsa = try LoopbackTSA()
        defer { tsa.stop() }
        let input = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent(sample))
        let options = StampOptions(
            signer: try SignedStampTests.signer("es256"), timeStampAuthority: try HTTPTimeStampAuthority(url: tsa.url))
        let output = try Stamper(disclosure: .sample, options: options).stamp(input).plan.materialize(from: input)
        let offline = try Stamper(
            disclosure: .sample, options: StampOptions(signer: try SignedStampTests.signer("es256"))
        )
        .stamp(input).plan.materialize(from: input)
        let report = Verifier().verify(output)
        #expect(report.verdict == .labelled)
        let layer = try #require(report.layer(.c2pa))
        #expect(layer.status == .present && layer.problems.isEmpty, "\(layer.problems)")
        #expect(layer.fields["TimeStampValidated"] == "true")
        #expect(layer.fields["TimeStampStatus"] == "timeStamp.validated timeStamp.untrusted")
        #expect(layer.fields["TimeStampAuthority"]?.contains("CN=Labeler Test TSA") == true)
        let time = try #require(layer.fields["TimeStamp"])
        let now = RFC3339.string(from: Date())
        #expect(time.prefix(13) == now.prefix(13) || time <= now, "\(time) vs \(now)")
        // The time-stamp costs its fixed budget plus header and pad, nothing else moves.
        let extra = output.count - offline.count
        #expect(extra > SignatureTimeStamp.defaultBudget && extra < SignatureTimeStamp.defaultBudget + 400, "\(extra)")
        #expect(Verifier().verify(offline).layer(.c2pa)?.fields["TimeStamp"] == nil)
    }

    @Test("an unreachable TSA fails the file with an I/O error naming the URL")
    func unreachable() throws {
        let tsa = try LoopbackTSA()
        let url = tsa.url
        tsa.stop()  // nothing listens there any more
        let input = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("photos/astronaut.jpg"))
        let options = StampOptions(
            signer: try SignedStampTests.signer("es256"),
            timeStampAuthority: try HTTPTimeStampAuthority(url: url, timeout: 10))
        #expect {
            try Stamper(disclosure: .sample, options: options).stamp(input)
        } throws: { error in
            guard let error = error as? LabelerError else { return false }
            return error.code == .io && error.message.contains(url.absoluteString)
        }
    }

    @Test("a token larger than the budget is refused, naming its size")
    func oversized() throws {
        let input = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent("photos/coffee.png"))
        let options = StampOptions(
            signer: try SignedStampTests.signer("es256"), timeStampAuthority: OversizedAuthority())
        #expect {
            try Stamper(disclosure: .sample, options: options).stamp(input)
        } throws: { error in
            guard let error = error as? LabelerError else { return false }
            return error.code == .tooLarge && error.message.contains("12000 bytes")
        }
    }
}
