/** The world map of the site: an inline SVG drawn from bundled country shapes, no external tiles. */
@NullMarked
package org.worldwire.web.map;

import org.jspecify.annotations.NullMarked;
