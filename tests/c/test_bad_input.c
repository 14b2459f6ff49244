/* The bad-input matrix (tests/bad_input.json) through the C door: every
 * row returns its specific status, leaves the out-parameter NULL and names
 * the problem in dsgvo_last_error(). Run plain, under ASan/UBSan and under
 * valgrind by tests/run-all.sh (no leak, no invalid access).
 *
 *   test_bad_input        run the matrix
 *   test_bad_input --ids  print the row ids (compared with the JSON table)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/dsgvo.h"
#include "facts.h"

static int failures = 0;

/* `text` with the first `from` replaced by `to` (malloc'd). */
static char *replaced(const char *text, const char *from, const char *to) {
  const char *at = strstr(text, from);
  if (!at) {
    fprintf(stderr, "replaced: \"%s\" not found\n", from);
    exit(2);
  }
  size_t head = (size_t)(at - text), n = strlen(text) - strlen(from) + strlen(to);
  char *out = malloc(n + 1);
  memcpy(out, text, head);
  strcpy(out + head, to);
  strcat(out, at + strlen(from));
  return out;
}

static char *copy(const char *text) {
  char *out = malloc(strlen(text) + 1);
  strcpy(out, text);
  return out;
}

static char *repeated(char c, size_t times) {
  char *out = malloc(times + 1);
  memset(out, c, times);
  out[times] = '\0';
  return out;
}

/* FACTS padded with spaces inside the object to `size` bytes. */
static char *padded(size_t size) {
  size_t n = strlen(FACTS);
  char *out = malloc(size + 1);
  memcpy(out, FACTS, n - 1);
  memset(out + n - 1, ' ', size - n);
  out[size - 1] = '}';
  out[size] = '\0';
  return out;
}

static char *truncated(size_t n) {
  char *out = malloc(n + 1);
  memcpy(out, FACTS, n);
  out[n] = '\0';
  return out;
}

static dsgvo_case *open_case(const char *facts) {
  dsgvo_case *c = NULL;
  if (dsgvo_case_open("2026-017", facts, "2026-11-20T09:15:00+01:00", "DSB", &c) != DSGVO_OK) {
    fprintf(stderr, "open_case: %s\n", dsgvo_last_error());
    exit(2);
  }
  return c;
}

static char *tampered_case(void) {
  dsgvo_case *c = open_case(FACTS);
  char *stored = NULL;
  dsgvo_case_to_json(c, &stored);
  dsgvo_case_free(c);
  char *out = replaced(stored, "2500", "2501");
  dsgvo_string_free(stored);
  return out;
}

enum door { TRIAGE, DOCUMENTS, CASE_LOAD, CASE_AFTER_FREE, REGISTER_EXPORT, CASE_APPLY, CASE_ANCHOR,
            REGISTER_TWICE, SCOPE, RECIPIENTS };

struct row {
  const char *id;
  enum door door;
  char *input; /* NULL: a NULL argument */
  const char *status;
};

/* The batch of rows of a SCOPE or RECIPIENTS row (its input: the options). */
static const char *batch_of(const char *id) {
  if (strcmp(id, "scope_missing_key") == 0) return "[{\"email\": \"erika@example.org\", \"country\": \"DE\"}]";
  return "[]";
}

