import Foundation

extension Instrument {
    /// The text of `instrument.yaml` after adding `amendment` to `amendments:`, when
    /// given, setting `languages:`, and pointing each commitment of `clauses` (commitment id
    /// to clause) at its new clause; `original` is the file as it stands and `self` the
    /// instrument read from it.
    ///
    /// Only the lines that change are touched, so comments and layout elsewhere survive and
    /// `git diff` shows just the new entry. The edited text is read back; should it not give
    /// exactly the updated instrument (a layout this edit does not understand), the whole
    /// file is written afresh in the documented layout instead.
    public func editedYAML(_ original: String, file: String, adding amendment: Amendment?,
                           languages newLanguages: [String]? = nil, clauses: [String: String] = [:]) -> String {
        var expected = self
        if let amendment { expected.amendments.append(amendment) }
        if let newLanguages { expected.languages = newLanguages }
        expected.commitments = expected.commitments.map { commitment in
            guard let clause = clauses[commitment.id] else { return commitment }
            var moved = commitment
            moved.clause = clause == commitment.id ? nil : clause
            return moved
        }
        guard !original.contains("\r") else { return expected.yamlText() }
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let newLanguages {
            var map = YAMLMap()
            map.add("languages", .flow(newLanguages.map { .plain($0) }))
            let line = map.text().trimmingCharacters(in: .newlines)
            if let index = Self.topLevelLine("languages", in: lines) {
                if Self.inlineValue(lines[index]) != nil { lines[index] = line }
            } else if let index = Self.topLevelLine("status", in: lines) {
                lines.insert(line, at: index + 1)
            }
        }
        for (id, clause) in clauses.sorted(by: { $0.key < $1.key }) {
            Self.setClause(of: id, to: clause == id ? nil : clause, in: &lines)
        }
        if let amendment { Self.append(amendment, to: &lines) }
        let edited = lines.joined(separator: "\n")
        let reread = Instrument.parse(Data(edited.utf8), file: file)
        return reread.diagnostics.isEmpty && reread.value == expected ? edited : expected.yamlText()
    }

    /// Appends one entry to the `amendments:` block list, creating the list if needed.
    private static func append(_ amendment: Amendment, to lines: inout [String]) {
        var map = YAMLMap()
        map.add("amendments", .list([amendment.yaml]))
        let entry = map.text().split(separator: "\n").dropFirst().map { String($0.dropFirst(2)) }  // "- date: …"
        guard let index = topLevelLine("amendments", in: lines) else {
            let before = ["sources", "review-cycles", "commitments", "note"].compactMap { topLevelLine($0, in: lines) }.min()
            let at = before ?? (lines.last == "" ? lines.count - 1 : lines.count)
            lines.insert(contentsOf: ["amendments:"] + entry.map { "  " + $0 }, at: at)
            return
        }
        if let value = inlineValue(lines[index]) {
            guard ["[]", "null", "~"].contains(value) else { return }  // a flow list: left to the fallback
            lines[index] = "amendments:"
            lines.insert(contentsOf: entry.map { "  " + $0 }, at: index + 1)
            return
        }
        // The block's items start at the indent of its first item ("- " at column 0 is allowed).
        let first = lines[(index + 1)...].firstIndex { !isBlankOrComment($0) }
        let indent = first.map { String(lines[$0].prefix { $0 == " " }) } ?? "  "
        var end = index + 1
        for position in (index + 1)..<lines.count where !isBlankOrComment(lines[position]) {
            let line = lines[position]
            let leading = line.prefix { $0 == " " }.count
            guard indent.isEmpty ? line.hasPrefix("-") || leading > 0 : leading >= indent.count else { break }
            end = position + 1
        }
        lines.insert(contentsOf: entry.map { indent + $0 }, at: end)
    }

    /// Sets (or, with nil, removes) `clause:` in the register entry `- id: "<id>"`; an
    /// entry written another way is left to the fallback.
    private static func setClause(of id: String, to clause: String?, in lines: inout [String]) {
        guard let register = topLevelLine("commitments", in: lines) else { return }
        let forms = ["- id: \"\(id)\"", "- id: \(id)", "- id: '\(id)'"]
        guard let start = lines[(register + 1)...].firstIndex(where: { line in
            forms.contains(line.trimmingCharacters(in: .whitespaces))
        }) else { return }
        let dash = lines[start].prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: dash + 2)
        var end = start + 1
        while end < lines.count, isBlankOrComment(lines[end]) || lines[end].prefix(while: { $0 == " " }).count > dash {
            end += 1
        }
        let existing = lines[(start + 1)..<end].firstIndex { $0.hasPrefix(indent + "clause:") }
        switch (existing, clause) {
        case (let line?, let clause?): lines[line] = "\(indent)clause: \"\(clause)\""
        case (let line?, nil): lines.remove(at: line)
        case (nil, let clause?): lines.insert("\(indent)clause: \"\(clause)\"", at: start + 1)
        case (nil, nil): break
        }
    }

    /// The index of the line `key:` at the top level of the document.
    private static func topLevelLine(_ key: String, in lines: [String]) -> Int? {
        lines.firstIndex { $0 == "\(key):" || $0.hasPrefix("\(key): ") || $0.hasPrefix("\(key):\t") }
    }

    /// The value written after `key:` on the same line, without a comment; nil when none.
    private static func inlineValue(_ line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        var value = line[line.index(after: colon)...]
        if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}
