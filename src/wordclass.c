/* SPDX-License-Identifier: MIT
 *
 * wordclass.c -- small closed word classes that annotators consult.
 *
 * Function words (pronouns in all their cases, determiners, conjunctions,
 * frequent adverbs) start sentences with a capital and then look like
 * names: Ukrainian "Мені", "Того", "Усі" are also forms of places.  Role
 * words ("President", "Minister") may stand before or after a name without
 * being part of it.  These lists are grammar, not user data, so they live
 * in the code; names belong in gazetteers.  Lookups take folded keys.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "inflect.h"
#include "wordclass.h"

static const char *const function_words[] = {
    /* en */
    "a", "an", "the", "this", "that", "these", "those", "he", "she", "it",
    "we", "they", "i", "you", "his", "her", "its", "our", "their", "my",
    "your", "him", "them", "us", "me", "who", "what", "which", "when", "where",
    "why", "how", "all", "some", "any", "each", "every", "both", "many",
    "most", "much", "more", "other", "such", "no", "not", "and", "but", "or",
    "if", "as", "at", "by", "for", "from", "in", "into", "of", "on", "to",
    "with", "after", "before", "since", "until", "while", "during", "there",
    "here", "then", "now", "so", "also", "yet", "still", "even", "only",
    "however", "meanwhile", "today", "yesterday", "tomorrow", "last", "next",
    "one", "two", "three", "first", "new", "under", "over", "about", "despite",
    "although", "though", "because", "once", "later", "earlier", "instead",
    /* uk */
    "я", "мене", "мені", "мною", "мн", "ти", "тебе", "тобі", "тобою", "він",
    "його", "йому", "ним", "нім", "вона", "її", "їй", "нею", "ній", "воно",
    "ми", "нас", "нам", "нами", "ви", "вас", "вам", "вами", "вони", "їх",
    "їм", "ними", "них", "себе", "собі", "собою", "той", "того", "тому",
    "тим", "те", "та", "ту", "тої", "тієї", "тією", "ті", "тих", "тими",
    "цей", "цього", "цьому", "цим", "це", "ця", "цю", "цієї", "цією", "ці",
    "цих", "цими", "весь", "всього", "всьому", "всім", "все", "вся", "всю",
    "всієї", "всі", "всіх", "усі", "усіх", "усім", "усе", "уся", "усю",
    "увесь", "свій", "свого", "своєї", "свої", "своїх", "мій", "моя", "моє",
    "мої", "наш", "наша", "наше", "наші", "ваш", "ваша", "їхній", "їхня",
    "хто", "кого", "кому", "що", "чого", "чому", "чим", "який", "яка", "яке",
    "які", "якого", "якої", "яких", "де", "коли", "як", "чи", "не", "ні",
    "і", "й", "та", "а", "але", "або", "бо", "щоб", "якщо", "хоча", "також",
    "тут", "там", "тоді", "тепер", "вже", "ще", "досі", "потім", "нині",
    "сьогодні", "вчора", "учора", "завтра", "решта", "інші", "інших", "багато",
    "кілька", "декілька", "більше", "менше", "після", "перед", "під", "над",
    "при", "про", "для", "без", "до", "від", "із", "зі", "на", "у", "в", "з",
    "за", "по", "через", "серед", "навіть", "лише", "тільки", "саме", "вже",
    "один", "одна", "одне", "два", "дві", "три", "перший", "перша", "новий",
    "нова", "нові", "водночас", "натомість", "однак", "проте", "отже",
    "раніше", "пізніше", "згодом", "нещодавно", "зокрема", "загалом",
    "решту", "решти", "обидва", "обидві", "обох", "обом", "головне",
    "далі", "надалі", "ніколи", "завжди", "замість", "окрім", "крім",
    "наразі", "зараз", "поки", "сам", "сама", "самі", "самого", "самої",
    "знову", "вкотре", "щодо", "дуже",
    /* ru */
    "меня", "мне", "мной", "ты", "тебя", "тебе", "тобой", "он", "его", "ему",
    "ним", "нём", "нем", "она", "её", "ее", "ей", "ней", "оно", "мы", "нам",
    "нами", "вы", "вам", "вами", "они", "их", "им", "ими", "них", "себя",
    "себе", "собой", "тот", "того", "тому", "тем", "том", "то", "та", "ту",
    "той", "те", "тех", "теми", "этот", "этого", "этому", "этим", "этом",
    "это", "эта", "эту", "этой", "эти", "этих", "этими", "весь", "всего",
    "всему", "всем", "всём", "всё", "вся", "всю", "всей", "все", "всех",
    "всеми", "свой", "своего", "своей", "свои", "своих", "мой", "моя",
    "моё", "мои", "наш", "наша", "наше", "наши", "ваш", "ваша", "кто",
    "кого", "кому", "что", "чего", "чему", "чем", "который", "которая",
    "которое", "которые", "которого", "которой", "которых", "где", "когда",
    "как", "ли", "не", "ни", "и", "а", "но", "или", "чтобы", "если", "хотя",
    "также", "тоже", "здесь", "там", "тогда", "теперь", "уже", "ещё", "еще",
    "потом", "ныне", "сегодня", "вчера", "завтра", "остальные", "многие",
    "далее", "никогда", "всегда", "вместо", "кроме", "сейчас", "пока",
    "сам", "сама", "сами", "самого", "самой", "снова", "вновь", "очень",
    "относительно",
    "несколько", "больше", "меньше", "после", "перед", "под", "над", "при",
    "про", "для", "без", "до", "от", "из", "со", "на", "в", "с", "за", "по",
    "через", "среди", "даже", "лишь", "только", "именно", "один", "одна",
    "одно", "два", "две", "три", "первый", "первая", "новый", "новая",
    "новые", "однако", "зато", "итак", "между", "около", "вокруг", "об",
    "обо", "во", "ко", "о", "ведь", "вот", "уж", "раньше", "ранее", "позже",
    "позднее", "недавно", "впоследствии", "например", "вообще", "оба",
    "обе", "обоих", "обеих", "обоим", "обеим", "остальных", "главное",
    NULL};

