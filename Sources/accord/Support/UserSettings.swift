import AccordCore
import AccordReports
import Foundation
import GitStore

/// One user's defaults, kept where git keeps its own: git config's `accord.*` keys (the
/// tracker's `.git/config`, then `~/.gitconfig` and the system's), so `git config --global
/// accord.party VN` sets them once for every tracker. docs/config.md lists the keys.
struct UserSettings {
    /// `accord.party`: the party `log` and `evidence add` report for when `--party` is not given.
    var party: PartyCode?
    /// `accord.language`: the language `diff` compares when `--lang` is not given and the
    /// instrument has a text in it.
    var language: String?
    /// `accord.reporter`: who records, `Name <email>` or a name, when `--by` is not given
    /// (before git's `user.name` and `user.email`).
    var reporter: String?
    /// `accord.pager`, else `core.pager`: the pager, below `ACCORD_PAGER` (see `Pager`).
    var pager: String?
    /// `accord.color`: `auto`, `always` or `never`, below `--color`.
    var colour: ColourChoice?

    /// The settings `config` holds; a value that cannot be used is a usage error (exit 64)
    /// naming the key, as a wrong option would be.
    init(_ config: GitConfig?) throws {
        func value(_ key: String) -> String? {
            config?.string(key).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let text = value("accord.party") {
            guard let code = PartyCode(text.uppercased()) else {
                throw AccordError(.usage, L10n.t("git config accord.party {1} is not a party code (e.g. VN)", text.debugDescription))
            }
            party = code
        }
        language = value("accord.language")
        reporter = value("accord.reporter")
        // An empty accord.pager turns paging off, as an empty core.pager does in git.
        pager = config?.string("accord.pager") ?? config?.string("core.pager")
        if let text = value("accord.color") {
            guard let choice = ColourChoice(setting: text) else {
                throw AccordError(.usage, L10n.t("git config accord.color {1} should be auto, always or never", text.debugDescription))
            }
            colour = choice
        }
    }

    /// The settings `repository` sees, or the user's own outside any repository.
    static func load(for repository: Repository?) throws -> UserSettings {
        try UserSettings(repository.map { try GitConfig(of: $0) } ?? (try? GitConfig.user()))
    }
}
