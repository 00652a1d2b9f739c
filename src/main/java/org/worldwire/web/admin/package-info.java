/** The operator's side: login, admin pages and the authenticated write API, kept apart from the read-only reader site. */
@NullMarked
package org.worldwire.web.admin;

import org.jspecify.annotations.NullMarked;
