"""News pages in, article text out: HTML → `Article` (main text + metadata), Arabic only.

    >>> art = extract(open("page.html", "rb").read(), url="https://example.com/a/1")
    >>> art.lang, art.date, art.section
    ('ar', datetime.date(2023, 3, 10), 'سياسة')
    >>> code_text(art.text, date=art.date, url=art.url)      # "title\\n\\nbody paragraphs"

Steps:

1. **Decoding** (`decode_html`): a BOM wins; bytes that are valid UTF-8 are UTF-8 (a legacy
   Arabic page almost never is valid UTF-8 by accident); else the declared charset (the HTTP
   ``Content-Type`` passed by the caller, then ``<meta charset>`` / ``http-equiv``) when it
   decodes cleanly and is not a Western label (Arabic pages mislabelled ``iso-8859-1`` are
   common); else detection with charset-normalizer among windows-1256, ISO-8859-6 and
   windows-1252; last resort windows-1256 with replacement characters.
2. **Metadata** from the page head, read before trafilatura prunes anything: ``<meta>`` tags
   (Open Graph, ``article:*``, Dublin Core, ``itemprop``), JSON-LD (``NewsArticle``… and
   ``BreadcrumbList``, ``@graph`` included) and the HTML breadcrumb trail.
   Date order (`Article.date_source` tells which won): ``article:published_time`` and other
   publication meta tags → JSON-LD ``datePublished`` → htmldate (fast mode, original date, via
   trafilatura) → a date in the URL (``/2013/…/8/3/``, ``/2023/03/10/``, ``2023-03-10``).
   A related-post link or a comment date never beats the page's own meta.
3. **Main text** with trafilatura (no comments, tables kept), paragraphs one per line.
4. **Arabic boilerplate filter**: `hudhud.clean.find_zones` over the extracted lines, plus the
   few page-level rules in `EXTRA_RULES` (comment-moderation notices, opinion disclaimers);
   dropped lines are listed in `Article.dropped` with their reason.
5. **Language** (`detect_lang`): a fast letter-count heuristic, see its docstring.

`Article.text` is ``title + "\\n\\n" + paragraphs joined by "\\n\\n"`` (the title is coded too);
`Article.body` is the paragraphs alone.
"""

from __future__ import annotations

import codecs
import html as html_lib
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import urlsplit

from hudhud.clean import Rule, _bare, find_zones

__all__ = ["Article", "extract", "decode_html", "detect_lang", "EXTRA_RULES"]


@dataclass(slots=True)
class Article:
    text: str                       # "title\n\nbody" — what the coder reads
    title: str | None = None
    date: dt.date | None = None
    section: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    lang: str = "und"               # ar, fa, ur, en, fr, other, und (too little text)
    body: str = ""                  # paragraphs only, "\n\n"-separated
    date_source: str | None = None  # meta:<name>, json-ld, htmldate, url
    breadcrumb: list[str] = field(default_factory=list)
    encoding: str | None = None
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (reason, line) removed

    @property
    def is_arabic(self) -> bool:
        return self.lang == "ar"

    def meta(self) -> dict[str, Any]:
        """The non-empty metadata fields (for `SourceDoc.meta` / `code_text(meta=)`)."""
        out: dict[str, Any] = {}
        for key in ("section", "author", "site", "lang", "date_source", "encoding"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.breadcrumb:
            out["breadcrumb"] = list(self.breadcrumb)
        return out


# --- decoding ---------------------------------------------------------------------------------
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_CHARSET = re.compile(rb"""<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)
# Western labels that Arabic sites often declare wrongly: never trusted without detection.
_WESTERN = {"latin_1", "iso8859_1", "cp1252", "ascii", "iso8859_15"}
_DETECT_AMONG = ["cp1256", "iso8859_6", "cp1252"]


def _codec(label: str | bytes | None) -> str | None:
    """A charset label → Python codec name (WHATWG aliases: x-cp1256 etc.); None if unknown."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    label = label.strip().strip("\"'").lower()
    label = {"x-cp1256": "cp1256", "arabic": "iso8859_6", "iso-8859-6-i": "iso8859_6",
             "iso-8859-6-e": "iso8859_6", "asmo-708": "iso8859_6", "x-user-defined": "cp1252",
             "unicode": "utf-16", "utf8": "utf-8"}.get(label, label)
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset declared inside the document (meta charset / http-equiv / XML declaration)."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_CHARSET.search(head)
    return m.group(1).decode("ascii", "ignore") if m else None


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Bytes → (text, codec name). `declared` is the HTTP header's charset, if any."""
    for bom, codec in ((codecs.BOM_UTF8, "utf_8"), (codecs.BOM_UTF16_LE, "utf_16"),
                       (codecs.BOM_UTF16_BE, "utf_16")):
        if data.startswith(bom):
            return data.decode("utf-8-sig" if codec == "utf_8" else codec, "replace"), codec
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    for label in (declared, declared_charset(data)):
        codec = _codec(label)
        if codec is None or codec in _WESTERN or codec.startswith("utf"):
            continue
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000], cp_isolation=_DETECT_AMONG).best()
    except Exception:  # pragma: no cover - detector failure: fall back below
        best = None
    codec = _codec(best.encoding) if best is not None else None
    if codec:
        return data.decode(codec, "replace"), codec
    return data.decode("cp1256", "replace"), "cp1256"


