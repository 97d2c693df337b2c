/* SPDX-License-Identifier: MIT
 *
 * inflect.c -- case forms of Ukrainian and Russian names, by paradigm.
 *
 * Each word of a name gets a paradigm chosen from its ending and role: a
 * person's given name, patronymic or surname; an adjective that agrees with
 * the head noun (Верховна Рада, Кривий Ріг); the head noun; or nothing (an
 * acronym, a Latin word, an indeclinable).  A paradigm is the nominative
 * ending to strip and the endings of the other cases, with '|' between
 * variants that usage allows.  Spelling rules (ы after к, о/е after
 * sibilants, г/к/х before -і), the Ukrainian і/о alternation (Київ/Києва)
 * and fleeting vowels (Орёл/Орла) are applied around the table, and the
 * row's attrs (gender, indecl, stem=, infl=) override the guesses.  This
 * file knows grammar, nothing about gazetteer files or matching.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "inflect.h"

#define MAX_WORDS 12
#define MAX_ALTS 6    /* variants of one word in one case */
#define MAX_FORMS 24  /* combined variants of a whole name in one case */
#define WORD_BYTES 160

static const char *const case_names[TT_N_CASES] = {"nom", "gen", "dat", "acc",
                                                   "ins", "loc", "voc"};

const char *tt_case_name(int c) {
  return c >= 0 && c < TT_N_CASES ? case_names[c] : "";
}

/* A paradigm: the nominative ending removed to get the stem ('|' between
 * the endings it covers), then the endings per case.  "=" is the nominative itself, "~" the accusative that
 * equals the nominative for things and the genitive for people. */
typedef struct {
  const char *strip;
  const char *end[TT_N_CASES];
} paradigm;

enum {
  P_NONE,
  /* Ukrainian */
  UK_M_HARD, UK_M_SOFT, UK_M_J, UK_M_SOFT_HIDDEN, UK_M_O, UK_F_A, UK_F_JA,
  UK_F_IA, UK_F_CONS, UK_N_JA, UK_N_E, UK_N_SIB, UK_PL_HARD, UK_PL_SOFT, UK_ADJ_M, UK_ADJ_M_SOFT,
  UK_ADJ_F, UK_ADJ_F_SOFT, UK_ADJ_N, UK_ADJ_PL, UK_SURNAME_M, UK_SURNAME_F,
  UK_PATR_M,
  /* Russian */
  RU_M_HARD, RU_M_SOFT, RU_M_J, RU_M_IJ, RU_F_A, RU_F_JA, RU_F_IJA, RU_F_SOFT,
  RU_N_O, RU_N_E, RU_N_SIB, RU_N_IE, RU_PL_Y, RU_PL_I, RU_ADJ_M, RU_ADJ_M_I, RU_ADJ_F, RU_ADJ_F_SOFT,
  RU_ADJ_N, RU_ADJ_PL, RU_SURNAME_M, RU_SURNAME_F, RU_PATR_M,
  P_COUNT
};

static const paradigm paradigms[P_COUNT] = {
    [UK_M_HARD] = {"", {"", "а|у", "у|ові", "~", "ом", "і|у|ові", "е|у"}},
    [UK_M_SOFT] = {"ь", {"", "я", "ю|еві", "~", "ем", "і|ю|еві", "ю|е"}},
    [UK_M_J] = {"й", {"", "я", "ю|єві", "~", "єм", "ї|ю|єві", "ю"}},
    [UK_M_SOFT_HIDDEN] = {"", {"", "я", "ю|еві", "~", "ем", "і|ю|еві", "е"}},
    [UK_M_O] = {"о", {"", "а", "у|ові", "~", "ом", "і|у|ові", "е|у|о"}},
    [UK_F_A] = {"а", {"", "и", "і", "у", "ою", "і", "о"}},
    [UK_F_JA] = {"я", {"", "і", "і", "ю", "ею", "і", "е|ю"}},
    [UK_F_IA] = {"я", {"", "ї", "ї", "ю", "єю", "ї", "є"}},
    [UK_F_CONS] = {"ь|", {"", "і", "і", "=", "'ю|ю", "і", "е"}},
    [UK_N_JA] = {"я", {"", "я", "ю", "=", "ям", "і|ю", "я"}},
    [UK_N_E] = {"е", {"", "я", "ю", "=", "ем", "і|ю", "е"}},
    [UK_N_SIB] = {"е", {"", "а", "у", "=", "ем", "і|у", "е"}},
    [UK_PL_HARD] = {"и", {"", "|ів", "ам", "~", "ами", "ах", "и"}},
    [UK_PL_SOFT] = {"і|ї", {"", "ів|ей|", "ям|ам", "~", "ями|ами", "ях|ах", "і"}},
    [UK_ADJ_M] = {"ий", {"", "ого", "ому", "~", "им", "ому|ім", "ий"}},
    [UK_ADJ_M_SOFT] = {"ій", {"", "ього", "ьому", "~", "ім", "ьому|ім", "ій"}},
    [UK_ADJ_F] = {"а", {"", "ої", "ій", "у", "ою", "ій", "а"}},
    [UK_ADJ_F_SOFT] = {"я", {"", "ьої", "ій", "ю", "ьою", "ій", "я"}},
    [UK_ADJ_N] = {"е|є", {"", "ого", "ому", "=", "им", "ому|ім", "е"}},
    [UK_ADJ_PL] = {"і|ї", {"", "их", "им", "~", "ими", "их", "і"}},
    [UK_SURNAME_M] = {"", {"", "а", "у|ові", "а", "им", "і|ові|у", "е"}},
    [UK_SURNAME_F] = {"а", {"", "ої", "ій", "у", "ою", "ій", "а"}},
    [UK_PATR_M] = {"", {"", "а", "у|еві", "а", "ем", "і|еві|у", "у"}},
    [RU_M_HARD] = {"", {"", "а", "у", "~", "ом", "е|у", "="}},
    [RU_M_SOFT] = {"ь", {"", "я", "ю", "~", "ем|ём", "е", "="}},
    [RU_M_J] = {"й", {"", "я", "ю", "~", "ем|ём", "е", "="}},
    [RU_M_IJ] = {"й", {"", "я", "ю", "~", "ем", "и", "="}},
    [RU_F_A] = {"а", {"", "ы", "е", "у", "ой|ою", "е", "="}},
    [RU_F_JA] = {"я", {"", "и", "е", "ю", "ей|ёй", "е", "="}},
    [RU_F_IJA] = {"я", {"", "и", "и", "ю", "ей", "и", "="}},
    [RU_F_SOFT] = {"ь", {"", "и", "и", "=", "ью", "и", "="}},
    [RU_N_O] = {"о", {"", "а", "у", "=", "ом", "е", "="}},
    [RU_N_E] = {"е", {"", "я", "ю", "=", "ем", "е", "="}},
    [RU_N_SIB] = {"е", {"", "а", "у", "=", "ем", "е", "="}},
    [RU_N_IE] = {"е", {"", "я", "ю", "=", "ем", "и", "="}},
    [RU_PL_Y] = {"ы", {"", "ов|", "ам", "~", "ами", "ах", "="}},
    [RU_PL_I] = {"и", {"", "ов|ей|ев|", "ам|ям", "~", "ами|ями", "ах|ях", "="}},
    [RU_ADJ_M] = {"ый|ой", {"", "ого", "ому", "~", "ым", "ом", "="}},
    [RU_ADJ_M_I] = {"ий", {"", "ого|его", "ому|ему", "~", "им", "ом|ем", "="}},
    [RU_ADJ_F] = {"ая", {"", "ой|ей", "ой|ей", "ую", "ой|ою|ей", "ой|ей", "="}},
    [RU_ADJ_F_SOFT] = {"яя", {"", "ей", "ей", "юю", "ей|ею", "ей", "="}},
    [RU_ADJ_N] = {"ое|ее", {"", "ого|его", "ому|ему", "=", "ым|им", "ом|ем", "="}},
    [RU_ADJ_PL] = {"ые|ие", {"", "ых|их", "ым|им", "~", "ыми|ими", "ых|их", "="}},
    [RU_SURNAME_M] = {"", {"", "а", "у", "а", "ым", "е", "="}},
    [RU_SURNAME_F] = {"а", {"", "ой", "ой", "у", "ой", "ой", "="}},
    [RU_PATR_M] = {"", {"", "а", "у", "а", "ем", "е", "="}},
};

