/** The scaled-out search index: articles in an OpenSearch index, shared by every worker and web node. */
@NullMarked
package org.worldwire.search.opensearch;

import org.jspecify.annotations.NullMarked;
