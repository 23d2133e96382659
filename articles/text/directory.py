"""The name directory the analyser resolves written names against, built without a database.

The caller (a service, a test, the bench) turns people and credits into `PersonEntry` rows; the
directory then answers "who is 'Jolette'?" the way an editor would: full names and aliases first,
then a surname or first name when only one person fits, preferring people credited on the
article's works and people the article already named, then a near-miss spelling when only one
person is close. It never picks between two people: an ambiguous name comes back unresolved, with
both candidates offered for the editor to choose from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from people.names import normalize_name

__all__ = [
    "CHARACTER_TITLES",
    "GENERATIONS",
    "HONORIFIC_TITLES",
    "SPANISH_HONORIFICS",
    "NameDirectory",
    "PersonEntry",
    "Resolution",
    "build_directory",
    "label_table",
    "middles_agree",
    "same_generation",
    "untitled",
]

EXACT = 1.0
PARTIAL = 0.9
PREFERRED = 0.8
NEAR_MISS = 0.7
MIN_FUZZY_LENGTH = 5
MIN_SHORT_FORM = 3
# Honorifics joined to a name by a hyphen: Japanese "Rinko-san", "Kō-chan", "Ōtsuka-sensei", Tibetan "Pema-la",
# Hindi "Sharma-ji", Korean "Minji-ssi", Bengali and Assamese "Rituraj-da" and "Rupa-di", elder brother and sister,
# Ingush "Akhmed-vosha" and "Zarema-yisha", brother and sister. Never a name's second half ("Hendrik-Jan").
HYPHENED_HONORIFICS = {
    "san", "sama", "chan", "kun", "sensei", "senpai", "sempai", "la", "ji", "ssi", "nim", "da", "di", "vosha", "yisha",
}  # fmt: skip
# Any short word in lower case after a capitalised name and a hyphen is a form of address too ("Ziyavudin-aga",
# elder brother): the second half of a double name is capitalised ("Hendrik-Jan", "Reyes-Whitaker").
LOWER_SUFFIX_RE = re.compile(r"(?<![\w'’-])(?P<stem>[^\W\d_]{2,})-[a-z]{1,7}[\s:,.;]*$")
MAX_EDITS = 2
# Lower-case name particles that belong to a surname ("De Murguia", "van der Berg").
PARTICLES = {
    "de", "da", "del", "della", "dela", "delos", "di", "du", "des", "dos", "das", "do", "la", "le", "van", "von", "der",
    "den", "ter", "ten", "zu", "st", "st.", "o", "ni", "nic", "mac", "ap", "ab", "al", "el", "bin", "binti", "binte",
    "bint", "ibn", "i",  # Catalan "Vidal i Roca"
    "los", "las",  # after "de": "María de los Ángeles Barragán"
    "a'", "a’", "an",  # Gaelic: "Seumas Mac a' Phearsain", "Fiachra Mac an Bhaird"
    "ferch", "verch",  # Welsh: "Mabli ferch Dafydd"
    "arap",  # Kalenjin, son of: "Kiprotich arap Sang"
    "a/p", "a/l", "s/o", "d/o",  # Malaysian and Singaporean Indian: "Kavitha a/p Subramaniam", daughter of
    "boru",  # Batak, daughter of, before a woman's clan name: "Rosmawati boru Siregar"
    "anak",  # Iban, child of, before the father's name: "Jimbun anak Likau"
    "'t", "’t",  # Dutch: "Sem van ’t Hek"
    "qızı", "oğlu",  # Azerbaijani, daughter and son of: "Leyla Rəşid qızı Əliyeva"
    "qizi", "oʻgʻli", "o'g'li", "o‘g‘li", "o’g’li",  # Uzbek: "Dilnoza Rustam qizi Karimova"
    "uulu", "kyzy",  # Kyrgyz, son and daughter of, after the father's name: "Azamat Bakyt uulu"
    "uly", "ulı", "qyzy",  # Tatar, Bashkir and Kazakh, son and daughter of: "Ilnur Rinat uly"
    "ogly", "gyzy",  # Turkmen: "Merdan Annamyrat ogly"
    "wa",  # Kikuyu, son of, before the father's name: "Joseph Mwangi wa Kariũki"
    "ole",  # Maasai, son of, before the father's name: "Meitamei ole Parsimei", "Ole Parsimei" for short
    "á", "í", "við",  # Faroese farm names: "Tróndur á Fløtum", "Jóannes í Gøtu"
}  # fmt: skip
FOLDED_PARTICLES = {normalize_name(particle) for particle in PARTICLES}  # "á" is "a" once folded
# Capitalised words that open a family name after the given name: "Ben Hadj Ali", "Ould Bah", "Aït Ahmed".
SURNAME_OPENERS = {"ben", "ould", "ait"}
# "son of" and "daughter of": what comes before them is the given name, all of it ("Nur Aisyah binti Rahman").
PATRONYMIC_PARTICLES = {
    "bin",
    "binti",
    "binte",
    "bint",
    "ibn",
    "ferch",
    "verch",
    "ap",
    "ab",
    "a/p",
    "a/l",
    "s/o",
    "d/o",
}
# Words that precede a character's name without being part of what viewers call them.
CHARACTER_TITLES = {
    "madame", "madam", "mme", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "doctor",
    "professor", "prof.", "sir", "lady", "lord", "aunt", "aunty", "auntie", "whaea", "matua", "khun", "uncle",
    "captain", "detective", "officer", "daw", "inspecteur", "inspectrice", "commissaris", "commissaire",
    "kommissar", "kommissarin", "ispettore", "comisario", "inspector-general",
    "coach", "principal", "headmaster", "headmistress", "mademoiselle", "monsieur", "father", "sister",
    "inspector", "constable", "sheriff", "deputy", "sergeant", "sgt", "sgt.", "lieutenant", "lt", "lt.", "agent",
    "nurse", "judge", "reverend", "rev", "rev.", "king", "queen", "prince", "princess", "general", "colonel",
    "commander", "chief", "mayor", "chancellor", "brother", "mother", "canon", "vicar", "bishop", "pastor",
    "signalman", "corporal", "private", "major", "admiral", "marshal", "warden", "matron", "dame", "baron",
    "baroness", "countess", "duke", "duchess", "earl", "justice", "magistrate", "superintendent",
    "commissioner", "governor", "senator", "dean", "abbot", "abbess", "trooper", "cadet", "ensign", "prime",
    "minister", "whip", "secretary", "ambassador", "consul", "chairman", "chairwoman", "president", "di", "dci",
    "ds", "dc", "dsi", "pc", "wpc", "supt", "supt.", "insp", "insp.", "capt", "capt.", "col", "col.", "gen", "gen.",
    "senior", "acting", "petty", "warrant", "lance", "flight", "staff",  # "Chief Petty Officer", "Lance Corporal"
    "grandmother", "grandfather", "granny", "grandma", "grandpa",  # "Grandmother Agafya — Galina Sukhorukova"
    # "Doña Consuelo", "Padre Anselmo", the Greek "Kapetan Manolis", the Afrikaans "Oom Koos" and "Tannie Sarie"
    "dona", "padre", "madre", "kapetan", "oom", "tannie",
}  # fmt: skip
# Two-word forms of address that open a role's name: "His Honour Judge Emlyn Rees".
HONORIFIC_TITLES = {
    "his honour", "her honour", "his honor", "her honor", "his majesty", "her majesty", "his excellency",
    "her excellency", "his grace", "her grace", "his lordship", "her ladyship", "his holiness",
}  # fmt: skip
# Honorifics before a name, never part of it; among them the Hausa "Alhaji" and Yoruba "Alhaja", said before the
# full name or the surname of someone who has made the pilgrimage ("Alhaji Sani Danjuma Bello", "Alhaji Bello").
# (and "Hon.", a councillor's or member's honourable: "Hon. Ma. Fe Cabusas", "HON. CABUSAS")
HONORIFICS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "mx", "mx.", "alhaji", "alhaja", "hajiya",
    "hon", "hon.",
}  # fmt: skip
# Titles used with the first name: "Dame Aiko" and "Sir Leo" are Dame Aiko Kimura and Sir Leo Albright.
# … and the Fijian chiefly titles: "Adi Losana Vuetaki" is Adi Losana, "Ratu Jone Naulumatua" Ratu Jone.
FIRST_NAME_TITLES = {"sir", "dame", "lady", "lord", "adi", "ratu"}
# Ranks and offices before a real person's full name ("Captain Eldon Wadden", a trawler's skipper;
# "Detective Inspector Ruth Kerr" in a news story): not part of the name the person is filed under.
RANKS = {
    "captain", "capt", "capt.", "colonel", "col.", "commander", "lieutenant", "sergeant", "detective",
    "inspector", "judge", "justice", "senator", "mayor", "governor", "chef", "chief", "cllr", "cllr.", "councillor",
    "lt", "lt.", "sgt", "sgt.", "det", "det.", "insp", "insp.", "supt", "supt.", "cpl", "cpl.",
    "vice", "vm",  # "Vice Mayor Eleuterio Cuizon", the minutes' "VM CUIZON"
}  # fmt: skip
# Titles a person is addressed by, before the full name: "Professor Mandla Zungu", "Madame Odile Brun".
ADDRESS_TITLES = {
    "madame", "madam", "mme", "mme.", "monsieur", "mademoiselle", "herr", "frau", "señor", "señora", "signor",
    "signora", "reverend", "rev", "rev.", "professor", "prof", "prof.", "doctor", "khun",
    "daw", "u",  # Burmese: "Daw Yin Yin Nwe", "U Kyaw Lwin"
    "father", "fr", "fr.", "rabbi", "imam", "pastor",  # "Father Liam Cardew, parish priest"
    "fräulein", "signorina", "sig.", "sra.", "srta.", "sr.", "meneer", "mevrouw", "mevr.", "dhr.",
    # Malay and Indonesian: "Datuk Ismail bin Yusof", "Encik Zulkifli", "Cikgu Rohana" (a teacher), "Pak Harto"
    "datuk", "dato", "dato'", "dato’", "datin", "puan", "encik", "cik", "tuan", "haji", "hajah", "hajjah",
    "cikgu", "ustaz", "ustazah", "tunku", "tengku", "bapak", "pak", "ibu", "bu",
    "ato", "weyzero", "woizero", "weyzerit",  # Amharic: "Weyzero Almaz Bekele"
    "shri", "shrimati", "smt", "smt.", "thiru", "thirumathi", "pandit", "ustad",  # South Asian
    "sheikh", "shaikh", "alhaji", "alhaja", "alhadji", "alhadja", "mallam",  # Arabic and West African
    "alhagie", "alhagi", "haja", "hadja", "hajia",  # … as Gambian and Senegalese papers spell them: "Haja Binta Manneh"
    "goni",  # Kanuri, one who knows the Qur'an by heart: "Goni Modu Kachalla"
    "waja", "banuk",  # Balochi sir and madam, before given names: "Banuk Gul Bano" for Gul Bano Rind
    "der", "hayr",  # an Armenian priest: "Der Vartan Manoogian"
    "mang", "aling",  # Filipino: "Mang Tomas", "Aling Nena"
    "lok",  # Khmer, for an older man: "Lok Pisith"
    "pan", "pani",  # Slovak, Czech and Polish (folded): "Pán Hrivnák", "Paní Nováková"
    "cika", "teta",  # Serbian and Croatian uncle and aunt, to an older colleague (folded): "čika Žika"
    "rra", "mma",  # Setswana sir and madam, before a surname: "Rra Sebina"
    "mzee",  # Swahili, to an older man: "Mzee Kiptanui Chirchir"
    "mbuya", "sekuru",  # Shona grandmother and grandfather, to an elder: "Mbuya Chakanyuka"
    "itron", "aotrou",  # Breton Mrs and Mr: "Itron Gourlaouen"
    "bro", "bro.", "sis", "sis.",  # a congregation's or a club's Brother and Sister: "Bro. Guity"
    "knjez", "knjeni", "knjezna",  # Upper Sorbian Mr, Mrs and Miss (folded): "Knježna Kralec"
    "wucer",  # Upper Sorbian teacher, for life (folded): "wučer Hornik"
    "dun",  # Maltese, a priest: "Dun Ġwann Bonello"
    "sain",  # Sindhi, master, to a man: "Sain Ghulam Hyder"
}  # fmt: skip
# The Spanish honorific before a given name and two surnames ("Don Efraín Villalobos Peña"); before
# fewer words it may be a first name ("Don Rafferty"), so only a four-word run drops it.
SPANISH_HONORIFICS = {"don", "dona"}
# Every title that may stand before a person's full name without being part of it.
TITLES_BEFORE_A_NAME = FIRST_NAME_TITLES | ADDRESS_TITLES | RANKS
# Titles said before a surname alone: "Chief Bánjọ", "Professor Zungu".
SURNAME_TITLES = ADDRESS_TITLES | RANKS
POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class PersonEntry:
    """One person as the analyser sees them: a key, the canonical name and how else they are written."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    credited: bool = False
    characters: tuple[str, ...] = ()
    # A relative the article names by first name ("Lucien Thibodeau and his daughter, Ariane"): the
    # surname alone stays with the person it was written for.
    first_name_only: bool = False


