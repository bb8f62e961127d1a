import LabelerBytes

extension JPEG {
    /// Frames a JPEG file into marker segments and entropy-coded data, from SOI to EOI.
    ///
    /// Marker segments are framed by their length fields; after each SOS the entropy-coded data is
    /// scanned for the next marker that is neither a stuffed `FF 00` nor a restart `FF D0…D7`, so
    /// progressive files (several scans with tables between them) are walked to the end. Fill bytes
    /// (`FF FF …`) before a marker are accepted (T.81 §B.1.1.2). Bytes after EOI are ``trailingRange``.
    public struct SegmentReader: Sendable {
        public let segments: [Segment]
        /// Bytes after EOI (for example MPF secondary images); writers keep them untouched.
        public let trailingRange: Range<Int>?

        /// Walks `bytes`.
        /// - Throws: ``JPEG/Error`` naming the byte offset of the first structural problem.
        public init(_ bytes: UnsafeRawBufferPointer) throws(JPEG.Error) {
            let end = bytes.count
            guard end >= 2, bytes[0] == 0xFF, bytes[1] == Marker.soi else { throw .missingSOI(offset: 0) }
            var segments = [Segment(kind: .marker(Marker.soi), offset: 0, length: 2, payloadRange: 2 ..< 2)]
            var offset = 2
            var seenScan = false
            while true {
                guard offset < end else { throw .missingEOI(offset: offset) }
                guard bytes[offset] == 0xFF else { throw .expectedMarker(offset: offset, found: bytes[offset]) }
                var markerOffset = offset
                while markerOffset + 1 < end, bytes[markerOffset + 1] == 0xFF { markerOffset += 1 }  // fill bytes
                guard markerOffset + 1 < end else { throw .missingEOI(offset: end) }
                let marker = bytes[markerOffset + 1]
                guard marker != 0x00 else { throw .expectedMarker(offset: markerOffset, found: 0x00) }
                if Marker.isStandalone(marker) {
                    let segment = Segment(
                        kind: .marker(marker), offset: offset, length: markerOffset + 2 - offset,
                        payloadRange: markerOffset + 2 ..< markerOffset + 2)
                    segments.append(segment)
                    offset = segment.range.upperBound
                    if marker == Marker.eoi {
                        guard seenScan else { throw .noImageData(offset: markerOffset) }
                        break
                    }
                    continue
                }
                guard end - markerOffset >= 4 else {
                    throw .truncatedSegmentHeader(marker: marker, offset: markerOffset)
                }
                // In bounds: the check above guarantees the two length bytes.
                let declared = Int(ByteReader(bytes).getInteger(at: markerOffset + 2, as: UInt16.self) ?? 0)
                guard declared >= 2 else {
                    throw .badSegmentLength(marker: marker, offset: markerOffset, declared: declared)
                }
                guard end - markerOffset - 2 >= declared else {
                    throw .truncatedSegment(
                        marker: marker, offset: markerOffset, declared: declared, available: end - markerOffset - 2)
                }
                let segment = Segment(
                    kind: .marker(marker), offset: offset, length: markerOffset + 2 + declared - offset,
                    payloadRange: markerOffset + 4 ..< markerOffset + 2 + declared)
                segments.append(segment)
                offset = segment.range.upperBound
                if marker == Marker.sos {
                    seenScan = true
                    let dataEnd = Self.endOfEntropyCodedData(bytes, from: offset)
                    if dataEnd > offset {
                        segments.append(
                            Segment(
                                kind: .entropyCodedData, offset: offset, length: dataEnd - offset,
                                payloadRange: offset ..< dataEnd))
                    }
                    offset = dataEnd
                }
            }
            self.segments = segments
            self.trailingRange = offset < end ? offset ..< end : nil
        }

        /// The offset of the first `FF` that starts a real marker at or after `start`, or the end of the buffer.
        private static func endOfEntropyCodedData(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
            let end = bytes.count
            var cursor = start
            while cursor < end {
                guard let index = System.firstIndex(of: 0xFF, in: bytes, from: cursor) else { return end }
                guard index + 1 < end else { return end }
                let next = bytes[index + 1]
                if next == 0x00 || (0xD0 ... 0xD7).contains(next) {
                    cursor = index + 2
                } else if next == 0xFF {
                    cursor = index + 1  // fill byte: the marker starts at the last FF
                } else {
                    return index
                }
            }
            return end
        }
    }
}

extension JPEG.Segment {
    /// True when the payload of this segment starts with `identifier`.
    func payloadStarts(with identifier: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
        guard payloadRange.count >= identifier.count else { return false }
        for (index, byte) in identifier.enumerated() where bytes[payloadRange.lowerBound + index] != byte {
            return false
        }
        return true
    }
}
