"""People and credits an article introduces, proposed for the people database and applied on review.

The analyser reads every article against the database; a person it does not know comes back by
the full name the article introduced, with their quotes unattributed (``speaker_name`` only) and
their "Character (Actor)" credits marked new. ``article_proposals`` gathers those for review;
``proposals_apply`` carries out the editor's decisions: create the person, or record the
spelling in print as another spelling of someone already there, add the credits, and attribute
the quotes that name them.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.analysis import analyse_stored
from articles.models import Article, AuditEntry, Quote
from articles.revisions import revision_record
from articles.services.derived import article_changed_notice, article_render, audit, quote_cards_refresh
from articles.services.roles import check_edit
from articles.services.versions import article_bump_version
from cms.slugs import free_slug
from people.models import Character, Credit, Person, PersonAlias, Work
from people.names import normalize_name

CREATE = "create"
SKIP = "skip"
# How alike two full names must be for one to be offered as a possible misspelling of the other.
NEAR_SPELLING_RATIO = 0.8

Decision = Person | Literal["create", "skip"]


@dataclass(frozen=True)
class NewPerson:
    """Someone the article introduces who is not in the database."""

    name: str
    quotes: list[Quote]
    similar: list[Person]


@dataclass(frozen=True)
class ProposedCredit:
    """A "Character (Actor)" credit the database does not have yet, on the article's work."""

    person: str
    character: str
    work: Work
    person_key: str | None = None  # the slug when the actor is already in the database

    @property
    def key(self) -> tuple[str, str]:
        return (normalize_name(self.person), normalize_name(self.character))


@dataclass(frozen=True)
class Proposals:
    article: Article
    people: list[NewPerson]
    credits: list[ProposedCredit]
    notes: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.people or self.credits)


@dataclass(frozen=True)
class Decisions:
    """What the editor chose: for each new person's name, ``CREATE``, ``SKIP`` or the Person they
    are; and the credits accepted."""

    people: Mapping[str, Decision]
    credits: Iterable[ProposedCredit] = ()

    @classmethod
    def accept_all(cls, proposals: Proposals) -> "Decisions":
        """Everyone created, unless someone's name or other spelling is exactly theirs already;
        every credit accepted. What ``import_articles --create-people`` decides."""
        people: dict[str, Decision] = {}
        for new in proposals.people:
            people[new.name] = Person.objects.matching_name(new.name).first() or CREATE
        return cls(people=people, credits=proposals.credits)


@dataclass
class ProposalsResult:
    created: list[Person] = field(default_factory=list)
    merged: list[tuple[str, Person]] = field(default_factory=list)
    credits: int = 0
    quotes: int = 0

    def summary(self) -> str:
        parts = []
        if self.created:
            parts.append("added " + ", ".join(person.name for person in self.created))
        for spelling, person in self.merged:
            parts.append(f"“{spelling}” is {person.name}")
        if self.credits:
            parts.append(f"{self.credits} credit(s)")
        if self.quotes:
            parts.append(f"{self.quotes} quote(s) attributed")
        return "; ".join(parts) or "nothing changed"


def article_proposals(*, article: Article) -> Proposals:
    """The people ``article`` introduces and the credits it gives that the database lacks.

    The queries do not grow with the people or credits proposed: similar people are found in one
    query for every name, and each work's characters and credits are read once.
    """
    analysis = analyse_stored(article)
    unattributed = list(article.quotes.filter(speaker__isnull=True).order_by("position", "pk"))
    similar = similar_people_for(analysis.introduced)
    people = [
        NewPerson(
            name=name,
            quotes=[quote for quote in unattributed if quote.speaker_name == name],
            similar=similar[name],
        )
        for name in analysis.introduced
    ]
    works = list(article.works.prefetch_related("characters"))
    if not works:
        notes = ["The article is about no work, so no credits are proposed; add its work to see them."]
        return Proposals(article=article, people=people, credits=[], notes=notes if analysis.credits else [])
    credited = set(
        Credit.objects.filter(work__in=works, character__isnull=False).values_list(
            "person__slug", "work_id", "character_id"
        )
    )
    credits: list[ProposedCredit] = []
    seen: set[tuple[str, str]] = set()
    for found in analysis.credits:
        work = next((w for w in works if w.title == found.work), works[0])
        proposed = ProposedCredit(found.person, found.character, work, found.person_key)
        character = _character(work, found.character)
        exists = character is not None and (found.person_key, work.pk, character.pk) in credited
        if proposed.key in seen or (not found.new and exists):
            continue
        seen.add(proposed.key)
        credits.append(proposed)
    return Proposals(article=article, people=people, credits=credits)


def similar_people(name: str) -> list[Person]:
    """People who might be ``name`` under another spelling: the same surname, or a full name
    spelt nearly the same way ("Casimere Jolette" and "Casimere Jollette")."""
    return similar_people_for([name])[name]


