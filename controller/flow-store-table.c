/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */

/* The flow store's per-switch desired/installed sets and their diff (see
 * flow-store-table.h), plus the cookie and group id helpers of
 * flow-store.h.  No I/O here: messages leave through the table's emit
 * callback. */

#include "controller/flow-store-table.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "controller/app.h"
#include "controller/util.h"
#include "ofp/ofp-actions.h"
#include "ofp/ofp-msgs.h"
#include "ofp/ofp-multipart.h"

/* Entry states (bits). */
#define FS_DESIRED   0x01       /* An app declared it: the body is its. */
#define FS_INSTALLED 0x02       /* A flow of ours with this key is on the
                                 * switch (maybe with another body). */
#define FS_IN_SYNC   0x04       /* Installed with exactly this body. */
#define FS_INST_ONLY 0x08       /* Installed differs from the body only in
                                 * its instructions (MODIFY_STRICT will
                                 * do). */
#define FS_MARKED    0x10       /* Desired, but to be withdrawn by the next
                                 * sweep unless declared again first. */

/* One flow, keyed by (table_id, priority, OXM bytes).  'data' holds the
 * OXM TLVs ('oxm_len' bytes, as ofp_oxm_encode() writes them, so equal
 * matches have equal bytes) and then the instructions ('inst_len' bytes,
 * as ofp_instructions_encode() writes them).  Owned by its table. */
struct fs_flow {
    struct ofc_hmap_node node;  /* In ofc_flow_table.flows. */
    uint64_t cookie;            /* Owner in bits 51..44. */
    uint16_t priority;
    uint16_t idle_timeout;
    uint16_t hard_timeout;
    uint16_t flags;             /* OFPFF_*. */
    uint16_t oxm_len;
    uint16_t inst_len;
    uint8_t table_id;
    uint8_t state;              /* FS_*. */
    uint8_t data[];
};

/* One group, keyed by its id; 'data' holds the encoded buckets.  Owned by
 * its table. */
struct fs_group {
    struct ofc_hmap_node node;  /* In ofc_flow_table.groups. */
    uint32_t group_id;
    uint32_t len;               /* Bucket bytes. */
    uint8_t type;               /* OFPGT_*. */
    uint8_t state;              /* FS_* (never FS_INST_ONLY). */
    uint8_t data[];
};

/* Counts of desired flows by owner index (0: the core). */
#define N_OWNERS (OFC_MAX_APPS + 1)

/* A switch's sets. */
struct ofc_flow_table {
    struct ofc_hmap flows;      /* struct fs_flow. */
    struct ofc_hmap groups;     /* struct fs_group. */
    size_t n_desired;
    size_t n_desired_by_owner[N_OWNERS];
    size_t n_dumped, n_dumped_groups;   /* Ours, since the last diff. */
    bool live;
    ofc_flow_emit_cb *emit;
    void *aux;
};

/* Encoding scratch space and decoding arena, shared by every table (one
 * thread). */
static struct ofpbuf scratch;
static struct ofp_arena arena;
static bool arena_ready;

/* ---- Cookies and group ids. ------------------------------------------ */

/* Returns the owner index of 'app' as cookies and group ids carry it. */
static unsigned
owner_index(const struct ofc_app *app)
{
    return (unsigned) (ofc_app_index(app) + 1);
}

/* Returns the owner index a cookie carries. */
static unsigned
cookie_owner_index(uint64_t cookie)
{
    return (unsigned) ((cookie & OFC_COOKIE_OWNER_MASK) >> 44);
}

/* Returns the app with owner index 'owner' (NULL for 0 or none). */
static const struct ofc_app *
owner_app(unsigned owner)
{
    return owner ? ofc_app_at(owner - 1) : NULL;
}

uint64_t
ofc_cookie(const struct ofc_app *app, uint64_t cookie_low)
{
    return (OFC_COOKIE_MAGIC << 52
            | (uint64_t) owner_index(app) << 44
            | (cookie_low & OFC_COOKIE_LOW_MASK));
}

bool
ofc_cookie_owner(uint64_t cookie, const struct ofc_app **app)
{
    if ((cookie & OFC_COOKIE_MAGIC_MASK) != OFC_COOKIE_MAGIC << 52) {
        return false;
    }
    if (app) {
        *app = owner_app(cookie_owner_index(cookie));
    }
    return true;
}

uint32_t
ofc_group_id(const struct ofc_app *app, uint32_t local_id)
{
    return owner_index(app) << 24 | (local_id & 0xffffff);
}

