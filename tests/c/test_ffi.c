/* C tests of the dsgvo C ABI: every function, its success and its error
 * paths. Built with -Wall -Wextra -Werror -pedantic, run plain, under
 * AddressSanitizer/UBSan and under valgrind by tests/run-all.sh.
 *
 *   test_ffi             run every check
 *   test_ffi triage F [O]  print the verdict for the facts JSON in file F
 *                          (options in file O): the calibration cases
 *                          through C
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/dsgvo.h"
#include "facts.h"

static int failures = 0;

#define CHECK(cond)                                                         \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, \
              __LINE__, #cond, dsgvo_last_error());                         \
      failures++;                                                           \
    }                                                                       \
  } while (0)

#define EXPECT(call, status) CHECK((call) == (status))


static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  if (buf) buf[n] = '\0';
  fclose(f);
  return buf;
}

static void versions(void) {
  CHECK(dsgvo_abi_version() == DSGVO_ABI_VERSION);
  CHECK(strlen(dsgvo_version()) > 0);
  CHECK(strcmp(dsgvo_status_name(DSGVO_STATUS_CASE_REFUSED), "DSGVO_STATUS_CASE_REFUSED") == 0);
  CHECK(strcmp(dsgvo_status_name(12345), "DSGVO_STATUS_UNKNOWN") == 0);
  dsgvo_string_free(NULL);
  dsgvo_case_free(NULL);
}

static void triage(void) {
  char *verdict = NULL;
  EXPECT(dsgvo_triage(FACTS, NULL, &verdict), DSGVO_OK);
  CHECK(verdict && strstr(verdict, "\"notify_authority\":true"));
  CHECK(strcmp(dsgvo_last_error(), "") == 0);
  dsgvo_string_free(verdict);

  verdict = NULL;
  EXPECT(dsgvo_triage(FACTS, "{\"language\":\"en\",\"policy\":\"notify_always\"}", &verdict), DSGVO_OK);
  CHECK(verdict && strstr(verdict, "\"language\":\"en\""));
  dsgvo_string_free(verdict);

  /* Errors leave the out-parameter alone and say what is wrong. */
  char *untouched = (char *)"sentinel";
  EXPECT(dsgvo_triage(NULL, NULL, &untouched), DSGVO_STATUS_NULL_ARGUMENT);
  CHECK(strstr(dsgvo_last_error(), "facts_json"));
  CHECK(strcmp(untouched, "sentinel") == 0);
  EXPECT(dsgvo_triage(FACTS, NULL, NULL), DSGVO_STATUS_NULL_ARGUMENT);
  CHECK(strstr(dsgvo_last_error(), "verdict_out"));
  EXPECT(dsgvo_triage("{\"schema\":\"\xff\"}", NULL, &untouched), DSGVO_STATUS_INVALID_UTF8);
  EXPECT(dsgvo_triage("{\"schema\":\"dsgvo.breach-facts/1\",", NULL, &untouched), DSGVO_STATUS_JSON_SYNTAX);
  EXPECT(dsgvo_triage(FACTS, "{\"language\":\"fr\"}", &untouched), DSGVO_STATUS_UNKNOWN_VALUE);
  CHECK(strstr(dsgvo_last_error(), "language"));
  EXPECT(dsgvo_triage(FACTS, "{\"colour\":1}", &untouched), DSGVO_STATUS_UNKNOWN_FIELD);

  char *no_offset = malloc(strlen(FACTS) + 1);
  strcpy(no_offset, FACTS);
  char *offset = strstr(no_offset, "+01:00");
  memmove(offset, offset + 6, strlen(offset + 6) + 1);
  EXPECT(dsgvo_triage(no_offset, NULL, &untouched), DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET);
  CHECK(strstr(dsgvo_last_error(), "aware_at"));
  free(no_offset);

  size_t big = 2u << 20;
  char *huge = malloc(big + 1);
  memset(huge, ' ', big);
  huge[big] = '\0';
  EXPECT(dsgvo_triage(huge, NULL, &untouched), DSGVO_STATUS_JSON_TOO_LARGE);
  free(huge);
  CHECK(strcmp(untouched, "sentinel") == 0);
}

