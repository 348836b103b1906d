"""Name pools of Syria, Iraq, Afghanistan, Iran, Turkey, Pakistan, Bangladesh and India.

Format and sources: see :mod:`accord.scenario.names_foreign`.
"""

from __future__ import annotations

__all__ = ["POOLS"]

_ARABIC_MALE = """
Mohammed/Mohammad/Mohamed/Muhammad/Mohamad | Muhamed | Muhamed
Ahmad/Ahmed | Ahmed | Ahmet
Ali | Ali | Ali
Hassan/Hasan | Hasan | Hasan
Hussein/Hussain/Husein | Husein | Hysen
Khaled/Khalid | Halid | Halid
Omar/Umar | Omer | Omer
Mahmoud/Mahmud | Mahmud | Mahmud
Mustafa/Moustafa/Mostafa | Mustafa | Mustafa
Ibrahim/Ebrahim | Ibrahim | Ibrahim
Abdulrahman/Abdul Rahman/Abd al-Rahman/Abdel Rahman | Abdurahman | Abdurrahman
Yousef/Youssef/Yusuf | Jusuf | Jusuf
Haidar/Haider/Hayder | Hajdar | Hajdar
Abbas | Abas | Abaz
Karim/Kareem | Kerim | Qerim
Samer | Samer | Samer
Bilal | Bilal | Bilal
Majed/Majid | Madžid | Maxhid
Anas | Anas | Anas
Tarek/Tariq | Tarik | Tarik
Walid/Waleed | Velid | Velid
Firas | Firas | Firas
"""

_ARABIC_FEMALE = """
Nour/Noor/Nur | Nur | Nur
Fatima/Fatma | Fatima | Fatime
Maryam/Mariam | Merjem | Merjeme
Zainab/Zaynab/Zeinab | Zejneb | Zejnepe
Aisha/Aysha/Aicha | Ajša | Aishe
Reem/Rim | Rim | Rim
Hala | Hala | Hala
Rama | Rama | Rama
Zahra/Zahraa | Zahra | Zahra
Rasha | Raša | Rasha
Lina | Lina | Lina
Huda/Hoda | Huda | Huda
Amal | Amal | Amal
Salma | Salma | Salma
Yasmin/Yasmine | Jasmina | Jasmina
"""

