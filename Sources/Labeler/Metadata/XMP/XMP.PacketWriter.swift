/// Builds Labeler's XMP packet, or merges it into an existing one.
///
/// Fresh packet (regulation.md §7.3):
/// ```
/// <?xpacket begin="<EF BB BF>" id="W5M0MpCehiHzreSzNTczkc9d"?>
/// <x:xmpmeta xmlns:x="adobe:ns:meta/">
///  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
///   <rdf:Description rdf:about="" xmlns:Iptc4xmpExt=… xmlns:TC260=… …>   ← our block
///    <Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/…/trainedAlgorithmicMedia</…>
///    <TC260:AIGC>{"Label":"1",…}</TC260:AIGC>  …
///   </rdf:Description>
///  </rdf:RDF>
/// </x:xmpmeta>
/// <?xpacket end="w"?>
/// ```
/// Merging splices bytes instead of re-serialising: the properties we own are cut out of the
/// existing packet (wherever and however they are spelled), a `rdf:Description` left empty by that
/// is cut too, and our block is inserted before `</rdf:RDF>`. Every other byte of the packet,
/// hence every other property, stays as it was; stamping twice yields one label.
enum XMPPacketWriter {
    /// A fresh packet carrying `disclosure` (which must be ``Disclosure/resolved(now:contentID:)``).
    static func packet(
        for disclosure: Disclosure, visibleLabel: VisibleLabelRecord? = nil, watermark: WatermarkRecord? = nil
    ) -> [UInt8] {
        var text = "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        text += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"Labeler\">\n"
        text += " <rdf:RDF xmlns:rdf=\"\(XMP.Namespace.rdf)\">"
        text += block(
            for: disclosure, keptDescriptionItems: [], writeCreateDate: true, visibleLabel: visibleLabel,
            watermark: watermark)
        text += "\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>"
        return Array(text.utf8)
    }

    /// `existing` with our properties replaced by those of `disclosure`.
    /// A new `visibleLabel` replaces the record of an earlier one; without one, an earlier record
    /// stays (its pixels are still there).
    static func packet(
        merging existing: XMP.Document, with disclosure: Disclosure, visibleLabel: VisibleLabelRecord? = nil,
        watermark: WatermarkRecord? = nil
    ) -> [UInt8] {
        var owned: Set<XMP.PropertyName> = [.digitalSourceType, .aiSystemUsed, .aigc, .instanceID, .description]
        if visibleLabel != nil { owned.formUnion(XMP.PropertyName.visibleLabel) }
        if watermark != nil { owned.formUnion(XMP.PropertyName.watermark) }
        if disclosure.aiSystemVersion != nil { owned.insert(.aiSystemVersionUsed) }
        if disclosure.prompt != nil { owned.insert(.aiPromptInformation) }
        if disclosure.producerDisplayName != nil { owned.insert(.publisher) }
        let hasCreateDate = existing.value(.createDate) != nil
        let writeCreateDate = disclosure.involvement == .generated || !hasCreateDate
        if writeCreateDate { owned.insert(.createDate) }

        var cuts: [Range<Int>] = []
        // Properties kept per Description, counted in one pass (linear in properties, not descriptions × properties).
        var keptPerDescription = [Int](repeating: 0, count: existing.descriptions.count)
        var cutPerDescription = [Int](repeating: 0, count: existing.descriptions.count)
        var keptItems: [(language: String, text: String)] = []
        for property in existing.properties {
            guard owned.contains(property.name) else { keptPerDescription[property.descriptionIndex] += 1; continue }
            cuts.append(property.cutRange)
            cutPerDescription[property.descriptionIndex] += 1
            if property.name == .description {
                keptItems += property.items.filter { !NoticeLanguage.allNotices.contains($0.text) }
            }
        }
        // A Description whose every property was ours goes away whole (so re-stamping never accumulates).
        for (index, description) in existing.descriptions.enumerated() where cutPerDescription[index] > 0 {
            let otherContent = description.children.contains { $0.namespace == nil }
            if keptPerDescription[index] == 0, !otherContent {
                cuts.append(XMP.Document.cutRange(of: description, in: existing.bytes))
            }
        }
        var ourBlock = Array(
            block(
                for: disclosure, keptDescriptionItems: keptItems, writeCreateDate: writeCreateDate,
                visibleLabel: visibleLabel, watermark: watermark
            ).utf8)
        let rdf = existing.rdf
        if rdf.range.count >= 2,
            existing.bytes[rdf.range.upperBound - 2 ..< rdf.range.upperBound].elementsEqual("/>".utf8)
        {
            // A self-closing <rdf:RDF …/> has no inside to insert into: open it, and close it after our block.
            let slash = rdf.range.upperBound - 2 ..< rdf.range.upperBound
            ourBlock = Array(">".utf8) + ourBlock + Array("\n </\(rdf.qualifiedName)>".utf8)
            return splice(existing.bytes, cutting: cuts + [slash], inserting: ourBlock, at: slash.lowerBound)
        }
        return splice(existing.bytes, cutting: cuts, inserting: ourBlock, at: insertionPoint(in: existing))
    }

    /// Where our block goes: just before the whitespace that precedes `</rdf:RDF>`.
    private static func insertionPoint(in document: XMP.Document) -> Int {
        var point = document.rdf.contentEnd
        while point > document.rdf.contentStart, [0x20, 0x09, 0x0A, 0x0D].contains(document.bytes[point - 1]) {
            point -= 1
        }
        return point
    }

