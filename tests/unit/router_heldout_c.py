"""Held-out set C for the auto router: 160 prompts, 40 per role, written blind.

How it was kept apart: written in one sitting on 2026-12-02 (04:09 UTC, per
``date -u``) by a helper session started for this task alone, working blind. The
helper did not open, grep or run anything under ``tui_chat/`` (so never saw the router
or its rules), nor ``/work/wt19/``, ``router_heldout.py``, ``router_heldout_b.py`` or
any ``router_examples.jsonl``, and never ran the router on these prompts. The only
repository text it read was the module docstring of ``router_prompts.py`` (first 25
lines, for the labelling policy) and its ``Labelled`` NamedTuple definition. Labels
come from that policy and the brief, not from router output; nobody tuning the
router has seen this set.
"""

from __future__ import annotations

from router_prompts import Labelled

# --------------------------------------------------------------------------- code pastes

_TRACEBACK = """Traceback (most recent call last):
  File "/srv/app/manage.py", line 22, in <module>
    main()
  File "/srv/app/manage.py", line 18, in main
    execute_from_command_line(sys.argv)
  File "/srv/app/venv/lib/python3.11/site-packages/django/core/management/__init__.py", line 442, in execute_from_command_line
    utility.execute()
  File "/srv/app/venv/lib/python3.11/site-packages/django/db/backends/utils.py", line 89, in _execute
    return self.cursor.execute(sql, params)
psycopg2.errors.UndefinedColumn: column accounts_user.last_seen does not exist
LINE 1: ...user"."is_active", "accounts_user"."date_joined", "accounts_...
                                                             ^"""

_NGINX_LOG = """2024/03/11 09:14:02 [error] 1187#1187: *5521 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.3.17, server: api.example.com, request: "GET /v1/orders HTTP/1.1", upstream: "http://127.0.0.1:8000/v1/orders", host: "api.example.com"
2024/03/11 09:14:02 [error] 1187#1187: *5522 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.3.22, server: api.example.com, request: "POST /v1/cart HTTP/1.1", upstream: "http://127.0.0.1:8000/v1/cart", host: "api.example.com"
2024/03/11 09:14:05 [warn] 1187#1187: *5523 upstream server temporarily disabled while connecting to upstream, client: 10.0.3.17, server: api.example.com
10.0.3.17 - - [11/Mar/2024:09:14:02 +0000] "GET /v1/orders HTTP/1.1" 502 157 "-" "okhttp/4.9.3"
10.0.3.22 - - [11/Mar/2024:09:14:02 +0000] "POST /v1/cart HTTP/1.1" 502 157 "-" "Mozilla/5.0"
10.0.3.31 - - [11/Mar/2024:09:14:09 +0000] "GET /health HTTP/1.1" 502 157 "-" "kube-probe/1.27\""""

_WORKFLOW = """on:
  push:
    branches: main
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: test
        run: pytest -q
        env: FOO: bar"""

# --------------------------------------------------------------------------- docs texts

_EMAIL_PA = """Hi Mark,

As I mentioned in my last three emails, the report was due Friday. I'm sure you're very busy, but some of us managed to hit the deadline. Per my previous message, please send it by end of day, if that's not too much trouble.

Thanks in advance,
Julia"""

_TWO_PARAS = """A: Hey all, quick heads up - the office is closed Monday 'cause of the plumbing thing. Work from home if you can!

B: Please be advised that the office will remain closed on Monday owing to essential plumbing repairs. Staff are requested to work remotely where possible."""

_CLAUSE = """4.2 The Supplier shall deliver the Goods within 14 days of the Order Date. Delivery dates are estimates only and time shall be of the essence. The Buyer may not cancel an Order once placed, except as provided in clause 4.5, and may cancel any Order at any time before dispatch without charge."""

_VENUE_NOTES = """notes from call w/ venue
- Priya to confirm catering numbers by Tue
- deposit 500 eur, Tom pays before 15th
- AV check on the day at 9am, Sam
- need final guest list friday (Priya)"""

