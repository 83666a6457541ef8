import SantunCore

extension HTMLReporter {
    /// Category colours: strong enough for underlines and bars on white, each paired with a
    /// light tint for the highlight, distinct in hue and lightness so neighbours differ for
    /// most colour-vision deficiencies (the underline style and the notes carry the rest).
    static let palette: [(name: String, color: String)] = [
        ("profanity", "#c62828"), ("sara", "#ad1457"), ("pii", "#1565c0"), ("confidential", "#6a1b9a"),
        ("tone", "#e65100"), ("slang", "#00796b"), ("nonstandard", "#558b2f"), ("foreign-term", "#a07800"),
        ("suppression", "#616161"), ("none", "#4a4f57"),
    ]

    static let severityColors: [(name: String, color: String)] = [
        ("error", "#b71c1c"), ("warning", "#b45309"), ("info", "#1d4ed8"),
    ]

    /// A colour mixed with white (`share` of the colour), as hex: tints without `color-mix`,
    /// which older browsers and PDF printers lack.
    static func tint(_ hex: String, share: Double) -> String {
        let digits = Array(hex.dropFirst())
        var out = "#"
        for index in stride(from: 0, to: 6, by: 2) {
            let value = Int(String(digits[index...index + 1]), radix: 16) ?? 0
            let mixed = Int((Double(value) * share + 255 * (1 - share)).rounded())
            let text = String(mixed, radix: 16)
            out += text.count == 1 ? "0" + text : text
        }
        return out
    }

