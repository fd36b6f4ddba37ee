"""Add the issue-19c router examples to ``tui_chat/data/router_examples.jsonl`` (idempotent).

``python bench/router_examples_19c.py`` appends the prompts below that the file does not
hold yet; then run ``python -m tui_chat.core.router_train``. Written by hand for this
round, apart from the dev sets (no near copies: ``test_heldout_sets_are_apart_from_examples``):
everyday questions that use programming-sounding words (code, write, server, translate,
worth learning) as chat; short technical asks with no code words (networking,
permissions, regex, git, SQL, CLI tools, file formats) as code; creative asks without
story or poem words; in several languages.
"""

from __future__ import annotations

import json
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "tui_chat" / "data" / "router_examples.jsonl"

CHAT = """\
is it too late to become a nurse at 45
should I learn the piano or the guitar first as an adult
how do I write a thank-you note to my neighbour
how do you write a cheque
what does the dress code 'smart casual' mean for a wedding
what does 'circle back' mean when my boss says it
what does 'let's take this offline' mean at work
what is compound interest, with a simple example
explain the stock market simply
explain how a mortgage works in plain terms
why do prices keep going up every year
is a waiter a server or is that old-fashioned
is it rude not to tip the server at a diner in Texas
how do I translate my skills from teaching into a corporate job
is it worth learning Latin today
is a master's degree worth it for a career change
what is a good way to say no to extra shifts
how do I get better at small talk
is it rude to wear a hat indoors
is it normal for my knee to click when I squat
why does my roast chicken come out dry
how do I make fresh pasta without a machine
how do you make bread rise better
what can I use instead of eggs in pancakes
best way to pack for two weeks with only a carry-on
do I need a visa to visit Japan from Canada
what is a fair rent split between roommates with different room sizes
is it smarter to keep cash savings or overpay the mortgage
how do I cancel a gym membership politely
what do people mean by 'quiet quitting'
is a heat pump cheaper than a gas boiler to run
does a dehumidifier help with mould in winter
how do I talk to my teenager about screen time
what is the etiquette for splitting the bill on a first date
how can I improve my handwriting
is it safe to eat rice left out overnight
what's the difference between baking soda and baking powder
how do I choose a good watermelon
what should I read to understand the history of the Ottoman Empire
which translation of the Odyssey is easiest to read
is Dostoevsky better in English or should I learn Russian
why do some people find cilantro soapy
how do I deal with a coworker who takes credit for my work
wie mache ich einen guten Kartoffelsalat
lohnt sich ein E-Auto, wenn ich keine Garage habe
wie viel sollte man für die Rente sparen
comment faire une pâte brisée maison
est-ce que ça vaut la peine d'apprendre le piano à 50 ans
comment négocier mon salaire lors d'un entretien
cómo se hace una tortilla de patatas jugosa
¿vale la pena estudiar enfermería a los 40?
¿cómo puedo dormir mejor si trabajo de noche?
come si fanno gli gnocchi di patate
conviene comprare casa o restare in affitto a Milano
quanto tempo si cuoce il risotto
como fazer pão de queijo em casa
vale a pena mudar de carreira aos 35 anos?
evde mantı nasıl yapılır
kışın evi nasıl daha sıcak tutabilirim
maaş zammı nasıl istenir
как сварить настоящий борщ
стоит ли переезжать в другой город ради работы
hoe maak je een goede erwtensoep
is het slim om mijn hypotheek eerder af te lossen
jak zrobić pierogi ruskie
czy warto uczyć się niemieckiego po czterdziestce
カレーをおいしく作るコツは？
40歳から転職するのは遅いですか
김치찌개 맛있게 끓이는 법
마흔에 새로운 직업을 배우는 게 늦었을까요
怎么做红烧肉才好吃
三十五岁转行还来得及吗
كيف أحضر الكبسة في البيت
क्या 40 की उम्र में नई भाषा सीखना मुश्किल है
"""

