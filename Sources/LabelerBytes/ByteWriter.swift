/// Builds binary structures big-endian first (PNG chunks, JPEG segments, and next JUMBF boxes),
/// with length prefixes written as placeholders and patched once the body is known, as swift-nio's
/// `ByteBuffer.writeLengthPrefixed` does.
///
/// ```
/// var writer = ByteWriter()
/// try writer.writeLengthPrefixed(as: UInt16.self, countingPrefix: true) { $0.writeBytes(payload) }
/// //  [len hi][len lo][payload …]   len = payload.count + 2
/// ```
package struct ByteWriter: Sendable {
    package enum Error: Swift.Error, Sendable, Hashable, CustomStringConvertible {
        /// A length does not fit its prefix.
        case lengthOverflow(length: Int, maximum: UInt64)

        package var description: String {
            switch self {
            case .lengthOverflow(let length, let maximum):
                return "length \(length) does not fit a prefix of at most \(maximum)"
            }
        }
    }

    package var bytes: [UInt8]

    @inlinable package init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inlinable package var count: Int { bytes.count }

    /// Appends `value` in big-endian order.
    @inlinable package mutating func writeInteger<T: FixedWidthInteger>(_ value: T) {
        let size = MemoryLayout<T>.size
        for shift in stride(from: (size - 1) * 8, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }

    @inlinable package mutating func writeBytes(_ other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    @inlinable package mutating func writeBytes(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    // Concrete overloads: the generic versions above do not always specialize across modules,
    // and box builders call these in their innermost loops.
    @inlinable package mutating func writeInteger(_ value: UInt8) { bytes.append(value) }

    @inlinable package mutating func writeInteger(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    @inlinable package mutating func writeInteger(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// ``writeLengthPrefixed(as:countingPrefix:_:)`` for the 4-byte big-endian length of ISO BMFF
    /// and JUMBF boxes, without generics.
    @inlinable package mutating func writeUInt32LengthPrefixed(
        countingPrefix: Bool, _ body: (inout ByteWriter) throws -> Void
    ) throws {
        let prefixAt = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        try body(&self)
        let length = bytes.count - prefixAt - (countingPrefix ? 0 : 4)
        guard let value = UInt32(exactly: length) else {
            throw Error.lengthOverflow(length: length, maximum: UInt64(UInt32.max))
        }
        bytes[prefixAt] = UInt8(truncatingIfNeeded: value >> 24)
        bytes[prefixAt + 1] = UInt8(truncatingIfNeeded: value >> 16)
        bytes[prefixAt + 2] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[prefixAt + 3] = UInt8(truncatingIfNeeded: value)
    }

    /// Overwrites the big-endian `value` at `offset` (which must already be written).
    @inlinable package mutating func setInteger<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        let size = MemoryLayout<T>.size
        for index in 0 ..< size { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> ((size - 1 - index) * 8)) }
    }

    /// Writes a `T` length, then `body`, then patches the length: the body's size, plus the
    /// prefix's own size when `countingPrefix` (JPEG segments, ISO BMFF/JUMBF boxes count it).
    /// - Throws: ``Error/lengthOverflow(length:maximum:)`` when the length does not fit `T`.
    @inlinable package mutating func writeLengthPrefixed<T: FixedWidthInteger & UnsignedInteger>(
        as type: T.Type, countingPrefix: Bool = false, _ body: (inout ByteWriter) throws -> Void
    ) throws {
        let prefixAt = bytes.count
        writeInteger(T.zero)
        try body(&self)
        let length = bytes.count - prefixAt - (countingPrefix ? 0 : MemoryLayout<T>.size)
        guard let value = T(exactly: length) else { throw Error.lengthOverflow(length: length, maximum: UInt64(T.max)) }
        setInteger(value, at: prefixAt)
    }
}

/// Reads big-endian integers from bytes without moving anything (`getInteger(at:)`, bounds
/// checked: `nil` past the end) or at a cursor (`readInteger()`, which advances).
package struct ByteReader {
    package let bytes: UnsafeRawBufferPointer
    package var offset: Int

    @inlinable package init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    package var remaining: Int { bytes.count - offset }

    /// The big-endian `T` at `offset`, or `nil` when it would run past the end.
    @inlinable package func getInteger<T: FixedWidthInteger>(at offset: Int, as type: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, offset <= bytes.count - size else { return nil }
        var value = T.zero
        for index in 0 ..< size { value = value << 8 | T(bytes[offset + index]) }
        return value
    }

    /// The big-endian `T` at the cursor, advancing past it; `nil` (and no move) at the end.
    @inlinable package mutating func readInteger<T: FixedWidthInteger>(as type: T.Type = T.self) -> T? {
        guard let value = getInteger(at: offset, as: T.self) else { return nil }
        offset += MemoryLayout<T>.size
        return value
    }

    /// `count` bytes at the cursor, advancing past them; `nil` (and no move) when fewer remain.
    @inlinable package mutating func readBytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + count])
    }
}

extension Array where Element == UInt8 {
    /// The big-endian `T` at `offset`, or `nil` past the end.
    package func getInteger<T: FixedWidthInteger>(at offset: Int, as type: T.Type = T.self) -> T? {
        withUnsafeBytes { ByteReader($0).getInteger(at: offset, as: T.self) }
    }
}
