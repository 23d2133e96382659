"""People and credits an article introduces: proposed, reviewed and applied through the core."""

import re
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import services
from articles.models import Article, AuditEntry, Quote
from articles.services.proposals import CREATE, SKIP, Decisions, similar_people
from people.models import Character, Credit, Person, PersonAlias
from tests import factories

pytestmark = pytest.mark.django_db

HARBOUR = """Harbour Lights sails into a second season

By Marisol Quartey

Aiko Kimura (Inspector Pell) and Leo Albright, who plays Captain Rook, spent the winter on the docks.

“We wanted the fog to feel alive,” Kimura said. “It took weeks.”

“The boat leaked from day one,” Albright grumbles.
"""


@pytest.fixture
def harbour():
    series = factories.work("Harbour Lights", slug="harbour-lights")
    factories.person("Marisol Quartey", slug="marisol-quartey")
    return series


def run(*args) -> str:
    out = StringIO()
    call_command("import_articles", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def imported(tmp_path, text: str = HARBOUR) -> Article:
    path = tmp_path / "harbour.txt"
    path.write_text(text)
    run(str(path))
    return Article.objects.get()


@pytest.fixture
def article(tmp_path, harbour) -> Article:
    return imported(tmp_path)


@pytest.fixture
def editor():
    return factories.member("Editor")


def decide(article, credits=True, **people) -> Decisions:
    proposals = services.article_proposals(article=article)
    return Decisions(people=people, credits=proposals.credits if credits else [])


# --- Proposals ---------------------------------------------------------------------------------


def test_proposals_list_new_people_with_the_quotes_that_name_them(article):
    proposals = services.article_proposals(article=article)
    assert [new.name for new in proposals.people] == ["Aiko Kimura", "Leo Albright"]
    quotes = {new.name: [quote.words for quote in new.quotes] for new in proposals.people}
    assert quotes == {
        "Aiko Kimura": list(article.quotes.filter(speaker_name="Aiko Kimura").values_list("words", flat=True)),
        "Leo Albright": ["The boat leaked from day one,"],
    }
    assert quotes["Aiko Kimura"]


def test_proposals_suggest_people_with_the_same_surname(tmp_path, harbour):
    dana = factories.person("Dana Albright", slug="dana-albright")
    factories.person("Unrelated Person", slug="unrelated")
    proposals = services.article_proposals(article=imported(tmp_path))
    assert {new.name: new.similar for new in proposals.people} == {"Aiko Kimura": [], "Leo Albright": [dana]}


def test_similar_people_include_a_near_spelling_but_not_a_stranger():
    jollette = factories.person("Casimere Jollette", slug="casimere-jollette")
    factories.person("Casimere Wright", slug="casimere-wright")
    assert similar_people("Casimere Jolette") == [jollette]


def test_proposals_list_credits_on_the_articles_work(article, harbour):
    proposals = services.article_proposals(article=article)
    assert {(c.person, c.character, c.work) for c in proposals.credits} == {
        ("Aiko Kimura", "Inspector Pell", harbour),
        ("Leo Albright", "Captain Rook", harbour),
    }


def test_an_article_about_no_work_proposes_no_credits_and_says_so(article):
    article.works.clear()
    proposals = services.article_proposals(article=article)
    assert proposals.credits == []
    assert proposals.people and "no work" in proposals.notes[0]


# --- Applying decisions --------------------------------------------------------------------------


def test_create_adds_the_person_and_attributes_their_quotes(article, editor):
    services.proposals_apply(article=article, user=editor, decisions=decide(article, **{"Aiko Kimura": CREATE}))
    aiko = Person.objects.get(name="Aiko Kimura")
    assert aiko.slug == "aiko-kimura"
    quotes = article.quotes.filter(speaker_name="Aiko Kimura")
    assert quotes.exists() and all(q.speaker == aiko and q.status == Quote.Status.SUGGESTED for q in quotes)
    # Leo Albright was not decided on: his quote stays unattributed.
    assert article.quotes.get(speaker_name="Leo Albright").speaker is None


def test_create_gives_a_slug_nobody_has(article, editor):
    factories.person("Aiko Kimura (dancer)", slug="aiko-kimura")
    services.proposals_apply(article=article, user=editor, decisions=decide(article, **{"Aiko Kimura": CREATE}))
    assert Person.objects.get(name="Aiko Kimura").slug == "aiko-kimura-2"


def test_merge_records_the_spelling_as_an_alias_and_attributes_the_quotes(article, editor):
    leon = factories.person("Leon Albright", slug="leon-albright")
    services.proposals_apply(article=article, user=editor, decisions=decide(article, **{"Leo Albright": leon}))
    assert list(leon.aliases.values_list("name", flat=True)) == ["Leo Albright"]
    assert article.quotes.get(speaker_name="Leo Albright").speaker == leon
    assert not Person.objects.filter(name="Leo Albright").exists()


def test_merge_does_not_repeat_a_spelling_the_person_already_has(article, editor):
    leon = factories.person("Leon Albright", slug="leon-albright")
    decisions = decide(article, credits=False, **{"Leo Albright": leon})
    factories.alias(leon, "Leo Albright")  # added by someone else while the page was open
    services.proposals_apply(article=article, user=editor, decisions=decisions)
    assert PersonAlias.objects.filter(person=leon).count() == 1
    assert article.quotes.get(speaker_name="Leo Albright").speaker == leon


def test_skip_creates_nobody_and_leaves_the_quotes(article, editor):
    people = Person.objects.count()
    result = services.proposals_apply(
        article=article, user=editor, decisions=decide(article, **{"Aiko Kimura": SKIP, "Leo Albright": SKIP})
    )
    assert Person.objects.count() == people
    assert not Credit.objects.exists()  # a skipped actor cannot be credited
    assert not article.quotes.filter(speaker__isnull=False).exists()
    assert result.summary() == "nothing changed"


def test_accepted_credits_create_the_character_and_the_credit_once(article, editor, harbour):
    decisions = decide(article, **{"Aiko Kimura": CREATE, "Leo Albright": CREATE})
    services.proposals_apply(article=article, user=editor, decisions=decisions)
    assert set(Credit.objects.values_list("person__name", "character__name", "work", "role")) == {
        ("Aiko Kimura", "Inspector Pell", harbour.pk, Credit.Role.CAST),
        ("Leo Albright", "Captain Rook", harbour.pk, Credit.Role.CAST),
    }
    assert set(harbour.characters.values_list("name", flat=True)) == {"Inspector Pell", "Captain Rook"}
    # Once credited, the article proposes them no more.
    assert not services.article_proposals(article=article)


def test_a_credit_for_an_existing_character_reuses_it(article, editor, harbour):
    pell = factories.character(harbour, "Inspector Pell")
    services.proposals_apply(article=article, user=editor, decisions=decide(article, **{"Aiko Kimura": CREATE}))
    assert Credit.objects.get(person__name="Aiko Kimura").character == pell
    assert Character.objects.filter(name="Inspector Pell").count() == 1


def test_applying_records_an_audit_entry_and_a_new_version(article, editor):
    version = article.version
    services.proposals_apply(article=article, user=editor, decisions=decide(article, **{"Aiko Kimura": CREATE}))
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PEOPLE)
    assert entry.user == editor and "Aiko Kimura" in entry.detail
    article.refresh_from_db()
    assert article.version == version + 1


