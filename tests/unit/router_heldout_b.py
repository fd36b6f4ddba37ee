"""Held-out set B for the auto router: 140 prompts, 35 per role, never used to tune it.

How it was kept apart (issue 19, second round):

- Written on 2026-12-02 (about 00:45-00:57 UTC) by the engineer on the second round of issue 19,
  *before* any change to the router in that round, without opening the shipped example set
  (``tui_chat/data/router_examples.jsonl``) or ``HELDOUT_19``'s prompts, and without running
  the router on any prompt while writing. It was committed alone, then scored once on the
  router as it stood and on the old rules-only router; after that it was only scored again
  at the end of the round. Tuning used the example set, ``HELDOUT_19`` (already looked at,
  so a dev set now) and the engineer's own dev prompts, never this file.
- Written from the issue's list of what is hard: work on a given text phrased without a
  summarise/translate verb (comparing, classifying, extracting, restructuring, checking,
  questions about it); creative requests without story/poem words (invent, pitch, compose,
  imagine, describe in a style); short code with no fence; prompts not in English; short and
  long.
- Labels follow ``router_prompts.py``: code = programs, tools, errors, data; docs = work on a
  given text; creative = make something up; chat = everything else ("compare two phones"
  with no text given is chat; a concept of programming is code).
"""

from __future__ import annotations

from router_prompts import Labelled

_POLICY = """\
Remote work policy (v3, effective 1 January)

1. Employees may work remotely up to three days per week, subject to their manager's approval.
2. Work from outside the country of employment is permitted for no more than 20 working days
   per calendar year, and requires written approval from HR at least two weeks in advance,
   because of tax and insurance obligations.
3. Employees working remotely must be reachable during core hours (10:00-15:00 local office
   time) and must use the company VPN for all work systems.
4. Equipment provided by the company remains its property and must be returned within ten
   days of the end of employment.
5. Exceptions to these rules can be granted by a director for medical or family reasons.

"""

_ARTICLE = """\
The town of Ferrol once built half the ships in the country. When the yards shrank in the
1980s, thousands of jobs went with them, and young people left for Madrid and abroad. Today
the population is a third smaller than at its peak. But something is changing: a small
cluster of offshore wind companies has moved into the old dry docks, attracted by deep
water, cheap land and a workforce that still knows how to weld steel at scale. The mayor
says two hundred jobs have been created in three years. Critics point out that most of the
engineers come from elsewhere, and that the turbines are assembled, not designed, in the
town. Still, for the first time in decades, the local school has added a class.

"""

_TRANSCRIPT = """\
Priya: I think we should move the release to March, QA needs another two weeks.
Tom: Two weeks is fine, but March means we miss the trade fair. I'd rather cut the export
feature and ship in February.
Priya: Cutting export will annoy the two customers who asked for it.
Lena: I agree with Tom. We can ship export in a point release in April.
Jonas: I'm against moving anything. If QA works the weekend we can keep the date.
Priya: Nobody is working the weekend again.

"""

_CODE_PASTE = """\
def load_users(path):
    users = {}
    for line in open(path):
        name, age, city = line.split(",")
        users[name] = {"age": int(age), "city": city}
    return users

This crashes with ValueError: not enough values to unpack on some files. What's wrong and
how do I make it robust?"""

