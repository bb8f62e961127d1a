import ArgumentParser
import Labeler

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the chunk/segment map (offsets, lengths, types) and every metadata site.")

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Argument(help: "A PNG or JPEG file.")
    var path: String

    func run() throws {
        let inspection: Inspection
        do {
            inspection = try Labeler.inspect(file: StandardStreams.argumentPath(path))
        } catch let error as LabelerError {
            throw CommandSupport.fail(error)
        }
        if json {
            print(ReportRenderer.json(inspection))
            return
        }
        print("\(inspection.path): \(inspection.map.format), \(inspection.map.fileSize) bytes")
        print(
            "  " + ReportRenderer.pad("offset", 12) + ReportRenderer.pad("length", 10) + ReportRenderer.pad("type", 14)
                + "carries")
        for entry in inspection.map.entries {
            print(
                "  " + ReportRenderer.pad(String(entry.offset), 12) + ReportRenderer.pad(String(entry.length), 10)
                    + ReportRenderer.pad(entry.name, 14) + (entry.note ?? ""))
        }
        print(ReportRenderer.text(inspection.report))
    }
}
