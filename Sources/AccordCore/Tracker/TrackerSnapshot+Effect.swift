public import GitStore

/// Effect in time, one rule for every command: an instrument exists from its signing,
/// binds from its entry into force and stops on the day it `ended`; a revision of its text is in force from its date until
/// the next; a commitment added or changed by an amendment binds from the amendment; a
/// plan exists and binds from its adoption; a meeting's decisions from the meeting.
extension TrackerSnapshot {
    /// The tracker as it stood on `date`: the instruments signed by then (those not yet in
    /// force marked `not-yet-in-force`), each with the register and texts in force then
    /// (`history`, read by ``InstrumentInForce/read(_:on:repository:commit:texts:)``), the
    /// plans adopted and the meetings held by then. Records dated later stay: the fold at
    /// `date` leaves them out. This snapshot itself when nothing differs.
    public func inForce(on date: CalendarDate, history: [InstrumentID: InstrumentInForce] = [:]) -> TrackerSnapshot {
        var changed = false
        var instruments: [Instrument] = []
        var textsThen: [InstrumentID: [String: InstrumentText]] = [:]
        var since: [QualifiedID: CalendarDate] = [:]
        for var instrument in self.instruments {
            guard instrument.signed.date <= date else { changed = true; continue }
            if let stood = history[instrument.id] {
                if stood.instrument != instrument { instrument = stood.instrument; changed = true }
                if let stoodTexts = stood.texts { textsThen[instrument.id] = stoodTexts; changed = true }
                for (local, day) in stood.commitmentsSince {
                    if let id = QualifiedID(owner: instrument.id.rawValue, local: local) { since[id] = day }
                }
            }
            // Its standing on the day: not yet in force before entry into force, in force
            // until it ended.
            if Self.entryIntoForce(of: instrument) > date, instrument.status == .inForce || instrument.ended != nil {
                instrument.status = .notYetInForce
                changed = true
            } else if let ended = instrument.ended, date < ended {
                instrument.status = .inForce
                changed = true
            }
            instruments.append(instrument)
        }
        let plans = self.plans.filter { $0.adopted.date <= date }
        let meetings = self.meetings.filter { $0.date <= date && !$0.planned }
        let planned = self.meetings.filter { $0.date > date && $0.planned }
        changed = changed || plans.count != self.plans.count || meetings.count != self.meetings.count
        guard changed else {
            var same = self
            same.commitmentsSince = since
            return same
        }
        let targets = TrackedTarget.all(instruments: instruments, plans: plans, meetings: meetings,
                                        parties: settings?.partyCodes ?? [])
        // The texts of today, but those the history tells stood then, decoded only if asked for.
        let texts = textsThen.isEmpty ? textShelf : Lazy { [textShelf, textsThen] in textShelf.value.merging(textsThen) { $1 } }
        // The reports are filed again only when the targets differ (a planned meeting left
        // out changes none).
        var stood = TrackerSnapshot(
            settings: settings, instruments: instruments, texts: texts, plans: plans, evidence: evidenceStore,
            meetings: meetings, attachments: attachments, withdrawals: withdrawals, requests: requests, targets: targets, diagnostics: diagnostics
        ) { [reportGroups, self] targets, position in
            targets == self.targets ? reportGroups
                : ReportGroups(filing: reportGroups.entries, targets: targets, position: position,
                               elsewhere: reportGroups.elsewhere)
        }
        stood.commitmentsSince = since
        stood.plannedMeetings = planned
        return stood
    }

