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

    /// A law replaced: the new article 3 shares a few words with the old one, whose true
    /// successor (same title, half its words) is now article 5.
    @Test func theSameNumberDoesNotMakeTheSameArticle() throws {
        let old = """
            ## Article 3. Repatriation of victims

            Victims identified abroad are returned to their country of origin safely, with dignity and with the help of social workers of both parties, at the cost of the receiving party.
            """
        let new = """
            ## Article 3. Data protection

            Personal data of victims collected under this Agreement are processed only for the purposes of the Agreement and deleted after five years.

            ## Article 4. Training

            Each party trains border officials in the identification of victims.

            ## Article 5. Repatriation of victims

            Victims identified abroad are returned home safely and with dignity; the sending party pays for the journey and arranges reception.
            """
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        let summary = diff.articles.map { "\($0.oldID ?? "-")→\($0.newID ?? "-") \($0.kind)" }
        #expect(summary == ["-→3 added", "-→4 added", "3→5 renumbered"])
    }

    @Test func articlesLeftUnderOneNumberAreShownAsReplaced() throws {
        let old = "## Article 1. Scope\n\nThe Agreement covers trafficking in persons across the common border.\n"
        let new = "## Article 1. Budget\n\nEach ministry funds its own hotline from the annual state budget.\n"
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        #expect(diff.articles.map(\.kind) == [.replaced])
        #expect(diff.articles[0].lead.segments.count == 2)
        try expectApplyReproduces(old: TextFixtures.parse(old), new: TextFixtures.parse(new, file: "new.md"))
    }

    /// Boilerplate the articles of a law share does not make two articles one.
    @Test func sharedBoilerplateIsNotEnough() throws {
        let boilerplate = "The competent authorities of the Parties shall, in accordance with their national laws and regulations and within the limits of their resources,"
        let old = "## Article 2. Shelters\n\n\(boilerplate) open shelters for victims.\n\n## Article 6. Hotlines\n\n\(boilerplate) run hotlines for reports.\n"
        let new = "## Article 2. Shelters\n\n\(boilerplate) open shelters for victims.\n\n## Article 7. Statistics\n\n\(boilerplate) publish yearly statistics on prosecutions.\n"
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        let summary = diff.articles.map { "\($0.oldID ?? "-")→\($0.newID ?? "-") \($0.kind)" }
        #expect(summary == ["2→2 unchanged", "6→- removed", "-→7 added"])
    }

    @Test func unnumberedSectionsAreMatchedLikeArticles() throws {
        let old = "## Article 1. Scope\n\nThe scope.\n\n## Final provisions\n\nThis Agreement enters into force on signature and lasts five years.\n\n## Signatures\n\nFor the Government of Viet Nam. For the Royal Government of Cambodia.\n"
        let new = "## Article 1. Scope\n\nThe scope.\n\n## Article 2. Review\n\nThe parties review the Agreement every year.\n\n## Final provisions\n\nThis Agreement enters into force on signature and lasts ten years.\n\n## Signatures\n\nFor the Government of Viet Nam. For the Royal Government of Cambodia.\n"
        let diff = InstrumentDiff(old: try TextFixtures.parse(old), new: try TextFixtures.parse(new))
        let summary = diff.articles.map { "\($0.oldID ?? "-")→\($0.newID ?? "-") \($0.kind)" }
        #expect(summary == ["1→1 unchanged", "-→2 added", "final-provisions→final-provisions modified", "signatures→signatures unchanged"])
    }
}
