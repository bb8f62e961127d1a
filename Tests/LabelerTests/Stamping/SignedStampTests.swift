import Foundation
import LabelerC2PA
import LabelerCInterop
import LabelerTestSupport
import Testing
@testable import Labeler

@Suite struct SignedStampTests {
    static func signer(_ name: String) throws -> LocalSigner {
        let folder = TestFiles.fixtures.appendingPathComponent("c2pa-rs/certs")
        return try LocalSigner(
            keyPEM: String(contentsOf: folder.appendingPathComponent("\(name).pem"), encoding: .utf8),
            chainPEM: String(contentsOf: folder.appendingPathComponent("\(name).pub"), encoding: .utf8))
    }

    @Test(
        "a signed stamp validates: claim signature, hashed URIs, data hash; a byte changed afterwards does not",
        arguments: [
            ("photos/astronaut.jpg", "es256"), ("photos/coffee.png", "es256"), ("edge/palette.png", "ed25519"),
            ("edge/exif-camera.jpg", "ed25519"), ("photos/rocket.jpg", "ps256"), ("edge/palette.png", "ps256"),
        ])
    func signedRoundTrip(sample: String, key: String) throws {
        let input = try TestFiles.read(TestFiles.sampleMedia.appendingPathComponent(sample))
        let stamper = try Stamper(disclosure: .sample, options: StampOptions(signer: try Self.signer(key)))
        let output = try stamper.stamp(input).plan.materialize(from: input)
        let report = Verifier().verify(output)
        #expect(report.verdict == .labelled)
        let layer = try #require(report.layer(.c2pa))
        #expect(layer.status == .present && layer.declaresAI == true && layer.problems.isEmpty)
        #expect(layer.fields["ClaimVersion"] == "2" && layer.fields["SoftwareAgent"] == "TestGen")
        #expect(report.layer(.iptc)?.status == .present && report.layer(.tc260)?.status == .present)
        // Change one byte of the XMP (covered by the data hash): the manifest no longer validates.
        var tampered = output
        let xmp = try #require(ContainerRegistry.walk(output).sites().xmp.first)
        tampered[xmp.offset + 40] ^= 0x01
        if sample.hasSuffix(".png") {  // keep the chunk CRC right, so only the data hash can tell
            tampered = try Self.fixingCRCs(tampered)
        }
        let after = Verifier().verify(tampered).layer(.c2pa)
        #expect(after?.status == .invalid)
        #expect(after?.problems.map(\.kind.rawValue) == ["c2pa.assertion.dataHash.mismatch"])
    }