    /// `bytes` without `cuts` (nested or disjoint ranges), with `insertion` at `point`; a point that
    /// falls inside a cut moves to the cut's start.
    private static func splice(
        _ bytes: [UInt8], cutting cuts: [Range<Int>], inserting insertion: [UInt8], at point: Int
    ) -> [UInt8] {
        let cuts = cuts.sorted { $0.lowerBound < $1.lowerBound }
        var point = point
        for cut in cuts where cut.lowerBound < point && point < cut.upperBound { point = cut.lowerBound }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + insertion.count)
        var cursor = 0
        var inserted = false
        for cut in cuts {
            let start = max(cut.lowerBound, cursor)
            if !inserted, point <= start {
                output += bytes[cursor ..< point]
                output += insertion
                cursor = point
                inserted = true
            }
            guard cut.upperBound > cursor else { continue }
            output += bytes[cursor ..< start]
            cursor = cut.upperBound
        }
        if !inserted {
            output += bytes[cursor ..< point]
            output += insertion
            cursor = point
        }
        output += bytes[cursor...]
        return output
    }

    /// Our `rdf:Description`, indented to sit inside `rdf:RDF`.
    private static func block(
        for disclosure: Disclosure, keptDescriptionItems: [(language: String, text: String)], writeCreateDate: Bool,
        visibleLabel: VisibleLabelRecord?, watermark: WatermarkRecord? = nil
    ) -> String {
        let ns = XMP.Namespace.self
        var lines: [String] = []
        func element(_ name: String, _ value: String) { lines.append("   <\(name)>\(XMP.escape(value))</\(name)>") }
        element("Iptc4xmpExt:DigitalSourceType", disclosure.digitalSourceType.uri)
        element("Iptc4xmpExt:AISystemUsed", disclosure.aiSystem)
        if let version = disclosure.aiSystemVersion { element("Iptc4xmpExt:AISystemVersionUsed", version) }
        if let prompt = disclosure.prompt { element("Iptc4xmpExt:AIPromptInformation", prompt) }
        element("TC260:AIGC", AnnexE.innerJSON(for: disclosure))
        if let name = disclosure.producerDisplayName {
            lines.append(
                "   <dc:publisher>\n    <rdf:Bag>\n     <rdf:li>\(XMP.escape(name))</rdf:li>\n    </rdf:Bag>\n   </dc:publisher>"
            )
        }
        if writeCreateDate, let date = disclosure.createdAt { element("xmp:CreateDate", RFC3339.string(from: date)) }
        if let id = disclosure.contentID { element("xmpMM:InstanceID", "xmp.iid:" + id) }
        var items = keptDescriptionItems.filter { item in
            !disclosure.languages.contains { $0.rawValue == item.language }
        }
        if !items.contains(where: { $0.language == "x-default" }), let first = disclosure.languages.first {
            items.insert(("x-default", first.notice(for: disclosure.involvement)), at: 0)
        }
        items += disclosure.languages.map { ($0.rawValue, $0.notice(for: disclosure.involvement)) }
        lines.append("   <dc:description>\n    <rdf:Alt>")
        for item in items {
            let language = item.language.isEmpty ? "" : " xml:lang=\"\(XMP.escape(item.language))\""
            lines.append("     <rdf:li\(language)>\(XMP.escape(item.text))</rdf:li>")
        }
        lines.append("    </rdf:Alt>\n   </dc:description>")
        var visibleNamespace = ""
        if let label = visibleLabel {
            element("LabelerVisible:Corner", label.corner.rawValue)
            element("LabelerVisible:Region", "\(label.x),\(label.y),\(label.width),\(label.height)")
            lines.append("   <LabelerVisible:Languages>\n    <rdf:Seq>")
            for language in label.languages { lines.append("     <rdf:li>\(language.rawValue)</rdf:li>") }
            lines.append("    </rdf:Seq>\n   </LabelerVisible:Languages>")
            element("LabelerVisible:GlyphHeight", String(label.glyphHeight))
            element("LabelerVisible:Text", label.text)
            visibleNamespace = "\n    xmlns:LabelerVisible=\"\(ns.labelerVisible)\""
        }
        if let watermark {
            element("LabelerWatermark:Algorithm", WatermarkRecord.algorithm)
            element("LabelerWatermark:Payload", watermark.payloadHex)
            element("LabelerWatermark:PSNR", watermark.psnrText)
            visibleNamespace += "\n    xmlns:LabelerWatermark=\"\(ns.labelerWatermark)\""
        }
        let opening =
            "\n  <rdf:Description rdf:about=\"\" xmlns:rdf=\"\(ns.rdf)\"\n    xmlns:Iptc4xmpExt=\"\(ns.iptcExt)\"\n"
            + "    xmlns:TC260=\"\(ns.tc260)\"\n    xmlns:xmp=\"\(ns.xmp)\"\n    xmlns:xmpMM=\"\(ns.xmpMM)\"\n"
            + "    xmlns:dc=\"\(ns.dc)\"\(visibleNamespace)>\n"
        return opening + lines.joined(separator: "\n") + "\n  </rdf:Description>"
    }
}
