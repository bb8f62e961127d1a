extension PNG {
    /// Reads and writes Labeler's metadata in PNG files without touching image data.
    ///
    /// Write rule (XMP Part 3 §1.1.5; regulation.md §7.3): exactly one `iTXt` chunk with keyword
    /// `XML:com.adobe.xmp`, uncompressed, before the first `IDAT` (where an XMP chunk already sat
    /// before `IDAT`, the new one takes its place). Older XMP chunks and `tEXt`/`zTXt`/`iTXt` chunks
    /// keyed `AIGC` are removed (GB 45438 §6.1 c: one copy of the label). All other chunks, their order
    /// and every byte of them are kept.
    struct Handler: Sendable {
        let bytes: [UInt8]
        let reader: ChunkReader

        init(_ bytes: [UInt8]) throws {
            self.bytes = bytes
            reader = try bytes.withUnsafeBytes { buffer in try ChunkReader(buffer) }
        }

        /// A handler over `bytes` already walked by `reader` (``MetadataFileReader``: the walk ran
        /// on a mapping of the file; `bytes` holds every chunk but `IDAT` data).
        init(_ bytes: [UInt8], reader: ChunkReader) {
            self.bytes = bytes
            self.reader = reader
        }

        /// The keyword of a text chunk (`nil` for other chunks or a malformed keyword).
        func keyword(of chunk: Chunk) -> String? {
            guard chunk.type == .tEXt || chunk.type == .zTXt || chunk.type == .iTXt else { return nil }
            let data = bytes[chunk.dataRange]
            guard let end = data.prefix(80).firstIndex(of: 0) else { return nil }
            return String(decoding: data[data.startIndex ..< end], as: UTF8.self)
        }

        var map: ContainerMap {
            var entries = reader.chunks.map { chunk -> ContainerMap.Entry in
                var note: String?
                switch chunk.type {
                case .caBX: note = "C2PA manifest store"
                case .eXIf: note = "Exif"
                default:
                    if let keyword = keyword(of: chunk) { note = keyword == PNG.xmpKeyword ? "XMP" : "text '\(keyword)'" }
                }
                return ContainerMap.Entry(name: chunk.type.description, offset: chunk.offset, length: chunk.range.count, note: note)
            }
            if let trailing = reader.trailingRange {
                entries.append(ContainerMap.Entry(name: "trailing data", offset: trailing.lowerBound, length: trailing.count, note: "after IEND"))
            }
            return ContainerMap(format: .png, fileSize: bytes.count, entries: entries)
        }

        /// Every metadata site, decoded.
        func sites() -> MetadataSites {
            var sites = MetadataSites()
            for chunk in reader.chunks {
                if chunk.type == .caBX {
                    sites.provenance.append(.init(range: chunk.range, carrier: "caBX chunk at byte \(chunk.offset)"))
                } else if chunk.type == .eXIf {
                    sites.exif.append(.init(bytes: Array(bytes[chunk.dataRange]), offset: chunk.dataRange.lowerBound, carrier: "eXIf chunk at byte \(chunk.offset)"))
                } else if let keyword = keyword(of: chunk) {
                    let carrier = "\(chunk.type) chunk '\(keyword)' at byte \(chunk.offset)"
                    do {
                        let text = try TextChunk(parsing: bytes[chunk.dataRange], type: chunk.type, offset: chunk.offset)
                        if keyword == PNG.xmpKeyword {
                            sites.xmp.append(.init(bytes: Array(text.text.utf8), offset: text.textOffset.map { chunk.dataRange.lowerBound + $0 } ?? chunk.offset, carrier: carrier))
                        } else {
                            sites.texts.append(.init(keyword: keyword, text: text.text, offset: chunk.offset, carrier: carrier))
                        }
                    } catch {
                        if keyword == PNG.xmpKeyword || keyword.uppercased() == "AIGC" { sites.carrierProblems.append(error.description) }
                    }
                }
            }
            return sites
        }

        /// The plan that writes one XMP chunk and drops every other XMP chunk and `AIGC` text chunk.
        /// - Parameter makePacket: given the existing packet (if any) to merge from, returns the new one.
        func plan(replacingXMPWith makePacket: (_ existing: MetadataSites.Packet?) throws -> [UInt8]) throws -> SplicePlan {
            guard let firstIDAT = reader.chunks.first(where: { $0.type == .IDAT }) else {
                throw LabelerError(.corrupt, "png: no IDAT chunk (no image data)", offset: bytes.count)
            }
            let xmpChunks = reader.chunks.filter { $0.type == .iTXt && keyword(of: $0) == PNG.xmpKeyword }
            let labelChunks = reader.chunks.filter { keyword(of: $0)?.uppercased() == "AIGC" }
            var existing: MetadataSites.Packet?
            if let first = xmpChunks.first {
                let text = try TextChunk(parsing: bytes[first.dataRange], type: first.type, offset: first.offset)
                existing = .init(bytes: Array(text.text.utf8), offset: text.textOffset.map { first.dataRange.lowerBound + $0 } ?? first.offset, carrier: "iTXt XMP at byte \(first.offset)")
            }
            let newChunk = TextChunk.serializedITXt(keyword: PNG.xmpKeyword, text: try makePacket(existing))
            let insertAt = xmpChunks.first.map { $0.offset < firstIDAT.offset ? $0.offset : firstIDAT.offset } ?? firstIDAT.offset
            let removed = Set((xmpChunks + labelChunks).map(\.offset))
            var plan = SplicePlan()
            plan.keep(0 ..< PNG.signature.count)
            for chunk in reader.chunks {
                if chunk.offset == insertAt { plan.insert(newChunk) }
                if !removed.contains(chunk.offset) { plan.keep(chunk.range) }
            }
            if let trailing = reader.trailingRange { plan.keep(trailing) }
            return plan
        }
    }
}
