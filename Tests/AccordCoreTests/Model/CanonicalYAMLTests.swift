@testable import AccordCore
import Foundation
import Testing

/// The reader of accord's own layout must mean exactly what the general YAML parser means
/// whenever it answers, and must answer for everything accord writes.
@Suite struct CanonicalYAMLTests {
    /// The canonical reading, when there is one, equals Yams's.
    func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let canonical = CanonicalYAML.parse(text) else { return }
        let general: YAMLNode?
        do {
            general = try YAMLReader.compose(text)
        } catch {
            Issue.record("the canonical reader read a document YAML refuses (\(error)):\n\(text)",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(canonical == general, "\(text)", sourceLocation: sourceLocation)
    }

    /// Every YAML file of the project's example and every fixture.
    static func corpus() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var texts = [
            TrackerFixture.settings, TrackerFixture.instrument, TrackerFixture.plan,
            TrackerFixture.evidence, TrackerFixture.report, TrackerFixture.meeting,
        ]
        let walker = try #require(FileManager.default.enumerator(atPath: root.path))
        while let path = walker.nextObject() as? String {
            if path.hasPrefix(".") || path.contains("/.") { walker.skipDescendants(); continue }
            guard path.hasSuffix(".yaml") else { continue }
            texts.append(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
        #expect(texts.count > 100)
        return texts
    }

    @Test func agreesWithYAMLOnTheExampleAndFixtures() throws {
        for text in try Self.corpus() { expectAgreement(text) }
    }

    @Test func readsEveryRecordAccordWrites() throws {
        let snapshot = try TrackerSnapshot.load(ExampleFiles(root: ExampleDataTests.root))
        var written: [String] = snapshot.instruments.map { $0.yamlText() }
        written += snapshot.plans.map { $0.yamlText() }
        written += snapshot.evidence.map { $0.yamlText() }
        written += snapshot.reports.map { $0.yamlText() }
        written += snapshot.meetings.map { $0.yamlText() }
        written.append(try #require(snapshot.settings).yamlText())
        #expect(written.count > 100)
        for text in written {
            #expect(CanonicalYAML.parse(text) != nil, "\(text)")
            expectAgreement(text)
        }
    }

    @Test func everyScalarAccordWritesReadsBackAsWritten() throws {
        var samples = ["", " ", "a", "3.1", "2019-01-01", "-5", "no", "NULL", "~", "a: b", "a:b", "a :b", "a:",
                       "a #b", "a#b", "#a", "[a]", "a [b]", "{a}", "a, b", "'a'", "\"a\"", "a\"b", "a'b",
                       "back\\slash", "tab\there", "line\nbreak", "cr\rx", "nel\u{85}x", "ls\u{2028}x",
                       "bom\u{FEFF}x", "del\u{7F}x", "nul\u{0}x", "c1\u{9F}x", "Việt Nam", "Campuchia ក",
                       "emoji 🙂", "nonchar\u{FFFE}\u{FFFF}x", "  lead", "trail  ", "a  b", "-", "- a", "? a", "*a", "&a", "!a", "|a",
                       ">a", "%a", "@a", "`a", ",a", "a,", "]", "a]", "é:", "x\u{A0}y"]
        var generator = SplitMix64(seed: 8)
        let alphabet = Array("ab :#-,[]{}\"'\\\t\n?&*!|>%@`.0123456789é\u{85}")
        for _ in 0..<400 {
            let length = Int.random(in: 1...8, using: &generator)
            samples.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in samples {
            for inFlow in [false, true] {
                let scalar = YAMLOutput.scalar(text, inFlow: inFlow)
                let document = inFlow ? "key: [\(scalar), \(scalar)]\n" : "key: \(scalar)\nother: x\n"
                let node = try #require(CanonicalYAML.parse(document), "\(document)")
                expectAgreement(document)
                guard case .mapping(let pairs, _) = node else { Issue.record("not a mapping"); continue }
                switch pairs[0].value {
                case .scalar(let read, _, _): #expect(read == text)
                case .sequence(let items, _): #expect(items.map(\.scalarText) == [text, text])
                default: Issue.record("\(document)")
                }
            }
        }
    }

    /// Layouts close to accord's whose meaning differs in small ways: each is either read as
    /// YAML reads it or left to YAML.
    @Test func nearMissesAreReadAsYAMLReadsThemOrLeftToIt() {
        let cases = [
            "a: b\n", "a: b", "a:\n  b: c\n", "a:\n  - b\n  - c\n", "a:\n- b\n", "a:\n  - b\n - c\n",
            "a: b\n  c\n", "a:\n  - b\n    c\n", "a: b # note\n", "# note\na: b\n", "a: b\n\nc: d\n",
            "a: b\na: c\n", "a: \"b\" \n", "a: b \n", "a:  b\n", "a: 'b'\n", "a: |\n  b\n", "a: >\n  b\n",
            "a: &x b\nc: *x\n", "a: !t b\n", "a: {b: c}\n", "a: [b, c]\n", "a: [b,c]\n", "a: [ b ]\n",
            "a: [\"b\", c]\n", "a: [b: c]\n", "a: []\n", "a: [] \n", "a: [b] x\n", "---\na: b\n",
            "a: b\n...\n", "%YAML 1.1\n---\na: b\n", "- a\n- b\n", "- a: b\n  c: d\n- e\n",
            "- a: b\n   c: d\n", "- a: b\n c: d\n", "-  a\n", "- - a\n", "-\n  a: b\n", "a:\n  -\n    b: c\n",
            "a:\n    b: c\n    d: e\n", "a:\n    b: c\n  d: e\n", "a:\n  b:\n    - c\n  d: e\n",
            "a: \"\\x41\\u00e9\\n\\t\\\"\\\\\"\n", "a: \"\\/\"\n", "a: \"\\e\"\n", "a: \"\\ud800\"\n",
            "a: \"open\n", "a: \"b\"c\n", "a: b: c\n", "a: b:\n", "a:b\n", "a : b\n", "A-b_c: d\n",
            "_a: b\n", "1a: b\n", "a-: b\n", "a: null\n", "a: ~\n", "a: \"null\"\n", "a:\n",
            "a:\nb: c\n", "a: b\n c: d\n", " a: b\n", "a: b\n\t\n", "a:\tb\n", "a: b\r\n",
            "a: \u{85}\n", "a: x\u{2028}y\n", "\u{FEFF}a: b\n", "a: -b\n", "a: ?b\n", "a: b-\n",
            "a: 2019-01-01\n", "a: 3.1\n", "parties: [VN, KH]\n", "a:\n  - b: c\n    d: [e]\n  - f: g\n",
            "a:\n  b: c\nd:\n  - e\n", "a:\n  - b\nc: d\n", "a:\n  - b\n  c: d\n",
            "a: \"\"\n", "a: [\"\"]\n", "a: [\"a, b\"]\n", "a: [a b]\n", "a: [a #b]\n", "a: [#b]\n",
            "a: [\"b\"\n", "a: [b\n", "a: [b,]\n", "a: [, b]\n", "a: [b, c]]\n",
            "", "\n", "a\n", "\"a\"\n", "a: b\n- c\n",
        ]
        for text in cases { expectAgreement(text) }
    }

    /// Documents put together at random from pieces near accord's layout.
    @Test func randomDocumentsAreReadAsYAMLReadsThem() {
        let keys = ["a", "b", "id", "due-date", "a_1", "x"]
        let scalars = ["v", "\"q\"", "\"a\\nb\"", "[a, \"b\"]", "[]", "2019-01-01", "a: b", "c # d", "e:", "'f'",
                       "-", "- g", "null", "h  i", "[j,k]", "\"\\u00e9\"", "é"]
        var generator = SplitMix64(seed: 8)
        for _ in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let indent = String(repeating: " ", count: [0, 0, 0, 2, 2, 4, 1, 3].randomElement(using: &generator)!)
                let dash = Bool.random(using: &generator) && Bool.random(using: &generator) ? "- " : ""
                let key = keys.randomElement(using: &generator)!
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: lines.append("\(indent)\(dash)\(key):")
                case 1: lines.append("\(indent)\(dash)\(scalars.randomElement(using: &generator)!)")
                default: lines.append("\(indent)\(dash)\(key): \(scalars.randomElement(using: &generator)!)")
                }
            }
            expectAgreement(lines.joined(separator: "\n") + "\n")
        }
    }
}
