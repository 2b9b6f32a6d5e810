import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord amend ID --text FILE …`: records a new revision of an instrument's text.
    struct Amend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "amend",
            abstract: "Record a new revision of an instrument's text as one tagged commit.",
            discussion: """
            FILE is accord's text format (.md), or a Word (.docx), PDF or plain text file read \
            as accord instrument add reads it (a Word draft with tracked changes needs --changes \
            accept or reject: one draft gives the old and the new text).

            Writes each FILE as Agreements/ID/text.<lang>.md in ONE commit dated DATE (the \
            author date), and tags it ID@DATE with an annotated tag naming who signed. Record \
            every language of one revision in one amend: repeat --text (and --lang).

            With --signed-by, the revision is an amending act: an entry (date, --place, the \
            message's first line as title, the signatories) is appended to amendments: in \
            instrument.yaml in the same commit. Without it the revision is a correction (a \
            corrected translation, a fixed typo) and the register is left as it is.

            The register rests on the text of the instrument's first language. When the new \
            text moves (renumbers), rewords or removes a clause a commitment rests on, found by \
            the same article and clause matching as accord diff, amend lists each with the \
            clause proposed and records nothing (65) until you check them and pass \
            --accept-remap to take the proposal, or --remap OLD=NEW,… to say where each went. \
            The commitments keep their ids (reports name them); their clause: is updated in the \
            same commit. Nothing is committed that accord validate would then refuse.

            The date is the day the revision was signed or made: not after today, and not \
            before the latest revision of the text (revisions are recorded oldest first).

            A text's language is the matching --lang; else, for a file named \
            <anything>.<lang>.md with a language of the instrument, that one; else the \
            instrument's first language. A language the instrument has no text in is refused \
            unless --add-language, which also adds it to languages:.

            Examples:
              accord amend tip-2005 --text amended.en.md --date 2012-09-28 \\
                --message "Agreement amending and supplementing the 2005 agreement" \\
                --signed-by "VN: Minister of Public Security" --signed-by "KH: Minister of Women's Affairs" \\
                --place "Ho Chi Minh City"
              accord amend tip-2005 --text fixed.vi.md --lang vi --date 2013-01-15 \\
                --message "Correct the Vietnamese translation of Article 7"

              accord amend tip-2005 --text amended.en.md --date 2020-01-10 --message "Insert Article 4" \
                --accept-remap

            Exit status: 0; 64 for a bad command line (a date that is not yyyy-mm-dd, \
            --signed-by without PARTY:, --remap not OLD=NEW); 65 when a text does not parse \
            (file:line), reads the same as the current text ("no change"), is in a language the \
            instrument lacks, is dated before the instrument was signed, after today or before \
            its latest revision, moves register clauses without --accept-remap or --remap, or \
            would leave the tracker with a problem it did not have; 66 when FILE, the instrument or the \
            tracker is missing; 73 when the tag ID@DATE exists; 75 when other writers kept \
            winning. On any failure nothing is committed and no tag is made.

            --quiet prints only the new revision's tag (ID@DATE); --verbose also the commit.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Argument(help: "The instrument, e.g. tip-2005.", completion: IDCompletion.ids([.instrument]))
        var id: String

        @Option(help: ArgumentHelp("The new text: .md, .docx, .pdf or .txt (repeat for several languages).", valueName: "file"))
        var text: [String] = []

        @Option(help: ArgumentHelp("The language of each --text, in the same order.", valueName: "lang"))
        var lang: [String] = []

        @Option(help: ArgumentHelp("The day of the revision: the commit's date and the tag's.", valueName: "yyyy-mm-dd"))
        var date: String

        @Option(help: ArgumentHelp("The commit message: what the revision is.", valueName: "text"))
        var message: String

        @Option(help: ArgumentHelp("Who signed the amending act, as PARTY: NAME (repeatable).", valueName: "party: name"))
        var signedBy: [String] = []

        @Option(help: ArgumentHelp("Where the amending act was signed (with --signed-by).", valueName: "place"))
        var place: String?

        @Option(help: ArgumentHelp("For a Word draft with tracked changes: accept or reject them.", valueName: "accept|reject"))
        var changes: TrackedChanges?

        @Flag(help: "Allow a text in a language the instrument has none in yet, and add it to languages:.")
        var addLanguage = false

        @Option(help: ArgumentHelp("Where register clauses went in the new text, OLD=NEW[,OLD=NEW…] (repeatable).",
                                   valueName: "old=new"))
        var remap: [String] = []

        @Flag(name: .customLong("accept-remap"), help: "Take the proposed remap of the register's clauses.")
        var acceptRemap = false

        func validate() throws {
            if text.isEmpty { throw ValidationError(L10n.t("give the new text with --text FILE")) }
            if !lang.isEmpty && lang.count != text.count {
                throw ValidationError(L10n.t("give one --lang per --text ({1} texts, {2} languages)", text.count, lang.count))
            }
            if CalendarDate(date) == nil { throw ValidationError(L10n.t("--date {1} is not a date (yyyy-mm-dd)", date)) }
            if message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError(L10n.t("--message is empty")) }
            _ = try signatories()
            if place != nil && signedBy.isEmpty { throw ValidationError(L10n.t("--place needs --signed-by")) }
            _ = try clauseRemap()
        }

        /// `--remap 4.2=5.2,4.4=5.4` as old clause to new; a usage error for anything else.
        private func clauseRemap() throws -> [String: String] {
            do { return try TextAmendment.remap(written: remap) } catch let error as AccordError {
                throw ValidationError(error.message)
            }
        }

        func run() throws {
            let context = try TrackerContext.open(repository, warn: false)
            let repository = context.repository
            let instrument = try context.instrument(id)
            var texts: [TextAmendment.NewText] = []
            for (index, file) in text.enumerated() {
                let data: Data
                if ["docx", "pdf", "txt"].contains(URL(fileURLWithPath: file).pathExtension.lowercased()) {
                    data = Data(try ImportedText.read(path: file, changes: changes).markdown.utf8)
                } else {
                    do {
                        data = try Data(contentsOf: URL(fileURLWithPath: file))
                    } catch {
                        throw AccordError(.notFound, L10n.t("cannot read {1}: no such file or not readable", file))
                    }
                }
                let language = lang.isEmpty ? Self.language(of: file, instrument: instrument) : lang[index]
                texts.append(TextAmendment.NewText(language: language, file: file, data: data))
            }
            let amendment = TextAmendment(instrument: instrument.id, texts: texts, date: CalendarDate(date)!, message: message,
                                          signatories: try signatories(), place: place, addingLanguages: addLanguage,
                                          remap: try clauseRemap(), acceptingRemap: acceptRemap)
            let author = TrackerLocation.defaultAuthor(of: repository)
            let recorded = try amendment.record(in: repository, author: (author.name, author.email))
            let languages = texts.map(\.language).joined(separator: ", ")
            if recorded.repaired {
                let lines = [L10n.t("Tagged {1} (commit {2}): an earlier amend recorded these texts but was stopped before it could tag them; nothing new was committed", recorded.tag, recorded.commit.short)]
                try write.report(id: recorded.tag, lines, commits: [], in: repository)
                return
            }
            let remapped = recorded.remapped.isEmpty ? [] : ["  " + L10n.t("register: {1}", recorded.remapped
                .sorted { QualifiedID.localOrder($0.key, $1.key) }
                .map { L10n.t("{1} now rests on clause {2}", "\(instrument.id)#\($0.key)", $0.value) }.joined(separator: ", "))]
            let lines = [L10n.t("Recorded {1} (commit {2}): {3}", recorded.tag, recorded.commit.short, languages)
                + (recorded.registered ? L10n.t("; added to amendments: in instrument.yaml") : "")] + remapped
                + texts.map(\.language).map { language in
                    guard let diff = recorded.diffs[language] else { return "  " + L10n.t("{1}: first text", language) }
                    let articles = diff.changedArticles.count == 1 ? L10n.t("1 article") : L10n.t("{1} articles", diff.changedArticles.count)
                    let words = diff.wordsAdded == 1 ? L10n.t("1 word added, {1} removed", diff.wordsRemoved)
                        : L10n.t("{1} words added, {2} removed", diff.wordsAdded, diff.wordsRemoved)
                    return "  " + L10n.t("{1}: {2} changed, {3}", language, articles, words)
                }
            try write.report(id: recorded.tag, lines, commits: [recorded.commit], in: repository)
        }

        /// `--signed-by "VN: Minister"` as signatories; a usage error without `PARTY:`.
        private func signatories() throws -> [Signatory] {
            try signedBy.map { value in
                guard let signatory = Signatory(written: value) else {
                    throw ValidationError(L10n.t("--signed-by \"{1}\" needs the party first, e.g. \"VN: Minister of Public Security\"", value))
                }
                return signatory
            }
        }

        /// The language of `file` when its name ends `.<lang>.md` with one of the instrument's
        /// languages, else the instrument's first language.
        static func language(of file: String, instrument: Instrument) -> String {
            TextAmendment.language(ofFile: file, instrument: instrument)
        }
    }
}
