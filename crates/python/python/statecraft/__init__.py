"""statecraft: code news about international affairs into events.

>>> import statecraft
>>> coder = statecraft.Coder()
>>> events = coder.code("South Korea established diplomatic relations with Cuba.", "2024-02-14")
>>> [(e["source"], e["target"], e["cameo"]) for e in events]
[('KOR', 'CUB', '054')]

``Coder.code`` returns dicts with the fields of ``statecraft code``'s JSONL;
``Coder.code_batch`` returns a ``pyarrow.RecordBatch`` with the columns of
``statecraft export --format parquet``. The dictionaries and the syntax
model are inside the package: nothing is downloaded.

The Spark job is ``python -m statecraft.spark`` (see its ``--help``).
"""

from ._statecraft import (
    Coder,
    StatecraftError,
    StatecraftWarning,
    StoryError,
    __version__,
    diagnostic_schema,
    event_schema,
)

__all__ = [
    "Coder",
    "StatecraftError",
    "StatecraftWarning",
    "StoryError",
    "__version__",
    "diagnostic_schema",
    "event_schema",
]
