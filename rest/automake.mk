# ofcctl: the operator CLI (decode today; the REST client later).
bin_PROGRAMS += rest/ofcctl
rest_ofcctl_SOURCES = rest/ofcctl.c rest/ofcctl-decode.c rest/ofcctl.h
rest_ofcctl_LDADD = ofp/libofp.a
