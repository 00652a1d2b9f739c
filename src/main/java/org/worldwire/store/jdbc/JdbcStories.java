package org.worldwire.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.Article;
import org.worldwire.model.Story;
import org.worldwire.store.StoryQuery;
import org.worldwire.store.StoryStore;

/**
 * Stories in the same database as the articles: each batch of placements is one transaction of the adapter's
 * {@link Transactor}, and a story's counts are always recomputed from its articles inside it, so they cannot
 * drift. Where several processes write, the {@link Dialect} locks the stories a placement touches first.
 */
public final class JdbcStories implements StoryStore {
    /** A country is one a story is about when at least this share of its reports are about it. */
    private static final double COUNTRY_SHARE = 0.3;
    private static final int SUMMARY_CHARS = 220;
    private static final int MAX_MERGE_HOPS = 16;

    private final Transactor db;
    private final Dialect dialect;

    public JdbcStories(Transactor db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public Story place(long articleId, long storyId, long copyOf, List<Long> merged, long leadArticleId) {
        return placeAll(List.of(new Placement(articleId, storyId, copyOf, merged, leadArticleId))).get(storyId);
    }

    @Override
    public Map<Long, Story> placeAll(List<Placement> placements) {
        if (placements.isEmpty()) return Map.of();
        return db.write(c -> {
            Set<Long> touched = new HashSet<>();
            for (Placement p : placements) {
                touched.add(p.storyId());
                touched.addAll(p.merged());
            }
            dialect.lockStories(c, touched);
            Map<Long, Long> leads = new java.util.LinkedHashMap<>(); // standing story -> its lead as last decided
            try (PreparedStatement ps = c.prepareStatement("UPDATE articles SET story_id = ?, copy_of = ? WHERE id = ?")) {
                for (Placement p : placements) {
                    ps.setLong(1, p.storyId());
                    if (p.copyOf() == 0) ps.setNull(2, java.sql.Types.INTEGER);
                    else ps.setLong(2, p.copyOf());
                    ps.setLong(3, p.articleId());
                    ps.executeUpdate();
                    for (long m : p.merged()) {
                        if (m == p.storyId()) continue;
                        update(c, "UPDATE articles SET story_id = ? WHERE story_id = ?", p.storyId(), m);
                        update(c, "UPDATE stories SET merged_into = ? WHERE id = ? OR merged_into = ?", p.storyId(), m, m);
                        update(c, "DELETE FROM story_countries WHERE story_id = ?", m);
                        leads.remove(m);
                    }
                    leads.put(p.storyId(), p.leadArticleId());
                }
            }
            Map<Long, Story> out = new HashMap<>();
            for (var e : leads.entrySet()) out.put(e.getKey(), recount(c, e.getKey(), e.getValue()));
            return out;
        });
    }

    private static void update(Connection c, String sql, long... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setLong(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    /** Recomputes the story's counts from its articles and writes its row. */
    private static Story recount(Connection c, long storyId, long leadArticleId) throws SQLException {
        Set<Long> sources = new HashSet<>();
        Set<String> sourceCountries = new HashSet<>();
        Map<String, Integer> countries = new HashMap<>();
        Map<String, Integer> languages = new HashMap<>();
        int reports = 0, articles = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.source_id, a.discovered, a.copy_of, a.language, a.primary_countries, s.country
                FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.story_id = ?""")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    articles++;
                    long discovered = rs.getLong(2);
                    first = Math.min(first, discovered);
                    last = Math.max(last, discovered);
                    rs.getLong(3);
                    if (!rs.wasNull()) continue; // a copy adds neither a source nor a country
                    reports++;
                    sources.add(rs.getLong(1));
                    String lang = rs.getString(4);
                    if (lang != null && !lang.isEmpty()) languages.merge(lang, 1, Integer::sum);
                    for (String cc : Rows.codes(rs.getString(5))) countries.merge(cc, 1, Integer::sum);
                    String sc = rs.getString(6);
                    if (sc != null) sourceCountries.add(sc);
                }
            }
        }
        if (articles == 0) throw new SQLException("story " + storyId + " has no articles");
        String title = "", summary = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT title, summary FROM articles WHERE id = ?")) {
            ps.setLong(1, leadArticleId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    title = rs.getString(1);
                    summary = oneLine(rs.getString(2));
                }
            }
        }
        int threshold = (int) Math.ceil(Math.max(1, reports) * COUNTRY_SHARE);
        List<String> about = ranked(countries, threshold, 8);
        List<String> langs = ranked(languages, 1, 20);
        Story story = new Story(storyId, title, summary, leadArticleId, Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(last), Math.max(1, sources.size()), reports, articles, sourceCountries.size(),
                about, langs);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO stories (id, title, summary, lead_article_id, first_seen, last_update, sources, reports,
                                     articles, source_countries, countries, languages)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary,
                    lead_article_id = excluded.lead_article_id, first_seen = excluded.first_seen,
                    last_update = excluded.last_update, sources = excluded.sources, reports = excluded.reports,
                    articles = excluded.articles, source_countries = excluded.source_countries,
                    countries = excluded.countries, languages = excluded.languages, merged_into = NULL""")) {
            ps.setLong(1, storyId);
            ps.setString(2, title);
            ps.setString(3, summary);
            ps.setLong(4, leadArticleId);
            ps.setLong(5, first);
            ps.setLong(6, last);
            ps.setInt(7, story.sources());
            ps.setInt(8, reports);
            ps.setInt(9, articles);
            ps.setInt(10, story.sourceCountries());
            ps.setString(11, String.join(",", about));
            ps.setString(12, String.join(",", langs));
            ps.executeUpdate();
        }
        update(c, "DELETE FROM story_countries WHERE story_id = ?", storyId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO story_countries (story_id, country) VALUES (?, ?)")) {
            for (String cc : about) {
                ps.setLong(1, storyId);
                ps.setString(2, cc);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return story;
    }

    private static List<String> ranked(Map<String, Integer> counts, int min, int max) {
        return counts.entrySet().stream().filter(e -> e.getValue() >= min)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    /** The first sentence of a summary, or its first {@value #SUMMARY_CHARS} characters cut at a word. */
    public static @Nullable String oneLine(@Nullable String summary) {
        if (summary == null || summary.isBlank()) return null;
        String s = collapsedPrefix(summary, SUMMARY_CHARS + 2);
        int end = -1;
        for (int i = 40; i < s.length() - 1 && i < SUMMARY_CHARS; i++) {
            char ch = s.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?' || ch == '。') && Character.isWhitespace(s.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        if (end > 0) return s.substring(0, end);
        if (s.length() <= SUMMARY_CHARS) return s;
        int space = s.lastIndexOf(' ', SUMMARY_CHARS);
        return s.substring(0, space > SUMMARY_CHARS / 2 ? space : SUMMARY_CHARS).strip() + "…";
    }

    /**
     * The first {@code max} characters of the text stripped and with each run of whitespace made one space: a lead's
     * summary may be its whole text, and a story's line needs a sentence of it, for every article placed. Whitespace
     * is what {@link Character#isWhitespace} (and so {@code strip()}) says it is; for ASCII text that is what
     * {@code strip().replaceAll("\\s+", " ")} gives, and an em space or an ideographic space inside the text is
     * collapsed too, where the regex's {@code \\s} left it.
     */
    static String collapsedPrefix(String text, int max) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), max));
        boolean space = false;
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                space = b.length() > 0;
            } else {
                if (space) b.append(' ');
                space = false;
                if (b.length() < max) b.append(ch);
            }
        }
        return b.toString();
    }

    @Override
    public int placeAloneBefore(Instant before) {
        return db.write(c -> {
            long t = before.toEpochMilli();
            try (PreparedStatement ps = c.prepareStatement(dialect.insertIgnoring("""
                    stories (id, title, summary, lead_article_id, first_seen, last_update, sources,
                             reports, articles, source_countries, countries, languages)
                    SELECT a.id, a.title, a.summary, a.id, a.discovered, a.discovered, 1, 1, 1,
                           CASE WHEN s.country IS NULL THEN 0 ELSE 1 END, a.primary_countries, COALESCE(a.language, '')
                    FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                    WHERE a.story_id IS NULL AND a.discovered < ?"""))) {
                ps.setLong(1, t);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(dialect.insertIgnoring("""
                    story_countries (story_id, country)
                    SELECT a.id, pc.country FROM article_primary_countries pc JOIN articles a ON a.id = pc.article_id
                    WHERE a.story_id IS NULL AND a.discovered < ?"""))) {
                ps.setLong(1, t);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE articles SET story_id = id, copy_of = NULL WHERE story_id IS NULL AND discovered < ?")) {
                ps.setLong(1, t);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public long firstRecentId(Instant since, int atMost) {
        return db.read(c -> {
            // Ids follow discovery order closely enough, and the primary key makes the newest ones cheap to read.
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT MIN(id), (SELECT COALESCE(MAX(id), 0) FROM articles)
                    FROM (SELECT id, discovered FROM articles ORDER BY id DESC LIMIT ?) AS newest WHERE discovered >= ?""")) {
                ps.setInt(1, atMost);
                ps.setLong(2, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long min = rs.getLong(1);
                    return rs.wasNull() ? rs.getLong(2) + 1 : min;
                }
            }
        });
    }

    @Override
    public List<Article> unplaced(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE story_id IS NULL ORDER BY id LIMIT ?")) {
                ps.setInt(1, limit);
                return Rows.articles(ps);
            }
        });
    }

    @Override
    public Optional<Story> find(long id) {
        return db.read(c -> {
            long at = id;
            for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM stories WHERE id = ?")) {
                    ps.setLong(1, at);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) return Optional.empty();
                        long into = rs.getLong("merged_into");
                        if (rs.wasNull()) return Optional.of(Rows.story(rs));
                        at = into;
                    }
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public List<Story> list(StoryQuery q) {
        return db.read(c -> Queries.stories(c, q));
    }

    @Override
    public List<Article> articles(long storyId, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE story_id = ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, storyId);
                ps.setInt(2, limit);
                return Rows.articles(ps);
            }
        });
    }

    @Override
    public List<Long> storiesOf(List<Long> articleIds) {
        if (articleIds.isEmpty()) return List.of();
        return db.read(c -> {
            Map<Long, Long> storyOf = new HashMap<>();
            // SQLite binds at most 999 parameters in older builds: ask in slices.
            for (int from = 0; from < articleIds.size(); from += 500) {
                List<Long> slice = articleIds.subList(from, Math.min(articleIds.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(slice.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT a.id, COALESCE(s.merged_into, a.story_id) FROM articles a LEFT JOIN stories s ON s.id = a.story_id"
                                + " WHERE a.id IN (" + marks + ") AND a.story_id IS NOT NULL")) {
                    for (int i = 0; i < slice.size(); i++) ps.setLong(i + 1, slice.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) storyOf.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            Set<Long> out = new LinkedHashSet<>();
            for (long id : articleIds) {
                Long s = storyOf.get(id);
                if (s != null) out.add(s);
            }
            return List.copyOf(out);
        });
    }
}
