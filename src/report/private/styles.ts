/**
 * The page's only stylesheet, inline. The system font stack (no web font), 16 px body text, dark text on
 * light backgrounds (each pair at least 4.5:1), tables that wrap long construct paths instead of
 * overflowing, and print rules (no fixed widths, collapsed lists printed open, rows not split).
 *
 * @internal
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body {
  margin: 0; padding: 0 24px 48px; color: #1a1a1a; background: #ffffff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 16px; line-height: 1.45;
}
main { max-width: 1200px; margin: 0 auto; }
h1 { font-size: 28px; margin: 24px 0 4px; }
h2 { font-size: 22px; margin: 40px 0 8px; padding-top: 12px; border-top: 3px solid #1f3a5f; }
h3 { font-size: 18px; margin: 28px 0 8px; }
p, li, dd, dt, td, th, caption, summary { overflow-wrap: break-word; }
.path, code { overflow-wrap: anywhere; }
a { color: #0b4fbf; }
code, .path { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 14px; }
.lead { color: #3d3d3d; margin: 0 0 16px; }
.none { color: #555555; }
.muted { color: #4a4a4a; }
dl.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; margin: 16px 0; }
dl.summary div { border: 1px solid #c5ccd6; border-radius: 6px; padding: 10px 14px; background: #f6f8fa; }
dl.summary dt { font-size: 14px; color: #3d3d3d; }
dl.summary dd { margin: 2px 0 0; font-size: 24px; font-weight: 600; color: #1a1a1a; }
dl.summary div.alert { border-color: #b3261e; background: #fff1f0; }
dl.summary div.alert dd, dl.summary div.alert dt { color: #8c1d18; }
nav ul { padding-left: 20px; }
table.fixed { table-layout: fixed; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; table-layout: auto; }
caption { text-align: left; font-weight: 600; font-size: 18px; padding: 4px 0 6px; }
th, td { border: 1px solid #c5ccd6; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f5; color: #1a1a1a; }
tr { break-inside: avoid; }
ul.plain { margin: 0; padding-left: 18px; }
.tag { display: inline-block; border: 1px solid #8a5a00; border-radius: 4px; padding: 0 5px; font-size: 13px; color: #5c3b00; background: #fff3d6; white-space: nowrap; }
.gap { color: #8c1d18; font-weight: 600; }
span.gap { white-space: nowrap; }
tr.gap-row td { background: #fff1f0; }
p.empty { color: #3d3d3d; font-style: italic; }
details summary { cursor: pointer; color: #0b4fbf; }
figure { margin: 8px 0 16px; }
figcaption { font-size: 14px; color: #3d3d3d; }
svg.diagram { display: block; max-width: 100%; height: auto; }
svg.diagram text { font-family: inherit; }
.legend span { margin-right: 16px; font-size: 14px; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 2px solid #1f3a5f; vertical-align: -2px; margin-right: 4px; }
.swatch.gap { border: 2px dashed #b3261e; background: #fff1f0; }
footer { margin-top: 48px; font-size: 14px; color: #3d3d3d; }
@media print {
  body { padding: 0; font-size: 12pt; }
  main { max-width: none; }
  section[data-report="stack"] > h2 { break-before: page; }
  nav, .legend { break-inside: avoid; }
  details::details-content { content-visibility: visible; display: block; }
  a { color: #1a1a1a; }
}
`;
