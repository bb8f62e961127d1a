extension XMP {
    /// A packet as UTF-8, whatever encoding form it arrived in, with a way back to its original offsets.
    ///
    /// ISO 16684-1 §7.3 lets a packet be UTF-8, UTF-16 or UTF-32 (see ``XMP/PacketEncoding``). The XML
    /// parser and the merger work on UTF-8 bytes, and merged packets are always written as UTF-8, so a
    /// wide packet is transcoded once, strictly, here:
    /// - the byte order mark in front of `<?xpacket` is dropped (a signature, not content);
    /// - `begin="U+FEFF"` becomes `begin="EF BB BF"` by transcoding; a value that is neither empty
    ///   (which §7.3 reads as UTF-8) nor U+FEFF is rewritten to U+FEFF;
    /// - `encoding="…"` in an `<?xml …?>` declaration is rewritten to `UTF-8`, so it does not lie.
    ///
    /// A UTF-8 packet is passed through untouched (not copied, not rewritten).
    ///
    /// Offsets: transcoding errors name the byte in the original packet. XML errors are found in the
    /// UTF-8; ``originalOffset(of:)`` maps them back by re-decoding the original up to that point. That
    /// runs only on the error path, so no per-byte offset table is kept.
    struct TranscodedPacket {
        /// The encoding form the packet arrived in.
        let encoding: PacketEncoding
        /// The packet as UTF-8, with the prologue rewrites above applied.
        let utf8: [UInt8]
        private let original: [UInt8]
        private let byteOrderMarkLength: Int
        /// Prologue rewrites in ascending order: UTF-8 offset before rewriting, bytes removed, bytes inserted.
        private let edits: [(start: Int, removed: Int, inserted: Int)]

        /// Detects the encoding of `bytes` and transcodes it to UTF-8.
        /// - Throws: ``XMP/Error/invalidEncoding(offset:reason:)`` at the first ill-formed code unit.
        init(_ bytes: [UInt8]) throws(XMP.Error) {
            let (encoding, byteOrderMarkLength) = PacketEncoding.detect(bytes)
            self.encoding = encoding
            self.original = bytes
            self.byteOrderMarkLength = byteOrderMarkLength
            guard encoding != .utf8 else {
                utf8 = bytes
                edits = []
                return
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var offset = byteOrderMarkLength
            while offset < bytes.count {
                let (scalar, length) = try encoding.decodeScalar(in: bytes, at: offset)
                Self.appendUTF8(scalar, to: &output)
                offset += length
            }
            (utf8, edits) = Self.rewritingPrologue(output)
        }

        /// The offset in the original packet of the character that holds UTF-8 offset `offset`.
        func originalOffset(of offset: Int) -> Int {
            guard encoding != .utf8 else { return offset }
            var shift = 0  // inserted - removed, over the edits before `offset`
            var beforeEdits: Int? = nil
            for edit in edits {
                let start = edit.start + shift
                if offset < start { break }
                if offset < start + edit.inserted { beforeEdits = edit.start; break }
                shift += edit.inserted - edit.removed
            }
            let target = beforeEdits ?? offset - shift
            var position = 0
            var cursor = byteOrderMarkLength
            while cursor < original.count {
                guard let (scalar, length) = try? encoding.decodeScalar(in: original, at: cursor) else { return cursor }
                let width = Self.utf8Width(scalar)
                if position + width > target { return cursor }
                position += width
                cursor += length
            }
            return original.count
        }

        /// `error` with its offset moved from the UTF-8 to the original packet.
        func mappingOffset(of error: XMP.Error) -> XMP.Error {
            error.mappingOffset { originalOffset(of: $0) }
        }

        private static func utf8Width(_ scalar: Unicode.Scalar) -> Int {
            switch scalar.value {
            case 0 ..< 0x80: 1
            case 0x80 ..< 0x800: 2
            case 0x800 ..< 0x10000: 3
            default: 4
            }
        }

        /// Unicode §3.9 D92 (UTF-8 encoding form), table 3-6.
        private static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
            let value = scalar.value
            switch value {
            case 0 ..< 0x80:
                output.append(UInt8(value))
            case 0x80 ..< 0x800:
                output.append(0xC0 | UInt8(value >> 6))
                output.append(0x80 | UInt8(value & 0x3F))
            case 0x800 ..< 0x10000:
                output.append(0xE0 | UInt8(value >> 12))
                output.append(0x80 | UInt8(value >> 6 & 0x3F))
                output.append(0x80 | UInt8(value & 0x3F))
            default:
                output.append(0xF0 | UInt8(value >> 18))
                output.append(0x80 | UInt8(value >> 12 & 0x3F))
                output.append(0x80 | UInt8(value >> 6 & 0x3F))
                output.append(0x80 | UInt8(value & 0x3F))
            }
        }
    }
}
