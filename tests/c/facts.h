/* The breach both C tests use: a hacked shop, payment card data
 * exfiltrated (risk high, both duties). */
#ifndef DSGVO_TEST_FACTS_H
#define DSGVO_TEST_FACTS_H

static const char *const FACTS =
    "{\"schema\":\"dsgvo.breach-facts/1\",\"role\":\"controller\","
    "\"controller\":{\"name\":\"Beispiel Shop GmbH\",\"country\":\"DE\","
    "\"region\":\"DE-BY\",\"established_in_eu\":true},"
    "\"aware_at\":\"2026-11-20T09:15:00+01:00\",\"types\":[\"confidentiality\"],"
    "\"cause\":\"hacking\",\"malicious\":true,"
    "\"data_categories\":[\"identity\",\"contact\",\"payment_card\"],"
    "\"data_subjects\":{\"count\":2500,\"categories\":[\"customers\"]},"
    "\"confidentiality\":{\"recipients\":\"unknown\",\"exfiltrated\":\"yes\"},"
    "\"reference\":\"2026-017\"}";

#endif
