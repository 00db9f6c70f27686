"""Every test in tests/browser and tests/pyodide carries its folder's marker, and no other test
does (tests/conftest.py), so `pytest -m "not browser and not pyodide"` is the fast suite."""
from tests.conftest import FOLDER_MARKERS, REPO_ROOT


def test_each_collected_test_carries_the_marker_of_its_folder_only(request):
    for item in request.session.items:
        folder = item.path.relative_to(REPO_ROOT / "tests").parts[0]
        for marker in FOLDER_MARKERS.values():
            assert (item.get_closest_marker(marker) is not None) == (FOLDER_MARKERS.get(folder) == marker), item.nodeid
