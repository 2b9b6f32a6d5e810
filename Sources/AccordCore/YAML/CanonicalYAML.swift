/// Reads the YAML layout accord writes (see `YAMLMap`) without a general YAML parser.
///
/// A cold read of a large tracker parses every record file, and a general parser spends most
/// of that time on what accord's own files never hold. This reader accepts only a strict
/// subset of block YAML, in which every document means the same as it does to a full
/// parser:
/// - block mappings whose keys are plain words (`[A-Za-z_][A-Za-z0-9_-]*`), each key once;
/// - block lists indented under their key, a mapping element's first field on the dash's line;
/// - values on one line: plain text that cannot be read as anything else, double-quoted
///   text with the escapes accord writes, or a bracketed list of such scalars.
///
/// Anything else — comments, blank lines, tabs, single quotes, block scalars, anchors,
/// tags, flow mappings, text continued on the next line, an unusual indent or escape, a
/// character YAML refuses — makes it answer nil, and the file goes to Yams, which reads it
/// or names the problem. It never reports a problem itself.
enum CanonicalYAML {
    /// The document's root node, or nil when the text is outside the subset.
    static func parse(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.document()
        }
    }
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The start of each line and the offset of its `\n` (or the end of the text).
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// The line being read.
    private var line = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func document() -> YAMLNode? {
        guard CanonicalYAML.allowedCharacters(bytes), splitLines() else { return nil }
        let indent = indentation(of: 0)
        guard indent == 0 else { return nil }
        let root: YAMLNode?
        if startsSequenceItem(line: 0, column: 0) {
            root = sequence(indent: 0)
        } else {
            root = mapping(column: 0)
        }
        // Anything left over (a line indented less than the root, say) is not ours to read.
        guard let root, line == starts.count else { return nil }
        return root
    }

    // MARK: Lines

    /// Finds the lines; false when there is none, or an empty or blank one (YAML reads those,
    /// but accord never writes them, and their meaning inside text is subtle).
    private mutating func splitLines() -> Bool {
        var start = 0
        let count = bytes.count
        starts.reserveCapacity(count / 24)
        ends.reserveCapacity(count / 24)
        while start < count {
            var end = start
            while end < count, bytes[end] != 0x0A { end += 1 }
            starts.append(start)
            ends.append(end)
            start = end + 1
        }
        guard !starts.isEmpty else { return false }
        for index in starts.indices {
            let indent = indentation(of: index)
            guard starts[index] + indent < ends[index] else { return false }
            // Comments, directives and document markers.
            let first = bytes[starts[index] + indent]
            if first == UInt8(ascii: "#") || (indent == 0 && (first == UInt8(ascii: "%") || hasMarker(index))) {
                return false
            }
        }
        return true
    }

    private func hasMarker(_ index: Int) -> Bool {
        let start = starts[index]
        guard ends[index] - start >= 3 else { return false }
        let marker = (bytes[start], bytes[start + 1], bytes[start + 2])
        return marker == (0x2D, 0x2D, 0x2D) || marker == (0x2E, 0x2E, 0x2E)
    }

    private func indentation(of index: Int) -> Int {
        var offset = starts[index]
        while offset < ends[index], bytes[offset] == 0x20 { offset += 1 }
        return offset - starts[index]
    }

    /// Whether `column` of `line` holds `- ` followed by content.
    private func startsSequenceItem(line: Int, column: Int) -> Bool {
        let at = starts[line] + column
        return at < ends[line] && bytes[at] == UInt8(ascii: "-")
            && (at + 1 == ends[line] || bytes[at + 1] == 0x20)
    }

    // MARK: Blocks

    /// A block mapping whose first key starts at `column` of the current line; its later
    /// keys are on lines of their own, indented by `column`.
    private mutating func mapping(column: Int) -> YAMLNode? {
        let first = line
        var pairs: [YAMLPair] = []
        // The keys seen, kept once a mapping is long enough for a linear search to cost more.
        var keys: Set<String> = []
        var position = column
        while true {
            guard let (key, afterColon) = key(at: starts[line] + position) else { return nil }
            // Each key once: a repeated key is an error Yams names.
            if pairs.count < 16 {
                guard !pairs.contains(where: { $0.key.scalarText == key }) else { return nil }
            } else {
                if keys.isEmpty { keys = Set(pairs.compactMap(\.key.scalarText)) }
                guard keys.insert(key).inserted else { return nil }
            }
            let keyNode = YAMLNode.scalar(key, plain: true, line: line + 1)
            let value: YAMLNode
            if afterColon == ends[line] {
                // The value is the indented block on the next lines.
                line += 1
                guard line < starts.count else { return nil }
                let indent = indentation(of: line)
                guard indent > column else { return nil }
                if startsSequenceItem(line: line, column: indent) {
                    guard let list = sequence(indent: indent) else { return nil }
                    value = list
                } else {
                    guard let map = mapping(column: indent) else { return nil }
                    value = map
                }
            } else {
                guard bytes[afterColon] == 0x20,
                      let scalar = inlineValue(from: afterColon + 1) else { return nil }
                value = scalar
                line += 1
            }
            pairs.append(YAMLPair(key: keyNode, value: value))
            guard line < starts.count else { break }
            let indent = indentation(of: line)
            if indent < column { break }
            // A deeper line here would continue the text above; a dash, start a list
            // YAML reads differently.
            guard indent == column, !startsSequenceItem(line: line, column: indent) else { return nil }
            position = column
        }
        return .mapping(pairs, line: first + 1)
    }

    /// A block list whose dashes are at `indent`.
    private mutating func sequence(indent: Int) -> YAMLNode? {
        let first = line
        var items: [YAMLNode] = []
        while true {
            let column = indent + 2
            let at = starts[line] + column
            // `-` alone, `-  x` or `- - x` are YAML accord does not write.
            guard at < ends[line], bytes[at] != 0x20, !startsSequenceItem(line: line, column: column) else {
                return nil
            }
            if key(at: at) != nil {
                guard let map = mapping(column: column) else { return nil }
                items.append(map)
            } else {
                guard let scalar = inlineValue(from: at) else { return nil }
                items.append(scalar)
                line += 1
            }
            guard line < starts.count else { break }
            let next = indentation(of: line)
            if next < indent { break }
            // Deeper than the dashes, or a key at their indent: not a layout accord writes.
            guard next == indent, startsSequenceItem(line: line, column: indent) else { return nil }
        }
        return .sequence(items, line: first + 1)
    }

    /// A plain-word key at `at` followed by `:` and a space or the line's end: the key and
    /// the offset after the colon.
    private func key(at start: Int) -> (String, Int)? {
        let end = ends[line]
        var offset = start
        guard offset < end, Self.isKeyStart(bytes[offset]) else { return nil }
        offset += 1
        while offset < end, Self.isKeyByte(bytes[offset]) { offset += 1 }
        guard offset < end, bytes[offset] == UInt8(ascii: ":") else { return nil }
        let afterColon = offset + 1
        guard afterColon == end || bytes[afterColon] == 0x20 else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self), afterColon)
    }

    // MARK: Scalars

    /// The value from `start` to the end of the current line.
    private func inlineValue(from start: Int) -> YAMLNode? {
        let end = ends[line]
        guard start < end else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            guard let (text, after) = quoted(from: start), after == end else { return nil }
            return .scalar(text, plain: false, line: line + 1)
        case UInt8(ascii: "["):
            return flowSequence(from: start)
        default:
            guard plainIsText(start, end, inFlow: false) else { return nil }
            return .scalar(string(start, end), plain: true, line: line + 1)
        }
    }

    /// `[a, "b"]` on one line, ending the line.
    private func flowSequence(from start: Int) -> YAMLNode? {
        CanonicalYAML.flowItems(bytes, from: start, end: ends[line]).map { items in
            .sequence(items.map { .scalar($0.text, plain: $0.plain, line: line + 1) }, line: line + 1)
        }
    }

    /// Whether `start..<end` is plain text that every YAML reader gives back unchanged.
    private func plainIsText(_ start: Int, _ end: Int, inFlow: Bool) -> Bool {
        CanonicalYAML.isPlainText(bytes, start, end, inFlow: inFlow)
    }

    /// A double-quoted scalar from `start` (its opening quote) to its closing quote on the
    /// same line: the text and the offset after the closing quote.
    private func quoted(from start: Int) -> (String, Int)? {
        CanonicalYAML.quoted(bytes, from: start, end: ends[line])
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    // MARK: Bytes

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

}

