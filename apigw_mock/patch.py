"""The one patch engine: JSON-patch-like operations applied atomically to any domain model.

Contract: `apply_patch(node, operations, context=None)` returns a *new* node with every operation applied in order
(each sees the previous one's effect), or raises an `ApiGatewayError` and leaves `node` untouched. It works on a
plain-data working document keyed by alias (`dump_shallow(node)`: nested models as dicts, lists and maps shared with
the node) and re-validates the whole node at the end; nothing is skipped. Rules therefore edit copy-on-write: they
replace a value in the document, and never change a list or map they found there in place.

Each model declares its patchable surface as data, next to its fields: `PATCHABLE = PatchRules({...}, family)`,
path pattern -> rule. A pattern is a JSON-pointer-like path whose `{key}` segment stands for one map key or set
element, decoded from the request path (`~1` -> `/`, then `~0` -> `~`). Anything that does not match a pattern
segment-for-segment (a bare map path, an unescaped `/` inside a key) is an unknown path. A pattern may carry
several `{key}` segments, and at most one `{key+}`: one or more segments taken greedily and kept as sent (joined by
`/`, not decoded), for keys that may themselves hold unescaped slashes (a stage's method settings,
`/{resource path}/{verb}/logging/loglevel`, split from the right). The order of checks is the spec's §4.1.1:
missing path, unknown path, op not allowed on the path, missing entry, null value, value check.
The `op` enum itself is checked earlier, by protocol validation.

Rule kinds: `Field`, `MapEntry`, `SetEntry` (one value, declaratively), `Copy` (the `copy` op: the value at the
operation's `from` path, e.g. a canary's deployment promoted to the stage), `Keyed` (a value beneath an entry
addressed by all the path's keys), `Custom` (an escape hatch), and `ByOp` (one path, one rule per op, e.g.
`replace` and `copy` on `/deploymentId`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Generic, NamedTuple, cast, overload

import msgspec
from typing_extensions import TypeVar

from apigw_mock.dump import dump_shallow, refusal
from apigw_mock.exceptions import ApiGatewayError, BadRequestException, NotFoundException

Parse = Callable[[str | None], Any]  # wire string -> stored value; raises ApiGatewayError when invalid
Check = Callable[[Any, "str | None", Any], "str | None"]  # (value, key, context) -> BadRequest reason or None
C = TypeVar("C", default=Any)  # a table's context type (`PatchRules[StageContext]`); untyped tables take Any
Finish = Callable[[dict[str, Any], C], None]  # (working document, context) -> None; edits in place or raises
M = TypeVar("M", bound=msgspec.Struct)
PatchOperations = Sequence[Mapping[str, Any]]  # `patchOperations` as parsed off the wire


# made once per op on every Update: a Struct (slots, C-level init), not frozen, keeps that cheap
class PatchOperation(msgspec.Struct):
    """One entry of `patchOperations` (all values are strings on the wire, or absent)."""

    op: str
    path: str | None
    value: str | None = None
    from_: str | None = None


# ---- value parsers -------------------------------------------------------------------------------------------


def text(value: str | None) -> str | None:
    """Strings are stored as sent."""
    return value


def boolean(value: str | None) -> bool:
    """Java `Boolean.parseBoolean`: `"true"` in any case is true, anything else (even missing) false."""
    return value is not None and value.lower() == "true"


def one_of(values: Collection[str], message: str) -> Parse:
    """One of an enum's values; anything else is a BadRequest with `message`."""

    def parse(value: str | None) -> str:
        if value is None or value not in values:
            raise BadRequestException(message.format(value=value))
        return value

    return parse


# ---- rules ---------------------------------------------------------------------------------------------------


class Field(msgspec.Struct, frozen=True):
    """A scalar at a fixed path (`/selectionPattern`, `/tlsConfig/insecureSkipVerification`)."""

    ops: frozenset[str] = frozenset({"replace"})
    parse: Parse = text
    check: Check | None = None

    def apply(self, container: dict[str, Any], name: str, op: PatchOperation, key: str | None, context: Any) -> None:
        if op.op == "remove":
            container[name] = None
            return
        value = self.parse(op.value)
        _check(self.check, value, None, context)
        container[name] = value


