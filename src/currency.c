/* SPDX-License-Identifier: MIT
 *
 * currency.c -- the currency lexicon: what ICU/CLDR knows, plus what it
 * does not, matched on the document's tokens.
 *
 * From ICU/CLDR (read once per process, in tt_currency_init):
 *   - every current ISO 4217 code (ucurr_openISOCurrencies);
 *   - the symbols and narrow symbols of each currency in the en, uk and ru
 *     locales ($ € £ ₴ ₽ A$ CA$ HK$ CN¥ ¥ zł ...);
 *   - the long name and the plural names (CLDR plural categories) of each
 *     currency in those locales ("US dollars", "доларів США", "українських
 *     гривень", "британских фунтов стерлингов"), matched as token
 *     sequences.  The country words of these names also become qualifiers
 *     of the noun they go with: "австралійських доларів" teaches that an
 *     adjective on the stem австралійськ- makes a dollar Australian, in
 *     any case ("австралійськими доларами").
 * Written by hand below, because CLDR lacks them:
 *   - the case forms of the currency nouns (CLDR has only nominative and
 *     genitive forms with their adjective, not "доларами" or "рублей" on
 *     their own), and which currency a bare noun means (a dollar is USD,
 *     a pound GBP, a franc CHF);
 *   - press forms and abbreviations: US$, C$, S$, bucks, грн, руб., р.,
 *     дол., долл.;
 *   - subunits: cents, pence, p, копійок, копеек, коп.;
 *   - "sterling" and a few country words that CLDR names differently
 *     ("American dollars", "британських фунтів").
 * Scale words (bn, млн) and numerals are in number.c.
 *
 * After init everything is read-only, so any number of threads can match
 * at once.  Matching builds short keys in stack buffers; nothing is
 * allocated.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

#include "currency.h"
#include "lexicon.h"

/* ---- the tables ---------------------------------------------------------- */

enum {
  WHERE_PRE = 1u << 0,  /* may stand before the amount ($300, USD 5) */
  WHERE_POST = 1u << 1, /* may stand after it (300$, 5 доларів) */
  COND_TIGHT = 1u << 2, /* only attached to the number: 99p */
  COND_RU = 1u << 3,  /* only in Russian paragraphs: р. (in uk it is рік) */
  COND_LANG = 1u << 4 /* code by language: коп. is UAH in uk, RUB in ru */
};

/* One phrase of the lexicon: a sequence of token keys. */
typedef struct phrase {
  char code[4];
  uint8_t kind;  /* tt_cur_kind */
  uint8_t noun;  /* tt_cur_noun */
  uint8_t flags; /* TT_CURF_* */
  uint8_t cond;  /* WHERE_* | COND_* */
  uint8_t ntok;
  uint32_t exact; /* letters-only sign: offset of its exact spelling in
                     lexicon.exact (0: any case matches) */
} phrase;

typedef struct lexicon {
  tt_lex phrases; /* phrase key -> index into ph */
  tt_lex firsts;  /* the first token of every phrase */
  phrase *ph;
  size_t n_ph, cap_ph;
  tt_lex codes; /* lower-case ISO code -> index into iso */
  tt_lex quals; /* qualifier key -> index into iso */
  char (*iso)[4];
  size_t n_iso, cap_iso;
  tt_buf exact; /* NUL-terminated spellings; offset 0 is unused */
  teitag_status status;
  char error[128];
} lexicon;

static lexicon lx;
static pthread_once_t lx_once = PTHREAD_ONCE_INIT;

/* Longest phrase, in tokens ("Bosnia-Herzegovina convertible marks"). */
#define MAX_PHRASE 6
/* Longest key of a phrase or qualifier, in bytes. */
#define MAX_KEY 192

/* Separators inside phrase and qualifier keys; none can occur in a key. */
#define SEP_SPACE '\x1f' /* tokens with white space between them */
#define SEP_TIGHT '\x1e' /* tokens that touch: US$ */
#define SEP_NOUN '\x1d'  /* before the noun byte of a qualifier key */

/* The currencies that win when CLDR gives one sign or word to several
 * (narrow "$" is also the Australian, Canadian ... dollar; "£" the
 * Egyptian pound).  Also the codes trusted without context. */
static const char *const major[] = {
    "USD", "EUR", "GBP", "UAH", "RUB", "CNY", "JPY", "CHF", "AUD",
    "CAD", "HKD", "PLN", "TRY", "INR", "KZT", "ILS", "HUF", "CZK",
    "SEK", "NOK", "DKK", "BYN", "GEL", "MDL", "RON", "BGN", "NZD",
    "SGD", "KRW", "BRL", "MXN", "ZAR", "AED", "SAR", "TWD", NULL};

static int is_major(const char *code) {
  for (size_t i = 0; major[i]; i++)
    if (memcmp(major[i], code, 3) == 0)
      return 1;
  return 0;
}

/* Index of `code` in lx.iso, adding it when new. */
static uint32_t iso_index(const char *code) {
  for (size_t i = 0; i < lx.n_iso; i++)
    if (memcmp(lx.iso[i], code, 3) == 0)
      return (uint32_t)i;
  TT_RESERVE(lx.iso, lx.cap_iso, lx.n_iso + 1);
  memcpy(lx.iso[lx.n_iso], code, 3);
  lx.iso[lx.n_iso][3] = '\0';
  return (uint32_t)lx.n_iso++;
}