@dataclass(frozen=True)
class Resolution:
    """What a written name turned out to mean.

    `key` is set only when one person fits; `candidates` lists everyone who fits when that is more
    than one (and the near-miss or preferred pick when one was made), so the editor can choose.
    """

    key: str | None
    name_as_written: str
    candidates: tuple[str, ...] = ()
    confidence: float = 0.0

    @property
    def resolved(self) -> bool:
        return self.key is not None


def _suffixed(written: str) -> bool:
    """Whether a written name ends in a form of address in lower case after a hyphen: "Ziyavudin-aga"."""
    match = LOWER_SUFFIX_RE.search(written)
    return match is not None and match["stem"][0].isupper()


def untitled(folded: str) -> str:
    """A folded name without the titles in front of it: "chief inspector alan mayhew" → "alan mayhew",
    "his honour judge emlyn rees" → "emlyn rees".

    A title alone ("the Inspector") stays as it is.
    """
    words = folded.split()
    start = 2 if len(words) > 2 and " ".join(words[:2]) in HONORIFIC_TITLES else 0
    while start < len(words) - 1 and words[start] in CHARACTER_TITLES:
        start += 1
    return " ".join(words[start:])


@lru_cache(maxsize=65536)
def clean_written(written: str) -> str:
    """The name part of what a writer put in a label or attribution, folded for lookup."""
    text = normalize_name(written.replace("*", " ").replace("_", " "))
    text = text.strip(" \t:,.;")
    words = text.split()
    while words and words[0] in HONORIFICS:
        words = words[1:]
    if words:
        words[-1] = POSSESSIVE_RE.sub("", words[-1]) if len(words[-1]) > 2 else words[-1]
    return " ".join(words)


