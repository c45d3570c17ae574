/**
 * Counters described once. {@code CounterDescriptor} names a counter (id, Prometheus name, help, labels);
 * {@code CounterDescriptors} hands out ids in order of declaration; {@code CounterSet} holds the values of a list of
 * them on separate cache lines; {@code PrometheusText} writes them by a loop over the descriptors. Engine, upstream,
 * simulator and gateway counters all use it.
 */
package io.liqvol.engine.counters;
