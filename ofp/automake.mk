# libofp: the pure OpenFlow 1.3 codec (no I/O, no libevent, no jansson).
noinst_LIBRARIES += ofp/libofp.a
ofp_libofp_a_SOURCES = \
	ofp/ofp-buf.c ofp/ofp-buf.h \
	ofp/ofp-errors.c ofp/ofp-errors.h \
	ofp/ofp-match.c ofp/ofp-match.h \
	ofp/ofp-match-format.c \
	ofp/ofp-actions.c ofp/ofp-actions.h \
	ofp/ofp-actions-format.c \
	ofp/ofp-msgs.c ofp/ofp-msgs.h \
	ofp/ofp-bundle.c \
	ofp/ofp-print.c \
	ofp/ofp-multipart.c ofp/ofp-multipart.h \
	ofp/ofp-port.c ofp/ofp-port.h \
	ofp/ofp-packet.c ofp/ofp-packet.h \
	ofp/ofp-parse.c ofp/ofp-parse.h
