"""The spoiler contract (docs/architecture.md, "The body pipeline") checked on generated bodies, then on literal ones.

The generated tests draw bodies from `tests.text.documents`, where every marker word's chain of
enclosing spoilers is worked out from the contract alone, and check each stored variant, each
reader's cut of the page and the feed, and each quote's scope against that chain. Select them
with `-k generated`. The literal tests below keep one short body per leak shape the contract
names, so a regression reads as a sentence.
"""

from hypothesis import given, note

from articles.text.scope import Scope
from tests.text.documents import (
    WORK,
    Document,
    Secret,
    check,
    documents,
    documents_with_quotes,
    full_html_surfaces,
    leaks_in,
    missing_public_text,
    progress_surfaces,
    quote_scope_leaks,
    reader_visible_text,
    render,
    spoiler_safe_surfaces,
)

S1E3 = Scope(WORK, 1, 3)
S1E10 = Scope(WORK, 1, 10)
S2 = Scope(WORK, 2)
OTHER = Scope("other-show", 1, 2)


# --- Generated bodies ------------------------------------------------------------------------------


@given(documents())
def test_generated_spoiler_text_never_reaches_the_spoiler_safe_variants(document):
    note(document.source)
    assert leaks_in(document, spoiler_safe_surfaces(render(document))) == []


@given(documents())
def test_generated_spoiler_text_is_only_inside_closed_reveal_controls_of_full_html(document):
    note(document.source)
    assert leaks_in(document, full_html_surfaces(render(document))) == []


@given(documents())
def test_generated_spoiler_text_opens_only_for_readers_whose_progress_covers_it(document):
    note(document.source)
    assert leaks_in(document, progress_surfaces(render(document))) == []


@given(documents_with_quotes())
def test_generated_quote_scopes_cover_every_spoiler_the_words_touch(case):
    document, quotes = case
    note(document.source)
    assert quote_scope_leaks(document, render(document, quotes), quotes) == []


@given(documents_with_quotes())
def test_generated_quotes_marked_in_the_body_keep_spoiler_text_where_it_was(case):
    document, quotes = case
    note(document.source)
    body = render(document, quotes)
    surfaces = [*spoiler_safe_surfaces(body), *full_html_surfaces(body), *progress_surfaces(body)]
    assert leaks_in(document, surfaces) == []


@given(documents())
def test_generated_public_text_stays_in_the_spoiler_safe_html(document):
    note(document.source)
    assert missing_public_text(document, render(document)) == []


# --- What a reader sees -----------------------------------------------------------------------------


def test_reader_visible_text_keeps_a_closed_details_summary_and_skips_its_content():
    html = '<details class="spoiler"><summary>Reveal</summary><div><a href="/understudy">x</a></div></details>'
    assert reader_visible_text(html) == "Reveal"
    assert "/understudy" in reader_visible_text(html.replace("<details ", "<details open "))


def test_reader_visible_text_shows_an_inline_spoiler_only_once_its_own_box_is_checked():
    def spoiler(content: str, checked: str = "") -> str:
        toggle = f'<input type="checkbox" class="spoiler-toggle"{checked}>'
        return f'<span class="spoiler">{toggle}<span class="spoiler-content">{content}</span></span>'

    assert "saboteur" not in reader_visible_text(spoiler(spoiler("saboteur"), " checked"))
    assert "saboteur" in reader_visible_text(spoiler(spoiler("saboteur", " checked"), " checked"))


# --- Literal bodies, one per leak shape ------------------------------------------------------------
# Secret words: understudy, saboteur, arsonist, kestrel. Public words: overture, encore.

SHOW = Scope(WORK)


def leaks(
    source: str,
    secrets: dict[str, tuple[Scope | None, ...]],
    public: tuple[str, ...] = (),
    *,
    default_scope: Scope | None = SHOW,
    quotes: tuple[str, ...] = (),
) -> list[str]:
    document = Document(
        source=source,
        secrets=tuple(Secret(marker, chain) for marker, chain in secrets.items()),
        public=public,
        default_scope=default_scope,
    )
    return check(document, quotes).leaks


