// SPDX-License-Identifier: MIT
//
// api_cxx.cpp -- the public header compiles as C++ and links from C++.
#include <teitag.h>

#include <cstdio>
#include <cstring>

int main() {
  teitag_pipeline *p = teitag_pipeline_new();
  teitag_doc *doc = nullptr;
  teitag_diag diag;
  const char text[] = "C++ reads Kyiv.";
  if (teitag_annotate(p, text, sizeof text - 1, "cxx", &doc, &diag) != TEITAG_OK) {
    std::fprintf(stderr, "annotate failed: %s\n", diag.message);
    return 1;
  }
  char *out = nullptr;
  size_t len = 0;
  teitag_status st = teitag_render(doc, TEITAG_FORMAT_JSONL, 0, &out, &len, &diag);
  int ok = st == TEITAG_OK && std::strstr(out, "\"id\": \"cxx\"") != nullptr;
  teitag_free(out);
  teitag_doc_free(doc);
  teitag_pipeline_free(p);
  return ok ? 0 : 1;
}
