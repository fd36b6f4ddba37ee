"""A labelled set of prompts for the auto router, written the way people type them.

The prompts were written before the rules in ``tui_chat/core/router.py``; the router is
measured against them, not the other way round. Labels follow what a person would want:

- ``code``: anything about programs, tools, errors, logs, pasted code or data.
- ``docs``: work on a given text: summarise, translate, rewrite, proofread, extract,
  explain a document, or a long pasted article with a question about it.
- ``creative``: make something up: stories, poems, lyrics, characters, role play.
- ``chat``: everything else, including greetings, facts, advice, explanations of the world.

Decisions on ambiguous cases (documented so the set stays honest):

- "Summarise this traceback" is **code**: the text to summarise is an error from a program,
  and a code model reads tracebacks better than a general summariser.
- "Translate this Python to Go" is **code**: the translation is between programming
  languages.
- A poem, limerick, rap or story *about* a programming topic is **creative**.
- "Explain <concept>" with no pasted document is **chat**; "explain this document/clause"
  is **docs**.
- A long paste of logs or code is **code**, not docs, even past ``long_prompt_chars``.
"""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    """One prompt and the role a person would expect to answer it."""

    text: str
    role: str
    note: str = ""


# --------------------------------------------------------------------------- long pastes

ARTICLE = """\
Cities are getting hotter faster than the countryside around them, and the reason is not
only climate change. Researchers have known for more than a century that built-up areas
trap heat: asphalt, concrete and brick absorb sunlight during the day and release it slowly
at night, so a dense downtown can stay several degrees warmer than the fields a few miles
away. The effect, usually called the urban heat island, was first described in London in
the 1810s by the amateur meteorologist Luke Howard, who noticed that his thermometer in the
city read consistently higher than the one at his country house.

What has changed is the scale. More than half of the world's population now lives in
cities, and by the middle of the century that share is expected to reach two thirds. At the
same time, heat waves are becoming longer and more frequent. When the two trends meet, the
consequences can be deadly. During the European heat wave of 2003, excess deaths in Paris
were concentrated in the central districts, where night-time temperatures barely dropped
below 25 degrees Celsius for more than a week. Older residents living alone on the top
floors of apartment buildings were among the most vulnerable.

The physics is straightforward. Natural surfaces such as soil and vegetation cool
themselves by evaporating water, a process that uses energy which would otherwise warm the
air. Paved surfaces cannot do this. Dark roofs and roads also reflect less sunlight than
grass or light-coloured materials, so they absorb more of it. Tall buildings close together
form canyons that trap radiation and block the wind, and air conditioners, cars and
factories add their own waste heat. The result is a city that behaves like a storage
heater, charging up during the afternoon and discharging all night long.

Not every neighbourhood suffers equally. Studies in the United States have found that
districts which were denied mortgage lending in the 1930s, a practice known as redlining,
are today on average more than two degrees hotter in summer than wealthier areas of the
same cities. They tend to have fewer trees, more highways and more industrial land. The
people who live there are also less likely to own air conditioning or to be able to afford
running it, which means the burden of heat falls hardest on those with the fewest ways to
escape it.

Cities have started to respond. The simplest measure is planting trees: a mature tree can
shade a street and evaporate hundreds of litres of water on a hot day. Melbourne has set
a goal of raising its canopy cover from 22 to 40 percent by 2040, and Paris is converting
school playgrounds from asphalt into shaded green spaces that can open to the public during
heat waves. Other cities are painting roofs and even roads white or pale grey. In Los
Angeles, a pilot programme coated several residential streets with a reflective sealant
and measured surface temperatures up to ten degrees lower than on untreated streets nearby.

Water is another tool. Fountains, misting stations and restored streams cool the air around
them, and permeable paving lets rain soak into the ground instead of running off into the
drains, so the soil can evaporate it later. Seoul famously removed an elevated highway in
the early 2000s and uncovered the Cheonggyecheon stream that had been buried beneath it.
Temperatures along the restored stream are now several degrees lower than on parallel
streets a few blocks away, and the corridor has become one of the city's most popular
public spaces.

None of these measures is free, and some have trade-offs. Reflective surfaces can bounce
heat onto pedestrians and nearby walls, making the street feel hotter at head height even
as the pavement cools. Trees need water, space for their roots and years of care before they
provide much shade, and they compete with underground pipes and cables for room. Green roofs
are expensive to retrofit on older buildings that were not designed to carry the extra
weight. Planners increasingly talk about combining approaches rather than relying on any
single fix.

Measuring the problem turned out to be harder than it sounds. Official weather stations
are usually sited at airports or in parks, away from the hottest streets, so for decades
they underestimated what people in dense neighbourhoods actually experienced. In recent
years volunteers have filled the gap. In campaigns organised in dozens of American cities,
residents drove cars fitted with temperature sensors along set routes in the morning,
afternoon and evening of a single hot day. The resulting maps showed differences of up to
nine degrees between neighbourhoods only a few kilometres apart, and they gave local
councils evidence that was hard to ignore. Satellite images add another view, recording
the surface temperature of every roof and car park, although the air people breathe can
be cooler or hotter than the ground beneath them.

There is also a question of who decides. Residents of hot neighbourhoods have sometimes
resisted greening projects because they fear that new parks and tree-lined streets will
raise rents and push them out, a pattern researchers call green gentrification. Community
groups argue that cooling programmes should come with protections for existing tenants and
should be designed with local people rather than for them. Several cities now map heat
exposure block by block and use those maps to decide where to spend first.

The heat island will not disappear, but it can be made smaller. The cities that are doing
best treat heat as a public health emergency with a plan, a budget and someone in charge,
rather than as a weather event to be endured. Some have appointed chief heat officers, set
up cooling centres in libraries and community halls, and built early warning systems that
send text messages to vulnerable residents when a heat wave is forecast. As summers get
longer, that kind of preparation may matter as much as any new tree or white roof.
"""

