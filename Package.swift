// swift-tools-version:6.0
//
// Labeler: stamp and verify "AI-generated" disclosures in images and text.
//
// Layout:
//   CLibPNG / CLibJPEG / CLibEXIF / CZlib / CLibDeflate   system libraries found through pkg-config
//   CFreeType                               FreeType 2 (glyph rasterising for the visible label)
//   CTesseract                              Tesseract 5 C API (reading visible notices: verify --ocr)
//   CLabelerShims                           the only C we write (every setjmp lives here)
//   LabelerCInterop                         the only Swift that imports C modules; `package` API
//   Labeler                                 the library: containers, metadata, disclosure, pipeline
//   LabelerPixels                           rasters: decode/encode like the source, EXIF orientation, the visible
//                                           label (later the watermark); only used when a pixel layer is asked for
//   LabelerBytes                            big-endian ByteReader/ByteWriter shared by the containers and C2PA
//   LabelerC2PA                             C2PA: CBOR, JUMBF, COSE, manifest store, validation, signing, keygen;
//                                           knows nothing of PNG/JPEG
//   labelctl                                the thin command-line front end
//   LabelerTestSupport                      fixtures, temporary folders and the process runner the tests share
//
// Linux only (Glibc, syncfs, sync_file_range): no other platform is claimed or built.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Labeler",
    products: [
        .library(name: "Labeler", targets: ["Labeler"]),
        .library(name: "LabelerC2PA", targets: ["LabelerC2PA"]),
        .executable(name: "labelctl", targets: ["labelctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CLibJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
        .systemLibrary(name: "CLibEXIF", pkgConfig: "libexif", providers: [.apt(["libexif-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        // Headers only: libtesseract is loaded on first use (CLabelerShims/src/shims_tesseract.c).
        .systemLibrary(name: "CTesseract", providers: [.apt(["libtesseract-dev"])]),
        .target(
            name: "CLabelerShims",
            dependencies: ["CLibPNG", "CLibJPEG", "CLibEXIF", "CFreeType"]
        ),
        .target(
            name: "LabelerCInterop",
            dependencies: ["CLabelerShims", "CLibEXIF", "CZlib", "CLibDeflate", "CTesseract"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LabelerBytes",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LabelerC2PA",
            dependencies: [
                "LabelerBytes",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LabelerPixels",
            dependencies: ["LabelerCInterop", "CLabelerShims"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Labeler",
            dependencies: [
                "LabelerCInterop", "LabelerPixels", "LabelerBytes", "LabelerC2PA",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "labelctl",
            dependencies: [
                "Labeler",
                "LabelerC2PA",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The runnable behind bench/watermark_robustness.py (embed/detect on in-memory rasters, JSON
        // lines); inside this package because the watermark API is `package`, not public.
        .executableTarget(
            name: "watermark-bench",
            dependencies: ["LabelerPixels"],
            path: "bench/WatermarkBench",
            swiftSettings: strictSettings
        ),
        .target(
            name: "LabelerTestSupport",
            dependencies: ["Labeler", "LabelerCInterop"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LabelerTests",
            dependencies: [
                "Labeler", "LabelerCInterop", "LabelerPixels", "LabelerBytes", "LabelerC2PA", "LabelerTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LabelerC2PATests",
            dependencies: [
                "LabelerC2PA", "LabelerBytes", "LabelerTestSupport",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LabelCtlTests",
            dependencies: ["Labeler", "LabelerC2PA", "LabelerCInterop", "LabelerTestSupport", "labelctl"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
