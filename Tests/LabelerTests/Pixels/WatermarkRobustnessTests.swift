import Foundation
import LabelerPixels
import Testing

/// The robustness table in the README: every sample photo marked at the default PSNR, attacked,
/// detected blind. `LABELER_TIMING=1 swift test --filter WatermarkRobustnessTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["LABELER_TIMING"] == "1"))
struct WatermarkRobustnessTests {
    static func attacks(_ raster: Raster) throws -> [(String, Raster)] {
        let (w, h) = (raster.width, raster.height)
        func centre(_ fraction: Double) -> Raster {
            let (cw, ch) = (Int(Double(w) * fraction), Int(Double(h) * fraction))
            return WatermarkTests.crop(raster, x: (w - cw) / 2, y: (h - ch) / 2, width: cw, height: ch)
        }
        func adjusted(_ transform: (Int, Int) -> Int) -> Raster {
            var out = raster
            for index in 0 ..< out.pixels.count where index % 4 != 3 {
                out.pixels[index] = UInt8(min(max(transform(Int(out.pixels[index]), index), 0), 255))
            }
            return out
        }
        var state: UInt64 = 99
        func gaussian() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u1 = Double(state >> 11) / Double(1 << 53) + 1e-12
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u2 = Double(state >> 11) / Double(1 << 53)
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        var noise = [Int](repeating: 0, count: w * h)
        for index in 0 ..< noise.count { noise[index] = Int((5 * gaussian()).rounded()) }
        return [
            ("none", raster),
            ("jpeg q90", try WatermarkTests.jpeg(raster, quality: 90)),
            ("jpeg q75", try WatermarkTests.jpeg(raster, quality: 75)),
            ("jpeg q50", try WatermarkTests.jpeg(raster, quality: 50)),
            ("crop offset (53,37)", WatermarkTests.crop(raster, x: 53, y: 37, width: w - 53, height: h - 37)),
            ("centre crop 50 % area", centre(0.7071)),
            ("centre crop 25 % area + jpeg q75", try WatermarkTests.jpeg(centre(0.5), quality: 75)),
            ("brightness x1.2", adjusted { value, _ in value * 12 / 10 }),
            ("noise sigma 5", adjusted { value, index in value + noise[index / 4] }),
        ]
    }

    @Test("robustness table")
    func table() throws {
        var rows: [String: [(Bool, Double)]] = [:]
        var order: [String] = []
        var clean: [Double] = []
        for name in WatermarkTests.photos {
            let (original, marked, _) = try WatermarkTests.marked(name)
            clean.append(WatermarkDetector().detect(original).zScore)
            for (attack, raster) in try Self.attacks(marked) {
                let detection = WatermarkDetector().detect(raster)
                if rows[attack] == nil { order.append(attack) }
                rows[attack, default: []].append((detection.payload == WatermarkTests.payload, detection.zScore))
            }
        }
        for attack in order {
            let results = rows[attack] ?? []
            let exact = results.filter(\.0).count
            let zs = results.map(\.1).sorted()
            print(
                "robustness | \(attack) | \(exact)/\(results.count) | min z \(zs.first ?? 0) | median z \(zs[zs.count / 2])"
            )
        }
        print("robustness | unmarked z: \(clean.map { ($0 * 100).rounded() / 100 })")
    }
}
