"""``communique actors``: look up how a name resolves, and why."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from ..text import parse_iso_date

actors_group = click.Group(
    "actors",
    help="Inspect the actor knowledge base.\n\n"
         "\b\nExample:\n    communique actors lookup \"President Trump\" --date 2019-06-01",
)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    try:
        return parse_iso_date(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def actors_option(fn):
    """``--actors FILE`` (repeatable): a user's YAML, CSV or TABARI ``.actors`` file."""
    return click.option(
        "--actors", "actors_files", multiple=True, metavar="FILE",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Your own actors (.yaml, .csv or a TABARI/PETRARCH .actors dictionary); "
             "they override the packaged ones. Repeatable.")(fn)


@actors_group.command("lookup")
@click.argument("name")
@click.option("--date", "when", callback=_date, metavar="YYYY-MM-DD",
              help="Resolve as of this date (offices change hands).")
@actors_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def lookup(name: str, when: date | None, actors_files: tuple[Path, ...], as_json: bool) -> None:
    """Show how NAME resolves to an actor on a date, and which alias, term and rule decided.

    \b
    Example:
        communique actors lookup "the Russian president" --date 2010-01-01
        communique actors lookup Kozyrev --actors my.actors --date 1994-05-01
    """
    from .explain import explain
    from .resolve import ActorResolver, resolver_for

    resolver = resolver_for(actors_files) or ActorResolver()
    result = explain(resolver, name, when)
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    click.echo(f"{name!r}" + (f" on {when}" if when else " (no date)"))
    if not result["actors"]:
        click.echo("  -> no actor")
    for actor in result["actors"]:
        who = f" = {actor['identifier_text']}" if actor["identifier_text"] else ""
        qid = f" ({actor['identifier_id']})" if actor["identifier_id"] else ""
        click.echo(f"  -> {actor['code'] or '-'} {actor['sector'] or '-'}{who}{qid}")
    for step in result["steps"]:
        click.echo(f"     because {step}")


def _db_store(db: str | None):
    from ..cli import _open  # the one way commands open a store (settings, env, default)

    return _open(db)


_db = click.option("--db", "db", metavar="FILE|URL", default=None,
                   help="Database (default: communique.db, or COMMUNIQUE_DB, or the config's db).")


@actors_group.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_db
def add(file: Path, db: str | None) -> None:
    """Keep an actors file in the database: every later ingest into it uses it.

    FILE is checked first (a file that does not read is refused and nothing is
    stored). Adding a file of the same name again replaces it. A command's own
    --actors files still apply, after (and over) the database's.

    \b
    Example:
        communique actors add militias.yaml --db news.db
    """
    from .stored import add_actor_file

    with _db_store(db) as store:
        count = add_actor_file(store, file)
    click.echo(f"{file.name}: {count} actors kept in the database; later ingests use them")


@actors_group.command("list")
@_db
def list_files(db: str | None) -> None:
    """List the actors files kept in the database, in the order they apply."""
    with _db_store(db) as store:
        rows = store.actor_files()
    if not rows:
        click.echo("no actors files in the database")
    for row in rows:
        click.echo(f"{row['name']}\t{row['sha256'][:12]}\tadded {row['added_at']}")


@actors_group.command("remove")
@click.argument("name")
@_db
def remove(name: str, db: str | None) -> None:
    """Stop using the actors file NAME kept in the database (already coded events stay)."""
    with _db_store(db) as store:
        if not store.remove_actor_file(name):
            raise click.ClickException(f"no actors file named {name!r} in the database")
    click.echo(f"{name}: removed; later ingests no longer use it")