_CHAT = [
    "what's the difference between a crocodile and an alligator",
    "Can I freeze cooked rice?",
    "How long does it take to walk 10 km?",
    "my cat keeps scratching the sofa, what do I do",
    "Is it worth learning to touch type at 40?",
    "Who was the first woman to win a Nobel prize?",
    "hey, how's it going?",
    "Why is the sky darker straight up than near the horizon?",
    "What should I pack for a week of hiking in Scotland in May?",
    "Explain how a mortgage offset account works",
    "Wie lange dauert es, bis ein Tattoo verheilt ist?",
    "¿Cuál es la mejor época para visitar Japón?",
    "Quelle est la différence entre un crédit à taux fixe et à taux variable ?",
    "Quanto sale devo mettere nell'acqua della pasta?",
    "Qual é a capital da Austrália?",
    "Hoe kan ik beter slapen als ik nachtdiensten draai?",
    "Jak długo gotować jajko na twardo?",
    "thanks, that helped a lot",
    "Which is healthier, brown rice or quinoa?",
    "Recommend me some podcasts about history",
    "How do vaccines train the immune system?",
    "I have a job interview tomorrow for a nursing position and I'm really nervous. Any advice"
    " on how to calm down, and what kind of questions do they usually ask?",
    "what year did the berlin wall fall",
    "Is it safe to run every day?",
    "How do I get red wine out of a carpet?",
    "Why do cats purr?",
    "Compare the iPhone 15 and the Pixel 8 for battery life",
    "explain inflation like I'm five",
    "Can you help me plan a budget? I earn 2800 a month after tax and rent is 1100.",
    "What are the symptoms of low iron?",
    "Kannst du mir ein gutes Buch über den Zweiten Weltkrieg empfehlen?",
    "How many moons does Jupiter have?",
    "should I repot a cactus in winter",
    "Was ist der Unterschied zwischen Wetter und Klima?",
    "good morning! what should I cook tonight with chicken, leeks and potatoes?",
]

_CODE = [
    "reverse a linked list in C",
    "how do I undo the last git commit but keep the changes",
    "python: sort a list of dicts by the 'age' key",
    "What's the difference between let and const in JavaScript?",
    "regex to match an email address",
    "my docker container exits immediately with code 137, why?",
    "SELECT name, COUNT(*) FROM orders GROUP BY customer_id; why does Postgres say name must"
    " appear in the GROUP BY clause?",
    "how to center a div horizontally and vertically",
    "write a bash one-liner that finds all files over 100MB",
    "convert this to a list comprehension: result = []\nfor x in xs:\n    if x > 0:\n"
    "        result.append(x * 2)",
    "TypeError: 'NoneType' object is not subscriptable - what does that mean?",
    "Rust says cannot borrow `v` as mutable because it is also borrowed as immutable. How do"
    " I fix it?",
    "Wie schreibe ich in Python eine Funktion, die prüft, ob eine Zahl eine Primzahl ist?",
    "¿Cómo hago un bucle for en Go que recorra un mapa?",
    "Comment lire un fichier CSV avec pandas en sautant la première ligne ?",
    "Come faccio a unire due branch in git mantenendo la cronologia?",
    "Como faço para instalar uma versão específica de um pacote com pip?",
    "Hoe maak ik een REST API in Flask?",
    "Jak w JavaScript usunąć duplikaty z tablicy?",
    "kubectl get pods shows CrashLoopBackOff, how do I see the logs of the previous container?",
    "Write a unit test for a function that parses ISO dates",
    "What does the volatile keyword do in Java?",
    "big O of binary search?",
    "implement debounce in typescript",
    "nginx returns 502 bad gateway behind gunicorn",
    "def f(x=[]): x.append(1); return x   why does the list keep growing between calls?",
    "How do I send JSON with a bearer token using curl?",
    "I'm building a small inventory app with SQLite. There's a table items(id, name, qty) and I"
    " want every change recorded in a history table automatically. Should I use a trigger or do"
    " it in the application, and what would the trigger look like?",
    "vim: how do I replace a word in the whole file?",
    "segfault when I free a pointer twice in C, how to avoid",
    "can this be faster? for i in range(len(a)): for j in range(len(b)): if a[i] == b[j]:"
    " count += 1",
    "write a Makefile that builds every .c file in src/ into bin/",
    "what's a closure in programming",
    "how do I read environment variables in Node.js",
    _CODE_PASTE,
]

