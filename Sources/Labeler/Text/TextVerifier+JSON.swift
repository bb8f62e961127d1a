extension TextVerifier {
    /// Reads the disclosure object (and the notice it points to) in each JSON document or record.
    /// - Throws: ``LabelerError`` `.corrupt` when a record is not JSON.
    func readJSON(
        _ bytes: [UInt8], _ records: [(range: Range<Int>, name: String)], into findings: inout Findings
    ) throws {
        var missing: [String] = []
        var carrying = 0
        for record in records {
            let root: JSONScanner.Node
            do {
                root = try JSONScanner.parse(bytes[record.range])
            } catch let error as LabelerError {
                throw LabelerError(.corrupt, record.name + error.message, offset: error.offset)
            }
            guard let node = jsonKeyPath.resolve(in: root) else {
                missing.append(record.name.isEmpty ? "the document" : String(record.name.dropLast(2)))
                continue
            }
            carrying += 1
            readDisclosure(bytes, root: root, node: node, record: record.name, into: &findings)
        }
        var layer = findings.json
        guard carrying > 0 else { return }
        if !missing.isEmpty {
            layer.status = .invalid
            let listed = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            layer.problems.append(
                Finding(
                    .jsonDisclosurePartial,
                    "\(missing.count) of \(records.count) records have no \(jsonKeyPath) (\(listed))"))
        }
        if records.count > 1 { layer.fields["Records"] = "\(carrying)/\(records.count)" }
        if layer.locations.count > 10 {
            layer.locations = Array(layer.locations.prefix(10)) + ["and \(layer.locations.count - 10) more"]
        }
        findings.json = layer
    }

    /// One disclosure object: its fields, whether it declares AI, its `AIGC` label, its notice.
    private func readDisclosure(
        _ bytes: [UInt8], root: JSONScanner.Node, node: JSONScanner.Node, record: String, into findings: inout Findings
    ) {
        let location = "\(record)\(jsonKeyPath)"
        var layer = findings.json
        defer { findings.json = layer }
        layer.locations.append(location)
        guard let members = node.members else {
            layer.status = .invalid
            layer.problems.append(Finding(.jsonDisclosureInvalid, "is \(node.typeName), not an object", at: location))
            return
        }
        func string(_ key: String) -> String? {
            guard let member = members.last(where: { $0.key == key }), case .string = member.value.kind else {
                return nil
            }
            return JSONScanner.decodeString(bytes[member.value.range])
        }
        let fields = [
            ("DigitalSourceType", "digital_source_type"), ("AISystemUsed", "ai_system"),
            ("AISystemVersionUsed", "ai_system_version"), ("Producer", "producer"), ("ContentID", "content_id"),
            ("CreatedAt", "created_at"),
        ]
        for (name, key) in fields where layer.fields[name] == nil {
            if let value = string(key) { layer.fields[name] = value }
        }
        if layer.status != .invalid { layer.status = .present }
        if let source = string("digital_source_type") {
            let type = DigitalSourceType(uri: source)
            layer.declaresAI = (layer.declaresAI ?? false) || type.isAI
            if !type.isAI {
                layer.warnings.append(
                    Finding(
                        .iptcNotAI, "digital_source_type '\(type.term)' does not declare generative AI", at: location))
            }
        } else {
            layer.status = .invalid
            layer.problems.append(Finding(.jsonDisclosureInvalid, "has no digital_source_type string", at: location))
        }
        if let aigc = members.last(where: { $0.key == "AIGC" }) {
            let text = String(decoding: bytes[aigc.value.range], as: UTF8.self)
            findings.labels.append((TC260Label(parsing: text), location + ".AIGC", []))
        }
        if let path = string("notice_in").flatMap({ try? JSONKeyPath(parsing: $0) }) {
            guard let target = path.resolve(in: root), case .string = target.kind else {
                findings.notice.warnings.append(
                    Finding(
                        .notChecked, "notice_in names \(path), which is not a string here",
                        at: record + path.description))
                return
            }
            let content = Array(JSONScanner.decodeString(bytes[target.range]).utf8)
            readNotice(
                content, lines: TextLine.split(content, 0 ..< content.count)[...], into: &findings.notice,
                location: "\(record)\(path) ")
        }
    }
}
