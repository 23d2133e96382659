from datetime import date

import pytest
from django.db.models import Prefetch

from people.models import Character, Credit, Episode, Person, PersonLink, Season, Work
from people.structured_data import (
    acting_roles_json_ld,
    character_json_ld,
    person_json_ld,
    work_json_ld,
    work_open_graph_type,
)
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://news.example.com"


def absolute_url(path: str) -> str:
    return SITE + path


def fetch_person(person: Person) -> tuple[Person, list[Credit]]:
    """The person and their credits as a person page would fetch them."""
    fetched = Person.objects.select_related("headshot").prefetch_related("aliases", "links").get(pk=person.pk)
    credits = list(Credit.objects.filter(person=person).select_related("work", "character"))
    return fetched, credits


def fetch_work(work: Work) -> tuple[Work, list[Credit], list[Season]]:
    """The work, its credits in billing order and its seasons as a work page would fetch them."""
    fetched = Work.objects.select_related("poster", "based_on").get(pk=work.pk)
    credits = list(Credit.objects.filter(work=work).select_related("person", "character").order_by("billing", "pk"))
    seasons = list(
        Season.objects.filter(work=work).prefetch_related(Prefetch("episodes", queryset=Episode.objects.all()))
    )
    return fetched, credits, seasons


def person_data(person: Person) -> dict:
    fetched, _ = fetch_person(person)
    return person_json_ld(fetched, absolute_url=absolute_url)


def roles_data(person: Person) -> list[dict]:
    fetched, credits = fetch_person(person)
    return acting_roles_json_ld(fetched, credits=credits, absolute_url=absolute_url)


def fetch_character(character: Character) -> tuple[Character, list[Credit]]:
    """The character and its credits as a character page would fetch them."""
    fetched = (
        Character.objects.select_related("work")
        .prefetch_related(Prefetch("credits", queryset=Credit.objects.select_related("person").order_by("billing")))
        .get(pk=character.pk)
    )
    return fetched, fetched.credits.all()


def work_data(work: Work, *, with_seasons: bool = False) -> dict:
    fetched, credits, seasons = fetch_work(work)
    return work_json_ld(fetched, credits=credits, absolute_url=absolute_url, seasons=seasons if with_seasons else None)


# person_json_ld


def test_person_has_name_and_page_address():
    person = factories.person("Casimere Jollette", slug="casimere-jollette")

    data = person_data(person)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Person"
    assert data["name"] == "Casimere Jollette"
    assert data["url"] == f"{SITE}/people/casimere-jollette/"


def test_person_lists_other_spellings_as_alternate_name():
    person = factories.person("Casimere Jollette")
    factories.alias(person, "Casimere Jolette")
    factories.alias(person, "Cas Jollette")

    assert person_data(person)["alternateName"] == ["Cas Jollette", "Casimere Jolette"]


def test_person_description_is_the_bio_cut_to_300_characters():
    person = factories.person(bio="She trained at a ballet academy.\n\n" + "More. " * 100)

    description = person_data(person)["description"]

    assert description.startswith("She trained at a ballet academy. More.")
    assert len(description) == 300
    assert description.endswith("…")


def test_person_headshot_is_an_absolute_image_address():
    person = factories.person(headshot=factories.image())

    assert person_data(person)["image"].startswith(f"{SITE}/media/images/")


def test_person_same_as_keeps_full_addresses_and_skips_handles():
    person = factories.person()
    PersonLink.objects.create(person=person, kind=PersonLink.Kind.INSTAGRAM, value="@blairlyawake")
    PersonLink.objects.create(person=person, kind=PersonLink.Kind.IMDB, value="https://www.imdb.com/name/nm1/")

    assert person_data(person)["sameAs"] == ["https://www.imdb.com/name/nm1/"]


def test_person_without_extras_has_no_empty_fields():
    data = person_data(factories.person())

    assert set(data) == {"@context", "@type", "name", "url"}


