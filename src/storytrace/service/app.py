"""HTTP service: a thin FastAPI layer over the same pipeline as the CLI and the API.

Models load once, in the lifespan, and are shared by every request. The service never fetches a URL
unless it was started with ``ServiceSettings(fetch_urls=True)``: a public endpoint that fetches what it
is told is a server-side request forgery hole.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import anyio
import anyio.to_thread
from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, errors
from ..errors import FetchError, InputError
from ..ingest import is_url, read_inputs
from ..ingest.readers import (
    iso_date,
    joined_names,
    one_line,
    too_large,
    unread_date_warning,
    without_surrogates,
)
from ..records import Failure, RawDocument
from ..resources import Resources
from ..settings import DEFAULT_COMMENT_CALIBRATION, Options

MAX_PAGES_PER_REQUEST = 100
MB = 1024 * 1024


class PageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a mistyped field name is a 422 naming it, not silently ignored
    url: str | None = Field(None, description="the page's URL (fetched only if the service allows it)")
    html: str | None = Field(None, description="the page's HTML")
    text: str | None = Field(None, description="the page as plain text")
    title: str | None = Field(None, description="the page's title, used when the page shows none")
    published: StrictStr | StrictInt | StrictFloat | None = Field(
        None, description="publication date (ISO 8601, RFC 2822 or Unix seconds, as a number or a digit string)")
    author: str | list[str] | None = Field(None, description="the page's author, or its authors as a list (joined "
                                                              "with '; ', as a JSONL line's)")

    @model_validator(mode="after")
    def _has_content(self) -> PageIn:
        self.url = (self.url or "").strip() or None  # a spreadsheet cell's spaces made the same URL another page
        if self.html is None and self.text is None and not self.url:  # an empty html/text is E101, below
            raise ValueError("give html, text or url")
        return self


class AnalyzeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pages: list[PageIn] = Field(..., min_length=1, max_length=MAX_PAGES_PER_REQUEST)
    # switches are JSON true/false: "no" or "false" as text is a 422, as Options refuses text in the Python API
    with_facts: StrictBool = True
    with_comments: StrictBool = True
    comment_chrome: StrictBool = Field(False, description="plain text: read comment sections that keep author, date "
                                                    "and 'Reply' lines with the chrome-trained line model")
    comment_authors: StrictBool = Field(False, description="plain text: fill comment authors and dates from the chrome "
                                                     "lines around the comments (experimental)")
    comment_calibration: Literal["training", "news_comments"] = Field(
        DEFAULT_COMMENT_CALIBRATION, description="comment scores calibrated for reader comments under articles "
                                                 "(news_comments, the default: far fewer false alarms, lower recall) "
                                                 "or on tweets (training)")


@dataclass
class ServiceSettings:
    options: Options = field(default_factory=lambda: Options(progress=False))
    fetch_urls: bool = False
    preload: tuple[str, ...] = ()  # resource names to load at start-up, e.g. ("line_model", "nlp")
    max_request_bytes: int = 50 * MB  # a larger request body is refused (413) before it is read whole or parsed
    # analyses run in the server's thread pool (40 threads): unbounded, forty large requests at once take minutes of
    # CPU each and ~0.5 GB of memory per 16 MB page. Past these, a request is answered 503 with Retry-After at once
    max_concurrent_analyses: int = 2
    max_waiting_requests: int = 8
    # a client must send its whole request body within this many seconds, else 408: a client trickling its body
    # (slowloris) otherwise holds a connection and a pool thread for as long as it likes
    request_read_timeout: float = 120.0
    # seconds from a request's arrival (its body read) to its answer, waiting for a slot included; past it the client
    # gets 504 and the analysis stops before its next page or stage (a page or a batched stage being run goes on to its
    # end: a thread cannot be killed)
    request_timeout: float = 300.0

    def __post_init__(self) -> None:
        if not self.request_timeout > 0:
            raise ValueError(f"request_timeout must be above 0 seconds, not {self.request_timeout!r}")


def _raw_documents(body: AnalyzeIn, settings: ServiceSettings) -> list[RawDocument | Failure]:
    items: list[RawDocument | Failure] = []
    for i, page in enumerate(body.pages):
        page = _without_surrogates(page)  # valid JSON, but not encodable: replaced as in a JSONL line
        source = page.url or f"request#{i}"
        content = page.html if page.html else page.text
        if not (content and content.strip()) and (page.html is not None or page.text is not None):
            # a page sent empty is empty input, not a URL to fetch
            items.append(Failure(source=source, stage="ingest", error="InputError", message=str(EMPTY_PAGE)))
        elif content and len(data := content.encode("utf-8")) > settings.options.max_page_bytes:
            # as the CLI and a JSONL line: a text page is otherwise analysed whatever its size (minutes of a core)
            items.append(Failure(source=source, stage="ingest", error="InputError",
                                 message=str(too_large(len(data), settings.options.max_page_bytes))))
        elif content:
            published = iso_date(page.published)
            items.append(RawDocument(source=source, data=data,
                                     kind="html" if page.html else "text", url=page.url, declared_encoding="utf-8",
                                     text=content, title=_given(page.title), published=published,
                                     author=_given(_joined(page.author)),
                                     warnings=[unread_date_warning("published", page.published)]
                                     if page.published and not published else []))
        elif settings.fetch_urls and page.url and is_url(page.url):
            items.extend(read_inputs([page.url], settings.options))  # type: ignore[list-item]
        elif settings.fetch_urls:  # a path would read the server's own files
            items.append(Failure(source=source, stage="ingest", error="FetchError", message=str(NOT_A_URL)))
        else:
            items.append(Failure(source=source, stage="ingest", error="FetchError", message=str(NO_FETCHING)))
    return items


def _joined(names: str | list[str] | None) -> str | None:
    """Several authors as one string, as the JSONL reader joins a list (JSON-LD then gives one Person each)."""
    return joined_names(names) if isinstance(names, list) else names


def _given(value: str | None) -> str | None:
    """A title or author the caller gives, on one line without control characters (as a JSONL line's)."""
    return one_line(value) or None if value else None


def _is_json_type(content_type: str) -> bool:
    """application/json, or a JSON-based type such as application/ld+json (what FastAPI parses as JSON)."""
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def _without_surrogates(page: PageIn) -> PageIn:
    return page.model_copy(update={
        name: without_surrogates(value) if isinstance(value, str) else [without_surrogates(v) for v in value]
        for name, value in page if isinstance(value, str | list)})


EMPTY_PAGE = InputError("empty input: the page's html or text is empty or only whitespace; send the page's "
                        "content", code=errors.EMPTY_INPUT)
# (the failure record carries the source: the messages do not repeat it)
NOT_A_URL = FetchError("not an http(s) URL; send html or text", code=errors.BAD_URL)
NO_FETCHING = FetchError("this service does not fetch URLs; send html or text", code=errors.BAD_URL)
MAX_ECHOED_INPUT = 200  # characters of a rejected value a 422 repeats back


def trimmed_errors(errors: Iterable[Any]) -> list[dict[str, Any]]:
    """Validation errors with each rejected value repeated only when short: a 101-page request's error
    must not send the whole request back."""
    trimmed = []
    for error in errors:
        error = dict(error)
        if "input" in error and len(repr(error["input"])) > MAX_ECHOED_INPUT:
            error["input"] = f"({type(error['input']).__name__} of {len(repr(error['input'])):,} characters, not repeated)"
        trimmed.append(error)
    return trimmed


class AnalysisSlots:
    """At most ``running`` analyses at once and ``waiting`` requests queued for one; a request beyond that gets
    503 at once (the thread pool, memory and the caller's time are not spent on a request that would time out)."""

    def __init__(self, running: int, waiting: int) -> None:
        if running < 1 or waiting < 0:
            raise ValueError("max_concurrent_analyses must be at least 1 and max_waiting_requests at least 0")
        self._slots = threading.BoundedSemaphore(running)
        self._admitted = 0
        self._limit = running + waiting
        self._lock = threading.Lock()

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            if self._admitted >= self._limit:
                raise HTTPException(status_code=503, headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)},
                                    detail=BUSY)
            self._admitted += 1
        try:
            with self._slots:
                yield
        finally:
            with self._lock:
                self._admitted -= 1


