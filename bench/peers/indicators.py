"""Peer pipeline, part 2: the monitoring indicators of spec/monitoring.md for a
month, the 12-month trend, and disclosure control for the board, computed from
the peer's own Store (exports.py). Keys and order follow the spec's table."""
import bisect
import datetime

from exports import JUDGEMENTS

CLOSURE_REASONS = ["doel_bereikt", "afgeschaald", "verhuisd", "detentie", "overleden", "overig"]
STAGES = ["zonder_beoordeling", "zonder_plan", "met_plan"]
EVENT_KINDS = ["melding", "verdachte", "aanhouding", "dagvaarding", "veroordeling", "detentie_start",
               "detentie_einde", "uitreispoging", "terugkeer"]
TREND_CODES = ["active", "inflow", "outflow", "risk_level.laag", "risk_level.midden", "risk_level.hoog",
               "risk_level.onbekend", "police_contact"]


def month_bounds(ym):
    y, m = int(ym[:4]), int(ym[5:7])
    start = datetime.date(y, m, 1)
    nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
    return start.isoformat(), (nxt - datetime.timedelta(days=1)).isoformat()


def previous_month(ym):
    y, m = int(ym[:4]), int(ym[5:7])
    return "%04d-%02d" % ((y - 1, 12) if m == 1 else (y, m - 1))


def shift(iso, days):
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=days)).isoformat()


class Index:
    """Per-case histories sorted by date, and events linked to cases."""

    def __init__(self, store, config):
        self.config = config
        self.cases = store.cases
        assess = {}
        for (cid, on), v in store.assessments.items():
            if cid in self.cases:
                assess.setdefault(cid, []).append((on,) + v)
        self.assess = {cid: sorted(v) for cid, v in assess.items()}
        self.assess_dates = {cid: [a[0] for a in v] for cid, v in self.assess.items()}
        life = {}
        for (cid, dom, on), score in store.life.items():
            if cid in self.cases:
                life.setdefault(cid, {}).setdefault(dom, []).append((on, score))
        for doms in life.values():
            for dom, obs in doms.items():
                obs.sort()
                doms[dom] = ([o[0] for o in obs], [o[1] for o in obs])
        self.life = life
        cat = {code: c for code, (c, _) in config.instruments.items()}
        self.interventions = [(cid, cat.get(code), started, status, ended)
                              for (cid, code, started), (status, ended) in store.interventions.items()
                              if cid in self.cases]
        self.by_case_interventions = {}
        for (cid, code, started), (status, ended) in store.interventions.items():
            if cid in self.cases:
                self.by_case_interventions.setdefault(cid, []).append((code, started, status, ended))
        # Events: by case_id, else by bsn (period containing the date, later-registered first;
        # else the case registered next after the date; else the latest case).
        by_bsn = {}
        for cid, c in self.cases.items():
            if c[0]:
                by_bsn.setdefault(c[0], []).append((c[3], cid))
        for v in by_bsn.values():
            v.sort()
        self.by_bsn = by_bsn
        self.events = []  # (case_id, occurred_on, kind)
        self.unlinked = 0
        for (_, _), (cid, bsn, on, kind) in store.events.items():
            target = None
            if cid:
                target = cid if cid in self.cases else None
            elif bsn in by_bsn:
                target = self._link(by_bsn[bsn], on)
            if target is None:
                self.unlinked += 1
            else:
                self.events.append((target, on, kind))
        # Persons for re-entry: bsn -> closing dates.
        self.closings = {}
        for cid, c in self.cases.items():
            if c[0] and c[9]:
                self.closings.setdefault(c[0], []).append(c[9])

    def _link(self, candidates, on):
        containing = [(reg, cid) for reg, cid in candidates
                      if reg <= on and (self.cases[cid][9] is None or self.cases[cid][9] >= on)]
        if containing:
            return containing[-1][1]
        later = [(reg, cid) for reg, cid in candidates if reg > on]
        if later:
            return later[0][1]
        return candidates[-1][1]

    def latest_assessment(self, cid, end):
        dates = self.assess_dates.get(cid)
        if not dates:
            return None
        i = bisect.bisect_right(dates, end)
        return self.assess[cid][i - 1] if i else None


