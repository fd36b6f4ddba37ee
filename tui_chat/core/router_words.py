"""The router's word lists: the vocabulary its rules look for, per role.

Kept apart from the rules themselves (``router.py``) so each stays readable; the
lists are data, the regexes built from them are compiled once in ``router.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable



def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` as whole words (longest first)."""
    parts = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    escaped = (r"\s+".join(re.escape(piece) for piece in word.split()) for word in parts)
    # (?=\w) first: only word starts are tried, which keeps long pastes fast.
    return r"(?<![\w-])(?=\w)(?:" + "|".join(escaped) + r")(?![\w-])"


def words(spec: str) -> list[str]:
    """Split a ``|``-separated word list (kept readable in the source)."""
    return [w for w in spec.split("|") if w]


# Programming vocabulary. Strong words are unambiguous; weak ones also mean other things
# ("dress code", "email thread", "bank branch") and only tip a prompt that is close already.
CODE_STRONG = words(
    "python|javascript|typescript|js|kotlin|golang|c++|c#|php|perl|haskell|scala|rustc|"
    "const|malloc|mutex|race condition|multithreading|sql|mysql|postgres|postgresql|sqlite|"
    "mongodb|redis|html|css|bash script|shell script|zsh|powershell|regex|regexes|regexp|"
    "regular expression|git|github|gitlab|docker|dockerfile|kubernetes|kubectl|k8s|nginx|"
    "linux|ubuntu|numpy|dataframe|groupby|react component|react app|react hook|flask app|"
    "django app|vue component|fastapi|node.js|nodejs|npm|conda|venv|virtualenv|api|json|yaml|"
    "compiler|compiling|refactor|refactoring|debug|debugging|debugger|stack trace|traceback|"
    "segfault|syntax error|linked list|hash map|hashmap|tuple|tuples|recursion|"
    "recursive function|time complexity|big-o|big o notation|binary search|unit test|"
    "unit tests|pytest|ci|ci/cd|endpoint|backend|frontend|div|source code|codebase|coding|"
    "programming|programmer|programmers|pull request|merge conflict|crashloopbackoff|"
    "stdout|stderr|boolean|null pointer|webpack|makefile|cmake|gcc|clang|jvm|"
    "gradle|sdk|cli|command line|terminal command|exit code|cron|crontab|ssh|permission denied|"
    "sudo|chmod|localhost"
)
CODE_WEAK = words(
    "code|branch|container|pod|pods|server|query|script|install|error|exception|module|"
    "package|terminal|commit|deploy|database|loop|string|integer|class|object|parse|"
    "java|ts|react|vue|angular|flask|django|pandas|bash|cargo|pip|jest|maven|method|"
    "function|functions|variable|variables|array|arrays|library|framework|dependency|"
    "dependencies|bug|bugs|repo|algorithm|algorithms|compile|compiles|compilation|async|"
    "await|deadlock|thread|threads|process"
)

DOCS_VERBS = words(
    "summarise|summarize|summarised|summarized|summarising|summarizing|summary|summaries|"
    "tl;dr|tldr|translate|translated|translating|rewrite|re-write|rewriting|"
    "rephrase|reword|paraphrase|proofread|proof-read|proof read|copyedit|copy-edit|extract|"
    "condense|shorten|abridge|pull out"
)
DOCS_ASKS = words(
    "key points|main points|takeaways|key takeaways|action items|meeting minutes|gist|"
    "grammar|spelling|typos|punctuation|bullet points|outline of|main ideas|main argument"
)
# "translation" alone is a document noun, not a verb: "is it worth reading in translation?".
DOCS_NOUNS = words(
    "document|documents|article|report|essay|email|e-mail|letter|contract|clause|"
    "transcript|notes|passage|paragraph|memo|pdf|abstract|thesis|draft|email thread|"
    "the following|text below|this text|chapter|agreement|policy|terms and conditions|"
    "press release|op-ed|translation"
)
# Creative forms that mean "make something up" on their own.
CREATIVE_STRONG = words(
    "poem|poems|poetry|haiku|haikus|limerick|limericks|sonnet|sonnets|lyrics|screenplay|"
    "fairy tale|fairytale|bedtime story|short story|fan fiction|fanfic|fanfiction|rap verse|"
    "ballad|ode|villanelle|free verse|rhyme|rhymes|rhyming|roleplay|role-play|role play|"
    "once upon a time|flash fiction|slam poem|song lyrics"
)
# Forms that need a making verb nearby ("recommend a novel" is not "write a novel").
CREATIVE_WEAK = words(
    "story|stories|tale|tales|song|songs|fiction|character|characters|novel|myth|fable|"
    "legend|verse|verses|rap|toast|monologue|dialogue|scene|plot|villain|hero|joke|jokes|"
    "riddle|names|name|backstory|world|prophecy|speech|eulogy|chapter|parody|scenario"
)
CREATIVE_GENRES = words(
    "fantasy|sci-fi|science fiction|noir|dystopian|dystopia|whimsical|space opera|d&d|"
    "dungeons and dragons|dungeons & dragons|rpg|fairy|dragon|dragons|wizard|elf|half-elf|"
    "mermaid|pirate|spaceship"
)
CREATIVE_VERBS = words(
    "write|compose|tell|create|make up|invent|give me|generate|come up with|continue|"
    "brainstorm|craft|pen|imagine|dream up|narrate|roleplay|sing|draft|spin"
)
GREETINGS = words(
    "hi|hello|hey|hiya|yo|thanks|thank you|thx|ty|good morning|good afternoon|good evening|"
    "good night|ok|okay|cool|great|bye|goodbye|cheers"
)
PLAIN_FENCES = frozenset({"", "text", "txt", "plain", "plaintext", "markdown", "md", "quote"})
