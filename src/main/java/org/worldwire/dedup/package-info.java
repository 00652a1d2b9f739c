/** URL canonicalisation and fingerprints that decide whether two entries are the same article. Pure. */
@NullMarked
package org.worldwire.dedup;

import org.jspecify.annotations.NullMarked;