TENANCY = """\
ASSURED SHORTHOLD TENANCY AGREEMENT

1. The Landlord lets and the Tenant takes the Property for the Term at the Rent payable in
advance on the first day of each month by standing order.

2. The Tenant shall pay a Deposit equal to five weeks' Rent, which will be protected in a
government-approved scheme within 30 days of receipt. The Landlord may deduct from the
Deposit any reasonable costs of repairing damage caused by the Tenant, any unpaid Rent and
any charges for which the Tenant is liable under this Agreement.

3. The Tenant shall keep the interior of the Property in good and clean condition and shall
not make any alteration or addition to the Property, including the decoration, without the
prior written consent of the Landlord, such consent not to be unreasonably withheld.

4. The Tenant shall be responsible for the payment of council tax, water charges, gas,
electricity, telephone, broadband and television licence for the Property during the Term.

5. The Tenant shall not keep any animal at the Property without the written consent of the
Landlord. Where consent is given, the Tenant shall pay for the professional cleaning of all
carpets and soft furnishings at the end of the tenancy, and shall be liable for any damage
caused by the animal beyond fair wear and tear.

6. The Tenant shall not assign, sublet, part with or share possession of the whole or any
part of the Property, nor take in lodgers or paying guests, and shall not list the Property
on any short-term rental platform.

7. The Tenant shall permit the Landlord or the Landlord's agents, at reasonable times and on
giving not less than 24 hours' written notice, to enter the Property to inspect its
condition, to carry out repairs, or to show the Property to prospective tenants or buyers
during the last two months of the Term.

8. The Landlord shall keep in repair the structure and exterior of the Property, including
drains, gutters and external pipes, and keep in repair and proper working order the
installations for the supply of water, gas, electricity, sanitation and heating.

9. Should the Tenant wish to end the tenancy before the expiry of the Term, the Tenant may
do so only with the agreement of the Landlord, and the Tenant shall remain liable for the
Rent until a replacement tenant acceptable to the Landlord has been found, together with
the Landlord's reasonable costs of re-letting, including advertising and referencing fees,
not exceeding the equivalent of one month's Rent.

10. The Rent shall be reviewed annually on the anniversary of the start of the Term, and
may be increased by the Landlord by giving the Tenant not less than one month's written
notice of the new Rent, provided that any increase shall not exceed the percentage change
in the Consumer Prices Index over the preceding twelve months plus three percent.

11. The Tenant shall indemnify the Landlord against all costs, claims and demands arising
from any breach by the Tenant of the obligations in this Agreement, including the costs of
any legal proceedings reasonably incurred by the Landlord in enforcing them.

12. The Tenant shall ensure that smoke alarms and carbon monoxide detectors are tested
monthly and shall replace batteries where necessary, and shall report any fault to the
Landlord immediately in writing.

13. The Tenant shall not smoke, nor permit any visitor to smoke, inside the Property, and
shall not use any paraffin or bottled gas heater.

14. At the end of the Term the Tenant shall return all keys, including any copies made, and
shall leave the Property in the same clean state and condition as at the start of the
tenancy, fair wear and tear excepted, having removed all personal belongings and rubbish.
The Landlord may charge for the disposal of any items left behind after seven days.

15. The Tenant shall take out contents insurance for the Tenant's own belongings and shall
not do anything at the Property which might invalidate the Landlord's buildings insurance
or cause the premium to be increased, and shall pay any increase so caused.

16. The Tenant shall not use the Property for any business purpose, and shall use it only as
a private residence for the persons named in this Agreement and their children.

17. Any notice under this Agreement may be served by email to the address given by the
Tenant, and shall be deemed received on the working day after it is sent.
"""

