"""Embassy in Cairo: Arabic first, with English and some French translations."""

from ..missions import CAIRO
from ..spec import Event, Notice, PageSpec, Version
from ..writing import call_to_action, facts, gallery, h2, image, p, quote, text, ul
from .consular import holiday_closure, passport_appointments, visa_notice
from .outreach import ask_the_head, film_week, scholarship_session

AMBASSADOR_AR = "صامويل أديمي"
AMBASSADOR = "Samuel Adeyemi"

PAGES = [
    PageSpec(
        slug="nile-water-climate-seminar",
        section="news",
        versions={
            "ar": Version(
                title="ندوة حول المياه والمناخ: كيف نحمي مستقبل نهر النيل؟",
                summary=("نظّمت السفارة بالتعاون مع جامعة القاهرة ندوة جمعت خبراء المياه والزراعة لمناقشة ترشيد استهلاك "
                         "المياه والتكيّف مع ارتفاع درجات الحرارة."),
                body=(
                    text(p("شارك في الندوة أكثر من 120 باحثًا ومسؤولًا وممثلًا عن منظمات المزارعين، وناقشوا حلولًا عملية "
                           "لتحسين كفاءة الري وإعادة استخدام المياه في دلتا النيل."),
                         h2("أبرز التوصيات"),
                         ul("التوسع في الري بالتنقيط وأجهزة استشعار رطوبة التربة",
                            "معالجة مياه الصرف الزراعي وإعادة استخدامها بأمان",
                            "تبادل البيانات المناخية بين الجامعات ومراكز البحوث")),
                    image("cairo-nile", "نهر النيل عند الغروب."),
                    quote("الماء هو الحياة في مصر منذ آلاف السنين. ونحن فخورون بأن نعمل مع شركائنا المصريين على حلول "
                          "تحمي هذه الثروة للأجيال القادمة.", AMBASSADOR_AR, "السفير"),
                ),
                share_x="💧 ندوة المياه والمناخ مع جامعة القاهرة: الري الذكي وإعادة استخدام المياه وتبادل البيانات المناخية لحماية مستقبل النيل.",
            ),
            "en": Version(
                title="Water and climate seminar: protecting the future of the Nile",
                summary="The embassy and Cairo University brought together water and agriculture experts to discuss saving water and adapting to rising temperatures.",
                body=(
                    text(p("More than 120 researchers, officials and farmers' representatives discussed practical ways to "
                           "improve irrigation efficiency and reuse water in the Nile Delta."),
                         ul("Scale up drip irrigation and soil-moisture sensors", "Treat and safely reuse agricultural drainage water",
                            "Share climate data between universities and research centres")),
                    image("cairo-nile", "The Nile at sunset."),
                    quote("Water has been life in Egypt for thousands of years. We are proud to work with Egyptian partners on "
                          "solutions that protect it for the next generations.", AMBASSADOR, "Ambassador"),
                ),
                share_x="💧 Water and climate seminar with Cairo University: smart irrigation, water reuse and shared climate data for the Nile.",
            ),
            "fr": Version(
                title="Séminaire eau et climat : préserver l'avenir du Nil",
                summary="L'ambassade et l'université du Caire ont réuni des experts de l'eau et de l'agriculture sur les économies d'eau et l'adaptation à la chaleur.",
                body=(
                    text(p("Plus de 120 chercheurs, responsables publics et représentants d'agriculteurs ont débattu de solutions "
                           "concrètes pour améliorer l'irrigation et réutiliser l'eau dans le delta du Nil."),
                         ul("Développer l'irrigation goutte-à-goutte et les capteurs d'humidité des sols",
                            "Traiter et réutiliser sans risque les eaux de drainage agricole",
                            "Partager les données climatiques entre universités et centres de recherche")),
                    image("cairo-nile", "Le Nil au coucher du soleil."),
                    quote("L'eau est la vie en Égypte depuis des millénaires. Nous sommes fiers de travailler avec nos partenaires "
                          "égyptiens à des solutions qui la préservent pour les générations futures.", AMBASSADOR, "Ambassadeur"),
                ),
                share_x="💧 Séminaire eau et climat avec l'université du Caire : irrigation intelligente, réutilisation de l'eau, données partagées.",
            ),
        },
        topics=("climate",),
        tags=("water", "nile", "climate adaptation"),
        hero="cairo-nile",
        published_days_ago=203,
    ),
    PageSpec(
        slug="oud-and-strings-concert",
        section="events",
        versions={
            "ar": Version(
                title="حفل «العود والأوتار» في دار الأوبرا",
                summary="أمسية موسيقية تجمع عازف العود المصري كريم عادل ورباعي وتري من بلادنا في حوار بين المقامات العربية والموسيقى المعاصرة.",
                body=(
                    text(p("تتشرّف السفارة بدعوتكم إلى أمسية فريدة يلتقي فيها العود بالكمان والتشيلو، في برنامج يضم مؤلفات "
                           "جديدة كُتبت خصيصًا لهذا الحفل ومعزوفات من التراث المصري."),
                         p("الحضور مجاني بدعوة مسبقة، ويُرجى الحضور قبل موعد الحفل بثلاثين دقيقة.")),
                    image("cairo-concert", "فرقة «العود والأوتار» على خشبة المسرح الصغير."),
                    call_to_action("احجز دعوتك", "https://events.mfa.example/cairo/oud-strings"),
                ),
                share_x="🎶 «العود والأوتار»: أمسية تجمع العود المصري ورباعيًا وتريًا في دار الأوبرا. الحضور مجاني بدعوة مسبقة.",
            ),
            "en": Version(
                title="“Oud and Strings” at the Cairo Opera House",
                summary="Egyptian oud player Karim Adel and a string quartet from home in a dialogue between Arabic maqam and contemporary music.",
                body=(
                    text(p("The embassy invites you to an evening where the oud meets violin and cello, with new pieces written "
                           "for the concert and arrangements of Egyptian classics."),
                         p("Free entry with an invitation; please arrive thirty minutes early.")),
                    image("cairo-concert", "The ensemble on the stage of the Small Hall."),
                    call_to_action("Book your invitation", "https://events.mfa.example/cairo/oud-strings"),
                ),
                share_x="🎶 “Oud and Strings”: Egyptian oud meets a string quartet at the Cairo Opera House. Free, invitation required.",
            ),
        },
        event=Event(-44, 20, 0, duration_hours=2, venue="دار الأوبرا المصرية – المسرح الصغير", address="Gezira, Zamalek, Cairo",
                    registration_url="https://events.mfa.example/cairo/oud-strings"),
        topics=("culture",),
        tags=("concert", "music"),
        hero="cairo-concert",
    ),
    PageSpec(
        slug="heatwave-advice",
        section="consular",
        versions={
            "en": Version(
                title="Extreme heat across Egypt: advice for travellers",
                summary="Temperatures above 45°C are forecast in Upper Egypt and above 40°C in Cairo this week. Plan outdoor visits for early morning.",
                body=(
                    text(p("Egypt's Meteorological Authority forecasts a prolonged heatwave, with the highest temperatures in "
                           "Luxor, Aswan and the Western Desert."),
                         ul("Visit temples and sites before 10:00 or after 17:00", "Drink water regularly, even if you are not thirsty",
                            "Do not take part in desert excursions without a licensed guide and a satellite phone",
                            "Seek medical help for dizziness, confusion or a high temperature")),
                    facts("Help", f"Embassy 24-hour line: {CAIRO.contact['emergency_phone']}", "Ambulance in Egypt: 123"),
                ),
                share_x="🌡️ Heatwave in Egypt: above 45°C in Upper Egypt. Visit sites early, drink water, no desert trips without a licensed guide.",
            ),
        },
        notice=Notice("travel_advisory", "advisory", valid_from_days_ago=146, valid_for_days=9),
        topics=("consular-services", "climate"),
        tags=("heat", "travel advice"),
    ),
    PageSpec(
        slug="arabic-x-account-press-centre",
        section="news",
        versions={
            "ar": Version(
                title="السفارة تطلق حسابها باللغة العربية على منصة إكس وخدمة المركز الصحفي الافتراضي بالعربية",
                summary="أصبح بإمكان الصحفيين والجمهور متابعة بيانات الوزارة ومؤتمراتها الصحفية باللغة العربية مباشرة.",
                body=(
                    text(p("في إطار استراتيجية الدبلوماسية الرقمية، أطلقت السفارة حسابًا جديدًا باللغة العربية على منصة إكس، "
                           "وأتاحت ترجمة فورية إلى العربية للمؤتمرات الصحفية الأسبوعية عبر المركز الصحفي الافتراضي."),
                         h2("ماذا يقدّم الحساب الجديد؟"),
                         ul("بيانات الوزارة ومواقفها باللغة العربية فور صدورها", "معلومات التأشيرات والمنح الدراسية",
                            "بثًا مباشرًا للفعاليات الثقافية وجلسات الأسئلة والأجوبة"),
                         p("ننبّه إلى أن السفارة لا تطلب أبدًا أي مدفوعات أو بيانات شخصية عبر الرسائل الخاصة.")),
                    call_to_action("تابع حساب السفارة بالعربية", "https://x.com/MFA_Cairo_AR"),
                ),
                share_x="📢 حسابنا الرسمي باللغة العربية على إكس أصبح متاحًا! تابعونا للاطلاع على البيانات والمنح والفعاليات أولًا بأول.",
                share_facebook="أطلقنا حسابًا باللغة العربية على منصة إكس، وترجمة فورية إلى العربية للمؤتمرات الصحفية الأسبوعية. تابعونا!",
            ),
            "en": Version(
                title="The embassy launches an Arabic-language X account and Arabic briefings in the virtual press centre",
                summary="Journalists and the public can now follow the ministry's statements and weekly briefings in Arabic.",
                body=(
                    text(p("As part of the Digital Diplomacy Strategy, the embassy has opened an Arabic-language account on X, "
                           "and the weekly briefings in the virtual press centre now have live Arabic interpretation."),
                         ul("Statements in Arabic as soon as they are issued", "Visa and scholarship information",
                            "Live streams of cultural events and Q&A sessions")),
                    call_to_action("Follow the embassy in Arabic", "https://x.com/MFA_Cairo_AR"),
                ),
                share_x="📢 The embassy now posts in Arabic on X, and weekly press briefings have live Arabic interpretation.",
            ),
        },
        topics=("digital-diplomacy", "press"),
        tags=("social media", "arabic", "virtual press centre"),
        published_days_ago=352,
    ),
    PageSpec(
        slug="heritage-restoration-workshop",
        section="news",
        kind="photo_story",
        versions={
            "en": Version(
                title="Photo story: students restore a historic house in Old Cairo",
                summary="For six weeks, conservation students from both countries documented and restored tiles and woodwork in a nineteenth-century house.",
                body=(
                    text(p("The workshop, run with the Faculty of Archaeology, trained 24 students in recording, cleaning and "
                           "consolidating historic decoration. Their drawings and photographs are now part of the house's archive.")),
                    gallery("Six weeks in Old Cairo", ("cairo-heritage-1", "Tile patterns recorded before restoration."),
                            ("cairo-heritage-2", "The courtyard used as the workshop's classroom.")),
                    quote("We learned more from one cracked tile than from a semester of lectures.", "Mariam Adel", "Conservation student"),
                ),
                share_x="📸 24 students, 6 weeks, one historic house in Old Cairo: see how they documented and restored its tiles and woodwork.",
            ),
            "ar": Version(
                title="قصة مصوّرة: طلاب يرمّمون بيتًا تاريخيًا في القاهرة القديمة",
                summary="على مدى ستة أسابيع، وثّق طلاب الترميم من البلدين البلاطات والأعمال الخشبية في بيت يعود إلى القرن التاسع عشر ورمّموها.",
                body=(
                    text(p("درّبت الورشة، التي نُظّمت بالتعاون مع كلية الآثار، 24 طالبًا على توثيق الزخارف التاريخية وتنظيفها "
                           "وتدعيمها، وأصبحت رسوماتهم وصورهم جزءًا من أرشيف البيت.")),
                    gallery("ستة أسابيع في القاهرة القديمة", ("cairo-heritage-1", "أنماط البلاط قبل الترميم."),
                            ("cairo-heritage-2", "الفناء الذي استُخدم قاعةً للدراسة.")),
                    quote("تعلّمنا من بلاطة مكسورة واحدة أكثر مما تعلّمناه في فصل دراسي كامل.", "مريم عادل", "طالبة ترميم"),
                ),
                share_x="📸 24 طالبًا وستة أسابيع وبيت تاريخي في القاهرة القديمة: شاهدوا كيف وثّقوا بلاطه وأخشابه ورمّموها.",
            ),
        },
        topics=("culture", "education"),
        tags=("heritage", "photo story"),
        hero="cairo-heritage-1",
        published_days_ago=94,
    ),
    PageSpec(
        slug="young-journalists-training",
        section="news",
        versions={
            "ar": Version(
                title="برنامج تدريبي للصحفيين الشباب حول التحقق من المعلومات",
                summary="مسودة: برنامج لمدة أسبوعين لعشرين صحفيًا شابًا حول التحقق من الأخبار والصور على وسائل التواصل الاجتماعي.",
                body=(text(p("سيُعلن عن شروط التقديم والمواعيد بعد اعتماد البرنامج مع الشركاء.")),),
            ),
        },
        topics=("press", "digital-diplomacy"),
        tags=("journalism", "fact-checking"),
        status="draft",
    ),
    visa_notice(CAIRO, languages=("ar", "en", "fr"), centre="مركز طلبات التأشيرات، 22 شارع التسعين، التجمع الخامس، القاهرة الجديدة",
                days=15, days_ago=310),
    passport_appointments(CAIRO, weeks=6, days_ago=270),
    film_week(
        CAIRO, languages=("ar", "en"), partners={"ar": "مركز الهناجر للفنون", "en": "the Hanager Arts Centre"},
        starts_in_days=-196, address="Cairo Opera House grounds, Zamalek, Cairo", hero="cairo-concert",
    ),
    ask_the_head(CAIRO, languages=("ar", "en"), starts_in_days=-31, hour=20, facebook="EmbassyCairo.MFA"),
    scholarship_session(
        CAIRO, languages=("ar", "en"), universities={"ar": "جامعة القاهرة", "en": "Cairo University"},
        address="Cairo University, Giza", starts_in_days=25, recording="https://www.youtube.com/watch?v=Cs5hL9mQ3tB",
    ),
    holiday_closure(CAIRO, holiday="eid", languages=("ar", "en")),
]
