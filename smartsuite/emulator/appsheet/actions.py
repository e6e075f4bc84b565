"""Running one Action request against an app's table: Find, Add, Edit, Delete and data-change
actions, with the documented answers (seed 003 and
https://support.google.com/appsheet/answer/10105770).

Find answers a bare array; the others answer ``{"Rows": [...]}`` plus ``Warnings`` when there are
any. A request is checked whole before anything changes, so a failed request changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import coerce
from .evaluate import Evaluator
from .expressions import SelectorError, parse_selector
from .state import ApiFailure, AppData, EmuTable


class _Request:
    def __init__(self, app: AppData, table: EmuTable, body: Any) -> None:
        if not isinstance(body, dict):
            raise ApiFailure(400, "Invalid request: the body must be a JSON object.")
        action = body.get("Action")
        # Both are optional (seed 003 "HTTP Body"); absent or null means empty, but a value of
        # another type (``"Properties": []``) is invalid data, a 400 (400 c.).
        props = {} if body.get("Properties") is None else body["Properties"]
        rows = [] if body.get("Rows") is None else body["Rows"]
        if not isinstance(action, str) or not action.strip():
            raise ApiFailure(400, "Invalid request: 'Action' is missing.")
        if not isinstance(props, dict):
            raise ApiFailure(400, "Invalid request: 'Properties' must be an object.")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise ApiFailure(400, "Invalid request: 'Rows' must be a list of objects.")
        locale = props.get("Locale") or "en-US"
        order = coerce.date_order(locale) if isinstance(locale, str) else None
        if order is None:
            raise ApiFailure(400, f"Invalid request: Locale '{locale}' is not supported.")
        self.app, self.table, self.action = app, table, action.strip()
        self.props, self.rows, self.order = props, rows, order
        self.warnings: list[str] = []

    # -- values ------------------------------------------------------------------------------

    def typed(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """A request row parsed into typed values; unknown columns are warned about."""
        out: dict[str, Any] = {}
        for name, value in row.items():
            col_type = self.table.columns.get(name)
            if col_type is None:
                if name != "_RowNumber" and name not in self.table.virtual:
                    note = (
                        f"Column '{name}' is not in table '{self.table.name}'; "
                        "its value was ignored."
                    )
                    if note not in self.warnings:
                        self.warnings.append(note)
                continue
            try:
                out[name] = coerce.parse(col_type, value, name, self.order)
            except coerce.CoerceError as exc:
                raise ApiFailure(400, str(exc)) from None
        return out

    def key_of(self, row: Mapping[str, Any]) -> str:
        key = self.table.key
        value = self.typed({key: row[key]})[key] if key in row else None
        if value is None:
            raise _missing_key(self.table)
        return self.table.key_text(value)

    def existing(self, row: Mapping[str, Any]) -> str:
        text = self.key_of(row)
        if text not in self.table.rows:
            raise ApiFailure(400, f"Row having key '{text}' not found")
        return text

    def render(
        self, rows: list[dict[str, Any]], *, drop_blank_columns: bool = False
    ) -> list[dict[str, str]]:
        """Typed rows as the API answers them: every value a string, ``_RowNumber`` included."""
        types = {**self.table.columns, **{v: "" for v in self.table.virtual}}
        out = [
            {
                **{c: coerce.render(t, row.get(c), self.order) for c, t in types.items()},
                "_RowNumber": str(row["_RowNumber"]),
            }
            for row in rows
        ]
        if drop_blank_columns and out:
            # All-blank columns may be missing from a Find answer.
            blank = [c for c in types if all(r[c] == "" for r in out)]
            for r in out:
                for c in blank:
                    del r[c]
        return out

    def answer(self, rows: list[dict[str, Any]]) -> dict[str, Any]:
        body: dict[str, Any] = {"Rows": self.render(rows)}
        if self.warnings:
            body["Warnings"] = self.warnings
        return body

    def row(self, text: str) -> dict[str, Any]:
        found = self.table.typed_row(text)
        assert found is not None
        return found

    # -- actions -----------------------------------------------------------------------------

    def run(self) -> Any:
        name = self.action.lower()
        if name == "find":
            return self.find()
        if name == "add":
            return self.add()
        if name == "edit":
            return self.edit()
        if name == "delete":
            return self.delete()
        return self.custom()

    def find(self) -> list[dict[str, str]]:
        selector = self.props.get("Selector")
        if selector is not None:
            if not isinstance(selector, str):
                raise ApiFailure(400, "Invalid request: 'Selector' must be text.")
            try:
                _, keys = Evaluator(self.app.tables, self.order).keys(parse_selector(selector))
            except SelectorError as exc:
                raise ApiFailure(400, f"Invalid Selector expression: {exc}") from None
            texts = [self.table.key_text(k) for k in keys if k is not None]
        elif self.rows:
            texts = [self.key_of(r) for r in self.rows]
        else:
            texts = list(self.table.rows)
        seen: set[str] = set()
        rows = []
        for text in texts:
            found = self.table.typed_row(text) if text not in seen else None
            seen.add(text)
            if found is not None:
                rows.append(found)
        return self.render(rows, drop_blank_columns=True)

    def add(self) -> dict[str, Any]:
        table = self.table
        staged: list[dict[str, Any]] = []
        taken: set[str] = set()
        for row in self.rows:
            values = self.typed(row)
            if values.get(table.key) is None:
                if not table.generated_key:
                    raise _missing_key(table)
                values[table.key] = table.new_key()
                while table.key_text(values[table.key]) in taken:
                    values[table.key] = table.new_key()
            text = table.key_text(values[table.key])
            if text in table.rows or text in taken:
                raise ApiFailure(
                    400, f"A row having key '{text}' already exists in table '{table.name}'."
                )
            taken.add(text)
            staged.append(values)
        return self.answer([self.row(table.insert(values)) for values in staged])

    def edit(self) -> dict[str, Any]:
        staged = [(self.existing(row), self.typed(row)) for row in self.rows]
        for text, values in staged:
            values.pop(self.table.key, None)
            self.table.rows[text].update(values)
        return self.answer([self.row(text) for text, _ in staged])

    def delete(self) -> dict[str, Any]:
        texts = [self.existing(row) for row in self.rows]
        gone = [self.row(text) for text in dict.fromkeys(texts)]
        for text in dict.fromkeys(texts):
            del self.table.rows[text]
            del self.table.row_numbers[text]
        return self.answer(gone)

    def custom(self) -> dict[str, Any]:
        action = self.table.actions.get(self.action)
        if action is None:
            raise ApiFailure(
                400, f"Action '{self.action}' is not defined for table '{self.table.name}'."
            )
        texts = [self.existing(row) for row in self.rows]
        for text in texts:
            self.table.rows[text][action.column] = action.value
        return self.answer([self.row(text) for text in dict.fromkeys(texts)])


def _missing_key(table: EmuTable) -> ApiFailure:
    return ApiFailure(
        400, f"Row is missing a value for the key column '{table.key}' of table '{table.name}'."
    )


def run_action(app: AppData, table: EmuTable, body: Any) -> Any:
    """The JSON answer to one Action request body.

    Raises:
        ApiFailure: an invalid body, a value of the wrong type, a missing row or key.
    """
    return _Request(app, table, body).run()


__all__ = ["run_action"]
