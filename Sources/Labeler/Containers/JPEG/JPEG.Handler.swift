import LabelerBytes

extension JPEG {
    /// Reads and writes Labeler's metadata in JPEG files without touching image data.
    ///
    /// Write rule (XMP Part 3 §1.1.3; Exif 2.32 §4.5.4; regulation.md §7.4):
    /// ```
    /// SOI  [APP0 JFIF…]  APP1 Exif  APP1 XMP (ours, the only one)  …every other segment unchanged…  EOI
    /// ```
    /// The XMP segment goes right after the Exif segment, or after the leading APP0 run (or SOI) when
    /// there is no Exif. Older standard-XMP APP1 segments are removed; Extended XMP parts stay (the
    /// merged main packet keeps their `xmpNote:HasExtendedXMP` reference).
    struct Handler: Container {
        static let format = ContainerFormat.jpeg
        static let mediaType = "image/jpeg"

        let bytes: [UInt8]
        let reader: SegmentReader

        static func sniff(_ prefix: [UInt8]) -> Bool { prefix.starts(with: [0xFF, 0xD8, 0xFF]) }

        init(walking bytes: [UInt8]) throws {
            self.bytes = bytes
            reader = try bytes.withUnsafeBytes { buffer throws(JPEG.Error) in try SegmentReader(buffer) }
        }

        func starts(_ segment: Segment, with identifier: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { segment.payloadStarts(with: identifier, in: $0) }
        }

        func isXMP(_ segment: Segment) -> Bool {
            segment.marker == Marker.app1 && starts(segment, with: JPEG.xmpIdentifier)
        }
        func isExif(_ segment: Segment) -> Bool {
            segment.marker == Marker.app1 && starts(segment, with: JPEG.exifIdentifier)
        }

        /// APP11 segments carrying JUMBF (`JP` common identifier, C2PA 2.x §A.3.1).
        func isJUMBF(_ segment: Segment) -> Bool {
            segment.marker == Marker.app11 && starts(segment, with: [0x4A, 0x50])
        }

        var map: ContainerMap {
            var entries = reader.segments.map { segment -> ContainerMap.Entry in
                var note: String?
                if isXMP(segment) {
                    note = "XMP"
                } else if isExif(segment) {
                    note = "Exif"
                } else if segment.marker == Marker.app1, starts(segment, with: JPEG.extendedXMPIdentifier) {
                    note = "Extended XMP"
                } else if isJUMBF(segment) {
                    note = "JUMBF (C2PA)"
                } else if segment.marker == Marker.app0, starts(segment, with: Array("JFIF\0".utf8)) {
                    note = "JFIF"
                }
                return ContainerMap.Entry(
                    name: segment.name, offset: segment.offset, length: segment.length, note: note)
            }
            if let trailing = reader.trailingRange {
                entries.append(
                    ContainerMap.Entry(
                        name: "trailing data", offset: trailing.lowerBound, length: trailing.count, note: "after EOI"))
            }
            return ContainerMap(format: .jpeg, fileSize: bytes.count, entries: entries)
        }

        func sites() -> MetadataSites {
            var sites = MetadataSites()
            for segment in reader.segments {
                let carrier = "\(segment.name) at byte \(segment.offset)"
                if isXMP(segment) {
                    let start = segment.payloadRange.lowerBound + JPEG.xmpIdentifier.count
                    sites.xmp.append(
                        .init(
                            bytes: Array(bytes[start ..< segment.payloadRange.upperBound]), offset: start,
                            carrier: carrier + " (XMP)"))
                } else if isExif(segment) {
                    sites.exif.append(
                        .init(
                            bytes: Array(bytes[segment.payloadRange]), offset: segment.payloadRange.lowerBound,
                            carrier: carrier + " (Exif)"))
                }
            }
            sites.provenance = c2paSegments.map {
                .init(range: $0.range, carrier: "\($0.name) at byte \($0.offset) (JUMBF)")
            }
            return sites
        }

        /// The first APP11 JUMBF segment holding a C2PA manifest store (`c2pa` label in its first bytes).
        var manifestStore: MetadataSites.Provenance? {
            c2paSegments.first.map { .init(range: $0.range, carrier: "APP11 JUMBF segment at byte \($0.offset)") }
        }

