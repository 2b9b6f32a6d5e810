import AccordCore
import Testing

/// `IDResolver` on the small in-memory tracker, plus an instrument that also has a
/// commitment 4.1 so that `4.1` is ambiguous.
@Suite struct IDResolverTests {
    static let crime = """
        id: crime-1997
        kind: agreement
        title:
          en: Police cooperation
        parties: [VN, KH]
        signed:
          date: 1997-01-01
        status: in-force
        languages: [en]
        commitments:
          - id: "4.1"
            summary: Exchange information.

        """

    let snapshot: TrackerSnapshot
    let resolver: IDResolver

    init() throws {
        var fixture = TrackerFixture.valid
        fixture["Agreements/crime-1997/instrument.yaml"] = Self.crime
        fixture["Agreements/crime-1997/text.en.md"] = "# Police cooperation\n\n## Article 4. Information\n\n1. Exchange information.\n\n## Article 31. Training\n\n1. Train officers.\n"
        snapshot = try fixture.snapshot()
        #expect(snapshot.diagnostics.map(\.description) == [])
        resolver = IDResolver(snapshot)
    }

    func resolve(_ text: String) throws -> IDResolver.Resolved { try resolver.resolve(text) }

    /// The failure resolving `text` throws; nil when it resolves.
    func failure(_ text: String) -> IDResolver.Failure? {
        do {
            _ = try resolver.resolve(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func fullIDsNameWhatTheyNameAndACommitmentWinsOverItsClause() throws {
        #expect(try resolve("tip-2005") == .init(id: "tip-2005", kind: .instrument))
        #expect(try resolve("tip-2005#4") == .init(id: "tip-2005#4", kind: .article))
        #expect(try resolve("tip-2005#4.1") == .init(id: "tip-2005#4.1", kind: .commitment))
        #expect(try resolve("plan-2017-2020#1") == .init(id: "plan-2017-2020#1", kind: .planArea))
        #expect(try resolve("plan-2017-2020#1.1") == .init(id: "plan-2017-2020#1.1", kind: .planItem))
        #expect(try resolve("2016-10-05-review") == .init(id: "2016-10-05-review", kind: .meeting))
        #expect(try resolve("2016-10-05-review#2") == .init(id: "2016-10-05-review#2", kind: .decision))
        #expect(try resolve("ev-2016-review") == .init(id: "ev-2016-review", kind: .evidence))
        #expect(try resolve("sr-2016-10-05-vn") == .init(id: "sr-2016-10-05-vn", kind: .report))
        // Typed with capitals or spaces around it.
        #expect(try resolve("  TIP-2005#4.1 ").id == "tip-2005#4.1")
    }

    @Test func everyFullIDResolvesToWhatTheCatalogSays() throws {
        // A fresh resolver answers full ids from the snapshot before it builds its catalog;
        // the answers must be the catalog's, for every kind of id.
        let catalog = IDResolver(snapshot).catalog
        #expect(Set(catalog.values) == Set(IDResolver.Kind.allCases))
        let fresh = IDResolver(snapshot)
        for (id, kind) in catalog {
            #expect(try fresh.resolve(id) == .init(id: id, kind: kind), "\(id)")
        }
    }

    @Test func aUniqueLocalPartIsEnough() throws {
        #expect(try resolve("5.1").id == "tip-2005#5.1")
        #expect(try resolve("1.1").id == "plan-2017-2020#1.1")
        #expect(try resolve("4.2").id == "tip-2005#4.2")
    }

    @Test func aUniquePrefixOrPartOfARecordIDIsEnough() throws {
        #expect(try resolve("ev-2016").id == "ev-2016-review")
        #expect(try resolve("sr-").id == "sr-2016-10-05-vn")
        #expect(try resolve("plan").id == "plan-2017-2020")
        #expect(try resolve("05-rev").id == "2016-10-05-review")
        // Fewer than three characters never match inside an id.
        #expect(failure("vn") != nil)
    }

    @Test func aShortOwnerWithAnExactLocalPart() throws {
        #expect(try resolve("tip#4.1").id == "tip-2005#4.1")
        #expect(try resolve("crime#4.1").id == "crime-1997#4.1")
        #expect(try resolve("plan#1.1").id == "plan-2017-2020#1.1")
    }

    @Test func anAmbiguousIDListsEveryCandidateInReadingOrder() {
        let failure = failure("4.1")
        #expect(failure == .ambiguous("4.1", candidates: ["crime-1997#4.1", "tip-2005#4.1"]))
        #expect(failure?.exitStatus == .usage)
        #expect(failure?.message == "ambiguous id '4.1': it could be crime-1997#4.1, tip-2005#4.1; give the full id")
        // Two ids contain "review": the meeting and the evidence.
        #expect(self.failure("review") == .ambiguous("review", candidates: ["2016-10-05-review", "ev-2016-review"]))
        // A local part both a plan area and a meeting decision have.
        #expect(self.failure("1") == .ambiguous("1", candidates: ["2016-10-05-review#1", "plan-2017-2020#1"]))
    }

    @Test func anUnknownIDSuggestsAtMostThreeNearestByEditDistance() {
        let failure = failure("tip-2005#4.9")
        // Distance 1: 4.1 and 4.2; then distance 2, in reading order.
        #expect(failure == .unknown("tip-2005#4.9", suggestions: ["tip-2005#4.1", "tip-2005#4.2", "tip-2005#4"]))
        #expect(failure?.exitStatus == .noInput)
        #expect(failure?.message == "unknown id 'tip-2005#4.9' (did you mean tip-2005#4.1, tip-2005#4.2, tip-2005#4?)")
        #expect(self.failure("tip-2050") == .unknown("tip-2050", suggestions: ["tip-2005"]))
        // Nothing close enough: no suggestion at all.
        #expect(self.failure("extradition-2013") == .unknown("extradition-2013", suggestions: []))
        #expect(self.failure("extradition-2013")?.message == "unknown id 'extradition-2013'")
    }

    @Test func resolvingAsAKindRefusesOtherKinds() throws {
        #expect(try resolver.resolve("tip", as: [.instrument]).id == "tip-2005")
        // An area where an item was wanted: unknown for this purpose, with the nearest items.
        #expect(throws: IDResolver.Failure.unknown("plan-2017-2020#1", suggestions: ["plan-2017-2020#1.1"])) {
            try resolver.resolve("plan-2017-2020#1", as: [.planItem])
        }
    }
}
