package org.worldwire.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;
import org.worldwire.enrich.Gazetteer.Kind;
import org.worldwire.enrich.Gazetteer.Place;

/**
 * Towns of 1,000 to 5,000 people ({@link Kind#SMALL_TOWN}), kept apart from the other names. Immutable once built.
 *
 * <p>There are 63,000 of them, named like surnames and words, and a name counts as one only where the article places
 * it. So the geotagger asks for them only there, not for every capitalised word, and the table it does ask for every
 * word stays as small (and as cached) as without them. A town is three numbers here (its country and first-level
 * code as indices into a table of codes, its population); its {@link Place} is made only when asked for.
 */
final class SmallTowns {
    private final PackedKeys names;
    /** The towns of name {@code i} are {@code first[i]} up to {@code first[i + 1]}. */
    private final int[] first;
    private final short[] country;
    private final short[] admin1;
    private final int[] population;
    private final String[] codes;

    private SmallTowns(PackedKeys names, int[] first, short[] country, short[] admin1, int[] population, String[] codes) {
        this.names = names;
        this.first = first;
        this.country = country;
        this.admin1 = admin1;
        this.population = population;
        this.codes = codes;
    }

    /** The towns named so (a lookup key, as {@link Gazetteer#key}), each a new {@link Place}; null for none. */
    Place @Nullable [] get(String key) {
        int i = names.indexOf(key);
        if (i < 0) return null;
        var out = new Place[first[i + 1] - first[i]];
        for (int t = first[i], k = 0; t < first[i + 1]; t++, k++)
            out[k] = new Place(Kind.SMALL_TOWN, codes[country[t]], codes[admin1[t]], population[t]);
        return out;
    }

    int size() {
        return names.size();
    }

    /** Name {@code i} of {@link #size}, as a new string. */
    String name(int i) {
        return names.key(i);
    }

    /** Collects towns in the order read; a town given twice under one name is kept once. */
    static final class Builder {
        private final Map<String, Integer> nameIds = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> codeIds = new HashMap<>();
        private final List<String> codes = new ArrayList<>();
        /** Per name its last town, per town the one before it of the same name (-1 ends): chains, no lists. */
        private int[] last = new int[1 << 12];
        private int[] before = new int[1 << 12];
        private short[] country = new short[1 << 12];
        private short[] admin1 = new short[1 << 12];
        private int[] population = new int[1 << 12];
        private int towns;

        void add(String key, String iso2, String admin1Code, int pop) {
            Integer known = nameIds.get(key);
            int name;
            if (known == null) {
                name = names.size();
                names.add(key);
                nameIds.put(key, name);
                if (name == last.length) last = Arrays.copyOf(last, name * 2);
                last[name] = -1;
            } else {
                name = known;
            }
            short c = code(iso2), a = code(admin1Code);
            for (int t = last[name]; t >= 0; t = before[t])
                if (country[t] == c && admin1[t] == a && population[t] == pop) return;
            if (towns == before.length) {
                int n = towns * 2;
                before = Arrays.copyOf(before, n);
                country = Arrays.copyOf(country, n);
                admin1 = Arrays.copyOf(admin1, n);
                population = Arrays.copyOf(population, n);
            }
            before[towns] = last[name];
            country[towns] = c;
            admin1[towns] = a;
            population[towns] = pop;
            last[name] = towns++;
        }

        private short code(String code) {
            int id = codeIds.computeIfAbsent(code, k -> {
                codes.add(k);
                return codes.size() - 1;
            });
            if (id > Short.MAX_VALUE) throw new IllegalStateException("enrich: more than 32,767 distinct codes of small towns");
            return (short) id;
        }

        /**
         * The towns, less those of each name that {@code elsewhere} takes (it is given every town of such a name, in
         * the order read, and answers true for the first if it takes the name).
         */
        SmallTowns build(BiPredicate<String, Place> elsewhere) {
            var kept = new ArrayList<String>();
            int[] first = new int[names.size() + 1];
            short[] c = new short[towns], a = new short[towns];
            int[] p = new int[towns];
            int at = 0;
            int[] order = new int[16];
            for (int name = 0; name < names.size(); name++) {
                int count = 0;
                for (int t = last[name]; t >= 0; t = before[t]) {
                    if (count == order.length) order = Arrays.copyOf(order, count * 2);
                    order[count++] = t;
                }
                // the chain runs from the last town read back
                String key = names.get(name);
                if (elsewhere.test(key, place(order[count - 1]))) {
                    for (int k = count - 2; k >= 0; k--) elsewhere.test(key, place(order[k]));
                    continue;
                }
                first[kept.size()] = at;
                kept.add(key);
                for (int k = count - 1; k >= 0; k--, at++) {
                    c[at] = country[order[k]];
                    a[at] = admin1[order[k]];
                    p[at] = population[order[k]];
                }
            }
            first[kept.size()] = at;
            return new SmallTowns(new PackedKeys(kept), Arrays.copyOf(first, kept.size() + 1), Arrays.copyOf(c, at),
                    Arrays.copyOf(a, at), Arrays.copyOf(p, at), codes.toArray(String[]::new));
        }

        private Place place(int town) {
            return new Place(Kind.SMALL_TOWN, codes.get(country[town]), codes.get(admin1[town]), population[town]);
        }
    }
}