/* True if 'group_id' names a group of a registered app. */
static bool
group_is_ours(uint32_t group_id)
{
    unsigned owner = group_id >> 24;
    return owner && owner_app(owner);
}

/* ---- Table. ---------------------------------------------------------- */

struct ofc_flow_table *
ofc_flow_table_create(ofc_flow_emit_cb *emit, void *aux)
{
    struct ofc_flow_table *t = ofc_xzalloc(sizeof *t);
    ofc_hmap_init(&t->flows);
    ofc_hmap_init(&t->groups);
    t->emit = emit;
    t->aux = aux;
    if (!arena_ready) {
        ofp_arena_init(&arena);
        arena_ready = true;
    }
    return t;
}

void
ofc_flow_table_destroy(struct ofc_flow_table *t)
{
    if (!t) {
        return;
    }
    struct ofc_hmap_node *n;
    while ((n = ofc_hmap_any(&t->flows))) {
        ofc_hmap_remove(&t->flows, n);
        free(OFC_CONTAINER_OF(n, struct fs_flow, node));
    }
    while ((n = ofc_hmap_any(&t->groups))) {
        ofc_hmap_remove(&t->groups, n);
        free(OFC_CONTAINER_OF(n, struct fs_group, node));
    }
    ofc_hmap_destroy(&t->flows);
    ofc_hmap_destroy(&t->groups);
    free(t);
}

void
ofc_flow_table_set_live(struct ofc_flow_table *t, bool live)
{
    t->live = live;
}

bool
ofc_flow_table_is_live(const struct ofc_flow_table *t)
{
    return t->live;
}

size_t
ofc_flow_table_entry_size(size_t oxm_len, size_t inst_len)
{
    return offsetof(struct fs_flow, data) + oxm_len + inst_len;
}

/* Hashes a flow key. */
static uint32_t
flow_hash(uint8_t table_id, uint16_t priority, const uint8_t *p, size_t n)
{
    uint64_t h = (uint64_t) table_id << 56 | (uint64_t) priority << 40 | n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * UINT64_C(0x9e3779b97f4a7c15);
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n) {
        uint64_t w = 0;
        memcpy(&w, p, n);
        h = (h ^ w) * UINT64_C(0x9e3779b97f4a7c15);
    }
    return ofc_hash_u64(h);
}

/* Returns the flow of 't' with this key, or NULL. */
static struct fs_flow *
flow_find(const struct ofc_flow_table *t, uint32_t hash, uint8_t table_id,
          uint16_t priority, const uint8_t *oxm, size_t oxm_len)
{
    for (struct ofc_hmap_node *n = ofc_hmap_first_with_hash(&t->flows, hash);
         n; n = ofc_hmap_next_with_hash(n)) {
        struct fs_flow *f = OFC_CONTAINER_OF(n, struct fs_flow, node);
        if (f->table_id == table_id && f->priority == priority
            && f->oxm_len == oxm_len && !memcmp(f->data, oxm, oxm_len)) {
            return f;
        }
    }
    return NULL;
}

/* Returns the group of 't' with 'group_id', or NULL. */
static struct fs_group *
group_find(const struct ofc_flow_table *t, uint32_t group_id)
{
    uint32_t hash = ofc_hash_u64(group_id);
    for (struct ofc_hmap_node *n = ofc_hmap_first_with_hash(&t->groups,
                                                            hash);
         n; n = ofc_hmap_next_with_hash(n)) {
        struct fs_group *g = OFC_CONTAINER_OF(n, struct fs_group, node);
        if (g->group_id == group_id) {
            return g;
        }
    }
    return NULL;
}

/* The body of a flow as declared or dumped, with its encoded
 * instructions. */
struct flow_body {
    uint64_t cookie;
    uint16_t idle_timeout;
    uint16_t hard_timeout;
    uint16_t flags;
    const uint8_t *inst;
    size_t inst_len;
};

/* True if 'f' has the cookie, timeouts and flags of 'b'. */
static bool
flow_header_equal(const struct fs_flow *f, const struct flow_body *b)
{
    return (f->cookie == b->cookie && f->idle_timeout == b->idle_timeout
            && f->hard_timeout == b->hard_timeout && f->flags == b->flags);
}

/* True if 'f' has exactly the body 'b'. */
static bool
flow_body_equal(const struct fs_flow *f, const struct flow_body *b)
{
    return (flow_header_equal(f, b) && f->inst_len == b->inst_len
            && !memcmp(f->data + f->oxm_len, b->inst, b->inst_len));
}