class MapEntry(msgspec.Struct, frozen=True):
    """One entry of a map, addressed by its key (`/responseTemplates/application~1json`).

    `missing` is the NotFound text for replace/remove of an absent key; `null_error` (when set) rejects a null
    value on add/replace, and also an empty one if `reject_empty`. A map emptied by `remove` disappears.
    """

    missing: str
    ops: frozenset[str] = frozenset({"add", "replace", "remove"})
    parse: Parse = text
    check: Check | None = None
    null_error: str | None = None
    reject_empty: bool = False
    empty_value: Any = None  # what an empty string is stored as (templates: None, like PUT)
    replace_adds: bool = False  # `replace` of an absent key adds it (stage variables) instead of NotFound

    def apply(self, container: dict[str, Any], name: str, op: PatchOperation, key: str | None, context: Any) -> None:
        key = key or ""
        entries = dict(container.get(name) or {})
        if (op.op == "remove" or (op.op == "replace" and not self.replace_adds)) and key not in entries:
            raise NotFoundException(self.missing)
        if op.op == "remove":
            del entries[key]
            container[name] = entries or None
            return
        if self.null_error and (op.value is None or (self.reject_empty and op.value == "")):
            raise BadRequestException(self.null_error)
        value = self.empty_value if op.value == "" else self.parse(op.value)
        _check(self.check, value, key, context)
        entries[key] = value
        container[name] = entries


class SetEntry(msgspec.Struct, frozen=True):
    """One element of a set-like list, taken from the path (`/binaryMediaTypes/image~1png`); the value is ignored
    except by `replace`, which removes the path's element and appends the value (spec §3.1, recorded).
    Declared on a bare path (no `{key}`), the element is the value instead (`add /authorizationScopes` `scope`)."""

    ops: frozenset[str] = frozenset({"add", "replace", "remove"})
    check: Check | None = None
    keep_empty: bool = False  # `cacheKeyParameters` stays `[]`; `binaryMediaTypes` disappears

    def apply(self, container: dict[str, Any], name: str, op: PatchOperation, key: str | None, context: Any) -> None:
        element = op.value or "" if key is None else key
        items = [item for item in container.get(name) or [] if item != element]
        if op.op == "add":
            _check(self.check, element, element, context)
            items.append(element)
        elif op.op == "replace":
            _check(self.check, op.value, element, context)
            items.append(op.value or "")
        container[name] = items if items or self.keep_empty else None


class Custom(msgspec.Struct, frozen=True):
    """An escape hatch for paths whose effect reaches beyond one value (e.g. endpoint types switching the IP
    address type). `apply(doc, op, key, context)` edits the working document in place (replacing its values,
    never editing a list or map it found there) or raises."""

    apply_to: Callable[[dict[str, Any], PatchOperation, str | None, Any], None]
    ops: frozenset[str] = frozenset({"replace"})
    unsupported_op: str | None = None  # the path's own text for a disallowed op, where AWS has one (sic texts)


class Copy(msgspec.Struct, frozen=True):
    """The `copy` op: the value found at `from` (which must be `source`, a fixed path) is stored at the rule's
    path, after `check` (`copy from=/canarySettings/deploymentId path=/deploymentId`: a canary's promotion).
    A `from` other than `source` is an unknown path (AWS's text unrecorded [UNK]); so is a `from` naming no value,
    unless `optional`, when the operation changes nothing."""

    source: str
    check: Check | None = None
    optional: bool = False
    ops: frozenset[str] = frozenset({"copy"})

    def read(self, doc: Mapping[str, Any], op: PatchOperation, messages: Messages) -> Any:
        """The value at the operation's `from`, or the family's unknown-path error."""
        if op.from_ != self.source:
            raise messages.unknown_path(op.op, op.from_ or "null")
        value: Any = doc
        for name in self.source.split("/")[1:]:
            value = (
                value.get(name)
                if isinstance(value, Mapping)
                else dump_shallow(value).get(name)
                if isinstance(value, msgspec.Struct)
                else None
            )
        if value is None and not self.optional:
            raise messages.unknown_path(op.op, self.source)
        return value

    def apply(self, container: dict[str, Any], name: str, op: PatchOperation, value: Any, context: Any) -> None:
        _check(self.check, value, None, context)
        container[name] = value


class Keyed(msgspec.Struct, frozen=True):
    """A value beneath an entry addressed by all the path's keys (`/{key+}/{key}/metrics/enabled`: resource path
    and verb). `accepts(keys)`, when given, decides whether the path matches at all (a refused path is unknown, and
    later patterns are tried). `apply_to(doc, op, keys, context)` edits the document by replacing values, or raises."""

    apply_to: Callable[[dict[str, Any], PatchOperation, tuple[str, ...], Any], None]
    ops: frozenset[str] = frozenset({"replace"})
    accepts: Callable[[tuple[str, ...]], bool] | None = None


class ByOp(msgspec.Struct, frozen=True):
    """Several rules on one path, chosen by the operation's op (the first whose `ops` holds it)."""

    rules: tuple[Field | MapEntry | SetEntry | Copy | Keyed | Custom, ...]

    @property
    def ops(self) -> frozenset[str]:
        return frozenset().union(*(rule.ops for rule in self.rules))

    def pick(self, op: str) -> Field | MapEntry | SetEntry | Copy | Keyed | Custom:
        return next(rule for rule in self.rules if op in rule.ops)


