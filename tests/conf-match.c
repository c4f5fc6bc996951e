#include "tests/conformance.h"
void conf_match_cases(conf_emit_fn *emit) { (void) emit; }
