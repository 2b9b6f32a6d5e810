/// How every report writes a share: a whole percent, rounded half up, written `17%`. One
/// rule, so the dashboard and the review summary never disagree about 1 of 6.
public enum Percentage {
    /// `part` of `whole` as a whole percent, rounded half up (1 of 6 is 17, 1 of 8 is 13,
    /// 1 of 200 is 1); 0 when `whole` is 0. Integer arithmetic, so no binary fraction
    /// tips a half the wrong way.
    public static func rounded(_ part: Int, of whole: Int) -> Int {
        guard whole > 0 else { return 0 }
        return (200 * part + whole) / (2 * whole)
    }

    /// `17%`.
    public static func text(_ percent: Int) -> String { "\(percent)%" }

    /// `part` of `whole`, rounded half up, as `17%`.
    public static func text(_ part: Int, of whole: Int) -> String { text(rounded(part, of: whole)) }
}
