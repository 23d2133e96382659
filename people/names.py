"""Name normalisation shared by lookups, constraints and the text analyser."""

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
# Letters with a stroke or without their dot that Unicode does not split into a letter and a mark:
# "Yılmaz" is "YILMAZ" in capitals and "Yilmaz" on a keyboard without it, as "Łukasz" is "Lukasz".
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o"})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)  # the analyser folds the same names many times over an article
def normalize_name(name: str) -> str:
    """Fold a name to the form two spellings are compared in.

    Case, accents, curly apostrophes and runs of whitespace do not tell two people apart:
    "Zoë  O’Neil" and "zoe o'neil" fold to the same key, and so do "Tarık Yılmaz" and "TARIK YILMAZ".
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES).translate(_UNDECOMPOSED))
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", without_marks).strip().casefold()
