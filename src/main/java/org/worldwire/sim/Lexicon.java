package org.worldwire.sim;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The small word lists the simulator writes with: per language, the function words that language identifiers key
 * on, common news nouns, names, newspaper name patterns, and real places with their local spellings so that
 * geotagging has something true to find.
 */
final class Lexicon {
    private Lexicon() {}

    /** One language: words, names, how a place is mentioned and how a sentence ends. */
    record Language(
            String code,
            boolean spaced,
            boolean rtl,
            List<String> function,
            List<String> content,
            List<String> firstNames,
            List<String> lastNames,
            String placeTemplate,
            String sentenceEnd,
            List<String> ui) {

        /**
         * A function word with probability {@code functionShare}, else a content word drawn by Zipf's law over the
         * language's vocabulary: its real news words first, then a long tail of rarer words. Real news draws from
         * tens of thousands of words, so two unrelated articles share few besides the commonest; with only the
         * real list, every article would share most of its words with every other, which no clusterer meets in
         * real reporting.
         */
        String word(SplittableRandom r, double functionShare) {
            if (r.nextDouble() < functionShare) return function.get(r.nextInt(function.size()));
            return Vocabulary.of(this).draw(r);
        }

        String uiText(Ui key) {
            return ui.get(key.ordinal());
        }
    }

    /**
     * A language's content vocabulary: its real words, then {@value #TAIL} made-up words spelt from pieces of them
     * (so they are in the language's own script), ranked for Zipf's law with exponent 1.
     */
    static final class Vocabulary {
        static final int TAIL = 4_000;
        private static final java.util.concurrent.ConcurrentHashMap<String, Vocabulary> BY_LANGUAGE =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final String[] words;
        /** Cumulative Zipf weights, for a binary search per draw. */
        private final double[] cumulative;

        private Vocabulary(Language lang) {
            List<String> head = lang.content();
            List<String> pieces = new java.util.ArrayList<>();
            int piece = lang.spaced() ? 3 : 1;
            for (String w : head) {
                for (int i = 0; i + piece <= w.length(); i += piece) {
                    String p = w.substring(i, i + piece);
                    if (p.codePoints().allMatch(Character::isLetter)) pieces.add(p.toLowerCase(java.util.Locale.ROOT));
                }
            }
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(head);
            SplittableRandom r = new SplittableRandom(lang.code().hashCode());
            // languages written without spaces have few pieces: longer words then, and a bound on the attempts
            for (int attempt = 0; all.size() < head.size() + TAIL && !pieces.isEmpty() && attempt < 20 * TAIL; attempt++) {
                int n = lang.spaced() ? 2 + r.nextInt(2) : 2 + r.nextInt(3);
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < n; k++) b.append(pieces.get(r.nextInt(pieces.size())));
                all.add(b.toString());
            }
            words = all.toArray(String[]::new);
            cumulative = new double[words.length];
            double sum = 0;
            for (int i = 0; i < words.length; i++) cumulative[i] = sum += 1.0 / (i + 1);
        }

        static Vocabulary of(Language lang) {
            return BY_LANGUAGE.computeIfAbsent(lang.code(), k -> new Vocabulary(lang));
        }

        String draw(SplittableRandom r) {
            double x = r.nextDouble() * cumulative[cumulative.length - 1];
            int i = java.util.Arrays.binarySearch(cumulative, x);
            return words[i >= 0 ? i : Math.min(words.length - 1, -i - 1)];
        }

