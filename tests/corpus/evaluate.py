"""Score the seeds and every corpus event, then all of them in one folder (`make eval`).

One line per event: the scorer's summary for that event's articles against its gold.toml. Last, every
article in one folder, scored against every gold file together (plus cross.toml, the annotations that
pair one event's background paragraph with another event's coverage), and any contradiction whose
claims come from two events' folders is listed: that is always a bug.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent
FOLDER_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def run(cmd: list[str], out: Path, env: dict) -> None:
    with open(out, "w") as fh:
        subprocess.run(cmd, stdout=fh, stderr=subprocess.DEVNULL, check=True, env=env)


def score(name: str, folder: Path, golds: list[Path], args, env: dict) -> dict:
    work = args.build / name
    work.mkdir(parents=True, exist_ok=True)
    claims = [str(args.bin / "claims")]
    run([*claims, "extract", str(folder), "--format", "json"], work / "extract.json", env)
    run([*claims, "diff", str(folder), "--format", "json"], work / "diff.json", env)
    out = subprocess.run([sys.executable, str(args.eval_dir / "score.py"), "--extract", str(work / "extract.json"),
                          "--diff", str(work / "diff.json"), *map(str, golds)],
                         capture_output=True, text=True, check=False)
    lines = out.stdout.strip().splitlines()
    if args.verbose:
        print("\n".join(f"    {line}" for line in lines[:-1] if not line.startswith("ok")))
    print(f"{name:40} {lines[-1] if lines else out.stderr.strip()}")
    return json.loads((work / "diff.json").read_text())


def _toml(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def merged_gold(golds: list[Path], out: Path, with_actors: bool) -> Path:
    """Every gold file in one, with the actor entries that share an id joined: the scorer fails an actor
    whose name another entry also holds, so Zelensky annotated in two events' files would fail the
    folder holding both for being (rightly) one actor. Without `with_actors` the actor entries are left
    out: the scorer checks each against every other one over every claim, which on the whole folder
    takes most of an hour; each event's own line scores its actors."""
    sections: dict[str, list[dict]] = {}
    actors: dict[str, dict] = {}
    for path in golds:
        for section, entries in tomllib.loads(path.read_text()).items():
            if section == "actor" and not with_actors:
                continue
            for entry in entries:
                if section == "actor" and entry["id"] in actors:
                    actors[entry["id"]]["forms"] += entry["forms"]
                    continue
                if section == "actor":
                    actors[entry["id"]] = entry
                sections.setdefault(section, []).append(entry)
    out.write_text("".join(f"[[{section}]]\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in entry.items()) + "\n"
                           for section, entries in sections.items() for entry in entries))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--bin", type=Path, default=ROOT / ".venv" / "bin")
    ap.add_argument("--build", type=Path, default=ROOT / "build" / "eval")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every MISS and FALSE line")
    ap.add_argument("--actors", action="store_true",
                    help="score actors on the whole folder too (slow: the scorer's actor check is quadratic)")
    args = ap.parse_args()
    shutil.rmtree(args.build, ignore_errors=True)
    args.build.mkdir(parents=True)
    env = {**os.environ, "CLAIMS_STORE": str(args.build / "claims.db")}

    events = [("2025-06-02 seeds", ROOT / "seeds", [args.eval_dir / "gold_public.toml"])]
    events += [(d.name, d, [d / "gold.toml"]) for d in sorted(CORPUS.iterdir()) if (d / "gold.toml").exists()]
    for name, folder, golds in events:
        score(name, folder, golds, args, env)

    together = args.build / "all-articles"
    together.mkdir()
    origin: dict[str, str] = {}
    for name, folder, _ in events:
        for article in sorted(folder.glob("*.txt")):
            shutil.copy(article, together / article.name)
            # Folders of one day are one event told by other outlets (the seeds and other reports of 2 June).
            day = FOLDER_DAY.match(name)
            origin[article.stem] = day[0] if day else name
    golds = [g for _, _, gs in events for g in gs]
    if (CORPUS / "cross.toml").exists():
        golds.append(CORPUS / "cross.toml")
    merged = merged_gold(golds, args.build / "all-gold.toml", args.actors)
    diff = score("all events in one folder", together, [merged], args, env)
    # A background paragraph belongs to the event it recalls, and an article may be about another event
    # than its folder's (an explainer published a week later), so an article may rightly compare with
    # another folder's coverage; two articles' claims about their folders' OWN events never may.
    def own(claim: dict) -> bool:
        day = FOLDER_DAY.match(origin[claim["doc"]])
        return claim["event"] == claim.get("doc_event") and day is not None and abs(
            (dt.date.fromisoformat(claim["event"]) - dt.date.fromisoformat(day[0])).days) <= 3

    # An open dispute between folders that no annotation holds is a bug too, whatever events its claims
    # were placed in (a report's figures moved to another folder's event).
    sys.path.insert(0, str(args.eval_dir))
    from score import pairs
    annotated = tomllib.loads((args.build / "all-gold.toml").read_text()).get("contradiction", [])
    crossing = [c for c in diff["contradictions"] if len({origin[k["doc"]] for k in c["claims"] if own(k)}) > 1
                or c["status"] == "unresolved" and len({origin[k["doc"]] for k in c["claims"]}) > 1
                and not any(pairs(c, a["side_a"], a["side_b"]) for a in annotated)]
    for c in crossing:
        print(f"    CROSS-EVENT {c['id']}: {c['explanation']}")
    print(f"{'contradictions across events':40} {len(crossing)}")
    return 1 if crossing else 0


if __name__ == "__main__":
    sys.exit(main())