        /// The APP11 segments of the C2PA store: those of the box instance (`En`) whose first part
        /// (`Z` = 1) starts a `c2pa` superbox. Other JUMBF boxes in APP11 (JPEG 360, JPEG Systems
        /// privacy boxes) have another instance and are left alone (c2pa-rs#736).
        var c2paSegments: [Segment] {
            let parts = reader.segments.filter { isJUMBF($0) && $0.payloadRange.count > 16 }
            func instance(_ segment: Segment) -> ArraySlice<UInt8> {
                bytes[segment.payloadRange.lowerBound + 2 ..< segment.payloadRange.lowerBound + 4]
            }
            guard
                let first = parts.first(where: { segment in
                    let payload = bytes[segment.payloadRange]
                    return payload.dropFirst(4).prefix(4).elementsEqual([0, 0, 0, 1])
                        && payload.dropFirst(8).prefix(64).containsRun(Array("c2pa".utf8))
                })
            else { return [] }
            let store = instance(first)
            return parts.filter { instance($0) == store }
        }

        /// Largest part of a store in one APP11 segment (c2pa-rs `MAX_JPEG_MARKER_SIZE`).
        static let c2paChunk = 64_000

        /// APP11 segments: the first `FF EB Lp "JP" En Z` + part (12 bytes of headers), each later one
        /// also repeating the store's 8-byte `LBox TBox` (20): `S + 20n − 8` for n segments.
        static func c2paCarrierSize(storeSize: Int) -> Int {
            let segments = max(1, (storeSize + c2paChunk - 1) / c2paChunk)
            return storeSize + 20 * segments - 8
        }

        static func c2paCarrier(store: [UInt8]) throws -> [UInt8] {
            var carrier: [UInt8] = []
            var sequence: UInt32 = 1
            var offset = 0
            while offset < store.count || sequence == 1 {
                let part = store[offset ..< min(store.count, offset + c2paChunk)]
                var payload: [UInt8] = [0x4A, 0x50, 0x02, 0x11]  // CI "JP", En 0x0211 (the box instance c2pa-rs writes)
                payload += [
                    UInt8(sequence >> 24), UInt8(sequence >> 16 & 0xFF), UInt8(sequence >> 8 & 0xFF),
                    UInt8(sequence & 0xFF),
                ]
                if sequence > 1 { payload += store.prefix(8) }
                payload += part
                carrier += try segment(marker: Marker.app11, payload: payload)
                offset += part.count
                sequence += 1
            }
            return carrier
        }

        /// After SOI and the APP0 run that follows it (``storeAnchor``).
        var c2paCarrierOffset: Int { reader.segments[storeAnchor].offset }

        /// The index of the segment the C2PA carrier goes before: the first after SOI and its APP0 run.
        var storeAnchor: Int {
            var anchor = 1
            while anchor < reader.segments.count - 1, reader.segments[anchor].marker == Marker.app0 { anchor += 1 }
            return anchor
        }

