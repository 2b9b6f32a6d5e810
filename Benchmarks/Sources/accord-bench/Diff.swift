import AccordCore
import ArgumentParser
import Foundation
import SyntheticTracker

extension AccordBench {
    /// Times the article-by-article diff of a synthetic instrument against a reworded copy.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the diff of an N-article instrument with a share of its articles reworded.")
        @Option(help: "Articles in the instrument.") var articles = 200
        @Option(help: "Percent of the articles reworded.") var changed = 30
        @Flag(help: "Also insert an article near the start, renumbering every later one.") var insert = false
        @Option(help: "How many times to run the diff; the median is printed.") var runs = 5
        @Option(help: "A real text's old version (with --new): time reading both files and the diff.") var old: String?
        @Option(help: "The new version of the text given with --old.") var new: String?

        func run() throws {
            if let old, let new { return try timeFiles(old, new) }
            let id = InstrumentID("bench-diff")!
            let oldText = SyntheticTracker.text(id, articles: articles, revision: 0)
            // Reword every article whose number falls in the chosen share, deterministically.
            var lines = oldText.components(separatedBy: "\n")
            var article = 0
            for index in lines.indices {
                if lines[index].hasPrefix("## Article ") { article += 1 }
                guard article > 0, (article * 37) % 100 < changed, lines[index].hasPrefix("1. ") else { continue }
                lines[index] = lines[index]
                    .replacingOccurrences(of: "designates a focal agency", with: "names a lead ministry")
                    .replacingOccurrences(of: "in writing", with: "through the hotline within ten days")
            }
            if insert, let at = lines.firstIndex(where: { $0.hasPrefix("## Article 3.") }) {
                lines.insert(contentsOf: ["## Article 3. Hotlines", "", "The Parties keep a hotline open at every border gate.", ""], at: at)
                var number = 0
                for index in lines.indices where lines[index].hasPrefix("## Article ") {
                    number += 1
                    let title = lines[index].split(separator: ".", maxSplits: 1).last.map(String.init) ?? ""
                    lines[index] = "## Article \(number).\(title)"
                }
            }
            let old = try InstrumentText.parse(Data(oldText.utf8), file: "old.md")
            let new = try InstrumentText.parse(Data(lines.joined(separator: "\n").utf8), file: "new.md")
            let clock = ContinuousClock()
            var times: [Duration] = []
            var diff: InstrumentDiff?
            for _ in 0..<max(1, runs) {
                times.append(clock.measure { diff = InstrumentDiff(old: old, new: new) })
            }
            let median = times.sorted()[times.count / 2]
            let kinds = Dictionary(grouping: diff?.articles ?? [], by: { "\($0.kind)" }).mapValues(\.count)
                .sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("diff of \(articles) articles, \(changed)% reworded\(insert ? ", one inserted" : ""): "
                + "median \(median.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1)))) of \(times.count) runs (\(kinds))")
        }

        /// Times parsing the two files and diffing them, each run from the bytes, as a
        /// command does with no parsed text cached.
        private func timeFiles(_ oldPath: String, _ newPath: String) throws {
            let oldData = try Data(contentsOf: URL(fileURLWithPath: oldPath))
            let newData = try Data(contentsOf: URL(fileURLWithPath: newPath))
            let clock = ContinuousClock()
            var times: [Duration] = []
            var diff: InstrumentDiff?
            var articles = 0
            for _ in 0..<max(1, runs) {
                try times.append(clock.measure {
                    let old = try InstrumentText.parse(oldData, file: oldPath)
                    let new = try InstrumentText.parse(newData, file: newPath)
                    articles = new.articles.count
                    diff = InstrumentDiff(old: old, new: new)
                })
            }
            let median = times.sorted()[times.count / 2]
            let changed = diff?.changedArticles.count ?? 0
            print("parse and diff of \(newData.count / 1024) KB, \(articles) articles (\(changed) changed): "
                + "median \(median.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1)))) of \(times.count) runs")
        }
    }
}