class AnalysisAbandoned(Exception):
    """Raised in an analysis' thread once its request was answered 504: nobody waits for the rest."""


class AnalysisJob:
    """One request's analysis, run in a thread the request stops waiting for at its deadline. A Python thread cannot
    be killed: once :meth:`abandon` is called, the thread stops before its next page or stage
    (:func:`~storytrace.pipeline.stop_checked`), or before it starts when it was still waiting for a slot; it keeps its
    analysis slot until then, so the slots still bound the CPU in use."""

    def __init__(self) -> None:
        self._abandoned = threading.Event()

    def abandon(self) -> None:
        self._abandoned.set()

    def check(self) -> None:
        if self._abandoned.is_set():
            raise AnalysisAbandoned

    def until_abandoned(self, items: Iterable[Any]) -> Iterator[Any]:
        """``items`` one by one, checked before each and once at the end (before the dossier's stories are told)."""
        for item in items:
            self.check()
            yield item
        self.check()


def timed_out(seconds: float) -> str:
    """The 504's detail: what happened, and what the client can do."""
    return (f"the analysis took longer than this service's {seconds:g} s a request and was stopped; send fewer or "
            "smaller pages a request, or ask the operator to raise the limit (ServiceSettings.request_timeout, "
            "serve --request-timeout)")


