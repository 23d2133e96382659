"""The article's quotes reviewed as one compact table.

The change form shows each quote as a tall stacked inline, without the sentence it sits in, and
confirming one means changing a dropdown. This page (``/admin/articles/article/<id>/quotes/``)
lists them one row each, in body order: the sentence around the words, the name as printed beside
the speaker chosen, and buttons that decide one quote, or every suggestion the analyser was sure
enough of, in one request. Every decision goes through the editorial core
(``services.quotes_decide``), which checks the editor's role and derives the article once.
"""

import re
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.forms.utils import flatatt
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from articles import services
from articles.models import Article, Quote
from cms.fields import KeyChoiceField, is_valid_key
from people.models import Person
from people.names import normalize_name

# The value of the "Confirm all" button; the row buttons post one of services.QuoteAction.
CONFIRM_ALL = "confirm-all"

# How much of the sentence around a quote the table shows on each side of it, at most.
CONTEXT_CHARS = 160

# Where a sentence or block of the Markdown body ends: a stop followed by space (not the stop of
# a title such as "Dr."), a blank line, or a spoiler marker line.
SENTENCE_END_RE = re.compile(
    r"(?P<stop>(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?…][\"”’)\]*_]*)(?=\s|$)|\n[ \t]*\n|^:::.*$",
    re.MULTILINE,
)
# Markup a reader never sees: bold, inline spoiler bars, and a link's address.
MARKUP_RE = re.compile(r"\*\*|__|\|\|")
LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")


def printed_name_fits(printed: str, person) -> bool:
    """Whether the name the article prints can be ``person``: their name or an alias, whole, or one
    word of it ("Kimura" for Aiko Kimura). Nothing printed, or no speaker found, fits anyone."""
    folded = normalize_name(printed or "")
    if not folded or printed == Quote.UNATTRIBUTED:
        return True
    for spelling in (person.name, *(alias.name for alias in person.aliases.all())):
        name = normalize_name(spelling)
        if folded == name or (" " not in folded and folded in name.split()):
            return True
    return False


@dataclass(frozen=True)
class QuoteContext:
    """A quote as the body prints it, with the rest of its sentence on either side."""

    before: str
    quoted: str
    after: str


def quote_in_context(body: str, words: str) -> QuoteContext | None:
    """Find ``words`` in the Markdown ``body`` as a reader reads them (case, punctuation and markup
    aside) and return them with the sentence around them; None when the body does not have them."""
    tokens = re.findall(r"\w+", words)
    if not tokens:
        return None
    pattern = r"(?<!\w)" + r"[\W_]+".join(re.escape(token) for token in tokens) + r"(?!\w)"
    found = re.search(pattern, body, re.IGNORECASE)
    if found is None:
        return None
    start, end = found.span()
    lead = body[max(0, start - CONTEXT_CHARS * 2) : start]
    stops = list(SENTENCE_END_RE.finditer(lead))
    before = lead[stops[-1].end() :] if stops else lead
    tail = body[end : end + CONTEXT_CHARS * 2]
    stop = SENTENCE_END_RE.search(tail)
    after = tail if stop is None else tail[: stop.end() if stop.group("stop") else stop.start()]
    return QuoteContext(
        before=_shorten(_plain(before).lstrip(), keep="end"),
        quoted=_plain(body[start:end]),
        after=_shorten(_plain(after).rstrip(), keep="start"),
    )


def _plain(text: str) -> str:
    text = LINK_RE.sub(r"\1", text)
    text = MARKUP_RE.sub("", text)
    return re.sub(r"\s+", " ", text)


def _shorten(text: str, *, keep: str) -> str:
    """At most CONTEXT_CHARS of ``text``, cut at a space, keeping its "start" or its "end"."""
    if len(text) <= CONTEXT_CHARS:
        return text
    if keep == "start":
        return text[:CONTEXT_CHARS].rsplit(" ", 1)[0] + " …"
    return "… " + text[-CONTEXT_CHARS:].split(" ", 1)[-1]


