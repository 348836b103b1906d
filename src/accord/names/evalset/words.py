"""Word lists for the labelled evaluation set: common given names and surnames of the region.

These are public naming facts (census tables, civil-status statistics, common knowledge of the
naming traditions), written out by hand. Serbian names are in Gaj Latin, Macedonian names in
Cyrillic, Albanian and Turkish names in their own alphabets; the generator derives the other
scripts and spellings with its own tables. Arabic and Persian names come with their script form
and a few of the Latin spellings found in documents.
"""

from __future__ import annotations

__all__ = [
    "ALBANIAN_FEMALE",
    "ALBANIAN_MALE",
    "ALBANIAN_SURNAMES",
    "ARABIC_FEMALE",
    "ARABIC_MALE",
    "ARABIC_SURNAMES",
    "BOSNIAK_FEMALE",
    "BOSNIAK_MALE",
    "BOSNIAK_SURNAMES",
    "COMPOUND_ARABIC",
    "DISTINCT_GIVEN",
    "GENDER_PAIRS",
    "MACEDONIAN_FEMALE",
    "MACEDONIAN_MALE",
    "MACEDONIAN_SURNAMES",
    "PERSIAN_FEMALE",
    "PERSIAN_MALE",
    "PERSIAN_SURNAMES",
    "SERBIAN_FEMALE",
    "SERBIAN_MALE",
    "SERBIAN_SURNAMES",
    "SIMILAR_SURNAMES",
    "TURKISH_FEMALE",
    "TURKISH_MALE",
    "TURKISH_SURNAMES",
]

SERBIAN_MALE = (
    "Dragan Aleksandar Milan Nikola Zoran Marko Miloš Goran Dejan Dušan Đorđe Vuk Lazar Luka "
    "Stefan Nenad Vladimir Predrag Slobodan Miroslav Branko Ljubomir Ljubiša Željko Živko Čedomir "
    "Vukašin Bogdan Filip Aleksa Vasilije Dragoljub Radoslav Đuro Srđan Uroš Darko Ivan Petar "
    "Jovan Mihajlo Novak Nemanja Vojislav Dalibor Saša Bojan Milorad Radovan"
).split()

SERBIAN_FEMALE = (
    "Jelena Milica Marija Dragana Mirjana Ljiljana Snežana Ivana Gordana Ana Sofija Dunja Mila "
    "Sara Teodora Nađa Tamara Jovana Katarina Biljana Željka Vesna Slađana Svetlana Radmila "
    "Danijela Nataša Maja Tijana Anđela Ksenija Jasmina Zorica Olivera Branka"
).split()

SERBIAN_SURNAMES = (
    "Jovanović Petrović Nikolić Marković Popović Stojanović Ilić Ivanović Đorđević Janković "
    "Pavlović Stanković Milošević Kovačević Savić Đurović Šćepanović Vujačić Lakić Radulović "
    "Bošković Perović Vuković Vujović Živković Ćirić Đukić Čolić Todorović Mitrović Lukić "
    "Obradović Božović Ljubičić Đokić Stevanović Tomić Simić Knežević Ristić Marjanović Kostić "
    "Zečević Džakula Ljubisavljević Nešić Jakšić Gajić Vučković Milenković Šarić Ćosić"
).split()

BOSNIAK_MALE = (
    "Amar Emir Adnan Mirza Haris Kenan Armin Edin Senad Nedim Džemal Husein Alija Ćazim "
    "Hasan Safet Šefik Muhamed Jusuf Osman Ibrahim Enver Suad Nermin Elvir"
).split()

BOSNIAK_FEMALE = (
    "Amra Lejla Amina Selma Emina Ajla Aida Merima Sabina Fatima Hatidža Šejla Džana Azra Alma "
    "Nermina Belma Medina"
).split()

