import AccordCore
import Foundation

/// A `multipart/form-data` body saved to disk: its text fields, and each file chosen in a
/// file of its own under `folder`, named after the file the browser sent.
struct MultipartUpload {
    var fields = FormFields()
    /// The uploaded files on disk by the name of their field; a field with no file chosen
    /// is absent.
    var files: [String: URL] = [:]

    /// The file of the field named `file`, nil when none was chosen.
    var file: URL? { files["file"] }

    /// The boundary named by a `multipart/form-data` content type, nil for any other type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// Reads the body saved at `body` (mapped, not loaded) and splits it at `boundary`.
    init(body: URL, boundary: String, folder: URL) throws {
        let data = try Data(contentsOf: body, options: .alwaysMapped)
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var position = data.startIndex
        guard let first = data.range(of: delimiter, in: position..<data.endIndex) else {
            throw UploadFailure(L10n.english("the form's body has no parts"))
        }
        position = first.upperBound
        while position < data.endIndex {
            // "--" after a delimiter ends the body.
            if data[position...].starts(with: Data("--".utf8)) { break }
            guard let headersRange = data.range(of: headerEnd, in: position..<data.endIndex) else { break }
            let headers = String(decoding: data[position..<headersRange.lowerBound], as: UTF8.self)
            let contentStart = headersRange.upperBound
            guard let next = data.range(of: Data("\r\n".utf8) + delimiter, in: contentStart..<data.endIndex) else {
                throw UploadFailure(L10n.english("the form's body ends in the middle of a part"))
            }
            let content = data[contentStart..<next.lowerBound]
            let name = Self.parameter("name", in: headers) ?? ""
            if let filename = Self.parameter("filename", in: headers) {
                let safe = Self.safeName(filename)
                if !safe.isEmpty && !(content.isEmpty && filename.isEmpty) && files[name] == nil {
                    // A folder per file: two fields may send files of one name.
                    let own = folder.appendingPathComponent(String(files.count))
                    try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
                    let url = own.appendingPathComponent(safe)
                    try Data(content).write(to: url)
                    files[name] = url
                }
            } else {
                fields.append(name, String(decoding: content, as: UTF8.self))
            }
            position = next.upperBound
        }
    }

    private static func parameter(_ key: String, in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for piece in line.split(separator: ";").dropFirst() {
                let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].lowercased() == key {
                    return String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                }
            }
        }
        return nil
    }

    /// The last component of the name a browser sent, without anything a path or a shell
    /// would read: the display name of the attachment. The stored file is named by its hash.
    static func safeName(_ name: String) -> String {
        // By scalars: a `/` or `\\` carrying a combining mark is one Character.
        let last = name.unicodeScalars.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? Substring.UnicodeScalarView()
        let cleaned = String(String.UnicodeScalarView(last.filter { !CharacterSet.controlCharacters.contains($0) }))
        let trimmed = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: ". ").union(.whitespaces))
        return String(trimmed.prefix(200))
    }
}

/// An upload the server could not take.
struct UploadFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
