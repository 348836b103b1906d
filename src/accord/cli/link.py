"""``accord link``, ``accord identity ...``, ``accord eval link`` and ``accord bench link``."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer
from rich.table import Table

from accord.cli.common import console, handle_errors, print_json
from accord.cli.context import acting_user, services
from accord.cli.groups import bench_app, eval_app
from accord.errors import InputError
from accord.linkage.engine import LinkOptions

__all__ = ["identity_app", "link_command"]

identity_app = typer.Typer(
    help="Identities found by the linkage: show one as you may see it, confirm or split it.",
    no_args_is_help=True,
)

#: The development scenario (read while building the model) and the held-out one (never read).
DEV_SEED, HELDOUT_SEED = 2025, 7

_Threshold = Annotated[
    float, typer.Option(help="Match probability at which two records are linked.", min=0.5, max=1.0)
]


def _cluster_ids(anchors: pl.Series) -> pl.Series:
    """A short stable id per identity, from the record id of its first record."""
    table = {
        a: "C-" + hashlib.blake2b(a.encode(), digest_size=8).hexdigest() for a in anchors.unique()
    }
    return anchors.replace_strict(table, return_dtype=pl.Utf8)


def _summary(report: dict[str, Any]) -> None:
    blocking = report.get("blocking") or {}
    values = report.get("input") or {}
    console.print(
        f"{report['records']:,} records -> {report['identities']:,} identities "
        f"({report['identities_with_several_records']:,} with several records, the largest "
        f"{report['largest_identity']}).",
        highlight=False,
    )
    console.print(
        f"Candidate pairs {blocking.get('pairs', 0):,}; {blocking.get('capped_blocks', 0):,} "
        f"very common keys capped ({blocking.get('pairs_left_out', 0):,} pairs left out); "
        f"{report['links']:,} links at the threshold, {report['links_refused']:,} refused by a "
        "contradiction or a judgement.",
        highlight=False,
    )
    console.print(
        f"Values read as unknown: {values.get('dates_unreadable', 0)} dates; "
        f"{values.get('dates_repaired', 0)} impossible dates kept as their year; "
        f"{values.get('no_name', 0)} records without a name (compared on their other fields).",
        highlight=False,
    )


def link_command(
    inputs: Annotated[
        list[Path] | None, typer.Argument(help="CSV link inputs (see docs/linkage.md).")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Where to write record_id,cluster_id.")
    ] = None,
    from_store: Annotated[
        bool, typer.Option("--from-store", help="Link the stored Person records instead.")
    ] = False,
    purpose: Annotated[
        str, typer.Option(help="Declared purpose of the store job.")
    ] = "serious-crime",
    participants: Annotated[
        str | None, typer.Option(help="Only these participants (comma-separated), store job.")
    ] = None,
    threshold: _Threshold = 0.98,
    evidence: Annotated[
        bool, typer.Option("--evidence", help="Add linked_to, match_probability and evidence.")
    ] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Link records into identities: from CSV files (`--out`), or the store (`--from-store`)."""
    options = LinkOptions(threshold=threshold)
    if from_store:
        if inputs:
            raise InputError("Give either input files or --from-store, not both.")
        from accord.services.identities import IdentityDesk

        scope = [p.strip() for p in participants.split(",") if p.strip()] if participants else None
        with services() as svc:
            report = IdentityDesk(svc).run_linkage(purpose, scope, options)
        if json_output:
            print_json(report.to_dict())
            return
        console.print(
            f"Run {report.run_id} as system:linkage for {report.purpose}: {report.records:,} "
            f"records -> {report.identities:,} identities "
            f"({report.identities_with_several_records:,} with several records); "
            f"changes {report.changes['total']:,} "
            f"(+{report.changes['inserted']:,} ~{report.changes['updated']:,} "
            f"-{report.changes['removed']:,}) in {report.seconds} s.",
            highlight=False,
        )
        return
    if not inputs:
        raise InputError("No input file given.", hint="accord link INPUT.csv --out CLUSTERS.csv")
    if out is None:
        raise InputError("No output file given.", hint="Add --out CLUSTERS.csv.")
    from accord.linkage.engine import link_records
    from accord.linkage.inputs import read_link_csv

    frame = read_link_csv(inputs)
    result = link_records(frame, options)
    members = result.members.with_columns(cluster_id=_cluster_ids(result.members["anchor"]))
    columns = ["record_id", "cluster_id"]
    if evidence:
        columns += ["linked_to", "match_probability", "evidence"]
    try:
        members.select(columns).write_csv(out)
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror})") from exc
    summary = {k: v for k, v in result.report.items() if k != "model"}
    if json_output:
        print_json({"out": str(out), **summary})
        return
    _summary(summary)
    console.print(f"Written: {out}", highlight=False)


