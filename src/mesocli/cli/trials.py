"""``mesocli trials``: open trials for a situation and place; ``trials update`` and ``trials diff``.

The list reads the user's snapshot (``$XDG_DATA_HOME/mesocli/trials.json``), else the bundled one, or the
file given with ``--snapshot`` (``$MESOCLI_TRIALS_SNAPSHOT``). ``update`` fetches a new one from the API v2
and keeps the old one for ``diff``; on any failure it exits 5 with one line and leaves the snapshot as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from mesocli.cli.context import emit_page, state
from mesocli.cli.options import FormatOption, JsonOption, PlainFloat, PlainInt
from mesocli.cli.output import note
from mesocli.cli.situation import FitnessOption, HistologyOption, ProfileOption, SiteOption, TreatedOption
from mesocli.core.errors import Message
from mesocli.core.escape import MAX_ECHO, printable
from mesocli.core.l10n import say
from mesocli.core.places import Place
from mesocli.core.situation import Situation

SnapshotOption = Annotated[
    Path | None,
    typer.Option(
        "--snapshot",
        metavar="FILE",
        envvar="MESOCLI_TRIALS_SNAPSHOT",
        help="Read this snapshot file instead of your own (or the bundled one).",
    ),
]

trials = typer.Typer(
    name="trials",
    help="Recruiting mesothelioma trials from ClinicalTrials.gov, for a situation and a place.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _place(near: str | None, within: float | None) -> Place | None:
    from mesocli.core.places import find_place

    if near is None:
        if within is not None:
            raise typer.BadParameter(Message("--within needs --near PLACE"), param_hint="--within")
        return None
    place = find_place(near)
    if place is None:
        raise typer.BadParameter(
            Message(
                "{place} is not a place mesocli knows; give a city of 100,000 people or more "
                "(with its country to choose: 'Valencia, Spain'), or a country (English, Turkish or Spanish spelling)",
                place=printable(repr(near), MAX_ECHO),
            ),
            param_hint="--near",
        )
    if place.is_country and within is not None:
        raise typer.BadParameter(Message("--within needs a city; --near names a country"), param_hint="--within")
    return place


def _age(value: int | None) -> int | None:
    if value is not None and not 0 <= value <= 120:
        raise typer.BadParameter(Message("an age is 0 to 120 years"))
    return value


def _km(value: float | None) -> float | None:
    if value is not None and not 1 <= value <= 20_000:
        raise typer.BadParameter(Message("a distance is 1 to 20000 km"))
    return value


def _country(name: str | None) -> str:
    from mesocli.core.places import country_code

    if name is None:
        return ""
    code = country_code(name)
    if code is None:
        raise typer.BadParameter(
            Message("{country} is not a country mesocli knows", country=printable(repr(name), MAX_ECHO)),
            param_hint="--country",
        )
    return code


@trials.callback(invoke_without_command=True)
def trials_list(
    ctx: typer.Context,
    profile: ProfileOption = None,
    site: SiteOption = None,
    histology: HistologyOption = None,
    treated: TreatedOption = None,
    fitness: FitnessOption = None,
    age: Annotated[
        int | None, typer.Option("--age", click_type=PlainInt(), callback=_age, help="Age in years (0 to 120).")
    ] = None,
    near: Annotated[
        str | None,
        typer.Option(
            "--near",
            metavar="PLACE",
            help="A city or country (English, Turkish or Spanish): Madrid, Estambul, 'Valencia, Spain'.",
        ),
    ] = None,
    within: Annotated[
        float | None,
        typer.Option(
            "--within",
            metavar="KM",
            click_type=PlainFloat(),
            callback=_km,
            help="Only trials with a recruiting site this close.",
        ),
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", metavar="NAME", help="Only sites in this country.")
    ] = None,
    snapshot: SnapshotOption = None,
    fmt: FormatOption = None,
    as_json: JsonOption = False,
) -> None:
    """Open trials (recruiting, not yet recruiting, by invitation) for a situation and a place.

    Each trial has a verdict (may fit, may not fit, could be either) with the eligibility lines that
    decided it, quoted; its sites with their own status, nearest first; the registry link and contacts.
    """
    if ctx.invoked_subcommand is not None:
        return
    from mesocli.cli.situation import situation_from
    from mesocli.pages.trials import trials_page
    from mesocli.query.trials import find_trials
    from mesocli.store.snapshots import current_path, depends_on, load

    place = _place(near, within)
    code = _country(country)
    person = situation_from(profile, site, histology, treated, fitness)
    kb = state(ctx).kb
    path = current_path(snapshot)
    data = load(path)
    result = find_trials(data, kb.treatments, person, age, place, near or "", within, code, dt.date.today())
    emit_page(ctx, fmt, as_json, lambda: trials_page(result), result.to_data, depends_on(path))


@trials.command("update")
def trials_update(
    api_url: Annotated[
        str | None,
        typer.Option(
            "--api-url",
            metavar="URL",
            envvar="MESOCLI_TRIALS_API",
            help="Base URL of the API v2 (a mirror). Default: https://clinicaltrials.gov/api/v2.",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would change; write nothing.")] = False,
) -> None:
    """Fetch the current open mesothelioma trials from ClinicalTrials.gov into your snapshot.

    The previous snapshot is kept for `mesocli trials diff`. On any failure (no network, an HTTP error,
    too many requests after polite retries, an answer that is not what the API documents) nothing is
    written and the exit code is 5.
    """
    from mesocli.core.snapshot import read_snapshot, snapshot_data
    from mesocli.query.trials_diff import compare
    from mesocli.store import snapshots
    from mesocli.store.trials_api import QUERY, fetch
    from mesocli.store.trials_api import api_url as base_url

    base = base_url(api_url)
    version, studies = fetch(base)
    fetched = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    query = {"url": f"{base}/studies", **{k: v for k, v in QUERY.items() if k != "pageSize"}}
    data = snapshot_data(studies, version["data_timestamp"], version["api_version"], query, fetched)
    mine = snapshots.data_folder() / snapshots.CURRENT
    if dry_run:
        import json

        new = read_snapshot(json.dumps(data), "fetched")
        if mine.exists():
            for line in compare(snapshots.load(mine), new).lines:
                note(line)
        note(
            say(
                Message(
                    "dry run: {count} trials fetched; {path} left as it is",
                    count=len(studies),
                    path=printable(str(mine)),
                )
            )
        )
        return
    written = snapshots.save(data)
    note(
        say(
            Message(
                "{count} trials, data of {timestamp}: wrote {path}",
                count=len(studies),
                timestamp=version["data_timestamp"],
                path=printable(str(written)),
            )
        )
    )


@trials.command("diff")
def trials_diff(ctx: typer.Context, fmt: FormatOption = None, as_json: JsonOption = False) -> None:
    """What changed since the previous snapshot: new trials, trials closed or gone, sites opened or closed."""
    from mesocli.cli.context import NothingFound
    from mesocli.pages.trials import changes_page
    from mesocli.query.trials_diff import compare
    from mesocli.store import snapshots

    mine = snapshots.data_folder() / snapshots.CURRENT
    previous = snapshots.load_previous()
    if previous is None or not mine.exists():
        raise NothingFound(Message("no previous trials snapshot to compare with: run `mesocli trials update` twice"))
    changes = compare(previous, snapshots.load(mine))
    read = [mine, snapshots.data_folder() / snapshots.PREVIOUS]
    emit_page(ctx, fmt, as_json, lambda: changes_page(changes), changes.to_data, read)


def nearby_lines(ctx: typer.Context, person: Situation) -> tuple[list[str], list[Path]]:
    """For ``options`` and the handout: at most three trials of the snapshot that are not ruled out for this
    situation, one line each with the snapshot's date, and the snapshot file read (for the page's key).
    A snapshot that cannot be read gives no lines: those pages are about the options; `mesocli trials` says why.
    """
    from mesocli.core.errors import TrialsError
    from mesocli.query.trials import find_trials, nearest_trial_lines
    from mesocli.store.snapshots import current_path, depends_on, load

    path = current_path()
    try:
        data = load(path)
    except TrialsError:
        return [], depends_on(path)
    result = find_trials(data, state(ctx).kb.treatments, person, today=dt.date.today())
    return nearest_trial_lines(result), depends_on(path)
