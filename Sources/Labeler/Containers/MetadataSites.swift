/// Every metadata site a container walker found, as raw material for verification.
struct MetadataSites: Sendable {
    struct Packet: Sendable {
        var bytes: [UInt8]
        /// Absolute offset of the first byte of `bytes` (of the carrier, if the packet was compressed).
        var offset: Int
        var carrier: String
    }

    struct Text: Sendable {
        var keyword: String
        var text: String
        var offset: Int
        var carrier: String
    }

    struct Provenance: Sendable {
        var range: Range<Int>
        var carrier: String
    }

    var xmp: [Packet] = []
    /// Problems met while decoding a metadata carrier (bad compressed text, …): they make the label invalid.
    var carrierProblems: [String] = []
    /// Text chunks keyed `AIGC` (any case): other copies of the TC260 label.
    var texts: [Text] = []
    var exif: [Packet] = []
    var provenance: [Provenance] = []
}