/* ---- tokens of lexicon entries ------------------------------------------- */

/* A lexicon entry cut into tokens by the document tokenizer itself, so
 * that "CA$", "руб." and "п’ять" split and fold exactly as in text. */
typedef struct ntok {
  char key[MAX_KEY];
  size_t len;
  int tight; /* touches the token before */
  int cyr;   /* Cyrillic letters */
  uint8_t kind;
} ntok;

static size_t name_tokens(const char *s, size_t len, ntok *out, size_t max) {
  teitag_doc *doc = tt_doc_new(s, len, NULL);
  tt_tokenize(doc, 0, len);
  size_t n = doc->n_toks;
  if (n > max)
    n = 0;
  for (size_t i = 0; i < n; i++) {
    const tt_token *t = &doc->toks[i];
    if (t->key_len >= MAX_KEY) {
      n = 0;
      break;
    }
    memcpy(out[i].key, doc->keys.data + t->key, t->key_len);
    out[i].key[t->key_len] = '\0';
    out[i].len = t->key_len;
    out[i].tight = i > 0 && t->start == doc->toks[i - 1].end;
    out[i].cyr = t->script == TT_SCRIPT_CYRILLIC;
    out[i].kind = t->kind;
  }
  teitag_doc_free(doc);
  return n;
}

/* Appends `s` to a key buffer; returns 0 when it would not fit. */
static int key_put(char *buf, size_t *len, const char *s, size_t n) {
  if (*len + n >= MAX_KEY)
    return 0;
  memcpy(buf + *len, s, n);
  *len += n;
  return 1;
}

/* The stem of a Ukrainian or Russian adjective: its folded key without up
 * to three letters of the case ending ("австралійських", "австралійськими"
 * and "австралійського" all give "австралійськ").  Names and text are
 * stemmed alike, so the stem only has to be consistent, not linguistic. */
static size_t stem_len(const char *key, size_t len) {
  static const char ending[] = "аеєиіїйоуюяыхмг";
  size_t cut = 0, n = len;
  while (cut < 3 && n >= 8) { /* keep at least four letters */
    const char *last = key + n - 2;
    int hit = 0;
    for (size_t k = 0; k + 1 < sizeof ending; k += 2)
      if (last[0] == ending[k] && last[1] == ending[k + 1])
        hit = 1;
    if (!hit)
      break;
    n -= 2;
    cut++;
  }
  return n;
}

/* ---- adding entries ------------------------------------------------------ */

/* Builds a phrase key from tokens [0, n). */
static size_t phrase_key(const ntok *t, size_t n, char *buf) {
  size_t len = 0;
  for (size_t i = 0; i < n; i++) {
    char sep = t[i].tight ? SEP_TIGHT : SEP_SPACE;
    if ((i && !key_put(buf, &len, &sep, 1)) ||
        !key_put(buf, &len, t[i].key, t[i].len))
      return 0;
  }
  return len;
}

static void add_phrase_exact(const ntok *t, size_t n, const char *code,
                             uint8_t kind, uint8_t noun, uint8_t flags,
                             uint8_t cond, const char *exact) {
  char key[MAX_KEY];
  size_t len = phrase_key(t, n, key);
  if (!len || n > MAX_PHRASE)
    return;
  phrase p;
  size_t cl = strlen(code) < 3 ? strlen(code) : 3; /* "" for bare crowns */
  memcpy(p.code, code, cl);
  p.code[cl] = '\0';
  p.kind = kind;
  p.noun = noun;
  p.flags = flags;
  p.cond = cond;
  p.ntok = (uint8_t)n;
  p.exact = 0;
  if (exact) {
    if (!lx.exact.len)
      tt_buf_putc(&lx.exact, '\0');
    p.exact = (uint32_t)lx.exact.len;
    tt_buf_put(&lx.exact, exact, strlen(exact) + 1);
  }
  tt_lex_put(&lx.firsts, t[0].key, t[0].len, 0);
  if (tt_lex_put(&lx.phrases, key, len, (uint32_t)lx.n_ph)) {
    TT_RESERVE(lx.ph, lx.cap_ph, lx.n_ph + 1);
    lx.ph[lx.n_ph++] = p;
  }
}

static void add_phrase(const ntok *t, size_t n, const char *code, uint8_t kind,
                       uint8_t noun, uint8_t flags, uint8_t cond) {
  add_phrase_exact(t, n, code, kind, noun, flags, cond, NULL);
}

static void add_phrase_text(const char *text, const char *code, uint8_t kind,
                            uint8_t noun, uint8_t flags, uint8_t cond) {
  ntok t[MAX_PHRASE];
  size_t n = name_tokens(text, strlen(text), t, MAX_PHRASE);
  if (n)
    add_phrase(t, n, code, kind, noun, flags, cond);
}

/* Qualifier keys: '<' + stems of the words before the noun, or '>' + the
 * word after it, then the noun family. */
