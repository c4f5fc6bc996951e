# Benchmarks: built by 'make', run by hand or bench/run-codec, never by
# scripts/check.
noinst_PROGRAMS += bench/codec
bench_codec_SOURCES = bench/codec.c
bench_codec_LDADD = ofp/libofp.a
# Count heap allocations: every malloc/calloc/realloc call from the linked
# objects goes through bench/codec.c's __wrap_* counters.
bench_codec_LDFLAGS = $(AM_LDFLAGS) \
	-Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc
EXTRA_DIST += bench/README.md bench/run-codec

# ofbench: cbench-style OpenFlow 1.3 controller benchmark (see
# bench/README.md), its trivial responder, and bench/compare.
noinst_PROGRAMS += bench/ofbench bench/ofbench-responder
bench_ofbench_SOURCES = bench/ofbench.c
bench_ofbench_LDADD = ofp/libofp.a
bench_ofbench_responder_SOURCES = bench/ofbench-responder.c
bench_ofbench_responder_LDADD = ofp/libofp.a
EXTRA_DIST += bench/compare
