/* SPDX-License-Identifier: MIT
 *
 * rule_person.c -- persons the gazetteer does not list.
 *
 * Four signals, strongest first: a given name (from the lexicons, in any
 * case form) followed by a capitalised word, with initials, particles or
 * a patronymic between (Олександр Сирський, Ursula von der Leyen); initials
 * before or after a capitalised word (В. Зеленський, J. D. Vance,
 * Януковича В. Ф.); a title or role before a capitalised word (президент
 * Ердоган, spokesman Peskov), the role itself outside the name; and, as a
 * weak guess, a capitalised word inside a sentence with a typical surname
 * ending (-енко, -ський, -швілі, -ян).
 */
#include "config.h"

#include <string.h>

#include "gaz.h"
#include "names.h"
#include "wordclass.h"

/* Words that cannot be part of a person's name. */
static int not_name_word(const tt_names *n, size_t i) {
  unsigned c = tt_n_class(n, i);
  /* Cyrillic months are written in lower case, so inside a sentence and
   * not after a day's number "Марту", "Марта" are names, not March */
  if ((c & TT_WC_MONTH) && n->doc->toks[i].script == TT_SCRIPT_CYRILLIC &&
      !tt_n_sentence_start(n, i) &&
      !(i > n->para->tok_begin && n->doc->toks[i - 1].kind == TEITAG_TOKEN_NUMBER))
    c &= ~TT_WC_MONTH;
  return (c & (TT_WC_FUNCTION | TT_WC_ROLE | TT_WC_ORG_HEAD | TT_WC_PLACE_TYPE |
               TT_WC_PLACE_BEFORE | TT_WC_MONTH | TT_WC_LEGAL | TT_WC_EN_ROLE |
               TT_WC_ADJECTIVE)) != 0;
}

/* Dotted country abbreviations look like initials but are not. */
static int dotted_country(const tt_names *n, size_t i) {
  static const char *const list[] = {"u.s.", "u.k.", "u.n.", "e.u.",
                                     "u.s.a.", "u.a.e.", NULL};
  const tt_token *t = &n->doc->toks[i];
  for (size_t k = 0; list[k]; k++)
    if (strlen(list[k]) == t->key_len &&
        memcmp(n->doc->keys.data + t->key, list[k], t->key_len) == 0)
      return 1;
  return 0;
}

static const tt_suffix patronymics[] = {TT_SFX("ович"), TT_SFX("евич"),
    TT_SFX("йович"), TT_SFX("ьович"), TT_SFX("івна"), TT_SFX("ївна"),
    TT_SFX("овна"), TT_SFX("евна"), TT_SFX("ична"), TT_SFX("овича"),
    TT_SFX("евича"), TT_SFX("овичу"), TT_SFX("евичу"), TT_SFX("овичем"),
    TT_SFX("евичем"), TT_SFX("івни"), TT_SFX("ївни"), TT_SFX("овны"),
    TT_SFX("евны"), TT_SFX("ичны"), TT_SFX("івною"), TT_SFX("ївною"),
    TT_SFX("овной"), TT_SFX("евной"), TT_SFX("івні"), TT_SFX("ївні"),
    TT_SFX("овне"), TT_SFX("евне"), TT_SFX("івну"), TT_SFX("ївну"),
    TT_SFX("овну"), TT_SFX("евну"), TT_SFX_END};

/* Surname endings, in their case forms, for the weak surname rule.  Of the
 * adjectival surnames only the masculine nominative counts: the other
 * forms are mostly adjectives before a noun (Тверской площади). */
static const tt_suffix surname_endings[] = {TT_SFX("енко"), TT_SFX("енка"),
    TT_SFX("енку"), TT_SFX("енкові"), TT_SFX("енком"), TT_SFX("швілі"),
    TT_SFX("швили"), TT_SFX("дзе"), TT_SFX("ян"), TT_SFX("яна"), TT_SFX("яну"),
    TT_SFX("яном"), TT_SFX("янові"), TT_SFX("чук"), TT_SFX("чука"),
    TT_SFX("чуку"), TT_SFX("чуком"), TT_SFX("юк"), TT_SFX("юка"), TT_SFX("юку"),
    TT_SFX("юком"), TT_SFX("ович"), TT_SFX("овича"), TT_SFX("овичу"),
    TT_SFX("овичем"), TT_SFX("евич"), TT_SFX("евича"), TT_SFX("евичу"),
    TT_SFX("евичем"), TT_SFX("ов"), TT_SFX("ев"), TT_SFX("ін"), TT_SFX("ин"),
    TT_SFX_END};

/* Surnames as lists and imprints write them, in the nominative, for
 * telling "Surname I. O." from "I. O. Surname". */
static const tt_suffix nominative_surname_endings[] = {TT_SFX("ов"),
    TT_SFX("ев"), TT_SFX("ин"), TT_SFX("ін"), TT_SFX("ова"), TT_SFX("ева"),
    TT_SFX("ина"), TT_SFX("іна"), TT_SFX("ский"), TT_SFX("ський"),
    TT_SFX("ская"), TT_SFX("ська"), TT_SFX("цкий"), TT_SFX("цький"),
    TT_SFX("енко"), TT_SFX("ук"), TT_SFX("юк"), TT_SFX("ич"), TT_SFX("ян"),
    TT_SFX("дзе"), TT_SFX("швили"), TT_SFX("швілі"), TT_SFX_END};

/* Endings of adjectives: a capitalised word ending so is rather a place's
 * or an organisation's name (Київський велотрек, Зарічанської РДА). */
static const tt_suffix adjective_endings[] = {TT_SFX("ий"), TT_SFX("ій"),
    TT_SFX("ого"), TT_SFX("ому"), TT_SFX("им"), TT_SFX("ою"), TT_SFX("ої"),
    TT_SFX("их"), TT_SFX("ими"), TT_SFX("ую"), TT_SFX("ой"), TT_SFX("ый"),
    TT_SFX("ые"), TT_SFX("ие"), TT_SFX("ая"), TT_SFX("ее"), TT_SFX("ое"),
    TT_SFX_END};

static int adjective_like(const tt_names *n, size_t i) {
  char g;
  unsigned f;
  return tt_n_ends_any(n, i, adjective_endings) && !tt_n_given(n, i, &g, &f);
}

static int initial(const tt_names *n, size_t i) {
  return (n->doc->toks[i].flags & TT_TOK_INITIAL) && !n->gaz_type[i] &&
         !dotted_country(n, i);
}

/* The tokens of an initial at i: 1 for "Т.", 2 for "Т ." as text that was
 * tokenized before it came here writes it ("Т . Кравельтон"), else 0. */
static size_t initial_len(const tt_names *n, size_t i) {
  if (initial(n, i))
    return 1;
  const tt_token *t = &n->doc->toks[i];
  /* one letter: one byte in Latin, two in Cyrillic */
  return i + 1 < n->para->tok_end && t->end - t->start <= 2 && !n->gaz_type[i] &&
                 tt_n_spaced_initial(n->doc, i)
             ? 2
             : 0;
}

/* McBride, DeCesare, MacArthur, LaHood, ElBaradei: a surname prefix and a
 * capital (brands like BioNTech or LinkedIn have no such prefix). */
static int camel_surname(const tt_names *n, size_t i) {
  static const char *const prefixes[] = {"Mc", "Mac", "De", "Di", "Da", "Du",
                                         "La", "Le", "Lo", "Van", "Von",
                                         "Fitz", "El", "Al", NULL};
  const tt_token *t = &n->doc->toks[i];
  const char *s = n->doc->text + t->start;
  size_t len = t->end - t->start;
  if (t->kind != TEITAG_TOKEN_WORD || t->lcase != TEITAG_CASE_MIXED)
    return 0;
  for (size_t k = 0; prefixes[k]; k++) {
    size_t p = strlen(prefixes[k]);
    if (len > p + 2 && memcmp(s, prefixes[k], p) == 0 && s[p] >= 'A' &&
        s[p] <= 'Z' && s[p + 1] >= 'a' && s[p + 1] <= 'z')
      return 1;
  }
  return 0;
}