static size_t qual_key(char side, const ntok *t, size_t n, uint8_t noun,
                       char *buf) {
  size_t len = 0;
  if (!key_put(buf, &len, &side, 1))
    return 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = t[i].cyr ? stem_len(t[i].key, t[i].len) : t[i].len;
    if ((i && !key_put(buf, &len, " ", 1)) || !key_put(buf, &len, t[i].key, l))
      return 0;
  }
  char tail[2] = {SEP_NOUN, (char)noun};
  return key_put(buf, &len, tail, 2) ? len : 0;
}

static void add_qual(char side, const ntok *t, size_t n, uint8_t noun,
                     const char *code) {
  char key[MAX_KEY];
  size_t len = qual_key(side, t, n, noun, key);
  if (len && n >= 1 && n <= 3)
    tt_lex_put(&lx.quals, key, len, iso_index(code));
}

static void add_qual_text(char side, const char *text, uint8_t noun,
                          const char *code) {
  ntok t[4];
  size_t n = name_tokens(text, strlen(text), t, 3);
  if (n)
    add_qual(side, t, n, noun, code);
}

/* ---- the hand-written part ----------------------------------------------- */

typedef struct noun_row {
  const char *forms; /* space-separated folded forms */
  uint8_t noun;
  uint8_t kind;
  const char *code; /* "" when the noun alone names no currency */
  uint8_t flags;
  uint8_t cond;
} noun_row;

/* The table is laid out one row per noun, by hand. */
/* clang-format off */
#define N TT_CUR_NAME
#define A TT_CUR_ABBR
#define S TT_CUR_SUBUNIT
#define P WHERE_POST

/* Case forms of currency nouns in en/uk/ru (singular and plural of every
 * case), abbreviations and subunits.  CLDR has none of these on their own. */
static const noun_row nouns[] = {
    {"dollar dollars bucks", TT_NOUN_DOLLAR, N, "USD", 0, P},
    {"долар долара долару доларові доларом доларі долари доларів доларам "
     "доларами доларах",
     TT_NOUN_DOLLAR, N, "USD", 0, P},
    {"доллар доллара доллару долларом долларе доллары долларов долларам "
     "долларами долларах",
     TT_NOUN_DOLLAR, N, "USD", 0, P},
    {"дол дол. долл долл.", TT_NOUN_DOLLAR, A, "USD", 0, P},
    {"euro euros євро евро", TT_NOUN_EURO, N, "EUR", 0, P},
    {"pound pounds quid", TT_NOUN_POUND, N, "GBP", 0, P},
    {"фунт фунта фунту фунтові фунтом фунті фунти фунтів фунтам фунтами "
     "фунтах фунте фунты фунтов",
     TT_NOUN_POUND, N, "GBP", 0, P},
    {"hryvnia hryvnias hryvnya hryvnyas hryvnia's", TT_NOUN_HRYVNIA, N, "UAH",
     0, P},
    {"гривня гривні гривню гривнею гривень гривням гривнями гривнях",
     TT_NOUN_HRYVNIA, N, "UAH", 0, P},
    {"гривна гривны гривне гривну гривной гривен гривнам гривнами гривнах",
     TT_NOUN_HRYVNIA, N, "UAH", 0, P},
    {"грн грн.", TT_NOUN_HRYVNIA, A, "UAH", TT_CURF_DOTLESS, P},
    {"ruble rubles rouble roubles", TT_NOUN_RUBLE, N, "RUB", 0, P},
    {"рубль рубля рублю рублем рублі рублів рублям рублями рублях рубле "
     "рубли рублей",
     TT_NOUN_RUBLE, N, "RUB", 0, P},
    {"руб руб.", TT_NOUN_RUBLE, A, "RUB", 0, P},
    {"р.", TT_NOUN_RUBLE, A, "RUB", TT_CURF_WEAK, P | COND_RU},
    {"yuan renminbi", TT_NOUN_YUAN, N, "CNY", 0, P},
    {"юань юаня юаню юанем юані юанів юаням юанями юанях юане юани юаней",
     TT_NOUN_YUAN, N, "CNY", 0, P},
    {"yen", TT_NOUN_YEN, N, "JPY", 0, P},
    {"єна єни єну єною єні єн єнам єнами єнах иена иены иену иеной иене иен "
     "иенам иенами иенах йена йены йену йеной йен",
     TT_NOUN_YEN, N, "JPY", 0, P},
    {"franc francs франк франка франку франком франки франків франкам "
     "франками франках франке франков",
     TT_NOUN_FRANC, N, "CHF", TT_CURF_WEAK, P},
    {"zloty zlotys zlotych zloties злотий злотого злотому злотим злоті "
     "злотих злотими злотый злотым злотом злотые злотых злотыми",
     TT_NOUN_ZLOTY, N, "PLN", 0, P},
    {"lira liras ліра ліри ліру лірою лір лірам лірами лира лиры лиру лирой "
     "лир лирам лирами",
     TT_NOUN_LIRA, N, "TRY", TT_CURF_WEAK, P},
    {"rupee rupees рупія рупії рупію рупій рупіями рупия рупии рупию рупий "
     "рупиями",
     TT_NOUN_RUPEE, N, "INR", TT_CURF_WEAK, P},
    {"tenge тенге", TT_NOUN_TENGE, N, "KZT", 0, P},
    {"shekel shekels шекель шекеля шекелів шекелі шекелями шекелей шекели",
     TT_NOUN_SHEKEL, N, "ILS", 0, P},
    {"forint forints форинт форинта форинтів форинти форинтов форинты",
     TT_NOUN_FORINT, N, "HUF", 0, P},
    {"lari ларі", TT_NOUN_LARI, N, "GEL", 0, P},
    /* nouns that need a country: the code comes from a qualifier */
    {"crown crowns krona kronor krone kroner koruna korunas крона крони "
     "крону кроною крон кронам кронами кронах кроны кроной",
     TT_NOUN_CROWN, N, "", 0, P},
    {"peso pesos песо", TT_NOUN_PESO, N, "", 0, P},
    {"dinar dinars динар динара динари динарів динаров динары", TT_NOUN_DINAR,
     N, "", 0, P},
    {"real reais реал реала реали реалів реалов реалы", TT_NOUN_REAL, N, "", 0,
     P},
    {"rand рэнд ранд", TT_NOUN_RAND, N, "", 0, P},
    {"leu lei лей леї леев", TT_NOUN_LEU, N, "", 0, P},
    /* subunits: a hundredth of their unit */
    {"cent cents цент цента центи центів центам центами центах центы центов",
     TT_NOUN_CENT, S, "USD", 0, P},
    {"penny pence pennies пенс пенса пенси пенсів пенсов пенни", TT_NOUN_PENNY,
     S, "GBP", 0, P},
    {"p", TT_NOUN_PENNY, S, "GBP", 0, P | COND_TIGHT},
    {"¢", TT_NOUN_CENT, S, "USD", 0, P | COND_TIGHT},
    {"копійка копійки копійку копійкою копійок копійкам копійками kopiyka "
     "kopiykas kopiyok",
     TT_NOUN_KOPEK, S, "UAH", 0, P},
    {"копейка копейки копейку копейкой копеек копейкам копейками kopeck "
     "kopecks kopek kopeks",
     TT_NOUN_KOPEK, S, "RUB", 0, P},
    {"коп коп.", TT_NOUN_KOPEK, S, "", 0, P | COND_LANG},
};

