package org.worldwire.sim;

import static org.worldwire.sim.Text.escapeJson;
import static org.worldwire.sim.Text.escapeXml;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.worldwire.sim.Lexicon.Language;
import org.worldwire.sim.Lexicon.Ui;

/**
 * Renders article and home pages the way news sites do: the story buried in navigation, ads, share bars, related
 * links, comments and a cookie banner, in one of three site templates (semantic HTML5, WordPress-style div soup,
 * and a magazine layout whose body is split by {@code <br>} rather than paragraphs).
 */
final class ArticleHtml {
    private ArticleHtml() {}

    static final int TEMPLATES = 3;
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static String article(Publisher p, Language lang, int template, SimArticle a, List<SimArticle> related,
            String charset) {
        SplittableRandom r = new SplittableRandom(a.sequence() * 0x9E3779B97F4A7C15L + p.index());
        StringBuilder b = new StringBuilder(12_000);
        head(b, p, lang, a.title(), charset);
        b.append("<link rel=\"canonical\" href=\"").append(escapeXml(a.url().toString())).append("\">\n");
        b.append("<meta property=\"og:type\" content=\"article\">\n");
        b.append("<meta property=\"og:title\" content=\"").append(escapeXml(a.title())).append("\">\n");
        b.append("<meta property=\"og:description\" content=\"").append(escapeXml(a.summary())).append("\">\n");
        b.append("<meta property=\"og:url\" content=\"").append(escapeXml(a.url().toString())).append("\">\n");
        b.append("<meta property=\"og:image\" content=\"").append(image(p, a)).append("\">\n");
        b.append("<meta property=\"article:published_time\" content=\"").append(a.publishedAt()).append("\">\n");
        b.append("<meta name=\"author\" content=\"").append(escapeXml(a.author())).append("\">\n");
        jsonLd(b, p, a);
        b.append("<style>.ad-slot{min-height:250px}.cookie{position:fixed;bottom:0}</style>\n");
        b.append("<script>window.dataLayer=window.dataLayer||[];dataLayer.push({'section':'world'});</script>\n");
        b.append("</head>\n<body class=\"single-post\">\n");
        switch (template) {
            case 0 -> semantic(b, p, lang, a, related, r);
            case 1 -> divSoup(b, p, lang, a, related, r);
            default -> magazine(b, p, lang, a, related, r);
        }
        cookieBanner(b);
        b.append("<script src=\"/static/app.js\" async></script>\n</body>\n</html>\n");
        return b.toString();
    }

