/** Full-text search over articles: the port; adapters live in sub-packages. */
@NullMarked
package org.worldwire.search;

import org.jspecify.annotations.NullMarked;
