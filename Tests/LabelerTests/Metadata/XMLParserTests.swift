import Testing
@testable import Labeler

@Suite struct XMLParserTests {
    func parse(_ text: String) throws(XMP.Error) -> XML.Element { try XML.Parser.parse(Array(text.utf8)) }

    @Test("resolves namespace prefixes on elements and attributes")
    func namespaces() throws {
        let root = try parse(#"<a:r xmlns:a="urn:a" xmlns:b="urn:b"><b:c b:k="v &amp; &#x41;">t&lt;</b:c></a:r>"#)
        #expect(root.namespace == "urn:a" && root.localName == "r")
        let child = try #require(root.children.first)
        #expect(child.namespace == "urn:b" && child.text == "t<")
        #expect(child.attribute("urn:b", "k")?.value == "v & A")
    }

    @Test("refuses DOCTYPE, so no external or expanding entities are ever read")
    func refusesDTD() {
        let laughs = #"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>"#
        #expect(throws: XMP.Error.doctypeNotAllowed(offset: 21)) { try parse(laughs) }
        let external = #"<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>"#
        #expect(throws: XMP.Error.self) { try parse(external) }
    }

    @Test("refuses unknown entities, bad nesting, unquoted attributes and undeclared prefixes")
    func malformed() {
        #expect(throws: XMP.Error.unknownEntity(offset: 3, name: "ent")) { try parse("<a>&ent;</a>") }
        #expect(throws: XMP.Error.self) { try parse("<a><b></a></b>") }
        #expect(throws: XMP.Error.self) { try parse("<a k=v/>") }
        #expect(throws: XMP.Error.self) { try parse("<p:a/>") }
        #expect(throws: XMP.Error.self) { try parse("<a>") }
        #expect(throws: XMP.Error.self) { try parse("<a/><b/>") }
    }

    @Test("limits nesting depth")
    func depth() {
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(throws: XMP.Error.nestingTooDeep(offset: 3 * XML.maxDepth, limit: XML.maxDepth)) { try parse(deep) }
        let fine = String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20)
        #expect(throws: Never.self) { try parse(fine) }
    }

    @Test("never crashes on any prefix of a packet")
    func truncated() {
        let packet = Array(XMPPacketWriter.packet(for: Disclosure.sample.resolved()))
        for cut in stride(from: 0, to: packet.count - 20, by: 7) {
            #expect(throws: XMP.Error.self) { try XML.Parser.parse(Array(packet.prefix(cut))) }
        }
    }

    /// `<a a0="v" a1="v" …/>` with `count` attributes, and the offset of the last attribute's name.
    func element(attributes count: Int) -> (bytes: [UInt8], lastNameOffset: Int) {
        let head = "<a" + (0 ..< count - 1).map { " a\($0)=\"v\"" }.joined()
        return (Array((head + " a\(count - 1)=\"v\"/>").utf8), head.utf8.count + 1)
    }

    @Test("accepts exactly maxAttributesPerElement attributes and refuses one more, naming its offset")
    func attributeCap() throws {
        let limit = XML.maxAttributesPerElement
        let atLimit = try XML.Parser.parse(element(attributes: limit).bytes)
        #expect(atLimit.attributes.count == limit)
        #expect(atLimit.attributes.last?.qualifiedName == "a\(limit - 1)")
        let over = element(attributes: limit + 1)
        #expect(throws: XMP.Error.tooManyAttributes(offset: over.lastNameOffset, limit: limit)) {
            try XML.Parser.parse(over.bytes)
        }
    }

    /// Duplicate detection used to scan every earlier attribute (80,000 attributes took 9.7 s); it is
    /// a set lookup now. Wall-clock time is not asserted (debug builds, parallel tests); this checks
    /// that ~300,000 attributes spread over elements at the cap all arrive, in order.
    @Test("parses ~300,000 attributes spread over elements at the per-element cap")
    func manyAttributes() throws {
        let limit = XML.maxAttributesPerElement
        let attributes = (0 ..< limit).map { " a\($0)=\"v\"" }.joined()
        let elements = 300_000 / limit + 1
        let text = "<r>" + String(repeating: "<e\(attributes)/>", count: elements) + "</r>"
        let root = try parse(text)
        #expect(root.children.count == elements)
        #expect(root.children.reduce(0) { $0 + $1.attributes.count } == elements * limit)
        #expect(root.children.last?.attributes.last?.qualifiedName == "a\(limit - 1)")
    }

    @Test("refuses a duplicate attribute at the offset of its second name")
    func duplicateAttribute() {
        #expect(throws: XMP.Error.malformedXML(offset: 14, reason: "duplicate attribute 'k'")) {
            try parse(#"<a k="1" j="" k="2"/>"#)
        }
        let many = (0 ..< 1000).map { " a\($0)=\"v\"" }.joined()
        #expect(throws: XMP.Error.self) { try parse("<a\(many) a999=\"w\"/>") }
    }

    @Test("namespace bindings end with the element that declares them")
    func bindingScope() throws {
        let root = try parse(
            #"<r xmlns:p="urn:1" xmlns="urn:d"><p:a xmlns:p="urn:2" xmlns=""><c/></p:a><p:b/><c/></r>"#)
        #expect(root.children.map { $0.namespace } == ["urn:2", "urn:1", "urn:d"])
        #expect(root.children.first?.children.first?.namespace == "")
        #expect(throws: XMP.Error.malformedXML(offset: 23, reason: "undeclared namespace prefix 'q' on <q:b>")) {
            try parse(#"<r><a xmlns:q="urn:q"/><q:b/></r>"#)
        }
    }

    @Test("unterminated <?, <!-- and CDATA fail in one pass, however many there are")
    func unterminatedConstructs() {
        let count = 100_000
        #expect(throws: XMP.Error.malformedXML(offset: 0, reason: "unterminated construct")) {
            try parse(String(repeating: "<?", count: count))
        }
        #expect(throws: XMP.Error.malformedXML(offset: 3, reason: "unterminated construct")) {
            try parse("<r>" + String(repeating: "<!--", count: count))
        }
        #expect(throws: XMP.Error.malformedXML(offset: 3, reason: "unterminated construct")) {
            try parse("<r>" + String(repeating: "<![CDATA[", count: count))
        }
    }
}
