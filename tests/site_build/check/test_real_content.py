"""The real content/ passes the translators' check: no errors (warnings are shown, not failed).

This is how `make test`, and so CI, runs the check.
"""
from __future__ import annotations

import warnings

from site_build.check import check_content


def test_the_real_content_has_no_errors():
    report = check_content()
    if report.warnings and not report.errors:
        warned = [issue for issue in report.issues if issue.severity == "warning"]
        lines = "\n".join(f"{issue.path}:{issue.line or ''} [{issue.check}] {issue.message}" for issue in warned)
        warnings.warn(f"the translators' check has {report.warnings} warning(s):\n{lines}", UserWarning, stacklevel=1)
    assert report.errors == 0, report.as_text()
