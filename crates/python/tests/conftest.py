"""Shared fixtures: the repository, the CLI binary and the shared data.

The tests compare the package with the CLI built from the same commit
(``STATECRAFT_CLI``, default ``target/release/statecraft``), so both must be
built first; ``scripts/python-test`` does that.
"""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEED = ROOT / "examples" / "south-korea-syria-2025-02-11.txt"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "synthetic-stories.jsonl"


def key(e):
    """What an event is compared by: story, sentence, dyad, code and date."""
    return (e["story_id"], int(e["sentence"]), e["source"], e["target"], e["cameo"], str(e["date"])[:10])


@pytest.fixture(scope="session")
def cli():
    path = pathlib.Path(os.environ.get("STATECRAFT_CLI", ROOT / "target" / "release" / "statecraft"))
    if not path.exists():
        pytest.fail(f"no CLI at {path}: build it (cargo build --release -p statecraft)")
    return path


def run_cli(cli, *args, stdin=None):
    out = subprocess.run(
        [str(cli), *map(str, args)], input=stdin, capture_output=True, check=False
    )
    return out


def cli_events(cli, path):
    out = run_cli(cli, "code", "--threads", "1", path)
    return [json.loads(line) for line in out.stdout.decode().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def corpus_slice(tmp_path_factory):
    """The first 120 stories of the synthetic corpus, as a JSONL file."""
    if not CORPUS.exists():
        pytest.fail(f"{CORPUS} is missing: the tests need ../shared")
    path = tmp_path_factory.mktemp("corpus") / "slice.jsonl"
    with open(CORPUS, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i == 120:
                break
            dst.write(line)
    return path
