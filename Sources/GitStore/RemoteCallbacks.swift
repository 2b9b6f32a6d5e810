internal import CLibGit2
import Foundation

/// What one fetch or push needs from its libgit2 callbacks: where to report progress, how
/// many times credentials were asked for, which references the remote refused, and the
/// watchdog that ends a transfer which stopped moving.
///
/// libgit2 calls back on the calling thread with `payload` pointing at this object, so the
/// object must outlive the call it is passed to (the callers keep it in a local variable).
final class RemoteSession {
    let url: String
    let progress: ((TransferProgress) -> Void)?
    private(set) var credentialAttempts = 0
    /// Reference name → the remote's reason, for every update the remote refused.
    var rejectedReferences: [String: String] = [:]

    /// libgit2 asks again after every refused credential; stop after a few tries instead of
    /// looping forever against a server that will never accept.
    static let maximumCredentialAttempts = 4

    /// Ends the transfer after `stallTimeout` seconds without progress; nil when there is no limit.
    let watchdog: TransferWatchdog?

    /// The user name and password (a token) for HTTPS, when the caller has them.
    let login: RemoteLogin?

    /// A session for one transfer on the calling thread; call `finish()` when it returns.
    init(url: String, progress: ((TransferProgress) -> Void)?, stallTimeout: TimeInterval?, login: RemoteLogin?) {
        self.url = url
        self.progress = progress
        self.login = login
        watchdog = stallTimeout.flatMap { $0 > 0 ? TransferWatchdog(limit: $0) : nil }
    }

    /// Ends the session's watch over the transfer.
    func finish() {
        watchdog?.finish()
    }

    /// Notes that the transfer moved; false when the watchdog has fired and libgit2 should stop.
    fileprivate func moved() -> Bool {
        guard let watchdog else { return true }
        if watchdog.hasFired { return false }
        watchdog.noteProgress()
        return true
    }

    /// Callbacks wired to this session. Valid only while the session is alive.
    func callbacks() -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            guard session.moved() else { return -1 }
            session.progress?(TransferProgress(
                direction: .receiving,
                objects: Int(stats.pointee.received_objects),
                totalObjects: Int(stats.pointee.total_objects),
                bytes: stats.pointee.received_bytes))
            return 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            guard let payload else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            guard session.moved() else { return -1 }
            session.progress?(TransferProgress(
                direction: .sending, objects: Int(current), totalObjects: Int(total), bytes: bytes))
            return 0
        }
        // The server's own messages ("Counting objects…") show that it is working.
        callbacks.sideband_progress = { _, _, payload in
            guard let payload else { return 0 }
            return Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().moved() ? 0 : -1
        }
        callbacks.pack_progress = { _, _, _, payload in
            guard let payload else { return 0 }
            return Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().moved() ? 0 : -1
        }
        callbacks.push_update_reference = { refname, status, payload in
            guard let payload, let refname, let status else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.rejectedReferences[String(cString: refname)] = String(cString: status)
            return 0
        }
        callbacks.credentials = { out, _, usernameFromURL, allowedTypes, payload in
            guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            return session.provideCredential(
                out, username: usernameFromURL.map { String(cString: $0) }, allowed: allowedTypes)
        }
        return callbacks
    }

    /// Answers libgit2's request for credentials.
    ///
    /// SSH: the user name from the URL (else `git`), first through the ssh-agent when
    /// `SSH_AUTH_SOCK` is set, then each of `~/.ssh/id_ed25519`, `id_ecdsa`, `id_rsa` that
    /// exists (without a passphrase). HTTPS: the session's `login`
    /// (a token) when set; otherwise libgit2 uses credentials written in the URL, if any.
    private func provideCredential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>,
                                   username: String?, allowed: UInt32) -> Int32 {
        credentialAttempts += 1
        guard credentialAttempts <= Self.maximumCredentialAttempts else { return GIT_EAUTH.rawValue }
        let environment = ProcessInfo.processInfo.environment
        let user = username ?? login?.user ?? "git"

        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            var candidates: [() -> Int32] = []
            if environment["SSH_AUTH_SOCK"] != nil {
                candidates.append { git_credential_ssh_key_from_agent(out, user) }
            }
            let home = FileManager.default.homeDirectoryForCurrentUser.path
            for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
                let key = "\(home)/.ssh/\(name)"
                guard FileManager.default.fileExists(atPath: key) else { continue }
                let publicKey = FileManager.default.fileExists(atPath: key + ".pub") ? key + ".pub" : nil
                candidates.append { git_credential_ssh_key_new(out, user, publicKey, key, nil) }
            }
            let index = credentialAttempts - 1
            guard index < candidates.count else { return GIT_EAUTH.rawValue }
            return candidates[index]()
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            return git_credential_username_new(out, user)
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0,
           let login, let password = login.password {
            return git_credential_userpass_plaintext_new(out, login.user, password)
        }
        return GIT_PASSTHROUGH.rawValue
    }

    /// The error for a failed transfer, read from `git_error_last()` at once.
    ///
    /// Anything that goes wrong on the way to or at the remote (network, refused
    /// credentials, a missing folder, a full disk) is `.io`: the exchange can be retried
    /// later and nothing local has changed.
    ///
    /// A transfer the watchdog ended is `.timedOut` instead, whatever libgit2 made of it.
    func transferError(_ code: Int32, doing action: String) -> GitError {
        if let watchdog, watchdog.hasFired {
            return GitError(.timedOut, "cannot \(action) '\(url)': no progress in \(Int(watchdog.limit)) s, "
                            + "so the transfer was stopped", code: code)
        }
        let last = git_error_last()
        let detail = last.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "libgit2 error \(code)"
        let errorClass = last.map { $0.pointee.klass } ?? 0
        let reason = code == GIT_EAUTH.rawValue || credentialAttempts > Self.maximumCredentialAttempts
            ? "authentication failed (\(detail))" : detail
        return GitError(.io, "cannot \(action) '\(url)': \(reason.trimmingCharacters(in: .whitespacesAndNewlines))",
                        code: code, errorClass: errorClass)
    }
}

/// A user name and password (or token) for remotes that ask for one (HTTPS).
public struct RemoteLogin: Sendable {
    /// The user name; also the SSH user when the URL names none.
    public let user: String
    /// The password or access token; nil when only the user name is known.
    public let password: String?

    /// Creates a login.
    public init(user: String, password: String?) {
        self.user = user
        self.password = password
    }
}
