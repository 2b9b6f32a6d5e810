/// Text made safe to print on a terminal: every control character a record could carry
/// (an escape sequence that moves the cursor, clears the screen or sets the window title, a
/// carriage return or backspace that overwrites what was printed, a bidirectional override)
/// is shown as its Swift escape, such as `\u{1B}`, so it is seen rather than obeyed.
///
/// Newlines and tabs stay. With colour on, the few colour sequences `TerminalStyle` writes
/// stay too; any other escape sequence, including one spelled like them inside a record,
/// can at most colour text, never hide, move or rewrite it.
public enum TerminalText {
    /// `text` with its control characters made visible.
    public static func visible(_ text: String, style: TerminalStyle) -> String {
        guard needsEscaping(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        // Scalars go in one at a time: the view's `append(contentsOf:)` copies all it holds.
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", style.colour, let length = ownSequenceLength(scalars, at: index) {
                scalars[index..<index + length].forEach { result.append($0) }
                index += length
                continue
            }
            if isHidden(scalar) {
                "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars.forEach { result.append($0) }
            } else {
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// The colour sequences `TerminalStyle` and the diff renderer write, between `ESC [`
    /// and the final `m`.
    private static let ownSequences: Set<String> = ["0", "1", "2", "31", "32", "33", "9;31", "4;32", "31;9", "32;4"]

    /// The length of one of accord's own colour sequences starting at `start`.
    private static func ownSequenceLength(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var end = start + 2
        while end < min(scalars.count, start + 8), scalars[end] != "m" { end += 1 }
        guard end < scalars.count, scalars[end] == "m" else { return nil }
        var parameters = String.UnicodeScalarView()
        parameters.append(contentsOf: scalars[(start + 2)..<end])
        return ownSequences.contains(String(parameters)) ? end - start + 1 : nil
    }

    /// Whether a scalar must be shown escaped: C0 controls but newline and tab, DEL, C1
    /// controls, and the bidirectional embeddings, overrides and isolates.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A quick pass over the bytes: most output holds none of these.
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x0A && byte != 0x09 { return true }
            if byte == 0x7F { return true }
            // C1 controls are C2 80–9F in UTF-8; the bidirectional controls E2 80 AA–AE
            // and E2 81 A6–A9.
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (0xAA...0xAE).contains(byte) { return true }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
