"""Name pools of the Western Balkans, the UK and a few partner countries, in native spelling.

Lists are small and curated, in rough order of frequency (earlier = more common); weights are
derived from the rank. Sources (public facts, see shared/reference/domain-facts.md §7.2):

- Serbia: Republic Statistical Office (RZS), "Najčešća imena i prezimena", 2022 census; newborn
  names 2021 (RZS via uzice.online). First names are split by birth cohort.
- Kosovo*: Kosovo Agency of Statistics, "Names and surnames in Kosovo" (2013, 2011 census):
  Krasniqi the most common surname, Fatime and Bajram the most common first names.
- Albania: INSTAT civil-status name statistics (all-time peaks Lindita, Arben, Mimoza, Gëzim,
  Shpresa).
- Bosnia and Herzegovina: Forebears-based estimates (Hodžić, Kovačević, Marković...), and the
  three naming pools (Bosniak, Serb, Croat).
- North Macedonia: mk.wikipedia "Презиме" (Стојановски, Николовски, Јовановски...), gendered
  surnames (-ски/-ска, -ов/-ова, -ев/-ева); Albanian community names.
- Montenegro: common surnames (general knowledge; no official frequency table found).
- United Kingdom: ONS surname and baby-name rankings (general knowledge).

Macedonian pools are written in Cyrillic (their native script); all others in Latin with
diacritics. Each pool gives surnames and first names by sex and birth cohort
(``old`` born before 1970, ``mid`` 1970-1994, ``young`` 1995 or later).
"""

from __future__ import annotations

__all__ = ["REGIONAL_POOLS"]

