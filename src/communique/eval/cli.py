"""``communique eval``: score the pipeline against gold data.

Each command parses its arguments and calls an importable scorer in this
package, which returns a plain dict; the command only prints it.
"""

from __future__ import annotations

import json
import os
from typing import Any

import click

from ..errors import CommuniqueError

eval_group = click.Group(
    "eval",
    help=(
        "Score the pipeline against gold data.\n\n"
        "\b\nExample:\n    communique eval quotes src/communique/eval/data/quotes_gold.jsonl"
    ),
)

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
