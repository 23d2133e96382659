"""Article versions (articles/services/versions.py): the compare-and-swap every form save makes."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Revision
from articles.services import EditConflict, article_claim_version
from articles.services.editing import article_store_refused
from tests import factories
from tests.factories import member

pytestmark = pytest.mark.django_db


def test_a_save_that_names_no_version_is_refused_on_the_version_field():
    article = factories.article()

    with pytest.raises(ValidationError) as refused:
        article_claim_version(article=article, base_version=None, fields={})

    assert list(refused.value.message_dict) == ["base_version"]
    assert "reload the article" in refused.value.message_dict["base_version"][0]


def test_a_stale_save_is_refused_and_kept_with_the_version_it_started_from():
    article = factories.article()
    opened_at = article.version
    article_claim_version(article=article, base_version=opened_at, fields={"headline": "First editor"})

    with pytest.raises(EditConflict) as refused:
        article_claim_version(article=article, base_version=opened_at, fields={"headline": "Second editor"})
    conflict = refused.value

    assert (conflict.article_id, conflict.base_version, conflict.fields) == (
        article.pk,
        opened_at,
        {"headline": "Second editor"},
    )
    assert str(conflict) == f"Article {article.pk} changed since version {opened_at}."
    kept = article_store_refused(conflict=conflict, user=member("Editor"))
    assert kept.kind == Revision.Kind.CONFLICT
    assert kept.note == f"Refused: started from version {opened_at}, the article was at {opened_at + 1}"
    assert kept.data == {"fields": {"headline": "Second editor"}}
