/* SPDX-License-Identifier: MIT
 *
 * check_names.c -- the name rules, propagation and the given-name lexicons,
 * run with the default gazetteer as users get it.
 *
 * Each rule case is a sentence written for this suite in which every
 * entity is marked ⟦TYPE text⟧.  The marks are removed, the text is
 * annotated (money off), and the entities found must be exactly the marked
 * ones: a missing name fails the case, and so does a false one.  Where a
 * case names a rule, the first marked entity must have been proposed by it
 * (its `source`), so that a gazetteer entry added later cannot hide a
 * broken rule.  The names are invented or deliberately absent from the
 * gazetteers.
 *
 * The lexicon test reads tests/data/given-name-forms.tsv (hand-checked case
 * forms of Ukrainian and Russian given names) and asks whether each form is
 * known as a given name.
 */
#include "config.h"

#include <stdio.h>

#include "gaz.h"
#include "testutil.h"

static teitag_pipeline *default_pipeline(void) {
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_diag diag;
  teitag_status st = teitag_pipeline_use_default_gazetteer(p, &diag);
  ck_assert_msg(st == TEITAG_OK, "default gazetteer: %s (set TEITAG_DATA_DIR)",
                diag.message);
  teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY);
  return p;
}

typedef struct {
  const char *text; /* with ⟦TYPE name⟧ marks */
  const char *rule; /* source prefix of the first mark, or NULL */
} rule_case;

typedef struct {
  size_t start, end;
  teitag_type type;
} mark;

#define OPEN_MARK "\xE2\x9F\xA6"  /* ⟦ */
#define CLOSE_MARK "\xE2\x9F\xA7" /* ⟧ */

/* Strips the marks from `in` into `out`, recording them; returns their
 * number. */
static size_t strip_marks(const char *in, char *out, mark *marks, size_t max) {
  size_t n = 0, o = 0;
  while (*in) {
    if (strncmp(in, OPEN_MARK, 3) == 0) {
      in += 3;
      const char *space = strchr(in, ' ');
      ck_assert_ptr_nonnull(space);
      char type[8] = {0};
      memcpy(type, in, (size_t)(space - in) < 7 ? (size_t)(space - in) : 7);
      ck_assert_uint_lt(n, max);
      marks[n].type = teitag_type_from_name(type);
      ck_assert_msg(marks[n].type != TEITAG_TYPE_NONE, "bad mark type %s", type);
      marks[n].start = o;
      in = space + 1;
      const char *close = strstr(in, CLOSE_MARK);
      ck_assert_ptr_nonnull(close);
      memcpy(out + o, in, (size_t)(close - in));
      o += (size_t)(close - in);
      marks[n++].end = o;
      in = close + 3;
    } else {
      out[o++] = *in++;
    }
  }
  out[o] = '\0';
  return n;
}

static void check_case(const teitag_pipeline *p, const rule_case *c) {
  char text[2048];
  mark marks[16];
  ck_assert_uint_lt(strlen(c->text), sizeof text);
  size_t n_marks = strip_marks(c->text, text, marks, 16);
  char *copy = tu_copy(text, strlen(text));
  teitag_doc *doc = NULL;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(p, copy, strlen(text), "case", &doc, &diag), TEITAG_OK);
  free(copy);
  size_t n_spans = teitag_doc_n_spans(doc);
  char found[1024] = "";
  size_t used = 0;
  int ok = 1;
  for (size_t i = 0; i < n_spans; i++) {
    teitag_span s;
    teitag_doc_span(doc, i, &s);
    used += (size_t)snprintf(found + used, used < sizeof found ? sizeof found - used : 0,
                             " %s[%.*s](%s)", teitag_type_name(s.type),
                             (int)(s.end - s.start), text + s.start, s.source);
    if (used >= sizeof found)
      used = sizeof found - 1;
    size_t k = 0;
    while (k < n_marks && !(marks[k].start == s.start && marks[k].end == s.end &&
                            marks[k].type == s.type))
      k++;
    if (k == n_marks)
      ok = 0; /* a span nobody marked */
    if (k == 0 && c->rule && strncmp(s.source, c->rule, strlen(c->rule)) != 0)
      ok = 0; /* found, but not by the rule under test */
  }
  if (n_spans != n_marks)
    ok = 0;
  ck_assert_msg(ok, "%s\n  found:%s", c->text, found);
  teitag_doc_free(doc);
}

