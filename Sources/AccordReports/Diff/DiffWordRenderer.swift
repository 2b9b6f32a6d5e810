public import AccordCore
public import Foundation

/// The diff as a Word document (.docx) with real tracked changes: the whole text, article by
/// article, every deleted word a `w:del` and every inserted word a `w:ins` by one author on
/// one date, so a lawyer can accept or reject each change in Word or LibreOffice. Accepting
/// all of them leaves the new text's words; rejecting all, the old text's. Clause markers
/// and article numbers that changed are tracked too; a clause or article added or removed
/// whole has its paragraph tracked, so nothing empty is left behind. (A moved article
/// stands at its new place: rejecting all restores its words, not its place.)
public struct DiffWordRenderer: Sendable {
    /// The instrument and the two versions, said above the text.
    public var heading: DiffHeading
    /// Who the changes are attributed to, and their date.
    public var revision: WordFile.Revision

    /// A renderer of `heading`'s versions, the changes by `revision`.
    public init(heading: DiffHeading, revision: WordFile.Revision) {
        self.heading = heading
        self.revision = revision
    }

    /// The diff as the bytes of a .docx file.
    public func render(_ diff: InstrumentDiff) throws -> Data {
        var document = WordFile(language: heading.language, revision: revision)
        let labels = DiffLabels.forLanguage(heading.language)
        document.heading(labels.changes, level: 0)
        document.paragraph([WordFile.Run(heading.title, bold: true)])
        if let notice = diff.notice { document.notice(L10n.t("Note:", in: labels.language), notice.text) }
        document.paragraph(L10n.t("From {1} to {2}.", in: labels.language, version(heading.old), version(heading.new)))
        document.paragraph(DiffLayout.summary(diff, labels: labels) + ".")
        document.paragraph([WordFile.Run(L10n.t("The changes are tracked: accept them all for the new text, reject them all for the old.", in: labels.language), italic: true)])

        if !diff.title.segments.isEmpty { document.paragraph(Self.tracked(diff.title).map(bold), style: "Heading1") }
        if !diff.frontMatter.segments.isEmpty { document.paragraph(Self.tracked(diff.frontMatter)) }
        for change in diff.articles {
            let whole: WordFile.Change? = change.kind == .added ? .inserted : change.kind == .removed ? .deleted : nil
            document.heading(articleName(change, labels: labels, whole: whole), level: 2, change: whole)
            // The blocks list the clauses in the order of `change.clauses`.
            var clauses = change.clauses.makeIterator()
            for block in DiffLayout.blocks(change, full: true, labels: labels) {
                switch block {
                case .title(let title):
                    // An unnumbered section (the preamble) is named by its title: the heading says it.
                    guard (change.newID ?? change.oldID)?.first?.isNumber == true else { continue }
                    document.paragraph(Self.tracked(title).map(bold), change: whole)
                case .text(let text):
                    document.paragraph(Self.tracked(text), change: whole)
                case .clause(_, let text):
                    let clause = clauses.next()
                    let paragraphChange: WordFile.Change? = whole ?? (clause?.kind == .added ? .inserted : clause?.kind == .removed ? .deleted : nil)
                    document.paragraph((clause.map(marker) ?? []) + Self.tracked(text), change: paragraphChange)
                }
            }
        }
        return try document.data()
    }

    /// `tip-2005@2012-09-28 (2012-09-28)`.
    private func version(_ version: DiffHeading.Version) -> String {
        version.label + (version.date.map { " (\($0))" } ?? "")
    }

    private func bold(_ run: WordFile.Run) -> WordFile.Run {
        var run = run
        run.bold = true
        return run
    }

    /// The article's name, its number tracked when it changed: `Article [-6-]{+7+}`.
    private func articleName(_ change: ArticleChange, labels: DiffLabels, whole: WordFile.Change?) -> [WordFile.Run] {
        let id = change.newID ?? change.oldID ?? ""
        let numbered = id.first?.isNumber == true
        guard whole == nil, numbered, let old = change.oldID, let new = change.newID, old != new else {
            if !numbered, whole == nil, let old = change.oldHeading, let new = change.newHeading, old != new {
                return [WordFile.Run(old, change: .deleted), WordFile.Run(new, change: .inserted)]
            }
            return [WordFile.Run(DiffLayout.name(change, labels: labels), change: whole)]
        }
        return [WordFile.Run(labels.article + " "), WordFile.Run(old, change: .deleted), WordFile.Run(new, change: .inserted)]
    }

    /// A clause's marker (`1.`, `a)`), tracked when it changed.
    private func marker(_ clause: ClauseChange) -> [WordFile.Run] {
        switch (clause.oldMarker, clause.newMarker) {
        case let (old?, new?) where old == new: [WordFile.Run(new + " ")]
        case let (old, new):
            (old.map { [WordFile.Run($0 + " ", change: .deleted)] } ?? []) + (new.map { [WordFile.Run($0 + " ", change: .inserted)] } ?? [])
        }
    }

    /// A redline as tracked changes.
    static func tracked(_ redline: Redline) -> [WordFile.Run] {
        redline.segments.map { segment in
            switch segment {
            case .equal(let text): WordFile.Run(text)
            case .deleted(let text): WordFile.Run(text, change: .deleted)
            case .inserted(let text): WordFile.Run(text, change: .inserted)
            }
        }
    }
}
