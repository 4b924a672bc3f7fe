"""People, places, units and organisations written in Latin letters.

A text is read as chains of capitalised words (``Mr V.I. Kuznetsov``, ``KIM SONG IL``,
``Third Construction Brigade``, ``Amur Timber LLC``); each chain is classified by what it is made
of and what stands around it: a title before it, a place preposition, a unit or company noun at
its end, a Korean surname with Korean-shaped given syllables, a foreign given name or surname
shape. Words every English text uses are not names unless something says they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from nkcase.redaction.finder.lexicon import Lexicon, lexicon
from nkcase.redaction.finder.types import Detection
from nkcase.redaction.fold import fold_simple
from nkcase.redaction.romanization import parse_word

_LETTER = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# A word (letters with inner apostrophes and hyphens), or initials (V.I., V. I., K.)
_WORD = re.compile(
    rf"(?P<init>(?:[{_UPPER}]\. ?){{1,3}}(?= ?[{_UPPER}][{_LETTER}.]))"
    rf"|(?P<w>[{_LETTER}](?:[{_LETTER}]|['’](?=[{_LETTER}])|-(?=[{_LETTER}]))*\.?)"
)
# Lower-case words that may sit inside a name (al-Rashid, van der Berg, bin Salman).
_INNER = frozenset({"al", "el", "bin", "ibn", "bint", "van", "von", "der", "de", "del", "da",
                    "di", "le", "la", "du", "ul", "ud", "abu"})  # fmt: skip
# Words that may join the parts of an organisation or unit name.
_ORG_JOINERS = frozenset({"of", "for", "and", "the", "&"})
_ORG_HEADS = frozenset({"ministry", "bureau", "department", "office", "committee", "commission",
                        "general", "directorate", "administration", "council", "agency",
                        "federation", "union", "association", "bank", "court", "embassy",
                        "consulate", "academy", "institute", "university", "school",
                        "college", "hospital", "church"})  # fmt: skip
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                       "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                       "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                       "nineteenth", "twentieth"})  # fmt: skip
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”'‘’(\[\-–—•*#>]|\d\.)\s*$")
_NUMBERED_UNIT = re.compile(
    rf"\b(?:(?:No\.?|Number|Nr\.?|#)\s*\d{{1,4}}[A-Za-z]?|\d{{1,4}}(?:st|nd|rd|th)"
    rf"|(?:{'|'.join(w.capitalize() for w in sorted(_ORDINALS))}))"
    rf"(?:\s+[{_UPPER}][{_LETTER}'’\-]+){{0,3}}\s+"
    r"(?P<noun>(?:Shock\s+|Construction\s+|Logging\s+|Work\s+)?(?:Brigade|Team|Unit|Squad|"
    r"Detachment|Platoon|Battalion|Regiment|Crew|Group|Section|Station|Company|Workshop|Camp|"
    r"Site|Mine|Farm|Block|Barracks|Dormitory|brigade|team|unit|squad|detachment|platoon|"
    r"battalion|regiment|crew|station|workshop|camp|site))\b"
)
# Forestry Enterprise No. 12; Brigade 'Korea-2'
_UNIT_NAMED_NUMBER = re.compile(
    r"\b(?:[A-Z][\w'’\-]+\s){1,3}(?:No\.?|Number|#)\s?\d{1,4}\b"
    r"|\b(?:Brigade|Team|Unit|Squad|Group|Detachment)\s+['\"‘“][^'\"’”\n]{1,20}['\"’”]"
)
_UNIT_NUMBER_AFTER = re.compile(
    r"\b(?:Team|Brigade|Unit|Squad|Detachment|Platoon|Battalion|Crew|Group|Section|Station|Camp|"
    r"Site|Block|Dormitory|Barracks|team|brigade|unit|squad|detachment|crew|station|camp)"
    r"\s+(?:No\.?\s*|Number\s+|#)?\d{1,4}[A-Za-z]?\b(?![.,]\d)"
)
# A speaker's name before a colon at the start of a line (chat exports, transcripts)
_SPEAKER = re.compile(
    r"(?m)^(?:\[[^\]\n]{1,40}\]\s*)?(?P<n>[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?):\s"
)
_NOT_SPEAKERS = frozenset({"note", "notes", "date", "time", "place", "location", "interviewer",
                           "interviewee", "witness", "translator", "interpreter", "question",
                           "answer", "subject", "summary", "source", "re", "fw", "fwd", "to",
                           "from", "cc", "status", "name", "age", "sex", "q", "a", "ps",
                           "comment", "reviewer", "family", "address", "phone"})  # fmt: skip
# Initials a tribunal uses for an anonymised party: "Between SC (ANONYMITY DIRECTION MADE)"
_ANONYMISED = re.compile(
    r"\b(?P<n>[A-Z]{2,4})\s*\((?:anonymity|ANONYMITY|Anonymity)|(?:refer to (?:him|her|them) as|"
    r"known as|referred to as)\s+[\"“']?(?P<n2>[A-Z]{2,4})\b"
)
_QUOTED_LETTER = re.compile(r"(?<![\w])['\"‘“]([A-Z])['\"’”](?![\w])")
_LETTER_PERSON = re.compile(
    r"\b(?:witness|worker|victim|person|interviewee|source|individual|informant|labourer|laborer|"
    r"defendant|applicant|complainant|respondent|plaintiff|claimant|survivor|man|woman|"
    r"Witness|Worker|Victim|Person|Source|Informant|Applicant|Defendant|Complainant)\s+"
    r"(?P<l>[A-Z](?:\.[A-Z])?|\d{1,4})(?![\w'’]|[,.]\d)"
)
# Interviewee K-114, Workers W1 and W2, witness RIVER-12: codes standing for people
_PERSON_CODE = re.compile(
    r"\b(?:[Ii]nterviewees?|[Ww]itness(?:es)?|[Ww]orkers?|[Ss]ources?|[Vv]ictims?|[Aa]pplicants?|"
    r"[Rr]espondents?|[Pp]ersons?|referred to as|code|[Ww]itness code:?)\s*\(?"
    r"(?P<c>[A-Z]{1,6}-?\d{1,4})\b"
)
_LETTER_GROUP = re.compile(
    r"\b(?:Group|Team|Brigade|Unit|Squad|Section|Crew|Block|Platoon|Cell|Shift)\s+[A-Z](?![\w'’])"
)


_PERSONAL_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "mister", "madam", "madame",
                              "sir", "comrade", "citizen", "lady", "lord"})  # fmt: skip
_REGION_NOUNS = frozenset({"oblast", "krai", "kray", "province", "region", "prefecture",
                           "territory", "republic", "governorate", "state", "do", "autonomous",
                           "okrug"})  # fmt: skip
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western"})  # fmt: skip
# Romanized surnames that are also everyday short words: never a surname on their own here.
# Korean surnames that are everyday English words: a name only with a title or a person's verb.
_ENGLISH_WORD_SURNAMES = frozenset({"son", "song", "park", "moon", "bang", "man", "pan", "yang",
                                    "gil", "sin", "do", "ho", "im", "ye", "hong", "bong", "ban",
                                    "pyo", "nam", "chin", "pong", "pi", "che", "ku",
                                    "mo"})  # fmt: skip
_FUNCTION_SURNAMES = frozenset({"will", "may", "mark", "bill", "rose", "grant", "frank", "pat",
                                "art", "sun", "he", "ma", "yu", "an", "li", "hu", "wu",
                                "xu"})  # fmt: skip
_SHORT_WORD_SURNAMES = frozenset({"i", "an", "so", "do", "no", "to", "go", "ma", "ha", "ko", "yu",
                                  "o", "u"})  # fmt: skip


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    text: str
    initials: bool = False

    @property
    def folded(self) -> str:
        return fold_simple(self.text.rstrip("."))

    @property
    def capital(self) -> bool:
        return self.initials or self.text[:1].isupper()


_CONTRACTION = re.compile(r"['’](?:ve|t|ll|re|m|d)$", re.IGNORECASE)


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _WORD.finditer(text):
        if _CONTRACTION.search(m.group()):
            continue  # I've, Don't: no name
        if m.group("init"):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] == " ":
                e -= 1
            out.append(_Tok(s, e, text[s:e], True))
            continue
        s, e = m.start(), m.end()
        word = text[s:e]
        # Keep the period only for abbreviations (Mr., Dr., Co., St.), not sentence ends.
        if word.endswith(".") and fold_simple(word[:-1]) not in _ABBREVIATIONS:
            e -= 1
            word = word[:-1]
        if word.endswith(("'s", "’s")):
            e -= 2
            word = word[:-2]
        if word:
            out.append(_Tok(s, e, word))
    return out


# A capitalised word at a sentence start that no dictionary knows is still a name, unless it is
# shaped like an English word (Thereafter, Unpaid, Overworked).
_ENGLISH_ENDINGS = ("ly", "ed", "ing", "wards", "ever", "ther", "ness", "tion", "ment", "able",
                    "less", "ful", "ous", "ive", "ise", "ize", "est", "ies", "ers")  # fmt: skip
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "capt", "col", "lt", "sgt", "gen",
                            "rev", "st", "co", "ltd", "inc", "corp", "no", "nr", "ave", "rd",
                            "blvd", "jr", "sr", "mt"})  # fmt: skip


def _korean_syllables(chunk: str) -> int:
    """Syllables of a romanized chunk read as Korean (0 when it cannot be read so)."""
    parses = parse_word(chunk)
    return len(parses[0]) if parses else 0


def korean_given(words: list[str]) -> bool:
    """Romanized Korean given name: 1-3 syllables over the given words (Song Il, Myong-chol)."""
    total = 0
    for w in words:
        for chunk in fold_simple(w).replace("'", "").split("-"):
            if not chunk:
                continue
            n = _korean_syllables(chunk)
            if not n:
                return False
            total += n
    return 1 <= total <= 3


def _is_pinyin_given(words: list[str]) -> bool:
    if not 1 <= len(words) <= 2:
        return False
    return all(_PINYIN.fullmatch(fold_simple(w)) for w in words)


_PINYIN_SYL = (
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in|un|ia|ie|ua|uo|ue|"
    r"ui|iu|er|a|e|i|o|u)(?:n|ng)?"
)
_PINYIN = re.compile(rf"(?:{_PINYIN_SYL}){{1,3}}")


def _surname_shaped(word: str, lex: Lexicon) -> bool:
    w = fold_simple(word)
    if len(w) < 4:
        return False
    if any(w.startswith(p) for p in ("al-", "el-", "abu-", "abd-", "ibn-", "bin-")):
        return True
    return any(len(w) - len(e) >= 3 and w.endswith(e) for e in lex.surname_endings_en) and (
        w not in lex.english_words
    )


def _chains(toks: list[_Tok], text: str) -> Iterator[list[_Tok]]:
    """Runs of capitalised words separated by single spaces (or name particles)."""
    i = 0
    n = len(toks)
    while i < n:
        if not toks[i].capital:
            i += 1
            continue
        j = i + 1
        while j < n:
            gap = text[toks[j - 1].end : toks[j].start]
            if not (gap == " " or (toks[j - 1].initials and gap in ("", " "))):
                break
            t = toks[j]
            if t.capital:
                j += 1
                continue
            if t.folded in _INNER and j + 1 < n and toks[j + 1].capital:
                j += 1
                continue
            break
        yield toks[i:j]
        i = j


class _English:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lex = lexicon()
        self.toks = _tokens(text)
        self.index = {t.start: k for k, t in enumerate(self.toks)}
        self.out: list[Detection] = []

    def add(self, start: int, end: int, category: str, rule: str) -> None:
        if end > start:
            self.out.append(Detection(start, end, category, rule))

    def prev_word(self, tok: _Tok) -> str:
        k = self.index.get(tok.start, 0)
        if k == 0:
            return ""
        prev = self.toks[k - 1]
        if self.text[prev.end : tok.start].strip() not in ("", ","):
            return ""
        return prev.folded

    def next_word(self, tok: _Tok) -> str:
        k = self.index.get(tok.start, -1)
        if k < 0 or k + 1 >= len(self.toks):
            return ""
        nxt = self.toks[k + 1]
        if self.text[tok.end : nxt.start].strip() not in ("", ","):
            return ""
        return nxt.folded

    def at_sentence_start(self, tok: _Tok) -> bool:
        before = self.text[max(0, tok.start - 4) : tok.start]
        return tok.start == 0 or bool(_SENTENCE_END.search(before))

    def common(self, tok: _Tok) -> bool:
        f = tok.folded
        return f in self.lex.english_words or f in self.lex.not_names_en

    def run(self) -> list[Detection]:
        for chain in _chains(self.toks, self.text):
            self.classify(chain)
        for m in _SPEAKER.finditer(self.text):
            f = fold_simple(m.group("n"))
            known = all(
                w not in self.lex.english_words or w in self.lex.foreign_given_en for w in f.split()
            )
            if known and f not in _NOT_SPEAKERS and f not in self.lex.not_names_en:
                self.add(m.start("n"), m.end("n"), "name", "en_speaker")
        for m in _ANONYMISED.finditer(self.text):
            g = "n" if m.group("n") else "n2"
            self.add(m.start(g), m.end(g), "name", "en_anonymised")
        self.repeats()
        for m in _NUMBERED_UNIT.finditer(self.text):
            self.add(m.start(), m.end(), "unit", "en_unit_numbered")
        for m in _UNIT_NAMED_NUMBER.finditer(self.text):
            self.add(m.start(), m.end(), "unit", "en_unit_named_number")
        for m in _UNIT_NUMBER_AFTER.finditer(self.text):
            self.add(m.start(), m.end(), "unit", "en_unit_number_after")
        for m in _PERSON_CODE.finditer(self.text):
            self.add(m.start("c"), m.end("c"), "name", "en_person_code")
        for m in _LETTER_GROUP.finditer(self.text):
            self.add(m.start(), m.end(), "unit", "en_unit_letter")
        for m in _QUOTED_LETTER.finditer(self.text):
            self.add(m.start(1), m.end(1), "name", "en_letter_quoted")
        for m in _LETTER_PERSON.finditer(self.text):
            if m.group("l") == "I":
                continue  # "which man I am"
            self.add(m.start("l"), m.end("l"), "name", "en_letter_person")
        return self.out

    def repeats(self) -> None:
        """A person's name found once is proposed everywhere it stands capitalised (Son, SC)."""
        names = {self.text[d.start : d.end] for d in self.out if d.category == "name"}
        names = {n for n in names if len(n) >= 2 and not n.isdigit()}
        lex = self.lex
        for n in list(names):
            for part in n.split()[:1] + n.split()[-1:]:  # Grace (of Grace Nam), Petrov
                f = fold_simple(part)
                if (
                    len(f) >= 3
                    and part[:1].isupper()
                    and (
                        f not in lex.english_words
                        or f in lex.foreign_given_en
                        or (f in lex.latin_surnames and f not in _ENGLISH_WORD_SURNAMES)
                    )
                    and f not in lex.not_names_en
                    and f not in lex.titles_en
                ):
                    names.add(part)
        if not names:
            return
        taken = [(d.start, d.end) for d in self.out]
        rx = re.compile(
            r"(?<![\w'’])(?:"
            + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            + r")(?![\w])"
        )
        for m in rx.finditer(self.text):
            s, e = m.start(), m.end()
            if not any(a < e and s < b for a, b in taken):
                self.add(s, e, "name", "en_name_repeat")
                taken.append((s, e))

    # -- classification of one chain -------------------------------------------------------
    def classify(self, chain: list[_Tok]) -> None:
        lex = self.lex
        # A public figure at the end of the chain (General Kim Jong Il, Chairman Kim Jong Un)
        for k in range(1, len(chain) - 1):
            tail = " ".join(t.folded for t in chain[k:])
            if tail in lex.public_figures or tail.replace("-", " ") in lex.public_figures:
                if chain[k - 1].folded not in lex.titles_en:
                    self.classify(chain[:k])
                self.add(chain[k].start, chain[-1].end, "public", "en_public_figure")
                return
        # A title inside the chain (Mr, Dr, Captain) starts a person's name after it.
        for k, t in enumerate(chain):
            if t.folded in lex.titles_en and t.folded not in _ORG_HEADS and k + 1 < len(chain):
                if k > 0:
                    self.classify(chain[:k])
                self.person_after_title(chain[k + 1 :], t)
                return
        full = " ".join(t.folded for t in chain)
        if full in lex.public_figures or full.replace("-", " ") in lex.public_figures:
            self.add(chain[0].start, chain[-1].end, "public", "en_public_figure")
            return
        if full in lex.places_en:  # before the dictionary: Beijing, Istanbul, London
            self.add(chain[0].start, chain[-1].end, "place", "en_place_known")
            return
        # Leading words that are no part of a name (sentence-initial "In", months, nationalities).
        while chain and (chain[0].folded in lex.not_names_en or (
            self.at_sentence_start(chain[0]) and chain[0].folded in lex.english_words
            and not (self.name_word(chain[0]) and len(chain[0].folded) > 2)
            and chain[0].folded not in lex.titles_en
            and not (len(chain) > 1 and self.group_noun(chain[-1]))
        )):  # fmt: skip
            chain = chain[1:]
        while chain and chain[-1].folded in lex.not_names_en:
            chain = chain[:-1]
        if not chain:
            return
        words = [t.folded for t in chain]
        phrase = " ".join(words)
        start, end = chain[0].start, chain[-1].end
        if phrase in lex.places_en:
            self.add(start, end, "place", "en_place_known")
            return
        if phrase in lex.regions_en or self.region_chain(chain):
            return
        if phrase in lex.public_figures or phrase.replace("-", " ") in lex.public_figures:
            self.add(start, end, "public", "en_public_figure")
            return
        last = words[-1]
        if len(chain) > 1:
            if last in lex.org_nouns_en and last not in lex.unit_nouns_en:
                self.add(start, end, "org", "en_org_noun")
                return
            if last in lex.unit_nouns_en:
                self.add(start, end, "unit" if last != "company" else "org", "en_unit_noun")
                return
            if last in lex.place_nouns_en and not all(w in lex.place_nouns_en for w in words):
                self.add(start, end, "place", "en_place_noun")
                return
        if words[0] in _ORG_HEADS and len(chain) >= 1:
            joined = self.org_of(chain)
            if joined:
                self.add(start, joined, "org", "en_org_of")
                return
        if self.korean_name(chain):
            self.add(start, end, "name", "en_korean_name")
            return
        if self.foreign_name(chain):
            self.add(start, end, "name", "en_foreign_name")
            return
        self.proper_noun(chain)

    def person_after_title(self, rest: list[_Tok], title: _Tok) -> None:
        lex = self.lex
        names: list[_Tok] = []
        for t in rest:
            surname = t.folded in lex.latin_surnames and len(t.folded) > 1
            if (t.folded in lex.titles_en or t.folded in lex.not_names_en) and not surname:
                if names:
                    break
                continue
            names.append(t)
        if not names:
            return
        if " ".join(t.folded for t in names) in lex.public_figures:
            self.add(names[0].start, names[-1].end, "public", "en_public_figure")
            return
        if self.region_chain(names):
            return
        # "Director of the Bureau", "Manager Smith": a common noun after a title is no name,
        # unless it is a surname (Manager Park, Captain Kim) or the title is a personal one.
        personal = title.folded in _PERSONAL_TITLES
        first = names[0]
        if (
            not personal
            and len(names) == 1
            and (self.group_noun(first) or self.demonym(first.folded))
        ):
            return  # Director Bureau, Captain Russian
        self.add(names[0].start, names[-1].end, "name", "en_title_name")

    def region_chain(self, chain: list[_Tok]) -> bool:
        words = [t.folded for t in chain]
        if not words:
            return False
        lex = self.lex
        if " ".join(words) in lex.regions_en:
            return True
        region_nouns = _REGION_NOUNS
        if words[-1] in region_nouns:
            return True
        return all(w in lex.regions_en or w in region_nouns or w in _COMPASS for w in words)

    def group_noun(self, tok: _Tok) -> bool:
        f = tok.folded
        lex = self.lex
        return f in lex.org_nouns_en or f in lex.unit_nouns_en or f in lex.place_nouns_en

    def org_of(self, chain: list[_Tok]) -> int:
        """End of "Ministry of State Security" / "General Bureau of Overseas Construction"."""
        k = self.index.get(chain[-1].start, -1)
        end = chain[-1].end
        toks = self.toks
        while k + 2 < len(toks):
            joiner = toks[k + 1]
            if joiner.folded not in _ORG_JOINERS or self.text[toks[k].end : joiner.start] != " ":
                break
            j = k + 2
            if toks[j].folded == "the" and j + 1 < len(toks):
                j += 1
            if not toks[j].capital:
                break
            while j + 1 < len(toks) and toks[j + 1].capital and \
                    self.text[toks[j].end : toks[j + 1].start] == " ":  # fmt: skip
                j += 1
            end = toks[j].end
            k = j
        return end if end > chain[-1].end or len(chain) > 1 else 0

    def name_word(self, tok: _Tok) -> bool:
        f = tok.folded
        lex = self.lex
        return f in lex.foreign_given_en or (f in lex.latin_surnames and len(f) > 1) or \
            _surname_shaped(tok.text, lex)  # fmt: skip

    def korean_name(self, chain: list[_Tok]) -> bool:
        lex = self.lex
        words = [t.folded.replace("’", "'") for t in chain]
        if not 2 <= len(words) <= 4:
            return False
        if any(t.initials for t in chain):
            return False
        caps = all(t.text.isupper() for t in chain)
        mixed_ok = all(t.text[:1].isupper() and (t.text[1:].islower() or "-" in t.text
                       or "'" in t.text or t.text.isupper()) for t in chain)  # fmt: skip
        if not (caps or mixed_ok):
            return False

        def surname(w: str) -> bool:
            return w in lex.latin_surnames and w not in _SHORT_WORD_SURNAMES

        if (  # TO HYOK, SO CHANG NAM in a list in capitals
            caps
            and words[0] in _SHORT_WORD_SURNAMES
            and len(words) <= 3
            and korean_given(words[1:])
            and not any(w in lex.english_words for w in words[1:])
        ):
            return True
        if surname(words[0]) and korean_given(words[1:]):
            return not self.all_common(chain[1:], caps)
        if surname(words[-1]) and korean_given(words[:-1]) and len(words) <= 3:
            return not self.all_common(chain[:-1], caps)
        return False

    def all_common(self, toks: list[_Tok], caps: bool) -> bool:
        """Given-name words that are all everyday English (Park Avenue, Kim Is Here)."""
        return all(t.folded in self.lex.english_words and not self.name_word(t)
                   for t in toks) and not caps  # fmt: skip

    def foreign_name(self, chain: list[_Tok]) -> bool:
        lex = self.lex
        words = [t.folded for t in chain]
        if not 2 <= len(words) <= 5:
            return False
        if any(w in lex.regions_en for w in words):
            return False
        if words[0] in lex.foreign_given_en and not self.group_noun(chain[-1]):
            return True
        if (
            words[0] in lex.chinese_surnames_en
            and _is_pinyin_given([t.text for t in chain[1:]])
            and not any(t.folded in lex.english_words for t in chain[1:])
        ):
            return not self.all_common(chain[1:], False) or len(chain) == 2
        if any(t.initials for t in chain[:-1]) and chain[-1].text[:1].isupper():
            return True
        if _surname_shaped(chain[-1].text, lex) or (len(words) > 1 and words[-2] in _INNER):
            return True
        if all(t.text.isupper() and len(t.text) <= 4 for t in chain):
            return False  # acronyms
        uncommon = [t for t in chain if t.folded not in lex.english_words]
        return len(uncommon) == len(chain) and not self.at_sentence_start(chain[0]) and \
            not self.group_noun(chain[-1])  # fmt: skip

    def demonym(self, word: str) -> bool:
        """Namibian, Qatari, Korean-Russian: a nationality, no name."""
        lex = self.lex
        parts = word.split("-")
        for p in parts:
            for end in ("ian", "an", "n", "ese", "i", "ish", "er"):
                if p.endswith(end) and (p[: -len(end)] in lex.regions_en
                                        or p[: -len(end)] + "a" in lex.regions_en):  # fmt: skip
                    return True
        return False

    def proper_noun(self, chain: list[_Tok]) -> None:
        """A capitalised word no dictionary knows: a person or a place (towns, villages)."""
        lex = self.lex
        start, end = chain[0].start, chain[-1].end
        words = [t.folded for t in chain]
        if " ".join(words) in lex.not_names_en or any(self.demonym(w) for w in words):
            return
        if (
            len(chain) == 1
            and chain[0].text.isupper()
            and all(p in lex.english_words for p in words[0].split("-") if p)
        ):
            return  # PAYROLLS, CANARY-NARRATIVE-OK: a heading or a marker in capitals
        if len(chain) == 1 and self.single_name(chain[0]):
            self.add(start, end, "name", "en_single_name")
            return
        if all(w in lex.english_words or w in lex.not_names_en for w in words):
            return
        if any(w in lex.not_names_en for w in words) and len(words) == 1:
            return
        if len(words) == 1 and (len(words[0]) < 3 or chain[0].initials):
            return
        if all(t.text.isupper() and len(t.text) <= 5 for t in chain) and not self.korean_name(
            chain
        ):
            return  # acronyms: UN, DPRK, OHCHR, KWP, IBAN DE
        prev = self.prev_word(chain[0])
        sentence_start = self.at_sentence_start(chain[0])
        if sentence_start and len(chain) == 1 and not self.name_word(chain[0]):
            nxt = self.next_word(chain[0])
            word = words[0]
            shaped_like_english = len(word) < 4 or word.endswith(_ENGLISH_ENDINGS)
            if (
                nxt not in lex.person_after_en
                and fold_simple(nxt) not in {"county", "village"}
                and shaped_like_english
            ):
                return
        category = "place" if prev in lex.place_preps_en else "name"
        if len(chain) == 1 and chain[0].folded in lex.foreign_given_en:
            category = "name"
        self.add(start, end, category, "en_proper_noun")

    def single_name(self, tok: _Tok) -> bool:
        """A lone capitalised given name or Korean surname in mid-sentence (Daniel, Jang),
        though dictionaries know the word; not the surnames that are everyday words (Son,
        Song, Park) unless a person's verb follows."""
        f = tok.folded
        lex = self.lex
        if tok.initials or len(f) < 2:
            return False
        if self.at_sentence_start(tok):
            # "Hwang (given name unknown)", "Jang said": a surname opening a sentence
            after = self.text[tok.end : tok.end + 2].strip()
            return (
                f in lex.latin_surnames
                and len(f) > 2
                and f not in _ENGLISH_WORD_SURNAMES
                and f not in _SHORT_WORD_SURNAMES
                and (after.startswith("(") or self.next_word(tok) in lex.person_after_en)
            )
        if tok.text.isupper() and len(f) <= 4:
            return False  # SIM, ID: an acronym
        if f in lex.foreign_given_en and f not in _FUNCTION_SURNAMES:
            return True
        if f in lex.latin_surnames and len(f) > 2 and f not in _SHORT_WORD_SURNAMES:
            if f not in _ENGLISH_WORD_SURNAMES:
                return True
            return self.next_word(tok) in lex.person_after_en
        return False


def find_english(text: str) -> list[Detection]:
    """Proposals for Latin-script names, places, units and organisations in ``text``."""
    if not re.search(r"[A-Za-z]{2}", text):
        return []
    return _English(text).run()
