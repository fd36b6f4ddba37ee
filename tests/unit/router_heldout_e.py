"""Held-out set E for the auto router: written by hand by a helper session (an LLM assistant started for this task) on 2026-12-02 (UTC), working only in /work/sete. The prompts were composed from the written labelling policy alone, without seeing the router's code, its training examples, or any earlier held-out set. 240 prompts, 60 per role (code, docs, creative, chat), about a third not in English."""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    text: str
    role: str
    note: str = ""


HELDOUT_E: list[Labelled] = [
    # ------------------------------------------------------------------ code
    Labelled("how do i undo the last git commit but keep my changes", "code"),
    Labelled("regex uk postcodes", "code"),
    Labelled(
        """can you summarise this traceback, i dont get what went wrong

Traceback (most recent call last):
  File "/home/mira/proj/etl/run.py", line 42, in <module>
    main()
  File "/home/mira/proj/etl/run.py", line 37, in main
    rows = load_rows(cfg["input_path"])
  File "/home/mira/proj/etl/loader.py", line 15, in load_rows
    with open(path, encoding="utf-8") as fh:
FileNotFoundError: [Errno 2] No such file or directory: 'data/2024-03/export.csv'""",
        "code",
        note="summarising a traceback is code: the text is program output",
    ),
    Labelled(
        """translate this python to go pls

def word_counts(path):
    counts = {}
    with open(path) as f:
        for line in f:
            for w in line.lower().split():
                w = w.strip(".,!?;:")
                if w:
                    counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:10]""",
        "code",
        note="translating code between languages is code, not docs",
    ),
    Labelled("whats the difference between a process and a thread", "code"),
    Labelled("excel formula to count how many cells in column C contain the word late", "code"),
    Labelled("my docker container just exits immediately with code 0, why", "code"),
    Labelled(
        """getting 502 bad gateway with this nginx config, the node app is running on 3000 i checked

server {
    listen 80;
    server_name shop.example.org;

    location / {
        proxy_pass http://127.0.0.1:3001;
        proxy_set_header Host $host;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection "upgrade";
    }
}""",
        "code",
    ),
    Labelled("sql: get the top 3 highest paid employees in each department", "code"),
    Labelled("what is a closure in javascript? ive read 3 articles and still dont get it", "code"),
    Labelled("bash loop over every csv in a folder and print how many lines each one has", "code"),
    Labelled(
        """pod keeps restarting, here's what kubectl gives me

NAME                          READY   STATUS             RESTARTS      AGE
api-7d9f8b6c5-x2kqp           0/1     CrashLoopBackOff   6 (42s ago)   9m

$ kubectl logs api-7d9f8b6c5-x2kqp --previous
2024-05-11T08:14:02Z INFO  starting server on :8080
2024-05-11T08:14:02Z INFO  connecting to redis at redis-master:6379
2024-05-11T08:14:07Z ERROR dial tcp: lookup redis-master on 10.96.0.10:53: no such host
2024-05-11T08:14:07Z FATAL cache init failed, exiting""",
        "code",
    ),
    Labelled("pip install gives error: externally-managed-environment on ubuntu 24.04 what do i do", "code"),
    Labelled("is the rust borrow checker basically a garbage collector?", "code"),
    Labelled("how to center a div vertically and horizontally", "code"),
    Labelled(
        """turn this into a csv with columns id, name, city, total

[
  {"id": 101, "name": "Ana Souza", "address": {"city": "Recife"}, "orders": [12.5, 40.0]},
  {"id": 102, "name": "Tom Becker", "address": {"city": "Leipzig"}, "orders": [7.99]},
  {"id": 103, "name": "Li Wei", "address": {"city": "Chengdu"}, "orders": []},
  {"id": 104, "name": "Sara Nilsson", "address": {"city": "Malmo"}, "orders": [120.0, 15.25, 3.0]}
]""",
        "code",
        note="reshaping pasted JSON data is code (pasted data), not document work",
    ),
    Labelled("vim delete all lines containing foo", "code"),
    Labelled("big o of binary search and why is it log n", "code"),
    Labelled("cron expression for every weekday at 7:30am", "code"),
    Labelled(
        """why does this github action never run on my pull requests

name: tests
on:
  push:
    branches: [ main ]
  pull_request:
    branches: [ master ]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install -r requirements.txt
      - run: pytest -q""",
        "code",
    ),
    Labelled("ssh says permission denied (publickey) after i copied my keys to a new laptop", "code"),
    Labelled("write a c function that checks if a string is a palindrome ignoring case", "code"),
    Labelled("what does set -euo pipefail do at the top of a script", "code"),
    Labelled("my react useEffect fires twice on mount, is that a bug", "code"),
    Labelled("mac: find which process is using port 8080", "code"),
    Labelled("pandas groupby and keep the row with the max score in each group", "code"),
    Labelled(
        "explain what a mutex is",
        "code",
        note="'explain <concept>' with no document, but the concept is a programming one: code",
    ),
    Labelled("google sheets vlookup returns #N/A even though the value is clearly there", "code"),
    Labelled(
        """write pytest tests for this, including edge cases

def parse_duration(s: str) -> int:
    '''1h30m -> 5400, 45s -> 45, 2m -> 120'''
    total, num = 0, ""
    units = {"h": 3600, "m": 60, "s": 1}
    for ch in s.strip():
        if ch.isdigit():
            num += ch
        elif ch in units and num:
            total += int(num) * units[ch]
            num = ""
        else:
            raise ValueError(f"bad duration: {s!r}")
    if num:
        raise ValueError(f"missing unit in {s!r}")
    return total""",
        "code",
    ),
    Labelled("tail -f a log but only show lines with ERROR", "code"),
    Labelled(
        "wie kann ich in python eine list of dicts nach zwei keys sortieren, erst datum dann name",
        "code",
        note="German mixed with English",
    ),
    Labelled("npm install wirft EACCES permission denied, was mache ich falsch", "code"),
    Labelled("comment supprimer une branche git distante ?", "code"),
    Labelled(
        """j'ai cette erreur et je comprends pas pourquoi

SELECT user_id, COUNT(*) AS nb
FROM orders o
JOIN users u ON u.id = o.user_id
JOIN payments p ON p.user_id = u.id
WHERE p.status = 'paid'
GROUP BY user_id;

ERROR:  column reference "user_id" is ambiguous
LINE 1: SELECT user_id, COUNT(*) AS nb
               ^""",
        "code",
    ),
    Labelled("como hago un merge en pandas entre dos dataframes usando dos columnas", "code"),
    Labelled("what does segmentation fault (core dumped) actually mean", "code"),
    Labelled("how do i make a python script run automatically when windows starts", "code"),
    Labelled("differenza tra let, const e var in javascript?", "code"),
    Labelled("python venv activate says running scripts is disabled on this system, windows 11", "code"),
    Labelled("jak w excelu zsumować kwoty tylko dla wierszy gdzie w kolumnie B jest 'tak'", "code"),
    Labelled("почему docker compose не подхватывает переменные из .env файла", "code"),
    Labelled("як у git змінити повідомлення останнього коміту, якщо я вже зробив push", "code"),
    Labelled("python'da büyük bir dosyayı hafızayı doldurmadan satır satır nasıl okurum", "code"),
    Labelled("这个报错什么意思 ModuleNotFoundError: No module named 'cv2'", "code"),
    Labelled(
        """帮我看看这段代码为什么会空指针

public class OrderService {
    private Map<String, Customer> cache;

    public OrderService() {
        loadCache();
    }

    private void loadCache() {
        for (Customer c : CustomerRepo.findAll()) {
            cache.put(c.getId(), c);
        }
    }

    public Customer find(String id) {
        return cache.get(id);
    }
}

Exception in thread "main" java.lang.NullPointerException
    at OrderService.loadCache(OrderService.java:10)""",
        "code",
    ),
    Labelled("正規表現でメールアドレスをざっくりチェックする方法おしえて", "code"),
    Labelled("리눅스에서 특정 폴더 용량 확인하는 명령어 뭐였지", "code"),
    Labelled("rest vs graphql, when would i actually pick graphql", "code"),
    Labelled("पायथन में डिक्शनरी को वैल्यू के हिसाब से कैसे सॉर्ट करें", "code"),
    Labelled("cara bikin rest api sederhana pakai flask gimana ya", "code"),
    Labelled("làm sao để đổi tên một cột trong sql server", "code"),
    Labelled("varför får jag cors-fel när frontend på localhost:3000 anropar mitt api", "code"),
    Labelled("jak v linuxu najdu všechny soubory větší než 1 GB", "code"),
    Labelled(
        """не могу подключиться к базе, вот лог

2024-06-02 10:21:33.118 UTC [2231] FATAL:  password authentication failed for user "app"
2024-06-02 10:21:33.118 UTC [2231] DETAIL:  Connection matched pg_hba.conf line 99: "host all all 0.0.0.0/0 md5"
2024-06-02 10:21:35.402 UTC [2234] FATAL:  password authentication failed for user "app"
2024-06-02 10:21:35.402 UTC [2234] DETAIL:  User "app" has no password assigned.

пароль в .env точно правильный, что не так?""",
        "code",
    ),
    Labelled(
        """このコードをTypeScriptに書き換えて、型もちゃんとつけてほしい

function groupBy(items, keyFn) {
  const out = {};
  for (const item of items) {
    const k = keyFn(item);
    if (!out[k]) out[k] = [];
    out[k].push(item);
  }
  return out;
}

const byCity = groupBy(users, u => u.city);
console.log(Object.keys(byCity).length);""",
        "code",
    ),
    Labelled(
        "explícame qué es la recursión con un ejemplo sencillo",
        "code",
        note="programming concept asked as a question, no document: code",
    ),
    Labelled(
        "구글 스프레드시트에서 중복값 색칠하는 법",
        "code",
        note="spreadsheet how-to (conditional formatting) counts as code",
    ),
    Labelled("write a makefile that compiles every .c file in src/ into bin/app", "code"),
    Labelled(
        """why does terraform want to replace my db? i only changed the tags

  # aws_db_instance.main must be replaced
-/+ resource "aws_db_instance" "main" {
      ~ arn                    = "arn:aws:rds:eu-west-1:1234:db:main" -> (known after apply)
      ~ availability_zone      = "eu-west-1a" -> (known after apply)
      ~ identifier             = "main" -> "main-prod" # forces replacement
      ~ tags                   = {
          ~ "env" = "staging" -> "prod"
        }
    }

Plan: 1 to add, 0 to change, 1 to destroy.""",
        "code",
    ),
    Labelled("laptop fan goes crazy whenever webpack dev server is running, how do i see what its doing", "code"),
    # ------------------------------------------------------------------ docs
    Labelled(
        """summarise this for my boss in 2 bullets

Hi all,
Following Tuesday's review, we've agreed to push the launch of the loyalty programme from 3 June to 17 June. The main reason is that the card printer vendor can't deliver the new membership cards until 10 June, and marketing would rather not launch with digital-only cards. Store managers should keep the old signage up until further notice. Training sessions will still take place on 28 May as planned, but the slides will be updated by Friday. If anyone has already told customers about the June 3 date, please let Priya know so we can send a follow-up.
Thanks,
Daniel""",
        "docs",
    ),
    Labelled(
        "translate to spanish: Dear guests, the pool will be closed on Monday for maintenance. We apologise for any inconvenience and thank you for your understanding.",
        "docs",
    ),
    Labelled(
        "proofread pls: their going to announce the results tommorow, wich is alot later then we expected and honestly its effecting everyones mood",
        "docs",
    ),
    Labelled(
        """what actually changed between these two versions of our returns policy?

OLD: Items can be returned within 30 days of purchase with a receipt. Refunds are issued to the original payment method. Sale items can be exchanged but not refunded.

NEW: Items can be returned within 21 days of delivery with proof of purchase. Refunds are issued as store credit unless the item is faulty. Sale items are final sale and cannot be returned or exchanged.""",
        "docs",
        note="comparing two given texts",
    ),
    Labelled(
        """can you pull out the invoice number, date, total and vat from this

INVOICE
Nordlicht Druck GmbH - Hafenstr. 12 - 20457 Hamburg
Invoice no.: ND-2024-0817
Date: 14.08.2024
Customer: Cafe Morgenrot, Lindenallee 3, Kiel

2 x Menu cards A4, laminated ........ 84,00 EUR
500 x Flyers A6 ..................... 62,50 EUR
Design fee .......................... 120,00 EUR
Subtotal ............................ 266,50 EUR
VAT 19% ............................. 50,64 EUR
Total ............................... 317,14 EUR
Payment within 14 days.""",
        "docs",
        note="extracting fields from a given document (an invoice, not program data)",
    ),
    Labelled(
        """label each of these as positive, negative or mixed

1. arrived fast, fits perfectly, would buy again
2. the colour is nothing like the photo and support never answered
3. great sound but the battery dies after 2 hours
4. meh. does the job i guess
5. absolutely love it, my daughter uses it every day""",
        "docs",
        note="classifying given reviews",
    ),
    Labelled(
        'is this clause in my lease normal or should i push back? "The Tenant shall be responsible for all repairs to the premises, including structural repairs and repairs to the heating system, regardless of cause."',
        "docs",
        note="checking a given contract clause: a question about a given text",
    ),
    Labelled(
        """make a table out of this: name, role, start date

Marta joined us as head of design on 3 March. A week later, on 10 March, Kofi started as a backend developer. Our new office manager, Leonie, has been here since 1 February, and Sam, the intern, starts on 2 April.""",
        "docs",
        note="restructuring a given paragraph into a table",
    ),
    Labelled(
        """according to this, what are the two main reasons for the decline?

Across much of Europe, bumblebee numbers have fallen sharply over the past three decades. Researchers at several universities point to two factors above all. The first is the loss of flower-rich meadows: since the 1980s, many hay meadows have been converted to intensively managed grassland that is cut several times a year, leaving few flowers for bees to feed on. The second is rising summer temperatures. Bumblebees are large, furry insects adapted to cool climates, and in hot spells colonies in southern regions struggle to keep their nests from overheating. Pesticides and diseases carried by commercially bred bees also play a role, the study notes, but their effect appears to be more local.""",
        "docs",
        note="question about a pasted article",
    ),
    Labelled(
        "rewrite this so it sounds less passive aggressive: 'As I already mentioned in my last three emails, the report was due Friday. Please let me know if there is something unclear about deadlines.'",
        "docs",
    ),
    Labelled(
        "make this shorter but keep all the info: Our team has been working very hard over the course of the last several months in order to make sure that the new version of the app is faster, more reliable and easier to use than the previous version, and we are really excited to finally be able to share it with all of you starting next week.",
        "docs",
    ),
    Labelled(
        "explain this clause to me in plain english: 'Notwithstanding the foregoing, neither party shall be liable for any indirect, incidental or consequential damages arising out of or in connection with this Agreement, save in the case of gross negligence or wilful misconduct.'",
        "docs",
        note="'explain this clause' with the clause given: docs",
    ),
    Labelled(
        "whats the tone of this email, am i overreading it? 'Hi Jo, Noted. I'll take it from here. Going forward please loop me in before contacting the client directly. Thanks.'",
        "docs",
    ),
    Labelled(
        """turn these notes into a list of action items with owners

- budget for q3 still not final, finance (greta) waiting on numbers from sales
- raj says the new crm import is 80% done, needs test data from support
- we agreed to move the offsite to september, someone has to rebook the venue -> lena
- website copy review: tom and aisha by next thursday
- nobody owns the newsletter since mo left, decide next week""",
        "docs",
        note="restructuring given meeting notes",
    ),
    Labelled(
        "any grammar mistakes in this? 'I am writting to apply for the position of junior analyst which was advertised on your website. I have a degree in economics and I am very interesting in data.'",
        "docs",
    ),
    Labelled(
        "can you summarise the attached pdf in 5 bullet points",
        "docs",
        note="the document is clearly referred to (attachment), so docs",
    ),
    Labelled(
        "put these steps in the right order: add the pasta and cook 9 minutes / drain and mix with the sauce / bring salted water to a boil / serve with parmesan / fry garlic in olive oil for the sauce",
        "docs",
        note="reordering a given text",
    ),
    Labelled(
        "find every date in this text: The council first discussed the bridge on 4 May 2019, postponed the vote to 12 November, and finally approved the plan on 30 January 2021. Construction began in spring 2022 and the opening is scheduled for 1 October 2025.",
        "docs",
    ),
    Labelled(
        "rewrite this for a 10 year old: Photosynthesis is the process by which green plants use sunlight, water and carbon dioxide to produce glucose and release oxygen as a by-product.",
        "docs",
    ),
    Labelled(
        """is this email legit or phishing?

From: PayPaI Support <service@paypal-security-check.com>
Subject: Your account has been limited

Dear Customer, we noticed unusual activity on your account. To avoid permanent suspension you must verify your information within 24 hours by clicking the link below. Failure to do so will result in your account being closed.
Verify now: http://paypal-security-check.com/login
PayPal Team""",
        "docs",
        note="classifying/checking a given email",
    ),
    Labelled(
        "turn this list into one flowing paragraph: - founded 1998 in a garage - first product was a bike lock - now 240 employees - still family owned - exports to 30 countries",
        "docs",
    ),
    Labelled(
        """which of these two bios sounds more professional and why

A: Hey! I'm Jonas, I do marketing stuff and love coffee way too much. 10 yrs in the game, worked with big brands, hit me up.

B: Jonas Weber is a marketing strategist with ten years of experience helping consumer brands grow their online presence. He has led campaigns for clients in retail and travel.""",
        "docs",
        note="comparing two given texts",
    ),
    Labelled(
        "check whether the summary at the end matches the figures: Revenue rose from 4.2m to 4.9m, while costs went from 3.1m to 3.8m. Summary: profit increased by about 20% year on year.",
        "docs",
        note="checking a given report text for consistency, not code or data processing",
    ),
    Labelled(
        "can you fix these references so they follow apa 7: smith j (2019) the lost coast. penguin / garcia, m. and lee k. 2021, 'urban heat islands', journal of climate studies vol 12 pp 40-58",
        "docs",
        note="reformatting a given reference list",
    ),
    Labelled(
        """what are the main arguments in this op-ed, and does the author deal with any counterarguments?

Cities should make public transport free. Every time a fare goes up, the people hit hardest are those with the least choice: shift workers, students, pensioners. Free transit would also ease congestion, because many drivers would leave their car at home if the bus cost nothing. Critics say the money has to come from somewhere, and they are right; but cities already spend large sums on road maintenance and parking enforcement, costs that would shrink if fewer cars were on the roads. Tallinn has offered free transit to residents since 2013, and ridership rose while the city's budget stayed balanced.""",
        "docs",
    ),
    Labelled(
        """translate this letter from my nonna into english please

Caro Luca, ti scrivo perché qui il telefono funziona quando vuole. Il giardino quest'anno è pieno di pomodori, ne ho fatti venti barattoli di salsa e tre sono per te. Zia Carla sta meglio, ha ricominciato a camminare con il bastone. Vieni a trovarci a Ferragosto? Ti preparo le lasagne come piacciono a te. Un abbraccio forte, la tua nonna""",
        "docs",
        note="translating a given non-code text (request in English, text in Italian)",
    ),
    Labelled(
        """pull the deadlines out of this email as bullets

Hi team, quick reminder on the grant application: the draft narrative needs to be with me by 5 September, budgets by the 9th, and letters of support from partners by 12 September at the latest. The portal closes on 20 September at noon, so I'd like to submit on the 18th to be safe. Shout if any of these dates clash with holidays.""",
        "docs",
    ),
    Labelled(
        """shorten this linkedin post, under 300 characters

I'm thrilled to announce that after five incredible years at Brightwave, I'm starting a new chapter! Starting Monday I'll be joining Kestrel Labs as Head of Partnerships. I'm so grateful to everyone at Brightwave who supported me, taught me, and made every day fun. I can't wait to see what the future holds and to keep learning. Let's keep in touch!""",
        "docs",
    ),
    Labelled(
        "does this paragraph contradict itself? 'The museum is open every day of the year. Visitors should note that it is closed on Mondays and public holidays. Entry is free on the first Sunday of each month.'",
        "docs",
    ),
    Labelled(
        "what does the author mean by 'the quiet cost' here: 'Remote work saved us commuting hours, but it came with a quiet cost: the unplanned conversations in hallways where half our best ideas used to start.'",
        "docs",
    ),
    Labelled(
        "split this into shorter sentences: The report, which was commissioned by the ministry in 2021 after a series of complaints from parents who felt that the curriculum had become too focused on exams, recommends reducing the number of standardised tests and giving teachers more freedom to design their own assessments.",
        "docs",
    ),
    Labelled(
        """tag each ticket as billing, login or shipping

#4411 i was charged twice for my march subscription
#4412 the reset password link says expired every time
#4413 package shows delivered but nothing at my door
#4414 can i get an invoice with my company name on it
#4415 2fa code never arrives on my phone""",
        "docs",
        note="classifying given customer messages; they are texts, not logs or code",
    ),
    Labelled(
        "list the pros and cons the reviewer mentions: 'The Aero 5 is light and the battery easily lasts a full day of hiking. The screen is hard to read in direct sun though, and at this price I expected a metal body rather than plastic. GPS locks on quickly.'",
        "docs",
    ),
    Labelled(
        """make a shopping list from this recipe

Heat two tablespoons of olive oil in a large pot and soften one chopped onion and three cloves of garlic. Add 400 g of red lentils, a tin of chopped tomatoes, a teaspoon of cumin and a litre of vegetable stock. Simmer for 20 minutes, then stir in a handful of spinach and the juice of half a lemon. Serve with flatbread and a spoonful of yoghurt.""",
        "docs",
        note="extracting items from a given text",
    ),
    Labelled(
        "make a short glossary of the technical terms in this passage: 'During mitosis the chromosomes condense and attach to the spindle via their kinetochores. In anaphase the sister chromatids separate and move to opposite poles, and cytokinesis then divides the cytoplasm.'",
        "docs",
    ),
    Labelled(
        "Kannst du das ins Englische übersetzen? 'Wir freuen uns, Ihnen mitteilen zu können, dass Ihre Bewerbung in die engere Auswahl gekommen ist. Das Vorstellungsgespräch findet am 12. Juni um 10 Uhr statt.'",
        "docs",
    ),
    Labelled(
        """Fass mir diese Mail bitte kurz zusammen, was muss ich tun?

Liebe Eltern,
am Freitag, den 21. Juni, findet unser Sommerfest statt. Beginn ist um 15 Uhr auf dem Schulhof. Wir bitten jede Familie, einen Kuchen oder einen Salat mitzubringen; bitte tragen Sie sich dafür bis Mittwoch in die Liste am Klassenzimmer ein. Außerdem suchen wir noch Helferinnen und Helfer für den Auf- und Abbau (14 Uhr bzw. 18 Uhr). Der Erlös des Kuchenverkaufs geht an die neue Schulbibliothek. Bei Regen findet das Fest in der Turnhalle statt.
Viele Grüße
Frau Albrecht""",
        "docs",
    ),
    Labelled(
        "corrige les fautes stp : Bonjour madame, je vous est envoyer les documents hier mais je n'est pas eu de réponse. Pourriez vous me confirmé que vous les avez bien reçu ?",
        "docs",
    ),
    Labelled(
        """selon cet extrait du bail, qu'est-ce que je dois payer moi en tant que locataire ?

Article 7 - Charges. Le locataire s'acquitte de l'entretien courant du logement et des menues réparations. Les frais d'entretien de la chaudière, le ramonage annuel ainsi que la taxe d'enlèvement des ordures ménagères sont à sa charge. Le bailleur prend en charge les grosses réparations, le ravalement de façade et le remplacement des équipements vétustes.""",
        "docs",
        note="question about a given lease extract",
    ),
    Labelled(
        """resume este artículo en tres frases

El Ayuntamiento de Valencia aprobó ayer un plan para plantar 30.000 árboles antes de 2030. La medida, que costará unos 12 millones de euros, busca reducir la temperatura en los barrios más calurosos de la ciudad, donde en verano el asfalto supera los 60 grados. Los primeros ejemplares se plantarán este otoño en Benicalap y Orriols. Las asociaciones vecinales celebran la iniciativa, aunque advierten de que sin un sistema de riego adecuado muchos árboles no sobrevivirán a los primeros veranos. El consistorio asegura que el presupuesto incluye el mantenimiento durante cinco años.""",
        "docs",
    ),
    Labelled(
        """clasifica estos comentarios en queja, sugerencia o elogio:
- el camarero fue super amable, volveremos
- tardaron 40 minutos en traer la comida
- estaría bien que tuvieran opciones sin gluten
- la terraza es preciosa al atardecer
- la música estaba demasiado alta para hablar""",
        "docs",
        note="classifying given comments",
    ),
    Labelled(
        "reescreve esse parágrafo de um jeito mais formal: oi pessoal, então, a reunião de amanhã vai ter que mudar pra tarde pq o chefe não vai conseguir chegar cedo, beleza? qualquer coisa me chama",
        "docs",
    ),
    Labelled(
        "estrai dal testo i nomi e i numeri di telefono: Per la festa chiamate Giulia al 347 221 8890 per il catering, mentre per le sedie sentite Marco (333 904 1172). Se non risponde nessuno c'è sempre la signora Ferri, 0541 778 203.",
        "docs",
    ),
    Labelled(
        "kun je deze tekst wat vriendelijker maken? 'Uw pakket is niet opgehaald. Als u het niet binnen 3 dagen ophaalt, wordt het teruggestuurd. Wij zijn niet verantwoordelijk voor extra kosten.'",
        "docs",
    ),
    Labelled(
        "streść ten fragment w dwóch zdaniach: Zarząd spółki poinformował, że w drugim kwartale przychody wzrosły o 8 procent, głównie dzięki sprzedaży za granicą. Jednocześnie koszty energii podniosły wydatki operacyjne, przez co zysk netto pozostał na poziomie z ubiegłego roku. Firma planuje otworzyć nowy zakład w Czechach w 2025 roku.",
        "docs",
    ),
    Labelled(
        "переведи на английский, пожалуйста: «Уважаемые коллеги, напоминаем, что в пятницу офис закрывается в 16:00 в связи с профилактическими работами.»",
        "docs",
    ),
    Labelled(
        """в чём разница между этими двумя формулировками в договоре?

1) Исполнитель обязуется выполнить работы в срок до 1 октября.
2) Исполнитель обязуется приложить разумные усилия для выполнения работ до 1 октября.""",
        "docs",
        note="comparing two given contract wordings",
    ),
    Labelled(
        "перевір, будь ласка, цей лист на помилки: Добрий день, пане Олеже! Надсилаю вам звіт за вересень, в ньому є деякі зміни які ми обговорювали на минулій зустрічі. Чекаю на ваші коментарі до пятниці.",
        "docs",
    ),
    Labelled(
        "bu paragrafın ana fikri ne? 'Şehirlerde bisiklet yollarının artması yalnızca trafiği azaltmakla kalmıyor, aynı zamanda insanların daha sağlıklı yaşamasına da katkı sağlıyor. Ancak yolların güvenli olmaması birçok kişiyi bisiklete binmekten alıkoyuyor.'",
        "docs",
    ),
    Labelled(
        "帮我把这段话改得正式一点：老板，那个项目我这周估计搞不完了，客户那边老改需求，下周三前应该能给你。",
        "docs",
    ),
    Labelled(
        """把下面的会议记录整理成表格（任务、负责人、截止日期）
小王负责联系供应商，下周五之前给报价；李姐整理上季度的销售数据，月底交；新官网的文案由阿杰写，十号之前出初稿；张总说预算审批他来跟进，没定时间。""",
        "docs",
        note="restructuring given notes into a table",
    ),
    Labelled(
        """このメールを三行で要約してください

お世話になっております。株式会社ミナトの佐藤です。
先日ご依頼いただいたパンフレットの件ですが、印刷所の機械トラブルにより、納品が当初予定の6月10日から6月14日に遅れる見込みとなりました。大変申し訳ございません。
なお、デザインの最終確認は引き続き6月5日までにお願いできますと幸いです。
ご不明な点がございましたら、お気軽にご連絡ください。""",
        "docs",
    ),
    Labelled(
        "이 글 영어로 번역해줘: 안녕하세요, 다음 주 월요일부터 사무실 출입 방식이 바뀝니다. 새 출입카드는 1층 안내데스크에서 받으실 수 있습니다.",
        "docs",
    ),
    Labelled(
        "لخص هذا النص في سطرين: أعلنت وزارة التعليم أن العام الدراسي الجديد سيبدأ في الأول من سبتمبر، مع إضافة مادة جديدة عن التربية البيئية للصفوف الابتدائية. كما ستُخفَّض ساعات الدوام اليومي بنصف ساعة، وسيتم تدريب المعلمين خلال شهر أغسطس.",
        "docs",
    ),
    Labelled(
        "इस पैराग्राफ को आसान हिंदी में लिखो: वर्तमान परिप्रेक्ष्य में जल संरक्षण की अनिवार्यता को दृष्टिगत रखते हुए नगर निगम ने वर्षा जल संचयन प्रणाली को सभी नवनिर्मित भवनों हेतु अनिवार्य घोषित किया है।",
        "docs",
        note="rewriting a given paragraph in simpler language",
    ),
    Labelled(
        "tolong cek tata bahasa kalimat ini udah bener belum: 'Dengan hormat, bersama surat ini saya bermaksud untuk mengajukan cuti selama tiga hari dikarenakan karena ada keperluan keluarga.'",
        "docs",
    ),
    Labelled(
        "dịch đoạn này sang tiếng anh giúp mình với: Cửa hàng sẽ nghỉ Tết từ ngày 8 đến hết ngày 14 tháng 2. Các đơn hàng đặt trong thời gian này sẽ được giao sau khi mở cửa trở lại.",
        "docs",
    ),
    Labelled(
        """gör en punktlista av det här mejlet

Hej! Inför flytten på lördag: vi ses kl 9 utanför gamla lägenheten på Ringvägen. Ta med arbetshandskar om du har. Lasse hämtar hyrbilen kl 8.30, och jag köper fika. Nycklarna till nya stället får vi först kl 12, så vi börjar med att bära ner allt till gården. Pizza blir det på kvällen!""",
        "docs",
    ),
    Labelled(
        "přelož tohle do němčiny: Vážení zákazníci, od 1. července se mění otevírací doba naší prodejny. Ve všední dny budeme otevřeno od 8 do 18 hodin, v sobotu od 9 do 12.",
        "docs",
    ),
    Labelled(
        "oye can you check si este párrafo suena natural en inglés: 'We are very happy to invite you to the inauguration of our new local in the center, there will be drinks and music since the 7pm.'",
        "docs",
        note="Spanish mixed with English; proofreading a given text",
    ),
    # -------------------------------------------------------------- creative
    Labelled("write a limerick about a segfault", "creative", note="a poem about a programming topic is creative"),
    Labelled("give me 10 name ideas for a podcast about urban gardening", "creative"),
    Labelled("pitch me a movie: retired astronaut becomes a beekeeper in rural wales", "creative"),
    Labelled(
        "you're a pirate captain and i'm the new deckhand who just got caught stealing rum. stay in character",
        "creative",
        note="role play",
    ),
    Labelled(
        "can you compose a short toast for my sister's wedding? she loves hiking and terrible puns, about a minute long",
        "creative",
    ),
    Labelled("describe a rainy bus station at 2am in the style of raymond chandler", "creative"),
    Labelled(
        "ok you're the dungeon master. the four of us push open the tavern door, i rolled 17 on perception, what do we see",
        "creative",
        note="dungeon-master scene: inventing a scene in a role play",
    ),
    Labelled("slogan for our school's recycling week", "creative"),
    Labelled("rap verse about git merge conflicts, make it hard", "creative", note="a rap about a programming topic is creative"),
    Labelled("bedtime story about a sleepy dragon who's scared of the dark, for a 4 year old", "creative"),
    Labelled("i need a villain for my fantasy novel. backstory, what she wants, and one weakness", "creative"),
    Labelled(
        """here's the start of my story, can you continue it for another few paragraphs, same tone

The ferry only ran twice a week in winter, so when Ines missed the Thursday boat she had four days to kill on an island where she knew nobody. The only guesthouse was run by a woman who spoke in single words and served soup that tasted faintly of the sea. On the second night, Ines heard someone singing below her window, an old tune her grandmother used to hum, and when she looked out there was no one on the path, only fresh footprints leading toward the lighthouse.""",
        "creative",
        note="pasted draft, but the request is to invent the continuation: creative",
    ),
    Labelled("haiku about the first snow", "creative"),
    Labelled("write song lyrics about leaving your hometown, kind of folk, with a chorus", "creative"),
    Labelled("imagine a planet where it rains upward every evening. what lives there and how do they cope", "creative"),
    Labelled("tell me a joke about accountants", "creative"),
    Labelled("names for a d&d halfling bard who's secretly a coward", "creative"),
    Labelled("short monologue for a ghost who doesn't realise she's dead yet", "creative"),
    Labelled("a sonnet for my cat who knocks everything off the table", "creative"),
    Labelled("imagine a world where sleep is sold in bottles. describe an ordinary tuesday there", "creative"),
    Labelled("be a sarcastic museum tour guide and give me a tour of my messy kitchen", "creative", note="role play"),
    Labelled("two sentence horror story pls", "creative"),
    Labelled("invent a cocktail and give it a ridiculous backstory", "creative"),
    Labelled("rhyming birthday message for my grandpa turning 90, he was a sailor", "creative"),
    Labelled(
        "opening line: 'the last bookshop in the city sold only one book.' go on, write the next page",
        "creative",
    ),
    Labelled("describe my morning coffee like a david attenborough nature documentary", "creative"),
    Labelled("short fable with a moral about patience, animals please", "creative"),
    Labelled("pitch a startup idea that sounds totally serious but is completely absurd", "creative"),
    Labelled("love letter from a toaster to the fridge", "creative"),
    Labelled("create three characters for a sitcom set in a 24h laundromat", "creative"),
    Labelled("spooky campfire tale set in the norwegian fjords", "creative"),
    Labelled(
        """im writing a sci-fi novel, this is where chapter 1 ends:

"The hatch had been welded shut from the inside. Okafor ran her glove along the seam and felt the ridges of an old, careless weld, the kind nobody on a modern ship would make. Behind her, Dell was already muttering about protocols and going back to the shuttle. The station's logs said it had been empty for ninety years. The frost on the porthole said otherwise: someone had breathed on it, recently, from the other side."

write the scene where they cut the hatch open. keep it tense""",
        "creative",
        note="pasted draft with a request to invent the next scene: creative",
    ),
    Labelled("a poem explaining recursion to a kid", "creative", note="a poem about a programming concept is creative"),
    Labelled("make up a superhero whose only power is always knowing what time it is, give them an origin", "creative"),
    Labelled("write wedding vows for two people who met in the queue at ikea", "creative"),
    Labelled("we're doing an escape room at my kid's party, invent a storyline with 4 clues, pirate theme", "creative"),
    Labelled("write a dialogue between socrates and a tiktok influencer", "creative"),
    Labelled("Schreib ein kurzes Gedicht über den Herbst in Hamburg, gerne mit Regen und Möwen", "creative"),
    Labelled("Denk dir einen Namen für unseren Foodtruck aus, wir verkaufen koreanische Tacos", "creative"),
    Labelled("écris les paroles d'une chanson de rupture façon Stromae", "creative"),
    Labelled("inventa un eslogan para una marca de café orgánico colombiano", "creative"),
    Labelled(
        "haz de cuenta que eres un detective de los años 40 y yo soy una clienta misteriosa que entra a tu oficina",
        "creative",
        note="role play",
    ),
    Labelled("cria um personagem pra minha mesa de rpg: um anão ferreiro que esconde um segredo", "creative"),
    Labelled("scrivimi un brindisi divertente per i 50 anni di mio padre, lui adora il calcio e la pasta", "creative"),
    Labelled("bedenk een grappig sinterklaasgedicht voor mijn collega die altijd te laat komt", "creative"),
    Labelled("напиши стих про кота в стиле Маяковского", "creative"),
    Labelled("напиши колискову для маленької доньки, про зорі і ведмедика", "creative"),
    Labelled("Nasreddin Hoca tarzında yeni bir fıkra uydur", "creative", note="invent a joke in a given style"),
    Labelled("写一首关于中秋节的现代诗", "creative"),
    Labelled("帮我想几个奶茶店的名字，要可爱一点的", "creative"),
    Labelled("猫が探偵の短いミステリーを書いて", "creative"),
    Labelled("あなたは魔王、私は勇者。ロールプレイしよう、まずは城の門の前から", "creative", note="role play"),
    Labelled("비 오는 날에 어울리는 짧은 시 하나 써줘", "creative"),
    Labelled("اكتب قصة قصيرة عن طفل يجد مصباحاً سحرياً في سوق قديم", "creative"),
    Labelled("दोस्त के जन्मदिन के लिए एक मज़ेदार कविता लिखो, उसे क्रिकेट का बहुत शौक है", "creative"),
    Labelled("bikinin pantun lucu buat pembukaan acara kantor dong", "creative"),
    Labelled("viết một đoạn rap ngắn về cảnh kẹt xe đi làm sáng thứ hai", "creative"),
    Labelled("hitta på en saga om en älg som vill lära sig flyga", "creative"),
    Labelled("popiš Prahu v zimě ve stylu Franze Kafky", "creative", note="description in the style of an author"),
    Labelled(
        "écris-moi un petit rap sur mon chien, half in english half en français",
        "creative",
        note="French mixed with English",
    ),
    # ------------------------------------------------------------------ chat
    Labelled("hey how's it going", "chat"),
    Labelled(
        "what's the story behind the eiffel tower",
        "chat",
        note="'story' here means history: a factual question",
    ),
    Labelled("how do i write a good cover letter", "chat", note="advice on writing, not a request to write one"),
    Labelled(
        "what does dress code black tie mean for men and women",
        "chat",
        note="'code' is a dress code, not programming",
    ),
    Labelled("why is the sky blue but sunsets are red", "chat"),
    Labelled("recommend some sci-fi books if i loved the expanse", "chat"),
    Labelled("plan a 3 day trip to lisbon, budget, we like food and walking", "chat"),
    Labelled("is a heat pump worth it if winters get to -20", "chat"),
    Labelled("capital of australia?", "chat"),
    Labelled("how much protein do i need per day if i lift 4x a week, im 70kg", "chat"),
    Labelled("should i tell my friend i saw her boyfriend on a dating app", "chat"),
    Labelled("explain inflation like i'm five", "chat", note="'explain <concept>' with no document and not about computing: chat"),
    Labelled(
        "how long should i wait before texting someone after a first date",
        "chat",
        note="'texting' is dating advice, not text work",
    ),
    Labelled("is the da vinci code worth reading or is it overhyped", "chat", note="a book recommendation question"),
    Labelled(
        "tips to get better at writing essays at uni, my grades are stuck at 60",
        "chat",
        note="advice about writing, no text given and nothing to invent",
    ),
    Labelled("was the trojan war real or just a myth", "chat"),
    Labelled("tips for a 6 hour flight with a toddler", "chat"),
    Labelled("crocodile vs alligator difference", "chat"),
    Labelled("make me a weekly vegetarian meal plan for 2 people, no mushrooms", "chat", note="planning"),
    Labelled("what time zone is japan in", "chat"),
    Labelled("is it rude not to tip in the us if the service was bad", "chat"),
    Labelled("how does morse code work", "chat", note="morse code is a signalling system, not programming"),
    Labelled("who wrote pride and prejudice", "chat"),
    Labelled("thanks, that was really helpful!", "chat"),
    Labelled("how do i deal with a coworker who keeps taking credit for my work", "chat"),
    Labelled("pineapple on pizza: yes or no, your honest opinion", "chat"),
    Labelled("how do mrna vaccines actually train the immune system", "chat"),
    Labelled("best way to learn guitar as a 40 year old", "chat"),
    Labelled("what is a bullet journal and is it worth trying", "chat"),
    Labelled("how do i negotiate a higher salary when they already gave me an offer", "chat"),
    Labelled(
        "any tips for giving a wedding speech without boring everyone",
        "chat",
        note="asks for tips, not for the speech itself",
    ),
    Labelled("when is the best time to see the northern lights in iceland", "chat"),
    Labelled("how can i stop procrastinating", "chat"),
    Labelled("are electric cars actually better for the environment once you count the battery", "chat"),
    Labelled(
        """ok long one sorry. i've been at my company for 4 years, i like my team but the pay is below market and there's no promotion path. last week a recruiter reached out with a role that pays 25% more, but it's a startup with 30 people and they just raised money 6 months ago. i have a mortgage and a kid on the way in march. my manager hinted there might be a senior role opening next year but nothing concrete. what would you do in my position, and what questions should i ask the startup before deciding?""",
        "chat",
        note="long message, but it describes the user's own situation and asks for advice; no document to work on",
    ),
    Labelled("what's the difference between a roth ira and a traditional ira", "chat"),
    Labelled("how many hours of sleep do teenagers need", "chat"),
    Labelled("where does the word deadline come from", "chat"),
    Labelled("Was ist eigentlich der Unterschied zwischen einer GmbH und einer UG?", "chat"),
    Labelled("Hallo! Wie geht's dir heute?", "chat"),
    Labelled("quels quartiers tu conseilles pour loger à Montréal pour une semaine", "chat"),
    Labelled("pourquoi les chats ronronnent ?", "chat"),
    Labelled("qué me recomiendas para dormir mejor, me despierto a las 4 siempre", "chat"),
    Labelled(
        "cuál es la historia detrás de la tomatina de buñol",
        "chat",
        note="'historia' = history of a festival: a factual question",
    ),
    Labelled("vale a pena fazer mestrado na europa sendo brasileiro?", "chat"),
    Labelled("come si fa un vero ragù alla bolognese? mia suocera dice che sbaglio tutto", "chat"),
    Labelled("wat kun je leuk doen in utrecht als het regent", "chat"),
    Labelled(
        "jak napisać dobre CV, od czego w ogóle zacząć",
        "chat",
        note="advice on writing a CV, nothing given and nothing to invent",
    ),
    Labelled("почему в россии новый год празднуют больше, чем рождество", "chat"),
    Labelled("які документи потрібні для посвідки на проживання в польщі", "chat"),
    Labelled("你好，今天心情不太好，能陪我聊聊吗", "chat"),
    Labelled("外国人が日本で運転免許を取るにはどうすればいい？", "chat"),
    Labelled("이번 주말 서울에서 가볼 만한 전시회 추천해줘", "chat"),
    Labelled("ما هي أفضل طريقة لتعلم لغة جديدة وأنا أعمل بدوام كامل؟", "chat"),
    Labelled("apa bedanya asuransi jiwa sama asuransi kesehatan", "chat"),
    Labelled("người tập gym nên ăn sáng gì", "chat"),
    Labelled("vad betyder lagom egentligen, finns det ett engelskt ord för det", "chat"),
    Labelled("kdy je nejlepší jet do chorvatska, aby tam nebylo moc lidí", "chat"),
    Labelled(
        "ποια είναι η ιστορία πίσω από τους Ολυμπιακούς Αγώνες;",
        "chat",
        note="'story/history behind' a fact: chat",
    ),
    Labelled("bhai kal mera interview hai, any last minute tips?", "chat", note="Hindi (romanised) mixed with English"),
]

# Non-English prompts (own judgement, counting prompts whose request is not in
# English, including the 4 that mix English with another language; English
# requests about a foreign-language text are counted as English):
# code 23, docs 25, creative 23, chat 22 -> 93 in total.
# Languages: German, French, Spanish, Portuguese, Italian, Dutch, Polish,
# Russian, Ukrainian, Turkish, Chinese, Japanese, Korean, Arabic, Hindi,
# Indonesian, Vietnamese, Swedish, Czech, Greek, plus mixes (German/English,
# Spanish/English, French/English, Hinglish).
NON_ENGLISH_COUNT = 93
