"""MkDocs checks every link and anchor with the site's own ``validation:`` settings (mkdocs.yml),
and the strict build fails on what it finds: shown here on a two-page site."""
from __future__ import annotations

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from site_build.paths import site_config


def _build(tmp_path, link: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(f"# Home\n\nSee [the other page]({link}).\n", encoding="utf-8")
    (docs / "other.md").write_text("# Other\n\n## Present {#present}\n\nText.\n", encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump({
        "site_name": "Links",
        "strict": True,
        "validation": site_config()["validation"],
        "markdown_extensions": ["attr_list", "toc"],
    }), encoding="utf-8")
    build(load_config(str(config_file), site_dir=str(tmp_path / "site")))


def test_the_site_validates_links_and_anchors_as_warnings_that_strict_mode_fails_on():
    assert site_config()["strict"] is True
    assert site_config()["validation"]["anchors"] == "warn"
    assert site_config()["validation"]["unrecognized_links"] == "warn"


def test_a_link_to_an_existing_heading_builds(tmp_path):
    _build(tmp_path, "other.md#present")
    assert (tmp_path / "site" / "other" / "index.html").is_file()


@pytest.mark.parametrize("link", ["other.md#missing", "#nowhere", "missing.md"])
def test_a_broken_link_or_anchor_fails_the_strict_build(tmp_path, link):
    with pytest.raises(Abort):
        _build(tmp_path, link)
