import LabelerBytes

extension JUMBF {
    /// Parses a JUMBF superbox tree, keeping every byte range (signed bytes are hashed as found).
    ///
    /// Checks: every length inside its parent; `jumd` first in each superbox, at least 26 bytes,
    /// toggles with label (0x02) set, a NUL-terminated UTF-8 label without the characters C2PA 2.x
    /// §11.1.4.1.1 forbids, optional fields present as their toggles say, the declared size consumed
    /// exactly; nesting at most ``Limits/maxDepth`` (c2pa-rs: 32) and ``Limits/maxBoxes`` boxes.
    public struct Reader {
        public struct Limits: Sendable, Hashable {
            public var maxDepth: Int
            public var maxBoxes: Int
            public init(maxDepth: Int = 32, maxBoxes: Int = 65_536) {
                self.maxDepth = maxDepth
                self.maxBoxes = maxBoxes
            }
            public static let standard = Limits()
        }

        private let bytes: [UInt8]
        private let limits: Limits
        private var boxes = 0

        /// The superbox that fills `bytes` (a manifest store).
        /// - Throws: ``JUMBF/Error`` with the offset of the offending box.
        public static func parse(_ bytes: [UInt8], limits: Limits = .standard) throws(JUMBF.Error) -> Superbox {
            var reader = Reader(bytes: bytes, limits: limits)
            let header = try reader.header(at: 0, end: bytes.count)
            guard header.type == .superbox else { throw .notSuperbox(offset: 0, type: header.type) }
            guard header.range.upperBound == bytes.count else {
                throw .badLength(offset: 0, declared: UInt64(header.range.count), available: bytes.count)
            }
            return try reader.superbox(header, depth: 1)
        }

        private init(bytes: [UInt8], limits: Limits) {
            self.bytes = bytes
            self.limits = limits
        }

        private struct Header {
            var type: BoxType
            var range: Range<Int>
            var payloadStart: Int
        }

        /// The header of the box at `offset`, which must end by `end`.
        private mutating func header(at offset: Int, end: Int) throws(JUMBF.Error) -> Header {
            boxes += 1
            guard boxes <= limits.maxBoxes else { throw .tooManyBoxes(offset: offset, limit: limits.maxBoxes) }
            let read: (Int, Int) -> UInt64? = { [bytes] position, size in
                bytes.withUnsafeBytes { buffer in
                    size == 4
                        ? ByteReader(buffer).getInteger(at: position, as: UInt32.self).map(UInt64.init)
                        : ByteReader(buffer).getInteger(at: position, as: UInt64.self)
                }
            }
            guard end - offset >= 8, let length = read(offset, 4), let type = read(offset + 4, 4) else {
                throw .truncatedHeader(offset: offset)
            }
            var size = length
            var payloadStart = offset + 8
            if length == 1 {
                guard end - offset >= 16, let extended = read(offset + 8, 8) else {
                    throw .truncatedHeader(offset: offset)
                }
                size = extended
                payloadStart = offset + 16
            } else if length == 0 {
                size = UInt64(end - offset)
            }
            guard size >= UInt64(payloadStart - offset), size <= UInt64(end - offset) else {
                throw .badLength(offset: offset, declared: size, available: end - offset)
            }
            return Header(
                type: BoxType(rawValue: UInt32(type)), range: offset ..< offset + Int(size), payloadStart: payloadStart)
        }

        private mutating func superbox(_ header: Header, depth: Int) throws(JUMBF.Error) -> Superbox {
            guard depth <= limits.maxDepth else {
                throw .tooDeep(offset: header.range.lowerBound, limit: limits.maxDepth)
            }
            let end = header.range.upperBound
            guard header.payloadStart < end else { throw .missingDescription(offset: header.range.lowerBound) }
            let first = try self.header(at: header.payloadStart, end: end)
            guard first.type == .description else { throw .missingDescription(offset: header.range.lowerBound) }
            let description = try self.description(first)
            var children: [Child] = []
            var cursor = first.range.upperBound
            while cursor < end {
                let child = try self.header(at: cursor, end: end)
                if child.type == .superbox {
                    children.append(.superbox(try superbox(child, depth: depth + 1)))
                } else {
                    children.append(
                        .content(
                            ContentBox(
                                type: child.type, range: child.range,
                                payloadRange: child.payloadStart ..< child.range.upperBound)))
                }
                cursor = child.range.upperBound
            }
            return Superbox(
                description: description, children: children, range: header.range,
                payloadRange: header.payloadStart ..< end)
        }

        private mutating func description(_ header: Header) throws(JUMBF.Error) -> Description {
            let offset = header.range.lowerBound
            func fail(_ reason: String) -> JUMBF.Error { .badDescription(offset: offset, reason: reason) }
            guard header.range.count >= JUMBF.minimumDescriptionBox, header.range.upperBound - header.payloadStart >= 18
            else {
                throw fail("\(header.range.count) bytes, too few for a UUID, toggles and a label")
            }
            var cursor = header.payloadStart
            let end = header.range.upperBound
            let uuid = Array(bytes[cursor ..< cursor + 16])
            let toggles = bytes[cursor + 16]
            cursor += 17
            guard toggles & 0x03 == 0x03 else {
                throw fail(
                    "toggles 0x\(String(toggles, radix: 16)) lack 'requestable' and 'label' (C2PA requires both)")
            }
            guard let nul = bytes[cursor ..< end].firstIndex(of: 0) else { throw fail("label is not NUL-terminated") }
            guard let label = String(validating: bytes[cursor ..< nul], as: UTF8.self) else {
                throw fail("label is not UTF-8")
            }
            if let bad = label.unicodeScalars.first(where: Self.isForbiddenInLabel) {
                throw fail("label contains U+\(String(bad.value, radix: 16, uppercase: true)), which C2PA forbids")
            }
            cursor = nul + 1
            var id: UInt32?
            if toggles & JUMBF.Toggle.id != 0 {
                guard end - cursor >= 4 else { throw fail("ID field cut off") }
                id = bytes[cursor ..< cursor + 4].reduce(0) { $0 << 8 | UInt32($1) }
                cursor += 4
            }
            var signature: [UInt8]?
            if toggles & JUMBF.Toggle.signature != 0 {
                guard end - cursor >= 32 else { throw fail("signature field cut off") }
                signature = Array(bytes[cursor ..< cursor + 32])
                cursor += 32
            }
            var salt: [UInt8]?
            if toggles & JUMBF.Toggle.privateBox != 0 {
                let box = try self.header(at: cursor, end: end)
                guard box.type == .salt else { throw fail("private box is '\(box.type)', only 'c2sh' is allowed") }
                salt = Array(bytes[box.payloadStart ..< box.range.upperBound])
                cursor = box.range.upperBound
            }
            guard cursor == end else { throw fail("\(end - cursor) bytes left after its fields") }
            return Description(
                contentType: ContentType(uuid: uuid), toggles: toggles, label: label, id: id, signature: signature,
                salt: salt, range: header.range)
        }

        /// C2PA 2.x §11.1.4.1.1: C0/C1 controls, `/ ; ? #`, U+FEFF and U+FFFF are not allowed in labels.
        static func isForbiddenInLabel(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            return value < 0x20 || (0x7F ... 0x9F).contains(value) || "/;?#".unicodeScalars.contains(scalar)
                || value == 0xFEFF || value == 0xFFFF
        }
    }
}