_OPINION = """Remote work, the author contends, has not so much killed the office as exposed what it was for. Meetings that once filled calendars turned out to be rituals of visibility rather than decision-making, and the companies that have struggled most with hybrid schedules are, she argues, the ones that never knew how work actually got done in the first place."""

_PTA = """CHAIR: Next item, the spring fair. Lucy, can you still do the cake stall?
LUCY: Yes, but I need two more volunteers.
CHAIR: Raj, could you ask in the class WhatsApp groups?
RAJ: Sure, I'll do that this week. We also need to book the bouncy castle before March.
CHAIR: I'll call the company Monday. And someone has to update the parents' newsletter.
MEI: I'll take the newsletter, but I need the dates from Lucy by the 20th."""

_KUENDIGUNG = """Sehr geehrte Damen und Herren, hiermit kündige ich meinen Mitgliedsvertrag fristgerecht zum 31.03. Bitte bestätigen Sie mir den Eingang dieser Kündigung sowie das Vertragsende schriftlich. Einer weiteren Abbuchung von meinem Konto widerspreche ich."""

_CONGESTION = """The city council voted on Tuesday to introduce a congestion charge for private cars entering the historic centre on weekdays between 7am and 7pm. Drivers will pay 8 euros a day, with exemptions for residents, taxis and blue-badge holders. Officials say the scheme should cut traffic by a quarter and raise about 30 million euros a year, all of which is to be spent on buses and cycle lanes. Shop owners in the centre have warned that customers will simply go to out-of-town malls instead. A similar charge in a neighbouring city was scrapped after two years when revenue fell short of forecasts. The charge is due to begin in January, after a three-month trial with cameras but no fines."""

_REVIEWS = """1. Arrived on time, works great, but the charger died after a week.
2. Absolutely love it, my daughter uses it every day.
3. Waste of money. Returned it.
4. Does what it says. Nothing more, nothing less."""

_INTEREST = """Interest is the cost of borrowing money, expressed as a percentage of the principal over a set period. When you deposit money in a savings account, the bank pays you interest because it is effectively borrowing your money to lend to others at a higher rate."""

_POLICY_SELF = """Our new policy is fully flexible: employees may choose any hours they like. Everyone must be online between 9 and 5, and working outside those hours requires manager approval. This gives staff complete freedom over their schedule."""

_PRESS = """GreenLeaf Foods today announced the opening of its third processing plant in Ohio, creating 240 local jobs. The $38 million facility will produce plant-based dairy alternatives and is expected to be fully operational by autumn. CEO Dana Whitfield said the expansion reflects "surging demand across the Midwest." The company also confirmed a partnership with Ohio State University to fund two agricultural research scholarships."""

_INVOICE = """Invoice #20931 issued 3 May 2024 to Harlow Design Ltd. Web hosting (12 months) £240.00; domain renewal £18.50; emergency support call on 17 April £95.00. Subtotal £353.50, VAT 20% £70.70, total due £424.20 by 2 June 2024."""

_BIO = """Dr. Helen Okafor is a marine biologist with over twenty years of experience studying coral reef ecosystems across the Indian and Pacific Oceans. She earned her PhD at the University of Cape Town and has since held research positions in Australia, Kenya and Hawaii. Her work on coral bleaching has been published in more than sixty peer-reviewed journals, and she frequently advises governments on marine conservation policy. In her spare time she is a keen underwater photographer and mentors young women entering the sciences."""

_COVER = """Hey there! I'm super into your company and honestly think I'd crush it as your new marketing coordinator. I've done a bunch of social media stuff for my uncle's bakery and it went pretty viral lol. Hit me up!"""

_BRIDGE = """The footbridge had been inspected in 2019 and declared sound. However, engineers later found that a drainage channel had been blocked during resurfacing work in 2021, allowing rainwater to pool around the steel supports. Over two winters the trapped water accelerated corrosion, and on 9 February one of the main supports gave way under the weight of a crowd leaving a football match."""