_DOCS = [
    "Which of these two sentences is more formal? 'We regret to inform you that your"
    " application was unsuccessful.' / 'Sorry, you didn't get the job.'",
    "Here is the abstract of a paper: 'We study the effect of sleep deprivation on working"
    " memory in 48 adults. Participants who slept less than five hours showed a 20% drop in"
    " recall accuracy compared with controls.' How many participants were there and what was"
    " the main finding?",
    "Pull out every date and amount from this invoice: 'Invoice 2231, issued 3 March 2024."
    " Consulting, 12 hours at €80: €960. Travel 14 March: €145. Due by 2 April 2024.'",
    "Is this paragraph grammatically correct? 'Each of the students have their own locker, and"
    " neither the teacher nor the pupils was aware of the change.'",
    "Turn these meeting notes into a list of action items: Anna will send the budget by"
    " Friday. We agreed to postpone the launch to June. Marc to check the supplier contract."
    " Next meeting on the 12th.",
    "Classify each of these customer reviews as positive, negative or neutral: 1) 'Arrived"
    " fast, works great.' 2) 'The box was damaged and the charger missing.' 3) 'It's a phone"
    " case.'",
    "What is the tone of this email? 'Per my last message, I still haven't received the"
    " report. Please advise when I can expect it.'",
    "Which of these two job ads is clearer, and why? A) 'Seeking motivated individual for"
    " dynamic role in fast-paced environment.' B) 'We need a warehouse supervisor for night"
    " shifts, 40 hours a week, forklift licence required.'",
    "Put this into the passive voice: 'The committee approved the new budget. The mayor signed"
    " it on Monday.'",
    "Does this clause let the landlord raise the rent during the lease? 'The Rent shall remain"
    " fixed for the Term, save for adjustments required by law or agreed in writing by both"
    " parties.'",
    "Make this shorter without losing anything important: 'Due to the fact that the weather"
    " conditions were not favourable at the time, the decision was made by the organisers to"
    " postpone the event until a later date that is yet to be determined.'",
    "Put these steps in the right order: 'Pour the batter. Preheat the oven. Mix flour and"
    " eggs. Bake for 30 minutes. Grease the tin.'",
    "Check my cover letter for typos: 'Dear Hiring Manger, I am writting to apply for the"
    " position of acountant advertised on your website.'",
    "Kannst du diesen Satz in einfacher Sprache sagen? 'Die Inanspruchnahme der Leistung setzt"
    " die fristgerechte Einreichung sämtlicher erforderlichen Unterlagen voraus.'",
    "Corrige les fautes de ce texte : 'Je suis aller au marché hier et j'ai acheter des pommes"
    " qui était très bonne.'",
    "¿De qué trata este párrafo? 'La desertificación avanza en el sur de España debido a la"
    " sobreexplotación de acuíferos y al aumento de las temperaturas, lo que amenaza la"
    " agricultura tradicional.'",
    "Quali sono i punti principali di questo testo? 'Il comune ha deciso di chiudere il centro"
    " storico alle auto nei fine settimana. I commercianti temono un calo delle vendite, mentre"
    " i residenti apprezzano la riduzione del rumore.'",
    "Reescreva este e-mail de forma mais educada: 'Preciso do relatório até amanhã. Não atrase"
    " de novo.'",
    "Wat is de kernboodschap van deze alinea? 'Thuiswerken bespaart reistijd, maar veel"
    " werknemers missen het contact met collega's en vinden het moeilijker om werk en privé te"
    " scheiden.'",
    "Popraw interpunkcję w tym zdaniu: 'Kiedy wróciłem do domu okazało się że nikt nie zamknął"
    " drzwi a kot uciekł.'",
    _ARTICLE + "Give this article a headline.",
    _POLICY + "Does this mean I can work from Portugal for two months this summer?",
    "Extract the names of all the people mentioned: 'At the ceremony, Dr. Helen Park thanked"
    " her colleagues Raj Mehta and Tomás Ruiz, while the dean, Margaret O'Neill, presented the"
    " award.'",
    "Make a table with columns name, role and start date from this: Sara Lind - designer -"
    " joined 2021-04-01; Omar Haddad - backend developer - joined 2022-09-15; Li Wei - product"
    " manager - joined 2020-01-10.",
    "What's wrong with the reasoning here? 'Since ice cream sales and drownings both rise in"
    " summer, ice cream must cause drowning.'",
    "Tag each sentence with its topic (sport, politics, weather): 'The minister resigned this"
    " morning. Heavy rain is expected on Sunday. City won 3-1 at home.'",
    "Find the contradictions in this witness statement: 'I was home all evening. I left at"
    " eight to buy milk and came back around ten. Nobody visited me, except my brother who"
    " stayed until nine.'",
    "Make the tone of this message friendlier: 'Your request has been received. Processing"
    " will take 10 working days. Do not contact us before then.'",
    "Here's my essay intro, is the thesis clear? 'Social media has changed many things. Some"
    " people like it and some don't. In this essay I will talk about social media.'",
    "Reword these instructions for a ten-year-old: 'Ensure the device is disconnected from the"
    " mains supply prior to cleaning. Do not immerse in water.'",
    "Answer from the text only: who bought the house? 'In 1998 the Millers sold the farmhouse"
    " to a young couple from Leeds, who later turned the barn into a pottery studio.'",
    "Split this into three sentences: 'The project, which started in 2019 and was funded by a"
    " grant from the regional council, aimed to restore the old railway line, but after delays"
    " caused by the pandemic and rising costs it was scaled back to a walking path.'",
    "List the pros and cons the reviewer mentions: 'The laptop is light and the screen is"
    " gorgeous, but the battery barely lasts five hours and the keyboard feels mushy. Still,"
    " for the price it's hard to beat.'",
    _TRANSCRIPT + "Who is against the proposal to cut the export feature, and who supports it?",
    "Traduis en anglais : 'Le train de 8 h 15 est supprimé en raison d'une grève.'",
]

