"""A held-out set for the auto router: 120 prompts, 30 per role, never used to tune it.

How it was kept apart (issue 19):

- Written on 2026-12-01 (22:20-22:30 UTC) by the engineer on issue 19, *before* any code of
  the embedding router existed and before the shipped example set
  (``tui_chat/data/router_examples.jsonl``) was written. The old rules router was scored on
  it right away: 60/120 (50%; chat 30, code 17, docs 7, creative 6); that figure is the baseline.
- Nothing in ``router.py``, its thresholds or the example set was changed after looking at
  which of these prompts it gets wrong. The example set was written from other topics; a
  test (``test_heldout_is_apart_from_examples``) checks no example is a near copy of a
  prompt here.
- Labels follow ``router_prompts.py``: code = programs, tools, errors, data; docs = work on a
  given text; creative = make something up; chat = everything else.

Mixed on purpose: short and long, typed and formal, English, German, French, Spanish,
Italian, Portuguese, Dutch, Polish.
"""

from __future__ import annotations

from router_prompts import Labelled

_CHAT = [
    "how many hours of sleep does a teenager need",
    "Is it rude to recline my seat on a short flight?",
    "What causes the northern lights?",
    "any tips for keeping basil alive indoors?",
    "Should I pay off my car loan early or invest the money?",
    "why do onions make you cry",
    "What's a good stretching routine for runners?",
    "Who was the first woman to win a Nobel Prize?",
    "I feel nervous before presentations. How do people deal with that?",
    "What's the difference between weather and climate?",
    "Wie lange dauert ein Flug von Berlin nach Lissabon?",
    "Quelle est la meilleure saison pour visiter le Japon ?",
    "¿Cuántas calorías tiene un plátano?",
    "Qual è la differenza tra un virus e un batterio?",
    "Quanto tempo leva para cozinhar arroz integral?",
    "Hoeveel water moet ik per dag drinken?",
    "Jak długo gotować jajko na twardo?",
    "recommend a board game for four adults who hate long rules",
    "Is it better to rent or buy a house when interest rates are high?",
    "what should i pack for a week of hiking in Scotland in May",
    "Explain how vaccines train the immune system, in plain words.",
    "My neighbour's dog barks all night. How do I bring it up politely?",
    "What are some good habits for saving money in your twenties?",
    "How does compound interest work?",
    "Why is the sky red at sunset?",
    "thanks, that helped a lot!",
    "good morning! what's a quick healthy breakfast?",
    "Which countries drive on the left side of the road?",
    "Can dogs eat grapes?",
    "What's the etiquette for tipping in restaurants in Germany?",
]

_CODE = [
    "how do i center a div vertically",
    "sort a list of dicts by the 'age' key",
    "What's the time complexity of inserting into a heap?",
    "my docker container exits immediately with code 137",
    "Why does `for i in range(len(xs))` look unpythonic to reviewers?",
    "convert this to a list comprehension:\nresult = []\nfor x in data:\n    if x > 0:\n"
    "        result.append(x * 2)",
    "cargo build says: cannot borrow `v` as mutable because it is also borrowed as immutable",
    "write a SQL query that returns the top 3 customers by total order value",
    "how do I make a Go HTTP handler return JSON",
    "What is dependency injection and when is it overkill?",
    "Wie kann ich in Python eine Datei Zeile für Zeile lesen?",
    "Comment inverser une chaîne de caractères en JavaScript ?",
    "¿Cómo hago un bucle for en Bash que recorra todos los archivos .txt?",
    "Come si crea un ambiente virtuale con Python 3.12?",
    "Por que meu useEffect roda duas vezes no React?",
    "Hoe maak ik een nieuwe branch aan in git en push ik die?",
    "Jak w SQL usunąć duplikaty z tabeli?",
    "KeyError: 'user_id' when I read the request body in my handler",
    "implement an LRU cache in Java without LinkedHashMap",
    "the build passes locally but fails in GitHub Actions with 'module not found'",
    "what does the static keyword mean in C",
    "regex to match an email address, nothing fancy",
    "my kubernetes pod is stuck in Pending, how do I find out why",
    "Explain what a closure is with a tiny example",
    "pandas: how to fill missing values with the column mean",
    "Is it OK to store passwords hashed with sha256?",
    "what's the idiomatic way to handle errors in Rust",
    "def add(a, b): return a - b\n\nwhy does add(2, 3) give -1?",
    "How do I profile a slow Node.js script?",
    "Write a unit test for a function that parses dates like 2024-01-31",
]

