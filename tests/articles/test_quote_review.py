"""The quote review table: one row per quote in body order, one-click decisions through the core."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import services
from articles.admin_quote_review import quote_in_context
from articles.models import Article, Quote
from tests import factories

pytestmark = pytest.mark.django_db

BODY = (
    "Imogen Vale has spent two years playing the youngest understudy.\n\n"
    "“I learned every part in the building,” Imogen Vale said. Then she laughed.\n\n"
    "Her co-star was just as candid. “We rehearsed the storm scene until the sprinklers gave up,” Reyes said.\n\n"
    "“Nobody warned us about the rain machine,” said the stage manager."
)
FIRST = "I learned every part in the building,"
SECOND = "We rehearsed the storm scene until the sprinklers gave up,"
THIRD = "Nobody warned us about the rain machine,"


@pytest.fixture
def cast():
    return {
        name: factories.person(name, slug=name.lower().replace(" ", "-"))
        for name in ["Imogen Vale", "Tobias Reyes", "Marcus Bell", "Dana Quist"]
    }


@pytest.fixture
def interview(cast):
    """A draft with three suggestions, added out of body order: a sure one, a sure one with the
    speaker printed by surname, and one the analyser could not give anybody."""
    article = factories.article(body=BODY)
    article.people.add(cast["Imogen Vale"], cast["Tobias Reyes"])
    factories.quote(article, cast["Tobias Reyes"], words=SECOND, speaker_name="Reyes", confidence=0.92, position=1)
    factories.quote(article, cast["Imogen Vale"], words=FIRST, speaker_name="Imogen Vale", confidence=0.95, position=0)
    Quote.objects.create(
        article=article,
        words=THIRD,
        speaker_name="the stage manager",
        confidence=0.91,
        position=2,
        candidates=["Marcus Bell", "Dana Quist"],
    )
    return article


@pytest.fixture
def editor_client():
    return factories.client_for(factories.member("Editor"))


def review_url(article: Article) -> str:
    return reverse("admin:articles_article_quotes", args=[article.pk])


def quote(article: Article, words: str) -> Quote:
    return article.quotes.select_related("speaker").get(words=words)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def state(article: Article) -> tuple:
    """Everything a decision could change: each quote's status and speaker, and the version."""
    article.refresh_from_db()
    return article.version, list(article.quotes.order_by("pk").values_list("status", "speaker_id", "speaker_name"))


# --- The page ------------------------------------------------------------------------------------


def test_each_quote_shows_in_its_sentence_with_its_words_marked(editor_client, interview):
    page = editor_client.get(review_url(interview)).content.decode()

    assert "“<mark>I learned every part in the building</mark>,” Imogen Vale said." in page
    assert "“<mark>We rehearsed the storm scene until the sprinklers gave up</mark>,” Reyes said." in page


def test_rows_follow_the_order_of_the_body(editor_client, interview):
    page = editor_client.get(review_url(interview)).content.decode()

    marked = re.findall(r"<mark>(.*?)</mark>", page)
    assert marked == [FIRST.rstrip(","), SECOND.rstrip(","), THIRD.rstrip(",")]


def test_a_speaker_who_is_not_the_printed_name_is_flagged(editor_client, interview, cast):
    Quote.objects.filter(words=FIRST).update(speaker=cast["Marcus Bell"])

    page = editor_client.get(review_url(interview)).content.decode()

    assert "⚠ Not the name in print. Check the choice, or make “Imogen Vale” an alias of Marcus Bell." in page
    # "Reyes" is one word of Tobias Reyes' name, so that row is not flagged.
    assert page.count("Not the name in print") == 1


def test_the_analysers_candidates_are_named_and_offered(editor_client, interview, cast):
    page = editor_client.get(review_url(interview)).content.decode()

    assert "Could be: Marcus Bell, Dana Quist" in page
    row = page[page.index(f'id="quote-{quote(interview, THIRD).pk}"') :]
    speaker_select = row[row.index("<select") : row.index("</select>")]
    offered = re.findall(r'<option value="(\d*)"', speaker_select)
    assert offered[0] == ""  # nobody is chosen yet
    assert {str(person.pk) for person in cast.values()} <= set(offered)


