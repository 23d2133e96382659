"""Who an article can quote: the people it names, in the database or not, and who plays whom.

The analyser resolves every written name against one directory per article, built here. It holds
the people the article names in full (or by an alias), the people credited on the article's works,
and the people the article introduces who are not in the database yet ("introduced", with keys
that start with `NEW`). Nobody else is in it, so a surname or a pronoun can only ever resolve to
someone the article names or to someone on the show it is about: a person who shares a surname
with somebody in the database, and is introduced by full name, is never taken for them.

Credits are read in the four ways writers put them ("Character (Actor)", "Actor (Character)",
"Actor, who plays Character", "Actor as Character"). The characters they name are not people,
and a line a character says belongs to the actor who plays them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, dropwhile, pairwise, takewhile

from people.names import normalize_name

from .directory import (
    ADDRESS_TITLES,
    CHARACTER_TITLES,
    FIRST_NAME_TITLES,
    HONORIFIC_TITLES,
    HONORIFICS,
    PARTICLES,
    RANKS,
    SPANISH_HONORIFICS,
    TITLES_BEFORE_A_NAME,
    NameDirectory,
    PersonEntry,
    clean_written,
    edit_distance,
    middles_agree,
    same_generation,
    untitled,
)

__all__ = [
    "CAP_WORD",
    "FILLER",
    "HONORIFICS_AFTER",
    "NAME",
    "NEW",
    "NICKNAME_RE",
    "NOT_NAME_WORDS",
    "OFFICE",
    "PARTICLE",
    "ROLE",
    "UPPER",
    "ArticleCast",
    "Pairing",
    "PronounCredit",
    "article_cast",
    "credit_pairings",
    "inside_quotation",
    "paragraph_words",
    "pronoun_credits",
    "role_after",
    "sentence_start",
    "trim_role",
]

NEW = "new:"
PARTICLE = (
    r"(?:de|da|del|della|dela|delos|di|du|des|dos|das|do|la|le|van|von|der|den|ter|ten|zu|ap|ab|al|el|bin|binti|binte"
    r"|(?<=de[ \t])l[ao]s"  # "María de los Ángeles Barragán"
    r"|bint|ibn|ferch|verch|i|a['’]|arap"  # Kalenjin "arap", son of: "Kiprotich arap Sang"
    r"|a/p|a/l|s/o|d/o"  # Malaysian and Singaporean Indian: "Kavitha a/p Subramaniam", daughter of
    r"|boru"  # Batak, daughter of, before a woman's clan name: "Rosmawati boru Siregar"
    r"|anak"  # Iban, child of, before the father's name: "Jimbun anak Likau"
    r"|(?<=[Vv]an[ \t])['’]t"  # Dutch: "Sem van ’t Hek"
    r"|qızı|oğlu"  # Azerbaijani, daughter and son of, after the father's name: "Leyla Rəşid qızı Əliyeva"
    r"|qizi|o[ʻ'‘’]g[ʻ'‘’]li"  # Uzbek: "Dilnoza Rustam qizi Karimova", "Sherzod Akmal oʻgʻli Yusupov"
    r"|wa"  # Kikuyu, son of: "Joseph Mwangi wa Kariũki"
    r"|ole"  # Maasai, son of: "Meitamei ole Parsimei"
    r"|á|í|við"  # Faroese farm names: "Tróndur á Fløtum", "Jóannes í Gøtu"
    r"|(?<=Mac[ \t])an|(?<=Nic[ \t])an|(?<=Mhic[ \t])an)"  # "Fiachra Mac an Bhaird", never "Tom an Oscar"
)
# Capital letters, accented ones included: "Ó Dálaigh", "Élodie", "Łucja".
UPPER = "A-Z" + "".join(
    sorted({chr(code) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(code).isupper()})
)  # Latin letters with marks, "Ọláníyì" and "Nguyễn" among them
# Word characters, the combining marks of "Morayọ̀" and "Ayọ̀" included.
WORD = r"\w\u0300-\u036f"
# A word of a name: a capitalised word, an initial, an abbreviated title ("Dr.", "Lt.", "Prof.") or an
# abbreviated given name: the Filipino "Ma." (María), "Md." and "Mohd." (Muhammad), the old English
# "Wm." and "Thos.", and a Mongolian father's initial written with two letters ("Ts. Bolormaa"); not
# "Jas." or "Yu.", which end sentences as names of their own.
ABBREVIATED = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr|Lt|Sgt|Det|Insp|Supt|Cpl|Capt|Col|Gen|Prof|Rev|Fr|Cllr)\."
    # never a sentence's end before its next one: "Ma" and "Ts" are family names too ("said Ma. Then …")
    r"|(?:Ma|Md|Mohd|Muhd|Wm|Thos|Ts|Ch|Sh|Kh|Zh)\.(?=[ \t]+(?!(?:The|He|She|It|They|We|I|A|An|This|That|But|And"
    rf"|In|On|At|Her|His|Their|Its|So|Then|There|When|What|After|Before)\b)[{UPPER}]))"
)
# A short word's closing glottal stop, a straight apostrophe, before the name it goes with: the Toraja "Ne' Rinding"
# and "Indo' Kila"; not a word set in single quotes, "'Ne' Rinding", "Kees 'the Eel' Brouwer".
GLOTTAL = "".join(
    rf"|(?<=[^‘'{WORD}][{UPPER}][a-z]{{{letters}}}')(?<!['‘][Tt]he[ \t][{UPPER}][a-z]{{{letters}}}')"
    rf"|(?<=^[{UPPER}][a-z]{{{letters}}}')"
    for letters in (1, 2, 3)
)[1:]
# A word may end in an apostrophe ("Jones’"), but not one that closes a quote before the next name:
# "Wojciech ‘Wojtek’ Lis" is no name "Wojtek’ Lis".
CAP_WORD = (
    rf"(?:(?:[{UPPER}]\.){{2,3}}|[{UPPER}]\.|{ABBREVIATED}"
    rf"|[{UPPER}](?:[{WORD}'’-]*[{WORD}-])?(?:(?<=ng)['’]|['’](?![ \t]+[{UPPER}])|'(?=[ \t]+[{UPPER}])(?:{GLOTTAL}))?)"
)  # the Luo "ng'" ends a given name before the family name: "Achieng' Owino"
# A surname that opens with a lower-case article joined to it: "al-Rashidi", "el-Masry", "d’Arcy", and
# Gaelic's "Mac an t-Saoir".
# (and the Irish letter written before a capital: "Ciarán Ó hUiginn", "Siobhán Nic an tSaoir")
JOINED_PARTICLE_WORD = (
    rf"(?:(?:al|el|ul|ad|ar|as|ash|at|az|d|t|h|n)[-'’]|[th](?=[{UPPER}][a-zá-ú]))[{UPPER}][{WORD}'’-]*"
)
# Son or daughter of, after the father's given name: "Nodira Akbar qizi", "Azamat Bakyt uulu", "Ilnur Rinat uly"
FATHERS_CHILD_WORDS = (
    "qizi", "qızı", "oğlu", "oʻgʻli", "o'g'li", "o‘g‘li", "o’g’li",  # Azerbaijani and Uzbek
    "uulu", "kyzy", "uly", "ulı", "qyzy", "ogly", "gyzy",  # Kyrgyz, Tatar, Bashkir, Kazakh, Turkmen
)  # fmt: skip
NAME = (
    rf"{CAP_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*(?:{CAP_WORD}|{JOINED_PARTICLE_WORD})){{0,3}}"
    # a name that ends with "daughter of" or "son of" after the father's name: "Nodira Akbar qizi"
    rf"(?:[ \t]+(?:{'|'.join(FATHERS_CHILD_WORDS)})(?![{WORD}'’-]))?"
)
# A short form of address joined to a surname, the Tshivenda "VhoMukwevho", or with a hyphen, "Vho-Nemavhola"
JOINED_ADDRESS_RE = re.compile(rf"(?<![{WORD}'’-])(Vho-|[{UPPER}][a-z]{{1,3}})([{UPPER}][a-z][{WORD}]+)(?![{WORD}-])")
# The capitalised openers that are part of a surname itself: "McDonald", "MacLeod", "DeShawn", "LaToya", "FitzGerald"
JOINED_SURNAME_OPENERS = {"mc", "mac", "de", "da", "di", "du", "la", "le", "van", "von", "st", "fitz", "o", "al", "el"}
# … the same words folded, to read them where a name is checked
FATHERS_CHILD = {normalize_name(word) for word in FATHERS_CHILD_WORDS}
# "Her Honour Judge Miriam Okafor-Lyle": a style before the name, so the name itself keeps its four words.
STYLE_WORDS = {"Honour", "Honor", "Excellency", "Grace", "Lordship", "Ladyship", "Majesty", "Worship"}
STYLE_BEFORE = rf"(?:(?:Her|His|Their|Your)[ \t]+(?:{'|'.join(STYLE_WORDS)})[ \t]+)"
NAME_RUN_RE = re.compile(rf"(?<![{WORD}'’-]){STYLE_BEFORE}?{NAME}")
# "Madrid-born", "Glasgow-based", "Emmy-winning": a description joined to the name that follows it.
DESCRIBING_PREFIX_RE = re.compile(r"-(?:born|based|bred|raised|year-old|time|winning|nominated)$", re.IGNORECASE)
# 'Leo "Lefty" Albright': a nickname in quotes between the first name and the surname.
NICKNAME_RE = re.compile(
    # (after one given name or two: 'José Guadalupe “Lupe” Treviño Garza')
    rf"(?<![{WORD}'’-])(?P<first>(?:[{UPPER}][{WORD}'’-]+[ \t]+)?[{UPPER}][{WORD}'’-]+)[ \t]+"
    # 'Ernesto "Tito" Quilapán', and with straight single marks, "Ernesto 'Tito' Quilapán"
    # (and in Czech or German marks: 'Vojtěch „Vojta“ Šťastný')
    rf"(?:[“\"‘„](?P<nick>[{UPPER}][\w'’.-]*(?:[ \t][\w'’.-]+){{0,2}})[”\"’“]|'(?P<plain_nick>[{UPPER}][\w.-]*)')"
    # (the surname may open with its particle: 'Marthinus "Tienie" van der Westhuizen')
    rf"[ \t]+(?P<last>(?:(?:{PARTICLE})[ \t]+)*{CAP_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*{CAP_WORD}){{0,1}})"
)
# An aside between commas that credits nobody: ", who is 54,", ", now in her eighties,".
CLAUSE = r"(?:(?!\b(?:plays|played|playing|portrays|portrayed|voices|voiced|cast|as)\b)[^,;.()“”\"]){1,40}"
LONG_CLAUSE = r"(?:(?!\b(?:plays|played|playing|portrays|portrayed|voices|voiced|cast|as)\b)[^,;.()“”\"]){1,90}"
# The same aside before what the person is known as: ", who is twenty-six and known to the whole crew
# as Biscuit,", ", who is forty-one and still best known as …", ", who is best known as …".
ASIDE_AND = rf"who\s+(?:is|was|has\s+(?:always\s+)?been|had\s+(?:always\s+)?been)\s+(?:{CLAUSE}?\s+and\s+)?"
# "Terry Mulholland — known to everybody on set as Tezza —", "Leo Albright, nicknamed Lefty,".
KNOWN_AS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME})(?:[ \t]+\([^()\n]{{1,60}}\))?(?:,|[ \t]+[—–]|[ \t]+\()[ \t]*"
    # "Radosław Żmuda, chef-owner of a restaurant in Kraków that is impossible to book, known to everyone … as Radek"
    # "Lobsang Tharchin, a former schoolteacher known to everybody … as Gen Lobsang"
    rf"(?:{ASIDE_AND}|(?!known\b)[a-z][^,;.()“”\"\n]{{1,80}}?,?[ \t]+(?=(?:(?:is|was)[ \t]+)?(?:known|introduced)\b))?"
    rf"(?:(?:is|was)[ \t]+)?"  # "The story editor, Maxamed Cabdi Faarax, is known to everyone as Maxamed Dheere"
    rf"(?:(?:better|universally|affectionately)[ \t]+)?"
    # "known from his first day at the drama academy as Lojze", "known in Olzai as Ninnu"
    # ("known on the show and off it as Ray Bigman")
    rf"(?:known(?:[ \t]+(?:to|from|since|at|among|in|on)[ \t]+[^,—–()\n]{{1,40}}?(?:,[^,—–()\n]{{1,40}}?,)?)?[ \t]+"
    # "known to the whole country by his nickname, Tong"
    rf"(?:as|by[ \t]+(?:his|her|their|the)[ \t]+(?:childhood[ \t]+)?(?:nick-?name|pet[ \t]+name),?)"
    rf"|whom[ \t]+[^,;.()“”\"\n]{{1,40}}?[ \t]+(?:knows|knew)[ \t]+as"  # "whom Paraguay knows as Lulú Giménez"
    rf"|nicknamed|called"
    # "Pauline Djoumessi, who had twins in 2009, was introduced to us as Magne"
    rf"|introduced(?:[ \t]+to[ \t]+(?:us|me|the[ \t]+[a-z]+))?[ \t]+as"
    # "Haruka Toyooka, who performs under her Ainu name, Nonno": a stage name
    rf"|(?:who[ \t]+)?(?:performs|performed|acts|acted|works|worked|sings|sang|records|recorded|writes|wrote)[ \t]+"
    rf"under[ \t]+(?:her|his|their|the)[ \t]+(?:[{UPPER}]?[a-z]+[ \t]+)?name,?)[ \t]+[“\"‘]?"
    # "as Pushpa Aunty": a given name and the honorific said after it (not "Uncle Ji", an honorific alone)
    rf"(?!(?:Mr|Mrs|Ms|Mx|Dr|St|Sr|Jr)\.)"
    rf"(?P<nick>(?!(?:Uncle|Aunty|Auntie)\b)[{UPPER}][{WORD}'’-]+"
    # "Caridad Esperanza Valdés Arencibia, known to three generations of Cubans as Cachita Valdés": a pet
    # name and one of the full name's surnames (checked where it is read)
    rf"(?:[ \t]+(?:Aunty|Auntie|Uncle|Bey|Hanım|Khanum)|[ \t]+(?P<surname>{CAP_WORD}))?)[”\"’]?"
    rf"(?=[ \t]*(?:[,—–)]|\.(?:\s|$)|$)|[ \t]+(?:since|for|because|throughout|among|by|to|and)\b)"
)
# Whom a nickname is used by: "Winnie to everyone", "Bel to his friends".
EVERYONE = r"(?:everyone|everybody|all|friends|family|colleagues|crew|cast|fans|viewers|regulars|staff)"
# "Castellanos-Pike, 63 — Winnie to everyone on the production —", "Amos Bellweather, Bel to his friends,",
# "Hamadou Bouba, a retired schoolteacher, who is Modibbo to the paper's staff".
NICKNAME_TO_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME})(?:,[ \t]+(?:\d{{1,3}}|[a-z]+ty(?:-[a-z]+)?))?(?:,|[ \t]+[—–])[ \t]+"
    rf"(?:[^,.;:“”\"\n]{{1,60}},[ \t]+who[ \t]+(?:is|was)[ \t]+)?"
    # (a word of address may come first: "Hortense Arzu, seventy-four, Miss Tensie to the whole of St Vincent Street")
    rf"[“\"‘]?(?P<nick>(?:[{UPPER}][a-z]+[ \t]+)?[{UPPER}][{WORD}'’-]+)[”\"’]?"
    rf"[ \t]+to[ \t]+(?:(?:his|her|their|the)[ \t]+)?(?:[a-z]+['’]s[ \t]+)?"
    rf"(?:{EVERYONE}\b|whole[ \t]+(?:of[ \t]+)?(?:[{UPPER}]|[a-z]+\b))"
)
# "Boitumelo Kgosidintsi has been Mma-Naledi, Naledi's mother, since her daughter was born, and Tumi to her
# friends before that": a second name, coordinated, and whom it is used by.
AND_NICK_TO_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME})[ \t]+(?:has[ \t]+been|is|was)[ \t]+[^.;:“”\"\n]{{1,120}}?,?[ \t]+and[ \t]+"
    rf"[“\"‘]?(?P<nick>[{UPPER}][{WORD}'’-]+)[”\"’]?[ \t]+to[ \t]+(?:his|her|their)[ \t]+{EVERYONE}\b"
)
# "Eddie Thirlwell, a retired fisherman whom everyone on the harbour calls Tiger", "Richard Hallworth,
# the record producer the whole country knows as Big Rich": what other people call the person named.
CALLED_RE = re.compile(
    # (not past "plays": "Qin Dongsheng, …, plays the grandfather everyone calls Goeng Dahnaz" is a role's name)
    rf"(?<![{WORD}'’-])(?P<full>{NAME}),[ \t]+"
    rf"(?:(?!\bplay(?:s|ed|ing)[ \t]+(?:the|an?|his|her|their)[ \t]+(?:[a-z]+[ \t]+){{0,2}}"
    rf"(?:everyone|everybody|people)[ \t]+call)[^.;:“”\"\n]){{0,120}}?"
    rf"\b(?:everyone|everybody|people|fans|viewers|friends|colleagues|country|nation|crew|cast|world|town|village|industry|audiences|listeners|others|they|she|he)\b"
    rf"[^.;:,“”\"\n]{{0,40}}?(?:,[^.;:,“”\"\n]{{1,60}},)?[^.;:,“”\"\n]{{0,40}}?"
    rf"\b(?:calls|called|call|calling|knows[ \t]+as|knew[ \t]+as|know[ \t]+as)[ \t]+(?:(?:her|him|them)[ \t]+)?[“\"‘]?"
    rf"(?P<nick>[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+)?)[”\"’]?"
    rf"(?=[ \t]*[,.;:—–)]|[ \t]+(?:for|because|since|after|throughout|to|on|at|in)\b)"
)
WHOM_NAME_RE = re.compile(rf"(?<![{WORD}'’-])(?P<full>{NAME}),[ \t]+whom\b")
# "…, who has been falling off buildings since he was seventeen and is called Tor by everybody".
CALLED_BY_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME}),[ \t]+[^.;:“”\"\n]{{0,160}}?\b(?:is|was|has[ \t]+been)[ \t]+"
    rf"(?:called|known[ \t]+as)[ \t]+[“\"‘]?(?P<nick>[{UPPER}][{WORD}'’-]+)[”\"’]?[ \t]+by[ \t]+"
    rf"(?:(?:the|his|her|their)[ \t]+)?(?:[a-z]+[ \t]+)?{EVERYONE}\b"
)
# "Everyone on the production called him Mack", "They call him the Guv".
PRONOUN_CALLED_RE = re.compile(
    rf"\b(?:[Ee]veryone|[Ee]verybody|[Pp]eople|[Tt]hey|[Cc]olleagues|[Ff]riends|[Ff]ans|[Cc]rew|[Cc]ast"
    rf"|[Tt]he[ \t]+(?:street|quarter|village|neighbours|customers"  # "The street calls him Pa Bass"
    # "The whole market calls him Dadu-bab", "The lorry drivers call him Mandarin Rushbei": a place's people, or
    # people named in the plural (a work's own words aside: "The series calls him Kiaz" is his role)
    rf"|(?P<people>whole[ \t]+[a-z]+|(?!(?:series|films|shows|scripts|credits|papers)\b)(?:[a-z]+[ \t]+)?"
    rf"(?:[a-z]+s|[a-z]*men|children))))\b"
    rf"[^.;:“”\"\n]{{0,40}}?\b(?:calls|called|call)[ \t]+(?P<object>him|her)[ \t]+(?:the[ \t]+)?"
    # (and a word before his given name: the Wolof and Temne father, to an older man, "Pa Bass", or, said by the
    # people of a place or a trade, what he does, "Mandarin Rushbei")
    rf"(?P<nick>(?:(?(people)[{UPPER}][a-z]+|Pa)[ \t]+)?[{UPPER}][{WORD}'’-]+)(?![{WORD}'’-])(?![ \t]+[{UPPER}])"
)
# What a nickname may open with: "she is Aunty Pua to three generations of sailors".
# So may a parent's name after the eldest child's, the Arabic kunya: "Abu Karim", "Umm Karim".
AFFECTIONATE = (
    r"(?:(?:Aunty|Auntie|Uncle|Papa|Mama|Nana|Granny|Grandpa|Big|Little|Old|Young|Tita|Tito|Baba|Abu|Umm|Um"
    r"|Lao|Xiao"  # Chinese "old" and "little" before a surname: "Lao Zhou", "Xiao Zhou"
    r"|Mbak|Mas|Eyang)[ \t]+)"  # Javanese sister, brother and grandparent before a name: "Mbak Yuni"
)
# A nickname in quotes or not, and what says it is one when it follows "is" or "has been": "Joca since
# before he could walk", "Aunty Pua to three generations of sailors".
NICK = rf"[“\"‘]?(?P<nick>{AFFECTIONATE}?[{UPPER}][{WORD}'’-]+)[”\"’]?"
SINCE_OR_TO_ALL = (
    rf"(?:since[ \t]|to[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:{EVERYONE}|generations|people)\b"
    # "on the podcast and everywhere else"
    rf"|(?:on|in|at)[ \t]+[^.;:,“”\"\n]{{1,40}}?[ \t]+and[ \t]+everywhere[ \t]+else\b)"
)
NICK_AHEAD = (
    rf"(?=[“\"‘]?{AFFECTIONATE}?[{UPPER}][{WORD}'’-]+[”\"’]?"
    # (and its gloss in English between commas: "has been Par-Gena, Steam Gena, since he first …")
    rf"(?:,[ \t]+(?:[{UPPER}][{WORD}'’-]+[ \t]+)?[{UPPER}][{WORD}'’-]+,)?[ \t]+{SINCE_OR_TO_ALL})"
)
# "goes by Debu", "answers to Chico": a nickname said to be one by the verb alone.
GOES_BY = (
    r"(?:(?:goes|went|has[ \t]+always[ \t]+gone|has[ \t]+gone)[ \t]+by"
    r"|(?:answers|has[ \t]+(?:always[ \t]+)?answered|answered)[ \t]+to)[ \t]+"  # "has answered to Tonći since …"
)
# "She is known to everybody, including the director, as Mo", "he has been Joca since before he could
# walk", "she is Mo to everyone", "he goes by Debu": what a "she" or "he" is called.
PRONOUN_KNOWN_RE = re.compile(
    rf"\b(?P<pronoun>[Ss]he|[Hh]e)[ \t]+(?:(?:is|was|has[ \t]+been)[ \t]+(?:(?:universally|affectionately)[ \t]+)?"
    rf"(?:known(?:[ \t]+to[ \t]+[^.;:“”\"\n]{{1,60}}?)?[ \t]+as[ \t]+(?=[“\"‘]?[{UPPER}])|{NICK_AHEAD})"
    rf"|{GOES_BY}(?=[“\"‘]?[{UPPER}]))"
    rf"{NICK}(?![{WORD}'’-])(?![ \t]+[{UPPER}])"
)
# "To the whole building he is Lao Zhou", "To his crew she is Mama Lou": whom the name is used by, first.
GROUP_OF_PEOPLE = rf"(?:{EVERYONE}|building|studio|station|office|newsroom|town|village|street|house|set|world|island)"
# What a work is, never a role: "for the documentary Ice in Berlin".
WORK_NOUNS = {
    "film", "films", "series", "documentary", "drama", "play", "show", "episode", "short", "musical", "opera",
    "serial", "sitcom", "soap", "podcast", "novel", "book", "album", "song", "production", "comedy", "thriller",
}  # fmt: skip
FRONTED_KNOWN_RE = re.compile(
    # and where: "so on set he is simply Shumba"
    rf"(?:\b[Tt]o[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?{GROUP_OF_PEOPLE}|\b[Oo]n[ \t]+set|\b[Aa]t[ \t]+home"
    # "On the quay he is Ulbe Fyts": a place of his, not the work ("On the show he is Jimmy" is a role, and "in the
    # papers she was Gigi Tam" how print writes her)
    rf"|\b(?:[Oo]n|[Aa]t)[ \t]+the[ \t]+(?!(?:{'|'.join(sorted(WORK_NOUNS))}|script|page|screen|air|radio)\b)[a-z]+)"
    rf",?[ \t]+"
    rf"(?P<pronoun>[Ss]he|[Hh]e)"
    rf"[ \t]+(?:is|was)[ \t]+(?:(?:simply|just)[ \t]+)?"
    # "so to the younger cast he was Bai Stoyan": a word of respect and his given name
    rf"(?P<nick>{AFFECTIONATE}?[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+)?)(?=[ \t]*[.;,])"
)
# A form of address and its gloss: "on set Edgars Ozols is Ozola kungs, Mr Ozols, which …" (the Latvian title after
# the surname, in the genitive)
GLOSSED_ADDRESS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME})[ \t]+is[ \t]+(?P<nick>[{UPPER}][{WORD}'’-]+(?:[ \t]+[a-z][{WORD}'’-]+)?),[ \t]+"
    rf"(?:Mr|Mrs|Ms|Miss|Madam|Madame|Sir|Mister)\.?[ \t]+(?P<surname>{CAP_WORD})"
)
# What someone is called, then their name: "Ambo' Ani, as the whole village knows Haji Baharuddin", "Tío Pepe, as
# his nephews call José Ortega".
AS_KNOWN_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<nick>{NAME}),[ \t]+as[ \t]+(?:the|his|her|their|everyone|everybody)[ \t]+"
    rf"(?:(?:whole|entire)[ \t]+)?(?:[a-z]+[ \t]+){{0,2}}?(?:calls|call|called|knows|know|knew)[ \t]+(?P<full>{NAME})"
    rf"(?![{WORD}'’-])"
)
# The same of someone just named, a form of address and her given name: "Yaki Pisuy, as everyone on the production
# calls her," after "The film's cultural adviser is Pisuy Batu"
AS_KNOWN_PRONOUN_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<nick>[{UPPER}][{WORD}'’-]+[ \t]+[{UPPER}][{WORD}'’-]+),[ \t]+as[ \t]+"
    rf"(?:the|his|her|their|everyone|everybody)[ \t]+(?:[^,.;:“”\"\n]{{1,40}}?[ \t]+)?"
    rf"(?:calls|call|called|knows|know|knew)[ \t]+(?:her|him)\b"
)
AS_KNOWN_REACH = 4  # paragraphs back where the one so called may have been named in full
# "… so to everyone at the studio she is Bana Chomba", after the sentence has named her in full: her name, read here
# from the sentence itself (`FRONTED_KNOWN_RE` leaves a "she" with nothing after the group to the reading of
# pronouns)
PRONOUN_TO_ALL_RE = re.compile(
    rf"\bto[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:{EVERYONE}|people)\b[^.;:“”\"\n]{{0,60}}?,?[ \t]+(?:she|he)[ \t]+"
    rf"(?:is|was|has[ \t]+(?:always[ \t]+)?been)[ \t]+[“\"‘]?"
    rf"(?P<nick>[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+)?)[”\"’]?(?![{WORD}'’-])"
)
# "Macaraeg-Santos has been Lulu since she was a baby", "Ana Ruiz is Nana to everyone on set", "Francisco
# Bastos Moura, a bus driver from Croydon, has been Chico since the day he was born", "Debashis
# Bhattacharjee, a pharmacist from Leicester, goes by Debu".
NAMED_SINCE_RE = re.compile(
    # "Mohsen Tavakoli-Reid, a radio producer who has been Mo since primary school", "Charlotte Dunmore-Achebe,
    # who teaches music in Leyton and is Lottie on the podcast and everywhere else"
    rf"(?<![{WORD}'’-])(?P<full>{NAME})"
    # "The director, Hendrik-Jan Okkema, is HJ to everybody": the comma that closes an apposition
    rf"(?:,[ \t]+[^,;.“”\"\n]{{1,120}}?,|,[ \t]+[^;.“”\"\n]{{0,120}}?\b(?:who|and)|,)?[ \t]+"
    rf"(?:(?:has[ \t]+been|is)[ \t]+{NICK_AHEAD}|{GOES_BY}){NICK}(?![{WORD}'’-])"
)
# In a paragraph about nicknames, "Siriporn Wattanakul is Ploy, Napat Srisawat is Mek, which means cloud,
# and the director, Thanawat Chaiyaporn, is Bank, because …": each full name and the one word it "is".
# So too after a paragraph on how people are named: "twins are named for the order in which they arrive
# … So Adebola Ogunsanya, born at 4.12am, is Taiwo, and Adenike Ogunsanya … is Kehinde".
NICKNAME_WORD_RE = re.compile(
    r"\bnick-?names?\b|\b(?:are|is)\s+named\s+(?:for|after)\b|\b(?:are|is)\s+known\s+by\s+the\s+name\b"
    r"|\b(?:are|is)\s+addressed\s+(?:by|as)\b",  # "People are addressed by a title and … So Sri Wahyuni is Mbak Yuni"
    re.IGNORECASE,
)
IS_NICKNAMED_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME})(?:,[ \t]+(?:[^,;.“”\"\n]|(?<=\d)\.(?=\d)){{1,60}}?)?,?[ \t]+is[ \t]+[“\"‘]?"
    rf"(?P<nick>{AFFECTIONATE}?[{UPPER}][{WORD}'’-]+)[”\"’]?"
    rf"(?=[ \t]*[,.;]|[ \t]+(?:because|which|after|for|to)\b)"
)
# The name a person's papers give: "Delgir Ubushaeva is Delgir Sanalovna on her passport".
PAPERS_NAME_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME})[ \t]+is[ \t]+(?P<nick>{NAME})[ \t]+(?:on|in)[ \t]+(?:her|his|their)[ \t]+"
    r"(?:[a-z]+[ \t]+)?(?:passport|papers|documents|licence|license|identity[ \t]+card|ID|birth[ \t]+certificate)\b"
)
# "She is Gosia, the ordinary short form of Małgorzata": a nickname, and the given name it shortens.
SHORT_FORM_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<nick>[{UPPER}][{WORD}'’-]+),?[ \t]+(?:(?:the|a|an|her|his|their)[ \t]+)?"
    r"(?:[a-z]+[ \t]+){0,2}"
    rf"(?:short(?:ened)?(?:[ \t-]+form)?|diminutive|pet[ \t]+(?:form|name)|shortening)[ \t]+(?:of|for)[ \t]+"
    rf"(?P<first>[{UPPER}][{WORD}'’-]+)"
)
# … in an article that speaks of short forms: "Polish diminutives work like that: Barbara becomes Basia, Jakub
# becomes Kuba"
BECOMES_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<first>[{UPPER}][{WORD}'’-]+)[ \t]+becomes[ \t]+(?P<nick>[{UPPER}][{WORD}'’-]+)"
)
# A short form of the given name and its word of address, set off after the name: "Its secretary, Marcelina Zuniga,
# Sister Marcie, writes the minutes"
APPOSED_SHORT_FORM_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<first>[{UPPER}][{WORD}'’-]+)(?:[ \t]+[{UPPER}][{WORD}'’-]+){{1,2}},[ \t]+"
    rf"(?:{AFFECTIONATE}|(?:Sister|Brother|Miss)[ \t]+)(?P<nick>[{UPPER}][{WORD}'’-]+),"
)
# "The whole crew call Abdukerim Sattarov, who is seventy-nine and …, Ustaz": what they call the person named
CALL_NAME_NICK_RE = re.compile(
    rf"\b(?:crew|cast|unit|everyone|everybody|family|village|children|students|they)[ \t]+"
    rf"(?:call|calls|(?:were|are|was|is)[ \t]+calling|(?:fell[ \t]+into|took[ \t]+to|started|began)[ \t]+calling)[ \t]+"
    # and a word of address after the name they use: "the cast fell into calling Sjaggo Ivvár áddjá"
    rf"(?P<full>{NAME})(?:,[^,;.:“”\"\n]{{1,120}},)?"
    rf"[ \t]+(?P<nick>[{UPPER}][{WORD}'’-]+(?:[ \t]+[^\W\d_A-Z][{WORD}'’-]*)?)"
    rf"(?=[ \t]*[.;,]|$|[ \t]+(?:before|after|within|from|since|by)\b)"
)
SHORTENED_TO_RE = re.compile(
    rf"\bshortened,?[ \t]+(?P<first>[{UPPER}][{WORD}'’-]+)[ \t]+to[ \t]+(?P<nick>[{UPPER}][{WORD}'’-]+)"
)
# "On set they are Žika and Gaga, as a Živorad and a Dragana nearly always are": two short forms, and the
# given names they shorten, in the same order.
PAIRED_SHORT_FORMS_RE = re.compile(
    rf"\b(?:[Tt]hey|[Tt]he[ \t]+two|[Tt]he[ \t]+pair)[ \t]+(?:are|were)[ \t]+"
    rf"(?P<nick>[{UPPER}][{WORD}'’-]+)[ \t]+and[ \t]+"
    rf"(?P<nick2>[{UPPER}][{WORD}'’-]+),?[ \t]+as[ \t]+(?:an?[ \t]+)?(?P<first>[{UPPER}][{WORD}'’-]+)[ \t]+and[ \t]+"
    rf"(?:an?[ \t]+)?(?P<first2>[{UPPER}][{WORD}'’-]+)\b"
)
# A where-are-they-now entry: "Then: played by Rūta Kazlauskaitė, aged 11" over "Now: Rūta Petraitienė, 41".
THEN_LINE_RE = re.compile(rf"[*_\s]*Then[*_]*:[*_\s]*(?:played|voiced)\s+by\s+(?P<name>{NAME})")
NOW_LINE_RE = re.compile(rf"[*_\s]*Now[*_]*:[*_\s]*(?P<name>{NAME})")
# "Benny is Benedikt Osei-Harland, a wigmaker from Bremen": the name someone has gone by so far, then
# who they are, opening a sentence.
IDENTITY_RE = re.compile(
    # a key to a transcript's labels too: "For the record: ZEZÉ is Maria José Vasconcelos Prado, who …; TIÃO is …"
    rf"(?:^|(?<=[.!?:;][ \t])|(?<=[.!?][”\"’][ \t])|(?<=;[ \t]and[ \t])|(?<=,[ \t]and[ \t]))"
    rf"(?P<nick>[{UPPER}][{WORD}'’-]+)[ \t]+is[ \t]+(?P<full>{NAME})"
    rf"(?=[ \t]*(?:[,.;—–(]|$))"
)
NOT_A_NICKNAME = {"she", "he", "it", "this", "that", "there", "here", "who", "what", "which", "they", "one"}
# A list of first names and what their owners are called: "nobody is called by the name on their
# passport: Zofia is Zosia, Małgorzata is Gosia, Jakub is Kuba, and Radosław is Radek".
FIRST_NAME_IS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<first>[{UPPER}][{WORD}'’-]+),?[ \t]+is[ \t]+(?P<nick>[{UPPER}][{WORD}'’-]+)"
    rf"(?:[ \t]+or[ \t]+(?P<also>[{UPPER}][{WORD}'’-]+))?"  # "Wojciech is Wòjcech or Wòjk"
    rf"(?=[ \t]*[,.;]|[ \t]+and\b)"
)
# The same said of anyone with a given name: "Nicknames rule: … a Graciela is Chela, a Lorenzo is Lencho"
A_NAME_IS_RE = re.compile(rf"(?<![{WORD}'’-])[Aa][ \t]+{FIRST_NAME_IS_RE.pattern}")
# "Mara Quist and her husband, Tobias", "Quist's brother Tobias": a relative named by first name alone.
KIN_FIRST_NAME_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<owner>{NAME})"
    rf"(?:['’]s|(?:[ \t]+[a-z][{WORD}'’-]*){{0,6}}?,?[ \t]+(?:and|with)[ \t]+(?:her|his|their)"
    rf"|(?:[ \t]+(?!(?:and|with|who|whom|whose|that|which)\b)[a-z][{WORD}'’-]*){{1,4}}?[ \t]+(?:her|his|their))[ \t]+"
    r"(?:(?:late|younger|older|elder|twin|little|big|baby|eldest|youngest)[ \t]+)?"
    r"(?P<kin>husband|wife|son|daughter|brother|sister|mother|father|twin|cousin),?[ \t]+"
    rf"(?P<first>[{UPPER}][{WORD}'’-]+)(?![{WORD}'’-]|[ \t]+(?:{PARTICLE}[ \t]+)*[{UPPER}])"
)
# "Aiko and Ren Kimura", "the twins Ada and Ida Quist": two first names sharing the surname after them.
SHARED_SURNAME_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<first>[{UPPER}][{WORD}'’-]+)[ \t]+(?:and|&)[ \t]+(?P<second>[{UPPER}][{WORD}'’-]+)"
    rf"[ \t]+(?P<last>(?:{PARTICLE}[ \t]+)*[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+)?)"
    rf"(?![{WORD}'’-])(?![ \t]+[{UPPER}])"
)  # "Hennie and Gert-Jan van Dam" too, and two surnames: "Elena and Marcelina Huanca Colque"
# … or a list's entry heading with an age after it: "4. VÕ THANH TÙNG, 30, cinematographer"
LABEL_START_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?(?:\*\*|__)?[ \t]*:|,[ \t]+\d{1,3}(?:,|[ \t]*$)", re.M)
# What a work or a company is called before its name, and what follows an outlet's name.
KINDS = (
    r"(?:thriller|drama|comedy|sitcom|soap|series|serial|miniseries|show|film|movie|documentary|docuseries"
    r"|podcast|programme|program|musical|novel|franchise|anthology|sequel|prequel|spin-off|firm|company|channel"
    r"|network|streamer|studio|agency|label|magazine|newspaper|festival|app|platform|procedural"
    r"|western|romcom|horror|biopic|adaptation|cartoon|anime|panel\s+show|chat\s+show|game\s+show|quiz|feature)"
)
SCREEN_KINDS = r"(?:thriller|drama|comedy|sitcom|soap|series|serial|miniseries|show|film|movie|documentary|podcast)"
KIND_BEFORE_RE = re.compile(
    rf"(?:\b(?:the|a|an|its|their|his|her|[\w-]+['’]s)\s+(?:[a-z\d][\w-]*\s+){{0,2}}{KINDS}"
    r"(?:,?\s+(?:called|titled|entitled|named))?"
    # "the American cop series Neon Basin"; not "the Newcastle company Oyelaran founded"
    rf"|\b(?:the|a|an)\s+[{UPPER}][\w-]*\s+(?:[a-z\d][\w-]*\s+)?{SCREEN_KINDS}"
    r"|\b(?:airs|aired|airing|streams|streamed|streaming|shown|broadcast|screens|screened)\s+on)[ \t]+$"
)
# "Farrow's Beat, the long-running police drama", "Mokoena's Kilometre Zero, a spare, funny road film
# about …": the apposition ends with the kind, no "of", "who" or "behind" before it ("Aigerim
# Serikkyzy, the writer behind the drama", a person).
# Not "Kestrel One's chat show": "Lacombe's second film" is a person's.
KIND_AFTER_RE = re.compile(
    rf",\s+(?:the|an?|(?:[{UPPER}][\w+'’-]*\s+){{0,2}}[{UPPER}][\w+'’-]*['’]s)\s+(?:(?!(?:of|who|whose|his|her|their|in|on|for|with|by|behind|at|from|to|about|into|under|after|before|over|through"
    rf"|alongside|opposite|beside|among|against|than|like)\b)[\w-]+,?\s+){{0,6}}{KINDS}"
    rf"(?=\s*[,.;:)]|\s+(?:that|which|about|set|where|created|made|written|directed|produced|starring|streaming)\b)"
)
# A possessive inside what is in brackets, which no actor's name has: "(Grandmother's Fig Tree)"
POSSESSIVE_INSIDE_RE = re.compile(r"['’]s[ \t]+\S")
# A title's translation opens with a preposition no role's name opens with: "(At Grandma Zawadi's House)"
TRANSLATED_TITLE_RE = re.compile(
    r"(?:At|In|On|Under|Over|From|To|Into|Beyond|Behind|Between|After|Before|Across|Among|Without|With|Through)"
    r"[ \t]+\S"
)
CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")  # a time of day: "05:20", "6.30"
TRANSLATION_RE = re.compile(r"[ \t]+\([^()]{1,40}\)")
# What a title and its translation go on to say of the show: "Tön Taksi (Night Taxi), on Idel TV, follows Rafael",
# "Sogwili (Horse), in its second season on …", "La Cava (The Cellar), eight episodes on …"
SYNOPSIS_AFTER_RE = re.compile(
    r",\s+(?:on\s+[A-Z][^,.;:()]{1,40},\s+(?:follows|is|was|tells)\b|in\s+its\s+[a-z]+\s+(?:season|series)\b"
    r"|[a-z0-9-]+\s+episodes\b)"
)
IS_A_KIND_RE = re.compile(
    # "is a Welsh-language film", "is an Oscar-tipped drama": a capitalised word with a hyphen describes it too
    rf"[ \t]+(?:is|was)[ \t]+an?[ \t]+(?:(?:[a-z][\w-]*|[{UPPER}]\w*-[a-z][\w-]*)[ \t]+){{0,3}}{SCREEN_KINDS}"
    r"(?=\s*[,.;:]|\s+(?:about|set|that|which|where|from|for|in|on)\b)"
)
# What only a work is: "the cast of Upper Fifth", "Episode 7 of Blackwater Assizes", "the Upper Fifth
# reunion", "Six Minutes to Lisbon is in cinemas", "the Blackwater Assizes recap"; not "it made stars of
# Gethin Llywarch", who is a person.
WORK_BEFORE_RE = re.compile(
    r"\b(?:(?:the\s+)?(?:cast|set"
    r"|(?<!made )(?<!make )(?<!makes )(?<!making )(?<!made a )(?<!makes a )(?<!make a )stars?"
    r"|creators?|showrunners?|writers|fans|finale|premiere|pilot|trailer|makers"
    r"|(?:first|second|third|fourth|fifth|last|final|new|latest|next|opening)\s+(?:season|series|episode|film))\s+of"
    r"|(?:[Ss]eason|[Ss]eries|[Ee]pisode|[Pp]art)\s+\d{1,3}\s+of"
    # "his hardest day on Santa Rita", "eleven years on Saltmarsh Lane": the time a show took
    r"|(?:day|days|night|nights|week|weeks|month|months|year|years|season|seasons|stint|run|time)\s+on)[ \t]+$"
)
# "who plays the burned-out Detective Glenn Kaneshiro on Pacific Standard": where a role is played.
PLAYED_ON_RE = re.compile(
    r"\b(?:plays|played|playing|stars|starred|starring|appears|appeared)\b[^.;:()“”\"]{1,80}?[ \t](?:on|in)[ \t]+$"
)
WORK_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:season|series)\s+(?:\d{1,3}|one|two|three|four|five|finale|premiere|opener)\b"
    r"|(?:recap|finale|premiere|reunion|junket|press\s+junket|fandom|writers['’]\s+room|box\s+set|trailer"
    r"|episode|episodes|network|channel|streamer)\b"
    r"|(?:is|are|was)\s+(?:in\s+(?:cinemas|theatres|theaters)|streaming|available\s+(?:on|to)|out\s+now)\b"
    r"|(?:has\s+been\s+|was\s+|is\s+)(?:renewed|cancelled|canceled|recommissioned)\b"
    r"|(?:airs|streams|premieres|opens\s+in\s+cinemas)\b"
    # "… was shot in and around Jacmel", "… is set in a salt works": what is said of a film, not a person
    r"|(?:was|were)\s+(?:shot|filmed)\s+(?:in\s+and\s+around|on\s+location|entirely|largely|mostly|over"
    r"|at\s+the\s+[^.,;]{1,40}?\s+studios?)\b"
    r"|is\s+set\s+(?:in|on|among)\s+(?:\d{4}|the\b|an?\b|[A-Z])"
    # "Winter Apiary had its world premiere", "… will be released in Finland"
    r"|(?:had|has|gets|got)\s+its\s+(?:[A-Za-z]+\s+){0,2}premiere\b|(?:will\s+be|is|was)\s+released\b)"
)
BORN_RE = re.compile(rf"(?<![{WORD}'’-])[Bb]orn[ \t]+(?P<name>{NAME})")
TITLE_JOIN_RE = re.compile(rf"[{UPPER}][{WORD}'’-]*[ \t]+(?:of|of the|and the|in the|on the|at the)[ \t]+$")
WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=4096)  # each paragraph's words are asked for by several readers
def paragraph_words(text: str) -> frozenset[str]:
    """A paragraph's words in small letters ("'s" is the word "s"): what the patterns' needed words are checked in."""
    return frozenset(WORD_RE.findall(text.casefold()))


