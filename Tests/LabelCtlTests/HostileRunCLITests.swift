import Foundation
import LabelerCInterop
import LabelerTestSupport
import Testing

/// Regression tests for the findings of a hostile test run, through the real `labelctl`: odd
/// names, modes and owners, links, output folders that overlap inputs, a full disk for the
/// journal, missing inputs, interrupted runs.
@Suite struct HostileRunCLITests {
    // MARK: helpers

    /// A fresh folder with `in/` holding copies of `samples` and an `XDG_STATE_HOME` of its own,
    /// so default journals never land in the real home.
    struct Workspace {
        let root: URL
        var input: URL { root.appendingPathComponent("in") }
        var output: URL { root.appendingPathComponent("out") }
        var state: URL { root.appendingPathComponent("state") }
        var environment: [String: String] {
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_STATE_HOME"] = state.path
            environment["LABELCTL"] = CLI.binary.path
            environment["LC_ALL"] = "C"
            return environment
        }

        init(_ samples: [String] = ["photos/coffee.png"]) throws {
            root = try CLI.temporaryDirectory()
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("in"), withIntermediateDirectories: true)
            for name in samples {
                let source = CLI.sampleMedia.appendingPathComponent(name)
                try FileManager.default.copyItem(
                    at: source, to: root.appendingPathComponent("in").appendingPathComponent(source.lastPathComponent))
            }
        }

        func labelctl(_ arguments: [String]) throws -> CLI.Result {
            try ProcessRunner.run(CLI.binary.path, arguments, environment: environment, in: root)
        }

        /// Runs `script` with `/bin/sh -c` in the workspace; `$LABELCTL` is the binary and
        /// `$FLAGS` the stamp flags.
        func sh(_ script: String) throws -> CLI.Result {
            var environment = environment
            environment["FLAGS"] = CLI.stampFlags.joined(separator: " ")
            return try ProcessRunner.run("/bin/sh", ["-c", script], environment: environment, in: root)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func status(_ url: URL, followingSymlinks: Bool = true) -> stat? {
        var info = stat()
        let result = followingSymlinks ? stat(url.path, &info) : lstat(url.path, &info)
        return result == 0 ? info : nil
    }

    static func mode(_ url: URL) -> mode_t? { status(url).map { $0.st_mode & 0o7777 } }

    static func exists(_ url: URL) -> Bool { status(url, followingSymlinks: false) != nil }

    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// Every path under `folder` with its bytes (folders as empty data), for "nothing changed" checks.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let name = enumerator.nextObject() as? String {
            result[name] = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
        }
        return result
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    static func verifiesLabelled(_ url: URL) throws -> Bool {
        try CLI.labelctl(["verify", "-q", url.path]).status == 0
    }

    // MARK: 1. decompression bombs spread over many text chunks

