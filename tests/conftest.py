import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from needs import check_marks

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs(*tools): tools of tests/needs.py TOOLS; missing, the test skips (fails under CI)"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    check_marks(item)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/cases/*.out.md from the converter")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
