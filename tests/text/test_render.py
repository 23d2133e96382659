"""The body pipeline: sanitizing, spoiler variants, Q&A turns, excerpt and reading time."""

import re
from pathlib import Path

import pytest

from articles.text.render import BodyImage, QuoteMark, _parser, image_references, render_body
from articles.text.scope import Scope, covers, parse_scope
from articles.text.spoilers import Findings
from articles.text.variants import full_variant, safe_variant, variants

TPT = "tiny-pretty-things"
SECRET = "Zebulon the understudy was the saboteur all along"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_98e108f9906f62dc.txt"


def spoiler_elements(html: str) -> list[str]:
    """Inner HTML of every element carrying data-spoiler (elements here do not nest by tag)."""
    return re.findall(r"<(details|span)[^>]*data-spoiler=[^>]*>(.*?)</\1>", html, flags=re.S)


def outside_spoilers(html: str) -> str:
    return re.sub(r"<(details|span)[^>]*data-spoiler=[^>]*>.*?</\1>", "", html, flags=re.S)


# --- Markdown and sanitizing -----------------------------------------------------------------------


def test_renders_commonmark_paragraphs_and_emphasis():
    assert render_body("Hello *there*.").full_html.strip() == "<p>Hello <em>there</em>.</p>"


def test_raw_script_tag_is_escaped_not_rendered():
    html = render_body("Before <script>alert(1)</script> after").full_html
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_raw_img_with_onerror_is_escaped_not_rendered():
    html = render_body("<img src=x onerror=alert(1)>").full_html
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_javascript_link_has_no_javascript_href():
    html = render_body("[x](javascript:alert(1))").full_html
    assert 'href="javascript' not in html.lower()


def test_javascript_autolink_has_no_javascript_href():
    assert 'href="javascript' not in render_body("<javascript:alert(1)>").full_html.lower()


def test_https_link_survives():
    assert 'href="https://example.com/"' in render_body("[site](https://example.com/)").full_html


def test_headings_start_at_h2_under_the_page_headline():
    html = render_body("# Top\n\n## Sub\n\n### Deeper\n\n##### Deepest").full_html
    assert "<h2>Top</h2>" in html
    assert "<h2>Sub</h2>" in html
    assert "<h3>Deeper</h3>" in html
    assert "<h4>Deepest</h4>" in html
    assert "<h1" not in html


@pytest.mark.parametrize(
    ("body", "levels"),
    [
        ("### Opens deep\n\n#### Deeper still", [2, 3]),
        ("## Section\n\n#### Skips one", [2, 3]),
        ("## A\n\n### B\n\n#### C\n\n## D\n\n#### E", [2, 3, 4, 2, 3]),
        ("## A\n\n### B\n\n### C", [2, 3, 3]),
    ],
)
def test_no_heading_skips_a_level_below_the_one_before(body, levels):
    html = render_body(body).full_html
    assert [int(level) for level in re.findall(r"<h(\d)>", html)] == levels
    assert [int(level) for level in re.findall(r"</h(\d)>", html)] == levels


def test_images_are_dropped_with_a_warning():
    body = render_body("![poster](https://example.com/p.jpg)")
    assert "<img" not in body.full_html
    assert any("image" in warning.lower() for warning in body.warnings)


# --- Spoiler sections ------------------------------------------------------------------------------


def test_spoiler_section_keeps_secret_only_inside_a_data_spoiler_element():
    body = render_body(f"Intro.\n\n::: spoiler S1E10\n{SECRET}.\n:::\n\nOutro.", default_scope=Scope(TPT))
    assert any(SECRET in inner for _, inner in spoiler_elements(body.full_html))
    assert SECRET not in outside_spoilers(body.full_html)


def test_spoiler_section_markup_names_its_scope_and_opts_out_of_snippets():
    html = render_body(f"::: spoiler S1E10\n{SECRET}\n:::", default_scope=Scope(TPT)).full_html
    assert f'<details class="spoiler" data-spoiler="{TPT}:s1e10" data-nosnippet' in html


def test_spoiler_section_is_a_labelled_reveal_that_works_without_javascript():
    html = render_body(f"::: spoiler S1E10\n{SECRET}\n:::", default_scope=Scope(TPT)).full_html
    assert '<summary class="spoiler-reveal">Reveal spoiler for S1E10</summary>' in html
    assert f'<div class="spoiler-content">\n<p>{SECRET}</p>\n</div>' in html
    assert "<details" in html and " open" not in html


def test_spoiler_section_secret_is_absent_from_safe_html_and_plain():
    body = render_body(f"Intro.\n\n::: spoiler S1E10\n{SECRET}.\n:::\n\nOutro.", default_scope=Scope(TPT))
    assert SECRET not in body.safe_html
    assert SECRET not in body.plain
    assert "Outro." in body.safe_html


def test_spoiler_section_becomes_a_placeholder_in_safe_html():
    safe_html = render_body(f"::: spoiler S1E10\n{SECRET}\n:::", default_scope=Scope(TPT)).safe_html
    assert f'<p class="spoiler-placeholder" data-spoiler="{TPT}:s1e10">Spoiler for S1E10 hidden.</p>' in safe_html


def test_spoiler_section_without_scope_uses_default_scope():
    html = render_body(f"::: spoiler\n{SECRET}\n:::", default_scope=Scope(TPT, 1, 3)).full_html
    assert f'data-spoiler="{TPT}:s1e3"' in html


def test_spoiler_section_without_any_scope_is_unscoped_with_a_warning():
    body = render_body(f"::: spoiler\n{SECRET}\n:::")
    assert 'data-spoiler="unscoped"' in body.full_html
    assert SECRET not in body.safe_html
    assert body.warnings


def test_spoiler_section_with_bad_scope_is_unscoped_with_a_warning():
    body = render_body(f"::: spoiler S1x\n{SECRET}\n:::", default_scope=Scope(TPT))
    assert 'data-spoiler="unscoped"' in body.full_html
    assert any("S1x" in warning for warning in body.warnings)