BOSNIAK_SURNAMES = (
    "Hodžić Hadžić Mehmedović Halilović Begić Delić Salihović Husić Omerović Alić Hasanović "
    "Muratović Šabanović Džafić Čaušević Bešić Karić Imamović Mujić Softić Hukić Ćatić"
).split()

MACEDONIAN_MALE = (
    "Трајче Горан Димитар Ѓорѓи Никола Зоран Бојан Златко Кирил Влатко Игор Љупчо Благоја "
    "Костадин Александар Драган Дејан Жарко Живко Ѓоко Марјан Никче Стојан Тоше Ацо"
).split()

MACEDONIAN_FEMALE = (
    "Нина Марија Елена Билјана Снежана Ивана Јасмина Весна Катерина Александра Жаклина Љубица "
    "Драгана Маја Ивона Симона Габриела Ана Надица Зорица"
).split()

# Male forms; the female forms are -ска, -ова, -ева.
MACEDONIAN_SURNAMES = (
    "Стојановски Николовски Јовановски Петровски Ивановски Трајковски Поповски Ѓорѓиевски "
    "Костовски Стефановски Ристовски Ќосески Митревски Наумовски Димитров Ангелов Тодоров "
    "Јаневски Спасовски Џамбазовски Алексовски Велјановски Жежовски Чавдаровски Шаревски "
    "Крстевски Ѓоргиев Цветковски Мицевски Илиевски"
).split()

ALBANIAN_MALE = (
    "Arben Ilir Andi Altin Gëzim Klajdi Ervin Agim Fatmir Ardit Alban Elton Endri Sokol Dritan "
    "Bajram Bekim Valon Egzon Dion Besim Bujar Shpend Xhevdet Xhemal Qemal Çlirim Gjergj Gjon "
    "Lulzim Përparim Afrim Driton Fisnik Shkëlzen Behxhet Rexhep Qazim Hysen Muharrem Llazar"
).split()

ALBANIAN_FEMALE = (
    "Lindita Mimoza Shpresa Fatime Drita Arta Blerta Valbona Anila Elona Anxhela Vjosa Zoje "
    "Marte Qëndresa Majlinda Merita Alma Kristi Eni Anisa Mirlinda Teuta Lumturije Vlora Xhenet "
    "Gjylije Shqipe Mrika Bukurije"
).split()

ALBANIAN_SURNAMES = (
    "Krasniqi Berisha Morina Shala Gashi Hoxha Bytyqi Kryeziu Rexhepi Ahmeti Hasani Osmani "
    "Zeqiri Shehu Marku Çela Kola Dervishi Muça Kurti Gjoka Lleshi Sula Hysa Gjoni Balla Elezi "
    "Ademi Sulejmani Iseni Memeti Bajrami Idrizi Jashari Selmani Aliu Qorri Xhaferi Hajdari "
    "Rrahmani Dushi Hyseni Mehmeti Gjinaj Kastrati Zhuri Dibra Gjeloshi Llapashtica"
).split()

TURKISH_MALE = (
    "Mehmet Mustafa Ahmet Ali Murat Hasan Hüseyin Yusuf Ramazan Ömer İbrahim İsmail Osman Halil "
    "Süleyman Emre Burak Serkan Oğuz Çağlar Tuğrul Doğukan Erdoğan Gökhan İlker Şükrü"
).split()

TURKISH_FEMALE = (
    "Fatma Ayşe Emine Hatice Zeynep Elif Merve Esra Özlem Gül Şule Büşra Gülşen Çiğdem Dilek "
    "Songül Tuğba Sevgi İrem Özge"
).split()

TURKISH_SURNAMES = (
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Çetin Kara Koç Kurt Özkan Şimşek Güneş Aktaş Erdoğan Bozkurt Türkmen Uçar Ağca Gündüz"
).split()

