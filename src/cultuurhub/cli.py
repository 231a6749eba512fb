"""The command line: a thin layer over the kernel and the blocks (Typer + Rich)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Literal
from uuid import UUID

import orjson
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from cultuurhub import __version__
from cultuurhub.config import get_settings
from cultuurhub.store import SCOPES, OrganisationNotFound, Store

if TYPE_CHECKING:
    from cultuurhub.ingest import Finding

app = typer.Typer(
    help="cultuurhub: the open data hub of the Flemish cultural sector.",
    no_args_is_help=True,
)
org_app = typer.Typer(help="Organisations that own records.", no_args_is_help=True)
key_app = typer.Typer(help="API keys of organisations.", no_args_is_help=True)
db_app = typer.Typer(help="The database.", no_args_is_help=True)
app.add_typer(org_app, name="org")
app.add_typer(key_app, name="key")
app.add_typer(db_app, name="db")
index_app = typer.Typer(help="De zoekindex / the search index.", no_args_is_help=True)
app.add_typer(index_app, name="index")
console = Console()
errors = Console(stderr=True)


def _store(*, created: bool = True) -> Store:
    """The store; unless asked not to, once it is clear that its database has been created."""
    store = Store(get_settings().database_url)
    if created and not store.has_schema():
        store.close()
        errors.print(
            "De database is nog niet aangemaakt; `cultuurhub init` maakt hem aan. / The database "
            f"has not been created yet; `cultuurhub init` creates it. ({_shown_url()})",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    return store


def _shown_url() -> str:
    """The database URL without its password."""
    url = get_settings().database_url
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _store_of(organisation: UUID) -> Store:
    """The store, once it is clear that ``organisation`` is one of its organisations."""
    store = _store()
    if store.get_organisation(organisation) is None:
        store.close()
        errors.print(
            f"Geen organisatie met id {organisation}; `cultuurhub org list` toont ze. / "
            f"No organisation with id {organisation}; `cultuurhub org list` shows them."
        )
        raise typer.Exit(1)
    return store


@app.command()
def version() -> None:
    """Print the version."""
    console.print(__version__)


@app.command()
def init() -> None:
    """Create the database (or bring it up to date) at CULTUURHUB_DATABASE_URL."""
    db_upgrade()


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Run the database migrations."""
    store = _store(created=False)
    try:
        store.upgrade()
    finally:
        store.close()
    console.print(f"Database klaar / ready: {_shown_url()}")


@app.command()
def demo(
    size: Annotated[int, typer.Option(help="How many records to generate.", min=1)] = 2000,
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives the same data.")] = 2026,
) -> None:
    """Fill the hub with deterministic, realistic Flemish demo data."""
    from cultuurhub.demo import load_demo

    store = _store(created=False)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    try:
        store.upgrade()
        with Progress(*columns, TimeRemainingColumn(), console=console) as progress:
            task = progress.add_task("Demodata laden / loading demo data", total=size)
            report = load_demo(store, size, seed, lambda n: progress.advance(task, n))
    finally:
        store.close()
    table = Table("type", "records")
    for kind, count in sorted(report.by_type.items()):
        table.add_row(kind, str(count))
    console.print(table)
    console.print(
        f"nieuw / created {report.created}, gewijzigd / updated {report.updated}, "
        f"ongewijzigd / unchanged {report.unchanged}, geweigerd / refused {len(report.refused)}"
    )
    for line in report.refused[:10]:
        errors.print(f"[yellow]{line}")
    index_rebuild()


@index_app.command("rebuild")
def index_rebuild() -> None:
    """Bouw de zoekindex opnieuw op / rebuild the search index from every record."""
    from cultuurhub.search import SearchIndex, default_index_path

    settings = get_settings()
    store = _store()
    try:
        index = SearchIndex(default_index_path(store.url, settings.search_path))
        total = sum(store.counts_by_type().values())
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, TimeRemainingColumn(), console=console) as progress:
            task = progress.add_task("Zoekindex bouwen / building search index", total=total)
            report = index.rebuild(store, progress=lambda n: progress.advance(task, n))
    finally:
        store.close()
    console.print(
        f"{report.indexed} records geïndexeerd / indexed in {report.seconds:.1f} s"
        f" (positie / position {report.position})"
    )


