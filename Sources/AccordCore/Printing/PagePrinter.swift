public import Foundation

/// Prints an HTML page to PDF through headless Chromium: the browser lays out Khmer and
/// Vietnamese text with the font the page carries, as the HTML reports already show it, and
/// prints A4 as the page's print styles ask. Chromium is found as `ACCORD_CHROMIUM`, else as
/// `chromium`, `chromium-browser` or `google-chrome` on `PATH`.
public enum PagePrinter {
    /// The PDF of `html`. A missing Chromium, or one that fails or takes more than two
    /// minutes, is an error saying so (exit 70), with how to install it.
    public static func pdf(of html: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Data {
        guard let chromium = browser(environment) else {
            throw AccordError(.internal, L10n.t("cannot print to PDF: Chromium is not installed (apt-get install chromium, or set ACCORD_CHROMIUM to its path)"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-print-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try Data(html.utf8).write(to: folder.appendingPathComponent("page.html"))
        } catch {
            throw AccordError(.cannotCreate, L10n.t("cannot write a temporary file in {1}", folder.deletingLastPathComponent().path))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("page.pdf")
        // Chromium's sandbox refuses to start as root; the page is accord's own, with no
        // script and nothing fetched.
        let sandbox = geteuid() == 0 ? ["--no-sandbox"] : []
        let result = try ExternalTool(program: "timeout").run(["120", chromium, "--headless"] + sandbox + [
            "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(pdf.path)", folder.appendingPathComponent("page.html").absoluteString,
        ])
        guard result.status == 0, let data = try? Data(contentsOf: pdf), data.starts(with: Array("%PDF".utf8)) else {
            let why = result.status == 124 ? L10n.t("it took more than two minutes") : result.firstErrorLine
            throw AccordError(.internal, L10n.t("cannot print to PDF: {1} failed: {2}", chromium, why))
        }
        return data
    }

    /// The Chromium to run, or nil when there is none.
    static func browser(_ environment: [String: String]) -> String? {
        if let given = environment["ACCORD_CHROMIUM"], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? given : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }
}