        /**
         * The word of a concept: concept {@code c} is the word of rank {@code c} in every language, so that one
         * concept is written in each language's own word for it (its translation), as {@link NewsEvent#topic} needs.
         */
        String concept(int c) {
            return words[c % words.length];
        }
    }

    /** Labels of the page chrome, in the order of {@link Language#ui}. */
    enum Ui { HOME, WORLD, POLITICS, ECONOMY, SPORT, CULTURE, RELATED, COMMENTS, SHARE, BY, READ_MORE }

    /** A country where publishers are based, the language they write and the city they are named after. */
    record Locale(String country, String language, String homeCity, List<String> nameFormats) {}

    /** A real place: its country, and its name in each language (English when a language has no entry). */
    record Place(String country, String english, Map<String, String> local) {
        String name(String language) {
            return local.getOrDefault(language, english);
        }
    }

    private static List<String> l(String pipeSeparated) {
        return List.of(pipeSeparated.split("\\|"));
    }

    static final Map<String, Language> LANGUAGES = Map.ofEntries(
            Map.entry("en", new Language("en", true, false,
                    l("the|of|and|to|in|is|that|for|on|with|was|as|by|at|from|has|will|after|their|this"),
                    l("government|minister’s|city’s|minister|election|market|police|president|city|report|economy|water|school|health|court|protest|workers|energy|prices|officials|talks|agreement|storm|football|company|budget|hospital|border|parliament|investigation|festival|residents"),
                    l("James|Sarah|David|Amina|Michael|Grace|Daniel|Priya"),
                    l("Carter|Okafor|Mitchell|Patel|Reid|Mensah|Hughes|Wright"),
                    "%s in %s", ".", l("Home|World|Politics|Economy|Sport|Culture|Related stories|Comments|Share|By|Read more"))),
            Map.entry("fr", new Language("fr", true, false,
                    l("le|la|les|de|des|du|et|à|en|un|une|pour|dans|sur|qui|est|avec|par|après|a été"),
                    l("gouvernement|ministre|élection|marché|police|président|ville|rapport|économie|eau|école|santé|tribunal|manifestation|travailleurs|énergie|prix|responsables|négociations|accord|tempête|football|entreprise|budget|hôpital|frontière|parlement|enquête|festival|habitants"),
                    l("Jean|Marie|Pierre|Claire|Luc|Sophie|Mamadou|Camille"),
                    l("Martin|Bernard|Dubois|Lefèvre|Diallo|Moreau|Laurent|Girard"),
                    "%s à %s", ".", l("Accueil|Monde|Politique|Économie|Sport|Culture|À lire aussi|Commentaires|Partager|Par|Lire la suite"))),
            Map.entry("de", new Language("de", true, false,
                    l("der|die|das|und|in|den|von|zu|mit|ist|im|für|auf|nicht|ein|eine|nach|wurde|bei|sich"),
                    l("Regierung|Minister|Wahl|Markt|Polizei|Präsident|Stadt|Bericht|Wirtschaft|Wasser|Schule|Gesundheit|Gericht|Protest|Arbeiter|Energie|Preise|Beamte|Gespräche|Abkommen|Sturm|Fußball|Unternehmen|Haushalt|Krankenhaus|Grenze|Parlament|Ermittlungen|Festival|Bewohner"),
                    l("Thomas|Anna|Stefan|Julia|Michael|Katrin|Jonas|Lena"),
                    l("Müller|Schmidt|Schneider|Fischer|Weber|Becker|Wagner|Hoffmann"),
                    "%s in %s", ".", l("Startseite|Welt|Politik|Wirtschaft|Sport|Kultur|Mehr zum Thema|Kommentare|Teilen|Von|Weiterlesen"))),
            Map.entry("es", new Language("es", true, false,
                    l("el|la|los|las|de|del|y|en|un|una|que|por|con|para|se|es|fue|tras|sobre|al"),
                    l("gobierno|ministro|elecciones|mercado|policía|presidente|ciudad|informe|economía|agua|escuela|salud|tribunal|protesta|trabajadores|energía|precios|funcionarios|negociaciones|acuerdo|tormenta|fútbol|empresa|presupuesto|hospital|frontera|parlamento|investigación|festival|vecinos"),
                    l("José|María|Carlos|Lucía|Javier|Carmen|Diego|Valentina"),
                    l("García|Fernández|López|Martínez|Sánchez|Pérez|Gómez|Ruiz"),
                    "%s en %s", ".", l("Portada|Mundo|Política|Economía|Deportes|Cultura|Noticias relacionadas|Comentarios|Compartir|Por|Leer más"))),
            Map.entry("pt", new Language("pt", true, false,
                    l("o|a|os|as|de|do|da|e|em|um|uma|que|para|com|por|no|na|foi|após|sobre"),
                    l("governo|ministro|eleições|mercado|polícia|presidente|cidade|relatório|economia|água|escola|saúde|tribunal|protesto|trabalhadores|energia|preços|autoridades|negociações|acordo|tempestade|futebol|empresa|orçamento|hospital|fronteira|parlamento|investigação|festival|moradores"),
                    l("João|Ana|Pedro|Beatriz|Lucas|Mariana|Rafael|Juliana"),
                    l("Silva|Santos|Oliveira|Souza|Costa|Pereira|Almeida|Ferreira"),
                    "%s em %s", ".", l("Início|Mundo|Política|Economia|Esportes|Cultura|Leia também|Comentários|Compartilhar|Por|Leia mais"))),
            Map.entry("it", new Language("it", true, false,
                    l("il|la|i|le|di|del|della|e|in|un|una|che|per|con|su|è|stato|dopo|al|nel"),
                    l("governo|ministro|elezioni|mercato|polizia|presidente|città|rapporto|economia|acqua|scuola|sanità|tribunale|protesta|lavoratori|energia|prezzi|funzionari|negoziati|accordo|tempesta|calcio|azienda|bilancio|ospedale|confine|parlamento|indagine|festival|residenti"),
                    l("Marco|Giulia|Luca|Francesca|Andrea|Chiara|Matteo|Sara"),
                    l("Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci"),
                    "%s a %s", ".", l("Home|Mondo|Politica|Economia|Sport|Cultura|Articoli correlati|Commenti|Condividi|Di|Leggi tutto"))),
            Map.entry("ar", new Language("ar", true, true,
                    l("في|من|على|إلى|عن|مع|أن|التي|الذي|هذا|بعد|قبل|و|كما|حيث"),
                    l("الحكومة|الوزير|الانتخابات|السوق|الشرطة|الرئيس|المدينة|تقرير|الاقتصاد|المياه|المدرسة|الصحة|المحكمة|احتجاجات|العمال|الطاقة|الأسعار|المسؤولين|المحادثات|اتفاق|العاصفة|كرة القدم|الشركة|الميزانية|المستشفى|الحدود|البرلمان|التحقيق|المهرجان|السكان"),
                    l("محمد|فاطمة|أحمد|مريم|علي|نور|خالد|ليلى"),
                    l("حسن|عبد الله|إبراهيم|سعيد|منصور|الحداد|يوسف|نصر"),
                    "%s في %s", ".", l("الرئيسية|العالم|سياسة|اقتصاد|رياضة|ثقافة|أخبار ذات صلة|التعليقات|شارك|بقلم|اقرأ المزيد"))),
            Map.entry("ru", new Language("ru", true, false,
                    l("в|и|на|с|по|не|что|из|для|о|от|к|после|был|это|как|за"),
                    l("правительство|министр|выборы|рынок|полиция|президент|город|доклад|экономика|вода|школа|здравоохранение|суд|протест|рабочие|энергетика|цены|чиновники|переговоры|соглашение|шторм|футбол|компания|бюджет|больница|граница|парламент|расследование|фестиваль|жители"),
                    l("Алексей|Мария|Дмитрий|Анна|Сергей|Елена|Иван|Ольга"),
                    l("Иванов|Смирнова|Кузнецов|Попова|Соколов|Лебедева|Козлов|Новикова"),
                    "%s: %s", ".", l("Главная|В мире|Политика|Экономика|Спорт|Культура|Читайте также|Комментарии|Поделиться|Автор|Читать далее"))),
            Map.entry("zh", new Language("zh", false, false,
                    l("的|了|在|和|是|对|与|将|已经|表示"),
                    l("政府|部长|选举|市场|警方|总统|城市|报告|经济|水资源|学校|卫生|法院|抗议|工人|能源|价格|官员|会谈|协议|风暴|足球|公司|预算|医院|边境|议会|调查|节日|居民"),
                    l("王|李|张|刘|陈|杨|赵|黄"),
                    l("伟|芳|娜|敏|静|强|磊|洋"),
                    "%s：%s", "。", l("首页|国际|政治|经济|体育|文化|相关新闻|评论|分享|记者|阅读全文"))),
            Map.entry("tr", new Language("tr", true, false,
                    l("ve|bir|bu|için|ile|da|de|olarak|sonra|gibi|daha|çok|en|ancak"),
                    l("hükümet|bakan|seçim|piyasa|polis|cumhurbaşkanı|şehir|rapor|ekonomi|su|okul|sağlık|mahkeme|protesto|işçiler|enerji|fiyatlar|yetkililer|görüşmeler|anlaşma|fırtına|futbol|şirket|bütçe|hastane|sınır|meclis|soruşturma|festival|sakinler"),
                    l("Mehmet|Ayşe|Mustafa|Fatma|Ahmet|Zeynep|Emre|Elif"),
                    l("Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Aydın|Öztürk"),
                    "%s: %s", ".", l("Anasayfa|Dünya|Politika|Ekonomi|Spor|Kültür|İlgili haberler|Yorumlar|Paylaş|Yazan|Devamını oku"))));

    static final List<Locale> LOCALES = List.of(
            new Locale("GB", "en", "London", l("The %s Herald|%s Evening Post|The %s Chronicle")),
            new Locale("US", "en", "Washington", l("The %s Tribune|%s Daily News|The %s Observer")),
            new Locale("IN", "en", "Mumbai", l("The %s Times|%s Mirror")),
            new Locale("NG", "en", "Lagos", l("The %s Courier|%s Daily Sun")),
            new Locale("KE", "en", "Nairobi", l("The %s Standard|%s Nation")),
            new Locale("AU", "en", "Sydney", l("The %s Gazette|%s Morning Star")),
            new Locale("FR", "fr", "Paris", l("Le Journal de %s|La Gazette de %s|Le Courrier de %s")),
            new Locale("LB", "fr", "Beyrouth", l("L'Orient de %s|Le Réveil de %s")),
            new Locale("DE", "de", "Berlin", l("%s Kurier|%s Rundschau|%s Anzeiger")),
            new Locale("ES", "es", "Madrid", l("El Diario de %s|La Voz de %s")),
            new Locale("MX", "es", "Ciudad de México", l("El Heraldo de %s|La Crónica de %s")),
            new Locale("AR", "es", "Buenos Aires", l("El Eco de %s|La Tribuna de %s")),
            new Locale("BR", "pt", "São Paulo", l("Diário de %s|Jornal de %s")),
            new Locale("IT", "it", "Roma", l("Il Corriere di %s|La Gazzetta di %s")),
            new Locale("EG", "ar", "القاهرة", l("أخبار %s|صحيفة %s")),
            new Locale("SA", "ar", "الرياض", l("صحيفة %s|صوت %s")),
            new Locale("RU", "ru", "Москва", l("Вестник: %s|Новости: %s")),
            new Locale("CN", "zh", "北京", l("%s日报|%s晚报")),
            new Locale("TR", "tr", "İstanbul", l("%s Haber|%s Gazetesi")));

    private static Place p(String country, String english, String... langName) {
        Map<String, String> local = new java.util.HashMap<>();
        for (int i = 0; i + 1 < langName.length; i += 2) local.put(langName[i], langName[i + 1]);
        return new Place(country, english, Map.copyOf(local));
    }

    static final List<Place> PLACES = List.of(
            p("FR", "Paris", "ar", "باريس", "ru", "Париж", "zh", "巴黎"),
            p("DE", "Berlin", "ar", "برلين", "ru", "Берлин", "zh", "柏林"),
            p("GB", "London", "fr", "Londres", "es", "Londres", "pt", "Londres", "it", "Londra", "ar", "لندن",
                    "ru", "Лондон", "zh", "伦敦", "tr", "Londra"),
            p("ES", "Madrid", "ar", "مدريد", "ru", "Мадрид", "zh", "马德里"),
            p("EG", "Cairo", "fr", "Le Caire", "es", "El Cairo", "de", "Kairo", "it", "Il Cairo", "ar", "القاهرة",
                    "ru", "Каир", "zh", "开罗", "tr", "Kahire"),
            p("RU", "Moscow", "fr", "Moscou", "de", "Moskau", "es", "Moscú", "pt", "Moscou", "it", "Mosca",
                    "ar", "موسكو", "ru", "Москва", "zh", "莫斯科", "tr", "Moskova"),
            p("CN", "Beijing", "fr", "Pékin", "de", "Peking", "es", "Pekín", "pt", "Pequim", "it", "Pechino",
                    "ar", "بكين", "ru", "Пекин", "zh", "北京", "tr", "Pekin"),
            p("TR", "Istanbul", "es", "Estambul", "pt", "Istambul", "ar", "إسطنبول", "ru", "Стамбул",
                    "zh", "伊斯坦布尔", "tr", "İstanbul"),
            p("JP", "Tokyo", "de", "Tokio", "es", "Tokio", "pt", "Tóquio", "ar", "طوكيو", "ru", "Токио",
                    "zh", "东京"),
            p("BR", "São Paulo", "ar", "ساو باولو", "ru", "Сан-Паулу", "zh", "圣保罗"),
            p("NG", "Lagos", "ar", "لاغوس", "ru", "Лагос", "zh", "拉各斯"),
            p("KE", "Nairobi", "ar", "نيروبي", "ru", "Найроби", "zh", "内罗毕"),
            p("IN", "Mumbai", "ar", "مومباي", "ru", "Мумбаи", "zh", "孟买"),
            p("MX", "Mexico City", "fr", "Mexico", "de", "Mexiko-Stadt", "es", "Ciudad de México",
                    "pt", "Cidade do México", "it", "Città del Messico", "ar", "مكسيكو سيتي", "ru", "Мехико",
                    "zh", "墨西哥城", "tr", "Meksiko"),
            p("AR", "Buenos Aires", "ar", "بوينس آيرس", "ru", "Буэнос-Айрес", "zh", "布宜诺斯艾利斯"),
            p("AU", "Sydney", "ar", "سيدني", "ru", "Сидней", "zh", "悉尼"),
            p("US", "Washington", "ar", "واشنطن", "ru", "Вашингтон", "zh", "华盛顿"),
            p("US", "New York", "es", "Nueva York", "pt", "Nova Iorque", "ar", "نيويورك", "ru", "Нью-Йорк",
                    "zh", "纽约"),
            p("UA", "Kyiv", "de", "Kyjiw", "es", "Kiev", "pt", "Kiev", "it", "Kiev", "ar", "كييف", "ru", "Киев",
                    "zh", "基辅", "tr", "Kiev"),
            p("IT", "Rome", "de", "Rom", "es", "Roma", "pt", "Roma", "it", "Roma", "ar", "روما", "ru", "Рим",
                    "zh", "罗马", "tr", "Roma"),
            p("SA", "Riyadh", "fr", "Riyad", "de", "Riad", "es", "Riad", "pt", "Riade", "it", "Riad",
                    "ar", "الرياض", "ru", "Эр-Рияд", "zh", "利雅得", "tr", "Riyad"),
            p("ZA", "Johannesburg", "ar", "جوهانسبرغ", "ru", "Йоханнесбург", "zh", "约翰内斯堡"),
            p("CA", "Toronto", "ar", "تورونتو", "ru", "Торонто", "zh", "多伦多"),
            p("ID", "Jakarta", "ar", "جاكرتا", "ru", "Джакарта", "zh", "雅加达", "tr", "Cakarta"),
            p("LB", "Beirut", "fr", "Beyrouth", "pt", "Beirute", "ar", "بيروت", "ru", "Бейрут", "zh", "贝鲁特",
                    "tr", "Beyrut"),
            // More cities, so that the simulator's concurrent events of one kind can happen in different places.
            p("US", "Los Angeles", "ar", "لوس أنجلوس", "ru", "Лос-Анджелес", "zh", "洛杉矶"),
            p("US", "Chicago", "ar", "شيكاغو", "ru", "Чикаго", "zh", "芝加哥"),
            p("PH", "Manila", "ar", "مانيلا", "ru", "Манила", "zh", "马尼拉"),
            p("TH", "Bangkok", "ar", "بانكوك", "ru", "Бангкок", "zh", "曼谷"),
            p("KR", "Seoul", "fr", "Séoul", "es", "Seúl", "pt", "Seul", "ar", "سيول", "ru", "Сеул", "zh", "首尔",
                    "tr", "Seul"),
            p("PK", "Karachi", "ar", "كراتشي", "ru", "Карачи", "zh", "卡拉奇"),
            p("BD", "Dhaka", "ar", "دكا", "ru", "Дакка", "zh", "达卡"),
            p("IN", "New Delhi", "de", "Neu-Delhi", "es", "Nueva Delhi", "pt", "Nova Délhi", "it", "Nuova Delhi",
                    "ar", "نيودلهي", "ru", "Нью-Дели", "zh", "新德里", "tr", "Yeni Delhi"),
            p("IR", "Tehran", "fr", "Téhéran", "de", "Teheran", "es", "Teherán", "pt", "Teerã", "it", "Teheran",
                    "ar", "طهران", "ru", "Тегеран", "zh", "德黑兰", "tr", "Tahran"),
            p("IQ", "Baghdad", "fr", "Bagdad", "de", "Bagdad", "es", "Bagdad", "pt", "Bagdá", "ar", "بغداد",
                    "ru", "Багдад", "zh", "巴格达", "tr", "Bağdat"),
            p("TR", "Ankara", "ar", "أنقرة", "ru", "Анкара", "zh", "安卡拉"),
            p("GR", "Athens", "fr", "Athènes", "de", "Athen", "es", "Atenas", "pt", "Atenas", "it", "Atene",
                    "ar", "أثينا", "ru", "Афины", "zh", "雅典", "tr", "Atina"),
            p("PL", "Warsaw", "fr", "Varsovie", "de", "Warschau", "es", "Varsovia", "pt", "Varsóvia", "it", "Varsavia",
                    "ar", "وارسو", "ru", "Варшава", "zh", "华沙", "tr", "Varşova"),
            p("AT", "Vienna", "fr", "Vienne", "de", "Wien", "es", "Viena", "pt", "Viena", "ar", "فيينا", "ru", "Вена",
                    "zh", "维也纳", "tr", "Viyana"),
            p("BE", "Brussels", "fr", "Bruxelles", "de", "Brüssel", "es", "Bruselas", "pt", "Bruxelas",
                    "it", "Bruxelles", "ar", "بروكسل", "ru", "Брюссель", "zh", "布鲁塞尔", "tr", "Brüksel"),
            p("NL", "Amsterdam", "ar", "أمستردام", "ru", "Амстердам", "zh", "阿姆斯特丹"),
            p("SE", "Stockholm", "es", "Estocolmo", "pt", "Estocolmo", "it", "Stoccolma", "ar", "ستوكهولم",
                    "ru", "Стокгольм", "zh", "斯德哥尔摩"),
            p("PT", "Lisbon", "fr", "Lisbonne", "de", "Lissabon", "es", "Lisboa", "pt", "Lisboa", "it", "Lisbona",
                    "ar", "لشبونة", "ru", "Лиссабон", "zh", "里斯本", "tr", "Lizbon"),
            p("ES", "Barcelona", "ar", "برشلونة", "ru", "Барселона", "zh", "巴塞罗那"),
            p("FR", "Marseille", "es", "Marsella", "pt", "Marselha", "it", "Marsiglia", "ar", "مرسيليا",
                    "ru", "Марсель", "zh", "马赛"),
            p("DE", "Munich", "de", "München", "es", "Múnich", "pt", "Munique", "ar", "ميونخ", "ru", "Мюнхен",
                    "zh", "慕尼黑", "tr", "Münih"),
            p("IT", "Milan", "de", "Mailand", "es", "Milán", "pt", "Milão", "it", "Milano", "ar", "ميلانو",
                    "ru", "Милан", "zh", "米兰", "tr", "Milano"),
            p("PE", "Lima", "ar", "ليما", "ru", "Лима", "zh", "利马"),
            p("CO", "Bogotá", "ar", "بوغوتا", "ru", "Богота", "zh", "波哥大"),
            p("CL", "Santiago", "ar", "سانتياغو", "ru", "Сантьяго", "zh", "圣地亚哥"),
            p("VE", "Caracas", "ar", "كاراكاس", "ru", "Каракас", "zh", "加拉加斯"),
            p("CU", "Havana", "fr", "La Havane", "de", "Havanna", "es", "La Habana", "it", "L'Avana", "ar", "هافانا",
                    "ru", "Гавана", "zh", "哈瓦那"),
            p("CA", "Montreal", "fr", "Montréal", "ar", "مونتريال", "ru", "Монреаль", "zh", "蒙特利尔"),
            p("ET", "Addis Ababa", "fr", "Addis-Abeba", "es", "Adís Abeba", "ar", "أديس أبابا", "ru", "Аддис-Абеба",
                    "zh", "亚的斯亚贝巴"),
            p("SD", "Khartoum", "de", "Khartum", "es", "Jartum", "pt", "Cartum", "ar", "الخرطوم", "ru", "Хартум",
                    "zh", "喀土穆", "tr", "Hartum"),
            p("CD", "Kinshasa", "ar", "كينشاسا", "ru", "Киншаса", "zh", "金沙萨"),
            p("SN", "Dakar", "ar", "داكار", "ru", "Дакар", "zh", "达喀尔"),
            p("GH", "Accra", "ar", "أكرا", "ru", "Аккра", "zh", "阿克拉"),
            p("MA", "Casablanca", "ar", "الدار البيضاء", "ru", "Касабланка", "zh", "卡萨布兰卡"),
            p("DZ", "Algiers", "fr", "Alger", "de", "Algier", "es", "Argel", "pt", "Argel", "it", "Algeri",
                    "ar", "الجزائر", "ru", "Алжир", "zh", "阿尔及尔", "tr", "Cezayir"),
            p("SY", "Damascus", "fr", "Damas", "de", "Damaskus", "es", "Damasco", "pt", "Damasco", "it", "Damasco",
                    "ar", "دمشق", "ru", "Дамаск", "zh", "大马士革", "tr", "Şam"),
            p("VN", "Hanoi", "fr", "Hanoï", "ar", "هانوي", "ru", "Ханой", "zh", "河内"),
            p("MY", "Kuala Lumpur", "ar", "كوالالمبور", "ru", "Куала-Лумпур", "zh", "吉隆坡"),
            p("SG", "Singapore", "fr", "Singapour", "de", "Singapur", "es", "Singapur", "pt", "Singapura",
                    "ar", "سنغافورة", "ru", "Сингапур", "zh", "新加坡", "tr", "Singapur"),
            p("CN", "Shanghai", "es", "Shanghái", "pt", "Xangai", "ar", "شنغهاي", "ru", "Шанхай", "zh", "上海",
                    "tr", "Şanghay"),
            p("HK", "Hong Kong", "ar", "هونغ كونغ", "ru", "Гонконг", "zh", "香港"),
            p("JP", "Osaka", "ar", "أوساكا", "ru", "Осака", "zh", "大阪"),
            p("BR", "Rio de Janeiro", "ar", "ريو دي جانيرو", "ru", "Рио-де-Жанейро", "zh", "里约热内卢"),
            p("AF", "Kabul", "fr", "Kaboul", "ar", "كابول", "ru", "Кабул", "zh", "喀布尔", "tr", "Kabil"),
            p("NP", "Kathmandu", "fr", "Katmandou", "es", "Katmandú", "ar", "كاتماندو", "ru", "Катманду",
                    "zh", "加德满都"));

    static Language language(String code) {
        Language lang = LANGUAGES.get(code);
        if (lang == null) throw new IllegalArgumentException("no word list for language '" + code + "'");
        return lang;
    }
}
