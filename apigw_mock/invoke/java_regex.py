"""Java regular expressions (`java.util.regex`) on Python's `re`, for selection patterns and VTL string methods.

Contract (spec §10.1: selection patterns are Java regexes matched against the whole input; §9.1: templates call
Java's `String.replaceAll`/`matches`/`split`):
- `compile(pattern)` translates Java syntax to Python's and compiles once (cached by pattern text). Flags follow
  Java's defaults: `\\d \\w \\s \\b` and case-insensitivity are ASCII-only (`re.ASCII`), `.` excludes every Java
  line terminator (`\\n \\r \\u0085 \\u2028 \\u2029`), `$` matches at the end or before a final terminator.
- Translated: `\\Q...\\E`, `\\z`, `\\Z`, `\\h \\H \\v \\V \\R`, `\\e`, `\\cX`, `\\0oct`, `\\x{h..h}`,
  POSIX `\\p{Lower}` ... `\\p{Space}` (and `\\P{..}` outside classes), named groups `(?<name>..)` and
  `\\k<name>`. Possessive quantifiers and atomic groups are native in Python 3.11+.
- Not supported (raise `UnsupportedJavaRegex`, a mock limitation that reaches the test): class intersections
  `[a-z&&[^e]]`, nested class unions `[a[b]]`, Unicode properties/scripts (`\\p{L}`, `\\p{IsLatin}`), `\\G`, `\\X`,
  `\\H \\V \\R` inside a class.
- Java syntax errors raise `InvalidJavaRegex` (a `ValueError`); so do the few valid Java patterns Python's `re`
  rejects after translation (a mid-pattern `(?i)`). What AWS does with them at runtime is the caller's call.
- `replace(pattern, replacement, text, count=0)` is `replaceAll`/`replaceFirst` (replacement `$1`, `${name}`, `\\$`);
  `split(pattern, text, limit=0)` is `String.split` (trailing empty strings dropped when limit is 0).
"""

from __future__ import annotations

import re
from functools import lru_cache

_LINE_TERMINATORS = "\\n\\r\\x85\\u2028\\u2029"
_DOT = f"[^{_LINE_TERMINATORS}]"
_DOLLAR = f"(?=(?:\\r\\n|[{_LINE_TERMINATORS}])?\\Z)"
_HORIZONTAL_SPACE = " \\t\\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000"
_VERTICAL_SPACE = "\\n\\x0b\\f\\r\\x85\\u2028\\u2029"
_OUTSIDE_CLASS = {
    "h": f"[{_HORIZONTAL_SPACE}]",
    "H": f"[^{_HORIZONTAL_SPACE}]",
    "v": f"[{_VERTICAL_SPACE}]",
    "V": f"[^{_VERTICAL_SPACE}]",
    "R": f"(?:\\r\\n|[{_VERTICAL_SPACE}])",
}
_INSIDE_CLASS = {"h": _HORIZONTAL_SPACE, "v": _VERTICAL_SPACE}
_POSIX = {
    "Lower": "a-z",
    "Upper": "A-Z",
    "ASCII": "\\x00-\\x7f",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Alnum": "a-zA-Z0-9",
    "Punct": "!-/:-@\\[-`{-~",
    "Graph": "!-~",
    "Print": " -~",
    "Blank": " \\t",
    "Cntrl": "\\x00-\\x1f\\x7f",
    "XDigit": "0-9a-fA-F",
    "Space": " \\t\\n\\x0b\\f\\r",
}
_QUANTIFIER_BODY = re.compile(r"\d+(?:,\d*)?\}")
_PASS_THROUGH_ESCAPES = set("AbBdDsSwWtnrfau0123456789")
_UNSUPPORTED_ESCAPES = set("GX")


class InvalidJavaRegex(ValueError):
    """The pattern is not a valid Java regex (or not one Python can run as translated)."""


class UnsupportedJavaRegex(InvalidJavaRegex):
    """Valid Java syntax that the mock cannot translate; the message names the construct."""


