/// The HTML briefing's style sheet: one column that reflows down to a 320 px phone, the PDF's
/// colours in light mode, a dark scheme (charts keep their light card), and a print sheet.
/// System fonts only: the file makes no request.
package enum HTMLStyles {
    package static let sheet = """
    :root {
      --text: #1a1a1a; --muted: #5f6368; --accent: #1f4e79; --rule: #bfc5cc;
      --box: #eef3f8; --stripe: #f4f6f8; --page: #ffffff; --link: #1f5fa6; --card: #ffffff;
      color-scheme: light dark;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6e8eb; --muted: #a9b0b8; --accent: #8cb8e6; --rule: #4a5159;
        --box: #1c2733; --stripe: #1b1f24; --page: #121416; --link: #8cc4ff; --card: #ffffff;
      }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0 auto; padding: 1rem 1rem 3rem; max-width: 46rem;
      background: var(--page); color: var(--text);
      font: 1.0625rem/1.6 "Noto Serif", Georgia, Cambria, "Times New Roman", serif;
      overflow-wrap: break-word;
    }
    h1, h2, h3, h4, h5, h6, .subtitle, .meta, figcaption, table, .toc, .findings, footer, .notes, .sources, .skip {
      font-family: "Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
    }
    h1 { color: var(--accent); font-size: 1.9rem; line-height: 1.2; margin: 1.5rem 0 .5rem; }
    h2 { color: var(--accent); font-size: 1.4rem; line-height: 1.25; margin: 2.2rem 0 .6rem; }
    h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
    h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
    h2 .num, h3 .num { color: var(--muted); font-weight: 600; margin-right: .35em; }
    p { margin: 0 0 .9rem; }
    a { color: var(--link); }
    code, pre { font-family: ui-monospace, "Noto Sans Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
    pre { background: var(--stripe); padding: .6rem .8rem; overflow-x: auto; }
    blockquote { margin: 0 0 .9rem; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
    hr { border: 0; border-top: 1px solid var(--rule); margin: 1.5rem 0; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: var(--page); padding: .3rem .6rem; z-index: 1; }
    .title-block { border-bottom: 2px solid var(--accent); padding-bottom: .8rem; margin-bottom: 1.2rem; }
    .subtitle { font-size: 1.2rem; line-height: 1.35; margin: 0 0 .5rem; }
    .meta { color: var(--muted); font-size: .9rem; margin: 0; }
    .findings { background: var(--box); border-left: 4px solid var(--accent); padding: .8rem 1rem .4rem; margin: 0 0 1.5rem; font-size: .98rem; }
    .findings h2 { color: var(--text); font-size: 1.05rem; margin: 0 0 .4rem; }
    .findings ul { margin: 0; padding-left: 1.2rem; }
    .findings li { margin-bottom: .4rem; }
    .toc { font-size: .95rem; margin: 0 0 1.5rem; }
    .toc h2 { font-size: 1.05rem; color: var(--text); margin: 0 0 .3rem; }
    .toc ol { list-style: none; margin: 0; padding-left: 0; }
    .toc ol ol { padding-left: 1.6rem; }
    .toc li { margin: .15rem 0; }
    .toc a { text-decoration: none; }
    .toc .t { text-decoration: underline; }
    .toc .num { display: inline-block; min-width: 1.8rem; color: var(--muted); }
    figure { margin: 1.5rem 0; }
    .chart { background: var(--card); border-radius: 4px; padding: .4rem; }
    .chart svg { display: block; width: 100%; max-width: 100%; height: auto; margin: 0 auto; }
    figcaption, caption { color: var(--muted); font-size: .88rem; line-height: 1.45; margin-top: .5rem; text-align: left; }
    .label { font-weight: 700; color: var(--text); }
    .table-wrap { overflow-x: auto; margin: 1rem 0 1.5rem; max-width: 100%; }
    .table-wrap:focus { outline: 2px solid var(--link); outline-offset: 2px; }
    table { border-collapse: collapse; font-size: .88rem; line-height: 1.35; min-width: 60%; }
    /* A caption is as wide as its table: kept to the column, and in view while a wide table scrolls. */
    caption { caption-side: top; margin: 0 0 .4rem; max-width: min(calc(100vw - 2rem), 43rem); position: sticky; left: 0; }
    th, td { padding: .3rem .55rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 1.5px solid var(--text); }
    tbody tr:nth-child(even) { background: var(--stripe); }
    tbody tr:last-child td { border-bottom: 1px solid var(--rule); }
    td:not(.r):not(.c) { min-width: 6em; }
    th.r, td.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    th.c, td.c { text-align: center; }
    sup { line-height: 0; }
    .cite { text-decoration: none; white-space: nowrap; }
    .notes, .sources { font-size: .9rem; }
    .notes ol, .sources ol { padding-left: 1.6rem; }
    .notes li, .sources li { margin-bottom: .4rem; }
    .sources a { overflow-wrap: anywhere; }
    .backref { text-decoration: none; margin-left: .2rem; }
    footer { color: var(--muted); font-size: .8rem; border-top: 1px solid var(--rule); margin-top: 2.5rem; padding-top: .6rem; }
    @media (min-width: 48rem) {
      body { padding: 2rem 1.5rem 4rem; }
      h1 { font-size: 2.2rem; }
    }
    @page { margin: 18mm 16mm; }
    @media print {
      :root { --text: #000; --muted: #444; --page: #fff; --box: #eef3f8; --stripe: #f4f6f8; --link: #000; }
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      .skip, .toc { display: none; }
      a { text-decoration: none; }
      .sources a::after { content: ""; }
      h2, h3 { break-after: avoid; }
      figure, .table-wrap, .findings { break-inside: avoid; }
      .table-wrap { overflow: visible; }
      .chart { padding: 0; }
      .chart svg { max-width: 15cm; }
    }

    """
}