/* Encodes 'match' and 'inst' into 'scratch': OXM bytes, then instruction
 * bytes. */
static void
encode_key(const struct ofp_match *match, const struct ofp_instructions *inst,
           size_t *oxm_len, size_t *inst_len)
{
    ofpbuf_clear(&scratch);
    if (match) {
        ofp_oxm_encode(match, &scratch);
    }
    *oxm_len = scratch.size;
    if (inst) {
        ofp_instructions_encode(inst, &scratch);
    }
    *inst_len = scratch.size - *oxm_len;
}

void
ofc_flow_table_wire_lengths(const struct ofp_match *match,
                            const struct ofp_instructions *inst,
                            size_t *oxm_len, size_t *inst_len)
{
    encode_key(match, inst, oxm_len, inst_len);
}

/* Creates a flow with key and body and inserts it into 't'. */
static struct fs_flow *
flow_create(struct ofc_flow_table *t, uint32_t hash, uint8_t table_id,
            uint16_t priority, const uint8_t *oxm, size_t oxm_len,
            const struct flow_body *b, uint8_t state)
{
    struct fs_flow *f = ofc_xmalloc(ofc_flow_table_entry_size(oxm_len,
                                                              b->inst_len));
    f->cookie = b->cookie;
    f->priority = priority;
    f->idle_timeout = b->idle_timeout;
    f->hard_timeout = b->hard_timeout;
    f->flags = b->flags;
    f->oxm_len = oxm_len;
    f->inst_len = b->inst_len;
    f->table_id = table_id;
    f->state = state;
    memcpy(f->data, oxm, oxm_len);
    memcpy(f->data + oxm_len, b->inst, b->inst_len);
    ofc_hmap_insert(&t->flows, &f->node, hash);
    return f;
}

/* Gives 'f' the body 'b'; returns the (maybe moved) entry. */
static struct fs_flow *
flow_set_body(struct ofc_flow_table *t, struct fs_flow *f,
              const struct flow_body *b)
{
    if (f->inst_len != b->inst_len) {
        uint32_t hash = f->node.hash;
        ofc_hmap_remove(&t->flows, &f->node);
        f = ofc_xrealloc(f, ofc_flow_table_entry_size(f->oxm_len,
                                                      b->inst_len));
        ofc_hmap_insert(&t->flows, &f->node, hash);
        f->inst_len = b->inst_len;
    }
    f->cookie = b->cookie;
    f->idle_timeout = b->idle_timeout;
    f->hard_timeout = b->hard_timeout;
    f->flags = b->flags;
    memcpy(f->data + f->oxm_len, b->inst, b->inst_len);
    return f;
}

/* Marks 'f' desired (counting it) or not. */
static void
flow_set_desired(struct ofc_flow_table *t, struct fs_flow *f, bool desired)
{
    if (desired == !!(f->state & FS_DESIRED)) {
        return;
    }
    unsigned owner = cookie_owner_index(f->cookie);
    size_t delta = desired ? 1 : (size_t) -1;
    t->n_desired += delta;
    if (owner < N_OWNERS) {
        t->n_desired_by_owner[owner] += delta;
    }
    f->state ^= FS_DESIRED;
}

/* Unlinks and frees 'f' (not desired any more). */
static void
flow_free(struct ofc_flow_table *t, struct fs_flow *f)
{
    flow_set_desired(t, f, false);
    ofc_hmap_remove(&t->flows, &f->node);
    free(f);
}

/* Emits a FLOW_MOD 'command' for the key of 'f', with 'match' and 'inst'
 * (decoded from 'f' when NULL) and the body of 'f'. */
static void
emit_flow_mod(struct ofc_flow_table *t, const struct fs_flow *f,
              uint8_t command, const struct ofp_match *match,
              const struct ofp_instructions *inst)
{
    struct ofp_msg msg;
    struct ofp_match m;
    struct ofp_instructions in;

    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_FLOW_MOD;
    msg.version = OFP13_VERSION;
    struct ofp_flow_mod *fm = &msg.flow_mod;
    ofp_flow_mod_init(fm);
    fm->table_id = f->table_id;
    fm->priority = f->priority;
    fm->command = command;
    ofp_arena_reset(&arena);
    if (!match) {
        ofp_match_init(&m);
        if (ofp_oxm_decode(f->data, f->oxm_len, &m)) {
            return;             /* Cannot happen: we encoded it. */
        }
        match = &m;
    }
    fm->match = *match;
    if (command == OFPFC_DELETE_STRICT) {
        /* Only ever a flow of ours, whatever app or body it has now. */
        fm->cookie = OFC_COOKIE_MAGIC << 52;
        fm->cookie_mask = OFC_COOKIE_MAGIC_MASK;
    } else {
        if (!inst) {
            struct ofp_reader r;
            memset(&in, 0, sizeof in);
            ofp_reader_init(&r, f->data + f->oxm_len, f->inst_len);
            if (ofp_instructions_decode(&r, f->inst_len, &arena, &in)) {
                return;         /* Cannot happen: we encoded it. */
            }
            inst = &in;
        }
        fm->instructions = *inst;
        fm->cookie = f->cookie;
        fm->idle_timeout = f->idle_timeout;
        fm->hard_timeout = f->hard_timeout;
        fm->flags = f->flags;
    }
    t->emit(owner_app(cookie_owner_index(f->cookie)), &msg, t->aux);
}

