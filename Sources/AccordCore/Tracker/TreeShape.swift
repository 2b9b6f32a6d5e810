public import GitStore

/// Entries of a tracker's git tree that accord never writes and that no copy should take
/// from another or pass on: symbolic links, submodule links (gitlinks), `.git…` names,
/// `.` and `..` folders, backslashes, names that are not UTF-8. `git commit` records them
/// when a person adds them by hand; a remote can bring them. `validate` reports them, and
/// a sync refuses to take or push them.
public enum TreeShape {
    /// Each unsafe entry of `commit`'s tree as a problem of that path (line 1).
    public static func diagnostics(repository: Repository, commit: ObjectID) throws -> [Diagnostic] {
        try repository.unsafeEntries(inCommit: commit).map {
            Diagnostic(file: $0.path, line: 1, field: "", message: message($0))
        }
    }

    /// Refuses (exit 65) when the files `new` adds over `old` would pass unsafe entries on
    /// to `remote`; nothing is pushed then. A bare tracker that serves as a hub runs this too,
    /// so a commit pushed to it with plain git goes no further.
    public static func requireSafeOutgoing(from old: ObjectID?, to new: ObjectID, remote: String,
                                           in repository: Repository) throws {
        let unsafe = try repository.unsafeChanges(from: old, to: new, maximumFileSize: nil)
        guard !unsafe.isEmpty else { return }
        let listed = unsafe.prefix(5).map { "\($0.path.debugDescription): \(message($0))" }.joined(separator: "; ")
            + (unsafe.count > 5 ? "; …" : "")
        // One line: the catalog script reads each message from the line of its call.
        let refusal = L10n.t("this copy holds files that must not be passed on to {1}: {2}. Nothing was changed or sent; remove them with a new commit (git rm), then sync again", remote, listed)
        throw AccordError(.data, refusal)
    }

    /// What is wrong with `file`, one lowercase sentence in the run's language.
    public static func message(_ file: UnsafeFile) -> String {
        switch file.reason {
        case .symbolicLink:
            L10n.t("a symbolic link, which accord never writes (checked out, it can point anywhere on this machine); remove it with git rm")
        case .submoduleLink:
            L10n.t("a submodule link (gitlink), which accord never writes; remove it with git rm")
        case .tooLarge(let bytes, let limit):
            L10n.t("{1} MiB, over the {2} MiB a file may be", UnsafeFile.mebibytes(bytes), UnsafeFile.mebibytes(limit))
        case .path(let problem):
            switch problem {
            case .gitName(let name):
                L10n.t("a git file or folder ({1}), which accord never writes and which changes how git checks files out", name.debugDescription)
            case .dotComponent(let component):
                L10n.t("a path with a {1} component", component.debugDescription)
            case .backslash:
                L10n.t("a path with a backslash, which Windows reads as a folder separator")
            case .notUTF8:
                L10n.t("a name that is not UTF-8 (shown with U+FFFD)")
            case .controlCharacter:
                L10n.t("a name with a control character")
            case .empty, .absolute, .emptyComponent:
                L10n.t("a path git cannot hold")
            }
        }
    }
}
