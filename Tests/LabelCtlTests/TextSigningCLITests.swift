import Foundation
import LabelerC2PA
import LabelerTestSupport
import Testing

/// `labelctl text stamp --sign` end to end: folders through the batch pipeline, the C2PA text
/// manifest in plain text, Markdown and JSON, streaming, re-signing, and what verify and check
/// make of the results.
@Suite struct TextSigningCLITests {
    let flags = ["--generator", "TestGen", "--producer-code", "001191110000EXAMPLE00X1AB01", "-q", "--lang", "en,zh"]

    /// One config folder for the whole test: stamp and verify share the development key (trusted).
    static func environment() throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = try TestFiles.temporaryDirectory("text-sign-config").path
        environment["XDG_STATE_HOME"] = try TestFiles.temporaryDirectory("text-sign-state").path
        return environment
    }

    static func tree() throws -> URL {
        let input = try TestFiles.temporaryDirectory("text-sign-in")
        try FileManager.default.createDirectory(
            at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("Hello world.\nSecond line, café.\n".utf8).write(to: input.appendingPathComponent("a.txt"))
        try Data("---\ntitle: \"x\" # kept\n---\n# Title\n\nBody.\n".utf8).write(
            to: input.appendingPathComponent("sub/b.md"))
        try Data(#"{"id":"r1","choices":[{"message":{"role":"assistant","content":"Hi"}}]}"#.utf8).write(
            to: input.appendingPathComponent("c.json"))
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: input.appendingPathComponent("not-text.png"))
        return input
    }

    @Test(
        "a folder is signed through the batch pipeline: every text valid and trusted, JSON still JSON, images skipped")
    func folder() throws {
        let environment = try Self.environment()
        let input = try Self.tree()
        let output = try TestFiles.temporaryDirectory("text-sign-out")
        let stamp = try CLI.labelctl(
            ["text", "stamp"] + flags + ["--sign", "-o", output.path, input.path], environment: environment)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        let written = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { !$0.hasSuffix("sub") }
        #expect(Set(written) == ["a.txt", "sub/b.md", "c.json"])
        let verify = try CLI.labelctl(["verify", "--json", output.path], environment: environment)
        #expect(verify.status == 0, "\(verify.stdout)")
        let lines = verify.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines.allSatisfy { $0.contains(#""ValidationState":"trusted""#) })
        let bytes = try Data(contentsOf: output.appendingPathComponent("c.json"))
        let json = try JSONSerialization.jsonObject(with: bytes)
        let disclosure = (json as? [String: Any])?["ai_disclosure"] as? [String: Any]
        let manifest = try #require(disclosure?["c2pa_manifest"] as? String)
        // (swift-corelibs-foundation drops a leading U+FEFF from decoded strings; the file keeps it.)
        #expect(manifest.unicodeScalars.count > 1000)
        #expect(bytes.firstRange(of: Data(#""c2pa_manifest":"\#u{FEFF}"#.utf8)) != nil)
        // check gates on the signature of texts as of images.
        let check = try CLI.labelctl(["check", "--require", "c2pa", output.path], environment: environment)
        #expect(check.status == 0, "\(check.stdout)")
        let unsigned = try CLI.labelctl(["check", "--require", "c2pa", input.path], environment: environment)
        #expect(unsigned.status == 1)
    }

    @Test("one changed character after signing is invalid (exit 2); stripped invisible characters are a warning")
    func tampering() throws {
        let environment = try Self.environment()
        let input = try Self.tree()
        let output = try TestFiles.temporaryDirectory("text-sign-out")
        let file = output.appendingPathComponent("a.txt")
        let stamp = try CLI.labelctl(
            ["text", "stamp"] + flags + ["--sign", "-o", file.path, input.appendingPathComponent("a.txt").path],
            environment: environment)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        let signed = try String(contentsOf: file, encoding: .utf8)
        try Data(signed.replacingOccurrences(of: "Second", with: "Secund").utf8).write(to: file)
        let tampered = try CLI.labelctl(["text", "verify", "--json", file.path], environment: environment)
        #expect(
            tampered.status == 2 && tampered.stdout.contains("c2pa.assertion.dataHash.mismatch"), "\(tampered.stdout)")
        // A sanitiser drops U+FEFF and the variation selectors: the notice stays, the manifest is gone.
        let sanitised = String(
            String.UnicodeScalarView(
                signed.unicodeScalars.filter {
                    !($0 == "\u{FEFF}" || (0xFE00 ... 0xFE0F).contains($0.value)
                        || (0xE0100 ... 0xE01EF).contains($0.value))
                }))
        try Data(sanitised.utf8).write(to: file)
        let stripped = try CLI.labelctl(["text", "verify", "--json", file.path], environment: environment)
        #expect(
            stripped.stdout.contains("notice.invisible_layer_missing")
                && stripped.stdout.contains(#""name":"c2pa","problems":[],"status":"absent""#))
    }

    @Test("re-signing keeps the old manifest as the parent; unsigned re-stamping is refused, the file untouched")
    func resigning() throws {
        let environment = try Self.environment()
        let input = try Self.tree()
        let first = try TestFiles.temporaryDirectory().appendingPathComponent("once.md")
        let second = try TestFiles.temporaryDirectory().appendingPathComponent("twice.md")
        let source = input.appendingPathComponent("sub/b.md").path
        #expect(
            try CLI.labelctl(
                ["text", "stamp"] + flags + ["--sign", "-o", first.path, source], environment: environment
            )
            .status == 0)
        let before = try Data(contentsOf: first)
        let refused = try CLI.labelctl(
            ["text", "stamp"] + flags + ["--in-place", first.path], environment: environment)
        #expect(refused.status == 65 && refused.stderr.contains("--sign"))
        #expect(try Data(contentsOf: first) == before)
        let again = try CLI.labelctl(
            ["text", "stamp"] + flags + ["--sign", "-o", second.path, first.path], environment: environment)
        #expect(again.status == 0, "\(again.stderr)")
        let verify = try CLI.labelctl(["text", "verify", "--json", second.path], environment: environment)
        #expect(
            verify.status == 0 && verify.stdout.contains(#""Manifests":"2""#)
                && verify.stdout.contains(#""Parent":"urn:c2pa:"#))
        // Re-stamping replaced the notice and front matter, never doubled them.
        let text = try String(contentsOf: second, encoding: .utf8)
        #expect(text.components(separatedBy: "This text was generated by AI.").count == 2)
        #expect(text.components(separatedBy: "AIGC:").count == 2)
    }

    @Test("standard input streams: the notice first, the text NFC, the manifest last; it verifies; UTF-16 is refused")
    func streaming() throws {
        let environment = try Self.environment()
        let input = Array(
            "Streamed tokens: re\u{301}sume\u{301}.\nЖасанды интеллект.\n".decomposedStringWithCanonicalMapping.utf8)
        let stamp = try CLI.labelctl(["text", "stamp"] + flags + ["--sign"], environment: environment, input: input)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(stamp.stdout.hasPrefix("This text was generated by AI.\n本内容由人工智能生成\n\nStreamed tokens: résumé."))
        let verify = try CLI.labelctl(["text", "verify", "-"], environment: environment, input: stamp.stdoutBytes)
        #expect(verify.status == 0 && verify.stdout.contains("ValidationState=trusted"), "\(verify.stdout)")
        // The streamed manifest says what a file's does: actions and the disclosure as cawg.metadata.
        let found = try #require(try TextManifestWrapper.find(in: stamp.stdoutBytes))
        let manifest = try #require(try ManifestStore(parsing: found.store).active)
        #expect(manifest.assertion("cawg.metadata") != nil && manifest.assertion("c2pa.actions.v2") != nil)
        let wide = try CLI.labelctl(["text", "stamp"] + flags, input: [0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00])
        #expect(wide.status == 65 && wide.stderr.contains("UTF-16LE") && wide.stdout.isEmpty)
    }
}
