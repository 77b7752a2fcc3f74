"""Type stubs of the extension module (crates/python/src/lib.rs)."""

import datetime
import os
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

import pyarrow

__version__: str

class StatecraftError(Exception):
    """An error of statecraft's own: a store that cannot be opened or written."""

class StoryError(ValueError):
    """A story that cannot be coded; the message begins with its id."""

class StatecraftWarning(UserWarning):
    """A story of a batch that was not coded, and why; the batch went on."""

Date = Union[str, datetime.date]
Stories = Union[pyarrow.Table, pyarrow.RecordBatch, Iterable[Mapping[str, Any]]]

class Coder:
    """A coder of stories into events.

    ``Coder(dictionaries=None, reading="statecraft")``: the bundled
    dictionaries plus the dictionary files named in ``dictionaries``, and one
    of the readings "statecraft" (news prose), "tabari" or "petrarch".
    """

    def __init__(
        self,
        dictionaries: Optional[Sequence[Union[str, os.PathLike[str]]]] = None,
        reading: str = "statecraft",
    ) -> None: ...
    @property
    def reading(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...
    def code(self, text: str, date: Date, id: Optional[str] = None) -> list[dict[str, Any]]:
        """Codes one story; returns its events as dicts (``statecraft code``'s JSONL fields).

        Raises ``StoryError`` for a story that cannot be coded, ``TypeError``
        for arguments of the wrong type, ``ValueError`` for an unreadable date.
        """
    def code_batch(
        self, stories: Stories, diagnostics: Optional[list[dict[str, Optional[str]]]] = None
    ) -> pyarrow.RecordBatch:
        """Codes many stories; returns the events as one RecordBatch (the Parquet export's columns).

        A story that cannot be coded is skipped: ``{"story_id", "message"}`` is
        appended to ``diagnostics`` when given, else a ``StatecraftWarning`` is issued.
        """
    def code_arrow(
        self, batch: pyarrow.RecordBatch, database: Optional[str] = None
    ) -> tuple[pyarrow.RecordBatch, pyarrow.RecordBatch, dict[str, int]]:
        """Codes one RecordBatch of stories: (events, diagnostics, counts).

        With ``database`` (a PostgreSQL URL) the stories are also stored as
        ``statecraft ingest --database`` stores them, idempotently.
        """

def event_schema() -> pyarrow.Schema:
    """The schema of the events ``code_batch`` returns."""

def diagnostic_schema() -> pyarrow.Schema:
    """The schema of the diagnostics ``code_arrow`` returns."""
