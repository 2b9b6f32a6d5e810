internal import CYaml

/// Finds anchors (`&name`) and aliases (`*name`) in a YAML text before any node is built.
///
/// Yams builds an aliased node by copying it, and hashes mapping keys whole: a few hundred
/// bytes of nested aliases expand to gigabytes and hang every command that reads the file.
/// Records never need them, so the file is refused when libyaml's event stream (linear in
/// the text, building nothing) shows one.
enum YAMLAnchorCheck {
    /// The line of the first anchor or alias, or nil when there is none or the text is
    /// not YAML (the general parser then names that problem).
    static func firstAnchorOrAlias(in text: String) -> Int? {
        // Neither can be written without one of these two bytes.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return line
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                     YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                     YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    return line
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    continue
                }
            }
        }
    }
}