static void check(const struct row *r) {
  char *out = NULL;
  dsgvo_case *c = NULL;
  dsgvo_scope *run = NULL;
  dsgvo_status s;
  switch (r->door) {
    case TRIAGE:
      s = dsgvo_triage(r->input, NULL, &out);
      break;
    case DOCUMENTS:
      s = dsgvo_documents(r->input, NULL, "2026-11-19T09:15:00+01:00", NULL, &out);
      break;
    case CASE_LOAD:
      s = dsgvo_case_load(r->input, 300, &c);
      break;
    case REGISTER_EXPORT: /* the format names are the core's, at every door */
      s = dsgvo_register_export("[]", 300, r->input, &out);
      break;
    case CASE_APPLY: /* the case is freed at the end, after the check */
      c = open_case(FACTS);
      s = dsgvo_case_apply_at(c, r->input, 300, "2026-11-21T12:00:00+01:00", &out); /* the rows' "now" */
      break;
    case CASE_ANCHOR: { /* the anchor after the assessment, the log without it */
      dsgvo_case *full = open_case(FACTS);
      char *anchor = NULL;
      if (dsgvo_case_apply(full, r->input, 300, NULL) != DSGVO_OK || dsgvo_case_anchor(full, &anchor) != DSGVO_OK) {
        fprintf(stderr, "%s: setting up failed: %s\n", r->id, dsgvo_last_error());
        exit(2);
      }
      dsgvo_case_free(full);
      c = open_case(FACTS);
      s = dsgvo_case_check_anchor(c, anchor);
      dsgvo_string_free(anchor);
      break;
    }
    case REGISTER_TWICE: {
      dsgvo_case *one = open_case(r->input);
      char *stored = NULL;
      dsgvo_case_to_json(one, &stored);
      dsgvo_case_free(one);
      size_t n = 2 * strlen(stored) + 4;
      char *twice = malloc(n);
      snprintf(twice, n, "[%s,%s]", stored, stored);
      dsgvo_string_free(stored);
      s = dsgvo_register_export(twice, 300, "csv", &out);
      free(twice);
      break;
    }
    case SCOPE: /* a run, one batch, then the report or the second pass */
    case RECIPIENTS: {
      s = dsgvo_scope_new(r->input, NULL, &run);
      if (s == DSGVO_OK) s = dsgvo_scope_push(run, batch_of(r->id), 2);
      if (s == DSGVO_OK && r->door == SCOPE) s = dsgvo_scope_report(run, &out);
      if (s == DSGVO_OK && r->door == RECIPIENTS) s = dsgvo_scope_start_recipients(run);
      break; /* the run is freed at the end, after the check */
    }
    case CASE_AFTER_FREE:
      c = open_case(r->input);
      dsgvo_case_free(c);
      s = dsgvo_case_status(c, "2026-11-22T10:00:00+01:00", &out);
      break;
  }
  const char *name = dsgvo_status_name((uint32_t)s);
  int handed_out = out != NULL || (r->door == CASE_LOAD && c != NULL);
  if (strcmp(name, r->status) != 0 || handed_out || strlen(dsgvo_last_error()) == 0) {
    fprintf(stderr, "%s: got %s (\"%s\"), out %s; want %s\n", r->id, name, dsgvo_last_error(),
            handed_out ? "handed out" : "NULL", r->status);
    failures++;
  }
  if (r->door == CASE_AFTER_FREE) {
    dsgvo_case_free(c); /* a double free is detected and ignored */
    c = NULL;
  }
  dsgvo_string_free(out);
  dsgvo_case_free(c);
  dsgvo_scope_free(run);
}

