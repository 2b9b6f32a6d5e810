@testable import AccordCore
import Foundation
import GitStore
import Testing

/// Groups of reports filed by their heads parse only the reports asked for, fetch the
/// bytes of the places asked for in several groups in one go, and give the reports a full
/// parse gives.
@Suite struct ReportGroupTests {
    /// Serves report bytes from memory and counts how often each file is asked for.
    final class CountingBytes: ReportBytes, @unchecked Sendable {
        let files: [String: Data]
        private let lock = NSLock()
        private var asked: [String: Int] = [:]
        private var calls = 0

        init(_ files: [String: Data]) { self.files = files }

        func bytes(of files: [(path: String, blob: ObjectID)]) -> [Data?] {
            lock.lock()
            defer { lock.unlock() }
            calls += 1
            for file in files { asked[file.path, default: 0] += 1 }
            return files.map { self.files[$0.path] }
        }

        var counts: [String: Int] {
            lock.lock()
            defer { lock.unlock() }
            return asked
        }

        var callCount: Int {
            lock.lock()
            defer { lock.unlock() }
            return calls
        }
    }

    let reports: [StatusReport]
    let bytes: CountingBytes
    /// The first party's reports and the second's, on one target.
    let groups: [ReportGroup]

    init() throws {
        var files: [String: Data] = [:]
        var reports: [StatusReport] = []
        for party in ["VN", "KH"] {
            for month in 1...8 {
                let date = String(format: "2019-%02d-10", month)
                let (path, text) = TrackerFixture.report("sr-\(date)-\(party.lowercased())", target: "tip-2005#4.1",
                                                         status: month % 2 == 0 ? "implemented" : "in-progress",
                                                         date: date, party: party, note: "Report \(month) of \(party).")
                let data = Data(text.utf8)
                let report = try #require(StatusReport.parse(data, file: path).value)
                files[path] = data
                reports.append(report)
            }
        }
        let bytes = CountingBytes(files)
        self.bytes = bytes
        self.reports = reports
        groups = try [reports[0..<8], reports[8...]].map { part in
            ReportGroup(entries: try part.map { report in
                let path = report.path
                return ReportEntry(StoredReportHead(report), path: path, blob: try Repository.blobID(of: files[path]!), bytes: bytes)
            })
        }
    }

    @Test func placesAskedForInSeveralGroupsAreFetchedTogetherAndAlone() {
        let parsed = ReportGroup.reports(at: [(groups[0], [1, 5]), (groups[1], [6, 0])])
        #expect(parsed == [[reports[1], reports[5]], [reports[14], reports[8]]])
        #expect(bytes.callCount == 1)
        #expect(bytes.counts == [reports[1].path: 1, reports[5].path: 1, reports[14].path: 1, reports[8].path: 1])
        // Nothing is kept: the groups are still unparsed.
        #expect(!groups[0].isParsed && !groups[1].isParsed)
    }

    @Test func aWholeGroupParsedAlreadyIsReadFrom() {
        #expect(groups[0].reports == Array(reports[0..<8]))
        #expect(bytes.counts.count == 8)
        let parsed = ReportGroup.reports(at: [(groups[1], [2]), (groups[0], [3, 7]), (groups[1], [5])])
        #expect(parsed == [[reports[10]], [reports[3], reports[7]], [reports[13]]])
        // Only the second group's places were fetched, once each.
        #expect(bytes.counts.count == 10)
        #expect(bytes.counts.values.allSatisfy { $0 == 1 })
    }
}
