"""``accord names compare|score`` and ``accord eval names``."""

from __future__ import annotations

import csv
from dataclasses import asdict
from pathlib import Path

import typer
from rich import box
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.groups import bench_app, eval_app
from accord.errors import InputError
from accord.names import DEFAULT_THRESHOLD, compare
from accord.names.evaluate import SPLITS, EvalReport, Measures, evaluate
from accord.names.timing import measure_speed

__all__ = ["app"]

app = typer.Typer(
    help="Compare person names across scripts and romanizations (Cyrillic, Latin, Arabic...).",
    no_args_is_help=True,
)

_REQUIRED = ("name_a", "name_b")


@app.command("compare")
@handle_errors
def compare_names(
    name_a: str = typer.Argument(..., help="The first name, in any script."),
    name_b: str = typer.Argument(..., help="The second name, in any script."),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Compare two names: score (0..1), match and the reasons in words."""
    result = compare(name_a, name_b)
    if json_output:
        print_json(
            {
                "name_a": name_a,
                "name_b": name_b,
                "score": result.score,
                "match": result.match,
                "reasons": list(result.reasons),
            }
        )
        return
    verdict = "[green]match[/]" if result.match else "[red]no match[/]"
    console.print(f"score {result.score:.4f}  {verdict}  (threshold {DEFAULT_THRESHOLD})")
    for reason in result.reasons:
        console.print(f"  - {reason}", highlight=False)


def _read_pairs(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file", hint="Give the path of a CSV file of name pairs.")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = list(reader.fieldnames or [])
            missing = [c for c in _REQUIRED if c not in columns]
            if missing:
                raise InputError(
                    f"{path}: missing column {', '.join(missing)}",
                    hint="The first row must name the columns name_a and name_b; "
                    "other columns are kept in the output.",
                )
            rows = [{k: v or "" for k, v in row.items() if k is not None} for row in reader]
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte {exc.start})", hint="Save the file as UTF-8 CSV."
        ) from exc
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV file ({exc})") from exc
    return columns, rows


@app.command("score")
@handle_errors
def score_pairs(
    pairs: Path = typer.Argument(..., help="CSV with at least the columns name_a and name_b."),
    out: Path = typer.Option(..., "--out", help="Where to write the scored CSV."),
) -> None:
    """Score every pair of a CSV file; the output adds the columns score and match."""
    columns, rows = _read_pairs(pairs)
    fields = columns + [c for c in ("score", "match") if c not in columns]
    matches = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            result = compare(row["name_a"], row["name_b"])
            matches += result.match
            writer.writerow(
                {
                    **row,
                    "score": f"{result.score:.4f}",
                    "match": "true" if result.match else "false",
                }
            )
    console.print(f"Scored {len(rows)} pairs, {matches} matches: {out}", highlight=False)


def _measures_dict(m: Measures) -> dict[str, float]:
    return {
        "precision": round(m.precision, 4),
        "recall": round(m.recall, 4),
        "f1": round(m.f1, 4),
        "average_precision": round(m.average_precision, 4),
        "threshold": round(m.threshold, 4),
    }


def _report_dict(report: EvalReport) -> dict[str, object]:
    return {
        "split": report.split,
        "pairs": report.pairs,
        "positives": report.positives,
        "accord": _measures_dict(report.accord),
        "accord_unknown_names": {
            "method": "each pair's names withheld from the lexicon",
            **_measures_dict(report.unknown),
        },
        "baseline": {
            "method": "Jaro-Winkler on ASCII-folded names, best threshold",
            **_measures_dict(report.baseline),
        },
        "categories": [
            {
                "category": c.category,
                "pairs": c.pairs,
                "label": c.label,
                "accord_accuracy": round(c.accuracy, 4),
                "accord": _measures_dict(c.accord),
                "accord_unknown_names_accuracy": round(c.unknown_accuracy, 4),
                "baseline_accuracy": round(c.baseline_accuracy, 4),
                "baseline": _measures_dict(c.baseline),
            }
            for c in report.categories
        ],
    }


def _print_report(report: EvalReport) -> None:
    console.print(
        f"Split {report.split}: {report.pairs} pairs, {report.positives} matches", style="bold"
    )
    summary = Table(box=box.SIMPLE, padding=(0, 1))
    for column in ("", "threshold", "precision", "recall", "F1", "avg precision"):
        summary.add_column(column, justify="right" if column else "left")
    rows = (
        ("Accord", report.accord),
        ("Accord, names unknown", report.unknown),
        ("Baseline", report.baseline),
    )
    for label, m in rows:
        summary.add_row(
            label,
            f"{m.threshold:.3f}",
            f"{m.precision:.3f}",
            f"{m.recall:.3f}",
            f"{m.f1:.3f}",
            f"{m.average_precision:.3f}",
        )
    console.print(summary)
    table = Table(box=box.SIMPLE, padding=(0, 1))
    columns = ("category", "y", "n", "acc", "P", "R", "F1", "AP", "u.acc", "b.acc", "b.F1", "b.AP")
    for column in columns:
        table.add_column(column, justify="left" if column == "category" else "right")
    for c in report.categories:
        a, b = c.accord, c.baseline
        table.add_row(
            c.category,
            str(c.label),
            str(c.pairs),
            f"{c.accuracy:.3f}",
            f"{a.precision:.3f}",
            f"{a.recall:.3f}",
            f"{a.f1:.3f}",
            f"{a.average_precision:.3f}",
            f"{c.unknown_accuracy:.3f}",
            f"{c.baseline_accuracy:.3f}",
            f"{b.f1:.3f}",
            f"{b.average_precision:.3f}",
        )
    console.print(table)
    console.print(
        "Baseline: Jaro-Winkler on ASCII-folded names at its best threshold for this split. "
        "Per category, y is the label (1 match, 0 non-match); P/R/F1/AP take the category's "
        "pairs against every pair of the other class; acc is the share of its own pairs decided "
        'right; b. = baseline. "Names unknown" (u.) scores each pair with every name it '
        "spells withheld from the lexicon of known names: Accord on names it does not know.",
        highlight=False,
    )


@eval_app.command("names")
@handle_errors
def eval_names(
    split: str = typer.Option("dev", "--split", help="dev, heldout or all."),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Precision, recall, F1 and average precision of name matching, beside a baseline."""
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}", hint=f"Use one of: {', '.join(SPLITS)}.")
    report = evaluate(split)
    if json_output:
        print_json(_report_dict(report))
    else:
        _print_report(report)


@bench_app.command("names")
@handle_errors
def bench_names(
    repeat: int = typer.Option(3, "--repeat", min=1, help="Runs per step; the best is kept."),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Microseconds per name comparison, beside Jaro-Winkler timed in the same run."""
    report = measure_speed(repeat)
    rows = [
        ("normalise one name (tokens, readings, known names)", report.normalise_name_us),
        ("compare a new pair, names already normalised", report.compare_us),
        ("score only (no reasons), names already normalised", report.score_only_us),
        ("compare a pair seen before (cached)", report.compare_repeat_us),
        ("baseline: Jaro-Winkler on ASCII-folded names", report.baseline_us),
    ]
    if json_output:
        figures = {k: round(v, 2) for k, v in asdict(report).items() if k.endswith("_us")}
        print_json({"pairs": report.pairs, "repeat": repeat, **figures})
        return
    table = Table(box=box.SIMPLE, padding=(0, 1), title=f"{report.pairs} pairs, best of {repeat}")
    table.add_column("step")
    table.add_column("µs per call", justify="right")
    for label, value in rows:
        table.add_row(label, f"{value:.1f}")
    console.print(table)


from accord.cli.registry import app as root  # noqa: E402  (attach to the root app)

root.add_typer(app, name="names")
