"""The analyser's work grows in step with the body, counted rather than timed.

Timings live in `make bench-quotes` (bench/text_scaling.py). Here every compiled pattern of the
analyser module is wrapped to count the characters it is asked to scan (one per anchored `match`,
whose work the pattern bounds), and the pronoun look-back counts the mentions it reads. A pass
that rescans a paragraph per quote, or sorts every mention per quote, makes these counts grow with
the square of the body; doubling the body must no more than about double them.
"""

import re

import pytest

from articles.text import analyse as analyser
from articles.text import cast
from articles.text.directory import NameDirectory
from bench.text_scaling import PEOPLE, shapes

SIZE = 12_000
# Doubling the body may cost a little more than double (a longer last sentence, a few more names),
# never the fourfold a quadratic pass would.
GROWTH = 2.4


class CountingPattern:
    """A compiled pattern that adds up how much text it is handed."""

    def __init__(self, pattern: re.Pattern, counter: list[int]):
        self.pattern = pattern
        self.counter = counter

    def __getattr__(self, name):
        return getattr(self.pattern, name)

    def _scanned(self, string: str, pos: int = 0, endpos: int | None = None) -> None:
        end = len(string) if endpos is None else min(endpos, len(string))
        self.counter[0] += max(0, end - pos)

    def match(self, string, pos=0, endpos=None):
        self.counter[0] += 1
        return self.pattern.match(string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, string, pos=0, endpos=None):
        self._scanned(string, pos, endpos)
        return self.pattern.fullmatch(string, pos, len(string) if endpos is None else endpos)

    def search(self, string, pos=0, endpos=None):
        self._scanned(string, pos, endpos)
        return self.pattern.search(string, pos, len(string) if endpos is None else endpos)

    def finditer(self, string, pos=0, endpos=None):
        self._scanned(string, pos, endpos)
        return self.pattern.finditer(string, pos, len(string) if endpos is None else endpos)

    def findall(self, string, pos=0, endpos=None):
        self._scanned(string, pos, endpos)
        return self.pattern.findall(string, pos, len(string) if endpos is None else endpos)

    def sub(self, repl, string, count=0):
        self._scanned(string)
        return self.pattern.sub(repl, string, count)

    def split(self, string, maxsplit=0):
        self._scanned(string)
        return self.pattern.split(string, maxsplit)


def work_done(monkeypatch, text: str) -> tuple[int, int]:
    """(characters handed to the analyser's patterns, mentions the pronoun look-back read)."""
    scanned = [0]
    read = [0]
    with monkeypatch.context() as patch:
        for module in (analyser, cast):  # the cast module's patterns read the same paragraphs
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    patch.setattr(module, name, CountingPattern(value, scanned))
        mentions_before = analyser._QuoteFinder.mentions_before

        def counted(finder, position):
            for mention in mentions_before(finder, position):
                read[0] += 1
                yield mention

        patch.setattr(analyser._QuoteFinder, "mentions_before", counted)
        analyser.analyse(text, NameDirectory(PEOPLE), works=["Tiny Pretty Things"])
    return scanned[0], read[0]


@pytest.mark.parametrize("shape", list(shapes(100)))
def test_doubling_the_body_at_most_doubles_the_work(monkeypatch, shape):
    small = work_done(monkeypatch, shapes(SIZE)[shape])
    large = work_done(monkeypatch, shapes(2 * SIZE)[shape])
    assert large[0] <= GROWTH * small[0] + 1000, f"patterns scanned {small[0]} then {large[0]} characters"
    assert large[1] <= GROWTH * small[1] + 100, f"the look-back read {small[1]} then {large[1]} mentions"


def test_a_pronoun_reads_a_bounded_number_of_mentions(monkeypatch):
    """Thousands of names in one sentence, then "she said" after each quote: the look-back stops
    after PRONOUN_LOOKBACK mentions instead of reading back over every name so far. Each "she" is
    looked back from twice: as a pronoun in the narration and as the quote's cue."""
    text = "Headline\n\n" + "Marcus Hale and Tom Reyes met, " * 300 + "“We were tired but happy,” she said. " * 50
    _, read = work_done(monkeypatch, text)
    assert read <= 2 * 50 * analyser.PRONOUN_LOOKBACK


def test_the_counting_wrapper_sees_the_analyser_read_text(monkeypatch):
    scanned, _ = work_done(monkeypatch, shapes(SIZE)["one paragraph, no quotes"])
    assert scanned >= SIZE
