/* One triage through the C ABI from C: median of 15 batches of 2,000 calls.
 *   cargo build --release -p dsgvo-ffi
 *   gcc -O2 -std=c11 -o c_triage benches/c_triage.c -Ltarget/release -ldsgvo_ffi \
 *       -Wl,-rpath,$PWD/target/release && ./c_triage FACTS.json
 * FACTS.json holds breach facts (dsgvo.breach-facts/1). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../include/dsgvo.h"

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FACTS.json\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 2;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *facts = malloc((size_t)n + 1);
  if (!facts || fread(facts, 1, (size_t)n, f) != (size_t)n) return 2;
  facts[n] = '\0';
  fclose(f);
  double per[15];
  for (int b = 0; b < 15; b++) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < 2000; i++) {
      char *verdict = NULL;
      if (dsgvo_triage(facts, NULL, &verdict) != DSGVO_OK) {
        fprintf(stderr, "%s\n", dsgvo_last_error());
        return 1;
      }
      dsgvo_string_free(verdict);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    per[b] = ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / 2000 / 1000;
  }
  qsort(per, 15, sizeof per[0], cmp);
  printf("triage through the C ABI from C: %.2f µs median (library %s)\n", per[7], dsgvo_version());
  free(facts);
  return 0;
}
