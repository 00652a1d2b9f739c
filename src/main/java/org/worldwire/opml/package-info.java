/** Reading and writing OPML subscription lists (with country and language per feed), and the bundled seed list. Pure. */
@NullMarked
package org.worldwire.opml;

import org.jspecify.annotations.NullMarked;
