/// The report's inline stylesheet: screen (laptop and phone) and print (A4).
enum ReportStyle {
    static let css = """
    :root{--ink:#1F2328;--muted:#5F6368;--line:#E3E3E3;--soft:#F6F7F9;--accent:#0072B2}
    *{box-sizing:border-box}
    html{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--ink);background:#EDEFF2}
    body{margin:0}
    main{max-width:1040px;margin:0 auto;background:#fff;padding:28px 40px 48px}
    header.top{border-bottom:4px solid var(--accent);padding-bottom:12px;margin-bottom:18px}
    .brand{font-weight:700;letter-spacing:.12em;text-transform:uppercase;color:var(--accent);font-size:12px}
    h1{font-size:28px;line-height:1.2;margin:4px 0 6px}
    .sub{color:var(--muted);margin:0}
    h2{font-size:21px;margin:34px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
    h3{font-size:16px;margin:22px 0 6px}
    .summary{background:#EEF5FB;border-left:5px solid var(--accent);padding:10px 22px 12px;border-radius:0 6px 6px 0}
    .summary h2{border:0;margin:4px 0 2px;font-size:18px}
    .summary ol{margin:4px 0;padding-left:22px}
    .summary li{margin:7px 0;font-size:16px}
    nav.toc{font-size:13px;margin:14px 0 0;color:var(--muted);display:flex;flex-wrap:wrap;gap:4px 14px}
    nav.toc a{color:var(--accent)}
    figure{margin:10px 0 22px;break-inside:avoid}
    figcaption{font-size:12px;color:var(--muted);margin-top:2px}
    svg.chart{width:100%;height:auto;display:block}
    svg text{font-family:inherit;font-size:12px;fill:#1F2328}
    svg .axis,svg .tiny{fill:#5F6368;font-size:11px}
    svg .tiny{font-size:10px}
    svg .num{font-variant-numeric:tabular-nums}
    svg .small{fill:#80868B}
    svg .qlab{font-size:13px;font-weight:600;fill:#5F6368}
    svg .spike{font-size:11px}
    svg .bar{font-size:11px;font-weight:600}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
    th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top}
    th:first-child,td:first-child,th.l,td.l{text-align:left}
    thead th{font-weight:600;color:var(--muted);border-bottom:2px solid #C9CDD2;vertical-align:bottom}
    thead tr.group th{border-bottom:0;text-align:center;color:var(--ink)}
    td.bd{width:40%;min-width:160px}
    tr.all td{font-weight:600;background:var(--soft)}
    .ci{color:var(--muted);font-size:11px;display:block;white-space:nowrap}
    .small,.small .ci{color:#8A8F98}
    .up,.down{font-weight:700}
    .up{color:#00734F}
    .down{color:#B34700}
    .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(165px,1fr));gap:10px;margin:8px 0 6px}
    .kpi{border:1px solid var(--line);border-radius:6px;padding:8px 12px}
    .kpi .v{font-size:22px;font-weight:700;line-height:1.25}
    .kpi .l{font-size:12px;color:var(--muted)}
    .kpi.small .v{color:#8A8F98}
    .examples h4{font-size:13px;margin:14px 0 4px}
    blockquote{margin:6px 0 8px;padding:7px 12px;border-left:3px solid #C9CDD2;background:var(--soft);overflow-wrap:anywhere;word-break:break-word}
    blockquote.neg{border-left-color:#D55E00}
    blockquote.pos{border-left-color:#009E73}
    .meta{display:block;font-size:11px;color:var(--muted);margin-top:3px;overflow-wrap:anywhere}
    .method{background:var(--soft);padding:8px 22px 14px;border-radius:6px;font-size:13px}
    .method h2{border:0}
    .method code{overflow-wrap:anywhere}
    .note{font-size:12px;color:var(--muted);margin:4px 0}
    .two{display:grid;grid-template-columns:1fr 1fr;gap:20px}
    .matrix td,.matrix th{text-align:center;padding:4px 6px}
    .matrix th.rowh,.matrix td:first-child{text-align:left}
    @media (max-width:720px){main{padding:16px}.two{grid-template-columns:1fr}h1{font-size:23px}}
    @media print{
      @page{size:A4;margin:14mm 12mm}
      html{background:#fff;font-size:10.5pt}
      main{max-width:none;padding:0}
      nav.toc{display:none}
      h2,h3{break-after:avoid}
      figure,table,.kpis,blockquote{break-inside:avoid}
      a{color:inherit;text-decoration:none}
    }
    """
}
