import Foundation
import Testing
import LabelerTestSupport
@testable import Labeler

/// Seeded random damage to real files: stamping and verifying must throw or report, never trap or hang.
@Suite struct MutationTests {
    /// SplitMix64, so every run damages the same bytes (a failure is reproducible from its seed).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(
        "400 damaged copies of each file neither crash nor hang stamp, verify or inspect",
        arguments: [
            "edge/xmp-exiftool.jpg", "edge/xmp-exiftool.png", "edge/exif-camera.jpg", "edge/doubao-text-aigc.png",
        ])
    func damaged(name: String) throws {
        let original = try TestPaths.read(TestPaths.sampleMedia.appendingPathComponent(name))
        let stamper = try Stamper(disclosure: .sample)
        let stamped = try stamper.stamp(original).plan.materialize(from: original)
        var generator = SeededGenerator(state: UInt64(name.utf8.count) &* 7919)
        var outcomes = (ok: 0, refused: 0)
        for round in 0 ..< 400 {
            var bytes = round.isMultiple(of: 2) ? stamped : original
            // Damage the metadata-heavy head more often than the image data.
            let span = round.isMultiple(of: 3) ? bytes.count : min(bytes.count, 4096)
            switch round % 4 {
            case 0:
                for _ in 0 ..< Int.random(in: 1 ... 8, using: &generator) {
                    bytes[Int.random(in: 0 ..< span, using: &generator)] = UInt8.random(
                        in: 0 ... 255, using: &generator)
                }
            case 1:
                bytes.removeLast(Int.random(in: 1 ..< bytes.count, using: &generator))
            case 2:
                let at = Int.random(in: 0 ..< span, using: &generator)
                bytes.insert(contentsOf: [0xFF, UInt8.random(in: 0 ... 255, using: &generator), 0xFF, 0xFF], at: at)
            default:
                let at = Int.random(in: 0 ..< span - 4, using: &generator)
                bytes.replaceSubrange(at ..< at + 4, with: [0xFF, 0xFF, 0xFF, 0xF0])
            }
            _ = Verifier().verify(bytes)
            _ = try? Labeler.map(of: bytes)
            if let result = try? stamper.stamp(bytes) {
                outcomes.ok += 1
                // What we write from damaged-but-walkable input is itself walkable.
                #expect(throws: Never.self) { try Labeler.map(of: result.plan.materialize(from: bytes)) }
            } else {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.ok + outcomes.refused == 400)
        #expect(outcomes.refused > 0)
    }
}