def compute(index, ym, full=True):
    """Indicator values of month ym as an ordered dict code -> int (or float/None for the %)."""
    cfg = index.config
    start, end = month_bounds(ym)
    prev_end = month_bounds(previous_month(ym))[1]
    out = {}
    active = [cid for cid, c in index.cases.items() if c[3] <= end and (c[9] is None or c[9] > end)]
    active_set = set(active)
    inflow = [c for c in index.cases.values() if start <= c[3] <= end]
    outflow = [c for c in index.cases.values() if c[9] and start <= c[9] <= end]
    out["active"] = len(active)
    out["inflow"] = len(inflow)
    if full:
        out["inflow_reentry"] = sum(1 for c in inflow if c[0] and any(d < c[3] for d in index.closings.get(c[0], ())))
    out["outflow"] = len(outflow)
    latest = {cid: index.latest_assessment(cid, end) for cid in active}
    if full:
        for r in CLOSURE_REASONS:
            out["outflow_reason." + r] = sum(1 for c in outflow if c[10] == r)
        groups = {g: 0 for g in range(1, 6)}
        districts = {d: 0 for d, _ in cfg.districts}
        stages = {s: 0 for s in STAGES}
        levels = {lv: 0 for lv in range(1, 5)}
        on_hold = on_hold_overdue = 0
        for cid in active:
            c = index.cases[cid]
            groups[c[2]] += 1
            districts[c[1]] += 1
            if latest[cid] is None:
                stages["zonder_beoordeling"] += 1
            elif c[5] is None or c[5] > end:
                stages["zonder_plan"] += 1
            else:
                stages["met_plan"] += 1
            levels[c[6]] += 1
            if c[7] and c[7] <= end:
                on_hold += 1
                if c[8] < end:
                    on_hold_overdue += 1
        for g, n in groups.items():
            out["active_by_risk_group.%d" % g] = n
        for d, n in districts.items():
            out["active_by_district." + d] = n
        for s, n in stages.items():
            out["active_by_stage." + s] = n
        for lv, n in levels.items():
            out["active_by_escalation_level.%d" % lv] = n
        out["on_hold"] = on_hold
        out["on_hold_review_overdue"] = on_hold_overdue
    risk = {j: 0 for j in JUDGEMENTS + ["onbekend"]}
    for cid in active:
        a = latest[cid]
        risk[JUDGEMENTS[a[1]] if a else "onbekend"] += 1
    for j, n in risk.items():
        out["risk_level." + j] = n
    if full:
        raised = lowered = overdue = unexplained = 0
        first_cut = shift(end, -cfg.first_assessment_days)
        cuts = {j: shift(end, -cfg.review_days[j]) for j in JUDGEMENTS}
        for cid in active:
            a = latest[cid]
            if a is None:
                if index.cases[cid][3] <= first_cut:
                    overdue += 1
                continue
            p = index.latest_assessment(cid, prev_end)
            if p is not None:
                raised += a[1] > p[1]
                lowered += a[1] < p[1]
            if a[0] < cuts[JUDGEMENTS[a[1]]]:
                overdue += 1
            if a[1] < a[2] and not a[3]:
                unexplained += 1
        out["risk_raised"] = raised
        out["risk_lowered"] = lowered
        out["review_overdue"] = overdue
        out["judgement_unexplained"] = unexplained
        lo, hi = shift(end, -cfg.plan_window), shift(end, -cfg.plan_deadline)
        due = on_time = 0
        for c in index.cases.values():
            if lo < c[3] <= hi:
                due += 1
                if c[5] and c[5] <= shift(c[3], cfg.plan_deadline):
                    on_time += 1
        out["plan_due"] = due
        out["plan_on_time"] = on_time
        out["plan_on_time_pct"] = None if due == 0 else round_half_away(1000 * on_time / due) / 10
        out["no_plan_overdue"] = sum(1 for cid in active
                                     if index.cases[cid][3] <= hi and (index.cases[cid][5] is None
                                                                       or index.cases[cid][5] > end))
        ia = {c: 0 for c, _ in cfg.categories}
        ist = {c: 0 for c, _ in cfg.categories}
        for cid, cat, started, status, ended in index.interventions:
            if status == "gepland" or cat is None:
                continue
            if cid in active_set and started <= end and (ended is None or ended > end):
                ia[cat] += 1
            if start <= started <= end:
                ist[cat] += 1
        for c, n in ia.items():
            out["interventions_active." + c] = n
        for c, n in ist.items():
            out["interventions_started." + c] = n
        bands = [b[0] for b in cfg.bands] + ["onbekend"]
        counts = {d: {b: 0 for b in bands} for d, _ in cfg.domains}
        improved = worsened = 0
        for cid in active:
            doms = index.life.get(cid, {})
            delta = 0
            for d, _ in cfg.domains:
                obs = doms.get(d)
                i = bisect.bisect_right(obs[0], end) if obs else 0
                if i == 0:
                    counts[d]["onbekend"] += 1
                    continue
                counts[d][cfg.band_of(obs[1][i - 1])] += 1
                if i >= 2:
                    delta += obs[1][i - 1] - obs[1][0]
            improved += delta > 0
            worsened += delta < 0
        for d, _ in cfg.domains:
            for b in bands:
                out["life_domain.%s.%s" % (d, b)] = counts[d][b]
        out["life_domain_improved"] = improved
        out["life_domain_worsened"] = worsened
    ev = {k: 0 for k in EVENT_KINDS}
    police = set()
    for cid, on, kind in index.events:
        if start <= on <= end and cid in active_set:
            ev[kind] += 1
            if kind in ("verdachte", "aanhouding"):
                police.add(cid)
    if full:
        for k, n in ev.items():
            out["events." + k] = n
    out["police_contact"] = len(police)
    if full:
        out["unlinked_events"] = index.unlinked
    return out


