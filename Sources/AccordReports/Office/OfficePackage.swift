internal import Foundation
import ZIPFoundation

/// The zip container of an Office Open XML file (.xlsx, .docx): named XML parts, stored
/// deflated, with a fixed modification time so the same report gives the same bytes.
struct OfficePackage {
    /// The parts in the order written; `[Content_Types].xml` first, as Office writes it.
    private(set) var parts: [(path: String, xml: String)] = []

    /// Adds a part.
    mutating func add(_ path: String, _ xml: String) { parts.append((path, xml)) }

    /// The package as the bytes of a zip file.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // 1980-01-01, the earliest time a zip entry can hold.
        let written = Date(timeIntervalSince1970: 315_532_800)
        for part in parts {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: written, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}

/// Text placed in the XML of an Office file.
enum OfficeXML {
    /// The declaration every part starts with.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `text` escaped for element content and attribute values; characters XML 1.0 cannot
    /// hold (control characters a synced record might carry) are left out, since Word and
    /// Excel refuse the whole file over one of them.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `[Content_Types].xml`: the XML default plus one override per part, `(part, type)`.
    static func contentTypes(_ overrides: [(String, String)]) -> String {
        declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"/\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined()
            + "</Types>"
    }

    /// A relationships part: `(id, type, target)` each.
    static func relationships(_ items: [(String, String, String)]) -> String {
        declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map {
                "<Relationship Id=\"\($0.0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\($0.1)\" Target=\"\($0.2)\"/>"
            }.joined()
            + "</Relationships>"
    }
}
