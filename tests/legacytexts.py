"""Made-up news paragraphs in twenty languages and the legacy encodings each was written in (enc39).

Written for these tests (no benchmark page, no copied article). ``TUNED`` are the languages the reading of
legacy encodings was shaped on; ``HELD_OUT`` were written after and only measured.  ``WIDE`` are CJK texts in
their multi-byte encodings, which the single-byte readings must not win.  ``samples`` gives each paragraph
and each of its sentences, as every encoding of its language holds it, that is not ASCII there.
"""

from __future__ import annotations

import re

# language -> (paragraph, its encodings)
TUNED = {
    "en": (
        "The council’s budget – approved on Tuesday after a five-hour debate – cuts spending on roads by "
        "€12 million. “We had no choice,” the mayor said, adding that the cuts would be “temporary”. Critics "
        "called the plan short-sighted… and said the city’s bus network would suffer first.",
        ("cp1252",),
    ),
    "tr": (
        "Ankara'da dün akşam düzenlenen toplantıda belediye başkanı yeni ulaşım planını açıkladı. Plana göre "
        "şehir merkezine iki yeni metro hattı yapılacak ve otobüs seferleri artırılacak. Çevre örgütleri "
        "projenin yeşil alanları küçülteceğini ileri sürdü. Başkan, inşaat çalışmalarının önümüzdeki ilkbaharda "
        "başlayacağını ve üç yıl süreceğini söyledi.",
        ("cp1254", "iso8859-9", "cp857"),
    ),
    "cs": (
        "Ministerstvo zdravotnictví oznámilo, že od příštího měsíce se zvýší příspěvky na léky pro seniory. "
        "Změna se týká zhruba dvou milionů lidí. Lékaři ji vítají, ale upozorňují, že nemocnice stále trpí "
        "nedostatkem sester. Opozice tvrdí, že vláda na reformu nemá peníze a že schodek rozpočtu poroste.",
        ("cp1250", "iso8859-2", "cp852"),
    ),
    "pl": (
        "Rada miasta Krakowa zdecydowała w czwartek o budowie nowej linii tramwajowej do dzielnic północnych. "
        "Inwestycja – jak podał urząd – ma kosztować ponad pół miliarda złotych. Mieszkańcy od lat skarżą się na "
        "zatłoczone "
        "autobusy i długie dojazdy do pracy. Według urzędników prace rozpoczną się jesienią, a pierwsze "
        "tramwaje pojadą za trzy lata.",
        ("cp1250", "iso8859-2", "cp852"),
    ),
    "hu": (
        "A kormány csütörtökön bejelentette, hogy jövő évtől emelkednek a nyugdíjak és a családi pótlék "
        "összege. A pénzügyminiszter szerint a költségvetés elbírja a többletkiadást. Az ellenzék úgy véli, "
        "hogy a döntés mögött a közelgő választások állnak. Szakértők figyelmeztetnek, hogy az infláció gyorsan "
        "felemésztheti az emelést.",
        ("cp1250", "iso8859-2", "cp852"),
    ),
    "de": (
        "Die Stadtverwaltung hat am Montag beschlossen, die Öffnungszeiten der Bibliotheken zu verlängern. "
        "Künftig sollen die Häuser auch sonntags geöffnet sein – zunächst für ein Jahr. Die Gewerkschaft äußerte "
        "„große Bedenken“ wegen der "
        "zusätzlichen Belastung für das Personal. Der Bürgermeister versprach, dafür neue Stellen zu schaffen "
        "und die Mitarbeiter besser zu bezahlen.",
        ("cp1252", "iso8859-1", "iso8859-15", "cp850"),
    ),
    "fr": (
        "Le gouvernement a présenté mercredi un projet de loi destiné à réduire le coût de l’énergie pour les "
        "ménages. Selon le ministre, les factures devraient baisser d’environ dix pour cent dès l’été prochain. "
        "Les associations de consommateurs saluent une mesure attendue, mais jugent qu’elle arrive «\u00a0trop "
        "tard\u00a0». L’opposition dénonce un texte préparé à la hâte.",
        ("cp1252", "iso8859-1", "iso8859-15", "cp850"),
    ),
    "es": (
        "El ayuntamiento de Sevilla aprobó ayer un plan para rehabilitar las viviendas más antiguas del centro "
        "histórico. La inversión alcanzará los veinte millones de euros durante los próximos cuatro años. Los "
        "vecinos celebraron la noticia, aunque piden que las obras no obliguen a nadie a abandonar su casa. El "
        "alcalde aseguró que habrá ayudas para el alquiler.",
        ("cp1252", "iso8859-1", "cp850"),
    ),
    "ru": (
        "В среду правительство объявило о новых мерах поддержки сельского хозяйства. Фермеры получат льготные "
        "кредиты на покупку техники и семян. По словам министра, программа рассчитана на три года и охватит "
        "более десяти тысяч хозяйств. Эксперты считают, что этого недостаточно, поскольку цены на топливо "
        "продолжают расти.",
        ("cp1251", "koi8-r", "iso8859-5", "cp866"),
    ),
    "uk": (
        "Міська рада Львова ухвалила рішення про ремонт старих трамвайних колій у центрі міста. Роботи "
        "розпочнуться навесні й триватимуть до кінця року. Мешканці скаржаться, що рух у центрі й так "
        "ускладнений через будівництво. Мер пообіцяв, що на час ремонту запустять додаткові автобуси та змінять "
        "графік руху.",
        ("cp1251", "koi8-u", "cp1125"),
    ),
    "el": (
        "Η κυβέρνηση ανακοίνωσε χθες νέο πρόγραμμα για την ανακαίνιση των σχολείων σε όλη τη χώρα. Το κόστος "
        "του έργου υπολογίζεται σε διακόσια εκατομμύρια ευρώ. Οι δάσκαλοι χαιρέτισαν την απόφαση, αλλά ζητούν "
        "και περισσότερες προσλήψεις. Οι εργασίες θα ξεκινήσουν το καλοκαίρι, όταν τα σχολεία είναι κλειστά.",
        ("cp1253", "iso8859-7", "cp737"),
    ),
    "ar": (
        "أعلنت وزارة التعليم أمس عن خطة جديدة لبناء مئة مدرسة في المناطق الريفية خلال السنوات الثلاث المقبلة. "
        "وقال الوزير إن المشروع سيوفر آلاف فرص العمل للشباب. ورحب أولياء الأمور بالقرار لكنهم طالبوا بتحسين "
        "رواتب المعلمين. ومن المتوقع أن تبدأ الأعمال في الربيع القادم.",
        ("cp1256", "iso8859-6", "cp720"),
    ),
    "lv": (
        "Rīgas dome otrdien nolēma pagarināt sabiedriskā transporta kustības laiku naktī. Tramvaji un autobusi "
        "turpmāk kursēs līdz pusdivpadsmitiem. Iedzīvotāji šo lēmumu vērtē atzinīgi, jo daudzi strādā vēlās "
        "maiņās. Pašvaldība sola, ka biļešu cenas nākamgad nemainīsies.",
        ("cp1257", "iso8859-13", "iso8859-4", "cp775"),
    ),
}

