internal import Foundation
public import GitStore

/// Items added to an action plan's matrix (`accord plan add`, `accord plan import`), recorded
/// as one commit of `Plans/<plan>.yaml`, and only when the tracker at that commit has no
/// problem it did not have before. Like a register edit, it rewrites a file that exists,
/// so it goes through `Repository.apply` with ``TrackerWriteCheck`` rather than
/// ``RecordWriter``, which only creates append-only records.
public struct PlanUpdate: Sendable {
    /// An item to add, and the area it goes in.
    public struct Entry: Sendable {
        /// The area's local id (`3`).
        public var area: String
        /// The area's title, needed when the plan has no such area yet.
        public var areaTitle: String?
        /// The item.
        public var item: PlanItem

        /// The item in a line, in the reader's language, as an import lists what it adds:
        /// `plan-2017-2020#7.1 Study of recruitment online (lead: KH: …; VN: …)`.
        public func line(in plan: InstrumentID) -> String {
            "\(plan)#\(item.id) \(item.title)"
                + (item.lead.isEmpty ? "" : " (" + L10n.t("lead: {1}", item.lead.sorted { $0.key.code < $1.key.code }
                    .map { "\($0.key): \($0.value)" }.joined(separator: "; ")) + ")")
        }

        /// An entry for `item` in `area`.
        public init(area: String, areaTitle: String? = nil, item: PlanItem) {
            self.area = area
            self.areaTitle = areaTitle
            self.item = item
        }
    }

    /// The plan.
    public let plan: InstrumentID
    /// The items, in the order they are added.
    public let entries: [Entry]

    /// Describes an update.
    public init(plan: InstrumentID, entries: [Entry]) {
        self.plan = plan
        self.entries = entries
    }

    /// Where the plan is stored.
    public static func path(of plan: InstrumentID) -> String { "Plans/\(plan).yaml" }

    /// The plan as it stands at the tip of `repository`.
    public static func current(_ plan: InstrumentID, in repository: Repository) throws -> ActionPlan {
        guard let tip = try repository.tip() else { throw AccordError(.notFound, L10n.t("the tracker has no commits")) }
        guard let data = try repository.read(path(of: plan), at: tip) else {
            throw AccordError(.notFound, L10n.t("no plan {1} in the tracker (no {2})", plan, path(of: plan)))
        }
        let parsed = ActionPlan.parse(data, file: path(of: plan))
        guard parsed.diagnostics.isEmpty, let value = parsed.value else { throw InvalidTrackerData(parsed.diagnostics) }
        return value
    }

    /// Why `entry` cannot go into `plan`: the field at fault (`item`, `area`, `party`,
    /// `period`) and a sentence, each; empty when it can.
    public static func problems(of entry: Entry, in plan: ActionPlan) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if plan.items.contains(where: { $0.id == entry.item.id }) {
            problems.append(("item", L10n.t("item {1}#{2} is in the plan already", plan.id, entry.item.id)))
        }
        if !plan.areas.contains(where: { $0.id == entry.area }) && (entry.areaTitle ?? "").isEmpty {
            problems.append(("area", L10n.t("the plan has no area {1}: give its title to add it (areas: {2})", entry.area, plan.areas.map(\.id).joined(separator: ", "))))
        }
        if !entry.item.id.hasPrefix(entry.area + ".") {
            problems.append(("item", L10n.t("item id {1} does not start with its area's id {2} and a dot ({2}.1)", entry.item.id, entry.area)))
        }
        for party in Set(entry.item.lead.keys).union(entry.item.partners.keys).sorted(by: { $0.code < $1.code })
        where !plan.parties.contains(party) {
            problems.append(("party", L10n.t("{1} is not a party to {2} ({3})", party, plan.id, plan.parties.map(\.code).joined(separator: ", "))))
        }
        if let start = entry.item.start, let end = entry.item.end, end.isWhollyBefore(start) {
            problems.append(("period", L10n.t("the period ends ({1}) before it starts ({2})", end, start)))
        }
        return problems
    }

    /// `plan` with the entries added: each item at the end of its area, a new area after the others.
    public func applied(to plan: ActionPlan) throws -> ActionPlan {
        var updated = plan
        for entry in entries {
            let problems = Self.problems(of: entry, in: updated)
            guard problems.isEmpty else { throw AccordError(.data, problems.map(\.message).joined(separator: "; ")) }
            if let index = updated.areas.firstIndex(where: { $0.id == entry.area }) {
                updated.areas[index].items.append(entry.item)
            } else {
                updated.areas.append(PlanArea(id: entry.area, title: entry.areaTitle ?? "", items: [entry.item]))
            }
        }
        return updated
    }

    /// Commits the update as `author`, with `message`; returns the commit. A problem the
    /// tracker would have afterwards and did not have before refuses it (65).
    public func record(in repository: Repository, author: Signature, message: String) throws -> ObjectID {
        let path = Self.path(of: plan)
        guard let tip = try repository.tip(), let original = try repository.read(path, at: tip) else {
            throw AccordError(.notFound, L10n.t("no plan {1} in the tracker (no {2})", plan, path))
        }
        let updated = try applied(to: Self.current(plan, in: repository))
        var changes = ChangeSet()
        changes.write(path, Data(editedYAML(String(decoding: original, as: UTF8.self), file: path, updated: updated).utf8))
        return try repository.apply(changes, message: message, author: author, verify: TrackerWriteCheck.verify(repository))
    }
}

