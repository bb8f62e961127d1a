import Foundation
import Testing
import LabelerTestSupport

/// Kills real `labelctl stamp` runs at random moments with SIGKILL, then checks that no output is
/// half-written, no input changed, and `--resume` finishes the job.
@Suite struct CrashSafetyCLITests {
    @Test("kill -9 at random points, then --resume: every output complete, inputs unchanged")
    func killAndResume() throws {
        let input = try CLI.temporaryDirectory()
        let source = try Data(contentsOf: CLI.sampleMedia.appendingPathComponent("photos/coffee.png"))
        for index in 0 ..< 120 {
            try source.write(to: input.appendingPathComponent(String(format: "img-%03d.png", index)))
        }
        var generator = SystemRandomNumberGenerator()
        for round in 0 ..< 3 {
            let output = try CLI.temporaryDirectory().appendingPathComponent("out")
            let arguments = ["stamp"] + CLI.stampFlags + ["--jobs", "2", "-o", output.path, input.path]
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000 ... 150_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whatever exists now is a complete, labelled file; leftovers are only hidden temp files.
            let present = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            for name in present where !name.hasPrefix(".") {
                let check = try CLI.labelctl(["verify", "-q", output.appendingPathComponent(name).path])
                #expect(check.status == 0, "round \(round): \(name) is not a complete labelled file")
            }
            let resumed = try CLI.labelctl(arguments + ["--resume"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }
            #expect(names.count == 120)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter {
                $0.hasSuffix(".tmp")
            }
            #expect(leftovers.isEmpty, "--resume should remove temporary files of the killed run: \(leftovers)")
            #expect(try CLI.labelctl(["verify", "-q", output.path]).status == 0)
        }
        for index in 0 ..< 120 {
            #expect(try Data(contentsOf: input.appendingPathComponent(String(format: "img-%03d.png", index))) == source)
        }
    }

    @Test("check gates a tree: JUnit lists each failing file, exit code says why")
    func checkGate() throws {
        let input = try CLI.copySamples(["photos/coffee.png", "edge/doubao-text-aigc.png"])
        let junit = try CLI.temporaryDirectory().appendingPathComponent("report.xml")
        let result = try CLI.labelctl(["check", "--format", "junit", "--output", junit.path, input.path])
        #expect(result.status == 1)
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("tests=\"2\" failures=\"1\""))
        #expect(xml.contains("coffee.png\">") && xml.contains("<failure"))
        // The policy lives outside the tree: a .json inside it would be checked as a text output.
        let policy = try CLI.temporaryDirectory().appendingPathComponent("policy.json")
        try Data(#"{"default": ["tc260"], "rules": [{"path": "coffee.png", "require": []}]}"#.utf8).write(to: policy)
        let passing = try CLI.labelctl(["check", "--policy", policy.path, input.path])
        #expect(passing.status == 0, "\(passing.stdout)")
        let strict = try CLI.labelctl(["check", "--require", "xmp,tc260", "--format", "json", input.path])
        #expect(strict.status == 1 && strict.stdout.split(separator: "\n").count == 2)
    }
}
