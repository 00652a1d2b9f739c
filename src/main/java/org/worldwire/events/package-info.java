/** In-process announcements of what the pipeline stored. */
@NullMarked
package org.worldwire.events;

import org.jspecify.annotations.NullMarked;