int main(int argc, char **argv) {
  struct row rows[] = {
      {"null", TRIAGE, NULL, "DSGVO_STATUS_NULL_ARGUMENT"},
      {"empty", TRIAGE, repeated(' ', 0), "DSGVO_STATUS_JSON_SYNTAX"},
      {"invalid_utf8", TRIAGE, copy("{\"schema\":\"\xff\"}"), "DSGVO_STATUS_INVALID_UTF8"},
      {"truncated", TRIAGE, truncated(60), "DSGVO_STATUS_JSON_SYNTAX"},
      {"nested_10000", TRIAGE, repeated('[', 10000), "DSGVO_STATUS_JSON_TOO_DEEP"},
      {"size_50mb", TRIAGE, padded(52428800), "DSGVO_STATUS_JSON_TOO_LARGE"},
      {"wrong_type", TRIAGE, replaced(FACTS, "\"count\":2500", "\"count\":\"viele\""), "DSGVO_STATUS_WRONG_TYPE"},
      {"unknown_enum", TRIAGE, replaced(FACTS, "\"cause\":\"hacking\"", "\"cause\":\"aliens\""), "DSGVO_STATUS_UNKNOWN_VALUE"},
      {"unknown_schema", TRIAGE, replaced(FACTS, "breach-facts/1", "breach-facts/9"), "DSGVO_STATUS_UNSUPPORTED_SCHEMA"},
      {"no_offset", TRIAGE, replaced(FACTS, "09:15:00+01:00", "09:15:00"), "DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET"},
      {"aware_after_now", DOCUMENTS, copy(FACTS), "DSGVO_STATUS_DOCUMENT_NOW_BEFORE_AWARENESS"},
      {"min_gt_max", TRIAGE, replaced(FACTS, "\"count\":2500", "\"count\":{\"min\":500,\"max\":10}"), "DSGVO_STATUS_INCONSISTENT"},
      {"negative_count", TRIAGE, replaced(FACTS, "\"count\":2500", "\"count\":-5"), "DSGVO_STATUS_INVALID_VALUE"},
      {"overflowing_count", TRIAGE, replaced(FACTS, "\"count\":2500", "\"count\":1e30"), "DSGVO_STATUS_INVALID_VALUE"},
      {"year_9999", TRIAGE, replaced(FACTS, "2026-11-20T09:15:00+01:00", "9999-12-31T23:00:00+01:00"), "DSGVO_STATUS_INVALID_VALUE"},
      {"year_1900", TRIAGE, replaced(FACTS, "\"aware_at\"", "\"occurred\":{\"from\":\"1900-01-01T00:00:00+00:00\"},\"aware_at\""), "DSGVO_STATUS_INVALID_VALUE"},
      {"aware_before_gdpr", TRIAGE, replaced(FACTS, "2026-11-20T09:15:00+01:00", "2017-06-01T09:00:00+02:00"), "DSGVO_STATUS_INVALID_VALUE"},
      {"unknown_country", TRIAGE, replaced(FACTS, "\"country\":\"DE\"", "\"country\":\"XX\""), "DSGVO_STATUS_INVALID_VALUE"},
      {"unknown_residence", TRIAGE, replaced(FACTS, "\"categories\":[\"customers\"]", "\"categories\":[\"customers\"],\"residence\":[\"ZZ\"]"), "DSGVO_STATUS_INVALID_VALUE"},
      {"facts_as_array", TRIAGE, copy("[\"dsgvo.breach-facts/1\", \"controller\"]"), "DSGVO_STATUS_WRONG_TYPE"},
      {"case_as_array", CASE_LOAD, copy("[\"dsgvo.case/2\", \"2026-017\", []]"), "DSGVO_STATUS_WRONG_TYPE"},
      {"nested_as_array", TRIAGE, replaced(FACTS, "\"aware_at\"", "\"occurred\":[\"2026-11-19T08:00:00+01:00\",\"2026-11-20T08:00:00+01:00\"],\"aware_at\""), "DSGVO_STATUS_WRONG_TYPE"},
      {"broken_chain", CASE_LOAD, tampered_case(), "DSGVO_STATUS_CASE_BROKEN_CHAIN"},
      {"use_after_free", CASE_AFTER_FREE, copy(FACTS), "DSGVO_STATUS_INVALID_HANDLE"},
      {"inform_nobody", CASE_APPLY,
       copy("{\"at\": \"2026-11-21T10:00:00+01:00\", \"actor\": \"DSB\", \"action\": {\"type\": \"inform_subjects\", \"people\": 0}}"),
       "DSGVO_STATUS_CASE_INVALID_COMMAND"},
      {"command_in_2062", CASE_APPLY,
       copy("{\"at\": \"2062-11-20T10:00:00+01:00\", \"actor\": \"DSB\", \"action\": {\"type\": \"assess\"}}"),
       "DSGVO_STATUS_CASE_INVALID_COMMAND"},
      {"command_after_now", CASE_APPLY,
       copy("{\"at\": \"2027-11-20T10:00:00+01:00\", \"actor\": \"DSB\", \"action\": {\"type\": \"assess\"}}"),
       "DSGVO_STATUS_CASE_INVALID_COMMAND"},
      {"anchor_truncated", CASE_ANCHOR,
       copy("{\"at\": \"2026-11-20T10:00:00+01:00\", \"actor\": \"DSB\", \"action\": {\"type\": \"assess\"}}"),
       "DSGVO_STATUS_CASE_BROKEN_CHAIN"},
      {"register_duplicate", REGISTER_TWICE, copy(FACTS), "DSGVO_STATUS_CASE_DUPLICATE"},
      {"register_format_unknown", REGISTER_EXPORT, copy("rows"), "DSGVO_STATUS_INVALID_ARGUMENT"},
      {"scope_missing_key", SCOPE, copy("{\"as_of\": \"2026-11-20\", \"key\": \"kundennr\"}"),
       "DSGVO_STATUS_SCOPE_MISSING_COLUMN"},
      {"recipients_of_no_rows", RECIPIENTS, copy("{\"as_of\": \"2026-11-20\"}"), "DSGVO_STATUS_SCOPE_EMPTY"},
  };
  size_t n = sizeof rows / sizeof rows[0];
  for (size_t i = 0; i < n; i++) {
    if (argc > 1 && strcmp(argv[1], "--ids") == 0) {
      printf("%s\n", rows[i].id);
    } else {
      check(&rows[i]);
    }
    free(rows[i].input);
  }
  if (argc > 1) return 0;
  if (failures) {
    fprintf(stderr, "bad-input matrix: %d of %zu rows failed\n", failures, n);
    return 1;
  }
  printf("bad-input matrix: %zu rows, each its specific status, nothing handed out\n", n);
  return 0;
}
