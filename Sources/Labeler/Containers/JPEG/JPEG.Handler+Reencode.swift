extension JPEG.Handler {
    /// Whether a segment is metadata to carry over to a re-encoded image: APPn and COM before the
    /// first scan (ITU T.81 B.2.4.6 application data, B.2.4.5 comment), except Adobe APP14 (its
    /// colour-transform flag describes the old encoding) and C2PA JUMBF in APP11 (the new pixels
    /// break its hard binding; signing writes a new store).
    func isCarriedMetadata(_ segment: JPEG.Segment) -> Bool {
        guard let marker = segment.marker else { return false }
        if marker == 0xFE { return true }
        guard (0xE0 ... 0xEF).contains(marker) else { return false }
        if marker == 0xEE, starts(segment, with: Array("Adobe".utf8)) { return false }
        return !isJUMBF(segment)
    }

    /// `encoded`'s tables, frame and scans under this file's metadata segments, carried byte for
    /// byte in their order: `SOI`, every carried APPn/COM of the source, then `encoded` after its
    /// `SOI` without its own `APP0` (JFIF) header, which the source's segments replace.
    /// Data after the source's `EOI` is not carried (it described the old image).
    /// - Throws: ``LabelerError`` `.invalidRequest` if `encoded` is not a JPEG.
    func carryingMetadata(into encoded: [UInt8]) throws -> [UInt8] {
        let new: JPEG.SegmentReader
        do {
            new = try encoded.withUnsafeBytes { buffer throws(JPEG.Error) in try JPEG.SegmentReader(buffer) }
        } catch {
            throw LabelerError(.invalidRequest, "the re-encoded JPEG does not parse: \(error)")
        }
        let firstScan = reader.segments.firstIndex { $0.marker == JPEG.Marker.sos } ?? reader.segments.count
        var output: [UInt8] = [0xFF, JPEG.Marker.soi]
        for segment in reader.segments[..<firstScan] where isCarriedMetadata(segment) {
            output += bytes[segment.range]
        }
        for segment in new.segments {
            if segment.marker == JPEG.Marker.soi || segment.marker == JPEG.Marker.app0 { continue }
            output += encoded[segment.range]
        }
        return output
    }
}