#undef N
#undef A
#undef S
#undef P

/* Signs and press forms that CLDR does not give for en/uk/ru.  "$" is
 * here so that the US dollar wins the sign over the many dollars CLDR
 * also writes "$". */
static const struct {
  const char *sym, *code;
} signs[] = {
    {"$", "USD"}, {"US$", "USD"}, {"U.S.$", "USD"}, {"C$", "CAD"},
    {"Can$", "CAD"}, {"AU$", "AUD"}, {"S$", "SGD"}, {"NZ$", "NZD"},
    {"₴", "UAH"}, {"₽", "RUB"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"},
};

/* Country words that make a bare noun a particular currency, beyond the
 * ones read from CLDR names.  '<' before the noun, '>' after it. */
static const struct {
  char side;
  const char *words;
  uint8_t noun;
  const char *code;
} quals[] = {
    {'<', "US", TT_NOUN_DOLLAR, "USD"},
    {'<', "U.S.", TT_NOUN_DOLLAR, "USD"},
    {'<', "American", TT_NOUN_DOLLAR, "USD"},
    {'<', "американських", TT_NOUN_DOLLAR, "USD"},
    {'<', "американских", TT_NOUN_DOLLAR, "USD"},
    {'>', "США", TT_NOUN_DOLLAR, "USD"},
    {'>', "sterling", TT_NOUN_POUND, "GBP"},
    {'<', "британських", TT_NOUN_POUND, "GBP"},
    {'<', "британских", TT_NOUN_POUND, "GBP"},
    {'>', "стерлінгів", TT_NOUN_POUND, "GBP"},
    {'>', "стерлінга", TT_NOUN_POUND, "GBP"},
    {'>', "стерлінги", TT_NOUN_POUND, "GBP"},
    {'>', "стерлінг", TT_NOUN_POUND, "GBP"},
    {'>', "стерлингов", TT_NOUN_POUND, "GBP"},
    {'>', "стерлинга", TT_NOUN_POUND, "GBP"},
    {'>', "стерлинги", TT_NOUN_POUND, "GBP"},
    {'>', "стерлинг", TT_NOUN_POUND, "GBP"},
    {'<', "euro", TT_NOUN_CENT, "EUR"},
    {'<', "євро", TT_NOUN_CENT, "EUR"},
    {'<', "евро", TT_NOUN_CENT, "EUR"},
};

/* clang-format on */

static void add_hand_written(void) {
  for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
    add_phrase_text(signs[i].sym, signs[i].code, TT_CUR_SYMBOL, 0, 0,
                    WHERE_PRE | WHERE_POST);
  for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++) {
    const char *f = nouns[i].forms;
    while (*f) {
      const char *e = strchr(f, ' ');
      size_t n = e ? (size_t)(e - f) : strlen(f);
      char form[64];
      if (n < sizeof form) {
        memcpy(form, f, n);
        form[n] = '\0';
        add_phrase_text(form, nouns[i].code, nouns[i].kind, nouns[i].noun,
                        nouns[i].flags, nouns[i].cond);
      }
      f += n;
      while (*f == ' ')
        f++;
    }
  }
  for (size_t i = 0; i < sizeof quals / sizeof quals[0]; i++)
    add_qual_text(quals[i].side, quals[i].words, quals[i].noun, quals[i].code);
}