static const rule_case person_cases[] = {
    /* the president's surname before "administration" */
    {"Critics of the " OPEN_MARK "PER Halvorsen" CLOSE_MARK " administration say the plan "
     "failed, while the Kurdish administration and the Democratic administration stayed quiet.",
     "rule:person administration"},
    {"Aid reached the " OPEN_MARK "LOC Kabul" CLOSE_MARK " administration late.", NULL},
    /* a role that is also a surname, after a given name and ending the
     * name, is the surname; before "of" it is the title again */
    {"Liberal MP " OPEN_MARK "PER Bronwyn Bishop" CLOSE_MARK " took the chair, and "
     OPEN_MARK "PER Bishop" CLOSE_MARK " smiled. The Bishop of Zarmouth did not.",
     "rule:person after-role"},
    /* police ranks and athletes announce a person too */
    {"The runner " OPEN_MARK "PER Zaro Kiptanui" CLOSE_MARK " told Police Superintendent "
     OPEN_MARK "PER Mark Hanlow" CLOSE_MARK " she was robbed.",
     "rule:person after-role"},
    /* a given name that is also a common word is a name between commas
     * or before a verb of saying, not after an article */
    {"A witness, " OPEN_MARK "PER Carol Pearton" CLOSE_MARK ", said the driver fled. "
     OPEN_MARK "PER Heather Wolling" CLOSE_MARK " reports from the scene. But the Rich Man "
     "said no.",
     "rule:person given-name+surname"},
    /* a surname in capitals after an unlisted given name, as reference
     * works write it */
    {"In 2005 President " OPEN_MARK "PER Dastan KORBEKOV" CLOSE_MARK " resigned.",
     "rule:person after-role"},
    /* particles inside Latin surnames, after initials and after a first
     * surname; a surname prefix El before a capital */
    {"Yesterday " OPEN_MARK "PER J. R. Van Heerden" CLOSE_MARK " wrote to " OPEN_MARK
     "PER Lucia Mendes de Castro" CLOSE_MARK " and " OPEN_MARK "PER Omar ElHadidi" CLOSE_MARK
     ".",
     "rule:person initials+surname"},
    /* "Abu" and a name, then a surname with its article; without it, as
     * often a place */
    {OPEN_MARK "PER Abu Tariq al-Wasiti" CLOSE_MARK " spoke of the prison at Abu Kharib.",
     "rule:person kunya"},
    /* an English title with its "of" complement, then the name; a
     * hyphenated rank is a title too */
    {"Minister of Coastal Affairs " OPEN_MARK "PER Orla Brennick" CLOSE_MARK
     " said, and Lieutenant-General " OPEN_MARK "PER Dunstan Vell" CLOSE_MARK " agreed.",
     "rule:person after-role"},
    /* a person listed with the title before the name: the title helps the
     * match and stays outside the name */
    {"Митрополит " OPEN_MARK "PER Епіфаній" CLOSE_MARK " очолив богослужіння, а Pope "
     OPEN_MARK "PER Francis" CLOSE_MARK " prayed.",
     "gazetteer:people.tsv"},
    /* after a role, a capitalised genitive before a given name is whom the
     * person works for; a surname put first keeps its given name and
     * patronymic */
    {"Про це заявив керівник Зорецентру " OPEN_MARK "PER Остап Вереск" CLOSE_MARK
     ", а підписав директор " OPEN_MARK "PER Брилько Остап Петрович" CLOSE_MARK ".",
     "rule:person given-name+surname"},
    /* a surname's initials after it, after a role too, but not taking a
     * capitalised adjective that starts the next sentence, nor a Latin
     * abbreviation after them */
    {"Договір уклали з директором " OPEN_MARK "PER Гарматюком В. І." CLOSE_MARK
     " минулого року.",
     "rule:person after-role"},
    {"Фірму продали " OPEN_MARK "PER Гарматюку В. І." CLOSE_MARK
     " Основним власником лишився фонд.",
     "rule:person surname+initials"},
    {"Лікар " OPEN_MARK "PER Ластовенко А.Т." CLOSE_MARK " P.S. Записатися можна щодня.",
     "rule:person"},
    {"Консультації веде " OPEN_MARK "PER Ластовенко А.Т." CLOSE_MARK " P.S. Запис щодня.",
     "rule:person surname+initials"},
    {"Прийом веде лікар " OPEN_MARK "PER Ластовенко А.Т." CLOSE_MARK " P.S. Запис щодня.",
     "rule:person after-role"},
    /* English news names sources after "said" and staff in bylines */
    {"\"Demand is weak,\" said " OPEN_MARK "PER Marit Olvendahl" CLOSE_MARK
     ", a trader.",
     "rule:person after-said"},
    {"Prices fell again. (Editing by " OPEN_MARK "PER Jonas Feldkampe" CLOSE_MARK ")",
     "rule:person byline"},
    {"Shares jump on relief By " OPEN_MARK "PER Ostin Prakarsh" CLOSE_MARK " and "
     OPEN_MARK "PER Alvar Smoutten" CLOSE_MARK " " OPEN_MARK "LOC LONDON" CLOSE_MARK
     " (" OPEN_MARK "ORG Reuters" CLOSE_MARK ") - Shares rose.",
     "rule:person byline"},
    /* a byline glued to the first sentence keeps two of three words,
     * unless the second is a given name */
    {"Profits rose. By " OPEN_MARK "PER Dorian Kellworth" CLOSE_MARK
     " Intellectual property firms grew.",
     "rule:person byline"},
    {"Profits rose. By " OPEN_MARK "PER Mary Ann Quorvell" CLOSE_MARK
     " for the weekly paper.",
     "rule:person byline"},
    /* the speaker after reported speech, a dash and a verb of saying */
    {"«Ми встигнемо до весни», — сказав " OPEN_MARK "PER Вальчишин" CLOSE_MARK ".",
     "rule:person after-speech"},
    {"\"Это невозможно\", - заявил " OPEN_MARK "PER Вальдштейн" CLOSE_MARK " журналистам.",
     "rule:person after-speech"},
    {"«Добре», — сказав " OPEN_MARK "LOC Київ" CLOSE_MARK ".", "gazetteer"},
    /* every author of a byline, also between commas */
    {"Reporting by " OPEN_MARK "PER Dervla Quant" CLOSE_MARK ", " OPEN_MARK
     "PER Oskari Vehmas" CLOSE_MARK " and " OPEN_MARK "PER Tamsin Orr" CLOSE_MARK
     "; Editing by " OPEN_MARK "PER Hugh Lawless" CLOSE_MARK,
     "rule:person byline"},
    /* two unknown capitalised words before ", who" */
    {"Police questioned " OPEN_MARK "PER Tembo Makwaza" CLOSE_MARK ", who runs a clinic. "
     OPEN_MARK "PER Makwaza" CLOSE_MARK " denied it.",
     "rule:person before-who"},
    /* ... but not after an article, an ordinal or with a compass word */
    {"Medals went to the Harwood Falcons, who won twice.", NULL},
    {"Pilots of the 41st Silver Lancers, who flew at dawn, landed.", NULL},
    {"The camp shelters East Timorese, who fled the fighting.", NULL},
    /* ... but not a company */
    {"\"We disagree,\" said " OPEN_MARK "ORG Veltrax Holdings" CLOSE_MARK " on Monday.",
     "rule:org"},
    /* a given name that is also a word (gene, rose) is a name where only
     * a name takes a capital: inside a sentence after a lower-case word */
    {"The president has named " OPEN_MARK "PER Gene Vostrikar" CLOSE_MARK
     " as his adviser.",
     "rule:person given-name+surname"},
    {"Gene Vostrikar therapy trials began.", NULL},
    /* a Chinese family name and a given name in pinyin */
    {"The delegation was led by " OPEN_MARK "PER Qiao Minhuai" CLOSE_MARK
     ", a deputy minister, and " OPEN_MARK "PER Xie Zhuo-ling" CLOSE_MARK ".",
     "rule:person chinese-name"},
    /* ... but not when they head a company's name, nor an English word */
    {"Shares of " OPEN_MARK "ORG Gao Minhuai Group" CLOSE_MARK
     " rose, and Sun Bright fell.",
     "rule:org"},
    /* more roles that announce a name */
    {"The negotiator " OPEN_MARK "PER Amiruddin" CLOSE_MARK
     " met the cleric " OPEN_MARK "PER Qarawi" CLOSE_MARK ".",
     "rule:person after-role"},
    /* ranks after a role are no name: the name follows them */
    {"The information minister Brigadier General " OPEN_MARK "PER Tun Aungkhar"
     CLOSE_MARK " spoke.",
     "rule:person after-role"},
    /* one word after a role that goes on into a title or a numbered
     * document is no name */
    {"She will report to Chief Investment Officer " OPEN_MARK "PER Marlon Quistgaard"
     CLOSE_MARK ", under Executive Order 14002.",
     "rule:person"},
    /* a name before a company's designator is the company's */
    {"Investment firm " OPEN_MARK "ORG Darnell Quistgaard & Co" CLOSE_MARK
     " said it had hired a trader.",
     "rule:org"},
    /* a role that owns what follows announces no name */
    {"Crowds marked the Queen's Diamond Jubilee at the businessman's summer "
     "Gatsby parties.", NULL},
    /* hyphenated titles stay outside the name */
    {"The alliance's Secretary-General " OPEN_MARK "PER Oyelaran Dukweni" CLOSE_MARK
     " arrived late.",
     "rule:person"},
    /* after an honorific a company's or place's one-word name is a surname */
    {"Asked about it, Ms " OPEN_MARK "PER Tesla" CLOSE_MARK " declined to comment.",
     "rule:person after-role"},
    /* British style: Mr without a dot */
    {"Asked about it, Mr " OPEN_MARK "PER Tanaro" CLOSE_MARK " said no.",
     "rule:person after-role"},
    /* some sources write surnames in capitals */
    {"The assembly elected " OPEN_MARK "PER Ottavio Luigi PERSANTI" CLOSE_MARK
     " to the presidency.",
     "rule:person given-name+surname"},
    /* registers write the surname first */
    {"До складу ради увійшли " OPEN_MARK "PER Гаврищук Остап Левкович" CLOSE_MARK " та інші.",
     "rule:person surname+given+patronymic"},
    {OPEN_MARK "PER Ковригіна Мотря Іванівна" CLOSE_MARK ", вчителька, прийшла.",
     "rule:person surname+given+patronymic"},
    /* "Surname I. O." when only the word before looks like a surname */
    {"Главный редактор " OPEN_MARK "PER Ковригина О.А." CLOSE_MARK
     " Телефон редакции указан ниже.",
     "rule:person surname+initials"},
    /* initials join a listed surname, with or without a space */
    {"Як заявив " OPEN_MARK "PER Б.Обама" CLOSE_MARK ", переговори тривають.",
     "gazetteer"},
    {"Про це сказав " OPEN_MARK "PER О. Лукашенко" CLOSE_MARK " у вівторок, а "
     OPEN_MARK "PER Б. Обама" CLOSE_MARK " мовчав.",
     "gazetteer"},
    /* after a role, a given name takes its surname even when that is also
     * a place */
    {"Промову виголосив президент " OPEN_MARK "PER Ярослав Полтава" CLOSE_MARK
     " у середу.",
     "rule:person given-name+surname"},
    /* ... while a Latin name with particles runs to its end */
    {"President " OPEN_MARK "PER Marisol Ortega de Vallejo" CLOSE_MARK " said so.",
     "rule:person after-role"},
    /* "после" is a preposition here, not посол's locative */
    {"Отношения после " "Fernwald" " обсудили ещё раз.", NULL},
    /* monarchs' titles announce a name and stay outside it */
    {"Указ подписал император " OPEN_MARK "PER Мацухира" CLOSE_MARK ".",
     "rule:person after-role"},
    {"The decree was signed by Emperor " OPEN_MARK "PER Matsuhira" CLOSE_MARK ".",
     "rule:person after-role"},
    /* pre-tokenized text writes an initial and its dot apart */
    {"Американські дослідники ( " OPEN_MARK "PER Т . Бразельтер" CLOSE_MARK
     " ) визначили це .",
     "rule:person initials+surname"},
    {"Навесні 1655 р . " OPEN_MARK "PER Б . Хмельницький" CLOSE_MARK
     " вирушив із військом .",
     "rule:person initials+surname"},
    {"Хрести встановили ще до указу " OPEN_MARK "PER В . Ющенка" CLOSE_MARK " .",
     "gazetteer"},
    {"Бабця " OPEN_MARK "PER Мотря" CLOSE_MARK " вчила нас читати.",
     "rule:person given-name"},
    /* a given name the gazetteer took for a place, where a person acts */
    {"Мати хвилюється, бо " OPEN_MARK "PER Сава" CLOSE_MARK " привіз друга.",
     "rule:person given-name"},
    {"Делегація поїхала до " OPEN_MARK "LOC Софії" CLOSE_MARK " в четвер.", "gazetteer"},
    /* Cyrillic months are lower case: a capitalised "Марту" is a name */
    {"Дарма він " OPEN_MARK "PER Марту" CLOSE_MARK " образив.", "rule:person given-name"},
    {"Тренером став " OPEN_MARK "PER Микола Лютий" CLOSE_MARK ".",
     "rule:person given-name+surname"},
    /* a given name that is also a word is a name inside a sentence ... */
    {"Про це нам розповів " OPEN_MARK "PER Роман" CLOSE_MARK " у вівторок.",
     "rule:person given-name"},
    /* ... but not at its start */
    {"Роман вийшов друком у вівторок.", NULL},
    /* a sentence-initial function word is no neighbouring name */
    {"Однак " OPEN_MARK "PER Мотря" CLOSE_MARK " була хитрою.",
     "rule:person given-name"},
    /* ... also one that is a case form of a given name (Коли: Коля) */
    {"Коли " OPEN_MARK "PER Мотря" CLOSE_MARK " пішла додому, стемніло.",
     "rule:person given-name"},
    {"Тому " OPEN_MARK "PER Мотря" CLOSE_MARK " мовчала.", "rule:person given-name"},
    /* deities are named persons; the common noun is not */
    {"Дякувати " OPEN_MARK "PER Богові" CLOSE_MARK ", усі живі, а бог війни мовчить.",
     "gazetteer"},
    {"Вони молилися " OPEN_MARK "PER Господу" CLOSE_MARK " щодня.", "gazetteer"},
    {"Они молились " OPEN_MARK "PER Иисусу Христу" CLOSE_MARK " каждый день.",
     "gazetteer"},
    /* "по имени" introduces the person, not an institution's patron */
    {"Мальчик по имени " OPEN_MARK "PER Артём" CLOSE_MARK " пришёл домой.",
     "rule:person given-name"},
    /* regnal numbers: Latin, and Cyrillic І as Ukrainian typing has it */
    {"Палац збудували за " OPEN_MARK "PER Казимира IV" CLOSE_MARK ".",
     "rule:person regnal"},
    {"При " OPEN_MARK "PER Петре II" CLOSE_MARK " столицу перенесли.",
     "rule:person regnal"},
    {"Грамоту видав " OPEN_MARK "PER Данило ІІ" CLOSE_MARK " у березні.",
     "rule:person regnal"},
    {"The castle was rebuilt under " OPEN_MARK "PER Edmund VII" CLOSE_MARK ".",
     "rule:person regnal"},
    /* a name after a title takes the numeral that follows */
    {"The coronation of King " OPEN_MARK "PER Ottokar I" CLOSE_MARK " was brief.",
     "rule:person after-role"},
    {"Учора в " OPEN_MARK "LOC Житомирі" CLOSE_MARK " виступив " OPEN_MARK
     "PER Остап Кравчишин" CLOSE_MARK ", місцевий підприємець.",
     NULL},
    {"Зустріч з " OPEN_MARK "PER Оксаною Мельничук" CLOSE_MARK " тривала годину.",
     "rule:person given-name+surname"},
    {"Вчера к журналистам вышел " OPEN_MARK "PER Аркадий Семёнович Лапшин" CLOSE_MARK ".",
     "rule:person given-name+surname"},
    {"Заяву підписав " OPEN_MARK "PER В. Дерев'янко" CLOSE_MARK ".",
     "rule:person initials+surname"},
    {"Об этом сообщил " OPEN_MARK "PER Н. П. Ковригин" CLOSE_MARK " на заседании.",
     "rule:person initials+surname"},
    {"The report was written by " OPEN_MARK "PER J. D. Hollister" CLOSE_MARK
     " last year.",
     "rule:person initials+surname"},
    /* a first initial before the given name in use, then the surname */
    {"The bill was backed by " OPEN_MARK "PER H. Lionel Pemberton" CLOSE_MARK
     " of the finance committee.",
     "rule:person initials+surname"},
    {"Про це заявив міністр " OPEN_MARK "PER Гнатюк" CLOSE_MARK " під час брифінгу.",
     "rule:person after-role"},
    {"The company's spokesman, " OPEN_MARK "PER Trevor Wadsworth" CLOSE_MARK
     ", declined to comment.",
     NULL},
    {"Наступного дня " OPEN_MARK "PER Ковальчук" CLOSE_MARK " повернувся до " OPEN_MARK
     "LOC Львова" CLOSE_MARK ".",
     "rule:person surname"},
    {"Ahead of the vote, " OPEN_MARK "PER Greg McAllister" CLOSE_MARK " said little.",
     "rule:person given-name+surname"},
    {"The cleric " OPEN_MARK "PER Ibrahim Yusuf al-Rashidi" CLOSE_MARK
     " was released on bail.",
     "rule:person"},
    /* the title stays outside the name */
    {"Prime Minister " OPEN_MARK "PER Edwin Castellano" CLOSE_MARK " resigned.",
     NULL},
    /* after a role: particles, initials and four-part names stay whole */
    {"The militant leader " OPEN_MARK "PER Harun bin Qasimi" CLOSE_MARK
     " was seen in the hills.",
     "rule:person after-role"},
    {"The envoy " OPEN_MARK "PER Maarten van der Hoeven" CLOSE_MARK
     " arrived on Tuesday.",
     "rule:person after-role"},
    {"Mr. " OPEN_MARK "PER da Cunha" CLOSE_MARK " left early.",
     "rule:person after-role"},
    /* with no role before it, a given name takes two particles and the
     * surname after them */
    {"The plan was backed by " OPEN_MARK "PER Pieter van der Molendijk" CLOSE_MARK
     " on Tuesday, and " OPEN_MARK "PER Marco de la Ferrante" CLOSE_MARK " agreed.",
     "rule:person given-name+surname"},
    {"The senator " OPEN_MARK "PER Hollis T.W. Pembrook" CLOSE_MARK
     " voted against it.",
     "rule:person after-role"},
    {"The minister " OPEN_MARK "PER Ignacio Ruiz Montoya Ferrer" CLOSE_MARK
     " said the talks would go on.",
     "rule:person after-role"},
    /* a one-word name after a role, then its verb or a conjunction; a
     * doctor or a count announces a name as a minister does */
    {"Зранку професор " OPEN_MARK "PER Кушнірук" CLOSE_MARK " говорив про реформу.",
     "rule:person after-role"},
    {"На порозі стояв доктор " OPEN_MARK "PER Вайнгартен" CLOSE_MARK
     " і чекав на відповідь.",
     "rule:person after-role"},
    {"Вчера граф " OPEN_MARK "PER Ровенцев" CLOSE_MARK " отбыл в имение.",
     "rule:person after-role"},
    /* ... but the state body a role heads is no person */
    {"Глава Минсвязи отметил, что расценки вырастут.", NULL},
    {"Речник Мінрибгоспу повідомив про нові правила.", NULL},
    /* Ukrainian adjectival surnames alone, in any case, where no noun
     * follows them; adjectives sharing a noun are no names */
    {"Листи від " OPEN_MARK "PER Завадовського" CLOSE_MARK " прийшли пізно.",
     "rule:person surname-shape"},
    {"Їхня родина щиро дякувала " OPEN_MARK "PER Завадовському" CLOSE_MARK ".",
     "rule:person surname-shape"},
    {"Ліси Фастівського та Богуславського районів горіли.", NULL},
    {"Маєток графа " OPEN_MARK "PER Завадовського" CLOSE_MARK " стояв порожній.",
     "rule:person surname-shape"},
    /* a given name the lexicon lacks before a surname of its shape, also
     * opening a sentence; not a noun or function word there */
    {"Заяву оприлюднив " OPEN_MARK "PER Бердан Кочиашвили" CLOSE_MARK " минулого тижня.",
     "rule:person"},
    {OPEN_MARK "PER Зурат Тамазян" CLOSE_MARK " заявив про відставку.",
     "rule:person surname-shape"},
    {"Прізвище " OPEN_MARK "PER Гарбузенко" CLOSE_MARK " він вигадав сам.",
     "rule:person surname-shape"},
    {"Наразі " OPEN_MARK "PER Кравчука" CLOSE_MARK " ніхто не бачив.",
     "rule:person surname-shape"},
    /* the given name and patronymic of polite address, even opening a
     * sentence */
    {OPEN_MARK "PER Богдан Онисимович" CLOSE_MARK " згадав війну.",
     "rule:person given-name+surname"},
    {"Тогда " OPEN_MARK "PER Мария Ивановна" CLOSE_MARK " вернулась домой.",
     "rule:person given-name+surname"},
    /* a given name before a surname listed alone: one person, and not the
     * listed one (the test below checks the ID) */
    {"Його син " OPEN_MARK "PER Тарас Янукович" CLOSE_MARK " має компанії.", "gazetteer"},
    {"Лист адресували митрополитові Київському .", NULL},
    /* a name in apposition to a role, closed by a comma */
    {"He met his counterpart, " OPEN_MARK "PER Tomasz Wielgosz" CLOSE_MARK
     ", in the morning.",
     "rule:person after-role"},
};