@dataclass(frozen=True)
class QuoteRow:
    """One quote as the review table shows it."""

    quote: Quote
    context: QuoteContext | None
    printed_differs: bool  # the chosen speaker is not the name the article prints

    @property
    def printed_name(self) -> str:
        name = self.quote.speaker_name
        return "" if name == Quote.UNATTRIBUTED else name


def review_rows(article: Article, quotes: list[Quote]) -> list[QuoteRow]:
    """The table's rows, from quotes read with their speakers' aliases."""
    return [
        QuoteRow(
            quote=quote,
            context=quote_in_context(article.body, quote.words),
            printed_differs=quote.speaker is not None and not printed_name_fits(quote.speaker_name, quote.speaker),
        )
        for quote in quotes
    ]


def people_to_offer(article: Article, quotes: list[Quote]) -> list[Person]:
    """Who each row's speaker list offers without typing, read once for the page: the people the
    article covers, its speakers and the candidates the analyser named. The list is repeated in
    every row, so it stays that short; the autocomplete finds anyone else."""
    speakers = {quote.speaker_id for quote in quotes if quote.speaker_id}
    candidates = {name for quote in quotes for name in quote.candidates}
    covered = article.people.values("pk")
    return list(Person.objects.filter(Q(pk__in=covered) | Q(pk__in=speakers) | Q(name__in=candidates)))


def speaker_picker(admin_site) -> AutocompleteSelect:
    """The admin's person autocomplete, as the quote inline has it. Without JavaScript the rows'
    selects still work as plain selects of ``people_to_offer``."""
    picker = AutocompleteSelect(
        Quote._meta.get_field("speaker"), admin_site, attrs={"data-placeholder": "Choose the speaker"}
    )
    picker.is_required = True  # a confirmed quote needs a speaker, so there is no "clear" cross
    return picker


def quote_review_url(article: Article) -> str:
    return reverse("admin:articles_article_quotes", args=[article.pk])


