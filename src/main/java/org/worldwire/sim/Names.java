package org.worldwire.sim;

import java.util.SplittableRandom;

/**
 * Names of people and organisations coined from syllables, so that the pools are large (billions of full names)
 * and different events rarely share one, and written the way each script's press would transliterate them: the
 * same syllables in Latin, Cyrillic, Arabic and Chinese letters.
 */
final class Names {
    private Names() {}

    private static final String[] LATIN_C = {"b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "z", "g"};
    private static final String[] LATIN_V = {"a", "e", "i", "o", "u"};
    private static final String[] CYRILLIC_C = {"б", "д", "к", "л", "м", "н", "р", "с", "т", "в", "з", "г"};
    private static final String[] CYRILLIC_V = {"а", "е", "и", "о", "у"};
    private static final String[] ARABIC_C = {"ب", "د", "ك", "ل", "م", "ن", "ر", "س", "ت", "ف", "ز", "غ"};
    private static final String[] ARABIC_V = {"ا", "ي", "ي", "و", "و"};
    /** Chinese transliteration characters, consonant-major in the order of the Latin tables. */
    private static final String CHINESE =
            "巴贝比博布达德迪多杜卡克基科库拉莱利洛卢马梅米莫穆纳内尼诺努拉雷里罗鲁萨塞西索苏塔特蒂托图瓦韦维沃武扎泽齐佐祖加格吉戈古";
    static final int SYLLABLES = LATIN_C.length * LATIN_V.length;

    /** One word of a name: syllable codes and whether it ends in n. */
    record Word(byte[] syllables, boolean finalN) {
        static Word random(SplittableRandom r, int length, double finalN) {
            byte[] s = new byte[length];
            for (int i = 0; i < length; i++) s[i] = (byte) r.nextInt(SYLLABLES);
            return new Word(s, r.nextDouble() < finalN);
        }

        String write(String language) {
            StringBuilder b = new StringBuilder(syllables.length * 2 + 1);
            for (byte code : syllables) {
                int c = code / LATIN_V.length, v = code % LATIN_V.length;
                switch (language) {
                    case "ru" -> b.append(CYRILLIC_C[c]).append(CYRILLIC_V[v]);
                    case "ar" -> b.append(ARABIC_C[c]).append(ARABIC_V[v]);
                    case "zh" -> b.append(CHINESE.charAt(code));
                    default -> b.append(LATIN_C[c]).append(LATIN_V[v]);
                }
            }
            if (finalN) {
                b.append(switch (language) {
                    case "ru" -> "н";
                    case "ar" -> "ن";
                    case "zh" -> "恩";
                    default -> "n";
                });
            }
            if (!language.equals("ar") && !language.equals("zh")) b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
            return b.toString();
        }
    }

    /** A person: given name and family name. */
    record Person(Word given, Word family) {
        static Person random(SplittableRandom r) {
            return new Person(Word.random(r, 2, 0.3), Word.random(r, 3 + (r.nextInt(10) < 3 ? 1 : 0), 0.4));
        }

        String full(String language) {
            String sep = language.equals("zh") ? "·" : " ";
            return given.write(language) + sep + family.write(language);
        }

        String family(String language) {
            return family.write(language);
        }
    }

    /** An organisation: a coined name and its type (see {@link NewsWords#orgs}). */
    record Org(Word name, int type) {
        static Org random(SplittableRandom r, int type) {
            return new Org(Word.random(r, 2 + r.nextInt(2), 0.3), type);
        }

        String write(NewsWords words) {
            return words.org(type, name.write(words.code()));
        }
    }
}