static const rule_case negative_cases[] = {
    /* a quoted name after a station or a place's type word is the place's
     * name, not an organisation's */
    {"Открыли станцию метро «Зорянский институт» и улицу «Новый университет».", NULL},
    /* a people or a party in the plural after a role or saying word, and
     * the end of an attribute after initials, are no persons */
    {"An army spokeswoman says Zembians fired first, and opposition Democrats "
     "agreed. The U.S-led force left.",
     NULL},
    /* a church's saint is no one in the news */
    {"Службу правили в храме Христа Спасителя и в церкви святого Николая.", NULL},
    /* given names that are also words, opening a sentence: no person
     * alone, and none joined to a listed name after them */
    {"Ми тут трохи посидимо … Яким ? Тема « нової поведінки » цікава. Слава "
     OPEN_MARK "PER Богу" CLOSE_MARK ", урожай є.",
     NULL},
    /* ... also after a dash, in a paragraph that is not the document's
     * last (the test once read the last paragraph's bounds) */
    {"— Віра " OPEN_MARK "PER Зеленського" CLOSE_MARK " тримає країну.\n\n"
     "Другий абзац про погоду.",
     NULL},
    /* a place's name alone in quotes names an album, a car, a club */
    {"Гурт записав альбом «Sofia» у " OPEN_MARK "LOC Львові" CLOSE_MARK ".", NULL},
    /* a listed person's one-word genitive opening a sentence is the
     * common noun it spells (кошти, funds); within one it is the person */
    {"Кошти передадуть школам. Візит " OPEN_MARK "PER Кошти" CLOSE_MARK " відклали.",
     NULL},
    /* a town's case form spelt like an adjective, opening a sentence
     * before a noun, is the adjective; within a sentence it is the town */
    {"Українська співачка виступила з концертом. Автобус їде до " OPEN_MARK
     "LOC Українська" CLOSE_MARK " щодня.",
     NULL},
    /* a noun that ends like an adjective of place (иске, иску) */
    {"Суд отказал в иску «Агротрона» к банку.", NULL},
    /* after an adjective of a nation, or a plural one, a quoted name is
     * as often a weapon's or a product's */
    {"Армія отримала харківські «Оплоти» минулого року.", NULL},
    {"Військо застосувало російський «Іскандер» проти міста.", NULL},
    /* a quoted name with a number is a product's or a model's */
    {"Завод випустив новий дніпровський «Зорелет-7» минулого тижня.", NULL},
    /* a facility named after a person, and a saint's name before a given
     * name, make no person */
    {"The plane left Edmund Cravath airport at noon.", NULL},
    {"The fans of San Marco Rovers cheered loudly.", NULL},
    /* an initial before a single capital is no name: "U.S" without its
     * last dot */
    {"Relations between U.S - Zembia ties improved.", NULL},
    /* a person an institution is named after takes no part in the news */
    {"Студенты института имени Н. Ф. Бортнянского вышли на улицу.", NULL},
    /* a lone Latin "I" after a given name is the pronoun unless a title
     * goes before */
    {"When Maria I met them, nothing was said.", NULL},
    /* repeated capitals that are no organisation: a weekday, a currency
     * code, a headline word too long for an acronym */
    {"Trading resumed on MONDAY and stopped again on MONDAY evening.", NULL},
    {"Quotes are in INR; the INR weakened.", NULL},
    {"Prices of BLUEWATERS rose and BLUEWATERS bonds fell.", NULL},
    {"Every CIO wants savings, so the CIO cut the budget.", NULL},
    /* capitals with a digit, repeated, are a model's code */
    {"Завод поставив 12 літаків ЗЛК-21, і ще 5 ЗЛК-21 чекають.", NULL},
    {"The fleet has 40 ZR300 jets and 12 more ZR300 are due.", NULL},
    /* a site's address is one token, its capitals no acronym alone; as a
     * whole it is the outlet a verb of reporting names */
    {"Про це пише " OPEN_MARK "ORG ZORA.UA" CLOSE_MARK ". Як повідомляв " OPEN_MARK
     "ORG ZORA.UA" CLOSE_MARK ", ціни зросли.",
     "rule:org reported-by"},
    /* a name written in capitals, as some agencies do */
    {"Agency files name the suspect as ROBERT; ROBERT denies it.", NULL},
    /* ... while an unknown acronym used twice is an organisation */
    {"The " OPEN_MARK "ORG ZTCU" CLOSE_MARK " called a strike and the "
     OPEN_MARK "ORG ZTCU" CLOSE_MARK " won.", "rule:org acronym"},
    /* an adjective of nationality before a type word names no place */
    {"Aid reached the troubled Zembian region by truck.", NULL},
    /* a Latin given name in Cyrillic text is a brand or a grade */
    {"Ціна нафти марки Brent зросла на два відсотки.", NULL},
    /* sentence-initial capitals are no evidence */
    {"Вчора пішов дощ. Потім стало холодно.", NULL},
    /* adverbs that are also case forms of given names (Даля, Нікола) */
    {"Спершу зважили зерно. Далі справа техніки. Ніколи не поспішай.", NULL},
    {"Mobile phones were cheaper this year.", NULL},
    /* an adverb before an organisation is not part of it */
    {"Раніше " OPEN_MARK "ORG Європейський Союз" CLOSE_MARK " і " OPEN_MARK
     "LOC Велика Британія" CLOSE_MARK " запровадили мита.",
     "gazetteer"},
    /* after "role," only a name that the apposition closes */
    {"Asked about the minister, Greenhill Farms stayed silent.", NULL},
    /* what is named after a person is not the person, whichever rule
     * or list found the name, nor is the surname found again there */
    {"Flights left John F. Kennedy International Airport and Harold Bremner airport "
     "late.",
     NULL},
    {"Strikes hit Charles de Gaulle airport. " OPEN_MARK "PER Charles de Gaulle" CLOSE_MARK
     " would have frowned.",
     "gazetteer"},
    /* an English City or Town in Title case begins a longer name */
    {"The mayor spoke to reporters at City Hall on Monday.", NULL},
    /* the Left Bank of a city is no news site named after it */
    {"Ремонт тепломереж на Лівому березі завершили.", NULL},
    /* a person's name alone in quotes names a club, a ship or a firm
     * after the person, also where the surname is known from the text;
     * a quoted phrase about the person still names him */
    {"Армійці зіграють проти «Остапа Вишняка», а теплохід «Тарас Шевченко» вийшов у "
     "море. " OPEN_MARK "PER Тарас Шевченко" CLOSE_MARK " писав вірші, а за «голову "
     OPEN_MARK "PER Шевченка" CLOSE_MARK "» ніхто не платив.",
     "gazetteer"},
    /* two capitalised words that the text also writes in lower case are
     * no person */
    {"Казали, що Країна Дурнів далеко, але ця країна існує.", NULL},
    /* a telescope named after a person is not the person */
    {"The James Webb Space Telescope found water.", NULL},
    /* codes are no organisations, even when repeated */
    {"The H5N1 strain spread. Tests for H5N1 continue.", NULL},
};

