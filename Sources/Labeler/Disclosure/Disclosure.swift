#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
internal import LabelerC2PA

/// The one disclosure record every carrier is written from (regulation.md §7.1).
///
/// | field | XMP | TC260 Annex E | EXIF |
/// |---|---|---|---|
/// | ``involvement`` | `Iptc4xmpExt:DigitalSourceType` | `Label` = "1" | – |
/// | ``aiSystem`` / ``aiSystemVersion`` | `Iptc4xmpExt:AISystemUsed` / `AISystemVersionUsed` | – | `Software` (if empty) |
/// | ``producerDisplayName`` | `dc:publisher` | – | – |
/// | ``producerCode``, else ``producerName`` encoded | – | `ContentProducer` | – |
/// | ``contentID`` | `xmpMM:InstanceID` | `ProduceID` | – |
/// | ``createdAt`` | `xmp:CreateDate` | – | – |
/// | ``prompt`` (off unless set) | `Iptc4xmpExt:AIPromptInformation` | – | – |
/// | ``languages`` | `dc:description` notices | – | `ImageDescription` (en, if empty) |
public struct Disclosure: Sendable, Hashable, Codable {
    /// How much of the content an AI system made.
    public enum Involvement: String, Sendable, Hashable, Codable, CaseIterable {
        /// Made by a generative model (IPTC `trainedAlgorithmicMedia`).
        case generated
        /// Human content edited or combined with generative AI (IPTC `compositeWithTrainedAlgorithmicMedia`).
        case edited
    }

    public var involvement: Involvement
    /// The AI engine or model name (IPTC 2025.1 "AI System Used").
    public var aiSystem: String
    /// Its version, if known (IPTC 2025.1 "AI System Version Used").
    public var aiSystemVersion: String?
    /// The generation-service provider's display name, in any script (GB 45438 §6.1 b "provider
    /// name or code"). Written to XMP as given; in `ContentProducer` only when there is no code,
    /// and then in the form ``ProducerName/annexESafe(_:)``.
    public var producerName: String?
    /// The provider's 27-character TC260 code; preferred over ``producerName`` in `ContentProducer`.
    public var producerCode: ProducerCode?
    /// The content ID (`ProduceID`, `xmpMM:InstanceID`). `nil`: a new UUID for every output.
    public var contentID: String?
    /// Creation time (UTC). `nil`: the time of stamping.
    public var createdAt: Date?
    /// The prompt; written only when set (privacy-sensitive, off by default; EU Code of Practice).
    public var prompt: String?
    /// Languages of the human-readable notice, first one is the default.
    public var languages: [NoticeLanguage]

    public init(
        involvement: Involvement = .generated, aiSystem: String, aiSystemVersion: String? = nil,
        producerName: String? = nil, producerCode: ProducerCode? = nil, contentID: String? = nil,
        createdAt: Date? = nil, prompt: String? = nil, languages: [NoticeLanguage] = [.en]
    ) {
        self.involvement = involvement
        self.aiSystem = aiSystem
        self.aiSystemVersion = aiSystemVersion
        self.producerName = producerName
        self.producerCode = producerCode
        self.contentID = contentID
        self.createdAt = createdAt
        self.prompt = prompt
        self.languages = languages
    }

    /// The IPTC digital source type this involvement maps to.
    public var digitalSourceType: DigitalSourceType {
        involvement == .generated ? .trainedAlgorithmicMedia : .compositeWithTrainedAlgorithmicMedia
    }

    /// The value written as TC260 `ContentProducer`: the code if given, else the name in its
    /// Annex-E-safe form (``ProducerName/annexESafe(_:)``, e.g. `Acme Corp` → `Acme%20Corp`).
    public var contentProducer: String { producerCode?.rawValue ?? producerName.map(ProducerName.annexESafe) ?? "" }

    /// The provider's name for XMP, trimmed; `nil` when there is none.
    ///
    /// Writers put it in `dc:publisher` (namespace `http://purl.org/dc/elements/1.1/`, an unordered
    /// `rdf:Bag` of names; ISO 16684-1 §8.4, Dublin Core "an entity responsible for making the
    /// resource available"): the generation-service provider of GB 45438 §6.1 b is the entity that
    /// made the content available. It is read by ExifTool (`XMP-dc:Publisher`), Exiv2
    /// (`Xmp.dc.publisher`) and Adobe apps, needs no namespace beyond the `dc` one our block already
    /// declares, and, unlike IPTC Credit Line (`photoshop:Credit`) or `dc:creator`, claims neither
    /// credit nor authorship over content a person may have made (``Involvement/edited``).
    public var producerDisplayName: String? {
        guard let producerName else { return nil }
        let name = ProducerName.trimmed(producerName)
        return name.isEmpty ? nil : name
    }