int
ofc_flow_table_put(struct ofc_flow_table *t, const struct ofc_app *app,
                   const struct ofc_flow *flow)
{
    size_t oxm_len, inst_len;

    if (flow->table_id == OFPTT_ALL) {
        return EINVAL;
    }
    encode_key(flow->match, flow->instructions, &oxm_len, &inst_len);
    if (oxm_len > UINT16_MAX || inst_len > UINT16_MAX) {
        return EINVAL;
    }
    const uint8_t *oxm = scratch.data;
    struct flow_body b = {
        .cookie = ofc_cookie(app, flow->cookie_low),
        .idle_timeout = flow->idle_timeout,
        .hard_timeout = flow->hard_timeout,
        .flags = flow->flags,
        .inst = scratch.data + oxm_len,
        .inst_len = inst_len,
    };
    uint32_t hash = flow_hash(flow->table_id, flow->priority, oxm, oxm_len);
    struct fs_flow *f = flow_find(t, hash, flow->table_id, flow->priority,
                                  oxm, oxm_len);
    if (!f) {
        f = flow_create(t, hash, flow->table_id, flow->priority, oxm,
                        oxm_len, &b, 0);
    } else if (f->state & FS_DESIRED
               && cookie_owner_index(f->cookie) != owner_index(app)) {
        return EEXIST;
    } else if (!flow_body_equal(f, &b)) {
        bool header_same = flow_header_equal(f, &b);
        if (!header_same) {
            f->state &= ~FS_INST_ONLY;
        } else if (f->state & FS_IN_SYNC) {
            f->state |= FS_INST_ONLY;
        }
        f->state &= ~FS_IN_SYNC;
        f = flow_set_body(t, f, &b);
    }
    flow_set_desired(t, f, true);
    f->state &= ~FS_MARKED;

    if (t->live && !(f->state & FS_IN_SYNC)) {
        bool modify = (f->state & (FS_INSTALLED | FS_INST_ONLY))
                      == (FS_INSTALLED | FS_INST_ONLY);
        struct ofp_match m;
        struct ofp_instructions empty;
        if (!flow->match) {
            ofp_match_init(&m);
        }
        if (!flow->instructions) {
            memset(&empty, 0, sizeof empty);
        }
        emit_flow_mod(t, f, modify ? OFPFC_MODIFY_STRICT : OFPFC_ADD,
                      flow->match ? flow->match : &m,
                      flow->instructions ? flow->instructions : &empty);
        f->state = (f->state & ~FS_INST_ONLY) | FS_INSTALLED | FS_IN_SYNC;
    }
    return 0;
}

/* Withdraws the desired flow 'f': deletes it from the switch at once when
 * live (even if it is believed gone: a FLOW_REMOVED for a deletion may be
 * stale), else leaves an installed one for the diff to delete. */
static void
flow_withdraw(struct ofc_flow_table *t, struct fs_flow *f,
              const struct ofp_match *match)
{
    flow_set_desired(t, f, false);
    if (t->live) {
        emit_flow_mod(t, f, OFPFC_DELETE_STRICT, match, NULL);
        flow_free(t, f);
    } else if (!(f->state & FS_INSTALLED)) {
        flow_free(t, f);
    }
}

int
ofc_flow_table_remove(struct ofc_flow_table *t, const struct ofc_app *app,
                      uint8_t table_id, uint16_t priority,
                      const struct ofp_match *match)
{
    size_t oxm_len, inst_len;
    encode_key(match, NULL, &oxm_len, &inst_len);
    uint32_t hash = flow_hash(table_id, priority, scratch.data, oxm_len);
    struct fs_flow *f = flow_find(t, hash, table_id, priority, scratch.data,
                                  oxm_len);
    if (!f || !(f->state & FS_DESIRED)
        || cookie_owner_index(f->cookie) != owner_index(app)) {
        return ENOENT;
    }
    flow_withdraw(t, f, match);
    return 0;
}