def test_spoiler_section_finale_resolves_with_season_lengths():
    body = render_body(f"::: spoiler S1 finale\n{SECRET}\n:::", default_scope=Scope(TPT), season_lengths={1: 10})
    assert f'data-spoiler="{TPT}:s1e10"' in body.full_html


def test_unclosed_spoiler_section_hides_everything_after_it():
    body = render_body(f"Intro.\n\n::: spoiler S1E10\nFirst secret.\n\n{SECRET}.", default_scope=Scope(TPT))
    assert any(SECRET in inner for _, inner in spoiler_elements(body.full_html))
    assert SECRET not in body.safe_html
    assert SECRET not in body.plain
    assert "Intro." in body.safe_html


def test_unclosed_spoiler_section_warns_that_the_rest_is_hidden():
    body = render_body(f"::: spoiler S1E10\n{SECRET}.", default_scope=Scope(TPT))
    assert any("never closed" in warning and "everything after" in warning for warning in body.warnings)


def test_unclosed_spoiler_inside_a_quote_still_hides_the_rest_of_the_body():
    body = render_body(f"> ::: spoiler S2\n> Quoted secret.\n\n{SECRET}.", default_scope=Scope(TPT))
    assert SECRET not in body.safe_html
    assert SECRET not in outside_spoilers(body.full_html)
    assert body.warnings


def test_closed_spoiler_section_has_no_warning():
    assert render_body(f"::: spoiler S1E10\n{SECRET}\n:::", default_scope=Scope(TPT)).warnings == []


def test_scopes_are_sorted_and_unique():
    source = "::: spoiler S2\nA\n:::\n\n::: spoiler S1E4\nB\n:::\n\n::: spoiler S1E4\nC\n:::"
    assert render_body(source, default_scope=Scope(TPT)).scopes == [Scope(TPT, 1, 4), Scope(TPT, 2)]


# --- Inline spoilers -------------------------------------------------------------------------------


def test_inline_spoiler_keeps_secret_only_inside_a_data_spoiler_span():
    body = render_body(f"We learn that ||{SECRET}|| in the end.", default_scope=Scope(TPT, 1, 8))
    assert f'<span class="spoiler" data-spoiler="{TPT}:s1e8" data-nosnippet="">' in body.full_html
    assert f'<span class="spoiler-content">{SECRET}</span></span>' in body.full_html
    assert SECRET not in outside_spoilers(body.full_html)


def test_inline_spoiler_has_a_labelled_checkbox_reveal():
    html = render_body(f"We learn that ||{SECRET}|| in the end.", default_scope=Scope(TPT, 1, 8)).full_html
    assert '<input type="checkbox" id="spoiler-1" class="spoiler-toggle">' in html
    assert '<label for="spoiler-1" class="spoiler-reveal">Reveal spoiler for S1E8</label>' in html


def test_body_cannot_smuggle_in_other_inputs():
    html = render_body('Text <input type="text" id="x"> and [a](javascript:x)').full_html
    assert "<input" not in html


def test_inline_spoiler_is_a_placeholder_in_safe_html_and_absent_from_plain():
    body = render_body(f"We learn that ||{SECRET}|| in the end.", default_scope=Scope(TPT, 1, 8))
    assert SECRET not in body.safe_html
    assert SECRET not in body.plain
    assert '<span class="spoiler-placeholder">[spoiler]</span>' in body.safe_html


def test_inline_spoiler_with_explicit_scope():
    body = render_body(f"Then ||S1E5: {SECRET}||.", default_scope=Scope(TPT))
    assert f'data-spoiler="{TPT}:s1e5"' in body.full_html
    assert "S1E5:" not in body.full_html
    assert body.scopes == [Scope(TPT, 1, 5)]


def test_inline_spoiler_content_is_still_markdown():
    assert "<em>twist</em>" in render_body("A ||*twist*||.", default_scope=Scope(TPT)).full_html


def test_unpaired_bars_stay_text():
    assert "a || b" in render_body("a || b").full_html


@pytest.mark.parametrize(
    ("inside", "words"),
    [
        ("a line\nand the next", "a line and the next"),  # a soft break is a space
        ("a line  \nand the next", "a line and the next"),  # so is a hard one
        ("a line\\\nand the next", "a line and the next"),
        ("run `make secret` now", "run make secret now"),  # code spans are words too
        ("un*believ*able", "unbelievable"),  # a word split by emphasis stays one word
    ],
)
def test_spoiler_texts_read_the_words_a_reader_reads(inside, words):
    body = render_body(f"::: spoiler S1E2\nFirst.\n\n{inside}\n:::", default_scope=Scope(TPT))
    assert body.spoiler_texts == [f"First. {words}"]


@pytest.mark.parametrize(
    "code", ["```\nfenced secret code\n```", "~~~ text\nfenced secret code\n~~~", "    fenced secret code"]
)
def test_spoiler_texts_include_code_blocks_inside_the_spoiler(code):
    body = render_body(f"::: spoiler S1E2\nBefore.\n\n{code}\n\nAfter.\n:::\n\nOutside.", default_scope=Scope(TPT))
    assert body.spoiler_texts == ["Before. fenced secret code After."]


def test_the_plain_text_keeps_code_spans_and_line_breaks_as_words():
    body = render_body("Run `make demo` first,\nthen wait  \nfor it.")
    assert body.safe_text == "Run make demo first, then wait for it."


def test_a_quote_written_with_its_spoiler_marker_is_found_by_its_words():
    body = render_body(
        "She says ||S1E3: I am the one|| quietly.", default_scope=Scope(TPT), locate=["||S1E3: I am the one"]
    )
    assert body.quote_scopes == {"||S1E3: I am the one": f"{TPT}:s1e3"}


def test_a_link_title_holding_bars_loses_its_title_and_keeps_its_address():
    html = render_body('See [the cast](https://example.com/cast "who ||dies|| first").').full_html
    assert html.strip() == '<p>See <a href="https://example.com/cast" rel="noopener noreferrer">the cast</a>.</p>'


