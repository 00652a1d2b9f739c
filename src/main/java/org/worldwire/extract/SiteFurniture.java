package org.worldwire.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.worldwire.model.ArticleContent;

/**
 * Short paragraphs that a site repeats on page after page (its newsletter box, its forum invitation, its tip line,
 * a standard disclaimer inside the article container) are that site's furniture, in whatever language and wording:
 * the one signal that needs no word list. Each host's recent pages are remembered as fingerprints of their short
 * paragraphs; a paragraph found on {@link #PAGES} other pages of the same host is dropped from the next one.
 *
 * <p>Only short paragraphs count: the background paragraphs that a wire service or a follow-up story repeats are
 * longer, and they are text. A page is never emptied by this, and the same page fetched again is one page. Memory is
 * bounded: at most {@code maxHosts} hosts (least recently seen go first), each a fixed table of fingerprints whose
 * paragraphs seen once are forgotten when it fills. Thread-safe.
 */
public final class SiteFurniture {
    /** Longer paragraphs are never taken for furniture. */
    static final int MAX_CHARS = 250;
    /** On how many other pages of the host a paragraph must have stood. */
    static final int PAGES = 4;

    private final int slotsPerHost;
    private final Map<String, Host> hosts;

    /**
     * @param maxHosts     hosts remembered at once
     * @param slotsPerHost fingerprints a host's table holds (a power of two; filled to three quarters at most)
     */
    public SiteFurniture(int maxHosts, int slotsPerHost) {
        if (Integer.bitCount(slotsPerHost) != 1 || slotsPerHost < 8) {
            throw new IllegalArgumentException("slots per host must be a power of two, at least 8: " + slotsPerHost);
        }
        this.slotsPerHost = slotsPerHost;
        this.hosts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Host> eldest) {
                return size() > maxHosts;
            }
        };
    }

    /** The paragraphs of a page of {@code host} at {@code url}, less those the host repeats; remembers this page's. */
    public List<String> filter(String host, String url, List<String> paragraphs) {
        if (paragraphs.isEmpty()) return paragraphs;
        long[] prints = new long[paragraphs.size()];
        for (int i = 0; i < prints.length; i++) {
            String p = paragraphs.get(i);
            prints[i] = p.length() <= MAX_CHARS ? fingerprint(p) : 0;
        }
        int page = url.hashCode() * 0x9E3779B1; // spread: URLs differing in their last character stay apart
        if (page == 0) page = 1; // 0 marks "no page yet"
        boolean[] drop = new boolean[prints.length];
        int dropped = 0;
        synchronized (this) {
            Host h = hosts.computeIfAbsent(host, k -> new Host(slotsPerHost));
            for (int i = 0; i < prints.length; i++) {
                if (prints[i] != 0 && h.pagesOtherThan(prints[i], page) >= PAGES) {
                    drop[i] = true;
                    dropped++;
                }
            }
            for (long p : prints) if (p != 0) h.record(p, page);
        }
        if (dropped == 0 || dropped == prints.length) return paragraphs;
        List<String> kept = new ArrayList<>(prints.length - dropped);
        for (int i = 0; i < prints.length; i++) if (!drop[i]) kept.add(paragraphs.get(i));
        return kept;
    }

    /** {@link #filter(String, String, List)} over an extracted page, keeping all else it found. */
    public ArticleContent filter(String host, String url, ArticleContent page) {
        List<String> kept = filter(host, url, page.paragraphs());
        if (kept == page.paragraphs()) return page;
        return new ArticleContent(page.title(), page.authors(), page.published(), page.modified(), kept, page.leadImage(),
                page.siteName(), page.description(), page.canonicalUrl(), page.language());
    }

    /** Hosts remembered now (for tests and metrics). */
    public synchronized int hosts() {
        return hosts.size();
    }

    /**
     * FNV-1a over the paragraph's letters, lower-cased, with every digit as 0: "© 2024" and "© 2025", or a count in
     * a box, are the same furniture. Never 0.
     */
    static long fingerprint(String p) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isDigit(c)) c = '0';
            else if (Character.isLetter(c)) c = Character.toLowerCase(c);
            else continue;
            h ^= c;
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    /** One host's fingerprints: open addressing over parallel arrays, about 16 bytes a slot. */
    private static final class Host {
        private final long[] keys;
        private final int[] pages;  // how many distinct pages carried the paragraph
        private final int[] last;   // the last page that did, so that a page fetched twice counts once
        private int size;

        Host(int slots) {
            keys = new long[slots];
            pages = new int[slots];
            last = new int[slots];
        }

        int pagesOtherThan(long key, int page) {
            int i = find(key);
            if (keys[i] != key) return 0;
            return last[i] == page ? pages[i] - 1 : pages[i];
        }

        void record(long key, int page) {
            int i = find(key);
            if (keys[i] == key) {
                if (last[i] != page) {
                    pages[i]++;
                    last[i] = page;
                }
                return;
            }
            if ((size + 1) * 4 > keys.length * 3) {
                forgetSeenOnce();
                i = find(key);
            }
            keys[i] = key;
            pages[i] = 1;
            last[i] = page;
            size++;
        }

        /** Paragraphs seen on one page only are most of a table and none of the furniture: they go first. */
        private void forgetSeenOnce() {
            long[] oldKeys = keys.clone();
            int[] oldPages = pages.clone();
            int[] oldLast = last.clone();
            java.util.Arrays.fill(keys, 0);
            size = 0;
            boolean allRepeats = true;
            for (int j = 0; j < oldKeys.length; j++) if (oldKeys[j] != 0 && oldPages[j] == 1) allRepeats = false;
            // a table of repeats only would stay full: then it starts over
            if (allRepeats) return;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] == 0 || oldPages[j] <= 1) continue;
                int i = find(oldKeys[j]);
                keys[i] = oldKeys[j];
                pages[i] = oldPages[j];
                last[i] = oldLast[j];
                size++;
            }
        }

        /** The slot holding {@code key}, or the empty slot where it would go (linear probing; the table is never full). */
        private int find(long key) {
            int mask = keys.length - 1;
            int i = (int) (key ^ (key >>> 32)) & mask;
            while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
            return i;
        }
    }
}
