extension PNG {
    /// Reads and writes Labeler's metadata in PNG files without touching image data.
    ///
    /// Write rule (XMP Part 3 §1.1.5; regulation.md §7.3): exactly one uncompressed `iTXt` chunk
    /// with keyword `XML:com.adobe.xmp`, placed right after `IHDR` (after a C2PA `caBX` that sits
    /// there). Adobe's XMP Toolkit (Photoshop, Bridge, Lightroom; `exempi`) reads a PNG's XMP only
    /// from the *first* `iTXt` chunk, so a licence or comment `iTXt` before ours would hide the label:
    ///
    /// ```
    /// 89 PNG …  IHDR  [caBX]  iTXt XML:com.adobe.xmp (ours)  …every other chunk, in order…  IEND
    /// ```
    /// Older XMP chunks and `tEXt`/`zTXt`/`iTXt` chunks keyed `AIGC` are removed (GB 45438 §6.1 c:
    /// one copy of the label). All other chunks, their order and every byte of them are kept.
    struct Handler: Container {
        static let format = ContainerFormat.png
        static let mediaType = "image/png"

        let bytes: [UInt8]
        let reader: ChunkReader

        static func sniff(_ prefix: [UInt8]) -> Bool { prefix.starts(with: PNG.signature) }

        init(walking bytes: [UInt8]) throws {
            self.bytes = bytes
            reader = try bytes.withUnsafeBytes { buffer throws(PNG.Error) in try ChunkReader(buffer) }
        }

        /// The keyword of a text chunk (`nil` for other chunks or a malformed keyword).
        func keyword(of chunk: Chunk) -> String? {
            guard chunk.type == .tEXt || chunk.type == .zTXt || chunk.type == .iTXt else { return nil }
            let data = bytes[chunk.dataRange]
            guard let end = data.prefix(80).firstIndex(of: 0) else { return nil }
            return String(decoding: data[data.startIndex ..< end], as: UTF8.self)
        }

        func isXMP(_ chunk: Chunk) -> Bool { chunk.type == .iTXt && keyword(of: chunk) == PNG.xmpKeyword }
        func isLabelText(_ chunk: Chunk) -> Bool { keyword(of: chunk)?.uppercased() == "AIGC" }

        var map: ContainerMap {
            var entries = reader.chunks.map { chunk -> ContainerMap.Entry in
                var note: String?
                switch chunk.type {
                case .caBX: note = "C2PA manifest store"
                case .eXIf: note = "Exif"
                default:
                    if let keyword = keyword(of: chunk) {
                        note = keyword == PNG.xmpKeyword ? "XMP" : "text '\(keyword)'"
                    }
                }
                return ContainerMap.Entry(
                    name: chunk.type.description, offset: chunk.offset, length: chunk.range.count, note: note)
            }
            if let trailing = reader.trailingRange {
                entries.append(
                    ContainerMap.Entry(
                        name: "trailing data", offset: trailing.lowerBound, length: trailing.count, note: "after IEND"))
            }
            return ContainerMap(format: .png, fileSize: bytes.count, entries: entries)
        }

        var manifestStore: MetadataSites.Provenance? {
            reader.chunks.first { $0.type == .caBX }.map {
                .init(range: $0.range, carrier: "caBX chunk at byte \($0.offset)")
            }
        }

        /// A `caBX` chunk: length, type, store, CRC (C2PA 2.x §A.3.2).
        static func c2paCarrierSize(storeSize: Int) -> Int { storeSize + 12 }

        static func c2paCarrier(store: [UInt8]) throws -> [UInt8] { PNG.serializedChunk(type: .caBX, data: store) }

        /// Right after IHDR.
        var c2paCarrierOffset: Int { reader.chunks.first?.range.upperBound ?? PNG.signature.count }

        /// The `caBX` chunk's data: the store as it is (C2PA 2.x §A.3.2).
        func manifestStoreBytes() -> [UInt8]? {
            reader.chunks.first { $0.type == .caBX }.map { Array(bytes[$0.dataRange]) }
        }

