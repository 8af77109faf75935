"""Embassy in Paris: French first, with English translations."""

from ..missions import PARIS
from ..spec import Event, Notice, PageSpec, Version
from ..writing import call_to_action, facts, h2, image, p, quote, text, ul, video
from .consular import holiday_closure, passport_appointments, visa_notice
from .outreach import film_week

AMBASSADOR = "Eleanor Price"

PAGES = [
    PageSpec(
        slug="speech-sciences-po-digital-diplomacy",
        section="news",
        kind="speech",
        versions={
            "fr": Version(
                title="« La diplomatie se joue désormais en public » : l'ambassadrice Eleanor Price devant les étudiants de Sciences Po",
                summary=("Invitée de l'École d'affaires publiques, l'ambassadrice a expliqué comment les réseaux sociaux ont "
                         "transformé le métier de diplomate, et ce qui n'a pas changé."),
                body=(
                    text(p("Seul le prononcé fait foi."),
                         p("Mesdames et Messieurs, chers étudiants, merci de votre invitation. Quand je suis entrée dans la "
                           "carrière, un télégramme diplomatique mettait une journée à arriver. Aujourd'hui, une déclaration mal "
                           "traduite fait le tour du monde en vingt minutes."),
                         h2("Ce qui a changé"),
                         p("Nos ambassades parlent directement aux citoyens, dans leur langue, sur les plateformes qu'ils "
                           "utilisent. Nous répondons aux questions, nous corrigeons les fausses informations, et nous le faisons "
                           "en public."),
                         h2("Ce qui n'a pas changé"),
                         p("La confiance se construit lentement, par la cohérence entre ce que l'on dit et ce que l'on fait. "
                           "Aucun algorithme ne remplace une relation de travail patiente avec ses partenaires.")),
                    quote("Un bon tweet ne remplace pas une bonne politique. Mais une bonne politique mal expliquée ne convainc personne.",
                          AMBASSADOR, "Ambassadrice en France"),
                    video("https://www.youtube.com/watch?v=Pr2cE5sV8mL", "Conférence à Sciences Po (version intégrale)",
                          "Sous-titres en français et en anglais."),
                ),
                share_x="« Un bon tweet ne remplace pas une bonne politique. » L'ambassadrice Eleanor Price a parlé de #DiplomatieNumérique devant les étudiants de Sciences Po.",
                share_linkedin=("Merci à l'École d'affaires publiques de Sciences Po pour un échange passionnant sur la "
                                "diplomatie numérique : ce que les réseaux sociaux ont changé au métier de diplomate, et ce "
                                "qui n'a pas changé."),
            ),
            "en": Version(
                title="“Diplomacy now happens in public”: Ambassador Eleanor Price at Sciences Po",
                summary=("Speaking at the School of Public Affairs, the ambassador described how social media have changed "
                         "diplomacy, and what has stayed the same."),
                body=(
                    text(p("Check against delivery."),
                         p("Thank you for inviting me. When I joined the service, a diplomatic cable took a day to arrive. "
                           "Today a badly translated statement travels around the world in twenty minutes."),
                         h2("What has changed"),
                         p("Our embassies speak directly to citizens, in their languages, on the platforms they use. We answer "
                           "questions and correct false information, in public."),
                         h2("What has not"),
                         p("Trust is built slowly, by saying what you do and doing what you say. No algorithm replaces patient "
                           "working relationships with partners.")),
                    quote("A good tweet is no substitute for good policy. But good policy badly explained convinces no one.",
                          AMBASSADOR, "Ambassador to France"),
                    video("https://www.youtube.com/watch?v=Pr2cE5sV8mL", "Lecture at Sciences Po (full recording)",
                          "Subtitles in French and English."),
                ),
                share_x="“A good tweet is no substitute for good policy.” Ambassador Price on #DigitalDiplomacy at Sciences Po.",
            ),
        },
        topics=("digital-diplomacy", "education"),
        tags=("speech", "university"),
        published_days_ago=262,
    ),
    PageSpec(
        slug="horizons-photo-exhibition",
        section="events",
        versions={
            "fr": Version(
                title="Exposition « Horizons : des littoraux face au climat »",
                summary=("Quarante photographies de littoraux de notre pays et de France montrent la montée des eaux, l'érosion "
                         "et les communautés qui s'adaptent."),
                body=(
                    text(p("Quatre photographes, deux de notre pays et deux français, ont suivi pendant deux ans des pêcheurs, "
                           "des ostréiculteurs et des maires de communes littorales confrontés au recul du trait de côte."),
                         p("L'exposition est accompagnée d'un cycle de rencontres avec des scientifiques et d'ateliers pour "
                           "les scolaires le mercredi après-midi.")),
                    image("paris-exhibition", "L'affiche de l'exposition."),
                    facts("Informations pratiques", "Entrée libre, du mardi au dimanche, de 11 h à 19 h",
                          "Visites guidées en français et en anglais le samedi à 15 h",
                          "Accessible aux personnes à mobilité réduite"),
                    call_to_action("Réserver une visite de groupe", "https://events.mfa.example/paris/horizons"),
                ),
                share_x="📷 « Horizons : des littoraux face au climat », 40 photographies, entrée libre. Visites guidées le samedi.",
            ),
            "en": Version(
                title="“Horizons: coastlines in a changing climate” – photo exhibition",
                summary="Forty photographs of coastlines at home and in France show rising seas, erosion and the communities adapting to them.",
                body=(
                    text(p("Four photographers, two from home and two from France, spent two years with fishers, oyster farmers "
                           "and mayors of coastal towns facing a retreating shoreline."),
                         p("Talks with scientists accompany the exhibition, with workshops for schools on Wednesday afternoons.")),
                    image("paris-exhibition", "The exhibition poster."),
                    facts("Practical information", "Free entry, Tuesday to Sunday, 11:00–19:00",
                          "Guided tours in French and English on Saturdays at 15:00", "Step-free access"),
                    call_to_action("Book a group visit", "https://events.mfa.example/paris/horizons"),
                ),
                share_x="📷 “Horizons: coastlines in a changing climate” – 40 photographs, free entry, guided tours on Saturdays.",
            ),
        },
        event=Event(35, 11, 0, duration_hours=24 * 41 + 8, venue="Cité internationale universitaire de Paris – Maison internationale",
                    address="17 boulevard Jourdan, 75014 Paris",
                    registration_url="https://events.mfa.example/paris/horizons"),
        topics=("culture", "climate"),
        tags=("exhibition", "photography", "climate"),
        hero="paris-exhibition",
    ),
    PageSpec(
        slug="atlantic-ocean-observation-programme",
        section="news",
        versions={
            "fr": Version(
                title="Océans : un programme commun d'observation de l'Atlantique",
                summary=("Des laboratoires de Brest et de La Rochelle et trois universités de notre pays déploient 24 bouées "
                         "pour mesurer le réchauffement et l'acidification de l'océan."),
                body=(
                    text(p("Le programme, financé à parts égales par les deux pays, prévoit le déploiement de 24 bouées "
                           "autonomes entre le golfe de Gascogne et l'Atlantique Nord, et l'échange de chercheurs pendant quatre ans."),
                         p("Les données seront publiées en accès libre, quelques heures après leur collecte, pour les "
                           "services météorologiques, les pêcheurs et les chercheurs du monde entier.")),
                    image("paris-ocean", "La côte atlantique, où les premières bouées ont été mises à l'eau."),
                    facts("Le programme en bref", "24 bouées autonomes, 4 ans, 9,5 millions d'euros",
                          "12 doctorants et post-doctorants en échange", "Données ouvertes sous licence CC BY 4.0"),
                ),
                share_x="🌊 24 bouées, 4 ans, données ouvertes : un programme commun d'observation de l'Atlantique avec des laboratoires de Brest et de La Rochelle.",
            ),
            "en": Version(
                title="Oceans: a joint programme to observe the Atlantic",
                summary="Laboratories in Brest and La Rochelle and three of our universities deploy 24 buoys to measure ocean warming and acidification.",
                body=(
                    text(p("Funded equally by both countries, the programme deploys 24 autonomous buoys between the Bay of "
                           "Biscay and the North Atlantic and funds researcher exchanges for four years."),
                         p("The data will be openly published within hours of collection, for weather services, fishers and "
                           "researchers everywhere.")),
                    image("paris-ocean", "The Atlantic coast, where the first buoys were launched."),
                    facts("At a glance", "24 autonomous buoys, 4 years, EUR 9.5 million", "12 doctoral and postdoctoral exchanges",
                          "Open data under CC BY 4.0"),
                ),
                share_x="🌊 24 buoys, 4 years, open data: a joint programme with labs in Brest and La Rochelle to observe the Atlantic.",
            ),
        },
        topics=("climate", "education"),
        tags=("ocean", "research", "open data"),
        hero="paris-ocean",
        published_days_ago=118,
    ),
    PageSpec(
        slug="transport-strikes-advice",
        section="consular",
        versions={
            "en": Version(
                title="Nationwide strikes: disruption to trains, flights and the Paris metro",
                summary="Strikes are expected to disrupt rail, air and urban transport across France. Check with your operator before travelling.",
                body=(
                    text(p("Unions have called nationwide strikes affecting SNCF trains, several airports and the Paris metro "
                           "and RER. Demonstrations are planned in Paris and other large cities."),
                         ul("Check with your airline, SNCF or RATP before you travel",
                            "Avoid demonstrations; they can turn violent without warning",
                            "Allow extra time to reach airports and stations")),
                ),
                share_x="Travelling in France? Nationwide strikes are expected to disrupt trains, flights and the Paris metro. Check with your operator and avoid demonstrations.",
            ),
        },
        notice=Notice("travel_advisory", "advisory", valid_from_days_ago=226, valid_for_days=4),
        topics=("consular-services",),
        tags=("strikes", "travel advice"),
    ),
    PageSpec(
        slug="online-press-point-ministerial-visit",
        section="news",
        kind="press_briefing",
        versions={
            "fr": Version(
                title="Point presse en ligne : bilan de la visite de la ministre des Affaires étrangères",
                summary=("L'ambassadrice a présenté aux journalistes les résultats de la visite : une feuille de route sur "
                         "l'intelligence artificielle et un accord sur la mobilité des jeunes."),
                body=(
                    text(p("Une vingtaine de journalistes ont suivi le point presse en ligne depuis la salle de presse virtuelle."),
                         h2("À retenir"),
                         ul("Une feuille de route commune sur l'intelligence artificielle de confiance",
                            "Un accord portant à 5 000 par an le nombre de visas vacances-travail",
                            "Un nouveau programme de bourses pour les doctorants en sciences du climat")),
                    video("https://www.youtube.com/watch?v=Fm3kT8pZ1qW", "Point presse en ligne (enregistrement)",
                          "Sous-titres en français."),
                    call_to_action("Lire la transcription", "https://press.mfa.example/paris/point-presse"),
                ),
                share_x="Point presse en ligne : IA de confiance, 5 000 visas vacances-travail par an, bourses climat. La transcription est en ligne.",
            ),
        },
        topics=("press", "digital-diplomacy"),
        tags=("press briefing", "ministerial visit"),
        published_days_ago=29,
    ),
    PageSpec(
        slug="artist-residency-2027-call",
        section="news",
        versions={
            "fr": Version(
                title="Appel à candidatures : résidence d'artistes 2027",
                summary="Trois artistes vivant en France pourront passer trois mois en résidence dans notre pays. Candidatures ouvertes pendant six semaines.",
                body=(
                    text(p("La résidence s'adresse aux artistes visuels, écrivains et musiciens ayant un projet en lien avec "
                           "l'océan, la ville ou la mémoire. Elle comprend le voyage, l'hébergement et une bourse mensuelle.")),
                    call_to_action("Déposer ma candidature", "https://events.mfa.example/paris/residence-2027"),
                ),
                share_x="🎨 Appel à candidatures : résidence d'artistes 2027, trois mois, voyage et bourse inclus.",
            ),
        },
        topics=("culture",),
        tags=("residency", "artists"),
        status="scheduled",
        go_live_in_days=4,
    ),
    visa_notice(PARIS, languages=("fr", "en"), centre="Centre de demande de visa, 3 rue de Provence, 75009 Paris", days=10, days_ago=290),
    passport_appointments(PARIS, weeks=4, days_ago=244),
    film_week(
        PARIS, languages=("fr", "en"), partners={"fr": "Forum des images", "en": "the Forum des images"},
        starts_in_days=40, address="2 rue du Cinéma, Forum des Halles, 75001 Paris", hero="paris-film",
    ),
    holiday_closure(PARIS, holiday="fete-nationale", languages=("fr", "en")),
]
