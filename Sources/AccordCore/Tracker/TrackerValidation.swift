internal import Foundation

/// The checks between files: ids that must match file names and folders, ids that must be
/// unique, and references that must lead somewhere. Problems inside one file are found
/// while reading it; these need the whole tracker.
struct TrackerValidation {
    private(set) var diagnostics: [Diagnostic]
    private let files: TrackerFileSet
    private let parties: Set<PartyCode>?
    private let indicators: Set<String>
    private let scopes: Set<String>
    private let targets: [QualifiedID: TrackedTarget]
    /// Owners (instruments, plans, meetings) whose own file has problems: references into
    /// them are not checked, so one mistake is not reported again in every record.
    private let brokenOwners: Set<String>
    /// Whether `accord.yaml` is there but could not be read: its parties, indicators and
    /// scopes are then unknown, and references to them are not checked, so one bad value
    /// there is not reported again in every record.
    private let settingsUnread: Bool
    /// Every evidence id and every meeting decision, built once: a lookup per record must
    /// not cost a pass over all records (100,000 reports × 20,000 pieces of evidence).
    private let evidenceIDs: Set<RecordID>
    /// Evidence that exists without being among `files` (see ``TrackerFileSet/knownEvidence``).
    private let knownEvidence: (RecordID) -> Bool
    private let decisionIDs: Set<QualifiedID>

    /// The status reports checked so far, by id: the file of the first with each id.
    private var reportFiles: [RecordID: String] = [:]
    /// The reports found to repeat an earlier report's id, reported with the other
    /// uniqueness problems.
    private var repeatedReports: [Diagnostic] = []

    /// Checks `files`; given `only`, the checks of each file are run for those files alone
    /// (the tracker-wide uniqueness checks always run).
    init(files: TrackerFileSet, targets: [TrackedTarget], only: Set<String>? = nil) {
        self.init(context: files, targets: targets)
        checkOwnersAndEvidence(only: only)
        for file in files.reports { check(file, wanted: only?.contains(file.file) ?? true) }
        checkTheRest(only: only)
    }

    /// A check of the status reports of a tracker whose other files are `files` (which
    /// hold no report), one report at a time (``add(_:)``), then of everything else
    /// (``finish()``): what a cold read does as it parses, so that it never holds every
    /// parsed report at once.
    static func reportByReport(files: TrackerFileSet, targets: [TrackedTarget], reports: Int) -> TrackerValidation {
        var validation = TrackerValidation(context: files, targets: targets)
        validation.reportFiles.reserveCapacity(reports)
        return validation
    }

    /// Checks one more status report, its file's own problems included; reports are added
    /// in path order.
    mutating func add(_ file: ParsedFile<StatusReport>) {
        diagnostics += file.diagnostics
        check(file, wanted: true)
    }

    /// Runs the checks of every file but the reports added, and gives every problem found.
    mutating func finish() -> [Diagnostic] {
        checkOwnersAndEvidence(only: nil)
        checkTheRest(only: nil)
        return diagnostics
    }