# --- language ---------------------------------------------------------------------------------
_ARABIC_SCRIPT = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_FA_LETTERS = "\u067e\u0686\u0698\u06af"          # پ چ ژ گ
_FA_FORMS = "\u06cc\u06a9"                         # ی ک (Persian/Urdu ya and kaf)
_AR_FORMS = "\u0629\u064a\u0643\u0649"             # ة ي ك ى
_UR_LETTERS = "\u0679\u0688\u0691\u06ba\u06c1\u06d2\u06be"  # ٹ ڈ ڑ ں ہ ے ھ
_WORDS = re.compile(r"[^\W\d_]+")
_EN = frozenset("the of and to in is that for on with was as by from at are said".split())
_FR = frozenset("le la les des du et est une un dans pour que qui sur par au aux pas avec".split())


def detect_lang(text: str, min_letters: int = 40) -> str:
    """A fast letter-count language guess: "ar", "fa", "ur", "en", "fr", "other" or "und".

    * Arabic script must be at least half of the letters, else the text is Latin-script
      ("en"/"fr" by a handful of function words, else "other"); under `min_letters` → "und".
    * Among Arabic-script texts, Urdu has letters Arabic and Persian lack (ٹ ڈ ڑ ں ہ ے ھ:
      over 2% of the letters → "ur"); Persian writes ی/ک where Arabic writes ي/ك, adds
      پ چ ژ گ and almost never uses ة. "fa" when those Persian marks outnumber the Arabic ones
      (ة ي ك ى) *and* few words carry the article "ال" (Arabic: ~20% of words; Persian: ~2%),
      so Arabic typed on a Persian keyboard or quoting Persian names stays "ar".
    """
    sample = text[:20_000]
    ar = len(_ARABIC_SCRIPT.findall(sample))
    la = len(_LATIN.findall(sample))
    if ar + la < min_letters:
        return "und"
    if ar < la:
        words = [w.lower() for w in _WORDS.findall(sample)]
        en = sum(w in _EN for w in words)
        fr = sum(w in _FR for w in words)
        if max(en, fr) * 20 < len(words):
            return "other"
        return "fr" if fr > en else "en"
    words = [w for w in _WORDS.findall(sample) if _ARABIC_SCRIPT.match(w)]
    al_share = sum(w.startswith(("ال", "وال", "بال", "فال", "لل", "كال")) for w in words) / max(len(words), 1)
    ur = sum(sample.count(c) for c in _UR_LETTERS)
    if ur > 0.02 * ar and al_share < 0.1:
        return "ur"
    fa = sum(sample.count(c) for c in _FA_FORMS) + 3 * sum(sample.count(c) for c in _FA_LETTERS)
    arm = sum(sample.count(c) for c in _AR_FORMS)
    if fa > arm and al_share < 0.1:
        return "fa"
    return "ar"


