/* SPDX-License-Identifier: MIT
 *
 * gen-countries.c -- writes gazetteers/countries.tsv from ICU's CLDR data.
 *
 * For every ISO 3166 region ICU knows, it prints the English, Ukrainian
 * and Russian display names (the standard name, then CLDR's short and
 * variant names where they differ), with the declension hints the
 * gazetteer compiler needs: names ending like indeclinable foreign words
 * (Чилі, Перу, Монако) get `indecl`, plural names (Нідерланди) `g=p`.
 * IDs are Wikidata QIDs for the countries in the table below, which were
 * checked one by one, and `loc-iso-XX` slugs for the rest.  Output is
 * sorted by region code, so one ICU version always gives the same file.
 * Run through `make countries`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

/* QIDs of countries whose Wikidata item is certain. */
static const struct {
  const char *iso, *qid;
} qids[] = {
    {"AF", "Q889"},  {"AM", "Q399"},  {"AT", "Q40"},   {"AU", "Q408"},
    {"AZ", "Q227"},  {"BE", "Q31"},   {"BG", "Q219"},  {"BR", "Q155"},
    {"BY", "Q184"},  {"CA", "Q16"},   {"CH", "Q39"},   {"CN", "Q148"},
    {"CY", "Q229"},  {"CZ", "Q213"},  {"DE", "Q183"},  {"DK", "Q35"},
    {"EE", "Q191"},  {"EG", "Q79"},   {"ES", "Q29"},   {"FI", "Q33"},
    {"FR", "Q142"},  {"GB", "Q145"},  {"GE", "Q230"},  {"GR", "Q41"},
    {"HR", "Q224"},  {"HU", "Q28"},   {"IE", "Q27"},   {"IL", "Q801"},
    {"IN", "Q668"},  {"IQ", "Q796"},  {"IR", "Q794"},  {"IS", "Q189"},
    {"IT", "Q38"},   {"JP", "Q17"},   {"KP", "Q423"},  {"KR", "Q884"},
    {"KZ", "Q232"},  {"LT", "Q37"},   {"LU", "Q32"},   {"LV", "Q211"},
    {"MD", "Q217"},  {"MT", "Q233"},  {"MX", "Q96"},   {"NL", "Q55"},
    {"NO", "Q20"},   {"PK", "Q843"},  {"PL", "Q36"},   {"PT", "Q45"},
    {"RO", "Q218"},  {"RS", "Q403"},  {"RU", "Q159"},  {"SA", "Q851"},
    {"SE", "Q34"},   {"SI", "Q215"},  {"SK", "Q214"},  {"SY", "Q858"},
    {"TR", "Q43"},   {"UA", "Q212"},  {"US", "Q30"},   {NULL, NULL}};

static const char *qid_of(const char *iso) {
  for (int i = 0; qids[i].iso; i++)
    if (strcmp(qids[i].iso, iso) == 0)
      return qids[i].qid;
  return NULL;
}

/* Reads Countries/KEY from the region data of `locale` as UTF-8. */
static int region_name(UResourceBundle *countries, const char *key, char *out,
                       size_t cap) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = 0;
  const UChar *s = ures_getStringByKey(countries, key, &len, &err);
  if (U_FAILURE(err) || err == U_USING_DEFAULT_WARNING ||
      err == U_USING_FALLBACK_WARNING)
    return 0;
  int32_t n = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8(out, (int32_t)cap, &n, s, len, &err);
  return U_SUCCESS(err) && n > 0 && (size_t)n < cap;
}

