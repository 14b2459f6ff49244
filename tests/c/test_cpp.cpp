// The C header from C++: the extern "C" guard lets a C++ host link the
// library (issue 19 item 13). Linked statically, with the system libraries
// the README names.
#include <cstdio>
#include <cstring>

#include "dsgvo.h"

int main() {
  const char *facts =
      "{\"schema\":\"dsgvo.breach-facts/1\",\"role\":\"controller\","
      "\"controller\":{\"name\":\"Shop\",\"country\":\"DE\",\"region\":\"DE-BY\",\"established_in_eu\":true},"
      "\"aware_at\":\"2026-11-20T09:15:00+01:00\",\"types\":[\"confidentiality\"],\"cause\":\"hacking\","
      "\"data_categories\":[\"identity\",\"contact\"],\"data_subjects\":{\"count\":500},"
      "\"confidentiality\":{\"recipients\":\"unknown\",\"exfiltrated\":\"yes\"}}";
  char *verdict = nullptr;
  if (dsgvo_triage(facts, nullptr, &verdict) != DSGVO_OK) {
    std::fprintf(stderr, "triage failed: %s\n", dsgvo_last_error());
    return 1;
  }
  const bool notify = std::strstr(verdict, "\"notify_authority\":true") != nullptr;
  dsgvo_string_free(verdict);
  if (!notify) {
    std::fprintf(stderr, "expected a notification\n");
    return 1;
  }
  std::printf("C++: ok (dsgvo %s)\n", dsgvo_version());
  return 0;
}
