"""A REST API's resource policy as AWS keeps it: the one owner of its stored form.

Contract:
- `stored(text)` is what CreateRestApi, UpdateRestApi (`/policy`) and an OpenAPI import keep and what every reply
  shows: the document's JSON text (minified when it is JSON) escaped once more, `"` as `\\"` and `/` as `\\/`
  [INF: the Terraform provider reads GetRestApi's `policy` by JSON-decoding it as the body of a string, and notes
  the escaped slashes of CIDR blocks; a policy sent back unescaped made it fail with "invalid character 'S' after
  top-level value" (found running it against server mode)]. Text that is not JSON is escaped as it is [UNK].
- `document(stored)` is the policy's own text again, for the readers of the document (the data plane's resource
  policy guard, the OpenAPI export).
"""

from __future__ import annotations

import contextlib
import json


def stored(text: str | None) -> str | None:
    """The stored (and answered) form of a policy sent as `text`."""
    if text is None:
        return None
    with contextlib.suppress(ValueError):  # not JSON: escaped as it is
        text = json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=False)
    return json.dumps(text, ensure_ascii=False)[1:-1].replace("/", "\\/")


def document(kept: str) -> str:
    """The policy's own text from its stored form (a text that is not one is returned as it is)."""
    try:
        decoded = json.loads(f'"{kept}"')
    except ValueError:
        return kept
    return decoded if isinstance(decoded, str) else kept
