import Foundation
import Labeler
import LabelerTestSupport
import Testing

/// The JSON that `verify --json` and `inspect --json` print is an interface (schema in the README):
/// these golden files pin it byte for byte on fixed inputs. To re-record after a deliberate change,
/// run `RECORD_GOLDEN=1 swift test --filter GoldenOutput` and review the diff.
@Suite struct GoldenOutputTests {
    static let golden = TestFiles.packageRoot.appendingPathComponent("Tests/LabelCtlTests/Golden")

    static let cases: [(command: String, input: String)] = [
        ("verify", "SampleMedia/edge/labelled-exiftool-full.png"),
        ("verify", "SampleMedia/edge/doubao-text-aigc.png"),
        ("verify", "SampleMedia/edge/exif-usercomment-aigc.jpg"),
        ("verify", "SampleMedia/c2pa/C.jpg"),
        ("verify", "SampleMedia/photos/camera.png"),
        ("verify", "SampleMedia/malformed/bad-crc.png"),
        ("inspect", "SampleMedia/edge/labelled-exiftool.jpg"),
        ("inspect", "SampleMedia/edge/doubao-text-aigc.png"),
    ]

    @Test("verify --json and inspect --json match their golden files", arguments: cases.indices)
    func matchesGolden(index: Int) throws {
        let (command, input) = Self.cases[index]
        let result = try ProcessRunner.run(
            CLI.binary.path, [command, "--json", input], environment: try CLI.hermetic(), in: TestFiles.packageRoot)
        let name = "\(command)-" + input.split(separator: "/").suffix(2).joined(separator: "-") + ".json"
        let file = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(result.stdoutBytes).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(
            result.stdout == expected,
            "\(name) changed; if deliberate, re-record with RECORD_GOLDEN=1 and update the README schema")
        // Every line decodes back into the library's types: the schema and the types agree.
        for line in result.stdout.split(separator: "\n") {
            if command == "verify" {
                #expect(throws: Never.self) { try JSONDecoder().decode(VerificationReport.self, from: Data(line.utf8)) }
            } else {
                #expect(throws: Never.self) { try JSONDecoder().decode(Inspection.self, from: Data(line.utf8)) }
            }
        }
    }
}
