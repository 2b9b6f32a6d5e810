import AccordCore
import AccordReports
import Foundation
import TestSupport
import Testing

/// Real laws with real revisions (Tests/Corpus, provenance in its README): article matching
/// measured against the correspondences a reader of the two versions would draw, and every
/// output checked on them. Comparing laws of hundreds of kilobytes in a debug build takes
/// minutes of CPU: `make test-slow` runs this suite, the quick loops leave it out.
@Suite(.tags(.slow), runBySlowTarget) struct CorpusTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        var name: String
        var old: InstrumentText
        var new: InstrumentText
        /// Old id → new id; `ambiguous` pairs count neither way.
        var expected: [String: String]
        var ambiguous: Set<String>
        var testDescription: String { name }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Every entry with its comparison, made once for the whole suite (on all cores): the
    /// comparisons of 400–500 KB laws are the suite's whole cost.
    static let compared: Result<[(entry: Entry, diff: InstrumentDiff)], any Error> = Result {
        let entries = try Self.entries()
        let diffs = LockedDiffs(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            diffs.set(index, InstrumentDiff(old: entries[index].old, new: entries[index].new))
        }
        return zip(entries, diffs.values).map { ($0, $1) }
    }

    /// The comparisons being made, one slot per entry.
    final class LockedDiffs: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [InstrumentDiff?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ diff: InstrumentDiff) { lock.withLock { slots[index] = diff } }
        var values: [InstrumentDiff] { lock.withLock { slots.compactMap { $0 } } }
    }

    static func entries() throws -> [Entry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/expected.txt").path) }
            .sorted()
        return try names.map { name in
            let base = folder.appendingPathComponent(name)
            let old = try InstrumentText.parse(Data(contentsOf: base.appendingPathComponent("old.md")), file: "\(name)/old.md")
            let new = try InstrumentText.parse(Data(contentsOf: base.appendingPathComponent("new.md")), file: "\(name)/new.md")
            var expected: [String: String] = [:]
            var ambiguous = Set<String>()
            for line in try String(contentsOf: base.appendingPathComponent("expected.txt"), encoding: .utf8)
                .split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: " ").map(String.init)
                guard fields.count >= 2 else { continue }
                if fields.count > 2 && fields[2] == "?" { ambiguous.insert(fields[0]) } else { expected[fields[0]] = fields[1] }
            }
            return Entry(name: name, old: old, new: new, expected: expected, ambiguous: ambiguous)
        }
    }

    @Test func matchingPrecisionAndRecallAreAtLeast98Percent() throws {
        let compared = try Self.compared.get()
        #expect(compared.count >= 6)
        var (truePositives, falsePositives, falseNegatives) = (0, 0, 0)
        var mistakes: [String] = []
        var summary: [String] = []
        for (entry, diff) in compared {
            let before = (truePositives, falsePositives, falseNegatives)
            defer {
                summary.append("\(entry.name): \(entry.expected.count) pairs, \(truePositives - before.0) found, "
                    + "\(falsePositives - before.1) false, \(falseNegatives - before.2) missed, \(entry.ambiguous.count) either way")
            }
            var predicted: [String: String] = [:]
            for change in diff.articles where change.kind != .replaced {
                if let old = change.oldID, let new = change.newID { predicted[old] = new }
            }
            for (old, new) in predicted where !entry.ambiguous.contains(old) {
                if entry.expected[old] == new { truePositives += 1 } else {
                    falsePositives += 1
                    mistakes.append("\(entry.name): \(old)→\(new) paired, expected \(entry.expected[old] ?? "none")")
                }
            }
            for (old, new) in entry.expected where predicted[old] != new {
                falseNegatives += 1
                mistakes.append("\(entry.name): \(old)→\(new) missed")
            }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        // The figures the corpus README quotes, printed so a run shows them.
        print((summary + ["precision \(precision), recall \(recall)"]).joined(separator: "\n"))
        #expect(precision >= 0.98, "precision \(precision): \(mistakes)")
        #expect(recall >= 0.98, "recall \(recall): \(mistakes)")
    }

    @Test func theJSONRebuildsTheNewTextAndTerminalMarksHoldNoSpace() throws {
        for (entry, diff) in try Self.compared.get() {
            let json = try DiffJSONRenderer().render(diff)
            let decoded = try JSONDecoder().decode(InstrumentDiff.self, from: Data(json.utf8))
            #expect(try decoded.apply(to: entry.old).normalizedMarkdown == entry.new.normalizedMarkdown, "\(entry.name)")

            let terminal = DiffTerminalRenderer(colour: false, full: true).render(diff)
            #expect(Self.badMarks(terminal, open: "[-", close: "-]") == [], "\(entry.name)")
            #expect(Self.badMarks(terminal, open: "{+", close: "+}") == [], "\(entry.name)")
        }
    }

    /// The marks whose text holds a space or a line break.
    static func badMarks(_ text: String, open: String, close: String) -> [String] {
        var bad: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: close) else { bad.append(String(rest.prefix(40))); break }
            let inside = rest[..<end.lowerBound]
            if inside.contains(" ") || inside.contains("\n") { bad.append(String(inside.prefix(40))) }
            rest = rest[end.upperBound...]
        }
        return bad
    }

    /// Every `**` and `~~` the Markdown output writes is read as a marker by a CommonMark
    /// reader (markdown-it, with tables and strikethrough as on git hosts): none is left in
    /// the rendered text.
    @Test func everyMarkdownMarkerRendersInACommonMarkReader() throws {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        let probe = Process()
        probe.executableURL = python
        probe.arguments = ["-c", "import markdown_it"]
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            Issue.record("python3-markdown-it is missing: make test installs it (apt-get install python3-markdown-it)")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var files: [String] = []
        var markers = 0
        for (entry, diff) in try Self.compared.get() {
            let markdown = DiffMarkdownRenderer(full: true).render(diff)
            markers += markdown.components(separatedBy: "**").count - 1
            let file = scratch.appendingPathComponent("\(entry.name).md")
            try Data(markdown.utf8).write(to: file)
            files.append(file.path)
        }
        #expect(markers > 100, "the corpus exercises the markers")
        let script = """
            import sys
            from markdown_it import MarkdownIt
            md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
            for path in sys.argv[1:]:
                html = md.render(open(path, encoding="utf-8").read())
                for marker in ("**", "~~"):
                    if marker in html:
                        i = html.index(marker)
                        print(path + ": " + html[max(0, i - 60):i + 60].replace("\\n", " "))
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script] + files
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "", "markers left as text:\n\(text)")
    }
}