    /// A PNG whose `chunks` zTXt `AIGC` chunks each inflate to `inflated` spaces.
    static func textBomb(chunks: Int, inflated: Int) throws -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = UInt32(data.count)
            let typeBytes = Array(type.utf8)
            let crc = Zlib.crc32(typeBytes + data)
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
                + typeBytes + data
                + [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        }
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
        let text = try chunk(
            "zTXt", Array("AIGC".utf8) + [0, 0] + Zlib.deflate([UInt8](repeating: 0x20, count: inflated)))
        for _ in 0 ..< chunks { bytes += text }
        bytes += chunk("IDAT", try Zlib.deflate([0, 0xFF, 0, 0]))
        bytes += chunk("IEND", [])
        return bytes
    }

    @Test("Hostile 1: verify of 40 zTXt AIGC chunks × 4 MiB says invalid (exit 2) with carrier.undecodable")
    func hostileTextBombVerify() throws {
        let workspace = try Workspace([])
        defer { workspace.remove() }
        let bomb = workspace.input.appendingPathComponent("bomb.png")
        try Data(try Self.textBomb(chunks: 40, inflated: 4 << 20)).write(to: bomb)
        let result = try workspace.labelctl(["verify", "--json", bomb.path])
        #expect(result.status == 2, "\(result.stderr)")
        let report = try #require(try Self.jsonLines(result.stdout).first)
        #expect(report["verdict"] as? String == "invalid")
        #expect(result.stdout.contains("carrier.undecodable"))
    }

    // MARK: 3. a file that changes while it is stamped

    /// A valid PNG of about `size` bytes (a large private ancillary chunk before IDAT).
    static func largePNG(size: Int) throws -> [UInt8] {
        var bytes = try Self.textBomb(chunks: 0, inflated: 0)
        let iend = bytes.count - 12
        let data = [UInt8](repeating: 0x5A, count: size)
        let typeBytes = Array("prVt".utf8)
        let crc = Zlib.crc32(typeBytes + data)
        let length = UInt32(data.count)
        var chunk =
            [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            + typeBytes + data
        chunk += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        // After IDAT, before IEND: still a valid PNG.
        bytes.insert(contentsOf: chunk, at: iend)
        return bytes
    }

    @Test(
        "Hostile 3: truncating the input while stamp runs never kills labelctl with a signal; outputs are absent or labelled"
    )
    func hostileConcurrentTruncation() throws {
        let workspace = try Workspace([])
        defer { workspace.remove() }
        let input = workspace.input.appendingPathComponent("big.png")
        let full = Data(try Self.largePNG(size: 48 << 20))
        var outcomes: [Int32] = []
        for round in 0 ..< 8 {
            try full.write(to: input)
            let output = workspace.root.appendingPathComponent("out-\(round)")
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["stamp"] + CLI.stampFlags + ["-o", output.path, input.path]
            process.environment = workspace.environment
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(round) * 40_000)
            // Truncate in place (same inode), to a size that cuts the big chunk.
            #expect(truncate(input.path, off_t(full.count / 3)) == 0)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "round \(round): killed by signal \(process.terminationStatus)")
            #expect(process.terminationStatus < 128)
            #expect(
                [0, 65, 74].contains(process.terminationStatus), "round \(round): exit \(process.terminationStatus)")
            outcomes.append(process.terminationStatus)
            let stamped = output.appendingPathComponent("big.png")
            if Self.exists(stamped) {
                #expect(try Self.verifiesLabelled(stamped), "round \(round): output present but not a labelled file")
            } else {
                #expect(process.terminationStatus != 0, "round \(round): exit 0 without an output")
            }
            let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).filter {
                $0.hasSuffix(".tmp")
            }
            #expect(leftovers.isEmpty, "round \(round): temp files left: \(leftovers)")
        }
        print("HostileRunCLITests: concurrent truncation exit codes per round: \(outcomes)")
    }

    // MARK: 4. a journal that cannot be written

    @Test("Hostile 4: --journal /dev/full: output in place and labelled, report says stamped with a warning, exit 74")
    func hostileJournalDiskFull() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let devFullMode = Self.status(URL(fileURLWithPath: "/dev/full"))?.st_mode
        defer { if let devFullMode { chmod("/dev/full", devFullMode & 0o7777) } }
        let report = workspace.root.appendingPathComponent("report.jsonl")
        let result = try workspace.labelctl(
            ["stamp"] + CLI.stampFlags + [
                "--journal", "/dev/full", "--report", report.path,
                "-o", "out", "in/coffee.png",
            ])
        #expect(result.status == 74, "\(result.stderr)")
        let output = workspace.output.appendingPathComponent("coffee.png")
        #expect(Self.exists(output))
        #expect(try Self.verifiesLabelled(output))
        let lines = try Self.jsonLines(try String(contentsOf: report, encoding: .utf8))
        #expect(lines.count == 1)
        #expect(lines.first?["outcome"] as? String == "stamped")
        #expect((lines.first?["warning"] as? String)?.isEmpty == false)
        #expect(result.stderr.contains("warning:"))
    }

    @Test("Hostile 4b: a --journal naming a device does not change the device's permissions")
    func hostileJournalDeviceMode() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = try #require(Self.status(URL(fileURLWithPath: "/dev/full"))?.st_mode)
        defer { chmod("/dev/full", before & 0o7777) }
        _ = try workspace.labelctl(
            ["stamp"] + CLI.stampFlags + ["--journal", "/dev/full", "-o", "out", "in/coffee.png"])
        let after = Self.status(URL(fileURLWithPath: "/dev/full"))?.st_mode
        #expect(
            after == before,
            "labelctl chmodded /dev/full from \(String(before & 0o7777, radix: 8)) to \(String((after ?? 0) & 0o7777, radix: 8))"
        )
    }

    // MARK: 5. long names and names that are not UTF-8

    @Test("Hostile 5: a 250-byte name stamps with -o and in place")
    func hostileLongName() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let name = String(repeating: "n", count: 246) + ".png"
        #expect(name.utf8.count == 250)
        try FileManager.default.moveItem(
            at: workspace.input.appendingPathComponent("coffee.png"), to: workspace.input.appendingPathComponent(name))
        let result = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in/" + name])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.verifiesLabelled(workspace.output.appendingPathComponent(name)))
        let inPlace = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["--in-place", "in/" + name])
        #expect(inPlace.status == 0, "\(inPlace.stderr)")
        #expect(try Self.verifiesLabelled(workspace.input.appendingPathComponent(name)))
        // A folder walk finds it too.
        let walked = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out2", "in"])
        #expect(walked.status == 0, "\(walked.stderr)")
    }

    /// Copies `in/coffee.png` to `folder/<name>`, the name given as hex bytes, with python.
    static func copy(_ workspace: Workspace, to folder: String, hexName: String) throws {
        let script =
            "import os, shutil, sys; d = sys.argv[1].encode(); os.makedirs(d, exist_ok=True); "
            + "shutil.copy(b'in/coffee.png', d + b'/' + bytes.fromhex(sys.argv[2]))"
        let result = try ProcessRunner.run("python3", ["-c", script, folder, hexName], in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
    }

    static func listRaw(_ workspace: Workspace, _ folder: String) throws -> String {
        try workspace.sh(
            "python3 -c \"import os; print(sorted(n for n in os.listdir(b'\(folder)') if not n.startswith(b'.')))\""
        ).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("Hostile 5: a non-UTF-8 name (caf\\xE9.png) is stamped, verified, checked and printed escaped")
    func hostileNonUTF8Name() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.copy(workspace, to: "raw", hexName: "636166e92e706e67")
        #expect(try Self.listRaw(workspace, "raw") == #"[b'caf\xe9.png']"#)
        let stamp = try workspace.sh(#""$LABELCTL" stamp $FLAGS -o out "$(printf 'raw/caf\351.png')""#)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(try Self.listRaw(workspace, "out") == #"[b'caf\xe9.png']"#)
        let verify = try workspace.sh(#""$LABELCTL" verify "$(printf 'out/caf\351.png')""#)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains(#"out/caf\xE9.png: labelled"#), "\(verify.stdout)")
        let check = try workspace.sh(#""$LABELCTL" check "$(printf 'out/caf\351.png')""#)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Walking the folder finds the same file by its bytes.
        let walked = try workspace.labelctl(["verify", "out"])
        #expect(walked.status == 0)
        #expect(walked.stdout.contains(#"out/caf\xE9.png: labelled"#), "\(walked.stdout)")
        // In place too.
        let inPlace = try workspace.sh(#""$LABELCTL" stamp $FLAGS --in-place "$(printf 'raw/caf\351.png')""#)
        #expect(inPlace.status == 0, "\(inPlace.stderr)")
        #expect(try Self.listRaw(workspace, "raw") == #"[b'caf\xe9.png']"#)
        #expect(try workspace.labelctl(["verify", "-q", "raw"]).status == 0)
    }

    @Test("Hostile 5b: two non-UTF-8 names that differ only in their invalid bytes are two different files")
    func hostileTwoNonUTF8Names() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try Self.copy(workspace, to: "raw", hexName: "636166e92e706e67")
        try Self.copy(workspace, to: "raw", hexName: "636166e82e706e67")
        // Label only caf\xE9.png.
        let stamp = try workspace.sh(#""$LABELCTL" stamp $FLAGS --in-place "$(printf 'raw/caf\351.png')""#)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        // Both names, in that order: one labelled, one unlabelled (exit 1).
        let verify = try workspace.sh(
            #""$LABELCTL" verify "$(printf 'raw/caf\351.png')" "$(printf 'raw/caf\350.png')""#)
        #expect(verify.stdout.contains(#"raw/caf\xE9.png: labelled"#), "\(verify.stdout)")
        #expect(verify.stdout.contains(#"raw/caf\xE8.png: unlabelled"#), "argv bytes were confused: \(verify.stdout)")
        #expect(verify.status == 1)
    }

    // MARK: 6. modes

    @Test("Hostile 6: -o output of a 04755 input under umask 027 is 0750 (no setuid)")
    func hostileUmaskAndSetuid() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(chmod(workspace.input.appendingPathComponent("coffee.png").path, 0o4755) == 0)
        let result = try workspace.sh(#"umask 027; exec "$LABELCTL" stamp $FLAGS -o out in/coffee.png"#)
        #expect(result.status == 0, "\(result.stderr)")
        let mode = Self.mode(workspace.output.appendingPathComponent("coffee.png"))
        #expect(mode == 0o750, "mode \(String(mode ?? 0, radix: 8))")
        // The folder labelctl made honours the umask too.
        #expect(Self.mode(workspace.output) == 0o750)
    }

    @Test("Hostile 6: --in-place keeps 0640 and drops setuid from 04755")
    func hostileInPlaceModes() throws {
        let workspace = try Workspace(["photos/coffee.png", "edge/palette.png"])
        defer { workspace.remove() }
        let plain = workspace.input.appendingPathComponent("coffee.png")
        let setuid = workspace.input.appendingPathComponent("palette.png")
        #expect(chmod(plain.path, 0o640) == 0)
        #expect(chmod(setuid.path, 0o4755) == 0)
        let result = try workspace.sh(
            #"umask 077; exec "$LABELCTL" stamp $FLAGS --in-place in/coffee.png in/palette.png"#)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.mode(plain) == 0o640, "mode \(String(Self.mode(plain) ?? 0, radix: 8))")
        #expect(Self.mode(setuid) == 0o755, "mode \(String(Self.mode(setuid) ?? 0, radix: 8))")
        #expect(try Self.verifiesLabelled(plain) && Self.verifiesLabelled(setuid))
    }

    // MARK: 7. owner, symlinks, hard links in place

    @Test("Hostile 7: --in-place keeps owner and group 65534:65534")
    func hostileInPlaceOwner() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let file = workspace.input.appendingPathComponent("coffee.png")
        try #require(chown(file.path, 65534, 65534) == 0, "tests must run as root")
        let result = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["--in-place", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try #require(Self.status(file))
        #expect(info.st_uid == 65534 && info.st_gid == 65534, "owner \(info.st_uid):\(info.st_gid)")
        #expect(try Self.verifiesLabelled(file))
    }

    @Test("Hostile 7: --in-place on a named symlink stamps its target and keeps the link")
    func hostileInPlaceSymlink() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let target = workspace.input.appendingPathComponent("coffee.png")
        let link = workspace.root.appendingPathComponent("link.png")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "in/coffee.png")
        let result = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["--in-place", "link.png"])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try #require(Self.status(link, followingSymlinks: false))
        #expect(info.st_mode & S_IFMT == S_IFLNK, "the link was replaced by a regular file")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "in/coffee.png")
        #expect(try Self.verifiesLabelled(target))
        #expect(Self.snapshot(workspace.root).keys.filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test("Hostile 7: --in-place refuses a file with 2 hard links (exit 65), both names unchanged")
    func hostileInPlaceHardLinks() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = workspace.input.appendingPathComponent("coffee.png")
        let second = workspace.input.appendingPathComponent("second.png")
        #expect(link(first.path, second.path) == 0)
        let before = try Self.bytes(first)
        let result = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["--in-place", first.path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("hard links"), "\(result.stderr)")
        #expect(try Self.bytes(first) == before && Self.bytes(second) == before)
        #expect(Self.status(first)?.st_ino == Self.status(second)?.st_ino, "the links were broken")
    }

    // MARK: 8. -o overlapping the inputs

    @Test(
        "Hostile 8: -o at, inside, or through a link to an input folder is a usage error and writes nothing",
        arguments: [
            ("in", ["in"]), ("in/", ["in"]), ("in/sub", ["in"]), ("in/new/deeper", ["in"]), ("./in/../in", ["in"]),
            ("in-link", ["in"]), ("in-link/new", ["in"]), ("in", ["in/coffee.png"]), ("in/.", ["in/coffee.png"]),
            ("in", ["elsewhere.png", "in"]),
        ])
    func hostileOutputInsideInput(output: String, inputs: [String]) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(
            at: workspace.input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: workspace.input.appendingPathComponent("coffee.png"),
            to: workspace.root.appendingPathComponent("elsewhere.png"))
        try FileManager.default.createSymbolicLink(
            atPath: workspace.root.appendingPathComponent("in-link").path, withDestinationPath: "in")
        let before = Self.snapshot(workspace.root)
        let result = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", output] + inputs)
        #expect(result.status == 64, "-o \(output) \(inputs): exit \(result.status) \(result.stderr)")
        #expect(Self.snapshot(workspace.root) == before, "-o \(output) \(inputs): something was written")
    }

    // MARK: 9. names that would forge report lines

    @Test("Hostile 9: a name with a newline cannot print a forged report line")
    func hostileNewlineName() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let forged = "x\nok.png: labelled"
        try FileManager.default.moveItem(
            at: workspace.input.appendingPathComponent("coffee.png"), to: workspace.input.appendingPathComponent(forged)
        )
        // Also a corrupt one, so an error line is printed for it.
        try Data("not a png".utf8).write(to: workspace.input.appendingPathComponent("y\nok.png: labelled.png"))
        for arguments in [
            ["verify", "in"], ["check", "in"], ["verify", "in/" + forged], ["check", "--format", "junit", "in"],
            ["stamp"] + CLI.stampFlags + ["-o", "out", "in/" + forged, "in/y\nok.png: labelled.png"],
        ] {
            let result = try workspace.labelctl(arguments)
            let lines = (result.stdout + "\n" + result.stderr).split(separator: "\n", omittingEmptySubsequences: false)
            let bad = lines.filter {
                $0.hasPrefix("ok.png") || $0.trimmingCharacters(in: .whitespaces).hasPrefix("ok.png")
            }
            #expect(bad.isEmpty, "\(arguments.first!): forged line(s) \(bad) in:\n\(result.stdout)\(result.stderr)")
        }
        let verify = try workspace.labelctl(["verify", "in/" + forged])
        #expect(verify.stdout.contains(#"in/x\nok.png: labelled: unlabelled"#), "\(verify.stdout)")
    }

    // MARK: 10. missing inputs are one error record each

    @Test("Hostile 10: verify --json missing.png good.png prints 2 lines (error/io first), exit 74")
    func hostileMissingVerify() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let stamp = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in/coffee.png"])
        #expect(stamp.status == 0)
        let result = try workspace.labelctl(["verify", "--json", "missing.png", "out/coffee.png"])
        #expect(result.status == 74, "\(result.stderr)")
        let lines = try Self.jsonLines(result.stdout)
        #expect(lines.count == 2)
        #expect(lines.first?["verdict"] as? String == "error")
        #expect(lines.first?["errorCode"] as? String == "io")
        #expect(lines.first?["path"] as? String == "missing.png")
        #expect(lines.last?["verdict"] as? String == "labelled")
        // A missing input in the middle: the rest still reported, in order.
        let middle = try workspace.labelctl(["verify", "--json", "out/coffee.png", "missing.png", "in/coffee.png"])
        #expect(
            try Self.jsonLines(middle.stdout).map { $0["verdict"] as? String } == ["labelled", "error", "unlabelled"])
        #expect(middle.status == 74)
    }

    @Test("Hostile 10: check --format json missing.png good.png prints 2 lines (error first), exit 74")
    func hostileMissingCheck() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        _ = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in/coffee.png"])
        let result = try workspace.labelctl(["check", "--format", "json", "missing.png", "out/coffee.png"])
        #expect(result.status == 74, "\(result.stderr)")
        let lines = try Self.jsonLines(result.stdout)
        #expect(lines.count == 2)
        #expect(lines.first?["verdict"] as? String == "error")
        #expect(lines.first?["passed"] as? Bool == false)
        #expect(lines.last?["verdict"] as? String == "labelled")
        #expect(lines.last?["passed"] as? Bool == true)
    }

    @Test("Hostile 10: stamp with a missing input stamps the rest, reports one failed record, exit 74")
    func hostileMissingStamp() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let report = workspace.root.appendingPathComponent("report.jsonl")
        let result = try workspace.labelctl(
            ["stamp"] + CLI.stampFlags + ["--report", report.path, "-o", "out", "missing.png", "in/coffee.png"])
        #expect(result.status == 74, "\(result.stderr)")
        let lines = try Self.jsonLines(try String(contentsOf: report, encoding: .utf8))
        #expect(lines.map { $0["outcome"] as? String } == ["failed", "stamped"])
        #expect(lines.first?["errorCode"] as? String == "io")
        #expect(try Self.verifiesLabelled(workspace.output.appendingPathComponent("coffee.png")))
    }

    // MARK: 11. interrupted runs: leftovers and --resume

    static let leftoverNames = [".labeler-abc123.tmp", ".coffee.png.labeler-xyz789.tmp"]

    @Test(
        "Hostile 11: a plain rerun over a folder removes .labeler-*.tmp leftovers in every output folder, nothing else")
    func hostileLeftoversFolderRun() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let sub = workspace.input.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: workspace.input.appendingPathComponent("coffee.png"), to: sub.appendingPathComponent("coffee.png"))
        #expect(try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in"]).status == 0)
        let folders = [workspace.output, workspace.output.appendingPathComponent("sub")]
        for folder in folders {
            for name in Self.leftoverNames { try Data("partial".utf8).write(to: folder.appendingPathComponent(name)) }
            try Data("keep".utf8).write(to: folder.appendingPathComponent(".keep"))
        }
        let rerun = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        for folder in folders {
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            #expect(names.isDisjoint(with: Self.leftoverNames), "\(folder.lastPathComponent): \(names.sorted())")
            #expect(names.contains(".keep"))
        }
    }

    @Test("Hostile 11: a plain rerun of a named file removes .labeler-*.tmp leftovers in the output folder")
    func hostileLeftoversNamedFileRun() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in/coffee.png"]).status == 0)
        for name in Self.leftoverNames {
            try Data("partial".utf8).write(to: workspace.output.appendingPathComponent(name))
        }
        let rerun = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in/coffee.png"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: workspace.output.path))
        #expect(names.isDisjoint(with: Self.leftoverNames), "left: \(names.sorted())")
    }

    @Test("Hostile 11: --resume after a relative first run skips everything when the input is spelled absolutely")
    func hostileResumeAbsoluteSpelling() throws {
        let workspace = try Workspace(["photos/coffee.png", "edge/palette.png"])
        defer { workspace.remove() }
        let first = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = workspace.root.appendingPathComponent("report.jsonl")
        let second = try workspace.labelctl([
            "stamp", "--generator", "TestGen", "--generator-version", "2.1",
            "--producer-code", "001191110000EXAMPLE00X1AB01",
            "--resume", "--report", report.path, "-o", workspace.output.path, workspace.input.path + "/",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        let lines = try Self.jsonLines(try String(contentsOf: report, encoding: .utf8))
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0["outcome"] as? String == "skipped_done" }, "\(lines)")
        #expect(second.stderr.contains("2 skipped done"), "\(second.stderr)")
    }

    @Test("Hostile 11: --resume with the same relative -o skips everything a first run (that created -o) finished")
    func hostileResumeSameRelativeSpelling() throws {
        // The first run creates `out`; its default journal must be the one a rerun finds.
        let workspace = try Workspace(["photos/coffee.png", "edge/palette.png"])
        defer { workspace.remove() }
        #expect(!Self.exists(workspace.output))
        let first = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", "out", "in"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = workspace.root.appendingPathComponent("report.jsonl")
        let second = try workspace.labelctl(
            ["stamp"] + CLI.stampFlags + ["--resume", "--report", report.path, "-o", "out", "in"])
        #expect(second.status == 0, "\(second.stderr)")
        let lines = try Self.jsonLines(try String(contentsOf: report, encoding: .utf8))
        #expect(lines.map { $0["outcome"] as? String } == ["skipped_done", "skipped_done"])
        let journals = try FileManager.default.contentsOfDirectory(
            atPath: workspace.state.appendingPathComponent("labelctl/journals").path)
        #expect(journals.count == 1, "one output folder, one journal: \(journals)")
    }

    // MARK: 12. output folders that cannot be made

    @Test(
        "Hostile 12: -o under a regular file, or where mkdir fails, is exit 74 with one error line",
        arguments: [
            "in/coffee.png/out", "/proc/labelctl-hostile-out", "/dev/null/out",
        ])
    func hostileUnmakeableOutput(output: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let before = Self.snapshot(workspace.root)
        let result = try workspace.labelctl(["stamp"] + CLI.stampFlags + ["-o", output, "in/coffee.png"])
        #expect(result.status == 74, "-o \(output): exit \(result.status) \(result.stderr)")
        #expect(result.stderr.hasPrefix("labelctl: "), "\(result.stderr)")
        #expect(Self.snapshot(workspace.root) == before)
    }

    @Test("Hostile 12: an unwritable --report fails before any file is stamped (exit 74)")
    func hostileUnwritableReport() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.labelctl(
            ["stamp"] + CLI.stampFlags + ["--report", "/proc/labelctl-hostile.jsonl", "-o", "out", "in/coffee.png"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(!Self.exists(workspace.output.appendingPathComponent("coffee.png")))
    }
}