/* A capitalised word that may be a surname next to token `from`. */
/* After an English name: punctuation, a verb or a function word, not
 * the next word of a headline-cased phrase. */
static int end_of_name(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  return t->kind == TEITAG_TOKEN_PUNCT || t->lcase == TEITAG_CASE_LOWER;
}

/* English roles that are common surnames too: after a given name, and
 * ending the name, they are the surname (Bronwyn Bishop, John Major,
 * Larry King), as a role comes before a name, not after it. */
static int role_surname(const tt_names *n, size_t i) {
  static const tt_suffix surnames[] = {TT_SFX("bishop"), TT_SFX("king"), TT_SFX("dean"),
      TT_SFX("judge"), TT_SFX("pope"), TT_SFX("baron"), TT_SFX("duke"), TT_SFX("major"),
      TT_SFX_END};
  return n->doc->toks[i].script == TT_SCRIPT_LATIN && tt_n_title(n, i) &&
         !(n->doc->toks[i].flags & TT_TOK_SENT_START) && tt_n_is_any(n, i, surnames) &&
         (i + 1 >= n->para->tok_end || end_of_name(n, i + 1));
}

static int surname_word(const tt_names *n, size_t i, size_t from) {
  if (i < n->para->tok_end && (tt_n_article_surname(n, i) || camel_surname(n, i)) &&
      tt_n_same_script(n, i, from) && !n->gaz_type[i])
    return 1;
  if (i < n->para->tok_end && i > from && role_surname(n, i))
    return 1;
  return i < n->para->tok_end && tt_n_title(n, i) &&
         tt_n_same_script(n, i, from) && !not_name_word(n, i) &&
         !(n->doc->toks[i].flags & TT_TOK_INITIAL) &&
         !(n->doc->toks[i].flags & TT_TOK_SENT_START);
}

/* "San Diego", "Saint Louis", "Santa Maria": a saint's name before a
 * given name makes a place's or a team's name, not a person's. */
static int saint_before(const tt_names *n, size_t i) {
  static const tt_suffix saints[] = {
      TT_SFX("san"),    TT_SFX("santa"), TT_SFX("santo"),
      TT_SFX("são"),    TT_SFX("sao"),   TT_SFX("saint"),
      TT_SFX("sainte"), TT_SFX("st."),   TT_SFX_END};
  return i > n->para->tok_begin && tt_n_is_any(n, i - 1, saints);
}

/* "Asif Ali ZARDARI": some sources write the surname in capitals. */
static int capitals_surname(const tt_names *n, size_t j, size_t from) {
  return j < n->para->tok_end && tt_n_upper(n, j) && !n->gaz_type[j] &&
         n->doc->toks[j].script == TT_SCRIPT_LATIN && tt_n_same_script(n, j, from) &&
         n->doc->toks[j].end - n->doc->toks[j].start >= 3 &&
         !(n->doc->toks[j].flags & TT_TOK_ABBREV) &&
         (j + 1 >= n->para->tok_end || end_of_name(n, j + 1));
}

/* Word i is capitalised only because it is a name: it is inside a
 * sentence, right after a lower-case word that is no function word (so
 * not after the, of or in, which may start a title in capitals). */
static int capital_marks_name(const tt_names *n, size_t i) {
  if (i <= n->para->tok_begin || tt_n_sentence_start(n, i))
    return 0;
  const tt_token *prev = &n->doc->toks[i - 1];
  return prev->kind == TEITAG_TOKEN_WORD && prev->lcase == TEITAG_CASE_LOWER &&
         !(tt_n_class(n, i - 1) & TT_WC_FUNCTION);
}

static int lower_particle(const tt_names *n, size_t i);

/* In English, do the two words [i, e) stand where news puts a person:
 * between commas (a witness, Carol Pearson, said), or before a verb of
 * saying or reporting (Heather Mills vows …, Carol Pearson reports)?
 * Then a given name that is also a common word (Carol, Bill, Mark) is
 * the name. */
static int speaker_or_apposition(const tt_names *n, size_t i, size_t e) {
  static const tt_suffix verbs[] = {TT_SFX("says"), TT_SFX("said"), TT_SFX("told"),
      TT_SFX("reports"), TT_SFX("reported"), TT_SFX("vows"), TT_SFX("vowed"),
      TT_SFX("added"), TT_SFX("argues"), TT_SFX("argued"), TT_SFX("warned"),
      TT_SFX("warns"), TT_SFX("wrote"), TT_SFX("writes"), TT_SFX_END};
  if (e != i + 2 || e >= n->para->tok_end || n->doc->toks[i].script != TT_SCRIPT_LATIN)
    return 0;
  /* not after an article (the Rich Man said) */
  if (n->doc->toks[e].lcase == TEITAG_CASE_LOWER && tt_n_is_any(n, e, verbs))
    return i == n->para->tok_begin || !(tt_n_class(n, i - 1) & TT_WC_FUNCTION);
  return i > n->para->tok_begin && tt_n_is(n, i - 1, ",") && tt_n_is(n, e, ",") &&
         !tt_n_sentence_start(n, i);
}

/* Given name [+ initials / particles / patronymic] + surname. */
static size_t given_and_surname(tt_names *n, size_t i) {
  char gender;
  unsigned flags;
  if (n->person[i] || !tt_n_title(n, i) || not_name_word(n, i) ||
      !tt_n_given(n, i, &gender, &flags) || saint_before(n, i))
    return 0;
  size_t j = i + 1, end = n->para->tok_end;
  char g2;
  unsigned f2;
  /* initials, patronymics, further given names (Хуан Пабло), particles
   * (von der, Ле, ван): a few words at most, since a run of thousands of
   * initials is no name */
  while (j < end && (initial(n, j) || tt_n_ends_any(n, j, patronymics) ||
                     (j + 1 < end &&
                      (surname_word(n, j + 1, i) || capitals_surname(n, j + 1, i)) &&
                      (tt_n_given(n, j, &g2, &f2) ||
                       (tt_n_class(n, j) & TT_WC_PARTICLE))) ||
                     /* two particles in a row: van der, de la, von der */
                     (j + 2 < end && (tt_n_class(n, j) & TT_WC_PARTICLE) &&
                      (tt_n_class(n, j + 1) & TT_WC_PARTICLE) &&
                      surname_word(n, j + 2, i)))) {
    if (j - i > TT_MAX_INITIALS)
      return 0;
    j++;
  }
  if (!surname_word(n, j, i)) {
    /* Петро Онисимович, Мария Ивановна: the given name and patronymic
     * of polite address, with no surname after them */
    if (j == i + 2 && tt_n_title(n, i + 1) && tt_n_ends_any(n, i + 1, patronymics) &&
        !capitals_surname(n, j, i)) {
      tt_n_add(n, i, j, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
               "rule:person given-name+surname");
      return j;
    }
    if (!capitals_surname(n, j, i))
      return 0;
    tt_n_add(n, i, j + 1, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
             "rule:person given-name+surname");
    return j + 1;
  }
  /* a double surname (Лопес Мартінес, Ким Чен Ир); in English a second
   * capital is too often the next word of a headline-cased phrase */
  if (j + 1 < end && surname_word(n, j + 1, i) && !n->gaz_type[j + 1] &&
      !(j + 2 < end && (tt_n_title(n, j + 2) || tt_n_upper(n, j + 2) ||
                        (n->doc->toks[j].script == TT_SCRIPT_LATIN &&
                         !end_of_name(n, j + 2)))))
    j++;
  /* a Latin surname's particle and second part (Josefa Ortiz de
   * Dominguez, Sergio Vieira de Mello) */
  while (j + 2 < end && n->doc->toks[j].script == TT_SCRIPT_LATIN && lower_particle(n, j + 1) &&
         surname_word(n, j + 2, i) && !n->gaz_type[j + 2] &&
         !(j + 3 < end && tt_n_title(n, j + 3)))
    j += 2;
  /* A name followed by an organisation head is an organisation's name
   * ("Christian Democratic Union", "Vladimir Putin Foundation"), and so
   * is an English one before a company's designator (Angelo Gordon & Co,
   * Sean Daniel Co.); a surname that starts a longer listed name belongs
   * to that (Brent North Sea crude). */
  if ((j + 1 < end && (tt_n_class(n, j + 1) & TT_WC_ORG_HEAD) &&
       tt_n_title(n, j + 1)) ||
      tt_n_facility_after(n, j) ||
      (n->gaz_type[j] && n->gaz_end[j] > j + 1) ||
      (j + 1 < end && n->doc->toks[j].script == TT_SCRIPT_LATIN &&
       (tt_n_is(n, j + 1, "&") || (tt_n_class(n, j + 1) & TT_WC_LEGAL))))
    return 0;
  /* A given name that is also a common word needs a surname that looks
   * like one or is listed, or a capital that only a name explains (has
   * named Gene Sperling); opening a sentence, a listed one is not enough
   * (Слава Богу). */
  if ((flags & TT_LEX_COMMON) && !tt_n_ends_any(n, j, surname_endings) &&
      (n->gaz_type[j] != TEITAG_TYPE_PER || tt_n_sentence_start(n, i)) &&
      !capital_marks_name(n, i) && !speaker_or_apposition(n, i, j + 1))
    return 0;
  tt_n_add(n, i, j + 1, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
           "rule:person given-name+surname");
  return j + 1;
}

