"""Build admin POST data the way the browser would send it."""


def inline_management(prefix: str, rows: list[dict] | None = None, initial: int = 0) -> dict:
    rows = rows or []
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def article_form(**fields) -> dict:
    data = {
        "kind": "news",
        "headline": "A headline",
        "slug": "a-headline",
        "dek": "",
        "body": "",
        "tags": "",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "rating": "",
        "rating_scale": "5",
        "verdict": "",
    }
    data.update(fields)
    for prefix in ("bylines", "spoiler_items", "quotes", "corrections"):
        if f"{prefix}-TOTAL_FORMS" not in data:
            data.update(inline_management(prefix))
    return data


def person_form(**fields) -> dict:
    data = {"name": "Someone", "slug": "someone", "bio": ""}
    data.update(fields)
    for prefix in ("aliases", "links", "credits"):
        if f"{prefix}-TOTAL_FORMS" not in data:
            data.update(inline_management(prefix))
    return data


def work_form(**fields) -> dict:
    """A work's add or change form, with its seasons, characters and credits inlines empty unless given."""
    data = {"title": "Typed Title", "slug": "typed-title", "kind": "series", "synopsis": "Typed synopsis"}
    data.update(fields)
    for prefix in ("seasons", "characters", "credits"):
        if f"{prefix}-TOTAL_FORMS" not in data:
            data.update(inline_management(prefix))
    return data