/* ---- small UTF-8 helpers (Cyrillic letters are two bytes) ---------------- */

static int ends(const char *w, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

static int ends_any(const char *w, size_t n, const char *const *list) {
  for (size_t i = 0; list[i]; i++)
    if (ends(w, n, list[i]))
      return 1;
  return 0;
}

/* The code point that ends at byte `n` of w, and its start. */
static uint32_t last_cp(const char *w, size_t n, size_t *start) {
  if (n == 0) {
    *start = 0;
    return 0;
  }
  size_t i = n - 1;
  while (i > 0 && ((unsigned char)w[i] & 0xC0) == 0x80)
    i--;
  uint32_t cp;
  tt_utf8_next((const unsigned char *)w + i, &cp);
  *start = i;
  return cp;
}

static int is_cyr_vowel(uint32_t cp) {
  static const uint32_t v[] = {0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D,
                               0x44E, 0x44F, 0x451, 0x456, 0x457, 0x454,
                               0x410, 0x415, 0x418, 0x41E, 0x423, 0x42B, 0x42D,
                               0x42E, 0x42F, 0x401, 0x406, 0x407, 0x404, 0};
  for (int i = 0; v[i]; i++)
    if (v[i] == cp)
      return 1;
  return 0;
}

/* Has w[0, n) a vowel?  An adjective's stem always has one; Стрий, Кий,
 * whose stem has none, are nouns in -й. */
static int has_vowel(const char *w, size_t n) {
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    i += tt_utf8_next((const unsigned char *)w + i, &cp);
    if (is_cyr_vowel(cp))
      return 1;
  }
  return 0;
}

/* Does the word end in a consonant letter? */
static int ends_consonant(const char *w, size_t n) {
  size_t s;
  uint32_t cp = last_cp(w, n, &s);
  return (tt_cp_class(cp) & TT_C_CYRILLIC) && !is_cyr_vowel(cp) &&
         cp != 0x44C && cp != 0x439 && cp != 0x44A; /* ь й ъ */
}

/* A word inflects only when it is Cyrillic, mixed case like a name, and
 * not an acronym or an initial. */
static int declinable(const char *w, size_t n) {
  if (n < 4 || w[n - 1] == '.')
    return 0;
  unsigned letters = 0, upper = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    i += tt_utf8_next((const unsigned char *)w + i, &cp);
    unsigned cls = tt_cp_class(cp);
    if (cls & TT_C_LATIN)
      return 0;
    if (cls & TT_C_ALPHA) {
      letters++;
      upper += (cls & TT_C_UPPER) != 0;
    }
  }
  return letters >= 2 && !(upper == letters);
}

/* Nouns that head a name although they end like adjectives. */
static const char *const head_nouns[] = {
    "Республіка", "Федерація", "Держава", "Рада", "Служба", "Палата",
    "Агенція", "Організація", "Асоціація", "Спілка", "Комісія", "Партія",
    "Армія", "Прокуратура", "Адміністрація", "Академія", "Столиця",
    "Республика", "Федерация", "Государство", "Служба", "Палата", "Агентство",
    "Организация", "Ассоциация", "Союз", "Комиссия", "Партия", "Армия",
    "Прокуратура", "Администрация", "Академия", "Столица", "Дума", NULL};

