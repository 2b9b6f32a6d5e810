/// The text a commit or tag message is written with: every control character but newline
/// and tab is replaced by its Swift escape (`\u{1B}`), so a note, a name or a title holding
/// an escape sequence, a carriage return or a backspace cannot act on the terminal of
/// whoever runs `git log`.
enum CommitMessage {
    static func clean(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: isControl) else { return message }
        // Scalars go in one at a time: the view's `append(contentsOf:)` copies all it holds.
        var result = String.UnicodeScalarView()
        for scalar in message.unicodeScalars {
            if isControl(scalar) {
                "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars.forEach { result.append($0) }
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && scalar.properties.generalCategory == .control
    }
}