/* Adjectival surnames in the masculine, every case but the vocative
 * (Зеленського, Хмельницькому; Вишневецким). */
static const tt_suffix adjectival_surname_uk[] = {TT_SFX("ський"),
    TT_SFX("ського"), TT_SFX("ському"), TT_SFX("ським"), TT_SFX("цький"),
    TT_SFX("цького"), TT_SFX("цькому"), TT_SFX("цьким"), TT_SFX_END};
static const tt_suffix adjectival_surname_ru[] = {TT_SFX("ский"),
    TT_SFX("ского"), TT_SFX("скому"), TT_SFX("ским"), TT_SFX("цкий"),
    TT_SFX("цкого"), TT_SFX("цкому"), TT_SFX("цким"), TT_SFX_END};

/* A one-word place whose name is a surname's (Хмельницький, Виноградов):
 * after initials it is the person. */
static int place_named_surname(const tt_names *n, size_t j) {
  return n->gaz_type[j] == TEITAG_TYPE_LOC && n->gaz_end[j] == j + 1 &&
         (tt_n_ends_any(n, j, adjectival_surname_uk) ||
          tt_n_ends_any(n, j, adjectival_surname_ru) ||
          tt_n_ends_any(n, j, surname_endings));
}

/* Do initials between the word `before` and token `after` close the name
 * before them rather than open one after them?  Only a capitalised word
 * after them can take them (В. Ф. Янукович); not when the word before is
 * a surname in its dictionary form and the one after is not («Ластовенко
 * О.А. Телефон редакции»), nor when the one after is an adjective that
 * is no surname, as a sentence's first word after initials often is
 * (Гарматюком В. І. Основним акціонером є ...). */
int tt_n_initials_close_name(const tt_names *n, size_t before, size_t after) {
  if (after >= n->para->tok_end || !tt_n_title(n, after) ||
      !tt_n_same_script(n, before, after))
    return 1;
  if (tt_n_ends_any(n, before, nominative_surname_endings) &&
      !tt_n_ends_any(n, after, nominative_surname_endings))
    return 1;
  return adjective_like(n, after) && !tt_n_ends_any(n, after, adjectival_surname_uk) &&
         !tt_n_ends_any(n, after, adjectival_surname_ru);
}

size_t tt_n_initials_closing(const tt_names *n, size_t before) {
  size_t end = n->para->tok_end, e = before + 1, len;
  for (int count = 0; e < end && tt_n_same_script(n, before, e) &&
                      (len = initial_len(n, e)) != 0; count++) {
    if (count == TT_MAX_INITIALS)
      return 0;
    e += len;
  }
  return tt_n_initials_close_name(n, before, e) ? e : 0;
}

/* Initials + surname (В. Зеленський, J. D. Vance), or surname + initials
 * at the end of a name (Януковича В. Ф.). */
static size_t initials(tt_names *n, size_t i) {
  size_t end = n->para->tok_end;
  if (!tt_n_title(n, i) && !tt_n_upper(n, i))
    return 0; /* both an initial and a surname start with a capital */
  size_t len = initial_len(n, i);
  if (len) {
    /* the middle of a longer run, which was no name from its start */
    if (i > n->para->tok_begin && initial(n, i - 1))
      return 0;
    size_t j = i;
    for (int count = 0; j < end && (len = initial_len(n, j)) != 0; count++) {
      if (count == TT_MAX_INITIALS)
        return 0;
      j += len;
    }
    /* a particle in Title case before the surname is part of it (F. W.
     * De Klerk, J. Van Dyke) */
    if (j + 1 < end && (tt_n_class(n, j) & TT_WC_PARTICLE) && tt_n_title(n, j) &&
        tt_n_title(n, j + 1) && tt_n_same_script(n, j, j + 1) &&
        !tt_n_one_letter(n->doc, j + 1) && !n->gaz_type[j + 1] && !n->person[j + 1] &&
        !tt_n_facility_after(n, j + 1)) {
      tt_n_add(n, i, j + 2, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
               "rule:person initials+surname");
      return j + 2;
    }
    /* a single capital is no surname ("U.S - China", a dot missing), nor
     * is the end of an attribute ("U.S-led") */
    if (j < end && tt_n_attribute_len(n, j))
      return 0;
    if (j < end && tt_n_title(n, j) && tt_n_same_script(n, i, j) &&
        !tt_n_one_letter(n->doc, j) &&
        !not_name_word(n, j) && !n->person[j] && !tt_n_facility_after(n, j) &&
        (!n->gaz_type[j] || n->gaz_type[j] == TEITAG_TYPE_PER ||
         place_named_surname(n, j))) {
      /* an English first initial before the given name in use (J. Edgar
       * Hoover, H. Ross Perot): the surname comes after that */
      char gender;
      unsigned flags;
      if (n->doc->toks[i].script == TT_SCRIPT_LATIN && n->gaz_type[j] != TEITAG_TYPE_PER &&
          tt_n_given(n, j, &gender, &flags) && !(flags & TT_LEX_COMMON) &&
          surname_word(n, j + 1, j) && !n->gaz_type[j + 1] && !n->person[j + 1] &&
          !tt_n_facility_after(n, j + 1))
        j++;
      tt_n_add(n, i, j + 1, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
               "rule:person initials+surname");
      return j + 1;
    }
    return 0;
  }
  if (tt_n_title(n, i) && !not_name_word(n, i) && !n->gaz_type[i] &&
      i + 1 < end && initial_len(n, i + 1) && tt_n_same_script(n, i, i + 1) &&
      !tt_n_sentence_start(n, i) && !tt_n_roman(n, i + 1)) {
    size_t j = tt_n_initials_closing(n, i);
    if (!j)
      return 0;
    tt_n_add(n, i, j, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
             "rule:person surname+initials");
    return j;
  }
  return 0;
}

/* Particles written in lower case inside a name: bin, van der, da. */
static int lower_particle(const tt_names *n, size_t i) {
  return (tt_n_class(n, i) & TT_WC_PARTICLE) &&
         n->doc->toks[i].lcase == TEITAG_CASE_LOWER;
}

/* The end of a name whose first word is `j`: more capitalised words, with
 * initials (George H.W. Bush) or particles (Osama bin Laden, Ank van der
 * Berg) between them.  Three words at most, or four where the name
 * visibly ends (Jose Luis Rodriguez Zapatero said): a longer capitalised
 * run is more often a headline than a name. */
