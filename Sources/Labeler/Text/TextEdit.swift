/// One change to a text: `range` of the original replaced by `bytes` (an empty range inserts, empty
/// bytes delete). Edits never overlap; ``plan(_:size:)`` turns them into the ``SplicePlan`` every
/// writer (single file, batch, `--sign`) already knows.
struct TextEdit: Sendable {
    var range: Range<Int>
    var bytes: [UInt8]
    var site: SplicePlan.Site

    /// The plan for `edits` over an input of `size` bytes. Edits at the same offset keep their
    /// order (front matter before notice).
    static func plan(_ edits: [TextEdit], size: Int) -> SplicePlan {
        let ordered = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }
        var plan = SplicePlan()
        var position = 0
        for (_, edit) in ordered {
            plan.keep(position ..< edit.range.lowerBound)
            plan.add(edit.bytes, site: edit.site, replacing: !edit.range.isEmpty)
            position = max(position, edit.range.upperBound)
        }
        plan.keep(position ..< size)
        return plan
    }
}

extension SplicePlan.Site {
    /// The visible text notice (GB 45438 §5.1, KZ Law on AI Art. 21 (2)).
    public static let textNotice = SplicePlan.Site(rawValue: "notice")
    /// The Markdown front matter `AIGC:` mapping (GB 45438 Annex E, TC260-PG-20258A).
    public static let frontMatter = SplicePlan.Site(rawValue: "front_matter")
    /// The disclosure member of a JSON object.
    public static let jsonDisclosure = SplicePlan.Site(rawValue: "json_disclosure")
}
