"""An editor's day in a real browser: log in, paste an interview, review quotes, tag a spoiler,
schedule it, publish it now, and a reader finds it on the home page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Quote
from tests import factories
from tests.browser.widgets import open_autocomplete

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.django_db(transaction=True)

INTERVIEW = """Imogen Vale on two years as the understudy

By Priya Natarajan

Imogen Vale has spent two years playing the company's youngest understudy.

“I learned every part in the building, because you never know who will twist an ankle,” Imogen Vale said.

Her co-star was just as candid. “We rehearsed the storm scene until the sprinklers gave up,” Tobias Reyes said.

Spoiler warning: the rest of this interview discusses how the season ends.

In the finale, the understudy finally takes the lead on opening night.

“She earns it, and then she has to live with it,” Vale added.
"""
HEADLINE = "Imogen Vale on two years as the understudy"
FIRST_QUOTE = "I learned every part in the building"
SECOND_QUOTE = "We rehearsed the storm scene"
SPOILER_TEXT = "the understudy finally takes the lead"


@pytest.fixture
def newsroom(live_server):
    series = factories.work("Midnight Rehearsal", slug="midnight-rehearsal")
    factories.season(series, number=1, episodes=8)
    return {
        name: factories.person(name, slug=name.lower().replace(" ", "-"))
        for name in ["Imogen Vale", "Tobias Reyes", "Priya Natarajan", "Marcus Bell"]
    }


def quote_row(page, words: str) -> str:
    """The inline prefix ("quotes-N") of the suggested quote that starts with ``words``."""
    total = int(page.locator("#id_quotes-TOTAL_FORMS").input_value())
    for n in range(total):
        if page.locator(f"#id_quotes-{n}-words").input_value().startswith(words):
            return f"quotes-{n}"
    raise AssertionError(f"No quote row starts with {words!r}")


def choose_autocomplete(page, select_id: str, search: str, option: str) -> None:
    """Pick ``option`` in a Django admin autocomplete (select2) widget by typing ``search``.

    Opening the widget asks for every choice and typing asks again for the matches; the option is
    clicked only once the matches have come back, or the click can land on a list being redrawn.
    """
    field = open_autocomplete(page, select_id)
    with page.expect_response(lambda response: "/autocomplete/" in response.url and f"term={search}" in response.url):
        field.fill(search)
    expect(page.locator(".select2-results__option.loading-results")).to_have_count(0)
    page.locator(".select2-results__option", has_text=option).click()
    assert page.locator(f"#{select_id} option:checked").inner_text() == option


def test_editor_pastes_reviews_schedules_and_publishes_then_a_reader_sees_it(
    browser, page, newsroom, editor_account, log_in, live_server
):
    people = newsroom
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)

    # Paste the interview.
    page.locator('#content-main a[href="/admin/articles/article/"]').first.click()
    page.get_by_role("link", name="Paste an article").click()
    page.get_by_label("Article text").fill(INTERVIEW)
    page.get_by_role("button", name="Create draft").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/$"))
    expect(page.get_by_text("Draft created from pasted text: 3 quote(s)")).to_be_visible()
    assert page.locator("#id_headline").input_value() == HEADLINE
    article = Article.objects.get(headline=HEADLINE)

    # Confirm the first suggested quote as it is; reassign the second to someone else.
    first = quote_row(page, FIRST_QUOTE)
    assert page.locator(f"#id_{first}-speaker option:checked").inner_text() == "Imogen Vale"
    page.locator(f"#id_{first}-status").select_option("confirmed")
    second = quote_row(page, SECOND_QUOTE)
    assert page.locator(f"#id_{second}-speaker option:checked").inner_text() == "Tobias Reyes"
    choose_autocomplete(page, f"id_{second}-speaker", "Bell", "Marcus Bell")
    page.locator(f"#id_{second}-status").select_option("confirmed")

    # Tag the spoiler: the warning named no work, so the editor says which and how far.
    page.locator("#id_kind").select_option(label="Interview")
    page.get_by_role("button", name=re.compile("Add another spoiler tag", re.I)).click()
    page.locator("#id_spoiler_items-0-work").select_option(label="Midnight Rehearsal")
    page.locator("#id_spoiler_items-0-season").fill("1")
    page.locator("#id_spoiler_items-0-episode").fill("8")
    page.locator("#id_spoiler_items-0-severity").select_option("ending")

    # Schedule it two days ahead with the button (the admin shows and reads the newsroom's time zone).
    later = timezone.localtime(timezone.now() + timedelta(days=2)).replace(microsecond=0)
    page.locator("#id_publish_at_0").fill(later.strftime("%Y-%m-%d"))
    page.locator("#id_publish_at_1").fill(later.strftime("%H:%M:%S"))
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text(f"Goes live on {later:%b %-d, %Y %H:%M}")
    assert not page.locator(".errornote").count(), page.locator(".errornote").inner_text()
    page.goto(live_server.url + "/admin/articles/article/")

    row = page.locator("#result_list tr", has_text=HEADLINE)
    assert row.locator(".field-state").inner_text().startswith("Scheduled for")
    assert "Midnight Rehearsal S1E8" in row.locator(".field-spoiler_scope").inner_text()
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED and article.publish_at == later
    quotes = {q.words[:20]: q for q in article.quotes.select_related("speaker")}
    assert quotes[FIRST_QUOTE[:20]].status == Quote.Status.CONFIRMED
    assert quotes[FIRST_QUOTE[:20]].speaker == people["Imogen Vale"]
    assert quotes[SECOND_QUOTE[:20]].status == Quote.Status.CONFIRMED
    assert quotes[SECOND_QUOTE[:20]].speaker == people["Marcus Bell"]

    # Not live yet: a reader does not find it.
    reader = browser.new_context()
    reader_page = reader.new_page()
    reader_page.goto(live_server.url + "/")
    assert not reader_page.get_by_role("link", name=HEADLINE).count()

    # Publish it now: cancel the schedule (back to draft), then the list's publish action.
    row.get_by_role("link", name=HEADLINE).click()
    page.get_by_role("button", name="Cancel the schedule").click()
    expect(page.locator(".field-publishing_state .readonly")).to_have_text("Draft.")
    page.goto(live_server.url + "/admin/articles/article/")
    row = page.locator("#result_list tr", has_text=HEADLINE)
    assert row.locator(".field-state").inner_text() == "Draft"
    row.locator("input[name=_selected_action]").check()
    page.locator("select[name=action]").select_option("publish_selected")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_text("Published 1 article(s).")).to_be_visible()
    expect(page.locator("#result_list tr", has_text=HEADLINE).locator(".field-state")).to_have_text("Published")

    # A reader, in a browser of their own, finds it on the home page and opens it.
    reader_page.goto(live_server.url + "/")
    reader_page.get_by_role("link", name=HEADLINE).first.click()
    # The click returns once the navigation commits; wait for the page itself.
    expect(reader_page.get_by_role("heading", level=1, name=HEADLINE)).to_be_visible()
    banner = reader_page.get_by_role("note", name="Spoiler warning")
    assert "Midnight Rehearsal through S1E8 (ending)" in banner.inner_text()
    assert not reader_page.get_by_text(SPOILER_TEXT).is_visible()
    assert reader_page.get_by_role("button", name="Reveal spoiler for S1E8").is_visible()
    # The reassigned quote is credited, and linked, to the person the editor chose.
    marcus = people["Marcus Bell"].get_absolute_url()
    assert reader_page.locator(f'a[href="{marcus}"]', has_text=SECOND_QUOTE).count() == 1
    reader.close()


NEW_CAST = """Harbour Lights sails into a second season