EMAIL_THREAD = """\
From: Priya Nair
To: Facilities team
Subject: Re: Re: Office move - parking and keycards

Hi all, just following up on this. As far as I can tell we still don't have an answer on
whether the new building's car park will be ready by the 14th. Tom said last week that the
contractor expected sign-off on the 10th, but I've heard nothing since. Can someone confirm?

Also, keycards: HR says they sent the list of names to security on Monday, but three people
in my team have told me they haven't received anything. We can't get into the building
without them after 7pm.

---
From: Tom Becker
Hi Priya, sorry for the silence. Sign-off slipped to the 16th because of the lift
inspection. For the first week everyone should use the public car park on Harbour Street,
and we will reimburse up to 8 euros a day with receipts. I'll chase security about the
cards today.

---
From: Lena Ostrova (Security)
Cards for the first batch are printed. We are missing photos for eleven people, I'll send
the list separately. People without a card can sign in at reception until 9pm; after that
the night guard has a list and can let them in.

---
From: Priya Nair
Thanks both. So to sum up what I'll tell my team: car park from the 16th, Harbour Street
until then with receipts, and photos needed for cards. Is that right?
"""

MEETING_NOTES = """\
Weekly sync, 4 June
- Ana: budget review is due Friday, still waiting on numbers from marketing
- Ben: the supplier contract renewal was signed, new prices apply from July
- Chloe: hiring for the two support roles paused until Q3 per finance
- Ana & Dev: customer survey results are in, satisfaction down 4 points, mostly delivery times
- Dev: will draft a proposal for a second courier by next week
- Open question: who owns the onboarding doc now that Sam has left?
"""

