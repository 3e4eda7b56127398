#!/usr/bin/python3
"""Peer pipeline for the Casus benchmark: the same monthly workbook content
(sheets Overzicht, Risicogroepen, Stadsdelen with its column chart,
Leefgebieden, Interventies, Trend with its three charts, Toelichting) with
python3-xlsxwriter, and a table PDF of the case list (repeated header row,
"pagina X van Y") with python3-reportlab, from the same partner exports.

Usage (Debian's /usr/bin/python3, which has the packages):
  peer.py monthly   --sample DIR --month YYYY-MM --out FILE.xlsx [--config config]
  peer.py caselist  --sample DIR --month YYYY-MM --out FILE.pdf  [--config config]
  peer.py indicators --sample DIR --month YYYY-MM [--audience staff|board]
  peer.py deflate   FILE.xlsx      (floor: zlib deflate of the workbook's XML parts)
Prints one JSON line of timings (read, compute, write, records, bytes) on stderr.
"""
import argparse
import hashlib
import hmac
import json
import os
import sys
import time
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import exports  # noqa: E402
import indicators as ind  # noqa: E402

MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]
MARKING = "Alleen geaggregeerde cijfers — beschermd tegen herleidbaarheid"


def month_label(ym):
    return "%s %s" % (MONTHS_NL[int(ym[5:7]) - 1], ym[:4])


def load(args):
    root = args.source
    cfg = exports.Config(os.path.join(root, args.config), os.path.join(root, "data", "districts.csv"))
    t0 = time.perf_counter()
    store, _ = exports.load(args.sample, cfg)
    t1 = time.perf_counter()
    index = ind.Index(store, cfg)
    return cfg, store, index, t1 - t0


def labels(cfg):
    lab = {code: label for code, label, _ in cfg.indicators}
    out = {}
    dnames = dict(cfg.districts)
    cnames = dict(cfg.categories)
    domains = dict(cfg.domains)
    def label(code):
        if code in lab:
            return lab[code]
        head, _, rest = code.partition(".")
        base = lab.get(head, head)
        if head == "active_by_district":
            return "%s: %s" % (base, dnames.get(rest, rest))
        if head.startswith("interventions_"):
            return "%s: %s" % (base, cnames.get(rest, rest))
        if head == "life_domain":
            d, _, b = rest.partition(".")
            return "%s: %s, %s" % (base, domains.get(d, d), b)
        return "%s: %s" % (base, rest.replace("_", " "))
    out["label"] = label
    return out


# --- monthly workbook ----------------------------------------------------------


