"""Held-out set H1 for the auto router: written by hand by a helper session (an LLM assistant started for this task) on 2026-12-02 (UTC), working only in /work/seth1, from the written labelling policy alone, without seeing the router's code, its training examples, or any other held-out set. 200 prompts, 50 per role, about 75 not in English. Theme: people in healthcare, law, farming, logistics, public services and trades (nurses, paralegals, farmers, truck dispatchers, council clerks, electricians) using an AI assistant in their working day, plus the colleagues who script or automate things at work."""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    text: str
    role: str
    note: str = ""


HELDOUT_H1: list[Labelled] = [
    # ------------------------------------------------------------------ chat (50)
    Labelled("hi, just got off a 12 hr night shift and cant sleep. any tips for winding down", "chat"),
    Labelled("whats the difference between a paralegal and a legal secretary, pay wise", "chat"),
    Labelled("found a bug on my tomato leaves, green with little black spots underneath. pest or harmless?", "chat", note="'bug' is an insect in the field, not software"),
    Labelled("is a ball python safe to have around a toddler? neighbour just got one", "chat", note="python the snake"),
    Labelled("how do i write a complaint to the council effectively? they've missed our bin collection 4 times", "chat", note="asks for advice on how to complain, not for a text to be written or reworked"),
    Labelled("how many hours can a trucker legally drive in one day in the US", "chat"),
    Labelled("why do cows need salt licks", "chat"),
    Labelled("what does a torque wrench actually do that a normal one doesnt", "chat"),
    Labelled("morning! slow day on the dispatch desk. tell me something interesting about shipping containers", "chat"),
    Labelled("is it normal to feel like you're failing everyone in your first 6 months as a nurse", "chat"),
    Labelled("why would a breaker only trip when it rains", "chat", note="household electrics, not a program or tool"),
    Labelled("roughly whats the limitation period for a small claim in ontario", "chat"),
    Labelled("best way to get clay mud off work boots before it sets", "chat"),
    Labelled("explain how crop rotation helps the soil", "chat", note="explain a concept of the world, no document given"),
    Labelled("thanks, that actually helped a lot", "chat"),
    Labelled("do people tip the plumber at christmas or is that weird", "chat"),
    Labelled("can my landlord come in without notice if theres a leak upstairs", "chat"),
    Labelled("half life of ibuprofen?", "chat"),
    Labelled("why are hospital gowns open at the back anyway", "chat"),
    Labelled("lol my supervisor named the new forklift 'the beast'. anyway how often should forklift tyres be replaced", "chat"),
    Labelled("is 34 too old to start an electrical apprenticeship", "chat"),
    Labelled("pros and cons of fixed nights vs rotating shifts for your health", "chat"),
    Labelled("what's the story behind the red cross symbol", "chat", note="'story' here means history"),
    Labelled("what voltage are the sockets in japan, taking my tools over for a job", "chat"),
    Labelled("how do farmers stop flystrike in sheep", "chat"),
    Labelled("what does 'without prejudice' mean at the top of a letter", "chat", note="meaning of a legal term, no letter pasted"),
    Labelled("how cold does it have to get before frost kills potato plants", "chat"),
    Labelled("should i tell my manager im burnt out or just quietly take a few sick days", "chat"),
    Labelled("good lunch that survives 8 hours in a truck cab with no fridge?", "chat"),
    Labelled("how do air brakes on a semi work", "chat"),
    Labelled("my boss told me to 'grab the mouse' to pull the cable through the wall. what is a mouse in electrical work", "chat", note="an electrician's weighted string, not a computer mouse"),
    # not in English
    Labelled("oye cuántas horas de descanso necesita un camionero entre jornada y jornada en españa?", "chat"),
    Labelled("wie lange darf ich als pflegekraft eigentlich am stück arbeiten, gibts da eine gesetzliche grenze", "chat"),
    Labelled("c'est quoi la différence entre un huissier et un avocat ?", "chat"),
    Labelled("bom dia! qual a melhor época pra plantar milho no sul de minas", "chat"),
    Labelled("ciao, come faccio a capire se le mie api hanno la varroa?", "chat"),
    Labelled("czy elektryk musi mieć uprawnienia SEP żeby podłączyć płytę indukcyjną", "chat"),
    Labelled("traktör lastiklerinin havası kışın neden düşüyor", "chat"),
    Labelled("почему после ночной смены так тянет на сладкое?", "chat"),
    Labelled("скільки днів відпустки на рік належить медсестрі в україні", "chat"),
    Labelled("ما الفرق بين المحامي والمستشار القانوني؟", "chat"),
    Labelled("गेहूं की फसल में पीलापन क्यों आ रहा है, क्या खाद कम पड़ गई?", "chat"),
    Labelled("ধানের ক্ষেতে ইঁদুর তাড়ানোর ভালো উপায় কী?", "chat"),
    Labelled("夜勤明けって何時間寝るのが理想なんだろう", "chat"),
    Labelled("간호사 3교대 하면 건강에 얼마나 안 좋아요?", "chat"),
    Labelled("货车司机冬天跑东北要注意些什么", "chat"),
    Labelled("làm sao để bảo quản vắc xin thú y khi bị mất điện cả ngày", "chat"),
    Labelled("ทำไมไฟในบ้านกระพริบตอนเปิดแอร์", "chat", note="household electrics"),
    Labelled("ni wakati gani mzuri wa kupanda maharage mkoani Arusha?", "chat"),
    Labelled("πόσο καιρό ισχύει το δίπλωμα οδήγησης φορτηγού στην Ελλάδα;", "chat"),
    # ------------------------------------------------------------------ code (50)
    Labelled("excel formula to count how many patients on the list are over 65, ages are in column C", "code"),
    Labelled("=VLOOKUP(A2,Sheet2!A:B,2,FALSE) gives #N/A even tho the name is clearly there?? trailing spaces maybe", "code"),
    Labelled("how do i get python to rename all the scanned pdfs in a folder using the date thats in the filename", "code", note="python the language"),
    Labelled("select * from deliveries where status = 'late' and date > '2026-11-01' returns nothing but i KNOW there were late ones last week", "code"),
    Labelled("dispatch tablet app crashes when drivers upload photos, log says java.lang.OutOfMemoryError: Failed to allocate a 12582924 byte allocation", "code"),
    Labelled("macro vs power automate flow, which one should i use to email out the weekly rota", "code"),
    Labelled('''2026-11-30 06:12:03 ERROR [sync] connection refused 10.0.4.12:5432
2026-11-30 06:12:08 ERROR [sync] connection refused 10.0.4.12:5432
2026-11-30 06:12:13 WARN  [sync] retry limit reached, giving up
the field sensors stopped updating overnight, is this why''', "code"),
    Labelled("google sheets - want the cell to go red when the expiry date is less than 30 days away", "code"),
    Labelled("for i in range(len(rows)): if rows[i]['dose'] > 10: print(rows[i])   is there a cleaner way to do this", "code"),
    Labelled("the raspberry pi that reads the cold room temp stopped posting to the dashboard after we changed the wifi password. where does the new one go", "code"),
    Labelled("what even is an API? the case management vendor keeps saying we can 'just use the API' to pull our matters", "code", note="question about a programming concept counts as code"),
    Labelled("cron line to run backup.sh every night at 2am", "code"),
    Labelled('''Traceback (most recent call last):
  File "invoice.py", line 42, in <module>
    total += float(row[3])
ValueError: could not convert string to float: '1,250.00'
summarise what went wrong pls''', "code", note="summarising a traceback is code per policy"),
    Labelled("how do i mail merge from the arrears spreadsheet into word letters for every tenant", "code", note="how to use a tool"),
    Labelled('can you turn this into powershell: for f in *.csv; do mv "$f" "archive/$f"; done', "code", note="translation between programming languages"),
    Labelled("regex for uk postcodes", "code"),
    Labelled("warehouse label printer prints everything shifted about half an inch to the right. zebra zd420, printing from our web app", "code", note="device driven by a program; tools count as code"),
    Labelled("why does git keep telling me i'm in 'detached HEAD' state and is it bad", "code"),
    Labelled("write a small script that reads a csv of livestock weights and gives me the average per pen", "code"),
    Labelled("json or csv for sending the daily load manifest to the other depot's system? they asked us to pick", "code"),
    Labelled("access database keeps saying 'record is locked by another user' but im the only one in it", "code"),
    Labelled("what does NullReferenceException mean in normal words. timesheet app throws it when i press save", "code"),
    Labelled("how to freeze the top row in excel so headers stay put when scrolling", "code"),
    Labelled("def bmi(w, h): return w / h*h    results look way too high??", "code"),
    Labelled('''services:
  db:
    image: postgres:16
    ports:
      - 5432:5432
    environment:
      POSTGRES_PASSWORD:

container exits straight away, whats missing''', "code"),
    Labelled("is there a way to pull the gps position of our trucks from the telematics portal into a spreadsheet every hour automatically", "code"),
    Labelled('''{"id": 88, "weight_kg": "1204", "ts": 1733100000}
thats what the weighbridge sends. how do i turn ts into a real date in sheets''', "code"),
    Labelled("best way to learn sql if i only have my lunch breaks", "code", note="learning a programming tool"),
    Labelled("pivot table keeps doing 'sum of' but i want a count of visits per ward", "code"),
    Labelled("our council web form submits twice when people double click the button. how do i stop that in javascript", "code"),
    Labelled("ssh: connect to host 192.168.1.20 port 22: Connection timed out\nwhat now", "code"),
    # not in English
    Labelled("cómo hago en excel que me sume solo las horas extra de los sábados? las fechas están en la columna A y las horas en la B", "code"),
    Labelled("mein python-skript zum auslesen der stromzähler bricht unter windows mit 'PermissionError: [Errno 13]' ab, was tun?", "code"),
    Labelled("comment écrire une requête sql qui compte les dossiers ouverts par avocat ?", "code"),
    Labelled("a planilha do google não atualiza o IMPORTRANGE, fica carregando pra sempre", "code"),
    Labelled("ho questo errore in VBA: 'Errore di run-time 1004'. succede quando la macro apre il file delle consegne", "code"),
    Labelled("jak w arkuszu google zrobić listę rozwijaną z nazwiskami kierowców z innej zakładki", "code"),
    Labelled('bu kod neden hata veriyor: if (yas > 18) console.log("yetişkin") else console.log("çocuk")', "code"),
    Labelled("как в 1С выгрузить список пациентов в excel, кнопка сохранить неактивна", "code"),
    Labelled("напишіть скрипт на python, який надсилає мені лист, коли в теплиці температура вище 35 градусів", "code"),
    Labelled("كيف أجعل جدول إكسل يحسب عمر المريض تلقائياً من تاريخ الميلاد؟", "code"),
    Labelled("जब मैं टैली खोलता हूँ तो लैपटॉप पर 'DLL not found' वाला error आता है, क्या करूँ?", "code"),
    Labelled("পাইথনে একটা লিস্ট থেকে ডুপ্লিকেট নামগুলো কিভাবে বাদ দেব?", "code"),
    Labelled("このエラーどういう意味？ ModuleNotFoundError: No module named 'pandas'  配送表の集計スクリプト動かしたら出た", "code"),
    Labelled("엑셀에서 두 시트의 환자 번호 비교해서 한쪽에만 있는 것만 표시하는 방법 알려줘", "code"),
    Labelled("我们仓库的扫码枪扫出来的条码后面多了一个回车，怎么在excel里去掉", "code", note="barcode scanner plus spreadsheet: tools"),
    Labelled("câu lệnh SQL này bị lỗi gì vậy: SELECT ten, khoa, COUNT(*) FROM benh_nhan GROUP BY khoa", "code"),
    Labelled("gimana caranya google form bisa otomatis kirim email ke atasan tiap ada laporan kerusakan masuk", "code"),
    Labelled("ik krijg 'SSL certificate problem: unable to get local issuer certificate' bij curl op mijn werklaptop, hoe los ik dat op", "code"),
    Labelled("איך מריצים סקריפט פייתון אוטומטית כל בוקר בווינדוס?", "code"),
    # ------------------------------------------------------------------ docs (50)
    Labelled('''summarise for the handover board:
pt bed 4 (mr H) c/o chest tightness 0300, ECG done, trop pending, GTN x1 with relief. family aware. obs stable since 0400. needs repeat trop at 0900 and review by cardio reg''', "docs"),
    Labelled('''Dear Ms Patel,
Further to our telephone conversation of 14 November, I write to confirm that your application for a temporary road closure on Elm Street has been received and is under review. Please note that the statutory notice period is 28 days and that the closure cannot take effect before the public notice has appeared in the local press. You will be contacted should any further information be required.
key points?''', "docs"),
    Labelled("make this sound less angry before i send it: 'i have asked THREE times for the fuel receipts and nobody has sent them. this is not acceptable. if i dont have them by friday i am escalating.'", "docs"),
    Labelled("translate to spanish for the farmhands: 'Do not enter pen 3 without boots. The ram is aggressive. Gate must be latched at all times.'", "docs"),
    Labelled('''Clause 7.2: The Tenant shall not, without the prior written consent of the Landlord (such consent not to be unreasonably withheld), assign, underlet or part with possession of the whole or any part of the Premises.
so can i rent out my spare room or not''', "docs", note="explain a pasted clause"),
    Labelled("proofread pls: 'Their will be a power outage on tuesday between 9-11am while the electrician's replace the main board. Apologise for any inconvience.'", "docs"),
    Labelled('''minutes from tuesday:
- present: JK, MR, PD, SL (apologies TW)
- item 1 winter gritting routes: agreed to add Hill Rd, PD to get costs
- item 2 staff parking: no decision, revisit in jan
- item 3 AOB: MR raised broken heater in reception, SL to call facilities
who has actions''', "docs"),
    Labelled('''whats missing from this incident report
Date: 28/11  Location: loading bay 2  Description: driver slipped  Injury: yes  Witness: -  Action taken: -''', "docs"),
    Labelled('''which of these is stricter?
A) Staff may use personal phones during breaks only, and outside clinical areas.
B) Personal phones are permitted in non-patient-facing areas at the discretion of the shift lead.''', "docs"),
    Labelled("turn these notes into a proper paragraph for the annual report: wheat yields up 8%, barley flat, lost 2 wks to flooding in march, new drainage in field 6 helped, diesel way up", "docs"),
    Labelled("explain this letter in simple words for my dad, hes 80: 'We have assessed your entitlement to Council Tax Reduction and determined that, owing to a change in household composition, your award has been revised with effect from 1 October.'", "docs"),
    Labelled('''billing, service or staff? do each one
1. charged twice for the skip hire
2. the woman on the front desk was rude
3. bins not collected for 3 weeks
4. invoice has the wrong address on it''', "docs", note="classifying pasted complaints"),
    Labelled('''read this and tell me if it applies to small farms like mine:

New rules on nitrogen application come into force on 1 March. Farmers operating within designated Nitrate Vulnerable Zones must not spread organic manures with a high readily available nitrogen content on grassland between 15 September and 31 December, or on tillage land between 1 August and 31 December, unless a crop is sown on or before 15 September. Records of all applications must be kept for five years and made available to an inspector on request. Holdings with less than 2 hectares of agricultural land are exempt from the record-keeping requirement but not from the closed periods. Inspections will be targeted at holdings with previous breaches, and penalties may be applied to the basic payment.''', "docs", note="long pasted regulation with a question about it"),
    Labelled("under 50 words so it fits a text: Hi all, just a reminder that the depot will be closed on the 25th and 26th of December and on the 1st of January. Any deliveries scheduled for those days have been moved to the next working day. Drivers should check the updated schedule on the noticeboard or contact dispatch directly if they have any questions.", "docs"),
    Labelled("is this clear enough for patients with low literacy? 'I hereby acknowledge that the procedure, its attendant risks, and the available alternatives have been explained to me to my satisfaction.'", "docs"),
    Labelled("bullet points with headings please: our team handles parking permits, noise complaints get passed to env health, bulk waste collections are booked online or by phone, and we also do the allotment waiting list which is about 2 years at the moment", "docs"),
    Labelled("what tone does this have, am i overreacting? 'As per my previous email, the quote remains unchanged. Kindly advise how you wish to proceed.'", "docs"),
    Labelled("plain english? 'The Contractor shall indemnify the Employer against all claims arising out of or in connection with the Works save to the extent caused by the negligence of the Employer.'", "docs"),
    Labelled('''pull out every date and deadline:
Tender opens 3 Feb. Clarification questions by 17 Feb. Site visit optional, 20 Feb 10am. Submissions close 12:00 noon 6 March. Award expected April, contract start 1 May.''', "docs"),
    Labelled("does this job ad discriminate against anyone? 'Seeking young, energetic electrician, native English speaker, must be able to work weekends.'", "docs"),
    Labelled('''cover letter for a paralegal job, tighten it up and fix the grammar:
I am writing to apply for the paralegal role at Hughes & Co. I have 3 years experience in a conveyancing firm where I was responsible for drafting contracts, liasing with clients, and I managed a caseload of 40 files. I am organised and I am a fast learner and I work well in a team.''', "docs"),
    Labelled('''compare these two and tell me the real differences
Quote 1: rewire 3-bed house, £4,200, includes making good the plaster, 5 days, 12 month guarantee
Quote 2: rewire 3-bed, £3,650, plastering not included, 4 days, 6 month guarantee''', "docs", note="pasted quotes are short texts to compare, not data to process"),
    Labelled("ward policy says 'Controlled drugs must be checked by two registered nurses at each administration and the register signed by both.' so can a student nurse be the second checker?", "docs", note="question answered from the pasted policy"),
    Labelled('''tl;dr?

PARISH NEWSLETTER – DECEMBER
The council would like to thank everyone who took part in the autumn litter pick, which collected over 60 bags of rubbish from the lanes around the village. Work on the new footpath between Mill Lane and the school is now expected to finish in late January after delays caused by the wet weather. The recycling centre will operate reduced hours over Christmas (closed 25, 26 December and 1 January). Residents are reminded that the defibrillator outside the village hall is available 24 hours a day, and a free training session will be held on 14 January at 7pm. Finally, applications are open for the small community grants scheme; the deadline is 31 January.''', "docs"),
    Labelled("make this into a numbered checklist: before leaving the yard the driver checks tyres, lights, mirrors and load straps, then signs the walkaround sheet and hands it to the dispatcher. if any defect is found the vehicle doesnt leave until the workshop signs it off", "docs"),
    Labelled("tidy the spelling and layout on this for the village hall door: 'FARMERS MARKET this satuday 8am-1pm , local honey,eggs ,veg. no dogs pls . parking in the school field'", "docs"),
    Labelled('''Mr Okafor states that the boundary fence was erected in 1998 by his late father and has remained in the same position since. He says the neighbours raised no objection until the sale of their property in 2025. He has photographs from 2003 and 2011 showing the fence line. The neighbours claim the fence was moved approximately 40cm in 2019 during repairs.
what's the main point of dispute here''', "docs", note="pasted text first, question after"),
    Labelled("rewrite for a 10 year old: Antibiotics do not work against viruses such as those that cause colds and flu. Taking antibiotics when you do not need them contributes to antibiotic resistance.", "docs"),
    Labelled("got this from the insurer and i dont get it: 'Your policy excludes consequential loss arising from equipment breakdown unless the breakdown results from an insured peril.' so if the milk tank cooler breaks and the milk spoils am i covered??", "docs", note="explain a pasted policy wording"),
    Labelled("name, dob and nhs number from this into a list pls: Referral for Mrs Joan Alder, DOB 04/05/1948, NHS no. 485 777 3456, referred by Dr K Singh for falls assessment following two falls at home in October.", "docs", note="extraction from a pasted referral letter"),
    Labelled('''Memo: From January all depot staff will clock in via the new app. Breaks will be scheduled centrally. Overtime must be approved 48 hours in advance. Staff who fail to clock in will be marked absent.
which bits would the union push back on''', "docs"),
    # not in English
    Labelled("resume este correo para el equipo: 'Estimados compañeros: a partir del lunes, las entregas en la zona norte se harán por la mañana debido a las obras en la avenida principal. Rogamos que reorganicen las rutas y avisen a los clientes afectados. Gracias.'", "docs"),
    Labelled("kannst du das in einfaches deutsch umformulieren? 'Der Antrag ist unter Beifügung sämtlicher erforderlicher Nachweise innerhalb der gesetzlichen Frist bei der zuständigen Behörde einzureichen.'", "docs"),
    Labelled("traduis en anglais pour le médecin de garde : patiente de 72 ans, chute à domicile, douleur à la hanche droite, pas de perte de connaissance, sous anticoagulants.", "docs"),
    Labelled("quais os pontos principais desse aviso? 'A partir de 1º de dezembro, o atendimento presencial na secretaria será apenas com agendamento. Os documentos podem ser enviados pelo portal. Dúvidas pelo telefone 156.'", "docs"),
    Labelled("correggi gli errori in questo messaggio per i cittadini: 'gentile cliente, la informiamo che il ritiro dei rifiuti ingombranti e stato spostato a giovedi, ci scusiamo per il disaggio.'", "docs"),
    Labelled("co tu jest nie tak? fragment umowy z przewoźnikiem: 'Przewoźnik ponosi odpowiedzialność za szkody powstałe w czasie transportu, z wyjątkiem szkód powstałych w czasie transportu.'", "docs"),
    Labelled("bu dilekçeyi daha resmi yap: 'merhaba, geçen hafta yaptığım başvuru ne oldu öğrenmek istiyorum, hala cevap gelmedi'", "docs"),
    Labelled("кто за что отвечает по этому протоколу? 'Иванов — закупка удобрений до 15.03. Петрова — график полива. Сидоров — ремонт трактора, срок не определён.'", "docs"),
    Labelled("перекладіть англійською, це для гуманітарної організації: 'Потрібні ліки від тиску, бинти та дитяче харчування. Доставка до сільради до п'ятниці.'", "docs"),
    Labelled("ترجم هذه التعليمات إلى الإنجليزية: 'يجب غسل اليدين قبل وبعد ملامسة المريض، وارتداء القفازات عند التعامل مع سوائل الجسم.'", "docs"),
    Labelled("इस नोटिस का सार दो लाइन में: 'ग्राम पंचायत की बैठक 5 दिसंबर को सुबह 10 बजे होगी। सभी किसान अपनी भूमि के कागज़ात साथ लाएँ। फसल बीमा के फॉर्म भी वहीं भरे जाएँगे।'", "docs"),
    Labelled("এই চিঠিটা সহজ ভাষায় বুঝিয়ে দাও: 'আপনার আবেদনটি প্রয়োজনীয় নথির অভাবে বিবেচনা করা সম্ভব হয়নি। অনুগ্রহ করে ৩০ দিনের মধ্যে পুনরায় আবেদন করুন।'", "docs"),
    Labelled("このメール、取引先に失礼じゃないかな：「明日の配送ですが、時間変更できません。そちらで調整してください。」", "docs"),
    Labelled("다음 회의록에서 결정된 것만 뽑아줘: '1. 야간 근무 수당 인상 — 다음 달 재논의. 2. 주차장 공사 — 승인. 3. 신규 간호사 교육 일정 — 3월 첫째 주로 확정.'", "docs"),
    Labelled("帮我把这段通知改得礼貌一点：'明天停电，所有人必须八点前离开办公室，不准留下。'", "docs"),
    Labelled("dịch sang tiếng Anh giúp mình: 'Kính gửi quý khách, lô hàng của quý khách sẽ bị chậm hai ngày do thời tiết xấu. Chúng tôi xin lỗi vì sự bất tiện này.'", "docs"),
    Labelled("tolong ringkas laporan ini: 'Pada hari Senin terjadi kebocoran pipa di gudang B. Sebagian stok pupuk basah dan tidak bisa dijual. Teknisi sudah memperbaiki pipa pada hari Selasa. Kerugian diperkirakan 3 juta rupiah.'", "docs"),
    Labelled("ποια είναι τα βασικά σημεία; 'Σας ενημερώνουμε ότι η προθεσμία υποβολής των αιτήσεων για την επιδότηση παρατείνεται έως τις 20 Δεκεμβρίου. Οι αιτήσεις υποβάλλονται μόνο ηλεκτρονικά.'", "docs"),
    Labelled("این بند قرارداد یعنی چه؟ «کارفرما مجاز است در صورت تأخیر بیش از ده روز، قرارداد را بدون پرداخت خسارت فسخ نماید.»", "docs", note="explain a pasted contract clause"),
    # ------------------------------------------------------------------ creative (50)
    Labelled("name ideas for a mobile vet van, friendly and a bit punny", "creative"),
    Labelled("slogan for the council recycling campaign, has to fit on the side of a bin lorry", "creative"),
    Labelled("need a toast for maureen whos retiring after 40 yrs as a district nurse. funny but not mean", "creative"),
    Labelled("pretend youre a grumpy old farmer and im a city kid asking why i cant pet the bull. stay in character", "creative"),
    Labelled("two truck dispatchers on the radio at 3am in a blizzard, one of them started this week. give me the scene", "creative"),
    Labelled("invent a mascot for electrical safety week, with a name and a catchphrase", "creative"),
    Labelled("limerick about a paralegal drowning in discovery documents", "creative"),
    Labelled("make up a menu for a truck stop diner on mars", "creative"),
    Labelled("rap about sql joins for the new hires onboarding day", "creative", note="creative piece about a programming topic"),
    Labelled("pitch me a tv drama set in a small town council planning office", "creative"),
    Labelled("clean jokes about night shift for the nurses christmas do", "creative"),
    Labelled("bedtime story for my 5 yo about a little tractor whos scared of the dark", "creative"),
    Labelled("describe a packed A&E waiting room on a saturday night like a nature documentary narrator would", "creative"),
    Labelled("character sheet for a d&d bard who used to be a court stenographer", "creative"),
    Labelled("fun team name for the depot pub quiz? we always come last", "creative"),
    Labelled("haiku about fixing a fuse box in the rain", "creative"),
    Labelled("you are the ghost of a victorian plumber haunting my boiler. explain yourself", "creative", note="role play"),
    Labelled("new words to jingle bells but about hand hygiene", "creative"),
    Labelled("invent a fictional law firm with three quirky partners and give each one a backstory", "creative"),
    Labelled("opening line for a murder mystery set on a dairy farm", "creative"),
    Labelled("ok imagine a world where electricians are wizards and wiring is spellcasting. what are the rules of magic there", "creative"),
    Labelled("our office printer finally died after 11 years. something heartfelt and ridiculous to read at its 'funeral' in the break room", "creative"),
    Labelled("over the top movie-general speech a ward sister gives her team before flu season hits", "creative"),
    Labelled("a court clerk and a time traveller from 2190 trying to appeal a parking ticket. dialogue please", "creative"),
    Labelled("5 fake but believable old weather sayings for a farming village in my novel", "creative"),
    Labelled("tagline for our family electrical business, we're called Sparks & Daughters", "creative"),
    Labelled("sonnet for my wife, shes a midwife and just delivered her 1000th baby", "creative"),
    Labelled("something spooky to tell round the campfire about a lorry that delivers to an address that doesnt exist", "creative"),
    Labelled("im a dispatcher, give me a funny out-of-office reply in the voice of a pirate", "creative", note="invented text in a voice, not work on a given text"),
    Labelled("poem about a recursive function that never returns", "creative", note="poem about a programming topic is creative per policy"),
    Labelled("riddle where the answer is a stethoscope", "creative"),
    # not in English
    Labelled("inventa un nombre y un lema para una cooperativa de aguacateros en michoacán", "creative"),
    Labelled("schreib ein kurzes gedicht für die weihnachtskarte an unser pflegeteam, gern ein bisschen lustig", "creative"),
    Labelled("imagine un dialogue entre un vieux notaire et son stagiaire qui découvre le métier, ton comique", "creative"),
    Labelled("cria uma historinha sobre um caminhoneiro que dá carona pra um cachorro perdido na BR-116", "creative"),
    Labelled("fai finta di essere un contadino toscano del 1800 e raccontami la vendemmia", "creative", note="role play"),
    Labelled("wymyśl zabawny wierszyk na pożegnanie kolegi elektryka, który idzie na emeryturę", "creative"),
    Labelled("belediyenin yeni park projesi için akılda kalıcı bir slogan bul", "creative"),
    Labelled("придумай тост на юбилей нашей старшей медсестры, ей 60, строгая но добрая", "creative"),
    Labelled("придумай назву і девіз для фермерського ринку в нашому селі", "creative"),
    Labelled("اكتب قصة قصيرة عن ممرضة تعمل في مستشفى ريفي خلال ليلة عاصفة", "creative"),
    Labelled("ट्रक के पीछे लिखने के लिए कोई मज़ेदार नारा बनाओ, हमारे ड्राइवर रात भर हाईवे पर चलते हैं", "creative"),
    Labelled("架空の町役場のゆるキャラを考えて。名前と口癖も", "creative"),
    Labelled("변호사 사무실 배경으로 짧은 시트콤 장면 하나 써줘, 신입 사무장이 주인공", "creative"),
    Labelled("给我们农场新出的草莓品牌想五个名字，要可爱一点", "creative"),
    Labelled("bikinin pantun lucu buat pembukaan rapat RT minggu depan dong", "creative"),
    Labelled("tunga shairi fupi kuhusu wakulima wa chai huko Kericho", "creative"),
    Labelled("verzin een grappig personage: een loodgieter die denkt dat hij een superheld is. hoe heet hij en wat is zijn superkracht?", "creative"),
    Labelled("สมมติว่าคุณเป็นช่างไฟที่กลัวความมืด เล่าวันทำงานของคุณให้ฟังแบบตลกๆ หน่อย", "creative", note="role play"),
    Labelled("یک شعر کوتاه درباره‌ی کشاورزی بنویس که منتظر باران است", "creative"),
]