# Every worded credit has one of these words.
CREDIT_WORDS = {
    "as", "plays", "played", "playing", "play", "portrays", "portrayed", "stars", "starred", "starring", "voices",
    "voiced", "is", "voice", "role", "voicing", "part", "performed", "hands", "person", "understudy", "belongs",
}  # fmt: skip
# What else a paragraph needs for a credit whose actor is a pronoun or that says who someone "was".
MORE_CREDIT_WORDS = {"was", "cast", "known", "spent", "call", "calls", "called"}
SENTENCE_END_RE = re.compile(r"[.!?][\"”’')]*\s+")
# The name of a role: a run of capitals that is not a possessive ("Isla's long-suffering boss" is a
# description, not a character called Isla).
# (with the kin words that stay in a role's name after it: the Hungarian "néni" and "bácsi", aunt and uncle; the
# Azerbaijani "xanım", madam; the Tatar and Bashkir "babai" and "äbi", grandfather and grandmother, "abyi" and "apa",
# elder brother and sister, and the Bashkir "olatay", grandfather, "ağay" and "apay", to an older man and woman; the
# Uyghur "bowa", "aka" and "acha", grandfather, elder brother and sister; the Kalmyk, Buryat and Mongolian "aava" and
# "baabai", grandfather, "eeji", mother, "avga", uncle, "egch" and "akh", elder sister and brother, and "guai", sir;
# the Chuvash "asatte" and "asanne", grandfather and grandmother, "kukka", uncle, "pichche" and "appa", elder
# brother and sister; the Udmurt "pesyatai" and "pesyanai", grandfather and grandmother, "agai" and "apai", elder
# brother and sister; the Karakalpak "ata", grandfather, "ájapa" and "ene", grandmother, "aǵa", elder brother; the
# Sakha "ogonnyor" and "emeexsin", to an old man and woman, "ubai" and "edyiy", elder brother and sister:
# "Teréz néni", "Sona xanım", "Fatikh babai", "Sabit olatay", "Tursun bowa", "Basan aava", "Dorzho baabai", "Kuzma
# asatte", "Kedra pesyatai", "Qalbay ata", "Baaska ogonnyor")
ROLE = (
    rf"{CAP_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*{CAP_WORD}){{0,4}}(?<!['’]s)(?![{WORD}'’-])"
    rf"(?:[ \t]+(?:néni|bácsi|xanım|babai|äbi|abyi|apa|olatay|ağay|apay|bowa|aka|acha|aava|avga|egch|akh|eeji|baabai"
    rf"|guai|asatte|asanne|kukka|pichche|appa|pesyatai|pesyanai|agai|apai|ata|ájapa|ene|aǵa|ogonnyor|emeexsin|ubai|edyiy)(?![{WORD}'’-]))?"
)
# Words between a verb and the role: "plays the formidable Lady Philippa Ashgrove", "plays Isla's
# long-suffering boss, Chief Inspector Alan Mayhew". Never "by" ("played by" names the actor) and no
# other preposition: "joins as the new girl from Toronto" names a place; and no "is": "who plays her and
# is Jory Tremethick's sister" names her brother.
NOT_PREPOSITION = r"(?!(?:by|from|in|at|of|with|for|to|on|into|near)\b)"
FILLER = rf"(?:{NOT_PREPOSITION}(?!(?:is|was|are|were)\b)(?:[a-z][{WORD}'’-]*|[{UPPER}][\w-]*['’]s),?[ \t]+){{0,5}}?"
# What the story makes a character, set before its name: "The harbourmaster, Isla Mowat (…)".
ROLE_DESCRIBED_BEFORE_RE = re.compile(r"(?:^|[.!?]\s+)The\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*,\s+$")
# "… lives in the lighthouse with his daughter, Katla Hallgrímsdóttir (Ragnheiður Björnsdóttir)": a relative
# in the story, so the role, whatever the names look like.
KIN_DESCRIBED_BEFORE_RE = re.compile(
    r"\b(?:with|and)\s+(?:his|her|their)\s+(?:[a-z][\w'’-]*\s+){0,2}"
    r"(?:daughter|son|wife|husband|mother|father|sister|brother|grandmother|grandfather|niece|nephew|aunt|uncle"
    r"|cousin|twin|fiancée?|girlfriend|boyfriend|partner),\s+$"
)
# "Bette (Casimere Jollette)" or "Casimere Jollette (Bette)": which side is the actor is decided below.
PAREN_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<left>{ROLE})(?:\*\*|__)?\s+\((?:(?P<played>(?:played|voiced|portrayed) by\s+)|(?P<as>as\s+)"
    # "(the cooper Bensi)", "(the cooper, Bensi)"
    rf"|(?P<described>(?:an?|the)\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{0,2}}{NOT_PREPOSITION}[a-z][{WORD}'’-]*,?\s+"
    # "(Birkhang's sister, Rwisumwi)": whose relative the role is, first
    rf"|[{UPPER}][{WORD}'’-]*['’]s\s+(?:[a-z][{WORD}'’-]*\s+)?[a-z][{WORD}'’-]*,\s+"
    rf"|(?:newcomer|guest\s+star)\s+)|(?:young|younger|teenage|little|old|older|adult)\s+)?"  # "(young Themba)"
    rf"(?P<right>{ROLE})(?:,(?P<tail>[^()\n]{{1,80}}))?\)"
)  # "Aled (Ifor ap Rhys, doing his best work of the season)", "Isla (voiced by …)", "Kimura (as Isla)" too;
# "Zbigniew Kotarba (a superbly oily Andrzej Pietruszka)", "Isolt (newcomer Peony Gaudin)": a person described
# An award's winner before the work's title: "Best Actor: Marlon Ebanks, Port Royal Blues (as …)".
AWARD = r"\b(?:Best|Outstanding|Most)\b"  # the word an award's name opens with: "Best Comedy Series"
AWARD_WINNER_RE = re.compile(rf"{AWARD}\s+[^:.;()\n]{{1,60}}:\s+(?P<actor>{NAME}),\s+$")
# The years a role was played, after its name: "(Tess Dane, 1998–2011)", "(Nurse Opal, 1986–present)".
TENURE_RE = re.compile(r"\s*(?:from\s+)?(?:19|20)\d\d\s*(?:[–—-]|to)\s*(?:(?:19|20)\d\d|present|now|today)\b")
# What follows a dateline's name: the sentence goes on about the person.
DATELINE_RE = re.compile(r",\s+(?:who|whose|the|a|an|\d)\b|\s+(?:has|had|is|was|will|said|says)\b")
# "Saltings (Tonn One, Sunday)", "(BBC Two, 9pm)": a listing's channel and time, not a credit.
LISTING_TAIL_RE = re.compile(
    r"\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekdays|weeknights|nightly|tonight|tomorrow"
    r"|\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)|from\s+\d)\b",
    re.IGNORECASE,
)
# A cast list's "Peggy Hanratty: Bláthnaid Ruane" line: which side is the actor is decided as for a dash.
COLON_LIST_RE = re.compile(
    # a role named by what it is: "The Woman Under the Tree ........ Margaret Wairimũ Ndũng'ũ"
    rf"^[ \t]*(?:[-*•][ \t]+)?(?P<left>{ROLE}(?:[ \t]+(?:the|of|in|on|at|by|and|a|an)(?:[ \t]+(?:the|a|an))?"
    rf"[ \t]+{CAP_WORD}){{0,2}})"
    # a closing credit's dot leaders may follow what the role is: "Kuntur, the condor ........ Wayra Quispe Loayza"
    # (or whatever else is said of the role there: "Mama Yei, who runs the rice stall ........", "Vandi, Mama
    # Yei's nephew ........")
    rf"(?:,[ \t]+[^\n.…:;]{{1,60}}?(?=[ \t]*(?:\.{{2,}}|…+)))?"
    rf"[ \t]*(?::|\.{{2,}}|…+|(?<=[ \t])/(?=[ \t]))[ \t]*"  # (a place card's "ACTOR / Role", too)
    # … or before the role's name, whose relative it is: "Tsagan Ochirova ........ Nyudlya's mother, Kermen"
    rf"(?:(?<=\.)[ \t]*{CAP_WORD}['’]s[ \t]+[a-z][a-z \t'’-]{{0,30}}?,[ \t]+)?"
    rf"(?P<right>{ROLE})[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)  # and a closing credit's dot leaders: "Opa Wiebe ..... Hendrik Jan ter Horst"
PAIRED_LIST_RE = re.compile(
    rf"^[ \t]*(?:[-*•][ \t]+)?(?P<left>{CAP_WORD}[ \t]+and[ \t]+{ROLE})[ \t]*(?::|\.{{2,}}|…+)[ \t]*"
    rf"(?P<right>{CAP_WORD}[ \t]+and[ \t]+{ROLE})[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
SIDES = ("left", "right")
# A cast board's items between semicolons: "…: Don Ernesto - Ramiro Bustamante; Chela - María Soledad Kaplan;
# Lalo, the tango singer - Gabriel Yáñez Ferrari."
BOARD_RE = re.compile(
    rf"(?:^|[:;][ \t]+)(?P<left>{ROLE})(?:,[ \t]+(?:the|an?|his|her|their)[ \t]+[a-z][^;:()\n]{{0,40}}?)?"
    rf"[ \t]+[-–—][ \t]+(?P<right>{ROLE})(?=[ \t]*(?:[;.]|$))"
)
# "(Understudy for Chela: Ana Lía Gorostiaga.)", "understudy to Chela, Ana Lía Gorostiaga"
UNDERSTUDY_RE = re.compile(
    rf"\b[Uu]nderstudy[ \t]+(?:for|to)[ \t]+(?P<character>{ROLE})[ \t]*[:,][ \t]*(?P<actor>{NAME})"
)
# "Tomás Varga-Whitaker — Detective Constable Danny Ferris —", or a cast list's "Name — Role" line.
DASH_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<left>{NAME})[ \t]+[—–][ \t]+(?P<right>{ROLE})(?=[ \t]*(?:[—–,;]|$))"
    rf"(?![ \t]*[—–][ \t]*[\d£$€])",  # not a table's row, "Bargain Barns – Copperleaf – 3.71m"
    re.MULTILINE,
)
# A numbered list of roles, each described, its actor after a dash at the line's end: "2. Rustam, the doira player
# who accompanied Ustod Nurali for thirty years — Bahodur Qosimov" (a credit only where the list has two such lines)
NUMBERED_DASH_LIST_RE = re.compile(
    rf"^[ \t]*\d{{1,2}}[.)][ \t]+(?P<left>{NAME}),[^—–\n]{{1,160}}?[ \t][—–][ \t]+(?P<right>{NAME})[ \t]*$",
    re.MULTILINE,
)
# A list's lines written with a spaced hyphen, "Máiréad Ní Fhlaithearta - Bríd, 1994-2003": the actor, then the role.
HYPHEN_LIST_RE = re.compile(
    rf"^[ \t]*(?P<left>{NAME})[ \t]+-[ \t]+(?P<right>{ROLE})(?=[ \t]*(?:,|$))(?![ \t]*-[ \t]*[\d£$€])", re.MULTILINE
)
HYPHEN_LINE_RE = re.compile(r"[^\n]{1,60}?[ \t]-[ \t]\S[^\n]{0,80}$")
DASH_OPENER_RE = re.compile(rf"[ \t]*(?P<left>{NAME})[ \t]+[—–][ \t]+")
# Between dashes, what is said of the actor after the role: "the farmer Manolis Mavridis – Yannis Kourtidis,
# in the role that made him famous –", "Nana Akosua Frimpong – Grace Adomako-Lartey, at her most regal –".
DASH_ACTOR_AFTER_RE = re.compile(
    r",[ \t]+(?:in[ \t]+the[ \t]+(?:[a-z]+[ \t]+)?(?:role|part)\b|at[ \t]+(?:his|her|their)[ \t]+(?:most|best|finest)\b"
    r"|in[ \t]+(?:his|her|their)[ \t]+(?:first|finest|best|last)[ \t]+(?:role|part|screen|film|performance)\b)"
)
# A description between commas before the role's name: "the eldest of three sisters, Constance Harrow",
# "Jess's best friend and occasional enemy, Robbie Kaye". "Of" may join its words, no other preposition.
DESCRIBED = (
    # "Bà Tư's son, the stall-holder …": an owner of up to three names
    rf"(?:(?:the|an?|his|her|their|its|(?:[{UPPER}][\w-]*\s+){{0,2}}[{UPPER}][\w-]*['’]s)\s+"
    rf"(?:(?:of|{NOT_PREPOSITION}[a-z][{WORD}'’-]*|[A-Z]{{2,4}})\s+){{0,7}}"
    rf"(?:[a-z][{WORD}'’-]*|[A-Z]{{2,4}}),\s+"  # "the station's night DJ, Roxanne Delorme": an abbreviation too
    # "his wife, known in the village only as Indo' Upe": the name the role goes by
    rf"(?:known(?:\s+(?:to|in|on|at|around|among)\s+[^,;.:“”\"\n]{{1,40}}?)?(?:\s+(?:only|simply|just))?\s+as\s+)?)"
)
# A longer description, any words, when the role's name ends the sentence or a dashed aside follows it:
# "plays the widowed landowner at the heart of the show, Miss Ivy Blackwood.", "…, Avi Quim – avi is …".
DESCRIBED_AT_LENGTH = (
    # (a place's name inside it: "plays the patriarch on the Russian bank, Halu Rasim;")
    rf"(?:(?:the|an?|his|her|their)\s+(?:(?:[a-z][{WORD}'’-]*|[{UPPER}][{WORD}'’-]*(?=\s+[a-z]))\s+){{2,10}}?"
    rf"[a-z][{WORD}'’-]*,\s+(?={ROLE}\s*(?:[.;]|$|[–—]\s)))"
)
# A description that ends by naming the role: "will play a Busan fish broker called Seok Man-gil".
DESCRIBED_CALLED = rf"(?:(?:the|an?)\s+(?:[{WORD}'’-]+\s+){{0,6}}?(?:called|named)\s+)"
# A description with a clause of its own, then the role's name: "plays the old coach who agrees to
# train them, Patxi Zubizarreta, and …".
DESCRIBED_BY_CLAUSE = (
    rf"(?:(?:the|an?|his|her|their)\s+(?:[a-z][{WORD}'’-]*\s+){{1,3}}(?:who|whom|that)\s+[^,.;:()“”\"]{{1,60}},\s+"
    rf"(?={ROLE}(?:\s*[,.;]|\s+and\b|$)))"
)
# "Ljiljana Petković, a Belgrade-born stage actress who had …, by her own account, never …, played the
# motel's owner, Mrs. Vesna Draganić.": a long description, commas and all, between actor and verb.
DESCRIBED_ACTOR_PLAYED_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),\s+(?:an?|the)\s+\w[^.;:()“”\"]{{20,260}}?,\s+"
    rf"(?:played|plays|portrayed|portrays|voiced|voices)\s+(?:{DESCRIBED}|{FILLER})(?P<character>{ROLE})"
)
# A costume or a prop and who wore it: "The iron crown of Queen Maelis, worn by Sigrid Ålund-Tamaki",
# "Lady Ysolde Marrow's green wool riding cloak – as worn by Anjali Raghunathan-Birch", "The mask of Vorn,
# the Hollow King, worn on set by the stunt performer Mikael Järvinen-Obi and voiced in the edit by …".
WORN_BY_RE = re.compile(
    rf"(?:\bof\s+(?P<character>{ROLE}),\s+(?:the\s+[^,.;:()“”\"]{{1,40}},\s+)?"
    rf"|(?<![{WORD}'’-])(?P<owner>{NAME}['’]s)\s+(?:[a-z][{WORD}'’-]*\s+){{0,5}}[a-z][{WORD}'’-]*\s*[–—,]?\s*)"
    rf"(?:as\s+)?worn\s+(?:on\s+(?:set|screen)\s+)?by\s+(?:the\s+(?:[a-z][{WORD}'’-]*\s+){{0,3}})?(?P<actor>{NAME})"
    rf"(?:\s+and\s+voiced\s+(?:[a-z]+\s+){{0,3}}?by\s+(?P<voice>{NAME}))?"
)
# "Kieran Mowbray, the stunt double for Jude Okafor-Lindqvist, who plays …": the one who plays is the star.
DOUBLE_FOR_RE = re.compile(
    rf",\s+(?:the|an?|his|her|their)\s+(?:[a-z][{WORD}'’-]*\s+){{0,2}}(?:double|stand-in|understudy|lookalike)"
    rf"\s+(?:for|to|of)\s+(?P<star>{NAME}),\s+who\s"
)
# An award's "for his Hal Crozier in Pigeon Fancier", "for her blistering Ione Threadgill in The Salt Widow":
# a performance, its actor the name before it.
PERFORMANCE_FOR_RE = re.compile(
    rf"\bfor\s+(?:his|her|their)\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{0,2}}(?P<character>{ROLE})"
    rf"\s+(?:in|on)\s+(?:the\s+)?[{UPPER}]"
)
# An age written out: "Otis Kershaw, nineteen, has a small part as Stig".
AGE_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight"
    r"|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|nine|eight|seven"
    r"|six|five)"
)
AGE_IN_WORDS = rf"{AGE_WORD}(?=,)"
# An age set off after a name, in figures or words: "Bethlehem Girma, 17,", "Bethlehem Girma, seventeen,".
AGE = rf"(?:\d{{1,3}}|{AGE_WORD})"
# What a participle set off between commas governs: "frightened of both women", "named after the poet-queen"
GOVERNED = r"(?:of|by|in|on|at|from|to|after|with|for|into|about)"
# "Leo Albright, who plays Inspector Crane" / "Albright plays Crane" / "Albright stars as Crane".
# The verbs that open a sentence's predicate after its subject: what follows a name that is no role
CLAUSE_VERB = (
    r"(?:did|does|said|says|was|is|had|has|would|will|could|can|told|tells|asked|asks|answered|replied|laughed"
    r"|agreed|admits|admitted|recalls|recalled|remembers|remembered|thinks|thought|hesitated|paused)"
)
PLAYS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})"
    # "Leo Albright, 38,", ", the 51-year-old veteran who", ", known as Ash,", " — Toby, to everyone — "
    rf"(?:(?:,\s+(?:(?:then\s+|now\s+|aged\s+)?(?:\d{{1,3}}|{AGE_IN_WORDS})|(?:then\s+|also\s+)?(?:an?|the)\s+[^,;.()“”\"]{{1,100}}"
    rf"|known\s+as\s+{NAME}"
    # ", best known as the smooth-talking politician Neo Masilela in the campus drama Res Life,"
    rf"|(?:still\s+)?best\s+known(?:\s+to\s+[^,;.()“”\"]{{1,40}}?)?\s+(?:as|for)\s+[^,;.()“”\"]{{1,100}}"
    rf"|(?:now|still)\s+{CLAUSE}|who\s+{LONG_CLAUSE}|no\s+relation"  # ", who co-wrote the series,", ", no relation,"
    # ", whom most of you will know as Kobby from his years on the radio,"
    rf"|whom\s+[^,;.()“”\"]{{1,60}}?\s+(?:know|knew|knows|call|calls|called)\s+as\s+[^,;.()“”\"]{{1,50}}"
    # ", at nineteen the youngest of the four,", ", nineteen at the time and in her first film,"
    rf"|(?:at\s+)?{AGE}\b[ \t]+[a-z][^,;.()“”\"]{{0,80}}"
    rf"|whose\s+{LONG_CLAUSE}"  # ", whose family came to the Netherlands from Suriname in 1975,"
    rf"|who\s+(?:has|had)\s+spent\s+[^,;.()“”\"]{{1,70}}"
    # ", as the credits print her, surname first in capitals in the Beninese way,"
    rf"|as\s+(?:the\s+)?(?:credits?|papers?|programme|posters?|listings?)\s+(?:print|prints|printed|list|lists|listed"
    rf"|write|writes|wrote|spell|spells|spelt|spelled)\s+(?:her|him|them)(?:,\s+[a-z][^,;.()“”\"]{{1,60}})?"
    rf"|born\s+(?:in|on)\s+[^,;.()“”\"]{{1,60}})){{1,2}}"  # ", born in Tromsø,", ", who has spent a long career …,"
    rf"(?:,|(?=\s+who\b)))?"
    rf"(?:[ \t]+[—–][ \t]+[^—–.\n]{{1,60}}?[ \t]+[—–])?,?\s+(?:(?:and\s+)?who\s+)?"  # ", …, and who also plays"
    # ", who spent forty years playing kings at the National and now voices"
    # ", 44, was born in Girona and plays"
    rf"(?:(?:who\s+(?!plays|played|voices|voiced)|(?=(?:was|is|grew|came|trained|lives|moved)\b))"
    rf"[^,;.()“”\"]{{1,80}}?,?\s+and(?:,\s+[a-z]+ly,)?\s+)?"  # ", is Tun Pedro off screen, and, confusingly, plays"
    rf"(?:(?:has|had|also|now|is|was|will|been|normally|usually|currently|still|regularly|otherwise|recently"
    rf"|most\s+recently|memorably|famously|since)\s+){{0,3}}"  # "who has since been cast as"
    rf"(?:plays|played|portrays|portrayed|portray|stars as|starred as|is playing|will play|returns as|joins as"
    rf"|(?:is|are|(?:would|will)\s+be)\s+back\s+as"  # "confirmed that X would be back as the driver, Pak Darto"
    rf"|(?<=has\s)performed|(?<=had\s)performed"  # a puppet's: "who has performed Chú Cóc since the first episode"
    rf"|co-stars as"
    # "who has been tapped to play", "was chosen to play"
    rf"|(?:tapped|chosen|picked|signed|hired|drafted|lined\s+up|brought\s+in)\s+to\s+(?:play|portray)"
    rf"|to\s+(?:play|portray)"  # "we cast Harriet Ossory-Blyth to play Dr Jane Fairweather"
    rf"|(?:is\s+|are\s+)?joining\s+as"
    # "has a small part as Stig", "rounds out the cast as the ferryman, Wat Gilly", "appears in the remake as"
    rf"|(?:has|had|gets|got|landed|lands)\s+(?:an?\s+)?(?:[a-z]+\s+){{0,2}}(?:part|role)\s+as"
    # "has the small, lovely part of Usumee Saburaa"
    rf"|(?:landed|lands|won|wins|got|gets|took|takes|read|reads|has|had)\s+the\s+(?:[a-z]+,?\s+){{0,3}}(?:part|role)\s+of"
    rf"|(?:rounds|rounded|round|completes|completed)\s+out\s+the\s+(?:[a-z]+\s+)?cast\s+as"
    rf"|(?:appears|appeared|appearing)(?:\s+(?:in|on)\s+(?:the|this|that)\s+[a-z]+)?,?\s+as"
    rf"|(?:gives|gave|giving)\s+(?:a\s+)?voice\s+to"
    # "joined the West End transfer as Nigel"
    rf"|(?:joins|joined|will join|has joined|returns to|returned to)\s+the\s+(?:[\w-]+\s+){{0,2}}"
    # "joined the programme in 2009 as Christy's niece, Gráinne"
    rf"(?:cast|company|production|transfer|revival|ensemble|programme|program|show|series|soap|serial|drama)"
    rf"(?:\s+in\s+(?:\d{{4}}|the\s+\d{{4}}s))?\s+as"
    # "arrived in 1996 as Nurse Gráinne Hurley", "joined in 2019 as", "first appeared in 1988 as"
    rf"|(?:arrived|arrives|joined|joins|debuted|first\s+appeared|returned|came\s+back)\s+in\s+(?:\d{{4}}|the\s+\d{{4}}s)\s+as"
    rf"|(?:has been|had been|have been|was|is|will be)\s+(?:already\s+)?cast\s+as|(?:already\s+)?cast\s+as"
    rf"|voices|voiced|(?:lends|lent|lending)\s+(?:her|his|their)\s+voice\s+to|the\s+voice\s+of"
    rf"|(?:originated|originates|took\s+on|takes\s+on|plays|played|landed|won|is\s+in|in)\s+the\s+(?:title\s+)?role\s+of)"
    # not "Obinna Anozie, who usually plays him, but his understudy, Kelechi Nwosu-Hart": the role went before
    rf"(?!\s+(?:him|her|them|it)(?:\s*[,.;:—–)]|\s+(?:but|and|while|when|with|on|in|at|tonight|every)\b))"
    rf"\s+(?:{DESCRIBED_CALLED}|{DESCRIBED}(?:(?:the|an?)\s+(?:{NOT_PREPOSITION}(?!(?:and|or)\s+(?:an?|the)\b)[a-z][{WORD}'’-]*\s+){{1,9}}?)?"
    rf"|{DESCRIBED_AT_LENGTH}|{DESCRIBED_BY_CLAUSE}|{FILLER})"
    rf"(?P<character>{ROLE})"  # "plays her partner, the gentle and deeply unlucky … officer Linus Finch"
    # not "who plays her grandmother, Diễm did not hesitate": the next clause's subject
    rf"(?![ \t]+(?:[{UPPER}][{WORD}'’-]*[ \t]+)?{CLAUSE_VERB}\b)"
)  # "lends her voice to Isla", ", the voice of Isla,", "originated the role of Isla on stage"
# "Detective Constable Danny Ferris, played by Tomás Varga-Whitaker", "Dai Hopcyn, the shift foreman
# played by Rhys Penberthy", "Justice Harcourt, played with glacial relish by Laurence Ebo".
# "the Glaswegian actress", "a Welsh newcomer": where someone is from, before what they are.
DEMONYM = rf"(?:[{UPPER}][{WORD}]+-)?[{UPPER}][{WORD}]+(?:ian|ish|ese|ean|an|ic|i)"  # "Scottish-Korean" too
# A preposition, and perhaps a word of the place's name, before where a role's name would start.
PLACE_BEFORE_ROLE_RE = re.compile(
    # not "It centres on Tigist, who keeps a coffee house …, played by …": whom a story is about
    r"(?<!\bcentres )(?<!\bcenters )(?<!\bcentred )(?<!\bcentered )(?<!\bfocuses )(?<!\bfocused )(?<!\brevolves )"
    rf"\b(?:on|in|at|of|from)[ \t]+(?:[{UPPER}][{WORD}'’-]*[ \t]+)?$"
)
# Capitalised words that open a sentence or a clause, never a role's name: not "In the first episode, Abel
# Marr, played by …".
SENTENCE_WORDS = (
    r"(?:It|This|That|There|Here|He|She|They|We|I|The|A|An|In|On|At|For|From|With|After|Before"
    r"|When|While|As|But|And|Then|So|If|By|During|Since|Until|Once|Of|To|Although|Though|Because|Meanwhile"
    r"|Later|Now|Also|Yet|Still|Even|Only|Behind|Across|Among|Inside|Outside|Above|Below|Beside|Between|Beyond"
    r"|Under|Over|Around|Through|Throughout|Along|Near|Opposite|Within|Without|Upon|Against|Despite|Unlike"
    r"|Like|Next|Back|Up|Down|Out|Off|Where|Today|Tonight|Yesterday|Tomorrow)"
)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?"
# The passive verbs of a credit: "played by", "is brought to life by".
# "read" at a table read: "Her screen son, Khadar, was read by Idris Ahmed-Pryce"
PLAYED_VERB = r"(?:played|portrayed|voiced|performed|embodied|brought\s+to\s+life|worked|puppeteered|operated|read)"
PLAYED_BY_RE = re.compile(
    # Not "It is Nola's son, Ricky Cheever, played by …": "It" would take the whole clause as its description;
    # nor "In the first episode, Abel Marr, played by …".
    rf"(?<![{WORD}'’-])(?!{SENTENCE_WORDS}(?![{WORD}'’-]))"
    rf"(?P<character>{ROLE})(?![ \t]+[{UPPER}][\w-]*['’]s\b)"  # not "Ward" of "Ward Four's"
    rf"(?:[ \t]+[–—][ \t]+[^–—.;\n]{{1,80}}?[ \t]+[–—](?=[ \t]+(?:is|was)[ \t]))?"  # "Ta Boon – ta is … – is played by"
    rf"(?:[ \t]+of[ \t]+the[ \t]+[a-z][^,.;:()“”\"]{{0,40}}(?=,))?"  # "Parveen Malik of the corner shop, played by"
    rf"(?:,|[ \t]+[–—])?\s+"
    rf"(?:(?:and\s+)?(?:she|he|they)\s+(?:is|was|are)\s+|who\s+is\s+|is\s+|was\s+)?"
    # "the widowed, unbending patriarch", "a Reykjavík detective"
    rf"(?:(?:the|an?)\s+(?:{NOT_PREPOSITION}(?:[a-z][{WORD}'’-]*|[{UPPER}][{WORD}'’-]+(?=\s+[a-z])),?\s+){{1,5}}"
    # (one clause: not "…, and the neighbour she feuds with, Don Leoncio," of the next credit)
    # (nor "…, the Penang family saga whose matriarch, Madam Khoo," of a role named inside it)
    rf"|(?:the|an?|[{UPPER}][\w-]*['’]s)\s+(?:(?!,\s+(?:and\s+(?:the|an?|his|her|their)\s|[{UPPER}]))[^.;:()“”\"]){{1,120}}?,\s+"
    # "Kaka Fanna, his mother, is played by …": whom the role is to another, set off by commas
    rf"|(?<=,[ \t])(?:his|her|their)\s+[a-z][{WORD}'’-]*(?:\s+[a-z][{WORD}'’-]*){{0,2}},\s+"
    rf"|(?:who|whom)\s+[^.;:()“”\"]{{1,100}}?,\s+"  # "Annag, whom he has not seen in years, played by …"
    # "Sai Noom, who is engaged to the headman's daughter and is played by …"
    rf"|who\s+(?:is|was|has\s+been)\s+[^.;:()“”\",]{{1,100}}?\s+(?=and\s+(?:is|was)\s+{PLAYED_VERB}\s)"
    # "Ulai's husband, Tebei, frightened of both women, is played by": a participle and what it governs
    rf"|[a-z]+ed\s+{GOVERNED}\s+(?:(?![{UPPER}])[^.;:()“”\",]){{1,70}},\s+"
    # "Giorgi Beridze, known to the whole family as Gogi, and he is voiced by …"; "…, known to everybody as
    # Thatha, grandfather, and he is played by …"
    rf"|known(?:\s+to\s+[^,.;:()“”\"]{{1,40}}?)?\s+as\s+[^,.;:()“”\"]{{1,40}},(?:\s+[a-z][^,.;:()“”\"]{{0,40}},)?\s+"
    rf"(?=and\s+(?:she|he|they)\s)"
    rf"|(?:an?|the)\s+[^.;:()“”\",]{{1,80}}?\s+who\s+(?:is|was|has\s+been)\s+"  # "Miss Huhu, a beetle who is voiced by"
    # "Maureen Hatch, the widowed head of the family firm, who is played by"
    rf"|(?:an?|the)\s+[^.;:()“”\",]{{1,80}},\s+who\s+(?:is|was|has\s+been)\s+"
    rf"(?=(?:operated\s+and\s+|performed\s+and\s+)?{PLAYED_VERB}\s))?"
    # "Gaz Whelan, the form's petty criminal, was played by …", "…, a puffin …, and she is voiced by …",
    # "…, will be played by …"
    # "Banoo Touran, who runs the weaving house …, and who was played … by"
    # "will still be played by"
    rf"(?:(?:and\s+)?(?:(?:she|he|they|(?<=and\s)who)\s+)?(?:is|was|will\s+(?:still\s+|now\s+)?be|has\s+been|is\s+being)\s+)?"
    rf"(?:operated\s+and\s+|puppeteered\s+and\s+|performed\s+and\s+)?"  # "who is operated and voiced by"
    rf"(?:(?:now|also|later|originally|first|then)\s+)?"  # "Nuala Costigan, now played by …"
    # "is played on screen, as on stage, by …"
    # "is played on Tuesdays, Wednesdays and Sundays by"
    rf"(?:as\s+)?{PLAYED_VERB}(?:,?\s+(?:with\s+)?(?:[a-z\d][{WORD}'’-]*|{DEMONYM}|{WEEKDAY})){{0,9}}?"
    rf"(?:\s+in\s+[{UPPER}][{WORD}'’-]+)?"  # "is played in Britain by …"
    rf"(?:,[ \t]+(?:on|in|at)[ \t]+[^,.;:()“”\"]{{1,60}},)?,?\s+by\s+"  # "played, on a stage in Acton, by"
    rf"(?:(?:the|an?)\s+(?:[\w'’]+-(?:born|based|raised|bred)\s+|{DEMONYM}\s+"
    rf"|(?:[{UPPER}][{WORD}'’-]+\s+){{1,2}}(?=[a-z]))?"  # "the Samoan-New Zealand actor"
    # "the veteran Tamil stage actor"
    rf"(?:(?:[a-z]|\d)[{WORD}'’-]*\s+(?:[{UPPER}][{WORD}'’-]+\s+(?=[a-z]))?){{0,3}}"
    rf"|{NOT_PREPOSITION}(?:[a-z][{WORD}'’-]*\s+){{1,2}}(?=[{UPPER}])"
    rf"|[{UPPER}][\w-]*['’]s\s+[a-z][{WORD}'’-]*,?\s+"  # "played by Tesfaye's daughter, Hiwot Tesfaye"
    rf"|(?:his|her|their)\s+(?:own\s+)?[a-z][{WORD}'’-]*,\s+)?"  # "played by his own daughter, Mehriban Mukhtar"
    rf"(?:[\w'’]+-(?:born|based|raised|bred|year-old)\s+)?(?P<actor>{NAME})"
)  # "played by the newcomer Beatrix Yeo", "by the 16-year-old Beatrix Yeo", "by guest star Bea Yeo" too
# A sentence's subject, described at length, then the actor: "In the original, Agatha Pennyfeather,
# retired postmistress, amateur sleuth and the terror of Much Wendle, is played by Hermione Blakiston-Yeo".
SUBJECT_PLAYED_BY_RE = re.compile(
    rf"(?:^|(?<=[.!?][ \t])|(?<=[.!?][”\"][ \t]))"
    rf"(?:(?:In|On|At|For|From|After|Before|During|Since)[ \t][^,.;:“”\"]{{1,40}},[ \t]+)?"
    # "The engineer Pětr, sent from Dresden …, is played by" (not "The fifth Kestrel, the gang's lookout, Ferdie
    # Almond, was played by": a word of the show's, then the role)
    rf"(?P<described>(?:The|An?)[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{1,2}})?"
    rf"(?P<character>{ROLE}),[ \t]+(?!(?:who|whom|which|and|but)\b)[a-z]"
    rf"(?:(?!\b(?:plays|played|playing|voices|voiced|portrays|portrayed|by|as|is|was)\b)"
    rf"(?(described)(?!,[ \t]+[{UPPER}]))[^.;:()“”\"]){{1,200}},"
    rf"[ \t]+(?:is|was)[ \t]+(?:played|portrayed|voiced)[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,4}}?by[ \t]+"
    rf"(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,3}})?(?P<actor>{NAME})"
)
# "whose son Kofi runs the London end, in the steady hands of Kwame Boakye-Ansah", "the street's gossip,
# Senga Boyle, was in the front pew, in the person of Christina Muir-Ogundipe": the actor a role is left to.
IN_THE_HANDS_OF_RE = re.compile(
    rf"(?<![{WORD}'’-])(?!(?:{SENTENCE_WORDS}|His|Her|Their|Its)(?![{WORD}'’-]))"
    rf"(?P<character>{ROLE})(?:['’]s)?[^.;:()“”\"–—]{{0,100}}?,[ \t]+in[ \t]+the[ \t]+"
    rf"(?:[a-z]+[ \t]+){{0,2}}(?:hands|person)[ \t]+of[ \t]+(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,3}})?"
    rf"(?P<actor>{NAME})"
)
# "Gaz is played by Fintan Vesey and Stevie by Colm Vesey": a second role and actor, the verb left out.
# Read from every "by" (a lookahead, so that one gap's actor can open the next): "The eldest is played by
# Nives Kovačić, the youngest, Lucija, by Tena Đurić, and the neighbour, Barba Jure, by Zdravko Pavičić".
GAPPED_PLAYED_BY_RE = re.compile(
    rf"(?=\b(?:(?:played|portrayed|voiced)\s+)?by\s+(?:the\s+(?:[a-z][{WORD}'’-]*\s+){{0,3}}?)?{NAME}"
    rf"(?:,\s+(?!and\b)[a-z\d][^,;.:()“”\"]{{0,60}}){{0,2}}"  # ", who lives in Zoutendijk, in a white house", ", 77"
    # "…, Genzō by the veteran Kanda Tetsuo and Kogitsune by …": a list of roles, each with its "by"
    rf"(?:,?\s+(?:and|while|with)\s+|;\s+(?:and\s+)?|,\s+(?=(?:his|her|their|its|the)\s)"
    rf"|,\s+(?=[{UPPER}][{WORD}'’-]*\s+by\s))"
    # "…, and her husband and business partner, the Salford iron founder Josiah Thwaite, by Idris Mbeki-Lowe";
    # "her son, the home’s exhausted manager, Piotr Nowicki, by …"
    rf"(?:(?:(?:his|her|their|its|the)\s+[^,;.:()“”\"]{{1,120}},\s+(?:and\s+[a-z][^,;.:()“”\"]{{1,60}},\s+)?){{1,2}}"
    rf"(?:the\s+(?:[{WORD}'’-]+\s+){{0,4}}?)?"
    # "; and the harbourmaster Edmund Kowal, …, by", ", and his daughter Rosa by"
    rf"|(?:the|his|her|their|its)\s+(?:[a-z][{WORD}'’-]*\s+){{1,3}}?)?"
    # "…, a nurse from the south called Rebecca, by …"
    rf"(?:(?:an?|the)\s+[^,;.:()“”\"]{{1,80}}?\s+(?:called|named)\s+)?"
    rf"(?P<character>{ROLE}),?\s+"
    # "their daughter, Gabija, who has come home to sell it, by …", "Dona Zuleika, the landlady who …, by …"
    rf"(?:(?:who|whom|the|an?)\s+[^,;.:()“”\"]{{1,100}},\s+)?"
    rf"by\s+(?:the\s+(?:[a-z\d][{WORD}'’-]*\s+|[\w'’]+-(?:born|based|raised|bred)\s+|{DEMONYM}\s+(?=[a-z])){{1,3}}?"
    rf"|(?:his|her|their)\s+(?:own\s+)?[a-z][{WORD}-]*,\s+)?"  # "… by his own daughter, Ganboldyn Saruul"
    rf"(?P<actor>{NAME}))"  # "… by the Bristol-born Rupert Ellingham"
)  # "Tilly was played by Rosalind Yeboah-Crane, then a pupil, and her father, Amos, by the late Desmond …",
# "… and the grandmother who runs them, Halmeoni Bok-soon, by the veteran Na Young-hee"
# "Tansy Okolie, Rosamund Elphick and Bea Strangways as the sisters June, Dot and Phyllis Pike": actors
# and roles listed in the same order. Paired only when the two lists are as long.
LISTED_AS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actors>{NAME}(?:,[ \t]+{NAME}){{1,6}},?[ \t]+and[ \t]+{NAME})"
    rf"[ \t]+(?:(?:play|star|appear)[ \t]+)?as[ \t]+(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,3}})?"
    rf"(?P<roles>{ROLE}(?:,[ \t]+{ROLE}){{1,6}},?[ \t]+and[ \t]+{ROLE})"
)
# "Morven Gillespie and Akua Danso play the sisters, Jean and Effie Baxter": two or more actors, then what they
# play together and the roles in the same order
LISTED_PLAY_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actors>{NAME}(?:,[ \t]+{NAME}){{0,5}},?[ \t]+and[ \t]+{NAME})[ \t]+"
    # "… appear as Opio and Ocen", "… star as …"
    rf"(?:play|played|(?:appear|appeared|star|starred|are[ \t]+cast)[ \t]+as)[ \t]+"
    # "… play his granddaughters, the sisters Nalule and Nabukenya", "… play Nalule and Nabukenya"
    rf"(?:(?:his|her|their)[ \t]+[a-z][{WORD}'’-]*,[ \t]+)?"
    rf"(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,2}}[a-z][{WORD}'’-]*,?[ \t]+)?"
    rf"(?P<roles>{ROLE}(?:,[ \t]+{ROLE}){{0,5}},?[ \t]+and[ \t]+{ROLE})"
)
# "Rua and Tipene Kingi are played, respectively, by the real-life brothers Hone and Rāwiri Mahuika".
LISTED_PLAYED_BY_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<roles>{ROLE}(?:,[ \t]+{ROLE}){{0,5}},?[ \t]+and[ \t]+{ROLE}),?[ \t]+"
    rf"(?:(?:are|were|will[ \t]+be)[ \t]+)?"
    rf"(?:played|voiced|portrayed)(?:,?[ \t]+respectively,?)?[ \t]+by[ \t]+"
    rf"(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,3}})?"
    rf"(?P<actors>{NAME}(?:,[ \t]+{NAME}){{0,5}},?[ \t]+and[ \t]+{NAME})"
)
# "…; and the lovers caught between them, Leonor and Duarte, by Inês Tavares Gouveia and Rui Pedro Carvalho": two
# roles and two actors in one gap of a sentence that said "played by" before it
GAPPED_LISTED_RE = re.compile(
    rf"(?:;\s+(?:and\s+)?|,\s+and\s+)(?:(?:his|her|their|its|the)\s+[^,;.:()“”\"]{{1,120}},\s+)?"
    rf"(?P<roles>{ROLE}(?:,[ \t]+{ROLE}){{0,3}},?[ \t]+and[ \t]+{ROLE}),\s+by\s+"
    rf"(?P<actors>{NAME}(?:,[ \t]+{NAME}){{0,3}},?[ \t]+and[ \t]+{NAME})"
)
PLAYED_BY_BEFORE_RE = re.compile(r"\b(?:played|voiced|portrayed)\b[^.;]*?\bby\b")
LIST_SPLIT_RE = re.compile(r",?[ \t]+and[ \t]+|,[ \t]+")
# "… and Zbigniew Marczak for The Night Pharmacy, in which he is the widowed chemist Lech Sadowski": who
# a prize or a nomination names, then the role "in which" the pronoun plays.
FOR_IN_WHICH_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})\s+for\s+[^;.()“”\"]{{1,80}}?,\s+in\s+which\s+(?:she|he|they)\s+"
    rf"(?:plays|played|is|was|voices|voiced|stars\s+as|starred\s+as)\s+"
    rf"(?:(?:the|an?)\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{1,4}})?(?P<character>{ROLE})"
)
PLAYED_BY_LINE_RE = re.compile(
    rf"[*_\s]*(?:Played|Portrayed|Voiced)\s+by\s+(?:the\s+(?:[a-z][{WORD}'’-]*\s+){{1,3}}?)?(?P<actor>{NAME})[*_.\s]*"
)
ROLE_LINE_RE = re.compile(rf"[*_#\s]*(?P<role>{ROLE})[*_\s]*")
# A role written in capitals, up to three words: "VARDGES", "TAMADA ARSHAK", "THE PASTOR"
CAPS_ROLE = rf"[{UPPER}][{UPPER}'’-]+(?:[ \t]+[{UPPER}][{UPPER}'’-]+){{0,2}}"
# Letters, questions or calls "from" a list of people, each with where they write from in brackets
FROM_LIST_BEFORE_RE = re.compile(
    rf"\b(?:letters|questions|calls|messages|emails|come|comes|came)[ \t]+from[ \t]+"
    rf"(?:{NAME}[ \t]+\([^()\n]{{1,40}}\),?[ \t]+(?:and[ \t]+)?)*$"
)
PERSONAE_LINE_RE = re.compile(
    rf"[*_\s]*(?P<role>{CAPS_ROLE})[*_]*,[ \t]+[^()\n]{{1,100}}?[ \t]*\((?P<actor>{NAME})\)[*_.\s]*"
)


