import Crypto
import Foundation
import LabelerTestSupport
import Testing
@testable import LabelerC2PA

/// RFC 3161 time-stamps of claim signatures: the tokens c2pa-rs wrote, a real `openssl ts`
/// responder on loopback, and hostile tokens.
@Suite struct TimeStampTests {
    /// A TSA that answers with a fixed token (or a token of another imprint): for the cases a real one will not produce.
    struct FixedAuthority: TimeStampAuthority {
        var token: [UInt8]
        var name: String { "fixed" }
        func timeStampToken(sha256Imprint: [UInt8]) throws -> [UInt8] { token }
    }

    @Test(
        "the time-stamps c2pa-rs wrote validate (v2 sigTst2 over the signature, v1 sigTst over the claim)",
        arguments: ["CACA.jpg", "C.jpg"])
    func fixtures(name: String) throws {
        let result = try ManifestValidatorTests.validate(name)
        let codes = result.statuses.map(\.code)
        #expect(codes.contains("timeStamp.validated"), "\(result.statuses)")
        #expect(codes.contains("timeStamp.untrusted"))
        let stamp = try #require(result.timeStamp)
        #expect(stamp.validated && stamp.authority != nil && !stamp.trusted)
        #expect(stamp.time > Date(timeIntervalSince1970: 1_600_000_000) && stamp.time < Date())
    }

    @Test("a signature changed after time-stamping (E-sig-CA.jpg) is a time-stamp mismatch, informational")
    func tamperedSignature() throws {
        let result = try ManifestValidatorTests.validate("E-sig-CA.jpg")
        let status = try #require(result.statuses.first { $0.code.hasPrefix("timeStamp.") })
        #expect(status.code == "timeStamp.mismatch" && status.kind == .informational)
        #expect(result.timeStamp?.validated == false)
    }

    @Test("the loopback openssl TSA: token for our imprint and nonce, genTime now, chains to its root")
    func loopback() async throws {
        let before = Date()
        let tsa = try LoopbackTSA()
        defer { tsa.stop() }
        let authority = try HTTPTimeStampAuthority(url: tsa.url)
        let message = Array("a claim signature".utf8)
        let der = try authority.timeStampToken(sha256Imprint: Array(SHA256.hash(data: message)))
        let token = try TimeStampToken(derEncoded: der)
        let verified = try token.verify(imprintOf: message)
        // genTime is the TSA's clock (this machine's): between the start of the test and now (a
        // loaded machine can take a minute to get here, so no fixed window).
        #expect(verified.genTime >= before.addingTimeInterval(-2) && verified.genTime <= Date().addingTimeInterval(2))
        #expect(verified.authority.contains("CN=Labeler Test TSA"))
        let anchors = try TrustAnchors(pem: tsa.rootPEM())
        let problem = try await onDispatchWorker {
            anchors.timeStampProblem(with: verified.chain, at: verified.genTime)
        }
        #expect(problem == nil)
        #expect(throws: TimeStampError.self) { try token.verify(imprintOf: Array("another".utf8)) }
        do {
            _ = try token.verify(imprintOf: Array("another".utf8))
        } catch {
            #expect(error.statusCode == "timeStamp.mismatch")
        }
    }

    @Test("a manifest time-stamped on loopback: validated, trusted with the TSA root; a wrong imprint is a mismatch")
    func manifest() async throws {
        let before = Date()
        let tsa = try LoopbackTSA()
        defer { tsa.stop() }
        let credentials = try DevelopmentCredentials.generate(algorithm: .es256, subject: "TSA Test")
        var builder = ManifestBuilder(
            content: .init(
                digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                softwareAgent: "TestGen", softwareAgentVersion: nil, instanceID: "xmp.iid:1"),
            signer: try LocalSigner(keyPEM: credentials.keyPEM, chainPEM: credentials.chainPEM), manifestID: "tsa-1")
        builder.timeStampAuthority = try HTTPTimeStampAuthority(url: tsa.url)
        let layout = try builder.layout(start: 0, carrierSize: { $0 })
        let store = try builder.store(
            exclusion: 0 ..< layout.exclusionLength, dataHash: [UInt8](repeating: 0, count: 32))
        #expect(store.count == layout.storeSize)
        let anchors = try TrustAnchors(pem: tsa.rootPEM())
        let parsed = try ManifestStore(parsing: store)
        let result = try await onDispatchWorker { ManifestValidator(trustAnchors: anchors).validate(parsed, asset: []) }
        let codes = Set(result.statuses.map(\.code))
        #expect(codes.isSuperset(of: ["timeStamp.validated", "timeStamp.trusted", "claimSignature.validated"]))
        #expect(result.timeStamp?.trusted == true)
        let genTime = try #require(result.timeStamp?.time)
        #expect(genTime >= before.addingTimeInterval(-2) && genTime <= Date().addingTimeInterval(2))

        // The same TSA's token, for another imprint: it reads, it does not cover this signature.
        let stranger = try HTTPTimeStampAuthority(url: tsa.url).timeStampToken(
            sha256Imprint: Array(SHA256.hash(data: [1, 2, 3])))
        builder.timeStampAuthority = FixedAuthority(token: stranger)
        let wrong = try builder.store(
            exclusion: 0 ..< layout.exclusionLength, dataHash: [UInt8](repeating: 0, count: 32))
        #expect(wrong.count == layout.storeSize)
        let mismatch = ManifestValidator().validate(try ManifestStore(parsing: wrong), asset: [])
        #expect(mismatch.statuses.contains { $0.code == "timeStamp.mismatch" && $0.kind == .informational })
        #expect(mismatch.timeStamp?.validated == false)
        #expect(!mismatch.statuses.contains { $0.code == "timeStamp.validated" })
    }

