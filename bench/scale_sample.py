#!/usr/bin/python3
"""Scales a `casus sample` set up by replication: every file of BASE gets COPIES
copies of its records appended, with case ids and event ids renamed per copy
(`CAS-2024-0012` -> `CAS-2024-0012.3`), so the set keeps its months, partners,
dialects, encodings and import order while holding COPIES times the cases.

Why: bench/run.sh generates sizes up to 10k with `casus sample` directly, but
`casus sample --cases 100000` takes about 5 minutes and 4.7 GB (10k: 5 s, 30k:
31 s; the simulator looks through every earlier case and intervention for each
new one), so 100k is the 10k set replicated 10x. Replicas share the bsns of
the base set: a bsn in replica 3 is the same person as in replica 0 (re-entry
and bsn-linked events follow the definitions over the merged set, for Casus
and the peer alike).

Usage: scale_sample.py BASE_DIR COPIES OUT_DIR
"""
import json
import os
import re
import shutil
import sys

PREFIXED = re.compile(rb"\b([A-Z]{2,}-\d{4}-\d{4,6})\b")     # CAS-2024-0012, OM-2025-00014, RECLASSERING-...
POLICE = re.compile(rb"(?m)^(\d{4}-\d{6})(?=;)")              # politie Registratienummer (first column)


def rename(body, k):
    suffix = b"." + str(k).encode()
    body = PREFIXED.sub(lambda m: m.group(1) + suffix, body)
    return POLICE.sub(lambda m: m.group(1) + suffix, body)


def scale_csv(raw, copies):
    nl = raw.index(b"\n") + 1
    head, body = raw[:nl], raw[nl:]
    if body and not body.endswith(b"\n"):
        body += b"\r\n" if b"\r\n" in head else b"\n"
    return head + body + b"".join(rename(body, k) for k in range(1, copies))


def scale_xml(raw, copies):
    first = raw.find(b"<record")
    last = raw.rfind(b"</export>")
    if first < 0:
        return raw
    body = raw[first:last]
    return raw[:first] + body + b"".join(rename(body, k) for k in range(1, copies)) + raw[last:]


def main():
    base, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(os.path.join(base, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    total = 0
    for entry in manifest["files"]:
        src = os.path.join(base, entry["path"])
        dst = os.path.join(out, entry["path"])
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(src, "rb") as f:
            raw = f.read()
        data = scale_xml(raw, copies) if src.endswith(".xml") else scale_csv(raw, copies)
        with open(dst, "wb") as f:
            f.write(data)
        entry["records"] = entry["records"] * copies
        entry["bytes"] = len(data)
        entry.pop("sha256", None)
        total += len(data)
    manifest["cases"] = manifest["cases"] * copies
    manifest["replicated"] = {"base": os.path.abspath(base), "copies": copies}
    manifest.pop("summary", None)
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    print("%s: %d files, %.1f MB" % (out, len(manifest["files"]), total / 1e6))


if __name__ == "__main__":
    main()
