"""Every built page carries its policy, and the policy matches the page's inline scripts."""
from __future__ import annotations

import re

from site_build.pages import security


def test_every_page_has_a_matching_policy(built_site):
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert len(found) == 1, page
        without_meta = html.replace(f'<meta http-equiv="Content-Security-Policy" content="{found[0]}">', "")
        for digest in security.inline_script_hashes(without_meta):
            assert digest in found[0], page
