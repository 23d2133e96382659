from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

from cms.admin_mixins import ChangesPublicPages
from people.models import Character, Credit, Episode, Person, PersonAlias, PersonLink, Season, Work

MAX_EPISODES = 200  # more than any season has had; a typo of 1000 is refused, not obeyed


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    fields = ["name"]


class PersonLinkInline(admin.TabularInline):
    model = PersonLink
    extra = 0
    fields = ["kind", "value"]


class PersonCreditInline(admin.TabularInline):
    model = Credit
    fk_name = "person"
    extra = 0
    fields = ["work", "role", "character", "billing", "note"]
    autocomplete_fields = ["work", "character"]

    class Media:
        js = ["admin/js/jquery.init.js", "js/credit-characters.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "work", "character__work")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "character":
            # A character is shown with its work's title: read together, not once per row.
            kwargs["queryset"] = Character.objects.select_related("work")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Person)
class PersonAdmin(ChangesPublicPages, admin.ModelAdmin):
    ordering = ["name", "pk"]  # the credit-count annotation drops the model's default ordering
    list_display = ["name", "other_spellings", "credit_count", "updated_at"]
    search_fields = ["name", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["headshot"]
    fields = ["name", "slug", "bio", "headshot"]
    inlines = [PersonAliasInline, PersonLinkInline, PersonCreditInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(credit_count=Count("credits", distinct=True))
            .prefetch_related("aliases")
        )

    @admin.display(description="other spellings")
    def other_spellings(self, person: Person) -> str:
        return ", ".join(alias.name for alias in person.aliases.all())

    @admin.display(description="credits", ordering="credit_count")
    def credit_count(self, person: Person) -> int:
        return person.credit_count


class SeasonForm(forms.ModelForm):
    """A season, and how many episodes to number 1 to N in the same step."""

    episodes_to_add = forms.IntegerField(
        label="number its episodes",
        min_value=1,
        max_value=MAX_EPISODES,
        required=False,
        help_text="Creates episodes 1 to N (those missing) when you save; titles and dates can follow.",
    )

    class Meta:
        model = Season
        fields = ["number", "title", "premiere_date"]


class SeasonInline(admin.TabularInline):
    model = Season
    form = SeasonForm
    extra = 0
    fields = ["number", "title", "premiere_date", "episodes_to_add", "episode_list"]
    readonly_fields = ["episode_list"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("work").prefetch_related("episodes")

    @admin.display(description="episodes")
    def episode_list(self, season: Season) -> str:
        if season.pk is None:
            return "Number them here, or add them after saving."
        episodes = list(season.episodes.all())
        url = reverse("admin:people_season_change", args=[season.pk])
        if not episodes:
            return format_html('<a href="{}">Add episodes</a>', url)
        numbers = format_html_join(", ", "E{}{}", ((e.number, f" {e.title}" if e.title else "") for e in episodes))
        return format_html('{} <a href="{}">(edit {} episodes)</a>', numbers, url, len(episodes))


class CharacterInline(admin.TabularInline):
    model = Character
    extra = 0
    fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("work")


class WorkCreditForm(forms.ModelForm):
    """A credit on the work's page: a character from the list, or one named here, made on save, so
    a new series' cast can be credited before its characters exist."""

    character_name = forms.CharField(
        label="or a new character",
        max_length=200,
        required=False,
        help_text="Made on save if the work has no character of that name.",
    )

    class Meta:
        model = Credit
        fields = ["person", "role", "character", "billing", "note"]

    def clean(self):
        cleaned = super().clean()
        name = " ".join((cleaned.get("character_name") or "").split())
        if name and cleaned.get("character"):
            self.add_error("character_name", "Choose a character from the list or name a new one, not both.")
        if name and not slugify(name):
            self.add_error("character_name", "A character's name needs a letter or a digit.")
        cleaned["character_name"] = name
        return cleaned


class WorkCreditInline(admin.TabularInline):
    model = Credit
    form = WorkCreditForm
    fk_name = "work"
    extra = 0
    fields = ["person", "role", "character", "character_name", "billing", "note"]
    autocomplete_fields = ["person"]
    verbose_name_plural = "cast and crew"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "character__work", "work")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "character":
            work_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            characters = Character.objects.select_related("work")
            kwargs["queryset"] = characters.filter(work_id=work_id) if work_id else characters.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Work)
