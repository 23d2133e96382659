from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from articles.models import Article, Quote, published_q
from articles.progress import pickers, read_progress, visible_quotes
from articles.views import listing_page
from people.models import Character, Credit, Person, Work
from people.structured_data import person_json_ld, work_json_ld

QUOTES_ON_PERSON_PAGE = 12


class PersonDetailView(DetailView):
    template_name = "people/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.public(published_q).select_related("headshot").prefetch_related("aliases", "links")

    def get_context_data(self, **kwargs):
        person = self.object
        credits = list(
            Credit.objects.filter(person=person).select_related("work", "character").order_by("work__title", "billing")
        )
        filmography = [(work, list(rows)) for work, rows in groupby(credits, key=lambda credit: credit.work)]
        progress = read_progress(self.request)
        quotes = (
            (Quote.objects.confirmed_live() if progress else Quote.objects.public())
            .filter(speaker=person)
            .select_related("article", "character")
            .order_by("-article__publish_at", "position")
        )
        if progress:
            quotes = visible_quotes(quotes[: QUOTES_ON_PERSON_PAGE * 10], progress)
        quotes = quotes[:QUOTES_ON_PERSON_PAGE]
        articles = Article.objects.published().by_about_or_quoting(person)
        return super().get_context_data(
            filmography=filmography,
            structured_data=person_json_ld(person, credits=credits, absolute_url=self.request.build_absolute_uri),
            quotes=quotes,
            page_obj=listing_page(self.request, articles),
            **kwargs,
        )


class WorkDetailView(DetailView):
    template_name = "people/work_detail.html"
    context_object_name = "work"

    def get_queryset(self):
        return (
            Work.objects.public(published_q)
            .select_related("based_on", "poster")
            .prefetch_related("seasons__episodes", "adaptations", "characters")
        )

    def get_context_data(self, **kwargs):
        work = self.object
        credits = list(Credit.objects.filter(work=work).select_related("person", "character").order_by("billing", "pk"))
        cast = [credit for credit in credits if credit.role in Credit.ACTING_ROLES or credit.role == Credit.Role.SELF]
        crew = [credit for credit in credits if credit not in cast]
        articles = Article.objects.published().filter(works=work)
        structured_data = work_json_ld(
            work, credits=credits, absolute_url=self.request.build_absolute_uri, seasons=work.seasons.all()
        )
        picker = pickers([work], read_progress(self.request))[0]
        return super().get_context_data(
            cast=cast,
            crew=crew,
            structured_data=structured_data,
            picker=picker,
            page_obj=listing_page(self.request, articles),
            **kwargs,
        )


class CharacterDetailView(DetailView):
    template_name = "people/character_detail.html"
    context_object_name = "character"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Character.objects.filter(work__in=Work.objects.public(published_q))
            .select_related("work")
            .prefetch_related(
                Prefetch("credits", queryset=Credit.objects.select_related("person").order_by("billing"))
            ),
            work__slug=self.kwargs["work_slug"],
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        quotes = Quote.objects.public().filter(character=self.object).select_related("article", "speaker")[:12]
        return super().get_context_data(quotes=quotes, **kwargs)
