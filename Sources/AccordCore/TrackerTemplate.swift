/// The settings file `accord init` writes. The model of `accord.yaml` may own this later;
/// for now it is the text, verbatim.
public enum TrackerSettings {
    /// The name of the settings file at the root of every tracker.
    public static let fileName = "accord.yaml"

    /// The `accord.yaml` of a new tracker.
    public static let defaultText = """
        # accord tracker settings. See docs/formats.md.
        format: 1
        name: New tracker
        parties:
          - code: VN
            name: Viet Nam
          - code: KH
            name: Cambodia
        languages: [en]
        thresholds:
          stale-after-months: 12
          attachment-max-mb: 50

        """
}
