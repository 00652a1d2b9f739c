package org.worldwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeotaggerTest {
    private final Geotagger tagger = Geotagger.load();

    private GeoTags tag(String title, String text) {
        return tagger.tag(title, text, null);
    }

    @Test
    void georgiaWithAtlantaAndTheGovernorIsTheUsState() {
        assertThat(tag("Storms hit Georgia", "Gov. Brian Kemp said Atlanta and the rest of Georgia should expect flooding.").countries())
                .containsExactly("US");
    }

    @Test
    void georgiaWithTbilisiIsTheCountry() {
        assertThat(tag("Protests in Georgia", "Thousands marched in Tbilisi as Georgia's parliament debated the law.").countries())
                .containsExactly("GE");
    }

    @Test
    void michaelJordanIsAPersonNotTheKingdom() {
        assertThat(tag("Basketball legend honoured", "Michael Jordan was honoured in Chicago, Illinois on Friday.").countries())
                .containsExactly("US");
    }

    @Test
    void jordanNextToSyriaIsTheCountry() {
        assertThat(tag("Refugees cross into Jordan", "Syrian refugees crossed the border into Jordan from Syria.").countries())
                .containsExactlyInAnyOrder("JO", "SY");
    }

    @Test
    void aSmallTownNamedLikeACountryCountsWhereItsStateIsGiven() {
        assertThat(tag("Mayor re-elected", "The mayor of Denmark, S.C., won a third term on Tuesday.").countries())
                .containsExactly("US");
    }

    @Test
    void aSmallTownNeverTakesACountrysNameWithoutItsState() {
        assertThat(tag("Early harvest", "Farmers in Denmark harvested early this year, the ministry said.").countries())
                .containsExactly("DK");
    }

    @Test
    void aTownKnownOnlyAsASmallTownCountsWhereTheArticlePlacesIt() {
        assertThat(tag("Barn fire", "Crews fought a barn fire in Biglerville, Pa., on Monday night.").countries())
                .containsExactly("US");
        assertThat(tag("Barn fire", "Crews fought a barn fire in Biglerville, Pennsylvania, on Monday night.").countries())
                .containsExactly("US");
        assertThat(tag("Council votes", "APPOMATTOX — The town council voted on Monday to repave two streets.").countries())
                .containsExactly("US");
    }

    @Test
    void aTownKnownOnlyAsASmallTownDoesNotCountOnItsNameAlone() {
        assertThat(tag("Barn fire", "Crews fought a barn fire in Biglerville on Monday night.").countries()).isEmpty();
    }

    @Test
    void anEnglishCountyIsKnown() {
        assertThat(tag("Roads closed", "Flooding closed roads across Hertfordshire on Sunday, the county council said.").countries())
                .containsExactly("GB");
    }

    @Test
    void aCountyNamedLikeABiggerForeignTownGoesWithItsCountrysOtherPlaces() {
        assertThat(tag("Homes flooded", "Heavy rain flooded homes in Surrey, in the south of England, overnight.").countries())
                .containsExactly("GB");
    }

    @Test
    void parisTexasIsInTheUnitedStates() {
        assertThat(tag("Local fair opens", "The county fair opened in Paris, Texas, on Saturday.").countries())
                .containsExactly("US");
        assertThat(tag("Obituary", "John Smith, 70, of Paris, TX died on Monday.").countries()).containsExactly("US");
    }

    @Test
    void parisAloneIsTheFrenchCapital() {
        assertThat(tag("Fashion week", "Designers gathered in Paris for the spring shows.").countries()).containsExactly("FR");
    }

    @Test
    void alexandriaWithCairoIsInEgyptAndWithVirginiaInTheUnitedStates() {
        assertThat(tag("Port reopens", "The port of Alexandria reopened, officials in Cairo said.").countries())
                .containsExactly("EG");
        assertThat(tag("Council meets", "The Alexandria city council in Virginia approved the budget.").countries())
                .containsExactly("US");
    }

    @Test
    void demonymsStandForTheirCountries() {
        assertThat(tag("Talks", "Azerbaijani and Turkish ministers met on Tuesday.").countries())
                .containsExactlyInAnyOrder("AZ", "TR");
    }

    @Test
    void abbreviationsAreCountries() {
        assertThat(tag("U.S. and UK agree", "The deal was signed.").countries()).containsExactlyInAnyOrder("US", "GB");
    }

    @Test
    void organisationsOfStatesAreKeptApartFromCountries() {
        GeoTags t = tag("NATO and the EU respond", "The European Union and the United Nations met with the African Union in Addis Ababa.");
        assertThat(t.organisations()).containsExactlyInAnyOrder("NATO", "EU", "UN", "AU");
        assertThat(t.countries()).containsExactly("ET");
    }

    @Test
    void countyNamesPointToTheUnitedStates() {
        assertThat(tag("Sheriff report", "Deputies from the Rapides Parish sheriff's office arrived.").countries())
                .containsExactly("US");
    }

    @Test
    void countryNamesInTenLanguages() {
        assertThat(tag("", "Le président de la France s'est rendu en Allemagne.").countries()).containsExactlyInAnyOrder("FR", "DE");
        assertThat(tag("", "Die Bundesregierung kritisierte Russland und die Türkei.").countries()).containsExactlyInAnyOrder("RU", "TR");
        assertThat(tag("", "El gobierno de España firmó un acuerdo con México.").countries()).containsExactlyInAnyOrder("ES", "MX");
        assertThat(tag("", "O presidente do Brasil visitou a Argentina.").countries()).containsExactlyInAnyOrder("BR", "AR");
        assertThat(tag("", "Il governo italiano ha parlato con la Grecia.").countries()).contains("GR");
        assertThat(tag("", "Президент России встретился с лидером Китая в Москве.").countries()).contains("RU");
        assertThat(tag("", "زار وزير الخارجية مصر والأردن.").countries()).containsExactlyInAnyOrder("EG", "JO");
        assertThat(tag("", "Türkiye'nin başkenti Ankara'da Almanya ile görüşme yapıldı.").countries()).containsExactlyInAnyOrder("TR", "DE");
        assertThat(tag("", "中国和日本的领导人在北京会晤。").countries()).containsExactlyInAnyOrder("CN", "JP");
    }

    @Test
    void primaryCountryIsTheOneTheStoryIsAbout() {
        GeoTags t = tag("Earthquake strikes Turkey", "A strong earthquake hit eastern Turkey. Greece offered help. Turkey's officials said Ankara would coordinate.");
        assertThat(t.primary()).containsExactly("TR");
        assertThat(t.countries()).containsExactly("TR", "GR");
    }

    @Test
    void sourceCountryTipsAnUnclearName() {
        assertThat(tagger.tag("Floods", "Heavy rain flooded roads across Georgia on Monday.", null).countries()).containsExactly("GE");
        assertThat(tagger.tag("Floods", "Heavy rain flooded roads across Georgia on Monday.", "us").countries()).containsExactly("US");
        assertThat(tagger.tag("Fire downtown", "A fire broke out in Kingston, Ontario on Monday night.", null).countries()).containsExactly("CA");
    }

    @Test
    void commonWordsAndEmptyTextTagNothing() {
        assertThat(tag("", "").countries()).isEmpty();
        assertThat(tag("Police said", "Police said the street was closed in March.").countries()).isEmpty();
    }

    @Test
    void placeNamedLikeAnOrdinaryWordCountsOnlyWithSupport() {
        assertThat(tag("Man found dead in his car", "Man found dead in his car near the old mill, the sheriff said.").countries())
                .isEmpty();
        assertThat(tag("NICE to tidy neighborhoods", "NICE volunteers will clean up the parks on Saturday morning.").countries())
                .isEmpty();
        assertThat(tag("Festival", "The festival in Nice drew visitors from all over France this week.").countries())
                .containsExactly("FR");
        // after "in", mid-sentence, the word is the city's name
        assertThat(tag("Memorial", "Thousands gathered in Nice on Friday for the memorial of the victims.").countries())
                .containsExactly("FR");
        // the lists are English: in a French text "Nice" is only the city
        assertThat(tag("", "Le maire de Nice a présenté le budget de la ville devant le conseil municipal.").countries())
                .containsExactly("FR");
    }

    @Test
    void firstNamesAreNotTownsWithoutSupport() {
        assertThat(tag("Award", "Mary handed the award to David at the dinner, and everyone cheered for them.").countries())
                .isEmpty();
        assertThat(tag("Team wins", "Chad Foster scored twice as the team won its third game in a row. Chad was named player of the week.")
                .countries()).isEmpty();
        assertThat(tag("Border talks", "Chad and Niger agreed to reopen the border crossing next week.").countries())
                .containsExactlyInAnyOrder("TD", "NE");
        assertThat(tag("Skater", "Nine-year-old Georgia Stevens is lacing up her skates. Georgia began skating at four.").countries())
                .isEmpty();
    }

    @Test
    void placeFollowedByAnOrdinaryNounIsStillThePlace() {
        assertThat(tag("Arrest", "A Gainesville man was arrested on Saturday, Gainesville Police said.").countries()).containsExactly("US");
        assertThat(tag("Data due", "The Virginia Department of Education will release the data today for all of the schools.").countries())
                .containsExactly("US");
        assertThat(tag("Six Flags Over Texas sells beer", "Patrons of the park can buy beer at six places from today.").countries())
                .containsExactly("US");
    }

    @Test
    void initialOfAMiddleNameEndsNoSentence() {
        // "M." is an initial, so "Perez" follows a name and is a person, not the Argentine town
        assertThat(tag("Robbery", "Robert M. Perez drove the car to the house on the day before the robbery.").countries()).isEmpty();
    }

    @Test
    void newsAgencyStateAbbreviationsAfterATownNameTheState() {
        assertThat(tag("Obituary", "Interment will be in the Union Cemetery, Friedensburg, Pa., on Friday.").countries())
                .containsExactly("US");
        assertThat(tag("Fire", "EDMONTON, Ky (WBKO) -- One of the biggest fires in years destroyed a store.").countries())
                .containsExactly("US");
        assertThat(tag("Protection", "CHARLESTON, W.Va. -- The forest will be protected, the senator said.").countries())
                .containsExactly("US");
        assertThat(tag("Baby", "When Lucy was born in Churchill, Man. her parents did not know if she would live.").countries())
                .containsExactly("CA");
        // "St." opens a longer name and is no state
        assertThat(tag("Festival", "The festival opened on Nevsky Prospekt, St. Petersburg's main street.").countries())
                .containsExactly("RU");
    }

    @Test
    void streetNamedAfterAPlaceCountsOnlyWhenTheArticleBacksIt() {
        assertThat(tag("Shooting", "Thomas Frye, 20, of the 900 block of Flanders Road, was driving the car.").countries()).isEmpty();
        assertThat(tag("Crash", "A motorcycle wreck on Rivers Avenue killed a passenger on Monday.").countries()).isEmpty();
    }

    @Test
    void namePrefixMakesAnotherPlace() {
        assertThat(tag("Weatherization", "The program has its roots in New England during the energy crisis.").countries())
                .isEmpty();
        assertThat(tag("Forum", "The forum is planned for April 22 at Mt. Vernon and the school.").countries()).isEmpty();
        // in Spanish too: "Nueva York" is not York, England
        assertThat(tag("", "El alcalde viajó a Nueva York la semana pasada para la reunión.").countries()).doesNotContain("GB");
    }

    @Test
    void datelineNamesWhereTheReportWasWritten() {
        assertThat(tag("Council", "MIDDLETOWN — The town council met on Monday to discuss the budget.").countries())
                .containsExactly("US");
    }

    @Test
    void hyphenatedWordsAreReadAsTheirParts() {
        assertThat(tag("Rethinking Egypt-US relations", "Relations have been tense for years.").countries())
                .containsExactlyInAnyOrder("EG", "US");
        assertThat(tag("", "Die deutsch-französischen Beziehungen und die Russland-Politik wurden besprochen.").countries())
                .contains("RU");
        assertThat(tag("", "Guinea-Bissau held elections on Sunday.").countries()).containsExactly("GW");
    }

    @Test
    void townBodyAfterANameMakesItTheTownNotTheCapital() {
        // the ambiguities, settled by words around the name: Athens and Paris in the United States
        assertThat(tag("City Council talks money", "The Athens City Council was given a budget update on Wednesday morning.").countries())
                .containsExactly("US");
        assertThat(tag("Council looks over list", "Paris City Council asked the city manager to expand the plan. Paris will vote in May.")
                .countries()).containsExactly("US");
        assertThat(tag("Parks", "Athens Parks and Recreation said the city parks are open for skating.").countries())
                .containsExactly("US");
        // without such words the capital stands
        assertThat(tag("Talks", "The ministers met in Athens on Monday to discuss the debt.").countries()).containsExactly("GR");
    }

    @Test
    void tinyTerritoryDoesNotOutweighATownOfTheSameName() {
        // Norfolk Island has under a thousand people; Norfolk, Virginia a quarter of a million
        assertThat(tag("Students", "A guidance counselor at a school in Norfolk works with students on their college options.").countries())
                .containsExactly("US");
    }

    @Test
    void nameBeforeTheWordCountyIsTheCounty() {
        assertThat(tag("Outlet mall", "Shoppers drive to outlet malls in Geauga and Medina counties every weekend.").countries())
                .containsExactly("US");
        assertThat(tag("River clean-up", "Volunteers from Nassau and Baker counties in Florida will take part.").countries())
                .containsExactly("US");
    }

    @Test
    void smallTownNamedAgainAndAgainIsNotTakenAbroadWhenTheArticleIsAboutAnotherCountry() {
        // "Obama" is also a Japanese town of 30,000: in an article about Egypt and Israel it is the president
        assertThat(tag("What policy?", "We do not know where the Obama administration is heading on Israel and Egypt. "
                + "The Obama team has said little since.").countries()).containsExactlyInAnyOrder("IL", "EG");
    }

    @Test
    void nameWithAnAgeAfterItIsAPerson() {
        assertThat(tag("Bus ride", "Tina consoles her youngest son Joshua, 4, as they walk up the lane to the house.").countries())
                .isEmpty();
    }

    @Test
    void midSizedForeignTownAloneDoesNotCountInAnArticleAboutAnotherCountry() {
        // The Woodlands is in Texas; Woodlands, a Singapore town of 250,000, is not what a Pennsylvania story means
        assertThat(tag("Apartments", "The building in Allegheny County is owned by the Woodlands Foundation, a nonprofit agency.")
                .countries()).containsExactly("US");
        // a big city still counts
        assertThat(tag("Trip", "The choir from Allegheny County will sing in Tokyo next spring.").countries())
                .containsExactlyInAnyOrder("US", "JP");
    }

    @Test
    void smallTownAfterAPrepositionOfPlaceCounts() {
        assertThat(tag("Basement fire", "A house fire in Scottdale was put out so quickly yesterday that nobody was hurt.").countries())
                .containsExactly("US");
        // without the preposition a town of 10,000 is not enough on its own
        assertThat(tag("Basement fire", "Scottdale firefighters put the fire out so quickly yesterday that nobody was hurt.").countries())
                .isEmpty();
    }

    @Test
    void aBareTownNameInAnAmericanLocalReportIsTheAmericanTown() {
        // Nothing names a state; the house number with "St.", the dollars and "p.m." say an American paper wrote it.
        String text = "Alexandria police were called to a home at 2200 Maple St. at 7:35 p.m. Sunday after neighbors heard "
                + "shouting. Bail was set at $5,000.";
        assertThat(tag("Alexandria couple charged", text).countries()).containsExactly("US");
        // The same name in a report about Egypt stays Egyptian: the prior only settles what nothing else does.
        assertThat(tag("Ferry service resumes", "Ferries left Alexandria for Cairo and Port Said on Sunday, Egypt's transport "
                + "ministry said. Tickets cost $5.").countries()).containsExactly("EG");
    }

    @Test
    void writingConventionsTellAmericanFromBritishEnglish() {
        assertThat(conventions("The neighborhood theater reopened at 8 p.m. with a $10 ticket.")).isEqualTo("US");
        assertThat(conventions("The council's programme for the town centre will cost £2m, whilst the theatre waits.")).isEqualTo("GB");
        assertThat(conventions("The hearing on March 4 was moved to Feb. 9, the mayor said.")).isEqualTo("US");
        assertThat(conventions("The hearing on 4 March was moved to 9 February after a reorganisation.")).isEqualTo("GB");
        assertThat(conventions("Mr Jones told Dr Patel that the bus was late.")).isEqualTo("GB");
        assertThat(conventions("Mr. Jones told Dr. Patel that the bus was late.")).isEqualTo("US");
        // AP and Chicago write "percent"; British, Canadian and Australian style guides "per cent"
        assertThat(conventions("Members pay 15 percent less, and families up to 40 percent less, the club said.")).isEqualTo("US");
        assertThat(conventions("Members pay 15 per cent less, and families up to 40 per cent less, the club said.")).isEqualTo("GB");
        // a legislator's party and home town, customary units and the sheriff are American usage
        assertThat(conventions("Harlan, R-Cedar Hollow, went before a Senate committee with Rep. Doe (D-Minn.).")).isEqualTo("US");
        assertThat(conventions("Rain barrels hold up to 50 gallons each, the sheriff's office said.")).isEqualTo("US");
        assertThat(conventions("The minister spoke to reporters on Tuesday.")).isNull();
        assertThat(conventions("Le ministre a parlé aux journalistes mardi.")).isNull();
    }

    @Test
    void aLocalNoticeThatNamesNoPlaceIsAboutTheSourcesCountry() {
        String notice = "The volunteer fire department will hold its annual chili supper at 6 p.m. Saturday. Tickets are $8 "
                + "at the door, and the proceeds buy new hoses.";
        assertThat(tagger.tag("Chili supper Saturday", notice, "ca").countries()).containsExactly("CA");
        // with no source, the writer's conventions (dotted p.m., dollars) stand for it
        assertThat(tag("Chili supper Saturday", notice).countries()).containsExactly("US");
        // a text that follows no country's conventions and names no place stays untagged
        assertThat(tag("Results", "The committee met and approved the minutes.").countries()).isEmpty();
    }

    @Test
    void aSurnameAfterAFirstNameIsAPersonEvenWhenMoreOfTheNameFollows() {
        // "Bush" is a town in Egypt; "George Bush Jr" makes it a surname, and so it is in "the Bush administration"
        assertThat(tag("Ties cool", "Under George Bush Jr, relations cooled. The Bush administration ignored "
                + "advice from Cairo.").countries()).containsExactly("EG");
        var explained = new java.util.ArrayList<String>();
        tagger.tag("Ties", "Under George Bush Jr, relations cooled. The Bush administration ignored advice from Cairo.", null, explained);
        assertThat(explained).noneMatch(line -> line.startsWith("bush"));
    }

    @Test
    void aCuisineOrARestaurantNamedForACountryIsNotThatCountry() {
        assertThat(tag("County fair opens", "Visitors lined up for Mexican food and Polish sausage at the fair in Dayton, Ohio.")
                .countries()).containsExactly("US");
        assertThat(tag("Inspections", "Inspectors closed the Bangkok Thai Restaurant and the Greek and Italian Grill in Boise, "
                + "Idaho, last week.").countries()).containsExactly("US");
        // the article backs the country otherwise: then the restaurant's name counts too
        assertThat(tag("Chef returns", "The chef left Tokyo for Osaka, then opened the Tokyo Japanese Restaurant in Japan.")
                .countries()).containsExactly("JP");
    }

    @Test
    void aPlaceNameUsedForAStreetIsTheStreetEverywhereInTheArticle() {
        assertThat(tag("Crash", "A truck crashed on Kano Avenue in Austin, Texas. Police closed the road near Kano and Lamar "
                + "avenues for an hour.").countries()).containsExactly("US");
    }

    @Test
    void theNameAfterAStreetAddressIsATownEverywhereInTheArticle() {
        // "Jordan" is a kingdom and a town in Minnesota; after "412 Oak St.," it can only be the town
        assertThat(tag("Obituary", "Services will be held at the Smith Funeral Home, 412 Oak St., Jordan. She moved to Jordan "
                + "in 1961.").countries()).containsExactly("US");
        // "10 Downing Street, London": a capital stays a capital
        assertThat(tag("Visit", "The minister arrived at 10 Downing Street, London, on Monday.").countries()).containsExactly("GB");
    }

    private static String conventions(String text) {
        return WritingConventions.likelyCountry(text, Tokens.tokens(text));
    }
}