class QuoteDecisionForm(forms.Form):
    """One row's buttons: confirm the quote with the speaker chosen in its row, reject it, or only
    give it that speaker. The quote must be one of the article's own."""

    quote = KeyChoiceField(
        Quote.objects.none(),
        error_messages={
            "required": "Say which quote to decide.",
            "invalid_choice": "That quote is not one of this article's (it may have been removed since the "
            "page was opened); reload the page.",
        },
    )
    action = forms.ChoiceField(
        choices=services.QuoteAction.choices,
        error_messages={"invalid_choice": "Choose Confirm, Reject or Save speaker.", "required": "Choose a decision."},
    )
    speaker = KeyChoiceField(
        Person.objects.all(),
        required=False,
        error_messages={"invalid_choice": "There is no such person; choose the speaker again."},
    )

    def __init__(self, *args, article: Article, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quote"].queryset = article.quotes.select_related("speaker")

    def clean(self):
        cleaned = super().clean()
        quote, action = cleaned.get("quote"), cleaned.get("action")
        speaker_missing = cleaned.get("speaker") is None and "speaker" not in self.errors
        needs_speaker = action in (services.QuoteAction.CONFIRM, services.QuoteAction.REASSIGN)
        if quote is not None and needs_speaker and speaker_missing:
            self.add_error("speaker", f"Choose who said {quote} first.")
        return cleaned

    def decision(self) -> services.QuoteDecision:
        data = self.cleaned_data
        return services.QuoteDecision(quote=data["quote"], action=data["action"], speaker=data["speaker"])


class ConfirmConfidentForm(forms.Form):
    """The "Confirm all" box: every suggestion at or above the confidence the editor gives."""

    at_least = forms.FloatField(
        label="Confirm every suggestion with a confidence of at least",
        min_value=0,
        max_value=1,
        initial=0.9,
        error_messages={
            "required": "Give a confidence from 0 to 1, such as 0.9.",
            "invalid": "Give a confidence from 0 to 1, such as 0.9.",
            "min_value": "Give a confidence from 0 to 1, such as 0.9.",
            "max_value": "Give a confidence from 0 to 1, such as 0.9.",
        },
    )


def form_errors(form: forms.Form) -> list[str]:
    return list(dict.fromkeys(error for errors in form.errors.values() for error in errors))


class QuoteReviewMixin:
    """Adds ``<id>/quotes/`` to the article admin: every quote of one article in a table."""

    quote_review_template = "admin/articles/article/quote_review.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        extra = [path("<path:object_id>/quotes/", view(self.quote_review_view), name="articles_article_quotes")]
        return [*extra, *super().get_urls()]

    def quote_review_view(self, request, object_id):
        """Anyone who may see the article sees the table; only those who may edit it decide."""
        article = self._reviewed_article(request, object_id)
        if request.method != "POST":
            return self._quote_review_page(request, article)
        if not services.can_edit(request.user, article):
            raise PermissionDenied
        if request.POST.get("action") == CONFIRM_ALL:
            return self._confirm_confident(request, article)
        return self._decide_one(request, article)

    def _reviewed_article(self, request, object_id: str) -> Article:
        key = unquote(object_id)
        article = Article.objects.filter(pk=key).first() if is_valid_key(Article.objects.all(), None, key) else None
        if article is None:
            raise Http404("No such article.")
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return article

    def _confirm_confident(self, request, article: Article):
        form = ConfirmConfidentForm(request.POST)
        if not form.is_valid():
            return self._quote_review_page(request, article, confident=form, errors=form_errors(form))
        at_least = form.cleaned_data["at_least"]
        decided = services.quotes_confirm_confident(article=article, at_least=at_least, user=request.user)
        if decided.confirmed or decided.skipped:
            level = messages.SUCCESS if decided.confirmed else messages.WARNING
            self.message_user(request, f"{decided.summary()}.", level)
        else:
            self.message_user(request, f"No suggestion has a confidence of {at_least:g} or more.", messages.INFO)
        return redirect(quote_review_url(article))  # back at the top, where the message says what happened

    def _decide_one(self, request, article: Article):
        form = QuoteDecisionForm(request.POST, article=article)
        if form.is_valid():
            try:
                decided = services.quotes_decide(article=article, decisions=[form.decision()], user=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self._report_one(request, decided)
                return redirect(f"{quote_review_url(article)}#quote-{form.cleaned_data['quote'].pk}")
        focus = form.cleaned_data.get("quote")
        return self._quote_review_page(request, article, errors=form_errors(form), focus=focus)

    def _report_one(self, request, decided: services.QuotesDecided) -> None:
        for quote in decided.confirmed:
            self.message_user(request, f"Confirmed {quote}, said by {quote.speaker.name}.", messages.SUCCESS)
        for quote in decided.rejected:
            self.message_user(request, f"Rejected {quote}.", messages.SUCCESS)
        for quote in decided.reassigned:
            self.message_user(request, f"{quote} is now given to {quote.speaker.name}.", messages.SUCCESS)
        for quote in decided.unchanged:
            said = f", said by {quote.speaker.name}" if quote.speaker else ""
            self.message_user(
                request,
                f"{quote} is already {quote.get_status_display().lower()}{said}; nothing changed.",
                messages.INFO,
            )
        for quote in [*decided.confirmed, *decided.reassigned]:
            if not printed_name_fits(quote.speaker_name, quote.speaker):
                self.message_user(
                    request,
                    f"The article prints “{quote.speaker_name}”; the speaker chosen is {quote.speaker.name}. "
                    "Check the choice, or give them that name as an alias.",
                    messages.WARNING,
                )

    def _quote_review_page(self, request, article: Article, *, confident=None, errors=(), focus=None):
        quotes = list(article.quotes.select_related("speaker", "character").prefetch_related("speaker__aliases"))
        picker = speaker_picker(self.admin_site)
        context = {
            **self.admin_site.each_context(request),
            "title": "Review quotes",
            "subtitle": str(article),
            "opts": self.opts,
            "article": article,
            "original": article,
            "rows": review_rows(article, quotes),
            "people": people_to_offer(article, quotes),
            "picker_attrs": flatatt(picker.build_attrs(picker.attrs)),
            "media": picker.media,
            "confident": confident or ConfirmConfidentForm(),
            "confirm_all": CONFIRM_ALL,
            "can_edit": services.can_edit(request.user, article),
            "errors": errors,
            "focus": focus.pk if focus is not None else "",
        }
        return TemplateResponse(request, self.quote_review_template, context, status=400 if errors else 200)