static void documents(void) {
  char *docs = NULL;
  EXPECT(dsgvo_documents(FACTS, NULL, "2026-11-21T09:15:00+01:00", NULL, &docs), DSGVO_OK);
  CHECK(docs && strstr(docs, "notification.de.md"));
  dsgvo_string_free(docs);
  docs = NULL;
  EXPECT(dsgvo_documents(FACTS, NULL, "2026-11-25T09:15:00+01:00", NULL, &docs),
         DSGVO_STATUS_DOCUMENT_DELAY_REASONS_REQUIRED);
  EXPECT(dsgvo_documents(FACTS, NULL, "2026-11-25T09:15:00+01:00", "Forensik dauerte an", &docs), DSGVO_OK);
  dsgvo_string_free(docs);
  EXPECT(dsgvo_documents(FACTS, NULL, "2026-11-21 09:15", NULL, &docs), DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET);
  EXPECT(dsgvo_documents(FACTS, NULL, "gestern", NULL, &docs), DSGVO_STATUS_INVALID_ARGUMENT);
}

static void cases(void) {
  dsgvo_case *c = NULL;
  EXPECT(dsgvo_case_open("2026-017", FACTS, "2026-11-20T09:20:00+01:00", "DSB", &c), DSGVO_OK);
  CHECK(c != NULL);
  char *entry = NULL;
  EXPECT(dsgvo_case_apply(c, "{\"at\":\"2026-11-20T09:30:00+01:00\",\"actor\":\"DSB\",\"action\":{\"type\":\"assess\"}}", 300, &entry), DSGVO_OK);
  CHECK(entry && strstr(entry, "\"assessed\""));
  dsgvo_string_free(entry);
  EXPECT(dsgvo_case_apply(c, "{\"at\":\"2026-11-20T09:40:00+01:00\",\"actor\":\"DSB\",\"action\":{\"type\":\"close\"}}", 300, NULL),
         DSGVO_STATUS_CASE_REFUSED);
  CHECK(strstr(dsgvo_last_error(), "close"));
  EXPECT(dsgvo_case_apply(c, "{\"at\":\"2026-11-20T08:00:00+01:00\",\"actor\":\"DSB\",\"action\":{\"type\":\"document_only\"}}", 300, NULL),
         DSGVO_STATUS_CASE_BACKDATED);
  EXPECT(dsgvo_case_apply(c, "{\"at\":\"2026-11-20T09:40:00+01:00\",\"actor\":\" \",\"action\":{\"type\":\"document_only\"}}", 300, NULL),
         DSGVO_STATUS_CASE_INVALID_COMMAND);
  EXPECT(dsgvo_case_apply(c, "{\"at\":\"2026-11-20T09:40:00+01:00\",\"actor\":\"DSB\",\"action\":{\"type\":\"fly\"}}", 300, NULL),
         DSGVO_STATUS_UNKNOWN_VALUE);
  EXPECT(dsgvo_case_apply(c, "{}", -1, NULL), DSGVO_STATUS_MISSING_FIELD);
  EXPECT(dsgvo_case_apply(c, "{\"at\":\"2026-11-20T09:40:00+01:00\",\"actor\":\"DSB\",\"action\":{\"type\":\"close\"}}", -1, NULL),
         DSGVO_STATUS_INVALID_ARGUMENT);

  char *status = NULL;
  EXPECT(dsgvo_case_status(c, "2026-11-21T09:00:00+01:00", &status), DSGVO_OK);
  CHECK(status && strstr(status, "\"state\":\"assessed\"") && strstr(status, "open_duties"));
  dsgvo_string_free(status);
  char *docs = NULL;
  EXPECT(dsgvo_case_documents(c, "2026-11-21T09:00:00+01:00", NULL, &docs), DSGVO_OK);
  dsgvo_string_free(docs);

  char *stored = NULL;
  EXPECT(dsgvo_case_to_json(c, &stored), DSGVO_OK);
  dsgvo_case *loaded = NULL;
  EXPECT(dsgvo_case_load(stored, 300, &loaded), DSGVO_OK);
  dsgvo_case_free(loaded);

  /* Tampering is detected. */
  char *tampered = malloc(strlen(stored) + 1);
  strcpy(tampered, stored);
  char *at = strstr(tampered, "Beispiel");
  at[0] = 'b';
  EXPECT(dsgvo_case_load(tampered, 300, &loaded), DSGVO_STATUS_CASE_BROKEN_CHAIN);
  CHECK(strstr(dsgvo_last_error(), "entry 0"));
  free(tampered);

  /* The register of stored cases. */
  size_t n = strlen(stored);
  char *array = malloc(n + 3);
  array[0] = '[';
  memcpy(array + 1, stored, n);
  array[n + 1] = ']';
  array[n + 2] = '\0';
  char *csv = NULL;
  EXPECT(dsgvo_register_export(array, 300, "csv", &csv), DSGVO_OK);
  CHECK(csv && strstr(csv, "2026-017"));
  dsgvo_string_free(csv);
  char *figures = NULL;
  EXPECT(dsgvo_register_export(array, 300, "figures", &figures), DSGVO_OK);
  dsgvo_string_free(figures);
  EXPECT(dsgvo_register_export(array, 300, "pdf", &figures), DSGVO_STATUS_INVALID_ARGUMENT);
  EXPECT(dsgvo_register_export("[{}]", 300, "csv", &figures), DSGVO_STATUS_MISSING_FIELD);
  CHECK(strstr(dsgvo_last_error(), "cases[0]"));
  free(array);
  dsgvo_string_free(stored);

  /* A freed handle is refused, not read; freeing twice is harmless. */
  dsgvo_case_free(c);
  EXPECT(dsgvo_case_to_json(c, &stored), DSGVO_STATUS_INVALID_HANDLE);
  dsgvo_case_free(c);
  EXPECT(dsgvo_case_to_json(NULL, &stored), DSGVO_STATUS_NULL_ARGUMENT);
  EXPECT(dsgvo_case_open("x", FACTS, "2026-11-20T09:20:00", "DSB", &c), DSGVO_STATUS_TIMESTAMP_WITHOUT_OFFSET);
  EXPECT(dsgvo_case_open(" ", FACTS, "2026-11-20T09:20:00+01:00", "DSB", &c), DSGVO_STATUS_INVALID_ARGUMENT);
}

