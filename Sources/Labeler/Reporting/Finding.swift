/// One thing verification found wrong or worth saying about a layer: a typed kind (what a policy
/// or a program matches on), the words for people, and where in the file it was.
///
/// JSON: `{"kind": "tc260.duplicated", "message": "2 copies of the AIGC label; …", "location": "…"}`.
public struct Finding: Sendable, Codable, Hashable, CustomStringConvertible {
    /// An open set of finding kinds, written `layer.what` (new kinds can be added without breaking callers).
    public struct Kind: RawRepresentable, Sendable, Codable, Hashable, CustomStringConvertible {
        public let rawValue: String
        /// (Codable as the bare string comes from the standard library's `RawRepresentable` defaults.)
        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// An XMP packet is not well-formed XML or not XMP.
        public static let xmpMalformed = Kind(rawValue: "xmp.malformed")
        /// More than one standard XMP packet (readers disagree which one counts).
        public static let xmpMultiplePackets = Kind(rawValue: "xmp.multiple_packets")
        /// A metadata carrier could not be decoded (bad compressed text, over the size limits).
        public static let carrierUndecodable = Kind(rawValue: "carrier.undecodable")
        /// `DigitalSourceType` names a term that does not declare generative AI.
        public static let iptcNotAI = Kind(rawValue: "iptc.not_ai")
        /// A property that should appear once appears several times.
        public static let iptcRepeated = Kind(rawValue: "iptc.repeated")
        /// The Annex E label breaks a rule of GB 45438 Annex E.
        public static let tc260Invalid = Kind(rawValue: "tc260.invalid")
        /// The label deviates from common practice without breaking Annex E.
        public static let tc260Unusual = Kind(rawValue: "tc260.unusual")
        /// More than one copy of the label (GB 45438 §6.1 c allows one).
        public static let tc260Duplicated = Kind(rawValue: "tc260.duplicated")
        /// An Exif block libexif cannot read.
        public static let exifUnreadable = Kind(rawValue: "exif.unreadable")
        // C2PA findings are `c2pa.<C2PA status code>` (`c2pa.claimSignature.mismatch`,
        // `c2pa.assertion.dataHash.mismatch`, `c2pa.signingCredential.untrusted`, …: C2PA 2.x §15.2).
        /// Text: front matter that is not closed or not YAML, where an `AIGC` label was expected.
        public static let frontMatterMalformed = Kind(rawValue: "front_matter.malformed")
        /// Text: the JSON disclosure object is not an object or does not declare AI involvement.
        public static let jsonDisclosureInvalid = Kind(rawValue: "json_disclosure.invalid")
        /// JSON Lines: some records carry the disclosure and others do not.
        public static let jsonDisclosurePartial = Kind(rawValue: "json_disclosure.partial")
        /// Text: the visible notice is present but an invisible layer (the C2PA text manifest) is
        /// gone, as after a copy and paste through a sanitiser. Reserved; computed once C2PA text is read.
        public static let invisibleLayerMissing = Kind(rawValue: "notice.invisible_layer_missing")
        /// The XMP records a visible label but OCR found no notice in the pixels.
        public static let visibleNotFound = Kind(rawValue: "visible.not_found")
        /// A visible notice whose glyphs are under 5 % of the shortest side (GB 45438-2025 §5.2).
        public static let visibleTooSmall = Kind(rawValue: "visible.too_small")
        /// This version cannot check the layer.
        public static let notChecked = Kind(rawValue: "layer.not_checked")
    }

    public var kind: Kind
    public var message: String
    /// Where it was found (`iTXt chunk 'XML:com.adobe.xmp' at byte 33`, …).
    public var location: String?

    public init(_ kind: Kind, _ message: String, at location: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String { location.map { "\($0): \(message)" } ?? message }
}
