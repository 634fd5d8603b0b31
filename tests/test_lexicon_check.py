"""The lexicon checker: the shipped data is clean, and each check fires on a small bad lexicon."""

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hudhud.cli import app
from hudhud.lexicon import check as checker
from hudhud.lexicon.check import ERROR, WARNING, check, main, read_codes, read_table


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv("HUDHUD_LEXICON_PATH", raising=False)


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def problems_in(root: Path, files: dict[str, str]):
    write(root, files)
    return [p for p in check([root]) if str(root) in p.file]


def has(problems, level, *words):
    return [p for p in problems if p.level == level and all(w in p.message for w in words)]


# --- shipped data -------------------------------------------------------------------------
def test_shipped_data_has_no_errors():
    errors = [str(p) for p in check() if p.level == ERROR]
    assert errors == []


def test_shipped_tables():
    table = read_table()
    assert table["041"] == ("CONSULT", "phone")
    assert table["141"] == ("PROTEST", "demo")
    assert table["163"][0] == "COERCE"
    assert table["040"] == ("CONSULT", "")
    assert all(len(code) in (2, 3, 4) and code.isdigit() for code in table)
    countries, agents = read_codes([checker.CODES_FILE])
    assert {"IRN", "USA", "PSE", "IMG", "ARB"} <= countries
    assert {"GOV", "MIL", "REB", "IGO", "NGO", "CVL", "ELI"} <= agents
    assert "XYZ" not in countries and "FOO" not in agents


# --- each check on a small bad lexicon ----------------------------------------------------
def test_clean_extra_folder(tmp_path):
    found = problems_in(tmp_path, {
        "agents.yaml": "- {id: group.farmers, kind: group, agent: AGR, names: [المزارعون]}\n",
        "actors/people.yaml": """\
            - id: test_person
              names: [فلان الفلاني]
              roles:
                - {country: NOR, agent: GOV, office: prime_minister, from: 2001-01-01, to: 2005-01-01}
                - {country: NOR, agent: ELI, from: 2005-01-02}
            """,
        "verbs/extra.yaml": """\
            - id: test.praise
              type: SUPPORT
              cameo: "051"
              verbs: [مدح/يمدح]
              target: {preps: [ب], object: true}
            """,
    })
    assert found == []


def test_wrong_cameo_type_pairing(tmp_path):
    found = problems_in(tmp_path, {"verbs/v.yaml": """\
        - {id: t.wrong, type: PROTEST, cameo: "041", verbs: [فعل/يفعل]}
        - {id: t.unknown, type: CONSULT, cameo: "999", verbs: [فعل/يفعل]}
        - {id: t.mode, type: CONSULT, mode: visit, cameo: "041", verbs: [فعل/يفعل]}
        - {id: t.badtype, type: PARTY, cameo: "040", verbs: [فعل/يفعل]}
        - {id: t.nocameo, type: CONSULT, verbs: [فعل/يفعل]}
        - {id: t.speech, type: SPEECH, verbs: [حكى/يحكي]}
        """})
    assert has(found, ERROR, "PROTEST", "041", "CONSULT")[0].entry == "t.wrong"
    assert has(found, ERROR, "999")[0].entry == "t.unknown"
    mode = has(found, WARNING, "visit", "phone")
    assert mode and mode[0].entry == "t.mode" and not [p for p in found if p.entry == "t.mode"
                                                        and p.level == ERROR]
    assert has(found, ERROR, "PARTY")
    assert has(found, ERROR, "missing `cameo`")[0].entry == "t.nocameo"
    assert not [p for p in found if p.entry == "t.speech"]
    assert found[0].line is not None


def test_unquoted_cameo(tmp_path):
    found = problems_in(tmp_path, {"verbs/v.yaml": """\
        - {id: t.int, type: ASSAULT, cameo: 190, verbs: [فعل/يفعل]}
        - {id: t.octal, type: CONSULT, cameo: 041, verbs: [فعل/يفعل]}
        """})
    assert has(found, WARNING, "quoted")
    assert not [p for p in found if p.entry == "t.int" and p.level == ERROR]
    assert [p for p in found if p.entry == "t.octal" and p.level == ERROR]  # YAML reads 041 as 33


def test_role_frames_and_fields(tmp_path):
    found = problems_in(tmp_path, {"verbs/v.yaml": """\
        - id: t.frame
          type: CONSULT
          cameo: "040"
          verbs: [فعل/يفعل]
          target: {preps: [مع], objekt: true}
          source: {speaker: "yes"}
          require: [source, victim]
          colour: red
        - {id: t.empty, type: CONSULT, cameo: "040"}
        - {type: CONSULT, cameo: "040", verbs: [فعل/يفعل]}
        - {id: t.slashes, type: CONSULT, cameo: "040", verbs: [فعل/يفعل/فاعل]}
        """})
    assert has(found, ERROR, "objekt")
    assert has(found, ERROR, "source.speaker")
    assert has(found, ERROR, "require")
    assert has(found, WARNING, "colour")
    assert has(found, ERROR, "no surface forms")[0].entry == "t.empty"
    assert has(found, ERROR, "missing or empty `id`")
    assert has(found, ERROR, "more than one /")