/* Returns the bytes a value of 'type' takes in union ofp_field_value. */
static size_t
field_value_size(enum ofp_field_type type)
{
    switch (type) {
    case OFP_FT_U8:
        return 1;
    case OFP_FT_U16:
        return 2;
    case OFP_FT_U32:
    case OFP_FT_IPV4:
        return 4;
    case OFP_FT_U64:
        return 8;
    case OFP_FT_MAC:
        return 6;
    case OFP_FT_IPV6:
    case OFP_FT_U128:
    default:
        return 16;
    }
}

/* True if 'm' matches 'filter' loosely, as a non-strict OpenFlow
 * DELETE does: every field of 'filter' is in 'm', with a mask at least as
 * specific and a value that agrees under the filter's mask.  The filter's
 * unmodelled TLVs are ignored. */
static bool
loose_match(const struct ofp_match *m, const struct ofp_match *filter)
{
    uint64_t need = filter->present;
    if ((m->present & need) != need) {
        return false;
    }
    for (int f = 0; need; f++, need >>= 1) {
        if (!(need & 1)) {
            continue;
        }
        union ofp_field_value mv, mm, fv, fm;
        memset(&mv, 0, sizeof mv);
        memset(&mm, 0, sizeof mm);
        memset(&fv, 0, sizeof fv);
        memset(&fm, 0, sizeof fm);
        ofp_match_get(m, f, &mv, &mm);
        ofp_match_get(filter, f, &fv, &fm);
        size_t n = field_value_size(ofp_field_info(f)->type);
        const uint8_t *a = mv.bytes, *am = mm.bytes;
        const uint8_t *b = fv.bytes, *bm = fm.bytes;
        for (size_t i = 0; i < n; i++) {
            if ((am[i] & bm[i]) != bm[i] || ((a[i] ^ b[i]) & bm[i])) {
                return false;
            }
        }
    }
    return true;
}

/* Calls cb(t, f, aux) on every desired flow 'f' of 'app' in 'table_id'
 * (OFPTT_ALL: every table); 'cb' may withdraw the flow.  Returns how many
 * calls returned true. */
static size_t
for_each_app_flow(struct ofc_flow_table *t, const struct ofc_app *app,
                  uint8_t table_id,
                  bool (*cb)(struct ofc_flow_table *, struct fs_flow *,
                             const void *aux),
                  const void *aux)
{
    unsigned owner = owner_index(app);
    size_t n = 0;

    for (size_t i = 0; i <= t->flows.mask; i++) {
        struct ofc_hmap_node *node = t->flows.buckets[i];
        while (node) {
            struct ofc_hmap_node *next = node->next;
            struct fs_flow *f = OFC_CONTAINER_OF(node, struct fs_flow, node);
            if (f->state & FS_DESIRED
                && cookie_owner_index(f->cookie) == owner
                && (table_id == OFPTT_ALL || f->table_id == table_id)) {
                n += cb(t, f, aux);
            }
            node = next;
        }
    }
    return n;
}

/* for_each_app_flow() callback: withdraws 'f' if it matches the loose
 * match 'filter'. */
static bool
withdraw_matching(struct ofc_flow_table *t, struct fs_flow *f,
                  const void *filter)
{
    struct ofp_match m;
    if (ofp_oxm_decode(f->data, f->oxm_len, &m) || !loose_match(&m, filter)) {
        return false;
    }
    flow_withdraw(t, f, &m);
    return true;
}

size_t
ofc_flow_table_remove_matching(struct ofc_flow_table *t,
                               const struct ofc_app *app, uint8_t table_id,
                               const struct ofp_match *filter)
{
    return for_each_app_flow(t, app, table_id, withdraw_matching, filter);
}

/* for_each_app_flow() callback: marks 'f'. */
static bool
mark_flow(struct ofc_flow_table *t, struct fs_flow *f, const void *aux)
{
    f->state |= FS_MARKED;
    return true;
}

/* for_each_app_flow() callback: withdraws 'f' if it is still marked. */
static bool
sweep_flow(struct ofc_flow_table *t, struct fs_flow *f, const void *aux)
{
    struct ofp_match m;
    if (!(f->state & FS_MARKED)) {
        return false;
    }
    f->state &= ~FS_MARKED;
    if (ofp_oxm_decode(f->data, f->oxm_len, &m)) {
        return false;           /* Cannot happen: we encoded it. */
    }
    flow_withdraw(t, f, &m);
    return true;
}

