/** The embedded default store: one SQLite file in WAL mode, schema by Flyway. */
@NullMarked
package org.worldwire.store.sqlite;

import org.jspecify.annotations.NullMarked;
