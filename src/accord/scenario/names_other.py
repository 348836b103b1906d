"""Name pools of Morocco, Tunisia, Burundi and the Spanish-speaking countries (Cuba, Ecuador,
Colombia).

Format and sources: see :mod:`accord.scenario.names_foreign`.
"""

from __future__ import annotations

__all__ = ["POOLS"]

POOLS: dict[str, dict[str, str]] = {
    "maghreb": {
        "script": "english",
        "male": """
Mohamed/Mohammed/Mouhamed | Muhamed | Muhamed
Youssef/Youssouf/Yusuf | Jusuf | Jusuf
Ayoub/Ayub | Ajub | Ajub
Hamza | Hamza | Hamza
Rachid/Rashid | Rašid | Rashid
Said | Said | Said
Hicham/Hisham | Hišam | Hisham
Adil/Adel | Adil | Adil
Mehdi | Mehdi | Mehdi
Amine/Amin | Amin | Amin
Othmane/Osman | Osman | Osman
Zakaria/Zakariya | Zakarija | Zakarija
Soufiane/Sufyan | Sufijan | Sufjan
Aymen/Ayman | Ajmen | Ajmen
Walid | Velid | Velid
Bilel/Bilal | Bilal | Bilal
Yassine/Yasin | Jasin | Jasin
Oussama/Usama/Osama | Usama | Usama
Anis | Anis | Anis
Hatem/Hatim | Hatem | Hatem
""",
        "female": """
Fatima/Fatema | Fatima | Fatime
Khadija/Khadidja/Hadija | Hadidža | Haxhixhe
Salma | Salma | Salma
Imane/Iman/Imen | Iman | Iman
Hajar/Hadjar | Hadžar | Haxhar
Zineb/Zainab | Zejneb | Zejnepe
Kawtar/Kaoutar | Kautar | Kautar
Meryem/Mariem/Maryam | Merjem | Merjeme
Houda/Huda | Huda | Huda
Amira | Amira | Amira
Sarra/Sara | Sara | Sara
Ines | Ines | Ines
Asma | Asma | Asma
""",
        "surnames": """
Alaoui/Alawi | Alaui | Alaui
El Idrissi/Idrissi | El Idrisi | El Idrisi
Benali/Ben Ali | Benali | Benali
Bennani | Benani | Benani
El Amrani/Amrani | El Amrani | El Amrani
Chakir/Shakir | Šakir | Shakir
Ouali/Wali | Uali | Uali
Bouzid | Buzid | Buzid
Mansouri/Mansuri | Mansuri | Mansuri
Trabelsi | Trabelsi | Trabelsi
Hammami/Hamami | Hamami | Hamami
Gharbi/Garbi | Garbi | Garbi
Jlassi | Džlasi | Xhlasi
Ayari | Ajari | Ajari
Dridi | Dridi | Dridi
Ben Salah | Ben Salah | Ben Salah
Mejri | Mejri | Mejri
Chebbi/Shabbi | Šebi | Shebi
Khelifi/Khalifi | Helifi | Helifi
Ferchichi/Fershishi | Feršiši | Fershishi
""",
    },
    "burundian": {
        "script": "french",
        "male": """
Jean | Žan | Zhan
Jean-Claude | Žan-Klod | Zhan-Klod
Pierre | Pjer | Pjer
Emmanuel | Emanuel | Emanuel
Éric/Eric | Erik | Erik
Patrick | Patrik | Patrik
Gilbert | Žilber | Zhilber
Olivier | Olivije | Olivie
Alexis | Aleksis | Aleksis
Innocent | Inosan | Inosent
Thierry | Tjeri | Tieri
""",
        "female": """
Aline | Alin | Alin
Marie | Mari | Mari
Claudine | Klodin | Klodin
Diane | Dijan | Dian
Espérance/Esperance | Esperans | Esperans
Divine | Divin | Divin
Grâce/Grace | Gras | Gras
Sandrine | Sandrin | Sandrin
Nadine | Nadin | Nadin
""",
        "surnames": """
Ndayishimiye | Ndajišimije | Ndajishimije
Niyonzima | Nijonzima | Nijonzima
Nshimirimana | Nšimirimana | Nshimirimana
Hakizimana | Hakizimana | Hakizimana
Irakoze | Irakoze | Irakoze
Ndikumana | Ndikumana | Ndikumana
Nkurunziza | Nkurunziza | Nkurunziza
Niyonkuru | Nijonkuru | Nijonkuru
Bizimana | Bizimana | Bizimana
Manirakiza | Manirakiza | Manirakiza
Nduwimana | Nduvimana | Nduvimana
""",
    },
    "hispanic": {
        "script": "spanish",
        "male": """
Yoandri | Joandri | Joandri
Yunior | Junior | Junior
Yosvany | Josvani | Josvani
Yordanis | Jordanis | Jordanis
Alejandro | Alehandro | Alehandro
Carlos | Karlos | Karlos
Jorge | Horhe | Horhe
Luis | Luis | Luis
José | Hose | Hose
Juan | Huan | Huan
Andrés | Andres | Andres
Miguel | Migel | Migel
""",
        "female": """
Yaima | Jaima | Jaima
Yanet | Janet | Janet
Yudith | Judit | Judit
Dayana | Dajana | Dajana
Mariela | Marijela | Mariela
Yanelis | Janelis | Janelis
María | Marija | Maria
Gabriela | Gabrijela | Gabriela
Daniela | Danijela | Daniela
""",
        "surnames": """
Rodríguez | Rodrigez | Rodrigez
González | Gonsales | Gonsales
Hernández | Ernandes | Ernandes
Pérez | Peres | Peres
García | Garsija | Garsia
Martínez | Martines | Martines
Díaz | Dijas | Dias
Fernández | Fernandes | Fernandes
López | Lopes | Lopes
Sánchez | Sančes | Sançes
Zambrano | Sambrano | Sambrano
Mendoza | Mendosa | Mendosa
Vera | Vera | Vera
Castillo | Kastiljo | Kastijo
""",
    },
}