# Words that tell a son from the father whose name he carries: after a surname ("Jr.", "III"), or the
# Irish "Óg" (young) after a given name ("Seán Óg Mac Carthaigh"); not "Mór", a surname too.
GENERATIONS = {"jr", "sr", "ii", "iii", "iv", "junior", "senior", "og"}


def same_generation(folded: str, other: str) -> bool:
    """Whether two folded names carry the same generation words: "Seán Óg Mac Carthaigh" is never
    his father, Seán Mac Carthaigh, one word away."""
    return GENERATIONS.intersection(word.strip(".") for word in folded.split()) == GENERATIONS.intersection(
        word.strip(".") for word in other.split()
    )


def middles_agree(folded: str, other: str) -> bool:
    """Whether two folded names' middle words may be the same: "Yevgenia Pavlovna Sokolova" and
    "Yevgenia Petrovna Sokolova" are two women (another father's name), but "Ana M. Ruiz" may be "Ana
    María Ruiz", and a name without a middle may be either."""
    mine, theirs = folded.split()[1:-1], other.split()[1:-1]
    if not mine or not theirs or len(mine) != len(theirs):
        return True
    return all(
        a == b or a.strip(".") == b[:1] or b.strip(".") == a[:1] or edit_distance(a, b, 1) <= 1
        for a, b in zip(mine, theirs, strict=True)
    )


