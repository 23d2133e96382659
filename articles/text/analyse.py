"""The analyser: article text and a name directory in, the article's structure out.

It finds what an editor would otherwise mark by hand — the headline, bylines, photo credits and
boilerplate around the copy; the direct quotes and who said them; Q&A turns; "Character (Actor)"
credits; and a spoiler warning turned into a scope. Everything is rule-based and offline, and it
takes a `NameDirectory` rather than querysets, so it runs the same in a service, a test or the
bench. It suggests; editors confirm. When a rule cannot tell two people apart it says so instead
of guessing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache
from itertools import chain, islice

from people.names import normalize_name

from .cast import (
    ACTOR_WHO_PLAYS_RE,
    AGE_WORDS,
    ANONYMOUS_LABELS,
    CAP_WORD,
    FILLER,
    FORMS_OF_ADDRESS,
    GIVEN_NAME_FORMS,
    HONORIFICS_AFTER,
    LANGUAGES,
    NAME,
    NEW,
    NICKNAME_RE,
    NOT_INTRODUCING_WORDS,
    NOT_NAME_WORDS,
    NOT_PERSON_ENDINGS,
    OFFICE,
    PARTICLE,
    ROLE,
    ROSTER_WORDS,
    SENTENCE_WORDS,
    TITLE_ONLY_WORDS,
    UPPER,
    WORD,
    ArticleCast,
    Pairing,
    PronounCredit,
    after_owner,
    article_cast,
    inside_quotation,
    named_as_thing,
    opens_balinese_name,
    opens_no_name,
    opens_sentence,
    paragraph_words,
    pronoun_credits,
    role_after,
    sentence_start,
    trim_role,
    without_style,
)
from .directory import (
    CHARACTER_TITLES,
    GENERATIONS,
    HYPHENED_HONORIFICS,
    PARTICLES,
    PREFERRED,
    NameDirectory,
    PersonEntry,
    Resolution,
    clean_written,
    untitled,
)

__all__ = [
    "Analysis",
    "FoundCredit",
    "FoundQuote",
    "QATurn",
    "SpoilerNotice",
    "analyse",
    "analyse_body",
    "find_quotes",
    "split_paragraphs",
]

# --- Vocabulary -----------------------------------------------------------------------------------

PRONOUNS = {"he": "m", "she": "f", "they": None}
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
DESCRIPTOR_GENDER = {
    "actress": "f", "ballerina": "f", "chairwoman": "f", "chairman": "m", "actor": None, "star": None, "co-star": None,
}  # fmt: skip
# "the actress", and with up to two modifiers: "the 34-year-old actress", "the show's creator".
JOB = (
    r"(?:actress|actor|star|co-star|director|creator|showrunner|dancer|ballerina|writer|author|novelist|producer"
    r"|singer|critic|host|comedian|choreographer|filmmaker|designer|composer|playwright|musician|presenter"
    r"|executive|cinematographer|editor|moderator|coordinator|supervisor|mixer"
    r"|secretary|chair|chairwoman|chairman|manager|judge|owner|collector|inspector)"
)
# What a person's own work says they are: "Simran Kaur's novel" makes her "the novelist".
OWNED_WORK_JOBS = {
    "novel": ("novelist", "author", "writer"), "book": ("author", "writer"), "memoir": ("author", "writer"),
    "play": ("playwright", "writer"), "screenplay": ("writer",), "podcast": ("host",),
    "film": ("director", "film-maker", "filmmaker"),  # "Heng Sambath's film about a floating village"
    "drama": ("director", "film-maker", "filmmaker"), "documentary": ("director", "film-maker", "filmmaker"),
}  # fmt: skip
WORK_OWNED_RE = re.compile(
    r"[ \t]+(?:(?:best-selling|bestselling|debut|first|second|third|latest|new)[ \t]+)?"
    r"(?P<work>novel|book|memoir|play|screenplay|podcast)\b"
    # an actor's film is "Obi's new film", "her film debut": only the film itself, about something, is the director's
    # ("Kostas Vlachogiannis's 1994 drama about the night ferry", "her documentary about …")
    r"|[ \t]+(?:\d{4}[ \t]+)?(?P<film>film|drama|documentary)[ \t]+(?=about\b)",
    re.IGNORECASE,
)
DESCRIPTOR = rf"(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?!the\b)[{WORD}’'-]+\s+){{0,2}}?(?:{JOB}-)?{JOB}\b)"
DESCRIPTOR_RE = re.compile(DESCRIPTOR)
REVEAL_REACH = 6  # paragraphs back a "Her name is …" names the holder of a job
REVEAL_WINDOW = 2000  # characters of each of them read, so a long paragraph is never read once per name
# "Her name is Morwenna Blaylock", "His name, it turns out, is Haldor Sveinsson".
NAME_REVEAL_RE = re.compile(r"\b(?:[Hh]er|[Hh]is|[Tt]heir)[ \t]+(?:real[ \t]+)?name(?:,[^,.;:]{1,30},)?[ \t]+is[ \t]+$")
JOB_MENTION_RE = re.compile(rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:(?P<kind>[a-z]+)[ \t]+)?(?P<job>{JOB})\b")
# A quote that opens on someone as the subject of its first sentence: "Obinna had a sore throat".
QUOTE_OPENS_ON_RE = re.compile(
    rf"(?:^[ \t]*|[.!?;,][ \t]+(?:(?:and|but|so|then)[ \t]+)?)(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD})?)[ \t]+"
    r"(?:had|has|was|is|did|does|could|would|will|went|came|got|made|took|gave|knew|thought|found|left|sat|stood"
    r"|ran|began|kept|saw|felt|brought|[a-z]{2,}ed)\b"
)
FOLLOWING_QUOTES_WINDOW = 1500  # characters after a quote read for the quotes that go on from it
# A person named as a member of something: "Lorimer Dace of the Kingsway Gazette", "Ruth Abernethy at Lantern".
MEMBER_OF_RE = re.compile(rf"(?P<name>{NAME})[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?$")
# Who made a thing, not who is in it: "created by Malachy Dorrington", "designed by the costumier X"; and
# the job the verb gives them ("The costumes were designed by Shirin Ebrahimzadeh. … The designer admits it.").
MADE_BY_JOBS = {
    "designed": "designer", "directed": "director", "written": "writer", "produced": "producer",
    "composed": "composer", "choreographed": "choreographer", "edited": "editor", "created": "creator",
}  # fmt: skip
MADE_BY_RE = re.compile(
    rf"\b(?P<verb>{'|'.join(MADE_BY_JOBS)}|devised|developed|adapted|made|commissioned)[ \t]+by[ \t]+"
    r"(?:the[ \t]+\w+[ \t]+)?$",
    re.I,
)
# "Its costumes are by Lusine Ter-Hovhannisyan", "The score is by Unni": the job of whoever made that part
MADE_PART_JOBS = {
    "costumes": ("designer", "costume designer"), "costume": ("designer", "costume designer"),
    "designs": ("designer",), "design": ("designer",), "sets": ("designer", "set designer"),
    "music": ("composer",), "score": ("composer",), "choreography": ("choreographer",),
    "script": ("writer",), "screenplay": ("writer",), "lighting": ("lighting designer",),
}  # fmt: skip
MADE_PART_RE = re.compile(
    rf"\b(?P<part>{'|'.join(MADE_PART_JOBS)})[ \t]+(?:are|is|were|was|will[ \t]+be)[ \t]+by[ \t]+$", re.I
)
# A name governed by a preposition, so no subject: "representative for New Mexico, Ezequiel …, said".
AFTER_PREPOSITION_RE = re.compile(r"\b(?:for|of|in|at|from)[ \t]+$")
# The rest of a title in capitals: "Head of Drama", "Minister for Culture"
TITLE_OF_RE = re.compile(rf"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[{UPPER}][{WORD}'’-]*(?:[ \t]+[{UPPER}][{WORD}'’-]*)?")
APPOSED_NAME_RE = re.compile(
    # "the second judge, the food writer Seonaid Gillanders, described …": the name after a job of its own
    rf",[ \t]+(?:(?:the|a|an)[ \t]+(?:[a-z][{WORD}’'-]*[ \t]+){{1,3}})?(?P<name>{NAME})"
    r"(?=[ \t]*[,:;.(]|[ \t]+[a-z]|[ \t]*$)"
)
# A job written next to a name, which "the composer" later points back to: "composer Ezinne Ukwu",
# "the show's composer, Ezinne Ukwu", "Ezinne Ukwu, the composer".
# "the director, Ada Obi", "the director Ada Obi", "The director is Ada Obi"
# and a form's field: "Inspector: I. Popov."
JOB_BEFORE_RE = re.compile(
    rf"(?:\b(?P<kind>[a-z]+)[ \t]+)?\b(?P<job>{JOB})(?:,|:|[ \t]+is)?[ \t]+(?-i:[{UPPER}]\.[ \t]*)?$", re.IGNORECASE
)
JOB_BRACKETED_RE = re.compile(rf"[ \t]+\((?:the[ \t]+)?(?:(?P<kind>[a-z]+)[ \t]+)?(?P<job>{JOB})\)")
# "The judges, as ever, were Chef Aurelio Garbuglia, who …, and the food writer Farah Qureshi-Lyall": a job
# several people share, and the names listed after it in the sentence.
JOBS_LISTED_RE = re.compile(
    rf"\b[Tt]he[ \t]+(?:(?P<kind>[a-z]+)[ \t]+)?(?P<job>{JOB})s(?:,[^,.;:]{{1,30}},)?"
    r"[ \t]+(?:were|are|included|include)\b"
    r"[^.;:!?“”\"]*$"
)
JOB_AFTER_RE = re.compile(
    rf",[ \t]+(?:the|its|their|our)[ \t]+(?:[{WORD}’'-]+[ \t]+){{0,1}}?(?:(?P<kind>[a-z]+)[ \t]+)?(?P<job>{JOB})\b"
)
NOT_JOB_KINDS = {"the", "a", "an", "its", "their", "our", "his", "her", "my", "your", "and", "of", "as", "by", "with"}
VERB_WORDS = [
    "said", "says", "say", "told", "tells", "explained", "explains", "added", "adds", "revealed", "reveals",
    "admitted", "admits", "continued", "continues", "noted", "notes", "recalled", "recalls", "joked", "jokes",
    "asked", "asks", "shared", "shares", "stated", "states", "insisted", "insists", "replied", "replies",
    "remarked", "remarks", "laughed", "laughs", "quipped", "quips", "confirmed", "confirms", "teased", "teases",
    "acknowledged", "acknowledges", "agreed", "agrees", "wrote", "writes", "warned", "warns", "snapped",
    "snaps", "whispered", "whispers", "declared", "declares", "concluded", "concludes", "offered", "offers",
    "mused", "muses", "gushed", "gushes", "confessed", "confesses", "elaborated", "elaborates", "reflected",
    "reflects", "answered", "answers", "responded", "responds", "observed", "observes", "announced",
    "announces", "assured", "assures", "promised", "promises", "shouted", "shouts", "cried", "cries", "adding",
    "saying", "explaining", "recalling", "noting", "joking", "continuing", "described", "describes", "called",
    "calls", "hinted", "hints", "predicted", "predicts", "began", "begins", "argued", "argues",
    "sings", "sang",  # a musical's line: "Mang Isko stands on a ladder and sings “…”"
    "complained", "complains", "protested",
]  # fmt: skip
VERB = (
    r"(?:"
    + "|".join(sorted(VERB_WORDS, key=len, reverse=True))
    + r"|went on|goes on|pointed out|points out|puts it|put it"
    + r"|kept saying|keeps saying|kept repeating|keeps repeating"  # "“Tighter,” he kept saying."
    + r"|shot back|shoots back|fired back|fires back|hit back|hits back)"  # "“…,” Xana shot back."
)
# "He declined to give his name", "who asked not to be named": someone the article will not name.
NAMELESS_RE = re.compile(
    r"\b(?:declined|refused|would\s+not|wouldn['’]t|did\s+not\s+want|didn['’]t\s+want)\s+to\s+(?:give|share|be)"
    r"\s+(?:(?:his|her|their)\s+(?:full\s+)?name|named|identified)\b"
    r"|\b(?:asked|requested|wished|preferred)\s+not\s+to\s+be\s+(?:named|identified)\b"
    # "who would not give her name"
    r"|\b(?:would\s+not|wouldn['’]t|did\s+not|didn['’]t|will\s+not|won['’]t)\s+(?:give|share)\s+(?:his|her|their)"
    r"\s+(?:full\s+)?name\b"
    # "who asked that his name not be printed", "asked that his name be kept out of the paper", "asked us to
    # leave her out of the paper", "who did not want his name used"
    r"|\b(?:asked|requested)\s+that\s+(?:his|her|their)\s+name\s+not\s+be\s+(?:printed|used|published|given)\b"
    r"|\b(?:asked|requested)\s+that\s+(?:his|her|their)\s+name\s+be\s+(?:kept|left)\s+out\b"
    r"|\basked\s+(?:us|me|the\s+paper)\s+to\s+leave\s+(?:him|her|them)\s+out\b"
    r"|\b(?:did\s+not|didn['’]t)\s+want\s+(?:his|her|their)\s+name\s+(?:used|printed|published|given)\b"
    # "who gave only his first name and then took it back"
    r"|\b(?:gave|would\s+give)\s+only\s+(?:his|her|their)\s+first\s+name\b(?![ \t]*,?[ \t]*[“\"‘]?[A-Z])"
    # "a man of about seventy who would give his name only as Sid": a first name, which names nobody
    # "a drama student who gave her name only as Priya"
    r"|\b(?:(?:would|will|did)\s+(?:only\s+)?give\s+(?:his|her|their)\s+name|gave\s+(?:his|her|their)\s+name"
    r"|introduced\s+(?:himself|herself|themselves))"
    r"\s+(?:only\s+)?as"  # "a bookseller who introduced himself only as Dev"
    r"(?=\s+[“\"‘]?[A-Z][\w'’-]+[”\"’]?(?![ \t]+[A-Z]))"
    # "who would say only that she was Mrs Halloran": a title and a surname, which name nobody either
    r"|\b(?:would|will|did)\s+(?:only\s+)?say\s+(?:only\s+)?that\s+(?:she|he|they)\s+(?:was|were|is|are)"
    r"(?=\s+(?:Mrs|Mr|Ms|Miss|Mx)\.?\s+[A-Z][\w'’-]+\b)"
)


def _nameless_at(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where narration says someone would not be named, in `text` from `start` to `end`; not inside a quote
    ("“A man rang tonight … and wouldn't give his name,” she said" is the quote's own story)."""
    return [
        match.start()
        for match in NAMELESS_RE.finditer(text, start, len(text) if end is None else end)
        if not inside_quotation(text, match.start())
    ]


NAMELESS_AFTER_RE = re.compile(rf"(?:[Hh]e|[Ss]he)[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?:{NAMELESS_RE.pattern})")
# "Quincey-Adair adds that …", "Pell recalls how …": a name reporting what its person said.
REPORTING_RE = re.compile(rf"[ \t]+(?:also[ \t]+)?{VERB}[ \t]+(?:that|how|what|why|when)\b")
# A source that is no one person: "a spokesperson for Northlight", "the studio", "a Netflix representative".
# It is a cue (so the quote is not handed to whoever was named last) with nobody to resolve.
UNNAMED_NOUNS = (
    r"spokesperson|spokeswoman|spokesman|spokespeople|representative|rep|publicist|source|sources|insider"
    r"|family|relatives|lawyer|lawyers|attorney|agent|management|estate|team|publisher|label"
    r"|studio|network|streamer|company|distributor|broadcaster|channel|organi[sz]ers?|festival|academy|statement"
    r"|theatre|theater|school|college|university|council|club|charity|museum|gallery|orchestra|union|guild|trust"
    r"|foundation|hospital|police|force"
)
UNNAMED = (
    # Not "In a statement, his daughter, Efua, said": where the words were said, not who said them.
    # "Toller's attorney, Aurelio Bustamante, told reporters": the attorney speaks, not Toller.
    rf"(?<![Ii]n[ \t])(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]heir|[Hh]er|[Hh]is|[{UPPER}][{WORD}’'-]*['’]s)[ \t]+"
    rf"(?:[{WORD}’'-]+[ \t]+)?"
    rf"(?:{UNNAMED_NOUNS})\b(?![ \t]+(?:drama|dramas|series|show|procedural|thriller|comedy|film|soap)\b)"
    rf"(?:[ \t]+(?:for|at|from)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'&-]*(?:[ \t]+[A-Z][\w’'&-]*)*|[a-z]+))?"
    r"(?!['’]s\b)"  # "the festival's artistic director" is somebody else
)
# What a person wrote is their own words: "her statement said" is she (not so "her lawyer said").
OWN_WORDS_RE = re.compile(
    r"(?P<owner>[Hh]er|[Hh]is)[ \t]+(?:own[ \t]+|written[ \t]+|witness[ \t]+)?"
    r"(?:statement|letter|email|e-mail|note|post|message|memoir|diary|account)"
)
OWNER_PRONOUNS = {"her": "she", "his": "he"}
# Who issued a statement that "the statement said" later quotes: "Pieter-Jan van der Meulen, …, said in
# a statement", "In a statement, Ama Obi said", "a statement from Ama Obi".
STATEMENT_BY_RE = re.compile(
    rf"(?P<who>{NAME})(?:,[^,.;“”\"]{{1,80}})?,?[ \t]+(?:said|says|added)[ \t]+in[ \t]+a[ \t]+"
    rf"(?:written[ \t]+)?statement"
    rf"|[Ii]n[ \t]+a[ \t]+(?:written[ \t]+)?statement,[ \t]+(?P<who2>{NAME})"
    rf"|statement[ \t]+(?:from|by|issued[ \t]+by)[ \t]+(?P<who3>{NAME})"
    # "The jury's statement, read from the stage by its president, the Georgian director Ketevan Tsintsadze"
    rf"|statement,?[ \t]+read[ \t]+(?:out[ \t]+)?(?:[a-z][^,.;“”\"]{{0,40}}?[ \t]+)?by[ \t]+"
    rf"(?:(?:its|the|their)[ \t]+[a-z]+,[ \t]+)?(?:the[ \t]+(?:[{UPPER}][{WORD}]+[ \t]+)?[a-z]+[ \t]+)?(?P<who4>{NAME})"
)
ANOTHER_STATEMENT_RE = re.compile(r"\b(?:[Aa]|[Aa]nother|[Aa]\s+second)[ \t]+(?:[a-z]+[ \t]+)?statement\b")
STATEMENT_REACH = 30  # paragraphs back, the quote's own included, where "the statement" was issued
# Someone the article does not name, introduced by an indefinite: "one critic leaving the screening
# described it as “…”", "…,” said a fan in the queue." Also a cue with nobody to resolve.
NOT_NOUN = r"(?!(?:he|she|they|it|we|i|you|who|that|which|said|says|told|tells|and|or|but|then)\b)"
NOT_LINK = r"(?!(?:[Ss]he|[Hh]e|[Tt]hey|I|[Ww]e|and|or|but|then)\b)"  # nor "a pot of tea and asked"
INDEFINITE = (
    rf"(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:{NOT_NOUN}[a-z][{WORD}’'-]*[ \t]+){{0,2}}{NOT_NOUN}[a-z][{WORD}’'-]*"
    # "a fan from Leeds", never "a case file from her she" (the "she" is the speaker)
    rf"(?:[ \t]+(?:from|at|for|with|of|on|in)[ \t]+(?:(?:an?|the)[ \t]+)?(?:{NOT_LINK}[{WORD}’'-]+[ \t]+){{0,2}}?"
    rf"{NOT_LINK}[{WORD}’'-]+)?"
    rf"(?:[ \t]+[a-z]+ing(?:[ \t]+[a-z][{WORD}’'-]*){{0,3}})?"
)
# Characters a name's word can hold after its first letter. A name starts where none of them comes
# before it: a search for names then tries each word once, not each letter of a long word.
WORD_INSIDE = "_'’-"
WORD_START = rf"(?<![{WORD}'’-])"
# "his mother says": a relative of the person last named, found through what the article says of them.
KIN = r"(?:mother|father|son|daughter|brother|sister|wife|husband)"
# Who speaks for someone, after their name's "'s" ("Selma Ndilo's agent"); never "X's actor", who plays X
ENTOURAGE = r"(?:agent|manager|publicist|lawyer|spokes(?:man|woman|person)|assistant|secretary|driver)"
KIN_GENDER = {
    "mother": "f", "daughter": "f", "sister": "f", "wife": "f",
    "father": "m", "son": "m", "brother": "m", "husband": "m",
}  # fmt: skip
KIN_WHO = rf"(?:[Hh]is|[Hh]er|[Mm]y)[ \t]+{KIN}"
THEIR_KIN_RE = re.compile(rf"\b(?:[Hh]is|[Hh]er)[ \t]+(?P<kin>{KIN})\b(?!,?[ \t]+[{UPPER}])")
MY_KIN_RE = re.compile(rf"\b[Mm]y[ \t]+(?P<kin>{KIN})\b(?!,?[ \t]+[{UPPER}])")
# "Papadopoulou's father was the last to leave.": a relative named by whose they are, and not by name.
OWNED_KIN_RE = re.compile(rf"(?<![{WORD}'’-])(?P<owner>{NAME})['’]s[ \t]+(?P<kin>{KIN})\b(?!,?[ \t]+[{UPPER}])")
# "She was the only one of the four to ask me a question first.": a sentence about her, naming no one else.
PRONOUN_SUBJECT_RE = re.compile(rf"\s*(?P<who>She|He)\b[^{UPPER}“”\"‘’]*$")
# "His daughter did not look up.": a sentence about a relative, with no other name in it.
KIN_SUBJECT_RE = re.compile(rf"\s*(?P<who>{KIN_WHO})\b[^{UPPER}“”\"‘’]*$")
# A log's "Mother to YV:": the words are said to the one named after "to".
ADDRESSED_LABEL_RE = re.compile(rf"[{UPPER}][{WORD}'’-]*[ \t]+to[ \t]+[^\s:“”\"]{{1,40}}[ \t]*:[ \t]*$")
# "A woman in a Klitgården fleece who had queued since seven was less reserved. »…«": someone the article
# does not name, just before a quote with no cue.
PERSON_NOUNS = (
    r"(?:woman|man|girl|boy|lady|gentleman|fan|viewer|member|neighbour|neighbor|resident|spectator|onlooker"
    r"|passer-by|guest|visitor|reader|listener|student|pupil|child|customer|local|pensioner|teenager|person|voice"
    r"|passenger|commuter|traveller)"
)
NAMELESS_REACH = 40  # characters after a description where "who did not give her name" may begin
INDEFINITE_SUBJECT_RE = re.compile(
    rf"\s*(?:[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?{PERSON_NOUNS}\b"
    rf"(?:[ \t]+(?:in|from|at|with|on|near)[ \t]+[^.!?“”\",]{{1,60}}?)?"
    rf"(?:[ \t]+(?:who|that)[ \t]+[^.!?“”\"{UPPER}]{{1,80}}?)?"
    rf"[ \t]+(?:was|were|is|had|has|did|[a-z]{{2,}}(?:ed|s))\b[^{UPPER}“”\"‘’]*$"
)
# "Her small son had a question for Yuman Elmenkeev, and asked it without looking up: “…”": a sentence whose
# subject is someone unnamed, leading into the quote with a colon; whoever it names after the verb is spoken to.
UNNAMED_LEAD_RE = re.compile(
    rf"\s*(?:[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?(?:{PERSON_NOUNS}|{KIN})"
    rf"[ \t]+(?:had|was|did|[a-z]{{2,}}(?:ed|s))\b[^.!?“”\"]*:[ \t]*$"
)
ACCORDING_TO_RE = re.compile(r"\b[Aa]ccording\s+to\s+$")
PRONOUN_NEXT_RE = re.compile(r",?\s+(?:he|she)\b", re.IGNORECASE)  # "According to Farr, he …"
# What a possessive name owns: the first word after "'s" past the adjectives of age and order.
OWNED_RE = re.compile(
    r"['’]s[ \t]+(?:(?:new|old|own|latest|last|first|final|long|short|late|former|young|elder|eldest|younger"
    r"|youngest)[ \t]+)*(?P<word>[\w-]+)"
)
OWNED_PEOPLE = {
    "mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "mum", "dad", "parents", "family",
    "children", "kids", "friend", "friends", "partner", "girlfriend", "boyfriend", "fiancé", "fiancée", "ex",
    "agent", "publicist", "lawyer", "boss", "assistant", "manager", "co-star", "colleague", "colleagues", "team",
    "producer", "director", "writer", "character", "rep", "representative", "spokesman", "spokeswoman",
    "spokesperson", "widow", "widower", "sergeant", "deputy", "grandmother", "grandfather", "aunt", "uncle",
    "cousin", "niece", "nephew", "twin", "sibling", "siblings", "mentor", "rival", "lover", "neighbour", "client",
}  # fmt: skip
KIN_OF_RE = re.compile(
    rf"(?<![{WORD}'’-])(?:(?P<owner>{NAME})['’]s|(?P<mine>[Mm]y))[ \t]+(?P<kin>{KIN}),?[ \t]+(?P<relative>{NAME})"
)  # "Penhallow's son, Jory Penhallow", and the writer's own "My mother, Rhoda Brightwater"
# What a writer calls their parents in a first-person piece: "“Is he nice?” Mum said."
HOME_KIN = {"Mum": "mother", "Mom": "mother", "Mummy": "mother", "Dad": "father", "Daddy": "father"}
NARRATOR = "narrator:"  # the writer of a first-person piece, as the owner of their relatives
INVERSE_KIN = {
    "son": ("mother", "father"), "daughter": ("mother", "father"), "mother": ("son", "daughter"),
    "father": ("son", "daughter"), "brother": ("brother", "sister"), "sister": ("brother", "sister"),
    "wife": ("husband",), "husband": ("wife",),
}  # fmt: skip
WHO = rf"(?:{UNNAMED}|{DESCRIPTOR}|{KIN_WHO}|{PRONOUN}|{NAME})"
# "Sol says no, of course.": a role that speaks in narration, with no quotation marks.
CHARACTER_SPEAKS_RE = re.compile(rf"[ \t]+(?:{VERB})\b")
# "The grandfather's line from the trailer, in which Kalys teaches Taalai …": an article about a role's lines,
# whose "he says" may be the role's
ROLES_LINE_RE = re.compile(
    rf"\b(?:(?P<owner>[Tt]he[ \t]+[a-z][{WORD}'’-]*|[{UPPER}][{WORD}'’-]*)['’]s|(?P<pronoun>[Hh]is|[Hh]er))[ \t]+"
    r"(?:(?:most[ \t]+famous|best-known|famous|first|last|final|only|best)[ \t]+)?(?:line|lines|catchphrase)\b"
)  # "Her last line to Radha"
# not ", and her last line," (a clause); a second aside in small letters too: "Baaska, soaked, lying on the ice, says"
APPOSITIVE = r"(?:,[ \t]+(?!(?:and|but|or|yet|so)[ \t])[^,“”\"]{1,100},(?:[ \t]+[a-z]+(?:ing|ed)\b[^,“”\"]{0,60},)?)?"
ADVERB = r"(?:[ \t]+\w+ly)?"

# Whatever someone is called before their name set beside it: "the Crew's captain, the sound recordist Musa Grema
# Bulama, complained": read only with the name after it
APPOSED_WHO = (
    rf"(?:[Tt]he|[Ii]ts|[Tt]heir)[ \t]+(?:[{WORD}’'-]+[ \t]+){{0,2}}?[a-z][{WORD}’'-]*"
    rf"(?=,[ \t]+(?:the[ \t]+(?:[a-z][{WORD}’'-]*[ \t]+){{1,3}})?{NAME},)"
)
APPOSED_WHO_RE = re.compile(APPOSED_WHO)
# "…,” she told PureWow." / "…,” Maiche, who plays Cassie, said." / "…,” says Jefferson."
AFTER_SUBJECT_RE = re.compile(
    rf"^[\s,—–-]*(?:[a-z][{WORD}'’-]*[ \t]+){{0,3}}?(?P<who>{WHO}|{APPOSED_WHO})"
    # "…,” Selma Ndilo's mother, who drove from Oshakati, said.": her mother, somebody else
    rf"(?:(?<=['’]s)[ \t]+(?:{KIN}|{ENTOURAGE})\b)?{APPOSITIVE}{ADVERB}"
    rf"(?:[ \t]+(?P<verb>{VERB})|[ \t]+(?:had|has)[ \t]+(?P<perfect>written|said|told|added))\b"  # "Jensen had written"
)
# Any verb after a named speaker: "…,” Tanaka marvels." / "…!” Madame Dubois informs the donors." Read
# only after a quote that ends like speech, and only for a name the article's cast knows.
OPEN_AFTER_RE = re.compile(
    rf"^[\s,—–-]*(?P<who>{KIN_WHO}|{PRONOUN}|{NAME}){ADVERB}[ \t]+(?P<verb>[a-z]{{2,}}(?:s|ed))\b"
)
# The same, the verb first: "‘Nobody would dare,’ murmurs Lusted." The name ends the sentence.
OPEN_VERB_FIRST_RE = re.compile(
    rf"^[\s,—–-]*(?P<verb>[a-z]{{2,}}(?:s|ed))[ \t]+(?P<who>{NAME})[ \t]*(?:[.;]|,[ \t]+[a-z]|$)"
)
AFTER_VERB_RE = re.compile(
    rf"^[\s,—–-]*(?P<verb>{VERB})[ \t]+(?P<who>{UNNAMED}|{DESCRIPTOR}|{KIN_WHO}\b|{INDEFINITE}|{NAME})"
)  # "…,’ said his mother."
# "“…,” someone called. It was Vuk Pantelić, the boom operator": words nobody is named for, until the next
# sentence says whose they were.
SOMEONE_AFTER_RE = re.compile(
    rf"^[\s,—–-]*(?:someone|somebody|a[ \t]+voice)(?:[ \t]+(?:from|at|in|on|by)[ \t]+[^.!?“”\"]{{1,40}}?)?"
    rf"[ \t]+(?P<verb>{VERB})\b[^.!?“”\"]{{0,60}}[.!?][ \t]+"
)
REVEALED_RE = re.compile(
    rf"(?:It|That|The[ \t]+voice)[ \t]+(?:was|turned[ \t]+out[ \t]+to[ \t]+be|belonged[ \t]+to)[ \t]+"
    rf"(?P<who>{NAME})(?=[ \t]*[,.;—–(])"
)
LEADING_CLAUSE_RE = re.compile(
    r"\s*(?:When|While|After|Before|As|Once|If|Although|Though|Because|Since|Until)\b[^,.!?“”\"]{1,80},"
)
LEADING_CLAUSE_OPEN_RE = re.compile(
    r"\s*(?:When|While|After|Before|As|Once|If|Although|Though|Because|Since|Until)\b[^,.!?“”\"]*$"
)
# A name a quote calls out to, "Retire to what, Bertram?", "Clíona, sit down.": whoever it names is
# spoken to, so not the one speaking.
VOCATIVE_RE = re.compile(
    rf"(?:^|[,;]\s+)(?P<name>[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+)?)(?=\s*[?!]|[,.](?:\s|$))"
)
NESTED_QUOTE_RE = re.compile(r"‘[^‘’]*’|\"[^\"]*\"")
ADDRESSED_RE = re.compile(
    rf"^[\s,—–-]*(?:{NAME}|{PRONOUN}){ADVERB}[ \t]+(?:tells|told|asks|asked|warns|warned|reminds|reminded)"
    r"[ \t]+(?P<whom>her|him)\b"
)
ASKED_BY_RE = re.compile(
    rf"\b[Aa]sked\s+by\s+(?P<who>{NAME})(?:\s+of\s+(?:the\s+)?[{UPPER}][{WORD}'’-]*(?:\s+[{UPPER}][{WORD}'’-]*){{0,3}})?"
    r",?\s+(?:whether|if|why|how|what|when|about)\b[^.!?“”\"‘]{0,200}$"
)
REPLY_AFTER_RE = re.compile(
    rf"^[\s,—–-]*(?P<who>{PRONOUN}){ADVERB}[ \t]+(?:replies|replied|answers|answered|responds|responded|retorts"
    r"|retorted|counters|countered|fires back|fired back|shoots back|shot back|snaps back|snapped back)\b"
)
# A quote given to someone earlier in the paragraph, which the next one carries on from: "“…,” he said. “…”"
CARRIED_ON_RE = re.compile(rf"[,!?…][”\"’][ \t]+(?:{PRONOUN}|{NAME})[ \t]+(?:{VERB})\b")
# Words after a closing mark that start a clause of their own: "“…,” though he added that …".
CLAUSE_AFTER_RE = re.compile(
    r"[\s,]*(?:and|but|though|although|while|whereas|before|as|then|so)\b"
    # "… asks the waiter, “Is it always this hot?”, Marike admits that …": a name reporting something else
    rf"|[\s,]*{NAME}[ \t]+[a-z]{{2,}}(?:s|ed)[ \t]+(?:that|how|whether|why|what)\b"
)
# "…,” added co-star Bob Ray." / "…,” said executive producer Cara Moss on Tuesday."
AFTER_VERB_TITLED_RE = re.compile(
    rf"^[\s,—–-]*(?P<verb>{VERB})[ \t]+(?:(?!(?:in|with|to|of|at|on|for|about|from|by|as|that|when|while)\b)"
    rf"[a-z][{WORD}'’-]*,?[ \t]+){{1,5}}?(?P<who>{NAME})"
)  # "said the show's creator and writer, Ewan Tallis-Greer" too
# "Ann Lee's co-star": a possessive name followed by a relation is not that person.
POSSESSED_RE = re.compile(r"(?<=['’]s)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}[a-z][\w-]*")
AFTER_ACCORDING_RE = re.compile(rf"^[\s,—–-]*according to[ \t]+(?P<who>{UNNAMED}|{DESCRIPTOR}|{NAME})")
# "»eleven calls about a dog who does not exist«, in the words of their spokesman, Almir Delić": whose words
AFTER_WORDS_OF_RE = re.compile(
    rf"^[\s,—–-]*in[ \t]+the[ \t]+words[ \t]+of[ \t]+(?:(?:the|their|its|his|her)[ \t]+[a-z][a-z -]{{1,30}}?,[ \t]+)?"
    rf"(?P<who>{DESCRIPTOR}|{NAME})"
)
# "She continued, “" / "Maiche added: “" / "As Madame Dubois tells the donors, “"
BEFORE_SUBJECT_RE = re.compile(
    rf"(?P<who>{UNNAMED}|{DESCRIPTOR}|{KIN_WHO}|{PRONOUN}|{INDEFINITE}|{NAME})"
    # "Anjali Deshmukh KC, for Ms Michaelidou and the production company, Hartfield Dene Productions, said"
    rf"(?:,[ \t]+for[ \t]+[^,“”\"]{{1,100}},[ \t]+[{UPPER}][^,“”\"]{{1,60}},(?=[ \t]+(?:said|says|told|added)\b)"
    rf"|{APPOSITIVE}){ADVERB}(?:[ \t]+(?:liked|loved|likes|loves|used|tended|tends)[ \t]+to)?"  # "she liked to say"
    rf"(?:[ \t]+(?:has|had|have)(?:[ \t]+(?:since|already|often|always|once|also))?"  # "has described"
    rf"(?=[ \t]+(?:described|said|told|explained|insisted|admitted|warned|joked|recalled|argued|claimed)\b))?"
    rf"[ \t]+(?P<verb>{VERB})\b"
    rf"(?P<tail>[^.!?“”\"]{{0,160}})$"
)
# "The show's producers, Tidewrack Pictures, said", "a spokeswoman for the streamer, Henrike Adebowale-Stroh,
# said": the name set between commas is who speaks.
APPOSED_SUBJECT_RE = re.compile(
    rf"(?<=,[ \t])(?P<who>{NAME}),[ \t]+(?P<verb>said|says|told|added|argued)\b(?P<tail>[^.!?“”\"]{{0,160}})$"
)
# Who a quote is from, with their outlet, just after it: "“…” (Kang Seo-yeon, Hanbit Ilbo)", "“…” –
# Leopold Mwangi-Sørensen, Nordlys Avis".
SOURCE_BRACKET_RE = re.compile(rf"[.!?]?[ \t]*\((?P<who>{NAME})(?:,[ \t]+[^()\n“”\"]{{1,60}})?\)[.]?[ \t]*$")
# A reader's answer signed after it with a name and a town: "“…” Amaia Zabala Ortiz, Bilbao"; a show's line
# and where it was said: "“…” Doña Rocío, episode four."
SOURCE_SIGNED_RE = re.compile(
    rf"[ \t]+(?P<who>{CAP_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*{CAP_WORD}){{1,3}}),"
    rf"[ \t]+(?:[{UPPER}][{WORD}'’-]*(?:[ \t]+[{UPPER}][{WORD}'’-]*){{0,2}}"
    rf"|(?:episode|series|season|act|scene)[ \t]+[\w-]+(?:,?[ \t]+(?:episode|scene)[ \t]+[\w-]+)?)[.]?[ \t]*$"
)
# A guest book's entry, signed after it: "„…“ Signed: Plamen Zhelyazkov, director.", "„…“ Signed: Mila, room 6."
SOURCE_SIGNED_WORD_RE = re.compile(
    rf"[.!?]?[ \t]+(?:Signed|Sgd\.)[ \t]*[:,]?[ \t]+(?P<who>{NAME})(?:,[ \t]+[^\n“”\".]{{1,60}})?[.]?[ \t]*$"
)
# A list of a show's lines: "— Ravi (Suresh Manickam), series one", "— Rosnah binti Harun as Mak Timah"; a poll's
# comments signed with a spaced hyphen, "- Noelani Kahale, 8, Waimānalo".
SOURCE_DASH_RE = re.compile(
    rf"[.!?]?[ \t]+(?:[–—]|-(?=[ \t]))[ \t]+(?P<who>{NAME})(?:[ \t]+\([^()\n“”\"]{{1,60}}\)|[ \t]+as[ \t]+{NAME})?"
    rf"(?:,[ \t]+[^\n“”\".]{{1,60}})?[.]?[ \t]*$"
)
# "His parishioners, he says, mostly know.": a cue set between commas inside a sentence of narration.
ASIDE_CUE_RE = re.compile(
    rf",[ \t]+(?P<who>{PRONOUN}|{NAME})[ \t]+(?:{VERB}),[ \t]+[a-z][^.!?“”\"‘’]{{0,120}}[.!?][ \t]*$"
)
# "She laughed." / "Kimura shrugged again." — a whole short sentence of speech before a quote.
LEAD_SENTENCE_RE = re.compile(
    rf"\s*(?P<who>{PRONOUN}|{NAME}){ADVERB}[ \t]+(?P<verb>{VERB})(?:[ \t]+\w+){{0,4}}[.!]\s*$"
)
LATER_SPEAKER_RE = re.compile(rf"\b{PRONOUN}[ \t]+{VERB}\b")  # a clause of its own whose subject speaks
LEAD_MANNER_RE = re.compile(
    rf"\s*(?P<who>{PRONOUN}|{DESCRIPTOR}|{NAME})(?:,[^,.!?“”\"]{{1,60}},)?[ \t]+(?:was|is)[ \t]+"
    rf"(?:(?:even|much|rather|far|a[ \t]+little)[ \t]+)?"
    rf"(?:blunter|briefer|terser|franker|plainer|shorter|sharper|warmer|gentler|more[ \t]+[a-z]+|less[ \t]+[a-z]+)"
    rf"[.!]\s*$"
)
# "He said he liked Farida enormously, and that anyone who watched would see that." — a whole sentence
# of reported speech, opened by who said it, before their quote.
REPORTED_LEAD_RE = re.compile(
    # ("On the commentary Direk Cha reveals that the jeepney … was borrowed from her uncle. “…”")
    rf"\s*(?:(?:On|In|At|During|Over)[ \t]+(?:the|a|his|her|their)[ \t]+[a-z]+(?:[ \t]+[a-z]+)?,?[ \t]+)?"
    rf"(?P<who>{PRONOUN}|{NAME}){ADVERB}[ \t]+(?:said|says|told[ \t]+\w+|insisted|insists|added|adds|argued|argues"
    rf"|reveals|revealed|admits|admitted|explains|explained|recalls|recalled|claims|claimed)"
    rf"[ \t]+(?:that[ \t]+)?[a-z][^.!?“”\"‘’]{{0,200}}[.!]\s*$"
)
ASIDE_POSSESSIVE_RE = re.compile(r",[ \t]+(?:on|in|with|at|from|after|for|by)[ \t]+(his|her)\b[^,.;:!?“”\"]{0,40},")
NAMED_NEXT_RE = re.compile(
    rf"[ \t]*(?:She|He|The[ \t]+(?:woman|man|girl|boy|stranger))[ \t]+(?:is|turns[ \t]+out[ \t]+to[ \t]+be)[ \t]+"
    rf"(?P<who>{NAME})(?=[ \t]*[,.;—–(])"
)  # "She is Xóchitl Ramírez-Aaltonen,", "The woman turns out to be Hephzibah Lorrimer,"
# "The Salt Ledger": a title, wherever it stands in a sentence (not "The" opening one before a name).
TITLE_RUN_RE = re.compile(rf"(?<=[a-z,][ \t])The[ \t]+[{UPPER}][{WORD}'’-]*(?:[ \t]+[{UPPER}][{WORD}'’-]*)*")
PARTICIPLE_RE = re.compile(r"[A-Z][a-z]{2,}ing")  # "Standing", "Laughing": a sentence's opening verb
# A lone word before a colon that names nobody: a place's last word, a day, a sentence's opening word.
NO_SPEAKER_WORDS = NOT_PERSON_ENDINGS | NOT_INTRODUCING_WORDS | LANGUAGES
LEADING_PHRASE_RE = re.compile(r"[A-Z][^,.;:!?“”\"A-Z]{0,60},")  # "Within five minutes of arriving,"
# A run of capitals that opens with a preposition: when or where, not who ("In Sunday's episode").
PREPOSITION_OPENING_RE = re.compile(r"(?:In|On|At|From|During|Since|Until|After|Before)[ \t]")
# "in Vancouver", "on mugs, T-shirts": a capitalised word after a preposition is a place or a thing (and opening a
# sentence, a time: "In Sunday's episode, …, Kittu radios his mother:").
PLACE_BEFORE_RE = re.compile(
    r"\b(?i:in|on|at|from|to|into|onto|off|across|near|outside|inside|around|throughout|until|till|past|via)"
    r"(?:\s+[a-z]+,)*\s+$"
)
# "I said, “…”", "I would shout back, “…”", "“…,” I told her": the writer of a first-person piece.
I_VERB = rf"(?:{VERB}|say|tell|ask|shout|write|reply|answer|whispered|muttered|croaked)"
I_BEFORE_RE = re.compile(
    rf"(?<![{WORD}'’-])I{ADVERB}(?:[ \t]+(?:would|will|just|then|finally|always|even|once|never|had|have|also|still))*"
    rf"[ \t]+{I_VERB}\b(?:[ \t]+(?!(?:is|was|she|he|they)\b)[a-z][{WORD}'’-]*){{0,4}}[ \t]*[,:]?\s*$"
)  # not "What she wants to do, she says, when I ask, is “…”", nor "When I told her so she said, “…”"
I_AFTER_RE = re.compile(rf"^[\s,—–-]*I{ADVERB}[ \t]+{I_VERB}\b")
# "Underneath it, in his handwriting:": a word with an object after it is a preposition, not a name.
OBJECT_AFTER_RE = re.compile(r"[ \t]+(?:it|them|this|that|these|those|him|her|which)\b")
# "who tells Manolis:": a name after a verb of telling is whom the words are said to.
# A document's words set under its name: "The listing: '…'", "The brochure: “…”".
DOCUMENT_LABEL_RE = re.compile(
    r"[ \t]*The[ \t]+(?P<document>listing|brochure|leaflet|notice|programme|program|menu|label|card|sign|plaque"
    r"|citation|blurb|advert|advertisement)[ \t]*:[ \t]*"
)
TOLD_BEFORE_RE = re.compile(
    r"\b(?:tells|told|telling|asks|asked|asking|warns|warned|warning|reminds|reminded|reminding|informs|informed"
    r"|informing)[ \t]+$"
)
# "Berto turns, sees Nena in the doorway and adds, “…”", "In the final scene Marta relights it herself, with
# the letters Józef wrote to her, and says only, “…”": the speaker is the subject of the first verb, not a
# name inside the clauses between.
COORDINATED_SUBJECT_RE = re.compile(
    rf"(?:^[ \t]*(?:(?:On|In|At|After|Then)[ \t]+(?:[a-z][\w'’-]*[ \t]+){{0,3}}?[a-z][\w'’-]*,?[ \t]+"
    # "On Wednesday, after forty episodes of the question, Tata Saturnino gave …"
    rf"|(?:On|In|At|After|Then|When|Later)[ \t]+[^.!?“”\"]{{0,80}}?,[ \t]+"
    rf"|(?:Later|Then|Finally|Afterwards|Now),?[ \t]+)?|[:;][ \t]+)"
    # "Baaska, soaked, lying on the ice, looks at the sky and says, “…”": asides in small letters after the name
    rf"(?!{SENTENCE_WORDS}\b)(?P<who>{NAME})(?:,[ \t]+[a-z][^,.!?“”\"]{{0,60}}){{0,2}},?"
    rf"[ \t]+(?!(?:{VERB})\b)(?:[a-z]+(?:s|ed)|gave|took|made|went|came|sat|stood"
    rf"|left|put|got|held|threw|kept|ran)\b[^.!?“”\"]{{0,200}}?"
    # "… holds a boubou up to the light and tells Aïda, “…”": whom the words are said to, after the verb
    rf"(?:,?[ \t]+and[ \t]+(?:then[ \t]+)?(?:{VERB})(?:[ \t]+only|[ \t]+{NAME})?"
    # "Tata Saturnino gave the keys not to a son but to Yola, told her «…»"
    rf"|,[ \t]+(?:told|tells|asked|asks)[ \t]+(?:her|him|them))[ \t]*[,:]?[ \t]*$"
)
# "When Neveah confronts Ramon, she keeps her voice low: “" — a colon lead-in names its speaker first.
BEFORE_COLON_RE = re.compile(rf"(?P<who>{WHO})\b[^.!?“”\"]{{0,120}}:\s*$")
# After a name's "'s", a relative or someone who works for them: "Selma Ndilo's mother", "Ndilo's agent"
OWNED_PERSON_RE = re.compile(rf"[ \t]+(?:{KIN}|{ENTOURAGE})\b")
# "She let us see the last page, where he had written in pencil beside the final shot:": the clause's writer
WHERE_WRITTEN_RE = re.compile(
    rf"\b(?:where|on[ \t]+which|in[ \t]+which|on[ \t]+whose[ \t]+[a-z]+)[ \t]+(?P<who>{WHO})[ \t]+(?:had[ \t]+)?"
    rf"(?:written|wrote|scrawled|pencilled|penciled|noted|typed|scribbled)\b[^.!?“”\"]{{0,80}}:\s*$"
)
# A name, what they are doing, and a participle of speech: "Áddjá, kneeling in the snow, telling Risten, “"
TELLING_CUE_RE = re.compile(
    rf"(?:[^“”\"]{{0,200}}?[:;][ \t]+)?(?P<who>{NAME}),[ \t]+[a-z][^.!?“”\"]{{0,80}}?,[ \t]+"
    rf"(?:telling|asking|warning|reminding|saying|shouting|whispering|calling)(?:[ \t]+(?:to[ \t]+)?{NAME})?,?[ \t]*$"
)
# "carries margin notes by the director, Ziad Abou Jaoudé": who wrote a document's notes
NOTES_BY_RE = re.compile(
    rf"\b(?:notes|citations)[ \t]+(?:[a-z]+[ \t]+){{0,2}}by[ \t]+"
    rf"(?:(?:the|its|our)[ \t]+[a-z'’]+(?:[ \t]+[a-z]+)?,?[ \t]+)?(?P<who>{NAME})"
)  # "The citations were written by its chair, Professor Sunethra Abeysekera-Fonseka"
# "Here it is as printed, with his margin notes of this year in square brackets": whoever "his" stands for
NOTES_OWNED_RE = re.compile(r"\b(?P<who>his|her)[ \t]+(?:own[ \t]+)?(?:margin(?:al)?[ \t]+)?(?:notes|annotations)\b")
# Initials that sign a note inside its own quotation marks, after its last sentence: "… This is not Lahore. M.B."
# or with a name the article gives someone: "… Write this on my grave. Sher Alam."
SIGNED_INSIDE_RE = re.compile(
    rf"[.!?][ \t]+(?:(?P<initials>(?:[{UPPER}]\.){{1,3}})|(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}})\.)$"
)
# Who signs with initials: "The log is kept by the house manager, Josep Maria Llull-Serra, who signs it J. M. Ll."
SIGNS_AS_RE = re.compile(
    rf"(?P<who>{NAME}),?[ \t]+who[ \t]+signs[ \t]+(?:(?:it|them|off|(?:his|her|their)[ \t]+\w+)[ \t]+)?"
    rf"(?:(?:as|with)[ \t]+)?(?P<initials>(?:[{UPPER}][a-z]?\.[ \t]?){{1,4}})"
)
# "On the board, Selamawit writes in red, the staff writer Dawit Girma Ayele in blue": whose ink or hand is whose
INKS = r"(?:red|blue|green|black|purple|pink|orange|pencil|biro|capitals)"
WRITES_IN_RE = re.compile(rf"(?P<who>{NAME})[ \t]+(?:writes|wrote|notes|scribbles)[ \t]+in[ \t]+(?P<ink>{INKS})\b")
WRITES_IN_TOO_RE = re.compile(
    rf",?[ \t]+(?:and[ \t]+)?(?:the[ \t]+(?:[a-z]+[ \t]+){{1,3}})?(?P<who>{NAME})[ \t]+in[ \t]+(?P<ink>{INKS})\b"
)
# "“…,” it reads.": the quote is a written thing's, whoever the paragraph said wrote it
IT_READS_RE = re.compile(r"[ \t]*it[ \t]+(?:reads|read|says|said|runs|ran)\b")
WRITINGS = (  # things someone writes whose words an article quotes: "Inês's label", "Nairi's last post"
    r"(?:label|note|letter|post|message|card|caption|comment|sign|plaque|placard|email|text|tweet|inscription"
    r"|dedication)"
)
WRITING_OF_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<owner>{NAME})['’]s[ \t]+(?:(?:own|wall|last|first|short|handwritten)[ \t]+)?{WRITINGS}\b"
)
DOTTED_INITIALS_LABEL_RE = re.compile(
    rf"[ \t*_\[(]*(?P<initials>(?:[{UPPER}]\.[ \t]?){{2,4}})(?:[ \t]+[a-z][^:“”\"\n]{{0,40}})?[ \t*_]*:[ \t]*"
)  # "[J.P. in my earpiece: “…”]"
# A note described, then the initials it is signed with: "Yellow note, L.K.: “…”", "Green note, N.: “…”"
INITIALLED_NOTE_RE = re.compile(
    rf"[ \t*_]*[{UPPER}][a-z]+(?:[ \t]+[a-z]+){{0,2}},[ \t]+(?P<initials>(?:[{UPPER}]\.[ \t]?){{1,4}})[ \t*_]*:[ \t]*"
)
INITIALS_RE = re.compile(rf"[{UPPER}]{{2,4}}")  # a person's initials written as a label: "JCR", "MV"
# "Comment (MK): “…”" in a fitting book: a label's word, then whose initials fill it
INITIALLED_LABEL_RE = re.compile(rf"[ \t]*\((?P<initials>{INITIALS_RE.pattern})\)[ \t]*:[ \t]*")
# Initials after a quote, alone to the paragraph's end: "“Order more anchovies.” J. M. Ll."
INITIALS_AFTER_RE = re.compile(
    # (a particle may stand whole and undotted: "P. Ó C.", "B. Nic D.")
    rf"[ \t]*[—–-]?[ \t]*\(?(?P<initials>(?:(?:[{UPPER}][a-z]{{0,2}}\."
    rf"|(?:Ó|Ní|Nic|Mac|Mc|Uí|Ua|De|Di|Van|Von|Al|El)(?=[ \t]))(?:[ \t]|-(?=[{UPPER}]))?){{1,4}})"
    rf"(?<=\.)\)?[ \t]*[\])]?"
    rf"[ \t]*$"
)
# "Each note is in Nwosu-Eze's handwriting": whose the notes are
NOTES_IN_HAND_RE = re.compile(
    rf"\bnotes?\b[^.;:“”\"]{{0,40}}?\bin[ \t]+(?P<who>{NAME})['’]s[ \t]+(?:own[ \t]+)?(?:handwriting|hand)\b"
)
# "Underneath, in the director's black biro: “…”": whoever holds the job whose pen it is
IN_JOBS_HAND_RE = re.compile(
    rf"\bin[ \t]+the[ \t]+(?:(?P<kind>[a-z]+)[ \t]+)?(?P<job>{JOB})['’]s[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:biro|pen|pencil|ink|hand|handwriting)[ \t]*:[ \t]*$"
)
# … and in a named person's: "Remarks, in Tuorda's hand: “…”"
IN_HAND_RE = re.compile(
    rf"\bin[ \t]+(?P<who>{NAME})['’]s?[ \t]+(?:own[ \t]+)?(?:hand|handwriting|writing)\b[^.!?“”\"]{{0,40}}:[ \t]*$"
)
# "Coordinator's comment: ‘…’" on a form: the words of whoever holds the job
JOBS_REMARK_RE = re.compile(
    rf"(?:^|(?<=[.:;][ \t]))(?:(?P<kind>[A-Za-z]+)[ \t]+)?(?P<job>(?i:{JOB}))['’]s[ \t]+"
    r"(?:comments?|remarks?|notes?|reply|answer|response|verdict)(?:[ \t]+[a-z][^:“”\"]{0,30})?[ \t]*:[ \t]*$"
)
NOTES_OF_JOB_RE = re.compile(rf"(?:\b(?P<kind>[a-z]+)[ \t]+)?\b(?P<job>{JOB})['’]s[ \t]+(?:margin[ \t]+)?notes\b", re.I)
# A word in small letters after a name, which may be how the person is addressed: "Ivvár áddjá"
ADDRESS_AFTER_RE = re.compile(r"[ \t]+([^\W\d_A-Z][\w'’-]*)")
# A second clause whose subject speaks, before a colon: ", and Koos told Elmarie:"
AND_SUBJECT_COLON_RE = re.compile(rf",[ \t]+and[ \t]+(?P<who>{NAME})[ \t]+(?:{VERB})\b[^.!?“”\"]{{0,60}}:\s*$")
# "Direction, Sobczak-Lis:": after a label of one word, the name of who fills it, and nothing else.
LABEL_NAMED_RE = re.compile(rf",[ \t]+(?P<name>{NAME})[ \t]*:\s*")
# "in the network's words, “…”", "in Kimura's own words: “…”".
WORDS_OF_RE = re.compile(
    rf"\b[Ii]n[ \t]+(?P<who>(?:[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Tt]heir)[ \t]+(?:[{WORD}’'-]+[ \t]+)?"
    rf"(?:{UNNAMED_NOUNS})|{NAME})"
    rf"['’]s?[ \t]+(?:own[ \t]+)?words,?[ \t]*$"
)
# "… collected the award and read out a message he had sent that afternoon:", "a letter from Ada
# Obi:": the words that follow are the sender's, not the reader's.
MESSAGE_FROM_RE = re.compile(
    # ("A statement from Kawika Nāone-Akana, head of programming: “…”" opening a notice's line too)
    # ("… and its label, from Rui Pedro Carvalho, is the only one that made me stop: “…”")
    rf"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ \t]+(?:[a-z]+[ \t]+)?"
    rf"(?:message|letter|note|email|e-mail|text|voicemail|statement|label|caption|card|post)"
    rf"(?:[ \t]+from[ \t]+|,[ \t]+from[ \t]+|[ \t]+(?:that[ \t]+|which[ \t]+)?"
    rf"(?=(?:{PRONOUN}|{NAME})[ \t]+had[ \t]+(?:sent|written|recorded|left)\b))"
    rf"(?P<who>{PRONOUN}|{NAME})\b[^.!?“”\"]{{0,80}}:[ \t]*$"
)
# "Hætta quotes the young actress Elle Kristine Sara, who plays …: “…”": the one quoted
QUOTES_WHOM_RE = re.compile(
    rf"\b(?:quotes|quoted|cites|cited)[ \t]+(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,3}})?(?P<who>{NAME})"
    rf"(?:,[^“”\"]{{1,120}})?:[ \t]*$"
)
# "Dr. Zúñiga’s question was answered by Huamán de la Torre herself, on Instagram: “…”"
ANSWERED_BY_RE = re.compile(
    rf"\b(?:answered|settled|taken[ \t]+up)[ \t]+by[ \t]+(?P<who>{NAME})\b[^.!?“”\"]{{0,80}}:[ \t]*$"
)
# "Her reply gets the biggest laugh of the night:", "Her answer, as the usher reported it:"
REPLY_OF_RE = re.compile(
    r"(?<![^\s])(?P<owner>[Hh]is|[Hh]er)[ \t]+(?:reply|answer|response|verdict)\b(?P<aside>,)?[^.!?“”\"]{0,160}[:—–]"
    r"[ \t]*$"
)
WRITTEN_READS_RE = re.compile(
    r"\b(?:reads|read|runs|ran)(?:[ \t]+in[ \t]+(?:part|full)|[ \t]+simply)?[ \t]*[:—–][ \t]*$"
)
# "It continues:", "And, in a postscript:": more of the words last quoted, from the same letter or statement.
CONTINUES_RE = re.compile(
    r"(?:^|[.!?][ \t]+)(?:(?:It|The[ \t]+(?:letter|statement|reply|note|message|email|post))[ \t]+"
    r"(?:continues|continued|goes[ \t]+on|went[ \t]+on)"
    r"|(?:And,?[ \t]+)?[Ii]n[ \t]+(?:a|the|her|his|its)[ \t]+(?:postscript|P\.S\.)|P\.S\.)[ \t]*[:,—–][ \t]*$"
)
LINE_IS_OWNERS_RE = re.compile(
    rf"\b[Tt]he[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,3}}?(?:line|words)[ \t]+(?:is|are|was|were)[ \t]+"
    rf"(?P<who>{NAME})['’]s\b"
)  # "The film's best-known line is Gulalai's"
# … and the owner is who the sentence goes on about: "… is Gulalai's, from the scene in which she sings"
LINE_IS_BEFORE_RE = re.compile(r"\b(?:line|words)[ \t]+(?:is|are|was|were)[ \t]+$")
# "Farai Zvobgo's is the lion, so on set he is simply Shumba": a possessive that owns nothing named stands for its owner
OWNS_NOTHING_NAMED_RE = re.compile(r"[ \t]+(?:is|was)[ \t]+the\b")
# Whom a sentence asks, tells or sends something to: "he tells Ngaio", "I sent Tamar a photograph"
ASKED_OR_TOLD_RE = re.compile(
    rf"\b(?:tells|told|asks|asked|sent|sends|texted|texts|emailed|emails|wrote[ \t]+to|writes[ \t]+to)[ \t]+"
    rf"(?:(?:Ms|Mr|Mrs|Dr)\.?[ \t]+)?(?P<whom>{NAME})"
)
POSSESSIVE_NAME_RE = re.compile(rf"(?<![{WORD}'’-])(?P<who>{NAME})['’]s[ \t]")
# "Veck's last line — “…” —", "Marguerite's reply: “…”": the words that follow are the owner's.
# "From table three came a shout of “Biba!”": a word or two from someone in a crowd.
SHOUT_OF_RE = re.compile(
    r"\b(?P<shout>(?:an?|one|another)[ \t]+(?:[a-z]+[ \t]+)?(?:shout|cry|yell|scream|heckle|call))[ \t]+of[ \t]*$"
)
# A possessive name, a word or two of description and the quote: "Ruth Nakato's dry “…”".
# (the quote the subject of what follows: "… is the best line of the season"; not "Kęsicka-Boyd's script ‘out of
# politeness’ and put it down", someone else's words about it)
OWNERS_QUOTE_RE = re.compile(rf"(?<![{WORD}'’-])(?P<who>{NAME})['’]s[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+)?$")
SUBJECT_QUOTE_AFTER_RE = re.compile(r"[ \t]+(?:is|was|has|had|became|becomes|remains|remained)\b")
LINE_OF_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<who>{NAME})['’]s[ \t]+"
    rf"(?:(?:most[ \t]+(?:quoted|famous|repeated)|best-known|last|final|first|opening|closing|best|famous|parting"
    rf"|only)[ \t]+)?"  # "Absalon's most famous line, »…«"
    # "Director's note, verbatim:"
    rf"(?:line|words|speech|reply|answer|verdict|toast|catchphrase|note|question)(?:,[ \t]+verbatim)?"
    # "Mertxe's only line in that scene, “…”", "Mang Caloy's line to the passenger who won't pay, “…”"
    rf"(?:[ \t]+(?:in|of|from|to|at)[ \t]+(?:that|this|the|a|an|his|her|their)[ \t]+[^.!?“”\",:]{{1,60}}?"
    # "Koro Pita's line as the marchers reach the harbour, “…,”"
    rf"|[ \t]+(?:as|when|while)[ \t]+(?:the|a|an|his|her|their|they|he|she)[ \t]+[^.!?“”\",:]{{1,60}}?"
    # "Baba Oloja's line from episode 12, “…,”"
    rf"|[ \t]+(?:in|from)[ \t]+(?:episode|series|season|act|scene|chapter)[ \t]+[\w-]+)?"
    # "Bosscha’s first question - “…”", "Teresina's line “…”"
    rf"[ \t]*(?:[—–:][ \t]*|-[ \t]+|,[ \t]*|(?<=line)[ \t]+)$"
    # "Judith's first line, spoken to a merchant …, is the one the trailer made famous: “…”"
    rf"|(?<![{WORD}'’-])(?P<owner>{NAME})['’]s[ \t]+"
    rf"(?:(?:most[ \t]+(?:quoted|famous|repeated)|best-known|last|final|first|opening|closing|best|famous|parting"
    rf"|only)[ \t]+)?"
    # "Nan's only line of the scene:", "Halmeoni's best line of the series, said to Do-hyun …, was …:", "Nigel’s
    # most quoted line from the first series, shouted at …, has become a chant …:"
    rf"line(?=[ \t]*[,:]|[ \t]+(?:of|in|from)\b)(?:[ \t]+(?:of|in|from)[ \t]+[^.!?“”\",]{{1,60}})?"
    # "Hribar's most famous line, Matevž's verdict on any family quarrel, was »…«"
    rf"(?:,[^.!?“”\"]{{1,200}})?(?::|,?[ \t]+(?:was|is))[ \t]*$"
    # "Sizwe Mthembu's constable gets the best line of the first two episodes, delivered …: “…”"
    rf"|(?<![{WORD}'’-])(?P<actor>{NAME})['’]s[ \t]+[a-z][{WORD}'’-]*[ \t]+(?:gets|has|delivers|is given)[ \t]+"
    rf"(?:the|a)[ \t]+(?:[a-z]+[ \t]+)?line\b[^.!?“”\"]{{0,160}}:[ \t]*$"
    # "Salome Fuhiniu, who plays the mother …, has the line every parent in Auckland has been quoting: “…”"
    rf"|(?<![{WORD}'’-])(?P<haver>{NAME})(?:,[ \t]+who[ \t][^.!?“”\"]{{1,120}}?,)?[ \t]+(?:gets|has|had|delivers)[ \t]+"
    rf"(?:the|a)[ \t]+(?:[a-z]+[ \t]+)?line\b[^.!?“”\"]{{0,160}}:[ \t]*$"
    # "Nairi Ghukasyan's last post, at 3:14 a.m., read simply: “…”": the words of whoever wrote it
    rf"|(?<![{WORD}'’-])(?P<writer>{NAME})['’]s[ \t]+(?:(?:last|final|first|latest|only|own|farewell)[ \t]+)?"
    rf"{WRITINGS}(?:,[^“”\"]{{1,60}}?,)?[ \t]+"
    rf"(?:read|reads|said|says|ran|runs)(?:[ \t]+(?:simply|only|in[ \t]+full|as[ \t]+follows))?[ \t]*[:,—–][ \t]*$"
    # "… go back to the woman's only line of dialogue, spoken to Wanjikũ …: “…”": a role named by what it is
    # (or set off by a comma: "the makhadzi's line from episode 12, ‘…’")
    rf"|\b(?P<described>[Tt]he[ \t]+[a-z]+)['’]s[ \t]+(?:(?:only|last|first|final|one)[ \t]+)?line\b"
    rf"[^.!?“”\"]{{0,160}}[:,][ \t]*$"
    # "The line Ton used to propose to Ana in season one has become a local joke, and … guests said it …: “…”"
    rf"|\b[Tt]he[ \t]+(?:[a-z-]+[ \t]+)?line[ \t]+(?P<user>{NAME})[ \t]+(?:used|uses|said|says|spoke|speaks|delivered"
    rf"|delivers|shouted|shouts)\b[^.!?“”\"]{{0,200}}:[ \t]*$"
    # "The line viewers quote back to him, he says, is one of Ekasi Sinrit's from the second episode, said to …: “…”",
    # "The line the children shouted at him … was the headman's, from the second episode, …: “…”": whose, after it
    rf"|\b[Tt]he[ \t]+(?:[a-z-]+[ \t]+)?line\b[^.!?“”\"]{{0,120}}?[ \t]+(?:is|was)[ \t]+(?:one[ \t]+of[ \t]+)?"
    rf"(?:(?P<possessor>{NAME})|(?P<possessed>the[ \t]+[a-z]+))['’]s\b[^.!?“”\"]{{0,200}}:[ \t]*$"
)
PRONOUN_LINE_RE = re.compile(
    r"\b(?P<owner>[Hh]is|[Hh]er)[ \t]+(?:(?:famous|best-known|favourite|last|first|only|usual|parting|most-quoted"
    r"|best-loved)[ \t]+)?"
    r"(?:catchphrase|line|motto|refrain|sign-off|greeting|verdict|reply|answer)[ \t]+(?:is|was)[ \t]*[:,—–]?[ \t]*$"
    # "Underneath it, in his handwriting: “Never again.”"
    r"|\b[Ii]n[ \t]+(?P<owner2>[Hh]is|[Hh]er)[ \t]+(?:own[ \t]+)?(?:handwriting|hand|words)[ \t]*[:,—–][ \t]*$"
    # "Under Sreelatha's confrontation with Kunjappan, ending on her line “…”"
    r"|\b(?:on|with)[ \t]+(?P<owner3>his|her)[ \t]+(?:(?:last|final|first|opening|closing|own)[ \t]+)?line"
    r"[ \t]*[:,]?[ \t]*$"
    # "Her catchphrase, delivered over a clipboard, became a playground staple: “…”"
    # "Her best line, thrown at her brother in a taxi, was also the biggest laugh in the theatre: “…”"
    r"|(?<![^\s])(?P<opening>His|Her)[ \t]+(?:(?:best|famous|best-known|favourite|last|first|only|parting"
    r"|most-quoted|most\s+quoted|most\s+famous|best-loved|most-loved|most\s+repeated)[ \t]+)?"
    # "Her last line to Radha, '…'"
    r"(?:catchphrase|motto|refrain|sign-off|line)\b"
    r"(?:[^.!?“”\"]{0,160}[:—–]|(?:[ \t]+to[ \t]+[^.!?“”\",]{1,40})?,)[ \t]*$"
    # "His rule, as Hætta records it: “…”"
    r"|(?<![^\s])(?P<owner4>His|Her)[ \t]+(?:rule|advice|maxim|mantra|motto|answer|reply)"
    r",[ \t]+as[ \t]+[^,:“”\"]{1,40}?[ \t]+(?:records|recorded|puts|put|writes|wrote|tells|told|has)"
    r"[ \t]+it[ \t]*:[ \t]*$"
    # "The book ends on a sentence of her own that I have not stopped thinking about: “…”"
    r"|\b(?:sentence|line|words|thought|paragraph)[ \t]+of[ \t]+(?P<owner5>his|her)[ \t]+own\b[^.!?“”\"]{0,80}:[ \t]*$"
)
# A shout-out's "To Tolulope, …": whom the words are for, up to the comma.
ADDRESSEE_LABEL_RE = re.compile(r"[ \t*_]*To[ \t]+[^,:“”\"]{1,80}")
# "To Iya Tunde and the catering team, from the lighting department:", "from Chief Olapade:": who the words are from
FROM_SPEAKER_RE = re.compile(rf"(?:^|,)[^,:“”\"]{{0,80}}?\bfrom[ \t]+(?P<who>{NAME})[ \t]*:[ \t]*$")
BEFORE_ACCORDING_RE = re.compile(rf"[Aa]ccording to[ \t]+(?P<who>{UNNAMED}|{DESCRIPTOR}|{NAME}),?\s*$")
# A closing quote mark may sit between the full stop and the space: "…the crew.” Ray agreed."
# An insertion in brackets, "[sic]", "[the director]"; not a note of whole sentences, "[Gąsiorek told us …. “…,”
# he said.]", which is narration like any other.
BRACKETED_RE = re.compile(r"\[(?![^\]]*[.!?][”\"’']?\s)[^\]]*\]")
# Where a sentence of narration ends, for how far a pronoun after a name may belong to it.
NARRATION_STOP_RE = re.compile(r"[.!?]\s")
SENTENCE_BREAK_RE = re.compile(rf"[.!?…][*_)\]”’\"']*\s+(?=[{UPPER}“\"‘*_(\[])")
NAME_RUN_RE = re.compile(NAME)
POSSESSIVE_RE = re.compile(r"['’]s?$")
# Subject and reflexive forms only: "joined her" or "told him" is usually about somebody else.
# A pronoun just after one of these words starts a clause about someone else as often as not:
# "…," Kimura says once he has gone.
SUBORDINATE_RE = re.compile(
    r"\b(?:once|when|after|before|until|unless|while|if|because|since|though|although|whether|that|which|who|whom)\s*,?\s+$",
    re.I,
)
PRONOUN_WORD_RE = re.compile(r"\b(he|himself|she|herself)\b", re.IGNORECASE)
SUBJECT_PRONOUN_RE = re.compile(r"\b(?:[Ss]he|[Hh]e)\b")
# A name's verb and its object: "asked him how", "told her,", "thanked him." ("lifted her glass" is hers).
ACTS_ON_RE = re.compile(
    r"[ \t]+(?:[a-z]+ly[ \t]+)?(?:ask|tell|told|thank|warn|remind|interrupt|answer|urge|beg|press|hug|kiss|"
    r"congratulat|introduc|invit|hand)(?:s|ed|es|e|ing)?[ \t]+"
    r"(?:(?P<whom>him)\b|(?P<her>her)(?=[ \t]*[,.;:]|[ \t]+(?:how|what|why|whether|if|about|to|that)\b))"
)
# "She thanked the director, ": a name a pronoun's verb takes as its object is someone else.
OBJECT_OF_PRONOUN_RE = re.compile(
    r"\b(?P<pronoun>[Ss]he|[Hh]e)[ \t]+(?:[a-z]+ly[ \t]+)?(?:thank|ask|tell|told|warn|remind|hug|kiss|prais|introduc"
    r"|invit|call|phon|visit|greet|interrupt|congratulat)(?:s|ed|es|e|ing)?[ \t]+"
    r"(?:(?:the|her|his|their)[ \t]+(?:[a-z-]+[ \t]+){0,2}?[a-z-]+,?[ \t]+)?$"
)
FEMININE_TITLES = {"mrs", "ms", "miss", "madame", "mme", "lady", "dame", "señora", "senhora", "frau"}
PRONOUN_AND_RE = re.compile(r"\b(?:[Ss]he|[Hh]e)\s+and\s+$")
# "Penhal’s son, Jory Penhal": the relative named next is the younger.
YOUNGER_KIN_RE = re.compile(
    rf"\b(?:son|daughter|grandson|granddaughter|nephew|niece|child|grandchild),?[ \t]+(?:[{WORD}'’-]+[ \t]+)?$"
)
RANKED_RE = re.compile(r"\b(younger|elder|older)[ \t]+$", re.IGNORECASE)
# A sentence whose subject is a pronoun.
SENTENCE_SUBJECT_RE = re.compile(r"\s*(?P<pronoun>He|She)\b")
# "her" or "him" as an object ("has taught her to swear"), not "her director".
ANY_OBJECT_RE = re.compile(
    r"\bhim\b|\bher\b(?=\s+(?:to|as|in|on|at|for|with|about|into|from|by|and|or|that|up|out|off|down|back)\b"
    r"|\s*[.,;:!?])",
    re.IGNORECASE,
)
OBJECT_PRONOUN_RE = re.compile(r"\b(?:him|them)\b|\bher\b(?=\s*(?:[.,;:!?]|$))", re.IGNORECASE)
# A name that is the subject of a plain clause, with a possessive later in it that can only be theirs:
# no comma, relative pronoun or "as" between ("Halloran, who wrote it with her editor" is not it).
SUBJECT_POSSESSIVE_RE = re.compile(
    # "plays her husband": his role's; "is his cousin": someone else's relative (but "is her family name" is hers)
    r"[ \t]+(?!(?:plays|played|voices|voiced|portrays|portrayed)\b)"
    rf"(?!(?:is|was)[ \t]+(?:his|her)[ \t]+(?:[a-z]+[ \t]+)?(?:{KIN}|cousin|aunt|uncle|niece|nephew|friend|rival"
    r"|partner)\b)[a-z]+(?:ed|s)\b"
    rf"(?:[ \t]+(?!(?:who|whom|which|that|as|like)\b)[a-z][{WORD}’'-]*){{0,8}}?"
    r"[ \t]+(his|her)\b(?=[ \t]+[a-z])"
)
# A sentence that opens with a pronoun, just after a sentence that named one person.
NEXT_SENTENCE_PRONOUN_RE = re.compile(r"[.!?]?\s*(He|She)\b")
# Words that give a person's gender when they stand just before the name: "the actress Ada Obi",
# "her brother, Vilmos".
GENDERED_WORDS = {
    "actress": "f", "sister": "f", "daughter": "f", "mother": "f", "wife": "f", "aunt": "f", "niece": "f",
    "girlfriend": "f", "grandmother": "f", "widow": "f", "brother": "m", "son": "m", "father": "m",
    "husband": "m", "uncle": "m", "nephew": "m", "boyfriend": "m", "grandfather": "m", "widower": "m",
    "granddaughter": "f", "grandson": "m", "stepdaughter": "f", "stepson": "m", "stepmother": "f",
    "stepfather": "m", "goddaughter": "f", "godson": "m", "fiancée": "f", "fiancé": "m",
}  # fmt: skip
# "my mother", "his late wife", "a woman": someone of a known gender the article does not name.
UNNAMED_PERSON_RE = re.compile(
    rf"\b(?:[Mm]y|[Hh]er|[Hh]is|[Tt]heir|[Oo]ur|[Aa]n?|[Tt]he)[ \t]+(?:[a-z]+[ \t]+)?"
    rf"(?P<noun>{'|'.join(GENDERED_WORDS)})\b"
)
OTHERS_RELATIVE_RE = re.compile(
    rf"\b(?P<owner>[Hh]is|[Hh]er)[ \t]+(?:[a-z]+[ \t]+)?"
    rf"(?P<noun>{'|'.join(word for word in GENDERED_WORDS if word != 'actress')})\b"
)
NAMED_AFTER_RELATIVE_RE = re.compile(rf",?[ \t]+[{UPPER}]|['’]s\b|[ \t]+of\b")  # "his mother, Farideh"
PREDICATE_BEFORE_RE = re.compile(r"\b(?:as|like|is|was|be|been|being|plays|played|playing)[ \t]+$")
PRONOUN_OF_GENDER_RE = {"f": re.compile(r"\b(?:she|her)\b", re.I), "m": re.compile(r"\b(?:he|him)\b", re.I)}
UNNAMED_WINDOW = 600  # characters before a pronoun read for such a person
# "Asked which lunch was best, a spokeswoman for Copperleaf declined to say.": someone unnamed opening a
# clause, with no name after them; the "she" that follows in the paragraph is her.
UNNAMED_GENDER = {**GENDERED_WORDS, "spokeswoman": "f", "spokesman": "m", "woman": "f", "man": "m"}
UNNAMED_SUBJECT_RE = re.compile(
    # "At the petrol station in Hólmavík a man in a boiler suit asked …": after a place too, and dressed
    rf"(?:^|[.!?][ \t]+|,[ \t]+|\b(?:in|at)[ \t]+[{UPPER}][{WORD}-]*[ \t]+)"
    rf"(?:[Aa]n?|[Tt]he|[Oo]ne|[Mm]y)[ \t]+(?:[a-z-]+[ \t]+)?"
    # not "the mother-daughter shout", a compound's first half, nor "the grandfather's voice", an owner
    rf"(?P<noun>{'|'.join(UNNAMED_GENDER)})\b(?!-|['’]s\b)"
    rf"(?![ \t]+(?:of|at|from|on)\b)(?![ \t]+in[ \t]+(?!an?[ \t]))(?![ \t]*,)(?![ \t]+(?:[{UPPER}]|who\b|whom\b))"
)
# "A passenger on the morning train to Glazov, who had recognised Kyz-Yar, was less sentimental.": someone unnamed
# who opens a sentence, of either gender unless the word says which.
UNNAMED_OPENING_RE = re.compile(
    rf"(?:^|[.!?][ \t]+)(?:A|An|One|Another)[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?(?P<noun>{PERSON_NOUNS})\b"
    rf"(?!-|['’]s\b)(?![ \t]*,?[ \t]+[{UPPER}])"
)
PERSON_NOUN_GENDER = {"woman": "f", "girl": "f", "lady": "f", "man": "m", "boy": "m", "gentleman": "m"}
UNNAMED_WHO_RE = re.compile(
    rf"\b(?:[Aa]n?|[Oo]ne)[ \t]+(?:[a-z-]+[ \t]+)?(?P<noun>{'|'.join(UNNAMED_GENDER)})[ \t]+who\b"
)
UNNAMED_WHO_REACH = 160  # characters back from the pronoun to the relative clause's "who"
GENDERED_TITLES = {
    "mrs": "f", "mrs.": "f", "miss": "f", "ms": "f", "ms.": "f", "lady": "f", "madame": "f", "madam": "f",
    "dame": "f", "queen": "f", "princess": "f", "duchess": "f", "countess": "f", "baroness": "f", "mme": "f",
    "mademoiselle": "f", "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
    "duke": "m", "earl": "m", "baron": "m", "monsieur": "m", "ser": "m", "councilman": "m", "councilwoman": "f",
    "sister": "f", "brother": "m", "father": "m", "mother": "f", "aunt": "f", "uncle": "m", "abbess": "f",
    "abbot": "m", "empress": "f", "emperor": "m", "herr": "m", "frau": "f", "señor": "m", "señora": "f",
    "signor": "m", "signora": "f",
    "mama": "f", "papa": "m", "aunty": "f", "auntie": "f", "nana": "f", "granny": "f", "grandpa": "m",
    "tita": "f", "tito": "m",
}  # fmt: skip
GENDERED_AFTER_RE = re.compile(
    # ", his sister", ", who is Eirik Tveit's aunt"
    rf",[ \t]+(?:her|his|their|the|who[ \t]+(?:is|was)[ \t]+"
    rf"(?:her|his|their|the|(?-i:(?:[{UPPER}][{WORD}’'-]*[ \t]+){{0,3}}[{UPPER}][{WORD}-]*['’]s)))"
    rf"[ \t]+(?:[{WORD}’'-]+[ \t]+)?(?P<word>{'|'.join(GENDERED_WORDS)})\b"
    # not a clause of its own: "the medic is Jankauskienė, her husband is Jankauskas"
    rf"(?![ \t]+(?:is|was|has|had|will|would)\b)",
    re.IGNORECASE,
)
# Not the second of two ("a brother and sister, Hendrik du Toit and Marike du Toit": he is the brother).
GENDERED_BEFORE_RE = re.compile(rf"(?<!\band )(?<!& )\b(?P<word>{'|'.join(GENDERED_WORDS)}),?[ \t]+$", re.IGNORECASE)
WORD_RE = re.compile(r"[\w’']+")
# A quotation in a headline: opened at its start or after a space or colon, closed before a space,
# a mark or its end (so "can’t" inside ‘… can’t reverse park’ does not close it).
HEADLINE_QUOTE_RE = re.compile(
    r"(?:^|(?<=[\s(:—–-]))(?:“(?P<a>[^“”]{2,240}?)”|\"(?P<b>[^\"]{2,240}?)\"|[‘'](?P<c>.{2,240}?)[’'])"
    r"(?=$|[\s:,;.!?—–)-])"
)
SMALL_TITLE_WORDS = {"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "with", "from", "by", "or", "but"}

READING_TIME_RE = re.compile(r"^[\s·•|*_\-–—]*(?P<time>\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read)\s*[*_]*$", re.I)
BYLINE_RE = re.compile(
    # and "by" in the paper's own language: "Deur Annelie Visagie", "Por Antía Rodríguez Castro", "Von Jana Beck"
    # and the paper's own words glossed in English: "Yaźźy (written by): Gulnaz Ishmukhametova", "Koroboki iroun
    # (written by): Teretia Baraniko", "Barovpi (writer): …"
    r"^[*_\s]*(?P<glossed>(?:[^\W\d_][\w’'-]*[ \t]+){0,2}[^\W\d_][\w’'-]*[ \t]*\([ \t]*)?"
    r"(?:by|por|par|von|door|deur|av|af|(?:words|text|texto|texte|tekst)(?=\s*[:)])"
    r"|(?(glossed)(?:writer|reporter|author)(?=\s*\))|(?!))"  # "Barovpi (writer): Shefali Kamat, Mapusa"
    r"|interviews? by|interviewed by|questions by|words by|written by|story by|reporting by|review by"
    r"|reviewed by|recap by|chaired(?: and written up)? by|moderated by|hosted by|presented by|live blog by"
    # "Interview and notes by", "Words and pictures by": the writing named first, something else after
    r"|(?:interviews?|words|text|reporting|story)[ \t]+and[ \t]+[a-z]+[ \t]+by"
    r"|prepared by|compiled by|reported by)"  # "Prepared by Mehret Habtom for Mereb TV's education pages"
    r"(?(glossed)[ \t]*\))[:\s]+(?P<rest>.+?)[*_\s]*$",
    re.I,
)
CREDIT_RE = re.compile(
    r"^[*_\s]*(?:(?:photo|photograph|image|picture|credit|photo credit)s?\s*(?:by\s+|[:\-–—]\s*))?"
    rf"(?P<credit>{NAME}\s*/\s*(?:[Cc]ourtesy of .{{2,60}}|[A-Z][\w&.'’ -]{{1,40}}))[*_\s]*$"
    # "Photo: Ama Boateng for Callboard", "Photograph by Ama Boateng", "Image courtesy of Tallis".
    # "Foto's: Wikus Botha", "Court drawings: Jonas Friis"
    r"|^[*_\s]*(?:(?:top|main|header|lead|court)\s+)?(?:photo|photography|photograph|image|picture|photo credit|credit"
    r"|foto|foto's"
    r"|drawing|illustration)s?"
    r"(?:\s*[:\-–—]\s*|\s+by\s+|\s+courtesy\s+of\s+)(?P<labelled>[^\n]{2,80}?)[*_\s.]*$",
    re.IGNORECASE,
)
JOB_WORDS = (
    r"editor|writer|critic|reporter|correspondent|contributor|columnist|producer|editor-in-chief|journalist"
    r"|staff|freelancer"
)
JOB_TITLE_RE = re.compile(
    rf"^[*_\s]*(?:[A-Z][\w-]*\s+){{0,3}}(?:{JOB_WORDS})(?:(?:,|\s+at|\s+for)\s+[\w&.' ]{{1,30}})?[*_\s.]*$", re.I
)
NAME_LINE_RE = re.compile(rf"^[*_\s]*(?P<name>{CAP_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*{CAP_WORD}){{1,3}})[*_\s]*$")
BIO_RE = re.compile(rf"^(?P<name>{NAME})\s+(?:is|was|has been)\s+(?:a|an|the)\b")
HANDLE_RE = re.compile(r"(?<![\w.])@(?P<handle>[A-Za-z0-9_]{2,30})\b")
BOILERPLATE_RES = [
    re.compile(p, re.I)
    for p in (
        r"^want\b.{0,120}\b(?:sent|delivered)\b.{0,60}\binbox\b",
        r"\bclick here\b",
        r"^(?:related|related content|related stories|related articles|read more|more from|recommended)\s*:?\s*$",
        r"^(?:related|read more|read next|recommended|more)\s*:",
        r"^leave a (?:reply|comment)\b",
        r"^sign up (?:for|to)\b",
        r"^subscribe (?:to|for|now)\b",
        r"^(?:follow us|share this|share on)\b",
        r"^advertisement$",
        r"^(?:this (?:article|story) (?:originally )?appeared|originally published)\b",
    )
]
NOT_LABELS = {
    "warning", "spoiler", "spoilers", "spoiler alert", "spoiler warning", "note", "editor's note", "update",
    "updated", "correction", "related", "related content", "read more", "photo", "photos", "image", "credit",
    "verdict", "the verdict", "rating", "our rating", "cast", "starring", "season", "episode", "where to watch",
    "watch", "premise", "bottom line", "the bottom line", "pros", "cons", "tl;dr", "p.s", "ps", "disclosure",
    "pictured", "above", "below", "top", "caption", "photograph", "left", "right", "main image",
    "role", "character", "part", "venue", "location", "date", "time",  # a call sheet's headings: "ROLE: NABIL, 30s"
    "action", "actions", "action point", "agreed", "decision",  # minutes': "ACTION: Veta to find the wetsuit"
    "reply", "response", "citation", "complaint", "nb", "n.b",  # a bulletin's "REPLY:", a jury's "Citation:"
    "provenance", "estimate", "condition", "dimensions", "lot",  # a sale catalogue's: "Provenance: the actor writes"
    "remarks", "remark", "comments", "observations",  # a ledger's column: "Remarks: Claimant said: …"
    "white", "black",  # a chess diagram's sides: "White: Kg1, Rd1. Black: Kg8."
    "holder", "registered", "visitors", "vessels",  # a register's: "Holder: Jåvsset (the series)."
}  # fmt: skip
# "US:" and "WE:": the outlet asking in its own voice, its interviewer
QUESTION_LABELS = {"q", "question", "interviewer", "moderator", "host", "us", "we"}
# Jobs a transcript labels its speakers by, in capitals: the one person the article gives the job.
JOB_LABELS = {"interpreter", "translator", "narrator", "presenter", "chair", "announcer", "compere", "director"}
ANSWER_LABELS = {"a", "answer"}
# Other languages' letters for a question and its answer, read as "Q" and "A" where an article uses both: Spanish
# and Portuguese "P" and "R" (pregunta, respuesta; pergunta, resposta). (German "F:" asks and "A:" answers as it is.)
QA_LETTER_PAIRS = (("p", "r"),)
# Labels for whoever asks from the audience: a question nobody in the article is named for.
FLOOR_LABELS = {
    "floor", "from the floor", "question from the floor", "audience", "audience member", "member of the audience",
    "audience question", "crowd", "caller", "reader", "fan",
}  # fmt: skip

SPOILER_WORD_RE = re.compile(r"\bspoil(?:er|ers)\b", re.I)
# "the spoiler" as a thing a sentence talks about, said in passing: no notice.
SPOILER_IN_PASSING_RE = re.compile(
    r"(?i:\b(?:for|about|of|over|at|by)\s+the\s+spoiler\b(?!s))"
    # "…, a word from the chair, and (if you dare) Spoiler Corner.": a section's name in a list of contents
    r"|(?<=[\w,)]\s)Spoiler\s+(?!Alert\b|Warning\b)[A-Z][a-z]+"
)
SPOILER_FREE_RE = re.compile(
    r"\bspoiler[- ]free\b|\bno (?:(?:major|big|plot|real|serious)[ ]){0,2}spoilers\b|\bwithout (?:any )?spoilers\b"
    r"|\bfree of spoilers\b"
    r"|\bspoilers? (?:is|are) not\b",
    re.I,
)
# "… and there is no way to do that without spoilers": a warning, however it is worded.
SPOILERS_UNAVOIDABLE_RE = re.compile(
    r"\b(?:no\s+way|impossible|can(?:no|['’])?t|could\s*n[o'’]t)\b[^.!?]{0,60}\bwithout\s+(?:any\s+)?spoilers\b", re.I
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    # a long-running serial's milestones: "the hundredth episode", "its fiftieth"
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80,
    "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
NUMBER = r"(\d+|" + "|".join(ORDINALS) + r")"
# "S4 E6", "s02e05", and the American "2x05".
# "S2E5", "s2, e5", "S1 Ep6", "3x04"
CODE_RE = re.compile(r"\bs(\d{1,2})\s*,?\s*(?:e|ep\.?\s*)(\d{1,3})\b|\b(\d{1,2})x(\d{2,3})\b", re.I)
# "season two", and the British "series three"; "the third season", "the second series".
SEASON_RE = re.compile(
    rf"\b(?:season|series)\s+{NUMBER}\b|\b{NUMBER}(?:st|nd|rd|th)?\s+(?:and\s+(?:final|last)\s+)?(?:season|series)\b"
    # a teleserye's "Book 2, episode 37": its books are its seasons
    rf"|\bbook\s+{NUMBER}\b(?=,?\s+(?:episode|ep\.?)\s)",
    re.I,
)  # "the fifth and final series" too
# A warning that never says "spoiler": "Warning: this interview discusses the ending of season two."
# "Fair warning: …", "A warning for anyone still saving it: …", "Still haven't watched it? Close this tab".
NOTICE_NOUNS = (
    r"(?:article|essay|piece|review|recap|interview|feature|story|column|guide|explainer|explanation|fact-check"
    r"|live\s+blog|liveblog|blog|excerpt|debate|exchange|conversation|discussion|session"
    r"|post|report|transcript|section|extract|webchat|web\s+chat|chat|q\s*&\s*a|podcast|episode\s+guide|ranking|roundup"
    r"|round-up|dispatch|letter|letters|mailbag|thread|panel|preview|breakdown|analysis|commentary|diary|page"
    r"|bulletin|ruling|leaflet|entries|log|minutes|postcard|postcards|cue\s+sheet"
    r"|newsletter|profile|tribute|obituary|list|briefing|write-up|lecture|talk|questions|answers|entry"
    r"|ama|ask\s+me\s+anything)"  # a forum's "ask me anything" thread
)
SELF_NOTICE_RE = re.compile(
    r"(?:(?:be\s+(?:aware|warned)|please\s+note|note)\s+that\s+)?"  # "Be aware that this recap spoils …"
    # "Readers who have not seen the play should know that this review describes …"
    r"(?:(?:readers|viewers|anyone|those|people)\s+who\s+(?:have\s+not|haven['’]t)\s+(?:yet\s+)?(?:seen|watched|read)"
    r"\b[^.;:]{0,60}?\s+should\s+(?:know|be\s+aware)\s+that\s+)?"
    # "The first half of this session discusses the eleventh episode"
    r"(?:the\s+(?:first|second|last|final|latter)\s+(?:half|part|third|section)\s+of\s+(?=this\s|these\s))?"
    # "This week's letters discuss …"
    # "Tuesday's and Wednesday's entries mention what happens …"
    # "Levan's postcard below gives away …"
    rf"(?:(?:this|these|the\s+following|the|(?:this\s+(?:week|month)|today)['’]s|[A-Z][a-z]+['’]s(?=\s+{NOTICE_NOUNS}\s+below)"
    rf"|[A-Z][a-z]+day['’]s(?:\s+and\s+[A-Z][a-z]+day['’]s)?)\s+{NOTICE_NOUNS}"
    rf"(?:\s+and\s+the\s+{NOTICE_NOUNS})?"
    rf"(?:,\s+and\s+(?:so\s+)?(?:this|the)\s+{NOTICE_NOUNS},)?"  # "The commentary, and so this review, gives away"
    r"(?:,\s+like\s+[^,.;:]{1,40},)?\s+"  # "This article, like the document, gives away how it ends"
    r"|everything\s+(?=below|that\s+follows|from\s+here))"  # "Everything below discusses the tenth episode"
    r"(?:(?:below|above|that\s+follows|which\s+follows|from\s+here(?:\s+on)?)\s+)?"  # "The conversation below gives"
    r"(?:contains?|includes?|discuss(?:es)?|reveals?|describes?|gives?\s+away|goes\s+into|go\s+into|covers?|spoils?"
    r"|talks?\s+about"  # "this letter talks about how season two ends"
    r"|mentions?(?=\s+(?:who|what|how|the\s+(?:ending|twist|death|fate|killer|winner)))"  # "This piece mentions who …"
    # "This recap names the winner of series five, episode nine"
    r"|names?(?=\s+(?:the\s+|this\s+year['’]s\s+)?(?:winners?|losers?|killer|murderer|culprit|who)\b)"
    # "This recap is for people who have already watched season two, episode seven."
    r"|is\s+(?:only\s+)?for\s+(?:people|readers|viewers|those|anyone|fans)\s+who\s+(?:have|['’]ve)\s+"
    r"(?:already\s+)?(?:watched|seen))\b"
    # "The final two questions below, and their answers, give away the end of the sixth episode."
    r"|the\s+(?:last|final|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:\w+\s+)?"
    r"(?:questions?|answers?|paragraphs?|sections?|entries|entry|demands?|letters?|items?|stops?|parts?)\b[^.;:]{0,60}?"
    r"\s+(?:gives?\s+away|discuss(?:es)?|reveals?|describes?)\b"  # "The fourth demand, and the reply to it, discuss"
    # "stops 5 and 6 give away the closing scenes", "questions 9 to 11 discuss …"
    r"|(?:stops?|entries|items?|sections?|parts?|questions?|letters?|cards?)\s+\d{1,3}(?:\s*(?:,|and|to|-|–)\s*\d{1,3})*\s+"
    # "entries 117 to 121 come from the shoot of season three, episode eight, and give away the wedding"
    r"(?:[^.;:]{0,80}?,?\s+and\s+)?(?:gives?\s+away|discuss(?:es)?|reveals?|describes?)\b"
    # "Two of the reviews below, and the director's comment at the end, mention the film's final scene."
    rf"|(?:one|two|three|four|some|several|most|all|each|many)\s+of\s+the\s+{NOTICE_NOUNS}s?\b[^.;:]{{0,80}}?\s+"
    r"(?:gives?\s+away|discuss(?:es)?|reveals?|describes?|mentions?(?=\s+(?:who|what|how|the\s+(?:\w+['’]s\s+)?"
    r"(?:ending|twist|death|fate|killer|winner|final|last)\b)))\b"
    # "Saturday's puzzle, and this interview, give away which character dies"
    rf"|[^.;:,]{{1,40}},\s+and\s+(?:so\s+)?this\s+{NOTICE_NOUNS},\s+(?:give\s+away|discuss|reveal|describe)\b"
    # a diary's: "The entry for Friday 11 April describes the final scene of the last episode."
    r"|the\s+(?:entry|entries|last\s+entry|final\s+entry)\s+(?:for|of|from)\s+[^.,;:]{1,40}?\s+"
    r"(?:contains|discusses|reveals|describes|gives\s+away|covers)\b",
    re.I,
)
# Words before a colon that introduce the article's own notice: "A note before the reels start turning:"
NOTICE_LEAD_RE = re.compile(
    r"(?:(?:a|one|a\s+quick|a\s+short)\s+(?:note|word|reminder)\b[^:.!?]{0,60}"
    # "Editor's note: entries 117 to 121 …", "READERS, NOTE: …", "NB: these minutes discuss …"
    r"|editor['’]s\s+note|(?:readers|viewers),?\s+note|nb|n\.b\.|please\s+note"  # "Please note: the discussion …"
    # "PARENTS, PLEASE NOTE: this guide describes events up to …": whom the note is for, before it
    r"|(?:readers|viewers|listeners|parents|families|fans|teachers),?\s+(?:please\s+)?note"
    r"|(?:(?:a|one|our)\s+)?(?:notice|note|reminder|alert|psa|fyi)"  # "NOTICE: This page gives away …"
    r"|before\s+you\s+(?:set\s+off|start|begin|go\s+on|read\s+on|walk\s+on)"  # "Before you set off: stops 5 and 6 …"
    r"|(?:a\s+)?note\s+(?:for|to)\s+(?:readers|viewers|listeners|parents|families|fans))"  # "Note for readers: …"
    r":\s+",
    re.I,
)
# A paragraph's last sentence, in brackets of its own
BRACKETED_LAST_RE = re.compile(r"(?<=[.!?])\s+\((?P<aside>[^()]{10,250}[.!?])\)\s*$")
# A warning's word or two in any language, with its gloss: "Sabadhan (careful):", "Xitsundzuxo, a warning:",
# "Üns beriň!"
WORDED_LEAD_RE = re.compile(
    r"[^\W\d_][\w'’ʼ-]*(?:[ \t][^\W\d_][\w'’ʼ-]*){0,2}"  # (three words: "Reporting restrictions lifted:")
    # the gloss in small letters, accented ones too: "Attention, divulgâcheur !"
    r"(?:[ \t]*\([^()]{1,30}\)|,[ \t]+(?:an?[ \t]+)?[^\W\d_A-Z][\w'’-]*(?:[ \t][^\W\d_A-Z][\w'’-]*)?)?[ \t]*[:!][ \t]+"
)
# … and what it says it gives away or reveals: an episode ("season 2, episode 6", "episode 20 of season 1")
WORDED_GIVES_AWAY_RE = re.compile(
    r"\b(?:(?:gives?|giving)\s+away|reveals?|revealing)\b[^.!?]{0,120}?"  # "… reveal who dies in …"
    r"(?:\bepisode\s+\d|\b(?:season|series)\s+\w+,?\s+episode\b)"
    r"|(?:\bepisode\s+\d|\b(?:season|series)\s+\w+,?\s+episode\b)[^.!?]{0,120}?\b(?:gives?|giving)\s+away\b",
    re.I,
)
# After such words, whatever gives the story away: "A note for parents: Kobe gives away Friday's birthday surprise."
LEAD_GIVES_AWAY_RE = re.compile(r"[^.;:]{1,60}?\s(?:gives?|giving)\s+away\b", re.I)
WARNING_OPEN_RE = re.compile(
    r"(?:(?:a|one|fair|final|friendly|quick|usual|standard|catch-up|catch\s+up)\s+)?"
    # and "warning" in the paper's language: "Aviso: every answer below discusses …", "Attention : …"
    r"(?:warning|heads[- ]up|caution|be\s+warned|aviso|attention|achtung|advertencia|aten[çc][ãa]o|avvertenza"
    r"|note\s+before\s+(?:going|reading|you\s+read)\s+(?:any\s+)?(?:further|on)"
    r"|note\s+before\s+(?:we|you)\s+(?:begin|start|go\s+on|read\s+on|continue)"
    # "A note for viewers who are not yet up to date:", "A note for readers still catching up:"
    r"|note\s+for\s+(?:viewers|readers|anyone|those|fans)\b[^:.!?]{0,60}?\b(?:not|n[’']t|yet|behind|catching)\b"
    r"[^:.!?]{0,40}(?=:))"
    r"(?:\s+(?:for|to|before)\s+[^:.!?]{1,100})?\s*(?:[:—–-]|!+)\s"  # "WARNING!!! We talk about …"
    r"|look\s+away\s+now\b|(?:if\s+you|still)\s+haven[’']t\s+(?:watched|seen)\b|close\s+this\s+(?:tab|page)\b"
    # "If you have not yet watched Tuesday's episode …", "If you recorded it and have not watched yet, look away"
    r"|if\s+you\s+(?:[^,:.!?]{1,40}?\s+)?(?:have\s+not|haven[’']t)\s+(?:yet\s+)?(?:watched|seen|heard|listened\s+to)\b"
    # "Readers who have not seen Sunday's episode, the ninth of season two, should skip the next paragraph."
    r"|(?:readers|viewers|anyone|those|members|listeners|subscribers)\s+who\s+(?:have\s+not|haven[’']t)\s+(?:yet\s+)?"
    r"(?:watched|seen)\b"
    r"(?=[^.!?]{0,80}\bshould\s+(?:skip|stop|look\s+away|turn))"
    # "If you are not up to date with Pendeen, skip the next two paragraphs: they reveal …"
    r"|if\s+you(?:\s+are|['’]re)\s+not\s+(?:yet\s+)?(?:up\s+to\s+date|caught\s+up)\b"
    # "Not caught up? Skip the rest of this entry: it gives away …"
    r"|not\s+(?:yet\s+)?(?:up\s+to\s+date|caught\s+up)\s*\?\s+(?=(?:skip|stop|look\s+away|read\s+no|turn\s+back)\b)"
    r"|skip\s+(?:the\s+rest\s+of\s+this|this|the\s+next|ahead|to\s+the\s+next)\b",
    re.I,
)
# The second sentence of a two-sentence notice: "If you haven't seen it yet, bookmark this."
STOP_READING_RE = re.compile(
    r"\b(?:stop\s+(?:reading|here|now)|look\s+away|read\s+no\s+further|come\s+back\s+(?:later|after)|bookmark)\b"
    r"|\b(?:want|wish|prefer)\s+to\s+wait\b"  # "If you plan to see it, you may want to wait."
    r"|(?:haven[’']t|have\s+not)\s+(?:yet\s+)?(?:watched|seen)",
    re.I,
)
# The last words of a notice, to a reader who has not seen the episode yet
UNWATCHED_CLOSE_RE = re.compile(
    r"^(?:if|unless)\s+you\s+(?:haven[’']t|have\s+not|did\s+not|didn[’']t)\s+(?:yet\s+)?(?:watched|seen|caught\s+up)\b"
    r"|\buntil\s+you(?:[’']ve|\s+have)\s+(?:watched|seen|caught\s+up)\b",
    re.I,
)
NOT_WATCHED_RE = re.compile(
    r"(?:if\s+you|still)\s+haven[’']t\s+(?:yet\s+)?(?:watched|seen|caught\s+up\s+with)\s+"
    r"(?:it|this|that|them|the\s+(?:episode|finale|season|series|film|show))\b",
    re.I,
)
GIVES_AWAY_RE = re.compile(
    r"\b(?:ending|endings|ends|finale|episodes?|season|series|twist|twists|reveals?|revealed|plot|dies|death|fate|who"
    r"|winner|winners|eliminated|eliminations|final\s+scores?|final\s+results?"  # a competition's
    r"|gives?\s+(?:[\w’']+\s+){0,3}away|giving\s+(?:[\w’']+\s+){0,3}away"
    r"|what\s+happens"  # "gives away what happens to the qvevri in the last act"
    r"|(?:final|last|closing)\s+(?:scene|scenes|shot|moments|minutes|act))\b",  # "the film’s final scene"
    re.I,
)
# "episode 4", "the fourth episode", "the sixth and final episode", and a competition's "week six of the fourth series".
EPISODE_RE = re.compile(
    # not the "1 episode" of "series 1 episode 5"
    rf"\b(?:episode|ep\.?)(?:,?\s+(?:number|no\.))?\s+{NUMBER}\b"  # "episode 5", "episode, number 1206"
    rf"|(?<!series\s)(?<!season\s)\b{NUMBER}(?:st|nd|rd|th)?\s+(?:and\s+(?:final|last)\s+)?episode\b"
    # "Sunday's episode, the ninth of season two"
    rf"|\bepisode,\s+the\s+{NUMBER}\s+of\s+(?:the\s+)?(?:season|series)\b"
    rf"|\bweek\s+{NUMBER}\s+of\s+(?:the\s+|this\s+)?(?:[\w-]+\s+)?(?:season|series)\b"
    # a talent show's "live show six", "the sixth live show of series three"
    rf"|\blive\s+show\s+{NUMBER}\b|\b{NUMBER}(?:st|nd|rd|th)?\s+live\s+show\b",
    re.I,
)

# A lead-in that turns to someone else without naming who speaks: "Then, to the orchestra, which had lifted
# its bows:", "And, to the crew:".
TURNS_TO_RE = re.compile(
    r"\s*(?:(?:Then|And|Finally|Later),?\s+)?(?P<to>to)\s+(?:the|her|his|their|a)\b[^.!?“”\"]{0,100}:\s*"
)
# "episodes one to six": the reader has seen up to the last of them
EPISODE_RANGE_RE = re.compile(rf"\bepisodes\s+{NUMBER}\s*(?:to|-|–|through)\s*{NUMBER}\b", re.I)
FIRST_EPISODES_RE = re.compile(rf"\b(?:first|opening)\s+{NUMBER}\s+episodes\b", re.I)

EXPLICIT = 1.0
CARRIED = 0.85
CONTINUED = 0.9
NEXT_PARAGRAPH = 0.6
FALLBACK = 0.5
PRONOUN_WINDOW = 3  # paragraphs a pronoun may look back over
# Names a pronoun may look back over: far more than any sentence holds, and a bound on the work a
# single endless paragraph of names can cause.
PRONOUN_LOOKBACK = 50
CONTINUES_REACH = 2  # paragraphs back the words an "It continues:" goes on from may be
LOG_LINE = 400  # characters a log's line may run to
SIGNED_LINES = 2  # lines above and below an unsigned quote where a log's signed quotes are looked for
SPLIT_CUE_REACH = 48  # characters before a short quote where the cue that broke its sentence may stand
SPLIT_BY_CUE_RE = re.compile(r"[,—–-][”\"’][ \t]+[^“”\"\n.!?]{1,40},[ \t]*$")  # "…,” she said, " before “…”
ROLE_LINE_WORDS = 6  # words a who's-who role line may have
ENTRY_REACH = 2  # paragraphs after a who's-who entry's start a quote with no cue may be its actor's
# How many quotes and mentions back the headline's subject is looked for (bounded, so a long body stays linear).
LEAD_LOOKBACK = 400


# --- Results --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundQuote:
    """A direct quote: its words without the marks, and who said it when that could be told."""

    text: str
    speaker_key: str | None
    speaker_written: str | None
    character: str | None
    confidence: float
    paragraph: int
    candidates: tuple[str, ...] = ()
    speaker_name: str | None = None  # the canonical full name: the database's, or as the article introduced it
    new: bool = False  # a person the article introduces who is not in the database
    # Unresolved because several people fit: all of them by full name, new people included.
    candidate_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class QATurn:
    role: str
    label: str | None
    speaker_key: str | None
    speaker_written: str | None
    text: str
    speaker_name: str | None = None
    new: bool = False
    paragraph: int | None = field(default=None, compare=False)  # a labelled turn's first paragraph in the body


@dataclass(frozen=True)
class FoundCredit:
    person: str
    character: str
    work: str | None
    person_key: str | None
    new: bool = False


@dataclass(frozen=True)
class SpoilerNotice:
    flagged: bool = False
    warning: str | None = None
    work: str | None = None
    season: int | None = None
    episode: int | None = None
    follows_from_paragraph: int | None = None


@dataclass(frozen=True)
class Analysis:
    title: str
    kind: str
    bylines: list[str]
    byline_keys: list[str | None]
    byline_label: str | None
    handles: list[str]
    image_credits: list[str]
    reading_time: str | None
    boilerplate: list[str]
    paragraphs: list[str]
    quotes: list[FoundQuote]
    qa_turns: list[QATurn]
    credits: list[FoundCredit]
    spoiler: SpoilerNotice
    errors: list[str] = field(default_factory=list)
    introduced: list[str] = field(default_factory=list)  # full names of people not in the database


@dataclass(frozen=True)
class BodyAnalysis:
    """What the body says, read the same way wherever it comes from (import, paste, a save)."""

    quotes: list[FoundQuote]
    qa_turns: list[QATurn]
    qa_paragraphs: set[int]
    credits: list[FoundCredit]
    spoiler: SpoilerNotice
    errors: list[str]
    introduced: list[str]


# --- Entry point ----------------------------------------------------------------------------------


def analyse(
    text: str,
    directory: NameDirectory,
    *,
    works: Sequence[str] = (),
    outlet_names: Sequence[str] = (),
    season_lengths: Mapping[int, int] | None = None,
) -> Analysis:
    """Analyse a whole pasted article (headline first). `works` are the titles it is about."""
    blocks = split_paragraphs(text)
    if not blocks:
        return Analysis(
            "", "news", [], [], None, [], [], None, [], [], [], [], [], SpoilerNotice(), ["The text is empty."]
        )
    title = _strip_emphasis(blocks[0]).lstrip("# ").strip()
    meta = _Meta()
    body = _separate_metadata(blocks[1:], meta)
    # "By Aminata Poudiougo, L'Écho du Plateau": the outlet after the name is no second writer
    outlets = {_fold(name) for name in outlet_names}
    meta.bylines = [name for name in meta.bylines if _fold(name) not in outlets] or meta.bylines
    byline_keys = [_exact_key(directory, name) for name in meta.bylines]
    found = analyse_body(
        title,
        body,
        directory,
        works=works,
        bylines=list(zip(byline_keys, meta.bylines, strict=True)),
        outlet_names=outlet_names,
        season_lengths=season_lengths,
    )
    return Analysis(
        title=title,
        kind=_guess_kind(title, body, found.qa_turns, found.quotes, found.spoiler),
        bylines=meta.bylines,
        byline_keys=byline_keys,
        byline_label=meta.byline_label,
        handles=meta.handles,
        image_credits=meta.image_credits,
        reading_time=meta.reading_time,
        boilerplate=meta.boilerplate,
        paragraphs=body,
        quotes=found.quotes,
        qa_turns=found.qa_turns,
        credits=found.credits,
        spoiler=found.spoiler,
        errors=found.errors,
        introduced=found.introduced,
    )


def analyse_body(
    title: str,
    body: Sequence[str],
    directory: NameDirectory,
    *,
    works: Sequence[str] = (),
    bylines: Sequence[tuple[str | None, str]] = (),
    outlet_names: Sequence[str] = (),
    season_lengths: Mapping[int, int] | None = None,
) -> BodyAnalysis:
    """Quotes, Q&A turns, credits and the spoiler notice of a body: the one reading of an article.

    `directory` is everyone in the database; the article is read against its own cast (see
    `cast.article_cast`): the people it names, the people credited on `works`, and the people it
    introduces. `bylines` are (key, name) pairs, the first being the interviewer of a Q&A.
    """
    body = list(body)
    texts = [title, *body]
    not_people = [*works, *outlet_names]
    # The bylines are people of the article too: "Kipiani, the reporter, is ninety" under "Interview by Zurab Kipiani"
    # (each is read as one more line after the body, so no paragraph's number moves).
    named_bylines = [f"{name}." for _, name in bylines if len(name.split()) >= 2]
    cast = article_cast([*texts, *named_bylines], directory, works=works, not_people=not_people)
    pending = pronoun_credits(body)
    interviewers = list(bylines)
    while True:  # at most twice: the second reading has no pronoun credits left to settle
        people = cast.directory
        context = cast.named | {key for key, _ in bylines if key}
        qa_turns, qa_paragraphs = find_qa_turns(
            body,
            people,
            interviewer=interviewers[0] if interviewers else None,
            interviewers=interviewers,
            outlet_names=outlet_names,
            subject_hint=[title],
            context_keys=context,
        )
        narrator = _Speaker(bylines[0][0], bylines[0][1], None, EXPLICIT) if len(bylines) == 1 else None
        entries = [(pairing.paragraph - 1, pairing.actor) for pairing in cast.pairings if pairing.form == "entry"]
        finder = _QuoteFinder(
            body,
            people,
            works,
            set(qa_paragraphs),
            context,
            title,
            narrator=narrator,
            entries=entries,
            authors=[name for _, name in bylines],
            turn_speakers=[(turn.paragraph, turn.speaker_key) for turn in qa_turns if turn.speaker_key],
        )
        quotes = finder.run()
        quotes = [*_headline_quotes(title, quotes, qa_turns, people), *quotes]
        errors = finder.errors
        resolved, nicknames = _pronoun_pairings(pending, finder, bylines, cast)
        pending = []
        if not nicknames and all(_known_role(people, pairing) for pairing in resolved):
            if resolved:  # roles the directory knows already: the credits are read, the lines are the same
                pairings = sorted([*cast.pairings, *resolved], key=lambda pairing: (pairing.paragraph, pairing.start))
                cast = replace(cast, pairings=pairings)
            break
        # Who a pronoun plays changes who the role's lines belong to: read the article again with them,
        # and with a diarist's byline, so the "I" who plays a role is someone the article names.
        diarists = [name for _, name in bylines if any(pairing.actor == name for pairing in resolved)]
        cast = article_cast(
            [*texts, *named_bylines, *diarists],
            directory,
            works=works,
            not_people=not_people,
            more_pairings=resolved,
            more_nicknames=nicknames,
        )
    credits = find_credits(
        body, people, works=works, pairings=cast.pairings, headline=title, database=directory, titles=cast.titles
    )
    spoiler = find_spoiler_notice(body, works=works, season_lengths=season_lengths, skip_paragraphs=qa_paragraphs)
    # A byline the database knows and the article never names (the writer who says "I said") is named too.
    writers = [directory.people[key] for key, _ in bylines if key and key not in people.people]
    naming = NameDirectory([*people.people.values(), *writers]) if writers else people
    return BodyAnalysis(
        quotes=[_named_quote(quote, naming) for quote in quotes],
        qa_turns=[_named_turn(turn, naming) for turn in qa_turns],
        qa_paragraphs=qa_paragraphs,
        credits=[_named_credit(credit, people) for credit in credits],
        spoiler=spoiler,
        errors=errors,
        introduced=[cast.introduced[key] for key in _spoken_of(quotes, qa_turns, credits, cast)],
    )


def _pronoun_pairings(
    pending: Sequence[PronounCredit], finder: _QuoteFinder, bylines: Sequence[tuple[str | None, str]], cast: ArticleCast
) -> tuple[list[Pairing], dict[str, str]]:
    """The credits whose actor was a pronoun, with the person it stands for, and the nicknames
    given to one ("everyone called him Mack"): "I" is the one byline of a first-person piece, "she"
    and "he" whoever the reading carries them to. A role the article has already credited to someone by
    name, in that paragraph or before it, is left to that credit."""
    # each role by the paragraph that first credits it (pairings count the headline, so a body paragraph is one less)
    first_credited: dict[str, int] = {}
    for pairing in cast.pairings:
        first_credited.setdefault(untitled(normalize_name(pairing.character)), pairing.paragraph - 1)
    found: list[Pairing] = []
    nicknames: dict[str, str] = {}
    for credit in pending:
        role = untitled(normalize_name(credit.character))
        if credit.paragraph in finder.skip or (
            # "she plays Marine" before "Her granddaughter … is playing Marine in a stage version" is still hers
            not credit.nickname and first_credited.get(role, credit.paragraph + 1) <= credit.paragraph
        ):
            continue  # in a transcript, "I" and "she" are the speaker's own
        if credit.pronoun == "I":
            name = bylines[0][1] if len(bylines) == 1 else None
        else:
            name = finder.stands_for(
                credit.pronoun, (credit.paragraph, credit.position), alone=credit.plays, nearest=credit.nickname
            )
        if name and credit.nickname:
            known = finder.directory.resolve(credit.character).key if finder.directory.knows(credit.character) else None
            # "On English programmes she is called Catriona MacLeod": a full name the article itself introduced
            # is her other name, not somebody else
            if known is None or (
                " " in credit.character
                and known.startswith(NEW)
                and _fold(finder.directory.name_of(known)) != _fold(name)
            ):
                nicknames.setdefault(name, credit.character)
        elif name:
            found.append(Pairing(name, credit.character, credit.paragraph + 1, "plays", credit.position))
            first_credited[role] = min(first_credited.get(role, credit.paragraph), credit.paragraph)
    return found, nicknames


def _headline_quotes(
    title: str, quotes: Sequence[FoundQuote], qa_turns: Sequence[QATurn], people: NameDirectory
) -> list[FoundQuote]:
    """The quotations a headline carries: "“We are professionally tired”: Priscilla Ottley on …".

    Each is the words of the body's quote that holds them, or of the one person the headline names
    who speaks in the article; otherwise nobody's. A title in quotation marks ('Dust Devil Motel' star,
    “The Salt Bride”, and so every quotation in a headline written in title case) and a single word
    ("quirky") are no quotes. Their paragraph is -1, before the body's first."""
    found: list[FoundQuote] = []
    speakers = {q.speaker_key for q in quotes if q.speaker_key} | {t.speaker_key for t in qa_turns if t.speaker_key}
    for match in HEADLINE_QUOTE_RE.finditer(title):
        words = (match["a"] or match["b"] or match["c"]).strip()
        if len(words.split()) < 2 or _title_cased(words):
            continue
        folded = norm_quote(words)
        source = next(
            (q for q in quotes if q.speaker_written and (folded in norm_quote(q.text) or norm_quote(q.text) in folded)),
            None,
        ) or _closest_quote(folded, quotes)
        if source is not None:
            found.append(replace(source, text=words, paragraph=-1))
            continue
        turn = next((t for t in qa_turns if t.role == "answer" and folded in norm_quote(t.text)), None)
        if turn is not None:  # "“We knew the orchard had to burn”: the Glass Orchard panel", said in a turn
            found.append(FoundQuote(words, turn.speaker_key, turn.speaker_written, None, PREFERRED, -1))
            continue
        rest = title[: match.start()] + " " * len(match.group()) + title[match.end() :]
        named = {
            key
            for run in NAME_RUN_RE.finditer(rest)
            if (key := people.resolve(" ".join(_trim_name_words(run.group().split()))).key) in speakers
        }
        if len(named) == 1:
            (key,) = named
            found.append(FoundQuote(words, key, people.name_of(key), None, PREFERRED, -1))
        else:
            found.append(FoundQuote(words, None, None, None, 0.0, -1))
    return found


def _line_signature(line: str) -> str | None:
    """The initials that sign a line's quote: "« … » — G.L.B."."""
    closing = line.rfind("”")
    match = INITIALS_AFTER_RE.match(line, closing + 1) if closing > 0 else None
    return match["initials"] if match else None


def _credited_roles(directory: NameDirectory | None, key: str | None) -> set[str]:
    """The roles the database already credits to a person, folded."""
    entry = directory.people.get(key) if directory and key else None
    return {_fold(character) for character in entry.characters} if entry else set()


def _closest_quote(folded: str, quotes: Sequence[FoundQuote]) -> FoundQuote | None:
    """The body quote a headline's words shorten a little ("We did not cancel it for its politics" for
    "We did not cancel Long Acre for its politics,"): most of its words, in order, are the headline's."""
    words = folded.split()
    best, score = None, 0.0
    for quote in quotes:
        if not quote.speaker_written:
            continue
        theirs = norm_quote(quote.text).split()
        matched = sum(block.size for block in SequenceMatcher(None, words, theirs).get_matching_blocks())
        ratio = matched / len(words) if len(words) >= 4 and len(theirs) <= 3 * len(words) else 0.0
        if ratio > score:
            best, score = quote, ratio
    return best if score >= 0.75 else None


def norm_quote(text: str) -> str:
    """A quotation's words, folded for comparing: no case, accents, marks or spacing."""
    return " ".join(re.findall(r"\w+", _fold(text)))


def _title_cased(text: str) -> bool:
    """Whether every word of `text` but the small ones starts with a capital: a title's words."""
    words = [word for word in re.findall(rf"[^\W\d_][{WORD}'’-]*", text) if word.casefold() not in SMALL_TITLE_WORDS]
    return len(words) >= 2 and all(word[0].isupper() for word in words)


def _one_named_so_far(candidates: Sequence[str], named_so_far: Callable[[str], bool]) -> str | None:
    """Of the people a shared name may be, the one the article has named by this point, if only one
    has been: "Kershaw says" before his son Otis Kershaw comes into the story."""
    named = [key for key in candidates if named_so_far(key)] if len(candidates) > 1 else []
    return named[0] if len(named) == 1 else None


def _known_role(people: NameDirectory, pairing: Pairing) -> bool:
    """Whether the directory already gives the pairing's role to its actor: "Dolly Pruitt" read as
    "Vernon Pruitt", another actor's role of the same family, is not known."""
    role = people.character(pairing.character)
    return role is not None and role[1] == people.resolve(pairing.actor).key


def _named_quote(quote: FoundQuote, people: NameDirectory) -> FoundQuote:
    key, name, new = _identity(quote.speaker_key, people)
    candidates = tuple(c for c in quote.candidates if not c.startswith(NEW))
    names = tuple(people.name_of(c) or c for c in quote.candidates) if key is None and not new else ()
    return replace(quote, speaker_key=key, speaker_name=name, new=new, candidates=candidates, candidate_names=names)


def _named_turn(turn: QATurn, people: NameDirectory) -> QATurn:
    key, name, new = _identity(turn.speaker_key, people)
    return replace(turn, speaker_key=key, speaker_name=name, new=new)


def _named_credit(credit: FoundCredit, people: NameDirectory) -> FoundCredit:
    key, name, new = _identity(credit.person_key, people)
    return replace(credit, person_key=key, person=name or credit.person, new=new)


def _identity(key: str | None, people: NameDirectory) -> tuple[str | None, str | None, bool]:
    """(database key, canonical name, whether the person is new) for a key of the article's cast."""
    if key is None:
        return None, None, False
    if key.startswith(NEW):
        return None, people.name_of(key), True
    return key, people.name_of(key), False


def _spoken_of(quotes, qa_turns, credits, cast: ArticleCast) -> list[str]:
    """Keys of introduced people who speak or are credited, in the order they first do."""
    keys = [q.speaker_key for q in quotes] + [t.speaker_key for t in qa_turns] + [c.person_key for c in credits]
    return list(dict.fromkeys(key for key in keys if key and key in cast.introduced))


# --- Paragraphs and metadata ---------------------------------------------------------------------


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs as a reader sees them.

    Pasted copy separates paragraphs by blank lines or by single line breaks; a hard-wrapped line
    (long, not ending a sentence) is joined to the next one instead.
    """
    text = (text or "").replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        # Wrapping at a width leaves every line but a paragraph's last within a word of the longest;
        # a much shorter line that ends no sentence means the lines are a list's, each its own.
        widest = max((len(line) for line in lines), default=0)
        # Dot leaders ("Mama Yei ........ Hawa Massaquoi") are a table's or a cast list's, never prose's.
        listed = any(
            (len(line) < widest - 16 and not LINE_ENDS_SENTENCE_RE.search(line)) or DOT_LEADER_RE.search(line)
            for line in lines[:-1]
        )
        current: list[str] = []
        for line in lines:
            if current and not listed and _is_wrapped(current[-1], line):
                current.append(line)
                continue
            if current:
                paragraphs.append(" ".join(current))
            current = [line]
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


DOT_LEADER_RE = re.compile(r"\S[ \t]*(?:\.{4,}|…{2,}|(?:\.[ \t]){4,})[ \t]*\S")
# (a French or German closing mark too: "« … »", "„…“")
SENTENCE_END_AT_RE = re.compile(r"[.!?:;…”\"’')\]*»“]$")
# A line that ends a sentence, not merely a bracket: "Jean Baird (Priti Ghosal)" is a list's line.
LINE_ENDS_SENTENCE_RE = re.compile(r"[.!?:;…][\"”’')\]*»“ ]*$")


def _is_wrapped(previous: str, line: str) -> bool:
    if len(previous) < 50 or SENTENCE_END_AT_RE.search(previous):
        return False
    # A label, a list's item and a credit line ("Photography — Jeffery Sintian" under a byline) open lines of their own
    return not (LABEL_RE.match(line) or re.match(r"^(?:[-*+]|\d+[.)])\s", line) or CREDIT_RE.match(line))


@dataclass
class _Meta:
    bylines: list[str] = field(default_factory=list)
    byline_label: str | None = None
    handles: list[str] = field(default_factory=list)
    image_credits: list[str] = field(default_factory=list)
    reading_time: str | None = None
    boilerplate: list[str] = field(default_factory=list)

    def add_byline(self, name: str) -> None:
        name = " ".join(name.split()).strip(" ,.;*_")
        if name and name not in self.bylines:
            self.bylines.append(name)


def _strip_emphasis(text: str) -> str:
    return re.sub(r"^[*_]+|[*_]+$", "", text.strip()).strip()


def _is_name_line(line: str) -> bool:
    match = NAME_LINE_RE.match(line)
    if not match:
        return False
    words = match["name"].split()
    return not any(word.casefold().strip(".") in NOT_NAME_WORDS for word in words) and len(line) <= 50


# A writer's name and where she files from or what she does: "Marija Trajkovska, Ohrid".
NAME_AND_PLACE_RE = re.compile(
    rf"[*_\s]*(?P<name>{CAP_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*{CAP_WORD}){{1,3}}),"
    r"[ \t]+[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,2}[*_\s]*"
)
HEADER_REACH = 8  # blocks after the headline where a byline or a reading time may stand


def _separate_metadata(blocks: list[str], meta: _Meta) -> list[str]:
    """Take bylines, credits, reading times and boilerplate out; return the article's own paragraphs."""
    header_end = next((i for i, block in enumerate(blocks) if len(block.split()) >= 25), len(blocks))
    header_end = min(header_end, HEADER_REACH)
    footer_start = max(len(blocks) - 4, header_end)
    body: list[str] = []
    taken: set[int] = set()
    for i, block in enumerate(blocks):
        if i in taken:
            continue
        plain = _strip_emphasis(block)
        near_edge = i < header_end or i >= footer_start
        following = _strip_emphasis(blocks[i + 1]) if i + 1 < len(blocks) else ""
        if match := READING_TIME_RE.match(block):
            meta.reading_time = " ".join(match["time"].split())
            meta.boilerplate.append(block)
        elif any(pattern.search(plain) for pattern in BOILERPLATE_RES):
            meta.boilerplate.append(block)
        elif (
            (near_edge or (i < HEADER_REACH and len(block) <= 80))  # a byline under a long standfirst
            and (match := BYLINE_RE.match(block))
            and _names_first(match["rest"])
        ):
            _read_byline(match["rest"], meta)
        elif (match := CREDIT_RE.match(block)) and len(block) <= 100 and not _slashed_list(blocks, i):
            meta.image_credits.append((match["credit"] or match["labelled"]).strip())
        elif near_edge and JOB_TITLE_RE.match(plain) and len(plain) <= 60:
            meta.byline_label = meta.byline_label or plain.strip(" .")
            meta.boilerplate.append(block)
            if bio := BIO_RE.match(following):
                meta.add_byline(bio["name"])
        elif (
            near_edge
            and _is_name_line(block)
            and (JOB_TITLE_RE.match(following) or READING_TIME_RE.match(following) or CREDIT_RE.match(following))
        ):
            meta.add_byline(plain)
        elif (
            (near_edge or (i < HEADER_REACH and len(block) <= 80))
            and (placed := NAME_AND_PLACE_RE.fullmatch(plain))
            and CREDIT_RE.match(following)
        ):
            # "Marija Trajkovska, Ohrid" or "Signe Kragh Thomsen, court reporter" over "Photos: …": the writer
            meta.add_byline(placed["name"])
        elif i < HEADER_REACH and _is_name_line(block) and (signed := _signed_off(blocks, plain, i)):
            # "Hildur Ásgeirsdóttir" under the standfirst and again signing the piece off ("Hildur Ásgeirsdóttir /
            # Reykjavík, March"): the writer's name, twice, not a transcript's label
            meta.add_byline(plain)
            taken.add(signed)
            meta.boilerplate.append(blocks[signed])
        elif (
            near_edge
            and len(block) <= 100
            and HANDLE_RE.search(block)
            and NAME_RUN_RE.search(block)
            # "[20:10] @siya_writes: Sorry Mama, wrong Zodwa." ending the article: a chat's turn, no byline
            and not HANDLE_LABEL_RE.match(TIMESTAMP_PREFIX_RE.sub("", plain, count=1))
        ):
            _read_handle_byline(plain, meta)
        else:
            body.append(block)
    return body


def _slashed_list(blocks: list[str], index: int) -> bool:
    """Whether block `index` is a photo credit's "Name / Agency" beside another line like it: a list ("ALHASSAN
    DAWUNI SULEMANA / Kpalung-Naa", a place card's actor and role, then the next), not a photo's credit."""

    def slashed(other: int) -> bool:  # (with no "Photo:" before it)
        if not 0 <= other < len(blocks) or (match := CREDIT_RE.match(blocks[other])) is None or not match["credit"]:
            return False
        return not blocks[other][: match.start("credit")].strip("*_ \t\n")

    return slashed(index) and (slashed(index - 1) or slashed(index + 1))


def _signed_off(blocks: list[str], name: str, after: int) -> int | None:
    """The block among the last three, after block `after`, that opens with `name` alone on its first
    line: the writer signing the piece off ("Hildur Ásgeirsdóttir / Reykjavík, March")."""
    for index in range(len(blocks) - 1, max(after, len(blocks) - 4), -1):
        if _strip_emphasis(blocks[index]).split("\n", 1)[0].strip() == name.strip():
            return index
    return None


def _names_first(rest: str) -> bool:
    """Whether what follows "By" starts with a name or a handle: "By the end of the day, …" is prose."""
    rest = rest.lstrip("*_ ")
    return rest.startswith("@") or (NAME_RUN_RE.match(rest) is not None and len(rest) <= 160)


PICTURE_WORD_RE = re.compile(r"(?:Photo|Picture|Image|Illustrat|Graphic|Video|Film)")


FOR_OUTLET_RE = re.compile(r"\s+for\s+(?:the\s+)?[A-Z][^,|]{0,80}$")
EDITING_NOTE_RE = re.compile(r"\.\s+(?:Edited|Condensed|Translated|Transcribed|Abridged|Lightly)\b.*$")


def _read_byline(rest: str, meta: _Meta) -> None:
    """ "By Dana Whitfield and Ola Berg, Senior Editors" → two bylines and a label."""
    for handle in HANDLE_RE.findall(rest):
        meta.handles.append(f"@{handle}")
    rest = HANDLE_RE.sub("", rest).replace("()", "").strip(" ,|")
    rest = EDITING_NOTE_RE.sub("", rest)  # "Interviews by Nandar Hlaing. Edited and condensed."
    rest = FOR_OUTLET_RE.sub("", rest)  # "Prepared by Mehret Habtom for Mereb TV's education pages"
    # "Interview by Zurab Kipiani (1974). Afterword by Mariam Chkheidze-Rowe.": a year, and a second credit line
    rest, *split = re.split(r"\.\s+([A-Z][a-z]+)(?:\s+[a-z]+)?\s+by\s+", re.sub(r"\s*\((?:19|20)\d\d\)", "", rest))
    # (not a photographer's: "Photographs by …" credits no writer)
    others = [name for word, name in zip(split[::2], split[1::2], strict=True) if not PICTURE_WORD_RE.match(word)]
    parts = re.split(r"\s*[|,]\s*(?=[A-Z][a-z]+\s+(?:[A-Z]|\w+$))|\s+[|—–]\s+", rest, maxsplit=1)
    names, label = parts[0], parts[1] if len(parts) > 1 else ""
    for number, name in enumerate(re.split(r"\s*(?:,|&|\band\b)\s*", names)):
        if number and " " not in name.strip() and re.search(rf",\s*{re.escape(name.strip())}\s*$", names):
            continue  # "By Litia Qaranivalu, Suva": where she files from
        if NAME_RUN_RE.fullmatch(name.strip()):
            meta.add_byline(name)
    for other in others:
        if NAME_RUN_RE.fullmatch(other := other.strip(" .")):
            meta.add_byline(other)
    if label and JOB_TITLE_RE.match(label):
        meta.byline_label = meta.byline_label or label.strip(" .")


def _read_handle_byline(line: str, meta: _Meta) -> None:
    """ "— Blair Krassen (@blairlyawake)" or "Follow Blair Krassen on Twitter @blairlyawake"."""
    meta.handles.extend(f"@{handle}" for handle in HANDLE_RE.findall(line))
    for run in NAME_RUN_RE.findall(HANDLE_RE.sub("", line)):
        words = [w for w in run.split() if w.casefold() not in NOT_NAME_WORDS | {"follow", "twitter", "instagram", "x"}]
        if 2 <= len(words) <= 4:
            meta.add_byline(" ".join(words))
            return


def _exact_key(directory: NameDirectory, name: str) -> str | None:
    resolution = directory.resolve(name)
    return resolution.key if resolution.confidence >= 1.0 else None


def _mentioned_keys(paragraphs: Sequence[str], directory: NameDirectory) -> set[str]:
    """People named in full (or by an alias) anywhere in the text: the article's own context."""
    keys: set[str] = set()
    for paragraph in paragraphs:
        for run in NAME_RUN_RE.findall(paragraph):
            words = _trim_name_words(run.split())
            for size in range(len(words), 1, -1):
                for start in range(len(words) - size + 1):
                    written = " ".join(words[start : start + size])
                    if directory.knows(written):
                        keys.add(directory.resolve(written).key or "")
    keys.discard("")
    return keys


def _actors_role(written: str) -> bool:
    """Whether a role's mention is written as its actor's: "Yevgenia Sokolova-Reid’s Maud Pennyweather"."""
    return "’s " in written or "'s " in written


# An office before a surname in a news story: "Cllr Frost said".
OFFICE_BEFORE_RE = re.compile(rf"{OFFICE}[ \t]+(?=[{UPPER}])")
# Letters after a name that are no part of it: "Jeremy Stackpole KC", "Dame Ada Obi DBE".
POST_NOMINALS = {
    "KC",
    "QC",
    "SC",
    "MP",
    "MSP",
    "MEP",
    "TD",
    "OBE",
    "MBE",
    "CBE",
    "KBE",
    "DBE",
    "OM",
    "CH",
    "PhD",
    "FRS",
}


def _trim_name_words(words: list[str]) -> list[str]:
    words = without_style(words)
    while words and opens_no_name(words[0]) and not opens_balinese_name(words):
        words = words[1:]
    while len(words) > 2 and words[-1].rstrip(",.") in POST_NOMINALS:
        words = words[:-1]
    return [] if len(words) == 1 and len(words[0]) == 1 else words  # "on X with a single line": a letter


# --- Quotes ---------------------------------------------------------------------------------------


@dataclass
class _Span:
    paragraph: int
    start: int  # offset of the opening mark in the first paragraph
    end_paragraph: int
    end: int  # offset of the closing mark in the last paragraph (len when unclosed)
    text: str
    closed: bool


@dataclass
class _Mention:
    position: tuple[int, int]
    key: str | None
    written: str
    candidates: tuple[str, ...] = ()
    possessive: bool = False
    character: str | None = None
    confidence: float = 1.0
    sentence: tuple[int, int] = (0, 0)
    narrated_character: bool = False
    pronoun: str | None = None  # "f" or "m" for a "she" or "he" standing for the person
    addressed: str | None = None  # for a speaker: "f" or "m" when their cue says "tells her", "asks him"

    @property
    def identity(self) -> str:
        return self.key or normalize_name(self.written)


@dataclass
class _Speaker:
    key: str | None
    written: str | None
    character: str | None = None
    confidence: float = 0.0
    candidates: tuple[str, ...] = ()


def find_quotes(
    paragraphs: Sequence[str],
    directory: NameDirectory,
    *,
    works: Sequence[str] = (),
    skip_paragraphs: Collection[int] = (),
    errors: list[str] | None = None,
    context_keys: Collection[str] | None = None,
    headline: str = "",
) -> list[FoundQuote]:
    """Direct quotes in paragraphs of body text, with their speakers.

    Usable on a body alone. `skip_paragraphs` (Q&A turns) are neither searched for quotes nor
    used for their names. `errors` collects notes about unbalanced quote marks. `context_keys`
    are the people the article names (found here when not given); the `headline`
    says whom the article is about.
    """
    finder = _QuoteFinder(list(paragraphs), directory, works, set(skip_paragraphs), context_keys, headline)
    quotes = finder.run()
    if errors is not None:
        errors.extend(finder.errors)
    return quotes


class _QuoteFinder:
    def __init__(
        self,
        paragraphs: list[str],
        directory: NameDirectory,
        works: Sequence[str],
        skip: set[int],
        context_keys: Collection[str] | None = None,
        headline: str = "",
        *,
        narrator: _Speaker | None = None,
        entries: Sequence[tuple[int, str]] = (),
        authors: Sequence[str] = (),
        turn_speakers: Sequence[tuple[int | None, str]] = (),
    ):
        # Read in English quotation marks whatever marks the article uses, every offset as written.
        dashed = any(_dash_dialogue(paragraph) for paragraph in paragraphs)
        self.written = paragraphs  # as the article writes them: a quote's words keep their own marks inside
        self.paragraphs = [_set_out(standard_marks(paragraph, dash_lines=dashed)) for paragraph in paragraphs]
        self.narrator = narrator  # the one byline of a piece: the "I" of "I said, “…”"
        # the bylines' initials: a live blog's post signed "— RW" is Retno Wulandari's post, not a quote's source
        self.author_initials = {letters for name in authors for letters in _all_initials(name)}
        self.author_keys = {key for name in authors for key in directory.keys_of(name)}
        # A who's who's entries: (the paragraph of "Played by …", the actor), in order.
        self.entries = list(entries)
        self.entry_starts = [index for index, _ in self.entries]
        # A transcript's labelled turns, (paragraph, speaker): "DILNOZA: …" then "She then says it, …: “…”"
        self.turn_speakers = {index: key for index, key in turn_speakers if index is not None}
        runs = (" ".join(_trim_name_words(run.split())) for run in NAME_RUN_RE.findall(headline))
        self.lead = {key for run in runs if run for key in directory.keys_of(run)}
        self.lead_words = {normalize_name(word) for word in WORD_RE.findall(headline)}
        self.directory = directory
        # Whether the article casts anyone: then "the actress says" is someone it casts.
        self.casts_anyone = any(entry.characters for entry in directory.people.values())
        self.works = {_fold(work) for work in works}
        self.skip = skip
        self.errors: list[str] = []
        kept = [p for i, p in enumerate(self.paragraphs) if i not in skip]
        self.singles = _quotes_in_singles(kept)
        if context_keys is None:
            context_keys = _mentioned_keys(kept, directory)
        self.context = set(context_keys)
        # Names in the narration and the speakers of quotes found so far, each list in text order, so
        # "who was named last before here" is a binary search, not a sort of every mention per quote.
        self.named: list[_Mention] = []
        self.named_positions: list[tuple[int, int]] = []
        self.plain_named_positions: list[tuple[int, int]] = []  # not possessive
        self.plain_named: list[_Mention] = []
        self.spoken: list[_Mention] = []
        self.spoken_positions: list[tuple[int, int]] = []
        self.narrations: dict[int, str] = {}  # each paragraph with its quotes blanked, once read
        self.said_i: set[tuple[int, int]] = set()  # quotes whose cue was "I": their speaker is no "she" or "he"
        self.named_sentences: set[tuple[int, int]] = set()
        self.sentence_breaks: dict[int, list[int]] = {}
        self.characters_speak = False
        self.line_paragraphs: set[int] = set()  # paragraphs that speak of a role's line
        self._titled: dict[str, str | None] = {}
        self.genders: dict[str, Counter] = defaultdict(Counter)
        self.nameless: dict[int, list[int]] = {}  # paragraph → where it says someone would not be named
        self.unnamed: dict[int, list[tuple[int, str]]] = {}  # paragraph → where someone unnamed opens a clause
        # paragraph → (where, match) of "She is …" naming who said its unattributed quotes, or None
        self.named_below: dict[int, tuple[int, re.Match] | None] = {}
        self.first_seen: dict[str, tuple[int, int]] = {}  # person → where the article first names them
        self.first_spoken: dict[str, tuple[int, int]] = {}  # person → where a quote is first given to them
        self.surname_for: dict[str, tuple[str, tuple[int, int]]] = {}  # a shared surname → whom it meant first, where
        self.jobs: dict[str, set[str]] = defaultdict(set)
        self.notes_writer: tuple[int, re.Match] | bool | None = False  # where "notes by …" names the notes' writer
        self.documents_by: dict[str, tuple[str, tuple[int, int]] | None] = {}  # "The listing, by …": its writer
        self.described_roles: dict[str, tuple[str, str] | None] = {}  # "the woman": "The Woman Under the Tree"
        self.signatures: dict[str, tuple[int, re.Match]] | None = None  # initials → where "who signs it …" says whose
        self.inks: dict[str, str] | None = None  # "red" → who the article says writes in red
        self.joined: str | None = None  # the article's paragraphs in one text, for the words it writes in lower case
        self.common_words: dict[str, bool] = {}  # a label's word → whether the article writes it in lower case
        self.label_names: dict[str, str] = {}  # "Direction" → "Sobczak-Lis", from "Direction, Sobczak-Lis:"
        self.kin: dict[tuple[str, str], str] = {}  # (person, "mother") → their mother

    # Spans ------------------------------------------------------------------------------------

    def spans(self) -> list[_Span]:
        per_paragraph = {
            i: _mark_spans(text, self.singles) or (_doubles_alone(text) if self.singles else _lines_in_singles(text))
            for i, text in enumerate(self.paragraphs)
            if i not in self.skip
        }
        result: list[_Span] = []
        consumed: set[tuple[int, int]] = set()
        for i in sorted(per_paragraph):
            for start, end in per_paragraph[i]:
                if (i, start) in consumed:
                    continue
                if end is not None:
                    result.append(_Span(i, start, i, end, self.paragraphs[i][start + 1 : end].strip(), True))
                    continue
                span = self._continue_span(i, start, per_paragraph, consumed)
                result.append(span)
        return result

    def _continue_span(self, i: int, start: int, per_paragraph: dict, consumed: set) -> _Span:
        """An unclosed quote at a paragraph's end continues when the next paragraph opens with a mark."""
        parts = [self.paragraphs[i][start + 1 :].strip()]
        current = i
        while True:
            following = current + 1
            spans = per_paragraph.get(following, [])
            text = self.paragraphs[following] if following < len(self.paragraphs) else ""
            if not spans or spans[0][0] != 0 or following in self.skip or not text:
                self.errors.append(f"Paragraph {i + 1} opens a quote that is never closed.")
                return _Span(i, start, current, len(self.paragraphs[current]), "\n\n".join(parts), False)
            consumed.add((following, 0))
            end = spans[0][1]
            if end is None:
                parts.append(text[1:].strip())
                current = following
                continue
            parts.append(text[1:end].strip())
            return _Span(i, start, following, end, "\n\n".join(parts), True)

    def is_quote(self, span: _Span, has_cue: bool) -> bool:
        text = span.text.strip()
        words = text.split()
        ends_like_speech = bool(re.search(r"[,.!?…—–-]$", text))
        if len(words) <= 2:
            # "“Thank you,” she said.": a word or two counts only as speech that a cue gives to someone (or as the
            # end of a sentence a cue broke: "“The nurse is right about everything,” she said, “including me.”")
            paragraph = self.paragraphs[span.paragraph]
            resumed = SPLIT_BY_CUE_RE.search(paragraph, max(0, span.start - SPLIT_CUE_REACH), span.start) is not None
            return has_cue and ends_like_speech and span.closed and (text[:1].isupper() or resumed)
        bare = text.rstrip(",.;:!?…—–- ")
        if _fold(bare) in self.works:
            return False
        # a title, but not a line typed in capitals: "Her reply, typed in capitals: “THE RIVER DOES NOT BELONG TO YOU.”"
        if _is_title_case(bare) and not (has_cue and text.isupper() and text.endswith((".", "!", "?"))):
            return False
        if not has_cue and not ends_like_speech and len(words) <= 4 and text[:1].islower():
            return False  # a scare quote: "mean girl energy"
        if not ends_like_speech and self.paragraphs[span.paragraph].isupper():
            return False  # 'THE GROUP CHAT, "YONAN BAKERY (CAST ONLY)", SUNDAY NIGHT': a heading names the chat
        return span.closed or len(words) >= 4

    # Names and pronouns -----------------------------------------------------------------------

    def narration(self, index: int, spans: list[_Span]) -> str:
        """The paragraph with quoted words and [bracketed] insertions blanked, offsets kept."""
        chars = list(self.paragraphs[index])
        for span in spans:
            first = span.start + 1 if span.paragraph == index else 0
            last = span.end if span.end_paragraph == index else len(chars)
            if span.paragraph <= index <= span.end_paragraph:
                chars[first:last] = " " * max(0, last - first)
        return _blank_brackets("".join(chars))

    def sentence_number(self, index: int, offset: int) -> int:
        """How many sentence breaks come before `offset` in paragraph `index`, judged on the whole
        paragraph (a break needs the capital or quote mark that follows it, which may sit exactly at
        `offset`)."""
        return bisect_right(self.breaks(index), offset)

    def breaks(self, index: int) -> list[int]:
        """Where each sentence after the first starts in paragraph `index`, found once per paragraph."""
        if index not in self.sentence_breaks:
            text = self.paragraphs[index]
            self.sentence_breaks[index] = [match.end() for match in SENTENCE_BREAK_RE.finditer(text)]
        return self.sentence_breaks[index]

    def collect_mentions(self, index: int, narration: str) -> tuple[list[int], list[int]]:
        """Note every name in a paragraph's narration; return where its sentences stop and where the
        runs that may name someone start, for the pronouns read after it."""
        runs = list(NAME_RUN_RE.finditer(narration))
        stops = [match.start() for match in NARRATION_STOP_RE.finditer(narration)]
        names = [run.start() for run in runs if self._may_name(run.group())]
        # Where the next run that may name someone starts, after each run.
        next_names = [
            names[at] if at < len(names) else None for at in (bisect_right(names, run.start()) for run in runs)
        ]
        for number, match in enumerate(runs):
            run = match.group()
            words = run.split()
            trimmed = _trim_name_words(list(words))
            if not trimmed:
                continue
            offset = match.start() + run.index(trimmed[0])
            written = " ".join(trimmed)
            owned = bool(POSSESSIVE_RE.search(written)) and written[-2:] in {"’s", "'s"}
            possessive = (
                owned
                and not LINE_IS_BEFORE_RE.search(narration, max(0, offset - 20), offset)
                and not OWNS_NOTHING_NAMED_RE.match(narration, offset + len(written))
            )
            sentence = (index, self.sentence_number(index, offset))
            bare = POSSESSIVE_RE.sub("", written) if owned else written
            resolution = self.resolve(bare, (index, offset))
            if resolution.key:
                self.first_seen.setdefault(resolution.key, (index, offset))
            if not resolution.key and not resolution.candidates and len(trimmed) > 1:
                resolution = self.resolve(trimmed[-1])
            role = self.role(bare) if resolution.confidence < 1.0 else None
            if role:
                mention = _Mention((index, offset), role[1], bare, (), possessive, role[0], 0.9, sentence, True)
            elif resolution.key or len(resolution.candidates) > 1:
                mention = _Mention(
                    (index, offset), resolution.key, bare, resolution.candidates, possessive,
                    confidence=resolution.confidence, sentence=sentence,
                )  # fmt: skip
            else:
                continue
            self._learn_kin(mention, narration, offset)
            self._learn_job(mention, narration, offset, match.end())
            first_in_sentence = sentence not in self.named_sentences
            self.named_sentences.add(sentence)
            self.named.append(mention)
            self.named_positions.append(mention.position)
            if not possessive:
                self.plain_named.append(mention)
                self.plain_named_positions.append(mention.position)
            # The pronoun is looked for up to the sentence's end or the next name, whichever comes
            # first; both are found from the lists above, so no pass reads past its own scope.
            stop = stops[bisect_left(stops, match.end())] if stops and stops[-1] >= match.end() else None
            next_name = next_names[number]
            ends = [end for end in (stop, next_name) if end is not None]
            scope_end = min(ends) if ends else len(narration)
            # "Asked whether he and Apaza had become friends, he paused": the second "he" is the first's.
            if first_in_sentence and not PRONOUN_AND_RE.search(narration, max(0, offset - 10), offset):
                self._learn_gender(mention, narration, match.end(), scope_end, next_name)
            elif possessive_of_subject := SUBJECT_POSSESSIVE_RE.match(narration[match.end() : scope_end]):
                # A later name that is the subject of its own clause: "When Ferdinand won, Dervla
                # watched the ceremony on her phone."
                gender = "m" if possessive_of_subject.group(1).lower() == "his" else "f"
                self.genders[mention.identity][gender] += 1
        return stops, names

    def resolve(self, written: str, position: tuple[int, int] | None = None) -> Resolution:
        """A written name against the article's cast. A surname several people share goes to the one
        the headline names, when it names one of them: an obituary's "Delacourt" is its subject, not
        her husband or son. Failing that, written at `position`, it goes to the one of them the
        article has named by then, when only one has been: "Kershaw says" before his son Otis
        Kershaw comes into the story is the father; after "Ron and Kevin Tumilty", it is either."""
        resolution = self.directory.resolve(written, context_keys=self.context)
        words = written.split()
        if resolution.key is None and len(words) == 2 and normalize_name(words[1]) in HONORIFICS_AFTER:
            # "Chaudhry Sahib, as the crew call the producer": a name and the honorific said after it
            return replace(self.resolve(words[0], position), name_as_written=written)
        if resolution.key is None and not resolution.candidates and (office := OFFICE_BEFORE_RE.match(written)):
            return self.resolve(written[office.end() :], position)  # "Cllr Frost" is Iwan Frost
        if resolution.key is None and len(resolution.candidates) > 1:
            lead = [key for key in resolution.candidates if key in self.lead]
            others = [key for key in resolution.candidates if key not in self.lead]
            # "Magda and Vilmos Esterhazy …" names both: no one of them leads.
            if len(lead) == 1 and not any(self._first_name(key) in self.lead_words for key in others):
                return Resolution(lead[0], written, resolution.candidates, PREFERRED)
            # "Mrs Ita said" under the byline Nkoyo Ita: the writer is never told of by a title and her surname, so it
            # is her aunt, Mrs Ekanem Ita
            if (
                normalize_name(words[0]) in FORMS_OF_ADDRESS
                and len(told_of := [key for key in resolution.candidates if key not in self.author_keys]) == 1
            ):
                return Resolution(told_of[0], written, resolution.candidates, PREFERRED)
            if (
                position is not None
                and normalize_name(written.split()[0]) in FORMS_OF_ADDRESS
                and (key := self._named_in_full_here(resolution.candidates, position, written.split()[0]))
            ):
                # "… with her grandmother, Ruth Adler, 91, watching. … Mrs Adler said only:": of two
                # Adlers, the one the paragraph has just named in full
                return Resolution(key, written, resolution.candidates, PREFERRED)
            seen = self.first_seen
            if (
                position is not None
                and " " not in written
                and (key := _one_named_so_far(resolution.candidates, lambda key: seen.get(key, position) < position))
            ):
                self.surname_for.setdefault(_fold(written), (key, position))
                return Resolution(key, written, resolution.candidates, PREFERRED)
            # "Halvorsen-Adeyemi says" of the director, then his nephew Femi Halvorsen-Adeyemi joins the
            # story: the surname alone still means the director.
            key, used = self.surname_for.get(_fold(written), (None, None))
            if position is not None and key in resolution.candidates and used < position:
                return Resolution(key, written, resolution.candidates, PREFERRED)
            if position is not None and key is None:
                # "Dr Anne-Sophie Le Bihan … “…,” she says" and her brother only in the cast list: "says Le
                # Bihan" is the one of them who has spoken so far
                speakers = {key for key in resolution.candidates if self.first_spoken.get(key, position) < position}
                if len(speakers) == 1:
                    self.surname_for[_fold(written)] = (key := speakers.pop(), position)
                    return Resolution(key, written, resolution.candidates, PREFERRED)
        return resolution

    def _named_in_full_here(self, candidates: Sequence[str], position: tuple[int, int], title: str) -> str | None:
        """The one of `candidates` the paragraph names in full before `position` that `title` may address:
        "Mrs" is no one the article calls a "he" or writes with "Sr."."""
        if normalize_name(title).strip(".") in FEMININE_TITLES:
            candidates = [
                key
                for key in candidates
                if self._gender_of_key(key) != "m"
                and normalize_name(self.directory.name_of(key) or "-").split()[-1].strip(".") not in GENERATIONS
            ]
        feminine = normalize_name(title).strip(".") in FEMININE_TITLES
        for paragraph in (position[0], position[0] - 1):
            # the paragraph before when this one names none of them in full, and only a woman the article
            # has called "she": "… and then her mother, Nneka Obiechina, who had flown in from Enugu." over
            # "“…,” Mrs Obiechina said afterwards."
            named = {
                mention.key
                for mention in self.named
                if mention.position[0] == paragraph
                and mention.position < position
                and mention.key in candidates
                and len(mention.written.split()) >= 2
                and normalize_name(mention.written.split()[0]) not in FORMS_OF_ADDRESS
                and (paragraph == position[0] or (feminine and self._gender_of_key(mention.key) == "f"))
            }
            if named:
                return named.pop() if len(named) == 1 else None
        return None

    def _first_name(self, key: str) -> str:
        name = self.directory.name_of(key) or ""
        return normalize_name(name.split()[0]) if name else ""

    def _relative(self, who: str, position: tuple[int, int]) -> _Speaker:
        """ "His mother": the mother of the man last named, when the article has said who she is
        ("Penhallow's son, Jory Penhallow"); otherwise nobody, never a guess."""
        pronoun, kin = who.split()
        if pronoun.lower() == "my":
            relative = self.kin.get((NARRATOR, kin.lower()))
            return _Speaker(relative, self.directory.name_of(relative) or who, None, CARRIED if relative else 0.0)
        if owner := self._kin_just_named(kin.lower(), position):
            # "… made by Sonam Rinzing Lepcha's son for every member of the cast. “He is nine,” his father said."
            return _Speaker(owner, self.directory.name_of(owner) or who, None, CARRIED)
        person = self.carry("he" if pronoun.lower() == "his" else "she", position, reinforce=False)
        relative = self.kin.get((person.key, kin.lower())) if person and person.key else None
        if relative is None and person and person.key:
            relative = self._family_member(person.key, kin.lower())
        if relative:
            return _Speaker(relative, self.directory.name_of(relative) or who, None, CARRIED)
        return _Speaker(None, " ".join(who.split()), None, 0.0)

    def _kin_just_named(self, kin: str, position: tuple[int, int]) -> str | None:
        """The person whose unnamed son or daughter the text just before `position` writes of, when `kin` is
        their parent: "his father" after "Sonam Rinzing Lepcha's son", in that sentence or the one before it."""
        text = self.paragraphs[position[0]][: position[1]]
        before = text[sentence_start(text, sentence_start(text, len(text)) - 1) if text else 0 :]
        owned = list(OWNED_KIN_RE.finditer(before))
        if not owned or owned[-1]["kin"].lower() not in {"son", "daughter"} or kin not in {"father", "mother"}:
            return None  # a parent, never "by her daughter's account" of "Selma Nghidinwa's mother"
        return self.resolve(" ".join(_trim_name_words(owned[-1]["owner"].split()))).key

    def _family_member(self, key: str, kin: str) -> str | None:
        """ "Her brother" of Katrin Aschenbrenner, when the article has said nothing closer: the one
        other person it names with her surname, of the kin word's gender where that is known."""
        name = self.directory.name_of(key)
        surname = _family_name(name) if name else ""
        wanted = KIN_GENDER.get(kin)
        family = [
            other
            for other in self.context
            if other != key
            and (other_name := self.directory.name_of(other))
            and _same_family_name(_family_name(other_name), surname)
            and (wanted is None or self._gender_of_key(other) in (None, wanted))
        ]
        return family[0] if surname and len(family) == 1 else None

    def collect_kin(self, narration: str) -> None:
        """Who is whose son, mother or wife, from "Penhallow's son, Jory Penhallow"."""
        for match in KIN_OF_RE.finditer(narration):
            if match["mine"]:
                owner = Resolution(NARRATOR, match["mine"])
            else:
                owner = self.resolve(" ".join(_trim_name_words(match["owner"].split())))
            relative = self.resolve(" ".join(_trim_name_words(match["relative"].split())))
            if owner.key and relative.key and owner.key != relative.key:
                kin = match["kin"].lower()
                self.kin[(owner.key, kin)] = relative.key
                for inverse in INVERSE_KIN[kin]:
                    self.kin.setdefault((relative.key, inverse), owner.key)

    def _may_name(self, run: str) -> bool:
        """Whether a run of capitals may name someone: "English" or "Tuesday" does not end the stretch
        a pronoun after a name is looked for in."""
        words = _trim_name_words(run.split())
        if not words:
            return False
        if len(words) > 1:
            return True
        resolution = self.directory.resolve(words[0], context_keys=self.context)
        return bool(resolution.key or resolution.candidates or self.directory.character(words[0]))

    def collect_pronoun_mentions(self, index: int, narration: str, stops: list[int], names: list[int]) -> None:
        """A "she" or "he" in narration carries the person it points back to, so a later pronoun can
        follow the chain: "Graça … she answers in Portuguese while her interpreter, Duarte Vilaça, puts
        her words into English. / “…,” she says." stays with Graça."""
        for match in SUBJECT_PRONOUN_RE.finditer(narration):
            position = (index, match.start())
            at = bisect_left(stops, match.start())
            sentence_end = stops[at] if at < len(stops) else len(narration)
            sentence_start = stops[at - 1] + 1 if at else 0
            later_name = bisect_right(names, match.end())
            named_after = later_name < len(names) and names[later_name] < sentence_end
            near_start = match.start() - sentence_start <= 100  # a leading clause is short
            if named_after and near_start and LEADING_CLAUSE_OPEN_RE.match(narration, sentence_start, match.start()):
                continue  # "Before she dies, Yew gets …": the name comes after, in the same sentence
            carried = self.carry(match.group(), position, reinforce=False)
            gender = PRONOUNS[match.group().lower()]
            if carried is None or carried.key is None or self._gender_of_key(carried.key) != gender:
                continue  # only a chain the article has shown holds: the person is known to be a "she"
            sentence = (index, self.sentence_number(index, match.start()))
            mention = _Mention(
                position, carried.key, carried.written or "", (), False, carried.character, carried.confidence,
                sentence, pronoun=gender,
            )  # fmt: skip
            self._insert_mention(mention)

    def _insert_mention(self, mention: _Mention, *, plain: bool = True) -> None:
        """Add a mention in reading order; `plain` ones may also be a cue-less quote's nearby subject."""
        for positions, mentions in (
            (self.named_positions, self.named),
            *(((self.plain_named_positions, self.plain_named),) if plain else ()),
        ):
            at = bisect_left(positions, mention.position)
            positions.insert(at, mention.position)
            mentions.insert(at, mention)

    def collect_job_mentions(self, index: int, narration: str) -> None:
        """ "The composer" in narration is the one person the article has given that job; "The actor", opening a
        sentence, the last person named who plays a part ("Tenzin Phuntsok, who plays the father, … Dhondup-la has
        refused to give him a number. The actor said he did not mind.")."""
        for match in DESCRIPTOR_RE.finditer(narration):
            holders = self.jobs.get(_job_name(JOB_BEFORE_RE.search(match.group() + " ")), ())
            position = (index, match.start())
            word = match.group().split()[-1].lower()
            if (
                not holders
                and word in DESCRIPTOR_GENDER
                and self.casts_anyone
                and opens_sentence(narration, position[1])
            ):
                carried = self.carry(match.group(), position, reinforce=False)
                holders = {carried.key} if carried and carried.key and not carried.character else set()
            if len(holders) != 1:
                continue
            (key,) = holders
            sentence = (index, self.sentence_number(index, match.start()))
            mention = _Mention(position, key, self.directory.name_of(key) or match.group(), sentence=sentence)
            self._insert_mention(mention)

    def collect_kin_mentions(self, index: int, narration: str) -> None:
        """ "Papadopoulou's father" in narration is the one person the article has shown to be him."""
        for match in OWNED_KIN_RE.finditer(narration):
            owner = self.resolve(" ".join(_trim_name_words(match["owner"].split())))
            if not owner.key:
                continue
            kin = match["kin"].lower()
            relative = self.kin.get((owner.key, kin)) or self._family_member(owner.key, kin)
            if relative is None:
                continue
            position = (index, match.start())
            sentence = (index, self.sentence_number(index, match.start()))
            self._insert_mention(
                _Mention(position, relative, self.directory.name_of(relative) or "", sentence=sentence)
            )

    def _learn_kin(self, mention: _Mention, narration: str, start: int) -> None:
        """What gives a name's gender from the words around it: "the actress Ada Obi", "her brother,
        Vilmos", "Mrs. Fludd"."""
        end = start + len(mention.written)
        if word := GENDERED_BEFORE_RE.search(narration[max(0, start - 16) : start]) or GENDERED_AFTER_RE.match(
            narration, end
        ):
            self.genders[mention.identity][GENDERED_WORDS[word["word"].lower()]] += 2
        elif (title := normalize_name(mention.written.split()[0])) in GENDERED_TITLES and " " in mention.written:
            self.genders[mention.identity][GENDERED_TITLES[title]] += 2

    def _is_subject(self, mention: _Mention, narration: str) -> bool:
        """Whether a name opens its sentence ("Vilmos Esterhazy, two years older, …"), not "Her
        supervisor, the fussy Major Quartermain, …"."""
        index, offset = mention.position
        number = self.sentence_number(index, offset)
        start = self.breaks(index)[number - 1] if number else 0
        prefix = narration[start:offset]
        return len(prefix.split()) <= 2 and not re.search(r"\b(?:her|his|their|its|my|our)\b", prefix, re.I)

    def _learn_job(self, mention: _Mention, narration: str, start: int, end: int) -> None:
        """Remember who the article gives a job: "the director" later means them, if nobody else has it."""
        if mention.key is None or mention.narrated_character:
            return
        if mention.possessive:
            # "Simran Kaur's novel about a Punjabi family": "the novelist" later is her
            if owned := WORK_OWNED_RE.match(narration, end):
                for job in OWNED_WORK_JOBS[(owned["work"] or owned["film"]).lower()]:
                    self.jobs[job].add(mention.key)
            return
        for match in (
            JOB_BEFORE_RE.search(narration, max(0, start - 40), start),
            JOB_AFTER_RE.match(narration, end),
            JOB_BRACKETED_RE.match(narration, end),  # "Present: Prof. Nermin Karaosmanoğlu-Aydın (chair), …"
            JOBS_LISTED_RE.search(narration, max(0, start - 200), start),
        ):
            if match:
                self.jobs[_job_name(match)].add(mention.key)
        agent = MADE_BY_RE.search(narration, max(0, start - 30), start)
        if agent and (job := MADE_BY_JOBS.get(agent["verb"].lower())):
            # "The costumes were designed by Shirin Ebrahimzadeh. … The designer admits it.": her job
            self.jobs[job].add(mention.key)
        if part := MADE_PART_RE.search(narration, max(0, start - 40), start):
            for job in MADE_PART_JOBS[part["part"].lower()]:
                self.jobs[job].add(mention.key)
        if NAME_REVEAL_RE.search(narration, max(0, start - 40), start):
            # "… says the stunt coordinator into her radio. … Her name is Morwenna Blaylock.": the job
            # the article gave someone before it named them is theirs.
            index = mention.position[0]
            jobs: list[re.Match] = []
            for number in range(max(0, index - REVEAL_REACH), index + 1):
                end = start if number == index else len(self.paragraphs[number])
                jobs.extend(JOB_MENTION_RE.finditer(self.paragraphs[number], max(0, end - REVEAL_WINDOW), end))
            if jobs:  # the last job named before, and the same job said more fully ("the stunt coordinator")
                word = jobs[-1]["job"].lower()
                for job in (job for job in jobs if job["job"].lower() == word):
                    self.jobs[_job_name(job)].add(mention.key)
                    self.jobs[word].add(mention.key)

    def _learn_gender(
        self, mention: _Mention, narration: str, after: int, scope_end: int, next_name: int | None
    ) -> None:
        """The first he/she after a name in its own sentence (before another name, and not opening a
        clause about someone else), or opening the next sentence when no name comes between."""
        scope = narration[after:scope_end]
        if self._made_by(mention):
            return  # "created by Jerzy Bannerman, he plays …": the "he" is the sentence's subject, not the maker
        if ACCORDING_TO_RE.search(narration, max(0, mention.position[1] - 20), mention.position[1]) and (
            PRONOUN_NEXT_RE.match(scope)
        ):
            return  # "According to Farraday, he was discovered at an open audition": he is someone else
        match = PRONOUN_WORD_RE.search(scope)
        # "Timur Aliyev rang his grandmother to ask whether she had watched. She had.": each "she" is hers
        relative = match and OTHERS_RELATIVE_RE.search(scope, 0, match.start())
        kin_pronoun = (
            bool(relative)
            and GENDERED_WORDS[relative["noun"].lower()] == PRONOUNS.get(match.group(1).lower().removesuffix("self"))
            and GENDERED_WORDS[relative["noun"].lower()] != PRONOUNS[OWNER_PRONOUNS[relative["owner"].lower()]]
        )
        if kin_pronoun:
            match = None
        if match and (SUBORDINATE_RE.search(scope[: match.start()]) or ANY_OBJECT_RE.search(scope[: match.start()])):
            match = None  # "… has taught her to swear, which she now does": the "she" is her
        if match is None and (possessive := SUBJECT_POSSESSIVE_RE.match(scope) or ASIDE_POSSESSIVE_RE.match(scope)):
            match = possessive  # "Dervla watched the ceremony on her phone", "Pinky, on her way out, leans …"
        other = OBJECT_PRONOUN_RE.search(scope)  # "… protecting her. She …": the next "she" may be her
        subject = self._is_subject(mention, narration)
        if (
            match is None
            and subject
            and not other
            and not kin_pronoun
            and scope_end < len(narration)
            and (next_name is None or next_name > scope_end)
        ):
            opening = NEXT_SENTENCE_PRONOUN_RE.match(narration, scope_end)
            match = opening if opening and (next_name is None or opening.end() <= next_name) else None
        if match:
            masculine = match.group(1).lower() in {"he", "him", "his", "himself"}
            self.genders[mention.identity]["m" if masculine else "f"] += 1

    def gender_of(self, mention: _Mention) -> str | None:
        return mention.pronoun or self._gender_of_key(mention.identity)

    def _gender_of_key(self, identity: str) -> str | None:
        votes = self.genders.get(identity)
        if not votes:
            return None
        (gender, count), *rest = [*votes.most_common(2), (None, 0)]
        return gender if count > rest[0][1] else None

    def carry(
        self, pronoun: str, before: tuple[int, int], exclude: str | None = None, *, reinforce: bool = True
    ) -> _Speaker | None:
        """The last fitting person before a position: not a possessive, same gender when known.

        Within the nearest sentence that names someone fitting, its first such name (usually the
        subject) wins. Characters named in narration count only once the article has shown that
        characters speak in it (an explicit cue naming one).
        """
        word = pronoun.split()[-1].lower()
        text = self.paragraphs[before[0]]
        if (
            word not in PRONOUNS
            and (nameless := NAMELESS_RE.search(text, before[1], before[1] + len(pronoun) + NAMELESS_REACH))
            and not re.search(r"[.!?]", text[before[1] : nameless.start()])
        ):
            return None  # "The floor manager, who did not give her name, could be heard …": nobody it names
        if len(holders := self.jobs.get(_job_name(JOB_BEFORE_RE.search(pronoun + " ")), ())) == 1:
            (key,) = holders
            return _Speaker(key, self.directory.name_of(key) or pronoun, None, CARRIED)
        if holders:
            # "The judges were Garbuglia and Qureshi-Lyall. … Qureshi-Lyall ate the whole oatcake, and the
            # camera cut to Tam. “…,” the judge said.": of those who hold the job, the one named last.
            for mention in islice(self.mentions_before(before), PRONOUN_LOOKBACK):
                if before[0] - mention.position[0] > PRONOUN_WINDOW:
                    break
                if mention.key in holders and mention.key != exclude and not mention.character:
                    return _Speaker(mention.key, mention.written, None, CARRIED * CARRIED)
        wanted = PRONOUNS.get(word, DESCRIPTOR_GENDER.get(word))
        behind_camera = word not in PRONOUNS and word not in DESCRIPTOR_GENDER
        in_front = word in DESCRIPTOR_GENDER and self.casts_anyone  # "the actress says": someone the article casts
        fitting = []
        owner = None  # "Carnforth's summing-up is short. “…,” he says": a possessive that opens its sentence
        any_owner = None  # "… about V. Kayalvizhi's studio … “…,” she said": when nobody else is there at all
        for mention in islice(self.mentions_before(before), PRONOUN_LOOKBACK):
            if before[0] - mention.position[0] > PRONOUN_WINDOW:
                break
            if (
                mention.narrated_character
                and not self.characters_speak
                and before[0] not in self.line_paragraphs
                and not _actors_role(mention.written)
            ):
                continue  # a role, unless written as its actor's: "Sokolova-Reid's Maud … she asks him"
            if mention.possessive:
                if not fitting and owner is None and self._owner_opens_sentence(mention):
                    owner = mention
                if not fitting and any_owner is None and mention.key and not mention.character:
                    any_owner = mention
                continue
            if exclude and mention.identity == exclude:
                continue
            if mention.position in self.said_i and word in PRONOUNS:
                continue  # "I said: “…” She said: “…”": whoever said "I" is not the "she"
            if behind_camera and mention.character:
                continue  # "the creator said": not a character, so not the actor who plays one
            if in_front and not mention.character and not self._plays_a_part(mention.key):
                continue  # "the actress says": not the make-up designer named beside her
            gender = self.gender_of(mention)
            if wanted and gender and gender != wanted:
                continue
            if wanted and self._acts_on(mention) == wanted:
                continue  # "when Théodore-Blaise asked him how, he shrugged": she is not the "he"
            if wanted and self._object_of(mention) == wanted:
                continue  # "She thanked the director, Namgung Ha-neul, … “…,” she said": not the director
            if fitting and mention.sentence != fitting[0].sentence:
                break
            if not behind_camera and self._maker_aside(mention, before):
                continue  # "In The Vineyard, directed by Revaz Tsintsadze, she plays Marine": not the director
            fitting.append(mention)
        chosen = fitting[-1:]
        if (nameless := self._nameless_before(before)) and (not chosen or chosen[0].position < nameless):
            return None  # "He declined to give his name, but he did offer a review. “…,” he said."
        if NAMELESS_AFTER_RE.match(self.paragraphs[before[0]], before[1]):
            return None  # the "he" who declined to give his name
        if (
            wanted
            and (mine := self._my_relative_before(wanted, before))
            and (not chosen or chosen[0].position < mine[1])
        ):
            # "… and a bunch of flowers, which my mother immediately rearranges. “…,” she says.": the
            # writer's mother, named earlier ("I ring my mother, Farideh Moshiri")
            return _Speaker(mine[0], self.directory.name_of(mine[0]) or "", None, CARRIED)
        if (
            wanted
            and (unnamed := self._unnamed_before(wanted, before) or self._unnamed_who(wanted, before))
            and (not chosen or chosen[0].position < unnamed)
        ):
            # "… a spokeswoman for Copperleaf declined to say. “…,” she said."; "my grandmother kept a lump of
            # amber …, and when I asked where it came from she said", a relative the article never names
            return None
        if (
            not chosen
            and owner is None
            and any_owner is None
            and wanted
            and not self.paragraphs[before[0]][: before[1]].strip()  # the pronoun opens the paragraph
            and (key := self.turn_speakers.get(before[0] - 1))
            and self._gender_of_key(key) in (None, wanted)
        ):
            # "DILNOZA: The one in episode four …" / "She then says it, in Ra'no's voice: “…”": with nobody named
            # nearby, the transcript's last speaker, just above
            return _Speaker(key, self.directory.name_of(key) or "", None, CARRIED)
        if not chosen and owner is None and any_owner is not None:
            owner = any_owner
        if owner and (not chosen or chosen[0].sentence < owner.sentence):
            gender = self.gender_of(owner)
            if not (wanted and gender and gender != wanted) and not (exclude and owner.identity == exclude):
                chosen = [owner]
        known = [mention for mention in fitting if wanted and self.gender_of(mention) == wanted]
        if chosen and known and self.gender_of(chosen[0]) is None and not self._opens_sentence(chosen[0]):
            # "When Ferdinand won, Dervla watched on her phone. … she says": in the sentence, the
            # name known to be a "she" over one whose gender the article has not shown, unless that
            # one opens it ("Fong, who has doubled for Lau since …, shrugs. “…,” she says").
            chosen = known[-1:]
        elif (
            chosen
            and wanted
            and self.gender_of(chosen[0]) is None
            and (pair := self._paired_subject(chosen[0]))
            and self.gender_of(pair) == wanted
            and pair.identity != exclude
        ):
            # "Arreola has bowled a strike in her street shoes. Solberg has bowled into the next lane.
            # “…,” she says": two sentences, each opened by one of a pair; the one known to be a "she".
            chosen = [pair]
        if (
            chosen
            and wanted
            and self.spoken
            and chosen[0].identity == self.spoken[-1].identity
            and self.spoken[-1].addressed == wanted
            and self.spoken[-1].position[0] >= before[0] - 1
        ):
            # "“…,” Wilfred tells her. / “…,” she says.": she is the one he spoke to.
            return self.carry(pronoun, before, exclude=self.spoken[-1].identity, reinforce=reinforce)
        if chosen and wanted and self.gender_of(chosen[0]) is None and self.spoken and chosen[0] is self.spoken[-1]:
            # Dialogue: "“…,” Henrietta snaps. / “…,” Quartermain replies. / “…,” she says." When the
            # last speaker's gender is unknown and the one before, a line or two earlier, is known to
            # be a "she", the exchange has come back to her.
            last = chosen[0]
            earlier = next((m for m in reversed(self.spoken[:-1]) if m.identity != last.identity), None)
            if earlier and last.position[0] - earlier.position[0] <= 2 and self.gender_of(earlier) == wanted:
                chosen = [earlier]
        if chosen and chosen[0].key is None and chosen[0].candidates:
            # "That Dana is Pryce. … she said": an ambiguous name beside one of its own candidates
            # named outright in the same sentence means that candidate.
            named = [m for m in fitting if m.key and m.key in chosen[0].candidates]
            chosen = named[-1:] or chosen
        if chosen and chosen[0].key is None and chosen[0].candidates and wanted:
            # "Valdivieso" is either sibling; "she" is the one the article has shown is a woman.
            remaining = [key for key in chosen[0].candidates if self._gender_of_key(key) in (None, wanted)]
            if len(remaining) == 1:
                (key,) = remaining
                chosen = [replace(chosen[0], key=key, written=self.directory.name_of(key) or chosen[0].written)]
        if (
            chosen
            and wanted
            and chosen[0].position[0] < before[0]
            and chosen[0].key not in self.lead
            and not self._reports(chosen[0])
            and not (chosen[0].pronoun and chosen[0].position[0] == before[0] - 1)
        ):
            # "In my first email I asked why she had agreed. / “…,” she replied.": with nobody fitting
            # named in the pronoun's own paragraph, the article's subject: where they last spoke, or
            # were last named ("… has died. She was 86." / … / "“…,” she said."). Not when the paragraph
            # before ends on another "she" of theirs ("His father … he said he had bought a suit.").
            lead = self._lead_mention(exclude)
            if lead and self.gender_of(lead) == wanted:
                chosen = [lead]
        elif not chosen and wanted:
            # Nobody of hers named for paragraphs, in a piece about her: "She has no intention of
            # retiring. … “I get a chair with my name on it,” she says finally."
            lead = self._lead_mention(exclude)
            if lead and self.gender_of(lead) == wanted and not self._someone_unnamed(wanted, before):
                chosen = [lead]
        if (
            wanted
            and chosen
            and self.gender_of(chosen[0]) != wanted
            and self._unnamed_between(wanted, chosen[0].position, before, same_sentence=True)
        ):
            # "Jasur rang his mother on air to ask whether she had forgiven Bahodir. … “…,” she said.": his
            # mother, whom the article does not name, comes after him; he is not known to be a "she"
            return None
        for mention in chosen:
            if reinforce and wanted and mention.identity and not self._made_by(mention):
                # a "he" carried back to "created by Nakahara Yūko" is a guess: it teaches no gender
                self.genders[mention.identity][wanted] += 1
            return _Speaker(
                mention.key,
                mention.written,
                mention.character,
                mention.confidence * CARRIED,
                mention.candidates if mention.key is None else (),
            )
        return None

    @staticmethod
    def _speaks_in_narration(mention: _Mention, narrations: Mapping[int, str]) -> bool:
        """Whether a role named in narration is said to speak there ("Sol says no, of course")."""
        if not mention.narrated_character or mention.possessive or mention.position[0] not in narrations:
            return False
        index, offset = mention.position
        return bool(CHARACTER_SPEAKS_RE.match(narrations[index], offset + len(mention.written)))

    def _acts_on(self, mention: _Mention) -> str | None:
        """ "m" or "f" when the name's own verb takes a "him" or "her": "Théodore-Blaise asked him how"."""
        index, offset = mention.position
        match = ACTS_ON_RE.match(self.paragraphs[index], offset + len(mention.written))
        return None if match is None else ("m" if match["whom"] else "f")

    def _object_of(self, mention: _Mention) -> str | None:
        """ "m" or "f" when the name is whom a "he" or "she" acts on: "She thanked the director, Namgung Ha-neul"."""
        index, offset = mention.position
        text = self.paragraphs[index]
        match = OBJECT_OF_PRONOUN_RE.search(text, max(0, offset - 80), offset)
        return None if match is None else PRONOUNS[match["pronoun"].lower()]

    def _plays_a_part(self, key: str | None) -> bool:
        entry = self.directory.people.get(key) if key else None
        return entry is not None and bool(entry.characters)

    def _maker_aside(self, mention: _Mention, before: tuple[int, int]) -> bool:
        """Whether a name is a maker in an aside that ends just before the pronoun at `before` ("…, directed by
        Revaz Tsintsadze, she plays …"; not "created by Maelona Quarrie, who left, she has said, …")."""
        index, at = mention.position
        end = at + len(mention.written)
        if index != before[0] or not 0 < before[1] - end <= 4:  # the cheap test first: it runs for every name
            return False
        return re.fullmatch(r"\s*,\s*", self.paragraphs[index][end : before[1]]) is not None and self._made_by(mention)

    def _made_by(self, mention: _Mention) -> bool:
        """Whether a name follows "created by", "written by" and the like: a maker, not who the story is about."""
        text, at = self.paragraphs[mention.position[0]], mention.position[1]
        return MADE_BY_RE.search(text, max(0, at - 40), at) is not None

    def _lead_mention(self, exclude: str | None) -> _Mention | None:
        """Where the headline's one subject last spoke or was named, when the headline has one."""
        if len(self.lead) != 1:
            return None
        latest = islice(chain(reversed(self.spoken), reversed(self.plain_named)), LEAD_LOOKBACK)
        return next((m for m in latest if m.key in self.lead and m.key != exclude), None)

    def _someone_unnamed(self, gender: str, position: tuple[int, int]) -> bool:
        """Whether the pronoun's paragraph or the one before speaks of someone of `gender` by what they
        are, not by name ("My mother watched the finale … At the end she rang me")."""
        texts = [self.paragraphs[position[0]][: position[1]]]
        if position[0] > 0:
            texts.append(self.paragraphs[position[0] - 1][-UNNAMED_WINDOW:])
        return any(
            GENDERED_WORDS.get(match["noun"].lower()) == gender
            for text in texts
            for match in UNNAMED_PERSON_RE.finditer(text, max(0, len(text) - UNNAMED_WINDOW))
        )

    def _unnamed_between(
        self, gender: str, start: tuple[int, int], end: tuple[int, int], *, same_sentence: bool = False
    ) -> tuple[int, re.Match] | None:
        """Where a relative of `gender` is spoken of by what they are to someone of the other gender, not by
        name ("Jasur rang his mother"), and taken up by a pronoun of theirs, between two positions a paragraph
        or so apart (with `same_sentence`, only in the sentence `start` is in): (paragraph, match), or None."""
        if end[0] - start[0] > 1:
            return None
        for index in range(start[0], end[0] + 1):
            text = self.narrations.get(index, "")  # not "my grandmother's earrings" inside a quote
            low, high = start[1] if index == start[0] else 0, end[1] if index == end[0] else len(text)
            reach = high
            if same_sentence:
                if index != start[0]:
                    break
                breaks = self.breaks(index)
                reach = min(high, next((at for at in breaks if at > low), len(text)))
            for match in OTHERS_RELATIVE_RE.finditer(text, low, reach):
                owner = PRONOUNS[OWNER_PRONOUNS[match["owner"].lower()]]
                if GENDERED_WORDS[match["noun"].lower()] != gender or owner == gender:
                    continue  # "Abi Nader said his uncle had asked him": his uncle may be the "he" as well as he
                # not "his mother, Farideh", named; not "her daughter's school", an owner; not "the father of
                # the bride", a description
                if NAMED_AFTER_RELATIVE_RE.match(text, match.end()):
                    continue
                # nor "who played his wife", "whether he is her son": what someone named plays or is
                if PREDICATE_BEFORE_RE.search(text, max(0, match.start() - 12), match.start()):
                    continue
                if PRONOUN_OF_GENDER_RE[gender].search(text, match.end(), high + 4):  # the pronoun itself too
                    return index, match
        return None

    def _my_relative_before(self, gender: str, position: tuple[int, int]) -> tuple[str, tuple[int, int]] | None:
        """The writer's relative of `gender` spoken of as "my mother" earlier in the pronoun's own
        paragraph, when the article has said who that is."""
        text = self.paragraphs[position[0]]
        found = None
        for match in MY_KIN_RE.finditer(text, max(0, position[1] - UNNAMED_WINDOW), position[1]):
            kin = match["kin"].lower()
            if KIN_GENDER.get(kin) == gender and (relative := self.kin.get((NARRATOR, kin))):
                found = (relative, (position[0], match.start()))
        # "His sister was less sentimental. “…,” she said.": a relative of the man last named, as the
        # sentence's subject, when the article has said who she is
        for match in THEIR_KIN_RE.finditer(text, max(0, position[1] - UNNAMED_WINDOW), position[1]):
            if KIN_GENDER.get(match["kin"].lower()) != gender or not opens_sentence(text, match.start()):
                continue
            if (found is None or found[1][1] < match.start()) and (
                relative := self._relative(match[0], (position[0], match.start())).key
            ):
                found = (relative, (position[0], match.start()))
        return found

    def _unnamed_before(self, gender: str, position: tuple[int, int]) -> tuple[int, int] | None:
        """Where someone of `gender` the article does not name last opened a clause in the pronoun's
        paragraph, before it: "a spokeswoman for the channel declined to say"."""
        index = position[0]
        if index not in self.unnamed:  # found once per paragraph
            text = self.paragraphs[index]
            self.unnamed[index] = sorted(
                [
                    *(
                        (match.start("noun"), UNNAMED_GENDER[match["noun"].lower()])
                        for match in UNNAMED_SUBJECT_RE.finditer(text)
                    ),
                    *(
                        (match.start("noun"), PERSON_NOUN_GENDER.get(match["noun"], ""))
                        for match in UNNAMED_OPENING_RE.finditer(text)
                    ),
                ]
            )
        found = self.unnamed[index]
        return next(
            (
                (index, start)
                for start, fits in reversed(found[: bisect_left(found, (position[1], ""))])
                if fits in (gender, "")  # "a passenger" may be the "she" as well as the "he"
            ),
            None,
        )

    def _unnamed_who(self, gender: str, position: tuple[int, int]) -> tuple[int, int] | None:
        """Where someone of `gender` the article does not name opens the relative clause the pronoun is in: "a
        woman who had waited for three hours and said she was from Wausau"."""
        index, at = position
        text = self.paragraphs[index]
        for match in UNNAMED_WHO_RE.finditer(text, max(0, at - UNNAMED_WHO_REACH), at):
            if UNNAMED_GENDER[match["noun"].lower()] == gender and not re.search(
                rf"[.!?;{UPPER}“”\"]", text[match.end() : at]
            ):
                return index, match.start("noun")
        return None

    def _withheld(self, who: str, position: tuple[int, int]) -> bool:
        """Whether a pronoun cue stands for someone the article said it would not name: "His daughter, who
        asked not to be named, … “…,” she said." is nobody's quote, not the nearest name's."""
        return (
            bool(re.fullmatch(PRONOUN, who))
            and (
                self._nameless_before(position) is not None
                # "Jasur rang his mother on air to ask whether she had forgiven Bahodir. … “…,” she said.": his mother
                or (
                    (gender := PRONOUNS.get(who.lower())) is not None
                    and (relative := self._unnamed_between(gender, (max(0, position[0] - 1), 0), position))
                    # (not "let his wife translate" where the article says who his wife is)
                    and not self._relative(
                        f"{relative[1]['owner']} {relative[1]['noun']}", (relative[0], relative[1].start())
                    ).key
                )
                or NAMELESS_AFTER_RE.match(self.paragraphs[position[0]], position[1]) is not None
                # "a man in a rugby shirt stops dead on the path. ‘Bro! Pastor!’ he shouts": someone unnamed
                or (
                    (gender := PRONOUNS.get(who.lower())) is not None
                    and (unnamed := self._unnamed_before(gender, position)) is not None
                    and self.narrations.get(unnamed[0], "")[unnamed[1] : unnamed[1] + 1].strip() != ""  # not in a quote
                    # not "Marshal Adelaide Pike, …, the only woman with a badge": a description of someone named
                    and not re.search(
                        rf"[{UPPER}][{WORD}'’-]*,[ \t]+(?:[\w-]+[ \t]+){{1,3}}$",
                        self.paragraphs[position[0]][: unnamed[1]],
                    )
                )
            )
        )

    def _nameless_before(self, position: tuple[int, int]) -> tuple[int, int] | None:
        """Where the article last said, in this paragraph or the one before, that someone would not
        be named: the "he" after it is that person, whom no name stands for."""
        for index in (position[0], position[0] - 1):
            if index < 0:
                break
            if index not in self.nameless:  # found once per paragraph: a pronoun may come thousands of times
                self.nameless[index] = _nameless_at(self.paragraphs[index])
            found = self.nameless[index]
            last = bisect_left(found, position[1]) - 1 if index == position[0] else len(found) - 1
            if last >= 0:
                return (index, found[last])
        return None

    def _reports(self, mention: _Mention) -> bool:
        """Whether the name is the subject of a speech verb straight after it, reporting what they
        said: "Quincey-Adair adds that the decision was made in a car park." Their own words come next."""
        paragraph, start = mention.position
        return REPORTING_RE.match(self.paragraphs[paragraph], start + len(mention.written)) is not None

    def _paired_subject(self, mention: _Mention) -> _Mention | None:
        """The subject of the sentence just before, when it and `mention` each open their sentence in
        one paragraph and are two different people: "Arreola has bowled a strike. Solberg has bowled …"."""
        if not self._opens_sentence(mention):
            return None
        for other in islice(self.mentions_before(mention.position), PRONOUN_LOOKBACK):
            if other.position[0] != mention.position[0] or other.sentence[1] < mention.sentence[1] - 1:
                return None
            if other.sentence[1] == mention.sentence[1] - 1 and other.identity != mention.identity:
                return other if not other.possessive and self._opens_sentence(other) else None
        return None

    def _opens_sentence(self, mention: _Mention) -> bool:
        """Whether a name opens its sentence, past a short leading phrase ("Within five minutes, Arreola …")."""
        text, at = self.paragraphs[mention.position[0]], mention.position[1]
        opening = text[sentence_start(text, at) : at]
        return not opening.strip(" \t\"“‘'") or LEADING_PHRASE_RE.fullmatch(opening.strip()) is not None

    def _owner_opens_sentence(self, mention: _Mention) -> bool:
        """Whether a possessive name opens its sentence and owns a thing, not a person: "Carnforth's
        summing-up", never "Tom's mother"."""
        text = self.paragraphs[mention.position[0]]
        if not opens_sentence(text, mention.position[1]):
            return False
        owned = OWNED_RE.match(text, mention.position[1] + len(mention.written))
        return owned is not None and owned["word"].casefold() not in OWNED_PEOPLE

    def stands_for(
        self, pronoun: str, position: tuple[int, int], *, alone: bool = False, nearest: bool = False
    ) -> str | None:
        """The full name of the person a "she" or "he" at `position` is, when the article has shown
        their gender, or when the pronoun's sentence opens with them: "Maren Oakes is …, in which she
        plays …". With `alone`, also when they are the one person named so far; with `nearest`, when
        they are the last person named, in the pronoun's paragraph ("the sound engineer, Zhou Jian, …
        To the whole building he is Lao Zhou"). A character is never the answer."""
        speaker = self.carry(pronoun, position, reinforce=False)
        if speaker is None or speaker.key is None or speaker.character:
            return None
        gender = self._gender_of_key(speaker.key)
        text = self.paragraphs[position[0]]
        first = NAME_RUN_RE.search(text, sentence_start(text, position[1]), position[1])
        opens = first is not None and " ".join(_trim_name_words(first.group().split())) == speaker.written
        if gender is None:
            fits = (
                opens
                or self._lead_last_named(speaker.key, position)
                or (alone and self._only_named(speaker.key, position))
                or (nearest and self._last_named(speaker.key, position, PRONOUNS[pronoun.lower()]))
            )
        else:
            fits = gender == PRONOUNS[pronoun.lower()]
        if fits:
            return self.directory.name_of(speaker.key) or speaker.written
        return None

    def _lead_last_named(self, key: str, position: tuple[int, int]) -> bool:
        """Whether `key` is the headline's one subject and the last person named before `position`:
        "Wren is ten. In Periwinkle Lane, …, she plays Poppy Threlfall" in a profile of Wren."""
        if self.lead != {key}:
            return False
        for mention in islice(self.mentions_before(position), PRONOUN_LOOKBACK):
            if mention.possessive or mention.pronoun or self._maker_aside(mention, position):
                continue  # nor "…, directed by Giorgi Dadiani, she plays …"
            return mention.key == key
        return False

    def _last_named(self, key: str, position: tuple[int, int], gender: str | None) -> bool:
        """Whether `key` is the last person of `gender` (or of none known) named before `position`, in its
        paragraph (a name that fits nobody, or several, passed over: "Zhou Jian, is also a Zhou, no relation")."""
        for mention in islice(self.mentions_before(position), PRONOUN_LOOKBACK):
            if mention.possessive or mention.pronoun or mention.key is None:
                continue
            if (known := self.gender_of(mention)) and known != gender:
                continue  # "Neli Ivanova, his daughter, starred. To the young crew he was Bai Todor."
            return mention.key == key and mention.position[0] == position[0]
        return False

    def _only_named(self, key: str, position: tuple[int, int]) -> bool:
        """Whether `key` is the one person the article has named before `position`: "the mirror of
        Dorothea Ampadu-Riley … She has played Queenie Marsh" with nobody else in the story yet."""
        return all(mention.key == key for mention in islice(self.mentions_before(position), PRONOUN_LOOKBACK))

    def mentions_before(self, position: tuple[int, int]) -> Iterator[_Mention]:
        """Named people and quote speakers before `position`, nearest first (a name before a speaker
        at the same place)."""
        named = bisect_left(self.named_positions, position) - 1
        spoken = bisect_left(self.spoken_positions, position) - 1
        while named >= 0 or spoken >= 0:
            if spoken < 0 or (named >= 0 and self.named_positions[named] >= self.spoken_positions[spoken]):
                yield self.named[named]
                named -= 1
            else:
                yield self.spoken[spoken]
                spoken -= 1

    def role(self, written: str) -> tuple[str, str] | None:
        """(character, actor key) for a role written in full or in part, unless the role bears the name
        of a person in the article's cast: a documentary's "Farida Hossain-Lowry", played in its
        reconstructions by an actor, is Farida Hossain-Lowry when the article speaks of her."""
        role = self.directory.character(written)
        if role and self.directory.keys_of(role[0]):
            return None
        return role

    def titled(self, title: str) -> str | None:
        """The one name the article writes after `title` ("Dame Perpetua" for "Dame"), when every
        such name is the same person or role; read once per title."""
        if title not in self._titled:
            pattern = re.compile(
                rf"\b{re.escape(title)}[ \t]+(?P<name>[{UPPER}][{WORD}’'-]+(?:[ \t]+[{UPPER}][{WORD}’'-]+)?)"
            )
            found: dict[str, str] = {}
            for paragraph in self.paragraphs:
                for match in pattern.finditer(paragraph):
                    name = POSSESSIVE_RE.sub("", match["name"])
                    written = f"{title} {name}"
                    resolution = self.resolve(written)
                    if resolution.key is None and " " in name and (plain := self.resolve(name)).key:
                        written, resolution = name, plain  # "Dame Perpetua Stallybrass" is Perpetua Stallybrass
                    role = self.role(written) if resolution.key is None else None
                    identity = resolution.key or (role and role[1]) or None
                    if identity is None:
                        found[f"?{written}"] = written  # a name nobody resolves: it may be anyone's
                    else:
                        found.setdefault(identity, written)
            self._titled[title] = next(iter(found.values())) if len(found) == 1 else None
        return self._titled[title]

    def _statement_issuer(self, position: tuple[int, int]) -> _Speaker | None:
        """The person the last paragraph or two say issued a statement, when the article names them."""
        index, offset = position
        for number in range(index, max(-1, index - STATEMENT_REACH), -1):
            text = self.paragraphs[number][: offset if number == index else None]
            if issued := list(STATEMENT_BY_RE.finditer(text)):
                match = issued[-1]
                name = " ".join(_trim_name_words(next(who for who in match.groups() if who).split()))
                found = self.identify(name, (number, match.start())) if name else None
                return found if found and found.key else None
            if ANOTHER_STATEMENT_RE.search(text):
                return None  # "A statement was also posted online": somebody else's, or nobody's
        return None

    def identify(self, who: str, position: tuple[int, int], exclude: str | None = None) -> _Speaker | None:
        """Who a cue names: a pronoun or descriptor carried over (never `exclude`, the one the quote
        speaks to), a person, a character, or a name as written."""
        if owner := OWN_WORDS_RE.fullmatch(who):
            return self.carry(OWNER_PRONOUNS[owner["owner"].lower()], position)  # "her statement said"
        if re.fullmatch(r"[Tt]he[ \t]+statement", who) and (issuer := self._statement_issuer(position)):
            return issuer  # "… said in a statement …. “…,” the statement said": the one who issued it
        if re.fullmatch(UNNAMED, who) or re.fullmatch(INDEFINITE, who) or POSSESSED_RE.search(who):
            return _Speaker(None, " ".join(who.split()), None, 0.0)
        if re.fullmatch(KIN_WHO, who):
            return self._relative(who, position)
        if who in HOME_KIN and (NARRATOR, HOME_KIN[who]) in self.kin:
            return self._relative(f"my {HOME_KIN[who]}", position)
        text = self.paragraphs[position[0]]
        if (member := MEMBER_OF_RE.search(text, max(0, position[1] - 60), position[1])) and (
            self.resolve(" ".join(_trim_name_words(member["name"].split()))).key
        ):
            # "Lorimer Dace of the Kingsway Gazette, who …, called it “…”": the critic, not his paper.
            return self.identify(member["name"], (position[0], member.start("name")))
        words = who.split()
        if (len(words) == 1 and words[0].lower() in PRONOUNS) or re.fullmatch(DESCRIPTOR, who):
            return self.carry(who, position, exclude=exclude)
        if self._job_word(who) and not self._known(who):
            return self.carry(f"the {who.lower()}", position, exclude=exclude)  # "Director's note": the director
        words = _trim_name_words(words)
        if not words:
            return None
        if len(words) == 1 and normalize_name(words[0]) in CHARACTER_TITLES and not self.directory.knows(words[0]):
            # "said the Dame": the one person the article gives that title ("Dame Perpetua"), or nobody.
            if (titled := self.titled(words[0])) is None:
                return _Speaker(None, " ".join(who.split()), None, 0.0)
            speaker = self.identify(titled, position)
            return speaker and replace(speaker, confidence=speaker.confidence * CARRIED)
        written = POSSESSIVE_RE.sub("", " ".join(words)) if " ".join(words)[-2:] in {"’s", "'s"} else " ".join(words)
        resolution: Resolution = self.resolve(written, position)
        if rank := RANKED_RE.search(self.paragraphs[position[0]], max(0, position[1] - 12), position[1]):
            # "the younger Pengelly said": of the family, the one just named who is not the headline's;
            # "the elder Penhallow": the headline's, when the family is theirs.
            shared = self.directory.resolve(written, context_keys=self.context).candidates
            if rank.group(1).lower() != "younger":
                lead = [key for key in shared if key in self.lead]
                last = next(
                    (
                        m
                        for m in islice(self.mentions_before(position), PRONOUN_LOOKBACK)
                        if m.key in shared and not m.character and not m.possessive
                    ),
                    None,
                )
                if (
                    last is not None
                    and last.key not in self.lead
                    and position[0] - last.position[0] <= 2
                    and not YOUNGER_KIN_RE.search(
                        self.paragraphs[last.position[0]], max(0, last.position[1] - 40), last.position[1]
                    )
                ):
                    # "Remedios is unmoved by the praise. … “He’s good,” the elder Villanueva says":
                    # the one of the family just spoken of, in a profile of her grandson.
                    return _Speaker(last.key, written, None, PREFERRED)
                if len(lead) == 1:
                    return _Speaker(lead[0], written, None, PREFERRED)
            else:
                for mention in islice(self.mentions_before(position), PRONOUN_LOOKBACK):
                    if mention.key in shared and mention.key not in self.lead:
                        return _Speaker(mention.key, written, None, PREFERRED)
        if resolution.confidence < 1.0 and (role := self.role(written)):
            character, actor = role
            self.characters_speak = True
            return _Speaker(actor, written, character, EXPLICIT * 0.9)
        if resolution.key:
            return _Speaker(resolution.key, written, None, resolution.confidence)
        if (
            not resolution.candidates
            and INITIALS_RE.fullmatch(written)
            and (initialled := self._initialled(_fold(written)))
        ):
            # "JCR: «…»" in a continuity book that names Jordi Casals i Riera: the one person with those initials
            return self.identify(*initialled)
        return _Speaker(None, written, None, 0.0, resolution.candidates)

    # Attribution ------------------------------------------------------------------------------

    def cue_after(self, span: _Span, next_open: int) -> tuple[str, tuple[int, int]] | None:
        text = self.paragraphs[span.end_paragraph]
        after = _blank_brackets(text[span.end + 1 : next_open])
        # "“Next time I will say it faster.” Macaraeg-Dumlao answered beneath it: “…”", "“… the boat.” Simanjuntak
        # says nothing for a long time and then, very quietly, “…”": a new sentence that ends in a colon or a
        # comma leads the next quote in
        leads_next = next_open < len(text) and re.search(r"[.!?…]$", span.text) and after.rstrip().endswith((":", ","))
        for pattern in (
            ()
            if leads_next
            else (AFTER_SUBJECT_RE, AFTER_VERB_TITLED_RE, AFTER_VERB_RE, AFTER_ACCORDING_RE, AFTER_WORDS_OF_RE)
        ):
            if match := pattern.match(after):
                if (
                    re.search(r"[.!?…]$", span.text)
                    and match.groupdict().get("verb")
                    and re.match(r"[ \t]+(?:that|she|he|they|we)\b", after[match.end("verb") :])
                    # (a pronoun's clause only after a quote that carries on from one before it in the paragraph)
                    and (
                        after[match.end("verb") :].lstrip().startswith("that")
                        or CARRIED_ON_RE.search(text, 0, span.start)
                    )
                ):
                    # "«… episode six.» Giorgos Antoniadis, …, promises that Stelios …", "“…” Marthe Abet said she
                    # had taken leave": a new sentence, reporting what someone else said
                    break
                if (
                    re.search(r"[.!?…]$", span.text)
                    and match.groupdict().get("verb") in {"shared", "shares"}
                    and re.match(r"[ \t]+(?:the|a|an|his|her|their|it|this|that)\b", after[match.end("verb") :])
                ):
                    break  # "'… the right one.' Hira Bukhari, …, shared the post without comment": a new sentence
                who = _apposed(after, match)
                if owner := POSSESSED_RE.match(after, match.end("who")):
                    who += owner.group()  # "said Ann Lee's co-star": somebody else, named by relation
                return who, (span.end_paragraph, span.end + 1 + match.start("who"))
        raw = text[span.end + 1 : next_open]
        if (someone := SOMEONE_AFTER_RE.match(raw)) and (named := REVEALED_RE.match(raw, someone.end())):
            return named["who"], (span.end_paragraph, span.end + 1 + named.start("who"))
        if IT_READS_RE.match(raw) and (owners := list(WRITING_OF_RE.finditer(text, 0, span.start))):
            # "Inês Tavares Gouveia's label hangs opposite. “…,” it reads.": the words of whoever wrote it
            return owners[-1]["owner"], (span.end_paragraph, owners[-1].start("owner"))
        if (initials := INITIALS_AFTER_RE.match(raw)) and (signed := self._signed_with(initials["initials"])):
            return signed  # "“Order more anchovies.” J. M. Ll.", "“…” (P. Ó C.)": whoever signs so
        if match := (
            SOURCE_BRACKET_RE.match(raw)
            or SOURCE_DASH_RE.match(raw)
            or SOURCE_SIGNED_RE.match(raw)
            or SOURCE_SIGNED_WORD_RE.match(raw)
        ):
            # a critics' poll: "“…” (Kang Seo-yeon, Hanbit Ilbo)", "“…” – Leopold Mwangi, Nordlys Avis"
            if match.re is SOURCE_DASH_RE and " " not in match["who"] and re.match(r"\W*-", raw):
                return None  # a children's poll, "“…” - Kaimana, 7, Hilo": a first name alone names nobody
            if match.re is SOURCE_DASH_RE and match["who"].isupper() and _fold(match["who"]) in self.author_initials:
                return None  # "“…” — DP": a live blog's post signed by the byline who wrote it
            return match["who"], (span.end_paragraph, span.end + 1 + match.start("who"))
        if (
            re.search(r"[,!?…—–-]$", span.text)
            and (match := OPEN_AFTER_RE.match(after))
            # "“… sit now?” Dari's reply has been …: “…”": someone's words, leading the next quote in
            and not (leads_next and POSSESSIVE_RE.search(match["who"]))
        ):
            who = match["who"]
            words = _trim_name_words(who.split())
            if who.lower() in PRONOUNS or re.fullmatch(KIN_WHO, who) or (words and self._known(" ".join(words))):
                return who, (span.end_paragraph, span.end + 1 + match.start("who"))
        if re.search(r"[,!?…—–-]$", span.text) and (match := OPEN_VERB_FIRST_RE.match(after)):
            words = _trim_name_words(match["who"].split())
            if words and self._known(" ".join(words)):
                return match["who"], (span.end_paragraph, span.end + 1 + match.start("who"))
        return None

    def _line_of(self, segment: str) -> re.Match | None:
        """The owner of "Veck's last line — “…”", when the owner is one person or one role."""
        match = LINE_OF_RE.search(segment)
        who = match and (
            match["who"]
            or match["owner"]
            or match["actor"]
            or match["writer"]
            or match["user"]
            or match["haver"]
            or match["possessor"]
        )
        if who and (self.resolve(who).key or self.role(who) or self._job_word(who)):
            return match
        if match and (described := match["described"] or match["possessed"]) and self._described_role(described):
            return match
        return None

    def _described_role(self, written: str) -> tuple[str, str] | None:
        """The role "the woman" describes ("The Woman Under the Tree"), looked up once per description."""
        if written not in self.described_roles:
            self.described_roles[written] = self.directory.described_character(written) or self._role_described_as(
                written
            )
        return self.described_roles[written]

    def _role_described_as(self, written: str) -> tuple[str, str] | None:
        """The one role a credit describes so: "the makhadzi" where "Tshilidzi Nemavhola plays the makhadzi,
        VhoMavhungu", "the mayor" where "Jurij Nowak plays the mayor, Měrćin Kral"."""
        noun = normalize_name(written).removeprefix("the ").strip()
        roles = {
            role
            for text in self.paragraphs
            if " plays " in text
            for match in PLAYS_DESCRIBED_RE.finditer(text)
            if match["noun"].lower() == noun and (role := self.role(match["role"]))
        }
        return roles.pop() if len(roles) == 1 else None

    def _document_by(self, document: str) -> tuple[str, tuple[int, int]] | None:
        """Who the article says wrote `document` ("The listing, by S. P. Manjunath of Manjunath Properties"),
        looked for once in the whole article."""
        folded = document.casefold()
        if folded not in self.documents_by:
            pattern = re.compile(
                rf"\b(?i:{re.escape(folded)})\b,?[ \t]+(?:(?:written|drawn[ \t]+up|compiled)[ \t]+)?by[ \t]+"
                rf"(?P<who>{NAME})"
            )
            self.documents_by[folded] = next(
                (
                    (match["who"], (index, match.start("who")))
                    for index, paragraph in enumerate(self.paragraphs)
                    if folded in paragraph.casefold()
                    for match in pattern.finditer(paragraph)
                ),
                None,
            )
        return self.documents_by[folded]

    def _notes_by(self, before: int) -> tuple[str, tuple[int, int]] | None:
        """Who the article says wrote its notes ("margin notes by the director, Ziad Abou Jaoudé"), in a
        paragraph before `before`."""
        if self.notes_writer is False:  # looked for once: a call sheet may have a "Note:" on every line
            found = (
                (index, match)
                for index, paragraph in enumerate(self.paragraphs)
                if ("note" in paragraph or "citations" in paragraph)
                and (
                    match := NOTES_BY_RE.search(paragraph)
                    or NOTES_OF_JOB_RE.search(paragraph)
                    or NOTES_IN_HAND_RE.search(paragraph)
                )
            )
            owned = (
                (index, match)
                for index, paragraph in enumerate(self.paragraphs)
                if "notes" in paragraph and (match := NOTES_OWNED_RE.search(paragraph))
            )
            self.notes_writer = next(found, None) or next(owned, None)
        if self.notes_writer is None or self.notes_writer[0] >= before:
            return None
        index, match = self.notes_writer
        if match.re is NOTES_OWNED_RE:
            # "Hēmi Kerehoma rereads his first interview … with his margin notes": the headline's one man's
            gender = PRONOUNS[OWNER_PRONOUNS[match["who"]]]
            owners = [  # the one the headline names whom the article casts, not a title; never the other gender
                key
                for key in self.lead
                if self._gender_of_key(key) in (None, gender)
                and (person := self.directory.people.get(key))
                and person.characters
            ]
            if len(owners) != 1:
                return None  # "She showed us her notes": whoever "her" is, it is read where the note stands
            return self.directory.name_of(owners[0]) or match["who"], (index, match.start("who"))
        if match.re is NOTES_OF_JOB_RE:
            # "(Right-hand column: casting director's notes.)": whoever the article gives that job
            return f"the {_job_name(match)}", (index, match.start("job"))
        return match["who"], (index, match.start("who"))

    def _signed_around(self, span: _Span) -> tuple[str, tuple[int, int]] | None:
        """The signer of the nearest quoted lines just before and just after a quote's line (a line or two
        away), when one person signs both with the same initials: a log's "« … » — G.L.B."."""
        text, after = self.paragraphs[span.paragraph], self.paragraphs[span.end_paragraph]
        line_start, line_end = text.rfind("\n", 0, span.start) + 1, after.find("\n", span.end)
        # (a log's lines are short: only so much of the text around is read, however long the paragraphs)
        reach = LOG_LINE * SIGNED_LINES
        above = text[max(0, line_start - 1 - reach) : max(0, line_start - 1)].split("\n") if line_start else []
        below = after[line_end + 1 : line_end + 1 + reach].split("\n") if line_end >= 0 else []
        for index in range(span.paragraph - 1, max(-1, span.paragraph - 1 - SIGNED_LINES), -1):
            above = [*self.paragraphs[index][-reach:].split("\n"), *above]
        for index in range(span.end_paragraph + 1, min(len(self.paragraphs), span.end_paragraph + 1 + SIGNED_LINES)):
            below = [*below, *self.paragraphs[index][:reach].split("\n")]
        nearest = [next((line for line in lines[:SIGNED_LINES] if "”" in line), "") for lines in (above[::-1], below)]
        signed = [_line_signature(line) for line in nearest]
        # (the last remark of a run signed so may have no signed line after it: "WT 22 — … «…»" before a role's line)
        if signed[0] is None or (signed[1] is not None and _fold(signed[0]) != _fold(signed[1])):
            return None
        return self._signed_with(signed[0])

    def _signed_inside(self, span: _Span) -> tuple[str, tuple[int, int]] | None:
        """Who signs a quote inside its marks, after its last sentence, with initials ("“He opened it. W.”") or
        with a name the article gives someone ("“The water is the pulao. Sher Alam.”")."""
        signed = SIGNED_INSIDE_RE.search(span.text)
        if signed and signed["initials"]:
            return self._signed_with(signed["initials"])
        if signed and self.resolve(signed["name"]).key:
            return signed["name"], (span.paragraph, span.start + 1 + signed.start("name"))
        return None

    def _signed_with(self, initials: str) -> tuple[str, tuple[int, int]] | None:
        """Who the article says signs with `initials` ("who signs it J. M. Ll.")."""
        if self.signatures is None:  # looked for once
            self.signatures = {
                re.sub(r"\s", "", match["initials"]): (index, match)
                for index, paragraph in enumerate(self.paragraphs)
                if " signs " in paragraph
                for match in SIGNS_AS_RE.finditer(paragraph)
            }
        if found := self.signatures.get(re.sub(r"\s", "", initials)):
            index, match = found
            return match["who"], (index, match.start("who"))
        # "“Agreed.” R. F.-O.", "(B. Nic D.)": the one person the article names whose initials they are
        return self._initialled("".join(part[0] for part in re.findall(r"\w+", _fold(initials))))

    def _initialled(self, letters: str) -> tuple[str, tuple[int, int]] | None:
        """The one person the article names whose initials `letters` are ("jcr" for Jordi Casals i Riera), or
        the one whose first name a letter alone opens ("s" for Shirin Aziz when no one else's does; a role is
        never the one)."""
        fits = {
            mention.key: mention
            for mention in self.named
            if mention.key
            and not mention.character
            and (
                letters in _signed_initials(self.directory.name_of(mention.key) or "")
                if len(letters) >= 2
                else len(letters) == 1 and _fold(self.directory.name_of(mention.key) or "").startswith(letters)
            )
        }
        if len(fits) == 1:
            ((key, mention),) = fits.items()
            return self.directory.name_of(key) or mention.written, mention.position
        return None

    def _writes_in(self, word: str) -> str | None:
        """Who the article says writes in an ink or a hand named `word`: "Selamawit writes in red, the staff
        writer Dawit Girma Ayele in blue"."""
        if self.inks is None:  # looked for once
            self.inks = {}
            for paragraph in self.paragraphs:
                if " in " not in paragraph:
                    continue
                for match in WRITES_IN_RE.finditer(paragraph):
                    self.inks.setdefault(match["ink"].lower(), match["who"])
                    at = match.end()
                    while more := WRITES_IN_TOO_RE.match(paragraph, at):
                        self.inks.setdefault(more["ink"].lower(), more["who"])
                        at = more.end()
        return self.inks.get(word.lower())

    def _common_word(self, word: str) -> bool:
        """Whether the article writes `word` in lower case inside its sentences, as a word and not a name
        (each word looked for once)."""
        if self.joined is None:
            self.joined = "\n".join(self.paragraphs)
        lower = word.lower()
        if lower not in self.common_words:
            found = re.search(rf"(?<=[a-z,;] ){re.escape(lower)}\b", self.joined) is not None
            self.common_words[lower] = found
        return self.common_words[lower]

    def _addressed_before(self, index: int, end: int) -> tuple[str, tuple[int, int]] | None:
        """The person or role the sentences just before `end` ask, tell or send something to."""
        text = self.paragraphs[index]
        for match in reversed(list(ASKED_OR_TOLD_RE.finditer(text, max(0, end - 300), end))):
            who = " ".join(_trim_name_words(match["whom"].split()))
            if who and (self.resolve(who).key or self.role(who)):
                return who, (index, match.start("whom"))
        return None

    def _possessed_before(self, segment: str) -> tuple[str, int] | None:
        """The last person or role in `segment` written with a possessive ("Latha's scene"), and where."""
        for match in reversed(list(POSSESSIVE_NAME_RE.finditer(segment))):
            who = " ".join(_trim_name_words(match["who"].split()))
            if who and (self.resolve(who).key or self.role(who)):
                return who, match.start("who")
        return None

    def _holders_of(self, job: str) -> set[str]:
        """Who holds a job: those the article gives it, or else those it gives one kind of it ("coordinator" is
        the stunt coordinator when the article has no other)."""
        return set(self.jobs.get(job, ())) or {
            key for held, keys in self.jobs.items() if held.endswith(f" {job}") for key in keys
        }

    def _job_word(self, who: str) -> bool:
        """Whether `who` is a job written as a label, "Director", that one person the article names holds."""
        return bool(re.fullmatch(JOB, who.lower())) and who[:1].isupper() and len(self.jobs.get(who.lower(), ())) == 1

    def led_in(self, span: _Span) -> tuple[str, tuple[int, int]] | None:
        """Who a paragraph ending in a colon names before a quote that opens the next: "Paz
        Echenique-Lund, who plays …, on being asked whether she reads her reviews:"."""
        index = span.paragraph - 1
        if span.start > 0 and self.paragraphs[span.paragraph][: span.start].strip():
            return None
        if index < 0 or index in self.skip or not self.paragraphs[index].rstrip().endswith(":"):
            return None
        text = self.paragraphs[index]
        match = LEAD_IN_RE.match(text)
        if match is not None and match["own"]:
            # "Her letter, which Haraszti asked us to print, reads:" is Haraszti's; "Her letter reads:" is
            # the one the pronoun carries to
            for run in NAME_RUN_RE.finditer(text, match.end("own")):
                if self.resolve(" ".join(_trim_name_words(run.group().split())) or "-").key:
                    return run.group(), (index, run.start())
            return match["own"], (index, match.start("own"))
        if match is None and (posted := POSTED_BY_RE.fullmatch(text)):
            who = posted["who"]
            if USERNAME_RE.fullmatch(who) and (
                key := _handle_owner(who, self.directory, self.context, self.paragraphs)
            ):
                return self.directory.name_of(key) or who, (index, posted.start("who"))  # "Nairi_G_official"
            return who, (index, posted.start("who"))  # a fan's handle that names nobody stays nobody's
        if match is None and (owners := list(WRITING_OF_RE.finditer(text, sentence_start(text, len(text))))):
            # "The log for that scene runs to two pages. Priso's first note on it:": whose writing the quote is
            return owners[-1]["owner"], (index, owners[-1].start("owner"))
        if match is None and THE_SPEECH_RE.match(text):
            # "The speech, as recorded by a guest on a phone:" after "The speech of the evening … came from Lourdes
            # Aguon Santos": whoever the article said gave it, a paragraph or two before
            for back in range(index - 1, max(-1, index - 1 - SPEECH_REACH), -1):
                if given := SPEECH_GIVEN_RE.search(self.paragraphs[back]):
                    return given["who"], (back, given.start("who"))
            return None
        if match is None or not _trim_name_words(match["who"].split()):
            return None
        return match["who"], (index, match.start("who"))

    def signed_below(self, span: _Span) -> tuple[str, tuple[int, int]] | None:
        """The name on a dash line under a quote that ends its paragraph, past any paragraphs of
        quotes alone in between: an oral history's "— Odile Ferrabee, creator"; or the role line under
        a countdown's numbered quote, "15. “…”" over "Kaptan Orhan Demirci (Levent Şahin), The Ferry Captain"."""
        rest = self.paragraphs[span.end_paragraph][span.end + 1 :]
        # "“Are we being followed?” / “We are …”" (looked at only after a slash: a paragraph of many
        # quotes is not read again for each)
        exchange = rest.lstrip().startswith("/") and EXCHANGE_REST_RE.fullmatch(rest) is not None
        if rest.strip() and not exchange:
            return None
        numbered = NUMBERED_QUOTE_RE.match(self.paragraphs[span.paragraph]) is not None
        for index in range(span.end_paragraph + 1, min(span.end_paragraph + 1 + SIGNED_REACH, len(self.paragraphs))):
            if index in self.skip:
                return None
            text = self.paragraphs[index]
            if not exchange and (match := DASH_LINE_RE.fullmatch(NICKNAME_RE.sub(_without_nickname, text))):
                # The one in brackets, the actor or the role; not a role with its years, "– Gwenllïan
                # Prydderch (Nesta Huws, 1984–2011)", nor one with its job: "(Dai Bara, the baker, …)"
                who = "inner" if match["inner"] and not match["tenure"] else "who"
                return match[who], (index, match.start(who))
            if numbered and index == span.end_paragraph + 1 and (match := ROLE_LINE_RE.fullmatch(text)):
                # Two lines over "Milena Hrubá (Tereza Šimková) and Nigel Upjohn (Oliver Thursby-Mensah)":
                # the second line is the second actor's
                before = self.paragraphs[span.paragraph][: span.start]
                who = "other" if match["other"] and any(mark in before for mark in OPENING_MARKS[:2]) else "actor"
                return match[who], (index, match.start(who))
            if exchange or not (text[:1] in OPENING_MARKS and text.rstrip()[-1:] in CLOSING_MARKS):
                return None
        return None

    def _called_to(self, span: _Span) -> str | None:
        """Who a quote calls out to by name, when that name is one person or one actor's role:
        "Retire to what, Bertram?". Not a name in words it reports ("She said, ‘Aurelio, …’")."""
        called = set()
        for match in VOCATIVE_RE.finditer(NESTED_QUOTE_RE.sub(" ", span.text)):
            name = match["name"]
            if key := self.resolve(name).key:
                called.add(key)
            elif role := self.role(name):
                called.add(role[1])
        return next(iter(called)) if len(called) == 1 else None

    def _opens_on(self, span: _Span) -> str | None:
        """The first person a quote speaks of as the subject of a clause: "“Obinna had a sore throat at
        six,” he said" is not Obinna's, nor "“… Every time Dot said the word, Esi went.”" Esi's."""
        text = self.paragraphs[span.paragraph]
        said = [span.text]
        if span.end_paragraph == span.paragraph and text[span.start : span.start + 1] == "“":
            # and the quotes just after it in the paragraph (read within a bounded window)
            said += [
                quoted.group()[1:-1]
                for quoted in QUOTED_RE.finditer(text, span.end + 1, span.end + 1 + FOLLOWING_QUOTES_WINDOW)
            ]
        for match in islice((match for words in said for match in QUOTE_OPENS_ON_RE.finditer(words)), 8):
            # by first name or in full, as one speaks of somebody else ("Sampaio was my mother" is a name)
            name = _fold(match["name"])
            if (key := self.resolve(match["name"]).key) and name in {
                self._first_name(key),
                _fold(self.directory.name_of(key) or ""),
            }:
                return key
        return None

    def _entry_actor(self, paragraph: int, cue: str) -> _Speaker | None:
        """The actor of the who's-who entry a paragraph belongs to, for a cue that describes the role
        without naming anyone ("The family’s lawyer"): the entry runs from its "Played by" line to the
        next entry's role line."""
        if not self.entries or not re.fullmatch(rf"(?:[Tt]he|[Hh]er|[Hh]is|[Tt]heir)[ \t]+[^{UPPER}]*", cue):
            return None
        return self._entry_of(paragraph)

    def _entry_speaker(self, span: _Span) -> _Speaker | None:
        """The actor of the entry a quote with no cue stands in, within `ENTRY_REACH` paragraphs of the entry's
        start and before anyone else is named by then (the last entry of a programme ends where the review goes
        on: "So much for the paperwork. On the stage, Madhav Sawant …")."""
        at = bisect_right(self.entry_starts, span.paragraph) - 1
        if at < 0 or span.paragraph - self.entry_starts[at] > ENTRY_REACH:
            return None
        speaker = self._entry_of(span.paragraph)
        if speaker and self._named_since(self.entry_starts[at] + 1, span, speaker):
            return None
        return speaker

    def _entry_of(self, paragraph: int) -> _Speaker | None:
        """The actor of the who's-who entry a paragraph belongs to, if it belongs to one."""
        at = bisect_right(self.entry_starts, paragraph) - 1
        if at < 0:
            return None
        if at + 1 < len(self.entries):
            # the next entry's role, on its own short line above its "Played by" (a heading in capitals
            # starts its entry itself)
            following = self.entry_starts[at + 1]
            role_line = len(self.paragraphs[following - 1].split()) <= ROLE_LINE_WORDS
            if (following - 1 if role_line else following) <= paragraph:
                return None
        actor = self.entries[at][1]
        key = self.resolve(actor).key
        return _Speaker(key, self.directory.name_of(key) or actor, None, CARRIED) if key else None

    def _still_addressed(self, span: _Span, speaker: _Speaker) -> str | None:
        """A quote that goes on in the same paragraph, by the same speaker, is said to the same person."""
        last = self.spoken[-1] if self.spoken else None
        if last and last.position[0] == span.paragraph and last.key == speaker.key and speaker.key:
            return last.addressed
        return None

    def _addressed(self, span: _Span, next_open: int) -> str | None:
        """Who the cue after a quote says it was said to: "“…,” Wilfred tells her" → "f"."""
        text = self.paragraphs[span.end_paragraph]
        match = ADDRESSED_RE.match(text[span.end + 1 : next_open])
        return None if match is None else ("f" if match["whom"].lower() == "her" else "m")

    def _reply(self, span: _Span, next_open: int) -> str | None:
        """The pronoun of a reply cue right after the quote ("she replies"), if that is its cue."""
        text = self.paragraphs[span.end_paragraph]
        match = REPLY_AFTER_RE.match(text[span.end + 1 : next_open])
        return match["who"] if match else None

    def _starts_new_clause(self, span: _Span) -> bool:
        return CLAUSE_AFTER_RE.match(self.paragraphs[span.end_paragraph], span.end + 1) is not None

    def _form_subject(self, index: int, reach: int | None = None) -> tuple[str, tuple[int, int]] | None:
        """The person a form's field names, "Candidate: MUREȘAN Ilinca", or its numbered heading, "CARD 1 —
        HOSHINO Rinko (Setsu).", a line or a few above paragraph `index` and in the same form (no heading in
        between)."""
        for back in range(index - 1, max(-1, index - (reach or FORM_LINES)), -1):
            lines = self.paragraphs[back].split("\n")
            for offset, line in zip(reversed(range(len(lines))), reversed(lines), strict=True):
                field = FORM_SUBJECT_RE.match(line) or FORM_HEADING_RE.match(line) or FORM_SPEAKER_RE.match(line)
                if field and (self.resolve(field["who"]).key or self.role(field["who"])):
                    start = sum(len(part) + 1 for part in lines[:offset]) + field.start("who")
                    return field["who"], (back, start)
                if FORM_SPEAKER_FIELD_RE.match(line):
                    return None  # "Returned by: a boy in Class 7.": this entry's, and nobody named
                if PLAIN_HEADING_RE.fullmatch(line.strip()) or line.strip().isupper():
                    return None
        return None

    def _field_in_line(self, span: _Span) -> tuple[str, tuple[int, int]] | None:
        """The person a field earlier in the quote's own line names, "Line 2. Heifers: 188. Counted by: Nyandeng
        Ajak. Remarks: “…”", when the article names them."""
        text = self.paragraphs[span.paragraph]
        # the line's start, or a bounded look back: a long line is never read again for each of its quotes
        start = max(text.rfind("\n", max(0, span.start - FIELD_REACH), span.start) + 1, span.start - FIELD_REACH)
        fields = [
            field
            for field in FORM_SPEAKER_RE.finditer(text, start, span.start)
            if not text[start : field.start()].strip() or text[start : field.start()].rstrip()[-1:] in {".", ";"}
        ]
        if fields and self.resolve(fields[-1]["who"]).key:
            return fields[-1]["who"], (span.paragraph, fields[-1].start("who"))
        return None

    def _entry_subject(self, index: int) -> tuple[str, tuple[int, int]] | None:
        """The person a numbered entry opens on ("No. 3. Beno Šiman. Forty sroki, …"), when the article names them."""
        entry = NUMBERED_ENTRY_RE.match(self.paragraphs[index])
        if entry and self.resolve(entry["who"]).key:
            return entry["who"], (index, entry.start("who"))
        return None

    def _from_whom(self, written: str) -> str | None:
        """`written` as the name of someone the article casts, a title it gives one person ("Alhaja"), or None."""
        if self.resolve(written).key or self.role(written):
            return written
        return self.titled(written) if " " not in written else None

    def _known(self, written: str) -> bool:
        """Whether a name is someone in the article's cast, or a character one of them plays."""
        return bool(self.directory.resolve(written, context_keys=self.context).key or self.directory.character(written))

    def asked_by(self, span: _Span, previous_close: int) -> tuple[str, tuple[int, int]] | None:
        """The asker, when the quote is the words of a question the sentence reports: "Asked by Tobiah
        Fenn of the Dublin Courier whether the jury wanted “a film that means something,” …"."""
        text = self.paragraphs[span.paragraph]
        # A bounded look back: the pattern itself stops at a sentence's end.
        match = ASKED_BY_RE.search(text, max(previous_close, span.start - 300), span.start)
        return (match["who"], (span.paragraph, match.start("who"))) if match else None

    def cue_before(self, span: _Span, previous_close: int) -> tuple[str, tuple[int, int]] | None:
        text = self.paragraphs[span.paragraph]
        # Sentence breaks are found on the whole paragraph: the capital after a break may be the quote mark.
        breaks = self.breaks(span.paragraph)
        last = bisect_right(breaks, span.start) - 1
        base = breaks[last] if last >= 0 and breaks[last] > previous_close else previous_close
        segment = _blank_brackets(text[base : span.start])
        if (
            CONTINUES_RE.search(segment)
            and self.spoken
            and self.spoken[-1].key
            and self.spoken[-1].position[0] >= span.paragraph - CONTINUES_REACH
        ):
            last = self.spoken[-1]  # "It continues: '…'", after the letter's first words
            return self.directory.name_of(last.key) or last.written, last.position
        if (document := DOCUMENT_LABEL_RE.fullmatch(segment)) and (writer := self._document_by(document["document"])):
            return writer  # "The listing: '…'" where "The listing, by S. P. Manjunath, runs to four pages"
        if FIELD_LABEL_RE.fullmatch(segment) and (subject := self._form_subject(span.paragraph, SHEET_LINES)):
            return subject  # a fact sheet's "The line that got the laugh: “…”" under "Spoken by: Dadang Rusmana"
        if FROM_FORM_SUBJECT_RE.search(segment) and (subject := self._form_subject(span.paragraph)):
            return subject  # "Note from candidate, attached: “…”" on a form whose "Candidate:" is named
        if match := (
            QUOTES_WHOM_RE.search(segment)
            or BEFORE_ACCORDING_RE.search(segment)
            or WORDS_OF_RE.search(segment)
            or MESSAGE_FROM_RE.search(segment)
            or ANSWERED_BY_RE.search(segment)
            or IN_JOBS_HAND_RE.search(segment)
            or IN_HAND_RE.search(segment)  # "Remarks, in Tuorda's hand: “…”"
            or JOBS_REMARK_RE.search(segment)
            or WHERE_WRITTEN_RE.search(segment)
            or self._line_of(segment)
        ):
            if match.re is JOBS_REMARK_RE and len(holders := self._holders_of(_job_name(match))) == 1:
                (key,) = holders  # "Coordinator's comment:" under "The stunt coordinator is Wilner Jean-Baptiste"
                return self.directory.name_of(key) or "", (span.paragraph, base + match.start("job"))
            if match.re in (IN_JOBS_HAND_RE, JOBS_REMARK_RE):
                return f"the {_job_name(match)}", (span.paragraph, base + match.start("job"))
            group = next(
                name
                for name in ("who", "owner", "actor", "writer", "user", "haver", "possessor", "described", "possessed")
                if name in match.re.groupindex and match[name]
            )
            if group in ("described", "possessed") and (role := self._described_role(match[group])):
                return role[0], (span.paragraph, base + match.start(group))  # the role, so its actor
            if match.re is MESSAGE_FROM_RE and re.fullmatch(PRONOUN, match[group]):
                # "Kertész collected the award for him and read out a message he had sent": "he" is not
                # the one who read it out, so he is looked for before the sentence.
                return match[group], (span.paragraph, base)
            return match[group], (span.paragraph, base + match.start(group))
        if (match := FROM_SPEAKER_RE.search(segment)) and (who := self._from_whom(match["who"])):
            # "To Tolulope, from Chief Olapade: “…”", "Heard at the monitor …, from Alhaja: “…”": who sent the words
            return who, (span.paragraph, base + match.start("who"))
        if match := REPLY_OF_RE.search(segment):
            # "One pupil asked Ms Fàbregas-Oliveras whether …. Her answer, as the keeper reported it: “…”",
            # "“…,” he tells Ngaio. Her reply gets the biggest laugh:": whoever was asked or told; else, set off
            # by a comma, the one the pronoun carries to ("I asked, “Have you watched it?” Her reply, in full:")
            if whom := self._addressed_before(span.paragraph, base + match.start()):
                return whom
            if match["aside"] or WRITTEN_READS_RE.search(match.group()):
                # "Her reply reads in part:": a letter's, whoever "her" stands for
                return OWNER_PRONOUNS[match["owner"].lower()], (span.paragraph, base + match.start("owner"))
        if shout := SHOUT_OF_RE.search(segment):
            # "From table three came a shout of “Biba!”": words from someone the article does not name
            return shout["shout"], (span.paragraph, base + shout.start())
        if (
            (owned := OWNERS_QUOTE_RE.search(segment))
            and SUBJECT_QUOTE_AFTER_RE.match(self.paragraphs[span.end_paragraph], span.end + 1)
            and (self._known(owned["who"]) or self.role(owned["who"]))
        ):
            # "… and Ruth Nakato's dry “Nobody has read it” is the best line of the season": her words
            return owned["who"], (span.paragraph, base + owned.start("who"))
        if match := PRONOUN_LINE_RE.search(segment):
            # "His catchphrase is “Anchors aweigh!”": the words of whoever "his" stands for.
            group = next(name for name in ("owner", "opening", "owner2", "owner3", "owner4", "owner5") if match[name])
            if group == "owner3" and (owner := self._possessed_before(segment[: match.start()])):
                # "Under Latha's scene with Kuttan, ending on her line “…”": the one whose scene it is
                return owner[0], (span.paragraph, base + owner[1])
            return OWNER_PRONOUNS[match[group].lower()], (span.paragraph, base + match.start(group))
        # A partial quote that finishes a sentence of reported speech: "Drury said the third season was
        # written and that Hester would face “her biggest crisis yet.”"
        reported = span.text[:1].islower()
        # "the fourth episode of The Salt Ledger, in which its widow … tells:": a title, never who speaks
        titles = [range(*title.span()) for title in TITLE_RUN_RE.finditer(segment)]
        if (match := COORDINATED_SUBJECT_RE.search(segment)) and not any(
            match.start("who") in title for title in titles
        ):
            return match["who"], (span.paragraph, base + match.start("who"))
        if (match := TELLING_CUE_RE.match(segment)) and not any(match.start("who") in title for title in titles):
            # "Áddjá, kneeling in the snow, telling Risten, “…”": who does the telling
            return match["who"], (span.paragraph, base + match.start("who"))
        if (match := AND_SUBJECT_COLON_RE.search(segment)) and not any(match.start("who") in title for title in titles):
            # "On Friday a solar company offered to buy the farm, and Koos told Elmarie:": the second clause's
            return match["who"], (span.paragraph, base + match.start("who"))
        for match in chain(_all_matches(BEFORE_SUBJECT_RE, segment), _all_matches(APPOSED_SUBJECT_RE, segment)):
            if any(match.start("who") in title for title in titles):
                continue
            if TOLD_BEFORE_RE.search(segment, 0, match.start("who")):
                continue  # "Áddjá, kneeling in the snow, telling Risten, “…”": whom he tells
            if (
                re.fullmatch(rf"[{UPPER}][a-z]+", match["who"])
                and not re.fullmatch(rf"{PRONOUN}|{DESCRIPTOR}", match["who"])
                and not self._known(match["who"])
            ):
                if segment.rstrip().endswith(":") and (subject := self._form_subject(span.paragraph)):
                    return subject  # "Claimant said: “…”" under a ledger's "Claimed by: Zinsou (Sylvestre Gbaguidi)."
                if self._job_word(match["who"]):
                    # a ledger's "Director says, “…”" where "The director is Kipchirchir Boit": whoever holds the job
                    return f"the {match['who'].lower()}", (span.paragraph, base + match.start("who"))
                if self._common_word(match["who"]):
                    continue  # "Patient said:" in a log that also writes "your patient": a word, no name
            tail = match["tail"].strip()
            if LATER_SPEAKER_RE.search(tail):
                continue  # "when I asked where it came from she said,": the later clause's subject speaks
            short = len(tail.split()) <= 4
            if (
                short
                or (
                    tail.endswith((",", ":"))
                    and (
                        tail.endswith(":")
                        or len(tail.split()) <= 7
                        # "Simanjuntak says nothing for a long time and then, very quietly, “…”": no other name
                        or (len(tail.split()) <= 12 and not re.search(rf"[{UPPER}]", tail))
                    )
                )
                or (reported and not re.search(VERB, tail))
            ):
                return _apposed(segment, match), (span.paragraph, base + match.start("who"))
        if (label := DOTTED_INITIALS_LABEL_RE.fullmatch(segment)) and (signed := self._signed_with(label["initials"])):
            return signed  # "Ș.D.: “…”" where "the director's notes are initialled Ș.D."
        if (label := INITIALLED_NOTE_RE.fullmatch(segment)) and (signed := self._signed_with(label["initials"])):
            return signed  # "Yellow note, L.K.: “…”", "Green note, N.: “…”" on a whiteboard
        # "When he finishes, Fairlie stands and says: “…”": the subject after a leading clause.
        skip = clause.end() if (clause := LEADING_CLAUSE_RE.match(segment)) else 0
        addressee = ADDRESSEE_LABEL_RE.match(segment)
        if (
            (label := ROLE_BEFORE_COLON_RE.search(segment))
            and self.resolve(label["who"]).confidence < 1.0
            and self.role(label["who"])
        ):
            return label["who"], (span.paragraph, base + label.start("who"))  # a log's "…, wild line, SABELA: «…»"
        unnamed_lead = UNNAMED_LEAD_RE.match(segment)
        for match in _all_matches(BEFORE_COLON_RE, segment[skip:]):
            words = _trim_name_words(match["who"].split())
            at = skip + match.start("who")
            if any(at in title for title in titles):
                continue
            if (owned := OWNED_PERSON_RE.match(segment, skip + match.end("who"))) and re.search(
                r"['’]s$", match["who"]
            ):
                # "Selma Ndilo's mother, who drove from Oshakati, said:": her mother, whom the article does not name
                return f"{match['who']}{owned[0]}", (span.paragraph, base + at)
            if unnamed_lead and words:
                continue  # "Her small son had a question for Yuman Elmenkeev, and asked it …:": whom he asks
            if len(words) == 1 and ARTICLE_BEFORE_RE.search(segment, 0, at):
                continue  # "explained to the English neighbour by Leila:": a word after "the" is no speaker
            if addressee and at < addressee.end():
                continue  # "To Iya Tunde and the catering team, from the lighting department:": whom it is for
            if not words and self._job_word(match["who"]):
                # "Director to crew: “…”" on a report after "the director is Namgung": whoever holds the job
                return f"the {match['who'].lower()}", (span.paragraph, base + skip + match.start("who"))
            if len(words) == 1 and (
                initialled := INITIALLED_LABEL_RE.fullmatch(text, base + skip + match.end("who"), span.start)
            ):
                # "Comment (MK): “…”": whoever the initials are, or nobody
                return initialled["initials"], (span.paragraph, base + skip + initialled.start("initials"))
            if text[base + skip + match.start("who") - 1 : base + skip + match.start("who")] == "(" and re.match(
                r"\)[ \t]*:[ \t]*\S", segment[skip + match.end("who") :]
            ):
                continue  # "Note (AP): MV: «…»": the note is AP's, the words after the next label MV's
            if len(words) == 1 and words[0] in {"Note", "Notes", "Citation", "Margin"}:
                # "Note: “Too handsome.”" on a call sheet that "carries margin notes by the director, Ziad
                # Abou Jaoudé": whoever the article says wrote the notes, or nobody
                if (writer := self._notes_by(span.paragraph)) is None:
                    continue
                return writer
            if len(words) == 1 and not self._known(words[0]) and (field := self._field_in_line(span)):
                return field  # "Counted by: Nyandeng Ajak. Remarks: “…”": the line's own field for who it was
            if len(words) == 1 and not self._known(words[0]) and (subject := self._form_subject(span.paragraph)):
                return subject  # "Line as delivered: “…”" on a form whose "Candidate:" is Ilinca Mureșan
            if len(words) == 1 and not self._known(words[0]) and (entry := self._entry_subject(span.paragraph)):
                return entry  # "Inscription: „…“" in an order book's "No. 2. Marja Nowakowa. Poppy-seed kołač …"
            if len(words) == 1 and words[0] in {"Line", "Lines"} and at == skip and not self._known(words[0]):
                continue  # "Khava (Leila Tsurova) toasts the bride. Line: “…”": the line of whom the entry names
            if len(words) == 1 and not self._known(words[0]):
                if named := LABEL_NAMED_RE.fullmatch(segment, skip + match.end("who")):
                    # "Direction, Sobczak-Lis: “…”": a log's label and who fills it; a later "Direction:" is her
                    self.label_names[words[0]] = named["name"]
                    return named["name"], (span.paragraph, base + skip + named.start("name"))
                if words[0] in self.label_names and match.end("who") == len(segment[skip:].rstrip()) - 1:
                    return self.label_names[words[0]], (span.paragraph, base + skip + match.start("who"))
                if writer := self._writes_in(words[0]):
                    # "Red, underneath: “…”" on a board where "Selamawit writes in red": whoever writes so
                    return writer, (span.paragraph, base + skip + match.start("who"))
                if match["who"] == words[0] and self._common_word(words[0]):
                    continue  # "Line:", "Page 12, beside …:", "Actors' column:": a word the article uses, no name
            if len(words) == 1 and not self._known(words[0]) and self._named_later(segment, skip + match.end("who")):
                continue  # "Her Harbourmasters co-star Chukwuemeka Nwosu-Baird … has replied:": the co-star
            if TOLD_BEFORE_RE.search(segment, 0, at):
                continue  # "Froso, who tells Manolis:": whom she tells, not who speaks
            if re.fullmatch(rf"[ \t]*[{UPPER}][{WORD}'’-]*[ \t]+to[ \t]+", segment[:at]):
                continue  # a log's "Mother to YV: “…”": whom the words are for
            if (
                len(words) == 1
                and not self._known(words[0])
                and not DESCRIPTOR_RE.fullmatch(match["who"])  # "The chair: “…”" is whoever chairs
                and (
                    PLACE_BEFORE_RE.search(segment, 0, at)
                    or normalize_name(words[0]) in NO_SPEAKER_WORDS
                    or PARTICIPLE_RE.fullmatch(words[0])
                    or re.search(r"-[a-z]", words[0])
                    or OBJECT_AFTER_RE.match(segment, skip + match.end("who"))
                )
            ):
                # "…, shooting in Vancouver, sent a text …, which Tulk read out:", "outside one London
                # production office:", "Standing ankle-deep in water, he … says:": no speaker
                continue
            if PREPOSITION_OPENING_RE.match(match["who"]):
                continue  # "In Sunday's episode, …, Kittu radios his mother:": when or where, never who speaks
            if re.fullmatch(rf"{PRONOUN}|{DESCRIPTOR}", match["who"]) or words:
                return _apposed(segment[skip:], match), (span.paragraph, base + skip + match.start("who"))
        if not segment.strip() and last >= 0:
            # "She laughed. “And the gulls would not stop.”": a short sentence of speech just before
            # a quote that starts the next one names its speaker.
            start = breaks[last - 1] if last >= 1 else 0
            if (
                start >= previous_close
                and (match := LEAD_SENTENCE_RE.match(text, start, base))
                # "Cream offered and refused.": one word nobody in the article is called is no speaker
                and (
                    " " in match["who"]
                    or re.fullmatch(PRONOUN, match["who"])
                    or self._known(match["who"])
                    or self.resolve(match["who"]).candidates
                )
            ):
                return match["who"], (span.paragraph, match.start("who"))
            # "The director, reached in Chios, was briefer. «…»": the one the sentence compares with the last speaker
            if start >= previous_close and (match := LEAD_MANNER_RE.match(text, start, base)):
                return match["who"], (span.paragraph, match.start("who"))
            # "His parishioners, he says, mostly know. ‘…’": the sentence before reports the speaker's words.
            if start >= previous_close and (match := ASIDE_CUE_RE.search(text, start, base)):
                return match["who"], (span.paragraph, match.start("who"))
            # "He said he liked Farida enormously, and that …. “But a documentary is …”": a sentence
            # reporting what someone said, then their words.
            if start >= previous_close and (match := REPORTED_LEAD_RE.match(text, start, base)):
                return match["who"], (span.paragraph, match.start("who"))
        return None

    def run(self) -> list[FoundQuote]:
        spans = self.spans()
        by_paragraph: dict[int, list[_Span]] = defaultdict(list)
        for span in spans:
            by_paragraph[span.paragraph].append(span)
            if span.end_paragraph != span.paragraph:
                for index in range(span.paragraph + 1, span.end_paragraph + 1):
                    by_paragraph[index].append(span)
        narrations = {}
        for index in range(len(self.paragraphs)):
            if index in self.skip:
                continue
            narrations[index] = self.narration(index, by_paragraph.get(index, []))
            self.narrations[index] = narrations[index]
            stops, names = self.collect_mentions(index, narrations[index])
            self.collect_job_mentions(index, narrations[index])
            self.collect_pronoun_mentions(index, narrations[index], stops, names)
            self.collect_kin(narrations[index])
            self.collect_kin_mentions(index, narrations[index])

        closes, opens = self._neighbours(spans)
        self.characters_speak = any(
            self._names_character(span, closes[number], opens[number]) for number, span in enumerate(spans)
        ) or any(self._speaks_in_narration(mention, narrations) for mention in self.named)
        # "The grandfather's line from the trailer, in which Kalys teaches Taalai …. “…,” he says": in a paragraph
        # about a role's lines, its "he" may be the role's
        self.line_paragraphs = {
            index
            for index, narration in narrations.items()
            if ("line" in narration or "catchphrase" in narration)
            and (match := ROLES_LINE_RE.search(narration))
            and (match["pronoun"] or match["owner"][:4].casefold() == "the " or self.role(match["owner"]))
        }
        quotes: list[FoundQuote] = []
        previous: dict[int, _Speaker] = {}  # paragraph → speaker of its last quote
        last_quote_paragraph: int | None = None
        exchanging = False  # the last quote answered the one before it, in a line of its own
        for number, span in enumerate(spans):
            same_paragraph = closes[number] is not None
            previous_close = closes[number] + 1 if same_paragraph else 0
            next_open = opens[number] if opens[number] is not None else len(self.paragraphs[span.end_paragraph])
            speech_end = bool(re.search(r"[,!?…—–-]$", span.text))
            cues = [self.cue_after(span, next_open), self.cue_before(span, previous_close)]
            if not any(cues) and (lead_in := self.led_in(span)):
                cues[1] = lead_in
            if not any(cues) and (signed := self.signed_below(span)):
                cues[0] = signed
            if cues[1] and cues[0] and self._starts_new_clause(span):
                cues[0] = None  # "Quist offered “…,” and Sørensen said": the words after start the next clause
            # "… had taken »eleven calls«, in the words of their spokesman, Almir Delić": his words, not the sentence's
            after = self.paragraphs[span.end_paragraph][span.end + 1 : next_open]
            # and an epigraph's "“…” — Sonny Swimmer, season 1, episode 1" under "Printed across the top:": who signs it
            words_of = cues[0] and (AFTER_WORDS_OF_RE.match(after) or SOURCE_DASH_RE.match(after))
            if not speech_end and not words_of:
                cues.reverse()
            cue = next((c for c in cues if c), None)
            if asked := self.asked_by(span, previous_close):
                cue = asked  # "Asked by Tobiah Fenn whether the jury wanted “…,” Haverkamp laughed": Fenn's words
            # "“He’s got a palate like a bus shelter,” Dai mutters. “Always has.”": a word or two that
            # go on from a quote and its cue in the same paragraph are the same speaker's.
            gap = self.paragraphs[span.paragraph][closes[number] + 1 : span.start] if same_paragraph else ""
            goes_on = (
                bool(quotes) and quotes[-1].paragraph == span.paragraph and cue is None
                and len(gap.split()) <= 8 and gap.rstrip().endswith(".")
            )  # fmt: skip
            # "… said the channel remained “proud of every frame” of the series and was “not closing the
            # door” on its writer": a second partial quote in the same sentence as the first.
            goes_on = goes_on or (
                bool(quotes) and quotes[-1].paragraph == span.paragraph and cue is None and same_paragraph
                and span.text[:1].islower() and len(gap) <= 120 and not NARRATION_STOP_RE.search(gap)
            )  # fmt: skip
            mine = self._says_i(span, previous_close, next_open, speech_end)  # "I said, “…”" before any other cue
            if not self.is_quote(span, cue is not None or goes_on or mine is not None):
                continue
            called = self._called_to(span)
            speaker = mine or (self.identify(*cue, exclude=called or self._opens_on(span)) if cue else None)
            if speaker and speaker.key and cue and (reply := self._reply(span, next_open)):
                # "“Sit down, Mrs. Fludd,” Harcourt says. / “I will sit,” she replies": a reply is
                # someone other than whoever spoke last.
                last = self.spoken[-1] if self.spoken else None
                if last is not None and last.key == speaker.key and last.position[0] >= span.paragraph - 1:
                    speaker = self.carry(reply, cue[1], exclude=last.identity) or speaker
            if speaker and speaker.key is None and cue and (actor := self._entry_actor(span.paragraph, cue[0])):
                # "The family’s lawyer, who has loved Nermin since 1979: ‘…’" in the entry under "Cemil Bey /
                # Played by Haluk Ersoy": the entry's role, so its actor
                speaker = actor
            if speaker is None and same_paragraph and span.paragraph in previous:
                prior = previous[span.paragraph]
                speaker = _Speaker(prior.key, prior.written, prior.character, prior.confidence * CONTINUED,
                                   prior.candidates)  # fmt: skip
            starts_paragraph = not self.paragraphs[span.paragraph][: span.start].strip()
            replying = False
            if speaker is None and starts_paragraph and last_quote_paragraph is not None:
                prior = previous.get(last_quote_paragraph)
                if prior and span.paragraph - last_quote_paragraph == 1:
                    partner = self._partner(span, quotes, prior, exchanging)
                    replying = partner is not None
                    prior = partner or prior
                    speaker = _Speaker(prior.key, prior.written, prior.character, prior.confidence * NEXT_PARAGRAPH,
                                       prior.candidates)  # fmt: skip
            exchanging = replying
            if (
                speaker is None
                and last_quote_paragraph is not None
                and 1 <= span.paragraph - last_quote_paragraph <= 2
                and all(
                    self.paragraphs[between].lstrip()[:1] in OPENING_MARKS
                    for between in range(last_quote_paragraph + 1, span.paragraph)
                )  # the last quote's own paragraphs, a speech that ran on
            ):
                # "Then, to the orchestra, which had lifted its bows: “I am finished. You may play.”": a
                # lead-in that names nobody, after the last speaker's paragraph, goes on with them
                lead_in = self.paragraphs[span.paragraph][: span.start]
                prior = previous.get(last_quote_paragraph)
                turned = TURNS_TO_RE.fullmatch(lead_in)
                if prior and turned and not NAME_RUN_RE.search(lead_in, turned.start("to")):
                    speaker = _Speaker(prior.key, prior.written, prior.character, prior.confidence * NEXT_PARAGRAPH,
                                       prior.candidates)  # fmt: skip
            withheld = speaker is None and cue is not None and self._withheld(*cue)
            if speaker is None and starts_paragraph and not withheld:
                speaker = self._section_speaker(span)
            if speaker is None and not withheld and (signer := self._signed_inside(span)):
                # a margin note signed inside its own marks: "“Not too much sugar. This is not Lahore. M.B.”"
                speaker = self.identify(*signer)
            if speaker is None and not withheld and cue is None and (signer := self._signed_around(span)):
                # a log's line whose quote goes unsigned between lines signed "— G.L.B.": the same hand
                speaker = self.identify(*signer)
            if speaker is None and not withheld and cue is None and self.entries:
                # "MADHAV DATTATRAY SAWANT — Aaba Sawant / Madhavrao … has played grandfathers since he was
                # forty. “…”": a quote with no cue in a programme's biography is the actor's
                speaker = self._entry_speaker(span)
            if speaker is None and not withheld:
                speaker = self._nearby_subject(span)
            speaker = speaker or _Speaker(None, None)
            if speaker.key or speaker.written:
                sentence = (span.paragraph, self.sentence_number(span.paragraph, span.start))
                self.spoken_positions.append((span.paragraph, span.start))
                if mine is not None and speaker is mine:
                    self.said_i.add((span.paragraph, span.start))
                if speaker.key and not speaker.character:  # a role's line is not the actor talking to the writer
                    self.first_spoken.setdefault(speaker.key, (span.paragraph, span.start))
                self.spoken.append(
                    _Mention(
                        (span.paragraph, span.start),
                        speaker.key,
                        speaker.written or "",
                        speaker.candidates,
                        character=speaker.character,
                        confidence=speaker.confidence,
                        sentence=sentence,
                        addressed=self._addressed(span, next_open) or self._still_addressed(span, speaker),
                    )
                )
            if called and called != speaker.key and self._gender_of_key(called):
                # "‘Lovely, Nomvula. Again,’ he says. / She whispers it.": whom a quote calls by name
                # is who the narration's next "she" may be.
                position = (span.end_paragraph, span.end)
                self._insert_mention(_Mention(position, called, self.directory.name_of(called) or ""), plain=False)
            previous[span.end_paragraph] = speaker
            previous[span.paragraph] = speaker
            last_quote_paragraph = span.end_paragraph
            quotes.append(
                FoundQuote(
                    text=self._as_written(span),
                    speaker_key=speaker.key,
                    speaker_written=speaker.written,
                    character=speaker.character,
                    confidence=round(speaker.confidence, 2),
                    paragraph=span.paragraph,
                    candidates=speaker.candidates,
                )
            )
        quotes_end: dict[int, int] = {}  # paragraph → where its last quote closes
        for span in spans:
            quotes_end[span.end_paragraph] = max(quotes_end.get(span.end_paragraph, 0), span.end)
        return [self._named_after(quote, quotes_end) for quote in quotes]

    def _as_written(self, span: _Span) -> str:
        """A quote's words with the marks the article wrote inside them: "„Don't whistle …“" within «…»."""
        if span.paragraph != span.end_paragraph:
            return span.text
        read = self.paragraphs[span.paragraph][span.start + 1 : span.end]
        written = self.written[span.paragraph][span.start + 1 : span.end]
        return written.strip() if read.strip() == span.text else span.text  # the marks swapped one for one

    def _named_after(self, quote: FoundQuote, quotes_end: Mapping[int, int]) -> FoundQuote:
        """A quote nobody was found for, said by someone the next paragraph names: "“Left hand to the
        shoulder,” says the woman on a stool at the foot of the bed. / She is Xóchitl Ramírez-Aaltonen, …"."""
        if quote.speaker_key or quote.speaker_written:
            return quote
        # The sentence after the quotes of its own paragraph, or the next paragraph's first: read once
        # for each paragraph, however many of its quotes are unattributed.
        if quote.paragraph not in self.named_below:
            text = self.paragraphs[quote.paragraph]
            sentence = SENTENCE_BREAK_RE.search(text, max(0, quotes_end.get(quote.paragraph, 0) - 2))
            found = [(quote.paragraph, NAMED_NEXT_RE.match(text, sentence.end()) if sentence else None)]
            if quote.paragraph + 1 < len(self.paragraphs):
                found.append((quote.paragraph + 1, NAMED_NEXT_RE.match(self.paragraphs[quote.paragraph + 1])))
            self.named_below[quote.paragraph] = next(((index, match) for index, match in found if match), None)
        if self.named_below[quote.paragraph] is None:
            return quote
        following, match = self.named_below[quote.paragraph]
        speaker = self.identify(match["who"], (following, match.start("who")))
        if speaker is None or not speaker.key or speaker.character:
            return quote
        return replace(quote, speaker_key=speaker.key, speaker_written=speaker.written, confidence=round(FALLBACK, 2))

    def _named_later(self, segment: str, start: int) -> bool:
        """Whether someone the article's cast knows is named in full further on in `segment`."""
        for run in NAME_RUN_RE.finditer(segment, start):
            words = _trim_name_words(run.group().split())
            if len(words) == 1 and (address := ADDRESS_AFTER_RE.match(segment, run.end())):
                words.append(address[1])  # "Gijtto, Ivvár áddjá wrote …:": a name and the word of address after it
            if len(words) >= 2 and self.directory.resolve(" ".join(words), context_keys=self.context).key:
                return True
        return False

    def _says_i(self, span: _Span, previous_close: int, next_open: int, speech_end: bool) -> _Speaker | None:
        """The writer, when a quote's cue is "I" in a piece under one byline: "I said, “…”", "“…,” I said"
        (after words that end like speech: not "“….” I said, “…”", where "I said" is the next quote's)."""
        before = self.paragraphs[span.paragraph][previous_close : span.start]
        after = self.paragraphs[span.end_paragraph][span.end + 1 : next_open]
        if not (I_BEFORE_RE.search(before) or (speech_end and I_AFTER_RE.match(after))):
            return None
        if signer := self._signed_under(span.end_paragraph):
            # a director's statement signed "Aigerim Serikqyzy" below it: its "I said" is hers, not the writer's
            return self.identify(signer, (span.end_paragraph + 1, 0))
        return self.narrator

    def _signed_under(self, index: int) -> str | None:
        """The full name alone on the line after a first-person paragraph, signing it."""
        if index + 1 >= len(self.paragraphs) or not FIRST_PERSON_RE.search(self.paragraphs[index]):
            return None
        line = self.paragraphs[index + 1].strip()
        if len(line) <= 60 and (match := re.fullmatch(rf"(?:[—–-][ \t]*)?(?P<name>{NAME})", line)):
            return match["name"] if len(match["name"].split()) >= 2 else None
        return None

    @staticmethod
    def _neighbours(spans: list[_Span]) -> tuple[list[int | None], list[int | None]]:
        """For each span, where the span before it closed in its first paragraph and where the span
        after it opens in its last paragraph (None when there is no such span), in two passes."""
        closes: list[int | None] = []
        last_close: dict[int, int] = {}  # paragraph → closing offset of the last span ending there
        for span in spans:
            closes.append(last_close.get(span.paragraph))
            last_close[span.end_paragraph] = span.end
        opens: list[int | None] = [None] * len(spans)
        first_open: dict[int, int] = {}  # paragraph → opening offset of the next span starting there
        for number in range(len(spans) - 1, -1, -1):
            opens[number] = first_open.get(spans[number].end_paragraph)
            first_open[spans[number].paragraph] = spans[number].start
        return closes, opens

    def _names_character(self, span: _Span, close: int | None, open_: int | None) -> bool:
        """Whether a cue of this quote names a character outright ("Ramon says")."""
        next_open = open_ if open_ is not None else len(self.paragraphs[span.end_paragraph])
        for cue in (self.cue_after(span, next_open), self.cue_before(span, close + 1 if close is not None else 0)):
            words = _trim_name_words(cue[0].split()) if cue else []
            written = " ".join(words)
            if written and self.directory.resolve(written).confidence < 1.0 and self.role(written):
                return True
        return False

    def _partner(self, span: _Span, quotes: list[FoundQuote], prior: _Speaker, exchanging: bool) -> _Speaker | None:
        """Who answers in a line of its own: "“Did you ever go home in it?” Mabey asked. / “Once.
        By accident.” / “So you're saying …” / “I'm saying …”". A quote alone in its paragraph
        after a question, or after such an answer, is the other side of the exchange: whoever
        spoke just before the question, when that was someone else and no more than a few
        paragraphs earlier. Anything else goes on with the same speaker."""
        text = self.paragraphs[span.paragraph]
        if span.end_paragraph != span.paragraph or text[span.end + 1 :].strip() or not quotes:
            return None  # not a line of its own
        if not (exchanging or quotes[-1].text.rstrip().endswith("?")):
            return None
        asker = prior.key or normalize_name(prior.written or "")
        asked_at = quotes[-1].paragraph
        for mention in reversed(self.spoken[:-1]):
            if mention.position[0] < asked_at - 3:
                break
            if mention.identity and mention.identity != asker:
                return _Speaker(mention.key, mention.written, mention.character, mention.confidence,
                                mention.candidates)  # fmt: skip
        return None

    def _section_speaker(self, span: _Span) -> _Speaker | None:
        """A round-up's section headed by one person's name ("**Anjali Varma-Sutton**", then a line
        about her, then her answer): a quote with no cue that opens its paragraph is that person's,
        unless somebody else is named between the heading and the quote."""
        for index in range(span.paragraph - 1, max(-1, span.paragraph - 1 - HEADING_REACH), -1):
            heading = HEADING_NAME_RE.fullmatch(self.paragraphs[index])
            if heading is None:
                if MARKED_HEADING_RE.fullmatch(self.paragraphs[index]):
                    return None  # "**Two of the extras**": a section headed by no one person
                continue
            if (
                len(heading["name"].split()) < 2
                or opens_no_name(heading["name"].split()[0])
                or CAPS_SMALL_WORD_RE.search(heading["name"])
                or any(word.casefold() in ORDINALS for word in heading["name"].split())
            ):
                # "THE EIGHTIES": a section of an oral history, named for no one; "LINE OF THE YEAR", an award;
                # "NIGHT SEVEN", a diary's or a recap's numbered part
                return None
            speaker = self.identify(heading["name"], (index, heading.start("name")))
            if speaker is None or not (speaker.key or speaker.written) or speaker.character:
                return None
            identity = speaker.key or normalize_name(speaker.written or "")
            start = bisect_left(self.plain_named_positions, (index + 1, 0))
            end = bisect_left(self.plain_named_positions, (span.paragraph, span.start))
            if any(not mention.character and mention.identity != identity for mention in self.plain_named[start:end]):
                return None  # "… was accompanied by his mother, Bisi Oyenuga": who speaks is open again
            return replace(speaker, confidence=min(speaker.confidence, FALLBACK))
        return None

    def _named_since(self, paragraph: int, span: _Span, speaker: _Speaker) -> bool:
        """Whether anyone but `speaker` is named from the start of `paragraph` up to the quote."""
        start = bisect_left(self.plain_named_positions, (paragraph, 0))
        end = bisect_left(self.plain_named_positions, (span.paragraph, span.start))
        identity = speaker.key or normalize_name(speaker.written or "")
        # (by name: "his thirty-first production with the director" speaks of her, it does not hand the quote to her)
        return any(
            mention.identity != identity and self.paragraphs[mention.position[0]][mention.position[1] :][:1].isupper()
            for mention in self.plain_named[start:end]
        )

    def _nearby_subject(self, span: _Span) -> _Speaker | None:
        """No cue at all: the person last named before the quote, in its paragraph or, when the quote
        opens its paragraph, in the paragraph before (a lead-in like "He recalled the night."), with
        low confidence."""
        opens = not self.paragraphs[span.paragraph][: span.start].strip()
        position = (span.paragraph, span.start)
        number = self.sentence_number(span.paragraph, span.start)
        begins = self.breaks(span.paragraph)[number - 1] if number else 0
        if subject := SENTENCE_SUBJECT_RE.match(self.paragraphs[span.paragraph], begins, span.start):
            # "She looked, by her own admission, “like …”": the sentence's subject is the speaker.
            carried = self.carry(subject["pronoun"], position)
            return replace(carried, confidence=min(carried.confidence, FALLBACK)) if carried else None
        before = self.breaks(span.paragraph)[number - 2] if number >= 2 else 0  # the sentence before the quote's
        if number and _nameless_at(self.paragraphs[span.paragraph], before, begins):
            # "A junior technician, who asked not to be named, said …. “…”": someone no name stands for
            return _Speaker(None, None)
        lead = (
            (begins, span.start) if self.paragraphs[span.paragraph][begins : span.start].strip() else (before, begins)
        )
        if number and INDEFINITE_SUBJECT_RE.match(self.paragraphs[span.paragraph], *lead):
            return _Speaker(None, None)  # "A woman in a fleece was less reserved. »…«": nobody the article names
        if UNNAMED_LEAD_RE.match(self.paragraphs[span.paragraph], begins, span.start):
            return _Speaker(None, None)  # "Her small son asked Yuman Elmenkeev: “…”": not the one he asks
        if ADDRESSED_LABEL_RE.search(self.paragraphs[span.paragraph], begins, span.start):
            return _Speaker(None, None)  # "Mother to YV: “…”": said to the one named, by someone who is not
        if number and (kin := KIN_SUBJECT_RE.match(self.paragraphs[span.paragraph], before, begins)):
            # "His daughter did not look up from her clipboard. ‘He says that about everything I build.’"
            relative = self._relative(kin["who"], (span.paragraph, kin.start("who")))
            if relative.key:
                return replace(relative, confidence=FALLBACK)
        owner = LINE_IS_OWNERS_RE.search(self.paragraphs[span.paragraph], before, begins) if number else None
        # "The line is Peg's last, said to her elder son as he leaves …. ‘…’": the line announced just before
        if owner and (speaker := self.identify(owner["who"], (span.paragraph, owner.start("who")))) and speaker.key:
            return replace(speaker, confidence=FALLBACK)
        if number == 1 and (subject := PRONOUN_SUBJECT_RE.match(self.paragraphs[span.paragraph], 0, begins)):
            # "She was the only one of the four to ask me a question first. “Did you laugh?”"
            carried = self.carry(subject["who"], (span.paragraph, subject.start("who")))
            if carried and carried.key:
                return replace(carried, confidence=FALLBACK)
        # Quote speakers are never possessive, so the nearest is the later of the last plain name
        # and the last speaker (the name when both sit at the same place).
        named = bisect_left(self.plain_named_positions, position) - 1
        if named >= 0 and self._subject_of_quote(self.plain_named[named], span):
            named -= 1  # "Lathom “is either the best or the worst thing…”": words about Lathom, not his
        spoken = bisect_left(self.spoken_positions, position) - 1
        candidates = [self.plain_named[named]] if named >= 0 else []
        if spoken >= 0 and (not candidates or self.spoken_positions[spoken] > candidates[0].position):
            candidates = [self.spoken[spoken]]
        for mention in candidates:
            nearby = mention.position[0] == span.paragraph or (opens and mention.position[0] == span.paragraph - 1)
            if nearby:
                return _Speaker(mention.key, mention.written, mention.character, FALLBACK, mention.candidates)
        return None

    def _subject_of_quote(self, mention: _Mention, span: _Span) -> bool:
        """Whether the name stands just before a quote that goes on from it in lower case: the quote
        says what the named person is or does, in someone else's words."""
        paragraph, start = mention.position
        text = self.paragraphs[span.paragraph]
        return (
            paragraph == span.paragraph
            and text[span.start + 1 : span.start + 2].islower()
            and not text[start + len(mention.written) : span.start].strip()
        )


def _without_nickname(match: re.Match) -> str:
    """'Huw “Camera” Tomos' as 'Huw Tomos'."""
    return f"{match['first']} {match['last']}"


def _apposed(text: str, match: re.Match) -> str:
    """The cue's "who", or the name set beside it: "the festival's artistic director, Hugo Brandão,"."""
    who = match["who"]
    # "Its business representative for New Mexico, Ezequiel Trujillo-Haynes, said": a name after a
    # preposition is no subject; the name set beside it is.
    governed = AFTER_PREPOSITION_RE.search(text, max(0, match.start("who") - 6), match.start("who"))
    # "said the Director-General, Bahodir Tursunov": a title in capitals after "the", and the name beside it
    # ("the Head of Drama, Ana Lopez")
    end = match.end("who")
    if titled := re.search(r"\bthe[ \t]+$", text[: match.start("who")]):
        end = of.end() if (of := TITLE_OF_RE.match(text, end)) else end
    described = APPOSED_WHO_RE.match(text, match.start("who"))  # "the Crew's captain, the sound recordist …,"
    if (
        governed
        or titled
        or re.fullmatch(rf"{DESCRIPTOR}|{UNNAMED}|{KIN_WHO}", who)
        or (described and described.end() == match.end("who"))
    ) and (name := APPOSED_NAME_RE.match(text, end)):
        return name["name"]
    return who


# A family name's forms for its women and its men: Greek "Papadopoulou" and "Papadopoulos", Czech "Holubová"
# and "Holub", Polish "Kowalska" and "Kowalski", Russian "Ivanova" and "Ivanov", Lithuanian "Petrauskienė"
# (a wife), "Petrauskaitė" (a daughter) and "Petrauskas". Read folded, without their accents.
FAMILY_NAME_ENDINGS = (
    ("ou", "os"), ("ova", "ov", ""), ("eva", "ev"), ("ska", "ski", "sky"), ("cka", "cki", "cky"),
    ("iene", "aite", "yte", "ute", "as", "is", "us"),
)  # fmt: skip
MIN_SURNAME_STEM = 4


def _family_name(name: str) -> str:
    """The folded family name of a full name: "Macapagal" of "Ernesto Macapagal Jr."."""
    words = _fold(name).split()
    if len(words) > 2 and words[-1].strip(".") in GENERATIONS:
        words.pop()
    return words[-1]


def _same_family_name(one: str, other: str) -> bool:
    """Whether two folded surnames are one family's, allowing for the forms a language gives each of its members."""
    if one == other:
        return True
    for endings in FAMILY_NAME_ENDINGS:
        for ending in endings:
            stem = one[: len(one) - len(ending)] if ending else one
            if one.endswith(ending) and len(stem) >= MIN_SURNAME_STEM and any(other == stem + e for e in endings):
                return True
    return False


def _job_name(match: re.Match | None) -> str:
    """ "director", or "artistic director": a job with the word that makes it a different one."""
    if match is None:
        return ""
    kind = (match["kind"] or "").lower()
    job = match["job"].lower()
    return job if not kind or kind in NOT_JOB_KINDS or kind.endswith("s") else f"{kind} {job}"


def _blank_brackets(text: str) -> str:
    """The text with each [bracketed insertion] blanked, offsets kept.

    Only the text up to the last "]" can hold a closed bracket; leaving the rest out keeps a run of
    unclosed "[" from being scanned to the end once per "[".
    """
    last_close = text.rfind("]")
    if last_close < 0:
        return text
    head = BRACKETED_RE.sub(lambda m: " " * len(m.group()), text[: last_close + 1])
    return head + text[last_close + 1 :]


def _all_matches(pattern: re.Pattern, text: str):
    """Every match of an end-anchored pattern, leftmost start first, so the nearest subject can win."""
    for start in range(len(text)):
        if start and (text[start - 1].isalnum() or text[start - 1] in WORD_INSIDE):
            continue
        if match := pattern.match(text, start):
            yield match


LOW_OPENING_RE = re.compile(r"„(?P<words>[^„“”]*)(?P<close>[“”])?")  # the German opening mark and its partner
GUILLEMET_RE = re.compile(r"[«»]")  # the first one a paragraph uses says which way round they go


# Dialogue set off by dashes, as Hungarian, Polish or Russian papers print it: "– Fog is the hardest thing to
# act – he said. – You cannot see it." A paragraph opening with a dash whose words a dash and a speech verb follow.
DASH_CUE_RE = re.compile(rf"[ \t][–—][ \t]+(?:(?:{PRONOUN}|{NAME})[ \t]+)?(?:{VERB})\b")
SPEECH_DASH_RE = re.compile(r"(?:^[ \t]*|(?<=[ \t]))[–—](?=[ \t])")


def _dashes_as_marks(text: str) -> str:
    """Dash-set dialogue in English marks, character for character: the dash that opens words becomes a space
    and the space after it “, the dash that closes them ” and a space."""
    chars = list(text)
    inside = False
    for dash in SPEECH_DASH_RE.finditer(text):
        at = dash.start()
        if not inside:
            chars[at], chars[at + 1] = " ", "“"
        elif at > 0:
            chars[at - 1], chars[at] = "”", " "
        inside = not inside
    return "".join(chars)


# Dialogue as Scandinavian papers print it: a dash opens the words, a comma and the verb end them, a line's end or
# the next dash ends the rest: "– The first week I only let them listen, she says. – My grandmother's voice."
DASH_OPENING_RE = re.compile(r"(?:^[ \t]*|(?<=[.!?…][ \t]))[–—](?=[ \t])", re.MULTILINE)
COMMA_CUE_RE = re.compile(
    # (the speaker's job too: "…, the director said.")
    rf",[ \t]+(?:(?:{PRONOUN}|{NAME}|the[ \t]+[a-z]+)[ \t]+(?:{VERB})|(?:{VERB})[ \t]+(?:{PRONOUN}|{NAME}))\b"
    rf"[^.!?“”\n–—]*[.!?]"
)


def _dash_dialogue(text: str) -> bool:
    """Whether a paragraph opens with dash-set words that a comma and a speech verb end ("– …, she says.")."""
    if text[:3].lstrip()[:1] not in "–—" or "“" in text or DASH_CUE_RE.search(text):
        return False
    line = text.split("\n", 1)[0]
    return COMMA_CUE_RE.search(line) is not None


def _dash_lines_as_marks(text: str) -> str:
    """Dash-set words ended by a comma and a verb, the next dash or the line's end, in English marks character for
    character: the dash and the space after it become a space and “; the space after the comma, or the line's last
    stop, becomes ”."""
    chars = list(text)
    for opening in DASH_OPENING_RE.finditer(text):
        start = opening.start()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        following = DASH_OPENING_RE.search(text, opening.end(), line_end)
        end = following.start() if following else line_end
        cue = COMMA_CUE_RE.search(text, opening.end(), end)
        if cue:
            chars[cue.start() + 1] = "”"  # "listen, she says" reads "listen,”she says"
            # "– …, she said. I went in for six weeks.": what she goes on to say, to the line's end
            rest = text[cue.end() : end]
            if not following and (words := rest.strip()) and words[-1] in ".!?…" and rest[:1] in " \t":
                chars[cue.end()] = "“"
                chars[cue.end() + len(rest.rstrip()) - 1] = "”"
        else:
            words = text[opening.end() : end].rstrip()
            if not words or words[-1] not in ".!?…":
                continue
            chars[opening.end() + len(words) - 1] = "”"
        chars[start], chars[start + 1] = " ", "“"
    return "".join(chars)


SAME_MARK_OPENING_RE = re.compile(r"(?:^|(?<=[\s(\[—–-]))”(?=[^\s”])")


BLOCK_QUOTE_RE = re.compile(r"(?P<indent>[ \t]*)>[ \t](?=\S)")


def _set_out(text: str) -> str:
    """A block quote with no quotation marks of its own ("> Sc. 4, tk. 6. …", a log's or a letter's words set out
    below the paragraph that introduces them) read as words quoted: its ">" an opening mark, and a closing one
    after its last word, so every offset inside still points into the text as written."""
    if (opened := BLOCK_QUOTE_RE.match(text)) is None or any(mark in text for mark in '“”"«»„'):
        return text
    return f"{opened['indent']} “{text[opened.end() :]}”"


def standard_marks(text: str, *, dash_lines: bool = False) -> str:
    """A paragraph quoted in German („…“), French or Spanish («…»), German and Danish (»…«) or Finnish and
    Swedish (”…”) marks, or in dashes, written in English ones (“…”) character for character, so that every
    offset still points into the text as written. Only the marks change; the words inside are left as they
    are. With `dash_lines` (an article whose dialogue is set Scandinavian-style), a line or sentence opening
    with a dash is words too, whatever ends it."""
    if "„" in text and ("«" in text or "»" in text):
        # „…“ inside «…»: the quote within a quote, in single marks so the outer one stays whole
        text = LOW_OPENING_RE.sub(lambda match: f"‘{match['words']}{'’' if match['close'] else ''}", text)
    elif "„" in text:
        text = LOW_OPENING_RE.sub(lambda match: f"“{match['words']}{'”' if match['close'] else ''}", text)
    if text[:3].lstrip()[:1] in "–—" and "“" not in text and DASH_CUE_RE.search(text):
        text = _dashes_as_marks(text)
    elif dash_lines and "“" not in text and ("–" in text or "—" in text):
        text = _dash_lines_as_marks(text)
    if "”" in text and "“" not in text:
        # Finnish and Swedish open and close with the same mark (”…”): one that starts a word opens
        text = SAME_MARK_OPENING_RE.sub("“", text)
    guillemet = GUILLEMET_RE.search(text)
    if guillemet:
        opening, closing = ("«", "»") if guillemet.group() == "«" else ("»", "«")
        text = text.translate({ord(opening): "“", ord(closing): "”"})
    return text


# The words a report's or a caption's headings are made of: "CAST CHANGES:", "INCIDENTS:", "FAR LEFT:", "BEST DRESSED:"
REPORT_WORDS = {
    "general", "incident", "incidents", "change", "changes", "inset", "left", "right", "centre", "center", "notes",
    "cast", "crew", "props", "wardrobe", "lighting", "technical", "running", "interval", "apologies", "agenda",
    "dressed", "summary", "report", "house", "front",
    "acting", "stage", "sound", "costume", "costumes", "performance", "safety", "maintenance",  # a show report's
}  # fmt: skip


def _report_heading(label: str) -> bool:
    """Whether a label in capitals heads a section of a report or a caption rather than names a speaker: one with a
    small word no name has ("NOTES FOR DIRECTOR"; an opening "THE" may be a role's, "THE JUDGE:"), or one of a
    report's own words ("INCIDENTS", "FAR LEFT")."""
    folded = _fold(label)
    small = CAPS_SMALL_WORD_RE.search(label, 4 if label.startswith("THE ") else 0)
    return (
        label.isupper()
        and folded not in FLOOR_LABELS
        and (small is not None or any(word in REPORT_WORDS for word in folded.split()))
    )


def _mark_spans(text: str, singles: bool) -> list[tuple[int, int | None]]:
    """(opening offset, closing offset or None) for each quote-mark pair in one paragraph."""
    spans: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i, char in enumerate(text):
        if singles:
            if open_at is None and char in "‘'" and _opens_single(text, i):
                open_at = i
            elif open_at is not None and char in "’'" and _closes_single(text, i):
                spans.append((open_at, i))
                open_at = None
            continue
        if char == "“" or (char == '"' and open_at is None):
            open_at = i if open_at is None else open_at
        elif char in '”"' and open_at is not None:
            spans.append((open_at, i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, None))
    return spans


def _whole_sentences(text: str, singles: bool, words: int) -> list[tuple[int, int | None]]:
    """The spans in single (or double) marks of `words` words or more that end like a sentence."""
    return [
        (start, end)
        for start, end in _mark_spans(text, singles)
        if end is not None and len(text[start:end].split()) >= words and text[end - 1] in ".,!?…"
    ]


def _lines_in_singles(text: str) -> list[tuple[int, int | None]]:
    """In an article that quotes in double marks, a paragraph with none that gives whole sentences in
    single ones: a script read aloud ("Te Pou begins. ‘Dawn. The kitchen is already hot.’"), never a
    title or a word in marks ("the so-called ‘Salt Bride’")."""
    if "‘" not in text or re.search(r"[“”\"]", text):
        return []
    return _whole_sentences(text, True, 2)


def _doubles_alone(text: str) -> list[tuple[int, int | None]]:
    """In an article that quotes in single marks, a paragraph with none that gives whole sentences in double
    ones, no quote within a quote: ‘…’ for most people, and "…" where the writer switched ("“The pigeons go
    first, then you,” he told me.")."""
    return _whole_sentences(text, False, 3)


def _quotes_in_singles(paragraphs: Sequence[str]) -> bool:
    """Whether the article quotes people in single marks (‘…’ or '…'), as many British papers do,
    with double marks only for a quote within a quote: more single-marked passages of some words
    than double-marked ones."""
    whole = "\n".join(paragraphs)
    if not re.search(r"[“”\"]", whole):
        return True
    if not re.search(r"(?:^|[\s(\[{—–/-])[‘'][\w\[…]", whole):
        return False
    singles = doubles = 0
    for text in paragraphs:
        singles += sum(1 for start, end in _mark_spans(text, True) if end and " " in text[start:end].strip())
        doubles += sum(1 for start, end in _mark_spans(text, False) if end)
    return singles > doubles


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and (after.isalnum() or after in "[…")


def _closes_single(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (
        before == "s"
        and (PLURAL_POSSESSIVE_RE.match(text, i + 1) or PLURAL_OWNS_RE.match(text, i + 1))
        and LATER_CLOSE_RE.search(text, i + 1, i + 200)
    ):
        # "'… the students of Gulnar Girls' High School would visit …'", "‘… of the Lufuno viewers' vote, declare
        # …’": a plural's possessive
        return False
    return not before.isspace() and not after.isalnum()


PLURAL_POSSESSIVE_RE = re.compile(rf"[ \t][{UPPER}][{WORD}]")  # "Girls' High", before a capitalised word
LATER_CLOSE_RE = re.compile(r"\S['’](?![\w])")  # a mark further on that may close the quote instead
# what a plural owns, never a cue or a clause after a closing mark: "viewers' vote", not "sisters' he said"
PLURAL_OWNS_RE = re.compile(
    r"[ \t](?!(?:he|she|they|it|we|you|i|said|says|and|or|but|nor|then|so|as|in|on|at|to|for|of|with|by|from|is"
    r"|was|were|are|the|a|an|that|which|who|whom|when|while|if|because|added|adds|asked|asks|told|tells|replied"
    r"|replies|explained|explains|wrote|writes|recalled|recalls|insisted|insists|laughed|laughs|agreed|agrees"
    r"|according|not|too|again|now|yet|still|just|only|even|all|both|either|after|before|since|until|till|during"
    r"|about|over|under|into|onto|upon|than|like|though|although|unless|whereas|where|there|here|this|these|those"
    r"|last|next|later|earlier|today|tonight|yesterday|once|twice|ago|instead|anyway|every|each|out|up|down|off)\b)"
    r"[a-z]+[ \t,]"
)


def _fold(text: str) -> str:
    return " ".join(normalize_name(text).strip(" ,.;:!?‘’'\"“”").split())


def _initials(name: str) -> str:
    """A name's initials, folded, without its particles: "Elowen Trengrouse" → "et"."""
    return "".join(word[0] for word in _fold(name).split() if word not in PARTICLES)


def _all_initials(name: str) -> set[str]:
    """`_initials`, and with each part of a double-barrelled word: "Aurore Kittredge-Balogun" → "ak", "akb"."""
    words = [word for word in _fold(name).split() if word not in PARTICLES]
    found = {"".join(word[0] for word in words), "".join(part[0] for word in words for part in word.split("-") if part)}
    if len(words) >= 3:  # "TH" for Trần Thị Thu Hà, who goes by her given name, Thu Hà
        found.add(words[-2][0] + words[-1][0])
        found.add(words[0][0] + words[-1][0])  # "JG" for Jason Ŋarritj Ganambarr, the middle name left out
        found.add(words[0][0] + words[1][0])  # "V.S." for Valentina Semyonovna Chuprova, given name and patronymic
    return found


def _signed_initials(name: str) -> set[str]:
    """`_all_initials`, and with the particles too, as people sign: "P. Ó C." for Peadar Ó Conghaile."""
    words = _fold(name).split()
    return _all_initials(name) | {"".join(part[0] for word in words for part in word.split("-") if part)}


def _is_title_case(text: str) -> bool:
    """ "Tiny Pretty Things", "The Nutcracker Suite": a title, not something said."""
    if re.search(r"[,.;:!?—]", text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 10:
        return False
    significant = [w for w in words if w.casefold() not in SMALL_TITLE_WORDS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant)


# --- Q&A ------------------------------------------------------------------------------------------

# A transcript's time code: "12:31", "00:12:31", in brackets or parentheses or bare.
TIMESTAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"
BRACKETED_TIMESTAMP = rf"(?:\[{TIMESTAMP}\]|\({TIMESTAMP}\))"
# A time code before the label, "[00:12:31] NAME:", "00:12 – Name:", or an arrow pointing to the answer
# under a question, "→ Dara: …".
TIMESTAMP_PREFIX_RE = re.compile(
    rf"^\s*(?:(?:\*\*|__)?(?:{BRACKETED_TIMESTAMP}|{TIMESTAMP})(?:\*\*|__)?[ \t]*(?:[-–—|][ \t]*)?"
    r"|(?:[→⇒➜➔➡▶►▸»]|-{1,2}>|=>)[ \t]*)"
)
# A username as a label: an underscore or a digit in it ("gaslight_gremlin", "MaireadQ_official").
USERNAME = r"[\w.]*(?:_|\d)[\w.]*"
# A forum's username with its "u/" prefix: "u/ravenglassroad", "u/AigerimS_writes".
PREFIXED_HANDLE = r"u/[A-Za-z\d_-]{3,30}"
USERNAME_RE = re.compile(rf"@?{USERNAME}|{PREFIXED_HANDLE}")
# A surname label that opens with its particle: "ap Iorwerth:", "van der Berg:", "de la Cruz:".
LABEL_PARTICLES = r"(?:(?:ap|ab|de|da|del|della|di|du|dos|das|do|van|von|der|den|ter|ten|le|la|bin|ibn)[ \t]+){1,2}"
LABEL_RE = re.compile(
    rf"^\s*(?:\*\*|__|(?P<italic>[*_]))?(?P<label>(?:{LABEL_PARTICLES})?[{UPPER}][\w.'’&-]*(?:[ \t]+[\w.'’&-]+){{0,4}}?"
    rf"|[a-z]{USERNAME})[ \t]*"
    rf"(?:\((?P<role>[^()\n:]{{1,60}}|{TIMESTAMP})\)[ \t]*|\[{TIMESTAMP}\][ \t]*"
    # "NAME (role):", "Name (12:31):", "Name, role:", "Name, played Bunny Delacroix:"
    rf"|,[ \t]+[a-z][{WORD}'’-]*(?:[ \t]+[\w'’.&-]+){{0,5}}[ \t]*)?"
    # "*Dinma:* Mama, …": a label in italics closes its own mark, not the one an answer in italics opens
    r"(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:|(?(italic)(?::[*_]|[*_]:)|(?!))|:)[ \t]*(?P<rest>\S.*)$",
    re.S,
)
# "— Odile Ferrabee, creator and head writer": a line of its own under a quoted memory (an oral
# history, an epigraph) that names who said it; what follows the comma is their role.
OPENING_MARKS, CLOSING_MARKS = "“\"‘'", "”\"’'"
SIGNED_REACH = 6  # paragraphs of quotes alone a dash line may sign for
# A paragraph that opens with a full name and ends with a colon, introducing the quote below it.
# A lead-in that names no one over a speech the article has spoken of: "The speech, as recorded by a guest:"
THE_SPEECH_RE = re.compile(r"[ \t]*The[ \t]+(?:speech|toast|address|eulogy|sermon)\b[^“”\"]{0,120}:[ \t]*$")
SPEECH_GIVEN_RE = re.compile(
    rf"\b(?:speech|toast|address|eulogy|sermon)\b[^.!?“”\"]{{0,80}}?\b"
    rf"(?:came[ \t]+from|was[ \t]+(?:given|made|delivered)[ \t]+by)[ \t]+(?P<who>{NAME})"
)
SPEECH_REACH = 2
LEAD_IN_RE = re.compile(
    rf"[ \t]*(?P<who>{NAME})(?:,|[ \t]+(?:on|said|says|told|tells|added|adds)\b)[^“”\"]{{0,300}}:[ \t]*$"
    # "Her letter, which she asked us to publish in full, reads:": the one the pronoun carries to
    rf"|[ \t]*(?P<own>{OWN_WORDS_RE.pattern})\b[^“”\"]{{0,300}}\b(?:reads|read|said|says|runs|ran|went|goes)"
    r"(?:[ \t]+(?:as[ \t]+follows|in[ \t]+full))?:[ \t]*$"
)
# A forum's or a mailbag's header over the post below it: "Post by Garik Simonyan (Gyumri):", "Reply by
# Nairi_G_official (verified showrunner):", "Letter from Ana Sousa, Porto:"
POSTED_BY_RE = re.compile(
    rf"[ \t]*(?:[{UPPER}][a-z]+(?:[ \t]+[a-z]+){{0,2}}[ \t]+)?(?:by|from)[ \t]+"
    rf"(?P<who>@?{USERNAME}|{PREFIXED_HANDLE}|{NAME})[ \t]*(?:\([^()\n]{{1,60}}\)|,[^,:()\n]{{1,40}})?[ \t]*:[ \t]*"
)
HEADING_REACH = 4  # paragraphs below its heading a round-up's section may give its quotes to its person
# A line that is one name and nothing else, bold or as a Markdown heading: a round-up's section heading.
MARKED_HEADING_RE = re.compile(r"[ \t]*(?:(?:\*\*|__)[^*_\n]+(?:\*\*|__)|\#{1,4}[ \t].*)[ \t]*")
CAPS_SMALL_WORD_RE = re.compile(r"\b(?:OF|THE|AND|FOR|IN|ON|TO|AT)\b")  # words no name in capitals has
HEADING_NAME_RE = re.compile(rf"[ \t]*(?:\*\*|__|\#{{1,4}}[ \t]+)?(?P<name>{NAME})(?:\*\*|__)?[ \t]*")
DASH_LINE_RE = re.compile(
    rf"[ \t]*(?:[—―–]|--?)[ \t]*(?P<who>(?:{PARTICLE}[ \t]+)?{NAME})"
    rf"(?:[ \t]+\((?P<inner>{NAME})(?P<tenure>,[ \t]*[^()\n]{{1,60}})?\))?[ \t]*(?:,[^“”\"]{{0,160}})?[.]?[ \t]*"
)  # "— Bettany Lisle (Harriet Okoye-Crane), to a visibly damp detective": a role and who plays it
# A line of its own under a quote that says whose line it was: "Kaptan Orhan Demirci (Levent Şahin), The
# Ferry Captain", a round-up's role, its actor in brackets and the show.
ROLE_LINE_RE = re.compile(
    rf"[ \t]*{NAME}[ \t]+\((?P<actor>{NAME})\)(?:[ \t]+and[ \t]+{NAME}[ \t]+\((?P<other>{NAME})\))?"
    rf"(?:,[ \t]*[^“”\"()\n]{{1,80}})?[ \t]*"
)
EXCHANGE_REST_RE = re.compile(r"\s*/\s*[“\"][^“”\"]+[”\"]\s*")  # the other half of a two-line exchange
# A countdown's entry, the line itself: "15. “On my ferry, nobody is in a hurry.”" (a role line under any
# other quote heads the next section: "Spud (Dougie Fairhurst), now a plumber").
NUMBERED_QUOTE_RE = re.compile(r"\s*(?:\*\*|__|#{1,4}\s*)?\d{1,3}[.)]\s+[“\"‘']")
# "Q. How did…", "A) It was…", "Q — How…", "Q3. Why…": the letter labels with a stop or a dash instead of a colon.
LETTER_LABEL_RE = re.compile(
    r"^\s*(?:\*\*|__)?(?P<label>Q|A)(?:\d{1,2}[a-z]?)?(?:\*\*|__)?(?:[.)]|[ \t]+[—–])[ \t]*(?:\*\*|__)?[ \t]*"
    r"(?P<rest>\S.*)$",
    re.S,
)
# A transcript's label on a line of its own, the words in the paragraph below: "AIKO KIMURA  00:01:15",
# or an oral history's full name and role, "Aoife Ní Dhonnchadha, who played Nora Keane".
LINE_LABEL_RE = re.compile(
    rf"^\s*(?:\*\*|__)?(?P<label>[{UPPER}][\w.'’&-]*(?:[ \t]+[\w.'’&-]+){{0,4}}?)"
    rf"(?P<role>,[ \t]+[a-z][{WORD}'’-]*(?:[ \t]+[\w'’.&-]+){{0,5}})?(?:\*\*|__)?"
    rf"[ \t]*(?:{BRACKETED_TIMESTAMP}|{TIMESTAMP})?[ \t]*:?(?:\*\*|__)?\s*$"
)
LETTER, LINE = "letter", "line"
NAMED = "named"  # "TUMI: Rra Sebina.": a label whose words are a name, a turn only where the label speaks elsewhere
# Someone saying who they are: "I'm Aroha Tipene, …", "My name is Ana Reyes and …".
I_AM = (
    rf"(?:I['’]m|I[ \t]+am|[Mm]y[ \t]+name['’]s|[Mm]y[ \t]+name[ \t]+is)[ \t]+"
    rf"(?P<name>{NAME})(?=[ \t]*[,.;:!—–]|[ \t]+and\b)"
)
# From the floor, first thing: "Hi, I'm Aroha Tipene, I've come from Rotorua".
SELF_INTRODUCED_RE = re.compile(
    rf"(?:(?:Hi|Hello|Hiya|Hey|Yes|Thanks|Thank you)[,.!]?[ \t]+)?(?:there[,.!]?[ \t]+)?{I_AM}"
)
# Anywhere a reader's question starts a sentence: "Konnichiwa from Hull! I'm Elspeth Varley and I teach …".
SELF_NAMED_RE = re.compile(rf"(?:^|(?<=[.!?,][ \t])){I_AM}")
# A press conference's question, its label the asker and their outlet: "Iñaki Arregi, Itsasaldea:", "Morwenna
# Castellow, this newspaper:", "Journalist, British trade press:".
PRESS_QUESTION_RE = re.compile(
    rf"^\s*(?:\*\*|__)?(?:(?P<name>{CAP_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*{CAP_WORD}){{1,3}})"
    rf"|Journalist|Reporter|Critic|Question)"
    rf"(?![^:\n]*\b{ROSTER_WORDS}[ \t]*:)"  # "STEPPE SERIAL, EPISODE 31. HOSTS: …", a roster
    rf"(?:,[ \t]+(?:aged?[ \t]+)?\d{{1,3}})?"  # "Léonie Muller, age 11, Ettelbruck:"
    rf",[ \t]+(?:[{UPPER}][\w'’.&-]*|this|our|a|an|the)(?:[ \t]+[\w'’.&+-]+){{0,4}}(?:\*\*|__)?:(?:\*\*|__)?[ \t]*"
    rf"(?P<rest>\S.*)$",
    re.S,
)
# A reader's question, signed in its label: "Q from Dai, Swansea:", "Question from Irakli Lomidze (Archil), by text:".
READER_QUESTION_RE = re.compile(
    r"^\s*(?:\*\*|__)?(?P<label>Q|Question|QUESTION)[ \t]+from[ \t]+(?P<name>[^,:()\n]{1,60}?)[ \t]*"
    r"(?:\([^()\n]{1,40}\)[ \t]*)?(?:,[^:\n]{1,60})?(?:\*\*|__)?:(?:\*\*|__)?[ \t]*(?P<rest>\S.*)$",
    re.S,
)
FLOOR_OPENERS = {"fan", "audience", "viewer", "student", "caller", "reader", "listener", "questioner"}
LIST_OPENERS = {"on", "in", "at", "with", "for", "about", "starring", "featuring", "also", "plus", "and"}
NUMBERED_LABEL_RE = re.compile(r"(?P<letter>[QA])\d{1,2}[a-z]?")
# A phone-in's caller and where they ring from: "GURDEV IN SMETHWICK", "Maureen from Falkirk".
CALLER_FROM_RE = re.compile(rf"(?P<name>[{UPPER}][\w'’-]+)[ \t]+(?:IN|FROM|in|from)[ \t]+[{UPPER}][\w'’. -]*")
# A committee transcript's question number before the one who asks it: "Q214 Chair:", "Q216 Marcus Threadgold:".
QUESTION_NUMBER_RE = re.compile(rf"Q\d{{1,4}}[a-z]?[ \t]+(?P<label>[{UPPER}].*)")
# A forum's handle in plain text, "lanternmoth: Did you always know …?", and a label set off by a
# dash, "Longshot — Where did the wasps come from?": labels only where the article uses them often.
HANDLE = r"[a-z][a-z\d_.]{2,30}"
# "@themba_d:" in a group chat, and a reply: "@luthando.q, replying to @themba_d:"
HANDLE_LABEL_RE = re.compile(
    rf"^\s*@?(?P<label>{HANDLE}|{PREFIXED_HANDLE})(?:,[ \t]+replying[ \t]+to[ \t]+@?{HANDLE})?:[ \t]+(?P<rest>\S.*)$",
    re.S,
)
# "@siya_writes is Mahlangu-Fischer, @themba_d is Dlamini": whose each handle is.
HANDLE_IS_RE = re.compile(rf"@(?P<handle>{HANDLE})[ \t]+is[ \t]+(?P<name>{NAME})")
DASH_LABEL_RE = re.compile(
    rf"^\s*(?:\*\*|__)?(?P<label>[{UPPER}][\w.'’&-]*(?:[ \t]+[{UPPER}][\w.'’&-]*){{0,3}})(?:\*\*|__)?"
    # ("RECHELLUUL (not looking up) — …": a stage direction after the label)
    r"(?:[ \t]+\([^()\n]{1,40}\))?[ \t]+[—–][ \t]+(?P<rest>\S.*)$",
    re.S,
)
# A label between square brackets, in capitals or not: "[SAWADOGO] Stop there, please.", "[YAABA OUSMANE] Because …",
# "[Dda Mokrane] Not at first." (every word capitalised, so "[Applause]" counts and "[long pause]" does not)
BRACKETED_CAPITALS_LABEL_RE = re.compile(
    rf"^\s*\[(?P<label>[{UPPER}][{WORD}.'’&-]*(?:[ \t]+[{UPPER}][{WORD}.'’&-]*){{0,3}})\][ \t]+(?P<rest>\S.*)$", re.S
)
# A label that is a role in sentence case, "The painter:", "Our writer:", "The sitter:": a turn only where the
# transcript repeats it
ROLE_LABEL_RE = re.compile(r"(?:The|Our|My|Your|His|Her|Their)[ \t]+[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?")
# A name in capitals closed by a full stop, as a play's script sets its speakers: "HASSAN. Peace be on you."
STOPPED_LABEL_RE = re.compile(
    rf"^\s*(?P<label>[{UPPER}][{UPPER}'’-]+(?:[ \t]+[{UPPER}][{UPPER}'’-]+){{0,2}})\.[ \t]+(?P<rest>\S.*)$", re.S
)
HANDLED, DASH, BRACKETED, ROLED, STOPPED = "handle", "dash", "bracketed", "roled", "stopped"
WORD_TOKEN_RE = re.compile(r"(?<![\w])(?<!\w@)[\w.]*\w")  # "@themba_d" holds the word "themba_d"
INTERLUDE = 2  # paragraphs of narration between two turns of one transcript
# How many turns a form needs before an article's paragraphs in it are read as a transcript.
OFTEN = 3


def _label_of(paragraph: str) -> tuple[str, str] | None:
    """A paragraph's Q&A label and the words after it, in any of the forms a transcript uses."""
    found = _label_form(paragraph)
    return (found[0], found[1]) if found and found[2] != NAMED else None


def _handle_form(paragraph: str) -> tuple[str, str, str] | None:
    """A forum handle's turn in plain text, "lanternmoth: Did you always know …?"."""
    handle = HANDLE_LABEL_RE.match(paragraph)
    return (handle["label"], handle["rest"].strip(), HANDLED) if handle else None


# A label that says what someone is rather than who (`ANONYMOUS_LABELS`): the brackets after it may name them.
BRACKETED_NAME_RE = re.compile(rf"\s*(?:(?:DR|Dr|MR|Mr|MRS|Mrs|MS|Ms)\.?\s+)?(?P<name>{NAME})\s*(?:,|$)")


def _bracketed_name(paragraph: str, *, answering: bool = False, letters: Mapping[str, str] | None = None) -> str | None:
    """The name in the brackets of a question's label, "QUESTION (Hamza Idrissi-Kerr, Reel North):", or
    with `answering` of an answer's, "A (Vörös, through the interpreter):" (a surname will do there);
    and a reader's, "Q from Saule Nurlanqyzy, Almaty:"."""
    if not answering and (asked := PRESS_QUESTION_RE.match(paragraph)):
        return asked["name"] if asked["name"] and " " in asked["name"] else None
    if not answering and (asked := READER_QUESTION_RE.match(paragraph)):
        name = " ".join(_trim_name_words(asked["name"].split()))
        return name if " " in name and re.fullmatch(NAME, name) else None
    match = LABEL_RE.match(paragraph)
    labels = ANSWER_LABELS if answering else QUESTION_LABELS | FLOOR_LABELS
    if match is None or not match["role"] or (letters or {}).get(folded := _fold(match["label"]), folded) not in labels:
        return None
    named = BRACKETED_NAME_RE.match(match["role"])
    if named is None or (" " not in named["name"] and not answering):
        return None
    return named["name"]


def _label_form(paragraph: str) -> tuple[str, str, str] | None:
    """(label, rest, form): form is "colon" for "NAME: …", "letter" for "Q. …" and "line" for a
    label on a line of its own (its words are the next paragraph, so ``rest`` is empty); the last
    two count only where an article uses them more than once."""
    paragraph = TIMESTAMP_PREFIX_RE.sub("", paragraph, count=1)
    if asked := READER_QUESTION_RE.match(paragraph):
        return asked["label"], asked["rest"].strip(), "colon"  # "Q from Dai, Swansea: Why does …?"
    if asked := PRESS_QUESTION_RE.match(paragraph):
        return "Q", asked["rest"].strip(), "colon"  # "Iñaki Arregi, Itsasaldea: Maialen, you had to …"
    letter = LETTER_LABEL_RE.match(paragraph)
    if letter:
        return letter["label"], letter["rest"].strip(), LETTER
    line = LINE_LABEL_RE.match(paragraph)
    if line:
        label = line["label"].strip()
        if line["role"] and (len(label.split()) < 2 or not re.fullmatch(NAME, label)):
            return None  # "Yes, she did": a role follows a full name only
        return (label, "", LINE) if _capitalised(label) and not re.search(r"[.!?,;]$", label) else None
    match = LABEL_RE.match(paragraph)
    if not match:
        if handle := _handle_form(paragraph):
            return handle
        dash = DASH_LABEL_RE.match(paragraph)
        # not "Ada Obi — Tess Kerr"; a dateline in capitals, "LOS ANGELES — …", comes once, too seldom for a transcript
        if dash and not re.fullmatch(rf"{NAME}\.?", dash["rest"].split("\n", 1)[0]):
            return dash["label"], dash["rest"].strip(), DASH
        if bracketed := BRACKETED_CAPITALS_LABEL_RE.match(paragraph):
            return bracketed["label"], bracketed["rest"].strip(), BRACKETED
        if (stopped := STOPPED_LABEL_RE.match(paragraph)) and _fold(stopped["label"]) not in NOT_LABELS:
            return stopped["label"], stopped["rest"].strip(), STOPPED
        return None
    form = "colon"
    label = match["label"].strip()
    if numbered := NUMBERED_LABEL_RE.fullmatch(label):
        label = numbered["letter"]  # "Q3:", "A8a:": an emailed interview's numbered questions and answers
    elif numbered := QUESTION_NUMBER_RE.fullmatch(label):
        label = numbered["label"]
    if caller := CALLER_FROM_RE.fullmatch(label):
        label = caller["name"]  # a phone-in's "GURDEV IN SMETHWICK:": the caller, by the name the host gave
    if re.match(r"(?:[A-Z]{1,3}\d+|EP|EPS|SC|ACT|SCENE|PART)[ \t]", label):
        return None  # a whiteboard's "S2 ARC:", "EP 6:": a heading, nobody speaking
    folded = normalize_name(label).strip(". ")
    if folded in NOT_LABELS or folded.split()[0] in {"warning", "spoiler", "spoilers", "photo", "update", "note"}:
        return None
    if " " in folded and folded.split()[0] in LIST_OPENERS and folded not in FLOOR_LABELS:
        return None  # "ON THE PANEL: …", "With the cast: …": a list's heading, nobody speaking
    if folded.split()[0] in FLOOR_OPENERS and len(folded.split()) <= 6 and folded not in FLOOR_LABELS:
        label = folded = "audience member"  # "Fan in a manananggal costume:", "Student:": someone in the audience
    bold = re.match(r"\s*(\*\*|__)", paragraph) is not None
    if ROLE_LABEL_RE.fullmatch(label) and match["rest"].strip():
        return label, match["rest"].strip(), ROLED
    if not _capitalised(label) and not (bold and USERNAME_RE.fullmatch(label)) and folded not in FLOOR_LABELS:
        # a lower-case label as a bold username, "**gaslight_gremlin:**", or as a plain one where
        # the article has several
        return _handle_form(paragraph)
    if (
        " " not in folded
        and folded not in QUESTION_LABELS | ANSWER_LABELS | FLOOR_LABELS
        and not (folded in PRONOUN_LABELS and label.isupper())  # "SHE:", "HE:"
        and not (folded in JOB_LABELS and label.isupper())  # "INTERPRETER:", whom the article names
        and not re.fullmatch(r"[A-Z]{2,3}", label)  # "AN:", a reporter's initials, not the word "an"
        and opens_no_name(label)
    ):
        return None  # "Then: the school's queen bee", "Now: a headteacher": a heading, not a speaker
    rest = match["rest"].strip()
    if folded in ANONYMOUS_LABELS and match["role"] and (named := BRACKETED_NAME_RE.match(match["role"])):
        label = named["name"]  # "CALLER (GARETH WYN PUGH, MERTHYR TYDFIL):": the caller is named in the brackets
    first_line = _strip_emphasis(rest.split("\n", 1)[0]).strip()
    if (
        folded not in QUESTION_LABELS | ANSWER_LABELS
        # "SLOT THREE: ARSLAN", a heading in capitals over the next one's answers, is a name alone too
        and (len(first_line.split()) >= 2 or (label.isupper() and first_line.isupper() and "\n" not in rest))
        and re.fullmatch(rf"{NAME}\.?", first_line)
        and not USERNAME_RE.fullmatch(label)  # "NandarH_official: Ko Zaw.": an answer, a cast list has no handles
    ):
        # "Peggy Hanratty: Bláthnaid Ruane": a cast list's line, a role and who plays it; in capitals, perhaps
        # a quiz's answer naming a rival, "TUMI: Rra Sebina."
        return (label, rest, NAMED) if label.isupper() else None
    if (
        rest[:1].islower()
        and not label.isupper()
        and folded not in QUESTION_LABELS | ANSWER_LABELS | FLOOR_LABELS
        and not USERNAME_RE.fullmatch(label)
    ):
        return None  # a bulletin's "Kachito: one splinter, removed, very brave.": a note about someone, no turn
    if bold and rest.endswith(("**", "__")) and rest.count(rest[-2:]) == 1:
        rest = rest[:-2].rstrip()  # "**Callboard: And the boat?**": the whole turn was in bold
    return label, rest, form


# A quotation attributed in narration: "“I think we'll take the dog as read,” she said." No turn of a
# transcript reports its own speaker that way, so the transcript is over.
# A sentence of narration whose subject is one of a transcript's labels: "After the panel, Iturbe
# stayed behind", "Uzor, passing with a coffee, had".
NARRATED_LABEL_RE = re.compile(
    # "Downstairs, on the way out, Hodan stopped …": a phrase or two of when or where first
    rf"\s*(?:(?:After|Before|Later|Afterwards|Backstage|Outside|Inside|Downstairs|Upstairs|Earlier|Meanwhile|Back|On"
    rf"|At|Out|Once|As|When|While|Then|Finally|Next)\b[^,.!?“”\"]{{0,40}},\s+(?:[a-z][^,.!?“”\"]{{0,40}},\s+)?"
    # "When Shirasawa reappeared, …": the label the subject of a clause of when
    rf"|(?:When|As|After|Before|While|Once|Until)\s+(?=[{UPPER}][{WORD}'’-]+\s+[a-z]+ed\b))?"
    rf"(?P<label>[{UPPER}][{WORD}'’-]+)(?:,[^,.!?“”\"]{{1,60}},)?\s+(?:[a-z]+ed|had|was|is|has|stayed|told|went|came|left"
    rf"|set|gave|took|made|got|put|kept|sat|stood|ran|began|let|sent|brought|thought|felt|saw|found|drew|led)\b"
)


# "The committee's chair, Hugh Penhaligon,": a job and the one person the article says holds it ("Our
# examiner, Sefeti Tanu Rigamoto," the outlet's own).
JOB_HOLDER_RE = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[{UPPER}][{WORD}'’-]*['’]s)[ \t]+"
    rf"(?P<before>(?:[a-z][{WORD}'’-]*[ \t]+){{0,2}})"
    rf"(?P<job>[a-z][{WORD}-]+),[ \t]+(?P<name>{NAME})"
)


# "Issa Ongoïba of Falaise FM": a reporter and the outlet a transcript's label may name them by
REPORTER_OF_RE = re.compile(
    rf"(?P<name>{NAME})[ \t]+of[ \t]+(?P<outlet>[{UPPER}][{WORD}'’.&-]*(?:[ \t]+[{UPPER}][{WORD}'’.&-]*){{0,3}})"
)
JOB_BEFORE_NAME_RE = re.compile(rf"\b[Tt]he[ \t]+(?P<job>[a-z]+)[ \t]+(?P<name>{NAME})")


# The word that makes a job another one: "the casting director" is not the director.
OTHER_JOB_RE = re.compile(
    r"\b(?:casting|art|music|musical|assistant|artistic|creative|associate|managing|technical|sound|dialogue|stunt"
    r"|fight|second[ \t]+unit)[ \t]+$",
    re.IGNORECASE,
)
DIRECTED_BY_RE = re.compile(rf"\b(?:is|was|and)[ \t]+directed[ \t]+by[ \t]+(?P<name>{NAME})")
JOB_IS_RE = re.compile(
    # "The circle's chair is Hortense Arzu": whose job it is may come first
    rf"\b[Tt]he[ \t]+(?:[a-z]+['’]s[ \t]+)?(?P<job>[a-z]+(?:[ \t]+[a-z]+){{0,2}})[ \t]+(?:is|was)[ \t]+(?P<name>{NAME})"
)
# "Lê Phương Thảo, the festival's Vietnamese interpreter, sat at the end of the table"
JOB_HOLDER_AFTER_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<name>{NAME}),[ \t]+(?:the|its|their|his|her)[ \t]+(?:[{WORD}'’-]+[ \t]+){{0,3}}?"
    rf"(?P<job>[a-z][{WORD}-]+)(?=[ \t]*[,.;])"
)
PRONOUN_LABELS = {"she": "f", "he": "m"}
PRONOUN_AFTER_RE = re.compile(r"\b(?P<pronoun>[Ss]he|[Hh]e)\b")
KIN_BEFORE_RE = re.compile(rf"\b(?:[Hh]er|[Hh]is|[Tt]heir)[ \t]+(?P<kin>{KIN}),?[ \t]+$")


def _pronoun_holders(
    paragraphs: Sequence[str], directory: NameDirectory, context_keys: Collection[str], askers: Collection[str]
) -> dict[str, _Speaker]:
    """Whom "SHE:" and "HE:" stand for: the one woman and the one man the introduction names (not the
    interviewer, not a role), a gender read from "Her husband, Renato dela Paz" or from a sentence a
    person opens, "she" later in it or opening the next."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for text in paragraphs:
        sentences = [0, *(match.end() for match in SENTENCE_BREAK_RE.finditer(text)), len(text)]
        for begin, end, after in zip(sentences, sentences[1:], [*sentences[2:], len(text)], strict=False):
            subject = None
            for run in NAME_RUN_RE.finditer(text, begin, end):
                words = _trim_name_words(run.group().split())
                name = " ".join(words)
                key = directory.resolve(name, context_keys=context_keys).key if words else None
                if key is None or key in askers or directory.character(name):
                    continue
                if kin := KIN_BEFORE_RE.search(text, max(0, run.start() - 20), run.start()):
                    votes[key][KIN_GENDER[kin["kin"].lower()]] += 2
                subject = subject or (key, run.end())
            if subject is None:
                continue
            key, at = subject
            pronoun = PRONOUN_AFTER_RE.search(text, at, end)
            if pronoun is None and (later := PRONOUN_AFTER_RE.search(text, end, after)):
                # "Like most Catalans she has two surnames": the next sentence's, before it names anyone
                named = (
                    directory.resolve(" ".join(_trim_name_words(run.group().split())), context_keys=context_keys).key
                    for run in NAME_RUN_RE.finditer(text, end, later.start())
                )
                pronoun = None if any(named) else later
            if pronoun:
                votes[key]["m" if pronoun["pronoun"].lower() == "he" else "f"] += 1
    found: dict[str, _Speaker] = {}
    for label, gender in PRONOUN_LABELS.items():
        holders = [key for key, vote in votes.items() if vote[gender] > vote["mf".replace(gender, "")]]
        if len(holders) == 1:
            found[label] = _Speaker(holders[0], directory.name_of(holders[0]), None, CARRIED)
    return found


# Who ran a session, in the narration before its transcript: "The session was moderated by the festival's
# artistic director, Joaquim Ferraz-Melo", "chaired by the critic Rosalba Lomond", "Maren Solvik-Adeyemi, moderated".
RAN_BY_RE = re.compile(
    rf"\b(?:set[ \t]+and[ \t]+)?(?P<verb>moderated|chaired|hosted|presented|run|asked)"
    rf"(?:,[^,.;]{{1,40}},)?[ \t]+by[ \t]+"
    # "chaired by the director of the Northgate Film School, Hilary Ormerod"
    rf"(?:(?:the|its|their)[ \t]+[a-z][^,.;:“”\"]{{1,60}},[ \t]+(?={NAME}[ \t]*[.;,]|{NAME}$)"
    rf"|(?:the|its|their)[ \t]+(?:[{WORD}'’-]+[ \t]+){{0,4}}?(?:[a-z][{WORD}'’-]*,?[ \t]+))?(?P<name>{NAME})"
    rf"|(?P<name2>{NAME}),[ \t]+(?:who[ \t]+)?(?P<verb2>moderated|chaired|hosted|presented)\b"
)
# The labels a session's runner speaks under, and the verbs that say who ran it, the likeliest first.
RAN_BY_LABELS = {
    "moderator": ("moderated", "chaired", "hosted", "run"),  # "The press room was run by …"
    "chair": ("chaired", "moderated"),
    "host": ("hosted", "presented", "moderated"),
    "presenter": ("presented", "hosted"),
    "quizmaster": ("asked", "hosted", "presented", "run"),  # "The quiz … was set and asked by Rethabile Mofokeng"
}


# "The questions below are his, asked off camera.", "The questions were Arman Kassymov's."
QUESTIONS_ARE_RE = re.compile(
    rf"\b[Tt]he[ \t]+questions(?:[ \t]+(?:below|here|that[ \t]+follow))?[ \t]+(?:are|were)[ \t]+"
    rf"(?:(?P<pronoun>his|hers)\b|(?P<name>{NAME})['’]s\b)"
    # "The interview, by Pauline Ngāwai Ruatapu, ran in the East Coast Weekly in 1988": a reprint's own interviewer
    rf"|\b[Tt]he[ \t]+(?:original[ \t]+)?interview,?[ \t]+(?:conducted[ \t]+)?by[ \t]+(?P<by>{NAME}),?[ \t]+"
    rf"(?:ran|appeared|was[ \t]+(?:published|printed|first))\b"
    # "Our theatre critic, Ignazio Fadda, put three questions to Bonaria Piras"
    rf"|(?<![{WORD}'’-])(?P<asker>{NAME}),?[ \t]+(?:put|asked)[ \t]+(?:(?:a[ \t]+few|some|several|two|three|four|five"
    rf"|six|seven|eight|nine|ten|\d{{1,2}})[ \t]+)?questions[ \t]+(?:to|of)\b"
)


def _questions_owner(
    paragraphs: Sequence[str], directory: NameDirectory, context_keys: Collection[str]
) -> _Speaker | None:
    """Whose a transcript's unnamed questions ("Q:") are, when the introduction says: the person it
    names, or for "his" the last person named in full before it in its paragraph; a reprint's
    interviewer ("The interview, by Pauline Ruatapu, ran in …") over the byline of the piece around it."""
    for text in paragraphs:
        if ("questions" not in text and "interview" not in text) or not (match := QUESTIONS_ARE_RE.search(text)):
            continue
        written = match["name"] or match["by"] or match["asker"]
        if written is None:
            runs = [run for run in NAME_RUN_RE.findall(text[: match.start()]) if len(run.split()) >= 2]
            written = " ".join(_trim_name_words(runs[-1].split())) if runs else None
        if written and (key := directory.resolve(written, context_keys=context_keys).key):
            return _Speaker(key, directory.name_of(key) or written, None, CARRIED)
    return None


def _job_holders(
    paragraphs: Sequence[str], labels: Collection[str], directory: NameDirectory, context_keys: Collection[str]
) -> dict[str, _Speaker]:
    """Transcript labels that are a job ("Chair:", "MODERATOR:") and whom the introduction names in it."""

    def holder(written: str) -> _Speaker:
        name = " ".join(_trim_name_words(written.split()))
        key = directory.resolve(name, context_keys=context_keys).key
        return _Speaker(key, directory.name_of(key) or name, None, CARRIED)

    # "Madam Chair:", "Mr President:": a job said with a form of address is that job's label
    addressed = {
        label: words[1] for label in labels if len(words := label.split()) == 2 and words[0] in FORMS_OF_ADDRESS
    }
    labels = {*labels, *addressed.values()}
    found: dict[str, _Speaker] = {}
    ran_by: dict[str, str] = {}  # verb → the first person the introduction says did it
    for text in paragraphs:
        for match in RAN_BY_RE.finditer(text):
            ran_by.setdefault(match["verb"] or match["verb2"], match["name"] or match["name2"])
    for label, verbs in RAN_BY_LABELS.items():
        if label in labels and (name := next((ran_by[verb] for verb in verbs if verb in ran_by), None)):
            found[label] = holder(name)
    if "director" in labels:
        # "It is directed by Vemuri Srinivasa Rao" over a transcript's "DIRECTOR:"
        directors = {match["name"] for text in paragraphs for match in DIRECTED_BY_RE.finditer(text)}
        if len(directors) == 1:
            found["director"] = holder(directors.pop())
    for text in paragraphs:
        # (and "The examiner was Raushania Nurullina" over "EXAMINER:")
        for match in JOB_IS_RE.finditer(text) if " is " in text or " was " in text else ():
            # "The lighting designer is Sisa Huamán Quispe" over "LD:" lines: the job's initials are a label too
            words = match["job"].casefold().split()
            for label in {" ".join(words), "".join(word[0] for word in words) if len(words) >= 2 else ""}:
                if label in labels and label not in found:
                    found[label] = holder(match["name"])
    for text in paragraphs:
        # "we asked the painter Kalengada Nanjappa" over "The painter:": a job before a name with no comma
        for match in JOB_BEFORE_NAME_RE.finditer(text):
            if (label := f"the {match['job']}") in labels and label not in found:
                found[label] = holder(match["name"])
        for match in chain(JOB_HOLDER_RE.finditer(text), JOB_HOLDER_AFTER_RE.finditer(text)):
            job = match["job"].casefold()
            if job in {"q", "question"} | ANSWER_LABELS:
                continue  # "The moderator, Siyabonga Ntshona," is a job one person holds; "the question" is not
            if OTHER_JOB_RE.search(text, max(0, match.start("job") - 20), match.start("job")):
                continue  # "the casting director, Tummala Anuradha": not the "DIRECTOR:" of the transcript
            # "Chair:", "THE JUDGE:"; and a job's initials, "GM:" under "its game master, Xorse Kpodo"
            words = f"{match.groupdict().get('before') or ''}{job}".casefold().split()
            initials = ["".join(word[0] for word in words[-size:]) for size in (2, 3) if len(words) >= size]
            for label in (job, f"the {job}", *initials):
                if label and label in labels and label not in found:
                    found[label] = holder(match["name"])
    # "PANDIT-JI:" under "The astrologer was Pandit Nilamani Tripathy": the title, with or without the honorific
    # joined to it, of the one person the introduction names in full after it (the names after each capitalised
    # word read once)
    after_word: dict[str, set[str]] = defaultdict(set)
    for text in paragraphs:
        for match in WORD_THEN_NAME_RE.finditer(text):
            if len(match["name"].split()) >= 2:
                after_word[match["word"].casefold()].add(match["name"])
    for label in labels:
        title, _, joined = label.partition("-")
        if label in found or " " in title or len(title) < 3 or (joined and joined not in HYPHENED_HONORIFICS):
            continue
        named = {speaker.key: speaker for name in after_word.get(title, ()) if (speaker := holder(name)).key}
        if len(named) == 1:
            found[label] = next(iter(named.values()))
    for label, job in addressed.items():
        if job in found:
            found.setdefault(label, found[job])
    return found


WORD_THEN_NAME_RE = re.compile(rf"(?<![{WORD}'’-])(?P<word>[{UPPER}][{WORD}'’-]+)[ \t]+(?P<name>{NAME})")


# Capitalised words before a verb of saying in narration: "and Don Maxi says he has stopped"
NAMES_SAYING_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<who>[{UPPER}][{WORD}'’-]*(?:[ \t]+[{UPPER}][{WORD}'’-]*){{0,3}})"
    rf"[ \t]+(?:says|said|adds|added)\b"
)
I_OR_WE_RE = re.compile(r"\b(?:I|I['’](?:m|ve|d)|[Ww]e)\b")  # a speaker's own sentence, never a gloss's "my"
SENTENCE_OPENING_NAME_RE = re.compile(rf"(?:^|(?<=[.!?])[ \t]+)(?P<label>[{UPPER}][{WORD}'’-]+)(?=[ \t]+[a-z])")
NARRATED_NAME_RE = re.compile(
    rf"\s*(?P<name>{NAME})(?:,[^.!?“”\"]{{1,80}},)?\s+(?:[a-z]+ed|had|was|is|has|found|said|says|told|took|gave)\b"
)


def _narrates(
    text: str,
    labels: Collection[str],
    turns: Sequence[dict],
    directory: NameDirectory,
    context_keys: Collection[str],
    generic: bool,
) -> bool:
    """Whether a paragraph after a transcript's turns is the writer's again, telling of one of its
    speakers by label or surname ("As the session ended, Gruffydd set …" after her turns labelled
    "TG"), or, under labels that name nobody ("Q." and "A."), of anyone the article names ("Sir
    Cedric, who has played more barristers than he can count, found the exchange unusually hard")."""
    if match := NARRATED_LABEL_RE.match(text):
        if match["label"] in labels or (match["label"].upper() in labels and len(match["label"]) > 2):
            return True  # "Hodan stopped …" after her turns labelled "HODAN:"
        keys = {turn["speaker"].key for turn in turns if turn["speaker"].key}
        if any((name := directory.name_of(key)) and name.split()[-1] == match["label"] for key in keys):
            return True
    if generic and (match := NARRATED_NAME_RE.match(text)):
        return bool(directory.resolve(match["name"], context_keys=context_keys).key)
    # "The buzz belonged to Euan Matheson-Adjei, Tayside's captain, …": a speaker named in full, in a
    # paragraph that never says "I" or "we", is told of, not speaking; so is one whose label opens a
    # sentence of it ("The round ended in a tie. Tumi won it." after her turns labelled "TUMI").
    unquoted = QUOTED_RE.sub("", text)  # "… delivered Mma-Tiro's line, "… ya me,"": the quote's "me" is not hers
    if not I_OR_WE_RE.search(unquoted) and any(
        match["label"].upper() in labels and len(match["label"]) > 2
        for match in SENTENCE_OPENING_NAME_RE.finditer(unquoted)
    ):
        return True
    # "… Children shout it now, and Don Maxi says he has stopped …" after his turns labelled "DON MAXI": told of
    if not I_OR_WE_RE.search(unquoted) and any(
        len(who := " ".join(words[start:])) > 2 and (who in labels or who.upper() in labels)
        for match in NAMES_SAYING_RE.finditer(unquoted)
        for words in [match["who"].split()]
        for start in range(len(words))
    ):
        return True
    if not FIRST_PERSON_RE.search(text):
        names = {directory.name_of(key) for turn in turns if (key := turn["speaker"].key)}
        return any(name and " " in name and name in text for name in names)
    return False


# A sentence of narration that sets out a quote after its colon: "… gives Dalia her last instruction: “…”"
COLON_QUOTE_RE = re.compile(r"[a-z][ \t]*:[ \t]*[“\"„«]")
# A script's own mark that the broadcast is over: "[END OF WEATHER. 20.57.]", "(ENDS)"
END_MARK_RE = re.compile(r"[\[(][ \t]*(?:END|ENDS|[Ee]nd[ \t]+of)\b[^\[\]()]*[\])]")
PLAIN_HEADING_RE = re.compile(rf"[{UPPER}][{WORD}'’-]*(?:[ \t]+[{WORD}'’&-]+){{0,5}}")  # "Out of character"
REPORTED_QUOTE_RE = re.compile(
    # a closing mark, straight single ones too after speech's comma: "'… laughing,' she said"; the
    # German, French and Danish ones as well ("«…,» she said")
    rf"(?:[”\"’»«]|(?<=[,!?])[“']),?[ \t]+"
    rf"(?:she|he|they|the(?:[ \t]+[a-z]+){{1,2}}|[A-Z][{WORD}'’-]+(?:[ \t]+[A-Z][{WORD}'’-]+)?)"  # "the old teacher"
    r"[ \t]+(?:said|says|told|tells|added|adds|explained|explains|recalled|recalls|replied|replies|wrote|writes)\b"
    r"|\b(?:said|says|(?:told|tells)\s+\w+|added|explained|wrote)[ \t]*[:,][ \t]*[“\"‘„«»]"  # "tells Aïda, “"
    # "…, told about the last query, laughed. “…”", "someone … called from the door: “…”", "sent us a message: “…”"
    r"|\b(?:laughed|called|shouted|sighed|smiled)\b[^.“”\"]{0,40}[.:,][ \t]*[“\"‘]"
    r"|\b(?:message|note|text|email)(?:[ \t]+to[ \t]+\w+)?[ \t]*:[ \t]*[“\"‘]"
    # "… and she said I could share it: “…”", "And Xabier, when I asked whether he minded …: “…”", "She then
    # says it, in Ra'no's voice: “…”", "… and tells her, without looking down: “…”"
    r"|\b(?:said|says|asked|asks|wrote|writes|tells|told)\b[^.“”\"\n]{1,100}:[ \t]*[“\"‘]"
    rf"|(?:[”\"’»«]|(?<=[,!?])[“']),?[ \t]+(?:said|says|added|adds|recalled|recalls)"
    rf"[ \t]+(?:the[ \t]+[a-z]+|[A-Z][{WORD}'’-]+)"
)  # "“She was nicer than a teacher,” said Maja." too


def _reads_as_heading(rest: str) -> bool:
    """A few words in lower case without a sentence's ending: the second half of a heading like
    "Spud: now a doctor". A short answer ("A: Yes") starts with a capital."""
    plain = _strip_emphasis(rest)
    return plain[:1].islower() and len(plain.split()) <= 6 and not re.search(r"[.!?…:;,\"”’')\]]$", plain)


# Who a transcript numbers instead of naming: "PANELLIST 3 (woman, 60s):", "Juror 8:", "Respondent 12:"
NUMBERED_PEOPLE = {
    "panellist", "panelist", "participant", "respondent", "speaker", "juror", "member", "viewer", "voice", "caller",
    "contestant", "student", "pupil", "parent", "resident", "guest", "witness", "volunteer", "listener", "reader",
}  # fmt: skip


def _capitalised(label: str) -> bool:
    """Whether every word of a label opens with a capital (or is a particle, or the number after a word for
    someone a transcript numbers, "PANELLIST 3"), an ampersand between two such words too ("STEPPE & SCREEN", a
    paper's name)."""
    words = label.split()
    if len(words) == 2 and words[1].isdigit() and words[0].casefold() in NUMBERED_PEOPLE:
        return words[0][:1].isupper()
    return all(
        w[:1].isupper() or w.casefold() in PARTICLES or (w == "&" and 0 < i < len(words) - 1)
        for i, w in enumerate(words)
    )


def _asks_then_says(text: str) -> bool:
    """A question followed by a remark: "And Laurence? A lot of viewers were convinced he started it.\""""
    plain = re.sub(r"“[^”]*”|\"[^\"]*\"", "", _strip_emphasis(text))
    return re.search(r"\?[ \t]+[A-Z]", plain) is not None


# Someone saying who is speaking, as over a radio or a telephone: "This is Kasiano.", "it is Innocenta,"
THIS_IS_RE = re.compile(
    rf"(?:^|(?<=[.!?,][ \t]))(?:[Tt]his|[Ii]t)[ \t]+is[ \t]+"
    rf"(?P<name>[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+){{0,2}})(?=[ \t]*[,.!?;])"
)


# Whose a call sign is, in the narration: "Kachu is Weno Base", "Our writer … as Weno One" ("spoke … as")
SIGN_HELD_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<who>[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+){{0,2}})[ \t]+(?:is|was)[ \t]+"
    rf"(?P<sign>[{UPPER}][{WORD}'’-]*(?:[ \t]+[{UPPER}][{WORD}'’-]*){{0,3}})"
    rf"|(?<![{WORD}'’-])(?P<speaker>[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+){{0,2}})[ \t]+"
    rf"(?:spoke|speaks|called|calls|broadcast|broadcasts)\b[^.;:]{{0,60}}?[ \t]as[ \t]+"
    rf"(?P<other>[{UPPER}][{WORD}'’-]*(?:[ \t]+[{UPPER}][{WORD}'’-]*){{0,3}})"
)


def _call_signs_named(
    labels: Mapping[int, tuple[str, str]],
    paragraphs: Sequence[str],
    directory: NameDirectory,
    context_keys: Collection[str],
) -> dict[int, tuple[str, str]]:
    """Labels that are no one's name, a station's call sign ("Weno Base:", "Namoluk:"), put as the person who
    holds them: the one named in the label's brackets ("Weno One (Innocenta):", that turn only), the one the
    article says it is ("Kachu is Weno Base", "spoke from the studio as Weno One"), or the one who says who is
    speaking under it ("This is Kasiano.")."""
    held: dict[str, str] = {}
    resolved = {
        folded: directory.resolve(label, context_keys=context_keys)
        for label, _ in labels.values()
        if (folded := _fold(label)) not in QUESTION_LABELS | ANSWER_LABELS | FLOOR_LABELS
    }
    nameless = {folded for folded, resolution in resolved.items() if not resolution.key and not resolution.candidates}

    def person(name: str) -> str | None:
        """The name, when it is someone's: "Kasiano" is the one whose first name it is, not Peneleen Kasiano."""
        resolution = directory.resolve(name, context_keys=context_keys)
        first = [
            key for key in resolution.candidates if _fold(directory.name_of(key) or "").split()[:1] == [_fold(name)]
        ]
        return name if resolution.key else (directory.name_of(first[0]) if len(first) == 1 else None)

    for label, rest in labels.values():
        if (folded := _fold(label)) in nameless and folded not in held:
            said_so = (who for match in THIS_IS_RE.finditer(rest) if (who := person(match["name"])))
            if who := next(said_so, None):
                held[folded] = who
    # (a call sign read as a name of its own, "Weno Base", is still the one the article says it is; a label that
    # is part of someone's name, "WINNIE:" for Winnie Kwok, is theirs)
    signs = {
        folded
        for folded, resolution in resolved.items()
        if folded in nameless or (resolution.key and _fold(directory.name_of(resolution.key) or "") == folded)
    } - held.keys()
    # the narration read once for "Kachu is Weno Base" and "spoke from the studio as Weno One", whatever the sign
    for i in range(len(paragraphs)) if signs else ():
        if i in labels or not (" is " in paragraphs[i] or " was " in paragraphs[i] or " as " in paragraphs[i]):
            continue
        for match in SIGN_HELD_RE.finditer(paragraphs[i]):
            words = _fold(match["sign"] or match["other"]).split()
            folded = next((" ".join(words[:n]) for n in range(len(words), 0, -1) if " ".join(words[:n]) in signs), None)
            who = folded and person(match["who"] or match["speaker"])
            if who and directory.resolve(who, context_keys=context_keys).key != resolved[folded].key:
                held.setdefault(folded, who)
    named = dict(labels)
    for i, (label, rest) in labels.items():
        bracketed = LABEL_RE.match(TIMESTAMP_PREFIX_RE.sub("", paragraphs[i], count=1))
        role = bracketed["role"].strip() if bracketed and bracketed["role"] else ""
        if (_fold(label) in nameless and role and (who := person(role))) or (who := held.get(_fold(label))):
            named[i] = (who, rest)
    return named


def _is_question(text: str) -> bool:
    plain = _strip_emphasis(text).rstrip()
    if re.search(r"\?[*_”\"’')\]]*$", plain):
        return True
    return "?" in plain and bool(re.search(r"[—–-]+[*_]*$|…$|\.\.\.$", plain))


def find_qa_turns(
    paragraphs: Sequence[str],
    directory: NameDirectory,
    *,
    interviewer: tuple[str | None, str] | None = None,
    interviewers: Sequence[tuple[str | None, str]] = (),
    outlet_names: Sequence[str] = (),
    subject_hint: Sequence[str] = (),
    context_keys: Collection[str] = (),
) -> tuple[list[QATurn], set[int]]:
    """Q&A turns and the paragraphs they occupy.

    `interviewer` is the first byline (key, name): an unlabelled question is theirs. `interviewers`
    are every byline: a label naming one of them ("**PARK:**", "Leo:") asks, and is that person.
    """
    if "|" in "".join(paragraphs) and (table := _table_turns(paragraphs, directory, interviewer, context_keys))[0]:
        return table
    if (answered := _answered_inline(paragraphs, directory, interviewer, context_keys))[0]:
        return answered
    outlets = {_fold(name) for name in outlet_names}
    folded_text = cache(lambda: _fold("\n".join(paragraphs)))
    forms = {i: found for i, p in enumerate(paragraphs) if (found := _label_form(p))}
    # "Q." and a label on its own line are also how ordinary sentences and captions can start:
    # they are labels only where the article uses them more than once.
    repeated = Counter(form for _, _, form in forms.values())
    same_label = Counter(_fold(label) for label, _, form in forms.values() if form == LINE)
    same_form = Counter((form, _fold(label)) for label, _, form in forms.values())
    roles_repeated = sum(1 for (form, _), count in same_form.items() if form == ROLED and count >= 2)
    labels: dict[int, tuple[str, str]] = {}
    below: set[int] = set()  # the paragraphs that are a line label's words
    # "P:" and "R:" where a Spanish-language paper's questions and answers are marked so; each turn keeps its label
    written = {_fold(label) for label, _, _ in forms.values()}
    qa_letters = next(
        ({ask: "q", answer: "a"} for ask, answer in QA_LETTER_PAIRS if {ask, answer} <= written and "q" not in written),
        {},
    )
    as_written: dict[int, str] = {}
    for i, (label, rest, form) in forms.items():
        if form == LINE:
            # A section heading is a line of its own too; a speaker's label comes back, in full or
            # as a surname ("Kateřina Holubová, director", later "Holubová").
            folded = _fold(label)
            again = same_label[folded] >= 2 or any(
                folded.endswith(" " + other) or other.endswith(" " + folded) for other in same_label
            )
            if i + 1 >= len(paragraphs) or i + 1 in forms:
                continue
            known = directory.resolve(label, context_keys=context_keys)
            # once in capitals, for someone the article names, right before a label the transcript repeats:
            # "SOSEFO" putting his head round the door near the end, then "RETA" answering him (not a section's
            # heading, "PAPA DÉSIRÉ", over narration)
            if not again and not (
                label.isupper()
                and known.key
                and any(
                    (after := forms.get(j)) and after[2] == LINE and same_label[_fold(after[0])] >= 2
                    for j in (i + 2, i + 3)
                )
            ):
                continue
            if len(label.split()) < 2 and not (known.key or known.candidates or _fold(label) in outlets):
                continue  # "Advertisement" twice is not a speaker
            rest = paragraphs[i + 1]
            below.add(i + 1)
        elif (
            (form == NAMED and same_form["colon", _fold(label)] < 2)
            or (form == LETTER and repeated[LETTER] < 2)
            or (form == HANDLED and repeated[HANDLED] < OFTEN)
            or (form == DASH and (repeated[DASH] < OFTEN or same_form[DASH, _fold(label)] < 2))
            or (form == BRACKETED and repeated[BRACKETED] < OFTEN)
            # (once will do for someone the article names: the reporter's one question, "KADIGA. Have you seen …?")
            or (
                form == STOPPED
                and (
                    repeated[STOPPED] < OFTEN
                    or (
                        same_form[STOPPED, _fold(label)] < 2
                        and not directory.resolve(label, context_keys=context_keys).key
                    )
                )
            )
            # ("The listing:" over each room, "Our verdict:" under each bio: one label alone is a heading)
            or (form == ROLED and (same_form[ROLED, _fold(label)] < 2 or roles_repeated < 2))
        ):
            continue
        elif _reads_as_heading(rest):
            continue  # "Spud: now a doctor" is a section heading, not a turn
        elif _fold(label) in EMAIL_HEADERS:
            continue  # an email's "From:", "To:" and "Subject:" lines, printed with it
        elif form != LINE and _report_heading(label):
            continue  # a show report's "INCIDENTS:", "NOTES FOR DIRECTOR:", a caption's "FAR LEFT:"
        if letter := qa_letters.get(_fold(label)):
            as_written[i], label = label, letter.upper()
        labels[i] = (label, rest)
    # "Marina Vrettou: “My father was …”" line after line: a tribute's or a vox pop's signed quotations, not a
    # transcript's turns, which are never wrapped in quotation marks
    quoted = {i for i, (_, rest) in labels.items() if WHOLLY_QUOTED_RE.fullmatch(rest.strip())}
    # "Tomek Pietrzak, when he heard about it: “…”": a lead-in of narration, never a transcript's label
    labels = {i: label for i, label in labels.items() if i not in quoted or not CLAUSE_LEAD_RE.match(paragraphs[i])}
    if len(quoted) >= 2 and len(quoted) * 2 >= len(labels):
        labels = {i: label for i, label in labels.items() if i not in quoted}
    # … and so is a run of them under a heading of their own after a transcript, a press kit's "QUOTES FOR
    # PUBLICATION" below its questions and answers
    for start in sorted(i for i in quoted if i - 1 not in labels and i + 1 in quoted):
        end = start
        while end in quoted:
            labels.pop(end, None)
            end += 1
    labels = _call_signs_named(labels, paragraphs, directory, context_keys)
    asking = [*([interviewer] if interviewer else []), *(i for i in interviewers if i != interviewer)]
    by_label: dict[str, tuple[str | None, str]] = {}
    for key, name in asking:
        for part in (_fold(name), *_fold(name).split()):
            by_label.setdefault(part, (key, name))
    asking_keys = {key for key, _ in asking if key}
    # "FALAISE FM:" after "Issa Ongoïba of Falaise FM": a reporter asking under the outlet's name; "L'ÉCHO:", the
    # first word of the byline's own outlet, L'Écho du Plateau, is the byline's
    for text in paragraphs if written else ():
        for match in REPORTER_OF_RE.finditer(text) if " of " in text else ():
            if (outlet := _fold(match["outlet"])) in written and outlet not in by_label:
                key = directory.resolve(match["name"], context_keys=context_keys).key
                by_label[outlet] = (key, directory.name_of(key) or match["name"])
    for outlet in outlets if interviewer else ():
        if len(first_word := outlet.split()[0]) >= 4 and first_word in written and " " in outlet:
            by_label.setdefault(first_word, interviewer)
    # "ET:" for the byline Elowen Trengrouse, whom the database may not know: she asks.
    byline_initials = Counter(_initials(name) for _, name in asking)
    for key, name in asking:
        if byline_initials[letters := _initials(name)] == 1 and len(letters) in (2, 3):
            by_label.setdefault(letters, (key, name))

    # "JE:" and "HK:": a transcript's initials for the people it names in full, when only one fits.
    initials: dict[str, set[str]] = {}
    for key in {*context_keys, *asking_keys}:
        name = directory.name_of(key)
        if name and len(_fold(name).split()) >= 2:
            for letters in _all_initials(name):
                initials.setdefault(letters, set()).add(key)
    for letters, keys in initials.items():
        if len(keys) == 1 and len(letters) in (2, 3, 4) and letters not in by_label:
            (key,) = keys
            asker = next((byline for byline in asking if byline[0] == key), None)
            if asker:
                by_label[letters] = asker

    def initials_of(label: str) -> str | None:
        """The one person a label of two or three capitals ("JE", "H.K.") or a first name and an
        initial ("TOM K.", "Tom W") stands for."""
        letters = label.replace(".", "").replace(" ", "")
        if 2 <= len(letters) <= 4 and letters.isupper() and letters.isalpha() and " " not in label.strip():
            keys = initials.get(_fold(letters), set())  # "GÁ" for Guðrún Ásgeirsdóttir
            return next(iter(keys)) if len(keys) == 1 else None
        words = _fold(label).replace(".", "").split()
        if len(words) != 2 or len(words[1]) != 1:
            return None
        if words[0] in LABEL_TITLES:
            # "DR O.:" after "Dr Chiamaka Obi-Nwankwo": the one person the article gives the title whose surname
            # opens with the letter
            keys = {
                key
                for key in context_keys
                if (name := directory.name_of(key))
                and (surname := _family_name(name)).startswith(words[1])
                and f"{words[0]} {surname}" in folded_text()
            }
            return next(iter(keys)) if len(keys) == 1 else None
        keys = {
            key
            for key in {*context_keys, *asking_keys}
            if (name := directory.name_of(key))
            and (parts := _fold(name).split())[0] == words[0]
            and parts[-1].startswith(words[1])
        }
        return next(iter(keys)) if len(keys) == 1 else None

    written: dict[str, list[int]] = {}  # each word of the article, the paragraphs it is in: read once

    def naming(label: str) -> list[str]:
        """The paragraphs that write `label` as a word: where an article may say whose handle it is."""
        if not written:
            for number, text in enumerate(paragraphs):
                for word in set(WORD_TOKEN_RE.findall(text)):
                    written.setdefault(word, []).append(number)
        return [paragraphs[number] for number in written.get(label.strip().removeprefix("u/"), ())]

    # "Callboard_Barnaby" is the byline's, "Moderated by Barnaby Quayle", as much as anyone's the article names
    handle_owner = cache(lambda label: _handle_owner(label, directory, context_keys, naming(label)))
    # "Callboard_Barnaby", the username of the byline "Moderated by Barnaby Quayle": (key, name) of the byline
    bylines_by = {key or name: (key, name) for key, name in asking}
    byline_handle = cache(lambda label: bylines_by.get(_handle_owner(label, directory, (), naming(label), asking)))
    # Whether the interviewer posts under a username of their own: then no other label is theirs.
    interviewer_handle = cache(lambda: any(USERNAME_RE.fullmatch(label) and byline_handle(label) for label in posts))
    # each label's posts, and how many of them are questions: counted once
    posts = Counter(label for label, _ in labels.values())
    asked = Counter(label for label, rest in labels.values() if _is_question(rest))

    def kind_of(label: str, rest: str) -> str | None:
        folded = _fold(label)
        if folded in QUESTION_LABELS or folded in FLOOR_LABELS or folded in outlets or folded in by_label:
            return "question"
        if folded.startswith("our ") and ROLE_LABEL_RE.fullmatch(label):
            return "question"  # "Our writer:", the outlet's own
        if folded in ANSWER_LABELS:
            return "answer"
        if initials_of(label):
            return "answer"
        resolution = directory.resolve(label, context_keys=context_keys)
        if resolution.key or resolution.candidates:
            if resolution.key in asking_keys:
                return "question"
            return "answer"
        if (
            USERNAME_RE.fullmatch(label)
            and 2 * asked[label] < posts[label]
            and (owner := handle_owner(label))
            and owner not in asking_keys
        ):
            # "u/AigerimS_writes", the creator's account, answers, even "Hello, Daniyar. Who invited you?",
            # when most of its posts are not questions
            return "answer"
        if _is_question(rest) or _is_question(re.split(r"(?<=[.!?])\s+", rest, maxsplit=1)[0]):
            # "ENTERTAINMENT WEEKLY: How did you…?": the outlet asking; "Hullfoodie: Was the tuna real? My
            # husband says it was rubber.": a reader, whose question comes first
            return "question"
        return "label"  # a speaker the directory does not know

    kinds = {i: kind_of(label, rest) for i, (label, rest) in labels.items()}
    if any(kind == "answer" and USERNAME_RE.fullmatch(labels[i][0]) for i, kind in kinds.items()):
        # A thread whose answers come from accounts the article says are its guests': every other
        # username is a reader's, asking ("u/quietly_weeping_in_leeds: The last scene. … I am still not OK.")
        kinds = {
            i: "question" if kind == "label" and USERNAME_RE.fullmatch(labels[i][0]) else kind
            for i, kind in kinds.items()
        }
    # A label nobody resolves asks everywhere once it asks anywhere: "SA: How much of it is real?"
    # and then "SA: You learned to drive the launch yourself." are the same interviewer.
    # Not so beside a label that is the interviewer's ("Interviewer:", "Q:", the outlet's): there,
    # "WINNIE: All of them?" is the guest asking back.
    interviewer_labelled = any(
        (folded := _fold(label)) in QUESTION_LABELS or folded in outlets or folded in by_label
        for label, _ in labels.values()
    )
    asks = (
        {_fold(labels[i][0]) for i, kind in kinds.items() if kind == "question"} if not interviewer_labelled else set()
    )
    kinds = {i: "question" if kind == "label" and _fold(labels[i][0]) in asks else kind for i, kind in kinds.items()}
    counts = Counter(_fold(label) for label, _ in labels.values())
    accepted = {
        i
        for i, kind in kinds.items()
        if kind in {"question", "answer"} or (kind == "label" and (counts[_fold(labels[i][0])] >= 2 or
                                                                    labels[i][0].isupper() or
                                                                    USERNAME_RE.fullmatch(labels[i][0])))
    }  # fmt: skip
    if len(accepted) < 2:
        if dashed := _dashed_turns(paragraphs, directory, interviewer, subject_hint):
            return dashed
        if (bold := _bold_questions(paragraphs, directory, interviewer, subject_hint, context_keys))[0]:
            return bold
        return _finished_sentences(paragraphs, directory, interviewer, subject_hint)
    first = min(accepted)
    if first > 0 and kinds[first] != "question" and _is_question(paragraphs[first - 1]) and first - 1 not in labels:
        first -= 1

    subject = _main_subject(
        [*subject_hint, *paragraphs[:first]],
        directory,
        exclude={interviewer[0]} if interviewer else set(),
        headline=subject_hint[0] if subject_hint else "",
    )
    remembered: dict[str, _Speaker] = {}
    folded_paragraphs: list[str] = []
    named_in: dict[str, int] = {}

    def first_named(key: str) -> int:
        """The first paragraph that writes the person's full name, each name looked for once."""
        if not folded_paragraphs:
            folded_paragraphs.extend(_fold(paragraph) for paragraph in paragraphs)
        folded = _fold(directory.name_of(key) or key)
        if folded not in named_in:
            named_in[folded] = next(
                (number for number, text in enumerate(folded_paragraphs) if folded in text), len(paragraphs)
            )
        return named_in[folded]

    for label, _ in labels.values():
        if (key := initials_of(label)) and _fold(label) not in by_label:
            remembered[_fold(label)] = _Speaker(key, directory.name_of(key) or label, None, PREFERRED)
    turns: list[dict] = []
    self_named: dict[str, _Speaker] = {}  # a reader's label, once the reader has said who they are
    occupied: set[int] = set()
    spoken_labels = {label for label, _ in labels.values()}
    # "MINT:", "BANK:" and "FERN:" after "the three winners, Mint, Bank and … Fern, sat down with her":
    # several askers the introduction names, none of them the byline (one such label may be the outlet's)
    introduced_askers = {
        _fold(label)
        for label in {labels[i][0] for i in accepted if kinds[i] == "question"}
        if not USERNAME_RE.fullmatch(label) and _introduced_asker(label, interviewer, paragraphs[:first])
    }
    introduced_askers = introduced_askers if len(introduced_askers) >= 2 else set()
    answering = (
        {_fold(labels[i][0]) for i in accepted if kinds[i] != "question"}
        - QUESTION_LABELS
        - ANSWER_LABELS
        - FLOOR_LABELS
    )
    # "Q." and "A." name nobody: narration that tells of anyone the article names ends them.
    generic = all(_fold(label) in QUESTION_LABELS | ANSWER_LABELS for label in spoken_labels)
    # "Q (Moderator):": the job in a label's brackets
    bracketed_jobs = {
        i: _fold(match["role"]) for i in labels if (match := LABEL_RE.match(paragraphs[i])) and match["role"]
    }
    job_holders = _job_holders(
        paragraphs[:first],
        {_fold(label) for label, _ in labels.values()} | set(bracketed_jobs.values()),
        directory,
        context_keys,
    )
    held_jobs = {(held.key, held.written) for held in job_holders.values()}  # who the role labels name already
    pronoun_holders = cache(
        lambda: _pronoun_holders(paragraphs[:first], directory, context_keys, {key for key, _ in asking if key})
    )
    questioner = _questions_owner(paragraphs[:first], directory, context_keys)
    asks_answers = _asks_and_answers(paragraphs[:first], directory, context_keys)
    interlude = False
    ended = False  # narration closed the transcript; a labelled turn further on opens another
    examination: tuple[_Speaker, _Speaker] | None = None
    witness: _Speaker | None = None  # the last examination's, still in the box under cross-examination
    bench = cache(lambda: _on_the_bench(paragraphs[:first], directory, context_keys))
    for i in range(first, len(paragraphs)):
        text = paragraphs[i]
        if ended and not (i in accepted and i + 1 in accepted):
            continue  # a new excerpt opens with two turns in a row, not a stray label
        ended = False
        if i in below and i - 1 in accepted:
            occupied.add(i)
            continue
        if text.lstrip().startswith("#") and turns:
            continue  # a section heading between turns belongs to no one
        if turns and i not in accepted and PLAIN_HEADING_RE.fullmatch(text.strip()) and i + 1 not in accepted:
            ended = True  # "Out of character": a heading, and narration after it, not a turn going on
            continue
        if (
            turns
            and i not in accepted
            and (i in forms or FIELD_LINE_RE.match(text))
            and "\n" not in text.strip()
            and not _is_question(text)
        ):
            # A form's "Candidate: MUREȘAN Ilinca" or "Line as delivered: “…”" between its initialled notes: a field
            # of the form, not the last note's words going on
            interlude = True
            continue
        if i in accepted:
            interlude = False
            label, rest = labels[i]
            role = "question" if kinds[i] == "question" else "answer"
            if i > 0 and i - 1 not in occupied:
                # "Under cross-examination by Mr Parry-Okafor, he was asked …": a court's "Q:" is
                # counsel's and its "A:" the witness's, until the next stretch of narration.
                above = paragraphs[max(0, i - 1 - WITNESS_REACH) : i - 1]
                examination = _examination(paragraphs[i - 1], directory, context_keys, above, witness)
                witness = examination[1] if examination else witness
            if examination and _fold(label) in QUESTION_LABELS | ANSWER_LABELS:
                speaker = examination[0] if role == "question" else examination[1]
            elif witness and _fold(label) in WITNESS_LABELS:
                speaker = witness  # "THE WITNESS: Yes, Your Honour."
            elif _fold(label) in BENCH_LABELS and (judge := bench()):
                role, speaker = "question", judge  # "HER HONOUR:" where the article has named the judge
            elif asks_answers and _fold(label) in QUESTION_LABELS | ANSWER_LABELS:
                speaker = asks_answers[0] if role == "question" else asks_answers[1]
            elif role == "question" and questioner and _fold(label) in QUESTION_LABELS:
                speaker = questioner  # "The questions below are his, asked off camera."
            elif role == "question" and _fold(label) in job_holders:
                role, speaker = "question", job_holders[_fold(label)]
            elif role == "question" and bracketed_jobs.get(i) in job_holders:
                speaker = job_holders[bracketed_jobs[i]]
            elif role == "question" and FROM_THE_FLOOR_RE.match(paragraphs[i]):
                speaker = _Speaker(None, None)  # "Q (from the floor, unnamed):": nobody the article names
            elif named := _bracketed_name(paragraphs[i], answering=role == "answer", letters=qa_letters):
                # "QUESTION (Hamza Idrissi-Kerr, Reel North):", "A (Vörös, through the interpreter):"
                key = directory.resolve(named, context_keys=context_keys).key
                speaker = _Speaker(key, directory.name_of(key) or named)
            elif role == "question" and (
                READER_QUESTION_RE.match(paragraphs[i]) or PRESS_QUESTION_RE.match(paragraphs[i])
            ):
                speaker = _Speaker(None, None)  # "Q from Dai, Swansea:": a reader known by a first name only
            elif role == "question" and _fold(label) in FLOOR_LABELS:
                speaker = _Speaker(None, label)  # someone in the audience, never the interviewer
                if introduced := SELF_INTRODUCED_RE.match(rest):
                    # "AUDIENCE MEMBER: Hi, I'm Aroha Tipene, I've come from Rotorua": they say who they are
                    key = directory.resolve(introduced["name"], context_keys=context_keys).key
                    speaker = _Speaker(key, directory.name_of(key) or introduced["name"])
            elif role == "question" and _fold(label) in self_named:
                speaker = self_named[_fold(label)]
            elif role == "question" and _fold(label) in answering:
                # "TWIGA: Can I ask one?": someone the transcript answers as asks a question of their own
                speaker = _label_speaker(
                    label, directory, remembered, context_keys, lambda key, at=i: first_named(key) < at, handle_owner
                )
            elif role == "question":
                asker = by_label.get(_fold(label)) or _asker(label, directory, asking, context_keys)
                if asker is None and (owner := handle_owner(label)):
                    asker = (owner, directory.name_of(owner) or label)  # "threadneedle_kez", a designer's account
                asker = asker or byline_handle(label)  # "Callboard_Barnaby", the moderator's
                if (
                    asker is None
                    and (introduced := SELF_NAMED_RE.search(rest[:200]))
                    and (_capitalised(label) or label.startswith("u/"))
                ):
                    # "ElspethV: Konnichiwa from Hull! I'm Elspeth Varley and I teach …": the reader says who
                    # she is, and is that person whenever the label comes back
                    key = directory.resolve(introduced["name"], context_keys=context_keys).key
                    asker = (key, directory.name_of(key) or introduced["name"])
                    if _fold(label) not in QUESTION_LABELS | FLOOR_LABELS:  # "Q (Audience):" is anyone
                        self_named[_fold(label)] = _Speaker(*asker)
                if (
                    asker is None
                    and _fold(label) not in QUESTION_LABELS | FLOOR_LABELS
                    and (played := _role_label(label, directory, directory.resolve(label)))
                ):
                    asker = (played.key, played.written)  # "BIBI ZAWADI: … the first one?"
                if (
                    asker is None
                    and not USERNAME_RE.fullmatch(label)
                    and not label.islower()
                    and _fold(label) not in introduced_askers
                    and not interviewer_handle()  # "Hullfoodie:" where the moderator posts as Callboard_Barnaby
                ):
                    asker = interviewer  # a username nobody owns is a reader's, not the interviewer's
                speaker = _Speaker(asker[0], asker[1]) if asker else _Speaker(None, label)
            elif _fold(label) in ANSWER_LABELS:
                speaker = subject or _Speaker(None, None)
            elif _fold(label) in PRONOUN_LABELS and (pronouned := pronoun_holders().get(_fold(label))):
                speaker = pronouned  # "SHE:" and "HE:", a couple interviewed together
            elif holder := job_holders.get(_fold(label)):
                speaker = holder  # "Chair:" after "The committee's chair, Hugh Penhaligon, …"
            elif ROLE_LABEL_RE.fullmatch(label) and subject and (subject.key, subject.written) not in held_jobs:
                speaker = subject  # "The sitter:" beside "The painter:", whom the article names: the one it is about
            else:
                speaker = _label_speaker(
                    label,
                    directory,
                    remembered,
                    context_keys,
                    lambda key, at=i: first_named(key) < at,
                    handle_owner,
                    lambda key, back, at=i: (
                        at >= back and _fold(directory.name_of(key) or key) in _fold(paragraphs[at - back])
                    ),
                    lambda title, key: f"{title} {_fold(directory.name_of(key) or key)}" in folded_text(),
                )
            turns.append(
                {"role": role, "label": as_written.get(i, label), "speaker": speaker, "parts": [rest], "paragraph": i}
            )
        elif turns and (
            REPORTED_QUOTE_RE.search(text)
            or _narrates(text, spoken_labels, turns, directory, context_keys, generic)
            or _warning_sentence(text)  # "A warning for anybody saving it: this section discusses the finale."
            # "Cesaria, lying in the temple, gives Dalia her last instruction: "…"": a quote the writer sets out, in
            # words that never say "I"
            or (COLON_QUOTE_RE.search(text) and not FIRST_PERSON_RE.search(QUOTED_RE.sub("", text)))
            or END_MARK_RE.fullmatch(_strip_emphasis(text).strip())  # "[END OF WEATHER. 20.57.]"
        ):
            # Narration quoting someone with "she said", or telling of a speaker ("After the panel,
            # Iturbe stayed behind"): the writer again. The transcript has ended, unless a turn
            # follows straight after: an aside between turns ("At this point the director said a
            # long sentence that Arruda declined to translate").
            if not any(later in accepted for later in range(i + 1, i + 1 + INTERLUDE)):
                ended = True
                continue
            interlude = True
            continue
        elif interlude:
            continue
        elif turns and BRACKETED_QUOTE_RE.fullmatch(text.strip()):
            # "[Margin: “I was twenty-four and knew nothing.”]" between the turns of a reprint: a note on the
            # transcript in someone's words, read as narration; the transcript goes on
            continue
        elif _is_question(text) or not turns:
            speaker = _Speaker(interviewer[0], interviewer[1]) if interviewer else _Speaker(None, None)
            if turns and turns[-1]["role"] == "question" and turns[-1]["label"] is None:
                turns[-1]["parts"].append(text)
            else:
                turns.append({"role": "question", "label": None, "speaker": speaker, "parts": [text]})
        else:
            turns[-1]["parts"].append(text)
        occupied.add(i)
    if interviewer and _readers_ask(turns):
        # A mailbag: each question is a reader's letter, signed "— Maureen, Falkirk", and the
        # columnist under the byline answers.
        for turn in turns:
            if turn["role"] != "question":
                turn["speaker"] = _Speaker(interviewer[0], interviewer[1])
                continue
            signed = SIGNED_OFF_RE.search(turn["parts"][-1].rstrip(" *_"))
            name = signed and (signed["name"] or signed["bracketed"])
            name = name if name and " " in name else None
            key = directory.resolve(name, context_keys=context_keys).key if name else None
            turn["speaker"] = _Speaker(key, directory.name_of(key) or name) if name else _Speaker(None, None)
    written_labels = {turn["label"] for turn in turns}
    if (
        len(written_labels) == 1
        and (only := next(iter(written_labels)))
        and only.isupper()
        and _fold(only) not in QUESTION_LABELS | ANSWER_LABELS
        and not directory.resolve(only, context_keys=context_keys).candidates
    ):
        # A continuity script's "SCRIPT:" line after line, nobody's and answered by nobody: a document's
        # heading for what was to be read, not an interview
        return [], set()
    return [
        QATurn(
            t["role"],
            t["label"],
            t["speaker"].key,
            t["speaker"].written,
            "\n\n".join(t["parts"]),
            paragraph=t.get("paragraph"),
        )
        for t in turns
    ], occupied


# Who questions a witness: "Under cross-examination by Mr Parry-Okafor", "questioned by Ms Reid KC".
EXAMINED_BY_RE = re.compile(
    rf"\b(?i:cross-examination|cross-examined|re-examination|re-examined|examination|examined|questioned|questioning)"
    rf"[ \t]+(?i:by)[ \t]+"
    # "was cross-examined by counsel for Ms Eze-Lawson, Chidinma Okeke-Bassey"
    rf"(?:(?:counsel|the[ \t]+barrister|the[ \t]+lawyer)[ \t]+for[ \t]+"
    rf"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?{NAME},[ \t]+)?"
    rf"(?P<asker>(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.?[ \t]+)?{NAME})"
)

# The field that names whom a form is about, and how many lines above a quote it may stand.
# A role's name in capitals just before the colon of a log's line: "Beach, wild line, SABELA: «…»".
ROLE_BEFORE_COLON_RE = re.compile(rf"(?:^|[,;—–][ \t]*)(?P<who>[{UPPER}][{WORD}'’-]+)[ \t]*:[ \t]*$")
FORM_SUBJECT_RE = re.compile(
    rf"[ \t*_]*(?:Candidate|Applicant|Auditionee|Performer|Actor|Actress|Patient|Name)[ \t*_]*:[ \t*_]*(?P<who>{NAME})"
    rf"[ \t*_]*$"
)
# A fact sheet's field that sets out a quote: "The line that got the laugh:", "The road:".
FIELD_LABEL_RE = re.compile(r"[ \t*_]*The[ \t]+[A-Za-z'’]+(?:[ \t]+[a-z'’]+){0,6}[ \t*_]*:[ \t]*")
SHEET_LINES = 10  # how far above its fields a fact sheet's speaker may be named
FIELD_REACH = 300  # characters back along a quote's own line where a field may name its speaker
# A fact sheet's field for who spoke: "Spoken by: Dadang Rusmana. Didin Saepudin held the trophy …", "Winner: Neneng
# Sumiati, for Ceu Edoh"
FORM_SPEAKER_FIELD_RE = re.compile(
    # and a ledger's who brought the thing back: "Returned by: Dulari Kisku.", "Claimed by: Zinsou (Sylvestre …)."
    r"[ \t*_]*(?:(?:Spoken|Given|Delivered|Read|Said|Told|Returned|Claimed|Borrowed|Counted)[ \t]+by|Winner|Speaker"
    r"|Speech[ \t]+by)"
    r"[ \t*_]*:[ \t*_]*"
)
FORM_SPEAKER_RE = re.compile(rf"{FORM_SPEAKER_FIELD_RE.pattern}(?P<who>{NAME})(?=[ \t*_]*(?:[.,;(]|$))")
# A numbered card or entry headed with whom it is about: "CARD 1 — HOSHINO Rinko (Setsu). Summer kimono …"
FORM_HEADING_RE = re.compile(
    rf"[ \t*_]*[A-Z]{{2,}}[ \t]+\d{{1,3}}[ \t]*[—–:.-][ \t]*(?P<who>{NAME})(?=[ \t]*[(,.;:—–]|$)"
)
# A credit that says what the role is before its name: "plays the makhadzi, VhoMavhungu"
PLAYS_DESCRIBED_RE = re.compile(  # (and "plays the village headman, Majhi Haram Budhan": "the headman")
    rf"\bplays[ \t]+the[ \t]+(?:[a-z][{WORD}-]+[ \t]+){{0,2}}(?P<noun>[a-z][{WORD}-]+),[ \t]+(?P<role>{ROLE})"
)
# A numbered entry that opens on whose it is: "No. 1. Křesćan Zahrodnik, director. … Inscription: „…“"
NUMBERED_ENTRY_RE = re.compile(
    rf"[ \t*_]*(?:(?:No|Nr|Nº)\.?[ \t]*|#)?\d{{1,3}}[.)][ \t]+(?P<who>{NAME})(?=[ \t]*[(,.;:—–])"
)
FORM_LINES = 6
FORM_SUBJECT_WORDS = r"(?:candidate|applicant|auditionee|performer|actor|actress|patient)"
FROM_FORM_SUBJECT_RE = re.compile(
    rf"\bfrom[ \t]+(?:the[ \t]+)?{FORM_SUBJECT_WORDS}\b[^:“”\"]{{0,40}}:\s*$"
    # "Actor’s remark: ‘…’" on a fitting card
    rf"|(?<![\w-])(?i:{FORM_SUBJECT_WORDS})['’]s[ \t]+(?:own[ \t]+)?"
    rf"(?:remarks?|notes?|comments?|reply|response|answer|words)[^:“”\"]{{0,30}}:\s*$"
)
# A form's field on a line of its own: "Candidate: MUREȘAN Ilinca", "Note from candidate, attached: “…”".
FIELD_LINE_RE = re.compile(r"[ \t*_]*[A-Z][a-z]+(?:[ \t,]+[a-z]+){0,3}[ \t*_]*:[ \t]+\S")
# A line in square brackets holding a quotation: an annotation on a transcript, not a turn's words.
BRACKETED_QUOTE_RE = re.compile(r"\[[^\[\]“”\"]{0,60}[“\"][^\[\]]+[”\"][.!?]?\]")
EMAIL_HEADERS = {"from", "to", "cc", "bcc", "subject", "date", "sent", "re", "attachment", "attachments"}
ARTICLE_BEFORE_RE = re.compile(r"\b(?:the|a|an)[ \t]+$")
CLAUSE_LEAD_RE = re.compile(
    rf"\s*(?:\*\*|__)?{NAME},[ \t]+(?:when|as|after|before|while|once|asked|reached|speaking|hearing)\b[^:\n]{{0,80}}:"
)
WHOLLY_QUOTED_RE = re.compile(r"[“\"][^“”\"]+[”\"][.,]?|«[^«»]+»[.,]?|„[^„“”]+[“”][.,]?")
# A question's label whose brackets say its asker is nobody the article names: "Q (from the floor, unnamed):".
FROM_THE_FLOOR_RE = re.compile(
    r"\s*(?:\*\*|__)?[^():\n]{1,30}\([^()\n]*\b(?:from the floor|unnamed|unidentified|anonymous)\b[^()\n]*\)", re.I
)
# Who asks and who answers, said in one sentence before a transcript: "The report's editor, Nodira Akbar qizi,
# asks; Gulnora Rahimova, head of drama, answers."
ASKS_ANSWERS_RE = re.compile(
    rf"(?P<asker>{NAME})(?:,[^,;.:]{{1,60}})?,?[ \t]+asks(?:[ \t]+the[ \t]+questions)?[,;][ \t]+(?:and[ \t]+)?"
    rf"(?:(?:the|a|an|her|his|their)[ \t]+[^,;.:]{{1,60}},[ \t]+)?"
    rf"(?P<answerer>{NAME})(?:,[^,;.:]{{1,60}})?,?[ \t]+answers\b"
)


# A name, or a title before a surname that opens with a particle: "Mr al-Rashidi", "Ms de Brún".
WITNESS_RUN_RE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+{PARTICLE}[-'’ \t]?[{UPPER}][{WORD}'’-]*|{NAME}")


def _asks_and_answers(
    introduction: Sequence[str], directory: NameDirectory, context_keys: Collection[str]
) -> tuple[_Speaker, _Speaker] | None:
    """(asker, answerer) of a transcript whose "Q:" and "A:" the introduction gives to two people."""
    for text in reversed(introduction[-3:]):
        if match := ASKS_ANSWERS_RE.search(text):
            found = []
            for group in ("asker", "answerer"):
                written = " ".join(_trim_name_words(match[group].split()))
                key = directory.resolve(written, context_keys=context_keys).key
                found.append(_Speaker(key, directory.name_of(key) or written))
            return found[0], found[1]
    return None


# Who gives evidence, said before the transcript: "The first witness was Ali Reza", "Ana Ruiz took the stand".
WITNESS_NAMED_RE = re.compile(
    rf"\bwitness(?:es)?[ \t]+(?:was|is|were|called[ \t]+was)[ \t]+(?P<named>{NAME})"
    rf"|(?P<took>{NAME})(?:,[^,.;:“”\"]{{1,80}},)?[ \t]+"
    rf"(?:was[ \t]+(?:called|sworn[ \t]+in|the[ \t]+first[ \t]+witness)|took[ \t]+the[ \t]+(?:stand|witness[ \t]+box)"
    rf"|gave[ \t]+evidence|testified|went[ \t]+into[ \t]+the[ \t]+witness[ \t]+box)\b"
)
WITNESS_REACH = 3  # paragraphs above a court transcript's heading where the witness may be named
# A court transcript's labels for the bench and the one in the witness box: "HER HONOUR:", "THE WITNESS:".
BENCH_LABELS = {
    "her honour", "his honour", "her honor", "his honor", "the judge", "judge", "the court", "the coroner", "coroner",
    "the magistrate", "magistrate", "the recorder", "the sheriff",
}  # fmt: skip
WITNESS_LABELS = {"the witness", "witness"}
# The one on the bench: "Judge Rosalind Fenwick", "Mr Justice Hale", "the coroner, Ama Boateng".
BENCH_NAMED_RE = re.compile(
    rf"\b(?:Judge|Justice|Magistrate|Coroner|Recorder|Sheriff)[ \t]+(?P<titled>{NAME})"
    rf"|\bthe[ \t]+(?:judge|coroner|magistrate|recorder|sheriff),[ \t]+(?P<after>{NAME})"
)


def _examination(
    text: str,
    directory: NameDirectory,
    context_keys: Collection[str],
    above: Sequence[str] = (),
    witness: _Speaker | None = None,
) -> tuple[_Speaker, _Speaker] | None:
    """(counsel, witness) from the narration before a court transcript: the one who questions, and
    the first person the paragraph names before that who is somebody else. A heading of its own in
    capitals, "CROSS-EXAMINATION BY MR NADERI", names no witness: theirs is the one a paragraph
    `above` says gives evidence, or the `witness` of the examination before it."""
    heading = text.strip()
    match = EXAMINED_BY_RE.search(text)
    if match is None:
        return None
    asker = match["asker"]
    counsel = directory.resolve(" ".join(_trim_name_words(asker.split())), context_keys=context_keys)
    counsel_speaker = _Speaker(counsel.key, directory.name_of(counsel.key) or asker)
    for run in WITNESS_RUN_RE.finditer(text, 0, match.start()):
        words = _trim_name_words(run.group().split())
        if not words or (len(words) == 1 and opens_no_name(words[0])):
            continue
        found = directory.resolve(" ".join(words), context_keys=context_keys)
        if found.key and found.key != counsel.key:
            return counsel_speaker, _Speaker(found.key, directory.name_of(found.key))
    if match.start() > 0 and not heading.isupper():
        return None
    for paragraph in reversed(above[-WITNESS_REACH:]):
        for named in WITNESS_NAMED_RE.finditer(paragraph):
            written = " ".join(_trim_name_words((named["named"] or named["took"]).split()))
            found = directory.resolve(written, context_keys=context_keys)
            if found.key and found.key != counsel.key:
                return counsel_speaker, _Speaker(found.key, directory.name_of(found.key))
    return (counsel_speaker, witness) if witness and witness.key != counsel.key else None


def _on_the_bench(
    introduction: Sequence[str], directory: NameDirectory, context_keys: Collection[str]
) -> _Speaker | None:
    """The judge, coroner or magistrate the narration before a court transcript names, if only one."""
    found = {}
    for text in introduction:
        for match in BENCH_NAMED_RE.finditer(text):
            written = " ".join(_trim_name_words((match["titled"] or match["after"]).split()))
            if key := directory.resolve(written, context_keys=context_keys).key:  # not "the Justice League"
                found[key] = _Speaker(key, directory.name_of(key) or written)
    return next(iter(found.values())) if len(found) == 1 else None


# A reader's sign-off at the end of a letter: "— Maureen, Falkirk", "– name withheld, Swansea".
SIGNED_OFF_RE = re.compile(
    rf"[—–]\s*(?:(?P<name>[{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*)?)|name\s+withheld)"
    rf"(?:,\s*[^,.!?\n]{{2,40}}?)?(?:\s*\([^()\n]{{1,60}}\))?\s*$"
    # a question signed in brackets after it: "… Serikbayev? (Bauyrzhan Akhmetov, Pavlodar)"
    rf"|(?<=[?.!])\s*\((?P<bracketed>[{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*)?)(?:,\s*[^,()\n]{{2,40}})?\)\s*$"
)  # "— Angus Wetherall, Perth (no relation to Tom, before you ask)"


def _readers_ask(turns: Sequence[dict]) -> bool:
    """Whether most of a transcript's questions, two at least, end with a reader's sign-off."""
    questions = [turn for turn in turns if turn["role"] == "question"]
    signed = [turn for turn in questions if SIGNED_OFF_RE.search(turn["parts"][-1].rstrip(" *_"))]
    return len(signed) >= 2 and len(signed) * 2 > len(questions)


# A question set in bold, the answer in plain paragraphs below it: "**How cold was the water?**".
BOLD_PARAGRAPH_RE = re.compile(r"^\s*(\*\*|__)(?P<inner>(?:(?!\1).)+)\1\s*$", re.S)


DASHED_TURN_RE = re.compile(r"\s*[–—][ \t]+(?P<rest>\S.*)", re.DOTALL)
DASHED_RUN = 4  # turns in a row, at least, for dashes to be a transcript rather than signed quotes


def _dashed_turns(
    paragraphs: Sequence[str],
    directory: NameDirectory,
    interviewer: tuple[str | None, str] | None,
    subject_hint: Sequence[str],
) -> tuple[list[QATurn], set[int]] | None:
    """An interview set out with a dash before each turn and no names ("– Do actors resist it?" /
    "– Fewer every year."): the turns alternate, the first asking, so the byline asks and the person
    the introduction names most answers. The longest run of dashed paragraphs, four at least, whose
    first turn and at least half of its questions end in a question mark."""
    runs: list[list[int]] = []
    for i, text in enumerate(paragraphs):
        if DASHED_TURN_RE.match(text):
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    run = max(runs, key=len, default=[])
    if len(run) < DASHED_RUN:
        return None
    texts = [DASHED_TURN_RE.match(paragraphs[i])["rest"].strip() for i in run]
    asked = texts[::2]
    if not _is_question(asked[0]) or 2 * sum(_is_question(text) for text in asked) < len(asked):
        return None
    exclude = {interviewer[0]} if interviewer else set()
    answerer = _main_subject([*subject_hint, *paragraphs[: run[0]]], directory, exclude=exclude) or _Speaker(None, None)
    asker = _Speaker(interviewer[0], interviewer[1]) if interviewer else _Speaker(None, None)
    turns = [
        QATurn("question", None, asker.key, asker.written, text)
        if number % 2 == 0
        else QATurn("answer", None, answerer.key, answerer.written, text)
        for number, text in enumerate(texts)
    ]
    return turns, set(run)


TABLE_ROW_RE = re.compile(r"[ \t]*\|(?P<cells>.*)\|[ \t]*")
TABLE_RULE_RE = re.compile(r"[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*")


# An email answered between its lines: the question quoted with "> ", the answer on the lines under it.
INLINE_QUESTION_RE = re.compile(r"[ \t]*>[ \t]*(?P<question>[^\n>]+\?)[ \t]*")


def _answered_inline(
    paragraphs: Sequence[str],
    directory: NameDirectory,
    interviewer: tuple[str | None, str] | None,
    context_keys: Collection[str],
) -> tuple[list[QATurn], set[int]]:
    """Questions sent by email and answered between the lines, printed as they came back: each "> Why …?"
    is the first byline's, and the paragraph under it the answer of the one person the paragraph before
    them names ("We sent Mir Alam three questions by email"), or of the person the article names most."""
    found = [
        (i, match["question"].strip())
        for i, text in enumerate(paragraphs[:-1])
        if (match := INLINE_QUESTION_RE.fullmatch(text)) and not paragraphs[i + 1].lstrip().startswith(">")
    ]
    if len(found) < 2:
        return [], set()
    first = found[0][0]
    lead_in = paragraphs[first - 1] if first else ""
    named = [key for key in _named_in_order(lead_in, directory) if not interviewer or key != interviewer[0]]
    if len(named) == 1:
        answerer = _Speaker(named[0], directory.name_of(named[0]))
    else:
        exclude = {interviewer[0]} if interviewer else set()
        answerer = _main_subject(paragraphs[:first], directory, exclude=exclude) or _Speaker(None, None)
    asker = _Speaker(*interviewer) if interviewer else _Speaker(None, None)
    turns = []
    for i, question in found:
        turns.append(QATurn("question", None, asker.key, asker.written, question))
        turns.append(QATurn("answer", None, answerer.key, answerer.written, paragraphs[i + 1].strip()))
    return turns, {index for i, _ in found for index in (i, i + 1)}


def _table_turns(
    paragraphs: Sequence[str],
    directory: NameDirectory,
    interviewer: tuple[str | None, str] | None,
    context_keys: Collection[str],
) -> tuple[list[QATurn], set[int]]:
    """An interview set out as a table of two columns, a question in the first cell of each row and its
    answer in the second, under a heading row that names who answers: "| My question | Diogoye Ngor Sène |".
    The questions are the first byline's unless the first heading names someone too."""
    rows: list[tuple[int, list[str]]] = []  # each row of a run of them, one paragraph a row
    for index, paragraph in enumerate([*paragraphs, ""]):
        if TABLE_RULE_RE.fullmatch(paragraph):
            continue
        if match := TABLE_ROW_RE.fullmatch(paragraph):
            rows.append((index, [cell.strip() for cell in match["cells"].split("|")]))
            continue
        if turns := _table_interview(rows, directory, interviewer, context_keys):
            return turns, {index for index, _ in rows}
        rows = []
    return [], set()


def _table_interview(
    rows: Sequence[tuple[int, list[str]]],
    directory: NameDirectory,
    interviewer: tuple[str | None, str] | None,
    context_keys: Collection[str],
) -> list[QATurn]:
    """The turns of one run of table rows, or none when it is not two columns of questions and answers under
    a heading that names someone."""
    if len(rows) < 3 or any(len(cells) != 2 for _, cells in rows):
        return []
    (asking, answering), asked = rows[0][1], [cells for _, cells in rows[1:]]
    if not all(_is_question(question) and answer for question, answer in asked):
        return []
    answerer = directory.resolve(answering, context_keys=context_keys)
    if answerer.key is None:
        return []
    asker = directory.resolve(asking, context_keys=context_keys)
    if asker.key:
        ask = _Speaker(asker.key, directory.name_of(asker.key) or asking)
    else:
        ask = _Speaker(*interviewer) if interviewer else _Speaker(None, None)
    answer = _Speaker(answerer.key, directory.name_of(answerer.key) or answering)
    turns = []
    for question, reply in asked:
        turns.append(QATurn("question", None, ask.key, ask.written, question))
        turns.append(QATurn("answer", None, answer.key, answer.written, reply))
    return turns


def _bold_questions(
    paragraphs: Sequence[str],
    directory: NameDirectory,
    interviewer: tuple[str | None, str] | None,
    subject_hint: Sequence[str],
    context_keys: Collection[str],
) -> tuple[list[QATurn], set[int]]:
    """An interview without labels: each bold paragraph that asks is a question (the first
    byline's), and the plain paragraphs after it are the answer of the person it is about. Two
    such questions with answers between them are needed; otherwise there is no Q&A."""
    questions = [
        i
        for i, text in enumerate(paragraphs)
        if (match := BOLD_PARAGRAPH_RE.match(text))
        and (_is_question(match["inner"]) or _asks_then_says(match["inner"]))
    ]
    answered = [i for i in questions if i + 1 < len(paragraphs) and i + 1 not in questions]
    asked = [BOLD_PARAGRAPH_RE.match(paragraphs[i])["inner"] for i in questions]
    if len(answered) < 2 or not _reads_as_interview(asked, [paragraphs[i + 1] for i in answered]):
        return [], set()
    first = questions[0]
    exclude = {interviewer[0]} if interviewer else set()
    subject = _main_subject([*subject_hint, *paragraphs[:first]], directory, exclude=exclude)
    asker = _Speaker(interviewer[0], interviewer[1]) if interviewer else _Speaker(None, None)
    turns: list[QATurn] = []
    occupied: set[int] = set()
    answer: list[str] = []
    answerer = subject or _Speaker(None, None)

    def close_answer() -> None:
        if answer:
            turns.append(QATurn("answer", None, answerer.key, answerer.written, "\n\n".join(answer)))
            answer.clear()

    narrated = [{"speaker": answerer}]
    interlude = False
    for i in range(first, len(paragraphs)):
        if i in questions:
            close_answer()
            interlude = False
            inner = BOLD_PARAGRAPH_RE.match(paragraphs[i])["inner"].strip()
            turns.append(QATurn("question", None, asker.key, asker.written, inner))
        elif (
            BOLD_PARAGRAPH_RE.match(paragraphs[i])
            or paragraphs[i].lstrip().startswith("#")
            or (paragraphs[i].isupper() and PLAIN_HEADING_RE.fullmatch(paragraphs[i].strip()))  # "THE KITCHEN"
        ):
            break  # a heading or a bold note after the interview ends it
        elif labelled := EMPHASISED_LABEL_RE.match(paragraphs[i]):
            # "*2004:* Hollywood." then "*2024:* I am on this veranda.": one answer given twice, each its own
            # turn; "*Ya Isatu, from the kitchen:* Write that down." is someone else the article names.
            close_answer()
            label = labelled["label"].strip()
            who = _Speaker(None, None)
            if not re.search(r"\d", label):
                named = directory.resolve(label.split(",")[0].strip(), context_keys=context_keys)
                who = _Speaker(named.key, directory.name_of(named.key) or label) if named.key else who
            speaker = who if who.key else answerer
            turns.append(QATurn("answer", None, speaker.key, speaker.written, paragraphs[i][labelled.end() :]))
        elif interlude or (
            answer
            and (
                REPORTED_QUOTE_RE.search(paragraphs[i])
                or _narrates(paragraphs[i], (), narrated, directory, context_keys, generic=False)
            )
        ):
            # "Afterwards, Ọláníyì insisted on walking us to the car. “…,” he said": after an answer,
            # narration quoting someone or telling of the answerer is the writer's again, to the next
            # question or the end.
            if not any(later > i for later in questions):
                break
            interlude = True
            continue
        else:
            answer.append(paragraphs[i])
        occupied.add(i)
    close_answer()
    return turns, occupied


# A sentence begun in italics or bold for the guest to finish, and the guest's ending, under it or in the next
# paragraph: "*My first tiatr was…*" over "…at the Chinchinim feast in 1974, on my father's shoulders."
UNFINISHED_RE = re.compile(r"\s*(?P<mark>\*\*|__|\*|_)(?P<begun>[^*_\n]{2,200}?(?:…|\.\.\.))(?P=mark)[ \t]*(?:\n|$)")
FINISHED_RE = re.compile(r"\s*(?:…|\.\.\.)[ \t]*(?P<ending>\S.*)", re.S)
UNFINISHED_RUN = 3  # sentences begun and finished, at least, for an article to be such an interview


def _finished_sentences(
    paragraphs: Sequence[str],
    directory: NameDirectory,
    interviewer: tuple[str | None, str] | None,
    subject_hint: Sequence[str],
) -> tuple[list[QATurn], set[int]]:
    """An interview of sentences the writer begins and the guest finishes: each beginning is the first byline's
    question, each ending the answer of the person the introduction is about, or of the one the narration between
    them brings in ("Conceição Rita Fernandes … arrived halfway through and asked for a turn")."""
    found: list[tuple[int, str, str, int]] = []  # (paragraph, beginning, ending, the ending's paragraph)
    for i, paragraph in enumerate(paragraphs):
        if not (begun := UNFINISHED_RE.match(paragraph)):
            continue
        rest, at = paragraph[begun.end() :], i
        if not rest.strip() and i + 1 < len(paragraphs):
            rest, at = paragraphs[i + 1], i + 1
        if ending := FINISHED_RE.match(rest):
            found.append((i, begun["begun"].strip(), ending["ending"].strip(), at))
    if len(found) < UNFINISHED_RUN:
        return [], set()
    exclude = {interviewer[0]} if interviewer else set()
    first = found[0][0]
    answerer = _main_subject([*subject_hint, *paragraphs[:first]], directory, exclude=exclude) or _Speaker(None, None)
    asker = _Speaker(interviewer[0], interviewer[1]) if interviewer else _Speaker(None, None)
    turns: list[QATurn] = []
    occupied: set[int] = set()
    last = first
    for i, beginning, ending, at in found:
        between = " ".join(paragraphs[last + 1 : i])
        if fresh := [key for key in _named_in_order(between, directory) if key not in exclude]:
            answerer = _Speaker(fresh[0], directory.name_of(fresh[0]), None, 0.8)
        turns.append(QATurn("question", None, asker.key, asker.written, beginning))
        turns.append(QATurn("answer", None, answerer.key, answerer.written, ending))
        occupied |= {i, at}
        last = at
    return turns, occupied


# An answer's own label in italics or bold, before or after its colon: "*2004:* Drive.", "_Now_: I have a licence."
EMPHASISED_LABEL_RE = re.compile(r"\s*(?P<mark>\*\*|__|\*|_)(?P<label>[^*_\n:]{1,60}?)(?::(?P=mark)|(?P=mark):)[ \t]+")
SECOND_PERSON_RE = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
FIRST_PERSON_RE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|mine|we|our|us)\b", re.IGNORECASE)


def _reads_as_interview(questions: Sequence[str], answers: Sequence[str]) -> bool:
    """Bold questions are an interview's, not an explainer's headings ("**Who is coming back?**"):
    the questions speak to someone ("How did you…?"), or the answers speak for themselves ("I…")
    rather than quoting others."""
    to_someone = sum(1 for text in questions if SECOND_PERSON_RE.search(text))
    if to_someone * 2 >= len(questions):
        return True
    own_words = sum(1 for text in answers if FIRST_PERSON_RE.search(text) and not re.search(r"[“”\"]", text))
    return own_words * 5 >= len(answers) * 3


def _introduced_asker(label: str, interviewer: tuple[str | None, str] | None, introduction: Sequence[str]) -> bool:
    """Whether a one-word question label is someone the introduction names who is not the byline:
    "MINT:" after "the three winners, Mint, Bank and … Fern, sat down with her"."""
    words = _fold(label).split()
    if len(words) != 1 or words[0] in QUESTION_LABELS or (interviewer and words[0] in _fold(interviewer[1]).split()):
        return False
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(label.title())}(?![\w'’-])")
    return any(pattern.search(text) for text in introduction)


def _asker(
    label: str, directory: NameDirectory, asking: Sequence[tuple[str | None, str]], context_keys: Collection[str]
) -> tuple[str | None, str] | None:
    """The byline a question's label names, when it resolves to one."""
    key = directory.resolve(label, context_keys=context_keys).key
    return next((byline for byline in asking if key and byline[0] == key), None)


# Titles a transcript's label may put before a surname: "MS LAINE:", "COUNCILLOR LAINE:".
LABEL_TITLES = FORMS_OF_ADDRESS | {"councillor", "cllr", "senator", "mayor", "alderman"}


LABEL_NAMED_REACH = 3  # lines above a shared surname's label that may name which of them it is


def _label_speaker(
    label: str,
    directory: NameDirectory,
    remembered: dict[str, _Speaker],
    context_keys: Collection[str],
    named_before: Callable[[str], bool],
    handle_owner: Callable[[str], str | None],
    named_just_before: Callable[[str, int], bool] | None = None,
    titled_in_full: Callable[[str, str], bool] | None = None,
) -> _Speaker:
    """A label's person; a later short label ("JOLETTE") reuses an earlier full one's person. A
    surname label two people share is the one of them written in full before it (`named_before`,
    given a person's key):
    a guest's "MULVENNA:" before the article comes to his mother, Bernadette Mulvenna. Failing that, the one
    the nearest of the few lines before it that names one of them in full (`named_just_before`, given a key
    and how many lines back), and for a title before a surname, the one the article gives that title in full,
    or the one it gives no other title (`titled_in_full`)."""
    folded = _fold(label)
    if folded in remembered:
        return remembered[folded]
    resolution = directory.resolve(label, context_keys=context_keys)
    if (
        resolution.key is None
        and len(folded.split()) == 1
        and (key := _one_named_so_far(resolution.candidates, named_before))
    ):
        resolution = replace(resolution, key=key, confidence=PREFERRED)
    for back in range(1, LABEL_NAMED_REACH + 1) if resolution.key is None and len(folded.split()) == 1 else ():
        # "[SCREENER: Ato Girma Wolde, Adama. …]" then "GIRMA (ADAMA):", with the editor Bethlehem Girma named
        # earlier: the one of them the line before names in full, or the nearest line that names any of them
        # ("MODERATOR: Our best actress, Vesna Matić." and a question, then "MATIĆ:")
        just = [key for key in resolution.candidates if named_just_before and named_just_before(key, back)]
        if len(just) == 1:
            resolution = replace(resolution, key=just[0], confidence=PREFERRED)
        if just:
            break
    if resolution.key is None and len(words := folded.split()) == 2 and words[0] in LABEL_TITLES:
        # "COUNCILLOR LAINE:" and "MS LAINE:" beside "Councillor Jussi Laine" and the actress Kaisa Laine: the one
        # the article gives that title in full, and then the other one for the other title
        plain = directory.resolve(words[1], context_keys=context_keys).candidates
        titled = [key for key in plain if titled_in_full and titled_in_full(words[0], key)]
        otherwise = [
            key
            for key in plain
            if titled_in_full and not any(titled_in_full(title, key) for title in LABEL_TITLES - {words[0]})
        ]
        if len(titled) == 1:
            resolution = replace(resolution, key=titled[0], confidence=PREFERRED)
        elif len(plain) == 2 and len(otherwise) == 1:
            resolution = replace(resolution, key=otherwise[0], confidence=PREFERRED)
    if resolution.key:
        speaker = _Speaker(resolution.key, directory.name_of(resolution.key) or label, None, resolution.confidence)
    elif key := handle_owner(label):
        speaker = _Speaker(key, directory.name_of(key) or label, None, CARRIED)
    elif played := _role_label(label, directory, resolution):
        speaker = played
    else:
        speaker = _Speaker(None, label, None, 0.0, resolution.candidates)
    remembered[folded] = speaker
    words = folded.split()
    if len(words) > 1 and (speaker.key or not speaker.candidates):
        for part in (words[0], words[-1]):
            remembered.setdefault(part, speaker)
    return speaker


def _role_label(label: str, directory: NameDirectory, resolution: Resolution) -> _Speaker | None:
    """A label that names a role and could be no person: the one who plays it speaks ("MISS HUHU:" in an
    interview with a puppet, the one who operates and voices her)."""
    if resolution.candidates or not (role := directory.character(label)):
        return None
    return _Speaker(role[1], directory.name_of(role[1]) or label, role[0], CARRIED)


CAMEL_CASE_RE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")  # a username of names run together: "SeiuliAlofa"


def _handle_owner(
    label: str,
    directory: NameDirectory,
    context_keys: Collection[str],
    paragraphs: Sequence[str],
    bylines: Sequence[tuple[str | None, str]] = (),
) -> str | None:
    """The one person of the article a username names: the one the article says it is ("under her
    usual handle, ngozi_writes", "threadneedle_kez is the account of … Kezia Mwale-Hartigan"), or
    the one whose first name or surname it holds ("MaireadQ_official" is Mairéad Quinlivan,
    "augie_maalouf" Augustin Maalouf), or whose initials it is made of ("mfo_official", Matteo
    Fairweather-Oduya). A fan's handle that holds nobody's name stays nobody's."""
    label = label.strip()
    if not USERNAME_RE.fullmatch(label) and not re.fullmatch(HANDLE, label) and not CAMEL_CASE_RE.fullmatch(label):
        return None
    label = label.removeprefix("u/")
    people = {key: entry for key in context_keys if (entry := directory.people.get(key))}
    # the bylines' (by name where the database does not know them): "Callboard_Barnaby", "Moderated by Barnaby Quayle"
    people |= {key or name: PersonEntry(key or name, name) for key, name in bylines if (key or name) not in people}
    for text in paragraphs:
        for said in HANDLE_IS_RE.finditer(text) if "@" in text else ():
            if said["handle"] == label and (key := directory.resolve(said["name"], context_keys=context_keys).key):
                return key
    for text in paragraphs:
        found = next((word for word in WORD_TOKEN_RE.finditer(text) if word.group() == label), None)
        if found and not re.fullmatch(r"\s*(?:\*\*|__)?(?:u/)?", text[: found.start()]):  # written of, not a label
            stop = NARRATION_STOP_RE.search(text, found.end())
            sentence = text[sentence_start(text, found.start()) : stop.end() if stop else len(text)]
            named = {
                key
                for run in NAME_RUN_RE.findall(sentence)
                if len(words := _trim_name_words(run.split())) >= 2
                and (key := directory.resolve(" ".join(words), context_keys=context_keys).key) in people
            }
            if len(named) == 1:
                return named.pop()
    handle = re.sub(r"[^a-z]", "", normalize_name(label))
    chunks = {chunk for chunk in re.split(r"[^a-z]+", normalize_name(label)) if 2 <= len(chunk) <= 4}
    for fits in (
        lambda entry: any(
            len(word) >= 4 and word in handle for word in re.sub(r"[^a-z ]", "", normalize_name(entry.name)).split()
        ),
        lambda entry: len(_fold(entry.name).split()) >= 2 and bool(_all_initials(entry.name) & chunks),
    ):
        owners = {key for key, entry in people.items() if fits(entry)}
        if len(owners) > 1:
            # "TualaMI_official" beside Tuala Mikaele Ioane and a greeting read as "Talofa Tuala": the one more
            # of whose name the handle spells, a word and the initials after it or two words run together
            spelt = {key: _spelt_in(handle, people[key].name) for key in owners}
            best = max(spelt.values())
            owners = {key for key, length in spelt.items() if length == best}
        if owners:
            return owners.pop() if len(owners) == 1 else None
    return None


def _spelt_in(handle: str, name: str) -> int:
    """How long a run of `name` the handle holds: a word with the initials of the words after it ("tualami"
    of Tuala Mikaele Ioane), or words run together ("seiulialofa")."""
    words = re.sub(r"[^a-z ]", "", normalize_name(name)).split()
    forms = [
        form
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
        for form in (words[start] + "".join(word[0] for word in words[start + 1 : end]), "".join(words[start:end]))
    ]
    return max((len(form) for form in forms if form in handle), default=0)


def _main_subject(texts: Sequence[str], directory: NameDirectory, exclude: set, headline: str = "") -> _Speaker | None:
    """The person an interview's introduction names most: who "A:" is. Two named as often are
    told apart only by the headline naming one of them first ("Wendell and Maisie Trulock on …")."""
    counts: Counter = Counter()
    for text in texts:
        for run in NAME_RUN_RE.findall(text):
            words = _trim_name_words(run.split())
            if words:
                resolution = directory.resolve(" ".join(words))
                if resolution.key and resolution.key not in exclude:
                    counts[resolution.key] += 1
    ranked = counts.most_common()
    if not ranked:
        return None
    # "Levan Gelashvili: “At a Georgian table …”": a headline that opens on one name and a colon says whose
    # interview it is, however often the introduction names his lead actor
    if (lead := HEADLINE_NAME_RE.match(headline)) and (key := directory.resolve(lead["name"]).key) in counts:
        return _Speaker(key, directory.name_of(key), None, 0.8)
    tied = [key for key, count in ranked if count == ranked[0][1]]
    if len(tied) > 1:
        first = next((key for key in _named_in_order(headline, directory) if key in tied), None)
        if first is None:
            return None
        tied = [first]
    key = tied[0]
    return _Speaker(key, directory.name_of(key), None, 0.8)


HEADLINE_NAME_RE = re.compile(rf"[ \t]*(?P<name>{NAME})[ \t]*:")


def _named_in_order(text: str, directory: NameDirectory) -> list[str]:
    """The people a text names, in the order it names them."""
    keys = []
    for run in NAME_RUN_RE.findall(text):
        words = _trim_name_words(run.split())
        if words and (key := directory.resolve(" ".join(words)).key) and key not in keys:
            keys.append(key)
    return keys


# --- Credits --------------------------------------------------------------------------------------

CHARACTER_ACTOR_RE = re.compile(rf"{WORD_START}(?P<character>{NAME})\s+\((?:played by\s+)?(?P<actor>{NAME})\)")
ACTOR_PLAYS_RE = re.compile(
    rf"{WORD_START}(?P<actor>{DESCRIPTOR}|{PRONOUN}|{NAME}),?\s+(?:who\s+)?"
    rf"(?:plays|played|portrays|portrayed|stars as|starred as"
    rf"|is playing)\s+{FILLER}(?P<character>{ROLE})(?![ \t]+[{UPPER}])"  # not "Hester" of "Hester Plume's"
)
# Casting-news phrasing: "Pryce will play Nell Garrow", "Nakamura joins as Constable Tom Ashby",
# "returns as", "has been cast as". Looser than "plays", so a description between the verb and the
# name ("joins as the village's only constable, Tom Ashby") counts only for a role the directory knows.
ACTOR_CAST_RE = re.compile(
    rf"{WORD_START}(?:(?P<actor>{DESCRIPTOR}|{PRONOUN}|{NAME}),?\s+(?:who\s+)?"
    rf"(?:will|is set to|is to|would|is going to)\s+"
    rf"(?:play|portray|star as|voice)\s+(?P<filler>(?:(?:the|a|an|his|her|their|[a-z][\w-]*),?\s+){{0,3}}?)"
    rf"(?P<character>{NAME})"
    rf"|(?P<actor2>{DESCRIPTOR}|{PRONOUN}|{NAME}),?\s+(?:who\s+)?(?:joins|joined|has joined|will join|returns|returned"
    rf"|will return|has been cast|was cast|is cast|co-stars|co-starred|reprises (?:his|her|their) role)\s+as\s+"
    rf"(?P<filler2>(?:(?:the|a|an|his|her|their|[a-z][\w-]*),?\s+){{0,3}}?)(?P<character2>{NAME})(?<!['’]s)(?![{WORD}'’-]))"
)  # not "is cast as Bakhu's daughter Sakinat": whose daughter she is
# "Gideon Achterberg is Sheriff Coyle", "starring Hattie Brennan as Marla Voss": only when the
# directory credits that very person with that role on the article's works.
ACTOR_IS_RE = re.compile(rf"{WORD_START}(?P<actor>{NAME})\s+(?:is|as)\s+(?:the\s+)?(?P<character>{NAME})")


# The credit phrasings find_credits reads, each with the words it cannot match without ("co-stars" is "co" and
# "stars" once a paragraph's words are split).
CREDIT_PHRASINGS = (
    (CHARACTER_ACTOR_RE, frozenset()),
    (ACTOR_PLAYS_RE, frozenset({"plays", "played", "portrays", "portrayed", "stars", "starred", "playing"})),
    (ACTOR_IS_RE, frozenset({"is", "as"})),
)
ACTOR_CAST_WORDS = frozenset({
    "play", "portray", "star", "voice", "join", "joins", "joined", "return", "returns", "returned", "cast", "co",
    "reprises",
})  # fmt: skip


def _credit_matches(paragraph: str, *, parentheses: bool = True):
    """(pattern, actor, character, filler) for every credit phrasing in a paragraph."""
    words = paragraph_words(paragraph)
    for pattern, needed in CREDIT_PHRASINGS:
        if pattern is CHARACTER_ACTOR_RE and not (parentheses and "(" in paragraph):
            continue
        if needed and not needed & words:
            continue  # none of the words the phrasing cannot match without
        for match in pattern.finditer(paragraph):
            yield pattern, match.start(), match["actor"], match["character"], ""
    for match in ACTOR_CAST_RE.finditer(paragraph) if ACTOR_CAST_WORDS & words else ():
        if match["actor"]:
            yield ACTOR_CAST_RE, match.start(), match["actor"], match["character"], match["filler"]
        else:
            yield ACTOR_CAST_RE, match.start(), match["actor2"], match["character2"], match["filler2"]


# "Photographs: Sinobu Aisek", "Photograph by Amarachi Nnaji", "Still: Tonoas Television / Haruo Billimon"
PHOTOGRAPHED_BY_RE = re.compile(
    rf"\b(?:Photo(?:graph)?s?|Pictures?|Images?|Stills?|Frame|Courtesy[ \t]+of)(?:[ \t]+by)?[ \t]*:?[ \t]+"
    rf"(?:[^/\]\n:]{{1,60}}/[ \t]*)?(?P<who>{NAME})"
)


def find_credits(
    paragraphs: Sequence[str],
    directory: NameDirectory,
    *,
    works: Sequence[str] = (),
    pairings: Sequence[Pairing] | None = None,
    headline: str = "",
    database: NameDirectory | None = None,
    titles: Collection[str] = (),
) -> list[FoundCredit]:
    """Cast mentions: "Bette (Casimere Jollette)" and "Anna Maiche, who plays Cassie Shore,".

    `pairings` (from `cast.credit_pairings`) decide which side of a parenthesis is the actor and
    add "Actor as Character"; without them a parenthesis is read "Character (Actor)". `database` is the
    directory before the article was read: the credits it holds already. `titles` are runs the article shows
    are a work or a channel (folded), never a role's fuller name: "Warung Ceu Edoh" is the show, not Ceu Edoh.
    """
    found: list[FoundCredit] = []
    work = works[0] if works else None
    # A role's fullest name is the narration's, not a quote's: "… an Auntie Kath they'd never heard about".
    runs = list(dict.fromkeys(_name_runs_in([QUOTED_RE.sub(" ", paragraph) for paragraph in paragraphs])))
    runs = [run for run in runs if clean_written(run) not in titles] if titles else runs
    # a photograph's credit names a person, never a role's fuller name: "Photographs: Sinobu Aisek" beside "Sinobu"
    photographers = {_fold(found["who"]) for text in paragraphs for found in PHOTOGRAPHED_BY_RE.finditer(text)}
    runs = [run for run in runs if _fold(run) not in photographers] if photographers else runs
    roles_of = {
        _fold(pairing.character): key for pairing in pairings or () if (key := directory.resolve(pairing.actor).key)
    }
    # words written in small letters before a name: "barba Šime", a form of address
    small_before = {
        match[1].casefold() for paragraph in paragraphs for match in SMALL_BEFORE_NAME_RE.finditer(paragraph)
    }
    for pairing in pairings or ():
        actor, character = pairing.actor, _character_name(pairing.character, directory)
        resolution = directory.resolve(actor)
        if not resolution.key and (credited := roles_of.get(_fold(pairing.character))) in resolution.candidates:
            # "Boonmee, as Fon," when Fon is already Kanyarat Boonmee's and her mother shares the name
            resolution = replace(resolution, key=credited, candidates=())
        if not resolution.key and (
            holder := _first_holder(resolution.candidates, paragraphs, pairing, directory, headline)
        ):
            resolution = replace(resolution, key=holder, candidates=())
        if not character or (not resolution.key and pairing.form == "as"):
            continue
        if (
            (played := directory.resolve(character)).confidence >= 1.0
            and not (
                # "Elle Kristine Sara, who plays Issát's daughter, Sárá": a role spelt apart from her own name
                played.key == resolution.key
                and pairing.form == "plays"
                and all(character.casefold() != spelling.casefold() for spelling in _spellings(directory, played.key))
            )
            # "VAISHALI GANESH KULKARNI — Vahini" for someone the company calls by her role: a credit the database
            # already gives her
            and not (played.key == resolution.key and _fold(character) in _credited_roles(database, played.key))
            # "Cédric Lokuli Boyoma as Turbo" when he "has answered to Turbo since season one": the role's name,
            # which the crew calls him by, not his own
            and not (
                played.key == resolution.key
                and _credits_right_after(paragraphs, pairing)
                and not set(_fold(character).split()) & set(_fold(directory.name_of(played.key) or "").split())
            )
        ):
            continue  # both sides are people: "Leo Albright (Dana Albright)" is no credit
        if not resolution.key and not (pairing.form == "parenthesis" and 2 <= len(actor.split()) <= 3):
            continue
        if not resolution.key and any(
            named_as_thing(normalize_name(side).split()) for side in (actor, pairing.character)
        ):
            continue  # "Lantern Fish (Lark One)": a title and its channel, no actor
        person = directory.name_of(resolution.key) or actor
        theirs = [run for run in runs if roles_of.get(_fold(run), resolution.key) == resolution.key]
        character = _fullest_role(character, resolution.key, directory, theirs, small_before)
        _add_credit(found, FoundCredit(person, character, work, resolution.key))
    for paragraph in paragraphs:
        for pattern, start, actor, written_character, filler in _credit_matches(
            paragraph, parentheses=pairings is None
        ):
            if pairings is not None and re.fullmatch(PRONOUN, actor):
                continue  # the reading of the article has said whom a "she" who plays stands for, or that it cannot
            if re.fullmatch(rf"{DESCRIPTOR}|{PRONOUN}", actor):
                if pairings is not None and ACTOR_WHO_PLAYS_RE.match(paragraph, start):
                    continue  # "the actor who plays Ablikim, Ilyar Kasymov": named after the role, among the pairings
                actor = _last_named(paragraph[:start], directory) or ""
                if written_character in paragraph:
                    written_character = role_after(
                        paragraph, paragraph.index(written_character, start) + len(written_character), written_character
                    )
            elif pattern is ACTOR_PLAYS_RE and pairings is not None:
                continue  # a named actor's "plays" is among the pairings
            actor = " ".join(_trim_name_words(actor.split()))
            character = _character_name(written_character, directory)
            if not actor or not character:
                continue
            resolution = directory.resolve(actor)
            known_role = directory.character(character)
            if not resolution.key and not known_role and not (2 <= len(actor.split()) <= 3):
                continue
            if pattern is not CHARACTER_ACTOR_RE and not resolution.key:
                continue
            if pattern is ACTOR_IS_RE and not (known_role and known_role[1] == resolution.key):
                continue
            if resolution.key and directory.resolve(character).key == resolution.key:
                continue  # "Karki is Hari Dai": a name of his own, no role
            if pattern is ACTOR_CAST_RE and filler.strip() and not known_role:
                continue
            key = resolution.key or (known_role[1] if known_role and not resolution.candidates else None)
            person = directory.name_of(key) or actor
            _add_credit(found, FoundCredit(person, character, work, key))
    return found


def _credits_right_after(paragraphs: Sequence[str], pairing: Pairing) -> bool:
    """Whether a credit's verb follows its actor's name straight away ("Cédric Lokuli Boyoma as Turbo"), not at
    the end of a clause about them ("Rigoberto Salinas Ochoa, who wrestled for twenty-two years as …")."""
    index = pairing.paragraph - 1  # the headline is the pairing's paragraph 0
    text = paragraphs[index] if 0 <= index < len(paragraphs) else ""
    end = pairing.start + len(pairing.actor)
    return text[pairing.start : end] == pairing.actor and re.match(r"[ \t]+(?:as|plays)[ \t]", text[end:]) is not None


def _first_holder(
    candidates: Sequence[str], paragraphs: Sequence[str], pairing: Pairing, directory: NameDirectory, headline: str
) -> str | None:
    """Of the people a surname may mean, the one the headline names in full ("Imelda Sarrazin spent ten
    years away …" over her daughter Colette), else the one the article last named in full before the
    credit: "Teodoro Villanueva, 31, … sweeps. / In Sari-Sari, … Villanueva plays Benjie" after his
    grandmother Remedios Villanueva. `pairing.paragraph` counts the headline as paragraph 0."""
    if len(candidates) < 2:
        return None
    headlined = [key for key in candidates if (name := directory.name_of(key)) and name in headline]
    if len(headlined) == 1:
        return headlined[0]
    last: dict[str, int] = {}
    for index, text in enumerate(paragraphs[: max(0, pairing.paragraph - 1)]):
        for key in candidates:
            if (name := directory.name_of(key)) and name in text:
                last[key] = index
    ranked = sorted(last.items(), key=lambda item: item[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _last_named(text: str, directory: NameDirectory) -> str | None:
    """The last name in `text` that resolves to a person: who "the actress" or "she" points back to."""
    for run in reversed(NAME_RUN_RE.findall(text)):
        words = _trim_name_words(run.split())
        if words and directory.resolve(" ".join(words)).key:
            return " ".join(words)
    return None


def _character_name(written: str, directory: NameDirectory) -> str | None:
    words = trim_role(written).split()
    for start in range(len(words)):
        if directory.character(" ".join(words[start:])):
            return " ".join(words[start:])
    if len(untitled(normalize_name(" ".join(words))).split()) <= 3:
        return " ".join(words) or None
    return " ".join(words[-3:])


# A rank cut short, and as the article may spell it out
RANK_IN_FULL = {
    "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "col": "colonel", "maj": "major", "gen": "general",
    "insp": "inspector", "det": "detective", "cpl": "corporal", "supt": "superintendent", "cmdr": "commander",
    "const": "constable", "pc": "constable", "prof": "professor",
}  # fmt: skip


def _fullest_role(
    character: str,
    key: str | None,
    directory: NameDirectory,
    runs: Sequence[str],
    small_before: Collection[str] = (),
) -> str:
    """The fullest name the article gives a credited role: "Tom Gully" for "Ossian Dunkerley plays
    Tom" when the article also writes Tom Gully, with a title it writes before it.

    `runs` are the article's names but the roles it credits to someone else. A fuller name must add
    a name to the role's words, in order, and be no person the article names; a title alone adds
    nothing ("Ashby" stays as credited beside "Constable Ashby"). When the article writes two
    different fuller names ("Tom Gully", "Tom Ashby"), the role stays as credited."""
    words = _fold(character).split()
    if not key or not words:
        return character
    if (rank := RANK_IN_FULL.get(words[0].rstrip("."))) and len(words) >= 2:
        # "Lt. Zarina Odinaeva" in a case file's list, "Lieutenant Zarina Odinaeva" in its prose: the rank spelt out
        spelt = next((run for run in runs if _fold(run).split() == [rank, *words[1:]]), None)
        if spelt:
            return spelt
    # "Caterina Morassi plays Catine" beside "Caterina Catine", the Italian and the Friulian shape of one name: the
    # actor's own first name is no part of the role's
    own_first = _fold(directory.name_of(key) or "").split()[:1]
    # "Halyna Stepovyk plays Halyna …; on set she was Halyna Ivanivna to everybody": the actor's name
    shared = (
        len(untitled(_fold(character)).split()) == 1 and _fold(directory.name_of(key) or "").split()[:1] == words[:1]
    )
    fuller = {
        _fold(run): run
        for run in runs
        if (
            len(untitled(_fold(run)).split()) > len(untitled(_fold(character)).split())
            # "Roos Kuipers" beside "Inspecteur Roos Kuipers": a full name with its title, written before it
            or (len(words) >= 2 and len(_fold(run).split()) > len(words) and _fold(run).endswith(" " + " ".join(words)))
        )
        and _contains_words(_fold(run).split(), words)
        # "MEETING GRANNY PEIGI", a heading in capitals with words before the role (not "BENNY SALVADOR", its surname)
        and not (run.isupper() and not character.isupper() and _fold(run).split()[0] != words[0])
        # "SOTA WARDA SPEAKS", a message in capitals: capitals only give a one-word role its surname
        and not (run.isupper() and not character.isupper() and len(words) >= 2)
        and _fold(run).split()[-1] not in NOT_PERSON_ENDINGS
        and not re.fullmatch(r"\w+(?:ish|ese)", run.split()[-1])  # "Is Old Mossback Finnish?": what he is
        and _fold(run).split()[0].split("-")[0] not in LANGUAGES  # "In Japanese Haru calls …", "English-language Kiri"
        and directory.resolve(run).confidence < 1.0
        and not (shared and _fold(run).split()[0] == words[0])
        and not (_fold(run).split()[:1] == own_first and words[:1] != own_first)
        and run.split()[0] not in AGE_WORDS  # "Young Hallgrímur": the role at another age, not its fuller name
        and _fold(run).split()[0] not in VERB_WORDS  # a note's "Says Baay Seydi never lets anyone measure him"
        # a song's or a chapter's title in capitals: "Selbé Does Not Wait" is no fuller name of Selbé
        and not TITLE_ONLY_WORDS.intersection(_fold(run).split()[1:])
        # "Kyria Froso" beside "(Froso)": the form of address for her first name adds no name to it; nor does a
        # word the article also writes in small letters before it ("Barba Šime" opening a sentence, "barba Šime")
        and not (_fold(run).split()[0] in {*GIVEN_NAME_FORMS, *small_before} and _fold(run).split()[1:] == words)
    }
    longest = max(fuller, key=len, default=None)
    if longest and all(_contains_words(longest.split(), other.split()) for other in fuller):
        return fuller[longest]
    return character


# (and the French, Spanish and German marks: "«…»", "»…«", "„…“")
QUOTED_RE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|«[^«»\n]*»|»[^«»\n]*«|„[^„“”\n]*[“”]")
SMALL_BEFORE_NAME_RE = re.compile(rf"(?<![{WORD}'’-])([a-z]+)[ \t]+(?=[{UPPER}][{WORD}'’-]*[a-z])")


PLACE_OPENERS = {"In", "At", "From", "Across"}  # a sentence's opening preposition before a place
# A question that opens with its verb, before a name: "Will Tatik Anush see another apricot year?"
QUESTION_OPENER_RE = re.compile(r"(?:Will|Can|May|Did|Does|Do|Is|Was|Has|Have|Could|Would|Should|Shall|Must)[ \t]+\S")
QUESTION_AHEAD_RE = re.compile(r"[^.!?\n]{0,200}\?")


def _name_runs_in(paragraphs: Sequence[str]) -> Iterator[str]:
    """Each capitalised run of name words, without a sentence's opening word or a possessive."""
    for paragraph in paragraphs:
        for match in NAME_RUN_RE.finditer(paragraph):
            run = match.group()
            if run.split(maxsplit=1)[0] in PLACE_OPENERS and len(run.split()) >= 3:
                run = run.split(maxsplit=2)[2]  # "In Hungary Mirela is voiced by …": a place, then the role
            if QUESTION_OPENER_RE.match(run) and QUESTION_AHEAD_RE.match(paragraph, match.end()):
                run = run.split(maxsplit=1)[1]  # "Will Tatik Anush see another apricot year?": a question's verb
            words = _trim_name_words(after_owner(run.split()))  # "Sam Okonjo's Tobiah": a run of its own
            if words:
                yield POSSESSIVE_RE.sub("", " ".join(words))


def _contains_words(whole: list[str], part: list[str]) -> bool:
    """Whether `part` is `whole` or a run of its words: "danny" in "danny tolley"."""
    return any(whole[start : start + len(part)] == part for start in range(len(whole) - len(part) + 1))


def _spellings(directory: NameDirectory, key: str | None) -> list[str]:
    """A person's name, its aliases and the words of each, as written."""
    entry = directory.people.get(key) if key else None
    names = [entry.name, *entry.aliases] if entry else []
    return [*names, *(word for name in names for word in name.split())]


def _add_credit(found: list[FoundCredit], credit: FoundCredit) -> None:
    """Add a credit, or keep the fuller name of a role already credited: "Ambrose Teague" over "Ambrose"."""
    for number, known in enumerate(found):
        if _same_credit(known, credit.person_key, credit.person, credit.character):
            if _role_length(credit.character) > _role_length(known.character):
                found[number] = credit
            return
    found.append(credit)


def _role_length(character: str) -> tuple[int, int]:
    """How full a role's name is: its words after any title, then its length ("Lin Baoshan" over "CAPTAIN LIN")."""
    return len(untitled(_fold(character)).split()), len(character)


def _same_credit(credit: FoundCredit, key: str | None, person: str, character: str) -> bool:
    """Whether one actor's two roles are one: a name in part ("Ambrose" of "Ambrose Teague") or by a title
    and a word of it ("CAPTAIN LIN" in a running order, after "plays the captain, Lin Baoshan")."""
    if (credit.person_key or credit.person) != (key or person):
        return False
    a, b = set(untitled(_fold(credit.character)).split()), set(untitled(_fold(character)).split())
    return a <= b or b <= a


# --- Spoiler warnings -----------------------------------------------------------------------------


def find_spoiler_notice(
    paragraphs: Sequence[str],
    *,
    works: Sequence[str] = (),
    season_lengths: Mapping[int, int] | None = None,
    skip_paragraphs: Collection[int] = (),
) -> SpoilerNotice:
    """The article's spoiler warning as a scope; a "spoiler-free" note when that is all there is."""
    default_work = works[0] if works else None
    spoiler_free: SpoilerNotice | None = None
    for index, paragraph in enumerate(paragraphs):
        if index in skip_paragraphs:
            continue
        warning = _warning_sentence(paragraph)
        if not warning and (aside := BRACKETED_LAST_RE.search(paragraph)):
            # "… runs to eleven pages. (This article, like the document, gives away how it ends.)"
            warning = _warning_sentence(aside["aside"])
        if not warning:
            continue
        if len(warning.split()) <= 4 and index + 1 < len(paragraphs) and _warning_sentence(paragraphs[index + 1]):
            continue  # "SPOILER CORNER", a heading over the notice itself
        if SPOILER_FREE_RE.search(warning) and not SPOILERS_UNAVOIDABLE_RE.search(warning):
            spoiler_free = spoiler_free or SpoilerNotice(False, warning, default_work)
            continue
        work = next((w for w in works if _fold(w) in _fold(warning)), default_work)
        # "180 episodes in a single season": an episode number alone is that season's
        single_season = any(SINGLE_SEASON_RE.search(paragraph) for paragraph in paragraphs)
        season, episode = _scope_in(warning, season_lengths, single_season=single_season)
        return SpoilerNotice(True, warning, work, season, episode, index + 1 if index + 1 < len(paragraphs) else None)
    return spoiler_free or SpoilerNotice(False, None, default_work)


SINGLE_SEASON_RE = re.compile(r"\b(?:a|its|the|their|one)\s+(?:only|single|sole)\s+(?:season|series)\b", re.I)
DISCLOSES_RE = re.compile(r"\b(?:discuss(?:es)?|reveals?|describes?|gives?\s+away|spoils?)\b", re.I)


def _next_sentence(text: str, start: int) -> str | None:
    """The sentence after `start` in a paragraph, when it is short."""
    rest = text[start:].lstrip(" .!?")
    sentence = SENTENCE_BREAK_RE.split(rest, maxsplit=1)[0].strip()
    return sentence if 0 < len(sentence) <= 200 else None


def _warning_sentence(paragraph: str) -> str | None:
    plain = re.sub(r"[*_]{1,3}", "", paragraph).strip().strip("()[]").strip()
    if not SPOILER_WORD_RE.search(plain):
        first, *rest = SENTENCE_BREAK_RE.split(plain, maxsplit=1)
        if plain[len(first) : len(first) + 1] == "?" and rest and len(rest[0]) <= 150:
            first = plain  # "Not caught up? Skip the rest of this entry: it gives away the finale."
        elif re.fullmatch(r"[A-Za-z ]{1,20}!+", first) and rest:
            # "WARNING!!! We talk about series 1 episode 5 in the bit about the boat.": the warning is the next sentence
            ends = [match.end() for match in SENTENCE_BREAK_RE.finditer(plain)]
            first = plain[: ends[1]].rstrip() if len(ends) > 1 else plain
        # What it gives away comes after the warning's opening words: "Warning to the audience before
        # the episode: the strobe lights are bright" warns of nothing in the episode.
        opening = WARNING_OPEN_RE.match(first)
        if opening and GIVES_AWAY_RE.search(first, opening.end()) and len(first) <= 300:
            return first
        # "Members who have not seen the film should stop reading at the asterisks. The notes below them discuss
        # the ending.": what it gives away, in the sentence after the warning
        second = _next_sentence(plain, len(first)) if opening and len(first) <= 300 else None
        if second and DISCLOSES_RE.search(second) and GIVES_AWAY_RE.search(second):
            return plain[: plain.index(second) + len(second)]
        # "This interview discusses the season three finale in detail. If you haven't seen it yet, come
        # back later.": a short notice whose warning follows what it discusses.
        sentences = SENTENCE_BREAK_RE.split(plain)
        # "Tlhokomeliso (warning): round three gives away the ending of Balisana season 2, episode 8.", "Uvaha,
        # spojlery! The cues below … give away how the series ends.", "Attentzione! (Careful!) The list below reveals
        # who dies in …": a word or two in the paper's language, glossed or not, before what the paragraph gives away
        # of a season's episode
        if (
            len(plain) <= 300
            and (called := WORDED_LEAD_RE.match(plain))
            and WORDED_GIVES_AWAY_RE.search(plain, called.end())
            and SEASON_RE.search(plain, called.end())
        ):
            return plain
        # "A note before the reels start turning: this article describes how The Salt Widow ends."
        lead = NOTICE_LEAD_RE.match(sentences[0])
        if lead and len(sentences) == 1 and len(plain) <= 250 and LEAD_GIVES_AWAY_RE.match(plain, lead.end()):
            return plain
        if (
            len(plain) <= 250
            and (notice := SELF_NOTICE_RE.match(sentences[0], lead.end() if lead else 0))
            # what it gives away after its verb, or a season named in the notice itself ("entries 117 to 121
            # come from the shoot of season three, episode eight, and give away the wedding")
            and (GIVES_AWAY_RE.search(sentences[0], notice.end()) or SEASON_RE.search(sentences[0], notice.start()))
            and (
                len(sentences) == 1
                or (
                    len(sentences) == 2
                    # "If you haven't seen it, stop reading."; or anything, after a notice that names its season
                    and (STOP_READING_RE.search(sentences[1]) or SEASON_RE.search(sentences[0], notice.end()))
                )
            )
        ):
            # "This essay discusses the ending of Saltwick series three, episode five.", "This article
            # contains details of Thursday's live episode. If you would rather find out on the night,
            # stop reading here.": the article says what it gives away.
            return plain
        if (
            len(plain) <= 250
            and len(sentences) == 2
            and GIVES_AWAY_RE.search(sentences[0])
            and NOT_WATCHED_RE.match(sentences[1])
        ):
            return plain
        if (
            len(plain) <= 300
            and len(sentences) >= 2
            and UNWATCHED_CLOSE_RE.search(sentences[-1])
            and any(
                (SEASON_RE.search(sentence) and EPISODE_RE.search(sentence)) or CODE_RE.search(sentence)
                for sentence in sentences[:-1]
            )
        ):
            # "Ep. 6 of the second season of Meddo is sailed from start to finish below. If you have not watched it
            # yet, stay in the lagoon.", "This file contains the solution to Pargor S1 Ep6. Do not open it until you
            # have watched.": which episode, then a word to whoever has not seen it
            return plain
        if (
            len(plain) <= 250
            and len(sentences) >= 2
            and (stop := STOP_READING_RE.match(sentences[-1]))
            # a sentence that only says "Stop here." or "Look away now!"
            and re.fullmatch(r"(?:\s+now)?[\s.!]*", sentences[-1][stop.end() :]) is not None
            and (SEASON_RE.search(sentences[0]) or EPISODE_RE.search(sentences[0]))
        ):
            # "Results below are for the sixth live show of series three. Catching up on the replay? Stop
            # here.": what the article is about, then an order to stop reading
            return plain
        return None
    if plain.startswith(("“", '"')) and REPORTED_QUOTE_RE.search(plain):
        return None  # "“That’s a spoiler,” Quintela said.": someone's words, not the article's notice
    plain = QUOTED_RE.sub("", plain) if not plain.startswith(("“", '"')) else plain
    if len(plain) <= 200:
        # "Minor spoilers ahead", "Spoiler alert: …", not "five stars, minus one for the spoiler"
        return plain if SPOILER_WORD_RE.search(plain) and not SPOILER_IN_PASSING_RE.search(plain) else None
    first = SENTENCE_BREAK_RE.split(plain, maxsplit=1)[0]
    if re.match(r"(?:warning|spoiler|spoilers|heads up|note)\b", first, re.I) and SPOILER_WORD_RE.search(first):
        return first
    return None


def _number(text: str) -> int:
    return int(text) if text.isdigit() else ORDINALS[text.lower()]


def _scope_in(
    warning: str, season_lengths: Mapping[int, int] | None, *, single_season: bool = False
) -> tuple[int | None, int | None]:
    if match := CODE_RE.search(warning):
        return int(match[1] or match[3]), int(match[2] or match[4])
    season = episode = None
    if match := SEASON_RE.search(warning):
        season = _number(match[1] or match[2] or match[3])
    elif re.search(r"\b(?:its|the|their)\s+(?:only|single|one)\s+(?:season|series)\b", warning, re.I):
        season = 1  # "episode 120 of its only season"
    if match := EPISODE_RANGE_RE.search(warning):
        episode = _number(match[2])  # "episodes one to six of season one": up to the sixth
    elif match := FIRST_EPISODES_RE.search(warning):
        episode = _number(match[1])  # "the first five episodes of series one": up to the fifth
    elif match := EPISODE_RE.search(warning):
        episode = _number(next(group for group in match.groups() if group))
    elif season is not None and (match := re.search(rf"\(\s*{season}\.(\d{{1,3}})\s*\)", warning)):
        episode = int(match[1])  # "the final episode of the second series (2.6)"
    final = episode is None and (
        re.search(r"\b(?:final|last)\s+episode\s+of\b", warning, re.I)
        or re.search(r"\b(?:season|series)\s+\w+\s+final\b(?!\s+(?:and|episode))", warning, re.I)
    )  # "the Tuning Fork series three final": a competition's last episode
    # not "the sixth and final episode", nor "the finale, episode 120", which say which it is
    if final or (episode is None and re.search(r"\bfinale\b", warning, re.I)):
        if season is None and season_lengths and re.search(r"\b(?:series|show'?s?|the)\s+finale\b", warning, re.I):
            season = max(season_lengths)
        if season is not None and season_lengths:
            episode = season_lengths.get(season)
    elif re.search(r"\bpenultimate\b", warning, re.I):
        if season is not None and season_lengths and season_lengths.get(season, 0) > 1:
            episode = season_lengths[season] - 1  # "the penultimate episode of series two"
    elif re.search(r"\bpremiere\b", warning, re.I) and season is not None:
        episode = 1
    if episode is not None and season is None and single_season:
        season = 1  # "Hinchko episode 180" of its one season
    if episode is not None and season is None:
        return None, None  # "episode 8" of an unnamed season is not a scope anyone can compare
    return season, episode


# --- Kind -----------------------------------------------------------------------------------------


def _guess_kind(
    title: str, paragraphs: Sequence[str], qa_turns: list[QATurn], quotes: list[FoundQuote], spoiler: SpoilerNotice
) -> str:
    head = title.casefold()
    opening = " ".join(paragraphs[:3]).casefold()
    if re.search(r"\breview\b", head) or re.search(r"\b(?:verdict|rating)\s*:", " ".join(paragraphs).casefold()):
        return "review"
    if re.search(r"\brecap\b", head) or re.search(r"\bthis recap\b", opening):
        return "recap"
    if qa_turns or re.search(r"\binterview\b", head) or re.search(r"\binterview with\b|\bsat down with\b", opening):
        return "interview"
    if re.search(
        r"\bexplained\b|\bexplainer\b|\bwhat to know\b|\beverything we know\b|^\d+\s|^(?:inside|how|why|behind)\b"
        r"|^what\b.{0,80}\b(?:means?|happened|comes next)\b"  # "What that ending means for season 2"
        r"|^(?!breaking\b)[a-z]{3,}ing\s+(?:the|a|an|its|their|his|her|up|out|down)\b",  # "Building the airship: …"
        head,
    ):
        return "feature"
    if re.search(r"\b(?:review|reviewed)\b", opening):
        return "review"
    return "news"
