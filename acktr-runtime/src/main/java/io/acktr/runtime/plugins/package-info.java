/**
 * What a run asks of the plugins, as the sessions, the suite runner and the benchmarks see it;
 * {@code runtime.bootstrap} implements it with the Guice injector and the plugin registry.
 */
package io.acktr.runtime.plugins;
