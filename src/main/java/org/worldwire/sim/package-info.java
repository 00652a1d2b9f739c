/** A world of simulated publishers on loopback with true publication times, for tests, demos and benchmarks. */
@NullMarked
package org.worldwire.sim;

import org.jspecify.annotations.NullMarked;