def test_person_has_no_performer_in_which_schema_org_keeps_for_events():
    show = factories.work()
    person = factories.person()
    factories.credit(person, show, character=factories.character(show))

    assert "performerIn" not in person_data(person)


def test_person_acting_credits_are_said_from_each_works_actor_list():
    show = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    film = factories.work("Night Rehearsal", slug="night-rehearsal", kind=Work.Kind.FILM)
    person = factories.person("Kylie Jefferson", slug="kylie-jefferson")
    factories.credit(person, show, role=Credit.Role.CAST, character=factories.character(show, "Neveah Stroyer"))
    factories.credit(person, film, role=Credit.Role.GUEST, character=factories.character(film, "Mara"))
    factories.credit(person, show, role=Credit.Role.CHOREOGRAPHER)

    actor = {"@type": "Person", "name": "Kylie Jefferson", "url": f"{SITE}/people/kylie-jefferson/"}
    assert sorted(roles_data(person), key=lambda node: node["name"]) == [
        {
            "@context": "https://schema.org",
            "@type": "Movie",
            "name": "Night Rehearsal",
            "url": f"{SITE}/works/night-rehearsal/",
            "actor": [{"@type": "PerformanceRole", "actor": actor, "characterName": "Mara", "roleName": "Guest star"}],
        },
        {
            "@context": "https://schema.org",
            "@type": "TVSeries",
            "name": "Tiny Pretty Things",
            "url": f"{SITE}/works/tiny-pretty-things/",
            "actor": [{"@type": "PerformanceRole", "actor": actor, "characterName": "Neveah Stroyer"}],
        },
    ]


def test_two_roles_in_one_work_make_one_work_with_two_performance_roles():
    show = factories.work()
    person = factories.person()
    factories.credit(person, show, character=factories.character(show, "Delia"))
    factories.credit(person, show, role=Credit.Role.STUNT_DOUBLE, character=factories.character(show, "Bette"))

    [work] = roles_data(person)

    assert sorted(role["characterName"] for role in work["actor"]) == ["Bette", "Delia"]


def test_a_person_without_acting_credits_has_no_roles():
    person = factories.person()
    factories.credit(person, factories.work(), role=Credit.Role.WRITER)

    assert roles_data(person) == []


def test_person_json_ld_runs_no_queries_when_prefetched(django_assert_num_queries):
    person = factories.person(headshot=factories.image(), bio="A dancer.")
    factories.alias(person, "Another Spelling")
    PersonLink.objects.create(person=person, value="https://example.org/")
    show = factories.work()
    factories.credit(person, show, character=factories.character(show))
    factories.credit(person, factories.work(), role=Credit.Role.GUEST, character=None)
    fetched, credits = fetch_person(person)

    with django_assert_num_queries(0):
        person_json_ld(fetched, absolute_url=absolute_url)
        acting_roles_json_ld(fetched, credits=credits, absolute_url=absolute_url)


# work_json_ld


def test_series_is_a_tv_series_with_synopsis_start_date_and_network():
    show = factories.work(
        "Tiny Pretty Things",
        slug="tiny-pretty-things",
        synopsis="A ballet academy drama.",
        premiere_date=date(2020, 12, 14),
        network="Netflix",
    )

    data = work_data(show)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "TVSeries"
    assert data["name"] == "Tiny Pretty Things"
    assert data["url"] == f"{SITE}/works/tiny-pretty-things/"
    assert data["description"] == "A ballet academy drama."
    assert data["startDate"] == "2020-12-14"
    assert data["productionCompany"] == {"@type": "Organization", "name": "Netflix"}


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        (Work.Kind.MINISERIES, "TVSeries"),
        (Work.Kind.FILM, "Movie"),
        (Work.Kind.NOVEL, "Book"),
        (Work.Kind.PLAY, "CreativeWork"),
        (Work.Kind.SPECIAL, "CreativeWork"),
    ],
)
def test_work_type_follows_its_kind(kind, schema_type):
    assert work_data(factories.work(kind=kind))["@type"] == schema_type


