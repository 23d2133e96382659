"""The admin's change forms run the same queries for one inline row as for many.

Each form is opened with one row in every inline and again with eight, and the counts must be
equal; the count itself is pinned, so a new query on a form is a decision, not an accident. The
rows read their choices together (`cms.admin_mixins.RowsReadTogether`); the forms they draw must
be the very forms Django draws without it.
"""

import collections
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import connection
from django.forms.models import inlineformset_factory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, AuditEntry, Byline, Correction, Quote, ShareLink
from cms import admin_mixins
from people.models import Person, PersonLink
from tests import factories

pytestmark = pytest.mark.django_db

MANY = 8


# --- Rows: each builder makes ``rows`` of every inline the form has --------------------------------


def article_with(rows: int) -> str:
    """A review with ``rows`` bylines, spoiler tags, quotes and corrections, and as many people,
    topic tags, log entries and preview links."""
    series = factories.work()
    first = factories.season(series, number=1, episodes=2)
    article = factories.article(
        kind="review", body="A body.", hero_image=factories.image(), reviewed_work=series, reviewed_season=first
    )
    article.works.add(series)
    for number in range(1, rows + 1):
        if number > 1:
            factories.season(series, number=number, episodes=2)
        speaker = factories.person()
        factories.alias(speaker, f"Speaker Alias {speaker.pk}")
        article.people.add(factories.person())
        article.tags.add(f"topic {number}")
        factories.byline(article, label="Critic", position=number)
        factories.spoiler(article, series, number, 1 if number % 2 else None)
        factories.quote(
            article,
            speaker,
            words=f"Quoted words number {number}.",
            character=factories.character(series),
            status=Quote.Status.CONFIRMED if number % 2 else Quote.Status.SUGGESTED,
        )
        Correction.objects.create(article=article, note=f"Correction {number}.")
        AuditEntry.objects.create(article=article, action=AuditEntry.Action.PUBLISH, detail=f"Entry {number}")
        ShareLink.objects.create(article=article, expires_at=timezone.now() + timedelta(days=number))
    return reverse("admin:articles_article_change", args=[article.pk])


def person_with(rows: int) -> str:
    person = factories.person()
    for number in range(rows):
        factories.alias(person, f"Other Spelling {person.pk} {number}")
        PersonLink.objects.create(person=person, value=f"@handle{number}")
        work = factories.work()
        factories.credit(person, work, character=factories.character(work))
    return reverse("admin:people_person_change", args=[person.pk])


def work_with(rows: int) -> str:
    work = factories.work()
    for number in range(1, rows + 1):
        factories.season(work, number=number, episodes=3)
        factories.credit(factories.person(), work, character=factories.character(work))
    return reverse("admin:people_work_change", args=[work.pk])


def season_with(rows: int) -> str:
    return reverse("admin:people_season_change", args=[factories.season(episodes=rows).pk])


def image_with(uses: int) -> str:
    """The image form has no inlines; its "where used" list is its one list that grows."""
    image = factories.image()
    for _ in range(uses):
        factories.person(headshot=image)
        factories.article(hero_image=image)
    return reverse("admin:images_image_change", args=[image.pk])


# form, rows of every inline, queries on the form (after a first request fills per-process caches)
CHANGE_FORMS = [
    ("article", article_with, 28),
    ("person", person_with, 9),
    ("work", work_with, 9),
    ("season", season_with, 5),
    ("image", image_with, 9),
]


def choices_in_database(size: int) -> None:
    """What the add forms offer: works with characters and seasons, and people."""
    for _ in range(size):
        work = factories.work()
        factories.season(work, episodes=2)
        factories.character(work)
        factories.person()


# An add form has no stored rows; its inlines draw their empty rows and the "add another" row.
ADD_FORMS = [
    ("articles", "article", 3),
    ("people", "person", 2),
    ("people", "work", 2),
    ("people", "season", 2),
]


def captured(client, url: str, data: dict | None = None) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in context.captured_queries]


def warm(client, url: str) -> None:
    """The first admin request of a process reads content types and the like, once."""
    assert client.get(url).status_code == 200


def repeated(queries: list[str]) -> str:
    """The queries that ran more than once, with numbers masked, for a readable failure."""
    shapes = collections.Counter(re.sub(r"\b\d+\b", "N", sql) for sql in queries)
    return "\n".join(f"{times}x {sql[:300]}" for sql, times in shapes.items() if times > 1)


@pytest.mark.parametrize("name, build, expected", CHANGE_FORMS, ids=[form[0] for form in CHANGE_FORMS])
def test_a_change_form_runs_the_same_queries_for_one_inline_row_as_for_many(staff_client, name, build, expected):
    one_url, many_url = build(1), build(MANY)
    warm(staff_client, one_url)

    one = captured(staff_client, one_url)
    many = captured(staff_client, many_url)

    assert len(many) == len(one), f"{name}: {len(one)} queries with 1 row, {len(many)} with {MANY}\n{repeated(many)}"
    assert len(one) == expected