# (script form, Latin spellings found in documents). The first spelling is a common English one.
ARABIC_MALE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("محمد", ("Mohammed", "Muhammad", "Mohamed", "Mohammad", "Mohamad", "Muhamed", "Muhammed")),
    ("أحمد", ("Ahmed", "Ahmad", "Ahmet", "Achmed")),
    ("علي", ("Ali", "Aly")),
    ("حسن", ("Hassan", "Hasan", "Hassen")),
    ("حسين", ("Hussein", "Husain", "Hussain", "Husein", "Husayn", "Houssein")),
    ("عمر", ("Omar", "Umar", "Omer")),
    ("خالد", ("Khaled", "Khalid", "Halid")),
    ("يوسف", ("Youssef", "Yusuf", "Yousef", "Yousuf", "Jusuf", "Youcef", "Yusef")),
    ("إبراهيم", ("Ibrahim", "Ebrahim", "Ibraheem", "Brahim")),
    ("مصطفى", ("Mustafa", "Mostafa", "Moustafa", "Mustapha")),
    ("محمود", ("Mahmoud", "Mahmud", "Mahmood", "Mahmut")),
    ("عبد الله", ("Abdullah", "Abdallah", "Abdulla", "Abdellah", "Abd Allah")),
    (
        "عبد الرحمن",
        (
            "Abdul Rahman",
            "Abd al-Rahman",
            "Abdulrahman",
            "Abdel Rahman",
            "Abderrahmane",
            "Abdurrahman",
            "Abdelrahman",
            "Abd ar-Rahman",
        ),
    ),
    ("عبد العزيز", ("Abdulaziz", "Abdelaziz", "Abd al-Aziz", "Abdul Aziz")),
    ("عبد القادر", ("Abdelkader", "Abdulkadir", "Abd al-Qadir", "Abdul Qadir", "Abdelkadir")),
    ("سعيد", ("Said", "Saeed", "Saied", "Saïd")),
    ("رشيد", ("Rashid", "Rachid", "Rasheed")),
    ("كريم", ("Karim", "Kareem", "Kerim")),
    ("جمال", ("Jamal", "Gamal", "Djamel", "Jamel")),
    ("طارق", ("Tariq", "Tarek", "Tarik", "Tareq")),
    ("وليد", ("Walid", "Waleed", "Oualid")),
    ("بلال", ("Bilal", "Bilel")),
    ("حمزة", ("Hamza", "Hamzah", "Hamzeh")),
    ("عباس", ("Abbas", "Abas")),
    ("سليمان", ("Suleiman", "Sulaiman", "Sulayman", "Slimane", "Sulejman")),
    ("إسماعيل", ("Ismail", "Esmail", "Ismaeel", "Smail")),
    ("ياسين", ("Yassin", "Yasin", "Yacine", "Yassine")),
    ("أيمن", ("Ayman", "Aymen", "Aimen")),
    ("نبيل", ("Nabil", "Nabeel")),
    ("عادل", ("Adel", "Adil", "Aadil")),
    ("ماجد", ("Majid", "Majed", "Madjid")),
    ("زياد", ("Ziad", "Ziyad", "Zeyad")),
    ("أيوب", ("Ayoub", "Ayub", "Ayyub", "Ejub")),
    ("يونس", ("Younes", "Yunus", "Younis", "Yunis")),
    ("ناصر", ("Nasser", "Nasir", "Naser", "Nacer")),
    ("حامد", ("Hamid", "Hamed", "Hameed")),
    ("عثمان", ("Othman", "Osman", "Uthman", "Usman")),
    ("جعفر", ("Jafar", "Jaafar", "Djafar", "Jaffar")),
    ("حيدر", ("Haidar", "Haider", "Hayder", "Heidar")),
    ("فيصل", ("Faisal", "Faysal", "Feisal")),
)

