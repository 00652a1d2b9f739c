/**
 * What the JDBC adapters share so that a row means the same in SQLite and PostgreSQL: row mapping, the SQL both
 * dialects accept, and the story bookkeeping. Not a port: only adapters use it.
 */
@NullMarked
package org.worldwire.store.jdbc;

import org.jspecify.annotations.NullMarked;
