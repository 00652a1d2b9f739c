/**
 * WebSub (W3C) subscriptions: hub discovery, signatures, subscription state and the callback's decisions. The classes
 * here are pure (time is a parameter, no IO); the HTTP side is in {@code websub.http}.
 */
@NullMarked
package org.worldwire.websub;

import org.jspecify.annotations.NullMarked;
