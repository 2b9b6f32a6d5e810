import Foundation
import Testing
@testable import AccordCore

/// Times the diff of a synthetic 200-article text with 30 % of its articles reworded, with
/// and without an article inserted near the start (which renumbers every later article:
/// the matcher's worst case). Runs only with ACCORD_BENCH=1 and asserts nothing about time:
/// `ACCORD_BENCH=1 swift test -c release --filter DiffBenchmark`.
@Suite struct DiffBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ACCORD_BENCH"] != nil), arguments: [false, true])
    func twoHundredArticlesThirtyPercentChanged(insertingAnArticle: Bool) throws {
        let old = try TextFixtures.parse(TextFixtures.synthetic(articles: 200, seed: 7))
        var random = SplitMix64(seed: 30)
        var new = old
        for index in new.articles.indices where random.next() % 10 < 3 {
            new.articles[index].lead = RandomEdits.edit(new.articles[index].lead, &random)
            for clause in new.articles[index].clauses.indices {
                new.articles[index].clauses[clause].text = RandomEdits.edit(new.articles[index].clauses[clause].text, &random)
            }
        }
        if insertingAnArticle {
            var inserted = new.articles[0]
            inserted.lead = "A wholly new article on hotlines."
            new.articles.insert(inserted, at: 2)
            for index in new.articles.indices {
                let id = String(index + 1)
                new.articles[index].id = id
                new.articles[index].heading = "Article \(id). \(new.articles[index].title)"
                for clause in new.articles[index].clauses.indices {
                    new.articles[index].clauses[clause].id = "\(id).\(clause + 1)"
                }
            }
        }

        let clock = ContinuousClock()
        var diff: InstrumentDiff?
        let elapsed = clock.measure { diff = InstrumentDiff(old: old, new: new) }
        let kinds = Dictionary(grouping: diff?.articles ?? [], by: \.kind).mapValues(\.count)
        print("diff of 200 articles, 30 % reworded, inserting an article: \(insertingAnArticle): \(elapsed) — \(kinds)")
    }
}