class WorkAdmin(ChangesPublicPages, admin.ModelAdmin):
    ordering = ["title", "year", "pk"]  # kept explicit: the season-count annotation drops Meta.ordering
    list_display = ["title", "kind", "year", "network", "based_on", "season_count"]
    list_filter = ["kind", "network"]
    list_select_related = ["based_on"]
    search_fields = ["title", "network"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["based_on", "poster"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "year", "network", "premiere_date"]}),
        ("About", {"fields": ["synopsis", "poster", "based_on"]}),
    ]
    inlines = [SeasonInline, CharacterInline, WorkCreditInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(season_count=Count("seasons", distinct=True))

    def save_formset(self, request, form, formset, change):
        if formset.model is Credit:
            for credit_form in formset.forms:
                name = credit_form.cleaned_data.get("character_name") if credit_form.is_valid() else ""
                if name and not credit_form.cleaned_data.get("DELETE"):
                    credit_form.instance.character = character_named(form.instance, name)
        super().save_formset(request, form, formset, change)
        if formset.model is Season:
            for season_form in formset.forms:
                wanted = season_form.cleaned_data.get("episodes_to_add") if season_form.is_valid() else None
                if wanted and season_form.instance.pk and not season_form.cleaned_data.get("DELETE"):
                    season_numbered(season_form.instance, wanted)

    @admin.display(description="seasons", ordering="season_count")
    def season_count(self, work: Work) -> int:
        return work.season_count


def character_named(work: Work, name: str) -> Character:
    """The work's character of that name, made if it has none."""
    existing = work.characters.filter(name__iexact=name).first()
    return existing or Character.objects.get_or_create(work=work, slug=slugify(name), defaults={"name": name})[0]


def season_numbered(season: Season, count: int) -> int:
    """Create the episodes 1 to ``count`` that the season does not have yet; return how many."""
    existing = set(season.episodes.values_list("number", flat=True))
    new = [Episode(season=season, number=number) for number in range(1, count + 1) if number not in existing]
    Episode.objects.bulk_create(new)
    return len(new)


class EpisodeInline(admin.TabularInline):
    model = Episode
    extra = 1
    fields = ["number", "title", "air_date"]

    def get_queryset(self, request):
        # Each row is headed by its episode's name, which names the season's work.
        return super().get_queryset(request).select_related("season__work")


@admin.register(Season)
class SeasonAdmin(ChangesPublicPages, admin.ModelAdmin):
    ordering = ["work__title", "number", "pk"]
    list_display = ["__str__", "work", "number", "premiere_date", "episode_count"]
    list_select_related = ["work"]
    list_filter = ["work"]
    search_fields = ["work__title", "title"]
    autocomplete_fields = ["work"]
    inlines = [EpisodeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("work").annotate(episode_count=Count("episodes"))

    @admin.display(description="episodes", ordering="episode_count")
    def episode_count(self, season: Season) -> int:
        return season.episode_count


@admin.register(Episode)
class EpisodeAdmin(ChangesPublicPages, admin.ModelAdmin):
    list_display = ["__str__", "season", "number", "title", "air_date"]
    list_select_related = ["season__work"]
    list_filter = ["season__work"]
    search_fields = ["title", "season__work__title"]
    autocomplete_fields = ["season"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("season__work")


@admin.register(Character)
class CharacterAdmin(ChangesPublicPages, admin.ModelAdmin):
    list_display = ["name", "work"]
    list_select_related = ["work"]
    list_filter = ["work"]
    search_fields = ["name", "work__title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["work"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("work")

    def get_search_results(self, request, queryset, search_term):
        """A credit's character autocomplete keeps to the work chosen beside it (``work=`` is added
        by static/js/credit-characters.js); a key that is not a number is ignored."""
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        work = request.GET.get("work", "")
        if request.path.endswith("/autocomplete/") and work.isdigit():
            queryset = queryset.filter(work_id=int(work))
        return queryset, duplicates


@admin.register(Credit)
class CreditAdmin(ChangesPublicPages, admin.ModelAdmin):
    list_display = ["person", "work", "role", "character", "billing"]
    list_select_related = ["person", "work", "character__work"]
    list_filter = ["role", "work"]
    search_fields = ["person__name", "work__title", "character__name"]
    autocomplete_fields = ["person", "work", "character"]

    class Media:
        js = ["admin/js/jquery.init.js", "js/credit-characters.js"]
