import Benchmark
import Foundation
import Labeler

/// Inputs: real photos from SampleMedia, found from this file's path (never the working directory).
private let sampleMedia = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleMedia")

private func load(_ name: String) -> [UInt8] {
    (try? Array(Data(contentsOf: sampleMedia.appendingPathComponent(name)))) ?? []
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2))
    let png = load("photos/coffee.png")
    let jpeg = load("photos/astronaut.jpg")
    let exiftoolJPEG = load("edge/xmp-exiftool.jpg")
    guard
        let stamper = try? Stamper(
            disclosure: Disclosure(aiSystem: "BenchGen", aiSystemVersion: "1.0", producerName: "Bench"))
    else {
        fatalError("the benchmark disclosure is valid")
    }
    let stampedPNG = (try? stamper.stamp(png).plan.materialize(from: png)) ?? []
    let stampedJPEG = (try? stamper.stamp(jpeg).plan.materialize(from: jpeg)) ?? []

    Benchmark("inspect PNG (chunk walk, every CRC)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Labeler.map(of: png)) }
    }
    Benchmark("inspect JPEG (segment walk to EOI)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Labeler.map(of: jpeg)) }
    }
    Benchmark("stamp plan PNG (walk + fresh XMP)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try stamper.stamp(png)) }
    }
    Benchmark("stamp plan JPEG (walk + XMP + libexif)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try stamper.stamp(jpeg)) }
    }
    Benchmark("stamp plan JPEG merging exiftool XMP") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try stamper.stamp(exiftoolJPEG)) }
    }
    Benchmark("verify stamped PNG") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Verifier().verify(stampedPNG)) }
    }
    Benchmark("verify stamped JPEG") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Verifier().verify(stampedJPEG)) }
    }
}
