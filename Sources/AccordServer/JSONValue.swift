import AccordReports
import Foundation

/// A report value as the templates see it: the same JSON the command line prints with
/// `--json` (docs/json.md), turned into plain Swift dictionaries, arrays, strings, numbers
/// and booleans that Mustache walks. Pages therefore show exactly the values the CLI
/// reports, built by the same code.
enum TemplateValue {
    /// `value` as `--json` would print it, as a template context.
    static func of<Value: Encodable>(_ value: Value) throws -> Any {
        // Boxed, because the renderer adds its version key to a keyed container and a list has none.
        let json = try JSONOutput.render(Box(value: value))
        let plain = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)).plain
        return (plain as? [String: Any])?["value"] ?? [String: Any]()
    }

    private struct Box<Boxed: Encodable>: Encodable { let value: Boxed }
}

/// Any JSON value, decoded strictly (a boolean is never a number).
private enum JSONValue: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var plain: Any {
        switch self {
        case .null: return Optional<String>.none as Any
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .string(let value): return value
        case .array(let values): return values.map(\.plain)
        case .object(let values): return values.mapValues(\.plain)
        }
    }
}