# Written after the reading was settled on TUNED, and only measured.
HELD_OUT = {
    "sk": (
        "Vláda v stredu schválila návrh zákona, ktorý má zjednodušiť podnikanie malých firiem. Podnikatelia "
        "budú môcť väčšinu úradných vecí vybaviť cez internet. Živnostníci zmenu vítajú, no upozorňujú, že "
        "doterajšie sľuby sa často nesplnili. Zákon by mal začať platiť od januára budúceho roka.",
        ("cp1250", "iso8859-2", "cp852"),
    ),
    "ro": (
        "Primăria Capitalei a anunțat ieri că va moderniza zece școli până la sfârșitul anului. Lucrările vor fi "
        "finanțate din fonduri europene. Părinții se tem că elevii vor învăța în condiții grele pe durata "
        "șantierului. Reprezentanții primăriei spun că orele se vor ține în clădiri închiriate.",
        ("cp1250", "iso8859-2", "iso8859-16"),
    ),
    "hr": (
        "Gradsko vijeće Splita odlučilo je u petak da će se luka proširiti za nove putničke brodove. Vrijednost "
        "projekta procjenjuje se na četrdeset milijuna eura. Ribari se žale da će izgubiti mjesto za svoje "
        "brodice. Gradonačelnik je obećao da će za njih biti izgrađen novi gat na južnoj strani.",
        ("cp1250", "iso8859-2", "cp852"),
    ),
    "pt": (
        "O governo português anunciou ontem um novo programa de apoio à habitação para jovens famílias. As "
        "candidaturas abrem em março e as regras serão publicadas nas próximas semanas. As associações de "
        "inquilinos consideram a medida insuficiente, porque os preços continuam a subir. O ministro garantiu "
        "que haverá mais verbas no orçamento do próximo ano.",
        ("cp1252", "iso8859-1", "cp850", "cp860"),
    ),
    "is": (
        "Ríkisstjórnin kynnti í gær nýjar aðgerðir til að bregðast við hækkandi húsnæðisverði í Reykjavík. Gert "
        "er ráð fyrir að byggðar verði þrjú þúsund íbúðir á næstu fimm árum. Verkalýðsfélög fagna áætluninni en "
        "segja að hún komi of seint. Borgarstjóri sagði að framkvæmdir hæfust strax í vor.",
        ("cp1252", "iso8859-1", "cp861"),
    ),
    "bg": (
        "Общинският съвет на София реши в понеделник да удължи работното време на метрото през лятото. "
        "Влаковете ще се движат до един часа след полунощ. Пътниците посрещнаха новината с облекчение, защото "
        "нощните автобуси са малко. Кметът обеща, че цените на билетите няма да се променят.",
        ("cp1251", "iso8859-5", "koi8-r", "cp866"),
    ),
    "he": (
        "הממשלה אישרה אתמול תוכנית חדשה לבניית דירות להשכרה בערים הגדולות. לפי התוכנית ייבנו עשרת אלפים דירות "
        "בחמש השנים הקרובות. ארגוני השוכרים בירכו על ההחלטה אך אמרו שהיא אינה מספיקה. שר האוצר הבטיח שהעבודות "
        "יתחילו כבר בשנה הבאה.",
        ("cp1255", "iso8859-8", "cp862"),
    ),
    "lt": (
        "Vilniaus savivaldybė ketvirtadienį pristatė naują dviračių takų tinklo planą. Per dvejus metus mieste "
        "bus nutiesta daugiau nei šimtas kilometrų takų. Gyventojai džiaugiasi, tačiau kai kurie verslininkai "
        "baiminasi, kad sumažės vietų automobiliams. Meras teigė, kad darbai prasidės jau šį pavasarį.",
        ("cp1257", "iso8859-13", "iso8859-4", "cp775"),
    ),
}

