"""``communique eval``: score the coder and the quote finder on gold data."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from ..errors import CommuniqueError

eval_group = click.Group(
    "eval",
    help=(
        "Score communique against gold data.\n\n"
        "\b\nExample:\n    communique eval plover-gsr plover_gsr_dev.json\n"
        "    communique eval quotes src/communique/eval/data/quotes_gold.jsonl"
    ),
)


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


DEFAULT_STORIES = os.path.join("..", "shared", "data", "voa", "voa_stories.jsonl")


def _quotes_table(result: dict[str, Any]) -> str:
    lines = [
        f"{result['gold_file']}: {result['stories']} stories",
        f"{'type':<9} {'gold':>5} {'found':>6}   {'overlap P/R/F1':<20} {'exact P/R/F1':<20}",
    ]
    for kind, row in result["types"].items():
        o, e = row["overlap"], row["exact"]
        lines.append(
            f"{kind:<9} {row['gold']:>5} {row['predicted']:>6}   "
            f"{o['precision']:.3f}/{o['recall']:.3f}/{o['f1']:.3f}   "
            f"{e['precision']:.3f}/{e['recall']:.3f}/{e['f1']:.3f}"
        )
    for kind, row in result["speaker"].items():
        lines.append(
            f"speaker accuracy ({kind}, on found quotes): {row['accuracy']:.3f} "
            f"({row['correct']}/{row['total']})"
        )
    return "\n".join(lines)


@eval_group.command("quotes")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--stories", type=click.Path(dir_okay=False), default=DEFAULT_STORIES,
              show_default=True, help="JSON-lines stories the gold offsets point into.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def quotes_command(gold: str, stories: str, as_json: bool) -> None:
    """Precision, recall and F1 of quotation spans per type, and speaker accuracy.

    \b
    Example:
        communique eval quotes src/communique/eval/data/quotes_gold.jsonl --json
    """
    from .quotes import evaluate_quotes

    try:
        result = evaluate_quotes(gold, stories)
    except CommuniqueError as err:
        raise click.ClickException(str(err)) from None
    click.echo(json.dumps(result, indent=2) if as_json else _quotes_table(result))