# --- metadata ---------------------------------------------------------------------------------
_SPACES = re.compile(r"\s+")
_PUB_META = ("article:published_time", "og:article:published_time", "article:published",
             "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
             "publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
             "dcterms.created", "sailthru.date", "parsely-pub-date", "date", "og:published_time",
             "release_date", "cxenseparse:recs:publishtime", "article.published")
_SECTION_META = ("article:section", "og:article:section", "section", "articlesection",
                 "category", "parsely-section", "cxenseparse:section")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "parsely-author",
                "sailthru.author")
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting",
                  "liveblogposting", "analysisnewsarticle", "opinionnewsarticle",
                  "backgroundnewsarticle", "report", "socialmediaposting")
_HOME = {"الرئيسية", "الصفحة الرئيسية", "الرئيسيه", "home", "الرئيسة", "رئيسية", "الأولى"}
_BREADCRUMB_XPATH = ("//*[contains(concat(' ', normalize-space(@class), ' '), 'breadcrumb') "
                     "or contains(@class, 'breadcrumbs') or contains(@id, 'breadcrumb') "
                     "or contains(@aria-label, 'breadcrumb') or contains(@aria-label, 'Breadcrumb') "
                     "or contains(@aria-label, 'مسار')]")
_URL_DATES = (re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)"),
              re.compile(r"/((?:19|20)\d\d)/[a-z_\-]{2,40}/(\d{1,2})/(\d{1,2})/"),
              re.compile(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)[/_.-]"))


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = next((v for v in value if _clean(v)), None)
        return _clean(value)
    if isinstance(value, dict):
        return _clean(value.get("name") or value.get("@id"))
    s = _SPACES.sub(" ", str(value)).strip()
    return s or None


def _date(value: Any) -> dt.date | None:
    """An ISO-ish date string (2023-03-10, 2023-03-10T08:00:00+03:00, 2023/03/10) → date."""
    s = _clean(value)
    if not s:
        return None
    m = re.search(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if not m:
        m = re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)(?:T.*)?", s)
    if not m:
        return None
    return _valid(*m.groups())


def _valid(y: str, mo: str, d: str) -> dt.date | None:
    try:
        day = dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if not dt.date(1990, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=2):
        return None
    return day


_HEAD_DATE = re.compile(r"(?:\w+[،,]?\s+)?(?:((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})"
                        r"|(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d))(?:\s*[-–|،,]?\s*\d{1,2}:\d\d)?")


def _head_date(m: re.Match) -> dt.date | None:
    if m.group(1):
        return _valid(m.group(1), m.group(2), m.group(3))
    return _valid(m.group(6), m.group(5), m.group(4))        # day/month/year (Arab usage)


def url_date(url: str | None) -> dt.date | None:
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m and (day := _valid(*m.groups())):
            return day
    return None


