import AccordCore

extension ShowReport {
    /// The report as text for a terminal: a heading, facts, then tables.
    public func renderTerminal(style: TerminalStyle) -> String {
        var out = ""
        func line(_ text: String = "") { out += text + "\n" }
        func fact(_ label: String, _ value: String?) { if let value, !value.isEmpty { line("\(style.dim(label + ":")) \(value)") } }
        func section(_ title: String) { line(); line(style.bold(title)) }
        /// Ids referred to, each with its mark.
        func references(_ ids: [String]) -> String {
            ids.map { $0 + ProvenanceNotice.suffix(referenceMarks[$0] ?? []) }.joined(separator: ", ")
        }
        func targets(_ rows: [TargetRow]) {
            var table = TextTable([.init(L10n.t("id")), .init(L10n.t("due")), .init(L10n.t("status")), .init(L10n.t("summary"))])
            for row in rows {
                table.add([row.id, row.due.map(\.description) ?? "", ProgressStyle.parties(row.parties, style: style),
                           ProgressStyle.marked(ProgressStyle.clip(row.summary, 56), row.marks)])
            }
            out += table.render(style: style)
        }
        func revisions(_ list: [RevisionView]) {
            guard !list.isEmpty else { return }
            section(L10n.t("Text revisions"))
            for revision in list { line("  \(revision.date)  \(style.dim(String(revision.commit.prefix(7))))  \(revision.summary)") }
        }
        /// ` not verified: unsigned` for a record not signed by its party.
        func mark(_ record: String) -> String {
            unverified?[record].map { "  " + style.yellow(L10n.t("not verified: {1}", $0)) } ?? ""
        }
        func evidence(_ item: EvidenceView) {
            let title = item.redacted ? style.dim(L10n.t("(restricted)")) : item.title
            line("  \(item.date)  \(item.id)  \(Self.evidenceKind(item.kind))\(item.party.map { " " + $0 } ?? "")  \(ProgressStyle.marked(title, item.marks))\(mark(item.id))")
        }
        out += ProgressStyle.banner(notice, style: style)
        line(style.bold("\(id)") + ProvenanceNotice.suffix(marks) + style.dim("  " + L10n.t("{1}, as of {2}", IDResolver.Kind(rawValue: kind)?.displayName ?? kind, asOf)) + mark(id))
        if let instrument {
            line(instrument.title)
            fact(L10n.t("kind"), Instrument.Kind(rawValue: instrument.kind)?.displayName ?? instrument.kind)
            fact(L10n.t("parties"), instrument.parties.joined(separator: ", "))
            fact(instrument.kind == "plan" ? L10n.t("adopted") : L10n.t("signed"), "\(instrument.date)")
            fact(L10n.t("status"), Instrument.Standing(rawValue: instrument.status)?.displayName ?? instrument.status)
            fact(L10n.t("languages"), instrument.languages.map { language in
                instrument.texts[language].map { "\(language) (\($0 == "authentic" ? L10n.t("authentic") : L10n.t("working summary")))" } ?? language
            }.joined(separator: ", "))
            fact(L10n.t("prevails"), instrument.prevails)
            fact(L10n.t("source"), instrument.source)
            fact(L10n.t("url"), instrument.url)
            if !instrument.sources.isEmpty {
                section(L10n.t("Sources"))
                for note in instrument.sources {
                    let about = [note.about, note.says].compactMap { $0 }.joined(separator: ": ")
                    line("  " + (about.isEmpty ? "" : about + " — ") + note.source)
                }
            }
            if !instrument.articles.isEmpty {
                section(instrument.kind == "plan" ? L10n.t("Areas") : L10n.t("Articles"))
                for article in instrument.articles { line("  \(article)") }
            }
            if !instrument.targets.isEmpty { section(instrument.kind == "plan" ? L10n.t("Items") : L10n.t("Commitments")); targets(instrument.targets) }
            if let review = instrument.reviews.first {
                section(L10n.t("Next review"))
                line("  \(review.date) \(ProgressStyle.marked(review.title, review.marks))")
            }
            revisions(instrument.revisions)
        }
        if let provision {
            fact(L10n.t("heading"), provision.heading)
            fact(L10n.t("file"), "\(provision.file):\(provision.line)")
            line()
            line(provision.text)
            if !provision.commitments.isEmpty { section(L10n.t("Commitments")); targets(provision.commitments) }
            for finding in provision.amendedSinceEvidence {
                line("\(finding.commitment) \(style.yellow(L10n.t("text amended since evidence:"))) \(Self.describe(finding))")
            }
        }
        if let planArea { targets(planArea) }
        if let target {
            line(ProgressStyle.marked(target.row.summary, target.row.marks))
            if let text = target.text, text != target.row.summary { line(); line(style.dim(text)) }
            line()
            fact(L10n.t("bound"), target.row.parties.map(\.party).joined(separator: ", ") + (target.row.joint ? " " + L10n.t("(jointly)") : ""))
            for (party, agency) in target.responsible.sorted(by: { $0.key < $1.key }) { fact(L10n.t("responsible {1}", party), agency) }
            for (party, agencies) in target.partners.sorted(by: { $0.key < $1.key }) {
                fact(L10n.t("partners {1}", party), agencies.joined(separator: ", "))
            }
            if let schedule = target.schedule {
                fact(L10n.t("due"), "\(schedule.first)" + (schedule.everyMonths.map { ", " + L10n.t("then every {1} months", $0) } ?? "")
                     + (schedule.until.map { " " + L10n.t("until {1}", $0) } ?? ""))
            }
            fact(L10n.t("period"), [target.start, target.end].compactMap { $0?.description }.joined(separator: " – "))
            fact(L10n.t("linked"), references(target.linked))
            if let finding = target.amendedSinceEvidence {
                line("\(style.yellow(L10n.t("text amended since evidence:"))) \(Self.describe(finding))")
            }
            section(L10n.t("Status"))
            for party in target.row.parties {
                let since = party.since.map { " " + L10n.t("since {1}", $0) } ?? ""
                let next = party.nextDue.map { ", " + L10n.t("next due {1}", $0) } ?? ""
                line("  \(party.party)  \(ProgressStyle.status(party.status, overdue: party.overdue, style: style))\(since)\(next)"
                     + (party.marks.isEmpty ? "" : "  " + ProvenanceNotice.tags(party.marks)))
            }
            if let together = target.row.jointly {
                let since = together.since.map { " " + L10n.t("since {1}", $0) } ?? ""
                line("  " + L10n.t("jointly") + "  \(ProgressStyle.status(together.status, overdue: together.overdue, style: style))\(since)"
                     + "  " + L10n.t("(a joint report settles it: --party joint)") + (together.marks.isEmpty ? "" : "  " + ProvenanceNotice.tags(together.marks)))
            }
            if !target.periods.isEmpty {
                section(L10n.t("Periods"))
                for period in target.periods {
                    let window = period.opens.map { L10n.t("{1} to {2}", $0, period.due) } ?? L10n.t("due {1}", period.due)
                    let settled = period.settledBy.map { id in
                        L10n.t("settled by {1} on {2}", id, period.settledOn!)
                            + (period.lateDays.map { style.yellow(", " + ($0 == 1 ? L10n.t("late by 1 day") : L10n.t("late by {1} days", $0))) } ?? "")
                    } ?? (period.overdue ? style.red(L10n.t("overdue: no settling report")) : style.dim(L10n.t("open", context: "period")))
                    line("  \(period.party)  \(window)  \(settled)")
                }
            }
            if !target.timeline.isEmpty {
                section(L10n.t("Timeline"))
                for report in target.timeline {
                    let party = report.parties.isEmpty ? report.party : "\(report.party) (\(report.parties.joined(separator: ", ")))"
                    let entry = "  \(report.date)  \(party) \(Self.statusName(report.status))\(report.reporter.map { "  " + L10n.t("by {1}", $0) } ?? "")"
                        + ProvenanceNotice.suffix(report.marks) + mark(report.id)
                    if let withdrawn = report.withdrawn {
                        line(style.dim(entry) + "  " + style.yellow("[\(withdrawn.displayKind)]"))
                        line("      \(style.dim(withdrawn.sentence))")
                    } else {
                        line(entry)
                        if let note = report.note {
                            line("      \(style.dim(ProgressStyle.clip(note, 90)))" + ProvenanceNotice.suffix(report.marks))
                        }
                    }
                }
            }
            if !target.evidence.isEmpty { section(L10n.t("Evidence")); target.evidence.forEach(evidence) }
            revisions(target.revisions)
        }
        if let item = self.evidence {
            line(item.redacted ? style.dim(L10n.t("(restricted: title, note, source, url, attachment and values withheld; --include-restricted shows them)")) : item.title)
            fact(L10n.t("kind"), Self.evidenceKind(item.kind))
            fact(L10n.t("date"), "\(item.date)")
            fact(L10n.t("party"), item.party)
            fact(L10n.t("sensitivity"), Evidence.Sensitivity(rawValue: item.sensitivity)?.displayName ?? item.sensitivity)
            fact(L10n.t("supports"), references(item.supports))
            fact(L10n.t("source"), item.source)
            fact(L10n.t("url"), item.url)
            fact(L10n.t("attachment"), item.attachment.map { L10n.t("{1} ({2} bytes) at {3}", $0.name, $0.size, $0.path) })
            for value in item.values {
                fact(L10n.t("value"), "\(value.indicator) = \(value.value)" + [value.scope, value.period].compactMap { $0 }.map { ", \($0)" }.joined()
                     + (value.source.map { " (" + L10n.t("source: {1}", $0) + ")" } ?? "") + ProvenanceNotice.suffix(value.marks))
            }
            fact(L10n.t("note"), item.note)
            fact(L10n.t("withdrawn"), item.withdrawn?.sentence)
        }
        if let meeting {
            line(meeting.title)
            fact(L10n.t("date"), "\(meeting.date)" + (meeting.endDate.map { " – \($0)" } ?? ""))
            fact(L10n.t("venue"), meeting.venue)
            fact(L10n.t("host"), meeting.host)
            fact(L10n.t("reviews"), references(meeting.reviews))
            fact(L10n.t("attendees"), meeting.attendees.joined(separator: "; "))
            fact(L10n.t("source"), meeting.source)
            fact(L10n.t("url"), meeting.url)
            section(L10n.t("Decisions"))
            for decision in meeting.decisions {
                line("  \(decision.id). \(ProgressStyle.marked(decision.text, decision.marks))")
                if let tracked = decision.tracked {
                    line("     \(ProgressStyle.parties(tracked.parties, style: style))\(tracked.due.map { ", " + L10n.t("due {1}", $0) } ?? "")")
                }
            }
        }
        if let report {
            fact(L10n.t("target"), report.target)
            fact(L10n.t("status"), L10n.t("{1} {2} from {3}", report.party, Self.statusName(report.status), report.date))
            fact(L10n.t("reporter"), report.reporter)
            fact(L10n.t("source"), report.source)
            fact(L10n.t("evidence"), report.evidence.joined(separator: ", "))
            fact(L10n.t("note"), report.note)
            fact(L10n.t("withdrawn"), report.withdrawn.map { $0.sentence + "; " + L10n.t("it counts for nothing") })
        }
        return out
    }

    /// An evidence kind's name for people (`legal-act`: `legal act`); a code accord does
    /// not know as written.
    static func evidenceKind(_ code: String) -> String { Evidence.Kind(rawValue: code)?.displayName ?? code }

    /// A status code's name for people (`in-progress`: `in progress`).
    static func statusName(_ code: String) -> String { Status(rawValue: code)?.displayName ?? code }

    /// `clause 7.2 changed on 2012-09-28 (tip-2005@2012-09-28); latest evidence 2009-12-01 (ev-…)`.
    static func describe(_ finding: AmendedSinceEvidence) -> String {
        L10n.t("clause {1} changed on {2} ({3}); latest evidence {4} ({5})", finding.clause, finding.revisionDate,
               finding.revision, finding.latestEvidenceDate, finding.latestEvidence)
    }
}