    @Test("a key that does not match its certificate is refused before anything is signed")
    func mismatchedKey() throws {
        let folder = TestFiles.fixtures.appendingPathComponent("c2pa-rs/certs")
        #expect(throws: COSE.Error.self) {
            try LocalSigner(
                keyPEM: String(contentsOf: folder.appendingPathComponent("ed25519.pem"), encoding: .utf8),
                chainPEM: String(contentsOf: folder.appendingPathComponent("es256.pub"), encoding: .utf8))
        }
        #expect(throws: COSE.Error.self) { try LocalSigner(keyPEM: "not a key", chainPEM: "no certificate") }
    }

    @Test("stores past one APP11 segment are split at 64,000 bytes and read back whole")
    func multiSegment() throws {
        let store = (0 ..< 150_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let carrier = try JPEG.Handler.c2paCarrier(store: [0, 2, 0x49, 0xF0] + Array("jumb".utf8) + store)
        #expect(carrier.count == JPEG.Handler.c2paCarrierSize(storeSize: store.count + 8))
        let jpeg = try JPEGBuilder.encoded()
        let withStore = Array(jpeg.prefix(2)) + carrier + jpeg.dropFirst(2)
        // The reassembly needs the c2pa label near the start, as a real store has.
        let handler = try JPEG.Handler(walking: withStore)
        #expect(handler.reader.segments.filter(handler.isJUMBF).count == 3)
    }

    @Test("an APP11 JUMBF box that is not the C2PA store (JPEG 360, another En) is kept byte for byte when signing")
    func otherJUMBFKept() throws {
        let jpeg = try JPEGBuilder.encoded()
        // CI "JP", En 0x0007, Z 1, then a small JUMBF superbox labelled "jp360" (not a C2PA store).
        let box: [UInt8] = [0, 0, 0, 16] + Array("jumb".utf8) + [0, 0, 0, 8] + Array("free".utf8)
        let payload: [UInt8] = [0x4A, 0x50, 0x00, 0x07, 0, 0, 0, 1] + box + Array("jp360".utf8)
        let other = try JPEG.Handler.segment(marker: 0xEB, payload: payload)
        let input = Array(jpeg.prefix(2)) + other + jpeg.dropFirst(2)
        #expect(try ContainerRegistry.walk(input).manifestStore == nil)
        let once = try Stamper(disclosure: .sample, options: StampOptions(signer: try Self.signer("es256")))
            .stamp(input).plan.materialize(from: input)
        let twice = try Stamper(disclosure: .sample, options: StampOptions(signer: try Self.signer("es256")))
            .stamp(once).plan.materialize(from: once)
        for output in [once, twice] {
            #expect(output.indices.contains { output[$0...].starts(with: other) })
            let layer = Verifier().verify(output).layer(.c2pa)
            #expect(layer?.status == .present && layer?.problems.isEmpty == true)
        }
    }

    /// Recomputes every chunk CRC of a PNG.
    static func fixingCRCs(_ png: [UInt8]) throws -> [UInt8] {
        var bytes = png
        var offset = 8
        while offset + 12 <= bytes.count {
            let length =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
            let crc = Zlib.crc32(Array(bytes[offset + 4 ..< offset + 8 + length]))
            bytes[offset + 8 + length ..< offset + 12 + length] = [
                UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF),
            ]
            offset += 12 + length
        }
        return bytes
    }
}

@Suite struct TrustAnchorTests {
    @Test(
        "with our own root as the anchor a signed stamp reads trusted; with another root, valid but untrusted",
        arguments: [COSE.Algorithm.es256, .ps256])
    func ownRoot(algorithm: COSE.Algorithm) throws {
        let credentials = try DevelopmentCredentials.generate(algorithm: algorithm, subject: "Trust Test")
        let stranger = try DevelopmentCredentials.generate(algorithm: algorithm, subject: "Someone Else")
        let signer = try LocalSigner(keyPEM: credentials.keyPEM, chainPEM: credentials.chainPEM)
        #expect(signer.algorithm == algorithm && signer.signatureSize == (algorithm == .ps256 ? 256 : 64))
        let input = PNGBuilder.minimal()
        let output = try Stamper(disclosure: .sample, options: StampOptions(signer: signer)).stamp(input).plan
            .materialize(from: input)
        let trusted = Verifier(trustAnchors: try TrustAnchors(pem: credentials.rootPEM)).verify(output).layer(.c2pa)
        #expect(trusted?.fields["ValidationState"] == "trusted" && trusted?.warnings.isEmpty == true)
        #expect(trusted?.fields["Algorithm"] == algorithm.description)
        let untrusted = Verifier(trustAnchors: try TrustAnchors(pem: stranger.rootPEM)).verify(output).layer(.c2pa)
        #expect(untrusted?.status == .present && untrusted?.fields["ValidationState"] == "valid")
        #expect(untrusted?.warnings.map(\.kind.rawValue) == ["c2pa.signingCredential.untrusted"])
        let requirement = CheckPolicy.Requirement(name: "c2pa-trusted")
        #expect(requirement == .c2paTrusted)
        #expect(
            CheckPolicy.failures(
                of: Verifier(trustAnchors: try TrustAnchors(pem: credentials.rootPEM)).verify(output),
                against: [.c2paTrusted]
            ).isEmpty)
        #expect(CheckPolicy.failures(of: Verifier().verify(output), against: [.c2paTrusted]).count == 1)
        #expect(throws: (any Error).self) { try TrustAnchors(pem: "no certificates here") }
    }
}
