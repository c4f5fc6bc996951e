#include "tests/conformance.h"
void conf_multipart_cases(conf_emit_fn *emit) { (void) emit; }
