#!/usr/bin/env python3
"""Writes data/country_names.csv: the English, French and Spanish names charts show for the states and areas in
data/countries.csv, from Unicode CLDR, with a few UN names where CLDR names another entity.

Not part of the build (the CSV is committed with its provenance); run it to refresh the names:

    mkdir -p /tmp/cldr && cd /tmp/cldr && npm pack cldr-localenames-full@48.2.0 && tar xzf cldr-localenames-full-48.2.0.tgz
    python3 scripts/country_names.py /tmp/cldr/package

Names are CLDR's everyday territory names (`main/<lang>/territories.json`), keyed by ISO 3166-1 alpha-2 and
joined to our ISO3 codes through the `iso2` column of countries.csv; in English "&" is written "and" and "St."
"Saint". Short names keep sentences and table rows readable ("United Kingdom", not "United Kingdom of Great Britain
and Northern Ireland"); the official UN M49 English names stay in countries.csv.

Where CLDR's name is not the UN member or observer state, or qualifies it by its capital, the cell takes the name
from the UN M49 standard (UN Statistics Division, "Standard country or area codes for statistical use", published
in the six UN languages) and the row's `source` says which columns:
  VAT  CLDR's VA is the Vatican City State; the UN observer is the Holy See (Saint-Siège, Santa Sede).
  PSE  CLDR's PS is the "Palestinian Territories"; the UN observer is the State of Palestine.
  COD, COG  CLDR's English and French names qualify the two Congos by their capitals.
  MMR  CLDR adds "(Burma)" / "(Birmanie)" / "(Birmania)".
  TUR  the UN has written Türkiye in every language since 2022; CLDR's French and Spanish defaults do not.
  CPV  CLDR's English default is "Cape Verde"; the state's name (and CLDR's variant) is Cabo Verde.
"""
import csv
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LANGS = ("en", "fr", "es")
M49 = {
    "VAT": {"en": "Holy See", "fr": "Saint-Siège", "es": "Santa Sede"},
    "PSE": {"en": "State of Palestine", "fr": "État de Palestine", "es": "Estado de Palestina"},
    "COD": {"en": "Democratic Republic of the Congo", "fr": "République démocratique du Congo"},
    "COG": {"en": "Congo", "fr": "Congo"},
    "MMR": {"en": "Myanmar", "fr": "Myanmar", "es": "Myanmar"},
    "TUR": {"fr": "Türkiye", "es": "Türkiye"},
    "CPV": {"en": "Cabo Verde"},
}


def english(name: str) -> str:
    return name.replace(" & ", " and ").replace("St. ", "Saint ")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    cldr = pathlib.Path(sys.argv[1])
    version = json.loads((cldr / "package.json").read_text())["version"]
    names = {}
    for lang in LANGS:
        doc = json.loads((cldr / "main" / lang / "territories.json").read_text())
        names[lang] = doc["main"][lang]["localeDisplayNames"]["territories"]
    rows = list(csv.DictReader(open(ROOT / "data" / "countries.csv", encoding="utf-8")))
    out = open(ROOT / "data" / "country_names.csv", "w", newline="", encoding="utf-8")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["iso3", "en", "fr", "es", "source"])
    missing = []
    for r in sorted(rows, key=lambda r: r["iso3"]):
        got = {lang: names[lang].get(r["iso2"], "") for lang in LANGS}
        got["en"] = english(got["en"])
        over = M49.get(r["iso3"], {})
        got.update(over)
        if not all(got.values()):
            missing.append(r["iso3"])
            continue
        source = f"cldr-{version}" + (f"; un-m49: {' '.join(l for l in LANGS if l in over)}" if over else "")
        w.writerow([r["iso3"], got["en"], got["fr"], got["es"], source])
    out.close()
    print(f"wrote data/country_names.csv ({len(rows) - len(missing)} rows); no CLDR name for: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    main()