def _line_at(text: str, position: int) -> str:
    """The line of `text` that holds `position`."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


# A lookbook's or a programme's heading in capitals, the role last, over a line that opens with who plays or wears it:
# "LOOK 1. THE BRIDE'S FATHER, VARDGES" over "Worn by Hovhannes Abrahamyan. Brown wool suit, …"
CAPS_ROLE_LINE_RE = re.compile(rf"[*_#\s]*(?:[^,\n]*,[ \t]+)?(?P<role>{CAPS_ROLE})[*_.:\s]*")
BY_LINE_RE = re.compile(rf"[*_\s]*(?:(?:Played|Portrayed|Voiced|Worn)\s+by|Cast:)\s+(?P<actor>{NAME})")
# A casting listing's role in capitals, then what the part needs: "LELEI, the eldest sister. Fifties. Must sing."
ROLE_FIRST_LINE_RE = re.compile(rf"[*_#\s]*(?P<role>{CAPS_ROLE})[,.][ \t]")
# A numbered part in a career gone through role by role, then the show: "ROLE No. 4: Old Mwiya, the ferryman, in
# Crossing at Sioma (2009)", "ROLE No. 1: Tau the lion, in …", "Part three - Inspector Simasiku in Mongu Road"
NUMBERED_ROLE_RE = re.compile(
    rf"[*_#\s]*(?:ROLE|Role|PART|Part|CHARACTER|Character)[ \t]+(?:No\.?[ \t]*|#[ \t]*)?(?:\d+|[A-Za-z]+)"
    rf"[ \t]*[:.–—-][ \t]+"
    rf"(?P<role>{ROLE})(?:[ \t]+the[ \t]+[a-z][{WORD}-]*)?(?:,|[ \t]+in[ \t]+|[ \t]+[-–—(][ \t]*).*"
)
# A programme's biography under its role in capitals and its actor: "KWADWO - Kwabena Mensah-Bonsu" (not "THE CHIEF -")
ROLE_HEADING_RE = re.compile(
    rf"[*_#\s]*(?!THE\b|A\b|AN\b)(?P<role>{CAPS_ROLE})"
    rf"[ \t]+[-–—][ \t]+(?P<actor>{NAME})[*_\s]*"
)
# "The role of Ruth Mallory went to a repertory actress from Hull called Maud Ferrier", "the publican,
# Faye Brody, a role that went to Corinna Mallett", "Mother Grizelle Thorn, whom Marisa Lund has played".
ROLE_WENT_TO_RE = re.compile(
    rf"\b[Tt]he\s+(?:[a-z][{WORD}'’-]*\s+)?(?:role|part)\s+of\s+"
    # "the role of the gang's new recruit, a teenage joyrider called Pasco Trevail, went to …"
    # "the role of their father, the celebrated and, it turns out, dishonest cartographer Willem Brink, went to"
    # (never a place the description names: "the part of Lenka, …, home from university in Lipsk, went to …")
    rf"(?:[^,.;:()“”\"]{{1,60}}?,\s+(?:[^,.;:()“”\"]{{0,60}}?\b(?:called|named)|[^.;:()“”\"]{{0,100}}?\s{NOT_PREPOSITION}[a-z][{WORD}'’-]*)\s+)?"
    rf"(?P<character>{ROLE})"
    rf"(?:,[^.;:()“”\"]{{1,120}}?,)?,?"
    rf"\s+(?:went|goes|has gone|fell)\s+to\s+(?:[^.;:()“”\"]{{0,100}}?\s(?:called|named)\s+)?"
    rf"(?:(?:the\s+)?(?:[{UPPER}][\w-]*\s+)?(?:newcomer|unknown|actor|actress|star|comedian|singer|veteran)\s+)?"
    rf"(?P<actor>{NAME})"
    # "…, whose title role, Anneke, went to Femke de Wit"
    rf"|\bwhose\s+(?:[a-z]+\s+)?(?:role|part|lead),\s+(?P<titled>{ROLE}),\s+(?:went|goes|has\s+gone)\s+to\s+"
    rf"(?P<taker>{NAME})"
    rf"|(?<![{WORD}'’-])(?P<role>{ROLE}),\s+(?:a|the)\s+(?:role|part)\s+that\s+(?:went|had\s+gone|has\s+gone)\s+to\s+"
    rf"(?P<given>{NAME})"
    # "and in the role of Gelyung Lobsang, the young monk of the khurul, is Sanzhi Khaptsaev"
    rf"|\bin\s+the\s+(?:role|part)\s+of\s+(?P<inrole>{ROLE})(?:,[^.;:()“”\"]{{1,120}}?,)?\s+(?:is|was)\s+"
    rf"(?P<inactor>{NAME})"
    rf"|(?<![{WORD}'’-])(?P<played>{ROLE}),\s+whom\s+(?P<player>{NAME})\s+(?:(?:has|had|also|once)\s+)*"
    rf"(?:plays|played|voices|voiced|portrays|portrayed)\b"
    # "Ya Kumba, the market queen who runs the family from a stall, belongs to Yeabu Conteh"
    # (and never across another role's: "Tolya, the neighbour's boy, and Irina, …, belongs to" is Irina's)
    rf"|(?<![{WORD}'’-])(?P<owned>{ROLE}),\s+(?:the|an?)\s(?:(?!,\s+and\s+[{UPPER}])[^.;:()“”\"]){{1,160}}?,"
    rf"\s+belongs\s+to\s+(?P<owner>{NAME})"
)
# "she cast Lucia Brambilla-Nkemelu, previously a stand-up comic, as Sister Benedetta".
CAST_AS_RE = re.compile(
    rf"\b(?:cast|casts|casting|recast)\s+(?P<actor>{NAME})(?:,\s+[^,;.()“”\"]{{1,60}},)?\s+as\s+{FILLER}(?P<character>{ROLE})"
)
# "Sher Alam Kalash, a farmer from Birir cast as the stern old kazi, Kazi Mehtar": who the actor is, then the part.
DESCRIBED_CAST_AS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),\s+(?:an?|the)\s+[^,;.()“”\"]{{1,60}}?\s+cast\s+as\s+{FILLER}"
    rf"(?P<character>{ROLE})"
)
# "Yusuf Delacroix-Benn, who is Navigator Osric Vane;": a full role's name and nothing after it.
# "Sione Tapueluelu-Grant, our Tevita Mahe, who learned to shear": a show's maker thanking its cast.
OUR_ROLE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),\s+(?:our|their|the\s+show['’]s|the\s+series['’]s?)\s+(?P<character>{ROLE})"
    rf"(?=\s*[,;.—–])"
)
# "Dorothy Kerrigan-Ashe, who was Maggie’s grandmother, June Dunlop—": who the role is, then its name.
WHO_WAS_DESCRIBED_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),\s+who\s+(?:is|was)\s+(?:[{UPPER}][{WORD}'’-]*['’]s|the|his|her|their)\s+"
    rf"(?:[a-z][{WORD}'’-]*\s+){{0,2}}[a-z][{WORD}'’-]*,\s+(?P<character>{ROLE})(?=\s*[,;.—–(])"
)
WHO_IS_RE = re.compile(rf"(?<![{WORD}'’-])(?P<actor>{NAME}),\s+who\s+is\s+(?P<character>{ROLE})(?=\s*[,;])")
# "Orla Brannigan, whose Bríd Costigan has turned …": the actor's role, and what it does.
WHOSE_ROLE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),\s+(?:the\s+(?:actor|actress|star)\s+)?whose\s+(?P<character>{ROLE})\s+"
    rf"(?=(?:(?:in|on)\s+[^,.;:()“”\"]{{1,60}}?\s+)?(?:is|was|has|had|will|would|became|ruled|led|ran"
    rf"|becomes|finds|found|turns|turned|makes|made|gets|got|carries|carried|remains|steals|stole|anchors"
    rf"|[a-z]{{3,}}ed)\b)"  # "Obiageli Ezenwa-Thorne, whose Matron Hester Brack terrorised three generations"
)
# "Inspector Ewart Mossop, Delphine Rook's weary detective,": a role's full name, then the actor's
# part in a word no real relation or job is named by.
ACTORS_PART_WORDS = (
    "character", "role", "creation", "alter", "detective", "sleuth", "villain", "hero", "heroine", "antihero",
)  # fmt: skip
ROLE_ACTORS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<character>{ROLE}),\s+(?P<actor>{NAME})['’]s\s+(?:[a-z][{WORD}'’-]*,?\s+){{0,3}}"
    rf"(?:alter[ -]ego|anti-hero|{'|'.join(ACTORS_PART_WORDS)})\b"
)
# Words for someone's relatives and the people around them ("X's daughter, Y" names a person, not a
# role); their jobs are `PERSON_JOBS`.
RELATION_WORDS = {
    "mother", "father", "son", "daughter", "brother", "sister", "wife", "husband", "partner", "niece", "nephew",
    "cousin", "aunt", "uncle", "granddaughter", "grandson", "grandmother", "grandfather", "grandchild", "twin",
    "friend", "colleague", "costar", "assistant", "widow", "widower", "fiancée", "fiancé", "girlfriend",
    "boyfriend", "stepdaughter", "stepson", "stepmother", "stepfather", "mum", "dad", "child", "children",
    "sibling", "siblings", "parents", "family", "neighbour", "neighbor", "mentor", "pupil", "student", "teacher",
    "understudy", "double", "stand-in", "lawyer",
}  # fmt: skip
# "Sebastian Crowe-Lytton’s hapless English fugitive, Reggie Pymm, remains the best thing he has done": the
# actor's part in a few words, then the role's full name, then what it does.
ACTORS_DESCRIBED_ROLE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})['’]s\s+(?P<description>(?:(?:{NOT_PREPOSITION}(?!(?:and|or|but)\b)[a-z][{WORD}'’-]*"
    rf"|{DEMONYM}),?\s+){{0,3}}"
    rf"{NOT_PREPOSITION}(?!(?:{KINDS}|book|album|play|memoir|record|single|song|debut)s?,)[a-z][{WORD}'’-]*),\s+"
    rf"(?P<character>{ROLE})(?=,\s+(?:remains|is|was|has|had|who|whose|steals|stole|gets|got|[a-z]{{3,}}ed)\b)"
)
# A paragraph without one of these (or a credit word, or a bracket) names no role in full.
NAMED_ROLE_WORDS = {"was", "is", "whose", *ACTORS_PART_WORDS}
# A role, what it is, and its actor in brackets: "Brother Aumery, the monk (Lucan Whitlock)".
DESCRIBED_PAREN_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<character>{ROLE}),\s+(?:the|an?|his|her|their)\s+(?P<description>(?:[a-z][{WORD}'’-]*\s+){{0,3}}"
    rf"[a-z][{WORD}'’-]*)\s+\((?P<actor>{NAME})\)"
)
# "Gerald is the landlady's nephew, and Rupert Galbraith-Okeke plays him": the role is the name the
# sentence opens with; "He is played by Rohan Mehta-Lyall": the name the sentence before opens with.
PLAYS_OBJECT_RE = re.compile(
    # "Noelani Kahananui, four years older, plays her"
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})(?:,[ \t]+(?!(?:and|who|or|but)\b)[a-z\d][a-z\d \t'’-]{{0,40}},)?"
    rf",?\s+(?:who\s+)?(?:(?:also|now|has|had|is|was)\s+){{0,2}}"
    rf"(?:(?:operates|operated|puppeteers|puppeteered|performs|performed)\s+and\s+)?"  # "operated and voiced him"
    rf"(?:plays|played|portrays|portrayed|voices|voiced|playing)\s+(?:him\b|her\b(?=\s*[,.;:!?—–)]"
    rf"|\s+(?:with|as|in|like|for|from|to|and|but|so|on|at|[a-z]+ly)\b))"
)  # never "plays her husband"
# "He …", and after a phrase of where or when: "On stage he was played by …".
SCENE_PHRASE = r"(?:(?:On|In|At|Onstage)[ \t]+(?:[a-z][\w'’-]*[ \t]+){0,2}?[a-z][\w'’-]*,?[ \t]+)"
PRONOUN_PLAYED_BY_RE = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:She|He|{SCENE_PHRASE}(?:she|he))\s+(?:is|was|will\s+be|has\s+been)\s+"
    rf"(?:played|portrayed|voiced)"
    rf"(?:,\s+[^,.;:()“”\"]{{1,30}},)?\s+by\s+"  # "He is played, once again, by …"
    rf"(?:(?:the|an?)\s+(?:[\w'’]+-(?:born|based|raised|bred)\s+)?(?:[a-z][{WORD}'’-]*\s+){{0,3}})?(?P<actor>{NAME})"
)
TITLE_BEFORE_RE = re.compile(rf"{ABBREVIATED}\s*$")
OPENING_PRONOUN_RE = re.compile(rf"[\s\"“‘']*(?:He|She|{SCENE_PHRASE}(?:he|she))\b")
SENTENCE_SUBJECT_RE = re.compile(
    rf"[\s\"“‘']*(?:(?:The|A|An|That|This|His|Her|Their|[{UPPER}][{WORD}'’-]*['’]s)\s+[a-z][^,.;:!?]{{0,40}},\s+)?"
    rf"(?P<name>{NAME})"
)  # "Gerald Pike", "The doctor, Dr Ravi Anand", "That son, Jonah Quayle"
# "Leo Albright as Inspector Crane" (a cast list, "starring … as …"), "Juno Hartley, as Ros Kilbride,",
# "Lupe Arriaga, as his daughter Dolores", "Nia Gwilliam, as Dai's estranged daughter Carys", "Yolanda
# Fitch as the owner, Mrs. Pruitt", "Fenn, best known as Dr. Rufus Hollis".
# "…, wife of Ó Conghaile, as Nuala did when she married": a likeness, not a role; nor "Umaril Patimat, Omar's
# Patimat, as the poet Rasul Gamzatov was Hamzatil Rasul"
LIKENESS_AFTER = (
    rf"(?![ \t]+(?:did|does|do|had|would|could|can|will)\b)"
    rf"(?![ \t]+(?:[{UPPER}][{WORD}'’-]*[ \t]+)*(?:was|is)[ \t]+[{UPPER}])"
)
AS_RE = re.compile(
    # ("Mariama Sonko, who is fourteen, as the granddaughter, Nyima")
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})(?:,\s+(?:who\s+is\s+)?{AGE}(?=,))?,?\s+(?:(?:{ASIDE_AND})?(?:still\s+)?best\s+known"
    rf"(?:\s+to\s+[^,.;:()“”\"]{{1,40}}?)?\s+)?"
    # "Efosa Edosomwan turns up, smiling too much, as the Lagos dealer Uyi Brown"
    rf"(?:(?:turns|turned|shows|showed|pops|popped)\s+up(?:,\s+[^,.;:()“”\"]{{1,40}},)?\s+)?as\s+(?!well\s+as\b)"
    # "as the eldest of the net-menders, Itziar Lasa": "of" may join the description's words
    # (never across a second "as": "write Lepcha as their surname, as Karma Ongmu does" is a comparison)
    rf"(?:(?:the|his|her|their|its|[{UPPER}][\w-]*['’]s)\s+(?:(?:of|{NOT_PREPOSITION}(?!as\b)[a-z][{WORD}'’-]*|[A-Z]{{2,4}}(?=,)),?\s+){{0,6}}"
    rf"|(?:{NOT_PREPOSITION}(?!(?:is|was|and|or|but|if|well)\b)[a-z][{WORD}'’-]*\s+){{1,2}}(?=[{UPPER}][{WORD}'’-]+\s+[{UPPER}]))?"
    rf"(?P<character>{ROLE})"
    rf"{LIKENESS_AFTER}"
)  # "Ferdinand Baptiste-Ruiz as the band's hopeless conductor, Sully Dobbin", "as the charming but untrustworthy
# river spirit Tobit Vane"
# A review's "Beatrix Yeo is a marvel as Hazel Pim", "Delyth Ormerod is ferocious as the firebrand Nell
# Garrity": what the actor is, then "as" and the role. Not "is known as", "is credited as", "was registered as" (at
# birth) and the like.
REVIEW_AS_RE = re.compile(
    # (and what the part gives the actor: "Beatritz Lafont gets fewer scenes as Tanta Fina")
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})\s+(?:is|was|has\s+been|had\s+been|has|had|gets|got)\s+(?:(?:an?|the)\s+)?"
    rf"(?:(?!(?:known|named|nicknamed|described|listed|credited|billed|referred|born|introduced|better|also|such"
    rf"|registered|christened|baptised|baptized|renamed|recorded|as)\b)[a-z][{WORD}'’-]*\s+){{1,3}}?as\s+"
    rf"(?:(?:the|his|her|their|its|[{UPPER}][\w-]*['’]s)\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*,?\s+){{0,4}})?"
    rf"(?P<character>{ROLE})(?![ \t]+[{UPPER}])"
)
# "Bastien Ogundipe is the village's new curate, Ivo Penhale": a description, then the role's name.
IS_DESCRIBED_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})\s+is\s+the\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{1,3}}?"
    rf"{NOT_PREPOSITION}[a-z][{WORD}'’-]*,\s+(?P<character>{ROLE})"
    # (not "Okello is the child born after twins, Ocan is a child born in hard times": the next name's own clause)
    rf"(?!\s+(?:is|was|are|were|has|had)\b)"
)
# A role named after "for her role as", "for playing", "his turn as": the actor is the sentence's subject.
ROLE_OF_SUBJECT_RE = re.compile(
    rf"\b(?:(?:her|his|their)\s+(?:[a-z][{WORD}'’-]*\s+)?(?:role|turn|performance|part|breakout|breakthrough|debut|stint)\s+as"
    rf"|(?:for|by|after)\s+(?:playing|voicing)"
    rf"|\bfor\s+the\s+(?:[a-z]+\s+)?(?:role|part)\s+of)"  # "… learning to sound … for the role of DS Morven Geddes"
    rf"\s+{FILLER}(?P<character>{ROLE})"
    # (not "as the only Onar here": one of a name's bearers)
    rf"|\b(?<!\bwell\s)as\s+the\s+(?!only\s)(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{1,3}}(?P<described>{ROLE})"
    rf"{LIKENESS_AFTER}"
    rf"|\band\s+as\s+(?P<led>{ROLE}),?\s+(?:she|he|they)\s+[a-z]"  # "…, and as Marguerite she has …"
    # "His longest role, and the one that made him famous, was Clancy Doyle, the barman …"
    rf"|\b(?:[Hh]er|[Hh]is)\s+(?:[a-z][{WORD}'’-]*\s+){{0,2}}(?:role|part)(?:,[^.;:()“”\"]{{1,80}}?,)?\s+(?:was|is)\s+"
    # "Her first film role, in 1962, was the servant Dominga in The Sugar Mill Clock."
    rf"(?:the\s+(?P<rolewas_desc>(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{1,3}}))?"
    rf"(?P<rolewas>{ROLE})(?=\s*[,.;]|(?(rolewas_desc)[ \t]+in[ \t]+[{UPPER}]))"
    rf"|\b(?:years|seasons|series|decades|(?:a|one)\s+(?:decade|year|season)|the\s+[a-z]+\s+(?:season|series))\s+as\s+{FILLER}(?P<long>{ROLE})"
    # "spent nineteen years as Norm Pike", "who spent a decade as the amiable village doctor Hugo Pennycook",
    # "joined in the third season as the county coroner, Dr. Lena Voigt"
)
# "Eamon Heffernan, who has pulled pints behind the bar as Jacko Daly since 2002", "Chiamaka Delaney-Oduwole
# is the newest, having joined in 2019 as Mossie's granddaughter, Shauna Flahive", "Benedict Oyelaran, now a
# household name as Inspector Cornelius Fane": an aside about the actor's years in the role.
ASIDE_AS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),?\s+(?:who\s+(?:has|had)\s+(?:been\s+)?[a-z]+ed|(?:is|was)\s+[^,.;:()“”\"]{{1,40}}?,\s+having"
    rf"\s+[a-z]+ed|now\s+a)\b[^,.;:()“”\"]{{0,60}}?\s+as\s+(?!(?:an?|well|such|long|soon|much|far)\b)"
    rf"(?:(?:the|his|her|their|[{UPPER}][\w-]*['’]s)\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*,?\s+){{0,4}})?"
    rf"(?P<character>{ROLE})"
)
# "Playing Conn's sister, Bridie Rennick, the harbourmaster who …, is Marisol Eddowes-Tan": the role
# opens the sentence, the actor ends it.
PLAYING_LEAD_RE = re.compile(
    # "Reading the part of the tea-shop owner, Hooyo Faadumo, was Ubah Maxamed Cilmi" at a table read
    # and a second clause that opens so: "…, and playing the radio operator who loves Sánem, Timur, is …"
    # and a debut: "Making her first screen appearance as Ulai, the young mother, is Merii Tellei"
    rf"(?:(?:^|(?<=[.!?]\s))(?:Playing|Reading|Making\s+(?:her|his|their)\s+(?:[a-z-]+\s+){{0,3}}(?:appearance|debut)\s+as)"
    rf"|(?<=,\sand\s)playing|(?<=;\s)playing)"
    rf"\s+(?:the\s+(?:part|role)\s+of\s+)?(?:[^,.;:()“”\"]{{1,40}}?,\s+)?"
    rf"(?P<character>{ROLE})(?:,[^.;:()“”\"]{{1,160}}?,|,)?\s+(?:is|was|will\s+be)\s+(?P<actor>{NAME})(?![{WORD}'’-])"
)
# "The television version adds Mehmet Altınbaş, …, and gives him to Hasan Öztürk": who is given a role.
GIVES_ROLE_RE = re.compile(
    rf"\b(?:gives|gave|hands|handed)[ \t]+(?:him|her|the[ \t]+(?:part|role))[ \t]+to[ \t]+"
    rf"(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{1,3}})?(?P<actor>{NAME})"
)
# "… is played in Britain by Neville Fothergill, and in Germany voiced by Jürgen Großkopf": a second actor
# of the same role, straight after the first.
SECOND_ACTOR_RE = re.compile(
    rf"(?:,\s+[a-z][^,;.:()“”\"]{{1,60}})?[,;]?\s+(?:and|while|but)\s+(?:in\s+[{UPPER}][{WORD}'’-]+\s+)?"
    rf"(?:(?:is|was|he\s+is|she\s+is)\s+)?(?:voiced|played|dubbed)\s+by\s+(?P<actor>{NAME})"
    # "… by Itziar Zubizarreta Olaizola and on the other nights by her understudy, Maite Agirre Uriarte"
    rf"|[,;]?\s+and\s+(?:on|in|at|for)\s+[^,;.:()“”\"]{{1,40}}?\s+by\s+"
    rf"(?:(?:her|his|their)\s+(?:understudy|alternate|cover|stand-in),?\s+)?(?P<other>{NAME})"
)
# "Sergeant Colm Pilbeam was played for three series by …. The role has gone to Samson Treharne-Obi":
# the role credited just before passes to a new actor.
ROLE_PASSES_RE = re.compile(
    rf"\b[Tt]he\s+(?:role|part)\s+(?:has\s+(?:now\s+)?(?:gone|passed)|went|passed|has\s+been\s+given|was\s+given)"
    rf"\s+to\s+(?:the\s+(?:[a-z][{WORD}'’-]*\s+){{1,3}})?(?P<actor>{NAME})(?![{WORD}'’-])"
)
# "As Jacob Swale, Tiernan O'Keeffe has had the hardest job": the role first, then the actor.
AS_LEAD_RE = re.compile(
    # ("As the granddaughter, Mio, Haruka Toyooka, who …": the description set off, the actor's aside after)
    rf"(?:^|(?<=[.!?]\s))As\s+(?:the\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*(?:,\s+|\s+)){{1,3}})?(?P<character>{ROLE}),"
    rf"(?:[^.;:()“”\"]{{1,160}}?,)?\s+(?P<actor>{NAME})(?:\s+[a-z]|,\s+(?:who|whose)\s)"
)  # "As Auguste Fabre, the elegant, bankrupt publisher …, Thibodeau has found …" too
# A list's last item, the role first: "…; and, as the maid Chayito who knew everything, Yolanda Cuauhtli Mendoza,"
# … or any item after a semicolon, and what the role is to another before or after it: "…; as her son, Dorji, Ugyen
# Tenzin;", "…; as Fo Tchoua, her son, Jean-Claude Fotso;"
LISTED_AS_LEAD_RE = re.compile(
    rf"(?:(?<=[;,])\s+and,?|(?<=;))\s+as\s+"
    rf"(?:(?:the|his|her|their)\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*(?:,\s+|\s+)){{1,3}})?(?P<character>{ROLE})"
    rf"(?:\s+(?:who|whom|that)\s+[^,;.()“”\"]{{1,60}})?"
    rf"(?:,\s+(?:his|her|their)\s+[a-z][{WORD}'’-]*)?,\s+(?P<actor>{NAME})(?=[,.;]|\s+[a-z])"
)
# A shortlist's entry: "Dilani Wickramasinghe-Perera, for Galle Road Nights, as the pawnbroker Sita Akka."
FOR_SHOW_AS_RE = re.compile(
    rf"(?:^|(?<=[.!?:][ \t]))(?P<actor>{NAME}),[ \t]+for[ \t]+(?:the[ \t]+)?[{UPPER}][^,.;:()“”\"]{{1,60}},"
    rf"[ \t]+as[ \t]+(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{1,3}})?(?P<character>{ROLE})(?=[ \t]*[.,;])"
)
# "Sam Okonjo's Tobiah", "Farrelly's honey buyer, Fergal Nash": an actor's role, in a review's shorthand.
# Read only when the owner is an actor the article credits elsewhere or a full name.
ACTORS_ROLE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})['’]s\s+(?:(?:(?:[a-z][{WORD}'’-]*,?\s+){{1,4}}?[a-z][{WORD}'’-]*|character|role),\s+"
    rf"(?:(?:the|an?)\s+(?:[a-z][{WORD}'’-]*\s+){{1,3}})?)?"  # "Oyarzun's character, the cat burglar Ash Penrith"
    rf"(?P<character>{ROLE})(?=\s*[,.;:!?]|\s+(?:is|was|has|had|who|and|does|gets|makes|takes|runs|keeps|owns|lives"
    rf"|works|wants|spends|finds|tries|learns|knows|leads)\b)"
    # (not "Ogbeide's screen nephew, Omoruyi, is played by Osagie Idahosa": her role's nephew, someone else's part)
    rf"(?!,?\s+(?:is|was)\s+(?:played|voiced|portrayed)\b)"
)
# A credit whose actor is a pronoun: "in which she plays the chandler's widow Agnes Thrale", "She has
# played Violet Hepworth", "he spent nine years as Inspector Giroux", "I am playing Ruth Mercer". Who
# the pronoun is depends on the article around it, so the analyser's reading of it decides.
PRONOUN_PLAYS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<pronoun>[Ss]he|[Hh]e|I)\s+(?:(?:also|now|still|later|then|first|once|even|already|briefly"
    rf"|memorably|famously|went\s+on\s+to|has\s+since|had\s+since)\s+)*"
    rf"(?:(?:has|had|is|was|will|would|am)\s+(?:(?:also|now|still|already|since|been|perhaps|probably)(?:\s+|(?=,)))*)?"
    # "She is also, to a generation of Polish children, the voice of Jeżyk"
    rf"(?:,\s+(?:to|for|among|in|on)\s+[^,.;:()“”\"]{{1,60}},\s+)?"
    rf"(?:plays|played|play|playing|portrays|portrayed|portraying|voices|voiced|voice|voicing"
    rf"|stars\s+as|starred\s+as|starring\s+as|returns\s+as|returned\s+as"
    rf"|joins(?:\s+the\s+(?:cast|show|series|company))?\s+as|joined(?:\s+the\s+(?:cast|show|series|company))?\s+as"
    rf"|reprises\s+(?:his|her|the)\s+role\s+as|reprised\s+(?:his|her|the)\s+role\s+as|cast\s+as"
    rf"|best\s+known(?:\s+to\s+[^,.;:()“”\"]{{1,40}}?)?\s+(?:as|for\s+playing)"
    rf"|spent\s+[\w-]+\s+(?:years|seasons|series|decades)\s+as"
    rf"|the\s+voice\s+of|gives\s+voice\s+to|gave\s+voice\s+to"
    rf"|(?:took|takes|landed|won|originated)\s+(?:on\s+)?the\s+(?:title\s+)?role\s+of)"
    rf"\s+{FILLER}(?P<character>{ROLE})(?![ \t]+[{UPPER}])"  # not "Hester" of "Hester Plume's sister"
    # "Then Ngozi Okonkwo cast her as Mrs Justice Honoria Blackwood": the one cast is not the subject.
    rf"|\bcast\s+(?P<object>him|her|me)\s+as\s+{FILLER}(?P<cast>{ROLE})"
    # "older viewers still remember her as the night nurse, Halina, in the hospital soap Ward Seven"
    rf"|\bremember(?:s|ed)?\s+(?P<recalled>him|her)\s+as\s+(?:the\s+(?:[a-z][{WORD}'’-]*\s+){{0,3}}?[a-z][{WORD}'’-]*,\s+)?"
    rf"(?P<recalled_role>{ROLE})(?=\s*[,.;]|\s+(?:in|on)\s)"
    # "He was the gruff parish priest, Curé Lapointe, on the soap …": a description, then the name.
    rf"|(?<![{WORD}'’-])(?P<described>[Ss]he|[Hh]e)\s+(?:is|was)\s+the\s+(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{1,3}}?"
    rf"{NOT_PREPOSITION}[a-z][{WORD}'’-]*,\s+(?P<role>{ROLE}),"
    # "For nine seasons he was Dr Fitzroy Penney, the gloomy coroner of …": a role's full name, then what it is.
    rf"|(?<![{WORD}'’-])(?P<was>[Ss]he|[Hh]e)\s+was\s+(?P<was_role>{ROLE}),\s+(?:the|an?)\s+[a-z]"
    # "for three series of Ninepins she was the dinner lady Mrs Bunce, whose …"
    # "… for The Night Bakery, in which he is the widowed baker Jerzy Nowak."
    rf"|(?<![{WORD}'’-])(?P<was_the>[Ss]he|[Hh]e)\s+(?P<the_verb>was|is)\s+the\s+"
    rf"(?P<the_desc>(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{1,3}})"
    rf"(?P<the_role>{ROLE})(?=\s*,\s+(?:whose|who|the|a|an)\b|\s+(?:in|on)\s+[{UPPER}]|\s*[.;])"
)
# "Rafferty Doyle is Clive Mottram, the brooding keyboard player", "For fourteen years, Raymond
# Kettlewell was Detective Superintendent Harry Moxon, the rumpled hero of …": a full role's name,
# then what the role is.
SUBJECT_OF = {"him": "he", "her": "she", "me": "I"}
ACTOR_WAS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})(?:,\s+\d{{1,3}},|,\s+(?:an?|the)\s+[^,;.()“”\"]{{1,80}},)?\s+(?:is|was)\s+"
    # (and a form of address in small letters, read where the role is: "Wybren Hiemstra is pake Sjoerd, the skipper")
    # (or what a one-word role does: "Mahlatse Ledwaba is Mosima, who manages the station; …")
    rf"(?:(?:currently|now)\s+)?(?:(?P<kin>(?![{UPPER}])[^\W\d_]{{2,6}})\s+(?=[{UPPER}]))?(?P<character>{ROLE}),"
    rf"\s+(?:the|a|an|(?P<who>who))\s+"
    rf"(?:[{UPPER}][{WORD}'’-]*\s+)?[a-z]"
)  # "Lily-Mae Trounson, 18, is Bel Fairhurst, the new girl" too
# "Her handler, Bertram Skeyne, is Dapo Fashola-Quinn, all nerves": a part named by what it is to
# someone, its full name, then the actor who is it.
ROLE_IS_ACTOR_RE = re.compile(
    # "The English buyer, Simon Leckie, is …", "Bok-sun's son, Kang Dong-ho, a fisherman who …, is …"
    rf"(?:\b(?:[Hh]er|[Hh]is|[Tt]heir|[Tt]he)|(?<![{WORD}'’-])[{UPPER}][{WORD}-]*['’]s)\s+"
    # "… her son Débọ̀, the dreamer who …, is Tèmítọ́pẹ́ Balógun": the comma after the description may be left out
    rf"(?P<description>(?:(?:[a-z][{WORD}'’-]*|{DEMONYM})\s+){{0,6}}[a-z][{WORD}'’-]*)"
    rf"(?:\s+(?:from|in)\s+[{UPPER}][{WORD}'’-]+(?=,))?"  # "Dari's husband from Guwahati, Bah Rit, is …"
    rf"(?:,|(?<![ \t]as)(?<![ \t](?:by|of|to|in|at|on))(?=\s+[{UPPER}]))"
    # "The heist crew's youngest member, the safecracker's nephew Luca, is Ha-joon Whitford-Ahn in his first film"
    rf"\s+(?P<apposed>the\s+(?:[a-z][{WORD}'’-]*\s+){{1,3}})?(?P<character>{ROLE})"
    # "His granddaughter, Kavya, a 16-year-old with no patience, is …": what the role is, between commas (or no
    # comma at all: "their son Tesyda is Artyom Vanuito;")
    # ("the daughter, Zoon, named after the poet-queen, is …": a participle's aside too)
    rf"(?:,(?:\s+(?:an?|the|who|whom|(?:born|[a-z]+ed)\s+{GOVERNED})"
    rf"\s[^,;.()“”\"]{{1,100}},)?|(?P<bare>(?=\s+is\s)))"
    # "… is the newcomer Adwoa Poku-Lambert", "… is the Cusco stage veteran Eustaquia Huallpa Ríos"
    # ("Olöksan's son, Vanö, which is ten-year-old Matvei Rochev's first role": "which" before an actor's part)
    rf"\s+(?:which\s+(?=is\s+[^,.;]{{1,60}}['’]s\s+(?:[a-z]+\s+)?(?:part|role)\b))?"
    rf"is\s+(?:the\s+(?:(?:[a-z][{WORD}'’-]*|[{UPPER}][{WORD}'’-]+(?=\s+[a-z]))\s+){{1,3}}(?=[{UPPER}]))?"
    rf"(?:[\w-]+-year-old\s+)?"
    # "Her son Kimutai, who wants to sell the land, is Kiprop Lagat's part"
    rf"(?P<actor>{NAME})(?P<part>['’]s\s+(?:first\s+)?(?:part|role))?(?=\s*[,.;]|\s+in\s+(?:his|her|their)\s)"
)
# "his widowed sister, whom the whole household calls Pishima, paternal aunt, is Debjani Ghoshal", "his
# wife, whom everybody, including her husband, calls Pari Khanum, is Farnaz Tehrani-Moss".
WHOM_CALLED_IS_RE = re.compile(
    rf"\b(?:[Hh]er|[Hh]is|[Tt]heir|[Tt]he)\s+(?P<description>(?:[a-z][{WORD}'’-]*\s+){{0,3}}[a-z][{WORD}'’-]*),"
    # (with what the name means after it: ", Northern Sámi for grandfather,")
    rf"\s+whom\s+[^.;:()“”\"]{{1,80}}?\bcalls?\s+(?P<character>{ROLE})"
    rf"(?:,\s+(?:[a-z]|(?:[{UPPER}][{WORD}'’-]*\s+){{1,2}}for\s)[^,.;:()“”\"]{{0,40}})?,"
    rf"\s+is\s+(?:the\s+(?:[a-z][{WORD}'’-]*\s+){{1,2}}(?=[{UPPER}]))?(?P<actor>{NAME})(?=\s*[,.;])"
)
# "Pushpa Balasingham, known to the whole street … as Pushpa Aunty, is Vasuki Jeyaratnam, who has played her
# since the first episode": a role, what it is called, then the actor who is it.
ROLE_KNOWN_AS_IS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<character>{ROLE}),\s+known(?:\s+to\s+[^,.;:()“”\"]{{1,60}}?)?\s+as\s+[^,.;:()“”\"]{{1,40}},"
    rf"\s+is\s+(?:the\s+(?:[a-z][{WORD}'’-]*\s+){{1,2}}(?=[{UPPER}]))?(?P<actor>{NAME})(?=\s*[,.;])"
)
# A role and what it is called, set off after it: "his wife, Marie-Josée, known to everyone as Josée;"
ROLE_KNOWN_AS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<role>[{UPPER}][{WORD}'’-]+),[ \t]+"
    rf"known(?:[ \t]+to[ \t]+[^,.;:()“”\"\n]{{1,40}}?)?[ \t]+as[ \t]+"
    rf"(?P<nick>[{UPPER}][{WORD}'’-]+)(?=[ \t]*[,.;])"
)
# Two roles and the one actor who plays both: "Babirye and Nakato, are both played by Brenda Nalwoga"
BOTH_PLAYED_BY_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<first>{ROLE})\s+and\s+(?P<second>{ROLE}),?\s+(?:are|were)\s+both\s+"
    rf"(?:played|voiced|portrayed)\s+by\s+(?P<actor>{NAME})"
)
# "Tom Wetherall is the disgraced glassblower Silas Pengarrow": a description, then the role's name,
# where the description is no job a real person holds ("is the director Ana Ruiz" names a person).
ACTOR_IS_THE_RE = re.compile(
    # (an age after the name: ", 81,", ", then nineteen,")
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})(?:,\s+(?:then\s+)?{AGE},)?"
    # "Marijke van der Schaaf, a veteran of twenty years of Dutch television who was the detective Inge Veenstra"
    # "Oraz Allambergenov, the Berdakh Theatre's senior actor, is the old net-mender Qalbay ata"
    rf"(?:,\s+(?:an?|the)\s+[^;.()“”\",]{{1,100}}?(?:\s+who|,)|,?\s+who(?:\s+is\s+\d{{1,3}}\s+and\s+who)?)?"
    # "Jiří Horáček, 81, who was the miller Vávra in …", "who was, for most of the 1990s, the detective Sakaki"
    rf"\s+(?:is|was)(?:,\s+(?:for|in|during|through|until|from)\s+[^,.;()“”\"]{{1,60}},)?\s+the\s+"
    rf"(?P<description>(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{1,3}})(?P<character>{ROLE})(?![ \t]+[{UPPER}])"
)
# The same with the role set off by a comma, and perhaps an aside after the actor: "Tobi Adeyemi-Pugh,
# whose mother is from Ibadan …, is the youngest quarryman, Huw Bach.", "Dervla McCusker-Finn is the
# English schoolteacher, Miss Amberley, whom the town refuses to like".
ACTOR_IS_THE_APPOSED_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})(?:,\s+\d{{1,3}},|,\s+(?:who|whose)\s[^;.()“”\"]{{1,120}}?,"
    rf"|,\s+an?\s+[^;.()“”\",]{{1,80}},)?\s+(?:is|was)\s+"  # "Hagop Kasapyan, an Armenian actor from Kurtuluş, is"
    rf"the\s+(?P<description>(?:{DEMONYM}\s+)?(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{0,2}}[a-z][{WORD}'’-]*),\s+"
    rf"(?:the\s+(?:[a-z][{WORD}'’-]*\s+){{0,2}}[a-z][{WORD}'’-]*,\s+)?"  # "is the cantalés, the head cheesemaker, …"
    rf"(?P<character>{ROLE})(?=\s*[,.;])"
)
# The role first and what it is after: "Guilhèm Bonnafé, whom the Paris papers call Guillaume, is Bastian, the dairy
# inspector from Toulouse".
ACTOR_IS_ROLE_APPOSED_RE = re.compile(
    # ("Haruko Dirrechoreng Olkeriil, sixty-eight, is Mechas Ebil, the husband's grandmother, who …": her age first)
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})(?:,\s+(?:who|whom)\s[^;.()“”\"]{{1,120}}?,|,\s+{AGE},)?"
    rf"\s+is\s+(?P<character>{ROLE}),"
    # (not "Patimat Umarova is Mama, the one who knits": what she is called)
    rf"\s+the\s+(?P<description>(?:{NOT_PREPOSITION}[a-z][{WORD}'’-]*\s+){{0,2}}(?!one\b)[a-z][{WORD}'’-]*)"
    rf"(?:\s+(?:who|whom|from|of|in|at|on|with)|,\s+(?:who|whom))\b"  # "…, the husband's grandmother, who …" too
)
# A cast list's later items, after a semicolon: "…; Dafni Kyriakidou is his daughter, Maria; Despina
# Hadjipetrou is the grandmother, Yiayia Froso; and Panagiotis Mavromatis is Lefteris Charalambous, …".
LISTED_IS_RE = re.compile(
    # "…; Bai Zhixuan the magistrate, Lu Heng;": the "is" of the list's first item, left out
    rf"(?:;|,\s+and)\s+(?:and\s+)?(?P<actor>{NAME})\s+(?:is\s+|(?=the\s))(?:(?P<description>(?:the|his|her|their|[{UPPER}][\w-]*['’]s)\s+"
    rf"(?:(?:[a-z][{WORD}'’-]*|{DEMONYM})\s+){{0,4}}[a-z][{WORD}'’-]*),\s+)?(?P<character>{ROLE})(?=\s*[;,.])"
)  # "… plays the daughter, Chandrika, and Ambrose Tillotson is the company's man in the hills, Mr Hedley Crane."
# The first item of such a list, its "is" written: "Michalis Chatzigeorgiou is Kapetan Manolis; Anastasia
# Karagiannopoulou is his wife, Kyra Rini."
FIRST_LISTED_IS_RE = re.compile(
    rf"(?:^|(?<=[.!?:][ \t]))(?P<actor>{NAME})\s+is\s+(?P<character>{ROLE})(?=\s*;\s+{NAME}\s+is\s)"
)
# The first item of such a list with its role first, set off by what it is: "Anna, the eldest, is Montserrat Vidal
# i Pujol; Núria Fàbregas-Oliveras is Rosa"
FIRST_LISTED_ROLE_IS_RE = re.compile(
    rf"(?:^|(?<=[.!?:][ \t]))(?P<character>{ROLE}),\s+the\s+(?P<description>(?:[a-z][{WORD}'’-]*\s+){{0,2}}"
    rf"[a-z][{WORD}'’-]*),\s+is\s+(?P<actor>{NAME})(?=\s*;\s+(?:and\s+)?(?:the\s+)?[{UPPER}a-z])"
)
# A role first in its sentence, set off by what it is and does, then the actor who is it: "Aichana, the granddaughter
# who wants to race the grey mare, is Sayana Kyzlasova", "Lucia, his niece, the vet who …, is Graziella Dessì"
ROLE_DESCRIBED_IS_RE = re.compile(
    # (or first in a list's clause: "…; Rita, his daughter, who runs the restaurant, is Doris Xuereb;")
    # (and a list's later item need not say what the role is: "…; Ya Kham, who sells pickled tea, is Nang Seng Hom;")
    rf"(?:^|(?<=[.!?:][ \t])|(?P<listed>(?<=;[ \t])|(?<=;[ \t]and[ \t]))|(?<=[ \t]and[ \t]))(?P<character>{ROLE}),"
    # (whom the role is to another: "his niece,", "Sjoerd's wife,")
    rf"(?:\s+(?P<whose>his|her|their|[{UPPER}][{WORD}-]*['’]s)\s+(?:[a-z][{WORD}'’-]*\s+){{0,2}}[a-z][{WORD}'’-]*,)?"
    # ("Sota Warda, the grandmother, who has not spoken …, is Nahrain Benyamin")
    rf"\s+(?:the\s+(?P<description>(?:[a-z][{WORD}'’-]*\s+){{0,3}}[a-z][{WORD}'’-]*),?\s+|(?(whose)|(?(listed)|(?!))))"
    rf"(?:who|whom|whose|that)\s[^,;.()“”\"]{{1,140}},\s+is\s+(?P<actor>{NAME})(?=\s*[,.;])"
)
# "Mercy Chebet Rotich, the show's conductor-turned-owner Mama Pima, who is filming in Mombasa": the role the
# show gives an actor, in apposition.
SHOWS_ROLE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),\s+the\s+(?:show|series|drama|film|soap|serial|programme|sitcom)['’]s\s+"
    rf"(?P<description>(?:[a-z][{WORD}'’-]*\s+){{1,3}}?)(?P<character>{ROLE})(?=\s*[,.;])"
)
# "…, and Kerem Oğuzhan Baysal, her screen grandson, Emir": whom an actor is to another on screen, then the role.
SCREEN_KIN_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),\s+(?:his|her|their)\s+(?:screen|on-screen|onscreen|television|fictional)\s+"
    rf"(?P<description>[a-z][{WORD}'’-]*(?:\s+[a-z][{WORD}'’-]*)?),\s+(?P<character>{ROLE})(?=\s*[,.;])"
)
# A cast list's later item with the role in apposition and its own work: "…; and Rami Abi Nader, the tailor
# Abu Fares in The Tailor of Gemmayzeh."
LISTED_APPOSED_RE = re.compile(
    rf"(?:;|,\s+and)\s+(?:and\s+)?(?P<actor>{NAME}),\s+the\s+(?P<description>(?:[a-z][{WORD}'’-]*\s+){{1,3}}?)"
    rf"(?P<character>{ROLE})(?=\s+in\s+[{UPPER}])"
)
# "Prakash Raghavan was her son Balu, who keeps the accounts and loses them": an actor, then whom the role is
# to another role, then the role.
ACTOR_WAS_KIN_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})\s+(?:is|was)\s+(?:his|her|their)\s+"
    # "Froukje Hylkema is his eldest daughter, Geeske, and …"
    rf"(?:(?:[a-z][{WORD}'’-]*\s+){{1,2}}?|(?:[a-z][{WORD}'’-]*\s+)?[a-z][{WORD}'’-]*,\s+)"
    rf"(?P<character>{ROLE})(?=,\s+(?:who|the|an?|and)\s|\s*[.;])"
)
# The other way round: "…; the student lodger Ko Zaw is Pyae Sone Min; and …".
LISTED_ROLE_IS_RE = re.compile(
    rf"(?:;|,\s+and)\s+(?:and\s+)?the\s+(?P<description>(?:[a-z][{WORD}'’-]*\s+){{0,3}}[a-z][{WORD}'’-]*)\s+"
    rf"(?P<character>{ROLE})\s+is\s+(?P<actor>{NAME})(?=\s*[;,.])"
)
# "For a decade Odunsi was Magistrate Orrin Vask in Gallowmere": a role's full name, then its show.
ACTOR_WAS_IN_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})\s+(?:was|is|has\s+been|had\s+been)\s+(?P<character>{ROLE})"
    rf"\s+(?:in|on)\s+(?:the\s+)?[{UPPER}]"
)
# Credits that name a role in full: a one-word role is somebody's name or nickname.
# " in The Mill at Sázava", " in the police series Midnight Precinct 7": the work a role is in.
IN_WORK_AFTER_RE = re.compile(rf"[ \t]+in[ \t]+(?:the[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+){{0,3}})?[{UPPER}]")
# An awards list: "Best actor: Radim Vondráček, for the brewer Tonda Kratochvíl in The Hop Garden."
AWARD_FOR_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME}),[ \t]+for[ \t]+(?:playing[ \t]+)?(?:the[ \t]+"
    rf"(?P<description>(?:[a-z][{WORD}'’-]*[ \t]+){{1,3}}))?(?P<character>{ROLE})(?=[ \t]+in[ \t]+[{UPPER}])"
)
# A leaflet's or a page's own credits, "Text: …", "Map: …", "Photographs: …": never a role.
MAKING_CREDITS = {
    "text", "words", "map", "maps", "photos", "photographs", "photography", "pictures", "illustration",
    "illustrations", "design", "layout", "graphics", "research", "editing", "translation", "route", "produced",
}  # fmt: skip
FULL_ROLE_PATTERNS = (
    ACTOR_WAS_RE,
    ACTOR_WAS_IN_RE,
    ACTOR_IS_THE_RE,
    ACTOR_IS_THE_APPOSED_RE,
    ROLE_IS_ACTOR_RE,
    WHO_IS_RE,
    WHOSE_ROLE_RE,
    ROLE_ACTORS_RE,
    ACTORS_DESCRIBED_ROLE_RE,
)
# "Presiding over all this is Judge Rosamund Heale": a sentence that opens with a participle, no name.
PARTICIPLE_OPENING_RE = re.compile(
    r"\s*[A-Z][a-z]+ing\s+(?:over|in|at|on|for|with|alongside|behind|under|opposite|beside|above|across|against)\b"
)
# A reunion's "Then: Spud Garbutt, the gang's inventor. Now: Jonty Fairbairn, 41, a councillor", or
# "Then: Misty Lindgren, head cheerleader" under a line that is the actor's name alone.
THEN_RE = re.compile(rf"[ \t*_]*Then:[ \t*_]*(?P<character>{ROLE})[ \t]*[,.;—–]")
NOW_RE = re.compile(rf"\bNow:[ \t*_]*(?P<actor>{NAME})")
# A verb straight after the name that "as" led to: "as Bluewater rules out a recast" is a clause.
# (or its past: "…, as the poet Tukay dropped his -ev a century ago")
CLAUSE_VERB_RE = re.compile(r"[ \t]+(?!(?:was|has|is)\b)[a-z]{2,}(?:s|ed)\b(?!['’])")
PERSON_JOBS = {
    "actor", "actress", "director", "writer", "producer", "creator", "showrunner", "star", "co-star", "host",
    "presenter", "comedian", "singer", "composer", "designer", "author", "novelist", "playwright", "critic",
    "executive", "editor", "journalist", "reporter", "agent", "publicist", "spokesperson", "spokesman",
    "spokeswoman", "chief", "boss", "head", "founder", "manager", "coach", "newcomer", "veteran",
    "cinematographer", "choreographer", "supervisor", "coordinator", "adviser", "advisor", "moderator", "chair",
}  # fmt: skip
# A club's or a committee's offices, written after a member's name in its minutes: "Miss H. Arzu (Chair)". (A role
# may hold one in a story: "The committee's treasurer, Derek Plumb, … is Viliami Havili-Marsh".)
OFFICES = {"chair", "chairman", "chairwoman", "secretary", "treasurer", "president", "vice-chair"}
# An article that says its names put the family name first: "Vietnamese put the family name first", "the credits
# list everyone family name first", "the surname comes first"
FAMILY_NAME_FIRST_RE = re.compile(r"\b(?:family|last|sur)[ -]?name[ \t]+(?:comes[ \t]+|goes[ \t]+|is[ \t]+)?first\b")
# "Rudge's mother, ": a blood relative of someone named by surname, whose name follows.
RELATIVE_BEFORE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?<![Tt]he )(?P<surname>[{UPPER}][{WORD}'’-]+)['’]s[ \t]+"
    rf"(?:(?:elder|younger|older|twin|late|estranged)[ \t]+)?"
    rf"(?:mother|father|son|daughter|brother|sister|grandmother|grandfather|granddaughter|grandson|twin),[ \t]+$"
)
# An elected office before a name: "Cllr Glenys Hope", "Senator Ruiz".
OFFICE = r"(?:Cllr\.?|Councillor|Senator|Sen\.|Rep\.|Representative|Alderman|Mayor|MP)"
OFFICE_RE = re.compile(rf"{OFFICE}(?![\w])")
# Who an actor's own people are, off screen: "Lukács's stunt double, Ximena Ortiz", "her agent, …".
OWN_PEOPLE_WORDS = {
    "double", "stand-in", "understudy", "agent", "publicist", "manager", "assistant", "dresser", "lawyer",
    "spokesperson", "spokesman", "spokeswoman", "chaperone",
    "real", "real-life", "own", "actual",  # "Kerem Aydemir's real daughter, Ece": his daughter, no role
    # "Nigar Cəfərli's guest was her father, Rauf": whom the actor brought, in a clause of its own
    "guest", "guests", "companion", "date", "was", "is", "were", "are",
}  # fmt: skip
# A credit's verb between a possessive name and a role: "Mirwais Mangal, who is Gul Agha Mangal's grandson, plays
# her nephew, Wali" is the clause's subject's credit, not the possessive's role.
CREDIT_VERB_WORDS = {"plays", "played", "voices", "voiced"}
# "the French governess, Madame Roussel": an adjective read as the role, with the name after it.
APPOSITION_RE = re.compile(rf"[ \t]+(?:[a-z][{WORD}'’-]*[ \t]+)?[a-z][{WORD}'’-]*,?[ \t]+(?P<role>{ROLE})")
NOT_APPOSITION_WORDS = {"and", "or", "but", "opposite", "with", "in", "on", "at", "for", "from", "to", "who", "which"}
POSSESSIVE_RE = re.compile(r"['’]s$")
LETTERS_RE = re.compile(r"[^\W\d_]+")
# Words that start a run of capitals without naming anyone; the analyser trims these off a name.
NOT_NAME_WORDS = {
    "a", "an", "the", "as", "when", "while", "although", "though", "but", "and", "so", "if", "in", "on", "at",
    "for", "after", "before", "here", "yes", "no", "not", "then", "later", "now", "also", "even", "still", "with",
    "of", "to", "from", "by", "it", "its", "this", "that", "these", "those", "there", "what", "who", "why", "how",
    "where", "we", "i", "you", "she", "he", "they", "her", "his", "their", "our", "my", "your", "netflix",
    "actress", "actor", "star", "co-star", "director", "creator", "showrunner", "newcomer", "headmistress",
    "headmaster", "teacher", "choreographer", "critic", "writer", "author", "producer", "veteran", "fellow",
    "series", "season", "episode", "okay", "ok", "well", "meanwhile", "according", "like", "once", "since",
    "during", "until", "because", "both", "all", "every", "each", "some", "many", "most", "one", "two", "three",
    "instead", "however", "just", "only", "perhaps", "maybe", "sure", "again", "asked", "said", "composer",
    "cinematographer", "editor", "moderator", "coordinator", "supervisor", "designer", "playwright", "musician",
    "presenter", "executive", "host", "singer", "dancer", "comedian", "filmmaker", "novelist",
    # what competition shows and newsrooms call people before their names
    "judge", "contestant", "finalist", "semi-finalist", "winner", "runner-up", "champion", "competitor", "baker",
    "chef", "housemate", "islander", "candidate", "hopeful", "mentor", "juror", "panellist", "panelist",
    "correspondent", "anchor", "commentator", "historian", "interpreter", "translator", "narrator",
    # a question's or a sentence's opening verb, and a day: "Is Old Mossback Finnish?", "Friday Sister Guzeppina"
    "is", "are", "was", "were", "does", "did", "has", "had",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    # who says who they are: "Hi, I'm Aroha Tipene, I've come from Rotorua"
    "i'm", "i’m",
    # who writes in: "Reader Hendrik de Boer, from Harrogate, has a theory."
    "reader", "viewer", "listener",
    # a live post's opening verb: "Lost Wu Zhen for ten minutes.", "Spotted Ana Reyes at the bar."
    "lost", "found", "spotted", "caught", "met",
    # what opens a sentence before a surname: "Besides Amadi-Frost, nobody …"
    "besides", "nevertheless", "nonetheless", "moreover", "furthermore", "likewise", "otherwise", "afterwards",
    "soon", "twice", "today", "tonight", "yesterday", "tomorrow", "elsewhere", "indeed", "together", "alone",
    "unlike", "beside", "beyond", "within", "against", "towards", "toward", "upon", "onstage", "offstage",
    # a stage direction: "Enter Clement Hackworth, the smooth-talking bandmaster"
    "enter", "exit", "exeunt",
    # an award's name before its winner: "Best Actor: Marlon Ebanks", "Outstanding Drama"
    "best", "outstanding",
    # a place's first word: "New Mexico", "New South Wales"
    "new",
    # what orders a sentence: "Next up is whole-hog week", "Finally, Ruiz …"
    "next", "first", "finally", "lastly", "firstly", "secondly",
    # where a sentence starts: "Up in the main stand, the club's chairwoman, Maxine Scholefield, …"
    "up", "down", "out", "over", "back", "inside", "outside", "upstairs", "downstairs", "across", "around",
    "behind", "below", "above",
}  # fmt: skip
# "Eventually Mabey …", "Unusually, Quist …": an adverb before a name is no first name. The endings
# are an adverb's, not a name's ("Farrelly", "Pengelly", "Beverly").
ADVERB_RE = re.compile(r"[a-z]{3,}(?:al|ful|ous|ive|ent|ant|ing|ed|ic|ar|ate|ible|able|less|ish|ary)ly")
NAMES_LIKE_ADVERBS = {"kimberly"}
# Adverbs in -ily, spelled out: "Cecily" and "Emily" end the same way.
ILY_ADVERBS = {
    "luckily", "unluckily", "happily", "unhappily", "easily", "readily", "hastily", "angrily", "wearily", "warily",
    "heavily", "steadily", "necessarily", "primarily", "temporarily", "momentarily", "ordinarily", "arbitrarily",
    "voluntarily", "busily", "merrily", "noisily", "sleepily", "lazily", "crazily", "gloomily", "guiltily",
}  # fmt: skip


# Balinese names open with "I" (a man) or "Ni" (a woman) and a birth-order name: "I Made Dharma Putra".
BALINESE_ORDER_NAMES = {"wayan", "putu", "gede", "made", "kadek", "nengah", "nyoman", "komang", "ketut"}


def opens_balinese_name(words: Sequence[str]) -> bool:
    """Whether "I" is the first word of a Balinese name rather than the pronoun: "I Made Dharma Putra"."""
    return len(words) > 2 and words[0] == "I" and words[1].casefold() in BALINESE_ORDER_NAMES


def without_style(words: list[str]) -> list[str]:
    """A name's words without a style before them: "Her Honour Judge Miriam Okafor-Lyle"."""
    if len(words) > 2 and re.fullmatch(STYLE_BEFORE, f"{words[0]} {words[1]} "):
        return words[2:]
    if len(words) > 2 and words[0] in STYLE_WORDS and normalize_name(words[1]) in ROLE_TITLES:
        return words[1:]  # "Honour Judge Miriam Okafor-Lyle", the "Her" cut off; "Honor Kilbane" is a name
    return words


