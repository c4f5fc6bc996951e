# ofcctl: the operator CLI (decode today; the REST client later).
bin_PROGRAMS += rest/ofcctl
rest_ofcctl_SOURCES = rest/ofcctl.c rest/ofcctl-decode.c rest/ofcctl.h
rest_ofcctl_LDADD = ofp/libofp.a

# The REST server runs inside ofcd's event loop, so it is linked into ofcd
# (rest/ may use controller/; only ofcd.c, the composition root, uses rest/).
controller_ofcd_SOURCES += rest/server.c rest/server.h
controller_ofcd_CFLAGS += $(MHD_CFLAGS)
controller_ofcd_LDADD += $(MHD_LIBS)