@pytest.mark.parametrize("app_label, model_name, expected", ADD_FORMS, ids=[form[1] for form in ADD_FORMS])
def test_an_add_form_runs_the_same_queries_however_many_choices_it_offers(
    staff_client, app_label, model_name, expected
):
    url = reverse(f"admin:{app_label}_{model_name}_add")
    choices_in_database(1)
    warm(staff_client, url)
    few = captured(staff_client, url)
    choices_in_database(MANY)

    many = captured(staff_client, url)

    assert len(many) == len(few) == expected, repeated(many)


def test_every_rows_chosen_people_are_read_in_one_query_per_inline(staff_client):
    url = article_with(MANY)
    warm(staff_client, url)

    reads = person_reads(captured(staff_client, url))

    article = Article.objects.get()
    authors = {byline.person_id for byline in article.bylines.all()}
    speakers = {quote.speaker_id for quote in article.quotes.all()}
    covered = {person.pk for person in article.people.all()}
    assert len(authors) == len(speakers) == len(covered) == MANY
    # The people the article covers (its own form's field), then the two inlines: one read each.
    assert sorted(reads, key=min) == sorted([covered, authors, speakers], key=min)


# --- The same forms as Django draws them ------------------------------------------------------------


class _FormReader(HTMLParser):
    """The fields a browser would send from the page's change form (not the empty "add another" row)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[list[str]] = []
        self.inside = False
        self.select: str | None = None
        self.textarea = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith("_form"):
            self.inside = True
        name = attrs.get("name") or ""
        if not self.inside or (tag != "option" and (not name or "__prefix__" in name)):
            return
        kind = attrs.get("type", "text")
        if tag == "input" and kind not in ("submit", "button", "file", "reset"):
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append([name, attrs.get("value") or ("on" if kind == "checkbox" else "")])
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append([self.select, attrs.get("value") or ""])
        elif tag == "textarea":
            self.textarea = True
            self.fields.append([name, ""])

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = False

    def handle_data(self, data):
        if self.textarea:
            # A browser drops the newline that opens a textarea's text.
            self.fields[-1][1] += data if self.fields[-1][1] else data.removeprefix("\n")


def form_data(page: str) -> dict[str, list[str]]:
    reader = _FormReader()
    reader.feed(page)
    data: dict[str, list[str]] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    return data


def without_tokens(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


@pytest.fixture
def rows_read_alone(monkeypatch):
    """The admin as Django builds it: each row reads its own choices."""

    def switch_off():
        monkeypatch.setattr(admin_mixins, "rows_read_together", lambda formset: formset)

    return switch_off


WITH_INLINES = {name: build for name, build, _ in CHANGE_FORMS if name != "image"}


@time_machine.travel("2026-03-02 10:00", tick=False)  # a new correction's row shows the time it is drawn
@pytest.mark.parametrize("name", WITH_INLINES)
def test_a_change_form_shows_every_row_as_django_would(staff_client, rows_read_alone, name):
    url = WITH_INLINES[name](MANY)
    together = staff_client.get(url).content.decode()
    rows_read_alone()

    alone = staff_client.get(url).content.decode()

    assert without_tokens(together) == without_tokens(alone)


REFUSED = {"article": ("headline", ""), "person": ("name", ""), "work": ("title", ""), "season": ("number", "x")}


@time_machine.travel("2026-03-02 10:00", tick=False)
@pytest.mark.parametrize("name", WITH_INLINES)
def test_a_refused_save_shows_every_row_as_posted_as_django_would(staff_client, rows_read_alone, name):
    url = WITH_INLINES[name](MANY)
    data = form_data(staff_client.get(url).content.decode())
    field, bad = REFUSED[name]
    data[field] = [bad]
    together = staff_client.post(url, data)
    assert together.status_code == 200 and "errornote" in together.content.decode()
    rows_read_alone()

    alone = staff_client.post(url, data).content.decode()

    assert without_tokens(together.content.decode()) == without_tokens(alone)


def person_reads(queries: list[str]) -> list[set[int]]:
    """The keys of each read of people by key list, as an autocomplete's chosen objects are read."""
    return [
        {int(key) for key in re.search(r"IN \(([^)]*)\)", sql).group(1).split(",")}
        for sql in queries
        if 'FROM "people_person" WHERE "people_person"."id" IN' in sql
    ]


def test_a_refused_save_reads_every_rows_chosen_people_in_one_query_per_inline(staff_client):
    url = article_with(MANY)
    data = form_data(staff_client.get(url).content.decode())
    data["headline"] = [""]

    reads = person_reads(captured(staff_client, url, data))

    article = Article.objects.get()
    authors = {byline.person_id for byline in article.bylines.all()}
    speakers = {quote.speaker_id for quote in article.quotes.all()}
    covered = {person.pk for person in article.people.all()}
    # The covered people are read to check the posted list, then to draw it; each inline once.
    assert sorted(reads, key=min) == sorted([covered, covered, authors, speakers], key=min)


