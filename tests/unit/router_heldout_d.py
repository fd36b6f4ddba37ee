"""Held-out set D for the auto router: written by hand by a helper session (an LLM assistant started for this task) on Wed 2 Dec 2026 (UTC), working only in /work/setd. The prompts were composed from the written labelling policy alone, without seeing the router's code, its training examples, or any earlier held-out set, so that the set can measure generalisation honestly. 200 prompts, 50 per role (code, docs, creative, chat), roughly a third not in English."""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    text: str
    role: str
    note: str = ""


HELDOUT_D: list[Labelled] = [
    # ------------------------------------------------------------------ code
    Labelled("how do i undo the last git commit but keep the changes", "code"),
    Labelled("regex for a uk postcode?", "code"),
    Labelled("whats the difference between a process and a thread", "code", note="programming concept asked as a question"),
    Labelled("docker compose up says port 5432 is already allocated. how do i find what's using it", "code"),
    Labelled("why does my useEffect run twice in dev mode", "code"),
    Labelled("bash one liner to rename all .jpeg files in a folder to .jpg", "code"),
    Labelled("excel formula to count cells in column C that contain the word late anywhere in them", "code", note="spreadsheet formula"),
    Labelled("sql query: second highest salary in each department", "code"),
    Labelled("what does set -euo pipefail actually do", "code"),
    Labelled("kubectl shows CrashLoopBackOff on one pod, where do i even start", "code"),
    Labelled("worst case of quicksort and why", "code", note="algorithms concept"),
    Labelled("rust lifetimes explained like im 5", "code", note="programming concept, not a document"),
    Labelled("nginx config to redirect all http to https, and www to non-www", "code"),
    Labelled("""can someone tell me what this means

Traceback (most recent call last):
  File "app.py", line 42, in <module>
    main()
  File "app.py", line 38, in main
    cfg = json.load(open(path))
  File "/usr/lib/python3.11/json/__init__.py", line 293, in load
    return loads(fp.read(),
json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)""", "code", note="pasted traceback, no fence"),
    Labelled("""```js
const items = [1, 2, 3];
for (var i = 0; i < items.length; i++) {
  setTimeout(() => console.log(items[i]), 100);
}
```
prints undefined three times?? expected 1 2 3""", "code"),
    Labelled("""Translate this Python to Go:

```python
def word_counts(path):
    counts = {}
    with open(path) as f:
        for line in f:
            for w in line.lower().split():
                counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])[:10]
```""", "code", note="translating code is code"),
    Labelled("""summarize what happened here, the site went down around 3am

Mar 14 03:02:11 web01 systemd[1]: Started gunicorn daemon.
Mar 14 03:02:12 web01 gunicorn[8812]: [INFO] Booting worker with pid: 8815
Mar 14 03:04:57 web01 kernel: [1209344.123] Out of memory: Killed process 8815 (gunicorn) total-vm:2854320kB, anon-rss:1983420kB
Mar 14 03:04:57 web01 gunicorn[8812]: [ERROR] Worker (pid:8815) was sent SIGKILL! Perhaps out of memory?
Mar 14 03:04:58 web01 gunicorn[8812]: [INFO] Booting worker with pid: 9021
Mar 14 03:07:40 web01 kernel: [1209507.881] Out of memory: Killed process 9021 (gunicorn)
Mar 14 03:07:41 web01 systemd[1]: gunicorn.service: Main process exited, code=killed, status=9/KILL
Mar 14 03:07:41 web01 systemd[1]: gunicorn.service: Failed with result 'signal'.""", "code", note="summarising a log is code, not docs"),
    Labelled("""this query takes 40s on a table with 12M rows, how do i speed it up

```sql
SELECT o.customer_id, COUNT(*)
FROM orders o
WHERE DATE(o.created_at) = '2024-05-01'
GROUP BY o.customer_id;
```

explain says:
Seq Scan on orders o  (cost=0.00..412331.20 rows=60211 width=8)
  Filter: (date(created_at) = '2024-05-01'::date)

there IS an index on created_at""", "code"),
    Labelled("""why does this workflow fail with `Error: Process completed with exit code 127`?

```yaml
name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: poetry install
      - run: poetry run pytest
```""", "code"),
    Labelled(r"""```c
#include <stdio.h>
#include <string.h>

int main(void) {
    char *name;
    strcpy(name, "hello");
    printf("%s\n", name);
    return 0;
}
```
segfaults on linux, works on my mac sometimes??""", "code"),
    Labelled("""convert to python requests pls
curl -X POST https://api.example.com/v1/items -H "Authorization: Bearer abc123" -H "Content-Type: application/json" -d '{"name":"lamp","qty":3}'""", "code"),
    Labelled("""i have a dataframe like this

   user  date        amount
0  ana   2024-01-03  12.5
1  ana   2024-01-09  30.0
2  bob   2024-01-04  7.0
3  bob   2024-02-11  15.0

how do i get total amount per user per month as a wide table (months as columns)?""", "code", note="pasted data, pandas"),
    Labelled("write a python script that watches a folder and uploads any new file to s3, with retries", "code"),
    Labelled("typescript: how do i type a function that takes string | string[] and returns the same type it got", "code"),
    Labelled("rebase or merge for feature branches? small team, 5 devs", "code"),
    Labelled("vim delete every line containing foo", "code"),
    Labelled("cron job `*/5 * * * * /home/me/backup.sh` never runs but the script works fine when i run it by hand. ubuntu 22.04", "code"),
    Labelled("chmod 755 vs 644 what's the practical difference", "code"),
    Labelled("my VLOOKUP returns #N/A even though i can literally see the value in the other sheet", "code", note="spreadsheet formula"),
    Labelled("terraform plan keeps wanting to replace my aws_db_instance every run, nothing changed. why?", "code"),
    Labelled("Wie sortiere ich in Python eine Liste von Dictionaries nach einem bestimmten Schlüssel?", "code"),
    Labelled("pourquoi mon script bash me dit 'permission denied' alors que j'ai fait chmod +x ?", "code"),
    Labelled("¿cómo hago un JOIN entre tres tablas en PostgreSQL sin que se dupliquen las filas?", "code"),
    Labelled("mi spieghi cosa sono le closure in javascript con un esempio semplice?", "code"),
    Labelled("erro no npm install: ERESOLVE unable to resolve dependency tree. o que eu faço?", "code"),
    Labelled("как в git удалить ветку и локально, и на удалённом репозитории?", "code"),
    Labelled("napisz funkcję w C#, która sprawdza, czy string jest palindromem", "code"),
    Labelled("PythonでCSVを読み込んで、特定の列の平均を出すコードを書いて", "code"),
    Labelled("""这个报错是什么意思？怎么解决
ModuleNotFoundError: No module named 'cv2'""", "code"),
    Labelled("리액트에서 자식 컴포넌트 상태를 부모로 끌어올리는 방법 알려줘", "code"),
    Labelled("docker imajımın boyutu 2GB oldu, nasıl küçültebilirim?", "code"),
    Labelled("viết giúp mình câu lệnh SQL lấy 10 khách hàng mua nhiều nhất tháng trước", "code"),
    Labelled("hoe stel ik .gitignore in zodat node_modules en .env niet meegaan maar .env.example wel?", "code"),
    Labelled("що означає помилка 'segmentation fault (core dumped)' у C і як знайти, де вона виникає?", "code"),
    Labelled("मेरे Flask ऐप में CORS error आ रहा है जब React से API call करता हूँ, इसे कैसे ठीक करूँ?", "code"),
    Labelled("bagaimana cara membuat virtual environment di python dan kenapa itu perlu?", "code"),
    Labelled("kan du förklara skillnaden mellan let, const och var i javascript?", "code"),
    Labelled("كيف أكتب تعبير regex للتحقق من رقم جوال سعودي يبدأ بـ 05 ويتكون من 10 أرقام؟", "code"),
    Labelled("איך אני מריץ סקריפט פייתון כל יום בשמונה בבוקר בווינדוס?", "code", note="Task Scheduler / scripting"),
    Labelled("""tengo este código y me da "Cannot read properties of undefined (reading 'name')", ¿por qué?

async function getUser(id) {
  fetch('/api/users/' + id).then(r => r.json()).then(data => { return data })
}
const u = await getUser(3)
console.log(u.name)""", "code", note="pasted code, no fence"),

    # ------------------------------------------------------------------ docs
    Labelled("""The city's bike-share scheme, launched in 2019 with 400 bikes, has grown to more than 3,000 bikes across 210 docking stations. Ridership peaked last summer at 41,000 trips per week, but the operator reported a loss of £2.1 million for the year, blaming vandalism and the cost of moving bikes between stations.

Councillors are now split. Some want to hand the contract to a private company that has promised to run the service at no cost to taxpayers in exchange for advertising rights on the docks; others argue this would lead to stations being removed from poorer neighbourhoods where usage is lower. A decision is expected in March.

tl;dr?""", "docs", note="ask after the passage"),
    Labelled("""is this email too passive aggressive? it's going to my manager

Hi Karen,
As per my last three emails, I still haven't received the updated figures. I'm sure you're very busy, but some of us have deadlines too. Let me know if there's a better way to get your attention.
Thanks in advance,
Dev""", "docs"),
    Labelled("""which of these two clauses is stricter on the tenant?

Clause A: The Tenant shall give not less than one (1) month's written notice to terminate this Agreement, such notice to expire on the last day of a rental period.

Clause B: Either party may terminate this Agreement by giving two (2) months' written notice. Notice given by the Tenant during the first six months of the term shall not take effect before the end of the sixth month.""", "docs"),
    Labelled("""notes from today's call, can you pull out the action items and who owns each

- launch moved to 18 oct bc legal review not done
- priya to chase legal by fri
- marketing wants new screenshots, tom said he'll do them after the ui freeze
- budget: still waiting on finance, no owner yet?? (sam maybe)
- next sync tue 10am, ana sends invite""", "docs"),
    Labelled("""pull out all the dates from this:

Hartwell & Sons was founded in 1887 as a small rope maker on the Thames. The firm moved to Leeds on 4 June 1921 after a fire destroyed its London warehouse. It was nationalised briefly in 1948, returned to private hands in 1953, and listed on the stock exchange on 12 March 1986. The last rope was produced in the spring of 2001.""", "docs"),
    Labelled("""turn this into bullet points for the onboarding doc: New starters should collect their laptop from reception on their first morning, after which their line manager will walk them through the building and introduce them to the team. During the first week they are expected to complete the mandatory health and safety module and the data protection training. Expense claims are submitted monthly and must include receipts. Holiday requests need at least two weeks' notice.""", "docs"),
    Labelled("""classify each review as positive, negative or mixed:
1. Sound is incredible but they hurt my ears after an hour.
2. Returned them after two days, the left one stopped charging.
3. Best purchase this year, battery lasts forever.
4. Fine for the price I guess. Nothing special.
5. Love the noise cancelling, hate the app you have to use.""", "docs"),
    Labelled("translate to spanish for a sign on our shop door: We are closed on Monday 3rd for a family event. Online orders will be shipped on Tuesday. Sorry for the inconvenience!", "docs"),
    Labelled("proofread pls: Their are many reason's why our team has exceeded it's targets this quarter. Firstly we has hired two new sale's rep who have allready closed several big deal. Secondly, the new pricing, which was introduced in april have made us more competitive", "docs"),
    Labelled("rewrite this to sound more professional, it's going to a client: hey! so basically we messed up the delivery date, our bad. the stuff will be there next wed probably. lmk if thats a problem", "docs"),
    Labelled("""summarise this in 3 sentences for my newsletter:

A new study from researchers in Finland followed 6,400 adults for twelve years to examine how irregular sleep schedules affect long-term health. Participants wore activity trackers for a week at the start of the study and again every three years, allowing the team to measure not only how long people slept but how much their bedtime varied from night to night.

Those whose bedtime shifted by more than ninety minutes in a typical week had a 27% higher rate of cardiovascular events than those with consistent schedules, even after accounting for total sleep duration, diet, smoking and physical activity. The effect was strongest among shift workers and among people over sixty.

The authors caution that the study was observational and cannot prove that irregular sleep causes heart problems. They suggest, however, that regularity may be as important as duration, and call for future trials in which participants are asked to fix their bedtimes for several months.""", "docs"),
    Labelled("""what does this actually mean in plain english? it's from my freelance contract

7.2 The Contractor shall indemnify and hold harmless the Client, its officers and employees from and against any and all claims, losses, damages, liabilities, costs and expenses (including reasonable legal fees) arising out of or in connection with any breach by the Contractor of its obligations under this Agreement or any negligent act or omission of the Contractor.""", "docs", note="explain a given clause"),
    Labelled("make this shorter, it's way too long for a cover letter: Throughout my six years in hospitality, I have consistently demonstrated an ability to remain calm under pressure, whether that meant handling a fully booked Saturday night with two staff members off sick or dealing with a guest who was unhappy with their room, and I believe that this resilience, combined with my genuine enjoyment of working with people from all walks of life, would make me a valuable addition to your front-of-house team.", "docs"),
    Labelled("""can you get the names and phone numbers out of this into a list

ok so for the reunion: call Marta on 0612 445 901 about the venue, Jonas said text him not call (+49 170 2231188), Aunt Lidia has no mobile so landline 020 7946 0123, and Pete - his new number is 07700 900461 i think""", "docs"),
    Labelled("""which of these is more persuasive and why?

A: Our ergonomic chair features adjustable lumbar support, 4D armrests and breathable mesh, backed by a 10-year warranty.

B: Eight hours at a desk shouldn't end with a sore back. Sit down, lean back, and feel the difference by lunchtime - or we'll take it back, no questions asked.""", "docs"),
    Labelled("""does this paragraph contradict itself anywhere?

Our policy is that all remote employees must be available between 9am and 5pm in their local time zone. Because we value flexibility, employees are free to choose their own working hours as long as they complete 40 hours a week. Meetings will always be scheduled at 9am UK time so everyone can attend.""", "docs"),
    Labelled("""does this abstract cover methods, results and conclusions or is something missing?

Urban heat islands pose a growing risk to public health as cities expand. In this study we examined the relationship between tree canopy cover and surface temperature across 48 neighbourhoods in Madrid during the summers of 2021 and 2022. Neighbourhoods with canopy cover above 30% were on average 3.4°C cooler at midday than those below 10%.""", "docs"),
    Labelled("fix grammar only, dont change my style or words: me and him went to the market yesterday and we seen the biggest pumpkin ever, it were like the size of a car nearly", "docs"),
    Labelled("""turn these into proper minutes for the residents association:

attendance - 11 ppl, chair: Mrs Okafor
bins - still collected late, council emailed twice, no reply. J to phone them
parking - complaints about vans on Elm Rd. agreed to ask for a survey
summer party - 14 july, budget £300 approved, volunteers needed
AOB - none""", "docs", note="restructure given notes"),
    Labelled("""what's the main argument here?

It is often said that we live in an age of distraction, as if attention were a natural resource being depleted by our devices. But attention has always been contested. Medieval monks complained of wandering minds during prayer; Victorian critics warned that novels were rotting the concentration of young women. What has changed is not our capacity for focus but the sophistication of those competing for it. To blame the individual for failing to concentrate is to mistake an economic problem for a moral one.""", "docs"),
    Labelled("""make this sound less like a robot wrote it:

In today's fast-paced world, it is more important than ever to leverage synergies. I am thrilled to announce that I have embarked on an exciting new journey as Operations Lead at Brightpath. I am deeply grateful for this opportunity and look forward to driving impactful results.""", "docs"),
    Labelled("shorten to fit in one tweet: After 14 wonderful years on Market Street, Rosie's Bakery is moving! From 1 September you'll find us at 22 Canal Walk, just five minutes away, with more seating, a bigger kitchen and - finally - a proper coffee machine. Thank you to everyone who has supported us.", "docs"),
    Labelled("""read this and answer the questions

The Atacama Desert in northern Chile is one of the driest places on Earth. Some weather stations there have never recorded rain. Despite this, around a million people live in the region, many in coastal cities that rely on fog collectors and desalination for water. The desert's clear skies have also made it home to several of the world's largest telescopes.

1. how do coastal cities get water?
2. why are telescopes built there?""", "docs"),
    Labelled("""according to this, what's the last day i can cancel without paying?

Cancellation policy: Reservations may be cancelled free of charge up to 14 days before the arrival date. Cancellations made between 13 and 3 days before arrival will be charged 50% of the total stay. Cancellations within 72 hours of arrival, or no-shows, will be charged in full.

my arrival is 20 august""", "docs"),
    Labelled("""are any of these bullet points saying the same thing? want to cut the list down
- Improve customer response times
- Hire two more support agents
- Reduce how long customers wait for a reply
- Launch a help centre with FAQs
- Train support staff on the new product
- Make sure customers hear back faster""", "docs"),
    Labelled("""group these survey comments by theme:
'the parking is a nightmare'
'loved the coffee at the break'
'talks ran over, no time for questions'
'couldn't find anywhere to park nearby'
'venue was freezing in the afternoon'
'more time for Q&A please'
'the food was great'""", "docs"),
    Labelled("""explain this paragraph to my 10 year old:

Photosynthesis is the process by which green plants convert light energy into chemical energy. Using chlorophyll in their chloroplasts, plants absorb sunlight and use it to combine carbon dioxide from the air with water from the soil, producing glucose and releasing oxygen as a by-product.""", "docs", note="explain a given passage"),
    Labelled("""turn this recipe into a shopping list grouped by aisle

Shakshuka for 4: Heat 2 tbsp olive oil, soften 1 onion and 1 red pepper, add 3 garlic cloves, 1 tsp cumin and 1 tsp smoked paprika. Pour in 2 tins of chopped tomatoes, simmer 10 min, then crack in 6 eggs. Finish with fresh coriander and crumbled feta, serve with crusty bread.""", "docs", note="extraction from a given recipe"),
    Labelled("""my landlord sent this, what is he actually asking me to do??

Dear Tenant, pursuant to clause 14 of your tenancy agreement, please be advised that access to the property will be required on or after the 9th inst. for the purposes of a gas safety inspection. Kindly confirm a convenient time within 48 hours, failing which the managing agent will attend at 10:00 using the spare key held on file.""", "docs"),
    Labelled("condense into one sentence: The committee met on Thursday to discuss the proposed changes to the library's opening hours. After a long debate, members voted narrowly to extend weekday opening until 8pm from January, but rejected the proposal to open on Sundays, citing staffing costs.", "docs"),
    Labelled("""flag any claims in here that would need a source:

Coffee is the second most traded commodity in the world after oil. It was first discovered in Ethiopia when a goat herder noticed his goats dancing after eating the berries. Today more than 2 billion cups are drunk every day, and studies show regular drinkers live longer.""", "docs"),
    Labelled("""this is a wall of text, can you break it into sections with headings? don't change the content

Welcome to the allotment society. Plots are allocated in order of the waiting list and rent is due every October. Each plot holder must keep at least 75% of their plot under cultivation. Bonfires are only allowed between November and February and never on weekends. Water troughs are shared so please don't use hoses. If you are going away for more than a month, let the secretary know so your plot isn't marked as neglected. The annual show takes place in August and everyone is welcome to enter vegetables, flowers or jam. Sheds must not exceed 6x4 feet and need committee approval.""", "docs"),
    Labelled("""what is this about? we're studying it at school and i don't get what the last line is doing

The kettle cools, the chair is still,
her coat is hanging in the hall.
I set two cups out of habit
and pour for one, and that is all.""", "docs", note="analysing a pasted poem, not writing one"),
    Labelled("""is the tone of this too casual for a uni personal statement?

Honestly, I've been obsessed with bridges since I was like seven. My dad used to drive us over the Severn crossing and I'd spend the whole time wondering how the thing didn't just fall down. That curiosity is basically why I want to study civil engineering.""", "docs"),
    Labelled("""from this job ad, which requirements are must-haves and which are nice-to-haves?

We're looking for a Warehouse Supervisor with at least 3 years' experience in a similar role. You must hold a valid forklift licence. Experience with SAP would be an advantage. Full UK driving licence required. First aid certificate desirable but not essential; we can provide training.""", "docs"),
    Labelled("""Fasse diesen Text in drei Sätzen zusammen:

Die Stadtverwaltung hat beschlossen, ab dem kommenden Frühjahr die Innenstadt an Samstagen für den Autoverkehr zu sperren. Anwohner und Lieferdienste erhalten Ausnahmegenehmigungen. Einzelhändler befürchten Umsatzeinbußen, während Umweltverbände die Entscheidung als überfällig begrüßen. Zunächst soll das Projekt ein Jahr lang getestet und anschließend ausgewertet werden. Die Busse sollen in dieser Zeit häufiger fahren.""", "docs"),
    Labelled("""Corrige les fautes dans ce message avant que je l'envoie à ma propriétaire :

Bonjour Madame, je vous écrit pour vous informé que le chauffe-eau ne marche plus depuis hier soir. Est-ce que vous pourriez envoyer quelqu'un cette semaine ? Je suis disponible tout les après-midi. Merci d'avance, cordialement.""", "docs"),
    Labelled("""¿Cuál de estas dos cláusulas protege más al trabajador?

Cláusula 1: El trabajador podrá disfrutar de sus vacaciones en las fechas que acuerde con la empresa, con un preaviso mínimo de dos meses.

Cláusula 2: Las vacaciones se disfrutarán preferentemente en agosto, pudiendo la empresa modificar las fechas por necesidades del servicio.""", "docs"),
    Labelled("""estrai tutte le date e i luoghi da questo testo:

Il festival si aprirà il 12 giugno a Bologna con un concerto in Piazza Maggiore. Dal 15 al 18 giugno gli eventi si sposteranno a Ravenna, mentre la serata finale si terrà il 21 giugno al Teatro Comunale di Ferrara.""", "docs"),
    Labelled("""deixa este e-mail mais educado, por favor:

Oi, ainda não recebi o pagamento da fatura de março. Já é a segunda vez que isso acontece. Preciso que paguem até sexta ou vou suspender o serviço.""", "docs"),
    Labelled("""выдели главные мысли из этого отрывка списком:

Удалённая работа за последние годы перестала быть привилегией. Многие компании обнаружили, что сотрудники вне офиса работают не хуже, а иногда и лучше. Однако вместе с гибкостью пришли новые проблемы: одиночество, размытая граница между работой и домом, сложности с адаптацией новичков. Эксперты считают, что будущее за гибридной моделью.""", "docs"),
    Labelled("""przetłumacz na angielski:

Szanowni Państwo, uprzejmie informujemy, że w dniach 24–26 grudnia biuro będzie nieczynne. Pilne sprawy prosimy zgłaszać mailowo. Życzymy Wesołych Świąt!""", "docs"),
    Labelled("""次の文章を箇条書きにしてください。

来週の社員旅行は、金曜日の朝8時に本社前に集合します。バスで箱根へ向かい、昼食は現地のレストランでとります。午後は自由行動で、夜は旅館で宴会があります。土曜日は11時にチェックアウトし、夕方に東京へ戻る予定です。""", "docs"),
    Labelled("""帮我把下面这段话改得更正式一点，要发给客户的：

你好，那个合同我们看了，大部分没问题，就是付款那块得改改，三十天太短了，我们一般都是六十天。你们看行不行，行的话下周就能签。""", "docs"),
    Labelled("""이 리뷰들이 긍정인지 부정인지 분류해줘

1. 배송이 빨라서 좋았어요. 포장도 꼼꼼했고요.
2. 사진이랑 색이 너무 달라요. 환불 요청했습니다.
3. 가격 대비 괜찮은데 사이즈가 좀 작게 나와요.
4. 두 번째 구매인데 역시 만족합니다.""", "docs"),
    Labelled("""Klopt deze samenvatting met de tekst, of mist er iets belangrijks?

Tekst: De gemeente gaat vanaf 2025 het oud papier nog maar eens per maand ophalen in plaats van elke twee weken. Bewoners met een grote container krijgen korting op de afvalstoffenheffing. Bedrijven vallen niet onder de nieuwe regeling.

Samenvatting: Oud papier wordt vanaf 2025 minder vaak opgehaald.""", "docs"),
    Labelled("""Bu paragrafta geçen bütün kişi adlarını listeler misin?

Toplantıya Ayşe Hanım ve Mehmet Bey katıldı. Selin, sunumu hazırlayan ekibin başındaydı ama hasta olduğu için yerine Burak konuştu. Toplantının sonunda Ayşe Hanım, Deniz'in hazırladığı bütçeyi onayladı.""", "docs"),
    Labelled("""ترجم هذا النص إلى الإنجليزية:

يسرّنا دعوتكم لحضور حفل افتتاح فرعنا الجديد يوم الخميس القادم في تمام الساعة السابعة مساءً. سيتم تقديم العشاء، ونرجو تأكيد الحضور قبل يوم الثلاثاء.""", "docs"),
    Labelled("""Är det här mejlet för otrevligt? Ska skicka det till en kollega.

Hej Johan, jag har nu frågat tre gånger om rapporten. Om jag inte får den i dag får jag ta det med chefen. /Lena""", "docs"),
    Labelled("""इस पैराग्राफ का सार दो लाइनों में बताओ:

हमारे गाँव में पिछले साल एक नया स्वास्थ्य केंद्र खुला। पहले लोगों को इलाज के लिए तीस किलोमीटर दूर शहर जाना पड़ता था। अब यहाँ एक डॉक्टर और दो नर्सें रोज़ मौजूद रहती हैं, और बच्चों के टीकाकरण की सुविधा भी मिलती है। फिर भी दवाइयों की कमी एक बड़ी समस्या बनी हुई है।""", "docs"),

    # -------------------------------------------------------------- creative
    Labelled("write a short story about a lighthouse keeper who finds a letter dated fifty years in the future", "creative"),
    Labelled("limerick about a cat who hates mondays", "creative"),
    Labelled("poem about git merge conflicts, make it dramatic", "creative", note="poem about a programming topic is creative"),
    Labelled("rap verse about debugging at 3am with cold pizza", "creative", note="rap about programming is creative"),
    Labelled("invent 10 names for a bakery that only sells sourdough", "creative"),
    Labelled("pitch me a netflix series about competitive beekeeping. logline, main characters, season 1 arc", "creative"),
    Labelled("you are a grumpy pirate innkeeper. i walk in soaked from the storm and ask for a room. stay in character", "creative", note="role play"),
    Labelled("describe a rainy tokyo street at night in the style of raymond chandler", "creative"),
    Labelled("dream up a world where rivers flow uphill. geography, a few factions, and one legend the locals tell", "creative"),
    Labelled("haiku about burnt toast", "creative"),
    Labelled("need a punchy slogan for my bike repair shop, it's called Spoke & Chain", "creative"),
    Labelled("make up a bedtime tale for my 4yo about a little dinosaur who's scared of the dark. short, gentle ending", "creative"),
    Labelled("write lyrics for a breakup song that sounds like 80s synthpop, verse chorus verse chorus bridge", "creative"),
    Labelled("tell me a joke about accountants", "creative"),
    Labelled("""i'm running a D&D one-shot next saturday for 4 players, level 5. the setting is a swamp town built on stilts that is slowly sinking.

i need a villain: a necromancer but with a sympathetic backstory, something the players might actually feel bad about. give me a name, motivation, 3 lieutenants and how they'd first meet the party""", "creative"),
    Labelled("imagine you're a houseplant that's been ignored for a month. write your diary entries", "creative"),
    Labelled("compose a sonnet about the smell of coffee in the morning", "creative"),
    Labelled("invent a new public holiday and describe how people celebrate it", "creative"),
    Labelled("write a dialogue between socrates and a tiktok influencer about happiness", "creative"),
    Labelled("funny wedding toast for my brother, he's a firefighter and famously can't cook. 2 minutes max", "creative", note="inventing a speech"),
    Labelled("opening paragraph of a noir novel set on a space station", "creative"),
    Labelled("a ballad about a tractor that refuses to retire", "creative"),
    Labelled("describe the taste of a colour that doesn't exist", "creative"),
    Labelled("write an ikea-style product description for a time machine, flat-pack, with assembly warnings", "creative", note="invented product, humour"),
    Labelled("make up a conspiracy theory about pigeons, obviously fake and ridiculous", "creative"),
    Labelled("100 word flash fiction, theme: the last train home", "creative"),
    Labelled("in the voice of shakespeare, complain about bad wifi", "creative"),
    Labelled("create a tavern menu for my fantasy game: 6 dishes with silly names and descriptions", "creative"),
    Labelled("continue this story: The door had been locked for forty years. This morning it was open.", "creative", note="continuing fiction, not working on a document"),
    Labelled("roleplay as sherlock holmes and deduce things about me from the fact that i'm asking you this at 2am", "creative"),
    Labelled("give me a riddle where the answer is 'shadow'", "creative"),
    Labelled("knock knock joke about kubernetes", "creative", note="joke about a programming topic is creative"),
    Labelled("invent a cocktail for a winter party, give it a name and a made-up backstory", "creative"),
    Labelled("verzin een mascotte voor de zomerleesclub van onze bibliotheek, met naam en karakter", "creative"),
    Labelled("skriv en kort visa om midsommar som barn kan sjunga", "creative"),
    Labelled("epic battle scene between a knight and a dragon made of glass, lots of sound and light", "creative"),
    Labelled("write a love letter from the moon to the sea", "creative"),
    Labelled("Schreib ein Gedicht über den Herbst in Berlin, gern etwas melancholisch", "creative"),
    Labelled("invente une fable avec un renard et un smartphone, avec une morale à la fin", "creative"),
    Labelled("escríbeme un cuento corto de terror que pase en un supermercado a medianoche", "creative"),
    Labelled("inventa tre slogan per una gelateria artigianale a Napoli", "creative"),
    Labelled("faz de conta que és um taxista de Lisboa muito falador e eu sou um turista acabado de chegar", "creative", note="role play"),
    Labelled("придумай смешное четверостишие про кота, который ворует носки", "creative"),
    Labelled("猫が主人公の、ちょっと切ない短編小説を書いて", "creative"),
    Labelled("写一首关于中秋节思乡的现代诗", "creative"),
    Labelled("좀비 아포칼립스 세계관을 만들어줘. 세력, 규칙, 주요 도시까지 포함해서", "creative"),
    Labelled("wymyśl nazwę i hasło reklamowe dla nowej marki kawy z gór", "creative"),
    Labelled("bir kedinin ağzından pazartesi sabahını anlatan komik bir monolog yaz", "creative"),
    Labelled("बारिश पर बच्चों के लिए एक छोटी सी कविता लिखो", "creative"),
    Labelled("buatkan pantun lucu tentang tukang bakso", "creative"),

    # ------------------------------------------------------------------ chat
    Labelled("hi", "chat"),
    Labelled("good morning!! how's your day going", "chat"),
    Labelled("is sydney the capital of australia?", "chat"),
    Labelled("how long do i boil an egg if i want the yolk runny", "chat"),
    Labelled("is a ball python a good first snake for a 12 year old? how big do they get", "chat", note="python the snake"),
    Labelled("my landlord is refusing to return my deposit, says the carpet is 'worn'. i lived there 4 years. what are my options in california?", "chat", note="advice, no document given"),
    Labelled("do i need to get my driving licence translated to drive in japan or is an international permit enough?", "chat", note="'translated' but a travel question"),
    Labelled("any tips for writing a cover letter when you're changing careers?", "chat", note="advice; no text given to work on"),
    Labelled("what's the story behind the eiffel tower, wasn't it supposed to be temporary?", "chat", note="'story' means history"),
    Labelled("the server at dinner was really rude to us all night. do i still have to tip 20%?", "chat", note="restaurant server"),
    Labelled("what does 'smart casual' dress code mean for a wedding", "chat"),
    Labelled("what's the best monty python film for someone who's never seen any", "chat", note="Monty Python, not the language"),
    Labelled("is morse code still used by anyone", "chat"),
    Labelled("explain inflation like i'm 12", "chat"),
    Labelled("pay off credit card first or build an emergency fund?", "chat"),
    Labelled("how much water do you actually need per day, is 8 glasses a myth", "chat"),
    Labelled("had a headache for 3 days now, not terrible but constant. when should i see a doctor", "chat"),
    Labelled("best month to visit portugal if i hate crowds but want warm weather", "chat"),
    Labelled("books similar to the martian? loved the humour", "chat"),
    Labelled("how do noise cancelling headphones actually work", "chat", note="physics, not programs"),
    Labelled("20 min a day, no gym, what's a realistic routine to get fitter", "chat"),
    Labelled("how do i tell my boss i'm burned out without it sounding like i can't handle the job", "chat"),
    Labelled("pineapple on pizza: yes or no, be honest", "chat"),
    Labelled("thanks that really helped", "chat"),
    Labelled("how do planes stay in the air", "chat"),
    Labelled("difference between a translator and an interpreter? thinking about it as a career", "chat"),
    Labelled("who wrote pride and prejudice", "chat"),
    Labelled("gift ideas for a 10 year old who's obsessed with space, budget 40 dollars", "chat"),
    Labelled("how does compound interest work, with a simple example", "chat"),
    Labelled("where can i see the northern lights in march, and what causes them", "chat"),
    Labelled("how do i get rid of fruit flies in the kitchen, they're everywhere", "chat", note="literal bugs"),
    Labelled("""ok so i need advice. my sister is getting married in june and asked me to be maid of honour, which is lovely, but i just started a new job and money is really tight. the hen weekend she wants is three nights in ibiza and i genuinely cannot afford it.

i don't want to ruin anything or make it about me. how do i bring this up with her without it turning into a fight?""", "chat"),
    Labelled("is it rude to write emails in all caps", "chat"),
    Labelled("bored", "chat"),
    Labelled("how does a heat pump work in winter when it's freezing outside?", "chat"),
    Labelled("Was ist eigentlich der Unterschied zwischen einer GmbH und einer UG?", "chat"),
    Labelled("salut ! ça va ?", "chat"),
    Labelled("¿cuánto tiempo tiene que reposar la masa de pizza en la nevera?", "chat"),
    Labelled("quali sono i sintomi della carenza di ferro? sono sempre stanca", "chat"),
    Labelled("vale a pena comprar carro elétrico no Brasil hoje ou ainda é cedo?", "chat"),
    Labelled("почему небо голубое, а закат красный?", "chat"),
    Labelled("東京から京都まで新幹線でどのくらいかかりますか？", "chat"),
    Labelled("最近老失眠，有什么不吃药的办法吗", "chat"),
    Labelled("전세랑 월세 중에 요즘은 뭐가 더 유리해?", "chat"),
    Labelled("ما هي أفضل طريقة لتعلم لغة جديدة بسرعة؟", "chat"),
    Labelled("hoeveel vakantiedagen heb ik wettelijk recht op in Nederland bij een fulltime baan?", "chat"),
    Labelled("як доглядати за орхідеєю взимку, щоб вона знову зацвіла?", "chat"),
    Labelled("ăn gì để giảm cholesterol vậy mọi người?", "chat"),
    Labelled("מה ההבדל בין ריבית קבועה לריבית משתנה במשכנתא?", "chat"),
    Labelled("är det farligt att äta ris som stått framme över natten?", "chat"),
]
