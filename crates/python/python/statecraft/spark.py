"""Re-code an archive of stories on Apache Spark.

    python -m statecraft.spark STORIES --output EVENTS [--diagnostics DIR]
                               [--database postgresql://...] [--master URL]

``STORIES`` is JSONL (one story a line: ``{"id", "date", "title"?, "text"}``)
or Parquet with the columns ``id``, ``date``, ``text`` and optionally
``title``, on any path Spark reads (local, HDFS, S3 with the right jars).

The stories are coded in the executors with ``mapInArrow``: each Python
worker builds one ``statecraft.Coder`` and reuses it for every batch it is
given. The events are written as Parquet with the columns of ``statecraft
export --format parquet``, partitioned by event date (``event_date=YYYY-MM-DD``
directories). Stories that cannot be coded (invalid JSON or UTF-8, no date,
over 1 MB) are written to the diagnostics output (JSON lines of ``story_id``
and ``message``); the job goes on without them.

Re-running writes nothing twice: the event partitions a run writes replace
those of an earlier run (Spark's dynamic partition overwrite), the
diagnostics output is replaced, and with ``--database`` a story already
stored with the same text and dictionaries is left alone, as ``statecraft
ingest --database`` leaves it. A task that dies (a killed worker) is retried
by Spark, and only a finished attempt's files are committed.

The job prints the progress of its stages every few seconds on standard
error, and a summary at the end: stories, sentences, events, diagnostics,
and throughput; the last line of standard output is the summary as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from typing import Iterator, Optional, Sequence

import pyarrow as pa

import statecraft

#: The column Spark adds to mark a story that was not coded.
DIAGNOSTIC = "diagnostic"

#: Counts a run reports, summed over the workers.
COUNTS = ("stories", "sentences", "events", "diagnostics", "stored", "replaced", "unchanged")

_coder: Optional[statecraft.Coder] = None


def _worker_coder(dictionaries: Optional[Sequence[str]]) -> statecraft.Coder:
    """The Python worker's coder, built once and reused across batches."""
    global _coder
    if _coder is None:
        _coder = statecraft.Coder(dictionaries=list(dictionaries) if dictionaries else None)
    return _coder


def output_schema() -> pa.Schema:
    """What the coding stage yields: every event column (nullable, since a
    diagnostic row has none of them but the story id) and the diagnostic."""
    fields = [f.with_nullable(True) for f in statecraft.event_schema()]
    return pa.schema(fields + [pa.field(DIAGNOSTIC, pa.string(), True)])


