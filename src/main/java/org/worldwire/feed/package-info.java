/** Feed bytes to {@link org.worldwire.model.ParsedFeed}: RSS 0.9x/1.0/2.0, Atom, JSON Feed. Pure: no IO, no clock. */
@NullMarked
package org.worldwire.feed;

import org.jspecify.annotations.NullMarked;