static int is_word_of(const char *w, size_t n, const char *const *list) {
  for (size_t i = 0; list[i]; i++)
    if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
      return 1;
  return 0;
}

static int is_head_noun(const char *w, size_t n) { return is_word_of(w, n, head_nouns); }

/* A woman's regnal ordinal or epithet (Єлизавета Друга, Свята Ольга):
 * an adjective, though in -а/-я like a noun.  Masculine ones end in
 * -ий/-ій and decline as adjectives anyway. */
static const char *const uk_epithets_f[] = {
    "Перша", "Друга", "Третя", "Четверта", "П'ята", "П’ята", "Шоста",
    "Сьома", "Восьма", "Дев'ята", "Дев’ята", "Десята", "Велика", "Свята",
    "Мудра", "Блаженна", "Преподобна", NULL};

/* Russian epithets that look like a given name's ending: -ий like
 * Дмитрий, -ая like Кая (Вещий Олег, Святая Ольга). */
static const char *const ru_epithets[] = {
    "Вещий", "Великий", "Тишайший", "Святая", "Великая", "Первая",
    "Вторая", "Мудрая", "Блаженная", NULL};

static int looks_adjective(teitag_lang lang, const char *w, size_t n) {
  static const char *const uk_adj[] = {"ий", "ій", "а", "я", "е", "є", "і",
                                       "ї", NULL};
  static const char *const ru_adj[] = {"ый", "ий", "ой", "ая", "яя", "ое",
                                       "ее", "ые", "ие", NULL};
  if (is_head_noun(w, n) || !declinable(w, n))
    return 0;
  return ends_any(w, n, lang == TEITAG_LANG_UK ? uk_adj : ru_adj);
}

/* ---- choosing a paradigm ------------------------------------------------- */

/* What a word is within its name: an agreeing adjective, the head noun
 * (after adjectives, or alone), or a person's given name / surname. */
enum { ROLE_ADJ, ROLE_HEAD, ROLE_HEAD_AFTER_ADJ, ROLE_GIVEN, ROLE_LAST, ROLE_ONLY };

static int classify_uk(const char *w, size_t n, int person, int role, char g,
                       int soft) {
  static const char *const patr_m[] = {"ович", "евич", "йович", "ьович", NULL};
  static const char *const patr_f[] = {"івна", "ївна", NULL};
  static const char *const surname_m[] = {"ов", "ев", "єв", "ін", "їн", "ин", NULL};
  static const char *const surname_f[] = {"ова", "ева", "єва", "іна", "їна", "ина", NULL};
  static const char *const adj_f[] = {"ська", "цька", "зька", NULL};
  if (g == 'p') {
    if (ends(w, n, "і") || ends(w, n, "ї"))
      return role == ROLE_ADJ ? UK_ADJ_PL : UK_PL_SOFT;
    return ends(w, n, "и") ? UK_PL_HARD : P_NONE;
  }
  if (person) {
    int surname = role == ROLE_LAST || role == ROLE_ONLY;
    if (g == 'f' && role != ROLE_ONLY && is_word_of(w, n, uk_epithets_f))
      return ends(w, n, "я") ? UK_ADJ_F_SOFT : UK_ADJ_F;
    if (ends_any(w, n, patr_m))
      return UK_PATR_M;
    if (ends_any(w, n, patr_f))
      return UK_F_A;
    if (ends(w, n, "ий"))
      return UK_ADJ_M;
    /* Adjectival women's surnames: Зеленська, Навальна. */
    if (g == 'f' && surname && (ends_any(w, n, adj_f) ||
                                (ends(w, n, "на") && !ends_any(w, n, surname_f))))
      return UK_ADJ_F;
    if (g == 'f' && surname && ends_any(w, n, surname_f))
      return UK_SURNAME_F;
    if (g == 'f' && surname && (ends_consonant(w, n) || ends(w, n, "о") ||
                                ends(w, n, "ь")))
      return P_NONE; /* Тимошенко, Меркель: women's surnames stay */
    if (g != 'f' && surname && ends_any(w, n, surname_m))
      return UK_SURNAME_M;
    if (g == 'f' && ends(w, n, "о"))
      return P_NONE;
  } else if (role == ROLE_ADJ) {
    if (ends(w, n, "ий")) return UK_ADJ_M;
    if (ends(w, n, "ій")) return UK_ADJ_M_SOFT;
    if (ends(w, n, "я")) return UK_ADJ_F_SOFT;
    if (ends(w, n, "а")) return UK_ADJ_F;
    if (ends(w, n, "е") || ends(w, n, "є")) return UK_ADJ_N;
    if (ends(w, n, "і") || ends(w, n, "ї")) return UK_ADJ_PL;
    return P_NONE;
  } else {
    if (ends(w, n, "ий") && has_vowel(w, n - 4))
      return UK_ADJ_M; /* Кропивницький */
    if (ends(w, n, "ній"))
      return UK_ADJ_M_SOFT;
    if (ends(w, n, "ище"))
      return UK_N_SIB; /* no adjective ends so: Городище, селище */
    if (ends(w, n, "е") || ends(w, n, "є"))
      /* alone an adjective (Рівне, Вишневе); after one, a noun (Чорне море) */
      return role == ROLE_HEAD_AFTER_ADJ ? UK_N_E : UK_ADJ_N;
  }
  if (ends(w, n, "ія") || ends(w, n, "їя"))
    return UK_F_IA;
  if (ends(w, n, "я") && n >= 4) {
    /* after a vowel -я declines like -ія: Зоя, Зої, Зоєю */
    size_t s1;
    if (is_cyr_vowel(last_cp(w, n - 2, &s1)))
      return UK_F_IA;
  }
  if (ends(w, n, "я")) {
    /* A doubled consonant or an apostrophe before -я makes a neuter noun
     * (Запоріжжя, Придніпров'я); a person (Ілля) is not neuter. */
    size_t s1, s2;
    uint32_t a = last_cp(w, n - 2, &s1), b = last_cp(w, s1, &s2);
    if (!person && (a == b || a == '\'' || a == 0x2019 || a == 0x2BC))
      return UK_N_JA;
    return UK_F_JA;
  }
  if (ends(w, n, "а"))
    return UK_F_A;
  if (ends(w, n, "о"))
    return UK_M_O;
  if (ends(w, n, "ь"))
    return g == 'f' ? UK_F_CONS : UK_M_SOFT;
  if (ends(w, n, "й"))
    return UK_M_J;
  if (!ends_consonant(w, n))
    return P_NONE;
  if (g == 'f')
    return person && role != ROLE_GIVEN ? P_NONE : UK_F_CONS;
  /* Ігор and Лазар are soft stems without a written soft sign. */
  if (soft || (n == 8 && memcmp(w, "Ігор", 8) == 0) ||
      (n == 10 && memcmp(w, "Лазар", 10) == 0))
    return UK_M_SOFT_HIDDEN;
  return UK_M_HARD;
}

