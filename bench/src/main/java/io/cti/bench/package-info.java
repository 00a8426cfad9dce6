/**
 * Benchmarks of the platform: JMH micro-benchmarks and end-to-end load drivers, with their recorded results.
 * A harness around the running platform, never part of it, and the only module allowed to depend on
 * {@code io.cti.platform}.
 */
package io.cti.bench;
