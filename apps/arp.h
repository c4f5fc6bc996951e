/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFC_APPS_ARP_H
#define OFC_APPS_ARP_H 1

/* The arp app: ARP drop rules and the ARP spoof guard, in table 1 (the
 * ingress filter), with REST routes (/v1/arp-rules, /v1/arp-guard), the
 * configuration keys "arp_rules" and "arp_guard", and durable state
 * ("arp.json").  See docs/arp-mirror.md. */

#include "controller/app.h"

struct ofc_switch;

extern const struct ofc_app ofc_arp_app;

/* ---- Inside the app (arp.c, for arp-guard.c). ---------------------- */

/* The table and priorities of the app's flows. */
#define ARP_TABLE 1
#define ARP_PRIO_RULE 3000
#define ARP_PRIO_GUARD_ALLOW 2500
#define ARP_PRIO_GUARD_DROP 2400

/* Cookie low bits: REST rule ids are below 2^40; config rules and the
 * guard have their own ranges. */
#define ARP_COOKIE_CONFIG (1ull << 42)
#define ARP_COOKIE_GUARD (1ull << 43)

/* The log module "arp". */
int arp_log(void);
/* Saves rules and guards to the state file: 0 or an errno with a
 * malloc'ed '*error'. */
int arp_save_state(char **error);
/* Re-declares every flow of the app on 'sw' (mark and sweep). */
void arp_render_switch(struct ofc_switch *sw);
/* The same for every connected switch. */
void arp_render_all(void);

#endif /* apps/arp.h */
