"""Error details in the interface language: every core message has a template, Korean is complete.

The completeness check reads the source (ast): every call of an NkcaseError class (or of a
function that passes its argument on to one) with a literal or f-string message must have its
template in nkcase.gui.error_details.TEMPLATES, and every template must still be raised somewhere.
The behaviour checks raise real errors through real code and read what the user is shown.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import zxcvbn
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

import nkcase
from nkcase import errors
from nkcase.domain import vocab
from nkcase.errors import NkcaseError
from nkcase.gui import vault_prompts
from nkcase.gui.error_details import CONTEXT, TEMPLATES, template_for, translate_detail
from nkcase.gui.errors import headline, user_message
from nkcase.gui.i18n import install_language
from nkcase.packets import gates
from nkcase.packets.verify import verify_packet
from nkcase.redaction import casereg
from nkcase.services import cases, vaults
from nkcase.services.editing import facts
from nkcase.vault import keyslots
from nkcase.vault.vault import Vault
from tests.conftest import seed_files

PKG = Path(nkcase.__file__).resolve().parent
ROOT = PKG.parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Three English words in a row: a sentence fragment left untranslated.
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,}){2,}")
PLACEHOLDER = re.compile(r"%(\d+)")

# Classes whose message is built from (path, problem): the problem is the text to translate.
PROBLEM_ARGUMENT: dict[str, tuple[str, int]] = {
    "CaseFileError": ("problem", 1),
    "InvalidEdit": ("problem", 1),
}

# Message arguments the scan cannot read as text, each with where its text comes from (checked
# below, so none is skipped silently). Key: (file, the argument's source).
EXPLAINED = {
    ("nkcase/domain/casefile.py", "str(exc)"): "the ValueError of PartialDate.parse (dates.py)",
    ("nkcase/domain/casefile.py", "exc.problem"): "a CaseFileError problem raised again",
    ("nkcase/services/editing/_common.py", "exc.problem"): "a CaseFileError problem raised again",
    ("nkcase/services/editing/people.py", "exc.problem"): "a CaseFileError problem raised again",
    (
        "nkcase/packets/build.py",
        "swap(str(exc))",
    ): "a LeakRefused message, names swapped",
}

# Templates for text the scan does not see as a message, with the reason each one exists.
EXTRA = {
    "%1: %2": "CaseFileError and InvalidEdit messages: '<path>: <problem>'",
    "(file)": "the path of a CaseFileError about the whole file (domain/casefile.py)",
    "case %1": "the name of a case without pseudonym in consent-gate refusals (packets/gates.py)",
}


# -- the scan ---------------------------------------------------------------------------------
@dataclass
class Scan:
    templates: dict[str, list[str]] = field(default_factory=dict)  # template -> where raised
    unexplained: list[tuple[str, str, int]] = field(default_factory=list)
    explained_seen: set[tuple[str, str]] = field(default_factory=set)
    messages: int = 0  # error calls (and wrapper calls) with a message the scan read


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def fstring_template(node: ast.JoinedStr) -> str:
    """An f-string in template form: literal parts kept, each {field} the next %n."""
    out: list[str] = []
    for part in node.values:
        if isinstance(part, ast.Constant):
            out.append(str(part.value))
        else:
            out.append(f"%{sum(1 for p in out if PLACEHOLDER.fullmatch(p)) + 1}")
    return "".join(out)


def format_template(text: str) -> str:
    """A str.format() text in template form."""
    out: list[str] = []
    n = 0
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        out.append(literal)
        if name is not None:
            n += 1
            out.append(f"%{n}")
    return "".join(out)


def _module_files() -> dict[str, Path]:
    files = {}
    for path in sorted(PKG.rglob("*.py")):
        if "migrations" in path.relative_to(PKG).parts:
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        files[module] = path
    return files


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    names = {
        n
        for n, obj in vars(errors).items()
        if inspect.isclass(obj) and issubclass(obj, NkcaseError)
    }
    grew = True
    while grew:  # classes defined elsewhere that subclass them (SignatureError...)
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in names
                    and any(_name(base) in names for base in node.bases)
                ):
                    names.add(node.name)
                    grew = True
    return names


def _imports(tree: ast.Module, modules: dict[str, Path]) -> dict[str, Path | tuple[Path, str]]:
    """Local name -> an imported module's file, or (file, name) of an imported function.

    (nkcase imports absolutely; a relative import would be missed, its calls not followed.)
    """
    found: dict[str, Path | tuple[Path, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                local = alias.asname or alias.name
                if f"{node.module}.{alias.name}" in modules:
                    found[local] = modules[f"{node.module}.{alias.name}"]
                elif node.module in modules:
                    found[local] = (modules[node.module], alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules and alias.asname:
                    found[alias.asname] = modules[alias.name]
    return found


Slot = tuple[int | None, str, str]  # (argument index, keyword, "message" or "phrase")
Stack = list[ast.FunctionDef | ast.AsyncFunctionDef]


class _Scanner:
    """One pass over every module; passes repeat until no new wrapper function is found."""

    def __init__(self, extra: dict[str, str] | None) -> None:
        modules = _module_files()
        sources = {path: path.read_text(encoding="utf-8") for path in modules.values()}
        for module, source in (extra or {}).items():
            modules[module] = ROOT.joinpath(*module.split(".")).with_suffix(".py")
            sources[modules[module]] = source
        self.trees = {path: ast.parse(source) for path, source in sources.items()}
        self.classes = _error_classes(self.trees)
        self.imports = {path: _imports(tree, modules) for path, tree in self.trees.items()}
        # (file, function) -> slots: functions whose argument ends up in an error message, as
        # the whole message ("message", e.g. verify._fail) or a part of it ("phrase").
        self.producers: dict[tuple[Path, str], set[Slot]] = {}

    def run(self) -> Scan:
        while True:
            before = {key: set(slots) for key, slots in self.producers.items()}
            self.result = Scan()
            for path, tree in self.trees.items():
                self.path, self.consts = path, _constants(tree)
                self._visit(tree, [])
            if self.producers == before:
                return self.result

    def _visit(self, node: ast.AST, stack: Stack) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            stack = [*stack, node]
        if isinstance(node, ast.Call):
            self._call(node, stack)
        for child in ast.iter_child_nodes(node):
            self._visit(child, stack)

    def _target(self, func: ast.expr) -> tuple[Path, str] | None:
        imports = self.imports[self.path]
        if isinstance(func, ast.Name):
            imported = imports.get(func.id)
            return imported if isinstance(imported, tuple) else (self.path, func.id)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            module_file = imports.get(func.value.id)
            if isinstance(module_file, Path):
                return (module_file, func.attr)
        return None

    def _produce(self, param: tuple[str, int | None, str], kind: str) -> None:
        function, index, keyword = param
        self.producers.setdefault((self.path, function), set()).add((index, keyword, kind))

    def _call(self, call: ast.Call, stack: Stack) -> None:
        name = _name(call.func)
        if name in self.classes:
            keyword, position = PROBLEM_ARGUMENT.get(name, ("message", 0))
            slots: set[Slot] = {(position, keyword, "message")}
        else:
            key = self._target(call.func)
            slots = self.producers.get(key, set()) if key else set()
        for index, keyword, kind in slots:
            arg = next((k.value for k in call.keywords if k.arg == keyword), None)
            if index is not None and index < len(call.args):
                arg = call.args[index]
            if arg is not None:
                self._argument(arg, kind, _params(stack), call.lineno)

    def _argument(self, arg: ast.expr, kind: str, params: dict[str, Any], line: int) -> None:
        where = (_rel(self.path), line)
        text: str | None = None
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            text = arg.value
        elif isinstance(arg, ast.JoinedStr):
            text = fstring_template(arg)
            for part in arg.values:
                # {parameter} (not {parameter!r}, a quoted value): the caller's argument is a
                # part of the message, e.g. damaged("its header cannot be read").
                if (
                    isinstance(part, ast.FormattedValue)
                    and part.conversion != ord("r")
                    and isinstance(part.value, ast.Name)
                    and part.value.id in params
                ):
                    self._produce(params[part.value.id], "phrase")
        elif isinstance(arg, ast.Name) and arg.id in params:
            self._produce(params[arg.id], kind)  # a wrapper: its callers are read
        elif isinstance(arg, ast.Name) and arg.id in self.consts:
            text = self.consts[arg.id]
        elif (
            isinstance(arg, ast.Call)
            and isinstance(arg.func, ast.Attribute)
            and arg.func.attr == "format"
            and isinstance(arg.func.value, ast.Name)
            and arg.func.value.id in self.consts
        ):
            text = format_template(self.consts[arg.func.value.id])
        elif kind == "message":
            source = ast.unparse(arg)
            if (where[0], source) in EXPLAINED:
                self.result.explained_seen.add((where[0], source))
            else:
                self.result.unexplained.append((where[0], source, line))
        if text is not None:
            self.result.templates.setdefault(text, []).append(f"{where[0]}:{line}")
            self.result.messages += kind == "message"


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"``."""
    out = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            out.update({t.id: node.value.value for t in node.targets if isinstance(t, ast.Name)})
    return out


