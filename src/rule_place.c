/* SPDX-License-Identifier: MIT
 *
 * rule_place.c -- places the gazetteer does not list.
 *
 * A capitalised adjective with a type word is a region (Херсонська
 * область, Брянського району, Kharkiv Oblast, Donetsk region); a type
 * word before a capitalised name marks the name as a place (село Кринки,
 * м. Київ, вул. Хрещатик); and, weakly, a capitalised word after a
 * preposition of place with a place-like ending (-ськ, -град, -поль,
 * -івка, -burg, -ville) is one (у Покровську, near Petersburg).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "inflect.h"
#include "names.h"
#include "wordclass.h"

/* Endings of place names, in case forms (folded). */
static const tt_suffix place_endings[] = {TT_SFX("ськ"), TT_SFX("ська"),
    TT_SFX("ську"), TT_SFX("ськом"), TT_SFX("ське"),
    TT_SFX("цьк"), TT_SFX("цька"), TT_SFX("цьку"), TT_SFX("цьком"),
    TT_SFX("ск"), TT_SFX("ска"), TT_SFX("ску"), TT_SFX("ском"), TT_SFX("ске"),
    TT_SFX("цк"), TT_SFX("цка"), TT_SFX("цке"), TT_SFX("град"), TT_SFX("града"),
    TT_SFX("граду"), TT_SFX("градом"), TT_SFX("граде"), TT_SFX("городі"),
    TT_SFX("город"), TT_SFX("города"), TT_SFX("поль"), TT_SFX("поля"),
    TT_SFX("полі"), TT_SFX("полем"), TT_SFX("пілля"), TT_SFX("піль"),
    TT_SFX("полю"), TT_SFX("івка"), TT_SFX("івки"), TT_SFX("івці"),
    TT_SFX("івку"), TT_SFX("овка"), TT_SFX("овки"), TT_SFX("овке"),
    TT_SFX("ївка"), TT_SFX("ївки"), TT_SFX("ївці"), TT_SFX("burg"),
    TT_SFX("bourg"), TT_SFX("ville"), TT_SFX("grad"), TT_SFX("abad"),
    TT_SFX("stan"),
    /* villages named in the plural (Вербичани, Зарічинці, Ковалівці) in
     * their case forms, and any plural's locative (у Броварах, в
     * Вербичанах, у Ковалівцях) */
    TT_SFX("івців"), TT_SFX("инці"), TT_SFX("инців"), TT_SFX("ичі"),
    TT_SFX("ичів"), TT_SFX("ах"), TT_SFX("ях"), TT_SFX_END};

/* Arauca province, Sadr City district, North West Frontier Province,
 * Yangtze River: a run of capitalised words before an English type word.
 * A lower-case type word is a description, not part of the name, as
 * English annotation conventions have it; a capitalised one is part of
 * it, unless a further capitalised word shows a longer name (U.S. District
 * Judge, Gulf Coast).  The gazetteer's own forms (Donetsk region, the
 * oblast and not the city) are matched before any rule. */
static size_t latin_name_and_type(tt_names *n, size_t i) {
  size_t end = n->para->tok_end, j = i;
  unsigned not_name = TT_WC_FUNCTION | TT_WC_ROLE | TT_WC_ORG_HEAD |
                      TT_WC_PLACE_TYPE | TT_WC_MONTH;
  if (!tt_n_title(n, i) || n->gaz_type[i] || (tt_n_class(n, i) & not_name))
    return 0;
  /* a role's word inside a person's name is the name's (Martin Luther
   * King Jr. Boulevard) */
  while (j + 1 < end && j - i < 3 && tt_n_title(n, j + 1) &&
         !n->gaz_type[j + 1] && !(tt_n_class(n, j + 1) & (not_name & ~TT_WC_ROLE)))
    j++;
  if (tt_n_class(n, j) & TT_WC_ROLE)
    return 0; /* Foreign Minister Street */
  size_t type = j + 1;
  if (type >= end || !(tt_n_class(n, type) & TT_WC_PLACE_TYPE) ||
      !tt_n_same_script(n, i, type))
    return 0;
  for (size_t k = i; k <= j; k++)
    if (tt_n_demonym_like(n, k))
      return 0;
  size_t last = type + 1; /* Yangtze River */
  if (n->doc->toks[type].lcase == TEITAG_CASE_LOWER)
    last = type; /* Arauca province */
  else if (type + 1 < end && (tt_n_title(n, type + 1) || tt_n_upper(n, type + 1)))
    return 0; /* U.S. District Judge */
  tt_n_add(n, i, last, TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, "rule:place name+type");
  return type + 1;
}

