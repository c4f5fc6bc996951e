# The apps.  Each is a 'struct ofc_app' that the composition root
# (controller/ofcd.c) lists in its app table, so their sources are linked
# into ofcd.
L2_SOURCES = \
	apps/l2.c apps/l2.h \
	apps/l2-config.c apps/l2-config.h \
	apps/l2-flows.c apps/l2-flows.h \
	apps/l2-hosts.c apps/l2-hosts.h \
	apps/l2-rest.c apps/l2-rest.h
controller_ofcd_SOURCES += $(L2_SOURCES)

# The VLAN app: VLAN policy from the configuration, /v1/vlans, and the
# inter-VLAN router.
controller_ofcd_SOURCES += \
	apps/vlan.c apps/vlan.h \
	apps/vlan-config.c apps/vlan-config.h \
	apps/vlan-router.c apps/vlan-router.h

# The ARP rules app (drop rules, spoof guard) and the mirror app.
controller_ofcd_SOURCES += \
	apps/arp.c apps/arp.h \
	apps/arp-rule.c apps/arp-rule.h \
	apps/arp-guard.c apps/arp-guard.h \
	apps/mirror.c apps/mirror.h \
	apps/mirror-session.c apps/mirror-session.h

# The static app: the operator's flows over REST.
controller_ofcd_SOURCES += \
	apps/static.c apps/static.h \
	apps/static-flow.c apps/static-flow.h

EXTRA_DIST += docs/l2.md
