"""Auto routing: choose a role (chat, code, docs, creative) and a model for a prompt.

Two halves. The rules find evidence that is right by construction (a code fence, a stack
trace, a pasted file or log, a long prose paste, the user's ``[router]`` keywords); strong
evidence decides alone, and the reason names it, e.g. ``code: python fence and
"traceback"``. Everything else goes to the learned half (``similarity.py``): a classifier
trained on labelled example prompts gives each role a probability, the rules nudge it, and
the reason names the closest example, e.g. ``docs: like "compare these two product
descriptions" (0.81)``.

The router does no I/O of its own beyond loading that classifier once (lazily, or in
``warm_up``'s thread). It only orders candidates; the chat service walks them and records
fallbacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui_chat.core.config import ROLES, Config, ModelSpec, RouterConfig
from tui_chat.core.events import AUTO
from tui_chat.core.similarity import ExampleIndex, RoleScore
from tui_chat.core.route import Route, Signal
from tui_chat.core.router_words import (
    CODE_STRONG,
    CODE_WEAK,
    CREATIVE_GENRES,
    CREATIVE_STRONG,
    CREATIVE_VERBS,
    CREATIVE_WEAK,
    DOCS_ASKS,
    DOCS_NOUNS,
    DOCS_VERBS,
    GREETINGS,
    PLAIN_FENCES,
    alternation,
)

CHAT_BASELINE = 1.5
"""Score chat starts with: another role must beat it to win."""
TIE_ORDER = ("chat", "code", "docs", "creative")
"""On equal scores the earlier role wins (chat first: the others must be strictly ahead)."""
CUSTOM_WEIGHT = 3.0
"""Weight of each keyword or pattern from the ``[router]`` table."""
MAX_KEYWORDS = 3
"""Distinct built-in keywords counted per role, so long prose cannot pile up a score."""
SCAN_HEAD = 20_000
SCAN_TAIL = 4_000
"""Huge prompts are scanned at their head and tail only; the length still counts in full."""
LABEL_CHARS = 30
"""Quoted matches longer than this are shortened in reasons."""
STRONG_ENOUGH = 4.0
"""Weight of strong signals (fences, traces, pasted files, long prose) that decides alone."""
RULE_WEIGHT = 0.3
RULE_CAP = 6.0
"""Without strong signals, the part of each role's rule score above chat's baseline (capped
at ``RULE_CAP``) adds up to ``RULE_WEIGHT`` to its learned probability, so a clear keyword
tips a close call."""
RULE_FEATURE_CAP = 8.0
"""Rule totals above chat's baseline are capped at this for the classifier's rule features."""
DEFAULT_LONG_CHARS = RouterConfig().long_prompt_chars
"""``long_prompt_chars`` as shipped, for the rule features."""
EXAMPLE_CHARS = 40
"""The nearest example is shortened to this in reasons."""

_FLAGS = re.IGNORECASE | re.MULTILINE


# --------------------------------------------------------------------------- regexes

_CODE_STRONG_RE = re.compile(alternation(CODE_STRONG), _FLAGS)
_CODE_WEAK_RE = re.compile(alternation(CODE_WEAK), _FLAGS)
_DOCS_VERB_RE = re.compile(alternation(DOCS_VERBS), _FLAGS)
_DOCS_ASK_RE = re.compile(alternation(DOCS_ASKS), _FLAGS)
_DOCS_NOUN_RE = re.compile(alternation(DOCS_NOUNS), _FLAGS)
_DOCS_PHRASE_RE = re.compile(
    r"\b(?:polish|tidy|clean)\s+(?:up\s+)?(?:this|my|the\s+following|the\s+text|it)\b"
    r"|\b(?:explain|interpret|break\s+down|what\s+does|what\s+is|what's)\s+"
    r"(?:this|the\s+following|the\s+above|the\s+attached|my)\s+(?:\w+\s+)?"
    r"(?:document|article|text|paper|contract|clause|passage"
    r"|paragraph|report|email|letter|policy|agreement|section|sentence|terms|lease)\b"
    r"|\bmake\s+(?:this|it|the\s+following|my)\s+(?:\w+\s+)?(?:shorter|longer|clearer|simpler"
    r"|friendlier|more\s+\w+|less\s+\w+|concise|sound\s+\w+)",
    _FLAGS,
)
_CREATIVE_STRONG_RE = re.compile(alternation(CREATIVE_STRONG), _FLAGS)
_CREATIVE_WEAK_RE = re.compile(alternation(CREATIVE_WEAK), _FLAGS)
_CREATIVE_GENRE_RE = re.compile(alternation(CREATIVE_GENRES), _FLAGS)
_CREATIVE_VERB_RE = re.compile(alternation(CREATIVE_VERBS), _FLAGS)
_CREATIVE_PHRASE_RE = re.compile(
    r"\bpretend\s+(?:you\s+are|you're|to\s+be)\b|\bin\s+the\s+(?:voice|style)\s+of\b"
    r"|\bpoetic(?:ally)?\b|\bvivid(?:ly)?\b"
    r"|\bfrom\s+the\s+(?:point\s+of\s+view|perspective)\s+of\b",
    _FLAGS,
)
_ABOUT_RE = re.compile(r"\babout\b", re.IGNORECASE)
_CODE_ASK_RE = re.compile(
    r"(?i:\b(?:write|implement|create|code|fix|optimi[sz]e|debug)\s+(?:me\s+)?"
    r"(?:a|an|the|this|my)?\s*(?:\w+\s+)?(?:function|method|regex|query|unit\s+tests?"
    r"|endpoint|loop|module)\b)"
    r"|\b(?:GET|POST|PUT|PATCH|DELETE)\s+/\S*",  # an HTTP request line, upper case only
    re.MULTILINE,
)
_COMMIT_RE = re.compile(
    r"\b(?:last|previous|latest|initial|first|a|my|this|that|the)\s+commits?\b", re.IGNORECASE
)
_GREETING_RE = re.compile(r"\A\s*" + alternation(GREETINGS), re.IGNORECASE)

_FENCE_RE = re.compile(r"^\s*```+\s*([\w+#.-]*)", re.MULTILINE)
_TRACES: tuple[tuple[re.Pattern[str], str, float], ...] = tuple(
    (re.compile(pattern, re.MULTILINE), label, weight)
    for pattern, label, weight in (
        (r"Traceback \(most recent call last\)", "Python traceback", 6.0),
        (r"Exception in thread \"", "Java exception", 6.0),
        (
            r"^\s+at [\w$.<>]+\([\w$<> ]*\.(?:java|kt|scala|groovy|cs):\d+\)",
            "Java stack trace",
            6.0,
        ),
        (r"^\s+at \S.*:\d+:\d+\)?$", "JS stack trace", 6.0),
        (r"^panic: |^goroutine \d+ \[", "Go panic", 6.0),
        (r"\berror\[E\d{4}\]", "rustc error", 6.0),
        (r"^\s*File \"[^\"]+\", line \d+", "Python traceback", 5.0),
        (r"Segmentation fault|core dumped|\bsegfault\b", "segfault", 4.0),
    )
)
_EXCEPTION_NAME_RE = re.compile(r"\b[A-Z][a-z]\w*(?:Error|Exception)\b")
_DIFF_RE = re.compile(r"^(?:diff --git |--- a/|\+\+\+ b/|@@ -\d+(?:,\d+)? \+\d+)", re.MULTILINE)
_JSON_KEY_RE = re.compile(r"[{,]\s*\"[\w$-]+\"\s*:")
_YAML_RE = re.compile(r"^(\s*)(?:- )?[a-z_][\w.-]*:(?:\s|$)")
_LOG_RE = re.compile(
    r"^\s*\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}"
    r"|^[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} "
    r"|^\s*\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRITICAL)\]?[: ]"
)
_CODE_LINE_RE = re.compile(
    r"^\s*(?:def\s+\w+\s*\(|class\s+\w+\s*[:({]|import\s+[\w.]+|from\s+[\w.]+\s+import\s"
    r"|#include\b|function\b|(?:const|let|var)\s+\w+\s*=|(?:public|private|protected)\s+"
    r"(?:(?:static|final|abstract|async)\s+)*[\w<>\[\],]+\s+\w+\s*[({=;]"
    r"|fn\s+\w+|func\s+\w+|package\s+\w+;?$|return\b.*;|(?:if|for|while)\s*\(.*\)\s*\{"
    r"|[}\])];?$|@\w+(?:\(.*\))?$|\$\s+\w+)"
    r"|.*(?:[;{]\s*$|=>)"
)
_CODE_TOKEN_RE = re.compile(
    r"=>|&&|\|\||!==?|===?|\+\+|::|->|\w\(\)|;\s*\}|\{\s*\}|\w\[\w*\]|\b\w+\.\w+\(|</?\w+>"
)
_IDENTIFIER_RE = re.compile(r"\b(?:[a-z]{2,}[A-Z][A-Za-z0-9]*|[a-z][a-z0-9]*_[a-z0-9_]+)\b")
_PATH_RE = re.compile(
    r"(?<![\w/:.])(?:~|\.{1,2})?(?:/[\w.@-]+){2,}|\b[A-Za-z]:\\[\w .\\-]+"
    r"|\b[\w-]+\.(?:py|js|ts|tsx|jsx|go|rs|java|kt|c|cc|cpp|h|hpp|cs|rb|php|sh|json|ya?ml"
    r"|toml|ini|cfg|sql|html|css|lock|gradle|ipynb|log|tar|gz|tgz|zip|whl|exe|dll|so)\b"
)
_CSV_FIELD_MAX = 20


# --------------------------------------------------------------------------- text view


@dataclass(frozen=True, slots=True)
class _Text:
    """The prompt prepared once for all detectors."""

    full_length: int
    scan: str
    lines: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> _Text:
        scan = text
        if len(text) > SCAN_HEAD + SCAN_TAIL:
            scan = text[:SCAN_HEAD] + "\n" + text[-SCAN_TAIL:]
        lines = tuple(line for line in scan.splitlines() if line.strip())
        return cls(len(text), scan, lines)


def _quote(text: str) -> str:
    """A matched snippet as a reason label: lower case, one line, short."""
    words = " ".join(text.lower().split())
    if len(words) > LABEL_CHARS:
        words = words[: LABEL_CHARS - 1] + "…"
    return f'"{words}"'


def _distinct(matches: Iterable[re.Match[str]], *, keep_case: bool = False) -> list[str]:
    """Distinct matched words (lower-cased unless ``keep_case``), in order of appearance."""
    seen: dict[str, None] = {}
    for match in matches:
        word = " ".join(match.group(0).split())
        seen.setdefault(word if keep_case else word.lower(), None)
    return list(seen)


# --------------------------------------------------------------------------- detectors


def _code_signals(t: _Text) -> Iterator[Signal]:
    """Fences, stack traces, code-like lines, pasted files and programming words."""
    yield from _fences(t)
    yield from _traces(t)
    yield from _pasted_files(t)
    yield from _syntax(t)
    yield from _keywords("code", t.scan, _CODE_STRONG_RE, 2.0)
    yield from _keywords("code", t.scan, _CODE_WEAK_RE, 1.0)
    ask = _CODE_ASK_RE.search(t.scan)
    if ask:
        yield Signal("code", 3.0, _quote(ask.group(0)))
    commit = _COMMIT_RE.search(t.scan)
    if commit:
        yield Signal("code", 2.0, _quote(commit.group(0)))


def _fences(t: _Text) -> Iterator[Signal]:
    languages = [m.group(1).lower() for m in _FENCE_RE.finditer(t.scan)]
    # Fences come in pairs; an opening fence names its language, the closing one is bare.
    named = [lang for lang in languages if lang not in PLAIN_FENCES]
    if named:
        yield Signal("code", 6.0, f"{named[0]} fence", strong=True)
    elif len(languages) >= 2 and any(_CODE_LINE_RE.match(line) for line in t.lines):
        yield Signal("code", 4.0, "code fence", strong=True)


def _traces(t: _Text) -> Iterator[Signal]:
    for regex, label, weight in _TRACES:
        if regex.search(t.scan):
            yield Signal("code", weight, label, strong=True)
    exception = _EXCEPTION_NAME_RE.search(t.scan)
    if exception:
        yield Signal("code", 4.0, f'"{exception.group(0)}"', strong=True)


def _pasted_files(t: _Text) -> Iterator[Signal]:
    """Diffs, JSON, YAML, CSV, log lines and file paths."""
    if _DIFF_RE.search(t.scan):
        yield Signal("code", 6.0, "diff", strong=True)
    if len(_JSON_KEY_RE.findall(t.scan)) >= 2:
        yield Signal("code", 4.0, "JSON", strong=True)
    if _looks_like_yaml(t.lines):
        yield Signal("code", 3.0, "YAML", strong=True)
    if _looks_like_csv(t.lines):
        yield Signal("code", 3.0, "CSV", strong=True)
    logs = sum(1 for line in t.lines if _LOG_RE.match(line))
    if logs:
        weight = 3.0 if logs < 3 else 5.0 if logs < 10 else 7.0
        label = "log line" if logs == 1 else f"{logs} log lines"
        yield Signal("code", weight, label, strong=True)
    paths = _distinct(_PATH_RE.finditer(t.scan))
    if paths:
        label = "file path" if len(paths) == 1 else "file paths"
        yield Signal("code", 2.0 if len(paths) < 3 else 3.0, label)


def _looks_like_yaml(lines: Sequence[str]) -> bool:
    keyed = [m for m in (_YAML_RE.match(line) for line in lines) if m]
    return len(keyed) >= 3 and any(m.group(1) for m in keyed)


def _looks_like_csv(lines: Sequence[str]) -> bool:
    run = 0
    previous = -1
    for line in lines:
        commas = line.count(",")
        short = commas >= 2 and len(line) / (commas + 1) <= _CSV_FIELD_MAX
        run = run + 1 if short and commas == previous else (1 if short else 0)
        previous = commas if short else -1
        if run >= 3:
            return True
    return False


def _syntax(t: _Text) -> Iterator[Signal]:
    """Code-like lines, operators and identifiers."""
    lines = sum(1 for line in t.lines if _CODE_LINE_RE.match(line))
    tokens = len(_CODE_TOKEN_RE.findall(t.scan))
    weight = min(1.5 * lines + 0.5 * tokens, 6.0)
    if weight >= 1.0:
        yield Signal("code", weight, "code syntax")
    identifiers = _distinct(_IDENTIFIER_RE.finditer(t.scan), keep_case=True)
    if identifiers:
        yield Signal("code", min(1.0 * len(identifiers), 3.0), f'"{identifiers[0]}"')


def _keywords(role: str, text: str, regex: re.Pattern[str], weight: float) -> Iterator[Signal]:
    for word in _distinct(regex.finditer(text))[:MAX_KEYWORDS]:
        yield Signal(role, weight, f'"{word}"')


def _docs_signals(t: _Text, long_chars: int) -> Iterator[Signal]:
    """Docs verbs and asks, document nouns, and long pasted prose."""
    yield from _keywords("docs", t.scan, _DOCS_VERB_RE, 4.0)
    yield from _keywords("docs", t.scan, _DOCS_ASK_RE, 3.0)
    phrase = _DOCS_PHRASE_RE.search(t.scan)
    if phrase:
        yield Signal("docs", 4.0, _quote(phrase.group(0)))
    for word in _distinct(_DOCS_NOUN_RE.finditer(t.scan))[:2]:
        yield Signal("docs", 1.5, f'"{word}"')
    yield from _paste(t, long_chars)


def _paste(t: _Text, long_chars: int) -> Iterator[Signal]:
    """Long prose leans to docs; long code or logs do not (they are scored as code)."""
    if t.full_length <= long_chars // 4:
        return
    full = 4.0 if t.full_length > long_chars else 2.0
    weight = round(full * _prose_fraction(t.lines), 1)
    if weight >= 1.0:
        yield Signal("docs", weight, f"{t.full_length:,}-char paste", strong=weight >= full * 0.9)


def _prose_fraction(lines: Sequence[str]) -> float:
    """Share of non-empty lines that look like prose rather than code, logs or data."""
    if not lines:
        return 1.0
    technical = sum(
        1
        for line in lines
        if _CODE_LINE_RE.match(line)
        or _LOG_RE.match(line)
        or _DIFF_RE.match(line)
        or _PATH_RE.search(line)
        or line.startswith(("\t", "    ", "  at ", "  File "))
    )
    return 1.0 - technical / len(lines)


def _creative_signals(t: _Text) -> Iterator[Signal]:
    """Creative forms; weaker forms count fully only after a making verb."""
    strong = list(_CREATIVE_STRONG_RE.finditer(t.scan))
    for match in strong:
        bonus = 1.0 if _made(t.scan, match.start()) else 0.0
        yield Signal("creative", 4.0 + bonus, _quote(match.group(0)))
    taken = [m.span() for m in strong]  # "story" inside "bedtime story" counts once
    for match in _outside(_CREATIVE_WEAK_RE.finditer(t.scan), taken):
        made = _made(t.scan, match.start())
        yield Signal("creative", 4.0 if made else 1.0, _quote(match.group(0)))
    genres = _outside(_CREATIVE_GENRE_RE.finditer(t.scan), taken)
    for word in _distinct(genres)[:2]:
        yield Signal("creative", 1.5, f'"{word}"')
    for word in _distinct(_CREATIVE_PHRASE_RE.finditer(t.scan))[:2]:
        yield Signal("creative", 3.0, _quote(word))


def _outside(
    matches: Iterable[re.Match[str]], spans: Sequence[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """The matches that overlap none of ``spans``."""
    for match in matches:
        if not any(match.start() < end and start < match.end() for start, end in spans):
            yield match


def _made(text: str, start: int) -> bool:
    """True when a making verb ("write", "tell me") comes shortly before ``start``."""
    window = text[max(0, start - 60) : start]
    window = re.split(r"[.!?\n]", window)[-1]
    verbs = list(_CREATIVE_VERB_RE.finditer(window))
    # "tell me about the plot" asks about something; "write a plot" makes one.
    return bool(verbs) and _ABOUT_RE.search(window, verbs[-1].end()) is None


def _chat_signals(t: _Text) -> Iterator[Signal]:
    if len(t.scan) < 200 and _GREETING_RE.match(t.scan):
        yield Signal("chat", 1.0, "greeting")


def _builtin_signals(t: _Text, long_chars: int) -> list[Signal]:
    """The evidence the built-in rules find (not the user's ``[router]`` keywords)."""
    return [*_code_signals(t), *_docs_signals(t, long_chars), *_creative_signals(t),
            *_chat_signals(t)]


def rule_features(text: str) -> list[float]:
    """The built-in rules' score per role (``ROLES`` order), 0 to 1, for the classifier.

    A role's score is how far its rule total clears chat's baseline (chat's own total for
    chat), capped at ``RULE_FEATURE_CAP`` and divided by it. The shipped ``long_prompt_chars``
    is used, so the features mean the same in training and in every configuration.
    """
    return _rule_scores(_totals(_dedupe(_builtin_signals(_Text.of(text), DEFAULT_LONG_CHARS))))


def _rule_scores(totals: dict[str, float]) -> list[float]:
    """Rule totals as the classifier's features (see ``rule_features``)."""
    return [min(max(totals[r] - (0.0 if r == "chat" else CHAT_BASELINE), 0.0),
                RULE_FEATURE_CAP) / RULE_FEATURE_CAP for r in ROLES]


# --------------------------------------------------------------------------- the router


class Router:
    """Classifies prompts and orders the models that should answer them."""

    def __init__(self, config: Config,
                 spec_of: Callable[[str], ModelSpec] | None = None,
                 cache_dir: Path | None = None) -> None:
        self.config = config
        """The validated configuration (catalog and ``[router]`` table)."""
        self._spec_of = spec_of or config.model  # the catalog's lookup knows found models
        self._long_chars = config.router.long_prompt_chars
        self._custom = self._compile_custom(config)
        self._embedded = tuple(m.name for m in config.models if m.package)
        self._orders = {role: self._order(role) for role in ROLES}
        # The classifier retrained with [router.examples] is kept in cache_dir (the data dir).
        self._index = ExampleIndex(rule_features, config.router.examples, cache_dir)

    def warm_up(self) -> None:
        """Load the learned classifier in a background thread (the first route need not wait)."""
        self._index.warm_up()

    @property
    def learned_loaded(self) -> bool:
        """True once the classifier and its examples are in memory."""
        return self._index.loaded

    def first_choices(self) -> tuple[str, ...]:
        """The model each role's prompts go to first: where an auto prompt likely goes."""
        return tuple(dict.fromkeys(order[0] for order in self._orders.values()))

    # ----------------------------------------------------------------- classification

    def signals(self, text: str) -> list[Signal]:
        """Every piece of evidence found in ``text``, for reasons and debugging."""
        t = _Text.of(text)
        return _dedupe([*_builtin_signals(t, self._long_chars), *self._custom_signals(t)])

    def explain(self, text: str) -> Explanation:
        """Every score behind the choice for ``text``: rules, learned scores and their blend."""
        found = self.signals(text)
        totals = _totals(found)
        strong = dict.fromkeys(ROLES, 0.0)
        for signal in found:
            if signal.strong:
                strong[signal.role] += signal.weight
        custom = next(self._custom_signals(_Text.of(text)), None)  # the user's own rules
        if custom or max(strong.values()) >= STRONG_ENOUGH:
            role = _best(totals)
            return Explanation(role, _reason(role, found), totals, {}, {})
        similar = self._index.scores(text, _rule_scores(totals))  # the rules run once
        blended = {
            r: similar[r].score + RULE_WEIGHT * min(_over_baseline(r, totals), RULE_CAP) / RULE_CAP
            for r in ROLES
        }
        role = _best(blended)
        return Explanation(role, _similar_reason(role, found, similar[role]), totals, similar, blended)

    def classify(self, text: str) -> tuple[str, str]:
        """The role for ``text`` and a short reason naming what decided it."""
        explanation = self.explain(text)
        return explanation.role, explanation.reason

    def pick(self, text: str, pinned: str | None = None) -> Route:
        """Route ``text``: the pinned model if one is given, else the auto router's choice.

        Raises:
            ConfigError: ``pinned`` is not a model in the catalog.
        """
        if pinned and pinned != AUTO:
            spec = self._spec_of(pinned)
            candidates = _unique((spec.name, *self._embedded))
            return Route(spec.role, spec.name, f"pinned: {spec.name}", candidates)
        role, reason = self.classify(text)
        candidates = self._orders[role]
        return Route(role, candidates[0], reason, candidates)

    # ----------------------------------------------------------------- internals

    def _order(self, role: str) -> tuple[str, ...]:
        """Preference list, other models of the role, then the embedded default(s)."""
        served = self._served(role) or self._served("chat")
        names = _unique((*served, *self._embedded))
        return names or (self.config.models[0].name,)

    def _served(self, role: str) -> list[str]:
        """Models for ``role``: its preference list first, then the rest of that role."""
        of_role = [m.name for m in self.config.models if m.role == role]
        return list(_unique((*self.config.router.prefer.get(role, []), *of_role)))

    @staticmethod
    def _compile_custom(config: Config) -> list[tuple[str, re.Pattern[str]]]:
        """The ``[router]`` keywords and patterns as (role, regex) pairs."""
        rules: list[tuple[str, re.Pattern[str]]] = []
        for role, words in config.router.keywords.items():
            if any(w.strip() for w in words):
                rules.append((role, re.compile(alternation(words), _FLAGS)))
        for role, patterns in config.router.patterns.items():
            rules.extend((role, re.compile(pattern, _FLAGS)) for pattern in patterns)
        return rules

    def _custom_signals(self, t: _Text) -> Iterator[Signal]:
        for role, regex in self._custom:
            for match in regex.finditer(t.scan):
                if match.group(0).strip():
                    yield Signal(role, CUSTOM_WEIGHT, _quote(match.group(0)), strong=True)
                    break


@dataclass(frozen=True, slots=True)
class Explanation:
    """The scores behind one routing decision, for ``tui-chat route --explain``."""

    role: str
    """The chosen role."""
    reason: str
    """The short reason ``pick`` reports."""
    rules: dict[str, float]
    """Rule score per role (chat includes its baseline)."""
    similarity: dict[str, RoleScore]
    """Learned score per role; empty when strong signals decided alone."""
    blended: dict[str, float]
    """Learned score plus the rule nudge, per role; empty when strong signals decided."""


# --------------------------------------------------------------------------- helpers


def _over_baseline(role: str, totals: dict[str, float]) -> float:
    """How far a role's rule score clears chat's baseline (weak words alone do not count)."""
    if role == "chat":
        return totals["chat"] - CHAT_BASELINE
    return max(totals[role] - CHAT_BASELINE, 0.0)


def _best(scores: dict[str, float]) -> str:
    """The highest-scoring role; ties go to the earlier role in ``TIE_ORDER``."""
    return max(TIE_ORDER, key=lambda r: (scores[r], -TIE_ORDER.index(r)))


def _similar_reason(role: str, found: Sequence[Signal], nearest: RoleScore) -> str:
    """``docs: like "compare these two product descriptions" (0.81)``, after a strong keyword.

    The example is the role's closest one; the number is the classifier's probability."""
    example = " ".join(nearest.nearest.split())
    if len(example) > EXAMPLE_CHARS:
        example = example[: EXAMPLE_CHARS - 1] + "…"
    like = f'like "{example}" ({nearest.score:.2f})'
    mine = sorted((s for s in found if s.role == role and s.weight >= 3.0), key=lambda s: -s.weight)
    return f"{role}: {mine[0].label} and {like}" if mine else f"{role}: {like}"


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` without duplicates, first occurrence kept."""
    return tuple(dict.fromkeys(names))


def _dedupe(found: Iterable[Signal]) -> list[Signal]:
    """One signal per (role, label), keeping the heaviest."""
    best: dict[tuple[str, str], Signal] = {}
    for signal in found:
        key = (signal.role, signal.label)
        if key not in best or signal.weight > best[key].weight:
            best[key] = signal
    return list(best.values())


def _top_labels(ranked: Sequence[Signal], count: int) -> list[str]:
    """The first ``count`` labels, skipping one already said inside another."""
    labels: list[str] = []
    for signal in ranked:
        bare = signal.label.strip('"').lower()
        if not any(bare in chosen.lower() for chosen in labels):
            labels.append(signal.label)
        if len(labels) == count:
            break
    return labels


def _totals(found: Iterable[Signal]) -> dict[str, float]:
    totals = dict.fromkeys(ROLES, 0.0)
    totals["chat"] = CHAT_BASELINE
    for signal in found:
        totals[signal.role] += signal.weight
    return totals


def _reason(role: str, found: Sequence[Signal]) -> str:
    """``role: strongest and second strongest`` in a few words."""
    mine = sorted((s for s in found if s.role == role), key=lambda s: -s.weight)
    if mine:
        return f"{role}: " + " and ".join(_top_labels(mine, 2))
    others = sorted(found, key=lambda s: -s.weight)
    if others:
        return f"{role}: only weak signals ({others[0].label})"
    return f"{role}: no special signals"