@index_app.command("sync")
def index_sync() -> None:
    """Werk de zoekindex bij met de laatste wijzigingen / index what changed since last time."""
    from cultuurhub.search import SearchIndex, default_index_path

    store = _store()
    try:
        index = SearchIndex(default_index_path(store.url, get_settings().search_path))
        report = index.sync(store)
    finally:
        store.close()
    console.print(
        f"{report.indexed} bijgewerkt / updated, {report.removed} verwijderd / removed,"
        f" positie / position {report.position}"
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
) -> None:
    """Serve the HTTP API and the home page."""
    import uvicorn

    _store().close()  # a database that was never created is said at once, not on each request
    workers = workers or get_settings().workers
    os.environ["CULTUURHUB_WORKERS"] = str(workers)  # the workers size their search turns by it
    uvicorn.run(
        "cultuurhub.api:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


@org_app.command("create")
def org_create(
    name: Annotated[str, typer.Argument(help="The organisation's name.")],
    kind: Annotated[str, typer.Option(help="museum, bibliotheek, cultuurcentrum, ...")] = "other",
    website: Annotated[str | None, typer.Option(help="The organisation's website.")] = None,
) -> None:
    """Create an organisation; prints its id."""
    store = _store()
    try:
        organisation = store.create_organisation(name, kind, website)
    finally:
        store.close()
    console.print(str(organisation.id))


@org_app.command("list")
def org_list() -> None:
    """List the organisations."""
    store = _store()
    try:
        table = Table("id", "name", "kind", "website")
        for organisation in store.list_organisations():
            table.add_row(
                str(organisation.id), organisation.name, organisation.kind, organisation.website
            )
    finally:
        store.close()
    console.print(table)


@key_app.command("create")
def key_create(
    organisation: Annotated[UUID, typer.Argument(help="Id of the organisation.")],
    scope: Annotated[list[str], typer.Option(help=f"One of {', '.join(SCOPES)}; repeat.")],
) -> None:
    """Create an API key; the secret is printed once and never again."""
    store = _store()
    try:
        key, secret = store.create_api_key(organisation, scope)
    except OrganisationNotFound:
        errors.print(f"Geen organisatie met id / no organisation with id {organisation}")
        raise typer.Exit(1) from None
    except ValueError as error:
        errors.print(str(error))
        raise typer.Exit(2) from None
    finally:
        store.close()
    console.print(secret, soft_wrap=True)
    errors.print(f"key {key.id} ({', '.join(sorted(key.scopes))}): bewaar hem nu / keep it now")


@app.command("import")
def import_(
    path: Annotated[
        Path,
        typer.Argument(
            help="CSV, Excel, iCalendar, JSON-LD, UiTdatabank, LIDO or EDM file.",
            exists=True,
            dir_okay=False,
        ),
    ],
    organisation: Annotated[UUID, typer.Option("--org", help="Id of the owning organisation.")],
    source: Annotated[
        str | None, typer.Option(help="Source system name (default: file name).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only show the findings; store nothing.")
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(
            help="YAML mapping file for a CSV or Excel export with unusual headers "
            "(docs/ingest-events.md).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    event_type: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="Event type for events whose iCalendar or schema.org file does not say it "
            "(e.g. Concert, Lezing of congres).",
        ),
    ] = None,
) -> None:
    """Import a file: every record is checked, the good ones are stored, findings are listed."""
    from cultuurhub.formats import MappingFileError
    from cultuurhub.ingest import (
        ImportOptions,
        JobRefused,
        UnknownFormat,
        check_default_type,
        check_mapping,
        import_file,
        mapping_text,
        reader_for,
        reader_named,
    )

    try:
        reader = reader_for(path.name)
    except UnknownFormat as error:
        errors.print(str(error))
        raise typer.Exit(2) from None
    text = default_type = None
    try:
        if mapping is not None:
            text = mapping_text(mapping.read_bytes(), mapping.name)
            check_mapping(text, reader.name)
        if event_type is not None:
            default_type = check_default_type(event_type, reader.name)
    except (MappingFileError, JobRefused) as error:
        where = f"{mapping.name}: " if isinstance(error, MappingFileError) and mapping else ""
        errors.print(f"{where}{error}", soft_wrap=True)
        raise typer.Exit(2) from None
    reader = reader_named(reader.name, text, default_type)
    store = _store_of(organisation)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    try:
        with Progress(*columns, TimeRemainingColumn(), console=console) as progress:
            tasks: dict[str, TaskID] = {}

            def on_progress(phase: str, done: int, total: int | None) -> None:
                if phase not in tasks:
                    label = "lezen / reading" if phase == "reading" else "opslaan / storing"
                    tasks[phase] = progress.add_task(f"{path.name}: {label}", total=total)
                progress.update(tasks[phase], completed=done, total=total)

            options = ImportOptions(
                organisation, source or path.name, dry_run=dry_run, on_progress=on_progress
            )
            report = import_file(store, reader, path.read_bytes(), path.name, options)
    finally:
        store.close()
    table = Table("ernst / severity", "waar / where", "veld / field", "bericht / message")
    for finding in report.findings[:_SHOWN_FINDINGS]:
        where = finding.file or ""
        if finding.line:
            where += f":{finding.line}"
        table.add_row(finding.severity.value, where, finding.field or "", _both(finding))
    if report.findings:
        console.print(table)
    if len(report.findings) > _SHOWN_FINDINGS:
        console.print(
            f"{_SHOWN_FINDINGS} van {len(report.findings)} bevindingen getoond; een importtaak "
            f"(POST /imports) geeft ze allemaal als CSV. / {_SHOWN_FINDINGS} of "
            f"{len(report.findings)} findings shown; an import job gives them all as CSV."
        )
    accepted = len(report.scores)
    console.print(
        f"nieuw / created {report.created}, gewijzigd / updated {report.updated}, "
        f"ongewijzigd / unchanged {report.unchanged}, verwijderd / deleted {report.deleted}, "
        f"geweigerd / rejected {report.rejected}, waarschuwingen / warnings {report.warnings}, "
        f"gemiddelde kwaliteit / average quality {report.average_score}"
        + (
            f" (proefdraai, niets opgeslagen: {accepted} records zouden worden opgeslagen / "
            f"dry run, nothing stored: {accepted} records would be stored)"
            if dry_run
            else ""
        )
    )


_SHOWN_FINDINGS = 200


def _both(finding: Finding) -> str:
    """A finding's message in Dutch, then in English when that says more than the Dutch."""
    if finding.message_en and finding.message_en not in finding.message_nl:
        return f"{finding.message_nl}\n{finding.message_en}"
    return finding.message_nl


@app.command("harvest")
def harvest_(
    url: Annotated[str, typer.Argument(help="Base URL of the OAI-PMH repository.")],
    organisation: Annotated[UUID, typer.Option("--org", help="Id of the owning organisation.")],
    prefix: Annotated[str, typer.Option(help="Metadata format: oai_dc, lido or edm.")] = "oai_dc",
    set_spec: Annotated[str | None, typer.Option("--set", help="Harvest only this set.")] = None,
) -> None:
    """Harvest an OAI-PMH repository: the first time everything, then only what changed."""
    from cultuurhub.ingest import HarvestOptions, ImportOptions, harvest

    options = ImportOptions(organisation, url, author=f"harvest {url}")
    harvest_options = HarvestOptions(metadata_prefix=prefix, set_spec=set_spec)
    store = _store_of(organisation)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    try:
        with Progress(*columns, console=console) as progress:
            task = progress.add_task("Oogsten / harvesting", total=None)

            def on_page(done: int, total: int | None) -> None:
                progress.update(task, completed=done, total=total)

            report = harvest(store, url, options, harvest_options, on_page)
    finally:
        store.close()
    for finding in report.findings[:50]:
        errors.print(f"{finding.severity.value}: {_both(finding)}")
    console.print(
        f"nieuw / created {report.created}, gewijzigd / updated {report.updated}, "
        f"ongewijzigd / unchanged {report.unchanged}, verwijderd / deleted {report.deleted}, "
        f"geweigerd / rejected {report.rejected}"
    )


@app.command()
def quality(
    organisation: Annotated[UUID, typer.Option("--org", help="Id of the organisation.")],
    fix_first: Annotated[
        int, typer.Option(min=0, help="How many records to list to fix first.")
    ] = 10,
) -> None:
    """Show an organisation's data quality: scores, their spread, what to fix first."""
    from cultuurhub.quality import quality_report

    store = _store_of(organisation)
    try:
        report = quality_report(store.owned_documents(organisation), fix_first)
    finally:
        store.close()
    console.print(f"{report.records} records, gemiddelde score / average score {report.average}")
    largest = max(report.distribution.values()) or 1
    for bucket, count in report.distribution.items():
        bar = "█" * round(40 * count / largest)
        console.print(f"{bucket:>7} {bar} {count}")
    problems = Table("vaakst ontbrekend / most often missing", "records")
    for hint, count in report.problems:
        problems.add_row(hint, str(count))
    console.print(problems)
    worst = Table("id", "type", "score", "eerst / first")
    for row in report.fix_first:
        worst.add_row(row["id"], row["type"], str(row["score"]), row["first"])
    console.print(worst)


DuplicateTypeName = Literal["place", "organizer", "event", "object"]


@app.command()
def duplicates(
    record_type: Annotated[
        DuplicateTypeName, typer.Option("--type", help="place, organizer, event or object.")
    ],
    threshold: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="How alike, 0-1 (0.85: 85 %), to call it a duplicate."),
    ] = 0.85,
    output: Annotated[Path | None, typer.Option(help="Write the review list as JSON here.")] = None,
) -> None:
    """List likely duplicates for review; nothing is merged, least of all across owners."""
    from cultuurhub.quality import Candidate, find_duplicates, review_list

    store = _store()
    try:
        with console.status("Records lezen / reading records"):
            candidates = [
                Candidate(record_id, record_type, owner, document)
                for record_id, owner, document in store.documents_of_type(record_type)
            ]
    finally:
        store.close()
    clusters = find_duplicates(candidates, threshold)
    reviews = review_list(clusters)
    if output is not None:
        output.write_bytes(orjson.dumps(reviews, option=orjson.OPT_INDENT_2))
    table = Table("canonical", "duplicates", "score", "waarom / why", "eigenaars / owners")
    for review in reviews[:50]:
        table.add_row(
            str(review["canonical"]), "\n".join(map(str, review["duplicates"])),
            f"{review['score']:.2f}", "; ".join(review["reasons"]),
            "zelfde / same" if review["same_owner"] else "verschillend / different",
        )  # fmt: skip
    console.print(table)
    console.print(f"{len(clusters)} groepen mogelijke dubbels / clusters of likely duplicates")