def test_overlapping_roles(tmp_path):
    found = problems_in(tmp_path, {"actors/people.yaml": """\
        - id: p.one
          names: [زيد عمرو]
          roles:
            - {country: NOR, agent: GOV, office: president, from: 2010-01-01, to: 2015-01-01}
            - {country: NOR, agent: GOV, office: president, from: 2014-06-01}
        - id: p.two
          names: [بكر خالد]
          roles:
            - {country: NOR, agent: GOV, office: president, from: 2016-01-01, to: 2012-01-01}
        - id: p.three
          names: [سعيد سالم]
          roles:
            - {country: SWE, agent: GOV, office: president, from: 2010-01-01, to: 2014-12-31}
        - id: p.four
          names: [وليد ماجد]
          roles:
            - {country: SWE, agent: GOV, office: president, from: 2014-06-01}
            - {country: SWE, agent: GOV, from: "2012-02-30"}
        """})
    overlap = has(found, ERROR, "overlapping", "president")
    assert overlap and overlap[0].entry == "p.one" and "2014-06-01 – 2015-01-01" in overlap[0].message
    assert has(found, ERROR, "is after")[0].entry == "p.two"
    two = has(found, WARNING, "same time", "p.three")
    assert two and two[0].entry == "p.four" and "SWE" in two[0].message
    assert has(found, ERROR, "2012-02-30")
    # p.one holds one office twice: an error about itself, not a two-holders warning
    assert not has(found, WARNING, "same time as p.one")


def test_invalid_codes(tmp_path):
    found = problems_in(tmp_path, {
        "countries.yaml": """\
            - {code: XYZ, names: [بلاد الواق واق]}
            - {code: NOR}
            """,
        "agents.yaml": """\
            - {id: group.pirates, kind: group, agent: PIR, names: [القراصنة]}
            - {id: group.aliens, kind: group, agent: CVL, country: MARS, names: [الفضائيون]}
            - {id: group.nothing, kind: group, agent: CVL}
            """,
        "actors/orgs.yaml": """\
            - {id: org.bad, type: organisation, country: NOR, agent: XXX, names: [منظمة ما], parent: org.nowhere}
            - id: p.bad
              names: [زيد عمرو]
              roles:
                - {country: ZZZ, agent: GOV, org: org.none}
            """,
    })
    assert has(found, ERROR, "'XYZ'", "country code")
    assert has(found, ERROR, "missing `names`")
    assert has(found, ERROR, "'PIR'", "agent code")[0].entry == "group.pirates"
    assert has(found, ERROR, "'MARS'")
    assert has(found, ERROR, "needs `names` or `nouns`")[0].entry == "group.nothing"
    assert has(found, ERROR, "'XXX'")[0].entry == "org.bad"
    assert has(found, ERROR, "role #1: country", "'ZZZ'")[0].entry == "p.bad"
    assert has(found, WARNING, "parent", "org.nowhere")
    assert has(found, WARNING, "org", "org.none")


def test_duplicate_ids(tmp_path):
    found = problems_in(tmp_path, {
        "verbs/a.yaml": "- {id: consult.meet, type: CONSULT, cameo: \"040\", verbs: [فعل/يفعل]}\n",
        "verbs/b.yaml": """\
            - {id: t.twice, type: CONSULT, cameo: "040", verbs: [فعل/يفعل]}
            - {id: t.twice, type: CONSULT, cameo: "040", verbs: [عمل/يعمل]}
            """,
        "countries.yaml": "- {code: IRN, names: [بلاد فارس]}\n",
        "actors/x.yaml": "- {id: group.army, type: organisation, agent: MIL, names: [جيش ما]}\n",
    })
    dup = has(found, ERROR, "duplicate")
    # (a country code of the package in an analyst's folder extends it: not a duplicate)
    assert {p.entry for p in dup} == {"consult.meet", "t.twice", "group.army"}
    assert all("first at" in p.message for p in dup)


