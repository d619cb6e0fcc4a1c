"""Value rules that serve Create/Put and Update alike: one rule, one AWS text, two entry points.

`check(value)` raises on a typed value (what Create/Put received, already parsed off the wire); `parse(text)` turns
a patch operation's string value into the stored value, raising the same error (what an Update's `PATCHABLE`
table uses as a `patch.Field(parse=...)`).
"""

from __future__ import annotations

import msgspec

from apigw_mock.exceptions import BadRequestException


class IntRange(msgspec.Struct, frozen=True):
    """An integer in [minimum, maximum], else BadRequest `message`; `empty_unsets`: an empty patch value unsets."""

    minimum: int
    maximum: int
    message: str
    empty_unsets: bool = False

    def check(self, value: int | None) -> None:
        if value is not None and not self.minimum <= value <= self.maximum:
            raise BadRequestException(self.message)

    def parse(self, text: str | None) -> int | None:
        if self.empty_unsets and not text:
            return None
        try:
            number = int(text or "")
        except ValueError:
            raise BadRequestException(self.message) from None
        self.check(number)
        return number
