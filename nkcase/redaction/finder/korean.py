"""People, places, units and organisations in Korean text, read with kiwipiepy.

The analyser splits each word (어절) into morphemes; the noun stem before the particles is what
we classify. Its proper-noun tag (NNP) finds most names but tags places and companies too, and
misses names it splits (박영+철): so a stem is classified by its shape (a Korean surname and one or
two given syllables; a foreign given name; a place, unit or company suffix) and by the words
around it (a title or honorific after it, a kin word before it, a list it stands in, a
locative particle after it). Provinces and countries are never proposed.

The analyser (about 100 MB of model, 2 s to load) is created on first use, never at start-up,
and never on the GUI thread: callers run the finder on the worker.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from nkcase.redaction import data, hangul
from nkcase.redaction.finder.lexicon import Lexicon, lexicon
from nkcase.redaction.finder.types import Detection

log = logging.getLogger(__name__)

_lock = threading.Lock()
_kiwi: Any = None


class AnalyserMissing(RuntimeError):
    """kiwipiepy (or its model package) is not installed."""


def analyser() -> Any:
    """The shared Kiwi instance (created once, thread-safe)."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                try:
                    from kiwipiepy import Kiwi
                except ImportError as exc:  # pragma: no cover - a broken install
                    raise AnalyserMissing(
                        "the Korean analyser (kiwipiepy) is not installed"
                    ) from exc
                _kiwi = Kiwi(num_workers=-1)
                log.debug("Korean analyser loaded")
    return _kiwi


_NOMINAL = frozenset({"NNP", "NNG", "NNB", "NR", "NP", "SL", "SN", "SH", "XPN", "XSN", "XR"})
_PARTICLE_AFTER_NAME = re.compile(
    r"(?:이?(?:[은는이가을를의와과도만야아께]|에게|에게서|한테|한테서|께서|하고|이랑|랑|이나|나|"
    r"이며|이고|이었|였|이다|이라|라|입니다|이었다|였다|처럼|보다|까지|부터|만큼|조차|마저|씨))*$"
)
_LOCATIVE = ("에서", "으로", "로", "에", "까지", "부터", "을 거쳐", "를 거쳐", "행", "쪽", "근처",
             "인근", "지역", "부근", "일대", "출신")  # fmt: skip
# Russian surnames and patronymics in Hangul: 스테파노비치, 이바노브나, 볼코프, 코르숀스카야
_RUSSIAN_ENDS = ("비치", "브나", "예프", "예바", "스키", "스카야", "코프", "코바", "노프", "노바",
                 "로프", "로바", "토프", "첸코", "셴코", "엔코", "니코프")  # fmt: skip
# 국가보위성, 도보위부, 해외건설총국: a state organ's name ends so
_STATE_ORGAN_ENDS = ("보위성", "보위부", "보위국", "안전성", "안전부", "보안성", "보안서", "무력성",
                     "건설총국", "무역총국", "인민위원회", "당위원회")  # fmt: skip
_PARTICLE_CHARS = frozenset("은는이가을를의와과도만")
_FAMILY = ("동생", "남동생", "여동생", "형", "형님", "누나", "누이", "언니", "오빠", "아들", "딸",
           "조카", "손자", "손녀", "사촌", "친구", "아내", "남편", "안해")  # fmt: skip
# Token ids kiwipiepy gives nouns it guessed (not in its dictionary): 2 for NNG, 3 for NNP.
_OOV_IDS = frozenset({2, 3})
# 작업반장은 리성남이었고: a title as the topic, the name after it
_TOPIC_ENDINGS = ("은", "는", "인", "이던", "였던")
_CUE_ENDINGS = ("", "인", "이신", "되는", "께서", "의", "은", "는", "이", "가", "로", "격인")
_LONGEST_TITLE = 6
_LIST_SEP = re.compile(r"^\s*(?:,|·|ㆍ|/|와|과|및|그리고|,\s*그리고)\s*$")


@dataclass
class _Word:
    start: int
    end: int
    text: str
    toks: list[Any]
    stem_end: int  # end offset of the noun stem (before particles and endings)

    @property
    def stem(self) -> str:
        return self.text[: self.stem_end - self.start]

    @property
    def tail(self) -> str:
        return self.text[self.stem_end - self.start :]