@lru_cache(maxsize=4096)
def compile(pattern: str) -> re.Pattern[str]:
    """The Java regex `pattern` as a compiled Python regex (cached)."""
    translated = translate(pattern)
    try:
        return re.compile(translated, re.ASCII)
    except re.error as error:
        raise InvalidJavaRegex(f"{pattern!r}: {error}") from error


def full_match(pattern: str, text: str) -> bool:
    """Java's `text.matches(pattern)`: the whole input must match."""
    return compile(pattern).fullmatch(text) is not None


def translate(pattern: str) -> str:
    """Java regex syntax -> Python regex syntax (see the module contract for what is and is not covered)."""
    return _Translator(pattern).run()


class _Translator:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.pos = 0
        self.in_class = False
        self.out: list[str] = []
        self.dotall = re.search(r"\(\?[a-zA-Z]*s", pattern) is not None

    def run(self) -> str:
        while self.pos < len(self.pattern):
            self.step()
        return "".join(self.out)

    def step(self) -> None:
        char = self.pattern[self.pos]
        if char == "\\":
            self.escape()
            return
        self.pos += 1
        if self.in_class:
            self.class_char(char)
        elif char == "[":
            self.in_class = True
            self.out.append("[")
            if self.pattern.startswith("^", self.pos):
                self.out.append("^")
                self.pos += 1
        elif char == "." and not self.dotall:
            self.out.append(_DOT)
        elif char == "$":
            self.out.append(_DOLLAR)
        elif char == "{" and not _QUANTIFIER_BODY.match(self.pattern, self.pos):
            raise InvalidJavaRegex(f"{self.pattern!r}: illegal repetition")
        elif char == "(" and self._named_group():
            self.out.append("(?P<")
            self.pos += 2
        else:
            self.out.append(char)

    def _named_group(self) -> bool:
        return self.pattern.startswith("?<", self.pos) and self.pattern[self.pos + 2 : self.pos + 3].isalpha()

    def class_char(self, char: str) -> None:
        if char == "]":
            self.in_class = False
        elif char == "[":
            raise UnsupportedJavaRegex(f"{self.pattern!r}: nested character class unions are not supported")
        elif char == "&" and self.pattern.startswith("&", self.pos):
            raise UnsupportedJavaRegex(f"{self.pattern!r}: character class intersections (&&) are not supported")
        self.out.append(char)

    def escape(self) -> None:
        if self.pos + 1 >= len(self.pattern):
            raise InvalidJavaRegex(f"{self.pattern!r}: unexpected end after \\")
        letter = self.pattern[self.pos + 1]
        self.pos += 2
        if letter == "Q":
            self.quoted()
        elif letter in "pP":
            self.property(negated=letter == "P")
        elif letter in _UNSUPPORTED_ESCAPES:
            raise UnsupportedJavaRegex(f"{self.pattern!r}: \\{letter} is not supported")
        elif letter == "0":
            self.out.append(self.octal())
        else:
            self.out.append(self.simple_escape(letter))

    def simple_escape(self, letter: str) -> str:
        if letter in _OUTSIDE_CLASS:
            return self.space_class(letter)
        if letter == "Z" and not self.in_class:
            return _DOLLAR
        if letter in "ze":
            return {"z": "\\Z", "e": "\\x1b"}[letter]
        if letter == "c":
            return self.control()
        if letter == "x" and self.pattern.startswith("{", self.pos):
            return self.hex_code_point()
        if letter == "k" and self.pattern.startswith("<", self.pos):
            end = self.pattern.index(">", self.pos)
            name, self.pos = self.pattern[self.pos + 1 : end], end + 1
            return f"(?P={name})"
        if letter in _PASS_THROUGH_ESCAPES or letter == "x" or not letter.isalnum():
            return "\\" + letter
        raise InvalidJavaRegex(f"{self.pattern!r}: illegal escape \\{letter}")

    def space_class(self, letter: str) -> str:
        if not self.in_class:
            return _OUTSIDE_CLASS[letter]
        if letter not in _INSIDE_CLASS:
            raise UnsupportedJavaRegex(f"{self.pattern!r}: \\{letter} inside a character class is not supported")
        return _INSIDE_CLASS[letter]

    def quoted(self) -> None:
        end = self.pattern.find("\\E", self.pos)
        end = len(self.pattern) if end < 0 else end
        literal = self.pattern[self.pos : end]
        self.out.append("".join(re.escape(char) for char in literal))
        self.pos = min(end + 2, len(self.pattern))

    def property(self, *, negated: bool) -> None:
        match = re.match(r"\{(\w+)\}|(\w)", self.pattern[self.pos :])
        name = (match.group(1) or match.group(2)) if match else ""
        ranges = _POSIX.get(name.removeprefix("Is"))
        if match is None or ranges is None or (negated and self.in_class):
            raise UnsupportedJavaRegex(f"{self.pattern!r}: \\{'P' if negated else 'p'}{{{name}}} is not supported")
        self.pos += match.end()
        self.out.append(ranges if self.in_class else f"[{'^' if negated else ''}{ranges}]")

    def octal(self) -> str:
        digits = re.match(r"[0-3][0-7]{2}|[0-7]{1,2}", self.pattern[self.pos :])
        if digits is None:
            raise InvalidJavaRegex(f"{self.pattern!r}: illegal octal escape")
        self.pos += digits.end()
        return f"\\x{int(digits.group(), 8):02x}"

    def control(self) -> str:
        if self.pos >= len(self.pattern):
            raise InvalidJavaRegex(f"{self.pattern!r}: illegal control escape")
        self.pos += 1
        return re.escape(chr(ord(self.pattern[self.pos - 1]) ^ 64))

    def hex_code_point(self) -> str:
        end = self.pattern.find("}", self.pos)
        if end < 0:
            raise InvalidJavaRegex(f"{self.pattern!r}: unclosed \\x{{")
        code, self.pos = self.pattern[self.pos + 1 : end], end + 1
        try:
            return re.escape(chr(int(code, 16)))
        except ValueError as error:
            raise InvalidJavaRegex(f"{self.pattern!r}: bad code point \\x{{{code}}}") from error


