"""The command line: a thin layer over the kernel and the blocks (Typer + Rich)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from uuid import UUID

import orjson
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from cultuurhub import __version__
from cultuurhub.config import get_settings
from cultuurhub.store import SCOPES, OrganisationNotFound, Store

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
console = Console()
errors = Console(stderr=True)


def _store() -> Store:
    return Store(get_settings().database_url)


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
    store = _store()
    try:
        store.upgrade()
    finally:
        store.close()
    console.print(f"Database klaar / ready: {get_settings().database_url}")


@app.command()
def demo(
    size: Annotated[int, typer.Option(help="How many records to generate.", min=1)] = 2000,
    seed: Annotated[int, typer.Option(help="Seed: the same seed gives the same data.")] = 2026,
) -> None:
    """Fill the hub with deterministic, realistic Flemish demo data."""
    from cultuurhub.demo import load_demo

    store = _store()
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


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
) -> None:
    """Serve the HTTP API and the home page."""
    import uvicorn

    uvicorn.run(
        "cultuurhub.api:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers or get_settings().workers,
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
) -> None:
    """Import a file: every record is checked, the good ones are stored, findings are listed."""
    from cultuurhub.ingest import ImportOptions, UnknownFormat, import_file, reader_for

    try:
        reader = reader_for(path.name)
    except UnknownFormat as error:
        errors.print(str(error))
        raise typer.Exit(2) from None
    options = ImportOptions(organisation, source or path.name, dry_run=dry_run)
    store = _store()
    try:
        with console.status(f"{path.name} lezen / reading"):
            report = import_file(store, reader, path.read_bytes(), path.name, options)
    finally:
        store.close()
    table = Table("ernst / severity", "waar / where", "veld / field", "bericht / message")
    for finding in report.findings[:200]:
        where = finding.file or ""
        if finding.line:
            where += f":{finding.line}"
        table.add_row(finding.severity.value, where, finding.field or "", finding.message_nl)
    if report.findings:
        console.print(table)
    console.print(
        f"nieuw / created {report.created}, gewijzigd / updated {report.updated}, "
        f"ongewijzigd / unchanged {report.unchanged}, verwijderd / deleted {report.deleted}, "
        f"geweigerd / rejected {report.rejected}, waarschuwingen / warnings {report.warnings}, "
        f"gemiddelde kwaliteit / average quality {report.average_score}"
        + (" (proefdraai, niets opgeslagen / dry run, nothing stored)" if dry_run else "")
    )


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
    store = _store()
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
        errors.print(f"{finding.severity.value}: {finding.message_nl}")
    console.print(
        f"nieuw / created {report.created}, gewijzigd / updated {report.updated}, "
        f"ongewijzigd / unchanged {report.unchanged}, verwijderd / deleted {report.deleted}, "
        f"geweigerd / rejected {report.rejected}"
    )


@app.command()
def quality(
    organisation: Annotated[UUID, typer.Option("--org", help="Id of the organisation.")],
    fix_first: Annotated[int, typer.Option(help="How many records to list to fix first.")] = 10,
) -> None:
    """Show an organisation's data quality: scores, their spread, what to fix first."""
    from cultuurhub.quality import quality_report

    store = _store()
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


@app.command()
def duplicates(
    record_type: Annotated[str, typer.Option("--type", help="place, organizer, event or object.")],
    threshold: Annotated[
        float, typer.Option(help="How alike, 0-1, to call it a duplicate.")
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


if __name__ == "__main__":
    app()