BUSY_RETRY_AFTER_SECONDS = 30
BUSY = ("the service is busy: every analysis slot is taken and the queue is full (ServiceSettings."
        "max_concurrent_analyses, max_waiting_requests); try again later")


class BodySizeLimit:
    """ASGI middleware: a request body over ``limit`` bytes is answered 413 ``[E103]`` before the app parses it,
    whether its Content-Length says so or it is sent in chunks that add up to more; a body not received whole
    within ``read_timeout`` seconds is answered 408 (both raised while FastAPI reads the body: it passes an
    HTTPException on as the answer)."""

    def __init__(self, app: Any, limit: int, read_timeout: float = 120.0) -> None:
        self.app, self.limit, self.read_timeout = app, limit, read_timeout
        self.detail = (f"[{errors.TOO_LARGE}] request body larger than the {limit / MB:.0f} MB limit; send fewer "
                       "or smaller pages a request (ServiceSettings.max_request_bytes)")
        self.too_slow = (f"the request body was not received within {read_timeout:g} s; send it faster, or fewer "
                         "pages a request (ServiceSettings.request_read_timeout, serve --read-timeout)")

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await JSONResponse(status_code=413, content={"detail": self.detail})(scope, receive, send)
            return
        if (encoding := headers.get(b"content-encoding", b"identity").decode("latin-1").strip()).lower() != "identity":
            await JSONResponse(status_code=415, content={"detail": compressed_body(encoding)})(scope, receive, send)
            return
        received, body_done = 0, False
        deadline = asyncio.get_running_loop().time() + self.read_timeout

        async def counted_receive() -> Any:
            nonlocal received, body_done
            # once the body is in, a later receive (waiting for a disconnect) has no deadline
            message = await (receive() if body_done else self._before(deadline, receive))
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
            if received > self.limit:
                raise HTTPException(status_code=413, detail=self.detail)
            return message

        await self.app(scope, counted_receive, send)

    async def _before(self, deadline: float, receive: Any) -> Any:
        """The next ASGI message, or 408 when the body's time is up (a whole-body deadline, not one per chunk: a
        client sending a byte every few seconds would reset a per-chunk timer forever)."""
        try:
            return await asyncio.wait_for(receive(), max(0.0, deadline - asyncio.get_running_loop().time()))
        except TimeoutError:
            raise HTTPException(status_code=408, detail=self.too_slow, headers={"Connection": "close"}) from None


def compressed_body(encoding: str) -> str:
    """The 415 for a compressed request body: the service reads none (decompressing would also need a bound on what a
    small body expands to), and its bytes were otherwise reported as "not UTF-8"."""
    return (f"the request body is compressed (Content-Encoding: {encoding[:40]}); this service reads uncompressed JSON "
            "only: send it without Content-Encoding")


_UNREADABLE_BODY = "There was an error parsing the body"  # FastAPI's 400 for a body json.loads cannot read


def _body_error_in_words(exc: StarletteHTTPException) -> StarletteHTTPException:
    """FastAPI's "There was an error parsing the body" with its cause said (bytes that are not UTF-8, nesting too
    deep for the parser); any other HTTP error as it is."""
    if exc.status_code != 400 or exc.detail != _UNREADABLE_BODY:
        return exc
    cause = exc.__cause__
    if isinstance(cause, UnicodeDecodeError):
        why = (f"the request body is not UTF-8 (byte {cause.start}): send the JSON encoded as UTF-8, as JSON "
               "must be")
    elif isinstance(cause, RecursionError):
        why = "the request body's JSON is nested too deeply to read; send {\"pages\": [{\"html\": ...}, ...]}"
    else:
        why = f"the request body could not be read as JSON ({type(cause).__name__ if cause else 'unknown cause'})"
    return HTTPException(status_code=400, detail=why, headers=exc.headers)


