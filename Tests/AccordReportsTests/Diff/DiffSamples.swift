import AccordCore
import Foundation

/// Two short versions of a text whose diff shows every kind of change.
enum DiffSamples {
    static let old = """
        # Agreement on cooperation against trafficking

        ## Preamble

        The two Governments agree as follows.

        ## Article 1. Purpose

        The parties cooperate to prevent trafficking in women & children.

        1. Each party designates a focal agency.
        2. The focal agencies meet at least once a year.

        ## Article 2. Hotline

        Each party keeps a hotline.

        ## Article 3. Repatriation

        Victims are returned safely and with dignity to their home <province>.
        """

    static let new = """
        # Agreement on cooperation against trafficking

        ## Preamble

        The two Governments agree as follows.

        ## Article 1. Purpose

        The parties cooperate to prevent trafficking in persons.

        1. Each party designates a focal agency.
        2. The focal agencies meet at least twice a year.
        3. The focal agencies report to the ministers.

        ## Article 2. Repatriation

        Victims are returned safely and with dignity to their home <province>.
        """

    static func diff() throws -> InstrumentDiff {
        InstrumentDiff(
            old: try InstrumentText.parse(Data(old.utf8), file: "Agreements/tip-2005/text.en.md"),
            new: try InstrumentText.parse(Data(new.utf8), file: "Agreements/tip-2012/text.en.md"))
    }
}
