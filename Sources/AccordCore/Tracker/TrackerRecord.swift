public import Foundation

/// One tracker file, read: what the path says it is, and what its bytes gave.
///
/// ``parse(path:data:)`` is a pure function of the path and the bytes, so a cache keyed
/// by the path and git blob id can stand in for it.
public enum TrackerRecord: Sendable {
    case settings(ParsedFile<TrackerSettings>)
    case instrument(ParsedFile<Instrument>)
    /// An instrument text, `Agreements/<instrument>/text.<language>.md`.
    case text(instrument: String, language: String, Result<InstrumentText, InstrumentTextError>)
    case plan(ParsedFile<ActionPlan>)
    case evidence(ParsedFile<Evidence>)
    case report(ParsedFile<StatusReport>)
    case meeting(ParsedFile<Meeting>)
    /// Attachment bytes, `Evidence/attachments/<aa>/<rest>`; not read.
    case attachment(blob: String)
    /// A file in one of the tracker's folders that is not where any record belongs.
    case misplaced(Diagnostic)

    /// Whether the bytes of `path` are needed; attachments and misplaced files are known
    /// from the path alone.
    public static func needsContent(_ path: String) -> Bool {
        switch classify(path) {
        case .attachment, .misplaced: return false
        default: return true
        }
    }

    /// Reads the file at `path` (relative to the tracker's root).
    public static func parse(path: String, data: Data) -> TrackerRecord {
        switch classify(path) {
        case .settings: return .settings(TrackerSettings.parse(data, file: path))
        case .instrument: return .instrument(Instrument.parse(data, file: path))
        case .text(let instrument, let language):
            let result = Result { () throws(InstrumentTextError) in try InstrumentText.parse(data, file: path) }
            return .text(instrument: instrument, language: language, result)
        case .plan: return .plan(ActionPlan.parse(data, file: path))
        case .evidence: return .evidence(Evidence.parse(data, file: path))
        case .report: return .report(StatusReport.parse(data, file: path))
        case .meeting: return .meeting(Meeting.parse(data, file: path))
        case .attachment(let blob): return .attachment(blob: blob)
        case .misplaced(let message):
            return .misplaced(Diagnostic(file: path, line: 1, field: "", message: message))
        }
    }

    private enum Kind {
        case settings, instrument, plan, evidence, report, meeting
        case text(instrument: String, language: String)
        case attachment(blob: String)
        case misplaced(String)
    }

    private static func classify(_ path: String) -> Kind {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        func isNumber(_ text: Substring, digits: Int) -> Bool {
            text.utf8.count == digits && text.utf8.allSatisfy { (48...57).contains($0) }
        }
        switch parts.first {
        case "accord.yaml" where parts.count == 1:
            return .settings
        case "Agreements" where parts.count == 3:
            if parts[2] == "instrument.yaml" { return .instrument }
            let name = parts[2]
            if name.hasPrefix("text."), name.hasSuffix(".md") {
                let language = String(name.dropFirst(5).dropLast(3))
                if !language.isEmpty { return .text(instrument: String(parts[1]), language: language) }
            }
        case "Plans" where parts.count == 2 && parts[1].hasSuffix(".yaml"):
            return .plan
        case "Evidence" where parts.count == 4 && parts[1] == "attachments":
            return .attachment(blob: String(parts[2] + parts[3]))
        case "Evidence" where parts.count == 3 && isNumber(parts[1], digits: 4) && parts[2].hasSuffix(".yaml"):
            return .evidence
        case "Events" where parts.count == 4 && isNumber(parts[1], digits: 4) && isNumber(parts[2], digits: 2)
            && parts[3].hasSuffix(".yaml"):
            return .report
        case "Meetings" where parts.count == 2 && parts[1].hasSuffix(".yaml"):
            return .meeting
        default:
            break
        }
        let expected: String = switch parts.first {
        case "Agreements": "Agreements/<instrument>/instrument.yaml or text.<language>.md"
        case "Plans": "Plans/<plan>.yaml"
        case "Evidence": "Evidence/<yyyy>/<evidence-id>.yaml"
        case "Events": "Events/<yyyy>/<mm>/<report-id>.yaml"
        case "Meetings": "Meetings/<meeting-id>.yaml"
        default: "a place accord reads"
        }
        return .misplaced("accord does not read this file; records belong at \(expected)")
    }
}

extension TrackerRecord {
    /// The problems reading this file found by itself.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .settings(let file): return file.diagnostics
        case .instrument(let file): return file.diagnostics
        case .plan(let file): return file.diagnostics
        case .evidence(let file): return file.diagnostics
        case .report(let file): return file.diagnostics
        case .meeting(let file): return file.diagnostics
        case .text(_, _, .failure(let error)):
            // The error's message starts with its own `file:line: `.
            let message = error.message.hasPrefix("\(error.file):\(error.line): ")
                ? String(error.message.dropFirst("\(error.file):\(error.line): ".count)) : error.message
            return [Diagnostic(file: error.file, line: error.line, field: "", message: message)]
        case .misplaced(let diagnostic): return [diagnostic]
        case .text, .attachment: return []
        }
    }
}
