"""A non-editable install carries the themes, the stylesheets and the licence: build the wheel and run from its installed layout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_themes_and_runs_from_installed_layout(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("facilitator-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {Path(name).name for name in names if name.startswith("facilitator/themes/")}
    assert {"shopfloor-dark.toml", "projector-light.toml", "andon.toml"} <= shipped
    package = Path(ROOT / "facilitator")
    stylesheets = {f"facilitator/{path.relative_to(package).as_posix()}" for path in package.rglob("*.tcss")}
    assert stylesheets and stylesheets <= set(names)

    # The licence the metadata names is the file that travels with it.
    archive = zipfile.ZipFile(wheel)
    info = next(name for name in names if name.endswith(".dist-info/METADATA")).rsplit("/", 1)[0]
    metadata = archive.read(f"{info}/METADATA").decode()
    assert "License-Expression: MIT" in metadata.splitlines()
    assert "Classifier: Environment :: Console" in metadata.splitlines()
    shipped_license = archive.read(f"{info}/licenses/LICENSE").decode()
    assert shipped_license == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert shipped_license.startswith("MIT License")
    assert "facilitator/export/event.schema.json" in names  # what `facilitator schema` prints
    assert {"report.html", "blocks.html", "style.css", "report.md", "blocks.md"} <= {
        Path(name).name for name in names if name.startswith("facilitator/export/templates/")
    }

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import facilitator.themes as t;"
        "print(t.bundled_themes_dir());"
        "print(sorted(theme.name for theme in t.load_themes().themes))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
        env={"PYTHONPATH": str(site), "FACILITATOR_CONFIG_DIR": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    folder, themes = result.stdout.splitlines()
    assert folder.startswith(str(site))
    assert "projector-light" in themes
