extension XMP.TranscodedPacket {
    /// UTF-8 encoding of U+FEFF, the only non-empty `begin` value a UTF-8 packet may carry (ISO 16684-1 §7.3).
    static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `bytes` (freshly transcoded to UTF-8) with the prologue made to say UTF-8.
    ///
    /// Looks only at the processing instructions and comments before the first element:
    /// ```
    /// <?xml version="1.0" encoding="UTF-16"?>        → encoding="UTF-8"   (XML 1.0 §4.3.3)
    /// <?xpacket begin="<anything but U+FEFF or empty>" … ?>  → begin="<EF BB BF>"   (ISO 16684-1 §7.3)
    /// ```
    /// - Returns: The rewritten bytes and the edits made (pre-rewrite offset, bytes removed, bytes inserted).
    static func rewritingPrologue(
        _ bytes: [UInt8]
    ) -> (bytes: [UInt8], edits: [(start: Int, removed: Int, inserted: Int)]) {
        var replacements: [(range: Range<Int>, with: [UInt8])] = []
        var index = 0
        while true {
            while index < bytes.count, isXMLSpace(bytes[index]) { index += 1 }
            if hasPrefix("<!--", in: bytes, at: index) {
                guard let end = firstOccurrence(of: "-->", in: bytes, from: index + 4) else { break }
                index = end + 3
                continue
            }
            guard hasPrefix("<?", in: bytes, at: index), let end = firstOccurrence(of: "?>", in: bytes, from: index + 2)
            else {
                break
            }
            var nameEnd = index + 2
            while nameEnd < end, !isXMLSpace(bytes[nameEnd]) { nameEnd += 1 }
            let target = bytes[index + 2 ..< nameEnd]
            if target.elementsEqual("xml".utf8), let value = pseudoAttribute("encoding", in: bytes, nameEnd ..< end),
                !bytes[value].elementsEqual("UTF-8".utf8)
            {
                replacements.append((value, Array("UTF-8".utf8)))
            }
            if target.elementsEqual("xpacket".utf8), let value = pseudoAttribute("begin", in: bytes, nameEnd ..< end),
                !value.isEmpty, !bytes[value].elementsEqual(utf8ByteOrderMark)
            {
                replacements.append((value, utf8ByteOrderMark))
            }
            index = end + 2
        }
        guard !replacements.isEmpty else { return (bytes, []) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var cursor = 0
        for replacement in replacements {
            output += bytes[cursor ..< replacement.range.lowerBound]
            output += replacement.with
            cursor = replacement.range.upperBound
        }
        output += bytes[cursor...]
        return (output, replacements.map { ($0.range.lowerBound, $0.range.count, $0.with.count) })
    }

    /// The value range of pseudo-attribute `name` in the body of a processing instruction (XML 1.0 §2.8).
    private static func pseudoAttribute(_ name: String, in bytes: [UInt8], _ body: Range<Int>) -> Range<Int>? {
        var index = body.lowerBound
        while index < body.upperBound {
            while index < body.upperBound, isXMLSpace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < body.upperBound, bytes[index] != UInt8(ascii: "="), !isXMLSpace(bytes[index]) { index += 1 }
            let attributeName = bytes[nameStart ..< index]
            while index < body.upperBound, isXMLSpace(bytes[index]) { index += 1 }
            guard index < body.upperBound, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            while index < body.upperBound, isXMLSpace(bytes[index]) { index += 1 }
            guard index < body.upperBound, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
            else { return nil }
            let quote = bytes[index]
            let valueStart = index + 1
            guard let valueEnd = bytes[valueStart ..< body.upperBound].firstIndex(of: quote) else { return nil }
            if attributeName.elementsEqual(name.utf8) { return valueStart ..< valueEnd }
            index = valueEnd + 1
        }
        return nil
    }

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func hasPrefix(_ literal: String, in bytes: [UInt8], at index: Int) -> Bool {
        index <= bytes.count && bytes[index...].starts(with: literal.utf8)
    }

    /// First index at or after `start` where `literal` begins; a linear scan (the literal is 2 or 3 bytes).
    private static func firstOccurrence(of literal: String, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if hasPrefix(literal, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