def monthly(args):
    import xlsxwriter
    cfg, store, index, t_read = load(args)
    t0 = time.perf_counter()
    cur = ind.compute(index, args.month)
    prev_month = ind.previous_month(args.month)
    prv = ind.compute(index, prev_month)
    trend = ind.trend(index, args.month, cfg.trend_months)
    end = ind.month_bounds(args.month)[1]
    cells = [[0] * 5 for _ in cfg.districts]
    drow = {d: i for i, (d, _) in enumerate(cfg.districts)}
    for c in index.cases.values():
        if c[3] <= end and (c[9] is None or c[9] > end):
            cells[drow[c[1]]][c[2] - 1] += 1
    protected = args.audience == "board"
    if protected:
        cur, prv = ind.protect(cur, cfg), ind.protect(prv, cfg)
        trend = [(m, ind.protect(v, cfg)) for m, v in trend]
        cross = ind.protect_cross(cells, cfg.threshold)
    else:
        cross = [r + [sum(r)] for r in cells] + [[sum(r[j] for r in cells) for j in range(5)] + [sum(map(sum, cells))]]
    t1 = time.perf_counter()

    label = labels(cfg)["label"]
    wb = xlsxwriter.Workbook(args.out)
    wb.set_properties({"title": "Maandrapportage " + month_label(args.month), "author": "peer"})
    F = lambda **kw: wb.add_format(dict({"font_name": "Calibri", "font_size": 11}, **kw))
    f_title = F(bold=True, font_size=15, font_color="#1F4E79")
    f_mark = F(italic=True, font_color="#A61C1C")
    f_head = F(bold=True, bg_color="#DDEBF7", bottom=1, text_wrap=True, valign="top")
    f_head_r = F(bold=True, bg_color="#DDEBF7", bottom=1, text_wrap=True, valign="top", align="right")
    f_group = F(bold=True, font_color="#1F4E79")
    f_code = F(font_color="#6B6B6B")
    f_count = F(num_format="#,##0")
    f_pct = F(num_format="0.0")
    f_change = F(num_format="+#,##0;-#,##0;0")
    f_supp = F(align="right", font_color="#6B6B6B")
    f_total = F(bold=True, top=1)
    f_total_count = F(bold=True, top=1, num_format="#,##0")
    f_wrap = F(text_wrap=True, valign="top")
    f_bold = F(bold=True)
    f_note = F(italic=True, font_color="#6B6B6B", text_wrap=True)
    band_fmt = {code: F(bold=True, align="right", bg_color=colour, bottom=5)
                for code, _, _, colour, _ in cfg.bands}
    band_fmt["onbekend"] = F(bold=True, align="right", bg_color="#D9D9D9", bottom=5)

    def put(ws, r, c, v, total=False):
        if v is None:
            ws.write_blank(r, c, None, f_total if total else None)
        elif isinstance(v, str):
            ws.write_string(r, c, v, f_supp)
        elif isinstance(v, float):
            ws.write_number(r, c, v, f_pct)
        else:
            ws.write_number(r, c, v, f_total_count if total else f_count)

    def change(a, b):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a is not None and b is not None:
            return round(a - b, 1) if isinstance(a, float) else a - b
        return None

    head3 = [month_label(args.month), month_label(prev_month), "Verschil"]

    def table(ws, row, groups, code_column=False, label_header=""):
        first = 2 if code_column else 1
        if code_column:
            ws.write_string(row, 0, "Code", f_head)
        ws.write_string(row, first - 1, label_header, f_head)
        for i, h in enumerate(head3):
            ws.write_string(row, first + i, h, f_head_r)
        row += 1
        for title, codes, total in groups:
            if title:
                ws.write_string(row, first - 1, title, f_group)
                row += 1
            for code in codes + ([total] if total else []):
                is_total = code == total
                if code_column:
                    ws.write_string(row, 0, code, f_code)
                ws.write_string(row, first - 1, ("Totaal " + label(code).lower()) if is_total else label(code),
                                f_total if is_total else None)
                put(ws, row, first, cur.get(code), is_total)
                put(ws, row, first + 1, prv.get(code), is_total)
                d = change(cur.get(code), prv.get(code))
                if d is None:
                    ws.write_blank(row, first + 2, None)
                else:
                    ws.write_number(row, first + 2, d, f_change)
                row += 1
        return row

    def prefixed(p):
        return [k for k in cur if k.startswith(p)]

    ws = wb.add_worksheet("Overzicht")
    end_row = table(ws, 0, [("", list(cur), None)], code_column=True, label_header="Indicator")
    ws.freeze_panes(1, 2)
    ws.repeat_rows(0)
    ws.autofilter(0, 0, end_row - 1, 4)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 48)
    ws.set_column(2, 4, 14)
    ws.set_header("&L%s&R&A" % MARKING)
    ws.set_footer("&Cpagina &P van &N")

    def sheet(name, title):
        s = wb.add_worksheet(name)
        s.write_string(0, 0, title, f_title)
        s.write_string(1, 0, MARKING, f_mark)
        s.freeze_panes(4, 1)
        s.repeat_rows(3)
        s.set_column(0, 0, 40)
        s.set_column(1, 6, 14)
        s.set_header("&L%s&R&A" % MARKING)
        s.set_footer("&Cpagina &P van &N")
        return s

    s = sheet("Risicogroepen", "Actieve casussen naar doelgroep, risiconiveau, fase en escalatie")
    table(s, 3, [("Doelgroep", prefixed("active_by_risk_group."), "active"),
                 ("Risiconiveau", prefixed("risk_level."), "active"),
                 ("Beoordelingen", ["risk_raised", "risk_lowered", "review_overdue", "judgement_unexplained"], None),
                 ("Fase", prefixed("active_by_stage."), "active"),
                 ("Plan van aanpak", ["plan_due", "plan_on_time", "plan_on_time_pct", "no_plan_overdue"], None),
                 ("Escalatieniveau", prefixed("active_by_escalation_level."), "active"),
                 ("Aangehouden", ["on_hold", "on_hold_review_overdue"], None)])

    s = sheet("Stadsdelen", "Actieve casussen naar stadsdeel")
    row = table(s, 3, [("", prefixed("active_by_district."), "active")], label_header="Stadsdeel")
    nd = len(cfg.districts)
    chart = wb.add_chart({"type": "column"})
    for col, colour in ((2, "#4E79A7"), (1, "#F28E2B")):
        chart.add_series({"name": ["Stadsdelen", 3, col], "categories": ["Stadsdelen", 4, 0, 3 + nd, 0],
                          "values": ["Stadsdelen", 4, col, 3 + nd, col], "fill": {"color": colour}})
    chart.set_title({"name": "Actieve casussen naar stadsdeel"})
    chart.set_y_axis({"name": "casussen", "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    s.insert_chart(3, 8, chart, {"x_offset": 10, "x_scale": 1.4, "y_scale": 1.2})
    row += 1
    s.write_string(row, 0, "Actieve casussen naar stadsdeel en doelgroep, " + month_label(args.month), f_bold)
    row += 1
    s.write_string(row, 0, "Stadsdeel", f_head)
    for j, h in enumerate(["Doelgroep %d" % g for g in range(1, 6)] + ["Totaal"]):
        s.write_string(row, 1 + j, h, f_head_r)
    row += 1
    for i, line in enumerate(cross):
        total = i == len(cross) - 1
        s.write_string(row, 0, "Totaal" if total else cfg.districts[i][1], f_total if total else None)
        for j, v in enumerate(line):
            put(s, row, 1 + j, v, total)
        row += 1

    s = sheet("Leefgebieden", "Leefgebieden van actieve casussen naar kleur van de laatste score, "
              + month_label(args.month))
    bands = [b[0] for b in cfg.bands] + ["onbekend"]
    s.write_string(3, 0, "Leefgebied", f_head)
    for j, b in enumerate(bands):
        s.write_string(3, 1 + j, b, band_fmt[b])
    row = 4
    for d, name in cfg.domains:
        s.write_string(row, 0, name)
        for j, b in enumerate(bands):
            put(s, row, 1 + j, cur["life_domain.%s.%s" % (d, b)])
        row += 1
    row += 1
    s.write_string(row, 0, "Verandering over de leefgebieden", f_bold)
    table(s, row + 1, [("", ["life_domain_improved", "life_domain_worsened"], None)])

    s = sheet("Interventies", "Interventies naar categorie, gebeurtenissen en politiecontact")
    table(s, 3, [(label("interventions_active"), prefixed("interventions_active."), None),
                 (label("interventions_started"), prefixed("interventions_started."), None),
                 (label("events"), prefixed("events."), "police_contact")], label_header="Categorie")

    s = sheet("Trend", "Verloop over twaalf maanden")
    s.write_string(3, 0, "Maand", f_head)
    for j, code in enumerate(ind.TREND_CODES):
        s.write_string(3, 1 + j, label(code), f_head_r)
    for i, (m, vals) in enumerate(trend):
        s.write_string(4 + i, 0, MONTHS_NL[int(m[5:7]) - 1][:3] + " " + m[:4])
        for j, code in enumerate(ind.TREND_CODES):
            put(s, 4 + i, 1 + j, vals.get(code))
    s.set_row(3, 45)
    first, last = 4, 3 + len(trend)
    col = {code: 1 + j for j, code in enumerate(ind.TREND_CODES)}
    palette = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F"]

    def series(chart, code, k):
        chart.add_series({"name": ["Trend", 3, col[code]], "categories": ["Trend", first, 0, last, 0],
                          "values": ["Trend", first, col[code], last, col[code]],
                          "fill": {"color": palette[k]}, "line": {"color": palette[k], "width": 2.25}})

    charts = []
    for kind, title, codes in (("line", "Actieve casussen (eind maand)", ["active"]),
                               ("column", "Instroom, uitstroom, politiecontact", ["inflow", "outflow", "police_contact"]),
                               ("stacked", "Actieve casussen naar risiconiveau",
                                [c for c in ind.TREND_CODES if c.startswith("risk_level.")])):
        ch = wb.add_chart({"type": "column", "subtype": "stacked"} if kind == "stacked" else {"type": kind})
        for k, code in enumerate(codes):
            series(ch, code, k)
        ch.set_title({"name": title})
        ch.set_y_axis({"name": "casussen", "major_gridlines": {"visible": True}})
        ch.set_legend({"position": "bottom"})
        charts.append(ch)
    opts = {"x_scale": 1.5, "y_scale": 1.1}
    s.insert_chart(last + 2, 0, charts[0], opts)
    s.insert_chart(last + 2, 5, charts[1], opts)
    s.insert_chart(last + 20, 0, charts[2], opts)

    s = sheet("Toelichting", "Toelichting en definities")
    s.set_column(2, 2, 90, f_wrap)
    row = 3
    if protected:
        s.write_string(row, 0, "Bescherming tegen herleidbaarheid", f_group)
        row += 1
        s.write_string(row, 2, "Een aantal van 1 tot en met %d staat als <%d; waar precies één aantal in een groep "
                       "verborgen is, is ook het kleinste andere verborgen (x)." % (cfg.threshold - 1, cfg.threshold),
                       f_note)
        row += 2
    s.write_string(row, 0, "Code", f_head)
    s.write_string(row, 1, "Indicator", f_head)
    s.write_string(row, 2, "Definitie", f_head)
    row += 1
    for code, lab, definition in cfg.indicators:
        s.write_string(row, 0, code, f_code)
        s.write_string(row, 1, lab)
        s.write_string(row, 2, definition, f_wrap)
        row += 1
    wb.close()
    t2 = time.perf_counter()
    report(store, t_read, t1 - t0, t2 - t1)


# --- case list PDF -------------------------------------------------------------


def caselist(args):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import getSampleStyleSheet

    cfg, store, index, t_read = load(args)
    t0 = time.perf_counter()
    end = ind.month_bounds(args.month)[1]
    key = b"casus-bench-peer-key"
    short = {code: code for code, *_ in cfg.bands}
    names = {code: name for code, (_, name) in cfg.instruments.items()}
    rows = []
    for cid, c in index.cases.items():
        if not (c[3] <= end and (c[9] is None or c[9] > end)):
            continue
        pseudo = "P-" + hmac.new(key, cid.encode(), hashlib.sha256).hexdigest()[:10].upper()
        a = index.latest_assessment(cid, end)
        if a is None:
            stage = "zonder beoordeling"
            due = ind.shift(c[3], cfg.first_assessment_days)
            overdue = c[3] <= ind.shift(end, -cfg.first_assessment_days)
            judgement, judged = "", ""
        else:
            stage = "zonder plan" if (c[5] is None or c[5] > end) else "met plan"
            days = cfg.review_days[exports.JUDGEMENTS[a[1]]]
            due = ind.shift(a[0], days)
            overdue = a[0] < ind.shift(end, -days)
            judgement, judged = exports.JUDGEMENTS[a[1]], nl_date(a[0])
        cells = [pseudo, c[4], str(c[2]), stage, judgement, judged, nl_date(due), "ja" if overdue else "nee",
                 str(c[6])]
        bands = []
        doms = index.life.get(cid, {})
        for d, _ in cfg.domains:
            obs = doms.get(d)
            import bisect
            i = bisect.bisect_right(obs[0], end) if obs else 0
            if i:
                b = cfg.band_of(obs[1][i - 1])
                cells.append("%s (%d)" % (short[b], obs[1][i - 1]))
            else:
                b = "onbekend"
                cells.append("onbekend")
            bands.append(b)
        running = []
        for code, started, status, ended in index.by_case_interventions.get(cid, ()):
            if status == "gepland" or started > end or (ended and ended <= end):
                continue
            n = names.get(code, code)
            if n not in running:
                running.append(n)
        cells.append("; ".join(running))
        rows.append((c[4], pseudo, cells, bands, overdue))
    rows.sort(key=lambda r: (r[0], r[1]))
    t1 = time.perf_counter()

    header = ["Pseudoniem", "Regisseur", "Doel-\ngroep", "Fase", "Oordeel", "Datum\noordeel", "Herbeoord.\nuiterlijk",
              "Ver-\nlopen", "Esc."] + [name[:10] for _, name in cfg.domains] + ["Lopende instrumenten"]
    band_colour = {code: colors.HexColor(colour) for code, _, _, colour, _ in cfg.bands}
    band_colour["onbekend"] = colors.HexColor("#BFBFBF")
    page_w, page_h = landscape(A4)
    title = "Casuslijst %s" % month_label(args.month)

    class NumberedCanvas(rl_canvas.Canvas):
        """Two passes over the saved page states so each page can say 'pagina X van Y'."""

        def __init__(self, *a, **kw):
            rl_canvas.Canvas.__init__(self, *a, **kw)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont("Helvetica", 7)
                self.drawString(10 * mm, page_h - 8 * mm, "VERTROUWELIJK — alleen voor regisseurs en projectmedewerkers")
                self.drawRightString(page_w - 10 * mm, page_h - 8 * mm, title)
                self.drawCentredString(page_w / 2, 6 * mm, "pagina %d van %d" % (self._pageNumber, total))
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

    widths = [22 * mm, 26 * mm, 9 * mm, 18 * mm, 12 * mm, 15 * mm, 15 * mm, 9 * mm, 7 * mm] + \
             [10.5 * mm] * len(cfg.domains) + [None]
    used = sum(w for w in widths if w)
    widths[-1] = page_w - 20 * mm - used
    base = [("FONT", (0, 0), (-1, -1), "Helvetica", 5.5), ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 5.5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor("#1F4E79")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5)]
    story = [Paragraph(title, getSampleStyleSheet()["Title"]), Spacer(1, 2 * mm)]
    chunk = 500  # one Table per 500 rows: reportlab splits huge tables slowly
    for at in range(0, max(len(rows), 1), chunk):
        part = rows[at:at + chunk]
        data = [header] + [r[2] for r in part]
        style = list(base)
        for i, (_, _, _, bands, overdue) in enumerate(part, start=1):
            for j, b in enumerate(bands):
                style.append(("LINEBEFORE", (9 + j, i), (9 + j, i), 2, band_colour[b]))
            if overdue:
                style.append(("TEXTCOLOR", (6, i), (7, i), colors.HexColor("#A61C1C")))
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle(style))
        story.append(t)
    doc = SimpleDocTemplate(args.out, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=title)
    doc.build(story, canvasmaker=NumberedCanvas)
    t2 = time.perf_counter()
    report(store, t_read, t1 - t0, t2 - t1, rows=len(rows))


