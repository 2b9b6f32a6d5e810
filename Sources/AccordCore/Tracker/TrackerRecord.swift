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
    /// A withdrawal of a report or piece of evidence, `Withdrawals/<yyyy>/<id>.yaml`.
    case withdrawal(ParsedFile<Withdrawal>)
    /// A request of the registers, `Requests/<yyyy>/<id>.yaml`.
    case request(ParsedFile<CooperationRequest>)
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
        case .withdrawal: return .withdrawal(Withdrawal.parse(data, file: path))
        case .request: return .request(CooperationRequest.parse(data, file: path))
        case .attachment(let blob): return .attachment(blob: blob)
        case .misplaced(let message):
            return .misplaced(Diagnostic(file: path, line: 1, field: "", message: message))
        }
    }

    enum Kind: Equatable {
        case settings, instrument, plan, evidence, report, meeting, withdrawal, request
        case text(instrument: String, language: String)
        case attachment(blob: String)
        case misplaced(String)
    }

    static func classify(_ path: String) -> Kind {
        // Every file of a cold read passes here twice; an ASCII path (all of them, in
        // practice) is classified on its bytes, without splitting it into strings.
        if let kind = path.utf8.withContiguousStorageIfAvailable(classifyASCII) ?? nil { return kind }
        return classifyCharacters(path)
    }

    /// The kind of an ASCII path that names a record, read from its bytes; nil for any other
    /// path, which ``classifyCharacters(_:)`` then reads. On ASCII text, comparing
    /// characters is comparing bytes, so both agree wherever this one answers.
    static func classifyASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Kind? {
        var slashes: (Int, Int, Int) = (-1, -1, -1)
        var count = 1
        for (offset, byte) in bytes.enumerated() {
            guard byte < 0x80 else { return nil }
            guard byte == UInt8(ascii: "/") else { continue }
            switch count {
            case 1: slashes.0 = offset
            case 2: slashes.1 = offset
            case 3: slashes.2 = offset
            default: return nil
            }
            count += 1
        }
        let end = bytes.count
        func part(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let (start, stop) = switch index {
            case 0: (0, count > 1 ? slashes.0 : end)
            case 1: (slashes.0 + 1, count > 2 ? slashes.1 : end)
            case 2: (slashes.1 + 1, count > 3 ? slashes.2 : end)
            default: (slashes.2 + 1, end)
            }
            return UnsafeBufferPointer(rebasing: bytes[start..<stop])
        }
        /// Whether `part` holds `text` at `offset` (from its end when negative).
        func has(_ part: UnsafeBufferPointer<UInt8>, _ text: StaticString, at offset: Int = 0) -> Bool {
            let length = text.utf8CodeUnitCount
            let start = offset < 0 ? part.count + offset : offset
            return start >= 0 && start + length <= part.count
                && memcmp(part.baseAddress! + start, text.utf8Start, length) == 0
        }
        func isPart(_ index: Int, _ text: StaticString) -> Bool {
            part(index).count == text.utf8CodeUnitCount && has(part(index), text)
        }
        func isYAMLName(_ index: Int) -> Bool { has(part(index), ".yaml", at: -5) }
        func isNumber(_ index: Int, digits: Int) -> Bool {
            let part = part(index)
            return part.count == digits && part.allSatisfy { (48...57).contains($0) }
        }
        func text(_ part: UnsafeBufferPointer<UInt8>) -> String { String(decoding: part, as: UTF8.self) }
        guard !bytes.isEmpty else { return nil }
        switch count {
        case 1 where isPart(0, "accord.yaml"):
            return .settings
        case 2 where isPart(0, "Plans") && isYAMLName(1):
            return .plan
        case 2 where isPart(0, "Meetings") && isYAMLName(1):
            return .meeting
        case 3 where isPart(0, "Agreements"):
            if isPart(2, "instrument.yaml") { return .instrument }
            let name = part(2)
            // `text.<language>.md` with a language of at least one character.
            guard name.count >= 9, has(name, "text."), has(name, ".md", at: -3) else { return nil }
            return .text(instrument: text(part(1)), language: text(UnsafeBufferPointer(rebasing: name[5..<(name.count - 3)])))
        case 3 where isPart(0, "Evidence") && isNumber(1, digits: 4) && isYAMLName(2):
            return .evidence
        case 3 where isPart(0, "Withdrawals") && isNumber(1, digits: 4) && isYAMLName(2):
            return .withdrawal
        case 3 where isPart(0, "Requests") && isNumber(1, digits: 4) && isYAMLName(2):
            return .request
        case 4 where isPart(0, "Evidence") && isPart(1, "attachments"):
            return .attachment(blob: text(part(2)) + text(part(3)))
        case 4 where isPart(0, "Events") && isNumber(1, digits: 4) && isNumber(2, digits: 2) && isYAMLName(3):
            return .report
        default:
            return nil
        }
    }

    /// The kind of any path, read character by character.
    static func classifyCharacters(_ path: String) -> Kind {
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
        case "Withdrawals" where parts.count == 3 && isNumber(parts[1], digits: 4) && parts[2].hasSuffix(".yaml"):
            return .withdrawal
        case "Requests" where parts.count == 3 && isNumber(parts[1], digits: 4) && parts[2].hasSuffix(".yaml"):
            return .request
        default:
            break
        }
        let expected: String = switch parts.first {
        case "Agreements": "Agreements/<instrument>/instrument.yaml or text.<language>.md"
        case "Plans": "Plans/<plan>.yaml"
        case "Evidence": "Evidence/<yyyy>/<evidence-id>.yaml"
        case "Events": "Events/<yyyy>/<mm>/<report-id>.yaml"
        case "Meetings": "Meetings/<meeting-id>.yaml"
        case "Withdrawals": "Withdrawals/<yyyy>/<withdrawal-id>.yaml"
        case "Requests": "Requests/<yyyy>/<request-id>.yaml"
        default: L10n.english("a place accord reads")
        }
        return .misplaced(L10n.english("accord does not read this file; records belong at {1}", expected))
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
        case .withdrawal(let file): return file.diagnostics
        case .request(let file): return file.diagnostics
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
