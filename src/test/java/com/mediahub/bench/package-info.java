/**
 * Benchmarks, run by {@code bench/run.sh}: the HTTP load harness ({@link com.mediahub.bench.LoadHarness})
 * and JMH micro-benchmarks ({@link com.mediahub.bench.CryptoBenchmarks}). Not tests: nothing here
 * asserts a speed.
 */
package com.mediahub.bench;
