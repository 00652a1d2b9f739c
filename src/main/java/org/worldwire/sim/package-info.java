/**
 * A world of simulated publishers on loopback with true publication times, for tests, demos and benchmarks. Its
 * news is made like the world's: events reported by several publishers in their own words and languages, agency
 * copies reprinted with small edits, and one-offs, with the truth of each article kept; {@link
 * org.worldwire.sim.StoryStream} makes the same news in memory for the story benchmark, and {@link
 * org.worldwire.sim.StoryScore} scores clusterings against it.
 */
@NullMarked
package org.worldwire.sim;

import org.jspecify.annotations.NullMarked;