static const rule_case org_cases[] = {
    /* one who owns, runs or works for a company makes the quoted name
     * after him the company's, in any case and number */
    {"Директором «" OPEN_MARK "ORG Зорелит-Агро" CLOSE_MARK "» з травня є " OPEN_MARK
     "PER Іван Мельник" CLOSE_MARK ".",
     "rule:org person-of+quoted"},
    {"Серед власників «" OPEN_MARK "ORG Брамтекс" CLOSE_MARK "» є офшорна фірма.",
     "rule:org person-of+quoted"},
    {"Совладельцем «" OPEN_MARK "ORG Тальвега" CLOSE_MARK "» стал банкир.",
     "rule:org person-of+quoted"},
    /* a military unit named by its number, adjectives and head noun,
     * with its genitive complement and quoted name; not a count of units */
    {"Кошти передадуть " OPEN_MARK "ORG 107-й окремій бригаді територіальної оборони"
     CLOSE_MARK ", а " OPEN_MARK "ORG 41-ша окрема механізована бригада «Зоряний Яр»"
     CLOSE_MARK " відбила атаку.",
     "rule:org numbered unit"},
    {"Підозру отримали командири " OPEN_MARK "ORG 812-ї бригади морської піхоти" CLOSE_MARK
     ", а бійці 1-ї бригади відійшли.",
     "rule:org numbered unit"},
    {"Бойцы " OPEN_MARK "ORG 57-й отдельной бригады морской пехоты" CLOSE_MARK
     " отошли, 2 батальона и 30 бойцов полка остались.",
     "rule:org numbered unit"},
    /* what has shares is a company, even one named like a person; not
     * a place whose possessive follows */
    {"Funds sold shares of " OPEN_MARK "ORG Harlan Brightwater" CLOSE_MARK
     " and bought a stake in " OPEN_MARK "ORG Zorvex Robotics" CLOSE_MARK ".",
     "rule:org shares-of"},
    /* a miner's designator ends a company's name, after a role too */
    {"Lithium producer " OPEN_MARK "ORG Brightfen Minerals" CLOSE_MARK " rose.",
     "rule:org english-head"},
    {"The film is distributed by " OPEN_MARK "ORG Brightfen Pictures" CLOSE_MARK
     ", the studio said.",
     "rule:org english-head"},
    /* a court, prosecutor's office or police in lower case before its
     * region's or town's genitive is that place's body; a town's type word
     * and the region after it belong to it; not a country's police, nor a
     * province's type word, nor a verb or a noun before the head */
    {"Позов подали до " OPEN_MARK "ORG господарського суду Черкаської області" CLOSE_MARK
     ", вирок виніс " OPEN_MARK "ORG Жовтневий районний суд м. Маріуполя Донецької області"
     CLOSE_MARK ", поліція " OPEN_MARK "LOC Польщі" CLOSE_MARK " мовчить, справу вела "
     OPEN_MARK "ORG прокуратура Одеси" CLOSE_MARK ", " OPEN_MARK "ORG поліція Сан-Дієго"
     CLOSE_MARK " шукає свідків, а вирок ухвалено судом провінції "
     OPEN_MARK "LOC Пенджаб" CLOSE_MARK ".",
     "rule:org body+place"},
    {"Проверку проведет " OPEN_MARK "ORG жилищная инспекция Новосибирской области" CLOSE_MARK
     ".",
     "rule:org body+place"},
    /* an agency's acronym after a verb of reporting, in the past too; not
     * a common acronym, nor a kind of outlet before its name */
    {"Про це передає " OPEN_MARK "ORG ЗРН" CLOSE_MARK ", а як повідомляв " OPEN_MARK "ORG ХНА"
     CLOSE_MARK ", ВВП зріс. Как сообщало ИА " OPEN_MARK "ORG REGNUM" CLOSE_MARK ", всё тихо.",
     "rule:org reported-by"},
    /* an administration's acronym heads a name after a region's
     * adjective, in capitals only */
    {"Голова " OPEN_MARK "ORG Зорянської ОДА" CLOSE_MARK " і " OPEN_MARK "ORG Річанська РДА"
     CLOSE_MARK " відповіли, а «Ода радості» лунала.",
     "rule:org head+complement"},
    /* a complement noun whose case only its adjective shows: a genitive
     * plural with no ending, a feminine genitive in -ами */
    {"Вчені з " OPEN_MARK "ORG Зорянської академії аграрних наук" CLOSE_MARK " зібралися. "
     "Прийшли й актори " OPEN_MARK "ORG Зорянського театру російської драми" CLOSE_MARK ".",
     "rule:org head+complement"},
    /* a Ukrainian infinitive ends the complement */
    {"Суд заборонив " OPEN_MARK "ORG Зорянській реєстраційній службі" CLOSE_MARK
     " вчиняти реєстраційні дії.",
     "rule:org head+complement"},
    /* a body's office takes the region it serves, after "по", or after у
     * before a region's type word; not a town where it is only found */
    {"Справу вело " OPEN_MARK "ORG Управління СБУ у Чернігівській області" CLOSE_MARK
     ", а посол прийшов до " OPEN_MARK "ORG Департаменту консульської служби МЗС України"
     CLOSE_MARK " у " OPEN_MARK "LOC Києві" CLOSE_MARK ".",
     "rule:org head+complement"},
    {"Об этом сообщили в " OPEN_MARK "ORG Главном управлении МВД России по Нижегородской области"
     CLOSE_MARK ".",
     "rule:org head+complement"},
    /* an arbitration court is named by its town's adjective */
    {"Рішення " OPEN_MARK "ORG Зорянського арбітражу" CLOSE_MARK " оскаржили.",
     "rule:org head+complement"},
    /* a place and a role's word before a head are one name */
    {"She studied at " OPEN_MARK "ORG Texas State University" CLOSE_MARK ", and "
     OPEN_MARK "LOC Kyiv" CLOSE_MARK " Mayor " OPEN_MARK "PER Vitali Klitschko" CLOSE_MARK
     " spoke.",
     "rule:org english-head"},
    /* what only a company has makes the unlisted name before it a
     * company's, found again alone later; not a sector, a people or a
     * season */
    {"Analysts said " OPEN_MARK "ORG Zorvex" CLOSE_MARK " shares fell, and " OPEN_MARK
     "ORG Halvorn" CLOSE_MARK "'s quarterly earnings beat forecasts. Later " OPEN_MARK
     "ORG Zorvex" CLOSE_MARK " cut jobs, and " OPEN_MARK "ORG Halvorn" CLOSE_MARK " hired.",
     "rule:org company-context"},
    {OPEN_MARK "ORG Brightfen" CLOSE_MARK " chief executive " OPEN_MARK "PER Tom Ward" CLOSE_MARK
     " quit.",
     "rule:org company-context"},
    {"Oil shares rose, while Chinese shares and Class C shares fell, Christmas sales were weak and Brightfen "
     "operations went on.",
     NULL},
    /* the sides of a result with its score are teams: a club named like
     * a city is the club, a country stays the country */
    {OPEN_MARK "ORG Harwick Rovers" CLOSE_MARK " beat " OPEN_MARK "ORG Liverpool" CLOSE_MARK
     " 2-0, and " OPEN_MARK "LOC England" CLOSE_MARK " drew 1-1 with " OPEN_MARK "LOC Iceland"
     CLOSE_MARK ".",
     "rule:org match result"},
    /* в, у inside a name bring a place or a field, not a time or a deed */
    {"Слідство підозрює посадовців " OPEN_MARK "ORG Зорянської міської ради" CLOSE_MARK
     " у розтраті коштів, а " OPEN_MARK
     "ORG Головне управління Національної поліції у Харківській області" CLOSE_MARK
     " мовчить.",
     "rule:org head+complement"},
    /* a plural opening a sentence is not the adjective of a singular head */
    {"Ученые " OPEN_MARK "ORG Института прикладной геологии" CLOSE_MARK
     " запустили новый прибор.",
     "rule:org head+complement"},
    /* ... each company of a list after them, but not a name that starts
     * the next clause */
    {"He owns shares of " OPEN_MARK "ORG Apple" CLOSE_MARK ", " OPEN_MARK "ORG Google"
     CLOSE_MARK " (A shares) and " OPEN_MARK "ORG Harlan Brightwater" CLOSE_MARK
     ". Funds sold shares of " OPEN_MARK "ORG Zorvex Robotics" CLOSE_MARK ", and "
     OPEN_MARK "PER Harlan Brightwater" CLOSE_MARK " said sorry.",
     "gazetteer"},
    /* a head in capitals (a refinery, a mining plant) takes its adjective
     * and no complement */
    {"Сировину передали " OPEN_MARK "ORG Зорянському НПЗ" CLOSE_MARK
     " і реалізувати продукцію, а " OPEN_MARK "ORG Заречный ГОК" CLOSE_MARK " закрыт.",
     "rule:org head+complement"},
    /* a chain that ends at a listed organisation takes in its country */
    {"Дело возбудили в " OPEN_MARK "ORG Зорянском управлении Следственного комитета Армении"
     CLOSE_MARK ".",
     "rule:org head+complement"},
    /* собрание heads an assembly's name */
    {"Депутаты " OPEN_MARK "ORG Законодательного собрания Красноярского края" CLOSE_MARK
     " утвердили бюджет.",
     "rule:org head+complement"},
    /* a regional office's abbreviation, "по" and its listed region; not
     * a listed body alone, nor a country after "по" */
    {"Жителя задержали сотрудники " OPEN_MARK "ORG УФСБ по Свердловской области" CLOSE_MARK
     ", а фуры из " OPEN_MARK "ORG ЕС" CLOSE_MARK " по " OPEN_MARK "LOC Белоруссии" CLOSE_MARK
     " не идут, и доклад " OPEN_MARK "ORG ОБСЕ" CLOSE_MARK " по " OPEN_MARK
     "LOC Донецкой области" CLOSE_MARK " вышел.",
     "rule:org office+region"},
    /* a club's players, and the verbs of a match's result */
    {"Футболісти «" OPEN_MARK "ORG Зорелита" CLOSE_MARK "» обіграли «" OPEN_MARK
     "ORG Брамтекс" CLOSE_MARK "» 2:0.",
     "rule:org person-of+quoted"},
    /* ... but not a campaign, which акція also is */
    {"Волонтери провели акцію «Чисте подвір'я» у суботу.", NULL},
    /* an unlisted abbreviation before a quoted name is its legal form ... */
    {"Суд оштрафував " OPEN_MARK "ORG ПВКП «Зорелит»" CLOSE_MARK " за неподання звіту.",
     "rule:org legal-form+quoted"},
    /* ... unless it is a law, a building or the media */
    {"Порушено вимоги ЗУ «Про публічні закупівлі» і ЖК «Липовий гай».", NULL},
    /* a participle and its agent in the instrumental are no name: the
     * organisation after them is the gazetteer's alone */
    {"Турбіна виготовлена німецькою компанією " OPEN_MARK "ORG Siemens" CLOSE_MARK ".",
     "gazetteer"},
    {"Заява підписана " OPEN_MARK "ORG Міністерством оборони України" CLOSE_MARK ".",
     "gazetteer"},
    /* ... where a genitive that ends like an instrumental is none */
    {"Експонати передали до " OPEN_MARK "ORG Зарічного краєзнавчого музею" CLOSE_MARK
     " минулого року.",
     "rule:org head+complement"},
    /* an organisation's chain takes in a ministry's short name after it,
     * and leaves out a sentence's first word that does not agree */
    {"Бійців перевели до " OPEN_MARK "ORG Київського управління МВС" CLOSE_MARK
     " у вересні. Слідчі " OPEN_MARK "ORG Головного управління Нацполіції"
     CLOSE_MARK " провели обшук.",
     "rule:org head+complement"},
    /* a genitive complement may end in a council or administration named
     * by a town's adjective, and the name then takes it in; at a
     * sentence's start too, once a lower-case complement shows a name;
     * "головне" / "главное" is the adjective of such names */
    {OPEN_MARK "ORG Головне управління будівництва Вербицької облдержадміністрації"
     CLOSE_MARK " уклало угоду. " OPEN_MARK
     "ORG Відділ освіти Зарічанської міської ради" CLOSE_MARK " подав позов.",
     "rule:org head+complement"},
    {"Вчера " OPEN_MARK "ORG Главное управление строительства Заречинской администрации"
     CLOSE_MARK " заключило договор.",
     "rule:org head+complement"},
    {"Позов подав " OPEN_MARK "ORG Відділ освіти Зарічанської міськради Полтавської області"
     CLOSE_MARK ".",
     "rule:org head+complement"},
    /* an institution named after a person takes in the name, and the
     * body it belongs to when one follows; not the words after it */
    {"Дослідження провели фахівці " OPEN_MARK
     "ORG Інституту мовознавства ім. О. О. Зорянського НАН України" CLOSE_MARK
     " минулого року.",
     "rule:org head+complement"},
    {"За даними вчених з " OPEN_MARK "ORG Інституту ботаніки ім . М . Зорянського" CLOSE_MARK
     " , степів меншає .",
     "rule:org head+complement"},
    {"Вона навчалась в " OPEN_MARK "ORG Університеті імені Тараса Вербицького" CLOSE_MARK
     " у " OPEN_MARK "LOC Києві" CLOSE_MARK ".",
     "rule:org head+complement"},
    {"Ректор " OPEN_MARK "ORG Университета имени Заречного" CLOSE_MARK " " OPEN_MARK
     "PER Ольга Лисенко" CLOSE_MARK " выступила.",
     "rule:org head+complement"},
    /* ... but a sentence's first noun with a participle after it is a
     * common noun, and a council's adjective in the nominative starts
     * another name */
    {"Компанія зареєстрована в " OPEN_MARK "LOC Полтаві" CLOSE_MARK ".", NULL},
    {"Рішення " OPEN_MARK "ORG Верховного суду" CLOSE_MARK " " OPEN_MARK
     "ORG Міська рада" CLOSE_MARK " оскаржила.",
     NULL},
    /* historical organisations are listed (orgs-history.tsv) */
    {"Архіви " OPEN_MARK "ORG НКВС" CLOSE_MARK " відкрили, а про " OPEN_MARK
     "ORG Червону армію" CLOSE_MARK " і " OPEN_MARK "ORG Вермахт" CLOSE_MARK
     " написали книжку.",
     "gazetteer"},
    /* a ministry's short name, with the country when one follows */
    {"Сьогодні в " OPEN_MARK "ORG МВС" CLOSE_MARK " заявили, що закупівлю "
     "скасовано, а " OPEN_MARK "ORG Мінюст" CLOSE_MARK " мовчить.",
     "rule:org ministry"},
    /* МИД is read as a word, and declines (во главе МИДа, в МИДе) */
    {"Новый глава " OPEN_MARK "ORG МИДа" CLOSE_MARK " прибыл, а в " OPEN_MARK
     "ORG МИДе" CLOSE_MARK " молчат.",
     "rule:org ministry"},
    {"Глава " OPEN_MARK "ORG МИД Кении" CLOSE_MARK " прибыл в " OPEN_MARK
     "LOC Сеул" CLOSE_MARK ".",
     "rule:org organisation+place"},
    /* English text leaves a title's article out, as English rows do, and
     * no run of capitals joins two listed names */
    {"The " OPEN_MARK "ORG New York Times" CLOSE_MARK " and The " OPEN_MARK
     "ORG Wall Street Journal" CLOSE_MARK " cite people familiar with it.",
     "gazetteer"},
    /* a run of capitals stops at its last head when a headline word or a
     * dateline follows without a full stop */
    {"Its value fell. " OPEN_MARK "ORG Quanrui Heavy Industries" CLOSE_MARK
     " The company builds presses. Source: " OPEN_MARK "ORG Brightwell Labs"
     CLOSE_MARK " " OPEN_MARK "LOC SAN FRANCISCO" CLOSE_MARK ", Oct. 20.",
     "rule:org english-head"},
    /* Latin words between a Cyrillic role and a Cyrillic name: the
     * person's employer */
    {"Про це сказав директор " OPEN_MARK "ORG Brennwald Vantix" CLOSE_MARK " "
     OPEN_MARK "PER Мартін Гофер" CLOSE_MARK ".",
     "rule:org after-role"},
    /* a town's genitive spelt like the adjective of a council or court */
    {"Учора " OPEN_MARK "ORG Слов'янська міська рада" CLOSE_MARK " ухвалила бюджет.",
     "rule:org head+complement"},
    {"Справу розглядав " OPEN_MARK "ORG Слов'янський міськрайонний суд" CLOSE_MARK ".",
     "rule:org head+complement"},
    /* a legal form after a listed company is part of its name */
    {"Shares of " OPEN_MARK "ORG Siemens AG" CLOSE_MARK " rose on Monday.", "gazetteer"},
    {"The buyer was " OPEN_MARK "ORG Harwick Trust Co" CLOSE_MARK ", a unit of the bank.",
     "rule:org english-head"},
    {"The plant belongs to " OPEN_MARK "ORG Ashanti Bottlers Limited" CLOSE_MARK ".",
     "rule:org english-head"},
    /* an attribute before the name stays outside it */
    {"Shares of State-backed " OPEN_MARK "ORG Morrow Utilities Group" CLOSE_MARK " fell.",
     "rule:org english-head"},
    /* a comma before the legal form keeps the name whole */
    {"As of May, " OPEN_MARK "ORG BrightPath Health, Inc." CLOSE_MARK
     " operated 65 hospitals.",
     "rule:org english-head"},
    /* an organisation whose genitive complement is another's name is one
     * name with it (the chain takes in a council or bank named by a
     * town's adjective, the pass over all names joins the rest); a time
     * after it is no complement */
    {"Рішення ухвалило " OPEN_MARK "ORG Управління освіти Зіньківської міськради" CLOSE_MARK
     " минулого тижня.",
     "rule:org"},
    {"Представитель " OPEN_MARK "ORG Северного отделения Уральского банка" CLOSE_MARK
     " сообщил об этом.",
     "rule:org"},
    /* ... but two companies in a row are two, and an acronym after the
     * full name it stands for is its apposition */
    {"Угоду уклали " OPEN_MARK "ORG ДП «Зорекс»" CLOSE_MARK " " OPEN_MARK
     "ORG ТОВ «Альфатрон»" CLOSE_MARK " у травні.",
     "rule:org legal-form+quoted"},
    {"Кладовище утримує " OPEN_MARK "ORG КП «Спокій»" CLOSE_MARK " " OPEN_MARK
     "ORG Зіньківської міськради" CLOSE_MARK ".",
     "rule:org legal-form+quoted"},
    /* a spaced en dash inside the quotes, a second legal form or a
     * lower-case head before them: all one name */
    {"Угоду уклали " OPEN_MARK "ORG ТОВ «Вербена – Трейд»" CLOSE_MARK ", " OPEN_MARK
     "ORG ТОВ НВП «Зорелад»" CLOSE_MARK " і " OPEN_MARK "ORG ТОВ фірма «Мирослав»"
     CLOSE_MARK ".",
     "rule:org legal-form+quoted"},
    /* ... but a lower-case ending that spells a legal form is none */
    {"У січні 2009-го компанія «" OPEN_MARK "ORG Зорекс" CLOSE_MARK "» підняла ціни.",
     "rule:org head+quoted"},
    /* more legal forms: private and farm enterprises, trading houses */
    {"Тендер виграло " OPEN_MARK "ORG ПП «Зорелад»" CLOSE_MARK ", а "
     OPEN_MARK "ORG ФГ «Колосок»" CLOSE_MARK " програло.",
     "rule:org legal-form+quoted"},
    {"Постачальник " OPEN_MARK "ORG ТД «Агроверес»" CLOSE_MARK " і "
     OPEN_MARK "ORG НПО «Звездолит»" CLOSE_MARK " подписали договор.",
     "rule:org legal-form+quoted"},
    /* a district council is an organisation's head */
    {"Рішення " OPEN_MARK "ORG Зарічанської райради" CLOSE_MARK " скасовано.",
     "rule:org head+complement"},
    /* the Higher Economic Court by its acronym */
    {"Рішення " OPEN_MARK "ORG ВГСУ" CLOSE_MARK " оскаржили.", "gazetteer"},
    {"Перевірку провела " OPEN_MARK "ORG Державна аудиторська служба" CLOSE_MARK " "
     OPEN_MARK "ORG ТОВ «Альфатрон»" CLOSE_MARK " оскаржило її висновки.",
     "rule:org head+complement"},
    {"Кредит надав " OPEN_MARK "ORG Міжнародний валютний фонд" CLOSE_MARK " " OPEN_MARK
     "ORG МВФ" CLOSE_MARK " у квітні.",
     "gazetteer"},
    /* a quoted name after an adjective of a town or region is a
     * company's or a club's, even a place's name (Закарпаття) */
    {"Акції харківського «" OPEN_MARK "ORG Термалону" CLOSE_MARK "» подешевшали вчора.",
     "rule:org adjective+quoted"},
    {"Гравець ужгородського «" OPEN_MARK "ORG Закарпаття" CLOSE_MARK "» забив гол.",
     "rule:org adjective+quoted"},
    /* more heads of English organisations' names */
    {"He met the " OPEN_MARK "ORG Morvale Chamber of Commerce" CLOSE_MARK " today.",
     "rule:org english-head"},
    {"Protesters gathered outside the " OPEN_MARK "ORG Norwegian Embassy" CLOSE_MARK
     " on Friday.",
     "rule:org english-head"},
    /* a name may start with a word in camel case */
    {"Shares of " OPEN_MARK "ORG BrightPath Health Inc." CLOSE_MARK " rose.",
     "rule:org english-head"},
    {"The deposit was paid by " OPEN_MARK "ORG Kestrelford Holdings" CLOSE_MARK " on Friday.",
     "rule:org english-head"},
    /* a Latin run stops before Cyrillic words (the person after it) */
    {"Про це повідомив засновник " OPEN_MARK "ORG Norrland Analytics Group" CLOSE_MARK
     " " OPEN_MARK "PER Олег Ковальчук" CLOSE_MARK ".",
     "rule:org english-head"},
    /* "and" after the last head does not join a word with no head */
    {"Shares of " OPEN_MARK "ORG Marrow Finance Group" CLOSE_MARK
     " and Danish lender " OPEN_MARK "ORG Tollund" CLOSE_MARK " rose.",
     "rule:org english-head"},
    /* the capitalised words after a lower-case noun for a company are its
     * name; not a weekday, nor a ticker with a digit */
    {"Police raided logistics firm " OPEN_MARK "ORG Dunmore Global Freight" CLOSE_MARK
     " and carmaker " OPEN_MARK "ORG Zorvex" CLOSE_MARK " ZRV2 fell. The company Tuesday "
     "announced cuts, and the firm Ramsey founded closed.",
     "rule:org firm+name"},
    {"Police raided carmaker " OPEN_MARK "ORG Zorvex" CLOSE_MARK ". Later " OPEN_MARK
     "ORG Zorvex" CLOSE_MARK " cut jobs.",
     "rule:org firm+name"},
    /* a company's short name alone, after (or before) its full name */
    {OPEN_MARK "ORG Brightfen" CLOSE_MARK " wins rail contract\n"
     OPEN_MARK "ORG Brightfen Networks Inc." CLOSE_MARK " said on Tuesday it had won "
     "the contract. Analysts expect " OPEN_MARK "ORG Brightfen" CLOSE_MARK " to hire.",
     "propagation:short-name"},
    /* ... but not one the text also writes as a common word, nor one
     * before a designator (the full name again, found as a whole) */
    {OPEN_MARK "ORG Summit Holdings" CLOSE_MARK " reported a loss before the "
     "summit. Summit said nothing.",
     "rule:org english-head"},
    {OPEN_MARK "ORG Halvorsen Labs" CLOSE_MARK " said on Monday that " OPEN_MARK
     "ORG Halvorsen, Inc." CLOSE_MARK " would pay.",
     "rule:org english-head"},
    /* an exchange and a ticker make a listed company of a person's name,
     * and the ticker names the company too, unless more is glued to it */
    {"Trading in " OPEN_MARK "ORG Morgan Whitlock" CLOSE_MARK " (" OPEN_MARK "ORG NYSE"
     CLOSE_MARK ": " OPEN_MARK "ORG MWK" CLOSE_MARK ") fell 4%.",
     "rule:org ticker"},
    {"Investors in " OPEN_MARK "ORG Kestrel Lithium" CLOSE_MARK " (" OPEN_MARK "ORG ASX"
     CLOSE_MARK ": " OPEN_MARK "ORG KSM" CLOSE_MARK ") were told.",
     "rule:org ticker"},
    {"Funding came from " OPEN_MARK "ORG Brightfen" CLOSE_MARK " (" OPEN_MARK "ORG LSE"
     CLOSE_MARK ": BRF.L-news) last week.",
     "rule:org ticker"},
    /* ... whose one word then stands alone for it, as a short name */
    {OPEN_MARK "ORG Zentrova" CLOSE_MARK " sales recover\nToy maker " OPEN_MARK "ORG Zentrova"
     CLOSE_MARK " (" OPEN_MARK "ORG NASDAQ" CLOSE_MARK ": " OPEN_MARK "ORG ZTV" CLOSE_MARK
     ") is recovering.",
     "propagation:short-name"},
    {"Toy maker " OPEN_MARK "ORG Zentrova" CLOSE_MARK " (" OPEN_MARK "ORG NASDAQ" CLOSE_MARK
     ": " OPEN_MARK "ORG ZTV" CLOSE_MARK ") is recovering. Sales at Zentrova Park rose.",
     "rule:org ticker"},
    {"Investors in " OPEN_MARK "ORG Harper" CLOSE_MARK " (" OPEN_MARK "ORG NYSE" CLOSE_MARK
     ": " OPEN_MARK "ORG HRP" CLOSE_MARK ") rose. Analysts said Harper would pay.",
     "rule:org ticker"},
    /* ... also a name in camel case; the exchange, listed or not, is one too */
    {"Transport group " OPEN_MARK "ORG BrightRail" CLOSE_MARK " (" OPEN_MARK "ORG LSE"
     CLOSE_MARK ": " OPEN_MARK "ORG BRL" CLOSE_MARK ") fell.",
     "rule:org ticker"},
    /* a headline glued to its sentence ends before a Title-case "The" */
    {"Court rebukes Velmont The " OPEN_MARK "ORG Harrow Savings Bank" CLOSE_MARK
     " said on Monday it would appeal.",
     "rule:org english-head"},
    /* a company's one word at the start of a longer name (a product's) is
     * not the company, unless a role follows or the line is a headline */
    {"He wore an Apple Watch on stage.", NULL},
    {OPEN_MARK "ORG Apple" CLOSE_MARK " Spokesman " OPEN_MARK "PER Dorian Kellworth" CLOSE_MARK
     " said it would appeal.",
     "gazetteer"},
    {OPEN_MARK "ORG Apple" CLOSE_MARK " Unveils New Phones\n\nThe phones went on sale.",
     "gazetteer"},
    /* "Congress" in Title case is the US Congress; the common word is not */
    {"The bill now goes to " OPEN_MARK "ORG Congress" CLOSE_MARK ".", "gazetteer"},
    {"The party congress opened on Monday.", NULL},
    /* an English name is its capitalised part: "Time magazine", "U.S.
     * military" (the country, then a common noun) */
    {"In an interview with " OPEN_MARK "ORG Time" CLOSE_MARK " magazine, she said so.",
     "gazetteer"},
    {OPEN_MARK "LOC U.S." CLOSE_MARK " military officials confirmed the strike.",
     "gazetteer"},
    /* a quoted name ending in a place is a branch or a title */
    {"Суд визнав вимоги «" OPEN_MARK "ORG Дельтамар Україна" CLOSE_MARK
     "» обґрунтованими.",
     "rule:org quoted+place"},
    {"В интервью «" OPEN_MARK "ORG Вестника Сибири" CLOSE_MARK "» он рассказал всё.",
     "rule:org quoted+place"},
    /* foreign companies in Cyrillic end in their designator */
    {"Контракт отримала " OPEN_MARK "ORG Грін Веллі Трейдинг Лімітед" CLOSE_MARK " у травні.",
     "rule:org name+designator"},
    {"Акции продала " OPEN_MARK "ORG Норт Ривер Пайплайн Компани Б.В." CLOSE_MARK ".",
     "rule:org name+designator"},
    /* ... while ТОВ and ООО come before theirs */
    {"Засновниками " OPEN_MARK "ORG ТОВ «Ясенвіт»" CLOSE_MARK " є двоє киян.",
     "rule:org legal-form+quoted"},
    /* firms, publishers and hotels head quoted names too */
    {"Тендер виграла фірма «" OPEN_MARK "ORG Ясенвіт" CLOSE_MARK "» у березні.",
     "rule:org head+quoted"},
    {"Книгу выпустило издательство «" OPEN_MARK "ORG Тихий берег" CLOSE_MARK "».",
     "rule:org head+quoted"},
    /* a place's name in quotes after an organisation's head names it */
    {"Редакція газети «" OPEN_MARK "ORG Полтавщина" CLOSE_MARK "» повідомила про це.",
     "rule:org head+quoted"},
    {"Игроки клуба «" OPEN_MARK "ORG Томь" CLOSE_MARK "» выиграли.",
     "rule:org head+quoted"},
    /* ... each of several, and a person's name overturned later by a
     * ticker (spans are looked up by first token, and those added after
     * one overturn are found by the next) */
    {"Редакція газети «" OPEN_MARK "ORG Полтавщина" CLOSE_MARK "» і редактор "
     OPEN_MARK "PER Олег Ковальчук" CLOSE_MARK " писали про клуб «" OPEN_MARK "ORG Дніпро"
     CLOSE_MARK "».\nTrading in " OPEN_MARK "ORG Morgan Whitlock" CLOSE_MARK " (" OPEN_MARK
     "ORG NYSE" CLOSE_MARK ": " OPEN_MARK "ORG MWK" CLOSE_MARK ") fell 4%.",
     "rule:org head+quoted"},
    /* a name's complement holds genitives and the prepositions of
     * official names, not what follows the name in the sentence */
    {"Судьи " OPEN_MARK "ORG Кассационного суда" CLOSE_MARK " с утра ждали решения.",
     "rule:org head+complement"},
    {"Ставку " OPEN_MARK "ORG Окружного банка" CLOSE_MARK " по-прежнему обсуждают.",
     "rule:org head+complement"},
    {"Эксперты " OPEN_MARK "ORG Международного агентства по изучению рака" CLOSE_MARK
     " выступили.",
     "rule:org head+complement"},
    {"Лидер " OPEN_MARK "ORG Союза за республику и демократию" CLOSE_MARK " выступил.",
     "rule:org head+complement"},
    {OPEN_MARK "ORG ТОВ «Агроінвест-Поділля»" CLOSE_MARK " збанкрутувало.",
     "rule:org legal-form+quoted"},
    {"Компания «" OPEN_MARK "ORG Северный ветер" CLOSE_MARK "» открыла офис.",
     "rule:org head+quoted"},
    {"Рішення ухвалила " OPEN_MARK "ORG Державна служба з питань праці" CLOSE_MARK ".",
     "rule:org head+complement"},
    {"Shares of " OPEN_MARK "ORG Brightwater Holdings Inc." CLOSE_MARK " fell sharply.",
     "rule:org english-head"},
    {"The statement from " OPEN_MARK "ORG Ministry of Fisheries" CLOSE_MARK
     " came late on Monday.",
     "rule:org english-head"},
    {"Засідання " OPEN_MARK "ORG Верховної Ради Автономної Республіки Крим" CLOSE_MARK
     " перенесли.",
     "rule:org organisation+place"},
    /* a nominative place after an organisation starts a new phrase */
    {"Кредит " OPEN_MARK "ORG МВФ" CLOSE_MARK " " OPEN_MARK "LOC Україна" CLOSE_MARK
     " отримала вчасно.",
     "gazetteer"},
    {"Як повідомляє «" OPEN_MARK "ORG Вечірній Тернопіль" CLOSE_MARK
     "», міст відкриють у травні.",
     "rule:org reported-by"},
    /* two companies joined by "and", each with its head; "Associates"
     * ends a firm's name */
    {"The deal was advised by " OPEN_MARK "ORG Corvell Partners" CLOSE_MARK " and "
     OPEN_MARK "ORG Torrin Capital Associates" CLOSE_MARK ".",
     "rule:org english-head"},
    {OPEN_MARK "PER Maria Lenz" CLOSE_MARK " of " OPEN_MARK "ORG Torrin Investment Associates"
     CLOSE_MARK " said prices were high.",
     NULL},
    /* two unexplained words opening a sentence before "shares" are a
     * company's name, where one word may be a sector's */
    {OPEN_MARK "ORG Copper Lane" CLOSE_MARK " shares rose 3% on Monday. Oil shares fell.",
     "rule:org company-context"},
};

