from datetime import date

import pytest
from django.db.models import Prefetch

from people.models import Credit, Episode, Person, PersonLink, Season, Work
from people.structured_data import person_json_ld, work_json_ld
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
    fetched, credits = fetch_person(person)
    return person_json_ld(fetched, credits=credits, absolute_url=absolute_url)


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


def test_person_acting_credits_become_performance_roles():
    show = factories.work("Tiny Pretty Things", slug="tiny-pretty-things")
    film = factories.work("Night Rehearsal", slug="night-rehearsal", kind=Work.Kind.FILM)
    person = factories.person()
    factories.credit(person, show, role=Credit.Role.CAST, character=factories.character(show, "Neveah Stroyer"))
    factories.credit(person, film, role=Credit.Role.GUEST, character=factories.character(film, "Mara"))
    factories.credit(person, show, role=Credit.Role.CHOREOGRAPHER)

    data = person_data(person)

    assert data["performerIn"] == [
        {
            "@type": "PerformanceRole",
            "roleName": "Mara",
            "performerIn": {"@type": "Movie", "name": "Night Rehearsal", "url": f"{SITE}/works/night-rehearsal/"},
            "description": "Guest star",
        },
        {
            "@type": "PerformanceRole",
            "roleName": "Neveah Stroyer",
            "performerIn": {
                "@type": "TVSeries",
                "name": "Tiny Pretty Things",
                "url": f"{SITE}/works/tiny-pretty-things/",
            },
        },
    ]


def test_person_json_ld_runs_no_queries_when_prefetched(django_assert_num_queries):
    person = factories.person(headshot=factories.image(), bio="A dancer.")
    factories.alias(person, "Another Spelling")
    PersonLink.objects.create(person=person, value="https://example.org/")
    show = factories.work()
    factories.credit(person, show, character=factories.character(show))
    factories.credit(person, factories.work(), role=Credit.Role.GUEST, character=None)
    fetched, credits = fetch_person(person)

    with django_assert_num_queries(0):
        person_json_ld(fetched, credits=credits, absolute_url=absolute_url)


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
