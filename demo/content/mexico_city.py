"""Embassy in Mexico City: Spanish first, with English translations."""

from ..missions import MEXICO_CITY as MEXICO
from ..spec import Event, Notice, PageSpec, Version
from ..writing import call_to_action, days_since, facts, h2, image, p, quote, text, ul, video
from .consular import holiday_closure, passport_appointments, visa_notice
from .outreach import ask_the_head, film_week, scholarship_session

AMBASSADOR = "Laura Bennett"
DAY_OF_THE_DEAD_OPENING = -days_since(10, 24)

PAGES = [
    PageSpec(
        slug="hurricane-season-advice",
        section="consular",
        versions={
            "en": Version(
                title="Hurricane season on Mexico's Pacific and Caribbean coasts",
                summary=("The hurricane season runs from June to November. If you live in or visit coastal areas, know your "
                         "evacuation route and register your trip in the travel app."),
                body=(
                    text(p("Hurricanes and tropical storms can bring destructive winds, flooding and landslides to both coasts, "
                           "including Acapulco, Los Cabos, Cancún and the Riviera Maya."),
                         h2("Be prepared"),
                         ul("Follow the alerts of Mexico's National Civil Protection System (SINAPROC)",
                            "Keep your passport, cash and medicines in a waterproof bag",
                            "Know where the nearest shelter is and how to get there",
                            "Check with your airline before travelling to the airport")),
                    facts("Emergency contacts", f"Embassy 24-hour line: {MEXICO.contact['emergency_phone']}",
                          "Emergencies in Mexico: 911"),
                ),
                share_x="🌀 Hurricane season runs June–November. On Mexico's coasts? Know your evacuation route, follow SINAPROC alerts and register your trip.",
            ),
        },
        notice=Notice("travel_advisory", "warning", valid_from_days_ago=days_since(6, 1), valid_for_days=182),
        topics=("consular-services", "climate"),
        tags=("hurricanes", "travel advice"),
    ),
    PageSpec(
        slug="clean-energy-trade-mission",
        section="news",
        versions={
            "es": Version(
                title="Misión comercial de energía limpia visita Sonora y Nuevo León",
                summary=("Dieciocho empresas de energía solar, almacenamiento e hidrógeno verde se reunieron con gobiernos "
                         "estatales y socios industriales mexicanos."),
                body=(
                    text(p("Durante cinco días, la delegación visitó parques solares en Sonora y el clúster industrial de "
                           "Monterrey, donde la relocalización de cadenas de suministro está impulsando la demanda de energía limpia."),
                         p("Se firmaron tres memorandos de entendimiento sobre almacenamiento en baterías y formación técnica "
                           "con universidades tecnológicas.")),
                    image("mexico-energy", "Parque solar en Sonora visitado por la delegación."),
                    quote("México tiene el sol, el talento y la industria. Nuestras empresas quieren ser socias de largo plazo "
                          "en su transición energética.", AMBASSADOR, "Embajadora en México"),
                    facts("La misión en cifras", "18 empresas, 2 estados, 5 días", "71 reuniones de negocios",
                          "3 memorandos de entendimiento firmados"),
                ),
                share_x="☀️ Misión comercial de energía limpia en Sonora y Nuevo León: 18 empresas, 71 reuniones y 3 memorandos firmados.",
            ),
            "en": Version(
                title="Clean energy trade mission visits Sonora and Nuevo León",
                summary="Eighteen solar, storage and green hydrogen companies met Mexican state governments and industrial partners.",
                body=(
                    text(p("Over five days the delegation visited solar parks in Sonora and the Monterrey industrial cluster, "
                           "where nearshoring is driving demand for clean power."),
                         p("Three memoranda of understanding were signed on battery storage and technical training with "
                           "technological universities.")),
                    image("mexico-energy", "A solar park in Sonora visited by the delegation."),
                    quote("Mexico has the sun, the talent and the industry. Our companies want to be long-term partners in its "
                          "energy transition.", AMBASSADOR, "Ambassador to Mexico"),
                    facts("The mission in numbers", "18 companies, 2 states, 5 days", "71 business meetings", "3 MoUs signed"),
                ),
                share_x="☀️ Clean energy trade mission to Sonora and Nuevo León: 18 companies, 71 meetings, 3 MoUs signed.",
            ),
        },
        topics=("trade", "climate"),
        tags=("trade mission", "solar", "nearshoring"),
        hero="mexico-energy",
        published_days_ago=141,
    ),
    PageSpec(
        slug="day-of-the-dead-exhibition",
        section="events",
        versions={
            "es": Version(
                title="Exposición «Memoria y ofrenda» por el Día de Muertos",
                summary=("Artistas de Oaxaca y de nuestro país crean juntos una ofrenda monumental en la residencia, abierta "
                         "al público durante dos semanas."),
                body=(
                    text(p("La exposición reúne papel picado, cerámica y fotografía en torno a una ofrenda dedicada a las personas "
                           "migrantes que unieron a nuestros dos países."),
                         p("Los sábados habrá talleres de papel picado para familias y visitas guiadas en español e inglés.")),
                    image("mexico-altar", "La ofrenda preparada con artistas de Oaxaca."),
                    call_to_action("Reserva tu visita", "https://events.mfa.example/mexico-city/memoria-y-ofrenda"),
                ),
                share_x="🕯️ «Memoria y ofrenda»: una ofrenda monumental de artistas de Oaxaca y de nuestro país. Entrada libre con reservación.",
                share_facebook="Este Día de Muertos abrimos la residencia: visita la ofrenda «Memoria y ofrenda» y participa en los talleres de papel picado.",
            ),
            "en": Version(
                title="“Memory and Offering”: a Day of the Dead exhibition",
                summary="Artists from Oaxaca and from home build a monumental ofrenda at the residence, open to the public for two weeks.",
                body=(
                    text(p("Papel picado, ceramics and photography surround an altar dedicated to the migrants who connected our "
                           "two countries."),
                         p("Papel picado workshops for families and guided tours in Spanish and English on Saturdays.")),
                    image("mexico-altar", "The ofrenda made with artists from Oaxaca."),
                    call_to_action("Book your visit", "https://events.mfa.example/mexico-city/memoria-y-ofrenda"),
                ),
                share_x="🕯️ “Memory and Offering”: a monumental Day of the Dead ofrenda at the residence. Free entry, booking required.",
            ),
        },
        event=Event(DAY_OF_THE_DEAD_OPENING, 10, 0, duration_hours=24 * 15 + 8, venue="Residencia de la Embajada",
                    address="Sierra Gorda 180, Lomas de Chapultepec, Ciudad de México",
                    registration_url="https://events.mfa.example/mexico-city/memoria-y-ofrenda"),
        topics=("culture",),
        tags=("día de muertos", "exhibition"),
        hero="mexico-altar",
    ),
    PageSpec(
        slug="speech-guadalajara-book-fair",
        section="news",
        kind="speech",
        versions={
            "es": Version(
                title="Palabras de la embajadora Laura Bennett en la Feria Internacional del Libro de Guadalajara",
                summary="La embajadora anunció un fondo de traducción para publicar en español a veinte autores de nuestro país en tres años.",
                body=(
                    text(p("Sólo el discurso pronunciado es válido."),
                         p("Buenas tardes. Es un honor estar en la feria del libro más importante del mundo de habla hispana. "
                           "Los libros fueron nuestros primeros embajadores: mucho antes de los tratados, los lectores mexicanos "
                           "ya conocían nuestras historias."),
                         p("Hoy anunciamos un fondo de traducción que permitirá a editoriales mexicanas publicar en español a "
                           "veinte autoras y autores de nuestro país en los próximos tres años, y becas de residencia para "
                           "traductores literarios.")),
                    quote("Traducir es el acto de diplomacia más generoso: es prestar tu voz a otra persona.", AMBASSADOR,
                          "Embajadora en México"),
                    video("https://www.youtube.com/watch?v=Gd8fL2nX6pR", "Discurso en la FIL Guadalajara"),
                ),
                share_x="📚 En la #FILGuadalajara anunciamos un fondo de traducción: 20 autores de nuestro país llegarán en español en tres años.",
            ),
        },
        topics=("culture",),
        tags=("speech", "books", "translation"),
        published_days_ago=days_since(12, 1),
    ),
    PageSpec(
        slug="study-myths-tiktok-campaign",
        section="news",
        versions={
            "es": Version(
                title="Mitos y realidades de estudiar en nuestro país: nuestra campaña en TikTok",
                summary=("Estudiantes mexicanos que ya viven allá responden en videos cortos las dudas más frecuentes sobre "
                         "costos, idioma, clima y becas."),
                body=(
                    text(p("La serie de doce videos surgió de las preguntas que más recibimos en redes sociales. Cada episodio "
                           "dura menos de un minuto y está grabado por estudiantes mexicanos."),
                         h2("Algunos mitos"),
                         ul("«Hay que hablar el idioma perfecto»: la mayoría de las maestrías se imparten en inglés y hay cursos de apoyo",
                            "«Es imposible pagarlo»: existen becas completas y los estudiantes pueden trabajar medio tiempo",
                            "«Nadie me va a entender»: hay más de 4,000 estudiantes mexicanos y asociaciones en cada ciudad universitaria")),
                    video("https://www.youtube.com/watch?v=Tk4mR7sQ2vN", "Mitos y realidades – episodio 1", "Con subtítulos en español."),
                    call_to_action("Ver la serie completa", "https://www.tiktok.com/@embajada.mx"),
                ),
                share_x="🎓 ¿Estudiar en nuestro país es caro o imposible sin el idioma? Estudiantes mexicanos responden en nuestra serie de TikTok.",
            ),
            "en": Version(
                title="Myths and facts about studying with us: our TikTok campaign",
                summary="Mexican students already living with us answer the most common questions about costs, language, weather and scholarships.",
                body=(
                    text(p("The twelve-episode series grew out of the questions we receive most often on social media. Each "
                           "episode is under a minute long and filmed by Mexican students."),
                         ul("Most master's programmes are taught in English, with language support",
                            "Full scholarships exist and students may work part-time",
                            "More than 4,000 Mexican students, with associations in every university city")),
                    video("https://www.youtube.com/watch?v=Tk4mR7sQ2vN", "Myths and facts – episode 1", "Spanish with English subtitles."),
                    call_to_action("Watch the series", "https://www.tiktok.com/@embajada.mx"),
                ),
                share_x="🎓 Mexican students answer the questions we hear most about studying with us, in a 12-episode TikTok series.",
            ),
        },
        topics=("digital-diplomacy", "education"),
        tags=("tiktok", "campaign", "study abroad"),
        published_days_ago=212,
    ),
    visa_notice(MEXICO, languages=("es", "en"), centre="Torre Reforma Latino, piso 3, Paseo de la Reforma 296, Juárez", days=12,
                days_ago=305),
    passport_appointments(MEXICO, weeks=5, days_ago=250),
    film_week(
        MEXICO, languages=("es", "en"), partners={"es": "Cineteca Nacional", "en": "the Cineteca Nacional"},
        starts_in_days=-301, address="Av. México-Coyoacán 389, Xoco, Ciudad de México", hero="mexico-film",
    ),
    ask_the_head(MEXICO, languages=("es", "en"), starts_in_days=9, hour=18, facebook="EmbajadaMexico.MFA"),
    scholarship_session(
        MEXICO, languages=("es", "en"),
        universities={"es": "Universidad Nacional Autónoma de México", "en": "the National Autonomous University of Mexico (UNAM)"},
        address="Ciudad Universitaria, Coyoacán, Ciudad de México", starts_in_days=-40,
        recording="https://www.youtube.com/watch?v=Mx7bN3kL9wS",
    ),
    holiday_closure(MEXICO, holiday="semana-santa", languages=("es", "en")),
]
