package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.worldwire.model.ArticleContent;

/**
 * One test per kind of page layout that the extractor once got wrong on pages outside the news dev set, each
 * written as a small synthetic page that has the layout's shape and nothing of any real page.
 */
class ArticleExtractorKindsTest {

    private static ArticleContent extract(String html) {
        return ArticleExtractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Test
    void paragraphsWrittenStraightIntoBodyAreTheArticle() {
        // Hand-written pages and test documents have no wrapper: the body is the best container, and the
        // climb to a wrapper or a shared ancestor must stop there instead of leaving the measured tree.
        ArticleContent a = extract("""
                <html><head><title>Notes</title></head><body><h1>Notes</h1>
                <p>The first paragraph says what the page is about, with a comma, and enough words to count.</p>
                <h2>Second part</h2>
                <p>The second paragraph goes on, with another comma, and again enough words to be a paragraph.</p>
                <h2>Third part</h2>
                <p>The third paragraph closes the page, with a last comma, and the same length as the others.</p>
                </body></html>""");
        assertThat(a.title()).isEqualTo("Notes");
        assertThat(a.text()).contains("The first paragraph says", "Second part", "The third paragraph closes");
    }

    @Test
    void sectionIdsMadeFromTheirHeadingsDoNotMarkTheSectionAsFurniture() {
        // Documentation generators name each section after its heading; a heading that happens to contain a
        // word like "sharing" or "related" must not make the whole section look like a share bar.
        ArticleContent a = extract("""
                <html><head><title>Guide</title></head><body><div class="document"><div class="section" id="guide">
                <h1>Guide</h1>
                <p>The guide starts here, with an introduction that runs long enough, and with commas in it.</p>
                <div class="section" id="sharing-your-work-with-others"><h2>Sharing your work with others</h2>
                <p>To publish a change, push it to the shared repository, after checking it builds, and tell the team.</p>
                </div>
                <div class="section" id="related-settings"><h2>Related settings</h2>
                <p>Two settings change how pushing behaves, and both live in the local configuration file, per clone.</p>
                </div></div></div></body></html>""");
        assertThat(a.text()).contains("The guide starts here", "To publish a change", "Two settings change");
    }

    @Test
    void keepsADataTablesHeaderRowEvenWhenItsLabelsAreLinks() {
        ArticleContent a = extract("""
                <html><head><title>Shares</title></head><body><article><h1>Shares</h1>
                <p>The survey counted which formats each region supports, and the table below gives the shares.</p>
                <table><thead><tr><td></td><th><a href="/north">Northland</a></th><th><a href="/south">Southland</a></th></tr></thead>
                <tbody><tr><th>Format one</th><td>55%</td><td>64%</td></tr><tr><th>Format two</th><td>51%</td><td>38%</td></tr></tbody></table>
                <p>Both regions moved towards the first format over the year, and the gap between them narrowed.</p>
                </article></body></html>""");
        assertThat(a.text()).contains("Northland", "Southland", "Format one", "64%", "the gap between them narrowed");
    }

    @Test
    void inlineLinksInsideASentenceStayWhateverTheirClassSays() {
        // Annotated texts and glossaries style every note link as a "popup" or "tooltip"; the link's words are
        // still words of the sentence, and dropping them leaves holes ("I am a man" for "I am a rather elderly man").
        ArticleContent a = extract("""
                <html><head><title>Study text</title></head><body><div class="text">
                <p>I am a <a class="popup" href="#n1">rather elderly</a> man, and the nature of my
                <a class="popup" href="#n2">avocations</a> has brought me into contact with many people over the years.</p>
                <p>Some time prior to the period at which this history begins, my office had grown, and the work with it.</p>
                <div class="popup"><a href="/close">Close</a> this note</div>
                </div></body></html>""");
        assertThat(a.text()).contains("I am a rather elderly man", "nature of my avocations has brought")
                .doesNotContain("this note");
    }

    @Test
    void laterH1SectionHeadingsStayWhileTheHeadlineGoes() {
        // HTML's sectioning outline lets every <section> open with <h1>; book chapters and documentation do so.
        ArticleContent a = extract("""
                <html><head><title>Chapter 6 - Watching Systems</title></head><body><main><section>
                <h1>Watching Systems</h1>
                <p>This chapter says which problems should wake a person at night, and which can wait for the morning.</p>
                <section><h1>Definitions</h1>
                <p>There is no single shared vocabulary for the topic, so the terms used below are defined here, once.</p>
                </section></section></main></body></html>""");
        assertThat(a.paragraphs()).contains("Definitions").doesNotContain("Watching Systems");
    }

    @Test
    void aSpaceHeldByAnEmptyInlineElementStillPartsTwoWords() {
        // Editors leave "<strong> </strong>" or "<span> </span>" between words; the space is the only thing parting them.
        ArticleContent a = extract("""
                <html><head><title>Law</title></head><body><article>
                <p>The national commission<strong> </strong>(the regulator) criticised the provision, and asked for changes to it.</p>
                <p>The vote took place on Tuesday, and the bill now goes to the upper house, which will examine it next month.</p>
                </article></body></html>""");
        assertThat(a.text()).contains("The national commission (the regulator) criticised");
    }

    @Test
    void shortStepsOfARepeatedSeriesAreNotTakenForPanels() {
        // A how-to repeats one template per step; a one-line step beside longer steps is a step, not a user or
        // price panel beside a post, even though its text is short lines only.
        ArticleContent a = extract("""
                <html><head><title>How to pot a plant</title></head><body><div class="main">
                <p>Potting a small plant takes ten minutes, a pot, some soil and a spoon, and it needs no special tools.</p>
                <div class="step"><div class="body"><b>One</b><p>Fill the pot with soil up to two fingers below the rim, pressing it down gently with the back of the spoon.</p></div><div class="note">Soil in a pot</div></div>
                <div class="step"><div class="body"><b>Two</b><p>Make a hole for the plant.</p></div><div class="note">A hole</div></div>
                <div class="step"><div class="body"><b>Three</b><p>Set the plant into the hole, fill the gaps around it with soil, and water it until the soil is damp.</p></div><div class="note">Done</div></div>
                </div></body></html>""");
        assertThat(a.text()).contains("Fill the pot with soil", "Make a hole for the plant.", "Set the plant into the hole");
    }

    @Test
    void aLandingPageOfCardsKeepsEveryCardNotOnlyTheNotice() {
        // A product or documentation landing page: each feature a heading, a line and a link, in list items that
        // score little, beside one plain notice block that scores best. The block holding the cards is the content.
        ArticleContent a = extract("""
                <html><head><title>Tools</title></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
                <main><section class="intro"><h1>Tools</h1><p>Get to know the tools that come with the browser.</p>
                <ul class="cards">%s</ul>
                <div class="notice"><h4>Note</h4><p>This edition keeps its own profile, so that it can run beside other
                editions of the browser, on the same machine, at the same time; to bring your bookmarks, history and
                saved settings over, sign in to your account, or create one. <a href="/help">Help</a></p></div></section>
                <section class="more"><div class="wrap"><h2>More tools</h2><ul class="cards">%s</ul></div></section>
                </main></body></html>""".formatted(cards("Inspector", "Console"),
                cards("Debugger", "Network monitor", "Style editor", "Audio editor", "Storage viewer")));
        assertThat(a.text()).contains("The inspector shows", "The storage viewer shows", "This edition keeps its own profile")
                .doesNotContain("About");
    }

    private static String cards(String... names) {
        StringBuilder b = new StringBuilder();
        for (String name : names) {
            b.append("<li class=\"card\"><h2>").append(name).append("</h2><p>The ").append(name.toLowerCase())
                    .append(" shows what the page does while it runs, and lets you change it.</p>")
                    .append("<a href=\"/tools\">More about the ").append(name.toLowerCase()).append("</a></li>");
        }
        return b.toString();
    }

    @Test
    void twoEquallyScoredBlocksGiveTheSameAnswerOnEveryRun() {
        // Ties between candidates must not be broken by hash order (which differs from run to run): the first in
        // document order wins, every time.
        String page = """
                <html><head><title>Two notes</title></head><body>
                <section><div class="one"><p>The first note is here, and it has two commas, and the same length as its twin.</p></div></section>
                <section><div class="two"><p>The other note is here, and it has two commas, and the same length as its twin.</p></div></section>
                </body></html>""";
        for (int i = 0; i < 20; i++) {
            assertThat(extract(page).text()).contains("The first note").doesNotContain("The other note");
        }
    }

    @Test
    void anAuthorsNoteInASiblingTakenAlongIsStillFurniture() {
        // The line under the article is a sibling block that scores enough to be taken along; its only content,
        // the author's note, holds "most" of that small block but little of the article, and stays furniture.
        ArticleContent a = extract("""
                <html><head><title>Museum attack</title></head><body><div class="page">
                <article itemprop="articleBody"><p>Gunmen stormed the national museum on Wednesday, the ministry said, and held visitors for hours.</p>
                <p>Security forces ended the siege in the afternoon, and the museum will stay closed, officials said, for a week.</p>
                <p>The attack was the worst in the capital in years, and it came as parliament, next door, debated a new law.</p>
                <p>Witnesses said the gunmen wore uniforms, and that they fired at a bus, then ran into the building, shouting.</p>
                <p>The president spoke on television in the evening, and promised, in a short address, to find those behind it.</p>
                <p>Tourism, which employs many in the country, had only begun to recover, and hotels, already half empty, fear more losses.</p></article>
                <div class="post-body-sig"><div class="post-body-bio">Jane Writer is a correspondent for the paper, based in the region, and covered
                conflicts for other papers, magazines and agencies before that.</div></div>
                </div></body></html>""");
        assertThat(a.text()).contains("Gunmen stormed", "debated a new law").doesNotContain("Jane Writer");
    }

    @Test
    void aListItemNamedForItsPictureIsStillAnItemOfTheList() {
        // List articles build every item from one template ("item item-text", "item item-image"); the modifier
        // names what the item shows, and the first item's words are the article's lead.
        ArticleContent a = extract("""
                <html><head><title>Pills</title></head><body><div class="list">
                <div class="item item-image"><h2>The mother of a student who took pills bought online has described how her daughter fell ill within hours.</h2>
                <img src="a.jpg" alt=""></div>
                <div class="item item-text"><p>The student, 21, was taken to hospital in April, after taking a lethal dose of the tablets, her family said.</p>
                <p>Doctors did all they could, her mother said in a statement, but there was no antidote, and she died that night.</p></div>
                <div class="item item-text"><p>Police have warned the public, again, not to buy such pills online, and are looking into where they came from.</p>
                <p>The pills, sold as slimming aids, contain a chemical once used in explosives, and no dose of it is safe, experts say.</p></div>
                <div class="item item-text"><p>Her family has asked others, especially young people, to think twice, and to talk to a doctor first.</p>
                <p>A fundraising page, set up in her name, had raised several thousand pounds by Friday, for a charity, friends said.</p></div>
                </div></body></html>""");
        assertThat(a.text()).contains("The mother of a student", "there was no antidote", "Police have warned");
    }

    @Test
    void aShortReportAmongLinksIsKeptWhereItsWrappersScoreAlmostAsHigh() {
        // A two-line post: one sentence, a "listen" link, a download link and its tags. The post, its content
        // block and the text box all score near the top; they are one article measured three times, not three
        // parts of one, and the link-heavy block around the sentence is the article's, not a link list.
        ArticleContent a = extract("""
                <html><head><title>Morning show: a guest in the studio</title></head><body>
                <div class="page-columns"><div class="main-column">
                <div class="post hentry entry-column" id="post-4508">
                <h1>Morning show: a guest in the studio</h1><div class="entry-meta">June 8, 2012 6:14 AM</div>
                <div class="entry-content">
                <div class="entry-thumbnail"><p>(A photographer's credit for the picture)</p></div>
                <div class="entry-content-textbox">
                <p>The two hosts were thrilled to welcome a local hero into the studio, as she stopped by and was given the treatment she deserved.</p>
                <p>LISTEN: <a href="/audio/1">The local hero joins the morning show (06/08)</a></p>
                <p><a href="/audio/1.mp3">Right click here to download</a></p>
                </div>
                <div class="entry-other-bar">From <a href="/show">The morning show</a> Filed under <a href="/c/1">Morning show</a>,
                <a href="/c/2">Radio blogs</a> Related tags <a href="/t/1">Local hero</a>, <a href="/t/2">Morning show</a></div>
                </div>
                <div class="entry-toolbar"><a href="/share">Share this</a> <a href="#comments">View comments</a></div>
                </div>
                <div id="comment-thread"><a href="/comments" class="brand-link">blog comments powered by a comment service</a></div>
                </div>
                <div class="side-column"><ul><li><a href="/1">Top stories</a></li><li><a href="/2">Traffic and weather</a></li>
                <li><a href="/3">Scores and schedules</a></li></ul></div>
                </div></body></html>""");
        assertThat(a.text()).contains("thrilled to welcome a local hero")
                .doesNotContain("blog comments powered by", "Traffic and weather");
    }

    @Test
    void paragraphsThatATemplateWrapsOneByOneJoinTheArticle() {
        // Some templates put each paragraph in a block of its own ("firstPar", "secondPar") before the block
        // that holds the rest; those lone paragraphs score less than the rest, but they are the article's lead.
        ArticleContent a = extract("""
                <html><head><title>Chilli contest leaves two in hospital</title></head><body>
                <div class="story"><h1>Chilli contest leaves two in hospital</h1><div id="mainBodyArea">
                <div class="firstPar"><p>Emergency services were called to a restaurant's curry-eating challenge, on a busy street,
                after competitors started writhing on the floor in agony, vomiting and fainting during the contest.</p></div>
                <div class="secondPar"><p>One participant was so ill after sampling the dish that she had to be taken to hospital
                by ambulance, twice, in one afternoon.</p></div>
                <div class="body">
                <p>The owner admitted that he would have to "tone down" the contest, but said the challenge had raised hundreds of pounds for charity.</p>
                <p>He added that half of the 20 people who took part had dropped out after watching the first diners collapse, sweating and panting.</p>
                <p>Previously the dish has caused diners to suffer nose bleeds, and one elderly man, a regular, had to go to hospital.</p>
                <p>The runner-up, a student at the university, came second, but she admitted the accolade "came with a price", she said.</p>
                <p>The owner said he felt the competition had gone well, but that he had overestimated how much heat people could take.</p>
                </div></div></div>
                <div class="newsletter-box"><div class="signup"><p>Get the best stories of the day in your inbox, every morning, for free.</p></div></div>
                </body></html>""");
        assertThat(a.text()).contains("Emergency services were called", "One participant was so ill", "tone down",
                "overestimated how much heat");
    }

    @Test
    void looseTextBetweenTheBlocksIsJudgedAsFurnitureToo() {
        // A date line and a tag list written straight into the article's container, with no block of their own
        // around them, are paragraphs like any other and meet the same furniture rules.
        ArticleContent a = extract("""
                <html><head><title>Library hours change</title></head><body><div class="articleBody">
                <span class="date">Tuesday, 6 February 2024 at 9:05</span>
                <h3>Library hours change</h3>
                <p>The town library will open at nine on weekdays from March, an hour earlier than now, and close at seven,
                the council said on Tuesday after a survey of readers.</p>
                <p>Weekend hours stay as they are, and the reading room, closed since the autumn, reopens in April.</p>
                <a href="/tag/1">Tags</a> <a href="/tag/2">library hours</a>, <a href="/tag/3">town council</a>,
                <a href="/tag/4">reading room</a>
                </div></body></html>""");
        assertThat(a.text()).contains("The town library will open at nine", "reopens in April")
                .doesNotContain("6 February 2024 at 9:05", "town council,");
    }

    @Test
    void teasersUnderTheirLabelAreNotTheArticleHoweverLongTheirExcerpts() {
        // A short post, then a block of five other posts with long excerpts under "Das könnte Sie auch interessieren":
        // the block outscores the post by its text alone, but its heading says what it is.
        String excerpt = "<article class=\"post teaser\"><h4><a href=\"/p/%d\">Other post %d</a></h4><p>%s</p></article>";
        String[] texts = {
            "Tomatoes want sun, warmth and steady water, and planted out too early, in a cold spring, they sulk for weeks, drop their flowers, and never catch up with the ones sown a month later, whatever you feed them.",
            "A compost heap needs air as much as it needs scraps, so turn it every fortnight, keep it damp, not wet, and add cardboard, torn small, whenever the kitchen waste makes it slimy and sour.",
            "Dahlias stored over winter in dry sand come back stronger, as long as the tubers never freeze, never rot, and are checked, one by one, every month until the spring.",
            "Slugs love a wet spring, and a ring of grit around young plants, renewed after rain, does more than any spray from the shop, and costs almost nothing.",
            "Runner beans climb fast once the nights are warm, and a simple frame of canes, tied at the top, with string between, is all they need, even in a windy plot."};
        StringBuilder related = new StringBuilder();
        for (int i = 0; i < texts.length; i++) related.append(excerpt.formatted(i, i, texts[i]));
        ArticleContent a = extract("""
                <html><head><title>First frost</title></head><body>
                <article class="box post-1"><h1>First frost</h1>
                <p>The first frost came last night, two weeks early, and the courgettes did not survive it.</p>
                <p><a href="/c/1">Vegetables</a>, <a href="/c/2">Diary</a></p></article>
                <article class="box post-1"><h3 class="related-title">Das könnte Sie auch interessieren</h3>%s</article>
                </body></html>""".formatted(related));
        assertThat(a.text()).contains("The first frost came last night").doesNotContain("Tomatoes want sun", "Runner beans climb");
    }

    @Test
    void aPullQuoteIsDroppedWhenItRepeatsTheTextAndKeptWhenItIsTheOnlyPlaceItsWordsStand() {
        // A pull quote repeats a sentence of the article in large type; some publishing systems give the same style to
        // a passage that appears nowhere else, and then it is the article's text.
        String page = """
                <html><head><title>On words</title></head><body><article class="post">
                <p>People use the word as a crutch, to stress a point, which is odd, since the point is already made by the
                picture they paint, and the word adds nothing but noise to it.</p>
                <blockquote class="graf--pullquote pullquote">%s</blockquote>
                <p>So use it only when you mean it, and never to exaggerate, or it loses what it means for everyone else,
                including the people who use it with care.</p>
                <p>The word adds nothing but noise to it, and readers notice, even when they cannot say what is wrong.</p>
                </article></body></html>""";
        ArticleContent own = extract(page.formatted("It means that something happened exactly as described, not more and not less."));
        assertThat(own.text()).contains("It means that something happened exactly as described");
        ArticleContent repeated = extract(page.formatted("use it only when you mean it, and never to exaggerate"));
        assertThat(repeated.paragraphs()).noneMatch(p -> p.equals("use it only when you mean it, and never to exaggerate"));
        assertThat(repeated.text()).contains("So use it only when you mean it");
    }

    @Test
    void aSocialPostTheStoryQuotesIsTextWhileItsShareBarIsNot() {
        // The embed code of a post is a blockquote of its words inside a block named for social media; the share bar
        // beside it carries the same name and no words of the story.
        ArticleContent a = extract("""
                <html><head><title>Campaign mocked</title></head><body><article class="story">
                <p>The state's new road-safety campaign, which cost nearly half a million dollars, was mocked online within
                hours of its launch on Monday, and the governor, by the evening, defended it in a post of her own.</p>
                <div class="social-media-embed"><blockquote class="twitter-tweet"><p>The whole point of this campaign is
                to get people talking about safety on the roads. So I think it is working.</p>&mdash; The Governor
                (@governor) <a href="https://x.example/status/1">November 18, 2019</a></blockquote></div>
                <p>Critics said the money would have been better spent on crossings near schools, and the opposition asked
                for the contract to be published, which the department said it would do this week.</p>
                <div class="social-share"><a href="/s/fb">Facebook</a> <a href="/s/x">Twitter</a> <a href="/s/mail">Email</a></div>
                </article></body></html>""");
        assertThat(a.text()).contains("The whole point of this campaign is to get people talking", "Critics said the money")
                .doesNotContain("Facebook Twitter");
    }
}