def _rows(events: pa.RecordBatch, diagnostics: pa.RecordBatch, schema: pa.Schema) -> pa.RecordBatch:
    """Events and diagnostics as one batch of ``schema``."""
    n_events, n_diags = events.num_rows, diagnostics.num_rows
    columns = []
    for field in schema:
        if field.name == DIAGNOSTIC:
            part = [pa.nulls(n_events, pa.string()), diagnostics.column("message")]
        elif field.name == "story_id":
            part = [events.column("story_id"), diagnostics.column("story_id")]
        else:
            part = [events.column(field.name), pa.nulls(n_diags, field.type)]
        columns.append(pa.concat_arrays(part))
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def make_coding(
    database: Optional[str],
    dictionaries: Optional[Sequence[str]],
    accumulators: dict,
    failpoint: Optional[str] = None,
):
    """The function ``mapInArrow`` runs in the executors.

    ``failpoint`` is for crash tests: the Python worker that meets the story
    with this id, in a task's first attempt, kills itself with SIGKILL
    before it yields that batch's events.
    """

    def code(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        coder = _worker_coder(dictionaries)
        schema = output_schema()
        for batch in batches:
            if failpoint is not None:
                _maybe_die(batch, failpoint)
            events, diagnostics, counts = coder.code_arrow(batch, database)
            for name in COUNTS:
                if name in counts:
                    accumulators[name].add(counts[name])
            yield _rows(events, diagnostics, schema)

    return code


def _maybe_die(batch: pa.RecordBatch, story_id: str) -> None:
    from pyspark import TaskContext

    context = TaskContext.get()
    if context is None or context.attemptNumber() != 0:
        return
    names = batch.schema.names
    if "id" in names:
        ids = batch.column("id").to_pylist()
    else:
        ids = [_line_id(v) for v in batch.column("line").to_pylist()]
    if story_id in [str(i) for i in ids]:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def _line_id(line) -> Optional[str]:
    try:
        return str(json.loads(line).get("id"))
    except Exception:
        return None


def read_stories(spark, path: str, input_format: Optional[str] = None):
    """The stories at ``path`` as a DataFrame for the coding stage."""
    from pyspark.sql import functions as F

    fmt = input_format or ("parquet" if path.rstrip("/").endswith(".parquet") else "jsonl")
    if fmt == "parquet":
        df = spark.read.parquet(path)
        keep = [c for c in ("id", "date", "title", "text") if c in df.columns]
        return df.select(*keep)
    if fmt != "jsonl":
        raise ValueError(f"unknown input format {fmt!r}: expected jsonl or parquet")
    # Lines as bytes: the coder reads each as `statecraft code` reads a line
    # of JSONL, so a line that is not UTF-8 or not JSON is a diagnostic.
    return spark.read.text(path).select(F.col("value").cast("binary").alias("line"))


class Progress(threading.Thread):
    """Prints the active stages' progress every ``seconds`` on stderr."""

    def __init__(self, sc, seconds: float):
        super().__init__(daemon=True)
        self.sc, self.seconds, self.done = sc, seconds, threading.Event()

    def run(self) -> None:
        tracker = self.sc.statusTracker()
        while not self.done.wait(self.seconds):
            for sid in tracker.getActiveStageIds():
                info = tracker.getStageInfo(sid)
                if info is not None:
                    print(
                        f"statecraft.spark: stage {sid} ({info.name.split(' at ')[0]}): "
                        f"{info.numCompletedTasks}/{info.numTasks} tasks done, "
                        f"{info.numActiveTasks} running, {info.numFailedTasks} failed",
                        file=sys.stderr,
                        flush=True,
                    )


def run(
    spark,
    stories: str,
    output: str,
    diagnostics: Optional[str] = None,
    database: Optional[str] = None,
    dictionaries: Optional[Sequence[str]] = None,
    input_format: Optional[str] = None,
    partitions: Optional[int] = None,
    progress_seconds: float = 5.0,
    failpoint: Optional[str] = None,
) -> dict:
    """Codes ``stories`` and writes the events (and diagnostics); returns the summary."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType

    from pyspark.sql.pandas.types import from_arrow_schema

    sc = spark.sparkContext
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    acc = {name: sc.accumulator(0) for name in COUNTS}
    started = time.time()
    progress = Progress(sc, progress_seconds)
    progress.start()
    try:
        df = read_stories(spark, stories, input_format)
        if partitions:
            df = df.repartition(partitions)
        schema: StructType = from_arrow_schema(output_schema())
        coded = df.mapInArrow(make_coding(database, dictionaries, acc, failpoint), schema)
        # Kept, so that the events and the diagnostics are written from one
        # coding (and the database written once).
        coded = coded.persist(StorageLevel.MEMORY_AND_DISK)
        events = coded.where(F.col(DIAGNOSTIC).isNull()).drop(DIAGNOSTIC)
        events = events.withColumn("event_date", F.date_format("date", "yyyy-MM-dd"))
        # One task writes each date: one file a date a run, not one a task.
        events = events.repartition("event_date")
        events.write.mode("overwrite").partitionBy("event_date").parquet(output)
        diags = coded.where(F.col(DIAGNOSTIC).isNotNull()).select(
            "story_id", F.col(DIAGNOSTIC).alias("message")
        )
        if diagnostics:
            diags.coalesce(1).write.mode("overwrite").json(diagnostics)
        else:
            for row in diags.limit(20).collect():
                print(f"statecraft.spark: story {row.story_id}: {row.message}", file=sys.stderr)
        coded.unpersist()
    finally:
        progress.done.set()
    seconds = time.time() - started
    summary = {name: acc[name].value for name in COUNTS}
    if not database:
        for name in ("stored", "replaced", "unchanged"):
            summary.pop(name)
    cores = sc.defaultParallelism
    summary.update(
        seconds=round(seconds, 2),
        cores=cores,
        sentences_per_second=round(summary["sentences"] / seconds, 1) if seconds else None,
        events_per_second=round(summary["events"] / seconds, 1) if seconds else None,
        sentences_per_second_per_core=round(summary["sentences"] / seconds / cores, 1)
        if seconds
        else None,
    )
    return summary


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m statecraft.spark",
        description="Code stories into events on Spark; write Parquet partitioned by event date.",
    )
    p.add_argument("stories", help="JSONL or Parquet stories (any path Spark reads)")
    p.add_argument("--output", required=True, help="where to write the events (Parquet)")
    p.add_argument("--diagnostics", help="where to write stories not coded (JSON lines)")
    p.add_argument("--database", help="also store into this PostgreSQL database (URL)")
    p.add_argument("--dictionaries", nargs="*", help="dictionary files added to the bundled ones")
    p.add_argument("--input-format", choices=("jsonl", "parquet"))
    p.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, help="repartition the stories into N tasks")
    p.add_argument("--progress-seconds", type=float, default=5.0)
    p.add_argument("--failpoint", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("statecraft")
    if args.master:
        builder = builder.master(args.master)
    # The executors' Python is this one, which has statecraft installed,
    # unless the environment names another.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        summary = run(
            spark,
            args.stories,
            args.output,
            diagnostics=args.diagnostics,
            database=args.database,
            dictionaries=args.dictionaries,
            input_format=args.input_format,
            partitions=args.partitions,
            progress_seconds=args.progress_seconds,
            failpoint=args.failpoint,
        )
    finally:
        spark.stop()
    print(
        f"statecraft.spark: {summary['stories']} stories, {summary['sentences']} sentences, "
        f"{summary['events']} events, {summary['diagnostics']} diagnostics in "
        f"{summary['seconds']} s ({summary['sentences_per_second']} sentences/s on "
        f"{summary['cores']} cores)",
        file=sys.stderr,
    )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