// MARK: Scalars and flow lists, shared with the reader of status reports

extension CanonicalYAML {
    /// Whether `start..<end` is plain text that every YAML reader gives back unchanged: the
    /// rule `YAMLOutput.scalar` writes by, checked on bytes.
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, inFlow: Bool) -> Bool {
        guard start < end, !indicators[Int(bytes[start])],
              bytes[end - 1] != 0x20, bytes[end - 1] != UInt8(ascii: ":") else { return false }
        var previous: UInt8 = 0
        for offset in start..<end {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "#") where previous == 0x20: return false
            case 0x20 where previous == UInt8(ascii: ":"): return false
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                 UInt8(ascii: "}"):
                if inFlow { return false }
            default: break
            }
            previous = byte
        }
        // Words YAML 1.1 reads as null are null to accord too, but only when plain; the
        // decoders see the plain flag, so these pass through as plain scalars.
        return true
    }

    /// The items of `[a, "b"]` from `start` (its opening bracket), the closing bracket at
    /// `end`: each item's text and whether it was written plain; nil for anything else.
    static func flowItems(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> [(text: String, plain: Bool)]? {
        var items: [(text: String, plain: Bool)] = []
        var offset = start + 1
        if offset < end, bytes[offset] == UInt8(ascii: "]") {
            return offset + 1 == end ? [] : nil
        }
        while true {
            guard offset < end else { return nil }
            let itemEnd: Int
            if bytes[offset] == UInt8(ascii: "\"") {
                guard let (text, after) = quoted(bytes, from: offset, end: end) else { return nil }
                items.append((text, false))
                itemEnd = after
            } else {
                var stop = offset
                while stop < end, bytes[stop] != UInt8(ascii: ","), bytes[stop] != UInt8(ascii: "]") { stop += 1 }
                guard isPlainText(bytes, offset, stop, inFlow: true) else { return nil }
                items.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<stop]), as: UTF8.self), true))
                itemEnd = stop
            }
            guard itemEnd < end else { return nil }
            if bytes[itemEnd] == UInt8(ascii: "]") {
                return itemEnd + 1 == end ? items : nil
            }
            // `, ` and the next item.
            guard bytes[itemEnd] == UInt8(ascii: ","), itemEnd + 1 < end, bytes[itemEnd + 1] == 0x20 else {
                return nil
            }
            offset = itemEnd + 2
        }
    }

    /// A double-quoted scalar from `start` (its opening quote) to its closing quote on the
    /// same line: the text and the offset after the closing quote.
    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (String, Int)? {
        // Most quoted text holds no escape: it is taken as it stands, up to the closing quote.
        var offset = start + 1
        while offset < end, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\") { offset += 1 }
        if offset < end, bytes[offset] == UInt8(ascii: "\"") {
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<offset]), as: UTF8.self), offset + 1)
        }
        var text = Array(bytes[(start + 1)..<offset])
        while offset < end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                return (String(decoding: text, as: UTF8.self), offset + 1)
            }
            guard byte == UInt8(ascii: "\\") else {
                text.append(byte)
                offset += 1
                continue
            }
            guard offset + 1 < end else { return nil }
            let escape = bytes[offset + 1]
            offset += 2
            switch escape {
            case UInt8(ascii: "\""): text.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): text.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "x"), UInt8(ascii: "u"):
                let width = escape == UInt8(ascii: "x") ? 2 : 4
                guard offset + width <= end, let value = hex(bytes, offset, width),
                      let scalar = Unicode.Scalar(value) else { return nil }
                text.append(contentsOf: Array(String(Character(scalar)).utf8))
                offset += width
            default:
                // Other escapes YAML knows, which accord does not write.
                return nil
            }
        }
        return nil
    }

    private static func hex(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ width: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in start..<(start + width) {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * 16 + digit
        }
        return value
    }

    /// The first characters that keep a plain scalar from being read as plain text: YAML's
    /// indicators, the two quotes and a space.
    private static let indicators: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in "-?:,[]{}#&*!|>'\"%@` ".utf8 { table[Int(character)] = true }
        return table
    }()

    /// Whether every character is one YAML accepts in a file and reads as itself: no tab,
    /// carriage return or other control character, no byte-order mark, no non-character,
    /// and none of the characters YAML 1.1 counts as line breaks (U+0085, U+2028, U+2029).
    /// The text is valid UTF-8 already (it is a `String`).
    static func allowedCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        let count = bytes.count
        while offset < count {
            let byte = bytes[offset]
            if byte < 0x80 {
                guard byte == 0x0A || (byte >= 0x20 && byte != 0x7F) else { return false }
                offset += 1
                continue
            }
            switch byte {
            case 0xC2:
                // U+0080–U+009F: C1 controls, U+0085 among them.
                guard bytes[offset + 1] >= 0xA0 else { return false }
            case 0xE2:
                // U+2028 and U+2029.
                if bytes[offset + 1] == 0x80, bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9 { return false }
            case 0xEF:
                // U+FEFF, U+FFFE and U+FFFF.
                if bytes[offset + 1] == 0xBB, bytes[offset + 2] == 0xBF { return false }
                if bytes[offset + 1] == 0xBF, bytes[offset + 2] >= 0xBE { return false }
            default: break
            }
            offset += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        }
        return true
    }
}