# Block spoilers


def test_block_spoiler_with_spoilers_and_a_colon_takes_its_scope():
    source = "::: Spoilers: S2\nThe understudy wins.\n:::\n\nThe encore."
    assert leaks(source, {"understudy": (S2,)}, ("encore",)) == []


def test_block_spoiler_with_no_scope_and_no_default_is_hidden_from_everyone():
    source = "::: spoiler\nThe understudy wins.\n:::"
    assert leaks(source, {"understudy": (None,)}, default_scope=None) == []


def test_misspelt_opener_still_hides_what_follows():
    source = "::: spolier S1E5\nThe understudy wins.\n:::\n\nThe encore."
    assert leaks(source, {"understudy": (None,)}, ("encore",)) == []


def test_a_short_closer_closes_a_longer_opener():
    source = ":::: spoiler S1E3\nThe understudy wins.\n:::\n\nThe encore."
    assert leaks(source, {"understudy": (S1E3,)}, ("encore",)) == []


def test_markers_inside_a_list_item_hide_the_item_text():
    source = "- The overture.\n- ::: spoiler S1E3\n  The understudy wins.\n  :::\n- The encore."
    assert leaks(source, {"understudy": (S1E3,)}, ("overture", "encore")) == []


def test_markers_inside_a_block_quote_hide_the_quoted_text():
    source = "> The overture.\n>\n> ::: spoiler S1E3\n> The understudy wins.\n> :::\n\nThe encore."
    assert leaks(source, {"understudy": (S1E3,)}, ("overture", "encore")) == []


def test_nested_block_spoilers_close_innermost_first():
    source = "::: spoiler S1E3\n::: spoiler S1E10\nThe understudy wins.\n:::\nThe saboteur runs.\n:::\n\nThe encore."
    assert leaks(source, {"understudy": (S1E3, S1E10), "saboteur": (S1E3,)}, ("encore",)) == []


def test_a_spoiler_opened_in_one_list_item_covers_the_items_until_its_closer():
    source = "- One.\n  ::: spoiler S1E3\n  The understudy.\n- The saboteur.\n- The kestrel.\n  :::\n\nThe encore."
    secrets = {"understudy": (S1E3,), "saboteur": (S1E3,), "kestrel": (S1E3,)}
    assert leaks(source, secrets, ("encore",)) == []


def test_an_unclosed_spoiler_in_a_quote_runs_to_the_end_of_the_document():
    source = "> ::: spoiler S1E3\n> The understudy wins.\n\n- The saboteur runs.\n\n| The kestrel |\n| --- |"
    assert leaks(source, {"understudy": (S1E3,), "saboteur": (S1E3,), "kestrel": (S1E3,)}) == []


def test_a_stray_closer_is_ignored_and_the_next_spoiler_still_hides():
    source = "The overture.\n\n:::\n\n::: spoiler S1E3\nThe understudy wins.\n:::\n\nThe encore."
    assert leaks(source, {"understudy": (S1E3,)}, ("overture", "encore")) == []


def test_a_closer_inside_fenced_code_does_not_close_the_spoiler():
    source = "::: spoiler S1E3\n```\n:::\n```\nThe understudy wins.\n:::"
    assert leaks(source, {"understudy": (S1E3,)}) == []


def test_a_closer_inside_indented_code_does_not_close_the_spoiler():
    source = "::: spoiler S1E3\nSee:\n\n    :::\n\nThe understudy wins.\n:::"
    assert leaks(source, {"understudy": (S1E3,)}) == []


# Inline spoilers


def test_bars_inside_a_code_span_do_not_close_an_inline_spoiler():
    source = "Then ||S1E3: a `||` understudy|| and the encore."
    assert leaks(source, {"understudy": (S1E3,)}, ("encore",)) == []


