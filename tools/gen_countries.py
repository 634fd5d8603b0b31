"""Generate / merge `src/hudhud/lexicon/data/countries.yaml` from CLDR (via Babel) + curated extras.

    .venv/bin/pip install 'babel==2.18.0'      # dev-time only (pyproject extra `tools`)
    .venv/bin/python tools/gen_countries.py    # rewrites countries.yaml in place

What it does, per ISO 3166-1 territory whose alpha-3 code is a valid CAMEO country code
(`cameo_codes.yaml`):
- the Arabic CLDR name (Babel's `Locale('ar').territories`), minus parentheses, unless listed in
  DROP (names that are common words or ambiguous once normalised: عُمان = عمّان, مالي "financial");
- the English CLDR name as `name_en` (kept from the file when already there);
- EXTRA below: common variants, capitals used as metonyms (only where the city name is not also
  the country's name or another common word), nisba adjective bases (masculine singular; the loader
  generates feminine, plural and dual forms);
- and everything already in countries.yaml (hand-curated names, capitals, nisba are kept: the
  script only adds). Existing entries keep their order; new ones follow, sorted by code.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "hudhud" / "lexicon" / "data"
OUT = DATA / "countries.yaml"

# CLDR Arabic names left out (normalised comparison): ambiguous or a common word.
DROP = {"OMN": ["عُمان"], "MLI": ["مالي"], "COD": ["الكونغو - كينشاسا"], "COG": ["الكونغو - برازافيل"],
        "TLS": ["تيمور - ليشتي"], "MAC": ["منطقة ماكاو الإدارية الخاصة"]}

# code: (extra names, capitals, nisba bases). Capitals: only unambiguous city names.
EXTRA: dict[str, tuple[list[str], list[str], list[str]]] = {
    # Arab League
    "DZA": (["الجمهورية الجزائرية"], [], ["جزائري"]),
    "BHR": ([], ["المنامة"], ["بحريني"]),
    "COM": (["جمهورية القمر المتحدة"], ["موروني"], []),
    "DJI": (["جمهورية جيبوتي"], [], []),
    "EGY": (["أرض الكنانة"], ["القاهرة"], ["مصري"]),
    "IRQ": ([], ["بغداد"], ["عراقي"]),
    "JOR": (["الأردن"], [], ["أردني"]),
    "KWT": ([], [], ["كويتي"]),
    "LBN": (["الجمهورية اللبنانية"], ["بيروت"], ["لبناني"]),
    "LBY": (["دولة ليبيا"], [], ["ليبي"]),
    "MRT": (["موريتانيا", "الجمهورية الإسلامية الموريتانية"], ["نواكشوط"], ["موريتاني"]),
    "MAR": (["المملكة المغربية"], ["الرباط"], ["مغربي"]),
    "OMN": (["سلطنة عمان"], ["مسقط"], ["عماني"]),
    "PSE": (["الأراضي الفلسطينية المحتلة", "السلطة الوطنية الفلسطينية", "قطاع غزة", "غزة",
             "الضفة الغربية", "السلطة الفلسطينية", "دولة فلسطين", "فلسطين"], ["رام الله"], ["فلسطيني"]),
    "QAT": (["دولة قطر"], ["الدوحة"], ["قطري"]),
    "SAU": (["السعودية", "المملكة السعودية"], ["الرياض"], ["سعودي"]),
    "SOM": (["جمهورية الصومال"], ["مقديشو"], ["صومالي"]),
    "SDN": (["جمهورية السودان"], ["الخرطوم"], ["سوداني"]),
    "SYR": (["سورية", "الجمهورية العربية السورية"], ["دمشق"], ["سوري"]),
    "TUN": (["الجمهورية التونسية"], [], ["تونسي"]),
    "ARE": (["الإمارات", "دولة الإمارات", "دولة الإمارات العربية المتحدة"], ["أبوظبي", "أبو ظبي"], ["إماراتي"]),
    "YEM": (["الجمهورية اليمنية"], ["صنعاء"], ["يمني"]),
    "SSD": (["دولة جنوب السودان"], ["جوبا"], []),
    # Middle East, neighbours
    "IRN": (["الجمهورية الإسلامية الإيرانية"], ["طهران"], ["إيراني"]),
    "ISR": (["دولة إسرائيل", "دولة الاحتلال", "الكيان", "الكيان الصهيوني", "الكيان الإسرائيلي",
             "الكيان الغاصب", "كيان الاحتلال", "الكيان المحتل"], ["تل أبيب"], ["إسرائيلي", "صهيوني"]),
    "TUR": (["الجمهورية التركية"], ["أنقرة"], ["تركي"]),
    "CYP": (["جمهورية قبرص"], ["نيقوسيا"], ["قبرصي"]),
    "AFG": (["جمهورية أفغانستان"], ["كابل"], ["أفغاني"]),
    "PAK": (["جمهورية باكستان الإسلامية"], ["إسلام أباد", "إسلام آباد"], ["باكستاني"]),
    "ETH": (["أثيوبيا", "إثيوبيا"], ["أديس أبابا"], ["إثيوبي", "أثيوبي"]),
    "ERI": (["أريتريا", "إريتريا"], ["أسمرة"], ["إريتري", "أريتري"]),
    "TCD": ([], ["نجامينا", "إنجامينا"], ["تشادي"]),
    "NER": ([], ["نيامي"], ["نيجري"]),
    "MLI": (["جمهورية مالي", "دولة مالي"], ["باماكو"], []),
    "ESH": (["الصحراء الغربية"], [], []),
    "ARM": (["أرمينيا"], ["يريفان"], ["أرميني", "أرمني"]),
    "AZE": ([], ["باكو"], ["أذربيجاني", "أذري"]),
    "GEO": ([], ["تبليسي"], ["جورجي"]),
    "KAZ": ([], ["أستانا"], ["كازاخستاني", "كازاخي"]),
    "UZB": ([], ["طشقند"], ["أوزبكي", "أوزبكستاني"]),
    "TKM": ([], ["عشق آباد"], ["تركمانستاني"]),
    "TJK": ([], ["دوشنبه"], ["طاجيكي", "طاجيكستاني"]),
    "KGZ": (["قرغيزستان", "قيرغيزستان"], ["بيشكيك"], ["قرغيزي", "قيرغيزي"]),
    # major powers and Europe
    "USA": (["الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا", "امريكا"],
            ["واشنطن"], ["أمريكي", "أميركي"]),
    "RUS": (["روسيا الاتحادية", "الاتحاد الروسي"], ["موسكو", "الكرملين"], ["روسي"]),
    "CHN": (["جمهورية الصين الشعبية"], ["بكين", "بيجين"], ["صيني"]),
    "GBR": (["بريطانيا", "بريطانيا العظمى"], ["لندن"], ["بريطاني"]),
    "FRA": (["الجمهورية الفرنسية"], ["باريس", "الإليزيه"], ["فرنسي"]),
    "DEU": (["ألمانيا", "جمهورية ألمانيا الاتحادية"], ["برلين"], ["ألماني"]),
    "ITA": ([], ["روما"], ["إيطالي"]),
    "ESP": (["أسبانيا"], ["مدريد"], ["إسباني", "أسباني"]),
    "PRT": ([], ["لشبونة"], ["برتغالي"]),
    "NLD": (["هولاندا"], [], ["هولندي"]),
    "BEL": ([], [], ["بلجيكي"]),
    "CHE": ([], ["برن"], ["سويسري"]),
    "AUT": ([], [], ["نمساوي"]),
    "SWE": ([], ["ستوكهولم"], ["سويدي"]),
    "NOR": (["مملكة النرويج"], ["أوسلو"], ["نرويجي"]),
    "DNK": (["الدنمارك", "الدنمرك"], ["كوبنهاغن"], ["دنماركي", "دانمركي", "دنمركي"]),
    "FIN": ([], ["هلسنكي"], ["فنلندي"]),
    "ISL": (["أيسلندا"], ["ريكيافيك"], ["آيسلندي"]),
    "IRL": (["إيرلندا", "جمهورية أيرلندا"], ["دبلن"], ["أيرلندي", "إيرلندي"]),
    "POL": ([], ["وارسو"], ["بولندي"]),
    "UKR": ([], ["كييف", "كيف"], ["أوكراني"]),
    "BLR": (["روسيا البيضاء", "بيلاروسيا"], ["مينسك"], ["بيلاروسي"]),
    "MDA": (["مولدافيا"], ["كيشيناو"], ["مولدوفي"]),
    "ROU": ([], ["بوخارست"], ["روماني"]),
    "BGR": ([], [], ["بلغاري"]),
    "GRC": ([], ["أثينا"], ["يوناني"]),
    "SRB": ([], ["بلغراد"], ["صربي"]),
    "HRV": ([], ["زغرب"], ["كرواتي"]),
    "BIH": (["البوسنة"], ["سراييفو"], ["بوسني"]),
    "ALB": ([], ["تيرانا"], ["ألباني"]),
    "MKD": (["مقدونيا"], ["سكوبيي"], ["مقدوني"]),
    "MNE": (["مونتينيغرو"], [], []),
    "KSV": (["كوسوفو"], ["بريشتينا"], ["كوسوفي"]),
    "HUN": (["المجر"], ["بودابست"], ["مجري", "هنغاري"]),
    "CZE": (["جمهورية التشيك", "تشيكيا"], ["براغ"], ["تشيكي"]),
    "SVK": ([], ["براتيسلافا"], ["سلوفاكي"]),
    "SVN": ([], ["ليوبليانا"], ["سلوفيني"]),
    "EST": ([], ["تالين"], ["إستوني"]),
    "LVA": ([], ["ريغا"], ["لاتفي"]),
    "LTU": ([], ["فيلنيوس"], ["ليتواني"]),
    "MLT": ([], ["فاليتا"], ["مالطي"]),
    "LUX": ([], [], ["لوكسمبورغي"]),
    "VAT": (["الكرسي الرسولي", "دولة الفاتيكان"], [], ["فاتيكاني"]),
    # Asia, Pacific
    "JPN": ([], ["طوكيو"], ["ياباني"]),
    "KOR": (["جمهورية كوريا"], ["سيول", "سول"], ["كوري جنوبي", "كوريه جنوبي", "كوريين جنوبي", "كوريون جنوبي"]),
    "PRK": (["جمهورية كوريا الديمقراطية الشعبية"], ["بيونغ يانغ", "بيونغيانغ"],
            ["كوري شمالي", "كوريه شمالي", "كوريين شمالي", "كوريون شمالي"]),
    "IND": (["جمهورية الهند"], ["نيودلهي", "نيو دلهي"], ["هندي"]),
    "BGD": (["بنجلاديش", "بنغلادش"], ["دكا"], ["بنغلاديشي"]),
    "LKA": (["سري لانكا"], ["كولومبو"], ["سريلانكي"]),
    "NPL": ([], ["كاتماندو"], ["نيبالي"]),
    "IDN": ([], ["جاكرتا"], ["إندونيسي"]),
    "MYS": ([], ["كوالالمبور", "كوالا لمبور"], ["ماليزي"]),
    "PHL": ([], ["مانيلا"], ["فلبيني"]),
    "THA": (["تايلندا"], ["بانكوك"], ["تايلاندي", "تايلندي"]),
    "VNM": ([], ["هانوي"], ["فيتنامي"]),
    "MMR": (["ميانمار", "بورما"], [], ["ميانماري", "بورمي"]),
    "TWN": ([], ["تايبيه"], ["تايواني"]),
    "MNG": ([], ["أولان باتور"], ["منغولي"]),
    "AUS": ([], ["كانبيرا"], ["أسترالي", "أسترالي"]),
    "NZL": ([], ["ويلينغتون"], ["نيوزيلندي"]),
    "TLS": (["تيمور الشرقية", "تيمور ليشتي"], [], []),
    "HKG": (["هونغ كونغ", "هونج كونج"], [], []),
    "MAC": (["ماكاو"], [], []),
    # Africa
    "NGA": ([], ["أبوجا"], ["نيجيري"]),
    "KEN": ([], ["نيروبي"], ["كيني"]),
    "ZAF": (["جنوب إفريقيا", "جمهورية جنوب أفريقيا"], ["بريتوريا"], ["جنوب أفريقي", "جنوب إفريقي"]),
    "SEN": ([], ["داكار"], ["سنغالي"]),
    "UGA": ([], ["كمبالا"], ["أوغندي"]),
    "TZA": ([], ["دودوما"], ["تنزاني"]),
    "RWA": ([], ["كيغالي"], ["رواندي"]),
    "BDI": ([], [], ["بوروندي"]),
    "COD": (["جمهورية الكونغو الديمقراطية", "الكونغو الديمقراطية"], ["كينشاسا"], []),
    "COG": (["جمهورية الكونغو", "الكونغو برازافيل"], ["برازافيل"], []),
    "CAF": (["أفريقيا الوسطى", "إفريقيا الوسطى"], ["بانغي"], []),
    "CMR": ([], ["ياوندي"], ["كاميروني"]),
    "GHA": ([], ["أكرا"], ["غاني"]),
    "CIV": (["كوت ديفوار"], ["أبيدجان"], ["إيفواري"]),
    "LBR": ([], ["مونروفيا"], ["ليبيري"]),
    "SLE": ([], ["فريتاون"], []),
    "AGO": ([], ["لواندا"], ["أنغولي"]),
    "MOZ": ([], ["مابوتو"], ["موزمبيقي"]),
    "ZWE": ([], ["هراري"], ["زيمبابوي"]),
    "ZMB": ([], ["لوساكا"], ["زامبي"]),
    "MDG": ([], ["أنتاناناريفو"], ["مدغشقري"]),
    "BFA": ([], ["واغادوغو"], []),
    "GIN": (["غينيا كوناكري"], ["كوناكري"], ["غيني"]),
    "GAB": ([], ["ليبرفيل"], ["غابوني"]),
    # Americas
    "CAN": ([], ["أوتاوا"], ["كندي"]),
    "MEX": ([], [], ["مكسيكي"]),
    "BRA": ([], ["برازيليا"], ["برازيلي"]),
    "ARG": ([], ["بوينس آيرس"], ["أرجنتيني"]),
    "VEN": ([], ["كراكاس"], ["فنزويلي"]),
    "COL": ([], ["بوغوتا"], ["كولومبي"]),
    "CUB": ([], ["هافانا"], ["كوبي"]),
    "CHL": (["شيلي"], [], ["تشيلي", "شيلي"]),
    "PER": ([], ["ليما"], ["بيروفي"]),
    "BOL": ([], [], ["بوليفي"]),
    "ECU": (["الاكوادور"], ["كيتو"], ["إكوادوري"]),
    "URY": (["الأوروغواي", "أوروغواي"], ["مونتيفيديو"], ["أوروغواياني"]),
    "PRY": (["الباراغواي"], [], ["باراغواياني"]),
    "NIC": ([], ["ماناغوا"], ["نيكاراغوي"]),
}

# CAMEO regions and groups written in country position (not in CLDR's territory list).
REGIONS = [
    {"code": "EUR", "name_en": "Europe", "names": ["أوروبا", "أوربا", "القارة الأوروبية", "الدول الأوروبية"], "nisba": ["أوروبي"]},
    {"code": "AFR", "name_en": "Africa", "names": ["أفريقيا", "إفريقيا", "القارة الأفريقية", "الدول الأفريقية"], "nisba": ["أفريقي", "إفريقي"]},
    {"code": "ASA", "name_en": "Asia", "names": ["آسيا", "القارة الآسيوية"], "nisba": ["آسيوي"]},
    {"code": "MEA", "name_en": "Middle East", "names": ["الشرق الأوسط"]},
    {"code": "PGS", "name_en": "Persian Gulf states", "names": ["دول الخليج", "دول الخليج العربي", "دول الخليج العربية"], "nisba": ["خليجي"]},
    {"code": "WST", "name_en": "The West", "names": ["الدول الغربية", "العالم الغربي"]},
]

HEADER = """\
# States and territories. Format: docs/lexicon.md#countries
#   code: CAMEO country code; names: Arabic names (metonyms allowed); capitals: capital-city metonyms
#   (the city's name, and the descriptive "العاصمة + nisba" form: العاصمة السعودية);
#   nisba: masculine singular nisba adjective(s): feminine, plural and dual forms are generated.
# Generated and merged by tools/gen_countries.py (CLDR Arabic names via Babel + curated extras);
# hand edits are kept when the script is run again (it only adds).
"""


def norm(s: str) -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from hudhud.arabic.normalize import normalize_simple
    return normalize_simple(s)


def cldr() -> dict[str, tuple[str, str]]:
    """alpha-3 → (Arabic name, English name) for every CLDR territory with a valid CAMEO code."""
    from babel import Locale
    from babel.core import get_global

    valid = set(yaml.safe_load((DATA / "cameo_codes.yaml").read_text(encoding="utf-8"))["countries"])
    a2_to_a3: dict[str, list[str]] = {}
    for a3, targets in get_global("territory_aliases").items():
        if len(a3) == 3 and a3.isalpha() and len(targets) == 1:
            a2_to_a3.setdefault(targets[0], []).append(a3)
    a2_to_a3.setdefault("XK", []).append("KSV")
    ar, en = Locale("ar").territories, Locale("en").territories
    out = {}
    for a2, name in ar.items():
        for a3 in a2_to_a3.get(a2, []):
            if a3 in valid:
                out[a3] = (name, en.get(a2, a3))
    return out


def clean(name: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*", " ", name).strip()


def add(lst: list[str], items, seen: set[str]) -> None:
    for it in items:
        k = norm(it)
        if k and k not in seen:
            seen.add(k)
            lst.append(it)


def merge() -> list[dict]:
    existing = yaml.safe_load(OUT.read_text(encoding="utf-8")) if OUT.exists() else []
    by_code = {c["code"]: c for c in existing}
    order = [c["code"] for c in existing]
    table = cldr()
    for code in sorted(set(table) | set(EXTRA) | {r["code"] for r in REGIONS}):
        if code not in by_code:
            by_code[code] = {"code": code}
            order.append(code)
    regions = {r["code"]: r for r in REGIONS}
    out = []
    for code in order:
        c = by_code[code]
        ar, en = table.get(code, (None, None))
        names: list[str] = []
        seen: set[str] = set()
        dropped = {norm(d) for d in DROP.get(code, [])}
        add(names, c.get("names", []), seen)
        if ar and norm(ar) not in dropped:
            add(names, [clean(ar)], seen)
        extra_names, extra_caps, extra_nisba = EXTRA.get(code, ([], [], []))
        reg = regions.get(code, {})
        add(names, extra_names + reg.get("names", []), seen)
        caps: list[str] = []
        add(caps, c.get("capitals", []) + extra_caps, seen)
        nisba: list[str] = []
        nseen: set[str] = set()
        add(nisba, c.get("nisba", []) + extra_nisba + reg.get("nisba", []), nseen)
        if caps and nisba and " " not in nisba[0]:
            # the descriptive metonym: "العاصمة الإيرانية"
            add(caps, ["العاصمة " + "ال" + nisba[0] + "ة"], seen)
        entry = {"code": code, "name_en": c.get("name_en") or en or reg.get("name_en")}
        if names:
            entry["names"] = names
        if caps:
            entry["capitals"] = caps
        if nisba:
            entry["nisba"] = nisba
        if not names:
            continue
        out.append(entry)
    return out


def flow(v) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    s = str(v)
    return json.dumps(s, ensure_ascii=False) if re.search(r"[:,\[\]{}#&*!|>'\"%@`]", s) or not s else s


def write(entries: list[dict]) -> None:
    lines = [HEADER.rstrip("\n")]
    for e in entries:
        lines.append("- {" + ", ".join(f"{k}: {flow(v)}" for k, v in e.items()) + "}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    check = yaml.safe_load(OUT.read_text(encoding="utf-8"))
    assert len(check) == len(entries)


if __name__ == "__main__":
    entries = merge()
    write(entries)
    n_nisba = sum(1 for e in entries if e.get("nisba"))
    print(f"{len(entries)} entries, {n_nisba} with nisba, written to {OUT.relative_to(ROOT)}")
