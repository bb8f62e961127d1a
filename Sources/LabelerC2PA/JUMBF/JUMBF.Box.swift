extension JUMBF {
    /// A parsed `jumd` description box.
    public struct Description: Sendable, Hashable {
        public var contentType: ContentType
        public var toggles: UInt8
        public var label: String?
        public var id: UInt32?
        /// The SHA-256 the box may carry (toggle 0x08).
        public var signature: [UInt8]?
        /// The `c2sh` salt (toggle 0x10), when present.
        public var salt: [UInt8]?
        /// The whole `jumd` box in the input.
        public var range: Range<Int>
    }

    /// A content box: its type and where its payload is (the bytes stay in the input).
    public struct ContentBox: Sendable, Hashable {
        public var type: BoxType
        /// The whole box, header included.
        public var range: Range<Int>
        public var payloadRange: Range<Int>
    }

    /// A superbox: its description and its children, in order, with their byte ranges.
    public struct Superbox: Sendable, Hashable {
        public var description: Description
        public var children: [Child]
        /// The whole box, header included.
        public var range: Range<Int>
        /// Everything after the 8- or 16-byte header: what a C2PA hashed URI hashes (§1.4 of c2pa.md).
        public var payloadRange: Range<Int>

        public var label: String? { description.label }

        /// The child superboxes.
        public var superboxes: [Superbox] {
            children.compactMap {
                if case .superbox(let box) = $0 { return box }
                return nil
            }
        }

        /// The content boxes directly inside.
        public var contentBoxes: [ContentBox] {
            children.compactMap {
                if case .content(let box) = $0 { return box }
                return nil
            }
        }

        /// The first child superbox labelled `label`.
        public func child(_ label: String) -> Superbox? { superboxes.first { $0.label == label } }
    }

    public indirect enum Child: Sendable, Hashable {
        case superbox(Superbox)
        case content(ContentBox)
    }
}