def _surnames(folded: str) -> set[str]:
    words = folded.split()
    if len(words) < 2:
        return set()
    if len(words) >= 3 and words[-1].strip(".") in GENERATIONS:
        # "Lamont Pennyfeather Jr." is "Pennyfeather" too (never "Lamont Pennyfeather", his father).
        return {words[-1], *_surnames(" ".join(words[:-1])), " ".join(words[-2:])}
    found = {words[-1]}
    # "bayardo de murguia" is also written "De Murguia"; "michael hsu rosen" also "Hsu Rosen".
    if len(words) >= 3:
        found.add(" ".join(words[-2:]))
    # "Ramona de la Cueva" is "De la Cueva", "Cathal Ó Dálaigh" is "Ó Dálaigh".
    start = len(words) - 1
    while start > 1 and words[start - 1] in PARTICLES:
        start -= 1
        found.add(" ".join(words[start:]))
    # "Siobhán Nic Giolla Phádraig" is "Nic Giolla Phádraig": a surname opened by a particle.
    # "Youssef Ben Hadj Ali" is "Ben Hadj Ali": a Maghrebi family name opened by "Ben", "Ould" or "Aït".
    found |= {" ".join(words[at:]) for at in range(1, len(words) - 1) if words[at] in PARTICLES | SURNAME_OPENERS}
    # "Beatriz Nogueira de Sá" is "Nogueira de Sá": a surname joined by a particle.
    if len(words) >= 4 and any(word in PARTICLES for word in words[2:-1]):
        found.add(" ".join(words[1:]))
    return found


