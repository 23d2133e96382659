"""The readers' pages: the home page and listings, articles, quotes, people, works and
characters, reader progress, share-link previews and search. All read-only (reader progress is
a cookie) and all through the published querysets."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import groupby
from urllib.parse import urlsplit

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Max, Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.http import http_date, url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from articles.models import BODY_FIELDS, Article, ArticleQuerySet, Quote, SlugRedirect, person_links, published_q
from articles.services import share_link_resolve
from articles.text.reveal import open_covered
from cms.links import link
from people.models import Character, Credit, Person, Work
from people.structured_data import (
    acting_roles_json_ld,
    character_json_ld,
    person_json_ld,
    work_json_ld,
    work_open_graph_type,
)
from reader.detail import article_for_page, cards, related_articles
from reader.forms import ReaderProgressForm
from reader.progress import covered_by, pickers, read_progress, visible_quotes, write_progress
from reader.structured_data import (
    article_json_ld,
    breadcrumb_json_ld,
    collection_page_json_ld,
    home_json_ld,
    quotation_json_ld,
)
from search.backends import (
    MAX_RESULTS,
    ResultCount,
    article_highlights,
    count_results,
    people_preview,
    search_articles,
    search_people,
    search_works,
    works_preview,
)
from search.query import MAX_QUERY_LENGTH, parse_query

PAGE_SIZE = 12
# Deeper than any archive goes, and small enough that the offset stays a plain integer.
MAX_LISTING_PAGE = 100_000


class HomeView(TemplateView):
    template_name = "articles/home.html"
    latest_size = 7
    lane_size = 4
    # Featured works are the works of the newest articles; looking further back only slows the page.
    featured_window = 200

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Article.objects.published()
        # Ids first, each list a short walk down its own index; then the cards in one fetch.
        recent_ids = published.newest_keys(self.featured_window)
        lane_ids = {kind: published.filter(kind=kind).newest_keys(self.lane_size) for kind in Article.Kind}
        wanted = {*recent_ids[: self.latest_size], *(pk for ids in lane_ids.values() for pk in ids)}
        found = {article.pk: article for article in cards(list(wanted))}

        def in_order(ids):  # skipping any article unpublished between the two reads
            return [found[pk] for pk in ids if pk in found]

        context["latest"] = in_order(recent_ids[: self.latest_size])
        context["lanes"] = [
            (kind, Article.KIND_PLURALS[kind.value], in_order(ids)) for kind, ids in lane_ids.items() if ids
        ]
        context["featured_works"] = (
            Work.objects.filter(articles__in=recent_ids)
            .annotate(latest_article=Max("articles__publish_at"))
            .select_related("poster")
            .order_by("-latest_article", "pk")[:4]
        )
        context["structured_data"] = home_json_ld(context["latest"], absolute_url=self.request.build_absolute_uri)
        return context


class ArticleListView(ListView):
    """A paginated list of published articles; subclasses narrow it."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return self.narrow(Article.objects.published())

    def narrow(self, articles):
        return articles

    def paginate_queryset(self, queryset, page_size):
        page = listing_page(self.request, queryset, page_size)
        return None, page, page.object_list, page.has_other_pages()

    def listing_json_ld(self, heading: str, articles: list[Article]) -> list[dict]:
        """The archive as a ``CollectionPage`` of the articles shown, and its breadcrumbs."""
        absolute_url, path = self.request.build_absolute_uri, self.request.path
        return [
            collection_page_json_ld(name=heading, path=path, articles=articles, absolute_url=absolute_url),
            breadcrumb_json_ld([(heading, path)], absolute_url=absolute_url),
        ]


class KindArchiveView(ArticleListView):
    def narrow(self, articles):
        try:
            self.kind = Article.Kind(self.kwargs["kind"])
        except ValueError as error:
            raise Http404("No such kind of article.") from error
        return articles.filter(kind=self.kind)

    def get_context_data(self, **kwargs):
        heading = Article.KIND_PLURALS[self.kind.value]
        context = super().get_context_data(heading=heading, feed_kind=self.kind.value, **kwargs)
        context["structured_data"] = self.listing_json_ld(heading, context["articles"])
        return context