/* ---- the ICU/CLDR part --------------------------------------------------- */

static const char *const locales[] = {"en", "uk", "ru"};
static const char *const plural_forms[] = {"zero", "one",  "two",
                                           "few",  "many", "other"};

/* UTF-16 from ICU to UTF-8 in `out`; 0 when it does not fit. */
static size_t to_utf8(const UChar *s, int32_t n, char *out, size_t cap) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t len = 0;
  u_strToUTF8(out, (int32_t)cap - 1, &len, s, n, &st);
  if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || len <= 0)
    return 0;
  out[len] = '\0';
  return (size_t)len;
}

/* Does a symbol consist of letters only ("zł", "kr", "Ft")?  Those are
 * words, so they may only follow the amount, and one-letter ones ("R",
 * "K", "L") are too ambiguous to use at all. */
static int letters_only(const char *s, size_t *n_letters) {
  size_t n = 0;
  for (size_t i = 0; s[i];) {
    uint32_t cp;
    i += tt_utf8_next((const unsigned char *)s + i, &cp);
    if (!(tt_cp_class(cp) & TT_C_ALPHA) && cp != '.')
      return 0;
    n += cp != '.';
  }
  *n_letters = n;
  return 1;
}

/* Letters-only signs that are also units of measure in news: "KM"
 * (the Bosnian mark) is km, "kn" (the Croatian kuna) knots, "Db" dB. */
static const char *const unit_like[] = {"km", "kn", "db", "kg", "kw",
                                        "ar", "cf", "rf", NULL};

/* Registers one CLDR symbol of `code`. */
static void add_symbol(const char *code, const char *sym) {
  size_t letters;
  if (!*sym || strcmp(sym, code) == 0)
    return; /* the code itself: code_at() handles those */
  if (letters_only(sym, &letters)) {
    /* a word, so: after the amount only, and spelt exactly ("zł", "Ft") */
    ntok t[2];
    if (letters < 2 || name_tokens(sym, strlen(sym), t, 1) != 1)
      return;
    for (size_t i = 0; unit_like[i]; i++)
      if (strcmp(t[0].key, unit_like[i]) == 0)
        return;
    add_phrase_exact(t, 1, code, TT_CUR_SYMBOL, 0, 0, WHERE_POST, sym);
    return;
  }
  add_phrase_text(sym, code, TT_CUR_SYMBOL, 0, 0, WHERE_PRE | WHERE_POST);
}

/* The noun family of the noun among a name's tokens, and its position. */
static uint8_t find_noun(const ntok *t, size_t n, size_t *pos) {
  for (size_t i = 0; i < n; i++) {
    uint32_t v;
    if (tt_lex_get(&lx.phrases, tt_hash_bytes(t[i].key, t[i].len), t[i].key,
                   t[i].len, &v) &&
        lx.ph[v].kind == TT_CUR_NAME && lx.ph[v].noun) {
      *pos = i;
      return lx.ph[v].noun;
    }
  }
  return 0;
}

/* Registers one CLDR name of `code`: the phrase itself, and the country
 * words around its noun as qualifiers of that noun. */
static void add_name(const char *code, const char *name) {
  if (!*name || strchr(name, '(') || strcmp(name, code) == 0)
    return;
  ntok t[MAX_PHRASE];
  size_t n = name_tokens(name, strlen(name), t, MAX_PHRASE);
  if (!n)
    return;
  size_t at = 0;
  uint8_t noun = find_noun(t, n, &at);
  add_phrase(t, n, code, TT_CUR_NAME, noun,
             noun && n > 1 ? TT_CURF_QUALIFIED : 0, WHERE_POST);
  if (!noun)
    return;
  if (at > 0)
    add_qual('<', t, at, noun, code);
  if (at + 1 < n)
    add_qual('>', t + at + 1, n - at - 1, noun, code);
}

/* Appends the ISO codes ICU knows, majors first, to `order`. */
static size_t iso_codes(char (**order)[4], teitag_status *st) {
  size_t n = 0, cap = 0;
  for (size_t i = 0; major[i]; i++) {
    TT_RESERVE(*order, cap, n + 1);
    memcpy((*order)[n++], major[i], 4);
  }
  UErrorCode e = U_ZERO_ERROR;
  UEnumeration *en =
      ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &e);
  if (U_FAILURE(e)) {
    *st = TEITAG_EICU;
    return n;
  }
  const char *c;
  int32_t len;
  while ((c = uenum_next(en, &len, &e)) && U_SUCCESS(e)) {
    if (len != 3 || is_major(c))
      continue;
    TT_RESERVE(*order, cap, n + 1);
    memcpy((*order)[n], c, 3);
    (*order)[n++][3] = '\0';
  }
  uenum_close(en);
  if (U_FAILURE(e))
    *st = TEITAG_EICU;
  return n;
}