static size_t name_end(const tt_names *n, size_t j) {
  size_t end = n->para->tok_end, k = j + 1, words = 1;
  while (k < end && words < 4) {
    size_t m = k;
    while (m < end && m - k < 3 && (initial(n, m) || lower_particle(n, m)))
      m++;
    /* the last word may be a surname in capitals, as reference works
     * write it (Kurmanbek BAKIEV) */
    if (m == k && capitals_surname(n, m, j) && n->doc->toks[j].lcase == TEITAG_CASE_TITLE) {
      k = m + 1;
      break;
    }
    if (m >= end || !surname_word(n, m, j) || n->gaz_type[m] ||
        (m > k && initial(n, m - 1) && tt_n_initials_close_name(n, k - 1, m)))
      break;
    if (words == 3 && m + 1 < end && !end_of_name(n, m + 1))
      break;
    k = m + 1;
    words++;
  }
  return k;
}

/* Mr Bloomberg, Ms Bayer: after an English honorific a one-word name that
 * a gazetteer lists as a company or place is the person's surname. */
static size_t after_honorific(tt_names *n, size_t i) {
  static const tt_suffix honorifics[] = {
      TT_SFX("mr"),  TT_SFX("mr."), TT_SFX("mrs"), TT_SFX("mrs."), TT_SFX("ms"),
      TT_SFX("ms."), TT_SFX("dr"),  TT_SFX("dr."), TT_SFX_END};
  size_t end = n->para->tok_end, j = i + 1;
  if (!(tt_n_class(n, i) & TT_WC_ROLE) || n->doc->toks[i].script != TT_SCRIPT_LATIN ||
      j >= end || (n->gaz_type[j] != TEITAG_TYPE_ORG && n->gaz_type[j] != TEITAG_TYPE_LOC) ||
      n->gaz_end[j] != j + 1 || !tt_n_title(n, j) ||
      (j + 1 < end && (tt_n_title(n, j + 1) || tt_n_upper(n, j + 1))))
    return 0;
  if (!tt_n_is_any(n, i, honorifics))
    return 0;
  tt_n_retype(n, j, j + 1, (teitag_type)n->gaz_type[j], TEITAG_TYPE_PER,
              TEITAG_CERT_MEDIUM, "rule:person after-role");
  return j + 1;
}

/* Past-tense verb endings (заявив, сказала, говорили; сказал): a name
 * followed by its verb is the subject, not an organisation's complement. */
static const tt_suffix past_verb_endings[] = {TT_SFX("ав"), TT_SFX("ив"),
    TT_SFX("ів"), TT_SFX("яв"), TT_SFX("ув"), TT_SFX("ла"), TT_SFX("ло"),
    TT_SFX("ли"), TT_SFX("ал"),
    TT_SFX("ил"), TT_SFX("ел"), TT_SFX("ял"), TT_SFX_END};

static int past_verb(const tt_names *n, size_t i) {
  return n->doc->toks[i].kind == TEITAG_TOKEN_WORD &&
         n->doc->toks[i].lcase == TEITAG_CASE_LOWER &&
         tt_n_ends_any(n, i, past_verb_endings);
}

/* Compound names of state bodies (Мінфін, Минсвязи, Держгеонадра,
 * Госдума) after a role are whom the person leads ("глава Минсвязи"). */
static int state_body_compound(const tt_names *n, size_t i) {
  static const char *const prefixes[] = {"мін", "мин", "держ", "гос", NULL};
  const tt_token *t = &n->doc->toks[i];
  const char *key = n->doc->keys.data + t->key;
  for (size_t p = 0; prefixes[p]; p++) {
    size_t len = strlen(prefixes[p]);
    if (t->key_len > len + 4 && memcmp(key, prefixes[p], len) == 0)
      return !tt_n_ends_any(n, i, surname_endings);
  }
  return 0;
}

/* How many words after a role word its name may start. */
#define ROLE_REACH 12

/* Abu Musab al-Zarqawi, Abu Bakr al-Baghdadi: "father of" and a name, then
 * the surname with its article, is how Arab leaders are called; without
 * the article it is as often a place (Abu Ghraib). */
static size_t kunya(tt_names *n, size_t i) {
  static const tt_suffix fathers[] = {TT_SFX("abu"), TT_SFX("abou"), TT_SFX("umm"),
                                      TT_SFX_END};
  size_t end = n->para->tok_end, k = i + 1;
  if (n->gaz_type[i] || n->doc->toks[i].script != TT_SCRIPT_LATIN || !tt_n_title(n, i) ||
      !tt_n_is_any(n, i, fathers))
    return 0;
  while (k < end && k - i <= 2 && tt_n_title(n, k) && !n->gaz_type[k] &&
         !(tt_n_class(n, k) & (TT_WC_FUNCTION | TT_WC_MONTH)))
    k++;
  if (k == i + 1 || k >= end || !tt_n_article_surname(n, k))
    return 0;
  tt_n_add(n, i, k + 1, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM, "rule:person kunya");
  return k + 1;
}

/* Secretary of State Condoleezza Rice, Minister of Foreign Affairs Jan
 * Lipavsky, Chancellor of the Exchequer Rachel Reeves: an English role,
 * "of", its capitalised complement, then the name, its last two words. */
static size_t role_of_complement(tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end, j = i + 1;
  /* a title is written with its capital (the chairman of the Indonesia-based
   * Nahdlatul Ulama names an organisation) */
  if (d->toks[i].script != TT_SCRIPT_LATIN || !tt_n_title(n, i) || j + 3 >= end ||
      !tt_n_is(n, j, "of"))
    return 0;
  j++;
  if (tt_n_is(n, j, "the"))
    j++;
  size_t k = j;
  while (k < end && k - j < 6 && d->toks[k].script == TT_SCRIPT_LATIN &&
         tt_n_title(n, k) && !(tt_n_class(n, k) & (TT_WC_FUNCTION | TT_WC_MONTH)))
    k++;
  /* one word of complement at least, and a name of two that visibly ends */
  if (k < j + 3 || (k < end && !end_of_name(n, k)))
    return 0;
  size_t b = k - 2;
  char gender;
  unsigned flags;
  for (size_t m = b; m < k; m++)
    if (n->gaz_type[m] || n->person[m] || not_name_word(n, m) ||
        (tt_n_class(n, m) & (TT_WC_ROLE | TT_WC_EN_ROLE | TT_WC_ORG_HEAD)))
      return 0;
  /* the complement's last word is no given name (… Affairs Jan Lipavsky,
   * but not … of State Marco Antonio Rubio, which the given-name rule
   * reads) */
  if (tt_n_given(n, b - 1, &gender, &flags))
    return 0;
  tt_n_add(n, b, k, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM, "rule:person after-role");
  return k;
}

/* A role or title, then the name after it: президент Ердоган, Prime
 * Minister Keir Starmer, міністр закордонних справ України Андрій Сибіга. */