Rule = Field | MapEntry | SetEntry | Copy | Keyed | Custom | ByOp


# ---- message families (spec §4.1 table) -----------------------------------------------------------------------


class Messages:
    """UpdateRestApi/Method/MethodResponse/Integration/IntegrationResponse wording."""

    def unknown_path(self, op: str, path: str) -> ApiGatewayError:
        return BadRequestException(f"Invalid patch path {path}")

    def bad_op(self, op: str, path: str, allowed: frozenset[str]) -> ApiGatewayError:
        return BadRequestException(f"Invalid patch operation specified. Must be one of: [{_ops(allowed)}]")

    def op_precedes_path(self, op: str, path: str) -> ApiGatewayError | None:
        return None


class PathOnlyMessages(Messages):
    """UpdateGatewayResponse: an op a known path does not support reads as an invalid path."""

    def bad_op(self, op: str, path: str, allowed: frozenset[str]) -> ApiGatewayError:
        return self.unknown_path(op, path)


class ResourceMessages(Messages):
    """UpdateResource/UpdateModel: `Invalid patch path  '<path>' specified for op '<op>'. ...` (two spaces, sic)."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = ", ".join(paths)

    def unknown_path(self, op: str, path: str) -> ApiGatewayError:
        return BadRequestException(
            f"Invalid patch path  '{path}' specified for op '{op}'. Must be one of: [{self.paths}]"
        )

    def op_precedes_path(self, op: str, path: str) -> ApiGatewayError | None:
        if op == "replace":
            return None
        return BadRequestException(
            f"Invalid patch path  '{path}' specified for op '{op}'. Please choose supported operations"
        )


STANDARD = Messages()
_OP_ORDER = ("add", "remove", "replace", "move", "copy", "test")


def _ops(allowed: frozenset[str]) -> str:
    return ", ".join(op for op in _OP_ORDER if op in allowed)


# ---- the table and the engine ---------------------------------------------------------------------------------


_Indexed = tuple[int, tuple[str, ...], "_Found"]  # (declaration order, pattern, match without the key)


class _Found(NamedTuple):
    """What a request path matched: the names leading to the value's container, the value's name, the rule, the
    decoded last `{key}` (None when the pattern has none) and all the keys in path order."""

    parents: tuple[str, ...]
    name: str
    rule: Rule
    key: str | None = None
    keys: tuple[str, ...] = ()


_KEYS = frozenset({"{key}", "{key+}"})  # the key placeholders of a pattern
_MATCHES_KEPT = 1024  # paths whose match a table remembers


class PatchRules(Generic[C]):
    """A model's patchable surface: path pattern -> rule, plus the operation's message family. Generic in the
    context its rules read (design-review §2.6): `apply_patch(node, ops, rules=Stage.PATCHABLE, context=...)` is
    then type-checked; a bare `PatchRules` takes any context.

    `finish(doc, context)`, when given, runs once after every operation, before re-validation: the place for
    rules that need the whole patched node (cross-field checks, derived fields).
    """

    def __init__(
        self, rules: Mapping[str, Rule], messages: Messages = STANDARD, finish: Finish[C] | None = None
    ) -> None:
        self.messages = messages
        self.finish = finish
        self.patterns = tuple(rules)
        # An index, so a path finds its rule without testing every pattern: fixed patterns by the whole path,
        # patterns whose only `{key}` is the last segment by the path before it; any other shape is scanned.
        # Each entry keeps its declaration order, and the first declared pattern that fits wins, as in a scan.
        self._fixed: dict[str, _Indexed] = {}
        self._keyed: dict[str, _Indexed] = {}
        self._scanned: list[_Indexed] = []
        # Tests send the same few paths over and over: remember what each matched (bounded, so it cannot grow
        # without limit when keys vary).
        self._matches: dict[str, _Found | None] = {}
        for order, (path, rule) in enumerate(rules.items()):
            pattern = tuple(path.split("/")[1:])
            names = tuple(p for p in pattern if p not in _KEYS)
            entry = (order, pattern, _Found(names[:-1], names[-1] if names else "", rule))
            keys = sum(p in _KEYS for p in pattern)
            if keys == 0:
                self._fixed.setdefault("".join(f"/{p}" for p in pattern), entry)
            elif keys == 1 and pattern[-1] == "{key}":
                self._keyed.setdefault("".join(f"/{p}" for p in pattern[:-1]), entry)
            else:
                self._scanned.append(entry)

    def match(self, path: str) -> _Found | None:
        """What a request path matches, or None when no pattern fits."""
        try:
            return self._matches[path]
        except KeyError:
            pass
        if len(self._matches) >= _MATCHES_KEPT:
            self._matches.clear()
        found = self._matches[path] = self._match(path)
        return found

    def _match(self, path: str) -> _Found | None:
        if not path.startswith("/"):
            return None
        head, _, last = path.rpartition("/")
        keys: tuple[str, ...] = ()
        best = self._fixed.get(path)
        keyed = self._keyed.get(head)
        if keyed is not None and (best is None or keyed[0] < best[0]):
            best, keys = keyed, (decode_pointer(last),)
        for entry in self._scanned:  # in declaration order: stop at the first fit, or once past `best`
            if best is not None and best[0] < entry[0]:
                break
            fit = _scan(entry[1], path)
            rule = entry[2].rule
            if fit is not None and (not isinstance(rule, Keyed) or rule.accepts is None or rule.accepts(fit)):
                best, keys = entry, fit
                break
        return None if best is None else best[2]._replace(key=keys[-1] if keys else None, keys=keys)

    def apply(self, doc: dict[str, Any], op: PatchOperation, context: C) -> None:
        """Apply one operation to the working document, or raise the operation's own error."""
        if op.path is None:
            raise BadRequestException("Invalid patch path null")
        early = self.messages.op_precedes_path(op.op, op.path)
        if early is not None:
            raise early
        found = self.match(op.path)
        if found is None:
            raise self.messages.unknown_path(op.op, op.path)
        parents, name, rule, key, keys = found
        if op.op not in rule.ops:
            if isinstance(rule, Custom) and rule.unsupported_op:
                raise BadRequestException(rule.unsupported_op)
            raise self.messages.bad_op(op.op, op.path, rule.ops)
        # Exact types: the rule classes have no subclasses (tests/test_patch.py checks), and an isinstance miss
        # on a msgspec Struct class costs four times a plain one (its metaclass is asked).
        if type(rule) is ByOp:
            rule = rule.pick(op.op)
        if type(rule) is Custom:
            rule.apply_to(doc, op, key, context)
            return
        if type(rule) is Keyed:
            rule.apply_to(doc, op, keys, context)
            return
        argument: Any = key
        if type(rule) is Copy:
            argument = rule.read(doc, op, self.messages)
            if argument is None:
                return  # an optional source that holds nothing
        container = doc
        for parent in parents:
            container[parent] = dict(container.get(parent) or {})
            container = container[parent]
        cast("Field | MapEntry | SetEntry | Copy", rule).apply(container, name, op, argument, context)


