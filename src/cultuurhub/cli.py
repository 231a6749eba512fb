"""The command line: a thin layer over the kernel and the blocks."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="cultuurhub: open data hub for the Flemish cultural sector.", no_args_is_help=True
)


@app.command()
def version() -> None:
    """Print the version."""
    from cultuurhub import __version__

    typer.echo(__version__)