    /// The whole stylesheet: system fonts only, a screen layout for projectors and laptops,
    /// and a print layout (no tooltips, notes kept with their drafts, colours kept).
    static func styleSheet() -> String {
        var css = """
            :root { color-scheme: light; --ink: #1d2330; --muted: #5b6472; --line: #dde1e6; --paper: #ffffff; --page: #f3f4f6; }
            * { box-sizing: border-box; }
            html { font-size: 17px; -webkit-text-size-adjust: 100%; }
            body { margin: 0; background: var(--page); color: var(--ink); line-height: 1.5;
              font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif,
                "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
            header, section, footer { max-width: 74rem; margin: 0 auto; padding: 0 1.5rem; }
            header { padding-top: 2rem; }
            h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 .3rem; letter-spacing: -.01em; }
            h2 { font-size: 1.4rem; margin: 2rem 0 .9rem; }
            h3 { font-size: 1.05rem; margin: 0 0 .7rem; }
            .lede { color: var(--muted); font-size: 1.1rem; margin: 0 0 .5rem; }
            .stats { display: flex; flex-wrap: wrap; gap: .75rem; margin-bottom: 1rem; }
            .stat { background: var(--paper); border: 1px solid var(--line); border-radius: .6rem; padding: .55rem 1rem .65rem; min-width: 8.5rem; }
            .stat .value { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
            .stat .name { color: var(--muted); font-size: .9rem; }
            .stat.sev-error, .stat.sev-warning, .stat.sev-info { border-top: 4px solid var(--sev); }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(27rem, 1fr)); gap: 1rem; }
            .chart { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: .6rem; padding: .9rem 1rem .6rem; }
            .chart figcaption { font-weight: 650; margin-bottom: .4rem; }
            .chart svg { display: block; max-width: 100%; height: auto; }
            .bar rect { fill: var(--c, var(--sev)); }
            .bar text { font-size: 14px; fill: var(--ink); }
            .bar .bar-count { font-weight: 700; }
            .legend, .top-words, .clean { background: var(--paper); border: 1px solid var(--line); border-radius: .6rem; padding: 1rem 1.25rem; margin-top: 1rem; }
            .legend ul { list-style: none; margin: 0 0 .6rem; padding: 0; display: flex; flex-wrap: wrap; gap: .45rem 1.2rem; }
            .hint { color: var(--muted); font-size: .9rem; margin: .2rem 0 0; }
            mark { color: inherit; background: var(--tint); border-bottom: 3px solid var(--c); padding: .05em .12em; border-radius: .2em .2em 0 0; }
            mark.sev-error { border-bottom-style: solid; border-bottom-width: 3px; }
            mark.sev-warning { border-bottom-style: dashed; border-bottom-width: 2.5px; }
            mark.sev-info { border-bottom-style: dotted; border-bottom-width: 3px; }
            mark.multi { box-shadow: 0 0 0 1.5px var(--c); }
            mark[data-tip] { position: relative; cursor: help; }
            mark[data-tip]:hover::after, mark[data-tip]:focus::after { content: attr(data-tip); position: absolute; left: 0; top: 100%;
              margin-top: .45rem; z-index: 10; width: max-content; max-width: 28rem; white-space: pre-line; background: #1d2330; color: #fff;
              font-size: .85rem; font-weight: 400; line-height: 1.45; padding: .5rem .7rem; border-radius: .4rem; box-shadow: 0 6px 18px rgba(0, 0, 0, .25); }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { font-size: .85rem; color: var(--muted); font-weight: 600; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            .top-words th:first-child { width: 34%; }
            .top-words th:nth-child(2) { width: 26%; }
            .top-words th:nth-child(3) { width: 10%; }
            .swatch { display: inline-block; width: .95em; height: .95em; border-radius: .2em; background: var(--c); vertical-align: -.1em; }
            .chip { background: var(--tint); border-left: 3px solid var(--c); padding: .05em .4em; border-radius: .2em; white-space: nowrap; }
            .rules dl { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: .6rem; padding: .4rem 1.25rem 1rem; }
            .rules dt { margin-top: .8rem; font-weight: 600; }
            .rules dd { margin: .25rem 0 0; max-width: 62rem; }
            .rules .count { color: var(--muted); font-weight: 400; }
            code, .path { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
            .card { background: var(--paper); border: 1px solid var(--line); border-radius: .7rem; padding: 1.1rem 1.3rem; margin-bottom: 1.1rem; }
            .card h3 { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; }
            .badge { font-size: .75rem; font-weight: 700; color: #fff; background: var(--sev); border-radius: 1rem; padding: .1rem .55rem; }
            .draft { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.22rem; line-height: 2.05; background: #fbfbfc;
              border: 1px solid var(--line); border-radius: .5rem; padding: .8rem 1.1rem; }
            sup.ref { font-size: .62em; line-height: 0; margin-left: .12em; }
            sup.ref a { color: var(--muted); font-weight: 700; text-decoration: none; }
            .notes { margin: .9rem 0 0; padding-left: 1.7rem; font-size: .95rem; }
            .notes li { margin: .35rem 0; }
            .note .sev, .meanings .sev { font-weight: 700; color: var(--sev); }
            .meanings { list-style: none; margin: .8rem 0 0; padding: .7rem 0 0; border-top: 1px solid var(--line); font-size: .92rem; }
            .meanings li { margin: .2rem 0; }
            .note q { font-weight: 650; }
            .suggestion { color: #1b5e20; font-weight: 600; }
            .where { color: var(--muted); font-size: .85rem; }
            .back { color: var(--muted); text-decoration: none; }
            .clean ul { columns: 2 22rem; margin: 0; padding-left: 1.2rem; color: var(--muted); font-size: .88rem; }
            .all-clean { font-size: 1.15rem; }
            footer { color: var(--muted); font-size: .85rem; padding-top: 1.5rem; padding-bottom: 3rem; }
            :focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
            @media print {
              html { font-size: 10.5pt; }
              body { background: #fff; }
              header, section, footer { max-width: none; padding: 0; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .stat, .chart, .legend, .top-words, .card { border-color: #aaa; break-inside: avoid; }
              .rules dl, .clean { border-color: #aaa; }
              .rules dt { break-after: avoid; }
              .charts { grid-template-columns: 1fr 1fr; }
              .draft { font-size: 11.5pt; line-height: 1.8; background: #fff; }
              mark[data-tip]::after { display: none !important; }
              .hint, .back { display: none; }
              sup.ref a { color: #000; }
              h2 { break-after: avoid; }
            }

            """
        for (name, color) in palette {
            css += ".cat-\(name) { --c: \(color); --tint: \(tint(color, share: 0.17)); }\n"
        }
        for (name, color) in severityColors {
            css += ".sev-\(name) { --sev: \(color); }\n"
        }
        return css
    }
}