static void toms(void) {
  const char *doc = "# Zugangskontrolle\n- Zwei-Faktor-Anmeldung fuer Admins\n"
                    "# Zugriffskontrolle\n- Die Integritaet unserer Mitarbeiter steht ausser Frage.\n";
  char *report = NULL;
  EXPECT(dsgvo_tom_import(doc, "Beispiel Shop GmbH", "normal", &report), DSGVO_OK);
  CHECK(report && strstr(report, "admin_mfa"));
  dsgvo_string_free(report);
  EXPECT(dsgvo_tom_import(doc, "Shop", "extreme", &report), DSGVO_STATUS_INVALID_ARGUMENT);

  const char *checklist =
      "{\"schema\":\"dsgvo.tom-checklist/1\",\"organisation\":\"Shop\",\"protection_need\":\"high\","
      "\"items\":[{\"id\":\"enc\",\"statement\":\"Festplattenverschluesselung\",\"area\":\"encryption\","
      "\"measure\":\"encryption_at_rest\",\"owner\":\"IT\",\"state\":{\"status\":\"implemented\",\"since\":\"2026-01-31\"}}]}";
  char *evaluation = NULL;
  EXPECT(dsgvo_tom_evaluate(checklist, "2026-11-22", "en", &evaluation), DSGVO_OK);
  CHECK(evaluation && strstr(evaluation, "dsgvo.tom-evaluation/1"));
  dsgvo_string_free(evaluation);
  EXPECT(dsgvo_tom_evaluate(checklist, "22.11.2026", "en", &evaluation), DSGVO_STATUS_INVALID_ARGUMENT);
  EXPECT(dsgvo_tom_evaluate("{\"schema\":\"dsgvo.tom-checklist/9\"}", "2026-11-22", NULL, &evaluation),
         DSGVO_STATUS_UNSUPPORTED_SCHEMA);

  char *changed = NULL;
  EXPECT(dsgvo_tom_apply(checklist, "enc", "{\"action\":\"verify\",\"evidence\":\"BitLocker-Bericht\"}", "2026-11-20", "DSB", &changed), DSGVO_OK);
  CHECK(changed && strstr(changed, "verified"));
  dsgvo_string_free(changed);
  EXPECT(dsgvo_tom_apply(checklist, "enc", "{\"action\":\"implement\"}", "2026-11-20", "DSB", &changed), DSGVO_STATUS_TOM_REFUSED);
  EXPECT(dsgvo_tom_apply(checklist, "nope", "{\"action\":\"plan\"}", "2026-11-20", "DSB", &changed), DSGVO_STATUS_TOM_UNKNOWN_ITEM);
  EXPECT(dsgvo_tom_apply(checklist, "enc", "{\"action\":\"verify\",\"evidence\":\" \"}", "2026-11-20", "DSB", &changed), DSGVO_STATUS_TOM_INVALID_ACTION);

  EXPECT(dsgvo_tom_record_breach(checklist, "{\"reference\":\"2026-017\"}",
                                 "[{\"measure\":\"encryption_at_rest\",\"finding\":\"Laptop unverschluesselt\"}]",
                                 "2026-11-20", "DSB", "de", &changed), DSGVO_OK);
  CHECK(changed && strstr(changed, "deficient"));
  char *document = NULL;
  EXPECT(dsgvo_tom_document(changed, "2026-11-22", "de", "html", &document), DSGVO_OK);
  CHECK(document && strstr(document, "mangelhaft"));
  dsgvo_string_free(document);
  EXPECT(dsgvo_tom_document(changed, "2026-11-22", "de", "pdf", &document), DSGVO_STATUS_INVALID_ARGUMENT);
  dsgvo_string_free(changed);
}

