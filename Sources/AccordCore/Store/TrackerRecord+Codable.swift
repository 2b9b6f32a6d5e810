internal import Foundation

/// A record as the derived store keeps it. Every model field is written and read by the
/// model's own `Codable` conformance; only the enum's case and the text's outcome (a
/// `Result`, which is not `Codable`) are spelled out here.
extension TrackerRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case settings, instrument, plan, evidence, report, meeting, withdrawal, request
        case instrumentID, language, text, textError, attachment, misplaced
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .settings(let file): try container.encode(file, forKey: .settings)
        case .instrument(let file): try container.encode(file, forKey: .instrument)
        case .plan(let file): try container.encode(file, forKey: .plan)
        case .evidence(let file): try container.encode(file, forKey: .evidence)
        case .report(let file): try container.encode(file, forKey: .report)
        case .meeting(let file): try container.encode(file, forKey: .meeting)
        case .withdrawal(let file): try container.encode(file, forKey: .withdrawal)
        case .request(let file): try container.encode(file, forKey: .request)
        case .text(let instrument, let language, let result):
            try container.encode(instrument, forKey: .instrumentID)
            try container.encode(language, forKey: .language)
            switch result {
            case .success(let text): try container.encode(text, forKey: .text)
            case .failure(let error): try container.encode(error, forKey: .textError)
            }
        case .attachment(let blob): try container.encode(blob, forKey: .attachment)
        case .misplaced(let diagnostic): try container.encode(diagnostic, forKey: .misplaced)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let file = try container.decodeIfPresent(ParsedFile<StatusReport>.self, forKey: .report) {
            self = .report(file)
        } else if let file = try container.decodeIfPresent(ParsedFile<Evidence>.self, forKey: .evidence) {
            self = .evidence(file)
        } else if let blob = try container.decodeIfPresent(String.self, forKey: .attachment) {
            self = .attachment(blob: blob)
        } else if let file = try container.decodeIfPresent(ParsedFile<Withdrawal>.self, forKey: .withdrawal) {
            self = .withdrawal(file)
        } else if let file = try container.decodeIfPresent(ParsedFile<CooperationRequest>.self, forKey: .request) {
            self = .request(file)
        } else if let file = try container.decodeIfPresent(ParsedFile<Instrument>.self, forKey: .instrument) {
            self = .instrument(file)
        } else if let file = try container.decodeIfPresent(ParsedFile<ActionPlan>.self, forKey: .plan) {
            self = .plan(file)
        } else if let file = try container.decodeIfPresent(ParsedFile<Meeting>.self, forKey: .meeting) {
            self = .meeting(file)
        } else if let file = try container.decodeIfPresent(ParsedFile<TrackerSettings>.self, forKey: .settings) {
            self = .settings(file)
        } else if let diagnostic = try container.decodeIfPresent(Diagnostic.self, forKey: .misplaced) {
            self = .misplaced(diagnostic)
        } else {
            let instrument = try container.decode(String.self, forKey: .instrumentID)
            let language = try container.decode(String.self, forKey: .language)
            if let text = try container.decodeIfPresent(InstrumentText.self, forKey: .text) {
                self = .text(instrument: instrument, language: language, .success(text))
            } else {
                self = .text(instrument: instrument, language: language,
                             .failure(try container.decode(InstrumentTextError.self, forKey: .textError)))
            }
        }
    }
}
