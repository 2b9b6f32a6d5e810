import AccordCore
import Foundation
import GitStore
import HTTPTypes
import Hummingbird
import NIOCore

extension Site {
    func evidenceChoices(_ reading: TrackerReading, visitor: Visitor?, values: [String: String]) -> [String: Any] {
        let parties = reading.snapshot.settings?.partyCodes ?? []
        let chosen = values["party"] ?? visitor?.account?.party.code
        return [
            "values": values.merging(["date": values["date"] ?? CalendarDate.today().description]) { $1 },
            "kinds": AccordCore.Evidence.Kind.allCases.map {
                ["code": $0.rawValue, "name": $0.displayName, "selected": values["kind"] == $0.rawValue] as [String: Any]
            },
            "partyChoices": parties.map { ["code": $0.code, "selected": chosen == $0.code] as [String: Any] },
            "knownMonth": values["date-known"] == "month",
            "knownYear": values["date-known"] == "year",
            "maxMB": Self.attachmentLimit(reading) / 1_048_576,
        ]
    }

    static func attachmentLimit(_ reading: TrackerReading) -> Int {
        (reading.snapshot.settings?.thresholds.attachmentMaxMB ?? TrackerSettings.Thresholds().attachmentMaxMB) * 1_048_576
    }

    /// `accord evidence add` from a form with a file: the body is streamed to a folder in
    /// the git directory (never held whole in memory), refused past the tracker's
    /// attachment limit, and the file is then read as `--file` reads one.
    func submitEvidence(_ request: Request) async throws -> Response {
        let (session, cookie) = await session(for: request)
        guard let visitor = session.visitor else { return redirect("/login", cookie: cookie) }
        guard visitor.may(.reporter) else { return refused(.reporter, session: session, cookie: cookie) }
        let limit = try await blocking { Self.attachmentLimit(try tracker(asOf: .today(), fresh: false)) }
        return try await receiveUpload(request, limit: limit, session: session, cookie: cookie) { upload in
            try await answer("evidence", upload.fields, session: session, cookie: cookie, choices: { reading, visitor, values in
                evidenceChoices(reading, visitor: visitor, values: values)
            }) {
                try addEvidence(upload.fields, file: upload.file, visitor: visitor)
            }
        }
    }