# ASCII prose with one word outside ASCII (legacy51): written before the reading used the ASCII words, and only
# measured.  Each sentence with the encodings its writer would have used.
WESTERN = ("cp1252", "iso8859-1")
CENTRAL = ("cp1250", "iso8859-2")
LONE_WORDS = {
    "en": (
        (
            "The new café on Market Street will open next week, the owners said on Friday, after months of delays "
            "caused by the building work.",
            "She sent her résumé to more than forty companies before she was finally offered a job at a small design "
            "studio in the city.",
            "The team flew to Zürich on Sunday for the final round of talks with the other clubs about the new league "
            "rules.",
            "Officials in Québec said the road would stay closed for at least two more days while crews cleared the "
            "fallen trees.",
            "The mayor’s office did not respond to a request for comment on the report, which was published on "
            "Thursday morning.",
            "Tickets cost £15 for adults and are free for children under twelve, the organisers said in a statement "
            "this week.",
        ),
        WESTERN,
    ),
    "de": (
        (
            "Die Stadt will im kommenden Jahr mehr Geld für die Schulen ausgeben, sagte der Sprecher am Montag nach "
            "der Sitzung im Rathaus.",
            "Die Polizei sperrte am Montag die Hauptstraße wegen eines Unfalls bis zum Abend, wie ein Sprecher "
            "mitteilte.",
        ),
        WESTERN,
    ),
    "fr": (
        (
            "Le maire a dit lundi que la ville allait investir dans les transports publics et que les travaux "
            "commenceront en janvier prochain, selon le plan annoncé.",
            "Les parents attendent depuis des mois une nouvelle cantine pour les enfants de la commune, et le conseil "
            "a enfin voté le budget.",
        ),
        WESTERN,
    ),
    "es": (
        (
            "El alcalde dijo el lunes que la ciudad va a invertir mucho dinero en las escuelas durante el próximo "
            "verano, y que los padres pueden estar tranquilos.",
            "El equipo de la ciudad jugará el domingo en casa contra el primero de la liga, y las entradas ya "
            "estan agotadas.",
        ),
        WESTERN,
    ),
    "it": (
        (
            "Il sindaco ha detto che il progetto sarà pronto entro la fine dell'anno e che i lavori non fermeranno il "
            "traffico in centro.",
        ),
        WESTERN,
    ),
    "pt": (
        (
            "O governo anunciou ontem um novo plano para as escolas, que vai custar dois milhões de euros durante os "
            "proximos anos.",
        ),
        WESTERN,
    ),
    "nl": (
        (
            "De regering wil volgend jaar meer geld uitgeven aan de spoorwegen in België, zei de minister dinsdag in "
            "het parlement.",
        ),
        WESTERN,
    ),
    "sv": (
        (
            "Kommunen har beslutat att bygga en ny skola i centrum och den ska vara klar till hösten enligt planen som "
            "presenterades i tisdags.",
            "Regeringen vill satsa mer pengar på skolan enligt budgeten som presenterades i dag av finansministern.",
        ),
        WESTERN,
    ),
    "da": (
        (
            "Regeringen vil investere flere penge i skolerne og sygehusene i Aarhus og Odense, siger ministeren, og "
            "arbejdet begynder til foråret.",
        ),
        WESTERN,
    ),
    "pl": (
        ("Radni Krakowa poparli plan budowy nowej linii tramwajowej do Nowej Huty, a prace ruszą w marcu.",),
        CENTRAL,
    ),
    "cs": (("Metro v Praze bude od ledna jezdit i v noci, uvedl dnes mluvčí.",), CENTRAL),
    "hu": (("A budapesti metro a jelek szerint tavasszal újra indul.",), CENTRAL),
    "ro": (
        (
            "Primaria Capitalei a anuntat ieri un plan nou pentru transportul public în oras, care va costa zece "
            "milioane de euro.",
        ),
        CENTRAL,
    ),
    "en-ru": (
        (
            "The protest was organised by a group called Весна, which means spring, and drew several thousand people "
            "on Saturday.",
        ),
        ("cp1251", "koi8-r"),
    ),
}


