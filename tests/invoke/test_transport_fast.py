"""The transport's direct paths agree with the library calls they stand for (hypothesis): the request id's UUID
text (`uuid4_text`) and the query split (`query_pairs`)."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qsl

from hypothesis import given
from hypothesis import strategies as st

from apigw_mock.transport.execute_api import PORTS, query_pairs, uuid4_text


@given(st.binary(min_size=16, max_size=16))
def test_uuid4_text_is_the_uuid_modules(random_bytes: bytes) -> None:
    assert uuid4_text(random_bytes) == str(uuid.UUID(bytes=random_bytes, version=4))


def test_request_ids_are_fresh_version_4_uuids() -> None:
    first, second = PORTS.request_id(), PORTS.request_id()
    assert first != second and uuid.UUID(first).version == 4 and str(uuid.UUID(first)) == first


@given(st.text(alphabet="ab=&%+;2F0 é#?", max_size=20))
def test_query_pairs_are_parse_qsls(raw: str) -> None:
    assert query_pairs(raw) == tuple(parse_qsl(raw, keep_blank_values=True))