def _params(stack: Stack) -> dict[str, tuple[str, int | None, str]]:
    """Parameter name -> (function, position, name); an inner function's parameter wins."""
    params: dict[str, tuple[str, int | None, str]] = {}
    for fn in stack:
        positional = [a.arg for a in fn.args.posonlyargs + fn.args.args]
        params.update({a: (fn.name, i, a) for i, a in enumerate(positional)})
        params.update({a.arg: (fn.name, None, a.arg) for a in fn.args.kwonlyargs})
    return params


def scan(extra: dict[str, str] | None = None) -> Scan:
    """Read nkcase's source (plus ``extra``: module name -> source, for testing the scan)."""
    return _Scanner(extra).run()


@pytest.fixture(scope="module")
def scanned() -> Scan:
    return scan()


def _value_errors(path: Path) -> set[str]:
    """The ValueError texts a module raises (the date problems the validator quotes)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and _name(node.exc.func) == "ValueError"
            and node.exc.args
            and isinstance(node.exc.args[0], ast.Constant)
        ):
            found.add(str(node.exc.args[0].value))
    return found


def zxcvbn_warnings() -> set[str]:
    """zxcvbn's warnings as check_passphrase_strength quotes them (final full stop removed)."""
    source = Path(zxcvbn.__file__).with_name("feedback.py").read_text(encoding="utf-8")
    found = set()
    for node in ast.walk(ast.parse(source)):
        values: list[ast.expr] = []
        if isinstance(node, ast.Assign) and any(_name(t) == "warning" for t in node.targets):
            values.append(node.value)
        if isinstance(node, ast.Dict):
            values += [
                v
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant) and k.value == "warning"
            ]
        for value in values:
            if isinstance(value, ast.Call) and _name(value.func) == "_":
                found.add(value.args[0].value.rstrip("."))  # type: ignore[attr-defined]
    return found