        /// Every metadata site, decoded. Only XMP and `AIGC` text chunks are decoded, and their
        /// inflated text together is bounded by ``PNG/maxTextBytesPerFile``.
        func sites() -> MetadataSites {
            var sites = MetadataSites()
            var budget = PNG.maxTextBytesPerFile
            for chunk in reader.chunks {
                if chunk.type == .caBX {
                    sites.provenance.append(.init(range: chunk.range, carrier: "caBX chunk at byte \(chunk.offset)"))
                } else if chunk.type == .eXIf {
                    sites.exif.append(
                        .init(
                            bytes: Array(bytes[chunk.dataRange]), offset: chunk.dataRange.lowerBound,
                            carrier: "eXIf chunk at byte \(chunk.offset)"))
                } else if let keyword = keyword(of: chunk), keyword == PNG.xmpKeyword || keyword.uppercased() == "AIGC"
                {
                    let carrier = "\(chunk.type) chunk '\(keyword)' at byte \(chunk.offset)"
                    guard budget > 0 else {
                        sites.carrierProblems.append(
                            "\(carrier): not decoded, the text chunks before it already inflate to the \(PNG.maxTextBytesPerFile)-byte limit per file"
                        )
                        continue
                    }
                    let limit = min(budget, PNG.maxTextChunkBytes)
                    do {
                        let text = try TextChunk(
                            parsing: bytes[chunk.dataRange], type: chunk.type, offset: chunk.offset, limit: limit)
                        budget -= text.text.utf8.count
                        if keyword == PNG.xmpKeyword {
                            sites.xmp.append(
                                .init(
                                    bytes: Array(text.text.utf8),
                                    offset: text.textOffset.map { chunk.dataRange.lowerBound + $0 } ?? chunk.offset,
                                    carrier: carrier))
                        } else {
                            sites.texts.append(
                                .init(keyword: keyword, text: text.text, offset: chunk.offset, carrier: carrier))
                        }
                    } catch {
                        budget -= limit  // a failed inflation may have produced up to `limit` bytes first
                        sites.carrierProblems.append(error.description)
                    }
                }
            }
            return sites
        }

        /// The plan that writes one XMP chunk after `IHDR` (and a `caBX` right behind it) and drops
        /// every other XMP chunk and `AIGC` text chunk. Exif is not written to PNG.
        func plan(_ edit: MetadataEdit) throws -> SplicePlan {
            guard reader.chunks.contains(where: { $0.type == .IDAT }) else {
                throw LabelerError(.corrupt, "png: no IDAT chunk (no image data)", offset: bytes.count)
            }
            let xmpChunks = reader.chunks.filter(isXMP)
            var existing: MetadataSites.Packet?
            if let first = xmpChunks.first {
                let text = try TextChunk(
                    parsing: bytes[first.dataRange], type: first.type, offset: first.offset,
                    limit: PNG.maxTextChunkBytes)
                existing = .init(
                    bytes: Array(text.text.utf8),
                    offset: text.textOffset.map { first.dataRange.lowerBound + $0 } ?? first.offset,
                    carrier: "iTXt XMP at byte \(first.offset)")
            }
            let newChunk = TextChunk.serializedITXt(keyword: PNG.xmpKeyword, text: try edit.xmp(existing))
            // Anchor: IHDR, or the run of caBX chunks that directly follows it.
            var anchor = 0
            while anchor + 1 < reader.chunks.count, reader.chunks[anchor + 1].type == .caBX { anchor += 1 }
            var plan = SplicePlan()
            plan.keep(0 ..< PNG.signature.count)
            let hadStore = reader.chunks.contains { $0.type == .caBX }
            for (index, chunk) in reader.chunks.enumerated() {
                let replacedStore = edit.c2paCarrier != nil && chunk.type == .caBX
                if !isXMP(chunk) && !isLabelText(chunk) && !replacedStore { plan.keep(chunk.range) }
                // c2pa-rs places caBX right after IHDR; our XMP follows it.
                if index == 0, let carrier = edit.c2paCarrier { plan.add(carrier, site: .c2pa, replacing: hadStore) }
                if index == anchor { plan.add(newChunk, site: .xmp, replacing: existing != nil) }
            }
            if let trailing = reader.trailingRange { plan.keep(trailing) }
            return plan
        }
    }
}
