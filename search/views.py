from functools import cached_property

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from articles.views import PAGE_SIZE
from search.backends import (
    MAX_RESULTS,
    ResultCount,
    article_highlights,
    count_results,
    search_articles,
    search_people,
    search_works,
)
from search.query import MAX_QUERY_LENGTH, parse_query

FINDERS = {"articles": search_articles, "people": search_people, "works": search_works}
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
            for name in ("people", "works"):
                found = FINDERS[name](query.terms)
                context[name], context[f"{name}_count"] = list(found[:PREVIEW_SIZE]), count_results(found)
    return render(request, "search/results.html", context)
