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
