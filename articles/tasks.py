"""The articles app's background work: importing files queued by ``import_articles --background``."""

from articles.importing import as_json, import_text
from cms.tasks import task


@task()
def article_import(text: str, *, source: str, publish: bool = False, create_people: bool = False) -> dict:
    """Import one file's text as ``import_articles`` would in the foreground; the result (the
    command's JSON contract for the file, with the article's id) is kept with the task.

    Not retried: an import that failed once fails the same way again, and a second run of one
    that succeeded would make a second article. A worker killed mid-import rolls its
    transaction back, so the task handed back to the queue starts from nothing.
    """
    try:
        result = import_text(text, source=source, publish=publish, create_people=create_people)
    except Exception as error:
        return {"file": source, "article": None, "errors": [f"{source}: could not be imported ({error})."]}
    return {**as_json(result), "article": result.article.pk if result.article else None}
