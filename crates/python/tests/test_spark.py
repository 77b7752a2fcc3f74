"""The Spark job on a real (small) cluster: ``local-cluster[2,1,1024]``, two
worker processes of one core and 1 GB each.

One slice of the synthetic corpus plus three bad lines is coded three
times: into Parquet and PostgreSQL, again into both (nothing is added), and
once more into a fresh directory with a failpoint that SIGKILLs the Python
worker of one task's first attempt (Spark retries it). Each time the
Parquet that pandas reads back holds exactly the CLI's events.
"""

import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import urllib.parse

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from conftest import cli_events, key

MASTER = "local-cluster[2,1,1024]"
BAD_LINES = [
    b'{"id":"spark-no-date","text":"Seoul met Damascus."}\n',
    b"\xff\xfe not UTF-8 \n",
    b"not JSON at all\n",
    b'{"id":"spark-huge","date":"2025-02-11","text":"' + b"Seoul met Damascus. " * 60000 + b'"}\n',
]


@pytest.fixture(scope="module")
def stories(corpus_slice, tmp_path_factory):
    path = tmp_path_factory.mktemp("spark") / "stories.jsonl"
    with open(path, "wb") as out:
        lines = corpus_slice.read_bytes().splitlines(keepends=True)[:40]
        out.writelines(lines[:20] + BAD_LINES + lines[20:])
    return path


@pytest.fixture(scope="module")
def expected(cli, stories):
    events = collections.Counter(key(e) for e in cli_events(cli, stories))
    assert sum(events.values()) > 50
    return events


@pytest.fixture(scope="module")
def database():
    """A database of its own on the test server, or None without one."""
    base = os.environ.get("STATECRAFT_TEST_POSTGRES")
    if not base:
        return None
    name = f"statecraft_spark_{os.getpid()}"
    psql(base, f"DROP DATABASE IF EXISTS {name}")
    psql(base, f"CREATE DATABASE {name}")
    url = urllib.parse.urlsplit(base)
    yield urllib.parse.urlunsplit(url._replace(path="/" + name))
    psql(base, f"DROP DATABASE IF EXISTS {name}")


def psql(url, sql):
    out = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def run_job(stories, output, *extra):
    cmd = [sys.executable, "-m", "statecraft.spark", str(stories), "--output", str(output)]
    cmd += ["--master", MASTER, "--partitions", "4", "--progress-seconds", "2", *map(str, extra)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-4000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    return summary, done.stderr


def parquet_events(output):
    df = pd.read_parquet(output)
    return collections.Counter(key(r) for r in df.to_dict("records")), df


def test_job_writes_the_clis_events_once(stories, expected, database, tmp_path):
    output, diags = tmp_path / "events", tmp_path / "diagnostics"
    extra = ["--diagnostics", diags] + (["--database", database] if database else [])
    first, log = run_job(stories, output, *extra)
    got, df = parquet_events(output)
    assert got == expected
    # Partitioned by event date, in the export's schema.
    assert glob.glob(str(output / "event_date=*" / "*.parquet"))
    assert {"story_hash", "plover", "goldstein", "source_start", "target_inferred_from"} <= set(df.columns)
    assert first["stories"] == 40 and first["events"] == sum(expected.values())
    assert first["diagnostics"] == 4 and first["sentences"] > 100
    lines = [json.loads(l) for f in glob.glob(str(diags / "*.json")) for l in open(f)]
    by_id = collections.defaultdict(list)
    for d in lines:
        by_id[d.get("story_id")].append(d["message"])
    assert sorted(by_id[None])[0] == "line is not valid UTF-8", by_id
    assert sorted(by_id[None])[1].startswith("not a JSON object"), by_id
    assert by_id["spark-no-date"] == ['missing "date"'], by_id
    assert "byte limit" in by_id["spark-huge"][0], by_id
    assert len(lines) == 4
    assert "statecraft.spark: stage" in log
    if database:
        assert first["stored"] == 40
        rows = psql(database, "SELECT count(*) FROM stories; SELECT count(*) FROM events")
        # Rerun: the same events in Parquet, nothing new in the database.
        second, _ = run_job(stories, output, *extra)
        assert (second["stored"], second["replaced"], second["unchanged"]) == (0, 0, 40)
        assert psql(database, "SELECT count(*) FROM stories; SELECT count(*) FROM events") == rows
    else:
        second, _ = run_job(stories, output, *extra)
    assert parquet_events(output)[0] == expected


def test_killed_worker_is_retried(stories, expected, tmp_path):
    """Parquet stories this time (dates as date32), and the Python worker
    of one task's first attempt is SIGKILLed at a failpoint."""
    rows = []
    for line in open(stories, "rb"):
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue
    table = pa.Table.from_pylist(
        [r for r in rows if "date" in r and len(r["text"]) < 100_000],
        schema=pa.schema([("id", pa.string()), ("date", pa.string()), ("title", pa.string()), ("text", pa.string())]),
    )
    table = table.set_column(1, "date", pc.cast(pc.strptime(table["date"], "%Y-%m-%d", "s"), pa.date32()))
    path = tmp_path / "stories.parquet"
    pq.write_table(table, path)
    output = tmp_path / "events"
    victim = rows[0]["id"]
    summary, log = run_job(path, output, "--failpoint", victim)
    assert "Python worker exited unexpectedly" in log, "the failpoint did not fire"
    assert parquet_events(output)[0] == expected
    assert summary["events"] == sum(expected.values()) and summary["stories"] == 40
    shutil.rmtree(output)
