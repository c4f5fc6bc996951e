# Benchmarks: built by 'make', run by hand or bench/run, never by scripts/check.
noinst_PROGRAMS += bench/codec
bench_codec_SOURCES = bench/codec.c
bench_codec_LDADD = ofp/libofp.a