/* One CLDR name of `code` in `locale`, as UTF-8 in buf: the name of
 * `style` (symbol, narrow symbol, long name) or, when `plural` is given,
 * the plural name of that CLDR plural category.  0 when ICU has none. */
static size_t icu_name(const char *code, const char *locale,
                       UCurrNameStyle style, const char *plural, char *buf,
                       size_t cap) {
  UChar iso[4];
  u_charsToUChars(code, iso, 4);
  UErrorCode e = U_ZERO_ERROR;
  UBool choice;
  int32_t len;
  const UChar *s =
      plural ? ucurr_getPluralName(iso, locale, &choice, plural, &len, &e)
             : ucurr_getName(iso, locale, style, &choice, &len, &e);
  return U_SUCCESS(e) ? to_utf8(s, len, buf, cap) : 0;
}

/* The symbols of every currency in our locales, in priority order: a
 * sign goes to the first currency that claims it. */
static void add_icu_symbols(char (*order)[4], size_t n) {
  char buf[MAX_KEY];
  for (size_t i = 0; i < n; i++)
    for (size_t l = 0; l < 3; l++)
      if (icu_name(order[i], locales[l], UCURR_SYMBOL_NAME, NULL, buf,
                   sizeof buf))
        add_symbol(order[i], buf);
}

#define N_PLURALS (sizeof plural_forms / sizeof plural_forms[0])

/* The names of one currency, each added once: ICU answers a plural form
 * a locale lacks with another form, so half of them come again, and
 * adding a name (it is tokenized as a document) was the costliest part
 * of building the lexicon.  Adding one twice changes nothing. */
typedef struct {
  char names[3 * (1 + N_PLURALS)][MAX_KEY];
  size_t n;
} name_set;

static void add_name_once(name_set *set, const char *code, const char *name) {
  for (size_t k = 0; k < set->n; k++)
    if (strcmp(set->names[k], name) == 0)
      return;
  if (set->n < sizeof set->names / sizeof set->names[0])
    memcpy(set->names[set->n++], name, strlen(name) + 1);
  add_name(code, name);
}

/* The long name and the plural names of every currency in our locales. */
static void add_icu_names(char (*order)[4], size_t n) {
  char buf[MAX_KEY];
  name_set set;
  for (size_t i = 0; i < n; i++) {
    set.n = 0;
    for (size_t l = 0; l < 3; l++) {
      if (icu_name(order[i], locales[l], UCURR_LONG_NAME, NULL, buf,
                   sizeof buf))
        add_name_once(&set, order[i], buf);
      for (size_t k = 0; k < N_PLURALS; k++)
        if (icu_name(order[i], locales[l], UCURR_LONG_NAME, plural_forms[k],
                     buf, sizeof buf))
          add_name_once(&set, order[i], buf);
    }
  }
}

/* Narrow symbols go to a currency only when no other currency has the
 * same one: narrow "kr" is Swedish, Norwegian and Danish, so it is
 * skipped; "$" already went to the US dollar. */
static void add_narrow_symbols(char (*order)[4], size_t n) {
  typedef char sym[16];
  sym *narrow = tt_xcalloc(n * 3, sizeof *narrow);
  for (size_t i = 0; i < n * 3; i++)
    if (!icu_name(order[i / 3], locales[i % 3], UCURR_NARROW_SYMBOL_NAME, NULL,
                  narrow[i], sizeof(sym)))
      narrow[i][0] = '\0';
  for (size_t i = 0; i < n * 3; i++) {
    if (!narrow[i][0])
      continue;
    int shared = 0;
    for (size_t k = 0; k < n * 3 && !shared; k++)
      shared = k / 3 != i / 3 && strcmp(narrow[k], narrow[i]) == 0;
    if (!shared)
      add_symbol(order[i / 3], narrow[i]);
  }
  free(narrow);
}

/* Everything ICU/CLDR gives: codes, symbols, names, narrow symbols. */
static void add_icu(void) {
  char(*order)[4] = NULL;
  teitag_status st = TEITAG_OK;
  size_t n = iso_codes(&order, &st);
  if (st != TEITAG_OK) {
    lx.status = st;
    snprintf(lx.error, sizeof lx.error,
             "cannot read ICU's list of ISO 4217 currencies");
  }
  for (size_t i = 0; i < n; i++) {
    char lower[4] = {(char)(order[i][0] | 0x20), (char)(order[i][1] | 0x20),
                     (char)(order[i][2] | 0x20), 0};
    tt_lex_put(&lx.codes, lower, 3, iso_index(order[i]));
  }
  add_icu_symbols(order, n);
  add_icu_names(order, n);
  add_narrow_symbols(order, n);
  free(order);
}

static void build(void) {
  tt_chars_init();
  lx.status = TEITAG_OK;
  add_hand_written();
  add_icu();
}

teitag_status tt_currency_init(teitag_diag *diag) {
  pthread_once(&lx_once, build);
  if (lx.status != TEITAG_OK)
    return tt_fail(diag, lx.status, 0, 0, TT_NO_OFFSET, "%s", lx.error);
  return TEITAG_OK;
}

