"""The Python API against the CLI: the same events, the same schema, and
bad input as diagnostics or clear exceptions."""

import collections
import datetime
import json
import threading
import time

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import statecraft
from conftest import SEED, cli_events, key, run_cli


@pytest.fixture(scope="module")
def coder():
    return statecraft.Coder()


def test_seed_equals_cli(coder, cli):
    text = SEED.read_text(encoding="utf-8")
    events = coder.code(text, "2025-02-11", id=SEED.stem)
    expected = cli_events(cli, SEED)
    assert len(expected) >= 10
    assert events == expected


def test_seed_date_as_datetime_and_default_id(coder):
    text = SEED.read_text(encoding="utf-8")
    events = coder.code(text, datetime.date(2025, 2, 11))
    assert events and {e["story_id"] for e in events} == {"story"}
    assert ("KORGOV", "SYR") in {(e["source"], e["target"]) for e in events}


def test_plain_body_is_coded(coder):
    events = coder.code("South Korea established diplomatic relations with Cuba.", "2024-02-14", id="k")
    assert [(e["source"], e["target"], e["cameo"]) for e in events] == [("KOR", "CUB", "054")]


def test_code_batch_equals_cli(coder, cli, corpus_slice):
    stories = [json.loads(line) for line in corpus_slice.read_text(encoding="utf-8").splitlines()]
    batch = coder.code_batch(stories)
    assert isinstance(batch, pa.RecordBatch)
    expected = collections.Counter(key(e) for e in cli_events(cli, corpus_slice))
    assert sum(expected.values()) > 100
    assert collections.Counter(key(e) for e in batch.to_pylist()) == expected


def test_code_batch_takes_arrow(coder, corpus_slice):
    stories = [json.loads(line) for line in corpus_slice.read_text(encoding="utf-8").splitlines()]
    from_dicts = coder.code_batch(stories)
    table = pa.Table.from_pylist(stories)
    assert coder.code_batch(table).equals(from_dicts)
    assert coder.code_batch(table.to_batches()[0]).equals(from_dicts)
    # Dates as date32 and ids as integers are read too.
    typed = pa.table(
        {
            "id": pa.array([1, 2], pa.int64()),
            "date": pa.array([datetime.date(2024, 2, 14)] * 2, pa.date32()),
            "text": ["South Korea established diplomatic relations with Cuba."] * 2,
        }
    )
    assert coder.code_batch(typed).column("story_id").to_pylist() == ["1", "2"]


def test_schema_is_the_parquet_exports(coder, cli, tmp_path):
    data = tmp_path / "store"
    assert run_cli(cli, "ingest", "--data-dir", data, SEED).returncode == 0
    path = tmp_path / "events.parquet"
    out = run_cli(cli, "export", "--format", "parquet", "--data-dir", data, "--output", path)
    assert out.returncode == 0, out.stderr
    exported = pq.read_table(path)
    assert exported.num_rows >= 10
    batch = coder.code_batch([{"id": SEED.stem, "date": "2025-02-11", "text": "Seoul met Damascus."}])
    assert batch.schema == exported.schema.remove_metadata()
    assert statecraft.event_schema() == batch.schema


def test_bad_stories_are_diagnostics(coder):
    good = {"id": "good", "date": "2024-02-14", "text": "South Korea established diplomatic relations with Cuba."}
    stories = [
        {"id": "no-date", "text": "Seoul met Damascus."},
        {"id": "bad-date", "date": "yesterday", "text": "Seoul met Damascus."},
        {"id": "surrogate", "date": "2024-02-14", "text": "Seoul \ud800 met Damascus."},
        {"id": "bad-bytes", "date": "2024-02-14", "text": b"Seoul \xff met"},
        {"id": "huge", "date": "2024-02-14", "text": "Seoul met Damascus. " * 60000},
        {"date": "2024-02-14", "text": "no id"},
        good,
    ]
    diagnostics = []
    batch = coder.code_batch(stories, diagnostics=diagnostics)
    assert set(batch.column("story_id").to_pylist()) == {"good"}
    by_id = {d["story_id"]: d["message"] for d in diagnostics}
    assert set(by_id) == {"no-date", "bad-date", "surrogate", "bad-bytes", "huge", None}
    assert "date" in by_id["no-date"] and "UTF-8" in by_id["bad-bytes"]
    assert "byte limit" in by_id["huge"]


