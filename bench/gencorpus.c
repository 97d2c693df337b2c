/* SPDX-License-Identifier: MIT
 *
 * gencorpus.c -- a reproducible news-style corpus in English, Ukrainian and
 * Russian for the benchmark.
 *
 * Sentences are put together from small word lists written for this file
 * (no text is taken from anywhere), with a fixed-seed generator
 * (splitmix64), so that the same arguments give the same bytes on every
 * machine.  The text has what news has: names of people, places and
 * organisations, amounts of money in each language's notation, quotes,
 * numbers, and paragraphs separated by blank lines.  It is meant for
 * measuring speed, not quality: the sentences are plausible, not true.
 *
 * usage: gencorpus OUTDIR MEGABYTES [SEED]
 * writes OUTDIR/files/{en,uk,ru}/NNNNN.txt (articles of 2-12 KB),
 *        OUTDIR/all.txt (the same articles, one after another) and
 *        OUTDIR/all.jsonl (one {"id","text"} line per article).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t state;

static uint64_t next(void) { /* splitmix64 */
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static size_t pick(size_t n) { return (size_t)(next() % n); }

#define N(a) (sizeof a / sizeof *a)

typedef struct {
  const char *const *first, *const *last, *const *city, *const *org,
      *const *verb, *const *noun, *const *adj, *const *link, *const *open,
      *const *money_fmt, *const *said;
  size_t n_first, n_last, n_city, n_org, n_verb, n_noun, n_adj, n_link,
      n_open, n_money_fmt, n_said;
} lang_words;

static const char *const en_first[] = {"Anna", "Mark", "Olivia", "Peter", "Grace", "Daniel", "Helen", "Victor", "Laura", "Simon"};
static const char *const en_last[] = {"Hartley", "Brennan", "Okafor", "Lindqvist", "Marsh", "Delacroix", "Whitmore", "Novak", "Ferreira", "Quinn"};
static const char *const en_city[] = {"Kyiv", "London", "Warsaw", "Brussels", "Lviv", "Geneva", "Istanbul", "Berlin", "Odesa", "Vienna"};
static const char *const en_org[] = {"the European Commission", "the central bank", "the International Monetary Fund", "Naftogaz", "the World Bank", "the finance ministry", "the energy regulator", "the state railway company"};
static const char *const en_verb[] = {"announced", "approved", "rejected", "discussed", "postponed", "welcomed", "criticised", "signed"};
static const char *const en_noun[] = {"budget", "loan", "agreement", "reform", "tariff", "programme", "deal", "report", "plan", "package"};
static const char *const en_adj[] = {"new", "revised", "long-awaited", "controversial", "annual", "emergency", "joint", "preliminary"};
static const char *const en_link[] = {"on Monday", "late on Friday", "this week", "after months of talks", "in a statement", "at a press conference", "despite objections", "earlier than expected"};
static const char *const en_open[] = {"Officials said", "Analysts expect", "According to sources,", "In a surprise move,", "Meanwhile,", "Separately,"};
static const char *const en_money[] = {"$%d million", "EUR %d billion", "%d million euros", "$%d.%d billion", "£%d million", "%d,000 dollars"};
static const char *const en_said[] = {"said", "told reporters", "wrote on social media", "added"};

