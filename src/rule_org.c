/* SPDX-License-Identifier: MIT
 *
 * rule_org.c -- organisations the gazetteer does not list.
 *
 * A legal form and a quoted name are one organisation, quotes included
 * (ТОВ «Агросвіт», ООО "Газпром экспорт"); a head noun before a quoted
 * name makes the quoted name one (компанія «Нафтогаз»); a capitalised
 * head with its genitive complement is one (Державна служба з
 * надзвичайних ситуацій, Міністерство оборони України), as is an English
 * capitalised run holding a head or ending in a designator (Bank of
 * Israel, Cisco Systems Inc.); a name after a verb of reporting is a
 * media outlet (повідомляє «Українська правда», according to Interfax).
 * Context names some more: a company's people before its quoted name
 * (директор «X»), a number before a military unit (93-тя окрема
 * механізована бригада), "по" and a region after an office's
 * abbreviation (УФСБ по Свердловской области), "shares of" before a
 * company, and a score after a match's sides (Arsenal beat Liverpool 2-0).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "currency.h"
#include "inflect.h"
#include "names.h"
#include "wordclass.h"

#define MAX_QUOTED 10 /* words inside quotes */
#define MAX_CHAIN 9   /* words after a head */

/* A hyphen, an en dash, & or + : marks a quoted name may hold.  Every
 * dash has the hyphen's key; the text of a dash alone is read, to keep
 * the em dash of a quoted sentence out (the text of every comma was a
 * cache miss in a long part). */
static int name_joiner(const tt_names *n, size_t j) {
  if (tt_n_punct(n, j, TT_N_AMPERSAND) || tt_n_punct(n, j, TT_N_PLUS))
    return 1;
  if (!tt_n_dash(n, j))
    return 0;
  const tt_token *t = &n->doc->toks[j];
  return t->end - t->start == 1 ||
         (t->end - t->start == 3 && memcmp(n->doc->text + t->start, "\xE2\x80\x93", 3) == 0);
}

/* The closing quote of a quoted name opening at token q, or 0. */
static size_t closing_quote(const tt_names *n, size_t q) {
  size_t end = n->para->tok_end;
  for (size_t j = q + 1; j < end && j - q <= MAX_QUOTED; j++) {
    if (tt_n_quote(n, j) == 2)
      return j > q + 1 ? j : 0;
    const tt_token *t = &n->doc->toks[j];
    /* hyphens, spaced en dashes (ТОВ «Вербена – Трейд»), & and + are
     * part of names */
    if (t->kind == TEITAG_TOKEN_PUNCT && !tt_n_quote(n, j) && !name_joiner(n, j))
      return 0; /* a sentence, not a name */
  }
  return 0;
}

/* Does a quoted run look like a name (starts with a capital or digit)? */
static int name_inside(const tt_names *n, size_t q) {
  const tt_token *t = &n->doc->toks[q + 1];
  return t->lcase == TEITAG_CASE_TITLE || t->lcase == TEITAG_CASE_UPPER ||
         t->lcase == TEITAG_CASE_MIXED || t->kind == TEITAG_TOKEN_NUMBER;
}

/* ПВКП «X», ГНЦ «X»: an abbreviation in Cyrillic capitals before a
 * quoted name is a legal or institutional form that no list holds (there
 * are hundreds; РИА «Новости», БПП «Солідарність» are listed as
 * organisations alone), unless it names a place or a person, or says the
 * media, a law or a building (ЗМІ, ЗУ «Про …», ЖК, ТРЦ). */
static int unlisted_form(const tt_names *n, size_t i) {
  static const tt_suffix not_forms[] = {
      TT_SFX("змі"), TT_SFX("сми"), TT_SFX("зу"), TT_SFX("фз"), TT_SFX("жк"),
      TT_SFX("трц"), TT_SFX("тц"), TT_SFX("бц"), TT_SFX("трк"), TT_SFX_END};
  const tt_token *t = &n->doc->toks[i];
  size_t letters = (t->end - t->start) / 2; /* two bytes a Cyrillic capital */
  return t->script == TT_SCRIPT_CYRILLIC && t->lcase == TEITAG_CASE_UPPER &&
         letters >= 2 && letters <= 6 && i + 1 < n->para->tok_end &&
         tt_n_quote(n, i + 1) == 1 && n->gaz_type[i] != TEITAG_TYPE_LOC &&
         n->gaz_type[i] != TEITAG_TYPE_PER && !tt_n_is_any(n, i, not_forms);
}

/* ТОВ «X», ООО "X": the legal form, the quotes and the name. */
static size_t legal_form_quoted(tt_names *n, size_t i) {
  /* legal forms are written in capitals (2009-го компанія «…» holds none) */
  if (n->doc->toks[i].lcase == TEITAG_CASE_LOWER ||
      (!(tt_n_class(n, i) & TT_WC_LEGAL) && !unlisted_form(n, i)))
    return 0;
  /* a second legal form or a lower-case head may stand between (ТОВ НВП
   * «…», ТОВ фірма «…»): the name takes in both */
  size_t q = i + 1;
  while (q < n->para->tok_end && q - i <= 2 && n->doc->toks[q].kind == TEITAG_TOKEN_WORD &&
         n->doc->toks[q].script == TT_SCRIPT_CYRILLIC &&
         (((tt_n_class(n, q) & TT_WC_LEGAL) && n->doc->toks[q].lcase != TEITAG_CASE_LOWER) ||
          ((tt_n_class(n, q) & TT_WC_ORG_HEAD) && n->doc->toks[q].lcase == TEITAG_CASE_LOWER)))
    q++;
  if (q >= n->para->tok_end || !tt_n_quote(n, q) || !name_inside(n, q))
    return 0;
  size_t close = closing_quote(n, q);
  if (!close)
    return 0;
  /* НАК «Нафтогаз України»: the name takes in its legal form, and keeps
   * the link of a listed company inside the quotes */
  uint32_t ref = 0, norm = 0;
  if (n->gaz_end[q + 1] == close && n->gaz_type[q + 1] == TEITAG_TYPE_ORG) {
    const tt_span *listed = tt_n_candidate_at(n, q + 1);
    if (listed && listed->type == TEITAG_TYPE_ORG && listed->tok_end == close) {
      ref = listed->ref;
      norm = listed->norm;
    }
  }
  tt_span *sp = tt_doc_add_token_span(n->doc, i, close + 1, TEITAG_TYPE_ORG,
                                      TEITAG_CERT_MEDIUM, "rule:org legal-form+quoted");
  sp->ref = ref;
  sp->norm = norm;
  return close + 1;
}

/* компанія «X», банк "X", the party «X», директор «X»: the name inside
 * the quotes. */
static size_t head_quoted(tt_names *n, size_t i) {
  unsigned cls = tt_n_class(n, i);
  if (!(cls & (TT_WC_ORG_HEAD | TT_WC_REPORT | TT_WC_ORG_PERSON)) ||
      i + 1 >= n->para->tok_end || tt_n_quote(n, i + 1) != 1 ||
      !name_inside(n, i + 1))
    return 0;
  size_t close = closing_quote(n, i + 1);
  if (!close)
    return 0;
  const char *why = cls & TT_WC_REPORT       ? "rule:org reported-by"
                    : cls & TT_WC_ORG_HEAD ? "rule:org head+quoted"
                                           : "rule:org person-of+quoted";
  if (n->gaz_end[i + 2] == close) {
    /* газета «Житомирщина», клуб «Дніпро»: a place's name in quotes
     * after an organisation's head names the organisation */
    if (n->gaz_type[i + 2] == TEITAG_TYPE_LOC)
      tt_n_retype(n, i + 2, close, TEITAG_TYPE_LOC, TEITAG_TYPE_ORG,
                  TEITAG_CERT_MEDIUM, why);
    return close + 1; /* the gazetteer knows it */
  }
  tt_n_add(n, i + 2, close, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, why);
  return close + 1;
}

/* The endings of adjectives made from places' names (-ський, -цький,
 * -ский, -цкий) in every case and number. */
static const tt_suffix place_adjective_endings[] = {
    TT_SFX("ська"), TT_SFX("ський"), TT_SFX("ське"), TT_SFX("ського"),
    TT_SFX("ської"), TT_SFX("ському"), TT_SFX("ській"), TT_SFX("ську"),
    TT_SFX("ським"), TT_SFX("ською"), TT_SFX("ські"), TT_SFX("ських"),
    TT_SFX("цька"), TT_SFX("цький"), TT_SFX("цьке"), TT_SFX("цького"),
    TT_SFX("цької"), TT_SFX("цькому"), TT_SFX("цькій"), TT_SFX("цьку"),
    TT_SFX("цьким"), TT_SFX("цькою"), TT_SFX("цькі"), TT_SFX("цьких"),
    TT_SFX("ская"), TT_SFX("ский"), TT_SFX("ское"), TT_SFX("ского"),
    TT_SFX("ской"), TT_SFX("скому"), TT_SFX("скую"), TT_SFX("ским"),
    TT_SFX("ские"), TT_SFX("ских"), TT_SFX("цкая"), TT_SFX("цкий"),
    TT_SFX("цкое"), TT_SFX("цкого"), TT_SFX("цкой"), TT_SFX("цкому"),
    TT_SFX("цкую"), TT_SFX("цким"), TT_SFX("цкие"), TT_SFX("цких"),
    TT_SFX_END};

/* A lower-case adjective of a place or nation (британська, донецького,
 * российскому): before a quoted name, it says where a company or club
 * comes from. */
static int place_adjective_word(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  return t->kind == TEITAG_TOKEN_WORD && t->lcase == TEITAG_CASE_LOWER &&
         t->script == TT_SCRIPT_CYRILLIC && tt_n_ends_any(n, i, place_adjective_endings);
}

/* Adjectives of nations and countries, by their stems: before a quoted
 * name they announce weapons and products as often as companies
 * (російський «Іскандер», американский «Абрамс»), while an adjective of a
 * town or region names where a company or club is (донецького «…»). */
static const tt_suffix nation_adjectives[] = {
    /* uk */
    TT_SFX("американськ"), TT_SFX("російськ"), TT_SFX("українськ"),
    TT_SFX("британськ"), TT_SFX("англійськ"), TT_SFX("німецьк"),
    TT_SFX("французьк"), TT_SFX("китайськ"), TT_SFX("турецьк"),
    TT_SFX("ізраїльськ"), TT_SFX("іранськ"), TT_SFX("польськ"),
    TT_SFX("італійськ"), TT_SFX("японськ"), TT_SFX("шведськ"),
    TT_SFX("норвезьк"), TT_SFX("канадськ"), TT_SFX("австралійськ"),
    TT_SFX("швейцарськ"), TT_SFX("нідерландськ"), TT_SFX("голландськ"),
    TT_SFX("бельгійськ"), TT_SFX("чеськ"), TT_SFX("литовськ"),
    TT_SFX("латвійськ"), TT_SFX("естонськ"), TT_SFX("фінськ"),
    TT_SFX("данськ"), TT_SFX("іспанськ"), TT_SFX("грецьк"),
    TT_SFX("румунськ"), TT_SFX("угорськ"), TT_SFX("болгарськ"),
    TT_SFX("сербськ"), TT_SFX("білоруськ"), TT_SFX("грузинськ"),
    TT_SFX("корейськ"), TT_SFX("індійськ"), TT_SFX("австрійськ"),
    TT_SFX("радянськ"), TT_SFX("європейськ"),
    /* ru */
    TT_SFX("американск"), TT_SFX("российск"), TT_SFX("украинск"),
    TT_SFX("британск"), TT_SFX("английск"), TT_SFX("немецк"),
    TT_SFX("французск"), TT_SFX("китайск"), TT_SFX("турецк"),
    TT_SFX("израильск"), TT_SFX("иранск"), TT_SFX("польск"),
    TT_SFX("итальянск"), TT_SFX("японск"), TT_SFX("шведск"),
    TT_SFX("норвежск"), TT_SFX("канадск"), TT_SFX("австралийск"),
    TT_SFX("швейцарск"), TT_SFX("нидерландск"), TT_SFX("голландск"),
    TT_SFX("бельгийск"), TT_SFX("чешск"), TT_SFX("литовск"),
    TT_SFX("латвийск"), TT_SFX("эстонск"), TT_SFX("финск"),
    TT_SFX("датск"), TT_SFX("испанск"), TT_SFX("греческ"),
    TT_SFX("румынск"), TT_SFX("венгерск"), TT_SFX("болгарск"),
    TT_SFX("сербск"), TT_SFX("белорусск"), TT_SFX("грузинск"),
    TT_SFX("корейск"), TT_SFX("индийск"), TT_SFX("австрийск"),
    TT_SFX("советск"), TT_SFX("европейск"), TT_SFX_END};

