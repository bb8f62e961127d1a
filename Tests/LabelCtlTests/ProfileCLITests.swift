import Foundation
import LabelerTestSupport
import Testing

/// `--profile`, the config file, `check --require-regime` and `check --format html`, through the
/// built labelctl (issue 10).
@Suite(.serialized) struct ProfileCLITests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func regimes(_ report: [String: Any]) -> [String: String] {
        var statuses: [String: String] = [:]
        for regime in report["regimes"] as? [[String: Any]] ?? [] {
            statuses[regime["regime"] as? String ?? "?"] = regime["status"] as? String
        }
        return statuses
    }

    @Test("stamp --profile all: verify says every regime is met and which layer meets each duty")
    func profileAll() throws {
        let folder = try CLI.copySamples(["photos/rocket.jpg", "photos/chelsea.png", "text/answer.txt"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let tsa = try LoopbackTSA()
        defer { tsa.stop() }
        let environment = try CLI.hermetic()
        let images = try CLI.labelctl(
            ["stamp", "--profile", "all", "--tsa", tsa.url.absoluteString] + CLI.stampFlags
                + ["-o", folder.path + "/out", folder.path + "/rocket.jpg", folder.path + "/chelsea.png"],
            environment: environment)
        #expect(images.status == 0, "\(images.stderr)")
        let text = try CLI.labelctl(
            ["text", "stamp", "--profile", "all", "--tsa", tsa.url.absoluteString] + CLI.stampFlags
                + ["-o", folder.path + "/out/answer.txt", folder.path + "/answer.txt"],
            environment: environment)
        #expect(text.status == 0, "\(text.stderr)")
        for name in ["rocket.jpg", "chelsea.png", "answer.txt"] {
            let verify = try CLI.labelctl(
                ["verify", "--json", folder.path + "/out/" + name], environment: environment)
            #expect(verify.status == 0, "\(name): \(verify.stderr)")
            let report = try Self.json(verify.stdout)
            #expect(Self.regimes(report) == ["kz": "met", "eu": "met", "cn": "met"], "\(name): \(verify.stdout)")
            let duties = (report["regimes"] as? [[String: Any]] ?? []).flatMap {
                $0["duties"] as? [[String: Any]] ?? []
            }
            #expect(duties.count == 8)
            #expect(duties.allSatisfy { !(($0["metBy"] as? [String]) ?? []).isEmpty }, "\(name)")
        }
        let check = try CLI.labelctl(
            ["check", "--require-regime", "all", folder.path + "/out"], environment: environment)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("--profile eu without a time-stamp authority is a usage error; nothing is written")
    func euNeedsTSA() throws {
        let folder = try CLI.copySamples(["photos/rocket.jpg"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.labelctl(
            ["stamp", "--profile", "eu"] + CLI.stampFlags + ["-o", folder.path + "/out", folder.path + "/rocket.jpg"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("time-stamp authority"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/rocket.jpg"))
        let unknown = try CLI.labelctl(["stamp", "--profile", "us"] + CLI.stampFlags + ["--in-place", folder.path])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown profile 'us'"), "\(unknown.stderr)")
    }

    @Test("labelctl.toml in the working folder gives the defaults; flags override it; a bad one names its line")
    func configFile() throws {
        let folder = try CLI.copySamples(["photos/chelsea.png"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        # owner defaults
        profile = "kz"
        generator = "ConfigGen"
        producer_code = "001191110000EXAMPLE00X1AB01"
        corner = "top-left"
        """.write(to: folder.appendingPathComponent("labelctl.toml"), atomically: true, encoding: .utf8)
        let environment = try CLI.hermetic()
        let stamp = try ProcessRunner.run(
            CLI.binary.path, ["stamp", "-o", "out", "chelsea.png"], environment: environment, in: folder)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        let verify = try ProcessRunner.run(
            CLI.binary.path, ["verify", "--json", "out/chelsea.png"], environment: environment, in: folder)
        let report = try Self.json(verify.stdout)
        #expect(Self.regimes(report)["kz"] == "met", "\(verify.stdout)")
        #expect(verify.stdout.contains("ConfigGen"))
        #expect(verify.stdout.contains(#""Box":"1"#), "top-left, from the config: \(verify.stdout)")
        // --no-visible overrides the profile: KZ is then partial, naming the visible warning.
        let plain = try ProcessRunner.run(
            CLI.binary.path, ["stamp", "--no-visible", "-o", "plain", "chelsea.png"], environment: environment,
            in: folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        let partial = try ProcessRunner.run(
            CLI.binary.path, ["check", "--require-regime", "kz", "plain/chelsea.png"], environment: environment,
            in: folder)
        #expect(partial.status == 1 && partial.stdout.contains("visible warning"), "\(partial.stdout)")
        // verify and check read trust_anchors from --config too; --config and --no-config clash.
        let keys = try CLI.labelctl(["keygen", "--out", folder.path + "/keys"], environment: environment)
        #expect(keys.status == 0, "\(keys.stderr)")
        let signed = try ProcessRunner.run(
            CLI.binary.path,
            [
                "stamp", "--sign", "--cert", "keys/chain.pem", "--key", "keys/key.pem", "--no-visible", "-o", "signed",
                "chelsea.png",
            ], environment: environment, in: folder)
        #expect(signed.status == 0, "\(signed.stderr)")
        try "trust_anchors = \"keys/root.pem\"\n".write(
            to: folder.appendingPathComponent("anchors.toml"), atomically: true, encoding: .utf8)
        let trusted = try ProcessRunner.run(
            CLI.binary.path, ["verify", "--json", "--config", "anchors.toml", "signed/chelsea.png"],
            environment: environment, in: folder)
        #expect(trusted.stdout.contains(#""ValidationState":"trusted""#), "\(trusted.stdout)\(trusted.stderr)")
        let clash = try ProcessRunner.run(
            CLI.binary.path, ["verify", "--config", "anchors.toml", "--no-config", "signed/chelsea.png"],
            environment: environment, in: folder)
        #expect(clash.status == 64)
        try "profil = \"all\"\n".write(
            to: folder.appendingPathComponent("labelctl.toml"), atomically: true, encoding: .utf8)
        let bad = try ProcessRunner.run(
            CLI.binary.path, ["stamp", "-o", "bad", "chelsea.png"], environment: environment, in: folder)
        #expect(bad.status != 0 && bad.stderr.contains("line 1") && bad.stderr.contains("profil"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/bad"))
    }

    @Test("check --format html: a self-contained page whose counts equal the JSON report's, rendered by Chromium")
    func htmlReport() throws {
        let folder = try CLI.copySamples(["photos/coffee.png", "edge/doubao-text-aigc.png", "c2pa/C.jpg"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = try CLI.hermetic()
        let stamped = try CLI.labelctl(
            ["stamp", "--sign"] + CLI.stampFlags + ["-o", folder.path + "/signed", folder.path + "/coffee.png"],
            environment: environment)
        #expect(stamped.status == 0, "\(stamped.stderr)")
        let html = folder.path + "/report.html"
        let check = try CLI.labelctl(
            ["check", "--require-regime", "kz", "--format", "html", "--output", html, folder.path],
            environment: environment)
        #expect(check.status == 1, "\(check.stderr)")
        let json = try CLI.labelctl(
            ["check", "--require-regime", "kz", "--format", "json", folder.path], environment: environment)
        let entries = try json.stdout.split(separator: "\n").map { try Self.json(String($0)) }
        #expect(entries.count == 4)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://"))
        // Rendered by a real browser: its DOM after layout, read back.
        let dom = try Chromium.dumpDOM(html)
        func cell(_ id: String) -> Int? {
            guard let range = dom.range(of: "id=\"\(id)\">") else { return nil }
            return Int(dom[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(cell("total") == entries.count)
        #expect(cell("failed") == entries.filter { $0["passed"] as? Bool == false }.count)
        #expect(cell("passed") == entries.filter { $0["passed"] as? Bool == true }.count)
        for regime in ["kz", "eu", "cn"] {
            for status in ["met", "partial", "not_met"] {
                let expected = entries.filter { ($0["regimes"] as? [String: String])?[regime] == status }.count
                #expect(cell("regime-\(regime)-\(status)") == expected, "\(regime) \(status)")
            }
        }
        for layer in ["iptc", "tc260", "c2pa"] {
            let expected = entries.filter { ($0["layers"] as? [String: String])?[layer] == "present" }.count
            #expect(cell("layer-\(layer)-present") == expected, "\(layer)")
        }
        #expect(dom.contains("C.jpg") && dom.contains("labelctl content signer"))
        let screenshot = try Chromium.screenshot(html)
        #expect(screenshot.count > 10_000 && screenshot.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}

/// Chromium from Debian's packages, headless: what a compliance officer's browser would render.
enum Chromium {
    static var binary: String {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? "/usr/bin/chromium"
    }
    static let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions"]

    static func dumpDOM(_ path: String) throws -> String {
        let result = try ProcessRunner.run(binary, flags + ["--dump-dom", "file://" + path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func screenshot(_ path: String) throws -> [UInt8] {
        let folder = try TestFiles.temporaryDirectory("chromium")
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("page.png").path
        let result = try ProcessRunner.run(
            binary, flags + ["--window-size=1200,1600", "--screenshot=" + png, "file://" + path])
        #expect(result.status == 0, "\(result.stderr)")
        return try TestFiles.read(URL(fileURLWithPath: png))
    }
}