def test_a_name_the_article_does_not_introduce_is_refused(article, editor):
    with pytest.raises(ValidationError):
        services.proposals_apply(article=article, user=editor, decisions=Decisions(people={"Someone Else": CREATE}))
    assert not Person.objects.filter(name="Someone Else").exists()


def test_a_contributor_without_people_permissions_is_refused(article):
    contributor = factories.member("Contributor")
    article.created_by = contributor
    article.save(update_fields=["created_by"])
    with pytest.raises(PermissionDenied):
        services.proposals_apply(
            article=article, user=contributor, decisions=decide(article, **{"Aiko Kimura": CREATE})
        )
    assert not Person.objects.filter(name="Aiko Kimura").exists()
    assert not article.quotes.filter(speaker__isnull=False).exists()


# --- import_articles --create-people ---------------------------------------------------------------


def test_import_with_create_people_adds_people_and_credits_and_attributes_quotes(tmp_path, harbour):
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR)
    out = run("--create-people", str(path))
    article = Article.objects.get()
    assert set(Person.objects.values_list("name", flat=True)) >= {"Aiko Kimura", "Leo Albright"}
    assert set(Credit.objects.values_list("person__name", "character__name", "work")) == {
        ("Aiko Kimura", "Inspector Pell", harbour.pk),
        ("Leo Albright", "Captain Rook", harbour.pk),
    }
    assert not article.quotes.filter(speaker__isnull=True).exists()
    assert "people: added Aiko Kimura, Leo Albright" in out


