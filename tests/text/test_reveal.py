from articles.text.reveal import link_placeholders, open_covered, unwrap_for_feed

LINK = "https://callboard.example/articles/finale/"


def test_feed_links_wrap_each_placeholder_in_a_link_to_the_article():
    html = '<p>Before.</p><p class="spoiler-placeholder" data-spoiler="w:s1e10">Spoiler for S1E10 hidden.</p>'

    linked = link_placeholders(html, link=LINK)

    assert f'<a href="{LINK}">Spoiler for S1E10 hidden.</a></p>' in linked
    assert linked.startswith("<p>Before.</p>")


def test_feed_links_leave_a_body_without_placeholders_as_stored():
    html = "<p>Plain &amp; simple, with <em>emphasis</em> and a &lt;tag&gt;.</p>"

    assert link_placeholders(html, link=LINK) == html


def test_a_self_closed_tag_is_kept_as_written_around_and_inside_spoilers():
    html = (
        '<p>Line<br/>break</p><details class="spoiler" data-spoiler="w:s1e2"><summary>Reveal</summary>'
        '<div class="spoiler-content"><p>Hidden<br/>line</p></div></details>'
    )

    assert "<p>Line<br>break</p>" in open_covered(html, lambda scope: False)
    assert "<p>Hidden<br>line</p>" in unwrap_for_feed(html, lambda scope: True, link=LINK)


def test_a_feed_names_the_place_of_each_spoiler_it_holds_back_and_links_to_the_article():
    html = (
        '<p>A <span class="spoiler" data-spoiler="w:s1e2"><input type="checkbox" id="spoiler-1">'
        '<label for="spoiler-1">Reveal</label><span class="spoiler-content">secret</span></span> line.</p>'
        '<details class="spoiler" data-spoiler="unscoped"><summary>Reveal spoiler</summary>'
        '<div class="spoiler-content"><p>Ambiguous secret</p></div></details>'
    )

    held = unwrap_for_feed(html, lambda scope: False, link=LINK)

    assert held == (
        f'<p>A <span class="spoiler-placeholder"><a href="{LINK}">Spoiler for S1E2 hidden: read it on the site.</a>'
        f'</span> line.</p><p class="spoiler-placeholder"><a href="{LINK}">Spoiler hidden: read it on the site.</a></p>'
    )


def test_character_references_survive_every_rewrite():
    html = (
        '<p>Tom &amp; Jerry &lt;3</p><p class="spoiler-placeholder" data-spoiler="w:s1e2">Spoiler &amp; more</p>'
        '<details class="spoiler" data-spoiler="w:s1e2"><summary>Reveal</summary>'
        '<div class="spoiler-content"><p>Fish &amp; chips &#169;</p></div></details>'
    )

    assert "<p>Tom &amp; Jerry &lt;3</p>" in link_placeholders(html, link=LINK)
    assert "Spoiler &amp; more</a>" in link_placeholders(html, link=LINK)
    assert "<p>Fish &amp; chips ©</p>" in open_covered(html, lambda scope: True)
    assert "<p>Fish &amp; chips ©</p>" in unwrap_for_feed(html, lambda scope: True, link=LINK)


SPOILERS = (
    '<p>A <span class="spoiler" data-spoiler="w:s1e2"><input type="checkbox" id="spoiler-1" class="spoiler-toggle">'
    '<label for="spoiler-1" class="spoiler-reveal">Reveal spoiler for S1E2</label>'
    '<span class="spoiler-content">quiet</span></span> line.</p>'
    '<details class="spoiler" data-spoiler="w:s1e3"><summary class="spoiler-reveal">Reveal spoiler for S1E3</summary>'
    '<div class="spoiler-content"><p>The <em>twist</em>.</p></div></details>'
)


def test_a_page_opens_exactly_the_spoilers_a_reader_has_reached():
    page = open_covered(SPOILERS, lambda scope: scope == "w:s1e2")

    assert page == SPOILERS.replace('class="spoiler-toggle">', 'class="spoiler-toggle" checked>')
    assert open_covered(SPOILERS, lambda scope: True) == page.replace(
        '<details class="spoiler" data-spoiler="w:s1e3">', '<details class="spoiler" data-spoiler="w:s1e3" open>'
    )
    assert open_covered(SPOILERS, lambda scope: False) == SPOILERS


def test_a_feed_shows_a_reached_spoilers_words_without_its_reveal_controls():
    feed = unwrap_for_feed(SPOILERS, lambda scope: True, link=LINK)

    assert feed == "<p>A quiet line.</p><p>The <em>twist</em>.</p>"


def test_a_feed_links_each_placeholder_of_the_spoiler_safe_text_exactly():
    safe = (
        '<p>A <span class="spoiler-placeholder">[spoiler]</span> line.</p>'
        '<p class="spoiler-placeholder" data-spoiler="w:s1e3">Spoiler for S1E3 hidden.</p>'
    )

    assert link_placeholders(safe, link=LINK) == (
        f'<p>A <span class="spoiler-placeholder"><a href="{LINK}">[spoiler]</a></span> line.</p>'
        f'<p class="spoiler-placeholder" data-spoiler="w:s1e3"><a href="{LINK}">Spoiler for S1E3 hidden.</a></p>'
    )