def test_lines_that_fail_as_a_table_without_bars_in_them_stay_a_visible_paragraph():
    # Three header cells over a two-cell delimiter row: not a table, and no spoiler tore it.
    body = render_body("| Role | Actor | Season |\n| --- | --- |\n| Lead | Ana Reyes | 1 |", default_scope=Scope(TPT))
    assert body.warnings == []
    assert "Ana Reyes" in body.safe_html and body.spoiler_count == 0


# --- Spoilers nested past the limit ----------------------------------------------------------------


def nested_sections(depth: int) -> str:
    """``depth`` spoiler sections, S1E1 outermost, each closed in turn with a paragraph after it."""
    opened = "".join(f"::: spoiler S1E{n}\nLevel {n} words.\n\n" for n in range(1, depth + 1))
    return opened + "".join(f":::\nAfter closing {n}.\n\n" for n in range(depth, 0, -1))


def spoiler_attrs(html: str) -> list[str]:
    return re.findall(r'data-spoiler="([^"]*)"', html)


def test_sections_nested_past_eight_deep_put_the_deepest_in_spoilers_no_reader_sees():
    body = render_body(nested_sections(10), default_scope=Scope(TPT))

    assert body.warnings == ["Spoilers are nested more than 8 deep; the deepest are hidden from every reader."]
    # The ninth and tenth openers each replace the innermost spoiler with one no progress covers.
    assert spoiler_attrs(body.full_html) == [f"{TPT}:s1e{n}" for n in range(1, 9)] + ["unscoped", "unscoped"]
    # Ten as written, and the two that replaced the innermost.
    assert body.spoiler_count == 12
    # Each closer past the limit closes one of those openers; the rest close the eight in turn.
    assert body.spoiler_texts[7:] == [
        "Level 8 words.",
        "Level 9 words.",
        "Level 10 words. After closing 10. After closing 9.",
    ]
    assert body.spoiler_texts[6] == "Level 7 words. Level 8 words. Level 9 words. Level 10 words. " + " ".join(
        f"After closing {n}." for n in (10, 9, 8)
    )
    assert body.spoiler_texts[0].endswith(
        "Level 10 words. After closing 10. After closing 9. After closing 8. "
        + " ".join(f"After closing {n}." for n in range(7, 1, -1))
    )
    assert not [text for text in body.spoiler_texts if "After closing 1." in text]


def test_one_section_past_the_limit_warns_once_and_every_closer_still_closes_one():
    body = render_body(nested_sections(9), default_scope=Scope(TPT))

    assert body.warnings == ["Spoilers are nested more than 8 deep; the deepest are hidden from every reader."]
    assert spoiler_attrs(body.full_html) == [f"{TPT}:s1e{n}" for n in range(1, 9)] + ["unscoped"]
    assert body.spoiler_texts[8] == "Level 9 words. After closing 9."
    assert body.spoiler_texts[7] == "Level 8 words."
    assert body.spoiler_count == 10
    assert body.spoiler_texts[0].endswith("After closing 3. After closing 2.")
    assert not [text for text in body.spoiler_texts if "After closing 1." in text]


def test_eight_deep_is_within_the_limit():
    body = render_body(nested_sections(8), default_scope=Scope(TPT))
    assert body.warnings == []
    assert spoiler_attrs(body.full_html) == [f"{TPT}:s1e{n}" for n in range(1, 9)]
    assert body.spoiler_count == 8


def test_inline_spoilers_nested_past_the_limit_keep_an_inline_placeholder():
    opened = "".join(f"||S1E{n}: w{n} " for n in range(1, 11))
    body = render_body(f"Start {opened}" + "|| " * 10 + "end.", default_scope=Scope(TPT))

    assert body.warnings == ["Spoilers are nested more than 8 deep; the deepest are hidden from every reader."]
    assert spoiler_attrs(body.full_html)[-2:] == ["unscoped", "unscoped"]
    assert body.spoiler_count == 12
    assert body.spoiler_texts[-3:] == ["w8", "w9", "w10"]
    assert body.safe_html.strip() == '<p>Start <span class="spoiler-placeholder">[spoiler]</span> end.</p>'


# --- Q&A turns -------------------------------------------------------------------------------------

INTERVIEW = """Intro paragraph.

CALLBOARD: How did it start?

JOLLETTE: With a self-tape.

What came next?

**Kylie Jefferson:** The callback.
"""


def test_capitalised_labels_become_qa_turns():
    html = render_body(INTERVIEW).full_html
    assert '<div class="qa-turn">\n<p><strong class="qa-speaker">JOLLETTE</strong> With a self-tape.</p>' in html


def test_bold_labels_become_qa_turns():
    html = render_body(INTERVIEW).full_html
    assert '<strong class="qa-speaker">Kylie Jefferson</strong> The callback.' in html


def test_unlabelled_question_between_answers_is_a_question_turn():
    assert '<div class="qa-turn qa-question">\n<p>What came next?</p>' in render_body(INTERVIEW).full_html


def test_qa_speaker_is_linked_when_url_known_case_insensitively():
    html = render_body(INTERVIEW, speaker_urls={"Jollette": "/people/casimere-jollette/"}).full_html
    assert '<strong class="qa-speaker"><a href="/people/casimere-jollette/"' in html


def test_qa_speaker_link_with_javascript_url_loses_its_href():
    html = render_body(INTERVIEW, speaker_urls={"jollette": "javascript:alert(1)"}).full_html
    assert "javascript" not in html


def test_ordinary_paragraphs_are_not_qa_turns():
    assert "qa-turn" not in render_body("Intro.\n\nDid it work?\n\nIt did.").full_html


def test_single_label_is_not_an_interview():
    assert "qa-turn" not in render_body("UPDATE: the premiere moved.\n\nMORE: nothing else.").full_html


def test_one_labelled_paragraph_alone_is_not_a_qa_turn():
    assert "qa-turn" not in render_body("NETFLIX: confirmed the date.\n\nNothing else here.").full_html


def test_plain_keeps_the_speaker_label():
    assert "JOLLETTE: With a self-tape." in render_body(INTERVIEW).plain


# --- Plain excerpt and reading time ----------------------------------------------------------------


