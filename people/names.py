"""Name normalisation shared by lookups, constraints and the text analyser."""

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)  # the analyser folds the same names many times over an article
def normalize_name(name: str) -> str:
    """Fold a name to the form two spellings are compared in.

    Case, accents, curly apostrophes and runs of whitespace do not tell two people apart:
    "Zoë  O’Neil" and "zoe o'neil" fold to the same key.
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", without_marks).strip().casefold()