    /// One line saying the name was changed to fit `ContentProducer`; `nil` when a code is given or
    /// the name is written unchanged. Example:
    /// `producer "Acme Corp" written as TC260 ContentProducer "Acme%20Corp" (no --producer-code given)`.
    /// The line has no line breaks: ``validate()`` refuses names with control or line-separator characters.
    public var contentProducerNote: String? {
        guard producerCode == nil, let name = producerDisplayName else { return nil }
        let written = contentProducer
        guard written != name else { return nil }
        return "producer \"\(name)\" written as TC260 ContentProducer \"\(written)\" (no --producer-code given)"
    }

    /// Checks the record can be written to every carrier.
    /// - Throws: ``LabelerError`` with code ``LabelerError/Code/invalidRequest``.
    public func validate() throws {
        func invalid(_ message: String) -> LabelerError { LabelerError(.invalidRequest, message) }
        guard !aiSystem.trimmingXMLWhitespace().isEmpty else {
            throw invalid("the AI system (--generator) is required")
        }
        guard !contentProducer.isEmpty else {
            throw invalid("a producer is required: --producer-code (27-char TC260 code) or --producer NAME")
        }
        if let producerName, let bad = producerName.unicodeScalars.first(where: Self.isForbiddenInName) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            throw invalid(
                "the producer name contains the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)"
            )
        }
        if let contentID {
            guard !contentID.isEmpty, contentID.utf8.count <= 128, AnnexE.isValidValue(contentID) else {
                throw invalid(
                    "content ID '\(contentID)' must be 1-128 printable ASCII characters without space, '\"' or '\\'")
            }
        }
        guard !languages.isEmpty else { throw invalid("at least one notice language is required") }
        for text in [aiSystem, aiSystemVersion ?? "", producerName ?? "", prompt ?? ""]
        where text.unicodeScalars.contains(where: Self.isForbiddenInXML) {
            throw invalid("'\(text)' contains control characters that XML cannot carry")
        }
    }

    /// A copy with ``contentID`` and ``createdAt`` fixed for one output.
    public func resolved(
        now: Date = Date(), contentID generated: @autoclosure () -> String = Disclosure.randomUUID()
    ) -> Disclosure {
        var copy = self
        if copy.contentID == nil { copy.contentID = generated() }
        if copy.createdAt == nil { copy.createdAt = now }
        return copy
    }

    /// Characters refused in a producer name: Unicode controls (general category Cc: C0, DEL, C1,
    /// which includes TAB, LF, CR and NEL) and the line and paragraph separators (Zl, Zp), so the
    /// name stays one line in XMP and in ``contentProducerNote``.
    static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// A random (version 4, RFC 9562 §5.4) UUID in lower case, from the system generator
    /// (`getrandom`): Foundation's `UUID()` opened and read `/dev/urandom` for every output.
    public static func randomUUID() -> String { RandomUUID.make() }

    /// XML 1.0 §2.2 Char excludes C0 controls other than TAB, LF, CR.
    static func isForbiddenInXML(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }
}

/// IPTC NewsCodes Digital Source Type (scheme of 2024-10-23; regulation.md §4.2).
public struct DigitalSourceType: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The term, the last path segment of the URI (`trainedAlgorithmicMedia`).
    public let term: String

    public init(term: String) { self.term = term }

    /// Accepts `http://` or `https://cv.iptc.org/newscodes/digitalsourcetype/<term>` (or a bare term).
    public init(uri: String) {
        let trimmed = uri.trimmingXMLWhitespace()
        term = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    public static let trainedAlgorithmicMedia = DigitalSourceType(term: "trainedAlgorithmicMedia")
    public static let compositeWithTrainedAlgorithmicMedia = DigitalSourceType(
        term: "compositeWithTrainedAlgorithmicMedia")
    public static let compositeSynthetic = DigitalSourceType(term: "compositeSynthetic")

    /// The scheme URI form we write (the scheme's own URIs are http).
    public var uri: String { "http://cv.iptc.org/newscodes/digitalsourcetype/" + term }

    /// Terms that declare generative-AI involvement (read as AI by Google and Meta).
    public var isAI: Bool {
        ["trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "compositeSynthetic"].contains(term)
    }

    public var description: String { term }
}
