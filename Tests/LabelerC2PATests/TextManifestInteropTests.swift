import Foundation
import LabelerTestSupport
import Testing
@testable import LabelerC2PA

/// Interop with PyPI `c2pa-text` 3.0.0 (Tests/interop/c2pa_text_interop.py, in `.venv`, which
/// `make venv` installs): it reads our signed texts exactly as we wrote them, and we read the
/// wrappers it makes around our stores.
@Suite struct TextManifestInteropTests {
    static var python: String { TestFiles.packageRoot.appendingPathComponent(".venv/bin/python").path }

    @Test func c2paTextReadsOursAndWeReadItsWrappers() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.python),
            "\(Self.python) is missing: run `make venv` (c2pa-text==3.0.0), as `make test` does")
        let signer = try TextManifestSigningTests.signer()
        try TestFiles.withTemporaryDirectory { directory in
            func write(_ name: String, _ bytes: [UInt8]) throws {
                try Data(bytes).write(to: directory.appendingPathComponent(name))
            }
            func json(_ name: String, _ object: [String: Any]) throws {
                try JSONSerialization.data(withJSONObject: object).write(to: directory.appendingPathComponent(name))
            }
            // 1. A signed text for c2pa-text to read (NFD in: written NFC).
            let text = Array("Cafe\u{301}: a model wrote this.\nЭтот текст создан ИИ. 这段文字由人工智能生成。\n".utf8)
            let signed = try TextManifestSigner.sign(text, builder: TextManifestSigningTests.builder(signer))
            let found = try #require(try TextManifestWrapper.find(in: signed))
            try write("signed.txt", signed)
            try write("signed.store", found.store)
            try write("signed.visible", Array(signed[..<found.range.lowerBound]))
            try json(
                "signed.json",
                [
                    "start": found.range.lowerBound, "length": found.range.count,
                    "dataHash": try Self.dataHash(in: found.store).map { String(format: "%02x", $0) }.joined(),
                ])
            // 1b. The same through the per-run template (a patched store, its own IDs and signature).
            let template = try TextManifestTemplate(builder: TextManifestSigningTests.builder(signer))
            let templated = try template.sign(Array("Un mode\u{300}le l'a e\u{301}crit. 人工智能生成。\n".utf8))
            let fromTemplate = try #require(try TextManifestWrapper.find(in: templated))
            try write("template.txt", templated)
            try write("template.store", fromTemplate.store)
            try json(
                "template.json",
                [
                    "start": fromTemplate.range.lowerBound, "length": fromTemplate.range.count,
                    "dataHash": try Self.dataHash(in: fromTemplate.store).map { String(format: "%02x", $0) }.joined(),
                ])
            // 2. A store signed for a padded wrapper after `visible`, for c2pa-text to wrap.
            let visible = Array("A second text, wrapped by c2pa-text.\n".utf8)
            let wrapper = try TextManifestSigner.wrapper(
                forTextDigest: try #require(TextBinding.digest(visible)), at: visible.count,
                builder: TextManifestSigningTests.builder(signer))
            let store = try #require(try TextManifestWrapper.find(in: visible + wrapper)).store
            try write("padded.visible", visible)
            try write("padded.store", store)
            try json("padded.json", ["length": wrapper.count])
            try write("embed.txt", Array("e\u{301}crit par une IA\n".utf8))
            try write("embed.store", store)

            let run = try ProcessRunner.run(
                Self.python,
                [
                    TestFiles.packageRoot.appendingPathComponent("Tests/interop/c2pa_text_interop.py").path,
                    directory.path,
                ])
            #expect(run.status == 0, "c2pa_text_interop.py:\n\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains(" 0 failed"), "\(run.stdout)")

            // 3. What c2pa-text wrote, read back here.
            let padded = try TestFiles.read(directory.appendingPathComponent("padded-by-c2pa-text.txt"))
            let theirs = try #require(try TextManifestWrapper.find(in: padded))
            #expect(theirs.store == store)
            #expect(theirs.range == visible.count ..< visible.count + wrapper.count)
            let result = TextManifestValidator().validate(padded)
            #expect(result.state == .valid, "\(result.statuses)")
            #expect(result.statuses.contains { $0.code == "assertion.dataHash.match" })
            let embedded = try TestFiles.read(directory.appendingPathComponent("embedded-by-c2pa-text.txt"))
            let unpadded = try #require(try TextManifestWrapper.find(in: embedded))
            #expect(unpadded.store == store)
            #expect(unpadded.paddingCount == 0)
            #expect(Array(embedded[..<unpadded.range.lowerBound]) == Array("écrit par une IA\n".utf8))
        }
    }

    /// The `hash` of the active manifest's `c2pa.hash.data`.
    static func dataHash(in store: [UInt8]) throws -> [UInt8] {
        let parsed = try ManifestStore(parsing: store)
        let binding = try #require(parsed.active?.assertions(prefixed: "c2pa.hash.data").first)
        let content = try #require(binding.contentBoxes.first { $0.type == .cbor })
        return try #require(try CBOR.Decoder.decode(Array(store[content.payloadRange]))["hash"]?.bytesValue)
    }
}