def edit_distance(a: str, b: str, limit: int = MAX_EDITS) -> int:
    """Levenshtein distance, or limit + 1 once it is more than `limit`."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


def within_edits(written: str, spellings: list[str], limit: int) -> list[tuple[str, int]]:
    """The spellings at most `limit` edits from the written one, each with its distance."""
    found = process.extract(written, spellings, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
    return [(spelling, distance) for spelling, distance, _ in found]


class NameDirectory:
    """Lookups over a fixed set of people; build one per article (its works decide who is credited)."""

    def __init__(self, people: Iterable[PersonEntry]):
        self.people: dict[str, PersonEntry] = {}
        self._full: dict[str, set[str]] = defaultdict(set)
        self._surname: dict[str, set[str]] = defaultdict(set)
        self._first: dict[str, set[str]] = defaultdict(set)
        # The inner words of a longer name: "Agirrezabala" is Itziar Agirrezabala Etxeberria, whose first
        # surname it is. Asked only when no surname or first name fits.
        self._middle: dict[str, set[str]] = defaultdict(set)
        # The first two words of a longer name: "Stella Fung" is Stella Fung Sau-lan, "Kevin Lau" Kevin Lau Ka-ho.
        self._leading: dict[str, set[str]] = defaultdict(set)
        self._characters: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self._near_misses: dict[str, set[str]] = {}  # folded spelling → keys, worked out once
        self._fuzzy: dict[str, list[str]] = {}  # the spellings a near miss is measured against, listed once
        for person in people:
            self.people[person.key] = person
            for spelling in (person.name, *person.aliases):
                folded = clean_written(spelling)
                if not folded:
                    continue
                self._full[folded].add(person.key)
                for surname in () if person.first_name_only else _surnames(folded):
                    self._surname[surname].add(person.key)
                words = folded.split()
                if len(words) >= 2:
                    self._first[words[0]].add(person.key)
                if len(words) >= 3 and words[0] in FIRST_NAME_TITLES:
                    self._first[words[1]].add(person.key)  # "Dame Aiko Kimura" is "Aiko" too
                bare = untitled(folded).split()  # "Deputy Cal Brandvold": no middle name in "Cal"
                for word in bare[1:-1] if len(bare) >= 3 and not person.first_name_only else ():
                    if word not in PARTICLES and word not in FIRST_NAME_TITLES and len(word) >= MIN_SHORT_FORM:
                        self._middle[word].add(person.key)
                if len(words) >= 3 and words[0] not in CHARACTER_TITLES and words[1] not in PARTICLES:
                    self._leading[" ".join(words[:2])].add(person.key)
                if (at := next((i for i, word in enumerate(words) if word in PATRONYMIC_PARTICLES), 0)) >= 2:
                    for given in words[1:at]:  # "Nur Aisyah binti Rahman" is "Aisyah" to everybody
                        self._first[given].add(person.key)
            for character in person.characters:
                self._index_character(character, person.key)

    def _index_character(self, character: str, key: str) -> None:
        folded = normalize_name(character)
        if not folded:
            return
        entry = (character, key)
        self._characters[folded].add(entry)
        words = untitled(folded).split()  # "Detective Sergeant Isla Calloway" is "Isla Calloway" and "Isla"
        self._characters[" ".join(words)].add(entry)
        if len(words) >= 2:
            self._characters[words[-1]].add(entry)
            self._characters[words[0]].add(entry)
        if len(words) >= 3:  # "Ser Calder Vey", "Chief Engineer Ozzie Kalnins": a rank no list holds, then the name
            if words[-2] not in FOLDED_PARTICLES:  # not the "á" of "Tróndur á Bakka"
                self._characters[words[-2]].add(entry)
            # "Peigi Anna MacNeil" is "Peigi Anna"; "Dòmhnall Iain Beag" is "Dòmhnall Iain"
            self._characters[" ".join(words[:-1])].add(entry)

    def name_of(self, key: str | None) -> str | None:
        person = self.people.get(key) if key else None
        return person.name if person else None

    def keys_of(self, written: str) -> set[str]:
        """Everyone whose full name or alias the written text is."""
        return set(self._full.get(clean_written(written), ()))

    def knows(self, written: str) -> bool:
        """Whether the written text is some person's full name or alias."""
        return clean_written(written) in self._full

    def resolve(self, written: str, *, context_keys: Collection[str] = ()) -> Resolution:
        """Resolve a written name to one person, or say who it might be, or that nobody fits."""
        folded = clean_written(written)
        if not folded:
            return Resolution(None, written)
        if exact := self._full.get(folded):
            return self._pick(written, exact, context_keys, EXACT)
        words = folded.split()
        start = 0
        while len(words) - start > 2 and words[start] in TITLES_BEFORE_A_NAME:
            start += 1  # "Dame Opal Strickland", "Lt. Marisol Benavidez", "Detective Inspector Ruth Kerr"
        if not start and len(words) >= 4 and words[0] in SPANISH_HONORIFICS:
            start = 1
        if start and (titled := self._full.get(" ".join(words[start:]))):
            return self._pick(written, titled, context_keys, EXACT)
        if start and len(words) - start == 2 and (leading := self._leading.get(" ".join(words[start:]))):
            return self._pick(written, set(leading), context_keys, PARTIAL)  # "Ustad Gul Agha": Gul Agha Mangal
        if len(words) == 2 and words[0] in FIRST_NAME_TITLES and words[1] in self._first:
            return self._pick(written, self._first[words[1]], context_keys, PARTIAL)  # "Sir Leo"
        partial = set(self._surname.get(folded, ()))
        if len(words) == 1:
            partial |= self._first.get(folded, set())
        elif len(words) == 2 and words[0] in SURNAME_TITLES and not partial:
            partial = set(self._surname.get(words[1], ()))  # "Chief Bánjọ", "Professor Zungu": a title and a surname
            partial = partial or set(self._full.get(words[1], ()))  # "čika Žika": a title and a one-word alias
        if partial:
            return self._pick(written, partial, context_keys, PARTIAL)
        if len(words) == 2 and (leading := self._leading.get(folded)):
            return self._pick(written, set(leading), context_keys, PARTIAL)
        if len(words) == 1 and (middle := self._middle.get(folded)):
            return self._pick(written, set(middle), context_keys, PREFERRED)
        if len(words) == 1 and (short := self._short_form(folded, context_keys)):
            return short
        stem, hyphen, honorific = folded.rpartition("-")
        if len(words) == 1 and hyphen and stem and (honorific in HYPHENED_HONORIFICS or _suffixed(written)):
            return replace(self.resolve(stem, context_keys=context_keys), name_as_written=written)
        return self._near_miss(written, folded, context_keys)

    def _short_form(self, folded: str, context_keys: Collection[str]) -> Resolution | None:
        """A short form: "Seun" for Oluwaseun Adebayo, "Des" for Desmond Ferraby, the start or end (three
        letters or more) of the first name of exactly one person the article names."""
        if len(folded) < MIN_SHORT_FORM:
            return None
        keys = set()
        for key in context_keys:
            person = self.people.get(key)
            first = clean_written(person.name).split()[0] if person else ""
            if len(first) > len(folded) and (first.startswith(folded) or first.endswith(folded)):
                keys.add(key)
        if len(keys) != 1:
            return None
        (key,) = keys
        return Resolution(key, folded, (key,), NEAR_MISS)

    def _pick(self, written: str, keys: set[str], context_keys: Collection[str], confidence: float) -> Resolution:
        """One key wins outright; among several, one the article names, then one credited on its
        works, wins only if unique."""
        if len(keys) == 1:
            (key,) = keys
            return Resolution(key, written, (key,), confidence)
        ordered = tuple(sorted(keys))
        for prefer in (lambda key: key in context_keys, lambda key: self.people[key].credited):
            preferred = {key for key in keys if prefer(key)}
            if len(preferred) == 1:
                (key,) = preferred
                return Resolution(key, written, ordered, min(confidence, PREFERRED))
            if preferred:
                keys = preferred
        return Resolution(None, written, tuple(sorted(keys)), 0.0)

    def _near_miss(self, written: str, folded: str, context_keys: Collection[str]) -> Resolution:
        """A spelling within two edits of exactly one person's full name or surname (length ≥ 5)."""
        if folded not in self._near_misses:
            self._near_misses[folded] = self._near_miss_keys(folded)
        matches = self._near_misses[folded]
        if len(matches) == 1:
            (key,) = matches
            return Resolution(key, written, (key,), NEAR_MISS)
        return Resolution(None, written, tuple(sorted(matches)), 0.0)

    def _near_miss_keys(self, folded: str) -> set[str]:
        matches: set[str] = set()
        several = len(folded.split()) > 1
        pool = self._full if several else self._surname
        if len(folded) >= MIN_FUZZY_LENGTH:
            spellings = self._fuzzy_spellings("full" if several else "surname")
            for spelling, distance in within_edits(folded, spellings, MAX_EDITS):
                # one word two edits away keeps its first letter: "Carreira", a village, is not Barreiro
                if several or distance <= 1 or spelling[:1] == folded[:1]:
                    matches |= pool[spelling]
        if several and not matches:
            # "Casimere Jolete": a right first name and a near-miss surname.
            first, *_, last = folded.split()
            if len(last) >= MIN_FUZZY_LENGTH:
                for spelling, _ in within_edits(last, self._fuzzy_spellings("one-word surname"), 1):
                    keys = self._surname[spelling]
                    matches |= {key for key in keys if clean_written(self.people[key].name).split()[0] == first}
        # another generation ("Seán Óg Mac Carthaigh" is never his father, Seán Mac Carthaigh) or another
        # middle name ("Yevgenia Pavlovna", "Yevgenia Petrovna") is another person, however close the spelling
        return {
            key
            for key in matches
            if same_generation(folded, (name := clean_written(self.people[key].name))) and middles_agree(folded, name)
        }

    def _fuzzy_spellings(self, pool: str) -> list[str]:
        """The spellings a near miss is measured against: full names or surnames long enough to be
        misspelt, or surnames of one word."""
        if not self._fuzzy:
            self._fuzzy = {
                "full": [spelling for spelling in self._full if len(spelling) >= MIN_FUZZY_LENGTH],
                "surname": [spelling for spelling in self._surname if len(spelling) >= MIN_FUZZY_LENGTH],
                "one-word surname": [spelling for spelling in self._surname if " " not in spelling],
            }
        return self._fuzzy[pool]

    def character(self, written: str) -> tuple[str, str] | None:
        """(character name, actor key) for a character written in full or by one of their names."""
        folded = normalize_name(written).strip(" :,.;")
        folded = POSSESSIVE_RE.sub("", folded) if len(folded) > 2 else folded
        entries = self._characters.get(folded) or self._characters.get(untitled(folded))
        if not entries and len(words := untitled(folded).split()) >= 2:
            # "Marguerite Sallow" for a role credited as "Marguerite": her first or last name, one actor.
            found = self._characters.get(words[0], set()) | self._characters.get(words[-1], set())
            entries = found if len({key for _, key in found}) == 1 else None
        if entries and len(entries) == 1:
            return next(iter(entries))
        if entries and len({key for _, key in entries}) == 1:
            # The same actor under two spellings of one role.
            return sorted(entries, key=lambda entry: len(entry[0]))[-1]
        if (
            entries
            and len(exact := [entry for entry in entries if normalize_name(entry[0]) == folded]) == 1
            and not any(
                normalize_name(entry[0]).startswith(folded + " ") or untitled(normalize_name(entry[0])) == folded
                for entry in entries
                if entry not in exact
            )
        ):
            # "Ochieng", credited as that, beside "Min Ochieng", the mother called by his name (not "Jack" beside
            # "Jack Tamblyn", the same role's full name, another actor's in another version, nor "Inspector Ramsbottom")
            return exact[0]
        return None

    def described_character(self, written: str) -> tuple[str, str] | None:
        """(character name, actor key) of the one role whose name opens with `written`: "the woman" for a
        role credited as "The Woman Under the Tree"."""
        folded = normalize_name(written).strip(" :,.;")
        entries = {
            entry for name, found in self._characters.items() if name.startswith(folded + " ") for entry in found
        }
        return next(iter(entries)) if len(entries) == 1 else None