/* ---- matching ------------------------------------------------------------ */

static inline const char *tok_key(const teitag_doc *doc, const tt_token *t) {
  return doc->keys.data + t->key;
}

/* Are tokens j-1 and j in one phrase: touching, or apart by spaces on one
 * line? */
static int joins(const teitag_doc *doc, size_t j, int *tight) {
  const tt_token *t = &doc->toks[j];
  *tight = t->start == doc->toks[j - 1].end;
  return !(t->flags & TT_TOK_NL_BEFORE);
}

/* Looks up the phrase of tokens [i, i+n) given its key. */
static const phrase *phrase_get(const char *key, size_t len) {
  uint32_t v;
  if (!tt_lex_get(&lx.phrases, tt_hash_bytes(key, len), key, len, &v))
    return NULL;
  return &lx.ph[v];
}

/* The single-token phrase of token i (a noun, a sign), or NULL. */
static const phrase *phrase_at(const teitag_doc *doc, size_t i) {
  const tt_token *t = &doc->toks[i];
  uint32_t v;
  if (!tt_lex_get(&lx.phrases, t->hash, tok_key(doc, t), t->key_len, &v))
    return NULL;
  return &lx.ph[v];
}

/* Is a phrase usable here? */
static int usable(const phrase *p, unsigned where, int attached,
                  teitag_lang lang) {
  if (!(p->cond & where))
    return 0;
  if ((p->cond & COND_TIGHT) && !attached)
    return 0;
  if ((p->cond & COND_RU) && lang != TEITAG_LANG_RU)
    return 0;
  if (p->cond & COND_LANG)
    return lang == TEITAG_LANG_UK || lang == TEITAG_LANG_RU;
  return p->code[0] != '\0';
}

static void fill(tt_cur_match *m, const phrase *p, size_t n_tok,
                 teitag_lang lang) {
  memcpy(m->code, p->code, 4);
  if (p->cond & COND_LANG)
    memcpy(m->code, lang == TEITAG_LANG_RU ? "RUB" : "UAH", 4);
  m->kind = p->kind;
  m->noun = p->noun;
  m->flags = p->flags;
  m->ntok = (uint8_t)n_tok;
}

/* Is token i an ISO 4217 code (three capitals)? */
static int is_code(const teitag_doc *doc, size_t i) {
  const tt_token *t = &doc->toks[i];
  uint32_t v;
  return t->kind == TEITAG_TOKEN_WORD && t->key_len == 3 &&
         t->lcase == TEITAG_CASE_UPPER &&
         tt_lex_get(&lx.codes, t->hash, tok_key(doc, t), 3, &v);
}

/* Codes that are nothing but codes, even in a headline in capitals; TRY,
 * CAD, ALL or TOP may be words there. */
static int plain_code(const char *code) {
  static const char *const plain[] = {"USD", "EUR", "GBP", "UAH", "RUB",
                                      "JPY", "CNY", "CHF", "PLN", NULL};
  for (size_t i = 0; plain[i]; i++)
    if (memcmp(plain[i], code, 3) == 0)
      return 1;
  return 0;
}

/* An upper-case word of two letters or more (a headline in capitals). */
static int shouting(const teitag_doc *doc, size_t i) {
  const tt_token *t = &doc->toks[i];
  return t->kind == TEITAG_TOKEN_WORD && t->lcase == TEITAG_CASE_UPPER &&
         !is_code(doc, i);
}

/* An ISO code at i.  A code that may be a word (ALL, TRY, TOP) counts
 * only when the words around it are not in capitals as well: "ALL 5
 * MEMBERS" and "TRY 3 TIMES" are headlines. */
static int code_at(const teitag_doc *doc, size_t i, size_t end,
                   tt_cur_match *m) {
  if (!is_code(doc, i))
    return 0;
  const tt_token *t = &doc->toks[i];
  uint32_t v = 0;
  tt_lex_get(&lx.codes, t->hash, tok_key(doc, t), 3, &v);
  if (!plain_code(lx.iso[v])) {
    if (i > 0 && shouting(doc, i - 1))
      return 0;
    for (size_t k = i + 1; k < end && k <= i + 3; k++)
      if (shouting(doc, k))
        return 0;
  }
  memcpy(m->code, lx.iso[v], 4);
  m->kind = TT_CUR_CODE;
  m->noun = 0;
  m->flags = 0;
  m->ntok = 1;
  return 1;
}

/* Is token t spelt exactly `s`? */
static int spelt(const teitag_doc *doc, const tt_token *t, const char *s) {
  size_t n = strlen(s);
  return t->end - t->start == n && memcmp(doc->text + t->start, s, n) == 0;
}

/* The longest phrase from token i usable at `where`; tight_only demands
 * that its tokens touch (signs before an amount: US$). */
