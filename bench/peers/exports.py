"""Peer pipeline, part 1: reads a sample set's partner exports (CSV and XML, in
manifest order) the way spec/exchange-format.md describes, applying the partner
mappings of config/partners/*.xml, into natural-key stores (later file wins).

Independent of the C++ engine: only the specs and the config files are shared.
The peer trusts the sample to be valid (no quarantine, no --strict); it does
detect delimiters, strip a BOM, fall back to Windows-1252, read Dutch dates and
map partner headers and value codes.
"""
import csv
import io
import json
import os
import xml.etree.ElementTree as ET

# --- configuration -----------------------------------------------------------


class Config:
    def __init__(self, config_dir, districts_csv):
        self.mappings = {}  # (partner, kind) -> dict
        pdir = os.path.join(config_dir, "partners")
        for name in sorted(os.listdir(pdir)):
            if not name.endswith(".xml"):
                continue
            root = ET.parse(os.path.join(pdir, name)).getroot()
            partner = root.get("code")
            for ex in root.findall("export"):
                columns = {}
                values = {}
                for col in ex.findall("column"):
                    columns[col.get("header").strip().lower()] = col.get("field")
                    vm = {v.get("from").strip().lower(): v.get("to") for v in col.findall("value")}
                    if vm:
                        values[col.get("field")] = vm
                self.mappings[(partner, ex.get("kind"))] = {
                    "delimiter": ex.get("delimiter"),
                    "encoding": ex.get("encoding"),
                    "columns": columns,
                    "values": values,
                }
        mon = ET.parse(os.path.join(config_dir, "monitoring.xml")).getroot()
        self.review_days = {r.get("judgement"): int(r.get("days")) for r in mon.findall("review")}
        self.first_assessment_days = int(mon.find("first-assessment").get("days"))
        plan = mon.find("plan")
        self.plan_deadline = int(plan.get("deadline-days"))
        self.plan_window = int(plan.get("window-days"))
        self.threshold = int(mon.find("disclosure").get("threshold"))
        self.trend_months = int(mon.find("trend").get("months"))
        self.bands = [(b.get("code"), int(b.get("min")), int(b.get("max")), b.get("colour"),
                       b.find("label").get("nl")) for b in mon.find("bands").findall("band")]
        self.domains = [(d.get("code"), d.get("nl")) for d in mon.find("life-domains").findall("life-domain")]
        self.indicators = [(i.get("code"), i.find("label").get("nl"), i.find("definition").get("nl"))
                           for i in mon.find("indicators").findall("indicator")]
        tk = ET.parse(os.path.join(config_dir, "toolkit.xml")).getroot()
        self.categories = [(c.get("code"), c.find("name").get("nl")) for c in tk.findall("category")]
        self.instruments = {i.get("code"): (i.get("category"), i.find("name").get("nl"))
                            for i in tk.findall("instrument")}
        fw = ET.parse(os.path.join(config_dir, "framework.xml")).getroot()
        self.domain_items = {d.get("code"): [it.get("code") for it in d.findall("item")]
                             for d in fw.findall("domain")}
        self.item_domain = {item: d for d, items in self.domain_items.items() for item in items}
        self.rules = []
        for rule in fw.findall("attention-rule"):
            conds = [("item", c.get("item"), int(c.get("value"))) for c in rule.findall("item-equals")]
            conds += [("share", c.get("domain"), float(c.get("value")))
                      for c in rule.findall("domain-share-at-least")]
            self.rules.append((RANK[rule.get("minimum")], conds))
        self.districts = []
        with open(districts_csv, encoding="utf-8-sig") as f:
            for row in csv.reader(f, delimiter=";"):
                if row and row[0] != "code":
                    self.districts.append((row[0], row[1]))

    def band_of(self, score):
        for code, lo, hi, _, _ in self.bands:
            if lo <= score <= hi:
                return code
        return "onbekend"

    def floor(self, items):
        """Consistency floor (rank) of an assessment's item scores (None = unknown)."""
        shares = {}
        for d, codes in self.domain_items.items():
            shares[d] = sum(items.get(c) or 0 for c in codes) / (2 * len(codes))
        best = RANK["laag"]
        for minimum, conds in self.rules:
            for kind, what, value in conds:
                if (kind == "item" and items.get(what) == value) or (kind == "share" and shares[what] >= value):
                    best = max(best, minimum)
                    break
        return best


RANK = {"laag": 0, "midden": 1, "hoog": 2}
JUDGEMENTS = ["laag", "midden", "hoog"]

# --- values ------------------------------------------------------------------

_date_cache = {}