static const rule_case place_cases[] = {
    /* the place in an English attribute (Paris-based) is a place */
    {"A " OPEN_MARK "LOC Paris" CLOSE_MARK "-based fund bought the " OPEN_MARK
     "LOC New York" CLOSE_MARK "-listed shares.",
     "gazetteer"},
    /* a person's name before a type word is a street's, even with a
     * role's word inside; not a role before it */
    {OPEN_MARK "LOC Martin Luther King Jr. Boulevard" CLOSE_MARK " was closed, and so "
     "was the Foreign Minister Street market.",
     "rule:place name+type"},
    /* a street bears a surname that a town's genitive also spells
     * (Ленино); a city's genitive after "улицы" names its streets */
    {"Он живет на " OPEN_MARK "LOC улице Ленина" CLOSE_MARK ", а улицы " OPEN_MARK
     "LOC Лондона" CLOSE_MARK " опустели.",
     "rule:place type+name"},
    /* a word that begins a place's English name, and the name; not before
     * an organisation's head */
    {"Residents of " OPEN_MARK "LOC Port Talbot" CLOSE_MARK " met near " OPEN_MARK
     "LOC Mount Zarvel" CLOSE_MARK ", and the " OPEN_MARK "ORG Port Authority" CLOSE_MARK
     " said so.",
     "rule:place name+type"},
    /* in English a settlement's type word and "of" before its name; not
     * a person's name, nor the start of a longer name */
    {"The fire destroyed the town of " OPEN_MARK "LOC Lahaina" CLOSE_MARK " and reached the "
     "island of " OPEN_MARK "LOC Zarport Mala" CLOSE_MARK ", while the city of " OPEN_MARK
     "PER Charles Dickens" CLOSE_MARK " mourned near the city of Zarport Harbour Green.",
     "rule:place type+name"},
    /* a Cyrillic street's house number belongs to the address; not a year
     * or a distance */
    {"Офіс на " OPEN_MARK "LOC вул. Зорянській, 58-А" CLOSE_MARK ", склад на " OPEN_MARK
     "LOC вулиці Лісній" CLOSE_MARK ", 2023-го збудований, а " OPEN_MARK "LOC вулиця Річна" CLOSE_MARK
     ", 5 км від центру.",
     "rule:place type+name"},
    /* a given name after a place's type word is the place's name */
    {"На реке " OPEN_MARK "LOC Лене" CLOSE_MARK " начался ледоход.", "rule:place type+name"},
    /* посёлок loses its vowel in the other cases, and still announces a
     * place */
    {"Жители поселка " OPEN_MARK "LOC Зорянка" CLOSE_MARK " и посёлке "
     OPEN_MARK "LOC Ключевой" CLOSE_MARK " остались без света.",
     "rule:place type+name"},
    /* regions with their type word abbreviated: a listed oblast in any
     * case, an unlisted district by its adjective */
    {"Завод (" OPEN_MARK "LOC Донецька обл." CLOSE_MARK ") зупинився, як і в "
     OPEN_MARK "LOC Краматорську" CLOSE_MARK ".",
     "gazetteer:subdivisions.tsv"},
    {"Мешканці " OPEN_MARK "LOC Херсонської обл" CLOSE_MARK " та "
     OPEN_MARK "LOC Сумського р-ну" CLOSE_MARK " отримали допомогу.",
     "gazetteer:subdivisions.tsv"},
    {"Мешканці " OPEN_MARK "LOC Сумського р-ну" CLOSE_MARK " отримали допомогу.",
     "rule:place name+type"},
    {"Дорогу ремонтують в " OPEN_MARK "LOC Брусничанском р-не" CLOSE_MARK
     " с весны.",
     "rule:place name+type"},
    /* an adjective whose letters are also a case form of a listed town
     * (Курском: Курск's instrumental, Курский's locative) ... */
    {"Прививки делают в " OPEN_MARK "LOC Курском районе" CLOSE_MARK " с весны.",
     "rule:place name+type"},
    /* ... but a street's type word may be a common noun (площею: floor
     * area), where the town is meant */
    {"Він купив квартиру в " OPEN_MARK "LOC Луганську" CLOSE_MARK " площею 53 метри.",
     "gazetteer"},
    /* a Title-case compound before a place describes it (Russian-occupied) */
    {"Shelling hit Russian-occupied " OPEN_MARK "LOC Melitopol" CLOSE_MARK " on Tuesday.",
     "gazetteer"},
    /* a village named in the plural, after a preposition of place */
    {"Дід жив у " OPEN_MARK "LOC Гориславцях" CLOSE_MARK ", а внуки в "
     OPEN_MARK "LOC Ставничах" CLOSE_MARK ".",
     "rule:place preposition+shape"},
    /* ... but not a noun made from a verb */
    {"Більше інформації - в Положеннях про конкурс.", NULL},
    /* a vocative needs an address's commas or exclamation: "Агро" is Агра
     * called, but not inside a company's name */
    {"Гроші отримала фірма Енселко Агро минулого року.", NULL},
    {"Ми з тобою, " OPEN_MARK "LOC Києве" CLOSE_MARK "!", "gazetteer"},
    /* administrative units of other countries precede their names */
    {"Рішення ухвалив суд кантону " OPEN_MARK "LOC Вальдорн" CLOSE_MARK " минулого тижня.",
     "rule:place type+name"},
    {"Выборы прошли в провинции " OPEN_MARK "LOC Тарамбо" CLOSE_MARK " в воскресенье.",
     "rule:place type+name"},
    /* a name shaped like a surname after a place type is the place's */
    {"Поромна переправа біля міста " OPEN_MARK "LOC Гросвалин" CLOSE_MARK " запрацювала.",
     "rule:place type+name"},
    {"Він роками мешкав на " OPEN_MARK "LOC вулиці Костюченка" CLOSE_MARK ".",
     "rule:place type+name"},
    /* a place-like ending after a capitalised preposition at a sentence's
     * start; an adjective before a type word makes one name with it */
    {"У " OPEN_MARK "LOC Гнилопятівці" CLOSE_MARK " відкрили амбулаторію.",
     "rule:place preposition+shape"},
    {"Прививки делают в " OPEN_MARK "LOC Заболотском районе" CLOSE_MARK " города.",
     "rule:place name+type"},
    {"Митинг прошёл на " OPEN_MARK "LOC Левашовском бульваре" CLOSE_MARK ".",
     "rule:place name+type"},
    /* a street named after a person is a place, type word included */
    {"Склад розташований на " OPEN_MARK "LOC вул. Тараса Коцюбайла, 12" CLOSE_MARK ".",
     "rule:place type+name"},
    {"Кав'ярня на " OPEN_MARK "LOC вулиці Івана Франка" CLOSE_MARK " відчинена до ночі.",
     "rule:place type+name"},
    {"Офис переехал на " OPEN_MARK "LOC ул. П. Ведерникова" CLOSE_MARK " в прошлом году.",
     "rule:place type+name"},
    /* a settlement type declines as a noun: у селищі */
    {"Майстри працюють у селищі " OPEN_MARK "LOC Гнилопятівка" CLOSE_MARK ".",
     "rule:place type+name"},
    /* a listed name opening a sentence is the common word it spells when
     * the text writes that word in lower case too */
    {"Щастя не купиш. Але щастя можна знайти вдома.", NULL},
    {OPEN_MARK "LOC Щастя" CLOSE_MARK " знову без світла. Енергетики вже працюють.",
     "gazetteer"},
    /* sentence-initial quantifiers are no case forms of names (Об, Головня) */
    {"Обе стороны подписали соглашение в пятницу.", NULL},
    {"Головне — не панікувати, сказав він.", NULL},
    /* a dateline in capitals after a byline */
    {"By " OPEN_MARK "PER Edmund Cravath" CLOSE_MARK " " OPEN_MARK "LOC LONDON" CLOSE_MARK
     ", Sept 14 - Shares fell.",
     NULL},
    /* English: a lower-case type word describes the place, a capitalised
     * one is part of its name */
    {"Rebels attacked villages in the " OPEN_MARK "LOC Qarvesh" CLOSE_MARK
     " district on Monday.",
     "rule:place name+type"},
    {"The " OPEN_MARK "LOC Malvo Tenn River" CLOSE_MARK " burst its banks.",
     "rule:place name+type"},
    {"Обстріл села " OPEN_MARK "LOC Кременюківка" CLOSE_MARK " триває.",
     "rule:place type+name"},
    {"Пожар произошёл на " OPEN_MARK "LOC улице Садовой" CLOSE_MARK ".",
     "rule:place type+name"},
    {"Flooding closed roads near the " OPEN_MARK "LOC Mzima River" CLOSE_MARK ".",
     "rule:place"},
    {"Мешканці прибули з " OPEN_MARK "LOC Вербоградська" CLOSE_MARK " вранці.",
     "rule:place"},
    {"Flooding hit " OPEN_MARK "LOC Northern Mozambique" CLOSE_MARK " in March.",
     "rule:place compass+place"},
    {"Негода накрила " OPEN_MARK "LOC Західну Молдову" CLOSE_MARK ".",
     "rule:place compass+place"},
    {"Traffic stopped on " OPEN_MARK "LOC Kisumu Road" CLOSE_MARK " after the crash.",
     "rule:place name+type"},
    {"Мітинг пройшов на " OPEN_MARK "LOC Привокзальній площі" CLOSE_MARK ".",
     "rule:place name+type"},
};

