/// The words a redline page is labelled with, in the language of the text compared:
/// English, Vietnamese and Khmer; any other language reads English.
struct DiffLabels: Sendable {
    /// The page's heading.
    var changes: String
    /// The word before an article's number.
    var article: String
    /// The preamble.
    var preamble: String
    /// The label of an article's title.
    var title: String
    /// The legend.
    var deleted: String
    var inserted: String
    /// Said when nothing changed.
    var noChanges: String
    /// The summary table's columns.
    var change: String
    var wordsAdded: String
    var wordsRemoved: String
    /// The heading of the consolidated text.
    var fullText: String

    /// The labels for a BCP 47 language tag (`vi`, `km-KH`); English when unknown.
    static func forLanguage(_ tag: String) -> DiffLabels {
        switch tag.prefix(while: { $0 != "-" && $0 != "_" }).lowercased() {
        case "vi":
            DiffLabels(changes: "Những thay đổi của văn bản", article: "Điều", preamble: "Lời nói đầu", title: "Tiêu đề",
                       deleted: "đã xóa", inserted: "đã thêm", noChanges: "Không có thay đổi.", change: "Thay đổi",
                       wordsAdded: "Số từ thêm", wordsRemoved: "Số từ bỏ", fullText: "Toàn văn")
        case "km":
            DiffLabels(changes: "ការផ្លាស់ប្តូរនៃអត្ថបទ", article: "មាត្រា", preamble: "បុព្វកថា", title: "ចំណងជើង",
                       deleted: "បានលុប", inserted: "បានបន្ថែម", noChanges: "គ្មានការផ្លាស់ប្តូរ។", change: "ការផ្លាស់ប្តូរ",
                       wordsAdded: "ពាក្យបន្ថែម", wordsRemoved: "ពាក្យលុប", fullText: "អត្ថបទពេញ")
        default:
            english
        }
    }

    static let english = DiffLabels(
        changes: "Changes to the text", article: "Article", preamble: "Preamble", title: "Title",
        deleted: "deleted", inserted: "inserted", noChanges: "No changes.", change: "Change",
        wordsAdded: "Words added", wordsRemoved: "Words removed", fullText: "Full text")
}