def nl_date(iso):
    return "%s-%s-%s" % (iso[8:10], iso[5:7], iso[:4])


def report(store, read, compute, write, **extra):
    info = {"read_s": round(read, 3), "compute_s": round(compute, 3), "write_s": round(write, 3),
            "records": store.records, "bytes": store.bytes}
    info.update(extra)
    print(json.dumps(info), file=sys.stderr)


def indicators_cmd(args):
    cfg, store, index, _ = load(args)
    vals = ind.compute(index, args.month)
    if args.audience == "board":
        vals = ind.protect(vals, cfg)
    print(json.dumps(vals, indent=1))


def deflate(args):
    with zipfile.ZipFile(args.file) as z:
        parts = [z.read(n) for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")]
    t0 = time.perf_counter()
    out = sum(len(zlib.compress(p, 6)) for p in parts)
    t1 = time.perf_counter()
    print(json.dumps({"deflate_s": round(t1 - t0, 4), "xml_bytes": sum(map(len, parts)), "deflated_bytes": out}))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("command", choices=["monthly", "caselist", "indicators", "deflate"])
    p.add_argument("file", nargs="?")
    p.add_argument("--sample")
    p.add_argument("--month")
    p.add_argument("--out")
    p.add_argument("--audience", default="board")
    p.add_argument("--config", default="config")
    p.add_argument("--source", default=os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
    args = p.parse_args()
    {"monthly": monthly, "caselist": caselist, "indicators": indicators_cmd, "deflate": deflate}[args.command](args)


if __name__ == "__main__":
    main()