def test_a_quote_the_body_no_longer_has_says_so(editor_client, interview):
    Quote.objects.filter(words=THIRD).update(words="Words that were cut in the edit.")

    page = editor_client.get(review_url(interview)).content.decode()

    assert "<mark>Words that were cut in the edit.</mark>" in page
    assert "Not found in the body as written." in page


def test_an_article_without_quotes_says_so(editor_client):
    article = factories.article(body="No one says anything.")

    page = editor_client.get(review_url(article)).content.decode()

    assert "No quotes were found in this article." in page
    assert 'id="quote-review"' not in page


def test_every_control_has_a_label_and_every_button_names_its_quote(editor_client, interview):
    page = editor_client.get(review_url(interview)).content.decode()

    for row in interview.quotes.all():
        assert f'<label for="speaker-{row.pk}" class="qr-hidden">Speaker of {row}</label>' in page
        for visible in ("Confirm", "Reject"):
            assert f'{visible}<span class="qr-hidden"> {row}</span></button>' in page
    assert re.search(r'<label for="id_at_least">[^<]+</label>', page)
    table = page[page.index('id="quote-review"') : page.index("</table>", page.index('id="quote-review"'))]
    assert table.count('<th scope="col"') == 6
    assert table.count('<th scope="row"') == 3


def test_the_page_costs_the_same_queries_for_one_quote_or_eight(editor_client, cast):
    def page_queries(quotes: int) -> int:
        article = factories.article(body=BODY)
        article.people.add(cast["Imogen Vale"])
        article.works.add(factories.work())
        for n in range(quotes):
            speaker = factories.person()
            factories.alias(speaker, f"Alias of {speaker.pk}")
            factories.quote(
                article,
                speaker,
                words=f"{FIRST} {n}",
                speaker_name=f"Printed {n}",
                candidates=[cast["Marcus Bell"].name],
                character=factories.character(),
            )
        with CaptureQueriesContext(connection) as context:
            response = editor_client.get(review_url(article))
        assert response.status_code == 200
        assert response.content.decode().count('class="qr-row') == quotes
        return len(context.captured_queries)

    assert page_queries(1) == page_queries(8)


# --- Deciding one quote --------------------------------------------------------------------------


