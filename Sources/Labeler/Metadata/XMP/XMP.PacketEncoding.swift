extension XMP {
    /// The Unicode encoding form a serialized XMP packet uses.
    ///
    /// ISO 16684-1 §7.3 (XMP packet wrapper) allows UTF-8, UTF-16 and UTF-32 in either byte order;
    /// the `begin` attribute of `<?xpacket …?>` holds U+FEFF in the packet's own encoding, and
    /// exiftool's test images carry UTF-16BE packets. Detection follows XML 1.0 Appendix F:
    /// ```
    /// with a byte order mark          without one (first character '<', or any ASCII)
    /// 00 00 FE FF  UTF-32BE           00 00 00 xx  UTF-32BE
    /// FF FE 00 00  UTF-32LE           xx 00 00 00  UTF-32LE
    /// FE FF        UTF-16BE           00 xx        UTF-16BE
    /// FF FE        UTF-16LE           xx 00        UTF-16LE
    /// EF BB BF     UTF-8              anything else UTF-8
    /// ```
    /// A UTF-8 packet never holds NUL, so a zero byte among the first four signals a wide form.
    enum PacketEncoding: String, Sendable, Hashable, CaseIterable {
        case utf8 = "UTF-8"
        case utf16BigEndian = "UTF-16BE"
        case utf16LittleEndian = "UTF-16LE"
        case utf32BigEndian = "UTF-32BE"
        case utf32LittleEndian = "UTF-32LE"

        /// Bytes per code unit: 1, 2 or 4.
        var codeUnitSize: Int {
            switch self {
            case .utf8: 1
            case .utf16BigEndian, .utf16LittleEndian: 2
            case .utf32BigEndian, .utf32LittleEndian: 4
            }
        }

        var isBigEndian: Bool { self == .utf16BigEndian || self == .utf32BigEndian }

        /// The encoding of `bytes` and the length of its byte order mark (0 when there is none).
        static func detect(_ bytes: [UInt8]) -> (encoding: PacketEncoding, byteOrderMarkLength: Int) {
            let head = bytes.prefix(4).map(Int.init) + [Int](repeating: -1, count: max(0, 4 - bytes.count))
            switch (head[0], head[1], head[2], head[3]) {
            case (0x00, 0x00, 0xFE, 0xFF): return (.utf32BigEndian, 4)
            case (0xFF, 0xFE, 0x00, 0x00): return (.utf32LittleEndian, 4)
            case (0xFE, 0xFF, _, _): return (.utf16BigEndian, 2)
            case (0xFF, 0xFE, _, _): return (.utf16LittleEndian, 2)
            case (0xEF, 0xBB, 0xBF, _): return (.utf8, 3)
            case (0x00, 0x00, 0x00, 0x01 ... 0x7F): return (.utf32BigEndian, 0)
            case (0x01 ... 0x7F, 0x00, 0x00, 0x00): return (.utf32LittleEndian, 0)
            case (0x00, 0x01 ... 0x7F, _, _): return (.utf16BigEndian, 0)
            case (0x01 ... 0x7F, 0x00, _, _): return (.utf16LittleEndian, 0)
            default: return (.utf8, 0)
            }
        }

        /// Decodes the scalar starting at `offset` of a UTF-16 or UTF-32 packet, strictly.
        ///
        /// Unicode §3.9 D90/D91: a UTF-32 code unit above 10FFFF or in D800…DFFF, a high surrogate
        /// not followed by a low one, a lone low surrogate, or a truncated code unit is ill-formed.
        /// - Returns: The scalar and the number of bytes it occupies (2, 4).
        /// - Throws: ``XMP/Error/invalidEncoding(offset:reason:)`` with `offset` in `bytes`.
        func decodeScalar(in bytes: [UInt8], at offset: Int) throws(XMP.Error) -> (scalar: Unicode.Scalar, length: Int)
        {
            let size = codeUnitSize
            guard offset + size <= bytes.count else {
                throw .invalidEncoding(
                    offset: offset, reason: "\(bytes.count - offset) stray byte(s) after the last \(rawValue) code unit"
                )
            }
            let unit = codeUnit(in: bytes, at: offset)
            if size == 4 {
                guard let scalar = Unicode.Scalar(unit) else {
                    throw .invalidEncoding(
                        offset: offset, reason: "\(hex(unit)) is not a Unicode scalar value (\(rawValue))")
                }
                return (scalar, 4)
            }
            switch unit {
            case 0xD800 ... 0xDBFF:
                let low = offset + 4 <= bytes.count ? codeUnit(in: bytes, at: offset + 2) : 0
                guard (0xDC00 ... 0xDFFF).contains(low) else {
                    throw .invalidEncoding(
                        offset: offset, reason: "high surrogate \(hex(unit)) without a low surrogate (\(rawValue))")
                }
                let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else {
                    throw .invalidEncoding(
                        offset: offset, reason: "surrogate pair decodes to \(hex(value)) (\(rawValue))")
                }
                return (scalar, 4)
            case 0xDC00 ... 0xDFFF:
                throw .invalidEncoding(
                    offset: offset, reason: "low surrogate \(hex(unit)) without a high surrogate (\(rawValue))")
            default:
                guard let scalar = Unicode.Scalar(unit) else {
                    throw .invalidEncoding(
                        offset: offset, reason: "\(hex(unit)) is not a Unicode scalar value (\(rawValue))")
                }
                return (scalar, 2)
            }
        }

        /// The code unit at `offset` in this encoding's byte order (caller checks the bounds).
        private func codeUnit(in bytes: [UInt8], at offset: Int) -> UInt32 {
            var value: UInt32 = 0
            for index in 0 ..< codeUnitSize {
                let byte = UInt32(bytes[isBigEndian ? offset + index : offset + codeUnitSize - 1 - index])
                value = value << 8 | byte
            }
            return value
        }

        private func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }
}