size_t
ofc_flow_table_mark(struct ofc_flow_table *t, const struct ofc_app *app,
                    uint8_t table_id)
{
    return for_each_app_flow(t, app, table_id, mark_flow, NULL);
}

size_t
ofc_flow_table_sweep(struct ofc_flow_table *t, const struct ofc_app *app,
                     uint8_t table_id)
{
    return for_each_app_flow(t, app, table_id, sweep_flow, NULL);
}

void
ofc_flow_table_group_mark(struct ofc_flow_table *t, const struct ofc_app *app)
{
    unsigned owner = owner_index(app);
    for (size_t i = 0; i <= t->groups.mask; i++) {
        for (struct ofc_hmap_node *node = t->groups.buckets[i]; node;
             node = node->next) {
            struct fs_group *g = OFC_CONTAINER_OF(node, struct fs_group,
                                                  node);
            if (g->state & FS_DESIRED && g->group_id >> 24 == owner) {
                g->state |= FS_MARKED;
            }
        }
    }
}

size_t
ofc_flow_table_group_sweep(struct ofc_flow_table *t,
                           const struct ofc_app *app)
{
    unsigned owner = owner_index(app);
    size_t n = 0;
    for (size_t i = 0; i <= t->groups.mask; i++) {
        struct ofc_hmap_node *node = t->groups.buckets[i];
        while (node) {
            struct ofc_hmap_node *next = node->next;
            struct fs_group *g = OFC_CONTAINER_OF(node, struct fs_group,
                                                  node);
            if (g->state & FS_MARKED && g->group_id >> 24 == owner) {
                g->state &= ~FS_MARKED;
                ofc_flow_table_group_remove(t, app, g->group_id);
                n++;
            }
            node = next;
        }
    }
    return n;
}

size_t
ofc_flow_table_count(const struct ofc_flow_table *t, const struct ofc_app *app)
{
    if (!app) {
        return t->n_desired;
    }
    unsigned owner = owner_index(app);
    return owner < N_OWNERS ? t->n_desired_by_owner[owner] : 0;
}

bool
ofc_flow_table_dumped_flow(struct ofc_flow_table *t,
                           const struct ofp_flow_stats *fs)
{
    size_t oxm_len, inst_len;

    if (!ofc_cookie_owner(fs->cookie, NULL)) {
        return false;
    }
    encode_key(&fs->match, &fs->instructions, &oxm_len, &inst_len);
    if (oxm_len > UINT16_MAX || inst_len > UINT16_MAX) {
        return true;
    }
    struct flow_body b = {
        .cookie = fs->cookie,
        .idle_timeout = fs->idle_timeout,
        .hard_timeout = fs->hard_timeout,
        .flags = fs->flags,
        .inst = scratch.data + oxm_len,
        .inst_len = inst_len,
    };
    uint32_t hash = flow_hash(fs->table_id, fs->priority, scratch.data,
                              oxm_len);
    struct fs_flow *f = flow_find(t, hash, fs->table_id, fs->priority,
                                  scratch.data, oxm_len);
    if (!f) {
        flow_create(t, hash, fs->table_id, fs->priority, scratch.data,
                    oxm_len, &b, FS_INSTALLED | FS_IN_SYNC);
    } else if (!(f->state & FS_INSTALLED)) {
        f->state |= FS_INSTALLED;
        if (flow_body_equal(f, &b)) {
            f->state |= FS_IN_SYNC;
        } else if (flow_header_equal(f, &b)) {
            f->state |= FS_INST_ONLY;
        }
    } else {
        return true;            /* Listed twice: count it once. */
    }
    t->n_dumped++;
    return true;
}

/* Creates a group and inserts it into 't'. */
static struct fs_group *
group_create(struct ofc_flow_table *t, uint32_t group_id, uint8_t type,
             const uint8_t *data, size_t len, uint8_t state)
{
    struct fs_group *g = ofc_xmalloc(sizeof *g + len);
    g->group_id = group_id;
    g->type = type;
    g->len = len;
    g->state = state;
    memcpy(g->data, data, len);
    ofc_hmap_insert(&t->groups, &g->node, ofc_hash_u64(group_id));
    return g;
}

/* True if 'g' has 'type' and the bucket bytes 'data'. */
static bool
group_body_equal(const struct fs_group *g, uint8_t type, const uint8_t *data,
                 size_t len)
{
    return g->type == type && g->len == len && !memcmp(g->data, data, len);
}