def _view(view: Any, json_output: bool) -> None:
    if json_output:
        print_json(view.to_dict())
        return
    console.print(f"Identity {view.id} ({view.status})", style="bold", highlight=False)
    table = Table(
        "record", "participant", "authority", "name", "born", "linked to", "p", "evidence"
    )
    for member in view.members:
        props = member.properties
        reasons = "; ".join(
            f"{e['field']}: {e['level']} ({e.get('weight', '')})" for e in member.evidence
        )
        table.add_row(
            member.record_id, member.participant, member.authority, member.caption,
            ", ".join(props.get("birthDate", [])), member.linked_to or "",
            f"{member.match_probability:.3f}" if member.match_probability is not None else "",
            reasons,
        )  # fmt: skip
    console.print(table)


_User = Annotated[str, typer.Option("--user", help="The Accord user on whose behalf to read.")]
_Purpose = Annotated[str, typer.Option("--purpose", help="Purpose of the processing.")]
_Json = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


@identity_app.command("show")
@handle_errors
def show_identity(
    identity_id: Annotated[str, typer.Argument(help="The identity's id (ID-...).")],
    user: _User,
    purpose: _Purpose,
    json_output: _Json = False,
) -> None:
    """An identity as the user may see it: only members they may see, no counts."""
    from accord.services.identities import IdentityDesk

    with services() as svc:
        view = IdentityDesk(svc).show(acting_user(svc, user), purpose, identity_id)
    _view(view, json_output)


@identity_app.command("of")
@handle_errors
def identity_of_record(
    record_id: Annotated[str, typer.Argument(help="A record the user may see.")],
    user: _User,
    purpose: _Purpose,
    json_output: _Json = False,
) -> None:
    """The identity of a record, as the user may see it."""
    from accord.services.identities import IdentityDesk

    with services() as svc:
        view = IdentityDesk(svc).identity_of(acting_user(svc, user), purpose, record_id)
    _view(view, json_output)


@identity_app.command("confirm")
@handle_errors
def confirm_identity(
    identity_id: Annotated[str, typer.Argument(help="The identity to confirm.")],
    user: _User,
    purpose: _Purpose,
    reason: Annotated[str, typer.Option(help="Why (kept with the judgement).")] = "",
    json_output: _Json = False,
) -> None:
    """Confirm an identity (analysts): the members you see stay together in later runs."""
    from accord.services.identities import IdentityDesk

    with services() as svc:
        view = IdentityDesk(svc).confirm(acting_user(svc, user), purpose, identity_id, reason)
    _view(view, json_output)


@identity_app.command("split")
@handle_errors
def split_identity(
    identity_id: Annotated[str, typer.Argument(help="The identity to split.")],
    record_id: Annotated[str, typer.Argument(help="The member to take out.")],
    user: _User,
    purpose: _Purpose,
    reason: Annotated[str, typer.Option(help="Why (kept with the judgement).")] = "",
    json_output: _Json = False,
) -> None:
    """Split a member out into its own identity (analysts); never linked back again."""
    from accord.services.identities import IdentityDesk

    with services() as svc:
        new_id, view = IdentityDesk(svc).split(
            acting_user(svc, user), purpose, identity_id, record_id, reason
        )
    if json_output:
        print_json({"new_identity": new_id, "identity": view.to_dict()})
        return
    console.print(f"{record_id} is now identity {new_id}.", highlight=False)
    _view(view, False)


def _evaluate(
    seeds: list[int], scale: int, options: LinkOptions, baseline: bool
) -> list[dict[str, Any]]:
    from accord.linkage.evaluate import evaluate_region
    from accord.scenario import generate

    with tempfile.TemporaryDirectory(prefix="accord-link-") as tmp:
        # every region is generated before any is linked: the generator forks worker
        # processes, and a fork after the linkage has started DuckDB's and polars' threads
        # can crash the workers
        folders = [Path(tmp) / f"region-{seed}" for seed in seeds]
        for seed, folder in zip(seeds, folders, strict=True):
            generate(seed, scale, folder, progress=False)
        return [
            {"seed": seed, "scale": scale, **evaluate_region(folder, options, baseline=baseline)}
            for seed, folder in zip(seeds, folders, strict=True)
        ]