/* Later mentions take the type and ID of the full name. */
static const rule_case propagation_cases[] = {
    /* after in, at, near an English surname alone is a place's name,
     * unless a possessive makes it the person's */
    {"The law takes effect in Harwell on Monday. Senator " OPEN_MARK "PER Dorian Harwell"
     CLOSE_MARK " wrote it at " OPEN_MARK "PER Harwell" CLOSE_MARK "'s desk.",
     NULL},
    /* a one-word company's ticker in brackets is the company's wherever it
     * recurs; after a Cyrillic one, the brackets hold its kind */
    {OPEN_MARK "ORG Tesla" CLOSE_MARK " (" OPEN_MARK "ORG TSLA" CLOSE_MARK
     ") gained 3%.",
     "gazetteer"},
    {"Про це повідомляє " OPEN_MARK "ORG УНІАН" CLOSE_MARK " (ІА).", "gazetteer"},
    /* a quoted company's name found again in quotes, in another case */
    {"Тендер виграло " OPEN_MARK "ORG ТОВ «Брамтекс»" CLOSE_MARK ". У «"
     OPEN_MARK "ORG Брамтексу" CLOSE_MARK "» відмовилися від коментарів, а «" OPEN_MARK
     "ORG Брамтексом" CLOSE_MARK "» зацікавилася поліція.",
     NULL},
    /* an acronym defined after a possessive, two letters long, is the
     * organisation wherever it recurs */
    {OPEN_MARK "ORG Brightfen Motors" CLOSE_MARK "’ (" OPEN_MARK "ORG BM" CLOSE_MARK
     ") grew. " OPEN_MARK "ORG BM" CLOSE_MARK "’s margins rose.",
     "rule:org"},
    /* an abbreviated type word ends its region's name and does not make
     * the next word a place: the surname is the person's, not the town
     * Козин's */
    {"Фірму заснував " OPEN_MARK "PER Петро Козин" CLOSE_MARK " з " OPEN_MARK
     "LOC Бахмута" CLOSE_MARK " " OPEN_MARK "LOC Донецької обл." CLOSE_MARK " "
     OPEN_MARK "PER Козин" CLOSE_MARK " має й інші фірми.",
     NULL},
    /* a person's surname that is also a listed place is the person later
     * in the same document ... */
    {"Mayor " OPEN_MARK "PER Gwen Bristol" CLOSE_MARK " spoke on Monday. Later "
     OPEN_MARK "PER Bristol" CLOSE_MARK " said the budget was fair.",
     "rule:person"},
    /* ... but not where the document writes it as a place, not a country,
     * and not the stem of an adjectival surname */
    {"Mayor " OPEN_MARK "PER Gwen Bristol" CLOSE_MARK " flew in from " OPEN_MARK
     "LOC Bristol" CLOSE_MARK ". " OPEN_MARK "LOC Bristol" CLOSE_MARK " voted.",
     "rule:person"},
    {"Soldier " OPEN_MARK "PER Lucas Jordan" CLOSE_MARK " was charged. " OPEN_MARK
     "LOC Jordan" CLOSE_MARK " denies the claims.",
     "rule:person"},
    {"Співачка " OPEN_MARK "PER Олена Полтавська" CLOSE_MARK " виступила в суботу. "
     OPEN_MARK "LOC Полтава" CLOSE_MARK " святкує день міста.",
     "rule:person"},
    /* Дж. is one initial, before a propagated surname too */
    {OPEN_MARK "PER Дж. Ф. Кеннеді" CLOSE_MARK " виступив у " OPEN_MARK "ORG Конгресі" CLOSE_MARK ".", "rule:person initials"},
    {"Журналист " OPEN_MARK "PER Джеймс Коллинз" CLOSE_MARK " ответил. Статью "
     OPEN_MARK "PER Дж.Коллинза" CLOSE_MARK " перепечатали.",
     "rule:person"},
    /* and one that starts with the Arabic article */
    {"The cleric " OPEN_MARK "PER Abu Hamid al-Qadiri" CLOSE_MARK " spoke. "
     "Officials said " OPEN_MARK "PER al-Qadiri" CLOSE_MARK " fled.",
     "rule:person"},
    /* the given name of a full name, alone later in any case, even one
     * that is also a word opening a sentence */
    {OPEN_MARK "PER Віра Гордійчук" CLOSE_MARK " приїхала вчора. " OPEN_MARK
     "PER Віру" CLOSE_MARK " зустріли на вокзалі друзі.",
     "rule:person"},
    /* a surname with a second capital is propagated too */
    {"Electrician " OPEN_MARK "PER Alan McQuarrie" CLOSE_MARK " is angry. \"There "
     "is no work,\" " OPEN_MARK "PER McQuarrie" CLOSE_MARK " says.",
     "rule:person"},
    /* an English surname found again inside another capitalised name is
     * not the person */
    {OPEN_MARK "PER Dorota Wexley" CLOSE_MARK " spoke on Monday. The port of "
     "Wexley Harbour was closed.",
     NULL},
    {"Генеральний директор " OPEN_MARK "PER Тарас Бондарчук" CLOSE_MARK
     " подав у відставку. Наступника " OPEN_MARK "PER Бондарчука" CLOSE_MARK
     " оберуть у червні.",
     NULL},
    {"Analyst " OPEN_MARK "PER Megan Thornbury" CLOSE_MARK
     " expects prices to rise. Demand will recover, " OPEN_MARK "PER Thornbury" CLOSE_MARK
     " said.",
     NULL},
    /* a company's name of two words that a rule found, written again */
    {"Shares in the retailer " OPEN_MARK "ORG Dunmore Outfitters" CLOSE_MARK
     " fell. On Monday " OPEN_MARK "ORG Dunmore Outfitters" CLOSE_MARK
     " cut its forecast.",
     NULL},
    /* the full name written again, after a word that would have kept
     * the surname alone apart */
    {"The buyers were the chairman, " OPEN_MARK "PER Ryosei Tanabe" CLOSE_MARK
     ", and the president. The " OPEN_MARK "ORG FT" CLOSE_MARK " " OPEN_MARK "PER Ryosei Tanabe" CLOSE_MARK ", Chairman Mr "
     OPEN_MARK "PER Tanabe" CLOSE_MARK " joined the group in 1970.",
     NULL},
    /* a surname alone after a role is propagated too, in the text's script */
    {"Міністр " OPEN_MARK "PER Бобрик" CLOSE_MARK " заявив, що реформа триває. Учора "
     OPEN_MARK "PER Бобрика" CLOSE_MARK " не було на засіданні.",
     NULL},
    {"The spokesman Mr " OPEN_MARK "PER Quarrie" CLOSE_MARK " declined to comment. Later, "
     OPEN_MARK "PER Quarrie" CLOSE_MARK " said the plan stood.",
     NULL},
    /* the quoted words of a company's name, written later without its
     * legal form or quotes */
    {"Суд визнав " OPEN_MARK "ORG ТОВ «Дубрава Агротрейд»" CLOSE_MARK " банкрутом. Згодом "
     OPEN_MARK "ORG Дубрава Агротрейд" CLOSE_MARK " оскаржила рішення.",
     NULL},
    {"Керівник «" OPEN_MARK "ORG Дубрава Агротрейд" CLOSE_MARK "» заявив, що "
     OPEN_MARK "ORG Дубрава Агротрейд" CLOSE_MARK " оскаржить рішення.",
     NULL},
    /* a ticker after an exchange, written again alone; not one the text
     * also writes as a word */
    {OPEN_MARK "ORG Halvorn Motors" CLOSE_MARK " (" OPEN_MARK "ORG NYSE" CLOSE_MARK ": "
     OPEN_MARK "ORG HV" CLOSE_MARK ") said sales rose. Analysts expect " OPEN_MARK "ORG HV"
     CLOSE_MARK " to gain ground in " OPEN_MARK "LOC Asia" CLOSE_MARK ".",
     NULL},
    /* an agency's acronym after a verb of reporting is known in the
     * dateline too */
    {OPEN_MARK "LOC КИЇВ" CLOSE_MARK ". 18 листопада. " OPEN_MARK "ORG ЗНП" CLOSE_MARK
     ". Прем’єр-міністр заявив про реформу. Про це повідомляє " OPEN_MARK "ORG ЗНП" CLOSE_MARK ".",
     NULL},
};

