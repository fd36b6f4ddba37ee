"""Held-out set F1 for the auto router: written by hand by a helper session (an LLM assistant started for this task) on 2026-12-02 (UTC), working only in /work/setf1, from the written labelling policy alone, without seeing the router's code, its training examples, or any other held-out set. 200 prompts, 50 per role, about a third not in English."""

from __future__ import annotations

from typing import NamedTuple


class Labelled(NamedTuple):
    text: str
    role: str
    note: str = ""


HELDOUT_F1: list[Labelled] = [
    # ------------------------------------------------------------------ code
    Labelled("why does git say 'detached HEAD' after i checked out a tag", "code"),
    Labelled("regex for uk postcodes?", "code"),
    Labelled("whats the actual difference between a process and a thread", "code", note="programming concept asked as a question, no code"),
    Labelled("=VLOOKUP(A2,Sheet2!A:C,3,FALSE) gives #N/A but i can literally see the value in sheet2. trailing spaces?", "code"),
    Labelled(
        "can you summarise what went wrong here, i'm not the dev, just need to tell them\n\n"
        "Traceback (most recent call last):\n"
        "  File \"/opt/billing/jobs/export.py\", line 88, in <module>\n"
        "    main()\n"
        "  File \"/opt/billing/jobs/export.py\", line 71, in main\n"
        "    rows = fetch_invoices(conn, since=args.since)\n"
        "  File \"/opt/billing/db.py\", line 34, in fetch_invoices\n"
        "    cur.execute(QUERY, (since,))\n"
        "psycopg2.errors.UndefinedColumn: column \"issued_at\" does not exist\n"
        "LINE 1: SELECT id, customer_id, total, issued_at FROM invoices WHERE...\n"
        "                                       ^\n"
        "HINT:  Perhaps you meant to reference the column \"invoices.issue_date\".",
        "code", note="summarising a traceback is code per policy"),
    Labelled(
        "getting 502 bad gateway since i changed this, app runs fine on 3000 locally\n\n"
        "server {\n"
        "    listen 80;\n"
        "    server_name intranet.example.local;\n\n"
        "    location / {\n"
        "        proxy_pass http://localhost:3001;\n"
        "        proxy_set_header Host $host;\n"
        "        proxy_set_header X-Real-IP $remote_addr;\n"
        "        proxy_http_version 1.1;\n"
        "        proxy_set_header Upgrade $http_upgrade;\n"
        "        proxy_set_header Connection \"upgrade\";\n"
        "    }\n\n"
        "    location /static/ {\n"
        "        alias /var/www/intranet/static/;\n"
        "    }\n"
        "}",
        "code"),
    Labelled("docker compose up -> Bind for 0.0.0.0:5432 failed: port is already allocated. nothing else is running i think??", "code"),
    Labelled("how do i see what process is listening on port 8080 (ubuntu)", "code"),
    Labelled("sql query: second highest salary in each department, ties count as one", "code"),
    Labelled(
        "translate this python to go pls, keep it simple no generics\n\n"
        "def dedupe_emails(rows):\n"
        "    seen = set()\n"
        "    out = []\n"
        "    for r in rows:\n"
        "        email = r.get(\"email\", \"\").strip().lower()\n"
        "        if not email or email in seen:\n"
        "            continue\n"
        "        seen.add(email)\n"
        "        out.append({\"name\": r.get(\"name\", \"\"), \"email\": email})\n"
        "    return out\n\n"
        "if __name__ == \"__main__\":\n"
        "    data = [{\"name\": \"Ana\", \"email\": \"Ana@x.com \"}, {\"name\": \"Bo\", \"email\": \"ana@x.com\"}]\n"
        "    print(dedupe_emails(data))",
        "code", note="translating code between languages is code, not docs"),
    Labelled("pod stuck in CrashLoopBackOff, where do i even start looking", "code"),
    Labelled("is storing the jwt in localStorage actually that bad or is it just twitter drama", "code"),
    Labelled("powershell one liner: list every file over 1GB on D:\\ sorted by size", "code"),
    Labelled(
        "service wont start after reboot, journalctl says:\n\n"
        "Mar 03 08:14:02 app01 systemd[1]: Starting Reporting API...\n"
        "Mar 03 08:14:03 app01 reporting-api[1182]: Error: EACCES: permission denied, open '/var/log/reporting/api.log'\n"
        "Mar 03 08:14:03 app01 reporting-api[1182]:     at Object.openSync (node:fs:601:3)\n"
        "Mar 03 08:14:03 app01 systemd[1]: reporting-api.service: Main process exited, code=exited, status=1/FAILURE\n"
        "Mar 03 08:14:03 app01 systemd[1]: reporting-api.service: Failed with result 'exit-code'.\n"
        "Mar 03 08:14:08 app01 systemd[1]: reporting-api.service: Scheduled restart job, restart counter is at 5.\n"
        "Mar 03 08:14:08 app01 systemd[1]: Failed to start Reporting API.",
        "code"),
    Labelled("what does set -euo pipefail actually do at the top of a script", "code"),
    Labelled("how to rename a bunch of files from IMG_1234.jpg to 2024-trip-1234.jpg in bash", "code"),
    Labelled("pandas: groupby customer_id and keep only groups with more than 3 orders", "code"),
    Labelled(
        "turn this into json, array of objects, numbers as numbers\n\n"
        "sku,name,qty,price\n"
        "A-1001,Blue mug,12,4.50\n"
        "A-1002,Red mug,0,4.50\n"
        "B-2001,Desk lamp,3,22.90\n"
        "B-2002,Desk lamp (white),7,22.90\n"
        "C-3001,USB-C cable 1m,48,6.99\n"
        "C-3002,USB-C cable 2m,31,8.49\n"
        "D-4001,Notebook A5 dotted,120,3.20\n"
        "D-4002,Notebook A4 lined,64,3.90\n"
        "E-5001,Whiteboard markers x4,25,5.75",
        "code", note="pasted data to convert between formats: code, not docs"),
    Labelled("need a bash script that tars /etc every night and keeps the last 7", "code"),
    Labelled("can someone explain recursion without the factorial example, i never get it", "code", note="'explain' of a programming concept: code"),
    Labelled("=SUMIFS(C:C,A:A,\"North\",B:B,\">=01/01/2024\") returns 0, the dates are real dates not text", "code"),
    Labelled(
        "actions keeps failing with 'mapping values are not allowed here' somewhere around the deploy step, what's wrong\n\n"
        "name: deploy\n"
        "on:\n"
        "  push:\n"
        "    branches: [main]\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - name: Install\n"
        "        run: npm ci\n"
        "      - name: Test\n"
        "        run: npm test -- --reporter=dot\n"
        "      - name: Deploy: prod\n"
        "        run: ./scripts/deploy.sh\n"
        "        env:\n"
        "          TOKEN: ${{ secrets.DEPLOY_TOKEN }}",
        "code"),
    Labelled("undo last commit but keep my changes", "code"),
    Labelled("certbot renew fails with 'too many failed authorizations recently', what now", "code"),
    Labelled("big O of dict lookup in python, is it really O(1)", "code"),
    Labelled(
        "tidy up the docstring and comments in this, keep the logic as is\n\n"
        "def calc_disc(p, q, c=None):\n"
        "    # calc discount\n"
        "    # p = price q = qty c= customer\n"
        "    \"\"\"does the discount thing\"\"\"\n"
        "    d = 0\n"
        "    if q > 100: d = 0.1  # bulk\n"
        "    if c and c.get('tier') == 'gold':\n"
        "        d += 0.05 # gold gets extra\n"
        "    return round(p * q * (1 - d), 2)",
        "code", note="pasted code, even though the edit is to the prose inside it"),
    Labelled("how do i make a cell show 'overdue' if the date in column B is before today", "code", note="spreadsheet formula"),
    Labelled("best way to rotate logs for a node app w/o losing lines during rotation", "code"),
    Labelled("what is a race condition? got asked in an interview and totally blanked", "code", note="programming concept asked as a question"),
    Labelled("git stash vs git worktree when i have to jump to a hotfix mid-feature", "code"),
    Labelled("my .env isn't being picked up by docker compose, the variables come out empty", "code"),
    Labelled("chmod 755 vs 644 for a web folder, which one", "code"),
    Labelled("cómo hago un left join entre clientes y pedidos pero solo con pedidos de 2024? uso mysql", "code"),  # lang: es
    Labelled("pourquoi j'ai ModuleNotFoundError: No module named 'requests' alors que j'ai fait pip install requests ??", "code"),  # lang: fr
    Labelled("Wie markiere ich in Excel doppelte Werte in Spalte B, aber erst ab Zeile 2?", "code", note="spreadsheet task"),  # lang: de
    Labelled("como faço pro git parar de pedir usuário e senha toda vez no windows", "code"),  # lang: pt
    Labelled("что значит 'Permission denied (publickey)' при git push? ключ вроде добавил", "code"),  # lang: ru
    Labelled("dockerコンテナのタイムゾーンを日本時間にしたいんだけど、alpineベースだとどうやるの？", "code"),  # lang: ja
    Labelled(
        "这个报错是什么意思？昨天还好好的\n\n"
        "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.trim()\" because \"cfg.region\" is null\n"
        "\tat com.acme.sync.ConfigLoader.normalize(ConfigLoader.java:57)\n"
        "\tat com.acme.sync.ConfigLoader.load(ConfigLoader.java:31)\n"
        "\tat com.acme.sync.Main.main(Main.java:19)\n\n"
        "config.yaml:\n"
        "endpoint: https://api.acme.internal\n"
        "timeout: 30\n"
        "retries: 3\n"
        "# region: eu-west-1\n"
        "batch_size: 500",
        "code"),  # lang: zh
    Labelled("리눅스 디스크 꽉 찼는데 용량 큰 파일 찾는 명령어 뭐였지", "code"),  # lang: ko
    Labelled("postgresql'de bir tablonun diskte ne kadar yer kapladığını nasıl görürüm", "code"),  # lang: tr
    Labelled("regex na numer telefonu w formacie +48 123 456 789, spacje opcjonalne", "code"),  # lang: pl
    Labelled("il cron non parte mai, la riga è */5 * * * * /home/app/run.sh >> /tmp/log 2>&1 e lo script a mano funziona", "code"),  # lang: it
    Labelled("wat is nou eigenlijk het verschil tussen een list en een tuple in python", "code", note="programming concept"),  # lang: nl
    Labelled("bị lỗi CORS khi gọi api từ react sang backend express, sửa kiểu gì vậy", "code"),  # lang: vi
    Labelled("gimana cara bikin virtual environment python di windows, pake venv", "code"),  # lang: id
    Labelled("ما الفرق بين git merge و git rebase؟ ومتى أستخدم كل واحد؟", "code"),  # lang: ar
    Labelled("मेरी SQL query बहुत slow चल रही है, 2 million rows हैं, index कैसे लगाऊं?", "code"),  # lang: hi (mixed with en)
    Labelled("איך מריצים סקריפט powershell כשהוא נחסם בגלל execution policy?", "code"),  # lang: he
    Labelled(
        "kannst du mir erklären was hier schiefläuft? der build auf dem jenkins bricht immer ab\n\n"
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project lager-service: Compilation failure\n"
        "[ERROR] /var/lib/jenkins/workspace/lager/src/main/java/de/firma/lager/BestandService.java:[42,17] cannot find symbol\n"
        "[ERROR]   symbol:   method getMindestbestand()\n"
        "[ERROR]   location: variable artikel of type de.firma.lager.model.Artikel\n"
        "[ERROR] -> [Help 1]",
        "code", note="German request around an English build log"),  # lang: de (mixed with en log)

    # ------------------------------------------------------------------ docs
    Labelled(
        "make this less passive aggressive, i need to send it to finance today\n\n"
        "Hi Mark,\n\n"
        "As per my last three emails, I am still waiting on the approval for the Q2 vendor invoices. "
        "I understand everyone is busy, but some of us also have deadlines. The suppliers have now contacted me twice "
        "and I have run out of ways to explain why we haven't paid them. If there is a reason this is stuck, "
        "it would be great to actually hear it rather than guess.\n\n"
        "Thanks,\nPriya",
        "docs", note="rewrite of a given email without a rewrite verb"),
    Labelled(
        "tl;dr pls\n\n"
        "The city council voted on Tuesday to extend the pilot program that lets restaurants use parking spaces for outdoor "
        "seating until the end of next year. Supporters said the program had helped small businesses recover after the pandemic "
        "and made streets livelier in the evenings. Opponents, mainly shop owners on Harbor Street, argued that the loss of about "
        "140 parking spaces has cut foot traffic and made deliveries harder. The council also asked the transport department to "
        "report by June on whether a permanent scheme should charge restaurants a monthly fee per space.",
        "docs", note="'program' here is a city scheme, not software"),
    Labelled(
        "what's the notice period here and is it different for the employer?\n\n"
        "12. Termination. Either party may terminate this Agreement by giving the other party not less than one (1) month's "
        "written notice during the Probationary Period. Following the Probationary Period, the Employee shall give not less than "
        "three (3) months' written notice, and the Company shall give notice in accordance with the statutory minimum or three (3) "
        "months, whichever is greater. The Company may, at its sole discretion, pay salary in lieu of notice.",
        "docs", note="question answered from a pasted clause"),
    Labelled(
        "can u fix the grammar only, dont change the story: 'The lighthouse keeper have not seen a ship since three year. "
        "Every night he light the lamp anyway, because he was promise his father he will never let it go dark.'",
        "docs", note="fixing grammar of one's own story draft is docs, not creative"),
    Labelled(
        "pull out every date and amount from this:\n\n"
        "Invoice #INV-20931 issued 14 Feb 2024 to Kerrigan Logistics Ltd. Services: warehouse storage Jan 2024 (£1,240.00), "
        "handling fees (£315.50), late delivery surcharge applied on 29 Jan (£60.00). Previous balance of £410.00 from invoice "
        "INV-20877 dated 12 Jan 2024 remains outstanding. Payment due within 30 days, i.e. by 15 Mar 2024. A 2% discount applies "
        "if paid before 29 Feb 2024.",
        "docs", note="extraction from given prose; not tabular data"),
    Labelled(
        "do these two contradict each other?\n\n"
        "A) Staff may work remotely up to three days a week and must be in the office on Tuesdays.\n\n"
        "B) Managers cannot refuse a remote request of up to two days a week, and there are no mandatory office days.",
        "docs"),
    Labelled(
        "turn this into action items w/ owners and dates\n\n"
        "notes from ops sync 4/11: warehouse B still short 2 forklift drivers, jen talking to agency, hopefully by end of month. "
        "new label printer arrived but IT hasn't set it up - tom to chase. customer complaints about late deliveries up 12% vs march, "
        "mostly the north route; sam will look at the route plan before next sync. budget for q3 overtime needs sign off, waiting on "
        "dave. also remind everyone about the fire drill on the 18th.",
        "docs"),
    Labelled(
        "which of these are about delivery?\n"
        "1. arrived two days late and the box was crushed\n"
        "2. love the color, fits perfectly\n"
        "3. courier left it at the wrong house\n"
        "4. stopped working after a week\n"
        "5. tracking said delivered but nothing came\n"
        "6. great value for the price",
        "docs", note="classifying given texts"),
    Labelled(
        "shorter for linkedin, keep the thank yous: After six wonderful years at Brightline I'm moving on to a new chapter. "
        "Thank you to my manager Carla for believing in me from day one and to the support team for all the late nights."
        " Next month I'm joining a small healthtech startup as head of customer success.",
        "docs", note="shortening a given text"),
    Labelled(
        "does this stop me from telling my wife what project i'm on?\n\n"
        "\"Recipient shall not disclose Confidential Information to any third party, including without limitation family members, "
        "except to its employees and professional advisers who need to know such information for the Purpose and who are bound by "
        "obligations of confidentiality no less restrictive than those herein. Confidential Information includes the existence and "
        "nature of the discussions between the parties.\"",
        "docs", note="question about a pasted NDA clause"),
    Labelled(
        "what's different between these two postings, same company:\n\n"
        "Posting 1: Data Analyst, hybrid (2 days office), SQL and Tableau required, Python nice to have, salary 45-52k.\n\n"
        "Posting 2: Data Analyst, fully remote, SQL and Power BI required, Python required, salary 48-55k.",
        "docs", note="comparing two given texts; mentions SQL/Python only as job requirements"),
    Labelled(
        "put into a table (name | role | start date): Maria joined as office manager on 3 June. Kenji starts 1 July as a junior "
        "accountant. Our new receptionist, Lola, started on 20 May. And Farid moves from sales to account management on 15 July.",
        "docs", note="restructuring given prose"),
    Labelled(
        "what does this mean in plain english: 'Notwithstanding anything to the contrary herein, the Lessor's aggregate liability "
        "shall not exceed the Rent paid in the twelve (12) months preceding the claim.'",
        "docs", note="explaining a given clause is docs"),
    Labelled("more formal pls: hey guys, server's down again, we're on it, should be back in an hour or so, sorry!!", "docs", note="rewriting a given status message; the text is prose, not a log"),
    Labelled(
        "any typos? 'Greenfield Foods is proud to annouce the opening of it's third distribution center in Ohio, creating over 200 "
        "new jobs. The facility, wich will open in september, will serve retailers accross the midwest.'",
        "docs"),
    Labelled(
        "these onboarding steps are in a weird order, can you sort them into something logical?\n"
        "- attend the welcome lunch on friday\n"
        "- sign the employment contract\n"
        "- collect your laptop from IT\n"
        "- set up your email password\n"
        "- do the fire safety training\n"
        "- receive your badge at reception on day one",
        "docs", note="restructuring a given list"),
    Labelled(
        "what is the author actually arguing here? read it twice and i'm lost\n\n"
        "\"It is tempting to treat productivity tools as neutral, as if a calendar app or a task manager simply records what we "
        "already intend to do. Yet every such tool embeds a theory of work: that tasks are discrete, that time is divisible into equal "
        "blocks, that the good worker is the one who completes the most items. When we adopt the tool, we quietly adopt the theory, "
        "and we begin to judge our days by how well they fit it rather than by what they produced.\"",
        "docs", note="question about a pasted essay; 'tools' are not software questions here"),
    Labelled(
        "bullets pls: Expenses must be submitted within 60 days of being incurred. Receipts are required for any item above €25. "
        "Alcohol is not reimbursable except at approved client entertainment events. Mileage is paid at the current national rate "
        "and must be logged with start and end locations.",
        "docs"),
    Labelled(
        "label each as billing, technical or account:\n"
        "- charged twice this month\n"
        "- can't log in after password reset\n"
        "- app crashes when uploading photo\n"
        "- want to change the email on my account\n"
        "- refund still not received\n"
        "- how do i delete my profile",
        "docs", note="classifying given ticket subjects, not debugging"),
    Labelled(
        "is this ok to send to an angry customer or too cold? 'We have reviewed your case. Per our terms, refunds are not available "
        "after 30 days. We consider this matter closed.'",
        "docs", note="checking tone of a given reply"),
    Labelled(
        "which sentence here is the weakest? 'Our team delivered strong results in Q1. Revenue grew 8%. Also some other stuff happened. "
        "Customer churn fell to its lowest level in two years.'",
        "docs"),
    Labelled(
        "subject line for this email? Hi all, the 3rd floor kitchen will be closed Mon-Wed next week for repairs. Please use the "
        "2nd floor kitchen and label your food in the shared fridge.",
        "docs", note="a subject line condenses the given email (summary-like), not free invention"),
    Labelled(
        "does my cover letter actually answer what the ad asked for? ad: 'looking for someone with event planning experience and "
        "fluent german'. letter: 'I have five years of experience organising conferences for up to 800 guests and I am comfortable "
        "working in English and French.'",
        "docs"),
    Labelled(
        "answer from the text only: when does the warranty start? 'The warranty period of 24 months begins on the date of delivery "
        "to the end customer, not the date of purchase, provided the product is registered within 90 days.'",
        "docs"),
    Labelled(
        "split this into 2 or 3 sentences: Following the reorganisation announced in March and in light of the feedback gathered "
        "during the staff survey, the leadership team has decided to merge the marketing and communications departments with effect from 1 September.",
        "docs"),
    Labelled("make this sound less like a robot wrote it: 'We are excited to leverage synergies to deliver best-in-class solutions that empower stakeholders.'", "docs"),
    Labelled(
        "what deadlines are in the text below?\n\n"
        "Applications for the graduate scheme open on 2 October and close at midnight on 15 November. Final interviews are held between 8 and 19 January "
        "and offers go out by the end of January.",
        "docs"),
    Labelled(
        "is this paraphrased enough or too close? original: 'Sleep deprivation impairs decision making more than most people realise.' "
        "mine: 'Lack of sleep harms decision making more than most people realise.'",
        "docs"),
    Labelled(
        "which is the strongest opening line for the newsletter? 1) 'Welcome to the spring edition!' 2) 'Three things changed in the "
        "office this month, and one of them is your parking.' 3) 'Here is our latest news.'",
        "docs", note="comparing given texts, nothing new to invent"),
    Labelled(
        "make a short faq out of this: Parking is free for staff in lot C. Visitors must register at reception and get a day pass. "
        "Bikes can be stored in the basement cage; ask facilities for the code. EV chargers are on level -1, max 4 hours.",
        "docs", note="'code' is a door code; restructuring a given text"),
    Labelled("passive voice: The committee rejected the proposal after the auditors raised concerns.", "docs"),
    Labelled(
        "which bits are opinion and which are fact? 'The new bridge cost 40 million euros. It is an eyesore. It opened in 2021, "
        "two years late. Most residents think it was a waste of money.'",
        "docs"),
    Labelled(
        "resúmeme este correo en dos líneas, porfa\n\n"
        "Estimado equipo: Les recordamos que a partir del próximo lunes entrará en vigor el nuevo horario de atención al cliente, "
        "de 8:00 a 18:00 de lunes a viernes. Los sábados la oficina permanecerá cerrada, pero el servicio de soporte telefónico "
        "seguirá disponible de 9:00 a 13:00. Les pedimos que actualicen sus firmas de correo electrónico y que informen a los "
        "clientes con los que tengan reuniones programadas. Cualquier duda, pueden escribir a recursos humanos. Saludos cordiales, Dirección.",
        "docs"),  # lang: es
    Labelled(
        "traduis en anglais stp : « Nous vous informons que votre contrat de maintenance arrivera à échéance le 31 mars. "
        "Sans réponse de votre part, il sera reconduit automatiquement pour une durée d'un an. »",
        "docs"),  # lang: fr
    Labelled(
        "Kannst du den Absatz etwas freundlicher machen? „Wir haben Ihre Anfrage erhalten. Eine Bearbeitung vor Ende des Monats "
        "ist nicht möglich. Bitte sehen Sie von weiteren Nachfragen ab.“",
        "docs"),  # lang: de
    Labelled(
        "quais são as obrigações do inquilino segundo o texto abaixo?\n\n"
        "Cláusula 7ª – O LOCATÁRIO obriga-se a pagar pontualmente o aluguel e os encargos de condomínio, a conservar o imóvel em "
        "boas condições de higiene e limpeza, e a restituí-lo, ao final da locação, no estado em que o recebeu, salvo o desgaste "
        "natural do uso. É vedado ao LOCATÁRIO sublocar ou emprestar o imóvel, no todo ou em parte, sem o consentimento prévio e "
        "por escrito do LOCADOR. Eventuais reformas dependerão igualmente de autorização escrita.",
        "docs", note="extracting obligations from a pasted lease clause"),  # lang: pt
    Labelled(
        "correggi gli errori in questa mail prima che la mando al cliente: 'Buongiorno, come da accordi le invio in allegato il "
        "preventivo aggiornato, rimango a disposizione per qualsiasi chiarimenti. Cordiali saluti'",
        "docs"),  # lang: it
    Labelled("以下の文章を取引先向けの丁寧な敬語に直してください：「明日の打ち合わせ、ちょっと遅れます。資料はあとで送ります。」", "docs"),  # lang: ja
    Labelled(
        "把下面这段会议记录整理成几个要点，发给没来开会的同事\n\n"
        "今天下午市场部和销售部开了会，主要讨论了第三季度的推广计划。市场部提出在九月份做一次线上直播活动，预算大约二十万元，"
        "需要销售部提供重点客户名单。销售部担心直播效果不好衡量，建议先在华东区试点。最后大家同意先试点一个月，由王经理负责整体协调，"
        "李娜负责准备客户名单，下周三之前把方案初稿发到群里。另外，展会的展位费已经确认，财务下周付款。",
        "docs"),  # lang: zh
    Labelled("이 이메일 영어로 번역해줘: 안녕하세요, 지난주에 요청하신 견적서를 첨부합니다. 검토 후 궁금한 점이 있으시면 언제든지 연락 주세요. 감사합니다.", "docs"),  # lang: ko
    Labelled(
        "о чём этот текст, в двух словах?\n\n"
        "С 1 апреля компания переходит на новую систему учёта рабочего времени. Все сотрудники должны отмечать начало и окончание "
        "рабочего дня через мобильное приложение или терминал на входе. Сотрудники, работающие удалённо, отмечаются только через "
        "приложение. Переработки учитываются автоматически, но оплачиваются лишь при наличии согласования руководителя, оформленного "
        "заранее. Данные о рабочем времени будут использоваться при расчёте премий за квартал.",
        "docs"),  # lang: ru
    Labelled(
        "استخرج أسماء الشركات المذكورة في هذا النص: وقّعت شركة المراعي اتفاقية توريد مع مجموعة لولو للتجزئة، بينما أعلنت أرامكو "
        "عن شراكة جديدة مع شركة سابك في مجال البتروكيماويات.",
        "docs"),  # lang: ar
    Labelled(
        "इस पैराग्राफ को आसान हिंदी में लिख दो, कर्मचारियों के लिए है: 'कंपनी द्वारा निर्धारित अवकाश नीति के अंतर्गत, प्रत्येक कर्मचारी "
        "को वित्तीय वर्ष में अठारह अर्जित अवकाश प्रदान किए जाएंगे, जिनका उपयोग पूर्व स्वीकृति के उपरांत ही किया जा सकेगा।'",
        "docs"),  # lang: hi
    Labelled("şu mesajı daha resmi hale getir, müdüre gidecek: 'selam, yarın izin alabilir miyim, dişçim var, öğleden sonra gelirim'", "docs"),  # lang: tr
    Labelled(
        "czy w tym fragmencie umowy jest jakaś kara za wcześniejsze wypowiedzenie?\n\n"
        "§ 9. 1. Umowa zostaje zawarta na czas określony 24 miesięcy. 2. Każda ze stron może wypowiedzieć umowę z zachowaniem "
        "trzymiesięcznego okresu wypowiedzenia, ze skutkiem na koniec miesiąca kalendarzowego. 3. W przypadku wypowiedzenia umowy "
        "przez Klienta przed upływem 12 miesięcy od jej zawarcia, Klient zobowiązany jest do zwrotu udzielonych rabatów w wysokości "
        "proporcjonalnej do niewykorzystanego okresu.",
        "docs", note="question about a pasted contract clause"),  # lang: pl
    Labelled(
        "ช่วยแปลอีเมลนี้เป็นภาษาอังกฤษหน่อย: เรียนคุณสมชาย ขอเลื่อนการประชุมวันพฤหัสบดีเป็นวันศุกร์เวลาบ่ายสองโมง "
        "เนื่องจากผู้จัดการติดภารกิจด่วน ขออภัยในความไม่สะดวก",
        "docs"),  # lang: th
    Labelled("διόρθωσε τα ορθογραφικά σε αυτό: 'Σας ενημερώνουμε οτι η συνάντηση μεταφέρετε για την Πέμπτη στις δέκα το πρωί.'", "docs"),  # lang: el
    Labelled(
        "این متن رو در سه خط خلاصه کن: جلسه هیئت مدیره روز یکشنبه برگزار شد و درباره بودجه سال آینده، استخدام نیروهای جدید در "
        "بخش فروش و انتقال دفتر مرکزی به ساختمان جدید تصمیم گیری شد. قرار شد گزارش نهایی تا پایان ماه آماده شود.",
        "docs"),  # lang: fa
    Labelled("tafsiri kwa kiingereza tafadhali: 'Mkutano wa kesho umeahirishwa hadi Jumatatu ijayo. Tafadhali leteni ripoti zenu za mauzo.'", "docs"),  # lang: sw
    Labelled(
        "can you put this in english pls, es para mi jefe que no habla español: 'El proveedor confirmó que el pedido llegará "
        "con una semana de retraso por problemas en aduana.'",
        "docs", note="translating a given non-code text"),  # lang: es (mixed with en)

    # -------------------------------------------------------------- creative
    Labelled("limerick about our CI pipeline that fails every friday", "creative", note="poem about a programming topic is creative"),
    Labelled("need 10 names for our new internal analytics dashboard, nothing with 'insight' in it", "creative"),
    Labelled("tagline for a dental clinic that opens at 7am for people before work", "creative"),
    Labelled("you're a grumpy medieval innkeeper, i'm a tired traveller. i walk in and ask for a room.", "creative", note="role play"),
    Labelled(
        "keep going from where i stopped, same tone, maybe 2 more paragraphs\n\n"
        "The elevator stopped between the ninth and tenth floors at 6:47 p.m., which was exactly the time Dana had promised herself "
        "she would be out of the building. Across from her stood the new VP of Finance, a man she had only seen on slides, holding a "
        "potted fern as if it were a newborn. \"It happens on Thursdays,\" he said, not looking up. \"The building gets tired.\" "
        "Dana laughed, then realised he wasn't joking. The lights flickered once, and somewhere above them a phone began to ring.",
        "creative", note="continuing one's own story draft is creative"),
    Labelled("haiku about monday standup", "creative"),
    Labelled("bedtime tale for my 5 year old where a forklift is the hero, she's obsessed with the warehouse where i work", "creative"),
    Labelled("invent a fictional country for our team building game: name, 3 laws, one weird national holiday", "creative"),
    Labelled("rap verse about kubernetes for the devops christmas party", "creative", note="rap about a programming topic is creative"),
    Labelled("got any accountant jokes that won't get me reported to HR", "creative"),
    Labelled("describe our office kitchen on a friday afternoon like a david attenborough documentary", "creative", note="description in a style"),
    Labelled("elevator pitch for an app that matches dog owners for shared walks", "creative", note="pitch: invented product"),
    Labelled("make up a villain for my d&d campaign, a corrupt tax collector with a tragic side", "creative"),
    Labelled("best man speech opener pls, the groom is my coworker and we met during a fire drill", "creative"),
    Labelled("product description for a stapler that has feelings, amazon listing style", "creative"),
    Labelled("lyrics for our sales team to the beat of 'we will rock you', about hitting quota", "creative"),
    Labelled("six-word stories about remote work, give me five", "creative"),
    Labelled("roleplay: you're a customer furious about a late delivery, i'm practising as a support agent. start.", "creative", note="role play for training"),
    Labelled("a sonnet to my overworked spreadsheet", "creative", note="poem about a tool is creative"),
    Labelled("mascot for a cybersecurity firm + a short backstory", "creative"),
    Labelled("out of office message but as a pirate", "creative"),
    Labelled("come up with a fake holiday we could celebrate at the office in february, with traditions", "creative"),
    Labelled("catchy name for the charity bake sale? proceeds go to the animal shelter", "creative"),
    Labelled("what would a medieval monk's diary entry about his first day using email sound like", "creative", note="invented text in a style"),
    Labelled("give me 3 riddles whose answer is 'deadline'", "creative"),
    Labelled(
        "draft poem here, add two more stanzas that end on hope:\n\n"
        "The train is late again this morning,\n"
        "the platform grey, the coffee cold,\n"
        "we stand like chess pieces, waiting\n"
        "for a game that no one told.\n\n"
        "A woman reads the same page twice,\n"
        "a boy is drawing on the glass,\n"
        "and every minute on the board\n"
        "forgets the minute that has passed.",
        "creative", note="extending one's own poem is creative"),
    Labelled("a motivational speech from a houseplant to the night shift", "creative"),
    Labelled("backstory for the fictional CEO in our sales training scenario, make her tough but fair", "creative"),
    Labelled("invent a board game about commuting, rules in a few lines", "creative"),
    Labelled("a fortune cookie message for each person on my team: ana (always late), raj (spreadsheet wizard), li (never says no)", "creative"),
    Labelled("diary of a software bug that's been hiding in a legacy codebase since 2009", "creative", note="fiction about a programming topic"),
    Labelled("slogan for a recruiting campaign for bus drivers", "creative"),
    Labelled("inventa un eslogan para una panadería que solo abre de noche", "creative"),  # lang: es
    Labelled("écris-moi un petit poème pour le départ à la retraite de Martine, comptable chez nous depuis 30 ans", "creative"),  # lang: fr
    Labelled("Denk dir einen witzigen Namen für unser neues Projekt zur Lagerautomatisierung aus, gern mit Wortspiel", "creative"),  # lang: de
    Labelled("cria uma historinha sobre um estagiário que descobre que o servidor da empresa é assombrado", "creative"),  # lang: pt
    Labelled("fai finta di essere Leonardo da Vinci e rispondimi come se lavorassi in un open space moderno", "creative", note="role play"),  # lang: it
    Labelled("社長が猫の会社を舞台にした短いコメディを書いて", "creative"),  # lang: ja
    Labelled("帮我想几个公司年会上的搞笑节目名字，要接地气一点", "creative"),  # lang: zh
    Labelled("월요일 아침 출근길을 주제로 짧은 시 하나 써줘", "creative"),  # lang: ko
    Labelled("придумай тост на корпоратив в честь 10-летия компании, чтоб не слишком пафосно", "creative"),  # lang: ru
    Labelled("اكتب قصة قصيرة عن روبوت يعمل أمين مكتبة ويحب الكتب القديمة", "creative"),  # lang: ar
    Labelled("हमारी चाय की दुकान के लिए एक catchy slogan बनाओ, office वालों के लिए", "creative"),  # lang: hi (mixed with en)
    Labelled("ofisteki kahve makinesinin ağzından komik bir veda mektubu yaz, emekli oluyor", "creative"),  # lang: tr
    Labelled("viết lời một bài hát ngắn để chúc mừng sinh nhật sếp, vui vui thôi", "creative"),  # lang: vi
    Labelled("bikinin pantun lucu buat pembukaan presentasi laporan kuartalan dong", "creative"),  # lang: id
    Labelled("hitta på en saga om en älg som jobbar på IT-supporten", "creative"),  # lang: sv
    Labelled("תכתוב לי שיר קצר על מייל שנשלח בטעות לכל החברה", "creative"),  # lang: he
    Labelled("gawa ka ng maikling kwento tungkol sa call center agent na nakausap ng multo sa night shift", "creative"),  # lang: tl
    Labelled("une punchline pour notre campagne black friday, genre Apple style mais en français", "creative", note="slogan request without story/poem words"),  # lang: fr (mixed with en)

    # ------------------------------------------------------------------ chat
    Labelled("hi", "chat"),
    Labelled("how do i ask for a raise without sounding entitled, i've been here 3 years", "chat"),
    Labelled("is the capital of kazakhstan astana again or still nur-sultan", "chat"),
    Labelled("what's the story with the ship that blocked the suez canal, what actually happened", "chat", note="'story' in the everyday sense"),
    Labelled("my son is obsessed with snakes, is a ball python an ok first pet?", "chat", note="'python' the snake"),
    Labelled("best monty python film to start with for someone who's never seen any", "chat", note="'python' the comedy group"),
    Labelled("recommend a book for a 12h flight, loved project hail mary", "chat"),
    Labelled("how many vacation days do people usually get in germany", "chat"),
    Labelled("should i write a handwritten thank you note after an interview or is email fine these days", "chat", note="'write' in everyday sense; etiquette advice"),
    Labelled("what's the dress code usually like for a law firm interview in london", "chat", note="'code' in everyday sense"),
    Labelled("plan a 3 day trip to lisbon, i land friday noon and fly out monday evening", "chat"),
    Labelled("honest opinion: does a 4 day work week actually work or do people just cram", "chat"),
    Labelled("why is jet lag worse flying east", "chat"),
    Labelled("explain inflation like i'm 12", "chat", note="explaining a world concept with no document is chat"),
    Labelled("tips for staying focused in an open plan office", "chat"),
    Labelled("my boss wants us to read from a script on sales calls and it feels so fake. is that normal?", "chat", note="'script' in everyday sense"),
    Labelled("how long do i boil an egg for a runny yolk", "chat"),
    Labelled("is there a government program in the uk that helps small businesses pay for apprentices?", "chat", note="'program' in everyday sense"),
    Labelled("who won the 2010 world cup", "chat"),
    Labelled("thanks, that really helped!", "chat"),
    Labelled("help me plan my week: deadline thursday, two client calls, dentist tuesday 9am, and i want to hit the gym 3x", "chat", note="planning"),
    Labelled("is it rude to eat lunch on camera in a teams meeting", "chat"),
    Labelled("coworker keeps taking credit for my work in meetings. what do i do", "chat"),
    Labelled("crocodile vs alligator, how do you tell them apart", "chat"),
    Labelled("good history podcasts for a 40 min commute?", "chat"),
    Labelled("what can you actually help me with?", "chat"),
    Labelled("what's the area code for barcelona, need to call a landline", "chat", note="'code' in everyday sense"),
    Labelled("how accurate is the social network movie? is the story mostly true", "chat", note="'story' in everyday sense"),
    Labelled("how do i say no to extra projects without looking lazy", "chat"),
    Labelled(
        "ok long story short. i've been a team lead for about 8 months, before that i was on the same team as the people i now manage. "
        "one of them, who applied for the lead role too, has been quietly undermining me: skipping 1:1s, questioning decisions in front "
        "of the others, and going straight to my manager with things. he's honestly very good at his job and i don't want to lose him. "
        "my manager just says 'handle it'. how would you approach this without making it a big HR thing?",
        "chat", note="long, but it is the user's own situation asking for advice, not a document to work on"),
    Labelled(
        "planning an offsite for 14 people in early october, somewhere within 2 hours of manchester by train. budget is roughly £250 a "
        "head for two days including one night, food and a meeting room. half the team are vegetarian, one uses a wheelchair, and the "
        "boss wants 'something outdoorsy but not muddy'. what kind of places should i be looking at and what should i ask venues before booking?",
        "chat", note="planning and recommendations; no document given"),
    Labelled("what's a normal tip in new york restaurants these days, 18 or 20?", "chat"),
    Labelled("hola! qué tal todo", "chat"),  # lang: es
    Labelled("il fait quel temps en général à lyon en novembre ? je dois y aller pour le boulot", "chat"),  # lang: fr
    Labelled("Was kann ich meinem Chef zum 50. schenken, so um die 30 Euro?", "chat"),  # lang: de
    Labelled("qual a diferença entre CLT e PJ, o que compensa mais pra quem tá começando?", "chat"),  # lang: pt
    Labelled("consigli per un pranzo di lavoro vicino al Duomo, qualcosa di non troppo turistico?", "chat"),  # lang: it
    Labelled("最近仕事のストレスで眠れないんだけど、何かいい方法ある？", "chat"),  # lang: ja
    Labelled("春节前后去上海出差，有什么要注意的吗？", "chat"),  # lang: zh
    Labelled("почему в Петербурге летом белые ночи, а в Москве нет?", "chat"),  # lang: ru
    Labelled("ما هي أفضل طريقة لتحسين لغتي الإنجليزية للعمل بسرعة؟", "chat"),  # lang: ar
    Labelled("दिल्ली में सर्दियों में प्रदूषण इतना ज़्यादा क्यों हो जाता है?", "chat"),  # lang: hi
    Labelled("istanbul'da iş çıkışı akşam yemeği için nereye gidilir, kadıköy tarafı olsun", "chat"),  # lang: tr
    Labelled("is het normaal dat je in nederland gewoon je eigen boterhammen meeneemt naar het werk?", "chat"),  # lang: nl
    Labelled("uống cà phê buổi chiều có làm mất ngủ không nhỉ?", "chat"),  # lang: vi
    Labelled("apa bedanya BPJS kesehatan kelas 1 sama kelas 2?", "chat"),  # lang: id
    Labelled("ঢাকা থেকে কক্সবাজার যাওয়ার সবচেয়ে ভালো উপায় কী?", "chat"),  # lang: bn
    Labelled("mit érdemes megnézni Budapesten, ha csak egy délutánom van egy konferencia után?", "chat"),  # lang: hu
    Labelled("bro when's the best time to visit japan, pero sin tanta gente", "chat"),  # lang: es (mixed with en)
    Labelled("¿el programa Erasmus+ es solo para estudiantes o también sirve para trabajadores?", "chat", note="'programa' in everyday sense"),  # lang: es
]

# Non-English (or mixed-language) prompts: 72 of 200 (18 per role), marked "# lang: xx" above.
