/** A WebSub hub on loopback that verifies subscribers' intent and pushes signed content, and the push-latency bench. */
@NullMarked
package org.worldwire.sim.hub;

import org.jspecify.annotations.NullMarked;