static void reference(void) {
  char *out = NULL;
  EXPECT(dsgvo_authorities(&out), DSGVO_OK);
  CHECK(out && strstr(out, "de-by-lda"));
  dsgvo_string_free(out);
  EXPECT(dsgvo_dpo_duty("{\"german\":true,\"persons_processing_automatically\":20}", "en", &out), DSGVO_OK);
  CHECK(out && strstr(out, "\"required\":true"));
  dsgvo_string_free(out);
  EXPECT(dsgvo_dpo_duty("{\"german\":true}", "en", &out), DSGVO_STATUS_MISSING_FIELD);
  EXPECT(dsgvo_fine_ceilings(2000000000, "de", &out), DSGVO_OK);
  CHECK(out && strstr(out, "80000000"));
  dsgvo_string_free(out);
  EXPECT(dsgvo_fine_ceilings(-1, "xx", &out), DSGVO_STATUS_INVALID_ARGUMENT);
  /* C-383/23 ILVA: the group's turnover (EUR 881 M) sets the ceiling. */
  EXPECT(dsgvo_fine_ceilings_for("{\"undertaking_turnover_cents\":88100000000,\"own_turnover_cents\":24100000000}", "en", &out), DSGVO_OK);
  CHECK(out && strstr(out, "\"art83_4\":{\"cents\":1762000000,\"bound\":\"exact\"}"));
  dsgvo_string_free(out);
  EXPECT(dsgvo_fine_ceilings_for("{\"undertaking_turnover_cents\":1,\"own_turnover_cents\":2}", "en", &out), DSGVO_STATUS_INCONSISTENT);
  EXPECT(dsgvo_authorities(NULL), DSGVO_STATUS_NULL_ARGUMENT);
}

