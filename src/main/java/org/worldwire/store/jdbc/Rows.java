package org.worldwire.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.Source;
import org.worldwire.model.Story;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.StoreException;

/**
 * Rows to records and values to columns, the same in every database: times are epoch milliseconds in a 64-bit
 * integer, lists of country or language codes are comma-separated text, paragraphs and feed entries are JSON text.
 */
public final class Rows {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private Rows() {}

    /** An {@code articles} row. */
    public static Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getLong("id"), rs.getLong("source_id"), rs.getString("url"), rs.getString("guid"),
                rs.getString("title"), rs.getString("byline"), instant(rs, "published"),
                Instant.ofEpochMilli(rs.getLong("discovered")), strings(rs.getString("paragraphs")),
                rs.getString("summary"), rs.getString("lead_image"), rs.getString("language"),
                codes(rs.getString("countries")), codes(rs.getString("primary_countries")),
                rs.getLong("story_id"), rs.getLong("copy_of"));
    }

    /** Every article the statement selects (whole {@code articles} rows), in its order. */
    public static List<Article> articles(PreparedStatement ps) throws SQLException {
        List<Article> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(article(rs));
        }
        return out;
    }

    /** A {@code sources} row; a display policy this version does not know reads as the default. */
    public static Source source(ResultSet rs) throws SQLException {
        DisplayPolicy policy;
        try {
            policy = DisplayPolicy.valueOf(rs.getString("display_policy"));
        } catch (IllegalArgumentException e) {
            policy = DisplayPolicy.EXCERPT;
        }
        return new Source(rs.getLong("id"), rs.getString("feed_url"), rs.getString("title"), rs.getString("site_url"),
                rs.getString("country"), rs.getString("language"), policy);
    }

    /** A {@code sources} row with the article counts {@code total} and {@code last_day} beside it. */
    public static SourceHealth health(ResultSet rs) throws SQLException {
        return new SourceHealth(source(rs), instant(rs, "last_poll"), instant(rs, "last_success"),
                rs.getString("last_error"), rs.getString("last_error_message"),
                rs.getInt("consecutive_errors"), rs.getLong("total"), rs.getLong("last_day"), hostOutage(rs));
    }

    /** The outage of the source's host, when the poller last saw it down. */
    private static org.worldwire.store.@org.jspecify.annotations.Nullable HostOutage hostOutage(ResultSet rs) throws SQLException {
        Instant since = instant(rs, "host_down_since");
        Instant next = instant(rs, "host_next_attempt");
        String reason = rs.getString("host_error");
        return since == null || next == null || reason == null ? null : new org.worldwire.store.HostOutage(since, reason, next);
    }

    /** A {@code stories} row. */
    public static Story story(ResultSet rs) throws SQLException {
        return new Story(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getLong("lead_article_id"),
                Instant.ofEpochMilli(rs.getLong("first_seen")), Instant.ofEpochMilli(rs.getLong("last_update")),
                rs.getInt("sources"), rs.getInt("reports"), rs.getInt("articles"), rs.getInt("source_countries"),
                codes(rs.getString("countries")), codes(rs.getString("languages")));
    }

    /** A {@code pending_entries} row. */
    public static PendingEntry pendingEntry(ResultSet rs) throws SQLException {
        FeedEntry entry;
        try {
            entry = JSON.readValue(rs.getString("entry"), FeedEntry.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable pending entry " + rs.getLong("id"), e);
        }
        return new PendingEntry(rs.getLong("id"), rs.getLong("source_id"), rs.getString("url"),
                rs.getString("guid"), entry, Instant.ofEpochMilli(rs.getLong("discovered")));
    }

    /** A value as JSON text (paragraphs, feed entries). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** A JSON list of strings; text that is not one reads as a single paragraph rather than failing the page. */
    public static List<String> strings(@Nullable String json) {
        if (json == null || json.isEmpty()) return List.of();
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }

    /** Comma-separated codes, as the {@code countries} and {@code languages} columns hold them. */
    public static List<String> codes(@Nullable String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    public static void setNullableLong(PreparedStatement ps, int i, @Nullable Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setLong(i, v);
    }

    public static void setNullableInt(PreparedStatement ps, int i, @Nullable Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setInt(i, v);
    }

    public static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