_POLICY_OLD_NEW = """OLD: Employees may carry over up to 5 unused vacation days into the next calendar year. Carried-over days must be used by March 31.

NEW: Employees may carry over up to 10 unused vacation days into the next calendar year. Carried-over days must be used by June 30 and require manager approval. Days not used by then are paid out at half rate."""

_MOOSE = """so me and my brother was driving up to the lake, right, and theres this huge moose just standing in the road like it owned the place, we must of sat there twenty minutes and he just looked at us"""

_GRANDMA = """ok so my grandma's recipe as she told it: you brown the onions first but not too much, then the meat goes in, and before that you should have soaked the beans overnight, oh and salt at the end never at the start, then tomatoes and let it go for two hours low, and the paprika goes in with the onions not later"""

_OPED = """Cities should ban cars from their centres entirely. Every place that has tried it has seen businesses thrive, air quality improve and residents become happier. Critics who worry about deliveries and disabled access are simply resisting change. The evidence is overwhelming, and any mayor who hesitates is putting profits before lives."""

_NUMBERS = """Revenue grew 20% year over year, from $50 million to $65 million. Operating costs stayed flat at $40 million, which lifted operating profit from $10 million to $25 million, an increase of 150%."""

_THREAD = """From: Karen - Can someone book the meeting room for Thursday?
From: Luis - I'll do the room. Dev, can you send the slides round Wednesday?
From: Dev - Will do. Karen, are you ordering lunch?
From: Karen - Yes, I'll sort lunch, and I'll send the agenda tonight. Luis, remind the client about parking."""

_PEOPLE = """At the ceremony, Mayor Alice Brandt handed the keys to the new library to head librarian Tomás Vidal, while architect Keiko Mori explained the building's solar roof. The project was funded largely by local philanthropist George Aldana, who was unable to attend; his granddaughter Lena read a short message on his behalf."""

_INTERVIEW = """Q: Tell me about a time you missed a deadline.
A: Honestly, I don't really miss deadlines. Well, once, on the Henderson account, I underestimated how long the data cleanup would take, so I told my manager late.
Q: What would you do differently?
A: Probably flag it earlier. I tend to try to fix everything myself before asking for help.
Q: How do you handle disagreement in a team?
A: I usually just go along with the majority to keep things moving, even if I think it's wrong."""

_ES_CORREO = """Hola jefe, mañana no voy porque tengo médico, ya te aviso luego. Si pasa algo me escribes al whatsapp."""

_FR_FAUTES = """Hier, nous somme allé au marché et nous avons acheter des pommes, des poires et du fromages. Il faisait tres beau et les enfants était content de pouvoir courir partout."""

_DE_MIETE = """§ 5 Der Mieter verpflichtet sich, die Wohnung pfleglich zu behandeln und Schäden unverzüglich dem Vermieter anzuzeigen. Schönheitsreparaturen trägt der Mieter. Die Haltung von Haustieren, mit Ausnahme von Kleintieren, bedarf der schriftlichen Zustimmung des Vermieters."""

_PT_CAFE = """O consumo de café no Brasil cresceu 3% no último ano, impulsionado principalmente pelas cafeterias especializadas. Apesar da alta nos preços, os consumidores jovens têm buscado grãos de origem controlada e métodos de preparo artesanais, o que tem mudado o perfil do mercado."""

_NL_NOTULEN = """Jan meldt dat de nieuwe website eind mei live gaat. Sanne stuurt voor vrijdag de teksten naar het bureau. Pieter vraagt offertes op bij drie drukkerijen voor de folder. Volgende vergadering: 12 juni, Marieke regelt de zaal."""

_PL_UMOWA = """Wykonawca zobowiązuje się wykonać prace w terminie możliwie najszybszym, nie później niż w rozsądnym czasie od podpisania umowy. Wynagrodzenie zostanie ustalone po zakończeniu prac i jest ostateczne."""

_JA_AKIYA = """近年、地方の空き家問題が深刻化している。人口減少に加え、相続した住宅を管理できない所有者が増えていることが原因だ。自治体は空き家バンクを設け、移住希望者への格安販売を進めているが、改修費用の負担が課題となっている。"""

