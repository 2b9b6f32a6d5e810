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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

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