# Multi-byte encodings the single-byte readings must not take over.
WIDE = {
    "ja": (
        "東京都は昨日、来年度から都内の公立小学校で給食費を無償にすると発表した。対象となる児童はおよそ六十万人で、"
        "費用は都の予算から支出される。保護者からは歓迎の声が上がる一方、財源を心配する意見もある。",
        ("shift_jis", "euc-jp"),
    ),
    "zh": (
        "市政府昨天宣布，明年将在城区新建十所公立学校，以缓解学位紧张的问题。教育局表示，新学校将于九月开始招生，"
        "每所学校可容纳两千名学生。不少家长对此表示欢迎，但也担心交通会更加拥挤。",
        ("gb2312", "gb18030"),
    ),
    "zh-tw": (
        "市政府昨天宣布，明年將在市區新建十所公立學校，以緩解學位緊張的問題。教育局表示，新學校將於九月開始招生，"
        "每所學校可容納兩千名學生。不少家長對此表示歡迎，但也擔心交通會更加擁擠。",
        ("big5",),
    ),
    "ko": (
        "서울시는 어제 내년부터 시내버스 요금을 동결하겠다고 발표했다. 시는 이를 위해 예산 삼백억 원을 추가로 "
        "편성할 계획이다. 시민들은 환영했지만 일부 전문가들은 재정 부담이 커질 것이라고 지적했다.",
        ("euc-kr",),
    ),
}

SENTENCE_END = re.compile(r"(?<=[.。])\s*")
# Romanian before Unicode 3.0 fonts: the code pages of the 1990s hold s and t with a cedilla, not a comma.
CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")
# Typographic punctuation as a writer types it where the code page has none.
TYPEWRITER = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-",
                            "…": "...", "\u00a0": " "})  # fmt: skip


def written(text: str, encoding: str) -> str:
    """The text as a writer using ``encoding`` wrote it: Romanian's comma letters as cedilla ones, and typographic
    punctuation as ASCII, where the code page has none."""
    for table in (CEDILLA, TYPEWRITER):
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            text = "".join(char if _holds(char, encoding) else char.translate(table) for char in text)
    return text


def _holds(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def samples(languages: dict[str, tuple[str, tuple[str, ...]]]) -> list[tuple[str, str, str, str]]:
    """``(language, encoding, length, text)`` for each paragraph (``"paragraph"``) and each of its sentences
    (``"sentence"``) that its encoding holds and that is not ASCII in it."""
    found = []
    for language, (paragraph, encodings) in languages.items():
        parts = [("paragraph", paragraph)] + [("sentence", part) for part in SENTENCE_END.split(paragraph) if part]
        for encoding in encodings:
            for length, text in parts:
                text = written(text, encoding)
                raw = text.encode(encoding)
                if not raw.isascii():
                    found.append((language, encoding, length, text))
    return found


def lone_words() -> list[tuple[str, str, str]]:
    """``(language, encoding, text)`` for each sentence of ``LONE_WORDS`` in each of its encodings that holds it
    and in which it is not ASCII."""
    found = []
    for language, (sentences, encodings) in LONE_WORDS.items():
        for encoding in encodings:
            for text in sentences:
                text = written(text, encoding)
                if not text.encode(encoding).isascii():
                    found.append((language, encoding, text))
    return found