def test_confirming_a_quote_confirms_it_and_returns_to_its_row(editor_client, interview, cast):
    first = quote(interview, FIRST)

    response = editor_client.post(
        review_url(interview), {"quote": first.pk, "action": "confirm", "speaker": cast["Imogen Vale"].pk}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{review_url(interview)}#quote-{first.pk}"
    first.refresh_from_db()
    assert (first.status, first.speaker) == (Quote.Status.CONFIRMED, cast["Imogen Vale"])
    assert messages_of(response) == [f"Confirmed {first}, said by Imogen Vale."]
    assert quote(interview, SECOND).status == Quote.Status.SUGGESTED


def test_rejecting_a_quote_rejects_it(editor_client, interview, cast):
    second = quote(interview, SECOND)

    response = editor_client.post(
        review_url(interview), {"quote": second.pk, "action": "reject", "speaker": cast["Tobias Reyes"].pk}
    )

    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == Quote.Status.REJECTED
    assert messages_of(response) == [f"Rejected {second}."]


def test_giving_a_quote_another_speaker_keeps_the_printed_name_and_flags_it(editor_client, interview, cast):
    second = quote(interview, SECOND)

    response = editor_client.post(
        review_url(interview), {"quote": second.pk, "action": "reassign", "speaker": cast["Marcus Bell"].pk}
    )

    second.refresh_from_db()
    assert (second.speaker, second.speaker_name, second.status) == (
        cast["Marcus Bell"],
        "Reyes",
        Quote.Status.SUGGESTED,
    )
    assert messages_of(response) == [
        f"{second} is now given to Marcus Bell.",
        "The article prints “Reyes”; the speaker chosen is Marcus Bell. Check the choice, or give them that "
        "name as an alias.",
    ]
    page = editor_client.get(review_url(interview)).content.decode()
    assert "Check the choice, or make “Reyes” an alias of Marcus Bell." in page


def test_confirming_with_another_speaker_gives_and_confirms_in_one_step(editor_client, interview, cast):
    third = quote(interview, THIRD)

    editor_client.post(
        review_url(interview), {"quote": third.pk, "action": "confirm", "speaker": cast["Dana Quist"].pk}
    )

    third.refresh_from_db()
    assert (third.status, third.speaker, third.speaker_name) == (
        Quote.Status.CONFIRMED,
        cast["Dana Quist"],
        "the stage manager",
    )


def test_a_decision_moves_the_version_once_and_links_the_confirmed_quote(editor_client, interview, cast):
    first = quote(interview, FIRST)
    before = state(interview)[0]

    editor_client.post(
        review_url(interview), {"quote": first.pk, "action": "confirm", "speaker": cast["Imogen Vale"].pk}
    )

    interview.refresh_from_db()
    assert interview.version == before + 1
    assert f'href="{cast["Imogen Vale"].get_absolute_url()}"' in interview.body_html


def test_confirming_a_confirmed_quote_again_records_nothing(editor_client, interview, cast):
    first = quote(interview, FIRST)
    Quote.objects.filter(pk=first.pk).update(status=Quote.Status.CONFIRMED)
    before, revisions = state(interview), interview.revisions.count()

    response = editor_client.post(
        review_url(interview), {"quote": first.pk, "action": "confirm", "speaker": cast["Imogen Vale"].pk}
    )

    assert messages_of(response) == [f"{first} is already confirmed, said by Imogen Vale; nothing changed."]
    assert (state(interview), interview.revisions.count()) == (before, revisions)


# --- Confirm all ---------------------------------------------------------------------------------


def test_confirm_all_takes_every_sure_suggestion_and_skips_those_without_a_speaker(editor_client, interview, cast):
    unsure = factories.quote(interview, cast["Marcus Bell"], words="A guess.", confidence=0.5, position=3)

    response = editor_client.post(review_url(interview), {"action": "confirm-all", "at_least": "0.9"})

    assert response["Location"] == review_url(interview)
    assert messages_of(response) == ["Confirmed 2 quotes; 1 skipped: no speaker chosen."]
    statuses = dict(interview.quotes.values_list("words", "status"))
    assert statuses == {
        FIRST: Quote.Status.CONFIRMED,
        SECOND: Quote.Status.CONFIRMED,
        THIRD: Quote.Status.SUGGESTED,
        unsure.words: Quote.Status.SUGGESTED,
    }


def test_confirm_all_uses_the_confidence_the_editor_gives(editor_client, interview):
    editor_client.post(review_url(interview), {"action": "confirm-all", "at_least": "0.93"})

    confirmed = set(interview.quotes.filter(status=Quote.Status.CONFIRMED).values_list("words", flat=True))
    assert confirmed == {FIRST}


def test_confirm_all_leaves_rejected_quotes_rejected(editor_client, interview):
    Quote.objects.filter(words=FIRST).update(status=Quote.Status.REJECTED)

    editor_client.post(review_url(interview), {"action": "confirm-all", "at_least": "0.9"})

    assert quote(interview, FIRST).status == Quote.Status.REJECTED


def test_confirm_all_moves_the_version_and_records_one_revision(editor_client, interview):
    version, revisions = state(interview)[0], interview.revisions.count()

    editor_client.post(review_url(interview), {"action": "confirm-all", "at_least": "0.9"})

    interview.refresh_from_db()
    assert interview.version == version + 1
    assert interview.revisions.count() == revisions + 1
    assert interview.revisions.latest("pk").note == "Quotes reviewed: Confirmed 2 quotes; 1 skipped: no speaker chosen"


def test_confirm_all_with_nothing_sure_enough_says_so_and_changes_nothing(editor_client, interview):
    before = state(interview)

    response = editor_client.post(review_url(interview), {"action": "confirm-all", "at_least": "0.99"})

    assert messages_of(response) == ["No suggestion has a confidence of 0.99 or more."]
    assert state(interview) == before


# --- Who may decide ------------------------------------------------------------------------------


@pytest.fixture
def contributor():
    return factories.member("Contributor")


def test_a_contributor_reads_a_published_article_but_cannot_decide_its_quotes(contributor, cast):
    article = factories.published_article(body=BODY, created_by=contributor)
    first = factories.quote(article, cast["Imogen Vale"], words=FIRST, speaker_name="Imogen Vale", confidence=0.95)
    client = factories.client_for(contributor)
    before = state(article)

    page = client.get(review_url(article))
    confirm_one = client.post(
        review_url(article), {"quote": first.pk, "action": "confirm", "speaker": first.speaker_id}
    )
    confirm_all = client.post(review_url(article), {"action": "confirm-all", "at_least": "0"})

    assert page.status_code == 200
    assert "<mark>I learned every part in the building</mark>" in page.content.decode()
    assert "<button" not in page.content.decode().split('id="quote-review"')[1]
    assert (confirm_one.status_code, confirm_all.status_code) == (403, 403)
    assert state(article) == before


def test_a_contributor_decides_the_quotes_of_their_own_draft(contributor, cast):
    article = factories.article(body=BODY, created_by=contributor)
    first = factories.quote(article, cast["Imogen Vale"], words=FIRST, speaker_name="Imogen Vale")

    response = factories.client_for(contributor).post(
        review_url(article), {"quote": first.pk, "action": "confirm", "speaker": first.speaker_id}
    )

    assert response.status_code == 302
    assert quote(article, FIRST).status == Quote.Status.CONFIRMED


def test_staff_who_may_not_see_articles_get_403(interview):
    from django.contrib.auth import get_user_model

    outsider = get_user_model().objects.create_user("outsider", password="x" * 16, is_staff=True)

    response = factories.client_for(outsider).get(review_url(interview))

    assert response.status_code == 403


def test_an_unknown_article_is_404(editor_client):
    assert editor_client.get(reverse("admin:articles_article_quotes", args=["99999999999999999999"])).status_code == 404


# --- Bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "posted, message",
    [
        ({"quote": "987654", "action": "confirm"}, "That quote is not one of this article"),
        ({"quote": "99999999999999999999", "action": "confirm"}, "That quote is not one of this article"),
        ({"quote": "abc", "action": "reject"}, "That quote is not one of this article"),
        ({"action": "reject"}, "Say which quote to decide."),
        ({"quote": "FIRST", "action": "publish"}, "Choose Confirm, Reject or Save speaker."),
        ({"quote": "FIRST", "action": "confirm", "speaker": "987654"}, "There is no such person"),
        ({"quote": "FIRST", "action": "reassign", "speaker": "x"}, "There is no such person"),
        ({"quote": "FIRST", "action": "reassign", "speaker": ""}, "Choose who said"),
        ({"quote": "THIRD", "action": "confirm", "speaker": ""}, "Choose who said"),
        ({"action": "confirm-all", "at_least": "abc"}, "Give a confidence from 0 to 1, such as 0.9."),
        ({"action": "confirm-all", "at_least": "1.5"}, "Give a confidence from 0 to 1, such as 0.9."),
        ({"action": "confirm-all", "at_least": "-0.1"}, "Give a confidence from 0 to 1, such as 0.9."),
        ({"action": "confirm-all", "at_least": "nan"}, "Give a confidence from 0 to 1, such as 0.9."),
        ({"action": "confirm-all", "at_least": ""}, "Give a confidence from 0 to 1, such as 0.9."),
    ],
)
def test_bad_input_is_explained_and_changes_nothing(editor_client, interview, posted, message):
    words = {"FIRST": FIRST, "THIRD": THIRD}
    if posted.get("quote") in words:
        posted = {**posted, "quote": quote(interview, words[posted["quote"]]).pk}
    before = state(interview)

    response = editor_client.post(review_url(interview), posted)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Nothing was changed." in response.content.decode()
    assert state(interview) == before