static int longest_phrase(const teitag_doc *doc, size_t i, size_t end,
                          unsigned where, int tight_only, teitag_lang lang,
                          tt_cur_match *m) {
  char key[MAX_KEY];
  size_t len = 0;
  int found = 0;
  int attached = i > 0 && doc->toks[i].start == doc->toks[i - 1].end;
  uint32_t v;
  if (!tt_lex_get(&lx.firsts, doc->toks[i].hash, tok_key(doc, &doc->toks[i]),
                  doc->toks[i].key_len, &v))
    return 0; /* most words after a number: "5 people" */
  for (size_t n = 0; n < MAX_PHRASE && i + n < end; n++) {
    const tt_token *t = &doc->toks[i + n];
    if (t->kind != TEITAG_TOKEN_WORD && t->kind != TEITAG_TOKEN_SYMBOL &&
        t->kind != TEITAG_TOKEN_PUNCT)
      break;
    if (n) {
      int tight;
      if (!joins(doc, i + n, &tight) || (tight_only && !tight))
        break;
      char sep = tight ? SEP_TIGHT : SEP_SPACE;
      if (!key_put(key, &len, &sep, 1))
        break;
    }
    if (!key_put(key, &len, tok_key(doc, t), t->key_len))
      break;
    const phrase *p = phrase_get(key, len);
    if (p && usable(p, where, attached, lang) &&
        (!p->exact || spelt(doc, t, lx.exact.data + p->exact))) {
      fill(m, p, n + 1, lang);
      found = 1;
    }
  }
  return found;
}

int tt_currency_before(const teitag_doc *doc, size_t i, size_t end,
                       tt_cur_match *out) {
  const tt_token *t = &doc->toks[i];
  if (t->kind == TEITAG_TOKEN_WORD && code_at(doc, i, end, out))
    return 1;
  return longest_phrase(doc, i, end, WHERE_PRE, 1, TEITAG_LANG_AUTO, out);
}

/* A qualifier of `noun` made of tokens [i, i+n) on `side`. */
static int qual_get(const teitag_doc *doc, size_t i, size_t n, char side,
                    uint8_t noun, const char **code) {
  ntok t[3];
  for (size_t k = 0; k < n; k++) {
    const tt_token *tk = &doc->toks[i + k];
    if (tk->kind != TEITAG_TOKEN_WORD || tk->key_len >= MAX_KEY ||
        (k && (tk->flags & TT_TOK_NL_BEFORE)))
      return 0;
    memcpy(t[k].key, tok_key(doc, tk), tk->key_len);
    t[k].len = tk->key_len;
    t[k].cyr = tk->script == TT_SCRIPT_CYRILLIC;
  }
  char key[MAX_KEY];
  size_t len = qual_key(side, t, n, noun, key);
  uint32_t v;
  if (!len || !tt_lex_get(&lx.quals, tt_hash_bytes(key, len), key, len, &v))
    return 0;
  *code = lx.iso[v];
  return 1;
}

/* A currency noun at i with its qualifiers: "австралійських доларів",
 * "доларів США", "Hong Kong dollars", "фунтів стерлінгів". */
static int noun_phrase(const teitag_doc *doc, size_t i, size_t end,
                       teitag_lang lang, tt_cur_match *m) {
  int found = 0;
  for (size_t q = 0; q <= 3 && i + q < end; q++) {
    if (q && (doc->toks[i + q].flags & TT_TOK_NL_BEFORE))
      break;
    const phrase *p = phrase_at(doc, i + q);
    if (!p || !p->noun ||
        (p->kind != TT_CUR_NAME && p->kind != TT_CUR_ABBR &&
         p->kind != TT_CUR_SUBUNIT))
      continue;
    const char *code = p->code[0] ? p->code : NULL;
    if (q && !qual_get(doc, i, q, '<', p->noun, &code))
      continue;
    size_t n = q + 1;
    const char *post;
    if (i + n < end && !(doc->toks[i + n].flags & TT_TOK_NL_BEFORE) &&
        qual_get(doc, i + n, 1, '>', p->noun, &post)) {
      code = post;
      n++;
    }
    if (!code || (n == 1 && !usable(p, WHERE_POST, 1, lang)))
      continue;
    if (!found || n > m->ntok) {
      fill(m, p, n, lang);
      memcpy(m->code, code, 4);
      if (n > 1)
        m->flags = (uint8_t)((m->flags & ~TT_CURF_WEAK) | TT_CURF_QUALIFIED);
      found = 1;
    }
  }
  return found;
}

int tt_currency_after(const teitag_doc *doc, size_t i, size_t end,
                      teitag_lang lang, tt_cur_match *out) {
  int found = longest_phrase(doc, i, end, WHERE_POST, 0, lang, out);
  tt_cur_match m;
  if (noun_phrase(doc, i, end, lang, &m) && (!found || m.ntok > out->ntok)) {
    *out = m;
    found = 1;
  }
  if (!found && code_at(doc, i, end, &m)) {
    *out = m;
    found = 1;
  }
  return found;
}

int tt_currency_subunit_of(tt_cur_noun sub, tt_cur_noun unit) {
  switch (sub) {
  case TT_NOUN_CENT: return unit == TT_NOUN_DOLLAR || unit == TT_NOUN_EURO;
  case TT_NOUN_PENNY: return unit == TT_NOUN_POUND;
  case TT_NOUN_KOPEK: return unit == TT_NOUN_HRYVNIA || unit == TT_NOUN_RUBLE;
  default: return 0;
  }
}
