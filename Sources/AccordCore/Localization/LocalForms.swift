internal import Foundation

/// Dates and digits in the reader's forms. Reports are built with ISO dates (`2019-12-01`)
/// and ASCII digits; for a reader in Vietnamese or Khmer the finished text is turned into
/// the locale's numeric date form (ICU's, through Foundation: `01/12/2019`) and, when asked
/// for, Khmer digits (`០១/១២/២០១៩`). Ids stay as written, since users type them: a number
/// or date joined to letters, `-`, `#`, `.`, `@` or `_` (`tip-2005#7.2`,
/// `ev-2019-12-01-…`) is part of an id and is left alone.
public enum LocalForms {
    /// The digits numbers are written with.
    public enum Digits: String, Sendable, CaseIterable, Codable {
        /// 0–9, the default.
        case latin
        /// ០–៩, as Cambodian official documents write them.
        case khmer
    }

    /// A `--digits`, `ACCORD_DIGITS` or `digits:` value that is no style of digits.
    public struct UnknownDigits: Error, Sendable, CustomStringConvertible {
        public let given: String
        public let origin: String
        public var description: String {
            "unknown digits \(given) in \(origin): accord writes \(Digits.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }

    /// The digits of this run.
    public static var digits: Digits { chosen.value.digits }

    /// Chooses the digits from `--digits` (`option`), else `ACCORD_DIGITS`; the tracker's
    /// `digits:` (``adoptTrackerDefault(_:)``) applies when neither is given. Output for
    /// programs (`machineReadable`) keeps ASCII digits.
    public static func choose(option: String?, environment: [String: String],
                              machineReadable: Bool = false) throws(UnknownDigits) {
        defer { if machineReadable { set(.latin, strength: 0) } }
        if let option {
            guard let digits = Digits(rawValue: option) else { throw UnknownDigits(given: option, origin: "--digits") }
            set(digits, strength: 1)
        } else if let value = environment["ACCORD_DIGITS"], !value.isEmpty {
            guard let digits = Digits(rawValue: value) else { throw UnknownDigits(given: value, origin: "ACCORD_DIGITS") }
            set(digits, strength: 2)
        }
    }

    /// The tracker's `digits:` from accord.yaml, used when the user chose none.
    public static func adoptTrackerDefault(_ digits: Digits?) {
        if let digits { set(digits, strength: 3) }
    }

    private struct Choice: Sendable {
        var digits: Digits
        /// Lower is stronger; 4 is the default.
        var strength: Int
    }

    private static let chosen = Guarded(Choice(digits: .latin, strength: 4))

    private static func set(_ digits: Digits, strength: Int) {
        chosen.update { if strength <= $0.strength { $0 = Choice(digits: digits, strength: strength) } }
    }

    // MARK: Forms

    /// Whether a run in `language` with `digits` changes anything.
    static func changes(_ language: Language, _ digits: Digits) -> Bool {
        language != .english || digits != .latin
    }

    /// `date` (`yyyy-mm-dd`) in `language`'s numeric form, from ICU's pattern for day, month
    /// and year: `01/12/2019` in Vietnamese and Khmer. English keeps ISO 8601.
    public static func date(_ iso: String, in language: Language = L10n.language) -> String {
        guard language != .english, let pattern = patterns[language] else { return iso }
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        // Field by field, in one pass: a long report writes thousands of dates.
        var result = ""
        result.reserveCapacity(iso.utf8.count)
        var rest = Substring(pattern)
        while let next = rest.first {
            if rest.hasPrefix("yyyy") { result += parts[0]; rest = rest.dropFirst(4) }
            else if rest.hasPrefix("MM") { result += parts[1]; rest = rest.dropFirst(2) }
            else if rest.hasPrefix("dd") { result += parts[2]; rest = rest.dropFirst(2) }
            else { result.append(next); rest = rest.dropFirst() }
        }
        return result
    }

    /// ICU's numeric date pattern for each language, with two-digit day and month and a
    /// four-digit year so a date keeps the ten cells of its ISO form and tables stay aligned.
    private static let patterns: [Language: String] = {
        var result: [Language: String] = [:]
        for language in Language.allCases where language != .english {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: language.tag)
            formatter.setLocalizedDateFormatFromTemplate("ddMMyyyy")
            let pattern = formatter.dateFormat ?? ""
            // Only a pattern of these three fields and separators is used; anything else
            // (an ICU without the locale's data) keeps ISO.
            let fields = pattern.replacingOccurrences(of: "dd", with: "").replacingOccurrences(of: "MM", with: "")
                .replacingOccurrences(of: "yyyy", with: "")
            if pattern.count == 10, fields.allSatisfy({ "/.-".contains($0) }) { result[language] = pattern }
        }
        return result
    }()

