import Foundation

/// Small SVG charts for the HTML reports: self-contained markup with axis labels, a
/// legend and a `<title>`, every text escaped, sized in user units so they scale on screen
/// and print crisply on paper.
public enum SVGChart {
    /// A named series of values.
    public struct Series: Sendable {
        public var name: String
        /// One value per category or x label; nil where there is none.
        public var values: [Double?]

        /// Creates a series.
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    /// Colours distinguishable in print and by most colour-blind readers (Okabe–Ito).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    /// Horizontal grouped bars, one group per category and one bar per series, on a
    /// scale from 0 to `maximum` (e.g. 100 for percentages) labelled with `unit`.
    public static func bars(title: String, categories: [String], series: [Series], maximum: Double, unit: String) -> String {
        let labelWidth = 260.0, plotWidth = 380.0, barHeight = 12.0, gap = 10.0
        let groupHeight = Double(series.count) * barHeight + gap
        let top = 28.0, plotHeight = Double(categories.count) * groupHeight
        let width = labelWidth + plotWidth + 60, height = top + plotHeight + 48
        var parts = [header(title: title, width: width, height: height)]
        let scale = maximum > 0 ? plotWidth / maximum : 0
        for tick in ticks(maximum: maximum) {
            let x = labelWidth + tick * scale
            parts.append(line(x, top, x, top + plotHeight, stroke: "#ccc"))
            parts.append(text(format(tick), x: x, y: top + plotHeight + 14, anchor: "middle", size: 10))
        }
        parts.append(text(unit, x: labelWidth + plotWidth / 2, y: top + plotHeight + 30, anchor: "middle", size: 10))
        for (row, category) in categories.enumerated() {
            let y0 = top + Double(row) * groupHeight
            parts.append(text(shorten(category, 44), x: labelWidth - 6, y: y0 + groupHeight / 2, anchor: "end", size: 10))
            for (index, entry) in series.enumerated() {
                guard let value = entry.values.indices.contains(row) ? entry.values[row] : nil else { continue }
                let y = y0 + Double(index) * barHeight + gap / 2
                parts.append("<rect x=\"\(format(labelWidth))\" y=\"\(format(y))\" width=\"\(format(max(value * scale, 0.5)))\" "
                    + "height=\"\(format(barHeight - 2))\" fill=\"\(palette[index % palette.count])\"><title>"
                    + HTMLText.escape("\(category) — \(entry.name): \(format(value)) \(unit)") + "</title></rect>")
                parts.append(text(format(value), x: labelWidth + value * scale + 4, y: y + barHeight / 2, anchor: "start", size: 9))
            }
        }
        parts.append(legend(series.map(\.name), x: labelWidth, y: 14))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A level to reach, drawn across a line chart as a dashed line with its label.
    public struct Target: Sendable {
        public var label: String
        public var value: Double

        /// Creates a target.
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// Lines over x labels (years), one per series, with a y axis from 0 to a round maximum;
    /// `targets` are dashed lines across, and `description` is the chart's `<desc>`, the
    /// text a screen reader gives in place of the picture.
    public static func lines(title: String, xLabels: [String], series: [Series], unit: String,
                             targets: [Target] = [], description: String? = nil) -> String {
        let left = 56.0, top = 28.0, plotWidth = 440.0, plotHeight = 180.0
        let width = left + plotWidth + 24 + (targets.isEmpty ? 0 : 150), height = top + plotHeight + 48
        let highest = (series.flatMap(\.values).compactMap { $0 } + targets.map(\.value)).max() ?? 0
        let maximum = niceMaximum(highest)
        let xStep = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        func x(_ index: Int) -> Double { xLabels.count > 1 ? left + Double(index) * xStep : left + plotWidth / 2 }
        func y(_ value: Double) -> Double { top + plotHeight - (maximum > 0 ? value / maximum * plotHeight : 0) }
        var parts = [header(title: title, width: width, height: height, description: description)]
        for tick in ticks(maximum: maximum) {
            parts.append(line(left, y(tick), left + plotWidth, y(tick), stroke: "#ddd"))
            parts.append(text(format(tick), x: left - 6, y: y(tick), anchor: "end", size: 10))
        }
        parts.append(line(left, top + plotHeight, left + plotWidth, top + plotHeight, stroke: "#333"))
        parts.append(line(left, top, left, top + plotHeight, stroke: "#333"))
        for (index, label) in xLabels.enumerated() {
            parts.append(text(label, x: x(index), y: top + plotHeight + 14, anchor: "middle", size: 10))
        }
        parts.append(text(unit, x: 14, y: top + plotHeight / 2, anchor: "middle", size: 10, rotate: true))
        for (number, entry) in series.enumerated() {
            let colour = palette[number % palette.count]
            let points = entry.values.enumerated().compactMap { index, value in value.map { (x(index), y($0), $0) } }
            if points.count > 1 {
                let path = points.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
                parts.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
            }
            for point in points {
                parts.append("<circle cx=\"\(format(point.0))\" cy=\"\(format(point.1))\" r=\"3\" fill=\"\(colour)\"><title>"
                    + HTMLText.escape("\(entry.name): \(format(point.2))") + "</title></circle>")
            }
        }
        for target in targets {
            parts.append("<line x1=\"\(format(left))\" y1=\"\(format(y(target.value)))\" x2=\"\(format(left + plotWidth))\" "
                + "y2=\"\(format(y(target.value)))\" stroke=\"#333\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>")
            parts.append(text(shorten(target.label, 26), x: left + plotWidth + 6, y: y(target.value), anchor: "start", size: 9))
        }
        parts.append(legend(series.map(\.name), x: left, y: 14))
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    // MARK: Parts

    private static func header(title: String, width: Double, height: Double, description: String? = nil) -> String {
        "<svg viewBox=\"0 0 \(format(width)) \(format(height))\" "
            + "width=\"\(format(width))\" height=\"\(format(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" "
            + "font-family=\"sans-serif\"><title>\(HTMLText.escape(title))</title>"
            + (description.map { "<desc>\(HTMLText.escape($0))</desc>" } ?? "")
    }

    private static func legend(_ names: [String], x: Double, y: Double) -> String {
        var offset = x
        return names.enumerated().map { index, name in
            let entry = "<rect x=\"\(format(offset))\" y=\"\(format(y - 8))\" width=\"10\" height=\"10\" fill=\"\(palette[index % palette.count])\"/>"
                + text(name, x: offset + 14, y: y - 3, anchor: "start", size: 10)
            offset += 24 + Double(name.count) * 6
            return entry
        }.joined(separator: "\n")
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(format(x1))\" y1=\"\(format(y1))\" x2=\"\(format(x2))\" y2=\"\(format(y2))\" stroke=\"\(stroke)\" stroke-width=\"1\"/>"
    }

    private static func text(_ value: String, x: Double, y: Double, anchor: String, size: Int, rotate: Bool = false) -> String {
        let transform = rotate ? " transform=\"rotate(-90 \(format(x)) \(format(y)))\"" : ""
        return "<text x=\"\(format(x))\" y=\"\(format(y))\" text-anchor=\"\(anchor)\" dominant-baseline=\"middle\" "
            + "font-size=\"\(size)\"\(transform)>\(HTMLText.escape(value))</text>"
    }

    /// A round number at or above `value`: 1, 2 or 5 times a power of ten.
    static func niceMaximum(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }

    /// Five ticks from 0 to `maximum`.
    static func ticks(maximum: Double) -> [Double] {
        (0...4).map { Double($0) * maximum / 4 }
    }

    /// Numbers without a needless fraction: `12`, `12.5`.
    static func format(_ value: Double) -> String {
        // `Int(_:)` traps past its range: only whole numbers well inside it print as integers.
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        if abs(value) >= 1e15 || !value.isFinite { return String(format: "%.4g", value) }
        return String(format: "%.1f", value)
    }

    private static func shorten(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
