@testable import AccordCore
import Foundation
import Testing

/// The signers, recipients and policy of accord.yaml, and sealed evidence, as files and in
/// the record cache.
@Suite struct TrustRecordTests {
    static let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJwkegvuX4Z+NKiGoQhB4+dnNiZ4YQQ0vI5fy5j+5OKt hanoi"
    static let recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"

    static let settings = """
        format: 1
        name: Test tracker
        parties:
          - code: VN
            name: Viet Nam
            signers:
              - key: \(key)
                name: Hanoi desk
                valid-from: 2024-01-01
                valid-until: 2026-06-30
            recipients:
              - \(recipient)
          - code: KH
            name: Cambodia
        languages: [en]
        signatures: require

        """

    static let sealed = """
        id: ev-2019-03-26-k3x9
        kind: report
        date: 2019-03-26
        party: VN
        sensitivity: restricted
        supports: [tip-2005#1.1]
        sealed: |
          -----BEGIN AGE ENCRYPTED FILE-----
          YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSAwaG92QldYanhERGlHUWNi
          -----END AGE ENCRYPTED FILE-----

        """

    @Test func settingsWithSignersAndRecipientsComeBackTheSame() throws {
        let parsed = TrackerSettings.parse(Data(Self.settings.utf8))
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let settings = try #require(parsed.value)
        #expect(settings.signatures == .require)
        let signer = try #require(settings.parties.first?.signers.first)
        #expect(signer.keyIdentity == Self.key.split(separator: " ").prefix(2).joined(separator: " "))
        #expect(signer.isValid(on: CalendarDate("2025-01-01")!) && !signer.isValid(on: CalendarDate("2026-07-01")!)
                && !signer.isValid(on: CalendarDate("2023-12-31")!))
        #expect(settings.recipients == [Self.recipient])
        #expect(TrackerSettings.parse(Data(settings.yamlText().utf8)).value == settings)
        #expect(DerivedStore.decode(TrackerSettings.self, from: try #require(DerivedStore.encode(settings))) == settings)
    }

    @Test func badKeysAreNamedWithTheirLine() {
        let bad = Self.settings.replacingOccurrences(of: Self.key, with: "AAAA-not-a-key")
            .replacingOccurrences(of: Self.recipient, with: "age1NOTLOWERCASE")
        let messages = TrackerSettings.parse(Data(bad.utf8)).diagnostics.map(\.description)
        #expect(messages.contains { $0.contains(":7:") && $0.contains("signers[1].key") && $0.contains("is not an SSH public key") },
                "\(messages)")
        #expect(messages.contains { $0.contains("recipients[1]") && $0.contains("is not an age public key") }, "\(messages)")
    }

    @Test func aSealedRecordReadsWritesAndCachesWithoutItsContent() throws {
        let parsed = Evidence.parse(Data(Self.sealed.utf8), file: "Evidence/2019/ev-2019-03-26-k3x9.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let evidence = try #require(parsed.value)
        #expect(evidence.title == Redaction.placeholder)
        #expect(evidence.sealed?.hasPrefix("-----BEGIN AGE ENCRYPTED FILE-----\n") == true)
        #expect(evidence.yamlText() == Self.sealed)
        #expect(DerivedStore.decode(Evidence.self, from: try #require(DerivedStore.encode(evidence))) == evidence)
        // Hidden without a key, whatever the flag says; a key that opens nothing keeps it
        // hidden, and says so once.
        #expect(Redaction(includeRestricted: true).hides(evidence))
        let identity = FileManager.default.temporaryDirectory.appendingPathComponent("accord-test-\(UUID().uuidString).age")
        try Data("AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ\n".utf8).write(to: identity)
        defer { try? FileManager.default.removeItem(at: identity) }
        let warnings = Counter()
        let opener = try SealedEvidenceOpener(identity: identity) { warnings.add() }
        let redaction = Redaction(includeRestricted: true, opener: opener)
        #expect(redaction.apply(evidence).title == Redaction.placeholder && redaction.hides(evidence))
        #expect(warnings.value == 1)
        #expect(throws: AccordError.self) {
            try SealedEvidenceOpener(identity: identity.appendingPathExtension("missing")) {}
        }
    }

    @Test func onlyRestrictedEvidenceIsSealedAndItHasNoTitleInClear() {
        let publicOne = Self.sealed.replacingOccurrences(of: "sensitivity: restricted", with: "sensitivity: public")
        #expect(Evidence.parse(Data(publicOne.utf8), file: "e").diagnostics.map(\.description)
            .contains { $0.contains("only restricted evidence is sealed") })
        let titled = Self.sealed.replacingOccurrences(of: "kind: report\n", with: "kind: report\ntitle: In clear\n")
        #expect(!Evidence.parse(Data(titled.utf8), file: "e").diagnostics.isEmpty)
    }

    @Test func aRedactionLimitedToPartiesHidesTheOtherPartysRestrictedEvidence() {
        func restricted(_ party: String?) -> Evidence {
            var evidence = Evidence(id: RecordName.evidence(date: CalendarDate("2019-03-26")!, title: ""), kind: .report,
                                    title: "Interview notes", date: CalendarDate("2019-03-26")!, sensitivity: .restricted,
                                    supports: [QualifiedID("tip-2005#1.1")!])
            evidence.party = party.flatMap { PartyCode($0) }
            return evidence
        }
        let ownParty = Redaction(includeRestricted: true, parties: [PartyCode("VN")!])
        #expect(!ownParty.hides(restricted("VN")))
        #expect(ownParty.apply(restricted("VN")).title == "Interview notes")
        #expect(ownParty.hides(restricted("KH")))
        #expect(ownParty.apply(restricted("KH")).title == Redaction.placeholder)
        #expect(ownParty.hides(restricted(nil)))
        #expect(!Redaction(includeRestricted: true).hides(restricted("KH")))
        #expect(Redaction(includeRestricted: false, parties: [PartyCode("KH")!]).hides(restricted("KH")))
    }

    @Test func restrictedIDsAndMessagesCarryNoTitle() {
        let evidence = Evidence(id: RecordName.evidence(date: CalendarDate("2019-03-26")!, title: ""), kind: .report,
                                title: "Interview with a victim", date: CalendarDate("2019-03-26")!, sensitivity: .restricted,
                                supports: [QualifiedID("tip-2005#1.1")!])
        #expect(evidence.id.rawValue.range(of: #"^ev-2019-03-26-[a-z2-7]{4}$"#, options: .regularExpression) != nil)
        #expect(evidence.commitMessage == "evidence \(evidence.id) (restricted)\n\nSupports tip-2005#1.1.")
    }

    @Test func theSigningKeyIsReadFromTheSignature() throws {
        // As `ssh-keygen -Y sign` writes it: the blob names the key first.
        let armoured = """
            -----BEGIN SSH SIGNATURE-----
            U1NIU0lHAAAAAQAAADMAAAALc3NoLWVkMjU1MTkAAAAgnCR6C+5fhn40qIahCEHj52c2Jn
            hhBDS8jl/LmP7k4q0AAAADZ2l0AAAAAAAAAAZzaGE1MTIAAABTAAAAC3NzaC1lZDI1NTE5
            AAAAQFBl2p+kLBsMFF9HCzKzHDkINrsM7pI4HwrurYdC6CpMF3gTJBjrukNRhCdZr2KwCh
            ourFNzJMo0BrZE0n4+1gg=
            -----END SSH SIGNATURE-----
            """
        #expect(SSHSignature.publicKey(ofArmored: armoured)
                == "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJwkegvuX4Z+NKiGoQhB4+dnNiZ4YQQ0vI5fy5j+5OKt")
        #expect(SSHSignature.publicKey(ofArmored: "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----") == nil)
    }
}

/// Counts calls from a closure that must be Sendable.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