def _scan(pattern: tuple[str, ...], path: str) -> tuple[str, ...] | None:
    """The keys (in path order) when `path` fits `pattern`, else None. `{key}` is one segment, decoded; `{key+}`
    is one or more segments, as sent; the segments after it are matched from the right."""
    segments = path.split("/")[1:]
    if "{key+}" in pattern:
        at = pattern.index("{key+}")
        after = len(pattern) - at - 1
        if len(segments) < len(pattern):
            return None
        middle = "/".join(segments[at : len(segments) - after])
        segments = [*segments[:at], middle, *segments[len(segments) - after :]]
    if len(pattern) != len(segments):
        return None
    keys: list[str] = []
    for expected, actual in zip(pattern, segments, strict=True):
        if expected == "{key}":
            keys.append(decode_pointer(actual))
        elif expected == "{key+}":
            keys.append(actual)
        elif expected != actual:
            return None
    return tuple(keys)


def decode_pointer(segment: str) -> str:
    """RFC 6901 unescaping of one path segment: `~1` -> `/` first, then `~0` -> `~`."""
    return segment.replace("~1", "/").replace("~0", "~")


@overload
def apply_patch(node: M, operations: PatchOperations, *, rules: PatchRules[C], context: C) -> M: ...
@overload
def apply_patch(node: M, operations: PatchOperations, *, context: Any = None) -> M: ...
def apply_patch(
    node: M, operations: PatchOperations, *, rules: PatchRules[Any] | None = None, context: Any = None
) -> M:
    """A new `node` with `operations` applied in order, all or nothing (see the module docstring). With `rules`,
    the context is checked against the table's context type; without, the node's own `PATCHABLE` is used."""
    table: PatchRules[Any] = rules or node.PATCHABLE  # type: ignore[attr-defined]
    doc = dump_shallow(node)
    for raw in operations:
        table.apply(doc, PatchOperation(raw.get("op", ""), raw.get("path"), raw.get("value"), raw.get("from")), context)
    if table.finish is not None:
        table.finish(doc, context)
    try:
        return msgspec.convert(doc, type(node), strict=False)
    except msgspec.ValidationError as error:
        reason, where = refusal(error)
        raise BadRequestException(f"Invalid value for {where}: {reason}") from None


def _check(check: Check | None, value: Any, key: str | None, context: Any) -> None:
    if check is not None:
        reason = check(value, key, context)
        if reason is not None:
            raise BadRequestException(reason)