def round_half_away(x):
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def trend(index, ym, months):
    result = []
    m = ym
    for _ in range(months):
        result.append(m)
        m = previous_month(m)
    return [(m, compute(index, m, full=False)) for m in reversed(result)]


# --- disclosure control (board) ----------------------------------------------

SUPPRESSED_PRIMARY = "<5"
SUPPRESSED_SECONDARY = "x"


def _groups(values, cfg):
    out = [("outflow", [k for k in values if k.startswith("outflow_reason.")])]
    for p in ("active_by_risk_group.", "active_by_district.", "active_by_stage.",
              "active_by_escalation_level.", "risk_level."):
        out.append(("active", [k for k in values if k.startswith(p)]))
    for d, _ in cfg.domains:
        out.append(("active", [k for k in values if k.startswith("life_domain.%s." % d)]))
    return out


def protect(values, cfg):
    t = cfg.threshold
    prim = "<%d" % t
    out = {}
    for k, v in values.items():
        if k == "plan_on_time_pct" or v is None:
            out[k] = v
        else:
            out[k] = prim if 0 < v < t else v
    for total, cells in _groups(values, cfg):
        if total not in out or isinstance(out[total], str):
            continue
        hidden = [k for k in cells if isinstance(out[k], str)]
        if len(hidden) == 1:
            rest = [k for k in cells if not isinstance(out[k], str) and out[k] > 0]
            if rest:
                smallest = min(rest, key=lambda k: values[k])
                out[smallest] = SUPPRESSED_SECONDARY
    if "plan_on_time_pct" in values:
        due, ok = out.get("plan_due"), out.get("plan_on_time")
        if isinstance(due, str) or isinstance(ok, str) or due is None or due < t:
            out["plan_on_time_pct"] = None
    return out


def protect_cross(cells, t):
    """District x risk group: primary, then secondary over rows and columns with their totals."""
    rows = [list(r) for r in cells]
    rt = [sum(r) for r in cells]
    ct = [sum(r[j] for r in cells) for j in range(len(cells[0]))]
    grand = sum(rt)
    def p(v):
        return "<%d" % t if 0 < v < t else v
    grid = [[p(v) for v in r] + [p(rt[i])] for i, r in enumerate(rows)]
    grid.append([p(v) for v in ct] + [p(grand)])
    changed = True
    while changed:
        changed = False
        lines = [[(i, j) for j in range(len(grid[i]))] for i in range(len(grid))]
        lines += [[(i, j) for i in range(len(grid))] for j in range(len(grid[0]))]
        for line in lines:
            total = line[-1]
            if isinstance(grid[total[0]][total[1]], str):
                continue
            body = line[:-1]
            hidden = [c for c in body if isinstance(grid[c[0]][c[1]], str)]
            if len(hidden) == 1:
                rest = [c for c in body if not isinstance(grid[c[0]][c[1]], str) and grid[c[0]][c[1]] > 0]
                if rest:
                    c = min(rest, key=lambda c: grid[c[0]][c[1]])
                    grid[c[0]][c[1]] = SUPPRESSED_SECONDARY
                    changed = True
    return grid