_LETTER = (
    "Dear Mr Patel,\n\nThank you for your application for the position of Warehouse Supervisor. "
    "We were impressed by your experience and would like to invite you to an interview on "
    "Thursday 12 March at 10:00 at our Leeds site. Please bring photo ID and two references. "
    "If this time is not convenient, reply to this email with two alternatives.\n\n"
    "Kind regards,\nJo Barnes, HR"
)
_REVIEW = (
    "I bought these headphones for my commute. Sound is great and the battery lasts about "
    "30 hours, but the ear cushions got uncomfortable after an hour and the app kept "
    "disconnecting. Customer service replaced them quickly, though."
)
_MINUTES = (
    "Attendees: Sara, Ben, Lucía. Sara reported the venue deposit is paid. Ben still waits for "
    "two catering quotes. Lucía will draft the invitation by Monday. Budget is 8% over; Ben to "
    "ask the sponsor about extra funds. Next meeting on the 14th."
)

_DOCS = [
    f"What time is the interview and what should I bring?\n\n{_LETTER}",
    f"Is this review positive or negative overall?\n\n{_REVIEW}",
    f"List the action items and who owns each:\n{_MINUTES}",
    f"Make this sound friendlier but keep it short:\n\n{_LETTER}",
    "Fix the grammar: 'Me and him has went to the store yesterday and buyed three apple.'",
    "Classify each of these support messages as billing, bug or feature request: (1) I was "
    "charged twice this month. (2) The export button does nothing. (3) Could you add a dark "
    "mode?",
    "Compare these two product descriptions and tell me which is clearer. A: 'Lightweight "
    "aluminium frame, 9 kg, folds in seconds.' B: 'Our innovative frame technology delivers a "
    "revolutionary folding experience for the modern commuter.'",
    "Extract every date mentioned here: The lease starts on 1 April 2025, rent is reviewed on "
    "1 October each year, and notice must be given by 28 February 2026.",
    "Turn this paragraph into three bullet points: Our team reduced delivery times by 20% "
    "this quarter, mainly by moving the packing station closer to the loading dock. "
    "Complaints fell by a third. We plan to hire two more drivers in spring.",
    "Does this sentence have a comma splice? 'I wanted to go, it was raining.'",
    f"Wer hat hier welche Aufgabe bekommen? {_MINUTES}",
    "Übersetze bitte ins Englische: 'Wir bedanken uns für Ihre Geduld und melden uns bis "
    "Freitag mit einem Angebot.'",
    "Résume ce texte en une phrase : La mairie a annoncé la fermeture de la piscine "
    "municipale pendant trois mois pour des travaux de rénovation. Les abonnés seront "
    "remboursés ou pourront utiliser la piscine de la commune voisine.",
    "Corrige las faltas de este párrafo: 'Ayer fuimos ha la playa y nos bañamos aunque el "
    "agua estava muy fría.'",
    "Riscrivi questa email in tono più formale: 'Ciao, mi serve la fattura entro domani, "
    "grazie.'",
    "Traduza para o espanhol: 'A reunião foi adiada para a próxima semana por causa da greve.'",
    "Vat deze tekst samen in twee zinnen: De gemeente wil het centrum autovrij maken. "
    "Winkeliers vrezen minder klanten, maar bewoners zijn positief. Er komt eerst een "
    "proef van zes maanden.",
    "Popraw błędy w tym zdaniu: 'Wczoraj poszłem do sklepu i kupiłem chleba.'",
    f"What is the tone of this letter, and is anything in it unclear?\n\n{_LETTER}",
    "Which of these two sentences is more concise? 'Due to the fact that it rained, the game "
    "was cancelled.' / 'The game was cancelled because it rained.'",
    "Reorder these steps into a logical sequence: mix the dough, preheat the oven, bake for "
    "20 minutes, let it rest for an hour, shape the loaves.",
    f"Pick out the complaints in this review and ignore the praise:\n{_REVIEW}",
    "Give this paragraph a title: Every autumn the village holds a market where farmers sell "
    "apples, cider and cheese. The money raised goes to the school roof fund.",
    "Check this cover letter opening for clichés: 'I am a hard-working team player who "
    "thinks outside the box and is passionate about synergy.'",
    "Convert this list into a table with columns name and role: Anna - designer, Piotr - "
    "developer, Mei - product manager.",
    "Based on the passage below, why did the bridge close?\n\nThe old river bridge was "
    "closed on Monday after inspectors found cracks in two of its supports. Engineers say "
    "repairs will take at least six weeks, and a ferry will run in the meantime.",
    ("Here is a long article. Answer: what does the author recommend cities do first?\n\n"
     + " ".join(["Cities can cut heat by planting trees along streets and painting roofs "
                 "white, the author argues, and the cheapest first step is shade."] * 12)),
    "Split this run-on text into proper sentences: we arrived late the hotel had given our "
    "room away the manager apologised and found us another one across the street",
    "Highlight any legal obligations for the tenant in this clause: 'The Tenant shall keep "
    "the garden tidy and shall not keep pets without the Landlord's written consent.'",
    "Is the following statement consistent with the text? Text: 'Sales rose in May but fell "
    "in June.' Statement: 'Sales rose for two months in a row.'",
]