def test_plain_has_no_markup():
    plain = render_body("# Title\n\nSome *emphasis* and [a link](https://example.com/).").plain
    assert plain == "Title Some emphasis and a link."


def test_plain_is_cut_at_a_word_boundary_near_300_chars():
    plain = render_body(" ".join(["word"] * 200)).plain
    assert len(plain) <= 301
    assert plain.endswith("word…")


def test_reading_time_is_at_least_one_minute():
    assert render_body("").reading_minutes == 1


def test_reading_time_is_about_230_words_a_minute():
    assert render_body(" ".join(["word"] * 230 * 4)).reading_minutes == 4


def test_reading_time_counts_spoiler_text():
    source = "::: spoiler S1E1\n" + " ".join(["word"] * 230 * 3) + "\n:::"
    assert render_body(source, default_scope=Scope(TPT)).reading_minutes == 3


# --- Seed article ----------------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not available at {SEED}")
def test_seed_interview_renders_qa_turns_without_warnings():
    body = render_body(SEED.read_text(encoding="utf-8"), default_scope=Scope(TPT))
    assert body.full_html.count("qa-turn") >= 5
    assert body.warnings == []
    assert body.plain


# --- Confirmed quotes ----------------------------------------------------------------------------


def test_confirmed_quote_renders_as_q_linked_to_its_speaker():
    source = "“I wanted the part more than anything,” she said."
    quote = QuoteMark(words="I wanted the part more than anything", speaker_url="/people/anna/", speaker_name="Anna")
    html = render_body(source, quotes=[quote]).full_html
    assert (
        '<a href="/people/anna/" class="quote-link" title="Anna" rel="noopener noreferrer">'
        '<q class="quote" cite="/people/anna/">I wanted the part more than anything,</q></a> she said.'
    ) in html


def test_quote_inside_a_spoiler_reports_that_spoilers_scope():
    quote = QuoteMark(words="It was my sister all along", speaker_url="/people/x/", speaker_name="X")
    source = "Intro.\n\n::: spoiler S1E10\n“It was my sister all along,” she said.\n:::"
    body = render_body(source, default_scope=Scope(TPT), quotes=[quote])
    assert body.quote_scopes == {"It was my sister all along": f"{TPT}:s1e10"}
    assert "It was my sister" not in body.safe_html


def test_quote_outside_spoilers_reports_an_empty_scope_and_a_missing_quote_is_unscoped():
    found = QuoteMark(words="Plain words said aloud", speaker_url="/p/", speaker_name="P")
    missing = QuoteMark(words="Words that were cut", speaker_url="/p/", speaker_name="P")
    body = render_body("“Plain words said aloud,” he said.", quotes=[found, missing])
    assert body.quote_scopes == {"Plain words said aloud": "", "Words that were cut": "unscoped"}


def test_quote_in_an_inline_spoiler_takes_the_inline_scope():
    quote = QuoteMark(words="I am the one", speaker_url="/p/", speaker_name="P")
    body = render_body("She says ||S1E3: “I am the one”|| quietly.", default_scope=Scope(TPT), quotes=[quote])
    assert body.quote_scopes == {"I am the one": f"{TPT}:s1e3"}


def test_spoiler_texts_list_each_section_and_inline_spoiler():
    body = render_body(
        f"Then ||S1E2: a *quiet* exit||.\n\n::: spoiler S1E10\n{SECRET}.\n\nMore.\n:::", default_scope=Scope(TPT)
    )
    assert body.spoiler_texts == ["a quiet exit", f"{SECRET}. More."]


def test_quote_over_several_paragraphs_is_found_by_its_first_paragraph():
    words = "The first part of what she said\n\nand the second part"
    quote = QuoteMark(words=words, speaker_url="/p/", speaker_name="P")
    source = "::: spoiler S1E4\n“The first part of what she said\n\n“and the second part,” she said.\n:::"
    body = render_body(source, default_scope=Scope(TPT), quotes=[quote])
    assert body.quote_scopes == {words: f"{TPT}:s1e4"}


def test_a_quotes_rarest_word_met_in_a_spoiler_in_other_words_leaves_the_quote_outside_it():
    # "alpha" is the quote's rarest word, and a spoiler holds it too, followed by other words:
    # only the place where the whole quote appears decides its scope.
    source = "“Alpha beta,” she said, beta again and beta.\n\n::: spoiler S1E3\nGamma alpha delta.\n:::"
    body = render_body(source, default_scope=Scope(TPT), locate=["Alpha beta"])
    assert body.quote_scopes == {"Alpha beta": ""}


def test_a_quote_spoken_inside_and_outside_a_spoiler_takes_the_spoilers_scope():
    source = "“Alpha beta,” she said.\n\n::: spoiler S1E3\nAgain: alpha beta.\n:::"
    body = render_body(source, default_scope=Scope(TPT), locate=["Alpha beta"])
    assert body.quote_scopes == {"Alpha beta": f"{TPT}:s1e3"}


# --- Library images in the body --------------------------------------------------------------------

BODY_IMAGE = BodyImage(
    src="/media/renditions/42/original-960w-abc.jpg",
    srcset="/media/renditions/42/original-320w-abc.jpg 320w, /media/renditions/42/original-960w-abc.jpg 960w",
    webp_srcset="/media/renditions/42/original-320w-abc.webp 320w",
    width=960,
    height=640,
    alt="Two dancers in rehearsal",
    caption="The company in rehearsal",
    credit="Sophie Giraud/Netflix",
)


def test_a_library_image_renders_as_a_figure_with_caption_and_credit():
    html = render_body("Intro.\n\n![](image:42)\n", images={42: BODY_IMAGE}).full_html
    assert '<figure class="body-image"><picture><source type="image/webp"' in html
    assert 'src="/media/renditions/42/original-960w-abc.jpg"' in html
    assert 'width="960" height="640" alt="Two dancers in rehearsal" loading="lazy"' in html
    assert '<figcaption>The company in rehearsal <span class="credit">Sophie Giraud/Netflix</span></figcaption>' in html


