"""Mutation testing of the rules that must never regress: ``make mutants`` and ``make mutants-fast``.

mutmut (configured under ``[tool.mutmut]`` in pyproject.toml) copies the project into
``mutants/`` and generates every mutant of the rule modules; this script runs the mutants of the
rule functions named below, prints a table per module, and exits non-zero when a mutant
survives that ``equivalent.toml`` does not list as equivalent (its change must still be the one
recorded there, so a list entry never excuses a different mutant after the code moves).

    .venv/bin/python tests/mutation/run.py full            # every rule, the tests in pyproject.toml
    .venv/bin/python tests/mutation/run.py fast            # Scope.covers and published_q, for CI
    .venv/bin/python tests/mutation/run.py full --report   # the last run's table, running nothing
    .venv/bin/python tests/mutation/run.py full --survivors   # only what is not killed nor listed as equivalent
    .venv/bin/python tests/mutation/run.py full --modules articles/text/scope.py   # one module's mutants

The full set works in the project root, so mutmut's own commands (``mutmut show NAME``,
``mutmut browse``) read its results there; the CI subset works in ``var/mutants-fast/``, a
directory of links to the project, so the two never share a ``mutants/`` folder. A second run
in the same place waits for the first. Run this as a file, not as ``-m tests.mutation.run``:
mutmut imports the tests from ``mutants/tests``, and an imported ``tests`` package would shadow
them. See docs/testing.md.
"""

import argparse
import fcntl
import json
import os
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EQUIVALENT_FILE = Path(__file__).resolve().parent / "equivalent.toml"
SEPARATOR = "ǁ"  # mutmut names a method's mutants module.xǁClassǁmethod__mutmut_N

# Each module's rule functions: "name" for a function, "Class.name" for a method, "*" for all.
FULL = {
    "articles/models.py": [
        "published_q",
        "ArticleQuerySet.published",
        "ArticleQuerySet.scheduled",
        "ArticleQuerySet.with_is_live",
        "QuoteQuerySet.confirmed_live",
        "QuoteQuerySet.quotable",
        "QuoteQuerySet.public",
        "ShareLink.is_active",
    ],
    "articles/text/scope.py": ["*"],
    "articles/text/spoilers.py": ["*"],
    "articles/text/variants.py": ["*"],
    "articles/text/reveal.py": ["*"],
    "reader/progress.py": ["*"],
    "articles/services/roles.py": ["*"],
    "articles/services/versions.py": ["*"],
    "articles/services/derived.py": ["article_is_live", "quote_is_public", "article_render", "_article_scope"],
    "articles/services/publishing.py": ["*"],
    "cms/throttle.py": ["*"],
}

# The CI subset: the one visibility rule for spoilers and the one for articles, with the
# querysets that apply the latter, against the few test files that pin them.
FAST = {
    "articles/models.py": [
        "published_q",
        "ArticleQuerySet.published",
        "ArticleQuerySet.with_is_live",
        "QuoteQuerySet.confirmed_live",
        "QuoteQuerySet.public",
    ],
    "articles/text/scope.py": ["covers"],
}
FAST_TESTS = [
    "tests/text/test_scope.py",
    "tests/articles/test_models.py",
]

# Functions that run once per process, when the cached Markdown parser is built: mutmut's stats
# see them only in the first test that renders a body, so each gets the tests of a function that
# every render calls, and its mutants face every test that renders.
RUN_ONCE = {
    "articles.text.spoilers.x_install": "articles.text.spoilers.x__give_chains",
    "articles.text.spoilers.x__mark_tables_with_pipes": "articles.text.spoilers.x__give_chains",
}

# The body pipeline is pure functions: the mutants of its parser and variants face the pipeline's
# own tests, and those of the per-reader rewrite the readers' pages too, not every admin and
# workflow test that happens to save an article with a body (a survivor would run them all).
TESTS_FOR = {
    "articles.text.spoilers.": ("tests/text/",),
    "articles.text.variants.": ("tests/text/",),
    "articles.text.reveal.": ("tests/text/", "tests/reader/"),
}

