/** Records that every feature shares: sources, feed entries, articles. JDK only. */
@NullMarked
package org.worldwire.model;

import org.jspecify.annotations.NullMarked;
