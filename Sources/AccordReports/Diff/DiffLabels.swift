import AccordCore

/// The words a redline is labelled with, in one language through the message catalogs:
/// the HTML and Word redlines use the language of the text compared, the terminal,
/// Markdown and `--stat` views the run's. A language accord does not speak reads English.
struct DiffLabels: Sendable {
    /// The language of the labels.
    var language: Language

    /// The page's heading.
    var changes: String { L10n.t("Changes to the text", in: language) }
    /// The word before an article's number.
    var article: String { L10n.t("Article", context: "redline", in: language) }
    /// The preamble.
    var preamble: String { L10n.t("Preamble", context: "redline", in: language) }
    /// The label of an article's title.
    var title: String { L10n.t("Title", context: "redline", in: language) }
    /// The legend.
    var deleted: String { L10n.t("deleted", context: "redline", in: language) }
    var inserted: String { L10n.t("inserted", context: "redline", in: language) }
    /// Said when nothing changed.
    var noChanges: String { L10n.t("No changes.", in: language) }
    /// The summary table's columns.
    var change: String { L10n.t("Change", context: "redline", in: language) }
    var wordsAdded: String { L10n.t("Words added", in: language) }
    var wordsRemoved: String { L10n.t("Words removed", in: language) }
    /// The heading of the consolidated text.
    var fullText: String { L10n.t("Full text", context: "redline", in: language) }

    /// The labels for a BCP 47 language tag (`vi`, `km-KH`); English when unknown.
    static func forLanguage(_ tag: String) -> DiffLabels {
        DiffLabels(language: Language(code: tag) ?? .english)
    }

    /// The labels in the run's language.
    static var current: DiffLabels { DiffLabels(language: L10n.language) }

    static let english = DiffLabels(language: .english)
}
