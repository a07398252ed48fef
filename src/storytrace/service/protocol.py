"""uvicorn's HTTP/1.1 protocol with a deadline for a request's headers.

uvicorn closes an idle keep-alive connection, but any byte received stops that timer, and nothing bounds the time a
client takes to send its request line and headers: a client sending one header byte every few seconds (slowloris)
holds its connection for ever, and a few hundred such clients hold every socket the process may open. Here a
connection whose next request has not begun within ``header_timeout`` seconds of the connection (or of the last
response) is closed. The request body's own deadline is ``BodySizeLimit``'s (``request_read_timeout``).
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


class HeaderDeadlineProtocol(H11Protocol):
    header_timeout: float = 30.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_header_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        if (timer := getattr(self, "_header_timer", None)) is not None:
            timer.cancel()
        super().connection_lost(exc)

    def _arm_header_deadline(self) -> None:
        if (timer := getattr(self, "_header_timer", None)) is not None:
            timer.cancel()
        self._header_timer = self.loop.call_later(self.header_timeout, self._close_if_headers_unread)

    def _close_if_headers_unread(self) -> None:
        """Close the connection when the client's request line and headers are still not all in (h11 waits in
        IDLE until they are); a request being read or answered is left alone."""
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def with_header_timeout(seconds: float) -> type[HeaderDeadlineProtocol]:
    """The protocol class for ``uvicorn.run(http=...)`` with its header deadline set."""
    return type("HeaderDeadlineProtocol", (HeaderDeadlineProtocol,), {"header_timeout": seconds})
