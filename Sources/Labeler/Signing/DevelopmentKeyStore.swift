public import LabelerC2PA

/// The per-user development key that `stamp --sign` uses when no `--cert`/`--key` is given:
/// `$XDG_CONFIG_HOME/labelctl/dev/` (else `~/.config/labelctl/dev/`) holding `key.pem` (0600),
/// `chain.pem` and `root.pem`, made by ``DevelopmentCredentials`` the first time.
///
/// The folder is built under a temporary name and renamed into place, so two processes signing at
/// once never see half a key: the loser of the rename uses the winner's.
public enum DevelopmentKeyStore {
    /// Where the development key lives.
    public static var folder: FilePath {
        let home = System.environment("HOME").map { FilePath($0) } ?? FilePath("/tmp")
        let config = System.environment("XDG_CONFIG_HOME").map { FilePath($0) } ?? home.appending(".config")
        return config.appending("labelctl/dev")
    }

    /// The PEM of the development root, if the key was ever made: what `verify` trusts by
    /// default (a user's own outputs read trusted on their machine, nobody else's do).
    public static func rootPEM() -> String? {
        let path = folder.appending("root.pem")
        guard (try? System.stat(path)) != nil else { return nil }
        return try? ReportFile.readText(path)
    }

    /// The development signer, created on first use (`created` tells whether this call made it).
    /// - Throws: ``LabelerError`` when the folder cannot be written or read.
    public static func signer() throws -> (signer: LocalSigner, created: Bool) {
        let folder = Self.folder
        var created = false
        if try System.stat(folder.appending("key.pem")) == nil {
            let credentials: DevelopmentCredentials
            do {
                credentials = try DevelopmentCredentials.generate(algorithm: .es256, subject: "labelctl")
            } catch {
                throw LabelerError(.io, "cannot make a development key: \(error)", path: folder.description)
            }
            let parent = folder.split.directory
            try BatchPipeline.makeFolder(parent, mode: 0o700)
            let staging = parent.appending(".dev-" + Disclosure.randomUUID())
            try System.mkdir(staging, mode: 0o700)
            try ReportFile.writeNew(staging.appending("key.pem"), credentials.keyPEM, mode: 0o600)
            try ReportFile.writeNew(staging.appending("chain.pem"), credentials.chainPEM, mode: 0o644)
            try ReportFile.writeNew(staging.appending("root.pem"), credentials.rootPEM, mode: 0o644)
            do {
                try System.rename(staging, folder)
                created = true
            } catch {
                // Another process made it first: use theirs.
                for name in ["key.pem", "chain.pem", "root.pem"] { System.unlink(staging.appending(name)) }
                System.removeFolder(staging)
            }
        }
        do {
            let signer = try LocalSigner(
                keyPEM: try ReportFile.readText(folder.appending("key.pem")),
                chainPEM: try ReportFile.readText(folder.appending("chain.pem")))
            return (signer, created)
        } catch let error as LabelerError {
            throw error
        } catch {
            throw LabelerError(
                .invalidRequest, "the development key is unusable (\(error)); remove the folder to make a new one",
                path: folder.description)
        }
    }
}
