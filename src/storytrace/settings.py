"""One options object, built once at the edge (CLI, API, service) and passed down to every stage."""

from __future__ import annotations

import dataclasses
import difflib
import math
from dataclasses import dataclass

MB = 1024 * 1024
ZERO_ALLOWED = {"fetch_max_redirects"}  # every other number must be above 0 (a limit of 0 refuses every page)
# the calibrations the comment model ships (storytrace.comments: TRAINING_CALIBRATION, DOMAIN_CALIBRATION_FILES)
COMMENT_CALIBRATIONS = ("training", "news_comments")
# page threads are reader comments under articles: the news calibration is their default since session 10 (its rule on
# the hand-labelled dev set: toxic F1 0.19 -> 0.31, calibration error 0.25 -> 0.007, flagged share 11.3 % -> 1.6 %
# against a prevalence of 1.6 %; docs/results/comments_real.md). Raw texts (score_texts) keep the training calibration
DEFAULT_COMMENT_CALIBRATION = "news_comments"


@dataclass(slots=True, frozen=True)
class Options:
    """Settings for a run. Stages read it; nobody mutates it (use :meth:`replace`)."""

    # ingest
    max_page_bytes: int = 20 * MB  # a page larger than this is refused, not parsed
    max_html_depth: int = 2_000  # deeper element nesting is refused (lxml would recurse or truncate)
    # a plain-text page with more non-empty lines is refused: the line model holds ~45 KB a line (a news page has
    # tens to hundreds; 20,000 lines take about a minute and 0.9 GB), so a whole dump must be split into pages
    max_text_lines: int = 20_000
    fetch_timeout: float = 15.0  # seconds, per URL
    fetch_max_bytes: int = 20 * MB
    fetch_max_redirects: int = 5
    allow_private_addresses: bool = False  # loopback, private and link-local targets are refused by default
    user_agent: str = "storytrace/0.1 (+https://github.com/storytrace/storytrace)"
    # stages
    extract_comments: bool = True  # anatomy: find reader comments in the page
    # anatomy of plain text: read comment sections that keep author/date/"Reply" lines with the chrome-trained
    # line model (off by default: it costs the chrome-free benchmark set 0.003 comment F1, docs/RESULTS.md)
    text_comment_chrome: bool = False
    # anatomy of plain text: fill comment authors and dates from the chrome lines around the comments
    # (storytrace.anatomy.chrome_authors). Off by default: held-out precision against the HTML comment
    # authors 0.946 with the chrome specialist, 0.784 with line model v5.4 alone, below the 0.95 asked (docs/results/text_anatomy.md, session 9)
    text_comment_authors: bool = False
    text_short_titles: bool = False  # anatomy.text.short_title_over_body; off: failed its dev rule (session 25)
    # comments: "news_comments" (the heads moved to the far lower rate of abuse under news articles: fewer false
    # alarms, a lower recall at 0.5) or "training" (the heads' calibration on tweets)
    comment_calibration: str = DEFAULT_COMMENT_CALIBRATION
    with_facts: bool = True  # facts stage: entities, quantities, dates, claims, topics
    with_comments: bool = True  # comments stage: language, toxicity, decoding, flags, thread, coordination
    with_stories: bool = True  # stories stage: same-story groups, copies and rewrites, claims compared
    # batch
    workers: int = 1
    batch_size: int = 16  # pages per batch for batched stages (spaCy pipe); bounds memory per worker
    strict: bool = False  # re-raise stage errors instead of recording them (for tests and debugging)
    progress: bool = True

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            # a switch given as text ("no", "false" from a config file) is truthy: it would turn the stage on
            if f.type == "bool" and not isinstance(getattr(self, f.name), bool):
                raise TypeError(f"{f.name} must be True or False, not {getattr(self, f.name)!r}")
        for f in dataclasses.fields(self):
            if f.type in ("int", "float"):
                _check_number(f.name, getattr(self, f.name), whole=f.type == "int")
        if self.comment_calibration not in COMMENT_CALIBRATIONS:
            raise ValueError(f"unknown comment_calibration {self.comment_calibration!r}; "
                             f"one of {', '.join(COMMENT_CALIBRATIONS)}")

    def replace(self, **changes: object) -> Options:
        """A copy with ``changes``; an unknown name is a TypeError naming the closest field."""
        names = [f.name for f in dataclasses.fields(self)]
        for name in changes:
            if name not in names:
                close = difflib.get_close_matches(name, names, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; the settings are {', '.join(names)}"
                raise TypeError(f"unknown setting {name!r}{hint}")
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def _check_number(name: str, value: object, *, whole: bool) -> None:
    """A numeric setting is a number of the right kind and in range: ``workers=0`` ran as 1 (the CLI refuses it), a
    fetch timeout of 0 or a negative page limit were taken as given, "2" from a config file failed deep in a stage."""
    kinds = int if whole else int | float
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise TypeError(f"{name} must be {'a whole number' if whole else 'a number'}, not {value!r}")
    if not math.isfinite(value) or value < 0 or (value == 0 and name not in ZERO_ALLOWED):
        least = "0 or more" if name in ZERO_ALLOWED else "above 0"
        raise ValueError(f"{name} must be {least}, not {value!r}")