def test_the_markdown_alt_and_title_override_the_library_alt_and_caption():
    html = render_body('![Jollette mid-leap](image:42 "At the gala")', images={42: BODY_IMAGE}).full_html
    assert 'alt="Jollette mid-leap"' in html
    assert "<figcaption>At the gala <span" in html


def test_an_unknown_image_number_warns_and_renders_nothing():
    body = render_body("Before.\n\n![x](image:7)\n\nAfter.", images={42: BODY_IMAGE})
    assert "<figure" not in body.full_html and "<img" not in body.full_html
    assert any("image:7" in warning for warning in body.warnings)


def test_outside_image_urls_are_still_dropped_with_a_warning():
    body = render_body("![x](https://example.com/x.png)\n\nText ![y](/media/x.png) here.", images={42: BODY_IMAGE})
    assert "<img" not in body.full_html and "example.com" not in body.full_html
    assert "<p></p>" not in body.full_html
    assert body.warnings


def test_a_library_image_inside_a_sentence_is_dropped_with_a_warning():
    body = render_body("Look ![x](image:42) here.", images={42: BODY_IMAGE})
    assert "<figure" not in body.full_html
    assert any("own" in warning for warning in body.warnings)


def test_an_image_inside_a_spoiler_stays_out_of_the_safe_variant():
    body = render_body("::: spoiler S1E2\n![](image:42)\n:::\n", images={42: BODY_IMAGE})
    assert "body-image" in body.full_html
    assert "body-image" not in body.safe_html


def test_body_images_may_only_load_our_own_media_files():
    hostile = BodyImage(
        src="https://evil.example/x.png", srcset="//evil.example/y.png 320w", width=1, height=1, alt="x"
    )
    html = render_body("![](image:1)", images={1: hostile}).full_html
    assert "evil" not in html


def test_image_references_lists_the_library_numbers_in_a_body():
    source = '![a](image:42)\n\ntext ![b](image:7 "t") and [link](image:9) and ![c](http://x/image:5)'
    assert image_references(source) == {42, 7}


# --- Spoilers decided on the parsed tree ------------------------------------------------------------

SHOW = Scope("the-show")
EARLY = Scope("the-show", 1, 3)


def visible_at(html: str, progress: Scope) -> str:
    """What a reader at `progress` gets in a feed: covered spoilers open, the rest replaced."""
    from articles.text.reveal import unwrap_for_feed

    return unwrap_for_feed(html, lambda attr: attr != "unscoped" and covers(progress, parse_scope(attr)), link="/a/")


def test_an_unclosed_block_in_a_list_item_hides_the_following_items_and_everything_after():
    body = render_body("- one\n- two\n  ::: spoiler S1E5\n  alpha\n- beta\n\ngamma", default_scope=SHOW)
    for word in ("alpha", "beta", "gamma"):
        assert word not in body.safe_html and word not in body.plain
        assert word not in visible_at(body.full_html, EARLY)
        assert word in visible_at(body.full_html, Scope("the-show", 1, 5))
    assert body.safe_html.count("<li>") == 3  # the list keeps its shape, hidden items a placeholder
    assert any("never closed" in warning for warning in body.warnings)


def test_nested_blocks_with_the_same_colons_pair_like_brackets():
    source = "::: spoiler S1E10\nouter\n::: spoiler S1E3\ninner\n:::\nafter\n:::\n\npublic"
    html = render_body(source, default_scope=SHOW).full_html
    early = visible_at(html, EARLY)
    assert "outer" not in early and "after" not in early and "inner" not in early
    assert "public" in early
    late = visible_at(html, Scope("the-show", 1, 10))
    assert all(word in late for word in ("outer", "inner", "after"))


def test_a_spoiler_may_open_in_one_list_item_and_close_in_another():
    body = render_body("1. a\n   ::: spoiler S1E5\n   b\n2. c\n   :::\n3. d", default_scope=SHOW)
    assert body.plain == "a d"
    assert body.full_html.count('data-spoiler="the-show:s1e5"') == 2  # one control per item it crosses


def test_a_misspelt_opener_is_a_spoiler_hidden_from_everyone():
    body = render_body("::: spolier S1E5\nthe twist\n:::", default_scope=SHOW)
    assert "the twist" not in body.safe_html
    assert 'data-spoiler="unscoped"' in body.full_html
    assert any("not '::: spoiler'" in warning for warning in body.warnings)


def test_an_opener_that_is_a_scope_reads_as_one():
    body = render_body("::: S1E5\nthe twist\n:::", default_scope=SHOW)
    assert 'data-spoiler="the-show:s1e5"' in body.full_html


def test_a_stray_closer_is_ignored_with_a_warning():
    body = render_body("public\n\n:::\n\nmore", default_scope=SHOW)
    assert body.plain == "public more"
    assert any("closes no spoiler" in warning for warning in body.warnings)


def test_a_closing_bar_with_no_opening_hides_the_paragraph_up_to_it():
    body = render_body("The winner was Odile|| and the crowd cheered.", default_scope=SHOW)
    assert "Odile" not in body.safe_html and "winner" not in body.plain
    assert "crowd cheered" in body.plain


def test_bars_in_a_code_span_are_code_and_do_not_end_a_spoiler():
    body = render_body("||S1E2: run `a || b` then the reveal|| after", default_scope=SHOW)
    assert "reveal" not in body.safe_html and "a || b" not in body.safe_html
    assert body.plain == "after"


def test_an_inline_spoiler_never_closed_runs_to_the_end_of_its_paragraph():
    body = render_body("Before ||S1E2: the reveal\n\nNext paragraph.", default_scope=SHOW)
    assert body.plain == "Before Next paragraph."


def test_a_table_with_bars_in_a_row_is_hidden_whole():
    body = render_body("| who | fate |\n|---|---|\n| Odile | ||S1E2: falls|| |\n\nafter", default_scope=SHOW)
    assert "<table" not in body.safe_html and "falls" not in body.safe_html
    assert body.plain == "after"
    assert any("table" in warning for warning in body.warnings)