def test_escaped_bars_do_not_close_an_inline_spoiler():
    source = r"Then ||S1E3: a \|\| understudy|| and the encore."
    assert leaks(source, {"understudy": (S1E3,)}, ("encore",)) == []


def test_a_scoped_inline_spoiler_nests_inside_another():
    source = "Then ||S1E10: the saboteur ||S1E3: understudy|| arsonist|| and the encore."
    secrets = {"saboteur": (S1E10,), "understudy": (S1E10, S1E3), "arsonist": (S1E10,)}
    assert leaks(source, secrets, ("encore",)) == []


def test_unscoped_inline_spoilers_nest_by_flanking():
    source = "Then ||the saboteur ||understudy|| arsonist|| and the encore."
    secrets = {"saboteur": (SHOW,), "understudy": (SHOW, SHOW), "arsonist": (SHOW,)}
    assert leaks(source, secrets, ("encore",)) == []


def test_an_unclosed_inline_spoiler_runs_to_the_end_of_its_paragraph_only():
    source = "Then ||S1E3: the understudy wins.\n\nThe encore."
    assert leaks(source, {"understudy": (S1E3,)}, ("encore",)) == []


def test_an_unclosed_inline_spoiler_in_a_heading_runs_to_its_end():
    source = "## Then ||S1E3: the understudy wins\n\nThe encore."
    assert leaks(source, {"understudy": (S1E3,)}, ("encore",)) == []


def test_a_closer_with_nothing_open_hides_its_paragraph_up_to_it():
    source = "Then the understudy wins|| and the encore."
    assert leaks(source, {"understudy": (None,)}, ("encore",)) == []


def test_bars_with_spaces_on_both_sides_close_an_open_spoiler():
    source = "Then ||S1E3: the understudy || and the encore, saboteur || arsonist."
    assert leaks(source, {"understudy": (S1E3,)}, ("encore", "saboteur", "arsonist")) == []


def test_a_table_with_bars_in_its_rows_is_hidden_whole():
    source = "| Who | Fate |\n| --- | --- |\n| saboteur | ||S1E3: understudy|| |"
    assert leaks(source, {"Who": (None,), "saboteur": (None,), "understudy": (None,)}) == []


def test_a_table_with_bars_is_hidden_whole_even_when_the_bars_break_its_columns():
    # GFM counts three header cells against one delimiter cell here, so no table is recognised.
    source = "| overture|| kestrel |\n| --- |\n| saboteur |"
    assert leaks(source, {"overture": (None,), "kestrel": (None,), "saboteur": (None,)}) == []


def test_a_torn_table_inside_a_list_item_is_hidden_whole():
    source = "- | overture|| kestrel |\n  | --- |\n  | saboteur |\n- The encore."
    assert leaks(source, {"overture": (None,), "kestrel": (None,), "saboteur": (None,)}, ("encore",)) == []


def test_a_spoiler_in_alt_text_is_dropped():
    assert leaks("![Poster ||S1E3: understudy||](image:1)", {"understudy": (None,)}) == []


def test_a_caption_with_bars_is_dropped():
    assert leaks('![Poster](image:1 "The ||understudy|| bows")', {"understudy": (None,)}) == []


def test_a_link_title_with_bars_is_dropped():
    assert leaks('[Poster](https://e.example/ "The ||understudy|| bows")', {"understudy": (None,)}) == []


def test_a_reference_defined_inside_a_spoiler_gives_no_address_or_title_outside_it():
    source = '[cast][c] and the encore.\n\n::: spoiler S1E3\n[c]: https://e.example/understudy "saboteur"\n:::'
    assert leaks(source, {"understudy": (None,), "saboteur": (None,)}, ("encore",)) == []