_CREATIVE = [
    "invent a new holiday and describe how people celebrate it",
    "Pitch me a TV show about a detective who can only solve crimes while baking",
    "imagine a city where it always rains upward. describe a morning there",
    "Compose a short lullaby for a baby elephant",
    "Describe a thunderstorm in the style of a sports commentator",
    "write a six-word memoir for a retired astronaut",
    "Give me five names for a bakery run by ghosts",
    "Tell a bedtime tale about a shy lighthouse",
    "A wedding toast for my sister who met her husband at a chess club",
    "come up with a slogan for a lemonade stand run by two kids",
    "Schreib ein kurzes Gedicht über den Herbst in Hamburg.",
    "Invente une petite histoire sur un chat qui veut devenir pilote.",
    "Escribe un cuento corto sobre un reloj que se niega a dar la hora.",
    "Scrivi una filastrocca su una pizza che vola.",
    "Crie um poema curto sobre saudade e o mar.",
    "Schrijf een grappig verhaaltje over een fiets die verliefd wordt.",
    "Napisz krótki wiersz o zimie w górach.",
    "Write the opening paragraph of a mystery set on a night train",
    "design a tabletop RPG monster that lives in libraries",
    "Imagine you are a tree that has stood for 500 years. What have you seen?",
    "rewrite Little Red Riding Hood as a corporate memo",
    "Describe my morning commute as if it were an epic quest",
    "Create a superhero whose only power is perfect parallel parking",
    "write a breakup letter from a sock to its missing partner",
    "Make up a recipe for a potion that cures Monday blues, with fantasy ingredients",
    "Write a scene where two rival chefs are stuck in an elevator",
    "brainstorm plot twists for a heist movie",
    "Draft a mock-heroic ode to my old laptop",
    "Narrate a day in the life of a pigeon in Rome",
    "Write a letter from the Moon to the Earth",
]

HELDOUT_19: tuple[Labelled, ...] = tuple(
    [Labelled(t, "chat") for t in _CHAT]
    + [Labelled(t, "code") for t in _CODE]
    + [Labelled(t, "docs") for t in _DOCS]
    + [Labelled(t, "creative") for t in _CREATIVE]
)
"""The issue-19 held-out set, 30 prompts per role."""
