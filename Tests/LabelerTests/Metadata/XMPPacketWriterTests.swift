import Testing
@testable import Labeler

@Suite struct XMPPacketWriterTests {
    let disclosure = Disclosure.sample.resolved(contentID: "0190f1a2-7c3d-7a1b-9e55-3f2a1b4c5d6e")

    @Test("a fresh packet carries every field and parses back")
    func freshPacket() throws {
        let document = try XMP.Document(parsing: XMPPacketWriter.packet(for: disclosure))
        #expect(
            document.value(.digitalSourceType)
                == "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
        #expect(document.value(.aiSystemUsed) == "TestGen")
        #expect(document.value(.aiSystemVersionUsed) == "2.1")
        #expect(document.value(.aiPromptInformation) == nil)
        #expect(document.value(.instanceID) == "xmp.iid:0190f1a2-7c3d-7a1b-9e55-3f2a1b4c5d6e")
        let label = TC260Label(parsing: try #require(document.value(.aigc)))
        #expect(label.isValid && !label.isWrapped)
        #expect(label.fields.map(\.key) == AnnexE.keys)
        #expect(label.value("ContentProducer") == "001191110000EXAMPLE00X1AB01")
        #expect(label.value("ProduceID") == "0190f1a2-7c3d-7a1b-9e55-3f2a1b4c5d6e")
        let description = try #require(document.properties(.description).first)
        #expect(description.items.map(\.language) == ["x-default", "en", "zh"])
        #expect(description.items.last?.text == "本内容由人工智能生成")
    }

    @Test("merging keeps every other property byte for byte and replaces ours")
    func mergeKeepsOthers() throws {
        let existing = """
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:T="http://www.tc260.org.cn/ns/AIGC/1.0/" xmp:Rating="4" T:AIGC="{&quot;Label&quot;:&quot;3&quot;}">
            <dc:creator><rdf:Seq><rdf:li>Jane</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">A caption</rdf:li></rdf:Alt></dc:description>
            </rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>
            """
        let merged = XMPPacketWriter.packet(merging: try XMP.Document(parsing: Array(existing.utf8)), with: disclosure)
        let text = String(decoding: merged, as: UTF8.self)
        #expect(text.contains(#"<dc:creator><rdf:Seq><rdf:li>Jane</rdf:li></rdf:Seq></dc:creator>"#))
        #expect(text.contains(#"xmp:Rating="4""#))
        #expect(!text.contains("&quot;3&quot;"))
        let document = try XMP.Document(parsing: merged)
        #expect(document.properties(.aigc).count == 1)
        let items = try #require(document.properties(.description).first).items
        #expect(items.first?.language == "x-default" && items.first?.text == "A caption")
        #expect(items.contains { $0.language == "en" })
    }

    @Test("stamping twice yields one label and a stable packet size")
    func idempotent() throws {
        let once = XMPPacketWriter.packet(for: disclosure)
        let twice = XMPPacketWriter.packet(merging: try XMP.Document(parsing: once), with: disclosure)
        let thrice = XMPPacketWriter.packet(merging: try XMP.Document(parsing: twice), with: disclosure)
        #expect(twice == thrice)
        let document = try XMP.Document(parsing: thrice)
        #expect(document.properties(.aigc).count == 1)
        #expect(document.properties(.digitalSourceType).count == 1)
        #expect(document.descriptions.count == 1)
    }

    @Test("escapes XML in values and writes the prompt only when asked")
    func escaping() throws {
        var withPrompt = disclosure
        withPrompt.prompt = "a <cat> & \"dog\""
        withPrompt.aiSystem = "Gen & Co <v2>"
        let document = try XMP.Document(parsing: XMPPacketWriter.packet(for: withPrompt))
        #expect(document.value(.aiPromptInformation) == "a <cat> & \"dog\"")
        #expect(document.value(.aiSystemUsed) == "Gen & Co <v2>")
    }

    @Test("edited content keeps an existing CreateDate and says compositeWithTrainedAlgorithmicMedia")
    func edited() throws {
        var edited = disclosure
        edited.involvement = .edited
        let existing =
            #"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2020-01-01T00:00:00Z"/></rdf:RDF></x:xmpmeta>"#
        let document = try XMP.Document(
            parsing: XMPPacketWriter.packet(merging: try XMP.Document(parsing: Array(existing.utf8)), with: edited))
        #expect(document.properties(.createDate).map(\.value) == ["2020-01-01T00:00:00Z"])
        #expect(
            DigitalSourceType(uri: try #require(document.value(.digitalSourceType)))
                == .compositeWithTrainedAlgorithmicMedia)
    }

    @Test("a Description holding only our properties goes, one that also holds others stays")
    func descriptionsCutPerDescription() throws {
        let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        let existing = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="\(rdf)">
             <rdf:Description xmlns:T="http://www.tc260.org.cn/ns/AIGC/1.0/" T:AIGC="old"/>
             <rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:T="http://www.tc260.org.cn/ns/AIGC/1.0/" xmp:Rating="2"><T:AIGC>old</T:AIGC></rdf:Description>
             <rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"><Iptc4xmpExt:AISystemUsed>Old</Iptc4xmpExt:AISystemUsed></rdf:Description>
             <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Kept</dc:title></rdf:Description>
            </rdf:RDF></x:xmpmeta>
            """
        let document = try XMP.Document(
            parsing: XMPPacketWriter.packet(merging: try XMP.Document(parsing: Array(existing.utf8)), with: disclosure))
        #expect(document.descriptions.count == 3)
        #expect(document.properties(.aigc).count == 1 && document.value(.aigc) != "old")
        #expect(document.properties(.aiSystemUsed).map(\.value) == ["TestGen"])
        #expect(document.value(XMP.PropertyName(namespace: XMP.Namespace.xmp, localName: "Rating")) == "2")
        #expect(document.value(XMP.PropertyName(namespace: XMP.Namespace.dc, localName: "title")) == "Kept")
    }
}

@Suite struct SelfClosingRDFTests {
    @Test(
        "merging into a self-closing <rdf:RDF/> opens it: our block lands inside, the packet parses, one label",
        arguments: [
            #"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>"#,
            #"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" />"#,
        ])
    func selfClosing(packet: String) throws {
        let existing = try XMP.Document(parsing: Array(packet.utf8))
        let merged = XMPPacketWriter.packet(merging: existing, with: Disclosure.sample.resolved())
        let document = try XMP.Document(parsing: merged)
        #expect(document.properties(.aigc).count == 1)
        #expect(document.properties(.digitalSourceType).count == 1)
        // And again: still one.
        let twice = try XMP.Document(
            parsing: XMPPacketWriter.packet(merging: document, with: Disclosure.sample.resolved()))
        #expect(twice.properties(.aigc).count == 1)
    }
}
