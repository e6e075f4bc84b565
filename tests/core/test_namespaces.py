"""``Namespace``: the one-line resource namespaces of the clients."""

from __future__ import annotations

import pydoc
import subprocess
import sys

import pytest

from smartsuite import ConfigurationError, ResourceManagementClient, SmartsheetClient
from smartsuite._core.namespaces import Namespace
from smartsuite.smartsheet.resources.sheets import Sheets


def test_importing_the_clients_imports_no_resource_module() -> None:
    code = (
        "import sys, smartsuite.smartsheet.client, smartsuite.resource_management.client\n"
        "print(sorted(m for m in sys.modules if '.resources.' in m and 'smartsuite' in m))\n"
        "ss = smartsuite.smartsheet.client.SmartsheetClient('t', base_url='http://127.0.0.1:9')\n"
        "ss.sheets\n"
        "print(sorted(m for m in sys.modules if '.resources.' in m and 'smartsuite' in m))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "[]"
    assert "'smartsuite.smartsheet.resources.sheets'" in out[1]
    assert "resources.rows'" not in out[1]


async def test_made_once_per_client_and_again_for_a_view() -> None:
    async with SmartsheetClient("t", base_url="http://127.0.0.1:9") as ss:
        assert isinstance(ss.sheets, Sheets)
        assert ss.sheets is ss.sheets
        view = ss.with_options(headers={"X-Test": "1"})
        assert view.sheets is not ss.sheets
        assert view.sheets._client is view
    async with ResourceManagementClient("t", base_url="http://127.0.0.1:9") as rm:
        assert rm.projects is rm.projects


def test_the_class_attribute_is_the_descriptor_with_its_doc() -> None:
    namespace = SmartsheetClient.__dict__["sheets"]
    assert isinstance(namespace, Namespace)
    assert SmartsheetClient.sheets is namespace
    assert namespace.resource_class() is Sheets
    assert namespace.name == "sheets"
    text = pydoc.render_doc(SmartsheetClient, renderer=pydoc.plaintext)
    assert "Sheets: list, get, create" in text


@pytest.mark.parametrize("target", ["resources.sheets", ":Sheets", "a:b:c", "mod:"])
def test_a_malformed_target_is_refused(target: str) -> None:
    with pytest.raises(ConfigurationError, match="module:Class"):
        Namespace(target, "doc")
