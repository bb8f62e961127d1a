import Foundation
import Testing
import LabelerTestSupport

/// Namespace for the LabelerCInterop suites, so `swift test --filter CInterop` selects them.
@Suite enum CInteropTests {}

/// Fixtures, temporary directories, external tools and JPEG segment helpers shared by the
/// CInterop tests. Every test works in its own temporary directory (style.md §2.8).
enum CInteropSupport {
    /// A file of `Tests/Fixtures/c2pa-rs/`; fails the test (does not skip) when it is missing.
    static func fixtureURL(_ name: String) throws -> URL {
        let url = TestFiles.c2paRS(name)
        try #require(FileManager.default.fileExists(atPath: url.path), "missing fixture \(url.path)")
        return url
    }

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtureURL(name)))
    }

    /// Runs `body` with a fresh temporary directory that is removed afterwards.
    static func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
        try TestFiles.withTemporaryDirectory(body)
    }

    /// Runs a tool found on PATH and returns its stdout; throws on a non-zero exit status.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> Data {
        Data(try ProcessRunner.runChecked(tool, arguments, in: directory).stdoutBytes)
    }

    /// `exiftool -j -a -G1` for one file, as `["Group:Tag": value]` (values as strings).
    static func exiftoolTags(_ file: URL) throws -> [String: String] {
        let json = try run("exiftool", ["-j", "-a", "-G1", file.path], in: file.deletingLastPathComponent())
        let list = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        let object = try #require(list.first)
        return object.mapValues { "\($0)" }
    }

    /// A deterministic RGB or RGBA test pattern.
    static func pattern(width: Int, height: Int, channels: Int) -> [UInt8] {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * channels)
        for y in 0 ..< height {
            for x in 0 ..< width {
                pixels.append(UInt8(truncatingIfNeeded: x * 255 / max(width - 1, 1)))
                pixels.append(UInt8(truncatingIfNeeded: y * 255 / max(height - 1, 1)))
                pixels.append(UInt8(truncatingIfNeeded: (x + y) * 7))
                if channels == 4 { pixels.append(UInt8(truncatingIfNeeded: 255 - x * 3)) }
            }
        }
        return pixels
    }

    // MARK: JPEG segments (ISO/IEC 10918-1 B.1.1: FF xx, u16 big-endian length incl. itself)

    /// Marker and payload range of every segment before SOS.
    static func segments(_ jpeg: [UInt8]) -> [(marker: UInt8, payload: Range<Int>)] {
        var result: [(marker: UInt8, payload: Range<Int>)] = []
        var index = 2
        while index + 4 <= jpeg.count, jpeg[index] == 0xFF {
            let marker = jpeg[index + 1]
            let length = Int(jpeg[index + 2]) << 8 | Int(jpeg[index + 3])
            guard length >= 2, index + 2 + length <= jpeg.count else { break }
            result.append((marker, index + 4 ..< index + 2 + length))
            if marker == 0xDA { break }
            index += 2 + length
        }
        return result
    }

    /// The payload of the first APP1 segment starting with "Exif\0\0".
    static func exifPayload(_ jpeg: [UInt8]) -> ArraySlice<UInt8>? {
        let identifier: [UInt8] = Array("Exif".utf8) + [0, 0]
        return segments(jpeg).first { $0.marker == 0xE1 && jpeg[$0.payload].starts(with: identifier) }
            .map { jpeg[$0.payload] }
    }

    /// Replaces the Exif APP1 payload, or inserts an APP1 after SOI/APP0 when there is none.
    static func splicingEXIF(_ payload: [UInt8], into jpeg: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        let segment: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        let identifier: [UInt8] = Array("Exif".utf8) + [0, 0]
        let all = segments(jpeg)
        if let old = all.first(where: { $0.marker == 0xE1 && jpeg[$0.payload].starts(with: identifier) }) {
            return Array(jpeg[..<(old.payload.lowerBound - 4)]) + segment + jpeg[old.payload.upperBound...]
        }
        let insertAt = all.first.map { $0.marker == 0xE0 ? $0.payload.upperBound : 2 } ?? 2
        return Array(jpeg[..<insertAt]) + segment + jpeg[insertAt...]
    }
}
