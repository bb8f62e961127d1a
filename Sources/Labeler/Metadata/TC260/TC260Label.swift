/// A TC260 `AIGC` label read from a file, with the result of the Annex E checks.
public struct TC260Label: Sendable, Hashable, Codable {
    public struct Field: Sendable, Hashable, Codable {
        public var key: String
        public var value: String
    }

    /// Members of the seven-field object, in file order (string values only; others are problems).
    public var fields: [Field]
    /// True when the JSON had the outer `{"AIGC":{…}}` wrapper.
    public var isWrapped: Bool
    /// Violations of Annex E: any of these makes the label invalid.
    public var problems: [String]
    /// Deviations worth reporting that do not invalidate the label.
    public var warnings: [String]

    public func value(_ key: String) -> String? { fields.first { $0.key == key }?.value }
    public var isValid: Bool { problems.isEmpty }

    /// Parses and checks `text` (wrapped or bare). Never throws: a bad label is a finding.
    public init(parsing text: String) {
        fields = []
        isWrapped = false
        problems = []
        warnings = []
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch {
            problems.append("not valid JSON (character \(error.offset): \(error.reason))")
            return
        }
        guard case .object(var members) = json else { problems.append("not a JSON object"); return }
        if members.count == 1, members[0].key == "AIGC" {
            guard case .object(let inner) = members[0].value else {
                problems.append("\"AIGC\" is not an object"); return
            }
            isWrapped = true
            members = inner
        } else if members.contains(where: { $0.key == "AIGC" }) {
            problems.append("\"AIGC\" wrapper has sibling members")
        }
        var seen: Set<String> = []
        for member in members {
            if !seen.insert(member.key).inserted { problems.append("key \(member.key) appears twice") }
            guard case .string(let value) = member.value else {
                problems.append("\(member.key) is not a string")
                continue
            }
            fields.append(Field(key: member.key, value: value))
            if !AnnexE.keys.contains(member.key) { warnings.append("unknown key \(member.key)") }
            if !AnnexE.isValidDecodedValue(value) {
                problems.append(
                    "\(member.key) '\(value)' has characters outside the Annex E set (printable ASCII, no space or '\\')"
                )
            }
        }
        for key in AnnexE.requiredKeys where value(key).map({ !$0.isEmpty }) != true {
            problems.append("required \(key) is missing or empty")
        }
        if let label = value("Label"), !label.isEmpty, !AnnexE.labelValues.contains(label) {
            problems.append("Label '\(label)' is not \"1\", \"2\" or \"3\"")
        }
        for key in ["ContentProducer", "ContentPropagator"] {
            if let code = value(key), !code.isEmpty, ProducerCode.problem(with: code) != nil {
                warnings.append("\(key) '\(code)' is a name\(Self.decodedName(code)), not a 27-character TC260 code")
            }
        }
        if let id = value("ProduceID"), !id.isEmpty, id.allSatisfy({ $0 == "0" }) {
            warnings.append("ProduceID is all zeros, not a unique content number")
        }
    }

    /// ` ("Acme Corp", percent-encoded)` when `value` is a percent-encoded name
    /// (``ProducerName/annexESafe(_:)``) that decodes to something else, else "".
    private static func decodedName(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "%")), let name = ProducerName.decoded(value), name != value,
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return "" }
        return " (\"\(name)\", percent-encoded)"
    }
}
