import Foundation
import Testing
@testable import Labeler

@Suite struct LabelerConfigTests {
    @Test("TOML subset: strings, escapes, literal strings, integers, booleans, arrays, comments, CRLF")
    func toml() throws {
        let text =
            "# owner defaults\r\nprofile = \"all\" # every regime\r\nproducer = 'Exa \"Co\"'\r\n"
            + "generator = \"Gen\\u00e9 \\\"x\\\"\"\r\nlang = [ \"kk\", \"ru\" , 'zh' ]\r\nn = 1_000\r\nflag = false\r\n"
        let entries = try TOMLSubset.parse(Array(text.utf8))
        #expect(entries.map(\.key) == ["profile", "producer", "generator", "lang", "n", "flag"])
        #expect(entries[1].value == .string("Exa \"Co\""))
        #expect(entries[2].value == .string("Gené \"x\""))
        #expect(entries[3].value == .array([.string("kk"), .string("ru"), .string("zh")]))
        #expect(entries[4].value == .integer(1000))
        #expect(entries[5].value == .boolean(false))
        #expect(entries.map(\.line) == [2, 3, 4, 5, 6, 7])
    }

    @Test(
        "TOML subset: what it does not read is an error with its line and byte offset",
        arguments: [
            ("a = \"open\n", 1, "unterminated"), ("[stamp]\n", 1, "tables"), ("a = 1\na = 2\n", 2, "duplicate"),
            ("a.b = 1\n", 1, "dotted"), ("a = \"\"\"x\"\"\"\n", 1, "multi-line"), ("a = [1,\n2]\n", 1, "close"),
            ("a = 1 b\n", 1, "unexpected"), ("a = \"\\q\"\n", 1, "escape"), ("a = 1979-05-27\n", 1, "unexpected"),
            ("\n\na\n", 3, "'='"), ("a = \r\n", 1, "value"),
        ])
    func tomlErrors(text: String, line: Int, reason: String) {
        #expect {
            try TOMLSubset.parse(Array(text.utf8))
        } throws: { error in
            guard let error = error as? TOMLSubset.ParseError else { return false }
            return error.line == line && error.reason.contains(reason) && error.offset <= text.utf8.count
        }
    }

    @Test("config: TOML and JSON give the same settings; paths resolve against the file's folder")
    func config() throws {
        let toml = """
            profile = "kz,cn"
            generator = "Gen"
            lang = ["kk", "ru"]
            key = "keys/key.pem"
            cert = "/abs/chain.pem"
            tsa = "http://127.0.0.1:1/"
            """
        let fromTOML = try LabelerConfig(parsing: Array(toml.utf8), path: "/etc/owner/labelctl.toml", json: false)
        let json =
            #"{"profile": "kz,cn", "generator": "Gen", "lang": ["kk", "ru"], "key": "keys/key.pem", "#
            + #""cert": "/abs/chain.pem", "tsa": "http://127.0.0.1:1/"}"#
        let fromJSON = try LabelerConfig(parsing: Array(json.utf8), path: "/etc/owner/labelctl.json", json: true)
        for config in [fromTOML, fromJSON] {
            #expect(config.profile?.regimes == [.kz, .cn])
            #expect(config.generator == "Gen" && config.languages == "kk,ru")
            #expect(config.key == "/etc/owner/keys/key.pem" && config.cert == "/abs/chain.pem")
            #expect(config.tsa == "http://127.0.0.1:1/")
        }
    }

    @Test("config: an unknown key, a wrong type or an unknown profile is refused, naming where")
    func configErrors() {
        for (text, words) in [
            ("profil = \"all\"\n", "unknown key 'profil'"), ("generator = 3\n", "takes a string"),
            ("profile = \"us\"\n", "unknown profile 'us'"), ("lang = [1]\n", "language codes"),
        ] {
            #expect {
                try LabelerConfig(parsing: Array(text.utf8), path: "labelctl.toml", json: false)
            } throws: { error in
                "\(error)".contains(words) && "\(error)".contains("line 1") && "\(error)".contains("labelctl.toml")
            }
        }
    }

    @Test("profiles: each regime turns on exactly its layers")
    func profiles() throws {
        let kz = try ComplianceProfile(parsing: "kz")
        #expect(kz.visibleLabel && !kz.signs && !kz.watermark && kz.languages == [.kk, .ru])
        let eu = try ComplianceProfile(parsing: "eu")
        #expect(!eu.visibleLabel && eu.signs && eu.timeStamps && eu.watermark && eu.languages == [.en])
        let cn = try ComplianceProfile(parsing: "CN")
        #expect(cn.visibleLabel && !cn.signs && cn.signsText && cn.languages == [.zh])
        let all = try ComplianceProfile(parsing: "all")
        #expect(all.regimes == [.kz, .eu, .cn] && all.languages == [.kk, .ru, .zh] && all.description == "all")
        #expect(try ComplianceProfile(parsing: "cn, kz").regimes == [.kz, .cn])
        #expect(throws: LabelerError.self) { try ComplianceProfile(parsing: "") }
    }
}
