"""The ``@operation`` tag: the declared template is filled from the call's arguments, a template
no argument can fill is refused when the class is defined, and the envelope helpers refuse to
run outside a declared operation."""

from __future__ import annotations

import pytest

from smartsuite.resource_management import ResourceManagementClient
from smartsuite.resource_management._operation import operation, running_call
from smartsuite.resource_management._resource import RMResource


class Things(RMResource):
    @operation("things", "GET", "/api/v1/users/{user_id}/things/{id}")
    def where(self, user_id: int, thing_id: int, *, other_id: int | None = None) -> tuple[str, str]:
        return running_call()

    @operation("things", "DELETE", "/api/v1/things/{thing_id}")
    async def gone(self, thing_id: int) -> tuple[str, str]:
        return running_call()


async def test_the_template_is_filled_from_the_arguments() -> None:
    things = Things(ResourceManagementClient("tok-tag-test", base_url="https://rm.example.com"))
    assert things.where(3, thing_id=9, other_id=5) == ("GET", "/users/3/things/9")
    assert await things.gone(thing_id=4) == ("DELETE", "/things/4")


def test_a_template_no_argument_fills_is_refused_at_definition() -> None:
    with pytest.raises(TypeError, match=r"no argument fills \{id\}"):

        class Ambiguous(RMResource):
            @operation("things", "GET", "/api/v1/things/{id}")
            def get(self, a_id: int, b_id: int) -> None: ...

    with pytest.raises(TypeError, match=r"no argument fills \{project_id\}"):

        class Missing(RMResource):
            @operation("things", "GET", "/api/v1/projects/{project_id}")
            def get(self, user_id: int) -> None: ...


def test_the_envelope_helpers_need_a_running_operation() -> None:
    with pytest.raises(TypeError, match="inside an @operation"):
        running_call()
