package org.worldwire.sim;

import java.util.List;
import java.util.Map;

/**
 * How each language reports an event: the words for its kind, how it writes casualties, shares, sums of money and
 * dates, how it names organisations, and the boilerplate lines a publisher puts around a reprinted agency copy.
 * Numbers keep each language's own separators (1,250 / 1 250 / 1.250), as real reports do.
 *
 * @param kinds per {@link EventKind}, in ordinal order, three words or phrases: the headline word first
 * @param dead template with one {@code %s} for the number
 * @param percent template with one {@code %s}; Turkish puts the sign first
 * @param amount millions of dollars, one {@code %s}
 * @param date {@code {d}} day of month, {@code {m}} month name (or number in Chinese)
 * @param orgs templates for a group, a bank, a party and a union, one {@code %s} for the name
 * @param said what a named person did, after the name
 * @param boilerplate a top line and a bottom line with the publisher's name for {@code %s}
 */
record NewsWords(
        String code,
        List<List<String>> kinds,
        String dead,
        String injured,
        String percent,
        String amount,
        String date,
        List<String> months,
        List<String> orgs,
        String said,
        List<String> boilerplate,
        String thousands,
        char decimal) {

    static final int GROUP = 0, BANK = 1, PARTY = 2, UNION = 3;

    List<String> kind(EventKind k) {
        return kinds.get(k.ordinal());
    }

    String number(int n) {
        if (n < 1_000 || thousands.isEmpty()) return Integer.toString(n);
        return (n / 1_000) + thousands + String.format(java.util.Locale.ROOT, "%03d", n % 1_000);
    }

    String dead(int n) {
        return fill1(dead, number(n));
    }

    String injured(int n) {
        return fill1(injured, number(n));
    }

    /** A share in tenths of a percent, written with the language's decimal mark. */
    String percent(int tenths) {
        String v = tenths % 10 == 0 ? Integer.toString(tenths / 10) : (tenths / 10) + String.valueOf(decimal) + (tenths % 10);
        return fill1(percent, v);
    }

    String amount(int millions) {
        if (code.equals("zh")) {
            // Chinese counts in 万 (ten thousand) and 亿 (a hundred million).
            if (millions >= 100) {
                int tenths = Math.round(millions / 10f);
                String v = tenths % 10 == 0 ? Integer.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
                return v + "亿美元";
            }
            return (millions * 100) + "万美元";
        }
        return fill1(amount, number(millions));
    }

    String date(int day, int month) {
        return date.replace("{d}", Integer.toString(day)).replace("{m}", months.get(month - 1));
    }

    String org(int type, String name) {
        return fill1(orgs.get(type), name);
    }

    static String fill1(String template, String value) {
        int at = template.indexOf("%s");
        return template.substring(0, at) + value + template.substring(at + 2);
    }

    private static List<String> l(String pipeSeparated) {
        return List.of(pipeSeparated.split("\\|"));
    }

    private static List<List<String>> k(String... perKind) {
        if (perKind.length != EventKind.values().length) throw new IllegalStateException("one entry per event kind");
        return java.util.Arrays.stream(perKind).map(NewsWords::l).toList();
    }

    static final Map<String, NewsWords> BY_LANGUAGE = Map.ofEntries(
            Map.entry("en", new NewsWords("en",
                    k("earthquake|quake|aftershocks", "storm|hurricane|winds", "floods|flooding|rainfall",
                            "wildfire|fire|blaze", "train crash|derailment|collision", "election|vote|ballot",
                            "strike|walkout|unions", "trial|verdict|prosecutors", "summit|talks|accord",
                            "takeover|merger|shareholders"),
                    "%s dead", "%s injured", "%s%", "$%s million", "{m} {d}",
                    l("January|February|March|April|May|June|July|August|September|October|November|December"),
                    l("%s Group|%s Bank|%s Party|%s Union"), "said",
                    l("Published by %s with material from news agencies.|© %s. All rights reserved."), ",", '.')),
            Map.entry("fr", new NewsWords("fr",
                    k("séisme|tremblement de terre|répliques", "tempête|ouragan|rafales", "inondations|crue|pluies",
                            "incendie|feu de forêt|flammes", "accident de train|déraillement|collision",
                            "élection|scrutin|vote", "grève|débrayage|syndicats", "procès|verdict|procureurs",
                            "sommet|pourparlers|accord", "rachat|fusion|actionnaires"),
                    "%s morts", "%s blessés", "%s %", "%s millions de dollars", "{d} {m}",
                    l("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"),
                    l("groupe %s|banque %s|parti %s|syndicat %s"), "a déclaré",
                    l("Publié par %s avec des informations des agences.|© %s. Tous droits réservés."), "\u00a0", ',')),
            Map.entry("de", new NewsWords("de",
                    k("Erdbeben|Beben|Nachbeben", "Sturm|Orkan|Böen", "Hochwasser|Überschwemmungen|Regenfälle",
                            "Waldbrand|Feuer|Flammen", "Zugunglück|Entgleisung|Zusammenstoß", "Wahl|Abstimmung|Stimmen",
                            "Streik|Arbeitsniederlegung|Gewerkschaften", "Prozess|Urteil|Staatsanwaltschaft",
                            "Gipfel|Verhandlungen|Vereinbarung", "Übernahme|Fusion|Aktionäre"),
                    "%s Tote", "%s Verletzte", "%s Prozent", "%s Millionen Dollar", "{d}. {m}",
                    l("Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"),
                    l("%s-Gruppe|%s Bank|%s-Partei|Gewerkschaft %s"), "sagte",
                    l("Veröffentlicht von %s mit Material von Agenturen.|© %s. Alle Rechte vorbehalten."), ".", ',')),
            Map.entry("es", new NewsWords("es",
                    k("terremoto|sismo|réplicas", "tormenta|huracán|vientos", "inundaciones|crecida|lluvias",
                            "incendio|fuego|llamas", "accidente de tren|descarrilamiento|choque",
                            "elecciones|votación|comicios", "huelga|paro|sindicatos", "juicio|veredicto|fiscalía",
                            "cumbre|conversaciones|pacto", "adquisición|fusión|accionistas"),
                    "%s muertos", "%s heridos", "%s %", "%s millones de dólares", "{d} de {m}",
                    l("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"),
                    l("Grupo %s|Banco %s|Partido %s|Sindicato %s"), "dijo",
                    l("Publicado por %s con información de agencias.|© %s. Todos los derechos reservados."), ".", ',')),
            Map.entry("pt", new NewsWords("pt",
                    k("terremoto|sismo|tremores", "tempestade|furacão|ventos", "enchentes|inundações|chuvas",
                            "incêndio|fogo|chamas", "acidente de trem|descarrilamento|colisão", "eleição|votação|urnas",
                            "greve|paralisação|sindicatos", "julgamento|veredicto|promotores", "cúpula|conversas|pacto",
                            "aquisição|fusão|acionistas"),
                    "%s mortos", "%s feridos", "%s%", "%s milhões de dólares", "{d} de {m}",
                    l("janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"),
                    l("Grupo %s|Banco %s|Partido %s|Sindicato %s"), "disse",
                    l("Publicado por %s com informações de agências.|© %s. Todos os direitos reservados."), ".", ',')),
            Map.entry("it", new NewsWords("it",
                    k("terremoto|scossa|sciame sismico", "tempesta|uragano|raffiche", "alluvione|esondazione|piogge",
                            "incendio|rogo|fiamme", "incidente ferroviario|deragliamento|scontro", "elezioni|voto|urne",
                            "sciopero|astensione dal lavoro|sindacati", "processo|sentenza|procura",
                            "vertice|colloqui|intesa", "acquisizione|fusione|azionisti"),
                    "%s morti", "%s feriti", "%s%", "%s milioni di dollari", "{d} {m}",
                    l("gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre"),
                    l("Gruppo %s|Banca %s|Partito %s|Sindacato %s"), "ha detto",
                    l("Pubblicato da %s con materiale delle agenzie.|© %s. Tutti i diritti riservati."), ".", ',')),
            Map.entry("ar", new NewsWords("ar",
                    k("زلزال|هزة أرضية|هزات ارتدادية", "عاصفة|إعصار|رياح", "فيضانات|سيول|أمطار",
                            "حريق|حرائق الغابات|النيران", "حادث قطار|خروج قطار عن القضبان|تصادم",
                            "الانتخابات|التصويت|الاقتراع", "إضراب|الإضراب عن العمل|النقابات", "محاكمة|الحكم|النيابة",
                            "قمة|مباحثات|اتفاقية", "استحواذ|اندماج|المساهمين"),
                    "%s قتيلا", "%s جريحا", "%s%", "%s مليون دولار", "{d} {m}",
                    l("يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"),
                    l("مجموعة %s|بنك %s|حزب %s|نقابة %s"), "قال",
                    l("نشرت %s هذا الخبر نقلا عن وكالات الأنباء.|© %s. جميع الحقوق محفوظة."), "", '.')),
            Map.entry("ru", new NewsWords("ru",
                    k("землетрясение|толчки|афтершоки", "шторм|ураган|ветер", "наводнение|паводок|ливни",
                            "пожар|лесной пожар|огонь", "крушение поезда|сход с рельсов|столкновение",
                            "выборы|голосование|бюллетени", "забастовка|стачка|профсоюзы", "процесс|приговор|прокуратура",
                            "саммит|переговоры|договорённость", "поглощение|слияние|акционеры"),
                    "%s погибших", "%s пострадавших", "%s%", "%s млн долларов", "{d} {m}",
                    l("января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"),
                    l("группа «%s»|банк «%s»|партия «%s»|профсоюз «%s»"), "заявил",
                    l("Опубликовано изданием %s по материалам агентств.|© %s. Все права защищены."), "\u00a0", ',')),
            Map.entry("zh", new NewsWords("zh",
                    k("地震|强震|余震", "风暴|飓风|强风", "洪水|洪灾|暴雨", "火灾|山火|大火", "火车事故|列车脱轨|相撞",
                            "选举|投票|选票", "罢工|停工|工会", "审判|判决|检方", "峰会|谈判|协定", "收购|合并|股东"),
                    "%s人死亡", "%s人受伤", "%s%", "%s万美元", "{m}月{d}日",
                    l("1|2|3|4|5|6|7|8|9|10|11|12"),
                    l("%s集团|%s银行|%s党|%s工会"), "表示",
                    l("本文由%s根据通讯社消息编发。|© %s 版权所有。"), "", '.')),
            Map.entry("tr", new NewsWords("tr",
                    k("deprem|sarsıntı|artçı sarsıntılar", "fırtına|kasırga|rüzgar", "sel|taşkın|yağış",
                            "yangın|orman yangını|alevler", "tren kazası|raydan çıkma|çarpışma", "seçim|oylama|sandık",
                            "grev|iş bırakma|sendikalar", "dava|karar|savcılık", "zirve|müzakereler|mutabakat",
                            "devralma|birleşme|hissedarlar"),
                    "%s ölü", "%s yaralı", "%%s", "%s milyon dolar", "{d} {m}",
                    l("Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık"),
                    l("%s Grubu|%s Bankası|%s Partisi|%s Sendikası"), "dedi",
                    l("%s tarafından ajans haberlerinden derlenmiştir.|© %s. Tüm hakları saklıdır."), ".", ',')));

    static NewsWords of(String language) {
        NewsWords w = BY_LANGUAGE.get(language);
        if (w == null) throw new IllegalArgumentException("no event words for language '" + language + "'");
        return w;
    }
}
