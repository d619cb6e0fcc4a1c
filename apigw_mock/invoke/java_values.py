"""Plain Python values dressed as the Java objects AWS's Velocity templates see (spec §9.1).

Contract:
- `to_vtl(value)` deep-converts JSON-like data (str, list, dict, numbers, bools, None) into `JavaString`,
  `JavaList` and `JavaMap`, whose Java methods (`length()`, `size()`, `replaceAll(..)`, `keySet()`, ...) the
  template engine finds by attribute lookup. Methods return converted values, so calls chain
  (`$input.path('$.a').toLowerCase().length()`).
- Rendering follows Java's `toString`: maps as `{k=v, k2=v2}`, lists as `[a, b]`, `true`/`false`, `null`.
- `NullPrintingMap`: a map templates read entries of but that itself renders as null (`""`), as
  `$context.authorizer.claims` does beside `$context.authorizer.claims.email` (spec §9.4).
- `to_plain(value)` undoes the conversion (the wrappers are `str`/`list`/`dict` subclasses, so this is only
  needed where exact types matter, e.g. `json.dumps` of nested values works either way).
- Regex arguments (`replaceAll`, `replaceFirst`, `matches`, `split`) are Java regexes, translated by `java_regex`.
Values created by the template itself (string literals, `{}`/`[]` literals) are the engine's plain types; they get
only the engine's own small method table (airspeed-ext: `length`, `replaceAll`, `contains`, `substring`, ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from apigw_mock.invoke import java_regex


def to_vtl(value: Any) -> Any:
    """JSON-like data -> the Java-flavoured wrappers (already wrapped values are returned as they are)."""
    kind = type(value)  # exact-type fast paths first: this runs for every value of every request's $context
    if kind is str:
        return JavaString(value)
    if kind in _AS_IS:
        return value
    if kind is dict:
        return JavaMap({key: to_vtl(item) for key, item in value.items()})
    if isinstance(value, JavaString | JavaList | JavaMap) or value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return JavaString(value)
    if isinstance(value, Mapping):
        return JavaMap({key: to_vtl(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return JavaList(to_vtl(item) for item in value)
    return value


_AS_IS: frozenset[type] = frozenset({type(None), bool, int, float})


def to_plain(value: Any) -> Any:
    """The wrappers -> plain `str`/`list`/`dict` (deep)."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, Mapping):
        return {str(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    return value


def java_str(value: Any) -> str:
    """Java's `String.valueOf`: `null`, `true`/`false`, containers via their `toString`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{java_str(key)}={java_str(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(java_str(item) for item in value) + "]"
    return str(value)


class JavaString(str):
    """A `java.lang.String` as VTL sees it."""

    __slots__ = ()

    def length(self) -> int:
        return len(self)

    def isEmpty(self) -> bool:
        return not self

    def contains(self, other: Any) -> bool:
        return str(other) in self

    def equals(self, other: Any) -> bool:
        return isinstance(other, str) and str(self) == str(other)

    def equalsIgnoreCase(self, other: Any) -> bool:
        return isinstance(other, str) and self.lower() == other.lower()

    def startsWith(self, prefix: str) -> bool:
        return self.startswith(prefix)

    def endsWith(self, suffix: str) -> bool:
        return self.endswith(suffix)

    def indexOf(self, other: str, start: int = 0) -> int:
        return self.find(other, start)

    def lastIndexOf(self, other: str) -> int:
        return self.rfind(other)

    def charAt(self, index: int) -> JavaString:
        return JavaString(self[index])

    def substring(self, begin: int, end: int | None = None) -> JavaString:
        if begin < 0 or begin > len(self) or (end is not None and not begin <= end <= len(self)):
            raise IndexError(f"substring({begin}, {end}) out of range for length {len(self)}")
        return JavaString(self[begin:end])

    def toLowerCase(self) -> JavaString:
        return JavaString(self.lower())

    def toUpperCase(self) -> JavaString:
        return JavaString(self.upper())

    def trim(self) -> JavaString:
        return JavaString(self.strip("".join(chr(code) for code in range(33))))

    def concat(self, other: str) -> JavaString:
        return JavaString(self + other)

    def toString(self) -> JavaString:
        return self

    def replace(self, old: Any, new: Any, count: int = -1) -> JavaString:  # type: ignore[override]
        return JavaString(str.replace(self, str(old), str(new), count))

    def replaceAll(self, regex: str, replacement: str) -> JavaString:
        return JavaString(java_regex.replace(regex, replacement, self))

    def replaceFirst(self, regex: str, replacement: str) -> JavaString:
        return JavaString(java_regex.replace(regex, replacement, self, count=1))

    def matches(self, regex: str) -> bool:
        return java_regex.compile(regex).fullmatch(self) is not None

    def split(self, regex: str, limit: int = 0) -> JavaList:  # type: ignore[override]
        return JavaList(JavaString(part) for part in java_regex.split(regex, self, limit))


class JavaList(list[Any]):
    """A `java.util.List` as VTL sees it."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)

    def size(self) -> int:
        return len(self)

    def count(self, *item: Any) -> int:
        """`$input.path('$.pets').count()` is documented (spec §9.2); with an argument it stays Python's."""
        return len(self) if not item else super().count(item[0])

    def isEmpty(self) -> bool:
        return not self

    def get(self, index: int) -> Any:
        return self[index]

    def contains(self, item: Any) -> bool:
        return item in self

    def add(self, item: Any) -> bool:
        self.append(item)
        return True

    def set(self, index: int, item: Any) -> Any:
        previous = self[index]
        self[index] = item
        return previous

    def indexOf(self, item: Any) -> int:
        return self.index(item) if item in self else -1

    def toString(self) -> str:
        return java_str(self)

    def __str__(self) -> str:
        return java_str(self)


class JavaMap(dict[Any, Any]):
    """A `java.util.Map` as VTL sees it (keys keep their insertion order, as AWS's JSON maps appear to)."""

    def size(self) -> int:
        return len(self)

    def isEmpty(self) -> bool:
        return not self

    def containsKey(self, key: Any) -> bool:
        return key in self

    def containsValue(self, value: Any) -> bool:
        return value in self.values()

    def keySet(self) -> JavaList:
        return JavaList(self.keys())

    def entrySet(self) -> JavaList:
        return JavaList(JavaMap(key=key, value=value) for key, value in self.items())

    def put(self, key: Any, value: Any) -> Any:
        previous = self.get(key)
        self[key] = value
        return previous

    def putAll(self, other: Mapping[Any, Any]) -> None:
        self.update(other)

    def remove(self, key: Any) -> Any:
        return self.pop(key, None)

    def toString(self) -> str:
        return java_str(self)

    def __str__(self) -> str:
        return java_str(self)


class NullPrintingMap(JavaMap):
    """A map whose entries templates read (`$x.name`, `$x['custom:y']`) but which renders as null itself."""

    def toString(self) -> str:
        return ""

    def __str__(self) -> str:
        return ""
