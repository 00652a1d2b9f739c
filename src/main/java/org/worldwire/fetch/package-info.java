/** HTTP for feeds and pages: conditional GET, time and size caps, decompression, SSRF guard. */
@NullMarked
package org.worldwire.fetch;

import org.jspecify.annotations.NullMarked;
