import Foundation
import Testing
@testable import AccordCore

@Suite struct InstrumentDiffTests {
    let old = """
        # Agreement

        ## Article 1. Purpose

        The parties cooperate against trafficking.

        ## Article 2. Focal agencies

        1. Each party designates a focal agency within three months.
        2. The focal agencies meet at least once a year, alternating the host.

        ## Article 3. Repatriation

        Victims are returned safely and with dignity, with the help of social workers.

        ## Article 4. Final provisions

        This Agreement enters into force on the date of signature.
        """

    @Test func anInsertedArticleRenumbersTheRestWithoutRemovingThem() throws {
        let new = """
            # Agreement

            ## Article 1. Purpose

            The parties cooperate against trafficking.

            ## Article 2. Hotline

            Each party runs a free telephone hotline for victims.

            ## Article 3. Focal agencies

            1. Each party designates a focal agency within three months.
            2. The focal agencies meet at least twice a year, alternating the host.

            ## Article 4. Repatriation

            Victims are returned safely and with dignity, with the help of social workers.

            ## Article 5. Final provisions

            This Agreement enters into force on the date of signature.
            """
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        let summary = diff.articles.map { "\($0.oldID ?? "-")→\($0.newID ?? "-") \($0.kind)\($0.isModified ? "+" : "")" }
        #expect(summary == ["1→1 unchanged", "-→2 added+", "2→3 renumbered+", "3→4 renumbered", "4→5 renumbered"])
        let agencies = diff.articles[2]
        #expect(agencies.clauses.map { "\($0.oldID ?? "-")→\($0.newID ?? "-") \($0.kind)" } == ["2.1→3.1 renumbered", "2.2→3.2 renumbered"])
        #expect(agencies.clauses[1].text.segments.contains(.inserted("twice")))
        #expect(agencies.wordsAdded == 1 && agencies.wordsRemoved == 1)
    }

    /// Clauses that move with their article (2.1 → 3.1, same marker, same words) do not make
    /// the article modified: a reader sees "renumbered", not "modified" with nothing marked.
    @Test func clausesCarriedAlongByARenumberingAreNotAModification() throws {
        let new = old.replacingOccurrences(of: "## Article 2. Focal agencies", with: "## Article 2. Hotline\n\nEach party runs a hotline.\n\n## Article 3. Focal agencies")
            .replacingOccurrences(of: "## Article 3. Repatriation", with: "## Article 4. Repatriation")
            .replacingOccurrences(of: "## Article 4. Final provisions", with: "## Article 5. Final provisions")
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        let agencies = try #require(diff.articles.first { $0.newID == "3" })
        #expect(agencies.kind == .renumbered)
        #expect(!agencies.isModified)
        #expect(agencies.clauses.map(\.kind) == [.renumbered, .renumbered])
    }

    @Test func aRewrittenArticleKeepsItsNumberAndAnInsertedClauseShiftsOthers() throws {
        let new = old
            .replacingOccurrences(of: "The parties cooperate against trafficking.",
                                  with: "Both governments work together on prevention, protection and prosecution.")
            .replacingOccurrences(of: "2. The focal agencies", with: "2. Focal agencies exchange data monthly.\n3. The focal agencies")
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        #expect(diff.articles[0].kind == .modified)
        #expect(diff.articles[1].clauses.map { "\($0.oldID ?? "-")→\($0.newID ?? "-") \($0.kind)" }
            == ["2.1→2.1 unchanged", "-→2.2 added", "2.2→2.3 renumbered"])
        #expect(diff.changedClauses() == ["2.2", "2.3"])
        #expect(diff.changedProvisions() == ["1", "2", "2.2", "2.3"])
    }

    @Test func movedAndRemovedArticles() throws {
        let new = """
            # Agreement

            ## Article 1. Purpose

            The parties cooperate against trafficking.

            ## Article 3. Repatriation

            Victims are returned safely and with dignity, with the help of social workers.

            ## Article 2. Focal agencies

            1. Each party designates a focal agency within three months.
            2. The focal agencies meet at least once a year, alternating the host.
            """
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        let summary = diff.articles.map { "\($0.oldID ?? "-")→\($0.newID ?? "-") \($0.kind)" }
        #expect(summary == ["1→1 unchanged", "3→3 moved", "2→2 unchanged", "4→- removed"])
        #expect(diff.changedClauses().isEmpty)
        #expect(diff.changedProvisions() == ["4"])
    }

    @Test func rewrappingAndWhitespaceAreNoChange() throws {
        let new = old
            .replacingOccurrences(of: "with dignity, with the help", with: "with   dignity,\nwith the\n  help")
            .replacingOccurrences(of: "\n\n", with: "\n\n\n")
            .replacingOccurrences(of: "1. Each", with: "1.  Each")
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        #expect(diff.isEmpty)
        #expect(diff.articles.allSatisfy { $0.kind == .unchanged })
        #expect(diff.changedProvisions().isEmpty)
    }

    @Test(arguments: [
        (TextFixtures.english, TextFixtures.english.replacingOccurrences(of: "once a year", with: "twice a year")),
        (TextFixtures.english, "# New title\n\n## Article 1. Only\n\nOne article left.\n"),
        ("## Article 1\n", TextFixtures.english),
        (TextFixtures.english, TextFixtures.english.replacingOccurrences(of: "## Article 3: Repatriation", with: "## Article 4: Repatriation")),
    ])
    func applyingTheJSONDiffToTheOldTextGivesTheNewText(old: String, new: String) throws {
        try expectApplyReproduces(old: TextFixtures.parse(old), new: TextFixtures.parse(new, file: "new.md"))
    }

    @Test func applyingRandomEditsRoundTripsThroughJSON() throws {
        var random = SplitMix64(seed: 2012)
        let source = TextFixtures.synthetic(articles: 12, seed: 2005)
        let old = try TextFixtures.parse(source)
        for _ in 0..<25 {
            var new = old
            for _ in 0..<Int(random.next() % 5) + 1 {
                let index = Int(random.next() % UInt64(new.articles.count))
                switch random.next() % 5 {
                case 0: new.articles.remove(at: index)
                case 1: new.articles.swapAt(index, Int(random.next() % UInt64(new.articles.count)))
                case 2:
                    var article = new.articles[index]
                    article.lead = RandomEdits.edit(article.lead, &random)
                    if !article.clauses.isEmpty { article.clauses.removeFirst() }
                    new.articles[index] = article
                default:
                    for clause in new.articles[index].clauses.indices {
                        new.articles[index].clauses[clause].text = RandomEdits.edit(new.articles[index].clauses[clause].text, &random)
                    }
                }
            }
            try expectApplyReproduces(old: old, new: TextFixtures.parse(new.normalizedMarkdown, file: "new.md"))
        }
    }

    @Test func aDiffDoesNotApplyToAnotherText() throws {
        let a = try TextFixtures.parse(old)
        let b = try TextFixtures.parse(old.replacingOccurrences(of: "three months", with: "six months"))
        let diff = InstrumentDiff(old: a, new: b)
        #expect(throws: InstrumentDiffError(file: "Agreements/tip-2005/text.en.md", part: "article 2")) {
            try diff.apply(to: b)
        }
    }

    private func expectApplyReproduces(old: InstrumentText, new: InstrumentText) throws {
        let diff = InstrumentDiff(old: old, new: new)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decoded = try JSONDecoder().decode(InstrumentDiff.self, from: encoder.encode(diff))
        #expect(decoded == diff)
        let rebuilt = try decoded.apply(to: old)
        #expect(rebuilt.normalizedMarkdown == new.normalizedMarkdown)
        #expect(rebuilt == new)
    }
}