def build_directory(people: Iterable[Mapping], works: Collection[str] = ()) -> NameDirectory:
    """A directory from plain records, as a service or fixture file would hold them.

    Each record: `{"key", "name", "aliases": [...], "credits": [{"work", "character"}]}`. A person is
    credited when one of their credits is on one of `works`; their characters are those in `works`
    (all of them when `works` is empty).
    """
    wanted = {normalize_name(work) for work in works}
    entries = []
    for record in people:
        credits = [c for c in record.get("credits", ()) if not wanted or normalize_name(c.get("work", "")) in wanted]
        entries.append(
            PersonEntry(
                key=record["key"],
                name=record["name"],
                aliases=tuple(record.get("aliases", ())),
                credited=bool(wanted) and bool(credits),
                characters=tuple(c["character"] for c in credits if c.get("character")),
            )
        )
    return NameDirectory(entries)


def label_table(directory: NameDirectory, urls: Mapping[str, str]) -> dict[str, str]:
    """Q&A labels (folded) to speakers' pages, resolved as the analyser resolves a label.

    Every full name and alias is a label; a first name or surname is one when it resolves to a
    single person of the directory. `urls` maps keys to pages; people without one are left out.
    """
    table: dict[str, str] = {}
    for key, entry in directory.people.items():
        if key in urls:
            for spelling in (entry.name, *entry.aliases):
                table[" ".join(spelling.split()).casefold()] = urls[key]
    for entry in directory.people.values():
        for spelling in (entry.name, *entry.aliases):
            words = spelling.split()
            for part in (words[0], words[-1]) if len(words) > 1 else ():
                found = directory.resolve(part).key
                if found in urls:
                    table.setdefault(part.casefold(), urls[found])
    return table