def test_tables_render_with_their_alignment_only():
    html = render_body("| a | b |\n|:--|--:|\n| 1 | 2 |").full_html
    assert '<th style="text-align:left">a</th>' in html
    assert '<td style="text-align:right">2</td>' in html


def test_a_footnote_defined_inside_a_spoiler_stays_in_it():
    body = render_body("Public[^n].\n\n::: spoiler S1E5\n[^n]: the note reveals all\n:::", default_scope=SHOW)
    assert "reveals" not in body.safe_html and "reveals" not in body.plain
    assert "reveals" not in visible_at(body.full_html, EARLY)
    assert 'href="#fn1"' in body.safe_html


def test_footnotes_render_with_their_anchors():
    html = render_body("Said so[^1].\n\n[^1]: In a statement.").full_html
    assert '<li id="fn1" class="footnote-item">' in html
    assert 'id="fnref1"' in html


def test_a_link_whose_reference_is_defined_in_a_spoiler_loses_its_address_and_title():
    body = render_body('::: spoiler S1E5\n[r]: https://example.com/twist "The twist"\n:::\n\nSee [this][r].')
    for html in (body.full_html, body.safe_html):
        assert "example.com" not in html and "The twist" not in html
        assert "See this." in html
    assert any("reference" in warning for warning in body.warnings)


def test_a_link_whose_text_opens_a_spoiler_left_open_moves_inside_it():
    body = render_body("Then [the ||S1E3: twist](https://example.com/twist) runs.", default_scope=SHOW)
    public, _, secret = body.full_html.partition('class="spoiler-content"')
    assert "Then the " in public and "example.com" not in public
    assert '<a href="https://example.com/twist" rel="noopener noreferrer">twist</a>' in secret
    assert "example.com" not in body.safe_html and "Then the " in body.safe_html


def test_a_spoiler_in_alt_text_or_a_caption_never_reaches_the_image():
    images = {1: BodyImage(src="/media/a.jpg", srcset="", width=4, height=3, alt="library alt", caption="Library")}
    body = render_body('![The ||S1E4: fall|| scene](image:1 "The ||fall||")', default_scope=SHOW, images=images)
    for html in (body.full_html, body.safe_html):
        assert "fall" not in html
        assert 'alt="The scene"' in html and "<figcaption>Library</figcaption>" in html


def test_the_excerpt_never_shows_placeholders():
    body = render_body("Before ||S1E2: a twist|| after.\n\n::: spoiler S1E5\nhidden\n:::", default_scope=SHOW)
    assert body.plain == "Before after."
    assert "[spoiler]" in body.safe_html


def test_escaped_bars_make_an_inline_spoiler_inside_a_table_cell():
    body = render_body("| who | fate |\n|---|---|\n| Odile | \\|\\|S1E2: falls\\|\\| |", default_scope=SHOW)
    assert "<table" in body.safe_html and "falls" not in body.safe_html
    assert "falls" in visible_at(body.full_html, Scope("the-show", 1, 2))
    assert "falls" not in visible_at(body.full_html, Scope("the-show", 1, 1))


def test_another_works_finale_is_not_read_with_this_works_season_lengths():
    body = render_body("::: spoiler other-show:s1 finale\nthe end\n:::", default_scope=SHOW, season_lengths={1: 8})
    assert 'data-spoiler="unscoped"' in body.full_html
    assert any("another work's finale" in warning for warning in body.warnings)


def test_each_variant_built_on_its_own_is_the_one_built_with_the_other():
    md = _parser()
    env = {"findings": Findings(default_scope=Scope(TPT))}
    tokens = md.parse(f"Before.\n\n::: spoiler S1E2\n{SECRET}.\n:::\n\nAfter ||S1E3: {SECRET}||.", env)

    def html(variant):
        return md.renderer.render(variant, md.options, env)

    full, safe = variants(tokens)
    assert html(full_variant(tokens)) == html(full)
    assert html(safe_variant(tokens)) == html(safe)
    assert SECRET in html(full)
    assert SECRET not in html(safe)


def test_every_inline_token_of_a_variant_carries_its_own_visible_words_and_no_spoilers():
    # The parser's inline content is the source line, spoilers and all; a variant's must be only
    # the words it shows, for anything that reads it after the variants are built.
    from articles.text.spoilers import Findings
    from articles.text.variants import plain_inline

    source = "Lead ||S1E2: the secret|| line.\n\n::: spoiler S1E4\nHidden *block*.\n:::\n\nTail."
    tokens = _parser().parse(source, {"findings": Findings(default_scope=SHOW)})
    for variant in variants(tokens):
        inline = [token for token in variant if token.type == "inline"]
        assert inline and all(token.content == plain_inline(token) for token in inline)
    full, safe = variants(_parser().parse(source, {"findings": Findings(default_scope=SHOW)}))
    safe_words = " ".join(token.content for token in safe if token.type == "inline")
    assert "secret" not in safe_words and "Hidden" not in safe_words
    assert "Lead" in safe_words and "Tail." in safe_words
    full_words = " ".join(token.content for token in full if token.type == "inline")
    assert "Hidden block." in full_words and "the secret" in full_words
    assert "Reveal spoiler" not in full_words and "Spoiler for S1E4" not in safe_words  # the page's, not the article's


def test_emphasis_around_two_spoilers_keeps_each_spoiler_its_own_scope():
    # The emphasis opens in one spoiler and closes in another: neither spoiler holds it, and the
    # later episode's words never sit in the earlier spoiler alone.
    body = render_body("||S1E1: *first words||||S1E9: later words*||", default_scope=SHOW)
    assert spoiler_attrs(body.full_html) == ["the-show:s1e1", "the-show:s1e9"]
    early = visible_at(body.full_html, Scope("the-show", 1, 1))
    assert "first words" in early and "later words" not in early
    assert "later words" in visible_at(body.full_html, Scope("the-show", 1, 9))
    assert body.safe_html.strip() == (
        '<p><em><span class="spoiler-placeholder">[spoiler]</span><span class="spoiler-placeholder">[spoiler]</span>'
        "</em></p>"
    )