static size_t after_role(tt_names *n, size_t i) {
  /* a case form of a role that is also a function word is the latter:
   * "после" is посол's locative and the preposition "after" */
  if ((tt_n_class(n, i) & (TT_WC_ROLE | TT_WC_FUNCTION)) != TT_WC_ROLE)
    return 0;
  size_t end = n->para->tok_end, j = i + 1, lower = 0;
  /* a role word inside a listed name (General Motors) announces nobody,
   * and neither does one that owns what follows (the Queen's Diamond
   * Jubilee, a businessman's summer parties) */
  if (n->gaz_type[i] ||
      (j < end && (tt_n_is(n, j, "'s") || tt_n_is(n, j, "'"))))
    return 0;
  /* more role words, a few lower-case words, known places/organisations;
   * a dozen words at most, since a longer run (Mr Bloomberg Ms Bayer Mr
   * ... over a whole paragraph) names nobody after a role and read from
   * every role word would make the rule quadratic */
  while (j < end) {
    const tt_token *t = &n->doc->toks[j];
    if (j - i > ROLE_REACH)
      return 0;
    if (tt_n_class(n, j) & TT_WC_ROLE) {
      j++;
    } else if (n->gaz_type[j] == TEITAG_TYPE_LOC || n->gaz_type[j] == TEITAG_TYPE_ORG) {
      while (j < end && (n->gaz_type[j] == TEITAG_TYPE_LOC ||
                         n->gaz_type[j] == TEITAG_TYPE_ORG)) {
        if (j - i > ROLE_REACH)
          return 0;
        j++;
      }
    } else if (t->kind == TEITAG_TOKEN_WORD && t->lcase == TEITAG_CASE_LOWER &&
               lower < 4 && !(tt_n_class(n, j) & TT_WC_FUNCTION)) {
      j++;
      lower++;
    } else {
      break;
    }
  }
  /* a name in apposition: "Japan's foreign minister, Taro Kono, said" */
  int apposition = 0;
  if (j + 1 < end && tt_n_is(n, j, ",") && (tt_n_class(n, j - 1) & TT_WC_ROLE)) {
    j++;
    apposition = 1;
  }
  if (j >= end || n->person[j])
    return 0;
  /* "директор Brightfen Стенлі Кроуфілд": Latin words between a Cyrillic role
   * and a Cyrillic name are whom the person works for */
  if (n->doc->toks[i].script == TT_SCRIPT_CYRILLIC &&
      n->doc->toks[j].script == TT_SCRIPT_LATIN) {
    size_t m = j;
    while (m < end && m - j < 4 && n->doc->toks[m].script == TT_SCRIPT_LATIN &&
           (tt_n_title(n, m) || tt_n_upper(n, m)))
      m++;
    if (m < end && tt_n_title(n, m) && n->doc->toks[m].script == TT_SCRIPT_CYRILLIC) {
      if (j == i + 1 && !n->gaz_type[j])
        tt_n_add(n, j, m, TEITAG_TYPE_ORG, TEITAG_CERT_LOW, "rule:org after-role");
      return 0;
    }
  }
  size_t k = surname_word(n, j, j) && !n->gaz_type[j] ? name_end(n, j) : 0;
  /* a given name takes its own surname, even one that is also a place
   * (царь Иоанн Грозный); a longer Latin run (Cristina Fernandez de
   * Kirchner) is the role's to close, where Cyrillic names put their third
   * part, the patronymic, in the middle, which the given-name rule knows */
  if (!apposition &&
      (k <= j + 2 || n->doc->toks[j].script == TT_SCRIPT_CYRILLIC)) {
    size_t g = given_and_surname(n, j);
    if (g)
      return g;
  }
  if (!k)
    return 0;
  /* "руководитель Гидрометцентра Роман Вильфанд": a Cyrillic run with a
   * given name inside, after a word in a genitive's ending, is whom the
   * person works for, then the person; not a surname put first before
   * the given name and patronymic (Смик Сергій Миколайович) */
  static const tt_suffix genitive_endings[] = {TT_SFX("а"), TT_SFX("я"), TT_SFX("у"),
                                               TT_SFX("и"), TT_SFX("і"), TT_SFX("ї"),
                                               TT_SFX("ів"), TT_SFX_END};
  if (!apposition && n->doc->toks[j].script == TT_SCRIPT_CYRILLIC && k > j + 2) {
    char gender;
    unsigned flags;
    for (size_t m = j + 1; m + 1 < k; m++)
      if (tt_n_given(n, m, &gender, &flags)) {
        if (!tt_n_ends_any(n, m - 1, genitive_endings) ||
            tt_n_ends_any(n, m + 1, patronymics))
          break;
        size_t g = given_and_surname(n, m);
        if (g)
          return g;
        break;
      }
  }
  /* ... which the apposition must close */
  if (apposition && k < end && !tt_n_is(n, k, ",") && !tt_n_is(n, k, ".") &&
      !tt_n_is(n, k, ")") && !tt_n_is(n, k, ";"))
    return 0;
  /* particles before the surname belong to it: Mr. da Silva */
  size_t start = j;
  while (start > i + 1 && lower_particle(n, start - 1))
    start--;
  /* One unknown Cyrillic word counts only right after the role. */
  if (k == j + 1 && n->doc->toks[j].script == TT_SCRIPT_CYRILLIC && j != i + 1)
    return 0;
  if (k < end && (tt_n_class(n, k) & TT_WC_ORG_HEAD) && tt_n_title(n, k))
    return 0;
  /* "лидер Меджлиса крымско-татарского народа": a name followed by its
   * lower-case complement is an organisation's */
  if (k == j + 1 && k < end && n->doc->toks[k].kind == TEITAG_TOKEN_WORD &&
      n->doc->toks[k].lcase == TEITAG_CASE_LOWER &&
      n->doc->toks[j].script == TT_SCRIPT_CYRILLIC && !tt_n_ends_any(n, j, surname_endings) &&
      !past_verb(n, k) && !(tt_n_class(n, k) & TT_WC_FUNCTION))
    return 0;
  if (k == j + 1 && n->doc->toks[j].script == TT_SCRIPT_CYRILLIC &&
      (adjective_like(n, j) || state_body_compound(n, j)))
    return 0;
  /* One English word that names a people or a party in the plural is no
   * person (spokeswoman says Palestinians fired, opposition Democrats,
   * the rights chief says Sudanese authorities). */
  static const tt_suffix peoples[] = {TT_SFX("ians"), TT_SFX("icans"), TT_SFX("eans"),
                                      TT_SFX("ese"), TT_SFX("crats"), TT_SFX("ists"),
                                      TT_SFX("ites"), TT_SFX_END};
  if (k == j + 1 && n->doc->toks[j].script == TT_SCRIPT_LATIN && tt_n_ends_any(n, j, peoples))
    return 0;
  /* One English word that goes on into a title (Chief Investment Officer,
   * deputy Cabinet ministers), a numbered document (Executive Order
   * 13582) or a region (General North ...) is no name. */
  if (k == j + 1 && n->doc->toks[j].script == TT_SCRIPT_LATIN &&
      ((tt_n_class(n, j) & TT_WC_COMPASS) ||
       (k < end && ((tt_n_class(n, k) & (TT_WC_ROLE | TT_WC_EN_ROLE)) ||
                    n->doc->toks[k].kind == TEITAG_TOKEN_NUMBER))))
    return 0;
  /* a Cyrillic surname's initials after it (директором Гарматюком В. І.) */
  if (k < end && n->doc->toks[k - 1].script == TT_SCRIPT_CYRILLIC && initial_len(n, k) &&
      tt_n_same_script(n, k - 1, k) && !tt_n_roman(n, k)) {
    size_t e = tt_n_initials_closing(n, k - 1);
    if (e)
      k = e;
  }
  tt_n_add(n, start, k, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM, "rule:person after-role");
  return k;
}

/* The end of a run of two or three capitalised Latin words from j that
 * nothing else explains and that no further capital follows (said Goldman
 * Sachs Group) but, with `dateline`, a word in capitals; or 0. */
static size_t latin_name_run(const tt_names *n, size_t j, int dateline) {
  size_t end = n->para->tok_end, k = j;
  while (k < end && k - j < 4 && tt_n_title(n, k) &&
         n->doc->toks[k].script == TT_SCRIPT_LATIN && !not_name_word(n, k) &&
         !n->gaz_type[k] && !n->person[k])
    k++;
  if (k - j < 2 || k - j > 3 ||
      (k < end && (tt_n_title(n, k) || (tt_n_upper(n, k) && !dateline) ||
                   (tt_n_class(n, k) & (TT_WC_LEGAL | TT_WC_ORG_HEAD)))))
    return 0;
  return k;
}

/* "said Marit Olvendahl", "Editing by Jonas Feldkampe": English news names a
 * source after a verb of saying and its staff after a byline's verb, as a
 * latin_name_run. */