def _meta_tags(tree) -> dict[str, str]:
    """name/property/itemprop/http-equiv (lower case) → content; the first non-empty wins."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                out.setdefault(key.strip().lower(), content.strip())
    return out


def _json_ld(tree) -> list[dict]:
    """Every JSON-LD object of the page, flattened (lists and @graph)."""
    objs: list[dict] = []

    def walk(node: Any, depth: int = 0) -> None:
        if depth > 4:
            return
        if isinstance(node, list):
            for n in node:
                walk(n, depth + 1)
        elif isinstance(node, dict):
            objs.append(node)
            if "@graph" in node:
                walk(node["@graph"], depth + 1)

    for el in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        raw = (el.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:  # trailing commas / HTML comments are common
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.strip("<!->\n ")), strict=False)
            except ValueError:
                continue
        walk(data)
    return objs


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items if x}


def _ld_breadcrumb(objs: list[dict]) -> list[str]:
    for obj in objs:
        if "breadcrumblist" not in _types(obj):
            continue
        items = obj.get("itemListElement") or []
        if isinstance(items, dict):
            items = [items]
        crumbs = []
        for it in sorted((i for i in items if isinstance(i, dict)),
                         key=lambda i: _num(i.get("position"))):
            name = it.get("name")
            if not name and isinstance(it.get("item"), dict):
                name = it["item"].get("name")
            name = _clean(name)
            if name:
                crumbs.append(name)
        if crumbs:
            return crumbs
    return []


def _num(v: Any) -> float:
    try:
        return float(v)
    except (TypeError, ValueError):
        return 0.0


def _html_breadcrumb(tree) -> list[str]:
    for el in tree.xpath(_BREADCRUMB_XPATH)[:3]:
        crumbs = [c for c in (_clean(a.text_content()) for a in el.iter("a")) if c]
        # the current page often ends the trail as plain text (a span/li without a link)
        last = [c for c in (_clean(s.text_content()) for s in el.xpath(
            ".//*[(self::span or self::li or self::strong) and not(.//a) and not(ancestor::a)]"))
            if c and len(c) > 1 and c not in crumbs and c not in "»›>/|"]
        if last:
            crumbs.append(last[-1])
        if len(crumbs) >= 2:
            return crumbs
    return []


def _section_from_crumbs(crumbs: list[str], title: str | None) -> str | None:
    """The most specific category of a trail: the last crumb that is neither home nor title."""
    t = _bare(title) if title else None
    # a long crumb (over 6 words) is the headline or a variant of it, not a category
    rest = [c for c in crumbs if c.strip().lower() not in _HOME and _bare(c) != t
            and len(c.split()) <= 6]
    return rest[-1] if rest else None


# --- boilerplate ------------------------------------------------------------------------------
# Page-level furniture that `clean.RULES` (line rules for any scraped text) does not cover.
EXTRA_RULES: tuple[Rule, ...] = (
    Rule("comment-policy",
         contains=("مراجعة التعليقات قبل نشرها", "إرشادات الاستخدام", "ترحب بالنقاش",
                   "بالنقاش الحيوي", "لا تعبر عن رأي الموقع", "لا تعبر عن رأي موقع",
                   "تعكس وجهات نظر أصحابها", "تعبر عن رأي كاتبها", "تعبر عن رأي كاتبه",
                   "لا تعبر بالضرورة عن", "التعليقات المنشورة", "سياسة التعليقات"),
         raw=(r"^الآراء الواردة",), max_words=70),
    Rule("media-caption",
         exact=("شاهد الفيديو", "شاهد", "فيديو", "صورة أرشيفية", "صورة ارشيفية", "مصدر الصورة",
                "تحميل", "جاري التحميل", "إعلان", "اعلان", "advertisement"),
         prefix=("مصدر الصورة", "حقوق الصورة", "تصوير"), max_words=8),
)


def filter_boilerplate(lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Keep the content lines of `lines` (clean.find_zones + EXTRA_RULES); return (kept, dropped)."""
    text = "\n".join(lines)
    keep: list[str] = []
    dropped: list[tuple[str, str]] = []
    for z in find_zones(text):
        line = text[z.start:z.end]
        if z.kind == "boilerplate":
            dropped.append((z.reason, line))
            continue
        if z.kind == "breadcrumb":            # the last crumb of a trail (the title): not body
            dropped.append(("breadcrumb", line))
            continue
        bare = _bare(line)
        nwords = len(bare.split())
        rule = next((r for r in EXTRA_RULES if r.match(bare, line, nwords)), None)
        if rule is not None:
            dropped.append((rule.reason, line))
            continue
        keep.append(line)
    return keep, dropped


# --- extraction -------------------------------------------------------------------------------


def _htmldate(tree, url: str | None) -> dt.date | None:
    try:
        from htmldate import find_date

        value = find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception:  # pragma: no cover - htmldate is best effort
        return None
    return _date(value)


def _strip_site(title: str, site: str | None) -> str:
    """Drop a trailing " - Site" / " | Site" segment (short, Latin or the site's name)."""
    parts = re.split(r"\s+[|\-–—:»]\s+", title)
    if len(parts) >= 2:
        last = parts[-1].strip()
        if len(last.split()) <= 4 and (re.search(r"[A-Za-z]", last) or
                                       (site and _bare(last) == _bare(site))):
            return title[:title.rfind(last)].rstrip(" |-–—:»")
    return title


