import LabelerBytes

extension JUMBF {
    /// Builds JUMBF boxes byte-exact, as C2PA readers expect them: a `jumd` with toggles 0x03
    /// (0x13 with a `c2sh` salt), then the children in the order given.
    public enum Writer {
        /// A content box: `LBox` + `type` + `payload`.
        public static func contentBox(_ type: BoxType, _ payload: [UInt8]) throws -> [UInt8] {
            var writer = ByteWriter(capacity: payload.count + 8)
            try writer.writeUInt32LengthPrefixed(countingPrefix: true) { box in
                box.writeInteger(type.rawValue)
                box.writeBytes(payload)
            }
            return writer.bytes
        }

        /// A superbox labelled `label` of `contentType`, with an optional salt (at least 16 bytes,
        /// as c2pa-rs requires) and `children` (complete boxes).
        public static func superbox(
            _ contentType: ContentType, label: String, salt: [UInt8]? = nil, children: [[UInt8]]
        ) throws -> [UInt8] {
            var description = ByteWriter()
            description.writeBytes(contentType.uuid)
            description.writeInteger(salt == nil ? UInt8(0x03) : UInt8(0x13))
            description.writeBytes(Array(label.utf8) + [0])
            if let salt { description.writeBytes(try contentBox(.salt, salt)) }
            var writer = ByteWriter()
            try writer.writeUInt32LengthPrefixed(countingPrefix: true) { box in
                box.writeInteger(BoxType.superbox.rawValue)
                box.writeBytes(try contentBox(.description, description.bytes))
                for child in children { box.writeBytes(child) }
            }
            return writer.bytes
        }
    }
}
