/** Article HTML to {@link org.worldwire.model.ArticleContent}: metadata first, then content scoring. Pure. */
@NullMarked
package org.worldwire.extract;

import org.jspecify.annotations.NullMarked;