/* Plural forms: «Абрамси», «Шахеди» after them are weapons, not firms. */
static const tt_suffix plural_adjective_endings[] = {
    TT_SFX("ські"), TT_SFX("ських"), TT_SFX("ськими"), TT_SFX("цькі"),
    TT_SFX("цьких"), TT_SFX("цькими"), TT_SFX("ские"), TT_SFX("ских"),
    TT_SFX("скими"), TT_SFX("цкие"), TT_SFX("цких"), TT_SFX("цкими"),
    TT_SFX_END};

/* харківського «Термалону», ужгородського «Закарпаття»: a quoted name
 * after an adjective of a town or region is a company's or a club's,
 * also where the gazetteer took it for the place it is named after. */
static size_t adjective_quoted(tt_names *n, size_t i) {
  if (i + 2 >= n->para->tok_end || n->doc->toks[i + 1].kind != TEITAG_TOKEN_PUNCT ||
      tt_n_quote(n, i + 1) != 1 || !name_inside(n, i + 1) ||
      !place_adjective_word(n, i) || tt_n_ends_any(n, i, plural_adjective_endings) ||
      tt_n_starts_any(n, i, nation_adjectives))
    return 0;
  size_t close = closing_quote(n, i + 1);
  if (!close || n->person[i + 2])
    return 0;
  /* a number or a single Latin capital names a product or a model
   * rather (дніпровський «Зорелет-7», a model «Орлан M») */
  for (size_t k = i + 2; k < close; k++) {
    const tt_token *t = &n->doc->toks[k];
    const char *w = n->doc->text + t->start;
    if (t->kind == TEITAG_TOKEN_NUMBER || (t->end - t->start == 1 && *w >= 'A' && *w <= 'Z'))
      return 0;
    for (size_t b = 0; b < t->end - t->start; b++)
      if (w[b] >= '0' && w[b] <= '9')
        return 0;
  }
  const char *why = "rule:org adjective+quoted";
  if (n->gaz_type[i + 2]) {
    if (n->gaz_end[i + 2] == close && n->gaz_type[i + 2] == TEITAG_TYPE_LOC)
      tt_n_retype(n, i + 2, close, TEITAG_TYPE_LOC, TEITAG_TYPE_ORG,
                  TEITAG_CERT_MEDIUM, why);
    return close + 1; /* the gazetteer knows it, or a part of it */
  }
  tt_n_add(n, i + 2, close, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, why);
  return close + 1;
}

static int adjective_like(const tt_names *n, size_t i) {
  static const tt_suffix endings[] = {TT_SFX("ий"), TT_SFX("ій"), TT_SFX("а"),
      TT_SFX("е"), TT_SFX("і"), TT_SFX("ого"), TT_SFX("ої"), TT_SFX("ому"),
      TT_SFX("ій"), TT_SFX("им"), TT_SFX("ою"), TT_SFX("их"), TT_SFX("ый"),
      TT_SFX("ая"), TT_SFX("ое"), TT_SFX("ые"), TT_SFX("ой"), TT_SFX("ую"),
      TT_SFX("ым"), TT_SFX("ом"), TT_SFX_END};
  return tt_n_ends_any(n, i, endings);
}

/* Prepositions that official names hold (Державна служба з надзвичайних
 * ситуацій, Федеральная служба по надзору, Комиссия при Президенте,
 * управління у Львівській області, Движение за права); others start
 * what the name's governing word says (суда с христианки, суда от 5
 * мая, суду на рішення). */
static int inner_preposition(const tt_names *n, size_t i) {
  static const tt_suffix list[] = {TT_SFX("з"),   TT_SFX("із"), TT_SFX("зі"),
                                   TT_SFX("при"), TT_SFX("по"), TT_SFX("в"),
                                   TT_SFX("во"),  TT_SFX("у"),  TT_SFX("за"),
                                   TT_SFX("для"), TT_SFX_END};
  return tt_n_is_any(n, i, list);
}

/* Could a lower-case word belong to an organisation's genitive
 * complement?  Verb forms cannot (сообщило, заявив, будет, разбираться). */
static int complement_word(const tt_names *n, size_t i, int after_preposition) {
  /* verb forms, and instrumental endings (з хорошою трупою) */
  static const tt_suffix verbs[] = {TT_SFX("ло"), TT_SFX("ла"), TT_SFX("ли"),
      TT_SFX("ть"), TT_SFX("ться"), TT_SFX("ся"), TT_SFX("сь"), TT_SFX("ет"),
      TT_SFX("ит"), TT_SFX("ут"), TT_SFX("ют"), TT_SFX("ать"), TT_SFX("ить"),
      TT_SFX("ал"), TT_SFX("ил"), TT_SFX("ыл"), TT_SFX("ел"), TT_SFX("ив"),
      TT_SFX("ав"), TT_SFX("ув"), TT_SFX("яв"), TT_SFX("ешь"), TT_SFX("ем"),
      TT_SFX("ою"), TT_SFX("ею"), TT_SFX("єю"), TT_SFX("ами"), TT_SFX("ями"),
      /* Ukrainian infinitives (вчиняти, зробити, реєструвати); not -ати,
       * which the genitive of палата has */
      TT_SFX("ити"), TT_SFX("яти"), TT_SFX("вати"), TT_SFX_END};
  static const tt_suffix genitive[] = {TT_SFX("а"), TT_SFX("я"), TT_SFX("и"),
      TT_SFX("і"), TT_SFX("ї"), TT_SFX("ы"), TT_SFX("у"), TT_SFX("ю"),
      TT_SFX("ів"), TT_SFX("їв"), TT_SFX("ов"), TT_SFX("ев"), TT_SFX("ей"),
      TT_SFX("ого"), TT_SFX("его"), TT_SFX("ої"), TT_SFX("ой"), TT_SFX("их"),
      TT_SFX("ых"), TT_SFX("ій"), TT_SFX("ий"), TT_SFX("ии"), TT_SFX("ань"),
      TT_SFX("ень"), TT_SFX_END};
  /* In Russian -у and -ю are dative or accusative, not genitive (суда и
   * восстанию), except after a preposition that takes them (Агентство
   * по изучению рака, Бюро по сельскому хозяйству, Союз за республику и
   * демократию); in Ukrainian they are genitive too (розвитку, краю). */
  if (n->para->lang == TEITAG_LANG_RU && !after_preposition &&
      (tt_n_ends(n, i, "у") || tt_n_ends(n, i, "ю")))
    return 0;
  return tt_n_ends_any(n, i, genitive) && !tt_n_ends_any(n, i, verbs);
}

/* A complement noun whose case its ending does not show, but the
 * adjective before it does: a genitive plural with no ending after one in
 * -их (аграрних наук, шляхетних дівчат, вкладів фізосіб is not: that
 * needs the adjective), or a feminine genitive in -ами after one in -ої
 * (російської драми, not the instrumental plural). */
static int agrees_with_adjective(const tt_names *n, size_t i) {
  static const tt_suffix plural_genitive[] = {TT_SFX("их"), TT_SFX("ых"), TT_SFX("іх"),
                                              TT_SFX_END};
  static const tt_suffix feminine_genitive[] = {TT_SFX("ої"), TT_SFX("ой"), TT_SFX_END};
  static const tt_suffix verbs[] = {TT_SFX("ло"), TT_SFX("ла"), TT_SFX("ли"), TT_SFX("ть"),
      TT_SFX("ться"), TT_SFX("ся"), TT_SFX("сь"), TT_SFX("в"), TT_SFX("л"), TT_SFX_END};
  const teitag_doc *d = n->doc;
  if (i == 0 || d->toks[i - 1].kind != TEITAG_TOKEN_WORD ||
      d->toks[i - 1].lcase != TEITAG_CASE_LOWER || tt_n_ends_any(n, i, verbs))
    return 0;
  if (tt_n_ends_any(n, i - 1, plural_genitive))
    return 1;
  return tt_n_ends_any(n, i - 1, feminine_genitive) &&
         (tt_n_ends(n, i, "ами") || tt_n_ends(n, i, "ями"));
}

/* Do the keys of tokens a and b end in the same letter (two bytes in
 * Cyrillic)? */
static int same_last_letter(const tt_names *n, size_t a, size_t b) {
  const tt_token *ta = &n->doc->toks[a], *tb = &n->doc->toks[b];
  if (ta->key_len < 2 || tb->key_len < 2)
    return 0;
  return memcmp(n->doc->keys.data + ta->key + ta->key_len - 2,
                n->doc->keys.data + tb->key + tb->key_len - 2, 2) == 0;
}

/* Верховний суд України, Міністерство оборони України, Служба безпеки,
 * Державна служба з надзвичайних ситуацій: capitalised adjectives, a head
 * noun, and its lower-case genitive complement, ending at a known place or
 * organisation when one follows. */
/* Endings of nouns and of adjectives in the instrumental case; of the
 * nouns' only those no other case has (музей, музею end in -ей, -ею). */
static const tt_suffix instrumental_nouns[] = {TT_SFX("ою"), TT_SFX("єю"),
    TT_SFX("ом"), TT_SFX("ем"), TT_SFX("єм"), TT_SFX("ами"), TT_SFX("ями"),
    TT_SFX("ой"), TT_SFX("ией"), TT_SFX("ёй"), TT_SFX_END};
static const tt_suffix instrumental_adjectives[] = {TT_SFX("ою"), TT_SFX("им"),
    TT_SFX("ими"), TT_SFX("ім"), TT_SFX("ой"), TT_SFX("ей"), TT_SFX("ым"),
    TT_SFX("ыми"), TT_SFX_END};

/* "Головне", "главное" are function words (головне — вчасно), but before
 * a head they are the adjective of official names: Головне управління,
 * Главное управление. */
static int main_adjective(const tt_names *n, size_t h) {
  static const tt_suffix words[] = {TT_SFX("головне"), TT_SFX("главное"), TT_SFX_END};
  return h + 1 < n->para->tok_end && (tt_n_class(n, h + 1) & TT_WC_ORG_HEAD) &&
         tt_n_is_any(n, h, words);
}

/* The end of an organisation named by a town's or region's adjective
 * and a head at token j (Житомирської міськради, Полтавської ОДА,
 * Київської міської ради), where it closes another's name in the
 * genitive (Управління освіти Житомирської міськради); 0 if there is
 * none. */
static size_t council_of_place(const tt_names *n, size_t j) {
  size_t end = n->para->tok_end;
  const tt_token *t = &n->doc->toks[j];
  /* in the genitive, as a complement is: Міська рада after a name
   * is another organisation */
  static const tt_suffix genitive_place_adjective[] = {
      TT_SFX("ського"), TT_SFX("ської"), TT_SFX("ських"), TT_SFX("цького"),
      TT_SFX("цької"), TT_SFX("цьких"), TT_SFX("ского"), TT_SFX("ской"),
      TT_SFX("ских"), TT_SFX("цкого"), TT_SFX("цкой"), TT_SFX("цких"),
      TT_SFX_END};
  if (t->script != TT_SCRIPT_CYRILLIC || !tt_n_title(n, j) ||
      !tt_n_ends_any(n, j, genitive_place_adjective))
    return 0;
  size_t k = j + 1;
  while (k < end && k - j <= 2 && n->doc->toks[k].kind == TEITAG_TOKEN_WORD &&
         n->doc->toks[k].lcase == TEITAG_CASE_LOWER &&
         !(tt_n_class(n, k) & TT_WC_ORG_HEAD) && adjective_like(n, k))
    k++;
  if (k >= end || n->doc->toks[k].kind != TEITAG_TOKEN_WORD ||
      n->doc->toks[k].script != TT_SCRIPT_CYRILLIC ||
      !((tt_n_class(n, k) & TT_WC_ORG_HEAD) || n->doc->toks[k].lcase == TEITAG_CASE_UPPER))
    return 0;
  return k + 1;
}

