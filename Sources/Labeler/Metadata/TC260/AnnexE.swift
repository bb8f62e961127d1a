/// GB 45438-2025 Annex E: the implicit (metadata) label.
///
/// ```
/// {"AIGC":{"Label":"1","ContentProducer":"…","ProduceID":"…","ReservedCode1":"…",
///          "ContentPropagator":"…","PropagateID":"…","ReservedCode2":"…"}}
/// ```
/// Where the carrier's key is itself `AIGC` (XMP `TC260:AIGC`, Markdown `AIGC:`), the TC260 practice
/// guides store the inner seven-field object; readers accept both (regulation.md §2.4).
public enum AnnexE {
    /// The seven keys, in the order Annex E lists them.
    public static let keys = [
        "Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2",
    ]
    /// Keys a generator must fill (Label, provider, content number: GB 45438 §6.1 a–c).
    public static let requiredKeys = ["Label", "ContentProducer", "ProduceID"]
    /// Label values: "1" AI-generated, "2" possibly, "3" suspected.
    public static let labelValues: Set<String> = ["1", "2", "3"]

    /// Annex E element charset: GB 18030 code points 0x21, 0x23–0x5B, 0x5D–0x7E (printable ASCII
    /// without space, `"` and `\`). The empty string is allowed for optional fields.
    public static func isValidValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 == 0x21 || (0x23 ... 0x5B).contains($0) || (0x5D ... 0x7E).contains($0) }
    }

    /// The Annex E charset applied to a value already decoded from JSON, where `\"` became `"`.
    static func isValidDecodedValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { (0x21 ... 0x5B).contains($0) || (0x5D ... 0x7E).contains($0) }
    }

    /// Text that looks like an Annex E label: a JSON object naming `AIGC` or `Label` (some
    /// generators put Annex E JSON in EXIF text tags; regulation.md §2.6). A cheap pre-check before
    /// ``TC260Label/init(parsing:)``; same behaviour as the older `Verifier.looksLikeAnnexE`.
    static func looksLikeLabel(_ value: String) -> Bool {
        let trimmed = value.trimmingXMLWhitespace()
        return trimmed.hasPrefix("{") && (trimmed.contains("\"AIGC\"") || trimmed.contains("\"Label\""))
    }

    /// The inner seven-field JSON object for `disclosure`, keys in Annex E order.
    ///
    /// Values are in the Annex E charset, so no JSON escaping is ever needed: `ContentProducer` is
    /// a code or ``ProducerName/annexESafe(_:)`` of the name, and ``Disclosure/validate()`` checks
    /// the content ID.
    static func innerJSON(for disclosure: Disclosure) -> String {
        let values = [
            "1", disclosure.contentProducer, disclosure.contentID ?? "", "", "", "", "",
        ]
        let members = zip(keys, values).map { "\"\($0)\":\"\($1)\"" }
        return "{" + members.joined(separator: ",") + "}"
    }
}
