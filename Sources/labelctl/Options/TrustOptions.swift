import ArgumentParser
import Labeler
import LabelerC2PA

/// Which C2PA signers to trust.
struct TrustOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            PEM bundle of root certificates to trust for C2PA signers (default: trust_anchors in the config \
            file, else your own development root, $XDG_CONFIG_HOME/labelctl/dev/root.pem, if stamp --sign \
            ever made it; else none, and an intact signature reads valid, untrusted).
            """
    )
    var trustAnchors: String?

    @Option(
        name: .long,
        help: "Config file for trust_anchors (default: labelctl.toml or labelctl.json in the working folder).")
    var config: String?

    @Flag(name: .long, help: "Ignore labelctl.toml / labelctl.json in the working folder.")
    var noConfig = false

    func validate() throws {
        if config != nil, noConfig { throw ValidationError("give --config FILE or --no-config, not both") }
    }

    /// The anchors, read before any file is checked: `--trust-anchors`, else the user's own
    /// development root when there is one (C2PA 2.x §14.4: a validator's trust list is its own).
    func anchors() throws -> TrustAnchors? {
        // --trust-anchors, else trust_anchors in --config or labelctl.toml / .json in the working folder.
        var configured: String?
        if trustAnchors == nil, let path = config ?? (noConfig ? nil : LabelerConfig.find(in: ".")) {
            do { configured = try LabelerConfig(contentsOf: path).trustAnchors } catch {
                throw CommandSupport.fail(error)
            }
        }
        guard let trustAnchors = trustAnchors ?? configured else {
            return DevelopmentKeyStore.rootPEM().flatMap { try? TrustAnchors(pem: $0) }
        }
        do {
            let anchors = try TrustAnchors(pem: try ReportFile.readText(StandardStreams.argumentPath(trustAnchors)))
            if !anchors.skipped.isEmpty {
                CommandSupport.printError(
                    "note: \(anchors.skipped.count) of the certificates in \(trustAnchors) cannot be read as certificates and were left out: \(anchors.skipped.joined(separator: "; "))"
                )
            }
            return anchors
        } catch let error as LabelerError {
            throw CommandSupport.fail(error)
        } catch {
            CommandSupport.printError("--trust-anchors \(trustAnchors): \(error)")
            throw RunStatus.usage.exitCode
        }
    }
}
