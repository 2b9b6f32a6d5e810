/// When colour is written: `--color` on the command line, else `accord.color` in git config.
public enum ColourChoice: String, CaseIterable, Sendable {
    /// Colour when the environment and the output allow it (see ``TerminalStyle/init(choice:environment:toTerminal:)``).
    case auto
    /// Colour always, even into a pipe or a file (for `less -R`).
    case always
    /// Never colour.
    case never

    /// Reads a choice as written on the command line or in git config; git's boolean
    /// spellings count too (`true`, `on`, `yes`, `1` are always; `false`, `off`, `no`, `0` never).
    public init?(setting: String) {
        switch setting.lowercased() {
        case "auto": self = .auto
        case "always", "true", "on", "yes", "1": self = .always
        case "never", "false", "off", "no", "0": self = .never
        default: return nil
        }
    }
}

/// How text for a terminal is decorated: ANSI colour and emphasis, or plain text.
public struct TerminalStyle: Sendable {
    /// Whether ANSI colour and emphasis are written.
    public let colour: Bool

    /// A style with colour on or off.
    public init(colour: Bool) { self.colour = colour }

    /// The style `choice` asks for. `always` and `never` decide alone. `auto` decides by the
    /// environment, first match wins: `NO_COLOR` set to anything (https://no-color.org)
    /// turns colour off; `FORCE_COLOR` or `CLICOLOR_FORCE` set to anything but `0` turns it
    /// on, even into a pipe; else colour is on when the text goes to a terminal
    /// (`toTerminal`: standard output, or the pager that shows on one) whose `TERM` is not `dumb`.
    public init(choice: ColourChoice, environment: [String: String], toTerminal: Bool) {
        func isSet(_ name: String) -> Bool { environment[name].map { !$0.isEmpty } ?? false }
        func forces(_ name: String) -> Bool { environment[name].map { !$0.isEmpty && $0 != "0" } ?? false }
        switch choice {
        case .always: colour = true
        case .never: colour = false
        case .auto:
            if isSet("NO_COLOR") {
                colour = false
            } else if forces("FORCE_COLOR") || forces("CLICOLOR_FORCE") {
                colour = true
            } else {
                colour = toTerminal && environment["TERM"] != "dumb"
            }
        }
    }

    /// Text in bold.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// Text dimmed, for secondary facts.
    public func dim(_ text: String) -> String { wrap(text, "2") }
    /// Text in red: removals, overdue, high severity.
    public func red(_ text: String) -> String { wrap(text, "31") }
    /// Text in green: insertions, implemented.
    public func green(_ text: String) -> String { wrap(text, "32") }
    /// Text in yellow: warnings, medium severity.
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    /// Text struck through in red: deleted words in a redline.
    public func deleted(_ text: String) -> String { wrap(text, "9;31") }
    /// Text underlined in green: inserted words in a redline.
    public func inserted(_ text: String) -> String { wrap(text, "4;32") }

    private func wrap(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