@app.command()
def show(record_id: Annotated[UUID, typer.Argument(help="The record's id.")]) -> None:
    """Print a record as JSON-LD."""
    store = _store()
    try:
        record = store.get(record_id)
    finally:
        store.close()
    if record is None:
        errors.print(f"Geen record met id / no record with id {record_id}")
        raise typer.Exit(1)
    typer.echo(orjson.dumps(record.document, option=orjson.OPT_INDENT_2).decode())
    if record.deleted:
        errors.print("Dit record is verwijderd / this record was deleted")


@app.command()
def history(record_id: Annotated[UUID, typer.Argument(help="The record's id.")]) -> None:
    """List every version of a record: who, when, its place in the change sequence."""
    from cultuurhub.store import RecordNotFound

    store = _store()
    try:
        versions = store.history(record_id)
    except RecordNotFound:
        errors.print(f"Geen record met id / no record with id {record_id}")
        raise typer.Exit(1) from None
    finally:
        store.close()
    table = Table("version", "seq", "time", "author", "status")
    for version in versions:
        status = "deleted" if version.is_tombstone else version.workflow_status
        table.add_row(
            str(version.version), str(version.seq), f"{version.time:%Y-%m-%d %H:%M:%S}",
            version.author, status,
        )  # fmt: skip
    console.print(table)


