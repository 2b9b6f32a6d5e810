internal import Yams

/// One node of a YAML file as accord reads it: each scalar's text exactly as written (and
/// whether it was written plain, which is what `null` and `~` depend on), mappings in file
/// order, and the line each node starts on.
///
/// Two readers produce it: `CanonicalYAML` for the layout accord writes, and Yams for
/// everything else. Decoders see no difference.
indirect enum YAMLNode: Equatable {
    case scalar(String, plain: Bool, line: Int)
    case mapping([YAMLPair], line: Int)
    case sequence([YAMLNode], line: Int)
    /// An alias (`*name`); accord reads none, but names it in the problem it reports.
    case alias(line: Int)

    var line: Int {
        switch self {
        case .scalar(_, _, let line), .mapping(_, let line), .sequence(_, let line), .alias(let line):
            return line
        }
    }

    /// The text of a scalar; nil for anything else.
    var scalarText: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// The node Yams composed, with its marks' lines.
    init(_ node: Node) {
        let line = node.mark?.line ?? 1
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any, line: line)
        case .mapping(let mapping):
            self = .mapping(mapping.map { YAMLPair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, line: line)
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLNode.init), line: line)
        case .alias:
            self = .alias(line: line)
        }
    }
}

/// One key and value of a mapping.
struct YAMLPair: Equatable {
    let key: YAMLNode
    let value: YAMLNode
}