class ErrorOut(BaseModel):
    detail: str = Field(..., description="what was wrong and what to do")


class JSONLDResponse(Response):
    media_type = "application/ld+json"


# the statuses a client of the POST endpoints must handle besides 200 and 422 (FastAPI lists only those two)
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "the body is not readable JSON (not UTF-8, nested too deeply)"},
    408: {"model": ErrorOut, "description": "the body was not received within the read timeout"},
    413: {"model": ErrorOut, "description": "[E103] the body is over the request size limit"},
    415: {"model": ErrorOut, "description": "the body was not sent as application/json, or was compressed"},
    504: {"model": ErrorOut, "description": "the analysis took longer than the service's time a request "
                                            "(request_timeout): send fewer or smaller pages a request"},
    503: {"model": ErrorOut, "description": "busy: every analysis slot is taken and the queue is full",
          "headers": {"Retry-After": {"description": "seconds to wait before trying again",
                                      "schema": {"type": "integer"}}}},
}
DOSSIER_COMPONENT = "Dossier"
ERROR_SCHEMA_REF = {"$ref": "#/components/schemas/ErrorOut"}
ANALYZE_PATHS = ("/analyze", "/analyze.html", "/analyze.jsonld")


def dossier_openapi_components() -> dict[str, Any]:
    """The dossier JSON Schema (GET /schema) as OpenAPI components: ``Dossier`` and one ``Dossier_<name>`` per
    ``$defs`` entry, refs rewritten (a ``$id`` would move the base the refs resolve against, so it is left out)."""
    from ..schema import dossier_schema

    def rewritten(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: (f"#/components/schemas/{DOSSIER_COMPONENT}_{value.removeprefix('#/$defs/')}"
                          if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/")
                          else rewritten(value))
                    for key, value in node.items() if key not in ("$schema", "$id")}
        return [rewritten(item) for item in node] if isinstance(node, list) else node

    schema = rewritten(dossier_schema())
    components = {f"{DOSSIER_COMPONENT}_{name}": definition for name, definition in schema.pop("$defs", {}).items()}
    return {DOSSIER_COMPONENT: schema, **components}


