"""``communique eval``: score the coder and the quote finder on gold data."""

from __future__ import annotations

import json
from pathlib import Path

import click

eval_group = click.Group("eval", help="Score communique against gold data.\n\n"
                         "\b\nExample:\n    communique eval plover-gsr plover_gsr_dev.json")


@eval_group.command("plover-gsr")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--model", metavar="NAME", default=None, help="spaCy pipeline to use.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--misses", type=int, default=20, show_default=True,
              help="How many missed records to list (0 = none).")
def plover_gsr(gold: Path, model: str | None, as_json: bool, misses: int) -> None:
    """Code PLOVER gold-standard records and print precision, recall and F1.

    Scores the event type, the actor and recipient countries and the full
    record (type + actor + recipient), with a confusion table and the misses.
    Legacy PLOVER names (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE) are read as
    their current types.

    \b
    Example:
        communique eval plover-gsr ../shared/data/plover/plover_gsr_dev.json
    """
    from ..nlp.pipeline import DEFAULT_MODEL, Pipeline
    from .plover import evaluate, load_gold

    records = load_gold(gold)
    result = evaluate(records, Pipeline(model or DEFAULT_MODEL)).as_dict()
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    click.echo(f"{result['records']} records from {gold}")
    click.echo(f"{'':12}{'precision':>10}{'recall':>10}{'f1':>10}")
    for key in ("event_type", "actor", "recipient", "full"):
        s = result[key]
        click.echo(f"{key:12}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}")
    click.echo("\nconfusion (gold -> predicted): " + ", ".join(
        f"{k} {v}" for k, v in result["confusion"].items() if k.split("->")[0] != k.split("->")[1]
    ))
    for miss in result["misses"][:misses]:
        click.echo(f"\n{miss['id']}: {miss['text']}\n  gold: {miss['gold']}\n  got:  "
                   + ("; ".join(miss["predicted"]) or "nothing"))
