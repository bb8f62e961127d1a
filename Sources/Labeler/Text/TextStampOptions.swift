public import LabelerC2PA

/// How ``TextStamper`` writes the disclosure into text (regulation.md §6, §7.5).
public struct TextStampOptions: Sendable {
    /// Gets the final text of the string at a key path (the notice already in it) and returns what
    /// to write there instead: the seam for an invisible layer carried inside a JSON string (a C2PA
    /// 2.x A.8 text manifest appended to the content). Throwing fails the file.
    public typealias StringFinalizer = @Sendable (_ path: JSONKeyPath, _ text: String) throws -> String

    /// Where the visible notice goes.
    public var position: NoticePosition
    /// The format to assume; `nil`: by extension, else by content (``TextFormatDetection``).
    public var format: TextFormat?
    /// The notice sentences (languages come from ``Disclosure/languages``).
    public var wording: TextNoticeWording
    /// Whether to write the visible notice into plain text and Markdown at all.
    public var writeNotice: Bool
    /// JSON and JSON Lines: where the disclosure object goes.
    public var jsonKeyPath: JSONKeyPath
    /// JSON and JSON Lines: a string that gets the visible notice (`choices.0.message.content`).
    public var noticeIn: JSONKeyPath?
    /// JSON and JSON Lines: called with the final text of the ``noticeIn`` string.
    public var finalizeString: StringFinalizer?
    /// Sign: append a C2PA 2.x A.8 text manifest (inside the disclosure object for JSON).
    public var signer: (any Signer)?
    /// With ``signer``: an RFC 3161 time-stamp of each signature.
    public var timeStampAuthority: (any TimeStampAuthority)?

    public init(
        position: NoticePosition = .start, format: TextFormat? = nil, wording: TextNoticeWording? = nil,
        writeNotice: Bool = true, jsonKeyPath: JSONKeyPath = .defaultDisclosure, noticeIn: JSONKeyPath? = nil,
        finalizeString: StringFinalizer? = nil
    ) {
        self.position = position
        self.format = format
        self.wording = wording ?? Self.defaultWording
        self.writeNotice = writeNotice
        self.jsonKeyPath = jsonKeyPath
        self.noticeIn = noticeIn
        self.finalizeString = finalizeString
    }

    /// The regulation.md §7.2 sentences.
    static let defaultWording = TextNoticeWording(unchecked: [:])

    /// The notice lines for `disclosure`, one per language, in its order.
    func notices(for disclosure: Disclosure) -> [String] {
        disclosure.languages.map { wording.line(for: $0, disclosure.involvement) }
    }
}
