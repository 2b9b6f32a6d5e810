import Foundation

/// The JSON every `--json` output uses: sorted keys, pretty-printed, ISO 8601 dates,
/// slashes unescaped, and a final newline. docs/json.md documents the keys.
public enum JSONOutput {
    /// The version of the JSON schema, printed as `version` at the top of every `--json`
    /// output. New keys may appear without a change of version; it goes up when a key is
    /// removed or renamed, or a value changes type or meaning (docs/json.md).
    public static let version = 1

    /// A report as the document a `--json` output prints: its keys and `version`. The
    /// report must encode as a JSON object.
    public static func render<Value: Encodable>(_ value: Value) throws -> String {
        try encode(Versioned(report: value))
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
            try report.encode(to: encoder)
            // The report's keyed container is the same object: the key joins its keys.
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(JSONOutput.version, forKey: .version)
        }
    }
}