def similar_people_for(names: Iterable[str]) -> dict[str, list[Person]]:
    """`similar_people` for each of ``names``, read in one query."""
    names = list(names)
    wanted = {name: normalize_name(name).split() for name in names}
    condition = Q(pk__in=[])
    for words in wanted.values():
        if words:
            first, last = words[0], words[-1]
            condition |= (
                Q(normalized_name__endswith=f" {last}")
                | Q(normalized_name=last)
                | Q(normalized_name__startswith=f"{first} ")
                | Q(aliases__normalized_name__endswith=f" {last}")
            )
    candidates = list(Person.objects.filter(condition).distinct().prefetch_related("aliases")) if names else []
    found: dict[str, list[Person]] = {}
    for name, words in wanted.items():
        key = " ".join(words)
        found[name] = [
            person
            for person in candidates
            if words
            and any(
                spelling.split()[-1:] == words[-1:]
                or SequenceMatcher(None, spelling, key).ratio() >= NEAR_SPELLING_RATIO
                for spelling in [person.normalized_name, *(alias.normalized_name for alias in person.aliases.all())]
            )
        ]
    return found


def _character(work: Work, name: str) -> Character | None:
    key = normalize_name(name)
    return next((c for c in work.characters.all() if normalize_name(c.name) == key), None)


def proposals_check(*, user, article: Article, decisions: Decisions) -> None:
    """Refuse (PermissionDenied) decisions ``user`` may not carry out."""
    if user is None:
        return
    chosen = list(decisions.people.values())
    needed = []
    if CREATE in chosen:
        needed.append(("people.add_person", "add people"))
    if any(isinstance(choice, Person) for choice in chosen):
        needed.append(("people.change_person", "change people"))
    if list(decisions.credits):
        needed.append(("people.add_credit", "add credits"))
        needed.append(("people.add_character", "add characters"))
    for permission, what in needed:
        if not user.has_perm(permission):
            raise PermissionDenied(f"You cannot {what}; ask an editor to review the people in this article.")
    check_edit(user, article)


@transaction.atomic
def proposals_apply(*, article: Article, user, decisions: Decisions) -> ProposalsResult:
    """Carry out the editor's decisions on ``article``'s proposals in one transaction.

    Decisions are checked against the proposals read now, so a name or a credit the article does
    not propose is refused (ValidationError) rather than written.
    """
    proposals_check(user=user, article=article, decisions=decisions)
    proposals = article_proposals(article=article)
    # A name someone added to the database since the page was read is no longer proposed, but the
    # quotes that print it still wait for a speaker.
    proposed_names = {new.name for new in proposals.people} | set(
        article.quotes.filter(speaker__isnull=True).values_list("speaker_name", flat=True)
    )
    unknown = set(decisions.people) - proposed_names
    if unknown:
        raise ValidationError(f"The article does not introduce {', '.join(sorted(unknown))}.")
    proposed_credits = {credit.key: credit for credit in proposals.credits}
    accepted = []
    for credit in decisions.credits:
        if credit.key not in proposed_credits:
            raise ValidationError(f"The article does not propose {credit.person} as {credit.character}.")
        accepted.append(proposed_credits[credit.key])

    result = ProposalsResult()
    people: dict[str, Person] = {}
    for name, choice in decisions.people.items():
        if choice == CREATE:
            people[name] = Person.objects.create_named(name)
            result.created.append(people[name])
        elif isinstance(choice, Person):
            _record_spelling(choice, name)
            people[name] = choice
            result.merged.append((name, choice))
        elif choice != SKIP:
            raise ValidationError(f"Unknown decision for {name}: {choice!r}.")

    for credit in accepted:
        person = (
            people.get(credit.person)
            if credit.person_key is None
            else Person.objects.filter(slug=credit.person_key).first()
        )
        if person is None:
            continue  # the actor was skipped: there is nobody to credit
        character = _character(credit.work, credit.character) or _create_character(credit.work, credit.character)
        _, created = Credit.objects.get_or_create(
            person=person, work=credit.work, role=Credit.Role.CAST, character=character
        )
        result.credits += created

    for name, person in people.items():
        result.quotes += article.quotes.filter(speaker__isnull=True, speaker_name=name).update(
            speaker=person, updated_at=timezone.now()
        )
    if result.quotes:
        article.refresh_from_db()
        article_bump_version(article=article)
        article_render(article=article)
        quote_cards_refresh(article=article)
        revision_record(article=article, user=user, note="People in the article reviewed")
        article_changed_notice(article=article, action="quotes")
    if result.created or result.merged or result.credits or result.quotes:
        audit(article, AuditEntry.Action.PEOPLE, user, result.summary()[:300])
    return result


def _record_spelling(person: Person, spelling: str) -> None:
    """Keep the spelling in print as another spelling of ``person``, unless it already is theirs."""
    key = normalize_name(spelling)
    if key == person.normalized_name or person.aliases.filter(normalized_name=key).exists():
        return
    other = (
        Person.objects.filter(Q(normalized_name=key) | Q(aliases__normalized_name=key)).exclude(pk=person.pk).first()
    )
    if other is not None:
        raise ValidationError(f"“{spelling}” already names {other.name}; it cannot also be {person.name}.")
    PersonAlias.objects.create(person=person, name=spelling)


def _create_character(work: Work, name: str) -> Character:
    return Character.objects.create(
        work=work, name=name, slug=free_slug(work.characters.all(), name, fallback="character")
    )
