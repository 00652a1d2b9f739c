/** A simulated world of publishers on a virtual clock, with true publication times, and the freshness benchmark over it. */
@NullMarked
package org.worldwire.sim.world;

import org.jspecify.annotations.NullMarked;