        /// The store reassembled from its APP11 segments (C2PA 2.x §A.3.1, JPEG XT): each payload is
        /// `CI "JP" | En u16 | Z u32 | box`, the first (`Z` = 1) holding the store from its start,
        /// later ones repeating its 8-byte `LBox TBox` before the next part. Segments of the `En`
        /// that carries a `c2pa` store are joined in `Z` order.
        func manifestStoreBytes() -> [UInt8]? {
            let parts: [(instance: UInt16, sequence: UInt32, payload: ArraySlice<UInt8>)] = reader.segments.compactMap {
                segment in
                guard isJUMBF(segment), segment.payloadRange.count > 16 else { return nil }
                let payload = bytes[segment.payloadRange]
                let start = payload.startIndex
                let instance = UInt16(payload[start + 2]) << 8 | UInt16(payload[start + 3])
                let sequence = payload[start + 4 ..< start + 8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return (instance, sequence, payload)
            }
            guard
                let first = parts.first(where: {
                    $0.sequence == 1 && $0.payload.dropFirst(8).prefix(64).containsRun(Array("c2pa".utf8))
                })
            else { return nil }
            var store: [UInt8] = []
            for part in parts.filter({ $0.instance == first.instance }).sorted(by: { $0.sequence < $1.sequence }) {
                store += part.payload.dropFirst(part.sequence == 1 ? 8 : 16)
            }
            return store
        }

        /// The plan that writes `edit`'s Exif (when it returns a block, replacing or adding the Exif
        /// segment) and its XMP packet as the only standard XMP segment.
        func plan(_ edit: MetadataEdit) throws -> SplicePlan {
            let segments = reader.segments
            let exifSegment = segments.first(where: isExif)
            let xmpSegments = segments.filter(isXMP)
            let existing = xmpSegments.first.map { segment -> MetadataSites.Packet in
                let start = segment.payloadRange.lowerBound + JPEG.xmpIdentifier.count
                return .init(
                    bytes: Array(bytes[start ..< segment.payloadRange.upperBound]), offset: start, carrier: "APP1 XMP")
            }
            let packet = try edit.xmp(existing)
            guard packet.count <= JPEG.maxXMPPacket else {
                throw LabelerError(
                    .tooLarge,
                    "jpeg: merged XMP packet is \(packet.count) bytes, more than the \(JPEG.maxXMPPacket) one APP1 segment holds (Extended XMP is not written)"
                )
            }
            let xmpSegment = try Self.segment(marker: Marker.app1, payload: JPEG.xmpIdentifier + packet)
            let newExif = try edit.exif(exifSegment.map { bytes[$0.payloadRange] }).map {
                try Self.segment(marker: Marker.app1, payload: $0)
            }
            // Anchor: after the Exif segment, else after SOI and the APP0 run that follows it.
            var anchor = 1
            if let exifSegment, let index = segments.firstIndex(of: exifSegment) {
                anchor = index + 1
            } else {
                while anchor < segments.count, segments[anchor].marker == Marker.app0 { anchor += 1 }
            }
            var removed = Set(xmpSegments.map(\.offset))
            let storeSegments = c2paSegments
            if edit.c2paCarrier != nil { removed.formUnion(storeSegments.map(\.offset)) }
            // c2pa-rs places the store after the last APP0 (else right after SOI), before our Exif and XMP.
            let storeAnchor = self.storeAnchor
            var plan = SplicePlan()
            for (index, segment) in segments.enumerated() {
                if index == storeAnchor, let carrier = edit.c2paCarrier {
                    plan.add(carrier, site: .c2pa, replacing: !storeSegments.isEmpty)
                }
                if index == anchor {
                    if exifSegment == nil, let newExif { plan.add(newExif, site: .exif, replacing: false) }
                    plan.add(xmpSegment, site: .xmp, replacing: existing != nil)
                }
                if removed.contains(segment.offset) { continue }
                if segment == exifSegment, let newExif { plan.add(newExif, site: .exif, replacing: true); continue }
                plan.keep(segment.range)
            }
            if let trailing = reader.trailingRange { plan.keep(trailing) }
            return plan
        }

        /// `FF marker` + big-endian length (payload + 2) + payload.
        /// - Throws: ``LabelerError/Code/tooLarge`` when the payload does not fit one segment.
        static func segment(marker: UInt8, payload: [UInt8]) throws -> [UInt8] {
            var writer = ByteWriter(capacity: payload.count + 4)
            writer.writeBytes([0xFF, marker])
            do {
                try writer.writeLengthPrefixed(as: UInt16.self, countingPrefix: true) { $0.writeBytes(payload) }
            } catch {
                throw LabelerError(
                    .tooLarge,
                    "jpeg: a \(Marker.name(marker)) payload of \(payload.count) bytes does not fit one segment (\(JPEG.maxSegmentPayload) at most)"
                )
            }
            return writer.bytes
        }
    }
}

extension Collection where Element == UInt8 {
    /// True when `needle` occurs as a contiguous run.
    func containsRun(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return false }
        let haystack = Array(self)
        for start in 0 ... haystack.count - needle.count where haystack[start] == needle[0] {
            if Array(haystack[start ..< start + needle.count]) == needle { return true }
        }
        return false
    }
}
