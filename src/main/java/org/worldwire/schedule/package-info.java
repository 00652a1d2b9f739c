/** When to poll each source next: rate estimates, a global budget, per-host politeness, back-off. Pure; time is a parameter. */
@NullMarked
package org.worldwire.schedule;

import org.jspecify.annotations.NullMarked;
