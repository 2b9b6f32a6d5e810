public import Foundation

extension Withdrawal {
    /// Reads `Withdrawals/<yyyy>/<id>.yaml`; every problem is in the result.
    public static func parse(_ data: Data, file: String) -> ParsedFile<Withdrawal> {
        YAMLReader.parse(data, file: file, decode: Withdrawal.init(yaml:))
    }

    /// The YAML text of the file, in the documented layout.
    public func yamlText() -> String { yaml.text() }

    init?(yaml f: YAMLFields) {
        let id = f.required("id")?.recordID()
        let withdraws = f.required("withdraws")?.recordID()
        let date = f.required("date")?.day()
        let reason = f.required("reason")?.nonEmptyText()
        let replacedBy = f.optional("replaced-by")?.recordID()
        let reporter = f.optional("reporter")?.nonEmptyText()
        let recordedAt = f.optional("recorded-at")?.recordingTime()
        guard f.finish(), let id, let withdraws, let date, let reason else { return nil }
        self.init(id: id, withdraws: withdraws, date: date, reason: reason, replacedBy: replacedBy,
                  reporter: reporter, recordedAt: recordedAt)
    }

    var yaml: YAMLMap {
        var map = YAMLMap()
        map.add("id", .text(id.rawValue))
        map.add("withdraws", .text(withdraws.rawValue))
        map.add("date", .date(date))
        map.add("reason", .text(reason))
        map.add("replaced-by", replacedBy.map { .text($0.rawValue) })
        map.add("reporter", .text(reporter))
        map.add("recorded-at", recordedAt.map { .plain($0.text) })
        return map
    }
}