_TR_EPOSTA = """Merhaba, toplantımızı 14 Mart Perşembe saat 10:30'a aldık. Sunum provası bir gün önce, 13 Mart'ta 16:00'da olacak. Raporların en geç 11 Mart'a kadar gönderilmesi gerekiyor."""


HELDOUT_C: list[Labelled] = [
    # ------------------------------------------------------------------ code (40)
    Labelled("what's a closure in javascript", "code"),
    Labelled("git undo last commit but keep the changes", "code"),
    Labelled("TypeError: 'NoneType' object is not subscriptable\n\nwhat does this mean, it happens on line 42 of my scraper", "code"),
    Labelled("how do i find all files bigger than 100mb with find", "code"),
    Labelled("def f(x=[]): x.append(1); return x   why does this keep growing every time i call it??", "code"),
    Labelled("Write a query that gets the top 3 salaries per department from employees(id, name, dept_id, salary). Postgres.", "code"),
    Labelled("regex for a uk postcode", "code"),
    Labelled("my github actions workflow fails with 'Invalid workflow file: mapping values are not allowed in this context' at line 11, here it is:\n\n" + _WORKFLOW, "code"),
    Labelled("Summarise this traceback for me, I just deployed and the login page is dead:\n\n" + _TRACEBACK, "code"),
    Labelled("translate this python to rust pls: [x*x for x in nums if x % 2 == 0]", "code"),
    Labelled("is json allowed to have trailing commas", "code"),
    Labelled("tcp or udp for a small multiplayer game server? what are the tradeoffs", "code"),
    Labelled("we started getting 502s this morning, logs below. what's going on?\n\n" + _NGINX_LOG, "code"),
    Labelled("chmod 755 vs 644?", "code"),
    Labelled("docker: Error response from daemon: driver failed programming external connectivity on endpoint web (3f2a9c): Bind for 0.0.0.0:8080 failed: port is already allocated.", "code"),
    Labelled("whats the big O of inserting into a python dict, and why is it not always O(1)", "code"),
    Labelled("turn this into json\nname,age,city\nana,31,porto\nbo,27,oslo", "code"),
    Labelled("How do I create a virtual environment with Python 3.12 on Windows? The activate script won't run in PowerShell.", "code"),
    Labelled("explain async/await like im 5", "code"),
    Labelled("why does C crash when i free the same pointer twice instead of just ignoring it", "code"),
    Labelled("kubectl get pods says CrashLoopBackOff, how do i see why", "code"),
    Labelled("whats wrong here\nfor i in range(len(lst)):\n    if lst[i] == 0:\n        lst.remove(lst[i])\nIndexError: list index out of range", "code"),
    Labelled("rebase or merge? my team keeps arguing about it", "code"),
    Labelled("bash one liner to rename every .jpeg in a folder to .jpg", "code"),
    Labelled("npm ERR! code ERESOLVE", "code"),
    Labelled("¿cómo hago un left join en pandas entre dos dataframes por la columna id?", "code"),
    Labelled("pourquoi mon script affiche UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 12 quand je lis un csv", "code"),
    Labelled("Was ist der Unterschied zwischen einer abstrakten Klasse und einem Interface in Java?", "code"),
    Labelled("como faço pra desfazer um git push que já foi pro main?", "code"),
    Labelled("mi spieghi cos'è una race condition con un esempio in Go", "code"),
    Labelled("hoe schrijf ik in excel vba een loop over alle werkbladen", "code"),
    Labelled("dlaczego mój useEffect w React odpala się dwa razy?", "code"),
    Labelled("Python 里 list 和 tuple 有什么区别？什么时候用哪个", "code"),
    Labelled("このエラーの意味を教えてください: ModuleNotFoundError: No module named 'numpy'", "code"),
    Labelled("как в postgres посмотреть какие запросы сейчас выполняются и убить зависший", "code"),
    Labelled("nginx'te 413 Request Entity Too Large hatası alıyorum nasıl düzeltirim", "code"),
    Labelled("पायथन में एक बड़ी फ़ाइल को लाइन दर लाइन कैसे पढ़ें?", "code"),
    Labelled("정규식으로 이메일 주소 검사하는 방법 알려줘", "code"),
    Labelled("regex para validar un DNI español", "code"),
    Labelled("passe ce code JS en Python : const total = items.reduce((a, b) => a + b.price, 0);", "code"),
    # ------------------------------------------------------------------ docs (40)
    Labelled("make this email less passive-aggressive:\n\n" + _EMAIL_PA, "docs"),
    Labelled("which of these two paragraphs is more formal, and why?\n\n" + _TWO_PARAS, "docs"),
    Labelled("is anything in this contract clause contradictory?\n\n" + _CLAUSE, "docs"),
    Labelled("turn these notes into a table with columns who / what / when:\n" + _VENUE_NOTES, "docs"),
    Labelled("What does the author actually claim here, in plain words? " + _OPINION, "docs"),
    Labelled("pull out the action items and owners from this:\n\n" + _PTA, "docs"),
    Labelled("proofread pls: Their going to anounce the winners tomorow, and everyone who entered will recieve a email with there results.", "docs"),
    Labelled("what does this say in english? \"" + _KUENDIGUNG + "\"", "docs"),
    Labelled("tl;dr this\n\n" + _CONGESTION, "docs"),
    Labelled("label each review as positive, negative or mixed\n" + _REVIEWS, "docs"),
    Labelled("Can you rewrite this so a 10 year old gets it? " + _INTEREST, "docs"),
    Labelled("does this paragraph contradict itself? " + _POLICY_SELF, "docs"),
    Labelled("give me 3 bullet points from this press release\n\n" + _PRESS, "docs"),
    Labelled("extract all the dates and amounts from this: " + _INVOICE, "docs"),
    Labelled("shorten this bio to under 50 words for a conference program:\n" + _BIO, "docs"),
    Labelled("is the tone of this cover letter too casual?\n\n" + _COVER, "docs"),
    Labelled("According to this passage, why did the bridge collapse?\n\n" + _BRIDGE, "docs"),
    Labelled("what changed between these two versions of the policy?\n\n" + _POLICY_OLD_NEW, "docs"),
    Labelled("make this sound more confident: \"I think maybe we could possibly consider moving the launch, if that's ok with everyone?\"", "docs"),
    Labelled("fix the grammar but keep my voice, it's for a blog: " + _MOOSE, "docs"),
    Labelled("put this into proper numbered steps in the right order\n\n" + _GRANDMA, "docs"),
    Labelled("what's the main argument of this excerpt and is it actually supported?\n\n" + _OPED, "docs"),
    Labelled("are the numbers in this paragraph consistent? " + _NUMBERS, "docs"),
    Labelled("who's doing what according to this thread?\n" + _THREAD, "docs"),
    Labelled("rewrite this text so it doesn't sound like im mad: fine. do whatever you want, you always do anyway. see you at 8 I guess.", "docs"),
    Labelled("list every person mentioned below with their role\n\n" + _PEOPLE, "docs"),
    Labelled("Based on this interview transcript, what weaknesses does the candidate show?\n\n" + _INTERVIEW, "docs"),
    Labelled("¿puedes hacer este correo más formal? \"" + _ES_CORREO + "\"", "docs"),
    Labelled("corrige les fautes dans ce paragraphe stp : " + _FR_FAUTES, "docs"),
    Labelled("Welche Pflichten hat der Mieter laut diesem Absatz?\n\n" + _DE_MIETE, "docs"),
    Labelled("qual é a ideia principal deste texto? \"" + _PT_CAFE + "\"", "docs"),
    Labelled("rendi questo messaggio più gentile: \"Ti ho detto mille volte di non lasciare i piatti sporchi nel lavandino. Puliscili stasera.\"", "docs"),
    Labelled("haal de actiepunten uit deze notulen: " + _NL_NOTULEN, "docs"),
    Labelled("czy w tym fragmencie umowy jest coś niejasnego?\n\"" + _PL_UMOWA + "\"", "docs"),
    Labelled("把下面这段话改得更口语化一点：本公司谨定于下周五下午三时举行年度总结大会，敬请各部门负责人准时出席，并提前准备好相关材料。", "docs"),
    Labelled("この文章の要点を三つ挙げてください：" + _JA_AKIYA, "docs"),
    Labelled("перепиши этот абзац попроще, для школьников: Фотосинтез представляет собой сложный биохимический процесс, в ходе которого растения преобразуют энергию солнечного света в энергию химических связей органических веществ.", "docs"),
    Labelled("bu e-postadaki tarihleri ve saatleri çıkar: " + _TR_EPOSTA, "docs"),
    Labelled("इस संदेश को थोड़ा दोस्ताना बनाओ: 'आपका भुगतान अभी तक नहीं मिला है। तुरंत भुगतान करें, वरना सेवा बंद कर दी जाएगी।'", "docs"),
    Labelled("Stimmt die Grammatik? \"Ich habe gestern mit mein Freund ins Kino gegangen.\"", "docs"),
    # ------------------------------------------------------------------ creative (40)
    Labelled("write a toast for my sister's wedding, she's marrying a guy who is obsessed with fishing. under 2 minutes, a bit funny but not embarrassing", "creative"),
    Labelled("villain monologue for a dragon who is secretly an accountant", "creative"),
    Labelled("tagline for a coffee shop that's also a bike repair place", "creative"),
    Labelled("describe a dungeon room for my D&D group. level 3 party, flooded crypt vibe, something nasty in the water", "creative"),
    Labelled("brainstorm 10 names for a pirate ship crewed entirely by cats", "creative"),
    Labelled("pitch me a horror film set in an IKEA", "creative"),
    Labelled("pretend you're a medieval peasant seeing a smartphone for the first time. stay in character", "creative"),
    Labelled("three lines, 5-7-5, about a kettle that refuses to boil", "creative"),
    Labelled("compose a sea shanty about merge conflicts", "creative"),
    Labelled("let's role play: you're a grumpy innkeeper and I'm a traveller who just walked in soaking wet. you start", "creative"),
    Labelled("Invent a new public holiday and describe how people celebrate it.", "creative"),
    Labelled("describe a rainy monday morning at the office in the style of raymond chandler", "creative"),
    Labelled("make up a bedtime tale about a sock that wants to see the ocean, my kid is 4", "creative"),
    Labelled("invent a past for my tiefling rogue, she's terrified of birds and nobody knows why", "creative"),
    Labelled("limerick about a forgetful robot", "creative"),
    Labelled("I need a religion for a desert planet with two suns for my worldbuilding doc. gods, rituals, taboos", "creative"),
    Labelled("give me a rap verse about doing laundry, make it hype", "creative"),
    Labelled("fake movie trailer voiceover for a nature documentary about city pigeons", "creative"),
    Labelled("funny slogan for a dentist's bake sale", "creative"),
    Labelled("imagine the roman empire never fell. walk me through a day in the life of a roman teenager in 2024", "creative"),
    Labelled("write a breakup letter from a cat to its owner", "creative"),
    Labelled("5 clean jokes about accountants", "creative"),
    Labelled("a short sonnet about my son's first wobbly tooth", "creative"),
    Labelled("dialogue between the sun and the moon arguing about who works harder", "creative"),
    Labelled("name ideas for the evil megacorp in my sci-fi novel? something that sounds friendly", "creative"),
    Labelled("Opening paragraph of a noir detective novel set on Mars, please.", "creative"),
    Labelled("inventa un chiste sobre un pulpo que trabaja de camarero", "creative"),
    Labelled("écris-moi une chanson d'anniversaire rigolote pour mon grand-père qui fête ses 90 ans", "creative"),
    Labelled("Denk dir einen Bösewicht für ein Fantasy-Rollenspiel aus, mit Namen, Aussehen und Motiv.", "creative"),
    Labelled("crie um slogan para uma marca de sorvete de açaí", "creative"),
    Labelled("immagina una conversazione tra Dante e un influencer di TikTok", "creative"),
    Labelled("verzin een sprookje over een fiets die niet meer wil rijden", "creative"),
    Labelled("napisz wierszyk na urodziny dla mojej mamy, ma 60 lat i kocha ogród", "creative"),
    Labelled("写一首关于秋天的七言绝句", "creative"),
    Labelled("猫が主人公のファンタジー世界の設定を考えて", "creative"),
    Labelled("придумай тост на свадьбу друга, с юмором", "creative"),
    Labelled("uzay korsanları hakkında bir şarkı sözü yaz", "creative"),
    Labelled("एक भूतिया हवेली का डरावना वर्णन लिखो, जैसे किसी उपन्यास की शुरुआत हो", "creative"),
    Labelled("un haiku sobre el café de la mañana", "creative"),
    Labelled("판타지 소설에 나올 마법 학교 이름 10개 지어줘", "creative"),
    # ------------------------------------------------------------------ chat (40)
    Labelled("hi", "chat"),
    Labelled("difference between a latte and a flat white", "chat"),
    Labelled("is it worth learning to code at 40", "chat"),
    Labelled("recommend a book like Dune", "chat"),
    Labelled("how do I write a good cover letter", "chat"),
    Labelled("why did the berlin wall fall when it did", "chat"),
    Labelled("how long do i boil an egg for a runny yolk", "chat"),
    Labelled("Is ibuprofen or paracetamol better for a tension headache?", "chat"),
    Labelled("snowball or avalanche for paying off credit card debt? I have 3 cards", "chat"),
    Labelled("things to do in lisbon for 3 days, we like food and walking, not museums", "chat"),
    Labelled("how does a vaccine actually train the immune system", "chat"),
    Labelled("macbook air or thinkpad for a uni student who mostly writes essays?", "chat"),
    Labelled("who wrote the odyssey and is it worth reading today", "chat"),
    Labelled("how do i get red wine out of a beige carpet", "chat"),
    Labelled("what are good questions to ask at the end of a job interview", "chat"),
    Labelled("my manager keeps booking meetings at 6pm, how do I push back without sounding lazy", "chat"),
    Labelled("why is the sky blue but sunsets are red", "chat"),
    Labelled("is Rumi worth reading in translation? which translator is best", "chat"),
    Labelled("what does 'per my last email' really mean in office speak lol", "chat"),
    Labelled("can dogs eat grapes", "chat"),
    Labelled("how much should i tip in japan", "chat"),
    Labelled("explain inflation simply", "chat"),
    Labelled("what makes a good best man speech? any tips before I write mine", "chat"),
    Labelled("first marathon in 6 weeks, longest run so far is 25k. what should the next weeks look like", "chat"),
    Labelled("whats the plot of hamlet in a nutshell", "chat"),
    Labelled("how did people keep food cold before fridges", "chat"),
    Labelled("¿qué diferencia hay entre un resfriado y la gripe?", "chat"),
    Labelled("salut ça va ?", "chat"),
    Labelled("Lohnt sich eine Wärmepumpe in einem Altbau von 1960?", "chat"),
    Labelled("qual a melhor época pra visitar o nordeste do brasil", "chat"),
    Labelled("come si fa il vero ragù alla bolognese", "chat"),
    Labelled("wat is het verschil tussen een hypotheek met vaste en variabele rente", "chat"),
    Labelled("ile snu potrzebuje nastolatek?", "chat"),
    Labelled("长城真的能从太空看到吗？", "chat"),
    Labelled("京都でおすすめの観光スポットは？", "chat"),
    Labelled("почему кошки мурлыкают", "chat"),
    Labelled("evde ekşi maya nasıl yapılır", "chat"),
    Labelled("सर्दी में गले की खराश का घरेलू इलाज क्या है?", "chat"),
    Labelled("merci beaucoup !", "chat"),
    Labelled("오늘 저녁 뭐 먹을까? 추천해줘", "chat"),
]