extension PlanUpdate {
    /// The text of the plan file with the entries added, every line that was there kept as
    /// written (comments, folded text, key order): each item's lines go after the last
    /// line of its area, a new area's after the last area. Should the result not read back
    /// as exactly `updated`, the whole file is written afresh in the documented layout.
    func editedYAML(_ original: String, file: String, updated: ActionPlan) -> String {
        guard !original.contains("\r") else { return updated.yamlText() }
        var lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard Self.insert(entries, into: &lines) else { return updated.yamlText() }
        let edited = lines.joined(separator: "\n")
        let reread = ActionPlan.parse(Data(edited.utf8), file: file)
        return reread.diagnostics.isEmpty && reread.value == updated ? edited : updated.yamlText()
    }

    /// `value` as the lines of one entry of the list `key`, indented by `indent`.
    private static func rendered(_ value: YAMLOutput, key: String, indent: String) -> [String] {
        var map = YAMLMap()
        map.add(key, .list([value]))
        return map.text().split(separator: "\n").dropFirst().map { indent + String($0.dropFirst(2)) }
    }

    /// The indentation of `line`.
    private static func indent(_ line: String) -> String { String(line.prefix { $0 == " " }) }

    /// Where a block that starts at `start` ends: before the next line indented no deeper
    /// than `depth` that is not blank or a comment, with trailing blank lines left out.
    private static func end(of start: Int, depth: Int, in lines: [String]) -> Int {
        var end = start + 1
        while end < lines.count {
            let line = lines[end], trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") && indent(line).count <= depth { break }
            end += 1
        }
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        return end
    }

    /// Inserts the entries into the lines of a plan file in one pass over it (a matrix may
    /// add thousands of items); false when the file is not laid out as accord reads it line
    /// by line (flow style, say).
    private static func insert(_ entries: [Entry], into lines: inout [String]) -> Bool {
        guard let areas = lines.firstIndex(of: "areas:") else { return false }
        let areasEnd = end(of: areas, depth: 0, in: lines)
        guard let first = (areas + 1..<areasEnd).first(where: { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("- ") }) else {
            return false
        }
        let areaIndent = indent(lines[first])
        let starts = (areas + 1..<areasEnd).filter { lines[$0].hasPrefix(areaIndent + "- ") }
        // Each area of the file: where its lines end, and how its items are indented.
        var existing: [String: (end: Int, itemIndent: String)] = [:]
        for start in starts {
            let trimmed = lines[start].trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- id:") else { return false }
            let id = trimmed.dropFirst("- id:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let areaEnd = end(of: start, depth: areaIndent.count, in: lines)
            guard let items = (start..<areaEnd).first(where: { lines[$0] == areaIndent + "  items:" }),
                  let firstItem = (items + 1..<areaEnd).first(where: { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("- ") }) else {
                continue
            }
            existing[id] = (areaEnd, indent(lines[firstItem]))
        }
        var insertions: [Int: [String]] = [:]
        var newAreas: [PlanArea] = []
        for entry in entries {
            if let area = existing[entry.area] {
                insertions[area.end, default: []] += rendered(entry.item.yaml, key: "items", indent: area.itemIndent)
            } else if let index = newAreas.firstIndex(where: { $0.id == entry.area }) {
                newAreas[index].items.append(entry.item)
            } else if starts.contains(where: { lines[$0].contains("\"\(entry.area)\"") || lines[$0].hasSuffix(" \(entry.area)") }) {
                return false
            } else {
                newAreas.append(PlanArea(id: entry.area, title: entry.areaTitle ?? "", items: [entry.item]))
            }
        }
        // From the bottom up, so earlier indices stay right; new areas go after the items of
        // the last area when both land at the end of the areas.
        lines.insert(contentsOf: newAreas.flatMap { rendered($0.yaml, key: "areas", indent: areaIndent) }, at: areasEnd)
        for index in insertions.keys.sorted(by: >) {
            lines.insert(contentsOf: insertions[index] ?? [], at: index)
        }
        return true
    }
}

/// The rows of a plan matrix (`accord plan import`): one row per item and party, the columns
/// area, item, title, lead agency, party, target, period (and optionally area title,
/// partners, start, end, note), in any order and case. Rows of one item merge: each names
/// one party's lead agency.
public enum PlanMatrix {
    /// The columns accord reads, by their normal names.
    public static let known = ["area", "area title", "item", "title", "lead agency", "party", "partners", "target",
                               "period", "start", "end", "note"]

