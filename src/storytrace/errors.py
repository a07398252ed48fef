"""Exception hierarchy. Catch :class:`StorytraceError` to catch them all.

    StorytraceError
     ├── InputError          an input cannot be read (empty, binary, truncated, too large, too deep)
     │    └── FetchError     a URL cannot be fetched (refused, timeout, blocked address, too large)
     └── ModelError          a shipped model or lexicon is missing or unreadable

Every error shows a code, ``[E101] empty input ...``: the class's own code (E100, E200, E300) unless the
raiser names a more precise one from :data:`CODES`. A failure record carries its source beside the
message, so messages say what went wrong and what to do, not which file.
"""

# input (E1xx)
UNREADABLE_INPUT = "E100"
EMPTY_INPUT = "E101"
BINARY_INPUT = "E102"
TOO_LARGE = "E103"
TOO_DEEP = "E104"
BROKEN_GZIP = "E105"
BROKEN_WARC = "E106"
UNSUPPORTED_FORMAT = "E107"
BAD_JSONL_LINE = "E108"
CANNOT_OPEN = "E109"
NO_PAGE_RECORDS = "E110"
# fetch (E2xx)
FETCH_FAILED = "E200"
BAD_URL = "E201"
UNRESOLVED_HOST = "E202"
PRIVATE_ADDRESS = "E203"
CANNOT_CONNECT = "E204"
FETCH_TIMEOUT = "E205"
HTTP_STATUS = "E206"
TOO_MANY_REDIRECTS = "E207"
FETCH_TOO_LARGE = "E208"

# code -> (what went wrong, what to do): the table README documents
CODES: dict[str, tuple[str, str]] = {
    "E000": ("internal error", "report it with the input that caused it"),
    UNREADABLE_INPUT: ("input cannot be read", "check the file is a news page (HTML, text, WARC, JSONL, gzip)"),
    EMPTY_INPUT: ("empty input (no bytes, or only whitespace)", "check the file was written completely"),
    BINARY_INPUT: ("binary data, not text", "give the HTML or text of the page, not an image, PDF or archive"),
    TOO_LARGE: ("page larger than the page limit", "split the input, or raise max_page_bytes"),
    TOO_DEEP: ("HTML nested deeper than the depth limit", "raise max_html_depth if the page is genuine"),
    BROKEN_GZIP: ("truncated or corrupt gzip", "download or copy the file again"),
    BROKEN_WARC: ("truncated or corrupt WARC", "download the WARC again; records before the break are kept"),
    UNSUPPORTED_FORMAT: ("unsupported format", "decompress or convert the input to HTML, text, WARC or JSONL"),
    BAD_JSONL_LINE: (
        "JSONL line without a page",
        ("give one JSON object per line with the page in 'html' (or 'HTML', 'raw_html') or 'text' (or 'content', "
         "'body', 'maintext', 'raw_content'); optional: 'url', 'title', 'date', 'author'"),
    ),
    CANNOT_OPEN: ("file cannot be opened", "check the path exists and is readable"),
    NO_PAGE_RECORDS: (
        "WARC response records skipped: not an HTML or text page with a 2xx status (redirects, errors, images)",
        "nothing to do for redirects and errors; give a WARC of fetched pages if none was read",
    ),
    FETCH_FAILED: ("URL cannot be fetched", "try again later, or save the page and give the file"),
    BAD_URL: ("not a fetchable URL", "give an http(s) URL with a host name"),
    UNRESOLVED_HOST: ("host name does not resolve", "check the spelling of the host and the network"),
    PRIVATE_ADDRESS: (
        "host resolves to a loopback, private, link-local or reserved address",
        "allow with --allow-private-addresses if that is intended",
    ),
    CANNOT_CONNECT: ("connection refused or failed", "check the server is up and reachable from here"),
    FETCH_TIMEOUT: ("no answer, or too slow, within the time limit", "try again later, or raise --timeout"),
    HTTP_STATUS: ("server answered with an HTTP error status", "check the URL; the page may be gone or need a login"),
    TOO_MANY_REDIRECTS: ("too many redirects", "give the final URL, or raise fetch_max_redirects"),
    FETCH_TOO_LARGE: ("download larger than the fetch limit", "save the page and give the file, or raise fetch_max_bytes"),
    "E300": ("a shipped model or lexicon is missing or unreadable", "reinstall storytrace or rebuild the model"),
    "E400": ("the store is locked by another program, or cannot be written",
             "run again when the other run or export is done, or give another --db"),
}


class StorytraceError(Exception):
    code = "E000"

    def __init__(self, message: str = "", code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code  # an instance attribute: kept when the error is pickled to another process

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(StorytraceError):
    code = UNREADABLE_INPUT


class FetchError(InputError):
    code = FETCH_FAILED


class ModelError(StorytraceError):
    code = "E300"
