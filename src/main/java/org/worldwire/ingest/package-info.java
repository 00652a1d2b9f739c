/** Orchestrators of the flow: the poller (due, fetch, parse, new entries) and the article pipeline. */
@NullMarked
package org.worldwire.ingest;

import org.jspecify.annotations.NullMarked;
