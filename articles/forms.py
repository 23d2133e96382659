from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from taggit.utils import edit_string_for_tags

from articles import services
from articles.models import Article, ArticleSpoiler, Quote, SpoilerScope
from cms.fields import KeyChoiceField
from people.models import Episode, Person, Season, Work


class ArticleSpoilerForm(forms.ModelForm):
    """A spoiler tag as an editor thinks of it: a work, how far into it, and how badly."""

    work = forms.ModelChoiceField(queryset=Work.objects.all(), label="work")
    season = forms.IntegerField(label="season", required=False, min_value=1, help_text="Empty for the whole work.")
    episode = forms.IntegerField(label="episode", required=False, min_value=1, help_text="Empty for the whole season.")

    class Meta:
        model = ArticleSpoiler
        fields = ["work", "season", "episode", "severity"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.tag_id:
            scope = self.instance.tag
            self.initial.update(work=scope.work_id, season=scope.season_number, episode=scope.episode_number)

    def clean(self):
        cleaned = super().clean()
        work, season, episode = cleaned.get("work"), cleaned.get("season"), cleaned.get("episode")
        if work is None or self.has_error("season") or self.has_error("episode"):
            return cleaned
        if episode is not None and season is None:
            self.add_error("season", "Give the season the episode belongs to.")
            return cleaned
        if season is not None and not Season.objects.filter(work=work, number=season).exists():
            self.add_error("season", f"{work.title} has no season {season}.")
            return cleaned
        if (
            episode is not None
            and not Episode.objects.filter(season__work=work, season__number=season, number=episode).exists()
        ):
            self.add_error("episode", f"{work.title} season {season} has no episode {episode}.")
            return cleaned
        return cleaned

    def scope_key(self) -> tuple | None:
        if not hasattr(self, "cleaned_data") or self.cleaned_data.get("DELETE"):
            return None
        work = self.cleaned_data.get("work")
        if work is None:
            return None
        return (work.pk, self.cleaned_data.get("season"), self.cleaned_data.get("episode"))

    def save(self, commit=True):
        self.instance.tag = SpoilerScope.objects.for_numbers(
            work=self.cleaned_data["work"],
            season_number=self.cleaned_data.get("season"),
            episode_number=self.cleaned_data.get("episode"),
        )
        return super().save(commit=commit)


class ArticleSpoilerFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            key = form.scope_key() if form.is_valid() else None
            if key is None:
                continue
            if key in seen:
                raise ValidationError("The same spoiler scope is listed twice; keep one and pick its severity.")
            seen.add(key)


class SpoilerScopeActionForm(forms.Form):
    """The bulk action's choice: one scope and severity for every selected article."""

    work = forms.ModelChoiceField(queryset=Work.objects.all(), label="work")
    season = forms.IntegerField(label="season", required=False, min_value=1, help_text="Empty for the whole work.")
    episode = forms.IntegerField(label="episode", required=False, min_value=1, help_text="Empty for the whole season.")
    severity = forms.ChoiceField(choices=ArticleSpoiler.Severity.choices, initial=ArticleSpoiler.Severity.MAJOR)

    def clean(self):
        cleaned = super().clean()
        work, season, episode = cleaned.get("work"), cleaned.get("season"), cleaned.get("episode")
        if work is None or self.has_error("season") or self.has_error("episode"):
            return cleaned
        if episode is not None and season is None:
            self.add_error("season", "Give the season the episode belongs to.")
        elif season is not None and not Season.objects.filter(work=work, number=season).exists():
            self.add_error("season", f"{work.title} has no season {season}.")
        elif (
            episode is not None
            and not Episode.objects.filter(season__work=work, season__number=season, number=episode).exists()
        ):
            self.add_error("episode", f"{work.title} season {season} has no episode {episode}.")
        return cleaned

    def scope(self) -> SpoilerScope:
        return SpoilerScope.objects.for_numbers(
            work=self.cleaned_data["work"],
            season_number=self.cleaned_data.get("season"),
            episode_number=self.cleaned_data.get("episode"),
        )


class PasteArticleForm(forms.Form):
    text = forms.CharField(
        label="Article text",
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100}),
        max_length=2 * 1024 * 1024,
        help_text="Paste the whole article: headline first, then byline, photo credits and text. "
        "Callboard finds the quotes, speakers, Q&A turns and spoiler warnings for you to check.",
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        if len(text.split()) < 5:
            raise ValidationError("This is too short to be an article; paste the whole text.")
        return text