ARABIC_FEMALE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("فاطمة", ("Fatima", "Fatma", "Fatimah", "Fatime")),
    ("خديجة", ("Khadija", "Khadijah", "Khadidja", "Hadija")),
    ("زينب", ("Zainab", "Zaynab", "Zeinab", "Zineb")),
    ("مريم", ("Maryam", "Mariam", "Meryem", "Mariem")),
    ("عائشة", ("Aisha", "Aysha", "Aicha", "Aishah")),
    ("أمينة", ("Amina", "Aminah")),
    ("نور", ("Nour", "Nur", "Noor")),
    ("سلمى", ("Salma", "Selma", "Salmah")),
    ("هدى", ("Huda", "Hoda", "Houda")),
    ("ريم", ("Reem", "Rim")),
    ("رنا", ("Rana",)),
    ("هالة", ("Hala", "Halah")),
    ("ليلى", ("Layla", "Leila", "Laila", "Leyla")),
    ("سارة", ("Sara", "Sarah")),
    ("أسماء", ("Asma", "Asmaa", "Esma")),
    ("إيمان", ("Iman", "Eman", "Imane")),
)

# Family names: (script form with the article where it has one, Latin spellings without article).
ARABIC_SURNAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("التميمي", ("Tamimi", "Tamimy")),
    ("الجبوري", ("Jubouri", "Juburi", "Jabouri", "Jbouri")),
    ("الشمري", ("Shammari", "Shamari", "Chammari")),
    ("العبيدي", ("Obaidi", "Ubaidi", "Obeidi", "Oubaidi")),
    ("المصري", ("Masri", "Masry", "Misri")),
    ("الحلبي", ("Halabi", "Halaby")),
    ("النجار", ("Najjar", "Najar", "Nadjar", "Naggar")),
    ("الخطيب", ("Khatib", "Khateeb")),
    ("الزعبي", ("Zoubi", "Zubi", "Zoabi", "Zuabi")),
    ("الدوري", ("Douri", "Duri", "Dury")),
    ("الهاشمي", ("Hashimi", "Hashemi", "Hachemi")),
    ("القحطاني", ("Qahtani", "Kahtani", "Gahtani")),
    ("حداد", ("Haddad", "Hadad")),
    ("خوري", ("Khoury", "Khouri", "Khuri")),
    ("منصور", ("Mansour", "Mansur", "Mansoor")),
    ("درويش", ("Darwish", "Darwich", "Derwich")),
    ("صالح", ("Saleh", "Salih")),
    ("العلي", ("Ali", "Aly")),
    ("الحسن", ("Hassan", "Hasan")),
    ("الأحمد", ("Ahmad", "Ahmed")),
    ("العمر", ("Omar", "Umar")),
    ("الرفاعي", ("Rifai", "Refai")),
    ("الكردي", ("Kurdi", "Kordi")),
    ("الطرابلسي", ("Trabelsi", "Tarabulsi")),
)

PERSIAN_MALE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("محمد", ("Mohammad", "Mohamad", "Muhammad", "Mohammed")),
    ("حسین", ("Hossein", "Hosein", "Hussein", "Husain")),
    ("علی", ("Ali", "Aly")),
    ("مهدی", ("Mehdi", "Mahdi")),
    ("رضا", ("Reza", "Rida")),
    ("امید", ("Omid", "Umed", "Omeed")),
    ("فرهاد", ("Farhad", "Farhod")),
    ("احمد", ("Ahmad", "Ahmed")),
    ("مصطفی", ("Mostafa", "Mustafa")),
    ("جواد", ("Javad", "Jawad")),
    ("سعید", ("Saeed", "Said", "Saied")),
    ("حمید", ("Hamid", "Hameed")),
    ("مجید", ("Majid", "Madjid", "Majeed")),
    ("وحید", ("Wahid", "Vahid", "Waheed")),
    ("فهیم", ("Fahim", "Faheem")),
    ("اجمل", ("Ajmal", "Ajmel")),
    ("هارون", ("Haroon", "Harun", "Haroun")),
    ("کریم", ("Karim", "Kareem")),
    ("یوسف", ("Yousef", "Yusuf", "Yosef")),
    ("بهرام", ("Bahram", "Behram")),
)

