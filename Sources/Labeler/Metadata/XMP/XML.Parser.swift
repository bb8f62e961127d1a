extension XML {
    /// A recursive-descent parser over UTF-8 bytes that builds an ``XML/Element`` tree.
    ///
    /// UTF-16 and UTF-32 packets reach it already transcoded by ``XMP/TranscodedPacket``; offsets in
    /// its errors are UTF-8 offsets, which ``XMP/Document`` maps back to the packet as it arrived.
    ///
    /// Accepted: the XML declaration and processing instructions (skipped), comments, CDATA, the
    /// five predefined entities and `&#N;` / `&#xH;` references, namespaces (`xmlns`, `xmlns:p`).
    /// Refused with an error: DOCTYPE, any other entity, mismatched tags, attributes without quotes,
    /// `<` in attribute values, nesting deeper than ``XML/maxDepth``, more than
    /// ``XML/maxAttributesPerElement`` attributes on one element.
    ///
    /// Every step is linear in the input: attribute names are checked for duplicates with a set
    /// (XML 1.0 §3.1 WFC "Unique Att Spec"), and namespace bindings (Namespaces in XML 1.0 §6.1)
    /// live in one stack per prefix that elements push onto and pop from, instead of a dictionary
    /// copied into every element (which cost elements × bindings on hostile input).
    /// ``skip(past:)`` and ``starts(with:)`` compare at most the terminator's length per byte and
    /// never rescan: an unterminated `<?`, `<!--` or `<![CDATA[` fails after one pass.
    struct Parser {
        private let bytes: [UInt8]
        private var index = 0
        /// Prefix (`""` for the default namespace) → URIs bound by the open elements, innermost last.
        private var bindings: [String: [String]] = ["xml": ["http://www.w3.org/XML/1998/namespace"]]

        /// Parses `bytes` and returns the document element.
        static func parse(_ bytes: [UInt8]) throws(XMP.Error) -> Element {
            var parser = Parser(bytes: bytes)
            return try parser.parseDocument()
        }

        private init(bytes: [UInt8]) { self.bytes = bytes }

        private mutating func parseDocument() throws(XMP.Error) -> Element {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            try skipMisc()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { throw fail("no root element") }
            let root = try parseElement(depth: 0)
            try skipMisc()
            guard index == bytes.count else { throw fail("content after the root element") }
            return root
        }

        /// Skips whitespace, comments and processing instructions; refuses DOCTYPE.
        private mutating func skipMisc() throws(XMP.Error) {
            while true {
                skipWhitespace()
                if starts(with: "<?") {
                    try skip(past: "?>")
                } else if starts(with: "<!--") {
                    try skip(past: "-->")
                } else if starts(with: "<!") {
                    throw .doctypeNotAllowed(offset: index)
                } else {
                    return
                }
            }
        }

        private mutating func parseElement(depth: Int) throws(XMP.Error) -> Element {
            let start = index
            guard depth < XML.maxDepth else { throw .nestingTooDeep(offset: start, limit: XML.maxDepth) }
            index += 1  // '<'
            let name = try readName()
            var rawAttributes: [(name: String, value: String, range: Range<Int>)] = []
            var attributeNames: Set<String> = []
            var isEmpty = false
            while true {
                let whitespaceStart = index
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated start tag <\(name)>") }
                if bytes[index] == UInt8(ascii: ">") { index += 1; break }
                if starts(with: "/>") { index += 2; isEmpty = true; break }
                guard index > whitespaceStart else { throw fail("attributes must be separated by whitespace") }
                guard rawAttributes.count < XML.maxAttributesPerElement else {
                    throw .tooManyAttributes(offset: index, limit: XML.maxAttributesPerElement)
                }
                let nameStart = index
                let attributeName = try readName()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                    throw fail("attribute '\(attributeName)' has no value")
                }
                index += 1
                skipWhitespace()
                let value = try readQuotedValue()
                guard attributeNames.insert(attributeName).inserted else {
                    throw fail("duplicate attribute '\(attributeName)'", at: nameStart)
                }
                rawAttributes.append((attributeName, value, whitespaceStart ..< index))
            }
            var declared: [String] = []
            defer { for prefix in declared { bindings[prefix]?.removeLast() } }
            for attribute in rawAttributes {
                let prefix: String
                if attribute.name == "xmlns" {
                    prefix = ""
                } else if attribute.name.hasPrefix("xmlns:") {
                    prefix = String(attribute.name.dropFirst(6))
                } else {
                    continue
                }
                bindings[prefix, default: []].append(attribute.value)
                declared.append(prefix)
            }
            let (prefix, local) = Self.split(name)
            var elementNamespace = bindings[""]?.last
            if let prefix {
                guard let uri = bindings[prefix]?.last else {
                    throw fail("undeclared namespace prefix '\(prefix)' on <\(name)>", at: start)
                }
                elementNamespace = uri
            }
            var element = Element(
                qualifiedName: name, localName: local, namespace: elementNamespace,
                range: start ..< index, contentStart: index, contentEnd: index)
            element.attributes.reserveCapacity(rawAttributes.count)
            for attribute in rawAttributes {
                let (attributePrefix, attributeLocal) = Self.split(attribute.name)
                var attributeNamespace: String? = nil
                if let attributePrefix, attributePrefix != "xmlns" {
                    guard let uri = bindings[attributePrefix]?.last else {
                        throw fail(
                            "undeclared namespace prefix '\(attributePrefix)' on attribute",
                            at: attribute.range.lowerBound)
                    }
                    attributeNamespace = uri
                }
                if attribute.name == "xmlns" || attributePrefix == "xmlns" {
                    attributeNamespace = "http://www.w3.org/2000/xmlns/"
                }
                element.attributes.append(
                    Attribute(
                        qualifiedName: attribute.name, localName: attributeLocal, namespace: attributeNamespace,
                        value: attribute.value, range: attribute.range))
            }
            if isEmpty { return element }
            var text: [UInt8] = []
            while true {
                guard index < bytes.count else { throw fail("<\(name)> is never closed", at: start) }
                if bytes[index] != UInt8(ascii: "<") {
                    try readText(into: &text)
                } else if starts(with: "</") {
                    element.contentEnd = index
                    index += 2
                    let closing = try readName()
                    guard closing == name else { throw fail("</\(closing)> closes <\(name)>") }
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
                        throw fail("unterminated end tag")
                    }
                    index += 1
                    break
                } else if starts(with: "<!--") {
                    try skip(past: "-->")
                } else if starts(with: "<![CDATA[") {
                    let contentStart = index + 9
                    try skip(past: "]]>")
                    text += bytes[contentStart ..< index - 3]
                } else if starts(with: "<?") {
                    try skip(past: "?>")
                } else if starts(with: "<!") {
                    throw .doctypeNotAllowed(offset: index)
                } else {
                    element.children.append(try parseElement(depth: depth + 1))
                }
            }
            element.text = String(decoding: text, as: UTF8.self)
            element.range = start ..< index
            return element
        }

        // MARK: Lexing

        private static func split(_ name: String) -> (prefix: String?, local: String) {
            guard let colon = name.firstIndex(of: ":") else { return (nil, name) }
            return (String(name[..<colon]), String(name[name.index(after: colon)...]))
        }

        private mutating func readName() throws(XMP.Error) -> String {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
                    || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
                {
                    break
                }
                index += 1
            }
            guard index > start else { throw fail("a name was expected") }
            return String(decoding: bytes[start ..< index], as: UTF8.self)
        }

        private mutating func readQuotedValue() throws(XMP.Error) -> String {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw fail("attribute value must be quoted")
            }
            let quote = bytes[index]
            index += 1
            var value: [UInt8] = []
            while true {
                guard index < bytes.count else { throw fail("unterminated attribute value") }
                let byte = bytes[index]
                if byte == quote { index += 1; break }
                if byte == UInt8(ascii: "<") { throw fail("'<' in an attribute value") }
                if byte == UInt8(ascii: "&") { try readReference(into: &value) } else { value.append(byte); index += 1 }
            }
            return String(decoding: value, as: UTF8.self)
        }

        private mutating func readText(into text: inout [UInt8]) throws(XMP.Error) {
            while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
                if bytes[index] == UInt8(ascii: "&") {
                    try readReference(into: &text)
                } else {
                    text.append(bytes[index]); index += 1
                }
            }
        }

        /// Decodes `&name;` or `&#…;` at `index` into `output`.
        private mutating func readReference(into output: inout [UInt8]) throws(XMP.Error) {
            let start = index
            guard let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw fail("unterminated entity reference")
            }
            let name = String(decoding: bytes[index + 1 ..< semicolon], as: UTF8.self)
            index = semicolon + 1
            switch name {
            case "lt": output.append(UInt8(ascii: "<"))
            case "gt": output.append(UInt8(ascii: ">"))
            case "amp": output.append(UInt8(ascii: "&"))
            case "quot": output.append(UInt8(ascii: "\""))
            case "apos": output.append(UInt8(ascii: "'"))
            default:
                var code: UInt32?
                if name.hasPrefix("#x") {
                    code = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    code = UInt32(name.dropFirst(1), radix: 10)
                } else {
                    throw .unknownEntity(offset: start, name: name)
                }
                guard let code, let scalar = Unicode.Scalar(code) else {
                    throw fail("bad character reference &\(name);", at: start)
                }
                output += Array(String(Character(scalar)).utf8)
            }
        }

        private mutating func skipWhitespace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
            {
                index += 1
            }
        }

        private func starts(with literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            return literal.withUTF8Buffer { literalBytes in
                for offset in 0 ..< count where bytes[index + offset] != literalBytes[offset] { return false }
                return true
            }
        }

        private mutating func skip(past terminator: StaticString) throws(XMP.Error) {
            let start = index
            while index < bytes.count {
                if starts(with: terminator) { index += terminator.utf8CodeUnitCount; return }
                index += 1
            }
            throw fail("unterminated construct", at: start)
        }

        private func fail(_ reason: String, at offset: Int? = nil) -> XMP.Error {
            .malformedXML(offset: offset ?? index, reason: reason)
        }
    }
}
