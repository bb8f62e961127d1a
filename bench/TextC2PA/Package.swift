// swift-tools-version:6.0
//
// The runnable behind bench/text_c2pa.py: signs, extracts and verifies C2PA text manifests
// (C2PA 2.4 §A.8) over a folder of texts held in memory, with LabelerC2PA, and prints timings as JSON.
// Build: `swift build -c release --package-path bench/TextC2PA` (bench/text_c2pa.py does it).
import PackageDescription

let package = Package(
    name: "TextC2PABench",
    dependencies: [.package(name: "Labeler", path: "../..")],
    targets: [
        .executableTarget(
            name: "text-c2pa-bench",
            dependencies: [.product(name: "LabelerC2PA", package: "Labeler")],
            path: "Sources/TextC2PABench"
        )
    ],
    swiftLanguageModes: [.v6]
)
