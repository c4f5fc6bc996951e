#include "tests/conformance.h"
void conf_actions_cases(conf_emit_fn *emit) { (void) emit; }
