extension XMP {
    /// A parsed XMP packet: the XML tree plus the simple view of its top-level properties.
    ///
    /// Properties are read from every `rdf:Description` under `rdf:RDF`, in both RDF spellings
    /// (ISO 16684-1 §7.9): element form `<ns:Prop>value</ns:Prop>` and attribute form
    /// `<rdf:Description ns:Prop="value">`. Prefixes are resolved to namespace URIs, so any prefix
    /// bound to the TC260 URI is found.
    ///
    /// UTF-16 and UTF-32 packets (ISO 16684-1 §7.3) are transcoded to UTF-8 first (see
    /// ``XMP/TranscodedPacket``): ``bytes`` and every range are UTF-8, so a merge writes UTF-8, while
    /// thrown errors name offsets in the packet as it arrived.
    struct Document: Sendable {
        struct Property: Sendable {
            var name: PropertyName
            /// Simple value, `rdf:resource`, or the x-default/first item of an array.
            var value: String
            /// `(xml:lang, text)` of `rdf:Alt`/`Bag`/`Seq` items (lang empty when absent).
            var items: [(language: String, text: String)]
            /// Bytes to cut to remove the property (element with leading whitespace, or attribute).
            var cutRange: Range<Int>
            /// Index into ``descriptions``.
            var descriptionIndex: Int
        }

        /// The packet as UTF-8 (transcoded when it arrived as UTF-16 or UTF-32).
        let bytes: [UInt8]
        /// The encoding form the packet arrived in.
        let encoding: PacketEncoding
        let rdf: XML.Element
        let descriptions: [XML.Element]
        let properties: [Property]

        /// Parses `original` as an XMP packet in any encoding form ISO 16684-1 §7.3 allows.
        /// - Throws: ``XMP/Error`` with offsets relative to the start of `original`, the packet as it arrived.
        init(parsing original: [UInt8]) throws(XMP.Error) {
            guard original.count <= XMP.maxPacketBytes else {
                throw .packetTooLarge(size: original.count, limit: XMP.maxPacketBytes)
            }
            // UTF-16 grows at most 3/2 in UTF-8 (U+0800…U+FFFF), UTF-32 shrinks: memory stays bounded.
            let packet = try TranscodedPacket(original)
            let bytes = packet.utf8
            let root: XML.Element
            do { root = try XML.Parser.parse(bytes) } catch { throw packet.mappingOffset(of: error) }
            let isRDF: (XML.Element) -> Bool = { $0.namespace == Namespace.rdf && $0.localName == "RDF" }
            guard let rdf = isRDF(root) ? root : root.descendants(where: isRDF).first else {
                throw .notXMP(offset: packet.originalOffset(of: root.range.lowerBound), reason: "no rdf:RDF element")
            }
            self.bytes = bytes
            self.encoding = packet.encoding
            self.rdf = rdf
            descriptions = rdf.children(Namespace.rdf, "Description")
            var properties: [Property] = []
            for (index, description) in descriptions.enumerated() {
                for attribute in description.attributes {
                    guard let namespace = attribute.namespace, namespace != Namespace.rdf, namespace != Namespace.xmlns,
                        namespace != Namespace.xml
                    else { continue }
                    properties.append(
                        Property(
                            name: PropertyName(namespace: namespace, localName: attribute.localName),
                            value: attribute.value,
                            items: [], cutRange: attribute.range, descriptionIndex: index))
                }
                for child in description.children {
                    guard let namespace = child.namespace else { continue }
                    let (value, items) = Self.value(of: child)
                    properties.append(
                        Property(
                            name: PropertyName(namespace: namespace, localName: child.localName), value: value,
                            items: items, cutRange: Self.cutRange(of: child, in: bytes), descriptionIndex: index))
                }
            }
            self.properties = properties
        }

        /// Every occurrence of `name`, in document order.
        func properties(_ name: PropertyName) -> [Property] { properties.filter { $0.name == name } }

        /// The first value of `name`.
        func value(_ name: PropertyName) -> String? { properties(name).first?.value }

        private static func value(of element: XML.Element) -> (value: String, items: [(language: String, text: String)])
        {
            if let resource = element.attribute(Namespace.rdf, "resource") { return (resource.value, []) }
            if let container = element.children.first(where: {
                $0.namespace == Namespace.rdf && ["Alt", "Bag", "Seq"].contains($0.localName)
            }) {
                let items = container.children(Namespace.rdf, "li").map {
                    (language: $0.attribute(Namespace.xml, "lang")?.value ?? "", text: $0.text)
                }
                let preferred = items.first { $0.language == "x-default" } ?? items.first
                return (preferred?.text ?? "", items)
            }
            return (element.text.trimmingXMLWhitespace(), [])
        }

        /// The element's range extended backwards over the whitespace that indents it.
        static func cutRange(of element: XML.Element, in bytes: [UInt8]) -> Range<Int> {
            var start = element.range.lowerBound
            while start > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start - 1]) { start -= 1 }
            return start ..< element.range.upperBound
        }
    }
}

extension String {
    /// Trims XML whitespace (space, tab, CR, LF) from both ends.
    func trimmingXMLWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(scalars[first ... last])
    }
}