@lru_cache(maxsize=16384)
def opens_no_name(word: str) -> bool:
    """Whether a capitalised word before a name is a word of the sentence, not a first name."""
    folded = word.casefold().strip(".,")
    return (
        folded in NOT_NAME_WORDS
        or bool(DESCRIBING_PREFIX_RE.search(word))
        or folded in ILY_ADVERBS
        or (ADVERB_RE.fullmatch(folded) is not None and folded not in NAMES_LIKE_ADVERBS)
    )


# Finding the people an article introduces also passes over days, months, titles, jobs and the
# words of a sentence's start: a full name found here becomes a person.
NOT_INTRODUCING_WORDS = NOT_NAME_WORDS | {
    "about", "across", "act", "among", "another", "april", "are", "around", "august", "behind", "between", "born",
    "can", "cast", "ceo", "chair", "chapter", "chief", "cinematographer", "co-creator", "co-showrunner", "comedian",
    "composer", "costar", "could", "credit", "december", "designer", "despite", "did", "do", "does", "dr", "dr.",
    "editor", "everyone", "executive", "february", "filmmaker", "first", "founder", "friday", "guest", "had",
    "has", "have", "head", "hello", "hey", "hi", "host", "inside", "is", "january", "judge", "july", "june",
    "last", "lead", "let", "march", "may", "moderator", "monday", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx",
    "mx.", "narrator", "near", "new", "next", "nobody", "none", "nothing", "novelist", "november", "october",
    "old", "other", "outside", "over", "panelist", "part", "photo", "playwright", "please", "presenter",
    "president", "publicist", "q", "rating", "read", "reporter", "right", "saturday", "says", "scene", "second",
    "september", "should", "singer", "someone", "speaking", "spoiler", "spoilers", "spokesman", "spokesperson",
    "spokeswoman", "starring", "such", "sunday", "talking", "thank", "thanks", "third", "through", "thursday",
    "tuesday", "under", "updated", "verdict", "warning", "was", "watch", "wednesday", "were", "will", "without",
    "would", "wow", "writer-director", "understudy", "stand-in", "swing", "neither", "either", "ask",
    # a listing's or a letter's opening word: "Expect Memory Kachingwe to be asked …", "Dear Editor,"
    "expect", "dear",
    # A sentence that opens with a gerund: "Getting Ondine to say yes was the second closest."
    # "Four Tenzins.": a count of people who share a name
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "getting", "having", "being", "making", "taking", "watching", "seeing", "writing", "leaving", "losing",
    "winning", "finding", "keeping", "bringing", "turning", "looking", "coming", "going", "saying", "giving",
    "doing", "asking", "telling", "learning", "meeting", "joining", "reading", "working", "filming", "shooting",
}  # fmt: skip
# Last words of names that belong to places, companies and events, not people.
NOT_PERSON_ENDINGS = {
    "studios", "studio", "pictures", "films", "network", "networks", "channel", "festival", "awards", "award",
    "street", "avenue", "road", "theatre", "theater", "times", "magazine", "company", "entertainment",
    "productions", "production", "media", "news", "tv", "university", "college", "school", "city", "county",
    "island", "islands", "park", "hall", "hill", "center", "centre", "club", "records", "books", "press", "weekly",
    "daily", "post", "journal", "review", "reporter", "guardian", "group", "house", "academy", "institute",
    "museum", "gallery", "square", "bridge", "river", "lake", "mountains", "valley", "hotel", "bar", "cafe",
    "restaurant", "prize", "cup", "league", "season", "episode", "series", "show", "film", "movie", "premiere",
    "finale", "trailer", "podcast", "radio", "online", "plus", "max", "video", "prime", "originals", "studios'",
    "kingdom", "states", "america", "england", "london", "york", "angeles", "francisco", "toronto", "paris",
    "berlin", "dublin", "atlanta", "vancouver", "california", "texas", "georgia", "ireland", "scotland", "wales",
    "trust", "council", "committee", "foundation", "association", "society", "union", "agency", "police",
    "department", "ministry", "office", "board", "commission", "partners", "capital", "ventures", "inc", "ltd",
    "play", "stream", "streaming", "broadcasting", "television",
    "llc", "corp", "port", "harbour", "harbor", "bay", "beach", "coast", "heights", "hills", "village", "town",
    "lane", "close", "terrace", "gardens", "crescent", "row", "way", "drive", "place",
    "lido", "baths", "pier", "airport", "cathedral", "stadium",  # not "Moor", "Green" or "Church": surnames too
    "rescue", "service", "services", "authority",
    "railway", "railways", "station", "hospital", "library", "abbey", "palace", "canal", "quay", "wharf", "docks",
    "cinema", "arena", "prison", "airlines", "airways", "end",  # "the West End"
    "language", "languages",  # "Ghanaian Sign Language"
    "editions", "publishing", "publishers", "releasing", "distribution",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",  # "Lark One", "Meridian Two"
    "time", "hour", "tonight", "today", "stage",  # "Twiga Time", "Matatu Stage": programmes
}  # fmt: skip
# A document's own words in a heading in capitals, never a role: "SUMMARY (D. Zariņa)", "MINUTES (the secretary)"
HEADING_WORDS = {"summary", "minutes", "notes", "report", "agenda", "transcript", "log", "schedule", "replies"}
# Transcript labels that say what someone is rather than who: "CALLER (GARETH WYN PUGH, MERTHYR TYDFIL):".
ANONYMOUS_LABELS = {
    "caller", "listener", "viewer", "reader", "audience member", "texter", "contestant", "juror",
    "member",  # a society's "MEMBER (Yaw Darko):"
}  # fmt: skip
# A first word no one's name opens with: "County Kerry", "Mount Tallis".
NOT_PERSON_OPENINGS = {
    "county", "mount", "lake", "port", "fort", "cape", "isle", "loch", "glen", "channel",
    "north", "south", "east", "west",  # "South African", "North Yorkshire"
    "upper", "lower",  # "Upper Sorbian", "Lower Saxony"
}  # fmt: skip
# A street's first word in the languages that write a particle after it: "Rue des Tissus", "Calle de Alcalá"
STREET_OPENINGS = {"rue", "rua", "calle", "avenida", "boulevard", "plaza", "piazza", "via"}
TITLE_WORDS = "|".join(sorted({re.escape(title.rstrip(".")) for title in CHARACTER_TITLES}, key=len, reverse=True))
TITLED_WORD_RE = re.compile(rf"(?<![{WORD}'’-])(?:{TITLE_WORDS})\.?[ \t]+([{WORD}'’-]+)", re.IGNORECASE)
# Words a title capitalises and no one's name holds after its first word.
TITLE_ONLY_WORDS = {
    "after", "before", "with", "without", "under", "over", "into", "from", "about", "beyond", "behind", "between",
    "until", "against", "above", "below", "upon", "across", "through", "and", "or", "the", "a", "an", "in", "on",
    "at", "for", "to", "is", "are", "was", "my", "your", "our", "their", "his", "her", "its", "all", "every",
    "never", "no", "not", "nothing", "night", "nights", "midnight", "tonight", "today", "live", "show", "hour",
    "does", "did", "cannot", "isn't", "doesn't", "didn't", "don't", "won't",  # a song's "Selbé Does Not Wait"
}  # fmt: skip
GAELIC_PATRONYMICS = {"mac", "nic", "mhic"}  # "Mac an Bhaird": their "an" is a name's
NOT_PERSON_WORDS = {"netflix", "hbo", "hulu", "disney", "apple", "amazon", "bbc", "itv", "cbs", "nbc", "abc", "fox"}


@dataclass(frozen=True)
class PronounCredit:
    """A credit whose actor is written as a pronoun: "she plays Agnes Thrale", or with `nickname`,
    what people call them: "Everyone called him Mack". `position` is where the pronoun stands, or
    the start of its sentence when someone else is its subject ("X cast her as", "everyone called him")."""

    pronoun: str
    character: str
    paragraph: int
    position: int
    nickname: bool = False
    plays: bool = False  # the pronoun is the subject of a credit's verb: "she has played", not "she is the …"


@dataclass(frozen=True)
class Pairing:
    """A credit as written: who plays whom, with where it was found."""

    actor: str
    character: str
    paragraph: int
    form: str  # "parenthesis", "dash", "plays", "as", "possessive" or "entry" (a who's who's "Played by" line)
    start: int = 0  # where in the paragraph


@dataclass
class ArticleCast:
    """The directory an article is read against, and who in it the article itself names."""

    directory: NameDirectory
    named: set[str]  # keys of people the article names: in full, by alias, or introduced by it
    introduced: dict[str, str]  # key → full name, for people not in the database
    pairings: list[Pairing]  # the credits as written, read once for the directory and the credits
    titles: frozenset[str] = frozenset()  # runs the article shows are a work, a company or a channel, folded


