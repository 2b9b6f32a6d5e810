import Foundation

/// The JSON every `--json` output uses: sorted keys, pretty-printed, ISO 8601 dates,
/// slashes unescaped, and a final newline. docs/json.md documents the keys.
public enum JSONOutput {
    /// The version of the JSON schema, printed as `version` at the top of every `--json`
    /// output. New keys may appear without a change of version; it goes up when a key is
    /// removed or renamed, or a value changes type or meaning (docs/json.md).
    public static let version = 1

    /// A report as the document a `--json` output prints: its keys and `version`. A list
    /// (an array or a set) goes under `items`, beside `version`, so that every output is
    /// an object; any other value that encodes as a list is printed as it is, without `version`.
    public static func render<Value: Encodable>(_ value: Value) throws -> String {
        if value is any JSONList { return try encode(Versioned(report: Items(items: value))) }
        return try encode(Versioned(report: value))
    }

    /// A list as a report: `{"items": [...]}`.
    private struct Items<List: Encodable>: Encodable {
        let items: List
    }

    /// A value as canonical JSON text, without `version`: for what is hashed rather than
    /// printed (a digest must not change when the schema's version does).
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let data = try encoder().encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Writes the document ``render(_:)`` prints for `report` to `write`, in pieces: its
    /// list `elements`, under `key`, is encoded one element at a time, then `others` (the
    /// report's other keys, encoded as the report encodes them) with `version`. A long list
    /// is thus never held as a whole document. The bytes are `render(report)`'s, which is
    /// printed instead when the list is empty or `key` is not the first of the keys.
    public static func write<Report: Encodable, Element: Encodable>(
        _ report: Report, listing elements: [Element], as key: String, beside others: some Encodable,
        to write: (String) throws -> Void
    ) throws {
        let tail = try render(others)
        // `{` and the first of the other keys, which must sort after the list's.
        let opening = "{\n  \""
        guard !elements.isEmpty, tail.hasPrefix(opening),
              let firstKey = tail.dropFirst(opening.count).split(separator: "\"", maxSplits: 1).first,
              key < firstKey else {
            return try write(render(report))
        }
        let encoder = encoder()
        var piece: [UInt8] = []
        piece.reserveCapacity(2 * pieceSize)
        piece.append(contentsOf: "{\n  \"\(key)\" : [\n".utf8)
        for (number, element) in elements.enumerated() {
            if number > 0 { piece.append(contentsOf: ",\n".utf8) }
            // The element's lines, two levels in (the document, then the list); an empty line
            // (inside an empty list) stays empty, as the whole document's encoder leaves it.
            var lineStart = true
            for byte in try encoder.encode(element) {
                if lineStart, byte != UInt8(ascii: "\n") { piece.append(contentsOf: "    ".utf8) }
                piece.append(byte)
                lineStart = byte == UInt8(ascii: "\n")
            }
            if piece.count >= pieceSize {
                try write(String(decoding: piece, as: UTF8.self))
                piece.removeAll(keepingCapacity: true)
            }
        }
        piece.append(contentsOf: "\n  ],\n".utf8)
        piece.append(contentsOf: tail.utf8.dropFirst(2))
        try write(String(decoding: piece, as: UTF8.self))
    }

    /// About how many bytes ``write(_:listing:as:beside:to:)`` hands over at once.
    static let pieceSize = 1 << 16

    /// A report's keys with `version` beside them, in the same object.
    private struct Versioned<Report: Encodable>: Encodable {
        let report: Report

        private enum Key: String, CodingKey { case version }

        func encode(to encoder: any Encoder) throws {
            let watched = ContainerWatch(base: encoder)
            try report.encode(to: watched)
            // The report's keyed container is the same object: the key joins its keys. A
            // value that took a list's container cannot have one.
            guard watched.kind.value != .other else { return }
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(JSONOutput.version, forKey: .version)
        }
    }

    /// An encoder that passes everything to `base` and notes which container the value
    /// took: asking JSONEncoder for an object after a list stops the process.
    private struct ContainerWatch: Encoder {
        enum Kind { case none, keyed, other }
        final class Box: @unchecked Sendable { var value = Kind.none }
        let base: any Encoder
        let kind = Box()

        var codingPath: [any CodingKey] { base.codingPath }
        var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if kind.value == .none { kind.value = .keyed }
            return base.container(keyedBy: type)
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            kind.value = .other
            return base.unkeyedContainer()
        }

        // A single value may be an object (a wrapper that encodes what it holds): as before.
        func singleValueContainer() -> any SingleValueEncodingContainer {
            base.singleValueContainer()
        }
    }
}

/// What `JSONOutput.render` prints under `items`: lists, which cannot be an object.
protocol JSONList {}
extension Array: JSONList {}
extension ContiguousArray: JSONList {}
extension Set: JSONList {}
