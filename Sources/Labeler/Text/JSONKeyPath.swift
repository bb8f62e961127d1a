/// A dotted path into a JSON document: object keys, and array indices as decimal numbers
/// (`choices.0.message.content`). Keys that contain a dot cannot be named.
public struct JSONKeyPath: Sendable, Hashable, CustomStringConvertible {
    public var components: [String]

    /// The default place of the disclosure object: the top-level member `ai_disclosure`.
    public static let defaultDisclosure = JSONKeyPath(components: ["ai_disclosure"])

    public init(components: [String]) { self.components = components }

    /// - Throws: ``LabelerError`` `.invalidRequest` for an empty path or an empty component.
    public init(parsing text: String) throws {
        let components = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !text.isEmpty, !components.contains(where: \.isEmpty) else {
            throw LabelerError(
                .invalidRequest, "'\(text)' is not a key path like ai_disclosure or choices.0.message.content")
        }
        self.components = components
    }

    public var description: String { components.joined(separator: ".") }

    /// The value at this path under `root`, or `nil` when some step is missing.
    func resolve(in root: JSONScanner.Node) -> JSONScanner.Node? {
        var node = root
        for component in components {
            if let members = node.members, let member = members.last(where: { $0.key == component }) {
                node = member.value
            } else if let elements = node.elements, let index = Int(component), elements.indices.contains(index) {
                node = elements[index]
            } else {
                return nil
            }
        }
        return node
    }

    /// The path of the object holding the last component.
    var parent: JSONKeyPath { JSONKeyPath(components: Array(components.dropLast())) }
}