ExportedTypeName = Literal["events", "places", "organizers", "objects"]
ExportFormatName = Literal["csv", "jsonl", "parquet", "turtle"]


@app.command("export")
def export_(
    record_type: Annotated[
        ExportedTypeName,
        typer.Argument(help="Wat uitvoeren / what to export: events, places, organizers, objects."),
    ],
    format_name: Annotated[
        ExportFormatName,
        typer.Option(
            "--format",
            "-f",
            help="csv (Excel, tabellen / spreadsheets), jsonl (volledige JSON-LD / full "
            "JSON-LD, één record per regel / one record a line), parquet (getypte kolommen / "
            "typed columns, voor analyse / for analysis), turtle (OSLO RDF; events, places, "
            "organizers).",
        ),
    ] = "csv",
    owner: Annotated[
        UUID | None,
        typer.Option(help="Alleen records van deze organisatie / only this organisation's."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Alleen gewijzigd vanaf / only modified at or after: 2026-11-01 or "
            "2026-11-01T08:00 (Brussel / Brussels) or with an offset."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Naar dit bestand / to this file (default: standard output)."
        ),
    ] = None,
    bom: Annotated[
        bool,
        typer.Option(help="CSV met BOM, zodat Excel UTF-8 herkent / CSV with a BOM for Excel."),
    ] = False,
    delimiter: Annotated[
        str, typer.Option(help="CSV-scheidingsteken / CSV delimiter (';' for Excel in Belgium).")
    ] = ",",
    include_private: Annotated[
        bool,
        typer.Option(help="Ook niet-publieke records / private records too (operators only)."),
    ] = False,
) -> None:
    """Voer een recordtype uit als CSV, JSON Lines, Parquet of Turtle / export a record type.

    Publieke records tenzij --include-private; formules in CSV worden onschadelijk gemaakt.
    Public records unless --include-private; CSV formulas are neutralised. docs/exports.md
    """
    import sys

    from cultuurhub.access import Principal, Scope
    from cultuurhub.model import RecordType
    from cultuurhub.publish import (
        ExportFormat,
        ExportOptions,
        ExportUnavailable,
        export_chunks,
        export_selection,
        parse_moment,
    )
    from cultuurhub.store import count_export

    kind = next(kind for kind in RecordType if kind.path == record_type)
    try:
        moment = parse_moment(since) if since else None
        options = ExportOptions(format=ExportFormat(format_name), bom=bom, delimiter=delimiter)
    except ValueError as error:
        errors.print(f"Ongeldige waarde / invalid value: {error}")
        raise typer.Exit(2) from None
    # The operator reads the database itself; --include-private reads as an administrator.
    caller = Principal(None, frozenset({Scope.ADMIN})) if include_private else Principal()
    selection = export_selection(caller, kind, owner, moment)
    store = _store()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    try:
        with Progress(*columns, TimeRemainingColumn(), console=errors) as progress:
            task = progress.add_task("Uitvoeren / exporting", total=count_export(store, selection))
            chunks = export_chunks(store, selection, options, lambda: progress.advance(task))
            written = _write_export(chunks, output, sys.stdout.buffer)
    except ExportUnavailable as error:
        errors.print(str(error))
        raise typer.Exit(2) from None
    finally:
        store.close()
    errors.print(f"{written} bytes → {output or 'stdout'}")


