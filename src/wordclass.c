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
    "сьогодні", "вчора", "завтра", "решта", "інші", "інших", "багато",
    "кілька", "декілька", "більше", "менше", "після", "перед", "під", "над",
    "при", "про", "для", "без", "до", "від", "із", "зі", "на", "у", "в", "з",
    "за", "по", "через", "серед", "навіть", "лише", "тільки", "саме", "вже",
    "один", "одна", "одне", "два", "дві", "три", "перший", "перша", "новий",
    "нова", "нові", "водночас", "натомість", "однак", "проте", "отже",
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
    "несколько", "больше", "меньше", "после", "перед", "под", "над", "при",
    "про", "для", "без", "до", "от", "из", "со", "на", "в", "с", "за", "по",
    "через", "среди", "даже", "лишь", "только", "именно", "один", "одна",
    "одно", "два", "две", "три", "первый", "первая", "новый", "новая",
    "новые", "однако", "зато", "итак", "между", "около", "вокруг", "об",
    "обо", "во", "ко", "о", "ведь", "вот", "уж",
    NULL};

/* Words that stand next to a name without being part of it: titles,
 * roles and corporate designators, capitalised in English news. */
static const char *const role_words[] = {
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
    "sheikh", "emir", "ayatollah", "mr.", "mrs.", "ms.", "dr.", "prof.",
    "sir", "lord", "lady", "dame", "saint", "st.", "premier", "former",
    "acting", "interim", "chairperson", "head", "founder", "owner", "coach",
    "captain", "capt.", "sgt.", "maj.", "inc.", "inc", "ltd", "ltd.", "corp.",
    "corp", "llc", "plc", "co.", "ag", "sa", "gmbh", "nv", "oao", "pjsc",
    "jsc", "group", "holding", "holdings", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", NULL};

typedef struct {
  uint64_t *hashes;
  size_t n;
} hash_set;

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static void build(hash_set *set, const char *const *words) {
  size_t n = 0;
  while (words[n])
    n++;
  set->hashes = tt_xmalloc(n * sizeof *set->hashes);
  tt_buf key = {NULL, 0, 0};
  for (size_t i = 0; i < n; i++) {
    /* folded as token keys are: ё -> е, apostrophes, case */
    tt_buf_clear(&key);
    tt_key_append(&key, words[i], strlen(words[i]));
    set->hashes[i] = tt_hash_bytes(key.data, key.len);
  }
  tt_buf_free(&key);
  qsort(set->hashes, n, sizeof *set->hashes, cmp_u64);
  set->n = n;
}

static int contains(const hash_set *set, uint64_t hash) {
  size_t lo = 0, hi = set->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (set->hashes[mid] < hash)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < set->n && set->hashes[lo] == hash;
}

static hash_set function_set, role_set;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build_all(void) {
  tt_chars_init();
  build(&function_set, function_words);
  build(&role_set, role_words);
}

int tt_is_function_word(uint64_t key_hash) {
  pthread_once(&once, build_all);
  return contains(&function_set, key_hash);
}

int tt_is_role_word(uint64_t key_hash) {
  pthread_once(&once, build_all);
  return contains(&role_set, key_hash);
}