@pytest.mark.parametrize(
    ("kind", "open_graph_type"),
    [
        (Work.Kind.SERIES, "video.tv_show"),
        (Work.Kind.MINISERIES, "video.tv_show"),
        (Work.Kind.FILM, "video.movie"),
        (Work.Kind.SPECIAL, "video.other"),
        (Work.Kind.NOVEL, "book"),
        (Work.Kind.PLAY, "website"),
        (Work.Kind.MUSICAL, "website"),
    ],
)
def test_open_graph_type_follows_the_works_kind(kind, open_graph_type):
    assert work_open_graph_type(factories.work(kind=kind)) == open_graph_type


def test_every_kind_of_work_has_an_open_graph_type_and_only_screen_works_a_video_one():
    screen = {Work.Kind.SERIES, Work.Kind.MINISERIES, Work.Kind.FILM, Work.Kind.SPECIAL}
    for kind in Work.Kind:
        assert work_open_graph_type(Work(kind=kind)).startswith("video.") == (kind in screen), kind


def test_novel_has_date_published_and_its_publisher():
    novel = factories.work(kind=Work.Kind.NOVEL, premiere_date=date(2015, 6, 30), network="HarperTeen")

    data = work_data(novel)

    assert data["datePublished"] == "2015-06-30"
    assert data["publisher"] == {"@type": "Organization", "name": "HarperTeen"}
    assert "productionCompany" not in data


def test_work_without_premiere_date_falls_back_to_its_year():
    assert work_data(factories.work(kind=Work.Kind.FILM, year=2019))["datePublished"] == "2019"


def test_adaptation_is_based_on_its_source():
    novel = factories.work("Tiny Pretty Things", slug="tiny-pretty-things-novel", kind=Work.Kind.NOVEL)
    show = factories.work("Tiny Pretty Things", based_on=novel)

    assert work_data(show)["isBasedOn"] == {
        "@type": "Book",
        "name": "Tiny Pretty Things",
        "url": f"{SITE}/works/tiny-pretty-things-novel/",
    }


def test_work_poster_is_an_absolute_image_address():
    assert work_data(factories.work(poster=factories.image()))["image"].startswith(f"{SITE}/media/images/")


def test_work_actors_keep_billing_order_with_character_names():
    show = factories.work()
    lead = factories.person("Kylie Jefferson", slug="kylie-jefferson")
    second = factories.person("Casimere Jollette", slug="casimere-jollette")
    guest = factories.person("Guest Person", slug="guest-person")
    factories.credit(second, show, billing=2, character=factories.character(show, "June Park"))
    factories.credit(guest, show, role=Credit.Role.GUEST, billing=9)
    factories.credit(lead, show, billing=1, character=factories.character(show, "Neveah Stroyer"))

    assert work_data(show)["actor"] == [
        {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Kylie Jefferson", "url": f"{SITE}/people/kylie-jefferson/"},
            "characterName": "Neveah Stroyer",
        },
        {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Casimere Jollette", "url": f"{SITE}/people/casimere-jollette/"},
            "characterName": "June Park",
        },
        {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Guest Person", "url": f"{SITE}/people/guest-person/"},
            "roleName": "Guest star",
        },
    ]


def test_work_names_creators_and_authors_but_not_other_crew():
    show = factories.work()
    creator = factories.person("Michael MacLennan", slug="michael-maclennan")
    author = factories.person("Sona Charaipotra", slug="sona-charaipotra")
    factories.credit(creator, show, role=Credit.Role.CREATOR)
    factories.credit(author, show, role=Credit.Role.AUTHOR)
    factories.credit(factories.person(), show, role=Credit.Role.CHOREOGRAPHER)

    data = work_data(show)

    assert data["creator"] == [
        {"@type": "Person", "name": "Michael MacLennan", "url": f"{SITE}/people/michael-maclennan/"}
    ]
    assert data["author"] == [
        {"@type": "Person", "name": "Sona Charaipotra", "url": f"{SITE}/people/sona-charaipotra/"}
    ]
    assert "actor" not in data


