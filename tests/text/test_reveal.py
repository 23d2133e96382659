from articles.text.reveal import link_placeholders

LINK = "https://callboard.example/articles/finale/"


def test_feed_links_wrap_each_placeholder_in_a_link_to_the_article():
    html = '<p>Before.</p><p class="spoiler-placeholder" data-spoiler="w:s1e10">Spoiler for S1E10 hidden.</p>'

    linked = link_placeholders(html, link=LINK)

    assert f'<a href="{LINK}">Spoiler for S1E10 hidden.</a></p>' in linked
    assert linked.startswith("<p>Before.</p>")


def test_feed_links_leave_a_body_without_placeholders_as_stored():
    html = "<p>Plain &amp; simple, with <em>emphasis</em> and a &lt;tag&gt;.</p>"

    assert link_placeholders(html, link=LINK) == html
