extension CBOR {
    /// A strict CBOR reader with named limits, for bytes from files (RFC 8949 §5.1 well-formedness).
    ///
    /// Always refused: truncation, reserved additional information (28–30), a break outside an
    /// indefinite item, invalid UTF-8 in text, two-byte simple values below 32, bytes after the top
    /// item, duplicate map keys, and anything past the limits. With ``Limits/deterministic`` it also
    /// refuses what the deterministic encoder never writes (§4.2.1): longer heads than needed,
    /// indefinite lengths, map keys out of order, floats not in their shortest form.
    public struct Decoder {
        public struct Limits: Sendable, Hashable {
            /// Deepest nesting of arrays, maps and tags (the top item is depth 1).
            public var maxDepth: Int
            /// Most elements of one array or map, or bytes of one string.
            public var maxLength: Int
            /// Most data items in the whole input.
            public var maxItems: Int
            /// Refuse encodings the deterministic encoder would not produce.
            public var deterministic: Bool

            public init(
                maxDepth: Int = 32, maxLength: Int = 16 << 20, maxItems: Int = 1 << 20, deterministic: Bool = false
            ) {
                self.maxDepth = maxDepth
                self.maxLength = maxLength
                self.maxItems = maxItems
                self.deterministic = deterministic
            }

            /// C2PA claims, assertions and COSE structures: 32 levels, 16 MiB strings, 1 Mi items.
            public static let standard = Limits()
        }

        private let bytes: [UInt8]
        private let limits: Limits
        private var index = 0
        private var items = 0

        /// Decodes exactly one item that fills `bytes`.
        /// - Throws: ``CBOR/Error`` with the byte offset of the problem.
        public static func decode(_ bytes: [UInt8], limits: Limits = .standard) throws(CBOR.Error) -> CBOR {
            var decoder = Decoder(bytes: bytes, limits: limits)
            let item = try decoder.item(depth: 1)
            guard decoder.index == bytes.count else { throw .trailingBytes(offset: decoder.index) }
            return item
        }

        private init(bytes: [UInt8], limits: Limits) {
            self.bytes = bytes
            self.limits = limits
        }

        private mutating func item(depth: Int) throws(CBOR.Error) -> CBOR {
            let start = index
            guard depth <= limits.maxDepth else { throw .tooDeep(offset: start, limit: limits.maxDepth) }
            items += 1
            guard items <= limits.maxItems else { throw .tooManyItems(offset: start, limit: limits.maxItems) }
            guard index < bytes.count else { throw .truncated(offset: start) }
            let initial = bytes[index]
            index += 1
            let major = initial >> 5
            let info = initial & 0x1F
            if major == 7 { return try simpleOrFloat(info, start: start) }
            if info == 31 {
                guard !limits.deterministic else { throw .notDeterministic(offset: start, reason: "indefinite length") }
                return try indefinite(major, start: start, depth: depth)
            }
            let argument = try readArgument(info, start: start)
            switch major {
            case 0: return .unsigned(argument)
            case 1: return .negative(argument)
            case 2: return .bytes(try readBytes(argument, start: start))
            case 3:
                guard let text = String(validating: try readBytes(argument, start: start), as: UTF8.self) else {
                    throw .invalidUTF8(offset: start)
                }
                return .text(text)
            case 4:
                let count = try checkedCount(argument, start: start)
                var elements: [CBOR] = []
                elements.reserveCapacity(count)
                for _ in 0 ..< count { elements.append(try item(depth: depth + 1)) }
                return .array(elements)
            case 5:
                let count = try checkedCount(argument, start: start)
                return .map(try mapPairs(count: count, depth: depth))
            default:
                return .tagged(argument, try item(depth: depth + 1))
            }
        }

        /// `count` pairs (or, with `nil`, pairs up to a break), checking keys are unique (and sorted).
        private mutating func mapPairs(count: Int?, depth: Int) throws(CBOR.Error) -> [CBOR.Pair] {
            var pairs: [CBOR.Pair] = []
            var seen: Set<CBOR> = []
            var previousKey: ArraySlice<UInt8>?
            while count.map({ pairs.count < $0 }) ?? !atBreak() {
                let keyStart = index
                let key = try item(depth: depth + 1)
                if limits.deterministic {
                    let keyBytes = bytes[keyStart ..< index]
                    if let previousKey, !previousKey.lexicographicallyPrecedes(keyBytes) {
                        throw .notDeterministic(offset: keyStart, reason: "map keys out of order")
                    }
                    previousKey = keyBytes
                }
                guard seen.insert(key).inserted else { throw .duplicateKey(offset: keyStart) }
                pairs.append(CBOR.Pair(key, try item(depth: depth + 1)))
            }
            if count == nil { index += 1 }  // the break
            return pairs
        }