def iso_date(text):
    """A date or date-time in any allowed form -> 'YYYY-MM-DD' (strings compare as dates)."""
    d = _date_cache.get(text)
    if d is None:
        s = text.strip()
        if s[4] == "-":
            d = s[:10]
        else:
            d = s[6:10] + "-" + s[3:5] + "-" + s[0:2]
        _date_cache[text] = d
    return d


def clean(v):
    if v is None:
        return None
    v = v.strip(" \t")
    return v or None


# --- reading -----------------------------------------------------------------


def _decode(raw, encoding):
    if encoding and encoding.lower() in ("windows-1252", "cp1252"):
        return raw.decode("cp1252")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _csv_rows(path, mapping):
    with open(path, "rb") as f:
        raw = f.read()
    text = _decode(raw, mapping["encoding"] if mapping else None)
    first = text.split("\n", 1)[0]
    delim = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    header = next(reader)
    names = [h.strip(" \t").lower() for h in header]
    if mapping:
        names = [mapping["columns"].get(n, n) for n in names]
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        yield dict(zip(names, row))


def _xml_rows(path, mapping):
    cols = mapping["columns"] if mapping else {}
    for _, el in ET.iterparse(path):
        if el.tag.rsplit("}", 1)[-1] != "record":
            continue
        rec = {}
        for child in el:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "item":
                rec[child.get("code")] = child.get("score")
            else:
                rec[cols.get(tag.lower(), tag)] = child.text or ""
        el.clear()
        yield rec


class Store:
    """The stored state after importing every file: natural key -> latest record."""

    def __init__(self):
        self.cases = {}          # case_id -> tuple (see CASE_FIELDS)
        self.assessments = {}    # (case_id, assessed_on) -> (judgement rank, floor rank, has rationale)
        self.interventions = {}  # (case_id, code, started_on) -> (status, ended_on)
        self.life = {}           # (case_id, domain, observed_on) -> score
        self.events = {}         # (partner, event_id) -> (case_id, bsn, occurred_on, kind)
        self.records = 0
        self.bytes = 0
        self.files = 0


def load(sample_dir, config):
    with open(os.path.join(sample_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    st = Store()
    items_of = list(config.item_domain)
    for entry in manifest["files"]:
        path = os.path.join(sample_dir, entry["path"])
        kind, partner = entry["kind"], entry["partner"]
        mapping = config.mappings.get((partner, kind))
        rows = _xml_rows(path, mapping) if path.endswith(".xml") else _csv_rows(path, mapping)
        values = mapping["values"] if mapping else {}
        st.bytes += os.path.getsize(path)
        st.files += 1
        n = 0
        if kind == "cases":
            for r in rows:
                r = {k: clean(v) for k, v in r.items()}
                cid = r["case_id"]
                st.cases[cid] = (
                    r.get("bsn"), r["district"], int(r["risk_group"]), iso_date(r["registered_on"]),
                    r.get("regisseur") or "",
                    iso_date(r["plan_approved_on"]) if r.get("plan_approved_on") else None,
                    int(r["escalation_level"]) if r.get("escalation_level") else 1,
                    iso_date(r["on_hold_since"]) if r.get("on_hold_since") else None,
                    iso_date(r["on_hold_review_on"]) if r.get("on_hold_review_on") else None,
                    iso_date(r["closed_on"]) if r.get("closed_on") else None,
                    r["closure_reason"].lower() if r.get("closure_reason") else None,
                )
                n += 1
        elif kind == "assessments":
            for r in rows:
                items = {}
                for code in items_of:
                    v = clean(r.get(code.lower(), r.get(code)))
                    items[code] = int(v) if v and v != "?" else None
                rat = clean(r.get("rationale"))
                st.assessments[(clean(r["case_id"]), iso_date(r["assessed_on"]))] = (
                    RANK[clean(r["judgement"]).lower()], config.floor(items), rat is not None)
                n += 1
        elif kind == "interventions":
            smap = values.get("status", {})
            for r in rows:
                status = clean(r["status"]).lower()
                status = smap.get(status, status)
                ended = clean(r.get("ended_on"))
                st.interventions[(clean(r["case_id"]), clean(r["code"]), iso_date(r["started_on"]))] = (
                    status, iso_date(ended) if ended else None)
                n += 1
        elif kind == "life_domains":
            life = st.life
            for r in rows:
                life[(r["case_id"].strip(), r["domain"].strip(), iso_date(r["observed_on"]))] = int(r["score"])
                n += 1
        elif kind == "events":
            kmap = values.get("kind", {})
            for r in rows:
                k = clean(r["kind"]).lower()
                k = kmap.get(k, k)
                st.events[(partner, clean(r["event_id"]))] = (
                    clean(r.get("case_id")), clean(r.get("bsn")), iso_date(r["occurred_on"]), k)
                n += 1
        st.records += n
    return st, manifest
