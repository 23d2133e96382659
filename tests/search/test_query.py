from search.query import MARK_END, MARK_START, fts5_match, mark_terms, parse_query, render_marked


def test_parse_query_keeps_letters_and_digits_as_lowercase_terms():
    terms = parse_query('  "Tiny*Pretty" NEAR(things) S1:E10 ').terms
    assert terms == ("tiny", "pretty", "near", "things", "s1", "e10")


def test_parse_query_keeps_each_term_once():
    assert parse_query("Ballet ballet BALLET").terms == ("ballet",)


def test_parse_query_reads_unicode_words():
    assert parse_query("Zoë 日本").terms == ("zoë", "日本")


def test_parse_query_shortens_long_queries_and_says_so():
    query = parse_query("word " * 100)
    assert query.shortened
    assert len(query.text) <= 200


def test_parse_query_of_punctuation_has_no_terms():
    assert parse_query('*** " : -- ()').terms == ()


def test_fts5_match_quotes_every_term_so_operators_are_words():
    assert fts5_match(["near", "or", "ballet"]) == '"near" "or" "ballet"'


def test_render_marked_escapes_before_marking():
    html = render_marked(f"<b>{MARK_START}x & y{MARK_END}</b>")
    assert html == "&lt;b&gt;<mark>x &amp; y</mark>&lt;/b&gt;"


def test_render_marked_drops_unpaired_marks():
    assert render_marked(f"a{MARK_START}b") == "ab"


def test_mark_terms_marks_any_case_and_escapes():
    assert mark_terms("Ballet <3 BALLET", ["ballet"]) == "<mark>Ballet</mark> &lt;3 <mark>BALLET</mark>"


def test_mark_terms_with_width_keeps_a_window_around_the_first_match():
    text = "filler " * 60 + "ballet " + "filler " * 60
    html = mark_terms(text, ["ballet"], width=80)
    assert "<mark>ballet</mark>" in html
    assert html.startswith("…") and html.endswith("…")
    assert len(html) < 120
