"""code_batch against the CLI on one thread, alternately, over a corpus.

    target/pyenv/bin/python crates/python/bench/code_batch.py \\
        [../shared/corpus/synthetic-stories.jsonl] [--rounds 3] [--cli target/release/statecraft]

Times `statecraft code --threads 1 CORPUS > /dev/null` (whole process:
reading, coding, writing JSONL) and `Coder.code_batch(stories)` on the same
stories (read into dicts beforehand, coder built beforehand), and checks the
two give the same events as a multiset.
"""

import argparse
import collections
import json
import subprocess
import time

import statecraft


def key(e):
    return (e["story_id"], int(e["sentence"]), e["source"], e["target"], e["cameo"], str(e["date"])[:10])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="?", default="../shared/corpus/synthetic-stories.jsonl")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--cli", default="target/release/statecraft")
    args = p.parse_args()
    stories = [json.loads(line) for line in open(args.corpus, encoding="utf-8")]
    coder = statecraft.Coder()
    cli_times, py_times = [], []
    for _ in range(args.rounds):
        t = time.perf_counter()
        out = subprocess.run(
            [args.cli, "code", "--threads", "1", args.corpus], capture_output=True, check=True
        )
        cli_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        batch = coder.code_batch(stories)
        py_times.append(time.perf_counter() - t)
    cli = collections.Counter(key(json.loads(l)) for l in out.stdout.decode().splitlines())
    same = collections.Counter(key(e) for e in batch.to_pylist()) == cli
    print(f"stories {len(stories)}, events {batch.num_rows}, same events as the CLI: {same}")
    print("CLI --threads 1:", ", ".join(f"{t:.2f} s" for t in cli_times))
    print("code_batch:     ", ", ".join(f"{t:.2f} s" for t in py_times))
    print(f"code_batch throughput / CLI's (best of each): {min(cli_times) / min(py_times):.3f}")


if __name__ == "__main__":
    main()
