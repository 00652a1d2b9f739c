/** Thin picocli commands over the application. */
@NullMarked
package org.worldwire.cli;

import org.jspecify.annotations.NullMarked;