    /// The columns' names in `language`, which a sheet's header may use instead of accord's.
    public static func columnNames(in language: Language) -> [String: String] {
        ["area": L10n.t("area", context: "plan column", in: language),
         "area title": L10n.t("area title", context: "plan column", in: language),
         "item": L10n.t("item", context: "plan column", in: language),
         "title": L10n.t("title", context: "plan column", in: language),
         "lead agency": L10n.t("lead agency", context: "plan column", in: language),
         "party": L10n.t("party", context: "plan column", in: language),
         "partners": L10n.t("partners", context: "plan column", in: language),
         "target": L10n.t("target", context: "plan column", in: language),
         "period": L10n.t("period", context: "plan column", in: language),
         "start": L10n.t("start", context: "plan column", in: language),
         "end": L10n.t("end", context: "plan column", in: language),
         "note": L10n.t("note", context: "plan column", in: language)]
    }

    /// The entries the table holds for `plan`, or every problem as `FILE:row:column: message`,
    /// the column named by its header.
    public static func entries(_ table: SpreadsheetTable, file: String, plan: ActionPlan) -> (entries: [PlanUpdate.Entry], problems: [String]) {
        var problems: [String] = []
        let columns = TableColumns(table, known: known, names: columnNames(in:))
        for (letter, header) in columns.unknown {
            problems.append(L10n.t("{1}:1:{2}: unknown column \"{3}\" (accord reads {4})", file, letter, header, known.joined(separator: ", ")))
        }
        for required in ["area", "item", "title"] where !columns.has(required) {
            problems.append(L10n.t("{1}:1: no {2} column (needed: area, item, title)", file, required))
        }
        if table.rows.isEmpty { problems.append(L10n.t("{1}: the table has a header and no rows", file)) }
        guard problems.isEmpty else { return ([], problems) }

        var entries: [PlanUpdate.Entry] = []
        for row in table.rows {
            let at = { (column: String) in "\(file):\(row.number):\(columns.header(column))" }
            func cell(_ column: String) -> SpreadsheetTable.Cell { columns.cell(column, of: row) }
            func text(_ column: String) -> String { cell(column).text.trimmingCharacters(in: .whitespacesAndNewlines) }
            let before = problems.count
            let area = text("area"), id = text("item"), title = text("title")
            if area.isEmpty { problems.append("\(at("area")): " + L10n.t("empty", context: "cell")) }
            if id.isEmpty { problems.append("\(at("item")): " + L10n.t("empty", context: "cell")) }
            var lead: [PartyCode: String] = [:], partners: [PartyCode: [String]] = [:]
            let partyText = text("party"), agency = text("lead agency")
            var party: PartyCode?
            if !partyText.isEmpty {
                party = PartyCode(partyText.uppercased())
                if party == nil { problems.append(L10n.t("{1}: \"{2}\" is not a party code", at("party"), partyText)) }
            }
            if let party {
                if !agency.isEmpty { lead[party] = agency }
                let named = text("partners").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if !named.isEmpty { partners[party] = named }
            } else if !agency.isEmpty || !text("partners").isEmpty {
                problems.append(L10n.t("{1}: empty; a lead agency or partners belong to a party (VN, KH)", at("party")))
            }
            var start: CalendarDate?, end: CalendarDate?
            for (column, slot) in [("start", 0), ("end", 1)] {
                switch cell(column) {
                case .empty: break
                case .date(let date): if slot == 0 { start = date } else { end = date }
                case .text(let written):
                    guard let date = CalendarDate(written.trimmingCharacters(in: .whitespaces)) else {
                        problems.append(L10n.t("{1}: \"{2}\" is a date typed as text accord cannot read; write yyyy-mm-dd or use a date cell", at(column), written))
                        continue
                    }
                    if slot == 0 { start = date } else { end = date }
                case .number, .bool: problems.append(L10n.t("{1}: not a date", at(column)))
                }
            }
            let periodText = text("period")
            if !periodText.isEmpty {
                if let period = period(periodText) {
                    start = start ?? period.start
                    end = end ?? period.end
                } else {
                    problems.append(L10n.t("{1}: \"{2}\" is not a period: write 2017-01-01/2017-12-31, 2017-03/2018-06 or 2017-2018", at("period"), periodText))
                }
            }
            if let start, let end, end.isWhollyBefore(start) { problems.append(L10n.t("{1}: ends ({2}) before it starts ({3})", at("period"), end, start)) }
            guard problems.count == before else { continue }
            let target = text("target"), note = text("note"), areaTitle = text("area title")
            if let index = entries.firstIndex(where: { $0.item.id == id }) {
                // A further party's row of an item already read.
                var entry = entries[index]
                if !title.isEmpty && title != entry.item.title {
                    problems.append(L10n.t("{1}: item {2} is titled \"{3}\" on an earlier row", at("title"), id, entry.item.title))
                    continue
                }
                if let party, entry.item.lead[party] != nil, !agency.isEmpty {
                    problems.append(L10n.t("{1}: item {2} names {3}'s lead agency on an earlier row", at("party"), id, party))
                    continue
                }
                entry.item.lead.merge(lead) { first, _ in first }
                entry.item.partners.merge(partners) { first, _ in first }
                if !target.isEmpty && !entry.item.deliverables.contains(target) { entry.item.deliverables.append(target) }
                entry.item.start = entry.item.start ?? start
                entry.item.end = entry.item.end ?? end
                entries[index] = entry
                continue
            }
            if title.isEmpty {
                problems.append("\(at("title")): " + L10n.t("empty", context: "cell"))
                continue
            }
            let entry = PlanUpdate.Entry(
                area: area, areaTitle: areaTitle.isEmpty ? nil : areaTitle,
                item: PlanItem(id: id, title: title, lead: lead, partners: partners, start: start, end: end,
                               deliverables: target.isEmpty ? [] : [target], note: note.isEmpty ? nil : note))
            // What only the plan can tell: an item already there, an unknown area, a party not bound.
            let earlierAreas = entries.filter { $0.areaTitle != nil }.map { PlanArea(id: $0.area, title: $0.areaTitle ?? "") }
            var known = plan
            known.areas += earlierAreas.filter { area in !plan.areas.contains { $0.id == area.id } }
            for problem in PlanUpdate.problems(of: entry, in: known) { problems.append("\(at(problem.field)): \(problem.message)") }
            entries.append(entry)
        }
        return (problems.isEmpty ? entries : [], problems)
    }

    /// A period as a matrix writes it: `2017-01-01/2017-12-31`, `2017-03/2018-06`, `2017-2018`,
    /// `2017` (a whole year), with `/`, `–`, `—` or ` to ` between the ends.
    public static func period(_ text: String) -> (start: CalendarDate, end: CalendarDate)? {
        var parts: [String] = []
        for separator in ["/", "–", "—", " to ", ".."] where text.contains(separator) {
            parts = text.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            break
        }
        if parts.isEmpty {
            // `2017-2018`: two years with a hyphen; anything else with a hyphen is one date.
            let halves = text.split(separator: "-").map(String.init)
            parts = halves.count == 2 && halves.allSatisfy({ $0.count == 4 && Int($0) != nil }) ? halves : [text, text]
        }
        guard parts.count == 2, let first = CalendarDate(written: parts[0]), let last = CalendarDate(written: parts[1]) else { return nil }
        return (first.firstDay, last.lastDay)
    }
}