def _with_answers_described(app: FastAPI) -> None:
    """``app.openapi`` saying what the service answers: /analyze the dossier schema instead of "an object",
    /analyze.jsonld a JSON-LD object, and every error as JSON (FastAPI gives an error the route's own media type,
    text/html or application/ld+json, though the body is always ``{"detail": ...}``)."""
    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = plain_openapi()
            document.setdefault("components", {}).setdefault("schemas", {}).update(dossier_openapi_components())
            posts = {path: document["paths"][path]["post"]["responses"] for path in ANALYZE_PATHS}
            posts["/analyze"]["200"]["content"] = {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{DOSSIER_COMPONENT}"}}}
            posts["/analyze.jsonld"]["200"]["content"] = {
                "application/ld+json": {"schema": {"type": "object", "description": "schema.org JSON-LD: "
                                                   "@context and an @graph of NewsArticle (or WebPage) nodes"}}}
            for responses in posts.values():
                for status in map(str, ERROR_RESPONSES):
                    responses[status]["content"] = {"application/json": {"schema": ERROR_SCHEMA_REF}}
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(settings: ServiceSettings | None = None, resources: Resources | None = None) -> FastAPI:
    settings = settings or ServiceSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        app.state.resources = resources or Resources()
        for name in settings.preload:
            app.state.resources.get(name)
        yield
        app.state.resources = None

    app = FastAPI(title="storytrace", version=__version__, lifespan=lifespan,
                  description="Trace a news story across outlets and the comment sections under it.")
    app.state.settings = settings
    app.add_middleware(BodySizeLimit, limit=settings.max_request_bytes,
                       read_timeout=settings.request_read_timeout)
    slots = AnalysisSlots(settings.max_concurrent_analyses, settings.max_waiting_requests)

    def _analyze_in_thread(body: AnalyzeIn, request: Request, job: AnalysisJob, answer: Any) -> Response:
        from ..pipeline import collapse_duplicates, finish, run, stop_checked

        options = settings.options.replace(with_facts=body.with_facts, with_comments=body.with_comments,
                                           text_comment_chrome=body.comment_chrome,
                                           text_comment_authors=body.comment_authors,
                                           comment_calibration=body.comment_calibration, workers=1)
        with slots.held(), stop_checked(job.check):
            job.check()  # its time ran out while it waited for a slot: nobody wants the answer
            items = collapse_duplicates(_raw_documents(body, settings))  # the same page twice is analysed once
            results = run(job.until_abandoned(items), options, request.app.state.resources)
            return answer(finish(job.until_abandoned(results), options))

    async def _analyze(body: AnalyzeIn, request: Request, answer: Any) -> Response:
        """The analysis and its answer (``answer(dossier)``, rendered in the thread too: a large dossier's JSON or HTML
        must not hold the event loop) in a thread, within the request's time budget. Starlette's own thread pool cannot
        be used: it waits for a thread it runs even when its request is cancelled, so a timeout never fires."""
        job = AnalysisJob()
        try:
            with anyio.fail_after(settings.request_timeout):
                return await anyio.to_thread.run_sync(_analyze_in_thread, body, request, job, answer,
                                                      abandon_on_cancel=True)
        except TimeoutError:
            job.abandon()
            raise HTTPException(status_code=504, detail=timed_out(settings.request_timeout)) from None

    @app.get("/health")
    def health(request: Request) -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "loaded": request.app.state.resources.loaded()}

    # HEAD: what uptime monitors send by default (a 405 made the service look down); one operation in the schema
    app.add_api_route("/health", health, methods=["HEAD"], include_in_schema=False)

    @app.post("/analyze", responses=ERROR_RESPONSES)
    async def analyze(body: AnalyzeIn, request: Request) -> dict[str, Any]:
        """Analyse pages; answers the dossier JSON (schema: GET /schema)."""
        return await _analyze(body, request, lambda dossier: JSONResponse(dossier.as_dict()))  # type: ignore[return-value]

    @app.post("/analyze.html", response_class=HTMLResponse, responses=ERROR_RESPONSES)
    async def analyze_html(body: AnalyzeIn, request: Request) -> HTMLResponse:
        """Analyse pages; answers the readable HTML dossier."""
        from ..report import render_dossier
        from ..report.html import CSP

        # the policy as a header too: it also binds what the page's own <meta> cannot (frame-ancestors), and a
        # browser never sniffs the answer into another type
        return await _analyze(body, request, lambda dossier: HTMLResponse(render_dossier(dossier), headers={  # type: ignore[return-value]
            "Content-Security-Policy": f"{CSP}; frame-ancestors 'none'", "X-Content-Type-Options": "nosniff"}))

    @app.post("/analyze.jsonld", response_class=JSONLDResponse, responses=ERROR_RESPONSES)
    async def analyze_jsonld(body: AnalyzeIn, request: Request) -> Response:
        """Analyse pages; answers schema.org JSON-LD, with <, > and & escaped (safe to paste in a script block)."""
        from ..report import dossier_jsonld, jsonld_dumps

        return await _analyze(body, request, lambda dossier: JSONLDResponse(jsonld_dumps(dossier_jsonld(dossier))))

    @app.get("/schema")
    def schema() -> dict[str, Any]:
        from ..schema import dossier_schema

        return dossier_schema()

    _with_answers_described(app)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        content_type = request.headers.get("content-type", "")
        if request.method == "POST" and not _is_json_type(content_type):
            # FastAPI reads a body without a JSON media type as a plain string: say what to send instead
            return JSONResponse(status_code=415, content={"detail": (
                f"the request body was sent as {content_type or 'no content type'!r}; send the pages as JSON "
                "with the header 'content-type: application/json'")})
        return JSONResponse(status_code=422, content={"detail": jsonable_encoder(trimmed_errors(exc.errors()))})

    @app.exception_handler(StarletteHTTPException)  # FastAPI raises Starlette's for an unreadable body
    async def _unreadable_body(request: Request, exc: StarletteHTTPException) -> Response:
        from fastapi.exception_handlers import http_exception_handler

        return await http_exception_handler(request, _body_error_in_words(exc))

    @app.exception_handler(RecursionError)
    async def _recursion(_request: Request, exc: RecursionError) -> Any:  # pragma: no cover - defensive
        raise HTTPException(status_code=422, detail="input nested too deeply")

    return app
