# C test suites.  Each prints TAP lines; scripts/check runs and counts them.
TEST_LDADD = ofp/libofp.a
check_PROGRAMS += \
	tests/test-buf \
	tests/test-match \
	tests/test-actions \
	tests/test-msgs \
	tests/test-multipart \
	tests/test-packet \
	tests/test-malformed \
	tests/test-roundtrip \
	tests/test-fixtures \
	tests/conformance-gen
tests_test_buf_SOURCES = tests/test-buf.c tests/tap.h
tests_test_buf_LDADD = $(TEST_LDADD)
tests_test_match_SOURCES = tests/test-match.c tests/tap.h
tests_test_match_LDADD = $(TEST_LDADD)
tests_test_actions_SOURCES = tests/test-actions.c tests/tap.h
tests_test_actions_LDADD = $(TEST_LDADD)
tests_test_msgs_SOURCES = tests/test-msgs.c tests/tap.h
tests_test_msgs_LDADD = $(TEST_LDADD)
tests_test_multipart_SOURCES = tests/test-multipart.c tests/tap.h
tests_test_multipart_LDADD = $(TEST_LDADD)
tests_test_packet_SOURCES = tests/test-packet.c tests/tap.h
tests_test_packet_LDADD = $(TEST_LDADD)
tests_test_malformed_SOURCES = tests/test-malformed.c tests/tap.h
tests_test_malformed_LDADD = $(TEST_LDADD)
CONF_CASES = tests/conformance.h tests/conf-match.c tests/conf-actions.c \
	tests/conf-msgs.c tests/conf-multipart.c
tests_test_roundtrip_SOURCES = tests/test-roundtrip.c tests/tap.h $(CONF_CASES)
tests_test_roundtrip_LDADD = $(TEST_LDADD)
tests_test_fixtures_SOURCES = tests/test-fixtures.c tests/tap.h
tests_test_fixtures_LDADD = $(TEST_LDADD)
tests_conformance_gen_SOURCES = tests/conformance-gen.c $(CONF_CASES)
tests_conformance_gen_LDADD = $(TEST_LDADD)

# Added by the flow store: its sets and diff, against the controller
# library (only flow-store-table.o and what it needs are linked in).
check_PROGRAMS += tests/test-flow-store-unit
tests_test_flow_store_unit_SOURCES = tests/test-flow-store-unit.c tests/tap.h
tests_test_flow_store_unit_CFLAGS = $(AM_CFLAGS) $(LIBEVENT_CFLAGS) \
	$(JANSSON_CFLAGS)
tests_test_flow_store_unit_LDADD = controller/libofc.a ofp/libofp.a \
	$(LIBEVENT_LIBS) $(JANSSON_LIBS)

# Added by the flow parser: ovs-ofctl flow syntax parsing round trips.
check_PROGRAMS += tests/test-parse
tests_test_parse_SOURCES = tests/test-parse.c tests/tap.h $(CONF_CASES)
tests_test_parse_LDADD = $(TEST_LDADD)

# Added by the state module: durable state files (atomic save, .prev,
# corruption messages), against the controller library.
check_PROGRAMS += tests/test-state
tests_test_state_SOURCES = tests/test-state.c tests/tap.h
tests_test_state_CFLAGS = $(AM_CFLAGS) $(LIBEVENT_CFLAGS) $(JANSSON_CFLAGS)
tests_test_state_LDADD = controller/libofc.a ofp/libofp.a \
	$(LIBEVENT_LIBS) $(JANSSON_LIBS)

# Added by metrics: the Prometheus text rendering of the counters.
check_PROGRAMS += tests/test-metrics
tests_test_metrics_SOURCES = tests/test-metrics.c tests/tap.h
tests_test_metrics_CFLAGS = $(AM_CFLAGS) $(LIBEVENT_CFLAGS) $(JANSSON_CFLAGS)
tests_test_metrics_LDADD = controller/libofc.a ofp/libofp.a \
	$(LIBEVENT_LIBS) $(JANSSON_LIBS)

# controller/json-check: JSON validation with JSON-path messages.
check_PROGRAMS += tests/test-json-check
tests_test_json_check_SOURCES = tests/test-json-check.c tests/tap.h
tests_test_json_check_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_test_json_check_LDADD = controller/libofc.a ofp/libofp.a \
	$(LIBEVENT_LIBS) $(JANSSON_LIBS)

# apps/vlan-config: the VLAN configuration parser, lookups and VID set
# decomposition (the module is pure, so its source is linked directly).
check_PROGRAMS += tests/test-vlan-config
tests_test_vlan_config_SOURCES = tests/test-vlan-config.c tests/tap.h \
	apps/vlan-config.c apps/vlan-config.h
tests_test_vlan_config_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_test_vlan_config_LDADD = controller/libofc.a ofp/libofp.a \
	$(LIBEVENT_LIBS) $(JANSSON_LIBS)
