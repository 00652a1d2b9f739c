/** Language, countries and sections of an article, from bundled data. Pure. */
@NullMarked
package org.worldwire.enrich;

import org.jspecify.annotations.NullMarked;