_CREATIVE = [
    "Invent a new holiday and describe how people celebrate it",
    "Pitch me a TV series about a retired astronaut who opens a bakery",
    "Imagine a city where it rains upwards. What is daily life like there?",
    "Describe a rainy Tuesday in the style of Raymond Chandler",
    "Compose a lullaby for a baby dragon",
    "Come up with a slogan for a lemonade stand run by robots",
    "Create a villain for my fantasy campaign: motives, looks and a catchphrase",
    "write a limerick about a forgetful octopus",
    "You are a pirate captain. Greet your new crew.",
    "Give me five names for a fantasy tavern",
    "Make up a myth explaining why the moon has spots",
    "Describe the taste of coffee to someone from a planet where it doesn't exist",
    "Write song lyrics about leaving a small town",
    "Draft a funny but kind wedding toast for my brother Tom, who loves fishing",
    "Dream up an alien species that communicates with smells",
    "Invente une histoire courte sur un chat qui voulait devenir astronaute",
    "Erfinde einen Werbespruch für ein Café, das nur nachts geöffnet hat",
    "Imagina que eres un árbol de quinientos años y cuéntame lo que has visto",
    "Scrivi una filastrocca sulla pioggia per bambini",
    "Inventa um super-herói cujo poder é encontrar coisas perdidas",
    "Bedenk een grappige naam en achtergrond voor een magische kikker",
    "Wymyśl bajkę o lisie, który bał się ciemności",
    "What would a conversation between Napoleon and a modern teenager sound like? Write it as"
    " a dialogue.",
    "Describe an abandoned amusement park at dusk, lots of atmosphere",
    "Pretend you're a grumpy medieval innkeeper and I just walked in",
    "Give me a plot for a murder mystery set on a space station",
    "haiku about monday mornings",
    "Write a monologue for a houseplant that feels neglected",
    "Brainstorm three premises for a horror game set in a library",
    "Describe my morning commute as if it were an epic battle",
    "Create a fake advert for a time machine that only goes back five minutes",
    "Invent the rules of a sport played in zero gravity",
    "I'm running a tabletop game next week. The players arrive at a swamp village where"
    " everyone is suspiciously cheerful. Flesh out the village: three NPCs with secrets, a"
    " rumour, and what's really going on.",
    "Rédige le discours d'un méchant de film qui révèle enfin son plan",
    "Write a diary entry from the point of view of a lighthouse keeper in 1890",
]

HELDOUT_B: tuple[Labelled, ...] = tuple(
    [Labelled(t, "chat") for t in _CHAT]
    + [Labelled(t, "code") for t in _CODE]
    + [Labelled(t, "docs") for t in _DOCS]
    + [Labelled(t, "creative") for t in _CREATIVE]
)
"""Held-out set B, 35 prompts per role."""