/* Херсонська область, Kharkiv Oblast, Donetsk region. */
static size_t adjective_and_type(tt_names *n, size_t i) {
  if (n->doc->toks[i].script == TT_SCRIPT_LATIN)
    return latin_name_and_type(n, i);
  size_t end = n->para->tok_end;
  /* a listed place of one word may be the case form of a town whose
   * adjective has the same letters (Курском: Курск's instrumental, and
   * Курский's locative in Курском районе); with a region's type word
   * after it, the adjective is meant (a street's may be a common noun:
   * квартира в Луганську площею 53 м²) */
  int town_form = n->gaz_type[i] == TEITAG_TYPE_LOC && n->gaz_end[i] == i + 1;
  if (!tt_n_title(n, i) || (n->gaz_type[i] && !town_form) || i + 1 >= end ||
      !(tt_n_class(n, i + 1) & TT_WC_PLACE_TYPE) ||
      (town_form && (tt_n_class(n, i + 1) & TT_WC_STREET)) ||
      (tt_n_class(n, i) & (TT_WC_FUNCTION | TT_WC_ROLE | TT_WC_ORG_HEAD)))
    return 0;
  const tt_token *t = &n->doc->toks[i];
  if (t->script == TT_SCRIPT_CYRILLIC) {
    static const tt_suffix adj[] = {TT_SFX("ськ"), TT_SFX("цьк"), TT_SFX("зьк"),
        TT_SFX("ск"), TT_SFX("цк"), TT_SFX("ий"), TT_SFX("ій"), TT_SFX("а"),
        TT_SFX("ої"), TT_SFX("ій"), TT_SFX("у"), TT_SFX("ою"), TT_SFX("ого"),
        TT_SFX("ому"), TT_SFX("им"), TT_SFX("ая"), TT_SFX("ой"), TT_SFX("ую"),
        TT_SFX("ом"), TT_SFX("ым"), TT_SFX_END};
    static const char *const stems[] = {"ськ", "цьк", "зьк", "ск", "цк", NULL};
    /* the adjective must be derived from a name: -ськ-, -цьк-, -ск- */
    int derived = 0;
    for (size_t k = 0; stems[k] && !derived; k++)
      for (size_t e = 0; adj[e].s && !derived; e++) {
        char suffix[32];
        snprintf(suffix, sizeof suffix, "%s%s", stems[k], adj[e].s);
        derived = tt_n_ends(n, i, suffix);
      }
    /* streets and squares take any adjective: Привокзальна площа,
     * Соборна вулиця */
    if (!derived && (town_form || !((tt_n_class(n, i + 1) & TT_WC_STREET) &&
                                    tt_n_ends_any(n, i, adj) && !tt_n_sentence_start(n, i))))
      return 0;
  } else if (town_form) {
    return 0;
  }
  tt_n_add(n, i, i + 2, TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, "rule:place name+type");
  return i + 2;
}

/* East Africa, Western Europe, Західна Україна, Восточной Сибири: a
 * capitalised compass adjective makes one name with the place after it. */
static size_t compass_and_place(tt_names *n, size_t i) {
  static const tt_suffix stems[] = {
      TT_SFX("західн"), TT_SFX("східн"), TT_SFX("північн"), TT_SFX("південн"),
      TT_SFX("центральн"), TT_SFX("западн"), TT_SFX("восточн"),
      TT_SFX("северн"), TT_SFX("южн"), TT_SFX("північно-"),
      TT_SFX("південно-"), TT_SFX("северо-"), TT_SFX("юго-"), TT_SFX_END};
  size_t end = n->para->tok_end;
  if (!tt_n_title(n, i) || n->gaz_type[i] || i + 1 >= end ||
      n->gaz_type[i + 1] != TEITAG_TYPE_LOC || !n->gaz_end[i + 1] ||
      !tt_n_same_script(n, i, i + 1))
    return 0;
  int compass = (tt_n_class(n, i) & TT_WC_COMPASS) != 0;
  if (!compass && n->doc->toks[i].script == TT_SCRIPT_CYRILLIC)
    compass = tt_n_starts_any(n, i, stems);
  if (!compass)
    return 0;
  size_t last = n->gaz_end[i + 1];
  tt_n_add(n, i, last, TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, "rule:place compass+place");
  return last;
}

