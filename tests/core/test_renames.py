import warnings

import pytest

from smartsuite._core.errors import ConfigurationError
from smartsuite._core.renames import renamed_arg, warn_renamed


def test_new_name_alone_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert renamed_arg("page_size", 5, "per_page", None) == 5


def test_old_name_warns_at_the_callers_line_and_is_used() -> None:
    with pytest.warns(DeprecationWarning, match=r"per_page= is deprecated.*use page_size=") as rec:
        assert renamed_arg("page_size", None, "per_page", 7) == 7
    assert rec[0].filename == __file__


def test_both_names_with_different_values_are_refused() -> None:
    with pytest.warns(DeprecationWarning), pytest.raises(ConfigurationError, match="not both"):
        renamed_arg("page_size", 5, "per_page", 7)


def test_warn_renamed_names_both() -> None:
    with pytest.warns(DeprecationWarning, match=r"Table\.find\(\) is deprecated.*Table\.list\(\)"):
        warn_renamed("Table.find()", "Table.list()")