def test_emphasis_opened_in_a_spoiler_and_closed_after_it_stays_outside_the_spoiler():
    body = render_body("||S1E2: *secret words||* rest", default_scope=SHOW)
    assert body.safe_html.strip() == '<p><em><span class="spoiler-placeholder">[spoiler]</span></em> rest</p>'
    assert body.full_html.startswith('<p><em><span class="spoiler" data-spoiler="the-show:s1e2"')


def test_a_footnote_defined_as_a_spoiler_section_hides_the_footnotes():
    body = render_body("Text[^1].\n\n[^1]: ::: spoiler S1E2\n    hidden words\n    :::", default_scope=SHOW)
    assert "hidden words" not in body.safe_html
    assert 'data-spoiler="the-show:s1e2">Spoiler for S1E2 hidden.</p>' in body.safe_html
    assert "hidden words" not in visible_at(body.full_html, Scope("the-show", 1, 1))
    assert "hidden words" in visible_at(body.full_html, Scope("the-show", 1, 2))


# --- The parser's warnings, exactly ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "warning", "safe_html"),
    [
        (
            "Intro.\n\n::: spoiler S1E2\nsecret one\n\n::: spoiler S1E4\nsecret two\n:::\nstill hidden",
            "The spoiler opened on line 3 is never closed with ':::', so everything after it, to the end of the "
            "article, is hidden as part of the spoiler. Add a ':::' line where the spoiler ends.",
            '<p>Intro.</p>\n<p class="spoiler-placeholder" data-spoiler="the-show:s1e2">Spoiler for S1E2 hidden.</p>',
        ),
        (
            "Cast list:\n\n| a | b |\n| --- | --- |\n| x ||S1E2: y|| | z |",
            "The table on line 3 has '||' in it, and a table splits its cells at '|', so the spoiler is torn apart: "
            "the whole table is hidden from every reader. In a cell, write the bars escaped, '\\|\\|S1E5: …\\|\\|', "
            "or put the table inside '::: spoiler S1E5' … ':::'.",
            '<p>Cast list:</p>\n<p class="spoiler-placeholder" data-spoiler="unscoped">Spoiler hidden.</p>',
        ),
        (
            "Intro.\n\nThen ||S1E2: words to the end\n\nNext paragraph.",
            "The inline spoiler on line 3 is never closed with '||', so the rest of its paragraph is hidden. Add '||' "
            "where it ends.",
            '<p>Intro.</p>\n<p>Then <span class="spoiler-placeholder">[spoiler]</span></p>\n<p>Next paragraph.</p>',
        ),
    ],
    ids=["unclosed-section", "bars-in-a-table-cell", "inline-never-closed"],
)
def test_markings_that_hide_more_than_meant_say_where_and_hide_it_all(source, warning, safe_html):
    body = render_body(source, default_scope=SHOW)
    assert body.warnings == [warning]
    assert body.safe_html.strip() == safe_html


def test_lines_torn_out_of_a_table_by_bars_are_hidden_whole_with_the_exact_warning():
    body = render_body("Cast list:\n\n| a ||S1E2: x|| | b |\n| --- | --- |\n| 1 | 2 |", default_scope=SHOW)
    assert body.warnings == [
        "The lines from line 3 look like a table, but '||' in a row gives it more cells than its delimiter row, so "
        "it is not read as one: all of it is hidden from every reader. In a cell, write the bars escaped, "
        "'\\|\\|S1E5: …\\|\\|'."
    ]
    assert "spoiler-placeholder" in body.safe_html and "a " not in body.safe_html.split("</p>", 1)[1]


def test_links_whose_reference_is_defined_in_a_spoiler_lose_it_and_say_so():
    source = (
        "See [the cast][cast] and [the crew][crew].\n\n[crew]: https://example.com/crew\n\n"
        '::: spoiler S1E2\n[cast]: https://example.com/cast "Who dies"\n:::'
    )
    body = render_body(source, default_scope=SHOW)
    assert body.warnings == [
        "The link on line 1 uses the reference [cast], which is defined inside a spoiler; outside that spoiler it "
        "is shown as plain text. Define the reference outside the spoiler."
    ]
    assert body.full_html.strip() == (
        '<p>See the cast and <a href="https://example.com/crew" rel="noopener noreferrer">the crew</a>.</p>'
    )


def test_a_link_after_a_secret_reference_in_the_same_paragraph_is_checked_too():
    source = "[One][a] and [two][b].\n\n::: spoiler S1E2\n[a]: https://example.com/a\n\n[b]: https://example.com/b\n:::"
    body = render_body(source, default_scope=SHOW)
    assert [warning.split(",")[0] for warning in body.warnings] == [
        "The link on line 1 uses the reference [a]",
        "The link on line 1 uses the reference [b]",
    ]
    assert body.full_html.strip() == "<p>One and two.</p>"


def test_an_image_whose_reference_is_defined_in_a_spoiler_loses_it():
    body = render_body("Look: ![a still][still]\n\n::: spoiler S1E2\n[still]: https://example.com/s.png\n:::")
    assert body.warnings[0].startswith("The link on line 1 uses the reference [still], which is defined inside")
    assert "s.png" not in body.full_html


def test_a_link_and_its_reference_in_the_same_spoiler_keep_the_address():
    body = render_body(
        "::: spoiler S1E2\nSee [the cast][cast].\n\n[cast]: https://example.com/cast\n:::", default_scope=SHOW
    )
    assert body.warnings == []
    assert '<a href="https://example.com/cast" rel="noopener noreferrer">the cast</a>' in body.full_html


def test_a_reference_defined_on_the_first_line_is_outside_every_spoiler():
    # Even when the article ends inside a spoiler left open.
    body = render_body(
        "[cast]: https://example.com/cast\n\nSee [the cast][cast].\n\n::: spoiler S1E2\nleft open", default_scope=SHOW
    )
    assert [warning for warning in body.warnings if "reference" in warning] == []
    assert '<a href="https://example.com/cast"' in body.safe_html


