import ArgumentParser
import Labeler
import Synchronization

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Find and check every AI-disclosure label, per layer and per regime (KZ, EU, CN).",
        discussion: """
            Reads XMP (IPTC DigitalSourceType and AI fields; TC260:AIGC as element or attribute), PNG text chunks \
            keyed AIGC, EXIF UserComment/ImageDescription JSON and C2PA manifests (signature, hashed URIs and data \
            hash validated; trust anchors not configured yet), and checks GB 45438 Annex E \
            (required fields, charset, Label 1/2/3, a single copy). "unlabelled" never means "made by a human".
            The invisible watermark (stamp --watermark) is looked for blind in PNG/JPEG pixels only where it can \
            change the verdict: when no machine-readable label is found, or when the XMP records a watermark (it is \
            then confirmed); --pixels always decodes, --metadata-only never does. It reports the payload, a \
            confidence (z-score of the sync correlation) and a false-positive bound.
            --json prints one object per input (JSON Lines); its schema is in the README.

            \(RunStatus.table)
            """)

    @OptionGroup var discovery: DiscoveryOptions
    @OptionGroup var trust: TrustOptions

    @Flag(
        name: .long,
        help: "Read the pixels with Tesseract for a visible AI notice (text, box, language, ≥ 5 % height); slow.")
    var ocr = false

    @Flag(name: .long, help: "Always decode image pixels to look for the invisible watermark.")
    var pixels = false

    @Flag(name: .long, help: "Never decode pixels (metadata only; the watermark layer reads not_checked).")
    var metadataOnly = false

    @Flag(name: .long, help: "One JSON object per input, one per line.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print nothing; only the exit code tells.")
    var quiet = false

    @Argument(help: "Files or folders to verify.")
    var paths: [String]

    func validate() throws {
        if pixels, metadataOnly { throw ValidationError("give --pixels or --metadata-only, not both") }
    }

    func run() throws {
        let worst = Mutex(RunStatus.ok)
        let (json, quiet) = (json, quiet)
        BatchVerifier(
            jobs: discovery.workerCount, discovery: discovery.discovery, trustAnchors: try trust.anchors(),
            pixels: pixels ? .always : metadataOnly ? .never : .auto
        )
        .readingVisibleNotices(ocr)
        .verify(CommandSupport.paths(paths)) {
            _, report in
            worst.withLock { $0 = $0.worst(RunStatus(report)) }
            if quiet { return }
            print(json ? ReportRenderer.json(report) : ReportRenderer.text(report))
        }
        let status = worst.withLock { $0 }
        if status != .ok { throw status.exitCode }
    }
}
