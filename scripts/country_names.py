#!/usr/bin/env python3
"""Writes data/country_names.csv: French and Spanish names of the states in data/countries.csv, from Unicode CLDR.

Not part of the build (the CSV is committed with its provenance); run it to refresh the names:

    mkdir -p /tmp/cldr && cd /tmp/cldr && npm pack cldr-localenames-full@48.2.0 && tar xzf cldr-localenames-full-48.2.0.tgz
    python3 scripts/country_names.py /tmp/cldr/package

Names are CLDR's territory display names (`main/<lang>/territories.json`), keyed by ISO 3166-1 alpha-2 and
joined to our ISO3 codes through the `iso2` column of countries.csv. Two choices, both CLDR's own alternatives:
PS takes `PS-alt-short` (Palestine / Palestina), since the state is a UN observer state while the default names a
territory; TR takes `TR-alt-variant` where CLDR has one (French: Türkiye), as the UN writes it.
"""
import csv
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ALT = {"PS": "PS-alt-short", "TR": "TR-alt-variant"}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    cldr = pathlib.Path(sys.argv[1])
    version = json.loads((cldr / "package.json").read_text())["version"]
    names = {}
    for lang in ("fr", "es"):
        doc = json.loads((cldr / "main" / lang / "territories.json").read_text())
        names[lang] = doc["main"][lang]["localeDisplayNames"]["territories"]
    rows = list(csv.DictReader(open(ROOT / "data" / "countries.csv", encoding="utf-8")))
    out = open(ROOT / "data" / "country_names.csv", "w", newline="", encoding="utf-8")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["iso3", "fr", "es", "source"])
    missing = []
    for r in sorted(rows, key=lambda r: r["iso3"]):
        iso2 = r["iso2"]
        got = []
        for lang in ("fr", "es"):
            t = names[lang]
            got.append(t.get(ALT.get(iso2, ""), t.get(iso2, "")))
        if not all(got):
            missing.append(r["iso3"])
            continue
        w.writerow([r["iso3"], got[0], got[1], f"cldr-{version}"])
    out.close()
    print(f"wrote data/country_names.csv; no CLDR name for: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    main()