def article_cast(
    texts: Sequence[str],
    directory: NameDirectory,
    *,
    works: Collection[str] = (),
    not_people: Iterable[str] = (),
    more_pairings: Sequence[Pairing] = (),
    more_nicknames: Mapping[str, str] | None = None,
) -> ArticleCast:
    """The article's directory: named people, people credited on its works, and people it introduces.

    `texts` are the headline and the paragraphs. `not_people` are names known not to be people
    (outlets, the works' titles). `more_pairings` and `more_nicknames` (full name → nickname) are
    read elsewhere: a pronoun's, once the analyser has said who it stands for.
    """
    folded_works = {normalize_name(work) for work in works}
    excluded = folded_works | {normalize_name(name) for name in not_people}
    body = texts[1:] if len(texts) > 1 else texts
    titles = frozenset(_titles(body))
    excluded |= titles | _birth_names(body)
    # "On the quay he is Ulbe Fyts, Ulbe Bike": the byname's gloss in English is nobody new
    excluded |= {clean_written(match["gloss"]) for text in body for match in GLOSSED_BYNAME_RE.finditer(text)}
    # "To call her Yevgenia Pavlovna is respect": a name she is called, and only that name, is nobody new
    # ("Yevgenia Pavlovna Sokolova", her full name, still is)
    called = _names_called(body)
    nicknames = {**_nicknames(body), **(more_nicknames or {})}
    # "in Iceland she is Sigurlaug to everybody": her own first name, no nickname
    nicknames = {
        full: nick
        for full, nick in nicknames.items()
        if clean_written(nick) != (clean_written(full).split() or [""])[0]
    }
    # "Big Rich" is Richard Hallworth, nobody new (a one-word nickname never names anyone new anyway).
    excluded |= {clean_written(nick) for nick in nicknames.values() if " " in nick}
    # A relative named by first name is introduced when new, but does not count as named in full:
    # the surname alone keeps to the person the article did write in full.
    relatives = set(_relatives_by_first_name(body))
    excluded |= {place for place in _places(body) if not directory.knows(place)}
    # a full name written with its nickname inside comes first: 'José Guadalupe “Lupe” Treviño Garza' is one
    # person, not "José Guadalupe" and "Treviño Garza"
    split = {
        full
        for text in body
        for match in NICKNAME_RE.finditer(text)
        if (full := f"{match['first']} {match['last']}") in nicknames and len(match["first"].split()) == 2
    }
    runs = [
        *split,
        *_name_runs(body),
        *(full for full in nicknames if " " in full),
        *_shared_surnames(body),
        *relatives,
    ]
    runs += _headline_names(texts[0], body, runs) if len(texts) > 1 else []
    # "ALLY GRIERSON-PIKE:" after "Alasdair Grierson-Pike …, known to everyone as Ally": the nickname
    # and the surname are the same person, nobody new.
    nicknamed = {clean_written(f"{nick} {_surname_words(full)}") for full, nick in nicknames.items() if " " in full}
    # "the crew call Bikbulatov Olatay": the surname and what he is called, nobody new either
    nicknamed |= {clean_written(f"{full} {nick}") for full, nick in nicknames.items() if " " not in full}
    runs = [run for run in runs if clean_written(run) not in nicknamed]
    exact = {written: _exact(directory, written) for written in runs}
    named = {key for written, keys in exact.items() if written not in relatives for key in keys}
    # A name one letter away from someone's ("Casimere Jolette") is that person only when the article
    # names them rightly too, or they are credited on its works: "Liang Shuwen", a critic, is not
    # "Liang Shuwei" from the database, whom the article never names.
    known = named | _credited(directory)
    close = {written: keys & known for written, keys in _near_misses(directory, runs).items() if keys & known}
    named |= {key for keys in close.values() if len(keys - named) == 1 for key in keys - named}
    pairings = credit_pairings(texts, directory, excluded | called)
    # "Ambo' Tani, as the village knows Haji Daud": what someone is called, and their name, no role
    nickname_pairs = {
        frozenset((clean_written(match["nick"]), clean_written(match["full"])))
        for text in body
        if ", as " in text
        for match in AS_KNOWN_RE.finditer(text)
    }
    pairings = [
        pairing
        for pairing in pairings
        if frozenset((clean_written(pairing.actor), clean_written(pairing.character))) not in nickname_pairs
    ]
    if more_pairings:
        pairings = sorted([*pairings, *more_pairings], key=lambda pairing: (pairing.paragraph, pairing.start))
    # a programme's heading in capitals names its actor: "MEERA SURESH PATIL — Mai" is Meera Suresh Patil; so does
    # a cast list's or a place card's line, "ALHASSAN DAWUNI SULEMANA / Kpalung-Naa"
    headed = [
        pairing.actor
        for pairing in pairings
        if (pairing.form == "entry" or (pairing.form == "list" and pairing.actor.isupper()))
        and pairing.actor not in exact
    ]
    runs += headed
    exact |= {written: _exact(directory, written) for written in headed}
    # A real person played at another age ("Ayaan Yusuf plays the young Hodan") is still a person:
    # a documentary's reconstruction names its subject, not a role of her own.
    characters = {
        untitled(normalize_name(pairing.character))
        for pairing in pairings
        if not _portrays_younger(texts[pairing.paragraph], pairing)
    }
    # "Karim Bux cannot lift the block" after "plays Ustad Karim Bux": the role without its form of address
    characters |= {
        " ".join(words[1:])
        for character in characters
        if len(words := character.split()) >= 3 and words[0] in FORMS_OF_ADDRESS
    }
    # One word of a name is a role's only for the article's roles and those of people it names or of its
    # works: "Uncle Fiifi" of another show does not make "Fiifi Quansah", a quiz host, nobody.
    credited = _credited(directory)
    part_characters = set(characters)
    for entry in directory.people.values():
        roles = {untitled(normalize_name(character)) for character in entry.characters}
        characters |= roles
        if entry.key in named or entry.key in credited:
            part_characters |= roles
    actors = {clean_written(pairing.actor) for pairing in pairings}
    # "the show's director of photography, Erwan Tanguy": someone who works on the show, whatever role's name
    # his surname shares ("Yann-Ber Quéré plays the ferry captain, Tanguy")
    staff = {clean_written(match["name"]) for text in body if ", " in text for match in STAFF_RE.finditer(text)}
    # "PĚTR MUCHA (Budyšinske listy):" asking the questions, whatever role's name his first name shares
    staff |= {clean_written(match["name"]) for text in body for match in BRACKETED_LABEL_RE.finditer(text)}

    introduced: dict[str, str] = {}
    short_forms: list[tuple[str, str]] = []  # (full name, the short form of it the article also writes)
    address_words, explained_words, titles_explained = _address_words(runs, body)
    address_words -= GIVEN_NAME_HONORIFICS
    seen: set[str] = set()
    # Surnames of names written with a first name: "Madame Sadowska" is how Agnieszka Sadowska is
    # addressed, not somebody else.
    full_surnames = {
        words[-1]
        for written in runs
        if len(words := clean_written(written).split()) >= 2 and words[0] not in FORMS_OF_ADDRESS
    }
    own_runs = [run for run in runs if run not in relatives]
    # full names whose first word is no form of address, for a form of address written before them
    named_later = [
        run
        for run in own_runs
        if len(words := clean_written(run).split()) >= 2
        and len(words[0].rstrip(".")) > 1  # not "S. Mpofu", a call sheet's initial for Sibusiso Mpofu
        and words[0] not in GIVEN_NAME_FORMS | FORMS_OF_ADDRESS | RANKS
        and words[-1] not in HONORIFICS_AFTER | GIVEN_NAME_FORMS  # "calls Khurshed Qodirov Bobo, grandfather"
        and not directory.knows(run)
    ]
    # the same, never one run into the form of address it is called by ("Musa Lahai Kpaka Pa Musa", "Sena Agbeko Da
    # Sena"), for a form of address before a given name the article names in full further on
    spelt_later = [other for other in named_later if not address_words.intersection(clean_written(other).split()[1:])]
    # "Pizarro Lagos" beside 'Ignacio "Nacho" Pizarro Lagos': the surnames of a name written in full
    surnames_of_full = {" ".join(words[1:]) for full in nicknames if len(words := clean_written(full).split()) >= 3}
    first_two_of_three = {
        (words[0], words[1]): " ".join(words) for run in own_runs if len(words := clean_written(run).split()) == 3
    }
    for written in runs:
        folded = clean_written(written)
        if folded in seen:
            continue
        seen.add(folded)
        if folded in surnames_of_full and not directory.knows(written):
            continue
        if len(folded.split()) >= 3 and folded.split()[-1] in address_words and not directory.knows(written):
            # "called Alhassan Dawuni Sulemana Mba Alhassan": his name runs into what he is called (a form of
            # address ends no run but in a sentence about names)
            continue
        words = normalize_name(written).split()
        if fuller := _surname_shortened(written, own_runs, body):
            short_forms.append((fuller, _as_printed(written, runs)))  # a ticket's "Bosco D'M." for Bosco D'Mello
            continue
        if len(words) >= 3 and words[-1] in HONORIFICS_AFTER and " ".join(words[:-2]) in full_surnames:
            continue  # "the crew call Şahin-Brookes Elif Hanım": her surname, then what they call her
        after = len(words) == 2 and words[1] in HONORIFICS_AFTER  # Turkish "Nurten Hanım", "Cemal Bey"
        if len(words) == 2 and words[0] in address_words and folded not in actors and not directory.knows(written):
            # a form of address the rules do not know ("Pu Zirliana" for Zirliana Pachuau), before the given name of
            # the one person the article has already named in full (but "Colm Farrelly arrived. Farrelly Brennan, his
            # cousin, did not." names two people)
            # (a cast list in capitals names its actors in full wherever it stands: "ALHASSAN DAWUNI SULEMANA /
            # Kpalung-Naa" over "Mba Alhassan")
            # (or named in full further on: "Ya Isatu" in the transcript, Isatu Yillah Kargbo in the notes after it)
            # ("Sorie Kabia" being the first words of Sorie Kabia Thoronka, nobody else)
            later = spelt_later if words[0] in explained_words else []  # (only a form of address the article explains)
            pool = {clean_written(other): other for other in [*introduced.values(), *headed, *later]}
            pool = [other for folded_other, other in pool.items() if not any(
                longer.startswith(f"{folded_other} ") for longer in pool
            )]  # fmt: skip
            given = {
                other
                for other in pool
                if clean_written(other).split()[0] == words[1] and clean_written(other) != folded
            }
            # or, a form of address the article explains, before the surname of the one person named in full with it:
            # "Ba Kapembwa" after "Ba in front of a name is respect" (a short given name may go before a relative's
            # surname: "Akua Danso", Isla Danso's mother)
            # (only someone named already: "Bríd Mulcahy and Sorcha Mulcahy" are sisters, "elder" explaining nothing)
            given = given or {
                other
                for other in {clean_written(other): other for other in [*introduced.values(), *headed]}.values()
                if len(other_words := clean_written(other).split()) >= 2
                and other_words[-1] == words[1]
                and other_words[0] != words[0]
                and words[0] in explained_words
            }
            if len({clean_written(other) for other in given}) == 1 and untitled(folded) not in characters:
                short_forms.append((sorted(given)[0], _as_printed(written, runs)))
                continue
        if len(words) == 2 and (words[0] in GIVEN_NAME_HONORIFICS or after) and not directory.knows(written):
            first = words[0] if after else words[1]
            # the given name, or the nickname the article gives: "Doña Lupita", "Khun Ploy"; of someone introduced
            # already or named in full further on ("Ingahy Justin" before "Justin Rakotondrabe, the harbourmaster")
            pool = {clean_written(other): other for other in [*introduced.values(), *named_later]}.values()
            given = [
                other
                for other in pool
                if clean_written(other).split()[0] == first
                # "Tia Lourdes" for Maria Lourdes Rodrigues, who goes by her second given name
                or first in clean_written(other).split()[1:-1]
                or clean_written(nicknames.get(other, "")) == first
                or _short_form(first, other)  # "Don Maxi" after "Maximino Coyotzi Ramírez"
            ]
            # one person written with and without a patronymic ("Zagir Rakhimovich Yanbaev" is "Zagir Yanbaev"), and
            # never a run that is the name and this form of address together ("calls Bernadette Agossou Nan
            # Bernadette")
            given = [
                other
                for other in given
                if not any(_middle_dropped(clean_written(shorter), clean_written(other)) for shorter in given)
                and not clean_written(other).endswith(f" {folded}")
                # "AKPLOGAN Dossa Bernadette" beside "Dossa Bernadette Akplogan": one person, credited so
                and not any(_surname_first_in_capitals(other, same) for same in given)
            ]
            # a nickname set inside a full name the article writes later on: 'Chanakarn “Ploy” Srisawat'
            given = given or [full for full, nick in nicknames.items() if " " in full and clean_written(nick) == first]
            if not given and not after:
                # "Baba Mpofu": the form of address before the surname of the one person the article names with it
                given = [other for other in pool if clean_written(other).split()[-1] == first]
            # never a role's name: "Auntie Kemi, played by Kemi Balogun-Hart", "Bibi Zawadi is played by …"
            if len(given) == 1 and untitled(folded) not in characters:
                # "to his neighbours he is Don Wilber": Wilber Quispe Mamani; "I call him Ato Tesfaye" is
                # Tesfaye Gebremedhin even beside Hanna Tesfaye, his daughter, who carries his given name
                short_forms.append((given[0], _as_printed(written, runs)))
                continue
        if (
            folded in called
            or not _may_be_person(written, folded, excluded, characters, actors | staff, part_characters)
            or directory.knows(written)
        ):
            continue
        titled_words = list(dropwhile(lambda word: word in FORMS_OF_ADDRESS | RANKS, words))
        if len(titled_words) == 1 and len(words) >= 2 and titled_words[0] in full_surnames:
            continue  # "Mrs Cabusas", "Vice Mayor Cuizon": titles before the surname of someone named in full
        if after and words[0] in full_surnames:
            continue  # "Chaudhry Sahib, as the crew call the producer": Rafay Chaudhry's surname and an honorific
        if exact[written] or len(close.get(written, ())) == 1:
            continue
        if (surname := directory.resolve(written, context_keys=named)).key in named and surname.confidence >= 0.8:
            continue  # "Nogueira de Sá" after "Beatriz Nogueira de Sá": her surname, not someone new
        if _within(folded, introduced):
            continue  # "Leo Albright" after "Leo Albright Jr" or the other way round: one person
        if (
            len(words) == 3
            and words[-1] in FATHERS_CHILD
            and len(owners := [other for other in introduced.values() if clean_written(other).split()[0] == words[0]])
            == 1
        ):
            # "Ilnur Rinatovich Galimzyanov … In Tatar the same man is Ilnur Rinat uly": his given name and his
            # father's, said the Turkic way, for the one person of the article with that given name
            short_forms.append((owners[0], _as_printed(written, runs)))
            continue
        if len(words) == 2 and (three := first_two_of_three.get((words[0], words[1]))):
            # "Daur Khutovich" after "Daur Khutovich Gublia": his given name and his father's, said without the
            # surname, for the one person the article introduced with all three
            owners = [other for other in introduced.values() if _ends_of(clean_written(other)) == _ends_of(three)]
            if len(owners) == 1:
                short_forms.append((owners[0], _as_printed(written, runs)))
                continue
        if _initialled(folded, own_runs):
            if fuller := _initialled_full(folded, own_runs):
                short_forms.append((fuller, _as_printed(written, runs)))  # a call sheet's "J. A. Iturbe Goñi"
            continue  # "B. Garside" beside "Bryony Garside": one person, written short, and never the
            # father the article gave her surname to ("the R in R. Vaishnavi is for her father, Rajendran")
        name = _without_title(_as_printed(written, runs))
        if len(name_words := name.split()) >= 3 and normalize_name(name_words[0]) in titles_explained:
            name = " ".join(name_words[1:])  # "Ustod Jamshed Safarov", "Ustod, master," explained: Jamshed Safarov
        if clean_written(name) in {clean_written(other) for other in introduced.values()}:
            continue  # "Sir Lionel Prideaux" and "Lionel Prideaux": one person
        if name != written and _within(clean_written(name), introduced):
            continue  # "Ustad Gul Agha" after "Gul Agha Mangal": a title and his given names
        if fuller := _short_form_of(name, introduced.values()):
            short_forms.append((fuller, name))  # "Toby Fairweather" after "Tobias Fairweather": one person
            continue
        if shorter := next(
            (other for other in introduced.values() if _middle_dropped(clean_written(other), folded)), None
        ):
            short_forms.append((shorter, name))  # "Rosa Kiyomi Higa Tokashiki" after "Rosa Higa Tokashiki": her
            continue
        if longer := next(
            (other for other in introduced.values() if _middle_dropped(folded, clean_written(other))), None
        ):
            # "Noura bint Saeed Al Hamli … professionally she is Noura Al Hamli", "Rodel Santos Buenaventura
            # Jr., … Rodel Buenaventura Jr.": one person, by the name without the middle, the one used day to day
            # when the article says so or writes it in its prose as often; otherwise the full name stays theirs
            # ("(music supervisor: Rosamma Kallarakkal)", a heading's, after "Rosamma Thomas Kallarakkal")
            if _used_day_to_day(name, body) or _in_prose(name, body) >= max(1, _in_prose(longer, body)):
                _rename(introduced, longer, name)
                short_forms.append((name, longer))
            else:
                short_forms.append((longer, name))
            continue
        if reversed_order := next(
            (
                other
                for other in introduced.values()
                if (
                    clean_written(other).split()[::-1] == folded.split()
                    or _surname_first_in_capitals(name, other)
                    or _surname_first_in_capitals(other, name)
                )
                and not _told_apart(name, other, body)
            ),
            None,
        ):
            # "at home she was Somlyai Ildikó", family name first, after "Ildikó Somlyai": one person
            if (
                not _rendered_as(reversed_order, body)
                and not _surname_first_in_capitals(reversed_order, name)  # "AKPLOGAN Dossa Bernadette", as credited
                and _in_prose(name, body) <= _in_prose(reversed_order, body)
            ):
                short_forms.append((reversed_order, name))
                continue
            # "the credits list everyone family name first, so the star appears as Vámosi Ilona; …
            # The widow is played by Ilona Vámosi": the name as the article goes on to write it; so too a
            # caption's "Vámos Gergely (Laci)" when the paragraphs below write Gergely Vámos
            _rename(introduced, reversed_order, name)
            short_forms.append((name, reversed_order))
            continue
        if plainer := next((other for other in introduced.values() if _spelt_plainly(other, name)), None):
            short_forms.append((plainer, name))  # "On his driving licence Ivvár is Ivar Sjaggo": one person
            continue
        introduced[NEW + _slug(clean_written(name))] = name

    # "VhoMukwevho", a form of address joined to a surname, is the one person the article names with that surname
    joined_forms = {match.group(): match for text in body for match in JOINED_ADDRESS_RE.finditer(text)}
    for written, joined in joined_forms.items():
        if joined[1].lower() not in JOINED_SURNAME_OPENERS and not directory.knows(written):
            surname = clean_written(joined[2])
            owners = [name for name in introduced.values() if clean_written(name).split()[-1] == surname]
            if len(owners) == 1:
                short_forms.append((owners[0], written))
    entries = {key: directory.people[key] for key in named | _credited(directory)}
    for key, name in introduced.items():
        entries[key] = PersonEntry(key, name, first_name_only=name in relatives)
    # "Tobias is Ferdinand Oakes-Lyle": when the first name is a role the article credits, a credit.
    role_words = {word for character in characters for word in character.split()}
    # (nor a name the article has already said whose it is: "Kachutosy Nakamura, known as Kachu" and then
    # "Kachu is Weno Base", his station's call sign, no second person)
    nicknamed_already = {clean_written(nick) for nick in nicknames.values()}
    identities = [
        (full, nick)
        for full, nick in _identities(body).items()
        if clean_written(nick) not in role_words | nicknamed_already
    ]
    for text in body:
        pairs = [
            (match["first"], nick)
            for match in (FIRST_NAME_IS_RE.finditer(text) if " is " in text else ())
            for nick in (match["nick"], match["also"])
            if nick
        ]
        for first, nick in pairs if len(pairs) >= 2 else ():
            owners = [name for name in introduced.values() if clean_written(name).split()[0] == clean_written(first)]
            # (never a role the article credits: "Ekaterine is Eka or Keto" beside "the bride's grandmother, Keto")
            if (
                len(owners) == 1
                and clean_written(nick) not in clean_written(owners[0]).split()
                and clean_written(nick) not in role_words
            ):
                short_forms.append((owners[0], nick))
    for full, nick in [*nicknames.items(), *short_forms, *identities]:
        keys = _exact(directory, full) or {
            key for key, name in introduced.items() if clean_written(name) == clean_written(full)
        }
        # (after a form of address, "Haji Baharuddin", a name of one word too)
        bare = " ".join(dropwhile(lambda word: word in FORMS_OF_ADDRESS, clean_written(full).split()))
        if not keys and bare and " " not in bare:  # a surname, or else a first name: the one person who has it
            for word in (-1, 0):
                keys = {key for key in entries if clean_written(entries[key].name).split()[word] == bare}
                if keys:
                    break
            keys = keys if len(keys) == 1 else set()
        # 'Augustus “Gus” Mensah-Whitfield' is "Gus Mensah-Whitfield" in the headline too.
        also = (f"{nick} {_surname_words(full)}",) if (full, nick) in nicknames.items() and " " in full else ()
        for key in keys & entries.keys():
            entry = entries[key]
            entries[key] = replace(entry, aliases=(*entry.aliases, nick, *also))
    cast = NameDirectory(entries.values())
    roles: dict[str, list[str]] = {}
    # A role's nickname is the role too: "Giorgi Beridze, known to the whole family as Gogi, and he is voiced by …"
    role_nicknames = {clean_written(full): nick for full, nick in nicknames.items()}
    # (a role of one word too: "Ketty Thill is his wife, Marie-Josée, known to everyone as Josée")
    role_nicknames |= {
        clean_written(match["role"]): match["nick"]
        for text in body
        if " known " in text
        for match in ROLE_KNOWN_AS_RE.finditer(text)
        if clean_written(match["role"]) not in role_nicknames
    }
    for pairing in pairings:
        resolution = cast.resolve(pairing.actor, context_keys=named | set(introduced))
        if not resolution.key:
            continue
        known = cast.character(pairing.character)
        if not known:
            roles.setdefault(resolution.key, []).append(pairing.character)
        nick = role_nicknames.get(clean_written(pairing.character))
        if nick and (not known or known[1] == resolution.key) and not cast.knows(nick) and not cast.character(nick):
            roles.setdefault(resolution.key, []).append(nick)
    if roles:
        cast = _with_roles(entries, roles)
        # "Sir Percival Rusk" after a credit for "Sir Percival": the role's full name, so "Rusk" is him too.
        fuller: dict[str, list[str]] = {}
        for written in dict.fromkeys(runs):
            role = cast.character(written)
            if role and clean_written(written).split()[0] == clean_written(entries[role[1]].name).split()[-1]:
                continue  # "the crew call Şahin-Brookes Elif Hanım": the actor's surname, then what she is called
            if role and len(untitled(clean_written(written)).split()) > len(untitled(clean_written(role[0])).split()):
                fuller.setdefault(role[1], []).append(written)
        if fuller:
            cast = _with_roles(entries, {key: [*roles.get(key, ()), *fuller.get(key, ())] for key in entries})
    return ArticleCast(cast, named | set(introduced), introduced, pairings, titles)


def _capitals_act(heading: re.Match, worded: Sequence[Pairing], directory: NameDirectory) -> bool | None:
    """Whether a biography's heading in capitals names the actor, and the words after its dash the role: the
    other side is a known person or a worded credit's actor (no), or opens with a worded credit's role (yes)."""
    other = clean_written(heading["actor"])
    if len(heading["role"].split()) >= 2 and directory.knows(heading["role"]):
        return True  # "VAISHNAVI KALE — Vahini", an actor the database knows
    if not other or directory.knows(heading["actor"]) or other in {clean_written(p.actor) for p in worded}:
        return False
    roles = {untitled(clean_written(pairing.character)) for pairing in worded}
    if other in roles or other.split()[0] in roles:
        return True
    return None


def _with_roles(entries: dict[str, PersonEntry], roles: dict[str, list[str]]) -> NameDirectory:
    return NameDirectory(replace(e, characters=(*e.characters, *roles.get(e.key, ()))) for e in entries.values())


def credit_pairings(texts: Sequence[str], directory: NameDirectory, not_people: Iterable[str] = ()) -> list[Pairing]:
    """Every credit written in the text, each side trimmed to its name; a role keeps its titles.

    The forms: "Character (Actor)" and "Actor (Character)", the same between dashes or as a cast
    list's "Actor — Character" line, "Actor, who plays Character", "Character, played by Actor" and
    "Actor as Character". In a parenthesis or between dashes either side may be the actor: the side
    that is a known person, or is written like one (a surname used alone elsewhere in the article,
    no title such as "Inspector"), is the actor; when nothing tells them apart, the article's other
    parentheses decide, then the convention of the form: "Character (Actor)", "Actor — Character".
    """
    texts = [NICKNAME_RE.sub(_blank_nickname, text) for text in texts]
    whole = "\n".join(texts)
    excluded = {clean_written(name) for name in not_people}
    # not the given name after "Kyra" or "Haj" ("Kyra Froso", "Haj Mahmoud"), as "Mr Rudge" writes a surname
    surnames = {
        words[-1]
        for run in _name_runs(texts)
        if not (len(words := run.split()) == 2 and words[0].lower() in GIVEN_NAME_FORMS)
    }
    found = _worded_pairings(texts, directory, excluded, surnames)
    # A role described, then the name it goes by: "Jago Trewhella plays her grandfather, who is Grandfer Uren to
    # everyone in the film", "Marilou Tehee as the family's grandmother, whom everybody in the series calls Elisi"
    for index, text in enumerate(texts):
        # "the actor who plays Ablikim, Ilyar Kasymov on the call sheet, …": the role, then who plays it
        for match in ACTOR_WHO_PLAYS_RE.finditer(text) if " who plays " in text else ():
            found.append(Pairing(_trim(match["actor"]), trim_role(match["character"]), index, "plays", match.start()))
        for match in DESCRIBED_THEN_NAMED_RE.finditer(text) if ", who" in text else ():
            form = "as" if match["verb"] == "as" else "plays"
            found.append(Pairing(_trim(match["actor"]), trim_role(match["character"]), index, form, match.start()))
    # A who's who: a role's name on a line of its own, then "Played by Sevim Altıntaş" on the next.
    for index, text in enumerate(texts[1:], 1):
        if (line := PLAYED_BY_LINE_RE.fullmatch(text)) and (role := ROLE_LINE_RE.fullmatch(texts[index - 1])):
            found.append(Pairing(_trim(line["actor"]), trim_role(role["role"]), index, "entry", 0))
    for index, text in enumerate(texts):
        lines = [*texts[index - 1].split("\n")[-1:], *text.split("\n")] if index else text.split("\n")
        for above, line in pairwise(lines):
            if (by := BY_LINE_RE.match(line)) and (
                (
                    above.isupper()
                    and (heading := CAPS_ROLE_LINE_RE.fullmatch(above))
                    and heading["role"] not in {"THE", "A", "AN"}
                )
                or (heading := ROLE_FIRST_LINE_RE.match(above))
            ):
                role = " ".join(word.capitalize() for word in heading["role"].split())
                found.append(Pairing(_trim(by["actor"]), trim_role(role), index, "entry", 0))
    # A screenplay's list of its people: "GESTUR, a lighthouse keeper, sixty (Kári Þorgrímsson)"
    for index, text in enumerate(texts):
        for line in text.split("\n") if "(" in text else ():
            if personae := PERSONAE_LINE_RE.fullmatch(line):
                role = " ".join(word.capitalize() for word in personae["role"].split())
                found.append(Pairing(_trim(personae["actor"]), trim_role(role), index, "entry", text.find(line)))
    # A career gone through part by part, each under a numbered heading of its own: "ROLE No. 2: Induna Namushi,
    # Lealui Nights (1998–2003)" is a role of the one person the headline names in full
    numbered = [(index, part) for index, text in enumerate(texts[1:], 1) if (part := NUMBERED_ROLE_RE.fullmatch(text))]
    subject = next((run for run in map(_trim, _name_runs(texts[:1])) if len(run.split()) >= 2), None)
    for index, match in numbered if subject and len(numbered) >= 2 else ():
        found.append(Pairing(subject, trim_role(match["role"]), index, "entry", 0))
    # A programme's biographies, each under its role in capitals and the actor: "KWADWO - Kwabena Mensah-Bonsu"
    headed = [(index, match) for index, text in enumerate(texts) if (match := ROLE_HEADING_RE.fullmatch(text))]
    # … or under the actor in capitals and the role: "MADHAV DATTATRAY SAWANT — Aaba Sawant", when the
    # article's worded credits say so ("Madhav Sawant is magnificent as Aaba")
    votes = Counter(_capitals_act(match, found, directory) for _, match in headed if len(headed) >= 2)
    capitals_act = votes[True] > votes[False]
    for index, match in headed if len(headed) >= 2 else ():
        capitals = " ".join(word.capitalize() for word in match["role"].split())
        if capitals_act:
            found.append(Pairing(_trim(capitals), trim_role(match["actor"]), index, "entry", 0))
        else:
            found.append(Pairing(_trim(match["actor"]), trim_role(capitals), index, "entry", 0))
    titled: list[frozenset[str]] = []  # read once, and only for an article with a parenthesis or dash
    # What the worded credits say settles a parenthesis or a dash about the same people.
    actors = {clean_written(pairing.actor) for pairing in found}
    roles = {untitled(clean_written(pairing.character)) for pairing in found}

    # A role's family name: "Tom Quarrie" beside a credited "Nell Quarrie" is one of the family too.
    role_families = {role.split()[-1] for role in roles if len(role.split()) >= 2} - {
        actor.split()[-1] for actor in actors if actor
    }

    # "WINSOME TRASK-ILORI: Phyllida was written as a man at first.": whoever speaks under a label
    # of their own name is a person, so in "Winsome Trask-Ilori (Phyllida Tulloch)" the actor.
    labelled = {clean_written(match["name"]) for text in texts if (match := SPEAKER_LABEL_RE.match(text))}
    # "Longshot — Dandara, Nenê arrives …": a label opening two paragraphs or more before a dash is a
    # transcript's speaker, and what follows it is what they said, not a role.
    dash_openers = Counter(clean_written(match["left"]) for text in texts if (match := DASH_OPENER_RE.match(text)))
    dash_labels = {label for label, count in dash_openers.items() if count >= 2}

    # "Llewelyn-Baptiste, who has played Nora": in "Ffion Llewelyn-Baptiste (Nora Hollin)" the surname
    # of a worded credit's actor is the actor, and a role it names by first name is the role.
    actor_surnames = {actor.split()[-1] for actor in actors if actor and " " not in actor}
    first_name_roles = {role for role in roles if role and " " not in role}

    shared = {clean_written(full) for full in _shared_surnames(texts)}
    # "Kojo" of "Kojo and Kofi Asamoah-Yeboah", two people the article names with one surname: a person called by
    # a first name (a role's first name, "Odette" of "Odette Fontenot", is not counted)
    given_names = Counter(
        clean_written(name)
        for text in texts
        if " and " in text or " & " in text
        for match in SHARED_SURNAME_RE.finditer(text)
        if clean_written(f"{match['first']} {match['last']}") in shared
        for name in (match["first"], match["second"])
    )

    def likeness(side: str) -> tuple[int, int]:
        folded = clean_written(side)
        words = untitled(folded).split()
        if folded in actors or folded in labelled or (len(words) >= 2 and words[-1] in actor_surnames):
            known = 4
        elif " " not in folded and given_names[folded] == 1 and folded not in roles and folded not in first_name_roles:
            known = 3  # "the twins Atta Panyin (Kojo) and Atta Kakra (Kofi)" after Kojo and Kofi Asamoah-Yeboah
        elif untitled(folded) in roles or (len(words) >= 2 and words[0] in first_name_roles):
            known = -4
        else:
            known = 0
        if not known and len(folded.split()) >= 2 and folded.split()[-1] in role_families:
            known = -2
        if not titled:
            titled.append(_titled_words(whole))
        strong, usage = _person_likeness(side, directory, whole, titled[0])
        return known + strong, usage

    undecided: list[tuple[int, str, str, str, str, int, int]] = []
    votes = Counter()
    list_votes = Counter()  # a cast list's own order, apart from the article's parentheses
    numbered_list = sum(len(NUMBERED_DASH_LIST_RE.findall(text)) for text in texts if " — " in text or " – " in text)
    for index, text in enumerate(texts):
        # A cast list, one "Role: Actor" a line, each line a paragraph of its own or not.
        listed = len(COLON_LIST_RE.findall(text)) >= 2 or (
            COLON_LIST_RE.match(text) is not None
            and any(0 <= other < len(texts) and COLON_LIST_RE.match(texts[other]) for other in (index - 1, index + 1))
        )
        for pattern, form in (
            (PAREN_RE, "parenthesis"),
            (DASH_RE, "dash"),
            *(((HYPHEN_LIST_RE, "dash"),) if " - " in text and _hyphen_listed(texts, index) else ()),
            *(((COLON_LIST_RE, "list"),) if listed else ()),
            *(((BOARD_RE, "list"),) if ";" in text and len(BOARD_RE.findall(text)) >= 2 else ()),
            *(((NUMBERED_DASH_LIST_RE, "list"),) if numbered_list >= 2 else ()),
        ):
            for match in pattern.finditer(text):
                left, right = _trim(match["left"]), trim_role(match["right"])
                left_role = trim_role(match["left"])  # "Dr. Imre Vasko (Hollis Crewe)": the role keeps its title
                if not left or not right or _short_form(right, left):
                    continue  # "Tobias Fairley — Toby, to everyone —": what he is called, not whom he plays
                if form == "parenthesis" and match["tail"] and LISTING_TAIL_RE.match(match["tail"]):
                    continue
                if form == "parenthesis" and PERSONAE_LINE_RE.fullmatch(_line_at(text, match.start())):
                    continue  # "ELÍN, his daughter, home from Copenhagen (Ragnheiður …)": read as the list's line
                if form == "parenthesis" and RANKING_AFTER_RE.match(text, match.end()):
                    continue  # "7. Ninety Winters (Boreal), 139 points": a title, its channel and its score
                if (
                    form == "parenthesis"
                    and (match["right"].isupper() or (match["left"].isupper() and match["tail"]))
                    and text[match.end() :].startswith(":")
                ):
                    # "TIBOR (VOICE NOTE): …", "STUDENT (Kelechi Anyanwu, final year): …": a transcript's label
                    # and how the words reached it, or who holds it
                    continue
                if (
                    form == "parenthesis"
                    and re.search(r"\b(?:by|from)\s+$", text[max(0, match.start() - 8) : match.start()])
                    and re.match(r"[ \t]*:", text[match.end() :])
                ):
                    continue  # "Post by Garik Simonyan (Gyumri):": a post's signature and where it comes from
                if form == "parenthesis" and FROM_LIST_BEFORE_RE.search(
                    text, sentence_start(text, match.start()), match.start()
                ):
                    continue  # "questions come from Maialen Urkiza (Tolosa), Koldo Zabala (Bilbao)": their towns
                if pattern is NUMBERED_DASH_LIST_RE:
                    # the role first, described, and its actor last; the role may speak under a label of its own
                    # further on ("Firuz, in the interview room, on his father: “…”")
                    found.append(Pairing(right, left_role, index, form, match.start()))
                    continue
                if form == "list" and clean_written(match["left"]) in labelled:
                    continue  # "Iturbe: Smoke.": a one-word answer under a speaker's label, not a role
                if form == "list" and re.match(AWARD, match["left"]):
                    continue  # "Best Comedy Series: Doubles Trouble": an award and its winner
                if form == "list" and clean_written(match["left"]) in MAKING_CREDITS:
                    continue  # "Text: Zuzanna Pietrzyk-Osei", "Map: Igor Mazur": who made the page
                if form == "dash" and clean_written(match["left"]) in dash_labels and not text[: match.start()].strip():
                    continue
                if (
                    form == "parenthesis"
                    and not text[: match.start()].strip(" *_")
                    and text[match.end() :].lstrip(" *_")[:1] == ":"
                    and (" " not in match["right"].strip() or POSSESSIVE_RE.search(match["right"].strip()))
                ):
                    continue  # "MATHESON-ADJEI (Tayside): Puffin.": a speaker's label and where they are from
                if (
                    form == "parenthesis"
                    and clean_written(match["left"]) in ANONYMOUS_LABELS
                    and text[match.end() :].lstrip(" *_")[:1] == ":"
                ):
                    continue  # "CALLER (GARETH WYN PUGH, MERTHYR TYDFIL):": a caller and who they are
                if (
                    form == "parenthesis"
                    and match["left"].isupper()
                    and match["tail"]
                    and CLOCK_RE.search(match["tail"])
                ):
                    continue  # "ANNOUNCEMENTS (P'Tong, 05:20, on the landing)": who read it out, and when
                if (
                    form == "parenthesis"
                    and match["left"].isupper()
                    and clean_written(match["left"]).rpartition(" ")[2] in HEADING_WORDS
                ):
                    # "TABLE READ — MONDAY — SUMMARY (D. Zariņa)", "LD NOTES (S. HUAMÁN) / REPLIES (DON TEO)": a
                    # heading and who wrote it up
                    continue
                if form == "parenthesis" and text.isupper() and inside_quotation(text, match.start()):
                    continue  # 'THE GROUP CHAT, "YONAN BAKERY (CAST ONLY)"': a name in a heading
                if form == "parenthesis" and re.match(r"The[ \t]+\S+[ \t]+\S", match["right"]):
                    continue  # "Çay Bahçesi (The Tea Garden)": a title and its translation
                if (
                    form == "parenthesis"
                    and match["right"].startswith("The ")
                    and not text[: match.start()].strip(" *_")
                    and re.match(
                        r"[ \t]+[a-z]|,[ \t]+(?:\w+[ \t]+)?(?:episodes?|parts?|seasons?|series)\b|,[ \t]+which\b",
                        text[match.end() :],
                    )
                ):
                    # "Myit Kan Thar (The Riverbank) followed a family …", "Corvo Mariño (The Cormorant), six episodes
                    # for TV Atlántica, …", "Te Kaibuke (The Ship), which Mwaneaba TV broadcasts …": a title opening
                    # its paragraph
                    continue
                if form == "parenthesis" and clean_written(right) in OFFICES:
                    continue  # "Miss H. Arzu (Chair), Sis. M. Zuniga (Secretary)": who holds which office
                if form == "parenthesis" and POSSESSIVE_INSIDE_RE.search(match["right"]):
                    continue  # "Mũgumo wa Cũcũ (Grandmother's Fig Tree)": a title's translation, no actor
                if form == "parenthesis" and TRANSLATED_TITLE_RE.match(match["right"]):
                    continue  # "Nyumbani kwa Bibi Zawadi (At Grandma Zawadi's House)": a title's translation
                if (
                    form == "parenthesis"
                    and not match["played"]
                    and not match["as"]
                    and clean_written(left) in excluded
                ):
                    continue  # "Ka Hale Kūʻai (The Store)": a title the article gives as a show's, and its translation
                if form == "parenthesis" and TITLE_ITEM_RE.search(
                    text, max(0, match.end("left") - 80), match.end("left")
                ):
                    continue  # "special mention, The Loom at Night (Dildora Tursunova)": a title and its maker
                if form == "parenthesis" and match["tail"] and OFFICE_RE.match(match["left"]):
                    continue  # "Cllr Glenys Hope (Llanddewi First, North ward)": a party and a ward
                if form == "dash" and match["left"].isupper() and DATELINE_RE.match(text, match.end()):
                    continue  # "LOS ANGELES — Lamar Castellanos, who has played …": where the story was filed
                if form == "parenthesis" and match["played"]:
                    found.append(Pairing(right, left_role, index, form, match.start()))
                    votes["right"] += 1
                    continue
                if form == "parenthesis" and match["tail"] and TENURE_RE.match(match["tail"]):
                    found.append(Pairing(left, right, index, form, match.start()))  # "Ada Obi (Tess, 1998–2011)"
                    votes["left"] += 1
                    continue
                if form == "parenthesis" and match["described"]:
                    described = match["described"].rstrip()
                    if (described.endswith(",") and described.rstrip(",").split()[-1] not in PERSON_JOBS) or (
                        len(left.split()) >= 2 and " " not in right
                    ):
                        # "Kári Steinsson Blöndal (the cooper, Bensi)", "Ánte Jovnna Sara (the reindeer herder
                        # Piera)": a role set off by what it is, beside an actor's full name
                        found.append(Pairing(left, right, index, form, match.start()))
                    else:  # "Isla (the ever-reliable Ifor ap Rhys)"
                        found.append(Pairing(right, left_role, index, form, match.start()))
                    continue
                if form == "dash" and DASH_ACTOR_AFTER_RE.match(text, match.end("right")):
                    found.append(Pairing(right, left_role, index, form, match.start()))
                    continue
                if form == "parenthesis" and match["as"]:
                    if winner := AWARD_WINNER_RE.search(text, 0, match.start()):
                        left = _trim(winner["actor"]) or left  # "Best Actor: Ada Obi, Harbour (as Isla)"
                    found.append(Pairing(left, right, index, form, match.start()))
                    votes["left"] += 1
                    continue
                (left_strong, left_usage), (right_strong, right_usage) = likeness(left), likeness(right)
                lean = left_strong - right_strong
                if (
                    form == "parenthesis"
                    and abs(lean) < 4
                    and KIN_DESCRIBED_BEFORE_RE.search(text, max(0, match.start() - 80), match.start())
                ):
                    found.append(Pairing(right, left_role, index, form, match.start()))
                    continue
                if lean:
                    actor, character = (left, right) if lean > 0 else (right, left_role)
                    if form in ("parenthesis", "list"):
                        (votes if form == "parenthesis" else list_votes)["left" if lean > 0 else "right"] += 1
                    found.append(Pairing(actor, trim_role(character), index, form, match.start()))
                elif form == "parenthesis" and ROLE_DESCRIBED_BEFORE_RE.search(text, 0, match.start()):
                    # "The harbourmaster, Isla Mowat (Halldis Crowe),": what the story makes her comes
                    # before the role, never before the actor
                    found.append(Pairing(right, left_role, index, form, match.start()))
                else:
                    undecided.append((index, left, left_role, right, form, match.start(), left_usage - right_usage))
    # What the article's decided parentheses show is its convention, and it outweighs how a name is
    # used: a recap calls its characters by surname as often as a review calls its actors.
    actor_left = votes["left"] > votes["right"]
    for index, left, left_role, right, form, start, usage in undecided:
        if form == "parenthesis" and not votes and usage:
            actor_left = usage > 0
        # A list's decided lines show its order; undecided, a cast list most often reads "Role: Actor".
        left_acts = list_votes["left"] > list_votes["right"] if form == "list" else actor_left
        actor, character = (left, right) if left_acts or form == "dash" else (right, left_role)
        found.append(Pairing(actor, character, index, form, start))
    # "Jelle and Jildou ..... Auke and Akke Postma": two roles and two actors on a cast list's line, in order
    for index, text in enumerate(texts):
        for match in PAIRED_LIST_RE.finditer(text):
            sides = [_shared_surname([_trim(name) for name in LIST_SPLIT_RE.split(match[side])]) for side in SIDES]
            actors, roles = sides if list_votes["left"] > list_votes["right"] else sides[::-1]
            if len(actors) == len(roles) and all(len(actor.split()) >= 2 for actor in actors) and all(roles):
                found += [
                    Pairing(actor, trim_role(role), index, "list", match.start())
                    for actor, role in zip(actors, roles, strict=True)
                ]
    found = [
        pairing
        for pairing in found
        if not (_initialism(pairing.character) or _initialism(pairing.actor))
        # "credited on screen as Vámos-Kertész Gergely, appears in this newspaper as Gergely Vámos-Kertész":
        # one name in two orders, nobody's role
        and sorted(clean_written(pairing.actor).split()) != sorted(clean_written(pairing.character).split())
    ]
    # "Gogo Eunice, as the pupils called Eunice Mlilo", "The harbourmaster, Justin Rakotondrabe, is Ingahy Justin",
    # "Ouardia Hamadouche is Na Ouardia": a form of address said with a word of the name, either way round, no role
    found = [
        pairing
        for pairing in found
        if not _address_form_of(pairing.actor, pairing.character)
        and not (
            _address_form_of(pairing.character, pairing.actor)
            and f"{pairing.actor} is {pairing.character}" in texts[pairing.paragraph]
        )
    ]
    return sorted(found, key=lambda pairing: (pairing.paragraph, pairing.start))  # in reading order