def test_a_quote_of_another_article_is_refused(editor_client, interview, cast):
    elsewhere = factories.quote(factories.article(body=BODY), cast["Imogen Vale"], words=FIRST)
    before = state(interview)

    response = editor_client.post(
        review_url(interview), {"quote": elsewhere.pk, "action": "confirm", "speaker": cast["Imogen Vale"].pk}
    )

    assert response.status_code == 400
    assert "That quote is not one of this article" in response.content.decode()
    elsewhere.refresh_from_db()
    assert elsewhere.status == Quote.Status.SUGGESTED
    assert state(interview) == before


def test_a_refused_decision_keeps_the_focus_on_its_row(editor_client, interview):
    first = quote(interview, FIRST)

    response = editor_client.post(review_url(interview), {"quote": first.pk, "action": "reassign", "speaker": ""})

    assert f'data-focus="{first.pk}"' in response.content.decode()


# --- The core ------------------------------------------------------------------------------------


def test_a_batch_derives_the_article_once(interview, cast):
    editor = factories.member("Editor")
    first, second, third = (quote(interview, words) for words in (FIRST, SECOND, THIRD))
    version, revisions = state(interview)[0], interview.revisions.count()

    decided = services.quotes_decide(
        article=interview,
        decisions=[
            services.QuoteDecision(first, services.QuoteAction.CONFIRM),
            services.QuoteDecision(second, services.QuoteAction.REJECT),
            services.QuoteDecision(third, services.QuoteAction.REASSIGN, speaker=cast["Dana Quist"]),
        ],
        user=editor,
    )

    assert decided.summary() == "Confirmed 1 quote, rejected 1 quote, gave 1 quote a new speaker"
    interview.refresh_from_db()
    assert (interview.version, interview.revisions.count()) == (version + 1, revisions + 1)