By Priya Natarajan

Aiko Kimura (Inspector Pell) and Leo Albright, who plays Captain Rook, spent the winter on the docks.

“We wanted the fog to feel alive,” Kimura said.

“The boat leaked from day one,” Albright grumbles.
"""


def test_editor_pastes_an_article_about_new_people_and_says_who_they_are(
    page, newsroom, editor_account, log_in, live_server
):
    factories.work("Harbour Lights", slug="harbour-lights")
    leonard = factories.person("Leonard Albright", slug="leonard-albright")
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)

    # The paste finds two people the database does not have and opens the page to review them.
    page.goto(live_server.url + "/admin/articles/article/paste/")
    page.get_by_label("Article text").fill(NEW_CAST)
    page.get_by_role("button", name="Create draft").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/people/$"))
    expect(page.get_by_role("heading", name="Aiko Kimura")).to_be_visible()

    # Aiko Kimura is new; "Leo Albright" is the Leonard Albright already in the database.
    page.get_by_label("The same person as Leonard Albright").check()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/$"))
    expect(page.locator(".messagelist .success")).to_contain_text("added Aiko Kimura")

    article = Article.objects.get(headline="Harbour Lights sails into a second season")
    speakers = {q.words[:10]: q.speaker for q in article.quotes.select_related("speaker")}
    assert speakers["We wanted "].name == "Aiko Kimura"
    assert speakers["The boat l"] == leonard
    assert list(leonard.aliases.values_list("name", flat=True)) == ["Leo Albright"]
    assert leonard.credits.get().character.name == "Captain Rook"


def test_the_review_page_finds_anyone_in_the_database_as_the_editor_types(
    page, newsroom, editor_account, log_in, live_server
):
    factories.work("Harbour Lights", slug="harbour-lights")
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(live_server.url + "/admin/articles/article/paste/")
    page.get_by_label("Article text").fill(NEW_CAST)
    page.get_by_role("button", name="Create draft").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/people/$"))

    # Nobody with a similar name: Aiko Kimura is Marcus Bell writing under another name.
    page.get_by_label("The same person as someone else:").first.check()
    choose_autocomplete(page, "id_person_0_other", "Bell", "Marcus Bell")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/$"))

    quote = Quote.objects.get(words__startswith="We wanted")
    assert quote.speaker == newsroom["Marcus Bell"]
    assert list(newsroom["Marcus Bell"].aliases.values_list("name", flat=True)) == ["Aiko Kimura"]


def test_an_editor_creates_and_revokes_a_preview_link_by_clicking_the_buttons(
    page, editor_account, log_in, live_server
):
    from articles.models import ShareLink

    draft = factories.publishable_article(headline="A draft to show the producer", slug="draft-to-show")
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(live_server.url + f"/admin/articles/article/{draft.pk}/change/")
    page.get_by_role("button", name="Create a preview link").click()
    page.wait_for_url(re.compile(rf"/admin/articles/article/{draft.pk}/change/$"))

    link = ShareLink.objects.get(article=draft)
    message = page.locator(".messagelist")
    expect(message).to_contain_text("Preview link, valid until")
    preview = message.get_by_role("link").get_attribute("href")
    reader = page.context.browser.new_page()
    reader.goto(preview)
    expect(reader.get_by_role("heading", level=1)).to_have_text("A draft to show the producer")
    reader.close()

    page.get_by_role("button", name="Revoke").click()
    expect(page.locator(".messagelist")).to_contain_text("The preview link no longer works.")
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_the_upload_form_previews_the_chosen_picture_before_it_is_saved(
    page, editor_account, log_in, live_server, tmp_path
):
    picture = tmp_path / "harbour.png"
    picture.write_bytes(factories.image_bytes())
    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(live_server.url + "/admin/images/image/add/")
    page.locator("#id_file").set_input_files(str(picture))

    preview = page.locator("[data-focal-picker] img")
    expect(preview).to_be_visible()
    page.wait_for_function("document.querySelector('[data-focal-picker] img').naturalWidth > 0")
    assert preview.get_attribute("src").startswith("blob:")
    assert blocked == []


def test_the_focal_point_marker_sits_on_the_saved_point(page, editor_account, log_in, live_server):
    picture = factories.image(
        file=factories.upload(content=factories.image_bytes(size=(800, 500))), focal_x=0.25, focal_y=0.75
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, *editor_account)
    page.goto(live_server.url + f"/admin/images/image/{picture.pk}/change/")

    image = page.locator("[data-focal-picker] img").bounding_box()
    marker = page.locator(".focal-marker").bounding_box()
    centre = (marker["x"] + marker["width"] / 2, marker["y"] + marker["height"] / 2)
    point = (image["x"] + 0.25 * image["width"], image["y"] + 0.75 * image["height"])
    assert abs(centre[0] - point[0]) <= 1 and abs(centre[1] - point[1]) <= 1, (centre, point)


def test_an_editor_sets_up_a_series_with_a_numbered_season_and_a_credited_character(
    page, editor_account, log_in, live_server
):
    from people.models import Work

    factories.person("Aiko Kimura", slug="aiko-kimura")
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(live_server.url + "/admin/people/work/add/")
    page.get_by_label("Title:").fill("Gannet Head")
    page.locator("#seasons-group").get_by_text("Add another Season").click()
    page.locator("#id_seasons-0-number").fill("1")
    page.locator("#id_seasons-0-episodes_to_add").fill("10")
    page.locator("#credits-group").get_by_text("Add another").click()
    choose_autocomplete(page, "id_credits-0-person", "Kimura", "Aiko Kimura")
    page.locator("#id_credits-0-character_name").fill("Isla Calloway")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/people/work/$"))

    work = Work.objects.get(title="Gannet Head")
    assert list(work.seasons.get().episodes.values_list("number", flat=True)) == list(range(1, 11))
    assert list(work.credits.values_list("person__name", "character__name")) == [("Aiko Kimura", "Isla Calloway")]


def test_a_live_article_keeps_its_public_text_until_the_editor_publishes_the_changes(
    browser, page, editor_account, log_in, live_server
):
    from articles import services

    article = factories.published_article(headline="Tide tables, explained", slug="tide-tables", body="First take.")
    factories.byline(article)
    services.article_render(article=article)
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.locator("#id_body").fill("Second take, with better tides.")
    page.get_by_role("button", name="Save for later").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Readers still see the published version")

    reader = browser.new_context().new_page()
    reader.goto(live_server.url + "/articles/tide-tables/")
    expect(reader.locator("main")).to_contain_text("First take.")
    expect(reader.locator("main")).not_to_contain_text("Second take")

    # The form goes on from the changes, says they are not live and shows how they differ.
    expect(page.locator("#id_body")).to_have_value("Second take, with better tides.")
    notice = page.get_by_role("region", name="Unpublished changes")
    notice.get_by_text("What differs from the published version").click()
    expect(notice.locator("del")).to_contain_text("First take.")
    expect(notice.locator("ins")).to_contain_text("Second take, with better tides.")

    page.get_by_role("button", name="Publish changes").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Live at")
    expect(page.get_by_role("region", name="Unpublished changes")).to_have_count(0)
    reader.goto(live_server.url + "/articles/tide-tables/")
    expect(reader.locator("main")).to_contain_text("Second take, with better tides.")


def test_the_live_preview_follows_the_typing_without_a_save(page, editor_account, log_in, live_server):
    work = factories.work("Gannet Head", slug="gannet-head")
    factories.season(work, number=1, episodes=4)
    article = factories.article(headline="Stored", body="Stored body.")
    article.works.add(work)
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    preview = page.get_by_role("region", name="Preview as readers see it")
    frame = page.frame_locator(".live-preview-frame")
    expect(frame.locator("h1")).to_have_text("Stored")

    page.locator("#id_headline").fill("The keeper's secret")
    page.locator("#id_body").fill("Before the twist.\n\n:::spoiler S1E3\nThe keeper was the thief.\n:::\n")
    expect(frame.locator("h1")).to_have_text("The keeper's secret")
    expect(preview.locator(".social-card-title")).to_have_text("The keeper's secret")
    expect(frame.get_by_text("Before the twist.")).to_be_visible()
    # Hidden as a new reader sees it, behind the site's own reveal button.
    expect(frame.get_by_role("button", name="Reveal spoiler for S1E3")).to_be_visible()
    expect(frame.get_by_text("The keeper was the thief.")).to_be_hidden()

    preview.get_by_label("Reader has watched through").select_option("gannet-head:S1E3")
    expect(frame.get_by_text("The keeper was the thief.")).to_be_visible()
    preview.get_by_label("Reader has watched through").select_option("gannet-head:S1E2")
    expect(frame.get_by_text("The keeper was the thief.")).to_be_hidden()
    preview.get_by_label("Spoilers").select_option("shown")
    expect(frame.get_by_text("The keeper was the thief.")).to_be_visible()

    preview.get_by_role("button", name="Phone").click()
    assert page.locator(".live-preview-frame").bounding_box()["width"] == 375
    article.refresh_from_db()
    assert article.headline == "Stored" and article.body == "Stored body."


def test_unsaved_text_comes_back_after_the_tab_is_closed_and_can_be_discarded(
    browser, page, editor_account, log_in, live_server
):
    article = factories.article(headline="Kept headline", body="Saved body.")
    address = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(address)
    page.locator("#id_body").fill("Three paragraphs typed and never saved.")
    page.close()  # the tab is closed without saving

    again = page.context.new_page()
    again.goto(address)
    notice = again.get_by_role("region", name="Unsaved text")
    expect(notice).to_contain_text("never saved")
    expect(again.locator("#id_body")).to_have_value("Saved body.")
    notice.get_by_role("button", name="Restore my unsaved text").click()
    expect(again.locator("#id_body")).to_have_value("Three paragraphs typed and never saved.")
    article.refresh_from_db()
    assert article.body == "Saved body."

    # Saved, the kept text matches the form and is dropped: no notice next time.
    again.get_by_role("button", name="Save draft").click()
    expect(again.locator(".messagelist .success")).to_contain_text("Saved (draft)")
    again.reload()
    expect(again.locator("#id_body")).to_have_value("Three paragraphs typed and never saved.")
    expect(again.get_by_role("region", name="Unsaved text")).to_have_count(0)

    # Typed again and discarded: the form keeps the saved text and the notice does not return.
    again.locator("#id_body").fill("A second thought.")
    again.reload()
    again.get_by_role("region", name="Unsaved text").get_by_role("button", name="Discard it").click()
    expect(again.locator("#id_body")).to_have_value("Three paragraphs typed and never saved.")
    again.reload()
    expect(again.get_by_role("region", name="Unsaved text")).to_have_count(0)


def drop(page, selector: str, name: str, mime: str, content: bytes) -> None:
    """Drop a file on an element as a browser does: dragenter, dragover, then drop."""
    page.evaluate(
        """([selector, name, mime, bytes]) => {
            const target = document.querySelector(selector);
            const data = new DataTransfer();
            data.items.add(new File([new Uint8Array(bytes)], name, {type: mime}));
            for (const type of ["dragenter", "dragover", "drop"]) {
                target.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
            }
        }""",
        [selector, name, mime, list(content)],
    )


def test_a_picture_dropped_on_the_upload_field_is_previewed_and_saved(page, editor_account, log_in, live_server):
    from images.models import Image

    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(live_server.url + "/admin/images/image/add/")
    row = ".field-file"

    drop(page, row, "notes.txt", "text/plain", b"not a picture")
    expect(page.locator(".drop-hint")).to_contain_text("“notes.txt” is not a picture")
    assert page.evaluate("document.querySelector('#id_file').files.length") == 0

    drop(page, row, "harbour.png", "image/png", factories.image_bytes())
    expect(page.locator(".drop-hint")).to_contain_text("“harbour.png” is ready")
    page.wait_for_function("document.querySelector('[data-focal-picker] img').naturalWidth > 0")
    assert page.locator("[data-focal-picker] img").get_attribute("src").startswith("blob:")

    page.get_by_label("Title:").fill("Harbour at dusk")
    page.get_by_label("Alt text:").fill("A harbour wall at dusk")
    page.get_by_label("Caption:").fill("The harbour.")
    page.get_by_label("Credit:").fill("Callboard")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/images/image/$"))
    assert Image.objects.get(title="Harbour at dusk").file.name.endswith(".png")


def test_a_credits_character_choices_follow_the_work_chosen_in_its_row(page, editor_account, log_in, live_server):
    harbour, tide = factories.work("Harbour Lights"), factories.work("Tide Table")
    factories.character(harbour, "Inspector Pell")
    factories.character(tide, "Inspector Moss")
    kimura = factories.person("Aiko Kimura")
    page.set_default_timeout(15_000)
    log_in(page, *editor_account)
    page.goto(f"{live_server.url}/admin/people/person/{kimura.pk}/change/")
    page.locator("#credits-group").get_by_text("Add another").click()
    choose_autocomplete(page, "id_credits-0-work", "Tide", "Tide Table")

    open_autocomplete(page, "id_credits-0-character").fill("Inspector")
    options = page.locator(".select2-results__option:not(.loading-results)")
    expect(options).to_have_text(["Inspector Moss (Tide Table)"])
    options.first.click()
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/people/person/$"))
    assert list(kimura.credits.values_list("work__title", "character__name")) == [("Tide Table", "Inspector Moss")]