def test_series_with_seasons_counts_seasons_and_episodes_without_titles():
    show = factories.work()
    factories.season(show, number=1, episodes=10, title="The Fall")
    factories.season(show, number=2, episodes=3)

    data = work_data(show, with_seasons=True)

    assert data["numberOfSeasons"] == 2
    assert data["containsSeason"] == [
        {"@type": "TVSeason", "seasonNumber": 1, "numberOfEpisodes": 10},
        {"@type": "TVSeason", "seasonNumber": 2, "numberOfEpisodes": 3},
    ]


def test_work_without_seasons_argument_has_no_season_fields():
    show = factories.work()
    factories.season(show, number=1, episodes=2)

    assert "numberOfSeasons" not in work_data(show)


def test_work_json_ld_runs_no_queries_when_prefetched(django_assert_num_queries):
    novel = factories.work(kind=Work.Kind.NOVEL)
    show = factories.work(based_on=novel, poster=factories.image(), network="Netflix")
    for n in range(3):
        factories.credit(on=show, billing=n, character=factories.character(show))
    factories.credit(on=show, role=Credit.Role.CREATOR)
    factories.season(show, number=1, episodes=4)
    factories.season(show, number=2, episodes=2)
    fetched, credits, seasons = fetch_work(show)

    with django_assert_num_queries(0):
        work_json_ld(fetched, credits=credits, absolute_url=absolute_url, seasons=seasons)


# character_json_ld


def test_character_is_the_works_character_with_who_plays_them():
    show = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    june = factories.character(show, "June Park", slug="june-park", description="A dancer at the academy.")
    factories.credit(factories.person("Daniela Norman", slug="daniela-norman"), show, character=june, billing=1)
    factories.credit(factories.person("Stand In", slug="stand-in"), show, role=Credit.Role.STUNT_DOUBLE, character=june)
    fetched, credits = fetch_character(june)

    data = character_json_ld(fetched, credits=credits, absolute_url=absolute_url)

    assert data["@context"] == "https://schema.org"
    assert (data["@type"], data["name"], data["url"]) == (
        "TVSeries",
        "Tiny Pretty Things",
        f"{SITE}/works/tiny-pretty-things/",
    )
    assert data["character"] == {
        "@type": "Person",
        "name": "June Park",
        "url": f"{SITE}/works/tiny-pretty-things/characters/june-park/",
        "description": "A dancer at the academy.",
    }
    assert data["actor"] == [
        {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Daniela Norman", "url": f"{SITE}/people/daniela-norman/"},
            "characterName": "June Park",
        },
        {
            "@type": "PerformanceRole",
            "actor": {"@type": "Person", "name": "Stand In", "url": f"{SITE}/people/stand-in/"},
            "characterName": "June Park",
            "roleName": "Stunt double",
        },
    ]


def test_character_nobody_plays_yet_has_no_actor():
    fetched, credits = fetch_character(factories.character(factories.work(kind=Work.Kind.NOVEL)))

    data = character_json_ld(fetched, credits=credits, absolute_url=absolute_url)

    assert data["@type"] == "Book"
    assert "actor" not in data and "description" not in data["character"]


def test_character_json_ld_runs_no_queries_when_prefetched(django_assert_num_queries):
    show = factories.work()
    lead = factories.character(show)
    for n in range(3):
        factories.credit(on=show, billing=n, character=lead, role=Credit.Role.CAST if n == 0 else Credit.Role.GUEST)
    fetched, credits = fetch_character(lead)

    with django_assert_num_queries(0):
        character_json_ld(fetched, credits=credits, absolute_url=absolute_url)