def test_a_batch_with_a_stranger_quote_changes_nothing(interview, cast):
    elsewhere = factories.quote(factories.article(), cast["Imogen Vale"])
    before = state(interview)

    with pytest.raises(ValidationError, match="is not a quote of"):
        services.quotes_decide(
            article=interview,
            decisions=[
                services.QuoteDecision(quote(interview, FIRST), services.QuoteAction.CONFIRM),
                services.QuoteDecision(elsewhere, services.QuoteAction.CONFIRM),
            ],
            user=None,
        )

    assert state(interview) == before
    elsewhere.refresh_from_db()
    assert elsewhere.status == Quote.Status.SUGGESTED


# --- Finding the sentence ------------------------------------------------------------------------


def test_the_sentence_around_a_quote_stops_at_sentence_and_paragraph_ends():
    found = quote_in_context(BODY, SECOND)

    assert (found.before, found.quoted, found.after) == (
        "“",
        "We rehearsed the storm scene until the sprinklers gave up",
        ",” Reyes said.",
    )


def test_the_sentence_keeps_a_title_and_drops_markup_a_reader_never_sees():
    body = "Dr. Okafor said **“hold the curtain”** to [the crew](https://example.com/crew) and left. Next."

    found = quote_in_context(body, "Hold the curtain")

    assert (found.before, found.quoted, found.after) == (
        "Dr. Okafor said “",
        "hold the curtain",
        "” to the crew and left.",
    )


def test_a_long_sentence_is_shortened_at_a_space():
    body = "Word " * 100 + "“the line” " + "more " * 100 + "end."

    found = quote_in_context(body, "the line")

    assert found.before.startswith("… ") and len(found.before) <= 170
    assert found.after.endswith(" …") and len(found.after) <= 170


def test_words_the_body_does_not_have_have_no_sentence():
    assert quote_in_context(BODY, "Never said at all") is None
    assert quote_in_context(BODY, "“…”") is None
