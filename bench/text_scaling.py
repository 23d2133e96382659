"""Time the text pipeline on large hostile bodies: `PYTHONPATH=. python -m bench.text_scaling [KB]`.

Each shape is a 200 KB article (or KB kilobytes) built to hit one weak spot of a text pass: one
long paragraph, thousands of quotes with pronoun attributions, many short paragraphs, one repeated
character, unbalanced quote marks, spoiler markers by the thousand. For each shape it prints the
seconds the analyser (`analyse`), the renderer (`render_body`) and the spoiler lint take. `make
bench-quotes` runs it after the accuracy table; the admin saves a body through all three, so each
should stay within a few seconds at this size, and grow no faster than the body. A pass over
LIMIT seconds on any shape is marked and makes the run fail: one pattern that backtracks on a
shape nobody tried shows here first.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from articles.text.analyse import analyse
from articles.text.directory import NameDirectory, PersonEntry
from articles.text.lint import spoiler_lint
from articles.text.render import render_body

SIZE = 200 * 1024
LIMIT = 10.0  # seconds for one pass over one 200 KB shape
PEOPLE = [
    PersonEntry("anna-maiche", "Anna Maiche", credited=True, characters=("Cassie Shore",)),
    PersonEntry("kylie-jefferson", "Kylie Jefferson", credited=True, characters=("Neveah Stroyer",)),
    PersonEntry("marcus-hale", "Marcus Hale", credited=True),
    PersonEntry("jenna-hale", "Jenna Hale", credited=True),
    PersonEntry("tom-reyes", "Tom Reyes"),
]
HEADLINE = "Tiny Pretty Things: the cast on season two\n\n"


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def shapes(size: int = SIZE) -> dict[str, str]:
    """Article texts of about `size` characters, each stressing one pass differently."""
    prose = (
        "Anna Maiche arrived early at the studio on Tuesday. The rehearsal ran long, and the crew from "
        "Northlight stayed behind to watch her work through the second act again. "
    )
    quoted = (
        "“I loved every minute of it,” she said. Kylie Jefferson added, “We were tired but happy.” "
        "“It was the best season yet,” said Marcus Hale. According to Tom Reyes, “nobody wanted to leave.” "
        "Jenna Hale's co-star laughed: “Ask me again tomorrow.” "
    )
    return {
        "one paragraph, no quotes": HEADLINE + _fill(prose, size),
        "one paragraph, quotes and attributions": HEADLINE + _fill(quoted, size),
        "many short paragraphs": HEADLINE + _fill("“Yes,” she said. Anna Maiche nodded.\n\n", size),
        "one repeated character": HEADLINE + "a" * size,
        "one repeated quote mark": HEADLINE + "“" * size,
        "unbalanced quote marks": HEADLINE + _fill("“She said it twice, Anna Maiche said. ", size),
        "straight quotes, unbalanced": HEADLINE + _fill('Anna said "yes and Kylie said "no. ', size),
        "single quotes only": HEADLINE + _fill("‘Fine,’ she told Anna Maiche. It’s ‘late’ now. ", size),
        "hard-wrapped lines": HEADLINE + _fill("a long line of copy that wraps without ending its sentence\n", size),
        "one capitalised word": HEADLINE + "A" * size,
        "hyphenated capitals before a quote": HEADLINE + _fill("A-", size - 12) + "“Yes, yes,” ",
        "open link brackets": HEADLINE + _fill("![", size),
        "names, no full stops": HEADLINE + _fill("Anna Maiche “went to the shop,” she said, and Tom Reyes's ", size),
        "spoiler openers, never closed": HEADLINE + _fill("::: spoiler S1E2\n", size),
        "spoiler blocks opened and closed": HEADLINE + _fill("::: spoiler S1E2\nThe twist lands.\n:::\n\n", size),
        "inline spoilers in one paragraph": HEADLINE + _fill("The ||S1E2: twist|| lands. ", size),
        "bars between words": HEADLINE + _fill("a || b ", size),
        "spoilers across list items": HEADLINE + _fill("- one\n  ::: spoiler S1E2\n- two\n  :::\n", size),
        "table rows with bars": HEADLINE + "| a | b |\n| --- | --- |\n" + _fill("| a || b |\n", size),
        "quotes inside spoilers": HEADLINE + _fill("“Yes,” she said. ||S1E2: “No,” said Anna Maiche.|| ", size),
        "asides and possessives, no verb": HEADLINE
        + _fill("Anna Maiche, who is 54, now in her sixties, Maiche's ", size),
        "credit words without roles": HEADLINE + _fill("plays as the role of played by voice of cast as ", size),
        # every reader's handle a new one, each looked for where the article may say whose it is
        "a forum of distinct handles": HEADLINE
        + "".join(f"fan_{n}: Is fan_{n - 1} right?\n\nhost_writes: Yes, fan_{n}.\n\n" for n in range(size // 40))[
            :size
        ],
        "labels set off by dashes, with asides": HEADLINE
        + _fill("Reelside — Why?\n\nAnna Maiche — Because.\n\n“No,” she said.\n\n", size),
    }


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def measure(size: int = SIZE) -> list[tuple[str, float, float, float]]:
    """(shape, analyse seconds, render seconds, lint seconds) for each shape."""
    directory = NameDirectory(PEOPLE)
    rows = []
    for name, text in shapes(size).items():
        analysed = _seconds(lambda text=text: analyse(text, directory, works=["Tiny Pretty Things"]))
        rendered = _seconds(lambda text=text: render_body(text))
        linted = _seconds(lambda text=text: spoiler_lint({"headline": text[:200], "dek": text}, [text]))
        rows.append((name, analysed, rendered, linted))
    return rows


def report(rows: list[tuple[str, float, float, float]], size: int = SIZE) -> tuple[str, bool]:
    """The table, and whether every pass kept within LIMIT (a pass over it is marked "over")."""
    header = f"{'shape (' + str(size // 1024) + ' KB)':<40} {'analyse':>8} {'render':>8} {'lint':>8}"
    lines = [header, "-" * len(header)]
    within = True
    for name, *seconds in rows:
        cells = " ".join(f"{value:>7.2f}s" for value in seconds)
        over = [value for value in seconds if value > LIMIT]
        within = within and not over
        lines.append(f"{name:<40} {cells}" + (f"  over {LIMIT:.0f} s" if over else ""))
    return "\n".join(lines), within


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    size = int(args[0]) * 1024 if args else SIZE
    table, within = report(measure(size), size)
    print(table)
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