static const char *const uk_first[] = {"Олена", "Андрій", "Ірина", "Тарас", "Марія", "Богдан", "Юлія", "Степан", "Оксана", "Дмитро"};
static const char *const uk_last[] = {"Коваленко", "Бондар", "Ткачук", "Мельник", "Савчук", "Гончаренко", "Лисенко", "Кравець", "Шевчук", "Поліщук"};
static const char *const uk_city[] = {"Києві", "Львові", "Одесі", "Харкові", "Дніпрі", "Варшаві", "Брюсселі", "Вінниці", "Полтаві", "Черкасах"};
static const char *const uk_org[] = {"Національний банк", "Міністерство фінансів", "Кабінет міністрів", "Верховна Рада", "Укрзалізниця", "Нафтогаз", "Європейська комісія", "Світовий банк"};
static const char *const uk_verb[] = {"оголосив", "схвалив", "відхилив", "обговорив", "відклав", "підписав", "розкритикував", "підтримав"};
static const char *const uk_noun[] = {"бюджет", "кредит", "договір", "план", "тариф", "звіт", "проєкт", "пакет допомоги", "законопроєкт", "прогноз"};
static const char *const uk_adj[] = {"новий", "оновлений", "довгоочікуваний", "річний", "спільний", "попередній", "надзвичайний", "остаточний"};
static const char *const uk_link[] = {"у понеділок", "наприкінці тижня", "після тривалих перемовин", "у своїй заяві", "на брифінгу", "попри заперечення", "раніше, ніж очікували", "минулої середи"};
static const char *const uk_open[] = {"Як повідомили посадовці,", "Аналітики очікують, що", "За даними джерел,", "Тим часом", "Водночас", "Крім того,"};
static const char *const uk_money[] = {"%d млн гривень", "%d млрд доларів", "%d мільйонів євро", "%d,%d млрд грн", "$%d млн", "%d тис. гривень"};
static const char *const uk_said[] = {"заявив", "розповів журналістам", "написав у соцмережах", "додав"};

static const char *const ru_first[] = {"Ольга", "Сергей", "Наталья", "Михаил", "Екатерина", "Алексей", "Татьяна", "Игорь", "Светлана", "Павел"};
static const char *const ru_last[] = {"Смирнов", "Кузнецова", "Волков", "Соколова", "Морозов", "Новикова", "Фёдоров", "Орлова", "Зайцев", "Белова"};
static const char *const ru_city[] = {"Москве", "Казани", "Новосибирске", "Екатеринбурге", "Самаре", "Минске", "Алматы", "Ереване", "Риге", "Тбилиси"};
static const char *const ru_org[] = {"Центральный банк", "Министерство финансов", "правительство", "Государственная дума", "Газпром", "Сбербанк", "Евразийский банк развития", "Счётная палата"};
static const char *const ru_verb[] = {"объявил", "одобрил", "отклонил", "обсудил", "отложил", "подписал", "раскритиковал", "поддержал"};
static const char *const ru_noun[] = {"бюджет", "кредит", "договор", "план", "тариф", "отчёт", "проект", "пакет мер", "законопроект", "прогноз"};
static const char *const ru_adj[] = {"новый", "обновлённый", "долгожданный", "годовой", "совместный", "предварительный", "срочный", "окончательный"};
static const char *const ru_link[] = {"в понедельник", "в конце недели", "после долгих переговоров", "в своём заявлении", "на брифинге", "несмотря на возражения", "раньше, чем ожидалось", "в прошлую среду"};
static const char *const ru_open[] = {"Как сообщили чиновники,", "Аналитики ожидают, что", "По данным источников,", "Тем временем", "Вместе с тем", "Кроме того,"};
static const char *const ru_money[] = {"%d млн рублей", "%d млрд долларов", "%d миллионов евро", "%d,%d млрд руб.", "$%d млн", "%d тыс. рублей"};
static const char *const ru_said[] = {"заявил", "рассказал журналистам", "написал в соцсетях", "добавил"};