/* вул. Київська, 94; вул. Зорянської, 58-А; вулиці Лісній, 11/1: the
 * house number after a Cyrillic street's name, as an address writes it,
 * belongs to the place.  Returns the end of the address from token k,
 * the end of the street's name. */
static size_t house_number(const tt_names *n, size_t k) {
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end, j = k;
  if (j < end && tt_n_is(n, j, ","))
    j++;
  /* a house has at most three digits: вулиці Франка, 2023 року is a year */
  if (j >= end || d->toks[j].kind != TEITAG_TOKEN_NUMBER ||
      d->toks[j].end - d->toks[j].start > 3)
    return k;
  j++;
  /* a letter or a second number glued to it: 58-А, 11/1, 7а */
  if (j + 1 < end && !(d->toks[j].flags & TT_TOK_SPACE_BEFORE) &&
      (tt_n_is(n, j, "-") || tt_n_is(n, j, "/")) &&
      !(d->toks[j + 1].flags & TT_TOK_SPACE_BEFORE) &&
      (d->toks[j + 1].kind == TEITAG_TOKEN_NUMBER ||
       (d->toks[j + 1].kind == TEITAG_TOKEN_WORD && d->toks[j + 1].end - d->toks[j + 1].start <= 2)))
    j += 2;
  else if (j < end && !(d->toks[j].flags & TT_TOK_SPACE_BEFORE) &&
           d->toks[j].kind == TEITAG_TOKEN_WORD && d->toks[j].end - d->toks[j].start <= 2 &&
           d->toks[j].lcase == TEITAG_CASE_LOWER)
    j++;
  /* a unit after the number makes it a measure: вулиця Лісна, 5 км */
  if (j < end && d->toks[j].kind == TEITAG_TOKEN_WORD && d->toks[j].lcase == TEITAG_CASE_LOWER &&
      (d->toks[j].flags & TT_TOK_SPACE_BEFORE) && !(tt_n_class(n, j) & TT_WC_FUNCTION))
    return k;
  return j;
}

/* село Кринки, м. Київ, вул. Хрещатик: the name after the type word. */
static size_t type_and_name(tt_names *n, size_t i) {
  size_t end = n->para->tok_end;
  if (!(tt_n_class(n, i) & TT_WC_PLACE_BEFORE) ||
      n->doc->toks[i].lcase == TEITAG_CASE_UPPER)
    return 0;
  /* an English City, Town or Village in Title case begins a longer name
   * (City Hall, Town Council); River Thames is a river's */
  if (n->doc->toks[i].script == TT_SCRIPT_LATIN && tt_n_title(n, i) &&
      !tt_n_is(n, i, "river"))
    return 0;
  size_t j = i + 1;
  if (j >= end || !tt_n_title(n, j) || n->gaz_type[j] || n->person[j] ||
      (tt_n_class(n, j) & TT_WC_FUNCTION))
    return 0;
  size_t k = j + 1;
  /* two-word names (Біла Церква, Велика Новосілка), unless the second word
   * is the adjective of the next place (Олексіївка Зарічанського району) */
  if (k < end && tt_n_title(n, k) && !n->gaz_type[k] &&
      !(n->doc->toks[k].flags & TT_TOK_SENT_START) &&
      !(k + 1 < end && (tt_n_class(n, k + 1) & TT_WC_PLACE_TYPE)))
    k++;
  /* a street's type belongs to its name: вулиця Франка; so does the
   * house number after it */
  size_t b = (tt_n_class(n, i) & TT_WC_STREET) ? i : j;
  if ((tt_n_class(n, i) & TT_WC_STREET) && n->doc->toks[i].script == TT_SCRIPT_CYRILLIC)
    k = house_number(n, k);
  tt_n_add(n, b, k, TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, "rule:place type+name");
  return k;
}

/* Is the gazetteer's candidate at token j a town's genitive spelt like a
 * surname's or a street's adjective (улица Ленина, not the town Ленино;
 * вул. Зеленодольська)?  Not a city's (улицы Лондона are its streets). */
