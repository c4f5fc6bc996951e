/* Copyright 2026 The ofc Authors.  Licensed under the Apache License 2.0. */
#ifndef OFP_PACKET_H
#define OFP_PACKET_H 1

/* Packet headers: parsing frames (e.g. PACKET_IN data) into a host-order
 * summary, and building the few frames a controller sends itself (ARP,
 * ICMP echo, UDP, TCP over IPv4).
 *
 * Everything here is pure and allocation-free.  The parser never reads
 * past the length it is given: when a header is cut short it stops at the
 * last complete layer, sets OFP_PKT_F_TRUNCATED and still succeeds, so an
 * app always gets at least the Ethernet addresses of any frame that has
 * them.  Builders append one whole frame to a caller's struct ofpbuf. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ofp/ofp-buf.h"
#include "ofp/ofp-match.h"

/* Ethertypes. */
#define OFP_ETH_TYPE_IPV4  0x0800
#define OFP_ETH_TYPE_ARP   0x0806
#define OFP_ETH_TYPE_VLAN  0x8100     /* 802.1Q C-tag. */
#define OFP_ETH_TYPE_IPV6  0x86dd
#define OFP_ETH_TYPE_QINQ  0x88a8     /* 802.1ad S-tag. */

/* IP protocol numbers. */
#define OFP_IPPROTO_HOPOPTS  0
#define OFP_IPPROTO_ICMP     1
#define OFP_IPPROTO_TCP      6
#define OFP_IPPROTO_UDP      17
#define OFP_IPPROTO_ROUTING  43
#define OFP_IPPROTO_FRAGMENT 44
#define OFP_IPPROTO_AH       51
#define OFP_IPPROTO_ICMPV6   58
#define OFP_IPPROTO_NONE     59
#define OFP_IPPROTO_DSTOPTS  60
#define OFP_IPPROTO_SCTP     132

/* ARP opcodes. */
#define OFP_ARP_OP_REQUEST 1
#define OFP_ARP_OP_REPLY   2

/* ICMP and ICMPv6 types the parser looks into. */
#define OFP_ICMP_ECHO_REPLY     0
#define OFP_ICMP_ECHO_REQUEST   8
#define OFP_ICMPV6_ECHO_REQUEST 128
#define OFP_ICMPV6_ECHO_REPLY   129
#define OFP_ICMPV6_ND_NS        135   /* Neighbor Solicitation. */
#define OFP_ICMPV6_ND_NA        136   /* Neighbor Advertisement. */

/* TCP flags, as the low 12 bits of the TCP header's flags word. */
#define OFP_TCP_FIN 0x001
#define OFP_TCP_SYN 0x002
#define OFP_TCP_RST 0x004
#define OFP_TCP_PSH 0x008
#define OFP_TCP_ACK 0x010
#define OFP_TCP_URG 0x020
#define OFP_TCP_ECE 0x040
#define OFP_TCP_CWR 0x080
#define OFP_TCP_NS  0x100

/* Header sizes. */
#define OFP_ETH_HEADER_LEN   14
#define OFP_VLAN_HEADER_LEN  4
#define OFP_ARP_ETH_IPV4_LEN 28
#define OFP_IPV4_HEADER_LEN  20       /* Without options. */
#define OFP_IPV6_HEADER_LEN  40
#define OFP_TCP_HEADER_LEN   20       /* Without options. */
#define OFP_UDP_HEADER_LEN   8
#define OFP_SCTP_HEADER_LEN  12
#define OFP_ICMP_HEADER_LEN  8
#define OFP_ICMPV6_HEADER_LEN 8
#define OFP_ND_HEADER_LEN    24       /* ICMPv6 header + target. */

/* The most VLAN tags and IPv6 extension headers the parser walks. */
#define OFP_PKT_MAX_VLANS 2
#define OFP_PKT_MAX_IPV6_EXT 8

/* The last layer whose header the parser read completely. */
enum ofp_pkt_layer {
    OFP_PKT_LAYER_NONE,         /* Not even Ethernet + its VLAN tags. */
    OFP_PKT_LAYER_L2,           /* Ethernet and every VLAN tag. */
    OFP_PKT_LAYER_L3,           /* ARP, or IPv4/IPv6 incl. options and
                                 * extension headers. */
    OFP_PKT_LAYER_L4,           /* TCP, UDP, SCTP, ICMP or ICMPv6 (for ND:
                                 * through the target address). */
};

/* The network protocol found ('l3' member), set only when complete. */
enum ofp_pkt_l3 {
    OFP_PKT_L3_NONE,
    OFP_PKT_L3_ARP,             /* Ethernet/IPv4 ARP. */
    OFP_PKT_L3_IPV4,
    OFP_PKT_L3_IPV6,
};

