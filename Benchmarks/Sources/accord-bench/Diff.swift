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

        func run() throws {
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
    }
}