def test_import_with_create_people_attributes_to_an_exact_other_spelling(tmp_path, harbour):
    leon = factories.person("Leon Albright", slug="leon-albright")
    factories.alias(leon, "Leo Albright")
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR)
    run("--create-people", str(path))
    assert not Person.objects.filter(name="Leo Albright").exists()
    assert Article.objects.get().quotes.get(speaker_name="Leon Albright").speaker == leon


def test_a_dry_run_with_create_people_writes_nothing(tmp_path, harbour):
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR)
    people = Person.objects.count()
    run("--dry-run", "--create-people", str(path))
    assert not Article.objects.exists()
    assert Person.objects.count() == people
    assert not Credit.objects.exists() and not Character.objects.exists()


# --- The admin page ------------------------------------------------------------------------------


def people_url(article: Article) -> str:
    return reverse("admin:articles_article_people", args=[article.pk])


def review_form(article: Article, **choices) -> dict:
    """The page's form as an editor sends it: every person created and every credit kept,
    unless ``choices`` say otherwise."""
    proposals = services.article_proposals(article=article)
    data = {
        "reviewed": "|".join(
            [*(new.name for new in proposals.people), "", *(f"{c.person} as {c.character}" for c in proposals.credits)]
        )
    }
    for index, _ in enumerate(proposals.people):
        data[f"person_{index}"] = "create"
    for index, _ in enumerate(proposals.credits):
        data[f"credit_{index}"] = "on"
    data.update(choices)
    return data


def checked(page: str, name: str) -> list[str]:
    """The values of the inputs named ``name`` that the page shows checked ("on" for a checkbox)."""
    values = []
    for tag in re.findall(r"<input[^>]*>", page):
        if f'name="{name}"' in tag and " checked" in tag:
            value = re.search(r'value="([^"]*)"', tag)
            values.append(value.group(1) if value else "on")
    return values


def test_the_change_form_links_to_the_review_page(article, editor):
    page = factories.client_for(editor).get(reverse("admin:articles_article_change", args=[article.pk]))
    assert people_url(article) in page.content.decode()


def test_the_change_form_has_no_link_when_there_is_nothing_to_review(article, editor):
    services.proposals_apply(
        article=article, user=editor, decisions=Decisions.accept_all(services.article_proposals(article=article))
    )
    page = factories.client_for(editor).get(reverse("admin:articles_article_change", args=[article.pk]))
    assert people_url(article) not in page.content.decode()


def test_the_review_page_lists_people_credits_and_quotes(article, editor):
    factories.person("Dana Albright", slug="dana-albright")
    response = factories.client_for(editor).get(people_url(article))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Aiko Kimura" in page and "Leo Albright" in page
    assert "The same person as Dana Albright" in page
    assert "Leo Albright as Captain Rook in Harbour Lights" in page
    assert "The boat leaked from day one," in page
    assert checked(page, "person_0") == checked(page, "person_1") == ["create"]
    assert checked(page, "credit_0") == checked(page, "credit_1") == ["on"]


