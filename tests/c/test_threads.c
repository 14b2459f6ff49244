/* Concurrency through the C ABI: 8 threads triage and run cases at once;
 * every result equals the single-threaded one, and per-thread error
 * messages do not leak into each other.
 *   test_threads [ROUNDS]   (default 20,000 per thread) */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/dsgvo.h"
#include "facts.h"

#define THREADS 8


static char *expected_verdict;
static char *expected_case;
static long rounds = 20000;

static char *run_case(void) {
  dsgvo_case *c = NULL;
  char *json = NULL;
  if (dsgvo_case_open("C-1", FACTS, "2026-11-20T09:20:00+01:00", "DSB", &c) != DSGVO_OK) return NULL;
  if (dsgvo_case_apply(c, "{\"at\":\"2026-11-20T09:30:00+01:00\",\"actor\":\"DSB\",\"action\":{\"type\":\"assess\"}}", 300, NULL) != DSGVO_OK ||
      dsgvo_case_to_json(c, &json) != DSGVO_OK) {
    dsgvo_case_free(c);
    return NULL;
  }
  dsgvo_case_free(c);
  return json;
}

static void *worker(void *arg) {
  long *failures = arg;
  for (long i = 0; i < rounds; i++) {
    char *v = NULL;
    if (dsgvo_triage(FACTS, NULL, &v) != DSGVO_OK || strcmp(v, expected_verdict) != 0) (*failures)++;
    dsgvo_string_free(v);
    /* A failure on this thread names this thread's problem. */
    if (dsgvo_triage("{", NULL, &v) != DSGVO_STATUS_JSON_SYNTAX || !strstr(dsgvo_last_error(), "breach facts")) (*failures)++;
    if (i % 10 == 0) {
      char *c = run_case();
      if (!c || strcmp(c, expected_case) != 0) (*failures)++;
      dsgvo_string_free(c);
    }
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc > 1) rounds = atol(argv[1]);
  if (dsgvo_triage(FACTS, NULL, &expected_verdict) != DSGVO_OK) return 1;
  expected_case = run_case();
  if (!expected_case) return 1;
  pthread_t threads[THREADS];
  long failures[THREADS] = {0};
  for (int t = 0; t < THREADS; t++) pthread_create(&threads[t], NULL, worker, &failures[t]);
  long total = 0;
  for (int t = 0; t < THREADS; t++) {
    pthread_join(threads[t], NULL);
    total += failures[t];
  }
  dsgvo_string_free(expected_verdict);
  dsgvo_string_free(expected_case);
  if (total) {
    fprintf(stderr, "%ld results differed from the single-threaded run\n", total);
    return 1;
  }
  printf("C ABI: %d threads x %ld triages (+ failures and cases) identical to one thread\n", THREADS, rounds);
  return 0;
}
