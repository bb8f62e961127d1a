/// An output described as regions, in output order: ranges of the original kept as they were, and
/// new bytes that replace a site or are inserted where there was none.
///
/// ```
/// output:  | kept 0..<33 | replaced: XMP (new) | kept 33..<900 | inserted: Exif (new) | kept …
///          ^0            ^33                   ^33+n
/// ```
/// Every region knows its place in the output (``Region/output``), so a signer can hash
/// "everything but this region" (C2PA 2.x §18.5.2 `c2pa.hash.data` exclusions) from the plan before
/// a byte is written, then fill a reserved region of the same length. Writers `writev` the regions
/// without copying the kept bytes.
public struct SplicePlan: Sendable {
    /// What a metadata region carries.
    public struct Site: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let xmp = Site(rawValue: "xmp")
        public static let exif = Site(rawValue: "exif")
        public static let c2pa = Site(rawValue: "c2pa")
        public var description: String { rawValue }
    }

    public struct Region: Sendable {
        public enum Role: String, Sendable, Hashable {
            /// Bytes of the original, unchanged.
            case kept
            /// New bytes standing where the original had the same site.
            case replaced
            /// New bytes where the original had none.
            case inserted
        }

        public enum Content: Sendable {
            case original(Range<Int>)
            case bytes([UInt8])
        }

        public var role: Role
        /// The metadata site of a new region (`nil` for kept bytes).
        public var site: Site?
        /// Where the region lies in the output.
        public var output: Range<Int>
        public var content: Content
    }

    public private(set) var regions: [Region] = []

    public init() {}

    /// Size of the output in bytes.
    public var outputSize: Int { regions.last?.output.upperBound ?? 0 }

    /// Appends `range` of the original, merging with a preceding adjacent kept range.
    mutating func keep(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if let last = regions.last, case .original(let previous) = last.content, previous.upperBound == range.lowerBound
        {
            regions[regions.count - 1].content = .original(previous.lowerBound ..< range.upperBound)
            regions[regions.count - 1].output = last.output.lowerBound ..< last.output.upperBound + range.count
        } else {
            append(Region(role: .kept, site: nil, output: 0 ..< range.count, content: .original(range)))
        }
    }

    /// Appends new bytes carrying `site`; `replacing` tells whether the original had that site.
    mutating func add(_ bytes: [UInt8], site: Site, replacing: Bool) {
        guard !bytes.isEmpty else { return }
        append(
            Region(
                role: replacing ? .replaced : .inserted, site: site, output: 0 ..< bytes.count, content: .bytes(bytes)))
    }

    private mutating func append(_ region: Region) {
        var region = region
        let start = outputSize
        region.output = start ..< start + region.output.count
        regions.append(region)
    }

    /// The same plan with every kept range copied out of `source`: a plan over bytes that exist
    /// only in memory (a re-encoded image), so writers never read the input file for it.
    func detached(from source: [UInt8]) -> SplicePlan {
        var copy = self
        for index in copy.regions.indices {
            if case .original(let range) = copy.regions[index].content {
                copy.regions[index].content = .bytes(Array(source[range]))
            }
        }
        return copy
    }

    /// The first new region carrying `site`.
    public func region(for site: Site) -> Region? { regions.first { $0.site == site } }

    /// Output ranges outside the regions carrying `site`: what a hard binding hashes when that
    /// site holds the signature itself.
    public func outputRanges(excluding site: Site) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for region in regions where region.site != site {
            if let last = ranges.last, last.upperBound == region.output.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound ..< region.output.upperBound
            } else {
                ranges.append(region.output)
            }
        }
        return ranges
    }

    /// Replaces the bytes of the region carrying `site` with `bytes` of the same length (a
    /// reserved signature slot filled after hashing). Returns `false` if there is no such region
    /// or the length differs: regions never move once planned.
    public mutating func fill(_ site: Site, with bytes: [UInt8]) -> Bool {
        guard let index = regions.firstIndex(where: { $0.site == site }), regions[index].output.count == bytes.count
        else {
            return false
        }
        regions[index].content = .bytes(bytes)
        return true
    }

    /// Calls `body` with each region's bytes in output order (kept ones as slices of `source`).
    public func forEachChunk(of source: [UInt8], _ body: (ArraySlice<UInt8>) throws -> Void) rethrows {
        for region in regions {
            switch region.content {
            case .original(let range): try body(source[range])
            case .bytes(let bytes): try body(bytes[...])
            }
        }
    }

    /// Calls `body` with the bytes of every region but those carrying `site`, in output order:
    /// what a hard binding hashes when that site holds the manifest store itself.
    public func forEachChunk(
        of source: [UInt8], excluding site: Site, _ body: (ArraySlice<UInt8>) throws -> Void
    ) rethrows {
        for region in regions where region.site != site {
            switch region.content {
            case .original(let range): try body(source[range])
            case .bytes(let bytes): try body(bytes[...])
            }
        }
    }

    /// The output as one array (for tests and in-memory callers).
    public func materialize(from source: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(outputSize)
        forEachChunk(of: source) { output += $0 }
        return output
    }
}