# "…, 139 points", "… (Simaye Khorasan) 6.2m", "… (Eldoret) - 31.4%": a ranking's score, a ratings chart's
# audience or a vote's share
RANKING_AFTER_RE = re.compile(
    # "Ghar Ni Lakshmi (Saurashtra Sitara): 1.2 million": an overnight's title, its channel and its audience
    r",?[ \t]*\d[\d,]*[ \t]+(?:points|votes|pts|nominations)\b"
    r"|[ \t]*(?:[:,][ \t]*)?\d+(?:\.\d+)?[ \t]*(?:m|k|million)\b"
    r"|[ \t]*(?:[-–—:,][ \t]*)?\d+(?:[.,]\d+)?[ \t]*%"
)
# An item that is a title, up to a parenthesis: "The Grape Pressers (", "The Loom at Night (".
TITLE_ITEM_RE = re.compile(
    rf"(?:^|[,;:][ \t]+)The(?:[ \t]+(?:at|of|in|on|and|the|to|for))?"
    rf"(?:[ \t]+[{UPPER}][{WORD}'’-]*(?:[ \t]+(?:at|of|in|on|and|the|to|for)(?=[ \t]+[{UPPER}]))?){{2,}}[ \t]*$"
)


SPEAKER_LABEL_RE = re.compile(
    rf"\s*(?:\*\*|__)?(?P<name>{NAME})(?:,[^:\n]{{0,80}})?(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*"
    r"(?=\S[^\n]{0,40}?\s\S+\s\S+\s\S+\s\S+\s)"  # then a sentence, not a cast list's "Role: Actor"
)


# Words that open a family name of two: "Mac Donncha", "Ó Conghaile", "Ní Fhlaithearta", "van Dijk".
SURNAME_OPENINGS = {
    "mac", "mc", "o", "ni", "nic", "ua", "ui", "bean", "ap", "ab", "van", "von", "de", "da", "di", "du", "la", "le",
    "der", "den", "ter", "ten", "al", "el", "bin", "binti", "ibn", "dos", "das", "del",
}  # fmt: skip


def _address_form_of(address: str, full: str) -> bool:
    """Whether `address` is a form of address and a word of the full name `full`: "Na Ouardia", "Ouardia Hamadouche"."""
    words, whole = clean_written(address).split(), clean_written(full).split()
    return len(words) == 2 and words[0] in GIVEN_NAME_FORMS and len(whole) >= 2 and words[1] in whole


def _surname_words(full: str) -> str:
    """The family name at the end of a full name with the words that open it: "Mac Donncha" of "Seosamh Mac
    Donncha", so that a nickname takes the whole of it ("Joe Mac Donncha")."""
    words = full.split()
    start = len(words) - 1
    while start > 1 and clean_written(words[start - 1]) in SURNAME_OPENINGS:
        start -= 1
    return " ".join(words[start:])


def _hyphen_listed(texts: Sequence[str], index: int) -> bool:
    """Whether a text holds two lines of a hyphen list, or one beside another line of the list ("Nuala Bean Uí
    Chonghaile - producer, 1997-2003"), in the paragraph before or after."""
    if len(HYPHEN_LIST_RE.findall(texts[index])) >= 2:
        return True
    return HYPHEN_LIST_RE.search(texts[index]) is not None and any(
        0 <= other < len(texts) and HYPHEN_LINE_RE.match(texts[other]) for other in (index - 1, index + 1)
    )


def _blank_nickname(match: re.Match) -> str:
    """'Tiffany “Tiff” Dunleavy' as 'Tiffany Dunleavy', its nickname blanked so that every other
    position in the text stays where it was."""
    return match["first"] + " " * (match.start("last") - match.end("first")) + match["last"]


def _initialism(side: str) -> bool:
    """A network's initials, never a role or an actor: "after six seasons as KBC reshapes the drama"."""
    return side.isupper() and " " not in side and len(side.strip(".")) <= 4


# "The film's captions call her Mrs Ildikó Kertész throughout": a name somebody gives a person already in
# the story, nobody new.
CALLS_THEM_RE = re.compile(
    rf"\b(?:calls?|called|calling|names?|named|credits?|credited|lists?|listed)[ \t]+(?:her|him)[ \t]+(?:as[ \t]+)?"
    rf"(?P<title>(?:Mrs|Mr|Ms|Miss|Dr|Mx)\.?[ \t]+)?(?P<name>{NAME})"
)


def _names_called(texts: Iterable[str]) -> set[str]:
    """The full names the article says somebody calls a "her" or "him" by."""
    return {
        clean_written(match["name"])
        for text in texts
        if " her " in text or " him " in text
        for match in CALLS_THEM_RE.finditer(text)
        if len(match["name"].split()) >= 2
    }


def _address_words(runs: Iterable[str], body: Sequence[str]) -> tuple[set[str], set[str], set[str]]:
    """Short words the article writes only before one other word, a form of address the rules may not know:
    the Mizo "Pu" of "Pu Zirliana" and "Pu Duha", the Garo "Ama" of "Ama Helen". A word that opens a longer name,
    ends one or stands alone ("Aiko laughed") is somebody's name; a sentence about names ("Pu and Pi are the
    respectful titles for a man and a woman") may say it alone. Second, those of them such a sentence does say
    alone: forms of address the article explains. Third, the words such a sentence explains that open names of any
    length and nothing else, the Tajik "Ustod" of "Ustod Nurali" and "Ustod Jamshed Safarov": a title, no name."""
    # each sentence, and whether it is about names
    sentences = [
        (sentence, NAMES_EXPLAINED_RE.search(sentence) is not None)
        for text in body
        for sentence in SENTENCE_END_RE.split(text)
    ]
    # a sentence about names may run a name into the form of address it is called by: "the cast call Musa Lahai
    # Kpaka Pa Musa"
    explained = {
        _trim(match[0]) for sentence, explains in sentences if explains for match in NAME_RUN_RE.finditer(sentence)
    }
    placed: dict[str, set[bool]] = {}
    opening: dict[str, set[bool]] = {}  # each word, whether it opens every name it is in
    before: dict[str, set[str]] = {}  # each word, the words it stands before in names of two words
    for run in runs:
        words = normalize_name(run).split()
        if len(words) == 1 or run in explained or words[-1] == "i":
            # (a run to a sentence's "I" places nothing: "Tell Pa Sorie I have less hair" runs from a quote's
            # first word)
            continue  # a word alone is counted below, sentence by sentence
        for at, word in enumerate(words):
            placed.setdefault(word, set()).add(at == 0 and len(words) == 2)
            opening.setdefault(word, set()).add(at == 0)
        if len(words) == 2:
            before.setdefault(words[0], set()).add(words[1])
    candidates = {
        word
        for word, places in placed.items()
        if places == {True} and len(word) <= 4 and word.isalpha() and word not in NOT_INTRODUCING_WORDS
    }
    # (a title opens a longer name too, and short ones of more than one person: "Ustod Nurali", "Ustod Jamshed"; a
    # given name opens the names of one)
    openers = {
        word
        for word, places in opening.items()
        if places == {True}
        and len(before.get(word, ())) >= 2
        and word.isalpha()
        and word not in NOT_INTRODUCING_WORDS
        and word not in candidates
    }
    if not candidates and not openers:
        return set(), set(), set()
    looked_for = candidates | openers
    alone, explained_alone = set(), set()
    for sentence, explains in sentences:
        said = explained_alone if explains else alone
        for match in ALONE_WORD_RE.finditer(sentence):
            start, end = match.span()
            if sentence[max(0, start - 2) : start] == ", " and ADDRESSED_AFTER_RE.match(sentence, end):
                continue  # "He said, Dda, I am counting on it": the form of address said to someone, no name
            if (word := POSSESSIVE_RE.sub("", normalize_name(match[1]))) in looked_for:  # "Ruth's" too
                said.add(word)
    titles = openers & explained_alone - alone
    return (candidates - alone) | titles, (explained_alone & candidates - alone) | titles, titles


# What a sentence explaining names says: "Pu and Pi are the respectful titles", "Ama is mother".
NAMES_EXPLAINED_RE = re.compile(
    r"\b(?:titles?|honorifics?|respect(?:ful)?|polite|forms?\s+of\s+address|means|mother|father|elder|grandmother"
    r"|grandfather|aunt|uncle|sir|madam)\b",
    re.IGNORECASE,
)
# A word set off by commas before "I", "you" or "we": somebody spoken to, "said, Dda, I am counting on it".
ADDRESSED_AFTER_RE = re.compile(r",[ \t]+(?:I|you|we)\b")
# A capitalised word not followed by another: a name said alone.
ALONE_WORD_RE = re.compile(rf"(?<![{WORD}'’-])([{UPPER}][{WORD}'’-]*)(?![{WORD}'’-])(?![ \t]+[{UPPER}])")


def _rename(introduced: dict[str, str], old: str, name: str) -> None:
    """Introduce under `name` the person introduced as `old`."""
    del introduced[next(key for key, other in introduced.items() if other == old)]
    introduced[NEW + _slug(clean_written(name))] = name


# What says a shorter name is the one a person goes by: "professionally she is Noura Al Hamli"
DAY_TO_DAY_RE = re.compile(
    r"\b(?:professionally|known|goes|go|went|credited|billed|called|calls|stage|screen|everyone|everybody|simply|just"
    r"|friends|usually|prefers?)\b[^.;:()]{0,40}$",
    re.IGNORECASE,
)


def _used_day_to_day(name: str, texts: Iterable[str]) -> bool:
    """Whether the article says `name`, a shorter form of a longer name, is the one its person goes by."""
    for text in texts:
        for match in re.finditer(re.escape(name), text):
            if DAY_TO_DAY_RE.search(text, max(0, match.start() - 60), match.start()):
                return True
    return False


def _middle_dropped(short: str, full: str) -> bool:
    """Whether `short` is `full` without words from its middle: "noura al hamli" of "noura bint saeed al hamli"."""
    shorter, longer = short.split(), full.split()
    return (
        2 <= len(shorter) < len(longer)
        and shorter[0] == longer[0]
        and longer[len(longer) - len(shorter) + 1 :] == shorter[1:]
        # "Seán Óg Mac Carthaigh, son of … Seán Mac Carthaigh": the younger, never the same man
        and same_generation(full, short)
    )


# "appears as Vámosi Ilona", "is credited on screen as Vámos-Kertész Gergely"
RENDERED_AS_RE = re.compile(
    r"\b(?:appears?|credited|billed|listed|printed|written)(?:[ \t]+[a-z]+){0,3}?[ \t]+as[ \t]+$"
)


def _spelt_plainly(full: str, other: str) -> bool:
    """Whether two names differ only in a given name's accents and doubled letters: "Ivvár Sjaggo" and the
    "Ivar Sjaggo" of his driving licence."""
    one, two = clean_written(full).split(), clean_written(other).split()
    return (
        len(one) == len(two) >= 2
        and one != two
        and one[1:] == two[1:]
        and re.sub(r"(\w)\1", r"\1", one[0]) == re.sub(r"(\w)\1", r"\1", two[0])
    )


def _in_prose(name: str, texts: Iterable[str]) -> int:
    """How often `name` is written in the article's paragraphs of prose (of 25 words or more), not its captions,
    lists and transcript labels ("**Vasily Mamaev:** The series did …")."""
    label = re.compile(rf"[*_\s\[]*{re.escape(name)}[*_\]]*[ \t]*[:—–]")
    return sum(text.count(name) - bool(label.match(text)) for text in texts if len(text.split()) >= 25)


# What tells two people with the same names apart: "Karma Tshering … is not to be confused with the director,
# Tshering Karma", "Ann Lee (no relation)"
TOLD_APART_RE = re.compile(r"\bnot[ \t]+to[ \t]+be[ \t]+confused[ \t]+with\b|\bno[ \t]+relation\b")


def _surname_first_in_capitals(first: str, other: str) -> bool:
    """Whether `first` is `other` with its surname moved to the front in capitals, as French-speaking West Africa's
    papers and credits write it: "AKPLOGAN Dossa Bernadette" for Dossa Bernadette Akplogan."""
    written, words = first.split(), clean_written(other).split()
    return (
        len(written) >= 3
        and written[0].isupper()
        and len(written[0]) > 1
        and not any(word.isupper() for word in written[1:])
        and clean_written(first).split() == [words[-1], *words[:-1]]
    )


def _told_apart(name: str, other: str, texts: Iterable[str]) -> bool:
    """Whether a paragraph that writes both names says they are two people."""
    return any(name in text and other in text and TOLD_APART_RE.search(text) for text in texts)


def _rendered_as(name: str, texts: Iterable[str]) -> bool:
    """Whether the article first writes `name` as how somewhere else renders it: "appears as Vámosi Ilona"."""
    for text in texts:
        if (at := text.find(name)) >= 0:
            return RENDERED_AS_RE.search(text, max(0, at - 30), at) is not None
    return False


def _short_form_of(name: str, others: Iterable[str]) -> str | None:
    """The one full name `name` is a short form of: "Toby Fairweather" of "Tobias Fairweather"."""
    words = name.split()
    fuller = [
        other
        for other in others
        if len(other.split()) == len(words) == 2
        and clean_written(other.split()[-1]) == clean_written(words[-1])
        and _short_form(words[0], other)
    ]
    return fuller[0] if len(fuller) == 1 else None


def _short_form(word: str, name: str) -> bool:
    """Whether `word` is the short form of `name`'s first name: "Toby" of "Tobias Fairley"."""
    first = normalize_name(name).split()[0]
    short = normalize_name(word)
    # shorter than the name it shortens: "Kanokwan" is no short form of "Kanyarat"
    return len(word.split()) == 1 and len(first) > 3 and short[:3] == first[:3] and len(short) < len(first)


# The worded credit patterns, each with how its pair is read and the words it cannot match without (every
# alternative its wording allows; "'s" is the word "s" once a paragraph's words are split): a paragraph with none
# of them is not searched. Those that read a credit's verb run only where a paragraph has one (`CREDIT_WORDS`).
def _needing(*patterns: tuple[re.Pattern, str, str]) -> tuple[tuple[re.Pattern, str, frozenset[str]], ...]:
    return tuple((pattern, form, frozenset(words.split())) for pattern, form, words in patterns)


CREDIT_VERB_PATTERNS = _needing(
    (PLAYS_RE, "plays", ""),
    (DESCRIBED_ACTOR_PLAYED_RE, "plays", "played plays portrayed portrays voiced voices"),
    (PLAYED_BY_RE, "plays", "by"),
    (SUBJECT_PLAYED_BY_RE, "plays", "by"),
    (IN_THE_HANDS_OF_RE, "plays", "hands person"),
    (GAPPED_PLAYED_BY_RE, "plays", "by"),
    (IS_DESCRIBED_RE, "plays", "is"),
    (AS_LEAD_RE, "plays", "as"),
    (LISTED_AS_LEAD_RE, "plays", "as"),
    (PLAYING_LEAD_RE, "plays", "playing reading making"),
    (ASIDE_AS_RE, "plays", "as"),
    (ROLE_WENT_TO_RE, "plays", "role part lead whom belongs"),
    (FOR_IN_WHICH_RE, "plays", "which"),
    (CAST_AS_RE, "plays", "cast casts casting recast"),
    (DESCRIBED_CAST_AS_RE, "plays", "cast"),
    (UNDERSTUDY_RE, "plays", "understudy"),
    (FOR_SHOW_AS_RE, "plays", "as"),
    (REVIEW_AS_RE, "as", "as"),
    (AS_RE, "as", "as"),
)
NAMED_ROLE_PATTERNS = _needing(
    (ACTOR_WAS_RE, "plays", "is was"),
    (ACTOR_WAS_IN_RE, "plays", "is was been"),
    (ACTOR_IS_THE_RE, "plays", "is was"),
    (ACTOR_IS_THE_APPOSED_RE, "plays", "is was"),
    (ACTOR_IS_ROLE_APPOSED_RE, "plays", "is"),
    (AWARD_FOR_RE, "plays", "for"),
    (ACTOR_WAS_KIN_RE, "plays", "is was"),
    (ROLE_IS_ACTOR_RE, "plays", "is"),
    (WHOM_CALLED_IS_RE, "plays", "whom"),
    (ROLE_KNOWN_AS_IS_RE, "plays", "known"),
    (ROLE_DESCRIBED_IS_RE, "plays", "is"),
    (WHO_IS_RE, "plays", "who"),
    (OUR_ROLE_RE, "plays", "our their show series"),
    (WHO_WAS_DESCRIBED_RE, "plays", "who"),
    (SHOWS_ROLE_RE, "plays", "show series drama film soap serial programme sitcom"),
    (SCREEN_KIN_RE, "plays", "screen onscreen television fictional"),
    (WHOSE_ROLE_RE, "plays", "whose"),
    (ROLE_ACTORS_RE, "possessive", "s"),
    (ACTORS_DESCRIBED_ROLE_RE, "possessive", "s"),
    (DESCRIBED_PAREN_RE, "parenthesis", ""),
)
# Lists of actors beside lists of roles ("… and … play … and …"), each list joined by "and".
LISTS = _needing(
    (LISTED_AS_RE, "plays", "as"),
    (LISTED_PLAYED_BY_RE, "plays", "by"),
    (LISTED_PLAY_RE, "plays", "play played appear appeared star starred cast"),
)
# A cast list's items, read only where a paragraph lists: a credit's verb and a semicolon or ", and".
LISTED_PATTERNS = _needing(
    (LISTED_IS_RE, "plays", ""),
    (FIRST_LISTED_IS_RE, "plays", ""),
    (FIRST_LISTED_ROLE_IS_RE, "plays", ""),
    (LISTED_ROLE_IS_RE, "plays", ""),
    (LISTED_APPOSED_RE, "plays", ""),
)


def _worded_pairings(
    texts: Sequence[str], directory: NameDirectory, excluded: set[str], surnames: set[str]
) -> list[Pairing]:
    """The credits written out in words: "plays", "played by", "as", "her role as"."""
    # "Vietnamese put the family name first": a name's last word is no family name for a relative to take
    families = set() if any(FAMILY_NAME_FIRST_RE.search(text) for text in texts) else surnames
    found: list[Pairing] = []
    identities: list[Pairing] = []  # "Gedge is Jörg Wendlandt, a …": settled once the rest are read
    for index, text in enumerate(texts):
        # "Aminat Khalidova is Bakhu, the widow who …; Murad Sharapudinov is her brother-in-law Gazimagomed": a role
        # of one word, read only in a sentence that credits someone else too
        one_word_roles: list[Pairing] = []
        if then := THEN_RE.match(text):
            # A reunion's "Then: Role, …" under the actor's name, or followed by "Now: Actor, 41, …".
            now = NOW_RE.search(text, then.end())
            above = texts[index - 1].strip(" *_#") if index else ""
            actor = _trim(now["actor"]) if now else (above if NAME_RUN_RE.fullmatch(above) else "")
            character = trim_role(then["character"])
            if len(actor.split()) >= 2 and character and not directory.knows(character):
                found.append(Pairing(actor, character, index, "plays", then.start()))
        for match in PERFORMANCE_FOR_RE.finditer(text) if " for " in text else ():
            actor = _nearest_person(text, match.start(), directory, excluded, surnames)
            character = trim_role(match["character"])
            if actor and len(actor.split()) >= 2 and character and not directory.knows(character):
                found.append(Pairing(actor, character, index, "plays", match.start()))
        for match in WORN_BY_RE.finditer(text) if "worn" in text else ():
            character = trim_role(match["character"] or POSSESSIVE_RE.sub("", match["owner"]))
            for actor in (match["actor"], match["voice"]):
                if actor and character and len(_trim(actor).split()) >= 2:
                    found.append(Pairing(_trim(actor), character, index, "plays", match.start()))
        words = paragraph_words(text)
        worded = bool(words & CREDIT_WORDS)
        possessive = "’s " in text or "'s " in text  # "Tennyson Mbeki-Rourke's Dex Abara, the …"
        awarded = ", for " in text  # an awards list: "Radim Vondráček, for the brewer Tonda Kratochvíl in …"
        if not worded and not possessive and not words & NAMED_ROLE_WORDS and "(" not in text and not awarded:
            continue  # no paragraph credits anyone without one of these words or a bracket
        for match in ROLE_OF_SUBJECT_RE.finditer(text) if worded else ():
            subject = _nearest_person(text, match.start(), directory, excluded, surnames)
            if subject is None and match.group().split()[0].lower() in {"her", "his", "their"}:
                # "Ruddock-Ames will lead it. It is her first lead since her breakout as …"
                subject = _previous_subject(text, match.start(), excluded)
            character = trim_role(
                match["character"] or match["described"] or match["led"] or match["long"] or match["rolewas"]
            )
            if match["rolewas"] and not _named_role_was(text, match, character):
                continue  # "his best role was Hamlet": a role named in full only
            if CLAUSE_VERB_RE.match(text, match.end()):
                continue  # "after five seasons as Bluewater rules out a recast": "as" opens a clause
            if subject and character and len(untitled(normalize_name(character)).split()) <= 3:
                found.append(Pairing(subject, role_after(text, match.end(), character), index, "plays", match.start()))
        for match in ACTORS_ROLE_RE.finditer(text) if worded or possessive else ():
            actor, character = _trim(match["actor"]), trim_role(match["character"])
            folded, owner = clean_written(character), clean_written(actor)
            if not owner or owner in excluded or folded in excluded or owner.split()[-1] in NOT_PERSON_ENDINGS:
                continue  # "Netflix's …", "Kimura's Gannet Head": an outlet's show, an actor's series
            if len(actor.split()) < 2 and actor not in surnames:
                continue  # "Varghese's Anand Mistry" only after the article has named Sunil Varghese
            if match["character"].split()[0] in {"The", "A", "An"}:
                continue  # "Sigrid Mawdsley's The Hollow Stag": her film
            between = text[match.end("actor") : match.start("character")].casefold()
            if set(re.findall(r"[\w-]+", between)) & (OWN_PEOPLE_WORDS | CREDIT_VERB_WORDS):
                continue  # "Lukács's stunt double, Ximena Ortiz": someone who works for the actor, not a role
            if any(POSSESSIVE_RE.search(word) for word in match["actor"].split()):
                continue  # "Piet Vandel's The Ratcatcher's Daughter": a title, not whom the Ratcatcher plays
            last = folded.split()[-1]
            if last in NOT_PERSON_ENDINGS or last in CHARACTER_TITLES or len(untitled(folded).split()) > 3:
                continue  # "Kettleby's Home Secretary" names an office, not a role's name
            found.append(Pairing(actor, character, index, "possessive", match.start()))
        listed = []  # where a list of actors as a list of roles was read: no other reading inside it
        gapped = (
            match
            for match in GAPPED_LISTED_RE.finditer(text)
            if PLAYED_BY_BEFORE_RE.search(text, sentence_start(text, match.start()), match.start())
        )
        for match in (
            chain(
                *(pattern.finditer(text) for pattern, _, needed in LISTS if needed & words and "and" in words), gapped
            )
            if worded
            else ()
        ):
            if pairs := _listed_pairings(match, index):
                found.extend(pairs)
                listed.append(range(match.start() + 1, match.end()))  # the list's own pairs stand at its start
        listing = worded and (";" in text or ", and " in text)
        for pattern, form, needed in (
            *(CREDIT_VERB_PATTERNS if worded else ()),
            *NAMED_ROLE_PATTERNS,
            *(LISTED_PATTERNS if listing else ()),
        ):
            if (needed and not needed & words) or (pattern is DESCRIBED_PAREN_RE and "(" not in text):
                continue  # none of the words the pattern cannot match without, or no bracket for the actor
            for match in pattern.finditer(text):
                groups = match.groupdict()
                actor = _trim(
                    groups["actor"]
                    or groups.get("given")
                    or groups.get("player")
                    or groups.get("taker")
                    or groups.get("owner")
                    or groups.get("inactor")
                    or ""
                )
                if pattern is PLAYS_RE and (double := DOUBLE_FOR_RE.search(text, match.end("actor"), match.end())):
                    actor = _trim(double["star"])
                character = trim_role(
                    groups["character"]
                    or groups.get("role")
                    or groups.get("played")
                    or groups.get("titled")
                    or groups.get("owned")
                    or groups.get("inrole")
                    or ""
                )
                group = next(
                    (name for name in ("character", "role", "played", "titled", "owned") if groups.get(name)), None
                )
                if (
                    pattern is PLAYED_BY_RE
                    and " " in character
                    and re.search(r"(?:^|[.!?:][ \t]+)(?:In|At|From|Across)[ \t]+$", text[: match.start()])
                ):
                    character = character.split(maxsplit=1)[1]  # "In Poland Zé Manel is voiced by …": a place first
                if group and " " not in character:  # "Rudge's mother, Margaret, is played by …": Margaret Rudge
                    character = _family_named(text, match.start(group), character, families)
                if (
                    group
                    and " " not in character
                    and (kin := KIN_WORD_BEFORE_RE.search(text, max(0, match.start(group) - 20), match.start(group)))
                    and kin["kin"].islower()
                    and normalize_name(kin["kin"]) in SMALL_LETTER_FORMS
                ):
                    character = f"{kin['kin']} {character}"  # "is pake Sjoerd": the grandfather's word is his name
                elif (
                    group
                    and " " not in character
                    and (
                        named := CALLED_WITH_ARTICLE_RE.search(
                            text, max(0, match.start(group) - 30), match.start(group)
                        )
                    )
                ):
                    character = f"{named['article']} {character}"  # "the neighbour everyone calls el Roxu"
                if (
                    groups.get("kin")
                    and normalize_name(groups["kin"]) not in GIVEN_NAME_HONORIFICS | SMALL_LETTER_FORMS
                ):
                    continue  # "is also Jimmy, the driver": no form of address
                if groups.get("who") and " " in trim_role(groups["character"] or ""):  # (its form of address aside)
                    continue  # "Daur Gublia is Daur Khutovich, who …": what he is called, not a role
                written_actor = groups["actor"] or ""
                if written_actor.startswith("The ") and len(written_actor.split()) >= 3:
                    continue  # "The third reader on The Jade Abacus was Achieng Otieno": a title, no actor
                if actor and normalize_name(actor).split()[0] in KUNYA and len(actor.split()) == 2:
                    # "his wife, Rima Haddad, is Umm Samir": what she is called, not whom she plays (but "Abu Bakarr
                    # Turay" is a given name and a surname)
                    continue
                if pattern in (WHO_IS_RE, OUR_ROLE_RE, WHO_WAS_DESCRIBED_RE, WHOSE_ROLE_RE, DESCRIBED_PAREN_RE) and (
                    " " not in actor
                ):
                    continue  # "Benny, who is Benedikt Osei-Harland,": who Benny is
                if (
                    # (or "Tajeu ole Kasaine, then nineteen, was the young moran Lemayian;" among other credits)
                    (
                        pattern is ACTOR_WAS_RE
                        or (
                            pattern is ACTOR_IS_THE_RE
                            and match["description"].split()[-1] not in PERSON_JOBS
                            and not IN_WORK_AFTER_RE.match(text, match.end())
                        )
                    )
                    and len(actor.split()) >= 2
                    and len(character.split()) == 1
                    and not directory.knows(character)
                ):
                    one_word_roles.append(Pairing(actor, character, index, form, match.start()))
                    continue
                if pattern in FULL_ROLE_PATTERNS and (
                    (
                        len(untitled(normalize_name(character)).split()) < 2
                        and not groups.get("apposed")
                        # "is the English schoolteacher, Miss Amberley": a titled name set off as a role
                        and pattern is not ACTOR_IS_THE_APPOSED_RE
                        # "who was the miller Vávra in The Mill at Sázava": a role in a work the sentence names
                        and not (pattern is ACTOR_IS_THE_RE and IN_WORK_AFTER_RE.match(text, match.end()))
                        and not (pattern is ROLE_IS_ACTOR_RE and _names_in_full(actor, character))
                        # "Horace Gayle-McKenzie is Mr Bartholomew, the passenger who …": a titled role
                        and not (
                            pattern is ACTOR_WAS_RE
                            and " " in actor
                            and normalize_name(character).split()[0] in CHARACTER_TITLES
                            and len(character.split()) == 2
                        )
                    )
                    or directory.knows(character)
                ):
                    continue  # "Doyle is Clive Mottram, the …" names a role in full, never a known person
                if pattern is ACTOR_WAS_IN_RE and (
                    clean_written(character).split()[-1] in PERSON_JOBS
                    or (" " not in actor and actor not in surnames and not directory.knows(actor))
                ):
                    continue  # "Oduya was Executive Producer on …" is a job
                if (
                    pattern is ACTOR_WAS_RE
                    and " " not in actor
                    and actor not in surnames
                    and not directory.knows(actor)
                ):
                    continue  # "Benny is Benedikt Osei-Harland, a wigmaker": who "Benny" is, not a role
                if (
                    pattern is AWARD_FOR_RE
                    and match["description"]
                    and (set(match["description"].split()) & (PERSON_JOBS | WORK_NOUNS))
                ):
                    continue  # "Ana Ruiz, for the documentary Ice in Berlin": a work, no role
                if (
                    pattern in (ACTOR_IS_THE_RE, ACTOR_IS_THE_APPOSED_RE, DESCRIBED_PAREN_RE, SHOWS_ROLE_RE)
                    and match["description"].split()[-1] in PERSON_JOBS
                ):
                    continue  # "Ada Obi, the director (…)" is who she is, not a role
                if (
                    pattern is ROLE_IS_ACTOR_RE
                    and match["bare"] is not None
                    and match["description"].split()[-1] not in RELATION_WORDS
                ):
                    continue  # "On his driving licence Ivvár is Ivar Sjaggo": no comma, and no relative, no role
                if (
                    pattern is ROLE_IS_ACTOR_RE
                    and not match["part"]  # "The fish-plant director, Comrade Ernazar, is Berdakh Jumaniyazov's role"
                    and (
                        match["description"].split()[-1] in PERSON_JOBS
                        or (" " not in actor and actor not in surnames and not directory.knows(actor))
                    )
                ):
                    continue  # "The director, Kittipong Srisombat, is Toon": a real job, then what he is called
                if pattern is DESCRIBED_PAREN_RE and directory.knows(character):
                    continue
                if pattern in (
                    LISTED_IS_RE,
                    FIRST_LISTED_IS_RE,
                    FIRST_LISTED_ROLE_IS_RE,
                    ROLE_DESCRIBED_IS_RE,
                    ACTOR_IS_ROLE_APPOSED_RE,
                    LISTED_ROLE_IS_RE,
                    LISTED_APPOSED_RE,
                ) and (
                    not _names_in_full(actor, character)
                    or directory.knows(character)
                    or (
                        pattern
                        in (LISTED_APPOSED_RE, FIRST_LISTED_ROLE_IS_RE, ROLE_DESCRIBED_IS_RE, ACTOR_IS_ROLE_APPOSED_RE)
                        and (match["description"] or "").rpartition(" ")[2] in PERSON_JOBS
                    )
                ):
                    continue  # a cast list's item names an actor in full, and a role nobody in the database is
                if pattern is ACTORS_DESCRIBED_ROLE_RE and set(re.findall(r"[a-z-]+", match["description"])) & (
                    RELATION_WORDS | PERSON_JOBS
                ):
                    continue  # "Dalia Petrauskienė's daughter, Austėja Petrauskaitė, …": a relative, no role
                if pattern is PLAYED_BY_RE and PLACE_BEFORE_ROLE_RE.search(
                    text, max(0, match.start() - 40), match.start()
                ):
                    continue  # "the other voice on Wick Street is the duduk, played by …": a place, then a thing
                if pattern not in (
                    PLAYED_BY_RE,
                    SUBJECT_PLAYED_BY_RE,
                    IN_THE_HANDS_OF_RE,
                    GAPPED_PLAYED_BY_RE,
                    AS_LEAD_RE,
                    LISTED_AS_LEAD_RE,
                    PLAYING_LEAD_RE,
                    ROLE_WENT_TO_RE,
                    *(named for named, _, _ in (*NAMED_ROLE_PATTERNS, *LISTED_PATTERNS)),
                ):
                    character = role_after(text, match.end("character"), character)
                if not actor or not character or len(untitled(normalize_name(character)).split()) > 3:
                    continue
                if form == "as" and CLAUSE_VERB_RE.match(text, match.end("character")):
                    continue
                if (
                    (form == "as" or pattern is FOR_IN_WHICH_RE)
                    and len(actor.split()) < 2
                    and not (directory.knows(actor) or actor in surnames)
                ):
                    continue  # "Albright as Crane" is read only after a full name; "known in Europe for …"
                if pattern is ACTOR_WAS_RE and " " not in actor:
                    identities.append(Pairing(actor, character, index, form, match.start()))
                    continue
                found.append(Pairing(actor, character, index, form, match.start()))
                if pattern is LISTED_AS_LEAD_RE:
                    listed.append(range(match.start() + 1, match.end()))  # its "as" is no earlier actor's
                if pattern is PLAYED_BY_RE and (second := SECOND_ACTOR_RE.match(text, match.end("actor"))):
                    group = "actor" if second["actor"] else "other"
                    found.append(Pairing(_trim(second[group]), character, index, form, second.start(group)))
        for match in (*PLAYS_OBJECT_RE.finditer(text), *PRONOUN_PLAYED_BY_RE.finditer(text)) if worded else ():
            if POSSESSIVE_RE.search(match["actor"]):
                continue  # "She is played by Kerem Aydemir’s real daughter, Ece": not by Aydemir
            start = sentence_start(text, match.start())
            if match.re is PRONOUN_PLAYED_BY_RE or (start and OPENING_PRONOUN_RE.match(text, start)):
                # "He has a beak and the right arm of Tāne Whaanga-Lowe, who has voiced him": the
                # sentence before says who "he" is.
                start = sentence_start(text, max(0, start - 2))
            if TITLE_BEFORE_RE.search(text, max(0, start - 8), start):
                continue  # "the receptionist, Mrs. Gumbrell, …": no sentence starts after "Mrs."
            subject = SENTENCE_SUBJECT_RE.match(text, start)
            if start and subject and subject.start("name") == match.start() and "who" in match.group().split():
                # "Malcolm Price, the landlord, turns up. Giles Ormerod, who plays him, …": the actor
                # opens his own sentence, so "him" is who the sentence before is about.
                start = sentence_start(text, max(0, start - 2))
                subject = SENTENCE_SUBJECT_RE.match(text, start)
            if subject is None or subject.start("name") >= match.start() or POSSESSIVE_RE.search(subject["name"]):
                continue  # "Silas's sister has spent …, and Elspeth Tremethick, who plays her": not Silas
            actor, character = _trim(match["actor"]), trim_role(subject["name"])
            if not character or (
                len(character.split()) < 2 and (opens_no_name(character) or PARTICIPLE_OPENING_RE.match(text, start))
            ):
                # "Up in the main stand, the club's chairwoman, Maxine Scholefield, is …": the sentence's
                # first full name, when what opens it is no name.
                runs = (
                    _titled_trim(run.group())
                    for run in NAME_RUN_RE.finditer(text, subject.start("name"), match.start())
                )
                character = trim_role(next((run for run in runs if len(run.split()) >= 2), ""))
            folded = clean_written(character)
            if (
                len(actor.split()) < 2
                or any(clean_written(pairing.actor) == clean_written(actor) for pairing in found)
                or not character
                or folded in excluded
                or folded == clean_written(actor)
                or directory.knows(character)
                or folded.split()[-1] in NOT_PERSON_ENDINGS
            ):
                continue
            found.append(Pairing(actor, character, index, "plays", match.start()))
        for match in GIVES_ROLE_RE.finditer(text) if worded else ():
            # "The television version adds Mehmet Altınbaş, a Turkish Cypriot …, and gives him to Hasan
            # Öztürk": the last full name before, in the same sentence, is the role
            actor = _trim(match["actor"])
            runs = [
                trimmed
                for run in NAME_RUN_RE.finditer(text, sentence_start(text, match.start()), match.start())
                if len((trimmed := _titled_trim(run.group())).split()) >= 2
                and not re.search(
                    r"\b(?:an?|the)[ \t]+$", text[max(0, run.start() - 5) : run.start()]
                )  # "a Turkish Cypriot"
            ]
            if runs and len(actor.split()) >= 2 and not directory.knows(runs[-1]):
                found.append(Pairing(actor, trim_role(runs[-1]), index, "plays", match.start()))
        for match in BOTH_PLAYED_BY_RE.finditer(text) if worded and " both " in text else ():
            # "the twin granddaughters, Babirye and Nakato, are both played by Brenda Nalwoga": two roles, one actor
            actor = _trim(match["actor"])
            for group in ("first", "second"):
                found.append(Pairing(actor, trim_role(match[group]), index, "plays", match.start(group)))
        for match in ROLE_PASSES_RE.finditer(text) if worded else ():
            before = [pairing for pairing in found if pairing.paragraph == index and pairing.start < match.start()]
            actor = _trim(match["actor"])
            if before and len(actor.split()) >= 2 and clean_written(actor) != clean_written(before[-1].actor):
                found.append(Pairing(actor, before[-1].character, index, "plays", match.start()))
        found += [
            pairing
            for pairing in one_word_roles
            if any(
                other.paragraph == index
                and other.actor != pairing.actor
                and sentence_start(text, other.start) == sentence_start(text, pairing.start)
                for other in found
            )
        ]
        if listed:  # inside a list of actors as a list of roles, only the list's own pairs
            found = [p for p in found if p.paragraph != index or not any(p.start in span for span in listed)]
    return found + [_played_by_the_name(identity, found) for identity in identities]


