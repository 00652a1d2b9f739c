/**
 * Encoding labels to decoders, as the WHATWG Encoding Standard, the IANA registry and the reference feed parser
 * name them, and the legacy single-byte decoders the JDK lacks. Shared by feed parsing and page extraction, which
 * meet the same labels. Pure: JDK only.
 */
@NullMarked
package org.worldwire.encoding;

import org.jspecify.annotations.NullMarked;