static int classify_ru(const char *w, size_t n, int person, int role, char g) {
  static const char *const surname_m[] = {"ов", "ев", "ёв", "ин", "ын", NULL};
  static const char *const surname_f[] = {"ова", "ева", "ёва", "ина", "ына", NULL};
  if (g == 'p') {
    if (ends(w, n, "ые") || ends(w, n, "ие"))
      return RU_ADJ_PL;
    if (ends(w, n, "ы"))
      return RU_PL_Y;
    return ends(w, n, "и") ? RU_PL_I : P_NONE;
  }
  if (person && is_word_of(w, n, ru_epithets))
    return ends(w, n, "ий") ? RU_ADJ_M_I : RU_ADJ_F;
  /* a given name in -ая is a noun: Кая, Каи, Каей */
  if (person && role == ROLE_GIVEN && (ends(w, n, "ая") || ends(w, n, "яя")))
    return RU_F_JA;
  if ((ends(w, n, "ый") || ends(w, n, "ой")) && has_vowel(w, n - 4))
    return RU_ADJ_M;
  if (ends(w, n, "ая"))
    return RU_ADJ_F;
  if (ends(w, n, "яя"))
    return RU_ADJ_F_SOFT;
  if (ends(w, n, "ое") || ends(w, n, "ее"))
    return RU_ADJ_N;
  /* a lone -ие word is a neuter noun (управление, движение), not a
   * plural adjective */
  if (ends(w, n, "ие") && !person && role != ROLE_ADJ)
    return RU_N_IE;
  if (ends(w, n, "ые") || ends(w, n, "ие"))
    return RU_ADJ_PL;
  if (ends(w, n, "ий")) {
    /* Дмитрий, Юрий decline as nouns; -ский/-цкий and place adjectives
     * (Нижний, Великий) as adjectives. */
    if (person && !ends(w, n, "ский") && !ends(w, n, "цкий"))
      return RU_M_IJ;
    return RU_ADJ_M_I;
  }
  if (person) {
    int surname = role == ROLE_LAST || role == ROLE_ONLY;
    if (ends(w, n, "вич") || ends(w, n, "ьич"))
      return RU_PATR_M;
    if (g == 'f' && surname && ends_any(w, n, surname_f))
      return RU_SURNAME_F;
    if (g == 'f' && surname && !ends(w, n, "а") && !ends(w, n, "я"))
      return P_NONE; /* Меркель, Тимошенко: women's surnames stay */
    if (g != 'f' && surname && ends_any(w, n, surname_m))
      return RU_SURNAME_M;
    if (ends(w, n, "о") || ends(w, n, "е"))
      return P_NONE; /* Шевченко, Гюго */
  } else if (role == ROLE_ADJ) {
    return P_NONE;
  }
  if (ends(w, n, "ье"))
    return RU_N_E; /* Запорожье, Подмосковье */
  if (ends(w, n, "ище"))
    return RU_N_SIB; /* Городище, Городища */
  if (role == ROLE_HEAD_AFTER_ADJ && ends(w, n, "е"))
    return RU_N_E; /* alone foreign (Кале); after an adjective a noun
                      (Чёрное море, Зелёное Поле) */
  if (ends(w, n, "ия"))
    return RU_F_IJA;
  if (ends(w, n, "я"))
    return RU_F_JA;
  if (ends(w, n, "а"))
    return RU_F_A;
  if (ends(w, n, "ь")) {
    if (g == 'f')
      return RU_F_SOFT;
    if (g == 'm' || person)
      return RU_M_SOFT;
    /* Places: -ль is usually masculine (Ярославль, Севастополь), other
     * soft stems feminine (Пермь, Тверь, Казань). */
    return ends(w, n, "ль") ? RU_M_SOFT : RU_F_SOFT;
  }
  if (ends(w, n, "й"))
    return RU_M_J;
  if (ends(w, n, "о"))
    return RU_N_O;
  if (!ends_consonant(w, n))
    return P_NONE;
  if (g == 'f')
    return person && role == ROLE_GIVEN ? RU_F_SOFT : P_NONE;
  return RU_M_HARD;
}

/* ---- building forms ------------------------------------------------------- */

typedef struct {
  char s[MAX_ALTS][WORD_BYTES];
  int n;
} alts;

/* Does a case have no form at all?  Only a word too long for the
 * buffers leaves one empty. */
static int some_case_empty(const alts *f) {
  for (int c = 0; c < TT_N_CASES; c++)
    if (f[c].n == 0)
      return 1;
  return 0;
}