def test_an_inline_spoiler_with_an_impossible_scope_says_which_line_it_is_on():
    body = render_body("Line one.\n\nThen ||S0E1: words|| and ||words two|| here.", default_scope=SHOW)
    assert body.warnings == [
        "The inline spoiler on line 3: Season numbers start at 1 (got 0). It is hidden from every reader until fixed."
    ]
    assert spoiler_attrs(body.full_html) == ["unscoped", "the-show"]
    assert body.safe_html.strip() == (
        '<p>Line one.</p>\n<p>Then <span class="spoiler-placeholder">[spoiler]</span> and '
        '<span class="spoiler-placeholder">[spoiler]</span> here.</p>'
    )


def test_a_closing_bar_with_no_opener_hides_the_paragraph_up_to_it_with_an_inline_placeholder():
    body = render_body("secret words|| after", default_scope=SHOW)
    assert body.warnings == [
        "The inline spoiler on line 1 has a closing '||' with no opening one, so the paragraph up to it is hidden "
        "as a spoiler. Put '||' where the spoiler starts."
    ]
    assert body.safe_html.strip() == '<p><span class="spoiler-placeholder">[spoiler]</span> after</p>'
    assert spoiler_attrs(body.full_html) == ["unscoped"]


def test_a_closing_bar_with_no_opener_inside_a_section_nests_in_it():
    body = render_body("::: spoiler S1E2\nsecret words|| after\n:::", default_scope=SHOW)
    assert spoiler_attrs(body.full_html) == ["the-show:s1e2", "unscoped"]
    assert body.spoiler_texts == ["secret words after", "secret words"]
    late = visible_at(body.full_html, Scope("the-show", 1, 2))
    assert "after" in late and "secret words" not in late


def test_an_opener_without_a_scope_takes_the_articles_and_an_inline_placeholder():
    body = render_body("Open ||words here|| end.", default_scope=SHOW)
    assert body.safe_html.strip() == '<p>Open <span class="spoiler-placeholder">[spoiler]</span> end.</p>'
    assert spoiler_attrs(body.full_html) == ["the-show"]


@pytest.mark.parametrize(
    ("before", "kept"),
    [
        ("Text line", "<p>Text line</p>"),
        ("[x]: https://example.com", ""),
        ("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>"),
        ("- item", "<ul>\n<li>item</li>\n</ul>"),
    ],
    ids=["paragraph", "reference", "blockquote", "list"],
)
def test_a_section_marker_ends_the_block_right_above_it(before, kept):
    body = render_body(f"{before}\n::: spoiler S1E2\nsecret\n:::", default_scope=SHOW)
    placeholder = '<p class="spoiler-placeholder" data-spoiler="the-show:s1e2">Spoiler for S1E2 hidden.</p>'
    assert body.safe_html.strip() == f"{kept}\n{placeholder}".strip()


def test_a_table_may_follow_a_paragraph_line_directly():
    body = render_body("Intro line\n| a | b |\n| --- | --- |\n| 1 | 2 |")
    assert body.full_html.startswith("<p>Intro line</p>\n<table>")


def test_image_references_reads_bodies_with_spoilers_without_an_article():
    assert image_references("![a](image:3)\n\n::: spoiler S1E2\n![b](image:4) ||S1E3: x||\n:::") == {3, 4}


def test_two_closing_bars_with_no_opener_make_one_spoiler_of_the_paragraph_up_to_the_last():
    body = render_body("a|| b|| c", default_scope=SHOW)
    assert spoiler_attrs(body.full_html) == ["unscoped"]
    assert body.spoiler_texts == ["a b"]
    assert len(body.warnings) == 1
    assert body.safe_html.strip() == '<p><span class="spoiler-placeholder">[spoiler]</span> c</p>'


def test_bars_inside_a_word_open_and_close_an_inline_spoiler():
    body = render_body("Open||words here||end.", default_scope=SHOW)
    assert body.safe_html.strip() == '<p>Open<span class="spoiler-placeholder">[spoiler]</span>end.</p>'
    unscoped = render_body("Open||words here||end.")
    assert unscoped.warnings == [
        "The inline spoiler on line 1 names no episode and the article has no spoiler scope, so it is hidden from "
        "every reader; write e.g. '::: spoiler S1E5' or '||S1E5: …||'."
    ]


def test_a_spoiler_in_an_images_alt_text_is_reported_on_the_images_line():
    body = render_body("Intro.\n\n![alt ||S0E1: x||](image:1)", default_scope=SHOW)
    assert body.warnings[0] == (
        "The inline spoiler on line 3: Season numbers start at 1 (got 0). It is hidden from every reader until fixed."
    )


def test_a_section_marker_ends_a_reference_title_left_open():
    # Otherwise the title would run on over the marker and carry the spoiler's words in a link's title.
    body = render_body(
        '[x]: https://example.com "a title\n::: spoiler S1E2\nsecret words"\n:::\n\n[y][x]', default_scope=SHOW
    )
    assert spoiler_attrs(body.full_html) == ["the-show:s1e2"]
    assert "secret" not in body.safe_html and "title=" not in body.full_html


def test_a_table_ends_a_reference_title_left_open():
    body = render_body('[x]: https://example.com "a title\n| a | b |\n| --- | --- |\n| 1 | 2 |\nend"')
    assert body.full_html.startswith('<p>[x]: https://example.com "a title</p>\n<table>')


def test_a_word_split_by_emphasis_in_a_spoilers_first_paragraph_stays_one_word():
    body = render_body("::: spoiler S1E2\nun*believ*able words\n:::", default_scope=SHOW)
    assert body.spoiler_texts == ["unbelievable words"]


def test_a_public_reference_before_a_secret_one_keeps_its_link():
    source = "[One][a] and [two][b].\n\n[a]: https://example.com/a\n\n::: spoiler S1E2\n[b]: https://example.com/b\n:::"
    body = render_body(source, default_scope=SHOW)
    assert [warning.split(",")[0] for warning in body.warnings] == ["The link on line 1 uses the reference [b]"]
    assert body.full_html.strip() == '<p><a href="https://example.com/a" rel="noopener noreferrer">One</a> and two.</p>'
