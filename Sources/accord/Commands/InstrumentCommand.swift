import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord instrument`: add an instrument from the files a ministry holds.
    struct InstrumentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "instrument",
            abstract: "Add an instrument, its texts read from Word, PDF, text or Markdown files.",
            subcommands: [Add.self])
    }
}

extension Accord.InstrumentCommand {
    /// `accord instrument add ID`: the record and first texts of an instrument in one commit
    /// dated on its signing day.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a new instrument and its texts as one commit dated on the signing day.",
            discussion: """
            Writes Agreements/ID/instrument.yaml and one Agreements/ID/text.<lang>.md per --text \
            in ONE commit dated on the signing day (the author date, noon UTC), tagged ID@DATE: \
            the text history runs forward from the text as signed, and later texts are recorded \
            with accord amend.

            A text is read from .md (accord's text format, kept as it is), .txt, .docx or .pdf \
            (text PDFs, through pdftotext). Articles are found by their headings: "Article 7", \
            "Điều 7", "មាត្រា ៧" (Khmer digits too) at the start of a paragraph, followed by a \
            separator (. : — – -) or, in a Word document, set in bold or a heading style. Words \
            are never changed: accord adds only the # and ## marks of its format. A Word draft \
            with tracked changes needs --changes accept (the text as changed) or reject (before).

            --dry-run reads every text and prints the article outline found, recording nothing.

            Examples:
              accord instrument add tip-2005 --title "Agreement on cooperation against trafficking" \\
                --kind agreement --parties VN,KH --signed 2005-10-10 --place Hanoi \\
                --signatory "VN: Minister of Public Security" --signatory "KH: Minister of Interior" \\
                --in-force 2005-10-10 --text agreement.en.docx --lang en --text hiep-dinh.vi.pdf --lang vi

            Exit status: 0; 64 for a bad command line; 65 when a text cannot be read (damaged, \
            encrypted, a scanned PDF without text, not UTF-8) or does not parse, the signing day \
            is after today, or the record would not validate; 66 when a file or the tracker is \
            missing; 73 when the instrument or the tag ID@DATE exists. Nothing is committed on failure.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Argument(help: "The new instrument's id, e.g. tip-2005 (lowercase letters, digits and -).")
        var id: String

        @Option(help: ArgumentHelp("The title, in the first --lang (repeat as LANG: TITLE for other languages).", valueName: "title"))
        var title: [String] = []

        @Option(help: ArgumentHelp("agreement, treaty, memorandum, procedure, plan or other.", valueName: "kind"))
        var kind: String = "agreement"

        @Option(help: ArgumentHelp("The parties, as comma-separated codes, e.g. VN,KH.", valueName: "codes"))
        var parties: String

        @Option(help: ArgumentHelp("The signing day: the commit's date and the tag's.", valueName: "yyyy-mm-dd"))
        var signed: String

        @Option(help: ArgumentHelp("Where it was signed.", valueName: "place"))
        var place: String?

        @Option(help: ArgumentHelp("Who signed, as PARTY: NAME (repeatable).", valueName: "party: name"))
        var signatory: [String] = []

        @Option(name: .customLong("in-force"),
                help: ArgumentHelp("The day it entered into force, for all parties or as PARTY: DATE (repeatable).", valueName: "date"))
        var inForce: [String] = []

        @Option(help: ArgumentHelp("A file with a text: .md, .txt, .docx or .pdf (repeat for several languages).", valueName: "file"))
        var text: [String] = []

        @Option(help: ArgumentHelp("The language of each --text, in the same order (en, vi, km …).", valueName: "lang"))
        var lang: [String] = []

        @Option(help: ArgumentHelp("For a Word draft with tracked changes: accept or reject them.", valueName: "accept|reject"))
        var changes: TrackedChanges?

        @Flag(help: "Read the texts and print the articles found; record nothing.")
        var dryRun = false

        func validate() throws {
            if InstrumentID(id) == nil { throw ValidationError(L10n.t("{1} is not an instrument id (lowercase letters, digits and -)", id)) }
            if Instrument.Kind(rawValue: kind) == nil {
                throw ValidationError(L10n.t("--kind {1} is not one of {2}", kind, Instrument.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            if CalendarDate(signed) == nil { throw ValidationError(L10n.t("--signed {1} is not a date (yyyy-mm-dd)", signed)) }
            if title.isEmpty { throw ValidationError(L10n.t("give the title with --title")) }
            if lang.count != text.count { throw ValidationError(L10n.t("give one --lang per --text ({1} texts, {2} languages)", text.count, lang.count)) }
            _ = try partyCodes()
            _ = try signatories()
            _ = try entries()
        }

        private func partyCodes() throws -> [PartyCode] {
            let codes = parties.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !codes.isEmpty else { throw ValidationError(L10n.t("--parties is empty")) }
            return try codes.map { code in
                guard let party = PartyCode(code) else { throw ValidationError(L10n.t("--parties: {1} is not a party code (e.g. VN)", code)) }
                return party
            }
        }

        private func signatories() throws -> [Signatory] {
            try signatory.map { value in
                guard let signatory = Signatory(written: value) else {
                    throw ValidationError(L10n.t("--signatory \"{1}\" needs the party first, e.g. \"VN: Minister of Public Security\"", value))
                }
                return signatory
            }
        }

        private func entries() throws -> [Instrument.EntryIntoForce] {
            try inForce.map { value in
                guard let entry = Instrument.EntryIntoForce(written: value) else {
                    throw ValidationError(L10n.t("--in-force {1} should be a date or PARTY: DATE", value))
                }
                return entry
            }
        }

        /// The title per language: the first plain one in the first language, `LANG: TITLE` for others.
        private func titles() -> [String: String] {
            Instrument.titles(written: title, firstLanguage: lang.first ?? "en")
        }

        func run() throws {
            let texts = try zip(text, lang).map { file, language in
                InstrumentRegistration.Text(language: language, imported: try ImportedText.read(path: file, changes: changes))
            }
            let entries = try entries()
            let status: Instrument.Standing = entries.isEmpty ? .notYetInForce : .inForce
            let instrument = Instrument(
                id: InstrumentID(id)!, kind: Instrument.Kind(rawValue: kind)!, title: titles(), parties: try partyCodes(),
                signed: Signing(date: CalendarDate(signed)!, place: place), signatories: try signatories(),
                inForce: entries, status: status, languages: lang)
            let registration = InstrumentRegistration(instrument: instrument, texts: texts)
            if dryRun {
                var lines: [String] = []
                for (file, text) in zip(self.text, texts) {
                    lines.append("\(file) (\(text.language)):")
                    lines += text.imported.outline.map { "  " + $0 }
                }
                lines.append(L10n.t("Would record {1}: {2}", registration.tag, registration.files.map(\.path).joined(separator: ", ")))
                Console.say(lines: lines)
                return
            }
            let repository = try repository.openTracker()
            let author = TrackerLocation.defaultAuthor(of: repository)
            let recorded = try registration.record(in: repository, author: (author.name, author.email))
            var lines = [L10n.t("Recorded {1} (commit {2}): {3}", recorded.tag, recorded.commit.short,
                                registration.files.map(\.path).joined(separator: ", "))]
            for text in texts {
                let articles = text.imported.text.articles.filter { $0.id != Article.preambleID }.count
                lines.append("  \(text.language): " + (articles == 1 ? L10n.t("1 article") : L10n.t("{1} articles", articles)))
            }
            try write.report(id: recorded.tag, lines, commits: [recorded.commit], in: repository)
        }
    }
}

