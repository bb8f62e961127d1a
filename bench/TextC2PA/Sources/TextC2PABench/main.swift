import Foundation
import LabelerC2PA

// text-c2pa-bench sign IN OUT KEY.pem CHAIN.pem   sign every IN/*.txt into OUT/ (an existing wrapper becomes the parent),
//                                                 a ManifestBuilder per text (TextManifestSigner.sign), one thread
// text-c2pa-bench sign-template IN OUT KEY CHAIN [WORKERS] [REPEATS]
//                                                 the same through one TextManifestTemplate for the run:
//                                                 WORKERS 1 (default) signs on this thread, more through
//                                                 TextManifestTemplate.sign(_:workers:) (concurrentPerform)
// text-c2pa-bench extract DIR [REPEATS]           TextManifestWrapper.find on every DIR/*.txt
// text-c2pa-bench verify DIR [REPEATS]            TextManifestValidator().validate on every DIR/*.txt
// text-c2pa-bench statuses DIR                   the state and failure statuses of every DIR/*.txt
// Files are read before the clock starts; prints {"op", "count", "seconds", "per_second", "ok"}
// with the best of REPEATS (default 5) runs.

func texts(in folder: String) throws -> [(String, [UInt8])] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted().map {
        ($0, Array(try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent($0))))
    }
}

func report(_ op: String, _ count: Int, _ seconds: Double, ok: Int) {
    let perSecond = Double(count) / seconds
    print(
        "{\"op\": \"\(op)\", \"count\": \(count), \"seconds\": \(String(format: "%.6f", seconds)), "
            + "\"per_second\": \(String(format: "%.1f", perSecond)), \"ok\": \(ok)}")
}

func best(_ repeats: Int, _ body: () throws -> Int) rethrows -> (Double, Int) {
    var fastest = Double.infinity
    var ok = 0
    for _ in 0 ..< max(repeats, 1) {
        let start = DispatchTime.now().uptimeNanoseconds
        ok = try body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (fastest, ok)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: text-c2pa-bench sign|extract|verify DIR …\n".utf8))
    exit(64)
}
let repeats = arguments.count > 3 && !arguments[1].hasPrefix("sign") ? Int(arguments[3]) ?? 5 : 5
do {
    let inputs = try texts(in: arguments[2])
    switch arguments[1] {
    case "sign", "sign-template":
        guard arguments.count >= 6 else { throw ManifestError("\(arguments[1]) IN OUT KEY CHAIN") }
        let signer = try LocalSigner(
            keyPEM: String(contentsOfFile: arguments[4], encoding: .utf8),
            chainPEM: String(contentsOfFile: arguments[5], encoding: .utf8))
        func content() -> ManifestBuilder.Content {
            .init(
                digitalSourceType: "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                softwareAgent: "bench", softwareAgentVersion: "1", instanceID: "xmp.iid:" + RandomUUID.make())
        }
        var outputs: [[UInt8]] = []
        let seconds: Double
        let ok: Int
        if arguments[1] == "sign" {
            (seconds, ok) = try best(1) {
                outputs = try inputs.map { _, text in
                    let builder = ManifestBuilder(content: content(), signer: signer, manifestID: RandomUUID.make())
                    return try TextManifestSigner.sign(text, builder: builder)
                }
                return outputs.count
            }
        } else {
            let workers = arguments.count > 6 ? Int(arguments[6]) ?? 1 : 1
            let signRepeats = arguments.count > 7 ? Int(arguments[7]) ?? 1 : 1
            let texts = inputs.map(\.1)
            (seconds, ok) = try best(signRepeats) {
                // The template is part of the timing: it is made once per run.
                let template = try TextManifestTemplate(
                    builder: ManifestBuilder(content: content(), signer: signer, manifestID: RandomUUID.make()))
                if workers == 1 {
                    outputs = try texts.map { try template.sign($0) }
                } else {
                    outputs = try template.sign(texts, workers: workers).map { try $0.get() }
                }
                return outputs.count
            }
        }
        try FileManager.default.createDirectory(atPath: arguments[3], withIntermediateDirectories: true)
        for ((name, _), output) in zip(inputs, outputs) {
            try Data(output).write(to: URL(fileURLWithPath: arguments[3]).appendingPathComponent(name))
        }
        report(arguments[1], inputs.count, seconds, ok: ok)
    case "extract":
        let (seconds, ok) = best(repeats) {
            inputs.reduce(0) { $0 + ((try? TextManifestWrapper.find(in: $1.1)) != nil ? 1 : 0) }
        }
        report("extract", inputs.count, seconds, ok: ok)
    case "verify":
        let validator = TextManifestValidator()
        let (seconds, ok) = best(repeats) {
            inputs.reduce(0) { $0 + (validator.validate($1.1).state == .valid ? 1 : 0) }
        }
        report("verify", inputs.count, seconds, ok: ok)
    case "statuses":
        for (name, text) in inputs {
            let result = TextManifestValidator().validate(text)
            print("\(name): \(result.state?.rawValue ?? "no manifest")")
            for status in result.statuses where status.kind == .failure { print("  \(status)") }
        }
    default:
        throw ManifestError("unknown operation '\(arguments[1])'")
    }
} catch {
    FileHandle.standardError.write(Data("text-c2pa-bench: \(error)\n".utf8))
    exit(1)
}
