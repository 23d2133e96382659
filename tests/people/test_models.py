import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from people.models import Credit, Episode, Person, PersonAlias, Season
from people.names import normalize_name
from tests import factories

pytestmark = pytest.mark.django_db


def test_name_normalisation_ignores_case_accents_apostrophes_and_spacing():
    assert normalize_name("  Zoë   O’Neil ") == normalize_name("zoe o'neil")
    assert normalize_name("Casimere Jolette") != normalize_name("Casimere Jollette")
    # letters Unicode does not split into a letter and an accent: "YILMAZ" is how capitals write "Yılmaz"
    assert normalize_name("Tarık Yılmaz") == normalize_name("TARIK YILMAZ") == "tarik yilmaz"
    assert normalize_name("Łucja Wałęsa") == "lucja walesa"
    assert normalize_name("Søren Holm") == "soren holm"


def test_alias_finds_the_person_it_belongs_to():
    actress = factories.person("Casimere Jollette")
    factories.alias(actress, "Casimere Jolette")
    factories.person("Someone Else")

    assert list(Person.objects.matching_name("Casimere Jolette")) == [actress]
    assert list(Person.objects.matching_name("casimere  JOLLETTE")) == [actress]
    assert not Person.objects.matching_name("Casimere").exists()


def test_person_with_several_aliases_is_found_once():
    actor = factories.person("Michael Hsu Rosen")
    factories.alias(actor, "Michael Su Rosen")
    factories.alias(actor, "M. Hsu Rosen")

    assert Person.objects.matching_name("Michael Hsu Rosen").count() == 1


def test_alias_naming_another_person_is_refused_with_a_field_error():
    factories.person("Kylie Jefferson")
    other = factories.person("Anna Maiche")

    with pytest.raises(ValidationError) as error:
        PersonAlias(person=other, name="kylie jefferson").full_clean()

    assert "is the name of another person (Kylie Jefferson)" in error.value.message_dict["name"][0]


def test_same_spelling_cannot_be_an_alias_of_two_people():
    factories.alias(factories.person(), "Sonia Charaiotra")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.alias(factories.person(), "SONIA CHARAIOTRA")


def test_person_slugs_are_unique_with_a_clear_message():
    factories.person("Lauren Holly", slug="lauren-holly")
    duplicate = Person(name="Lauren Holly", slug="lauren-holly")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert error.value.message_dict["slug"] == ["Another person already uses this slug; choose a different one."]
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_episode_zero_is_refused_by_form_validation_and_by_the_database():
    season = factories.season()
    with pytest.raises(ValidationError) as error:
        Episode(season=season, number=0).full_clean()
    assert "Episode numbers start at 1." in error.value.message_dict["number"]

    with pytest.raises(IntegrityError), transaction.atomic():
        Episode.objects.create(season=season, number=0)


def test_episode_numbers_are_unique_within_a_season_only():
    first, second = factories.season(number=1, episodes=2), factories.season(number=2)
    Episode.objects.create(season=second, number=1)

    with pytest.raises(ValidationError) as error:
        Episode(season=first, number=2).full_clean()
    assert "This season already has an episode with this number." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        Episode.objects.create(season=first, number=2)


def test_season_numbers_are_unique_within_a_work():
    series = factories.work()
    factories.season(series, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Season.objects.create(work=series, number=1)


def test_credit_character_from_another_work_gets_a_field_error():
    series, film = factories.work("Tiny Pretty Things"), factories.work("Another Work")
    cassie = factories.character(series, "Cassie Shore")
    credit = Credit(person=factories.person(), work=film, role=Credit.Role.CAST, character=cassie)

    with pytest.raises(ValidationError) as error:
        credit.full_clean()

    assert error.value.message_dict["character"] == [
        "Cassie Shore is a character in Tiny Pretty Things, not in this credit's work."
    ]


def test_database_refuses_a_credit_whose_character_belongs_to_another_work():
    series, film = factories.work(), factories.work()
    character = factories.character(series)

    with pytest.raises(IntegrityError), transaction.atomic():
        Credit.objects.create(person=factories.person(), work=film, character=character)

    credit = factories.credit(on=series, character=character)
    credit.work = film
    with pytest.raises(IntegrityError), transaction.atomic():
        credit.save()


def test_database_refuses_moving_a_credited_character_to_another_work():
    series, film = factories.work(), factories.work()
    character = factories.character(series)
    factories.credit(on=series, character=character)

    character.work = film
    with pytest.raises(IntegrityError), transaction.atomic():
        character.save()


def test_one_credit_per_person_work_role_and_character():
    series = factories.work()
    actor, bette = factories.person(), factories.character(series)
    factories.credit(actor, series, role=Credit.Role.CAST, character=bette)

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.credit(actor, series, role=Credit.Role.CAST, character=bette)

    # The same person may hold another role on the same work.
    factories.credit(actor, series, role=Credit.Role.CHOREOGRAPHER)


def test_one_crew_credit_per_person_work_and_role_even_without_a_character():
    series, creator = factories.work(), factories.person()
    factories.credit(creator, series, role=Credit.Role.CREATOR)
    with pytest.raises(ValidationError) as error:
        Credit(person=creator, work=series, role=Credit.Role.CREATOR).full_clean()
    assert "This person already has this role in this work." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.credit(creator, series, role=Credit.Role.CREATOR)


def test_work_cannot_be_based_on_itself():
    novel = factories.work()
    novel.based_on = novel
    with pytest.raises(IntegrityError), transaction.atomic():
        novel.save()
