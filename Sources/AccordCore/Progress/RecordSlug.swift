internal import Foundation
internal import GitStore

/// The readable part of an id made from a title or venue in any script: one rule for
/// evidence, meetings and every other id a command makes from text.
///
/// Latin letters lose their marks (`Công văn` → `cong-van`, `Đà Nẵng` → `da-nang`); words
/// in a script without a Latin spelling accord can make (Khmer: ICU has no Khmer–Latin
/// transliterator) are left out when Latin words remain, else the text is named by a short
/// stable hash of it (eight hexadecimal digits of the SHA-256 of its NFC form), so the same
/// Khmer title always gives the same id part.
public enum RecordSlug {
    /// `text` as lowercase ASCII words joined by single hyphens: at most `words` words and
    /// `length` characters (cut at a word's end where one fits); "" for text with no letter
    /// or digit in any script.
    public static func make(_ text: String, words: Int = .max, length: Int = .max) -> String {
        let latin = folded(text).split(separator: " ").prefix(words)
        var slug = ""
        for word in latin {
            let next = slug.isEmpty ? String(word) : "\(slug)-\(word)"
            if next.count > length {
                if slug.isEmpty { slug = String(word.prefix(length)) }
                break
            }
            slug = next
        }
        if !slug.isEmpty { return slug }
        let meaningful = text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        return meaningful ? hash(text) : ""
    }

    /// ASCII letters and digits of `text` with marks folded off, other characters as spaces.
    static func folded(_ text: String) -> String {
        // đ and Đ are letters of their own, not d with a mark: folding keeps them.
        let plain = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        return String(String.UnicodeScalarView(plain.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? scalar : " "
        }))
    }

    /// Eight hexadecimal digits naming `text`, the same for its NFC and NFD spellings and
    /// whatever spaces surround its words.
    static func hash(_ text: String) -> String {
        let words = ReadableText.nfc(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let digest = SHA256()
        digest.update(Array(words.utf8))
        return String(digest.finalize().prefix(8))
    }
}
