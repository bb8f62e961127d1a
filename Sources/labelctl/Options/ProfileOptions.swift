import ArgumentParser
import Foundation
import Labeler

/// `--profile` and `--config`: the regimes to meet and the owner's defaults (``LabelerConfig``).
/// Flags given on the command line win over the config file; the profile turns layers on that
/// flags did not decide.
struct ProfileOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            Meet these regimes' marking duties: kz (visible notice in Kazakh and Russian), eu (signed, \
            time-stamped C2PA + watermark; needs --tsa), cn (Annex E label + notice with AI生成), all; \
            comma-separated. Default: the config file's profile, else none.
            """)
    var profile: String?

    @Option(
        name: .long,
        help: "Config file (TOML or JSON; default: labelctl.toml or labelctl.json in the working folder).")
    var config: String?

    @Flag(name: .long, help: "Ignore labelctl.toml / labelctl.json in the working folder.")
    var noConfig = false

    func validate() throws {
        if let profile {
            do { _ = try ComplianceProfile(parsing: profile) } catch { throw ValidationError(error.message) }
        }
        if config != nil, noConfig { throw ValidationError("give --config FILE or --no-config, not both") }
    }

    /// The config file in effect, read before any input: `--config`, else one in the working folder.
    func loadConfig() throws -> LabelerConfig? {
        guard let path = config ?? (noConfig ? nil : LabelerConfig.find(in: ".")) else { return nil }
        do { return try LabelerConfig(contentsOf: path) } catch { throw CommandSupport.fail(error) }
    }

    /// `--profile`, else the config file's.
    func resolvedProfile(_ config: LabelerConfig?) throws -> ComplianceProfile? {
        guard let profile else { return config?.profile }
        do { return try ComplianceProfile(parsing: profile) } catch { throw ValidationError(error.message) }
    }
}

extension DisclosureOptions {
    /// These options with what the command line left open taken from `config`, and the notice
    /// languages from `profile` when neither says.
    func merged(with config: LabelerConfig?, profile: ComplianceProfile?) -> DisclosureOptions {
        var merged = self
        merged.generator = generator ?? config?.generator
        merged.generatorVersion = generatorVersion ?? config?.generatorVersion
        merged.producer = producer ?? config?.producer
        merged.producerCode = producerCode ?? config?.producerCode
        merged.lang = lang ?? config?.languages ?? profile?.languages.map(\.rawValue).joined(separator: ",")
        return merged
    }
}

extension SigningOptions {
    /// These options with signing turned on when `signs`, credentials and the TSA taken from
    /// `config` when the command line gave none; a profile that needs a time-stamp and has no
    /// authority is a usage error, before any file is read.
    func merged(
        with config: LabelerConfig?, signs: Bool, timeStamps: Bool, profile: ComplianceProfile?
    ) throws
        -> SigningOptions
    {
        var merged = self
        merged.sign = sign || signs
        if merged.sign, cert == nil, key == nil, signerCommand == nil {
            merged.cert = config?.cert
            merged.key = config?.key
        }
        if merged.sign, tsa == nil { merged.tsa = config?.tsa }
        if timeStamps, merged.tsa == nil {
            throw ValidationError(
                "--profile \(profile?.description ?? "eu") needs a time-stamp authority (EU Code of Practice 1.1.1): "
                    + "give --tsa URL, or tsa = \"URL\" in labelctl.toml")
        }
        try merged.check()
        return merged
    }
}
