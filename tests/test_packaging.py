"""Every Python package folder ships in the wheel (pyproject lists packages explicitly)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    folders = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "nkcase").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert folders - listed == set()
    assert config["package-dir"] == {"nkcase.resources": "resources", "nkcase.seeds": "seeds"}
