"""Permanent Mission to the UN in Geneva: English first, with French translations; human rights, health, digital."""

from ..spec import Event, Notice, PageSpec, Version
from ..writing import call_to_action, days_since, facts, h2, image, p, quote, text, ul, video

AMBASSADOR = "Aisha Rahman"

PAGES = [
    PageSpec(
        slug="hrc-statement-freedom-of-expression-online",
        section="news",
        kind="statement",
        versions={
            "en": Version(
                title="Human Rights Council: statement on freedom of expression online",
                summary="In the interactive dialogue with the Special Rapporteur, the mission called for an end to internet shutdowns and for transparency from online platforms.",
                body=(
                    text(p("Mr President,"),
                         p("We thank the Special Rapporteur for her report. Freedom of expression does not end where the internet "
                           "begins. Yet last year saw more internet shutdowns than any year before, most of them during elections "
                           "and protests."),
                         p("We call on all states to refrain from shutdowns and from the blocking of independent media, and on "
                           "platforms to be transparent about how they moderate content and respond to government requests."),
                         p("We ask the Special Rapporteur: what practices have proved most effective in protecting journalists "
                           "from online harassment?"),
                         p("I thank you.")),
                    image("geneva-council", "The mission's statement in the Council chamber."),
                ),
                share_x="At #HRC, we called for an end to internet shutdowns and for platform transparency. Freedom of expression does not end where the internet begins.",
            ),
            "fr": Version(
                title="Conseil des droits de l'homme : déclaration sur la liberté d'expression en ligne",
                summary="Lors du dialogue interactif avec la Rapporteuse spéciale, la mission a appelé à mettre fin aux coupures d'internet et à la transparence des plateformes.",
                body=(
                    text(p("Monsieur le Président,"),
                         p("Nous remercions la Rapporteuse spéciale pour son rapport. La liberté d'expression ne s'arrête pas là "
                           "où commence internet. Pourtant, jamais les coupures d'internet n'ont été aussi nombreuses que l'an "
                           "dernier, le plus souvent pendant des élections et des manifestations."),
                         p("Nous appelons tous les États à renoncer aux coupures et au blocage des médias indépendants, et les "
                           "plateformes à faire preuve de transparence sur la modération des contenus et les demandes des gouvernements."),
                         p("Je vous remercie.")),
                    image("geneva-council", "La déclaration de la mission dans la salle du Conseil."),
                ),
                share_x="Au #CDH, nous avons appelé à mettre fin aux coupures d'internet. La liberté d'expression ne s'arrête pas là où commence internet.",
            ),
        },
        topics=("human-rights", "digital-diplomacy"),
        tags=("human rights council", "freedom of expression"),
        hero="geneva-council",
        published_days_ago=63,
    ),
    PageSpec(
        slug="side-event-ai-and-human-rights",
        section="events",
        versions={
            "en": Version(
                title="Side event: artificial intelligence and human rights – from principles to practice",
                summary="Diplomats, engineers and civil society discuss how human rights due diligence can work for AI systems used by governments.",
                body=(
                    text(p("Co-organised with the Office of the High Commissioner for Human Rights and three partner missions, "
                           "the side event looks at AI in policing, welfare and migration."),
                         h2("Speakers"),
                         ul(f"Ambassador {AMBASSADOR}, Permanent Representative", "A member of the UN Human Rights Council Advisory Committee",
                            "Researchers from a university AI ethics lab", "A digital rights organisation from the Global South")),
                    call_to_action("Register to attend in person", "https://events.mfa.example/geneva-un/ai-human-rights"),
                ),
                share_x="Side event at the Palais des Nations: AI and human rights, from principles to practice. In person and online.",
            ),
            "fr": Version(
                title="Événement parallèle : intelligence artificielle et droits humains, des principes à la pratique",
                summary="Diplomates, ingénieurs et société civile débattent de la diligence raisonnable en matière de droits humains pour les systèmes d'IA publics.",
                body=(
                    text(p("Coorganisé avec le Haut-Commissariat aux droits de l'homme et trois missions partenaires, l'événement "
                           "porte sur l'usage de l'IA par la police, les services sociaux et les autorités migratoires.")),
                    call_to_action("S'inscrire pour assister sur place", "https://events.mfa.example/geneva-un/ai-human-rights"),
                ),
                share_x="Événement parallèle au Palais des Nations : IA et droits humains, des principes à la pratique. Sur place et en ligne.",
            ),
        },
        event=Event(22, 13, 15, duration_hours=1.5, venue="Palais des Nations, Room XXIV",
                    address="Avenue de la Paix 8-14, 1211 Genève", online_url="https://www.youtube.com/live/Gv4nS8kT2qM",
                    registration_url="https://events.mfa.example/geneva-un/ai-human-rights"),
        topics=("human-rights", "digital-diplomacy"),
        tags=("artificial intelligence", "side event"),
        hero="geneva-lake",
    ),
    PageSpec(
        slug="world-health-assembly-statement",
        section="news",
        kind="speech",
        versions={
            "en": Version(
                title="World Health Assembly: statement on health emergency preparedness",
                summary="The Permanent Representative set out the ministry's support for stronger early warning and fair access to vaccines in emergencies.",
                body=(
                    text(p("Madam President, Director-General, colleagues,"),
                         p("The next pandemic is a question of when, not if. We support a World Health Organization able to detect "
                           "outbreaks early and to coordinate a fair response."),
                         p("We will contribute to the pandemic fund, support regional vaccine manufacturing and share genomic "
                           "surveillance data openly.")),
                    quote("Preparedness is cheaper than response, and solidarity is cheaper than division.", AMBASSADOR,
                          "Permanent Representative"),
                    video("https://www.youtube.com/watch?v=Wh6aM2rF9kP", "Statement to the World Health Assembly"),
                ),
                share_x="At the World Health Assembly we backed early warning, regional vaccine manufacturing and open data. “Preparedness is cheaper than response.”",
            ),
        },
        topics=("human-rights",),
        tags=("world health assembly", "health"),
        published_days_ago=days_since(5, 21),
    ),
    PageSpec(
        slug="consular-services-in-switzerland",
        section="consular",
        versions={
            "en": Version(
                title="Consular services in Switzerland are provided by the Embassy in Bern",
                summary="The Permanent Mission does not issue passports or visas. Citizens in Switzerland and visa applicants should contact the Embassy in Bern.",
                body=(
                    text(p("The Permanent Mission represents the country at the United Nations and other international "
                           "organisations in Geneva. Passports, visas, notarial services and help for citizens in distress are "
                           "handled by the consular section of the Embassy in Bern.")),
                    facts("Embassy in Bern – consular section", "Appointments Monday to Friday, 09:00–12:00",
                          "E-mail: consular.bern@mfa.example", "24-hour emergency line: +41 31 555 12 00"),
                    call_to_action("Book a consular appointment", "https://consular.mfa.example/appointments"),
                ),
            ),
            "fr": Version(
                title="Les services consulaires en Suisse sont assurés par l'ambassade à Berne",
                summary="La Mission permanente ne délivre ni passeports ni visas. Les ressortissants en Suisse et les demandeurs de visa s'adressent à l'ambassade à Berne.",
                body=(
                    text(p("La Mission permanente représente le pays auprès des Nations Unies et des autres organisations "
                           "internationales à Genève. Passeports, visas, actes notariés et assistance aux ressortissants en "
                           "difficulté relèvent de la section consulaire de l'ambassade à Berne.")),
                    facts("Ambassade à Berne – section consulaire", "Rendez-vous du lundi au vendredi, de 9 h à 12 h",
                          "Courriel : consular.bern@mfa.example", "Permanence 24 h/24 : +41 31 555 12 00"),
                    call_to_action("Prendre rendez-vous", "https://consular.mfa.example/appointments"),
                ),
            ),
        },
        notice=Notice("other", "information", valid_from_days_ago=505),
        topics=("consular-services",),
        tags=("consular", "bern"),
    ),
    PageSpec(
        slug="inside-the-palais-podcast",
        section="news",
        versions={
            "en": Version(
                title="“Inside the Palais”: a podcast about multilateral diplomacy",
                summary="Each month, the mission's diplomats explain one negotiation in Geneva, from trade rules to refugee protection, in twenty minutes.",
                body=(
                    text(p("Multilateral diplomacy is often invisible: long nights over a single paragraph, coalitions built one "
                           "coffee at a time. The podcast opens the doors."),
                         ul("Episode 1: how a Human Rights Council resolution is negotiated",
                            "Episode 2: fishing subsidies at the World Trade Organization",
                            "Episode 3: what the Refugee Convention means 75 years on")),
                    call_to_action("Listen to the first episode", "https://geneva.mfa.example/podcast"),
                ),
                share_x="🎧 New podcast: “Inside the Palais”. Twenty minutes a month on how multilateral diplomacy really works in Geneva.",
            ),
            "fr": Version(
                title="« Au cœur du Palais » : un podcast sur la diplomatie multilatérale",
                summary="Chaque mois, les diplomates de la mission racontent en vingt minutes une négociation genevoise, du commerce à la protection des réfugiés.",
                body=(
                    text(p("La diplomatie multilatérale est souvent invisible : de longues nuits sur un seul paragraphe, des "
                           "coalitions qui se construisent autour d'un café. Ce podcast en ouvre les portes.")),
                    call_to_action("Écouter le premier épisode", "https://geneva.mfa.example/podcast"),
                ),
                share_x="🎧 Nouveau podcast : « Au cœur du Palais », vingt minutes par mois sur la diplomatie multilatérale à Genève.",
            ),
        },
        topics=("digital-diplomacy", "press"),
        tags=("podcast", "multilateralism"),
        hero="geneva-lake",
        published_days_ago=301,
    ),
    PageSpec(
        slug="press-briefing-hrc-session-outcome",
        section="news",
        kind="press_briefing",
        versions={
            "en": Version(
                title="Press briefing: outcome of the Human Rights Council session",
                summary="The Permanent Representative presented the resolutions the mission led or co-sponsored, including one on the safety of journalists.",
                body=(
                    text(p("The briefing was held online from the virtual press centre with journalists accredited to the UN in Geneva."),
                         ul("Resolution on the safety of journalists adopted by consensus",
                            "Co-sponsorship of 14 resolutions, including on the rights of the child and on climate change",
                            "Commitment to present a resolution on human rights and new technologies next year")),
                    call_to_action("Read the transcript", "https://press.mfa.example/geneva-un/briefings"),
                ),
                share_x="Press briefing: the #HRC adopted by consensus the resolution on the safety of journalists. Transcript online.",
            ),
        },
        topics=("press", "human-rights"),
        tags=("press briefing", "human rights council"),
        published_days_ago=45,
    ),
]
