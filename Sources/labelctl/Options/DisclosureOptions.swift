import ArgumentParser
import Labeler

/// The disclosure record, from flags.
struct DisclosureOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "AI system (engine or model) that made the content; IPTC AISystemUsed, EXIF Software (required here or in the config file)."
    )
    var generator: String?

    @Option(name: .long, help: "Version of the AI system; IPTC AISystemVersionUsed.")
    var generatorVersion: String?

    @Option(
        name: .long,
        help:
            "Provider name, any script; TC260 ContentProducer (percent-encoded to fit GB 45438 Annex E) when no --producer-code is given."
    )
    var producer: String?

    @Option(name: .long, help: "27-character TC260 provider code (00 + 11 + USCC + service extension).")
    var producerCode: String?

    @Option(
        name: .long,
        help: "Content ID (TC260 ProduceID, xmpMM:InstanceID); default: a new UUID per output. Single input only.")
    var contentID: String?

    @Flag(
        name: .long, help: "Human content edited with AI (compositeWithTrainedAlgorithmicMedia) rather than generated.")
    var edited = false

    @Option(
        name: .long,
        help:
            "Notice languages, comma-separated, from kk, ru, en, zh; the first is the default (default: the profile's, else en)."
    )
    var lang: String?

    @Option(
        name: .long, help: "Prompt to record in IPTC AIPromptInformation (off unless given: prompts can be private).")
    var prompt: String?

    /// The validated record. When the provider name had to be encoded for TC260 `ContentProducer`
    /// (GB 45438 Annex E charset), says so in one line on stderr unless `printingNote` is false.
    func disclosure(printingNote: Bool = true) throws -> Disclosure {
        guard let generator else {
            throw ValidationError("give --generator NAME (the AI system), or generator = \"NAME\" in labelctl.toml")
        }
        var languages: [NoticeLanguage] = []
        for code in (lang ?? "en").split(separator: ",") {
            guard let language = NoticeLanguage(rawValue: code.filter { $0 != " " }.lowercased()) else {
                throw ValidationError("unknown notice language '\(code)'; choose from kk, ru, en, zh")
            }
            if !languages.contains(language) { languages.append(language) }
        }
        let code: ProducerCode?
        do {
            code = try producerCode.map(ProducerCode.init(validating:))
        } catch let error as LabelerError {
            throw ValidationError(error.message)
        }
        let disclosure = Disclosure(
            involvement: edited ? .edited : .generated, aiSystem: generator, aiSystemVersion: generatorVersion,
            producerName: producer, producerCode: code, contentID: contentID, prompt: prompt, languages: languages)
        do {
            try disclosure.validate()
        } catch let error as LabelerError {
            throw ValidationError(error.message)
        }
        if printingNote, let note = disclosure.contentProducerNote { CommandSupport.printError("note: " + note) }
        return disclosure
    }
}

/// How inputs are found.
struct DiscoveryOptions: ParsableArguments {
    @Option(name: .long, help: "Concurrent workers (default: active cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Follow symbolic links while walking folders (loops are detected).")
    var followSymlinks = false

    @Option(name: .long, help: "Process only shard I of N (I/N, 1-based), split by a hash of each relative path.")
    var shard: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N, e.g. 2/8") }
    }

    var discovery: FileDiscovery { FileDiscovery(followSymlinks: followSymlinks, shard: shard.flatMap(Shard.init)) }
    var workerCount: Int { jobs ?? BatchPipeline.activeCores }
}