class ArticleAdminForm(forms.ModelForm):
    """The article form, aware of who is editing: it offers only the states they may choose,
    and carries the version they started from so two editors' saves cannot overwrite each other.

    The state changes through the button pressed (``action``): each one names the state it asks
    for, and the core checks the role. A form posted without one keeps the ``status`` field's
    meaning, so a script that posts the state directly still works.
    """

    SAVE, PUBLISH, SCHEDULE, UNPUBLISH, SUBMIT, RETURN, PUBLISH_CHANGES = (
        "save", "publish", "schedule", "unpublish", "submit", "return", "publish_changes",
    )  # fmt: skip
    ACTIONS = [
        (SAVE, "Save"),
        (PUBLISH, "Publish now"),
        (SCHEDULE, "Schedule"),
        (UNPUBLISH, "Unpublish"),
        (SUBMIT, "Submit for review"),
        (RETURN, "Back to draft"),
        (PUBLISH_CHANGES, "Publish changes"),
    ]

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    action = forms.ChoiceField(choices=ACTIONS, required=False, widget=forms.HiddenInput)
    editor = None  # set per request by ArticleAdmin.get_form

    class Meta:
        model = Article
        fields = [
            "kind", "headline", "slug", "dek", "body", "works", "people", "tags", "hero_image",
            "rating", "rating_scale", "verdict", "reviewed_work", "reviewed_season", "reviewed_episode",
            "status", "publish_at",
        ]  # fmt: skip
        # A headline and slug shown as long as they are written, not cut off at thirty characters.
        widgets = {
            "headline": forms.TextInput(attrs={"class": "vLargeTextField", "size": 90}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField", "size": 90}),
            # The state changes through the publishing buttons; the field carries the current one.
            "status": forms.HiddenInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        existing = self.instance if self.instance.pk else None
        if existing is not None:
            self.fields["base_version"].initial = existing.version
        if "status" in self.fields and self.editor is not None:
            allowed = services.allowed_statuses(self.editor, existing)
            self.fields["status"].choices = [c for c in Article.Status.choices if c[0] in allowed]
        # Unpublished changes to a live article are what the form shows and goes on editing.
        coverage = getattr(self.instance, "pending_coverage", None) or {}
        for name in ("works", "people"):
            if name in coverage and name in self.fields:
                self.initial[name] = coverage[name]
        if "tags" in coverage and "tags" in self.fields:
            self.initial["tags"] = edit_string_for_tags([Tag(name=name) for name in coverage["tags"]])

    def clean_tags(self):
        tags = self.cleaned_data.get("tags") or []
        unusable = [name for name in tags if not slugify(name, allow_unicode=True)]
        if unusable:
            raise ValidationError(
                "These tags have no letters or digits to make an address from: %(tags)s.",
                params={"tags": ", ".join(unusable)},
            )
        return tags

    def clean(self):
        cleaned = super().clean()
        # Read before the form's values are put on the instance: whether readers see it now.
        self.was_live = bool(self.instance.pk) and services.article_is_live(self.instance)
        if self.instance.pk and cleaned.get("base_version") is None and not self.has_error("base_version"):
            self.add_error(None, services.versions.MISSING_VERSION)
        if cleaned.get("action"):
            self._apply_action(cleaned)
        if self.editor is not None and "status" in cleaned:
            existing = Article.objects.filter(pk=self.instance.pk).first() if self.instance.pk else None
            try:
                services.check_transition(user=self.editor, article=existing, status=cleaned["status"])
            except ValidationError as error:
                self.add_error("status", error.message_dict["status"])
        return cleaned

    def _apply_action(self, cleaned: dict) -> None:
        """The state and publish time the pressed button asks for."""
        # clean() runs before the form's values are put on the instance: it holds the stored state.
        current = self.instance.status if self.instance.pk else Article.Status.DRAFT
        action = cleaned["action"]
        requested = {
            self.SAVE: current,
            self.PUBLISH: Article.Status.PUBLISHED,
            self.SCHEDULE: Article.Status.PUBLISHED,
            self.PUBLISH_CHANGES: Article.Status.PUBLISHED,
            self.UNPUBLISH: Article.Status.UNPUBLISHED,
            self.SUBMIT: Article.Status.IN_REVIEW,
            self.RETURN: Article.Status.DRAFT,
        }[action]
        if action == self.PUBLISH:
            cleaned["publish_at"] = timezone.now()
        elif action == self.SCHEDULE:
            when = cleaned.get("publish_at")
            if when is None or when <= timezone.now():
                self.add_error(
                    "publish_at" if "publish_at" in self.fields else None,
                    "To schedule, give a publish time in the future; “Publish now” publishes at once.",
                )
        elif action == self.PUBLISH_CHANGES and current != Article.Status.PUBLISHED:
            self.add_error(None, "Only a published article has changes to publish; use “Publish now”.")
        elif action == self.RETURN and current == Article.Status.PUBLISHED and "publish_at" in cleaned:
            # A scheduled article taken back to draft keeps no plan to go out.
            cleaned["publish_at"] = None
        cleaned["status"] = requested


class QuoteAdminForm(forms.ModelForm):
    """A quote edited on its own: refused, with the reason, when the user may not change its article."""

    editor = None  # set per request by QuoteAdmin.get_form

    class Meta:
        model = Quote
        fields = ["article", "words", "speaker", "speaker_name", "character", "status", "confidence", "position"]

    def clean(self):
        cleaned = super().clean()
        article = cleaned.get("article")
        if self.editor is not None and article is not None:
            try:
                services.quote_check(user=self.editor, quote=self.instance, article=article)
            except PermissionDenied as error:
                self.add_error("article" if "article" in self.fields else None, str(error))
        return cleaned


class MergeForm(forms.Form):
    """The conflict page's merged text, saved over the current version."""

    base_version = forms.IntegerField(widget=forms.HiddenInput)
    headline = forms.CharField(max_length=300)
    dek = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    body = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 30}))


