import SwiftASN1
import X509

extension X509Certificate {
    /// The subject as RFC 4514 text (`CN=…,O=…`), or its hex when it cannot be read as a Name.
    public var subjectDescription: String { Self.describe(name: subject) }

    /// The issuer as RFC 4514 text.
    public var issuerDescription: String { Self.describe(name: issuer) }

    static func describe(name der: [UInt8]) -> String {
        if let name = try? DistinguishedName(derEncoded: der) { return String(describing: name) }
        return der.map { String($0, radix: 16) }.joined()
    }
}
