package org.worldwire.enrich;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Organisations of states, kept apart from countries: an article about "the EU" or "NATO" is not about any one
 * member. A short reviewed list (the packages carry none), with the names in the languages we tag.
 */
final class Organisations {
    private static final Map<String, String> BY_KEY = new HashMap<>();
    /** Acronyms match on their exact spelling: "UN" is an organisation, "un" is a French article. */
    private static final Map<String, String> BY_ACRONYM = new HashMap<>();

    static {
        names("EU", "European Union", "Union européenne", "Europäische Union", "Unión Europea", "União Europeia",
                "Unione europea", "Европейский союз", "Евросоюз", "الاتحاد الأوروبي", "Avrupa Birliği", "欧盟", "欧洲联盟");
        acronyms("EU", "EU", "E.U", "UE", "ЕС");
        names("NATO", "North Atlantic Treaty Organization", "Organisation du traité de l'Atlantique nord", "НАТО",
                "حلف شمال الأطلسي", "北约", "北大西洋公约组织");
        acronyms("NATO", "NATO", "OTAN", "НАТО");
        names("UN", "United Nations", "Nations unies", "Vereinte Nationen", "Naciones Unidas", "Nações Unidas",
                "Nazioni Unite", "Организация Объединённых Наций", "الأمم المتحدة", "Birleşmiş Milletler", "联合国");
        acronyms("UN", "UN", "U.N", "ONU", "ООН");
        names("AU", "African Union", "Union africaine", "Afrikanische Union", "Unión Africana", "União Africana",
                "Unione africana", "Африканский союз", "الاتحاد الأفريقي", "Afrika Birliği", "非洲联盟", "非盟");
        names("ASEAN", "Association of Southeast Asian Nations", "东盟");
        acronyms("ASEAN", "ASEAN", "ASEAN");
        names("OPEC", "Organization of the Petroleum Exporting Countries", "ОПЕК", "أوبك", "欧佩克");
        acronyms("OPEC", "OPEC", "OPEP", "ОПЕК");
        names("ARAB-LEAGUE", "Arab League", "League of Arab States", "Ligue arabe", "Arabische Liga", "Liga Árabe",
                "Лига арабских государств", "جامعة الدول العربية", "Arap Birliği", "阿拉伯国家联盟");
        names("G7", "Group of Seven");
        acronyms("G7", "G7");
        names("G20", "Group of Twenty");
        acronyms("G20", "G20");
        names("WHO", "World Health Organization", "Organisation mondiale de la santé", "Weltgesundheitsorganisation",
                "Organización Mundial de la Salud", "Всемирная организация здравоохранения", "منظمة الصحة العالمية",
                "Dünya Sağlık Örgütü", "世界卫生组织");
        names("CIS", "Commonwealth of Independent States", "Содружество Независимых Государств");
        acronyms("CIS", "СНГ");
    }

    private static final FirstWords FIRST_WORDS = firstWords();

    private static FirstWords firstWords() {
        var b = new FirstWords.Builder();
        for (String key : BY_KEY.keySet()) b.add(key);
        return b.build();
    }

    private Organisations() {}

    private static void names(String code, String... names) {
        for (String n : names) BY_KEY.put(Gazetteer.key(n), code);
    }

    private static void acronyms(String code, String... spellings) {
        for (String s : spellings) BY_ACRONYM.put(s.replace(".", ""), code);
    }

    /** The most words of a name that begins with this word (a lookup key's first), 1 when none has several. */
    static int longestFrom(String word) {
        return FIRST_WORDS.longest(word);
    }

    static @Nullable String byKey(String key) {
        return BY_KEY.get(key);
    }

    static @Nullable String byAcronym(String exact) {
        return BY_ACRONYM.get(exact.replace(".", ""));
    }
}