/* Issue 19 item 5: Art. 34 letters at the C ABI, batch by batch; a bad
 * recipient is named by its number in the run and hands nothing out. */
static void letters(void) {
  dsgvo_letter_run *run = NULL;
  EXPECT(dsgvo_letter_run_new(FACTS, NULL, "text", &run), DSGVO_OK);
  char *block = NULL;
  EXPECT(dsgvo_letter_run_write(run, "[{\"name\":\"Kundin 0\"},{\"name\":\"Kundin 1\",\"email\":\"k1@example.org\"}]", 0,
                                "jsonl", &block),
         DSGVO_OK);
  CHECK(block && strstr(block, "\"name\":\"Kundin 1\"") && strstr(block, "Guten Tag Kundin 0"));
  int lines = 0;
  for (const char *p = block; p && *p; p++) lines += *p == '\n';
  CHECK(lines == 2);
  dsgvo_string_free(block);
  block = NULL;
  EXPECT(dsgvo_letter_run_write(run, "[{\"name\":\"A\"},{\"name\":\"B\\r\\nBcc: x@example.org\"}]", 4500, "print",
                                &block),
         DSGVO_STATUS_DOCUMENT_INVALID_RECIPIENT);
  CHECK(block == NULL && strstr(dsgvo_last_error(), "recipients[4501].name"));
  EXPECT(dsgvo_letter_run_write(run, "[]", 0, "pdf", &block), DSGVO_STATUS_INVALID_ARGUMENT);
  CHECK(strstr(dsgvo_last_error(), "layout"));
  dsgvo_letter_run_free(run);
  EXPECT(dsgvo_letter_run_write(run, "[]", 0, "jsonl", &block), DSGVO_STATUS_INVALID_HANDLE);
  dsgvo_letter_run_free(run); /* a second free is ignored */
  EXPECT(dsgvo_letter_run_new(FACTS, NULL, "pdf", &run), DSGVO_STATUS_INVALID_ARGUMENT);
}

/* Scoping through the C ABI (issue 20): a WooCommerce-style batch with a
 * nested billing address, two parts merged, the state stored and read back,
 * the second pass giving the recipients. Expected values from the rows:
 * three orders of two people (the key is the e-mail address, compared in
 * lower case), one born 2010-05-01 (16 on 2026-11-20). */
static const char *ORDERS_A =
    "[{\"id\":1,\"billing\":{\"first_name\":\"Erika\",\"email\":\"erika@example.org\",\"country\":\"DE\"},"
    "\"birthday\":\"2010-05-01\"},"
    " {\"id\":2,\"billing\":{\"first_name\":\"Max\",\"email\":\"max@example.at\",\"country\":\"AT\"},"
    "\"birthday\":\"1980-01-31\"}]";
static const char *ORDERS_B =
    "[{\"id\":3,\"billing\":{\"first_name\":\"Erika\",\"email\":\"ERIKA@example.org\",\"country\":\"DE\"},"
    "\"birthday\":\"2010-05-01\"}]";
static const char *SCOPE_OPTIONS =
    "{\"as_of\":\"2026-11-20\",\"key\":\"billing.email\",\"overrides\":{\"birthday\":\"birth_date\"}}";