POOLS: dict[str, dict[str, str]] = {
    "levant": {
        "script": "english",
        "male": _ARABIC_MALE,
        "female": _ARABIC_FEMALE,
        "surnames": """
Al-Ali/Alali/Al Ali | Al Ali | Al Ali
Al-Hassan/Alhassan/Al Hasan | Al Hasan | Al Hasan
Al-Jubouri/Al-Jaburi/Aljuboori | Al Džuburi | Al Xhuburi
Al-Shammari/Alshammari/Al Shamari | Al Šamari | Al Shamari
Al-Obaidi/Al-Ubaidi/Alobaidi | Al Obejdi | Al Obejdi
Al-Tamimi/Altamimi | Al Tamimi | Al Tamimi
Al-Khatib/Alkhateeb/El Khatib | Al Hatib | Al Hatib
Ahmad/Ahmed | Ahmed | Ahmeti
Ibrahim | Ibrahim | Ibrahimi
Suleiman/Sulaiman/Sleiman | Sulejman | Sulejmani
Yousef/Youssef/Yusuf | Jusuf | Jusufi
Hamoud/Hammoud | Hamud | Hamud
Darwish/Darweesh | Derviš | Dervishi
Khalil/Halil | Halil | Halili
Haddad | Hadad | Hadad
Nasser/Nasir/Naser | Naser | Naseri
Mansour/Mansur | Mansur | Mansuri
Qasim/Kassem/Kasim | Kasim | Kasimi
Othman/Osman/Uthman | Osman | Osmani
Saleh/Salih | Salih | Salihu
Hamdan | Hamdan | Hamdani
Mohammed/Mohammad/Mohamed | Muhamed | Muhameti
""",
    },
    "afghan": {
        "script": "english",
        "male": """
Mohammad/Mohammed/Muhammad | Muhamed | Muhamed
Ahmad/Ahmed | Ahmad | Ahmad
Ali | Ali | Ali
Omid | Omid | Omid
Farhad | Farhad | Farhad
Sayed/Said/Sayyid | Sajed | Sajed
Ajmal | Adžmal | Axhmal
Fahim/Faheem | Fahim | Fahim
Wahid/Waheed | Vahid | Vahid
Rohullah/Ruhullah | Ruhulah | Ruhulla
Haroon/Harun | Harun | Harun
Mustafa | Mustafa | Mustafa
Jawad/Javad | Džavad | Xhavad
Naveed/Navid/Naweed | Navid | Navid
Zabihullah/Zabiullah | Zabihulah | Zabihulla
Hamid | Hamid | Hamid
Basir/Baseer | Basir | Basir
Nasir/Naser | Nasir | Nasir
Shafiq/Shafik | Šafik | Shafik
""",
        "female": """
Maryam/Mariam | Marjam | Marjam
Zahra | Zahra | Zahra
Fatima | Fatima | Fatime
Farishta/Fereshta | Frišta | Frishta
Sadaf | Sadaf | Sadaf
Bahar | Bahar | Bahar
Roya | Roja | Roja
Yalda | Jalda | Jalda
Sanam | Sanam | Sanam
Mursal | Mursal | Mursal
Marzia/Marziya | Marzija | Marzije
Shabnam | Šabnam | Shabnam
Laila/Leila/Layla | Lejla | Lejla
Nargis | Nargis | Nargis
""",
        "surnames": """
Ahmadi | Ahmadi | Ahmadi
Mohammadi/Muhammadi | Muhamedi | Muhamedi
Rahimi | Rahimi | Rahimi
Azizi | Azizi | Azizi
Safi | Safi | Safi
Noori/Nuri | Nuri | Nuri
Sadat | Sadat | Sadat
Hakimi | Hakimi | Hakimi
Amiri | Amiri | Amiri
Ahmadzai | Ahmadzaj | Ahmadzaj
Popalzai | Popalzaj | Popalzaj
Stanikzai | Stanikzaj | Stanikzaj
Karimi | Karimi | Karimi
Hashimi/Hashemi | Hašimi | Hashimi
Haidari/Haydari | Hajdari | Hajdari
Rezaei/Rezaie/Rezai | Rezai | Rezai
Hussaini/Hosseini/Husaini | Huseini | Husejni
Jafari/Jafary | Džafari | Xhafari
Sultani | Sultani | Sultani
Wardak | Vardak | Vardak
""",
    },
    "iranian": {
        "script": "english",
        "male": """
Mohammad/Mohammed | Muhamed | Muhamed
Ali | Ali | Ali
Hossein/Hosein/Hussein | Husein | Hysen
Reza | Reza | Reza
Mehdi/Mahdi | Mehdi | Mehdi
Amir | Amir | Amir
Hamid | Hamid | Hamid
Saeed/Said/Saeid | Said | Said
Majid | Madžid | Maxhid
Morteza/Mortaza | Morteza | Morteza
Javad | Džavad | Xhavad
Omid | Omid | Omid
Behnam | Behnam | Behnam
Farshid | Faršid | Farshid
""",
        "female": """
Fatemeh/Fatima | Fatema | Fatime
Zahra | Zahra | Zahra
Maryam | Marjam | Marjam
Sara | Sara | Sara
Narges | Narges | Narges
Leila/Laila | Lejla | Lejla
Shirin | Širin | Shirin
Mina | Mina | Mina
Parisa | Parisa | Parisa
Nazanin | Nazanin | Nazanin
Elham | Elham | Elham
""",
        "surnames": """
Mohammadi | Muhamedi | Muhamedi
Hosseini/Hoseini | Huseini | Hoseini
Ahmadi | Ahmadi | Ahmadi
Rezaei/Rezaie | Rezai | Rezai
Moradi | Moradi | Moradi
Karimi | Karimi | Karimi
Jafari | Džafari | Xhafari
Rahimi | Rahimi | Rahimi
Hashemi | Hašemi | Hashemi
Ghorbani/Qorbani | Gorbani | Gorbani
Mousavi/Musavi | Musavi | Musavi
Sadeghi/Sadeqi | Sadegi | Sadegi
Rostami | Rostami | Rostami
Kazemi | Kazemi | Kazemi
Heydari/Haidari | Hejdari | Hejdari
""",
    },
    "turkish": {
        "script": "turkish",
        "male": """
Mehmet
Mustafa
Ahmet
Ali
Murat
Hasan
Hüseyin
Yusuf
Ramazan
Ömer
İbrahim
Emre
Burak
Fatih
Serkan
Kemal
Osman
Halil
""",
        "female": """
Fatma
Ayşe
Emine
Hatice
Zeynep
Elif
Merve
Esra
Özlem
Sevgi
Gül
Büşra
""",
        "surnames": """
Yılmaz
Kaya
Demir
Şahin
Çelik
Yıldız
Yıldırım
Öztürk
Aydın
Özdemir
Arslan
Doğan
Kılıç
Aslan
Çetin
Kara
Koç
Kurt
Özkan
Şimşek
""",
    },
    "south_asian": {
        "script": "english",
        "male": """
Muhammad/Mohammad/Muhammed/Md | Muhamed | Muhamed
Ali | Ali | Ali
Ahmed/Ahmad | Ahmed | Ahmed
Imran | Imran | Imran
Bilal | Bilal | Bilal
Usman/Osman | Usman | Usman
Asif | Asif | Asif
Kashif | Kašif | Kashif
Adnan | Adnan | Adnan
Shahid | Šahid | Shahid
Zeeshan/Zishan | Zišan | Zishan
Waqas/Waqqas | Vakas | Vakas
Faisal/Faysal | Fejsal | Fejsal
Hamza | Hamza | Hamza
Zubair/Zubayr | Zubejr | Zubejr
Abdul | Abdul | Abdul
Rahim | Rahim | Rahim
Rafiq/Rafik | Rafik | Rafik
Jamal | Džamal | Xhamal
Sohel/Sohail | Sohel | Sohel
""",
        "female": """
Fatima/Fatema | Fatima | Fatime
Ayesha/Aisha | Ajša | Ajshe
Sana | Sana | Sana
Amna | Amna | Amna
Zainab | Zejneb | Zejnepe
Hira | Hira | Hira
Saima | Sajma | Sajma
Nadia | Nadija | Nadia
Rabia | Rabija | Rabia
Bushra | Bušra | Bushra
Nasrin | Nasrin | Nasrin
Taslima | Taslima | Taslima
Sharmin | Šarmin | Sharmin
""",
        "surnames": """
Khan | Kan | Kan
Ahmed | Ahmed | Ahmed
Ali | Ali | Ali
Hussain/Hussein/Husain | Husein | Hysen
Shah | Šah | Shah
Iqbal | Ikbal | Ikbal
Butt | But | But
Malik | Malik | Malik
Akhtar/Akhter | Ahtar | Ahtar
Mahmood/Mahmud | Mahmud | Mahmud
Chaudhry/Chaudhary/Choudhry | Čaudri | Çaudri
Qureshi/Qureishi | Kureši | Kureshi
Rehman/Rahman | Rahman | Rahman
Hossain/Hosen | Husein | Hosein
Islam | Islam | Islam
Uddin | Udin | Udin
Akter:F | Akter | Akter
Begum:F | Begum | Begum
Miah/Mia | Mija | Mia
Chowdhury/Choudhury | Čoudri | Çoudri
""",
    },
    "indian": {
        "script": "english",
        "male": """
Rahul | Rahul | Rahul
Amit | Amit | Amit
Rajesh | Radžeš | Raxhesh
Sandeep/Sandip | Sandip | Sandip
Vikram | Vikram | Vikram
Suresh | Sureš | Suresh
Manpreet | Manprit | Manprit
Gurpreet | Gurprit | Gurprit
Harpreet | Harprit | Harprit
Sunil | Sunil | Sunil
Ravi | Ravi | Ravi
Arjun | Ardžun | Arxhun
Deepak/Dipak | Dipak | Dipak
Jaspreet | Džasprit | Xhasprit
Vijay | Vidžaj | Vixhaj
""",
        "female": """
Priya | Prija | Prija
Pooja/Puja | Pudža | Puxha
Neha | Neha | Neha
Simran | Simran | Simran
Anjali | Andžali | Anxhali
Kavita | Kavita | Kavita
Sunita | Sunita | Sunita
Ritu | Ritu | Ritu
""",
        "surnames": """
Singh:M | Sing | Sing
Kaur:F | Kaur | Kaur
Kumar | Kumar | Kumar
Sharma | Šarma | Sharma
Patel | Patel | Patel
Gupta | Gupta | Gupta
Verma | Verma | Verma
Yadav | Jadav | Jadav
Gill | Gil | Gil
Sandhu | Sandu | Sandu
Sidhu | Sidu | Sidu
Reddy | Redi | Redi
Chauhan | Čauhan | Çauhan
Dhillon | Dilon | Dilon
""",
    },
}