def own_weak_reason() -> set[str]:
    """nkcase's own reason when zxcvbn gives no warning (``warning or "..."``)."""
    fn = ast.parse(inspect.getsource(keyslots.check_passphrase_strength))
    return {
        v.value.rstrip(".")
        for node in ast.walk(fn)
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or)
        for v in node.values
        if isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value
    }


def leak_categories() -> set[str]:
    """Every registry category, as the leak-check refusal names it (underscores as spaces)."""
    names = set(casereg.TOKENS) | set(vocab.enum("sensitive_term_category"))
    names |= {"relative_name", "sensitive"}  # build_registry's own
    return {n.replace("_", " ") for n in names}


def required_templates(scanned: Scan) -> dict[str, str]:
    required = {t: where[0] for t, where in scanned.templates.items()}
    required.update({t: "dates.py" for t in _value_errors(PKG / "domain" / "dates.py")})
    required.update({t: "zxcvbn" for t in zxcvbn_warnings() | own_weak_reason()})
    required.update({t: "leak category" for t in leak_categories()})
    required.update(EXTRA)
    return required


# -- completeness -----------------------------------------------------------------------------
def test_the_scan_reads_every_message(scanned: Scan) -> None:
    assert scanned.unexplained == [], "a message the scan cannot read: add it to EXPLAINED"
    assert scanned.explained_seen == set(EXPLAINED), "an EXPLAINED entry is gone from the code"
    assert scanned.messages > 150
    # Messages reached through wrappers, .format() and f-strings with parts passed by callers.
    for template in (
        "The vault in %1 is open in another program or window. Close or lock it there, then "
        "try again; nothing was changed.",  # lock.py: OPEN_ELSEWHERE.format(folder=...)
        "not a ZIP file (or a damaged one)",  # verify.py: _fail(message)
        "is not UTF-8 text",  # casefile.py: CaseFileError("(file)", problem, source)
        "expected a string",  # casefile.py: _fail(path, problem)
        "its header cannot be read",  # backup_format.py: damaged(why)
        "header",  # backup_format.py: _read_exact(fh, n, what) -> damaged(f"... {what}")
        "a wage period",  # casefile.py: _choice(options, what)
        "sensitive term",  # editing: find_item(items, id, what, case)
    ):
        assert template in scanned.templates, template