static void alts_add(alts *a, const char *s, size_t len) {
  if (a->n >= MAX_ALTS || len >= WORD_BYTES)
    return;
  for (int i = 0; i < a->n; i++)
    if (strlen(a->s[i]) == len && memcmp(a->s[i], s, len) == 0)
      return;
  memcpy(a->s[a->n], s, len);
  a->s[a->n][len] = '\0';
  a->n++;
}

static int sibilant(uint32_t cp) {
  return cp == 0x436 || cp == 0x448 || cp == 0x447 || cp == 0x449; /* ж ш ч щ */
}

static int velar(uint32_t cp) {
  return cp == 0x433 || cp == 0x43A || cp == 0x445; /* г к х */
}

/* Attaches `end` to `stem` with the spelling rules of `lang`, adding every
 * spelling that usage allows to `out`. */
static void attach(teitag_lang lang, int para, const char *stem, size_t sn,
                   const char *end, size_t en, alts *out) {
  char buf[WORD_BYTES], e[32];
  size_t ps;
  uint32_t last = last_cp(stem, sn, &ps);
  if (sn + en + 4 >= WORD_BYTES || en >= sizeof e)
    return;
  memcpy(e, end, en);
  int starts_o = en >= 2 && memcmp(e, "о", 2) == 0;
  if (lang == TEITAG_LANG_RU) {
    /* ы is written и after г к х ж ш ч щ: Польши, Волги */
    if (en >= 2 && memcmp(e, "ы", 2) == 0 && (velar(last) || sibilant(last)))
      memcpy(e, "и", 2);
  } else {
    if (para == UK_F_A && en == 2 && memcmp(e, "и", 2) == 0 && sibilant(last))
      memcpy(e, "і", 2); /* Межі */
    /* г к х become з ц с before -і in the dative and locative: Празі,
     * Каховці, Гамбурзі. */
    if (en == 2 && memcmp(e, "і", 2) == 0 && velar(last) &&
        (para == UK_F_A || para == UK_M_HARD || para == UK_M_O)) {
      memcpy(buf, stem, ps);
      memcpy(buf + ps, last == 0x433 ? "з" : last == 0x43A ? "ц" : "с", 2);
      memcpy(buf + ps + 2, "і", 2);
      alts_add(out, buf, ps + 4);
      return;
    }
  }
  /* г к х become ж ч ш before the vocative -е: Олеже */
  if (lang == TEITAG_LANG_UK && para == UK_M_HARD && en == 2 &&
      memcmp(e, "е", 2) == 0 && velar(last)) {
    memcpy(buf, stem, ps);
    memcpy(buf + ps, last == 0x433 ? "ж" : last == 0x43A ? "ч" : "ш", 2);
    memcpy(buf + ps + 2, "е", 2);
    alts_add(out, buf, ps + 4);
  }
  memcpy(buf, stem, sn);
  memcpy(buf + sn, e, en);
  alts_add(out, buf, sn + en);
  /* unstressed о is written е after ж ш ч щ ц: Шольцем, Межею; stress is
   * not known, so both spellings are kept. */
  if (starts_o && (sibilant(last) || last == 0x446)) {
    memcpy(buf + sn, "е", 2);
    alts_add(out, buf, sn + en);
  }
}

/* Oblique stems of a word: the regular one, plus the Ukrainian і/ї -> о/е/є
 * alternation in a closed last syllable (Київ/Києв, Львів/Львов) and
 * fleeting vowels (Орёл/Орл, Кременець/Кременц), unless a stem= hint
 * names the stem. */
static void oblique_stems(teitag_lang lang, int para, int animate,
                          const char *stem, size_t sn, alts *out) {
  alts_add(out, stem, sn);
  int masc_cons = para == UK_M_HARD || para == UK_M_SOFT ||
                  para == UK_M_SOFT_HIDDEN || para == RU_M_HARD ||
                  para == RU_M_SOFT;
  /* the alternations below build a stem two bytes longer in a buffer of
   * WORD_BYTES: a longer word (a source row of 200 bytes) has none, as
   * alts_add keeps no word that long either */
  if (!masc_cons || sn + 4 >= WORD_BYTES)
    return;
  /* Find the last vowel and what follows it. */
  size_t i = sn, vs = 0;
  uint32_t v = 0;
  int consonants = 0;
  while (i > 0) {
    size_t s;
    uint32_t cp = last_cp(stem, i, &s);
    if (is_cyr_vowel(cp)) {
      v = cp;
      vs = s;
      break;
    }
    consonants++;
    i = s;
  }
  if (!v || consonants == 0 || consonants > 3)
    return;
  char buf[WORD_BYTES];
  size_t vlen = i - vs;
  if (lang == TEITAG_LANG_UK && (v == 0x456 || v == 0x457)) { /* і ї */
    const char *reps[3] = {"о", "е", "є"};
    for (int k = v == 0x457 ? 2 : 0; k < (v == 0x457 ? 3 : 2); k++) {
      memcpy(buf, stem, vs);
      memcpy(buf + vs, reps[k], 2);
      memcpy(buf + vs + 2, stem + i, sn - i);
      alts_add(out, buf, sn - vlen + 2);
    }
  }
  /* Fleeting о/е/ё before one final consonant: Городок/Городка,
   * Орёл/Орла, Кременець/Кременця; after л a soft sign stays (Елец/Ельца). */
  if (consonants == 1 && (v == 0x43E || v == 0x435 || v == 0x451) && vs > 0) {
    size_t ps;
    uint32_t prev = last_cp(stem, vs, &ps);
    if (is_cyr_vowel(prev))
      return;
    /* A person's name drops its vowel only before ц, к and л (Кравець,
     * Швец, Павел); elsewhere the stem stays (Платон/Платона), and a
     * dropped one makes common words (Платні is платня's). */
    size_t ls;
    uint32_t last = last_cp(stem, sn, &ls);
    if (animate && last != 0x446 && last != 0x43A && last != 0x43B)
      return;
    memcpy(buf, stem, vs);
    size_t k = vs;
    if (prev == 0x43B) { /* л */
      memcpy(buf + k, "ь", 2);
      k += 2;
    }
    memcpy(buf + k, stem + i, sn - i);
    alts_add(out, buf, k + sn - i);
  }
}