PERSIAN_FEMALE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("فاطمه", ("Fatemeh", "Fatima", "Fatemah")),
    ("زهرا", ("Zahra", "Zehra")),
    ("مریم", ("Maryam", "Mariam")),
    ("یلدا", ("Yalda",)),
    ("بهار", ("Bahar",)),
    ("رویا", ("Roya", "Rouya")),
    ("سحر", ("Sahar",)),
    ("پریسا", ("Parisa",)),
    ("ژیلا", ("Zhila", "Jila")),
    ("شیرین", ("Shirin", "Shireen")),
    ("نرگس", ("Narges", "Nargis")),
    ("لیلا", ("Leila", "Layla", "Leyla")),
    ("فریشته", ("Farishta", "Fereshteh", "Fereshta")),
    ("صدف", ("Sadaf",)),
)

PERSIAN_SURNAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("احمدی", ("Ahmadi", "Ahmady")),
    ("محمدی", ("Mohammadi", "Mohamadi", "Muhammadi")),
    ("رحیمی", ("Rahimi", "Rahimy")),
    ("عزیزی", ("Azizi", "Azizy")),
    ("نوری", ("Noori", "Nouri", "Nuri")),
    ("حکیمی", ("Hakimi", "Hakimy")),
    ("امیری", ("Amiri", "Amiry")),
    ("کریمی", ("Karimi", "Karimy")),
    ("حسینی", ("Hosseini", "Hoseini", "Husseini", "Hosseyni")),
    ("رضایی", ("Rezaei", "Rezaee", "Rezai", "Rezayi")),
    ("جعفری", ("Jafari", "Jaafari", "Djafari", "Jafary")),
    ("صادقی", ("Sadeghi", "Sadeqi", "Sadegi")),
    ("قاسمی", ("Ghasemi", "Qasemi", "Ghassemi", "Kasemi")),
    ("موسوی", ("Mousavi", "Musavi", "Moosavi", "Mousawi")),
    ("حیدری", ("Heydari", "Haidari", "Heidari", "Haydari")),
    ("نظری", ("Nazari", "Nazary")),
    ("یوسفی", ("Yousefi", "Yusufi", "Yousfi")),
    ("اکبری", ("Akbari", "Akbary")),
    ("صافی", ("Safi", "Saafi")),
    ("احمدزی", ("Ahmadzai", "Ahmadzay")),
    ("پوپلزی", ("Popalzai", "Popalzay")),
    ("سادات", ("Sadat", "Saadat")),
)

# Compound Arabic-origin given names: spellings of one name written as one, two or three words.
COMPOUND_ARABIC: tuple[tuple[str, ...], ...] = (
    ("Mohammad Reza", "Mohammadreza", "Mohammad-Reza", "Muhammad Reza"),
    ("Ali Reza", "Alireza", "Ali-Reza"),
    ("Nur al-Din", "Nuruddin", "Noureddine", "Nour Eddine", "Nureddin"),
    ("Salah al-Din", "Salahuddin", "Salaheddine", "Salah Eddine", "Selahattin"),
    ("Saif al-Din", "Saifuddin", "Seifeddine", "Saif Eddin"),
    ("Izz al-Din", "Izzeddin", "Ezzeddine", "Izzuddin"),
    ("Abu Bakr", "Abubakr", "Abu Bakar", "Abubakar"),
    ("Abdul Karim", "Abdelkarim", "Abd al-Karim", "Abdulkarim"),
    ("Abdul Hamid", "Abdelhamid", "Abd al-Hamid", "Abdulhamid"),
    ("Abdul Latif", "Abdellatif", "Abd al-Latif", "Abdullatif"),
    ("Abdul Majid", "Abdelmajid", "Abd al-Majid", "Abdulmajid"),
    ("Abdul Wahab", "Abdelwahab", "Abd al-Wahhab", "Abdulwahab"),
    ("Ruhullah", "Rohullah", "Ruh Allah", "Roohullah"),
    ("Habibullah", "Habib Allah", "Habibulla"),
)

