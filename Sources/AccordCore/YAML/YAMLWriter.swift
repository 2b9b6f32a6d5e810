/// A YAML document being written: fields in the documented order, empty ones left out.
///
/// accord writes YAML by hand rather than through an emitter so the layout is the one
/// docs/formats.md shows (two-space indents, short id lists in brackets, ids quoted),
/// stable from one version to the next and pleasant in `git diff`.
struct YAMLMap {
    fileprivate(set) var pairs: [(String, YAMLOutput)] = []

    /// Adds a field unless the value is nil or an empty list or mapping.
    mutating func add(_ key: String, _ value: YAMLOutput?) {
        guard let value, !value.isEmpty else { return }
        pairs.append((key, value))
    }

    /// The document text, ending with a newline.
    func text() -> String {
        var lines: [String] = []
        YAMLOutput.map(self).write(into: &lines, indent: "")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A value to write.
indirect enum YAMLOutput {
    /// Text, written plain when that reads back the same, else double-quoted.
    case text(String)
    /// An id, always double-quoted so YAML keeps `3.1` as text.
    case id(String)
    /// A date, number or keyword, written as is.
    case plain(String)
    /// Lines of printable ASCII (an armoured ciphertext), written as a literal block (`|`).
    case block(String)
    /// A list of short scalars written in brackets on one line.
    case flow([YAMLOutput])
    /// A list written one element per line.
    case list([YAMLOutput])
    case map(YAMLMap)

    /// A date as written; a lone year in double quotes, which other YAML tools would
    /// otherwise read as a number.
    static func date(_ date: CalendarDate?) -> YAMLOutput? {
        date.map { $0.precision == .year ? .id($0.description) : .plain($0.description) }
    }

    static func number(_ value: Double?) -> YAMLOutput? {
        guard let value else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return .plain(String(Int(value))) }
        return .plain(String(value))
    }

    static func integer(_ value: Int?) -> YAMLOutput? { value.map { .plain(String($0)) } }

    static func text(_ value: String?) -> YAMLOutput? { value.map { .text($0) } }

    static func party(_ value: PartyCode?) -> YAMLOutput? { value.map { .plain($0.code) } }

    static func parties(_ values: [PartyCode]) -> YAMLOutput { .flow(values.map { .plain($0.code) }) }

    static func ids(_ values: [some CustomStringConvertible]) -> YAMLOutput {
        .flow(values.map { .text($0.description) })
    }

    /// A mapping from party codes, in code order.
    static func perParty<T>(_ values: [PartyCode: T], _ each: (T) -> YAMLOutput) -> YAMLOutput {
        var map = YAMLMap()
        for party in values.keys.sorted() { map.add(party.code, each(values[party]!)) }
        return .map(map)
    }

    /// A mapping from language tags to text, in tag order.
    static func textMap(_ values: [String: String]) -> YAMLOutput {
        var map = YAMLMap()
        for key in values.keys.sorted() { map.add(key, .text(values[key]!)) }
        return .map(map)
    }

    var isEmpty: Bool {
        switch self {
        case .flow(let items), .list(let items): return items.isEmpty
        case .map(let map): return map.pairs.isEmpty
        default: return false
        }
    }

    private var isBlock: Bool {
        switch self {
        case .list, .map: return !isEmpty
        default: return false
        }
    }

    /// The value on one line, for scalars and flow lists.
    private func inline(inFlow: Bool = false) -> String {
        switch self {
        case .text(let text): return Self.scalar(text, inFlow: inFlow)
        case .id(let text): return Self.quoted(text)
        case .plain(let text): return text
        case .block(let text): return Self.quoted(text)
        case .flow(let items): return "[" + items.map { $0.inline(inFlow: true) }.joined(separator: ", ") + "]"
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    fileprivate func write(into lines: inout [String], indent: String) {
        switch self {
        case .map(let map):
            for (key, value) in map.pairs {
                if case .block(let text) = value {
                    lines.append("\(indent)\(key): |")
                    lines += text.split(separator: "\n").map { "\(indent)  \($0)" }
                } else if value.isBlock {
                    lines.append("\(indent)\(key):")
                    value.write(into: &lines, indent: indent + "  ")
                } else {
                    lines.append("\(indent)\(key): \(value.inline())")
                }
            }
        case .list(let items):
            for item in items {
                if case .map = item, item.isBlock {
                    var inner: [String] = []
                    item.write(into: &inner, indent: indent + "  ")
                    // The first field shares the dash's line.
                    if let first = inner.first {
                        inner[0] = indent + "- " + first.dropFirst(indent.count + 2)
                    }
                    lines.append(contentsOf: inner)
                } else if item.isBlock {
                    lines.append("\(indent)-")
                    item.write(into: &lines, indent: indent + "  ")
                } else {
                    lines.append("\(indent)- \(item.inline())")
                }
            }
        default:
            lines.append(indent + inline())
        }
    }

    /// Words YAML 1.1 would read as something other than text.
    private static let keywords: Set<String> = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]

    /// `text` plain when every YAML reader gives it back unchanged, else double-quoted.
    static func scalar(_ text: String, inFlow: Bool) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
            return "\"\""
        }
        let indicators = Set("-?:,[]{}#&*!|>'\"%@`+.0123456789".unicodeScalars)
        let flowIndicators = Set(",[]{}".unicodeScalars)
        let safe = !indicators.contains(first)
            && first != " " && last != " " && last != ":"
            && !keywords.contains(text.lowercased())
            && !text.contains(": ") && !text.contains(" #")
            && !text.unicodeScalars.contains(where: needsEscape)
            && !(inFlow && text.unicodeScalars.contains { flowIndicators.contains($0) })
        return safe ? text : quoted(text)
    }

    /// `text` in double quotes, with backslash escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if !needsEscape(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else {
                    result += "\\u" + hex(scalar.value, width: 4)
                }
            }
        }
        return result + "\""
    }

    /// Characters YAML refuses in a file or reads as a line break: controls (C0, DEL and
    /// C1, U+0085 among them), U+2028, U+2029, the byte-order mark and the two non-characters
    /// U+FFFE and U+FFFF. They are written as escapes inside double quotes.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
