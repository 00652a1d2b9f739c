package org.worldwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    /** Unrelated news that comes before, as on any real stream: the IDF learns what common words are. */
    static final List<String> BACKGROUND = List.of(
            """
            The central bank left its main interest rate unchanged on Thursday and said it would wait for more data \
            on wages before deciding whether inflation was under control. Markets had expected the decision, and the \
            currency was little changed in the afternoon.""",
            """
            The city council approved a plan to build 2,000 new homes on the site of a former rail yard, after a \
            debate that lasted until midnight. Residents said they were worried about traffic and schools.""",
            """
            The national football team lost its friendly match 2-1 after conceding a goal in the last minute. The \
            coach said he was proud of the young players and that the team would learn from the defeat.""",
            """
            A new study of sleep in teenagers found that those who used their phones late at night slept almost an \
            hour less than the others. The researchers said schools should start later in the morning.""",
            """
            Heavy snow closed several roads in the mountains and cut power to thousands of homes. The weather service \
            warned that more snow was expected over the weekend and asked drivers to stay at home.""",
            """
            The carmaker said its profits fell in the last quarter because of weaker sales in Europe and the cost of \
            new factories for electric cars. Its shares were down in early trading.""",
            """
            A museum reopened after two years of work on its roof and galleries. Visitors will be able to see the \
            collection of paintings again from Saturday, and entry will be free for the first week.""",
            """
            Police said a man had been arrested after a fight outside a bar in the town centre on Saturday night. Two \
            people were taken to hospital with minor injuries, and witnesses were asked to come forward.""");

    static final String QUAKE_TURKEY = """
            A magnitude 6.8 earthquake struck eastern Turkey on Friday evening, killing at least 29 people and \
            injuring more than 1,400 in the province of Elazig, officials said. The quake hit near the town of \
            Sivrice at a depth of 10 kilometres, according to the disaster agency AFAD.
            Rescue workers searched through the rubble of collapsed buildings overnight in freezing temperatures. \
            Interior Minister Suleyman Soylu said 42 people had been pulled alive from the debris. President \
            Recep Tayyip Erdogan said the state would do everything to help the victims of Elazig.""";

    static final String QUAKE_TURKEY_OTHER = """
            Turkish rescuers pulled survivors from collapsed buildings in Elazig after a powerful earthquake that \
            killed 29 people. The 6.8 magnitude quake was centred on Sivrice, AFAD said, and was felt in \
            neighbouring provinces. Suleyman Soylu, the interior minister, said dozens had been rescued from the \
            rubble. Erdogan promised help to the families, while tents were set up for those whose homes were \
            damaged in the freezing night.""";

    static final String QUAKE_PERU = """
            A magnitude 7.5 earthquake shook northern Peru early on Sunday, damaging churches and houses in the \
            Amazon region of Loreto and killing 2 people, the civil defence institute INDECI said. The quake was \
            centred near the town of Yurimaguas at a depth of 110 kilometres.
            President Martin Vizcarra flew to the area to inspect the damage. Power was cut in parts of Iquitos, and \
            the bridge over the Huallaga river was closed while engineers checked it for cracks.""";

    static final String MINERS_EN = """
            Rescue teams in northern Chile pulled 14 miners from a flooded copper mine near Antofagasta on Tuesday, \
            ending a 40-hour operation. The men, employed by a contractor of the state company Codelco, had been \
            trapped 300 metres below ground after a water pipe burst. Mining minister Aurora Williams said all of \
            them were in stable condition at the hospital in Antofagasta.""";

    static final String MINERS_ES = """
            Los equipos de rescate sacaron el martes a 14 mineros atrapados en una mina de cobre inundada cerca de \
            Antofagasta, tras una operación de 40 horas. Los trabajadores de una contratista de Codelco quedaron \
            atrapados a 300 metros de profundidad cuando se rompió una tubería. La ministra Aurora Williams dijo que \
            todos estaban estables en el hospital de Antofagasta.""";

    private StoryClusterer clusterer;
    private long nextId;

    @BeforeEach
    void streamStartsWithUnrelatedNews() {
        start(StoryClusterer.Settings.DEFAULTS);
    }

    private void start(StoryClusterer.Settings settings) {
        clusterer = new StoryClusterer(settings);
        nextId = 0;
        for (String text : BACKGROUND) add(T0.minus(Duration.ofHours(2)), "en", text.substring(0, 40), text, List.of());
    }

    private StoryAssignment add(Instant time, String language, String title, String text, List<String> countries) {
        return clusterer.add(new StoryArticle(++nextId, nextId, time, language, title, text, countries));
    }

    @Test
    void twoReportsOfOneEventInDifferentWordsJoinOneStory() {
        StoryAssignment first = add(T0, "en", "Earthquake kills 29 in eastern Turkey", QUAKE_TURKEY, List.of("TR"));
        StoryAssignment second = add(T0.plusSeconds(1800), "en", "Survivors pulled from rubble in Elazig", QUAKE_TURKEY_OTHER, List.of("TR"));
        assertThat(first.newStory()).isTrue();
        assertThat(second.isCopy()).isFalse();
        assertThat(second.storyId()).isEqualTo(first.storyId());
    }

    @Test
    void twoEarthquakesInDifferentPlacesWithDifferentNamesAndNumbersStayApart() {
        StoryAssignment turkey = add(T0, "en", "Earthquake kills 29 in eastern Turkey", QUAKE_TURKEY, List.of("TR"));
        StoryAssignment peru = add(T0.plusSeconds(1800), "en", "Strong earthquake shakes northern Peru", QUAKE_PERU, List.of("PE"));
        assertThat(peru.storyId()).isNotEqualTo(turkey.storyId());
        assertThat(peru.newStory()).isTrue();
    }

    @Test
    void aSpanishAndAnEnglishReportSharingNamesPlacesAndNumbersJoinOneStory() {
        StoryAssignment en = add(T0, "en", "14 miners rescued in Chile", MINERS_EN, List.of("CL"));
        StoryAssignment es = add(T0.plusSeconds(900), "es", "Rescatan a 14 mineros en Chile", MINERS_ES, List.of("CL"));
        assertThat(es.isCopy()).as("a translation is not a copy").isFalse();
        assertThat(es.storyId()).isEqualTo(en.storyId());
    }

    static final String TRIAL_FRAUD = """
            The trial of former Lyon deputy mayor Gerard Collomb-Varin opened on Tuesday at the criminal court in \
            Lyon, where prosecutors accuse him of steering 3.2 million euros in public contracts to the builder \
            Solvena. Judge Helene Marchetti heard the first witnesses, and his lawyer Pascal Ribeiro said his client \
            would prove that every tender had been lawful.""";

    static final String TRIAL_FRAUD_OTHER = """
            Gerard Collomb-Varin denied all charges on the first day of his trial in Lyon. Prosecutors say the \
            former deputy mayor handed 3.2 million euros of contracts to Solvena, whose director is a friend of his. \
            Pascal Ribeiro, for the defence, told Judge Marchetti that the tenders had been checked by auditors.""";

    static final String TRIAL_MURDER = """
            A jury in Lyon began hearing the case against Karim Bensaad, 34, accused of killing a taxi driver during \
            a robbery in the Guillotiere district in 2022. Presiding judge Anne Lefort said the trial would last two \
            weeks, and the victim's brother, Rachid Ounissi, told reporters the family wanted the truth.""";

    @Test
    void twoTrialsInOneCityOnOneDayWithTheirOwnPeopleStayApart() {
        StoryAssignment fraud = add(T0, "en", "Former deputy mayor goes on trial in Lyon", TRIAL_FRAUD, List.of("FR"));
        StoryAssignment murder = add(T0.plusSeconds(1200), "en", "Taxi driver murder trial opens in Lyon", TRIAL_MURDER,
                List.of("FR"));
        StoryAssignment fraudAgain = add(T0.plusSeconds(3600), "en", "Collomb-Varin denies charges at Lyon trial",
                TRIAL_FRAUD_OTHER, List.of("FR"));
        assertThat(murder.storyId()).as("same city, same kind, other people").isNotEqualTo(fraud.storyId());
        assertThat(fraudAgain.storyId()).as("the same people again").isEqualTo(fraud.storyId());
    }

    @Test
    void anArabicReportJoinsTheEnglishReportOfItsEventThroughTransliteratedNames() {
        StoryAssignment en = add(T0, "en", "Macron meets Mikati in Beirut", """
                French President Emmanuel Macron met Lebanese Prime Minister Najib Mikati in Beirut on Thursday and \
                promised 100 million euros for the reconstruction of the port. Macron said France would also send \
                engineers, and Mikati thanked him for standing with Lebanon.""", List.of("LB"));
        StoryAssignment ar = add(T0.plusSeconds(1800), "ar", "ماكرون يلتقي ميقاتي في بيروت", """
                التقى الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء اللبناني نجيب ميقاتي في بيروت يوم الخميس ووعد \
                بتقديم 100 مليون يورو لإعادة إعمار المرفأ. وقال ماكرون إن فرنسا سترسل مهندسين، وشكره ميقاتي على \
                وقوفه إلى جانب لبنان.""", List.of("LB"));
        assertThat(ar.isCopy()).isFalse();
        assertThat(ar.storyId()).isEqualTo(en.storyId());
    }

    /** Unrelated Chinese news before, so that the IDF of Chinese words is learned from Chinese reports. */
    static final List<String> BACKGROUND_ZH = List.of(
            "中国人民银行周四宣布维持贷款市场报价利率不变，市场普遍预计这一决定。分析人士表示，经济数据好于预期。",
            "广州市政府表示，将在明年建设两千套保障性住房，居民对交通和学校问题表示担忧。",
            "国家足球队在友谊赛中以一比二输给对手，主教练表示年轻球员表现出色，球队将从失败中吸取教训。",
            "气象部门发布暴雪预警，多条山区公路封闭，数千户居民停电，司机被要求留在家中。",
            "一家汽车制造商表示，由于欧洲销量下降和新工厂成本增加，上季度利润有所减少，股价早盘下跌。");

    @Test
    void chineseReportsJoinByTheirCharacterPairsAndAnotherChineseEventStaysApart() {
        for (String text : BACKGROUND_ZH) add(T0.minus(Duration.ofHours(1)), "zh", text.substring(0, 12), text, List.of("CN"));
        StoryAssignment first = add(T0, "zh", "浙江化工厂爆炸致十二人受伤", """
                浙江省宁波市一家化工厂周二下午发生爆炸，造成十二名工人受伤，其中三人伤势严重。消防部门出动八十名消防员， \
                经过四个小时才将大火扑灭。当地政府表示，爆炸原因正在调查之中，附近居民已被疏散。""", List.of("CN"));
        StoryAssignment second = add(T0.plusSeconds(2400), "zh", "宁波化工厂爆炸原因正在调查", """
                宁波一家化工厂发生爆炸后，当地政府表示已疏散附近居民，爆炸原因正在调查。十二名受伤工人被送往医院， \
                消防员花了四个小时扑灭大火。""", List.of("CN"));
        StoryAssignment other = add(T0.plusSeconds(3000), "zh", "北京马拉松吸引三万名选手", """
                第四十届北京马拉松周日在天安门广场鸣枪起跑，来自四十多个国家的三万名选手参加比赛。肯尼亚选手以两小时 \
                八分的成绩夺得男子冠军，组委会表示明年将增加名额。""", List.of("CN"));
        assertThat(second.storyId()).isEqualTo(first.storyId());
        assertThat(other.storyId()).isNotEqualTo(first.storyId());
    }

    @Test
    void aCopyJoinsItsOriginalsStoryAndNeverLeads() {
        StoryAssignment original = add(T0, "en", "Earthquake kills 29 in eastern Turkey", QUAKE_TURKEY, List.of("TR"));
        StoryAssignment copy = add(T0.plusSeconds(60), "en", "Turkey quake: death toll rises", QUAKE_TURKEY + "\nMore soon.", List.of("TR"));
        assertThat(copy.copyOf()).isEqualTo(original.articleId());
        assertThat(copy.storyId()).isEqualTo(original.storyId());
        assertThat(copy.leadArticleId()).isEqualTo(original.articleId());
    }

    @Test
    void aColdStoryIsNotJoined() {
        StoryAssignment first = add(T0, "en", "Earthquake kills 29 in eastern Turkey", QUAKE_TURKEY, List.of("TR"));
        add(T0.plus(Duration.ofDays(3)), "en", "Markets", BACKGROUND.get(0) + " Traders were cautious.", List.of());
        StoryAssignment late = add(T0.plus(Duration.ofDays(3)).plusSeconds(5), "en", "Survivors pulled from rubble in Elazig",
                QUAKE_TURKEY_OTHER, List.of("TR"));
        assertThat(late.storyId()).isNotEqualTo(first.storyId());
        assertThat(late.newStory()).isTrue();
    }

    @Test
    void aStoryIsNotJoinedAfterItsMaximumAgeEvenWhileUpdated() {
        StoryClusterer.Settings d = StoryClusterer.Settings.DEFAULTS;
        start(new StoryClusterer.Settings(d.joinThreshold(), d.mergeThreshold(), d.textWeight(),
                d.entityWeight(), d.numberWeight(), d.countryWeight(), d.halfLife(), d.coldAfter(), Duration.ofHours(6),
                d.maxLiveStories(), d.copies()));
        StoryAssignment first = add(T0, "en", "Earthquake kills 29 in eastern Turkey", QUAKE_TURKEY, List.of("TR"));
        StoryAssignment later = add(T0.plus(Duration.ofHours(7)), "en", "Survivors pulled from rubble in Elazig",
                QUAKE_TURKEY_OTHER, List.of("TR"));
        assertThat(later.storyId()).isNotEqualTo(first.storyId());
    }

    @Test
    void anArticleThatStronglyMatchesTwoStoriesMergesThemIntoTheOlder() {
        // Two halves of one event reported apart (a blast, and the evacuation it caused), then a report of both. A
        // report this short scores lower than long ones, so the merge threshold is set nearer the join threshold.
        start(StoryClusterer.Settings.DEFAULTS.withJoinThreshold(0.2, 0.3));
        StoryAssignment blast = add(T0, "en", "Blast at Rotterdam refinery",
                """
                An explosion tore through a storage tank at the Pernis refinery in Rotterdam on Monday, sending a \
                column of black smoke over the port. Firefighters fought the blaze for six hours, and operator Shell \
                said three workers were injured.""", List.of("NL"));
        StoryAssignment evacuation = add(T0.plusSeconds(600), "en", "Vlaardingen residents told to stay indoors",
                """
                Authorities in Vlaardingen ordered 4,500 residents to keep windows shut and evacuated two schools as \
                a toxic cloud drifted across the Maas. Mayor Bert Blase opened a crisis centre in the town hall.""",
                List.of("NL"));
        assertThat(evacuation.storyId()).isNotEqualTo(blast.storyId());
        StoryAssignment bridge = add(T0.plusSeconds(1200), "en", "Rotterdam refinery blast forces evacuation in Vlaardingen",
                """
                The explosion at Shell's Pernis refinery in Rotterdam injured three workers and sent black smoke over \
                the port; firefighters fought the blaze for six hours. In neighbouring Vlaardingen, Mayor Bert Blase \
                evacuated two schools and told 4,500 residents to keep windows shut as the toxic cloud drifted \
                across the Maas from the storage tank.""", List.of("NL"));
        assertThat(bridge.storyId()).isEqualTo(blast.storyId());
        assertThat(bridge.merged()).containsExactly(evacuation.storyId());
    }

    @Test
    void theLeadIsTheReportClosestToTheStoryAndTheEarliestAmongEquals() {
        StoryAssignment first = add(T0, "en", "Earthquake kills 29 in eastern Turkey", QUAKE_TURKEY, List.of("TR"));
        assertThat(first.leadArticleId()).isEqualTo(first.articleId());
        StoryAssignment second = add(T0.plusSeconds(60), "en", "Survivors pulled from rubble in Elazig", QUAKE_TURKEY_OTHER, List.of("TR"));
        // two reports: each is as close to the centroid of both as the other, so the earlier one stays the lead
        assertThat(second.leadArticleId()).isIn(first.articleId(), second.articleId());
        StoryAssignment copy = add(T0.plusSeconds(120), "en", "Quake", QUAKE_TURKEY_OTHER, List.of("TR"));
        assertThat(copy.isCopy()).isTrue();
        assertThat(copy.leadArticleId()).isNotEqualTo(copy.articleId());
    }

    @Test
    void restoredStateFoldsACopyIntoTheRestoredStory() {
        StoryClusterer restarted = new StoryClusterer();
        restarted.restore(new StoryArticle(100, 1, T0, "en", "Earthquake kills 29", QUAKE_TURKEY, List.of("TR")), 100, 0);
        restarted.restore(new StoryArticle(101, 2, T0.plusSeconds(60), "en", "Elazig", QUAKE_TURKEY_OTHER, List.of("TR")), 100, 0);
        StoryAssignment copy = restarted.add(new StoryArticle(102, 3, T0.plusSeconds(120), "en", "Quake toll", QUAKE_TURKEY, List.of("TR")));
        assertThat(copy.copyOf()).isEqualTo(100);
        assertThat(copy.storyId()).isEqualTo(100);
        StoryAssignment report = restarted.add(new StoryArticle(103, 4, T0.plusSeconds(180), "en",
                "Rescuers search Elazig rubble", QUAKE_TURKEY_OTHER.replace("Turkish rescuers", "Rescue teams")
                        .replace("tents were set up", "the Red Crescent set up tents") + " Aftershocks continued.", List.of("TR")));
        assertThat(report.storyId()).isEqualTo(100);
    }
}
