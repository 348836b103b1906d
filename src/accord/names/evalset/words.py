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
    "MACEDONIAN_FEMALE",
    "MACEDONIAN_MALE",
    "MACEDONIAN_SURNAMES",
    "PERSIAN_FEMALE",
    "PERSIAN_MALE",
    "PERSIAN_SURNAMES",
    "SERBIAN_FEMALE",
    "SERBIAN_MALE",
    "SERBIAN_SURNAMES",
    "TURKISH_FEMALE",
    "TURKISH_MALE",
    "TURKISH_SURNAMES",
]


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SERBIAN_MALE = _names(
    "Dragan Aleksandar Milan Nikola Zoran Marko Miloš Goran Dejan Dušan Đorđe Vuk Lazar Luka "
    "Stefan Nenad Vladimir Predrag Slobodan Miroslav Branko Ljubomir Ljubiša Željko Živko Čedomir "
    "Vukašin Bogdan Filip Aleksa Vasilije Dragoljub Radoslav Đuro Srđan Uroš Darko Ivan Petar "
    "Jovan Mihajlo Novak Nemanja Vojislav Dalibor Saša Bojan Milorad Radovan"
)

SERBIAN_FEMALE = _names(
    "Jelena Milica Marija Dragana Mirjana Ljiljana Snežana Ivana Gordana Ana Sofija Dunja Mila "
    "Sara Teodora Nađa Tamara Jovana Katarina Biljana Željka Vesna Slađana Svetlana Radmila "
    "Danijela Nataša Maja Tijana Anđela Ksenija Jasmina Zorica Olivera Branka"
)

SERBIAN_SURNAMES = _names(
    "Jovanović Petrović Nikolić Marković Popović Stojanović Ilić Ivanović Đorđević Janković "
    "Pavlović Stanković Milošević Kovačević Savić Đurović Šćepanović Vujačić Lakić Radulović "
    "Bošković Perović Vuković Vujović Živković Ćirić Đukić Čolić Todorović Mitrović Lukić "
    "Obradović Božović Ljubičić Đokić Stevanović Tomić Simić Knežević Ristić Marjanović Kostić "
    "Zečević Džakula Ljubisavljević Nešić Jakšić Gajić Vučković Milenković Šarić Ćosić"
)

BOSNIAK_MALE = _names(
    "Amar Emir Adnan Mirza Haris Kenan Armin Edin Senad Nedim Džemal Husein Alija Ćazim "
    "Hasan Safet Šefik Muhamed Jusuf Osman Ibrahim Enver Suad Nermin Elvir"
)

BOSNIAK_FEMALE = _names(
    "Amra Lejla Amina Selma Emina Ajla Aida Merima Sabina Fatima Hatidža Šejla Džana Azra Alma "
    "Nermina Belma Medina"
)

BOSNIAK_SURNAMES = _names(
    "Hodžić Hadžić Mehmedović Halilović Begić Delić Salihović Husić Omerović Alić Hasanović "
    "Muratović Šabanović Džafić Čaušević Bešić Karić Imamović Mujić Softić Hukić Ćatić"
)

MACEDONIAN_MALE = _names(
    "Трајче Горан Димитар Ѓорѓи Никола Зоран Бојан Златко Кирил Влатко Игор Љупчо Благоја "
    "Костадин Александар Драган Дејан Жарко Живко Ѓоко Марјан Никче Стојан Тоше Ацо"
)

MACEDONIAN_FEMALE = _names(
    "Нина Марија Елена Билјана Снежана Ивана Јасмина Весна Катерина Александра Жаклина Љубица "
    "Драгана Маја Ивона Симона Габриела Ана Надица Зорица"
)

# Male forms; the female forms are -ска, -ова, -ева.
MACEDONIAN_SURNAMES = _names(
    "Стојановски Николовски Јовановски Петровски Ивановски Трајковски Поповски Ѓорѓиевски "
    "Костовски Стефановски Ристовски Ќосески Митревски Наумовски Димитров Ангелов Тодоров "
    "Јаневски Спасовски Џамбазовски Алексовски Велјановски Жежовски Чавдаровски Шаревски "
    "Крстевски Ѓоргиев Цветковски Мицевски Илиевски"
)

ALBANIAN_MALE = _names(
    "Arben Ilir Andi Altin Gëzim Klajdi Ervin Agim Fatmir Ardit Alban Elton Endri Sokol Dritan "
    "Bajram Bekim Valon Egzon Dion Besim Bujar Shpend Xhevdet Xhemal Qemal Çlirim Gjergj Gjon "
    "Lulzim Përparim Afrim Driton Fisnik Shkëlzen Behxhet Rexhep Qazim Hysen Muharrem Llazar"
)

ALBANIAN_FEMALE = _names(
    "Lindita Mimoza Shpresa Fatime Drita Arta Blerta Valbona Anila Elona Anxhela Vjosa Zoje "
    "Marte Qëndresa Majlinda Merita Alma Kristi Eni Anisa Mirlinda Teuta Lumturije Vlora Xhenet "
    "Gjylije Shqipe Mrika Bukurije"
)

ALBANIAN_SURNAMES = _names(
    "Krasniqi Berisha Morina Shala Gashi Hoxha Bytyqi Kryeziu Rexhepi Ahmeti Hasani Osmani "
    "Zeqiri Shehu Marku Çela Kola Dervishi Muça Kurti Gjoka Lleshi Sula Hysa Gjoni Balla Elezi "
    "Ademi Sulejmani Iseni Memeti Bajrami Idrizi Jashari Selmani Aliu Qorri Xhaferi Hajdari "
    "Rrahmani Dushi Hyseni Mehmeti Gjinaj Kastrati Zhuri Dibra Gjeloshi Llapashtica"
)

TURKISH_MALE = _names(
    "Mehmet Mustafa Ahmet Ali Murat Hasan Hüseyin Yusuf Ramazan Ömer İbrahim İsmail Osman Halil "
    "Süleyman Emre Burak Serkan Oğuz Çağlar Tuğrul Doğukan Erdoğan Gökhan İlker Şükrü"
)

TURKISH_FEMALE = _names(
    "Fatma Ayşe Emine Hatice Zeynep Elif Merve Esra Özlem Gül Şule Büşra Gülşen Çiğdem Dilek "
    "Songül Tuğba Sevgi İrem Özge"
)

TURKISH_SURNAMES = _names(
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Çetin Kara Koç Kurt Özkan Şimşek Güneş Aktaş Erdoğan Bozkurt Türkmen Uçar Ağca Gündüz"
)

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
