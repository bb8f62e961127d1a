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
}