static int ends(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Declension hints from the endings: a plural adjective first makes the
 * name plural (Палестинські території, Соединенные Штаты); otherwise the
 * last word decides. */
static const char *attrs_for(const char *lang, const char *name) {
  if (strcmp(lang, "en") == 0)
    return "";
  const char *space = strchr(name, ' ');
  if (space) {
    char first[128];
    size_t n = (size_t)(space - name) < sizeof first - 1 ? (size_t)(space - name)
                                                        : sizeof first - 1;
    memcpy(first, name, n);
    first[n] = '\0';
    if (strcmp(lang, "uk") == 0 ? ends(first, "і")
                                : ends(first, "ые") || ends(first, "ие"))
      return "\tg=p";
  }
  if (strcmp(lang, "uk") == 0) {
    if (ends(name, "и"))
      return "\tg=p"; /* Нідерланди, Філіппіни */
    if (ends(name, "о") || ends(name, "е") || ends(name, "і") ||
        ends(name, "ї") || ends(name, "у") || ends(name, "ю"))
      return "\tindecl"; /* Монако, Чилі, Перу */
  } else {
    if (ends(name, "ы"))
      return "\tg=p"; /* Нидерланды, Филиппины */
    if (ends(name, "о") || ends(name, "е") || ends(name, "и") ||
        ends(name, "у") || ends(name, "ю") || ends(name, "э"))
      return "\tindecl"; /* Монако, Чили, Перу */
  }
  /* Names in -ь are masculine (Ізраїль, Израиль, Тайвань decline as
   * Ізраїлю, Израиля, Тайваня) except the -русь ones. */
  if (ends(name, "русь"))
    return "\tg=f"; /* Білорусь, Беларусь */
  return "";
}

int main(void) {
  static const char *const langs[] = {"en", "uk", "ru"};
  /* Standard names, then CLDR's short (UK, США) and variant (Czech
   * Republic, Берег Слонової Кістки) names. */
  static const char *const table_names[] = {"Countries", "Countries%short",
                                            "Countries%variant"};
  UResourceBundle *tables[3][3];
  for (int l = 0; l < 3; l++) {
    UErrorCode err = U_ZERO_ERROR;
    UResourceBundle *root =
        ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region", langs[l], &err);
    for (int t = 0; t < 3; t++) {
      UErrorCode e2 = err;
      tables[l][t] = ures_getByKey(root, table_names[t], NULL, &e2);
      if (U_FAILURE(e2)) {
        if (t == 0) {
          fprintf(stderr, "gen-countries: no region data for %s: %s\n",
                  langs[l], u_errorName(e2));
          return 1;
        }
        tables[l][t] = NULL;
      }
    }
    ures_close(root);
  }
  printf("# Countries and territories with their names in en, uk and ru,\n"
         "# generated by tools/gen-countries from ICU %s (CLDR) data.\n"
         "# Do not edit: run `make countries`.  Names CLDR lacks go into\n"
         "# countries-extra.tsv.\n"
         "# id\ttype\tlang\tform\tattrs\n",
         U_ICU_VERSION);
  const char *const *codes = uloc_getISOCountries();
  for (size_t i = 0; codes[i]; i++) {
    const char *iso = codes[i];
    char id[32];
    const char *q = qid_of(iso);
    if (q)
      snprintf(id, sizeof id, "%s", q);
    else {
      snprintf(id, sizeof id, "loc-iso-%s", iso);
      for (char *p = id + 8; *p; p++)
        *p = (char)(*p - 'A' + 'a');
    }
    for (int l = 0; l < 3; l++) {
      char seen[3][256];
      int n_seen = 0;
      for (int t = 0; t < 3; t++) {
        char name[256];
        if (!tables[l][t] || !region_name(tables[l][t], iso, name, sizeof name))
          continue;
        int dup = strchr(name, '(') != NULL; /* "Конго (ДРК)": not how text writes it */
        for (int k = 0; k < n_seen; k++)
          dup |= strcmp(seen[k], name) == 0;
        if (dup || (t == 0 && strcmp(name, iso) == 0))
          continue;
        snprintf(seen[n_seen++], sizeof seen[0], "%s", name);
        printf("%s\tLOC\t%s\t%s%s\n", id, langs[l], name, attrs_for(langs[l], name));
      }
    }
  }
  for (int l = 0; l < 3; l++)
    for (int t = 0; t < 3; t++)
      ures_close(tables[l][t]);
  return 0;
}
