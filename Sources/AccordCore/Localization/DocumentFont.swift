public import Foundation

/// A font built into accord for documents it writes, so a page in Khmer renders on a
/// machine or printer with no Khmer font.
public struct DocumentFont: Sendable {
    /// The CSS family name the page asks for.
    public let family: String
    /// The TrueType file, Base64-encoded, for a `data:` URL.
    public let base64: String

    /// Noto Sans Khmer Regular (SIL Open Font License 1.1, which permits embedding the font
    /// in documents; the licence is Fonts/OFL.txt in the source). Bold text is drawn by
    /// the browser from the regular face.
    public static let khmer = DocumentFont(family: "accord Noto Sans Khmer",
                                           base64: embeddedFonts["NotoSansKhmer-Regular"] ?? "")

    /// The `@font-face` rule that makes `family` this font, for Khmer characters only, the
    /// font inside the rule (a document that must stand alone).
    public var fontFace: String { rule(source: "data:font/ttf;base64,\(base64)", display: "") }

    /// The `@font-face` rule with the font at `source` (a web page's link to it), which a
    /// browser fetches only for a page that holds a Khmer character.
    /// Until it has come, the text shows in a fallback font (`font-display: swap`).
    public func fontFace(source: String) -> String { rule(source: source, display: " font-display: swap;") }

    private func rule(source: String, display: String) -> String {
        "@font-face { font-family: \"\(family)\"; src: url(\(source)) format(\"truetype\"); "
            + "unicode-range: U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC;\(display) }"
    }

    /// The TrueType file itself.
    public var data: Data { Data(base64Encoded: base64) ?? Data() }

    /// Whether `text` holds a Khmer character.
    public static func isKhmer(_ scalar: Unicode.Scalar) -> Bool {
        (0x1780...0x17FF).contains(scalar.value) || (0x19E0...0x19FF).contains(scalar.value)
    }
}