def test_every_core_message_has_a_template(scanned: Scan) -> None:
    required = required_templates(scanned)
    missing = sorted(f"{where}: {t!r}" for t, where in required.items() if t not in TEMPLATES)
    assert missing == [], "add these to nkcase/gui/error_details.py and nkcase_ko.ts"


def test_every_template_is_still_raised(scanned: Scan) -> None:
    required = required_templates(scanned)
    stale = sorted(t for t in TEMPLATES if t not in required)
    assert stale == [], "the core no longer raises these: remove or update them"
    assert len(set(TEMPLATES)) == len(TEMPLATES)


def test_each_template_matches_its_own_message() -> None:
    """Filled with sample values, a template is found again (no more specific one shadows it)."""
    for template in TEMPLATES:
        assert PLACEHOLDER.sub("", template), template  # some literal text
        sample = PLACEHOLDER.sub(lambda m: f"V{m.group(1)}x", template)
        assert template_for(sample) == template, template


def test_scan_turns_an_fstring_into_a_template() -> None:
    tree = ast.parse('f"Case {case.pseudonym!r} has no {what} {n:d}."', mode="eval")
    assert isinstance(tree.body, ast.JoinedStr)
    assert fstring_template(tree.body) == "Case %1 has no %2 %3."
    assert format_template("The vault in {folder} is open.") == "The vault in %1 is open."


def test_a_new_message_without_template_is_caught(scanned: Scan) -> None:
    """A module added with new messages (direct, through a wrapper, through .format()): the
    check reports each of them, and nothing else."""
    new_module = """
from nkcase.errors import InvalidEdit, VaultBusy
from nkcase.domain.casefile import _fail

HUMS = "The vault in {folder} hums."


def refuse(name, how):
    raise VaultBusy(f"The vault {name} hums {how}; nothing was changed.")


def check(value, path):
    if value:
        raise _fail(path, "is far too purple")
    refuse(value, "loudly")
    raise VaultBusy(HUMS.format(folder=path))


def odd(exc):
    raise InvalidEdit("x", exc.reason)
"""
    grown = scan({"nkcase.fake_new": new_module})
    new = set(required_templates(grown)) - set(required_templates(scanned))
    assert new == {
        "The vault %1 hums %2; nothing was changed.",
        "is far too purple",
        "loudly",
        "The vault in %1 hums.",
    }
    assert not new & set(TEMPLATES)
    assert grown.unexplained == [("nkcase/fake_new.py", "exc.reason", 20)]


