"""The role rules in articles/services/roles.py, asked directly: what each role may set an
article's state to, and the reason each refusal gives."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles.models import Article
from articles.services.roles import allowed_statuses, check_edit, check_transition
from tests import factories
from tests.factories import member

pytestmark = pytest.mark.django_db

Status = Article.Status


def test_a_contributor_may_put_a_new_article_in_draft_or_review_only():
    assert allowed_statuses(member("Contributor"), None) == [Status.DRAFT, Status.IN_REVIEW]


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.UNPUBLISHED])
def test_a_contributor_may_keep_an_articles_state_but_not_choose_it(status):
    contributor = member("Contributor")
    article = factories.published_article(created_by=contributor)
    Article.objects.filter(pk=article.pk).update(status=status)
    article.refresh_from_db()

    kept = {Status.DRAFT, Status.IN_REVIEW, status}
    assert allowed_statuses(contributor, article) == [s for s in Status.values if s in kept]
    check_transition(user=contributor, article=article, status=status)
    other = Status.UNPUBLISHED if status == Status.PUBLISHED else Status.PUBLISHED
    with pytest.raises(ValidationError) as refused:
        check_transition(user=contributor, article=article, status=other)
    assert refused.value.message_dict == {
        "status": ["Only editors can publish, schedule or unpublish; submit the article for review instead."]
    }


def test_editors_and_the_site_itself_may_choose_any_state():
    assert allowed_statuses(member("Editor"), None) == list(Status.values)
    assert allowed_statuses(None, factories.article()) == list(Status.values)


def test_a_contributor_is_told_why_they_may_not_change_an_article():
    contributor = member("Contributor")
    theirs_live = factories.published_article(created_by=contributor, headline="Live one")
    someone_elses = factories.article(created_by=member("Contributor", "another"), headline="Not theirs")

    with pytest.raises(PermissionDenied) as live:
        check_edit(contributor, theirs_live)
    with pytest.raises(PermissionDenied) as other:
        check_edit(contributor, someone_elses)

    assert str(live.value) == "“Live one” is published or scheduled; only editors can change it."
    assert str(other.value) == "You can only change your own drafts; “Not theirs” is not one of them."
