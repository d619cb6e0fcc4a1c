"""The data plane's direct paths agree with the general ones they stand for (hypothesis): the request id's UUID
text (`uuid4_text`), the query split (`query_pairs`), the header pairs of a `requests` request (`header_items`) and
the multi-value maps of a request (`engine.multi`, the proxy event's `aws._multi`)."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qsl

from hypothesis import given
from hypothesis import strategies as st
from requests.structures import CaseInsensitiveDict

from apigw_mock.invoke.engine import multi
from apigw_mock.invoke.integrations import aws
from apigw_mock.transport.execute_api import PORTS, header_items, query_pairs, uuid4_text


@given(st.binary(min_size=16, max_size=16))
def test_uuid4_text_is_the_uuid_modules(random_bytes: bytes) -> None:
    assert uuid4_text(random_bytes) == str(uuid.UUID(bytes=random_bytes, version=4))


def test_request_ids_are_fresh_version_4_uuids() -> None:
    first, second = PORTS.request_id(), PORTS.request_id()
    assert first != second and uuid.UUID(first).version == 4 and str(uuid.UUID(first)) == first


@given(st.text(alphabet="ab=&%+;2F0 é#?", max_size=20))
def test_query_pairs_are_parse_qsls(raw: str) -> None:
    assert query_pairs(raw) == tuple(parse_qsl(raw, keep_blank_values=True))


NAMES = st.text(alphabet="aAbB-", min_size=1, max_size=3)


@given(st.lists(st.tuples(NAMES, st.text(max_size=3)), max_size=6))
def test_header_items_are_the_mappings_items(pairs: list[tuple[str, str]]) -> None:
    headers = CaseInsensitiveDict(pairs)
    assert header_items(headers) == list(headers.items())
    assert header_items(dict(pairs)) == list(dict(pairs).items())


@given(st.lists(st.tuples(NAMES, st.text(max_size=3)), max_size=6))
def test_multi_groups_the_values_in_arrival_order(pairs: list[tuple[str, str]]) -> None:
    expected: dict[str, tuple[str, ...]] = {}
    for name, value in pairs:
        expected[name] = (*expected.get(name, ()), value)
    assert multi(tuple(pairs)) == expected
    assert list(multi(tuple(pairs))) == list(expected)
    lists = aws._multi(tuple(pairs))
    assert lists == {name: list(values) for name, values in expected.items()} and list(lists) == list(expected)
    assert all(type(values) is list for values in lists.values())
