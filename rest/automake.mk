# ofcctl: the operator CLI (decode, and a client of the REST API).
bin_PROGRAMS += rest/ofcctl
rest_ofcctl_SOURCES = rest/ofcctl.c rest/ofcctl.h rest/ofcctl-decode.c \
	rest/ofcctl-http.c rest/ofcctl-http.h \
	rest/ofcctl-client.c rest/ofcctl-client.h \
	rest/ofcctl-table.c rest/ofcctl-table.h \
	rest/ofcctl-cmds.c rest/ofcctl-config.c rest/ofcctl-mirror.c \
	rest/ofcctl-arp.c
rest_ofcctl_CFLAGS = $(AM_CFLAGS) $(LIBEVENT_CFLAGS) $(JANSSON_CFLAGS)
rest_ofcctl_LDADD = ofp/libofp.a $(LIBEVENT_LIBS) $(JANSSON_LIBS)

# The REST server runs inside ofcd's event loop, so it is linked into ofcd
# (rest/ may use controller/; only ofcd.c, the composition root, uses rest/).
controller_ofcd_SOURCES += rest/server.c rest/server.h \
	rest/request.c rest/token.c rest/token.h \
	rest/core-routes.c rest/core-routes.h \
	rest/config-routes.c rest/config-routes.h \
	rest/switch-live.c rest/switch-live.h \
	rest/flow-json.c rest/flow-json.h
controller_ofcd_CFLAGS += $(MHD_CFLAGS)
controller_ofcd_LDADD += $(MHD_LIBS)

# The OpenAPI document is kept in docs/ and compiled into ofcd, so that
# GET /v1/openapi.json serves exactly the file in the repository.
nodist_controller_ofcd_SOURCES = rest/openapi-doc.c
BUILT_SOURCES += rest/openapi-doc.c
CLEANFILES += rest/openapi-doc.c
EXTRA_DIST += docs/openapi.json rest/embed.awk
rest/openapi-doc.c: $(top_srcdir)/docs/openapi.json $(top_srcdir)/rest/embed.awk
	$(AM_V_GEN)mkdir -p rest && \
	$(AWK) -v name=ofc_openapi_json -f $(top_srcdir)/rest/embed.awk \
	    $(top_srcdir)/docs/openapi.json > $@.tmp && mv $@.tmp $@
