#include "tests/conformance.h"
void conf_msgs_cases(conf_emit_fn *emit) { (void) emit; }
