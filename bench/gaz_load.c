/* SPDX-License-Identifier: MIT
 *
 * gaz_load.c -- benchmark helper: how long loading a compiled gazetteer
 * takes (map + header checks) and how long the first lookup after it
 * takes, the cost a short-lived `teitag annotate` pays per run.
 *   usage: gaz_load FILE.gaz PHRASE
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "teitag.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count(void *ctx, const teitag_gazetteer_match *m) {
  (void)m;
  (*(int *)ctx)++;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: gaz_load FILE.gaz PHRASE\n");
    return 2;
  }
  double t0 = now();
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_diag diag;
  if (teitag_pipeline_add_gazetteer(p, argv[1], &diag) != TEITAG_OK) {
    fprintf(stderr, "%s\n", diag.message);
    return 1;
  }
  double t1 = now();
  int hits = 0;
  if (teitag_gazetteer_lookup(p, argv[2], strlen(argv[2]), count, &hits, &diag) !=
      TEITAG_OK) {
    fprintf(stderr, "%s\n", diag.message);
    return 1;
  }
  double t2 = now();
  printf("load %.2f ms, first lookup %.2f ms, total %.2f ms (%d match%s)\n",
         (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t2 - t0) * 1e3, hits,
         hits == 1 ? "" : "es");
  teitag_pipeline_free(p);
  return 0;
}