def _title(tree, meta: dict[str, str], articles: list[dict], site: str | None) -> str | None:
    """og:title → JSON-LD headline → the single <h1> → <title>; site suffixes removed."""
    h1 = [c for c in (_clean(h.text_content()) for h in tree.iter("h1")) if c and len(c) > 8]
    candidates = [meta.get("og:title"), meta.get("twitter:title"),
                  next((o.get("headline") for o in articles if o.get("headline")), None),
                  h1[0] if len(h1) == 1 else None,
                  tree.findtext(".//title")]
    for i, value in enumerate(candidates):
        value = _clean(value)
        if value:
            value = _strip_site(html_lib.unescape(value), site)
            if i == len(candidates) - 1:           # <title>: "Site - Headline" → the headline
                parts = [p.strip() for p in re.split(r"\s+[|\-–—»:]\s+", value) if p.strip()]
                long = [p for p in parts if len(p.split()) >= 4]
                if len(parts) >= 2 and len(long) == 1:
                    value = long[0]
            return value
    return None


_BLOCK_IN_CELL = "./descendant::*[self::p or self::h1 or self::h2 or self::h3 or self::table or self::ul or self::div][1]"


def unwrap_layout_tables(tree) -> int:
    """Turn layout tables (old sites: the whole page in nested <table>s) into <div>s.

    A table is a layout table when it holds block content (p, h1-h3, lists, divs, other
    tables) or a cell of running text (over 300 characters); data tables (numbers, short
    cells) are kept for trafilatura's table output. Returns how many were unwrapped.
    """
    n = 0
    for table in list(tree.iter("table")):
        cells = table.xpath("./tr/td | ./tr/th | ./tbody/tr/td | ./thead/tr/th | ./tbody/tr/th")
        layout = any(c.xpath(_BLOCK_IN_CELL) for c in cells) or \
            any(len(c.text_content()) > 300 for c in cells)
        if not layout:
            continue
        n += 1
        for el in [table] + table.xpath("./tbody | ./thead | ./tfoot | ./tr | ./*/tr") + cells:
            el.tag = "div"
            for attr in ("width", "valign", "colspan", "rowspan", "bgcolor", "cellpadding",
                         "cellspacing", "border"):
                el.attrib.pop(attr, None)
    return n


def _tree(text: str):
    from trafilatura.utils import load_html

    return load_html(text)