/* Words that stand next to an English name without being part of it:
 * titles, roles and corporate designators, capitalised in English news. */
static const char *const en_role_words[] = {
    "president", "presidential", "prime", "minister", "ministers",
    "secretary", "state", "ambassador", "envoy", "chancellor", "governor",
    "mayor", "senator", "representative", "rep.", "sen.", "gov.", "gen.",
    "general", "admiral", "colonel", "col.", "lt.", "commander", "chief",
    "director", "chairman", "chairwoman", "chair", "speaker", "leader",
    "king", "queen", "prince", "princess", "pope", "bishop", "patriarch",
    "judge", "justice", "attorney", "prosecutor", "spokesman", "spokeswoman",
    "spokesperson", "ceo", "officer", "commissioner", "deputy", "vice",
    "foreign", "defense", "defence", "finance", "interior", "economy",
    "energy", "health", "trade", "culture", "education", "agriculture",
    "transport", "affairs", "security", "intelligence", "treasury",
    "sheikh", "emir", "ayatollah", "emperor", "empress", "tsar", "czar",
    "sultan", "secretary-general", "director-general", "attorney-general",
    "governor-general", "mr.", "mrs.", "ms.", "dr.", "prof.",
    "mr", "mrs", "ms", "dr", /* British style, without the dot */
    "sir", "lord", "lady", "dame", "saint", "st.", "premier", "former",
    "acting", "interim", "chairperson", "head", "founder", "owner", "coach",
    "captain", "capt.", "sgt.", "maj.", "inc.", "inc", "ltd", "ltd.", "corp.",
    "corp", "llc", "plc", "co.", "ag", "sa", "gmbh", "nv", "oao", "pjsc",
    "jsc", "group", "holding", "holdings", NULL};

