"""The editorial core: every write to what readers see goes through a function here.

Split by concern: ``roles`` (who may do what), ``versions`` (compare-and-swap on every change),
``editing`` (the one save sequence), ``publishing`` (state changes), ``quotes`` (quotes decided on
their own), ``sharing`` (preview links), ``proposals`` (people and credits an article introduces),
``restore`` (revisions brought back) and ``derived`` (rendering, quote scopes and cards, audit and
the change notice, which the sequences run).
"""

from articles.services.derived import article_analyse, article_render, quote_cards_refresh, quote_is_public
from articles.services.editing import (
    SaveResult,
    article_discard_changes,
    article_is_live,
    article_keep_old_slug,
    article_merge_save,
    article_save,
    article_save_for_later,
    article_set_spoiler_scope,
    article_store_refused,
)
from articles.services.proposals import (
    Decisions,
    Proposals,
    ProposalsResult,
    article_proposals,
    proposals_apply,
    proposals_check,
)
from articles.services.publishing import article_publish, article_submit, article_unpublish, publish_problems
from articles.services.quotes import (
    QuoteAction,
    QuoteDecision,
    QuotesDecided,
    quote_check,
    quote_confirm,
    quote_delete,
    quote_reject,
    quote_save,
    quotes_confirm_confident,
    quotes_decide,
)
from articles.services.restore import article_publish_changes, pending_apply, revision_restore
from articles.services.roles import allowed_statuses, can_edit, can_publish, check_edit, check_transition
from articles.services.sharing import share_link_create, share_link_resolve, share_link_revoke, share_link_token
from articles.services.versions import EditConflict, article_bump_version, article_claim_version

__all__ = [
    "Decisions",
    "EditConflict",
    "Proposals",
    "ProposalsResult",
    "QuoteAction",
    "QuoteDecision",
    "QuotesDecided",
    "SaveResult",
    "allowed_statuses",
    "article_analyse",
    "article_bump_version",
    "article_claim_version",
    "article_discard_changes",
    "article_is_live",
    "article_keep_old_slug",
    "article_merge_save",
    "article_proposals",
    "article_publish",
    "article_publish_changes",
    "article_render",
    "article_save",
    "article_save_for_later",
    "article_set_spoiler_scope",
    "article_store_refused",
    "article_submit",
    "article_unpublish",
    "can_edit",
    "can_publish",
    "check_edit",
    "check_transition",
    "pending_apply",
    "proposals_apply",
    "proposals_check",
    "publish_problems",
    "quote_cards_refresh",
    "quote_check",
    "quote_confirm",
    "quote_delete",
    "quote_is_public",
    "quote_reject",
    "quote_save",
    "quotes_confirm_confident",
    "quotes_decide",
    "revision_restore",
    "share_link_create",
    "share_link_resolve",
    "share_link_revoke",
    "share_link_token",
]