class TagView(ArticleListView):
    def narrow(self, articles):
        self.tag = get_object_or_404(Article.objects.published().topic_tags(), slug=self.kwargs["slug"])
        return articles.filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        heading = f"Tagged “{self.tag.name}”"
        context = super().get_context_data(heading=heading, tag=self.tag, **kwargs)
        context["structured_data"] = self.listing_json_ld(heading, context["articles"])
        return context


class ArticleDetailView(DetailView):
    """A published article; staff also see drafts, scheduled and unpublished ones as a preview."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        article = article_for_page(slug=self.kwargs["slug"], readers_only=not self.request.user.is_staff)
        if article is None:
            raise Http404("No such article.")
        return article

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = SlugRedirect.objects.filter(old_slug=kwargs["slug"]).select_related("article").first()
            if moved is None or not Article.objects.published().filter(pk=moved.article_id).exists():
                raise
            return redirect(moved.article, permanent=True)

    def get_context_data(self, **kwargs):
        article = self.object
        related = related_articles(article)
        absolute_url = self.request.build_absolute_uri
        trail = [
            (Article.KIND_PLURALS[article.kind], link("articles:kind_archive", article.kind)),
            (article.headline, article.get_absolute_url()),
        ]
        structured_data = [
            article_json_ld(article, absolute_url=absolute_url, description=article.dek or article.excerpt),
            *(quotation_json_ld(quote, absolute_url=absolute_url) for quote in article.public_quotes),
            breadcrumb_json_ld(trail, absolute_url=absolute_url),
        ]
        progress = read_progress(self.request)
        spoiled_works = list({item.tag.work.pk: item.tag.work for item in article.spoiler_items.all()}.values())
        body_html = open_covered(article.body_html, covered_by(progress)) if progress else article.body_html
        return super().get_context_data(
            # Each relation as a list, read once: the template walks most of them twice.
            bylines=list(article.bylines.all()),
            tags=list(article.tags.all()),
            spoiler_items=list(article.spoiler_items.all()),
            works=list(article.works.all()),
            people=list(article.people.all()),
            corrections=list(article.corrections.all()),
            related=related,
            is_preview=not article.is_live,
            structured_data=structured_data,
            body_html=body_html,
            progress_pickers=pickers(spoiled_works, progress),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_preview"]:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        else:
            response["Last-Modified"] = http_date(self.object.updated_at.timestamp())
        return response


def same_origin(request: HttpRequest) -> bool:
    """Whether a POST comes from one of our own pages, judged by the headers browsers send.

    The progress form carries no CSRF token, so the pages it sits on stay cacheable for every
    reader; a browser always sends Origin (or at least Sec-Fetch-Site) on a form POST, and a
    forged one from another site cannot fake them.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    parts = urlsplit(origin or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False  # no header, or "null" from a sandboxed frame or a data: page
    return url_has_allowed_host_and_scheme(
        origin, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@csrf_exempt
@require_POST
def reader_progress(request: HttpRequest) -> HttpResponse:
    """Store how far the reader has watched a work, then go back where they came from."""
    if not same_origin(request):
        return render(
            request,
            "articles/progress_error.html",
            {"messages": ["This request did not come from a Callboard page, so your progress was not changed."]},
            status=403,
        )
    form = ReaderProgressForm(request.POST)
    if not form.is_valid():
        messages = [f"{error}" for errors in form.errors.values() for error in errors]
        return render(request, "articles/progress_error.html", {"messages": messages}, status=400)
    work, scope = form.cleaned_data["work"], form.cleaned_data["scope"]
    target = form.cleaned_data["next"]
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = work.get_absolute_url()
    response = redirect(target, permanent=False)
    response.status_code = 303
    progress = read_progress(request)
    if scope is None:
        progress.pop(work.slug, None)
    else:
        progress[work.slug] = scope
    write_progress(response, progress)
    return response


class SharedPreviewView(ArticleDetailView):
    """An article seen through a share link: for people without an account, never indexed or cached."""

    def get_object(self, queryset=None):
        link = share_link_resolve(self.kwargs["token"])
        if link is None:
            raise Http404("This preview link has expired or is not valid.")
        return article_for_page(pk=link.article_id, readers_only=False)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        response = self.render_to_response(self.get_context_data(object=self.object))
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "is_preview": True, "is_share": True}


class QuoteDetailView(DetailView):
    template_name = "articles/quote_detail.html"
    context_object_name = "quote"

    def get_queryset(self):
        return Quote.objects.confirmed_live().select_related("article", "speaker", "character__work")

    def get_object(self, queryset=None):
        quote = super().get_object(queryset)
        if not visible_quotes([quote], read_progress(self.request)):
            raise Http404("This quote is inside a spoiler.")
        return quote

    def get_context_data(self, **kwargs):
        quote = self.object
        if quote.spoiler_scope:
            # Shown only because this reader's progress covers it: nothing for search engines.
            return super().get_context_data(structured_data=None, is_spoiler=True, **kwargs)
        data = quotation_json_ld(quote, absolute_url=self.request.build_absolute_uri)
        return super().get_context_data(structured_data=data, is_spoiler=False, **kwargs)


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing, newest first, with links to the newer and the older page.

    It never counts the listing: counting every article of a kind, a tag or a work costs more with
    each article published, and a reader paging through an archive needs only "newer" and
    "older". The page reads one row past its end to know whether an older page exists.
    """

    object_list: list
    number: int
    has_older: bool

    def has_next(self) -> bool:
        return self.has_older

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def listing_page(
    request, articles: ArticleQuerySet, per_page: int = PAGE_SIZE, *, through: Sequence[QuerySet] = ()
) -> ListingPage:
    """The page of ``articles``, newest first, that ``?page=`` asks for, as listing cards; an
    unknown or empty page is a 404. ``through`` keeps to the articles those links point at
    (``ArticleQuerySet.newest_keys``)."""
    raw = request.GET.get("page") or "1"
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= len(str(MAX_LISTING_PAGE)) else 0
    if not 1 <= number <= MAX_LISTING_PAGE:
        raise Http404("No such page.")
    keys = articles.newest_keys(per_page + 1, offset=(number - 1) * per_page, through=through)
    if number > 1 and not keys:
        raise Http404("No such page.")
    # Still published when the cards are read, should one be unpublished between the two reads.
    return ListingPage(object_list=cards(keys[:per_page]), number=number, has_older=len(keys) > per_page)


# People, works and characters

QUOTES_ON_PERSON_PAGE = 12
QUOTES_ON_CHARACTER_PAGE = 12


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
            .defer(*(f"article__{field}" for field in BODY_FIELDS))
        )
        if progress:
            quotes = visible_quotes(quotes.newest(QUOTES_ON_PERSON_PAGE * 10), progress)[:QUOTES_ON_PERSON_PAGE]
        else:
            quotes = quotes.newest(QUOTES_ON_PERSON_PAGE)
        absolute_url = self.request.build_absolute_uri
        structured_data = [
            person_json_ld(person, absolute_url=absolute_url),
            *acting_roles_json_ld(person, credits=credits, absolute_url=absolute_url),
            breadcrumb_json_ld([(person.name, person.get_absolute_url())], absolute_url=absolute_url),
        ]
        return super().get_context_data(
            filmography=filmography,
            structured_data=structured_data,
            quotes=quotes,
            page_obj=listing_page(self.request, Article.objects.published(), through=person_links(person)),
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
        absolute_url = self.request.build_absolute_uri
        structured_data = [
            work_json_ld(work, credits=credits, absolute_url=absolute_url, seasons=work.seasons.all()),
            breadcrumb_json_ld([(work.title, work.get_absolute_url())], absolute_url=absolute_url),
        ]
        picker = pickers([work], read_progress(self.request))[0]
        return super().get_context_data(
            cast=cast,
            crew=crew,
            structured_data=structured_data,
            open_graph_type=work_open_graph_type(work),
            picker=picker,
            page_obj=listing_page(self.request, articles),
            **kwargs,
        )


def public_characters() -> QuerySet[Character]:
    """Characters with a page readers may see: those of a work whose page is public. The
    character pages and their sitemap both read them from here."""
    return Character.objects.filter(work__in=Work.objects.public(published_q))


class CharacterDetailView(DetailView):
    template_name = "people/character_detail.html"
    context_object_name = "character"

    def get_object(self, queryset=None):
        return get_object_or_404(
            public_characters()
            .select_related("work")
            .prefetch_related(
                Prefetch("credits", queryset=Credit.objects.select_related("person").order_by("billing"))
            ),
            work__slug=self.kwargs["work_slug"],
            slug=self.kwargs["slug"],
        )

    def get_context_data(self, **kwargs):
        character = self.object
        quotes = (
            Quote.objects.public()
            .filter(character=character)
            .select_related("article", "speaker")
            .defer(*(f"article__{field}" for field in BODY_FIELDS))
            .newest(QUOTES_ON_CHARACTER_PAGE)
        )
        absolute_url = self.request.build_absolute_uri
        trail = [
            (character.work.title, character.work.get_absolute_url()),
            (character.name, character.get_absolute_url()),
        ]
        structured_data = [
            character_json_ld(character, credits=character.credits.all(), absolute_url=absolute_url),
            breadcrumb_json_ld(trail, absolute_url=absolute_url),
        ]
        return super().get_context_data(quotes=quotes, structured_data=structured_data, **kwargs)


# Search

FINDERS = {"articles": partial(search_articles, read=cards), "people": search_people, "works": search_works}
SECTIONS = [("articles", "Articles"), ("people", "People"), ("works", "Works")]
# How many people and works the mixed results page shows before linking to their own pages.
PREVIEW_SIZE = 5


class ResultsPaginator(Paginator):
    """Pages through the first ``MAX_RESULTS`` results, counting no further than one past them."""

    @cached_property
    def found(self) -> ResultCount:
        return count_results(self.object_list)

    @cached_property
    def count(self) -> int:
        return self.found.number


def paginate(request: HttpRequest, results: QuerySet) -> Page:
    """A page of ``results`` from ``?page=``; a page that does not exist is a 404, never a 500."""
    try:
        return ResultsPaginator(results, PAGE_SIZE).page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page.") from error


def search(request: HttpRequest) -> HttpResponse:
    """``/search/?q=…&type=articles|people|works&page=N``: spoiler-free results, 12 a page.

    Without ``type``, articles are paginated and the first people and works shown beside them.
    """
    query = parse_query(request.GET.get("q", ""))
    section = request.GET.get("type") if request.GET.get("type") in FINDERS else None
    context = {"query": query, "section": section, "sections": SECTIONS, "max_length": MAX_QUERY_LENGTH}
    if query.terms:
        listed = section or "articles"
        page = paginate(request, FINDERS[listed](query.terms))
        context.update(page_obj=page, max_results=MAX_RESULTS, **{f"{listed}_count": page.paginator.found})
        if section in (None, "articles"):
            context["results"] = article_highlights(query.terms, page.object_list)
        else:
            context[section] = list(page.object_list)
        if section is None:
            for name, preview in (("people", people_preview), ("works", works_preview)):
                shown = preview(query.terms, PREVIEW_SIZE)
                # Fewer than a full preview is every match: no count to run.
                full = len(shown) == PREVIEW_SIZE
                counted = count_results(FINDERS[name](query.terms)) if full else ResultCount(len(shown))
                context[name], context[f"{name}_count"] = shown, counted
    return render(request, "search/results.html", context)