#define LANG(p)                                                               \
  {p##_first, p##_last, p##_city, p##_org, p##_verb, p##_noun, p##_adj,       \
   p##_link, p##_open, p##_money, p##_said, N(p##_first), N(p##_last),        \
   N(p##_city), N(p##_org), N(p##_verb), N(p##_noun), N(p##_adj),             \
   N(p##_link), N(p##_open), N(p##_money), N(p##_said)}

static const lang_words langs[3] = {LANG(en), LANG(uk), LANG(ru)};
static const char *const lang_codes[3] = {"en", "uk", "ru"};
static const char *const place_word[3] = {"in", "у", "в"};

#define W(l, f) l->f[pick(l->n_##f)]

/* Appends one sentence to `b`. */
static void sentence(char *b, size_t *len, const lang_words *l, int lang) {
  char money[64];
  snprintf(money, sizeof money, W(l, money_fmt), 1 + (int)pick(950),
           (int)pick(10));
  switch (pick(4)) {
  case 0:
    *len += (size_t)sprintf(b + *len, "%s %s %s %s %s %s %s %s %s. ",
                            W(l, open), W(l, org), W(l, verb), W(l, adj),
                            W(l, noun), place_word[lang], W(l, city),
                            W(l, link), money);
    break;
  case 1:
    *len += (size_t)sprintf(b + *len, "\"%s %s %s,\" %s %s %s. ", W(l, org),
                            W(l, verb), W(l, noun), W(l, said), W(l, first),
                            W(l, last));
    break;
  case 2:
    *len += (size_t)sprintf(b + *len, "%s %s %s %s %s %s (%s) %s %s. ",
                            W(l, first), W(l, last), W(l, verb), W(l, adj),
                            W(l, noun), W(l, link), money, place_word[lang],
                            W(l, city));
    break;
  default:
    *len += (size_t)sprintf(b + *len, "%s %s %d %s %s %s. ", W(l, open),
                            W(l, noun), 2000 + (int)pick(26), W(l, verb),
                            W(l, org), W(l, link));
  }
}

/* One article of about `target` bytes: a headline and paragraphs. */
static size_t article(char *b, size_t target, int lang) {
  const lang_words *l = &langs[lang];
  size_t len = 0;
  len += (size_t)sprintf(b, "%s %s %s\n\n", W(l, org), W(l, verb), W(l, noun));
  while (len < target) {
    size_t n = 2 + pick(4);
    for (size_t i = 0; i < n; i++)
      sentence(b, &len, l, lang);
    b[len - 1] = '\n'; /* the last space ends the paragraph */
    b[len++] = '\n';
  }
  return len;
}

static void json_text(FILE *f, const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '"' || s[i] == '\\')
      fputc('\\', f);
    if (s[i] == '\n')
      fputs("\\n", f);
    else
      fputc(s[i], f);
  }
}

static FILE *open_or_die(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
    exit(1);
  }
  return f;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: gencorpus OUTDIR MEGABYTES [SEED]\n", stderr);
    return 2;
  }
  const char *dir = argv[1];
  double mb = atof(argv[2]);
  state = argc > 3 ? strtoull(argv[3], NULL, 10) : 20261125;
  char path[4096];
  mkdir(dir, 0777);
  snprintf(path, sizeof path, "%s/files", dir);
  mkdir(path, 0777);
  for (int l = 0; l < 3; l++) {
    snprintf(path, sizeof path, "%s/files/%s", dir, lang_codes[l]);
    mkdir(path, 0777);
  }
  snprintf(path, sizeof path, "%s/all.txt", dir);
  FILE *all = open_or_die(path);
  snprintf(path, sizeof path, "%s/all.jsonl", dir);
  FILE *jsonl = open_or_die(path);
  static char buf[1 << 16];
  size_t total = 0, limit = (size_t)(mb * 1e6);
  for (unsigned n = 0; total < limit; n++) {
    int lang = (int)(n % 3);
    size_t len = article(buf, 2000 + pick(10000), lang);
    snprintf(path, sizeof path, "%s/files/%s/%05u.txt", dir, lang_codes[lang], n);
    FILE *f = open_or_die(path);
    fwrite(buf, 1, len, f);
    fclose(f);
    fwrite(buf, 1, len, all);
    fprintf(jsonl, "{\"id\": \"%s-%05u\", \"text\": \"", lang_codes[lang], n);
    json_text(jsonl, buf, len);
    fputs("\"}\n", jsonl);
    total += len;
  }
  if (fclose(all) != 0 || fclose(jsonl) != 0) {
    fprintf(stderr, "gencorpus: write error: %s\n", strerror(errno));
    return 1;
  }
  printf("%zu bytes\n", total);
  return 0;
}
