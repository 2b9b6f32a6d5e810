@testable import AccordServer
import AccordCore
import Foundation
import Mustache
import Testing

@Suite struct PasswordHashTests {
    @Test func aHashVerifiesItsPasswordOnly() throws {
        let hash = try PasswordHash.make("correct horse battery")
        #expect(hash.hasPrefix("scrypt$32768$8$1$"))
        #expect(PasswordHash.verify("correct horse battery", against: hash))
        #expect(!PasswordHash.verify("correct horse batterY", against: hash))
        #expect(!PasswordHash.verify("", against: hash))
    }

    @Test func twoHashesOfOnePasswordDifferBySalt() throws {
        #expect(try PasswordHash.make("same password") != PasswordHash.make("same password"))
    }

    @Test func aDamagedOrOverCostlyHashMatchesNothing() throws {
        let hash = try PasswordHash.make("a password here")
        #expect(!PasswordHash.verify("a password here", against: String(hash.dropLast(4))))
        #expect(!PasswordHash.verify("a password here", against: "scrypt$1099511627776$8$1$AAAA$AAAA"))
        #expect(!PasswordHash.verify("a password here", against: "plain"))
    }
}

@Suite struct FormFieldsTests {
    @Test func decodesPlusesEscapesAndRepeats() {
        let fields = FormFields(urlEncoded: "target=tip-2005%237.2&note=two+words%21&evidence=ev-1&evidence=ev-2+ev-3&empty=")
        #expect(fields["target"] == "tip-2005#7.2")
        #expect(fields["note"] == "two words!")
        #expect(fields.all("evidence") == ["ev-1", "ev-2", "ev-3"])
        #expect(fields["empty"] == nil)
        #expect(fields["missing"] == nil)
    }
}

@Suite struct MultipartUploadTests {
    @Test func splitsFieldsAndStoresTheFileUnderAPlainName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = [
            "--XyZ", "Content-Disposition: form-data; name=\"title\"", "", "Minutes, 2026",
            "--XyZ", "Content-Disposition: form-data; name=\"file\"; filename=\"../../.git/config\"",
            "Content-Type: text/plain", "", "line one\r\nline two",
            "--XyZ--", "",
        ].joined(separator: "\r\n")
        let bodyFile = folder.appendingPathComponent("body")
        try Data(body.utf8).write(to: bodyFile)
        #expect(MultipartUpload.boundary(of: "multipart/form-data; boundary=XyZ") == "XyZ")
        #expect(MultipartUpload.boundary(of: "application/x-www-form-urlencoded") == nil)
        let upload = try MultipartUpload(body: bodyFile, boundary: "XyZ", folder: folder)
        #expect(upload.fields["title"] == "Minutes, 2026")
        #expect(upload.file?.lastPathComponent == "config")
        #expect(try String(contentsOf: try #require(upload.file), encoding: .utf8) == "line one\r\nline two")
    }

    @Test func twoFilesOfOneNameInTwoFieldsAreKeptApart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = [
            "--B", "Content-Disposition: form-data; name=\"text-1\"; filename=\"agreement.md\"", "", "English",
            "--B", "Content-Disposition: form-data; name=\"text-2\"; filename=\"agreement.md\"", "", "Tiếng Việt",
            "--B", "Content-Disposition: form-data; name=\"text-3\"; filename=\"\"", "", "",
            "--B--", "",
        ].joined(separator: "\r\n")
        let bodyFile = folder.appendingPathComponent("body")
        try Data(body.utf8).write(to: bodyFile)
        let upload = try MultipartUpload(body: bodyFile, boundary: "B", folder: folder)
        #expect(upload.files.keys.sorted() == ["text-1", "text-2"])
        #expect(try String(contentsOf: try #require(upload.files["text-1"]), encoding: .utf8) == "English")
        #expect(try String(contentsOf: try #require(upload.files["text-2"]), encoding: .utf8) == "Tiếng Việt")
        #expect(upload.files["text-2"]?.lastPathComponent == "agreement.md")
    }

    @Test func aNameIsReducedToItsLastPlainComponent() {
        #expect(MultipartUpload.safeName("C:\\Users\\lan\\minutes.pdf") == "minutes.pdf")
        #expect(MultipartUpload.safeName("..") == "")
        #expect(MultipartUpload.safeName("a\nb.txt") == "ab.txt")
        // A separator carrying a combining mark still separates.
        #expect(MultipartUpload.safeName("x\\\u{301}..\\\u{301}minutes.pdf") == "\u{301}minutes.pdf")
        #expect(MultipartUpload.safeName("Biên bản/\u{301}họp.pdf") == "\u{301}họp.pdf")
    }

    @Test func aTruncatedBodyIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bodyFile = folder.appendingPathComponent("body")
        try Data("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end".utf8).write(to: bodyFile)
        #expect(throws: UploadFailure.self) { try MultipartUpload(body: bodyFile, boundary: "B", folder: folder) }
    }
}

/// Every value a page shows is escaped byte by byte: a quote, `<` or `&` that carries a
/// combining mark is one Character, which Mustache's own escaping leaves as it is.
@Suite struct PageEscapingTests {
    @Test func aQuoteOrBracketCarryingACombiningMarkIsEscapedInEveryLanguage() throws {
        for language in Language.allCases {
            let library = try PageTemplates.library(language)
            let page = try #require(library.render(
                ["heading": "Note \"\u{301} onfocus=x", "text": "<\u{301}script>alert(1)</script> & Hà Nội"], withTemplate: "message"))
            #expect(page.contains("<h1>Note &quot;\u{301} onfocus=x</h1>"))
            #expect(page.contains("<p>&lt;\u{301}script&gt;alert(1)&lt;/script&gt; &amp; Hà Nội</p>"))
            #expect(!page.contains("\"\u{301}") && !page.contains("<\u{301}"))
            #expect(page.hasPrefix("<!DOCTYPE html>"), "the content-type line leaves nothing in the page")
        }
    }
}

/// The language switch goes back only to a path of this site.
@Suite struct LocalPathTests {
    @Test func onlyAPathOfThisSiteIsGoneBackTo() {
        for path in ["/", "/gaps?party=VN", "/show?id=tip-2005%237.2", "/\u{301}x"] {
            #expect(Site.isLocalPath(path), "\(path)")
        }
        for path in ["", "gaps", "//evil.example", "/\\evil.example", "/\\\u{301}evil.example", "/a\\\u{301}b",
                     "https://evil.example/"] {
            #expect(!Site.isLocalPath(path), "\(path)")
        }
    }
}
