import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// What to do with a draft's tracked changes (Word's Track Changes): take the text as it
/// would read with every change accepted, or with every change rejected (the text before).
public enum TrackedChanges: String, Sendable, CaseIterable {
    /// Insertions kept, deletions dropped: the new text.
    case accept
    /// Insertions dropped, deletions kept: the old text.
    case reject
}

/// Reads the paragraphs of a Word document (`.docx`, Office Open XML): the zip container
/// through ZIPFoundation, the XML parts through Foundation's event parser, so that no
/// document is held as a tree and nothing outside the toolchain is needed.
enum WordDocument {
    /// The largest XML part read, uncompressed: a guard against zip bombs, far above the
    /// main part of any real agreement.
    static let maximumPartBytes: UInt64 = 64 * 1_048_576

    /// The paragraphs of the body of `data`, with tracked changes resolved as `changes`
    /// says. A draft with tracked changes and no `changes` is refused: which text is meant
    /// is for the user to say.
    static func paragraphs(of data: Data, file: String, changes: TrackedChanges?) throws -> [SourceParagraph] {
        let archive = try ZipContainer.open(data, file: file, kind: "Word document (.docx)")
        guard let body = try ZipContainer.part("word/document.xml", of: archive, file: file, limit: maximumPartBytes) else {
            throw AccordError(.data, L10n.t("{1}: not a Word document: it has no word/document.xml (is it a .docx?)", file))
        }
        let styles = try ZipContainer.part("word/styles.xml", of: archive, file: file, limit: maximumPartBytes)
            .map { try StyleSheet(xml: $0, file: file) } ?? StyleSheet()
        let reader = BodyReader(styles: styles, changes: changes)
        let parser = XMLParser(data: body)
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        guard parser.parse() else {
            let line = parser.lineNumber
            throw AccordError(.data, L10n.t("{1}: word/document.xml:{2}: the document is damaged (not well-formed XML)", file, line))
        }
        if changes == nil, reader.trackedChanges > 0 {
            throw AccordError(.data, L10n.t("{1}: the draft has {2} tracked change(s); say which text to import with --changes accept (the text as changed) or --changes reject (the text before)", file, reader.trackedChanges))
        }
        return reader.paragraphs
    }

    /// The paragraph styles of `word/styles.xml` that make a heading or bold text.
    struct StyleSheet {
        struct Style {
            var name = ""
            var basedOn: String?
            var outline = false
            var bold: Bool?
        }

        var styles: [String: Style] = [:]

        init() {}

        init(xml: Data, file: String) throws {
            let reader = StyleReader()
            let parser = XMLParser(data: xml)
            parser.delegate = reader
            guard parser.parse() else {
                throw AccordError(.data, L10n.t("{1}: word/styles.xml:{2}: the document is damaged (not well-formed XML)", file, parser.lineNumber))
            }
            styles = reader.styles
        }

        /// Whether the style (or one it is based on) is a heading or title.
        func isHeading(_ id: String?) -> Bool {
            var current = id, depth = 0
            while let name = current, depth < 16, let style = styles[name] {
                let lowered = style.name.lowercased()
                if style.outline || lowered.hasPrefix("heading") || lowered == "title" { return true }
                current = style.basedOn
                depth += 1
            }
            let lowered = (id ?? "").lowercased()
            return lowered.hasPrefix("heading") || lowered == "title"
        }

        /// Whether the style (or one it is based on) sets its text bold.
        func isBold(_ id: String?) -> Bool {
            var current = id, depth = 0
            while let name = current, depth < 16, let style = styles[name] {
                if let bold = style.bold { return bold }
                current = style.basedOn
                depth += 1
            }
            let lowered = (id ?? "").lowercased()
            return lowered.contains("strong") || lowered.contains("bold")
        }
    }