def _words(text: str, toks: list[Any]) -> list[_Word]:
    out: list[_Word] = []
    k = 0
    for m in re.finditer(r"[^\s,.;:!?()\[\]{}\"'“”‘’「」『』<>《》·ㆍ/~～]+", text):
        s, e = m.start(), m.end()
        while k < len(toks) and toks[k].start < s:
            k += 1
        mine = []
        j = k
        while j < len(toks) and toks[j].start < e:
            mine.append(toks[j])
            j += 1
        stem_end = s
        for t in mine:
            if t.tag in ("XSN", "NNB") and t.form in ("이", "들", "님", "씨", "군", "양", "네"):
                break  # 성일이가, 노동자들: the suffix is no part of the name
            if t.tag in _NOMINAL and t.start == stem_end:
                stem_end = t.start + t.len
            else:
                break
        out.append(_Word(s, e, m.group(), mine, min(stem_end, e)))
    return out


_HANGUL_WORD = re.compile("[\uac00-\ud7a3]+")


def _hangul_only(s: str) -> bool:
    return _HANGUL_WORD.fullmatch(s) is not None


def _longest_suffix(stem: str, suffixes: frozenset[str], longest: int) -> str | None:
    """The longest of ``suffixes`` that ends ``stem`` and leaves something before it."""
    for n in range(min(longest, len(stem) - 1), 0, -1):
        if stem[-n:] in suffixes:
            return stem[-n:]
    return None


