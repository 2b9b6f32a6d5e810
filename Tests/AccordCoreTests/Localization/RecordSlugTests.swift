@testable import AccordCore
import Testing

/// Ids from titles and venues in any script follow one rule.
struct RecordSlugTests {
    @Test func vietnameseIsFolded() {
        #expect(RecordSlug.make("Công văn") == "cong-van")
        #expect(RecordSlug.make("Đà Nẵng") == "da-nang")
        #expect(RecordSlug.make("Thành phố Hồ Chí Minh") == "thanh-pho-ho-chi-minh")
        // Decomposed (NFD) input gives the same id as precomposed.
        #expect(RecordSlug.make("Co\u{302}ng va\u{306}n") == "cong-van")
        #expect(RecordSlug.make("ĐỒNG THÁP, 2011") == "dong-thap-2011")
    }

    @Test func khmerGetsAStableHash() {
        let venue = RecordSlug.make("ភ្នំពេញ")
        #expect(venue.count == 8 && venue.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(RecordSlug.make("  ភ្នំពេញ ") == venue)
        #expect(RecordSlug.make("សៀមរាប") != venue)
        // Latin words beside Khmer carry the id.
        #expect(RecordSlug.make("Phnom Penh (ភ្នំពេញ)") == "phnom-penh")
        #expect(RecordSlug.make("—  ()") == "")
    }

    @Test func wordsAndLengthAreLimitedAtWordEnds() {
        #expect(RecordSlug.make("Biên bản hội nghị sơ kết năm 2019", words: 4) == "bien-ban-hoi-nghi")
        #expect(RecordSlug.make("alpha beta gamma", length: 12) == "alpha-beta")
        #expect(RecordSlug.make("supercalifragilistic", length: 5) == "super")
    }

    @Test func evidenceAndMeetingIdsUseTheRule() {
        let id = RecordName.evidence(date: CalendarDate("2019-12-01")!, title: "Công văn số 12 về Đà Nẵng").rawValue
        #expect(id.hasPrefix("ev-2019-12-01-cong-van-so-12-"))
        #expect(MeetingDraft.slug("Đà Nẵng") == "da-nang")
        #expect(MeetingDraft.slug("ភ្នំពេញ") == RecordSlug.make("ភ្នំពេញ"))
        #expect(MeetingDraft.slug("()") == "meeting")
    }

    /// A status report's id gives back the date it was named from; an id named otherwise gives none.
    @Test func aReportIdGivesBackItsDate() {
        let date = CalendarDate("2019-12-01")!
        #expect(RecordName.statusReportDate(of: RecordName.statusReport(date: date, party: PartyCode("KH")!).rawValue) == date)
        for other in ["sr-2019-13-01-kh-abcde", "sr-nope", "ev-2019-12-01-x-abcd", "sr-2019-12"] {
            #expect(RecordName.statusReportDate(of: other) == nil, "\(other)")
        }
    }
}
