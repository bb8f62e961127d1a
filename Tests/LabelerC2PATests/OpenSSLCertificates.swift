import Foundation
import LabelerTestSupport

/// Leaf certificates made with `openssl` under one throw-away EC P-256 root, each breaking exactly
/// one rule of the C2PA signer profile (c2pa.md §5.2), plus a good one. Made once per test into a
/// temporary folder; the root is valid for 30 days, every leaf for 1 day.
struct OpenSSLCertificates {
    /// The extensions of the good leaf (the shape of the c2pa-rs test leaves).
    static let good = [
        "basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature",
        "extendedKeyUsage=emailProtection", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid",
    ]

    /// Variant name → (extension lines, key algorithm, extra `openssl x509` options). `nil`
    /// extensions: none at all (an X.509 v1 certificate).
    static let variants: [String: (extensions: [String]?, key: String, options: String)] = [
        "good": (good, "ec", ""),
        "good-nonRepudiation": (replacing("keyUsage", with: "keyUsage=critical,nonRepudiation"), "ec", ""),
        "good-rsa": (good, "rsa2048", ""),
        "version": (nil, "ec", ""),
        "signatureAlgorithm": (good, "ec", "-sha1"),
        "publicKey": (good, "rsa1024", ""),
        "basicConstraints": (replacing("basicConstraints", with: "basicConstraints=critical,CA:TRUE"), "ec", ""),
        "authorityKeyIdentifier": (replacing("authorityKeyIdentifier", with: "authorityKeyIdentifier=none"), "ec", ""),
        "keyUsage-missing": (replacing("keyUsage", with: nil), "ec", ""),
        "keyUsage-bits": (replacing("keyUsage", with: "keyUsage=critical,keyEncipherment"), "ec", ""),
        "extendedKeyUsage-missing": (replacing("extendedKeyUsage", with: nil), "ec", ""),
        "extendedKeyUsage-serverAuth": (replacing("extendedKeyUsage", with: "extendedKeyUsage=serverAuth"), "ec", ""),
        "extendedKeyUsage-any": (
            replacing("extendedKeyUsage", with: "extendedKeyUsage=emailProtection,anyExtendedKeyUsage"), "ec", ""
        ),
        "extendedKeyUsage-timeStamping": (
            replacing("extendedKeyUsage", with: "extendedKeyUsage=emailProtection,timeStamping"), "ec", ""
        ),
        "criticalExtension": (good + ["1.2.3.4=critical,ASN1:NULL"], "ec", ""),
    ]

    let folder: URL

    /// Makes the root and every variant in `folder` with one shell script.
    init(in folder: URL) throws {
        self.folder = folder
        var script = """
            set -e
            cd '\(folder.path)'
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout root.key -out root.pem \
              -subj '/O=Profile Test/CN=Root' -days 30 -addext basicConstraints=critical,CA:TRUE \
              -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
            openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.key
            openssl genrsa -out rsa2048.key 2048 2>/dev/null
            openssl genrsa -out rsa1024.key 1024 2>/dev/null

            """
        for (name, variant) in Self.variants.sorted(by: { $0.key < $1.key }) {
            script += "openssl req -new -key \(variant.key).key -subj '/O=Profile Test/CN=\(name)' -out \(name).csr\n"
            var extfile = ""
            if let extensions = variant.extensions {
                script += "printf '%s\\n' \(extensions.map { "'\($0)'" }.joined(separator: " ")) > \(name).cnf\n"
                extfile = "-extfile \(name).cnf"
            }
            script += """
                openssl x509 -req -in \(name).csr -CA root.pem -CAkey root.key -out \(name).pem -days 1 \
                  \(variant.options) \(extfile) 2>/dev/null

                """
        }
        try ProcessRunner.runChecked("/bin/sh", ["-c", script])
    }

    /// The PEM text of a variant's certificate (or of `root`).
    func pem(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(name).pem"), encoding: .utf8)
    }

    /// The PEM private key of a variant.
    func key(_ name: String) throws -> String {
        let file = Self.variants[name]?.key ?? "ec"
        return try String(contentsOf: folder.appendingPathComponent("\(file).key"), encoding: .utf8)
    }

    private static func replacing(_ prefix: String, with line: String?) -> [String] {
        good.compactMap { $0.hasPrefix(prefix + "=") ? line : $0 }
    }
}
