import CFuzzDriver
import LabelerC2PA

/// The fuzz target: the JUMBF reader on every input. Whatever it accepts must be a tree whose
/// boxes tile their parents in order and stay inside the input; a trap or a broken invariant is a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let root = try? JUMBF.Reader.parse(bytes) else { return 0 }
    guard root.range == 0 ..< bytes.count else { fatalError("jumbf: the root does not fill the input") }
    check(root)
    return 0
}

/// Children start where their predecessor ends, right after the description, and end with the parent.
func check(_ box: JUMBF.Superbox) {
    var cursor = box.description.range.upperBound
    guard box.description.range.lowerBound == box.payloadRange.lowerBound else {
        fatalError("jumbf: jumd is not first")
    }
    for child in box.children {
        let range: Range<Int>
        switch child {
        case .superbox(let inner):
            range = inner.range
            check(inner)
        case .content(let content):
            range = content.range
            guard content.payloadRange.lowerBound >= range.lowerBound,
                content.payloadRange.upperBound == range.upperBound
            else {
                fatalError("jumbf: content payload outside its box")
            }
        }
        guard range.lowerBound == cursor else { fatalError("jumbf: boxes do not tile their parent") }
        cursor = range.upperBound
    }
    guard cursor == box.range.upperBound else { fatalError("jumbf: children do not end with their parent") }
}

/// SwiftPM's entry point for this executable (`main` is linked to `<Module>_main`): run libFuzzer.
@_cdecl("FuzzJUMBF_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    labeler_fuzz_main(argc, argv)
}