    private final class StyleReader: NSObject, XMLParserDelegate {
        var styles: [String: StyleSheet.Style] = [:]
        private var id: String?
        private var style = StyleSheet.Style()
        private var inRunProperties = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "w:style":
                id = attributes["w:styleId"]
                style = StyleSheet.Style()
            case "w:name": style.name = attributes["w:val"] ?? ""
            case "w:basedOn": style.basedOn = attributes["w:val"]
            case "w:outlineLvl": style.outline = true
            case "w:rPr": inRunProperties = true
            case "w:b" where inRunProperties: style.bold = WordDocument.isOn(attributes["w:val"])
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:style":
                if let id { styles[id] = style }
                id = nil
            case "w:rPr": inRunProperties = false
            default: break
            }
        }
    }

    /// A toggle property's value: on unless `0`, `false` or `off`.
    static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return !["0", "false", "off"].contains(value.lowercased())
    }

    /// Walks `w:body` paragraph by paragraph, keeping the text of the runs a reader sees
    /// under `changes`, and whether each paragraph reads as a heading.
    private final class BodyReader: NSObject, XMLParserDelegate {
        let styles: StyleSheet
        let changes: TrackedChanges?
        var paragraphs: [SourceParagraph] = []
        var trackedChanges = 0

        private var inserted = 0
        private var deleted = 0
        private var paragraphDepth = 0
        private var inParagraphProperties = false
        private var inRunProperties = false
        private var inText = false
        private var style: String?
        private var outline = false
        private var markInserted = false
        private var markDeleted = false
        private var text = ""
        private var runText = ""
        private var runBold = false
        private var runStyleBold = false
        private var allBold = true
        private var anyText = false
        /// The text of a paragraph whose end was deleted (or, rejected, inserted): it runs on
        /// into the next one.
        private var carried = ""
        private var carriedBold = true

        init(styles: StyleSheet, changes: TrackedChanges?) {
            self.styles = styles
            self.changes = changes
        }

        /// Whether what is inside the current change marks is read.
        private var visible: Bool {
            switch changes {
            case .reject: inserted == 0
            case .accept, nil: deleted == 0
            }
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "w:p":
                paragraphDepth += 1
                if paragraphDepth == 1 {
                    text = ""
                    style = nil
                    outline = false
                    markInserted = false
                    markDeleted = false
                    allBold = true
                    anyText = false
                }
            case "w:pPr": inParagraphProperties = true
            case "w:pStyle" where inParagraphProperties: style = attributes["w:val"]
            case "w:outlineLvl" where inParagraphProperties: outline = true
            case "w:rPr": inRunProperties = true
            case "w:ins", "w:moveTo":
                trackedChanges += 1
                if inParagraphProperties && inRunProperties { markInserted = true } else { inserted += 1 }
            case "w:del", "w:moveFrom":
                trackedChanges += 1
                if inParagraphProperties && inRunProperties { markDeleted = true } else { deleted += 1 }
            case "w:r":
                runText = ""
                runBold = false
                runStyleBold = false
            case "w:b" where inRunProperties && !inParagraphProperties: runBold = WordDocument.isOn(attributes["w:val"])
            case "w:rStyle" where inRunProperties: runStyleBold = styles.isBold(attributes["w:val"])
            case "w:t", "w:delText": inText = true
            case "w:tab" where !inParagraphProperties: if visible { runText += "\t" }
            case "w:br", "w:cr": if visible { runText += " " }
            case "w:noBreakHyphen": if visible { runText += "\u{2011}" }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText && visible { runText += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:pPr": inParagraphProperties = false
            case "w:rPr": inRunProperties = false
            case "w:t", "w:delText": inText = false
            case "w:ins", "w:moveTo": if !(inParagraphProperties && inRunProperties) { inserted = max(0, inserted - 1) }
            case "w:del", "w:moveFrom": if !(inParagraphProperties && inRunProperties) { deleted = max(0, deleted - 1) }
            case "w:r":
                text += runText
                if !runText.allSatisfy(\.isWhitespace) {
                    anyText = true
                    if !(runBold || runStyleBold || styles.isBold(style)) { allBold = false }
                }
            case "w:p":
                paragraphDepth -= 1
                guard paragraphDepth == 0 else { break }
                let joined = carried + text
                let bold = carriedBold && (allBold || !anyText)
                let mergesOn = (changes == .reject && markInserted) || (changes != .reject && markDeleted)
                if mergesOn {
                    carried = joined
                    carriedBold = bold
                } else {
                    let emphasised = styles.isHeading(style) || outline || (bold && !joined.allSatisfy(\.isWhitespace))
                    paragraphs.append(SourceParagraph(text: joined, emphasised: emphasised))
                    carried = ""
                    carriedBold = true
                }
            default: break
            }
        }
    }
}

/// The zip container of an Office Open XML file (.docx, .xlsx).
enum ZipContainer {
    /// Opens `data` as a zip archive, or says in one sentence what the file is instead.
    static func open(_ data: Data, file: String, kind: String) throws -> Archive {
        // An encrypted (password-protected) Office file is an OLE compound file, not a zip.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw AccordError(.data, L10n.t("{1}: the file is password-protected (encrypted) or an old binary Office file; save an unprotected copy as a {2} and import that", file, kind))
        }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]), let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else {
            throw AccordError(.data, L10n.t("{1}: not a {2}: the file is damaged or of another kind (it is not a zip container)", file, kind))
        }
        return archive
    }

    /// The bytes of the part at `path`, or nil when the archive has none.
    static func part(_ path: String, of archive: Archive, file: String, limit: UInt64) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= limit else {
            throw AccordError(.data, L10n.t("{1}: {2} unpacks to {3} bytes, more than accord reads ({4} MiB)", file, path, entry.uncompressedSize, limit / 1_048_576))
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if UInt64(data.count) > limit { throw AccordError(.data, L10n.t("{1}: {2} unpacks to more than {3} MiB", file, path, limit / 1_048_576)) }
            }
        } catch let error as AccordError {
            throw error
        } catch {
            throw AccordError(.data, L10n.t("{1}: {2} is damaged ({3})", file, path, error.localizedDescription))
        }
        return data
    }
}