def _listed_pairings(match: re.Match, index: int) -> list[Pairing]:
    """The pairs of a list of actors and a list of roles in the same order; a surname written once,
    after the last role, belongs to every role written with one name: "June, Dot and Phyllis Pike"."""
    actors = _shared_surname([_trim(actor) for actor in LIST_SPLIT_RE.split(match["actors"])])
    roles = _shared_surname([trim_role(role) for role in LIST_SPLIT_RE.split(match["roles"])])
    if len(actors) != len(roles) or not all(len(actor.split()) >= 2 for actor in actors) or not all(roles):
        return []
    return [Pairing(actor, role, index, "as", match.start()) for actor, role in zip(actors, roles, strict=True)]


def _shared_surname(names: list[str]) -> list[str]:
    """A list's names with the surname written once, after the last, given to every first name before it:
    "Euphemia and Rosalind Nakashima-Reid"."""
    last = names[-1].split()
    if len(last) == 2 and all(len(name.split()) == 1 for name in names[:-1]):
        return [f"{name} {last[-1]}" for name in names[:-1]] + [names[-1]]
    return names


def _played_by_the_name(identity: Pairing, found: Sequence[Pairing]) -> Pairing:
    """ "Gedge is Jörg Wendlandt, a veteran" after "Sergeant Elliot Gedge, played by Tunde Ashworth-Mends":
    when the one word before "is" names a role the article credits to someone else, the full name
    after it is who plays that role too (a dub, a stage run, a recast), not a role Gedge plays."""
    word = clean_written(identity.actor)
    roles = {
        pairing.character
        for pairing in found
        if word in untitled(clean_written(pairing.character)).split()
        and word not in clean_written(pairing.actor).split()
    }
    if len(roles) == 1:
        return replace(identity, actor=identity.character, character=roles.pop())
    return identity


AND_ANOTHER_ROLE_RE = re.compile(
    rf"[^.;:“”\"]{{0,100}}?,\s+and\s+(?:the|his|her)\s+(?P<description>(?:[a-z][{WORD}'’-]*\s+){{0,2}}[a-z][{WORD}'’-]*),\s+"
    rf"(?P<more>{ROLE}),\s+in\s+(?:the\s+)?(?:[a-z][{WORD}'’-]*\s+){{0,3}}[{UPPER}]"
)


def _named_role_was(text: str, match: re.Match, character: str) -> bool:
    """Whether "her best role was …" names a role: a full name ("was Clancy Doyle"), or one word after what the
    role is and before the work it is in ("was the servant Dominga in The Sugar Mill Clock")."""
    if len(untitled(normalize_name(character)).split()) >= 2:
        return True
    return bool(
        match["rolewas_desc"]
        and match["rolewas_desc"].split()[-1] not in PERSON_JOBS | WORK_NOUNS
        and IN_WORK_AFTER_RE.match(text, match.end("rolewas"))
    )


def pronoun_credits(texts: Sequence[str]) -> list[PronounCredit]:
    """The credits in `texts` whose actor is "she", "he" or "I", for the reader of the article to
    say who that is. The same words after a name are read by `credit_pairings`."""
    found: list[PronounCredit] = []
    for index, text in enumerate(texts):
        if not paragraph_words(text) & (CREDIT_WORDS | MORE_CREDIT_WORDS):
            continue
        for match in PRONOUN_PLAYS_RE.finditer(text):
            if inside_quotation(text, match.start()):
                continue  # "“I played him Austrian,” he says": the speaker's own words, not the narrator's
            role = next(
                group
                for group in ("character", "cast", "recalled_role", "role", "was_role", "the_role")
                if match[group]
            )
            if role == "was_role" and len(untitled(normalize_name(match[role])).split()) < 2:
                continue  # "he was Bishop, the …": a full role's name only
            if role == "the_role" and (match["the_desc"].split()[-1] in PERSON_JOBS or len(match[role].split()) < 2):
                continue  # "she was the director Ana Ruiz" is who she is, not a role; "Mrs Bunce" in full
            if (
                role == "the_role"
                and match["the_verb"] == "is"
                and not re.search(r"\bwhich\s+$", text[: match.start()])
            ):
                continue  # "she is the writer …" outside "in which she is …": who she is
            written, start = match[role], match.start()
            if role in ("cast", "recalled_role"):  # the one cast or remembered is not who the sentence is about
                start = sentence_start(text, start)
            character = trim_role(written)
            if role not in ("role", "was_role", "the_role", "recalled_role"):
                character = role_after(text, match.end(role), character)
            pronoun = next(
                (match[group] for group in ("pronoun", "described", "was", "was_the") if match[group]),
                SUBJECT_OF.get(match["object"] or match["recalled"] or ""),
            )
            if character and len(untitled(normalize_name(character)).split()) <= 3:
                found.append(PronounCredit(pronoun, character, index, start, plays=role == "character"))
            # "He also played the fisherman Pita in the film Tide Line, and the grandfather, Tavita, in the
            # children's series Coconut Crab Club": a second role, in its own work
            if (
                role == "character"
                and (more := AND_ANOTHER_ROLE_RE.match(text, match.end()))
                and more["description"].split()[-1] not in PERSON_JOBS
            ):
                found.append(PronounCredit(pronoun, trim_role(more["more"]), index, start, plays=True))
        for match in ROLE_OF_SUBJECT_RE.finditer(text):
            # "His longest role … was Clancy Doyle" opening a sentence: his is whoever "he" would be.
            owner = match.group().split()[0]
            if owner in {"Her", "His"} and sentence_start(text, match.start()) == match.start():
                written = match["character"] or match["rolewas"] or ""
                character = trim_role(written)
                named = _named_role_was(text, match, character) if match["rolewas"] else len(character.split()) >= 2
                if named and not inside_quotation(text, match.start()):
                    pronoun = "she" if owner == "Her" else "he"
                    found.append(PronounCredit(pronoun, character, index, match.start()))
        for match in PRONOUN_CALLED_RE.finditer(text):
            if not inside_quotation(text, match.start()):
                start = sentence_start(text, match.start())
                found.append(PronounCredit(SUBJECT_OF[match["object"]], match["nick"], index, start, nickname=True))
        # "she is Mo to everyone", "To the whole building he is Lao Zhou", "she is known by her eldest child's name:
        # on set and in the chat she is Mama Zawadi": what a "she" or "he" is called, each looked for only where
        # its cue words are
        for pattern, cues in (
            (PRONOUN_KNOWN_RE, ("",)),
            (FRONTED_KNOWN_RE, ("o ", "n set", "t home", "n the ", "t the ")),
            (KNOWN_BY_NAME_RE, (" known by ",)),
        ):
            for match in pattern.finditer(text) if any(cue in text for cue in cues) else ():
                if not inside_quotation(text, match.start()):
                    pronoun = match["pronoun"].lower()
                    found.append(PronounCredit(pronoun, match["nick"], index, match.start(), nickname=True))
        for match in PRONOUN_CALLED_IN_RE.finditer(text) if " called " in text or " known as " in text else ():
            # "On English programmes she is called Catriona MacLeod": her name in the other language
            sentence = text[sentence_start(text, match.start()) : match.end()]
            if not inside_quotation(text, match.start()) and _names_a_language(sentence):
                pronoun = match["pronoun"].lower()
                found.append(PronounCredit(pronoun, _trim(match["nick"]), index, match.start(), nickname=True))
    return found


def _names_a_language(text: str) -> bool:
    return any(word.casefold() in LANGUAGES for word in re.findall(rf"\b[{UPPER}][a-z]+\b", text))


