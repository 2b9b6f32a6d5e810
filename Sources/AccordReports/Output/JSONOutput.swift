import Foundation

/// The JSON every `--json` output uses: sorted keys, pretty-printed, ISO 8601 dates,
/// slashes unescaped, and a final newline. docs/json.md documents the keys.
public enum JSONOutput {
    /// Encodes a report value as JSON text.
    public static func render<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