static void run_cases(const rule_case *cases, size_t n) {
  teitag_pipeline *p = default_pipeline();
  for (size_t i = 0; i < n; i++)
    check_case(p, &cases[i]);
  teitag_pipeline_free(p);
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof cases[0])

START_TEST(persons) { RUN(person_cases); }
END_TEST
START_TEST(negatives) { RUN(negative_cases); }
END_TEST
START_TEST(organisations) { RUN(org_cases); }
END_TEST
START_TEST(places) { RUN(place_cases); }
END_TEST
START_TEST(propagation) { RUN(propagation_cases); }
END_TEST

/* A later partial mention shares the full name's norm and ref. */
START_TEST(propagation_links) {
  teitag_pipeline *p = default_pipeline();
  const char *text = "Суддя Марина Ляшкевич відклала засідання. "
                     "Ляшкевич пояснила це хворобою свідка.";
  teitag_doc *doc = NULL;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 2);
  teitag_span a, b;
  teitag_doc_span(doc, 0, &a);
  teitag_doc_span(doc, 1, &b);
  ck_assert_int_eq(a.type, TEITAG_TYPE_PER);
  ck_assert_int_eq(b.type, TEITAG_TYPE_PER);
  ck_assert_str_eq(b.source, "propagation:surname");
  ck_assert_int_eq(b.cert, TEITAG_CERT_MEDIUM);
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
}
END_TEST

/* A given name before a surname listed alone makes one name; the listed
 * person's ID goes with it only when the listed name has that given name. */
/* Initials next to a listed surname join its span; its link stays only
 * where the first initial fits the listed person's given name. */
START_TEST(initials_and_links) {
  static const struct {
    const char *text, *span, *ref;
    teitag_type type;
  } cases[] = {
      {"Заяву зробив В. Зеленський.", "В. Зеленський", "Q3874799", TEITAG_TYPE_PER},
      {"Заяву зробив Д. Зеленський.", "Д. Зеленський", NULL, TEITAG_TYPE_PER},
      {"Выступил А. Лукашенко.", "А. Лукашенко", "per-alexander-lukashenko", TEITAG_TYPE_PER},
      {"Виступив В. Лукашенко.", "В. Лукашенко", NULL, TEITAG_TYPE_PER},
      {"Скаргу подав Лукашенко О. Г. минулого тижня.", "Лукашенко О. Г.",
       "per-alexander-lukashenko", TEITAG_TYPE_PER},
      {"Скаргу подав Лукашенко В. Г. минулого тижня.", "Лукашенко В. Г.", NULL,
       TEITAG_TYPE_PER},
      /* a legislature's bare name is linked to no one country's */
      {"The bill now goes to Congress.", "Congress", "org-legislature-congress",
       TEITAG_TYPE_ORG},
      {"The bill now goes to the U.S. Congress.", "U.S. Congress", "org-us-congress",
       TEITAG_TYPE_ORG},
      /* a legal form before a listed company's name keeps its link */
      {"Суд задовольнив позов НАК «Нафтогаз України».", "НАК «Нафтогаз України»",
       "org-naftogaz", TEITAG_TYPE_ORG},
      {"Суд задовольнив позов ТОВ «Зорелад».", "ТОВ «Зорелад»", NULL, TEITAG_TYPE_ORG},
  };
  teitag_pipeline *p = default_pipeline();
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    teitag_doc *doc = NULL;
    teitag_diag diag;
    const char *text = cases[c].text;
    ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
    ck_assert_uint_eq(teitag_doc_n_spans(doc), 1);
    teitag_span sp;
    teitag_doc_span(doc, 0, &sp);
    ck_assert_int_eq(sp.type, cases[c].type);
    ck_assert_msg(strlen(cases[c].span) == sp.end - sp.start &&
                      strncmp(text + sp.start, cases[c].span, sp.end - sp.start) == 0,
                  "%s: got '%.*s'", text, (int)(sp.end - sp.start), text + sp.start);
    if (cases[c].ref)
      ck_assert_msg(sp.ref && strcmp(sp.ref, cases[c].ref) == 0, "%s: ref %s", text,
                    sp.ref ? sp.ref : "(none)");
    else
      ck_assert_msg(!sp.ref || !*sp.ref, "%s: ref %s", text, sp.ref);
    teitag_doc_free(doc);
  }
  teitag_pipeline_free(p);
}
END_TEST

START_TEST(given_name_before_listed_surname) {
  teitag_pipeline *p = default_pipeline();
  const char *text = "Його син Тарас Янукович має компанії.";
  teitag_doc *doc = NULL;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 1);
  teitag_span a;
  teitag_doc_span(doc, 0, &a);
  ck_assert_int_eq(a.type, TEITAG_TYPE_PER);
  ck_assert_uint_eq(a.end - a.start, strlen("Тарас Янукович"));
  ck_assert_msg(a.ref == NULL || *a.ref == '\0', "the son kept the father's ID %s", a.ref);
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
}
END_TEST

/* After a namesake of a listed person (his son, named in full), the
 * surname alone keeps the listed link only where the nearest full name
 * before it is the listed person's own. */