#: pool id -> field -> whitespace-separated names (multi-word names joined with "_").
REGIONAL_POOLS: dict[str, dict[str, str]] = {
    "sr": {
        "script": "slavic",
        "surnames": """Jovanović Petrović Nikolić Marković Đorđević Stojanović Ilić Stanković
            Pavlović Milošević Popović Janković Todorović Živković Savić Kovačević Ristić
            Lazić Mitrović Kostić Obradović Ivanović Radovanović Tomić Stevanović Milenković
            Marinković Đurić Simić Pešić Vasić Lukić Mladenović Stefanović Nedeljković
            Ćirić Zdravković Gajić Jeremić Vučković Šarić Krstić Filipović Bogdanović""",
        "male_old": """Dragan Zoran Milan Goran Slobodan Miroslav Dragoljub Radomir Branislav
            Predrag Živko Miodrag Vojislav Ljubiša Dušan Milorad Nenad Srđan Željko""",
        "male_mid": """Aleksandar Nikola Marko Miloš Dejan Nemanja Ivan Vladimir Stefan Uroš
            Đorđe Milan Dušan Bojan Darko Vladan Igor Filip""",
        "male_young": """Luka Lazar Vuk Stefan Vasilije Bogdan Aleksa Nikola Filip Vukašin Andrej
            Mihajlo Petar Đorđe Ognjen Dimitrije Strahinja Pavle""",
        "female_old": """Ljiljana Snežana Gordana Mirjana Dragana Vesna Slavica Zorica Radmila
            Jasmina Biljana Dušica Svetlana Nada Verica Danica""",
        "female_mid": """Jelena Milica Marija Ivana Ana Jovana Tijana Katarina Aleksandra Tamara
            Nataša Sanja Dragana Ksenija Maja Bojana""",
        "female_young": """Sofija Milica Dunja Mila Sara Teodora Una Tara Nikolina Nađa Anđela
            Lana Ena Vasilija Iva Jana Lenka""",
    },
    "hr": {
        "script": "slavic",
        "surnames": """Babić Marić Jurić Knežević Kovačević Perić Horvat Tomić Šimić Barišić
            Marković Ivanković Zovko Ćorić Bošnjak Vidović Jelić Rajić Grgić Pavić Matić
            Božić Kovač Lovrić Petrović""",
        "male_old": """Ivan Josip Stjepan Ivica Ante Mato Franjo Zdravko Drago Mladen Pero""",
        "male_mid": """Marko Mario Tomislav Dario Ivan Zvonimir Krešimir Hrvoje Goran Davor""",
        "male_young": """Luka Ivan Marko Mate Petar Ante Josip Nikola Filip Jakov Frano""",
        "female_old": """Marija Kata Ana Mirjana Ljubica Ankica Dragica Vesna Đurđica""",
        "female_mid": """Ivana Marina Martina Josipa Katarina Anita Sanja Ivona Kristina""",
        "female_young": """Ana Lucija Petra Mateja Marija Ema Lana Anđela Nika Katarina""",
    },
    "bs": {
        "script": "slavic",
        "surnames": """Hodžić Hadžić Mehmedović Halilović Begić Delić Salihović Husić Omerović
            Alić Hasanović Mujić Ibrahimović Softić Avdić Karić Smajić Mešić Zukić
            Hrustanović Mustafić Bešić Selimović Čaušević Kurtović Jusić""",
        "male_old": """Safet Enver Mehmed Husein Hasan Ibrahim Muharem Sead Fikret Asim Ramiz""",
        "male_mid": """Emir Adnan Mirza Senad Edin Nedim Almir Elvir Samir Jasmin Suad Nermin
            Muhamed Haris Armin""",
        "male_young": """Amar Kenan Harun Tarik Adin Emin Daris Vedad Ajdin Hamza Eman""",
        "female_old": """Fatima Hatidža Mirsada Senada Zejna Šuhra Đulsa Munira Hajra""",
        "female_mid": """Amela Edina Alma Azra Aida Sabina Lejla Selma Amra Merima Belma""",
        "female_young": """Lejla Amina Ajla Emina Sara Merjem Ajna Hana Esma Naida""",
    },
    "me": {
        "script": "slavic",
        "surnames": """Popović Marković Vujović Vuković Radulović Bošković Perović Šćepanović
            Vujačić Đurović Lakić Vukčević Vujošević Radović Knežević Nikolić Bulatović
            Kalezić Raičević Mugoša Drobnjak Dragović Krivokapić Kavarić Jovanović""",
        "male_old": """Blažo Vukota Novak Radovan Boško Milorad Veselin Ranko Dragan Milo""",
        "male_mid": """Marko Nikola Vladimir Igor Dragan Milan Petar Ivan Aleksandar Nemanja""",
        "male_young": """Luka Vuk Danilo Lazar Balša Stefan Petar Filip Matija Andrej""",
        "female_old": """Milena Ljubica Radmila Danica Vesna Snežana Gordana Zorka""",
        "female_mid": """Jelena Milica Marija Ivana Sanja Dragana Danijela Biljana Nevena""",
        "female_young": """Milica Jovana Anđela Tijana Sara Lana Nađa Ana Teodora""",
    },
    "mk": {
        "script": "mk",
        "surnames": """Стојановски Николовски Јовановски Петровски Ивановски Трајковски
            Димитровски Георгиевски Ѓорѓиевски Костовски Митревски Ангеловски Стефановски
            Илиевски Спасовски Атанасов Петров Трајанов Стојанов Наумовски Ристовски
            Велковски Панов Кочовски Андоновски Блажевски Јанев Ѓорѓев""",
        "male_old": """Трајче Благоја Методија Љупчо Кирил Стојан Томе Ристо Петре Ѓорѓи""",
        "male_mid": """Горан Дејан Александар Зоран Влатко Бојан Игор Дарко Владимир Никола""",
        "male_young": """Никола Стефан Филип Марко Давид Андреј Методиј Јован Костадин Петар""",
        "female_old": """Снежана Весна Билјана Гордана Верица Цвета Лилјана Благица""",
        "female_mid": """Марија Елена Ивана Катерина Александра Маја Даниела Соња Нина""",
        "female_young": """Ана Јована Теодора Симона Марија Елена Сара Мила Ива""",
    },
    "mk_sq": {
        "script": "albanian",
        "surnames": """Ademi Sulejmani Iseni Rexhepi Memeti Bajrami Idrizi Jashari Selmani Aliu
            Ramadani Asani Zeqiri Ismaili Mustafa Emini Shabani Veliu""",
        "male_old": """Besim Xhevdet Nazmi Ramiz Shaban Ismet Abdulla Fadil""",
        "male_mid": """Arben Bujar Agim Driton Ilir Fatmir Artan Bekim Arianit Blerim""",
        "male_young": """Arbër Dion Erion Leart Enis Ardit Muhamed Rinor""",
        "female_old": """Fatime Hava Sadete Nexhmije Lirije Hatixhe""",
        "female_mid": """Arta Blerta Merita Drita Shqipe Valentina Arbnora Mimoza""",
        "female_young": """Elona Erza Rina Albina Ajla Edona Lea""",
    },
    "al": {
        "script": "albanian",
        "surnames": """Hoxha Shehu Marku Çela Kola Dervishi Muça Kurti Gjoka Lleshi Sula Hysa
            Gjoni Balla Elezi Duka Leka Prifti Kapllani Bregu Dema Meta Hasani Basha Kodra
            Zeneli Çani Gjika Xhafa Dibra Ndreu Brahimi""",
        "male_old": """Arben Gëzim Agim Fatmir Sokol Ilir Petrit Ylli Shkëlqim Vasil Gjergj
            Astrit Bujar Skënder Qemal""",
        "male_mid": """Dritan Artan Altin Ervin Alban Elton Erion Arjan Olsi Erjon Gentian
            Kujtim Florian""",
        "male_young": """Andi Klajdi Ardit Endri Redi Kristian Ergi Aleksandër Amar Noel""",
        "female_old": """Lindita Mimoza Shpresa Drita Valbona Lumturi Flutura Vitore Liljana
            Mirela Eleni""",
        "female_mid": """Majlinda Merita Alma Anila Ornela Elona Jonida Entela Blerina Silvana""",
        "female_young": """Kristi Ina Anxhela Eni Anisa Sara Klea Ajola Xhesika Denisa Amelia""",
    },
    "xk": {
        "script": "albanian",
        "surnames": """Krasniqi Berisha Morina Shala Gashi Hoxha Bytyqi Kryeziu Rexhepi Ahmeti
            Hasani Osmani Zeqiri Thaçi Sylejmani Bajrami Jashari Mustafa Maloku Haxhiu
            Kelmendi Halili Rama Salihu Avdiu Hyseni Mehmeti Sadiku""",
        "male_old": """Bajram Fadil Ramadan Isa Shaban Xhevat Sami Avni Hajdar Rexhep Ibrahim""",
        "male_mid": """Bekim Agim Ilir Valon Blerim Fatos Arianit Driton Besnik Naim Shpend""",
        "male_young": """Egzon Dion Arbër Albin Erion Leutrim Dren Lorik Endrit Rron""",
        "female_old": """Fatime Zoje Drita Shqipe Hava Nexhmije Lumnije Sabrije Mirvete""",
        "female_mid": """Arta Blerta Donika Vlora Teuta Albulena Valbona Merita Mimoza""",
        "female_young": """Qëndresa Fjolla Rina Era Dafina Erëza Ariana Elsa Jeta""",
    },
    "en": {
        "script": "english",
        "surnames": """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson
            Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Wood
            Harris Lewis Martin Jackson Clarke""",
        "male_old": """David John Michael Paul Peter Stephen Robert Richard Andrew Mark""",
        "male_mid": """Christopher James Daniel Matthew Lee Craig Darren Jason Steven Ryan""",
        "male_young": """Oliver Jack Harry George Thomas Charlie Jacob Alfie Joshua Callum""",
        "female_old": """Susan Margaret Linda Julie Karen Patricia Elaine Janet Helen""",
        "female_mid": """Sarah Emma Laura Claire Nicola Rachel Lisa Gemma Kelly""",
        "female_young": """Amelia Olivia Emily Charlotte Sophie Jessica Chloe Hannah Lauren""",
    },
    "nl": {
        "script": "english",
        "surnames": """Peeters Janssens Maes Jacobs Mertens Willems De_Jong Jansen De_Vries
            Van_den_Berg Bakker Visser Smits Claes""",
        "male_old": """Jan Dirk Marc Luc Willem Peter""",
        "male_mid": """Kevin Tom Stijn Wouter Bart Tim Joris""",
        "male_young": """Bram Lars Milan Daan Arne""",
        "female_old": """Maria Anne Ingrid Martine""",
        "female_mid": """Sofie Els Lotte Eva""",
        "female_young": """Emma Noor Lisa Julie""",
    },
}