def test_posting_the_review_page_applies_the_decisions(article, editor):
    dana = factories.person("Dana Albright", slug="dana-albright")
    data = review_form(article, person_1=f"merge:{dana.pk}", credit_0="")
    response = factories.client_for(editor).post(people_url(article), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert Person.objects.filter(name="Aiko Kimura").exists()
    assert list(dana.aliases.values_list("name", flat=True)) == ["Leo Albright"]
    assert article.quotes.get(speaker_name="Leo Albright").speaker == dana
    # Only the credit left checked is added.
    assert list(Credit.objects.values_list("person__name", "character__name")) == [("Dana Albright", "Captain Rook")]


def test_someone_else_can_be_chosen_from_every_person(article, editor):
    leon = factories.person("Leon Albrecht", slug="leon-albrecht")
    data = review_form(article, person_1="other", person_1_other=str(leon.pk))
    factories.client_for(editor).post(people_url(article), data)
    assert article.quotes.get(speaker_name="Leo Albright").speaker == leon


@pytest.mark.parametrize(
    "tampered",
    [
        {"person_1": "merge:999999"},
        {"person_1": "other", "person_1_other": "999999"},
        {"person_1": "other", "person_1_other": "99999999999999999999"},
        {"person_1": "other", "person_1_other": "abc"},
        {"person_1": "other"},
        {"person_0": "delete-everything"},
        {"reviewed": "Someone Else|"},
    ],
)
def test_tampered_choices_are_refused_with_a_form_error_and_nothing_written(article, editor, tampered):
    people = Person.objects.count()
    response = factories.client_for(editor).post(people_url(article), review_form(article, **tampered))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Please correct the errors below." in page
    assert Person.objects.count() == people and not Credit.objects.exists()
    assert not article.quotes.filter(speaker__isnull=False).exists()
    # What the editor chose is kept.
    assert checked(page, "person_0") == ([] if "person_0" in tampered else ["create"])
    if tampered.get("person_1") == "other":
        assert checked(page, "person_1") == ["other"]


def test_a_contributor_may_look_but_not_apply(article):
    contributor = factories.member("Contributor")
    client = factories.client_for(contributor)
    response = client.get(people_url(article))
    assert response.status_code == 200
    assert "Only editors can add people" in response.content.decode()
    assert client.post(people_url(article), review_form(article)).status_code == 403
    assert not Person.objects.filter(name="Aiko Kimura").exists()


def test_the_review_page_needs_view_permission(article):
    from django.contrib.auth import get_user_model

    stranger = get_user_model().objects.create_user("stranger", password="x" * 16, is_staff=True)
    assert factories.client_for(stranger).get(people_url(article)).status_code == 403


def test_a_paste_that_introduces_people_opens_the_review_page(harbour, editor):
    response = factories.client_for(editor).post(reverse("admin:articles_article_paste"), {"text": HARBOUR})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == people_url(article)


def page_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def test_the_review_page_costs_the_same_queries_for_one_new_person_as_for_many(tmp_path, harbour, editor):
    client = factories.client_for(editor)
    one = imported(
        tmp_path, "Harbour Lights: one voice\n\nAiko Kimura (Inspector Pell) waded in.\n\n“Cold,” Kimura said."
    )
    Article.objects.filter(pk=one.pk).update(slug="one-voice")
    (tmp_path / "harbour.txt").unlink()
    run(
        str(
            write_article(
                tmp_path,
                "Harbour Lights: four voices\n\nAiko Kimura (Inspector Pell), Leo Albright (Captain Rook), Rosa "
                "Vance (Marguerite) and Teodor Lind (Brother Amos) waded in.\n\n“Cold,” Kimura said. “Wet,” "
                "Albright said. “Dark,” Vance said. “Long,” Lind said.",
            )
        )
    )
    many = Article.objects.exclude(pk=one.pk).get()
    assert len(services.article_proposals(article=many).people) == 4
    assert len(services.article_proposals(article=one).people) == 1
    assert page_queries(client, people_url(one)) == page_queries(client, people_url(many))


def write_article(tmp_path, text: str):
    path = tmp_path / "four.txt"
    path.write_text(text)
    return path