def _print_eval(name: str, report: dict[str, Any]) -> None:
    console.print(
        f"{name} (seed {report['seed']}): {report['records']:,} records of {report['persons']:,} "
        f"persons, {report['true_pairs']:,} true pairs, {len(report['participants'])} participants",
        style="bold",
        highlight=False,
    )
    table = Table(
        "", "P", "R", "F1", "B³ P", "B³ R", "B³ F1", "s", "CPU s", "MB",
        title="pairwise and B-cubed (B³) precision, recall, F1; seconds; CPU seconds; peak MB",
    )  # fmt: skip
    for label in ("accord", "baseline"):
        if label not in report:
            continue
        figures = report[label]
        pw, bc = figures["scores"]["pairwise"], figures["scores"]["bcubed"]
        table.add_row(
            label.capitalize(),
            *(f"{pw[k]:.4f}" for k in ("precision", "recall", "f1")),
            *(f"{bc[k]:.4f}" for k in ("precision", "recall", "f1")),
            f"{figures['seconds']}", f"{figures['cpu_seconds']}", f"{figures['peak_mb']}",
        )  # fmt: skip
    console.print(table)


def _save_parameters(report: dict[str, Any], path: Path) -> None:
    from accord.linkage.parameters import retrained_parameters, write_parameters

    model = report["accord"]["details"].get("model") or {}
    if not model.get("parameters"):
        raise InputError(
            f"The region of seed {report['seed']} was too small to train on.",
            hint="Use --scale 100000.",
        )
    about = (
        "Starting (and, for inputs too small to train on, final) m and u of each level: the "
        f"model trained on the scenario of seed {report['seed']} ({report['records']:,} "
        "records; `accord eval link --save-parameters`). The m of nationality and of phone is kept "
        "as shipped (a stated assumption, not trained)."
    )
    write_parameters(retrained_parameters(model["parameters"], about), path)


@eval_app.command("link")
@handle_errors
def eval_link(
    seed: Annotated[
        list[int] | None,
        typer.Option(
            help=f"Scenario seed(s); default the dev ({DEV_SEED}) and held-out ({HELDOUT_SEED})."
        ),
    ] = None,
    scale: Annotated[
        int, typer.Option(help="About the number of person records.", min=100)
    ] = 20_000,
    threshold: _Threshold = 0.98,
    save_parameters: Annotated[
        Path | None,
        typer.Option(
            help="Write the m and u trained on the first seed's region here, in the form of "
            "the shipped default_parameters.json (retraining them: the dev seed, 100,000).",
        ),
    ] = None,
    json_output: _Json = False,
) -> None:
    """Linkage against the planted truth, beside the plain-Splink baseline of the same run."""
    seeds = seed or [DEV_SEED, HELDOUT_SEED]
    options = LinkOptions(threshold=threshold)
    reports = [
        {"split": {DEV_SEED: "dev", HELDOUT_SEED: "held-out"}.get(r["seed"], "custom"), **r}
        for r in _evaluate(seeds, scale, options, baseline=True)
    ]
    if save_parameters is not None:
        _save_parameters(reports[0], save_parameters)
    if json_output:
        print_json(reports)
        return
    for report in reports:
        _print_eval(report["split"], report)


@bench_app.command("link")
@handle_errors
def bench_link(
    records: Annotated[
        int, typer.Option(help="Person records (the scenario's scale).", min=100)
    ] = 100_000,
    seed: Annotated[int, typer.Option(help="Scenario seed.")] = 11,
    baseline: Annotated[bool, typer.Option(help="Also run the plain-Splink baseline.")] = True,
    json_output: _Json = False,
) -> None:
    """Time and memory of the linkage on a generated region, beside the baseline."""
    (report,) = _evaluate([seed], records, LinkOptions(), baseline=baseline)
    accord = report["accord"]
    figures: dict[str, Any] = {
        "records": report["records"],
        "seconds": accord["seconds"],
        "peak_mb": accord["peak_mb"],
        "cpu_seconds": accord["cpu_seconds"],
        **accord["scores"]["pairwise"],
        "bcubed": accord["scores"]["bcubed"],
        "pairs": (accord["details"].get("blocking") or {}).get("pairs"),
        "pairs_left_out_by_caps": (accord["details"].get("blocking") or {}).get("pairs_left_out"),
        "stage_seconds": accord["details"].get("seconds"),
    }
    if "baseline" in report:
        figures["baseline_seconds"] = report["baseline"]["seconds"]
        figures["baseline_f1"] = report["baseline"]["scores"]["pairwise"]["f1"]
        figures["baseline_peak_mb"] = report["baseline"]["peak_mb"]
        figures["baseline_cpu_seconds"] = report["baseline"]["cpu_seconds"]
    if json_output:
        print_json(figures)
        return
    console.print(json.dumps(figures, indent=1), highlight=False)


from accord.cli.registry import app as root  # noqa: E402

root.command("link")(handle_errors(link_command))
root.add_typer(identity_app, name="identity")
