package org.worldwire.extract;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.ArticleContent;

/**
 * An extracted article plus the publication times as the page wrote them, offset included, so that the
 * calendar date shown is the publisher's (the {@link ArticleContent} record keeps instants only).
 */
public record Extraction(ArticleContent content, @Nullable OffsetDateTime published, @Nullable OffsetDateTime modified) {}
