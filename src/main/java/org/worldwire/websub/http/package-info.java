/** The HTTP side of WebSub subscriptions: asking a hub to subscribe, renew or unsubscribe. */
@NullMarked
package org.worldwire.websub.http;

import org.jspecify.annotations.NullMarked;
