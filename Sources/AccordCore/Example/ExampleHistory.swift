public import Foundation
public import GitStore

/// The example's history as the commits that build it, oldest first: each instrument on
/// its signing date, each amendment on its date (tagged `<id>@<date>`), the plan on its
/// adoption date, each meeting, piece of evidence and status report on its own date.
public struct ExampleHistory: Sendable {
    /// One commit to make.
    public struct Step: Sendable {
        /// The date of the fact; the commit's author date.
        public let date: CalendarDate
        /// The commit message.
        public let message: String
        /// The author's name and email.
        public let author: (name: String, email: String)
        /// Files to write (data) or remove (nil), by tracker path.
        public let changes: [String: Data?]
        /// An annotated tag to put on the commit.
        public let tag: String?
    }

    /// The commits, in order.
    public let steps: [Step]

    /// The author of commits whose record names no reporter.
    public static let defaultAuthor = (name: "accord example", email: "example@accord.invalid")

    /// Checks the example and plans its commits; throws ``InvalidTrackerData`` (exit 65)
    /// when the example has any problem, before anything is written.
    public init(_ files: ExampleFiles) throws {
        let snapshot = try TrackerSnapshot.load(files)
        var problems = snapshot.diagnostics
        let paths = try files.paths()
        // (date, order within a day, step); instruments first, reports last, so records
        // never precede what they refer to on the same day.
        var planned: [(CalendarDate, Int, String, Step)] = []
        func step(_ date: CalendarDate, _ order: Int, _ message: String, _ changes: [String: Data?],
                  author: (name: String, email: String) = ExampleHistory.defaultAuthor, tag: String? = nil) {
            planned.append((date, order, message, Step(date: date, message: message, author: author, changes: changes, tag: tag)))
        }

        var settings: [String: Data?] = [:]
        if paths.contains(TrackerLayout.settings) { settings[TrackerLayout.settings] = try files.read(TrackerLayout.settings) }
        for instrument in snapshot.instruments {
            let prefix = "Agreements/\(instrument.id)/"
            var current: [String: Data] = [:]
            for path in paths where path.hasPrefix(prefix) { current[path] = try files.read(path) }
            // Each earlier revision must read cleanly too.
            var revisions: [(CalendarDate, [String: Data])] = []
            for date in [instrument.signed.date] + instrument.amendments.map(\.signing.date) {
                let earlier = try files.earlierFiles(of: instrument.id, at: date)
                for (path, data) in earlier ?? [:] {
                    problems += TrackerRecord.parse(path: path, data: data).diagnostics
                        .map { Diagnostic(file: "\(prefix)earlier/\(date)/\($0.file.dropFirst(prefix.count))",
                                          line: $0.line, field: $0.field, message: $0.message) }
                }
                revisions.append((date, earlier ?? current))
            }
            var previous: [String: Data] = [:]
            for (index, (date, files)) in revisions.enumerated() {
                var changes: [String: Data?] = files.mapValues { $0 }
                for path in previous.keys where files[path] == nil { changes[path] = .some(nil) }
                if index == 0 {
                    step(date, 0, "Add \(instrument.id), signed \(date)", changes,
                         tag: instrument.amendments.isEmpty ? nil : "\(instrument.id)@\(date)")
                } else {
                    let title = instrument.amendments[index - 1].title.map { ": \($0)" } ?? ""
                    step(date, 1, "Amend \(instrument.id) on \(date)\(title)", changes, tag: "\(instrument.id)@\(date)")
                }
                previous = files
            }
        }
        for plan in snapshot.plans {
            let path = "Plans/\(plan.id).yaml"
            step(plan.adopted.date, 2, "Adopt \(plan.id), \(plan.adopted.date)", [path: try files.read(path)])
        }
        for meeting in snapshot.meetings {
            step(meeting.date, 3, "Record meeting \(meeting.id)", [meeting.path: try files.read(meeting.path)])
        }
        for evidence in snapshot.evidence {
            step(evidence.date, 4, "Add evidence \(evidence.id)", [evidence.path: try files.read(evidence.path)])
        }
        for report in snapshot.reports {
            step(report.date, 5, "Report \(report.target) \(report.status.rawValue) for \(report.party)",
                 [report.path: try files.read(report.path)],
                 author: report.reporter.flatMap(Person.init).flatMap { $0.email.isEmpty ? nil : ($0.name, $0.email) } ?? Self.defaultAuthor)
        }
        for request in snapshot.requests {
            // Recorded when sent, then written anew with its answer on the day answered, as
            // `accord request add` and `accord request answer` would.
            var asSent = request
            asSent.answered = nil
            asSent.outcome = nil
            let author = request.reporter.flatMap(Person.init).flatMap { $0.email.isEmpty ? nil : ($0.name, $0.email) } ?? Self.defaultAuthor
            if let answered = request.answered {
                step(request.sent.firstDay, 6, asSent.commitMessage, [request.path: Data(asSent.yamlText().utf8)], author: author)
                step(answered.firstDay, 6, request.commitMessage, [request.path: try files.read(request.path)], author: author)
            } else {
                step(request.sent.firstDay, 6, request.commitMessage, [request.path: try files.read(request.path)], author: author)
            }
        }
        guard problems.isEmpty else { throw InvalidTrackerData(problems) }
        planned.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var steps = planned.map(\.3)
        // The settings come with the first commit.
        if let first = steps.first {
            steps[0] = Step(date: first.date, message: first.message, author: first.author,
                            changes: first.changes.merging(settings) { own, _ in own }, tag: first.tag)
        }
        self.steps = steps
    }

    /// Makes the commits in `repository` and returns the last one.
    @discardableResult
    public func write(into repository: Repository) throws -> ObjectID? {
        var last: ObjectID?
        for step in steps {
            var changes = ChangeSet()
            for (path, data) in step.changes.sorted(by: { $0.key < $1.key }) {
                if let data { changes.write(path, data) } else { changes.remove(path) }
            }
            let signature = Signature(name: step.author.name, email: step.author.email, date: step.date.noonUTC)
            let commit = try repository.apply(changes, message: step.message, author: signature)
            if let tag = step.tag {
                try repository.createTag(tag, target: commit, message: "\(tag): the text as signed or amended on \(step.date)",
                                         tagger: signature)
            }
            last = commit
        }
        return last
    }
}

extension CalendarDate {
    /// Noon UTC of this day: the commit time of a fact dated this day, the same calendar
    /// day wherever the log is read with the commit's own offset.
    public var noonUTC: Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }
}
