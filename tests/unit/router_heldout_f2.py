"""Held-out set F2 for the auto router: written by hand by a helper session (an LLM assistant started for this task) on 2026-12-02 (UTC), working only in /work/setf2, from the written labelling policy alone, without seeing the router's code, its training examples, or any other held-out set. 200 prompts, 50 per role, about a third not in English."""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    text: str
    role: str
    note: str = ""


HELDOUT_F2: list[Labelled] = [
    # ------------------------------------------------------------------ code
    Labelled("how do i reverse a list in python", "code"),
    Labelled("whats the difference between git merge and git rebase, in simple words pls", "code"),
    Labelled("""my minecraft server wont start?? log below

[12:01:33] [main/INFO]: Environment: authHost='https://authserver.mojang.com'
[12:01:33] [main/INFO]: Loaded 7 recipes
[12:01:34] [main/WARN]: Failed to load eula.txt
[12:01:34] [main/INFO]: You need to agree to the EULA in order to run the server. Go to eula.txt for more info.
[12:01:34] [Server thread/INFO]: Stopping server
[12:01:34] [Server thread/ERROR]: Exception stopping the server
java.lang.NullPointerException: Cannot invoke "net.minecraft.server.level.ServerLevel.save(...)" because "level" is null
    at net.minecraft.server.MinecraftServer.saveAllChunks(MinecraftServer.java:512)

what do i do, its for my little brother""", "code", note="pasted server log"),
    Labelled("excel formula to count how many cells in column D say paid", "code"),
    Labelled("""=SI(B2>=10;"aprobado";"suspenso") no me funciona en google sheets, me sale error de análisis. ayuda""", "code"),  # es
    Labelled("Comment je fais pour que ma boucle for en JavaScript s'arrête dès que je trouve le bon élément ?", "code"),  # fr
    Labelled("Was ist eigentlich ein Zeiger in C? Ich lerne für die Klausur und check das einfach nicht", "code", note="programming concept asked as a question"),  # de
    Labelled("Python'da liste ile tuple arasındaki fark ne? hangisini ne zaman kullanmalıyım", "code"),  # tr
    Labelled("Как в bash переименовать все файлы .jpeg в .jpg одной командой?", "code"),  # ru
    Labelled("""아두이노 서보 모터가 계속 떨려요 ㅠ 코드 좀 봐주세요
#include <Servo.h>
Servo s;
void setup(){ s.attach(9); }
void loop(){ for(int i=0;i<180;i++){ s.write(i); } for(int i=180;i>0;i--){ s.write(i);} }""", "code"),  # ko
    Labelled("PythonでCSVファイルを読み込んで点数の平均を出したいです。pandasを使わずにできますか?", "code"),  # ja
    Labelled("这个正则是什么意思? ^\\d{3}-\\d{4}$ 老师给的作业里有", "code"),  # zh
    Labelled("summarise what this means in plain english: TypeError: Cannot read properties of undefined (reading 'map')", "code", note="summarising an error message is code"),
    Labelled("""translate this python into javascript please, i need it for a little website

def greet(names):
    for n in names:
        if n.startswith('A'):
            print(f'Hi {n}!')
        else:
            print('hello ' + n)

greet(['Ana', 'Bob', 'Aiko'])""", "code", note="translating code between languages is code"),
    Labelled("docker compose says port is already allocated. how do i see whats using 8080 on ubuntu", "code"),
    Labelled("what does sudo actually do? bit scared to type it", "code"),
    Labelled("is recursion basically just a loop that calls itself or am i missing something", "code"),
    Labelled("sql: select all customers who havent ordered anything in 2023. tables are customers(id, name) and orders(id, customer_id, order_date)", "code"),
    Labelled("git push rejected (non-fast-forward) what now", "code"),
    Labelled("""every time i run my dice roller for d&d night it gives the exact same numbers?? what am i doing wrong

import random

def roll(sides):
    random.seed(42)
    return random.randint(1, sides)

def roll_many(n, sides):
    results = []
    for i in range(n):
        results.append(roll(sides))
    return results

print("d20:", roll(20))
print("4d6:", roll_many(4, 6))""", "code"),
    Labelled("cómo hago para que git deje de subir mi archivo .env? ya lo había agregado antes de ponerlo en el .gitignore", "code"),  # es
    Labelled("== vs === in js, which one do i use", "code"),
    Labelled("how do i put a dropdown in a google sheets cell with yes / no / maybe", "code", note="spreadsheet feature"),
    Labelled("Jak w CSS wyśrodkować diva w pionie i w poziomie? próbowałem margin auto i nic", "code"),  # pl
    Labelled("मेरा python प्रोग्राम 'IndentationError: unexpected indent' दे रहा है, इसका मतलब क्या है?", "code"),  # hi
    Labelled("Làm sao cài node.js trên windows 11 mà không cần quyền admin vậy mọi người?", "code"),  # vi
    Labelled("why does my js say 'score is not defined' when i literally declared it with let inside the if block", "code"),
    Labelled("ช่วยเขียน regex ตรวจเบอร์มือถือไทย 10 หลักที่ขึ้นต้นด้วย 0 หน่อยครับ", "code"),  # th
    Labelled("Τι σημαίνει 'segmentation fault' όταν τρέχω το πρόγραμμά μου σε C;", "code"),  # el
    Labelled("what is an api key and why does everyone say dont put it on github", "code"),
    Labelled("my pico-8 shmup lags once theres like 50 bullets on screen, is it the del() inside the for loop", "code"),
    Labelled("write a bash script that copies my ~/Photos folder to my external drive every sunday night", "code"),
    Labelled("good first project for learning rust? i know a bit of python already", "code"),
    Labelled("""my home assistant automation never fires, no errors in the log either. what's wrong with it?

automation:
  - alias: 'Lights at sunset'
    trigger:
      platform: sun
      event: sunset
      offset: '-00:30:00'
    condition:
      - condition: state
        entity_id: group.family
        state: 'home'
    action:
      - service: light.turn_on
        target:
          entity_id: light.living_room
        data:
          brightness_pct: 70""", "code", note="config file paste"),
    Labelled("whats O(n log n) mean, my teacher keeps saying it like its obvious", "code"),
    Labelled("how do i make my discord bot reply when someone says good morning (discord.py)", "code"),
    Labelled("vim. how quit", "code"),
    Labelled("ffmpeg cut the first 10 seconds off a video without re-encoding", "code"),
    Labelled("SELECT * FROM recipes WHERE ingredients LIKE '%garlic%' takes forever on 2 million rows, any idea why", "code"),
    Labelled("chmod 755 vs 644?", "code"),
    Labelled("كيف أستخدم دالة VLOOKUP في إكسل للبحث عن اسم الطالب وإرجاع درجته من ورقة ثانية؟", "code"),  # ar
    Labelled("איך מתקינים ספרייה בפייתון עם pip בלי הרשאות מנהל במחשב של בית הספר?", "code"),  # he
    Labelled("it says ModuleNotFoundError: No module named 'numpy' but i literally just pip installed it??", "code"),
    Labelled("bro mi script de python no lee el archivo, dice FileNotFoundError pero el file está ahí mismo en la carpeta", "code", note="Spanish/English mix; 'script' in the programming sense"),  # es+en
    Labelled("""my todo list forgets everything when i refresh the page, why

const list = document.getElementById('list');
const input = document.getElementById('task');
let tasks = [];

function addTask() {
  tasks.push(input.value);
  localStorage.setItem('tasks', tasks);
  render();
}

function render() {
  list.innerHTML = '';
  tasks.forEach(t => {
    const li = document.createElement('li');
    li.textContent = t;
    list.appendChild(li);
  });
}

window.onload = () => {
  tasks = localStorage.getItem('tasks') || [];
  render();
};""", "code"),
    Labelled("""why does pandas read this all as one column? i just did pd.read_csv('scores.csv')

name;team;goals;assists;minutes
Luca;Red Lions;12;4;1460
Amira;Red Lions;9;11;1520
Ben;Blue Foxes;3;2;900
Sofia;Blue Foxes;15;6;1610
Kenji;Green Owls;7;9;1300
Maja;Green Owls;11;3;1455
Tom;Red Lions;0;1;320

the whole header comes out as one name 'name;team;goals;assists;minutes'""", "code", note="pasted data plus a tool question"),
    Labelled("difference between a compiler and an interpreter? its for a school presentation", "code", note="computing concept, no document"),
    Labelled("Чому мій код на C++ виводить якісь дивні числа, коли я не ініціалізую змінну?", "code"),  # uk
    Labelled("Nawezaje kuunganisha Python na database ya MySQL kwa ajili ya mradi wangu wa chuo?", "code"),  # sw
    Labelled("raspberry pi says permission denied (publickey) when i ssh in from my laptop, it worked fine yesterday", "code"),

    # ------------------------------------------------------------------ docs
    Labelled("can you make this sound less angry before i send it? 'I have asked THREE times for my refund and apparently nobody at your company can read. Sort it out today.'", "docs", note="rewrite of a given text, no rewrite verb"),
    Labelled("""tl;dr pls, i dont have time to read the whole school newsletter:

Dear Parents and Carers, As we approach the end of the autumn term, we would like to remind you of several important dates. The Year 4 trip to the Natural History Museum will take place on Thursday 28th November; permission slips and a contribution of £12 must be returned to the school office by Friday 22nd. Our Christmas Fair is on Saturday 7th December from 11am to 2pm, and we are still looking for volunteers to run the tombola and the cake stall. Please also note that school will close at 1:30pm on Friday 20th December. Finally, we have noticed an increase in cars parking on the zig-zag lines at drop-off; please park considerately for the safety of all our children.""", "docs"),
    Labelled("anything wrong with the grammar here? 'Me and my sister goes to the market every saturdays to buy vegetable.'", "docs"),
    Labelled("sort these into herbs and vegetables: basil, carrot, mint, leek, thyme, courgette, oregano, parsnip, chives", "docs", note="classifying a given list"),
    Labelled("""which of these steps can i do the night before? hosting 10 people on sunday

1. Marinate the chicken thighs in yogurt, garlic, lemon and spices for at least 4 hours.
2. Chop the onions, peppers and coriander.
3. Cook the rice until just tender, drain and spread on a tray to cool.
4. Fry the onions until deep golden, then add the tomatoes and cook down to a thick sauce.
5. Layer the rice and chicken in a large pot, sprinkle with saffron milk and fried onions.
6. Seal the lid with foil and bake at 180C for 50 minutes.
7. Rest for 10 minutes before serving with raita.""", "docs", note="question about a pasted recipe"),
    Labelled("en español por favor, es para el tablón del cole: 'The library will be closed on Monday for the bank holiday. Books due that day can be returned on Tuesday without a fine.'", "docs", note="translation of given text without the word translate"),  # es+en
    Labelled("Peux-tu corriger les fautes dans ce mot pour la maîtresse : 'Madame, mon fils Lucas était malade hier et il na pas pu venir a lécole. Merci de votre compréhention.'", "docs"),  # fr
    Labelled("Was steht in diesem Absatz eigentlich drin? Ich versteh das Amtsdeutsch nicht: 'Die Antragstellung hat unter Beifügung sämtlicher erforderlicher Nachweise innerhalb der gesetzlich vorgesehenen Frist zu erfolgen, andernfalls ist eine Bearbeitung ausgeschlossen.'", "docs"),  # de
    Labelled("この文をもっと丁寧な敬語にしてください:「明日の会議、行けません。ごめん。」", "docs"),  # ja
    Labelled("把下面这段话缩短到50字以内,要发到小区群里:各位邻居大家好,为了让我们的小区更加美丽,社区菜园将于本周六上午九点举行春季播种活动,欢迎大人和小朋友一起参加。我们会提供种子、工具和手套,大家只需要带上水杯和好心情就可以了。活动结束后还有免费的茶点,希望大家踊跃报名。", "docs"),  # zh
    Labelled("Проверь, пожалуйста, нет ли ошибок в записке учительнице: 'Уважаемая Ольга Петровна, прошу прощения за опаздание, мой сын будет на кружке в четверг, но пропустит пятницу.'", "docs"),  # ru
    Labelled("pull out all the dates and times from this msg: 'hi all, rehearsal moved to thurs 14th at 7pm, dress run is sat 16th 2-5, concert sun 17th doors 6:30, pls confirm by wed'", "docs"),
    Labelled("""which of these two sounds more confident? applying for a saturday job at a garden centre

A: Hello, I am writing to ask if you might possibly consider me for the Saturday assistant role. I don't have much experience but I do like plants and I would try my best to learn quickly if you gave me the chance.

B: Hello, I'd like to apply for the Saturday assistant role. I've helped run my grandad's allotment for three summers, so I know how to pot on seedlings, water properly and talk to customers about what grows well locally. I'm reliable, and I'm keen to learn more.""", "docs", note="comparing two given texts"),
    Labelled("""does my intro actually answer the question 'Was the Treaty of Versailles fair?' be honest

The Treaty of Versailles was signed in 1919 at the end of the First World War. It was signed in the Hall of Mirrors and the leaders there were Clemenceau, Lloyd George and Wilson. Germany had to accept the War Guilt Clause, pay reparations and lose land such as Alsace-Lorraine. Its army was limited to 100,000 men. Many Germans were angry about the treaty and this later helped Hitler rise to power.""", "docs", note="checking a given text"),
    Labelled("fix the grammar in my story pls, dont change what happens: 'the dragon flyed over the vilage and everyone were scared. Mira grabbed her sword, she was only twelve but she was'nt afraid.'", "docs", note="fixing grammar of own story draft is docs"),
    Labelled("bullet points from this for the club noticeboard: 'Our gardening club meets on the first Saturday of every month at the community hall. Members should bring their own gloves and tools. Seed swaps happen in spring and autumn, and the annual plant sale raises money for the local school.'", "docs"),
    Labelled("is this a scam? 'Dear customer, your parcel could not be delivered. Pay the £1.99 redelivery fee within 24 hours at royalmail-redeliver-uk.info or it will be returned to sender.'", "docs", note="classifying a given message"),
    Labelled("Deixa este parágrafo mais simples para crianças de 10 anos: 'A fotossíntese é o processo pelo qual as plantas, algas e algumas bactérias convertem energia luminosa em energia química, armazenada em moléculas de glicose, liberando oxigênio como subproduto.'", "docs"),  # pt
    Labelled("is this sentence right? 'If I would have known you were coming, I would have baked a cake.'", "docs"),
    Labelled("Przepisz to ogłoszenie tak, żeby brzmiało przyjaźniej: 'Zakaz parkowania rowerów przy bramie. Rowery będą usuwane na koszt właściciela.'", "docs"),  # pl
    Labelled("이 안내문에서 준비물만 뽑아 주세요: '현장체험학습 안내 - 도시락, 물병, 우비를 챙겨오세요. 운동화 착용 필수. 용돈은 5천원 이내로 해주세요.'", "docs"),  # ko
    Labelled("ما الفكرة الرئيسية في هذه الفقرة؟ 'يعتبر الماء أساس الحياة على الأرض، فبدونه لا تستطيع الكائنات الحية البقاء، ولذلك يجب علينا المحافظة عليه وعدم الإسراف في استخدامه.'", "docs"),  # ar
    Labelled("इस पैराग्राफ को अंग्रेज़ी में कर दो: 'हमारे गाँव में हर साल दिवाली पर एक बड़ा मेला लगता है। लोग दूर-दूर से आते हैं और रात भर रौनक रहती है।'", "docs"),  # hi
    Labelled("Şu mesajı daha resmi hale getirir misin: 'Hocam selam, ödevi yarın atsam olur mu, bugün hastaydım.'", "docs"),  # tr
    Labelled("Klopt de spelling in deze zin? 'Ik heb gisteren een mooie fiets gekocht, maar hij wort morgen pas bezorgt.'", "docs"),  # nl
    Labelled("""Este es mi contrato de alquiler. ¿Qué dice exactamente la cláusula 7 sobre tener mascotas? Quiero adoptar un gato.

Cláusula 6. El arrendatario se obliga a conservar la vivienda en buen estado y a comunicar cualquier avería en un plazo de 48 horas.
Cláusula 7. Queda prohibida la tenencia de animales domésticos en la vivienda sin autorización previa y por escrito del arrendador. En caso de autorización, el arrendatario responderá de los daños que los animales pudieran causar, pudiendo el arrendador retener la fianza para cubrirlos.
Cláusula 8. Las obras de cualquier tipo requieren consentimiento del arrendador.""", "docs"),  # es
    Labelled("explain this clause to me like im 15: 'The Licensee shall indemnify and hold harmless the Licensor against any and all claims arising from the Licensee's use of the Materials.'", "docs", note="explain a given clause is docs"),
    Labelled("""which of these fits my mum best? she mostly uses whatsapp and facebook and hardly ever calls anyone
Plan A - £8/month, 5GB data, 500 minutes, 24 month contract
Plan B - £12/month, unlimited minutes, 2GB data, 12 month contract
Plan C - £10/month, 15GB data, 100 minutes, rolling monthly""", "docs", note="comparing given options, not general advice"),
    Labelled("turn this into a table with name, age, sport: 'Tom is 12 and loves football, Priya is 11 and plays cricket, Jonas is 13 and does judo, Wen is 12 and swims'", "docs"),
    Labelled("shorter pls, its for a birthday card: 'Wishing you the happiest of birthdays, full of laughter, love, cake, and all the things that make you smile, today and throughout the whole coming year.'", "docs"),
    Labelled("""settle an argument pls. going by this rules text, can i trade with someone when it's NOT my turn?

Trading: During your turn, once you have rolled for production, you may exchange resource cards with the other players or with the supply. Only the active player may take part in a trade; two players whose turn it is not may not trade with each other. Terms can be negotiated freely and you may reveal the cards you are offering. You may not give cards away for nothing, and you may not exchange cards of the same type (for example 2 wool for 1 wool).""", "docs", note="question answered from the pasted rules"),
    Labelled("Μπορείς να μου πεις αν αυτή η κριτική είναι θετική ή αρνητική; 'Το φαγητό ήταν κρύο και το σέρβις αργό, αλλά η θέα ήταν υπέροχη.'", "docs"),  # el
    Labelled("Gör om den här texten till lätt svenska för nyanlända: 'Ansökan om bostadsbidrag ska lämnas in senast den sista i månaden före den månad bidraget avser.'", "docs"),  # sv
    Labelled("Đoạn này có lỗi chính tả nào không? 'Hôm nay trời đẹp, tôi đi dạo công viên và gặp lại người bạn củ hồi cấp ba.'", "docs"),  # vi
    Labelled("Tolong ubah surat ini jadi lebih sopan untuk kepala sekolah: 'Pak, anak saya besok nggak masuk, ada acara keluarga.'", "docs"),  # id
    Labelled("מה בעצם כתוב פה באותיות הקטנות? 'ההנחה אינה כפלה עם מבצעים אחרים ותקפה עד גמר המלאי בלבד.'", "docs"),  # he
    Labelled("can u put this into proper french for my penpal? 'salut! moi c'est emma, j'ai 14 ans et I love horses and baking and my dog is called biscuit'", "docs", note="translating/fixing a given half-French text"),
    Labelled("""the paragraph below is from my daughter's history book, what are the three causes it gives? she has to list them

By the late eighteenth century, France faced a crisis on several fronts. The government was nearly bankrupt after expensive wars, including its support for the American Revolution, and the tax system placed most of the burden on the peasants and the middle classes while the nobility and clergy paid little. At the same time, poor harvests in 1788 drove the price of bread to record levels, leaving many families hungry. Meanwhile, the ideas of Enlightenment writers such as Rousseau and Voltaire encouraged people to question the authority of the king and the privileges of the nobility.""", "docs"),
    Labelled("does my CV summary have any cliches in it? 'Hardworking team player with a passion for excellence and a proven track record of going above and beyond.'", "docs"),
    Labelled("reword the last sentence so i dont sound like im bragging: 'I organised the whole fundraiser. It raised £3,000, which is honestly more than anyone else has ever managed at this school.'", "docs"),
    Labelled("""these are the minutes from our allotment committee meeting last night, what did we actually decide? i left early

Present: J. Harris (chair), M. Okafor, S. Lindqvist, P. Das, R. Moore. Apologies: T. Byrne.
1. Water butts: long discussion on replacing the broken butts near plots 12-18. Agreed to buy four new ones, max £160 total, MO to order.
2. Rent: proposal to raise annual rent from £45 to £52. SL against, PD in favour. Vote 3-2 in favour, to take effect next April.
3. Bonfires: several complaints. Bonfires now only allowed Nov-Feb, before 10am.
4. Open day: date TBC, RM to check with the school.
5. AOB: rat sighting by the compost bays, JH to contact the council.""", "docs"),
    Labelled("帮我看看这封邮件的语气是不是太生硬了:'王老师,作业我已经交了,请查收。下周的课我不来了。'", "docs"),  # zh
    Labelled("以下のレシピを英語にしてもらえますか。「玉ねぎをみじん切りにして、バターで弱火で10分ほど炒めます。塩を少々加えます。」", "docs"),  # ja
    Labelled("is it fewer or less here? 'There were less people at the match than last year, and less chips at the snack bar too.'", "docs"),
    Labelled("""got this letter from my landlord, what is he actually asking me to do and by when?

Dear Tenant, Further to our recent inspection of the property on 3rd March, I must draw your attention to a number of matters requiring remedy. Condensation and mould were observed in the rear bedroom; you are reminded of the tenancy obligation to adequately ventilate the premises. Additionally, the rear garden has not been maintained in accordance with clause 14 of your agreement. I would be grateful if both issues could be addressed within 28 days of this letter, after which a follow-up visit will be arranged. Yours faithfully, D. Whitcombe""", "docs"),
    Labelled("Poți să faci textul ăsta mai scurt pentru grupul de Facebook? 'Dragi vecini, vă anunțăm că sâmbătă, între orele 10 și 14, se va opri apa caldă din cauza lucrărilor de întreținere la centrală. Ne cerem scuze pentru neplăcere.'", "docs"),  # ro
    Labelled("ช่วยแก้ข้อความนี้ให้สุภาพขึ้นหน่อย จะส่งให้อาจารย์: 'อาจารย์ครับ ผมส่งงานช้า ขอโทษครับ พรุ่งนี้ส่งได้ไหม'", "docs"),  # th
    Labelled("put these in the right order: pour in the batter, preheat the oven, grease the tin, mix the flour and eggs, bake 25 min, let it cool", "docs", note="restructuring a given list"),
    Labelled("""which title fits this article best?

Volunteers in the village of Ashby spent the weekend planting 400 native trees along the old railway line, which closed in 1965. The council hopes the new woodland will attract birds and give families a safe walking route to the primary school.

1) Ashby Railway Reopens
2) Village Volunteers Plant New Woodland Path
3) Council Cuts Trees Near School""", "docs", note="choosing among given titles for a given text, not inventing one"),
    Labelled("""keywords from this abstract pls, 5 or 6, for my science fair poster

This project investigated whether the colour of light affects the growth rate of cress seedlings. Four groups of 30 seeds were grown under red, blue, green and white LED lamps for 10 days at a constant temperature of 21°C. Seedling height was measured daily. Seedlings under blue light grew the shortest but had the thickest stems and darkest leaves, while those under green light were tallest but appeared pale and weak. The results suggest that plants respond to light wavelength, not just brightness.""", "docs"),

    # ------------------------------------------------------------------ creative
    Labelled("a limerick about a python that cant stop throwing exceptions", "creative", note="poem about a programming topic"),
    Labelled("rap battle: git merge vs git rebase, 2 verses each", "creative", note="rap about a programming topic"),
    Labelled("names for my sourdough starter, something punny", "creative"),
    Labelled("my D&D party just walked into a tavern run by a retired lich. give me her opening lines and 3 rumours she might let slip", "creative"),
    Labelled("pretend you're a grumpy pirate captain and i'm your new cabin boy. you start", "creative", note="role play"),
    Labelled("slogan for our school bake sale, give me 5 options", "creative"),
    Labelled("describe a rainy tuesday at the bus stop in the style of a 1940s detective", "creative"),
    Labelled("continue this: 'The last lighthouse keeper on Earth had not seen a ship in eleven years, until the morning the fog turned green.'", "creative"),
    Labelled("Invéntate un trabalenguas sobre un gato que come tacos los martes", "creative"),  # es
    Labelled("Écris une chanson pour les 80 ans de ma grand-mère, elle adore son jardin et ses poules", "creative"),  # fr
    Labelled("Denk dir ein Fantasy-Volk aus, das unter der Erde lebt und Pilze anbaut. Sitten, Feste, Kleidung bitte", "creative"),  # de
    Labelled("猫が主人公のちょっと怖い話を作って。子どもに聞かせるので短めで", "creative"),  # ja
    Labelled("给我们乐队起几个名字吧,我们玩后摇,风格有点忧郁", "creative"),  # zh
    Labelled("우리 강아지 생일 축하 노래 가사 만들어줘. 이름은 콩이고 산책을 제일 좋아해", "creative"),  # ko
    Labelled("Придумай загадку для детей про снеговика", "creative"),  # ru
    Labelled("villain for my rpg campaign pls: a travelling merchant who sells memories", "creative"),
    Labelled("اكتب لي قصيدة قصيرة عن فنجان القهوة في الصباح الباكر", "creative"),  # ar
    Labelled("मेरे दादाजी के 75वें जन्मदिन के लिए एक मज़ेदार शायरी लिखो", "creative"),  # hi
    Labelled("Bir uzay korsanı ile yaşlı bir çaycı arasında geçen kısa bir diyalog yazar mısın", "creative"),  # tr
    Labelled("Nitungie methali mpya kuhusu simu za mkononi, kwa mtindo wa methali za zamani", "creative"),  # sw
    Labelled("Verzin een sinterklaasgedicht voor mijn collega die altijd te laat komt", "creative"),  # nl
    Labelled("Buatkan pantun lucu buat pembukaan acara 17 Agustus di kampung", "creative"),  # id
    Labelled("תמציא לי דמות של מכשף זקן שמפחד מחתולים, בשביל קמפיין מבוכים ודרקונים", "creative"),  # he
    Labelled("haiku about a unit test that fails only on fridays", "creative", note="poem about a programming topic"),
    Labelled("pitch me a cozy farming video game where you play a retired ghost", "creative"),
    Labelled("what is my cat thinking when i come home late? first person, very dramatic", "creative", note="invented monologue, not a factual question"),
    Labelled("give me a fake but believable history for the old well in my back garden, for a kids treasure hunt", "creative"),
    Labelled("bedtime tale about a sleepy tractor, about 3 minutes to read out loud", "creative"),
    Labelled("toast for my brother's wedding, funny but not embarrassing. he's a firefighter who cant cook", "creative"),
    Labelled("running a cyberpunk one-shot on saturday, need 5 gang names and a signature move for each", "creative"),
    Labelled("make up a dance move for every pizza topping", "creative"),
    Labelled("""heres the start of my fanfic, keep going from where it stops, same tone pls

The Hogwarts Express had never been late before, not once in three hundred years, which was why Rosie Finch knew something was wrong the moment the clock on platform nine and three-quarters struck eleven and the tracks stayed empty. Parents murmured. Owls shuffled in their cages. Then, from the tunnel, came not the whistle of the train but a low, rolling sound, like a giant clearing its throat, and the lamps along the platform began to go out one by one.""", "creative", note="continuing own story draft"),
    Labelled("""my worldbuilding notes, can you write the opening scene of the festival from them?

- Qarth-Ilun: desert city built inside a dried-up lake, houses carved into the old shoreline
- water is currency, people pay in sealed glass vials
- once a year the Night of Lanterns: everyone releases paper lanterns to 'call the rain back'
- ruling family are the Veshari, rumoured to hide a spring under the palace
- main character: Tamsin, 16, a lantern-maker's apprentice who can't read
- tone: hopeful but a bit eerie""", "creative", note="pasted notes, but the ask is new fiction"),
    Labelled("lost tortoise flyer, need a catchy line. he answers to Gerald, very slow, last seen heading for the allotments", "creative"),
    Labelled("hazme un rap sobre la tabla periódica pero en spanglish, it's for my chemistry class", "creative"),  # es+en
    Labelled("a love letter from a toaster to a fridge", "creative"),
    Labelled("imagine a world where cats run the post office. what are the rules", "creative"),
    Labelled("roleplay: you're a medieval shopkeeper and i want to buy a sword but i only have 3 potatoes", "creative"),
    Labelled("Напиши вірш про осінь у Львові для уроку, три строфи", "creative"),  # uk
    Labelled("Gumawa ka ng maikling kwento tungkol sa batang nawalan ng tsinelas sa ulan", "creative"),  # tl
    Labelled("""my song so far, can you write a bridge that fits between chorus 2 and the last chorus?

verse 1:
kitchen light still on at 3am
your cup still sitting where you left it then
radio's playing something we both knew
and every word is sounding just like you

chorus:
so leave the door unlocked tonight
in case you find your way back home
i'll keep the porch light burning bright
so you won't have to walk alone

verse 2:
the garden's grown the way you said it would
i tried to keep it tidy, did the best i could""", "creative", note="extending own lyrics"),
    Labelled("describe a thunderstorm rolling over a village cricket match as if david attenborough were narrating", "creative"),
    Labelled("an epic in rhyming couplets about the day our wifi router died during the cup final", "creative"),
    Labelled("یک داستان کوتاه درباره‌ی درخت اناری که حرف می‌زند برای دخترم بنویس", "creative"),  # fa
    Labelled("invent a cocktail for my friend's 40th, name and a silly backstory. she loves gin and 80s synth pop", "creative"),
    Labelled("villain monologue for my kids' nerf war, the villain is the hoover", "creative"),
    Labelled("jingle for a tiny bakery called Crumbs, about 15 seconds long", "creative"),
    Labelled("what would a tourist brochure for mordor say", "creative", note="invented text in a style"),
    Labelled("3 knock knock jokes about dinosaurs for my 6 yo", "creative"),
    Labelled("make up a backstory for the garden gnome my neighbour keeps sneaking into my yard", "creative"),

    # ------------------------------------------------------------------ chat
    Labelled("hi", "chat"),
    Labelled("good evening! how's your day been", "chat"),
    Labelled("how long do i boil an egg for a runny yolk", "chat"),
    Labelled("why is the sky red at sunset", "chat"),
    Labelled("my son has to write a story for school and he's totally stuck, how can i help him without doing it for him?", "chat", note="parenting advice; not a request to write a story"),
    Labelled("is a ball python a good first pet for a 12 year old", "chat", note="python the snake"),
    Labelled("what does the highway code say about overtaking a horse on a country lane", "chat", note="traffic rules, not programming"),
    Labelled("help me plan a 6 week revision program for gcse maths, i'm weakest at algebra", "chat", note="study plan; 'program' in the everyday sense"),
    Labelled("my daughter got a part in the school play, how can she learn her script faster", "chat", note="script = play lines"),
    Labelled("whats the true story behind the titanic band playing till the end", "chat", note="historical fact"),
    Labelled("should i water tomatoes in the morning or the evening", "chat"),
    Labelled("best cheap board games for 2 players?", "chat"),
    Labelled("roughly how many calories does an hour of swimming burn", "chat"),
    Labelled("I'm 67 and would like to start running. How should I begin?", "chat"),
    Labelled("explain how vaccines train the immune system", "chat", note="explaining a world concept, no document"),
    Labelled("who won the 1998 world cup", "chat"),
    Labelled("is the da vinci code worth reading or is it overhyped", "chat", note="book opinion"),
    Labelled("what's a sensible age to give a kid their first phone", "chat"),
    Labelled("is it rude to bring your own wine to a dinner party in france", "chat"),
    Labelled("any tips for making my handwriting neater? i write like a doctor", "chat", note="'write' in the everyday sense"),
    Labelled("¿Qué puedo cocinar con garbanzos, espinacas y un poco de arroz? Somos cuatro", "chat"),  # es
    Labelled("Quels sont les meilleurs étirements pour le mal de dos quand on jardine beaucoup ?", "chat"),  # fr
    Labelled("Wie viele Stunden Schlaf braucht ein Zehnjähriger eigentlich?", "chat"),  # de
    Labelled("京都で紅葉が一番きれいな時期はいつですか?混雑を避けたいです", "chat"),  # ja
    Labelled("孩子总是玩手机不写作业,我该怎么办?", "chat"),  # zh
    Labelled("안녕! 오늘 좀 우울한데 그냥 이야기 좀 들어줄래?", "chat", note="wants to talk; not a story request"),  # ko
    Labelled("Какие книги посоветуешь подростку, который обожает фантастику?", "chat"),  # ru
    Labelled("Vale a pena aprender violão depois dos 50?", "chat"),  # pt
    Labelled("Quanto tempo ci vuole per far lievitare l'impasto della pizza in frigo?", "chat"),  # it
    Labelled("ما الفرق بين الطقس والمناخ؟", "chat"),  # ar
    Labelled("सर्दियों में बालकनी में कौन से फूल उगा सकते हैं?", "chat"),  # hi
    Labelled("Emekli olduktan sonra vakit geçirmek için ne tür hobiler önerirsin?", "chat"),  # tr
    Labelled("Czy pies może jeść surową marchewkę?", "chat"),  # pl
    Labelled("পরীক্ষার আগের রাতে কীভাবে মন শান্ত রাখব?", "chat"),  # bn
    Labelled("Đi Đà Lạt 3 ngày 2 đêm thì nên đi những đâu?", "chat"),  # vi
    Labelled("ஒரு நாளைக்கு எவ்வளவு தண்ணீர் குடிக்க வேண்டும்?", "chat"),  # ta
    Labelled("Habari za jioni! Unaweza kunipa ushauri wa kuanza kufuga kuku nyumbani?", "chat"),  # sw
    Labelled("which is better for a beginner, ukulele or guitar? mi hija tiene 9 años y manos pequeñas", "chat"),  # en+es
    Labelled("i want to write to my MP about the potholes on our road, what points should i cover?", "chat", note="asks for advice on what to say, not for a text to be written or edited"),
    Labelled("whats the actual difference between a crocodile and an alligator", "chat"),
    Labelled("how do i get my 15 yo to talk to me more, he just grunts", "chat"),
    Labelled("""long one sorry. my neighbour's leylandii hedge has grown to about 5 metres and it now blocks nearly all the afternoon sun from my vegetable patch. i've asked him twice, politely, once in person and once with a note, and he just says he likes his privacy and it's his hedge. we used to get on fine. i'm 71 and don't want a big fight, but my tomatoes and beans have been rubbish two years running. is there anything i can do that doesn't wreck the relationship, and what are my options if he won't budge? i'm in england if that matters""", "chat", note="long message but it is the user's own situation, asking advice"),
    Labelled("""my hydrangea leaves are going brown and crispy at the edges. it's in a big pot on a south facing balcony, i water it every evening when it's hot, it got some tomato feed about three weeks ago, and the flowers were lovely in june but now they're drooping by midday even when the soil still feels damp. there are no bugs that i can see. it's been about 30C most days this week. should i move it, water more, water less? i'd hate to lose it, it was my mum's""", "chat", note="long description, gardening advice"),
    Labelled("""we're a family of five (kids 6, 9 and 13) going to scotland for 8 days in late july, flying into edinburgh and hiring a car. the 13 year old loves castles and history, the little ones just want animals and beaches, my husband wants at least one proper hike and i would love a day with no driving at all. we don't want to change hotels more than twice. can you help me figure out a rough route and where to base ourselves?""", "chat", note="trip planning; no document given"),
    Labelled("thanks, that really helped!", "chat"),
    Labelled("can you recommend some podcasts for a long drive? i like true crime and history", "chat"),
    Labelled("what can i still plant in october for something to harvest in spring? zone 7", "chat"),
    Labelled("secondhand acoustic piano or a digital one for my 8 year old, what would you do", "chat"),
    Labelled("my friend says we only use 10% of our brain, is that true", "chat"),
    Labelled("how do i stop my glasses fogging up when i come in from the cold", "chat"),
]

# Non-English count (wholly or mostly non-English, incl. 4 mixed-language prompts; tagged with a
# language comment on each entry): 78 of 200 -- code 19, docs 23, creative 18, chat 18.
