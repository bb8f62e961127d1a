#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The one disclosure record every carrier is written from (regulation.md §7.1).
///
/// | field | XMP | TC260 Annex E | EXIF |
/// |---|---|---|---|
/// | ``involvement`` | `Iptc4xmpExt:DigitalSourceType` | `Label` = "1" | – |
/// | ``aiSystem`` / ``aiSystemVersion`` | `Iptc4xmpExt:AISystemUsed` / `AISystemVersionUsed` | – | `Software` (if empty) |
/// | ``producerCode`` or ``producerName`` | – | `ContentProducer` | – |
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
    /// The generation-service provider's display name.
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

    /// The value written as TC260 `ContentProducer`: the code if given, else the name.
    public var contentProducer: String { producerCode?.rawValue ?? producerName ?? "" }

    /// Checks the record can be written to every carrier.
    /// - Throws: ``LabelerError`` with code ``LabelerError/Code/invalidRequest``.
    public func validate() throws {
        func invalid(_ message: String) -> LabelerError { LabelerError(.invalidRequest, message) }
        guard !aiSystem.trimmingXMLWhitespace().isEmpty else { throw invalid("the AI system (--generator) is required") }
        guard !contentProducer.isEmpty else {
            throw invalid("a producer is required: --producer-code (27-char TC260 code) or --producer NAME")
        }
        guard AnnexE.isValidValue(contentProducer) else {
            throw invalid(
                "producer '\(contentProducer)' cannot be a TC260 ContentProducer (GB 45438 Annex E allows printable ASCII "
                    + "without space, '\"' or '\\'); pass --producer-code")
        }
        if let contentID {
            guard !contentID.isEmpty, contentID.utf8.count <= 128, AnnexE.isValidValue(contentID) else {
                throw invalid("content ID '\(contentID)' must be 1-128 printable ASCII characters without space, '\"' or '\\'")
            }
        }
        guard !languages.isEmpty else { throw invalid("at least one notice language is required") }
        for text in [aiSystem, aiSystemVersion ?? "", producerName ?? "", prompt ?? ""] where text.unicodeScalars.contains(where: Self.isForbiddenInXML) {
            throw invalid("'\(text)' contains control characters that XML cannot carry")
        }
    }

    /// A copy with ``contentID`` and ``createdAt`` fixed for one output.
    public func resolved(now: Date = Date(), contentID generated: @autoclosure () -> String = UUID().uuidString.lowercased()) -> Disclosure {
        var copy = self
        if copy.contentID == nil { copy.contentID = generated() }
        if copy.createdAt == nil { copy.createdAt = now }
        return copy
    }

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
    public static let compositeWithTrainedAlgorithmicMedia = DigitalSourceType(term: "compositeWithTrainedAlgorithmicMedia")
    public static let compositeSynthetic = DigitalSourceType(term: "compositeSynthetic")

    /// The scheme URI form we write (the scheme's own URIs are http).
    public var uri: String { "http://cv.iptc.org/newscodes/digitalsourcetype/" + term }

    /// Terms that declare generative-AI involvement (read as AI by Google and Meta).
    public var isAI: Bool {
        ["trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "compositeSynthetic"].contains(term)
    }

    public var description: String { term }
}
