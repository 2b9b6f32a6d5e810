@testable import AccordCore
import Foundation
import GitStore
import Testing

/// A group of reports filed by their heads parses only the reports asked for, fetches the
/// bytes of each once however it is asked again (a few places, or the whole group), and
/// gives the reports a full parse gives.
@Suite struct ReportGroupTests {
    /// Serves report bytes from memory and counts how often each file is asked for.
    final class CountingBytes: ReportBytes, @unchecked Sendable {
        let files: [String: Data]
        private let lock = NSLock()
        private var asked: [String: Int] = [:]

        init(_ files: [String: Data]) { self.files = files }

        func bytes(of files: [(path: String, blob: ObjectID)]) -> [Data?] {
            lock.lock()
            defer { lock.unlock() }
            for file in files { asked[file.path, default: 0] += 1 }
            return files.map { self.files[$0.path] }
        }

        var counts: [String: Int] {
            lock.lock()
            defer { lock.unlock() }
            return asked
        }
    }

    let reports: [StatusReport]
    let bytes: CountingBytes
    let group: ReportGroup

    init() throws {
        var files: [String: Data] = [:]
        var reports: [StatusReport] = []
        for month in 1...8 {
            let date = String(format: "2019-%02d-10", month)
            let (path, text) = TrackerFixture.report("sr-\(date)-vn", target: "tip-2005#4.1",
                                                     status: month % 2 == 0 ? "implemented" : "in-progress",
                                                     date: date, party: "VN", note: "Report \(month).")
            let data = Data(text.utf8)
            let report = try #require(StatusReport.parse(data, file: path).value)
            files[path] = data
            reports.append(report)
        }
        let bytes = CountingBytes(files)
        self.bytes = bytes
        self.reports = reports
        group = ReportGroup(entries: try reports.map { report in
            let path = report.path
            return ReportEntry(StoredReportHead(report), path: path, blob: try Repository.blobID(of: files[path]!), bytes: bytes)
        })
    }

    @Test func placesAskedForAreParsedAloneAndFetchedOnce() {
        #expect(group.reports(at: [1, 5]) == [reports[1], reports[5]])
        #expect(bytes.counts == [reports[1].path: 1, reports[5].path: 1])
        #expect(!group.isParsed)
        // Asked again, with one more: only that one is fetched.
        #expect(group.reports(at: [5, 1, 6]) == [reports[5], reports[1], reports[6]])
        #expect(bytes.counts == [reports[1].path: 1, reports[5].path: 1, reports[6].path: 1])
    }

    @Test func theWholeGroupFetchesOnlyWhatWasNotParsedYet() {
        _ = group.reports(at: [0, 7])
        #expect(group.reports == reports)
        #expect(bytes.counts.count == reports.count)
        #expect(bytes.counts.values.allSatisfy { $0 == 1 })
        // Once the whole group is parsed, places are read from it.
        #expect(group.reports(at: [3]) == [reports[3]])
        #expect(bytes.counts.values.allSatisfy { $0 == 1 })
    }
}
