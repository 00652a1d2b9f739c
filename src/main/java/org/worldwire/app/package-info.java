/** Configuration and wiring by constructors: the only place that names concrete adapters. */
@NullMarked
package org.worldwire.app;

import org.jspecify.annotations.NullMarked;
