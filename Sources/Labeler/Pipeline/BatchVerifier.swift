public import LabelerC2PA

/// Verifies many files concurrently and hands reports back in walk order; the tree is streamed.
public struct BatchVerifier: Sendable {
    public var jobs: Int
    public var discovery: FileDiscovery

    /// Roots C2PA signers are checked against (`nil`: none).
    public var trustAnchors: TrustAnchors?
    /// Whether pictures are read with OCR for a visible notice (`verify --ocr`).
    public var readsVisibleNotices: Bool
    /// When images' pixels are decoded for the invisible watermark.
    public var pixels: PixelCheck

    public init(
        jobs: Int = BatchPipeline.activeCores, discovery: FileDiscovery = FileDiscovery(),
        trustAnchors: TrustAnchors? = nil, pixels: PixelCheck = .auto, readsVisibleNotices: Bool = false
    ) {
        self.pixels = pixels
        self.trustAnchors = trustAnchors
        self.readsVisibleNotices = readsVisibleNotices
        self.jobs = max(1, jobs)
        self.discovery = discovery
    }

    /// Verifies the files under `inputs`. A named input that does not exist gives one `error`
    /// report and the walk goes on; files met in folders that are not of a supported format are
    /// skipped (`onReport` is not called for them).
    /// - Parameter onReport: called in walk order, one call at a time, with the file (`nil` for a
    ///   missing input) and its report.
    /// - Returns: what the walk skipped.
    @discardableResult
    public func verify(
        _ inputs: [FilePath], onReport: @Sendable (FileDiscovery.Item?, VerificationReport) -> Void
    ) -> FileDiscovery.Counts {
        let (trustAnchors, ocr) = (trustAnchors, readsVisibleNotices)
        let runner = OrderedParallelRunner<FileDiscovery.Walker, VerificationReport?>(jobs: jobs)
        let walked = runner.run(discovery.walk(inputs), claimSize: { 8 }) { entries in
            entries.map { entry -> VerificationReport? in
                switch entry {
                case .missing(let path, let error):
                    return VerificationReport(
                        path: path, format: nil, verdict: .error, layers: [], regimes: [], error: error)
                case .file(let item):
                    // Files met in folders are read whole only if their format is one we read.
                    return item.isExplicit
                        ? Labeler.verify(
                            file: item.path, trustAnchors: trustAnchors, pixels: pixels, readsVisibleNotices: ocr)
                        : Labeler.verifyIfSupported(
                            file: item.path, trustAnchors: trustAnchors, pixels: pixels, readsVisibleNotices: ocr)
                }
            }
        } deliver: { entry, report in
            guard let report else { return true }
            if case .file(let item) = entry { onReport(item, report) } else { onReport(nil, report) }
            return true
        }
        return walked.counts
    }

    /// This verifier with ``readsVisibleNotices`` set to `reads` (`verify --ocr`).
    public func readingVisibleNotices(_ reads: Bool) -> BatchVerifier {
        var copy = self
        copy.readsVisibleNotices = reads
        return copy
    }

    /// ``verify(_:onReport:)`` for paths given as text.
    @discardableResult
    public func verify(
        _ inputs: [String], onReport: @Sendable (FileDiscovery.Item?, VerificationReport) -> Void
    ) -> FileDiscovery.Counts {
        verify(inputs.map { FilePath($0) }, onReport: onReport)
    }
}
