"""Exact AppSheet rows over HTTP: a schema class that subclasses Model round-trips (find, change
one field, edit sends the key and that field only; None clears), decodes faithfully by column
type and Locale (misfits kept and reported, unknown columns kept), and a failed batch gives each
row the typed error with its real status."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from smartsuite import DecodeError, NotFoundError, Outcome, PermissionDeniedError
from smartsuite._core.model import Model, track, unset
from smartsuite._core.serde import strict_decoding
from smartsuite.appsheet import AppSheetClient, Schema, column
from smartsuite.emulator import Emulator

from ..appsheet.conftest import sent_bodies


@attrs.define(on_setattr=track)
class Person(Model):
    id: str = column("ID", key=True)
    name: str = column("Name", default="")
    age: int | None = column("Age", default=unset)
    active: bool | None = column("Active", default=unset)
    joined: dt.date | None = column("Joined", default=unset)  # noqa: RUF009
    score: Decimal | None = column("Score", default=unset)  # noqa: RUF009


async def test_edit_sends_the_key_and_what_changed(
    appsheet_client: AppSheetClient, smartsuite_emulator: Emulator
) -> None:
    people = appsheet_client.table("People", schema=Person)
    await people.add([Person("p1", "Ann", 30, True, dt.date(2020, 2, 29), Decimal("9.5"))])
    ann = await people.get("p1")
    assert ann.is_decoded and ann.age == 30 and ann.active is True
    ann.age = 31
    await people.edit([ann])
    assert sent_bodies(smartsuite_emulator)[-1]["Rows"] == [{"ID": "p1", "Age": 31}]
    ann.score = None  # assigned None: sent blank, which clears the column
    await people.edit([ann])
    assert sent_bodies(smartsuite_emulator)[-1]["Rows"] == [{"ID": "p1", "Age": 31, "Score": ""}]
    back = await people.get("p1")
    assert back.score is None and back.name == "Ann" and back.joined == dt.date(2020, 2, 29)


def test_model_schemas_keep_misfits_and_unknown_columns() -> None:
    schema = Schema(Person)
    row = {"ID": "p9", "Age": "old", "Active": "Y", "Joined": "29/02/2020", "Mood": "sunny"}
    got = schema.decode(row, "en-GB")
    assert got.age == "old" and got.active is True and got.joined == dt.date(2020, 2, 29)
    assert got.extra == {"Mood": "sunny"}
    assert [(i.field, i.value) for i in got.decode_issues] == [("age", "old")]
    with strict_decoding(), pytest.raises(DecodeError, match=r"Person\.age.*'old'"):
        schema.decode(row, "en-GB")
    with pytest.raises(DecodeError, match="expected a row object"):
        schema.decode(["ID", "p9"])  # type: ignore[arg-type]
    # en-US reads the same text as month/day: 29/02 is no date there, so it is kept and reported
    us = schema.decode({"ID": "p9", "Joined": "29/02/2020"}, "en-US")
    assert us.joined == "29/02/2020" and us.decode_issues[0].field == "joined"


async def test_a_failed_batch_gives_each_row_its_typed_error(
    smartsuite_emulator: Emulator,
) -> None:
    emu = smartsuite_emulator
    async with AppSheetClient(emu.appsheet_app_id, "wrong-key", base_url=emu.appsheet_url) as app:
        people = app.table("People", schema=Person)
        result = await people.add([Person("a1", "A"), Person("a2", "B")], batch_size=1)
    assert [r.outcome for r in result] == [Outcome.FAILED, Outcome.NOT_SENT]  # 403 is fatal
    assert [r.status for r in result] == [403, 403]
    assert isinstance(result[0].error, PermissionDeniedError)
    async with AppSheetClient(
        emu.appsheet_app_id, emu.appsheet_access_key, base_url=emu.appsheet_url
    ) as app:
        result = await app.table("Nope", key="ID").add([{"ID": "x"}, {"ID": "y"}])
    assert [r.status for r in result] == [404, 404]
    assert all(isinstance(r.error, NotFoundError) for r in result)