# -- Korean -----------------------------------------------------------------------------------
@pytest.fixture
def korean(qapp: Any) -> Iterator[None]:
    assert install_language(qapp, "ko")
    yield
    install_language(qapp, "en")


# The export refusal's "suggestion%3 ... review %5": English plural endings Korean does not need.
DROPPED = {
    "%1: %2 redaction suggestion%3 still unreviewed (%4); review %5 before exporting.": {3, 5}
}


def test_every_template_is_translated_with_its_placeholders(korean: None) -> None:
    for template in TEMPLATES:
        ko = QCoreApplication.translate(CONTEXT, template)
        wanted = set(map(int, PLACEHOLDER.findall(template))) - DROPPED.get(template, set())
        assert set(map(int, PLACEHOLDER.findall(ko))) == wanted, template
        if template != "%1: %2":
            assert ko != template and HANGUL.search(ko), template


def _assert_korean(message: str, *values: str) -> None:
    """Hangul, every value unchanged, and no English fragment left once the values are out."""
    assert HANGUL.search(message), message
    rest = message
    for value in values:
        assert value in message, (value, message)
        rest = rest.replace(value, " ")
    assert not ENGLISH_RUN.search(rest), message


def _raised(fn: Any, *args: Any, **kwargs: Any) -> NkcaseError:
    with pytest.raises(NkcaseError) as info:
        fn(*args, **kwargs)
    return info.value


def test_weak_passphrases_in_korean(qapp: Any) -> None:
    common = _raised(keyslots.check_passphrase_strength, "password123")
    short = _raised(keyslots.check_passphrase_strength, "abc")
    assert isinstance(common, errors.WeakPassphrase) and isinstance(short, errors.WeakPassphrase)
    english = [user_message(e) for e in (common, short)]
    assert english == [f"{headline(e)}\n{e}" for e in (common, short)]
    install_language(qapp, "ko")
    shown = user_message(common)
    _assert_korean(shown)
    assert "흔한 암호" in shown  # zxcvbn's warning inside the message, translated too
    _assert_korean(user_message(short), str(keyslots.MIN_PASSPHRASE_CHARS))


def test_wrong_passphrase_in_korean(qapp: Any, vault: Vault) -> None:
    folder = vault.folder
    vault.close()
    exc = _raised(vaults.open_vault, folder, passphrase="not-the-passphrase-at-all")
    assert isinstance(exc, errors.WrongPassphrase)
    assert user_message(exc) == f"{headline(exc)}\n{exc}"
    install_language(qapp, "ko")
    assert user_message(exc).splitlines() == [
        "암호 문구가 틀렸습니다.",
        "암호 문구가 틀렸습니다: 이 보관소를 열 수 없습니다.",
    ]


def _case_file(tmp_path: Path, name: str, edit: Any) -> Path:
    doc = json.loads(seed_files()[0].read_text(encoding="utf-8"))
    edit(doc["cases"][0])
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "json_path", "values"),
    [
        (lambda c: c["interviewee"].update(sex="Q"), "cases[0].interviewee.sex", ["F, M, X"]),
        (lambda c: c["deployments"][0].update(end="2001-02-30"), "cases[0].deployments[0].end", []),
        (lambda c: c["interviewee"].update(eyes="brown"), "cases[0].interviewee.eyes", []),
        (lambda c: c["interviews"].clear(), "cases[0].interviews", []),
    ],
)
def test_malformed_case_file_in_korean(
    qapp: Any, vault: Vault, tmp_path: Path, edit: Any, json_path: str, values: list[str]
) -> None:
    path = _case_file(tmp_path, "bad-file.json", edit)
    exc = _raised(cases.import_case_file, vault, path)
    assert isinstance(exc, errors.CaseFileError)
    assert user_message(exc) == f"{headline(exc)}\n{exc}"
    install_language(qapp, "ko")
    shown = user_message(exc)
    assert shown.startswith("사례 파일이 올바르지 않습니다.\n")
    _assert_korean(shown, str(path), json_path, *values)