/* Ukrainian feminine nouns of the third declension double a consonant
 * after a vowel in the instrumental (Русь/Руссю, Січ/Січчю), take an
 * apostrophe after a labial (Любов/Любов'ю), and neither after another
 * consonant (Керч/Керчю). */
static void uk_cons_instrumental(const char *stem, size_t sn, alts *out) {
  char buf[WORD_BYTES];
  size_t ls, ps;
  uint32_t last = last_cp(stem, sn, &ls);
  uint32_t prev = last_cp(stem, ls, &ps);
  if (sn + 8 >= WORD_BYTES)
    return;
  memcpy(buf, stem, sn);
  size_t k = sn;
  if (last == 0x431 || last == 0x43F || last == 0x432 || last == 0x43C ||
      last == 0x444) { /* б п в м ф */
    buf[k++] = '\'';
  } else if (is_cyr_vowel(prev)) {
    memcpy(buf + k, stem + ls, sn - ls);
    k += sn - ls;
  }
  memcpy(buf + k, "ю", 2);
  alts_add(out, buf, k + 2);
}

/* Looks up a stem= hint for this word: "WORD>STEM,WORD>STEM". */
static int hinted_stem(const tt_infl_attrs *a, const char *w, size_t n,
                       const char **stem, size_t *sn) {
  const char *p = a ? a->stems : NULL, *end = p ? p + a->stems_len : NULL;
  while (p && p < end) {
    const char *comma = memchr(p, ',', (size_t)(end - p));
    const char *item_end = comma ? comma : end;
    const char *gt = memchr(p, '>', (size_t)(item_end - p));
    if (gt && (size_t)(gt - p) == n && memcmp(p, w, n) == 0) {
      *stem = gt + 1;
      *sn = (size_t)(item_end - gt - 1);
      return 1;
    }
    p = comma ? comma + 1 : end;
  }
  return 0;
}

/* The forms of one hyphen-free word in every case. */
static void word_forms(teitag_lang lang, int para, const char *w, size_t n,
                       int animate, const tt_infl_attrs *attrs,
                       alts forms[TT_N_CASES]) {
  for (int c = 0; c < TT_N_CASES; c++)
    forms[c].n = 0;
  const paradigm *pd = para ? &paradigms[para] : NULL;
  size_t strip = 0;
  int stripped = 0;
  for (const char *e = pd ? pd->strip : NULL; e && !stripped;) {
    const char *bar = strchr(e, '|');
    size_t el = bar ? (size_t)(bar - e) : strlen(e);
    if (n > el && (el == 0 || (n >= el && memcmp(w + n - el, e, el) == 0))) {
      strip = el;
      stripped = 1;
    }
    e = bar ? bar + 1 : NULL;
  }
  if (!stripped) {
    for (int c = 0; c < TT_N_CASES; c++)
      alts_add(&forms[c], w, n);
    return;
  }
  alts stems = {.n = 0};
  const char *hs;
  size_t hn;
  if (hinted_stem(attrs, w, n, &hs, &hn))
    alts_add(&stems, hs, hn);
  else
    oblique_stems(lang, para, animate, w, n - strip, &stems);
  for (int c = 0; c < TT_N_CASES; c++) {
    const char *e = pd->end[c];
    if (c == TT_CASE_NOM || strcmp(e, "=") == 0) {
      alts_add(&forms[c], w, n);
      continue;
    }
    if (para == UK_F_CONS && c == TT_CASE_INS) {
      uk_cons_instrumental(w, n - strip, &forms[c]);
      continue;
    }
    if (strcmp(e, "~") == 0) {
      if (!animate) {
        alts_add(&forms[c], w, n);
        continue;
      }
      e = pd->end[TT_CASE_GEN];
    }
    const char *alt = e;
    while (alt) {
      const char *bar = strchr(alt, '|');
      size_t en = bar ? (size_t)(bar - alt) : strlen(alt);
      for (int s = 0; s < stems.n; s++)
        attach(lang, para, stems.s[s], strlen(stems.s[s]), alt, en, &forms[c]);
      alt = bar ? bar + 1 : NULL;
    }
  }
}

/* A Cyrillic acronym read as a word (МИД, ДТЕК, ЮКОС): two to six
 * capitals, the last a consonant.  News declines these with lower-case
 * endings (МИДа, ДТЕКу, ЮКОСом); acronyms spelt letter by letter (ФСБ)
 * do not decline, but their "forms" never occur in text, so generating
 * them costs keys, not matches. */
static int word_acronym(const char *w, size_t n) {
  unsigned letters = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    i += tt_utf8_next((const unsigned char *)w + i, &cp);
    unsigned cls = tt_cp_class(cp);
    if (!(cls & TT_C_CYRILLIC) || !(cls & TT_C_UPPER))
      return 0;
    letters++;
  }
  size_t s;
  uint32_t last = last_cp(w, n, &s);
  return letters >= 2 && letters <= 6 && !is_cyr_vowel(last) &&
         last != 0x42C && last != 0x419 && last != 0x42A; /* Ь Й Ъ */
}

/* The case forms of such an acronym: the endings of a hard masculine
 * noun, written after the capitals (-ем after Ж Ц Ч Ш Щ). */
