/// Namespace for XMP (ISO 16684-1) packets and the properties Labeler writes.
public enum XMP {
    /// Largest packet we parse or write (XMP packets in the wild are KBs; this bounds memory per file).
    static let maxPacketBytes = 4 << 20

    /// Namespace URIs (ISO 16684-1 §8; IPTC Photo Metadata 2025.1; TC260 practice guides).
    enum Namespace {
        static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        static let x = "adobe:ns:meta/"
        static let xml = "http://www.w3.org/XML/1998/namespace"
        static let xmlns = "http://www.w3.org/2000/xmlns/"
        static let dc = "http://purl.org/dc/elements/1.1/"
        static let xmp = "http://ns.adobe.com/xap/1.0/"
        static let xmpMM = "http://ns.adobe.com/xap/1.0/mm/"
        static let iptcExt = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
        static let tc260 = "http://www.tc260.org.cn/ns/AIGC/1.0/"
        /// Labeler's own namespace for the visible label (prefix `LabelerVisible`): where it was
        /// drawn and in which languages. IPTC has no property for a drawn disclosure, and
        /// `Iptc4xmpExt:ImageRegion` describes depicted content, not an overlay.
        static let labelerVisible = "http://ns.labeler.dev/visible-label/1.0/"
        /// Labeler's namespace for the invisible watermark (prefix `LabelerWatermark`): algorithm,
        /// payload (16 hex digits) and PSNR; `verify` confirms it against the pixels.
        static let labelerWatermark = "http://ns.labeler.dev/watermark/1.0/"
    }

    /// A property name: namespace URI + local name (prefixes are only spelling).
    struct PropertyName: Hashable, Sendable {
        var namespace: String
        var localName: String

        static let digitalSourceType = PropertyName(namespace: Namespace.iptcExt, localName: "DigitalSourceType")
        static let aiSystemUsed = PropertyName(namespace: Namespace.iptcExt, localName: "AISystemUsed")
        static let aiSystemVersionUsed = PropertyName(namespace: Namespace.iptcExt, localName: "AISystemVersionUsed")
        static let aiPromptInformation = PropertyName(namespace: Namespace.iptcExt, localName: "AIPromptInformation")
        static let aigc = PropertyName(namespace: Namespace.tc260, localName: "AIGC")
        static let createDate = PropertyName(namespace: Namespace.xmp, localName: "CreateDate")
        static let instanceID = PropertyName(namespace: Namespace.xmpMM, localName: "InstanceID")
        static let description = PropertyName(namespace: Namespace.dc, localName: "description")
        /// The service provider's name as people write it (Dublin Core `publisher`: "an entity
        /// responsible for making the resource available"; claims no authorship of edited content).
        static let publisher = PropertyName(namespace: Namespace.dc, localName: "publisher")
        /// The visible label: corner, plate region `x,y,w,h` (pixels of the picture as viewed),
        /// languages (`rdf:Seq` of codes), least glyph height (pixels) and the text as drawn.
        static let visibleCorner = PropertyName(namespace: Namespace.labelerVisible, localName: "Corner")
        static let visibleRegion = PropertyName(namespace: Namespace.labelerVisible, localName: "Region")
        static let visibleLanguages = PropertyName(namespace: Namespace.labelerVisible, localName: "Languages")
        static let visibleGlyphHeight = PropertyName(namespace: Namespace.labelerVisible, localName: "GlyphHeight")
        static let visibleText = PropertyName(namespace: Namespace.labelerVisible, localName: "Text")
        static let visibleLabel: [PropertyName] = [
            visibleCorner, visibleRegion, visibleLanguages, visibleGlyphHeight, visibleText,
        ]
        /// The invisible watermark: algorithm, payload (hex) and PSNR (dB).
        static let watermarkAlgorithm = PropertyName(namespace: Namespace.labelerWatermark, localName: "Algorithm")
        static let watermarkPayload = PropertyName(namespace: Namespace.labelerWatermark, localName: "Payload")
        static let watermarkPSNR = PropertyName(namespace: Namespace.labelerWatermark, localName: "PSNR")
        static let watermark: [PropertyName] = [watermarkAlgorithm, watermarkPayload, watermarkPSNR]
    }

    /// Escapes text for element content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
