import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord search QUERY`: titles, notes and texts that hold every word of the query.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find titles, notes, summaries and articles by their words.",
            discussion: """
            Prints each title, note, commitment summary, decision or article of an \
            instrument text that holds every word of QUERY: what it is, its id, the part \
            (title, note, summary, text, or the article), its date, and its words. Case \
            does not matter; accents and tone marks do (ba and bà are different words). \
            Words are found in every script: Khmer, written without spaces, is split into \
            words the way ICU splits it, so one Khmer word finds the sentences that hold \
            it. Restricted evidence is never searched, not even its title.

            The words are looked up in an index kept in the git folder \
            (.git/accord/derived.sqlite, see docs/derived-store.md); the first search \
            indexes every file, later ones only the files that changed since, whoever \
            committed them. With --as-of, records dated after that day are left out \
            (texts are searched as they read now). Hits in illustrative records or working-summary texts carry their mark. --json prints {query, asOf, notice, hits} \
            (docs/json.md). Exits 0 whether or not anything was found.

              accord search trafficking
              accord search "border guard" --as-of 2016-12-31
              accord search "tái hòa nhập"
              accord search ជនរងគ្រោះ --json
            """)

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: ArgumentHelp("The words to find (all of them, anywhere in one title, note or article).",
                                     valueName: "query"))
        var query: [String]

        @Option(name: .customLong("as-of"), help: ArgumentHelp(
            "Leave out records dated after this day (reports, evidence, meetings; instruments and plans before signing or adoption).",
            valueName: "yyyy-mm-dd"))
        var asOf: CalendarDate?

        @Option(help: ArgumentHelp("Search the tracker as of this git revision (commit, tag or branch; default HEAD).",
                                   valueName: "rev"))
        var revision: String?

        @Flag(help: "Print JSON (keys documented in docs/json.md) instead of text.")
        var json = false

        @OptionGroup var terminal: TerminalOptions

        func validate() throws {
            guard !TrackerSearch.words(of: text).isEmpty else {
                throw ValidationError(L10n.t("the query holds no word to search for (punctuation and spaces are not searched)"))
            }
        }

        private var text: String { query.joined(separator: " ") }

        func run() throws {
            let repository = try repository.openTracker()
            let commit = try repository.resolve(typed: revision ?? "HEAD")
            var hits = try TrackerSearch.search(text, repository: repository, commit: commit, asOf: asOf)
            if !hits.isEmpty {
                // The marks come from the records, which the index does not hold.
                hits = hits.marked(in: try TrackerSnapshot.load(repository: repository, commit: commit))
            }
            let notice = ProvenanceNotice(Set(hits.flatMap(\.marks)))
            // Through the console, as every report: a hit's words come from records, perhaps
            // synced from the other party, and on a terminal their control characters are shown, not obeyed.
            let console = try Console(terminal, repository: repository)
            try console.show(Found(query: text, asOf: asOf?.description, notice: notice, hits: hits), json: json) { style in
                var lines: [String] = []
                if let notice { lines.append(style.bold(L10n.t("Note:")) + " " + notice.text + "\n") }
                if hits.isEmpty {
                    lines.append(TrackerSearch.words(of: text).count == 1
                        ? L10n.t("No title, note or text holds this word.") : L10n.t("No title, note or text holds these words."))
                    return lines.joined(separator: "\n") + "\n"
                }
                for hit in hits {
                    var heading = "\(hit.kind.displayName) \(hit.id) \(hit.partLabel)"
                    if !hit.language.isEmpty { heading += " (\(hit.language))" }
                    if let date = hit.date { heading += "  \(date)" }
                    lines.append(style.bold(heading) + ProvenanceNotice.suffix(hit.marks))
                    lines.append("  " + Self.excerpt(hit.text))
                }
                lines.append(hits.count == 1 ? L10n.t("1 match") : L10n.t("{1} matches", hits.count))
                return lines.joined(separator: "\n") + "\n"
            }
        }

        /// The first lines of a hit's words, on one line.
        static func excerpt(_ text: String) -> String {
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            return flat.count > 160 ? String(flat.prefix(159)) + "…" : flat
        }

        /// What --json prints.
        struct Found: Encodable {
            let query: String
            let asOf: String?
            /// The banner when any hit is marked.
            let notice: ProvenanceNotice?
            let hits: [SearchHit]
        }
    }
}