def test_a_footnote_defined_inside_a_spoiler_stays_in_it():
    source = "The overture.[^1]\n\n::: spoiler S1E3\n[^1]: The understudy wins.\n:::"
    assert leaks(source, {"understudy": (S1E3,)}, ("overture",)) == []


# The one visibility rule


def test_an_address_inside_an_inline_spoiler_is_hidden_with_it():
    source = "Then ||S1E3: see [the kestrel](https://e.example/understudy)|| and the encore."
    assert leaks(source, {"understudy": (S1E3,), "kestrel": (S1E3,)}, ("encore",)) == []


def test_an_address_after_a_spoiler_opened_in_its_link_text_and_never_closed_is_hidden():
    source = "Then [the ||S1E3: saboteur](https://e.example/understudy) runs."
    assert leaks(source, {"saboteur": (S1E3,), "understudy": (S1E3,)}) == []


def test_an_address_after_a_spoiler_opened_in_emphasis_in_its_link_text_is_hidden():
    source = "Then [the *||S1E3: saboteur*](https://e.example/understudy) runs."
    assert leaks(source, {"saboteur": (S1E3,), "understudy": (S1E3,)}) == []


def test_a_nested_inline_spoiler_stays_closed_when_only_its_block_is_covered():
    source = "::: spoiler S1E3\nThe saboteur is ||S2: the understudy||.\n:::"
    assert leaks(source, {"saboteur": (S1E3,), "understudy": (S1E3, S2)}) == []


def test_a_nested_inline_spoiler_stays_closed_when_only_its_outer_spoiler_is_covered():
    source = "Then ||S1E3: the saboteur ||S2: understudy|| runs|| on."
    assert leaks(source, {"saboteur": (S1E3,), "understudy": (S1E3, S2)}) == []


def test_a_spoiler_in_another_work_opens_for_no_reader_of_this_one():
    source = "Then ||other-show:s1e2: understudy|| and the encore."
    assert leaks(source, {"understudy": (OTHER,)}, ("encore",)) == []


def test_a_spoiler_crossing_emphasis_ends_at_its_closer():
    source = "Then *the ||S1E3: understudy* kestrel|| and the encore."
    assert leaks(source, {"understudy": (S1E3,), "kestrel": (S1E3,)}) == []


# Quote scopes


def test_a_quote_spanning_a_public_and_a_secret_paragraph_takes_the_secret_scope():
    source = "The overture.\n\n::: spoiler S1E3\nThe understudy wins.\n:::"
    quote = "The overture.\n\nThe understudy wins."
    assert leaks(source, {"understudy": (S1E3,)}, ("overture",), quotes=(quote,)) == []


def test_a_quote_spanning_two_works_is_unscoped():
    source = "Then ||S1E3: the saboteur|| and ||other-show:s1e2: the understudy|| bow."
    quote = "the saboteur and the understudy"
    assert leaks(source, {"saboteur": (S1E3,), "understudy": (OTHER,)}, quotes=(quote,)) == []


def test_a_quote_inside_nested_spoilers_takes_the_furthest_scope():
    source = "Then ||S1E10: the saboteur ||S1E3: understudy|| arsonist|| and the encore."
    quote = "the saboteur understudy arsonist"
    assert leaks(source, {"saboteur": (S1E10,), "understudy": (S1E10, S1E3)}, quotes=(quote,)) == []


def test_a_quote_in_link_text_inside_a_spoiler_stays_in_the_spoiler():
    source = "Then ||S1E3: [the saboteur bows](https://e.example/kestrel)|| and the encore."
    secrets = {"saboteur": (S1E3,), "kestrel": (S1E3,)}
    assert leaks(source, secrets, ("encore",), quotes=("the saboteur bows",)) == []


def test_a_quote_not_in_the_body_is_unscoped():
    source = "The overture.\n\n::: spoiler S1E3\nThe understudy wins.\n:::"
    assert leaks(source, {"understudy": (S1E3,)}, quotes=("the understudy wins it all",)) == []