# Male and female forms of one name, by naming tradition: different names, never a match.
GENDER_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "slavic": (
        ("Aleksandar", "Aleksandra"),
        ("Ivan", "Ivana"),
        ("Dragan", "Dragana"),
        ("Milan", "Milana"),
        ("Zoran", "Zorana"),
        ("Goran", "Gorana"),
        ("Dejan", "Dejana"),
        ("Bojan", "Bojana"),
        ("Jovan", "Jovana"),
        ("Petar", "Petra"),
        ("Miroslav", "Miroslava"),
        ("Branislav", "Branislava"),
        ("Radoslav", "Radoslava"),
        ("Stanislav", "Stanislava"),
        ("Zlatko", "Zlatka"),
        ("Branko", "Branka"),
        ("Dušan", "Dušanka"),
        ("Stojan", "Stojanka"),
        ("Danijel", "Danijela"),
        ("Gabrijel", "Gabrijela"),
        ("Marijan", "Marijana"),
        ("Kristijan", "Kristijana"),
        ("Slavko", "Slavka"),
        ("Vladimir", "Vladimira"),
    ),
    "bosniak": (
        ("Emir", "Emira"),
        ("Amir", "Amira"),
        ("Edin", "Edina"),
        ("Senad", "Senada"),
        ("Nermin", "Nermina"),
        ("Samir", "Samira"),
        ("Amin", "Amina"),
    ),
    "arabic": (
        ("Jamil", "Jamila"),
        ("Amin", "Amina"),
        ("Karim", "Karima"),
        ("Said", "Saida"),
        ("Samir", "Samira"),
        ("Nabil", "Nabila"),
        ("Adil", "Adila"),
        ("Aziz", "Aziza"),
        ("Rashid", "Rashida"),
        ("Halim", "Halima"),
    ),
    "albanian": (
        ("Agim", "Agime"),
        ("Bekim", "Bekime"),
        ("Fatmir", "Fatmire"),
        ("Besim", "Besime"),
        ("Ardit", "Ardita"),
    ),
}

# Given names that look alike but are different names, by naming tradition.
DISTINCT_GIVEN: dict[str, tuple[tuple[str, str], ...]] = {
    "slavic": (
        ("Marko", "Mirko"),
        ("Zoran", "Goran"),
        ("Milan", "Miloš"),
        ("Dejan", "Dragan"),
        ("Jelena", "Milena"),
        ("Ivan", "Ilija"),
        ("Darko", "Marko"),
        ("Mila", "Mira"),
        ("Sara", "Lara"),
        ("Vesna", "Vera"),
        ("Tamara", "Tijana"),
        ("Sanja", "Tanja"),
        ("Milica", "Milena"),
        ("Luka", "Lazar"),
        ("Nikola", "Nikolina"),
        ("Predrag", "Dragan"),
    ),
    "albanian": (
        ("Bekim", "Besim"),
        ("Arben", "Arbër"),
        ("Ilir", "Ilirjan"),
        ("Valon", "Valmir"),
        ("Agim", "Azem"),
        ("Fatmir", "Fatos"),
        ("Blerta", "Blerina"),
        ("Vjosa", "Vlora"),
    ),
    "arabic": (
        ("Hassan", "Hussein"),
        ("Said", "Sayed"),
        ("Rashid", "Rashad"),
        ("Hamid", "Hamad"),
        ("Amir", "Amin"),
        ("Jamal", "Kamal"),
        ("Samir", "Samer"),
        ("Yusuf", "Yunus"),
        ("Karim", "Kamil"),
        ("Khalid", "Khalil"),
        ("Mahmoud", "Mahdi"),
        ("Ahmad", "Hamad"),
        ("Omar", "Ammar"),
        ("Hadi", "Hani"),
        ("Adel", "Adnan"),
        ("Walid", "Khalid"),
        ("Anas", "Anis"),
        ("Hisham", "Hashim"),
        ("Zaid", "Ziad"),
        ("Aisha", "Asma"),
        ("Hala", "Hana"),
        ("Rana", "Rania"),
        ("Layla", "Lina"),
        ("Zainab", "Zahra"),
        ("Nasser", "Nasr"),
        ("Younes", "Youssef"),
    ),
    "turkish": (
        ("Murat", "Mert"),
        ("Burak", "Berk"),
        ("Hakan", "Hasan"),
        ("Özlem", "Özge"),
        ("Merve", "Melek"),
        ("Esra", "Esma"),
        ("Emine", "Emel"),
    ),
    "persian": (
        ("Farhad", "Farshad"),
        ("Maryam", "Marjan"),
        ("Zahra", "Zohreh"),
        ("Sara", "Sahar"),
        ("Ali", "Alireza"),
        ("Omid", "Hamid"),
        ("Mehdi", "Majid"),
    ),
}

