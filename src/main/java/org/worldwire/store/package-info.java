/** Durable storage of sources and articles: the ports; adapters live in sub-packages. */
@NullMarked
package org.worldwire.store;

import org.jspecify.annotations.NullMarked;