def _write_export(chunks: Iterable[bytes], output: Path | None, stdout: IO[bytes]) -> int:
    """Write to ``output`` through a ``.part`` file (no half file is left), or to stdout."""
    from cultuurhub.publish import write_chunks

    if output is None:
        return write_chunks(chunks, stdout)
    partial = output.with_name(output.name + ".part")
    try:
        with partial.open("wb") as out:
            written = write_chunks(chunks, out)
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    return written


jobs_app = typer.Typer(help="Importtaken / import jobs (uploads, feeds).", no_args_is_help=True)
app.add_typer(jobs_app, name="jobs")


@jobs_app.command("run")
def jobs_run(
    watch: Annotated[
        bool, typer.Option("--watch", help="Keep watching the queue until interrupted.")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="Run at most this many jobs.", min=1)] = None,
) -> None:
    """Work through the queued import jobs (for hubs that run imports outside the server)."""
    import time

    from cultuurhub.ingest import JobSettings, run_queued

    settings = JobSettings.from_settings(get_settings())
    store = _store()
    try:
        while True:
            for job in run_queued(store, settings, limit):
                summary = job.summary or {}
                console.print(
                    f"{job.id} {job.status}: {job.source} — nieuw / created "
                    f"{summary.get('created', 0)}, geweigerd / rejected "
                    f"{summary.get('rejected', 0)}" + (f" — {job.error}" if job.error else "")
                )
            if not watch:
                break
            time.sleep(settings.poll_seconds)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()


@jobs_app.command("list")
def jobs_list(
    organisation: Annotated[UUID, typer.Option("--org", help="Id of the organisation.")],
    limit: Annotated[int, typer.Option(help="How many, newest first.", min=1)] = 20,
) -> None:
    """List an organisation's import jobs, newest first."""
    from cultuurhub.store import ImportJobs

    store = _store()
    try:
        jobs = ImportJobs(store).of_organisation(organisation, limit)
    finally:
        store.close()
    table = Table("status", "bron / source", "verwerkt / processed", "aangemaakt / created")
    table.add_column("id", no_wrap=True)
    for job in jobs:
        done = f"{job.processed}/{job.total}" if job.total is not None else str(job.processed)
        table.add_row(job.status, job.source, done, f"{job.created:%Y-%m-%d %H:%M}", str(job.id))
    console.print(table)


if __name__ == "__main__":
    app()