/* The end of the candidate of `type` that starts at token `at`, or `at`
 * when none does: a chain that reaches a name ends after the place or
 * body that follows it (МВС України, … міськради Полтавської області). */
static size_t through_known(const tt_names *n, size_t at, teitag_type type) {
  if (at >= n->para->tok_end || n->gaz_type[at] != type)
    return at;
  return n->gaz_end[at] ? n->gaz_end[at] : at + 1;
}

/* The end of the name of a person an institution is named after, when
 * token j says so (Інститут ботаніки ім. О. О. Зорянського, Університет
 * імені Тараса Вербицького, Центр имени Н. Ф. Заречного): the naming
 * word, a few initials and up to three capitalised words; 0 if there is
 * none. */
static size_t named_after(const tt_names *n, size_t j) {
  static const tt_suffix naming_bare[] = {TT_SFX("ім"), TT_SFX("им"), TT_SFX_END};
  static const tt_suffix patronymics[] = {TT_SFX("вича"), TT_SFX("ича"), TT_SFX("вни"),
                                         TT_SFX("вны"), TT_SFX("ичны"), TT_SFX_END};
  size_t end = n->para->tok_end, k = j + 1;
  if (n->doc->toks[j].kind != TEITAG_TOKEN_WORD || n->doc->toks[j].lcase != TEITAG_CASE_LOWER)
    return 0;
  if (!tt_n_naming_word(n, j)) {
    /* "ім ." as pre-tokenized text writes it */
    if (k + 1 >= end || !tt_n_is_any(n, j, naming_bare) || !tt_n_is(n, k, "."))
      return 0;
    k++;
  }
  size_t after_naming = k;
  for (int initials = 0; k < end && initials < TT_MAX_INITIALS; initials++) {
    if (n->doc->toks[k].flags & TT_TOK_INITIAL)
      k++;
    else if (k + 1 < end && tt_n_spaced_initial(n->doc, k))
      k += 2;
    else
      break;
  }
  /* the surname after initials (ім. О. О. Зорянського); else a given
   * name, perhaps a patronymic, and the surname (імені Тараса Вербицького),
   * or the surname alone (имени Заречного): a word after that is no part
   * of it (… имени Заречного Ольга Лисенко сказала) */
  size_t words = 1;
  char gender;
  unsigned flags;
  if (k == after_naming && k < end && tt_n_given(n, k, &gender, &flags))
    words = k + 2 < end && tt_n_ends_any(n, k + 1, patronymics) ? 3 : 2;
  else if (k == after_naming && k + 1 < end && !n->gaz_type[k + 1] &&
           !tt_n_given(n, k + 1, &gender, &flags))
    words = 2; /* a given name the lexicon lacks: ім. Вольфрама Зеєра */
  size_t first = k;
  while (k < end && k - first < words && tt_n_title(n, k) &&
         n->doc->toks[k].script == TT_SCRIPT_CYRILLIC &&
         !(tt_n_class(n, k) & (TT_WC_ORG_HEAD | TT_WC_FUNCTION)))
    k++;
  return k > first ? k : 0;
}

/* A short passive participle (зареєстрована, прописана, признана,
 * запрещена): after a sentence's first noun it is the predicate, and the
 * noun a common one (Компанія зареєстрована в …). */
static int short_participle(const tt_names *n, size_t i) {
  static const tt_suffix endings[] = {TT_SFX("ана"), TT_SFX("яна"), TT_SFX("ена"),
                                      TT_SFX("ано"), TT_SFX("ено"), TT_SFX_END};
  return tt_n_ends_any(n, i, endings);
}

/* Does a town's type word (м., міста, г., города) and a listed place
 * start at token j, as a court's or an office's town follows it
 * (Печерського райсуду м. Києва)?  Returns the place's end, or 0. */
static size_t town_after(const tt_names *n, size_t j) {
  static const tt_suffix towns[] = {TT_SFX("м."), TT_SFX("міста"), TT_SFX("місті"),
      TT_SFX("г."), TT_SFX("города"), TT_SFX("городе"), TT_SFX_END};
  if (j + 1 >= n->para->tok_end || !tt_n_is_any(n, j, towns) ||
      n->gaz_type[j + 1] != TEITAG_TYPE_LOC || !n->gaz_end[j + 1])
    return 0;
  /* and the region the town lies in (м. Маріуполя Донецької області) */
  return through_known(n, n->gaz_end[j + 1], TEITAG_TYPE_LOC);
}

/* After a body's name ending at token k: the region it serves, after
 * "по" (управление МВД России по Нижегородской области, МЧС по
 * Санкт-Петербургу) or after у/в before a region's type word (Управління
 * СБУ у Чернігівській області, not МЗС у Києві, where the body is only
 * found).  Returns the new end, or k. */
static size_t served_region(tt_names *n, size_t k) {
  static const tt_suffix regions[] = {TT_SFX("області"), TT_SFX("области"),
      TT_SFX("обл."), TT_SFX("краї"), TT_SFX("крае"), TT_SFX("районі"), TT_SFX("районе"),
      TT_SFX_END};
  size_t end = n->para->tok_end;
  if (k + 1 >= end || n->gaz_type[k + 1] != TEITAG_TYPE_LOC || !n->gaz_end[k + 1])
    return k;
  const tt_span *place = tt_n_candidate_at(n, k + 1);
  if (!place || tt_n_listed_in(n->doc, place, "countries"))
    return k;
  size_t e = n->gaz_end[k + 1];
  if (tt_n_is(n, k, "по"))
    return e;
  if ((tt_n_is(n, k, "у") || tt_n_is(n, k, "в")) && tt_n_is_any(n, e - 1, regions))
    return e;
  return k;
}

/* господарського суду Черкаської області, прокуратури Луганської
 * області, правительство Москвы, полиции Сан-Диего: a court, a
 * prosecutor's office, the police, an inspectorate, an administration or
 * a government in lower case, with its lower-case adjectives, before the
 * genitive of the listed region or town it serves (or a foreign town's
 * name that does not decline) is that place's body.  Not a country's:
 * поліції Польщі is a nation's police, and the sets disagree on it.
 * Called at the lower-case head h; returns the end of the name, or 0. */
