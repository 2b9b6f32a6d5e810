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

    /// The `@font-face` rule that makes `family` this font, for Khmer characters only.
    public var fontFace: String {
        "@font-face { font-family: \"\(family)\"; src: url(data:font/ttf;base64,\(base64)) format(\"truetype\"); "
            + "unicode-range: U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC; }"
    }

    /// Whether `text` holds a Khmer character.
    public static func isKhmer(_ scalar: Unicode.Scalar) -> Bool {
        (0x1780...0x17FF).contains(scalar.value) || (0x19E0...0x19FF).contains(scalar.value)
    }
}
