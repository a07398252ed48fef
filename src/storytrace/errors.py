"""Exception hierarchy. Catch :class:`StorytraceError` to catch them all.

    StorytraceError
     ├── InputError          an input cannot be read (empty, binary, truncated, too large, too deep)
     │    └── FetchError     a URL cannot be fetched (refused, timeout, blocked address, too large)
     └── ModelError          a shipped model or lexicon is missing or unreadable
"""


class StorytraceError(Exception):
    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(StorytraceError):
    code = "E100"


class FetchError(InputError):
    code = "E200"


class ModelError(StorytraceError):
    code = "E300"
