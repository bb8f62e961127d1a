import SwiftASN1

/// Reads the children of a constructed DER node in order, for the RFC 3161 / RFC 5652 structures
/// (`SEQUENCE { a, b, [0] c OPTIONAL, … }`) that swift-asn1 parses into nodes but swift-certificates
/// keeps internal. Every shape error is ``TimeStampError/malformed(_:)`` naming the structure.
struct DERFields {
    private var nodes: [ASN1Node]
    private var index = 0
    let structure: String

    /// The children of `node`, which must be constructed with `identifier`.
    init(_ node: ASN1Node, _ identifier: ASN1Identifier = .sequence, structure: String) throws(TimeStampError) {
        guard node.identifier == identifier, case .constructed(let children) = node.content else {
            throw .malformed("\(structure): expected \(identifier), found \(node.identifier)")
        }
        nodes = Array(children)
        self.structure = structure
    }

    /// The children of the DER `bytes`, which must be one whole constructed node.
    init(
        parsing bytes: ArraySlice<UInt8>, _ identifier: ASN1Identifier = .sequence, structure: String
    )
        throws(TimeStampError)
    {
        let root: ASN1Node
        do { root = try DER.parse(bytes) } catch { throw .malformed("\(structure): not DER (\(error))") }
        try self.init(root, identifier, structure: structure)
    }

    var isAtEnd: Bool { index >= nodes.count }

    /// The next child; it must exist and, if given, carry `identifier`.
    mutating func next(_ field: String, _ identifier: ASN1Identifier? = nil) throws(TimeStampError) -> ASN1Node {
        guard index < nodes.count else { throw .malformed("\(structure): \(field) is missing") }
        let node = nodes[index]
        if let identifier, node.identifier != identifier {
            throw .malformed("\(structure): \(field) is \(node.identifier), expected \(identifier)")
        }
        index += 1
        return node
    }

    /// The next child if it carries `identifier` (an OPTIONAL or DEFAULT field), else `nil`.
    mutating func optional(_ identifier: ASN1Identifier) -> ASN1Node? {
        guard index < nodes.count, nodes[index].identifier == identifier else { return nil }
        index += 1
        return nodes[index - 1]
    }

    /// Parses `node` as `T` (DER), as ``TimeStampError/malformed(_:)`` on failure.
    static func decode<T: DERParseable>(_ type: T.Type, _ node: ASN1Node, _ field: String) throws(TimeStampError) -> T {
        do { return try T(derEncoded: node) } catch { throw .malformed("\(field): \(error)") }
    }

    /// The content octets of a primitive node (an INTEGER's two's-complement bytes, an OCTET STRING).
    static func primitive(_ node: ASN1Node, _ field: String) throws(TimeStampError) -> [UInt8] {
        guard case .primitive(let bytes) = node.content else { throw .malformed("\(field) is not primitive") }
        return Array(bytes)
    }
}