SERVER_LOG = "\n".join(
    f"2024-05-{day:02d} {hour:02d}:{minute:02d}:{second:02d},{ms:03d} {level} "
    f"[{worker}] {message}"
    for day, hour, minute, second, ms, level, worker, message in [
        (
            12 + i // 40,
            (3 + i // 9) % 24,
            (i * 7) % 60,
            (i * 13) % 60,
            (i * 37) % 1000,
            ("INFO", "INFO", "WARN", "INFO", "ERROR")[i % 5],
            f"gunicorn.worker.{1200 + i % 4}",
            (
                "Booting worker with pid {}".format(1200 + i % 4),
                "GET /api/orders 200 in 143ms",
                "Worker timeout after 30s (pid:{}), restarting".format(1200 + i % 4),
                "POST /api/checkout 201 in 512ms",
                "Exception in worker process: OSError: [Errno 24] Too many open files",
            )[i % 5],
        )
        for i in range(80)
    ]
)

ESSAY_DRAFT = """\
When my grandmother moved in with us, I was eleven and convinced that nothing interesting
had ever happened to anyone over sixty. She brought two suitcases, a sewing machine and a
shoebox of photographs that she kept under her bed. It took me almost a year to ask about
the photographs, and another year to understand that the young woman in them, laughing on
the back of a motorbike in Lisbon, was her.

That shoebox changed how I think about history. In school, history was a list of dates and
treaties. In my grandmother's stories it was the price of bread, a brother who emigrated
and never wrote, a neighbour who disappeared in 1961. Each photograph was a door, and
behind each door was a room I had never imagined.

I want to study history because I want to keep opening those doors. I have started
recording interviews with older people in my town, and I have learned that almost everyone
has a shoebox of some kind, even if it only exists in their memory. The archive I am
building is small, but it has taught me to listen, to check facts against other sources,
and to respect the difference between what someone remembers and what actually happened.
"""


# --------------------------------------------------------------------------- the set

CHAT = [
    Labelled("hi", "chat"),
    Labelled("Hello! How are you today?", "chat"),
    Labelled("thanks, that helped a lot", "chat"),
    Labelled("ok", "chat"),
    Labelled("What's the capital of Australia?", "chat"),
    Labelled("How many tablespoons are in a cup?", "chat"),
    Labelled(
        "Can you recommend a good classic novel for a long flight?",
        "chat",
        "'classic' must not hit 'class'; recommending a novel is not writing one",
    ),
    Labelled("What's the difference between a crocodile and an alligator?", "chat"),
    Labelled("I'm feeling a bit stressed about my exams next week, any tips?", "chat"),
    Labelled(
        "Is Polish a hard language to learn for an English speaker?",
        "chat",
        "'Polish' the language, not 'polish this'",
    ),
    Labelled("What should I cook tonight with chicken, rice and some spinach?", "chat"),
    Labelled("Why is the sky blue?", "chat"),
    Labelled("Who won the 2018 World Cup?", "chat"),
    Labelled("how do I get red wine out of a carpet", "chat"),
    Labelled("Plan a 3-day itinerary for Lisbon in October", "chat"),
    Labelled("What are some good exercises for lower back pain?", "chat"),
    Labelled("Should I buy or lease a car if I drive about 10k miles a year?", "chat"),
    Labelled(
        "Explain how vaccines train the immune system",
        "chat",
        "'explain' without a document is a question",
    ),
    Labelled("What time zone is Tokyo in compared to London?", "chat"),
    Labelled(
        "Can you help me decide between a cat and a dog? I live in a small apartment.", "chat"
    ),
    Labelled("What does 'carpe diem' mean?", "chat"),
    Labelled("Tell me a fun fact about octopuses", "chat", "'tell me a' without a story"),
    Labelled("What's a good name for a golden retriever puppy?", "chat"),
    Labelled("How does compound interest work?", "chat"),
    Labelled("good morning! what's a quick healthy breakfast I can make in 5 minutes?", "chat"),
]

CODE = [
    Labelled(
        "```python\ndef add(a, b):\n    return a - b\n```\nwhy does this return the wrong answer?",
        "code",
    ),
    Labelled(
        "I get this when running my script:\n"
        "Traceback (most recent call last):\n"
        '  File "app.py", line 12, in <module>\n'
        "    main()\n"
        '  File "app.py", line 8, in main\n'
        "    print(data['user'])\n"
        "KeyError: 'user'",
        "code",
    ),
    Labelled("How do I reverse a linked list in Java?", "code"),
    Labelled("write a regex that matches US phone numbers like (555) 123-4567", "code"),
    Labelled("SQL: how do I get the top 3 salaries per department?", "code"),
    Labelled(
        "My Rust code won't compile:\n"
        "error[E0382]: borrow of moved value: `v`\n"
        " --> src/main.rs:5:20\n"
        "  |\n"
        "3 |     let v = vec![1, 2, 3];\n"
        "  |         - move occurs because `v` has type `Vec<i32>`",
        "code",
    ),
    Labelled(
        'Exception in thread "main" java.lang.NullPointerException\n'
        "\tat com.example.App.run(App.java:42)\n"
        "\tat com.example.App.main(App.java:10)",
        "code",
        "a bare stack trace with no question",
    ),
    Labelled(
        "Refactor this function to be more readable:\n"
        "function f(a){let r=[];for(let i=0;i<a.length;i++){if(a[i]%2==0){r.push(a[i]*2);}}"
        "return r;}",
        "code",
    ),
    Labelled("What's the difference between a list and a tuple in Python?", "code"),
    Labelled("git says 'detached HEAD' - how do I get back to my branch?", "code"),
    Labelled("How can I speed up a pandas groupby on 50 million rows?", "code"),
    Labelled(
        "Write a bash script that backs up my home directory to an external drive every night",
        "code",
    ),
    Labelled(
        "panic: runtime error: index out of range [3] with length 3\n\n"
        "goroutine 1 [running]:\n"
        "main.main()\n"
        "\t/home/me/app/main.go:9 +0x1d\n"
        "exit status 2",
        "code",
    ),
    Labelled(
        "Can you explain what this does? const debounce = (fn, ms) => { let t; return (...a) => "
        "{ clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; };",
        "code",
    ),
    Labelled(
        '#include <stdio.h>\nint main() { char buf[8]; gets(buf); printf("%s", buf); }\n'
        "is this safe?",
        "code",
    ),
    Labelled(
        "Review this diff please:\n"
        "diff --git a/src/util.py b/src/util.py\n"
        "--- a/src/util.py\n"
        "+++ b/src/util.py\n"
        "@@ -10,7 +10,7 @@ def parse(line):\n"
        "-    return line.split(',')\n"
        "+    return line.strip().split(',')",
        "code",
    ),
    Labelled("my docker container exits immediately with code 137, what does that mean?", "code"),
    Labelled("How do I center a div with CSS?", "code"),
    Labelled(
        "Translate this Python to Go:\n"
        "```python\nfor i, x in enumerate(items):\n    print(i, x)\n```",
        "code",
        "translation between programming languages",
    ),
    Labelled(
        "summarise this traceback for me, I don't understand what went wrong:\n"
        "Traceback (most recent call last):\n"
        '  File "/usr/lib/python3.11/site-packages/requests/adapters.py", line 486, in send\n'
        "    resp = conn.urlopen(\n"
        '  File "/usr/lib/python3.11/site-packages/urllib3/connectionpool.py", line 845, '
        "in urlopen\n"
        "    retries = retries.increment(\n"
        "urllib3.exceptions.MaxRetryError: HTTPSConnectionPool(host='api.example.com', port=443): "
        "Max retries exceeded with url: /v1/items (Caused by SSLError(SSLCertVerificationError(1, "
        "'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed')))",
        "code",
        "decision: a traceback is code even when the verb is 'summarise'",
    ),
    Labelled(
        "Why is my React component re-rendering infinitely when I call setState in useEffect?",
        "code",
    ),
    Labelled("kubectl get pods shows CrashLoopBackOff, how do I debug it?", "code"),
    Labelled(
        "This API returns:\n"
        '{"id": 12, "items": [{"sku": "A1", "qty": 2}, {"sku": "B7", "qty": 1}], "next": null}\n'
        "how do I parse it in TypeScript and type it properly?",
        "code",
    ),
    Labelled(
        "nginx keeps giving me this:\n"
        "2024/03/02 10:14:07 [error] 3121#3121: *18 connect() failed (111: Connection refused) "
        "while connecting to upstream, client: 10.0.0.5, server: example.com, request: "
        '"GET /api HTTP/1.1", upstream: "http://127.0.0.1:8000/api"\n'
        "what's wrong?",
        "code",
    ),
    Labelled("What's the time complexity of binary search and why?", "code"),
    Labelled(
        "Here are the last 80 lines of my server log, why does it keep restarting?\n\n"
        + SERVER_LOG,
        "code",
        "a long paste that is a log, not a document",
    ),
    Labelled(
        "my CI fails with ModuleNotFoundError: No module named 'yaml' but it works locally",
        "code",
    ),
]

DOCS = [
    Labelled(
        "Summarise this article in three bullet points:\n\n" + ARTICLE[:2400],
        "docs",
    ),
    Labelled(ARTICLE + "\nWhat are the key points?", "docs", "a 6,000-char paste with a question"),
    Labelled("tl;dr please\n\n" + EMAIL_THREAD, "docs"),
    Labelled(
        "Translate the following into French: 'We are pleased to confirm your reservation for "
        "two nights from 12 to 14 July. Breakfast is included and check-in is from 3pm.'",
        "docs",
    ),
    Labelled(
        "Proofread my cover letter:\n\nDear Hiring Manager,\nI am writting to apply for the "
        "position of junior accountant advertised on your website. I have recieved my degree in "
        "finance last year and have since worked as a intern at a small firm, where I was "
        "responsable for reconciling accounts and preparing monthly reports.",
        "docs",
    ),
    Labelled(
        "Can you rewrite this paragraph to sound more professional? 'hey guys, so the meeting is "
        "moved to thursday bc half the team is out, pls bring your numbers and dont be late lol'",
        "docs",
    ),
    Labelled(
        "Extract all the dates and amounts from this invoice text: Invoice #4471 issued 3 March "
        "2024 to Greenfield Ltd. Consulting services February: 2,400.00 EUR. Travel expenses: "
        "312.50 EUR. Payment due 2 April 2024. Late payments incur 1.5% per month.",
        "docs",
    ),
    Labelled(
        "Polish this paragraph for my thesis introduction: Social media has became a important "
        "part of how young people get news, but there is not much research about how they decide "
        "which sources to trust, which is what this thesis will look at.",
        "docs",
    ),
    Labelled(
        "summarize the meeting notes below into action items\n\n" + MEETING_NOTES,
        "docs",
        "note-like lines with 'Name:' must not look like YAML",
    ),
    Labelled(
        "Explain this document in plain English: " + TENANCY.split("\n\n")[9],
        "docs",
    ),
    Labelled("Translate to Spanish: The museum is closed on Mondays and public holidays.", "docs"),
    Labelled(
        TENANCY + "\nIs there anything in here I should worry about before I sign?",
        "docs",
        "long pasted legal text, no docs verb",
    ),
    Labelled(
        "Give me a one-paragraph summary of the following:\n\n" + ARTICLE.split("\n\n")[3],
        "docs",
    ),
    Labelled(
        "Make this email shorter and friendlier: 'Dear Mr Jones, I am writing to inform you that "
        "your request for annual leave from 3 to 14 August has been received and is currently "
        "under review by the department. You will be notified of the outcome in due course.'",
        "docs",
    ),
    Labelled(
        "Condense these lecture notes into a one-page study sheet:\n"
        "Photosynthesis happens in the chloroplasts. Light-dependent reactions in the thylakoid "
        "membranes split water, release oxygen and make ATP and NADPH. The Calvin cycle in the "
        "stroma uses ATP and NADPH to fix carbon dioxide into sugars. Rate depends on light "
        "intensity, CO2 concentration and temperature; the limiting factor is whichever is "
        "lowest.",
        "docs",
    ),
    Labelled(
        "What does this clause in my contract mean? 'The Tenant shall indemnify the Landlord "
        "against all costs, claims and demands arising from any breach by the Tenant.'",
        "docs",
    ),
    Labelled(
        "Fix the grammar in this: 'Me and him goes to the store yesterday and buyed three apple.'",
        "docs",
    ),
    Labelled(
        "Paraphrase this so it doesn't read like I copied it: 'The urban heat island effect is "
        "caused by the absorption of solar radiation by built surfaces and the reduction of "
        "evaporative cooling.'",
        "docs",
    ),
    Labelled("Here's my college essay draft, any feedback?\n\n" + ESSAY_DRAFT, "docs"),
    Labelled(
        "What are the main takeaways from this email thread? Keep it short.\n\n" + EMAIL_THREAD,
        "docs",
    ),
]

CREATIVE = [
    Labelled("write a poem about Python", "creative", "the topic is code, the task is a poem"),
    Labelled("Tell me a bedtime story about a dragon who is afraid of the dark", "creative"),
    Labelled("haiku about autumn rain", "creative"),
    Labelled("Write a limerick about a cat who learned to code", "creative"),
    Labelled("Can you write song lyrics about a road trip across Texas?", "creative"),
    Labelled("Write a short sci-fi story where the AI is the one who is lonely", "creative"),
    Labelled("Create a character for my D&D campaign: a half-elf bard with a secret", "creative"),
    Labelled("Write a screenplay scene where two ex-lovers meet at a train station", "creative"),
    Labelled("Compose a sonnet for my wife's 40th birthday", "creative"),
    Labelled("give me a funny rap verse about debugging at 3am", "creative"),
    Labelled(
        "Write the opening paragraph of a noir detective novel set in 1940s Lisbon", "creative"
    ),
    Labelled("Invent a myth explaining why the moon changes shape", "creative"),
    Labelled("I need a short fairy tale for my 5 year old about sharing", "creative"),
    Labelled("Write a villain monologue for a space opera", "creative"),
    Labelled("Write a story in which a SQL query comes to life", "creative"),
    Labelled("Brainstorm 10 fantasy names for a dwarven city", "creative"),
    Labelled("Write a funny toast for my brother's wedding", "creative"),
    Labelled("Describe a sunset over the ocean in vivid, poetic language", "creative"),
    Labelled(
        "Continue this story: The lighthouse keeper hadn't seen a ship in forty years, until one "
        "foggy morning a rowing boat knocked against the rocks below.",
        "creative",
    ),
    Labelled("roleplay as a pirate captain and tell me about your last voyage", "creative"),
]

PROMPTS: tuple[Labelled, ...] = tuple(CHAT + CODE + DOCS + CREATIVE)

# --------------------------------------------------------------------------- held out

# Written after the first version of the rules and measured before any tuning, to see
# how the router does on prompts it was not built around (see test_router.py).
HELDOUT = (
    Labelled("hey, quick question: is it safe to eat eggs past the best-before date?", "chat"),
    Labelled("What's the population of Canada?", "chat"),
    Labelled("How long should I let a steak rest after grilling?", "chat"),
    Labelled("my cat keeps scratching the couch, what can I do", "chat"),
    Labelled("What are the pros and cons of nuclear power?", "chat"),
    Labelled("Which is healthier, brown rice or quinoa?", "chat"),
    Labelled("How do noise-cancelling headphones work?", "chat"),
    Labelled("Give me some ideas for a rainy Sunday with two kids", "chat"),
    Labelled("Is it worth learning to play piano at 40?", "chat"),
    Labelled("What's the story behind the Eiffel Tower?", "chat", "'story' as history"),
    Labelled("Can you tell me about the history of the Roman Empire?", "chat"),
    Labelled("What's the best way to prepare for a job interview at a bank?", "chat"),
    Labelled("How do I read a CSV file in Python and skip the header row?", "code"),
    Labelled("what's the difference between let and const in JS", "code"),
    Labelled("My Flask app returns 500 on POST /login but GET works fine", "code"),
    Labelled("Write a function that checks if a string is a palindrome", "code"),
    Labelled("how to undo the last commit but keep my changes", "code"),
    Labelled(
        "Optimize this query: SELECT * FROM orders WHERE customer_id IN (SELECT id FROM "
        "customers WHERE country = 'DE');",
        "code",
    ),
    Labelled("npm install fails with EACCES permission denied on macOS", "code"),
    Labelled("Explain the difference between a process and a thread", "code", "OS concepts"),
    Labelled(
        "Can you convert this to async?\n\nimport requests\n\ndef fetch_all(urls):\n"
        "    return [requests.get(u).json() for u in urls]",
        "code",
    ),
    Labelled(
        "segmentation fault (core dumped) when I run my C program after adding a malloc", "code"
    ),
    Labelled("What does `git rebase -i HEAD~3` do?", "code"),
    Labelled("TypeError: Cannot read properties of undefined (reading 'map')", "code"),
    Labelled(
        "Summarize this in two sentences: The committee met on Tuesday to discuss the proposed "
        "changes to the parking policy. After a long debate, members agreed to postpone the vote "
        "until the next meeting so that residents could submit comments.",
        "docs",
    ),
    Labelled(
        "Can you translate this message from my German landlord? 'Sehr geehrte Frau Klein, die "
        "Heizung wird am Montag zwischen 8 und 12 Uhr gewartet. Bitte sorgen Sie dafür, dass die "
        "Heizkörper zugänglich sind.'",
        "docs",
    ),
    Labelled(
        "Rewrite this in simpler words for a 10 year old: Photosynthesis is the process by which "
        "green plants use sunlight to synthesize nutrients from carbon dioxide and water.",
        "docs",
    ),
    Labelled(
        "Please check this for spelling mistakes: 'Their going to the libary tommorow to return "
        "the books.'",
        "docs",
    ),
    Labelled(
        "Pull out the names of all the people mentioned in this text: At the launch, CEO Maria "
        "Lopez thanked engineers Tom Reed and Aisha Khan, while investor Paul Chen praised the "
        "team.",
        "docs",
    ),
    Labelled(
        "Turn these notes into a proper paragraph: - met supplier - prices up 5% - delivery now "
        "2 weeks - need to decide by Friday",
        "docs",
    ),
    Labelled(ARTICLE[:4500] + "\n\nCan you give me the gist?", "docs"),
    Labelled(
        "What is this letter actually asking me to do? 'Dear Customer, our records indicate that "
        "the direct debit mandate for your account ending 4471 has been cancelled. To avoid "
        "interruption of service, please contact us within 14 days.'",
        "docs",
    ),
    Labelled(
        "shorten this to under 50 words: We are excited to announce that starting next month our "
        "office will be open on Saturdays from 9am to 1pm to better serve customers who cannot "
        "visit during the week. Appointments are recommended but walk-ins are welcome.",
        "docs",
    ),
    Labelled(
        "Make a bulleted list of the main arguments in this op-ed:\n\n"
        + "\n\n".join(ARTICLE.split("\n\n")[7:9]),
        "docs",
    ),
    Labelled("write me a short poem for a retirement card", "creative"),
    Labelled("Can you make up a story about a robot who wants to be a chef?", "creative"),
    Labelled(
        "I'm writing a fantasy novel. Give me a name and backstory for the antagonist.", "creative"
    ),
    Labelled("Write lyrics for a punk song about Monday mornings", "creative"),
    Labelled("compose a haiku about my morning coffee", "creative"),
    Labelled(
        "Write a dialogue between Socrates and a modern teenager about smartphones", "creative"
    ),
    Labelled(
        "Pretend you're a medieval knight and describe your first time seeing a car", "creative"
    ),
    Labelled("tell me a joke about programmers", "creative"),
    Labelled("Write a Twitter thread from the point of view of a cat", "creative"),
    Labelled("Give me three opening lines for a horror story set in a lighthouse", "creative"),
    Labelled("A limerick about my colleague Dave who always forgets his lunch, please", "creative"),
)