START_TEST(namesake_takes_the_link_off) {
  static const struct {
    const char *text;
    const char *linked[4]; /* per PER span in order: its ref, "" for none */
  } cases[] = {
      {"Його син Тарас Янукович має компанії. Янукович це заперечує.", {"", ""}},
      {"Янукович це заперечує. Його син Тарас Янукович має компанії.",
       {"per-viktor-yanukovych", ""}},
      {"Тарас Янукович має компанії. Віктор Янукович прибув. Янукович заявив.",
       {"", "per-viktor-yanukovych", "per-viktor-yanukovych"}},
      {"Його син Тарас Янукович має компанії. Януковича бачили в Тисовому Гаю.", {"", ""}},
      /* an initial that is not the listed person's */
      {"Скаргу подав Т. Янукович. Янукович наполягає на своєму.", {"", ""}},
  };
  teitag_pipeline *p = default_pipeline();
  for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
    teitag_doc *doc = NULL;
    teitag_diag diag;
    const char *text = cases[c].text;
    ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
    size_t k = 0;
    for (size_t i = 0; i < teitag_doc_n_spans(doc); i++) {
      teitag_span sp;
      teitag_doc_span(doc, i, &sp);
      if (sp.type != TEITAG_TYPE_PER)
        continue;
      ck_assert_msg(k < 4 && cases[c].linked[k], "%s: more persons than expected", text);
      const char *ref = sp.ref ? sp.ref : "";
      ck_assert_msg(strcmp(ref, cases[c].linked[k]) == 0, "%s: person %zu '%.*s' ref '%s'",
                    text, k, (int)(sp.end - sp.start), text + sp.start, ref);
      k++;
    }
    ck_assert_msg(k == 4 || !cases[c].linked[k], "%s: %zu persons", text, k);
    teitag_doc_free(doc);
  }
  teitag_pipeline_free(p);
}
END_TEST

/* A run of initials longer than any name's, before or after a surname,
 * found by a rule or listed: the surname is still found, and no span
 * takes in more than a name's initials (each rule looks a few initials
 * ahead, not to the end of the run). */
START_TEST(long_run_of_initials) {
  static const char *const before[] = {"Список: ", "Підписав Петренко ",
                                       "Документ підписав Кисельов. "};
  static const char *const after[] = {"Петренко підписав.", "учора.", "Кисельов підписав."};
  teitag_pipeline *p = default_pipeline();
  for (size_t k = 0; k < 3; k++) {
    char text[1024];
    size_t len = (size_t)snprintf(text, sizeof text, "%s", before[k]);
    for (int r = 0; r < 60; r++)
      len += (size_t)snprintf(text + len, sizeof text - len, "В. І. ");
    snprintf(text + len, sizeof text - len, "%s", after[k]);
    teitag_doc *doc = NULL;
    teitag_diag diag;
    ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
    int surname = 0;
    for (size_t i = 0; i < teitag_doc_n_spans(doc); i++) {
      teitag_span sp;
      teitag_doc_span(doc, i, &sp);
      size_t dots = 0;
      for (size_t b = sp.start; b < sp.end; b++)
        dots += text[b] == '.';
      ck_assert_msg(dots <= 4, "%zu initials in one name: %.*s", dots,
                    (int)(sp.end - sp.start), text + sp.start);
      surname |= sp.type == TEITAG_TYPE_PER && sp.end - sp.start >= strlen("Кисельов") &&
                 (memcmp(text + sp.end - strlen("Кисельов"), "Кисельов", strlen("Кисельов")) == 0 ||
                  memcmp(text + sp.end - strlen("Петренко"), "Петренко", strlen("Петренко")) == 0);
    }
    ck_assert_msg(surname, "no surname found in: %s", text);
    teitag_doc_free(doc);
  }
  teitag_pipeline_free(p);
}
END_TEST

/* --no-rules leaves only what the gazetteer knows. */
/* The tokenizer gives the words their classes only when the rules will
 * run; a document built by a pipeline without rules (or read from TEI)
 * gets them when the rules first run on it, with the same result. */
START_TEST(rules_on_a_document_built_without_them) {
  teitag_pipeline *with = default_pipeline(), *without = default_pipeline();
  teitag_pipeline_set_flags(without, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
  const char *text = "Зустріч з Оксаною Мельничук тривала годину. Речник ЗКСУ "
                     "повідомив, що ЗКСУ підписала угоду з ТОВ «Зорелад».\n\n"
                     "Mayor Gwen Bristol said the Brightfen Motors' (BM) plant "
                     "will stay; BM hires 300 people in Tisova Balka district. "
                     "The ZTCU called a strike and the ZTCU won.";
  teitag_diag diag;
  teitag_doc *direct = NULL, *late = NULL;
  ck_assert_int_eq(teitag_annotate(with, text, strlen(text), "t", &direct, &diag), TEITAG_OK);
  ck_assert_int_eq(teitag_doc_from_bytes(without, text, strlen(text), "t", &late, &diag),
                   TEITAG_OK);
  ck_assert_int_eq(teitag_doc_annotate(with, late, &diag), TEITAG_OK);
  ck_assert_uint_ge(teitag_doc_n_spans(direct), 8);
  ck_assert_uint_eq(teitag_doc_n_spans(late), teitag_doc_n_spans(direct));
  for (size_t i = 0; i < teitag_doc_n_spans(direct); i++) {
    teitag_span a, b;
    teitag_doc_span(direct, i, &a);
    teitag_doc_span(late, i, &b);
    ck_assert_msg(a.start == b.start && a.end == b.end && a.type == b.type &&
                      strcmp(a.source, b.source) == 0,
                  "span %zu: '%.*s' %s vs '%.*s' %s", i, (int)(a.end - a.start),
                  text + a.start, a.source, (int)(b.end - b.start), text + b.start, b.source);
  }
  teitag_doc_free(direct);
  teitag_doc_free(late);
  teitag_pipeline_free(with);
  teitag_pipeline_free(without);
}
END_TEST

START_TEST(rules_can_be_switched_off) {
  teitag_pipeline *p = default_pipeline();
  teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
  const char *text = "Зустріч з Оксаною Мельничук тривала годину.";
  teitag_doc *doc = NULL;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 0);
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
}
END_TEST

/* Whether a document's spans came from `source` (a prefix). */
static int has_source(const teitag_doc *doc, const char *source) {
  for (size_t i = 0; i < teitag_doc_n_spans(doc); i++) {
    teitag_span s;
    teitag_doc_span(doc, i, &s);
    if (strncmp(s.source, source, strlen(source)) == 0)
      return 1;
  }
  return 0;
}

/* A thread keeps the lexicon's answers about given names from one
 * document to the next, but not into another pipeline: one without the
 * lexicon knows no given name, whatever the pipeline before it (perhaps
 * at the same address, once freed) was told. */
START_TEST(given_names_not_carried_to_another_pipeline) {
  const char *text = "Зустріч з Оксаною Мельничук тривала годину.";
  teitag_doc *doc = NULL;
  teitag_diag diag;
  for (int round = 0; round < 2; round++) {
    teitag_pipeline *p = default_pipeline();
    ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
    ck_assert(has_source(doc, "rule:person given-name+surname"));
    teitag_doc_free(doc);
    teitag_pipeline_free(p);
    p = teitag_pipeline_new(); /* no gazetteer, so no lexicon */
    teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY);
    ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
    ck_assert(!has_source(doc, "rule:person given-name+surname"));
    teitag_doc_free(doc);
    /* ... nor into the same pipeline, once it has a lexicon */
    ck_assert_int_eq(teitag_pipeline_use_default_gazetteer(p, &diag), TEITAG_OK);
    ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
    ck_assert(has_source(doc, "rule:person given-name+surname"));
    teitag_doc_free(doc);
    teitag_pipeline_free(p);
  }
}
END_TEST

/* Without the rules, a listed surname alone after another person's given
 * name keeps its span but not the listed person's link; after the
 * person's own given name, in a case form, it keeps it. */
START_TEST(namesake_without_rules) {
  teitag_pipeline *p = default_pipeline();
  teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
  const char *text = "Мішель Обама приїхала. Барак Обама ні. З Реджепом Ердоганом говорили.";
  teitag_doc *doc = NULL;
  teitag_diag diag;
  ck_assert_int_eq(teitag_annotate(p, text, strlen(text), "t", &doc, &diag), TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 3);
  teitag_span s;
  teitag_doc_span(doc, 0, &s);
  ck_assert_int_eq(s.type, TEITAG_TYPE_PER);
  ck_assert_msg(s.ref == NULL || !*s.ref, "Мішель Обама linked to %s", s.ref);
  teitag_doc_span(doc, 1, &s);
  ck_assert_str_eq(s.ref ? s.ref : "", "Q76");
  teitag_doc_span(doc, 2, &s);
  ck_assert_msg(s.ref && *s.ref, "Реджепом Ердоганом lost its link");
  teitag_doc_free(doc);
  /* an initial that is not the listed person's: no link */
  const char *initials = "М. Обама приїхала, Б. Обама ні.";
  ck_assert_int_eq(teitag_annotate(p, initials, strlen(initials), "t", &doc, &diag), TEITAG_OK);
  ck_assert_uint_eq(teitag_doc_n_spans(doc), 2);
  teitag_doc_span(doc, 0, &s);
  ck_assert_msg(s.ref == NULL || !*s.ref, "М. Обама linked to %s", s.ref);
  teitag_doc_span(doc, 1, &s);
  ck_assert_str_eq(s.ref ? s.ref : "", "Q76");
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
}
END_TEST

/* Without the rules, a listed surname matched alone takes the given name
 * or initials next to it into its span, so that the span is the whole
 * name; a listed person after a street's type word or a word of honour is
 * the street's or the institution's name, and no word of it a place. */
static const rule_case gazetteer_alone_cases[] = {
    {"⟦PER Мішель Обама⟧ приїхала.", NULL},
    {"Зустріч із ⟦PER М. Обама⟧ і ⟦PER Б . Обамою⟧ відбулася.", NULL},
    {"Указ підписав ⟦PER Обама Б. Х.⟧ минулого року.", NULL},
    {"Так сказав ⟦PER Обама⟧. В. Сидоренко не погодився.", NULL},
    {"Офіс на вулиці Котляревського відкрили.", NULL},
    {"Офис на ул. Менделеева закрыли.", NULL},
    {"Университет имени Д. И. Менделеева и консерватория имени Петра Чайковского.", NULL},
    {"Приїхав ⟦PER Іван Котляревський⟧.", NULL},
};

START_TEST(gazetteer_alone) {
  teitag_pipeline *p = default_pipeline();
  teitag_pipeline_set_flags(p, TEITAG_PIPE_NO_MONEY | TEITAG_PIPE_NO_RULES);
  for (size_t i = 0; i < sizeof gazetteer_alone_cases / sizeof gazetteer_alone_cases[0]; i++)
    check_case(p, &gazetteer_alone_cases[i]);
  teitag_pipeline_free(p);
}
END_TEST

/* Every hand-checked case form of a given name is known as one. */
START_TEST(given_name_forms) {
  char path[1024];
  const char *top = getenv("top_srcdir");
  snprintf(path, sizeof path, "%s/tests/data/given-name-forms.tsv", top ? top : "..");
  FILE *f = fopen(path, "r");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  teitag_pipeline *p = default_pipeline();
  char line[1024], missed[2048] = "";
  int forms = 0, known = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n')
      continue;
    line[strcspn(line, "\r\n")] = '\0';
    char *lang = strtok(line, "\t"), *name = strtok(NULL, "\t");
    char *kase = strtok(NULL, "\t"), *alts = strtok(NULL, "\t");
    ck_assert_msg(lang && name && kase && alts, "bad row in %s", path);
    for (char *form = strtok(alts, "|"); form; form = strtok(NULL, "|")) {
      teitag_doc *doc = tu_doc(p, form);
      char gender;
      unsigned flags, langs;
      forms++;
      if (teitag_doc_n_tokens(doc) == 1 &&
          tt_pipeline_given_name(p, doc, 0, &gender, &flags, &langs))
        known++;
      else if (strlen(missed) + strlen(form) + 2 < sizeof missed)
        strcat(strcat(missed, " "), form);
      teitag_doc_free(doc);
    }
  }
  fclose(f);
  printf("given-name forms known: %d / %d\n", known, forms);
  ck_assert_msg(forms > 500, "only %d forms read", forms);
  ck_assert_msg(known == forms, "unknown forms:%s", missed);
  teitag_pipeline_free(p);
}
END_TEST

static Suite *names_suite(void) {
  Suite *s = suite_create("names");
  TCase *tc = tcase_create("rules");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, persons);
  tcase_add_test(tc, negatives);
  tcase_add_test(tc, organisations);
  tcase_add_test(tc, places);
  tcase_add_test(tc, propagation);
  tcase_add_test(tc, propagation_links);
  tcase_add_test(tc, initials_and_links);
  tcase_add_test(tc, given_name_before_listed_surname);
  tcase_add_test(tc, namesake_takes_the_link_off);
  tcase_add_test(tc, gazetteer_alone);
  tcase_add_test(tc, rules_on_a_document_built_without_them);
  tcase_add_test(tc, rules_can_be_switched_off);
  tcase_add_test(tc, namesake_without_rules);
  tcase_add_test(tc, given_names_not_carried_to_another_pipeline);
  tcase_add_test(tc, long_run_of_initials);
  tcase_add_test(tc, given_name_forms);
  suite_add_tcase(s, tc);
  return s;
}

TU_MAIN(names_suite)
