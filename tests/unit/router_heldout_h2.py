"""Held-out set H2 for the auto router: written by hand by a helper session (an LLM assistant started for this task) on 2026-12-04 (UTC), working only in /work/seth2, from the written labelling policy alone, without seeing the router's code, its training examples, or any other held-out set. 200 prompts, 50 per role, about 71 not in English. Theme: people in hospitality, retail, science labs, NGOs/charities, travel, parenting and sports coaching (hotel receptionists, shop managers, lab technicians, charity fundraisers, backpackers, parents, football coaches) using an AI assistant, plus colleagues who script or automate things at work."""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    text: str
    role: str
    note: str = ""


HELDOUT_H2: list[Labelled] = [
    # ---- chat (50)
    Labelled("hey, how are you?", "chat"),
    Labelled("good morning! long shift at the front desk ahead of me, wish me luck", "chat"),
    Labelled("whats the usual tip for hotel housekeeping in the US, per night", "chat"),
    Labelled("my 4 year old has a stomach bug, how long before she can go back to nursery?", "chat",
             note="'bug' means an illness, not a software bug: health advice is chat"),
    Labelled("is a ball python an ok first pet for a 9yo or should we just get a hamster", "chat",
             note="'python' is the snake; pet advice is chat"),
    Labelled("how many subs am i allowed in an under-10s match? grassroots football, england", "chat"),
    Labelled("whats the difference between a chemical-resistant lab coat and a normal cotton one", "chat"),
    Labelled("i keep telling the same story to donors at every gala and i think theyre bored of me lol. any tips for keeping fundraising events fresh?", "chat",
             note="mentions 'story' but asks for advice, nothing to make up: chat"),
    Labelled("my manager keeps asking me to translate at check-in because i speak a bit of portuguese but im really not fluent. how do i say no politely without looking unhelpful?", "chat",
             note="'translate' is about a workplace situation, no text is given to translate: chat"),
    Labelled("Explain how a centrifuge works, simply", "chat",
             note="'explain <concept>' with no pasted document is chat per policy"),
    Labelled("why do autoclaves run at 121 degrees specifically and not like 100", "chat"),
    Labelled("Is it safe to drink the tap water in Lisbon?", "chat"),
    Labelled("bangkok to chiang mai on a budget - night train or bus?", "chat"),
    Labelled("thanks that worked!!", "chat"),
    Labelled("how do I deal with a customer who keeps returning clothes that have clearly been worn? she always has the receipt and it's technically within 30 days", "chat"),
    Labelled("what are the signs of burnout? been doing doubles at the restaurant for 3 weeks straight", "chat"),
    Labelled("any drills for getting 8 year olds to pass with their weaker foot? they all just use their right", "chat",
             note="coaching advice, nothing fictional is invented: chat"),
    Labelled("whats gift aid and do charity shops have to claim it", "chat"),
    Labelled("my teenager says im 'cringe' for using an AI to plan his birthday party. am i?", "chat"),
    Labelled("How long does a UK passport renewal take at the moment, roughly", "chat"),
    Labelled("I'm a lab tech with 6 years experience. Is a masters worth it to move into a research scientist role, or is experience enough these days?", "chat"),
    Labelled("what does 'net 30' mean on a supplier invoice", "chat",
             note="explains a term, no invoice is pasted: chat"),
    Labelled("tell me a fun fact about octopuses", "chat",
             note="asks for a real fact, not for something made up: chat"),
    Labelled("my python script finally runs without errors and im weirdly emotional about it. first one ever. thats all, just wanted to tell someone", "chat",
             note="mentions a python script but asks for nothing about it; just sharing: chat"),
    Labelled("do you remember what we talked about yesterday?", "chat"),
    Labelled("roughly how many front of house staff do you need for a 40 cover brunch service", "chat"),
    Labelled("is ibuprofen ok for kids with a fever or is it only calpol", "chat"),
    Labelled("how do other coaches handle parents who scream at the ref from the sideline? it's getting bad at our club", "chat"),
    Labelled("what time zone is bali in", "chat"),
    Labelled("found a bug in my hotel room. like an actual insect, small and brown, might be a bedbug?? what do i do and can i ask for a refund", "chat",
             note="an insect, not a software bug: travel advice is chat"),
    Labelled("what's the story behind the name Boxing Day?", "chat",
             note="asks for the real history, 'story' is not a request for fiction: chat"),
    Labelled("""Okay so bit of a long one. I manage a small charity shop, about 12 volunteers, mostly retired. One of them, lovely woman, been with us 8 years, has started rearranging the whole window display every time she's in, even on days when someone else has done it. The others are getting annoyed and one has threatened to leave. I don't want to lose either of them and honestly she does do the best windows. I've tried hinting but she doesn't pick up on it.

How do I handle this without it turning into a big drama?""", "chat",
             note="long, but it is a request for advice, not a given text to work on: chat"),
    Labelled("¿Cuánto se tarda en hacer el Camino de Santiago desde Sarria, andando tranquilo?", "chat"),
    Labelled("salut ! t'as des astuces pour que mon fils de 3 ans accepte de se brosser les dents le soir ?", "chat"),
    Labelled("Wie viele Stunden darf ein Azubi im Hotel in Deutschland eigentlich pro Woche arbeiten?", "chat"),
    Labelled("qual a melhor época pra viajar pro nordeste sem pegar muita chuva?", "chat"),
    Labelled("ciao, mi consigli qualche esercizio di riscaldamento per una squadra under 12?", "chat"),
    Labelled("Hoe lang moet je wachten voordat je een agarplaat kunt gebruiken na het gieten?", "chat"),
    Labelled("czy to normalne, że moja córka (2 lata) mówi tylko kilka słów? trochę się martwię", "chat"),
    Labelled("merhaba, istanbulda turistlerin en çok kandırıldığı yerler neresi? nelere dikkat etmeliyim", "chat"),
    Labelled("Почему в лаборатории нельзя пипетировать ртом? Старший коллега говорит, что раньше все так делали и ничего", "chat"),
    Labelled("Привіт! Як мотивувати волонтерів, якщо ми не можемо їм нічого платити?", "chat"),
    Labelled("ما هي أفضل طريقة للتعامل مع نزيل غاضب لأن غرفته لم تكن جاهزة في الوقت المحدد؟", "chat"),
    Labelled("मैं अपने बेटे को फुटबॉल कोचिंग में डालना चाहती हूँ, किस उम्र से शुरू करना ठीक रहेगा?", "chat"),
    Labelled("在日本坐新干线需要提前订票吗？还是到车站直接买就可以？", "chat"),
    Labelled("お疲れ様です。今日はレジがすごく混んでてクタクタです…ちょっと話聞いてもらえますか", "chat"),
    Labelled("실험실 소독용으로 에탄올이랑 이소프로판올 중에 뭐가 더 나아?", "chat"),
    Labelled("chào bạn, mình mới mở quán cà phê nhỏ, làm sao để giữ chân khách quen nhỉ?", "chat"),
    Labelled("kalau backpacking ke Flores seminggu, kira-kira budgetnya berapa ya?", "chat"),
    Labelled("Habari! Ni njia gani bora ya kuchangisha pesa kwa shirika dogo la kijamii vijijini?", "chat"),
    # ---- docs (50)
    Labelled("""tldr pls

Hi all,
From Monday 9th, early check-in (before 2pm) will only be offered to guests who have pre-booked it through the website or who hold Gold status. Please do not offer complimentary early check-in at the desk, even if the room is ready, unless approved by the duty manager. Late check-out remains available until 12pm free of charge, and until 2pm for a £25 fee, which must be charged to the room at the time of the request. Any exceptions must be logged in the shift report.
Thanks, Karen (Front Office Manager)""", "docs",
             note="'tldr' of a pasted email = summarise a given text: docs"),
    Labelled("""label each of these reviews as cleanliness / staff / noise / other, one word per line

1. "Bathroom had hair in the shower and the towels smelled damp."
2. "Receptionist was so kind when our flight got cancelled, gave us a late checkout."
3. "Couldn't sleep, the bar downstairs had music until 1am."
4. "Breakfast was ok but overpriced."
5. "Carpet was sticky and there was dust on every surface."
6. "The guy at the desk rolled his eyes when I asked for a second key card."
""", "docs",
             note="classifying given review text is work on a given text: docs"),
    Labelled("""pull out every allergen in this menu, list per dish

STARTERS
Burrata, heritage tomato, basil oil, toasted pine nuts
Crispy squid, lime aioli (egg), chilli
MAINS
Pan-fried hake, brown shrimp butter, samphire, new potatoes
Mushroom & tarragon risotto, parmesan, truffle oil
Lamb rump, pistachio crust, minted yoghurt, charred hispi cabbage
DESSERTS
Sticky toffee pudding, clotted cream
Dark chocolate torte, hazelnut praline, crème fraîche""", "docs",
             note="extracting from a pasted menu: docs"),
    Labelled("""does this refund policy contradict itself anywhere? my staff keep getting confused

Refunds are given on all items returned within 28 days with proof of purchase. Sale items cannot be refunded but may be exchanged. Items must be unworn and with original tags. We offer a full refund on all goods within 28 days, no questions asked. Gift cards are non-refundable. Exchanges on sale items must be made within 14 days.""", "docs",
             note="checking a pasted policy for consistency: docs"),
    Labelled("""can you rewrite this so it sounds less passive aggressive, its going on the staff room fridge

TO WHOEVER keeps eating other people's lunches: we KNOW it's you. Some of us actually have to pay for our food. If your name isn't on it, IT IS NOT YOURS. This is the LAST warning before management gets involved.""", "docs"),
    Labelled("""turn this into a numbered checklist i can print and stick on the fume hood

Before starting, make sure the sash is below the marked line and the airflow indicator is green. Put on nitrile gloves and goggles. Weigh the solid in the hood, not on the open bench. Add the solvent slowly while stirring. When you're done, cap all bottles, wipe the surface with 70% ethanol, and dispose of gloves in the solid chemical waste bin. Lower the sash fully before leaving.""", "docs",
             note="restructuring a pasted protocol: docs"),
    Labelled("""proofread pls, going to the trustees tomorrow morning

This quarter we have exceded our fundraising target by 12%, mainly due to the sucess of the spring fun run wich raised £8,400 on it's own. However regular giving has fell slightly and we recomend that the board considers a new direct debit campaign in the autumn.""", "docs"),
    Labelled("""compare these two, which one actually pays more per week once you factor in the hours?

Job A: Assistant Store Manager, £26,500 per year, 45 hours per week, 20 days holiday plus bank holidays.
Job B: Assistant Store Manager, £12.90 per hour, 37.5 hours per week, 28 days holiday including bank holidays, overtime paid at time and a half.""", "docs",
             note="comparing two pasted job ads: docs"),
    Labelled("""what does 4.2 actually mean in plain english

4.2 The Supplier shall not be liable for any failure or delay in performance of its obligations hereunder to the extent that such failure or delay is caused by events beyond its reasonable control, including but not limited to acts of God, strikes, lockouts, shortages of labour or materials, provided always that the Supplier shall notify the Customer in writing within five (5) Business Days of becoming aware of such event.""", "docs",
             note="'explain this clause' with the clause pasted is docs"),
    Labelled("""my kids school sent this, do i actually need to do anything by friday??

Dear Parents/Carers,
Year 3 will be visiting the Natural History Museum on Tuesday 14th. Children should bring a packed lunch in a disposable bag and wear school uniform. The cost of the trip is £12, payable via ParentPay by Friday 10th. If your child has any medical needs not already on our records, please inform the office. Parent volunteers are welcome; please reply to this email if you are able to help.
Kind regards, Mrs Patel""", "docs"),
    Labelled("""make this way shorter, it's for an instagram caption

Every winter, hundreds of people in our town face the impossible choice between heating and eating. Last year, thanks to your generosity, our community pantry handed out over 3,000 food parcels and 400 emergency energy vouchers. This year the need is even greater. A donation of just £10 can feed a family for two days. Please give what you can by following the link in our bio, and share this post so we can reach even more people.""", "docs",
             note="shortening a given text is a rewrite, not inventing new content: docs"),
    Labelled("""get the names, dates and amounts out of this into a table

Dear Sam, thank you so much for passing on the donations from the bake sale. Just to confirm what we received: £45 from Priya Shah on 3 March, £120 from the Oakfield Rotary Club on 5 March, £20 from Tom Weller on 5 March and £62.50 in cash from the Saturday stall on 8 March. Please thank everyone for us!""", "docs",
             note="extracting fields from a pasted email; the text is prose, not program data: docs"),
    Labelled("""I coach an under-14 team and we have training saturday at 11, forecast says 31C. Found this article, based on it should I cancel or just change things?

Exercising in the Heat: Guidance for Youth Sport
Children and adolescents are more susceptible to heat illness than adults, partly because they produce more metabolic heat per kilogram of body weight and have a lower sweating capacity. Heat illness ranges from mild heat cramps to life-threatening heat stroke. Governing bodies generally recommend modifying activity when the Wet Bulb Globe Temperature (WBGT) exceeds 28C and cancelling outdoor sessions above 32C WBGT. Air temperature alone is a poor guide, since humidity and direct sunlight greatly increase heat stress.
Practical modifications include scheduling sessions in the early morning or evening, shortening session length, increasing the frequency of water breaks to every 15-20 minutes, providing shaded rest areas, and reducing the intensity of drills. Coaches should be aware of warning signs such as headache, dizziness, nausea, confusion and a cessation of sweating, and any child showing these should be removed from play, cooled immediately and given fluids. Parents should be asked to send children with at least one litre of water and a hat. Players who have recently been unwell, or who are not acclimatised, are at higher risk and should be monitored closely.
Finally, acclimatisation takes around 7-14 days of gradual exposure, so the first hot sessions of the season carry the greatest risk.""", "docs",
             note="long pasted article with a question about it: docs"),
    Labelled("""are there any nights here where we dont have anywhere to sleep?

Mon 2 Jun: fly into Hanoi, hostel booked (Old Quarter) 2 nights
Wed 4 Jun: bus to Ninh Binh, homestay booked 2 nights
Fri 6 Jun: night bus to Phong Nha
Sat 7 Jun: Phong Nha guesthouse booked 3 nights
Tue 10 Jun: train to Hue
Thu 12 Jun: Hoi An, hostel booked 4 nights""", "docs",
             note="checking a pasted itinerary for gaps: docs"),
    Labelled("""Put this in a friendlier tone for guests please

NOTICE: Housekeeping will NOT service rooms after 3pm. Guests who require service must hang the card on the door BEFORE 10am. Towels left on the floor will be replaced, towels on the rail will NOT. Failure to comply will result in no service.""", "docs"),
    Labelled("""main points, 3 bullets max

Stock meeting notes 12/05 - Attendees: Jo, Marcus, Lina. Marcus said the summer range is arriving two weeks late because of the port delays, so the window changeover moves to 1 June. Lina flagged that we're overstocked on size 6 sandals and suggested a 20% promo. Jo agreed but only after the bank holiday weekend. We also talked about the broken till 3 again, Marcus will chase the engineer. Next meeting 26/05.""", "docs"),
    Labelled("""check my cover letter for grammar, and tell me if anything sounds off or too much

Dear Hiring Manager, I am writing to apply for the position of Guest Relations Supervisor at the Harbour View Hotel. With over five years of experience in luxury hospitality I have developed a passion for creating unforgettable moments for every guest, whom I treat like family. In my current role I have lead a team of 6 receptionists and have improved our review scores by 0.4 points. I am confident that I would be a asset to your team.""", "docs"),
    Labelled("""which of these steps are missing a PPE requirement?

SOP-07 Preparation of 1M NaOH
1. Wear lab coat and safety glasses.
2. Weigh 40 g NaOH pellets into a weighing boat.
3. Add pellets slowly to approx. 800 mL deionised water in a beaker on a stirrer (exothermic!).
4. Once dissolved and cooled, transfer to a 1 L volumetric flask.
5. Make up to the mark with deionised water, wearing nitrile gloves.
6. Label the bottle and store in the corrosives cabinet.""", "docs",
             note="checking a pasted SOP (a natural-language document): docs"),
    Labelled("""sort these into positive / negative / mixed

- "love the new layout, way easier to find stuff"
- "staff were lovely but the queue took 20 mins"
- "why did you stop stocking the oat milk??"
- "great prices, shame the car park is always full"
- "best charity shop in town hands down"
- "rude woman on the till, won't be back"
""", "docs",
             note="classifying given customer comments: docs"),
    Labelled("""got this from the council about our pavement licence for the cafe tables, what are they actually asking me for

Further to your application reference PL/2291, the authority requires the following before a determination can be made: (a) a scaled plan showing the proposed furniture layout and a minimum 1.5 m clear pedestrian route; (b) evidence of public liability insurance of not less than £5 million; (c) confirmation that the site notice was displayed for the full consultation period, with a dated photograph. Failure to provide the above within 14 days may result in the application being refused.""", "docs"),
    Labelled("""condense into one paragraph for the club newsletter

What a game on Sunday! The U12 Lions travelled to Westfield knowing a win would take them top of the league. Westfield started strongly and went 1-0 up after ten minutes from a corner. The Lions responded well and Aisha equalised just before half time with a brilliant curling shot. In the second half we had most of the ball, and after some great passing Leo scored from close range. Westfield hit the post late on but the defence held firm. Player of the match went to our keeper Dan, who made three big saves. Well done everyone, and thanks to all the parents who drove.""", "docs"),
    Labelled("""is there anything in this consent form a parent could find confusing?

I give permission for my child to participate in off-site activities organised by the club. I understand that whilst all reasonable precautions are taken, the club cannot accept liability for loss of or damage to personal property. In the event of a medical emergency I authorise the coach in charge to consent to treatment on my behalf where I cannot be contacted, including the administration of anaesthetic if deemed necessary by medical staff. Photographs may be taken for club purposes unless otherwise stated.""", "docs"),
    Labelled("""turn the following into a FAQ for our website, question and answer format

Our walking tours leave from the fountain in Plaza Mayor every day at 10am and 4pm and last about two and a half hours. They are free, and guides work for tips. No booking is needed for groups under 8; larger groups should email us. Tours run in English and Spanish. The route is mostly flat but involves cobbles, so wear comfy shoes. We go ahead in light rain but cancel in storms, and we post cancellations on Instagram by 9am.""", "docs"),
    Labelled("""whats the actual difference between what these two say about volunteer expenses

OLD POLICY: Volunteers may claim travel expenses at 45p per mile or the cost of public transport. Claims must be submitted within 3 months with receipts.
NEW POLICY: Volunteers may claim reasonable out-of-pocket expenses, including travel (public transport preferred; mileage at 30p per mile where public transport is not practical) and meals on shifts over 6 hours up to £7. Claims must be submitted monthly via the online form. Receipts are required for amounts over £5.""", "docs"),
    Labelled("""which questions in this email do i still need to answer? i think i got most of them on the phone

Hi, we're a group of 14 coming for my mum's 70th on the 21st. Could you let me know: is the private dining room free that evening? Do you do a set menu, and how much per head? Can we bring our own cake, and is there a cakeage fee? Is there step-free access, as my mum uses a walker? And what time would we need to be out by? Thanks, Helen""", "docs",
             note="extracting open questions from a pasted email: docs"),
    Labelled("""translate this guest review into english please, want to show the team

Ho soggiornato tre notti e devo dire che la camera era pulitissima e il letto comodo. La colazione però era un po' scarsa, soprattutto dopo le nove non c'era quasi più niente. Un ringraziamento speciale a Marco alla reception che ci ha consigliato un ristorante fantastico.""", "docs",
             note="translating a given natural-language text: docs; instruction is in English, pasted text in Italian"),
    Labelled("""can u make this sound more professional, its going to the area manager

hey so basically the freezer in the back broke again on tues and we lost like 200 quid of stock, ive called the repair guys 3 times and nobody came. also we are short 2 people for the weekend. need help asap tbh""", "docs"),
    Labelled("""does anything in this abstract overclaim? reviewer 2 was brutal last time

We demonstrate that compound X-17 completely eliminates biofilm formation in Pseudomonas aeruginosa. In a 96-well plate assay (n=3), treatment with 10 uM X-17 reduced crystal violet staining by 62% relative to controls. These results establish X-17 as a promising therapeutic for chronic wound infections in humans and suggest it will outperform current antibiotics.""", "docs",
             note="critiquing a pasted abstract (a document), not code or data: docs"),
    Labelled("""cheapest option here for 2 adults and a 6 year old?

Standard return: adult €48, child (4-11) €24, under 4 free.
Family ticket (2 adults + up to 2 children): €110.
Saver return (book 14+ days ahead): adult €36, child €18.
Day return (same day only): adult €30, child €15.""", "docs",
             note="question about a short pasted price list; it is prose fares, not a data file: docs"),
    Labelled("""someone wrote these steps in the wrong order, can you put them in the order you'd actually do them

- Hand the guest their key cards and explain breakfast times
- Ask for photo ID and the card used for booking
- Greet the guest and ask for the name on the booking
- Take a pre-authorisation on the card
- Find the reservation in the system and confirm dates and room type""", "docs",
             note="reordering a given text; 'the system' is incidental: docs"),
    Labelled("""key dates only pls

The Spring Ball will take place on Saturday 26 April at the Grand Pavilion. Ticket sales open 1 March and close 18 April or when sold out. Auction lots must be confirmed by 4 April, and the printed programme goes to the printer on 10 April. Table plans need to be finalised by 21 April. The debrief meeting will be on 6 May.""", "docs"),
    Labelled("""is this email a scam? it looks off to me

From: Booking.com Partner Support <partner-support@booking-hotels-verify.net>
Subject: URGENT: Your property listing will be suspended
Dear Partner, we have detected unusual activity on your account. To avoid suspension within 24 hours, please confirm your bank details by logging in through the secure link below. Failure to do so will result in cancellation of all upcoming reservations.
Kind regards, Partner Team""", "docs",
             note="judging a pasted email's content; about the text, not about a program: docs"),
    Labelled("""Resúmeme esto en dos líneas, porfa:

Estimado equipo: a partir del próximo lunes, el turno de mañana empezará a las 6:30 en lugar de a las 7:00 para poder preparar los desayunos del grupo de la convención. Este cambio se mantendrá durante dos semanas. Las horas extra se compensarán con días libres en diciembre. Si alguien tiene problemas con el nuevo horario, que hable con Lucía antes del viernes.""", "docs"),
    Labelled("""Tu peux corriger les fautes dans ce message pour les parents de l'équipe ?

Bonjour a tous, l'entrainement de mercredi est annulé a cause du terrain qui est inondé. Le match de samedi est maintenu, rendez-vous a 9h au stade, les enfant doivent amener leurs protège-tibia et une gourde. Merci de me confirmé la présence de votre enfants avant jeudi soir.""", "docs"),
    Labelled("""Welche Punkte aus dieser Hausordnung betreffen Haustiere?

1. Die Nachtruhe gilt von 22 bis 7 Uhr.
2. Hunde sind in den Zimmern gegen eine Gebühr von 15 € pro Nacht erlaubt.
3. Rauchen ist im gesamten Gebäude untersagt.
4. Tiere dürfen nicht unbeaufsichtigt im Zimmer gelassen werden.
5. Der Frühstücksraum ist für Tiere nicht zugänglich, Blindenhunde ausgenommen.
6. Handtücher dürfen nicht mit an den Strand genommen werden.""", "docs"),
    Labelled("""traduz pra inglês por favor, é pra colocar na porta do quarto:

Prezado hóspede, para economizar água, as toalhas só serão trocadas se forem deixadas no chão do banheiro. O café da manhã é servido das 7h às 10h no térreo. Em caso de emergência, ligue para o ramal 9.""", "docs"),
    Labelled("""Questa recensione secondo te è positiva o negativa? Non riesco a capire se è ironica

"Fantastico, abbiamo aspettato solo quaranta minuti per un tavolo prenotato. Il cameriere era così impegnato a guardare il telefono che quasi non ci ha disturbato. La pizza comunque era buona, lo ammetto." """, "docs"),
    Labelled("""Kun je deze tekst herschrijven zodat hij makkelijker te lezen is voor nieuwe vrijwilligers?

Vrijwilligers dienen zich voorafgaand aan aanvang van de dienst te melden bij de dienstdoende coördinator, alwaar registratie van aanwezigheid plaatsvindt ten behoeve van de verzekering. Het is niet toegestaan om zonder voorafgaande toestemming van de coördinator goederen uit het magazijn te verwijderen.""", "docs"),
    Labelled("""Wypisz wszystkie odczynniki i ich ilości z tego protokołu:

Do probówki dodać 10 µl buforu 10x, 2 µl dNTP (10 mM), 1 µl każdego startera (10 µM), 0,5 µl polimerazy Taq i 2 µl matrycy DNA. Uzupełnić wodą wolną od nukleaz do 50 µl. Delikatnie wymieszać i krótko zwirować.""", "docs",
             note="extracting from a pasted lab protocol (prose, not code or data): docs"),
    Labelled("""bu e-postada müşteri tam olarak ne istiyor? biraz karışık yazmış

Merhaba, geçen hafta sizden aldığım ayakkabının bir tekinde dikiş açıldı, ama aslında değiştirmek istemiyorum çünkü aynı modelin başka rengi daha çok hoşuma gitti, fark varsa öderim ama yoksa da parayı geri alabilir miyim bilmiyorum, ya da belki tamir edilebilir mi? Teşekkürler, Ayşe""", "docs"),
    Labelled("""Сделай из этого текста список задач по пунктам:

На собрании решили, что Оля до пятницы обзванивает спонсоров, Дима готовит макет листовки для благотворительного забега, а я бронирую парк на 15 июня. Ещё нужно заказать футболки для волонтёров, но кто этим займётся, пока не решили.""", "docs"),
    Labelled("""Перевір, будь ласка, чи немає помилок у цьому оголошенні:

Шановні покупці! У звязку з інвентаризацією магазин не працюватиме у неділю 12 травня. Вибачте за незручності, чекаем вас у понеділок з 9:00.""", "docs"),
    Labelled("""اختصر هذا النص في ثلاث نقاط:

يسر إدارة الفندق أن تعلن عن افتتاح المطعم الجديد في الطابق العلوي ابتداءً من الأول من الشهر القادم. سيقدم المطعم وجبات الإفطار والعشاء، مع خصم عشرين بالمئة للنزلاء خلال الأسبوع الأول. يرجى من جميع الموظفين إبلاغ النزلاء بذلك عند تسجيل الوصول.""", "docs"),
    Labelled("""इस ईमेल को थोड़ा विनम्र बना दो, ग्राहक को भेजना है:

आपका ऑर्डर अभी तक नहीं आया क्योंकि आपने गलत पता दिया था। अब दोबारा भेजने के लिए 100 रुपये और लगेंगे। जल्दी पैसे भेजिए वरना ऑर्डर कैंसिल हो जाएगा।""", "docs"),
    Labelled("""帮我看看这份退货政策里，顾客在什么情况下不能退款？

本店商品自购买之日起7天内，凭购物小票可办理退换货。特价商品、贴身衣物及已拆封的化妆品不予退款，但特价商品可在3天内换货。商品如有人为损坏，恕不退换。网上订单请通过官网申请退货。""", "docs"),
    Labelled("""以下のメールを英語に訳してください。海外のお客様への返信です。

お問い合わせいただきありがとうございます。ご希望の日程ですが、あいにく和室は満室となっております。洋室でしたらご用意できますが、いかがでしょうか。ご検討のほど、よろしくお願いいたします。""", "docs"),
    Labelled("""이 공지문 좀 더 짧고 깔끔하게 다듬어 줘:

안녕하세요 학부모님들, 다음 주 토요일에 있을 축구 친선경기는 오전 10시에 시작하는데요, 아이들은 늦어도 9시 30분까지는 운동장에 도착해야 하고요, 물이랑 간식은 각자 챙겨 주시면 감사하겠습니다, 그리고 비가 오면 경기는 취소될 수 있으니 단톡방 확인 부탁드려요.""", "docs"),
    Labelled("""đoạn này nói gì vậy, giải thích đơn giản giúp mình với:

Bên thuê có nghĩa vụ thanh toán tiền thuê mặt bằng trước ngày 05 hằng tháng. Trường hợp chậm thanh toán quá 15 ngày, Bên cho thuê có quyền đơn phương chấm dứt hợp đồng mà không phải hoàn trả tiền đặt cọc.""", "docs",
             note="explain this (pasted) clause: docs"),
    Labelled("""Tolong bandingkan dua penawaran hotel ini, mana yang lebih masuk akal buat rombongan 20 orang:

Hotel A: Rp650.000/kamar/malam, 1 kamar untuk 2 orang, sarapan termasuk, gratis ruang meeting setengah hari.
Hotel B: Rp900.000/kamar/malam, 1 kamar untuk 3 orang (extra bed), sarapan Rp75.000/orang, ruang meeting Rp2.000.000/hari.""", "docs"),
    Labelled("""Tafadhali tafsiri ujumbe huu kwa Kiingereza, ni kwa wafadhili wetu:

Tunashukuru sana kwa msaada wenu. Mwaka huu tumejenga visima vitatu vya maji safi na watoto zaidi ya mia mbili sasa wanaenda shule bila kutembea umbali mrefu kutafuta maji.""", "docs"),
    # ---- creative (50)
    Labelled("write a short bedtime story about a hedgehog who's scared of the dark, my son is 4", "creative"),
    Labelled("invent a signature cocktail for our hotel bar's autumn menu - name, ingredients and a little made-up backstory for the menu card", "creative",
             note="inventing a new drink plus a fictional backstory is making something up: creative"),
    Labelled("pitch me 3 names and taglines for a charity fun run raising money for a childrens hospice", "creative",
             note="coming up with names/taglines is invention: creative"),
    Labelled("imagine you're a grumpy 18th century innkeeper and I'm a guest turning up at midnight with no booking. stay in character", "creative",
             note="role play: creative"),
    Labelled("describe our lab's -80 freezer as if it were a haunted castle, it's for the lab christmas card", "creative"),
    Labelled("a limerick about a flaky unit test that only fails on fridays", "creative",
             note="a limerick about a programming topic is creative per policy"),
    Labelled("come up with a chant the under 11s can shout before kick off, nothing too cheesy pls they're at that age", "creative"),
    Labelled("make up a fake legend about how our village got its name, for a walking tour I run. it's called Pen-y-Groes, means top of the crossroads", "creative"),
    Labelled("rap verse about git merge conflicts, make it hard", "creative",
             note="a rap about a programming topic is creative per policy"),
    Labelled("pretend to be a really indecisive customer who wants a sofa but can't choose, so i can practise my sales pitch on you", "creative",
             note="role play for practice: creative"),
    Labelled("create a character for a kids' science museum workshop, a friendly microbe mascot. name, personality, catchphrase", "creative"),
    Labelled("haiku for the shop window, spring sale vibes", "creative"),
    Labelled("write the opening paragraph of a murder mystery set in a hostel in Kraków during a snowstorm", "creative"),
    Labelled("lyrics for our fundraiser to the tune of sweet caroline, about smashing our £10k target", "creative"),
    Labelled("can you dream up a pirate treasure hunt for my daughter's 7th birthday? like a storyline with clues i can hide round the garden, shed, trampoline, bird bath", "creative"),
    Labelled("Describe a hotel lobby at 3am in the style of Raymond Chandler", "creative",
             note="describe-in-a-style, nothing pasted: creative"),
    Labelled("need a bedtime tale where the main character is a football that doesn't want to be kicked anymore", "creative"),
    Labelled("roleplay: you're a nervous new lab intern on your first day and I'm the supervisor showing you around. go", "creative"),
    Labelled("give me a ridiculous made-up 'history' of our office coffee machine for the leaving card of the guy who always fixes it", "creative"),
    Labelled("write a poem about a python script that only works when nobody is watching", "creative",
             note="a poem about a programming topic is creative per policy"),
    Labelled("invent 5 fictional ice cream flavours for a pop-up at the beach with over the top descriptions", "creative"),
    Labelled("sonnet for my wife, 10th anniversary, we met working reception at the same hotel in Brighton and she was terrible at the phone system", "creative"),
    Labelled("Imagine the inner monologue of a suitcase going round and round the baggage carousel at Heathrow", "creative"),
    Labelled("help me write a short pep talk in the voice of a pirate captain for my team before the cup final tomorrow, under 14s", "creative",
             note="original content written in a character voice: creative"),
    Labelled("make up a dragon who lives in a bakery. my toddler wants a new one every night, give me tonight's", "creative"),
    Labelled("story about a charity fundraiser who accidentally raises a million quid, make it funny, about 300 words", "creative"),
    Labelled("could you write a little scene where two rival shop mannequins come to life after closing", "creative"),
    Labelled("flash fiction from the point of view of a petri dish that's been forgotten in the incubator", "creative"),
    Labelled("lets play a game. you're the dungeon master and I'm a backpacker lost in a jungle temple in Laos. describe the first room", "creative"),
    Labelled("funny out-of-office reply written like a pirate, I'm off for 2 weeks backpacking", "creative"),
    Labelled("twinkle twinkle little star but about cron jobs, for a silly slide at our team meeting", "creative",
             note="a parody song about a technical topic is creative per policy"),
    Labelled("I coach 9 year olds and want a short fable with a moral about passing instead of hogging the ball, something I can read at the start of training", "creative"),
    Labelled("Devise a fictional country for my kids' travel agent game - currency, national dish, flag and one weird law", "creative"),
    Labelled("Escríbeme un poema corto para la tarjeta de jubilación de la jefa de recepción, lleva 30 años en el hotel y todos la adoramos", "creative"),
    Labelled("Invente une petite histoire pour endormir ma fille, avec une licorne qui joue au foot", "creative"),
    Labelled("Stell dir vor, du bist ein alter Seemann in einer Hafenkneipe in Hamburg und ich bin ein Tourist, der nach dem Weg fragt. Bleib in der Rolle.", "creative",
             note="role play: creative"),
    Labelled("cria um slogan divertido pra campanha de doação de sangue da nossa ONG", "creative"),
    Labelled("scrivi una filastrocca sul lavarsi le mani per i bambini dell'asilo", "creative"),
    Labelled("Verzin een grappige naam en een achtergrondverhaal voor de mascotte van onze voetbalclub (het is een das)", "creative"),
    Labelled("napisz krótki wiersz o nocnej zmianie w laboratorium, kiedy słychać tylko szum zamrażarek", "creative"),
    Labelled("bir kahve dükkanı için kısa ve esprili bir hikaye yaz: dükkanın kedisi her sabah kasanın üstüne oturuyor", "creative"),
    Labelled("Придумай сказку про ёжика, который работает портье в лесной гостинице", "creative"),
    Labelled("Напиши коротку пісеньку для дитячого футбольного табору, щоб діти співали в автобусі", "creative"),
    Labelled("اكتب قصيدة قصيرة عن السفر وحقيبة الظهر والطرق البعيدة", "creative"),
    Labelled("बच्चों के लिए एक छोटी सी कहानी लिखो जिसमें एक दुकानदार और एक चालाक बंदर हो", "creative"),
    Labelled("想象你是一只住在酒店大堂里的猫，用第一人称讲讲你的一天", "creative"),
    Labelled("商店街の夏祭りのキャッチコピーを5つ考えて。ちょっとレトロな感じで", "creative",
             note="inventing slogans: creative"),
    Labelled("내가 관광객 할 테니까 너는 제주도 민박집 할머니 역할 해줘. 사투리 써도 좋아", "creative",
             note="role play: creative"),
    Labelled("viết giúp mình một bài thơ lục bát ngắn về hai mẹ con đi chợ Tết", "creative"),
    Labelled("bikin cerita pendek lucu tentang pelatih sepak bola yang semua pemainnya kucing", "creative"),
    # ---- code (50)
    Labelled("python script to rename all the photos in a folder to the date they were taken", "code"),
    Labelled("""what does this mean, it was working yesterday

Traceback (most recent call last):
  File "/home/lina/scripts/stock_report.py", line 42, in <module>
    total = totals[row["category"]] + int(row["qty"])
KeyError: 'Homeware'""", "code"),
    Labelled("""tldr this log, which line actually matters?

2025-03-02 02:00:01 INFO  backup.sh starting nightly backup
2025-03-02 02:00:01 INFO  mounting /mnt/nas
2025-03-02 02:00:03 WARN  mount: /mnt/nas already mounted
2025-03-02 02:00:04 INFO  rsync -a /srv/bookings/ /mnt/nas/bookings/
2025-03-02 02:14:57 ERROR rsync: write failed on "/mnt/nas/bookings/2025-03.db": No space left on device (28)
2025-03-02 02:14:57 ERROR rsync error: error in file IO (code 11) at receiver.c(380)
2025-03-02 02:14:58 INFO  unmounting /mnt/nas
2025-03-02 02:14:58 INFO  backup.sh finished with status 11""", "code",
             note="summarising a log from a program is code per policy (like summarising a traceback)"),
    Labelled("excel formula to count how many bookings in column B say no-show AND the date in column C is after 1 march", "code",
             note="spreadsheet formulas are about a tool: code"),
    Labelled("how do i make a google sheet email me when the stock number in column D drops below 5", "code",
             note="automating a tool (Apps Script/triggers): code"),
    Labelled("""translate this VBA macro to python please, we're getting rid of excel for this

Sub CleanNames()
    Dim r As Long
    For r = 2 To Cells(Rows.Count, 1).End(xlUp).Row
        Cells(r, 1).Value = Trim(UCase(Cells(r, 1).Value))
        If Cells(r, 3).Value = "" Then Cells(r, 3).Value = "UNKNOWN"
    Next r
End Sub""", "code",
             note="translation between programming languages is code per policy"),
    Labelled("""my plate reader exports a csv like this, how do I get the mean of each triplicate in pandas

Well,Sample,Rep,OD600
A1,WT,1,0.412
A2,WT,2,0.398
A3,WT,3,0.405
B1,dLacZ,1,0.221
B2,dLacZ,2,0.235
B3,dLacZ,3,0.229""", "code"),
    Labelled("regex for uk postcodes", "code"),
    Labelled("cron job to back up /var/www every night at 2am and only keep the last 7 days", "code"),
    Labelled("""why does this return None??

def apply_discount(price, member):
    if member:
        price = price * 0.9
    else:
        price
    print(round(price, 2))

total = apply_discount(24.99, True)""", "code",
             note="pasted code without a fence: code"),
    Labelled("""this takes forever on our bookings table (about 2M rows), any ideas?

SELECT * FROM bookings b
WHERE YEAR(b.check_in) = 2024
AND b.guest_id IN (SELECT guest_id FROM guests WHERE country LIKE '%land%')
ORDER BY b.created_at DESC""", "code"),
    Labelled("how to see which process is using port 8080 on a mac", "code"),
    Labelled("git says i'm in 'detached HEAD' state, what did i do and how do i get back to my branch without losing stuff", "code"),
    Labelled(r"can you explain what this does before i run it on the shared drive: find . -name '*.tmp' -mtime +7 -exec rm {} \;", "code",
             note="explaining a shell command is code, not docs"),
    Labelled("""Our till system exports sales like below. I want a weekly total per category, what's the easiest way? happy to use python or excel

date,sku,category,qty,price
2025-04-01,TS-001,T-shirts,2,12.00
2025-04-01,MG-014,Mugs,1,8.50
2025-04-02,TS-003,T-shirts,1,15.00
2025-04-03,PC-101,Postcards,6,1.20""", "code",
             note="pasted data to be processed: code"),
    Labelled("""summarise this docker compose file for me, what does it actually start?

services:
  db:
    image: postgres:16
    volumes: [pgdata:/var/lib/postgresql/data]
  app:
    build: .
    depends_on: [db]
    ports: ["8000:8000"]
  worker:
    build: .
    command: celery -A app worker
volumes:
  pgdata:""", "code",
             note="'summarise' of a config file for a program is code, like a traceback"),
    Labelled("is there a way to auto-fill our donor thank-you letters in word from a spreadsheet of names and amounts? mail merge or something?", "code",
             note="how to make tools (Word/Excel) do a job is 'about programs, tools': code"),
    Labelled("error: externally-managed-environment when i pip install anything on ubuntu 24.04", "code"),
    Labelled("""convert this to a csv with columns name, email, amount

[{"donor": {"name": "Ruth Obi", "email": "ruth@example.org"}, "gift": {"amount": 25}},
 {"donor": {"name": "Kwame Mensah", "email": "kwame@example.org"}, "gift": {"amount": 100}},
 {"donor": {"name": "Lee Sun", "email": null}, "gift": {"amount": 10}}]""", "code",
             note="pasted JSON data: code"),
    Labelled("arduino code for a temp logger in the incubator, DS18B20 sensor, write to SD card every 5 min", "code"),
    Labelled("""why does my loop skip every other item

rooms = ["101", "102", "103", "104", "105"]
for r in rooms:
    if r.startswith("10"):
        rooms.remove(r)
print(rooms)""", "code"),
    Labelled("write a function that splits a restaurant bill plus 12.5% service between n people, rounding everyone up to the nearest 10p", "code"),
    Labelled("the booking widget on our site shows the wrong dates, only on safari. console just says Invalid Date", "code"),
    Labelled("powershell to list every file over 1GB on the S: drive with who owns it", "code"),
    Labelled("in R how do i run a t-test for each gene (rows) between two groups of columns and then adjust the p values", "code"),
    Labelled("""make this faster, it takes ages with 5000 guests

matches = []
for g in guests:
    for b in blacklist:
        if g["email"].lower() == b["email"].lower():
            matches.append(g)""", "code"),
    Labelled("simplest way to put a fixtures list on our football club website that updates from a google sheet? i'm not a developer", "code"),
    Labelled("""nginx gives 502 bad gateway since i updated the server, error log below

2025/05/11 09:12:44 [error] 1182#1182: *37 connect() to unix:/run/php/php8.1-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 81.2.69.160, server: thegreenhostel.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "thegreenhostel.com"
2025/05/11 09:12:45 [error] 1182#1182: *38 connect() to unix:/run/php/php8.1-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 81.2.69.160, server: thegreenhostel.com, request: "GET /favicon.ico HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.1-fpm.sock:", host: "thegreenhostel.com" """, "code"),
    Labelled("how do i stop excel turning gene names like SEPT2 and MARCH1 into dates every time i open the file", "code",
             note="a problem with a tool (Excel): code"),
    Labelled("""write some unit tests for this pls

def nights_between(check_in, check_out):
    if check_out <= check_in:
        raise ValueError("check_out must be after check_in")
    return (check_out - check_in).days""", "code"),
    Labelled("""can you turn this into javascript so it runs in the browser on our kiosk

def loyalty_points(total, is_member):
    points = int(total // 1)
    if is_member:
        points *= 2
    return min(points, 500)""", "code",
             note="translation between programming languages: code"),
    Labelled("""our self check-in kiosk app keeps dying overnight. here's the log from last night, sorry it's long

[2025-06-03 23:58:01] kiosk[2211]: INFO heartbeat ok mem=212MB
[2025-06-04 00:13:01] kiosk[2211]: INFO heartbeat ok mem=248MB
[2025-06-04 00:28:01] kiosk[2211]: INFO heartbeat ok mem=291MB
[2025-06-04 00:43:01] kiosk[2211]: INFO heartbeat ok mem=335MB
[2025-06-04 00:58:01] kiosk[2211]: INFO heartbeat ok mem=377MB
[2025-06-04 01:00:00] kiosk[2211]: INFO sync: fetching reservations for 2025-06-04 (142 records)
[2025-06-04 01:00:04] kiosk[2211]: WARN sync: image cache size 1893 entries, no eviction configured
[2025-06-04 01:13:01] kiosk[2211]: INFO heartbeat ok mem=512MB
[2025-06-04 01:28:01] kiosk[2211]: INFO heartbeat ok mem=557MB
[2025-06-04 01:43:01] kiosk[2211]: INFO heartbeat ok mem=601MB
[2025-06-04 01:58:01] kiosk[2211]: INFO heartbeat ok mem=646MB
[2025-06-04 02:00:00] kiosk[2211]: INFO sync: fetching reservations for 2025-06-04 (142 records)
[2025-06-04 02:00:05] kiosk[2211]: WARN sync: image cache size 2035 entries, no eviction configured
[2025-06-04 02:13:01] kiosk[2211]: INFO heartbeat ok mem=788MB
[2025-06-04 02:28:01] kiosk[2211]: INFO heartbeat ok mem=833MB
[2025-06-04 02:43:01] kiosk[2211]: INFO heartbeat ok mem=879MB
[2025-06-04 02:58:01] kiosk[2211]: INFO heartbeat ok mem=921MB
[2025-06-04 03:00:00] kiosk[2211]: INFO sync: fetching reservations for 2025-06-04 (142 records)
[2025-06-04 03:00:06] kiosk[2211]: WARN sync: image cache size 2177 entries, no eviction configured
[2025-06-04 03:09:42] kernel: Out of memory: Killed process 2211 (kiosk) total-vm:2311044kB, anon-rss:1003320kB
[2025-06-04 03:09:43] systemd[1]: kiosk.service: Main process exited, code=killed, status=9/KILL
[2025-06-04 03:09:43] systemd[1]: kiosk.service: Failed with result 'signal'.

any idea what's going on?""", "code",
             note="long paste of logs is code per policy, even if long"),
    Labelled("¿Cómo hago una macro en Excel que copie las reservas de cada día a una hoja nueva con la fecha como nombre?", "code"),
    Labelled("j'ai cette erreur quand je lance mon script : ModuleNotFoundError: No module named 'openpyxl', je fais quoi ?", "code"),
    Labelled("Schreib mir ein Python-Skript, das alle PDFs in einem Ordner zu einer einzigen Datei zusammenfügt", "code"),
    Labelled("como faço pra contar quantas vezes cada produto aparece numa coluna do google planilhas?", "code",
             note="spreadsheet formula question, about a tool: code"),
    Labelled("perché questo mi dà IndexError? for i in range(len(lista)+1): print(lista[i])", "code"),
    Labelled("Hoe kan ik met een bash-script elke ochtend de temperatuurlogs van de koelkasten naar mijn mail sturen?", "code"),
    Labelled("mam błąd 'Permission denied (publickey)' przy git push, co jest nie tak?", "code"),
    Labelled("SQL'de aynı müşterinin iki kez kayıtlı olduğu satırları nasıl bulurum? e-posta aynı ama isim farklı yazılmış olabiliyor", "code"),
    Labelled("Объясни, что делает этот код: df.groupby('sample').agg({'od600': 'mean'}).reset_index()", "code"),
    Labelled("Напиши функцію на JavaScript, яка перевіряє, чи правильний формат номера телефону в формі бронювання", "code"),
    Labelled('عندي خطأ في بايثون: TypeError: can only concatenate str (not "int") to str ما معناه وكيف أصلحه؟', "code"),
    Labelled("मुझे एक पायथन स्क्रिप्ट चाहिए जो होटल की बुकिंग वाली CSV फ़ाइल से हर महीने की कुल कमाई निकाल दे", "code"),
    Labelled("怎么用Python批量把实验室仪器导出的txt文件转换成Excel表格？", "code"),
    Labelled("このエラーの意味を教えてください：npm ERR! code ERESOLVE unable to resolve dependency tree", "code"),
    Labelled("엑셀에서 VLOOKUP 말고 XLOOKUP 쓰는 법 알려줘. 재고 시트에서 상품코드로 가격 찾으려고", "code",
             note="spreadsheet function, about a tool: code"),
    Labelled("viết giúp mình đoạn code python gửi tin nhắn telegram mỗi khi có đơn hàng mới trên website", "code"),
    Labelled("gimana cara bikin rumus di spreadsheet buat ngitung umur anak-anak dari tanggal lahir? buat data peserta klub bola", "code",
             note="spreadsheet formula, about a tool: code"),
    Labelled("Nawezaje kuandika script ya Python kusoma faili la CSV la michango na kujumlisha kiasi kwa kila mwezi?", "code"),
]