class _Korean:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lex: Lexicon = lexicon()
        toks = analyser().tokenize(text)
        self.words = _words(text, list(toks))
        self.out: list[Detection] = []
        self.person_idx: set[int] = set()
        self.org_suffixes = frozenset(self.lex.org_suffixes_ko)
        self.unit_suffixes = frozenset(self.lex.unit_suffixes_ko)
        self.place_suffixes = frozenset(self.lex.place_suffixes_ko)
        self.region_suffixes = frozenset(self.lex.region_suffixes_ko)

    def add(self, start: int, end: int, category: str, rule: str) -> None:
        if end > start:
            self.out.append(Detection(start, end, category, rule))

    # -- helpers -----------------------------------------------------------------------------
    def nnp_at(self, w: _Word, start: int | None = None) -> bool:
        s = w.start if start is None else start
        return any(t.tag == "NNP" and t.start == s for t in w.toks)

    def single_common_noun(self, w: _Word) -> bool:
        """The whole stem is one everyday noun the analyser knows (마음씨, 대형, 탄원서)."""
        stem_toks = [t for t in w.toks if t.start + t.len <= w.stem_end]
        return len(stem_toks) == 1 and stem_toks[0].tag == "NNG" and len(w.stem) >= 2

    def surname_split(self, stem: str) -> tuple[str, str] | None:
        """(surname, given) when ``stem`` reads as a Korean name."""
        lex = self.lex
        for k in (2, 1):
            sur, given = stem[:k], stem[k:]
            if sur in lex.korean_surnames and 1 <= len(given) <= 2:
                return sur, given
        return None

    def starts_with_title(self, text: str) -> bool:
        """``text`` is a title with particles after it (지배인이, 동무라고, 대위)."""
        titles = self.lex.titles_ko
        for n in range(min(len(text), _LONGEST_TITLE), 0, -1):
            if text[:n] in titles and _PARTICLE_AFTER_NAME.match(text[n:]):
                return True
        return False

    def title_after(self, i: int) -> bool:
        w = self.words[i]
        if w.tail and self.starts_with_title(w.tail):
            return True
        if i + 1 < len(self.words):
            nxt = self.words[i + 1]
            bare = w.tail == "" or (_hangul_only(w.text) and len(w.text) <= 4)
            if (nxt.start - w.end <= 2 and bare) and (
                self.starts_with_title(nxt.text) or nxt.stem in self.lex.titles_ko
            ):
                return True
        return False

    def cue_before(self, i: int) -> bool:
        if i == 0:
            return False
        prev = self.words[i - 1]
        if self.words[i].start - prev.end > 2:
            return False
        lex = self.lex
        word = prev.text
        # 작업반장은 리성남이었고: a title as the topic
        for e in _TOPIC_ENDINGS:
            if word.endswith(e):
                core = word[: -len(e)]
                for n in range(2, min(len(core), _LONGEST_TITLE) + 1):
                    if core[-n:] in lex.titles_ko:
                        return True
        # 아버지 김명철은, 동생인 성일이
        for e in _CUE_ENDINGS:
            if word.endswith(e) and word[: len(word) - len(e)] in lex.person_before_ko:
                return True
        return False

    def region(self, stem: str) -> bool:
        lex = self.lex
        if stem in lex.regions_ko:
            return True
        for n in range(1, min(5, len(stem))):
            if stem[-n:] in self.region_suffixes and stem[:-n] in lex.regions_ko:
                return True
        if stem.endswith(("도", "성")) and stem[:-1] + "도" in lex.regions_ko:
            return True
        # 아무르주, 하바롭스크주 (an oblast or krai); 노은주 is a name and 광주 a city.
        return stem.endswith(("변강주", "자치주")) or (
            stem.endswith("주") and len(stem) >= 4 and not self.surname_split(stem)
        )

    def locative_after(self, w: _Word) -> bool:
        return any(w.tail.startswith(p) for p in _LOCATIVE)

    def excluded(self, stem: str) -> bool:
        lex = self.lex
        return (
            stem in lex.not_names_ko
            or stem in lex.state_organs_ko
            or stem in data.generic_korean_nouns()
            or stem in lex.common_ko
            or stem in lex.kin_ko
            or stem in lex.titles_ko
            or stem in lex.person_before_ko
        )

    # -- passes ------------------------------------------------------------------------------
    def run(self) -> list[Detection]:
        for i, w in enumerate(self.words):
            if self.gazetteer(w):
                self.person_idx.add(i)
                continue
            self.person(i, w)
        for i, w in enumerate(self.words):
            if i not in self.person_idx:
                self.group_or_place(i, w)
        self.lists()
        self.repeats()
        self.surname_only()
        self.latin_placeholders()
        return self.out

    def person(self, i: int, w: _Word) -> None:
        stem = w.stem
        lex = self.lex
        titled = self.title_after(i)
        cued = titled or self.cue_before(i)
        shaped = self.shape_stem(w, i)
        if shaped and shaped != stem and (cued or self.listed(i)) and self.odd_analysis(w):
            # The analyser split the name oddly (한 MM + 명철 XR, 리 + 성 + 남): read it by shape.
            stem = shaped
            w = _Word(w.start, w.end, w.text, w.toks, w.start + len(shaped))
        if not _hangul_only(stem) or self.excluded(stem) or self.region(stem):
            return
        if stem in lex.public_figures:
            self.add(w.start, w.stem_end, "public", "ko_public_figure")
            self.person_idx.add(i)
            return
        kind = self.stem_kind(w)
        if len(stem) == 4 and stem[3] in _PARTICLE_CHARS and self.surname_split(stem[:3]):
            stem = stem[:3]  # 류성철도: the analyser took the particle into an unknown word
            w = _Word(w.start, w.end, w.text, w.toks, w.start + 3)
        if len(stem) == 3 and stem.endswith("이") and self.kin_before(i):
            # 동생 은철이가: a given name with the hypocoristic 이, read as one proper noun
            self.add(w.start, w.start + 2, "name", "ko_given_name")
            self.person_idx.add(i)
            return
        split = self.surname_split(stem)
        if kind == "word" and not titled and (self.single_common_noun(w) or self.suffixed(w)):
            cued = False  # 남동생 탄원서를: a kin word before an everyday noun
        if split and 3 <= len(stem) <= 4:
            if (self.region(stem) or self.place_suffix(stem)) and not cued:
                return
            plausible = all(c in lex.name_syllables_ko for c in split[1])
            if (kind == "proper" or (kind in ("unknown", "split") and plausible)) or cued:
                self.add(w.start, w.stem_end, "name", "ko_name")
                self.person_idx.add(i)
                return
        if (
            split
            and len(stem) == 2
            and stem[1:] not in ("씨", "모")
            and kind != "word"
            and all(c in lex.name_syllables_ko for c in split[1])
            and (titled or (kind in ("proper", "unknown") and (cued or self.listed(i))))
        ):
            self.add(w.start, w.stem_end, "name", "ko_name_short")
            self.person_idx.add(i)
            return
        # 순옥이, 금별이가: a given name and the hypocoristic 이 read as one proper noun
        if (
            len(stem) == 3
            and stem.endswith("이")
            and kind in ("proper", "unknown")
            and (not split or self.listed(i) or w.tail)
        ):
            self.add(w.start, w.start + 2, "name", "ko_given_name")
            self.person_idx.add(i)
            return
        # A given name alone with the hypocoristic 이 or a vocative (성일이가, 금철아, 향미야)
        if len(stem) == 2 and kind in ("proper", "unknown", "split"):
            after = [t for t in w.toks if t.start == w.stem_end]
            hypocoristic = bool(after) and (
                (after[0].tag == "XSN" and after[0].form == "이") or after[0].tag == "JKV"
            )
            if (cued and kind != "split") or hypocoristic:
                self.add(w.start, w.stem_end, "name", "ko_given_name")
                self.person_idx.add(i)
                return
        # Foreign names written in Hangul: 세르게이 페트로프, 왕웨이, 무함마드 알리
        if self.foreign(i, w, cued):
            self.person_idx.add(i)

    def kin_before(self, i: int) -> bool:
        """A family word right before (동생 은철이가)."""
        if i == 0 or self.words[i].start - self.words[i - 1].end > 2:
            return False
        prev = self.words[i - 1].text
        return any(prev == k or prev == k + "인" or prev == k + "의" for k in _FAMILY)

    def suffixed(self, w: _Word) -> bool:
        """The stem carries a derivational suffix (진술+인, 노동+자): a word, not a name."""
        return any(t.tag == "XSN" and t.start + t.len <= w.stem_end for t in w.toks)

    def stem_kind(self, w: _Word) -> str:
        """How the analyser read the stem: "proper" (a proper noun it knows or guesses),
        "unknown" (a noun not in its dictionary), "split" (a proper noun cut in pieces:
        김순 NNP + 옥), "word" (everyday nouns it knows: 계약서, 진술+인, 계획+량)."""
        toks = [t for t in w.toks if t.start + t.len <= w.stem_end and t.tag in _NOMINAL and t.len]
        if not toks:
            # 셰레메티예보 공항: one proper-noun token running past the word
            if any(t.start == w.start and t.tag == "NNP" for t in w.toks):
                return "proper"
            return "none"
        if any(t.tag == "XSN" for t in toks):
            return "word"
        if any(t.tag == "XR" for t in toks) and len(w.stem) <= 4:
            return "split"  # 박정 XR + 숙: a root the analyser guessed, not a word it knows
        first = toks[0]
        if len(toks) == 1:
            if first.id in _OOV_IDS:
                return "unknown"
            return "proper" if first.tag == "NNP" else "word"
        if first.tag == "NNP" and all(t.len <= 2 for t in toks):
            return "split"
        if sum(1 for t in toks if t.len == 1) >= 2 and len(w.stem) <= 4:
            return "split"  # 리 + 명 + 국, 길 + 덕 + 수: a word it does not know, in pieces
        if any(t.id in _OOV_IDS for t in toks):
            return "unknown"
        return "word"

    def listed(self, i: int) -> bool:
        """The word stands in a list: a comma or 과/와/및 on either side."""
        w = self.words[i]
        before = self.text[max(0, w.start - 2) : w.start]
        after = self.text[w.end : w.end + 1]
        return "," in before or "、" in before or after in (",", "、") or w.tail in ("과", "와")

    def shape_stem(self, w: _Word, i: int) -> str | None:
        """The 3-4 syllable name a word starts with, by shape: surname + given + particles
        (a bare name only in a list or before a title)."""
        text = w.text
        for n in (3, 4):
            head, tail = text[:n], text[n:]
            if not (_hangul_only(head) and self.surname_split(head)):
                continue
            inside = [t for t in w.toks if t.start < w.start + n]
            if any(t.tag.startswith(("VV", "VA", "VX", "EP", "EF", "ET", "XS")) for t in inside):
                continue  # 주었다가, 모자란: a verb, not a name
            if tail and _PARTICLE_AFTER_NAME.match(tail):
                return head
            if not tail and (self.listed(i) or self.title_after(i)):
                return head
        return None

    def odd_analysis(self, w: _Word) -> bool:
        """The analyser read the start of the word as no noun (MM, XR, VV ...)."""
        return bool(w.toks) and w.toks[0].tag not in ("NNG", "NNP", "NNB", "NP", "NR")

    def gazetteer(self, w: _Word) -> bool:
        """A known town of the field at the start of the word (훈춘의, 청진시에서, 혜산시)."""
        text = w.text
        places = self.lex.places_ko
        for n in range(min(len(text), 9), 1, -1):
            head = text[:n]
            if head not in places:
                continue
            rest = text[n:]
            suffix = self.place_suffix(rest + "X") if rest else None
            tail = rest
            for suf in self.lex.place_suffixes_ko:
                if rest.startswith(suf):
                    suffix, tail = suf, rest[len(suf) :]
                    break
            if (
                tail
                and not _PARTICLE_AFTER_NAME.match(tail)
                and not any(tail.startswith(p) for p in _LOCATIVE)
            ):
                continue
            has_suffix = bool(suffix and rest.startswith(suffix))
            own_suffix = n >= 3 and self.place_suffix(head) is not None  # 회상구역, 수남구역
            if not has_suffix and not own_suffix and not self.read_as_name(w, n):
                continue  # 위해 (for), 통화 (a call), 나선 (went out), 은덕 (grace)
            end = w.start + n + (len(suffix) if has_suffix and suffix else 0)
            self.add(w.start, end, "place", "ko_place_known")
            return True
        return False

    def read_as_name(self, w: _Word, n: int) -> bool:
        """The analyser read the first ``n`` characters as a proper noun, an unknown noun, or
        broke them into pieces (후 + ᆫ + 춘), not as a word it knows (통화 NNG, 위하 VV)."""
        first = [t for t in w.toks if t.start == w.start]
        if any(t.tag == "NNP" or t.id in _OOV_IDS for t in first):
            return True
        inside = [t for t in w.toks if t.start < w.start + n]
        if any(t.tag.startswith(("V", "M", "E", "X")) and t.tag != "XSN" for t in inside):
            return False
        return not any(t.start == w.start and t.len >= min(n, 2) for t in inside)

    def foreign(self, i: int, w: _Word, cued: bool) -> bool:
        lex = self.lex
        stem = w.stem
        if len(stem) < 2 or self.region(stem) or self.excluded(stem):
            return False
        given = stem in lex.foreign_given_ko or any(
            stem[:n] in lex.foreign_given_ko for n in range(3, min(len(stem), 7))
        )
        unknown_or_proper = self.nnp_at(w) or self.stem_kind(w) == "unknown"
        ending = len(stem) >= 3 and stem.endswith(lex.surname_endings_ko) and unknown_or_proper
        chinese = (
            2 <= len(stem) <= 4
            and stem[:1] in lex.chinese_surnames_ko
            and self.nnp_at(w)
            and stem not in lex.korean_surnames
        )
        nxt = self.words[i + 1] if i + 1 < len(self.words) else None
        joined_next = (
            nxt is not None
            and nxt.start - w.end == 1
            and w.tail == ""
            and _hangul_only(nxt.stem)
            and len(nxt.stem) >= 2
            and (self.nnp_at(nxt) or nxt.stem.endswith(lex.surname_endings_ko))
            and not self.region(nxt.stem)
            and not self.excluded(nxt.stem)
        )
        russian = len(stem) >= 4 and stem.endswith(_RUSSIAN_ENDS) and unknown_or_proper
        if given or russian or (ending and (cued or joined_next)) or (chinese and cued):
            end = w.stem_end
            if joined_next and nxt is not None:
                end = nxt.stem_end
                self.person_idx.add(i + 1)
            self.add(w.start, end, "name", "ko_foreign_name")
            return True
        if ending and self.title_after(i):
            self.add(w.start, w.stem_end, "name", "ko_foreign_name")
            return True
        return False

    def place_suffix(self, stem: str) -> str | None:
        return _longest_suffix(stem, self.place_suffixes, 4)

    def group_or_place(self, i: int, w: _Word) -> None:
        lex = self.lex
        stem = w.stem
        if stem and (stem in lex.state_organs_ko or stem.endswith(_STATE_ORGAN_ENDS)):
            self.add(w.start, w.stem_end, "org", "ko_state_organ")
            return
        if not stem or self.excluded(stem) or self.region(stem):
            return
        if stem.endswith(("인", "족", "계")) and self.region(stem[:-1]):
            return  # 인도인, 몽골인: a nationality
        if re.fullmatch(r"제\s?\d+\s?(?:조|항|호|장|절|관)", stem):
            return  # 제35조: an article of a law
        core_hangul = re.sub(r"^(?:제\s?)?\d+\s?(?:호\s?)?", "", stem)
        suf = _longest_suffix(stem, self.org_suffixes, 8)
        if suf:
            core = stem[: -len(suf)]
            usable = (len(suf) > 1 or self.nnp_prefix(w, core)) and not (
                core in lex.common_ko or core in lex.not_names_ko or self.region(core)
            )
            if usable and (
                self.nnp_prefix(w, core) or (len(suf) >= 2 and not self.everyday_core(w, core))
            ):
                self.add(w.start, w.stem_end, "org", "ko_org")
                return
        # Units: 제3건설려단, 8작업반, 신포건설대, 13호 벌목소
        suf = _longest_suffix(stem, self.unit_suffixes, 6)
        if suf:
            core = stem[: -len(suf)]
            numbered = bool(re.match(r"(?:제\s?)?\d+", stem))
            if (len(suf) > 1 or numbered) and (
                numbered
                or self.nnp_prefix(w, core)
                or (len(suf) >= 2 and not self.everyday_core(w, core) and len(core) >= 2)
            ):
                start = w.start
                prev = self.words[i - 1] if i > 0 else None
                if prev is not None and re.fullmatch(r"(?:제\s?)?\d+\s?호?", prev.text):
                    start = prev.start  # 13호 벌목소
                self.add(start, w.stem_end, "unit", "ko_unit")
                return
        if not _hangul_only(core_hangul) or len(core_hangul) < 2:
            return
        if self.region(stem):
            return
        # Places: 무산군, 훈춘, 틴다, 청진시 송평구역
        place_suf = self.place_suffix(stem)
        if place_suf and self.stem_kind(w) != "word":
            core = stem[: -len(place_suf)]
            if (
                (
                    len(core) >= 1
                    and not self.region(core)
                    and (
                        self.nnp_prefix(w, core)
                        or (self.nnp_at(w) and not self.single_common_noun(w))
                        or (self.stem_kind(w) in ("split", "unknown") and len(core) >= 2)
                    )
                )
                and core not in lex.common_ko
                and core not in lex.not_names_ko
            ):
                self.add(w.start, w.stem_end, "place", "ko_place_suffix")
                return
        kind = self.stem_kind(w)
        if kind == "unknown" and not self.nnp_at(w) and self.locative_after(w) and len(stem) >= 2:
            self.add(w.start, w.stem_end, "place", "ko_unknown_place")  # 부토보에
            return
        if stem.endswith(("요", "다", "원", "관", "자")) and not self.surname_split(stem):
            return  # 고마워요, 취사원: a sentence end or an occupation, no proper noun
        if kind in ("proper", "unknown") and self.nnp_at(w) and len(stem) >= 2:
            if stem.endswith(lex.unit_suffixes_ko) and stem in lex.not_names_ko:
                return
            category = "place" if self.locative_after(w) else "name"
            self.add(w.start, w.stem_end, category, "ko_proper_noun")

    def nnp_prefix(self, w: _Word, core: str) -> bool:
        """The part before a suffix is (or starts with) a proper noun."""
        end = w.start + len(core)
        return any(t.tag == "NNP" and t.start == w.start and t.start + t.len <= end + 1
                   for t in w.toks) or (core in self.lex.regions_ko)  # fmt: skip

    def everyday_core(self, w: _Word, core: str) -> bool:
        end = w.start + len(core)
        toks = [t for t in w.toks if t.start + t.len <= end]
        return (
            bool(toks)
            and all(t.tag == "NNG" for t in toks)
            and ("".join(t.form for t in toks) == core)
        )

    def lists(self) -> None:
        """Names in a list (김순희, 리광철 등): a name-shaped neighbour of a found name is one."""
        found = {(d.start, d.end) for d in self.out if d.category == "name"}
        if not found:
            return
        starts = {s for s, _e in found}
        for i, w in enumerate(self.words):
            if i in self.person_idx or not _hangul_only(w.stem):
                continue
            split = self.surname_split(w.stem)
            if not split or not 3 <= len(w.stem) <= 4 or self.excluded(w.stem):
                continue
            if self.region(w.stem) or self.stem_kind(w) == "word":
                continue
            neighbours = []
            if i > 0:
                neighbours.append((self.words[i - 1], self.text[self.words[i - 1].end : w.start]))
            if i + 1 < len(self.words):
                neighbours.append((self.words[i + 1], self.text[w.end : self.words[i + 1].start]))
            for nb, gap in neighbours:
                tail_sep = w.tail in ("과", "와", "이나", "나", "") or nb.tail in ("과", "와", "")
                if nb.start in starts and (_LIST_SEP.match(gap) or tail_sep):
                    self.add(w.start, w.stem_end, "name", "ko_name_list")
                    self.person_idx.add(i)
                    break

    def repeats(self) -> None:
        """A name found once is found everywhere in the text (리명국이는, 길덕수는 later on)."""
        names = {self.text[d.start : d.end] for d in self.out if d.category == "name"}
        names = {n for n in names if len(n) >= 2 and _hangul_only(n)}
        if not names:
            return
        taken = {(d.start, d.end) for d in self.out}
        starts = {d.start for d in self.out}
        for w in self.words:
            if w.start in starts:
                continue
            for n in range(min(len(w.text), 6), 1, -1):
                name = w.text[:n]
                if name not in names:
                    continue
                rest = w.text[n:]
                if rest and not _PARTICLE_AFTER_NAME.match(rest):
                    continue
                if (w.start, w.start + n) not in taken:
                    self.add(w.start, w.start + n, "name", "ko_name_repeat")
                break

    def surname_only(self) -> None:
        """박씨, 김모씨, 김모(33)씨, 리 동무, 최 지배인."""
        rx = _surname_only_regex()
        long_starts = {t.start for w in self.words for t in w.toks if t.len >= 2
                       and t.tag.startswith(("NNG", "V", "M"))
                       and not (t.len == 2 and t.form.endswith("씨"))}  # fmt: skip
        for m in rx.finditer(self.text):
            g = "s" if m.group("s") else "s2"
            s, e = m.start(g), m.end(g)
            if s in long_starts:
                continue  # 모양의: an everyday word, not 모 + 양
            while e > s and self.text[e - 1] == " ":
                e -= 1
            self.add(s, e, "name", "ko_surname_only")

    def latin_placeholders(self) -> None:
        """A씨, B모씨, K 동무, C(45)씨: a letter standing for a person in Korean text."""
        rx = re.compile(
            r"(?<![A-Za-z])(?P<l>[A-Z])(?:\s?모\s?)?(?:\(\s?\d{1,3}\s?(?:세|살)?\s?\)\s?)?"
            r"\s?(?:씨|군|양|동무|선생|대표|사장|지배인|반장)"
            r"(?=[은는이가을를의와과도만로랑께에한네예였처]|\s|$|[,.)!?\"'”’])"
            r"|(?:진술인|피해자|증인|면담자|제보자|탈북민|노동자|동료|남성|여성|기록)\s?:?\s?"
            r"(?P<l2>[A-Z](?:\.[A-Z])*\.?)(?![A-Za-z])"
        )
        for m in rx.finditer(self.text):
            g = "l" if m.group("l") else "l2"
            self.add(m.start(g), m.end(g), "name", "ko_letter_person")


@cache
def _surname_only_regex() -> re.Pattern[str]:
    """박씨, 김모(33)씨, 오 씨 / 리 동무, 최 지배인: a surname standing for a person."""
    lex = lexicon()
    sur = "|".join(sorted(lex.korean_surnames, key=len, reverse=True))
    titles = "|".join(sorted((t for t in lex.titles_ko if len(t) >= 2), key=len, reverse=True))
    return re.compile(
        rf"(?<![가-힣])(?P<s>(?:{sur})(?:\s?모\s?)?(?:\(\s?\d{{1,3}}\s?(?:세|살)?\s?\)\s?)?)"
        rf"\s?(?:씨|군|양|옹|여사)(?=[은는이가을를의와과도만로랑께에한네예였처]|\s|$|[,.)!?\"'”’])"
        rf"|(?<![가-힣])(?P<s2>(?:{sur}))\s(?:{titles})"
        rf"(?=[은는이가을를의와과도만로랑께에한라야]|\s|$|[,.)!?\"'”’])"
    )


def find_korean(text: str) -> list[Detection]:
    """Proposals for Korean names, places, units and organisations in ``text``."""
    if not any(hangul.is_syllable(c) for c in text):
        return []
    return _Korean(text).run()