def test_bad_story_warns_without_a_list(coder):
    with pytest.warns(statecraft.StatecraftWarning, match="no-date"):
        batch = coder.code_batch([{"id": "no-date", "text": "Seoul met Damascus."}])
    assert batch.num_rows == 0


def test_code_arrow_reads_jsonl_lines(coder):
    lines = pa.record_batch(
        {
            "line": pa.array(
                [
                    b'{"id":"a","date":"2024-02-14","text":"South Korea established diplomatic relations with Cuba."}',
                    b"\xff\xfe",
                    b"",
                    b'{"id":"b","text":"x"}',
                ],
                pa.binary(),
            )
        }
    )
    events, diagnostics, counts = coder.code_arrow(lines)
    assert events.column("story_id").to_pylist() == ["a"]
    assert diagnostics.to_pylist() == [
        {"story_id": None, "message": "line is not valid UTF-8"},
        {"story_id": "b", "message": 'missing "date"'},
    ]
    assert counts == {"stories": 1, "sentences": 1, "events": 1, "diagnostics": 2}


def test_errors(coder):
    with pytest.raises(statecraft.StoryError, match="empty-1"):
        coder.code("   ", "2025-02-11", id="empty-1")
    with pytest.raises(TypeError, match="text must be a str"):
        coder.code(42, "2025-02-11")
    with pytest.raises(TypeError, match="date must be"):
        coder.code("Seoul met Damascus.", 20250211)
    with pytest.raises(ValueError, match="unreadable date"):
        coder.code("Seoul met Damascus.", "11/02/2025 or so")
    with pytest.raises(TypeError, match="not a single story"):
        coder.code_batch("Seoul met Damascus.")
    with pytest.raises(TypeError, match="must be a dict"):
        coder.code_batch([1, 2])
    with pytest.raises(TypeError, match="iterable"):
        coder.code_batch(42)
    with pytest.raises(TypeError, match='story field "date"'):
        coder.code_batch([{"id": "a", "date": 3.5, "text": "x"}])
    with pytest.raises(ValueError, match='no "text" column'):
        coder.code_batch(pa.table({"id": ["a"], "date": ["2025-02-11"]}))
    with pytest.raises(TypeError, match='column "date" is of type'):
        coder.code_batch(pa.table({"id": ["a"], "date": [1.5], "text": ["x"]}))
    with pytest.raises(ValueError, match="unknown reading"):
        statecraft.Coder(reading="gdelt")
    with pytest.raises(OSError, match="no-such.verbs.txt"):
        statecraft.Coder(dictionaries=["/no/such/dir/no-such.verbs.txt"])


def test_readings():
    text = "Sudan blamed the United States for the failure of talks."
    for reading in ("tabari", "petrarch"):
        coder = statecraft.Coder(reading=reading)
        assert coder.reading == reading
        events = coder.code(text, "2004-09-01")
        assert [(e["source"], e["target"], e["cameo"]) for e in events] == [("SDN", "USA", "112")]
    assert statecraft.Coder(reading="tabari").fingerprint != statecraft.Coder().fingerprint


def test_gil_is_released_while_coding(coder, corpus_slice):
    """Another Python thread runs in the middle of a code_batch call: it
    could not if the call held the GIL throughout."""
    stories = [json.loads(line) for line in corpus_slice.read_text(encoding="utf-8").splitlines()]
    marks = []
    running = True

    def tick():
        while running:
            marks.append(time.monotonic())
            time.sleep(0.001)

    other = threading.Thread(target=tick)
    other.start()
    try:
        start = time.monotonic()
        coder.code_batch(stories)
        end = time.monotonic()
    finally:
        running = False
        other.join()
    span = end - start
    assert span > 0.1, "too little to code to tell"
    middle = [m for m in marks if start + span / 4 < m < end - span / 4]
    assert len(middle) > 10, f"the other thread ran {len(middle)} times in the middle of {span:.2f} s"
