/// A minimal, safe XML tree for XMP packets: elements, attributes and text with byte ranges.
///
/// Safety (XMP Part 1 §7.1 forbids DTDs in packets): no DOCTYPE, no external entities, no entity
/// expansion beyond the five predefined entities and character references, a depth limit and a size
/// limit. Ranges let the merger cut properties out of a packet without re-serialising the rest.
enum XML {
    /// Deepest element nesting accepted.
    static let maxDepth = 64

    /// Most attributes accepted on one element. Attribute-form XMP properties (ISO 16684-1 §7.9)
    /// put a few dozen on an `rdf:Description`; the cap bounds the per-element work and memory that a
    /// 4 MiB packet of nothing but attributes (about 350,000 of them) could otherwise demand.
    static let maxAttributesPerElement = 4096

    struct Attribute: Sendable {
        var qualifiedName: String
        var localName: String
        /// The namespace URI the prefix resolves to (`nil` for unprefixed attributes).
        var namespace: String?
        var value: String
        /// From the first byte of the name to the closing quote, plus the whitespace before the name.
        var range: Range<Int>
    }

    struct Element: Sendable {
        var qualifiedName: String
        var localName: String
        var namespace: String?
        var attributes: [Attribute] = []
        var children: [Element] = []
        /// Concatenated character data directly inside this element.
        var text: String = ""
        /// From `<` of the start tag to `>` of the end tag (or of the empty-element tag).
        var range: Range<Int>
        /// Offset just after the `>` of the start tag.
        var contentStart: Int
        /// Offset of the `<` of the end tag (equal to `range.upperBound` for an empty element).
        var contentEnd: Int

        func attribute(_ namespace: String, _ localName: String) -> Attribute? {
            attributes.first { $0.namespace == namespace && $0.localName == localName }
        }

        func children(_ namespace: String, _ localName: String) -> [Element] {
            children.filter { $0.namespace == namespace && $0.localName == localName }
        }

        /// Every descendant (depth first) satisfying `predicate`, not descending into matches.
        func descendants(where predicate: (Element) -> Bool) -> [Element] {
            var found: [Element] = []
            for child in children {
                if predicate(child) { found.append(child) } else { found += child.descendants(where: predicate) }
            }
            return found
        }
    }
}