    /// `count` as a reader of `language` writes a count: grouped in thousands with the
    /// locale's separator, from ICU through Foundation (`12.345` in Vietnamese, `12,345` in
    /// Khmer), from five digits up, so a four-digit number (a year above all) is never split.
    /// English keeps its plain digits, as it keeps ISO dates. Khmer digits, when
    /// chosen, come from ``apply(_:language:digits:)`` on the finished text, like every
    /// other number. Only for counts in text for people: JSON and CSV keep plain digits.
    public static func count(_ count: Int, in language: Language = L10n.language) -> String {
        guard language != .english, abs(count) >= 10_000 else { return String(count) }
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language.tag)
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: count)) ?? String(count)
    }

    /// `text` as a user typed it, with Khmer digits (០–៩) read as ASCII ones: what accord
    /// writes in Khmer digits (a date, a short commit id of digits alone) can be typed back
    /// where it takes a date, a revision or an id, whose digits are ASCII.
    public static func typed(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x17E0...0x17E9).contains($0.value) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x17E0...0x17E9).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x17E0 + 0x30)! : scalar
        }))
    }

    /// `number` written in the run's digits.
    public static func number(_ number: Int) -> String { digits(String(number)) }

    /// `text` with every ASCII digit in the run's digits.
    public static func digits(_ text: String, _ style: Digits = LocalForms.digits) -> String {
        guard style == .khmer else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x30...0x39).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x30 + 0x17E0)! : scalar
        }))
    }

    /// Foundation's letters, made once: `CharacterSet.letters` makes a new set at each use.
    private static let letters = CharacterSet.letters

    /// A report's plain text (terminal, Markdown) with its dates and standalone numbers in
    /// the run's forms. Terminal colour sequences and Markdown's list numbers (`1. ` at the
    /// start of a line) stay as they are.
    public static func apply(_ text: String, language: Language = L10n.language, digits: Digits = LocalForms.digits) -> String {
        guard changes(language, digits) else { return text }
        let scalars = Array(text.unicodeScalars)
        // Written as UTF-8 bytes and made a string once: a scalar view's
        // `append(contentsOf:)` copies all it holds, so a long report took seconds.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        func write(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { result.append($0) } }
        func write(_ part: some Sequence<Unicode.Scalar>) { for scalar in part { write(scalar) } }
        func isDigit(_ index: Int) -> Bool { index < scalars.count && (0x30...0x39).contains(scalars[index].value) }
        // What joins a number to an id or a word: letters, digits and `-#.@_`.
        func joins(_ index: Int) -> Bool {
            guard index >= 0, index < scalars.count else { return false }
            return isDigit(index) || letters.contains(scalars[index]) || "-#.@_".unicodeScalars.contains(scalars[index])
        }
        // Whether the nearest letter before `index` in the same cell (a cell ends at a line
        // end, a `|`, a tab or two spaces) is a Latin one.
        func latinBefore(_ index: Int) -> Bool {
            var position = index - 1
            while position >= 0, index - position < 200 {
                let scalar = scalars[position]
                if let start = escapeStart(endingAt: position) {
                    position = start - 1
                    continue
                }
                if scalar == "\n" || scalar == "|" || scalar == "\t" || (scalar == " " && position > 0 && scalars[position - 1] == " ") {
                    return false
                }
                if letters.contains(scalar) {
                    return scalar.value < 0x250 || (0x1E00...0x1EFF).contains(scalar.value)
                }
                position -= 1
            }
            return false
        }
        // Where the colour sequence whose last letter is at `end` starts, if it is one.
        func escapeStart(endingAt end: Int) -> Int? {
            guard letters.contains(scalars[end]) else { return nil }
            var position = end - 1
            while position >= 0, end - position < 12, scalars[position] == ";" || scalars[position] == "[" || isDigit(position) {
                if scalars[position] == "[", position > 0, scalars[position - 1] == "\u{1B}" { return position - 1 }
                position -= 1
            }
            return nil
        }
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\u{1B}" {
                // A colour sequence: ESC [ digits ; … letter.
                var end = index + 1
                while end < scalars.count, !letters.contains(scalars[end]) { end += 1 }
                end = min(end + 1, scalars.count)
                write(scalars[index..<end])
                index = end
                continue
            }
            guard isDigit(index), !joins(index - 1) || escapeStart(endingAt: index - 1) != nil else {
                write(scalars[index])
                index += 1
                continue
            }
            var end = index
            while isDigit(end) || (end < scalars.count && (scalars[end] == "-" || scalars[end] == ".") && isDigit(end + 1)) { end += 1 }
            let token = String(String.UnicodeScalarView(scalars[index..<end]))
            let lineStart = index == 0 || scalars[..<index].last { $0 != " " }.map { $0 == "\n" } ?? true
            if joins(end) && !(end < scalars.count && scalars[end] == "." && !joins(end + 1)) {
                // Joined to what follows (`2005#7`, `2019-12-01-joint-review`): part of an id.
                write(token.unicodeScalars)
            } else if lineStart, end + 1 < scalars.count, scalars[end] == ".", scalars[end + 1] == " " {
                write(token.unicodeScalars)  // a Markdown list number
            } else {
                // Khmer digits in a record's English words (`for 2017–2019`) read oddly: a
                // number inside Latin text keeps its digits.
                let style = latinBefore(index) ? Digits.latin : digits
                let form = token.count == 10 && token.split(separator: "-").count == 3 ? date(token, in: language) : token
                write(Self.digits(form, style).unicodeScalars)
            }
            index = end
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// An HTML page with the forms of ``apply(_:language:digits:)`` in its text, outside
    /// tags and outside `<style>`, `<script>` and `<textarea>` (attributes, CSS, the
    /// embedded font and what a visitor typed into a form stay as they are).
    public static func applyHTML(_ html: String, language: Language = L10n.language, digits: Digits = LocalForms.digits) -> String {
        guard changes(language, digits) else { return html }
        var result = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            result += apply(String(rest[..<open]), language: language, digits: digits)
            let tagRest = rest[open...]
            if let element = ["style", "script", "textarea"].first(where: { tagRest.hasPrefix("<" + $0) }),
               let close = tagRest.range(of: "</\(element)>") {
                result += tagRest[..<close.upperBound]
                rest = tagRest[close.upperBound...]
                continue
            }
            guard let close = tagRest.firstIndex(of: ">") else {
                result += tagRest
                return result
            }
            result += tagRest[...close]
            rest = tagRest[tagRest.index(after: close)...]
        }
        return result + apply(String(rest), language: language, digits: digits)
    }
}
