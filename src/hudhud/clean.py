"""Boilerplate zones for scraped article text.

`find_zones(text)` classifies every non-blank line of a scraped page into `Zone`s of kind
`title`, `breadcrumb`, `subhead`, `body` (content) or `boilerplate` (with `reason`, the id of the
rule that dropped it).  Offsets index the original text; zones are trimmed of surrounding
whitespace and sorted; blank lines are not covered.

The rules are generic Arabic (and a little English) web furniture, matched on a normalised
"bare" form of each line (no diacritics/tatweel, unified alef/ya/ta marbuta, lower case, no
punctuation or digits):

* breadcrumb trails (``الرئيسية » قسم » عنوان``): leading crumbs → boilerplate
  ``breadcrumb-trail``; a long last crumb (the article title) → ``breadcrumb``;
* phrase rules, each with a reason: ``related-posts``, ``comment-form``, ``spam-notice``,
  ``privacy-notice``, ``share-bar``, ``print-email``, ``newsletter``, ``copyright``, ``tags``,
  ``navigation``;
* page tail: a related-posts / comment-form marker that is not followed by substantial body
  paragraphs drops everything after it too (``page-tail``);
* after the last substantial body paragraph, mostly-Latin lines (``latin``) and very short
  non-sentences (``trailing-short``) are dropped; date lines are kept.

Among the remaining content lines, the first short headline-like line (before body paragraphs)
is the ``title`` (a line repeating the breadcrumb's last crumb wins), and later short lines
without terminal punctuation followed by body text are ``subhead``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hudhud.doc import Zone

try:  # shared normaliser (alef/ya/ta marbuta unification, diacritics and tatweel dropped)
    from hudhud.arabic.normalize import normalize_simple as _normalize_simple
except Exception:  # pragma: no cover - fallback when the module is unavailable
    _FALLBACK_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\ufeff]")
    _FALLBACK_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                                     "ی": "ي", "ک": "ك"})

    def _normalize_simple(s: str) -> str:
        return _FALLBACK_DROP.sub("", s).translate(_FALLBACK_TABLE)

__all__ = ["find_zones", "RULES"]

_SPACE = " \t\r\f\v\u00a0\u202f\u2007\u2009\u200a\u3000\u200b\u200c\u200d\u200e\u200f\ufeff\u061c"
_NON_LETTER = re.compile(r"[^\w\s]|[\d_]")
_MULTISPACE = re.compile(r"\s+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W_]+")


def _bare(s: str) -> str:
    """Normalised, lower-cased, punctuation/digit free, single-spaced form used for matching."""
    s = _normalize_simple(s).lower()
    s = _NON_LETTER.sub(" ", s)
    return _MULTISPACE.sub(" ", s).strip()


def _words(s: str) -> int:
    return len(_WORD.findall(s))


# --- phrase rules --------------------------------------------------------------------------

@dataclass(slots=True)
class Rule:
    """A boilerplate rule: the line (bare form) equals one of `exact`, starts with one of `prefix`
    (and has at most `max_words` words), or contains one of `contains` (at most `max_words`)."""

    reason: str
    exact: tuple[str, ...] = ()
    prefix: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    raw: tuple[str, ...] = ()            # regexes searched in the raw line and in its bare form
    max_words: int = 40
    tail: bool = False                   # a marker that may start the page tail
    _exact: frozenset[str] = field(default=frozenset(), repr=False)
    _prefix: tuple[str, ...] = field(default=(), repr=False)
    _contains: tuple[str, ...] = field(default=(), repr=False)
    _raw: tuple[re.Pattern, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        self._exact = frozenset(_bare(p) for p in self.exact)
        self._prefix = tuple(_bare(p) for p in self.prefix)
        self._contains = tuple(_bare(p) for p in self.contains)
        self._raw = tuple(re.compile(r, re.IGNORECASE) for r in self.raw)

    def match(self, bare: str, raw: str, nwords: int) -> bool:
        if bare in self._exact:
            return True
        if nwords <= self.max_words:
            for p in self._prefix:
                if bare == p or bare.startswith(p + " "):
                    return True
            padded = f" {bare} "
            for p in self._contains:
                if f" {p} " in padded:
                    return True
            for r in self._raw:
                if r.search(raw) or r.search(bare):
                    return True
        return False


RULES: tuple[Rule, ...] = (
    Rule("spam-notice",
         contains=("akismet", "التعليقات المزعجة", "التعليقات غير المرغوب فيها", "بيانات تعليقك",
                   "للحد من التعليقات", "recaptcha", "captcha", "spam"),
         max_words=60),
    Rule("privacy-notice",
         exact=("سياسة الخصوصية", "الخصوصية", "شروط الاستخدام", "اتفاقية الاستخدام", "سياسة الاستخدام",
                "الشروط والأحكام", "privacy policy", "privacy", "terms of use", "cookie policy",
                "accept", "أوافق", "موافق", "قبول"),
         # a notice talks to the reader about this site: "we use cookies", "by using the site…"
         raw=(r"(نستخدم|يستخدم|تستخدم|باستخدام|استخدامك|موافقتك|توافق|موافق|قبول|اوافق|هذا الموقع"
              r"|we use|this site|accept|agree|consent)\b.*(ملفات تعريف الارتباط|ملفات الارتباط"
              r"|الكوكيز|كوكيز|سياسه الخصوصيه|cookies?|privacy policy)",
              r"(ملفات تعريف الارتباط|الكوكيز|كوكيز|cookies?|سياسه الخصوصيه|privacy policy)\b.*"
              r"(هذا الموقع|موقعنا|الموقع بشكل|تجربتك|تصفحك|موافقتك|توافق|your experience|this site|accept|agree)"),
         max_words=45),
    Rule("comment-form", tail=True,
         exact=("أضف تعليق", "أضف تعليقا", "أضف تعليقك", "اترك تعليقا", "اترك تعليقاً", "اترك ردا",
                "اترك رد", "التعليقات", "تعليقات", "تعليق", "التعليق", "الاسم", "الإسم", "اسمك",
                "البريد الإلكتروني", "بريدك الإلكتروني", "الموقع الإلكتروني", "الموقع",
                "إرسال التعليق", "أرسل التعليق", "نشر التعليق", "إرسال", "اكتب تعليقك",
                "اكتب تعليقك هنا", "لا توجد تعليقات", "كن أول من يعلق", "كن أول من يعلق على الخبر",
                "رد", "الرد", "إلغاء الرد", "تعليقات الزوار", "آراء القراء", "تعليقات فيسبوك",
                "leave a reply", "leave a comment", "comments", "comment", "name", "email",
                "website", "post comment", "submit", "reply"),
         prefix=("أضف تعليق", "اترك تعليقا", "اترك ردا", "اضغط هنا للتعليق"),
         contains=("لن يتم نشر عنوان بريدك", "لن يتم نشر البريد", "الحقول الإلزامية",
                   "الحقول المطلوبة", "في هذا المتصفح لاستخدامها", "يجب أن تكون مسجل الدخول",
                   "يجب عليك تسجيل الدخول", "لنشر تعليق", "your email address will not be published",
                   "required fields are marked"),
         max_words=30),
    Rule("related-posts", tail=True,
         exact=("ذات صلة", "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "مقالات مشابهة",
                "أخبار مشابهة", "مواضيع مشابهة", "أخبار متعلقة", "مقالات متعلقة", "المزيد",
                "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تعليقا", "آخر الأخبار", "أحدث الأخبار",
                "أخبار أخرى", "مقالات أخرى", "مواضيع مقترحة", "مقترحات", "related posts",
                "related articles", "you may also like", "read more", "more news"),
         prefix=("قد يعجبك أيضا", "قد يعجبك", "قد يهمك أيضا", "قد يهمك", "اقرأ أيضا", "اقرأ ايضا",
                 "إقرأ أيضا", "اقرأ المزيد", "طالع أيضا", "شاهد أيضا", "يمكنك أيضا قراءة",
                 "المزيد من الأخبار", "المزيد من المقالات", "المزيد من المواضيع", "مقالات ذات صلة",
                 "أخبار ذات صلة", "مواضيع ذات صلة", "ننصحك بقراءة", "لمزيد من الأخبار",
                 "اقرأ ايضاً", "see also", "read also", "related"),
         # "المزيد: <headline>": a link to another article, whatever its words
         raw=(r"^\s*(المزيد|اقرأ المزيد|ذات صلة|شاهد|طالع|اقرأ|إقرأ)\s*[:：]",),
         max_words=25),
    Rule("newsletter",
         contains=("اشترك في النشرة", "اشترك في نشرتنا", "النشرة البريدية", "النشرة الإخبارية",
                   "القائمة البريدية", "اشترك الآن", "اشترك ليصلك", "اشترك معنا", "newsletter",
                   "subscribe"),
         max_words=30),
    Rule("copyright",
         contains=("جميع الحقوق محفوظة", "كل الحقوق محفوظة", "الحقوق محفوظة", "all rights reserved"),
         raw=("©", r"\(c\)\s*\d{4}"),
         max_words=40),
    Rule("copyright",
         exact=("حقوق النشر", "حقوق الطبع والنشر"),
         contains=("حقوق النشر محفوظة", "حقوق الطبع محفوظة", "copyright"),
         max_words=12),
    Rule("tags",
         exact=("الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "العلامات", "tags"),
         prefix=("الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "الكلمات الدلالية",
                 "كلمات دلالية"),
         raw=(r"^\s*(العلامات|علامات|تاجات|tags|keywords|topics)\s*[:：]",),
         max_words=40),
    Rule("share-bar",
         exact=("شارك", "مشاركة", "شارك الخبر", "شارك المقال", "شارك هذا المقال", "شارك هذا الخبر",
                "شارك الموضوع", "المشاركات", "share", "share this", "tweet"),
         max_words=10),
    Rule("print-email",
         exact=("طباعة", "اطبع", "طباعة الخبر", "اطبع الخبر", "طباعة المقال", "إرسال بالبريد",
                "أرسل لصديق", "أرسل إلى صديق", "إرسال لصديق", "حفظ", "print", "e-mail", "mail",
                "email this"),
         max_words=6),
    Rule("navigation",
         exact=("الرئيسية", "الصفحة الرئيسية", "أخبار", "الأخبار", "اتصل بنا", "من نحن", "عن الموقع",
                "سياسة", "اقتصاد", "رياضة", "منوعات", "ثقافة", "فن", "تكنولوجيا", "صحة", "مقالات",
                "آراء", "الرأي", "فيديو", "صور", "أرشيف", "الأرشيف", "القائمة", "بحث", "ابحث",
                "تسجيل الدخول", "المقال السابق", "المقال التالي", "الخبر السابق", "الخبر التالي",
                "السابق", "التالي", "عودة", "رجوع", "العودة للأعلى", "للأعلى", "إعلانات", "إعلان",
                "أعلن معنا", "home", "menu", "search", "contact us", "about us", "next", "previous",
                "advertisement"),
         prefix=("المقال السابق", "المقال التالي", "الخبر السابق", "الخبر التالي", "التدوينة السابقة",
                 "التدوينة التالية"),
         max_words=16),
)

_TAIL_REASONS = frozenset(r.reason for r in RULES if r.tail)

# Social network / share words: a line made only of these (and a few fillers) is a share bar.
_SOCIAL = frozenset(_bare(w) for w in (
    "فيسبوك", "فيس بوك", "فايسبوك", "تويتر", "تويتر", "واتساب", "واتس اب", "واتس", "آب", "تيليجرام",
    "تلغرام", "تليجرام", "تلجرام", "لينكدإن", "لينكد", "إن", "لينكدان", "بينتريست", "انستغرام",
    "إنستغرام", "انستجرام", "يوتيوب", "سناب", "شات", "سناب شات", "تيك", "توك", "ماسنجر", "ريديت",
    "جوجل", "غوغل", "بلس", "إكس", "طباعة", "البريد", "الإلكتروني", "بريد", "إيميل", "ايميل",
    "شارك", "مشاركة", "شاركها", "تغريد", "غرد", "نسخ", "الرابط",
    "facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "instagram",
    "youtube", "snapchat", "tiktok", "messenger", "reddit", "tumblr", "vk", "google", "x",
    "email", "mail", "print", "share", "tweet", "copy", "link", "pin", "viber", "skype",
))
_SHARE_FILLER = frozenset(_bare(w) for w in ("على", "عبر", "في", "هذا", "هذه", "المقال", "الخبر",
                                             "الموضوع", "الصفحة", "مع", "أصدقائك", "via", "on",
                                             "this", "article", "or", "أو", "و"))
_SHARE_CORE = frozenset(_bare(w) for w in (
    "فيسبوك", "فيس", "تويتر", "واتساب", "واتس", "تيليجرام", "تلغرام", "لينكدإن", "انستغرام",
    "يوتيوب", "ماسنجر", "شارك", "مشاركة", "facebook", "twitter", "whatsapp", "telegram",
    "linkedin", "pinterest", "instagram", "messenger", "reddit", "share", "tweet", "print",
    "email", "طباعة"))

# Crumb separators (surrounded by spaces).  Dedicated breadcrumb glyphs vs ambiguous ones.
_CRUMB_SEP = re.compile(r"\s+(?:»»|»|›|>>?|→|←|⟵|⟶|/|\||\\|::|⇐|⇒|—>|->|<-)\s+")
_STRONG_SEP_CHARS = set("»›>→←⟵⟶⇐⇒")
_HOME = frozenset(_bare(w) for w in ("الرئيسية", "الصفحة الرئيسية", "الرئيسيه", "home", "الرئيسة",
                                     "الموقع", "رئيسية"))

# Date lines (kept as content: they may be datelines).
_MONTHS = ("يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|"
           "اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|"
           "تشرين|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|القعدة|الحجة|january|february|march|"
           "april|may|june|july|august|september|october|november|december")
_DATE = re.compile(
    r"\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}"
    r"|[0-9٠-٩]{1,2}\s*(?:" + _MONTHS + r")"
    r"|(?:" + _MONTHS + r")\s*[0-9٠-٩]{1,4}"
    r"|\d{1,2}:\d{2}",
    re.IGNORECASE)

_TERMINAL = ".!?؟:؛;"
_CLOSERS = "»”’\"')]›"


def _ends_terminal(s: str) -> bool:
    """Does the line end like a sentence? A trailing ellipsis ('..') is a headline ornament."""
    s = s.rstrip(_SPACE + _CLOSERS)
    if not s:
        return False
    if s.endswith("..") or s.endswith("…"):
        return False
    return s[-1] in _TERMINAL


def _is_date_line(raw: str, nwords: int) -> bool:
    return nwords <= 9 and _DATE.search(_normalize_simple(raw)) is not None


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    raw: str
    bare: str
    nwords: int
    kind: str = "body"
    reason: str = ""
    crumb: tuple[int, int] | None = None       # last crumb span when the line is a breadcrumb trail
    crumb_lead_end: int = 0
    is_date: bool = False
    latin: bool = False

    @property
    def content(self) -> bool:
        return self.kind != "boilerplate"

    @property
    def long_para(self) -> bool:
        """A substantial body paragraph."""
        return self.nwords >= 15 or (self.nwords >= 8 and _ends_terminal(self.raw))


def _split_lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    n = len(text)
    for m in re.finditer(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]", text):
        out.append((pos, m.start()))
        pos = m.end()
    if pos <= n:
        out.append((pos, n))
    spans = []
    for a, b in out:
        while a < b and (text[a].isspace() or text[a] in _SPACE):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in _SPACE):
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _breadcrumb(text: str, ln: _Line, head: bool) -> None:
    """Detect a crumb trail; set kind/reason (whole trail) or crumb spans (title-like last crumb)."""
    seps = list(_CRUMB_SEP.finditer(text, ln.start, ln.end))
    if not seps:
        return
    strong = all(any(c in _STRONG_SEP_CHARS for c in m.group()) for m in seps)
    crumbs: list[tuple[int, int]] = []
    pos = ln.start
    for m in seps:
        crumbs.append((pos, m.start()))
        pos = m.end()
    crumbs.append((pos, ln.end))
    if any(a >= b for a, b in crumbs):
        return
    if len({m.group().strip() for m in seps}) > 1:
        return                                   # a trail uses one separator throughout
    first_bare = _bare(text[crumbs[0][0]:crumbs[0][1]])
    home_first = first_bare in _HOME
    lead = crumbs[:-1]
    lead_words = [_words(text[a:b]) for a, b in lead]
    if any(w > 5 for w in lead_words):
        return
    if not home_first:
        if not strong or len(crumbs) < 3:
            return
        if not head and len(seps) < 3:
            return
    la, lb = crumbs[-1]
    last_words = _words(text[la:lb])
    ln.kind, ln.reason = "boilerplate", "breadcrumb-trail"
    ln.crumb_lead_end = seps[-1].end()
    if last_words >= 5 or lb - la >= 30:
        ln.crumb = (la, lb)                      # the last crumb is the article title


def _share_bar(ln: _Line) -> bool:
    toks = ln.bare.split()
    if not toks or len(toks) > 14:
        return False
    if not any(t in _SHARE_CORE for t in toks):
        return False
    return all(t in _SOCIAL or t in _SHARE_FILLER for t in toks)


def _nav_only(ln: _Line, nav: Rule) -> bool:
    """A menu line: several navigation words and nothing else (e.g. 'الرئيسية أخبار اتصل بنا')."""
    if ln.nwords > 12 or ln.nwords < 2:
        return False
    rest = f" {ln.bare} "
    hits = 0
    for p in sorted(nav._exact, key=len, reverse=True):
        if f" {p} " in rest:
            hits += rest.count(f" {p} ")
            rest = rest.replace(f" {p} ", " ")
    return hits >= 2 and not rest.strip()


def find_zones(text: str) -> list[Zone]:
    """Classify the non-blank lines of `text` into title/breadcrumb/subhead/body/boilerplate."""
    lines: list[_Line] = []
    for a, b in _split_lines(text):
        raw = text[a:b]
        bare = _bare(raw)
        lines.append(_Line(a, b, raw, bare, _words(raw)))
    if not lines:
        return []

    # a Latin-script line in an Arabic page (letters are counted only where Latin ones occur;
    # the lines hold every letter of the text, so the page's counts are the text's)
    has_latin = [_LATIN_LETTER.search(ln.raw) is not None for ln in lines]
    arabic_doc = not any(has_latin) or \
        len(_ARABIC_LETTER.findall(text)) >= len(_LATIN_LETTER.findall(text))
    for ln, latin in zip(lines, has_latin):
        ln.is_date = _is_date_line(ln.raw, ln.nwords)
        ln.latin = arabic_doc and latin \
            and len(_LATIN_LETTER.findall(ln.raw)) >= 2 * len(_ARABIC_LETTER.findall(ln.raw))

    # 1. breadcrumbs (head region: before the first substantial paragraph)
    first_long = next((i for i, ln in enumerate(lines) if ln.long_para and ln.crumb is None
                       and not _CRUMB_SEP.search(ln.raw)), len(lines))
    for i, ln in enumerate(lines):
        _breadcrumb(text, ln, head=i <= first_long)
        if ln.reason == "breadcrumb-trail" and ln.crumb is None:
            # a short last crumb is still the title when the page repeats it as a line
            last = text[ln.crumb_lead_end:ln.end]
            lb = _bare(last)
            if _words(last) >= 3 and any(o.bare == lb for o in lines[i + 1:i + 6]):
                ln.crumb = (ln.crumb_lead_end, ln.end)

    # 2. phrase rules, share bars, menus
    nav_rule = next(r for r in RULES if r.reason == "navigation")
    single = len(lines) == 1
    for ln in lines:
        if ln.kind == "boilerplate":
            continue
        if single and ln.long_para:
            break                                   # plain running text: nothing to drop
        for rule in RULES:
            if rule.match(ln.bare, ln.raw, ln.nwords):
                ln.kind, ln.reason = "boilerplate", rule.reason
                break
        else:
            if _share_bar(ln):
                ln.kind, ln.reason = "boilerplate", "share-bar"
            elif _nav_only(ln, nav_rule):
                ln.kind, ln.reason = "boilerplate", "navigation"

    # 3. page tail: a related/comment marker not followed by substantial body text
    body_chars = [0] * (len(lines) + 1)         # suffix sums of content chars
    long_after = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        c = ln.end - ln.start if ln.kind == "body" else 0
        body_chars[i] = body_chars[i + 1] + c
        long_after[i] = long_after[i + 1] + (1 if ln.kind == "body" and ln.long_para else 0)
    total_body = body_chars[0]
    for i, ln in enumerate(lines):
        if ln.kind != "boilerplate" or ln.reason not in _TAIL_REASONS:
            continue
        before = total_body - body_chars[i]
        after = body_chars[i + 1]
        if before == 0:
            continue                                # nothing read yet: a header widget
        if long_after[i + 1] < 2 or (ln.reason == "comment-form" and after < before):
            for later in lines[i + 1:]:
                if later.kind != "boilerplate":
                    later.kind, later.reason = "boilerplate", "page-tail"
            break

    # 4. trailing furniture after the last substantial paragraph
    last_long = max((i for i, ln in enumerate(lines) if ln.kind == "body" and ln.long_para),
                    default=None)
    if last_long is not None:
        for ln in lines[last_long + 1:]:
            if ln.kind != "body" or ln.is_date:
                continue
            if ln.latin:
                ln.kind, ln.reason = "boilerplate", "latin"
            elif ln.nwords <= 5 and not _ends_terminal(ln.raw):
                ln.kind, ln.reason = "boilerplate", "trailing-short"
        # mostly-Latin lines in the page head (menus, logos) before any content
        for ln in lines[:last_long]:
            if ln.kind == "body" and ln.latin and ln.nwords <= 8:
                ln.kind, ln.reason = "boilerplate", "latin"
            elif ln.kind == "body":
                break

    # 5. title and subheads
    content = [ln for ln in lines if ln.kind == "body"]
    crumb_bare = None
    for ln in lines:
        if ln.crumb is not None:
            crumb_bare = _bare(text[ln.crumb[0]:ln.crumb[1]])
            break
    title: _Line | None = None
    if len(content) >= 2:
        if crumb_bare:
            title = next((ln for ln in content[:5] if ln.bare == crumb_bare), None)
        if title is None:
            for ln in content[:3]:
                if ln.is_date or ln.nwords < 2 or ln.latin:
                    continue
                tail = ln.raw.rstrip(_SPACE + _CLOSERS)
                if ln.nwords <= 25 and (not tail.endswith(".") or tail.endswith("..")):
                    title = ln
                break                               # first substantial line decides
        if title is content[-1]:
            title = None
    if title is not None:
        title.kind = "title"
        ti = content.index(title)
        for j in range(ti + 1, len(content) - 1):
            ln = content[j]
            nxt = content[j + 1]
            if ln.nwords <= 12 and not _ends_terminal(ln.raw) and not ln.is_date \
                    and nxt.kind == "body" and (nxt.long_para or _ends_terminal(nxt.raw)):
                ln.kind = "subhead"

    # 6. zones
    zones: list[Zone] = []
    for ln in lines:
        if ln.crumb is not None:
            lead_end = ln.crumb_lead_end
            while lead_end > ln.start and text[lead_end - 1].isspace():
                lead_end -= 1
            zones.append(Zone(ln.start, lead_end, "boilerplate", "breadcrumb-trail"))
            zones.append(Zone(ln.crumb[0], ln.crumb[1], "breadcrumb"))
        else:
            zones.append(Zone(ln.start, ln.end, ln.kind, ln.reason))
    return zones