    /// ``inForce(on:history:)`` with the history of every instrument whose text was revised
    /// (it lists amendments, or more than one tag `<id>@<date>` names a revision of it)
    /// read from `repository` in the ancestry of `commit`. With `prefetched` (what a
    /// ``TextHistory/Prefetch`` of `commit` read), the revisions it holds are used as they
    /// are, each instrument on its own core through its own cache and repository handle.
    public func inForce(on date: CalendarDate, repository: Repository, commit: ObjectID,
                        prefetched: TextHistory.Prefetched? = nil) throws -> TrackerSnapshot {
        let tagged = Dictionary(grouping: try repository.tags().compactMap { tag in
            tag.name.split(separator: "@").first.map(String.init)
        }, by: { $0 }).mapValues(\.count)
        let revised = instruments.filter { instrument in
            (!instrument.amendments.isEmpty || tagged[instrument.id.rawValue, default: 0] > 1) && instrument.signed.date <= date
        }
        let read = ParallelMap.map(revised, perCore: 1) { instrument -> Result<InstrumentInForce?, any Error> in
            Result {
                guard let revisions = prefetched?.revisions[instrument.id], let cache = prefetched?.caches[instrument.id] else {
                    return nil
                }
                return try InstrumentInForce.read(instrument, revisions: revisions, on: date, repository: cache.repository,
                                                  commit: commit, texts: cache)
            }
        }
        var history: [InstrumentID: InstrumentInForce] = [:]
        for (instrument, result) in zip(revised, read) {
            // Without a prefetch (or where it failed), read here, in instrument order, so the
            // first failure is the one reported.
            if prefetched?.revisions[instrument.id] == nil {
                history[instrument.id] = try InstrumentInForce.read(instrument, on: date, repository: repository, commit: commit)
            } else {
                history[instrument.id] = try result.get()
            }
        }
        return inForce(on: date, history: history)
    }

    /// The day an instrument binds from: its first entry into force, else its signing.
    static func entryIntoForce(of instrument: Instrument) -> CalendarDate {
        instrument.inForce.map(\.date).min() ?? instrument.signed.date
    }

    /// The day a target starts to bind: its instrument's entry into force (else signing),
    /// or the amendment that added or last changed it; its plan's adoption; or its
    /// meeting's first day. Targets not yet binding at an as-of date have no gaps and no
    /// progress to show.
    public func effectiveDate(of target: TrackedTarget) -> CalendarDate? {
        switch target.kind {
        case .commitment:
            guard let id = InstrumentID(target.id.owner), let instrument = instrument(id) else { return nil }
            let entry = Self.entryIntoForce(of: instrument)
            return commitmentsSince[target.id].map { max($0, entry) } ?? entry
        case .planItem:
            guard let id = InstrumentID(target.id.owner) else { return nil }
            return plan(id)?.adopted.date
        case .decision:
            return meetings.first { $0.id.rawValue == target.id.owner }?.date
        }
    }

    /// The day the instrument, plan or meeting `owner` came to exist, and how: an
    /// instrument's signing, a plan's adoption, a meeting's first day. Nil for an unknown owner.
    public func existence(of owner: String) -> (date: CalendarDate, event: String)? {
        if let id = InstrumentID(owner) {
            if let instrument = instrument(id) { return (instrument.signed.date, L10n.t("was signed")) }
            if let plan = plan(id) { return (plan.adopted.date, L10n.t("was adopted")) }
        }
        return meetings.first { $0.id.rawValue == owner }.map { ($0.date, L10n.t("was held")) }
    }

    /// Whether `target` binds on `date`: from its effective date, and, for a commitment
    /// of an instrument that ended, until that day.
    public func binds(_ target: TrackedTarget, on date: CalendarDate) -> Bool {
        guard let start = effectiveDate(of: target), start <= date else { return false }
        if target.kind == .commitment, let id = InstrumentID(target.id.owner), let ended = instrument(id)?.ended {
            return date < ended
        }
        return true
    }

    /// The file a target is declared in, for messages that say where to fix something.
    public func declaringFile(of target: TrackedTarget) -> String {
        switch target.kind {
        case .commitment: "Agreements/\(target.id.owner)/instrument.yaml"
        case .planItem: "Plans/\(target.id.owner).yaml"
        case .decision: "Meetings/\(target.id.owner).yaml"
        }
    }
}

extension CalendarDate {
    /// Whole calendar months from this date to `other` (0 when `other` is earlier or
    /// less than a month later).
    public func months(until other: CalendarDate) -> Int {
        var months = (other.year * 12 + other.month) - (year * 12 + month)
        if other.day < day, other.day < CalendarDate.length(ofMonth: other.month, in: other.year) { months -= 1 }
        return max(0, months)
    }
}
