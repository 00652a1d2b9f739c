package org.worldwire.web.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;
import org.worldwire.opml.Opml;
import org.worldwire.opml.OpmlDocument;
import org.worldwire.opml.OpmlSource;
import org.worldwire.store.SourceHealth;
import org.worldwire.store.SourceStore;

/**
 * {@link AdminActions} over the source store, telling the application (its poller) about each change.
 */
public final class SourceAdminActions implements AdminActions {
    private static final int MAX_PROBLEMS = 100;

    private final SourceStore sources;
    private final Consumer<Source> added;
    private final LongConsumer removed;
    private final RefusedAddresses refused;

    /**
     * Why the fetcher would refuse a feed's address (a loopback or private address while those are not allowed), said
     * so that the operator knows what to do; empty when it would fetch it.
     */
    @FunctionalInterface
    public interface RefusedAddresses {
        Optional<String> reason(String feedUrl);

        /** Refuses nothing: for callers whose fetcher contacts any address. */
        RefusedAddresses NONE = url -> Optional.empty();
    }

    /**
     * @param added called with each source stored, so it is polled at once
     * @param removed called with the id of each source removed, before it is deleted
     * @param refused sources whose address the fetcher would refuse are not added: the operator is told at once
     *     instead of the source failing at every poll
     */
    public SourceAdminActions(SourceStore sources, Consumer<Source> added, LongConsumer removed, RefusedAddresses refused) {
        this.sources = sources;
        this.added = added;
        this.removed = removed;
        this.refused = refused;
    }

    @Override
    public List<SourceHealth> health() {
        return sources.health();
    }

    @Override
    public Source addSource(SourceForm form) {
        Source s = validated(form, refused);
        boolean existed = sources.findByFeedUrl(s.feedUrl()).isPresent();
        Source stored = sources.add(s);
        if (!existed) added.accept(stored);
        return stored;
    }

    @Override
    public boolean removeSource(long id) {
        if (sources.find(id).isEmpty()) return false;
        removed.accept(id);
        return sources.remove(id);
    }

    @Override
    public ImportResult importOpml(byte[] opml) {
        OpmlDocument doc = Opml.parse(opml);
        int added = 0;
        int existing = 0;
        List<String> problems = new ArrayList<>(doc.problems().subList(0, Math.min(MAX_PROBLEMS, doc.problems().size())));
        for (OpmlSource o : doc.sources()) {
            try {
                Source s = validated(new SourceForm(o.feedUrl(), o.title(), o.country(), o.language(), false));
                if (sources.findByFeedUrl(s.feedUrl()).isPresent()) {
                    existing++;
                } else {
                    this.added.accept(sources.add(s));
                    added++;
                }
            } catch (IllegalArgumentException e) {
                if (problems.size() < MAX_PROBLEMS) problems.add(e.getMessage());
            }
        }
        return new ImportResult(added, existing, List.copyOf(problems));
    }

    /**
     * Only absolute http(s) URLs with a host; codes in their usual shapes; titles bounded. The command line's
     * add-source uses the same checks.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Source validated(SourceForm f) {
        return validated(f, RefusedAddresses.NONE);
    }

    /**
     * {@link #validated(SourceForm)}, and the feed's address must be one the fetcher would contact.
     *
     * @throws IllegalArgumentException saying what is wrong, and for a refused address why and what to do about it
     */
    public static Source validated(SourceForm f, RefusedAddresses refused) {
        String raw = f.feedUrl().strip();
        URI uri;
        try {
            uri = new URI(raw);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + clip(raw));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || raw.length() > 2_000) {
            throw new IllegalArgumentException("a feed URL must be an absolute http or https URL: " + clip(raw));
        }
        String country = blankToNull(f.country());
        String language = blankToNull(f.language());
        if (country != null && !country.matches("(?i)[a-z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as FR, was " + clip(country));
        }
        if (language != null && !language.matches("(?i)[a-z]{2,3}(-[a-z0-9]{1,8})*")) {
            throw new IllegalArgumentException("language must be a language tag such as fr or pt-BR, was " + clip(language));
        }
        Optional<String> refusal = refused.reason(uri.toString());
        if (refusal.isPresent()) throw new IllegalArgumentException(refusal.get());
        String title = blankToNull(f.title());
        if (title != null && title.length() > 300) title = title.substring(0, 300);
        return new Source(0, uri.toString(), title == null ? uri.toString() : title, null, country, language,
                f.fullText() ? DisplayPolicy.FULL_TEXT : DisplayPolicy.EXCERPT);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
