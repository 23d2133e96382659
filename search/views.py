from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from articles.views import paginate
from search.backends import article_highlights, search_articles, search_people, search_works
from search.query import MAX_QUERY_LENGTH, parse_query

FINDERS = {"articles": search_articles, "people": search_people, "works": search_works}
SECTIONS = [("articles", "Articles"), ("people", "People"), ("works", "Works")]
# How many people and works the mixed results page shows before linking to their own pages.
PREVIEW_SIZE = 5


def search(request: HttpRequest) -> HttpResponse:
    """``/search/?q=…&type=articles|people|works&page=N``: spoiler-free results, 12 a page.

    Without ``type``, articles are paginated and the first people and works shown beside them.
    """
    query = parse_query(request.GET.get("q", ""))
    section = request.GET.get("type") if request.GET.get("type") in FINDERS else None
    context = {"query": query, "section": section, "sections": SECTIONS, "max_length": MAX_QUERY_LENGTH}
    if query.terms:
        page = paginate(request, FINDERS[section or "articles"](query.terms))
        context.update(page_obj=page, **{f"{section or 'articles'}_count": page.paginator.count})
        if section in (None, "articles"):
            context["results"] = article_highlights(query.terms, page.object_list)
        else:
            context[section] = list(page.object_list)
        if section is None:
            for name in ("people", "works"):
                found = FINDERS[name](query.terms)
                context[name], context[f"{name}_count"] = list(found[:PREVIEW_SIZE]), found.count()
    return render(request, "search/results.html", context)