    /// What the checks look things up in, built from `files`; nothing is checked yet.
    private init(context files: TrackerFileSet, targets: [TrackedTarget]) {
        self.files = files
        diagnostics = files.fileDiagnostics
        let settings = files.settings.first?.value
        parties = settings.map { Set($0.partyCodes) }
        settingsUnread = !files.settings.isEmpty && settings == nil
        let planIndicators = files.plans.compactMap(\.value).flatMap(\.items).flatMap(\.indicators).map(\.id)
        indicators = Set((settings?.indicators.map(\.id) ?? []) + planIndicators)
        scopes = Set(settings?.scopes.map(\.id) ?? [])
        self.targets = Dictionary(targets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var broken = Set<String>()
        for file in files.instruments where !file.diagnostics.isEmpty { broken.insert(Self.folderName(file.file)) }
        for file in files.plans where !file.diagnostics.isEmpty { broken.insert(TrackerLayout.recordName(ofPath: file.file)) }
        for file in files.meetings where !file.diagnostics.isEmpty { broken.insert(TrackerLayout.recordName(ofPath: file.file)) }
        brokenOwners = broken
        evidenceIDs = Set(files.evidence.compactMap(\.value?.id))
        knownEvidence = files.knownEvidence
        decisionIDs = Set(files.meetings.compactMap(\.value).flatMap { meeting in
            meeting.decisions.compactMap { QualifiedID(owner: meeting.id.rawValue, local: $0.id) }
        })
        reportFiles.reserveCapacity(files.reports.count)
    }

    /// The checks that come before the reports' in the list of problems.
    private mutating func checkOwnersAndEvidence(only: Set<String>?) {
        if files.settings.isEmpty {
            diagnostics.append(Diagnostic(file: "accord.yaml", line: 1, field: "", message: L10n.english("the tracker has no accord.yaml")))
        }
        checkOwnersAreUnique()
        func wanted(_ file: String) -> Bool { only?.contains(file) ?? true }
        for file in files.instruments where wanted(file.file) { check(file) }
        for file in files.plans where wanted(file.file) { check(file) }
        for file in files.evidence where wanted(file.file) { check(file) }
    }

    /// The checks that come after the reports' in the list of problems.
    private mutating func checkTheRest(only: Set<String>?) {
        func wanted(_ file: String) -> Bool { only?.contains(file) ?? true }
        for file in files.meetings where wanted(file.file) { check(file) }
        if !files.withdrawals.isEmpty {
            var withdrawn: [RecordID: String] = [:]
            for file in files.withdrawals {
                guard let withdrawal = file.value else { continue }
                if wanted(file.file) { check(file, earlier: withdrawn[withdrawal.withdraws]) }
                if withdrawn[withdrawal.withdraws] == nil { withdrawn[withdrawal.withdraws] = withdrawal.id.rawValue }
            }
        }
        for file in files.requests where wanted(file.file) { check(file) }
        checkRecordsAreUnique()
    }

    // MARK: Registers

    /// A request is filed under the year it was sent, and goes between two parties of the tracker.
    private mutating func check(_ file: ParsedFile<CooperationRequest>) {
        guard let request = file.value else { return }
        checkRecordName(request.id, file)
        let year = String(request.sent.year)
        expect(file.file.split(separator: "/").dropFirst().first.map(String.init) == year, file, "sent",
               L10n.english("the request was sent in {1} but is filed under another year; move it to Requests/{1}/", year))
        checkParty(request.from, file, "from")
        checkParty(request.to, file, "to")
    }

    // MARK: Instruments

    private mutating func check(_ file: ParsedFile<Instrument>) {
        guard let instrument = file.value else { return }
        expect(instrument.id.rawValue == Self.folderName(file.file), file, "id",
               L10n.english("{1} does not match its folder {2}", instrument.id, Self.folderName(file.file)))
        checkParties(instrument.parties, file, "parties")
        for (index, signatory) in instrument.signatories.enumerated() {
            checkParty(signatory.party, of: instrument.parties, file, "signatories[\(index + 1)].party")
        }
        for (index, entry) in instrument.inForce.enumerated() {
            if let party = entry.party { checkParty(party, of: instrument.parties, file, "in-force[\(index + 1)].party") }
        }
        for (field, reference) in [("amends", instrument.amends), ("supersedes", instrument.supersedes)] {
            if let reference, !files.instruments.contains(where: { $0.value?.id == reference }) {
                report(file, field, L10n.english("no instrument {1} in the tracker", reference))
            }
        }
        // Texts sit beside the file, whatever id the file claims.
        let folder = Self.folderName(file.file)
        let texts = InstrumentID(folder).flatMap { files.texts[$0] } ?? [:]
        let present = files.textFiles[folder] ?? []
        for (index, language) in instrument.languages.enumerated() where !present.contains(language) {
            report(file, "languages[\(index + 1)]", L10n.english("text.{1}.md is missing", language))
        }
        checkUnique(instrument.reviewCycles.map(\.id), list: "review-cycles", file, what: "review cycle")
        checkUnique(instrument.commitments.map(\.id), list: "commitments", file, what: "commitment")
        // Commitments rest on the text in the first listed language; a translation may lag
        // behind an amendment, so the others are not held to every clause.
        let primary = (instrument.languages.first { texts[$0] != nil } ?? texts.keys.sorted().first)
            .flatMap { language in texts[language].map { (language, $0) } }
        for commitment in instrument.commitments {
            let path = file.path(of: "commitments", id: commitment.id)
            if let (language, text) = primary {
                let clause = commitment.clauseID
                if text.clause(clause) == nil && text.article(clause) == nil {
                    report(file, "\(path).\(commitment.clause == nil ? "id" : "clause")",
                           L10n.english("clause {1} is not in text.{2}.md", clause, language))
                }
            }
            if case .party(let party) = commitment.bound {
                checkParty(party, of: instrument.parties, file, "\(path).bound")
            }
            for party in commitment.responsible.keys.sorted() {
                checkParty(party, of: instrument.parties, file, "\(path).responsible.\(party)")
            }
            for (index, indicator) in commitment.indicators.enumerated() where !indicators.contains(indicator) {
                report(file, "\(path).indicators[\(index + 1)]", L10n.english("no indicator {1} in accord.yaml", indicator))
            }
        }
    }

    // MARK: Plans

    private mutating func check(_ file: ParsedFile<ActionPlan>) {
        guard let plan = file.value else { return }
        expect(plan.id.rawValue == TrackerLayout.recordName(ofPath: file.file), file, "id",
               L10n.english("{1} does not match its file name {2}.yaml", plan.id, TrackerLayout.recordName(ofPath: file.file)))
        checkParties(plan.parties, file, "parties")
        for (index, instrument) in plan.implements.enumerated()
        where !files.instruments.contains(where: { $0.value?.id == instrument }) {
            report(file, "implements[\(index + 1)]", L10n.english("no instrument {1} in the tracker", instrument))
        }
        checkUnique(plan.reviewCycles.map(\.id), list: "review-cycles", file, what: "review cycle")
        checkUnique(plan.areas.map(\.id), list: "areas", file, what: "area")
        checkUnique(plan.items.map(\.id), list: "items", file, what: "item")
        for area in plan.areas {
            for item in area.items {
                let path = file.path(of: "items", id: item.id)
                if !item.id.hasPrefix(area.id + ".") {
                    report(file, "\(path).id", L10n.english("item {1} does not start with its area's id {2}.", item.id, area.id))
                }
                for party in item.lead.keys.sorted() { checkParty(party, of: plan.parties, file, "\(path).lead.\(party)") }
                for party in item.partners.keys.sorted() {
                    checkParty(party, of: plan.parties, file, "\(path).partners.\(party)")
                }
                for (index, indicator) in item.indicators.enumerated() where indicator.title == nil && !settingsUnread {
                    if !(files.settings.first?.value?.indicators.contains { $0.id == indicator.id } ?? false) {
                        report(file, "\(path).indicators[\(index + 1)].id",
                               L10n.english("{1} is not in accord.yaml; give it a title to make it local to the item", indicator.id))
                    }
                }
                for (index, reference) in item.implements.enumerated() {
                    checkTarget(reference, file, "\(path).implements[\(index + 1)]", kinds: [.commitment, .decision])
                }
            }
        }
    }

    // MARK: Evidence, status reports, meetings

    private mutating func check(_ file: ParsedFile<Evidence>) {
        guard let evidence = file.value else { return }
        checkRecordName(evidence.id, file)
        let year = file.file.split(separator: "/")[1]
        expect(year == String(evidence.date.year), file, "date",
               L10n.english("the evidence is dated {1} but filed under {2}; move it to Evidence/{3}/", evidence.date, year, evidence.date.year))
        if let party = evidence.party { checkParty(party, file, "party") }
        // Evidence may also back a decision that needs no follow-up (minutes adopting a plan).
        for (index, target) in evidence.supports.enumerated() where !isDecision(target) {
            checkTarget(target, file, "supports[\(index + 1)]", kinds: nil)
        }
        if let attachment = evidence.attachment, !files.attachments.contains(attachment.blob) {
            report(file, "attachment.blob", L10n.english("the attachment's bytes are missing at {1}", attachment.path))
        }
        for (index, value) in evidence.values.enumerated() where !settingsUnread {
            if !indicators.contains(value.indicator) {
                report(file, "values[\(index + 1)].indicator", L10n.english("no indicator {1} in accord.yaml or a plan", value.indicator))
            }
            if let scope = value.scope, !scopes.contains(scope) {
                report(file, "values[\(index + 1)].scope", L10n.english("no scope {1} in accord.yaml", scope))
            }
        }
    }

    /// Checks a report when `wanted`, and notes its id whether or not (ids are unique
    /// across the tracker).
    private mutating func check(_ file: ParsedFile<StatusReport>, wanted: Bool) {
        guard let report = file.value else { return }
        if let first = reportFiles[report.id] {
            repeatedReports.append(file.diagnostic("id", L10n.english("{1} is also the id of {2}", report.id, first)))
        } else {
            reportFiles[report.id] = file.file
        }
        guard wanted else { return }
        checkRecordName(report.id, file)
        if !Self.isFiled(file.file, under: report.date) {
            let parts = file.file.split(separator: "/")
            let month = report.date.month < 10 ? "0\(report.date.month)" : "\(report.date.month)"
            expect(parts[1] == String(report.date.year) && parts[2] == month, file, "date",
                   L10n.english("the report is dated {1} but filed under {2}/{3}; move it to Events/{4}/{5}/", report.date, parts[1], parts[2], report.date.year, month))
        }
        if report.party != .joint { checkParty(report.party, file, "party") }
        // A decision binds the tracker's parties, unknown while accord.yaml is unread.
        if checkTarget(report.target, file, "target", kinds: nil), let target = targets[report.target], !settingsUnread {
            if report.party == .joint && !target.isJoint {
                self.report(file, "party", L10n.english("{1} binds {2} separately, not jointly: each party reports for itself", report.target, target.parties.map(\.code).joined(separator: " and ")))
            } else if !target.reportingParties.contains(report.party) {
                self.report(file, "party", L10n.english("{1} does not bind {2}", report.target, report.party))
            }
            for (index, party) in report.parties.enumerated() where !target.parties.contains(party) {
                self.report(file, "parties[\(index + 1)]", L10n.english("{1} does not bind {2}", report.target, party))
            }
        }
        for (index, id) in report.evidence.enumerated() where !evidenceIDs.contains(id) && !knownEvidence(id) {
            self.report(file, "evidence[\(index + 1)]", L10n.english("no evidence {1} in the tracker", id))
        }
    }

    /// A withdrawal must name a report or evidence that exists, once; what replaces it must
    /// be a record of the same kind.
    private mutating func check(_ file: ParsedFile<Withdrawal>, earlier: String?) {
        guard let withdrawal = file.value else { return }
        checkRecordName(withdrawal.id, file)
        let year = String(withdrawal.date.year)
        expect(file.file.split(separator: "/").dropFirst().first.map(String.init) == year, file, "date",
               L10n.english("the withdrawal is dated {1} but filed under another year; move it to Withdrawals/{2}/", withdrawal.date, year))
        func kind(_ id: RecordID) -> String? {
            if reportFiles[id] != nil { return "status report" }
            if evidenceIDs.contains(id) || knownEvidence(id) { return "evidence" }
            return nil
        }
        let withdrawnKind = kind(withdrawal.withdraws)
        expect(withdrawnKind != nil, file, "withdraws", L10n.english("no status report or evidence {1} in the tracker", withdrawal.withdraws))
        if let earlier {
            report(file, "withdraws", L10n.english("{1} was withdrawn already, by {2}", withdrawal.withdraws, earlier))
        }
        if let replacement = withdrawal.replacedBy {
            if replacement == withdrawal.withdraws {
                report(file, "replaced-by", L10n.english("a record cannot replace itself"))
            } else if let replacementKind = kind(replacement) {
                if let withdrawnKind, withdrawnKind != replacementKind {
                    report(file, "replaced-by", L10n.english("{1} is {2}, but {3} is {4}", replacement, replacementKind == "evidence" ? "evidence" : "a status report", withdrawal.withdraws, withdrawnKind == "evidence" ? "evidence" : "a status report"))
                }
            } else {
                report(file, "replaced-by", L10n.english("no status report or evidence {1} in the tracker", replacement))
            }
        }
    }

    private mutating func check(_ file: ParsedFile<Meeting>) {
        guard let meeting = file.value else { return }
        checkRecordName(meeting.id, file)
        // A meeting known only by its month or year may carry that date as written.
        let idDate = CalendarDate(String(meeting.id.rawValue.prefix(10)))
        let last = (meeting.endDate ?? meeting.date).lastDay
        expect(idDate.map { $0 >= meeting.date.firstDay && $0 <= last } ?? false
                && meeting.id.rawValue.dropFirst(10).hasPrefix("-")
                || meeting.date.isPartial && meeting.id.rawValue.hasPrefix("\(meeting.date)-"), file, "id",
               L10n.english("a meeting's id starts with one of its days: {1}-…", meeting.date))
        if let host = meeting.host { checkParty(host, file, "host") }
        for (index, review) in meeting.reviews.enumerated() {
            let cycles = files.instruments.compactMap(\.value).first { $0.id == review.instrument }?.reviewCycles
                ?? files.plans.compactMap(\.value).first { $0.id == review.instrument }?.reviewCycles
            guard !brokenOwners.contains(review.instrument.rawValue) else { continue }
            if let cycles {
                if !cycles.contains(where: { $0.id == review.cycle }) {
                    report(file, "reviews[\(index + 1)]", L10n.english("{1} has no review cycle {2}", review.instrument, review.cycle))
                }
            } else {
                report(file, "reviews[\(index + 1)]", L10n.english("no instrument or plan {1} in the tracker", review.instrument))
            }
        }
        checkUnique(meeting.decisions.map(\.id), list: "decisions", file, what: "decision")
        for decision in meeting.decisions {
            let path = file.path(of: "decisions", id: decision.id)
            if case .party(let party) = decision.bound { checkParty(party, file, "\(path).bound") }
            for party in decision.responsible.keys.sorted() { checkParty(party, file, "\(path).responsible.\(party)") }
        }
    }

    // MARK: Uniqueness

    /// Instruments, plans and meetings share one namespace: their ids come before `#`.
    private mutating func checkOwnersAreUnique() {
        var seen: [String: String] = [:]
        func note(_ id: String?, _ file: String, into diagnostics: inout [Diagnostic], line: Int) {
            guard let id else { return }
            if let first = seen[id] {
                diagnostics.append(Diagnostic(file: file, line: line, field: "id", message: L10n.english("{1} is also the id of {2}", id, first)))
            } else {
                seen[id] = file
            }
        }
        for file in files.instruments { note(file.value?.id.rawValue, file.file, into: &diagnostics, line: file.line(of: "id")) }
        for file in files.plans { note(file.value?.id.rawValue, file.file, into: &diagnostics, line: file.line(of: "id")) }
        for file in files.meetings { note(file.value?.id.rawValue, file.file, into: &diagnostics, line: file.line(of: "id")) }
    }

    /// Evidence and reports live in dated folders, so two files may carry one id.
    private mutating func checkRecordsAreUnique() {
        checkUnique(files.evidence) { $0.id }
        diagnostics += repeatedReports
        checkUnique(files.withdrawals) { $0.id }
        checkUnique(files.requests) { $0.id }
    }

    private mutating func checkUnique<Value>(_ list: [ParsedFile<Value>], id: (Value) -> RecordID) {
        var seen: [RecordID: Int] = Dictionary(minimumCapacity: list.count)
        // By index: taking each file out of the list copies its value, every field retained
        // and released, 100,000 times for the reports of a large tracker.
        for index in list.indices {
            guard let recordID = list[index].value.map(id) else { continue }
            if let first = seen.updateValue(index, forKey: recordID) {
                seen[recordID] = first
                report(list[index], "id", L10n.english("{1} is also the id of {2}", recordID, list[first].file))
            }
        }
    }

    private mutating func checkUnique<Value>(_ ids: [String], list: String, _ file: ParsedFile<Value>, what: String) {
        var seen = Set<String>(), repeated: [String] = []
        for id in ids where !seen.insert(id).inserted && !repeated.contains(id) { repeated.append(id) }
        for id in repeated {
            let paths = file.paths(of: list, id: id)
            let first = file.line(of: paths.first ?? list)
            for path in paths.dropFirst() {
                report(file, "\(path).id", L10n.english("{1} {2} appears twice (first at line {3})", what, id, first))
            }
        }
    }

    // MARK: References

    /// Reports an unknown target; returns whether the target is known (or not checkable).
    @discardableResult
    private mutating func checkTarget<Value>(
        _ id: QualifiedID, _ file: ParsedFile<Value>, _ field: String, kinds: Set<TrackedTarget.Kind>?
    ) -> Bool {
        if brokenOwners.contains(id.owner) { return false }
        if let target = targets[id] {
            if let kinds, !kinds.contains(target.kind) {
                report(file, field, L10n.english("{1} is a {2}, not a commitment", id, target.kind.rawValue))
                return false
            }
            return true
        }
        if isDecision(id) {
            report(file, field, L10n.english("decision {1} has no due date, so it is not tracked", id))
        } else {
            report(file, field, L10n.english("no commitment, plan item or decision {1} in the tracker", id))
        }
        return false
    }

    private func isDecision(_ id: QualifiedID) -> Bool {
        decisionIDs.contains(id)
    }

    private mutating func checkParties<Value>(_ list: [PartyCode], _ file: ParsedFile<Value>, _ field: String) {
        for (index, party) in list.enumerated() { checkParty(party, file, "\(field)[\(index + 1)]") }
    }

    /// A party must be one of accord.yaml's (when it could be read) and, given `of`, one of
    /// the instrument's.
    private mutating func checkParty<Value>(
        _ party: PartyCode, of instrumentParties: [PartyCode]? = nil, _ file: ParsedFile<Value>, _ field: String
    ) {
        if let instrumentParties, !instrumentParties.contains(party) {
            report(file, field, L10n.english("{1} is not a party to this instrument", party))
        } else if let parties, !parties.contains(party) {
            report(file, field, L10n.english("{1} is not a party in accord.yaml", party))
        }
    }

    private mutating func checkRecordName<Value>(_ id: RecordID, _ file: ParsedFile<Value>) {
        if Self.isNamed(file.file, id.rawValue) { return }
        let name = TrackerLayout.recordName(ofPath: file.file)
        expect(id.rawValue == name, file, "id", L10n.english("{1} does not match its file name {2}.yaml", id, name))
    }

    // A cold read checks 100,000 report files; these two answer yes on the bytes of the
    // path, without splitting it into strings. Equal bytes are equal text; when the bytes
    // differ, the text is compared as before, which decides.

    /// Whether `path` is `…/<name>.yaml`, byte for byte.
    static func isNamed(_ path: String, _ name: String) -> Bool {
        var path = path, name = name
        return path.withUTF8 { path in
            name.withUTF8 { name in
                let end = path.count - 5
                let start = end - name.count
                guard start >= 0, start == 0 || path[start - 1] == UInt8(ascii: "/"),
                      memcmp(path.baseAddress! + end, ".yaml", 5) == 0 else { return false }
                return name.isEmpty || memcmp(path.baseAddress! + start, name.baseAddress!, name.count) == 0
            }
        }
    }

    /// Whether `path` starts `Events/<yyyy>/<mm>/` with the year and month of `date`, byte
    /// for byte.
    static func isFiled(_ path: String, under date: CalendarDate) -> Bool {
        guard (1000...9999).contains(date.year), (1...12).contains(date.month) else { return false }
        var path = path
        return path.withUTF8 { path in
            guard path.count > 15, memcmp(path.baseAddress!, "Events/", 7) == 0,
                  path[11] == UInt8(ascii: "/"), path[14] == UInt8(ascii: "/") else { return false }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for offset in range {
                    guard (48...57).contains(path[offset]) else { return nil }
                    value = value * 10 + Int(path[offset] - 48)
                }
                return value
            }
            return number(7..<11) == date.year && number(12..<14) == date.month
        }
    }

    /// The message is built only when the condition fails: a cold read checks 100,000 files.
    private mutating func expect<Value>(
        _ condition: Bool, _ file: ParsedFile<Value>, _ field: String, _ message: @autoclosure () -> String
    ) {
        if !condition { report(file, field, message()) }
    }

    private mutating func report<Value>(_ file: ParsedFile<Value>, _ field: String, _ message: String) {
        diagnostics.append(file.diagnostic(field, message))
    }

    /// `Agreements/tip-2005/instrument.yaml` gives `tip-2005`.
    static func folderName(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count >= 2 ? String(parts[parts.count - 2]) : path
    }
}