static size_t body_of_place(tt_names *n, size_t h) {
  static const tt_suffix bodies[] = {TT_SFX("суд"), TT_SFX("райсуд"), TT_SFX("госпсуд"),
      TT_SFX("адмінсуд"), TT_SFX("міськсуд"), TT_SFX("горсуд"), TT_SFX("облсуд"),
      TT_SFX("прокуратур"), TT_SFX("поліці"), TT_SFX("полици"), TT_SFX("адміністраці"),
      TT_SFX("администраци"), TT_SFX("правительств"), TT_SFX("інспекці"),
      TT_SFX("инспекци"), TT_SFX_END};
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end, j = h + 1;
  if (d->toks[h].script != TT_SCRIPT_CYRILLIC || j >= end || !tt_n_starts_any(n, h, bodies))
    return 0;
  size_t last = town_after(n, j);
  if (!last) {
    /* the genitive, or a foreign name that does not decline (полиции
     * Сан-Диего, суда Сочи) */
    static const tt_suffix indeclinable[] = {TT_SFX("о"), TT_SFX("е"), TT_SFX("и"),
        TT_SFX("і"), TT_SFX("у"), TT_SFX("ю"), TT_SFX_END};
    const tt_span *place = n->gaz_type[j] == TEITAG_TYPE_LOC ? tt_n_candidate_at(n, j) : NULL;
    if (!place || tt_n_listed_in(d, place, "countries") ||
        !(place->infl_case == TT_CASE_GEN + 1 ||
          (place->infl_case == 0 && tt_n_ends_any(n, place->tok_end - 1, indeclinable))))
      return 0;
    last = n->gaz_end[j];
  }
  /* adjectives by their full endings: not a noun or a verb in -а, -е
   * (року, подала администрация, в изоляторе) */
  static const tt_suffix adjective_endings[] = {TT_SFX("ий"), TT_SFX("ій"), TT_SFX("ого"),
      TT_SFX("ої"), TT_SFX("ому"), TT_SFX("ою"), TT_SFX("ый"), TT_SFX("ая"), TT_SFX("ой"),
      TT_SFX("ую"), TT_SFX("ым"), TT_SFX("им"), TT_SFX("ом"), TT_SFX_END};
  size_t b = h;
  while (b > n->para->tok_begin && h - b < 4 && d->toks[b - 1].kind == TEITAG_TOKEN_WORD &&
         d->toks[b - 1].script == TT_SCRIPT_CYRILLIC && !n->gaz_type[b - 1] &&
         !n->person[b - 1] && !(tt_n_class(n, b - 1) & TT_WC_FUNCTION) &&
         tt_n_ends_any(n, b - 1, adjective_endings) && !tt_n_sentence_start(n, b - 1))
    b--;
  tt_n_add(n, b, last, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org body+place");
  return last;
}

static size_t cyrillic_chain(tt_names *n, size_t i) {
  static const tt_suffix stations[] = {TT_SFX("станці"), TT_SFX("станци"), TT_SFX("метро"),
                                       TT_SFX_END};
  size_t end = n->para->tok_end;
  if (!tt_n_title(n, i) || n->doc->toks[i].script != TT_SCRIPT_CYRILLIC)
    return 0;
  /* станцію метро «Горний інститут», вулиця «Зоряний університет»: a
   * quoted name after a place's type word names that place */
  if (i >= n->para->tok_begin + 2 && tt_n_quote(n, i - 1) == 1 &&
      ((tt_n_class(n, i - 2) & (TT_WC_PLACE_BEFORE | TT_WC_PLACE_TYPE | TT_WC_STREET)) ||
       tt_n_starts_any(n, i - 2, stations)))
    return 0;
  size_t h = i;
  while (h < end && h - i < 3 && !(tt_n_class(n, h) & TT_WC_ORG_HEAD) &&
         (h == i || n->doc->toks[h].kind == TEITAG_TOKEN_WORD) &&
         adjective_like(n, h) &&
         (!(tt_n_class(n, h) & TT_WC_FUNCTION) || main_adjective(n, h)))
    h++;
  static const tt_suffix administrations[] = {TT_SFX("ода"), TT_SFX("рда"), TT_SFX("ова"),
      TT_SFX("рва"), TT_SFX("мва"), TT_SFX_END};
  if (h >= end || !(tt_n_class(n, h) & TT_WC_ORG_HEAD) ||
      n->doc->toks[h].kind != TEITAG_TOKEN_WORD ||
      (!tt_n_upper(n, h) && tt_n_is_any(n, h, administrations)))
    return 0; /* Ода радості, a poem; Житомирська ОДА */
  /* A head in the instrumental takes adjectives in the instrumental: a
   * word in another case before it is a participle or a noun, and the
   * head its agent (Турбіна виготовлена німецькою компанією Siemens,
   * створений урядом): no name. */
  if (h > i && tt_n_ends_any(n, h, instrumental_nouns))
    for (size_t k = i; k < h; k++)
      if (!tt_n_ends_any(n, k, instrumental_adjectives))
        return 0;
  /* A sentence's first word that does not agree with the adjective after
   * it is no part of the name: "Слідчі Головного управління". */
  if (h > i + 1 && tt_n_sentence_start(n, i) && tt_n_title(n, i + 1) &&
      !same_last_letter(n, i, i + 1))
    i++;
  /* ... nor a plural before a singular head: "Ученые Института …",
   * "Учені Інституту …" (Державні служби, Российские железные дороги
   * agree) */
  static const tt_suffix plural_adjectives[] = {TT_SFX("ые"), TT_SFX("ие"), TT_SFX("і"),
                                                TT_SFX_END};
  static const tt_suffix plural_nouns[] = {TT_SFX("ы"), TT_SFX("и"), TT_SFX("і"), TT_SFX_END};
  if (h == i + 1 && tt_n_sentence_start(n, i) && tt_n_ends_any(n, i, plural_adjectives) &&
      !tt_n_ends_any(n, h, plural_nouns)) {
    if (!tt_n_title(n, h))
      return 0; /* "Высшие суда": no name left */
    i++;
  }
  size_t j = h + 1, last = h + 1, complements = 0;
  int after_preposition = 0;
  /* a head in capitals (Кременчуцький НПЗ, Михайловский ГОК) takes no
   * complement: what follows is the sentence's */
  int acronym_head = tt_n_upper(n, h) && n->doc->toks[h].end - n->doc->toks[h].start <= 8;
  while (j < end && j - h <= MAX_CHAIN && !acronym_head) {
    const tt_token *t = &n->doc->toks[j];
    unsigned cls = tt_n_class(n, j);
    if (n->gaz_type[j] == TEITAG_TYPE_LOC || n->gaz_type[j] == TEITAG_TYPE_ORG) {
      last = n->gaz_end[j] ? n->gaz_end[j] : j + 1;
      /* ends at a known place or organisation, and the organisation's
       * country (управлении Следственного комитета Армении) */
      if (n->gaz_type[j] == TEITAG_TYPE_ORG)
        last = served_region(n, through_known(n, last, TEITAG_TYPE_LOC));
      break;
    }
    if ((cls & TT_WC_MINISTRY) && !n->person[j]) {
      /* or at a ministry's short name and its place (управління МВС,
       * Центр Минздрава Удмуртии) */
      last = through_known(n, j + 1, TEITAG_TYPE_LOC);
      break;
    }
    size_t named_end = named_after(n, j);
    if (named_end) {
      /* the name ends there, or with the body it belongs to (… ім. О. О.
       * Зорянського НАН України) */
      last = through_known(n, named_end, TEITAG_TYPE_ORG);
      complements++;
      break;
    }
    size_t town_end = town_after(n, j);
    if (town_end) {
      last = town_end; /* Печерського райсуду м. Києва */
      break;
    }
    size_t council_end = council_of_place(n, j);
    if (council_end) {
      /* and its place, as for a ministry (… міськради Полтавської області) */
      last = through_known(n, council_end, TEITAG_TYPE_LOC);
      break;
    }
    if (t->kind != TEITAG_TOKEN_WORD || t->lcase != TEITAG_CASE_LOWER)
      break;
    if (!(cls & TT_WC_FUNCTION) && !complement_word(n, j, after_preposition) &&
        !agrees_with_adjective(n, j))
      break;
    if (cls & TT_WC_NO_COMPLEMENT)
      break; /* "Верховний суд країни", "… міськради минулого тижня" */
    if (cls & TT_WC_FUNCTION) {
      /* і, та, з, по between complement words; but a conjunction before
       * a place joins two names (Союз і Велика Британія) */
      int conj = tt_n_is(n, j, "і") || tt_n_is(n, j, "й") ||
                 tt_n_is(n, j, "та") || tt_n_is(n, j, "и");
      if (!conj && !inner_preposition(n, j))
        break; /* суда с христианки, суда от гнева */
      /* в, у: a place or a field follows in names (управління у
       * Львівській області, у місті Києві, у справах ветеранів, у
       * вугільній промисловості, в защиту), not when or what the body
       * did (міськради у січні, міської ради у розтраті коштів) */
      static const tt_suffix fields[] = {
          TT_SFX("справах"), TT_SFX("галузі"), TT_SFX("сфері"), TT_SFX("области"),
          TT_SFX("сфере"), TT_SFX("защиту"), TT_SFX("поддержку"), TT_SFX("підтримку"),
          TT_SFX_END};
      static const tt_suffix locative_adjectives[] = {TT_SFX("ій"), TT_SFX("ой"),
                                                      TT_SFX("ому"), TT_SFX_END};
      if (!conj && (tt_n_is(n, j, "у") || tt_n_is(n, j, "в") || tt_n_is(n, j, "во")) &&
          j + 1 < end && n->doc->toks[j + 1].lcase == TEITAG_CASE_LOWER &&
          !(tt_n_class(n, j + 1) & (TT_WC_PLACE_BEFORE | TT_WC_PLACE_TYPE)) &&
          !tt_n_is_any(n, j + 1, fields) && !tt_n_ends_any(n, j + 1, locative_adjectives))
        break;
      after_preposition |= !conj;
      if (j + 1 < end && n->doc->toks[j + 1].kind == TEITAG_TOKEN_WORD &&
          (n->doc->toks[j + 1].lcase == TEITAG_CASE_LOWER ||
           (n->gaz_type[j + 1] == TEITAG_TYPE_LOC && !conj)) &&
          t->end - t->start <= 4) {
        j++;
        continue;
      }
      break;
    }
    complements++;
    j++;
    last = j;
  }
  /* A sentence-initial head with no lower-case complement ("Рада
   * вирішила", "Компания Microsoft", "Правительство Китая") is a common
   * noun; with one, the name goes on (Управління освіти Житомирської
   * міськради, at the start of a report). */
  if (h == i && tt_n_sentence_start(n, i) && n->doc->toks[i].lcase != TEITAG_CASE_UPPER &&
      (!complements || short_participle(n, h + 1)))
    return 0;
  /* At a sentence start the capital proves nothing: there the chain must
   * end at a known place or organisation, or hold another capital
   * (Министерство обороны России, not Рабочая группа). */
  if (tt_n_sentence_start(n, i)) {
    int evidence = last > 0 && (n->gaz_type[last - 1] == TEITAG_TYPE_LOC ||
                                n->gaz_type[last - 1] == TEITAG_TYPE_ORG);
    for (size_t k = i + 1; k < last && !evidence; k++)
      evidence = tt_n_title(n, k) || tt_n_upper(n, k);
    if (!evidence)
      return 0;
  }
  if (n->gaz_end[i] == last)
    return 0; /* the gazetteer has exactly this */
  tt_n_add(n, i, last, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org head+complement");
  return last;
}

/* Краматорська міська рада, Печерського райсуду: a one-word place that
 * the gazetteer matched as a case form (Краматорська, genitive of
 * Краматорськ) but that is spelt like an adjective and is followed by a
 * lower-case word is an organisation's first word, for the chain to try;
 * not after a place type (м. Кам'янське), which makes it the place. */
static int place_adjective(const tt_names *n, size_t i) {
  return n->gaz_type[i] == TEITAG_TYPE_LOC && n->gaz_end[i] == i + 1 &&
         i + 1 < n->para->tok_end && n->doc->toks[i + 1].kind == TEITAG_TOKEN_WORD &&
         n->doc->toks[i + 1].lcase == TEITAG_CASE_LOWER &&
         tt_n_ends_any(n, i, place_adjective_endings) &&
         !(i > n->para->tok_begin && (tt_n_class(n, i - 1) & TT_WC_PLACE_BEFORE));
}

/* Bank of Israel, Commonwealth Bank of Australia, Cisco Systems Inc.: a
 * capitalised English run that holds a head noun or ends in a designator. */
static size_t latin_chain(tt_names *n, size_t i) {
  size_t end = n->para->tok_end;
  /* a name may start with a word in camel case (BrightPath Health Inc.) */
  if (!tt_n_title(n, i) && !tt_n_upper(n, i) && !tt_n_camel(n, i))
    return 0;
  if (n->doc->toks[i].script != TT_SCRIPT_LATIN)
    return 0;
  size_t j = i, last = i;
  int head = 0, role = 0;
  while (j < end && j - i < 8) {
    const tt_token *t = &n->doc->toks[j];
    unsigned cls = tt_n_class(n, j);
    int cap = t->kind == TEITAG_TOKEN_WORD && t->script != TT_SCRIPT_CYRILLIC &&
              (t->lcase == TEITAG_CASE_TITLE || t->lcase == TEITAG_CASE_UPPER ||
               t->lcase == TEITAG_CASE_MIXED);
    int connector = t->kind == TEITAG_TOKEN_WORD && j > i && j + 1 < end &&
                    t->lcase == TEITAG_CASE_LOWER &&
                    (tt_n_is(n, j, "of") || tt_n_is(n, j, "for") ||
                     tt_n_is(n, j, "and") || tt_n_is(n, j, "on"));
    int amp = tt_n_punct(n, j, TT_N_AMPERSAND);
    if (cls & TT_WC_MONTH)
      break; /* "the Labor Department Friday issued" */
    /* Halvorsen Labs, Inc.: a comma, then the legal form that ends the
     * name */
    if (j > i && j + 1 < end && tt_n_punct(n, j, TT_N_COMMA) &&
        n->doc->toks[j + 1].script == TT_SCRIPT_LATIN &&
        (tt_n_class(n, j + 1) & TT_WC_LEGAL) && !(tt_n_class(n, j + 1) & TT_WC_LEGAL_BEFORE)) {
      last = j + 2;
      head = 1;
      break;
    }
    if (cap || ((connector || amp) && tt_n_title(n, j + 1))) {
      if (cap) {
        head |= (cls & TT_WC_ORG_HEAD) != 0;
        role |= (cls & TT_WC_ROLE) != 0 && !(cls & TT_WC_ORG_HEAD);
        last = j + 1;
        if (cls & TT_WC_LEGAL) {
          head = 1;
          break;
        }
      }
      j++;
      continue;
    }
    break;
  }
  /* A leading article, weekday or other function word in Title case (And,
   * About in headlines; not US) is not part of the name, nor an attribute
   * such as "State-backed" or "India-based". */
  size_t b = i;
  while (b < last && !n->gaz_type[b] && ((tt_n_class(n, b) & TT_WC_MONTH) ||
                      ((tt_n_class(n, b) & TT_WC_FUNCTION) && tt_n_title(n, b)) ||
                      tt_n_is(n, b, "the") || tt_n_is(n, b, "a") ||
                      tt_n_is(n, b, "an") || tt_n_attribute_len(n, b) == 1))
    b++;
  /* "Shares of Acme Holdings Inc.": a sentence's first word before "of"
   * is no part of the name unless it is the head (Bank of Israel). */
  if (b + 2 < last && tt_n_sentence_start(n, b) &&
      !(tt_n_class(n, b) & TT_WC_ORG_HEAD) &&
      n->doc->toks[b + 1].lcase == TEITAG_CASE_LOWER)
    b += 2;
  while (b < last && tt_n_attribute_len(n, b) == 1)
    b++;
  /* nor do the words before a Title-case "The" inside the run: a
   * headline glued to the sentence (SC asks Sahara The Reserve Bank ...) */
  for (size_t k = b + 1; k < last && !(tt_n_class(n, k - 1) & TT_WC_ORG_HEAD); k++)
    if (tt_n_title(n, k) && tt_n_is(n, k, "the"))
      b = k + 1;
  /* a title-case function word or a dateline in capitals after the last
   * head is the next sentence's (China First Heavy Industries The ...,
   * Zignal Labs SAN FRANCISCO) */
  size_t last_head = 0;
  for (size_t k = b; k < last; k++)
    if (tt_n_class(n, k) & (TT_WC_ORG_HEAD | TT_WC_LEGAL))
      last_head = k + 1;
  if (last_head && last_head < last && !tt_n_upper(n, last_head - 1) &&
      (((tt_n_class(n, last_head) & TT_WC_FUNCTION) && tt_n_title(n, last_head) &&
        !tt_n_is(n, last_head, "for") && !tt_n_is(n, last_head, "of") &&
        !tt_n_is(n, last_head, "and") && !tt_n_is(n, last_head, "on")) ||
       tt_n_upper(n, last_head)))
    last = last_head;
  /* two names with heads of their own, joined by "and" (Corvell Partners
   * and Torrin Capital): the first, of two words or more, ends before it
   * (not Securities and Exchange Commission); the next is found on its
   * own */
  for (size_t k = b + 2; last_head && k + 1 < last_head; k++)
    if ((tt_n_is(n, k, "and") || tt_n_is(n, k, "&")) &&
        (tt_n_class(n, k - 1) & (TT_WC_ORG_HEAD | TT_WC_COMPANY | TT_WC_LEGAL))) {
      last = last_head = k;
      break;
    }
  /* nor does "and" after it join a word with no head of its own (Marrow
   * Finance Group and Danish lender Tollund) */
  if (last_head && last_head + 1 < last &&
      (tt_n_is(n, last_head, "and") || tt_n_is(n, last_head, "&")))
    last = last_head;
  if (!head || role || last - b < 2)
    return 0;
  if (n->gaz_end[b] == last)
    return 0;
  /* no run across a listed name's end, nor one that joins a listed name
   * to the next by "and" (The New York Times and Reuters) */
  for (size_t k = b; k < last; k++)
    if (n->gaz_type[k] && n->gaz_end[k] > last)
      return 0;
  if (n->gaz_type[b] && n->gaz_end[b] < last &&
      (tt_n_is(n, n->gaz_end[b], "and") || tt_n_is(n, n->gaz_end[b], "&")))
    return 0;
  tt_n_add(n, b, last, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org english-head");
  return last;
}

/* "Morgan Whitlock's (NYSE: MWK)", "Kestrel Minerals (ASX: KSM)": a stock exchange
 * and a ticker in brackets make the capitalised words before them a
 * listed company's name, even where a person rule or a place read them
 * as a person's or a place's.  Called at an opening bracket. */
static void ticker(tt_names *n, size_t i) {
  static const tt_suffix exchanges[] = {
      TT_SFX("nyse"),     TT_SFX("nasdaq"),   TT_SFX("nasdaqgs"),
      TT_SFX("nasdaqgm"), TT_SFX("nasdaqcm"), TT_SFX("lse"),
      TT_SFX("asx"),      TT_SFX("tsx"),      TT_SFX("tsxv"),
      TT_SFX("amex"),     TT_SFX("hkex"),     TT_SFX("sgx"),
      TT_SFX("jse"),      TT_SFX("bse"),      TT_SFX("nse"),
      TT_SFX("otc"),      TT_SFX("otcqx"),    TT_SFX("moex"),
      TT_SFX("euronext"), TT_SFX("xetra"),    TT_SFX("six"),
      TT_SFX_END};
  const teitag_doc *d = n->doc;
  if (i + 3 >= n->para->tok_end || !tt_n_is(n, i + 2, ":") || !tt_n_upper(n, i + 3) ||
      d->toks[i + 1].script != TT_SCRIPT_LATIN || !tt_n_is_any(n, i + 1, exchanges))
    return;
  /* the exchange is an organisation too, listed or not (LSE, Xetra), and
   * the ticker names the company as its name does */
  if (!n->gaz_type[i + 1])
    tt_n_add(n, i + 1, i + 2, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org ticker");
  if (!n->gaz_type[i + 3] && !n->person[i + 3] && i + 4 < n->para->tok_end &&
      d->toks[i + 4].hash == n->punct_hash[TT_N_CLOSE_PAREN]) /* not (LSE: BARC.L-news) */
    tt_n_add(n, i + 3, i + 4, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org ticker symbol");
  size_t e = i;
  if (e > n->para->tok_begin && tt_n_is(n, e - 1, "'s")) /* keys fold ’ to ' */
    e--; /* Whitlock's (NYSE: MWK) */
  size_t b = e;
  while (b > n->para->tok_begin && e - b < 6 &&
         d->toks[b - 1].script == TT_SCRIPT_LATIN &&
         (tt_n_title(n, b - 1) || tt_n_upper(n, b - 1) || tt_n_camel(n, b - 1)) &&
         !(tt_n_class(n, b - 1) & TT_WC_FUNCTION))
    b--;
  if (b == e || n->gaz_type[e - 1] == TEITAG_TYPE_ORG)
    return; /* a listed company is named already: Will General Motors (NYSE: GM) */
  if (n->person[b] || n->gaz_type[b] == TEITAG_TYPE_LOC) {
    /* the reading to overturn must cover exactly these words */
    teitag_type from = n->person[b] ? TEITAG_TYPE_PER : TEITAG_TYPE_LOC;
    tt_n_retype(n, b, e, from, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org ticker");
    for (size_t k = b; k < e; k++)
      n->person[k] = 0;
  } else if (!n->gaz_type[b]) {
    tt_n_add(n, b, e, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org ticker");
  }
}

/* One company of a list after "shares of" from token i: tags it and
 * returns the end of its words (i if there are none).  Only the first,
 * right after "of", overturns a listed person's or place's reading: later
 * in a list a name may start the next clause ("…, and Musk said"); there
 * only what a person rule guessed gives way. */
static size_t shares_item(tt_names *n, size_t i, int overturn) {
  static const tt_suffix not_names[] = {TT_SFX("class"), TT_SFX("series"), TT_SFX("common"),
                                        TT_SFX("preferred"), TT_SFX("the"), TT_SFX_END};
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end, e = i;
  if (tt_n_is_any(n, i, not_names) || tt_n_attribute_len(n, i))
    return i; /* State-backed ... */
  while (e < end && e - i < 5 && d->toks[e].script == TT_SCRIPT_LATIN &&
         (tt_n_title(n, e) || tt_n_upper(n, e) || tt_n_camel(n, e)) &&
         !(tt_n_class(n, e) & (TT_WC_FUNCTION | TT_WC_MONTH)))
    e++;
  /* "shares in UK's Paragon": the owner's name is the place's */
  if (e == i || (e < end && (tt_n_is(n, e, "'s") || tt_n_is(n, e, "'"))))
    return i;
  /* later in a list, a name followed by anything but the list's own
   * punctuation starts the next clause (…, and Tim Cook said) */
  if (!overturn && e < end && !tt_n_is(n, e, ",") && !tt_n_is(n, e, ".") &&
      !tt_n_is(n, e, "and") && !tt_n_is(n, e, ";") && d->toks[e].hash != n->punct_hash[TT_N_OPEN_PAREN])
    return i;
  if (n->gaz_type[i] == TEITAG_TYPE_ORG)
    return n->gaz_end[i] > e ? n->gaz_end[i] : e; /* listed: Apple, Google */
  if ((overturn && (n->person[i] || n->gaz_type[i] == TEITAG_TYPE_LOC)) ||
      (n->person[i] && !n->gaz_type[i])) {
    /* the reading to overturn must cover exactly these words */
    teitag_type from = n->person[i] ? TEITAG_TYPE_PER : TEITAG_TYPE_LOC;
    tt_n_retype(n, i, e, from, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org shares-of");
    for (size_t k = i; k < e; k++)
      n->person[k] = 0;
    return e;
  }
  for (size_t k = i; k < e; k++)
    if (n->gaz_type[k] || n->person[k])
      return e;
  size_t designated = latin_chain(n, i); /* BrightPath Health Inc. */
  if (designated)
    return designated;
  tt_n_add(n, i, e, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org shares-of");
  return e;
}

/* "shares of Rivian Automotive", "a stake in Walt Disney", "owns shares of
 * Apple, Google (A shares) and Walt Disney": what has shares is a
 * company, even where a person rule or a place read the words as a
 * person's or a place's; each company of a list after them too.  Called
 * at the capitalised word after "of"/"in"; returns the end of the last
 * name, or 0. */
static size_t shares_of(tt_names *n, size_t i) {
  static const tt_suffix holdings[] = {TT_SFX("shares"), TT_SFX("stake"), TT_SFX("stakes"),
                                       TT_SFX("stock"), TT_SFX_END};
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end;
  if (i < n->para->tok_begin + 2 || d->toks[i].script != TT_SCRIPT_LATIN ||
      !(tt_n_is(n, i - 1, "of") || tt_n_is(n, i - 1, "in")) ||
      !tt_n_is_any(n, i - 2, holdings))
    return 0;
  size_t k = i, last = 0;
  for (int items = 0; items < 12; items++) {
    size_t e = shares_item(n, k, items == 0);
    if (e == k)
      break;
    last = e;
    size_t p = e;
    /* a bracket after a name, (A shares) or a ticker, and the list's
     * comma and "and" */
    if (p < end && d->toks[p].hash == n->punct_hash[TT_N_OPEN_PAREN]) {
      size_t q = p + 1;
      while (q < end && q - p < 8 && d->toks[q].hash != n->punct_hash[TT_N_CLOSE_PAREN])
        q++;
      if (q >= end || d->toks[q].hash != n->punct_hash[TT_N_CLOSE_PAREN])
        break;
      p = q + 1;
    }
    size_t before = p;
    if (p < end && tt_n_is(n, p, ","))
      p++;
    if (p < end && tt_n_is(n, p, "and"))
      p++;
    if (p == before || p >= end || d->toks[p].script != TT_SCRIPT_LATIN ||
        !(tt_n_title(n, p) || tt_n_upper(n, p) || tt_n_camel(n, p)))
      break;
    k = p;
  }
  return last;
}

/* Can token e be a word of an English company's name that nothing else
 * explains: capitalised (or camel case, CamelCo), in none of the classes
 * `not_name`, no person's, no listed name's, no attribute (India-based)? */
static int unexplained_latin_word(const tt_names *n, size_t e, unsigned not_name) {
  const tt_token *t = &n->doc->toks[e];
  return t->kind == TEITAG_TOKEN_WORD && t->script == TT_SCRIPT_LATIN &&
         (tt_n_title(n, e) || tt_n_upper(n, e) || tt_n_camel(n, e)) &&
         !(tt_n_class(n, e) & not_name) && !n->gaz_type[e] && !n->person[e] &&
         !tt_n_attribute_len(n, e);
}

/* Does the business word at token j say that the name before it is a
 * company's?  After a possessive (Halvorn's earnings, Zorvex' board) any
 * of them; after the bare name only what no place, team or person has
 * by that name: Zorvex shares, Zorvex shareholders, Zorvex CEO, Zorvex
 * chief executive, Zorvex managing director (not "Christmas sales",
 * "Mosul operations", "School board"). */
static int business_after(const tt_names *n, size_t j, int possessive) {
  static const tt_suffix bare[] = {TT_SFX("shares"), TT_SFX("shareholders"),
      TT_SFX("stockholders"), TT_SFX("subsidiary"), TT_SFX("ceo"), TT_SFX("cfo"),
      TT_SFX_END};
  static const tt_suffix two_words[] = {TT_SFX("chief"), TT_SFX("managing"),
      TT_SFX("share"), TT_SFX_END};
  static const tt_suffix second[] = {TT_SFX("executive"), TT_SFX("director"),
      TT_SFX("financial"), TT_SFX("operating"), TT_SFX("price"), TT_SFX_END};
  const tt_token *t = &n->doc->toks[j];
  /* lower case, or CEO: a headline in Title Case proves nothing */
  if (!(tt_n_class(n, j) & TT_WC_BUSINESS) || t->script != TT_SCRIPT_LATIN ||
      (t->lcase != TEITAG_CASE_LOWER && !tt_n_is(n, j, "ceo") && !tt_n_is(n, j, "cfo")))
    return 0;
  if (tt_n_is_any(n, j, two_words))
    return j + 1 < n->para->tok_end && n->doc->toks[j + 1].lcase == TEITAG_CASE_LOWER &&
           tt_n_is_any(n, j + 1, second) && (possessive || !tt_n_is(n, j, "share"));
  return possessive || tt_n_is_any(n, j, bare);
}

/* Zorvex shares fell, Halvorn's quarterly earnings, Brightfen chief
 * executive Tom Ward: one to three capitalised Latin words that nothing
 * else explains, before what only a company has.  Called at the first
 * word; returns the end of the name, or 0.  Not a name that goes on to
 * the left (Bank of Zorvex shares, Air Zorvex CEO), nor a people, a
 * faith or a month (Chinese shares, Christmas sales), nor a sentence's
 * first word before what a sector has too (Oil shares). */
static size_t company_context(tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  const unsigned not_name = TT_WC_FUNCTION | TT_WC_MONTH | TT_WC_ROLE | TT_WC_EN_ROLE |
                            TT_WC_COMPASS | TT_WC_SAYING | TT_WC_PLACE_TYPE |
                            TT_WC_ORG_HEAD | TT_WC_BUSINESS;
  size_t end = n->para->tok_end, e = i;
  if (i > n->para->tok_begin && !tt_n_sentence_start(n, i) &&
      (tt_n_title(n, i - 1) || tt_n_upper(n, i - 1) || tt_n_is(n, i - 1, "of")))
    return 0;
  while (e < end && e - i < 3 && unexplained_latin_word(n, e, not_name) &&
         !tt_n_demonym_like(n, e))
    e++;
  /* Class A shares, (C shares): a share class */
  if (e == i || e + 1 >= end || d->toks[e - 1].end - d->toks[e - 1].start == 1)
    return 0;
  int possessive = tt_n_is(n, e, "'s") || tt_n_is(n, e, "'");
  size_t j = possessive ? e + 1 : e;
  if (j >= end || !business_after(n, j, possessive))
    return 0;
  /* Oil shares, Energy stockholders: a sentence's first word alone is as
   * often a sector; but a sector has no chief executive, and two words
   * are a name (Copper Lane shares) */
  if (!possessive && tt_n_sentence_start(n, i) && e == i + 1 &&
      !tt_n_is(n, j, "chief") && !tt_n_is(n, j, "managing") && !tt_n_is(n, j, "ceo") &&
      !tt_n_is(n, j, "cfo"))
    return 0;
  tt_n_add(n, i, e, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org company-context");
  return e;
}

/* Capitals with a digit are a model's or a document's code (H5N1, A320,
 * SSJ100, Су-25, ФС77), not an organisation's name.  The few bodies named
 * so (G7, G20) are listed. */
static int code_like(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  const char *s = n->doc->keys.data + t->key;
  for (size_t k = 0; k < t->key_len; k++)
    if (s[k] >= '0' && s[k] <= '9')
      return 1;
  return 0;
}

/* logistics firm Dunmore Freight, Danish lender Tollund, carmaker
 * Zorvex: the capitalised words after a lower-case noun for a company
 * (TT_WC_FIRM) that nothing else explains, up to four.  Called at the
 * first word; returns the end of the name, or 0. */
static size_t firm_named(tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  const unsigned not_name = TT_WC_FUNCTION | TT_WC_MONTH | TT_WC_ROLE | TT_WC_EN_ROLE |
                            TT_WC_SAYING | TT_WC_BUSINESS;
  size_t end = n->para->tok_end, e = i;
  if (i == n->para->tok_begin || !(tt_n_class(n, i - 1) & TT_WC_FIRM) ||
      d->toks[i - 1].lcase != TEITAG_CASE_LOWER || d->toks[i - 1].script != TT_SCRIPT_LATIN)
    return 0;
  /* an adjective inside the name is the name's (firm Dunmore Global
   * Services), not before it (company German Zorvex); a ticker with a
   * digit is no word of it (TomTom TOM2) */
  while (e < end && e - i < 4 && unexplained_latin_word(n, e, not_name) &&
         (e > i || !tt_n_demonym_like(n, e)) && !code_like(n, e))
    e++;
  /* a longer name goes on (firm Dunmore Bank of Ireland): not this one;
   * nor the one who made the company (the firm Ramsey founded) */
  static const tt_suffix makers[] = {TT_SFX("founded"), TT_SFX("co-founded"),
      TT_SFX("built"), TT_SFX("created"), TT_SFX("started"), TT_SFX("owned"),
      TT_SFX("owns"), TT_SFX("ran"), TT_SFX("runs"), TT_SFX("led"), TT_SFX("leads"),
      TT_SFX("heads"), TT_SFX("headed"), TT_SFX("set"), TT_SFX("bought"),
      TT_SFX("controls"), TT_SFX("controlled"), TT_SFX("launched"), TT_SFX_END};
  if (e == i || (e < end && (n->gaz_type[e] || n->person[e] || tt_n_is_any(n, e, makers))))
    return 0;
  tt_n_add(n, i, e, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org firm+name");
  return e;
}

/* УФСБ по Свердловской области, ГУ МВД по Москве, УФНС по Татарстану: a
 * regional office's abbreviation (one or two in capitals), "по" and the
 * listed region it serves.  Called at a word in Cyrillic capitals. */
static size_t office_by_region(tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end, j = i;
  while (j < end && j - i < 2 && d->toks[j].script == TT_SCRIPT_CYRILLIC &&
         d->toks[j].lcase == TEITAG_CASE_UPPER && d->toks[j].end - d->toks[j].start <= 12 &&
         n->gaz_type[j] != TEITAG_TYPE_LOC && n->gaz_type[j] != TEITAG_TYPE_PER)
    j++;
  /* not a listed body alone (фур из ЕС по Белоруссии, миссии ООН по
   * Украине: "по" is "through", "on"), nor a country after "по" */
  if (j == i || j + 1 >= end || !tt_n_is(n, j, "по") || n->gaz_type[i] == TEITAG_TYPE_ORG ||
      n->gaz_type[j + 1] != TEITAG_TYPE_LOC || !n->gaz_end[j + 1])
    return 0;
  const tt_span *region = tt_n_candidate_at(n, j + 1);
  if (!region || !region->source || tt_n_listed_in(d, region, "countries"))
    return 0;
  size_t last = n->gaz_end[j + 1];
  tt_n_add(n, i, last, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org office+region");
  return last;
}

/* Is there a score at token i (2-0, 1–1)?  Its end, or 0. */
static size_t score_at(const tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  if (i + 2 < n->para->tok_end && d->toks[i].kind == TEITAG_TOKEN_NUMBER &&
      d->toks[i].end - d->toks[i].start <= 2 && tt_n_is(n, i + 1, "-") &&
      !(d->toks[i + 1].flags & TT_TOK_SPACE_BEFORE) &&
      d->toks[i + 2].kind == TEITAG_TOKEN_NUMBER &&
      !(d->toks[i + 2].flags & TT_TOK_SPACE_BEFORE) &&
      d->toks[i + 2].end - d->toks[i + 2].start <= 2)
    return i + 3;
  return 0;
}

/* Makes the capitalised words [b, e) a team: a club is an organisation,
 * named like a city or not (Liverpool, Arsenal); a country stays the
 * place, as sports news in every annotation scheme keeps it, and so do
 * the nations of the United Kingdom, which field their own teams. */
static void team(tt_names *n, size_t b, size_t e) {
  static const char *const nations[] = {"loc-england", "loc-scotland", "loc-wales",
                                        "loc-northern-ireland", NULL};
  if (n->gaz_type[b] == TEITAG_TYPE_ORG || b == e)
    return;
  if (n->gaz_type[b] == TEITAG_TYPE_LOC && n->gaz_end[b] == e) {
    const tt_span *listed = tt_n_candidate_at(n, b);
    const char *ref = listed && listed->ref ? tt_doc_get_str(n->doc, listed->ref) : "";
    int nation = 0;
    for (size_t k = 0; nations[k]; k++)
      nation |= strcmp(ref, nations[k]) == 0;
    if (!nation && !tt_n_listed_in(n->doc, listed, "countries") &&
        !tt_n_listed_in(n->doc, listed, "subdivisions"))
      tt_n_retype(n, b, e, TEITAG_TYPE_LOC, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM,
                  "rule:org match result");
    return;
  }
  for (size_t k = b; k < e; k++)
    if (n->gaz_type[k] || n->person[k])
      return;
  tt_n_add(n, b, e, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org match result");
}

/* "Arsenal beat Liverpool 2-0", "Chelsea lost 0-2 to Brentford": the
 * sides of a result with its score are teams.  Called at the verb. */
static void match_result(tt_names *n, size_t i) {
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end;
  if (i == n->para->tok_begin || i + 2 >= end)
    return;
  /* the side before the verb: up to three capitalised words */
  size_t b = i;
  while (b > n->para->tok_begin && i - b < 3 && d->toks[b - 1].script == TT_SCRIPT_LATIN &&
         (tt_n_title(n, b - 1) || tt_n_upper(n, b - 1)) &&
         !(tt_n_class(n, b - 1) & (TT_WC_FUNCTION | TT_WC_MONTH)))
    b--;
  size_t j = i + 1, score = score_at(n, j);
  if (score)
    j = score;
  if (j < end && (tt_n_is(n, j, "with") || tt_n_is(n, j, "to")))
    j++;
  size_t k = j;
  while (k < end && k - j < 3 && d->toks[k].script == TT_SCRIPT_LATIN &&
         (tt_n_title(n, k) || tt_n_upper(n, k)) &&
         !(tt_n_class(n, k) & (TT_WC_FUNCTION | TT_WC_MONTH)))
    k++;
  if (b == i || k == j || (!score && !score_at(n, k)))
    return;
  team(n, b, i);
  team(n, j, k);
}

static int common_acronym(const tt_names *n, size_t i);

/* reported by / according to X; X reports */
static size_t reported(tt_names *n, size_t i) {
  size_t end = n->para->tok_end;
  if (!(tt_n_class(n, i) & TT_WC_REPORT))
    return 0;
  size_t j = i + 1;
  if (j < end && tt_n_ends(n, i, "according") && tt_n_ends(n, j, "to"))
    j++;
  /* an agency's acronym too (передає УНН), not a common one (ВВП), nor
   * a legal form or a kind of outlet before a quoted name (ДП «…», ИА
   * «…»), which the quoted name's rules read */
  if (j >= end || n->gaz_type[j] || n->person[j] ||
      !(tt_n_title(n, j) ||
        (tt_n_upper(n, j) && !common_acronym(n, j) &&
         !(j + 1 < end && tt_n_quote(n, j + 1) == 1))) ||
      (tt_n_class(n, j) & (TT_WC_MONTH | TT_WC_FUNCTION | TT_WC_LEGAL)) ||
      tt_n_sentence_start(n, j))
    return 0; /* "..., сообщает. Причиной ...": the next sentence */
  char g;
  unsigned f;
  if (tt_n_given(n, j, &g, &f))
    return 0;
  size_t k = j;
  while (k < end && k - j < 3 && (tt_n_title(n, k) || tt_n_upper(n, k)) &&
         !n->gaz_type[k] && !n->person[k] && (k == j || !tt_n_sentence_start(n, k)))
    k++;
  /* a capitalised adjective before a lower-case noun is the start of a
   * longer description (сообщает Пакистанская служба ...) */
  if (k == j + 1 && k < end && n->doc->toks[k].lcase == TEITAG_CASE_LOWER &&
      n->doc->toks[j].script == TT_SCRIPT_CYRILLIC && adjective_like(n, j))
    return 0;
  tt_n_add(n, j, k, TEITAG_TYPE_ORG, TEITAG_CERT_LOW, "rule:org reported-by");
  return k;
}

/* Capitals that are not organisations' names. */
static int common_acronym(const tt_names *n, size_t i) {
  static const tt_suffix list[] = {
      TT_SFX("ceo"), TT_SFX("cfo"), TT_SFX("coo"), TT_SFX("cto"), TT_SFX("gdp"),
      TT_SFX("gnp"), TT_SFX("cpi"), TT_SFX("ipo"), TT_SFX("etf"), TT_SFX("erp"),
      TT_SFX("crm"), TT_SFX("bi"), TT_SFX("it"), TT_SFX("ai"), TT_SFX("pr"),
      TT_SFX("tv"), TT_SFX("pc"), TT_SFX("pdf"), TT_SFX("html"), TT_SFX("url"),
      TT_SFX("usb"), TT_SFX("sms"), TT_SFX("gps"), TT_SFX("dna"), TT_SFX("hiv"),
      TT_SFX("aids"), TT_SFX("covid"), TT_SFX("sars"), TT_SFX("vat"),
      TT_SFX("eps"), TT_SFX("roi"), TT_SFX("roe"), TT_SFX("ebitda"),
      TT_SFX("fy"), TT_SFX("am"), TT_SFX("pm"), TT_SFX("utc"), TT_SFX("gmt"),
      TT_SFX("usd"), TT_SFX("eur"), TT_SFX("gbp"), TT_SFX("jpy"), TT_SFX("cny"),
      TT_SFX("uah"), TT_SFX("rub"), TT_SFX("chf"), TT_SFX("ok"), TT_SFX("faq"),
      TT_SFX("id"), TT_SFX("vip"), TT_SFX("mp"), TT_SFX("mw"), TT_SFX("gw"),
      TT_SFX("kw"), TT_SFX("lng"), TT_SFX("lpg"), TT_SFX("uav"), TT_SFX("ngo"),
      TT_SFX("ii"), TT_SFX("iii"), TT_SFX("iv"), TT_SFX("vi"), TT_SFX("vii"),
      TT_SFX("viii"), TT_SFX("ix"), TT_SFX("xi"), TT_SFX("xii"), TT_SFX("xx"),
      TT_SFX("xxi"), TT_SFX("ввп"), TT_SFX("днк"), TT_SFX("пдв"), TT_SFX("ндс"),
      TT_SFX("змі"), TT_SFX("сми"), TT_SFX("иа"), TT_SFX("іа"), TT_SFX("тец"), TT_SFX("тэц"), TT_SFX("аес"),
      TT_SFX("аэс"), TT_SFX("гес"), TT_SFX("гэс"), TT_SFX("леп"), TT_SFX("дтп"),
      TT_SFX("мвт"), TT_SFX("гвт"), TT_SFX("квт"), TT_SFX("ооо"), TT_SFX("тов"),
      TT_SFX("пат"), TT_SFX("ат"), TT_SFX("зно"), TT_SFX("ато"), TT_SFX("ооп"),
      TT_SFX("сво"), TT_SFX("бпла"), TT_SFX("рсзв"), TT_SFX("ппо"),
      TT_SFX("пво"), TT_SFX("ндр"), TT_SFX("ссср"), TT_SFX("срср"),
      TT_SFX("рф"), TT_SFX("сша"), TT_SFX("covid-19"), TT_SFX("ивл"),
      TT_SFX("швл"), TT_SFX("мрт"), TT_SFX("пцр"), TT_SFX("пцр-тест"),
      /* roles, products, measures and weapons business and war reports
       * abbreviate */
      TT_SFX("cio"), TT_SFX("cmo"), TT_SFX("ciso"), TT_SFX("suv"),
      TT_SFX("otc"), TT_SFX("atm"), TT_SFX("kpi"), TT_SFX("esg"), TT_SFX("api"),
      TT_SFX("saas"), TT_SFX("aum"), TT_SFX("nav"), TT_SFX("yoy"),
      TT_SFX("ytd"), TT_SFX("fdi"), TT_SFX("sme"), TT_SFX("smes"),
      TT_SFX("peg"), TT_SFX("hsa"), TT_SFX("ied"), TT_SFX("vbied"),
      TT_SFX("rpg"), TT_SFX("mri"), TT_SFX("pcr"), TT_SFX_END};
  return tt_n_is_any(n, i, list);
}

/* Roman numerals, in Latin letters or their Cyrillic look-alikes (ХХ). */
static int roman_numeral(const tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  const unsigned char *s = (const unsigned char *)n->doc->keys.data + t->key;
  for (size_t k = 0; k < t->key_len;) {
    uint32_t cp;
    k += tt_utf8_next(s + k, &cp);
    if (!strchr("ivxlcm", (int)(cp < 0x80 ? cp : 0)) &&
        cp != 0x456 && cp != 0x445 && cp != 0x441 && cp != 0x43C) /* і х с м */
      return 0;
  }
  return 1;
}

/* 93-тя окрема механізована бригада «Холодний Яр», 105-й окремій бригаді
 * територіальної оборони, 58-я общевойсковая армия: a number, its
 * ordinal ending, lower-case adjectives and a unit's head noun, then an
 * adjective and noun in the genitive, a listed organisation and a quoted
 * name if they follow; without adjectives, an ordinal and one of those
 * after the head (810-ї бригади морської піхоти).  Called at a number in
 * Cyrillic text. */
static size_t numbered_unit(tt_names *n, size_t i) {
  static const tt_suffix genitive_adjective[] = {
      TT_SFX("ої"), TT_SFX("ого"), TT_SFX("ой"), TT_SFX("их"), TT_SFX("ых"), TT_SFX_END};
  const teitag_doc *d = n->doc;
  size_t end = n->para->tok_end, j = i + 1;
  const tt_token *num = &d->toks[i];
  if (num->end - num->start > 4 || j + 1 >= end)
    return 0;
  /* the ordinal ending, glued by a hyphen: 93-тя, 58-я, 3-ї */
  int ordinal = 0;
  if (tt_n_is(n, j, "-") && !(d->toks[j].flags & TT_TOK_SPACE_BEFORE) && j + 1 < end &&
      d->toks[j + 1].kind == TEITAG_TOKEN_WORD && d->toks[j + 1].script == TT_SCRIPT_CYRILLIC &&
      d->toks[j + 1].key_len <= 6) {
    j += 2;
    ordinal = 1;
  }
  /* the head noun first, a word class in the token: most numbers count
   * or date something else (5 років, 2024 року) */
  size_t h = j;
  while (h < end && h - j <= 4 && !(tt_n_class(n, h) & TT_WC_MIL_UNIT))
    h++;
  if (h >= end || h - j > 4 || (h == j && !ordinal))
    return 0;
  /* the number's text last: reading it costs a cache miss the tokens do not */
  for (size_t k = num->start; k < num->end; k++)
    if (d->text[k] < '0' || d->text[k] > '9')
      return 0; /* 1,5 or 2024.05 counts nothing */
  /* one to four adjectives, then the head noun: a count of units (2
   * батальйону, 30 бійців батальйону) has none */
  static const tt_suffix adjective_endings[] = {
      TT_SFX("а"),  TT_SFX("я"),  TT_SFX("е"),  TT_SFX("і"),   TT_SFX("у"),
      TT_SFX("ий"), TT_SFX("ій"), TT_SFX("ої"), TT_SFX("ого"), TT_SFX("ому"),
      TT_SFX("ою"), TT_SFX("им"), TT_SFX("их"), TT_SFX("ім"),  TT_SFX("ый"),
      TT_SFX("ой"), TT_SFX("ым"), TT_SFX("ых"), TT_SFX("ую"),  TT_SFX("ые"),
      TT_SFX("ие"), TT_SFX_END};
  size_t adjectives = 0;
  while (j < end && adjectives <= 3 && d->toks[j].kind == TEITAG_TOKEN_WORD &&
         d->toks[j].script == TT_SCRIPT_CYRILLIC && d->toks[j].lcase == TEITAG_CASE_LOWER &&
         !(tt_n_class(n, j) & (TT_WC_MIL_UNIT | TT_WC_FUNCTION | TT_WC_MONTH)) &&
         tt_n_ends_any(n, j, adjective_endings)) {
    j++;
    adjectives++;
  }
  if ((!adjectives && !ordinal) || j >= end || !(tt_n_class(n, j) & TT_WC_MIL_UNIT) ||
      d->toks[j].lcase != TEITAG_CASE_LOWER)
    return 0;
  size_t last = ++j, bare = last; /* 810-ї бригади: a name only with more */
  /* територіальної оборони, морской пехоты */
  if (j + 1 < end && d->toks[j].lcase == TEITAG_CASE_LOWER &&
      d->toks[j + 1].lcase == TEITAG_CASE_LOWER && d->toks[j + 1].kind == TEITAG_TOKEN_WORD &&
      d->toks[j].script == TT_SCRIPT_CYRILLIC && tt_n_ends_any(n, j, genitive_adjective) &&
      !(tt_n_class(n, j + 1) & TT_WC_FUNCTION))
    last = j = j + 2;
  /* ЗСУ, Національної гвардії України */
  if (j < end && n->gaz_type[j] == TEITAG_TYPE_ORG && n->gaz_end[j] > j)
    last = j = n->gaz_end[j];
  /* «Холодний Яр» */
  if (j < end && tt_n_quote(n, j) == 1 && name_inside(n, j)) {
    size_t close = closing_quote(n, j);
    if (close)
      last = close + 1;
  }
  if (!adjectives && last == bare)
    return 0; /* "1-й армии" alone is as often the count's order */
  tt_n_add(n, i, last, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org numbered unit");
  return last;
}

/* «ІНГО Україна», "Microsoft Ukraine": a quoted name of capitalised words
 * that ends in a country or city is a company's branch or a title, not
 * the place; as an organisation it is a weak guess. */
static size_t quoted_with_place(tt_names *n, size_t q) {
  if (tt_n_quote(n, q) != 1 || q + 3 >= n->para->tok_end || !name_inside(n, q))
    return 0;
  size_t close = closing_quote(n, q);
  if (!close || close < q + 3)
    return 0;
  size_t last = close - 1;
  if (n->gaz_type[last] != TEITAG_TYPE_LOC || (last > q + 1 && n->gaz_type[last - 1]) ||
      n->gaz_type[q + 1] || n->person[q + 1])
    return 0;
  for (size_t k = q + 1; k < last; k++)
    if (n->doc->toks[k].kind != TEITAG_TOKEN_WORD ||
        (!tt_n_title(n, k) && !tt_n_upper(n, k) &&
         n->doc->toks[k].lcase != TEITAG_CASE_MIXED))
      return 0;
  tt_n_add(n, q + 1, close, TEITAG_TYPE_ORG, TEITAG_CERT_LOW, "rule:org quoted+place");
  return close + 1;
}

/* Блю Стрим Пайплайн Компани Б.В., Газпром Маркетинг энд Трейдинг
 * Лимитед: foreign companies in Cyrillic keep the English order, the
 * designator last.  Capitalised Cyrillic words (and "энд", "&") up to a
 * run of designators are one organisation. */
static size_t cyrillic_designated(tt_names *n, size_t i) {
  size_t end = n->para->tok_end, j = i, words = 0;
  if (n->doc->toks[i].script != TT_SCRIPT_CYRILLIC ||
      (!tt_n_title(n, i) && !tt_n_upper(n, i)) ||
      (tt_n_class(n, i) & (TT_WC_LEGAL | TT_WC_FUNCTION)))
    return 0;
  while (j < end && words < 8) {
    const tt_token *t = &n->doc->toks[j];
    int cap = t->kind == TEITAG_TOKEN_WORD && t->script == TT_SCRIPT_CYRILLIC &&
              (t->lcase == TEITAG_CASE_TITLE || t->lcase == TEITAG_CASE_UPPER ||
               t->lcase == TEITAG_CASE_MIXED);
    int joiner = j > i && j + 1 < end &&
                 (tt_n_is(n, j, "энд") || tt_n_is(n, j, "енд") ||
                  tt_n_punct(n, j, TT_N_AMPERSAND));
    if (cap && (tt_n_class(n, j) & TT_WC_LEGAL))
      break;
    if (!cap && !joiner)
      return 0;
    j++;
    words++;
  }
  /* ТОВ, ООО precede their names (Засновниками ТОВ «Альфа») */
  if (j >= end || j == i ||
      (tt_n_class(n, j) & (TT_WC_LEGAL | TT_WC_LEGAL_BEFORE)) != TT_WC_LEGAL)
    return 0;
  while (j < end &&
         (tt_n_class(n, j) & (TT_WC_LEGAL | TT_WC_LEGAL_BEFORE)) == TT_WC_LEGAL &&
         (tt_n_title(n, j) || tt_n_upper(n, j)))
    j++;
  tt_n_add(n, i, j, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, "rule:org name+designator");
  return j;
}

/* An ISO 4217 code (INR, CHF, UAH): a currency, however often repeated. */
static int currency_code(const tt_names *n, size_t i) {
  tt_cur_match m;
  return tt_currency_init(NULL) == TEITAG_OK &&
         tt_currency_before(n->doc, i, i + 1, &m) && m.ntok == 1;
}

/* An acronym nothing else explains, repeated in the document, in a
 * sentence not in capitals: most are organisations (KPMG, ДТЕК); a weak
 * guess.  One defined in brackets after a full name is handled by
 * propagation. */
static void acronym(tt_names *n, size_t i) {
  const tt_token *t = &n->doc->toks[i];
  size_t end = n->para->tok_end;
  if (!tt_n_upper(n, i) || n->gaz_type[i] || n->person[i] || t->key_len < 3 ||
      (t->key_len > 6 && tt_utf8_count(n->doc->keys.data + t->key, t->key_len) > 6) ||
      (t->flags & TT_TOK_ABBREV) || common_acronym(n, i) || roman_numeral(n, i) ||
      code_like(n, i) ||
      (tt_n_class(n, i) & (TT_WC_FUNCTION | TT_WC_LEGAL | TT_WC_MONTH)) ||
      tt_n_caps_count(n, t->hash) < 2 || currency_code(n, i))
    return;
  if ((i > n->para->tok_begin && tt_n_upper(n, i - 1)) ||
      (i + 1 < end && tt_n_upper(n, i + 1)))
    return; /* a headline in capitals */
  char gender;
  unsigned flags;
  if (tt_n_given(n, i, &gender, &flags))
    return; /* a name in capitals, as some agencies write them: KIM Jong Il */
  tt_n_add(n, i, i + 1, TEITAG_TYPE_ORG, TEITAG_CERT_LOW, "rule:org acronym");
}

/* The source of ministry_short's spans, which tt_rules_org_of_place
 * extends like a gazetteer organisation's. */
#define SOURCE_MINISTRY "rule:org ministry"

/* МЗС, Минздрава, Міноборони: the short names of ministries, which every
 * government has, name an organisation but not which country's; so no
 * gazetteer lists them alone, and the place after them, where there is
 * one, makes the name whole (МЗС Японії: tt_rules_org_of_place). */
static size_t ministry_short(tt_names *n, size_t i) {
  if (!(tt_n_class(n, i) & TT_WC_MINISTRY) || n->gaz_type[i] || n->person[i])
    return 0;
  tt_n_add(n, i, i + 1, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM, SOURCE_MINISTRY);
  return i + 1;
}

void tt_rules_org(tt_names *n) {
  /* few paragraphs hold a Cyrillic designator: look for one once */
  int designators = 0;
  if (n->para->classes & TT_WC_LEGAL)
    for (size_t k = n->para->tok_begin; k < n->para->tok_end && !designators; k++)
      designators = (tt_n_class(n, k) & (TT_WC_LEGAL | TT_WC_LEGAL_BEFORE)) == TT_WC_LEGAL &&
                    n->doc->toks[k].script == TT_SCRIPT_CYRILLIC;
  /* the rules add spans, never tokens */
  const tt_token *toks = n->doc->toks;
  const size_t end = n->para->tok_end;
  for (size_t i = n->para->tok_begin; i < end; i++) {
    /* Every rule starts at an opening quote, a capitalised word, or a
     * legal form, head or verb of reporting; other tokens are passed over
     * here rather than by each rule in turn. */
    const tt_token *t = &toks[i];
    if (t->kind == TEITAG_TOKEN_PUNCT) {
      /* a quote opens a quoted name, a bracket a ticker: every comma and
       * full stop is passed over on its key's hash */
      if (t->hash != n->punct_hash[TT_N_QUOTE] && t->hash != n->punct_hash[TT_N_APOSTROPHE] &&
          t->hash != n->punct_hash[TT_N_OPEN_PAREN])
        continue;
      size_t after = quoted_with_place(n, i);
      if (after)
        i = after - 1;
      else if (t->hash == n->punct_hash[TT_N_OPEN_PAREN])
        ticker(n, i);
      continue;
    }
    if (t->kind == TEITAG_TOKEN_NUMBER) {
      size_t after = n->para->lang != TEITAG_LANG_EN ? numbered_unit(n, i) : 0;
      if (after)
        i = after - 1;
      continue;
    }
    if (t->kind == TEITAG_TOKEN_WORD && t->lcase == TEITAG_CASE_LOWER) {
      if (t->classes & TT_WC_RESULT)
        match_result(n, i);
      if (t->classes & TT_WC_ORG_HEAD) {
        size_t after = body_of_place(n, i);
        if (after) {
          i = after - 1;
          continue;
        }
      }
      if (i + 1 < end && toks[i + 1].hash == n->punct_hash[TT_N_QUOTE]) {
        size_t after = adjective_quoted(n, i);
        if (after) {
          i = after - 1;
          continue;
        }
      }
    }
    if (t->kind != TEITAG_TOKEN_WORD ||
        (t->lcase != TEITAG_CASE_TITLE && t->lcase != TEITAG_CASE_UPPER && !tt_n_camel(n, i) &&
         !(tt_n_class(n, i) & (TT_WC_LEGAL | TT_WC_ORG_HEAD | TT_WC_REPORT | TT_WC_MINISTRY |
                               TT_WC_ORG_PERSON))))
      continue;
    if (tt_n_attribute_split(n, i) && !n->gaz_type[i])
      continue; /* Iranian-born: what the gazetteer does not know there, no rule names */
    /* a designator makes the words before it a company's even where a
     * person rule saw a surname (Грін Веллі Трейдинг Лімітед) */
    size_t next = designators ? cyrillic_designated(n, i) : 0;
    if (!next)
      next = shares_of(n, i);
    if (!next && n->person[i])
      continue;
    if (!next && t->lcase == TEITAG_CASE_UPPER && t->script == TT_SCRIPT_CYRILLIC)
      next = office_by_region(n, i);
    if (!next)
      next = ministry_short(n, i);
    if (!next)
      next = legal_form_quoted(n, i);
    if (!next)
      next = head_quoted(n, i);
    if (!next && (!n->gaz_type[i] || place_adjective(n, i)))
      next = cyrillic_chain(n, i);
    if (!next && !n->gaz_type[i])
      next = latin_chain(n, i);
    if (!next && !n->gaz_type[i] && t->script == TT_SCRIPT_LATIN)
      next = company_context(n, i);
    if (!next && !n->gaz_type[i] && t->script == TT_SCRIPT_LATIN)
      next = firm_named(n, i);
    if (!next)
      next = reported(n, i);
    if (next)
      i = next - 1;
    else
      acronym(n, i);
  }
}

/* Does the organisation's name at sp start in the genitive, as the
 * complement of a name before it (управление [Следственного комитета],
 * комітет [Верховної Ради], секретариат [ОБСЕ])?  An acronym does not
 * decline; a gazetteer form says its case; else an adjective's ending. */
static int genitive_org(const teitag_doc *d, const tt_span *sp) {
  static const char *const endings[] = {"ого", "ої", "ой", "ей", "их", "ых", NULL};
  const tt_token *t = &d->toks[sp->tok_begin];
  if (t->script != TT_SCRIPT_CYRILLIC)
    return 0;
  if (t->lcase == TEITAG_CASE_UPPER)
    return 1;
  const char *src = tt_doc_get_str(d, sp->source);
  if (src && strncmp(src, "gazetteer", 9) == 0)
    return sp->infl_case == TT_CASE_GEN + 1;
  if (t->lcase != TEITAG_CASE_TITLE)
    return 0;
  const char *key = d->keys.data + t->key;
  for (size_t k = 0; endings[k]; k++) {
    size_t len = strlen(endings[k]);
    if (t->key_len > len + 2 && memcmp(key + t->key_len - len, endings[k], len) == 0)
      return 1;
  }
  return 0;
}

/* An organisation's name, by its tokens: what org_of_org sorts. */
typedef struct {
  uint32_t tok_begin, tok_end, span;
} org_tokens;

static int by_tok_begin(const void *a, const void *b) {
  const org_tokens *x = a, *y = b;
  return x->tok_begin < y->tok_begin ? -1 : x->tok_begin > y->tok_begin;
}

/* The longest name starting at token `tok` that may be the genitive
 * complement of the name before it, or NULL. */
static const tt_span *complement_at(const tt_names *n, const org_tokens *v,
                                    size_t count, uint32_t tok) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (v[mid].tok_begin < tok)
      lo = mid + 1;
    else
      hi = mid;
  }
  const tt_span *best = NULL;
  for (; lo < count && v[lo].tok_begin == tok; lo++) {
    const tt_span *sp = &n->doc->spans[v[lo].span];
    /* not a company after another (ДП «КТ» ТОВ «Х»), which is a list */
    if ((!best || sp->tok_end > best->tok_end) &&
        !(tt_n_class(n, sp->tok_begin) & TT_WC_LEGAL) && genitive_org(n->doc, sp))
      best = sp;
  }
  return best;
}

/* Управління освіти Зіньківської міськради, Главное управление МВД
 * России: an organisation
 * whose genitive complement is another organisation's name is one name
 * with it.  The names are paired by their tokens first: reading the
 * tokens of every name would cost a cache miss each on a long text. */
static void org_of_org(tt_names *n) {
  teitag_doc *d = n->doc;
  size_t n_spans = d->n_spans, count = 0;
  org_tokens *orgs = NULL;
  for (size_t s = 0; s < n_spans; s++) {
    const tt_span *sp = &d->spans[s];
    /* the first token of an organisation some spans ahead, so that its
     * load overlaps with the work on this one */
    if (s + 32 < n_spans && d->spans[s + 32].type == TEITAG_TYPE_ORG &&
        d->spans[s + 32].tok_begin < d->n_toks)
      TT_PREFETCH(&d->toks[d->spans[s + 32].tok_begin]);
    if (sp->type != TEITAG_TYPE_ORG || sp->tok_end == UINT32_MAX ||
        sp->cert < TEITAG_CERT_MEDIUM ||
        d->toks[sp->tok_begin].script != TT_SCRIPT_CYRILLIC)
      continue; /* both names of a pair are Cyrillic (genitive_org) */
    if (!orgs)
      orgs = tt_xmalloc(n_spans * sizeof *orgs);
    orgs[count++] = (org_tokens){sp->tok_begin, sp->tok_end, (uint32_t)s};
  }
  if (count < 2) {
    free(orgs);
    return;
  }
  qsort(orgs, count, sizeof *orgs, by_tok_begin);
  for (size_t k = 0; k < count; k++) {
    const tt_span *next = complement_at(n, orgs, count, orgs[k].tok_end);
    if (!next)
      continue;
    const tt_span sp = d->spans[orgs[k].span]; /* a copy: adding spans moves them */
    if (d->toks[sp.tok_begin].script != TT_SCRIPT_CYRILLIC ||
        d->toks[sp.tok_begin].lcase == TEITAG_CASE_LOWER ||
        d->toks[sp.tok_end].start != sp.end + 1 || d->text[sp.end] != ' ')
      continue; /* one space apart, no punctuation or line between */
    /* a company's quoted name is whole (КП «Ритуал» міськради is the
     * council's company, two names); and an acronym after the full name
     * it stands for is its apposition (Международная федерация футбола
     * ФИФА) */
    if ((tt_n_class(n, sp.tok_begin) & TT_WC_LEGAL) ||
        (sp.ref && next->ref &&
         strcmp(tt_doc_get_str(d, sp.ref), tt_doc_get_str(d, next->ref)) == 0))
      continue;
    uint32_t end = next->tok_end;
    tt_doc_add_token_span(d, sp.tok_begin, end, TEITAG_TYPE_ORG, TEITAG_CERT_MEDIUM,
                          "rule:org organisation+organisation");
  }
  free(orgs);
}

/* Верховна Рада Автономної Республіки Крим, Міністерство юстиції Грузії,
 * Совет министров Республики Крым: a known organisation followed by a
 * known place in the genitive is one organisation's name.  Only where the
 * place's case form says genitive: a nominative after an organisation
 * starts a new phrase ("МВФ Україна отримала"). */
void tt_rules_org_of_place(tt_names *n) {
  teitag_doc *d = n->doc;
  size_t n_spans = d->n_spans;
  uint32_t *gen_end = NULL;
  /* only the gazetteer's candidates, the spans before the rules', have a
   * case (infl_case) */
  for (size_t s = 0; s < n->n_candidates; s++) {
    const tt_span *sp = &d->spans[s];
    if (sp->type != TEITAG_TYPE_LOC || sp->infl_case != TT_CASE_GEN + 1 ||
        sp->tok_end == UINT32_MAX)
      continue;
    if (!gen_end)
      gen_end = tt_xcalloc(d->n_toks + 1, sizeof *gen_end);
    if (sp->tok_end > gen_end[sp->tok_begin])
      gen_end[sp->tok_begin] = sp->tok_end;
  }
  for (size_t s = 0; gen_end && s < n_spans; s++) {
    const tt_span sp = d->spans[s]; /* a copy: adding spans moves them */
    const char *src = tt_doc_get_str(d, sp.source);
    if (sp.type != TEITAG_TYPE_ORG || sp.tok_end == UINT32_MAX ||
        sp.tok_end >= d->n_toks || !gen_end[sp.tok_end] || !src ||
        (strncmp(src, "gazetteer", 9) != 0 && strcmp(src, SOURCE_MINISTRY) != 0) ||
        d->toks[sp.tok_begin].script != TT_SCRIPT_CYRILLIC)
      continue;
    const tt_token *place = &d->toks[sp.tok_end];
    if (memchr(d->text + sp.end, '\n', place->start - sp.end))
      continue; /* another paragraph */
    tt_doc_add_token_span(d, sp.tok_begin, gen_end[sp.tok_end], TEITAG_TYPE_ORG,
                          TEITAG_CERT_MEDIUM, "rule:org organisation+place");
  }
  free(gen_end);
  org_of_org(n);
}
