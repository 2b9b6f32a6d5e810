internal import CYaml

/// Finds what a record may not hold before any node is built: anchors (`&name`) and aliases
/// (`*name`), and nesting deeper than `maximumDepth`.
///
/// Yams builds an aliased node by copying it, and hashes mapping keys whole: a few hundred
/// bytes of nested aliases expand to gigabytes and hang every command that reads the file.
/// Yams and the decoders also recurse once per level of nesting, so `[[[[…` a million deep
/// would overflow the stack. libyaml's event stream (linear in the text, building nothing)
/// shows both; it is read only when a quick look at the bytes says either may be there.
enum YAMLPreflight {
    /// Records nest a few levels; a plan's items sit five deep.
    static let maximumDepth = 64

    /// The line and message of the first problem, or nil when there is none or the text is
    /// not YAML (the general parser then names that problem).
    static func problem(in text: String) -> (line: Int, message: String)? {
        guard mayHoldAnchorsOrDeepNesting(text) else { return nil }
        var text = text
        return text.withUTF8 { bytes -> (Int, String)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let anchored: Bool
                switch event.type {
                case YAML_ALIAS_EVENT: anchored = true
                case YAML_SCALAR_EVENT: anchored = event.data.scalar.anchor != nil
                case YAML_SEQUENCE_START_EVENT:
                    anchored = event.data.sequence_start.anchor != nil
                    depth += 1
                case YAML_MAPPING_START_EVENT:
                    anchored = event.data.mapping_start.anchor != nil
                    depth += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    anchored = false
                    depth -= 1
                case YAML_STREAM_END_EVENT: return nil
                default: anchored = false
                }
                if anchored { return (line, L10n.english("anchors and aliases are not allowed in records")) }
                if depth > maximumDepth { return (line, L10n.english("lists and mappings are nested more than {1} deep", maximumDepth)) }
            }
        }
    }

    /// False when the text can hold neither: no `&` or `*`, and no run of brackets or
    /// indentation deep enough (block nesting needs two columns of indent per level).
    private static func mayHoldAnchorsOrDeepNesting(_ text: String) -> Bool {
        var brackets = 0, deepest = 0, indent = 0, counting = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "*"): return true
            case UInt8(ascii: "["), UInt8(ascii: "{"): brackets += 1; deepest = max(deepest, brackets)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): brackets -= 1
            case UInt8(ascii: "\n"): indent = 0; counting = true; continue
            case UInt8(ascii: " "), UInt8(ascii: "-"): if counting { indent += 1 }; continue
            default: break
            }
            if counting { deepest = max(deepest, indent / 2); counting = false }
        }
        return deepest > maximumDepth
    }
}