def replace(pattern: str, replacement: str, text: str, *, count: int = 0) -> str:
    """Java's `replaceAll` (count 0) / `replaceFirst` (count 1), with Java's replacement syntax."""
    regex = compile(pattern)
    return regex.sub(lambda match: _expand(replacement, match), text, count=count)


def _expand(replacement: str, match: re.Match[str]) -> str:
    out: list[str] = []
    pos = 0
    while pos < len(replacement):
        char = replacement[pos]
        if char == "\\" and pos + 1 < len(replacement):
            out.append(replacement[pos + 1])
            pos += 2
        elif char == "$":
            value, pos = _group_reference(replacement, pos + 1, match)
            out.append(value)
        elif char == "\\":
            raise InvalidJavaRegex("character to be escaped is missing")
        else:
            out.append(char)
            pos += 1
    return "".join(out)


def _group_reference(replacement: str, pos: int, match: re.Match[str]) -> tuple[str, int]:
    named = re.match(r"\{([A-Za-z][A-Za-z0-9]*)\}", replacement[pos:])
    if named:
        return match.group(named.group(1)) or "", pos + named.end()
    if pos >= len(replacement) or not replacement[pos].isdigit():
        raise InvalidJavaRegex("Illegal group reference")
    number, pos = int(replacement[pos]), pos + 1
    while (
        pos < len(replacement)
        and replacement[pos].isdigit()
        and number * 10 + int(replacement[pos]) <= (match.re.groups)
    ):
        number, pos = number * 10 + int(replacement[pos]), pos + 1
    if number > match.re.groups:
        raise InvalidJavaRegex(f"No group {number}")
    return match.group(number) or "", pos


def split(pattern: str, text: str, limit: int = 0) -> list[str]:
    """Java's `String.split(regex, limit)`: no capture groups in the result; limit 0 drops trailing empties."""
    if text == "":
        return [""]
    parts: list[str] = []
    start = 0
    for match in compile(pattern).finditer(text):
        if 0 < limit <= len(parts) + 1:
            break
        if match.end() == 0:
            continue  # a zero-width match at the beginning never yields a leading empty string (Java 8+)
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    if limit == 0:
        while len(parts) > 1 and parts[-1] == "":
            parts.pop()
        if parts == [""] and text:
            return []
    return parts