def test_conflicting_and_empty_names(tmp_path):
    found = problems_in(tmp_path, {
        "actors/orgs.yaml": """\
            - {id: org.a, type: organisation, country: NOR, agent: REB, names: [الجبهة الشعبية]}
            - {id: org.b, type: organisation, country: SWE, agent: PTY, names: [الجبهة الشعبيّة]}
            - {id: org.c, type: organisation, country: NOR, agent: REB, names: [جبهة ما, جبهة ما, "َ"]}
            - {id: org.d, type: organisation, country: NOR, agent: REB, names: [حماس]}
            """,
        "grammar.yaml": "negators: [\"ُ\"]\ninventions: [كلمة]\n",
    })
    conflict = has(found, WARNING, "also names")
    assert conflict and conflict[0].entry == "org.b" and "org.a" in conflict[0].message
    assert has(found, WARNING, "listed twice")[0].entry == "org.c"
    assert has(found, ERROR, "empty once normalised")[0].entry == "org.c"
    assert has(found, WARNING, "also names hamas")  # against the package data
    assert has(found, ERROR, "empty once normalised", ) and [p for p in found if p.entry == "negators"]
    assert has(found, WARNING, "no rule reads it")[0].entry == "inventions"


def test_yaml_errors(tmp_path):
    found = problems_in(tmp_path, {
        "verbs/broken.yaml": "- id: t.broken\n  type: [CONSULT\n",
        "actors/map.yaml": "id: not_a_list\n",
    })
    broken = has(found, ERROR, "does not parse")
    assert broken and broken[0].line
    assert has(found, ERROR, "must be a YAML list")


# --- entry points -------------------------------------------------------------------------
@pytest.fixture
def package(tmp_path, monkeypatch):
    """A tiny stand-in for the package data folder, so exit codes don't depend on the real data."""
    root = write(tmp_path / "pkg", {
        "countries.yaml": "- {code: NOR, names: [النرويج]}\n",
        "verbs/v.yaml": "- {id: t.meet, type: CONSULT, cameo: \"040\", verbs: [التقى/يلتقي]}\n",
    })
    monkeypatch.setattr(checker, "DATA_DIR", root)
    return root


def test_main_exit_codes(tmp_path, package, capsys):
    good = write(tmp_path / "good", {"countries.yaml": "- {code: SWE, names: [السويد]}\n"})
    assert main([str(good)]) == 0
    warn = write(tmp_path / "warn", {"countries.yaml": "- {code: DNK, names: [الدنمارك, الدنمارك]}\n"})
    assert main(["--extra", str(warn)]) == 0
    assert "listed twice" in capsys.readouterr().out
    bad = write(tmp_path / "bad", {"countries.yaml": "- {code: DNKX, names: [الدنمارك]}\n"})
    assert main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert "DNKX" in out and "FAILED" in out


def test_env_folder_is_checked(tmp_path, package, monkeypatch):
    bad = write(tmp_path / "env", {"agents.yaml": "- {id: g.x, kind: group, agent: QQQ, names: [ناس]}\n"})
    monkeypatch.setenv("HUDHUD_LEXICON_PATH", str(bad))
    assert has(check(), ERROR, "QQQ")
    assert not has(check(use_env=False), ERROR, "QQQ")


def test_cli_extra(tmp_path, package):
    bad = write(tmp_path / "bad", {"verbs/v.yaml": "- {id: t.x, type: ASSAULT, cameo: \"041\", verbs: [فعل/يفعل]}\n"})
    r = CliRunner().invoke(app, ["lexicon", "check", "--extra", str(bad)])
    assert r.exit_code == 1 and "t.x" in r.output
    r = CliRunner().invoke(app, ["lexicon", "check"])
    assert r.exit_code == 0 and "OK" in r.output


def test_extra_folder_may_add_names_to_a_shipped_country(tmp_path):
    found = problems_in(tmp_path, {
        "countries.yaml": "- {code: EGY, names: [أرض الكنانة], nisba: [كناني]}\n",
    })
    assert not has(found, ERROR, "duplicate")
    from hudhud.lexicon import load_lexicon
    lex = load_lexicon([tmp_path])
    assert any(f.entry.id == "country.EGY" for f in lex.index.get("ارض", []))
    assert any(f.entry.id == "country.EGY" for f in lex.index.get("مصر", []))


def test_grammar_words_do_not_hide_triggers_or_names_in_the_text():
    # a word class may list a word with its article (guard_background: المسؤولين); the tokeniser
    # still splits it, so the protest noun and the officials' title match in the text
    import hudhud
    doc = hudhud.code_text("وتواصلت الاحتجاجات في البصرة لليوم الثالث.", date="2019-10-03")
    tokens = [t for t in doc.tokens if t.norm == "الاحتجاجات"]
    assert tokens and tokens[0].stem == "احتجاجات" and "ال" in tokens[0].prefixes
    doc = hudhud.code_text("وأكد المسؤولين الأمريكيين أن المحادثات مستمرة.", date="2019-10-03")
    assert any(m.actor.country == "USA" and m.actor.agent == "GOV" for m in doc.mentions)
