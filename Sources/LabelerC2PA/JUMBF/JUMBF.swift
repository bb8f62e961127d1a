import LabelerBytes

/// JUMBF, the box format C2PA manifests live in (ISO/IEC 19566-5; C2PA 2.x §11.1).
///
/// ```
/// box:        LBox u32 (whole box, header included; 1: an XLBox u64 follows; 0: to the end)
///             TBox u32 (four letters)  payload …
/// superbox:   'jumb' { 'jumd' description, then content boxes and/or child superboxes }
/// jumd:       content-type UUID[16]  toggles u8  [label UTF-8 NUL if 0x02]  [id u32 if 0x04]
///             [SHA-256[32] if 0x08]  [private box, C2PA: 'c2sh' salt, if 0x10]
/// ```
/// A C2PA store is `jumb(c2pa) { jumb(c2ma manifest) { jumb(c2as assertions) {…} jumb(c2cl claim)
/// jumb(c2cs signature) } … }`; the active manifest is the last. Hashed URIs hash a superbox's
/// payload (its `jumd` and contents, without the outer 8-byte header), so the reader keeps every
/// box's byte range and the writer builds boxes byte-exact.
public enum JUMBF {
    /// A four-letter box type.
    public struct BoxType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        init(_ name: StaticString) { rawValue = FourCC.value(name) }

        public static let superbox = BoxType("jumb")
        public static let description = BoxType("jumd")
        public static let cbor = BoxType("cbor")
        public static let json = BoxType("json")
        public static let uuid = BoxType("uuid")
        public static let embeddedFileDescription = BoxType("bfdb")
        public static let embeddedFileData = BoxType("bidb")
        public static let brotli = BoxType("brob")
        public static let salt = BoxType("c2sh")
        public static let free = BoxType("free")

        public var description: String { FourCC.text(rawValue) }
    }

    /// The content-type UUID of a superbox (C2PA 2.x §11.1.2, table of JUMBF types).
    public struct ContentType: Sendable, Hashable, CustomStringConvertible {
        public let uuid: [UInt8]
        public init(uuid: [UInt8]) { self.uuid = uuid }

        /// `xxxxxxxx-0011-0010-8000-00AA00389B71` with the four letters in front.
        init(c2pa name: StaticString) {
            var bytes: [UInt8] = []
            name.withUTF8Buffer { bytes = Array($0) }
            uuid = bytes + [0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
        }

        public static let manifestStore = ContentType(c2pa: "c2pa")
        public static let standardManifest = ContentType(c2pa: "c2ma")
        public static let updateManifest = ContentType(c2pa: "c2um")
        public static let compressedManifest = ContentType(c2pa: "c2cm")
        public static let assertionStore = ContentType(c2pa: "c2as")
        public static let claim = ContentType(c2pa: "c2cl")
        public static let signature = ContentType(c2pa: "c2cs")
        public static let cborAssertion = ContentType(c2pa: "cbor")
        public static let jsonAssertion = ContentType(c2pa: "json")
        public static let uuidAssertion = ContentType(c2pa: "uuid")
        public static let embeddedFile = ContentType(uuid: [
            0x40, 0xCB, 0x0C, 0x32, 0xBB, 0x8A, 0x48, 0x9D, 0xA7, 0x0B, 0x2A, 0xD6, 0xF4, 0x7F, 0x43, 0x69,
        ])

        public var description: String {
            uuid.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// `jumd` toggle bits.
    public enum Toggle {
        public static let requestable: UInt8 = 0x01
        public static let label: UInt8 = 0x02
        public static let id: UInt8 = 0x04
        public static let signature: UInt8 = 0x08
        public static let privateBox: UInt8 = 0x10
    }

    /// The smallest `jumd` (header, UUID, toggles, an empty label's NUL).
    static let minimumDescriptionBox = 8 + 16 + 1 + 1
}