SENTENCE_REACH = 2000  # characters back a sentence's start is looked for: no paragraph is read again for each name


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` begins (or, for a sentence longer than `SENTENCE_REACH`,
    a point inside it)."""
    window = max(0, position - SENTENCE_REACH)
    return max((end.end() for end in SENTENCE_END_RE.finditer(text, window, position)), default=window)


def opens_sentence(text: str, position: int) -> bool:
    """Whether nothing but opening quote marks stands between the start of its sentence and `position`."""
    return not text[sentence_start(text, position) : position].strip(" \t\"“‘'")


def named_as_thing(words: Sequence[str]) -> bool:
    """Whether a name's folded words say it is a place, a channel or an organisation: "Mersey Railway",
    "Lark One", "County Kerry", "Rue des Tissus"."""
    return bool(words) and (
        words[-1].strip(".,") in NOT_PERSON_ENDINGS
        or words[0] in NOT_PERSON_OPENINGS
        or (len(words) >= 3 and words[0] in STREET_OPENINGS and words[1] in PARTICLES)
    )


def inside_quotation(text: str, position: int) -> bool:
    """Whether `position` is inside a quotation: more opening marks than closing ones before it."""
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Honorifics written after a name, never a family name: Persian "Parvin Khanum", Turkish "Nermin Hanım",
# Japanese "Tanaka-san", Hindi "Sharma-ji".
HONORIFICS_AFTER = {
    "khanum", "khanom", "hanim", "hanım", "hanum", "bey", "efendi", "pasha", "sahib", "san", "sama", "ji",
    "abla", "abi", "ağabey",  # Turkish: elder sister, elder brother
    "kaka", "kaki", "tai", "dada",  # Marathi and Bengali uncle, aunt, elder sister, elder brother: "Bhide Kaka"
    "xan",  # Kurdish, after a woman's name: "Shilan Xan"
    "lala",  # Pashto elder brother, after a given name: "Shafiq Lala"
    "nani", "bhai", "didi",  # Odia and Hindi elder sister and brother: "Ipsita Nani"
    "agay", "apay",  # Bashkir "ağay" and "apay", to an older man and woman: "Zagir ağay", "Minnigul apay"
    "kukka", "pichche", "appa",  # Chuvash uncle, elder brother and sister: "Pavel kukka"
    "agai", "apai",  # Udmurt elder brother and sister, to an older man or woman: "Zoya apai"
    "aga",  # Karakalpak elder brother, to any man owed respect: "Jolmurza aǵa"
}  # fmt: skip


TITLE_BEFORE_WORD_RE = re.compile(rf"(?<![{WORD}'’-])([{WORD}'’.]+)[ \t]+$")


def _family_named(text: str, start: int, role: str, surnames: Collection[str]) -> str:
    """A role written by first name after a relation of someone named by surname takes that surname:
    "Rudge's mother, Margaret" is Margaret Rudge, where the article writes Rudge as a surname ("Dennis
    Rudge"); "Maggie's brother, Lachie" stays Lachie."""
    match = RELATIVE_BEFORE_RE.search(text, max(0, start - 60), start)
    title = TITLE_BEFORE_WORD_RE.search(text, max(0, match.start() - 20), match.start()) if match else None
    if (
        match
        # "Haj Mahmoud's son, Omid": a given name after a form of address is no family name
        and not (title and title[1].lower() in GIVEN_NAME_FORMS)
        and normalize_name(match["surname"]) not in CHARACTER_TITLES  # not "the Canon's granddaughter"
        and normalize_name(match["surname"]) not in HONORIFICS_AFTER  # "Parvin Khanum's granddaughter, Shirin"
        and match["surname"] in surnames
    ):
        return f"{role} {match['surname']}"
    return role


def role_after(text: str, end: int, role: str) -> str:
    """The role, or, when the one word read as the role was an adjective, the name after it: "the
    French governess, Madame Roussel", "the sardonic Edinburgh lamplighter Albie Crook"."""
    if len(role.split()) != 1:
        return role
    return _apposition(text, end) or role


def _nearest_person(
    text: str, position: int, directory: NameDirectory, excluded: set[str], surnames: Collection[str] = ()
) -> str | None:
    """The last name in the sentence before `position` that may be a person: a full name, one the
    directory knows, or the surname of a full name the article writes ("and Ruane for three years as
    …"), that is no work, outlet or place."""
    start = sentence_start(text, position)
    for match in reversed(list(NAME_RUN_RE.finditer(text, start, position))):
        name = _trim(match.group())
        folded = clean_written(name)
        if not name or folded in excluded or folded.split()[-1] in NOT_PERSON_ENDINGS:
            continue
        if len(name.split()) >= 2 or directory.knows(name) or name in surnames:
            return name
    return None


# "who sorted leaf in Pinar del Río for forty years", "The police in Banda Neira said": where a place is.
LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|near|outside|around|across|throughout)[ \t]+$")


def _places(texts: Iterable[str]) -> set[str]:
    """Names of two words or more written only after "in", "near" or the like, never as anyone's: places.
    People are written as a sentence's subject, after a verb, or before "'s"; a town in "the police in Banda
    Neira said" is not."""
    texts = list(texts)
    candidates = {
        name
        for text in texts
        for match in NAME_RUN_RE.finditer(text)
        if LOCATIVE_BEFORE_RE.search(text, max(0, match.start() - 12), match.start())
        and len((name := _trim(match.group())).split()) >= 2
    }
    places = set()
    for name in candidates:  # few: each is looked for wherever else the article writes it
        located = True
        for text in texts:
            at = text.find(name)
            while at >= 0 and located:
                after = text[at + len(name) : at + len(name) + 2]
                located = (
                    (
                        bool(LOCATIVE_BEFORE_RE.search(text, max(0, at - 12), at))
                        # or said of a thing there: "the Jane Furse road", "a Jane Furse forecourt"
                        or bool(
                            re.search(r"\b(?:the|a|an)[ \t]+$", text[max(0, at - 4) : at], re.I)
                            and re.match(r"[ \t]+[a-z]", text[at + len(name) :])
                        )
                    )
                    and not re.match(r"['’]s?\b", after)
                )
                at = text.find(name, at + 1)
            if not located:
                break
        if located:
            places.add(clean_written(name))
    return places


def _previous_subject(text: str, position: int, excluded: set[str]) -> str | None:
    """The first full name in the sentence before the one holding `position` that may be a person
    ("Over at Plover+, Tamsin Oyelaran-Birch will play …"), if there is one."""
    start = sentence_start(text, position)
    if not start:
        return None
    previous = sentence_start(text, start - 2)
    if OPENING_PRONOUN_RE.match(text, previous):
        return None  # "She was best known as Tula … Her first film role …": hers, whoever "she" is
    for match in NAME_RUN_RE.finditer(text, previous, start):
        name = _trim(match.group())
        folded = clean_written(name)
        if POSSESSIVE_RE.search(match.group()) or folded in excluded or text.endswith("The ", 0, match.start()):
            continue  # not "The Tobacco Sorters of Pinar", a title
        if len(name.split()) >= 2 and folded.split()[-1] not in NOT_PERSON_ENDINGS:
            return name
    return None


def _apposition(text: str, end: int) -> str | None:
    """The name a one-word role is followed by, when that word was an adjective: "the French governess,
    Madame Roussel" → "Madame Roussel"."""
    match = APPOSITION_RE.match(text, end)
    if not match or set(match.group().casefold().replace(",", " ").split()) & NOT_APPOSITION_WORDS:
        return None
    return trim_role(match["role"])


AGE_WORDS = {"Young", "Younger", "Older", "Teenage", "Adult"}


# The small words of a role named by what it is: "The Woman Under the Tree", "The Man at the Gate"
DESCRIBED_ROLE_WORDS = {"the", "of", "in", "on", "at", "by", "and", "a", "an"}


def trim_role(run: str) -> str:
    """A role as written, without the words that only start a sentence; titles ("Mr.", "Chief
    Inspector", "His Honour") are part of it."""
    words = run.split()
    if words[:1] == ["The"] and DESCRIBED_ROLE_WORDS & set(words[2:]):
        return run  # "The Woman Under the Tree": a role named by what it is, its "The" and all
    while words and normalize_name(words[0]).strip(".") in NOT_NAME_WORDS:
        if len(words) > 1 and normalize_name(" ".join(words[:2])) in HONORIFIC_TITLES:
            break
        if len(words) > 2 and normalize_name(words[0]) in CHARACTER_TITLES:
            break  # "Judge Harriet Moody": a title before a full name is the role's
        words = words[1:]
    if len(words) >= 2 and words[0] in AGE_WORDS:
        words = words[1:]  # "Young Hallgrímur … Ari Egilsson": the same role, played at another age
    # "Piet Vandermolen's The Ratcatcher's Daughter": the name ends at its owner's possessive.
    owner = next((number for number, word in enumerate(words) if POSSESSIVE_RE.search(word)), len(words) - 1)
    words = words[: owner + 1]
    if words and POSSESSIVE_RE.search(words[-1]):
        words[-1] = POSSESSIVE_RE.sub("", words[-1])
    return " ".join(words)


def _titled_words(whole: str) -> frozenset[str]:
    """The words that come straight after a title anywhere in the text: "Fludd" in "Mrs. Fludd"."""
    return frozenset(match.group(1).casefold() for match in TITLED_WORD_RE.finditer(whole))


def _person_likeness(side: str, directory: NameDirectory, whole: str, titled: frozenset[str]) -> tuple[int, int]:
    """How much `side` of a credit reads like the actor: what the directory and the name's form say,
    then how the article uses the name (surnames for people, first names for characters)."""
    words = side.split()
    score = 0
    if directory.knows(side):
        score += 3
    if directory.character(side):
        score -= 3
    if normalize_name(words[0]).strip(".") in CHARACTER_TITLES or normalize_name(words[0]) in CHARACTER_TITLES:
        score -= 2
    if len(words) == 1:
        return score - 1, 0
    if words[-1].casefold() in titled:
        return score - 1, 0  # "Mrs. Fludd": a surname after a title is how characters are addressed
    if _used_alone(words[-1], whole, before=words[0]):
        return score, 1  # writers call people by their surname
    if _used_alone(words[0], whole, after=words[-1]):
        return score, -1  # and characters by their first name
    return score, 0


def _used_alone(word: str, text: str, *, before: str | None = None, after: str | None = None) -> bool:
    """Whether `word` appears on its own: not right after `before`, not right before `after`."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        ahead, behind = text[start - 1 : start], text[end : end + 1]
        if (
            not (ahead and (_is_word_character(ahead) or ahead in "'’-"))
            and not (behind and (behind.isalnum() or behind in "_-"))
            and not (before and text[:start].endswith(f"{before} "))
            and not (after and text.startswith(f" {after}", end))
        ):
            return True
        start = text.find(word, start + 1)
    return False


def _is_word_character(char: str) -> bool:
    """A letter, digit or underscore, or a combining mark written after a letter."""
    return char.isalnum() or char == "_" or "\u0300" <= char <= "\u036f"


SAID_AFTER_RE = re.compile(r"[ \t]+(?:said|says|told|tells|added|adds|recalled|recalls|explained|explains)\b")
# "In the series Rustam always wins": where, in the story, someone does something
IN_THE_SHOW_BEFORE_RE = re.compile(r"\b[Ii]n[ \t]+the[ \t]+(?:series|show|film|novel|book|story|script)[ \t]+$")
SUBJECT_VERB_AFTER_RE = re.compile(
    r"[ \t]+(?!(?:for|in|on|at|with|from|until|since|before|after|and|or|but|as|which|that|who|where|when|alongside"
    r"|opposite|to|of|by|about|over|under|into|during|through|than)\b)[a-z]+\b"
)
TITLE_HEAD_RE = re.compile(
    rf"(?<![{WORD}'’-])The[ \t]+[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+)*"  # not "The P in P. Kalaiselvi"
    rf"[ \t]+(?:to|of|in|at|on|from|under|over)[ \t]+(?:the[ \t]+)?$"
)


def _titles(texts: Iterable[str]) -> set[str]:
    """Runs the article shows are a work, a company or a channel, wherever else they stand: "the
    thriller Tilbury Nights", "the measurement firm Tallyhouse Research", "Farrow's Beat, the police
    drama", "airs on Kestrel One"."""
    found: set[str] = set()
    for text in texts:
        for match in NAME_RUN_RE.finditer(text):
            if SAID_AFTER_RE.match(text, match.end()):
                continue  # "After the show Coulibaly-Sy said …": a show says nothing, a person does
            if IN_THE_SHOW_BEFORE_RE.search(
                text, max(0, match.start() - 20), match.start()
            ) and SUBJECT_VERB_AFTER_RE.match(text, match.end()):
                continue  # "In the series Rustam always wins": a role the clause is about, not the series' title
            if (
                KIND_BEFORE_RE.search(text, max(0, match.start() - 60), match.start())
                or KIND_AFTER_RE.match(text, match.end())
                # "Qaamaneq (Light), Sermersuaq TV’s crime series": a translation between the title and its kind;
                # "Aluth Gedara (New House) was a half-hour sitcom about …"
                or (
                    (translated := TRANSLATION_RE.match(text, match.end()))
                    and (
                        KIND_AFTER_RE.match(text, translated.end())
                        or IS_A_KIND_RE.match(text, translated.end())
                        or WORK_AFTER_RE.match(text, translated.end())  # "Lanmè Fache (Angry Sea) was shot in …"
                        or SYNOPSIS_AFTER_RE.match(text, translated.end())
                    )
                )
                # "Vlčie leto (Wolf Summer) was shot at the Koliba studios": the title's translation
                or (
                    text[max(0, match.start() - 1) : match.start()] == "("
                    and text[match.end() : match.end() + 1] == ")"
                    and WORK_AFTER_RE.match(text, match.end() + 1)
                )
                or WORK_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
                or (
                    not POSSESSIVE_RE.search(match.group().split()[0])
                    and PLAYED_ON_RE.search(text, max(0, match.start() - 100), match.start())
                )
                or (not POSSESSIVE_RE.search(match.group()) and WORK_AFTER_RE.match(text, match.end()))
                # "The Minibus to Half Way Tree": the rest of a title after its small word
                or TITLE_HEAD_RE.search(text, max(0, match.start() - 60), match.start())
            ):
                # "Oona Kettunen-Shaw's Winter Apiary had its premiere": the work is after the owner.
                found.add(clean_written(_trim(" ".join(after_owner(match.group().split())))))
    return found


def after_owner(words: list[str]) -> list[str]:
    """The words of a capitalised run after its last owner ("Sam Okonjo's Tobiah" gives "Tobiah"),
    found word by word: a pattern for "a word ending 's" retried at every letter of one enormous
    word is quadratic."""
    owner = max((n for n, word in enumerate(words[:-1]) if POSSESSIVE_RE.search(word)), default=-1)
    return words[owner + 1 :]


def _headline_names(headline: str, body: Sequence[str], runs: Sequence[str]) -> list[str]:
    """Names only the headline writes in full, that the body goes on to use by surname alone:
    "Rosario Quispe Huamaní and Florencia Apaza Condori on The Salt Terraces", then "Quispe: I was
    buying salt". A headline's other capitalised runs stay out: a slogan's words are written in
    lower case in the body too, and a surname the body gives someone in full is theirs."""
    in_body = {clean_written(run) for run in runs}
    body_surnames = {words[-1] for run in in_body if len(words := run.split()) >= 2}
    lower_words = {word for text in body for word in re.findall(r"\b[a-z]\w*", text)}
    found = []
    for written in _name_runs([headline]):
        folded = clean_written(written)
        if folded in in_body or any(folded in run for run in in_body):
            continue
        words = written.split()
        if any(clean_written(word) in body_surnames for word in words):
            continue
        # the family name, or either of two (a Peruvian's father's, then mother's)
        surnames = [word for word in (words[1:] if len(words) == 3 else words[-1:]) if word.lower() not in lower_words]
        if surnames and any(_alone(surname, text) for text in body for surname in surnames):
            found.append(written)
    return found


def _alone(word: str, text: str) -> bool:
    """Whether `text` writes `word` on its own: "Quispe lit a cigarette", not the "Verde" of "the
    Lago Verde Film Festival"."""
    for match in re.finditer(rf"(?<![{WORD}'’-]){re.escape(word)}(?![{WORD}'’-])", text):
        # the word before is read from a short window, so a body that repeats the name stays linear
        before = text[max(0, match.start() - ALONE_WINDOW) : match.start()]
        if not re.search(rf"(?<![{WORD}'’-])[{UPPER}][{WORD}'’-]*[ \t]$", before) and not re.match(
            rf"[ \t][{UPPER}]", text[match.end() : match.end() + 2]
        ):
            return True
    return False


ALONE_WINDOW = 60  # characters before a surname read for a capitalised word just before it


def _name_runs(texts: Iterable[str]) -> Iterable[str]:
    """Runs of two or more capitalised words that may name someone. Words in capitals name someone
    only as a label ("JUNO HARTLEY:"); a run that starts with an article ("The Brass Orchard") or is
    joined to capitals before it by "of" ("Harbour of Small Hours") is a title."""
    for text in texts:
        for match in NAME_RUN_RE.finditer(text):
            words = _trim(match.group()).split()
            if len(words) < 2:
                continue
            if (
                match.group().isupper()
                and not LABEL_START_RE.match(text, match.end())
                and not ROSTER_BEFORE_RE.search(text, max(0, match.start() - 80), match.start())
            ):
                continue
            written = match.group().split()
            if len(words) >= 3 and INITIAL_RE.fullmatch(words[-2]) and text.startswith(":", match.end()):
                words = words[:-1]  # "Sold to: Bonaria Z. Note: Bought one.": the form's next field is no name
            if written[0] == "The" and len(written) > 3 and normalize_name(written[1]) in STYLED_WITH_THE:
                words = _trim(" ".join(written[2:])).split()  # "The Reverend Cecily Hawtrey" is Cecily Hawtrey
            elif written[0] in {"The", "A", "An"} or (
                "The" in written[: len(written) - len(words)] and len(words) >= 2
            ):
                continue  # "The Brass Orchard", "On The Vellum Year": a title, not a person
            if TITLE_JOIN_RE.search(text, max(0, match.start() - 40), match.start()):
                continue
            if OTHER_NAMESAKES_RE.search(text, max(0, match.start() - 30), match.start()):
                continue  # "the several other Giorgos Antonious in the directory": namesakes, nobody in particular
            if _after_the(text, match.start()) and words[0] == written[0] and _names_a_thing(written[0]):
                continue  # "at the Lyceum Playhouse", "the Bumbleweed Club": a place or a name of a thing
            yield " ".join(words)


INITIAL_RE = re.compile(rf"[{UPPER}]\.")  # "Z." in a form's "Sold to: Bonaria Z."
# A programme's roster in capitals, each name a person: "HOSTS: ALTANA BADMAEVA, ERDNI SANGADZHIEV. GUEST: …"
ROSTER_WORDS = r"(?:HOSTS?|GUESTS?|PANEL|PANELLISTS|PRESENTERS?|MODERATOR|CALLERS?|PRESENT)"
ROSTER_BEFORE_RE = re.compile(rf"\b{ROSTER_WORDS}[ \t]*:[ \t]*(?:[^.:\n]*,[ \t]*)?\Z")
OTHER_NAMESAKES_RE = re.compile(r"\b(?:the|several|many|two|three|all|any|some)\s+(?:[a-z]+\s+)?other\s+$")
# Styles written with "the" before a person's name.
STYLED_WITH_THE = {"reverend", "rev", "rev.", "honourable", "honorable", "hon", "hon.", "venerable", "right"}


def _names_a_thing(opening: str) -> bool:
    """Whether a run after "the" that opens with this word names a thing: not "the Reverend Ann
    Hale" (a title), nor "the Emmy-winning Ann Hale" (a description)."""
    return "-" not in opening and normalize_name(opening) not in CHARACTER_TITLES


def _after_the(text: str, start: int) -> bool:
    return text[max(0, start - 4) : start] in {"the ", "the\u00a0"} and (start < 5 or not text[start - 5].isalpha())


# The name someone goes by, after their own: "Gatluak Puok Chuol, whose ox-name is Rialbith", "…, whose stage name is …"
WHOSE_NICKNAME_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME}),[ \t]+whose[ \t]+"
    rf"(?:[a-z]+-name|nick-?name|pet[ \t]+name|stage[ \t]+name)[ \t]+is[ \t]+"
    rf"[“\"‘]?(?P<nick>[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+)?)[”\"’]?(?=[ \t]*[,.;])"
)
FULL_NAME_IS_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<nick>{NAME})(?:[ \t]+(?:from|of)[ \t]+[^,.;:“”\"]{{1,30}})?,[ \t]+whose[ \t]+"
    rf"(?:(?:full|real|legal|given|birth)[ \t]+)?name[ \t]+is[ \t]+(?P<full>{NAME})"  # "…, whose name is …" too
)


# The nickname patterns read in every paragraph, each with the words it cannot match without.
NICKNAME_PATTERNS = tuple(
    (pattern, frozenset(words.split()))
    for pattern, words in (
        (AS_KNOWN_RE, "as"),
        (KNOWN_AS_RE, "known whom nicknamed called introduced under"),
        (WHOSE_NICKNAME_RE, "whose"),
        (NICKNAME_TO_RE, "to"),
        (NAMED_SINCE_RE, "since to everywhere by"),
    )
)


def _nicknames(texts: Iterable[str]) -> dict[str, str]:
    """Full names and the nickname the article gives them: {"Leo Albright": "Lefty"} from 'Leo
    "Lefty" Albright' or "Leo Albright — known to everyone on set as Lefty —"; and a where-are-they-now
    piece's earlier name: {"Rūta Petraitienė": "Rūta Kazlauskaitė"} from "Then: played by Rūta
    Kazlauskaitė, aged 11" over "Now: Rūta Petraitienė, 41, vet"."""
    found: dict[str, str] = {}
    texts = list(texts)
    for then, now in pairwise(texts):
        if (was := THEN_LINE_RE.match(then)) and (is_now := NOW_LINE_RE.match(now)):
            earlier, later = _trim(was["name"]), _without_title(_trim(is_now["name"]))
            if len(earlier.split()) >= 2 and len(later.split()) >= 2 and clean_written(earlier) != clean_written(later):
                found.setdefault(later, earlier)
    for at, (before, text) in enumerate(pairwise(["", *texts])):
        for match in WHO_IS_IN_LANGUAGE_RE.finditer(text) if " who is " in text else ():
            if match["language"].casefold() in LANGUAGES and len(match["nick"].split()) >= 2:
                found.setdefault(_trim(match["full"]), _trim(match["nick"]))
        for match in GLOSSED_ADDRESS_RE.finditer(text) if " is " in text else ():
            if match["surname"] in match["full"].split() and match["nick"] != match["surname"]:
                found.setdefault(_trim(match["full"]), match["nick"])
        for match in SPELT_AS_RE.finditer(text) if " is " in text else ():
            if _spelt_apart(_trim(match["full"]), _trim(match["nick"])):
                found.setdefault(_trim(match["full"]), _trim(match["nick"]))
        for match in CALL_NAME_NICK_RE.finditer(text) if " call" in text else ():
            # "the crew were calling Bikbulatov Olatay": a surname the article writes after a given name elsewhere
            # ("Ilshat Bikbulatov"), never a given name and surname read apart ("the crew call Bessi Annaýewa.")
            if len(match["full"].split()) >= 2 or any(
                re.search(rf"[{UPPER}][{WORD}'’-]+[ \t]+{re.escape(match['full'])}(?![{WORD}'’-])", other)
                for other in texts
            ):
                found.setdefault(_trim(match["full"]), match["nick"])
        for match in PEN_NAME_RE.finditer(text) if " name " in text else ():
            if len(match["full"].split()) >= 2:
                found.setdefault(_trim(match["full"]), _trim(match["nick"]))
        for match in AS_KNOWN_PRONOUN_RE.finditer(text) if " as " in text else ():
            # the one named in full just before whose given name the nickname ends with
            given = normalize_name(match["nick"].split()[-1])
            earlier = "\n".join([*texts[max(0, at - AS_KNOWN_REACH) : at], text[: match.start()]])
            named = [
                run
                for run in NAME_RUN_RE.findall(earlier)
                if len(words := normalize_name(run).split()) >= 2 and words[0] == given
            ]
            if named and len({normalize_name(run) for run in named}) == 1:
                found.setdefault(_trim(named[-1]), match["nick"])
        for match in PAPERS_NAME_RE.finditer(text) if " is " in text else ():
            # (a fuller name, "Edem Tsikata is Kofi Edem Tsikata on his passport", is read as one already)
            if not set(clean_written(match["full"]).split()) <= set(clean_written(match["nick"]).split()):
                found.setdefault(_trim(match["full"]), _trim(match["nick"]))
        for match in FULL_NAME_IS_RE.finditer(text) if " name is " in text else ():
            # "Ming Sophal from catering, whose full name is Nhem Sophal": what she goes by, and her name
            if len(match["nick"].split()) >= 2:
                found.setdefault(_trim(match["full"]), _trim(match["nick"]))
        for match in NICKNAME_RE.finditer(text):
            first = match["first"]
            if len(words := first.split()) == 2 and normalize_name(words[0]) in NOT_INTRODUCING_WORDS | NOT_NAME_WORDS:
                first = words[1]  # "Then Ernesto “Tito” Quilapán": a sentence's word, then his name
            if normalize_name(first) in NOT_INTRODUCING_WORDS:
                continue
            found.setdefault(f"{first} {match['last']}", match["nick"] or match["plain_nick"])
        called = "call" in text or "know" in text  # what CALLED_RE needs, checked before its slower scan
        about_nicknames = NICKNAME_WORD_RE.search(text) is not None or NICKNAME_WORD_RE.search(before) is not None
        words = paragraph_words(text)
        for pattern in (
            *(pattern for pattern, needed in NICKNAME_PATTERNS if needed & words),
            *((AND_NICK_TO_RE,) if " and " in text and "to" in words else ()),
            *((CALLED_RE, CALLED_BY_RE) if called else ()),
            *((IS_NICKNAMED_RE,) if about_nicknames else ()),
        ):
            for match in pattern.finditer(text):
                if match["full"].split()[0] in {"The", "A", "An"}:
                    continue  # "one short film, The Tide Tables, in which he played a keeper called Dic": a title
                full = _trim(match["full"])
                if pattern is CALLED_RE and (
                    later := [
                        _trim(name["full"]) for name in WHOM_NAME_RE.finditer(text, match.end("full"), match.end())
                    ]
                ):
                    full = later[-1]  # "Ants, the fisherman, is played by Jaan Tammemägi, whom everyone calls …"
                if (
                    match.groupdict().get("surname")
                    and match["surname"] not in full.split()
                    and match["nick"].split()[0] != full.split()[0]
                    and not full.split()[0].startswith(match["surname"])
                    and not full.split()[0].startswith(match["nick"].split()[0])
                ):
                    # "known to millions as Inspector Morse": a role, not a name of hers; but "Maxamed Cabdi
                    # Faarax … known to everyone as Maxamed Dheere", his own name and what it is said with,
                    # "Wilner Jean-Baptiste, whom every fisherman … knows as Ti Wil", his name made small, and
                    # "Raymond Kaupa, known on the show and off it as Ray Bigman", his given name shortened
                    continue
                if full:  # "Peverell, whom she calls Pev": a surname, settled against the full names
                    found.setdefault(full, match["nick"])
        for match in PRONOUN_TO_ALL_RE.finditer(text) if "to" in words and ("he" in words or "she" in words) else ():
            # "Agness Chisanga's first son is Chomba, so to everyone at the studio she is Bana Chomba": the one full
            # name the sentence gives before it, or else the one the sentence before gives
            for head in SENTENCE_END_RE.split(text[: match.start()])[-1:-3:-1]:
                fulls = {full for run in NAME_RUN_RE.finditer(head) if len((full := _trim(run[0])).split()) >= 2}
                if fulls:
                    if len(fulls) == 1 and (full := fulls.pop()) != match["nick"]:
                        found.setdefault(full, match["nick"])
                    break
    # "On set … Karki is Hari Dai": a surname, then his own given name with the word for an elder brother
    given: dict[str, str] = {}
    runs_with: dict[str, set[str]] = {}  # the words of the full names a surname ends
    for text in texts:
        for match in NAME_RUN_RE.finditer(text):
            if len(words := _trim(match[0]).split()) >= 2:
                given.setdefault(words[-1], words[0])
                runs_with.setdefault(words[-1], set()).update(words)
    for text in texts:
        for match in SURNAME_IS_GIVEN_RE.finditer(text) if " is " in text else ():
            full, nick = match["full"], match["nick"].split()
            if given.get(full) == nick[0] and nick[1] not in runs_with.get(full, ()) and full not in found:
                found[full] = " ".join(nick)
    about_short_forms = [
        text for text in texts if "short" in text or "diminutive" in text or "pet " in text or "ickname" in text
    ]
    shortened = {
        match["first"]: match["nick"]
        for text in about_short_forms
        for match in SHORT_FORM_RE.finditer(text)
        if match["nick"] != match["first"]
    }
    # "Polish diminutives work like that: Barbara becomes Basia", then "Pani Basia keeps …"
    for text in about_short_forms:
        for match in SHORTENED_TO_RE.finditer(text):
            if match["nick"][:2] == match["first"][:2] and match["nick"] != match["first"]:
                shortened.setdefault(match["first"], match["nick"])  # "Everybody is shortened, Conceição to Concy"
        for match in chain(BECOMES_RE.finditer(text), A_NAME_IS_RE.finditer(text)):
            if match["nick"] != match["first"]:
                shortened.setdefault(match["first"], match["nick"])
    for text in texts:
        for match in ALSO_CALLED_RE.finditer(text) if " is also " in text else ():
            # "In Ros Muc, Colm is also Colm Pheadair, Colm son of Peadar": a byname after his given name
            shortened.setdefault(match["first"], match["nick"])
        for match in JOB_BYNAME_RE.finditer(text) if "The " in text else ():
            shortened.setdefault(match["first"], match["nick"])  # "The writer, …, is Calum Beag, little Calum"
        for match in BYNAME_SINCE_RE.finditer(text) if " has been " in text else ():
            shortened.setdefault(match["first"], match["nick"])  # "Sahra, who is tall, has been Sahra Dheere since …"
        for match in APPOSED_SHORT_FORM_RE.finditer(text):
            if _short_form(match["nick"], match["first"]):
                shortened.setdefault(match["first"], match["nick"])  # "Marcelina Zuniga, Sister Marcie, writes …"
        for match in PAIRED_SHORT_FORMS_RE.finditer(text) if " as " in text else ():
            shortened.setdefault(match["first"], match["nick"])  # "they are Žika and Gaga, as a Živorad and a Dragana"
            shortened.setdefault(match["first2"], match["nick2"])
    for first, nick in shortened.items():
        # "Guadalupe Ortiz de Montellano … she is Lupita, the usual short form of Guadalupe": the first
        # person the article names in full with that given name
        full = next(
            (
                name
                for text in texts
                for match in NAME_RUN_RE.finditer(text)
                if len((name := _trim(match[0])).split()) >= 2 and name.split()[0] == first
            ),
            None,
        )
        if full:
            found.setdefault(full, nick)
    return found


# A byname and its gloss, the given name said again with the English word: "On the quay he is Ulbe Fyts, Ulbe Bike."
GLOSSED_BYNAME_RE = re.compile(
    rf"\bis[ \t]+(?P<first>[{UPPER}][{WORD}'’-]+)[ \t]+[{UPPER}][{WORD}'’-]+,[ \t]+"
    rf"(?P<gloss>(?P=first)[ \t]+[{UPPER}][{WORD}'’-]+)(?=[ \t]*[.;])"
)
SURNAME_IS_GIVEN_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>[{UPPER}][{WORD}'’-]+)[ \t]+is[ \t]+"
    rf"(?P<nick>[{UPPER}][{WORD}'’-]+[ \t]+[{UPPER}][{WORD}'’-]+)(?=[ \t]*[,.;:])"
)
# "Colm is also Colm Pheadair": a given name, then the same given name with the byname it is said with.
ALSO_CALLED_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<first>[{UPPER}][{WORD}'’-]+)[ \t]+is[ \t]+also[ \t]+(?:known[ \t]+as[ \t]+)?"
    rf"(?P<nick>(?P=first)[ \t]+[{UPPER}][{WORD}'’-]+)(?![ \t]+[{UPPER}])"
)
# A job's holder and the byname the island knows them by: "The actor, who was a blond child, is Dòmhnall Bàn, fair
# Donald": his given name, and the word said with it.
JOB_BYNAME_RE = re.compile(
    rf"\bThe[ \t]+(?:actor|actress|writer|director|producer|creator|presenter|host|designer|composer)"
    rf"(?:,[ \t]+[^,;.“”\"\n]{{1,80}},)?[ \t]+is[ \t]+"
    # then its gloss, a word or two and the given name in English ("fair Donald"), not a clause ("who was born …")
    rf"(?P<nick>(?P<first>[{UPPER}][{WORD}'’-]+)[ \t]+[{UPPER}][{WORD}'’-]+),[ \t]+"
    rf"(?!(?:who|whom|whose|which|and|but)\b)(?:[a-z]+[ \t]+){{1,2}}[{UPPER}]"
)
# What a "she" or "he" is called after the sentence says a name is coming: "she is known by her eldest child's
# name: on set she is Mama Zawadi".
KNOWN_BY_NAME_RE = re.compile(
    rf"\b(?:[Ss]he|[Hh]e)[ \t]+is[ \t]+known[ \t]+by[ \t]+(?:her|his)[ \t]+[^.;:“”\"\n]{{0,40}}?\bname[ \t]*:"
    rf"[^.;:“”\"\n]{{0,60}}?\b(?P<pronoun>she|he)[ \t]+is[ \t]+"
    rf"(?P<nick>[{UPPER}][{WORD}'’-]+(?:[ \t]+[{UPPER}][{WORD}'’-]+)?)(?=[ \t]*[.;])"
)
BYNAME_SINCE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<first>[{UPPER}][{WORD}'’-]+)(?:,[ \t]+[^,;.“”\"\n]{{1,60}},)?[ \t]+has[ \t]+been[ \t]+"
    rf"(?P<nick>(?P=first)[ \t]+[{UPPER}][{WORD}'’-]+)[ \t]+(?:since|to)\b"
)
# A name in another language: "On English programmes she is called Catriona MacLeod", "Aonghas MacIlleathain, who
# is Angus MacLean in English".
PRONOUN_CALLED_IN_RE = re.compile(
    rf"\b(?P<pronoun>[Ss]he|[Hh]e)[ \t]+is[ \t]+(?:called|known[ \t]+as)[ \t]+(?P<nick>{NAME})(?=[ \t]*[,.;])"
)
# The role, then who plays it: "the actor who plays Ablikim, Ilyar Kasymov on the call sheet"
ACTOR_WHO_PLAYS_RE = re.compile(
    rf"\b[Tt]he[ \t]+(?:[a-z]+[ \t]+)?(?:actor|actress|performer)[ \t]+who[ \t]+plays[ \t]+(?P<character>{ROLE}),[ \t]+"
    rf"(?P<actor>{NAME})"
)
# A role described, then the name it goes by: "Jago Trewhella plays her grandfather, who is Grandfer Uren to
# everyone in the film"
DESCRIBED_THEN_NAMED_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<actor>{NAME})[ \t]+(?P<verb>plays|as|stars[ \t]+as)[ \t]+"
    rf"(?:the[ \t]+(?:family|village|town|show|series|film)['’]s|the|her|his|their|a|an)[ \t]+"
    rf"(?:[a-z][{WORD}'’-]*[ \t]+){{0,2}}[a-z][{WORD}'’-]*,[ \t]+"
    rf"(?:who[ \t]+is|whom[ \t]+(?:everybody|everyone|all|the[ \t]+family)[^,;.:“”\"\n]{{0,40}}?[ \t]+calls?)[ \t]+"
    rf"(?P<character>{ROLE})(?=[ \t]+to[ \t]+{EVERYONE}\b|[ \t]*[,.;]|$)"
)
# The same person's name as another language spells it: "on screen Jean-Pierre Bonnafous is Joan-Peire Bonafós"
# (checked where it is read: the surnames are one name, spelt apart)
SPELT_AS_RE = re.compile(rf"(?<![{WORD}'’-])(?P<full>{NAME})[ \t]+is[ \t]+(?P<nick>{NAME})(?=[ \t]*(?:[,.;]|and\b))")
# A pen name and whose it is: "The tips are by Railbird, the pen name under which Dwayne Sixkiller has picked
# horses since 1994", "Tía Chucha, the stage name of Concepción Robles"
PEN_NAME_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<nick>{NAME}),[ \t]+(?:the|a|his|her|their)[ \t]+(?:pen|stage|screen|professional|radio)"
    rf"[ \t]+name[ \t]+(?:under[ \t]+which|by[ \t]+which|of|used[ \t]+by|chosen[ \t]+by)[ \t]+(?P<full>{NAME})"
)
WHO_IS_IN_LANGUAGE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?P<full>{NAME}),[ \t]+who[ \t]+is[ \t]+(?P<nick>{NAME})"
    rf"[ \t]+in[ \t]+(?P<language>[{UPPER}][a-z]+)\b"
)


def _spelt_apart(full: str, other: str) -> bool:
    """Whether two full names are one name spelt two ways: "Georges Rouquette" and "Jòrdi Roqueta", surnames a few
    letters apart and opening alike."""
    first, second = clean_written(full).split(), clean_written(other).split()
    if len(first) < 2 or len(second) < 2 or first == second:
        return False
    mine, theirs = first[-1], second[-1]
    reach = max(2, max(len(mine), len(theirs)) // 3)
    return mine[0] == theirs[0] and mine != theirs and edit_distance(mine, theirs, reach) <= reach


def _identities(texts: Iterable[str]) -> dict[str, str]:
    """Full names and the name the article called them by before saying who they are: {"Benedikt
    Osei-Harland": "Benny"} from "Benny is Benedikt Osei-Harland, a wigmaker"."""
    found: dict[str, str] = {}
    for text in texts:
        if " is " not in text:
            continue
        for match in IDENTITY_RE.finditer(text):
            nick, full = match["nick"], _trim(match["full"])
            folded = normalize_name(nick)
            if len(full.split()) < 2 or folded in NOT_A_NICKNAME or folded in NOT_INTRODUCING_WORDS:
                continue
            if folded in normalize_name(full).split():
                continue  # "Quist is Mara Quist": the name itself, not another one
            found.setdefault(full, nick)
    return found


def _birth_names(texts: Iterable[str]) -> set[str]:
    """Names someone was born with: "She was born Francesca Dunsmore", "Born Reginald Arthur
    Stanfield in 1939, he …". They are another name of someone the article names, never someone new."""
    return {clean_written(_trim(match["name"])) for text in texts for match in BORN_RE.finditer(text)}


def _relatives_by_first_name(texts: Iterable[str]) -> list[str]:
    """A relative named by first name after someone named in full takes their surname: "Mara Quist
    and her husband, Tobias" gives "Tobias Quist". A relative's own surname, written, wins."""
    found = []
    for text in texts:
        for match in KIN_FIRST_NAME_RE.finditer(text):
            owner = _trim(match["owner"]).split()
            first = match["first"]
            if not owner or normalize_name(first) in NOT_INTRODUCING_WORDS:
                continue
            if len(owner) < 2 and not opens_sentence(text, match.start()):
                continue  # "Wróblewski had brought his son, Oskar": a surname alone, as its sentence's subject
            found.append(f"{first} {owner[-1]}")
    return found


def _shared_surnames(texts: Iterable[str]) -> list[str]:
    """The first of two names sharing a surname, in full: "Aiko and Ren Kimura" gives "Aiko Kimura"."""
    found = []
    for text in texts:
        for match in SHARED_SURNAME_RE.finditer(text):
            before = text[: match.start()].split()
            if before and before[-1][:1].isupper() and not before[-1].endswith((".", "!", "?", ":")):
                continue  # "Mia Tanaka and Leo Albright": two full names, not two first names
            if before and before[-1] in PARTICLES:
                continue  # "Hendrik du Toit and Marike du Toit": the end of a surname, no first name
            first = match["first"]
            if (
                normalize_name(first) in NOT_INTRODUCING_WORDS
                or normalize_name(match["second"]) in NOT_INTRODUCING_WORDS | NAME_TITLES | CHARACTER_TITLES
            ):
                continue  # not "Kākā and Miss Huhu": a title is no first name
            found.append(f"{first} {match['last']}")
    return found


# How someone is addressed before their surname ("Madame Sadowska", "Mr. Strickland"); unlike "Dean"
# or "Judge", never a first name.
FORMS_OF_ADDRESS = HONORIFICS | FIRST_NAME_TITLES | ADDRESS_TITLES
# Every title before a full name, "Mr" to "Detective Inspector": what `_without_title` leaves out.
NAME_TITLES = HONORIFICS | TITLES_BEFORE_A_NAME
# Titles that with one name after them make a role's name, never a real person's: not "Dean", "Earl"
# or "Prince", which are first names too.
ROLE_TITLES = {
    "sister", "brother", "father", "mother", "aunt", "aunty", "auntie", "whaea", "matua", "uncle", "inspector",
    "detective", "constable", "sergeant",
    "captain", "judge", "nurse", "sheriff", "officer", "agent", "professor", "doctor", "reverend", "lieutenant",
    "commander", "colonel", "admiral", "corporal", "matron", "vicar", "canon", "bishop", "pastor", "abbot", "abbess",
    "coach", "headmaster", "headmistress", "warden", "justice", "magistrate", "superintendent", "commissioner",
    "governor", "senator", "mayor", "baron", "baroness", "countess", "duchess", "duke",
    "daw",  # Burmese: "Daw Khin Khin"
    "bean",  # Scottish Gaelic, wife of: "Bean Eàirdsidh", a widow known by her late husband's name
}  # fmt: skip
# Letters after a name, not part of it: "Barnaby Strickland KC".
POST_NOMINALS = {"kc", "qc", "mbe", "obe", "cbe", "dbe", "kbe", "phd", "esq", "md"}


# The pilgrim's title written as two words, before a full name: Wolof and Mandinka "El Hadji Babacar Diop".
PILGRIM_TITLES = {("el", "hadji"), ("el", "hadj"), ("el", "haj"), ("el", "hadja"), ("al", "hajj"), ("al", "haj")}


@lru_cache(maxsize=16384)  # the same runs are trimmed many times over an article
def _trim(run: str) -> str:
    words = without_style(run.split())
    if len(words) >= 4 and (normalize_name(words[0]), normalize_name(words[1])) in PILGRIM_TITLES:
        words = words[2:]  # "El Hadji Babacar Diop"
    while len(words) > 2 and normalize_name(words[-1]).strip(".,") in POST_NOMINALS:
        words = words[:-1]
    while (
        words
        and not opens_balinese_name(words)
        and not (len(words) >= 3 and normalize_name(words[0]) in MONTH_NAMES)  # "May Thet Htar", "June Ama Owusu"
        and (
            # not "Tô" of "Tô Thị Kim Loan", which only folds to "to": no English word carries marks
            (normalize_name(words[0]).strip(".") in NOT_INTRODUCING_WORDS and not _marked(words[0]))
            or opens_no_name(words[0])
            or any(char.isdigit() for char in words[0])  # "Q216 Marcus Threadgold": a question's number
            # "the Basque Iñaki Etxeberria Goikoetxea": where someone is from, before their full name
            or (len(words) >= 3 and normalize_name(words[0]) in LANGUAGES)
        )
    ):
        words = words[1:]
    # "Piet Vandermolen's The Ratcatcher's Daughter": the name ends at its owner's possessive.
    owner = next((number for number, word in enumerate(words) if POSSESSIVE_RE.search(word)), len(words) - 1)
    words = words[: owner + 1]
    if words and POSSESSIVE_RE.search(words[-1]):
        words[-1] = POSSESSIVE_RE.sub("", words[-1])
    return " ".join(words)


MONTH_NAMES = {"april", "may", "june", "august"}  # months that are given names too


def _marked(word: str) -> bool:
    """Whether a word carries an accent or another mark: "Tô", "Ân"."""
    return any(unicodedata.combining(char) for char in unicodedata.normalize("NFD", word))


def _titled_trim(run: str) -> str:
    """`_trim`, keeping the titles just before the name: a role's "Judge Rosamund Heale"."""
    trimmed = _trim(run)
    words = run.split()
    kept = words[: len(words) - len(trimmed.split())] if trimmed else []
    titles: list[str] = []
    for word in reversed(kept):
        if normalize_name(word).strip(".") not in NAME_TITLES:
            break
        titles.insert(0, word)
    return " ".join([*titles, trimmed]) if trimmed else trimmed


def _exact(directory: NameDirectory, written: str) -> set[str]:
    """Keys of the people `written`, or a name inside it, is the full name or alias of."""
    words = written.split()
    for size in range(len(words), 1, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start : start + size])
            if directory.knows(part) and not _given_name_before(words[:start]):
                return directory.keys_of(part)
    return set()


def _given_name_before(words: Sequence[str]) -> bool:
    """Whether the words before a known name are a given name of someone else's: "Sorie Kabia Thoronka" is
    not the database's Kabia Thoronka (Sorie, whose father is Kabia), as "Director Kabia Thoronka" is."""
    return (
        len(words) == 1
        and (folded := normalize_name(words[0]).strip(".")) not in NO_GIVEN_NAME_WORDS
        and not opens_no_name(words[0])
        and words[0][:1].isupper()
        and folded.isalpha()
    )


def _near_misses(directory: NameDirectory, runs: Iterable[str]) -> dict[str, set[str]]:
    """For each run that is nobody's full name, the people whose full name it might be written
    with a slip ("Odile Marcheti"): first name right, surname (five letters or more) one edit away."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    for key, entry in directory.people.items():
        full = clean_written(entry.name).split()
        if len(full) >= 2:
            by_first.setdefault(full[0], []).append((key, full[-1]))
    found: dict[str, set[str]] = {}
    for written in runs:
        words = clean_written(written).split()
        if len(words) < 2 or len(words[-1]) < 5 or words[0] not in by_first or directory.knows(written):
            continue
        keys = {
            key
            for key, surname in by_first[words[0]]
            if edit_distance(surname, words[-1], 1) <= 1
            and same_generation(" ".join(words), (name := clean_written(directory.people[key].name)))
            and middles_agree(" ".join(words), name)
        }
        if keys:
            found[written] = keys
    return found


def _credited(directory: NameDirectory) -> set[str]:
    return {key for key, entry in directory.people.items() if entry.credited}


PORTRAYED_AGE_RE = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:young|younger|teenage|older|elderly)\s+$")


def _names_in_full(actor: str, character: str) -> bool:
    """Whether an actor is written in full and is not the role's given name with a surname: in "her
    mother, Selvi, is Uma Maheswari" Selvi is a part, in "her son, Tom, is Tom Ashby" and "Nguyễn Thị
    Thu Hà is Thu Hà" a name."""
    words = clean_written(actor).split()
    return len(words) >= 2 and not set(clean_written(character).split()) <= set(words)


def _portrays_younger(text: str, pairing: Pairing) -> bool:
    """Whether a credit plays a person at another age: "plays the young Hodan"."""
    at = text.find(pairing.character, pairing.start)
    return at > 0 and PORTRAYED_AGE_RE.search(text, max(0, at - 20), at) is not None


# Languages and nationalities before a job: "the English buyer", "says in German:". Never a speaker.
LANGUAGES = {
    "english", "german", "french", "spanish", "italian", "dutch", "flemish", "polish", "greek", "turkish", "welsh",
    "scottish", "irish", "british", "american", "canadian", "australian", "japanese", "chinese", "korean",
    "russian", "swedish", "norwegian", "danish", "finnish", "icelandic", "portuguese", "brazilian", "mexican",
    "indian", "nigerian", "ghanaian", "hungarian", "czech", "slovak", "romanian", "bulgarian", "serbian",
    "croatian", "albanian", "maltese", "arabic", "hebrew", "hindi", "urdu", "punjabi", "bengali", "tamil", "thai",
    "vietnamese", "filipino", "tagalog", "indonesian", "malay", "cantonese", "mandarin", "swahili", "zulu", "xhosa",
    "afrikaans", "basque", "catalan", "galician", "gaelic", "cornish", "hawaiian", "maori", "samoan", "tongan",
    "burmese", "persian", "farsi", "somali", "amharic", "yoruba", "igbo", "hausa", "lithuanian", "latvian",
    "estonian", "ukrainian", "georgian", "armenian", "kazakh", "mongolian", "nepali", "sinhala", "european",
}  # fmt: skip


# "Abu" (father of) and "Umm" (mother of) before the eldest child's name.
KUNYA = {"abu", "umm", "um", "abou", "oum"}
# Honorifics said before a given name, which with it name the one person of that given name: Spanish and
# Portuguese "Don Wilber", "Doña Rosa", "Dona Graça"; Afrikaans "Tannie Elsabé" and "Oom Fanie"; the
# aunt, uncle and grandparent words many languages use for elders.
GIVEN_NAME_HONORIFICS = {
    "don", "dona", "doña", "tannie", "oom", "tante", "tia", "tio", "nonna", "nonno", "yiayia", "papou",
    "lola", "lolo", "tita", "tito", "aunty", "auntie", "uncle", "amma", "appa", "baba", "bibi",
    "batono", "kalbatono",  # Georgian, sir and madam: "Batono Giorgi", "Kalbatono Nino"
    "kak",  # Kurdish, for a man: "Kak Hêmin"
    # Forms of address said before a given name where people go by it: Amharic "Ato", "Weyzero"; Malay
    # and Indonesian "Encik", "Datuk", "Pak", "Bu"; Thai "Khun"; Filipino "Mang", "Aling"
    "ato", "weyzero", "woizero", "weyzerit", "khun", "encik", "cik", "datuk", "dato", "datin", "puan", "tuan",
    "cikgu", "pak", "bu", "bapak", "ibu", "mang", "aling", "ustaz", "ustazah", "haji", "hajah", "hajjah",
    # Persian "Haj" (who has made the pilgrimage) and "Agha" (sir)
    "haj", "hajj", "agha",
    # the same title in West Africa, before a given name as often as before a surname: Krio "Haja Serah"
    "haja", "hadja", "hajia", "hajiya", "alhaja", "alhaji",
    # Polish "Pani", "Pan"; Greek "Kyria", "Kyra", "Kyrios"
    "pani", "pan", "kyria", "kyra", "kyrios",
    "mas", "mbak", "eyang",  # Javanese brother, sister and grandparent: "Mas Wahyu" for Wahyu Setiadi
    "cika", "teta",  # Serbian and Croatian uncle and aunt, to an older colleague: "čika Žika"
    "reb",  # Yiddish, for a respected man: "Reb Yankev-Leyb"
    "ña", "na", "karai",  # Guaraní, for older people, from "doña", and "sir": "Ña Lourdes", "Karai Derlis"
    "tun", "tan",  # Chamorro, for an older man and woman: "Tun Pedro", "Tan Rita"
    "bobo",  # Tajik and Uzbek, grandfather, to an old man: "Bobo Khurshed"
    "papay",  # Mapudungun, to an older woman: "Papay Rosa"
    "ntate",  # Sesotho, father, to a man: "Ntate Tumelo"
    "ingahy",  # Malagasy, sir: "Ingahy Justin"
    "bapang", "atching",  # Kapampangan, uncle and elder sister, to older people: "Bapang Ramon"
    "bah", "kong",  # Khasi, to a man and to a woman: "Bah Wonder", "Kong Ibakordor"
    "gogo",  # Ndebele and Zulu, grandmother: "Gogo Eunice"
    "lopen",  # Dzongkha, teacher, to a learned man: "Lopen Phub"
    "dah", "nan",  # Fon, to an older man of standing and to a woman who commands a market row: "Nan Bernadette"
    "nei",  # Kiribati, before a woman's name: "Nei Rurubao"
    "lali", "chira",  # Aromanian uncle and lady, to older men and women: "Lali Mitru", "Chira Vanghea"
    "bubu",  # Tok Pisin grandparent, to an old man or woman: "Bubu ToBurua"
    "beny",  # Dinka, chief or master, to a camp's head: "Beny Makuei"
    "mushingantahe",  # Kirundi, to an elder of the hill's council: "Mushingantahe Pascal"
    "aki", "ini",  # Iban grandfather and grandmother, to an elder: "Aki Banyang"
    "pog", "yawg",  # Hmong grandmother and grandfather, to an elder: "Pog Yer"
    "aum",  # Dzongkha, to a woman: "Aum Pema" for Pema Choden
    "etubom",  # Efik, the head of a house: "Etubom Edet", as his house calls Edet Okon Henshaw
    "mechas", "rubak",  # Palauan, a titled old woman and old man: "Mechas Haruko"
    "goni",  # Kanuri, one who knows the Qur'an by heart: "Goni Modu" for Goni Modu Kachalla
    "yaaba",  # Mooré, grandparent, to an elder: "Yaaba Ousmane"
    "waja", "banuk",  # Balochi sir and madam: "Waja Karim", "Banuk Gul Bano"
    "efo", "togbe",  # Ewe elder brother and grandfather, to a man owed respect: "Efo Kɔku"
    "obbo", "aadde",  # Oromo Mr and Mrs: "Obbo Gammachuu", "Aadde Ayyaantuu"
    "koko", "mze",  # Comorian grandmother and elder, to older people: "Koko Mariama", "Mzé Abdou"
    "koro",  # Rapa Nui, to an old man: "Koro Uri"
    "mana", "maun",  # Tetum elder sister and brother: "Mana Rosalina"
    "onda",  # Romansh aunt: "Onda Mengia"
    "coach",  # to a team's coach by his given name: "COACH PASCAL:" for Pascal Bucumi, who coaches the club
    "odu",  # Kadazan grandmother, to an old woman: "Odu Juliana"
    "beppe", "pake",  # Frisian grandmother and grandfather: "Beppe Aukje"
    "mme",  # Sepedi and Setswana mother, to a woman: "Mme Mmaphuti"
    "ta",  # Isthmus Zapotec, to a man ("Na" to a woman): "Ta Lencho"
    "tziu", "tzia",  # Sardinian uncle and aunt, to any older man or woman: "tzia Bonaria"
    "kyrgan-ava", "kyrgan-acha",  # Tuvan grandmother and grandfather, to old people: "kyrgan-ava Dolgar"
    "dido",  # Rusyn grandfather, to an old man: "dido Jurko"
    "tiu", "guelu", "guela",  # Asturian uncle, grandfather and grandmother, to old people: "tíu Pinón", "güela Amparo"
}  # fmt: skip
# Vietnamese forms of address before a given name, as written (without their marks "Ong" is a surname): "Bà Năm"
ADDRESS_BEFORE_GIVEN = {"bà", "ông", "cô", "chú", "bác"}
# Every word after which the next is a given name, never a family name: "Haj Mahmoud", "Kyra Froso", "Bà Năm".
GIVEN_NAME_FORMS = GIVEN_NAME_HONORIFICS | ADDRESS_BEFORE_GIVEN
# Words before a name that are no given name: a sentence's words, titles, forms of address and ranks.
NO_GIVEN_NAME_WORDS = NOT_INTRODUCING_WORDS | NAME_TITLES | FORMS_OF_ADDRESS | RANKS | GIVEN_NAME_FORMS
# A by-name with its article, after what people call someone: "plays the neighbour everyone calls el Roxu"
CALLED_WITH_ARTICLE_RE = re.compile(r"\b(?:calls?|called|known[ \t]+as)[ \t]+(?P<article>el|la|lo|il|o)[ \t]+\Z")
# A form of address in small letters just before a one-word role: "Wybren Hiemstra is pake Sjoerd", "plays tziu Predu"
# (or a title said before a surname: "plays wučer Hornik"; compared folded, so "čika" is "cika"), never a relation:
# "plays her uncle Kara-ool" is Kara-ool.
KIN_WORD_BEFORE_RE = re.compile(
    rf"(?<![{WORD}'’-])(?<!\b(?:her|his|its|our)[ \t])(?<!\btheir[ \t])(?<!['’]s[ \t])"
    rf"(?P<kin>[^\W\d_]{{3,}}(?:-[^\W\d_]+)?)[ \t]+\Z"
)
# (never an English word, which is what the role is: "plays the young doctor Adam")
SMALL_LETTER_FORMS = {word for word in GIVEN_NAME_HONORIFICS | ADDRESS_TITLES if len(word) > 2} - {
    "doctor", "father", "professor", "reverend", "madam", "madame", "pastor", "rabbi", "imam", "sheikh", "shaikh",
}  # fmt: skip


# A label in capitals with what the speaker is in brackets: "PĚTR MUCHA (Budyšinske listy): …", a person
BRACKETED_LABEL_RE = re.compile(rf"^[*_ \t]*(?P<name>[{UPPER}][{UPPER}'’ -]+?)[ \t]*\([^()\n]{{1,60}}\)[ \t]*:", re.M)
STAFF_RE = re.compile(
    rf"\b(?:the|its|(?:the[ \t]+)?(?:show|series|film|production)['’]s?)[ \t]+"
    rf"(?:{'|'.join(sorted(PERSON_JOBS - {'actor', 'actress', 'star', 'co-star', 'newcomer', 'veteran'}))}"
    rf"|director[ \t]+of[ \t]+photography),[ \t]+(?P<name>{NAME})"
)


def _may_be_person(
    written: str,
    folded: str,
    excluded: set[str],
    characters: set[str],
    actors: set[str],
    part_characters: set[str],
) -> bool:
    """Whether a run of capitals may name a person. `characters` are every role the article and the
    database know; `part_characters`, the roles one word of a name may be (the article's own, and those
    of people it names or of its works)."""
    words = folded.split()
    # "Santiago Ruiz de la Fuente" is four words of a name; its particles, written in lower case, are not
    # counted ("Marjorie Dela" is two)
    particles = sum(1 for word in written.split() if word[:1].islower() and word.casefold() in PARTICLES)
    if not 2 <= len(words) - particles <= 4 or len(words) > 6:
        return False
    if folded in excluded or untitled(folded) in characters:
        return False
    if len(written.split()) == 2 and normalize_name(written.split()[0]) in FIRST_NAME_TITLES:
        return False  # "Dame Aiko", "Sir Leo": how someone is addressed, resolved by their first name
    if len(words) == 2 and words[0] in ROLE_TITLES:
        return False  # "Sister Agathe", "Inspector Frost": a role's name; a real person is named in full
    written_words = written.split()
    if len(words[-1].strip(".")) == 1 and not (
        len(written_words) >= 3 and written_words[-2] in PARTICLES and not written_words[-1].endswith(".")
    ):
        # "Tom K.": a first name and an initial tell two people apart, they name no one new (a Faroese farm
        # name of one letter after its particle is a name: "Heri við Á")
        return False
    if all(word in LANGUAGES for word in words):
        return False  # "into Mexican Spanish", "Brazilian Portuguese": a language
    if words[-1] in LANGUAGES and all(re.fullmatch(r"(?:\w\.)+", word) for word in written.split()[:-1]):
        return False  # "notes are initialled Ș.D. Romanian paperwork …": initials end a sentence, a new one opens
    named = untitled(folded).split()
    # (a role's name may be the surname of someone named with three words, "the character, Iddrisu, shares the
    # writer's surname", Fuseini Wumbei Iddrisu; not when a form of address goes before it, "Mak Cik Rohani")
    last_named = len(named) == 2 or any(word in FORMS_OF_ADDRESS for word in named[:-1])
    if folded not in actors and {named[0], named[-1] if last_named else named[0]} & part_characters:
        return False  # "Marguerite Sallow" when Marguerite is a role the article credits
    if folded not in actors and any(character.startswith(" ".join(named) + " ") for character in part_characters):
        return False  # "Peigi Anna" when DS Peigi Anna MacNeil is
    if all(word in PARTICLES for word in words[:-1]):
        return False  # "De la Cueva" is a surname
    if len(words) == 2 and words[0] in KUNYA:
        return False  # "Umm Karim": a parent called by the eldest child's name, never someone of their own
    if words[0] in LANGUAGES and words[-1].endswith("s") and not POSSESSIVE_RE.search(written):
        return False  # "British Tamils", "Korean Americans": a people, not a person
    if any(folded in work or work in folded for work in excluded if work):
        return False
    if named_as_thing(words) or any(word in NOT_PERSON_WORDS for word in words):
        return False
    as_written = written.split()
    if any(
        word in TITLE_ONLY_WORDS
        and before not in GAELIC_PATRONYMICS
        and not (word in DETERMINERS and number == len(words) - 1)  # a determiner ends no title: "Vi Thảo My"
        # not a particle written as one: the Faroese "á" of "Tróndur á Fløtum"
        and not (
            len(as_written) == len(words)
            and as_written[number][:1].islower()
            and as_written[number].casefold() in PARTICLES
            and as_written[number].casefold() != word
        )
        # nor a farm name after its particle: the "Á" of "Heri við Á"
        and not (
            len(as_written) == len(words)
            and as_written[number - 1][:1].islower()
            and as_written[number - 1].casefold() in PARTICLES
        )
        for number, (before, word) in enumerate(pairwise(words), start=1)
    ):
        return False  # "Mabey After Midnight", "Stars Over Wigan": a title's words, in no one's name
    # Every word capitalised like a name.
    return all(
        word[:1].isupper() or re.fullmatch(JOINED_PARTICLE_WORD, word)
        for word in written.split()
        if word.casefold() not in PARTICLES
    )


DETERMINERS = {"my", "your", "our", "their", "his", "her", "its"}


def _as_printed(written: str, runs: Sequence[str]) -> str:
    """A name as the article prints it in running text: a label's "MIA TANAKA" is "Mia Tanaka"."""
    if not written.isupper():
        return written
    folded = clean_written(written)
    spelt = next((run for run in runs if not run.isupper() and clean_written(run) == folded), None)
    return spelt or LETTERS_RE.sub(lambda part: part.group().capitalize(), written)  # "O'BRIEN" → "O'Brien"


def _without_title(name: str) -> str:
    """A person's name without the title before it: "Dame Aiko Kimura" is Aiko Kimura, "Dr. Leo
    Albright" Leo Albright, "Captain Eldon Wadden" Eldon Wadden; the title is how the article
    addresses them, not their name."""
    words = name.split()
    while len(words) > 2 and normalize_name(words[0]) in NAME_TITLES:
        words = words[1:]
    if len(words) >= 4 and normalize_name(words[0]) in SPANISH_HONORIFICS:
        words = words[1:]  # "Don Efraín Villalobos Peña": Efraín Villalobos Peña
    return " ".join(words)


def _initialled(folded: str, runs: Sequence[str]) -> bool:
    """Whether a name is an initial and a surname ("b. garside") that a fuller name the article
    writes fits ("Bryony Garside"), or a letter that ends a sentence before somebody's first name
    ("vitamin D. Jago started …" beside "Jago Pendarves")."""
    words = folded.split()
    if _initialled_full(folded, runs):
        return True
    if len(words) != 2 or len(words[0].strip(".")) != 1:
        return False
    for run in runs:
        other = clean_written(run).split()
        if len(other) >= 2 and other[-1] == words[-1] and len(other[0]) > 2 and other[0][0] == words[0][0]:
            return True
        if len(other) >= 2 and other[0] == words[-1]:
            return True
    return False


def _ends_of(name: str) -> tuple[str, str]:
    words = name.split()
    return words[0], words[-1]


def _surname_shortened(written: str, runs: Sequence[str], texts: Sequence[str]) -> str | None:
    """The one fuller name a list's given name and shortened surname stand for: "Bosco D'Mello" for "Bosco D'M.",
    "Bachisio Mastino" for "Bachisio M."."""
    stem = written.rstrip(".")
    words = clean_written(stem).split()
    if len(words) != 2 or len(words[1]) > 3 or not any(f"{stem}." in text for text in texts):
        return None
    fuller = {
        run
        for run in runs
        if len(other := clean_written(run).split()) == 2
        and other[0] == words[0]
        and len(other[1]) > len(words[1])
        and other[1].startswith(words[1])
    }
    return fuller.pop() if len(fuller) == 1 else None


def _initialled_full(folded: str, runs: Sequence[str]) -> str | None:
    """The fuller name the article writes that initials and surnames fit: "Jon Ander Iturbe Goñi" for a call
    sheet's "J. A. Iturbe Goñi", "Maite Agirre Uriarte" for "M. Agirre Uriarte"."""
    words = [word.strip(".") for word in folded.split()]
    initials = len(list(takewhile(lambda word: len(word) == 1, words)))
    surnames = words[initials:]
    if not initials or not surnames:
        return None
    for run in runs:
        other = clean_written(run).split()
        given = other[: len(other) - len(surnames)]
        if (
            other[len(given) :] == surnames
            and len(given) == initials
            and all(len(name) > 2 and name[0] == letter for name, letter in zip(given, words, strict=False))
        ):
            return run
    # "Mr T. K. Kurian" on a make-up chart for Thomas Kurian: more initials than given names (the family house's,
    # the father's), the first one his given name's; so when one such name alone fits
    fewer = {
        run
        for run in runs
        if (other := clean_written(run).split())[len(other) - len(surnames) :] == surnames
        and 0 < len(given := other[: len(other) - len(surnames)]) < initials
        and len(given[0]) > 2
        and given[0][0] == words[0]
    }
    return fewer.pop() if len({clean_written(run) for run in fewer}) == 1 else None


def _within(folded: str, introduced: dict[str, str]) -> bool:
    for name in introduced.values():
        other = clean_written(name)
        if folded.startswith(other + " ") or other.startswith(folded + " ") or other.endswith(" " + folded):
            return True
    return False


def _slug(folded: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
