/// What the small hand-written test trackers share: their settings file.
public enum SmallTracker {
    /// `accord.yaml` of a tracker between Viet Nam and Cambodia, in English, with `more`
    /// (indicators, scopes, thresholds: lines at the file's top level) after it.
    public static func settings(_ more: String = "") -> String {
        """
        format: 1
        name: Test tracker
        parties:
          - code: VN
            name: Viet Nam
          - code: KH
            name: Cambodia
        languages: [en]

        """ + more
    }
}