/* The transport protocol found ('l4' member), set only when complete. */
enum ofp_pkt_l4 {
    OFP_PKT_L4_NONE,
    OFP_PKT_L4_TCP,
    OFP_PKT_L4_UDP,
    OFP_PKT_L4_SCTP,
    OFP_PKT_L4_ICMP,
    OFP_PKT_L4_ICMPV6,
};

/* Flags in struct ofp_packet 'flags'. */
#define OFP_PKT_F_TRUNCATED  (1u << 0)  /* Frame ended inside a header. */
#define OFP_PKT_F_MALFORMED  (1u << 1)  /* A length field was invalid (IPv4
                                         * ihl < 5, TCP data offset < 5,
                                         * too many extension headers...). */
#define OFP_PKT_F_FRAGMENT   (1u << 2)  /* IPv4 or IPv6 fragment. */
#define OFP_PKT_F_LATER_FRAG (1u << 3)  /* Non-first fragment: no L4. */
#define OFP_PKT_F_ND_SLL     (1u << 4)  /* 'nd_sll' came from an option. */
#define OFP_PKT_F_ND_TLL     (1u << 5)  /* 'nd_tll' came from an option. */

/* IP fragment flag bits in 'ip_frag_flags' (IPv4 DF/MF; IPv6 sets MF). */
#define OFP_IP_DF 0x2
#define OFP_IP_MF 0x1

/* Offset meaning "this layer was not reached". */
#define OFP_PKT_OFS_NONE SIZE_MAX

/* One VLAN tag. */
struct ofp_pkt_vlan {
    uint16_t tpid;              /* 0x8100 or 0x88a8. */
    uint16_t vid;               /* 12 bits. */
    uint8_t pcp;                /* 3 bits. */
    uint8_t dei;                /* 1 bit. */
};

/* A parsed frame, all values in host byte order (addresses that OpenFlow
 * handles as byte strings, MACs and IPv6, stay byte arrays).  Members of a
 * layer beyond 'layer' may be partly filled and must not be used: check
 * 'l3' and 'l4', which are set only for complete headers.  'data' borrows
 * the caller's frame. */
struct ofp_packet {
    const uint8_t *data;
    size_t len;
    enum ofp_pkt_layer layer;
    uint32_t flags;             /* OFP_PKT_F_*. */

    /* Offsets from 'data', or OFP_PKT_OFS_NONE.  'payload_ofs' is where
     * the L4 payload starts (after TCP options, after the UDP header...),
     * or the IP payload when there is no complete L4 header (e.g. a later
     * fragment); 'payload_len' is clamped to both the frame and the IP
     * length.  Both are none/0 for non-IP frames. */
    size_t l2_ofs, l3_ofs, l4_ofs, payload_ofs;
    size_t payload_len;

    /* L2. */
    uint8_t eth_dst[6];
    uint8_t eth_src[6];
    uint16_t eth_type;          /* Innermost, after the VLAN tags. */
    uint8_t n_vlans;            /* Complete tags, outermost first. */
    struct ofp_pkt_vlan vlans[OFP_PKT_MAX_VLANS];

    /* L3. */
    enum ofp_pkt_l3 l3;
    uint16_t arp_op;
    uint8_t arp_sha[6];
    uint32_t arp_spa;
    uint8_t arp_tha[6];
    uint32_t arp_tpa;
    uint32_t ipv4_src;
    uint32_t ipv4_dst;
    uint8_t ipv6_src[16];
    uint8_t ipv6_dst[16];
    uint32_t ipv6_flabel;       /* 20 bits. */
    uint8_t ip_proto;           /* IPv4 protocol, or the IPv6 upper-layer
                                 * header after the extension headers. */
    uint8_t ip_ttl;             /* IPv4 TTL or IPv6 hop limit. */
    uint8_t ip_tos;             /* IPv4 TOS or IPv6 traffic class. */
    uint16_t ip_len;            /* IPv4 total length; IPv6 payload length. */
    uint16_t ip_id;             /* IPv4 id (IPv6: low 16 bits of frag id). */
    uint16_t ip_frag_off;       /* Fragment offset in 8-byte units. */
    uint8_t ip_frag_flags;      /* OFP_IP_DF, OFP_IP_MF. */
    uint8_t n_ipv6_ext;         /* IPv6 extension headers skipped. */

