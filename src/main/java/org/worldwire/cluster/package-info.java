/**
 * Online story clustering: each arriving article is folded into the story it reports, or founds one, in arrival
 * order. Pure: records in, decisions out; time comes with the article.
 */
@NullMarked
package org.worldwire.cluster;

import org.jspecify.annotations.NullMarked;
