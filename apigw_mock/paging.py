"""A dict in creation order that can also be read one page at a time, as AWS's `limit`/`position` listings are.

Contract: `PagedDict` behaves like a `dict` (replacing a key keeps its place). `page(position, limit)` returns the
next `limit` values after an opaque position token plus the token of the following page, or None when nothing is
left (AWS then omits `position`). A token stays valid while items before or after it are added or deleted.
Cost: key operations are O(1) (deletion O(log n)); a page costs O(limit), plus the deleted slots it steps over,
which compaction keeps below the live count. No call copies or walks the whole collection.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, ItemsView, Iterator, KeysView, MutableMapping, ValuesView
from typing import Generic, TypeVar, overload

from apigw_mock.exceptions import BadRequestException

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class PagedDict(MutableMapping[K, V], Generic[K, V]):
    """Insertion-ordered mapping with position-token paging."""

    def __init__(self) -> None:
        self._values: dict[K, V] = {}
        self._seq_of: dict[K, int] = {}
        # Parallel lists in creation order: sequence numbers (strictly increasing) and keys (None once deleted).
        self._seqs: list[int] = []
        self._keys: list[K | None] = []
        self._next_seq = 0

    def __getitem__(self, key: K) -> V:
        return self._values[key]

    def __setitem__(self, key: K, value: V) -> None:
        if key not in self._values:
            self._seq_of[key] = self._next_seq
            self._seqs.append(self._next_seq)
            self._keys.append(key)
            self._next_seq += 1
        self._values[key] = value

    def __delitem__(self, key: K) -> None:
        del self._values[key]
        self._keys[bisect_left(self._seqs, self._seq_of.pop(key))] = None
        if len(self._keys) > 2 * len(self._values) + 16:
            self._compact()

    def __iter__(self) -> Iterator[K]:
        return iter(self._values)

    # Reads at dict speed: the Mapping mixins go through __getitem__ (and a raised KeyError for a miss).
    def __contains__(self, key: object) -> bool:
        return key in self._values

    @overload
    def get(self, key: K, /) -> V | None: ...
    @overload
    def get(self, key: K, /, default: V | T) -> V | T: ...
    def get(self, key: K, /, default: object = None) -> object:
        return self._values.get(key, default)

    def lookup(self, key: K) -> V | None:
        """The value, or None (the graph's lookups: `get` without a default)."""
        return self._values.get(key)

    def copy(self) -> PagedDict[K, V]:
        """A mapping of its own with the same values (shared, not copied) and the same paging positions: O(n)."""
        twin = type(self).__new__(type(self))
        twin.__dict__.update(self.__dict__)
        twin._values, twin._seq_of = dict(self._values), dict(self._seq_of)
        twin._seqs, twin._keys = list(self._seqs), list(self._keys)
        return twin

    def keys(self) -> KeysView[K]:
        return self._values.keys()

    def values(self) -> ValuesView[V]:
        return self._values.values()

    def items(self) -> ItemsView[K, V]:
        return self._values.items()

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._values!r})"

    def page(
        self, position: str | None, limit: int, keep: Callable[[V], bool] | None = None
    ) -> tuple[list[V], str | None]:
        """Up to `limit` values from `position` on (the start when None), and the next page's token or None;
        with `keep`, only the values it keeps count (a filtered listing, paged the same way)."""
        index = bisect_left(self._seqs, _decode(position)) if position else 0
        found: list[V] = []
        while index < len(self._keys) and len(found) < limit:
            key = self._keys[index]
            if key is not None and (keep is None or keep(self._values[key])):
                found.append(self._values[key])
            index += 1
        while index < len(self._keys) and self._keys[index] is None:
            index += 1
        return found, _encode(self._seqs[index]) if index < len(self._keys) else None

    def _compact(self) -> None:
        live = [(seq, key) for seq, key in zip(self._seqs, self._keys, strict=True) if key is not None]
        self._seqs = [seq for seq, _ in live]
        self._keys = [key for _, key in live]


# Tokens are opaque to callers; they carry the sequence number of the first item of the page.
_PREFIX = "p"


def _encode(seq: int) -> str:
    return f"{_PREFIX}{seq:x}"


def _decode(position: str) -> int:
    try:
        if position.startswith(_PREFIX):
            return int(position[len(_PREFIX) :], 16)
    except ValueError:
        pass
    # spec §7 has no recorded text for a bad token [UNK]; a BadRequest naming the parameter.
    raise BadRequestException("Invalid position parameter")


DEFAULT_LIMIT = 25
MAX_LIMIT = 500


def page_size(limit: int | None) -> int:
    """The page size for a `limit` query member: 25 by default, at most 500 (MODEL doc; larger values are capped,
    smaller than 1 read as 1: AWS's reply to out-of-range limits is unrecorded [UNK])."""
    return DEFAULT_LIMIT if limit is None else min(max(limit, 1), MAX_LIMIT)
