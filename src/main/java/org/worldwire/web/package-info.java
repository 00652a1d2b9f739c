/** The reader site, the JSON API, the live stream and feeds out. */
@NullMarked
package org.worldwire.web;

import org.jspecify.annotations.NullMarked;
