#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Foundation

/// How text for a terminal is decorated: colour only when standard output is a terminal,
/// `NO_COLOR` is unset (https://no-color.org) and `TERM` is not `dumb`.
public struct TerminalStyle: Sendable {
    /// Whether ANSI colour and emphasis are written.
    public let colour: Bool

    /// A style with colour on or off.
    public init(colour: Bool) { self.colour = colour }

    /// The style for standard output in the current environment.
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(colour: isatty(STDOUT_FILENO) == 1 && !noColour && !dumb)
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