static void acronym_forms(teitag_lang lang, const char *w, size_t n,
                          alts out[TT_N_CASES]) {
  size_t s;
  uint32_t last = last_cp(w, n, &s);
  int hushing = last == 0x416 || last == 0x426 || last == 0x427 ||
                last == 0x428 || last == 0x429; /* Ж Ц Ч Ш Щ */
  static const char *const uk[TT_N_CASES] = {"", "а|у", "у|ові", "", "ом", "і|у", ""};
  static const char *const ru[TT_N_CASES] = {"", "а", "у", "", "ом", "е", ""};
  const char *const *end = lang == TEITAG_LANG_UK ? uk : ru;
  for (int c = 0; c < TT_N_CASES; c++) {
    out[c].n = 0;
    const char *e = end[c];
    if (!*e) {
      alts_add(&out[c], w, n);
      continue;
    }
    while (*e) {
      size_t el = strcspn(e, "|");
      char buf[WORD_BYTES];
      const char *ending = hushing && el == 4 && memcmp(e, "ом", 4) == 0 ? "ем" : e;
      if (n + el < sizeof buf) {
        memcpy(buf, w, n);
        memcpy(buf + n, ending, el);
        alts_add(&out[c], buf, n + el);
      }
      e += el + (e[el] == '|');
    }
  }
}

/* The forms of a word that may be hyphenated.  Ростов-на-Дону declines its
 * first part; Нью-Йорк and Івано-Франківськ their last; a noun joined to an
 * adjective (Кам'янець-Подільський) and a double given name (Жан-Клод)
 * both. */
static void compound_forms(teitag_lang lang, const char *w, size_t n,
                           int person, int role, int animate,
                           const tt_infl_attrs *attrs, alts out[TT_N_CASES]) {
  char g = attrs->gender;
  const char *parts[8];
  size_t lens[8], n_parts = 0;
  for (size_t i = 0, start = 0; i <= n && n_parts < 8; i++)
    if (i == n || w[i] == '-') {
      parts[n_parts] = w + start;
      lens[n_parts++] = i - start;
      start = i + 1;
    }
  int declines[8] = {0};
  int has_lower = 0;
  for (size_t p = 1; p < n_parts; p++) {
    uint32_t cp;
    if (lens[p])
      tt_utf8_next((const unsigned char *)parts[p], &cp);
    else
      cp = 0;
    if (tt_cp_class(cp) & TT_C_LOWER)
      has_lower = 1;
  }
  uint32_t first_cp = 0;
  if (lens[0])
    tt_utf8_next((const unsigned char *)parts[0], &first_cp);
  int common_noun = (tt_cp_class(first_cp) & TT_C_LOWER) != 0;
  if (n_parts > 1 && common_noun)
    declines[n_parts - 1] = 1; /* прем'єр-міністр -> прем'єр-міністра */
  else if (n_parts == 1 || has_lower)
    declines[0] = 1;
  else {
    declines[n_parts - 1] = 1;
    if (n_parts == 2 &&
        (ends_consonant(parts[0], lens[0]) || ends(parts[0], lens[0], "ь")) &&
        looks_adjective(lang, parts[1], lens[1]))
      declines[0] = 1;
  }
  /* a double given name declines in both parts, each a name: Жан-Клод,
   * Жана-Клода; Анна-Марія, Анни-Марії */
  int double_given = person && role == ROLE_GIVEN && n_parts == 2 && !has_lower &&
                     !common_noun;
  if (double_given)
    declines[0] = declines[1] = 1;
  alts pf[8][TT_N_CASES];
  for (size_t p = 0; p < n_parts; p++) {
    int para = P_NONE;
    if (declines[p] && declinable(parts[p], lens[p])) {
      int r = (n_parts > 1 && declines[0] && declines[n_parts - 1] && p > 0 &&
               !double_given)
                  ? ROLE_ADJ
                  : role;
      para = lang == TEITAG_LANG_UK
                 ? classify_uk(parts[p], lens[p], person, r, g, attrs->soft)
                 : classify_ru(parts[p], lens[p], person, r, g);
    }
    word_forms(lang, para, parts[p], lens[p], animate, attrs, pf[p]);
    /* the press also leaves the first name as it is: Жан-Клодом Юнкером */
    if (double_given && p == 0 && !some_case_empty(pf[p]))
      for (int c = 0; c < TT_N_CASES; c++)
        alts_add(&pf[p][c], parts[p], lens[p]);
    if (some_case_empty(pf[p])) { /* a part too long for the buffers */
      for (int c = 0; c < TT_N_CASES; c++)
        out[c].n = 0;
      return;
    }
  }
  for (int c = 0; c < TT_N_CASES; c++) {
    out[c].n = 0;
    /* Combine the parts' variants; at most MAX_ALTS results. */
    int idx[8] = {0};
    for (;;) {
      char buf[WORD_BYTES];
      size_t k = 0;
      int ok = 1;
      for (size_t p = 0; p < n_parts && ok; p++) {
        const char *s = pf[p][c].s[idx[p]];
        size_t sl = strlen(s);
        if (k + sl + 1 >= WORD_BYTES)
          ok = 0;
        else {
          if (p)
            buf[k++] = '-';
          memcpy(buf + k, s, sl);
          k += sl;
        }
      }
      if (ok)
        alts_add(&out[c], buf, k);
      size_t p = 0;
      while (p < n_parts && ++idx[p] >= pf[p][c].n)
        idx[p++] = 0;
      if (p == n_parts || out[c].n >= MAX_ALTS)
        break;
    }
  }
}

/* How many leading words of a non-person name decline: the agreeing
 * adjectives and the head noun after them (Верховна Рада України: 2). */
static size_t default_infl(teitag_lang lang, const char *const *w,
                           const size_t *len, size_t n) {
  size_t k = 0;
  while (k + 1 < n && looks_adjective(lang, w[k], len[k]))
    k++;
  return k + 1;
}

