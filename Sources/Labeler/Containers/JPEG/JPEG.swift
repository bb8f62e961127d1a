/// Namespace for the JPEG container (ITU-T T.81 Annex B; JFIF; Exif 2.32 §4.5; XMP Part 3 §1.1.3).
///
/// ```
/// FF D8                              SOI
/// FF En  LL LL  payload (LL-2 B)     APPn / DQT / SOFn / DHT / … (LL counts itself, not the marker)
/// FF DA  LL LL  scan header          SOS, then entropy-coded data in which FF is stuffed as FF 00
///                                    and FF D0…D7 are restart markers
/// FF D9                              EOI
/// ```
public enum JPEG {
    /// Largest payload of one marker segment: 65 535 minus the two length bytes.
    static let maxSegmentPayload = 65_533
    /// APP1 identifier of an XMP packet (XMP Part 3 §1.1.3), 29 bytes including the NUL.
    static let xmpIdentifier: [UInt8] = Array("http://ns.adobe.com/xap/1.0/\u{0}".utf8)
    /// APP1 identifier of Extended XMP parts (XMP Part 3 §1.1.3.1).
    static let extendedXMPIdentifier: [UInt8] = Array("http://ns.adobe.com/xmp/extension/\u{0}".utf8)
    /// APP1 identifier of Exif data (Exif 2.32 §4.5.4).
    static let exifIdentifier: [UInt8] = Array("Exif\u{0}\u{0}".utf8)
    /// Largest XMP packet that fits one APP1 segment.
    static let maxXMPPacket = maxSegmentPayload - 29

    /// Marker codes (T.81 Table B.1), the byte after `FF`.
    public enum Marker {
        public static let soi: UInt8 = 0xD8
        public static let eoi: UInt8 = 0xD9
        public static let sos: UInt8 = 0xDA
        public static let app0: UInt8 = 0xE0
        public static let app1: UInt8 = 0xE1
        /// APP11 carries JUMBF boxes, hence C2PA manifests (C2PA 2.x §A.3.1).
        public static let app11: UInt8 = 0xEB
        public static let tem: UInt8 = 0x01

        /// Markers that stand alone, without a length field.
        static func isStandalone(_ marker: UInt8) -> Bool {
            marker == soi || marker == eoi || marker == tem || (0xD0 ... 0xD7).contains(marker)
        }

        /// A short readable name: `APP1`, `SOS`, `DQT`, …
        public static func name(_ marker: UInt8) -> String {
            switch marker {
            case 0xD8: return "SOI"
            case 0xD9: return "EOI"
            case 0xDA: return "SOS"
            case 0xDB: return "DQT"
            case 0xC4: return "DHT"
            case 0xDD: return "DRI"
            case 0xFE: return "COM"
            case 0xC0 ... 0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC: return "SOF\(marker - 0xC0)"
            case 0xE0 ... 0xEF: return "APP\(marker - 0xE0)"
            case 0xD0 ... 0xD7: return "RST\(marker - 0xD0)"
            default: return "0x" + String(marker, radix: 16, uppercase: true)
            }
        }
    }

    /// One piece of a JPEG file; positions are absolute byte offsets.
    public struct Segment: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A marker segment (`FF xx` plus, unless standalone, a length and payload).
            case marker(UInt8)
            /// Entropy-coded data after an SOS header (up to the next non-RST marker).
            case entropyCodedData
        }

        public let kind: Kind
        /// Offset of the `FF` of the marker (or of the first byte of entropy-coded data).
        public let offset: Int
        /// Total length in the file, including marker and length bytes.
        public let length: Int
        /// The payload after the length field (empty for standalone markers and data).
        public let payloadRange: Range<Int>

        public var range: Range<Int> { offset ..< offset + length }

        /// The marker byte, if this is a marker segment.
        public var marker: UInt8? {
            if case .marker(let marker) = kind { return marker }
            return nil
        }

        public var name: String {
            switch kind {
            case .marker(let marker): return Marker.name(marker)
            case .entropyCodedData: return "scan data"
            }
        }
    }
}

extension ContainerFormat {
    /// JPEG (ITU-T T.81, JFIF/Exif), sniffed by `FF D8 FF`.
    public static let jpeg = ContainerFormat(rawValue: "jpeg")
}
