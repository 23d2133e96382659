"""The exact HTML of each spoiler shape, safe and full: the markup readers' pages, feeds and the
reveal rewrite depend on, written out in full so any change to it is a decision, not an accident."""

import pytest

from articles.text.render import render_body


def control(number: int, attr: str, label: str, content: str) -> str:
    """An inline spoiler's markup in the full variant: a checkbox, its label, then the words."""
    return (
        f'<span class="spoiler" data-spoiler="{attr}" data-nosnippet="">'
        f'<input type="checkbox" id="spoiler-{number}" class="spoiler-toggle">'
        f'<label for="spoiler-{number}" class="spoiler-reveal">{label}</label>'
        f'<span class="spoiler-content">{content}</span></span>'
    )


def details(attr: str, label: str, content: str) -> str:
    """A block spoiler's markup in the full variant."""
    return (
        f'<details class="spoiler" data-spoiler="{attr}" data-nosnippet="">\n'
        f'<summary class="spoiler-reveal">{label}</summary>\n'
        f'<div class="spoiler-content">\n{content}</div>\n</details>\n'
    )


PLACEHOLDER = '<span class="spoiler-placeholder">[spoiler]</span>'
LINK = '<a href="/x" rel="noopener noreferrer">second</a>'

SHAPES = [
    pytest.param(
        "::: spoiler S1E3\nThe twist.\n:::\n",
        '<p class="spoiler-placeholder" data-spoiler="s1e3">Spoiler for S1E3 hidden.</p>\n',
        details("s1e3", "Reveal spoiler for S1E3", "<p>The twist.</p>\n"),
        id="block",
    ),
    pytest.param(
        ":::spoiler\nNo scope here.\n:::\n",
        '<p class="spoiler-placeholder" data-spoiler="unscoped">Spoiler hidden.</p>\n',
        details("unscoped", "Reveal spoiler", "<p>No scope here.</p>\n"),
        id="block-unscoped",
    ),
    pytest.param(
        "Before ||S2: inline *bold* secret|| after.",
        f"<p>Before {PLACEHOLDER} after.</p>\n",
        f"<p>Before {control(1, 's2', 'Reveal spoiler for S2', 'inline <em>bold</em> secret')} after.</p>\n",
        id="inline",
    ),
    pytest.param(
        "Plain ||S1E1: one|| and ||two||.",
        f"<p>Plain {PLACEHOLDER} and {PLACEHOLDER}.</p>\n",
        f"<p>Plain {control(1, 's1e1', 'Reveal spoiler for S1E1', 'one')} and "
        f"{control(2, 'unscoped', 'Reveal spoiler', 'two')}.</p>\n",
        id="inline-unscoped",
    ),
    pytest.param(
        "::: spoiler S1\nOuter ||S1E2: inner|| words.\n:::\n",
        '<p class="spoiler-placeholder" data-spoiler="s1">Spoiler for S1 hidden.</p>\n',
        details(
            "s1",
            "Reveal spoiler for S1",
            f"<p>Outer {control(1, 's1e2', 'Reveal spoiler for S1E2', 'inner')} words.</p>\n",
        ),
        id="nested",
    ),
    pytest.param(
        # A spoiler opened and closed inside a link's text, then another opened there and closed
        # after the link: the first stays an inline spoiler in the link's words, which lose the
        # link; the link moves inside the second.
        "A [link ||S1E1: first|| then ||S1E2: second](/x) after|| end.",
        f"<p>A link {PLACEHOLDER} then {PLACEHOLDER}{PLACEHOLDER} end.</p>\n",
        f"<p>A link {control(1, 's1e1', 'Reveal spoiler for S1E1', 'first')} then "
        f"{control(2, 's1e2', 'Reveal spoiler for S1E2', LINK)}"
        f"{control(3, 's1e2', 'Reveal spoiler for S1E2', ' after')} end.</p>\n",
        id="link-into-a-spoiler-after-another",
    ),
    pytest.param(
        # In a tight list the item's own paragraph is hidden: the block after it starts a new line.
        "- a\n  ::: spoiler S1E2\n  x\n  :::\n- b\n",
        '<ul>\n<li>a\n<p class="spoiler-placeholder" data-spoiler="s1e2">Spoiler for S1E2 hidden.</p>\n</li>\n'
        "<li>b</li>\n</ul>\n",
        '<ul>\n<li>a\n<details class="spoiler" data-spoiler="s1e2" data-nosnippet="">\n'
        '<summary class="spoiler-reveal">Reveal spoiler for S1E2</summary>\n'
        '<div class="spoiler-content">x</div>\n</details>\n</li>\n<li>b</li>\n</ul>\n',
        id="block-in-a-tight-list",
    ),
]


@pytest.mark.parametrize(("body", "safe", "full"), SHAPES)
def test_each_spoiler_shape_renders_exactly_this_markup(body, safe, full):
    rendered = render_body(body)
    assert rendered.safe_html == safe
    assert rendered.full_html == full