    /// Takes a `multipart/form-data` form with files of up to `limit` bytes in all: checks
    /// the form token in the address (so a forged upload is refused before a byte is
    /// stored), streams the body to a private folder in the git directory (never held whole
    /// in memory, refused once past the limit), splits it, checks the token among the
    /// fields, and gives the upload to `use`. The folder is removed afterwards.
    func receiveUpload(_ request: Request, limit: Int, session: Session, cookie: Cookie?,
                       limitSource: String? = "thresholds.attachment-max-mb",
                       _ use: (MultipartUpload) async throws -> Response) async throws -> Response {
        let query = FormFields(urlEncoded: request.uri.query ?? "")
        guard query["csrf"] == session.csrfToken else { return forged(session: session, cookie: cookie) }
        guard let boundary = MultipartUpload.boundary(of: request.headers[.contentType]) else {
            return message(status: .badRequest, heading: L10n.t("Form refused", in: session.language), text: L10n.t("the form is sent as multipart/form-data", in: session.language),
                           session: session, cookie: cookie)
        }
        // The files plus the other fields and the part headers.
        let bodyLimit = limit + Self.formLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit {
            return tooLarge(limit, source: limitSource, session: session, cookie: cookie)
        }
        let folder = try uploadFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bodyFile = folder.appendingPathComponent("body")
        _ = FileManager.default.createFile(atPath: bodyFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let handle = try FileHandle(forWritingTo: bodyFile)
        var written = 0
        do {
            for try await buffer in request.body {
                written += buffer.readableBytes
                if written > bodyLimit { try handle.close(); return tooLarge(limit, source: limitSource, session: session, cookie: cookie) }
                try handle.write(contentsOf: Data(buffer.readableBytesView))
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        let files = folder.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let upload: MultipartUpload
        do {
            upload = try MultipartUpload(body: bodyFile, boundary: boundary, folder: files)
        } catch let failure as UploadFailure {
            return message(status: .badRequest, heading: L10n.t("Form refused", in: session.language), text: L10n.with(session.language) { L10n.shown(failure.message) }, session: session, cookie: cookie)
        }
        guard upload.fields["csrf"] == session.csrfToken else { return forged(session: session, cookie: cookie) }
        return try await use(upload)
    }

    func tooLarge(_ limit: Int, source: String?, session: Session, cookie: Cookie?) -> Response {
        message(status: .contentTooLarge, heading: L10n.t("Form refused", in: session.language),
                text: source.map { L10n.t("the upload is over the limit of {1} MB ({2} in accord.yaml); nothing was recorded", in: session.language, limit / 1_048_576, $0) }
                    ?? L10n.t("the upload is over the limit of {1} MB; nothing was recorded", in: session.language, limit / 1_048_576),
                session: session, cookie: cookie)
    }

    func uploadFolder() throws -> URL {
        let repository = try TrackerLocation.openTracker(explicit: repositoryPath, environment: [:],
                                                         currentDirectory: URL(fileURLWithPath: repositoryPath))
        let folder = repository.gitDirectory.appendingPathComponent("accord/uploads/\(SessionBook.randomToken())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return folder
    }

    func addEvidence(_ form: FormFields, file: URL?, visitor: Visitor) throws -> FormOutcome {
        let today = CalendarDate.today()
        let reading = try tracker(asOf: today)
        var outcome = FormOutcome()
        if form["title"] == nil { outcome.problems["title"] = L10n.t("say what the evidence is") }
        let kind = form["kind"].flatMap(AccordCore.Evidence.Kind.init(rawValue:))
        if kind == nil {
            outcome.problems["kind"] = L10n.t("choose a kind: {1}", AccordCore.Evidence.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        // A source that gives only the month or the year: the date kept is that, as written.
        var day = Self.day(form, today: today, into: &outcome)
        switch form["date-known"] {
        case "month": day = CalendarDate(year: day.year, month: day.month) ?? day
        case "year": day = CalendarDate(year: day.year, month: nil) ?? day
        default: break
        }
        let party = form["party"].flatMap { PartyCode($0) }
        if form["party"] != nil && party == nil { outcome.problems["party"] = L10n.t("{1} is not a party code", form["party"]!) }
        Self.checkParty(party, of: visitor, into: &outcome)
        let supports = form.all("supports")
        if supports.isEmpty { outcome.problems["supports"] = L10n.t("say which commitments, plan items or decisions it supports") }
        for id in supports {
            do { _ = try reading.resolver.resolve(id, as: [.commitment, .planItem, .decision]) } catch { outcome.add("supports", error) }
        }
        var attachment: (file: AttachmentFile, record: AccordCore.Evidence.Attachment)?
        if let file {
            do {
                let read = try AttachmentFile(path: file.path, maxBytes: Self.attachmentLimit(reading))
                attachment = (read, AccordCore.Evidence.Attachment(name: read.name, blob: try Repository.blobID(of: read.data).hex,
                                                                    size: read.data.count))
            } catch {
                outcome.add("file", error)
            }
        }
        guard outcome.problems.isEmpty, let kind else { return outcome }
        let request = EvidenceRequest(title: form["title"] ?? "", kind: kind, date: day, party: party, source: form["source"],
                                      sensitivity: .public, supports: supports, note: form["note"])
        let author = Self.author(visitor, on: day, in: reading.repository)
        do {
            var recorded: AccordCore.Evidence?
            let commit = try reading.write(author: author.signature) {
                let evidence = try request.evidence(in: reading.snapshot, resolver: reading.resolver, today: today,
                                                    attachment: attachment?.record)
                recorded = evidence
                var files = [evidence.path: Data(evidence.yamlText().utf8)]
                if let attachment { files[attachment.record.path] = attachment.file.data }
                return (files, evidence.commitMessage)
            }
            if let recorded {
                outcome.recorded = recorded.attachment.map { L10n.t("recorded {1}, attachment {2} (commit {3})", recorded.id, $0.name, commit.short) }
                    ?? L10n.t("recorded {1} (commit {2})", recorded.id, commit.short)
            }
        } catch {
            outcome.add("record", error)
        }
        return outcome
    }
}
