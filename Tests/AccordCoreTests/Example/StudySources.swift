/// What the example may take from its sources, kept beside the tests that hold the example
/// to it. The study is Do Thi Thanh Binh and Bui Nam Khanh, "Cooperation Against Human
/// Trafficking: Case Study of Cambodia-Vietnam Border Point", Russian Journal of Political
/// Studies 6(1), 2020, doi:10.13187/rjps.2020.1.3.
enum StudySources {
    /// How a record cites the study.
    static let citation = "Russian Journal of Political Studies"

    /// One figure: indicator, scope, period and value.
    struct Figure: Hashable {
        let indicator: String
        let scope: String
        let period: String
        let value: Double
    }

    /// The study's table of cases, suspects ("objects") and victims by year and scope, with
    /// its printed totals row (period 2015–2019) as printed, and its yearly training figures.
    static let table: Set<Figure> = {
        let rows: [(String, [Double])] = [
            ("2015", [407, 489, 1000, 62, 121, 232, 7, 18, 23]),
            ("2016", [354, 463, 927, 48, 92, 201, 10, 26, 27]),
            ("2017", [376, 568, 965, 51, 112, 169, 11, 19, 38]),
            ("2018", [211, 276, 386, 36, 51, 88, 16, 33, 62]),
            ("2019", [318, 475, 687, 45, 69, 128, 17, 34, 71]),
            ("2015–2019", [1666, 2271, 3965, 242, 394, 818, 61, 130, 221]),
        ]
        var figures: Set<Figure> = []
        for (period, values) in rows {
            for (index, value) in values.enumerated() {
                let scope = ["vn-nationwide", "vn-kh-border", "vn-kh-joint"][index / 3]
                figures.insert(Figure(indicator: ["cases", "suspects", "victims"][index % 3], scope: scope, period: period, value: value))
            }
        }
        figures.insert(Figure(indicator: "trainees", scope: "vn-kh-bilateral", period: "c. 2017–2018", value: 100))
        figures.insert(Figure(indicator: "scholarships", scope: "vn-kh-bilateral", period: "c. 2017–2018", value: 250))
        return figures
    }()

    /// Figures from other sources, each with a phrase its source must contain.
    static let otherFigures: [Figure: String] = [
        Figure(indicator: "cases", scope: "vn-nationwide", period: "2016", value: 383): "VnExpress",
        Figure(indicator: "cases", scope: "vn-nationwide", period: "2016", value: 385): "PLO",
        Figure(indicator: "victims", scope: "vn-nationwide", period: "2016", value: 1128): "VnExpress",
    ]

    /// What the study contains that the example cites it for, by record: each phrase must be
    /// in the record. A record that cites the study and is not here cites it for nothing
    /// checked, and fails.
    static let contents: [String: [String]] = [
        "crime-1997": ["1997"],
        "tip-2005": ["October 2005", "five-year review of 2012–2017"],
        "extradition-2013": ["no documents guiding the application of the extradition"],
        "plan-2017-2020": ["General Action Plan for the implementation of the", "six areas"],
        "2011-dong-thap-conference": ["Dong Thap", "2011"],
        "ev-2011-dong-thap-conference": ["Dong Thap", "2011"],
        "2019-03-26-clv-conference": ["2018"],
        "ev-2009-mps-moi-plan-2009-2010": ["2009"],
        "ev-2017-five-year-review": ["9 cases", "10 suspects", "10 victims", "nearly 20 requests", "192 victims", "77 of them"],
        "ev-2017-mps-report-2012-2017": ["3,090", "90 %", "1,021", "2,035"],
        "ev-2019-03-26-clv-conference": ["211 cases", "276 suspects", "386 victims", "200 cases", "261 accused",
                                         "109 cases", "194 accused", "130 cases", "233 defendants", "80 %"],
        "ev-2019-12-31-border-liaison-offices": ["five pairs"],
        "ev-2019-12-31-training-support": ["100", "250", "20 Vietnamese army schools"],
        "ev-2015-12-31-trafficking-statistics": ["394", "445", "33 %", "29.2 %"],
        "ev-2016-12-31-trafficking-statistics": ["394", "445", "33 %", "29.2 %"],
        "ev-2017-12-31-trafficking-statistics": ["394", "445", "33 %", "29.2 %"],
        "ev-2018-12-31-trafficking-statistics": ["394", "445", "33 %", "29.2 %"],
        "ev-2019-12-31-trafficking-statistics": ["394", "445", "33 %", "29.2 %"],
    ]
}
