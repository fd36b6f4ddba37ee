"""Held-out set G1 for the auto router: written by hand by a helper session (an LLM assistant started for this task) on 2026-12-02 (UTC), working only in /work/setg1, from the written labelling policy alone, without seeing the router's code, its training examples, or any other held-out set. 200 prompts, 50 per role, about a third not in English. Theme: students, hobbyists and retired people."""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    text: str
    role: str
    note: str = ""


HELDOUT_G1: list[Labelled] = [
    # ------------------------------------------------------------------ chat (50)
    Labelled("hiya, you awake?", "chat"),
    Labelled("brilliant, the cake came out perfect this time, thank you", "chat"),
    Labelled(
        "is a ball python ok as a first pet for my 12 year old? how big do they get",
        "chat",
        note="python the snake, not the language",
    ),
    Labelled(
        "whats the actual difference between java and sumatra coffee or is it just marketing",
        "chat",
        note="java the coffee, not the language",
    ),
    Labelled(
        "there's a bug all over my broad beans, tiny black things clustered on the tips. "
        "what is it and can i get rid of it without chemicals",
        "chat",
        note="a garden insect, not a software bug",
    ),
    Labelled(
        "Best way to get the rust off some old chisels I picked up at a car boot sale?",
        "chat",
        note="rust the oxide, not the language",
    ),
    Labelled(
        "my cookies keep spreading into one big flat sheet on the tray, what am I doing wrong",
        "chat",
        note="baked cookies, not browser cookies",
    ),
    Labelled(
        "what shell should I get when my hermit crab outgrows his current one",
        "chat",
        note="a crab's shell, not a command shell",
    ),
    Labelled(
        "how many days do I feed a new sourdough starter before it's strong enough to bake with",
        "chat",
    ),
    Labelled(
        "OO vs HO gauge - can I run my dad's old Hornby stock on my friend's HO layout?",
        "chat",
    ),
    Labelled(
        "my 2m handheld only hits the local repeater from the upstairs window. is a better "
        "antenna worth it or is it just the hills",
        "chat",
        note="amateur radio hardware advice, no program or tool involved",
    ),
    Labelled(
        "How does a sewing machine actually make a stitch with two threads? It seems like magic to me.",
        "chat",
    ),
    Labelled(
        "Is it rude to ask my book club to stop bringing wine? Two of the members are trying to cut down.",
        "chat",
    ),
    Labelled("rule of thirds - should I always follow it or is it more of a suggestion", "chat"),
    Labelled(
        "zigbee or z-wave for a few smart plugs and bulbs in a bungalow? not planning to program anything, just want it reliable",
        "chat",
        note="buying advice for home-automation gadgets; no config, code or tool use asked for",
    ),
    Labelled("any good history podcasts for long drives? I like the Romans and WW2", "chat"),
    Labelled("how can i tell the apple pie is cooked through without cutting into it", "chat"),
    Labelled(
        "Good morning. It's been a very quiet week since my wife passed and I just wanted to talk to someone for a bit.",
        "chat",
    ),
    Labelled("why do onions make you cry and does the wet tea towel trick actually work", "chat"),
    Labelled("do bees sleep?", "chat"),
    Labelled(
        "I'm revising for my econ final. Can you explain opportunity cost with an everyday "
        "example, like choosing between a part-time job and studying?",
        "chat",
        note="explain a concept with no pasted document is chat",
    ),
    Labelled("how do two stars orbit each other without crashing into each other", "chat"),
    Labelled("what's en passant?? my grandson did it to me and i think he made it up", "chat"),
    Labelled("is it true you should never use soap on a cast iron pan", "chat"),
    Labelled(
        "Is it worth going for a ham radio licence at 68, or is the exam too technical for someone like me?",
        "chat",
    ),
    Labelled("how long to roast a 2kg duck and do i need to prick the skin", "chat"),
    Labelled("roughly how much firewood does a small woodburner get through in a winter", "chat"),
    Labelled(
        "how long does it usually take an adult to learn guitar well enough to play one full song",
        "chat",
    ),
    Labelled("hybrid bike or step-through e-bike for a 72 year old with a dodgy back?", "chat"),
    Labelled(
        "first week at uni and I don't know anyone. tips for making friends that aren't just going to the pub?",
        "chat",
    ),
    Labelled(
        "Mi nieto de 8 años quiere aprender ajedrez. ¿Qué apertura sencilla le puedo enseñar primero?",
        "chat",
    ),
    Labelled(
        "Por que o céu fica vermelho no fim da tarde? Minha neta perguntou e eu não soube responder.",
        "chat",
    ),
    Labelled("Quelle est la meilleure période pour tailler un vieux pommier ?", "chat"),
    Labelled("Wie bekomme ich das Moos aus meinem Rasen, ohne Chemie zu benutzen?", "chat"),
    Labelled("Czy chleb na zakwasie można zamrozić? Jak długo wytrzyma w zamrażarce?", "chat"),
    Labelled("Почему у рассады помидоров желтеют нижние листья?", "chat"),
    Labelled("Як правильно зберігати насіння гарбуза до наступної весни?", "chat"),
    Labelled(
        "Geçen ay emekli oldum ve günlerim çok boş geçiyor. Evden çok uzaklaşmadan yapabileceğim hobiler önerir misin?",
        "chat",
    ),
    Labelled("ما هي أفضل طريقة لتعلم لغة جديدة بعد سن الستين؟", "chat"),
    Labelled(
        "मेरी दादी के घुटनों में दर्द रहता है, उनके लिए कौन से हल्के व्यायाम सुरक्षित हैं?",
        "chat",
    ),
    Labelled("为什么木头到了冬天会开裂？我自己做的小桌子桌面裂了一条缝。", "chat"),
    Labelled("初心者が野鳥を撮るなら、一眼レフとミラーレスどっちがいいですか？", "chat"),
    Labelled("뜨개질 처음 해보는데 대바늘이랑 코바늘 중에 뭐가 더 쉬워요?", "chat"),
    Labelled("Tưới cây vào buổi tối có hại không?", "chat"),
    Labelled("Ποια είναι η καλύτερη ώρα για να φωτογραφίσω την πανσέληνο;", "chat"),
    Labelled("למה החתול שלי מביא לי עכברים מתים לדלת?", "chat"),
    Labelled("ควรรดน้ำกล้วยไม้บ่อยแค่ไหนในหน้าร้อน", "chat"),
    Labelled("چطور می‌توانم موقع درس خواندن برای کنکور بهتر تمرکز کنم؟", "chat"),
    Labelled("Ninawezaje kuzuia kuku wangu wasiugue wakati wa mvua nyingi?", "chat"),
    Labelled("আমার বাগানের তুলসী গাছের পাতা কালো হয়ে যাচ্ছে কেন?", "chat"),
    # ------------------------------------------------------------------ code (50)
    Labelled(
        "=VLOOKUP(A2,Members!A:C,3,FALSE) keeps giving #N/A but I can SEE the name in the other sheet. what's going on",
        "code",
    ),
    Labelled(
        "arduino + DHT22: how do I only print to serial when the temperature changes by more than half a degree",
        "code",
    ),
    Labelled(
        """for i in range(10)
    print(i)

SyntaxError: invalid syntax

first week of python at uni, what's wrong""",
        "code",
    ),
    Labelled(
        "git status says \"Your branch is ahead of 'origin/main' by 3 commits.\" do I need to do something about that?",
        "code",
    ),
    Labelled(
        """automation:
  - alias: porch light at sunset
    trigger:
      platform: sun
      event: sunset
    action:
      service: light.turn_on
      entity_id: light.porch
      brightness: 80

config check says: Invalid config for [automation]: extra keys not allowed @ data['action'][0]['brightness']. how do i set the brightness then?""",
        "code",
    ),
    Labelled(
        "pi 4 just shows a solid red light and the green one never blinks. reflashed the sd card twice already",
        "code",
        note="Raspberry Pi boot troubleshooting (SD image, firmware) is a tools question, so code",
    ),
    Labelled(
        """find ~/Pictures -name '*.jpg' -mtime -30
that lists them fine but how do I copy them all into one folder called recent""",
        "code",
    ),
    Labelled(
        "list vs tuple in python, when would I actually use a tuple",
        "code",
        note="a programming concept is about programs, so code rather than explain-a-concept chat",
    ),
    Labelled("excel macro that turns the whole row red when column D says overdue", "code"),
    Labelled(
        "write a python function: given my knitting gauge (stitches per 10 cm) and the width I want in cm, "
        "return how many stitches to cast on, rounded to an even number",
        "code",
    ),
    Labelled(
        """summarise what this means please, I'm new to this

Traceback (most recent call last):
  File "/home/dennis/trains/speed.py", line 14, in <module>
    speed = int(input("Speed in mph: "))
ValueError: invalid literal for int() with base 10: '12.5'""",
        "code",
        note="summarising a traceback is code per policy",
    ),
    Labelled(
        """turn this into javascript please

def c_to_f(c):
    return c * 9 / 5 + 32""",
        "code",
        note="translation between programming languages is code",
    ),
    Labelled(
        "why does 0.1 + 0.2 give 0.30000000000000004 in python? my homework checker keeps failing",
        "code",
    ),
    Labelled("regex for UK amateur radio callsigns like G4ABC, M0XYZ, 2E0ABC", "code"),
    Labelled(
        """HA keeps restarting overnight, here's the log from around 3am. what's actually wrong?

2024-11-18 02:58:41.112 INFO (MainThread) [homeassistant.components.automation.heating_schedule] Heating schedule: Running automation actions
2024-11-18 02:58:41.115 INFO (MainThread) [homeassistant.components.automation.heating_schedule] Heating schedule: Executing step call service
2024-11-18 02:59:03.420 WARNING (MainThread) [homeassistant.components.zha.core.cluster_handlers] [0xA3F1:1:0x0006]: async_initialize: all attempts have failed: [DeliveryError('Failed to deliver message: <EmberStatus.DELIVERY_FAILED: 102>')]
2024-11-18 02:59:03.421 WARNING (MainThread) [homeassistant.components.zha.core.cluster_handlers] [0xA3F1:1:0x0008]: async_initialize: all attempts have failed: [DeliveryError('Failed to deliver message: <EmberStatus.DELIVERY_FAILED: 102>')]
2024-11-18 03:00:00.004 INFO (Recorder) [homeassistant.components.recorder.core] Purging database, keeping 10 days
2024-11-18 03:00:12.877 ERROR (Recorder) [homeassistant.components.recorder.core] Error executing query: (sqlite3.OperationalError) database or disk is full
2024-11-18 03:00:12.878 ERROR (Recorder) [homeassistant.components.recorder.core] Error in database connectivity during commit: disk I/O error. (retrying in 3 seconds)
2024-11-18 03:00:15.902 ERROR (Recorder) [homeassistant.components.recorder.core] Error in database connectivity during commit: disk I/O error. (retrying in 3 seconds)
2024-11-18 03:00:18.930 CRITICAL (Recorder) [homeassistant.components.recorder.core] Unrecoverable sqlite3 database corruption detected
2024-11-18 03:00:19.001 WARNING (MainThread) [homeassistant.core] Shutting down - Home Assistant is restarting
2024-11-18 03:01:44.350 INFO (MainThread) [homeassistant.bootstrap] Home Assistant initialized in 82.37s
2024-11-18 03:01:44.512 WARNING (MainThread) [homeassistant.components.sensor] Updating systemmonitor sensor took longer than the scheduled update interval 0:00:30
2024-11-18 03:02:10.008 ERROR (MainThread) [homeassistant.components.recorder] The recorder could not start, check the database connection""",
        "code",
        note="long log paste is code, not docs",
    ),
    Labelled(
        "what's a pointer in C? lecturer lost me at the asterisk",
        "code",
        note="programming concept, so code",
    ),
    Labelled("how do I undo a git add before I commit", "code"),
    Labelled(
        "Using JMRI with a DCC-EX command station on an Arduino Mega. Throttle connects fine and track power "
        "shows ON, but the loco won't move. Serial monitor just shows <p1> and nothing when I turn the knob. "
        "Loco address is 3. Any ideas?",
        "code",
        note="model railway, but the question is about software/firmware tools and a serial log",
    ),
    Labelled("bash one liner to rename IMG_1234.JPG style files to holiday2024_1234.jpg", "code"),
    Labelled(
        "how would I write a function that checks if a knight move is legal, with squares given like e4 and f6",
        "code",
    ),
    Labelled(
        "Uncaught (in promise) SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
        "code",
    ),
    Labelled("in scratch how do i make the cat stop when it touches the red wall", "code"),
    Labelled(
        """int led = 13;
void setup() {
  pinMode(led, OUTPUT)
}
void loop() {
  digitalWrite(led, HIGH);
  delay(1000);
  digitalWrite(led, LOW);
  delay(1000);
}

error: expected ';' before '}' token
it's my grandson's starter kit and neither of us can see what's wrong""",
        "code",
    ),
    Labelled(
        "is python or javascript better for a 65 year old who mostly wants to automate spreadsheets and rename files",
        "code",
        note="python the programming language here",
    ),
    Labelled(
        """date,rain_mm
2024-05-01,3.2
2024-05-02,0
2024-05-03,11.4
2024-05-04,0.6
2024-05-05,7.9

that's the start of my rain gauge readings, a few months of it. easiest way to get a bar chart per month out of this? I have python installed""",
        "code",
        note="pasted data plus a plotting question is code",
    ),
    Labelled(
        """segmentation fault (core dumped)

that's all it says. C assignment due friday""",
        "code",
    ),
    Labelled(
        "big O notation - why is a loop inside a loop O(n^2)?",
        "code",
        note="programming concept, so code",
    ),
    Labelled(
        "what does ssh: connect to host raspberrypi.local port 22: Connection refused mean",
        "code",
    ),
    Labelled(
        "Tasmota on a Sonoff Basic: how do I make the relay switch itself off 10 minutes after it's turned on?",
        "code",
    ),
    Labelled(
        "Write me a Google Apps Script that emails me whenever someone fills in our garden club signup form",
        "code",
    ),
    Labelled(
        """convert this to a list comprehension

result = []
for x in nums:
    if x % 2 == 0:
        result.append(x * x)""",
        "code",
    ),
    Labelled(
        """sudo apt upgrade
E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 2211 (unattended-upgr)
N: Be aware that removing the lock file is not a solution and may break your system.

what do I do, just wait?""",
        "code",
    ),
    Labelled(
        "¿Cómo hago en Google Sheets para que una celda sume solo los gastos de la categoría «jardín»? "
        "Tengo la categoría en la columna B y el importe en la C.",
        "code",
    ),
    Labelled(
        "meu programa em C não compila, dá error: expected ';' before 'return'. o que significa isso? sou do primeiro período",
        "code",
    ),
    Labelled(
        "Comment lancer automatiquement un script Python au démarrage de mon Raspberry Pi ? C'est pour une station météo dans le jardin.",
        "code",
    ),
    Labelled(
        "Mein ESP32 verbindet sich nicht mit dem WLAN, im seriellen Monitor steht nur 'WiFi disconnected, reason: 201'. Was heißt das?",
        "code",
    ),
    Labelled("Come faccio a trovare le righe duplicate in un file CSV dal terminale? Sono su Mac.", "code"),
    Labelled(
        "Wat is het verschil tussen git merge en git rebase? Leg het uit alsof ik een gepensioneerde boekhouder ben.",
        "code",
    ),
    Labelled(
        "Napisz w Pythonie prosty program, który losuje pytania z listy i sprawdza odpowiedzi, do nauki przed egzaminem z historii.",
        "code",
    ),
    Labelled(
        "Что значит ошибка IndexError: list index out of range и как её исправить? Код: for i in range(len(a)+1): print(a[i])",
        "code",
    ),
    Labelled("Як в Excel порахувати кількість робочих днів між двома датами, без субот і неділь?", "code"),
    Labelled("Arduino ile bir servo motoru potansiyometreyle nasıl kontrol ederim? Kodu yazar mısın?", "code"),
    Labelled(
        "我的 SQL 查询 SELECT name, COUNT(*) FROM members GROUP BY city; 报错说 name 必须出现在 GROUP BY 里，这是什么意思？",
        "code",
    ),
    Labelled(
        "Home Assistantで、浴室の湿度が70%を超えたら換気扇をオンにする自動化のYAMLを書いてください",
        "code",
    ),
    Labelled("파이썬에서 딕셔너리를 값 기준으로 내림차순 정렬하려면 어떻게 해요?", "code"),
    Labelled(
        "मैंने अपनी वेबसाइट की CSS फ़ाइल बदली है पर ब्राउज़र में बदलाव दिख नहीं रहा। क्या ये cache की वजह से है?",
        "code",
    ),
    Labelled("Cài gói bằng npm install -g thì bị lỗi 'npm ERR! code EACCES', sửa thế nào vậy?", "code"),
    Labelled("كيف أنشئ مستودع git جديد لمشروع التخرج وأرفعه على GitHub؟", "code"),
    Labelled("Hur skriver jag en cron-rad som kör mitt backupskript varje söndag klockan 03:00?", "code"),
    Labelled(
        "Τι σημαίνει το σφάλμα ModuleNotFoundError: No module named 'numpy' και πώς το διορθώνω;",
        "code",
    ),
    # ------------------------------------------------------------------ docs (50)
    Labelled(
        """what's the gist, I haven't got my glasses

Dear Plot Holders,
Following the committee meeting on 14th March, we wish to remind all members that the use of hosepipes connected to the main troughs is not permitted between 1st May and 30th September. Watering cans must be filled from the troughs only. Members found in breach of this rule on more than one occasion may be asked to attend a meeting with the committee, and persistent breaches could result in the termination of the tenancy agreement. We would also ask that water butts be fitted with lids to prevent mosquitoes breeding. The AGM will take place on Saturday 6th April at 2pm in the pavilion; tea and cake will be provided.
Kind regards,
Margaret Ellis, Secretary""",
        "docs",
    ),
    Labelled(
        """is this polite enough to put through my neighbour's door?

Hi, it's Dave from number 12. Your leylandii are now well over the fence and my greenhouse gets no sun after 11. I'd appreciate it if you'd cut them back before the summer or I'll have to look into my options. Thanks.""",
        "docs",
        note="judging the tone of a given note is work on that text",
    ),
    Labelled(
        """which of these two is clearer for the club newsletter?

A) Members wishing to participate in the forthcoming exhibition are requested to submit their entries, appropriately mounted, no later than the final Friday of the month to the undersigned.

B) Want to be in the exhibition? Bring your mounted prints to Sue by the last Friday of the month.""",
        "docs",
    ),
    Labelled(
        """turn this into bullet points i can stick on the fridge

Start by soaking the dried chickpeas overnight in plenty of cold water with a pinch of bicarbonate of soda. The next day, drain and rinse them, then simmer in fresh water for about an hour and a half until they're very soft. While they're still warm, blend them with three tablespoons of tahini, the juice of a lemon, one small garlic clove and a good pinch of salt, adding some of the cooking water a spoonful at a time until it's smooth. Finish with a drizzle of olive oil and a shake of paprika.""",
        "docs",
    ),
    Labelled(
        """pull out the dates

Riverside Camera Club - Spring Programme
We start the season with a talk on macro photography by Alan Greaves on Tuesday 7 January. The print competition (theme: 'Reflections') closes on 21 January, with judging on the 28th. Our field trip to the botanical gardens is pencilled in for Saturday 15 February, weather permitting, with a backup date of 22 February. The AGM is on 4 March and subscriptions (£35, £25 concessions) are due by the end of that month.""",
        "docs",
    ),
    Labelled(
        """can you tidy this up into proper notes, I was typing fast in the lecture

mitosis - 1 cell -> 2 identical. phases PMAT (prophase metaphase anaphase telophase) + cytokinesis at end. prophase chromosomes condense, spindle forms, nuc envelope breaks. metaphase line up middle (metaphase plate). anaphase sister chromatids pulled apart to poles. telophase nuc envelope reforms, 2 nuclei. lecturer said exam q usually compare w meiosis - meiosis 2 divisions, 4 cells, haploid, crossing over""",
        "docs",
    ),
    Labelled(
        """what does this actually mean in plain english? it's from the contract for the retirement flat

12.3 Upon the Resident vacating the Apartment for whatever reason, a Deferred Management Fee shall become payable to the Operator, calculated at 3% of the Resale Price for each complete year of occupation, subject to a maximum of 30%, and shall be deducted from the proceeds of sale prior to any distribution to the Resident or the Resident's estate.""",
        "docs",
        note="explain this clause is docs, unlike explaining a concept",
    ),
    Labelled(
        """someone replied to my question on the model railway forum with this. are they having a go at me or is that just how people write on there?

As has been said MANY times on this forum, a search would have answered your question. Peco code 75 and code 100 are not directly compatible without transition joiners. It's in the FAQ. Welcome to the hobby anyway.""",
        "docs",
        note="'code 75/100' is model rail track, not software; the task is reading the tone of a post",
    ),
    Labelled(
        """my son's mother-in-law only reads Spanish, could you put this into Spanish for her?

Dear Rosa, we'd love you to join us for Lily's christening on Sunday 9 June at St Mary's Church at 11am, followed by lunch at our house. Please don't bring anything except yourself! Let us know if you need a lift from the station.""",
        "docs",
    ),
    Labelled(
        """fix the grammar but keep it sounding like me, its for my open university assignment

The industrial revolution effected peoples lives in many ways, the most obvious one being that families who had worked on the land for generations was now moving to towns to work in factorys. This lead to overcrowding and disease, however it also created new opportunities for some.""",
        "docs",
    ),
    Labelled(
        """make this sound less like a complaint, I still want them to fix it though

To whom it may concern, the streetlight outside 44 Orchard Road has been broken for six weeks. I have reported it twice and nothing has happened. It is dangerous for older residents like myself walking back from the bus stop in the dark. I expect this to be dealt with immediately.""",
        "docs",
    ),
    Labelled(
        """tl;dr? it's for my gardening club talk next week and I don't have time to read it all

Across Europe and North America, the number of wild bees, hoverflies and butterflies has fallen sharply over the last fifty years. Scientists point to several overlapping causes. The loss of wildflower meadows is probably the biggest: in Britain alone, around 97 percent of species-rich grassland disappeared between the 1930s and the 1980s, as fields were ploughed, drained or sown with fast-growing grass for silage. Without a steady supply of pollen and nectar from early spring to late autumn, many insects simply cannot raise enough young.

Pesticides are the second major factor. A group of insecticides called neonicotinoids, once widely used to coat crop seeds, was shown to impair bees' ability to navigate and forage, and most outdoor uses were banned in the European Union in 2018. Herbicides play an indirect role by removing the 'weeds' that pollinators depend on. Climate change adds a further complication: when plants flower earlier in warm springs but the insects that feed on them do not emerge earlier, the two can fall out of step.

The good news is that gardens matter. Taken together, private gardens in Britain cover an area larger than all of the country's nature reserves combined. Leaving a patch of lawn uncut until late summer, planting a mix of flowers that bloom in different months, avoiding pesticides and leaving hollow stems standing over winter for nesting solitary bees can all make a measurable difference. Studies of urban gardens have found that even small plots, when managed this way, support a surprising variety of pollinators.""",
        "docs",
    ),
    Labelled(
        """what are they actually asking me to do here?

Dear Mr Okafor,
We are writing to let you know that we have not yet received your completed Life Certificate for the current year. In order for us to continue paying your pension into your overseas bank account, this form must be signed by an authorised witness and returned to us by 31 October. If we do not receive it by this date, your payments may be suspended until the form is received. A replacement form is enclosed for your convenience.
Yours sincerely,
Pension Service""",
        "docs",
    ),
    Labelled(
        """list every ingredient and how much so I can take it shopping

For the stew you'll want about a kilo of stewing beef cut into chunks, browned in batches in a couple of tablespoons of oil. Soften two onions and three carrots in the same pan, stir in a tablespoon of flour and a squeeze of tomato purée, then pour in 500ml of ale and the same of beef stock. Tuck in a few sprigs of thyme and two bay leaves and let it go low and slow for about three hours. Dumplings: 100g self-raising flour, 50g suet, a pinch of salt and just enough cold water to bring it together.""",
        "docs",
    ),
    Labelled(
        """shorter pls

Hello everyone! Just a quick reminder that this Thursday evening we'll be meeting as usual in the church hall at 7:30pm for our regular woodturning session. Please remember to bring your own safety glasses, as we've had a few people forget recently and we only have two spare pairs. Also, Bob has very kindly offered to demonstrate how to turn a simple bowl from green wood, so if you're interested, do come along a bit earlier to get a good spot. Tea and biscuits will be available as always.""",
        "docs",
    ),
    Labelled(
        """does this paragraph contradict itself? my tutor wrote 'unclear argument' next to it

Social media has made teenagers more isolated than any previous generation. Young people today spend hours every evening talking to their friends online and are more connected to their peers than ever before. For this reason, I believe that social media has been mostly negative for their social lives.""",
        "docs",
    ),
    Labelled(
        """can you turn these minutes into a table of who's doing what by when

Chess club committee, 3 Sept. Present: Raj, Helen, Tomasz, Bev. Raj to book the library room for the junior tournament (by end of Sept). Helen will email the county league about fixture dates this week. Tomasz offered to fix the broken clocks, will bring them back at the next meeting. Bev to set up a sign-up sheet for the beginners' evening, ideally before half-term. Everyone to think about a new treasurer before the AGM in November.""",
        "docs",
        note="'a table' here is a reformatting of given minutes, not data work",
    ),
    Labelled(
        """what's the warranty and who do I contact? I can't find it in all this

Thank you for purchasing the GreenStar 40V Cordless Hedge Trimmer. Please read these instructions carefully before first use and keep them for future reference. Always wear gloves and eye protection. Do not use in wet conditions. Charge the battery fully before first use (approx. 3 hours). GUARANTEE: This product is guaranteed for 24 months from the date of purchase against defects in materials and workmanship. The battery is guaranteed for 12 months. Register your product at greenstar-tools.co.uk within 28 days to extend the tool guarantee to 36 months. For guarantee claims, contact our customer care team on 0800 123 4567 (Mon-Fri, 9am-5pm), quoting your receipt and serial number.""",
        "docs",
    ),
    Labelled(
        """rewrite this for my 10 year old granddaughter, she has a school project

Photosynthesis is the process by which green plants use light energy, absorbed by chlorophyll in their leaves, to convert carbon dioxide from the air and water from the soil into glucose. Oxygen is released as a by-product. The glucose is used by the plant for respiration and growth, or stored as starch.""",
        "docs",
    ),
    Labelled(
        """Could you check this for spelling and anything that reads oddly? It's for my brother's funeral on Friday. Please don't change it much, I want it to sound like me.

Tom was my big brother for seventy three years. He taught me to ride a bike, to tie a fishing knot and to never, ever cheat at cards, although he himself was known too. He spent fourty years as a postman and knew every dog on his round by name. He leaves behind his wife Jean, his two children and five grandchildren who he adored.""",
        "docs",
        note="proofreading a eulogy the user wrote; nothing new is invented",
    ),
    Labelled(
        """is there anything in here that lets them keep my deposit?

7. Deposit. A deposit of £500 is payable on signing this agreement and will be held for the duration of the pitch licence. The deposit will be returned within 30 days of the end of the licence, less any sums reasonably required to cover (a) unpaid pitch fees, (b) the cost of removing any items left on the pitch, and (c) repair of damage to the pitch or site facilities beyond fair wear and tear. The Park Owner shall provide an itemised statement of any deductions.""",
        "docs",
    ),
    Labelled(
        """explain this bit of the pattern line by line, I'm lost

Row 1 (RS): K1, *yo, k2tog; rep from * to last st, k1.
Row 2: Purl.
Rep rows 1-2 until work measures 20cm, ending with a WS row.
Next row: K1, (k2tog) to last st, k1. (22 sts)""",
        "docs",
        note="a knitting pattern is a given text to explain, not program code",
    ),
    Labelled(
        """what does this letter from the hospital mean? the GP surgery is shut till monday

Dear Dr Harris, I reviewed Mrs Patel in clinic today. Her echocardiogram shows mild aortic stenosis with preserved left ventricular function. She is asymptomatic. I do not think intervention is indicated at present. I have suggested a repeat echo in 12 months and have advised her to report any breathlessness, chest pain or dizziness promptly.""",
        "docs",
    ),
    Labelled(
        """make me a to-do list out of this

Hi Gran, so for the party on Saturday can you do the sandwiches (egg and cress plus some cheese ones for Maisie), and could you pick up the cake from Greggs on Friday afternoon, it's paid for. Also if you still have those folding chairs could Grandad drop them over Friday night? Oh and don't forget Jack's card, he's turning 9 not 8!! Love you xx""",
        "docs",
    ),
    Labelled(
        """give this a headline for the parish magazine

After eighteen months of fundraising, the St Aidan's bell ringers have finally seen their two cracked bells return from the foundry in Loughborough. The bells, cast in 1782, were lifted back into the tower last Tuesday by a team of volunteers using the original timber frame. Tower captain June Ashworth, 81, said she had waited 'half a lifetime' to hear the full peal again. A celebration ring is planned for Sunday 12th at 10am, and visitors are welcome to climb the tower afterwards.""",
        "docs",
        note="a headline for a given article is work on that text, so docs rather than creative",
    ),
    Labelled(
        """can you translate this into English? it's something my late husband wrote, please keep it as close to the original as you can, don't make it rhyme

Te dejo el jardín como lo encontramos,
las rosas torcidas, la higuera vieja,
el banco donde nos sentábamos
a no decir nada.""",
        "docs",
        note="translating a given poem is docs; nothing is made up",
    ),
    Labelled(
        """summarise this thread for me, I've been away

From: Keith
Has anyone got the key to the workshop? I went down Tuesday and it was locked.
From: Priya
I gave it back to Alan after the bandsaw training.
From: Alan
I've left it in the key safe, code is the same as before. But the bandsaw is out of action, blade snapped, new one ordered.
From: Keith
Thanks. Any idea when the blade arrives? I need to cut the legs for the bench.
From: Alan
Supplier says next Thursday.""",
        "docs",
        note="'code' is a key-safe code; an email thread, not a program",
    ),
    Labelled(
        """is this review positive or negative overall? the owner of the café is my friend and she's upset

Lovely spot by the canal and the staff couldn't be friendlier. The scones were a little dry and we waited nearly twenty minutes for a pot of tea, but to be fair it was a busy Sunday. Would I come back? Probably, but maybe on a weekday.""",
        "docs",
    ),
    Labelled(
        """I read this in the paper. I'm 72, live in a 1930s semi with an old gas boiler that's on its last legs. Going by the article, is a heat pump realistic for me or not?

Heat pumps are being promoted as the main replacement for gas boilers, but how well they work depends a great deal on the house. An air-source heat pump takes heat from the outside air and concentrates it, much as a fridge works in reverse. Because it runs most efficiently at lower water temperatures, around 45 to 50 degrees rather than the 70 degrees typical of a gas system, homes generally need larger radiators or underfloor heating to stay equally warm.

Insulation is the other key factor. In a draughty house with uninsulated solid walls, a heat pump may struggle on the coldest days and running costs can be higher than expected. Installers usually carry out a heat loss survey room by room before recommending a unit, and many suggest topping up loft insulation and fitting draught-proofing first. Cavity wall insulation, where possible, is one of the cheapest improvements.

The upfront cost remains a barrier. A typical installation costs between £10,000 and £14,000 before grants, although government schemes currently offer a subsidy of several thousand pounds towards the price. Running costs depend on the ratio between electricity and gas prices; households that combine a heat pump with a special electricity tariff or solar panels tend to see the biggest savings.

Older homeowners sometimes worry about disruption. Fitting a heat pump usually takes two to five days, and may involve replacing some radiators and adding a hot water cylinder, which needs cupboard space. Noise from the outdoor unit is generally compared to a fridge, but placement matters, particularly in terraced streets. Experts advise getting at least two quotes and asking installers for references from similar properties.""",
        "docs",
        note="long pasted article with a question about it is docs, even though the question is advice",
    ),
    Labelled(
        """put this into my own words for my revision notes, simpler sentences

The Treaty of Versailles, signed in June 1919, formally ended the state of war between Germany and the Allied Powers. Among its most controversial provisions was Article 231, which required Germany to accept responsibility for the loss and damage caused by the war, providing the legal basis for reparations. Germany also lost approximately 13 percent of its European territory and all of its overseas colonies.""",
        "docs",
    ),
    Labelled(
        """Tu peux corriger les fautes dans ce petit mot pour la kermesse de l'école ? Merci

Chers parents, la kermesse aura lieu le samedi 22 juin a partir de 14h dans la cour de l'école. Nous recherchons des bénévoles pour tenir les stands et pour faire des gateaux. Les enfants pourrons participer a de nombreux jeux et une tombola sera organisé avec de beaux lots a gagner.""",
        "docs",
    ),
    Labelled(
        """Was wollen die eigentlich von mir? Ich verstehe das Schreiben nicht ganz.

Sehr geehrte Frau Becker,
für die Prüfung Ihres Antrags auf Kostenübernahme für ein Hörgerät benötigen wir noch eine aktuelle ohrenärztliche Verordnung sowie den Kostenvoranschlag des Hörakustikers. Bitte reichen Sie die Unterlagen innerhalb von vier Wochen ab Datum dieses Schreibens ein. Andernfalls müssen wir über Ihren Antrag nach Aktenlage entscheiden.
Mit freundlichen Grüßen
Ihre Krankenkasse""",
        "docs",
    ),
    Labelled(
        """Resúmeme esta carta del banco en dos líneas, por favor:

Estimado cliente: le informamos de que, a partir del 1 de marzo, la comisión de mantenimiento de su cuenta pasará a ser de 5 euros mensuales, salvo que tenga domiciliada una nómina o pensión superior a 600 euros, o realice al menos tres pagos mensuales con su tarjeta. Si no está de acuerdo con estas condiciones, podrá cancelar la cuenta sin coste alguno antes de la fecha indicada.""",
        "docs",
    ),
    Labelled(
        """Deixa esse texto mais formal? É pra diretora da escola do meu neto.

Oi, tudo bem? Então, o Pedro vai faltar semana que vem porque a gente vai viajar pro interior pra ver a bisavó dele que tá doente. Ele faz a lição depois, prometo. Valeu!""",
        "docs",
    ),
    Labelled(
        """Traduci in inglese per favore, è la ricetta di mia nonna e la voglio mandare a mia cugina in Canada.

Torta di mele della nonna: sbattere tre uova con 150 g di zucchero finché il composto è chiaro e spumoso. Aggiungere 100 g di burro fuso, la scorza di un limone e 250 g di farina setacciata con una bustina di lievito. Tagliare tre mele a fettine sottili, metterne metà nell'impasto e disporre le altre sopra. Cuocere a 180 gradi per circa 45 minuti.""",
        "docs",
    ),
    Labelled(
        """Сократи это объявление, чтобы поместилось на листок у лифта:

Уважаемые жильцы! Сообщаем, что в связи с плановым ремонтом системы горячего водоснабжения подача горячей воды в нашем доме будет прекращена с 10 по 24 июля включительно. Просим отнестись с пониманием и заранее подготовиться. По всем вопросам обращайтесь к старшему по дому, Николаю Петровичу, кв. 45, или по телефону диспетчерской службы.""",
        "docs",
    ),
    Labelled(
        """Czy ten mail do promotora brzmi w porządku? Nie chcę wyjść na niegrzeczną.

Dzień dobry, piszę, bo nadal nie dostałam uwag do drugiego rozdziału, a wysłałam go miesiąc temu. Termin oddania pracy jest w czerwcu i zaczynam się trochę denerwować. Kiedy mogę się spodziewać odpowiedzi? Pozdrawiam, Kasia Nowak""",
        "docs",
    ),
    Labelled(
        """この案内から持ち物だけ抜き出してください。

【春の山野草観察会のご案内】4月20日(土)午前9時、市民の森駐車場に集合です。雨天の場合は27日に延期します。当日はルーペ、筆記用具、帽子、飲み物をご持参ください。昼食は各自でご用意ください。歩きやすい靴でお越しください。参加費は300円(保険料込み)です。""",
        "docs",
    ),
    Labelled(
        """帮我把这段话改得简单一点，我爸爸七十多岁了，要给他看的：

为确保您的账户安全，请勿向任何人透露您的短信验证码。本行工作人员不会以任何理由通过电话、短信或社交软件向您索取验证码、密码等敏感信息。如遇可疑情况，请立即挂断并拨打本行官方客服热线核实。""",
        "docs",
    ),
    Labelled(
        """이 문자 무슨 뜻이에요? 영어로 와서 잘 모르겠어요.

Royal Mail: Your parcel could not be delivered due to an unpaid shipping fee of £1.45. Please pay at royalmail-redelivery-uk.com within 24 hours or the item will be returned to sender.""",
        "docs",
        note="asks what a given message means (likely a scam), so docs rather than general chat",
    ),
    Labelled(
        """Bu metni İngilizceye çevirir misin? Oğlumun İngiliz eşine göndereceğim.

Sevgili kızım, doğum günün kutlu olsun. Seni ailemizde görmekten çok mutluyuz. Bu yaz bize geldiğinde sana mantı yapmayı öğreteceğim, söz. Hepinizi çok özledik.""",
        "docs",
    ),
    Labelled(
        """Kun je hier een korte samenvatting van maken voor de nieuwsbrief van onze moestuinvereniging?

Afgelopen zaterdag hebben we met twaalf vrijwilligers de gezamenlijke composthoop omgezet en de paden rond de kas opnieuw aangelegd met houtsnippers van de gemeente. Ook is er een nieuwe waterpomp geïnstalleerd, zodat we deze zomer niet meer afhankelijk zijn van de regenton. Helaas is gebleken dat er opnieuw slakken in de aardbeienbedden zitten; het bestuur stelt voor om bierfallen te plaatsen. Volgende maand organiseren we een zadenruilmiddag in het clubhuis.""",
        "docs",
    ),
    Labelled(
        """इस संदेश को अंग्रेज़ी में लिख दो, मेरे पोते के स्कूल की टीचर को भेजना है:

नमस्ते मैडम, आरव कल बुखार की वजह से स्कूल नहीं आ पाएगा। डॉक्टर ने दो दिन आराम करने को कहा है। कृपया उसका होमवर्क उसके दोस्त रोहन के हाथ भेज दीजिए। धन्यवाद।""",
        "docs",
    ),
    Labelled(
        """صحح الأخطاء اللغوية في هذه الفقرة من بحثي من فضلك:

تعتبر الطاقة الشمسية من اهم مصادر الطاقة المتجددة في الوطن العربي، حيث ان معظم الدول العربية تتمتع باشعة شمس قوية طوال العام. و بالرغم من ذلك فان الاستثمار في هذا المجال لا يزال محدوداً بسبب التكاليف العالية و قلة الخبرات.""",
        "docs",
    ),
    Labelled(
        """Apa poin-poin penting dari pengumuman ini?

Diberitahukan kepada seluruh warga RT 05 bahwa kerja bakti membersihkan saluran air akan dilaksanakan pada hari Minggu, 14 Juli, mulai pukul 07.00. Setiap kepala keluarga diharapkan membawa cangkul atau sapu lidi. Konsumsi disediakan oleh ibu-ibu PKK. Bagi warga yang berhalangan hadir, dimohon memberi kabar kepada Pak RT paling lambat hari Sabtu.""",
        "docs",
    ),
    Labelled(
        """Dịch sang tiếng Anh giúp tôi đoạn giới thiệu này cho câu lạc bộ cờ tướng:

Câu lạc bộ cờ tướng phường 7 sinh hoạt vào tối thứ Ba và thứ Năm hàng tuần tại nhà văn hóa khu phố. Chúng tôi chào đón mọi lứa tuổi, từ học sinh đến người cao tuổi. Thành viên mới được hướng dẫn miễn phí trong tháng đầu tiên.""",
        "docs",
    ),
    Labelled(
        """Kan du göra det här meddelandet lite vänligare? Det ska sitta på anslagstavlan i tvättstugan.

Till den som ständigt lämnar ludd i torktumlaren: Rengör filtret efter dig! Det är inte svårt. Nästa gång kontaktar vi hyresvärden.""",
        "docs",
    ),
    Labelled(
        """my cousin in Thessaloniki sent this, what is she saying? my Greek is very rusty

Καλή σου μέρα! Σε περιμένουμε τον Αύγουστο, το σπίτι στο χωριό είναι έτοιμο. Η θεία σου έχει ήδη φτιάξει γλυκό του κουταλιού από τα σύκα του κήπου. Πες μου πότε φτάνεις για να έρθει ο Νίκος να σε πάρει από το αεροδρόμιο.""",
        "docs",
        note="English request, Greek text to translate",
    ),
    Labelled(
        """Shrň mi tenhle článek ze včelařského zpravodaje do tří vět:

Letošní jaro bylo pro včelaře mimořádně náročné. Po teplém únoru začala včelstva plodovat velmi brzy, ale březnové mrazy způsobily, že mnoho slabších rodin nedokázalo plod zahřát. Spolek proto doporučuje pravidelně kontrolovat zásoby a v případě potřeby přikrmovat cukerným roztokem. Zároveň upozorňuje na zvýšený výskyt kleštíka a připomíná termín hlášení stanovišť do konce dubna.""",
        "docs",
    ),
    Labelled(
        """این نامه را به انگلیسی ترجمه کن، برای صاحبخانه‌ام است:

با سلام، احتراماً به اطلاع می‌رساند که شیر آب آشپزخانه چند روز است که چکه می‌کند و آب زیر کابینت جمع شده است. خواهشمندم در اولین فرصت یک لوله‌کش بفرستید. من صبح‌ها تا ساعت دوازده در خانه هستم. با تشکر""",
        "docs",
    ),
    # ------------------------------------------------------------------ creative (50)
    Labelled("a toast for my sister's 70th. she sails, she gardens, and she loves a terrible pun", "creative"),
    Labelled(
        "make up a bedtime thing for my grandson about a little tractor who's scared of the dark. he's 4, keep it gentle",
        "creative",
    ),
    Labelled(
        "pretend you're a grumpy old steam engine who's been retired to a museum and tell me about your best day on the line",
        "creative",
    ),
    Labelled("invent a riddle where the answer is compost", "creative"),
    Labelled("we need a catchy slogan for the village flower & produce show", "creative"),
    Labelled("fake 1950s magazine ad for knitting needles that knit by themselves", "creative"),
    Labelled(
        "limerick about a python script that never finishes running",
        "creative",
        note="creative writing about a programming topic is creative",
    ),
    Labelled("haiku about my first sourdough loaf, which came out as a brick", "creative"),
    Labelled(
        "Be the dungeon master. I'm a retired baker who wakes up in a castle kitchen with no memory. Go.",
        "creative",
        note="role play",
    ),
    Labelled(
        "name + backstory for my D&D dwarf, he was a clockmaker until his hands started to shake",
        "creative",
    ),
    Labelled(
        "short rap about photosynthesis so my year 8s remember it for the test",
        "creative",
        note="educational purpose, but the ask is to compose lyrics",
    ),
    Labelled(
        "need something funny for the inside of a retirement card. Jim, 40 years at the post office, famous for never once taking a sick day",
        "creative",
    ),
    Labelled(
        "describe a sunset over the allotments as if it were ball-by-ball cricket commentary on the radio",
        "creative",
    ),
    Labelled(
        "invent 5 names for the little town on my model railway, 1950s Wales, with one line about each",
        "creative",
    ),
    Labelled("make up a local legend about why the old oak in our park is hollow", "creative"),
    Labelled(
        "lyrics about debugging at 3am, to the tune of Yesterday",
        "creative",
        note="song about a programming topic is creative",
    ),
    Labelled("pretend you're my chess opponent doing wholesome trash talk while we play", "creative"),
    Labelled(
        "you're a ship's wireless operator in 1912 and I'm a ham picking up your morse. what are you tapping out tonight?",
        "creative",
        note="role play with an amateur radio theme",
    ),
    Labelled(
        "a conversation between a cat and a robot vacuum who both think they own the house",
        "creative",
    ),
    Labelled("narrate the secret night life of my garden gnome like a nature documentary", "creative"),
    Labelled(
        "invent a cocktail named after our chess club (the Rook & Castle) and write the menu description",
        "creative",
    ),
    Labelled("motto for our U3A woodworking group. latin-sounding is a bonus", "creative"),
    Labelled(
        "a few lines I can say when we bury our dog Biscuit in the garden tomorrow. he was 14 and loved chasing pigeons",
        "creative",
    ),
    Labelled(
        "front page of a newspaper from a world where the moon turned out to be made of cheese",
        "creative",
    ),
    Labelled("a pirate weather forecast for saturday's club picnic", "creative"),
    Labelled(
        "sonnet about git merge conflicts",
        "creative",
        note="poem about a programming tool is creative",
    ),
    Labelled(
        "plot twist ideas for my nanowrimo novel about a lighthouse keeper who finds a letter addressed to herself",
        "creative",
        note="brainstorming for fiction is making things up",
    ),
    Labelled(
        "my old bike is getting sold tomorrow. write his farewell speech from his point of view",
        "creative",
    ),
    Labelled(
        "continue this: 'The seed packet had no name on it, only a drawing of a small green door.'",
        "creative",
        note="continuing an opening line means inventing new text, so creative, not docs",
    ),
    Labelled(
        "wedding vows for my second marriage at 67 - warm but a little bit funny, we met at salsa class",
        "creative",
    ),
    Labelled("tongue twister about a photographer and a puffin", "creative"),
    Labelled(
        "Pretend you're a Victorian head gardener and give me your opinion of my plan to grow pineapples in Yorkshire",
        "creative",
        note="role play in a character's voice, not real gardening advice",
    ),
    Labelled("Inventa una adivinanza sobre un tomate para mis nietos, que tienen 5 y 7 años", "creative"),
    Labelled("Cria um slogan pra nossa feira de artesanato do centro de convivência dos idosos", "creative"),
    Labelled(
        "Imagine la lettre d'amour qu'un vieux jardinier écrirait à sa plus grosse citrouille",
        "creative",
    ),
    Labelled(
        "Schreib ein paar Reime zur Goldenen Hochzeit meiner Eltern, gern ein bisschen lustig",
        "creative",
    ),
    Labelled(
        "Fai finta di essere Leonardo da Vinci e commenta il mio primo tavolino di legno, un po' storto",
        "creative",
        note="role play",
    ),
    Labelled("Wymyśl bajkę na dobranoc o jeżu, który zbiera znaczki pocztowe", "creative"),
    Labelled(
        "Придумай тост на юбилей бабушки — ей 80, и она души не чает в своём огороде",
        "creative",
    ),
    Labelled(
        "Emekli bir öğretmenim, yemek blogu açacağım. Bana akılda kalıcı bir isim ve kısa bir tanıtım cümlesi uydurur musun?",
        "creative",
        note="inventing a name and tagline, not help with blog software",
    ),
    Labelled("اكتب لي أبياتاً قصيرة عن فنجان القهوة في الصباح مع الجيران", "creative"),
    Labelled(
        "मेरे पोते के लिए एक छोटी सी कहानी बनाओ जिसमें एक बंदर पतंग उड़ाना सीखता है",
        "creative",
    ),
    Labelled("假装你是住在我阳台上的一只麻雀，跟我聊聊你今天都干了什么", "creative", note="role play"),
    Labelled("盆栽をテーマにした川柳を3つ作ってください", "creative"),
    Labelled("은퇴한 우체부 할아버지가 주인공인 짧은 동화 하나 써 줘", "creative"),
    Labelled("Buatkan pantun lucu buat pembukaan arisan ibu-ibu kompleks", "creative"),
    Labelled("Nitungie shairi fupi kuhusu mvua ya kwanza shambani", "creative"),
    Labelled("תמציא לי ברכה לבר המצווה של הנכד שלי, הוא משוגע על כדורגל", "creative"),
    Labelled("আমার বাগানের গোলাপ নিয়ে চার লাইনের একটা ছড়া লিখে দাও", "creative"),
    Labelled("แต่งกลอนสั้นๆ เกี่ยวกับการไปตกปลาตอนเช้ากับหลาน", "creative"),
]
