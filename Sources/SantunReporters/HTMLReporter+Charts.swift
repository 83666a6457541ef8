import SantunCore

extension HTMLReporter {
    /// One horizontal bar of a chart.
    struct Bar {
        var label: String
        var count: Int
        /// The CSS class that colours the bar (`cat-slang`, `sev-error`).
        var cssClass: String
    }

    func categoryChart(_ counts: [(Category, Int)]) -> String {
        barChart(id: "chart-category", title: t("Temuan per kategori", "Findings by category"),
                 bars: counts.map { Bar(label: label($0.0), count: $0.1, cssClass: "cat-\($0.0.rawValue)") })
    }

    /// The severity chart, followed by what each level asks of the writer.
    func severityChart(_ counts: [(Severity, Int)]) -> String {
        var chart = barChart(id: "chart-severity", title: t("Temuan per tingkat", "Findings by severity"),
                             bars: counts.map { Bar(label: severityLabel($0.0), count: $0.1, cssClass: "sev-\($0.0.rawValue)") })
        let meanings = [
            (Severity.error, t("jangan diunggah sebelum diperbaiki.", "do not post until it is fixed.")),
            (.warning, t("sebaiknya diperbaiki sebelum diunggah.", "should be fixed before posting.")),
            (.info, t("saran untuk tulisan yang lebih baik.", "a suggestion for better writing.")),
        ]
        var list = "<ul class=\"meanings\">\n"
        for (severity, meaning) in meanings {
            list += "<li><span class=\"sev sev-\(severity.rawValue)\">" + HTMLBuilder.escape(severity.rawValue) + "</span>: "
            list += HTMLBuilder.escape(meaning) + "</li>\n"
        }
        chart = chart.replacingOccurrences(of: "</svg>\n</figure>", with: "</svg>\n" + list + "</ul>\n</figure>")
        return chart
    }

    /// A labelled horizontal bar chart as inline SVG. Every bar carries its label and count as
    /// text, and the chart's description repeats them, so it reads without colour or sight.
    func barChart(id: String, title: String, bars: [Bar]) -> String {
        let labelWidth = 200, barArea = 250, countWidth = 44, rowHeight = 30, barHeight = 20, top = 8
        let width = labelWidth + barArea + countWidth
        let height = top * 2 + bars.count * rowHeight
        let maximum = max(1, bars.map(\.count).max() ?? 1)
        let description = bars.map { "\($0.label): \($0.count)" }.joined(separator: ", ")
        var svg = "<figure class=\"chart\">\n<figcaption>" + HTMLBuilder.escape(title) + "</figcaption>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
        svg += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        svg += "<title id=\"\(id)-title\">" + HTMLBuilder.escape(title) + "</title>\n"
        svg += "<desc id=\"\(id)-desc\">" + HTMLBuilder.escape(description) + "</desc>\n"
        for (index, bar) in bars.enumerated() {
            let y = top + index * rowHeight
            let length = bar.count == 0 ? 2 : max(4, Int((Double(bar.count) / Double(maximum) * Double(barArea - 8)).rounded()))
            svg += "<g class=\"bar \(bar.cssClass)\">"
            svg += "<text class=\"bar-label\" x=\"\(labelWidth - 10)\" y=\"\(y + barHeight - 5)\" text-anchor=\"end\">" + HTMLBuilder.escape(bar.label) + "</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" rx=\"3\"/>"
            svg += "<text class=\"bar-count\" x=\"\(labelWidth + length + 8)\" y=\"\(y + barHeight - 5)\">\(bar.count)</text>"
            svg += "</g>\n"
        }
        svg += "</svg>\n</figure>\n"
        return svg
    }
}
