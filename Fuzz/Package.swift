// swift-tools-version:6.0
//
// libFuzzer targets for Labeler's parsers (see ../FUZZING.md). Not part of the main build: built
// and run by `bash Fuzz/run.sh` (or `make fuzz`) with `-sanitize=fuzzer` passed on the command
// line, which instruments every Swift module here and in the root package, Labeler included.
// Each target is one file calling one `FuzzEntryPoints` function (`@_spi(Fuzzing)` in Labeler).
import PackageDescription

let names = [
    "PNGWalker", "JPEGWalker", "XMLParser", "XMPMerge", "AnnexE", "EXIFReader", "CBOR", "JUMBF", "X509", "Manifest",
    "TimeStampToken", "TextWrapper", "Config",
]

let package = Package(
    name: "LabelerFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Labeler", path: "..")],
    targets: [.target(name: "CFuzzDriver", path: "Targets/CFuzzDriver")]
        + names.map { name in
            .executableTarget(
                name: "Fuzz\(name)",
                dependencies: [
                    "CFuzzDriver", .product(name: "Labeler", package: "Labeler"),
                    .product(name: "LabelerC2PA", package: "Labeler"),
                ],
                path: "Targets/\(name)"
            )
        },
    swiftLanguageModes: [.v6]
)