/* Unlinks and frees 'g'. */
static void
group_free(struct ofc_flow_table *t, struct fs_group *g)
{
    ofc_hmap_remove(&t->groups, &g->node);
    free(g);
}

/* Emits a GROUP_MOD 'command' for 'g', with 'buckets' (decoded from 'g'
 * when NULL). */
static void
emit_group_mod(struct ofc_flow_table *t, const struct fs_group *g,
               uint16_t command, const struct ofp_bucket *buckets,
               size_t n_buckets)
{
    struct ofp_msg msg;
    memset(&msg, 0, sizeof msg);
    msg.kind = OFP_MSG_GROUP_MOD;
    msg.version = OFP13_VERSION;
    msg.group_mod.command = command;
    msg.group_mod.type = g->type;
    msg.group_mod.group_id = g->group_id;
    if (command != OFPGC_DELETE) {
        if (!buckets) {
            struct ofp_bucket *b = NULL;
            struct ofp_reader r;
            ofp_arena_reset(&arena);
            ofp_reader_init(&r, g->data, g->len);
            if (ofp_buckets_decode(&r, g->len, &arena, &b, &n_buckets)) {
                return;         /* Cannot happen: we encoded them. */
            }
            buckets = b;
        }
        msg.group_mod.buckets = buckets;
        msg.group_mod.n_buckets = n_buckets;
    }
    t->emit(owner_app(g->group_id >> 24), &msg, t->aux);
}

int
ofc_flow_table_group_put(struct ofc_flow_table *t, const struct ofc_app *app,
                         uint32_t group_id, uint8_t type,
                         const struct ofp_bucket *buckets, size_t n_buckets)
{
    if (!app || group_id >> 24 != owner_index(app)) {
        return EINVAL;
    }
    ofpbuf_clear(&scratch);
    ofp_buckets_encode(buckets, n_buckets, &scratch);
    struct fs_group *g = group_find(t, group_id);
    if (!g) {
        g = group_create(t, group_id, type, scratch.data, scratch.size, 0);
    } else if (!group_body_equal(g, type, scratch.data, scratch.size)) {
        uint8_t state = g->state & ~FS_IN_SYNC;
        group_free(t, g);
        g = group_create(t, group_id, type, scratch.data, scratch.size,
                         state);
    }
    g->state = (g->state | FS_DESIRED) & ~FS_MARKED;
    if (t->live && !(g->state & FS_IN_SYNC)) {
        emit_group_mod(t, g, g->state & FS_INSTALLED ? OFPGC_MODIFY
                       : OFPGC_ADD, buckets, n_buckets);
        g->state |= FS_INSTALLED | FS_IN_SYNC;
    }
    return 0;
}

int
ofc_flow_table_group_remove(struct ofc_flow_table *t,
                            const struct ofc_app *app, uint32_t group_id)
{
    struct fs_group *g = group_find(t, group_id);
    if (!app || group_id >> 24 != owner_index(app) || !g
        || !(g->state & FS_DESIRED)) {
        return ENOENT;
    }
    g->state &= ~FS_DESIRED;
    if (!(g->state & FS_INSTALLED)) {
        group_free(t, g);
    } else if (t->live) {
        emit_group_mod(t, g, OFPGC_DELETE, NULL, 0);
        group_free(t, g);
    }
    return 0;
}

void
ofc_flow_table_dumped_group(struct ofc_flow_table *t,
                            const struct ofp_group_desc *gd)
{
    if (!group_is_ours(gd->group_id)) {
        return;
    }
    ofpbuf_clear(&scratch);
    ofp_buckets_encode(gd->buckets, gd->n_buckets, &scratch);
    struct fs_group *g = group_find(t, gd->group_id);
    if (!g) {
        group_create(t, gd->group_id, gd->type, scratch.data, scratch.size,
                     FS_INSTALLED | FS_IN_SYNC);
    } else if (!(g->state & FS_INSTALLED)) {
        g->state |= FS_INSTALLED;
        if (group_body_equal(g, gd->type, scratch.data, scratch.size)) {
            g->state |= FS_IN_SYNC;
        }
    } else {
        return;
    }
    t->n_dumped_groups++;
}

