import AccordCore
import Foundation
import TestSupport

/// A tracker held in memory: path → text. `valid` is a small tracker with no problems that
/// tests change one file of.
struct TrackerFixture: TrackerFiles {
    var files: [String: Data]

    init(_ files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    func paths() throws -> [String] { files.keys.sorted() }

    func read(_ path: String) throws -> Data { files[path]! }

    subscript(path: String) -> String? {
        get { files[path].map { String(decoding: $0, as: UTF8.self) } }
        set { files[path] = newValue.map { Data($0.utf8) } }
    }

    func snapshot() throws -> TrackerSnapshot { try TrackerSnapshot.load(self) }

    /// The rendered diagnostics of a load.
    func problems() throws -> [String] { try snapshot().diagnostics.map(\.description) }

    static let settings = SmallTracker.settings("""
        indicators:
          - id: cases
            title: Cases
            unit: cases
        scopes:
          - id: vn-nationwide
            title: Viet Nam, nationwide

        """)

    static let instrument = """
        id: tip-2005
        kind: agreement
        title:
          en: Agreement against trafficking
        parties: [VN, KH]
        signed:
          date: 2005-10-10
        status: in-force
        languages: [en]
        review-cycles:
          - id: annual
            title: Annual review
            every-months: 12
            from: 2006-10-10
        commitments:
          - id: "4.1"
            summary: Inform communities at risk.
            bound: each
            due: 2006-03-31
          - id: "4.2"
            summary: Joint patrols.
            bound: joint
            due: 2007-01-31
            every-months: 12
          - id: "5.1"
            summary: Investigate cases.
            bound: VN

        """

    static let text = """
        # Agreement against trafficking

        ## Article 4. Prevention

        1. Inform communities.
        2. Patrol together.

        ## Article 5. Investigation

        1. Investigate.

        """

    static let plan = """
        id: plan-2017-2020
        kind: plan
        title:
          en: Joint plan
        parties: [VN, KH]
        adopted:
          date: 2016-10-05
        period:
          start: 2017-01-01
          end: 2020-12-31
        implements: [tip-2005]
        areas:
          - id: "1"
            title: Coordination
            items:
              - id: "1.1"
                title: Name focal points
                lead:
                  VN: Ministry of Public Security
                start: 2017-01-01
                end: 2017-06-30
                implements: [tip-2005#4.1]

        """

    static let evidence = """
        id: ev-2016-review
        kind: minutes
        title: Minutes of the review
        date: 2016-10-05
        supports: [tip-2005#4.1]
        values:
          - indicator: cases
            scope: vn-nationwide
            period: "2015"
            value: 407

        """

    static let report = """
        id: sr-2016-10-05-vn
        target: tip-2005#4.1
        status: implemented
        date: 2016-10-05
        party: VN
        reporter: Nguyen Van An <an@example.gov.vn>
        evidence: [ev-2016-review]

        """

    static let meeting = """
        id: 2016-10-05-review
        title: Joint review
        date: 2016-10-04
        end-date: 2016-10-05
        venue: Sihanoukville
        host: KH
        reviews: [tip-2005/annual]
        decisions:
          - id: "1"
            text: Adopt the plan.
          - id: "2"
            text: Train staff on the procedure.
            due: 2017-12-31

        """

    static var valid: TrackerFixture {
        TrackerFixture([
            "accord.yaml": settings,
            "Agreements/tip-2005/instrument.yaml": instrument,
            "Agreements/tip-2005/text.en.md": text,
            "Plans/plan-2017-2020.yaml": plan,
            "Evidence/2016/ev-2016-review.yaml": evidence,
            "Events/2016/10/sr-2016-10-05-vn.yaml": report,
            "Meetings/2016-10-05-review.yaml": meeting,
        ])
    }

    /// A status report file's text.
    static func report(
        _ id: String, target: String, status: String, date: String, party: String, note: String? = nil
    ) -> (String, String) {
        let path = "Events/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))/\(id).yaml"
        var text = "id: \(id)\ntarget: \(target)\nstatus: \(status)\ndate: \(date)\nparty: \(party)\n"
        if let note { text += "note: \(note)\n" }
        return (path, text)
    }
}
