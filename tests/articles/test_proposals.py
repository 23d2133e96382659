"""People and credits an article introduces: proposed, reviewed and applied through the core."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

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
