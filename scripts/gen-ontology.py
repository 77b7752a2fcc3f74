#!/usr/bin/env python3
"""Generate crates/ontology/data/cameo.tsv from the shared CAMEO/PLOVER tables.

Usage (from the repo root):
    python3 scripts/gen-ontology.py [SHARED_ONTOLOGY_DIR]

SHARED_ONTOLOGY_DIR defaults to ../shared/ontology (relative to the repo
root). The output is always written to crates/ontology/data/cameo.tsv inside
the repo that holds this script. Standard library only.

Rules (one row per code seen in any input, sorted by code as a string):
  name        cameo_eventcodes.tsv, else ICEWS csv, else variants' name_icews
  root        first two characters of the code
  quad_class  variants' quad_class_gdelt, else derived from the root
  goldstein   CAMEO.goldsteinscale.txt, else variants' goldstein_gdelt,
              else goldstein_phoenix, else ICEWS
  plover*     CAMEO2PLOVER-2021 mapping, else the nearest mapped ancestor
Only the mapped facts (code -> event, mode, context) are taken from the
CC BY-SA mapping file; its comments and descriptions are never copied.
"""

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "crates" / "ontology" / "data" / "cameo.tsv"
HEADER = [
    "code",
    "name",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "plover_mode",
    "plover_context",
]


def warn(msg):
    print(f"gen-ontology: {msg}", file=sys.stderr)


def clean(value):
    """Strip and map the usual null spellings to ''."""
    value = (value or "").strip()
    return "" if value in ("NA", "None") else value


def is_code(code):
    return len(code) >= 2 and code.isascii() and code.isdigit()


def read_tsv_pairs(path):
    """Two-column TSV with a header line -> {code: value}."""
    out = {}
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            code, _, value = line.partition("\t")
            code = code.strip()
            if not is_code(code):
                warn(f"{path.name}: skipping odd code {code!r}")
                continue
            out[code] = clean(value)
    return out


def read_icews(path):
    """{code: (name, goldstein)}. The file has a few non-UTF-8 bytes in its
    example texts, so decode as Latin-1 (the columns we use are ASCII)."""
    out = {}
    with open(path, encoding="latin-1", newline="") as f:
        for row in csv.DictReader(f):
            code = clean(row["code"])
            if is_code(code):
                out[code] = (clean(row["name"]), clean(row["goldstein"]))
    return out


def read_variants(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {
            clean(r["cameo_code"]): {k: clean(v) for k, v in r.items()}
            for r in rows
            if is_code(clean(r["cameo_code"]))
        }


def read_plover(path):
    """{code: (event, mode, context)} from lines like
    `0841: RETREAT, release, legal # ...` or `03: AGREE`.
    Several contexts (`crime; corruption`) are normalised to `crime;corruption`.
    A code listed twice keeps its first mapping (the file lists `08` as both
    CONCEDE and RETREAT; 080 itself is CONCEDE)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line or ":" not in line:
                continue  # blank, comment or the trailing `~~~~~`
            code, _, rest = line.partition(":")
            code = code.strip()
            if not is_code(code):
                warn(f"{path.name}:{lineno}: skipping odd code {code!r}")
                continue
            parts = [p.strip() for p in rest.split(",")]
            parts += [""] * (3 - len(parts))
            if len(parts) > 3:
                warn(f"{path.name}:{lineno}: extra fields ignored")
            event, mode = parts[0], parts[1]
            context = ";".join(c.strip() for c in parts[2].split(";") if c.strip())
            fact = (event, mode, context)
            if code in out:
                if out[code] != fact:
                    warn(
                        f"{path.name}:{lineno}: {code} mapped again as {fact}, "
                        f"keeping first {out[code]}"
                    )
                continue
            out[code] = fact
    return out


def quad_from_root(root):
    # GDELT/PLOVER convention: PROTEST (14) is material conflict.
    r = int(root)
    if r <= 5:
        return "1"
    if r <= 8:
        return "2"
    if r <= 13:
        return "3"
    return "4"


def fmt_goldstein(value):
    if not value:
        return ""
    return repr(float(value))  # "0" -> "0.0", "-5" -> "-5.0"


def first(*values):
    return next((v for v in values if v), "")


def main(argv):
    shared = Path(argv[1]) if len(argv) > 1 else REPO / ".." / "shared" / "ontology"
    names = read_tsv_pairs(shared / "cameo_eventcodes.tsv")
    gold = read_tsv_pairs(shared / "CAMEO.goldsteinscale.txt")
    icews = read_icews(shared / "icews-cameo-codes.csv")
    variants = read_variants(shared / "cameo_goldstein_variants.tsv")
    plover = read_plover(shared / "CAMEO2PLOVER-2021.txt")

    codes = set(names) | set(gold) | set(icews) | set(variants) | set(plover)
    rows = []
    for code in sorted(codes):
        var = variants.get(code, {})
        ic_name, ic_gold = icews.get(code, ("", ""))
        root = code[:2]
        quad = var.get("quad_class_gdelt", "")
        if quad and quad != quad_from_root(root):
            warn(f"{code}: quad_class {quad} differs from root rule")
        quad = quad or quad_from_root(root)
        goldstein = first(
            gold.get(code),
            var.get("goldstein_gdelt"),
            var.get("goldstein_phoenix"),
            ic_gold,
        )
        mapped = code
        while mapped not in plover and len(mapped) > 2:
            mapped = mapped[:-1]
        event, mode, context = plover.get(mapped, ("", "", ""))
        rows.append(
            [
                code,
                first(names.get(code), ic_name, var.get("name_icews")),
                root,
                quad,
                fmt_goldstein(goldstein),
                event,
                mode,
                context,
            ]
        )

    for row in rows:
        if any("\t" in f or "\n" in f for f in row):
            sys.exit(f"gen-ontology: field with tab/newline in {row[0]}")

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")

    no_name = [r[0] for r in rows if not r[1]]
    no_gold = [r[0] for r in rows if not r[4]]
    no_plover = [r[0] for r in rows if not r[5]]
    print(f"wrote {OUT.relative_to(REPO)}: {len(rows)} rows")
    print(f"  without name:      {len(no_name)} {' '.join(no_name)}")
    print(f"  without goldstein: {len(no_gold)} {' '.join(no_gold)}")
    print(f"  without plover:    {len(no_plover)}")


if __name__ == "__main__":
    main(sys.argv)