class PeopleReviewForm(forms.Form):
    """The "People in this article" page: one choice per person the article introduces and one
    checkbox per credit it gives, built from the proposals read when the page opened."""

    CREATE, OTHER, SKIP = "create", "other", "skip"

    reviewed = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, proposals: services.Proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = proposals
        self.fields["reviewed"].initial = self.fingerprint()
        for index, new in enumerate(proposals.people):
            choices = [
                (self.CREATE, "Add as a new person"),
                *((f"merge:{person.pk}", f"The same person as {person.name}") for person in new.similar),
                (self.OTHER, "The same person as someone else:"),
                (self.SKIP, "Skip for now"),
            ]
            self.fields[f"person_{index}"] = forms.ChoiceField(
                label=new.name, choices=choices, initial=self.CREATE, widget=forms.RadioSelect
            )
            # Searched as the reader types, like the quote admin's speaker: a newsroom's people
            # are too many for one list.
            self.fields[f"person_{index}_other"] = KeyChoiceField(
                Person.objects.all(),
                required=False,
                label=f"Someone else for {new.name}",
                widget=AutocompleteSelect(Quote._meta.get_field("speaker"), admin.site),
            )
        for index, credit in enumerate(proposals.credits):
            self.fields[f"credit_{index}"] = forms.BooleanField(
                required=False, initial=True, label=f"{credit.person} as {credit.character} in {credit.work.title}"
            )

    def fingerprint(self) -> str:
        """What the page proposed, so a change to the article since then is noticed."""
        people = [new.name for new in self.proposals.people]
        credits = [f"{credit.person} as {credit.character}" for credit in self.proposals.credits]
        return "|".join([*people, "", *credits])

    def rows(self) -> list[tuple]:
        """Each new person with their choice, the select for someone else, and their quotes."""
        return [
            (new, self[f"person_{index}"], self[f"person_{index}_other"])
            for index, new in enumerate(self.proposals.people)
        ]

    def credit_fields(self) -> list[forms.BoundField]:
        return [self[f"credit_{index}"] for index in range(len(self.proposals.credits))]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reviewed") is not None and cleaned["reviewed"] != self.fingerprint():
            raise ValidationError("The article changed since this page was opened; check the people below again.")
        for index, new in enumerate(self.proposals.people):
            choice, other = cleaned.get(f"person_{index}"), cleaned.get(f"person_{index}_other")
            if choice == self.OTHER and other is None:
                self.add_error(f"person_{index}_other", f"Choose who {new.name} is, or pick another option.")
            if choice and choice.startswith("merge:"):
                chosen = next((p for p in new.similar if f"merge:{p.pk}" == choice), None)
                if chosen is None:
                    self.add_error(f"person_{index}", "Select a valid choice.")
        return cleaned

    def decisions(self) -> services.Decisions:
        people: dict[str, services.proposals.Decision] = {}
        for index, new in enumerate(self.proposals.people):
            choice = self.cleaned_data[f"person_{index}"]
            if choice == self.OTHER:
                people[new.name] = self.cleaned_data[f"person_{index}_other"]
            elif choice.startswith("merge:"):
                people[new.name] = next(p for p in new.similar if f"merge:{p.pk}" == choice)
            else:
                people[new.name] = choice
        credits = [
            credit for index, credit in enumerate(self.proposals.credits) if self.cleaned_data[f"credit_{index}"]
        ]
        return services.Decisions(people=people, credits=credits)