# Surnames that look alike but are different surnames, by naming tradition.
SIMILAR_SURNAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "slavic": (
        ("Petrović", "Petković"),
        ("Marković", "Mirković"),
        ("Stojanović", "Stojković"),
        ("Ilić", "Ivić"),
        ("Lukić", "Lučić"),
        ("Pavlović", "Pavković"),
        ("Đukić", "Đurić"),
        ("Simić", "Simović"),
        ("Matić", "Matović"),
        ("Radić", "Radović"),
        ("Perić", "Perović"),
        ("Vuković", "Vučković"),
        ("Popović", "Popov"),
        ("Tomić", "Tomović"),
        ("Mitrović", "Mitić"),
        ("Milošević", "Milićević"),
        ("Stanković", "Stanojević"),
        ("Živković", "Živanović"),
        ("Đorđević", "Đurđević"),
        ("Kovačević", "Kovač"),
        ("Kostić", "Kosić"),
        ("Vujović", "Vujošević"),
    ),
    "bosniak": (("Hodžić", "Hadžić"), ("Begić", "Begović"), ("Husić", "Hasić")),
    "macedonian": (
        ("Stojanovski", "Stojkovski"),
        ("Petrovski", "Petreski"),
        ("Jovanovski", "Janevski"),
        ("Trajkovski", "Trajanovski"),
        ("Nikolovski", "Nikolov"),
        ("Ivanovski", "Ivanov"),
        ("Dimitrov", "Dimitrovski"),
        ("Angelov", "Angelovski"),
    ),
    "albanian": (
        ("Hoxha", "Hoxhaj"),
        ("Berisha", "Berishaj"),
        ("Kola", "Kolaj"),
        ("Gjoni", "Gjonaj"),
        ("Marku", "Markaj"),
        ("Hysa", "Hysaj"),
        ("Rexhepi", "Rexha"),
        ("Ahmeti", "Ahmetaj"),
        ("Osmani", "Osmanaj"),
        ("Selmani", "Selimi"),
        ("Shala", "Shabani"),
    ),
    "turkish": (
        ("Kaya", "Kara"),
        ("Özkan", "Özcan"),
        ("Demir", "Demirci"),
        ("Yıldız", "Yıldırım"),
        ("Çelik", "Çetin"),
        ("Aydın", "Aydoğan"),
        ("Kılıç", "Kılınç"),
        ("Koç", "Koçak"),
    ),
    "persian": (
        ("Rahimi", "Rahmani"),
        ("Karimi", "Kazemi"),
        ("Ahmadi", "Ahmadzai"),
        ("Hosseini", "Hassani"),
        ("Amiri", "Amini"),
        ("Jafari", "Jaberi"),
        ("Rezaei", "Rezvani"),
    ),
    "arabic": (
        ("Haddad", "Hamdan"),
        ("Shammari", "Shamsi"),
        ("Obaidi", "Otaibi"),
        ("Gharbi", "Gharib"),
        ("Ayari", "Ayadi"),
        ("Islam", "Aslam"),
    ),
}