def test_unreadable_case_file_in_korean(qapp: Any, vault: Vault, tmp_path: Path) -> None:
    missing = _raised(cases.import_case_file, vault, tmp_path / "nowhere.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "nkcase/case-file-v1",\n "cases": [}', encoding="utf-8")
    not_json = _raised(cases.import_case_file, vault, broken)
    install_language(qapp, "ko")
    _assert_korean(user_message(missing), str(tmp_path / "nowhere.json"))
    shown = user_message(not_json)
    _assert_korean(shown, str(broken))
    assert "2행" in shown  # the line number, kept


def test_refused_edits_in_korean(qapp: Any, vault: Vault) -> None:
    ((case_id, pseudonym),) = cases.import_case_file(vault, seed_files()[0])
    with vault.session() as session:
        before = _raised(facts.add_deployment, session, case_id, {"start": "2010", "end": "2009"})
        code = _raised(facts.add_deployment, session, case_id, {"sector": "piracy"})
        gone = _raised(facts.update_deployment, session, case_id, 987654, {"site": "x"})
    assert isinstance(before, errors.InvalidEdit) and isinstance(gone, errors.CaseNotFound)
    assert [user_message(e).splitlines()[1] for e in (before, code, gone)] == [
        str(before),
        str(code),
        str(gone),
    ]
    install_language(qapp, "ko")
    _assert_korean(user_message(before), "deployment.end")
    _assert_korean(user_message(code), "deployment.sector", ", ".join(sorted(vocab.sectors())))
    shown = user_message(gone)
    _assert_korean(shown, pseudonym, "987654")
    assert "파견" in shown  # "deployment", the kind of item, translated inside the message


def test_refused_exports_in_korean(qapp: Any, tmp_path: Path) -> None:
    target = sorted(vocab.targets())[0]
    consent = {"interview": True, "storage": True, "share_with": []}
    no_g2 = _raised(gates.check_gates, {"pseudonym": "W-7Q4K", "consent": consent}, target)
    withdrawn = _raised(
        gates.check_gates,
        {"pseudonym": "W-7Q4K", "consent": {**consent, "withdrawn_on": "2024-03-01"}},
        target,
    )
    not_zip = tmp_path / "packet.zip"
    not_zip.write_bytes(b"not a zip")
    packet = _raised(verify_packet, not_zip)
    install_language(qapp, "ko")
    _assert_korean(user_message(no_g2), "W-7Q4K", target, "G2")
    _assert_korean(user_message(withdrawn), "W-7Q4K", "2024-03-01")
    _assert_korean(user_message(packet), "ZIP")


def test_unknown_messages_and_other_errors(qapp: Any) -> None:
    install_language(qapp, "ko")
    odd = errors.VaultError("Something nobody wrote a template for.")
    assert user_message(odd).splitlines() == ["보관소에 문제가 있습니다.", str(odd)]
    assert translate_detail("W-7Q4K: Hoeryong") == "W-7Q4K: Hoeryong"
    assert "Hoeryong" not in user_message(ValueError("Hoeryong"))


def test_vault_prompts_show_headline_and_detail(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    install_language(qapp, "ko")
    exc = _raised(keyslots.check_passphrase_strength, "abc")
    vault_prompts.show_error(None, exc)
    vault_prompts.show_error(None, ValueError("Hoeryong"))
    assert shown[0] == user_message(exc) and shown[0].startswith("이 암호 문구는 너무 약합니다.")
    assert shown[1] == "작업을 완료하지 못했습니다."
