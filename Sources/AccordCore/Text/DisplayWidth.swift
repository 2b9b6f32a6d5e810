internal import CICU

/// How many terminal cells text takes, so tables of Vietnamese, Khmer and CJK text line up.
///
/// Terminals advance the cursor per code point (the `wcwidth` model): combining marks
/// (Vietnamese tone marks written apart, Khmer vowel signs above and below, the Khmer
/// subscript sign) and format characters take no cell, East Asian Wide and Fullwidth
/// characters take two (by ICU's East Asian Width property), everything else one. A
/// grapheme cluster that is an emoji sequence (joined by ZWJ or with an emoji variation
/// selector) takes two, as terminals draw it as one picture.
public enum DisplayWidth {
    /// The cells `text` takes; ANSI colour sequences (`ESC [ … m`) take none.
    public static func of(_ text: String) -> Int {
        // Fast path: printable ASCII is one cell a character.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // Without an escape, or the joiner or selector of an emoji sequence, a cluster
        // takes the cells of its code points (``of(_:)-(Character)``): they are added up
        // without finding the clusters, which is most of the work in Khmer or Vietnamese.
        var cells = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x1B, 0x200D, 0xFE0F: return clustered(text)
            default: cells += of(scalar)
            }
        }
        return cells
    }

    /// ``of(_:)-(String)`` cluster by cluster.
    private static func clustered(_ text: String) -> Int {
        var cells = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                continue
            }
            cells += of(character)
        }
        return cells
    }

    /// The cells one grapheme cluster takes.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count > 1, scalars.contains(where: { $0 == "\u{200D}" || $0 == "\u{FE0F}" }),
           scalars.first?.properties.isEmoji == true {
            return 2
        }
        return scalars.reduce(0) { $0 + of($1) }
    }

    /// The cells one code point takes.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        case .format: return value == 0xAD ? 1 : 0  // the soft hyphen shows where it breaks
        case .control: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the syllable before them.
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        return accord_is_wide(value) ? 2 : 1
    }

    /// `text` padded with spaces to `cells` on the right (or, `leading`, on the left).
    public static func pad(_ text: String, to cells: Int, leading: Bool = false) -> String {
        let missing = max(0, cells - of(text))
        guard missing > 0 else { return text }
        let pad = String(repeating: " ", count: missing)
        return leading ? pad + text : text + pad
    }
}