static int surname_like_genitive(tt_names *n, size_t j) {
  static const tt_suffix endings[] = {TT_SFX("ова"), TT_SFX("ева"), TT_SFX("ёва"),
      TT_SFX("ина"), TT_SFX("ына"), TT_SFX("іна"), TT_SFX("їна"), TT_SFX("ська"),
      TT_SFX("цька"), TT_SFX("ская"), TT_SFX("цкая"), TT_SFX_END};
  const tt_span *sp = tt_n_candidate_at(n, j);
  return sp && sp->infl_case == TT_CASE_GEN + 1 && tt_n_ends_any(n, j, endings);
}

/* вул. Богдана Хмельницького, вулиця М. Зорянської: a street named
 * after a person is a place, with its type word, though the person rules
 * or the gazetteer took the name. */
static size_t street_of_person(tt_names *n, size_t i) {
  size_t end = n->para->tok_end, j = i + 1;
  if (!(tt_n_class(n, i) & TT_WC_STREET) || n->doc->toks[i].lcase == TEITAG_CASE_UPPER)
    return 0;
  while (j < end && j - i <= 2 && (n->doc->toks[j].flags & TT_TOK_INITIAL))
    j++;
  if (j >= end || !tt_n_title(n, j))
    return 0;
  size_t k = j;
  if (n->gaz_type[j] == TEITAG_TYPE_PER && n->gaz_end[j])
    k = n->gaz_end[j];
  else if (n->gaz_type[j] == TEITAG_TYPE_LOC && n->gaz_end[j] == j + 1 &&
           n->doc->toks[j].script == TT_SCRIPT_CYRILLIC && surname_like_genitive(n, j))
    k = j + 1; /* улица Ленина, not the town Ленино's genitive */
  else
    while (k < end && k - j < 3 && n->person[k])
      k++;
  /* streets bear surnames; a lone given name is whom the sentence is
   * about (піднімався узвозом Наталочка) */
  char gender;
  unsigned flags;
  if (k == j || (k == j + 1 && tt_n_given(n, j, &gender, &flags)))
    return 0;
  if (n->doc->toks[i].script == TT_SCRIPT_CYRILLIC)
    k = house_number(n, k);
  tt_n_add(n, i, k, TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, "rule:place type+name");
  return k;
}

/* The end of one or two capitalised words from token j that nothing
 * else explains and that are in none of the classes `not_name`, or 0 if
 * there are none or a longer capitalised name goes on after them. */
static size_t short_capital_run(const tt_names *n, size_t j, unsigned not_name) {
  size_t end = n->para->tok_end, k = j;
  while (k < end && k - j < 2 && tt_n_title(n, k) && !n->gaz_type[k] && !n->person[k] &&
         !(tt_n_class(n, k) & not_name))
    k++;
  if (k == j || (k < end && (tt_n_title(n, k) || tt_n_upper(n, k))))
    return 0;
  return k;
}

/* the town of Lahaina, the island of Zarport: in English a lower-case
 * town, city, village, province, district, region or island, "of"
 * and one or two capitalised words that
 * nothing else explains.  Not a person's (the city of Charles Dickens),
 * nor one before a longer name (the city of New Haven Green). */
static size_t latin_type_of_name(tt_names *n, size_t i) {
  static const tt_suffix settlements[] = {TT_SFX("town"), TT_SFX("city"),
      TT_SFX("village"), TT_SFX("province"), TT_SFX("district"), TT_SFX("region"),
      TT_SFX("island"), TT_SFX_END};
  size_t end = n->para->tok_end, j = i + 2;
  if (n->doc->toks[i].script != TT_SCRIPT_LATIN ||
      n->doc->toks[i].lcase != TEITAG_CASE_LOWER || j >= end ||
      !tt_n_is(n, i + 1, "of") || !tt_n_is_any(n, i, settlements))
    return 0;
  size_t k = short_capital_run(n, j, TT_WC_FUNCTION | TT_WC_ROLE | TT_WC_MONTH | TT_WC_ORG_HEAD);
  if (!k)
    return 0;
  tt_n_add(n, j, k, TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, "rule:place type+name");
  return k;
}