static char adjective_gender(teitag_lang lang, const char *w, size_t n) {
  if (lang == TEITAG_LANG_UK) {
    if (ends(w, n, "ий") || ends(w, n, "ій"))
      return 'm';
    if (ends(w, n, "а") || ends(w, n, "я"))
      return 'f';
    if (ends(w, n, "е") || ends(w, n, "є"))
      return 'n';
    return ends(w, n, "і") || ends(w, n, "ї") ? 'p' : 0;
  }
  if (ends(w, n, "ый") || ends(w, n, "ий") || ends(w, n, "ой"))
    return 'm';
  if (ends(w, n, "ая") || ends(w, n, "яя"))
    return 'f';
  if (ends(w, n, "ое") || ends(w, n, "ее"))
    return 'n';
  return ends(w, n, "ые") || ends(w, n, "ие") ? 'p' : 0;
}

typedef struct {
  char text[WORD_BYTES * 4];
  size_t len;
} form_buf;

void tt_inflect(teitag_lang lang, teitag_type type, const char *form,
                size_t len, const tt_infl_attrs *attrs, tt_infl_emit_fn emit,
                void *ctx) {
  if ((lang != TEITAG_LANG_UK && lang != TEITAG_LANG_RU) || attrs->indecl ||
      attrs->infl == 0)
    return;
  tt_chars_init();
  const char *w[MAX_WORDS];
  size_t wl[MAX_WORDS], n = 0;
  for (size_t i = 0, start = 0; i <= len; i++)
    if (i == len || form[i] == ' ') {
      if (n == MAX_WORDS)
        return;
      w[n] = form + start;
      wl[n++] = i - start;
      start = i + 1;
    }
  int person = type == TEITAG_TYPE_PER;
  /* Chinese, Korean and Vietnamese names decline in their last word
   * only: Сі Цзіньпіна, Ким Чен Ына, Хо Ши Мина */
  size_t first = attrs->infl == TT_INFL_LAST && n > 0 ? n - 1 : 0;
  size_t k = attrs->infl > 0 ? (size_t)attrs->infl
             : person        ? n
                             : default_infl(lang, w, wl, n);
  if (k > n)
    k = n;
  /* An adjective shows the gender of the noun it agrees with
   * (Херсонська область: feminine), which the noun's ending may not. */
  tt_infl_attrs a = *attrs;
  if (!person && !a.gender && k >= 2)
    a.gender = adjective_gender(lang, w[k - 2], wl[k - 2]);
  attrs = &a;
  alts *forms = tt_xmalloc(n * TT_N_CASES * sizeof *forms);
  for (size_t i = 0; i < n; i++) {
    int role = person ? (n == 1 ? (attrs->given ? ROLE_GIVEN : ROLE_ONLY)
                         : i == 0 ? ROLE_GIVEN
                         : i == n - 1 ? ROLE_LAST
                                      : ROLE_HEAD)
                      : (i + 1 < k ? ROLE_ADJ
                         : i > 0 && i + 1 == k ? ROLE_HEAD_AFTER_ADJ
                                               : ROLE_HEAD);
    alts *f = &forms[i * TT_N_CASES];
    if (attrs->infl == TT_INFL_LAST && i == n - 1 && declinable(w[i], wl[i])) {
      /* as a noun, not a Slavic surname: Сі Цзіньпіном, not Цзіньпіним */
      compound_forms(lang, w[i], wl[i], 0, ROLE_HEAD, person, attrs, f);
    } else if (i >= first && i < k && declinable(w[i], wl[i])) {
      compound_forms(lang, w[i], wl[i], person, role, person, attrs, f);
    } else if (!person && i == 0 && k == 1 && word_acronym(w[i], wl[i])) {
      acronym_forms(lang, w[i], wl[i], f); /* МИД России -> МИДа России */
    } else {
      for (int c = 0; c < TT_N_CASES; c++) {
        f[c].n = 0;
        alts_add(&f[c], w[i], wl[i]);
      }
    }
    if (some_case_empty(f)) { /* a word too long: nothing to emit */
      free(forms);
      return;
    }
  }
  /* Emit each case's combinations once; skip the dictionary form and
   * repeats across cases (remembered by hash: a form is short-lived). */
  uint64_t seen[TT_N_CASES * MAX_FORMS];
  size_t n_seen = 0;
  int last_case = lang == TEITAG_LANG_UK ? TT_CASE_VOC : TT_CASE_LOC;
  for (int c = TT_CASE_GEN; c <= last_case; c++) {
    int idx[MAX_WORDS] = {0};
    int produced = 0;
    for (;;) {
      form_buf fb;
      fb.len = 0;
      int ok = 1;
      for (size_t i = 0; i < n && ok; i++) {
        const char *s = forms[i * TT_N_CASES + c].s[idx[i]];
        size_t sl = strlen(s);
        if (fb.len + sl + 1 >= sizeof fb.text)
          ok = 0;
        else {
          if (i)
            fb.text[fb.len++] = ' ';
          memcpy(fb.text + fb.len, s, sl);
          fb.len += sl;
        }
      }
      int dup = !ok || (fb.len == len && memcmp(fb.text, form, len) == 0);
      uint64_t fh = ok ? tt_hash_bytes(fb.text, fb.len) : 0;
      for (size_t s = 0; s < n_seen && !dup; s++)
        dup = seen[s] == fh;
      if (!dup && n_seen < TT_N_CASES * MAX_FORMS) {
        seen[n_seen++] = fh;
        emit(ctx, fb.text, fb.len, c);
      }
      size_t i = 0;
      while (i < n && ++idx[i] >= forms[i * TT_N_CASES + c].n)
        idx[i++] = 0;
      if (i == n || ++produced >= MAX_FORMS)
        break;
    }
  }
  free(forms);
}
