/** The embedded default search index: a Lucene directory beside the database. */
@NullMarked
package org.worldwire.search.lucene;

import org.jspecify.annotations.NullMarked;