static size_t after_said(tt_names *n, size_t i) {
  unsigned cls = tt_n_class(n, i);
  if (!(cls & (TT_WC_SAYING | TT_WC_FUNCTION)) || n->para->lang != TEITAG_LANG_EN)
    return 0;
  const tt_token *t = &n->doc->toks[i];
  size_t end = n->para->tok_end, j = i + 1;
  int by = 0;
  if (cls & TT_WC_SAYING) {
    by = tt_n_is(n, i, "reporting") || tt_n_is(n, i, "editing") ||
         tt_n_is(n, i, "writing");
    if (by && (j >= end || !tt_n_is(n, j++, "by")))
      return 0;
    if (!by && t->lcase != TEITAG_CASE_LOWER)
      return 0;
  } else if (t->lcase == TEITAG_CASE_TITLE && tt_n_is(n, i, "by")) {
    by = 1; /* a byline: By Ostin Prakarsh and Alvar Smoutten */
  } else {
    return 0;
  }
  /* a byline may run into its dateline: By Ostin Prakarsh LONDON */
  size_t k = latin_name_run(n, j, by);
  if (!k)
    return 0;
  /* a byline glued to the first sentence (By Dorian Kell Intellectual
   * property law firm ...): of three words, the third begins the
   * sentence, unless the second is a given name (By Mary Ann Smith) */
  char g;
  unsigned f;
  if (by && k - j == 3 && k < end && n->doc->toks[k].kind == TEITAG_TOKEN_WORD &&
      n->doc->toks[k].lcase == TEITAG_CASE_LOWER && !tt_n_given(n, j + 1, &g, &f))
    k--;
  const char *why = by ? "rule:person byline" : "rule:person after-said";
  tt_n_add(n, j, k, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM, why);
  /* a byline's other authors: Reporting by A, B and C */
  size_t k2;
  while (by && k + 1 < end &&
         (tt_n_is(n, k, "and") || tt_n_is(n, k, ",")) &&
         (k2 = latin_name_run(n, k + 1, 1))) {
    tt_n_add(n, k + 1, k2, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM, why);
    k = k2;
  }
  return k;
}

/* «…», — сказав Вальчишин.  "…" - заявил Вальдштейн журналистам: the one
 * capitalised word after a dash and a verb of saying, which end reported
 * speech, is the speaker's name. */
static size_t after_speech(tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end, j = i + 1;
  if (!(tt_n_class(n, i) & TT_WC_SAYING) || d->toks[i].script != TT_SCRIPT_CYRILLIC ||
      d->toks[i].lcase != TEITAG_CASE_LOWER || i <= n->para->tok_begin || j >= end)
    return 0;
  int is_dash = tt_n_dash(n, i - 1);
  if (!is_dash || !tt_n_title(n, j) || d->toks[j].script != TT_SCRIPT_CYRILLIC ||
      n->gaz_type[j] || n->person[j] || not_name_word(n, j))
    return 0;
  if (j + 1 < end && d->toks[j + 1].kind == TEITAG_TOKEN_WORD &&
      d->toks[j + 1].lcase != TEITAG_CASE_LOWER)
    return 0; /* one word alone: a given name and surname are another rule's */
  /* low, so that a surname propagated from a full name keeps its ref */
  tt_n_add(n, j, j + 1, TEITAG_TYPE_PER, TEITAG_CERT_LOW, "rule:person after-speech");
  return j + 1;
}

/* "the Halvorsen administration": in English, one capitalised word
 * between "the" and a lower-case "administration" is the surname of the
 * president or governor it serves; not a place or an organisation that a
 * gazetteer knows (the Kabul administration), a people (the Kurdish
 * administration), an adjective or a party's word. */
static size_t administration_of(tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end;
  if (n->para->lang != TEITAG_LANG_EN || d->toks[i].script != TT_SCRIPT_LATIN ||
      d->toks[i].lcase != TEITAG_CASE_TITLE || i == n->para->tok_begin || i + 1 >= end ||
      !tt_n_is(n, i - 1, "the") || !tt_n_is(n, i + 1, "administration") ||
      d->toks[i + 1].lcase != TEITAG_CASE_LOWER || n->gaz_type[i] || n->person[i] ||
      not_name_word(n, i) || tt_n_demonym_like(n, i) ||
      (tt_n_class(n, i) & (TT_WC_COMPASS | TT_WC_COMPANY)))
    return 0;
  tt_n_add(n, i, i + 1, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM, "rule:person administration");
  return i + 1;
}

/* "Tembo Makwaza, who runs a clinic": two or three capitalised Latin
 * words that nothing else explains, before ", who" (organisations take
 * "which"), are a person's name even with a given name no lexicon holds. */
static size_t before_who(tt_names *n, size_t i) {
  size_t end = n->para->tok_end;
  if (n->para->lang != TEITAG_LANG_EN || n->doc->toks[i].script != TT_SCRIPT_LATIN)
    return 0;
  /* not inside a longer name, nor after an article or a preposition (the
   * Fighter Wing, who; Secretary of State Condoleezza Rice, who) */
  if (i > n->para->tok_begin && !tt_n_sentence_start(n, i)) {
    const tt_token *prev = &n->doc->toks[i - 1];
    /* nor after a number or an ordinal (the 158th Fighter Wing, who) */
    int ordinal = i >= n->para->tok_begin + 2 && prev->kind == TEITAG_TOKEN_WORD &&
                  !(prev->flags & TT_TOK_SPACE_BEFORE) &&
                  n->doc->toks[i - 2].kind == TEITAG_TOKEN_NUMBER;
    if (prev->kind == TEITAG_TOKEN_NUMBER || ordinal ||
        (prev->kind == TEITAG_TOKEN_WORD &&
         (prev->lcase != TEITAG_CASE_LOWER || (tt_n_class(n, i - 1) & TT_WC_FUNCTION))))
      return 0;
  }
  size_t k = latin_name_run(n, i, 0);
  if (!k || k + 1 >= end)
    return 0;
  for (size_t j = i; j < k; j++)
    if (tt_n_class(n, j) & TT_WC_COMPASS)
      return 0; /* North Koreans, who */
  if (!tt_n_is(n, k, ",") || !(tt_n_is(n, k + 1, "who") || tt_n_is(n, k + 1, "whose")) ||
      n->doc->toks[k + 1].lcase != TEITAG_CASE_LOWER)
    return 0;
  tt_n_add(n, i, k, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM, "rule:person before-who");
  return k;
}

/* Two or three capitalised Cyrillic words inside a sentence that nothing
 * else explains are most often a person's name (Виторио Лангарди); a weak
 * guess. */
static size_t capital_pair(tt_names *n, size_t i) {
  size_t end = n->para->tok_end;
  if (n->person[i] || n->gaz_type[i] || !tt_n_title(n, i) ||
      n->doc->toks[i].script != TT_SCRIPT_CYRILLIC || not_name_word(n, i) ||
      tt_n_sentence_start(n, i) || !surname_word(n, i + 1 < end ? i + 1 : i, i) ||
      i + 1 >= end || n->gaz_type[i + 1] || n->person[i + 1] ||
      adjective_like(n, i))
    return 0;
  /* after a quote, an organisation's head or a place type word the pair is
   * a title or a name of that kind (« Океан Ельзи », Клубу Веселих і Кмітливих) */
  if (i > n->para->tok_begin &&
      (tt_n_quote(n, i - 1) ||
       ((tt_n_class(n, i - 1) & (TT_WC_ORG_HEAD | TT_WC_PLACE_TYPE | TT_WC_PLACE_BEFORE)) &&
        !(tt_n_class(n, i - 1) & TT_WC_TYPE_ABBREV))))
    return 0;
  if (i + 2 < end && (tt_n_title(n, i + 2) || tt_n_upper(n, i + 2)))
    return 0; /* three or more: rather an organisation or a title */
  /* not words the text also writes in lower case (Країна Дурнів ...
   * країна) */
  if (tt_n_lower_elsewhere(n, i) || tt_n_lower_elsewhere(n, i + 1))
    return 0;
  tt_n_add(n, i, i + 2, TEITAG_TYPE_PER, TEITAG_CERT_LOW, "rule:person capital-pair");
  return i + 2;
}

/* Сава, Софія: a given name that the gazetteer took for a place, inside a
 * sentence, after no word of place (у, біля, місто) and before a lower-case
 * word that is no function word, which is where a person acts (Сава
 * прийшов); a weak guess. */
