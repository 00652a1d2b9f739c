package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FurnitureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Advertisement|0",
        "Story continues below advertisement|0",
        "READ MORE: Storm batters the coast as thousands lose power|0.9",
        "CLICK HERE TO GET THE NEWS APP|1",
        "Sign up for our daily newsletter and get the news in your inbox.|0",
        "Follow us on Twitter and Facebook for more updates.|0",
        "By Jane Writer - 11/18/19 11:04 PM EST|0",
        "Tags: storms, weather, coast|0.8",
        // ad labels with dashes on both sides, in any of the listed languages
        "- Publicidad -|0",
        // "label: linked headline" in languages the word lists do not cover
        "Lesen Sie auch: Regensburg sperrt die Steinerne Brücke für Fußgänger|0.75",
        "Читайте также: Ремонт Коммунального моста продлится до осени|0.7",
        "関連記事：敦賀駅前に新しいホテルが六月に開業へ|0.75",
        // a forum signature under its drawn rule
        "__________________ Пасека 40 семей, карпатка и бакфаст.|0",
        // share, comment and "read also" labels in the languages of most of the web
        "Gefällt mir Wird geladen …|0", "Teilen mit:|0", "Ähnliche Beiträge|0", "Like this:|0", "J'aime chargement…|0",
        "Entradas relacionadas|0", "Articoli correlati|0",
        "Artikel teilen|0.5", "Kommentare|0", "Lire aussi|0", "Leia também|0", "Czytaj także|0", "Läs också|0",
        "Поделиться|1", "関連記事|0", "延伸阅读|0",
        "Zum Thema: Neue Regeln für E-Scooter in der Innenstadt|0.9", "Leer más: El Gobierno aprueba el presupuesto|0.8",
        // bylines alone, and bylines with a date, in other languages
        "By Jane Writer|0", "Von Max Muster und Erika Beispiel|0", "Par Jean Dupont, Marie Durand|0",
        "Von Lena Huber · 03.06.2024, 06:45 Uhr · 3 Min. Lesezeit|0", "Publié le 03/06/2024 à 06h45|0",
        "Post by greenwire » Sat Feb 10, 2024 7:14 pm|0.3", "Beitrag von Kalle » 10.02.2024, 19:14|0.3", "Who is online|0",
        "Impressum|1", "Datenschutzerklärung|1", "WhatsApp|1", "Mentions légales|1", "Privacy policy|1",
        // copyright and imprint lines
        "© 2019 The Example Wire. All Rights Reserved. This material may not be published or redistributed.|0",
        "Copyright 2019 Example Media Group. All rights reserved.|0", "© Verlag Beispiel GmbH 2024 – Alle Rechte vorbehalten|0",
        "Reproduction interdite – Tous droits réservés|0",
        "Photo : AFP|0", "Bild: Max Muster / dpa|0", "Quelle: Statistisches Bundesamt|0",
        "Top photo by Jane Lens|0", "Follow The Paper: Twitter, Facebook|0.4",
    })
    void dropsFurnitureParagraphs(String text, double linkShare) {
        assertThat(Furniture.isFurniture(text, linkShare)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a sentence that mentions signing up is article prose, not a call to action
        "The company continued to sign up additional subscribers despite the outage.|0",
        "Get it on Amazon for $39.99|1",
        "The meeting on November 5, 2019 ended without agreement.|0",
        "What changed|0",
        // one-word field labels with a link belong to the text they annotate
        "Account: @kitchen_ghosts|1",
        "Link to the museum website – https://museum.example/tickets|0.8",
        // sentences that open with the words of a byline or a copyright line
        "Von der Leyen sagte am Montag, die Kommission werde den Plan prüfen.|0",
        "Di Maio ha detto che il governo non cadrà.|0",
        "Copyright law protects the expression of an idea, not the idea itself, the court said.|0",
        "The label said all rights reserved, but the court found the song had been in the public domain for years.|0",
        "Por qué la inflación no baja|0",
        "Door-to-door sales rose again in 2024|0", "Di più nel 2024|0", "Stand-off over the budget, 2024|0",
    })
    void keepsArticleParagraphs(String text, double linkShare) {
        assertThat(Furniture.isFurniture(text, linkShare)).isFalse();
    }

    /** One line for each branch of the call-to-action pattern, some in letters that its (?iu) folds to ASCII. */
    private static final List<String> CALLS_TO_ACTION = List.of("Sign up for our newsletter", "SUBSCRIBE",
            "Click here to read more", "Follow us on Twitter", "Follow @worldwire", "follow Jane Doe on Mastodon",
            "Download the app", "Get the Worldwire app today", "Like us on Facebook", "Join us on Telegram",
            "Abonnieren Sie uns", "Inscreva-se no canal", "Suscríbete", "Iscriviti alla newsletter",
            "You can subscribe here to get our newsletter", "News delivered straight to your inbox",
            "Get the briefing in your inbox", "The Post is committed to publishing a diversity of letters",
            "Reuters contributed to this report.", "Share this with a friend", "ſubscribe now", "li\u212Ae us on Facebook",
            "Hier können Sie unseren Newsletter abonnieren.", "Folgen Sie uns auf Instagram", "Abonnez-vous à notre lettre",
            "Inscrivez-vous à la newsletter", "Suivez-nous sur X", "Síguenos en Facebook", "Seguici su Telegram",
            "Siga-nos no Instagram", "Volg ons op LinkedIn", "Obserwuj nas na Facebooku", "Подпишитесь на наш канал",
            "Have a tip? The writer may be reached at writer@paper.example.", "She can be contacted at desk@paper.example",
            "Send us your tips at tips@paper.example", "Schreiben Sie der Redaktion: leserbriefe@zeitung.example",
            "Contactez la rédaction", "Escríbenos a cartas@diario.example");

    @Test
    void aParagraphWithoutTheCallToActionWordsCannotMatchItsPattern() {
        for (String line : CALLS_TO_ACTION) {
            String p = line.translateEscapes();
            assertThat(Furniture.CALL_TO_ACTION.matcher(p).find()).as(p).isTrue();
            assertThat(Furniture.mayCallToAction(Furniture.fold(p))).as(p).isTrue();
        }
        // Lines put together from the pattern's own words and others: whatever the pattern finds, the words find too.
        String[] pieces = {"sign", " up", "subscribe", "SUBSCRIBE", " to", " for", " now", " newsletter", " inbox", "click",
                " here", "follow", " us", " on", "@news", "download", " the", " our", "get", " app", "like", "join", "your",
                "delivered", "straight", " through", " into", " letterbox", " door", "is committed to publishing",
                "contributed to this report", "share", " it", " this", " with", " a", " friend", "ſ", "ubscribe", ". ",
                "Der Regen", " fiel", " am", " Montag", "abonnieren", "suscribete", "iscriviti", "inscreva-se", " "};
        var random = new SplittableRandom(7);
        int found = 0;
        for (int n = 0; n < 50_000; n++) {
            var b = new StringBuilder();
            for (int k = random.nextInt(1, 9); k > 0; k--) b.append(pieces[random.nextInt(pieces.length)]);
            String p = b.toString();
            if (Furniture.CALL_TO_ACTION.matcher(p).find()) {
                found++;
                assertThat(Furniture.mayCallToAction(Furniture.fold(p))).as(p).isTrue();
            }
        }
        assertThat(found).isGreaterThan(1_000);
        assertThat(Furniture.mayCallToAction(Furniture.fold("The storm reached the coast on Monday night."))).isFalse();
    }

    @Test
    void aParagraphWithoutTheCopyrightWordsCannotMatchItsPattern() {
        String[] lines = {"© 2024 The Paper", "(C) 2024 The Paper", "COPYRIGHT 2024 THE PAPER", "Copyright © The Paper",
            "The Paper. ALL RIGHTS RESERVED", "Alle Rechte vorbehalten.", "Tous droits réservés", "Todos los derechos reservados",
            "Tutti i diritti riservati", "Todos os direitos reservados", "Alle rechten voorbehouden", "Wszelkie prawa zastrzeżone",
            "Все права защищены", "جميع الحقوق محفوظة", "版权所有", "版權所有"};
        for (String p : lines) {
            assertThat(Furniture.isFurniture(p, 0)).as(p).isTrue();
            assertThat(Furniture.mayBeCopyright(Furniture.fold(p))).as(p).isTrue();
        }
        assertThat(Furniture.mayBeCopyright(Furniture.fold("The court ruled on the copyright of the song."))).isTrue();
        assertThat(Furniture.isFurniture("The court ruled on the copyright of the song.", 0)).isFalse();
        assertThat(Furniture.mayBeCopyright(Furniture.fold("The storm reached the coast on Monday night."))).isFalse();
    }
}