def extract(html: str | bytes, url: str | None = None, declared_charset: str | None = None,
            min_lang_letters: int = 40) -> Article:
    """One page → `Article`. `declared_charset`: the HTTP header's, when known (WARC).

    Never raises on bad markup: an empty or unparsable page gives an Article with empty text
    (lang "und"); callers skip it.
    """
    import trafilatura

    encoding = None
    if isinstance(html, (bytes, bytearray)):
        html, encoding = decode_html(bytes(html), declared_charset)
    tree = _tree(html) if html and html.strip() else None
    if tree is None:
        return Article(text="", url=url, encoding=encoding)

    meta = _meta_tags(tree)
    ld = _json_ld(tree)
    articles = [o for o in ld if _types(o) & set(_ARTICLE_TYPES)] or \
               [o for o in ld if "webpage" in _types(o)]
    page_url = url or meta.get("og:url") or _clean(next((o.get("url") for o in articles), None))
    if not page_url:
        canon = tree.xpath("//link[@rel='canonical']/@href")
        page_url = canon[0].strip() if canon else None

    # dates: meta → JSON-LD → htmldate (through trafilatura, fast mode) → URL
    date, source = None, None
    for key in _PUB_META:
        if key in meta and (date := _date(meta[key])):
            source = f"meta:{key}"
            break
    if date is None:
        for obj in articles + ld:
            if (date := _date(obj.get("datePublished") or obj.get("dateCreated"))):
                source = "json-ld"
                break

    unwrap_layout_tables(tree)
    doc = trafilatura.bare_extraction(
        tree, url=page_url, fast=True, with_metadata=False, include_comments=False,
        include_tables=True, deduplicate=False)
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict()
    doc = doc or {}
    if date is None:                          # trafilatura copied the tree: it is intact here
        date = _htmldate(tree, page_url)
        source = "htmldate" if date else None
    # htmldate's fast mode may fall back to a year-only guess (YYYY-01-01): a URL date is better
    if date is None or (source == "htmldate" and date.month == 1 and date.day == 1):
        if (better := url_date(page_url)) is not None:
            date, source = better, "url"

    # title, author, site, section
    site = _clean(meta.get("og:site_name")) or _clean(
        next((o.get("publisher") for o in articles if o.get("publisher")), None)) \
        or (urlsplit(page_url).hostname if page_url else None)
    title = _title(tree, meta, articles, site)
    author = None
    for key in _AUTHOR_META:
        value = _clean(meta.get(key))
        if value and not value.startswith("http"):
            author = value
            break
    author = author or _clean(next((o.get("author") for o in articles if o.get("author")), None))
    if author and author.startswith("http"):
        author = None
    crumbs = _ld_breadcrumb(ld) or _html_breadcrumb(tree)
    section = _clean(next((meta[k] for k in _SECTION_META if meta.get(k)), None)) \
        or _clean(next((o.get("articleSection") for o in articles if o.get("articleSection")), None)) \
        or _section_from_crumbs(crumbs, title)

    # main text → Arabic boilerplate filter
    raw_lines = [ln.strip() for ln in (doc.get("text") or "").splitlines()]
    raw_lines = [ln for ln in raw_lines if ln]
    head_dropped: list[tuple[str, str]] = []
    if title:
        tb = _bare(title)
        while raw_lines and _bare(raw_lines[0]) == tb:   # the title repeated as first line
            raw_lines.pop(0)
    # a bare date line above the first paragraph is page metadata: a date source, not body
    for i, line in enumerate(raw_lines[:4]):
        if len(line.split()) >= 12:
            break
        m = _HEAD_DATE.fullmatch(line.strip(" |\u200f\u200e"))
        if m:
            if date is None and (date := _head_date(m)):
                source = "text"
            head_dropped.append(("dateline-meta", line))
            raw_lines[i] = ""
    raw_lines = [ln for ln in raw_lines if ln]
    kept, dropped = filter_boilerplate(raw_lines) if raw_lines else ([], [])
    dropped = head_dropped + dropped
    body = "\n\n".join(kept)
    text = f"{title}\n\n{body}" if title and body else (body or "")
    lang = detect_lang(text, min_letters=min_lang_letters)
    return Article(text=text, title=title, date=date, section=section, author=author, site=site,
                   url=page_url, lang=lang, body=body, date_source=source, breadcrumb=crumbs,
                   encoding=encoding, dropped=dropped)


# --- sources ----------------------------------------------------------------------------------
def page_id(url: str | None, text: str) -> str:
    """16 hex digits of SHA-1 over URL + text (text alone when there is no URL)."""
    import hashlib

    key = f"{url}\n{text}" if url else text
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def to_item(article: Article, path: str, doc_id: str | None = None,
            fallback_date: dt.date | None = None, extra: dict[str, Any] | None = None):
    """An `Article` → `SourceDoc`, or `Skipped` (not Arabic) / `SourceError` (no text)."""
    from hudhud.sources import Skipped, SourceDoc, SourceError

    if not article.text.strip():
        return SourceError(path, "no article text found in the page", doc_id)
    did = doc_id or page_id(article.url, article.text)
    if article.lang != "ar":
        return Skipped(path, f"not Arabic (lang={article.lang})", did)
    meta = article.meta()
    if extra:
        meta.update(extra)
    date = article.date
    if date is None and fallback_date is not None:
        date, meta["date_source"] = fallback_date, "fallback"
    return SourceDoc(doc_id=did, text=article.text, date=date, url=article.url,
                     title=article.title, path=path, meta=meta)


def iter_html_file(path) -> Iterator:
    """One .html/.htm file (or .html.gz) → one item."""
    import gzip
    from pathlib import Path

    from hudhud.sources import SourceError

    p = Path(path)
    try:
        data = p.read_bytes()
        if p.name.lower().endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield SourceError(str(p), f"unreadable: {exc}")
        return
    try:
        article = extract(data)
    except Exception as exc:  # a page the extractor chokes on must not stop a batch
        yield SourceError(str(p), f"html: {type(exc).__name__}: {exc}")
        return
    yield to_item(article, str(p))