static void given_not_place(tt_names *n, size_t i) {
  char gender;
  unsigned flags;
  size_t end = n->para->tok_end;
  if (n->gaz_type[i] != TEITAG_TYPE_LOC || n->gaz_end[i] != i + 1 ||
      !tt_n_title(n, i) || i + 1 >= end || tt_n_sentence_start(n, i) ||
      n->doc->toks[i].script != TT_SCRIPT_CYRILLIC ||
      !tt_n_given(n, i, &gender, &flags) || (flags & TT_LEX_COMMON))
    return;
  const tt_token *next = &n->doc->toks[i + 1];
  if (tt_n_after_place_word(n, i) || tt_n_title(n, i - 1) || tt_n_upper(n, i - 1) ||
      tt_n_quote(n, i - 1) ||
      next->kind != TEITAG_TOKEN_WORD || next->lcase != TEITAG_CASE_LOWER ||
      (tt_n_class(n, i + 1) & (TT_WC_FUNCTION | TT_WC_PLACE_TYPE)))
    return;
  tt_n_retype(n, i, i + 1, TEITAG_TYPE_LOC, TEITAG_TYPE_PER, TEITAG_CERT_LOW,
              "rule:person given-name");
}

/* A given name alone (Устимко приспівував, "said Mishel"): a weak guess,
 * for names that are no ordinary word and stand apart from other
 * capitals. */
static void lone_given(tt_names *n, size_t i) {
  char gender;
  unsigned flags;
  size_t end = n->para->tok_end;
  /* a given name that is also a word (Роман, Віра) is a name inside a
   * sentence, where only names take a capital */
  /* after a place's type word it is the place's name (на реке Лене,
   * село Надія) */
  if (n->person[i] || n->gaz_type[i] || !tt_n_title(n, i) || not_name_word(n, i) ||
      (i > n->para->tok_begin &&
       (tt_n_class(n, i - 1) & (TT_WC_PLACE_BEFORE | TT_WC_STREET))) ||
      !tt_n_given(n, i, &gender, &flags) ||
      ((flags & TT_LEX_COMMON) &&
       (tt_n_sentence_start(n, i) ||
        (tt_n_class(n, i - 1) & TT_WC_PREP_PLACE) || tt_n_quote(n, i - 1))))
    return;
  /* Only in Ukrainian and Russian, whose given names rarely double as
   * other names: English ones are as often a place, a storm or a brand
   * (Alexandria, Katrina, Brent); and a Latin word in Cyrillic text is
   * more often a brand. */
  if (n->para->lang == TEITAG_LANG_EN || n->doc->toks[i].script != TT_SCRIPT_CYRILLIC)
    return;
  /* A word before it that starts the sentence is capitalised for that
   * (Однак Аліна була…, Бабця Варвара вчила…), so it is no neighbouring
   * name unless it is a name itself. */
  char g2;
  unsigned f2;
  if ((i + 1 < end && (tt_n_title(n, i + 1) || tt_n_upper(n, i + 1))) ||
      (i > n->para->tok_begin && !tt_n_sentence_start(n, i) &&
       (tt_n_title(n, i - 1) || tt_n_upper(n, i - 1)) &&
       !(tt_n_sentence_start(n, i - 1) && tt_n_title(n, i - 1) &&
         !n->gaz_type[i - 1] &&
         /* Коли and Тому are also forms of Коля and Том */
         ((tt_n_class(n, i - 1) & TT_WC_FUNCTION) ||
          !tt_n_given(n, i - 1, &g2, &f2)))))
    return;
  tt_n_add(n, i, i + 1, TEITAG_TYPE_PER, TEITAG_CERT_LOW, "rule:person given-name");
}

/* Мельник Андрій Володимирович, Зорянським Петром Сергійовичем: the
 * surname before a given name and patronymic, as lists, registers and
 * imprints write them.  At a sentence start the word must look like a
 * surname, since a greeting also comes first (Шановна Маріє Іванівно). */
static size_t surname_given_patronymic(tt_names *n, size_t i) {
  /* beyond the nominative endings: more of them, and the instrumental */
  static const tt_suffix more_surname_endings[] = {TT_SFX("цька"),
      TT_SFX("цкая"), TT_SFX("ко"), TT_SFX("ак"), TT_SFX("ик"), TT_SFX("ач"),
      TT_SFX("ець"), TT_SFX("ським"), TT_SFX("ском"), TT_SFX("ским"),
      TT_SFX("овим"), TT_SFX("ым"), TT_SFX("ом"), TT_SFX("ем"), TT_SFX_END};
  char gender;
  unsigned flags;
  size_t end = n->para->tok_end;
  if (i + 2 >= end || !tt_n_title(n, i) || n->gaz_type[i] || n->person[i] ||
      n->doc->toks[i].script != TT_SCRIPT_CYRILLIC || not_name_word(n, i) ||
      tt_n_given(n, i, &gender, &flags) || !tt_n_title(n, i + 1) ||
      !tt_n_given(n, i + 1, &gender, &flags) || !tt_n_title(n, i + 2) ||
      !tt_n_ends_any(n, i + 2, patronymics) || !tt_n_same_script(n, i, i + 2))
    return 0;
  if (tt_n_sentence_start(n, i) &&
      !tt_n_ends_any(n, i, nominative_surname_endings) &&
      !tt_n_ends_any(n, i, more_surname_endings))
    return 0;
  tt_n_add(n, i, i + 3, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
           "rule:person surname+given+patronymic");
  return i + 3;
}

/* ---- Chinese names in pinyin ------------------------------------------ */

/* Is s[0, len) one pinyin syllable: an initial (or none) and a final? */
static int pinyin_syllable(const char *s, size_t len) {
  static const char *const finals[] = {
      "iang", "iong", "uang", "ang", "eng", "ing", "ong", "ian", "iao", "uai",
      "uan", "ai", "ei", "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu",
      "ua", "uo", "ui", "ue", "er", "a", "o", "e", "i", "u", NULL};
  size_t k = 0;
  if (len >= 2 && (s[0] == 'z' || s[0] == 'c' || s[0] == 's') && s[1] == 'h')
    k = 2;
  else if (len >= 1 && strchr("bpmfdtnlgkhjqxrzcsyw", s[0]))
    k = 1;
  for (size_t f = 0; finals[f]; f++)
    if (strlen(finals[f]) == len - k && memcmp(s + k, finals[f], len - k) == 0)
      return 1;
  return 0;
}

/* Is the folded word s[0, len) a run of pinyin syllables, its parts
 * perhaps joined by a hyphen (Jiaxuan, Shui-bian)? */
static int pinyin_word(const char *s, size_t len) {
  enum { MAX = 24 };
  unsigned char ok[MAX + 1] = {1}; /* ok[k]: s[0, k) parses */
  if (len < 2 || len > MAX)
    return 0;
  for (size_t k = 0; k < len; k++) {
    if (!ok[k])
      continue;
    if (s[k] == '-') {
      if (k > 0)
        ok[k + 1] = 1;
      continue;
    }
    for (size_t l = 1; l <= 6 && k + l <= len; l++)
      if (pinyin_syllable(s + k, l))
        ok[k + l] = 1;
  }
  return ok[len] && s[len - 1] != '-';
}

/* Wen Jiabao, Tang Jiaxuan, Chen Shui-bian: in English text a common
 * Chinese family name and a given name made of pinyin syllables, both
 * capitalised and known to no gazetteer, name a person.  "He" is left out
 * (He Said in a headline), and so is a pair that heads an organisation
 * or a building (Li Ning Company). */
static size_t chinese_name(tt_names *n, size_t i) {
  size_t end = n->para->tok_end, j = i + 1;
  if (n->para->lang != TEITAG_LANG_EN || j >= end || n->person[i] ||
      n->gaz_type[i] || n->gaz_type[j] || !tt_n_title(n, j) ||
      n->doc->toks[i].script != TT_SCRIPT_LATIN ||
      n->doc->toks[j].script != TT_SCRIPT_LATIN ||
      !(tt_n_class(n, i) & TT_WC_CN_FAMILY))
    return 0;
  const tt_token *t = &n->doc->toks[j];
  if (!pinyin_word(n->doc->keys.data + t->key, t->key_len) ||
      (j + 1 < end && (tt_n_class(n, j + 1) & TT_WC_ORG_HEAD) &&
       tt_n_title(n, j + 1)) ||
      tt_n_facility_after(n, j))
    return 0;
  tt_n_add(n, i, j + 1, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
           "rule:person chinese-name");
  return j + 1;
}

