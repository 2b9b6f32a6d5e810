import AccordReports
import AccordCore
import AccordServer
import ArgumentParser
import Foundation

extension Accord {
    /// `accord user`: the accounts of `accord serve` on another address than 127.0.0.1.
    struct UserCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: "Manage who may sign in to accord serve, and what they may do.",
            discussion: """
            Accounts are kept in the tracker's git folder (.git/accord/users.json, readable by \
            its owner only), never committed, so never synced: each office has its own staff. \
            Passwords are stored as scrypt hashes.

              accord user add lan --party VN --role reporter      # asks for the password
              printf '%s\\n' "$PASSWORD" | accord user add sok --party KH --role editor --password-stdin
              accord user list
              accord user remove lan

            Roles: reader (reads every page), reporter (also logs progress and adds evidence, \
            for their own party only), editor (also for any party, and retracts), admin (all \
            an editor may). See docs/commands/user.md.
            """,
            subcommands: [Add.self, ListUsers.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account (or replace one with --replace).")

            @OptionGroup var repository: RepositoryOptions
            @Argument(help: "The sign-in name, also the name on the commits the user makes.") var name: String
            @Option(help: ArgumentHelp("The user's party (a code from accord.yaml).", valueName: "party")) var party: String
            @Option(help: ArgumentHelp("reader, reporter, editor or admin.", valueName: "role")) var role: String
            @Option(help: ArgumentHelp("The email on the user's commits.", valueName: "email")) var email: String?
            @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
            var passwordStdin = false
            @Flag(help: "Replace an account of the same name.") var replace = false
            @Option(help: ArgumentHelp("The language of the user's pages in accord serve: en, vi or km (default: the browser's).",
                                       valueName: "code")) var language: String?
            @Option(help: ArgumentHelp("Whose restricted evidence the user sees in accord serve when it holds a key: own (their party's) or all (default: none).",
                                       valueName: "own|all")) var restricted: String?

            func run() throws {
                if let language, Language(code: language) == nil {
                    throw AccordError(.usage, L10n.t("--language {1} should be one of {2}", language, Language.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                let access = try restricted.map { text in
                    guard let access = RestrictedAccess(rawValue: text) else {
                        throw AccordError(.usage, L10n.t("--restricted {1} should be own or all", text))
                    }
                    return access
                }
                guard let role = Role(rawValue: role) else {
                    throw ValidationError(L10n.t("--role {1} should be one of {2}", role, Role.allCases.map(\.rawValue).joined(separator: ", ")))
                }
                guard !name.isEmpty, !name.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" }) else {
                    throw ValidationError(L10n.t("the name {1} cannot be a commit author's name", name.debugDescription))
                }
                let tracker = try repository.openTracker()
                let parties = try TrackerSnapshot.load(repository: tracker).settings?.partyCodes ?? []
                guard let code = PartyCode(party), parties.contains(code) else {
                    throw AccordError(.usage, L10n.t("unknown party {1}: accord.yaml lists {2}", party, parties.map(\.code).joined(separator: ", ")))
                }
                let password = try readPassword()
                guard password.count >= 10 else {
                    throw AccordError(.usage, L10n.t("the password is shorter than 10 characters; nothing was saved"))
                }
                let account = UserAccount(name: name, party: code, role: role, email: email, password: try PasswordHash.make(password),
                                          language: language.flatMap(Language.init(code:))?.rawValue, restricted: access)
                try UserStore(repository: tracker).save(account, replacing: replace)
                Console.say(lines: [L10n.t("added {1} ({2}, {3})", name, code, role.rawValue)])
            }

            private func readPassword() throws -> String {
                if passwordStdin || isatty(STDIN_FILENO) == 0 {
                    guard let line = readLine(strippingNewline: true) else {
                        throw AccordError(.usage, L10n.t("no password on standard input"))
                    }
                    return line
                }
                guard let first = getpass(L10n.t("Password for {1}: ", TerminalText.visible(name, style: TerminalStyle(colour: false)))).map({ String(cString: $0) }),
                      let second = getpass(L10n.t("Again: ")).map({ String(cString: $0) }) else {
                    throw AccordError(.usage, L10n.t("no password given"))
                }
                guard first == second else { throw AccordError(.usage, L10n.t("the two passwords differ; nothing was saved")) }
                return first
            }
        }

        struct ListUsers: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts: name, party, role.")
            @OptionGroup var repository: RepositoryOptions

            func run() throws {
                Console.say(lines: try UserStore(repository: repository.openTracker()).load().map { account in
                    "\(account.name)\t\(account.party)\t\(account.role.rawValue)"
                })
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an account.")
            @OptionGroup var repository: RepositoryOptions
            @Argument(help: "The sign-in name.") var name: String

            func run() throws {
                try UserStore(repository: repository.openTracker()).remove(name)
                Console.say(lines: [L10n.t("removed {1}; a running server signs the account out at its next request", name)])
            }
        }
    }
}
