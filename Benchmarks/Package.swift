// swift-tools-version:6.1
//
// Micro-benchmarks (ordo-one/benchmark): container walkers, XMP build/merge, verification.
// Run from this folder: `swift package --disable-sandbox benchmark` (see ../bench/README.md).
import PackageDescription

let package = Package(
    name: "LabelerBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Labeler", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LabelerBenchmarks",
            dependencies: [
                .product(name: "Labeler", package: "Labeler"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LabelerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