def test_separate_unscoped_spoilers_keep_their_words_apart():
    # The never-spoil lint compares a headline with each spoiler's words: two spoilers are two texts.
    assert render_body("First ||alpha|| then ||beta||.").spoiler_texts == ["alpha", "beta"]
    assert render_body(":::spoiler\nalpha\n:::\n\n:::spoiler\nbeta\n:::\n").spoiler_texts == ["alpha", "beta"]


def test_reading_time_counts_the_words_inside_spoilers_and_not_their_reveal_labels():
    # 230 words inside 230 spoilers: a minute's reading (230 words a minute). Counted with the
    # labels ("Reveal spoiler for S1E1", four words each) it would be five minutes.
    body = " ".join(f"||S1E1: word{n}||" for n in range(230))
    assert render_body(body).reading_minutes == 1
    # The same for block spoilers: 115 words, and 460 in their labels, which would make it three.
    blocks = "\n".join(f"::: spoiler S1E1\nword{n}\n:::\n" for n in range(115))
    assert render_body(blocks).reading_minutes == 1
    assert render_body(" ".join(f"word{n}" for n in range(230 * 3))).reading_minutes == 3


NO_OPENER = (
    "The inline spoiler on line 1 has a closing '||' with no opening one, so the paragraph up to it is hidden as a "
    "spoiler. Put '||' where the spoiler starts."
)


@pytest.mark.parametrize(
    ("body", "full", "warnings"),
    [
        pytest.param(
            "The killer is ||S1E2: Bob||",
            f"<p>The killer is {control(1, 's1e2', 'Reveal spoiler for S1E2', 'Bob')}</p>\n",
            [],
            id="closing-at-the-paragraphs-end",
        ),
        pytest.param("|| or not", "<p>|| or not</p>\n", [], id="at-the-start-before-a-space"),
        pytest.param(
            "x|| and the rest",
            f"<p>{control(1, 'unscoped', 'Reveal spoiler', 'x')} and the rest</p>\n",
            [NO_OPENER],
            id="second-character-before-a-space",
        ),
        pytest.param(
            "Bob did it||",
            f"<p>{control(1, 'unscoped', 'Reveal spoiler', 'Bob did it')}</p>\n",
            [NO_OPENER],
            id="only-a-closing-mark-at-the-end",
        ),
    ],
)
def test_where_a_mark_sits_decides_whether_it_opens_closes_or_is_text(body, full, warnings):
    # A mark opens when words follow it, closes when words precede it, and between spaces is an
    # "or". The paragraph's edges count as spaces: its first mark has nothing before it, its last
    # nothing after.
    rendered = render_body(body)
    assert rendered.full_html == full
    assert rendered.warnings == warnings


def hidden(attr: str, text: str) -> str:
    """A block spoiler's placeholder in the spoiler-safe variant."""
    return f'<p class="spoiler-placeholder" data-spoiler="{attr}">{text}</p>\n'


NOT_SPOILER_WORD = (
    "The spoiler on line 1 starts with '::: {word}', not '::: spoiler'; it is treated as a spoiler{hidden}. "
)


@pytest.mark.parametrize(
    ("body", "safe", "warnings"),
    [
        pytest.param(
            "::: spoiler: S1E3\nThe twist.\n:::\n", hidden("s1e3", "Spoiler for S1E3 hidden."), [], id="colon"
        ),
        pytest.param(
            "::: S1E3\nThe twist.\n:::\n",
            hidden("s1e3", "Spoiler for S1E3 hidden."),
            [NOT_SPOILER_WORD.format(word="S1E3", hidden="") + "Write '::: spoiler S1E5' to say so."],
            id="scope-alone",
        ),
        pytest.param(
            "::: spolier S1E3\nThe twist.\n:::\n",
            hidden("unscoped", "Spoiler hidden."),
            [
                NOT_SPOILER_WORD.format(word="spolier", hidden=" hidden from every reader")
                + "Write '::: spoiler S1E5' to say so."
            ],
            id="misspelt",
        ),
        pytest.param(
            "::: S0E1\nThe twist.\n:::\n",
            hidden("unscoped", "Spoiler hidden."),
            [
                NOT_SPOILER_WORD.format(word="S0E1", hidden="") + "Write '::: spoiler S1E5' to say so.",
                "The spoiler on line 1: Season numbers start at 1 (got 0). It is hidden from every reader until fixed.",
            ],
            id="scope-alone-that-cannot-be",
        ),
        pytest.param(
            "Intro.\n\n::: spoiler\nThe twist.\n:::\n",
            "<p>Intro.</p>\n" + hidden("unscoped", "Spoiler hidden."),
            [
                "The spoiler on line 3 names no episode and the article has no spoiler scope, so it is hidden from "
                "every reader; write e.g. '::: spoiler S1E5' or '||S1E5: …||'."
            ],
            id="no-scope",
        ),
    ],
)
def test_how_a_block_spoiler_is_opened_decides_its_scope_placeholder_and_warning(body, safe, warnings):
    rendered = render_body(body)
    assert rendered.safe_html == safe
    assert rendered.warnings == warnings
