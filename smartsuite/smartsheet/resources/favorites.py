"""``ss.favorites``: the user's starred sheets, folders, workspaces, reports ..."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence

from ..._core.errors import ConfigurationError, NotFoundError
from ..._core.paging import AsyncPaginator
from .._resource import SmartsheetResource, operation
from ..models.common import Result
from ..models.containers import Favorite, FavoriteType
from ._params import ids_param, path_id

_TYPES = {t.value for t in FavoriteType}

FavoriteInput = Favorite | tuple[str, int]


def _type(value: str) -> str:
    kind = str(value)
    if kind not in _TYPES:
        raise ConfigurationError(f"favorite type must be one of {sorted(_TYPES)}, not {value!r}")
    return kind


class Favorites(SmartsheetResource):
    @operation("get-favorites", "GET", "/favorites")
    def list(
        self, *, include: Sequence[str] | None = None, page_size: int | None = None
    ) -> AsyncPaginator[Favorite]:
        """The user's favorites (``GET /favorites``, ``get-favorites``).

        Args:
            include: ``name`` and/or ``directId``.
            page_size: page size for the walk.
        """
        return self._index(cast_to=Favorite, params={"include": include}, page_size=page_size)

    @operation("add-favorite", "POST", "/favorites", idempotent=True)
    async def add(
        self, favorites: FavoriteInput | Iterable[FavoriteInput]
    ) -> builtins.list[Favorite]:
        """Star objects (``POST /favorites``, ``add-favorite``).

        Args:
            favorites: ``("sheet", 123)`` pairs or :class:`Favorite` objects, one or several.

        Returns:
            The favorites added.

        Raises:
            ConfigurationError: an unknown type or a missing object id.
        """
        if isinstance(favorites, Favorite) or (
            isinstance(favorites, tuple) and len(favorites) == 2 and isinstance(favorites[0], str)
        ):
            items: builtins.list[FavoriteInput] = [favorites]
        else:
            items = list(favorites)
        if not items:
            raise ConfigurationError("favorites.add: give at least one favorite")
        body = []
        for item in items:
            kind, object_id = (
                (item.type, item.object_id) if isinstance(item, Favorite) else (item[0], item[1])
            )
            body.append({"type": _type(str(kind)), "objectId": path_id(object_id, "object_id")})
        return (await self._result_list(cast_to=Favorite, json=body)).result

    @operation("is-favorite", "GET", "/favorites/{favoriteType}/{favoriteId}")
    async def get(
        self, favorite_type: str, object_id: int, *, include: Sequence[str] | None = None
    ) -> Favorite:
        """One favorite (``GET /favorites/{favoriteType}/{favoriteId}``, ``is-favorite``).

        Args:
            include: ``name`` and the like, as the API documents them.

        Raises:
            NotFoundError: the object is not a favorite.
        """
        params = {"include": ",".join(include) if include is not None else None}
        return await self._object(_type(favorite_type), object_id, cast_to=Favorite, params=params)

    async def is_favorite(self, favorite_type: str, object_id: int) -> bool:
        """Whether an object is starred (:meth:`get`; False when the API answers 404)."""
        try:
            favorite = await self.get(favorite_type, object_id)
        except NotFoundError:
            return False
        return favorite.object_id == object_id

    @operation("delete-favorites-by-type", "DELETE", "/favorites/{favoriteType}")
    async def remove(self, favorite_type: str, object_ids: Iterable[int]) -> Result:
        """Unstar several objects of one type (``DELETE /favorites/{favoriteType}``).

        Raises:
            ConfigurationError: an unknown type or no ids.
        """
        params = {"objectIds": ids_param(object_ids, "object_ids")}
        return await self._result(_type(favorite_type), params=params)

    @operation(
        "delete-favorites-by-type-and-id", "DELETE", "/favorites/{favoriteType}/{favoriteId}"
    )
    async def remove_one(self, favorite_type: str, object_id: int) -> Result:
        """Unstar one object (``DELETE /favorites/{favoriteType}/{favoriteId}``)."""
        return await self._result(_type(favorite_type), object_id)