    static String home(Publisher p, Language lang, String tagline, List<SimArticle> latest, String feedPath) {
        StringBuilder b = new StringBuilder(4_000 + latest.size() * 200);
        head(b, p, lang, p.name(), "utf-8");
        b.append("<link rel=\"alternate\" type=\"").append(p.format().mediaType()).append("\" title=\"")
                .append(escapeXml(p.name())).append("\" href=\"").append(feedPath).append("\">\n");
        b.append("</head>\n<body>\n");
        nav(b, p, lang, tagline);
        b.append("<main><h1>").append(escapeXml(p.name())).append("</h1>\n<ul class=\"latest\">\n");
        for (SimArticle a : latest) {
            b.append("<li><a href=\"").append(escapeXml(a.feedLink().toString())).append("\">")
                    .append(escapeXml(a.title())).append("</a> <time datetime=\"").append(a.publishedAt())
                    .append("\">").append(HUMAN.format(a.publishedAt())).append("</time></li>\n");
        }
        b.append("</ul></main>\n");
        footer(b, p);
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void head(StringBuilder b, Publisher p, Language lang, String title, String charset) {
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append('"');
        if (lang.rtl()) b.append(" dir=\"rtl\"");
        b.append(">\n<head>\n<meta charset=\"").append(charset).append("\">\n");
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.append("<title>").append(escapeXml(title)).append(" | ").append(escapeXml(p.name())).append("</title>\n");
    }

    private static String image(Publisher p, SimArticle a) {
        return p.homeUrl().resolve("images/" + a.sequence() + ".jpg").toString();
    }

    private static void jsonLd(StringBuilder b, Publisher p, SimArticle a) {
        b.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
                .append("\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"").append(escapeJson(a.url().toString()))
                .append("\"},\"headline\":\"").append(escapeJson(a.title()))
                .append("\",\"description\":\"").append(escapeJson(a.summary()))
                .append("\",\"image\":[\"").append(escapeJson(image(p, a)))
                .append("\"],\"datePublished\":\"").append(a.publishedAt())
                .append("\",\"dateModified\":\"").append(a.publishedAt())
                .append("\",\"inLanguage\":\"").append(a.language())
                .append("\",\"author\":[{\"@type\":\"Person\",\"name\":\"").append(escapeJson(a.author()))
                .append("\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"").append(escapeJson(p.name()))
                .append("\",\"logo\":{\"@type\":\"ImageObject\",\"url\":\"")
                .append(escapeJson(p.homeUrl().resolve("logo.png").toString())).append("\"}}}</script>\n");
    }

    private static void nav(StringBuilder b, Publisher p, Language lang, String tagline) {
        b.append("<header class=\"site-header\">\n<div class=\"top-bar\"><span class=\"date\">")
                .append(java.time.LocalDate.now(ZoneOffset.UTC)).append("</span> <a href=\"/subscribe\">Subscribe</a>")
                .append(" <a href=\"/login\">Sign in</a></div>\n");
        b.append("<a class=\"logo\" href=\"").append(p.homeUrl()).append("\">").append(escapeXml(p.name()))
                .append("</a>\n<p class=\"tagline\">").append(escapeXml(tagline)).append("</p>\n");
        b.append("<nav class=\"main-menu\"><ul>");
        for (Ui item : List.of(Ui.HOME, Ui.WORLD, Ui.POLITICS, Ui.ECONOMY, Ui.SPORT, Ui.CULTURE)) {
            b.append("<li><a href=\"").append(p.homeUrl()).append(item.name().toLowerCase(Locale.ROOT)).append("/\">")
                    .append(escapeXml(lang.uiText(item))).append("</a></li>");
        }
        b.append("</ul></nav>\n</header>\n");
    }

    private static void breadcrumbs(StringBuilder b, Publisher p, Language lang) {
        b.append("<ol class=\"breadcrumb\"><li><a href=\"").append(p.homeUrl()).append("\">")
                .append(escapeXml(lang.uiText(Ui.HOME))).append("</a></li><li><a href=\"").append(p.homeUrl())
                .append("world/\">").append(escapeXml(lang.uiText(Ui.WORLD))).append("</a></li></ol>\n");
    }

    private static void ad(StringBuilder b, int slot, boolean asParagraph) {
        if (asParagraph) {
            b.append("<p style=\"text-align:center\">- Advertisement -</p>\n<ins class=\"adsbygoogle\" data-ad-slot=\"")
                    .append(slot).append("\"></ins>\n");
        } else {
            b.append("<div class=\"ad-slot\" id=\"div-gpt-ad-").append(slot)
                    .append("\"><span class=\"ad-label\">- Advertisement -</span><script>googletag.cmd.push(function(){googletag.display('div-gpt-ad-")
                    .append(slot).append("');});</script></div>\n");
        }
    }

    private static void share(StringBuilder b, Language lang, SimArticle a) {
        String u = escapeXml(java.net.URLEncoder.encode(a.url().toString(), java.nio.charset.StandardCharsets.UTF_8));
        b.append("<div class=\"share-bar\"><span>").append(escapeXml(lang.uiText(Ui.SHARE))).append("</span>")
                .append("<a class=\"share-facebook\" href=\"/share?to=facebook&amp;u=").append(u).append("\">Facebook</a>")
                .append("<a class=\"share-x\" href=\"/share?to=x&amp;u=").append(u).append("\">X</a>")
                .append("<a class=\"share-whatsapp\" href=\"/share?to=whatsapp&amp;u=").append(u).append("\">WhatsApp</a>")
                .append("<a class=\"share-mail\" href=\"mailto:?body=").append(u).append("\">Email</a></div>\n");
    }

    private static void related(StringBuilder b, Language lang, List<SimArticle> related) {
        if (related.isEmpty()) return;
        b.append("<aside class=\"related\"><h3>").append(escapeXml(lang.uiText(Ui.RELATED))).append("</h3><ul>\n");
        for (SimArticle r : related) {
            b.append("<li><a href=\"").append(escapeXml(r.url().toString())).append("\">").append(escapeXml(r.title()))
                    .append("</a></li>\n");
        }
        b.append("</ul></aside>\n");
    }

    private static void comments(StringBuilder b, Language lang, SimArticle a, SplittableRandom r) {
        int n = r.nextInt(5);
        b.append("<section id=\"comments\" class=\"comments\"><h3>").append(n).append(' ')
                .append(escapeXml(lang.uiText(Ui.COMMENTS))).append("</h3>\n");
        for (int i = 0; i < n; i++) {
            b.append("<div class=\"comment\"><span class=\"comment-author\">").append(escapeXml(Text.person(r, lang)))
                    .append("</span> <span class=\"comment-date\">").append(HUMAN.format(a.publishedAt()))
                    .append("</span><p>").append(escapeXml(Text.sentence(r, lang, null))).append("</p>")
                    .append("<a class=\"reply\" href=\"#respond\">Reply</a></div>\n");
        }
        b.append("<form id=\"respond\" action=\"/comment\" method=\"post\"><textarea name=\"comment\"></textarea>")
                .append("<button>Post comment</button></form></section>\n");
    }

    private static void cookieBanner(StringBuilder b) {
        b.append("<div class=\"cookie cookie-notice\" id=\"cookie-law-info-bar\">This website uses cookies to improve ")
                .append("your experience. We'll assume you're ok with this, but you can opt-out if you wish. ")
                .append("<a href=\"#\" class=\"cookie-accept\">Accept</a> · <a href=\"/privacy\">Read More</a></div>\n");
    }

    private static void footer(StringBuilder b, Publisher p) {
        b.append("<footer class=\"site-footer\"><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">")
                .append("Contact</a></li><li><a href=\"/privacy\">Privacy policy</a></li><li><a href=\"/advertise\">")
                .append("Advertise</a></li></ul><p>© ").append(escapeXml(p.name()))
                .append(". All rights reserved.</p></footer>\n");
    }

    private static void byline(StringBuilder b, Language lang, SimArticle a) {
        b.append("<div class=\"byline\">").append(escapeXml(lang.uiText(Ui.BY))).append(" <a rel=\"author\" href=\"/author/")
                .append(Text.slug(a.author())).append("\">").append(escapeXml(a.author()))
                .append("</a> · <time datetime=\"").append(a.publishedAt()).append("\">")
                .append(HUMAN.format(a.publishedAt())).append("</time></div>\n");
    }

    private static void semantic(StringBuilder b, Publisher p, Language lang, SimArticle a, List<SimArticle> related,
            SplittableRandom r) {
        nav(b, p, lang, tagline(p));
        b.append("<main>\n");
        breadcrumbs(b, p, lang);
        b.append("<article class=\"story\">\n<header><h1 class=\"headline\">").append(escapeXml(a.title()))
                .append("</h1>\n");
        byline(b, lang, a);
        b.append("</header>\n<figure><img src=\"").append(image(p, a)).append("\" alt=\"\"><figcaption>")
                .append(escapeXml(a.placeName())).append("</figcaption></figure>\n<div class=\"article-body\">\n");
        List<String> ps = a.paragraphs();
        for (int i = 0; i < ps.size(); i++) {
            b.append("<p>").append(escapeXml(ps.get(i))).append("</p>\n");
            if (i == 1) ad(b, 1000 + r.nextInt(9000), false);
        }
        b.append("</div>\n");
        share(b, lang, a);
        b.append("</article>\n");
        related(b, lang, related);
        comments(b, lang, a, r);
        b.append("</main>\n<aside class=\"sidebar\"><h3>Most read</h3><ol>");
        for (SimArticle x : related) b.append("<li><a href=\"").append(escapeXml(x.url().toString())).append("\">")
                .append(escapeXml(x.title())).append("</a></li>");
        b.append("</ol>");
        ad(b, 2000 + r.nextInt(9000), false);
        b.append("</aside>\n");
        footer(b, p);
    }

    private static void divSoup(StringBuilder b, Publisher p, Language lang, SimArticle a, List<SimArticle> related,
            SplittableRandom r) {
        b.append("<div id=\"wrapper\"><div id=\"td-outer-wrap\">\n");
        b.append("<div class=\"td-header-menu-wrap\"><div class=\"menu-main\">");
        for (Ui item : List.of(Ui.HOME, Ui.WORLD, Ui.POLITICS, Ui.SPORT)) {
            b.append("<div class=\"menu-item\"><a href=\"").append(p.homeUrl()).append(item.name().toLowerCase(Locale.ROOT))
                    .append("/\">").append(escapeXml(lang.uiText(item))).append("</a></div>");
        }
        b.append("</div><div class=\"td-tagline\">").append(escapeXml(tagline(p))).append("</div></div>\n");
        b.append("<div class=\"td-container\"><div class=\"td-crumb-container\"><span><a href=\"").append(p.homeUrl())
                .append("\">").append(escapeXml(lang.uiText(Ui.HOME))).append("</a></span> » <span>")
                .append(escapeXml(lang.uiText(Ui.WORLD))).append("</span></div>\n");
        b.append("<div class=\"td-post-header\"><div class=\"td-post-title\"><h1 class=\"entry-title\">")
                .append(escapeXml(a.title())).append("</h1>\n<div class=\"td-module-meta-info\"><div class=\"td-post-author-name\">")
                .append(escapeXml(lang.uiText(Ui.BY))).append(" ").append(escapeXml(a.author()))
                .append("</div><span class=\"td-post-date\"><time class=\"entry-date updated\" datetime=\"")
                .append(a.publishedAt()).append("\">").append(HUMAN.format(a.publishedAt())).append("</time></span>")
                .append("<div class=\"td-post-views\">").append(r.nextInt(5000)).append("</div></div></div></div>\n");
        b.append("<div class=\"td-post-sharing-top\">");
        share(b, lang, a);
        b.append("</div>\n<div class=\"td-post-content\">\n");
        List<String> ps = a.paragraphs();
        for (int i = 0; i < ps.size(); i++) {
            b.append("<p>").append(escapeXml(ps.get(i))).append("</p>\n");
            if (i == 2 || (i == 0 && ps.size() < 4)) ad(b, 3000 + r.nextInt(9000), true);
        }
        b.append("<div class=\"td-post-source-tags\"><span>TAGS</span><a href=\"/tag/").append(Text.slug(a.placeName()))
                .append("\">").append(escapeXml(a.placeName())).append("</a></div>\n</div>\n");
        if (!related.isEmpty()) {
            b.append("<div class=\"td_block_related_posts\"><div class=\"td-related-title\">")
                    .append(escapeXml(lang.uiText(Ui.RELATED))).append("</div>");
            for (SimArticle x : related) {
                b.append("<div class=\"td_module_related_posts\"><h3 class=\"entry-title td-module-title\"><a href=\"")
                        .append(escapeXml(x.url().toString())).append("\">").append(escapeXml(x.title()))
                        .append("</a></h3></div>");
            }
            b.append("</div>\n");
        }
        comments(b, lang, a, r);
        b.append("</div>\n<div class=\"td-footer-wrapper\">");
        footer(b, p);
        b.append("</div></div></div>\n");
    }

    private static void magazine(StringBuilder b, Publisher p, Language lang, SimArticle a, List<SimArticle> related,
            SplittableRandom r) {
        nav(b, p, lang, tagline(p));
        b.append("<div class=\"newsletter\"><form action=\"/newsletter\"><input name=\"email\" placeholder=\"Email\">")
                .append("<button>Sign up for our newsletter</button></form></div>\n");
        b.append("<div id=\"content\"><div class=\"post\">\n<h2 class=\"post-title\">").append(escapeXml(a.title()))
                .append("</h2>\n");
        byline(b, lang, a);
        b.append("<div class=\"post-body entry\" itemprop=\"articleBody\">\n");
        List<String> ps = a.paragraphs();
        for (int i = 0; i < ps.size(); i++) {
            if (i > 0) b.append("<br><br>\n");
            b.append(escapeXml(ps.get(i)));
            if (i == 1) {
                b.append("\n");
                ad(b, 5000 + r.nextInt(9000), false);
            }
            if (i == 2 && !related.isEmpty()) {
                SimArticle x = related.getFirst();
                b.append("<br><br>\n<strong>").append(escapeXml(lang.uiText(Ui.READ_MORE))).append(":</strong> <a href=\"")
                        .append(escapeXml(x.url().toString())).append("\">").append(escapeXml(x.title())).append("</a>");
            }
        }
        b.append("\n</div>\n");
        share(b, lang, a);
        b.append("</div>\n");
        related(b, lang, related);
        comments(b, lang, a, r);
        b.append("</div>\n");
        footer(b, p);
    }

    static String tagline(Publisher p) {
        return switch (p.index() % 3) {
            // Each has a non-ASCII character, so a source with a wrong charset shows it in every feed.
            case 0 -> "News you can trust — since 1924";
            case 1 -> "Independent journalism · " + p.country();
            default -> "Breaking news, every minute — 24/7";
        };
    }
}
