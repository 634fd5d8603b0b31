import json

from typer.testing import CliRunner

from hudhud.cli import app


def test_actors_unknown_lists_unresolved_names(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("قال وزير الخارجية الأردني فاضل الحوراني إن بلاده ترفض القرار.\n"
                   "وأكد وزير الخارجية الأردني فاضل الحوراني موقف بلاده.\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(src), "--db", str(db), "--no-progress"]).exit_code == 0
    res = runner.invoke(app, ["actors", "unknown", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert rows[0]["name"] == "فاضل الحوراني" and rows[0]["mentions"] == 2
    assert (rows[0]["country"], rows[0]["agent"]) == ("JOR", "GOV")