/* Port Talbot, Fort Collins, Mount Zarvel, Lake Zarwood, Cape Zarn: an
 * English word that begins a place's name, and one or two capitalised
 * words that nothing else explains.  Not inside a longer name, nor
 * before an organisation's head (Port Authority, Fort Worth Police). */
static size_t prefixed_place(tt_names *n, size_t i) {
  const unsigned not_name = TT_WC_FUNCTION | TT_WC_ROLE | TT_WC_ORG_HEAD | TT_WC_MONTH |
                            TT_WC_PLACE_TYPE | TT_WC_EN_ROLE | TT_WC_ADJECTIVE;
  if (n->doc->toks[i].script != TT_SCRIPT_LATIN || !tt_n_title(n, i) || n->gaz_type[i] ||
      !(tt_n_class(n, i) & TT_WC_PLACE_PREFIX) ||
      (i > n->para->tok_begin && !tt_n_sentence_start(n, i) &&
       (tt_n_title(n, i - 1) || tt_n_upper(n, i - 1))))
    return 0;
  size_t k = short_capital_run(n, i + 1, not_name);
  if (!k)
    return 0;
  tt_n_add(n, i, k, TEITAG_TYPE_LOC, TEITAG_CERT_MEDIUM, "rule:place name+type");
  return k;
}

/* у Покровську, біля Костянтинівки: a preposition of place, then a
 * capitalised word with a place-like ending. */
static void preposition_and_shape(tt_names *n, size_t i) {
  /* the locative plural of a noun made from a verb (в Положеннях) */
  static const tt_suffix verbal_nouns[] = {TT_SFX("ннях"), TT_SFX("ттях"),
      TT_SFX("ниях"), TT_SFX("тиях"), TT_SFX_END};
  size_t j = i + 1;
  /* a sentence's first word is capitalised: У Покровську */
  int lower = n->doc->toks[i].lcase == TEITAG_CASE_LOWER ||
              (n->doc->toks[i].lcase == TEITAG_CASE_TITLE && tt_n_sentence_start(n, i));
  if (!(tt_n_class(n, i) & TT_WC_PREP_PLACE) || j >= n->para->tok_end ||
      !lower || !tt_n_title(n, j) ||
      n->gaz_type[j] || n->person[j] ||
      (tt_n_class(n, j) & (TT_WC_FUNCTION | TT_WC_ROLE | TT_WC_ORG_HEAD)) ||
      !tt_n_ends_any(n, j, place_endings) || tt_n_ends_any(n, j, verbal_nouns))
    return;
  /* an adjective of a type word (в Адмиралтейском районе) names no place */
  if (j + 1 < n->para->tok_end && (tt_n_class(n, j + 1) & TT_WC_PLACE_TYPE))
    return;
  tt_n_add(n, j, j + 1, TEITAG_TYPE_LOC, TEITAG_CERT_LOW,
           "rule:place preposition+shape");
}

void tt_rules_place(tt_names *n) {
  /* the rules add spans, never tokens */
  const tt_token *toks = n->doc->toks;
  const size_t end = n->para->tok_end;
  for (size_t i = n->para->tok_begin; i < end; i++) {
    /* every rule starts at a Title-case word or at a type word or
     * preposition of place: other tokens are passed over here rather
     * than by each rule in turn */
    if (toks[i].kind != TEITAG_TOKEN_WORD || toks[i].lcase != TEITAG_CASE_TITLE) {
      unsigned cls = toks[i].classes;
      /* an English place type word too: the province of … */
      if (!(cls & (TT_WC_STREET | TT_WC_PLACE_BEFORE | TT_WC_PREP_PLACE)) &&
          !((cls & TT_WC_PLACE_TYPE) && toks[i].script == TT_SCRIPT_LATIN))
        continue;
    }
    size_t next = compass_and_place(n, i);
    if (!next && (toks[i].classes & TT_WC_PLACE_PREFIX))
      next = prefixed_place(n, i);
    if (!next)
      next = adjective_and_type(n, i);
    if (!next)
      next = street_of_person(n, i);
    if (!next)
      next = type_and_name(n, i);
    if (!next && toks[i].lcase == TEITAG_CASE_LOWER)
      next = latin_type_of_name(n, i);
    if (next) {
      i = next - 1;
      continue;
    }
    preposition_and_shape(n, i);
  }
}
