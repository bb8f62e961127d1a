import Foundation
import Testing
import LabelerTestSupport

@Suite struct StampVerifyCLITests {
    @Test("stamp -o mirrors the tree, verify exits 0, and the inputs are untouched")
    func roundTrip() throws {
        let input = try CLI.copySamples(["photos/coffee.png", "photos/astronaut.jpg", "edge/progressive.jpg"])
        try FileManager.default.createDirectory(
            at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.sampleMedia.appendingPathComponent("edge/palette.png"),
            to: input.appendingPathComponent("sub/palette.png"))
        try Data("hidden".utf8).write(to: input.appendingPathComponent(".hidden.png"))
        let before = try Data(contentsOf: input.appendingPathComponent("coffee.png"))
        let output = try CLI.temporaryDirectory().appendingPathComponent("out")
        let stamp = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["-o", output.path, input.path])
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("sub/palette.png").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".hidden.png").path))
        #expect(try Data(contentsOf: input.appendingPathComponent("coffee.png")) == before)
        let verify = try CLI.labelctl(["verify", output.path])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("labelled (png)"))
        let unlabelled = try CLI.labelctl(["verify", input.appendingPathComponent("coffee.png").path])
        #expect(unlabelled.status == 1)
        #expect(unlabelled.stdout.contains("does not mean a human made it"))
    }

    @Test("verify --json prints one object per input with path, format, verdict and layers")
    func json() throws {
        let folder = try CLI.copySamples(["edge/doubao-text-aigc.png", "photos/camera.png"])
        let result = try CLI.labelctl(["verify", "--json", folder.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["path"] is String && object["format"] as? String == "png")
            #expect(["labelled", "unlabelled"].contains(object["verdict"] as? String))
            #expect((object["layers"] as? [[String: Any]])?.count == 6)
        }
    }

    @Test("--in-place replaces files atomically and leaves no temporary files")
    func inPlace() throws {
        let folder = try CLI.copySamples(["photos/chelsea.png", "edge/exif-camera.jpg"])
        let result = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["--in-place", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["chelsea.png", "exif-camera.jpg"])
        #expect(try CLI.labelctl(["verify", "-q", folder.path]).status == 0)
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["stamp", "--generator", "G", "--producer", "P", "x.png"],
            ["stamp", "--generator", "G", "--producer", "P", "-o", "/tmp/x", "--in-place", "x.png"],
            ["stamp", "--generator", "G", "--producer-code", "BAD", "-o", "/tmp/x", "x.png"],
            ["stamp", "--generator", "G", "--producer", " ", "-o", "/tmp/x", "x.png"],
            ["stamp", "--generator", "G", "--producer", "P", "--lang", "fr", "-o", "/tmp/x", "x.png"],
            ["verify", "--shard", "3/2", "x.png"],
        ])
    func usage(arguments: [String]) throws {
        let result = try CLI.labelctl(arguments)
        #expect(result.status == 64, "\(result.stderr)")
    }

    @Test(
        "corrupt inputs exit 65 naming file and byte offset; nothing is written; inputs unchanged",
        arguments: [
            "truncated-mid-idat.png", "bad-crc.png", "huge-chunk-length.png", "truncated-mid-scan.jpg",
            "truncated-in-header.jpg", "segment-length-past-end.jpg", "empty.jpg", "not-an-image.png",
            "wrong-magic.jpg",
        ])
    func corrupt(name: String) throws {
        let folder = try CLI.copySamples(["malformed/" + name])
        let file = folder.appendingPathComponent(name)
        let before = try Data(contentsOf: file)
        let output = try CLI.temporaryDirectory()
        let stamp = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["-o", output.path, file.path])
        #expect(stamp.status == 65, "\(stamp.stderr)")
        #expect(stamp.stderr.contains(name) && stamp.stderr.contains("byte"), "\(stamp.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.path).filter {
                !$0.hasPrefix(".labelctl-journal")
            }.isEmpty)
        let inPlace = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["--in-place", file.path])
        #expect(inPlace.status == 65)
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
        let verify = try CLI.labelctl(["verify", file.path])
        #expect(verify.status == 65)
        let inspect = try CLI.labelctl(["inspect", file.path])
        #expect(inspect.status == 65 && inspect.stderr.contains("byte"))
    }

    @Test("two inputs that would mirror to the same output path are refused before anything is written")
    func collidingOutputs() throws {
        let first = try CLI.copySamples(["photos/coffee.png"])
        let second = try CLI.copySamples(["photos/coffee.png"])
        let output = try CLI.temporaryDirectory().appendingPathComponent("out")
        let result = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["-o", output.path, first.path, second.path])
        #expect(result.status == 64 && result.stderr.contains("coffee.png"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("coffee.png").path))
    }

    @Test("an unwritable output exits 74 and leaves the input intact")
    func unwritable() throws {
        let folder = try CLI.copySamples(["photos/coffee.png"])
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let result = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + [
                "-o", blocker.appendingPathComponent("out").path, folder.appendingPathComponent("coffee.png").path,
            ])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("not-a-folder"))
        let missing = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["-o", folder.path + "/o", folder.path + "/nope.png"])
        #expect(missing.status == 74 && missing.stderr.contains("nope.png"))
    }

    @Test("a C2PA-signed file is refused with exit 65 unless --force, or --sign (which keeps it as the parent)")
    func c2pa() throws {
        let fixture = TestFiles.c2paRS("C.jpg")
        let output = try CLI.temporaryDirectory()
        let refused = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["-o", output.path, fixture.path])
        #expect(refused.status == 65 && refused.stderr.contains("C2PA"))
        let forced = try CLI.labelctl(["stamp"] + CLI.stampFlags + ["--force", "-o", output.path, fixture.path])
        #expect(forced.status == 0)
        let signedFolder = try CLI.temporaryDirectory()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = signedFolder.path + "/config"
        let signed = try CLI.labelctl(
            ["stamp"] + CLI.stampFlags + ["--sign", "-o", signedFolder.path, fixture.path], environment: environment)
        #expect(signed.status == 0, "\(signed.stderr)")
        let verified = try CLI.labelctl(["verify", signedFolder.path + "/C.jpg"])
        #expect(verified.status == 0 && verified.stdout.contains("Parent=contentauth:urn:uuid:"))
    }

    @Test("inspect lists chunk offsets and lengths")
    func inspect() throws {
        let result = try CLI.labelctl(["inspect", CLI.sampleMedia.appendingPathComponent("edge/xmp-exiftool.png").path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("IHDR") && result.stdout.contains("XMP") && result.stdout.contains("IEND"))
        #expect(result.stdout.contains("8           25"))  // IHDR at offset 8, 25 bytes
    }

    @Test("--help documents the exit codes")
    func help() throws {
        let result = try CLI.labelctl(["verify", "--help"])
        #expect(result.stdout.contains("65") && result.stdout.contains("74") && result.stdout.contains("unlabelled"))
    }
}
