import Testing
@testable import Labeler

/// UTF-16 and UTF-32 packets (ISO 16684-1 §7.3), built inline in every encoding form and byte order.
@Suite struct XMPEncodingTests {
    static let wide: [XMP.PacketEncoding] = [.utf16BigEndian, .utf16LittleEndian, .utf32BigEndian, .utf32LittleEndian]
    let disclosure = Disclosure.sample.resolved(contentID: "0190f1a2-7c3d-7a1b-9e55-3f2a1b4c5d6e")
    let creator = "José 张三 😀"
    let creatorName = XMP.PropertyName(namespace: XMP.Namespace.dc, localName: "creator")
    var packet: String { packet(begin: "\u{FEFF}") }

    /// A packet with a TC260 label (attribute form), a DigitalSourceType, a rating and a creator.
    func packet(begin: String) -> String {
        """
        <?xpacket begin="\(begin)" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
         xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:T="http://www.tc260.org.cn/ns/AIGC/1.0/"
         xmp:Rating="4" T:AIGC="{&quot;Label&quot;:&quot;3&quot;}">
        <Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture</Iptc4xmpExt:DigitalSourceType>
        <dc:creator><rdf:Seq><rdf:li>\(creator)</rdf:li></rdf:Seq></dc:creator>
        </rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>
        """
    }