def test_a_refused_save_shows_the_person_the_editor_chose_in_a_row_not_the_stored_one(staff_client):
    url = article_with(MANY)
    chosen = factories.person("Wren Okafor")
    data = form_data(staff_client.get(url).content.decode())
    data["bylines-2-person"] = [str(chosen.pk)]
    data["headline"] = [""]

    page = staff_client.post(url, data).content.decode()

    row = re.search(r'<select name="bylines-2-person".*?</select>', page, re.S).group(0)
    assert f'<option value="{chosen.pk}" selected>Wren Okafor</option>' in row
    stored = Article.objects.get().bylines.all()[2].person
    assert stored.name not in row


def test_every_spoiler_row_offers_every_work_with_its_own_selected(staff_client):
    url = article_with(3)
    extra = factories.work("Harbour Lights")
    article = Article.objects.get()

    page = staff_client.get(url).content.decode()

    for index, item in enumerate(article.spoiler_items.select_related("tag__work")):
        row = re.search(rf'<select name="spoiler_items-{index}-work".*?</select>', page, re.S).group(0)
        assert f'<option value="{item.tag.work_id}" selected>' in row
        assert f'<option value="{extra.pk}">Harbour Lights</option>' in row


def test_an_episode_row_names_its_season_without_a_query_of_its_own(staff_client):
    season = factories.season(factories.work("Harbour Lights"), number=2, episodes=MANY)
    url = reverse("admin:people_season_change", args=[season.pk])
    warm(staff_client, url)

    queries = captured(staff_client, url)
    page = staff_client.get(url).content.decode()

    assert f"Harbour Lights S2E{MANY}" in page
    assert not [sql for sql in queries if re.search(r'FROM "people_(season|work)" WHERE "people_\w+"."id" =', sql)]


# --- Rows that would read different things keep their own reads ---------------------------------------


class PlainBylineForm(forms.ModelForm):
    class Meta:
        model = Byline
        fields = ["person"]


class AutocompleteBylineForm(PlainBylineForm):
    class Meta(PlainBylineForm.Meta):
        widgets = {"person": AutocompleteSelect(Byline._meta.get_field("person"), admin.site)}


def narrowed(form_class):
    """The form, offering each row only the people whose names start like its own author's."""

    def __init__(self, *args, **kwargs):
        form_class.__init__(self, *args, **kwargs)
        if self.instance.pk:
            initial = self.instance.person.name[0]
            self.fields["person"].queryset = Person.objects.filter(name__startswith=initial)

    return type(f"Narrowed{form_class.__name__}", (form_class,), {"__init__": __init__})


def byline_rows(form_class) -> forms.BaseFormSet:
    article = factories.article()
    for name in ("Ada One", "Ben Two", "Ava Three"):
        factories.byline(article, factories.person(name))
    factory = inlineformset_factory(Article, Byline, form=form_class, extra=0)
    return admin_mixins.rows_read_together(factory)(instance=article)


def test_rows_whose_forms_narrow_a_select_differently_each_offer_their_own():
    formset = byline_rows(narrowed(PlainBylineForm))

    drawn = [str(form["person"]) for form in formset.forms]

    assert "Ada One" in drawn[0] and "Ava Three" in drawn[0] and "Ben Two" not in drawn[0]
    assert "Ben Two" in drawn[1] and "Ada One" not in drawn[1]
    assert "Ada One" in drawn[2] and "Ben Two" not in drawn[2] and " selected>Ava Three<" in drawn[2]


def test_rows_whose_forms_narrow_an_autocomplete_differently_each_show_their_own_choice():
    formset = byline_rows(narrowed(AutocompleteBylineForm))

    drawn = [str(form["person"]) for form in formset.forms]

    assert [name for name in ("Ada One", "Ben Two", "Ava Three") if name in drawn[1]] == ["Ben Two"]
    assert "Ada One" in drawn[0] and "Ava Three" in drawn[2]


def test_rows_with_the_same_choices_share_one_read_and_mark_their_own_selected():
    formset = byline_rows(PlainBylineForm)

    with CaptureQueriesContext(connection) as context:
        drawn = [str(form["person"]) for form in [*formset.forms, formset.empty_form]]

    assert len([sql for sql in context.captured_queries if "people_person" in sql["sql"]]) == 1
    for form, html in zip(formset.forms, drawn, strict=False):
        person = form.instance.person
        assert f'<option value="{person.pk}" selected>{person.name}</option>' in html
        assert html.count("<option") == 4  # the empty choice and the three people
    assert " selected>" not in drawn[-1].replace('value="" selected>', "")


def test_a_posted_person_outside_the_choices_is_still_refused():
    formset = byline_rows(PlainBylineForm)
    data = {"bylines-TOTAL_FORMS": "1", "bylines-INITIAL_FORMS": "0", "bylines-0-person": "999999"}
    bound = type(formset)(data, instance=formset.instance)

    assert not bound.is_valid()
    assert "Select a valid choice" in str(bound.errors)