static const char *const month_words[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
    "січень", "лютий", "березень", "квітень", "травень", "червень",
    "липень", "серпень", "вересень", "жовтень", "листопад", "грудень",
    "понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота",
    "неділя", "январь", "февраль", "март", "апрель", "май", "июнь", "июль",
    "август", "сентябрь", "октябрь", "ноябрь", "декабрь", "понедельник",
    "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    NULL};

/* Titles and roles that announce a person ("президент Зеленський",
 * "President Trump"); the role stays outside the name.  Ukrainian and
 * Russian ones are declined below. */
static const char *const role_words[] = {
    /* en */
    "president", "minister", "premier", "secretary", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "chancellor", "mayor",
    "governor", "senator", "general", "admiral", "chief", "director", "ceo",
    "chairman", "chairwoman", "leader", "mr.", "mrs.", "ms.", "dr.", "prof.",
    "mr", "mrs", "ms", "dr",
    "sir", "lady", "lord", "king", "queen", "prince", "princess", "pope",
    "judge", "commander", "colonel", "lieutenant", "captain", "sergeant",
    "brigadier", "corporal", "marshal", "major-general", "lieutenant-general",
    "brigadier-general", "vice-admiral", "rear-admiral", "lieutenant-colonel",
    "coach", "professor", "lawyer", "attorney", "prosecutor", "deputy",
    "representative", "congressman", "congresswoman", "lawmaker", "mp",
    "adviser", "advisor", "aide", "founder", "owner", "executive", "analyst",
    "economist", "journalist", "correspondent", "reporter", "actor",
    "actress", "singer", "writer", "author", "striker", "midfielder",
    "defender", "goalkeeper", "speaker", "rep.", "sen.", "gov.", "gen.",
    "col.", "lt.", "capt.", "sgt.", "maj.", "rev.", "gen", "sheikh", "emir",
    "ayatollah", "patriarch", "metropolitan", "archbishop", "bishop",
    "cardinal", "chairperson", "ombudsman", "diplomat", "official",
    "opposition", "activist", "blogger", "businessman", "businesswoman",
    "oligarch", "tycoon", "billionaire", "mogul", "rapper", "player",
    "counterpart", "emperor", "empress", "tsar", "czar", "sultan",
    "secretary-general", "director-general", "attorney-general",
    "governor-general", "specialist", "baron", "baroness", "duke", "duchess",
    "earl", "negotiator", "mediator", "cleric", "prophet", "imam", "mullah",
    "sheik", "rabbi", "pastor", "priest", "monk", "nun", "dissident",
    "commentator", "strategist", "researcher", "scientist", "novelist",
    "poet", "producer", "manager", "superintendent", "inspector", "constable",
    "detective", "runner", "sprinter", "athlete", "swimmer", "cyclist",
    "boxer", "skier", "champion",
    /* uk */
    "президент", "прем'єр-міністр", "прем'єр", "віцепрем'єр-міністр",
    "віцепрем'єр", "міністр", "посол", "посланець", "речник", "речниця",
    "пан", "пані", "голова", "очільник", "очільниця", "керівник",
    "керівниця", "мер", "губернатор", "генерал", "генерал-лейтенант",
    "генерал-майор", "генерал-полковник", "командувач", "командир",
    "депутат", "депутатка", "нардеп", "нардепка", "спікер", "лідер",
    "лідерка", "директор", "директорка", "гендиректор", "радник",
    "радниця", "секретар", "сенатор", "канцлер", "король", "королева",
    "принц", "принцеса", "папа", "суддя", "прокурор", "генпрокурор",
    "адвокат", "журналіст", "журналістка", "кореспондент", "кореспондентка",
    "аналітик", "економіст", "експерт", "експертка", "професор", "академік",
    "професорка", "політолог", "письменник", "письменниця", "поет",
    "поетеса", "співак", "співачка", "актор", "акторка", "тренер",
    "футболіст", "полковник", "підполковник", "майор", "капітан",
    "лейтенант", "сержант", "омбудсман", "омбудсманка", "ректор",
    "засновник", "засновниця", "власник", "власниця", "бізнесмен",
    "олігарх", "блогер", "блогерка", "ведучий", "ведуча", "активіст",
    "активістка", "волонтер", "волонтерка", "заступник", "заступниця",
    "дипломат", "посадовець", "митрополит", "архієпископ", "єпископ",
    "патріарх", "священник", "отець", "кандидат", "кандидатка", "ексміністр",
    "екпрезидент", "експрезидент", "президентка", "міністерка", "очільниця",
    "спортсмен", "спортсменка", "художник", "художниця", "режисер",
    "режисерка", "композитор", "історик", "науковець", "вчений", "лікар",
    "лікарка", "президента", "гетьман", "маршал", "адмірал", "командувача",
    "імператор", "імператриця", "кронпринц", "цар", "цариця", "султан",
    "емір", "шейх", "князь", "княгиня", "кардинал", "аятола", "доктор",
    "граф", "графиня", "барон", "баронеса", "герцог", "герцогиня", "маркіз",
    /* ru */
    "президент", "премьер-министр", "премьер", "вице-премьер", "министр",
    "посол", "представитель", "пресс-секретарь", "глава", "руководитель",
    "мэр", "губернатор", "генерал", "командующий", "командир", "депутат",
    "спикер", "лидер", "директор", "гендиректор", "советник", "помощник",
    "секретарь", "сенатор", "канцлер", "король", "королева", "принц",
    "принцесса", "папа", "судья", "прокурор", "генпрокурор", "адвокат",
    "журналист", "журналистка", "корреспондент", "аналитик", "экономист",
    "эксперт", "профессор", "академик", "политолог", "писатель", "писательница",
    "поэт", "певец", "певица", "актер", "актриса", "тренер", "футболист",
    "полковник", "подполковник", "майор", "капитан", "лейтенант", "сержант",
    "омбудсмен", "ректор", "основатель", "владелец", "владелица",
    "бизнесмен", "олигарх", "блогер", "ведущий", "ведущая", "активист",
    "активистка", "заместитель", "дипломат", "чиновник", "митрополит",
    "архиепископ", "епископ", "патриарх", "священник", "кандидат",
    "экс-министр", "экс-президент", "господин", "госпожа", "спортсмен",
    "художник", "режиссер", "композитор", "историк", "ученый", "врач",
    "маршал", "адмирал", "император", "императрица", "кронпринц", "царь",
    "царица", "султан", "эмир", "шейх", "князь", "княгиня", "кардинал",
    "аятолла", "доктор", "граф", "графиня", "барон", "баронесса", "герцог",
    "герцогиня", "маркиз", NULL};

/* Nouns that head organisation names ("Міністерство оборони України",
 * "компанія «Нафтогаз»"), in English too ("Bank of England"). */
static const char *const org_heads[] = {
    /* en */
    "ministry", "department", "agency", "council", "committee", "commission",
    "party", "university", "institute", "foundation", "bank", "group",
    "corporation", "company", "association", "federation", "union", "court",
    "office", "service", "authority", "administration", "board", "bureau",
    "fund", "organization", "organisation", "academy", "college", "school",
    "hospital", "museum", "parliament", "assembly", "congress", "senate",
    "army", "navy", "forces", "guard", "police", "church", "club", "league",
    "alliance", "coalition", "movement", "network", "times", "post",
    "journal", "herald", "gazette", "telegraph", "tribune", "exchange",
    "airlines", "airways", "motors", "industries", "technologies", "systems",
    "pharmaceuticals", "capital", "partners", "securities", "investments",
    "insurance", "bancorp", "laboratories", "labs", "studios", "media",
    "centre", "center", "brigade", "battalion", "regiment", "division",
    "holdings", "solutions", "enterprises", "networks", "chamber", "society",
    "trust", "tribunal", "directorate", "secretariat", "confederation",
    "consortium", "syndicate", "cooperative", "corps", "command", "force",
    "fleet", "squadron", "embassy", "consulate", "delegation", "cabinet",
    "orchestra", "theatre", "theater", "communications", "petroleum",
    "foods", "brands", "logistics", "telecom", "railways", "railway",
    "institution", "observatory", "laboratory", "front", "brigades",
    "minerals", "mining", "resources", "metals", "chemicals", "pictures",
    "entertainment", "productions", "publishing", "records", "associates",
    /* uk */
    "міністерство", "комітет", "служба", "рада", "агентство", "агенція",
    "інститут", "університет", "академія", "спілка", "союз", "фонд", "банк",
    "суд", "райсуд", "госпсуд", "адмінсуд", "міськсуд", "арбітраж", "прокуратура",
    "управління", "департамент", "асоціація",
    "федерація", "центр", "партія", "компанія", "корпорація", "об'єднання",
    "товариство", "палата", "комісія", "інспекція", "адміністрація",
    "концерн", "холдинг", "група", "завод", "комбінат", "підприємство",
    "бюро", "організація", "фракція", "штаб", "командування", "бригада",
    "батальйон", "полк", "дивізія", "корпус", "флот", "поліція", "гвардія",
    "секретаріат", "офіс", "коледж", "ліцей", "лікарня", "театр", "музей",
    "бібліотека", "телеканал", "видання", "газета", "журнал", "консорціум",
    "альянс", "біржа", "мерія", "міськрада", "облрада", "райрада", "сільрада",
    "селищрада", "держадміністрація",
    "облдержадміністрація", "райдержадміністрація", "клуб", "рух",
    "міністерства", "уряд", "відділення", "тервідділення", "відділ",
    "фірма", "агрофірма", "видавництво", "телерадіокомпанія", "кінотеатр",
    "готель", "кооператив", "нпз", "гзк",
    /* ru */
    "министерство", "комитет", "служба", "совет", "агентство", "институт",
    "университет", "академия", "союз", "фонд", "банк", "суд", "горсуд",
    "облсуд", "арбитраж", "прокуратура",
    "управление", "департамент", "ассоциация", "федерация", "центр",
    "партия", "компания", "корпорация", "объединение", "общество", "палата",
    "комиссия", "инспекция", "администрация", "концерн", "холдинг", "группа",
    "завод", "комбинат", "предприятие", "бюро", "организация", "фракция",
    "штаб", "командование", "бригада", "батальон", "полк", "дивизия",
    "корпус", "флот", "полиция", "гвардия", "секретариат", "офис",
    "колледж", "лицей", "больница", "театр", "музей", "библиотека",
    "телеканал", "издание", "газета", "журнал", "консорциум", "альянс",
    "биржа", "мэрия", "клуб", "движение", "правительство", "отделение",
    "отдел", "фирма", "агрофирма", "издательство", "телерадиокомпания",
    "кинотеатр", "гостиница", "отель", "кооператив", "гок", "собрание", NULL};

/* Ukrainian and Russian legal forms, which precede a quoted name (ТОВ
 * «Х»)... */
static const char *const legal_forms_before[] = {
    "тов", "пат", "прат", "ат", "ват", "зат", "тзов", "кп", "дп", "бф", "го",
    "пп", "тд", "пф", "нак", "сп", "нвп", "фг", "сфг", "осбб",
    "ооо", "оао", "пао", "ао", "зао", "нао", "гуп", "фгуп", "муп", "ано",
    "нпо", "нпп", "чп", NULL};

/* ... and the others, which may also follow a name (Acme Inc.). */
static const char *const legal_forms[] = {
    "inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "co", "co.", "plc",
    "ag", "sa", "gmbh", "nv", "bv", "spa", "ab", "asa", "oyj", "kg", "llp",
    "lp", "pjsc", "ojsc", "cjsc", "jsc", "s.a.", "n.v.", "a.g.", "pcl",
    "bhd", "tbk", "srl", "sarl", "kgaa", "limited",
    /* foreign legal forms in Cyrillic, and the English words that end
     * foreign companies' names there (Блю Стрим Пайплайн Компани Б.В.) */
    "б.в.", "гмбх", "ґмбх", "инк.", "інк.", "лтд", "лтд.", "плс", "аг",
    "компани", "корпорейшн", "корпорэйшн", "груп", "холдингс", "интернешнл",
    "інтернешнл", "трейдинг", "трейдінг", "пайплайн", "лимитед", "лімітед",
    "индастриз", "індастріз", "текнолоджис", "текнолоджіс", NULL};

/* English nouns that end a company's name after its short name, which
 * news then uses alone (Brightfen Networks ... Brightfen); legal forms
 * count too. */
static const char *const company_words[] = {
    "group", "corporation", "company", "technologies", "technology",
    "systems", "labs", "laboratories", "partners", "capital", "securities",
    "investments", "insurance", "bancorp", "industries", "motors",
    "airlines", "airways", "pharmaceuticals", "studios", "media",
    "holdings", "solutions", "enterprises", "networks", "software",
    "minerals", "mining", "resources", "metals", "chemicals", "pictures",
    "entertainment", "productions", "publishing", "records", "associates", NULL};

/* Words that end an organisation's genitive complement: "Верховний суд
 * країни" names no country, "… міськради минулого тижня" is a time. */
static const char *const no_complement_words[] = {
    "країни", "страны", "держави", "государства", "минулого", "минулої",
    "наступного", "наступної", "поточного", "поточної", "прошлого",
    "прошлой", "следующего", "следующей", "текущего", "текущей", NULL};

/* Administrations' acronyms that head a name after a region's or
 * district's adjective (Житомирська ОДА, Сокирянської РДА, Львівській
 * ОВА); in capitals only, which rule_org.c checks: "Ода радості" is a
 * poem. */
static const char *const administration_acronyms[] = {"ода", "рда", "ова", "рва", "мва",
                                                      NULL};

/* The people who own, run or work for a company, and its shares: a
 * quoted name after them is the company's (директором «Альфа-Трейд»,
 * власниками «Агросвіту», акций «Северного завода»).  Singular nouns,
 * declined. */
static const char *const org_person_words[] = {
    /* uk */
    "директор", "гендиректор", "керівник", "власник", "співвласник",
    "засновник", "співзасновник", "акціонер", "бенефіціар", "співробітник",
    "працівник", "представник", "конкурент", "клієнт",
    /* ru */
    "директор", "гендиректор", "руководитель", "основатель", "учредитель",
    "соучредитель", "акционер", "бенефициар", "сотрудник", "работник",
    "представитель", "конкурент", "клиент", NULL};

/* ... their plural forms, and the forms the declension of the singular
 * misses (владелец, владельца). */
static const char *const org_person_forms[] = {
    /* uk */
    "директори", "директорів", "директорами", "керівники", "керівників",
    "керівниками", "власники", "власників", "власникам", "власниками",
    "співвласники", "співвласників", "співвласниками", "засновники",
    "засновників", "засновниками", "співзасновники", "співзасновників",
    "акціонери", "акціонерів", "акціонерами", "бенефіціари", "бенефіціарів",
    "бенефіціарами", "співробітники", "співробітників", "співробітникам",
    "співробітниками", "працівники", "працівників", "працівникам",
    "працівниками", "представники", "представників", "представниками",
    "конкуренти", "конкурентів", "клієнти", "клієнтів", "клієнтам", "акцій",
    "акціями",
    /* ru */
    "владелец", "владельца", "владельцу", "владельцем", "владельце",
    "совладелец", "совладельца", "совладельцу", "совладельцем",
    "совладельце", "директора", "директоров", "директорами",
    "руководители", "руководителей", "руководителями", "владельцы",
    "владельцев", "владельцам", "владельцами", "совладельцы",
    "совладельцев", "совладельцами", "основатели", "основателей",
    "основателями", "учредители", "учредителей", "учредителями",
    "акционеры", "акционеров", "акционерами", "бенефициары",
    "бенефициаров", "сотрудники", "сотрудников", "сотрудникам",
    "сотрудниками", "работники", "работников", "работникам", "работниками",
    "представители", "представителей", "представителями", "конкуренты",
    "конкурентов", "клиенты", "клиентов", "клиентам", "акций", "акциями",
    NULL};

/* The head nouns of military units, which a number names (93-тя окрема
 * механізована бригада, 58-я общевойсковая армия); declined. */
static const char *const unit_words[] = {
    "бригада", "батальйон", "полк", "дивізія", "корпус", "армія",
    "ескадрилья", "загін", "флотилія", "батальон", "дивизия", "армия",
    "эскадрилья", "отряд", "флотилия", NULL};

/* English verbs of a match's result (Arsenal beat Liverpool 2-0). */
static const char *const result_verbs[] = {
    "beat", "beats", "defeated", "thrashed", "edged", "routed", "drew", "lost",
    "hammered", "stunned", "overcame", NULL};

/* Words before the person an institution, a street or a church is named
 * after (імені Шевченка, церкві святого Миколая, храм Христа Спасителя):
 * the naming words and saints' titles as written, church nouns declined. */
static const char *const honour_words[] = {
    "имени", "им.", "імені", "ім.", "святого", "святої", "святой", "святих",
    "святых", "св.", NULL};
static const char *const church_words[] = {
    "храм", "собор", "церква", "монастир", "монастырь", "костел", "костьол",
    "каплиця", "часовня", NULL};
static const char *const church_forms[] = {
    "церковь", "церкви", "церковью", "церквах", "церквях", "храме", "соборе",
    "монастыре", "костёле", "костеле", "храмах", "соборах", "костелах",
    "монастирях", "монастырях", "каплицях", "часовнях", "храми", "собори",
    "костели", "храмы", "соборы", NULL};

/* A club's players and fans, and the verbs of a match's result: the
 * quoted name after them is the club's (футболісти «Динамо», обыграли
 * «Краснодар»).  Singular nouns are declined, the rest written out. */
static const char *const club_person_words[] = {
    "футболіст", "гравець", "воротар", "захисник", "півзахисник",
    "нападник", "форвард", "легіонер", "хокеїст", "баскетболіст",
    "волейболіст", "вболівальник", "уболівальник", "наставник",
    "футболист", "игрок", "вратарь", "защитник", "полузащитник",
    "форвард", "легионер", "хоккеист", "баскетболист", "волейболист",
    "болельщик", "наставник", NULL};
static const char *const club_forms[] = {
    /* uk */
    "футболісти", "футболістів", "футболістам", "футболістами", "гравці",
    "гравців", "гравцям", "гравцями", "гравця", "гравцю", "гравцем",
    "воротарі", "захисники", "захисників", "півзахисники", "нападники",
    "нападників", "легіонери", "легіонерів", "хокеїсти", "хокеїстів",
    "баскетболісти", "волейболісти", "вболівальники", "вболівальників",
    "уболівальники", "уболівальників", "фанати", "фанатів", "переміг",
    "перемогли", "перемогла", "обіграв", "обіграли", "обіграла",
    "поступився", "поступилися", "поступилась", "поступилася", "програв",
    "програли", "програла", "розгромив", "розгромили", "здолав", "здолали",
    /* ru */
    "футболисты", "футболистов", "футболистам", "футболистами", "игроки",
    "игроков", "игрокам", "игроками", "вратари", "защитники", "защитников",
    "полузащитники", "нападающий", "нападающего", "нападающие",
    "нападающих", "легионеры", "легионеров", "хоккеисты", "хоккеистов",
    "баскетболисты", "волейболисты", "болельщики", "болельщиков", "фанаты",
    "фанатов", "победил", "победили", "победила", "обыграл", "обыграли",
    "обыграла", "уступил", "уступили", "уступила", "проиграл", "проиграли",
    "проиграла", "разгромил", "разгромили", "одолел", "одолели", NULL};

/* Type words that follow a place name (Херсонська область, Kharkiv
 * Oblast, Dnipro River) ... */
static const char *const place_types[] = {
    "oblast", "region", "province", "district", "county", "river", "sea",
    "lake", "island", "islands", "mountains", "valley", "bay", "gulf",
    "strait", "peninsula", "desert", "raion", "krai", "governorate",
    "область", "район", "край", "округ", "губернія", "громада", "регіон",
    "волость", "губерния", "регион", "автономна", "алея", "вулиця",
    "площа", "проспект", "бульвар", "шосе", "провулок", "узвіз", "озеро",
    "улица", "площадь", "шоссе", "переулок", "аллея", "street", "avenue",
    "square", "road", "highway", "boulevard", "canal", NULL};

/* ... the same abbreviated, as they are not declined (Херсонська обл.,
 * Сумського р-ну, Курском р-не): every case form written out. */
static const char *const place_type_abbreviations[] = {
    "обл.", "обл", "р-н.", "р-н", "р-ну", "р-ні", "р-на", "р-не", "р-ном",
    NULL};

/* ... and those that precede one (місто Бахмут, село Кринки, river
 * Dnipro). */
static const char *const place_before[] = {
    "місто", "село", "селище", "смт", "вулиця", "вул.", "проспект",
    "просп.", "площа", "пл.", "річка", "озеро", "острів", "урочище", "хутір",
    "м.", "с.", "р.", "город", "г.", "поселок", "посёлок", "пос.", "деревня",
    "улица", "ул.", "площадь", "река", "остров", "станица", "хутор", "town",
    "city", "village", "river", "street", "кантон", "штат", "провінція",
    "провинция", "графство", "префектура", "воєводство", "воеводство",
    "містечко", "городок", NULL};

/* ... and the case forms of those that the declension misses (the
 * fleeting vowel of посёлок). */
static const char *const place_before_forms[] = {
    "поселка", "поселку", "поселком", "поселке", "посёлка", "посёлку",
    "посёлком", "посёлке", NULL};

/* Street types: a street's name includes them (вулиця Франка). */
static const char *const street_types[] = {
    "вулиця", "вул.", "проспект", "просп.", "площа", "пл.", "бульвар",
    "бульв.", "провулок", "пров.", "узвіз", "улица", "ул.", "площадь",
    "переулок", "пер.", NULL};

/* English verbs after which news names a source, and the byline verbs
 * before "by" (said Marit Olvendahl; Editing by …). */
static const char *const saying_words[] = {
    "said", "says", "told", "added", "wrote", "asked", "explained", "warned",
    "reporting", "editing", "writing",
    /* after reported speech: «…», — сказав Вальчишин. */
    "сказав", "сказала", "заявив", "заявила", "додав", "додала", "зазначив",
    "зазначила", "наголосив", "наголосила", "підкреслив", "підкреслила",
    "пояснив", "пояснила", "відповів", "відповіла", "сказал", "сказала",
    "заявил", "заявила", "добавил", "добавила", "отметил", "отметила",
    "подчеркнул", "подчеркнула", "пояснил", "пояснила", "ответил",
    "ответила", NULL};

static const char *const compass[] = {
    "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "northeast", "northwest", "southeast",
    "southwest", "north-east", "north-west", "south-east", "south-west",
    NULL};

static const char *const prep_place[] = {
    "у", "в", "до", "з", "із", "зі", "біля", "під", "поблизу", "неподалік",
    "поруч", "коло", "через", "на", "над", "во", "из", "около", "возле",
    "близ", "под", "in", "near", "at", "from", "outside", "around", "into",
    "towards", NULL};

static const char *const report_words[] = {
    "повідомляє", "повідомила", "повідомили", "повідомило", "пише", "писало",
    "написало", "передає", "зазначає", "інформує", "цитує", "повідомляв",
    "повідомляла", "повідомляло", "інформував", "сообщает", "сообщал",
    "сообщала", "сообщало",
    "сообщило", "сообщила", "сообщили", "пишет", "передает", "отмечает",
    "информирует", "цитирует", "reports", "reported", "according", "citing",
    "cited", "wrote", "writes", "report", NULL};

/* What only a company has or is run by, after its name (Zorvex shares,
 * Halvorn's earnings, Brightfen chief executive): rule_org.c says which
 * may follow the bare name and which only a possessive. */
static const char *const business_words[] = {
    "shares", "stock", "shareholders", "stockholders", "earnings",
    "revenue", "revenues", "profit", "profits", "sales", "operations",
    "subsidiary", "subsidiaries", "ceo", "cfo", "chief", "managing", "board",
    "quarterly", "share", NULL};

/* What is named after a person, written after the name (Charles De
 * Gaulle airport, Louis Armstrong International Airport, Nobel Prize). */
static const char *const facility_words[] = {
    "airport", "hotel", "zoo", "stadium", "arena", "bridge", "hospital",
    "museum", "library", "prize", "award", "awards", "memorial", "center",
    "centre", "school", "college", "street", "avenue", "boulevard", "square",
    "park", "station", "highway", "dam", "tunnel", "telescope", NULL};

/* What a company is, in lower case before its name (logistics firm
 * Dunmore Freight, Danish lender Tollund, carmaker Zorvex).  Not
 * "group" or "agency", which as often precede a weekday, nor "maker" or
 * "publisher", which may be people. */
static const char *const firm_words[] = {
    "firm", "company", "lender", "insurer", "carmaker", "automaker",
    "chipmaker", "drugmaker", "planemaker", "steelmaker", "toymaker",
    "retailer", "conglomerate", "miner", "airline", "broker", "startup",
    "start-up", "bank", "operator", "developer", "supplier", "manufacturer",
    "chain", "utility", "refiner", "shipper", NULL};

/* Words that begin an English place's name (Port Talbot, Fort Hood,
 * Mount Zarvel, Lake Zarwood, Cape Zarn). */
static const char *const place_prefixes[] = {"port", "fort", "mount", "mt.", "lake", "cape",
                                             NULL};

/* English adjectives written with a capital that follow given names
 * without being surnames (Roman Catholic, Christian Democratic). */
static const char *const en_adjectives[] = {
    "american", "british", "english", "french", "german", "russian",
    "ukrainian", "chinese", "japanese", "korean", "indian", "pakistani",
    "afghan", "iraqi", "iranian", "syrian", "israeli", "palestinian",
    "arab", "turkish", "european", "african", "asian", "catholic",
    "orthodox", "protestant", "christian", "muslim", "islamic", "jewish",
    "sunni", "shiite", "shia", "democratic", "republican", "socialist",
    "communist", "liberal", "conservative", "labour", "national", "federal",
    "international", "western", "eastern", "northern", "southern", "central",
    "united", "royal", "imperial", "special", "global", "general", NULL};

static const char *const particles[] = {
    "von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "des",
    "la", "le", "al", "el", "bin", "ibn", "ben", "bint", "dos", "das", "ter",
    "фон", "ван", "дер", "де", "ді", "ді", "дю", "ла", "ле", "аль", "ель",
    "бін", "бен", "ибн", "бин", "ель", NULL};

/* Common Chinese family names in pinyin (Wang, Li, Zhang ...); "he" is
 * left out, being an English word. */
static const char *const cn_family_names[] = {
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
    "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "gao", "lin", "luo",
    "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao",
    "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang",
    "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen",
    "yao", "jin", "fan", "fang", "shi", "wen", "qian", "dai", "xia", "zou",
    "xiong", "meng", "qin", "bai", "mao", "hao", "gong", "kong", "wan", "gu",
    "lei", "tao", "duan", "hou", "shao", "qiu", "cui", "kang", "xue", "yin",
    "lai", "qiao", "yan", NULL};

/* Ministries' short names in uk and ru, with their case forms listed
 * rather than generated: the ones in capitals (МЗС) and in -и/-ы/-о
 * (Міноборони, Минэнерго) never decline, and a generated paradigm
 * would give them forms no one writes. */
static const char *const ministry_short_names[] = {
    "мзс", "мвс", "міноборони", "мон", "мінфін", "мінфіну", "мінфіном",
    "мінфіні", "мінюст", "мінюсту", "мінюстом", "мінюсті", "мінекономіки",
    "мінцифри", "міносвіти", "мінкульт", "мінкульту", "мінкультом",
    "мінкульті", "міненерго", "мінприроди", "мінагрополітики",
    "мінінфраструктури", "мінсоцполітики", "мінрегіон", "мінрегіону",
    "мінрегіоном", "мінрегіоні", "мінветеранів", "мінреінтеграції",
    "мінстратегпром", "мінстратегпрому", "мінстратегпромом", "мид", "мида",
    "миду", "мидом", "миде", "мвд",
    "мчс", "минобороны", "минздрав", "минздрава", "минздраву", "минздравом",
    "минздраве", "минфин", "минфина", "минфину", "минфином", "минфине",
    "минюст", "минюста", "минюсту", "минюстом", "минюсте", "минэнерго",
    "минэкономразвития", "минпромторг", "минпромторга", "минпромторгу",
    "минпромторгом", "минпромторге", "минтранс", "минтранса", "минтрансу",
    "минтрансом", "минтрансе", "минсельхоз", "минсельхоза", "минсельхозу",
    "минсельхозом", "минсельхозе", "минкультуры", "минобрнауки",
    "минпросвещения", "минтруда", "минцифры", "минприроды", "минстрой",
    "минстроя", "минстрою", "минстроем", "минстрое", NULL};

/* The table and its filter (see wordclass.h), built once. */
struct tt_wc_tables tt_wc_tables;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void add_hash(uint64_t h, unsigned cls) {
  struct tt_wc_tables *t = &tt_wc_tables;
  h = h ? h : 1;
  tt_bit_set(t->filter, tt_wc_filter_bit(h));
  size_t i = (size_t)h & t->mask;
  while (t->slots[i].hash && t->slots[i].hash != h)
    i = (i + 1) & t->mask;
  t->slots[i].hash = h;
  t->slots[i].classes |= cls;
}

static void add_word(const char *w, size_t len, unsigned cls) {
  tt_buf key = {NULL, 0, 0};
  tt_key_append(&key, w, len);
  add_hash(tt_hash_bytes(key.data, key.len), cls);
  tt_buf_free(&key);
}

static void add_form(void *ctx, const char *form, size_t len, int case_id) {
  (void)case_id;
  add_word(form, len, *(const unsigned *)ctx);
}

/* Adds a list; Cyrillic nouns also in every case form (both languages'
 * paradigms: the lists mix them, and a wrong extra form is harmless). */
static void add_list(const char *const *words, unsigned cls, int decline) {
  for (size_t i = 0; words[i]; i++) {
    size_t n = strlen(words[i]);
    add_word(words[i], n, cls);
    if (!decline || (unsigned char)words[i][0] < 0x80)
      continue;
    tt_infl_attrs a = {0, 0, 0, 0, -1, NULL, 0};
    tt_inflect(TEITAG_LANG_UK, TEITAG_TYPE_LOC, words[i], n, &a, add_form, &cls);
    tt_inflect(TEITAG_LANG_RU, TEITAG_TYPE_LOC, words[i], n, &a, add_form, &cls);
  }
}

static void build_all(void) {
  tt_chars_init();
  tt_wc_tables.mask = 16384 - 1;
  tt_wc_tables.slots = tt_xcalloc(tt_wc_tables.mask + 1, sizeof *tt_wc_tables.slots);
  add_list(function_words, TT_WC_FUNCTION, 0);
  add_list(en_role_words, TT_WC_EN_ROLE, 0);
  add_list(month_words, TT_WC_MONTH, 1);
  add_list(role_words, TT_WC_ROLE, 1);
  add_list(org_heads, TT_WC_ORG_HEAD, 1);
  add_list(administration_acronyms, TT_WC_ORG_HEAD, 0);
  add_list(legal_forms, TT_WC_LEGAL, 0);
  add_list(legal_forms_before, TT_WC_LEGAL | TT_WC_LEGAL_BEFORE, 0);
  add_list(place_types, TT_WC_PLACE_TYPE, 1);
  add_list(place_type_abbreviations, TT_WC_PLACE_TYPE | TT_WC_TYPE_ABBREV, 0);
  add_list(compass, TT_WC_COMPASS, 0);
  add_list(saying_words, TT_WC_SAYING, 0);
  add_list(place_before, TT_WC_PLACE_BEFORE, 1);
  add_list(place_before_forms, TT_WC_PLACE_BEFORE, 0);
  add_list(street_types, TT_WC_STREET, 1);
  add_list(prep_place, TT_WC_PREP_PLACE, 0);
  add_list(report_words, TT_WC_REPORT, 0);
  add_list(particles, TT_WC_PARTICLE, 0);
  add_list(en_adjectives, TT_WC_ADJECTIVE, 0);
  add_list(cn_family_names, TT_WC_CN_FAMILY, 0);
  add_list(ministry_short_names, TT_WC_MINISTRY, 0);
  add_list(company_words, TT_WC_COMPANY, 0);
  add_list(no_complement_words, TT_WC_NO_COMPLEMENT, 0);
  add_list(org_person_words, TT_WC_ORG_PERSON, 1);
  add_list(org_person_forms, TT_WC_ORG_PERSON, 0);
  add_list(club_person_words, TT_WC_ORG_PERSON, 1);
  add_list(club_forms, TT_WC_ORG_PERSON, 0);
  add_list(unit_words, TT_WC_MIL_UNIT, 1);
  add_list(result_verbs, TT_WC_RESULT, 0);
  add_list(honour_words, TT_WC_HONOUR, 0);
  add_list(church_words, TT_WC_HONOUR, 1);
  add_list(church_forms, TT_WC_HONOUR, 0);
  add_list(business_words, TT_WC_BUSINESS, 0);
  add_list(facility_words, TT_WC_FACILITY, 0);
  add_list(firm_words, TT_WC_FIRM, 0);
  add_list(place_prefixes, TT_WC_PLACE_PREFIX, 0);
}

void tt_word_class_init(void) { pthread_once(&once, build_all); }

void tt_word_class_doc(teitag_doc *doc) {
  /* the set of words in lower case is left to tt_doc_lower_words, which
   * builds it from the tokens here (gather_lower unset), once */
  tt_word_class_init();
  for (size_t i = 0; i < doc->n_toks; i++) {
    tt_token *t = &doc->toks[i];
    t->classes = 0;
    if (t->kind == TEITAG_TOKEN_WORD)
      tt_word_class_token(doc, t);
  }
  for (size_t pi = 0; pi < doc->n_paras; pi++) {
    tt_para *p = &doc->paras[pi];
    p->classes = 0;
    for (size_t i = p->tok_begin; i < p->tok_end; i++)
      p->classes |= doc->toks[i].classes;
  }
}

unsigned tt_word_class(uint64_t key_hash) {
  tt_word_class_init();
  return tt_word_class_lookup(key_hash);
}