CODE = """\
tcp vs udp for live video streaming?
what port does https use by default
difference between 0644 and 0600 permissions
chown vs chmod?
how do I make a file executable
what does 'rebase onto main' actually do
throw away local edits to one file and go back to the committed version
how to squash three commits into one
left join vs inner join?
count rows per day in postgres
how to find duplicate emails in a users table
regex for a 5 digit zip code
match a date like 2024-01-31 with a regex
what does the -r flag do in cp
grep for a word in all files recursively
how do I see which process is using port 8080
find files bigger than 1GB on linux
what is the difference between a symlink and a hard link
parquet vs csv for large tables?
how do I pretty print a json file in the terminal
what does an IP address like 10.0.0.0/8 mean
how does DNS resolution work step by step, for a server I'm setting up
why does my ssh key get 'permissions are too open'
what does 'exit status 137' mean in a container
how to list open ports on a mac
is utf-8 or utf-16 better for storing text files
tar.gz vs zip for backups on a linux box?
what's the cron syntax for every monday at 9
cómo deshacer un git push
diferencia entre tcp y udp
wie finde ich heraus, welcher Prozess Port 443 belegt
wie benenne ich einen Branch um
comment afficher les fichiers cachés dans le terminal
expression régulière pour un numéro de téléphone français
come si annulla un merge in git
differenza tra chmod 777 e 755
como listar arquivos por tamanho no terminal
sql ile tekrar eden kayıtları nasıl bulurum
как посмотреть размер папки в линуксе
hoe maak ik een script uitvoerbaar
jak sprawdzić, który port jest zajęty
ファイルの権限を変更するコマンドは？
정규표현식으로 전화번호 찾는 법
正则表达式怎么匹配邮箱
كيف أغير صلاحيات ملف في لينكس
"""

CREATIVE = """\
three short lines about a cat watching rain, seventeen syllables
a 5-7-5 about the last day of summer
ten silly one-liners about dentists
give me five puns about cheese
a knock-knock about a penguin
describe a lighthouse keeper's morning as if it were a fairy's diary
a wedding toast for my sister, funny but warm
a slogan for a bakery that only opens at night
a bedtime tale about a sleepy tractor
imagine you are the moon writing a letter to the sea
dix blagues sur les chats, gentilles
tres versos cortos sobre el mar, estilo japonés
cinque battute sui commercialisti
drei Zeilen über den Herbst, 5-7-5
kedi hakkında komik bir tekerleme uydur
короткое четверостишие о зимнем утре
雨の日の猫について五七五で
고양이에 관한 재미있는 농담 세 개
"""

DOCS = """\
Which of these two job ads pays better and asks for less? Ad 1: Junior analyst, 38k, two years of experience required, hybrid. Ad 2: Data assistant, 41k, no experience needed, fully on site.
Turn this into a checklist: Before leaving, switch off the heating, lock the back door, water the plants, take the bins out and leave the key with Anna next door.
Is the tone of this too cold? Hi Mark, the report was due Friday. Please send it today. Thanks.
In plain English please: The tenant shall indemnify the landlord against all losses arising from any breach of the covenants herein.
Dit in het Engels: Wij sluiten op maandag om vijf uur en zijn dinsdag de hele dag dicht.
Was sind die drei wichtigsten Punkte hier? Der Stadtrat hat beschlossen, die Buslinie 12 ab März einzustellen, die Parkgebühren zu erhöhen und einen neuen Radweg entlang des Flusses zu bauen.
"""


def main() -> int:
    have = {json.loads(line)["text"] for line in TARGET.read_text("utf-8").splitlines() if line}
    new = [
        {"role": role, "text": text.strip()}
        for role, block in (("chat", CHAT), ("code", CODE), ("creative", CREATIVE), ("docs", DOCS))
        for text in block.splitlines()
        if text.strip() and text.strip() not in have
    ]
    with TARGET.open("a", encoding="utf-8") as f:
        for row in new:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"added {len(new)} examples to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