void
ofc_flow_table_flow_removed(struct ofc_flow_table *t,
                            const struct ofp_flow_removed *fr)
{
    size_t oxm_len, inst_len;
    if (!ofc_cookie_owner(fr->cookie, NULL)) {
        return;
    }
    encode_key(&fr->match, NULL, &oxm_len, &inst_len);
    uint32_t hash = flow_hash(fr->table_id, fr->priority, scratch.data,
                              oxm_len);
    struct fs_flow *f = flow_find(t, hash, fr->table_id, fr->priority,
                                  scratch.data, oxm_len);
    if (!f) {
        return;
    }
    if ((fr->reason == OFPRR_DELETE || fr->reason == OFPRR_GROUP_DELETE)
        && f->state & FS_DESIRED) {
        /* Deleted by someone (or our own DELETE_STRICT, overtaken by a new
         * declaration of the key): still desired, no longer installed, so
         * the next declaration or reconnect puts it back. */
        f->state &= ~(FS_INSTALLED | FS_IN_SYNC | FS_INST_ONLY);
    } else {
        flow_free(t, f);
    }
}

void
ofc_flow_table_diff(struct ofc_flow_table *t, struct ofc_flow_diff *d)
{
    memset(d, 0, sizeof *d);
    d->installed = t->n_dumped;
    d->groups_installed = t->n_dumped_groups;
    t->n_dumped = t->n_dumped_groups = 0;

    /* Groups first: the flows to come may point to them. */
    for (size_t i = 0; i <= t->groups.mask; i++) {
        for (struct ofc_hmap_node *n = t->groups.buckets[i]; n;
             n = n->next) {
            struct fs_group *g = OFC_CONTAINER_OF(n, struct fs_group, node);
            if (g->state & FS_DESIRED && !(g->state & FS_IN_SYNC)) {
                bool installed = g->state & FS_INSTALLED;
                emit_group_mod(t, g, installed ? OFPGC_MODIFY : OFPGC_ADD,
                               NULL, 0);
                *(installed ? &d->groups_modified : &d->groups_added) += 1;
                g->state |= FS_INSTALLED | FS_IN_SYNC;
            }
        }
    }

    /* Stale flows, then missing or different ones. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i <= t->flows.mask; i++) {
            struct ofc_hmap_node *n = t->flows.buckets[i];
            while (n) {
                struct ofc_hmap_node *next = n->next;
                struct fs_flow *f = OFC_CONTAINER_OF(n, struct fs_flow,
                                                     node);
                bool desired = f->state & FS_DESIRED;
                if (pass == 0 && !desired) {
                    if (f->state & FS_INSTALLED) {
                        emit_flow_mod(t, f, OFPFC_DELETE_STRICT, NULL, NULL);
                        d->deleted++;
                    }
                    flow_free(t, f);
                } else if (pass == 1 && desired
                           && !(f->state & FS_IN_SYNC)) {
                    bool installed = f->state & FS_INSTALLED;
                    bool modify = installed && f->state & FS_INST_ONLY;
                    emit_flow_mod(t, f, modify ? OFPFC_MODIFY_STRICT
                                  : OFPFC_ADD, NULL, NULL);
                    *(installed ? &d->modified : &d->added) += 1;
                    f->state = ((f->state & ~FS_INST_ONLY)
                                | FS_INSTALLED | FS_IN_SYNC);
                }
                n = next;
            }
        }
    }

    /* Stale groups last: no flow of ours points to them any more. */
    for (size_t i = 0; i <= t->groups.mask; i++) {
        struct ofc_hmap_node *n = t->groups.buckets[i];
        while (n) {
            struct ofc_hmap_node *next = n->next;
            struct fs_group *g = OFC_CONTAINER_OF(n, struct fs_group, node);
            if (!(g->state & FS_DESIRED)) {
                if (g->state & FS_INSTALLED) {
                    emit_group_mod(t, g, OFPGC_DELETE, NULL, 0);
                    d->groups_deleted++;
                }
                group_free(t, g);
            }
            n = next;
        }
    }
}

/* Added by the static app: see ofc_flow_owner() in flow-store.h. */
int
ofc_flow_table_owner(const struct ofc_flow_table *t, uint8_t table_id,
                     uint16_t priority, const struct ofp_match *match,
                     const struct ofc_app **owner)
{
    size_t oxm_len, inst_len;
    encode_key(match, NULL, &oxm_len, &inst_len);
    uint32_t hash = flow_hash(table_id, priority, scratch.data, oxm_len);
    const struct fs_flow *f = flow_find(t, hash, table_id, priority,
                                        scratch.data, oxm_len);
    *owner = NULL;
    if (!f || !(f->state & FS_DESIRED)) {
        return ENOENT;
    }
    *owner = owner_app(cookie_owner_index(f->cookie));
    return 0;
}
