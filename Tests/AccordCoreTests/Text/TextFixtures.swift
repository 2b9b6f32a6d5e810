import Foundation
@testable import AccordCore

/// Texts the tests share, and a few helpers to build more.
enum TextFixtures {
    static let english = """
        # Agreement on cooperation against trafficking in persons

        > Working summary written for the accord example.
        > It is not the authentic text.

        ## Preamble

        The Government of the Socialist Republic of Viet Nam and the Royal Government of
        Cambodia, recognising the harm done by trafficking in persons, agree as follows.

        ## Article 1. Purpose

        The parties cooperate to prevent trafficking in women and children.

        1. Each party designates a focal agency.
        2. The focal agencies meet at least once a year,
           alternating the host.

        ## Article 2 — Definitions

        For this Agreement:

        1. "Trafficking" means the recruitment, transport or harbouring of persons by force
           or deception for exploitation.
        2) "Victim" means a person who has been trafficked, in particular:
           a) a woman or girl;
           b) a child under eighteen.

           The parties interpret this definition generously.

        These definitions apply to the whole Agreement.

        ## Article 3: Repatriation

        (1) Victims are returned safely and with dignity.
        (2) Each party bears the cost on its own territory.

        """

    static func parse(_ text: String, file: String = "Agreements/tip-2005/text.en.md") throws -> InstrumentText {
        try InstrumentText.parse(Data(text.utf8), file: file)
    }

    /// A plain text of `count` articles, each with a lead and three clauses of varied words.
    static func synthetic(articles count: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        var text = "# Synthetic agreement\n\n"
        for number in 1...count {
            text += "## Article \(number). \(sentence(3, &random))\n\n\(sentence(25, &random))\n\n"
            for clause in 1...3 {
                text += "\(clause). \(sentence(30, &random))\n"
            }
            text += "\n"
        }
        return text
    }

    static let vocabulary = """
        party parties agency border victim trafficking cooperation prevent protect report meeting \
        year annual plan police court child woman return repatriation shelter fund training \
        information exchange hotline province district ministry labour social welfare justice \
        investigate prosecute identify assist support review commission secretariat host the of \
        and to in for with each shall may under this agreement article clause national local
        """.split(separator: " ").map(String.init)

    static func sentence(_ words: Int, _ random: inout SplitMix64) -> String {
        let body = (0..<words).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
        return body.joined(separator: " ").prefix(1).uppercased() + body.joined(separator: " ").dropFirst() + "."
    }
}

/// A small seeded generator, so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
