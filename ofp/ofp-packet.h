#ifndef OFP_PACKET_H
#define OFP_PACKET_H 1
#endif