KILLED = {1, 3, 36, -24, 24, 152, 255}  # a failing test, pytest's internal error, or a timeout
STATUS = {None: "not checked", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped"}


def module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def patterns(selection: dict[str, list[str]]) -> list[str]:
    """mutmut's name patterns for the functions in ``selection``."""
    result = []
    for path, functions in selection.items():
        for function in functions:
            if function == "*":
                name = "*"
            elif "." in function:
                cls, method = function.split(".")
                name = f"x{SEPARATOR}{cls}{SEPARATOR}{method}__mutmut_*"
            else:
                name = f"x_{function}__mutmut_*"
            result.append(f"{module_name(path)}.{name}")
    return result


def selected(selection: dict[str, list[str]]) -> dict[str, dict[str, int | None]]:
    """The recorded exit code of every selected mutant, by module path."""
    from fnmatch import fnmatchcase

    result = {}
    for path, functions in selection.items():
        meta = Path("mutants") / f"{path}.meta"
        codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
        wanted = patterns({path: functions})
        result[path] = {name: code for name, code in codes.items() if any(fnmatchcase(name, p) for p in wanted)}
    return result


def change_of(name: str, path: str) -> str:
    """The mutated line(s) of a mutant, as ``mutmut show`` prints them after ``+``."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    lines = get_diff_for_mutant(name, path=path).splitlines()
    return "\n".join(line[1:].strip() for line in lines if line.startswith("+") and not line.startswith("+++"))


def load_equivalent() -> dict[str, dict]:
    entries = tomllib.loads(EQUIVALENT_FILE.read_text()).get("mutant", [])
    return {entry["name"]: entry for entry in entries}


def report(selection: dict[str, list[str]]) -> int:
    """Print the table and every survivor; return how many survivors are not excused."""
    equivalent = load_equivalent()
    rows, unexcused, stale = [], [], []
    totals = Counter()
    for path, codes in selected(selection).items():
        count = Counter()
        for name, code in sorted(codes.items()):
            count["mutants"] += 1
            if code in KILLED:
                count["killed"] += 1
                continue
            entry = equivalent.get(name)
            if code == 0 and entry is not None and entry["change"] == change_of(name, path):
                count["equivalent"] += 1
                continue
            count["survived"] += 1
            if entry is not None and code == 0:
                stale.append(name)
            unexcused.append((name, STATUS.get(code, f"exit code {code}"), path))
        rows.append((path, count))
        totals.update(count)
    rows.append(("total", totals))

    print()
    print(f"{'module':34} {'mutants':>8} {'killed':>7} {'equivalent':>11} {'survived':>9} {'score':>7}")
    for path, count in rows:
        tested = count["mutants"] - count["equivalent"]
        score = f"{100 * count['killed'] / tested:.1f}%" if tested else "-"
        print(
            f"{path:34} {count['mutants']:8} {count['killed']:7} {count['equivalent']:11} "
            f"{count['survived']:9} {score:>7}"
        )
    print("score: killed ÷ (mutants − equivalent); timeouts count as killed")
    if unexcused:
        print()
        print("Mutants that survived and are not listed as equivalent (tests/mutation/equivalent.toml):")
        for name, status, path in unexcused:
            print(f"  {status:12} {name}")
            print("               " + change_of(name, path).replace("\n", "\n               "))
    for name in stale:
        print(f"  {name} is listed as equivalent, but its change is no longer the one recorded: review it.")
    return len(unexcused)


def not_killed(selection: dict[str, list[str]]) -> list[str]:
    """The selected mutants the last run did not kill (or never ran), less those listed as
    equivalent with the same change: no test can kill them, and a change to their function
    sets them back to not run."""
    equivalent = load_equivalent()
    names = []
    for path, codes in selected(selection).items():
        for name, code in codes.items():
            if code in KILLED:
                continue
            entry = equivalent.get(name)
            if code == 0 and entry is not None and entry["change"] == change_of(name, path):
                continue
            names.append(name)
    return sorted(names)


def generate(jobs: int) -> None:
    """Copy the project into mutants/ and make the mutants of what changed, as a run starts by
    doing: a changed function's mutants are set back to not run, under their new names."""
    import mutmut.__main__ as mutmut_main

    mutmut_main.set_mutant_under_test("mutant_generation")
    Path("mutants").mkdir(exist_ok=True)
    with mutmut_main.CatchOutput(spinner_title="Generating mutants"):
        mutmut_main.copy_src_dir()
        mutmut_main.copy_also_copy_files()
        mutmut_main.setup_source_paths()
        mutmut_main.store_lines_covered_by_tests()
        mutmut_main.create_mutants(jobs)


def run(names: list[str], tests: list[str] | None, jobs: int) -> None:
    """Run the named mutants (or patterns) with mutmut; ``tests`` replaces pyproject's test selection."""
    import mutmut.__main__ as mutmut_main
    from mutmut.configuration import config
    from mutmut.state import state

    if tests is not None:
        config().pytest_add_cli_args_test_selection = tests
    collect_or_load_stats = mutmut_main.collect_or_load_stats

    def with_adjusted_tests(*args, **kwargs):
        collect_or_load_stats(*args, **kwargs)
        tests_of = state().tests_by_mangled_function_name
        for once, every in RUN_ONCE.items():
            tests_of[once] |= tests_of.get(every, set())
        for function, tests in tests_of.items():
            for prefix, folders in TESTS_FOR.items():
                if function.startswith(prefix):
                    tests_of[function] = {test for test in tests if test.startswith(folders)}

    mutmut_main.collect_or_load_stats = with_adjusted_tests
    mutmut_main._run(names, jobs)


def workdir(subset: str) -> Path:
    """Where mutmut runs: the project root for the full set, a directory of links for the subset."""
    if subset == "full":
        return ROOT
    scratch = ROOT / "var" / "mutants-fast"
    scratch.mkdir(parents=True, exist_ok=True)
    for entry in ROOT.iterdir():
        link = scratch / entry.name
        if entry.name.startswith(".") or entry.name in {"var", "mutants"} or link.is_symlink():
            continue
        link.symlink_to(entry)
    return scratch


def wait_for_the_directory(path: Path):
    """Hold a lock on ``path``'s mutants/ for this run; another run there finishes first."""
    (path / "mutants").mkdir(exist_ok=True)
    lock = open(path / "mutants" / "run.lock", "w")  # noqa: SIM115 (held until the process ends)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print(f"Another mutation run is using {path / 'mutants'}; waiting for it to finish.", flush=True)
        fcntl.flock(lock, fcntl.LOCK_EX)
    return lock


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("subset", choices=["full", "fast"])
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("MUTANTS_JOBS", "1")))
    parser.add_argument("--report", action="store_true", help="print the last run's table, running nothing")
    parser.add_argument(
        "--survivors", action="store_true", help="run only the mutants not killed and not listed as equivalent"
    )
    parser.add_argument("--modules", help="comma-separated module paths: run and report only these of the subset")
    args = parser.parse_args()
    # Property tests draw fewer examples and shrink none (the "mutation" profile, tests/conftest.py).
    os.environ.setdefault("HYPOTHESIS_PROFILE", "mutation")
    os.chdir(workdir(args.subset))
    lock = wait_for_the_directory(Path.cwd())
    selection = FAST if args.subset == "fast" else FULL
    if args.modules:
        wanted = args.modules.split(",")
        unknown = sorted(set(wanted) - set(selection))
        if unknown:
            parser.error(f"not in the {args.subset} subset: {', '.join(unknown)}")
        selection = {path: functions for path, functions in selection.items() if path in wanted}
    started = time.monotonic()
    if args.survivors and not args.report:
        generate(args.jobs)
    names = not_killed(selection) if args.survivors else patterns(selection)
    if not args.report and names:
        run(names, FAST_TESTS if args.subset == "fast" else None, args.jobs)
    unexcused = report(selection)
    if not args.report:
        print(f"\n{args.subset} run took {time.monotonic() - started:.0f} s with {args.jobs} worker(s)")
    lock.close()
    return 1 if unexcused else 0


if __name__ == "__main__":
    sys.exit(main())