static void scope(void) {
  dsgvo_scope *a = NULL, *b = NULL, *stored = NULL;
  EXPECT(dsgvo_scope_new(SCOPE_OPTIONS, NULL, &a), DSGVO_OK);
  EXPECT(dsgvo_scope_push(a, ORDERS_A, 1), DSGVO_OK);
  EXPECT(dsgvo_scope_new(SCOPE_OPTIONS, NULL, &b), DSGVO_OK);
  EXPECT(dsgvo_scope_push(b, ORDERS_B, 3), DSGVO_OK);
  EXPECT(dsgvo_scope_merge(a, b), DSGVO_OK);
  EXPECT(dsgvo_scope_merge(a, a), DSGVO_STATUS_INVALID_ARGUMENT);
  char *report = NULL;
  EXPECT(dsgvo_scope_report(a, &report), DSGVO_OK);
  CHECK(report && strstr(report, "\"records\":3") && strstr(report, "\"subjects\":2") &&
        strstr(report, "\"minors\":1") && strstr(report, "\"residence\":[\"AT\",\"DE\"]"));
  CHECK(report && !strstr(report, "erika@example.org")); /* counts and masks only */
  char *state = NULL;
  EXPECT(dsgvo_scope_state(a, &state), DSGVO_OK);
  EXPECT(dsgvo_scope_from_state(state, &stored), DSGVO_OK);
  char *again = NULL;
  EXPECT(dsgvo_scope_report(stored, &again), DSGVO_OK);
  CHECK(report && again && strcmp(report, again) == 0);
  /* The second pass: the same batches again give each person once. */
  EXPECT(dsgvo_scope_start_recipients(a), DSGVO_OK);
  EXPECT(dsgvo_scope_push(a, ORDERS_A, 1), DSGVO_OK);
  EXPECT(dsgvo_scope_push(a, ORDERS_B, 3), DSGVO_OK);
  char *people = NULL;
  EXPECT(dsgvo_scope_recipients(a, &people), DSGVO_OK);
  CHECK(people && strstr(people, "\"name\":\"Erika\"") && strstr(people, "\"email\":\"erika@example.org\"") &&
        strstr(people, "\"name\":\"Max\"") && !strstr(people, "ERIKA@"));
  /* Errors: a NULL out-parameter, bad JSON, an unknown option, a freed run. */
  char *none = NULL;
  EXPECT(dsgvo_scope_report(b, NULL), DSGVO_STATUS_NULL_ARGUMENT);
  EXPECT(dsgvo_scope_push(b, "[{\"id\":", 4), DSGVO_STATUS_JSON_SYNTAX);
  EXPECT(dsgvo_scope_new("{\"as_of\":\"2026-11-20\",\"keys\":\"id\"}", NULL, &stored), DSGVO_STATUS_UNKNOWN_FIELD);
  CHECK(strstr(dsgvo_last_error(), "keys"));
  EXPECT(dsgvo_scope_recipients(b, &none), DSGVO_STATUS_INVALID_ARGUMENT);
  CHECK(none == NULL);
  dsgvo_scope_free(b);
  EXPECT(dsgvo_scope_push(b, ORDERS_B, 3), DSGVO_STATUS_INVALID_HANDLE);
  dsgvo_scope_free(b); /* a second free is ignored */
  dsgvo_string_free(report);
  dsgvo_string_free(again);
  dsgvo_string_free(state);
  dsgvo_string_free(people);
  dsgvo_scope_free(stored);
  dsgvo_scope_free(a);
}

int main(int argc, char **argv) {
  if ((argc == 3 || argc == 4) && strcmp(argv[1], "triage") == 0) {
    char *facts = read_file(argv[2]);
    char *options = argc == 4 ? read_file(argv[3]) : NULL;
    if (!facts || (argc == 4 && !options)) {
      fprintf(stderr, "cannot read the input files\n");
      free(facts);
      free(options);
      return 2;
    }
    char *verdict = NULL;
    dsgvo_status s = dsgvo_triage(facts, options, &verdict);
    free(facts);
    free(options);
    if (s != DSGVO_OK) {
      fprintf(stderr, "%s: %s\n", dsgvo_status_name(s), dsgvo_last_error());
      return 1;
    }
    puts(verdict);
    dsgvo_string_free(verdict);
    return 0;
  }
  versions();
  triage();
  documents();
  cases();
  toms();
  reference();
  letters();
  scope();
  if (failures) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  puts("C ABI: all checks passed");
  return 0;
}
