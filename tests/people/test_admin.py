"""Setting up a series in the admin: a season and its numbered episodes in one step."""

import pytest
from django.urls import reverse

from people.admin import season_numbered
from people.models import Episode, Season, Work
from tests import factories
from tests.admin_helpers import inline_management, work_form

pytestmark = pytest.mark.django_db


def test_a_new_series_gets_a_season_of_numbered_episodes_in_one_save(admin_client):
    seasons = inline_management("seasons", [{"number": "1", "title": "", "episodes_to_add": "10"}])
    response = admin_client.post(
        reverse("admin:people_work_add"),
        work_form(title="Gannet Head", slug="gannet-head", synopsis="Cold water.", **seasons),
    )

    assert response.status_code == 302
    season = Season.objects.get(work__slug="gannet-head")
    assert list(season.episodes.values_list("number", flat=True)) == list(range(1, 11))


def test_numbering_again_adds_only_the_missing_episodes_and_keeps_titles():
    series = factories.work("Gannet Head", slug="gannet-head")
    season = factories.season(series, number=1, episodes=0)
    Episode.objects.create(season=season, number=2, title="The Wreck")

    assert season_numbered(season, 4) == 3
    assert list(season.episodes.values_list("number", "title")) == [(1, ""), (2, "The Wreck"), (3, ""), (4, "")]


def test_an_impossible_number_of_episodes_is_refused_and_the_form_kept(admin_client):
    seasons = inline_management("seasons", [{"number": "1", "title": "First", "episodes_to_add": "5000"}])
    response = admin_client.post(
        reverse("admin:people_work_add"),
        work_form(title="Gannet Head", slug="gannet-head", synopsis="Cold water.", **seasons),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Ensure this value is less than or equal to 200." in page and "Cold water." in page
    assert not Work.objects.exists()


def test_a_new_series_credits_its_cast_as_characters_it_names_in_the_same_save(admin_client):
    aiko = factories.person("Aiko Kimura", slug="aiko-kimura")
    ewan = factories.person("Ewan Strand", slug="ewan-strand")
    characters = inline_management("characters", [{"name": "Isla Calloway", "slug": "isla-calloway"}])
    credits = inline_management(
        "credits",
        [
            {"person": str(aiko.pk), "role": "cast", "character_name": "Isla Calloway", "billing": "1"},
            {"person": str(ewan.pk), "role": "cast", "character_name": "Alan  Mayhew", "billing": "2"},
        ],
    )
    response = admin_client.post(
        reverse("admin:people_work_add"), work_form(title="Gannet Head", slug="gannet-head", **characters, **credits)
    )

    assert response.status_code == 302
    work = Work.objects.get(slug="gannet-head")
    assert sorted(work.characters.values_list("name", "slug")) == [
        ("Alan Mayhew", "alan-mayhew"),
        ("Isla Calloway", "isla-calloway"),
    ]
    assert set(work.credits.values_list("person__name", "character__name")) == {
        ("Aiko Kimura", "Isla Calloway"),
        ("Ewan Strand", "Alan Mayhew"),
    }


def test_a_credit_names_a_character_or_picks_one_not_both(admin_client):
    work = factories.work("Gannet Head", slug="gannet-head")
    isla = factories.character(work, "Isla Calloway", slug="isla-calloway")
    aiko = factories.person("Aiko Kimura", slug="aiko-kimura")
    row = {"person": str(aiko.pk), "role": "cast", "character": str(isla.pk), "character_name": "Someone Else"}
    data = work_form(title="Gannet Head", slug="gannet-head", **inline_management("credits", [row]))
    response = admin_client.post(reverse("admin:people_work_change", args=[work.pk]), data)

    assert response.status_code == 200
    assert "Choose a character from the list or name a new one, not both." in response.content.decode()
    assert not work.credits.exists()


def test_a_new_characters_name_needs_a_letter_or_a_digit_and_the_form_is_kept(admin_client):
    aiko = factories.person("Aiko Kimura", slug="aiko-kimura")
    row = {"person": str(aiko.pk), "role": "cast", "character_name": "!!!", "billing": "1"}
    data = work_form(title="Gannet Head", slug="gannet-head", **inline_management("credits", [row]))
    response = admin_client.post(reverse("admin:people_work_add"), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "A character&#x27;s name needs a letter or a digit." in page and "Gannet Head" in page
    assert not Work.objects.exists()


def test_a_credits_character_search_keeps_to_the_work_chosen_beside_it():
    from tests.factories import client_for, member

    harbour, tide = factories.work("Harbour Lights"), factories.work("Tide Table")
    pell = factories.character(harbour, "Inspector Pell")
    factories.character(tide, "Inspector Moss")
    editor = client_for(member("Editor"))
    base = "/admin/autocomplete/?term=Inspector&app_label=people&model_name=credit&field_name=character"

    def names(url):
        response = editor.get(url)
        assert response.status_code == 200
        return sorted(row["text"] for row in response.json()["results"])

    assert names(base) == ["Inspector Moss (Tide Table)", "Inspector Pell (Harbour Lights)"]
    assert names(f"{base}&work={harbour.pk}") == [str(pell)]
    # Not a key: ignored, not an error.
    assert len(names(f"{base}&work=x")) == 2
    page = editor.get(f"/admin/people/person/{factories.person().pk}/change/").content.decode()
    assert "js/credit-characters.js" in page
