# ofcd: the controller daemon.  Everything but main() goes into
# controller/libofc.a so that apps and unit tests link the same core.
noinst_LIBRARIES += controller/libofc.a
controller_libofc_a_SOURCES = \
	controller/app.c controller/app.h \
	controller/config.c controller/config.h \
	controller/conn.c controller/conn.h \
	controller/flow-store.c controller/flow-store.h \
	controller/flow-store-table.c controller/flow-store-table.h \
	controller/json-check.c controller/json-check.h \
	controller/log.c controller/log.h \
	controller/loop-lag.c controller/loop-lag.h \
	controller/metrics.c controller/metrics.h \
	controller/route.h \
	controller/state.c controller/state.h \
	controller/stats.c controller/stats.h \
	controller/switch.c controller/switch.h \
	controller/util.c controller/util.h
controller_libofc_a_CFLAGS = $(AM_CFLAGS) $(LIBEVENT_CFLAGS) $(JANSSON_CFLAGS)

sbin_PROGRAMS += controller/ofcd
controller_ofcd_SOURCES = controller/ofcd.c
controller_ofcd_CFLAGS = $(AM_CFLAGS) $(LIBEVENT_CFLAGS) $(JANSSON_CFLAGS)
controller_ofcd_LDADD = controller/libofc.a ofp/libofp.a \
	$(LIBEVENT_LIBS) $(JANSSON_LIBS)

EXTRA_DIST += controller/ofcd.service docs/fail-mode.md