    /// `text` in `encoding`, with U+FEFF in front when `byteOrderMark`.
    static func encode(_ text: String, as encoding: XMP.PacketEncoding, byteOrderMark: Bool) -> [UInt8] {
        let text = (byteOrderMark ? "\u{FEFF}" : "") + text
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf16BigEndian: return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .utf16LittleEndian: return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf32BigEndian:
            return text.unicodeScalars.flatMap { s in [24, 16, 8, 0].map { UInt8(s.value >> $0 & 0xFF) } }
        case .utf32LittleEndian:
            return text.unicodeScalars.flatMap { s in [0, 8, 16, 24].map { UInt8(s.value >> $0 & 0xFF) } }
        }
    }

    @Test("detects each wide encoding with and without a BOM and reads the properties", arguments: wide, [true, false])
    func reads(encoding: XMP.PacketEncoding, byteOrderMark: Bool) throws {
        let bytes = Self.encode(packet, as: encoding, byteOrderMark: byteOrderMark)
        #expect(XMP.PacketEncoding.detect(bytes) == (encoding, byteOrderMark ? encoding.codeUnitSize : 0))
        let document = try XMP.Document(parsing: bytes)
        #expect(document.encoding == encoding)
        #expect(document.value(.aigc) == #"{"Label":"3"}"#)
        #expect(document.value(.digitalSourceType) == "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture")
        #expect(document.properties(creatorName).first?.items.map(\.text) == [self.creator])
        #expect(document.bytes.starts(with: Array(#"<?xpacket begin=""#.utf8) + [0xEF, 0xBB, 0xBF]))
    }

    @Test(
        "merging a wide packet writes UTF-8 holding our properties once and every other one", arguments: wide,
        [true, false])
    func merges(encoding: XMP.PacketEncoding, byteOrderMark: Bool) throws {
        let existing = try XMP.Document(parsing: Self.encode(packet, as: encoding, byteOrderMark: byteOrderMark))
        let merged = XMPPacketWriter.packet(merging: existing, with: disclosure)
        let text = try #require(String(validating: merged, as: UTF8.self))
        #expect(!merged.contains(0))
        #expect(text.hasPrefix("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"))
        #expect(merged.starts(with: Array(#"<?xpacket begin=""#.utf8) + [0xEF, 0xBB, 0xBF, UInt8(ascii: "\"")]))
        #expect(text.contains(#"xmp:Rating="4""#))
        let document = try XMP.Document(parsing: merged)
        #expect(document.encoding == .utf8)
        #expect(document.properties(.aigc).count == 1)
        #expect(document.properties(.digitalSourceType).count == 1)
        #expect(document.value(.digitalSourceType) == disclosure.digitalSourceType.uri)
        let label = TC260Label(parsing: try #require(document.value(.aigc)))
        #expect(label.isValid && label.value("ProduceID") == "0190f1a2-7c3d-7a1b-9e55-3f2a1b4c5d6e")
        #expect(document.properties(creatorName).first?.items.map(\.text) == [creator])
    }

    @Test("an XML declaration's encoding and an odd begin value are rewritten to say UTF-8", arguments: wide)
    func prologue(encoding: XMP.PacketEncoding) throws {
        let declared =
            "<?xml version='1.0' encoding='\(encoding.rawValue)'?>\n"
            + packet(begin: "\u{FFFE}")
        let document = try XMP.Document(parsing: Self.encode(declared, as: encoding, byteOrderMark: false))
        let text = try #require(
            String(validating: XMPPacketWriter.packet(merging: document, with: disclosure), as: UTF8.self))
        #expect(text.hasPrefix("<?xml version='1.0' encoding='UTF-8'?>\n<?xpacket begin=\"\u{FEFF}\" "))
        #expect(!text.contains(encoding.rawValue))
        #expect(!text.unicodeScalars.contains("\u{FFFE}"))
    }

    @Test("a UTF-8 packet is passed through byte for byte")
    func utf8Untouched() throws {
        let bytes = Self.encode("<?xml version='1.0' encoding='UTF-16'?>" + packet, as: .utf8, byteOrderMark: true)
        let document = try XMP.Document(parsing: bytes)
        #expect(document.encoding == .utf8 && document.bytes == bytes)
    }

    @Test(
        "ill-formed code units are refused at their offset in the original packet",
        arguments: [
            (
                XMP.PacketEncoding.utf16BigEndian, [0xFE, 0xFF, 0x00, 0x3C, 0x00, 0x61, 0xD8, 0x3D, 0x00, 0x3E], 6,
                "high surrogate U+D83D"
            ),
            (.utf16BigEndian, [0x00, 0x3C, 0xD8, 0x00], 2, "high surrogate U+D800"),
            (.utf16LittleEndian, [0x3C, 0x00, 0x61, 0x00, 0x00, 0xDC, 0x3E, 0x00], 4, "low surrogate U+DC00"),
            (.utf16LittleEndian, [0x3C, 0x00, 0x61, 0x00, 0x3E], 4, "stray byte"),
            (.utf32BigEndian, [0x00, 0x00, 0x00, 0x3C, 0x00, 0x11, 0x00, 0x00], 4, "U+110000 is not a Unicode scalar"),
            (
                .utf32LittleEndian, [0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00, 0x00, 0xD8, 0x00, 0x00], 8,
                "U+D800 is not"
            ),
        ] as [(XMP.PacketEncoding, [UInt8], Int, String)])
    func illFormed(encoding: XMP.PacketEncoding, bytes: [UInt8], offset: Int, reason: String) {
        #expect(XMP.PacketEncoding.detect(bytes).encoding == encoding)
        let error = #expect(throws: XMP.Error.self) { try XMP.Document(parsing: bytes) }
        guard case .invalidEncoding(let found, let message) = error else {
            Issue.record("expected invalidEncoding, got \(String(describing: error))")
            return
        }
        #expect(found == offset)
        #expect(message.contains(reason) && message.contains(encoding.rawValue), "\(message)")
    }

    @Test("XML errors in a wide packet name the offset in the original bytes", arguments: wide)
    func xmlErrorOffsets(encoding: XMP.PacketEncoding) {
        // The rewritten declaration ('UTF-16BE' → 'UTF-8') shifts the UTF-8 offsets; é and 😀 widen them.
        let before = "<?xml version='1.0' encoding='\(encoding.rawValue)'?><a>é😀"
        let bytes = Self.encode(before + "&ent;</a>", as: encoding, byteOrderMark: true)
        let expected =
            encoding.codeUnitSize
            * (1 + (encoding.codeUnitSize == 2 ? before.utf16.count : before.unicodeScalars.count))
        #expect(throws: XMP.Error.unknownEntity(offset: expected, name: "ent")) { try XMP.Document(parsing: bytes) }
        // The parser reports a mismatched end tag just after its name: UTF-8 offset 15 here.
        let mismatched = Self.encode("<a>é😀<b></a>", as: encoding, byteOrderMark: false)
        let error = #expect(throws: XMP.Error.self) { try XMP.Document(parsing: mismatched) }
        let units = encoding.codeUnitSize == 2 ? "<a>é😀<b></a".utf16.count : "<a>é😀<b></a".unicodeScalars.count
        #expect(error?.offset == encoding.codeUnitSize * units)
        #expect(throws: XMP.Error.malformedXML(offset: 15, reason: "</a> closes <b>")) {
            try XML.Parser.parse(Array("<a>é😀<b></a>".utf8))
        }
    }
}
