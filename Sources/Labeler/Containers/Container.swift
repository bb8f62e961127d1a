/// The seam every file format sits behind: sniff, walk, metadata sites, a splice plan.
///
/// A conforming type is a stateless walk of one file held in memory (c2pa-rs `asset_io.rs` has the
/// same contract): ``init(walking:)`` checks the whole structure and throws the format's error
/// with a byte offset; nothing afterwards re-reads or mutates the bytes. Writing is never in place:
/// ``plan(_:)`` describes the output as original byte ranges plus new bytes, tagged by role.
///
/// To add a format: a folder under `Containers/` with a type conforming to this protocol, a
/// `ContainerFormat` constant, and one line in ``ContainerRegistry/types``.
protocol Container: Sendable {
    /// The format this type handles.
    static var format: ContainerFormat { get }
    /// The IANA media type (`image/jpeg`), as C2PA's `dc:format` names it.
    static var mediaType: String { get }

    /// Whether `prefix` (up to ``ContainerRegistry/sniffLength`` bytes) starts a file of this format.
    static func sniff(_ prefix: [UInt8]) -> Bool

    /// Walks `bytes`, checking every structure the format defines (CRCs, lengths, terminators).
    /// - Throws: the format's error, naming the byte offset of the first problem.
    init(walking bytes: [UInt8]) throws

    /// The bytes walked.
    var bytes: [UInt8] { get }

    /// The chunk or segment map `inspect` shows.
    var map: ContainerMap { get }

    /// Every metadata site, decoded for verification.
    func sites() -> MetadataSites

    /// The C2PA manifest store this file carries, if any (its carrier and byte range).
    var manifestStore: MetadataSites.Provenance? { get }

    /// The manifest store's JUMBF bytes, reassembled from its carriers, if the file has one.
    func manifestStoreBytes() -> [UInt8]?

    /// The size in this format of the carrier of a C2PA store of `storeSize` bytes (JPEG APP11
    /// segments, a PNG `caBX` chunk), headers included: what a data hash's exclusion covers.
    static func c2paCarrierSize(storeSize: Int) -> Int

    /// Where the C2PA carrier starts in the output. Only original bytes come before it (the SOI and
    /// APP0 run of a JPEG, the signature and IHDR of a PNG), so it is known without planning.
    var c2paCarrierOffset: Int { get }

    /// The carrier bytes of `store`.
    static func c2paCarrier(store: [UInt8]) throws -> [UInt8]

    /// The output that carries `edit`'s metadata, as a plan over ``bytes``.
    /// - Throws: ``LabelerError`` when the edit cannot be placed (too large, no image data, …).
    func plan(_ edit: MetadataEdit) throws -> SplicePlan
}

/// What a stamp writes, as callbacks a container calls with what it found at each site.
struct MetadataEdit {
    /// Given the file's current XMP packet (if any), the packet to write in its place.
    var xmp: (_ existing: MetadataSites.Packet?) throws -> [UInt8]
    /// Given the file's current Exif block (TIFF header onwards, if any), the block to write, or
    /// `nil` to leave Exif as it is. Formats that carry no Exif we write ignore it.
    var exif: (_ existing: ArraySlice<UInt8>?) throws -> [UInt8]?
    /// A C2PA carrier to place (``Container/c2paCarrier(store:)``, or reserved bytes of its size),
    /// replacing any C2PA store the file has; `nil` leaves C2PA as it is.
    var c2paCarrier: [UInt8]? = nil
}
