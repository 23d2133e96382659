"""Two editors, one article: what each changed since the version they both opened, and a merge.

Pure functions over field values (as ``articles.revisions.field_values`` gives them). The body is
merged paragraph by paragraph: changes to different paragraphs both survive; where both editors
changed the same paragraphs, both versions are kept one after the other for the editor to settle.
"""

from difflib import SequenceMatcher

from articles.revisions import FIELDS

TEXT_FIELDS = ("headline", "dek", "body")


def paragraphs(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split("\n\n") if part.strip()]


def merge_paragraphs(base: list[str], theirs: list[str], mine: list[str]) -> tuple[list[str], bool]:
    """A three-way merge of paragraph lists; returns the result and whether any overlapped."""
    changes = []  # (start, end, replacement, who) in base coordinates
    for who, other in (("theirs", theirs), ("mine", mine)):
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, base, other, autojunk=False).get_opcodes():
            if tag != "equal":
                changes.append((i1, i2, other[j1:j2], who))
    changes.sort(key=lambda change: (change[0], change[1]))
    merged: list[str] = []
    position, overlapped = 0, False
    index = 0
    while index < len(changes):
        start, end, replacement, _ = changes[index]
        group = [changes[index]]
        while index + 1 < len(changes) and changes[index + 1][0] < max(end, start + 1):
            index += 1
            group.append(changes[index])
            end = max(end, changes[index][1])
        merged.extend(base[position:start])
        if len(group) == 1:
            merged.extend(replacement)
        elif all(g[2] == group[0][2] for g in group):
            merged.extend(group[0][2])
        else:
            overlapped = True
            for _, _, text, _ in group:
                merged.extend(text)
        position = max(position, end)
        index += 1
    merged.extend(base[position:])
    return merged, overlapped


def conflict_comparison(*, base: dict | None, current: dict, mine: dict) -> dict[str, dict]:
    """Per field: the version both started from, theirs (saved), mine (refused), and a merge."""
    rows = {}
    for name in FIELDS:
        old, theirs, my = (base or {}).get(name), current.get(name), mine.get(name)
        if theirs == my and name not in TEXT_FIELDS:
            continue
        they_changed = base is None or old != theirs
        i_changed = base is None or old != my
        if theirs == my or not i_changed:
            merged, state = theirs, "same" if theirs == my else "theirs"
        elif not they_changed:
            merged, state = my, "mine"
        elif name == "body" and base is not None:
            body, overlapped = merge_paragraphs(paragraphs(old), paragraphs(theirs), paragraphs(my))
            merged, state = "\n\n".join(body), "both" if overlapped else "merged"
        else:
            merged, state = my, "both"
        rows[name] = {"base": old, "theirs": theirs, "mine": my, "merged": merged, "state": state}
    return rows