/* A given name and its regnal number: Henry VIII, Петре I. */
static size_t given_regnal(tt_names *n, size_t i) {
  if (n->gaz_type[i] || !tt_n_title(n, i) || i + 1 >= n->para->tok_end ||
      !tt_n_regnal(n, i, i, i + 1))
    return 0;
  tt_n_add(n, i, i + 2, TEITAG_TYPE_PER, TEITAG_CERT_MEDIUM,
           "rule:person regnal");
  return i + 2;
}

/* A capitalised word with a surname ending, inside a sentence. */
/* A given name the lexicon lacks before a surname found by its shape
 * (Шалва Нателашвили, Бердибек Сапарбаев): a capitalised Cyrillic word
 * of no word class, listed as nothing, that does not end like an
 * adjective or a surname itself. */
static int unlisted_given_name(const tt_names *n, size_t g) {
  /* endings of abstract and collective nouns, and of plurals, that no
   * given name has: Прізвище, Дії, Управление, Молодость */
  static const tt_suffix noun_endings[] = {TT_SFX("ння"), TT_SFX("ття"),
      TT_SFX("ство"), TT_SFX("цтво"), TT_SFX("ість"), TT_SFX("ості"),
      TT_SFX("ще"), TT_SFX("ії"), TT_SFX("ние"), TT_SFX("ния"), TT_SFX("тие"),
      TT_SFX("ость"), TT_SFX("ости"), TT_SFX("ище"), TT_SFX_END};
  const tt_token *t = &n->doc->toks[g];
  return tt_n_title(n, g) && t->script == TT_SCRIPT_CYRILLIC && !n->gaz_type[g] &&
         !n->person[g] && !tt_n_class(n, g) && !(t->flags & TT_TOK_INITIAL) &&
         tt_utf8_count(n->doc->keys.data + t->key, t->key_len) <= 9 &&
         !tt_n_ends_any(n, g, adjective_endings) && !tt_n_ends_any(n, g, surname_endings) &&
         !tt_n_ends_any(n, g, noun_endings) &&
         !(g > n->para->tok_begin && (tt_n_title(n, g - 1) || tt_n_upper(n, g - 1) ||
                                      tt_n_quote(n, g - 1)));
}

static void surname_shape(tt_names *n, size_t i) {
  if (n->person[i] || n->gaz_type[i] || !tt_n_title(n, i) ||
      n->doc->toks[i].script != TT_SCRIPT_CYRILLIC ||
      !tt_n_ends_any(n, i, surname_endings) || not_name_word(n, i) ||
      tt_n_sentence_start(n, i))
    return;
  /* after a place type (міста Лубмін, вулиці Івасюка) it is the place's
   * name, which the place rules take */
  if (i > n->para->tok_begin && (tt_n_class(n, i - 1) & TT_WC_PLACE_BEFORE))
    return;
  size_t b = i;
  if (i > n->para->tok_begin && unlisted_given_name(n, i - 1))
    b = i - 1;
  tt_n_add(n, b, i + 1, TEITAG_TYPE_PER, TEITAG_CERT_LOW,
           "rule:person surname-shape");
}

/* Ukrainian adjectival surnames in any case form (Лозовецького,
 * Гайдамацького, Зарічанському): a capitalised word so ending inside a
 * sentence that qualifies no noun after it, and that no preposition of
 * place or type word puts in a place (у Слов'янському, вулиці
 * Коцюбинського).  In Russian text the same test found no more names than
 * adjectives of places and institutions, so it is left out there. */
static void adjectival_surname(tt_names *n, size_t i) {
  static const tt_suffix realm_titles[] = {TT_SFX("митрополит"),
      TT_SFX("архієпископ"), TT_SFX("єпископ"), TT_SFX("патріарх"),
      TT_SFX("князь"), TT_SFX("княгин"), TT_SFX("корол"), TT_SFX("цар"),
      TT_SFX_END};
  size_t end = n->para->tok_end;
  if (n->para->lang != TEITAG_LANG_UK || n->person[i] || n->gaz_type[i] ||
      n->doc->toks[i].script != TT_SCRIPT_CYRILLIC ||
      !tt_n_ends_any(n, i, adjectival_surname_uk) || not_name_word(n, i) ||
      tt_n_sentence_start(n, i) ||
      (tt_n_class(n, i - 1) & (TT_WC_PLACE_BEFORE | TT_WC_PREP_PLACE | TT_WC_STREET)) ||
      tt_n_title(n, i - 1) || tt_n_upper(n, i - 1) || tt_n_quote(n, i - 1))
    return;
  /* after most roles a surname (графа Зарецького); after a see's or a
   * realm's title the place's adjective (митрополит Київський, князь
   * Галицький) */
  if ((tt_n_class(n, i - 1) & TT_WC_ROLE) && tt_n_starts_any(n, i - 1, realm_titles))
    return;
  if (i + 1 < end) {
    const tt_token *next = &n->doc->toks[i + 1];
    if (tt_n_quote(n, i + 1) ||
        (next->kind == TEITAG_TOKEN_WORD &&
         (next->lcase != TEITAG_CASE_LOWER ||
          !((tt_n_class(n, i + 1) & TT_WC_FUNCTION) || past_verb(n, i + 1)))))
      return;
  }
  /* adjectives in a row share a noun: Зарічанського та Ковельського
   * районів, Кременчуцькому і Лисичанському НПЗ */
  for (size_t k = i + 1; k < end && k <= i + 2; k++)
    if (tt_n_ends_any(n, k, adjectival_surname_uk))
      return;
  for (size_t k = i - 1; k > n->para->tok_begin && k + 2 >= i; k--)
    if (tt_n_title(n, k) && tt_n_ends_any(n, k, adjectival_surname_uk))
      return;
  tt_n_add(n, i, i + 1, TEITAG_TYPE_PER, TEITAG_CERT_LOW, "rule:person surname-shape");
}

void tt_rules_person(tt_names *n) {
  /* the rules add spans, never tokens: the array and the paragraph's end
   * stay where they are, and are read once here, not at every token */
  const tt_token *toks = n->doc->toks;
  const size_t end = n->para->tok_end;
  for (size_t i = n->para->tok_begin; i < end; i++) {
    /* Every rule starts at a capitalised word or at a role or saying
     * word; most tokens are neither, and are passed over here rather
     * than by each rule in turn. */
    unsigned cls = tt_n_class(n, i);
    if (toks[i].kind != TEITAG_TOKEN_WORD ||
        (toks[i].lcase != TEITAG_CASE_TITLE && toks[i].lcase != TEITAG_CASE_UPPER &&
         !(cls & (TT_WC_ROLE | TT_WC_SAYING))))
      continue;
    int title = toks[i].lcase == TEITAG_CASE_TITLE, cap = title || toks[i].lcase == TEITAG_CASE_UPPER;
    size_t next = 0;
    if (cap) {
      next = surname_given_patronymic(n, i);
      if (!next)
        next = given_regnal(n, i);
      if (!next)
        next = chinese_name(n, i);
      if (!next)
        next = given_and_surname(n, i);
      if (!next)
        next = kunya(n, i);
      if (!next)
        next = initials(n, i);
    }
    /* a function word starts a rule only in Title case (By Jane Doe) */
    if (!next && ((cls & (TT_WC_ROLE | TT_WC_SAYING)) || ((cls & TT_WC_FUNCTION) && title))) {
      next = after_honorific(n, i);
      if (!next)
        next = after_role(n, i);
      if (!next && (cls & TT_WC_ROLE))
        next = role_of_complement(n, i);
      if (!next)
        next = after_said(n, i);
      if (!next)
        next = after_speech(n, i);
    }
    if (!next && title)
      next = before_who(n, i);
    if (!next && title)
      next = administration_of(n, i);
    if (!next && cap)
      next = capital_pair(n, i);
    if (next) {
      i = next - 1;
      continue;
    }
    if (title) {
      surname_shape(n, i);
      adjectival_surname(n, i);
      lone_given(n, i);
      given_not_place(n, i);
    }
  }
}