        private mutating func indefinite(_ major: UInt8, start: Int, depth: Int) throws(CBOR.Error) -> CBOR {
            switch major {
            case 2, 3:
                var joined: [UInt8] = []
                while !atBreak() {
                    let chunkStart = index
                    guard index < bytes.count, bytes[index] >> 5 == major, bytes[index] & 0x1F != 31 else {
                        throw .indefiniteStringChunk(offset: chunkStart)
                    }
                    let info = bytes[index] & 0x1F
                    index += 1
                    joined += try readBytes(try readArgument(info, start: chunkStart), start: chunkStart)
                    guard joined.count <= limits.maxLength else {
                        throw .tooLong(offset: start, length: UInt64(joined.count), limit: limits.maxLength)
                    }
                }
                index += 1
                if major == 2 { return .bytes(joined) }
                guard let text = String(validating: joined, as: UTF8.self) else { throw .invalidUTF8(offset: start) }
                return .text(text)
            case 4:
                var elements: [CBOR] = []
                while !atBreak() {
                    guard elements.count < limits.maxLength else {
                        throw .tooLong(offset: start, length: UInt64(elements.count + 1), limit: limits.maxLength)
                    }
                    elements.append(try item(depth: depth + 1))
                }
                index += 1
                return .array(elements)
            case 5:
                return .map(try mapPairs(count: nil, depth: depth))
            default:
                throw .reservedAdditionalInfo(offset: start, value: 31)
            }
        }

        /// True at a break byte; throws at the end of the input (an unterminated indefinite item).
        private mutating func atBreak() -> Bool { index < bytes.count ? bytes[index] == 0xFF : false }

        private mutating func simpleOrFloat(_ info: UInt8, start: Int) throws(CBOR.Error) -> CBOR {
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22: return .null
            case 23: return .undefined
            case 0 ..< 20: return .simple(info)
            case 24:
                let value = try readArgument(24, start: start)
                guard value >= 32 else { throw .invalidSimpleValue(offset: start) }
                return .simple(UInt8(value))
            case 25, 26, 27:
                let bits = try readArgument(info, start: start, checkingShortest: false)
                let value: Double
                switch info {
                case 25: value = Double(Float16(bitPattern: UInt16(bits)))
                case 26: value = Double(Float(bitPattern: UInt32(bits)))
                default: value = Double(bitPattern: bits)
                }
                if limits.deterministic {
                    var shortest: [UInt8] = []
                    CBOR.writeFloat(value, into: &shortest)
                    guard shortest.count == index - start else {
                        throw .notDeterministic(offset: start, reason: "float not in its shortest form")
                    }
                }
                return .float(value)
            case 31: throw .unexpectedBreak(offset: start)
            default: throw .reservedAdditionalInfo(offset: start, value: info)
            }
        }

        /// The argument of a head with additional information `info` (0–27).
        private mutating func readArgument(
            _ info: UInt8, start: Int, checkingShortest: Bool = true
        ) throws(CBOR.Error) -> UInt64 {
            switch info {
            case 0 ..< 24: return UInt64(info)
            case 24 ... 27:
                let size = 1 << Int(info - 24)
                guard bytes.count - index >= size else { throw .truncated(offset: start) }
                var value: UInt64 = 0
                for offset in 0 ..< size { value = value << 8 | UInt64(bytes[index + offset]) }
                index += size
                if checkingShortest, limits.deterministic {
                    let minimum: UInt64 = info == 24 ? 24 : info == 25 ? 0x100 : info == 26 ? 0x1_0000 : 0x1_0000_0000
                    guard value >= minimum else {
                        throw .notDeterministic(offset: start, reason: "head longer than needed")
                    }
                }
                return value
            default:
                throw .reservedAdditionalInfo(offset: start, value: info)
            }
        }

        /// `length` bytes, refused beyond the limit or the input.
        private mutating func readBytes(_ length: UInt64, start: Int) throws(CBOR.Error) -> [UInt8] {
            guard length <= UInt64(limits.maxLength) else {
                throw .tooLong(offset: start, length: length, limit: limits.maxLength)
            }
            guard UInt64(bytes.count - index) >= length else { throw .truncated(offset: start) }
            defer { index += Int(length) }
            return Array(bytes[index ..< index + Int(length)])
        }

        /// An element count, refused beyond the limit or beyond what the rest of the input could
        /// hold (every item takes at least one byte), before anything is allocated for it.
        private func checkedCount(_ count: UInt64, start: Int) throws(CBOR.Error) -> Int {
            guard count <= UInt64(limits.maxLength), count <= UInt64(bytes.count - index) else {
                throw .tooLong(offset: start, length: count, limit: min(limits.maxLength, bytes.count - index))
            }
            return Int(count)
        }
    }
}
