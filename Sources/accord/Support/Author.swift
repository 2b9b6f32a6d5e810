import AccordCore
import Foundation
import GitStore

extension TrackerContext {
    /// Who a record is written by: `--by` (`Name <email>` or a name), else git's
    /// `user.name` and `user.email`. The commit is dated noon UTC of the fact's day, so
    /// `git log` and `accord history` show the day the fact happened on, the same day in
    /// every time zone people read it from.
    func author(by text: String?, on day: CalendarDate) throws -> (person: Person, signature: Signature) {
        let person: Person
        if let text {
            guard let given = Person(text) else {
                throw AccordError(.usage, L10n.t("--by {1} should be a name or \"Name <email>\"", text.debugDescription))
            }
            person = given
        } else {
            let fallback = TrackerLocation.defaultAuthor(of: repository)
            person = Person(name: fallback.name, email: fallback.email)
        }
        // git wants an email in every signature: a reporter given by name alone signs with
        // the repository's user.email (or accord@localhost); the report keeps the name alone.
        let email = person.email.isEmpty ? TrackerLocation.defaultAuthor(of: repository).email : person.email
        return (person, Signature(name: person.name, email: email, date: day.noonUTC))
    }
}