    /* L4. */
    enum ofp_pkt_l4 l4;
    uint16_t tp_src;            /* TCP, UDP, SCTP ports. */
    uint16_t tp_dst;
    uint32_t tcp_seq;
    uint32_t tcp_ack;
    uint16_t tcp_flags;         /* OFP_TCP_*, 12 bits. */
    uint8_t tcp_doff;           /* Header length in bytes (20..60). */
    uint16_t tcp_window;
    uint16_t udp_len;
    uint8_t icmp_type;          /* ICMP or ICMPv6. */
    uint8_t icmp_code;
    uint16_t icmp_id;           /* Echo request/reply only. */
    uint16_t icmp_seq;          /* Echo request/reply only. */
    uint8_t nd_target[16];      /* ND NS/NA. */
    uint8_t nd_sll[6];          /* NS source link-layer option, or 0. */
    uint8_t nd_tll[6];          /* NA target link-layer option, or 0. */
};

/* Parses the 'len' bytes at 'data' into 'pkt' (which borrows 'data').
 * Never fails: see 'layer' and 'flags' for how far it got. */
void ofp_packet_parse(const uint8_t *data, size_t len,
                      struct ofp_packet *pkt);

/* Returns "none", "l2", "l3" or "l4". */
const char *ofp_pkt_layer_name(enum ofp_pkt_layer);

/* Fills 'match' with an exact match on 'pkt' as received on 'in_port':
 * in_port, eth_src, eth_dst, eth_type, vlan_vid (OFPVID_PRESENT | outer
 * vid, or OFPVID_NONE when untagged) and vlan_pcp, then whatever complete
 * layers 'pkt' has: arp_op/spa/tpa/sha/tha; ip_proto, ipv4/ipv6 addresses
 * (and ipv6_flabel); tcp/udp/sctp ports; icmp type/code; ND target, sll
 * (for NS) and tll (for NA).  The result satisfies every prerequisite. */
void ofp_packet_to_match(const struct ofp_packet *pkt, uint32_t in_port,
                         struct ofp_match *match);

/* The Ethernet part of a frame to build. */
struct ofp_pkt_eth_spec {
    uint8_t dst[6];
    uint8_t src[6];
    bool vlan;                  /* Add one 802.1Q tag? */
    uint16_t vlan_vid;          /* 0..4095. */
    uint8_t vlan_pcp;           /* 0..7. */
};

/* The IPv4 header of a frame to build.  Total length, protocol and the
 * header checksum are filled by the builder. */
struct ofp_pkt_ipv4_spec {
    uint32_t src;               /* Host order. */
    uint32_t dst;
    uint8_t ttl;                /* 0 means 64. */
    uint8_t tos;
    uint16_t id;
    bool dont_fragment;
};

/* Builders.  Each appends one whole Ethernet frame to 'b' and returns its
 * length (the frame starts at b->data + b->size - length). */

/* An Ethernet/IPv4 ARP packet; 'op' is OFP_ARP_OP_REQUEST or _REPLY.  A
 * NULL 'tha' is all-zeros, as in a request. */
size_t ofp_packet_build_arp(struct ofpbuf *b,
                            const struct ofp_pkt_eth_spec *eth, uint16_t op,
                            const uint8_t sha[6], uint32_t spa,
                            const uint8_t tha[6], uint32_t tpa);

/* An ICMP echo request (or reply, if 'reply') with 'payload'. */
size_t ofp_packet_build_icmp_echo(struct ofpbuf *b,
                                  const struct ofp_pkt_eth_spec *eth,
                                  const struct ofp_pkt_ipv4_spec *ip,
                                  bool reply, uint16_t id, uint16_t seq,
                                  const void *payload, size_t payload_len);

/* A UDP datagram, with its checksum. */
size_t ofp_packet_build_udp(struct ofpbuf *b,
                            const struct ofp_pkt_eth_spec *eth,
                            const struct ofp_pkt_ipv4_spec *ip,
                            uint16_t src_port, uint16_t dst_port,
                            const void *payload, size_t payload_len);

/* A TCP segment without options (data offset 5), with its checksum. */
size_t ofp_packet_build_tcp(struct ofpbuf *b,
                            const struct ofp_pkt_eth_spec *eth,
                            const struct ofp_pkt_ipv4_spec *ip,
                            uint16_t src_port, uint16_t dst_port,
                            uint32_t seq, uint32_t ack, uint16_t tcp_flags,
                            uint16_t window,
                            const void *payload, size_t payload_len);

/* The Internet checksum (RFC 1071).  ofp_csum_add() adds 'len' bytes to a
 * running 32-bit sum 'partial' (0 to start), as big-endian 16-bit words;
 * only the last piece may have an odd length.  ofp_csum_finish() folds the
 * sum and complements it, giving the value to store in a header. */
uint32_t ofp_csum_add(uint32_t partial, const void *data, size_t len);
uint16_t ofp_csum_finish(uint32_t partial);

#endif /* ofp-packet.h */