    @Test(
        "a validated time-stamp dates the signer: after its 1-day leaf expires the manifest stays valid; untimed, expired"
    )
    func validityAtGenTime() async throws {
        let folder = try TestFiles.temporaryDirectory()
        let certificates = try OpenSSLCertificates(in: folder)
        let signer = try LocalSigner(
            keyPEM: try certificates.key("good"), chainPEM: try certificates.pem("good"))
        let tsa = try LoopbackTSA()
        defer { tsa.stop() }
        var builder = ManifestBuilder(
            content: .init(
                digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                softwareAgent: "TestGen", softwareAgentVersion: nil, instanceID: "xmp.iid:2"),
            signer: signer, manifestID: "tsa-2")
        let later = Date().addingTimeInterval(3 * 86_400)  // the leaf is valid for one day
        for stamped in [true, false] {
            builder.timeStampAuthority = stamped ? try HTTPTimeStampAuthority(url: tsa.url) : nil
            let layout = try builder.layout(start: 0, carrierSize: { $0 })
            let store = try ManifestStore(
                parsing: try builder.store(
                    exclusion: 0 ..< layout.exclusionLength, dataHash: [UInt8](repeating: 0, count: 32)))
            let result = try await onDispatchWorker {
                ManifestValidator(validationTime: later).validate(store, asset: [])
            }
            let codes = Set(result.statuses.map(\.code))
            if stamped {
                #expect(codes.contains("claimSignature.insideValidity") && !codes.contains("signingCredential.expired"))
            } else {
                #expect(codes.contains("signingCredential.expired") && result.state == .invalid)
            }
        }
    }

    @Test("the unprotected header keeps the reserved size for any token up to the budget; a larger one is refused")
    func budget() throws {
        let reserved = try SignatureTimeStamp.unprotectedHeader(token: nil).encoded.count
        for size in [1, 23, 24, 255, 256, 4_000, 9_999, 10_000] {
            let header = try SignatureTimeStamp.unprotectedHeader(token: [UInt8](repeating: 7, count: size))
            #expect(header.encoded.count == reserved, "token of \(size) bytes")
            #expect(try SignatureTimeStamp.token(in: try #require(header["sigTst2"])).count == size)
        }
        #expect {
            try SignatureTimeStamp.unprotectedHeader(token: [UInt8](repeating: 7, count: 10_001))
        } throws: { error in
            (error as? TimeStampAuthorityError)?.reason == .tooLarge && "\(error)".contains("10001 bytes")
        }
    }

    @Test("truncated, bit-flipped and garbage tokens give a time-stamp status, never a crash")
    func hostile() throws {
        let store = try ManifestStore(parsing: manifestStore(ofJPEG: TestFiles.read(TestFiles.c2paRS("CACA.jpg"))))
        let sign1 = try COSE.Sign1(decoding: try #require(store.active?.signatureBytes))
        let token = try SignatureTimeStamp.token(in: try #require(sign1.unprotected["sigTst2"]))
        let message = SignatureTimeStamp.imprintMessage(
            protectedBytes: sign1.protectedBytes, signature: sign1.signature)
        var generator = SystemRandomNumberGenerator()
        var variants: [[UInt8]] = stride(from: 0, to: token.count, by: 7).map { Array(token[..<$0]) }
        for _ in 0 ..< 400 {
            var flipped = token
            flipped[Int.random(in: 0 ..< token.count, using: &generator)] ^= UInt8.random(
                in: 1 ... 255, using: &generator)
            variants.append(flipped)
        }
        variants.append((0 ..< 300).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
        var outcomes: [String: Int] = [:]
        for variant in variants {
            do {
                _ = try TimeStampToken(derEncoded: variant).verify(imprintOf: message)
                outcomes["validated", default: 0] += 1
            } catch {
                outcomes[error.statusCode, default: 0] += 1
            }
        }
        #expect(outcomes["timeStamp.malformed", default: 0] > 0)
        #expect(outcomes["timeStamp.mismatch", default: 0] > 0)
        #expect(outcomes.keys.allSatisfy { $0.hasPrefix("timeStamp.") || $0 == "validated" })
        // More than one token is malformed (c2pa-rs sigtst.rs).
        let two = CBOR.map(["tstTokens": .array([.map(["val": .bytes(token)]), .map(["val": .bytes(token)])])])
        #expect(throws: TimeStampError.malformed("2 time-stamp tokens; exactly one is allowed")) {
            try SignatureTimeStamp.token(in: two)
        }
    }

    @Test("the request is what openssl ts expects: SHA-256 imprint, nonce, certReq")
    func request() throws {
        let imprint = Array(SHA256.hash(data: [0x61]))
        let request = try TimeStampRequest(sha256Imprint: imprint, nonce: 0x1234)
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("q.tsq")
        try Data(request.der).write(to: file)
        let text = try ProcessRunner.runChecked("openssl", ["ts", "-query", "-in", file.path, "-text"]).stdout
        #expect(text.contains("Hash Algorithm: sha256"))
        #expect(text.contains("Nonce: 0x1234"))
        #expect(text.contains("Certificate required: yes"))
        #expect(TimeStampRequest.integerBytes(0x80) == [0x00, 0x80] && TimeStampRequest.integerBytes(1) == [1])
    }
}
