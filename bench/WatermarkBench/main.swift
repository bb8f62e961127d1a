// The runnable behind bench/watermark_robustness.py: drives LabelerPixels' Watermark and
// WatermarkDetector on images held in memory, one core, and prints one JSON object per line.
// Timings exclude decode/encode (the raster is decoded before the clock starts).
//
//   watermark-bench embed --out DIR [--psnr 40] FILE...   mark each file, write DIR/<name>.png
//   watermark-bench detect [--native-only] FILE...          blind detection (rescale search unless --native-only)
//   watermark-bench speed [--repeats 3] FILE...             embed, native detect on the marked raster, and
//                                                           detection with the full search on the unmarked one
//
// The payload of a file is derived from its base name (FNV-1a, 44 bits), so the Python side
// knows what to expect; `embed` prints it.
// Build: `swift build -c release --product watermark-bench` (bench/watermark_robustness.py does it).
import Foundation
import LabelerPixels

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
}

func payload(for path: String) -> WatermarkPayload {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in (path as NSString).lastPathComponent.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return WatermarkPayload(identifier: hash)
}

func decode(_ path: String) throws -> Raster {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw BenchFailure(description: "cannot read \(path)")
    }
    return try RasterCodec.decode([UInt8](data), maxPixelCount: 200_000_000).raster
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func json(_ object: [String: Any]) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
}

/// This thread's CPU time in ms: what one core spent, whatever else the machine was running.
func cpuMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

/// Runs `body`; returns its value, wall-clock ms and this thread's CPU ms.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double, Double) {
    let start = ContinuousClock.now
    let cpu = cpuMilliseconds()
    let value = try body()
    return (value, milliseconds(ContinuousClock.now - start), cpuMilliseconds() - cpu)
}

func detectionFields(_ detection: WatermarkDetection) -> [String: Any] {
    [
        "outcome": detection.outcome.rawValue, "payload": detection.payload?.hex ?? NSNull(), "z": detection.zScore,
        "scale": detection.scale, "bound": detection.falsePositiveBound, "hypotheses": detection.hypotheses,
    ]
}

func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index ... index + 1)
    return value
}

func run() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let command = arguments.first else { throw BenchFailure(description: "usage: embed|detect|speed ...") }
    arguments.removeFirst()
    switch command {
    case "embed":
        guard let out = option("--out", in: &arguments) else { throw BenchFailure(description: "embed needs --out") }
        let psnr = option("--psnr", in: &arguments).flatMap(Double.init) ?? Watermark.defaultTargetPSNR
        for path in arguments {
            var raster = try decode(path)
            let mark = payload(for: path)
            let (embedding, ms, cpu) = try timed {
                try Watermark(payload: mark, targetPSNR: psnr).embed(into: &raster)
            }
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".png"
            let bytes = try RasterCodec.encode(raster, like: .png(alpha: false, gray: false))
            FileManager.default.createFile(
                atPath: (out as NSString).appendingPathComponent(name), contents: Data(bytes))
            print(
                json([
                    "file": path, "out": name, "payload": mark.hex, "psnr": embedding.psnr, "embed_ms": ms,
                    "embed_cpu_ms": cpu,
                    "megapixels": Double(raster.width * raster.height) / 1e6,
                ]))
        }
    case "detect":
        let native = arguments.contains("--native-only")
        arguments.removeAll { $0 == "--native-only" }
        let detector = WatermarkDetector(searchesScales: !native)
        for path in arguments {
            let raster = try decode(path)
            let (detection, ms, cpu) = timed { detector.detect(raster) }
            var fields = detectionFields(detection)
            fields["file"] = path
            fields["detect_ms"] = ms
            fields["detect_cpu_ms"] = cpu
            fields["megapixels"] = Double(raster.width * raster.height) / 1e6
            print(json(fields))
        }
    case "speed":
        let repeats = option("--repeats", in: &arguments).flatMap(Int.init) ?? 3
        let detector = WatermarkDetector()
        for path in arguments {
            let original = try decode(path)
            let watermark = Watermark(payload: payload(for: path))
            var embedTimes: [(Double, Double)] = []
            var marked = original
            for _ in 0 ..< repeats {
                // A private copy made before the clock starts: `marked = original` shares the buffer,
                // and the copy-on-write (4 bytes a pixel, fresh pages) would otherwise be timed as
                // embedding, which in the product marks a raster the decoder just made, in place.
                marked = original
                marked.pixels.withUnsafeMutableBufferPointer { _ in }
                let (_, ms, cpu) = try timed { try watermark.embed(into: &marked) }
                embedTimes.append((ms, cpu))
            }
            var nativeTimes: [(Double, Double)] = []
            var searchTimes: [(Double, Double)] = []
            var found: WatermarkDetection?
            var clean: WatermarkDetection?
            for _ in 0 ..< repeats {
                let (detection, ms, cpu) = timed { detector.detect(marked) }
                nativeTimes.append((ms, cpu))
                found = detection
                let (unmarked, searchMs, searchCpu) = timed { detector.detect(original) }
                searchTimes.append((searchMs, searchCpu))
                clean = unmarked
            }
            func median(_ values: [(Double, Double)], cpu: Bool) -> Double {
                values.map { cpu ? $0.1 : $0.0 }.sorted()[values.count / 2]
            }
            // The least CPU time of the repeats: on a shared virtual machine the noise only adds.
            func best(_ values: [(Double, Double)]) -> Double { values.map(\.1).min() ?? 0 }
            print(
                json([
                    "file": path, "megapixels": Double(original.width * original.height) / 1e6,
                    "embed_ms": median(embedTimes, cpu: false), "embed_cpu_ms": median(embedTimes, cpu: true),
                    "detect_native_ms": median(nativeTimes, cpu: false),
                    "detect_native_cpu_ms": median(nativeTimes, cpu: true),
                    "detect_search_ms": median(searchTimes, cpu: false),
                    "detect_search_cpu_ms": median(searchTimes, cpu: true),
                    "embed_best_cpu_ms": best(embedTimes), "detect_native_best_cpu_ms": best(nativeTimes),
                    "detect_search_best_cpu_ms": best(searchTimes),
                    "marked_found": found?.payload == watermark.payload,
                    "clean_outcome": clean?.outcome.rawValue ?? "", "clean_z": clean?.zScore ?? 0,
                ]))
        }
    default:
        throw BenchFailure(description: "unknown command \(command)")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("watermark-bench: \(error)\n".utf8))
    exit(1)
}
