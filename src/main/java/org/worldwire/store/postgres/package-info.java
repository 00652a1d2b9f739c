/**
 * The shared store for running scaled out: PostgreSQL through the official driver and a HikariCP pool, schema by
 * Flyway, many processes on one database.
 */
@NullMarked
package org.worldwire.store.postgres;

import org.jspecify.annotations.NullMarked;
